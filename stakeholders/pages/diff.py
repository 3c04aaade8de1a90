"""The diff page: the union of two snapshots on one stable layout, coloured by change, with the change list.

The change list itself, and its Markdown and CSV, come from :mod:`stakeholders.diff`.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._atomic import write_atomic
from ..diff import CHANGE_COLOURS, MapDiff, diff_summary, item_labels, undated_summary
from ..i18n import PAGE_WORDS
from ._engine import render_page

__all__ = ["diff_html", "write_diff"]


def diff_html(result: MapDiff, *, old_label: str, new_label: str, lang: str | None = None) -> str:
    """The diff as one offline page: the union map coloured by change, a legend, counts and the change list."""
    words = PAGE_WORDS.get(lang or "en", PAGE_WORDS["en"])
    highlight = {
        "field": "change",
        "title": words["diff_legend"],
        "values": [
            {"id": change, "label": words[change], "colour": colour, "dashed": change == "removed"}
            for change, colour in CHANGE_COLOURS.items()
        ],
    }
    rows = [
        {
            "change": change.change,
            "change_label": words[change.change],
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
    return render_page("diff.html", result.union, lang=lang, highlight=highlight, diff=context)


def write_diff(
    result: MapDiff, path: str | os.PathLike[str], *, old_label: str, new_label: str, lang: str | None = None
) -> Path:
    """Write the diff page to ``path`` atomically."""
    page = diff_html(result, old_label=old_label, new_label=new_label, lang=lang)
    return write_atomic(path, page.encode("utf-8"))
