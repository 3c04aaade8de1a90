"""Merging partners' answers: matches, uncertain matches, confirmed and one-sided links, conflicts, round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PAYLOADS
from openpyxl import load_workbook

from stakeholders import example_path, load_map, merge_maps, merge_sources, write_html, write_merged
from stakeholders.cli import cli
from stakeholders.errors import InvalidArgument

POLITIE = {
    "settings": {"title": "Antwoorden Politie", "respondent": "Politie"},
    "organisations": [
        {"id": "pol", "name": "Politie", "short_name": "POL", "sector": "police"},
        {"id": "om", "name": "Openbaar Ministerie", "short_name": "OM", "sector": "justice"},
        {"id": "ehk", "name": "Expertisebureau Online Kindermisbruik", "short_name": "EOKM"},
        {"id": "hw", "name": "Helpwanted"},
    ],
    "links": [
        {"source": "pol", "target": "om", "kind": "referral", "status": "active", "trust": 3, "value": 4},
        {"source": "pol", "target": "ehk", "kind": "information-sharing", "direction": "mutual", "since": "2019"},
        {"source": "pol", "target": "hw", "kind": "agreement", "until": "2015"},
    ],
}

OM = {
    "settings": {"respondent": "Openbaar Ministerie"},
    "organisations": [
        {"id": "om", "name": "Openbaar Ministerie"},
        {"id": "nationale-politie", "name": "Nationale Politie", "aliases": "Politie"},
        {"id": "eokm", "name": "Expertisebureau Online Kindermisbruik"},
        {"id": "sin", "name": "Stop it Now"},
        {"id": "rn", "name": "Reclassering Nederland", "short_name": "RN"},
    ],
    "links": [
        {"source": "om", "target": "nationale-politie", "kind": "referral", "status": "lapsed", "trust": 2},
        {
            "source": "eokm",
            "target": "nationale-politie",
            "kind": "information-sharing",
            "direction": "mutual",
            "since": "2019",
        },
        {"source": "om", "target": "sin", "kind": "referral"},
    ],
}

HELPWANTED = {
    "organisations": [
        {"id": "hw", "name": "Helpwanted.nl"},
        {"id": "pol", "name": "Politie"},
        {"id": "stop-it-now", "name": "Stop it Now!"},
        {"id": "rn-x", "name": "Raad voor de Rechtspraak", "short_name": "RN"},
    ],
    "links": [{"source": "hw", "target": "pol", "kind": "agreement", "since": "2020", "value": 2}],
}


@pytest.fixture
def answers(tmp_path: Path) -> list[Path]:
    paths = []
    for name, data in (("politie", POLITIE), ("om", OM), ("helpwanted", HELPWANTED)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def _links(m) -> dict[tuple[frozenset[str], str, str], dict]:
    return {(frozenset((r["source"], r["target"])), r["kind"], r["since"] or r["until"]): r for r in m.records("links")}


def test_organisations_are_matched_by_id_name_and_alias_and_uncertain_ones_kept_apart(answers):
    merged = merge_sources(answers, names=["", "", "hw"])
    ids = list(merged.map.organisations["id"])
    assert ids == ["pol", "om", "ehk", "hw", "sin", "rn", "stop-it-now", "rn-x"]
    assert merged.summary["matched"] == 5  # om (id), nationale-politie (alias), eokm (name); hw and pol (id)
    uncertain = {(row["id"], row["candidate"], row["reason"]) for row in merged.uncertain.to_dict("records")}
    assert uncertain == {("stop-it-now", "sin", "similar-name"), ("rn-x", "rn", "same-short-name")}


def test_the_same_link_becomes_one_with_who_reported_it_and_whether_both_ends_did(answers):
    merged = merge_sources(answers, names=["", "", "hw"])
    links = _links(merged.map)
    assert len(links) == 5
    referral = links[(frozenset({"pol", "om"}), "referral", "")]
    assert referral["reported_by"] == ["Antwoorden Politie", "om"]
    assert referral["reports"] == 2
    assert referral["confirmation"] == "confirmed"
    sharing = links[(frozenset({"pol", "ehk"}), "information-sharing", "2019")]
    assert sharing["reports"] == 2 and sharing["confirmation"] == "one-sided"  # om reported it, but is no end
    # periods that do not overlap are two links; hw said who it is with --as
    assert links[(frozenset({"pol", "hw"}), "agreement", "2015")]["confirmation"] == "one-sided"
    later = links[(frozenset({"pol", "hw"}), "agreement", "2020")]
    assert later["reported_by"] == ["hw"] and later["confirmation"] == "one-sided"
    assert links[(frozenset({"om", "sin"}), "referral", "")]["confirmation"] == "one-sided"


def test_each_end_scores_the_other(answers):
    merged = merge_sources(answers, names=["", "", "hw"])
    links = _links(merged.map)
    referral = links[(frozenset({"pol", "om"}), "referral", "")]
    assert (referral["source"], referral["source_trust"], referral["target_trust"]) == ("pol", 3, 2)
    assert referral["source_value"] == 4 and referral["trust"] is None
    later = links[(frozenset({"pol", "hw"}), "agreement", "2020")]
    assert (later["source"], later["source_value"], later["value"]) == ("hw", 2, None)


def test_disagreements_are_kept_side_by_side_not_resolved(answers):
    merged = merge_sources(answers, names=["", "", "hw"])
    conflicts = merged.conflicts.set_index(["id", "field"])
    assert list(merged.conflicts.columns) == ["table", "id", "about", "field", "Antwoorden Politie", "om", "hw"]
    status = conflicts.loc[("pol>om", "status")]
    assert (status["Antwoorden Politie"], status["om"], status["hw"]) == ("active", "lapsed", "")
    direction = conflicts.loc[("pol>om", "direction")]
    assert (direction["Antwoorden Politie"], direction["om"]) == ("directed pol → om", "directed om → pol")
    helpwanted = merged.map.organisations.set_index("id").loc["hw"]
    assert (helpwanted["name"], helpwanted["aliases"]) == ("Helpwanted", ["Helpwanted.nl"])  # another name: an alias
    kept = merged.map.links.set_index("id").loc["pol>om"]
    assert kept["status"] == "active"  # the first source's value, with the disagreement listed
    assert merged.summary["conflicts"] == len(merged.conflicts) == 2


@pytest.mark.parametrize("output", ["merged.xlsx", "merged-csv", "merged.gexf", "merged.graphml", "merged.cyjs"])
def test_the_merged_map_loads_back_from_every_format(answers, tmp_path, output):
    merged = merge_sources(answers, names=["", "", "hw"])
    written = write_merged(merged, tmp_path / output)
    again = load_map(written, audience="internal")
    fields = ["id", "source", "target", "reported_by", "reports", "confirmation", "source_trust", "target_trust"]
    assert [{k: r[k] for k in fields} for r in again.records("links")] == [
        {k: r[k] for k in fields} for r in merged.map.records("links")
    ]
    assert list(again.organisations["id"]) == list(merged.map.organisations["id"])
    if output.endswith(".xlsx"):
        sheets = load_workbook(written, read_only=True).sheetnames
        assert "Conflicts" in sheets and "Uncertain matches" in sheets
    elif output == "merged-csv":
        assert (written / "conflicts.csv").read_text(encoding="utf-8-sig").startswith("table,id,about,field")
    else:
        assert (tmp_path / f"{Path(output).stem}.conflicts.csv").exists()


def test_the_same_sources_give_the_same_bytes(answers, tmp_path):
    first = write_merged(merge_sources(answers), tmp_path / "a.xlsx").read_bytes()
    assert first == write_merged(merge_sources(answers), tmp_path / "b.xlsx").read_bytes()


def test_a_respondent_that_is_no_organisation_of_its_source_is_one_clear_line(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({**OM, "settings": {"respondent": "Nobody"}}), encoding="utf-8")
    with pytest.raises(InvalidArgument, match="setting respondent"):
        merge_sources([path])
    result = CliRunner().invoke(cli, ["merge", str(path), "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 2 and "respondent" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.xlsx").exists()


def test_merge_command_prints_a_summary_and_the_uncertain_matches(answers, tmp_path):
    out = tmp_path / "merged.xlsx"
    args = ["merge", *map(str, answers), "-o", str(out), "--as", "Politie", "--as", "OM", "--as", "hw"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "8 organisations (5 matched across sources), 5 links (1 confirmed, 4 one-sided) from 3 sources" in (
        result.output
    )
    assert "2 disagreements kept side by side in its Conflicts sheet" in result.output
    assert "Uncertain match (similar-name): 'Stop it Now!' (stop-it-now)" in result.output
    assert "Note: " not in result.output  # every source said who filled it in
    quiet = CliRunner().invoke(cli, ["merge", *map(str, answers), "-o", str(tmp_path / "again.xlsx")])
    assert "Note: helpwanted does not say which organisation filled it in" in quiet.output
    assert load_map(out, audience="internal").records("links")[0]["reported_by"] == ["Politie", "OM"]


def test_more_names_than_sources_is_refused(answers, tmp_path):
    result = CliRunner().invoke(
        cli, ["merge", str(answers[0]), "-o", str(tmp_path / "m.xlsx"), "--as", "a", "--as", "b"]
    )
    assert result.exit_code == 2 and "at most one name per source" in result.output


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "legend_words"), [("en", "reported by one end only"), ("nl", "door één kant gemeld")])
def test_one_sided_links_are_drawn_distinctly_with_a_legend_entry(answers, tmp_path, open_page, lang, legend_words):
    merged = merge_sources(answers, names=["", "", "hw"])
    page = open_page(write_html(merged.map, tmp_path / f"merged-{lang}.html", lang=lang)).page
    dashes = page.evaluate(
        "() => Object.fromEntries(window.network.body.data.edges.get().map(e => [e.id, e.dashes || false]))"
    )
    assert dashes["pol>om"] is False  # confirmed: a solid line
    assert dashes["pol>ehk"] == dashes["om>sin"] == [12, 4, 2, 4, 2, 4]  # one-sided: dash, dot, dot
    legend = page.inner_text("#legend")
    assert legend_words in legend
    entry = page.locator("#legend p.entry", has_text=legend_words)
    assert entry.locator("line").get_attribute("stroke-dasharray") == "12 4 2 4 2 4"


@pytest.mark.browser
def test_hostile_text_in_the_new_fields_is_shown_as_text(answers, tmp_path, open_page):
    names = [f"Politie {PAYLOADS[0]}", PAYLOADS[1], PAYLOADS[2]]
    merged = merge_sources(answers, names=names)
    opened = open_page(write_html(merged.map, tmp_path / "hostile.html"))
    page = opened.page
    page.evaluate(
        "() => window.network.emit('click', {nodes: [], edges: ['pol>om'],"
        " pointer: {DOM: {x: 1e9, y: 1e9}, canvas: {x: 1e9, y: 1e9}}})"
    )
    page.wait_for_selector("#info", state="visible")
    info = page.inner_text("#info")
    assert names[0] in info and PAYLOADS[1] in info and "confirmed by both ends" in info
    assert page.locator("#info img, #info svg, #info script").count() == 0
    page.wait_for_timeout(200)
    assert opened.dialogs == [] and opened.errors == [] and opened.requests == []


def test_forms_with_the_same_title_are_told_apart_by_their_file_names(tmp_path):
    paths = []
    for name, data in (("politie", POLITIE), ("om", OM)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps({**data, "settings": {**data["settings"], "title": "Samenwerking"}}), "utf-8")
        paths.append(path)
    merged = merge_sources(paths)
    assert merged.reporters == ["politie", "om"]
    assert merged.map.settings.title == "Samenwerking"


def test_the_organisations_of_one_source_are_never_matched_to_each_other(tmp_path):
    data = {
        "organisations": [
            {"id": "sin", "name": "Stop it Now", "short_name": "SIN"},
            {"id": "sin-nl", "name": "Stop it Now!", "short_name": "SIN", "aliases": "Stop it Now"},
        ],
        "links": [{"source": "sin", "target": "sin-nl", "kind": "referral"}],
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    merged = merge_sources([path, path], names=["first", "second"])
    assert list(merged.map.organisations["id"]) == ["sin", "sin-nl"]  # the second copy matched by id, one to one
    assert merged.uncertain.empty
    assert merged.map.records("links")[0]["reported_by"] == ["first", "second"]


def test_merging_the_example_with_itself_changes_nothing_but_who_reported_it():
    m = load_map(example_path(), audience="internal")
    merged = merge_maps([m, m], names=["one", "two"])
    assert merged.summary["conflicts"] == 0 and merged.uncertain.empty
    drop = ["reported_by", "reports"]
    assert merged.map.links.drop(columns=drop).equals(m.links.drop(columns=drop))
    assert merged.map.organisations.equals(m.organisations)
    assert set(map(tuple, merged.map.links["reported_by"])) == {("one", "two")}


def test_formulas_in_a_disagreement_stay_text(tmp_path):
    paths = []
    for name, note in (("a", '=HYPERLINK("http://x")'), ("b", "@SUM(A1)")):
        data = {**OM, "settings": {"title": name}, "links": [{**OM["links"][2], "notes": note}]}
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    merged = merge_sources(paths)
    sheet = load_workbook(write_merged(merged, tmp_path / "m.xlsx"))["Conflicts"]
    cells = {cell.value: cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row}
    assert cells['=HYPERLINK("http://x")'] == "s" and cells["@SUM(A1)"] == "s"
    text = (write_merged(merged, tmp_path / "csv") / "conflicts.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


@pytest.mark.parametrize(
    ("lang", "summary", "conflicts", "uncertain", "note"),
    [
        (
            "en",
            "8 organisations (5 matched across sources), 5 links (1 confirmed, 3 one-sided) from 3 sources.",
            "2 disagreements kept side by side in its Conflicts sheet.",
            "Uncertain match (similar-name): 'Stop it Now!' (stop-it-now) in helpwanted and 'Stop it Now' (sin): "
            "kept apart; give both the same id to merge them.",
            "Note: helpwanted does not say which organisation filled it in, so its links confirm no end: add a "
            "respondent setting to its Map sheet, or give --as with one of its organisations.",
        ),
        (
            "nl",
            "8 organisaties (5 herkend in meer bronnen), 5 verbindingen (1 bevestigd, 3 van één kant) uit 3 bronnen.",
            "2 verschillen naast elkaar bewaard in het blad Conflicts.",
            "Onzekere overeenkomst (lijkende naam): 'Stop it Now!' (stop-it-now) in helpwanted en 'Stop it Now' "
            "(sin): apart gehouden; geef beide dezelfde id om ze samen te voegen.",
            "Let op: helpwanted zegt niet welke organisatie het heeft ingevuld, dus de verbindingen ervan bevestigen "
            "geen kant: zet een instelling respondent in het blad Map, of geef --as met een van de organisaties "
            "ervan.",
        ),
    ],
)
def test_merge_speaks_the_chosen_language(answers, tmp_path, lang, summary, conflicts, uncertain, note):
    out = tmp_path / "merged.xlsx"
    result = CliRunner().invoke(cli, ["merge", *map(str, answers), "-o", str(out), "--lang", lang])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith(summary) and lines[0].startswith("Wrote " if lang == "en" else str(out.resolve()))
    assert conflicts in lines and uncertain in lines and note in lines


@pytest.mark.parametrize(
    ("lang", "names", "respondent"),
    [
        (
            "en",
            "2 names (--as) for 1 sources: give at most one name per source, in order",
            "x.json: setting respondent: unknown organisation 'Nobody': use an id from the map: name the "
            "organisation that filled this source in",
        ),
        (
            "nl",
            "2 namen (--as) voor 1 bronnen: geef hooguit één naam per bron, in volgorde",
            "x.json: instelling respondent: onbekende organisatie 'Nobody': gebruik een id uit de kaart: noem de "
            "organisatie die deze bron heeft ingevuld",
        ),
    ],
)
def test_merge_problems_in_the_chosen_language(answers, tmp_path, lang, names, respondent):
    more = CliRunner().invoke(
        cli, ["merge", str(answers[0]), "-o", str(tmp_path / "m.xlsx"), "--as", "a", "--as", "b", "--lang", lang]
    )
    assert more.exit_code == 2 and names in more.output
    path = tmp_path / "x.json"
    path.write_text(json.dumps({**OM, "settings": {"respondent": "Nobody"}}), encoding="utf-8")
    with pytest.raises(InvalidArgument) as raised:
        merge_sources([path], lang=lang)
    assert str(raised.value).replace(str(tmp_path) + "/", "") == respondent
