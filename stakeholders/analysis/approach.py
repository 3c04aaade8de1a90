"""The approach: which stages have owners, which hand-overs work, what cooperation is missing.

These functions read the whole :class:`~stakeholders.model.StakeholderMap`
(its stages, with their expected hand-overs, and its graph). Like
:mod:`stakeholders.analysis.network` they count **current** links (``active`` by
default) and return data: plain lists and DataFrames, no prose.

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

import heapq
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..model import StakeholderMap
from .barriers import barrier_pairs
from .network import current_links, pair_graph

__all__ = ["handovers", "missing_cooperation", "stage_coverage", "stage_members"]


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


def _pair_reasons(
    members: dict[str, list[str]], expected: list[tuple[str, str]]
) -> tuple[dict[str, int], dict[tuple[int, int], tuple[list[str], list[tuple[str, str]]]]]:
    """Group organisations by the set of stages they act on; for each two groups, the stages both
    act on and the hand-overs a pair from them could carry. Organisations with the same stages make
    the same kind of pair, so the work grows with the number of groups, not of pairs."""
    stages_of: dict[str, set[str]] = {}
    for stage, orgs in members.items():
        for org in orgs:
            stages_of.setdefault(org, set()).add(stage)
    kinds = sorted({frozenset(stages) for stages in stages_of.values()}, key=sorted)
    group = {org: kinds.index(frozenset(stages)) for org, stages in stages_of.items()}
    order = list(members)
    why = {}
    for p, first in enumerate(kinds):
        for q in range(p, len(kinds)):
            second = kinds[q]
            shared = [stage for stage in order if stage in first and stage in second]
            carried = [
                (start, end)
                for start, end in expected
                if (start in first and end in second) or (start in second and end in first)
            ]
            if shared or carried:
                why[p, q] = (shared, carried)
    return group, why


def _pairs_in_order(first: list[int], second: list[int] | None) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of one sorted group with itself (``second`` None) or with another, in order."""
    if second is None:
        for position, i in enumerate(first):
            for j in first[position + 1 :]:
                yield i, j
        return
    side = dict.fromkeys(first, second) | dict.fromkeys(second, first)
    for i in sorted(side):
        partners = side[i]
        for j in partners[bisect_right(partners, i) :]:
            yield i, j


def _ranked_pairs(
    U: nx.Graph, group: dict[str, int], worth: dict[tuple[int, int], int], excluded: set[int], top: int | None
) -> tuple[list[tuple[int, int, int]], int]:
    """The best ``top`` (all when None) unlinked candidate pairs as (-score × 2, i, j), and how many there are.

    Nodes are numbered in sorted id order, so (i, j) order is id order. Pairs with partners in common
    come from the sparse square of the adjacency matrix, one block of rows at a time; pairs without
    are walked group by group, best first, only as far as they can still make the top.
    """
    nodes = list(U.nodes)
    n = len(nodes)
    if n == 0:
        return [], 0
    index = {node: i for i, node in enumerate(nodes)}
    kinds = 1 + max(group.values(), default=-1)
    of = np.full(n, kinds, dtype=np.int64)  # kinds = no stage at all
    for org, g in group.items():
        of[index[org]] = g
    value = np.zeros((kinds + 1, kinds + 1), dtype=np.int64)
    for (p, q), points in worth.items():
        value[p, q] = value[q, p] = points
    blocked = np.array(sorted(excluded), dtype=np.int64)
    adjacency = nx.to_scipy_sparse_array(U, nodelist=nodes, weight=None, format="csr")
    keep = n * n if top is None else top
    best: list[tuple[int, int, int]] = []
    for begin in range(0, n, 500):
        common = (adjacency[begin : begin + 500] @ adjacency).tocoo()
        i, j, shared = common.row.astype(np.int64) + begin, common.col.astype(np.int64), common.data.astype(np.int64)
        points = value[of[i], of[j]]
        fit = (j > i) & (points > 0) & ~np.isin(i * n + j, blocked)
        i, j, score = i[fit], j[fit], points[fit] + shared[fit]
        order = np.lexsort((j, i, -score))[:keep]
        best = sorted(best + list(zip((-score[order]).tolist(), i[order].tolist(), j[order].tolist(), strict=True)))
        best = best[:keep]
    members: dict[int, list[int]] = {}
    for position, g in enumerate(of.tolist()):
        members.setdefault(g, []).append(position)
    total = -len([code for code in excluded if value[of[code // n], of[code % n]] > 0])
    for p, q in worth:
        size = len(members.get(p, ()))
        total += size * (size - 1) // 2 if p == q else size * len(members.get(q, ()))
    threshold = best[keep - 1] if len(best) >= keep else None
    alone: list[tuple[int, int, int]] = []
    neighbours = [set(U._adj[node]) for node in nodes]
    for points in sorted(set(worth.values()), reverse=True):
        if threshold and -points > threshold[0] or len(alone) >= keep:
            break
        walks = [
            _pairs_in_order(members.get(p, []), None if p == q else members.get(q, []))
            for (p, q), w in worth.items()
            if w == points
        ]
        for i, j in heapq.merge(*walks):
            if threshold and (-points, i, j) > threshold or len(alone) >= keep:
                break
            if i * n + j in excluded or not neighbours[i].isdisjoint(neighbours[j]):
                continue
            alone.append((-points, i, j))
    return sorted(best + alone)[:keep], total


def missing_cooperation(
    m: StakeholderMap, *, statuses: Iterable[str] = ("active",), top: int | None = 20
) -> tuple[list[dict[str, Any]], int]:
    """Pairs of organisations that would be expected to cooperate but have no current link, best first.

    A pair is a candidate when both act on the same stage, or one acts at
    each end of an expected hand-over, or a barrier in place or planned needs
    both (two of its owners, or an owner and a partner:
    :func:`~stakeholders.analysis.barriers.barrier_pairs`), and no current or
    planned link joins them. The score adds three per such barrier, one per
    shared stage, two per hand-over they would carry and a half per partner in
    common. Each entry: ``a`` and ``b`` (ids), ``score``, and why: ``shared``
    (stages both act on), ``handovers`` (the expected hand-overs, as (from,
    to), the pair could carry), ``barriers`` (the barriers that need them,
    each ``barrier``, ``phases`` and ``both_own``), ``common_partners`` (ids)
    and ``lapsed`` (whether a lapsed link joined them). Returns the best
    ``top`` pairs (all when None) and how many there are in all. Ties go to
    the pair whose ids come first.
    """
    members = stage_members(m)
    expected = list(
        dict.fromkeys(
            (start, end) for start, ends in zip(m.stages["id"], m.stages["hands_over_to"], strict=True) for end in ends
        )
    )
    U = pair_graph(current_links(m.graph, statuses))
    nodes = list(U.nodes)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    group, why = _pair_reasons(members, expected)
    worth = {pair: 2 * len(shared) + 4 * len(carried) for pair, (shared, carried) in why.items()}
    excluded = {min(index[u], index[v]) * n + max(index[u], index[v]) for u, v in U.edges()}
    excluded |= {
        min(index[u], index[v]) * n + max(index[u], index[v])
        for u, v, d in m.graph.edges(data=True)
        if d.get("status") == "planned" and u != v
    }
    # pairs a barrier needs are few: scored here in full, and kept out of the ranking of the rest
    leads = {
        index[a] * n + index[b]: (a, b, needed)
        for (a, b), needed in barrier_pairs(m, statuses=statuses).items()
        if index[a] * n + index[b] not in excluded
    }
    ranked, total = _ranked_pairs(U, group, worth, excluded | set(leads), None if top is None else top + len(leads))
    pairs: list[tuple[str, str, list[dict[str, Any]]]] = [(nodes[i], nodes[j], []) for _, i, j in ranked]
    pairs += leads.values()
    found: list[dict[str, Any]] = []
    for a, b, needed in pairs:
        kinds = (min(group[a], group[b]), max(group[a], group[b])) if a in group and b in group else None
        shared, carried = why.get(kinds, ([], [])) if kinds else ([], [])
        common = sorted(set(U.neighbors(a)) & set(U.neighbors(b)))
        links = [*(m.graph.get_edge_data(a, b) or {}).values(), *(m.graph.get_edge_data(b, a) or {}).values()]
        lapsed = any(d.get("status") == "lapsed" for d in links)
        found.append(
            {
                "a": a,
                "b": b,
                "score": 3 * len(needed) + len(shared) + 2 * len(carried) + 0.5 * len(common),
                "shared": shared,
                "handovers": carried,
                "barriers": needed,
                "common_partners": common,
                "lapsed": lapsed,
            }
        )
    found.sort(key=lambda row: (-row["score"], index[row["a"]], index[row["b"]]))
    return (found if top is None else found[:top]), total + len(leads)
