"""Deterministic positions for a map, computed once in Python: the layout itself.

The page opens with these positions and physics off, so the picture is still
the moment it appears and the same input always gives the same picture: the
layout depends only on the organisations and on which pairs of them are
linked how many times, a :class:`Skeleton` (sorted by id, so row order does
not matter), never on a clock or a random state. :func:`map_skeleton` reads
a map's skeleton straight from its tables; a networkx graph does as well.

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
>>> compute_positions(Skeleton(["a", "b", "c"], [("a", "b", 1), ("b", "c", 1)])) == positions
True
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from functools import cache
from importlib.metadata import version
from types import ModuleType
from typing import NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from .._types import Progress
from ..model import StakeholderMap

__all__ = [
    "KAMADA_KAWAI_LIMIT",
    "LAYOUT_VERSION",
    "Skeleton",
    "as_skeleton",
    "compute_positions",
    "layout_inputs",
    "map_skeleton",
    "skeleton_of_graph",
    "skeleton_of_tables",
]

LAYOUT_VERSION = "3"
"""Changes whenever the same graph would get other positions (the layout cache keys on it)."""

KAMADA_KAWAI_LIMIT = 200
"""Connected parts up to this many organisations get Kamada-Kawai (0.8 s at 200), larger ones a force layout."""

FORCE_WORK = 1_000_000
"""Iterations × organisations of the force layout: 500 iterations up to 2,000 organisations, then fewer.

No fewer than :data:`FORCE_ITERATIONS_AT_LEAST`.
"""

FORCE_ITERATIONS_AT_LEAST = 100
"""The force layout's fewest iterations (from 10,000 organisations on).

On the largest part of the 10,000-organisation map of ``scripts/bench`` (stress from 300 sources, lower
is better) 100 iterations reach 0.193 in 0.15 s, 200 iterations 0.193 in 0.30 s and 500 iterations
0.190 in 0.72 s: beyond 100 the picture barely improves while the time grows in step.
"""

EDGE_LENGTH = 170.0
"""Typical distance in pixels between two linked organisations on the page."""

MIN_DISTANCE = 75.0
"""Organisations are pushed apart until no two are closer than this (pixels)."""

LABEL_ASPECT = 1.8
"""Two organisations side by side need this many times the room of two above each other."""

SEED = 20211102


class Skeleton(NamedTuple):
    """What a layout depends on: the organisations, and which pairs of them are linked how many times.

    ``nodes`` are the organisations' ids, sorted; ``pairs`` are ``(a, b, number
    of links)`` with ``a < b``, sorted, self-links left out. Build one from a
    map's tables with :func:`skeleton_of_tables` (or :func:`map_skeleton`), or
    from a networkx graph with :func:`skeleton_of_graph`.
    """

    nodes: list[str]
    pairs: list[tuple[str, str, int]]


def skeleton_of_graph(G: nx.Graph) -> Skeleton:
    """The skeleton of a networkx graph of any kind (directed or not, parallel links, self-links).

    >>> skeleton_of_graph(nx.MultiDiGraph([("b", "a"), ("a", "b"), ("b", "c"), ("c", "c")]))
    Skeleton(nodes=['a', 'b', 'c'], pairs=[('a', 'b', 2), ('b', 'c', 1)])
    """
    ends = G.edges() if all(type(node) is str for node in G) else ((str(u), str(v)) for u, v in G.edges())
    pairs = Counter((u, v) if u <= v else (v, u) for u, v in ends)
    nodes = sorted(str(node) for node in G.nodes)
    return Skeleton(nodes, [(u, v, count) for (u, v), count in sorted(pairs.items()) if u != v])


def skeleton_of_tables(organisations: pd.DataFrame, links: pd.DataFrame) -> Skeleton:
    """The skeleton of a map's tables (``id``; ``source`` and ``target``), counted without building a graph.

    The same as :func:`skeleton_of_graph` of the map's graph, in linear time
    plus sorting: about 20 ms for 10,000 organisations and 40,000 links.

    >>> organisations = pd.DataFrame({"id": ["c", "a", "b", "alone"]})
    >>> links = pd.DataFrame({"source": ["b", "a", "b", "c"], "target": ["a", "b", "c", "c"]})
    >>> skeleton_of_tables(organisations, links)
    Skeleton(nodes=['a', 'alone', 'b', 'c'], pairs=[('a', 'b', 2), ('b', 'c', 1)])
    """
    ends = _as_ids(links["source"], links["target"])
    # a link's ends count as organisations, as they do in the graph
    nodes = sorted(pd.unique(np.concatenate([_as_ids(organisations["id"]), ends])).tolist())
    # number every link end by its organisation's place in `nodes`: sorting numbers then sorts ids
    lower, higher = np.sort(pd.Index(nodes).get_indexer(ends).reshape(2, -1), axis=0)
    linked = lower != higher
    keys, counts = np.unique(lower[linked] * len(nodes) + higher[linked], return_counts=True)
    firsts, seconds = np.divmod(keys, len(nodes))
    names = np.array(nodes, dtype=object)
    return Skeleton(nodes, list(zip(names[firsts].tolist(), names[seconds].tolist(), counts.tolist(), strict=True)))


def _as_ids(*columns: pd.Series) -> np.ndarray:
    """The values of ``columns``, one after the other, as an array of str (as the graph's nodes are)."""
    values = np.concatenate([column.to_numpy(dtype=object) for column in columns])
    return values if pd.api.types.infer_dtype(values, skipna=False) == "string" else values.astype(str).astype(object)


def map_skeleton(m: StakeholderMap) -> Skeleton:
    """The skeleton of a map, straight from its tables: laying a map out never needs ``m.graph``.

    >>> from stakeholders import example_path, load_map
    >>> len(map_skeleton(load_map(example_path())).nodes)
    67
    """
    return skeleton_of_tables(m.organisations, m.links)


def as_skeleton(source: nx.Graph | Skeleton) -> Skeleton:
    """``source`` when it is a :class:`Skeleton`, else the skeleton of the graph ``source``.

    >>> as_skeleton(nx.Graph([("b", "a")]))
    Skeleton(nodes=['a', 'b'], pairs=[('a', 'b', 1)])
    """
    return source if isinstance(source, Skeleton) else skeleton_of_graph(source)


class _Part(NamedTuple):
    """A connected part, numbered on its own: ``ends`` number organisations by their place in ``members``."""

    members: np.ndarray
    """The organisations' numbers (places in the skeleton's ``nodes``), ascending."""
    ends: np.ndarray
    """The linked pairs, an ``(m, 2)`` array of numbers within the part, in the skeleton's (sorted) order."""
    weights: np.ndarray
    """The number of links of each pair."""


def _numbered(skeleton: Skeleton) -> tuple[np.ndarray, np.ndarray]:
    """The skeleton's pairs as an ``(m, 2)`` array of places in ``nodes``, and their numbers of links.

    >>> _numbered(Skeleton(["a", "b", "c"], [("a", "c", 2), ("b", "c", 1)]))
    (array([[0, 2],
           [1, 2]]), array([2, 1]))
    """
    pairs = np.array(skeleton.pairs, dtype=object).reshape(-1, 3)
    place = pd.Index(skeleton.nodes).get_indexer
    ends = np.stack([place(pd.Index(pairs[:, 0])), place(pd.Index(pairs[:, 1]))], axis=1)
    if (ends < 0).any():
        msg = "every organisation a skeleton's pairs name must be one of its nodes"
        raise ValueError(msg)
    return ends, pairs[:, 2].astype(np.int64)


def _parts(count: int, ends: np.ndarray, weights: np.ndarray) -> list[_Part]:
    """The connected parts of ``count`` organisations linked at ``ends``: largest first, then by smallest id.

    >>> [part.members.tolist() for part in _parts(5, np.array([[0, 3], [1, 2], [2, 4]]), np.ones(3))]
    [[1, 2, 4], [0, 3]]
    """
    from scipy.sparse import coo_array
    from scipy.sparse.csgraph import connected_components

    adjacency = coo_array((np.ones(len(ends)), (ends[:, 0], ends[:, 1])), shape=(count, count))
    _, label = connected_components(adjacency, directed=False)
    sizes = np.bincount(label)
    members = np.argsort(label, kind="stable")  # grouped by part, ascending within each
    within = np.empty(count, dtype=np.intp)
    within[members] = np.arange(count) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    pair_label = label[ends[:, 0]]
    pairs = np.argsort(pair_label, kind="stable")  # grouped by part, in the skeleton's order within each
    pair_sizes = np.bincount(pair_label, minlength=len(sizes))
    parts = [
        _Part(nodes, within[ends[chosen]], weights[chosen])
        for nodes, chosen in zip(
            np.split(members, np.cumsum(sizes)[:-1]), np.split(pairs, np.cumsum(pair_sizes)[:-1]), strict=True
        )
    ]
    return sorted(parts, key=lambda part: (-len(part.members), part.members[0]))


def _small_layout(part: _Part) -> np.ndarray:
    """Kamada-Kawai positions for a small connected part, one row per member.

    Kamada-Kawai places organisations so that drawn distances follow network
    distances; links at a hub count as longer (the square root of the hub's
    degree), which opens up the crowd around a central organisation.
    """
    size = len(part.members)
    if size == 1:
        return np.zeros((1, 2))
    H = nx.Graph()
    H.add_nodes_from(range(size))
    H.add_weighted_edges_from(zip(*part.ends.T.tolist(), part.weights.tolist(), strict=True))
    degree = dict(H.degree())
    lengths = {(u, v): math.sqrt(max(degree[u], degree[v])) for u, v in H.edges()}
    nx.set_edge_attributes(H, lengths, "length")
    start = nx.spring_layout(H, seed=SEED, iterations=100)
    positions = nx.kamada_kawai_layout(H, pos=start, weight="length")
    return np.array([positions[node] for node in range(size)], dtype=float)


def _force_layout(part: _Part) -> np.ndarray:
    """igraph's grid-based Fruchterman-Reingold positions for a connected part, made deterministic.

    igraph draws its random start from a process-wide generator: it gets a
    seeded one for this call, and Python's ``random`` module (igraph's
    default) back afterwards.
    """
    igraph = _import_igraph()
    size = len(part.members)
    graph = igraph.Graph(n=size)
    # add_edges reads the array as it is; Graph(edges=…) would make a Python object per link, and full
    # garbage collections of the whole process (tens of ms each) follow such heaps of new objects
    graph.add_edges(part.ends)
    weights = part.weights.astype(float).tolist()
    iterations = max(FORCE_ITERATIONS_AT_LEAST, min(500, FORCE_WORK // size))
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        # igraph's own method, without the wrapper that copies the coordinates twice into a Layout
        coordinates = igraph.GraphBase.layout_fruchterman_reingold(
            graph, weights=weights, niter=iterations, grid="grid"
        )
    finally:
        igraph.set_random_number_generator(random)
    return np.array(coordinates, dtype=float)


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


def _pack(parts: list[np.ndarray]) -> np.ndarray:
    """Place laid-out parts side by side in rows, in the order given (largest first); their points, in that order.

    >>> _pack([np.array([[0.0, 0.0], [170.0, 0.0]]), np.zeros((1, 2))]).tolist()
    [[0.0, 0.0], [170.0, 0.0], [340.0, 0.0]]
    """
    placed = []
    cursor_x = cursor_y = row_height = 0.0
    row_width = max(math.sqrt(sum(len(points) for points in parts)) * EDGE_LENGTH * 1.4, EDGE_LENGTH * 3)
    for points in parts:
        low, high = points.min(axis=0), points.max(axis=0)
        width, height = high - low + EDGE_LENGTH
        if cursor_x and cursor_x + width > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height, 0.0
        placed.append(points - low + np.array([cursor_x, cursor_y]))
        cursor_x += width
        row_height = max(row_height, height)
    return np.concatenate(placed)


def _spread(points: np.ndarray, minimum: float, rounds: int = 30) -> np.ndarray:
    """Push apart organisations that sit closer than ``minimum`` (deterministic).

    Each round moves both members of every close pair half their overlap
    apart, all from the same snapshot. Close pairs are picked from the nearby
    pairs, those a KD-tree finds within ``minimum`` plus a margin, which are
    found again only once some organisation has moved half the margin: time
    and memory are O(n log n) in the number of organisations and nearby
    pairs, not O(n²), and the tree is built every few rounds, not every one.

    >>> _spread(np.array([[0.0, 0.0], [10.0, 0.0], [500.0, 0.0]]), 50.0).round().tolist()
    [[-20.0, 0.0], [30.0, 0.0], [500.0, 0.0]]
    """
    from scipy.spatial import cKDTree  # only large maps need it: keeps the command quick to start

    if len(points) < 2:
        return points
    x, y = points[:, 0].copy(), points[:, 1].copy()
    margin = minimum / 4
    found_x = found_y = np.full(len(x), np.inf)  # where the points were when the nearby pairs were found
    for _ in range(rounds):
        if np.sqrt((x - found_x) ** 2 + (y - found_y) ** 2).max() > margin / 2:
            # no pair has closed in by more than the margin since: the nearby pairs still hold every close one
            found_x, found_y = x.copy(), y.copy()
            pairs = cKDTree(np.stack([x, y], axis=1)).query_pairs(minimum + margin, output_type="ndarray")
            # both directions of every pair, in the order (point, partner): sums then run in index order
            pairs = np.concatenate([pairs, pairs[:, ::-1]])
            near_me, near_other = pairs[np.argsort(pairs[:, 0] * len(x) + pairs[:, 1])].T.copy()
        dx, dy = x[near_me] - x[near_other], y[near_me] - y[near_other]
        distance = np.sqrt(dx**2 + dy**2)
        close = np.flatnonzero(distance < minimum)
        if not len(close):
            break
        me, other, dx, dy, distance = near_me[close], near_other[close], dx[close], dy[close], distance[close]
        apart = distance > 0
        # coincident points: separate them along a fixed, index-based direction
        angle = (me - other).astype(float)
        unit_x = np.where(apart, dx / np.where(apart, distance, 1.0), np.cos(angle))
        unit_y = np.where(apart, dy / np.where(apart, distance, 1.0), np.sin(angle))
        overlap = minimum - distance
        x += np.bincount(me, unit_x * overlap / 2, minlength=len(x))
        y += np.bincount(me, unit_y * overlap / 2, minlength=len(y))
    return np.stack([x, y], axis=1)


def _scaled(points: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A part's ``points``, scaled so its median link is :data:`EDGE_LENGTH` long, or longer when crowded.

    ``ends`` are the linked pairs (rows of ``points``).

    In a large, small-world network most links run to hubs far away while
    unlinked organisations sit close together: for parts above
    :data:`KAMADA_KAWAI_LIMIT` the scale is at least the one that gives each
    organisation room (the median distance to the nearest neighbour becomes
    :data:`MIN_DISTANCE`, in the label-shaped metric of :func:`_spread`).

    >>> _scaled(np.array([[0.0, 0.0], [2.0, 0.0], [2.0, 1.0]]), np.array([[0, 1], [1, 2]])).tolist()
    [[0.0, 0.0], [226.66666666666666, 0.0], [226.66666666666666, 113.33333333333333]]
    """
    lengths = np.sqrt(((points[ends[:, 0]] - points[ends[:, 1]]) ** 2).sum(axis=1))
    typical = float(np.median(lengths)) if len(lengths) else 1.0
    scale = EDGE_LENGTH / typical if typical > 0 else 1.0
    if len(points) > KAMADA_KAWAI_LIMIT:
        from scipy.spatial import cKDTree

        squeezed = points / np.array([LABEL_ASPECT, 1.0])
        distances, _ = cKDTree(squeezed).query(squeezed, k=2)
        nearest = float(np.median(np.asarray(distances)[:, 1]))
        if nearest > 0:
            scale = max(scale, MIN_DISTANCE / nearest)
    return points * scale


def layout_inputs(source: nx.Graph | Skeleton) -> dict[str, object]:
    """Everything the positions of ``source`` (a graph or a :class:`Skeleton`) depend on, as plain JSON-ready data.

    The organisations (sorted ids), the pairs they link (sorted, with the
    number of links between them), the layout's version and the versions of
    the libraries that compute it: the layout cache keys on this.

    >>> G = nx.MultiDiGraph([("b", "a"), ("a", "b"), ("b", "c")])
    >>> inputs = layout_inputs(G)
    >>> inputs["nodes"], inputs["links"]
    (['a', 'b', 'c'], [['a', 'b', 2], ['b', 'c', 1]])
    >>> layout_inputs(skeleton_of_graph(G)) == inputs
    True
    """
    skeleton = as_skeleton(source)
    return {
        "layout": LAYOUT_VERSION,
        "libraries": _versions(),
        "nodes": list(skeleton.nodes),
        "links": [list(pair) for pair in skeleton.pairs],
    }


@cache
def _versions() -> dict[str, str]:
    return {name: version(name) for name in ("networkx", "numpy", "scipy", "igraph")}


def compute_positions(source: nx.Graph | Skeleton, progress: Progress | None = None) -> dict[str, tuple[int, int]]:
    """Pixel positions ``{id: (x, y)}`` for every organisation of ``source`` (sorted by id), centred on (0, 0).

    ``source`` is a :class:`Skeleton` (:func:`map_skeleton` gives a map's) or
    a networkx graph. Each connected part is laid out on its own (Kamada-Kawai
    seeded by a fixed spring layout for parts up to
    :data:`KAMADA_KAWAI_LIMIT` organisations, igraph's grid-based
    Fruchterman-Reingold for larger ones), scaled so linked organisations sit
    about :data:`EDGE_LENGTH` pixels apart, packed side by side, and pushed
    apart where they would overlap. ``progress`` is told about each step.

    >>> compute_positions(Skeleton(["a", "b", "c"], [("a", "b", 1)]))
    {'a': (-37, -70), 'b': (-133, 70), 'c': (133, -70)}
    """
    report = progress or (lambda message: None)
    skeleton = as_skeleton(source)
    if not skeleton.nodes:
        return {}
    parts = _parts(len(skeleton.nodes), *_numbered(skeleton))
    laid_out = []
    shapes: dict[tuple[int, bytes, bytes], np.ndarray] = {}
    for number, part in enumerate(parts, 1):
        size = len(part.members)
        if size > KAMADA_KAWAI_LIMIT or number == 1:
            report(f"Laying out part {number} of {len(parts)} ({size:,} organisations)")
        if size > KAMADA_KAWAI_LIMIT:
            laid_out.append(_scaled(_force_layout(part), part.ends))
            continue
        # small parts of the same shape (pairs, triangles, stars …) get the same layout: compute it once
        shape = (size, part.ends.tobytes(), part.weights.tobytes())
        if shape not in shapes:
            shapes[shape] = _scaled(_small_layout(part), part.ends)
        laid_out.append(shapes[shape])
    order = np.concatenate([part.members for part in parts])
    report(f"Spreading {len(order):,} organisations so none overlap")
    # labels sit below the shapes and are wider than tall: demand more room sideways
    squeeze = np.array([LABEL_ASPECT, 1.0])
    points = _spread(_pack(laid_out) / squeeze, MIN_DISTANCE) * squeeze
    points -= (points.min(axis=0) + points.max(axis=0)) / 2
    rounded = np.empty((len(order), 2), dtype=np.int64)
    rounded[order] = np.rint(points)  # halves to even, as round() does
    return dict(zip(skeleton.nodes, zip(*rounded.T.tolist(), strict=True), strict=True))
