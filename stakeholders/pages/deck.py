"""A presentation: the views of a map, step by step, in one offline HTML file for a projector.

Every step shows one view (its filters, focus, highlighted stage, colours
and sizes, as ``stakeholders map --view`` draws them) on the positions of
the whole map, so an organisation keeps its place from step to step. A step
whose view is a board (``layout`` board) shows the board of the approach of
what the view selects instead of the network (:mod:`stakeholders.board`);
circles by sector are not used in a presentation (:func:`unused_layouts`
names those views). Organisations that appear fade in and the map pans to
what the step shows. Keys: → ↓ Space PageDown forward, ← ↑ PageUp back, Home and End, N
for the speaker notes, F for full screen. The page keeps every promise of the
map: offline, safe, still.

>>> import stakeholders
>>> m = stakeholders.load_map(stakeholders.example_path())
>>> [step["title"] for step in presentation_steps(m)][:2]
['National police and justice', '+ Probation, care and victim support']
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from ..board import approach_board
from ..errors import InvalidArgument
from ..model import StakeholderMap
from ..views import View, apply_view, find_view, netmap_display, presentation, select, view_style
from ._engine import render_page, static_text

__all__ = ["presentation_html", "presentation_steps", "unused_layouts", "write_presentation"]


def _steps_of(m: StakeholderMap, names: list[str] | None) -> list[View]:
    views = [find_view(m, name) for name in names] if names else presentation(m)
    if not views:
        msg = (
            "this map has no presentation: give views a step number in its Views sheet, "
            "or name the views to show with --views"
        )
        raise InvalidArgument(msg)
    return views


def unused_layouts(m: StakeholderMap, views: list[str] | None = None) -> list[str]:
    """The names of the steps' views whose own layout the presentation does not use (circles).

    Every step keeps the positions of the whole map, so nobody moves between
    steps; a board step shows its board.
    """
    return [view.name for view in _steps_of(m, views) if view.layout not in SHOWN_LAYOUTS]


SHOWN_LAYOUTS = ("force", "board")
"""The layouts of views that a presentation shows as they are."""


def presentation_steps(
    m: StakeholderMap, views: list[str] | None = None, *, lang: str | None = None
) -> list[dict[str, Any]]:
    """One entry per step: ``title``, ``note``, ``organisations``, ``links``, ``dimmed`` (ids), sizes and colours.

    ``sizes`` and ``highlight`` are how the step's view sizes and colours its
    organisations, as on its map (:func:`stakeholders.views.view_style`):
    empty sizes mean the default size, no highlight the sector colours.
    ``board`` says whether the step shows the board of the approach, ``netmap`` whether it draws the influence
    towers and stance marks (the built-in ``netmap`` view, which ends the presentation of a map with scores).
    """
    steps = []
    for view in _steps_of(m, views):
        orgs, links = select(m, view)
        stages = set(view.highlight_stage)
        dimmed = [
            org
            for org, org_stages in zip(m.organisations["id"], m.organisations["stages"], strict=True)
            if stages and org in set(orgs) and not stages & set(org_stages)
        ]
        steps.append(
            {
                "view": view.name,
                "title": view.heading_in(lang),
                "note": view.note,
                "organisations": orgs,
                "links": links,
                "dimmed": dimmed,
                "board": view.layout == "board",
                "netmap": view.overlay == "netmap",
                **view_style(apply_view(m, view), view, lang=lang),
            }
        )
    return steps


def presentation_html(
    m: StakeholderMap, *, views: list[str] | None = None, lang: str | None = None, title: str | None = None
) -> str:
    """The presentation page; ``views`` names the steps (default: the views with a step number)."""
    steps = presentation_steps(m, views, lang=lang)
    boards = [
        (index, approach_board(apply_view(m, view), lang=lang))
        for index, view in enumerate(_steps_of(m, views))
        if view.layout == "board"
    ]
    css = static_text("present.css") + (static_text("board.css") if boards else "")
    netmap = netmap_display(m, lang=lang) if any(step["netmap"] for step in steps) else None
    return render_page(
        "present.html",
        m,
        title=title,
        lang=lang,
        css=css,
        scripts=("present.js", *(("board.js",) if boards else ())),
        extra_data={"presentation": {"steps": steps}, **({"netmap": netmap} if netmap else {})},
        deck={
            "steps": steps,
            "boards": boards,
            "netmap": netmap,
            "netmap_steps": " ".join(str(i) for i, step in enumerate(steps) if step["netmap"]),
            "sector_legend_steps": " ".join(
                str(i) for i, step in enumerate(steps) if not step["highlight"] and not step["board"]
            ),
        },
    )


def write_presentation(m: StakeholderMap, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write the presentation to ``path`` atomically."""
    return write_atomic(path, presentation_html(m, **options).encode("utf-8"))
