"""A meeting report: the analysis in plain words, with the interactive map, in one offline HTML file.

:func:`report_html` turns an :class:`~stakeholders.analysis.Analysis` into a
page built like the map itself (:func:`stakeholders.pages._engine.render_page`): the
same inlined vis-network, data block and Content-Security-Policy, so the
report keeps every promise of the map (offline, safe, still). The report's own
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
from ..analysis import APPROXIMATE_ABOVE, BETWEENNESS_SAMPLE, SEED, Analysis
from ..i18n import words
from ..naming import org_labels, stage_names
from ..schema import SECTORS, STATUSES
from ._engine import render_page, static_text

__all__ = ["report_context", "report_html", "write_report"]


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _reasons(row: dict[str, Any], w: dict[str, str], stages: dict[str, str]) -> str:
    parts = []
    if row["shared"]:
        parts.append(w["both_act_on"].format(stages=", ".join(stages.get(s, s) for s in row["shared"])))
    if row["handovers"]:
        carried = ", ".join(f"{stages.get(a, a)} → {stages.get(b, b)}" for a, b in row["handovers"])
        parts.append(w["could_carry"].format(handovers=carried))
    if row["common_partners"]:
        count = len(row["common_partners"])
        parts.append(w["one_common_partner"] if count == 1 else w["common_partners"].format(n=count))
    if row["lapsed"]:
        parts.append(w["cooperated_before"])
    return "; ".join(parts)


def report_context(result: Analysis, lang: str | None = None) -> dict[str, Any]:
    """Everything the report template shows, as plain strings and lists (no markup)."""
    names_lang, lang = lang, lang or "en"
    m, s, w = result.map, result.summary, words(lang)
    stages = stage_names(m, names_lang)
    name = org_labels(m, names_lang)
    sector_of = {org: d.get("sector") or "" for org, d in m.graph.nodes(data=True)}
    sectors = [sector for sector in m.settings.sectors.ids if sector in set(sector_of.values())]
    if "" in sector_of.values():
        sectors.append("")
    sector_label = {sector: m.settings.sectors.label(sector, lang) if sector else "—" for sector in sectors}

    coverage = []
    for stage, row in result.coverage.iterrows():
        members = [str(org) for org, acts in row.items() if acts]
        cells = []
        for sector in sectors:
            count = sum(1 for org in members if sector_of[org] == sector)
            cells.append({"count": count, "level": "zero" if count == 0 else "one" if count == 1 else "many"})
        total = len(members)
        coverage.append(
            {
                "stage": stages.get(str(stage), str(stage)),
                "cells": cells,
                "total": total,
                "level": "zero" if total == 0 else "one" if total == 1 else "many",
                "note": w["nobody"] if total == 0 else w["one"] if total == 1 else "",
                "members": ", ".join(name[org] for org in members),
            }
        )

    figures = [
        (s["organisations"], w["organisations"], ""),
        (s["current_links"], w["current_links"], w["of_links"].format(n=s["links"])),
        (s["cooperating_pairs"], w["pairs"], ""),
        (s["components"], w["components"], ""),
        (s["isolated"], w["isolated"], ""),
        (s["average_path_length"], w["path_length"], ""),
        (_percent(s["density"]), w["density"], ""),
        (_percent(s["reciprocity"]), w["reciprocity"], ""),
    ]
    notes = [
        w["counts_statuses"].format(
            current=s["current_links"],
            total=s["links"],
            statuses=" / ".join(STATUSES.label(status, lang) for status in result.statuses),
        )
    ]
    if result.approximate:
        notes.append(w["approximate"].format(sample=BETWEENNESS_SAMPLE, seed=SEED, limit=APPROXIMATE_ABOVE))
    what_if = None
    if result.what_if:
        wi = result.what_if
        what_if = {
            "title": w["what_if"].format(names=", ".join(name[o] for o in wi["removed"])),
            "cut_off": ", ".join(name[o] for o in wi["cut_off"]) or w["nobody_cut_off"],
            "sectors": ", ".join(
                " – ".join(m.settings.sectors.label(x, lang) for x in pair) for pair in wi["sector_pairs_lost"]
            )
            or w["none"],
            "stages": ", ".join(" – ".join(stages.get(x, x) for x in pair) for pair in wi["stage_pairs_lost"])
            or w["none"],
            "rows": [
                (w[f"what_if:{key}"], wi["before"][key], wi["after"][key])
                for key in ("organisations", "current_links", "components", "largest_component", "average_path_length")
            ]
            + [(w["what_if:density"], _percent(wi["before"]["density"]), _percent(wi["after"]["density"]))],
        }
    return {
        "w": w,
        "lang": lang,
        "today": result.today.isoformat(),
        "figures": figures,
        "notes": notes,
        "brokers": [
            {
                "name": name[row["id"]],
                "sector": SECTORS.label(row["sector"], lang) if row["sector"] else "—",
                "links": row["links"],
                "partners": row["partners"],
                "sectors": row["sectors"],
                "countries": row["countries"],
                "betweenness": f"{row['betweenness']:.3f}",
                "bar": round(100 * row["betweenness"] / max(result.metrics["betweenness"].max(), 1e-9)),
            }
            for row in result.metrics.head(result.top).to_dict("records")
        ],
        "risks": [
            {"name": name[r["id"]], "cut_off": ", ".join(name[o] for o in r["cut_off"]), "count": len(r["cut_off"])}
            for r in result.single_points
        ],
        "bridges": [
            {
                "link": r["link"],
                "between": f"{name[r['source']]} – {name[r['target']]}",
                "holds_on": ", ".join(name[o] for o in r["holds_on"]),
            }
            for r in result.bridges
        ],
        "unconnected": [", ".join(name[o] for o in group) for group in result.cut_off_groups],
        "sectors": [sector_label[s] for s in sectors],
        "coverage": coverage,
        "handovers": [
            {
                "from": stages.get(h["from"], h["from"]),
                "to": stages.get(h["to"], h["to"]),
                "status": h["status"],
                "status_label": w[h["status"]],
                "links": len(h["links"]),
                "planned": len(h["planned"]),
                "within": ", ".join(name[o] for o in h["within"]),
            }
            for h in result.handovers
        ],
        "missing_count": w["missing_count"].format(
            shown=min(result.top, len(result.missing)),
            total=f"{result.missing_total:,}".replace(",", "." if lang == "nl" else ","),
        ),
        "missing": [
            {"between": f"{name[r['a']]} – {name[r['b']]}", "why": _reasons(r, w, stages)}
            for r in result.missing[: result.top]
        ],
        "one_way": [
            {
                "link": r["link"],
                "from": name[r["source"]],
                "to": name[r["target"]],
                "kind": m.settings.kinds.label(r["kind"], lang),
            }
            for r in result.one_way
        ],
        "stale": [
            {
                "link": r["link"],
                "between": f"{name[r['source']]} – {name[r['target']]}",
                "problem": w["last_checked"].format(date=r["last_checked"]),
            }
            for r in result.stale
        ]
        + [
            {
                "link": r["link"],
                "between": f"{name[r['source']]} – {name[r['target']]}",
                "problem": w["until_passed"].format(date=r["until"]),
            }
            for r in result.expired
        ],
        "communities": [
            {"name": name[c["lead"]], "size": len(c["members"]), "members": ", ".join(name[o] for o in c["members"])}
            for c in result.communities
            if len(c["members"]) > 1
        ],
        "quality": [{"issue": w[f"quality:{q['id']}"], "count": q["count"]} for q in result.quality],
        "what_if": what_if,
        "stale_months": result.stale_months,
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
