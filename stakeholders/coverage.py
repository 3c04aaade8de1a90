"""Coverage of the approach: which stages have owners, which hand-overs work, what cooperation is missing.

These functions read the whole :class:`~stakeholders.model.StakeholderMap`
(its stages, with their expected hand-overs, and its graph). Like
:mod:`stakeholders.analysis` they count **current** links (``active`` by
default) and return plain lists and DataFrames.

A hand-over from stage A to stage B is covered by a link that carries
something from an organisation acting on A to a different organisation acting
on B: a directed link from the A side to the B side, or a mutual or undirected
link between them. No such link is a **gap**; exactly one is **fragile**.

>>> import stakeholders
>>> m = stakeholders.load_map(stakeholders.example_path())
>>> [h["status"] for h in handovers(m) if (h["from"], h["to"]) == ("removal", "investigation")]
['covered']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import combinations
from typing import Any

import pandas as pd

from .analysis import current_links, skeleton
from .model import StakeholderMap

__all__ = [
    "RECIPROCAL_KINDS",
    "data_quality",
    "expired_links",
    "handovers",
    "missing_cooperation",
    "one_way_links",
    "stage_coverage",
    "stage_members",
    "stale_links",
]

RECIPROCAL_KINDS = ("information-sharing", "joint-operation", "agreement", "research", "policy-consultation")
"""Kinds of cooperation that are expected to run both ways."""


def stage_members(m: StakeholderMap) -> dict[str, list[str]]:
    """Stage id → the organisations acting on it, in stage order."""
    members: dict[str, list[str]] = {stage: [] for stage in m.stages["id"]}
    for org, stages in zip(m.organisations["id"], m.organisations["stages"], strict=True):
        for stage in stages:
            members.setdefault(stage, []).append(org)
    return members


def stage_coverage(m: StakeholderMap) -> pd.DataFrame:
    """Stages × organisations: True where the organisation acts on the stage."""
    members = stage_members(m)
    matrix = pd.DataFrame(False, index=list(members), columns=list(m.organisations["id"]))
    for stage, orgs in members.items():
        matrix.loc[stage, orgs] = True
    return matrix


def _carries(data: dict[str, Any], source: str, target: str, start: str, end: str) -> bool:
    """Does a link from ``source`` to ``target`` carry something from ``start`` to ``end``?"""
    if data.get("direction") in ("mutual", "undirected"):
        return {source, target} == {start, end}
    return (source, target) == (start, end)


def handovers(m: StakeholderMap, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Every expected hand-over between stages with the links that carry it.

    Each entry: ``from``, ``to`` (stage ids), ``links`` (current link ids that
    carry it), ``planned`` (planned links that would), ``status`` (``gap``,
    ``fragile`` or ``covered``) and ``within`` (organisations acting on both
    stages, which may hand over internally).
    """
    members = {stage: set(orgs) for stage, orgs in stage_members(m).items()}
    wanted = set(statuses)
    found = []
    for start, ends in zip(m.stages["id"], m.stages["hands_over_to"], strict=True):
        for end in ends:
            carrying: list[str] = []
            planned: list[str] = []
            for u, v, key, data in m.graph.edges(keys=True, data=True):
                if u == v:
                    continue
                fits = any(
                    _carries(data, u, v, a, b)
                    for a, b in ((u, v), (v, u))
                    if a in members.get(start, ()) and b in members.get(end, ())
                )
                if not fits:
                    continue
                if data.get("status", "active") in wanted:
                    carrying.append(key)
                elif data.get("status") == "planned":
                    planned.append(key)
            carrying.sort()
            planned.sort()
            status = "gap" if not carrying else "fragile" if len(carrying) == 1 else "covered"
            within = sorted(members.get(start, set()) & members.get(end, set()))
            found.append(
                {"from": start, "to": end, "links": carrying, "planned": planned, "status": status, "within": within}
            )
    return found


def missing_cooperation(
    m: StakeholderMap, *, statuses: Iterable[str] = ("active",), top: int | None = 20
) -> list[dict[str, Any]]:
    """Pairs of organisations that would be expected to cooperate but have no current link, best first.

    A pair is a candidate when both act on the same stage, or one acts at
    each end of an expected hand-over. The score adds one per shared stage,
    two per hand-over they would carry and a half per partner in common;
    ``reasons`` says why in words.
    """
    members = stage_members(m)
    names = dict(zip(m.stages["id"], m.stages["name"], strict=True))
    H = current_links(m.graph, statuses)
    U = skeleton(H)
    planned = {frozenset((u, v)) for u, v, d in m.graph.edges(data=True) if d.get("status") == "planned"}
    candidates: dict[frozenset[str], dict[str, Any]] = {}

    def candidate(a: str, b: str) -> dict[str, Any]:
        return candidates.setdefault(frozenset((a, b)), {"shared": [], "handovers": []})

    for stage, orgs in members.items():
        for a, b in combinations(orgs, 2):
            candidate(a, b)["shared"].append(stage)
    for start, ends in zip(m.stages["id"], m.stages["hands_over_to"], strict=True):
        for end in ends:
            for a in members.get(start, []):
                for b in members.get(end, []):
                    if a != b:
                        candidate(a, b)["handovers"].append((start, end))
    found = []
    for pair, why in candidates.items():
        if U.has_edge(*pair) or pair in planned or len(pair) < 2:
            continue
        a, b = sorted(pair)
        common = sorted(set(U.neighbors(a)) & set(U.neighbors(b)))
        reasons = []
        if why["shared"]:
            reasons.append("both act on " + ", ".join(names.get(s, s) for s in why["shared"]))
        carried = list(dict.fromkeys(why["handovers"]))
        if carried:
            reasons.append(
                f"could carry the hand-over{'s' if len(carried) > 1 else ''} "
                + ", ".join(f"{names.get(start, start)} → {names.get(end, end)}" for start, end in carried)
            )
        if common:
            reasons.append(f"{len(common)} partner{'s' if len(common) != 1 else ''} in common")
        lapsed = any(d.get("status") == "lapsed" for d in (m.graph.get_edge_data(a, b) or {}).values()) or any(
            d.get("status") == "lapsed" for d in (m.graph.get_edge_data(b, a) or {}).values()
        )
        if lapsed:
            reasons.append("cooperated before (a lapsed link)")
        score = len(why["shared"]) + 2 * len(carried) + 0.5 * len(common)
        found.append(
            {
                "a": a,
                "b": b,
                "score": score,
                "shared": why["shared"],
                "handovers": carried,
                "common_partners": common,
                "lapsed": lapsed,
                "reasons": reasons,
            }
        )
    found.sort(key=lambda row: (-row["score"], row["a"], row["b"]))
    return found if top is None else found[:top]


def one_way_links(m: StakeholderMap, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Directed links of a kind expected both ways (:data:`RECIPROCAL_KINDS`) with nothing coming back."""
    H = current_links(m.graph, statuses)
    found = []
    for u, v, key, data in H.edges(keys=True, data=True):
        if data.get("direction", "directed") != "directed" or data.get("kind") not in RECIPROCAL_KINDS:
            continue
        back = [d for d in (H.get_edge_data(v, u) or {}).values()]
        both_ways = [
            d for d in (H.get_edge_data(u, v) or {}).values() if d.get("direction") in ("mutual", "undirected")
        ]
        if not back and not both_ways:
            found.append({"link": key, "source": u, "target": v, "kind": data.get("kind")})
    return sorted(found, key=lambda row: row["link"])


def _months_before(day: date, months: int) -> str:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return f"{year:04d}-{month + 1:02d}-{min(day.day, 28):02d}"


def stale_links(m: StakeholderMap, *, months: int = 12, today: date | None = None) -> list[dict[str, Any]]:
    """Current links last checked more than ``months`` ago (links never checked are in :func:`data_quality`)."""
    limit = _months_before(today or date.today(), months)
    found = []
    for link in m.links.to_dict("records"):
        checked = link.get("last_checked") or ""
        if checked and link.get("status") != "lapsed" and checked.ljust(10, "~") < limit:
            found.append(
                {"link": link["id"], "source": link["source"], "target": link["target"], "last_checked": checked}
            )
    return found


def expired_links(m: StakeholderMap, *, today: date | None = None) -> list[dict[str, Any]]:
    """Links still marked active (or planned) whose ``until`` date has passed: agreements to renew or close."""
    day = (today or date.today()).isoformat()
    found = []
    for link in m.links.to_dict("records"):
        until = link.get("until") or ""
        # "until 2024" runs to the end of 2024: compare at the precision given
        if until and link.get("status") != "lapsed" and until < day[: len(until)]:
            found.append(
                {
                    "link": link["id"],
                    "source": link["source"],
                    "target": link["target"],
                    "kind": link.get("kind") or "",
                    "until": until,
                }
            )
    return found


def data_quality(m: StakeholderMap) -> list[dict[str, Any]]:
    """Gaps in the data itself, as ``{"id", "issue", "count", "items"}`` (item ids), only where count > 0."""
    orgs, links = m.organisations, m.links
    checks = [
        ("no-source", "links without a source reference", links.loc[links["source_ref"] == "", "id"]),
        (
            "unverified",
            "links marked unverified or inferred",
            links.loc[links["evidence"].isin(["unverified", "inferred"]), "id"],
        ),
        ("never-checked", "links never checked (no last_checked date)", links.loc[links["last_checked"] == "", "id"]),
        ("no-sector", "organisations without a sector", orgs.loc[orgs["sector"] == "", "id"]),
        ("no-level", "organisations without a level", orgs.loc[orgs["level"] == "", "id"]),
        ("no-stages", "organisations without stages", orgs.loc[orgs["stages"].map(len) == 0, "id"]),
        ("no-description", "organisations without a description", orgs.loc[orgs["description"] == "", "id"]),
    ]
    return [
        {"id": key, "issue": issue, "count": len(items), "items": list(items)}
        for key, issue, items in checks
        if len(items)
    ]
