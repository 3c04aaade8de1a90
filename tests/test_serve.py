"""`serve`: a local server that follows the spreadsheet, shows errors in the page, and stops cleanly."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import LINKS, ORGANISATIONS, write_folder

import stakeholders.cli
from stakeholders.cli import cli
from stakeholders.serve import start


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "live", {"organisations": ORGANISATIONS, "links": LINKS})


@pytest.fixture
def live_page(browser: Any) -> Any:
    contexts = []

    def opener(url: str) -> tuple[Any, list[str], list[str]]:
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        contexts.append(context)
        outside: list[str] = []
        errors: list[str] = []

        def on_route(route: Any) -> None:
            if route.request.url.startswith(url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", on_route)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP ' + e.violatedDirective))"
        )
        page.goto(url)
        wait_until(page, "window.network !== undefined")
        return page, outside, errors

    yield opener
    for context in contexts:
        context.close()


def wait_until(page: Any, expression: str, timeout: float = 15) -> None:
    """Poll ``expression`` in the page (Playwright's wait_for_function evaluates strings, which our CSP forbids)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(expression):
                return
        except Exception:  # noqa: BLE001 - the page is reloading
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.1)


def _count(page: Any) -> int:
    return page.evaluate("Object.keys(window.network.getPositions()).length")


@pytest.mark.browser
def test_the_page_follows_the_source(source: Path, live_page: Any) -> None:
    server = start(source, port=0, audience="internal")
    try:
        page, outside, errors = live_page(server.url)
        assert _count(page) == 4
        # a new organisation and a link to it: the page reloads with five
        write_folder(
            source,
            {
                "organisations": [
                    *ORGANISATIONS,
                    ["stopitnow", "Stop it Now!", "SIN", "", "prevention", "operational", "NL", "", ""],
                ],
                "links": [*LINKS, ["stopitnow", "politie", "referral", "directed", "active", "S14"]],
            },
        )
        wait_until(page, "window.network && Object.keys(window.network.getPositions()).length === 5")
        assert "Stop it Now!" in page.evaluate("window.stakeholdersMap.organisations.map(o => o.name).join('|')")
        # an invalid save: the errors appear above the last good map
        write_folder(
            source, {"organisations": ORGANISATIONS, "links": [*LINKS, ["politie", "omm", "referral", "", "", ""]]}
        )
        wait_until(
            page, "document.getElementById('live-errors') !== null && !document.getElementById('live-errors').hidden"
        )
        banner = page.inner_text("#live-errors")
        assert "1 problem in the source: showing the last good map" in banner
        assert "links.csv, row 6, column target: unknown organisation 'omm' (did you mean 'om'?)" in banner
        assert "Traceback" not in banner
        assert _count(page) == 5
        # fixed again: the banner goes and the map follows
        write_folder(source, {"organisations": ORGANISATIONS, "links": LINKS})
        wait_until(page, "window.network && Object.keys(window.network.getPositions()).length === 4")
        assert page.locator("#live-errors").count() == 0 or page.is_hidden("#live-errors")
        assert outside == [] and errors == []
    finally:
        server.stop()


def test_it_listens_on_this_computer_only_and_stops(source: Path) -> None:
    server = start(source, port=0)
    host, port = server._server.server_address[:2]
    assert host == "127.0.0.1"
    with urllib.request.urlopen(server.url + "state") as response:  # noqa: S310 - our own local server
        assert response.status == 200
    server.stop()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_a_source_that_starts_invalid_waits_for_a_good_save(tmp_path: Path) -> None:
    source = write_folder(
        tmp_path / "bad", {"organisations": ORGANISATIONS, "links": [["source", "target"], ["x", "om"]]}
    )
    server = start(source, port=0, audience="internal")
    try:
        with urllib.request.urlopen(server.url) as response:  # noqa: S310
            assert "Waiting for bad" in response.read().decode("utf-8")
        assert server.live.state()["errors"]["lines"] == [
            "links.csv, row 2, column source: unknown organisation 'x': use an id from the organisations table"
        ]
    finally:
        server.stop()


@pytest.mark.slow
def test_the_command_stops_cleanly_on_ctrl_c(source: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "stakeholders", "serve", str(source), "--port", "0", "--no-open"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        assert line.startswith(f"Serving {source} at ")
        with urllib.request.urlopen(url) as response:  # noqa: S310
            assert b"window.stakeholdersMap" not in response.read()[:100]  # an HTML page, not JSON
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert stdout.strip().endswith("Stopped.")
    assert "Traceback" not in stderr


@pytest.mark.parametrize("audience", [None, "public", "partners"])
def test_errors_are_only_counted_for_an_audience_below_internal(tmp_path: Path, audience: str | None) -> None:
    # the lines quote the whole source (restricted rows included), so only `internal` sees them
    organisations = [*ORGANISATIONS, ["rsec", "RESTRICTED_SECRET", "", "", "", "", "", "", ""]]
    source = write_folder(
        tmp_path / "bad", {"organisations": organisations, "links": [*LINKS, ["politie", "rsecc", "referral"]]}
    )
    server = start(source, port=0, audience=audience)
    try:
        with urllib.request.urlopen(server.url + "state") as response:  # noqa: S310
            body = response.read().decode("utf-8")
        with urllib.request.urlopen(server.url) as response:  # noqa: S310
            body += response.read().decode("utf-8")
        state = server.live.state()
        assert state["errors"]["title"].startswith("1 problem in the source")
        assert state["errors"]["lines"] == [
            "Run `stakeholders validate bad` on your own computer to see them "
            "(they are not shown here: they may quote what this audience may not see)."
        ]
        assert "RESTRICTED_SECRET" not in body and "rsec" not in body
    finally:
        server.stop()
    internal = start(source, port=0, audience="internal")
    try:
        lines = internal.live.state()["errors"]["lines"]
        assert len(lines) == 1 and "unknown organisation 'rsecc' (did you mean 'rsec'?)" in lines[0]
    finally:
        internal.stop()


def test_serve_respects_the_input_limit(tmp_path: Path) -> None:
    organisations = [*ORGANISATIONS, ["big", "Big", "", "", "", "", "", "", "x" * 2000]]
    source = write_folder(tmp_path / "big", {"organisations": organisations, "links": LINKS})
    server = start(source, port=0, limit_mb=0.001)
    try:
        assert "bytes, more than the limit of 1,000 bytes (0.001 MB)" in server.live.errors[0]
    finally:
        server.stop()


def test_the_command_passes_max_input_mb_to_serve(source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_start(*args: Any, **kwargs: Any) -> Any:
        seen.update(kwargs)
        raise OSError(98, "stop here")

    monkeypatch.setattr(stakeholders.cli, "start", fake_start)
    result = CliRunner().invoke(cli, ["--max-input-mb", "0.001", "serve", str(source), "--no-open"])
    assert "cannot serve" in result.output
    assert seen["limit_mb"] == 0.001


@pytest.mark.parametrize(
    ("host", "status"),
    [("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("evil.example:{port}", 403), ("evil.example", 403)],
)
def test_requests_for_another_host_are_refused(source: Path, host: str, status: int) -> None:
    # DNS rebinding: a page on evil.example whose name now points to 127.0.0.1 must not read the map
    server = start(source, port=0)
    try:
        port = server._server.server_address[1]
        for path in ("/", "/state"):
            request = urllib.request.Request(server.url.rstrip("/") + path, headers={"Host": host.format(port=port)})
            try:
                with urllib.request.urlopen(request) as response:  # noqa: S310
                    got = response.status
            except urllib.error.HTTPError as err:
                got = err.code
            assert got == status
    finally:
        server.stop()


@pytest.mark.browser
def test_the_banner_speaks_dutch_under_lang_nl(source: Path, live_page: Any) -> None:
    server = start(source, port=0, lang="nl")
    try:
        page, outside, errors = live_page(server.url)
        assert page.evaluate("document.documentElement.lang") == "nl"
        write_folder(
            source, {"organisations": ORGANISATIONS, "links": [*LINKS, ["politie", "omm", "referral", "", "", ""]]}
        )
        wait_until(
            page, "document.getElementById('live-errors') !== null && !document.getElementById('live-errors').hidden"
        )
        banner = page.inner_text("#live-errors")
        assert "1 probleem in de bron: de laatste goede kaart staat hieronder" in banner
        assert "Draai `stakeholders validate live` op je eigen computer om ze te zien" in banner
        assert "problem in the source" not in banner and "Run `stakeholders" not in banner
        assert _count(page) == 4 and outside == [] and errors == []
    finally:
        server.stop()
