"""The meeting report: its words, its promises (offline, safe, still), and the commands."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PAYLOADS, write_folder

from stakeholders import analyse, example_path, load_map, report_html, write_report
from stakeholders.cli import cli

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def example_result() -> Any:
    return analyse(load_map(example_path()), today=TODAY, without=["politie"])


def test_report_has_every_section(example_result: Any) -> None:
    page = report_html(example_result)
    for heading in (
        "How to read this report",
        "Headline figures",
        "The map",
        "Brokers",
        "Single points of failure",
        "Coverage of the approach",
        "Hand-overs between steps",
        "Suggested cooperation",
        "Links to check again",
        "Groups that cooperate closely",
        "What if Politie dropped out",
        "Notes on the data",
    ):
        assert f">{heading}<" in page, heading
    assert "@page { size: A4" in page and "@media print" in page


def test_report_in_dutch(example_result: Any) -> None:
    page = report_html(example_result, lang="nl")
    assert '<html lang="nl">' in page
    for heading in (
        "Zo leest u dit rapport",
        "Kerncijfers",
        "Verbinders",
        "Dekking van de aanpak",
        "Overdrachten tussen stappen",
    ):
        assert f">{heading}<" in page, heading
    assert "Afhandeling van meldingen en opsporing" in page  # the stage names from the name_nl column
    assert ">kwetsbaar<" in page  # prosecution → treatment is fragile


def _section(page: str, section_id: str) -> str:
    """The text of one section of a report page, tags taken out."""
    start = page.index(f'<section id="{section_id}"')
    body = page[start : page.index("</section>", start)]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_report_in_dutch_says_statuses_and_what_if_figures_in_dutch(example_result: Any) -> None:
    page = report_html(example_result, lang="nl")
    how = _section(page, "how")
    assert "De structuur telt 97 van 149 verbindingen: die met status actief." in how
    assert "active" not in how
    what_if = _section(page, "what-if")
    for row in (
        "Organisaties 67 66",
        "Huidige verbindingen 97 79",
        "Losse groepen",
        "Organisaties in de grootste groep",
        "Gemiddeld aantal stappen tussen twee organisaties",
        "Deel van alle mogelijke paren dat samenwerkt",
    ):
        assert row in what_if, row
    for english in ("organisations", "current links", "components", "largest component", "average path", "density"):
        assert english not in what_if.lower(), english
    both = analyse(load_map(example_path()), today=TODAY, statuses=("active", "planned"))
    assert "die met status actief / gepland." in _section(report_html(both, lang="nl"), "how")
    assert "those with status active / planned." in _section(report_html(both), "how")


def test_what_if_figures_have_words_in_english(example_result: Any) -> None:
    what_if = _section(report_html(example_result), "what-if")
    assert "Organisations 67 66" in what_if and "Current links 97 79" in what_if
    assert "Organisations in the largest group" in what_if and "_" not in what_if
    assert "largest component" not in what_if and "average path length" not in what_if


def test_communities_list_their_members(example_result: Any) -> None:
    assert " Group Size Members " in _section(report_html(example_result), "communities")
    assert " Groep Omvang Leden " in _section(report_html(example_result, lang="nl"), "communities")
    assert "Who acts on it" not in _section(report_html(example_result), "communities")
    assert "Wie er actief is" in _section(report_html(example_result, lang="nl"), "coverage")  # that is stages'


ENGLISH_NAMES = {"Police": "Politie", "Hotline": "Meldpunt", "Prosecutor": "Aanklager", "Carer": "Zorgverlener"}


@pytest.fixture(scope="module")
def bilingual_result(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Organisations named in English with a name_nl column and no short names, and a what-if."""
    source = write_folder(
        tmp_path_factory.mktemp("bilingual"),
        {
            "organisations": [
                ["id", "name", "name_nl", "sector", "stages"],
                ["a", "Police", "Politie", "police", "investigation"],
                ["b", "Hotline", "Meldpunt", "hotline", "detection|investigation"],
                ["c", "Prosecutor", "Aanklager", "justice", "investigation|prosecution"],
                ["d", "Carer", "Zorgverlener", "victim-support", "prosecution"],
                ["e", "Ministry", "", "government", "policy"],
            ],
            "links": [
                ["source", "target", "kind", "direction", "status"],
                ["a", "b", "information-sharing", "directed", "active"],
                ["b", "c", "referral", "mutual", "active"],
                ["c", "d", "referral", "mutual", "active"],
                ["a", "c", "agreement", "mutual", "active"],
            ],
        },
    )
    return analyse(load_map(source), today=TODAY, without=["Hotline"])


def test_tables_name_organisations_in_the_report_language(bilingual_result: Any) -> None:
    page = report_html(bilingual_result, lang="nl")
    sections = {
        "brokers": ("Politie", "Meldpunt", "Aanklager", "Zorgverlener", "Ministry"),  # no name_nl: as written
        "risks": ("Aanklager", "Zorgverlener"),  # single points of failure and bridges
        "coverage": ("Politie, Meldpunt, Aanklager",),
        "missing": ("Politie – Zorgverlener", "Politie Meldpunt informatie-uitwisseling"),  # and one-way links
        "communities": ("Politie, Meldpunt", "Aanklager, Zorgverlener"),
        "what-if": ("Wat als Meldpunt wegvalt",),
    }
    for section_id, names in sections.items():
        text = _section(page, section_id)
        for dutch in names:
            assert dutch in text, (section_id, dutch)
        for english in ENGLISH_NAMES:
            assert english not in text, (section_id, english)
    english = report_html(bilingual_result, lang="en")
    as_written = report_html(bilingual_result)
    for page in (english, as_written):
        assert "Police – Carer" in _section(page, "missing") and "Politie" not in _section(page, "brokers")


def test_report_is_deterministic(example_result: Any, tmp_path: Path) -> None:
    first = write_report(example_result, tmp_path / "a.html").read_bytes()
    again = analyse(load_map(example_path()), today=TODAY, without=["politie"])
    assert write_report(again, tmp_path / "b.html").read_bytes() == first


def test_report_keeps_payloads_as_text(payload_map: Path) -> None:
    page = report_html(analyse(load_map(payload_map), today=TODAY))
    for payload in PAYLOADS:
        assert payload not in page


@pytest.mark.browser
def test_report_in_chromium_offline_with_its_figures(open_page: Any, example_result: Any, tmp_path: Path) -> None:
    opened = open_page(write_report(example_result, tmp_path / "report.html"))
    page = opened.page
    figures = page.inner_text("#figures")
    assert "67\norganisations" in figures and "97\ncurrent links (of 149 links)" in figures
    assert page.evaluate("Object.keys(window.network.getPositions()).length") == 67
    assert page.evaluate("window.network.physics.options.enabled") is False
    assert "fragile" in page.inner_text("#handovers")
    page.wait_for_timeout(300)
    assert opened.requests == [] and opened.dialogs == [] and opened.errors == []


VIEW = "[window.network.getScale(), window.network.getViewPosition().x, window.network.getViewPosition().y]"
A4_WIDTH_PX = (210 - 2 * 14) / 25.4 * 96  # the printable width of an A4 page between the report's margins

OUTSIDE_THE_PRINTED_BOX = """() => {
    const network = window.network;
    const canvas = document.getElementById("network").getBoundingClientRect();
    const frame = document.querySelector(".report-map .map-frame").getBoundingClientRect();
    const outside = [];
    for (const id of Object.keys(network.getPositions())) {
        const box = network.getBoundingBox(id);
        const a = network.canvasToDOM({x: box.left, y: box.top});
        const b = network.canvasToDOM({x: box.right, y: box.bottom});
        if (a.x + canvas.left < frame.left || a.y + canvas.top < frame.top
            || b.x + canvas.left > frame.right || b.y + canvas.top > frame.bottom) outside.push(id);
    }
    return {outside, width: frame.width, height: frame.height};
}"""


@pytest.mark.browser
def test_report_prints_the_whole_map_with_a_legend_on_a4(open_page: Any, example_result: Any, tmp_path: Path) -> None:
    opened = open_page(write_report(example_result, tmp_path / "print.html", lang="nl"))
    page = opened.page
    assert not page.is_visible("#print-legend")
    screen = page.evaluate(VIEW)
    # A browser that prints fires beforeprint on the screen layout, then lays the page out for print.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    page.wait_for_timeout(200)
    printed = page.evaluate(OUTSIDE_THE_PRINTED_BOX)
    assert printed["outside"] == []
    assert 0 < printed["width"] <= A4_WIDTH_PX and printed["height"] > 400
    assert page.is_visible("#print-legend") and not page.is_visible(".report-map .sidebar")
    legend = page.inner_text("#print-legend")
    for entry in ("Sector (kleur)", "politie", "justitie", "Niveau (vorm)", "operationeel", "Lijnstijl", "actief"):
        assert entry in legend, entry
    assert page.locator("#print-legend .entry").first.is_visible()
    # Afterwards the map is as it was on screen.
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.wait_for_timeout(200)
    assert page.evaluate(VIEW) == pytest.approx(screen)
    assert not page.is_visible("#print-legend")
    pdf = page.pdf(format="A4")  # fires beforeprint and afterprint itself
    assert pdf.startswith(b"%PDF")
    # about 18 pages since the barrier model's three tables (phases, barriers, who raises what)
    assert 5 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 22
    assert page.evaluate("document.documentElement.classList.contains('printing')") is False
    assert opened.requests == [] and opened.dialogs == [] and opened.errors == []


@pytest.mark.browser
def test_report_of_a_payload_map_runs_nothing(open_page: Any, payload_map: Path, tmp_path: Path) -> None:
    opened = open_page(write_report(analyse(load_map(payload_map), today=TODAY), tmp_path / "payload-report.html"))
    page = opened.page
    assert PAYLOADS[1] in page.inner_text("#map-title")
    assert f"Org 0 {PAYLOADS[0]}" in page.inner_text("#brokers") or f"P0{PAYLOADS[0]}" in page.inner_text("#brokers")
    page.wait_for_timeout(300)
    assert opened.dialogs == [] and opened.requests == [] and opened.errors == []


# --- commands ------------------------------------------------------------------------------


def test_analyse_text(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyse", str(example_path()), "--top", "3", "--today", "2026-11-28"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "Cooperation against online child sexual abuse material and offender networks"
        " (focus on darkweb fora; NL and international) — data as of 7 December 2026"
    )
    assert lines[1] == "Note: Structure counts 97 of 149 links: those with status active."
    assert "   67  organisations" in lines  # the headline figures: a value, then its words
    rows = [" ".join(line.split()) for line in lines]  # the hand-over table pads its columns
    assert "Prosecution, sentencing or out-of-court settlement Offender treatment and supervision fragile 1 0" in rows


def test_analyse_json_and_csv(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(cli, ["analyse", str(example_path()), "--format", "json"]).output)
    assert data["summary"]["organisations"] == 67
    assert data["metrics"][0]["id"] == "politie"
    csv_text = runner.invoke(cli, ["analyse", str(example_path()), "--format", "csv", "--table", "handovers"]).output
    assert csv_text.splitlines()[0] == "from,to,status,links,planned,within"
    assert "prosecution,treatment,fragile,L040,," in csv_text


def test_analyse_with_planned_links(runner: CliRunner, tmp_path: Path) -> None:
    from conftest import write_folder

    source = write_folder(
        tmp_path / "p",
        {
            "organisations": [["id", "name"], ["a", "A"], ["b", "B"]],
            "links": [["source", "target", "status"], ["a", "b", "planned"]],
        },
    )
    plain = runner.invoke(cli, ["analyse", str(source), "--format", "json"]).output
    planned = runner.invoke(cli, ["analyse", str(source), "--format", "json", "--include", "planned"]).output
    assert json.loads(plain)["summary"]["current_links"] == 0
    assert json.loads(planned)["summary"]["current_links"] == 1


def test_analyse_without(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyse", str(example_path()), "--without", "Offlimits"])
    assert result.exit_code == 0
    assert "What if Offlimits dropped out" in result.output
    assert "Cut off: DINL" in result.output.splitlines()


def test_without_an_unknown_organisation_is_one_clear_line(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyse", str(example_path()), "--without", "omm"])
    assert result.exit_code == 1
    assert result.output == "Error: unknown organisation 'omm' (did you mean 'om'?): use an id from the map\n"


def test_bad_reference_date_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyse", str(example_path()), "--today", "yesterday"])
    assert result.exit_code == 2
    assert (
        result.output.splitlines()[-1]
        == "Error: Invalid value for '--today': 'yesterday' is not a date: write it as YYYY-MM-DD"
    )


def test_report_command(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    result = runner.invoke(
        cli, ["report", str(example_path()), "-o", str(out), "--lang", "nl", "--today", "2026-11-28"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"{out.resolve()} geschreven (67 organisaties, 149 verbindingen).\n"  # --lang nl
    assert ">Kerncijfers<" in out.read_text(encoding="utf-8")
    bad = runner.invoke(cli, ["report", str(example_path()), "-o", str(tmp_path / "r.pdf")])
    assert bad.exit_code == 2
    then = runner.invoke(cli, ["report", str(example_path()), "-o", str(out), "--as-of", "1990"])
    assert then.exit_code == 0, then.output
    assert then.stdout.endswith(" links as of 1990).\n")  # as the map and export commands say it
