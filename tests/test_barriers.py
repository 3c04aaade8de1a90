"""The barrier model's data: Script and Barriers read from every format, in English and Dutch, validated, kept."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from conftest import write_folder, write_json, write_workbook

from stakeholders import ValidationError, check_source, export_map, load_map
from stakeholders.model import MapSettings, StakeholderMap
from stakeholders.schema import COLUMNS

ORGS = [
    ["id", "name", "short_name", "aliases", "sector"],
    ["om", "Openbaar Ministerie", "OM", "", "justice"],
    ["politie", "Politie", "", "Nationale Politie", "police"],
    ["stop", "Stop it Now", "", "", "prevention"],
]
LINKS = [["source", "target", "kind"], ["politie", "om", "information-sharing"]]
SCRIPT = [
    ["id", "name", "order", "description", "name_nl", "evidence", "source_ref"],
    ["entry", "Entry", "2", "registering on a forum", "Toetreding", "unverified", "S3"],
    ["preparation", "Preparation", "1", "getting ready", "Voorbereiding", "documented", "S2"],
]
BARRIERS = [
    ["id", "name", "phase", "owners", "partners", "technique", "stage", "status", "since", "until", "evidence"]
    + ["source_ref", "sensitivity", "description", "name_nl", "Contact"],
    ["warn", "Warning visits", "preparation|Entry", "Nationale Politie|OM", "Stop it Now", "increase risk"]
    + ["investigation", "planned", "2015", "", "documented", "S14", "", "visits at home", "Waarschuwing", "desk 3"],
    ["down", "Takedown", "Toetreding", "", "", "disruption", "", "", "2020", "2021", "documented", "S44"]
    + ["partners", "", "", ""],
]
DUTCH_SCRIPT = [
    ["code", "naam", "volgorde", "omschrijving", "nederlandse naam", "onderbouwing", "bronvermelding"],
    *SCRIPT[1:],
]
DUTCH_BARRIERS = [
    ["sleutel", "maatregel", "fase", "eigenaren", "medewerking van", "techniek", "stap", "stand", "sinds", "tot"]
    + ["bewijs", "vindplaats", "gevoeligheid", "beschrijving", "naam nl", "Contact"],
    ["warn", "Warning visits", "Voorbereiding|Entry", "Nationale Politie|OM", "Stop it Now", "risico vergroten"]
    + ["Opsporing", "gepland", "2015", "", "gedocumenteerd", "S14", "", "visits at home", "Waarschuwing", "desk 3"],
    ["down", "Takedown", "toetreding", "", "", "verstoring", "", "", "2020", "2021", "gedocumenteerd", "S44"]
    + ["partners", "", "", ""],
]

EXPECTED = [
    {
        "id": "warn",
        "name": "Warning visits",
        "phase": ["preparation", "entry"],
        "owners": ["politie", "om"],
        "partners": ["stop"],
        "technique": "increase-risk",
        "stage": ["investigation"],
        "status": "planned",
        "since": "2015",
        "until": "",
        "evidence": "documented",
        "source_ref": "S14",
        "sensitivity": "",
        "description": "visits at home",
        "name_nl": "Waarschuwing",
        "description_nl": "",
        "Contact": "desk 3",
    },
    {
        "id": "down",
        "name": "Takedown",
        "phase": ["entry"],
        "owners": [],
        "partners": [],
        "technique": "disruption",
        "stage": [],
        "status": "in-place",
        "since": "2020",
        "until": "2021",
        "evidence": "documented",
        "source_ref": "S44",
        "sensitivity": "partners",
        "description": "",
        "name_nl": "",
        "description_nl": "",
        "Contact": "",
    },
]
EXPECTED_PHASES = [("preparation", "Preparation", 1, "Voorbereiding"), ("entry", "Entry", 2, "Toetreding")]


def _records(rows: list[list[Any]]) -> list[dict[str, Any]]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def write_source(folder: Path, kind: str, dutch: bool = False) -> Path:
    """The small map with a script and barriers, as ``kind`` (folder, xlsx, json, yaml), English or Dutch."""
    script, barriers = (DUTCH_SCRIPT, DUTCH_BARRIERS) if dutch else (SCRIPT, BARRIERS)
    names = ("Delictscript", "Barrières") if dutch else ("Script", "Barriers")
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        files = ("processtappen", "barrieres") if dutch else ("script", "barriers")
        tables = {"organisations": ORGS, "links": LINKS, files[0]: script, files[1]: barriers}
        return write_folder(folder / "map", tables)
    if kind == "xlsx":
        sheets = {"Organisations": ORGS, "Links": LINKS, names[0]: script, names[1]: barriers}
        return write_workbook(folder / "map.xlsx", sheets)
    if kind == "json":
        return write_json(
            folder / "map.json", {"organisations": ORGS, "links": LINKS, names[0]: script, names[1]: barriers}
        )
    data = {"organisations": _records(ORGS), "links": _records(LINKS), names[0].lower(): _records(script)}
    data[names[1].lower()] = [
        {**record, "fase": record["fase"].split("|")} if dutch else record for record in _records(barriers)
    ]
    path = folder / "map.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("dutch", [False, True], ids=["english", "dutch"])
@pytest.mark.parametrize("kind", ["folder", "xlsx", "json", "yaml"])
def test_every_input_format_reads_script_and_barriers(tmp_path: Path, kind: str, dutch: bool) -> None:
    m = load_map(write_source(tmp_path, kind, dutch), audience="internal")
    assert m.records("barriers") == EXPECTED
    phases = [(p["id"], p["name"], p["order"], p["name_nl"]) for p in m.records("script")]
    assert phases == EXPECTED_PHASES  # sorted by order
    assert m.custom_columns["barriers"] == ("Contact",) and m.custom_columns["script"] == ()


def test_a_map_without_them_has_empty_tables_with_every_column(small_folder: Path) -> None:
    m = load_map(small_folder)
    assert list(m.barriers.columns) == [c.name for c in COLUMNS["barriers"]] and m.records("barriers") == []
    assert list(m.script.columns) == [c.name for c in COLUMNS["script"]] and m.records("script") == []
    assert "barriers" not in m.custom_columns and "script" not in m.custom_columns
    bare = StakeholderMap(pd.DataFrame({"id": []}), pd.DataFrame({"id": []}), pd.DataFrame(), MapSettings())
    assert bare.records("barriers") == [] and len(bare.script) == 0


def test_validate_counts_the_barrier_model(tmp_path: Path, runner: Any) -> None:
    from stakeholders.cli import cli

    source = write_source(tmp_path, "folder")
    result = runner.invoke(cli, ["validate", str(source)])
    assert result.output == f"{source} is valid: 3 organisations, 1 link, 10 stages, 2 phases, 2 barriers.\n"


def test_a_script_without_barriers_is_a_map_with_open_phases(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "m", {"organisations": ORGS, "links": LINKS, "script": SCRIPT})
    m = load_map(folder)
    assert list(m.script["id"]) == ["preparation", "entry"] and m.records("barriers") == []


@pytest.mark.parametrize("output", ["map.xlsx", "kumu.xlsx", "csv-folder", "map.gexf", "map.graphml", "map.cyjs"])
def test_every_export_keeps_script_and_barriers(tmp_path: Path, output: str) -> None:
    m = load_map(write_source(tmp_path / "in", "xlsx"), audience="internal")
    path = export_map(m, tmp_path / output, kumu=output == "kumu.xlsx")
    back = load_map(path, audience="internal")
    assert back.records("barriers") == m.records("barriers") == EXPECTED
    assert back.records("script") == m.records("script")
    assert back.custom_columns["barriers"] == ("Contact",)


@pytest.mark.parametrize("output", ["map.xlsx", "csv-folder", "map.gexf", "map.graphml", "map.cyjs"])
def test_a_map_without_barriers_writes_no_barrier_tables(small_folder: Path, tmp_path: Path, output: str) -> None:
    path = export_map(load_map(small_folder), tmp_path / output)
    text = "".join(p.name for p in path.iterdir()) if path.is_dir() else path.read_bytes().decode("latin-1")
    assert not re.search(r"\b(barriers|script)\b", text, re.IGNORECASE)


def test_the_files_carry_the_barriers_beside_the_network(tmp_path: Path) -> None:
    m = load_map(write_source(tmp_path / "in", "folder"), audience="internal")
    cyjs = json.loads(export_map(m, tmp_path / "map.cyjs").read_text(encoding="utf-8"))
    assert [b["id"] for b in cyjs["data"]["barriers"]] == ["warn", "down"]
    assert cyjs["data"]["barriers"][0]["owners"] == ["politie", "om"]
    assert {n["data"]["id"] for n in cyjs["elements"]["nodes"]} == {"om", "politie", "stop"}  # no barrier nodes
    with pd.ExcelFile(export_map(m, tmp_path / "kumu.xlsx", kumu=True)) as kumu:
        sheets = kumu.sheet_names
    assert sheets == ["Elements", "Connections", "Script (ignore)", "Barriers (ignore)", "Map (ignore)"]
    csv = export_map(m, tmp_path / "csv")
    assert sorted(p.name for p in csv.iterdir()) == [
        "barriers.csv",
        "links.csv",
        "map.csv",
        "organisations.csv",
        "script.csv",
    ]


def test_a_map_may_add_techniques_and_they_travel(tmp_path: Path) -> None:
    barriers = [BARRIERS[0][:6], ["b", "Grooming alerts", "entry", "om", "", "Early warning"]]
    folder = write_folder(
        tmp_path / "m",
        {
            "organisations": ORGS,
            "links": LINKS,
            "script": SCRIPT,
            "barriers": barriers,
            "map": [["key", "value"], ["techniques", "Early warning"]],
        },
    )
    m = load_map(folder)
    assert m.records("barriers")[0]["technique"] == "early-warning"
    assert m.settings.techniques.label("early-warning") == "Early warning"
    back = load_map(export_map(m, tmp_path / "out.graphml"))
    assert back.records("barriers")[0]["technique"] == "early-warning"


# --- every message, word for word ---------------------------------------------------------------

HEADER = ["id", "name", "phase", "owners", "partners", "technique", "status", "since", "until", "stage"]


def barrier_problems(tmp_path: Path, *rows: list[str], script: list[list[str]] = SCRIPT) -> list[str]:
    tables = {"organisations": ORGS, "links": LINKS, "script": script, "barriers": [HEADER, *rows]}
    return [str(p) for p in check_source(write_folder(tmp_path / "m", tables))]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            ["b", "B", "entyr", "om", "", "", "", "", "", ""],
            "barriers.csv, row 2, column phase: unknown phase 'entyr' (did you mean 'entry'?): "
            "use an id from the script table",
        ),
        (
            ["b", "B", "entry", "polite", "", "", "", "", "", ""],
            "barriers.csv, row 2, column owners: unknown organisation 'polite' (did you mean 'politie'?): "
            "use an id from the organisations table",
        ),
        (
            ["b", "B", "entry", "om", "stopp", "", "", "", "", ""],
            "barriers.csv, row 2, column partners: unknown organisation 'stopp' (did you mean 'stop'?): "
            "use an id from the organisations table",
        ),
        (
            ["b", "B", "entry", "om|politie", "OM", "", "", "", "", ""],
            "barriers.csv, row 2, column partners: 'om' is both an owner and a partner of this barrier: "
            "keep it in one of the two",
        ),
        (
            ["b", "B", "entry", "om", "", "risc", "", "", "", ""],
            "barriers.csv, row 2, column technique: 'risc' is not a technique (did you mean 'risk'?): "
            "use one of increase-effort, increase-risk, reduce-rewards, reduce-provocations, remove-excuses, "
            "detection, disruption, removal, treatment-and-supervision, victim-protection, "
            "or add it to the map's techniques setting",
        ),
        (
            ["b", "B", "entry", "om", "", "", "planed", "", "", ""],
            "barriers.csv, row 2, column status: 'planed' is not a status (did you mean 'planned'?): "
            "use one of in-place, planned, proposed, lapsed",
        ),
        (
            ["b", "B", "entry", "om", "", "", "", "2015", "2012", ""],
            "barriers.csv, row 2, column until: until 2012 is before since 2015: correct or swap the dates",
        ),
        (
            ["b", "B", "entry", "om", "", "", "", "2015x", "", ""],
            "barriers.csv, row 2, column since: '2015x' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY",
        ),
        (
            ["b", "B", "", "om", "", "", "", "", "", ""],
            "barriers.csv, row 2, column phase: phase is empty: give every barrier a phase",
        ),
        (
            ["b", "", "entry", "om", "", "", "", "", "", ""],
            "barriers.csv, row 2, column name: name is empty: give every barrier a name",
        ),
        (
            ["b|c", "B", "entry", "om", "", "", "", "", "", ""],
            "barriers.csv, row 2, column id: id 'b|c' contains '|': ids may not contain '|'",
        ),
        (
            ["b", "B", "entry", "om", "", "", "", "", "", "prevent"],
            "barriers.csv, row 2, column stage: unknown stage 'prevent' (did you mean 'prevention'?): "
            "use an id from the default stages (prevention, detection, removal, investigation, "
            "victim-identification, prosecution, sanction, treatment, victim-support, policy)",
        ),
    ],
)
def test_each_barrier_message(tmp_path: Path, row: list[str], expected: str) -> None:
    assert barrier_problems(tmp_path, row) == [expected]


def test_duplicate_ids_in_script_and_barriers(tmp_path: Path) -> None:
    script = [*SCRIPT, ["entry", "Entry again", "3", "", "", "", ""]]
    row = ["b", "B", "entry", "om", "", "", "", "", "", ""]
    assert barrier_problems(tmp_path, row, row, script=script) == [
        "script.csv, row 4, column id: duplicate id 'entry' (also in row 2): give each phase its own id",
        "barriers.csv, row 3, column id: duplicate id 'b' (also in row 2): give each barrier its own id",
    ]


def test_a_phase_order_that_is_no_number(tmp_path: Path) -> None:
    script = [SCRIPT[0], ["a", "A", "first", "", "", "", ""]]
    assert barrier_problems(tmp_path, script=script) == [
        "script.csv, row 2, column order: 'first' is not a whole number: use 1, 2, 3 … to order the phases"
    ]


def test_a_barrier_without_owner_is_allowed_and_a_name_twice_counts_once(tmp_path: Path) -> None:
    assert barrier_problems(tmp_path, ["b", "B", "entry|Toetreding", "", "", "", "", "", "", ""]) == []
    folder = tmp_path / "m"
    row = ["b", "B", "entry|Toetreding|entry", "om|OM|Openbaar Ministerie", "", "", "", "", "", ""]
    write_folder(folder, {"barriers": [HEADER, row]})
    barrier = load_map(folder).records("barriers")[0]
    assert (barrier["phase"], barrier["owners"]) == (["entry"], ["om"])


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "folder",
            "barriers.csv: barriers need the phases of a script: add a file named script.csv with a row for each phase",
        ),
        (
            "xlsx",
            "map.xlsx, sheet Barriers: barriers need the phases of a script: add a sheet named Script "
            "(or Delictscript) with a row for each phase",
        ),
        (
            "json",
            "map.json, section Barriers: barriers need the phases of a script: add a list named script "
            "with an item for each phase",
        ),
    ],
)
def test_barriers_without_a_script_name_the_table_to_add(tmp_path: Path, kind: str, expected: str) -> None:
    path = write_source(tmp_path, kind)
    if kind == "folder":
        (path / "script.csv").unlink()
    elif kind == "xlsx":
        write_workbook(path, {"Organisations": ORGS, "Links": LINKS, "Barriers": BARRIERS})
    else:
        write_json(path, {"organisations": ORGS, "links": LINKS, "Barriers": BARRIERS})
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert [str(p) for p in caught.value.problems] == [expected]


def test_messages_name_the_dutch_headers_and_the_places_of_each_format(tmp_path: Path) -> None:
    bad = [DUTCH_BARRIERS[0], ["b", "B", "toetredingg", "politi", "", "", "", "", "", "", "", "", "", "", "", ""]]
    workbook = write_workbook(
        tmp_path / "m.xlsx",
        {"Organisaties": ORGS, "Verbindingen": LINKS, "Delictscript": DUTCH_SCRIPT, "Barrières": bad},
    )
    assert [str(p) for p in check_source(workbook)] == [
        "m.xlsx, sheet Barrières, row 2, column fase: unknown phase 'toetredingg' (did you mean 'entry'?): "
        "use an id from the script table",
        "m.xlsx, sheet Barrières, row 2, column eigenaren: unknown organisation 'politi' (did you mean 'politie'?): "
        "use an id from the organisations table",
    ]
    data = write_json(tmp_path / "m.json", {"organisations": ORGS, "links": LINKS, "script": SCRIPT, "barriers": bad})
    assert [str(p) for p in check_source(data)][1] == (
        "m.json, section barriers, item 1, field eigenaren: unknown organisation 'politi' (did you mean 'politie'?): "
        "use an id from the organisations table"
    )


# --- time: --as-of and the diff -------------------------------------------------------------------


def dated_map(folder: Path) -> Path:
    orgs = [["id", "name", "since"], ["a", "A", "2010"], ["b", "B", ""], ["c", "C", "2020"]]
    barriers = [
        ["id", "name", "phase", "owners", "partners", "since", "until", "status"],
        ["x", "X", "entry", "a", "", "2015", "", ""],
        ["y", "Y", "entry", "c|a", "b", "", "", ""],
        ["z", "Z", "entry", "c", "", "", "", ""],
        ["w", "W", "entry", "", "", "", "", ""],
        ["u", "U", "entry", "b", "", "", "2014", "lapsed"],
    ]
    links = [["source", "target"], ["a", "b"]]
    return write_folder(folder, {"organisations": orgs, "links": links, "script": SCRIPT, "barriers": barriers})


def test_as_of_keeps_the_barriers_of_that_date_with_the_organisations_of_that_date(tmp_path: Path) -> None:
    source = dated_map(tmp_path / "m")
    then = load_map(source, as_of="2013")
    assert then.barriers[["id", "owners", "partners"]].to_dict("records") == [
        {"id": "y", "owners": ["a"], "partners": ["b"]},  # c did not exist yet
        {"id": "w", "owners": [], "partners": []},  # no owner, no dates: there at every date
        {"id": "u", "owners": ["b"], "partners": []},
    ]  # x starts in 2015; z's only owner did not exist yet
    assert list(load_map(source, as_of="2016").barriers["id"]) == ["x", "y", "w"]  # u ended in 2014
    assert list(load_map(source, as_of="2021").barriers["id"]) == ["x", "y", "z", "w"]
    assert load_map(source, as_of="2021").records("barriers")[1]["owners"] == ["c", "a"]
    hidden = load_map(source, as_of="2013", undated="hide")  # b has no dates: u goes with its only owner
    assert hidden.barriers[["id", "partners"]].to_dict("records") == [
        {"id": "y", "partners": []},
        {"id": "w", "partners": []},
    ]
    assert len(load_map(source).barriers) == 5  # the map itself is not changed


def snapshot(folder: Path, barriers: list[list[str]], extra_script: list[list[str]] = ()) -> StakeholderMap:
    header = ["id", "name", "phase", "owners", "partners", "status", "technique"]
    tables = {
        "organisations": ORGS,
        "links": LINKS,
        "script": [*SCRIPT, *extra_script],
        "barriers": [header, *barriers],
    }
    return load_map(write_folder(folder, tables))


def test_diff_lists_the_barriers_added_removed_and_changed(tmp_path: Path, runner: Any) -> None:
    from stakeholders import diff_maps
    from stakeholders.diff import as_markdown, changes_csv, diff_summary
    from stakeholders.pages import diff_html

    old = snapshot(
        tmp_path / "old",
        [
            ["warn", "Warning visits", "entry", "politie", "", "planned", "increase-risk"],
            ["gone", "Old helpline", "later", "stop", "", "", ""],
            ["same", "Same", "entry", "om", "", "", ""],
        ],
        [["later", "Later", "3", "", "", "", ""]],
    )
    new = snapshot(
        tmp_path / "new",
        [
            ["warn", "Warning visits", "entry", "politie|om", "stop", "in-place", "increase-risk"],
            ["same", "Same", "entry", "om", "", "", ""],
            ["chat", "<script>alert(1)</script> chat", "preparation", "stop", "", "", "remove-excuses"],
        ],
    )
    result = diff_maps(old, new)
    barriers = [(c.change, c.key, c.details) for c in result.changes if c.what == "barrier"]
    assert barriers == [
        ("added", "chat", ()),
        ("removed", "gone", ()),
        ("changed", "warn", ("owners: politie → politie|om", "partners: — → stop", "status: planned → in-place")),
    ]
    assert result.counts["barrier"] == {"added": 1, "removed": 1, "changed": 1}
    assert diff_summary(result) == (
        "0 organisations added, 0 removed, 0 changed; 0 links added, 0 removed, 0 changed. "
        "Barriers: 1 barrier added, 1 removed, 1 changed."
    )
    assert diff_summary(result, "nl").endswith("Barrières: 1 barrière toegevoegd, 1 verwijderd, 1 gewijzigd.")
    markdown = as_markdown(result)
    assert "| added | barrier | <script>alert(1)</script> chat |  |" in markdown
    assert "| changed | barrier | Warning visits | owners: politie → politie\\|om; partners: — → stop; " in markdown
    assert "removed,barrier,Old helpline,gone,,,," in changes_csv(result)
    union = result.union
    assert union.barriers[["id", "change"]].values.tolist() == [
        ["warn", "changed"],
        ["same", "unchanged"],
        ["chat", "added"],
        ["gone", "removed"],
    ]
    assert list(union.script["id"]) == ["preparation", "entry", "later"]  # the removed barrier's phase stays
    page = diff_html(result, old_label="old", new_label="new")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; chat" in page and "<script>alert(1)</script> chat" not in page
    assert "Barriers: 1 barrier added, 1 removed, 1 changed." in page


def test_a_diff_without_barriers_says_nothing_of_them(small_folder: Path) -> None:
    from stakeholders import diff_maps
    from stakeholders.diff import diff_summary

    m = load_map(small_folder)
    result = diff_maps(m, m)
    assert "barrier" not in result.counts and "Barriers" not in diff_summary(result)
    assert result.union.records("barriers") == []
