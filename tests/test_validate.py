"""Validation: every message, word for word, and everything found in one pass."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_folder, write_json, write_workbook

from stakeholders import ValidationError, check_source, load_map
from stakeholders.cli import cli

ORGS = [["id", "name", "sector"], ["om", "Openbaar Ministerie", "justice"], ["politie", "Politie", "police"]]
LINKS = [["source", "target"], ["politie", "om"]]


def problems(tmp_path: Path, orgs: list[list[Any]] = ORGS, links: list[list[Any]] = LINKS, **more: Any) -> list[str]:
    folder = write_folder(tmp_path / "map", {"organisations": orgs, "links": links, **more})
    return [str(p) for p in check_source(folder)]


def test_a_valid_source_has_no_problems(tmp_path: Path) -> None:
    assert problems(tmp_path) == []


@pytest.mark.parametrize(
    ("orgs", "links", "expected"),
    [
        (
            ORGS,
            [["source", "target"], ["politie", "omm"]],
            "links.csv, row 2, column target: unknown organisation 'omm' (did you mean 'om'?): "
            "use an id from the organisations table",
        ),
        (
            ORGS,
            [["origin", "target"], ["politie", "om"]],
            "links.csv, row 1: column source is missing: add it to the header row "
            "(accepted headers: source, from, bron, van)",
        ),
        (
            [["id", "name"], ["om", "OM"], ["om", "Openbaar Ministerie"]],
            [["source", "target"]],
            "organisations.csv, row 3, column id: duplicate id 'om' (also in row 2): give each organisation its own id",
        ),
        (
            [["id", "name"], ["om", ""]],
            [["source", "target"]],
            "organisations.csv, row 2, column name: name is empty: give every organisation a name",
        ),
        (
            [["id", "name"], ["", "OM"]],
            [["source", "target"]],
            "organisations.csv, row 2, column id: id is empty: give every organisation an id",
        ),
        (
            [["id", "name"], ["a|b", "AB"]],
            [["source", "target"]],
            "organisations.csv, row 2, column id: id 'a|b' contains '|': ids may not contain '|'",
        ),
        (
            [["id", "name", "sector"], ["om", "OM", "polise"]],
            [["source", "target"]],
            "organisations.csv, row 2, column sector: 'polise' is not a sector (did you mean 'police'?): use one of "
            "police, justice, probation, care, prevention, victim-support, hotline, industry, research, government, "
            "international, ngo, or add it to the map's sectors setting",
        ),
        (
            [["id", "name", "niveau"], ["om", "OM", "strategy"]],
            [["source", "target"]],
            "organisations.csv, row 2, column niveau: 'strategy' is not a level (did you mean 'strategic'?): "
            "use one of policy, operational, both",
        ),
        (
            ORGS,
            [["source", "target", "kind"], ["politie", "om", "friendship"]],
            "links.csv, row 2, column kind: 'friendship' is not a kind: use one of information-sharing, referral, "
            "notice-and-takedown, joint-operation, funding, agreement, policy-consultation, research, technology, "
            "membership, oversight, or add it to the map's kinds setting",
        ),
        (
            ORGS,
            [["source", "target", "status"], ["politie", "om", "plannd"]],
            "links.csv, row 2, column status: 'plannd' is not a status (did you mean 'planned'?): "
            "use one of active, planned, lapsed",
        ),
        (
            ORGS,
            [["source", "target", "since"], ["politie", "om", "31-13-2021"]],
            "links.csv, row 2, column since: '31-13-2021' is not a date: there is no month 13: months run from 1 to 12",
        ),
        (
            ORGS,
            [["source", "target", "since", "until"], ["politie", "om", "2021", "2019-05"]],
            "links.csv, row 2, column until: until 2019-05 is before since 2021: correct or swap the dates",
        ),
        (
            ORGS,
            [["source", "target", "strength"], ["politie", "om", "7"]],
            "links.csv, row 2, column strength: '7' is not a strength: use a whole number from 1 to 5",
        ),
        (
            ORGS,
            [["source", "target"], ["om", "om"]],
            "links.csv, row 2, column target: a link from 'om' to itself: source and target must differ",
        ),
        (
            [["id", "name", "short_name"], ["a", "Politie", "P"], ["b", "Politie Noord", "P"]],
            [["source", "target"], ["p", "a"]],
            "links.csv, row 2, column source: 'p' could mean several organisations (a, b): write the id",
        ),
        (
            [["id", "name", "stages"], ["om", "OM", "vervolgng"]],
            [["source", "target"]],
            "organisations.csv, row 2, column stages: unknown stage 'vervolgng' (did you mean 'prosecution'?): "
            "use an id from the default stages (prevention, detection, removal, investigation, victim-identification, "
            "prosecution, sanction, treatment, victim-support, policy)",
        ),
        (
            [["id", "name", ""], ["om", "OM", "stray"]],
            [["source", "target"]],
            "organisations.csv, row 1, column C: this column has values but no header: give it a name or delete it",
        ),
        (
            [["id", "name", "naam"], ["om", "OM", "Openbaar Ministerie"]],
            [["source", "target"]],
            "organisations.csv, row 1, column naam: columns 'name' and 'naam' both mean name: keep one of them",
        ),
        (
            [["id", "name", "contact", "contact"], ["om", "OM", "a", "b"]],
            [["source", "target"]],
            "organisations.csv, row 1, column contact: two columns are named 'contact': rename one of them",
        ),
    ],
)
def test_each_message(tmp_path: Path, orgs: list[list[Any]], links: list[list[Any]], expected: str) -> None:
    assert problems(tmp_path, orgs, links) == [expected]


def test_dates_of_different_precision_compare_by_their_common_part(tmp_path: Path) -> None:
    links = [
        ["source", "target", "since", "until"],
        ["politie", "om", "2021-05", "2021"],
        ["om", "politie", "2021", "2021-01-31"],
    ]
    assert problems(tmp_path, ORGS, links) == []


def test_stage_table_messages(tmp_path: Path) -> None:
    stages = [
        ["id", "name", "order", "hands_over_to"],
        ["investigation", "Opsporing", "x", "vervolging"],
        ["prosecution", "Vervolging", "2", "treatment"],
    ]
    orgs = [["id", "name", "stages"], ["om", "OM", "Vervolging|opsporng"]]
    assert problems(tmp_path, orgs, [["source", "target"]], stages=stages) == [
        "organisations.csv, row 2, column stages: unknown stage 'opsporng' (did you mean 'investigation'?): "
        "use an id from the stages table",
        "stages.csv, row 2, column order: 'x' is not a whole number: use 1, 2, 3 … to order the stages",
        "stages.csv, row 3, column hands_over_to: unknown stage 'treatment': use an id from the stages table",
    ]


def test_settings_messages(tmp_path: Path) -> None:
    settings = [["key", "value"], ["title", "T"], ["colour", "red"], ["date", "yesterday"]]
    assert problems(tmp_path, map=settings) == [
        "map.csv, row 3, column colour: unknown setting 'colour': use title, date, source_note, description, goal, "
        "sectors, kinds, techniques, audience, partners_fields, restricted_fields, show_hidden_counts, lang or "
        "respondent",
        "map.csv, row 4, column date: 'yesterday' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY",
    ]


def test_missing_tables_in_a_workbook(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "map.xlsx", {"Blad1": [["id"]]})
    assert [str(p) for p in check_source(path)] == [
        f"{path}: no sheet named Organisations found: name a sheet Organisations (or Organisaties); found: Blad1",
        f"{path}: no sheet named Links found: name a sheet Links (or Relaties); found: Blad1",
    ]


def test_missing_tables_in_a_folder_and_a_yaml_file(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "organisations.csv").write_text("id,name\nom,OM\n", encoding="utf-8")
    assert [str(p) for p in check_source(folder)] == [
        f"{folder}: no links.csv found: add a file named links.csv (or relaties.csv); found: organisations.csv"
    ]
    path = tmp_path / "map.yaml"
    path.write_text("title: x\norganisations: [{id: a, name: A}]\n", encoding="utf-8")
    assert [str(p) for p in check_source(path)] == [
        f"{path}: no links section found: add a list named links; found: title, organisations"
    ]


def test_workbook_messages_name_the_sheet(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "map.xlsx", {"Organisations": ORGS, "Links": [["source", "target"], ["x", "om"]]})
    assert [str(p) for p in check_source(path)] == [
        "map.xlsx, sheet Links, row 2, column source: unknown organisation 'x': use an id from the organisations table"
    ]


def test_yaml_messages_name_section_item_and_field(tmp_path: Path) -> None:
    path = write_json(tmp_path / "map.json", {"organisations": ORGS, "links": [["source", "target"], ["om", "pol"]]})
    assert [str(p) for p in check_source(path)] == [
        "map.json, section links, item 1, field target: unknown organisation 'pol' (did you mean 'politie'?): "
        "use an id from the organisations table"
    ]


def test_every_problem_in_one_pass_in_reading_order(tmp_path: Path) -> None:
    orgs = [["id", "name", "level"], ["om", "OM", "high"], ["om", "", "both"]]
    links = [["source", "target", "since"], ["om", "nobody", "soon"], ["x", "om", ""]]
    found = problems(tmp_path, orgs, links)
    assert found == [
        "organisations.csv, row 2, column level: 'high' is not a level: use one of policy, operational, both",
        "organisations.csv, row 3, column id: duplicate id 'om' (also in row 2): give each organisation its own id",
        "organisations.csv, row 3, column name: name is empty: give every organisation a name",
        "links.csv, row 2, column target: unknown organisation 'nobody': use an id from the organisations table",
        "links.csv, row 2, column since: 'soon' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY",
        "links.csv, row 3, column source: unknown organisation 'x': use an id from the organisations table",
    ]
    with pytest.raises(ValidationError) as caught:
        load_map(tmp_path / "map")
    assert str(caught.value) == "\n".join(found)


def test_dutch_headers_and_values(tmp_path: Path) -> None:
    orgs = [
        ["Sleutel", "Naam", "Afkorting", "Sector", "Niveau", "Land", "Fasen", "Omschrijving"],
        ["om", "Openbaar Ministerie", "OM", "Justitie", "Beleid en uitvoering", "NL", "Vervolging", "Vervolgt"],
        ["rn", "Reclassering Nederland", "RN", "reclassering", "operationeel", "NL", "sanctie & reclassering", ""],
    ]
    links = [
        ["Van", "Naar", "Soort", "Richting", "Status", "Bronvermelding", "Laatst gecontroleerd"],
        ["OM", "Reclassering Nederland", "Doorverwijzing", "Wederzijds", "Gepland", "S28", "01-10-2026"],
    ]
    m = load_map(write_folder(tmp_path / "nl", {"organisaties": orgs, "relaties": links}, delimiter=";"))
    assert list(m.organisations["level"]) == ["both", "operational"]
    assert list(m.organisations["sector"]) == ["justice", "probation"]
    assert m.organisations.loc[1, "stages"] == ["sanction"]
    link = m.links.iloc[0].to_dict()
    assert {k: link[k] for k in ("source", "target", "kind", "direction", "status", "source_ref", "last_checked")} == {
        "source": "om",
        "target": "rn",
        "kind": "referral",
        "direction": "mutual",
        "status": "planned",
        "source_ref": "S28",
        "last_checked": "2026-10-01",
    }
    assert m.settings.date == "2026-10-01"  # no date setting: the newest last_checked stands in


def test_settings_extend_the_vocabularies(tmp_path: Path) -> None:
    orgs = [["id", "name", "sector"], ["om", "OM", "Faith groups"], ["politie", "Politie", "police"]]
    links = [["source", "target", "kind"], ["politie", "om", "personnel"]]
    settings = [["title", "Extended"], ["sectors", "Faith groups"], ["kinds", "personnel"]]  # no header row
    m = load_map(write_folder(tmp_path / "ext", {"organisations": orgs, "links": links, "map": settings}))
    assert m.settings.title == "Extended"
    assert list(m.organisations["sector"]) == ["faith-groups", "police"]
    assert m.links.loc[0, "kind"] == "personnel"


def test_defaults_custom_columns_and_generated_link_ids(tmp_path: Path) -> None:
    orgs = [["id", "name", "Contact person"], ["om", "OM", "A. Jansen"], ["politie", "Politie", ""]]
    links = [["source", "target", "id"], ["politie", "om", ""], ["om", "politie", "L1"]]
    m = load_map(write_folder(tmp_path / "d", {"organisations": orgs, "links": links}))
    assert list(m.organisations["Contact person"]) == ["A. Jansen", ""]
    assert m.custom_columns["organisations"] == ("Contact person",)
    assert list(m.links["id"]) == ["politie>om", "L1"]
    assert list(m.links["direction"]) == ["directed", "directed"]
    assert list(m.links["status"]) == ["active", "active"]
    assert list(m.stages["id"])[:3] == ["prevention", "detection", "removal"]
    assert m.stages.loc[1, "hands_over_to"] == ["investigation", "removal"]


def test_an_empty_links_table_is_a_map_without_links(tmp_path: Path) -> None:
    """``links: []`` has no header row to check: like an empty sheet or CSV file, it holds no links."""
    json_path = tmp_path / "map.json"
    json_path.write_text('{"organisations": [{"id": "a", "name": "A"}], "links": []}', encoding="utf-8")
    yaml_path = tmp_path / "map.yaml"
    yaml_path.write_text("organisations: [{id: a, name: A}]\nlinks:\n", encoding="utf-8")
    workbook = write_workbook(tmp_path / "map.xlsx", {"Organisations": [["id", "name"], ["a", "A"]], "Links": []})
    folder = write_folder(tmp_path / "csv", {"organisations": [["id", "name"], ["a", "A"]], "links": []})
    for path in (json_path, yaml_path, workbook, folder):
        assert check_source(path) == []
        assert (len(load_map(path).organisations), len(load_map(path).links)) == (1, 0)


NEEDS = "a map needs organisations, and this"


def test_a_source_without_organisations_is_refused(tmp_path: Path) -> None:
    """A header without rows, or no header at all, is no map: one line naming the file, sheet or section."""
    sources = {
        write_folder(tmp_path / "header", {"organisations": [["id", "name"]], "links": LINKS[:1]}): (
            f"organisations.csv: {NEEDS} file has none: add a row for each organisation"
        ),
        write_folder(tmp_path / "nothing", {"organisations": [], "links": []}): (
            f"organisations.csv: {NEEDS} file is empty: add a header row (id, name) and a row for each organisation"
        ),
        write_workbook(tmp_path / "header.xlsx", {"Organisations": [["id", "name"]], "Links": []}): (
            f"header.xlsx, sheet Organisations: {NEEDS} sheet has none: add a row for each organisation"
        ),
        write_workbook(tmp_path / "blank.xlsx", {"Organisations": [["id", "name"], ["", ""]], "Links": []}): (
            f"blank.xlsx, sheet Organisations: {NEEDS} sheet has none: add a row for each organisation"
        ),
        write_workbook(tmp_path / "nothing.xlsx", {"Organisations": [], "Links": LINKS[:1]}): (
            f"nothing.xlsx, sheet Organisations: {NEEDS} sheet is empty: add a header row (id, name) and a row for "
            "each organisation"
        ),
        write_json(tmp_path / "map.json", {"organisations": [["id", "name"]], "links": LINKS[:1]}): (
            f"map.json, section organisations: {NEEDS} section has none: add an item for each organisation"
        ),
        write_workbook(tmp_path / "kumu.xlsx", {"Elements": [["Label", "Type"]], "Connections": [["From", "To"]]}): (
            f"kumu.xlsx, sheet Elements: {NEEDS} sheet has none: add a row for each organisation"
        ),
        write_workbook(tmp_path / "connections.xlsx", {"Connections": [["From", "To", "Type"]]}): (
            f"connections.xlsx, sheet Connections: {NEEDS} sheet has no connections to take them from: add a row "
            "for each connection, or a sheet of elements"
        ),
    }
    yaml_path = tmp_path / "map.yaml"
    yaml_path.write_text("organisations:\nlinks:\n", encoding="utf-8")
    sources[yaml_path] = f"map.yaml, section organisations: {NEEDS} section has none: add an item for each organisation"
    blueprint = tmp_path / "blueprint.json"
    blueprint.write_text('{"elements": [], "connections": []}', encoding="utf-8")
    sources[blueprint] = (
        f"blueprint.json, section elements: {NEEDS} section has none: add an item for each organisation"
    )
    graph = tmp_path / "map.graphml"
    graph.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph/></graphml>', encoding="utf-8")
    sources[graph] = f"map.graphml: {NEEDS} file has none: add a node for each organisation"
    for path, expected in sources.items():
        assert [str(p) for p in check_source(path)] == [expected], path
        with pytest.raises(ValidationError) as caught:
            load_map(path)
        assert [(p.row, p.column, str(p)) for p in caught.value.problems] == [(0, "", expected)]


def test_the_cli_refuses_a_map_without_organisations_and_writes_nothing(tmp_path: Path, runner: CliRunner) -> None:
    source = write_folder(tmp_path / "empty", {"organisations": [["id", "name"]], "links": [["source", "target"]]})
    result = runner.invoke(cli, ["validate", str(source)])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: organisations.csv: {NEEDS} file has none: add a row for each organisation\n1 problem found.\n",
    )
    out = tmp_path / "map.html"
    result = runner.invoke(cli, ["map", str(source), "-o", str(out)])
    assert result.exit_code == 1 and result.output.splitlines()[-1] == "1 problem found; nothing was written."
    assert not out.exists()


def test_field_settings_name_their_row_and_match_columns_in_any_case(tmp_path: Path) -> None:
    orgs = [["id", "name", "Contact person"], ["om", "OM", "Jan"], ["politie", "Politie", ""]]
    links = [["source", "target", "notes"], ["politie", "om", "x"]]
    settings = [["key", "value"], ["title", "T"], ["partners_fields", "Sensitivity|NOTES"], ["restricted_fields", "x"]]
    assert problems(tmp_path / "a", orgs, links, map=settings) == [
        "map.csv, row 4, column restricted_fields: 'x' is not a column of the organisations or links: use one of id, "
        "name, short_name, aliases, sector, level, country, stages, description, url, tags, since, until, "
        "sensitivity, evidence, influence, stance, Contact person, source, target, kind, direction, status, strength, "
        "basis, source_ref, last_checked, notes, trust, value, source_trust, target_trust, source_value, "
        "target_value, reported_by, reports, confirmation"
    ]
    settings[3] = ["restricted_fields", "contact_person|Naam"]
    assert problems(tmp_path / "b", orgs, links, map=settings) == [
        "map.csv, row 4, column restricted_fields: 'Naam' cannot be hidden: every map needs its names"
    ]
    settings[3] = ["restricted_fields", "contact person"]
    folder = write_folder(tmp_path / "c", {"organisations": orgs, "links": links, "map": settings})
    m = load_map(folder, audience="internal")
    assert (m.settings.partners_fields, m.settings.restricted_fields) == (("sensitivity", "notes"), ("Contact person",))
    assert "Contact person" not in load_map(folder, audience="public").organisations


def test_headers_and_settings_are_checked_for_control_characters(tmp_path: Path) -> None:
    orgs = [["id", "name", "Notes\x07"], ["om", "OM", ""]]
    settings = [["key", "value"], ["title", "T\x9b"], ["\x00", "x"]]
    assert problems(tmp_path, orgs, [["source", "target"]], map=settings) == [
        "map.csv, row 2, column title: contains the control character U+009B: remove it (retype the text if you "
        "cannot see it)",
        "map.csv, row 3: the name of this setting contains the control character U+0000: remove it (retype the "
        "text if you cannot see it)",
        "organisations.csv, row 1, column C: this header contains the control character U+0007: remove it (retype "
        "the text if you cannot see it)",
    ]


def test_views_name_columns_in_any_case(tmp_path: Path) -> None:
    orgs = [["id", "name", "sector", "Staff"], ["om", "OM", "justice", "3"], ["politie", "Politie", "police", "5"]]
    views = [["name", "colour_by", "size_by"], ["v", "SECTOR", "staff"], ["w", "Niveau", "Partners"]]
    m = load_map(write_folder(tmp_path / "v", {"organisations": orgs, "links": LINKS, "views": views}))
    assert list(m.views["colour_by"]) == ["sector", "level"]
    assert list(m.views["size_by"]) == ["Staff", "partners"]
