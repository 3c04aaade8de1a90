"""Positions: deterministic, independent of row order, nothing on top of anything else."""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import subprocess
import sys
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy.spatial import cKDTree

from stakeholders import compute_positions, example_path, load_map, to_html
from stakeholders.formats.graphfiles import to_cyjs
from stakeholders.graph import build_graph
from stakeholders.layout import (
    KAMADA_KAWAI_LIMIT,
    LABEL_ASPECT,
    MIN_DISTANCE,
    Skeleton,
    map_skeleton,
    skeleton_of_graph,
    skeleton_of_tables,
)
from stakeholders.layout import _force as layout

EXAMPLE_POSITIONS_SHA256 = "b5f1df41ddd0e8ed979edb785538308cb8a7a42ee9c200472e2b40c2c9500aa2"
"""SHA-256 of ``json.dumps(compute_positions(load_map(example_path()).graph))``.

Small parts (all of the example's) must keep their positions. After a deliberate change of the layout (with a
new ``LAYOUT_VERSION``), a library upgrade that moves them or a change of the example's data, regenerate it with::

    PYTHONPATH=. .venv/bin/python -c "import hashlib, json; from stakeholders import *; \\
    print(hashlib.sha256(json.dumps(compute_positions(load_map(example_path()).graph)).encode()).hexdigest())"
"""


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


def _large_graph(n: int = 3000, reverse: bool = False) -> nx.MultiDiGraph:
    """A heavy-tailed network (preferential attachment) with some pairs and loners, as a map's graph."""
    edges = [(f"o{u:04d}", f"o{v:04d}") for u, v in nx.barabasi_albert_graph(n - 60, 2, seed=5).edges]
    edges += [(f"p{i:02d}a", f"p{i:02d}b") for i in range(20)] + [("o0001", "o0002")]  # pairs, a parallel link
    nodes = sorted({node for edge in edges for node in edge} | {f"z{i:02d}" for i in range(20)})
    G = nx.MultiDiGraph()
    G.add_nodes_from(reversed(nodes) if reverse else nodes)
    G.add_edges_from(reversed(edges) if reverse else edges)
    return G


@pytest.fixture(scope="module")
def large_positions() -> dict[str, tuple[int, int]]:
    return compute_positions(_large_graph())


def test_large_layout_is_deterministic_and_ignores_row_order(large_positions: dict[str, tuple[int, int]]) -> None:
    assert len(large_positions) == 3000
    assert compute_positions(_large_graph()) == large_positions
    assert compute_positions(_large_graph(reverse=True)) == large_positions


def test_large_layout_leaves_no_overlaps(large_positions: dict[str, tuple[int, int]]) -> None:
    points = np.array(list(large_positions.values()), dtype=float) / np.array([LABEL_ASPECT, 1.0])
    distances, _ = cKDTree(points).query(points, k=2)
    assert distances[:, 1].min() >= MIN_DISTANCE * 0.9


def test_large_parts_use_the_force_layout_and_report_progress() -> None:
    messages: list[str] = []
    compute_positions(_large_graph(600), progress=messages.append)
    assert messages[0] == f"Laying out part 1 of 41 ({600 - 60:,} organisations)"
    assert messages[-1] == "Spreading 600 organisations so none overlap"


def test_small_parts_keep_kamada_kawai() -> None:
    G = nx.MultiDiGraph(nx.les_miserables_graph())
    assert G.number_of_nodes() <= KAMADA_KAWAI_LIMIT
    skeleton = skeleton_of_graph(G)
    (part,) = layout._parts(len(skeleton.nodes), *layout._numbered(skeleton))
    kamada_kawai = layout._small_layout(part)
    H = nx.Graph()
    H.add_nodes_from(skeleton.nodes)
    H.add_weighted_edges_from(skeleton.pairs)
    degree = dict(H.degree())
    lengths = {(u, v): math.sqrt(max(degree[u], degree[v])) for u, v in H.edges()}
    nx.set_edge_attributes(H, lengths, "length")
    start = nx.spring_layout(H, seed=layout.SEED, iterations=100)
    expected = nx.kamada_kawai_layout(H, pos=start, weight="length")
    assert all(np.allclose(kamada_kawai[number], expected[node]) for number, node in enumerate(skeleton.nodes))


def test_the_example_keeps_its_positions() -> None:
    positions = compute_positions(load_map(example_path()).graph)
    assert hashlib.sha256(json.dumps(positions).encode()).hexdigest() == EXAMPLE_POSITIONS_SHA256


def _tables(n: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tables with parallel links both ways, a self-link, isolated organisations and, given ``n``, a large part."""
    edges = [("b", "a"), ("a", "b"), ("a", "b"), ("c", "b"), ("d", "c"), ("c", "d"), ("c", "c"), ("e", "a")]
    edges += [(f"o{u:04d}", f"o{v:04d}") for u, v in nx.barabasi_albert_graph(n, 2, seed=5).edges] if n else []
    ids = sorted({node for edge in edges for node in edge} | {"alone", "zz-alone"}, reverse=True)
    organisations = pd.DataFrame({"id": ids, "name": [i.upper() for i in ids]})
    links = pd.DataFrame(
        {"id": [f"L{i}" for i in range(len(edges))], "source": [u for u, _ in edges], "target": [v for _, v in edges]}
    )
    return organisations, links


def test_the_skeleton_of_the_tables_is_the_skeleton_of_the_graph() -> None:
    m = load_map(example_path())
    assert map_skeleton(m) == skeleton_of_tables(m.organisations, m.links) == skeleton_of_graph(m.graph)
    organisations, links = _tables()
    skeleton = skeleton_of_tables(organisations, links)
    assert skeleton == skeleton_of_graph(build_graph(organisations, links))
    assert skeleton == Skeleton(
        ["a", "alone", "b", "c", "d", "e", "zz-alone"], [("a", "b", 3), ("a", "e", 1), ("b", "c", 1), ("c", "d", 2)]
    )
    organisations, links = _tables(500)
    assert skeleton_of_tables(organisations, links) == skeleton_of_graph(build_graph(organisations, links))


def test_the_skeleton_ignores_row_order() -> None:
    organisations, links = _tables(300)
    shuffled = skeleton_of_tables(organisations.sample(frac=1, random_state=1), links.sample(frac=1, random_state=2))
    assert shuffled == skeleton_of_tables(organisations, links)


def test_a_skeleton_lays_out_as_its_graph_does() -> None:
    m = load_map(example_path())
    assert compute_positions(map_skeleton(m)) == compute_positions(m.graph)
    organisations, links = _tables(KAMADA_KAWAI_LIMIT * 2)  # a part for the force layout, and small ones
    skeleton = skeleton_of_tables(organisations, links)
    assert compute_positions(skeleton) == compute_positions(build_graph(organisations, links))
    assert layout.layout_inputs(skeleton) == layout.layout_inputs(build_graph(organisations, links))


def test_a_skeleton_names_only_its_own_organisations() -> None:
    with pytest.raises(ValueError, match="must be one of its nodes"):
        compute_positions(Skeleton(["a", "b"], [("a", "c", 1)]))


class _WithoutGraph:
    """A map that fails the test when anything asks for its networkx graph."""

    def __init__(self, m: Any) -> None:
        self._map = m

    def __getattr__(self, name: str) -> Any:
        assert name != "graph", "the layout asked for m.graph"
        return getattr(self._map, name)


def test_rendering_a_map_needs_no_graph() -> None:
    m = load_map(example_path())
    assert to_html(_WithoutGraph(m)) == to_html(m)  # type: ignore[arg-type]
    assert to_cyjs(_WithoutGraph(m)) == to_cyjs(m)  # type: ignore[arg-type]


def test_spreading_separates_coincident_points() -> None:
    points = layout._spread(np.zeros((5, 2)), MIN_DISTANCE, rounds=100)
    distances, _ = cKDTree(points).query(points, k=2)
    assert distances[:, 1].min() >= MIN_DISTANCE * 0.9


def test_igraph_comes_without_pyplot_and_leaves_matplotlib_usable() -> None:
    """A large map needs igraph, not the 0.3 s of matplotlib.pyplot that ``import igraph`` would bring."""
    script = (
        "import sys\n"
        "from stakeholders.layout import _force as layout\n"
        "igraph = layout._import_igraph()\n"
        "print(igraph.Graph(n=2).vcount(), 'matplotlib.pyplot' in sys.modules)\n"
        "import matplotlib.pyplot as plt\n"
        "print(callable(plt.figure))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2", "False", "True"]
