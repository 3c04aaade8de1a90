"""Serve a map on this computer and redraw it whenever its spreadsheet is saved.

:func:`start` builds the map, serves it at ``http://127.0.0.1:PORT/`` (never
on another interface), and watches the source with watchfiles. Each save
rebuilds the page; the open page asks ``/state`` every 0.7 s and reloads when
a newer good build exists. The page's "Save positions" button posts where
the organisations stand to ``/positions``, and the server keeps them in the
positions file beside the source (never in the source itself; see
:mod:`stakeholders.layout`). An invalid save keeps the last good map on screen
and shows the validation errors above it: every line for the ``internal``
audience, only their number (and ``stakeholders validate SOURCE``) for any
other, since the lines quote the whole source. Requests whose ``Host`` header
is not this computer (DNS rebinding) get 403, and so do posts from another
page (their ``Origin``) or not sent as JSON (a form another site submits).

>>> import stakeholders
>>> server = start(stakeholders.example_path(), port=0)
>>> server.url.startswith("http://127.0.0.1:")
True
>>> server.stop()
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

from .errors import StakeholdersError, ValidationError
from .i18n import CLI_WORDS, count_of
from .layout import positions_path, save_positions
from .load import load_map
from .model import StakeholderMap
from .pages import live_map_html, waiting_html
from .schema import AUDIENCES
from .source import LIMIT_MB

__all__ = ["HOST", "LiveMap", "LiveServer", "start"]

HOST = "127.0.0.1"

LARGEST_POST = 5_000_000
"""The most bytes a post of positions may hold (some 100,000 organisations)."""


@dataclass
class LiveMap:
    """The latest build of a source: its page when good, its errors when not."""

    source: Path
    lang: str | None = None
    audience: str | None = None
    limit_mb: float = LIMIT_MB
    label_px: float | None = None
    version: int = 0
    good: int = -1
    page: str = ""
    errors: list[str] = field(default_factory=list)
    map_language: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    map: StakeholderMap | None = None

    def rebuild(self) -> None:
        """Load the source again; keep the last good page when it has problems."""
        with self.lock:
            version = self.version + 1
            try:
                stakeholder_map = load_map(self.source, audience=self.audience, limit_mb=self.limit_mb)
                self.map_language = stakeholder_map.settings.lang
                page = live_map_html(
                    stakeholder_map,
                    lang=self.lang or self.map_language or None,
                    version=version,
                    label_px=self.label_px,
                )
            except ValidationError as err:
                self.version, self.errors = version, [str(problem) for problem in err.problems]
                return
            except StakeholdersError as err:
                self.version, self.errors = version, [str(err)]
                return
            self.version, self.good, self.page, self.errors = version, version, page, []
            self.map = stakeholder_map

    def save_positions(self, moved: dict[str, tuple[float, float]]) -> tuple[int, str]:
        """Keep the positions a presenter gave the shown organisations; how many, and the file's name.

        The page of the last good build is drawn again on them (under the same
        version, so an open page does not reload). Raises
        :class:`~stakeholders.errors.StakeholdersError` when they cannot be kept.
        """
        with self.lock:
            if self.map is None:
                msg = "there is no map yet: save the source without problems first"
                raise StakeholdersError(msg)
            shown = set(self.map.organisations["id"])
            kept = {ident: xy for ident, xy in moved.items() if ident in shown}
            written = save_positions(self.map, kept)
            self.page = live_map_html(self.map, lang=self.lang, version=self.good)
            return len(kept), written.name

    @property
    def language(self) -> str:
        """The language of the page and its banner: ``lang``, else the source's own ``lang`` setting, else en."""
        return self.lang or self.map_language or "en"

    @property
    def shows_error_lines(self) -> bool:
        """Whether the page may list the problems: they quote the whole source, so only for ``internal``."""
        return self.audience is not None and AUDIENCES.lookup(self.audience) == "internal"

    def state(self) -> dict[str, Any]:
        with self.lock:
            count, words = len(self.errors), CLI_WORDS[self.language]
            title = words["banner_title"].format(problems=count_of(count, "problem", self.language))
            if self.shows_error_lines or not count:
                lines = list(self.errors)
            else:
                lines = [words["banner_validate"].format(source=self.source.name)]
            return {
                "version": self.version,
                "good": self.good,
                "errors": {"title": title, "lines": lines},
            }

    def waiting_page(self) -> str:
        """What to show before the source has ever been valid."""
        words = CLI_WORDS[self.language]
        return waiting_html(
            words["waiting_title"].format(source=self.source.name),
            words["waiting_message"],
            audience=AUDIENCES.lookup(self.audience) if self.audience else None,
            lang=self.language,
        )


_LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")


class _Handler(BaseHTTPRequestHandler):
    live: LiveMap

    def _host_is_local(self) -> bool:
        """Whether the ``Host`` header names this computer and our port (a rebound DNS name does not)."""
        port = cast(HTTPServer, self.server).server_port
        host = (self.headers.get("Host") or "").strip().lower()
        return host in {f"{name}:{port}" for name in _LOCAL_NAMES} | set(_LOCAL_NAMES if port == 80 else ())

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if not self._host_is_local():
            self.send_error(403, "Forbidden: use http://127.0.0.1 or http://localhost")
            return
        if self.path == "/state":
            body, kind = json.dumps(self.live.state()).encode("utf-8"), "application/json"
        elif self.path in ("/", "/index.html"):
            with self.live.lock:
                page = self.live.page
            body, kind = (page or self.live.waiting_page()).encode("utf-8"), "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _answer(self, status: int, content: dict[str, Any]) -> None:
        body = json.dumps(content).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 - the http.server name
        """``/positions``: ``{"positions": {id: [x, y]}}`` from the page, kept in the positions file."""
        port = cast(HTTPServer, self.server).server_port
        origin = self.headers.get("Origin")
        own = {f"http://{name}:{port}" for name in _LOCAL_NAMES}
        if not self._host_is_local() or (origin is not None and origin not in own):
            self.send_error(403, "Forbidden: only the map's own page may save positions")
            return
        if self.path != "/positions":
            self.send_error(404)
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        length = int(self.headers.get("Content-Length") or 0)
        if kind != "application/json" or not 0 < length <= LARGEST_POST:
            self._answer(400, {"error": "send the positions as JSON"})
            return
        try:
            moved = _positions_of(json.loads(self.rfile.read(length)))
        except ValueError as err:
            self._answer(400, {"error": str(err)})
            return
        try:
            saved, name = self.live.save_positions(moved)
        except StakeholdersError as err:
            self._answer(409, {"error": str(err)})
            return
        self._answer(200, {"saved": saved, "file": name})

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence the request log
        return


def _positions_of(content: Any) -> dict[str, tuple[float, float]]:
    """The positions in a post: ``{"positions": {id: [x, y]}}`` with finite numbers, else ValueError.

    >>> _positions_of({"positions": {"om": [1, 2.5]}})
    {'om': (1.0, 2.5)}
    """
    positions = content.get("positions") if isinstance(content, dict) else None
    if not isinstance(positions, dict):
        raise ValueError('send {"positions": {id: [x, y]}}')
    found = {}
    for ident, xy in positions.items():
        ok = isinstance(xy, list) and len(xy) == 2 and all(type(v) in (int, float) for v in xy)
        if not ok or not all(abs(v) <= 1_000_000 for v in xy):
            raise ValueError(f"the position of {ident!r} is not two numbers")
        found[str(ident)] = (float(xy[0]), float(xy[1]))
    return found


@dataclass
class LiveServer:
    """A running server: ``url``, ``live`` (the builds) and ``stop()``."""

    url: str
    live: LiveMap
    _server: ThreadingHTTPServer
    _stop: threading.Event
    _threads: list[threading.Thread]

    def stop(self) -> None:
        """Stop watching and serving; returns when both have ended."""
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)


def _watch(live: LiveMap, stop: threading.Event) -> None:
    from watchfiles import watch

    target = live.source if live.source.is_dir() else live.source.parent
    kept = positions_path(live.source)  # written by the server itself: no reason to build again
    for changes in watch(target, stop_event=stop, debounce=300, step=100, yield_on_timeout=False):
        changed = [Path(path) for _, path in changes if Path(path) != kept and not Path(path).name.startswith(".")]
        if any(path == live.source or live.source.is_dir() for path in changed):
            live.rebuild()


def start(
    source: str | os.PathLike[str],
    *,
    port: int = 8765,
    lang: str | None = None,
    audience: str | None = None,
    limit_mb: float = LIMIT_MB,
    label_px: float | None = None,
) -> LiveServer:
    """Build the map at ``source`` for ``audience``, serve it on 127.0.0.1:``port`` (0: any free port), watch it.

    Sources larger than ``limit_mb`` megabytes are refused like in :func:`~stakeholders.load_map`.
    ``label_px`` sizes the organisations' names on screen. Raises :class:`OSError` when the port is taken.
    """
    live = LiveMap(Path(source).resolve(), lang=lang, audience=audience, limit_mb=limit_mb, label_px=label_px)
    live.rebuild()
    handler = type("Handler", (_Handler,), {"live": live})
    server = ThreadingHTTPServer((HOST, port), handler)
    server.daemon_threads = True
    stop = threading.Event()
    threads = [
        threading.Thread(target=server.serve_forever, name="stakeholders-serve", daemon=True),
        threading.Thread(target=_watch, args=(live, stop), name="stakeholders-watch", daemon=True),
    ]
    for thread in threads:
        thread.start()
    return LiveServer(f"http://{HOST}:{server.server_address[1]}/", live, server, stop, threads)
