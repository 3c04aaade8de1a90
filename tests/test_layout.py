"""Positions: deterministic, independent of row order, nothing on top of anything else."""

from __future__ import annotations

import itertools
import math

import networkx as nx

from stakeholders import compute_positions, example_path, load_map
from stakeholders.layout import MIN_DISTANCE


def test_same_graph_same_positions() -> None:
    G = nx.MultiDiGraph(nx.les_miserables_graph())
    assert compute_positions(G) == compute_positions(G)


def test_row_order_does_not_matter() -> None:
    edges = list(nx.les_miserables_graph().edges)
    forward, backward = nx.MultiDiGraph(), nx.MultiDiGraph()
    forward.add_edges_from(edges)
    backward.add_nodes_from(sorted(forward.nodes, reverse=True))
    backward.add_edges_from(reversed(edges))
    assert compute_positions(forward) == compute_positions(backward)


def test_no_two_organisations_overlap() -> None:
    positions = compute_positions(load_map(example_path()).graph)
    closest = min(math.dist(a, b) for a, b in itertools.combinations(positions.values(), 2))
    assert closest >= MIN_DISTANCE * 0.9


def test_components_and_isolated_nodes_are_placed_apart() -> None:
    G = nx.MultiDiGraph()
    G.add_edges_from([("a", "b"), ("b", "c"), ("x", "y")])
    G.add_node("alone")
    positions = compute_positions(G)
    assert set(positions) == {"a", "b", "c", "x", "y", "alone"}
    assert len(set(positions.values())) == 6
    assert all(isinstance(v, int) for xy in positions.values() for v in xy)


def test_empty_and_single_graphs() -> None:
    assert compute_positions(nx.MultiDiGraph()) == {}
    single = nx.MultiDiGraph()
    single.add_node("only")
    assert compute_positions(single) == {"only": (0, 0)}
