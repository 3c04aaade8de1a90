"""How a link bends around the organisations it does not join: the page's curve, and the bends that clear them.

Plain geometry, with no drawing. A link is drawn as vis-network draws a
``curvedCW`` (a positive curve) or ``curvedCCW`` (a negative one) edge of
that roundness: a quadratic Bézier from its source's centre to its target's
through the control point :func:`via_point`, or a straight line for a curve
of 0. The map page, the deck, the diff page and the images all draw this one
curve, so what is checked here is what a reader sees.

:func:`route_links` gives each link the curve that keeps it clear of every
organisation it does not join: straight when that is already so, else the
gentlest bend, away from the organisation in the way, that clears them all.
Links between the same two organisations (bent apart by
:func:`stakeholders.style.link_curves`) move together, so they stay apart.
Only the organisations near a link are looked at (a grid), so a map of 10,000
organisations is routed in a moment.

>>> where = {"a": (0.0, 0.0), "b": (100.0, 0.0), "c": (200.0, 0.0)}
>>> links = [{"id": "1", "source": "a", "target": "c"}, {"id": "2", "source": "a", "target": "b"}]
>>> radii = {"a": 14.0, "b": 14.0, "c": 14.0}
>>> crossings(where, links, {}, radii)  # straight from a to c runs through b
[('1', 'b')]
>>> bends = route_links(where, links, radii)
>>> bends
{'1': 0.25}
>>> crossings(where, links, bends, radii)
[]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["BENDS", "MARGIN", "MOST_PAIRS", "crossings", "curve_points", "route_links", "via_point"]

Point = tuple[float, float]

MARGIN = 5.0
"""Room, in the positions' units (the page's pixels), kept between a link and an organisation it does not join."""
BENDS = tuple(step / 20 for step in range(1, 17))
"""The bends tried, gentlest first, on the side away from what is in the way and then on the other."""
MOST_IN_WAY = 3
"""On a map of over :data:`MANY_PAIRS` linked pairs, a link straight through more organisations than this is
left as it is: a gentle bend rarely clears a crowd, and trying costs time."""
MANY_PAIRS = 1000
MOST_PAIRS = 1500
"""On a map of more linked pairs than this, links keep their parallel curves and are not routed: above 1,500
links the page draws the links itself, one pixel wide, and routing 2,000 pairs takes seconds (20,000: minutes)."""
APART = 0.1
"""How far apart the curves of links between the same two organisations stay when each is bent on its own."""
STEPS = 24
"""Straight pieces a curve is checked as (the largest gap to the true curve is under 1/1000 of its length)."""


def via_point(start: Point, end: Point, curve: float) -> Point:
    """The control point of the link from ``start`` to ``end`` bent by ``curve``, as vis-network places it.

    vis-network's ``curvedCW`` edge of roundness ``curve`` (``curvedCCW`` for a
    negative curve; ``BezierEdgeStatic._getViaCoordinates``), written without
    its angles: ``k = (1 + |curve|) / 2`` of the way along, turned ``k·π``. A
    curve of 0 is the middle of the straight line.

    >>> via_point((0, 0), (100, 0), 0)
    (50.0, 0.0)
    >>> [round(v, 3) for v in via_point((0, 0), (100, 0), 1.0)]  # a quarter turn, a whole length out
    [0.0, -100.0]
    """
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    if not curve:
        return (x1 + dx / 2, y1 + dy / 2)
    k = 0.5 + abs(curve) / 2
    along = k * math.sin(k * math.pi)
    side = -k * math.cos(k * math.pi) * (1 if curve > 0 else -1)
    return (x1 + along * dx + side * dy, y1 + along * dy - side * dx)


def curve_points(start: Point, end: Point, curve: float, steps: int = STEPS) -> list[Point]:
    """``steps + 1`` points along the link (its two ends when it is straight).

    >>> curve_points((0, 0), (100, 0), 0)
    [(0, 0), (100, 0)]
    >>> [tuple(round(v) for v in p) for p in curve_points((0, 0), (100, 0), 1.0, 2)]
    [(0, 0), (25, -50), (100, 0)]
    """
    if not curve:
        return [start, end]
    (x1, y1), (cx, cy), (x2, y2) = start, via_point(start, end, curve), end
    points = []
    for index in range(steps + 1):
        t = index / steps
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
        points.append((a * x1 + b * cx + c * x2, a * y1 + b * cy + c * y2))
    return points


class _Grid:
    """The organisations in grid cells (numpy arrays), to find those near a line without looking at all of them."""

    def __init__(self, where: Mapping[str, Point], reach: Mapping[str, float]) -> None:
        self.ids = list(where)
        self.index = {org: number for number, org in enumerate(self.ids)}
        self.xy = np.array([where[org] for org in self.ids], dtype=float).reshape(-1, 2)
        self.reach = np.array([reach[org] for org in self.ids], dtype=float)
        self.widest = float(self.reach.max()) if len(self.reach) else 1.0
        self.cell = max(2 * self.widest, 1.0)
        cells = np.floor(self.xy / self.cell).astype(np.int64)
        self.low = cells.min(axis=0) - 2 if len(cells) else np.zeros(2, dtype=np.int64)
        self.rows = int((cells[:, 1].max() - self.low[1] + 3) if len(cells) else 1)
        keys = self._keys(cells)
        self.order = np.argsort(keys, kind="stable")
        self.keys = keys[self.order]

    def _keys(self, cells: np.ndarray) -> np.ndarray:
        return (cells[..., 0] - self.low[0]) * self.rows + (cells[..., 1] - self.low[1])

    def in_box(self, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
        """The numbers of the organisations whose centres stand in a box, in a fixed order."""
        c0 = np.clip(np.floor(np.array([x0, y0]) / self.cell).astype(np.int64), self.low, None)
        c1 = np.floor(np.array([x1, y1]) / self.cell).astype(np.int64)
        c1[1] = min(c1[1], self.low[1] + self.rows - 1)
        if c1[0] < c0[0] or c1[1] < c0[1]:
            return np.zeros(0, dtype=np.int64)
        columns = np.arange(c0[0], c1[0] + 1)
        first = np.searchsorted(self.keys, (columns - self.low[0]) * self.rows + (c0[1] - self.low[1]), "left")
        last = np.searchsorted(self.keys, (columns - self.low[0]) * self.rows + (c1[1] - self.low[1]), "right")
        if not (last > first).any():
            return np.zeros(0, dtype=np.int64)
        found = self.order[np.concatenate([np.arange(a, b) for a, b in zip(first, last, strict=True) if b > a])]
        x, y = self.xy[found, 0], self.xy[found, 1]
        return np.sort(found[(x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)])

    def around(self, points: Sequence[Point], reach: float = 0.0) -> np.ndarray:
        """The organisations that may come within reach of any line through points within ``reach`` of ``points``."""
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        pad = self.widest + reach
        return self.in_box(min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)

    def in_the_way(
        self, points: Sequence[Point], ends: Iterable[str], near: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """The organisations other than ``ends`` (among ``near``) the line comes within reach of, and how deep."""
        near = self.around(points) if near is None else near
        skip = [self.index[end] for end in ends if end in self.index]
        near = near[~np.isin(near, skip)]
        if not len(near):
            return []
        gap = _gaps(self.xy[near], np.array(points, dtype=float))
        inside = gap < self.reach[near]
        return [
            (self.ids[n], float(depth)) for n, depth in zip(near[inside], (self.reach[near] - gap)[inside], strict=True)
        ]

    def straight_hits(self, pairs: np.ndarray) -> dict[int, list[tuple[str, float]]]:
        """For straight lines between the organisation numbers in ``pairs`` (rows source, target): what is in the way.

        All lines at once: points every half cell along each line, the organisations in the cells around them,
        then the exact distance of each such organisation to its line.
        """
        if not len(pairs) or not len(self.keys):
            return {}
        a, b = self.xy[pairs[:, 0]], self.xy[pairs[:, 1]]
        steps = np.ceil(np.hypot(*(b - a).T) / (self.cell / 2)).astype(np.int64) + 1
        line = np.repeat(np.arange(len(pairs)), steps + 1)
        t = (np.arange(len(line)) - np.repeat(np.cumsum(steps + 1) - (steps + 1), steps + 1)) / np.repeat(
            steps, steps + 1
        )
        points = a[line] + (b - a)[line] * t[:, None]
        cells = np.floor(points / self.cell).astype(np.int64)
        cells = np.unique(np.column_stack([line, self._keys(cells)]), axis=0)
        lines, keys = [], []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                lines.append(cells[:, 0])
                keys.append(cells[:, 1] + dx * self.rows + dy)
        line_of, key = np.concatenate(lines), np.concatenate(keys)
        first, last = np.searchsorted(self.keys, key, "left"), np.searchsorted(self.keys, key, "right")
        counts = last - first
        line_of = np.repeat(line_of, counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        node = self.order[np.repeat(first, counts) + offsets]
        candidate = np.unique(line_of * len(self.ids) + node)
        line_of, node = candidate // len(self.ids), candidate % len(self.ids)
        keep = (node != pairs[line_of, 0]) & (node != pairs[line_of, 1])
        line_of, node = line_of[keep], node[keep]
        pa, pb, pn = a[line_of], b[line_of], self.xy[node]
        d = pb - pa
        length2 = (d * d).sum(axis=1)
        along = np.clip(((pn - pa) * d).sum(axis=1) / np.where(length2 > 0, length2, 1.0), 0.0, 1.0)
        gap = np.hypot(*(pn - pa - along[:, None] * d).T)
        inside = gap < self.reach[node]
        hits: dict[int, list[tuple[str, float]]] = {}
        for number, org, depth in zip(
            line_of[inside].tolist(), node[inside].tolist(), (self.reach[node] - gap)[inside].tolist(), strict=True
        ):
            hits.setdefault(number, []).append((self.ids[org], depth))
        return hits


def _gaps(centres: np.ndarray, points: np.ndarray) -> np.ndarray:
    """How far each of ``centres`` stands from the polyline through ``points``."""
    a, b = points[:-1], points[1:]
    d = b - a
    length2 = (d * d).sum(axis=1)
    rel = centres[:, None, :] - a[None, :, :]
    along = np.clip((rel * d[None]).sum(axis=2) / np.where(length2 > 0, length2, 1.0)[None], 0.0, 1.0)
    off = rel - along[..., None] * d[None]
    return np.sqrt((off * off).sum(axis=2)).min(axis=1)


def crossings(
    where: Mapping[str, Point],
    links: Iterable[Mapping[str, Any]],
    curves: Mapping[str, float],
    radii: Mapping[str, float],
    margin: float = 0.0,
) -> list[tuple[str, str]]:
    """Every (link id, organisation id) where a link, bent by ``curves``, runs through an organisation it does not join.

    Through means within its radius (plus ``margin``) of its centre.
    """
    grid = _Grid(where, {org: radii.get(org, 0.0) + margin for org in where})
    found = []
    for link in links:
        source, target = link["source"], link["target"]
        if source == target or source not in where or target not in where:
            continue
        points = curve_points(where[source], where[target], curves.get(link["id"], 0.0))
        found += [(link["id"], org) for org, _ in grid.in_the_way(points, (source, target))]
    return found


def _side(where: Mapping[str, Point], first: str, second: str, org: str) -> int:
    """+1 when ``org`` stands on the side of the line first → second that a positive curve bends away from."""
    (x1, y1), (x2, y2), (x, y) = where[first], where[second], where[org]
    return 1 if (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) >= 0 else -1


def route_links(
    where: Mapping[str, Point],
    links: Sequence[Mapping[str, Any]],
    radii: Mapping[str, float],
    *,
    curves: Mapping[str, float] | None = None,
    margin: float = MARGIN,
) -> dict[str, float]:
    """The curve of every link that must bend to keep clear of the organisations it does not join.

    ``where``: each organisation's centre; ``radii``: how far it reaches from
    it; ``curves``: the bends links already have (those that share a pair of
    organisations, :func:`stakeholders.style.link_curves`), kept where they are
    clear. The result has those curves and the new bends, by link id (a link
    left straight is not in it). Links of one pair move together by one bend.
    When no bend clears everything, the one through the fewest organisations
    (and least deep) is taken. Above :data:`MOST_PAIRS` linked pairs, only
    ``curves`` is returned.
    """
    curves = curves or {}
    grid = _Grid(where, {org: radii.get(org, 0.0) + margin for org in where})
    pairs: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for link in links:
        source, target = link["source"], link["target"]
        if source != target and source in where and target in where:
            pairs.setdefault((min(source, target), max(source, target)), []).append(link)
    keys = list(pairs)
    if len(keys) > MOST_PAIRS:
        return {link_id: curve for link_id, curve in curves.items() if curve}
    ends = np.array([(grid.index[first], grid.index[second]) for first, second in keys], dtype=np.int64).reshape(-1, 2)
    straight = grid.straight_hits(ends)
    routed: dict[str, float] = {}
    for number, ((first, second), group) in enumerate(pairs.items()):
        if number not in straight and not any(curves.get(link["id"]) for link in group):
            continue  # straight and clear
        if len(straight.get(number, ())) > MOST_IN_WAY and len(keys) > MANY_PAIRS:
            continue  # through a crowd: left as it is
        for link, curve in zip(group, _route_pair(grid, where, first, second, group, curves, margin), strict=True):
            if curve:
                routed[link["id"]] = curve
    return routed


def _cost(hits: list[tuple[str, float]], margin: float) -> tuple[int, int, float]:
    """How bad a curve is: organisations it runs through, those it passes too close to, and how deep."""
    return (sum(1 for _, depth in hits if depth > margin), len(hits), round(sum(depth for _, depth in hits), 6))


def _route_pair(
    grid: _Grid,
    where: Mapping[str, Point],
    first: str,
    second: str,
    group: list[Mapping[str, Any]],
    curves: Mapping[str, float],
    margin: float,
) -> list[float]:
    """The curves of the links between ``first`` and ``second``: as they are when clear, else shifted by one bend.

    When no one shift clears them all, each link takes the clearest curve nearest its own, :data:`APART` from
    the others'.
    """
    # each link's curve in the pair's own direction (first → second), and the sign that turns it back
    signs = [1 if link["source"] == first else -1 for link in group]
    offsets = [sign * curves.get(link["id"], 0.0) for link, sign in zip(group, signs, strict=True)]

    (x1, y1), (x2, y2) = where[first], where[second]
    near = grid.around([(x1, y1), (x2, y2)], math.hypot(x2 - x1, y2 - y1) / 2)  # where any bend can go

    def hits_of(index: int, value: float) -> list[tuple[str, float]]:
        link = group[index]
        points = curve_points(where[link["source"]], where[link["target"]], signs[index] * value)
        return grid.in_the_way(points, (first, second), near)

    def trial(shift: float) -> tuple[list[float], list[tuple[str, float]]]:
        values = [round(max(-1.0, min(1.0, offset + shift)), 3) for offset in offsets]
        return values, [hit for index, value in enumerate(values) for hit in hits_of(index, value)]

    values, hits = trial(0.0)
    if hits:
        away = _side(where, first, second, max(hits, key=lambda hit: (hit[1], hit[0]))[0])
        best = (_cost(hits, margin), 0, values)
        for order, shift in enumerate([away * bend for bend in BENDS] + [-away * bend for bend in BENDS], 1):
            candidate, found = trial(shift)
            best = min(best, (_cost(found, margin), order, candidate))
            if not found:
                break
        values = best[2]
        if best[0][1] and len(group) > 1:
            apart = _each_apart(hits_of, offsets, away, margin)
            found = [hit for index, value in enumerate(apart) for hit in hits_of(index, value)]
            values = apart if _cost(found, margin) < best[0] else values
    return [sign * value for sign, value in zip(signs, values, strict=True)]


def _each_apart(hits_of: Any, offsets: list[float], away: int, margin: float) -> list[float]:
    """Each link of a pair on its own: the clearest curve nearest its own, :data:`APART` from those taken before."""
    choices = [step / 20 for step in range(-20, 21)]
    values = list(offsets)
    taken: list[float] = []
    for index in sorted(range(len(offsets)), key=lambda i: (offsets[i], i)):
        best: tuple[tuple[int, int, float], float, float] | None = None
        for value in sorted(choices, key=lambda v: (abs(v - offsets[index]), -away * v)):
            if any(abs(value - other) < APART - 1e-9 for other in taken):
                continue
            cost = _cost(hits_of(index, value), margin)
            if best is None or (cost, abs(value - offsets[index])) < (best[0], best[1]):
                best = (cost, abs(value - offsets[index]), value)
            if not cost[1]:
                break
        if best is not None:
            values[index] = best[2]
        taken.append(values[index])
    return values
