"""A meeting report: the analysis in plain words, with the interactive map, in one offline HTML file.

:func:`report_html` turns an :class:`~stakeholders.analysis.Analysis` into a
page built like the map itself (:func:`stakeholders.pages._engine.render_page`): the
same inlined vis-network, data block and Content-Security-Policy, so the
report keeps every promise of the map (offline, safe, still). Its sections
are the analysis tables (:func:`stakeholders.analysis.analysis_tables`), shown
as they come: a new table there is a new section here. The report's own
words come in English or Dutch (:mod:`stakeholders.i18n`); with a language,
organisations are named by their ``name_<lang>`` where present (as on the
map); notes from the data stay as written. It prints on A4: before printing,
``report.js`` fits the whole map to its printed frame, and a compact legend
prints under it.

>>> import stakeholders
>>> from datetime import date
>>> from stakeholders.analysis import analyse
>>> page = report_html(analyse(stakeholders.load_map(stakeholders.example_path()), today=date(2026, 11, 28)))
>>> page.startswith("<!DOCTYPE html>") and "Headline figures" in page
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from ..analysis import Analysis, Table, analysis_notes, analysis_tables
from ..dates import format_date
from ..i18n import words
from ._engine import render_page, static_text

__all__ = ["report_context", "report_html", "write_report"]


def _sections(tables: list[Table]) -> list[dict[str, Any]]:
    """The tables people see, grouped into the report's sections: a table joins the section of the one before it
    when its ``section`` says so."""
    sections: list[dict[str, Any]] = []
    for table in tables:
        if not table.for_people:
            continue
        section = table.section or table.id
        if not sections or sections[-1]["id"] != section:
            sections.append({"id": section, "tables": []})
        sections[-1]["tables"].append(table)
    return sections


def report_context(result: Analysis, lang: str | None = None) -> dict[str, Any]:
    """Everything the report template shows: its words, the notes and the analysis tables by section (no markup)."""
    return {
        "w": words(lang or "en"),
        "lang": lang or "en",
        "today": format_date(result.today.isoformat(), lang),
        "notes": analysis_notes(result, lang),
        "sections": _sections(analysis_tables(result, lang)),
    }


def report_html(result: Analysis, *, lang: str | None = None) -> str:
    """The report page for ``result``.

    ``lang`` (``en`` or ``nl``) sets its words and which names organisations go by, in the tables as on the map.
    """
    css = static_text("report.css")
    return render_page(
        "report.html", result.map, lang=lang, css=css, scripts=("report.js",), report=report_context(result, lang)
    )


def write_report(result: Analysis, path: str | os.PathLike[str], *, lang: str | None = None) -> Path:
    """Write the report to ``path`` atomically and return the path."""
    return write_atomic(path, report_html(result, lang=lang).encode("utf-8"))
