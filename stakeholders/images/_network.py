"""The map part of an image: links, nodes, lane or group headers and organisation labels.

Everything is drawn on an axes whose data units are the picture's pixels,
y growing downwards, so the geometry that places the labels
(:mod:`stakeholders.placement`) is exactly what is drawn. The positions are
the map's (or the view's), fitted to a region of the picture; the label
font size follows from that fit: the page's label size in canvas units times
the scale, never under 18 px nor over 26 px on a 1920×1080 frame.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..layout import MIN_DISTANCE
from ..model import StakeholderMap
from ..naming import org_label
from ..placement import Node, Placement, place_labels, segments_of
from ..schema import LEVELS
from ..style import LAPSED_COLOUR, NODE_BORDER, kind_colour, link_curves, link_dashes, link_width, sector_colour
from ._netmap import NetmapShape, draw_netmap, netmap_shapes

__all__ = ["LABEL_PX", "MARKERS", "Fit", "MapDrawing", "dash_style", "draw_map", "fit_map", "px_to_pt"]

DPI = 100
MARKERS = {"policy": "s", "operational": "o", "both": "D", "": "^"}
REACH = {"s": 0.5, "o": 0.5, "D": 0.72, "^": 0.5}
"""How far each marker reaches from its centre, in marker sizes (a diamond is a square on its corner)."""
LABEL_PX = (18.0, 26.0)
"""The smallest and largest label font size, in pixels of a 1920×1080 frame."""
LABEL_UNITS = 14.0
"""A label's font size in the page's canvas units (as on the page): at the scale the map is drawn, this many
units high, within :data:`LABEL_PX`."""
NODE_PX = 22.0
"""A node's diameter in pixels of a 1920×1080 frame (a view's sizes scale it: 14 is this size); smaller on a
map whose organisations stand closer than that (down to 6 pixels)."""
LABELS_AT_MOST = 200
"""The most labels an image tries to place (the most connected organisations first)."""
CURVE_POINTS = 17
"""Points along a curved link."""
ARROW = 13.0
"""The arrowheads' size in points of a 1920×1080 frame (matplotlib's mutation scale)."""
LINK_Z, NODE_Z, BACKGROUND_Z, LABEL_Z = 1, 2, 3, 4


def px_to_pt(px: float) -> float:
    """Pixels of the picture to matplotlib's points (the picture is drawn at 100 dots per inch).

    >>> px_to_pt(100)
    72.0
    """
    return px * 72 / DPI


@dataclass(frozen=True)
class Fit:
    """How the positions fit a region: pixels per canvas unit, the canvas point at the centre, label size."""

    scale: float
    centre: tuple[float, float]
    label_px: float
    width: float
    height: float

    def place(self, x: float, y: float, region: tuple[float, float, float, float]) -> tuple[float, float]:
        """The pixel where canvas point ``x, y`` is drawn in ``region``."""
        return (
            (region[0] + region[2]) / 2 + (x - self.centre[0]) * self.scale,
            (region[1] + region[3]) / 2 + (y - self.centre[1]) * self.scale,
        )


@dataclass
class MapDrawing:
    """What :func:`draw_map` drew, in pixels: for the caller, and for tests that measure it."""

    fit: Fit
    nodes: list[Node] = field(default_factory=list)
    labels: dict[str, Placement] = field(default_factory=dict)
    lines: list[list[tuple[float, float]]] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)
    netmap: list[NetmapShape] = field(default_factory=list)
    """The influence towers and stance marks of the ``netmap`` view (:mod:`stakeholders.images._netmap`)."""


def _pads(label_px: float, unit: float) -> tuple[float, float]:
    """Room around the outermost nodes for their labels (horizontal, vertical)."""
    return 4.5 * label_px, 1.25 * label_px + 0.5 * NODE_PX * unit + 6 * unit


def fit_map(points: list[tuple[float, float]], width: float, height: float, unit: float) -> Fit:
    """Fit canvas ``points`` into ``width`` × ``height`` pixels: the scale, the label size, the room used.

    >>> fit = fit_map([(0, 0), (1000, 500)], 1600, 900, 1.0)
    >>> round(fit.scale, 2), round(fit.label_px, 1), round(fit.width)
    (1.42, 19.9, 1600)
    """
    xs = [x for x, _ in points] or [0.0]
    ys = [y for _, y in points] or [0.0]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    low, high = LABEL_PX[0] * unit, LABEL_PX[1] * unit

    def scale_for(label_px: float) -> float:
        pad_x, pad_y = _pads(label_px, unit)
        scales = [room / span for room, span in ((width - 2 * pad_x, span_x), (height - 2 * pad_y, span_y)) if span]
        return max(min(scales), 1e-6) if scales else unit

    label_px = low
    for _ in range(3):  # the label size sets the room left for the map, which sets the label size
        label_px = min(max(LABEL_UNITS * scale_for(label_px), low), high)
    scale = scale_for(label_px)
    pad_x, pad_y = _pads(label_px, unit)
    return Fit(
        scale=scale,
        centre=((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2),
        label_px=label_px,
        width=min(width, span_x * scale + 2 * pad_x),
        height=min(height, span_y * scale + 2 * pad_y),
    )


def _curve(
    start: tuple[float, float], end: tuple[float, float], bend: float, cut: tuple[float, float]
) -> list[tuple[float, float]]:
    """A link from ``start`` to ``end`` bowed by ``bend`` (matplotlib's arc3 in a y-up frame), ``cut`` off each end."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    # arc3 bends by rad × (dy, -dx) with y upwards; our y grows downwards, so dy flips and so does the bend's y
    control = ((x1 + x2) / 2 - bend * dy, (y1 + y2) / 2 - bend * dx)
    steps = CURVE_POINTS - 1 if bend else 1
    points = []
    for index in range(steps + 1):
        t = index / steps
        points.append(
            (
                (1 - t) ** 2 * x1 + 2 * (1 - t) * t * control[0] + t**2 * x2,
                (1 - t) ** 2 * y1 + 2 * (1 - t) * t * control[1] + t**2 * y2,
            )
        )
    points = _cut(points, cut[0])
    return list(reversed(_cut(list(reversed(points)), cut[1])))


def _cut(points: list[tuple[float, float]], radius: float) -> list[tuple[float, float]]:
    """``points`` without what lies within ``radius`` of the first point (the node the line leaves)."""
    origin = points[0]
    for index in range(1, len(points)):
        outside = math.dist(points[index], origin)
        if outside >= radius:
            inside = math.dist(points[index - 1], origin)
            share = (radius - inside) / (outside - inside) if outside > inside else 0.0
            (ax, ay), (bx, by) = points[index - 1], points[index]
            return [(ax + (bx - ax) * share, ay + (by - ay) * share), *points[index:]]
    return points[-1:]


def _fill(org: dict[str, Any], m: StakeholderMap, highlight: dict[str, Any] | None) -> str:
    if highlight:
        by_id = highlight.get("by_id")
        value = by_id.get(org["id"], "") if by_id else org.get(highlight["field"])
        key = "|".join(value) if isinstance(value, (list, tuple)) else (value or "")
        return next((v["colour"] for v in highlight["values"] if v["id"] == key), "#FFFFFF")
    return sector_colour(org.get("sector") or "", m.settings.sectors)


def dash_style(pattern: list[int] | bool, unit: float) -> Any:
    """A dash pattern of :func:`stakeholders.style.link_dashes` as matplotlib's line style.

    >>> dash_style(False, 1.0), dash_style([4, 4], 1.0)
    ('solid', (0, (2.0, 2.0)))
    """
    return (0, tuple(p / 2 * unit for p in pattern)) if isinstance(pattern, list) and pattern else "solid"


def _draw_links(
    ax: Any, m: StakeholderMap, where: dict[str, tuple[float, float]], radii: dict[str, float], unit: float
) -> list[list[tuple[float, float]]]:
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path

    records = m.records("links")
    curves = link_curves(records)
    lines = []
    for number, link in enumerate(records):
        source, target = link["source"], link["target"]
        if source == target or source not in where or target not in where:
            continue
        points = _curve(
            where[source], where[target], -curves.get(link["id"], 0.0), (radii[source] + 2, radii[target] + 2)
        )
        if len(points) < 2:
            continue
        status = link.get("status") or ""
        colour = LAPSED_COLOUR if status == "lapsed" else kind_colour(link.get("kind") or "", m.settings.kinds)
        strength = link.get("strength")
        direction = link.get("direction") or "directed"
        patch = FancyArrowPatch(
            path=Path(points),
            arrowstyle={"directed": "-|>", "mutual": "<|-|>", "undirected": "-"}[direction],
            mutation_scale=ARROW * unit,
            color=colour,
            linewidth=px_to_pt(link_width(None if strength is None or strength != strength else int(strength))) * unit,
            linestyle=dash_style(link_dashes(status, link.get("evidence") or "", link.get("confirmation") or ""), unit),
            zorder=LINK_Z,
        )
        patch.set_gid(f"link-{number}")
        ax.add_artist(patch)  # not add_patch: the limits are set, and updating them costs a path per link
        lines.append(points)
        heads = {"directed": (points,), "mutual": (points, points[::-1]), "undirected": ()}[direction]
        lines += [_arrowhead(line, ARROW * unit) for line in heads]
    return lines


def _arrowhead(line: list[tuple[float, float]], size_pt: float) -> list[tuple[float, float]]:
    """The outline of the filled head matplotlib draws at the end of ``line`` (``-|>``: 0.4 long, 0.2 wide).

    >>> [tuple(round(v, 1) for v in point) for point in _arrowhead([(0, 0), (100, 0)], 72)]
    [(100, 0), (60.0, 20.0), (60.0, -20.0), (100, 0)]
    """
    (x0, y0), (x1, y1) = line[-2], line[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    size = size_pt * DPI / 72
    back_x, back_y = x1 - 0.4 * size * ux, y1 - 0.4 * size * uy
    side_x, side_y = -uy * 0.2 * size, ux * 0.2 * size
    return [(x1, y1), (back_x + side_x, back_y + side_y), (back_x - side_x, back_y - side_y), (x1, y1)]


def _draw_nodes(
    ax: Any,
    m: StakeholderMap,
    where: dict[str, tuple[float, float]],
    radii: dict[str, float],
    style: dict[str, Any],
    unit: float,
) -> None:
    dimmed = set(style.get("dimmed") or [])
    orgs = [org for org in m.records("organisations") if org["id"] in where]
    for level in (*LEVELS.ids, ""):
        for faded in (False, True):
            group = [org for org in orgs if (org.get("level") or "") == level and (org["id"] in dimmed) == faded]
            if not group:
                continue
            ax.scatter(
                [where[org["id"]][0] for org in group],
                [where[org["id"]][1] for org in group],
                s=[px_to_pt(2 * radii[org["id"]] * 0.5 / REACH[MARKERS[level]]) ** 2 for org in group],
                marker=MARKERS[level],
                c=[_fill(org, m, style.get("highlight")) for org in group],
                edgecolors=NODE_BORDER,
                linewidths=unit,
                alpha=0.3 if faded else 1.0,
                zorder=NODE_Z,
                gid=f"nodes-{level or 'unstated'}{'-dimmed' if faded else ''}",
            )


def _draw_headers(
    ax: Any, renderer: Any, anchors: list[dict[str, Any]], fit: Fit, region: tuple[float, ...], unit: float
) -> list[tuple[float, float, float, float]]:
    """Lane or group titles above their anchors, shrunk and wrapped to the room between two anchors."""
    columns = sorted({anchor["x"] for anchor in anchors})
    spacing = min((b - a for a, b in zip(columns, columns[1:], strict=False)), default=0) * fit.scale
    room = spacing * 0.94 if spacing else region[2] - region[0]
    boxes = []
    for number, anchor in enumerate(anchors):
        x, y = fit.place(anchor["x"], anchor["y"], region)  # type: ignore[arg-type]
        header = ax.text(
            x, y, anchor["label"], ha="center", va="bottom", fontweight="bold", color="#4a4a4a", gid=f"header-{number}"
        )
        words = anchor["label"].split()
        for size in (20, 18, 16, 14, 12):
            header.set_fontsize(px_to_pt(size * unit))
            for width in range(max(len(" ".join(words)), 1), 5, -1):
                header.set_text(textwrap.fill(" ".join(words), width, break_long_words=False))
                if header.get_window_extent(renderer).width <= room:
                    break
            if header.get_window_extent(renderer).width <= room:
                break
        box = header.get_window_extent(renderer)
        boxes.append(_flip(box, ax))
    return boxes


def _flip(box: Any, ax: Any) -> tuple[float, float, float, float]:
    """A display box (y up, in pixels) as a box in the axes' pixels (y down)."""
    height = ax.figure.bbox.height
    return (box.x0, height - box.y1, box.x1, height - box.y0)


def _variants(label: str) -> list[str]:
    """A label on one line and, when it is long, on two and on three lines of about equal length.

    >>> for variant in _variants("National Foundation for Safety 8"):
    ...     print(variant.splitlines())
    ['National Foundation for Safety 8']
    ['National Foundation', 'for Safety 8']
    ['National', 'Foundation', 'for Safety 8']
    >>> len(_variants("Raad voor de Kinderbescherming"))  # three lines would be no narrower than two
    2
    """
    words = label.split()
    if len(words) < 2 or len(label) <= 12:
        return [label]
    variants = [label]
    for lines in (2, 3)[: len(words) - 1]:
        width = max(len(label) // lines, max(len(word) for word in words))
        wrapped = textwrap.wrap(label, width)
        while len(wrapped) > lines:
            width += 1
            wrapped = textwrap.wrap(label, width)
        if len(wrapped) == lines and "\n".join(wrapped) not in variants:
            variants.append("\n".join(wrapped))
    return variants


def _measure(ax: Any, renderer: Any, text: str, size_pt: float) -> tuple[float, float]:
    probe = ax.text(0, 0, text, fontsize=size_pt, ha="center", va="center", linespacing=1.1)
    box = probe.get_window_extent(renderer)
    probe.remove()
    return box.width, box.height


def _draw_labels(
    ax: Any,
    renderer: Any,
    m: StakeholderMap,
    nodes: list[Node],
    lines: list[list[tuple[float, float]]],
    obstacles: list[tuple[float, float, float, float]],
    region: tuple[float, float, float, float],
    style: dict[str, Any],
    lang: str | None,
    label_px: float,
) -> tuple[dict[str, Placement], list[str]]:
    orgs = {org["id"]: org for org in m.records("organisations")}
    size_pt = px_to_pt(label_px)
    texts = {node.id: _variants(org_label(orgs[node.id], lang)) for node in nodes[:LABELS_AT_MOST]}
    sizes = {org: [_measure(ax, renderer, text, size_pt) for text in variants] for org, variants in texts.items()}
    placed = place_labels(nodes, sizes, segments_of(lines), frame=region, obstacles=obstacles, gap=3 + label_px / 6)
    dimmed = set(style.get("dimmed") or [])
    for number, node in enumerate(nodes):
        placement = placed.get(node.id)
        if placement is None:
            continue
        x0, y0, x1, y1 = placement.box
        text = ax.text(
            (x0 + x1) / 2,
            (y0 + y1) / 2,
            texts[node.id][placement.variant],
            fontsize=size_pt,
            ha="center",
            va="center",
            linespacing=1.1,
            color="#1a1a1a",
            alpha=0.45 if node.id in dimmed else 1.0,
            zorder=LABEL_Z,
            gid=f"label-{number}",
        )
        if placement.opaque:
            text.set_bbox({"boxstyle": "square,pad=0.1", "facecolor": "#ffffff", "edgecolor": "none"})
            text.set_gid(f"label-{number}-on-background")
            text.set_zorder(BACKGROUND_Z)
    return placed, [node.id for node in nodes if node.id not in placed]


def draw_map(
    ax: Any,
    renderer: Any,
    m: StakeholderMap,
    laid_out: dict[str, Any],
    region: tuple[float, float, float, float],
    *,
    label_frame: tuple[float, float, float, float] | None = None,
    unit: float,
    lang: str | None,
    style: dict[str, Any] | None = None,
) -> MapDrawing:
    """Draw ``m`` at the canvas positions ``laid_out`` into ``region`` (pixels, y down) of ``ax``.

    Labels stay inside ``label_frame`` (default: ``region``).
    ``style`` may hold a view's ``sizes``, ``dimmed`` ids, ``highlight``
    colours and lane or group ``anchors``. Labels go to the most connected
    organisations first, where no line crosses them; see
    :mod:`stakeholders.placement`.
    """
    style = style or {}
    anchors = list(style.get("anchors") or [])
    where_canvas = {org: (float(xy[0]), float(xy[1])) for org, xy in laid_out.items()}
    orgs = [org for org in m.organisations["id"] if org in where_canvas]
    fit = fit_map(
        [where_canvas[org] for org in orgs] + [(a["x"], a["y"]) for a in anchors],
        region[2] - region[0],
        region[3] - region[1],
        unit,
    )
    where = {org: fit.place(*where_canvas[org], region) for org in orgs}
    sizes = style.get("sizes") or {}
    levels = {org["id"]: org.get("level") or "" for org in m.records("organisations")}
    # as large as on a slide, unless the organisations stand closer: then small enough to keep apart
    node_px = min(NODE_PX * unit, max(6 * unit, 0.4 * MIN_DISTANCE * fit.scale))
    radii = {org: node_px * REACH[MARKERS[levels.get(org, "")]] * (sizes.get(org, 14) / 14) for org in orgs}
    lines = _draw_links(ax, m, where, radii, unit)
    _draw_nodes(ax, m, where, radii, style, unit)
    headers = _draw_headers(ax, renderer, anchors, fit, region, unit) if anchors else []
    overlay = netmap_shapes(style["netmap"], where, radii, unit) if style.get("netmap") else []
    draw_netmap(ax, overlay, (style.get("netmap") or {}).get("tower_colour", ""), unit)
    headers += [shape.box for shape in overlay]
    degree = Counter(end for link in m.records("links") for end in (link["source"], link["target"]))
    order = sorted(range(len(orgs)), key=lambda i: (-degree[orgs[i]], i))
    nodes = [Node(orgs[i], *where[orgs[i]], radii[orgs[i]] + 1.5 * unit) for i in order]
    labels, unlabelled = _draw_labels(
        ax, renderer, m, nodes, lines, headers, label_frame or region, style, lang, fit.label_px
    )
    return MapDrawing(fit=fit, nodes=nodes, labels=labels, lines=lines, unlabelled=unlabelled, netmap=overlay)
