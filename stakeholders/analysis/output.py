"""The results of :func:`~stakeholders.analysis.analyse` as text, JSON or CSV: what ``stakeholders analyse`` prints.

:mod:`stakeholders.pages.report` makes a meeting report of them.

>>> import stakeholders
>>> from datetime import date
>>> from stakeholders.analysis import analyse
>>> result = analyse(stakeholders.load_map(stakeholders.example_path()), today=date(2026, 11, 28))
>>> "Headline figures" in as_text(result).splitlines(), as_csv(result, "coverage").startswith("stage,")
(True, True)
"""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pandas as pd

from ..naming import org_labels, stage_names
from ..values import neutralise, raw_records
from ._run import Analysis

__all__ = ["CSV_TABLES", "as_csv", "as_json", "as_text", "missing_reasons"]


def missing_reasons(row: dict[str, Any], names: dict[str, str]) -> list[str]:
    """Why a pair is suggested as missing cooperation (a row of ``Analysis.missing``), in English.

    ``names`` are the stages' names by id.

    >>> row = {"shared": ["a"], "handovers": [("a", "b")], "common_partners": ["x"], "lapsed": True}
    >>> print("\\n".join(missing_reasons(row, {"a": "Investigation", "b": "Prosecution"})))
    both act on Investigation
    could carry the hand-over Investigation → Prosecution
    1 partner in common
    cooperated before (a lapsed link)
    """
    reasons = []
    shared, carried, common = row["shared"], row["handovers"], row["common_partners"]
    if shared:
        reasons.append("both act on " + ", ".join(names.get(s, s) for s in shared))
    if carried:
        reasons.append(
            f"could carry the hand-over{'s' if len(carried) > 1 else ''} "
            + ", ".join(f"{names.get(start, start)} → {names.get(end, end)}" for start, end in carried)
        )
    if common:
        reasons.append(f"{len(common)} partner{'s' if len(common) != 1 else ''} in common")
    if row["lapsed"]:
        reasons.append("cooperated before (a lapsed link)")
    return reasons


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
    names = stage_names(result.map)
    data["missing"] = [{**row, "reasons": missing_reasons(row, names)} for row in result.missing]
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
    names = stage_names(m)
    labels = org_labels(m)
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
                {"a": r["a"], "b": r["b"], "score": r["score"], "reasons": "; ".join(missing_reasons(r, names))}
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
                {"lead": c["lead"], "name": labels.get(c["lead"], c["lead"]), "members": "|".join(c["members"])}
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
    names = stage_names(m)
    labels = org_labels(m)

    def label(org: str) -> str:
        return labels.get(org, org)

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
    top = result.metrics.head(result.top)[columns].assign(name=lambda f: f["id"].map(label))
    out.append(_table(raw_records(top), "None: the map has no organisations."))
    out.append(_heading(_listed("Single points of failure", len(result.single_points), result.top, "organisations")))
    out.append(
        _table(
            [
                {"organisation": label(r["id"]), "cuts off": ", ".join(label(o) for o in r["cut_off"])}
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
                    "between": f"{label(r['source'])} – {label(r['target'])}",
                    "holds on": ", ".join(label(o) for o in r["holds_on"]),
                }
                for r in result.bridges[: result.top]
            ],
            "None.",
        )
    )
    if result.cut_off_groups:
        out.append(_heading("Organisations without a current link to the rest"))
        out.append("\n".join(", ".join(label(o) for o in group) for group in result.cut_off_groups) + "\n")
    out.append(_heading("Coverage of the approach"))
    counts = result.coverage.sum(axis=1)
    out.append(
        _table(
            [
                {
                    "stage": names.get(str(stage), str(stage)),
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
                    "from": names.get(h["from"], h["from"]),
                    "to": names.get(h["to"], h["to"]),
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
                    "between": f"{label(r['a'])} – {label(r['b'])}",
                    "score": r["score"],
                    "why": "; ".join(missing_reasons(r, names)),
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
                {"link": r["link"], "from": label(r["source"]), "to": label(r["target"]), "kind": r["kind"]}
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
                    "between": f"{label(r['source'])} – {label(r['target'])}",
                    "problem": f"last checked {r['last_checked']}",
                }
                for r in result.stale
            ]
            + [
                {
                    "link": r["link"],
                    "between": f"{label(r['source'])} – {label(r['target'])}",
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
                    "group": label(c["lead"]),
                    "size": len(c["members"]),
                    "members": ", ".join(label(o) for o in c["members"][:12])
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
        out.append(_heading("What if " + ", ".join(label(o) for o in w["removed"]) + " dropped out"))
        out.append(f"cut off: {', '.join(label(o) for o in w['cut_off']) or 'nobody'}\n")
        out.append(f"sector connections lost: {', '.join(' – '.join(p) for p in w['sector_pairs_lost']) or 'none'}\n")
        stage_pairs = [" – ".join(names.get(x, x) for x in p) for p in w["stage_pairs_lost"]]
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
