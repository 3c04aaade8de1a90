"""Time: since and until on organisations and links, and the map as of a date."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_folder

from stakeholders import InvalidArgument, as_of, check_source, load_map
from stakeholders.cli import cli
from stakeholders.dates import present_on

ORGANISATIONS = [
    ["id", "name", "opgericht", "opgeheven"],  # the Dutch headers for since and until
    ["a", "Always", "", ""],
    ["b", "Since 2015", "2015", ""],
    ["c", "Until mid 2018", "", "2018-06"],
    ["d", "March 2019 to 2021", "15-03-2019", "2021"],
    ["e", "From 2022", "2022", ""],
]

LINKS = [
    ["id", "source", "target", "direction", "since", "until"],
    ["L1", "a", "b", "directed", "", ""],
    ["L2", "a", "c", "directed", "2016", ""],
    ["L3", "b", "c", "directed", "", "2017"],
    ["L4", "a", "d", "directed", "2020-01", "2020-12"],
    ["L5", "d", "a", "mutual", "2021", ""],
    ["L6", "a", "e", "undirected", "", ""],
]


@pytest.fixture
def timeline_map(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "timeline", {"organisations": ORGANISATIONS, "links": LINKS})


@pytest.mark.parametrize(
    ("when", "organisations", "links"),
    [
        ("2017-06-30", "abc", ["L1", "L2", "L3"]),
        ("2018", "abc", ["L1", "L2"]),  # until 2017 ended before 2018; until 2018-06 is still in 2018
        ("2018-07", "ab", ["L1"]),  # c is gone, and its link with it
        ("2019-03", "abd", ["L1"]),  # d started in March 2019
        ("2019-03-14", "ab", ["L1"]),  # … on the 15th
        ("2020-06-01", "abd", ["L1", "L4"]),
        ("2021-12-31", "abd", ["L1", "L5"]),
        ("2022", "abe", ["L1", "L6"]),
    ],
)
def test_as_of_leaves_out_what_did_not_exist(
    timeline_map: Path, when: str, organisations: str, links: list[str]
) -> None:
    m = load_map(timeline_map)
    then = as_of(m, when)
    assert list(then.organisations["id"]) == list(organisations)
    assert list(then.links["id"]) == links
    assert sorted(then.graph.nodes) == list(organisations)
    assert sorted(key for _, _, key in then.graph.edges(keys=True)) == sorted(links)
    assert then.settings.date == when and then.graph.graph["date"] == when
    assert len(m.organisations) == 5 and len(m.links) == 6  # the map itself is not changed


def test_as_of_takes_dates_as_python_and_spreadsheets_write_them(timeline_map: Path) -> None:
    m = load_map(timeline_map)
    assert list(as_of(m, datetime.date(2019, 3, 15)).organisations["id"]) == ["a", "b", "d"]
    assert list(as_of(m, "14-03-2019").organisations["id"]) == ["a", "b"]


@pytest.mark.parametrize(
    ("when", "why"),
    [
        ("yesterday", "write it as YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2021-13", "there is no month 13: months run from 1 to 12"),
        ("31-02-2021", "February has no 31st day"),
        ("", "write it as YYYY-MM-DD, YYYY-MM or YYYY"),
    ],
)
def test_as_of_rejects_what_is_not_a_date(timeline_map: Path, when: str, why: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        as_of(load_map(timeline_map), when)
    assert str(caught.value) == f"'{when}' is not a date: {why}"


@pytest.mark.parametrize(
    ("since", "until", "when", "present"),
    [
        ("2021", "", "2021-01-01", True),
        ("2021", "", "2020-12-31", False),
        ("", "2021", "2021-12-31", True),
        ("", "2021", "2022-01-01", False),
        ("2021-06-15", "2021-06-15", "2021-06", True),
        ("2021-06-15", "", "2021-05", False),
        ("", "", "1999", True),
    ],
)
def test_dates_of_different_precision(since: str, until: str, when: str, present: bool) -> None:
    assert present_on(since, until, when) is present


def test_an_organisation_cannot_end_before_it_starts(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "m",
        {"organisations": [["id", "name", "since", "until"], ["a", "A", "2015", "2010-05"]], "links": [["from", "to"]]},
    )
    assert [str(p) for p in check_source(folder)] == [
        "organisations.csv, row 2, column until: until 2010-05 is before since 2015: correct or swap the dates"
    ]


def test_map_as_of(runner: CliRunner, timeline_map: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = runner.invoke(cli, ["map", str(timeline_map), "-o", str(out), "--as-of", "2018"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Wrote {out.resolve()} (3 organisations, 2 links as of 2018).\n"
        "Note: 1 organisation and 1 link have no dates (no since or until) and are shown at every date; "
        "--undated hide leaves them out.\n"
    )
    assert "Data as of 2018" in out.read_text(encoding="utf-8")


def test_export_as_of(runner: CliRunner, timeline_map: Path, tmp_path: Path) -> None:
    out = tmp_path / "then.graphml"
    result = runner.invoke(cli, ["export", str(timeline_map), "-o", str(out), "--as-of", "02-01-2022"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Wrote {out.resolve()} (GraphML: 3 organisations, 2 links as of 2 January 2022).\n"
        "Note: 1 organisation and 2 links have no dates (no since or until) and are shown at every date; "
        "--undated hide leaves them out.\n"
    )
    assert list(load_map(out).organisations["id"]) == ["a", "b", "e"]


@pytest.mark.parametrize("command", ["map", "export"])
def test_a_bad_as_of_date_is_a_usage_error(runner: CliRunner, timeline_map: Path, tmp_path: Path, command: str) -> None:
    out = tmp_path / ("map.html" if command == "map" else "map.gexf")
    result = runner.invoke(cli, [command, str(timeline_map), "-o", str(out), "--as-of", "2021-13-01"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        "Error: Invalid value for '--as-of': '2021-13-01' is not a date: there is no month 13: months run from 1 to 12"
    )
    assert not out.exists()
