"""The barrier-model page: the phases of the offending process, the barriers under each, over the network map.

One offline, safe page like the map (:func:`~stakeholders.pages.render_page`):
the barrier model (:func:`stakeholders.barrier_board.barrier_model`) stands
over the network, drawn on the map's own positions, and a button switches
between them. Choosing a barrier brings its owners and partners and the links
between them into focus, with its details; choosing an organisation (in the
details or on the network) marks every barrier it raises or joins.

>>> import stakeholders
>>> page = barriers_html(stakeholders.load_map(stakeholders.example_path()), lang="nl")
>>> "Het barrièremodel" in page and page.count('data-kind="barrier"') > 20
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from .._types import Progress
from ..barrier_board import barrier_model
from ..errors import InvalidArgument
from ..i18n import BARRIER_WORDS
from ..model import StakeholderMap
from ._engine import render_page, static_text

__all__ = ["barriers_html", "write_barriers"]


def barriers_html(
    m: StakeholderMap, *, title: str | None = None, lang: str | None = None, progress: Progress | None = None
) -> str:
    """The barrier-model page of ``m``: same input, same bytes.

    ``title`` overrides the map's title; ``lang`` (``en`` or ``nl``) sets the page's words and picks names
    from ``name_<lang>`` columns. A map without a script (no phases) raises
    :class:`~stakeholders.errors.InvalidArgument`.
    """
    if m.script.empty:
        msg = "this map has no offending process: add a Script sheet (script.csv, or script: in YAML/JSON)"
        raise InvalidArgument(msg)
    page_lang = lang if lang in BARRIER_WORDS else "en"
    board: dict[str, Any] = {
        "css": static_text("board.css"),
        "scripts": ("board.js",),
        "board": barrier_model(m, lang=lang),
        "board_words": BARRIER_WORDS[page_lang]["board"],
    }
    return render_page("map.html", m, title=title, lang=lang, progress=progress, **board)


def write_barriers(m: StakeholderMap, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write the barrier-model page to ``path`` atomically and return the path (options as :func:`barriers_html`)."""
    return write_atomic(path, barriers_html(m, **options).encode("utf-8"))
