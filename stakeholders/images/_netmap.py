"""Net-Map in an image: an influence tower beside each scored organisation and a mark for its stance.

The tower stands to the right of the organisation, its foot level with the
organisation's lowest point: a white frame as tall as the top of the scale
(:data:`stakeholders.views.INFLUENCE_MAX`) and, inside it, a filled part as
tall as the organisation's influence. The mark sits to its upper left: a
white disc with the stance's symbol (+, =, −, ±), which says the stance
without its colour. In an SVG each is a group with an id: ``netmap-tower-N``
and ``netmap-mark-N``, N counting the scored organisations in table order.
The legend (:mod:`stakeholders.images._legend`) draws the tower's scale at
the same height.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..style import NODE_BORDER, STANCE_MARKS

__all__ = ["MARK_PX", "TOWER_PX", "TOWER_WIDTH_PX", "NetmapShape", "draw_netmap", "netmap_shapes"]

TOWER_PX = 2 * 17.0 * 1.45
"""A full tower's height in pixels of a 1920×1080 frame: two rows of the legend, whose scale is drawn as tall."""
TOWER_WIDTH_PX = 9.0
MARK_PX = 11.0
"""A stance mark's radius in pixels of a 1920×1080 frame."""
NETMAP_Z = 4.5
"""Above the organisations, below the labels."""


@dataclass(frozen=True)
class NetmapShape:
    """A tower or a mark as drawn: the organisation, what it shows and its box in pixels (x0, y0, x1, y1)."""

    kind: str
    """``tower`` or ``mark``."""
    org: str
    value: Any
    """The influence (a tower) or the stance (a mark)."""
    box: tuple[float, float, float, float]
    height: float = 0.0
    """A tower's filled height in pixels."""


def netmap_shapes(
    netmap: dict[str, Any], where: dict[str, tuple[float, float]], radii: dict[str, float], unit: float
) -> list[NetmapShape]:
    """The towers and marks of the organisations drawn at ``where`` (pixels) with ``radii``, in table order.

    >>> shapes = netmap_shapes({"scores": {"a": {"influence": 5, "stance": "supports"}}, "max": 10},
    ...                        {"a": (100.0, 100.0)}, {"a": 10.0}, 1.0)
    >>> [(s.kind, s.value, round(s.height, 1)) for s in shapes]
    [('tower', 5, 24.6), ('mark', 'supports', 0.0)]
    """
    shapes = []
    full, width, mark = TOWER_PX * unit, TOWER_WIDTH_PX * unit, MARK_PX * unit
    for org, score in netmap["scores"].items():
        if org not in where:
            continue
        x, y = where[org]
        r = radii[org]
        if score.get("influence") is not None:
            left, foot = x + r + 3 * unit, y + r
            height = full * score["influence"] / netmap["max"]
            shapes.append(
                NetmapShape("tower", org, score["influence"], (left, foot - full, left + width, foot), height)
            )
        if score.get("stance"):
            cx, cy = x - r - 0.6 * mark, y - r - 0.2 * mark
            shapes.append(NetmapShape("mark", org, score["stance"], (cx - mark, cy - mark, cx + mark, cy + mark)))
    return shapes


def draw_tower(
    ax: Any, box: tuple[float, float, float, float], height: float, colour: str, unit: float, gid: str
) -> None:
    """One tower: its frame (the full scale) and its filled part (``height`` pixels from the foot)."""
    from matplotlib.patches import Rectangle

    x0, y0, x1, y1 = box
    frame = Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor="#FFFFFF", edgecolor=NODE_BORDER, linewidth=0.8 * unit)
    frame.set_gid(f"{gid}-frame")
    frame.set_zorder(NETMAP_Z)
    ax.add_patch(frame)
    if height > 0:
        fill = Rectangle(
            (x0, y1 - height), x1 - x0, height, facecolor=colour, edgecolor=NODE_BORDER, linewidth=0.8 * unit
        )
        fill.set_gid(f"{gid}-fill")
        fill.set_zorder(NETMAP_Z)
        ax.add_patch(fill)


def draw_mark(ax: Any, centre: tuple[float, float], radius: float, stance: str, unit: float, gid: str) -> None:
    """One stance mark: a white disc with the stance's symbol, both in the stance's colour."""
    from matplotlib.patches import Circle

    symbol, colour = STANCE_MARKS.get(stance, ("?", NODE_BORDER))
    disc = Circle(centre, radius, facecolor="#FFFFFF", edgecolor=colour, linewidth=1.6 * unit)
    disc.set_gid(f"{gid}-disc")
    disc.set_zorder(NETMAP_Z)
    ax.add_patch(disc)
    text = ax.text(
        centre[0],
        centre[1],
        symbol,
        fontsize=1.5 * radius * 0.72,  # pixels to points at the images' 100 dots per inch
        fontweight="bold",
        color=colour,
        ha="center",
        va="center_baseline",
        zorder=NETMAP_Z + 0.1,
    )
    text.set_gid(f"{gid}-symbol")


def draw_netmap(ax: Any, shapes: list[NetmapShape], colour: str, unit: float) -> None:
    """Draw the towers and marks of :func:`netmap_shapes`."""
    numbers: dict[str, int] = {}
    for shape in shapes:
        number = numbers.setdefault(shape.org, len(numbers))
        if shape.kind == "tower":
            draw_tower(ax, shape.box, shape.height, colour, unit, f"netmap-tower-{number}")
        else:
            x0, y0, x1, y1 = shape.box
            draw_mark(
                ax, ((x0 + x1) / 2, (y0 + y1) / 2), (x1 - x0) / 2, str(shape.value), unit, f"netmap-mark-{number}"
            )
