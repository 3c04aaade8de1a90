"""The barrier model: which phases of the offending process are held, by whom, and where cooperation is missing.

These functions read the map's ``script`` (the phases, in order) and
``barriers`` and, for cooperation, its **current** links (``active`` by
default), and return data: plain lists and dicts, ids not names, no prose.

A phase is **held** by the barriers *in place* at it. A phase with none is
**open**; one held by a single barrier, or by barriers whose owners all come
from one sector, hangs on little. A barrier's organisations are its owners
and partners; two of them that the barrier needs together (two owners, or an
owner and a partner) and that no current link joins are the strongest lead for
missing cooperation (:func:`barrier_pairs`, used by
:func:`stakeholders.analysis.missing_cooperation`).

>>> import stakeholders
>>> m = stakeholders.load_map(stakeholders.example_path())
>>> [p["phase"] for p in phase_cover(m)]
['preparation', 'entry', 'activity', 'post-activity']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import StakeholderMap
from .network import current_links, pair_graph

__all__ = [
    "HELD",
    "barrier_findings",
    "barrier_pairs",
    "barriers_by_organisation",
    "barriers_without",
    "phase_cover",
]

HELD = ("open", "one-barrier", "one-sector", "held")
"""How a phase is held, worst first: no barrier in place; one; several, all raised by one sector; more."""


def _barriers(m: StakeholderMap) -> list[dict[str, Any]]:
    return m.records("barriers")


def _in_place(barrier: dict[str, Any]) -> bool:
    return (barrier.get("status") or "in-place") == "in-place"


def _sector_order(m: StakeholderMap, sectors: Iterable[str]) -> list[str]:
    order = {sector: index for index, sector in enumerate(m.settings.sectors.ids)}
    return sorted(set(sectors), key=lambda s: (order.get(s, len(order)), s))


def phase_cover(m: StakeholderMap) -> list[dict[str, Any]]:
    """Every phase of the script, in order, with the barriers at it and how well it is held.

    Each entry: ``phase`` (id), ``in_place``, ``planned``, ``proposed`` and
    ``lapsed`` (barrier ids by status), ``owners`` (the organisations raising
    its barriers in place), ``sectors`` (theirs, in the map's sector order; ""
    for an owner without a sector) and ``held``, one of :data:`HELD`. A barrier
    in place without an owner holds a phase, but gives it no sector.

    >>> import pandas as pd
    >>> from stakeholders.model import MapSettings
    >>> orgs = pd.DataFrame({"id": ["a", "b"], "sector": ["police", "police"]})
    >>> script = pd.DataFrame({"id": ["p1", "p2"], "name": ["One", "Two"]})
    >>> barriers = pd.DataFrame({"id": ["x", "y"], "phase": [["p1"], ["p1"]], "owners": [["a"], ["b"]],
    ...                          "partners": [[], []], "status": ["in-place", "in-place"]})
    >>> m = StakeholderMap(orgs, pd.DataFrame(), pd.DataFrame(), MapSettings(), script=script, barriers=barriers)
    >>> [(p["phase"], p["in_place"], p["held"]) for p in phase_cover(m)]
    [('p1', ['x', 'y'], 'one-sector'), ('p2', [], 'open')]
    """
    sector_of = dict(
        zip(m.organisations["id"], m.organisations.get("sector", [""] * len(m.organisations)), strict=True)
    )
    found = {
        phase: {"phase": phase, "in_place": [], "planned": [], "proposed": [], "lapsed": [], "owners": []}
        for phase in m.script["id"]
    }
    for barrier in _barriers(m):
        status = barrier.get("status") or "in-place"
        for phase in barrier.get("phase") or []:
            if phase not in found:
                continue
            found[phase][status.replace("-", "_")].append(barrier["id"])
            if status == "in-place":
                owners = found[phase]["owners"]
                owners.extend(o for o in barrier.get("owners") or [] if o not in owners)
    for entry in found.values():
        entry["sectors"] = _sector_order(m, (sector_of.get(o) or "" for o in entry["owners"]))
        count = len(entry["in_place"])
        entry["held"] = (
            "open"
            if count == 0
            else "one-barrier"
            if count == 1
            else "one-sector"
            if len(entry["sectors"]) <= 1
            else "held"
        )
    return list(found.values())


def _needed_pairs(barrier: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """The pairs a barrier needs together: (a, b, both own it), a < b; owner–owner and owner–partner."""
    owners = list(dict.fromkeys(barrier.get("owners") or []))
    partners = [p for p in dict.fromkeys(barrier.get("partners") or []) if p not in owners]
    pairs = {}
    for i, a in enumerate(owners):
        for b in owners[i + 1 :]:
            pairs[min(a, b), max(a, b)] = True
        for b in partners:
            pairs.setdefault((min(a, b), max(a, b)), False)
    return [(a, b, both) for (a, b), both in sorted(pairs.items())]


def barrier_findings(m: StakeholderMap, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Every barrier (lapsed ones left out) with what the analysis finds about it, in the table's order.

    Each entry: ``id``, ``phase`` (phase ids), ``owners``, ``partners``,
    ``status``, ``technique``; ``no_owner`` and ``single_owner`` (True when it
    has no owner, or one); ``unlinked`` (the pairs it needs together, as
    (a, b), that no current link joins) and ``unjoined`` (True when it needs
    two organisations or more together and no current link joins any two).
    """
    if m.barriers.empty:  # a large map without barriers pays nothing for them
        return []
    U = pair_graph(current_links(m.graph, statuses))
    found = []
    for barrier in _barriers(m):
        if barrier.get("status") == "lapsed":
            continue
        pairs = _needed_pairs(barrier)
        unlinked = [(a, b) for a, b, _ in pairs if not U.has_edge(a, b)]
        owners = list(barrier.get("owners") or [])
        found.append(
            {
                "id": barrier["id"],
                "phase": list(barrier.get("phase") or []),
                "owners": owners,
                "partners": list(barrier.get("partners") or []),
                "status": barrier.get("status") or "in-place",
                "technique": barrier.get("technique") or "",
                "no_owner": not owners,
                "single_owner": len(owners) == 1,
                "unlinked": unlinked,
                "unjoined": bool(pairs) and len(unlinked) == len(pairs),
            }
        )
    return found


def barrier_pairs(
    m: StakeholderMap, *, statuses: Iterable[str] = ("active",)
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The pairs that barriers need together and no current link joins: (a, b), a < b → the barriers.

    Each barrier: ``barrier`` (id), ``phases`` (its phase ids) and ``both_own``
    (both raise it; otherwise one raises it and the other is its partner).
    Lapsed and proposed barriers are left out: a lead is a barrier in place or planned.

    >>> import pandas as pd
    >>> from stakeholders.model import MapSettings
    >>> orgs = pd.DataFrame({"id": ["a", "b", "c"]})
    >>> links = pd.DataFrame({"id": ["L1", "L2"], "source": ["a", "b"], "target": ["c", "c"]})
    >>> barriers = pd.DataFrame({"id": ["x"], "phase": [["p1"]], "owners": [["a", "b"]], "partners": [["c"]],
    ...                          "status": ["in-place"]})
    >>> m = StakeholderMap(orgs, links, pd.DataFrame(), MapSettings(), barriers=barriers)
    >>> barrier_pairs(m)
    {('a', 'b'): [{'barrier': 'x', 'phases': ['p1'], 'both_own': True}]}
    """
    if m.barriers.empty:
        return {}
    U = pair_graph(current_links(m.graph, statuses))
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for barrier in _barriers(m):
        if (barrier.get("status") or "in-place") not in ("in-place", "planned"):
            continue
        for a, b, both in _needed_pairs(barrier):
            if a in U and b in U and not U.has_edge(a, b):
                entry = {"barrier": barrier["id"], "phases": list(barrier.get("phase") or []), "both_own": both}
                found.setdefault((a, b), []).append(entry)
    return found


def barriers_by_organisation(m: StakeholderMap) -> list[dict[str, Any]]:
    """Every organisation that raises a barrier or is a partner in one, in the map's order.

    Each entry: ``id``; ``raises`` and ``partner_in`` (barrier ids, lapsed ones
    left out); ``phases`` (the phases it reaches: those of the barriers in place
    it raises, in script order).
    """
    barriers = [b for b in _barriers(m) if b.get("status") != "lapsed"]
    if not barriers:
        return []
    order = list(m.script["id"])
    found = []
    for org in m.organisations["id"]:
        raises = [b for b in barriers if org in (b.get("owners") or [])]
        partner_in = [b["id"] for b in barriers if org in (b.get("partners") or [])]
        if not raises and not partner_in:
            continue
        reached = {phase for b in raises if _in_place(b) for phase in b.get("phase") or []}
        found.append(
            {
                "id": org,
                "raises": [b["id"] for b in raises],
                "partner_in": partner_in,
                "phases": [phase for phase in order if phase in reached],
            }
        )
    return found


def barriers_without(m: StakeholderMap, organisations: Iterable[str]) -> dict[str, Any]:
    """What the barrier model loses when ``organisations`` (ids) drop out.

    ``fallen``: the barriers in place or planned whose every owner is among
    them; ``phases_lost``: the phases that had a barrier in place and have none
    left. A barrier without an owner never falls.
    """
    removed = set(organisations)
    fallen = [
        b["id"]
        for b in _barriers(m)
        if b.get("status") in ("in-place", "planned", None) and b.get("owners") and set(b["owners"]) <= removed
    ]
    gone = set(fallen)
    before = phase_cover(m)
    kept = {p["phase"]: [b for b in p["in_place"] if b not in gone] for p in before}
    lost = [p["phase"] for p in before if p["in_place"] and not kept[p["phase"]]]
    return {"fallen": fallen, "phases_lost": lost}
