"""Run every analysis of a map at once, and write the results as text, JSON or CSV.

:func:`analyse` composes :mod:`stakeholders.analysis` and
:mod:`stakeholders.coverage` into one :class:`Analysis`; :func:`as_text`,
:func:`as_json` and :func:`as_csv` turn it into what ``stakeholders analyse``
prints, and :mod:`stakeholders.report` into a meeting report.

>>> import stakeholders
>>> from datetime import date
>>> result = analyse(stakeholders.load_map(stakeholders.example_path()), today=date(2026, 11, 28))
>>> result.summary["organisations"]
67
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from . import analysis, coverage
from .export import neutralise
from .model import StakeholderMap
from .validate import find_organisation

__all__ = ["CSV_TABLES", "MISSING_LISTED", "Analysis", "analyse", "as_csv", "as_json", "as_text", "label"]

MISSING_LISTED = 200
"""How many suggestions for missing cooperation the results keep (more when ``top`` asks for more)."""

STEPS = ("figures", "organisations", "risks", "communities", "stages", "missing cooperation", "checks")


@dataclass
class Analysis:
    """Everything ``analyse`` found. Tables are DataFrames; findings are lists of dicts."""

    map: StakeholderMap
    statuses: tuple[str, ...]
    today: date
    stale_months: int
    top: int
    summary: dict[str, Any]
    metrics: pd.DataFrame
    approximate: bool
    by_kind: pd.DataFrame
    mixing: pd.DataFrame
    single_points: list[dict[str, Any]]
    bridges: list[dict[str, Any]]
    cut_off_groups: list[list[str]]
    communities: list[dict[str, Any]]
    coverage: pd.DataFrame
    handovers: list[dict[str, Any]]
    missing: list[dict[str, Any]]
    missing_total: int
    one_way: list[dict[str, Any]]
    stale: list[dict[str, Any]]
    expired: list[dict[str, Any]]
    quality: list[dict[str, Any]]
    what_if: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)


def label(m: StakeholderMap, org: str) -> str:
    """The short label of an organisation: its short name, else its name."""
    node = m.graph.nodes.get(org, {})
    return node.get("short_name") or node.get("name") or org


def analyse(
    m: StakeholderMap,
    *,
    top: int = 10,
    without: Iterable[str] = (),
    statuses: Iterable[str] = ("active",),
    stale_months: int = 12,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> Analysis:
    """Analyse ``m``: figures, brokers, risks, communities, coverage, hand-overs, missing cooperation.

    ``without`` names organisations (id, name, short name or alias) for a
    what-if; unknown names raise
    :class:`~stakeholders.errors.UnknownOrganisation`. ``progress`` is called
    with the name of each step as it starts.
    """
    step = progress or (lambda _: None)
    statuses = tuple(statuses)
    removed = [find_organisation(m.organisations, name) for name in without]
    today = today or date.today()
    G = m.graph
    step(STEPS[0])
    figures = analysis.summary(G, statuses=statuses)
    step(STEPS[1])
    metrics, approximate = analysis.organisation_metrics(G, statuses=statuses)
    step(STEPS[2])
    points = analysis.single_points_of_failure(G, statuses=statuses)
    bridges = analysis.bridge_links(G, statuses=statuses)
    step(STEPS[3])
    groups = analysis.communities(G, statuses=statuses)
    step(STEPS[4])
    found_handovers = coverage.handovers(m, statuses=statuses)
    step(STEPS[5])
    missing, missing_total = coverage.missing_cooperation(m, statuses=statuses, top=max(top, MISSING_LISTED))
    step(STEPS[6])
    notes = [
        f"Structure counts {figures['current_links']} of {figures['links']} links: those with status "
        f"{' or '.join(statuses)}."
    ]
    if approximate:
        notes.append(
            f"Betweenness is estimated from {analysis.BETWEENNESS_SAMPLE} sampled organisations "
            f"(seed {analysis.SEED}) because the map has more than {analysis.APPROXIMATE_ABOVE}."
        )
    return Analysis(
        map=m,
        statuses=statuses,
        today=today,
        stale_months=stale_months,
        top=top,
        summary=figures,
        metrics=metrics,
        approximate=approximate,
        by_kind=analysis.links_by_kind(G, statuses=statuses),
        mixing=analysis.mixing_matrix(G, statuses=statuses),
        single_points=points,
        bridges=bridges,
        cut_off_groups=analysis.isolated_and_small(G, statuses=statuses),
        communities=groups,
        coverage=coverage.stage_coverage(m),
        handovers=found_handovers,
        missing=missing,
        missing_total=missing_total,
        one_way=coverage.one_way_links(m, statuses=statuses),
        stale=coverage.stale_links(m, months=stale_months, today=today),
        expired=coverage.expired_links(m, today=today),
        quality=coverage.data_quality(m),
        what_if=analysis.without(G, removed, statuses=statuses) if removed else None,
        notes=notes,
    )


# --- JSON ----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return value.to_dict("records") if isinstance(value.index, pd.RangeIndex) else value.to_dict("index")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def as_json(result: Analysis) -> str:
    """All results as one JSON document (stable key order)."""
    data = {name: getattr(result, name) for name in Analysis.__dataclass_fields__ if name != "map"}
    data["map"] = {"title": result.map.settings.title, "date": result.map.settings.date, "source": result.map.source}
    data["coverage"] = {
        stage: [org for org, acts in row.items() if acts] for stage, row in result.coverage.to_dict("index").items()
    }
    return json.dumps(_plain(data), indent=2, ensure_ascii=False) + "\n"


# --- CSV -----------------------------------------------------------------------------------

CSV_TABLES = ("organisations", "handovers", "missing", "single-points", "bridges", "communities", "coverage", "mixing")
"""The tables ``as_csv`` can write."""


def as_csv(result: Analysis, table: str = "organisations") -> str:
    """One table of the results as CSV; ``table`` is one of :data:`CSV_TABLES`."""
    m = result.map
    frames = {
        "organisations": lambda: result.metrics.merge(
            result.by_kind.add_prefix("kind:"), left_on="id", right_index=True
        ),
        "handovers": lambda: pd.DataFrame(
            [
                {**h, "links": "|".join(h["links"]), "planned": "|".join(h["planned"]), "within": "|".join(h["within"])}
                for h in result.handovers
            ],
            columns=["from", "to", "status", "links", "planned", "within"],
        ),
        "missing": lambda: pd.DataFrame(
            [
                {"a": r["a"], "b": r["b"], "score": r["score"], "reasons": "; ".join(r["reasons"])}
                for r in result.missing
            ],
            columns=["a", "b", "score", "reasons"],
        ),
        "single-points": lambda: pd.DataFrame(
            [{"id": r["id"], "name": r["name"], "cut_off": "|".join(r["cut_off"])} for r in result.single_points],
            columns=["id", "name", "cut_off"],
        ),
        "bridges": lambda: pd.DataFrame(
            [{**r, "holds_on": "|".join(r["holds_on"])} for r in result.bridges],
            columns=["link", "source", "target", "holds_on"],
        ),
        "communities": lambda: pd.DataFrame(
            [
                {"lead": c["lead"], "name": label(m, c["lead"]), "members": "|".join(c["members"])}
                for c in result.communities
            ],
            columns=["lead", "name", "members"],
        ),
        "coverage": lambda: result.coverage.astype(int).rename_axis("stage").reset_index(),
        "mixing": lambda: result.mixing.rename_axis("source sector").reset_index(),
    }
    buffer = io.StringIO()
    frame = frames[table]()
    frame = frame.rename(columns=lambda c: neutralise(str(c))).map(lambda v: neutralise(v) if isinstance(v, str) else v)
    frame.to_csv(buffer, index=False, lineterminator="\n")  # no cell a spreadsheet would run as a formula
    return buffer.getvalue()


# --- text ----------------------------------------------------------------------------------


def _heading(text: str) -> str:
    return f"\n{text}\n{'=' * len(text)}\n"


def _listed(title: str, total: int, top: int, things: str) -> str:
    """A heading that says when a list is cut to ``top`` rows.

    >>> _listed("Bridge links", 19, 10, "links"), _listed("Bridge links", 3, 10, "links")
    ('Bridge links (top 10 of 19 links; --top shows more)', 'Bridge links')
    """
    return f"{title} (top {top} of {total:,} {things}; --top shows more)" if total > top else title


def _table(rows: list[dict[str, Any]], empty: str) -> str:
    if not rows:
        return f"{empty}\n"
    return pd.DataFrame(rows).to_string(index=False) + "\n"


def as_text(result: Analysis) -> str:
    """Readable tables for a terminal."""
    m, s = result.map, result.summary
    stage_names = dict(zip(m.stages["id"], m.stages["name"], strict=True))
    out = [f"{m.settings.title} — data as of {m.settings.date or 'a date not stated'}\n"]
    out.extend(f"Note: {note}\n" for note in result.notes)
    out.append(_heading("Headline figures"))
    for key in (
        "organisations",
        "links",
        "current_links",
        "cooperating_pairs",
        "density",
        "components",
        "largest_component",
        "isolated",
        "average_path_length",
        "reciprocity",
    ):
        out.append(f"{key.replace('_', ' '):<22} {s[key]}\n")
    for name in ("kind", "status"):
        counted = s[f"links_by_{name}"].items()
        out.append(f"{'links by ' + name:<22} " + ", ".join(f"{k or 'not stated'} {v}" for k, v in counted) + "\n")
    out.append(_heading(_listed("Brokers by betweenness", len(result.metrics), result.top, "organisations")))
    columns = ["id", "name", "sector", "links", "partners", "sectors", "betweenness", "closeness"]
    top = result.metrics.head(result.top)[columns].assign(name=lambda f: f["id"].map(lambda o: label(m, o)))
    out.append(_table(top.to_dict("records"), "None: the map has no organisations."))
    out.append(_heading(_listed("Single points of failure", len(result.single_points), result.top, "organisations")))
    out.append(
        _table(
            [
                {"organisation": label(m, r["id"]), "cuts off": ", ".join(label(m, o) for o in r["cut_off"])}
                for r in result.single_points[: result.top]
            ],
            "None: no organisation cuts others off.",
        )
    )
    title = "Bridge links, each the only tie holding a group on"
    out.append(_heading(_listed(title, len(result.bridges), result.top, "links")))
    out.append(
        _table(
            [
                {
                    "link": r["link"],
                    "between": f"{label(m, r['source'])} – {label(m, r['target'])}",
                    "holds on": ", ".join(label(m, o) for o in r["holds_on"]),
                }
                for r in result.bridges[: result.top]
            ],
            "None.",
        )
    )
    if result.cut_off_groups:
        out.append(_heading("Organisations without a current link to the rest"))
        out.append("\n".join(", ".join(label(m, o) for o in group) for group in result.cut_off_groups) + "\n")
    out.append(_heading("Coverage of the approach"))
    counts = result.coverage.sum(axis=1)
    out.append(
        _table(
            [
                {
                    "stage": stage_names.get(stage, stage),
                    "organisations": int(n),
                    "note": "NO OWNER" if n == 0 else "single owner" if n == 1 else "",
                }
                for stage, n in counts.items()
            ],
            "No stages.",
        )
    )
    out.append(_heading("Hand-overs between stages"))
    out.append(
        _table(
            [
                {
                    "from": stage_names.get(h["from"], h["from"]),
                    "to": stage_names.get(h["to"], h["to"]),
                    "status": h["status"],
                    "links": len(h["links"]),
                    "planned": len(h["planned"]),
                }
                for h in result.handovers
            ],
            "The map defines no hand-overs.",
        )
    )
    out.append(_heading(_listed("Missing cooperation", result.missing_total, result.top, "pairs")))
    out.append(
        _table(
            [
                {
                    "between": f"{label(m, r['a'])} – {label(m, r['b'])}",
                    "score": r["score"],
                    "why": "; ".join(r["reasons"]),
                }
                for r in result.missing[: result.top]
            ],
            "None found.",
        )
    )
    title = "One-way links of kinds expected both ways"
    out.append(_heading(_listed(title, len(result.one_way), result.top, "links")))
    out.append(
        _table(
            [
                {"link": r["link"], "from": label(m, r["source"]), "to": label(m, r["target"]), "kind": r["kind"]}
                for r in result.one_way[: result.top]
            ],
            "None.",
        )
    )
    out.append(_heading(f"Stale links (last checked over {result.stale_months} months ago) and expired ones"))
    out.append(
        _table(
            [
                {
                    "link": r["link"],
                    "between": f"{label(m, r['source'])} – {label(m, r['target'])}",
                    "problem": f"last checked {r['last_checked']}",
                }
                for r in result.stale
            ]
            + [
                {
                    "link": r["link"],
                    "between": f"{label(m, r['source'])} – {label(m, r['target'])}",
                    "problem": f"until {r['until']} has passed",
                }
                for r in result.expired
            ],
            "None.",
        )
    )
    out.append(_heading("Communities"))
    out.append(
        _table(
            [
                {
                    "group": label(m, c["lead"]),
                    "size": len(c["members"]),
                    "members": ", ".join(label(m, o) for o in c["members"][:12])
                    + (" …" if len(c["members"]) > 12 else ""),
                }
                for c in result.communities
                if len(c["members"]) > 1
            ],
            "No groups.",
        )
    )
    out.append(_heading("Data quality"))
    out.append(_table([{"issue": q["issue"], "count": q["count"]} for q in result.quality], "No gaps found."))
    if result.what_if:
        w = result.what_if
        out.append(_heading("What if " + ", ".join(label(m, o) for o in w["removed"]) + " dropped out"))
        out.append(f"cut off: {', '.join(label(m, o) for o in w['cut_off']) or 'nobody'}\n")
        out.append(f"sector connections lost: {', '.join(' – '.join(p) for p in w['sector_pairs_lost']) or 'none'}\n")
        stage_pairs = [" – ".join(stage_names.get(x, x) for x in p) for p in w["stage_pairs_lost"]]
        out.append(f"stage connections lost: {', '.join(stage_pairs) or 'none'}\n")
        for key in (
            "organisations",
            "current_links",
            "components",
            "largest_component",
            "average_path_length",
            "density",
        ):
            out.append(f"{key.replace('_', ' '):<22} {w['before'][key]} → {w['after'][key]}\n")
    return "".join(out)
