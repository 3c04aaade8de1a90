"""Positions that hold still: what is known stays where it is, what is new is placed near its partners.

:func:`settle` takes a :class:`~stakeholders.layout.Skeleton` and the
positions already known for some of its organisations (kept from the last
run, or pinned by the source's ``x`` and ``y``), and places the others:

1. an organisation with placed partners starts at their mean, a little off
   it in a direction taken from its id (so the same input always gives the
   same picture), the best-connected first;
2. a group of new organisations linked to nothing already placed is laid out
   on its own (:func:`~stakeholders.layout.compute_positions`) and set to the
   right of the picture;
3. a short relaxation pulls each new organisation towards its partners and
   away from everyone near it, while every known organisation stays put;
   then new ones still too close to another are pushed apart.

Known positions never move, so a new month's data moves only what changed.

>>> from stakeholders.layout import Skeleton
>>> skeleton = Skeleton(["a", "b", "c"], [("a", "b", 1), ("a", "c", 1)])
>>> placed = settle(skeleton, {"a": (0, 0), "b": (170, 0)})
>>> placed["a"], placed["b"], placed["c"] != placed["a"]
((0, 0), (170, 0), True)
"""

from __future__ import annotations

import math
import zlib

import numpy as np

from ._force import EDGE_LENGTH, LABEL_ASPECT, MIN_DISTANCE, Skeleton, compute_positions

__all__ = ["settle", "with_pins"]

ROUNDS = 80
"""Relaxation rounds for the new organisations."""


def _angle(ident: str) -> float:
    """A direction taken from an id: the same id, the same direction, on every computer."""
    return (zlib.crc32(ident.encode("utf-8")) % 3600) / 3600 * 2 * math.pi


def _neighbours(skeleton: Skeleton) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {node: [] for node in skeleton.nodes}
    for a, b, _ in skeleton.pairs:
        found[a].append(b)
        found[b].append(a)
    return found


def _new_groups(new: list[str], neighbours: dict[str, list[str]], placed: set[str]) -> list[list[str]]:
    """The new organisations no path of new ones links to anything placed, in connected groups (sorted)."""
    reach: set[str] = set()
    frontier = [node for node in new if any(n in placed for n in neighbours[node])]
    reach.update(frontier)
    while frontier:
        frontier = [n for node in frontier for n in neighbours[node] if n not in placed and n not in reach]
        reach.update(frontier)
    groups, seen = [], set(reach)
    for node in new:
        if node in seen:
            continue
        group, stack = [], [node]
        seen.add(node)
        while stack:
            here = stack.pop()
            group.append(here)
            for n in neighbours[here]:
                if n not in seen:
                    seen.add(n)
                    stack.append(n)
        groups.append(sorted(group))
    return groups


def _relax(points: np.ndarray, free: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Move the ``free`` points (indices) towards their linked points and away from close ones; others stay."""
    from scipy.spatial import cKDTree

    if not len(free):
        return points
    points = points.copy()
    squeeze = np.array([LABEL_ASPECT, 1.0])
    is_free = np.zeros(len(points), dtype=bool)
    is_free[free] = True
    links = ends[is_free[ends[:, 0]] | is_free[ends[:, 1]]]
    for step in range(ROUNDS):
        cooling = 1.0 - step / ROUNDS
        move = np.zeros_like(points)
        if len(links):
            delta = points[links[:, 1]] - points[links[:, 0]]
            length = np.sqrt((delta**2).sum(axis=1)) + 1e-9
            pull = (delta * ((length - EDGE_LENGTH) / length)[:, None]) * 0.1
            np.add.at(move, links[:, 0], pull)
            np.add.at(move, links[:, 1], -pull)
        squeezed = points / squeeze
        tree = cKDTree(squeezed)
        for index in free:
            near = tree.query_ball_point(squeezed[index], 2 * MIN_DISTANCE)
            near = np.array(sorted(n for n in near if n != index), dtype=np.intp)
            if not len(near):
                continue
            away = squeezed[index] - squeezed[near]
            distance = np.sqrt((away**2).sum(axis=1))
            distance = np.where(distance > 1e-6, distance, 1e-6)
            push = (away / distance[:, None]) * ((2 * MIN_DISTANCE - distance) / 2)[:, None] * 0.3
            move[index] += push.sum(axis=0) * squeeze
        step_size = np.sqrt((move[free] ** 2).sum(axis=1))
        limit = EDGE_LENGTH * 0.5 * cooling + 1.0
        scale = np.where(step_size > limit, limit / np.maximum(step_size, 1e-9), 1.0)
        points[free] += move[free] * scale[:, None]
    return points


def _apart(points: np.ndarray, free: np.ndarray, rounds: int = 30) -> np.ndarray:
    """Push the ``free`` points out of :data:`MIN_DISTANCE` of any other (label-shaped); the others stay."""
    from scipy.spatial import cKDTree

    if not len(free):
        return points
    points = points.copy()
    squeeze = np.array([LABEL_ASPECT, 1.0])
    for _ in range(rounds):
        squeezed = points / squeeze
        tree = cKDTree(squeezed)
        moved = False
        for index in free:
            near = [n for n in sorted(tree.query_ball_point(squeezed[index], MIN_DISTANCE)) if n != index]
            for other in near:
                away = squeezed[index] - squeezed[other]
                distance = float(np.sqrt((away**2).sum()))
                if distance >= MIN_DISTANCE:
                    continue
                if distance < 1e-6:
                    angle = index * 2.399963
                    away, distance = np.array([math.cos(angle), math.sin(angle)]), 1.0
                points[index] += away / distance * (MIN_DISTANCE - distance) * squeeze
                squeezed[index] = points[index] / squeeze
                moved = True
        if not moved:
            break
    return points


def settle(
    skeleton: Skeleton, known: dict[str, tuple[int, int]], start: dict[str, tuple[int, int]] | None = None
) -> dict[str, tuple[int, int]]:
    """Positions for every organisation of ``skeleton``: ``known`` ones where they are, the others placed.

    ``known`` may name organisations the skeleton does not have (they are
    left out). ``start`` gives others a place to start from: they are only
    pushed clear of the rest. Without any known position this is the fresh
    layout, :func:`~stakeholders.layout.compute_positions`.
    """
    known = {node: known[node] for node in skeleton.nodes if node in known}
    if not known:
        return compute_positions(skeleton)
    neighbours = _neighbours(skeleton)
    where: dict[str, np.ndarray] = {node: np.array(xy, dtype=float) for node, xy in known.items()}
    started = {node: xy for node, xy in (start or {}).items() if node in neighbours and node not in known}
    where.update({node: np.array(xy, dtype=float) for node, xy in started.items()})
    new = [node for node in skeleton.nodes if node not in known]
    for group in _new_groups([node for node in new if node not in started], neighbours, set(where)):
        members = set(group)
        pairs = [pair for pair in skeleton.pairs if pair[0] in members]
        laid = compute_positions(Skeleton(group, pairs))
        xs = [float(x) for x, _ in laid.values()]
        ys = [float(y) for _, y in laid.values()]
        right = max(float(p[0]) for p in where.values()) + EDGE_LENGTH + (max(xs) - min(xs)) / 2
        middle = sum(float(p[1]) for p in where.values()) / len(where)
        for node, (x, y) in laid.items():
            where[node] = np.array([right + x - (max(xs) + min(xs)) / 2, middle + y - (max(ys) + min(ys)) / 2])
    waiting = [node for node in new if node not in where]
    while waiting:
        # the next one: most partners already placed, then by id
        best = min(waiting, key=lambda node: (-sum(n in where for n in neighbours[node]), node))
        partners = [where[n] for n in neighbours[best] if n in where]
        centre = np.mean(partners, axis=0)
        angle = _angle(best)
        where[best] = centre + np.array([math.cos(angle), math.sin(angle)]) * EDGE_LENGTH * 0.6
        waiting.remove(best)
    order = list(skeleton.nodes)
    index = {node: i for i, node in enumerate(order)}
    points = np.array([where[node] for node in order], dtype=float)
    free = np.array([index[node] for node in new], dtype=np.intp)
    placed = np.array([index[node] for node in new if node not in started], dtype=np.intp)
    ends = np.array([[index[a], index[b]] for a, b, _ in skeleton.pairs], dtype=np.intp).reshape(-1, 2)
    points = _apart(_relax(points, placed, ends), free)
    result = {node: known[node] for node in known}
    for node in new:
        x, y = points[index[node]]
        result[node] = (round(float(x)), round(float(y)))
    return dict(sorted(result.items()))


def with_pins(
    fresh: dict[str, tuple[int, int]], pins: dict[str, tuple[float, float]]
) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """A fresh layout moved so its pinned organisations sit as near their pins as a shift allows.

    Returns the pinned organisations at their pins (whole pixels) and the
    others shifted: the ``known`` and ``start`` of :func:`settle`, which then
    pushes the others clear of the pinned ones.

    >>> with_pins({"a": (0, 0), "b": (100, 0)}, {"a": (10.0, 10.0)})
    ({'a': (10, 10)}, {'b': (110, 10)})
    """
    pinned = {node: (round(x), round(y)) for node, (x, y) in pins.items() if node in fresh}
    if not pinned:
        return {}, dict(fresh)
    dx = sum(pinned[n][0] - fresh[n][0] for n in pinned) / len(pinned)
    dy = sum(pinned[n][1] - fresh[n][1] for n in pinned) / len(pinned)
    return pinned, {node: (round(x + dx), round(y + dy)) for node, (x, y) in fresh.items() if node not in pinned}
