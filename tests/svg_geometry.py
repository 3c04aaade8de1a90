"""Measure a written SVG image: its label boxes, link lines and node markers, from the file alone.

The image code tags what it draws (``label-N`` groups, ``label-N-on-background`` for a label drawn
on an opaque box, ``link-N``, ``nodes-…``); this module reads those groups back, takes each text's
position, anchor and font size from the SVG and its extent from the font's metrics (DejaVu Sans,
the font the SVG names first), flattens every path into straight pieces, and counts what a reader
would see: labels smaller than 18 px on a 1920-pixel-wide frame, label boxes that overlap, labels a
line runs through, labels on a node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
Box = tuple[float, float, float, float]


@dataclass
class Label:
    group: str
    box: Box
    font_px: float
    on_background: bool


@dataclass
class Picture:
    """What an SVG shows, in the SVG's own units, and the factor to pixels of a 1920-wide frame."""

    to_pixels: float
    labels: list[Label] = field(default_factory=list)
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)
    nodes: list[Box] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    links: dict[str, list[list[tuple[float, float]]]] = field(default_factory=dict)
    """The polylines of each link group by its id (``link-N``): the link first, then its arrowheads."""
    parts: dict[str, Box] = field(default_factory=dict)
    """The box of each other text group by its id: ``title``, ``meta``, ``source``, ``audience-marking``,
    ``legend-N``, ``header-N``."""

    def map_box(self) -> Box:
        """What the map takes: its nodes and labels."""
        return union([*self.nodes, *(label.box for label in self.labels)])

    def legend_box(self) -> Box:
        return union([box for name, box in self.parts.items() if name.startswith("legend-")])

    def overlapping_labels(self) -> int:
        return sum(
            1
            for i, a in enumerate(self.labels)
            for b in self.labels[i + 1 :]
            if overlap(a.box, b.box, 0.5 / self.to_pixels)
        )

    def crossed_labels(self) -> int:
        """Labels without an opaque background that a line runs through."""
        return sum(
            1 for label in self.labels if not label.on_background and any(crosses(s, label.box) for s in self.lines)
        )

    def links_through_nodes(self) -> list[tuple[str, int]]:
        """(link group, node number) where a link's line runs inside a node it does not join.

        A link joins the nodes nearest its two ends; inside is within half the node box's shorter side of its
        centre (the circle a dot, a square or a diamond at least covers).
        """
        centres = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, min(b[2] - b[0], b[3] - b[1]) / 2) for b in self.nodes]
        found = []
        for name, paths in self.links.items():
            line = paths[0]
            ends = {
                min(range(len(centres)), key=lambda i: (centres[i][0] - x) ** 2 + (centres[i][1] - y) ** 2)
                for x, y in (line[0], line[-1])
            }
            for number, (x, y, radius) in enumerate(centres):
                if number not in ends and any(
                    distance((x, y), a, b) < radius for a, b in zip(line, line[1:], strict=False)
                ):
                    found.append((name, number))
        return found

    def labels_on_nodes(self) -> int:
        return sum(1 for label in self.labels if any(overlap(label.box, node, 0.5) for node in self.nodes))


def union(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def distance(point: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """From ``point`` to the nearest point of the straight piece ``a``–``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = max(0.0, min(1.0, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length2)) if length2 else 0.0
    return ((point[0] - a[0] - t * dx) ** 2 + (point[1] - a[1] - t * dy) ** 2) ** 0.5


def overlap(a: Box, b: Box, tolerance: float = 0.0) -> bool:
    return a[0] + tolerance < b[2] and b[0] + tolerance < a[2] and a[1] + tolerance < b[3] and b[1] + tolerance < a[3]


def crosses(segment: tuple[float, float, float, float], box: Box, tolerance: float = 0.5) -> bool:
    """Whether a straight piece passes through the inside of a box (shrunk by ``tolerance``)."""
    x0, y0, x1, y1 = segment
    low, high = 0.0, 1.0
    for start, delta, lo, hi in (
        (x0, x1 - x0, box[0] + tolerance, box[2] - tolerance),
        (y0, y1 - y0, box[1] + tolerance, box[3] - tolerance),
    ):
        if delta == 0:
            if not lo < start < hi:
                return False
            continue
        t0, t1 = sorted(((lo - start) / delta, (hi - start) / delta))
        low, high = max(low, t0), min(high, t1)
    return low < high


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def path_points(d: str) -> list[list[tuple[float, float]]]:
    """The absolute M/L/Q/C/z path ``d`` as polylines (curves flattened into 8 pieces each)."""
    lines: list[list[tuple[float, float]]] = []
    for command, numbers in re.findall(r"([MLQCZz])([^MLQCZz]*)", d):
        values = [float(v) for v in _NUMBER.findall(numbers)]
        if command == "M":
            lines.append([(values[0], values[1])])
        elif command == "L":
            lines[-1] += list(zip(values[0::2], values[1::2], strict=True))
        elif command in "QC":
            start = lines[-1][-1]
            controls = [start, *zip(values[0::2], values[1::2], strict=True)]
            for step in range(1, 9):
                t = step / 8
                points = controls
                while len(points) > 1:
                    points = [
                        (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                        for a, b in zip(points, points[1:], strict=False)
                    ]
                lines[-1].append(points[0])
        elif command in "Zz" and lines and lines[-1]:
            lines[-1].append(lines[-1][0])
    return lines


def _font_px(style: str) -> float:
    return float(re.search(r"font-size: ([\d.]+)px", style).group(1))


def _text_box(element: ElementTree.Element) -> tuple[Box, float]:
    style = element.get("style", "")
    size = _font_px(style)
    width, height, descent = TextToPath().get_text_width_height_descent(
        element.text or "",
        FontProperties(family="DejaVu Sans", size=size, weight="bold" if "font-weight: 700" in style else "normal"),
        ismath=False,
    )
    if element.get("x") is not None:
        x, y = float(element.get("x")), float(element.get("y"))
    else:
        x, y = (float(v) for v in re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", element.get("transform")).groups())
    anchor = re.search(r"text-anchor: (\w+)", style)
    left = x - {"middle": width / 2, "end": width}.get(anchor.group(1) if anchor else "start", 0.0)
    return (left, y - (height - descent), left + width, y + descent), size


def read_svg(svg: str, frame_width: float = 1920) -> Picture:
    root = ElementTree.fromstring(svg)
    view_width = float(root.get("viewBox").split()[2])
    picture = Picture(to_pixels=frame_width / view_width)
    markers = {
        element.get("id"): path_points(element.get("d")) for element in root.iter(f"{SVG}path") if element.get("id")
    }
    for group in root.iter(f"{SVG}g"):
        name = group.get("id") or ""
        if re.fullmatch(r"label-\d+(-on-background)?", name):
            boxes = [_text_box(text) for text in group.iter(f"{SVG}text")]
            font = min(size for _, size in boxes) * picture.to_pixels
            picture.labels.append(Label(name, union([b for b, _ in boxes]), font, name.endswith("on-background")))
        elif re.fullmatch(r"title|meta|source|audience-marking|legend-\d+|header-\d+", name):
            picture.parts[name] = union([_text_box(text)[0] for text in group.iter(f"{SVG}text")])
        elif name.startswith("link-"):
            for path in group.iter(f"{SVG}path"):
                for line in path_points(path.get("d")):
                    picture.links.setdefault(name, []).append(line)
                    picture.lines += [(*a, *b) for a, b in zip(line, line[1:], strict=False) if a != b]
        elif name.startswith("nodes-"):
            shapes = [path_points(path.get("d")) for path in group.iter(f"{SVG}path") if not path.get("id")]
            for use in group.iter(f"{SVG}use"):
                x, y = float(use.get("x")), float(use.get("y"))
                shapes.append([[(px + x, py + y) for px, py in line] for line in markers[use.get(XLINK)[1:]]])
            for shape in shapes:
                points = [point for line in shape for point in line]
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                picture.nodes.append((min(xs), min(ys), max(xs), max(ys)))
    picture.texts = [text.text or "" for text in root.iter(f"{SVG}text")]
    return picture
