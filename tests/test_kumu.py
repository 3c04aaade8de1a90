"""Kumu in: workbooks as Kumu exports them and JSON blueprints, made by hand here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import map_summary, write_workbook

from stakeholders import SourceError, ValidationError, export_map, load_map
from stakeholders.formats.kumu import kumu_id
from stakeholders.values import records

ELEMENTS = [
    ["Label", "Type", "Description", "Tags", "Country", "Image", "Reach"],
    ["Politie", "Police", "National police", "VGT member|AviaTor", "NL", "", 5],
    ["Openbaar Ministerie", "justitie", "", "", "NL", "", 4],
    ["Offlimits", "Hotline", "Expertisecentrum", "", "NL", "https://example.org/o.png", ""],
    ["Jane Doe", "Person", "A coordinator", "", "", "", 2],
    ["Europol", "", "", "", "EU", "", ""],
]

CONNECTIONS = [
    ["From", "To", "Type", "direction", "Label", "Strength"],
    ["Politie", "Openbaar Ministerie|Europol", "Information sharing", "mutual", "daily", 3],
    ["Offlimits", "Politie", "Referral", "", "", ""],
    ["Jane Doe", "Politie|Offlimits|Europol", "Friendship", "undirected", "", ""],
    ["Europol", "Politie", "", "directed", "", ""],
]


def kumu_workbook(path: Path, **extra: list[list[Any]]) -> Path:
    sheets = {
        "Elements": ELEMENTS,
        "Connections": CONNECTIONS,
        "Sheet 3 (ignore)": [["Label", "Type"], ["Not an element", "Person"]],
        "Notes": [["Things to check"], ["Is Europol in?"]],
        **extra,
    }
    return write_workbook(path, sheets)


def test_kumu_workbook_counts_and_directions(tmp_path: Path) -> None:
    m = load_map(kumu_workbook(tmp_path / "kumu.xlsx"))
    assert list(m.organisations["id"]) == ["politie", "openbaar-ministerie", "offlimits", "jane-doe", "europol"]
    assert list(m.organisations["name"]) == ["Politie", "Openbaar Ministerie", "Offlimits", "Jane Doe", "Europol"]
    # several targets in To make several links: 2 + 1 + 3 + 1
    assert len(m.links) == 7
    pairs = list(zip(m.links["source"], m.links["target"], m.links["direction"], strict=True))
    assert pairs == [
        ("politie", "openbaar-ministerie", "mutual"),
        ("politie", "europol", "mutual"),
        ("offlimits", "politie", "directed"),
        ("jane-doe", "politie", "undirected"),
        ("jane-doe", "offlimits", "undirected"),
        ("jane-doe", "europol", "undirected"),
        ("europol", "politie", "directed"),
    ]
    assert [link["strength"] for link in records(m.links)] == [3, 3, None, None, None, None, None]


def test_kumu_type_becomes_the_sector_when_it_is_one(tmp_path: Path) -> None:
    m = load_map(kumu_workbook(tmp_path / "kumu.xlsx"))
    assert list(m.organisations["sector"]) == ["police", "justice", "hotline", "", ""]
    assert list(m.organisations["Element type"]) == ["", "", "", "Person", ""]
    assert list(m.links["kind"]) == ["information-sharing"] * 2 + ["referral", "", "", "", ""]
    assert list(m.links["Connection type"]) == ["", "", "", "Friendship", "Friendship", "Friendship", ""]
    assert m.custom_columns == {
        "organisations": ("Element type", "Image", "Reach"),
        "stages": (),
        "links": ("Connection type", "Label"),
    }


def test_kumu_fields_and_custom_columns(tmp_path: Path) -> None:
    m = load_map(kumu_workbook(tmp_path / "kumu.xlsx"))
    politie = m.organisations.iloc[0]
    assert politie["tags"] == ["VGT member", "AviaTor"]
    assert (politie["description"], politie["country"], politie["Reach"]) == ("National police", "NL", "5")
    assert m.organisations.iloc[2]["Image"] == "https://example.org/o.png"
    assert m.links.iloc[0]["Label"] == "daily"


def test_ignored_sheets_are_skipped(tmp_path: Path) -> None:
    m = load_map(kumu_workbook(tmp_path / "kumu.xlsx"))
    assert "Not an element" not in set(m.organisations["name"])


def test_when_every_type_is_a_sector_no_custom_column_is_left(tmp_path: Path) -> None:
    elements = [["Label", "Type"], ["A", "police"], ["B", "NGO"]]
    connections = [["From", "To", "Type"], ["A", "B", "funding"]]
    m = load_map(write_workbook(tmp_path / "k.xlsx", {"Elements": elements, "Connections": connections}))
    assert list(m.organisations["sector"]) == ["police", "ngo"]
    assert m.custom_columns["organisations"] == () and m.custom_columns["links"] == ()


def test_a_sector_column_keeps_kumu_type_as_a_field(tmp_path: Path) -> None:
    elements = [["Label", "Type", "Sector"], ["A", "police", "justice"], ["B", "Person", ""]]
    path = write_workbook(tmp_path / "k.xlsx", {"Elements": elements, "Connections": [["From", "To"], ["A", "B"]]})
    m = load_map(path)
    assert list(m.organisations["sector"]) == ["justice", ""]
    assert list(m.organisations["Element type"]) == ["police", "Person"]


def test_elements_with_ids_are_referred_to_by_id(tmp_path: Path) -> None:
    elements = [["ID", "Label", "Type"], [1, "Politie", "police"], ["007", "Agent", ""], ["om", "OM", "justice"]]
    connections = [["ID", "From", "To", "direction"], ["c1", 1, "007|om", "mutual"], ["", "om", 1, ""]]
    m = load_map(write_workbook(tmp_path / "k.xlsx", {"Elements": elements, "Connections": connections}))
    assert list(m.organisations["id"]) == ["1", "007", "om"]
    assert list(m.links["id"]) == ["c1-1", "c1-2", "om>1"]
    assert list(zip(m.links["source"], m.links["target"], strict=True)) == [("1", "007"), ("1", "om"), ("om", "1")]


def test_labels_that_fold_to_the_same_id_get_numbered(tmp_path: Path) -> None:
    elements = [["Label"], ["Den Bosch"], ["den bosch"], ["Den-Bosch"], ["北京"]]
    path = write_workbook(
        tmp_path / "k.xlsx", {"Elements": elements, "Connections": [["From", "To"], ["北京", "Den Bosch"]]}
    )
    m = load_map(path)
    assert list(m.organisations["id"]) == ["den-bosch", "den-bosch-2", "den-bosch-3", "北京"]
    assert list(zip(m.links["source"], m.links["target"], strict=True)) == [("北京", "den-bosch")]  # exact label
    assert kumu_id("  Politie / Team TBKK ") == "politie-team-tbkk"


def test_a_repeated_label_is_one_clear_line(tmp_path: Path) -> None:
    elements = [["Label", "Type"], ["Politie", "police"], ["B", ""], ["Politie", "police"]]
    connections = [["From", "To"], ["Politie", "B"]]
    path = write_workbook(tmp_path / "k.xlsx", {"Elements": elements, "Connections": connections})
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert [str(p) for p in caught.value.problems] == [
        "k.xlsx, sheet Elements, row 4, column Label: this label is also on row 2: Kumu treats them as one "
        "element; merge the rows or give each an ID"
    ]
    blueprint = tmp_path / "blueprint.json"
    blueprint.write_text(json.dumps({"elements": [{"label": "Politie"}, {"label": "Politie"}]}), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_map(blueprint)
    assert [str(p) for p in caught.value.problems] == [
        "blueprint.json, section elements, item 2, field label: this label is also on item 1: Kumu treats them "
        "as one element; merge the items or give each an ID"
    ]
    elements = [["ID", "Label"], ["p1", "Politie"], ["p2", "Politie"]]  # with IDs, labels may repeat
    path = write_workbook(tmp_path / "ids.xlsx", {"Elements": elements, "Connections": [["From", "To"], ["p1", "p2"]]})
    assert list(load_map(path).organisations["name"]) == ["Politie", "Politie"]


def test_kumu_problems_name_file_sheet_row_and_column(tmp_path: Path) -> None:
    connections = [["From", "To", "Type"], ["Politie", "Europol|Interpol", "Information sharing"]]
    path = write_workbook(tmp_path / "bad.xlsx", {"Elements": ELEMENTS, "Links data": connections})
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert [str(p) for p in caught.value.problems] == [
        "bad.xlsx, sheet Links data, row 2, column To: unknown organisation 'Interpol' (did you mean 'europol'?): "
        "use an id from the organisations table"
    ]


def test_two_element_sheets_are_one_clear_line(tmp_path: Path) -> None:
    path = kumu_workbook(tmp_path / "kumu.xlsx", People=[["Label"], ["Jan"]])
    with pytest.raises(SourceError) as caught:
        load_map(path)
    assert str(caught.value) == (
        "kumu.xlsx: several Kumu elements sheets (Elements, People): merge them into one sheet, "
        "or add (ignore) to the names of the sheets to skip"
    )


BLUEPRINT = {
    "elements": [
        {"id": "elem-politie", "label": "Politie", "type": "police", "tags": ["VGT member", "AviaTor"]},
        {"_id": "elem-om", "attributes": {"label": "Openbaar Ministerie", "element type": "Justitie"}},
        {"label": "Jane Doe", "type": "Person", "description": "A coordinator", "Region": "Randstad"},
    ],
    "connections": [
        {"id": "c1", "from": "elem-politie", "to": "elem-om", "type": "information sharing", "direction": "mutual"},
        {"from": "jane-doe", "to": "elem-politie", "attributes": {"connection type": "Friendship"}},
        {"from": "elem-om", "to": "jane-doe", "direction": "undirected", "strength": 2},
    ],
}


def test_kumu_blueprint(tmp_path: Path) -> None:
    path = tmp_path / "blueprint.json"
    path.write_text(json.dumps(BLUEPRINT), encoding="utf-8")
    m = load_map(path)
    assert list(m.organisations["id"]) == ["elem-politie", "elem-om", "jane-doe"]
    assert list(m.organisations["sector"]) == ["police", "justice", ""]
    assert list(m.organisations["Element type"]) == ["", "", "Person"]
    assert m.organisations.iloc[0]["tags"] == ["VGT member", "AviaTor"]
    assert m.organisations.iloc[2]["Region"] == "Randstad"
    assert list(m.links["id"]) == ["c1", "jane-doe>elem-politie", "elem-om>jane-doe"]
    assert list(m.links["direction"]) == ["mutual", "directed", "undirected"]
    assert list(m.links["kind"]) == ["information-sharing", "", ""]
    assert list(m.links["Connection type"]) == ["", "Friendship", ""]
    assert m.links.iloc[2]["strength"] == 2


def test_blueprint_with_elements_only(tmp_path: Path) -> None:
    path = tmp_path / "blueprint.json"
    path.write_text(json.dumps({"elements": [{"label": "A"}, {"label": "B"}]}), encoding="utf-8")
    m = load_map(path)
    assert (list(m.organisations["id"]), len(m.links)) == (["a", "b"], 0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"elements": {"a": 1}}, ": expected Cytoscape.js JSON with elements.nodes and elements.edges"),
        ({"elements": ["a"]}, ", section elements, item 1: expected a record (key: value mapping)"),
        ({"elements": [], "connections": "x"}, ": section connections must be a list of records (key: value mappings)"),
    ],
)
def test_bad_blueprints_are_one_clear_line(tmp_path: Path, data: dict[str, Any], message: str) -> None:
    path = tmp_path / "blueprint.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_map(path)
    assert str(caught.value) == f"{path}{message}"


@pytest.mark.parametrize("name", ["ours.xlsx", "kumu.xlsx", "map.gexf", "map.graphml", "map.cyjs", "folder"])
def test_a_map_from_kumu_survives_every_export(tmp_path: Path, name: str) -> None:
    elements = [*ELEMENTS, ["Stichting X", "Person", "", "", "", "", ""]]
    elements[-1][1] = "police"  # a sector in Type …
    elements[4][1] = "Agency"  # … and a type that is none
    original = load_map(kumu_workbook(tmp_path / "source.xlsx", Elements=elements))
    written = export_map(original, tmp_path / name, kumu=name == "kumu.xlsx")
    assert map_summary(load_map(written)) == map_summary(original)


def test_type_and_sector_both_present_survive_kumu(tmp_path: Path) -> None:
    elements = [["Label", "Type", "Sector"], ["A", "Person", "police"], ["B", "", "justice"]]
    original = load_map(write_workbook(tmp_path / "k.xlsx", {"Elements": elements, "Connections": [["From", "To"]]}))
    written = export_map(original, tmp_path / "again.xlsx", kumu=True)
    workbook = openpyxl.load_workbook(written, read_only=True)
    header = next(workbook["Elements"].iter_rows(values_only=True))
    workbook.close()
    assert header[:3] == ("ID", "Label", "Type") and "Sector" in header
    assert map_summary(load_map(written)) == map_summary(original)


def test_connections_only_make_their_elements_as_kumu_does(tmp_path: Path) -> None:
    connections = [["From", "To", "Type"], ["Politie", "OM|Europol", "information sharing"], ["OM", "Politie", ""]]
    m = load_map(write_workbook(tmp_path / "k.xlsx", {"Connections": connections}))
    assert list(m.organisations["id"]) == ["politie", "om", "europol"]
    assert list(m.organisations["name"]) == ["Politie", "OM", "Europol"]
    assert list(zip(m.links["source"], m.links["target"], strict=True)) == [
        ("politie", "om"),
        ("politie", "europol"),
        ("om", "politie"),
    ]


def test_a_problem_in_a_row_with_several_targets_is_one_line(tmp_path: Path) -> None:
    connections = [
        ["From", "To", "Type", "direction"],
        ["Politie", "Openbaar Ministerie|Politei|Europol", "Referral", "bidirectional"],
        ["Politie|Offlimits", "Europol", "Funding", "sideways"],
    ]
    path = write_workbook(tmp_path / "bad.xlsx", {"Elements": ELEMENTS, "Connections": connections})
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert [str(p) for p in caught.value.problems] == [
        "bad.xlsx, sheet Connections, row 2, column To: unknown organisation 'Politei' (did you mean 'politie'?): "
        "use an id from the organisations table",
        "bad.xlsx, sheet Connections, row 2, column direction: 'bidirectional' is not a direction: "
        "use one of directed, mutual, undirected",
        "bad.xlsx, sheet Connections, row 3, column direction: 'sideways' is not a direction: "
        "use one of directed, mutual, undirected",
    ]


def test_a_connection_description_is_its_notes(tmp_path: Path) -> None:
    connections = [["From", "To", "Description", "Tags"], ["Politie", "Europol", "weekly call", "x|y"]]
    m = load_map(write_workbook(tmp_path / "k.xlsx", {"Elements": ELEMENTS, "Connections": connections}))
    assert list(m.links["notes"]) == ["weekly call"]
    assert m.custom_columns["links"] == ("Tags",)  # links have no tags field of their own
    workbook = openpyxl.load_workbook(export_map(m, tmp_path / "out.xlsx", kumu=True))
    assert [c.value for c in workbook["Connections"][1]][:6] == ["ID", "From", "To", "Type", "direction", "Description"]
    assert workbook["Connections"]["F2"].value == "weekly call"
    blueprint = tmp_path / "blueprint.json"
    data = {"elements": [{"label": "A"}, {"label": "B"}], "connections": [{"from": "A", "to": "B", "description": "d"}]}
    blueprint.write_text(json.dumps(data), encoding="utf-8")
    assert list(load_map(blueprint).links["notes"]) == ["d"]
    both = [["From", "To", "Description", "Notes"], ["Politie", "Europol", "weekly call", "check"]]
    m = load_map(write_workbook(tmp_path / "both.xlsx", {"Elements": ELEMENTS, "Connections": both}))
    assert (list(m.links["notes"]), list(m.links["Description"])) == (["check"], ["weekly call"])
    back = load_map(export_map(m, tmp_path / "both-out.xlsx", kumu=True))
    assert (list(back.links["notes"]), list(back.links["Description"])) == (["check"], ["weekly call"])
