"""Deterministic positions for a map, computed once in Python.

The page opens with these positions and physics off, so the picture is still
the moment it appears and the same input always gives the same picture: the
layout depends only on the organisations and the links between them (sorted
by id, so row order does not matter), never on a clock or a random state.

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
>>> positions = compute_positions(G)
>>> sorted(positions) == ["a", "b", "c"] and positions == compute_positions(G)
True
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["compute_positions"]

EDGE_LENGTH = 170.0
"""Typical distance in pixels between two linked organisations on the page."""

MIN_DISTANCE = 75.0
"""Organisations are pushed apart until no two are closer than this (pixels)."""

LABEL_ASPECT = 1.8
"""Two organisations side by side need this many times the room of two above each other."""

SEED = 20211102


def _skeleton(G: nx.Graph) -> nx.Graph:
    """An undirected simple graph on sorted nodes; parallel links strengthen the tie."""
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=str))
    for source, target in sorted((str(u), str(v)) for u, v in G.edges()):
        if source == target:
            continue
        weight = H.edges[source, target]["weight"] + 1 if H.has_edge(source, target) else 1
        H.add_edge(source, target, weight=weight)
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
    if n <= 400:
        degree = dict(H.degree())
        lengths = {(u, v): math.sqrt(max(degree[u], degree[v])) for u, v in H.edges()}
        nx.set_edge_attributes(H, lengths, "length")
        start = nx.spring_layout(H, seed=SEED, iterations=100)
        return nx.kamada_kawai_layout(H, pos=start, weight="length")
    return nx.spring_layout(H, seed=SEED, iterations=60)


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
    """Push apart organisations that sit closer than ``minimum`` (deterministic)."""
    if len(points) < 2 or len(points) > 3000:
        return points
    points = points.copy()
    for _ in range(rounds):
        delta = points[:, None, :] - points[None, :, :]
        distance = np.sqrt((delta**2).sum(axis=2))
        np.fill_diagonal(distance, np.inf)
        overlap = np.clip(minimum - distance, 0, None)
        if not overlap.any():
            break
        with np.errstate(invalid="ignore", divide="ignore"):
            direction = np.where(distance[..., None] > 0, delta / distance[..., None], 0.0)
        # coincident points: separate them along a fixed, index-based direction
        same = distance == 0
        if same.any():
            angles = np.arange(len(points))[:, None] - np.arange(len(points))[None, :]
            direction[same] = np.stack([np.cos(angles), np.sin(angles)], axis=-1)[same]
        points += (direction * overlap[..., None] / 2).sum(axis=1)
    return points


def compute_positions(G: nx.Graph) -> dict[str, tuple[int, int]]:
    """Pixel positions ``{id: (x, y)}`` for every node of ``G``, centred on (0, 0).

    Each connected part is laid out on its own (Kamada-Kawai seeded by a fixed
    spring layout for small parts, a seeded spring layout for large ones),
    scaled so linked organisations sit about :data:`EDGE_LENGTH` pixels apart,
    packed side by side, and pushed apart where they would overlap.
    """
    H = _skeleton(G)
    if H.number_of_nodes() == 0:
        return {}
    parts = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(c)))
    laid_out = []
    for part in parts:
        sub = H.subgraph(sorted(part)).copy()
        pos = _component_layout(sub)
        lengths = [np.linalg.norm(pos[u] - pos[v]) for u, v in sub.edges()]
        typical = float(np.median(lengths)) if lengths else 1.0
        scale = EDGE_LENGTH / typical if typical > 0 else 1.0
        laid_out.append({node: np.asarray(pos[node], dtype=float) * scale for node in sorted(part)})
    placed = _pack(laid_out)
    nodes = list(placed)
    # labels sit below the shapes and are wider than tall: demand more room sideways
    squeeze = np.array([LABEL_ASPECT, 1.0])
    points = _spread(np.array([placed[n] for n in nodes]) / squeeze, MIN_DISTANCE) * squeeze
    points -= (points.min(axis=0) + points.max(axis=0)) / 2
    return {node: (int(round(x)), int(round(y))) for node, (x, y) in zip(nodes, points, strict=True)}
