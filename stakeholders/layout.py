"""Deterministic positions for a map, computed once in Python.

The page opens with these positions and physics off, so the picture is still
the moment it appears and the same input always gives the same picture: the
layout depends only on the organisations and the links between them (sorted
by id, so row order does not matter), never on a clock or a random state.

Small connected parts (up to :data:`KAMADA_KAWAI_LIMIT` organisations) get
networkx's Kamada-Kawai layout, whose look suits maps people read name by
name; larger parts get igraph's grid-based Fruchterman-Reingold layout, which
costs roughly linear time per iteration where Kamada-Kawai and networkx's
spring layout cost quadratic (``scripts/bench --layouts`` measures them).

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
>>> positions = compute_positions(G)
>>> sorted(positions) == ["a", "b", "c"] and positions == compute_positions(G)
True
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from types import ModuleType

import networkx as nx
import numpy as np

__all__ = ["KAMADA_KAWAI_LIMIT", "LAYOUT_VERSION", "compute_positions", "layout_inputs"]

Progress = Callable[[str], None]
"""Called with a short message at each step of a long computation."""

LAYOUT_VERSION = "2"
"""Changes whenever the same graph would get other positions (the layout cache keys on it)."""

KAMADA_KAWAI_LIMIT = 200
"""Connected parts up to this many organisations get Kamada-Kawai (0.8 s at 200), larger ones a force layout."""

FORCE_WORK = 1_000_000
"""Iterations × organisations of the force layout: 500 iterations up to 2,000 organisations, then fewer.

No fewer than 200: on the synthetic maps of ``scripts/bench --layouts`` 200 iterations reach about the
stress of 500 (0.197 against 0.189 at 10,000 organisations) in well under half the time.
"""

EDGE_LENGTH = 170.0
"""Typical distance in pixels between two linked organisations on the page."""

MIN_DISTANCE = 75.0
"""Organisations are pushed apart until no two are closer than this (pixels)."""

LABEL_ASPECT = 1.8
"""Two organisations side by side need this many times the room of two above each other."""

SEED = 20211102


def _pairs(G: nx.Graph) -> list[tuple[str, str, int]]:
    """The linked pairs of ``G`` as sorted ``(a, b, number of links)`` with ``a < b``; self-links left out."""
    ends = G.edges() if all(type(node) is str for node in G) else ((str(u), str(v)) for u, v in G.edges())
    pairs = Counter((u, v) if u <= v else (v, u) for u, v in ends)
    return [(u, v, count) for (u, v), count in sorted(pairs.items()) if u != v]


def _skeleton(G: nx.Graph) -> nx.Graph:
    """An undirected simple graph on sorted nodes; parallel links strengthen the tie (``weight``)."""
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=str))
    H.add_weighted_edges_from(_pairs(G))
    return H


def _component_layout(H: nx.Graph) -> dict[str, np.ndarray]:
    """Positions for one connected part.

    Kamada-Kawai places organisations so that drawn distances follow network
    distances; links at a hub count as longer (the square root of the hub's
    degree), which opens up the crowd around a central organisation.
    """
    n = H.number_of_nodes()
    if n == 1:
        return {next(iter(H.nodes)): np.zeros(2)}
    if n <= KAMADA_KAWAI_LIMIT:
        degree = dict(H.degree())
        lengths = {(u, v): math.sqrt(max(degree[u], degree[v])) for u, v in H.edges()}
        nx.set_edge_attributes(H, lengths, "length")
        start = nx.spring_layout(H, seed=SEED, iterations=100)
        return nx.kamada_kawai_layout(H, pos=start, weight="length")
    return _force_layout(H)


def _force_layout(H: nx.Graph) -> dict[str, np.ndarray]:
    """igraph's grid-based Fruchterman-Reingold layout, made deterministic.

    igraph draws its random start from a process-wide generator: it gets a
    seeded one for this call, and Python's ``random`` module (igraph's
    default) back afterwards.
    """
    igraph = _import_igraph()
    nodes = list(H.nodes)
    index = {node: number for number, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in H.edges()]
    weights = [float(w) for _, _, w in H.edges(data="weight", default=1)]
    graph = igraph.Graph(n=len(nodes), edges=edges)
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        iterations = max(200, min(500, FORCE_WORK // len(nodes)))
        layout = graph.layout_fruchterman_reingold(weights=weights, niter=iterations, grid="grid")
    finally:
        igraph.set_random_number_generator(random)
    return dict(zip(nodes, np.asarray(layout.coords, dtype=float), strict=True))


def _import_igraph() -> ModuleType:
    """igraph, imported when a large map first needs it, without its matplotlib drawing support.

    ``import igraph`` also imports ``matplotlib.pyplot`` when matplotlib is
    installed (0.3 s; igraph only needs it to draw, which we never ask of it).
    Unless matplotlib is already loaded, the import runs with matplotlib
    marked unavailable, so igraph falls back to its placeholder, and
    matplotlib is left importable as before for our own images.
    """
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # makes `import matplotlib` fail
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph


def _pack(components: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Place laid-out components side by side in rows, largest first."""
    placed: dict[str, np.ndarray] = {}
    cursor_x = cursor_y = row_height = 0.0
    row_width = max(math.sqrt(sum(len(c) for c in components)) * EDGE_LENGTH * 1.4, EDGE_LENGTH * 3)
    for component in components:
        points = np.array(list(component.values()))
        low, high = points.min(axis=0), points.max(axis=0)
        width, height = high - low + EDGE_LENGTH
        if cursor_x and cursor_x + width > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height, 0.0
        for node, point in component.items():
            placed[node] = point - low + np.array([cursor_x, cursor_y])
        cursor_x += width
        row_height = max(row_height, height)
    return placed


def _spread(points: np.ndarray, minimum: float, rounds: int = 30) -> np.ndarray:
    """Push apart organisations that sit closer than ``minimum`` (deterministic).

    Each round moves both members of every close pair half their overlap
    apart, all from the same snapshot. Close pairs come from a KD-tree, so a
    round costs O(n log n) time and memory in the number of close pairs, not
    O(n²).

    >>> _spread(np.array([[0.0, 0.0], [10.0, 0.0], [500.0, 0.0]]), 50.0).round().tolist()
    [[-20.0, 0.0], [30.0, 0.0], [500.0, 0.0]]
    """
    from scipy.spatial import cKDTree  # only large maps need it: keeps the command quick to start

    if len(points) < 2:
        return points
    points = points.copy()
    for _ in range(rounds):
        pairs = cKDTree(points).query_pairs(minimum, output_type="ndarray")
        if not len(pairs):
            break
        # both directions of every pair, in the order (point, partner): sums then run in index order
        pairs = np.concatenate([pairs, pairs[:, ::-1]])
        pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
        me, other = pairs[:, 0], pairs[:, 1]
        delta = points[me] - points[other]
        distance = np.sqrt((delta**2).sum(axis=1))
        overlap = np.clip(minimum - distance, 0, None)
        if not overlap.any():
            break
        direction = np.zeros_like(delta)
        apart = distance > 0
        direction[apart] = delta[apart] / distance[apart, None]
        # coincident points: separate them along a fixed, index-based direction
        angles = (me - other)[~apart].astype(float)
        direction[~apart] = np.stack([np.cos(angles), np.sin(angles)], axis=-1)
        shift = np.zeros_like(points)
        np.add.at(shift, me, direction * overlap[:, None] / 2)
        points += shift
    return points


def _scaled(H: nx.Graph, pos: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """``pos`` scaled so that the median link is :data:`EDGE_LENGTH` long, or larger when crowded.

    In a large, small-world network most links run to hubs far away while
    unlinked organisations sit close together: for parts above
    :data:`KAMADA_KAWAI_LIMIT` the scale is at least the one that gives each
    organisation room (the median distance to the nearest neighbour becomes
    :data:`MIN_DISTANCE`, in the label-shaped metric of :func:`_spread`).
    """
    nodes = sorted(H.nodes)
    points = np.array([pos[node] for node in nodes], dtype=float)
    index = {node: number for number, node in enumerate(nodes)}
    ends = np.array([(index[u], index[v]) for u, v in H.edges()], dtype=int).reshape(-1, 2)
    lengths = np.sqrt(((points[ends[:, 0]] - points[ends[:, 1]]) ** 2).sum(axis=1))
    typical = float(np.median(lengths)) if len(lengths) else 1.0
    scale = EDGE_LENGTH / typical if typical > 0 else 1.0
    if len(points) > KAMADA_KAWAI_LIMIT:
        from scipy.spatial import cKDTree

        squeezed = points / np.array([LABEL_ASPECT, 1.0])
        nearest = float(np.median(cKDTree(squeezed).query(squeezed, k=2)[0][:, 1]))
        if nearest > 0:
            scale = max(scale, MIN_DISTANCE / nearest)
    return dict(zip(nodes, points * scale, strict=True))


def layout_inputs(G: nx.Graph) -> dict[str, object]:
    """Everything the positions of ``G`` depend on, as plain JSON-ready data.

    The organisations (sorted ids), the pairs they link (sorted, with the
    number of links between them), the layout's version and the versions of
    the libraries that compute it: the layout cache keys on this.

    >>> G = nx.MultiDiGraph([("b", "a"), ("a", "b"), ("b", "c")])
    >>> inputs = layout_inputs(G)
    >>> inputs["nodes"], inputs["links"]
    (['a', 'b', 'c'], [['a', 'b', 2], ['b', 'c', 1]])
    """
    return {
        "layout": LAYOUT_VERSION,
        "libraries": _versions(),
        "nodes": sorted(str(node) for node in G.nodes),
        "links": [list(pair) for pair in _pairs(G)],
    }


@cache
def _versions() -> dict[str, str]:
    return {name: version(name) for name in ("networkx", "numpy", "scipy", "igraph")}


def compute_positions(G: nx.Graph, progress: Progress | None = None) -> dict[str, tuple[int, int]]:
    """Pixel positions ``{id: (x, y)}`` for every node of ``G`` (sorted by id), centred on (0, 0).

    Each connected part is laid out on its own (Kamada-Kawai seeded by a fixed
    spring layout for parts up to :data:`KAMADA_KAWAI_LIMIT` organisations,
    igraph's grid-based Fruchterman-Reingold for larger ones), scaled so linked
    organisations sit about :data:`EDGE_LENGTH` pixels apart, packed side by
    side, and pushed apart where they would overlap. ``progress`` is told
    about each step.
    """
    report = progress or (lambda message: None)
    H = _skeleton(G)
    if H.number_of_nodes() == 0:
        return {}
    parts = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(c)))
    laid_out = []
    shapes: dict[tuple[int, tuple[tuple[int, int, int], ...]], np.ndarray] = {}
    for number, part in enumerate(parts, 1):
        if len(part) > KAMADA_KAWAI_LIMIT or number == 1:
            report(f"Laying out part {number} of {len(parts)} ({len(part):,} organisations)")
        sub = nx.Graph()
        sub.add_nodes_from(sorted(part))
        sub.add_edges_from(H.edges(sub.nodes, data=True))  # a part's links stay inside it
        if len(sub) > KAMADA_KAWAI_LIMIT:
            laid_out.append(_scaled(sub, _component_layout(sub)))
            continue
        # small parts of the same shape (pairs, triangles, stars …) get the same layout: compute it once
        index = {node: rank for rank, node in enumerate(sub.nodes)}
        shape = (len(sub), tuple(sorted((index[u], index[v], w) for u, v, w in sub.edges(data="weight"))))
        if shape not in shapes:
            scaled = _scaled(sub, _component_layout(sub))
            shapes[shape] = np.array([scaled[node] for node in sub.nodes])
        laid_out.append(dict(zip(sub.nodes, shapes[shape], strict=True)))
    placed = _pack(laid_out)
    report(f"Spreading {len(placed):,} organisations so none overlap")
    nodes = list(placed)
    # labels sit below the shapes and are wider than tall: demand more room sideways
    squeeze = np.array([LABEL_ASPECT, 1.0])
    points = _spread(np.array([placed[n] for n in nodes]) / squeeze, MIN_DISTANCE) * squeeze
    points -= (points.min(axis=0) + points.max(axis=0)) / 2
    return dict(sorted((node, (int(round(x)), int(round(y)))) for node, (x, y) in zip(nodes, points, strict=True)))
