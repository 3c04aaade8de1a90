"""Shared fixtures: tiny maps written in every format, a CLI runner, and Chromium."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<!-- \u2028 '; alert(1); //",
)

LEGEND_PAYLOAD = "<i onmouseover=alert(1)>kind"
"""A link kind a map adds: it shows up in the legend, as text."""

ORGANISATIONS = [
    ["id", "name", "short_name", "aliases", "sector", "level", "country", "stages", "description"],
    ["om", "Openbaar Ministerie", "OM", "Public Prosecution Service", "justice", "both", "NL", "prosecution", ""],
    ["politie", "Politie", "", "Nationale Politie|NP", "police", "both", "NL", "investigation|detection", ""],
    ["007", "Agent Zero Zero Seven", "", "", "ngo", "operational", "", "", ""],
    ["reclassering", "Reclassering Nederland", "RN", "", "probation", "operational", "NL", "sanction", ""],
]

LINKS = [
    ["source", "target", "kind", "direction", "status", "source_ref"],
    ["politie", "om", "information-sharing", "mutual", "active", "S1"],
    ["politie", "om", "referral", "directed", "planned", "S2"],
    ["om", "reclassering", "referral", "directed", "active", "S3"],
    ["007", "politie", "funding", "undirected", "lapsed", ""],
]


def pytest_configure(config: pytest.Config) -> None:
    """Keep the layout cache of a test run out of the user's cache folder; answer in English whatever the locale.

    Messages follow the locale when nothing else names a language (a Dutch ``LANG`` gives Dutch messages);
    the tests that check that set the locale themselves.
    """
    for name in ("LC_ALL", "LC_MESSAGES"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"
    folder = tempfile.mkdtemp(prefix="stakeholders-test-cache-")
    os.environ["STAKEHOLDERS_CACHE"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def write_csv(path: Path, rows: list[list[Any]], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    """Write rows as a CSV file the way a spreadsheet program would."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_folder(folder: Path, tables: dict[str, list[list[Any]]], **options: Any) -> Path:
    """A folder with one CSV file per table (``organisations.csv`` …)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write_csv(folder / f"{name}.csv", rows, **options)
    return folder


def write_workbook(path: Path, sheets: dict[str, list[list[Any]]], text: bool = False) -> Path:
    """An .xlsx workbook with one sheet per entry; with ``text``, text starting with ``=`` is text, not a formula."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows() if text else ():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    workbook.save(path)
    return path


def write_json(path: Path, tables: dict[str, list[list[Any]]], **settings: Any) -> Path:
    """A JSON source: settings at the top, each table as a list of records."""
    data: dict[str, Any] = dict(settings)
    for name, rows in tables.items():
        data[name] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    """The four-organisation map as a CSV folder."""
    return write_folder(tmp_path / "small", {"organisations": ORGANISATIONS, "links": LINKS})


@pytest.fixture
def payload_map(tmp_path: Path) -> Path:
    """A map whose every text field, custom field and setting carries script payloads."""
    return write_payload_map(tmp_path / "payloads")


def write_payload_map(folder: Path) -> Path:
    """Write the payload map (see the ``payload_map`` fixture) as a CSV folder."""
    organisations = [["id", "name", "short_name", "sector", "level", "description", "url", "contact person"]]
    for number, payload in enumerate(PAYLOADS):
        organisations.append(
            [
                f"p{number}",
                f"Org {number} {payload}",
                f"P{number}{payload}",
                "payload-sector",
                "both",
                payload,
                "javascript:alert(1)",
                payload,
            ]
        )
    organisations.append(["safe", "Safe organisation", "SAFE", "police", "operational", "", "https://example.org", ""])
    links = [["source", "target", "kind", "notes", "source_ref", "custom note"]]
    for number, payload in enumerate(PAYLOADS):
        links.append([f"p{number}", "safe", "payload-kind", payload, payload, payload])
    links.append(["p0", "p1", LEGEND_PAYLOAD, "", "", ""])
    settings = [
        ["key", "value"],
        ["title", f"Title {PAYLOADS[1]}"],
        ["source_note", PAYLOADS[0]],
        ["description", PAYLOADS[2]],
        ["sectors", "payload-sector"],
        ["kinds", f"payload-kind|{LEGEND_PAYLOAD}"],
    ]
    return write_folder(folder, {"organisations": organisations, "links": links, "map": settings})


# --- browser ---------------------------------------------------------------------------------


@dataclass
class Opened:
    """A page opened from file:// with every network request recorded and blocked."""

    page: Any
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(path)`` opens an HTML file offline and records requests, dialogs and errors."""
    contexts = []

    def opener(
        path: Path,
        width: int = 1400,
        height: int = 900,
        ready: str = "window.network !== undefined && window.stakeholdersMap !== undefined",
    ) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def on_route(route: Any) -> None:
            opened.requests.append(route.request.url)
            route.abort()

        context.route("http://**/*", on_route)
        context.route("https://**/*", on_route)
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else opened.requests.append(r.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation',"
            " e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.goto(path.resolve().as_uri())
        page.wait_for_function(ready)
        return opened

    yield opener
    for context in contexts:
        context.close()


# --- interchange -----------------------------------------------------------------------------


def write_awkward_map(path: Path) -> Path:
    """An .xlsx map full of values that formats like to mangle.

    Unicode (accents, CJK, right-to-left, emoji), pipes inside text, empty
    cells, Excel date cells and partial dates, numeric-looking ids ("007",
    "1e3", "0.50"), text that a spreadsheet would run as a formula, a leading
    apostrophe, a line break, an extra sector and kind, parallel links, a
    link without an id, custom columns with awkward names; default stages.
    """
    from datetime import datetime

    organisations = [
        ["id", "name", "short_name", "aliases", "sector", "level", "stages", "description", "since", "until"]
        + ["Contact (NL)", "Noot €"],
        ["007", "Agent Zéro Zéro Sept 🕵️", "=1+1", "Bond|James Bond", "ngo", "operational", "investigation"]
        + ["pipe | inside text\nand a second line", datetime(2019, 3, 1), None, "+31 20 123 4567", "@home"],
        ["om", "Openbaar Ministerie", "OM", None, "justice", "both", "prosecution|policy", None, "2013", "2030-06"]
        + [None, "-"],
        ["1e3", "北京 Beijing Office", None, None, "Faith groups", None, None, "'=already quoted", None, None]
        + ["-12", None],
        ["0.50", "'s-Hertogenbosch gemeente", "Den Bosch", None, "government", "policy", None, None, "2021-06", None]
        + [None, "''+x"],
        ["x-y", "Empty Everything", None, None, None, None, None, None, None, None, None, None],
        ["ar", "مكتب المدعي العام", None, "النيابة", "justice", None, None, "نص", None, None, None, "\t tab"],
    ]
    links = [
        ["id", "source", "target", "kind", "direction", "status", "strength", "since", "until", "source_ref"]
        + ["last_checked", "notes", "Bedrag €"],
        ["001", "007", "om", "information-sharing", "mutual", "active", 3, "2021", "2021", "S1 | S2", None]
        + ["a|b|c", "1.50"],
        [None, "om", "007", "referral", None, "planned", None, None, None, None, None, None, None],
        ["L9", "1e3", "0.50", "Knowledge transfer", "undirected", None, 5, "2020-02", None, "@ref"]
        + [datetime(2024, 1, 2), '=HYPERLINK("http://example.org")', None],
        ["L10", "0.50", "om", None, None, "lapsed", None, None, "2022", None, None, None, "-"],
        ["L11", "om", "007", "funding", None, None, 1, None, None, None, None, None, None],
        ["L12", "ar", "om", "agreement", None, None, None, None, None, "مصدر", None, "ملاحظة", None],
    ]
    settings = [
        ["key", "value"],
        ["title", "Kaart — test ✓ | pipes"],
        ["date", "2026-01"],
        ["source_note", "=cmd|' /C calc'!A0"],
        ["sectors", "Faith groups"],
        ["kinds", "Knowledge transfer"],
    ]
    return write_workbook(path, {"Organisations": organisations, "Links": links, "Map": settings}, text=True)


def map_summary(m: Any) -> dict[str, Any]:
    """Everything that makes a map the same map: tables (every field, in order), settings, custom columns."""
    from stakeholders.values import records

    return {
        "organisations": records(m.organisations),
        "links": records(m.links),
        "stages": records(m.stages),
        "columns": {table: list(getattr(m, table).columns) for table in ("organisations", "links", "stages")},
        "settings": m.settings,  # every setting, the vocabularies and who may see what included
        "custom_columns": {table: tuple(columns) for table, columns in m.custom_columns.items()},
    }
