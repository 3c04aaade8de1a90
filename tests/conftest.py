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
    """Keep the layout cache of a test run out of the user's cache folder."""
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


def write_workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """An .xlsx workbook with one sheet per entry."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
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
