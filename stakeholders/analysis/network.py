"""Network measures of a cooperation map: who holds it together, and what breaks without whom.

Functions in the networkx style: the graph comes first, options are keywords,
nothing is changed, results are plain dicts, lists or DataFrames. They read
the map's :class:`networkx.MultiDiGraph` (from :func:`stakeholders.load_map`)
and look only at **current cooperation**: links whose status is in
``statuses`` (``active`` by default; add ``planned`` to see the map as
planned). Structure (brokers, single points of failure, paths) is measured on
the pair graph (:func:`pair_graph`): one undirected tie per pair of organisations that cooperate.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edges_from([("a", "b"), ("b", "c"), ("c", "d")], status="active")
>>> [row["id"] for row in single_points_of_failure(G)]
['b', 'c']
>>> single_points_of_failure(G)[0]["cut_off"]
['a']
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import UnknownOrganisation
from ..graph import flow_graph

__all__ = [
    "APPROXIMATE_ABOVE",
    "BETWEENNESS_SAMPLE",
    "SEED",
    "betweenness",
    "bridge_links",
    "communities",
    "current_links",
    "isolated_and_small",
    "links_by_kind",
    "mixing_matrix",
    "organisation_metrics",
    "pair_graph",
    "single_points_of_failure",
    "summary",
    "without",
]

APPROXIMATE_ABOVE = 2000
"""Above this many organisations, betweenness is estimated from a sample of sources."""

BETWEENNESS_SAMPLE = 500
"""How many source organisations the betweenness estimate samples."""

SEED = 42
"""Seed for every randomised algorithm (sampling, Louvain), so results repeat."""


def current_links(G: nx.MultiDiGraph, statuses: Iterable[str] = ("active",)) -> nx.MultiDiGraph:
    """The map with only the links whose status is in ``statuses`` (every organisation stays).

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", status="active"); G.add_edge("a", "b", status="lapsed")
    0
    1
    >>> current_links(G).number_of_edges()
    1
    """
    wanted = set(statuses)
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(
        (u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if d.get("status", "active") in wanted
    )
    return H


def pair_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """One undirected tie per cooperating pair, ``weight`` = how many links join them; nodes sorted by id."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes))
    ties = Counter((u, v) if u < v else (v, u) for u, v in G.edges() if u != v)
    U.add_edges_from((u, v, {"weight": count}) for (u, v), count in ties.items())
    return U


def _as_igraph(nodes: list[str], edges: Iterable[tuple[str, str]]) -> Any:
    """An undirected igraph graph (fast shortest paths in C) on ``nodes``, numbered in that order."""
    import igraph

    index = {node: i for i, node in enumerate(nodes)}
    return igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in edges])


def _distances(U: nx.Graph) -> tuple[dict[str, float], float]:
    """Exact closeness of every node and the average path length of the largest part (one BFS per node, in C).

    Closeness is networkx's (Wasserman-Faust: scaled by the share of the map a
    node can reach), so isolated organisations score 0. The last answers are
    remembered: the summary and the metrics ask for the same graph.
    """
    closeness, average = _distances_of(tuple(U.nodes), tuple(U.edges()))
    return dict(closeness), average


@lru_cache(maxsize=2)
def _distances_of(nodes: tuple[str, ...], edges: tuple[tuple[str, str], ...]) -> tuple[dict[str, float], float]:
    n = len(nodes)
    if n < 2:
        return dict.fromkeys(nodes, 0.0), 0.0
    g = _as_igraph(list(nodes), edges)
    inverse_mean = np.nan_to_num(np.array(g.closeness(normalized=True), dtype=float))  # reached / total distance
    parts = g.components()
    sizes = np.array(parts.sizes(), dtype=float)
    reached = sizes[parts.membership] - 1  # organisations each one can reach
    closeness = inverse_mean * reached / (n - 1)
    biggest = [part for part in parts if len(part) == sizes.max()]
    members = np.array(min(biggest, key=lambda part: min(nodes[i] for i in part)))  # as _largest breaks ties
    total = float((reached[members] / inverse_mean[members]).sum()) if len(members) > 1 else 0.0
    pairs = len(members) * (len(members) - 1)
    return dict(zip(nodes, closeness.tolist(), strict=True)), (total / pairs if pairs else 0.0)


def _largest(U: nx.Graph) -> set[str]:
    """The largest connected part (ties broken by the smallest id); empty for an empty graph."""
    parts = sorted(nx.connected_components(U), key=min)
    return max(parts, key=len) if parts else set()


def betweenness(U: nx.Graph, *, k: int | None = None, seed: int = SEED) -> dict[str, float]:
    """Normalised betweenness of every node of the undirected graph ``U``, exact or estimated from ``k`` sources.

    The same figures as :func:`networkx.betweenness_centrality` (with the
    same ``k`` and ``seed`` it samples the same sources), computed by igraph:
    seconds instead of minutes on thousands of organisations.

    >>> betweenness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    n = U.number_of_nodes()
    if n < 3:
        return dict.fromkeys(U.nodes, 0.0)
    nodes = list(U.nodes)
    g = _as_igraph(nodes, U.edges())
    if k is None or k >= n:
        raw = g.betweenness(directed=False)  # each unordered pair once
        return {node: 2 * value / ((n - 1) * (n - 2)) for node, value in zip(nodes, raw, strict=True)}
    sources = random.Random(seed).sample(nodes, k)  # networkx's choice for the same k and seed
    sampled = set(sources)
    index = {node: i for i, node in enumerate(nodes)}
    raw = g.betweenness(directed=False, sources=[index[node] for node in sources])
    # paths from each sampled source, scaled as networkx scales them (a source is never its own end)
    return {
        node: 2 * value / ((k - 1 if node in sampled else k) * (n - 2)) for node, value in zip(nodes, raw, strict=True)
    }


def _betweenness(U: nx.Graph, seed: int) -> tuple[dict[str, float], bool]:
    if U.number_of_nodes() > APPROXIMATE_ABOVE:
        return betweenness(U, k=BETWEENNESS_SAMPLE, seed=seed), True
    return betweenness(U), False


def organisation_metrics(
    G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",), seed: int = SEED
) -> tuple[pd.DataFrame, bool]:
    """One row per organisation: links, partners, reach across sectors and borders, centrality.

    Columns: ``name``, ``sector``, ``links`` (each link once), ``links_in``
    and ``links_out`` (mutual and undirected links count both ways),
    ``partners`` (distinct organisations), ``sectors`` and ``countries``
    (distinct among partners), ``cross_sector`` and ``international`` (links
    to partners of another sector / country), ``betweenness`` (brokerage),
    ``closeness`` and ``pagerank``. Returns the table, sorted by betweenness,
    and whether betweenness was estimated (above :data:`APPROXIMATE_ABOVE`).
    """
    columns = ["id", "name", "sector", "links", "links_in", "links_out", "partners", "sectors", "countries"]
    columns += ["cross_sector", "international", "betweenness", "closeness", "pagerank"]
    H = current_links(G, statuses)
    U = pair_graph(H)
    nodes = list(U.nodes)
    counts: dict[str, Counter[str]] = {key: Counter() for key in ("links", "in", "out", "cross", "intl")}
    for u, v, d in H.edges(data=True):
        two_way = d.get("direction") in ("mutual", "undirected")
        for node, other, outward in ((u, v, True), (v, u, False)):
            counts["links"][node] += 1
            if two_way:
                counts["in"][node] += 1
                counts["out"][node] += 1
            else:
                counts["out" if outward else "in"][node] += 1
            if (G.nodes[node].get("sector") or "") != (G.nodes[other].get("sector") or ""):
                counts["cross"][node] += 1
            countries = (G.nodes[node].get("country") or "", G.nodes[other].get("country") or "")
            if all(countries) and countries[0] != countries[1]:
                counts["intl"][node] += 1
    betweenness, approximate = _betweenness(U, seed)
    closeness, _ = _distances(U)
    pagerank = nx.pagerank(flow_graph(H)) if H.number_of_edges() else dict.fromkeys(nodes, 1 / max(len(nodes), 1))
    rows = []
    for node in nodes:
        partners = list(U.neighbors(node))
        attributes = G.nodes[node]
        rows.append(
            {
                "id": node,
                "name": attributes.get("name", node),
                "sector": attributes.get("sector") or "",
                "links": counts["links"][node],
                "links_in": counts["in"][node],
                "links_out": counts["out"][node],
                "partners": len(partners),
                "sectors": len({G.nodes[p].get("sector") for p in partners if G.nodes[p].get("sector")}),
                "countries": len({G.nodes[p].get("country") for p in partners if G.nodes[p].get("country")}),
                "cross_sector": counts["cross"][node],
                "international": counts["intl"][node],
                "betweenness": round(float(betweenness[node]), 6),
                "closeness": round(float(closeness[node]), 6),
                "pagerank": round(float(pagerank[node]), 6),
            }
        )
    table = pd.DataFrame(rows, columns=columns)  # the columns also when there are no organisations
    if len(table):
        table = table.sort_values(["betweenness", "links", "id"], ascending=[False, False, True], kind="stable")
    return table.reset_index(drop=True), approximate


def links_by_kind(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> pd.DataFrame:
    """Organisations × link kinds: how many links of each kind every organisation has."""
    rows: dict[str, Counter] = {node: Counter() for node in sorted(G.nodes)}
    for u, v, d in current_links(G, statuses).edges(data=True):
        rows[u][d.get("kind") or ""] += 1
        rows[v][d.get("kind") or ""] += 1
    return pd.DataFrame.from_dict(rows, orient="index").fillna(0).astype(int).sort_index(axis=1)


def mixing_matrix(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> pd.DataFrame:
    """Sector × sector: how many links run from organisations of one sector to another (rows = source)."""
    sectors = sorted({d.get("sector") or "" for _, d in G.nodes(data=True)})
    sector = {node: d.get("sector") or "" for node, d in G.nodes(data=True)}
    counts = Counter((sector[u], sector[v]) for u, v in current_links(G, statuses).edges())
    return pd.DataFrame([[counts[(a, b)] for b in sectors] for a in sectors], index=sectors, columns=sectors)


def summary(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> dict[str, Any]:
    """Headline figures of the whole map.

    ``density`` and ``components`` are measured on the pair graph of current
    links, ``average_path_length`` within its largest part, ``reciprocity`` on
    directed relations (mutual and undirected links count as reciprocated).
    """
    H = current_links(G, statuses)
    U = pair_graph(H)
    parts = sorted((len(c) for c in nx.connected_components(U)), reverse=True) if len(U) else []
    _, average = _distances(U)
    flow = flow_graph(H)
    return {
        "organisations": G.number_of_nodes(),
        "links": G.number_of_edges(),
        "current_links": H.number_of_edges(),
        "links_by_status": dict(sorted(Counter(d.get("status") or "" for *_, d in G.edges(data=True)).items())),
        "links_by_kind": dict(sorted(Counter(d.get("kind") or "" for *_, d in H.edges(data=True)).items())),
        "cooperating_pairs": U.number_of_edges(),
        "density": round(nx.density(U), 4) if len(U) > 1 else 0.0,
        "components": len(parts),
        "largest_component": parts[0] if parts else 0,
        "isolated": sum(1 for size in parts if size == 1),
        "average_path_length": round(average, 3),
        "reciprocity": round(nx.reciprocity(flow), 3) if flow.number_of_edges() else 0.0,
    }


def _depth_first(U: nx.Graph) -> dict[str, Any]:
    """One depth-first walk over every part of ``U`` (parts in order of their smallest id, each from it).

    Returns, per node: ``parent`` in the tree, ``order`` (the preorder of its
    part; a node's subtree is the run ``order[at : at + below]``), ``at``,
    ``below`` (nodes in its subtree) and ``low`` (the earliest preorder
    position its subtree reaches by one non-tree tie): the facts that find
    cut organisations and bridges in one linear pass (Hopcroft–Tarjan).
    """
    parent: dict[str, str] = {}
    order: dict[str, list[str]] = {}
    at: dict[str, int] = {}
    below = dict.fromkeys(U, 1)
    low: dict[str, int] = {}
    for root in sorted(U):
        if root in at:
            continue
        preorder = [root]
        at[root] = low[root] = 0
        walk = [(root, iter(U[root]))]
        while walk:
            node, ahead = walk[-1]
            for other in ahead:
                if other not in at:
                    parent[other] = node
                    at[other] = low[other] = len(preorder)
                    preorder.append(other)
                    walk.append((other, iter(U[other])))
                    break
                if other != parent.get(node):
                    low[node] = min(low[node], at[other])
            else:
                walk.pop()
                if node in parent:
                    above = parent[node]
                    low[above] = min(low[above], low[node])
                    below[above] += below[node]
        order.update(dict.fromkeys(preorder, preorder))
    return {"parent": parent, "order": order, "at": at, "below": below, "low": low}


def single_points_of_failure(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Organisations whose dropping out cuts others off (articulation points), worst first.

    Each entry: ``id``, ``name`` and ``cut_off``, the organisations that can no
    longer reach the largest remaining group of their part of the map (ties
    go to the group with the smallest id).
    """
    U = pair_graph(current_links(G, statuses))
    walk = _depth_first(U)
    order, at, below, low = walk["order"], walk["at"], walk["below"], walk["low"]
    children: dict[str, list[str]] = {}
    for child, above in walk["parent"].items():
        children.setdefault(above, []).append(child)
    found = []
    for node, kids in children.items():
        preorder, start = order[node], at[node]

        def subtree(child: str, preorder: list[str] = preorder) -> list[str]:
            return preorder[at[child] : at[child] + below[child]]

        alone = [child for child in kids if low[child] >= start]  # subtrees with no tie around ``node``
        if start > 0:  # the rest of the part stays joined above ``node``
            rest = preorder[:start] + [x for child in kids if low[child] < start for x in subtree(child)]
            pieces = [rest + preorder[start + below[node] :]] if len(alone) else []
        else:
            pieces = []
        pieces += [subtree(child) for child in alone]
        if len(pieces) < 2:
            continue
        pieces.sort(key=lambda piece: (-len(piece), min(piece)))
        cut_off = sorted(x for piece in pieces[1:] for x in piece)
        found.append({"id": node, "name": G.nodes[node].get("name", node), "cut_off": cut_off})
    return sorted(found, key=lambda row: (-len(row["cut_off"]), row["id"]))


def bridge_links(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Links that are the only tie between two parts of the map, with the smaller side they hold on.

    A pair joined by two links is never a bridge: one of them can lapse.
    """
    H = current_links(G, statuses)
    U = pair_graph(H)
    walk = _depth_first(U)
    order, at, below, low = walk["order"], walk["at"], walk["below"], walk["low"]
    found = []
    for child, above in walk["parent"].items():
        if low[child] <= at[above] or U.edges[above, child]["weight"] != 1:
            continue  # another tie reaches around it, or two links join the pair
        preorder, start = order[child], at[child]
        inside = preorder[start : start + below[child]]
        outside = len(preorder) - len(inside)
        u, v = (above, child) if H.has_edge(above, child) else (child, above)
        if len(inside) < outside or (len(inside) == outside and child == u):
            side = inside
        else:
            side = preorder[:start] + preorder[start + below[child] :]
        link = next(iter(H.get_edge_data(u, v)))
        found.append({"link": link, "source": u, "target": v, "holds_on": sorted(side)})
    return sorted(found, key=lambda row: (-len(row["holds_on"]), row["link"]))


def isolated_and_small(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",), small: int = 3) -> list[list[str]]:
    """Groups of organisations cut off from the largest part: isolated ones and parts of up to ``small``."""
    U = pair_graph(current_links(G, statuses))
    parts = sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c))
    return [part for part in parts[1:] if len(part) <= small] if parts else []


def without(
    G: nx.MultiDiGraph,
    organisations: Iterable[str],
    *,
    stages: dict[str, list[str]] | None = None,
    statuses: Iterable[str] = ("active",),
) -> dict[str, Any]:
    """What breaks when ``organisations`` drop out: who is cut off, which connections are lost.

    ``stages`` maps an organisation to the stages it acts on (default: its
    ``stages`` attribute). Returns ``removed``; ``cut_off`` (organisations no
    longer connected to the largest remaining group that were before);
    ``sector_pairs_lost`` and ``stage_pairs_lost`` (pairs with a direct link
    before and none after); ``before`` and ``after`` (:func:`summary`).
    """
    removed = sorted(set(organisations))
    missing = [node for node in removed if node not in G]
    if missing:
        msg = f"unknown organisation {missing[0]!r}: use an organisation id from the map"
        raise UnknownOrganisation(msg)
    H = current_links(G, statuses)
    after = H.copy()
    after.remove_nodes_from(removed)
    largest_before, largest_after = (_largest(pair_graph(graph)) for graph in (H, after))
    cut_off = sorted(largest_before - set(removed) - largest_after)
    if stages is None:
        stages = {node: list(d.get("stages") or []) for node, d in G.nodes(data=True)}

    def sector_pairs(graph: nx.MultiDiGraph) -> set[tuple[str, str]]:
        return {
            tuple(sorted((G.nodes[u].get("sector") or "", G.nodes[v].get("sector") or "")))  # type: ignore[misc]
            for u, v in graph.edges()
        }

    def stage_pairs(graph: nx.MultiDiGraph) -> set[tuple[str, str]]:
        return {tuple(sorted((a, b))) for u, v in graph.edges() for a in stages[u] for b in stages[v] if a != b}  # type: ignore[misc]

    return {
        "removed": removed,
        "cut_off": cut_off,
        "sector_pairs_lost": sorted(sector_pairs(H) - sector_pairs(after)),
        "stage_pairs_lost": sorted(stage_pairs(H) - stage_pairs(after)),
        "before": summary(H, statuses=statuses),
        "after": summary(after, statuses=statuses),
    }


def communities(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",), seed: int = SEED) -> list[dict[str, Any]]:
    """Groups that cooperate more among themselves (Louvain, fixed seed), largest first.

    Each group is named after its most central member (most partners inside
    the group, then most links, then id): ``name``, ``lead`` and ``members``.
    """
    U = pair_graph(current_links(G, statuses))
    if U.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(U, weight="weight", seed=seed)
    found = []
    for group in groups:
        inside = U.subgraph(group)
        lead = min(group, key=lambda n: (-inside.degree(n), -U.degree(n, weight="weight"), n))
        found.append({"lead": lead, "name": G.nodes[lead].get("name", lead), "members": sorted(group)})
    return sorted(found, key=lambda c: (-len(c["members"]), c["lead"]))
