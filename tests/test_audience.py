"""Audiences: what is marked for a wider circle leaves no trace in any output for a narrower one."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_folder

from stakeholders import InvalidArgument, ValidationError, export_map, load_map
from stakeholders.audience import for_audience
from stakeholders.cli import cli

SECRET_ORG = "Covert Unit Zeta-7f3"
SECRET_SECTOR = "covert-ops-5c1"
SECRET_CONTACT = "Agent Jansen 06-9a1"
SECRET_LINK_NOTE = "informal channel q8z"
PARTNER_NOTE = "partner briefing 4b2"
PARTNER_ORG = "Partner Hub Ypsilon-2d6"
SECRET_BARRIER = "Covert barrier Omega-9e4"
SECRET_BARRIER_NOTE = "raised by Zeta alone 7h1"
PARTNER_BARRIER = "Partner barrier Sigma-3c5"
SECRET_BARRIER_CONTACT = "Barrier handler 06-5f0"
SECRET_TECHNIQUE = "covert-technique-8k2"


def sensitive_map(folder: Path, **settings: str) -> Path:
    organisations = [
        ["id", "name", "sector", "sensitivity", "description", "Contact person"],
        ["om", "Openbaar Ministerie", "justice", "", "prosecution", SECRET_CONTACT],
        ["politie", "Politie", "police", "public", "investigation", ""],
        ["hub", PARTNER_ORG, "ngo", "partners", "coordination", ""],
        ["zeta", SECRET_ORG, SECRET_SECTOR, "restricted", "covert work", ""],
    ]
    links = [
        ["source", "target", "kind", "sensitivity", "notes"],
        ["politie", "om", "information-sharing", "", PARTNER_NOTE],
        ["zeta", "politie", "joint-operation", "", "to a restricted organisation"],
        ["om", "politie", "referral", "restricted", SECRET_LINK_NOTE],
        ["hub", "om", "policy-consultation", "partners", ""],
    ]
    views = [["name", "focus", "step"], ["around-zeta", "zeta", "1"], ["all", "", "2"]]
    rows = [
        ["key", "value"],
        ["sectors", SECRET_SECTOR],
        ["restricted_fields", "Contact person"],
        ["partners_fields", "notes"],
        ["techniques", SECRET_TECHNIQUE],
        *[[key, value] for key, value in settings.items()],
    ]
    script = [["id", "name", "order"], ["preparation", "Preparation", "1"], ["activity", "Activity", "2"]]
    barriers = [
        ["id", "name", "phase", "owners", "partners", "technique", "sensitivity", "description", "Contact person"],
        ["warn", "Warning visits", "preparation", "politie", "hub|zeta", "increase-risk", "", "public text", ""],
        ["omega", SECRET_BARRIER, "activity", "om", "", "disruption", "restricted", "covert", ""],
        ["sigma", PARTNER_BARRIER, "activity", "om", "", "disruption", "partners", "", ""],
        ["zeta-only", "Zeta's barrier", "activity", "zeta", "om", SECRET_TECHNIQUE, "", SECRET_BARRIER_NOTE, ""],
        ["open", "Open barrier", "activity", "", "", "removal", "", "", SECRET_BARRIER_CONTACT],
    ]
    tables = {"organisations": organisations, "links": links, "map": rows, "views": views}
    return write_folder(folder, {**tables, "script": script, "barriers": barriers})


BARRIER_SECRETS = (SECRET_BARRIER, SECRET_BARRIER_NOTE, SECRET_BARRIER_CONTACT, SECRET_TECHNIQUE, "Zeta's barrier")
SECRETS = {
    "public": (SECRET_ORG, SECRET_SECTOR, SECRET_CONTACT, SECRET_LINK_NOTE, PARTNER_NOTE, PARTNER_ORG, "around-zeta")
    + (*BARRIER_SECRETS, PARTNER_BARRIER),
    "partners": (SECRET_ORG, SECRET_SECTOR, SECRET_CONTACT, SECRET_LINK_NOTE, "around-zeta", *BARRIER_SECRETS),
}


def all_text(path: Path) -> str:
    """Every byte of an output as text; workbooks unzipped, folders of CSV files read file by file."""
    if path.is_dir():
        return "".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(path.iterdir()))
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return data.decode("utf-8", "replace")


def test_the_map_is_cut_down(tmp_path: Path) -> None:
    source = sensitive_map(tmp_path / "s")
    public = load_map(source)  # the default audience: public
    assert public.audience == "public"
    assert list(public.organisations["id"]) == ["om", "politie"]
    assert list(public.links["kind"]) == ["information-sharing"]
    assert public.hidden == {"organisations": 2, "links": 3, "barriers": 3}
    assert "Contact person" not in public.organisations.columns and list(public.links["notes"]) == [""]
    assert SECRET_SECTOR not in public.settings.sectors.ids
    partners = load_map(source, audience="partners")
    assert list(partners.organisations["id"]) == ["om", "politie", "hub"]
    assert list(partners.links["notes"]) == [PARTNER_NOTE, ""]
    internal = load_map(source, audience="internal")
    assert len(internal.organisations) == 4 and len(internal.links) == 4
    assert list(internal.organisations["Contact person"])[0] == SECRET_CONTACT
    assert [v for v in internal.views["name"]] == ["around-zeta", "all"]
    assert list(public.views["name"]) == ["all"]  # a view focused on a removed organisation goes too


def test_the_barriers_are_cut_down(tmp_path: Path) -> None:
    """Barriers above the audience go; hidden organisations leave owners and partners; a barrier raised only by
    hidden organisations goes with them; one that never had an owner stays."""
    source = sensitive_map(tmp_path / "s")
    public = load_map(source)
    assert public.barriers[["id", "owners", "partners"]].to_dict("records") == [
        {"id": "warn", "owners": ["politie"], "partners": []},
        {"id": "open", "owners": [], "partners": []},
    ]
    assert "Contact person" not in public.barriers.columns and SECRET_TECHNIQUE not in public.settings.techniques.ids
    partners = load_map(source, audience="partners")
    assert list(partners.barriers["id"]) == ["warn", "sigma", "open"] and partners.hidden["barriers"] == 2
    assert partners.records("barriers")[0]["partners"] == ["hub"]
    internal = load_map(source, audience="internal")
    assert list(internal.barriers["id"]) == ["warn", "omega", "sigma", "zeta-only", "open"]
    assert internal.records("barriers")[0]["partners"] == ["hub", "zeta"]
    assert internal.records("barriers")[-1]["Contact person"] == SECRET_BARRIER_CONTACT


def test_the_source_may_declare_its_default_audience(tmp_path: Path) -> None:
    m = load_map(sensitive_map(tmp_path / "s", audience="partners"))
    assert m.audience == "partners" and len(m.organisations) == 3
    with pytest.raises(InvalidArgument, match="'everybody' is not an audience: use one of public, partners, internal"):
        for_audience(m, "everybody")


@pytest.mark.parametrize("audience", ["public", "partners"])
@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["map"], "map.html"),
        (["report", "--today", "2026-11-28"], "report.html"),
        (["present"], "deck.html"),
        (["image"], "map.svg"),
        (["export"], "map.gexf"),
        (["export"], "map.graphml"),
        (["export"], "map.cyjs"),
        (["export"], "map.xlsx"),
        (["export", "--kumu"], "kumu.xlsx"),
        (["export"], "csv-folder"),
    ],
)
def test_no_trace_in_any_output(
    runner: CliRunner, tmp_path: Path, audience: str, command: list[str], output: str
) -> None:
    source = sensitive_map(tmp_path / "s")
    out = tmp_path / output
    result = runner.invoke(cli, [command[0], str(source), *command[1:], "-o", str(out), "--audience", audience])
    assert result.exit_code == 0, result.output
    text = all_text(out)
    assert "Openbaar Ministerie" in text or "Openbaar" in text or "om" in text
    if command[0] == "export":  # exports carry the barriers the audience may see: the check can fail
        assert "Warning visits" in text and ("Sigma" in text) == (audience == "partners")
    for secret in SECRETS[audience]:
        assert secret not in text, (secret, output)


def test_no_trace_in_analysis_and_diff(runner: CliRunner, tmp_path: Path) -> None:
    source = sensitive_map(tmp_path / "s")
    for args in (["analyse", str(source), "--format", "json"], ["diff", str(source), str(source), "--format", "md"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0
        for secret in SECRETS["public"]:
            assert secret not in result.output
    internal = runner.invoke(cli, ["analyse", str(source), "--format", "json", "--audience", "internal"])
    assert SECRET_ORG in internal.output  # the test can fail: internal readers do see it


def test_the_command_says_what_it_left_out(runner: CliRunner, tmp_path: Path) -> None:
    source = sensitive_map(tmp_path / "s")
    result = runner.invoke(cli, ["map", str(source), "-o", str(tmp_path / "m.html")])
    assert result.output.splitlines()[0] == (
        "Note: for the audience public, 2 organisations, 3 links and 3 barriers marked for a wider circle "
        "(or raised only by organisations left out) were left out (see --audience)."
    )


def test_the_page_counts_what_it_leaves_out_only_when_allowed(tmp_path: Path) -> None:
    from stakeholders import to_html

    quiet = to_html(load_map(sensitive_map(tmp_path / "quiet")))
    assert 'id="map-hidden"' not in quiet
    told = to_html(load_map(sensitive_map(tmp_path / "told", show_hidden_counts="ja")))
    assert "For this audience (public) 2 organisations and 3 links are not shown. Not shown either: 3 barriers." in told


def test_the_image_counts_the_barriers_it_leaves_out_when_allowed(tmp_path: Path) -> None:
    from stakeholders.images import write_image

    told = load_map(sensitive_map(tmp_path / "told", show_hidden_counts="ja"))
    svg = write_image(told, tmp_path / "told.svg").read_text(encoding="utf-8")
    assert "Not shown either: 3 barriers." in svg
    quiet = write_image(load_map(sensitive_map(tmp_path / "quiet")), tmp_path / "quiet.svg").read_text(encoding="utf-8")
    assert "Not shown either" not in quiet


def test_field_settings_are_checked(tmp_path: Path) -> None:
    folder = sensitive_map(tmp_path / "bad", restricted_fields="Phone|name", show_hidden_counts="perhaps")
    with pytest.raises(ValidationError) as caught:
        load_map(folder)
    messages = [str(p) for p in caught.value.problems]
    assert "map.csv, row 7, column show_hidden_counts: 'perhaps' is not yes or no: write yes or no" in messages
    assert any("'Phone' is not a column of the organisations, links or barriers" in m for m in messages)
    assert any("'name' cannot be hidden: every map needs its names" in m for m in messages)


def test_hidden_links_show_neither_in_the_date_nor_in_the_names_of_others(tmp_path: Path) -> None:
    orgs = [["id", "name"], ["om", "OM"], ["politie", "Politie"]]
    links = [
        ["source", "target", "kind", "sensitivity", "last_checked"],
        ["om", "politie", "referral", "restricted", "2031-07-15"],
        ["om", "politie", "funding", "", "2020-01-01"],
        ["om", "politie", "referral", "partners", ""],
        ["om", "politie", "research", "", ""],
    ]
    source = write_folder(tmp_path / "m", {"organisations": orgs, "links": links})
    public = load_map(source, audience="public")
    assert public.settings.date == "2020-01-01" and public.graph.graph["date"] == "2020-01-01"
    assert list(public.links["id"]) == ["om>politie", "om>politie~2"]
    assert list(load_map(source, audience="partners").links["id"]) == ["om>politie", "om>politie~3", "om>politie~2"]
    internal = load_map(source, audience="internal")
    assert internal.settings.date == "2031-07-15"
    assert list(internal.links["id"]) == ["om>politie~4", "om>politie", "om>politie~3", "om>politie~2"]


def test_a_view_that_filters_on_a_removed_term_leaves_no_trace(tmp_path: Path) -> None:
    orgs = [["id", "name", "sector", "sensitivity"], ["a", "A", "police", ""], ["z", "Z", "covert", "restricted"]]
    views = [["name", "step", "sector"], ["hidden-only", "1", "covert"], ["both", "2", "covert|police"]]
    tables = {"organisations": orgs, "links": [["source", "target"]], "views": views, "map": [["sectors", "covert"]]}
    source = write_folder(tmp_path / "m", tables)
    public = load_map(source, audience="public")
    assert public.views[["name", "sector"]].to_dict("records") == [{"name": "both", "sector": ["police"]}]
    internal = load_map(source, audience="internal")
    assert list(internal.views["name"]) == ["hidden-only", "both"]
    written = export_map(public, tmp_path / "public-folder")
    assert "covert" not in "".join(p.read_text(encoding="utf-8") for p in written.iterdir())
    assert list(load_map(written, audience="public").views["name"]) == ["both"]  # the export loads back


def test_hidden_counts_are_counts_of_the_date_asked_for(tmp_path: Path) -> None:
    """What did not exist yet on the date is not counted as hidden: that would hint at later cooperation."""
    orgs = [["id", "name", "since", "sensitivity"], ["a", "A", "", ""], ["b", "B", "", ""]]
    orgs += [["old", "Old", "2010", "restricted"], ["new", "New", "2020", "restricted"]]
    links = [["source", "target", "since", "sensitivity"], ["a", "b", "", ""], ["a", "b", "2019", "restricted"]]
    links += [["a", "old", "2012", ""], ["a", "new", "2021", ""]]
    folder = write_folder(tmp_path / "m", {"organisations": orgs, "links": links})
    assert load_map(folder).hidden == {"organisations": 2, "links": 3}
    assert load_map(folder, as_of="2015").hidden == {"organisations": 1, "links": 1}
    assert load_map(folder, as_of="2015", audience="internal").organisations["id"].tolist() == ["a", "b", "old"]


SECRET_TAG = "secret-tag-k41"
SECRET_LAND = "Secretland-x9"
SECRET_STAGE = "Covert stage w7"
SECRET_STAGE_NOTE = "covert stage note m3"
SECRET_DESC_NL = "geheime omschrijving p2"
SECRET_NOTE_NL = "geheime notitie r5"
SECRET_COLUMN = "Handler code v8"


def leaky_map(folder: Path) -> Path:
    """A source whose restricted rows and fields reach views, translations and stages."""
    organisations = [
        ["id", "name", "sector", "country", "stages", "tags", "sensitivity", "description", "description_nl"],
        ["om", "OM", "justice", "NL", "prosecution", "open", "", "prosecution", SECRET_DESC_NL],
        ["politie", "Politie", "police", "NL", "investigation", "open", "", "investigation", ""],
        ["zeta", "Zeta", "police", SECRET_LAND, "covert", SECRET_TAG, "restricted", "", ""],
    ]
    organisations[0].append(SECRET_COLUMN)
    for row, value in zip(organisations[1:], ["a1", "b2", "c3"], strict=True):
        row.append(value)
    links = [
        ["source", "target", "kind", "notes", "notes_nl"],
        ["politie", "om", "referral", "a note", SECRET_NOTE_NL],
    ]
    stages = [
        ["id", "name", "order", "description", "hands_over_to"],
        ["investigation", "Investigation", "1", "", "prosecution"],
        ["prosecution", "Prosecution", "2", "", ""],
        ["covert", SECRET_STAGE, "3", SECRET_STAGE_NOTE, ""],
        ["unused", "Aftercare", "4", "nobody yet", ""],
    ]
    views = [
        ["name", "step", "tags", "country", "stage", "highlight_stage", "colour_by"],
        ["by-tag", "1", SECRET_TAG, "", "", "", ""],
        ["by-land", "2", "", SECRET_LAND, "", "", ""],
        ["by-stage", "3", "", "", "covert", "", ""],
        ["mixed", "4", f"open|{SECRET_TAG}", f"NL|{SECRET_LAND}", "prosecution|covert", "covert|prosecution", ""],
        ["coloured", "5", "", "", "", "", SECRET_COLUMN],
        ["all", "6", "", "", "", "", ""],
    ]
    settings = [["key", "value"], ["restricted_fields", f"description|notes|{SECRET_COLUMN}"]]
    tables = {
        "organisations": organisations,
        "links": links,
        "stages": stages,
        "views": views,
        "map": settings,
    }
    return write_folder(folder, tables)


LEAKS = (SECRET_TAG, SECRET_LAND, SECRET_STAGE, SECRET_STAGE_NOTE, SECRET_DESC_NL, SECRET_NOTE_NL, SECRET_COLUMN)


def test_translations_of_hidden_fields_are_hidden_too(tmp_path: Path) -> None:
    public = load_map(leaky_map(tmp_path / "s"), audience="public")
    assert "description_nl" not in public.organisations.columns
    assert "notes_nl" not in public.links.columns
    internal = load_map(leaky_map(tmp_path / "s"), audience="internal")
    assert list(internal.organisations["description_nl"])[0] == SECRET_DESC_NL


def test_views_keep_only_what_remaining_rows_have(tmp_path: Path) -> None:
    public = load_map(leaky_map(tmp_path / "s"), audience="public")
    views = public.views.set_index("name")
    assert list(views.index) == ["mixed", "coloured", "all"]
    mixed = views.loc["mixed"]
    assert (mixed["tags"], mixed["country"], mixed["stage"]) == (["open"], ["NL"], ["prosecution"])
    assert mixed["highlight_stage"] == ["prosecution"]
    assert views.loc["coloured", "colour_by"] == ""
    internal = load_map(leaky_map(tmp_path / "s"), audience="internal")
    assert len(internal.views) == 6 and SECRET_COLUMN in list(internal.views["colour_by"])


def test_stages_only_removed_rows_were_in_go(tmp_path: Path) -> None:
    public = load_map(leaky_map(tmp_path / "s"), audience="public")
    assert list(public.stages["id"]) == ["investigation", "prosecution", "unused"]  # nobody's stage stays
    assert list(load_map(leaky_map(tmp_path / "s"), audience="internal").stages["id"]) == [
        "investigation",
        "prosecution",
        "covert",
        "unused",
    ]


def test_a_stage_a_remaining_hand_over_names_stays(tmp_path: Path) -> None:
    source = leaky_map(tmp_path / "s")
    stages = (source / "stages.csv").read_text(encoding="utf-8")
    (source / "stages.csv").write_text(stages.replace("2,,\n", "2,,covert\n", 1), encoding="utf-8")
    public = load_map(source, audience="public")
    assert "covert" in list(public.stages["id"])


@pytest.mark.parametrize("output", ["map.xlsx", "csv-folder", "map.gexf", "map.graphml", "map.cyjs"])
def test_no_leak_through_views_translations_or_stages_in_exports(tmp_path: Path, output: str) -> None:
    public = load_map(leaky_map(tmp_path / "s"), audience="public")
    written = export_map(public, tmp_path / output)
    text = all_text(written)
    for secret in LEAKS:
        assert secret not in text, (secret, output)
    if output in ("map.xlsx", "csv-folder"):
        again = load_map(written, audience="internal")  # the export loads back, and holds no more
        assert list(again.views["name"]) == ["mixed", "coloured", "all"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_leak_through_views_translations_or_stages_in_the_page(tmp_path: Path, lang: str) -> None:
    from stakeholders import to_html

    page = to_html(load_map(leaky_map(tmp_path / "s"), audience="public"), lang=lang)
    for secret in LEAKS:
        assert secret not in page, secret


@pytest.mark.parametrize(
    "command",
    [
        ["map", "--view", "coloured", "-o", "m.html"],
        ["image", "--view", "coloured", "-o", "m.svg"],
        ["present", "-o", "deck.html"],
    ],
)
def test_a_view_coloured_by_a_hidden_column_draws_plainly(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    source = leaky_map(tmp_path / "s")
    out = tmp_path / command[-1]
    result = runner.invoke(cli, [command[0], str(source), *command[1:-1], str(out)])
    assert result.exit_code == 0, result.output
    text = all_text(out)
    for secret in LEAKS:
        assert secret not in text, secret


def test_a_view_filtering_on_a_hidden_column_goes(tmp_path: Path) -> None:
    source = leaky_map(tmp_path / "s")
    settings = source / "map.csv"
    settings.write_text(settings.read_text(encoding="utf-8").replace("description|", "description|country|"), "utf-8")
    public = load_map(source, audience="public")
    assert list(public.views["name"]) == ["coloured", "all"]  # "mixed" filtered on a country too
