"""What has no dates: a map as of a date says how many organisations and links have neither since nor until.

They count as present at every date; every output of a dated map says how many there are, and
``--undated hide`` (``undated="hide"``) leaves them out, an organisation's links with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PAYLOADS, write_folder, write_payload_map

from stakeholders import InvalidArgument, as_of, load_map, write_html
from stakeholders.analysis import analyse
from stakeholders.cli import cli
from stakeholders.diff import as_markdown, diff_maps, undated_summary
from stakeholders.model import Undated
from stakeholders.pages import diff_html, write_presentation, write_report

ORGANISATIONS = [
    ["id", "name", "since", "until"],
    ["a", "Alpha", "", ""],  # no dates
    ["b", "Beta", "2015", ""],
    ["c", "Gamma", "", ""],  # no dates
    ["d", "Delta", "", "2010"],
    ["e", "Epsilon", "2012", ""],
]

LINKS = [
    ["id", "source", "target", "since", "until"],
    ["L1", "a", "b", "", ""],  # no dates, to a dated organisation
    ["L2", "a", "c", "", ""],  # no dates, between two organisations without dates
    ["L3", "b", "c", "2016", ""],  # dated, to an organisation without dates
    ["L4", "a", "d", "", ""],  # no dates; d ended in 2010
    ["L5", "b", "a", "2000", "2030"],  # dated, to an organisation without dates
    ["L6", "b", "e", "2018", ""],  # dated, between dated organisations
    ["L7", "e", "b", "", ""],  # no dates, between dated organisations: a link's own dates decide
]

SHOWN_2020 = "2 organisations and 3 links have no dates (no since or until) and are shown at every date"
LEFT_OUT_2020 = (
    "2 organisations and 3 links have no dates (no since or until) and are left out. "
    "Also left out, with an organisation that has no dates: 2 links."
)


@pytest.fixture
def dated(tmp_path: Path) -> Path:
    views = [["name", "title", "step"], ["everyone", "Everyone", "1"]]  # a presentation of one step
    return write_folder(tmp_path / "dated", {"organisations": ORGANISATIONS, "links": LINKS, "views": views})


def _ids(frame: Any) -> list[str]:
    return list(frame["id"])


# --- the library ---------------------------------------------------------------------------------


def test_as_of_keeps_what_has_no_dates_and_records_it(dated: Path) -> None:
    m = load_map(dated)
    then = as_of(m, "2020")
    assert _ids(then.organisations) == ["a", "b", "c", "e"]
    assert _ids(then.links) == ["L1", "L2", "L3", "L5", "L6", "L7"]
    assert then.undated == Undated(shown=True, organisations=("a", "c"), links=("L1", "L2", "L7"))
    assert m.undated is None  # a map not taken as of a date records nothing
    assert len(m.organisations) == 5 and len(m.links) == 7  # … and is not changed


def test_undated_hide_leaves_them_out_with_their_organisations_links(dated: Path) -> None:
    m = load_map(dated)
    hidden = as_of(m, "2020", undated="hide")
    assert _ids(hidden.organisations) == ["b", "e"]
    assert _ids(hidden.links) == ["L6"]  # L7 has no dates of its own; L3 and L5 went with c and a
    assert sorted(hidden.graph.nodes) == ["b", "e"]
    assert [key for _, _, key in hidden.graph.edges(keys=True)] == ["L6"]
    assert hidden.undated == Undated(
        shown=False, organisations=("a", "c"), links=("L1", "L2", "L7"), links_taken=("L3", "L5")
    )
    shown = as_of(m, "2020")
    record = hidden.undated
    assert len(shown.organisations) == len(hidden.organisations) + len(record.organisations)
    assert len(shown.links) == len(hidden.links) + len(record.links) + len(record.links_taken)


@pytest.mark.parametrize(
    ("when", "undated", "organisations", "links", "record"),
    [
        ("2005", "show", "acd", ["L2", "L4"], Undated(True, ("a", "c"), ("L2", "L4"))),
        ("2005", "hide", "d", [], Undated(False, ("a", "c"), ("L2", "L4"))),
        ("2013", "hide", "e", [], Undated(False, ("a", "c"), ("L2",))),
        ("2019", "hide", "be", ["L6"], Undated(False, ("a", "c"), ("L1", "L2", "L7"), ("L3", "L5"))),
    ],
)
def test_undated_counts_at_several_dates(
    dated: Path, when: str, undated: str, organisations: str, links: list[str], record: Undated
) -> None:
    then = load_map(dated, as_of=when, undated=undated)
    assert _ids(then.organisations) == list(organisations)
    assert _ids(then.links) == links
    assert then.undated == record


def test_a_map_whose_rows_all_have_dates_records_none(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "all-dated",
        {
            "organisations": [["id", "name", "since"], ["a", "A", "2001"], ["b", "B", "2002"]],
            "links": [["source", "target", "until"], ["a", "b", "2030"]],
        },
    )
    then = load_map(folder, as_of="2020", undated="hide")
    assert (_ids(then.organisations), len(then.links)) == (["a", "b"], 1)
    assert then.undated == Undated(shown=False)


def test_undated_takes_show_or_hide_and_hide_needs_a_date(dated: Path) -> None:
    with pytest.raises(InvalidArgument) as caught:
        as_of(load_map(dated), "2020", undated="drop")
    assert str(caught.value) == "undated='drop' is not a choice: use show or hide"
    with pytest.raises(InvalidArgument) as caught:
        load_map(dated, undated="hide")
    assert str(caught.value) == (
        "undated='hide' needs an as_of date: rows without dates are only left out of a map as of a date"
    )


def test_what_an_audience_does_not_see_is_not_counted_as_undated(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "audience",
        {
            "organisations": [
                ["id", "name", "since", "sensitivity"],
                ["a", "A", "", ""],
                ["b", "B", "2001", ""],
                ["r", "Restricted", "", "restricted"],
            ],
            "links": [["id", "source", "target", "sensitivity"], ["ab", "a", "b", ""], ["ar", "a", "r", ""]]
            + [["ba", "b", "a", "restricted"]],
            # the dates themselves are for internal readers: read before the audience's cut blanks them
            "map": [["key", "value"], ["restricted_fields", "since"]],
        },
    )
    public = load_map(folder, as_of="2020", audience="public")
    assert public.undated == Undated(shown=True, organisations=("a",), links=("ab",))
    assert list(public.organisations["since"]) == ["", ""]  # blanked for the public, yet b counts as dated
    hidden = load_map(folder, as_of="2020", audience="public", undated="hide")
    assert hidden.undated == Undated(shown=False, organisations=("a",), links=("ab",))
    assert (_ids(hidden.organisations), len(hidden.links)) == (["b"], 0)
    internal = load_map(folder, as_of="2020", audience="internal")
    assert internal.undated == Undated(shown=True, organisations=("a", "r"), links=("ab", "ar", "ba"))


# --- the command line ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "output", "wrote"),
    [
        ("map", "m.html", " (4 organisations, 6 links as of 2020)"),
        ("present", "deck.html", ""),
        ("image", "m.svg", ""),
        ("export", "m.graphml", " (GraphML: 4 organisations, 6 links as of 2020)"),
        ("report", "r.html", " (4 organisations, 6 links as of 2020)"),
    ],
)
def test_every_command_with_as_of_says_what_has_no_dates(
    runner: CliRunner, dated: Path, tmp_path: Path, command: str, output: str, wrote: str
) -> None:
    out = tmp_path / output
    result = runner.invoke(cli, [command, str(dated), "-o", str(out), "--as-of", "2020"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {out.resolve()}{wrote}.\n"
    assert result.stderr == f"Note: {SHOWN_2020}; --undated hide leaves them out.\n"
    hidden = runner.invoke(cli, [command, str(dated), "-o", str(out), "--as-of", "2020", "--undated", "hide"])
    assert hidden.exit_code == 0, hidden.output
    assert hidden.stderr == f"Note: {LEFT_OUT_2020}\n"
    fewer = wrote.replace("4 organisations, 6 links", "2 organisations, 1 link")
    assert hidden.stdout == f"Wrote {out.resolve()}{fewer}.\n"


def test_analyse_says_it_on_stderr_and_keeps_its_output_clean(runner: CliRunner, dated: Path) -> None:
    import json

    result = runner.invoke(cli, ["analyse", str(dated), "--as-of", "2020", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["organisations"] == 4
    assert result.stderr == f"Note: {SHOWN_2020}; --undated hide leaves them out.\n"
    hidden = runner.invoke(cli, ["analyse", str(dated), "--as-of", "2020", "--undated", "hide", "--format", "json"])
    assert json.loads(hidden.stdout)["summary"]["organisations"] == 2
    assert hidden.stderr == f"Note: {LEFT_OUT_2020}\n"


def test_the_note_is_singular_for_one_and_absent_when_there_is_nothing_to_say(
    runner: CliRunner, dated: Path, tmp_path: Path
) -> None:
    folder = write_folder(
        tmp_path / "one",
        {
            "organisations": [["id", "name", "since"], ["a", "A", ""], ["b", "B", "2001"]],
            "links": [["source", "target", "since"], ["a", "b", "2002"]],
        },
    )
    out = tmp_path / "m.html"
    result = runner.invoke(cli, ["map", str(folder), "-o", str(out), "--as-of", "2020"])
    assert result.stderr == (
        "Note: 1 organisation has no dates (no since or until) and is shown at every date; "
        "--undated hide leaves it out.\n"
    )
    assert '<p class="meta" id="map-undated">1 organisation has no dates' in out.read_text(encoding="utf-8")
    hidden = runner.invoke(cli, ["map", str(folder), "-o", str(out), "--as-of", "2020", "--undated", "hide"])
    assert hidden.stderr == (
        "Note: 1 organisation has no dates (no since or until) and is left out. "
        "Also left out, with an organisation that has no dates: 1 link.\n"
    )
    # without a date, or when everything has dates, there is nothing to say
    result = runner.invoke(cli, ["map", str(dated), "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert 'id="map-undated"' not in out.read_text(encoding="utf-8")
    all_dated = write_folder(
        tmp_path / "all-dated",
        {"organisations": [["id", "name", "since"], ["a", "A", "2001"]], "links": [["source", "target"]]},
    )
    result = runner.invoke(cli, ["map", str(all_dated), "-o", str(out), "--as-of", "2020"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert 'id="map-undated"' not in out.read_text(encoding="utf-8")


def test_undated_hide_without_a_date_is_a_usage_error(runner: CliRunner, dated: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.html"
    result = runner.invoke(cli, ["map", str(dated), "-o", str(out), "--undated", "hide"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: --undated hide leaves out what has no dates from a map as of a date: add --as-of DATE"
    )
    assert not out.exists()
    two = runner.invoke(cli, ["diff", str(dated), str(dated), "--undated", "hide", "--format", "md"])
    assert two.exit_code == 2
    assert two.output.splitlines()[-1] == (
        "Error: --undated hide leaves out what has no dates between two dates: give --from and --to"
    )
    wrong = runner.invoke(cli, ["map", str(dated), "-o", str(out), "--as-of", "2020", "--undated", "drop"])
    assert wrong.exit_code == 2 and "Invalid value for '--undated'" in wrong.output


# --- the diff between two dates ------------------------------------------------------------------

DIFF_SHOWN = (
    "2 organisations and 2 links have no dates (no since or until): they are on the map at both dates, "
    "so they cannot show as added or removed."
)


def test_diff_between_two_dates_says_what_has_no_dates(runner: CliRunner, dated: Path, tmp_path: Path) -> None:
    # 2005: a, c, d and links L2, L4; 2020: a, b, c, e. Only a, c and L2 have no dates on both maps:
    # L4 went with d, and L1 and L7 came with b and e, so they do show as removed and added.
    md = runner.invoke(cli, ["diff", str(dated), "--from", "2005", "--to", "2020", "--format", "md"])
    assert md.exit_code == 0, md.output
    assert md.stdout.endswith(
        "\n\n2 organisations added, 1 removed, 0 changed; 5 links added, 1 removed, 0 changed.\n\n"
        "2 organisations and 1 link have no dates (no since or until): they are on the map at both dates, "
        "so they cannot show as added or removed.\n"
    )
    assert md.stderr == (
        "Note: 2 organisations and 1 link have no dates (no since or until): they are on the map at both dates, "
        "so they cannot show as added or removed; --undated hide leaves them out.\n"
    )
    csv = runner.invoke(cli, ["diff", str(dated), "--from", "2005", "--to", "2020", "--format", "csv"])
    assert csv.stdout.splitlines()[0] == "change,what,item,id,source,target,kind,details"
    assert len(csv.stdout.splitlines()) == 1 + 2 + 1 + 5 + 1  # the CSV stays a table; the note is on stderr
    assert csv.stderr == md.stderr
    hidden = runner.invoke(
        cli, ["diff", str(dated), "--from", "2005", "--to", "2020", "--format", "md", "--undated", "hide"]
    )
    assert hidden.exit_code == 0, hidden.output
    assert hidden.stdout.endswith(
        "\n\n2 organisations added, 1 removed, 0 changed; 1 link added, 0 removed, 0 changed.\n\n"
        "2 organisations and 4 links have no dates (no since or until) and are left out. "
        "Also left out, with an organisation that has no dates: 2 links.\n"
    )
    assert "| added | link | Beta → Epsilon (no kind) |  |" in hidden.stdout
    assert "Alpha" not in hidden.stdout and "Gamma" not in hidden.stdout


def test_the_diff_page_says_it_in_english_and_dutch(dated: Path) -> None:
    m = load_map(dated)
    result = diff_maps(as_of(m, "2019"), as_of(m, "2020"))
    assert undated_summary(result) == (
        "2 organisations and 3 links have no dates (no since or until): they are on the map at both dates, "
        "so they cannot show as added or removed."
    )
    english = diff_html(result, old_label="then", new_label="now")
    assert f'<p class="meta" id="diff-undated">{undated_summary(result)}</p>' in english
    dutch = diff_html(result, old_label="toen", new_label="nu", lang="nl")
    assert (
        '<p class="meta" id="diff-undated">2 organisaties en 3 verbindingen hebben geen datum (geen sinds of tot): '
        "ze staan op beide data op de kaart en kunnen dus niet als toegevoegd of verwijderd verschijnen.</p>"
    ) in dutch
    assert 'id="map-undated"' not in english  # the diff says it its own way, not as a map as of one date
    two_files = diff_maps(m, m)
    assert (two_files.undated, undated_summary(two_files)) == (None, "")
    assert "have no dates" not in as_markdown(two_files)


def test_diff_page_in_chromium(open_page: Any, dated: Path, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "diff.html"
    args = ["diff", str(dated), "--from", "2005", "--to", "2020", "-o", str(out), "--lang", "nl"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    opened = open_page(out)
    note = opened.page.locator("#diff-undated")
    assert note.is_visible()
    assert note.inner_text() == (
        "2 organisaties en 1 verbinding hebben geen datum (geen sinds of tot): ze staan op beide data op de kaart "
        "en kunnen dus niet als toegevoegd of verwijderd verschijnen."
    )
    assert opened.errors == [] and opened.requests == []


# --- the pages -----------------------------------------------------------------------------------

MAP_NOTE_EN = f"{SHOWN_2020}."
MAP_NOTE_NL = "2 organisaties en 3 verbindingen hebben geen datum (geen sinds of tot) en worden op elke datum getoond."
LEFT_OUT_NL = (
    "2 organisaties en 3 verbindingen hebben geen datum (geen sinds of tot) en zijn weggelaten. "
    "Ook weggelaten, met een organisatie zonder datum: 2 verbindingen."
)


@pytest.mark.parametrize(
    ("lang", "undated", "expected"),
    [
        ("en", "show", MAP_NOTE_EN),
        ("nl", "show", MAP_NOTE_NL),
        ("en", "hide", LEFT_OUT_2020),
        ("nl", "hide", LEFT_OUT_NL),
    ],
)
def test_the_map_page_shows_the_note(
    open_page: Any, dated: Path, tmp_path: Path, lang: str, undated: str, expected: str
) -> None:
    path = write_html(load_map(dated, as_of="2020", undated=undated), tmp_path / f"map-{lang}.html", lang=lang)
    assert f'<p class="meta" id="map-undated">{expected}</p>' in path.read_text(encoding="utf-8")
    opened = open_page(path)
    note = opened.page.locator("#map-undated")
    assert note.is_visible()
    assert note.inner_text() == expected
    assert opened.page.inner_text("#map-date").endswith(" 2020")
    assert opened.errors == []


def test_the_report_and_the_deck_show_the_note(open_page: Any, dated: Path, tmp_path: Path) -> None:
    then = load_map(dated, as_of="2020")
    report = write_report(analyse(then), tmp_path / "report.html", lang="nl")
    deck = write_presentation(then, tmp_path / "deck.html")
    assert f'<p class="meta" id="map-undated">{MAP_NOTE_NL}</p>' in report.read_text(encoding="utf-8")
    assert f'<p class="deck-source" id="map-undated">{MAP_NOTE_EN}</p>' in deck.read_text(encoding="utf-8")
    for path, expected in ((report, MAP_NOTE_NL), (deck, MAP_NOTE_EN)):
        opened = open_page(path)
        note = opened.page.locator("#map-undated")
        assert note.is_visible(), path.name
        assert note.inner_text() == expected
        assert opened.errors == []
    undated_free = write_presentation(load_map(dated), tmp_path / "whole.html")
    assert 'id="map-undated"' not in undated_free.read_text(encoding="utf-8")


def test_a_hostile_map_as_of_a_date_stays_safe(open_page: Any, tmp_path: Path) -> None:
    folder = write_payload_map(tmp_path / "payloads")  # no since or until anywhere: nothing has dates
    then = load_map(folder, as_of="2020")
    assert (len(then.undated.organisations), len(then.undated.links)) == (5, 5)
    opened = open_page(write_html(then, tmp_path / "payloads.html"))
    page = opened.page
    assert page.inner_text("#map-undated") == (
        "5 organisations and 5 links have no dates (no since or until) and are shown at every date."
    )
    assert page.inner_text("#map-title") == f"Title {PAYLOADS[1]}"
    assert page.locator("header img, header svg, header script").count() == 0
    page.wait_for_timeout(200)
    assert opened.dialogs == [] and opened.errors == [] and opened.requests == []
    hidden = load_map(folder, as_of="2020", undated="hide")
    assert (len(hidden.organisations), len(hidden.links)) == (0, 0)
    empty = open_page(write_html(hidden, tmp_path / "empty.html"))
    assert empty.page.inner_text("#map-undated") == (
        "5 organisations and 5 links have no dates (no since or until) and are left out."
    )
    assert empty.page.inner_text("#map-title") == f"Title {PAYLOADS[1]}"
    empty.page.wait_for_timeout(200)
    assert empty.dialogs == [] and empty.errors == [] and empty.requests == []
