"""Net-Map's debrief as data: who to engage, enlist or strengthen, and who spans the sectors.

Net-Map (Eva Schiffer) asks, of every organisation, how much it can affect
the map's ``goal`` (its ``influence``, a whole number from 0 to 10) and where
it stands towards it (its ``stance``: supports, neutral, opposes or mixed).
:func:`influence_stance` sorts the scored organisations into what to do
about them, with fixed thresholds:

- **influential**: influence of at least :data:`INFLUENTIAL` (7);
- **little influence**: influence of at most :data:`LITTLE_INFLUENCE` (3);
- **well connected**: in the top quartile of partners (distinct organisations
  joined by a current link): at least as many partners as the organisation
  ranked at a quarter of the list (rounded up), and at least one.

An influential opponent is one to **engage**, an influential supporter one to
**enlist**, an influential neutral or mixed organisation one to **win over**,
and a well-connected organisation with little influence one to
**strengthen**. :func:`boundary_spanners` ranks the organisations that join
sectors: the other sectors their partners are in (at least
:data:`SPANS_AT_LEAST`), and the share of their current links that cross to
another sector.

>>> import networkx as nx, pandas as pd
>>> orgs = pd.DataFrame({"id": ["a", "b", "c"], "influence": pd.array([9, 2, None], dtype="Int64"),
...                      "stance": ["opposes", "supports", ""], "sector": ["police", "care", "ngo"]})
>>> [(row["id"], row["action"]) for row in influence_stance(orgs, {"a": 1, "b": 2, "c": 2})]
[('a', 'engage'), ('b', 'strengthen')]
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd

from .network import current_links

__all__ = [
    "ACTIONS",
    "INFLUENTIAL",
    "LITTLE_INFLUENCE",
    "SPANS_AT_LEAST",
    "boundary_spanners",
    "influence_stance",
    "scored",
    "well_connected_from",
]

INFLUENTIAL = 7
"""An influence of at least this is influential."""
LITTLE_INFLUENCE = 3
"""An influence of at most this is little."""
SPANS_AT_LEAST = 2
"""A boundary spanner's partners are in at least this many sectors other than its own."""
ACTIONS = ("engage", "enlist", "win-over", "strengthen")
"""What to do about an organisation, in the order the table lists them."""


def _influence(value: Any) -> int | None:
    return None if value is None or value is pd.NA or value != value else int(value)


def scored(organisations: pd.DataFrame) -> tuple[dict[str, int], dict[str, str]]:
    """Each organisation's influence and stance, for those that have one (empty without the columns).

    >>> scored(pd.DataFrame({"id": ["a"], "name": ["A"]}))
    ({}, {})
    """
    influence: dict[str, int] = {}
    stance: dict[str, str] = {}
    if "influence" in organisations:
        for org, value in zip(organisations["id"], organisations["influence"], strict=True):
            if (number := _influence(value)) is not None:
                influence[org] = number
    if "stance" in organisations:
        stance = {org: value for org, value in zip(organisations["id"], organisations["stance"], strict=True) if value}
    return influence, stance


def well_connected_from(partners: Iterable[int]) -> int:
    """The fewest partners a well-connected organisation has: the top quartile by nearest rank (at least 1).

    >>> well_connected_from([5, 4, 3, 2, 1, 0, 0, 0])
    4
    """
    ranked = sorted(partners, reverse=True)
    if not ranked:
        return 1
    return max(ranked[math.ceil(len(ranked) / 4) - 1], 1)


def _action(influence: int | None, stance: str, connected: bool) -> str:
    if influence is not None and influence >= INFLUENTIAL:
        return {"opposes": "engage", "supports": "enlist"}.get(stance, "win-over" if stance else "")
    if influence is not None and influence <= LITTLE_INFLUENCE and connected:
        return "strengthen"
    return ""


def influence_stance(organisations: pd.DataFrame, partners: dict[str, int]) -> list[dict[str, Any]]:
    """The organisations to act on, by :data:`ACTIONS` then influence (highest first) then id.

    ``partners`` holds each organisation's number of partners. Each row: ``id``,
    ``influence`` (None when not scored), ``stance`` ("" when not given),
    ``partners``, ``well_connected`` and ``action``. An influential
    organisation without a stance is in no group; nor is one without an influence.
    """
    influence, stance = scored(organisations)
    threshold = well_connected_from(partners.values())
    rows = []
    for org in organisations["id"]:
        count = int(partners.get(org, 0))
        connected = count >= threshold
        action = _action(influence.get(org), stance.get(org, ""), connected)
        if action:
            rows.append(
                {
                    "id": org,
                    "influence": influence.get(org),
                    "stance": stance.get(org, ""),
                    "partners": count,
                    "well_connected": connected,
                    "action": action,
                }
            )
    return sorted(rows, key=lambda r: (ACTIONS.index(r["action"]), -(r["influence"] or 0), r["id"]))


def boundary_spanners(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Organisations whose current partners are in :data:`SPANS_AT_LEAST` or more sectors other than their own.

    Each row: ``id``, ``sector``, ``other_sectors`` (ids, sorted), ``links``
    (current links to partners with a sector), ``cross_links`` (of those, to
    another sector) and ``share`` (their ratio, 0 to 1). An organisation
    without a sector spans nothing. Ranked by other sectors, then share,
    then id.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("p", {"sector": "police"}), ("j", {"sector": "justice"}), ("c", {"sector": "care"})])
    >>> G.add_edge("p", "j", status="active"); G.add_edge("p", "c", status="active")
    0
    0
    >>> [(r["id"], r["other_sectors"], r["share"]) for r in boundary_spanners(G)]
    [('p', ['care', 'justice'], 1.0)]
    """
    H = current_links(G, statuses)
    sector = {node: H.nodes[node].get("sector") or "" for node in H.nodes}
    links: dict[str, int] = dict.fromkeys(H.nodes, 0)
    cross: dict[str, int] = dict.fromkeys(H.nodes, 0)
    reached: dict[str, set[str]] = {node: set() for node in H.nodes}
    for u, v in H.edges():
        if u == v:
            continue
        for node, other in ((u, v), (v, u)):
            if not sector[node] or not sector[other]:
                continue
            links[node] += 1
            if sector[other] != sector[node]:
                cross[node] += 1
                reached[node].add(sector[other])
    rows = [
        {
            "id": node,
            "sector": sector[node],
            "other_sectors": sorted(reached[node]),
            "links": links[node],
            "cross_links": cross[node],
            "share": round(cross[node] / links[node], 4) if links[node] else 0.0,
        }
        for node in H.nodes
        if len(reached[node]) >= SPANS_AT_LEAST
    ]
    return sorted(rows, key=lambda r: (-len(r["other_sectors"]), -r["share"], r["id"]))
