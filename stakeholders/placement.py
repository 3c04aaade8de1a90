"""Where an organisation's label goes in an image: beside its node, clear of other labels, nodes and lines.

Plain geometry in pixels, with no drawing: the image code measures each
label and draws the links, then asks :func:`place_labels` where each label
may stand. Each node offers candidate boxes around it (beside each side,
slid along it, at the corners, and a little further out where no other
node is nearer); a candidate is *allowed* when it stays inside the frame
and overlaps no node and no label placed before it, and *free* when no line
crosses it either. Labels are placed in the order given (most connected
first): each takes its first free candidate, else the allowed one crossed by
the fewest lines, drawn on an opaque background so the lines pass under it;
a label with no allowed candidate is left off.

>>> nodes = [Node("a", 100, 100, 10), Node("b", 100, 190, 10)]
>>> sizes = {"a": [(60, 20)], "b": [(60, 20)]}
>>> line = segments_of([[(100, 100), (100, 190)]])  # from a down to b: a's label goes above a
>>> placed = place_labels(nodes, sizes, line, frame=(0, 0, 400, 300))
>>> placed["a"].box, placed["a"].opaque
((70.0, 66.0, 130.0, 86.0), False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import numpy as np

__all__ = [
    "Node",
    "Placement",
    "boxes_overlap",
    "candidate_boxes",
    "crossings",
    "place_labels",
    "segments_of",
]

Box = tuple[float, float, float, float]
"""``(x0, y0, x1, y1)`` with ``x0 <= x1`` and ``y0 <= y1``, in pixels (y grows downwards)."""

GAP = 4.0
"""Pixels between a node's edge and its label."""
CELL = 64.0
"""Side in pixels of the grid cells that index the line segments."""


class Node(NamedTuple):
    """An organisation as drawn: its id, centre and radius in pixels."""

    id: str
    x: float
    y: float
    radius: float


class Placement(NamedTuple):
    """Where a label stands: its box, which of its text variants, and whether it needs an opaque background."""

    box: Box
    variant: int
    opaque: bool


def boxes_overlap(a: Box, b: Box, margin: float = 0.0) -> bool:
    """Whether two boxes share more than a border (each grown by ``margin``).

    >>> boxes_overlap((0, 0, 10, 10), (10, 0, 20, 10)), boxes_overlap((0, 0, 10, 10), (9, 9, 20, 20))
    (False, True)
    """
    return a[0] - margin < b[2] and b[0] - margin < a[2] and a[1] - margin < b[3] and b[1] - margin < a[3]


def segments_of(polylines: Iterable[Sequence[tuple[float, float]]]) -> np.ndarray:
    """The straight pieces of some polylines as an array of rows ``x0, y0, x1, y1``.

    >>> segments_of([[(0, 0), (1, 0), (1, 1)]]).tolist()
    [[0.0, 0.0, 1.0, 0.0], [1.0, 0.0, 1.0, 1.0]]
    """
    rows = [
        (*start, *end)
        for line in polylines
        for start, end in zip(line, list(line)[1:], strict=False)
        if tuple(start) != tuple(end)
    ]
    return np.array(rows, dtype=float).reshape(-1, 4)


def crossings(box: Box, segments: np.ndarray) -> int:
    """How many of ``segments`` pass through ``box`` (touching its border does not count).

    Liang-Barsky clipping of every segment against the box at once.

    >>> crossings((0, 0, 10, 10), segments_of([[(-5, 5), (15, 5)], [(-5, 20), (15, 20)], [(2, 2), (3, 3)]]))
    2
    """
    if not len(segments):
        return 0
    x0, y0, x1, y1 = segments.T
    dx, dy = x1 - x0, y1 - y0
    enter, leave = np.zeros(len(segments)), np.ones(len(segments))
    for start, delta, low, high in ((x0, dx, box[0], box[2]), (y0, dy, box[1], box[3])):
        with np.errstate(divide="ignore", invalid="ignore"):
            t_low, t_high = (low - start) / delta, (high - start) / delta
        flat = delta == 0
        inside = (start > low) & (start < high)
        near = np.where(flat, np.where(inside, -np.inf, np.inf), np.minimum(t_low, t_high))
        far = np.where(flat, np.where(inside, np.inf, -np.inf), np.maximum(t_low, t_high))
        enter, leave = np.maximum(enter, near), np.minimum(leave, far)
    return int(np.count_nonzero(enter < leave))


class _SegmentGrid:
    """The line segments bucketed by grid cell, so a box is tested only against the segments near it."""

    def __init__(self, segments: np.ndarray) -> None:
        self.segments = segments
        cells: dict[tuple[int, int], list[int]] = {}
        if len(segments):
            low = np.floor(np.minimum(segments[:, :2], segments[:, 2:]) / CELL).astype(int)
            high = np.floor(np.maximum(segments[:, :2], segments[:, 2:]) / CELL).astype(int)
            for index, (ax, ay, bx, by) in enumerate(np.hstack([low, high]).tolist()):
                for cx in range(ax, bx + 1):
                    for cy in range(ay, by + 1):
                        cells.setdefault((cx, cy), []).append(index)
        self.cells = cells

    def near(self, box: Box) -> np.ndarray:
        found: set[int] = set()
        for cx in range(int(np.floor(box[0] / CELL)), int(np.floor(box[2] / CELL)) + 1):
            for cy in range(int(np.floor(box[1] / CELL)), int(np.floor(box[3] / CELL)) + 1):
                found.update(self.cells.get((cx, cy), ()))
        return self.segments[sorted(found)] if found else self.segments[:0]


def candidate_boxes(
    node: Node, width: float, height: float, gap: float = GAP, step: float | None = None
) -> list[tuple[Box, bool]]:
    """The boxes a ``width`` × ``height`` label may take around ``node``, best first; each says if it is far.

    Below, above, right and left; the same slid along the node's side; the
    four corners; then below, above, right and left ``step`` and twice
    ``step`` further out (default: the label's height; *far*: used only when
    no other node is nearer to it).

    >>> [box for box, _ in candidate_boxes(Node("a", 100, 100, 10), 40, 10)[:2]]
    [(80.0, 114.0, 120.0, 124.0), (80.0, 76.0, 120.0, 86.0)]
    """
    x, y = node.x, node.y
    near = node.radius + gap
    corner = node.radius * 0.7 + gap
    far = near + (height if step is None else step)
    corners = [
        (x - width / 2, y + near),
        (x - width / 2, y - near - height),
        (x + near, y - height / 2),
        (x - near - width, y - height / 2),
        (x - width / 6, y + near),
        (x - 5 * width / 6, y + near),
        (x - width / 6, y - near - height),
        (x - 5 * width / 6, y - near - height),
        (x + near, y),
        (x + near, y - height),
        (x - near - width, y),
        (x - near - width, y - height),
        (x + corner, y + corner),
        (x - corner - width, y + corner),
        (x + corner, y - corner - height),
        (x - corner - width, y - corner - height),
    ]
    further = [
        spot
        for out in (far, 2 * far - near)
        for spot in (
            (x - width / 2, y + out),
            (x - width / 2, y - out - height),
            (x + out, y - height / 2),
            (x - out - width, y - height / 2),
        )
    ]
    return [
        ((float(left), float(top), float(left + width), float(top + height)), index >= len(corners))
        for index, (left, top) in enumerate(corners + further)
    ]


def _inside(box: Box, frame: Box) -> bool:
    return frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1] and box[3] <= frame[3]


class _Placer:
    """What placing labels needs to know: the nodes, the labels' sizes, the lines, the frame, the obstacles."""

    def __init__(
        self,
        nodes: Sequence[Node],
        sizes: Mapping[str, Sequence[tuple[float, float]]],
        segments: np.ndarray,
        frame: Box,
        obstacles: Sequence[Box],
        gap: float,
    ) -> None:
        self.nodes, self.sizes, self.frame, self.gap = nodes, sizes, frame, gap
        self.grid = _SegmentGrid(segments)
        self.node_boxes = np.array(
            [(n.x - n.radius, n.y - n.radius, n.x + n.radius, n.y + n.radius) for n in nodes], dtype=float
        ).reshape(-1, 4)
        self.obstacles = np.array(list(obstacles), dtype=float).reshape(-1, 4)
        self.zones = _label_zones(nodes, sizes)

    def spots(self, index: int) -> list[tuple[Box, int, bool, int]]:
        """Node ``index``'s candidates that no node or obstacle blocks: box, variant, far, rank."""
        node = self.nodes[index]
        line = self.sizes[node.id][0][1]
        found = []
        for variant, (width, height) in enumerate(self.sizes[node.id]):
            for rank, (box, far) in enumerate(candidate_boxes(node, width, height, self.gap, step=line / 2)):
                if not _inside(box, self.frame) or _hits(box, self.node_boxes) or _hits(box, self.obstacles):
                    continue
                if far and not _nearest(box, index, self.node_boxes):
                    continue
                found.append((box, variant, far, rank))
        return found

    def best(self, index: int, taken: np.ndarray, waiting: np.ndarray) -> Placement | None:
        """The best spot for node ``index``'s label clear of ``taken``: free of lines if any, near before far."""
        best: tuple[bool, int, bool, int, int, int] | None = None
        chosen = None
        for box, variant, far, rank in self.spots(index):
            if _hits(box, taken):
                continue
            crossed = crossings(box, self.grid.near(box))
            # a free spot of the one-line label, else of a wrapped one; else the spot the fewest lines cross
            key = (
                crossed > 0,
                variant if crossed == 0 else 0,
                far,
                crossed,
                _count_hits(box, self.zones[waiting]),
                rank,
            )
            if best is None or key < best:
                best, chosen = key, Placement(box, variant, crossed > 0)
        return chosen


def place_labels(
    nodes: Sequence[Node],
    sizes: Mapping[str, Sequence[tuple[float, float]]],
    segments: np.ndarray,
    *,
    frame: Box,
    obstacles: Sequence[Box] = (),
    gap: float = GAP,
) -> dict[str, Placement]:
    """Where each label goes: node id → :class:`Placement`; a label that fits nowhere is left out.

    ``nodes`` in the order their labels are placed (the most important
    first); ``sizes`` gives, for each node to label, the width and height of
    each text variant of its label (one line, two lines …), tried in that
    order; ``segments`` are the lines drawn (see :func:`segments_of`);
    ``frame`` is the box labels must stay in and ``obstacles`` boxes they
    must not cover (headers). Every node is an obstacle, labelled or not.
    A label that finds no room after the first pass may take a spot held by
    one or two labels placed earlier when those find another spot.
    """
    placer = _Placer(nodes, sizes, segments, frame, obstacles, gap)
    waiting = np.array([node.id in sizes for node in nodes])
    placed: dict[str, Placement] = {}
    for index, node in enumerate(nodes):
        if node.id in sizes:
            waiting[index] = False
            chosen = placer.best(index, _boxes(placed), waiting)
            if chosen is not None:
                placed[node.id] = chosen
    for index, node in enumerate(nodes):
        if node.id in sizes and node.id not in placed:
            _make_room(placer, index, placed)
    return dict(sorted(placed.items(), key=lambda item: [n.id for n in nodes].index(item[0])))


def _boxes(placed: dict[str, Placement], leave_out: Sequence[str] = (), add: Sequence[Box] = ()) -> np.ndarray:
    boxes = [p.box for org, p in placed.items() if org not in leave_out] + list(add)
    return np.array(boxes, dtype=float).reshape(-1, 4)


def _make_room(placer: _Placer, index: int, placed: dict[str, Placement]) -> None:
    """Place node ``index``'s label where one or two labels stand that can move elsewhere (``placed`` changes)."""
    node_index = {node.id: number for number, node in enumerate(placer.nodes)}
    nothing_waits = np.zeros(len(placer.nodes), dtype=bool)
    spots = sorted(placer.spots(index), key=lambda spot: (spot[2], spot[1], spot[3]))
    for box, variant, _, _ in spots:
        blockers = [org for org, p in placed.items() if boxes_overlap(p.box, box, margin=1.0)]
        if not 1 <= len(blockers) <= 2:
            continue
        moved: dict[str, Placement] = {}
        for org in blockers:
            taken = _boxes(placed, leave_out=blockers, add=[box, *(p.box for p in moved.values())])
            spot = placer.best(node_index[org], taken, nothing_waits)
            if spot is None:
                break
            moved[org] = spot
        if len(moved) == len(blockers):
            placed.update(moved)
            placed[placer.nodes[index].id] = Placement(box, variant, crossings(box, placer.grid.near(box)) > 0)
            return


def _label_zones(nodes: Sequence[Node], sizes: Mapping[str, Sequence[tuple[float, float]]]) -> np.ndarray:
    """Around each node, the box its label's nearest candidates cover (empty for a node without a label)."""
    zones = []
    for node in nodes:
        width, height = sizes[node.id][0] if node.id in sizes else (0.0, 0.0)
        reach_x, reach_y = node.radius + width * 0.6, node.radius + height * 1.2
        zones.append((node.x - reach_x, node.y - reach_y, node.x + reach_x, node.y + reach_y))
    return np.array(zones, dtype=float).reshape(-1, 4)


def _count_hits(box: Box, boxes: np.ndarray) -> int:
    if not len(boxes):
        return 0
    return int(
        np.count_nonzero(
            (boxes[:, 0] < box[2]) & (box[0] < boxes[:, 2]) & (boxes[:, 1] < box[3]) & (box[1] < boxes[:, 3])
        )
    )


def _nearest(box: Box, own: int, node_boxes: np.ndarray) -> bool:
    """Whether node number ``own`` is the nearest node to ``box`` (so the label reads as its own)."""
    dx = np.maximum.reduce([node_boxes[:, 0] - box[2], np.zeros(len(node_boxes)), box[0] - node_boxes[:, 2]])
    dy = np.maximum.reduce([node_boxes[:, 1] - box[3], np.zeros(len(node_boxes)), box[1] - node_boxes[:, 3]])
    distance = np.hypot(dx, dy)
    return bool(distance[own] <= distance.min())


def _hits(box: Box, boxes: np.ndarray, margin: float = 1.0) -> bool:
    """Whether ``box`` overlaps any of ``boxes`` (rows ``x0, y0, x1, y1``), keeping ``margin`` pixels apart."""
    if not len(boxes):
        return False
    return bool(
        np.any(
            (boxes[:, 0] - margin < box[2])
            & (box[0] - margin < boxes[:, 2])
            & (boxes[:, 1] - margin < box[3])
            & (box[1] - margin < boxes[:, 3])
        )
    )
