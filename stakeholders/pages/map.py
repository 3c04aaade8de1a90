"""The map page: one self-contained, offline, safe HTML page of a map, or of one of its views.

The steps are separate and pure until the last one: :func:`~stakeholders.pages.map_data`
(the documented data object), :func:`to_html` (a string) and :func:`write_html`
(an atomic write). :func:`notebook_html` shows the page in Jupyter, and is how a
map shows itself there (``StakeholderMap._repr_html_``).

>>> from stakeholders import example_path, load_map
>>> to_html(load_map(example_path())).startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from .._positions_words import POSITIONS_WORDS
from .._types import Progress
from ..i18n import BOARD_WORDS
from ..model import StakeholderMap, register_notebook_view
from ..views import find_view, view_display
from ._engine import render_page, static_text

__all__ = ["notebook_html", "saving_positions", "to_html", "write_html"]


def saving_positions(lang: str | None, mode: str = "download") -> dict[str, Any]:
    """What a page needs for its "Save positions" button (``pages/static/positions.js``).

    ``mode`` is ``download`` (a positions.csv to put beside the source) or
    ``server`` (``stakeholders serve`` writes the positions file).

    >>> saving_positions("nl")["extra_data"]["save_positions"]["words"]["save"]
    'Posities opslaan'
    """
    words = POSITIONS_WORDS[lang if lang in POSITIONS_WORDS else "en"]
    return {"scripts": ("positions.js",), "extra_data": {"save_positions": {"mode": mode, "words": words}}}


def to_html(
    m: StakeholderMap,
    *,
    title: str | None = None,
    lang: str | None = None,
    view: str | None = None,
    progress: Progress | None = None,
) -> str:
    """The map as one HTML page: no external resource, no network request, same input → same bytes.

    ``title`` overrides the map's own title; ``lang`` (``en`` or ``nl``) sets
    the page's own words and picks names from ``name_<lang>`` columns;
    ``view`` draws one of the map's views (by name): a board view shows the
    board of the approach over the network, with a button to switch between
    them; ``progress`` hears about long steps.
    """
    if view is None:
        return render_page("map.html", m, title=title, lang=lang, progress=progress, **saving_positions(lang))
    chosen = find_view(m, view)
    display = view_display(m, chosen, lang=lang)
    # a view on the map's own positions may save them; one arranged otherwise (circles) may not
    saving = saving_positions(lang) if chosen.layout != "circles" else {"scripts": ()}
    board: dict[str, Any] = {}
    if display["board"]:  # the board over the network, a button to switch (templates/board_stage.html)
        board = {
            "css": static_text("board.css"),
            "board": display["board"],
            "board_words": BOARD_WORDS[lang if lang in BOARD_WORDS else "en"],
        }
        saving["scripts"] = ("board.js", *saving["scripts"])
    return render_page(
        "map.html", display["map"], title=title, lang=lang, display=display, progress=progress, **saving, **board
    )


def notebook_html(m: StakeholderMap, *, height: int = 640) -> str:
    """The map in a sandboxed ``<iframe srcdoc>`` for Jupyter: works offline, no files written."""
    page = html.escape(to_html(m), quote=True)
    return (
        f'<iframe srcdoc="{page}" sandbox="allow-scripts" title="{html.escape(m.settings.title)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ccc"></iframe>'
    )


def write_html(m: StakeholderMap, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write the map page to ``path`` atomically and return the path."""
    return write_atomic(path, to_html(m, **options).encode("utf-8"))


register_notebook_view(notebook_html)
