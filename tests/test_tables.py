"""The one table model of the analysis (analysis.tables) on a map worked out by hand, and every output rendering it.

The map: Hotline → Police (information sharing, one way), Police – Prosecutor and Prosecutor – Carer
(referrals, both ways), a lapsed Hotline – Carer agreement, a planned Police → Carer grant, and a
ministry with no links; three steps, Detection → Investigation → Support.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_folder

from stakeholders import InvalidArgument, analyse, load_map, report_html, write_report
from stakeholders.analysis import TABLES, Analysis, Cell, Column, Table, analysis_tables, as_csv, as_json, as_text
from stakeholders.analysis.checks import data_quality
from stakeholders.analysis.output import text_table
from stakeholders.cli import cli

STAGES = [
    ["id", "name", "name_nl", "hands_over_to"],
    ["a", "Detection", "Signalering", "b"],
    ["b", "Investigation", "Opsporing", "c"],
    ["c", "Support", "Hulp", ""],
]
ORGS = [
    ["id", "name", "name_nl", "short_name", "sector", "stages", "description", "level"],
    ["pol", "Police", "Politie", "", "police", "a|b", "d", "operational"],
    ["hot", "Hotline", "Meldpunt", "", "hotline", "a", "d", "operational"],
    ["pro", "Prosecutor", "Aanklager", "", "justice", "b", "d", "operational"],
    ["car", "Carer", "Zorgverlener", "", "victim-support", "c", "", "operational"],
    ["min", "Ministry of Justice", "", "MinJ", "government", "", "d", "policy"],
]
LINKS = [
    ["id", "source", "target", "kind", "direction", "status", "last_checked", "until", "source_ref"],
    ["L1", "hot", "pol", "information-sharing", "directed", "active", "2026-06-01", "", "S1"],
    ["L2", "pol", "pro", "referral", "mutual", "active", "2026-06-01", "2025", "S2"],
    ["L3", "pro", "car", "referral", "mutual", "active", "2020-01-01", "", "S3"],
    ["L4", "hot", "car", "agreement", "mutual", "lapsed", "", "", "S4"],
    ["L5", "pol", "car", "funding", "directed", "planned", "2026-06-01", "", ""],
]
TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_folder(tmp_path_factory.mktemp("tables"), {"organisations": ORGS, "links": LINKS, "stages": STAGES})


@pytest.fixture(scope="module")
def result(source: Path) -> Analysis:
    return analyse(load_map(source), today=TODAY, without=["pro"])


def _by_id(tables: list[Table]) -> dict[str, Table]:
    return {table.id: table for table in tables}


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.people_rows]


def _labels(table: Table) -> list[str]:
    return [column.label for column in table.people_columns]


# --- the model: what people read, in English and Dutch ---------------------------------------------------


def test_the_tables_in_english(result: Analysis) -> None:
    tables = analysis_tables(result)
    assert [table.id for table in tables] == list(TABLES)
    t = _by_id(tables)
    assert [table.title for table in tables if table.title][:4] == [
        "Headline figures",
        "Brokers",
        "Single points of failure",
        "Bridge links",
    ]
    assert _texts(t["figures"])[:2] == [["5", "organisations"], ["3", "current links"]]
    assert t["figures"].people_rows[1][1].note == "of 5 links"
    assert _labels(t["single-points"]) == ["Organisation", "Count", "Cuts off"]
    assert _texts(t["single-points"]) == [["Police", "1", "Hotline"], ["Prosecutor", "1", "Carer"]]
    assert _texts(t["bridges"])[1] == ["L1", "Hotline – Police", "Hotline"]
    assert _texts(t["unconnected"]) == [["MinJ"]]  # its short name: names as written
    assert _labels(t["coverage"]) == ["Step", "police", "justice", "victim support", "hotline", "government", "Total"]
    assert _texts(t["coverage"])[2] == ["Support", "0", "0", "1", "0", "0", "1"]
    assert [cell.mark for cell in t["coverage"].people_rows[2]] == [
        "",
        "none",
        "none",
        "one",
        "none",
        "none",
        "fragile",
    ]
    assert t["coverage"].people_rows[2][-1].note == "one"
    assert _texts(t["stage-members"]) == [["Detection", "Police, Hotline"], ["Investigation", "Police, Prosecutor"],
                                          ["Support", "Carer"]]  # fmt: skip
    assert _texts(t["handovers"]) == [
        ["Detection", "Investigation", "covered", "2", "0", "Police"],
        ["Investigation", "Support", "fragile", "1", "1", ""],
    ]
    assert _texts(t["missing"]) == [
        ["Hotline – Prosecutor", "could carry the hand-over Detection → Investigation; 1 partner in common"]
    ]
    assert t["missing"].note.endswith("strongest lead first. The 1 strongest of 1 such pairs.")
    assert _texts(t["one-way"]) == [["L1", "Hotline", "Police", "information sharing"]]
    assert _texts(t["stale"]) == [
        ["L3", "Prosecutor – Carer", "last checked 1 January 2020"],
        ["L2", "Police – Prosecutor", "end date 2025 has passed"],
    ]
    assert _texts(t["communities"]) == [["Police", "2", "Hotline, Police"], ["Prosecutor", "2", "Carer, Prosecutor"]]
    assert t["what-if"].title == "What if Prosecutor dropped out"
    assert _texts(t["what-if"])[0] == ["Cut off", "Carer"]
    assert _texts(t["what-if-figures"])[-1] == ["Share of all possible pairs that cooperate", "30%", "17%"]
    assert _texts(t["quality"])[0] == ["links without a source reference", "1"]
    assert not t["mixing"].for_people and t["mixing"].program_rows[1] == ("hotline", 0, 0, 0, 1, 0)


def test_the_tables_in_dutch_name_things_in_dutch(result: Analysis) -> None:
    t = _by_id(analysis_tables(result, "nl"))
    assert [t[key].title for key in ("figures", "organisations", "coverage", "handovers", "missing", "stale")] == [
        "Kerncijfers",
        "Verbinders",
        "Dekking van de aanpak",
        "Overdrachten tussen stappen",
        "Voorgestelde samenwerking",
        "Opnieuw na te gaan",
    ]
    assert _labels(t["organisations"])[:3] == ["Organisatie", "Sector", "Verbindingen"]
    assert [row[:2] for row in _texts(t["organisations"])][:2] == [["Politie", "politie"], ["Aanklager", "justitie"]]
    assert _texts(t["handovers"])[1][:3] == ["Opsporing", "Hulp", "kwetsbaar"]
    assert _texts(t["missing"])[0] == [
        "Meldpunt – Aanklager",
        "kunnen de overdracht Signalering → Opsporing dragen; 1 gezamenlijke partner",
    ]
    assert _texts(t["one-way"])[0][3] == "informatie-uitwisseling"
    assert _texts(t["unconnected"]) == [["MinJ"]]
    assert t["what-if"].title == "Wat als Aanklager wegvalt" and _texts(t["what-if"])[0] == [
        "Afgesneden",
        "Zorgverlener",
    ]
    assert t["coverage"].people_rows[2][-1].note == "één"


def test_programs_get_ids_and_every_row_in_every_language(result: Analysis) -> None:
    for lang in (None, "en", "nl"):
        t = _by_id(analysis_tables(result, lang))
        assert [c.id for c in t["handovers"].program_columns] == ["from", "to", "status", "links", "planned", "within"]
        assert t["handovers"].program_rows[0] == ("a", "b", "covered", ["L1", "L2"], [], ["pol"])
        assert t["coverage"].program_rows[0] == ("a", 1, 1, 0, 0, 0)  # stage × organisations, as it always was
        assert t["bridges"].program_rows[1] == ("L1", "hot", "pol", ["hot"])
    assert as_csv(result, "missing").splitlines() == [
        "a,b,score,reasons",
        "hot,pro,2.5,could carry the hand-over Detection → Investigation; 1 partner in common",
    ]
    assert as_csv(result, "missing", "nl").splitlines()[1] == (
        "hot,pro,2.5,kunnen de overdracht Signalering → Opsporing dragen; 1 gezamenlijke partner"
    )
    assert (
        as_csv(result, "coverage", "nl")
        == as_csv(result, "coverage")
        == ("stage,pol,hot,pro,car,min\na,1,1,0,0,0\nb,1,0,1,0,0\nc,0,0,0,1,0\n")
    )


def test_a_limit_cuts_what_people_see_and_the_text_says_so(source: Path) -> None:
    result = analyse(load_map(source), today=TODAY, top=2)
    brokers = _by_id(analysis_tables(result))["organisations"]
    assert len(brokers.people_rows) == 2 and len(brokers.program_rows) == 5 and brokers.cut == 5
    assert len(as_csv(result, "organisations").splitlines()) == 6
    lines = as_text(result).splitlines()
    assert lines[lines.index("Brokers (top 2 of 5; --top shows more)") + 1] == "=" * 38
    assert "Verbinders (top 2 van 5; --top toont meer)" in as_text(result, "nl").splitlines()
    assert len(report_html(result).split('data-table="organisations"')[1].split("</table>")[0].split("<tr>")) == 4


def test_the_analysis_itself_says_nothing_in_words(result: Analysis) -> None:
    assert not hasattr(result, "notes")
    assert data_quality(result.map)[0] == {"id": "no-source", "count": 1, "items": ["L5"]}
    assert all("reasons" not in row for row in result.missing)


# --- the renderers: every table, none by name --------------------------------------------------------------


def _extra(result: Analysis, say: Any) -> Table:
    columns = (Column("org", shown_to="programs"), Column("name", "Who"), Column("n", "How many", numeric=True))
    rows = [
        (Cell("pol", ""), Cell("Police", say.org("pol")), Cell(7, "7")),
        (Cell("hot", ""), Cell("x", "Hot"), Cell(12, "12")),
    ]
    return Table("extra-table", "An extra table", columns, rows, note="Made up for the test.", empty=say.w["none"])


def _programs_only(result: Analysis, say: Any) -> Table:
    return Table("programs-only", "Not for people", [Column("x", "X", shown_to="programs")], [[Cell(1, "one")]])


def _empty(result: Analysis, say: Any) -> Table:
    return Table("nothing", "Nothing to see", [Column("x", "X")], [])


def test_a_table_added_to_the_list_is_in_every_output(result: Analysis, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(TABLES, "extra-table", _extra)
    monkeypatch.setitem(TABLES, "programs-only", _programs_only)
    monkeypatch.setitem(TABLES, "nothing", _empty)
    text = as_text(result, "nl")
    assert "\nAn extra table\n==============\nMade up for the test.\n\n" in text
    assert "\nWho      How many\nPolitie         7\nHot            12\n" in text  # Police in Dutch: a name_nl
    assert "Not for people" not in text and "Nothing to see" not in text
    assert as_csv(result, "extra-table") == "org,name,n\npol,Police,7\nhot,x,12\n"
    assert as_csv(result, "programs-only") == "x\n1\n" and as_csv(result, "nothing") == "x\n"
    tables = json.loads(as_json(result))["tables"]
    extra = next(table for table in tables if table["id"] == "extra-table")
    assert extra["rows"] == [["Police", "7"], ["Hot", "12"]] and extra["title"] == "An extra table"
    assert extra["columns"] == [{"id": "name", "label": "Who"}, {"id": "n", "label": "How many"}]
    assert [table["id"] for table in tables][-2:] == ["quality", "extra-table"]  # as people see them
    page = report_html(result)
    section = page[page.index('<section id="extra-table">') : page.index("</section>", page.index("extra-table"))]
    assert "<h2>An extra table</h2>" in section and "<p>Made up for the test.</p>" in section
    assert '<th scope="col" class="num">How many</th>' in section and '<td class="num">12</td>' in section
    assert "Not for people" not in page and "Nothing to see" not in page


def test_a_wide_table_scrolls_in_a_region_the_keyboard_reaches(result: Analysis) -> None:
    page = report_html(result)
    assert '<h2 id="coverage-heading">Coverage of the approach</h2>' in page
    box = '<div class="scroll" tabindex="0" role="region" aria-labelledby="coverage-heading">'
    box += '<table data-table="coverage">'
    assert box in page and page.count('tabindex="0" role="region" aria-labelledby="coverage-heading"') == 1
    assert '<div class="scroll"><table data-table="handovers">' in page  # not wide: no extra tab stop


def test_every_table_people_see_is_in_the_text_and_the_report(result: Analysis) -> None:
    for lang in ("en", "nl"):
        text, page = as_text(result, lang), report_html(result, lang=lang)
        for table in analysis_tables(result, lang):
            header = ",".join(column.id for column in table.program_columns)
            assert as_csv(result, table.id, lang).splitlines()[0] == header
            if not table.for_people:
                continue
            assert f'data-table="{table.id}"' in page
            if table.title:
                assert f"\n{table.title}\n" in text and f">{table.title}</h" in page
            for row in table.people_rows:
                assert row[-1].text in text


def test_an_unknown_csv_table_is_a_clear_error(result: Analysis) -> None:
    with pytest.raises(InvalidArgument, match="unknown table 'brokers': use one of figures, organisations, "):
        as_csv(result, "brokers")


@pytest.mark.browser
def test_the_report_shows_its_marks_and_bars_in_chromium(open_page: Any, result: Analysis, tmp_path: Path) -> None:
    opened = open_page(write_report(result, tmp_path / "report.html", lang="nl"))
    page = opened.page
    look = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).fontWeight, getComputedStyle(e).color]"
    support = page.locator("[data-table=coverage] tbody tr").nth(2)
    assert support.locator("th").inner_text() == "Hulp"
    assert support.locator("td").last.inner_text() == "1 (één)"
    assert support.locator("td").last.evaluate(look)[:2] == ["rgb(252, 232, 178)", "700"]  # one owner: amber, bold
    assert support.locator("td").first.evaluate(look)[2] == "rgb(118, 118, 118)"  # no police here: grey
    assert support.locator("td").nth(2).evaluate(look)[:2] == ["rgb(252, 232, 178)", "400"]  # one carer: amber
    handovers = page.locator("[data-table=handovers] td")
    assert handovers.filter(has_text="kwetsbaar").evaluate(look)[:2] == ["rgb(252, 232, 178)", "700"]
    assert handovers.filter(has_text="gedekt").evaluate(look)[:2] == ["rgb(207, 232, 213)", "400"]
    shares = page.locator("[data-table=organisations] .bar").evaluate_all(
        "bars => bars.map(b => b.firstElementChild.getBoundingClientRect().width / b.getBoundingClientRect().width)"
    )
    assert shares == [1, 1, 0, 0, 0]  # betweenness 0.333, 0.333, then none
    assert page.locator("#what-if dt").all_inner_texts()[0] == "Afgesneden"
    assert opened.requests == [] and opened.dialogs == [] and opened.errors == []


# --- the exact words, in both languages ---------------------------------------------------------------------


def test_the_text_word_for_word(result: Analysis) -> None:
    lines = as_text(result).splitlines()
    assert lines[:3] == [
        "Cooperation map — data as of 1 June 2026",
        "Note: Structure counts 3 of 5 links: those with status active.",
        "",
    ]
    assert lines[lines.index("Headline figures") + 2 : lines.index("Headline figures") + 4] == [
        "    5  organisations",
        "    3  current links (of 5 links)",
    ]
    start = lines.index("Step           police  justice  victim support  hotline  government    Total")
    assert lines[start + 3] == "Support             0        0               1        0           0  1 (one)"
    assert "Cut off: Carer" in lines and "Step connections lost: Investigation – Support" in lines
    dutch = as_text(result, "nl").splitlines()
    assert dutch[:2] == [
        "Cooperation map — gegevens van 1 juni 2026",
        "Opmerking: De structuur telt 3 van 5 verbindingen: die met status actief.",
    ]
    assert "Van          Naar       Status     Verbindingen  Gepland  Actief op beide" in dutch
    assert "Signalering  Opsporing  gedekt                2        0  Politie" in dutch
    assert "Afgesneden: Zorgverlener" in dutch


def test_text_forms() -> None:
    rows = [[Cell("a", "Label"), Cell(1, "1", note="of 2")], [Cell("b", "Longer label"), Cell(10, "10")]]
    columns = [Column("x", "X"), Column("y", "Y", numeric=True)]
    assert text_table(Table("t", "", columns, rows, form="facts")) == ["Label: 1 (of 2)", "Longer label: 10"]
    assert text_table(Table("t", "", columns, rows, form="list")) == ["Label", "Longer label"]
    assert text_table(Table("t", "", columns, rows)) == [
        "X                    Y",
        "Label         1 (of 2)",
        "Longer label        10",
    ]
    assert text_table(Table("t", "", columns, [], empty="None.")) == ["None."]


# --- the command ---------------------------------------------------------------------------------------------


def test_analyse_in_dutch(source: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["analyse", str(source), "--lang", "nl", "--today", "2026-11-28"])
    assert text.exit_code == 0, text.output
    assert text.stdout.splitlines()[3:5] == ["Kerncijfers", "==========="]
    assert "Politie       politie" in text.stdout  # names from name_nl
    csv_text = runner.invoke(cli, ["analyse", str(source), "--format", "csv", "--table", "stale", "--lang", "nl"])
    assert csv_text.stdout.splitlines()[0] == "link,source,target,last_checked,until"  # ids, whatever the language
    data = json.loads(runner.invoke(cli, ["analyse", str(source), "--format", "json", "--lang", "nl"]).stdout)
    assert data["notes"] == ["De structuur telt 3 van 5 verbindingen: die met status actief."]
    assert data["quality"][0]["issue"] == "verbindingen zonder bronvermelding"
    assert [table["title"] for table in data["tables"]][:2] == ["Kerncijfers", "Verbinders"]
    english = json.loads(runner.invoke(cli, ["analyse", str(source), "--format", "json"]).stdout)
    assert english["quality"][0]["issue"] == "links without a source reference" and set(english) == set(data)
    for table in TABLES:
        assert runner.invoke(cli, ["analyse", str(source), "--format", "csv", "--table", table]).exit_code == 0
    assert runner.invoke(cli, ["analyse", str(source), "--lang", "de"]).exit_code == 2
