"""The meeting report: its words, its promises (offline, safe, still), and the commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PAYLOADS

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
    assert "Verwerken van meldingen en opsporing" in page  # the stage names from the name_nl column
    assert ">kwetsbaar<" in page  # prosecution → treatment is fragile


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
    assert "59\norganisations" in figures and "99\ncurrent links (of 124 links)" in figures
    assert page.evaluate("Object.keys(window.network.getPositions()).length") == 59
    assert page.evaluate("window.network.physics.options.enabled") is False
    assert "fragile" in page.inner_text("#handovers")
    page.wait_for_timeout(300)
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
        "Cooperation against child sexual abuse networks on the darkweb (NL and international) — data as of 2026-11-28"
    )
    assert lines[1] == "Note: Structure counts 99 of 124 links: those with status active."
    assert "organisations          59" in result.output
    assert "Prosecution or diversion Offender treatment and supervision fragile      1        0" in result.output


def test_analyse_json_and_csv(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(cli, ["analyse", str(example_path()), "--format", "json"]).output)
    assert data["summary"]["organisations"] == 59
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
    assert "cut off: DINL" in result.output


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
    assert result.output == f"Wrote {out.resolve()} (59 organisations, 124 links).\n"
    assert ">Kerncijfers<" in out.read_text(encoding="utf-8")
    bad = runner.invoke(cli, ["report", str(example_path()), "-o", str(tmp_path / "r.pdf")])
    assert bad.exit_code == 2
