"""Network analysis of a cooperation map: who holds it together, and what breaks without whom.

Functions in the networkx style: the graph comes first, options are keywords,
nothing is changed, results are plain dicts, lists or DataFrames. They read
the map's :class:`networkx.MultiDiGraph` (from :func:`stakeholders.load_map`)
and look only at **current cooperation**: links whose status is in
``statuses`` (``active`` by default; add ``planned`` to see the map as
planned). Structure (brokers, single points of failure, paths) is measured on
the undirected skeleton: one tie per pair of organisations that cooperate.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edges_from([("a", "b"), ("b", "c"), ("c", "d")], status="active")
>>> [row["id"] for row in single_points_of_failure(G)]
['b', 'c']
>>> single_points_of_failure(G)[0]["cut_off"]
['a']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from .errors import UnknownOrganisation

__all__ = [
    "APPROXIMATE_ABOVE",
    "BETWEENNESS_SAMPLE",
    "SEED",
    "bridge_links",
    "communities",
    "current_links",
    "isolated_and_small",
    "links_by_kind",
    "mixing_matrix",
    "organisation_metrics",
    "single_points_of_failure",
    "skeleton",
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


def skeleton(G: nx.MultiDiGraph) -> nx.Graph:
    """One undirected tie per cooperating pair, ``weight`` = how many links join them; nodes sorted by id."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes))
    for u, v in G.edges():
        if u != v:
            U.add_edge(u, v, weight=U.edges[u, v]["weight"] + 1 if U.has_edge(u, v) else 1)
    return U


def _flow(G: nx.MultiDiGraph) -> nx.DiGraph:
    F = nx.DiGraph()
    F.add_nodes_from(sorted(G.nodes))
    for u, v, d in G.edges(data=True):
        F.add_edge(u, v)
        if d.get("direction") in ("mutual", "undirected"):
            F.add_edge(v, u)
    return F


def _distances(U: nx.Graph, chunk: int = 500) -> tuple[dict[str, float], float]:
    """Exact closeness of every node and the average path length of the largest part, via scipy BFS."""
    from scipy.sparse.csgraph import shortest_path

    nodes = list(U.nodes)
    n = len(nodes)
    closeness = dict.fromkeys(nodes, 0.0)
    if n < 2:
        return closeness, 0.0
    matrix = nx.to_scipy_sparse_array(U, nodelist=nodes, weight=None, format="csr")
    largest = max(nx.connected_components(U), key=len)
    in_largest = np.array([node in largest for node in nodes])
    total = pairs = 0.0
    for start in range(0, n, chunk):
        rows = np.arange(start, min(start + chunk, n))
        dist = shortest_path(matrix, directed=False, unweighted=True, indices=rows)
        for offset, i in enumerate(rows):
            row = dist[offset]
            reachable = np.isfinite(row) & (row > 0)
            count = int(reachable.sum())
            if count:
                # Wasserman-Faust: scaled by the share of the network this node can reach
                closeness[nodes[i]] = (count / row[reachable].sum()) * (count / (n - 1))
            if in_largest[i]:
                total += float(row[in_largest & reachable].sum())
                pairs += int((in_largest & reachable).sum())
    return closeness, (total / pairs if pairs else 0.0)


def _largest(U: nx.Graph) -> set[str]:
    """The largest connected part (ties broken by the smallest id); empty for an empty graph."""
    parts = sorted(nx.connected_components(U), key=min)
    return max(parts, key=len) if parts else set()


def _betweenness(U: nx.Graph, seed: int) -> tuple[dict[str, float], bool]:
    n = U.number_of_nodes()
    if n > APPROXIMATE_ABOVE:
        return nx.betweenness_centrality(U, k=min(BETWEENNESS_SAMPLE, n), seed=seed), True
    return nx.betweenness_centrality(U), False


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
    H = current_links(G, statuses)
    U = skeleton(H)
    nodes = list(U.nodes)
    counts = {key: Counter() for key in ("links", "in", "out", "cross", "intl")}
    for u, v, d in H.edges(data=True):
        two_way = d.get("direction") in ("mutual", "undirected")
        for node, other, outward in ((u, v, True), (v, u, False)):
            counts["links"][node] += 1
            counts["out" if outward or two_way else "in"][node] += 1
            if two_way:
                counts["in" if outward else "out"][node] += 1
            if (G.nodes[node].get("sector") or "") != (G.nodes[other].get("sector") or ""):
                counts["cross"][node] += 1
            countries = (G.nodes[node].get("country") or "", G.nodes[other].get("country") or "")
            if all(countries) and countries[0] != countries[1]:
                counts["intl"][node] += 1
    betweenness, approximate = _betweenness(U, seed)
    closeness, _ = _distances(U)
    pagerank = nx.pagerank(_flow(H)) if H.number_of_edges() else dict.fromkeys(nodes, 1 / max(len(nodes), 1))
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
    table = pd.DataFrame(rows)
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
    matrix = pd.DataFrame(0, index=sectors, columns=sectors)
    for u, v in current_links(G, statuses).edges():
        matrix.loc[G.nodes[u].get("sector") or "", G.nodes[v].get("sector") or ""] += 1
    return matrix


def summary(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> dict[str, Any]:
    """Headline figures of the whole map.

    ``density`` and ``components`` are measured on the skeleton of current
    links, ``average_path_length`` within its largest part, ``reciprocity`` on
    directed relations (mutual and undirected links count as reciprocated).
    """
    H = current_links(G, statuses)
    U = skeleton(H)
    parts = sorted((len(c) for c in nx.connected_components(U)), reverse=True) if len(U) else []
    _, average = _distances(U)
    flow = _flow(H)
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


def single_points_of_failure(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Organisations whose dropping out cuts others off (articulation points), worst first.

    Each entry: ``id``, ``name`` and ``cut_off``, the organisations that can no
    longer reach the largest remaining group of their part of the map.
    """
    U = skeleton(current_links(G, statuses))
    found = []
    for node in nx.articulation_points(U):
        part = nx.node_connected_component(U, node) - {node}
        rest = U.subgraph(part)
        pieces = sorted(nx.connected_components(rest), key=lambda c: (-len(c), min(c)))
        cut_off = sorted(set().union(*pieces[1:])) if len(pieces) > 1 else []
        found.append({"id": node, "name": G.nodes[node].get("name", node), "cut_off": cut_off})
    return sorted(found, key=lambda row: (-len(row["cut_off"]), row["id"]))


def bridge_links(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Links that are the only tie between two parts of the map, with the smaller side they hold on.

    A pair joined by two links is never a bridge: one of them can lapse.
    """
    H = current_links(G, statuses)
    U = skeleton(H)
    found = []
    for u, v in nx.bridges(U):
        if U.edges[u, v]["weight"] != 1:
            continue
        link = next(iter(H.get_edge_data(u, v) or H.get_edge_data(v, u)))
        rest = U.copy()
        rest.remove_edge(u, v)
        side = min(nx.node_connected_component(rest, u), nx.node_connected_component(rest, v), key=len)
        found.append({"link": link, "source": u, "target": v, "holds_on": sorted(side)})
    return sorted(found, key=lambda row: (-len(row["holds_on"]), row["link"]))


def isolated_and_small(G: nx.MultiDiGraph, *, statuses: Iterable[str] = ("active",), small: int = 3) -> list[list[str]]:
    """Groups of organisations cut off from the largest part: isolated ones and parts of up to ``small``."""
    U = skeleton(current_links(G, statuses))
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
    largest_before, largest_after = (_largest(skeleton(graph)) for graph in (H, after))
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
    U = skeleton(current_links(G, statuses))
    if U.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(U, weight="weight", seed=seed)
    found = []
    for group in groups:
        inside = U.subgraph(group)
        lead = min(group, key=lambda n: (-inside.degree(n), -U.degree(n, weight="weight"), n))
        found.append({"lead": lead, "name": G.nodes[lead].get("name", lead), "members": sorted(group)})
    return sorted(found, key=lambda c: (-len(c["members"]), c["lead"]))
