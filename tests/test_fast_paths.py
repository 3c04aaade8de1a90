"""The quick paths for large tables find what reading cell by cell finds.

Reading tidies whole CSV rows at once. Validation checks a whole column at once, and reads cell by cell
only a column that fails that check. It parses each distinct value once, and indexes names only when a
reference is not an id. Each test here puts one odd cell in a late row of a long table that is
otherwise fine, and checks the exact message and row. Both pause the garbage collector meanwhile.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from conftest import write_csv, write_folder, write_json

from stakeholders import SourceError, ValidationError, check_source, load_map
from stakeholders.formats import read_source
from stakeholders.source import grid_table

COUNT = 300
"""Organisations in the long map; its links join each of the first 200 to the next, and then again."""


def long_map(tmp_path: Path, organisation: dict[str, str] | None = None, link: dict[str, str] | None = None) -> Path:
    """A folder with COUNT organisations and COUNT - 1 links; ``organisation`` and ``link`` change row 250.

    Row 250 holds organisation org248 (no link refers to it) and the link from org48 to org49.
    """
    org_header = ["id", "name", "short_name", "aliases", "sector", "tags", "since", "until", "description"]
    orgs = [org_header] + [
        [f"org{i}", f"Organisation {i}", f"O{i}", f"Alias {i}", "police" if i % 2 else "justice", "a|b", "", "", ""]
        for i in range(COUNT)
    ]
    link_header = ["source", "target", "kind", "strength", "since", "until", "notes"]
    links = [link_header] + [
        [f"org{i % 200}", f"org{(i + 1) % 200}", "funding", "3", "2020", "2021", "Renewed"] for i in range(COUNT - 1)
    ]
    for header, rows, changes in ((org_header, orgs, organisation), (link_header, links, link)):
        for column, value in (changes or {}).items():
            rows[249][header.index(column)] = value  # row 250 in the file
    return write_folder(tmp_path / "long", {"organisations": orgs, "links": links})


def messages(folder: Path) -> list[str]:
    return [str(problem) for problem in check_source(folder)]


def test_the_long_map_is_fine(tmp_path: Path) -> None:
    assert messages(long_map(tmp_path)) == []


CONTROL = "contains the control character U+0007: remove it (retype the text if you cannot see it)"


@pytest.mark.parametrize(
    ("organisation", "link", "expected"),
    [
        (
            {"description": "bell\x07"},
            {},
            [f"organisations.csv, row 250, column description: {CONTROL}"],
        ),
        (
            {},
            {"notes": "x" * 10_001},
            ["links.csv, row 250, column notes: this text has 10,001 characters, more than 10,000: shorten it"],
        ),
        (
            {"name": "bell\x07"},  # a refused name is not also an empty one
            {},
            [f"organisations.csv, row 250, column name: {CONTROL}"],
        ),
        (
            {"tags": "a|\x07"},
            {"notes": "a\x85b"},
            [
                f"organisations.csv, row 250, column tags: {CONTROL}",
                "links.csv, row 250, column notes: contains the control character U+0085: remove it (retype the text "
                "if you cannot see it)",
            ],
        ),
        (
            {"sector": "polise"},
            {},
            [
                "organisations.csv, row 250, column sector: 'polise' is not a sector (did you mean 'police'?): use one "
                "of police, justice, probation, care, prevention, victim-support, hotline, industry, research, "
                "government, international, ngo, or add it to the map's sectors setting"
            ],
        ),
        (
            {"name": ""},
            {},
            ["organisations.csv, row 250, column name: name is empty: give every organisation a name"],
        ),
        (
            {"id": "org3"},
            {"target": "nobody"},
            [
                "organisations.csv, row 250, column id: duplicate id 'org3' (also in row 5): give each organisation "
                "its own id",
                "links.csv, row 250, column target: unknown organisation 'nobody': use an id from the organisations "
                "table",
            ],
        ),
        (
            {"id": "org|248"},
            {},
            ["organisations.csv, row 250, column id: id 'org|248' contains '|': ids may not contain '|'"],
        ),
        (
            {"until": "1999"},
            {"since": "soon", "strength": "7"},
            [
                "links.csv, row 250, column strength: '7' is not a strength: use a whole number from 1 to 5",
                "links.csv, row 250, column since: 'soon' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY",
            ],
        ),
        (
            {"since": "2001", "until": "1999"},
            {"source": ""},
            [
                "organisations.csv, row 250, column until: until 1999 is before since 2001: correct or swap the dates",
                "links.csv, row 250, column source: source is empty: give every link a source",
            ],
        ),
        (
            {},
            {"target": "Organisation 48", "until": "2019-12"},
            [
                "links.csv, row 250, column target: a link from 'org48' to itself: source and target must differ",
                "links.csv, row 250, column until: until 2019-12 is before since 2020: correct or swap the dates",
            ],
        ),
    ],
)
def test_one_odd_cell_in_a_late_row(
    tmp_path: Path, organisation: dict[str, str], link: dict[str, str], expected: list[str]
) -> None:
    assert messages(long_map(tmp_path, organisation, link)) == expected


def test_a_wrong_value_is_reported_in_every_row_that_holds_it(tmp_path: Path) -> None:
    folder = long_map(tmp_path, link={"kind": "friendship"})
    lines = (folder / "links.csv").read_text(encoding="utf-8").splitlines()
    lines[11] = lines[11].replace("funding", "friendship")  # row 12
    (folder / "links.csv").write_text("\n".join(lines), encoding="utf-8")
    message = "'friendship' is not a kind: use one of information-sharing, referral, notice-and-takedown, "
    message += "joint-operation, funding, agreement, policy-consultation, research, technology, membership, oversight"
    message += ", or add it to the map's kinds setting"
    assert messages(folder) == [f"links.csv, row {row}, column kind: {message}" for row in (12, 250)]


def test_a_name_short_name_or_alias_in_a_late_row_still_resolves(tmp_path: Path) -> None:
    """Names are indexed only once a reference is not an id: here the first such one is in row 250."""
    m = load_map(long_map(tmp_path, link={"source": "Organisation 7", "target": "alias 9"}))
    assert list(m.links.loc[248, ["source", "target", "id"]]) == ["org7", "org9", "org7>org9"]
    m = load_map(long_map(tmp_path / "short", link={"target": "O200"}))
    assert m.links.loc[248, "target"] == "org200"
    assert list(m.links["source"][:3]) == ["org0", "org1", "org2"]


def test_names_also_resolve_in_stages_and_views(tmp_path: Path) -> None:
    folder = long_map(tmp_path)
    write_csv(
        folder / "views.csv", [["name", "focus", "stage"], ["one", "org1", "prosecution"], ["two", "O5", "Vervolging"]]
    )
    m = load_map(folder)
    assert m.views is not None
    assert list(m.views["focus"]) == ["org1", "org5"]
    assert list(m.views["stage"]) == [["prosecution"], ["prosecution"]]


def test_values_types_and_defaults_of_a_long_table(tmp_path: Path) -> None:
    m = load_map(long_map(tmp_path))
    orgs, links = m.organisations, m.links
    assert list(orgs["sector"][:3]) == ["justice", "police", "justice"]
    assert orgs.loc[249, "aliases"] == ["Alias 249"]
    assert str(links["strength"].dtype) == "Int64" and set(links["strength"]) == {3}
    assert set(links["direction"]) == {"directed"} and set(links["status"]) == {"active"}  # columns it lacks
    assert list(links["id"][[0, 200]]) == ["org0>org1", "org0>org1~2"]
    for column in ("aliases", "tags", "stages"):
        cells = list(orgs[column])
        assert len({id(cell) for cell in cells}) == COUNT, f"each organisation has its own list of {column}"
    cells = list(orgs["tags"])
    cells[0].append("changed")
    assert cells[1] == ["a", "b"]


def test_a_list_column_the_table_lacks_is_a_new_empty_list_in_every_row(tmp_path: Path) -> None:
    orgs = [["id", "name"]] + [[f"org{i}", f"Organisation {i}"] for i in range(20)]
    m = load_map(write_folder(tmp_path / "lists", {"organisations": orgs, "links": [["source", "target"]]}))
    cells = list(m.organisations["tags"])
    assert cells == [[]] * 20 and len({id(cell) for cell in cells}) == 20


def test_columns_of_numbers_and_text_mixed_are_read_cell_by_cell(tmp_path: Path) -> None:
    """A JSON or workbook column can hold numbers among its texts: each number is read as itself."""
    orgs = [["id", "name", "rank"]] + [[f"org{i}", f"Organisation {i}", i if i % 3 else f"r{i}"] for i in range(30)]
    orgs[20][1] = 2020  # a name that is a number, item 20
    links = [["source", "target", "strength"]] + [[f"org{i}", f"org{i + 1}", 2 if i % 2 else "2.0"] for i in range(29)]
    links[25][2] = 7
    path = write_json(tmp_path / "map.json", {"organisations": orgs, "links": links})
    assert messages(path) == [
        "map.json, section links, item 25, field strength: '7' is not a strength: use a whole number from 1 to 5"
    ]
    links[25][2] = 4
    m = load_map(write_json(tmp_path / "fixed.json", {"organisations": orgs, "links": links}))
    assert m.organisations.loc[19, "name"] == "2020"
    assert list(m.organisations["rank"][:4]) == ["r0", "1", "2", "r3"]
    assert list(m.links["strength"][23:27]) == [2, 4, 2, 2]


def test_a_grid_is_as_wide_as_its_widest_row_and_skips_blank_rows() -> None:
    grid: list[list[Any]] = [["id", "name", "", ""], ["a", " A ", "", ""], ["", "", "", ""]]
    grid += [["b", "B"], [None, "", []], ["c", "C", "", "late"], ["", "", "", "", "", ""], ["d", "D", "", "", []]]
    table = grid_table("organisations", "map.xlsx", "Organisations", grid)
    assert table.headers == ["id", "name", "", ""]
    assert table.rows == [
        (2, ["a", "A", "", ""]),
        (4, ["b", "B", "", ""]),
        (6, ["c", "C", "", "late"]),
        (8, ["d", "D", "", ""]),
    ]
    numbers = [["source", "weight"], ["a", 3.0], [" b ", 2.5], ["", None], ["", 0.0]]
    assert grid_table("links", "map.xlsx", "Links", numbers).rows == [(2, ["a", 3]), (3, ["b", 2.5]), (5, ["", 0])]


def test_only_rows_with_an_apostrophe_are_unquoted(tmp_path: Path) -> None:
    rows = [["id", "name", "description"]] + [[f"org{i}", f"Organisation {i}", "plain"] for i in range(50)]
    rows[40] = ["org39", "O'Brien & Co", "'=HYPERLINK(1)"]
    table = read_source(write_csv(tmp_path / "organisations.csv", rows)).tables["organisations"]
    assert table.rows[39] == (41, ["org39", "O'Brien & Co", "=HYPERLINK(1)"])
    assert table.rows[38] == (40, ["org38", "Organisation 38", "plain"])


def test_the_garbage_collector_runs_again_after_reading_and_validating(tmp_path: Path) -> None:
    """The collector is paused while a CSV folder is read and a source validated, and on again after, error or not."""
    folder = long_map(tmp_path, organisation={"name": ""})
    assert gc.isenabled()
    with pytest.raises(ValidationError):
        load_map(folder)
    assert gc.isenabled()
    gc.disable()
    try:
        assert len(check_source(folder)) == 1
        assert not gc.isenabled(), "a collector that was off stays off"
    finally:
        gc.enable()
    (folder / "links.csv").write_text('source,target\n"org1,org2\n', encoding="utf-8")
    with pytest.raises(SourceError):
        read_source(folder)
    assert gc.isenabled()
