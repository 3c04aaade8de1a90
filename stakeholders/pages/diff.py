"""The diff page: two snapshots on the map's one layout, what changed standing out, the change list beside it.

The union map is drawn at the positions every output uses
(:func:`stakeholders.layout.positions`, through the page engine), so an
organisation stands where it stands on the map. What did not change recedes
(small, light grey, thin lines, a grey label without a line label); what was
added, removed or changed stands out three ways at once: a colour, a line or
border style (added solid, removed dashed, changed dash-dotted) and a symbol
before its label (``+``, ``−``, ``Δ``), with thick lines and large organisations.
The change list sits beside the map, in type that reads at 1920×1080. The
change list itself, and its Markdown and CSV, come from :mod:`stakeholders.diff`.

>>> sorted((change, mark["symbol"]) for change, mark in CHANGE_MARKS.items())
[('added', '+'), ('changed', 'Δ'), ('removed', '−'), ('unchanged', '')]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from ..diff import CHANGE_COLOURS, MapDiff, diff_summary, item_labels, undated_summary
from ..i18n import PAGE_WORDS
from ._engine import render_page, static_text

__all__ = ["CHANGE_MARKS", "diff_html", "write_diff"]

CHANGE_MARKS: dict[str, dict[str, Any]] = {
    "added": {"symbol": "+", "size": 24, "border": 3, "width": 5},
    "removed": {"symbol": "\u2212", "size": 24, "border": 3, "width": 5, "dashed": True},
    "changed": {
        "symbol": "Δ",
        "size": 24,
        "border": 3,
        "width": 5,
        "dashes": [14, 5, 3, 5],
        "border_dashes": [7, 3, 2, 3],
    },
    "unchanged": {"symbol": "", "size": 8, "border": 1, "width": 1, "faint": True},
}
"""How each kind of change is drawn besides its colour (:data:`stakeholders.diff.CHANGE_COLOURS`): the symbol
before its label, the size and border of an organisation, the width and dashes of a link (``dashed``: the
page's own dashes), ``faint`` for what recedes. The page's script reads these from the highlight values."""


def _svg_dashes(mark: dict[str, Any]) -> str:
    """The legend's dash pattern for a change (the page's link dashes at a quarter of their size)."""
    dashes = mark.get("dashes") or ([6, 4] if mark.get("dashed") else [])
    return " ".join(f"{d / 2:g}" for d in dashes)


def diff_html(result: MapDiff, *, old_label: str, new_label: str, lang: str | None = None) -> str:
    """The diff as one offline page: the union map with what changed standing out, a legend, counts, the change list."""
    words = PAGE_WORDS.get(lang or "en", PAGE_WORDS["en"])
    highlight = {
        "field": "change",
        "title": words["diff_legend"],
        "values": [
            {
                "id": change,
                "label": f"{CHANGE_MARKS[change]['symbol']} {words[change]}".strip(),
                "colour": colour,
                "dashed": bool(CHANGE_MARKS[change].get("dashed")),
                "svg_dashes": _svg_dashes(CHANGE_MARKS[change]),
                **CHANGE_MARKS[change],
            }
            for change, colour in CHANGE_COLOURS.items()
        ],
    }
    rows = [
        {
            "change": change.change,
            "change_label": words[change.change],
            "symbol": CHANGE_MARKS[change.change]["symbol"],
            "colour": CHANGE_COLOURS[change.change],
            "what": words[change.what],
            "item": item,
            "details": change.text(),
        }
        for change, item in zip(result.changes, item_labels(result, lang), strict=True)
    ]
    context = {
        "old": old_label,
        "new": new_label,
        "summary": diff_summary(result, lang),
        "undated": undated_summary(result, lang),
        "rows": rows,
    }
    return render_page(
        "diff.html",
        result.union,
        lang=lang,
        highlight=highlight,
        css=static_text("diff.css"),
        diff=context,
        extra_data={"link_labels": True},  # what changed says so on its links too
    )


def write_diff(
    result: MapDiff, path: str | os.PathLike[str], *, old_label: str, new_label: str, lang: str | None = None
) -> Path:
    """Write the diff page to ``path`` atomically."""
    page = diff_html(result, old_label=old_label, new_label=new_label, lang=lang)
    return write_atomic(path, page.encode("utf-8"))
