"""The legend of an image: only what the picture shows, as compact as it can be read.

Sections for the sectors (or a view's ``colour_by`` values), the levels,
the link kinds and the line styles, each listing only the values that occur
among the organisations and links drawn; the ``netmap`` view adds the
influence tower's scale (drawn as tall as on the map: 10, 5 and 0 on three
rows), the stance marks and how many organisations have no score. The legend takes the width its
longest entry needs and as many columns as the height allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import FIELD_LABELS, PAGE_WORDS
from ..model import StakeholderMap
from ..schema import LEVELS
from ..style import LAPSED_COLOUR, NODE_BORDER, kind_colour, link_dashes, sector_colour
from ._netmap import MARK_PX, TOWER_PX, TOWER_WIDTH_PX, draw_mark, draw_tower
from ._network import MARKERS, dash_style, px_to_pt

__all__ = ["LegendRow", "draw_legend", "legend_rows", "legend_size"]

FONT_PX = 17.0
"""The legend's font size in pixels of a 1920×1080 frame."""
ROW = 1.45
"""A row's height, in font sizes."""
SYMBOL = 2.2
"""A symbol's width, in font sizes."""


@dataclass(frozen=True)
class LegendRow:
    """One line of the legend: a section ``title``, a ``marker`` or ``line`` with its label, or Net-Map's: a ``scale``
    row (the first draws the tower over the three), a ``stance`` mark (``marker`` holds its id) or a ``note``."""

    kind: str
    label: str
    colour: str = ""
    marker: str = "o"
    dashes: list[int] | bool = False


def _netmap_rows(netmap: dict[str, Any], lang: str) -> list[LegendRow]:
    labels, words = FIELD_LABELS[lang], netmap["words"]
    rows = [LegendRow("title", labels["influence"])]
    top = netmap["max"]
    rows += [LegendRow("scale", str(value), netmap["tower_colour"]) for value in (top, top // 2, 0)]
    if netmap["marks"]:
        rows.append(LegendRow("title", labels["stance"]))
        rows += [LegendRow("stance", mark["label"], mark["colour"], mark["id"]) for mark in netmap["marks"]]
    rows += [LegendRow("note", words[key]) for key in ("no_influence", "no_stance") if netmap["unscored"][key[3:]]]
    return rows


def legend_rows(
    m: StakeholderMap, lang: str, highlight: dict[str, Any] | None = None, netmap: dict[str, Any] | None = None
) -> list[LegendRow]:
    """The legend of ``m`` as drawn: only the sectors, levels, kinds and line styles it shows (and ``netmap``'s).

    >>> import stakeholders
    >>> m = stakeholders.load_map(stakeholders.example_path())
    >>> [row.label for row in legend_rows(m, "en") if row.kind == "title"]
    ['Sector (colour)', 'Level (shape)', 'Link kind (line colour)', 'Line style']
    """
    words = PAGE_WORDS[lang]
    rows: list[LegendRow] = []
    orgs, links = m.organisations, m.links
    if highlight:
        rows.append(LegendRow("title", highlight["title"]))
        rows += [LegendRow("marker", value["label"], value["colour"]) for value in highlight["values"]]
    else:
        present = set(orgs["sector"]) if "sector" in orgs else set()
        sectors = [s for s in m.settings.sectors.ids if s in present]
        if sectors:
            rows.append(LegendRow("title", words["legend_sector"]))
            rows += [
                LegendRow("marker", m.settings.sectors.label(s, lang), sector_colour(s, m.settings.sectors))
                for s in sectors
            ]
    levels = [lv for lv in LEVELS.ids if "level" in orgs and lv in set(orgs["level"])]
    if levels:
        rows.append(LegendRow("title", words["legend_level"]))
        rows += [LegendRow("marker", LEVELS.label(lv, lang), "#FFFFFF", MARKERS[lv]) for lv in levels]
    present_kinds = set(links["kind"]) if "kind" in links else set()
    kinds = [k for k in m.settings.kinds.ids if k in present_kinds]
    if kinds:
        rows.append(LegendRow("title", words["legend_kind"]))
        rows += [LegendRow("line", m.settings.kinds.label(k, lang), kind_colour(k, m.settings.kinds)) for k in kinds]
    statuses = set(links["status"]) if "status" in links else set()
    evidence = set(links["evidence"]) if "evidence" in links else set()
    dotted = link_dashes("active", "unverified")
    lines = [
        (bool(statuses - {"planned", "lapsed"}), words["line_active"], "#333333", False),
        ("planned" in statuses, words["line_planned"], "#333333", link_dashes("planned", "")),
        ("lapsed" in statuses, words["line_lapsed"], LAPSED_COLOUR, link_dashes("lapsed", "")),
        (bool(evidence & {"unverified", "inferred"}), words["line_unverified"], "#333333", dotted),
        (
            "confirmation" in links and "one-sided" in set(links["confirmation"]),
            words["line_one_sided"],
            "#333333",
            link_dashes("active", "", "one-sided"),
        ),
    ]
    if len(links) and any(shown for shown, *_ in lines):
        rows.append(LegendRow("title", words["legend_lines"]))
        rows += [LegendRow("line", label, colour, dashes=dashes) for shown, label, colour, dashes in lines if shown]
    return rows + (_netmap_rows(netmap, lang) if netmap else [])


def _text_width(ax: Any, renderer: Any, text: str, size_pt: float, bold: bool) -> float:
    probe = ax.text(0, 0, text, fontsize=size_pt, fontweight="bold" if bold else "normal")
    width = probe.get_window_extent(renderer).width
    probe.remove()
    return width


def _columns(rows: list[LegendRow], per_column: int) -> list[list[LegendRow]]:
    """The rows in as few columns of at most ``per_column`` as they need, of about equal length.

    A section starts a new column when it would not fit the column's share,
    and a section title is never the last row of a column.

    >>> rows = [LegendRow("title", "A"), *[LegendRow("marker", str(i)) for i in range(5)], LegendRow("title", "B"),
    ...         LegendRow("line", "x"), LegendRow("line", "y")]
    >>> [[row.label for row in column] for column in _columns(rows, 6)]
    [['A', '0', '1', '2', '3', '4'], ['B', 'x', 'y']]
    """
    sections: list[list[LegendRow]] = []
    for row in rows:
        if row.kind == "title" or not sections:
            sections.append([])
        sections[-1].append(row)

    def pack(share: int) -> list[list[LegendRow]]:
        columns: list[list[LegendRow]] = [[]]
        for section in sections:
            if columns[-1] and len(columns[-1]) + len(section) > max(share, min(len(section), per_column)):
                columns.append([])
            for row in section:
                if len(columns[-1]) >= per_column or (row.kind == "title" and len(columns[-1]) >= per_column - 1):
                    columns.append([])
                columns[-1].append(row)
        return [column for column in columns if column]

    fewest = -(-len(rows) // per_column)
    for share in range(-(-len(rows) // max(fewest, 1)), per_column + 1):
        columns = pack(share)
        if len(columns) <= fewest:
            return columns
    return pack(per_column)


def legend_size(
    ax: Any, renderer: Any, rows: list[LegendRow], height: float, unit: float
) -> tuple[float, float, list[list[LegendRow]], list[float]]:
    """Width and height in pixels of the legend fitted to ``height``, its columns and their widths."""
    font = FONT_PX * unit
    per_column = max(int(height // (font * ROW)), 2)
    columns = _columns(rows, per_column)
    widths = [
        max(
            (
                _text_width(ax, renderer, row.label, px_to_pt(font), row.kind == "title")
                + (0 if row.kind in ("title", "note") else (SYMBOL + 0.5) * font)
                for row in column
            ),
            default=0.0,
        )
        for column in columns
    ]
    gap = 1.5 * font
    width = sum(widths) + gap * (len(widths) - 1) if widths else 0.0
    tallest = max((len(column) for column in columns), default=0)
    return width, tallest * font * ROW, columns, widths


def draw_legend(
    ax: Any, columns: list[list[LegendRow]], widths: list[float], left: float, top: float, unit: float
) -> None:
    """Draw the legend's columns (from :func:`legend_size`) with their top left corner at ``left, top``."""
    font = FONT_PX * unit
    x, number = left, 0
    for column, width in zip(columns, widths, strict=True):
        for index, row in enumerate(column):
            number += 1
            y = top + (index + 0.5) * font * ROW
            text_x = x if row.kind in ("title", "note") else x + (SYMBOL + 0.5) * font
            ax.text(
                text_x,
                y,
                row.label,
                fontsize=px_to_pt(font),
                fontweight="bold" if row.kind == "title" else "normal",
                ha="left",
                va="center",
                color="#1a1a1a",
                gid=f"legend-{number}",
            )
            middle = x + SYMBOL * font / 2
            if row.kind == "scale" and index + 2 < len(column) and column[index + 2].kind == "scale":
                # the tower from this row's middle (the top of the scale) to the middle of the row two below (0)
                width, full = TOWER_WIDTH_PX * unit, TOWER_PX * unit
                box = (middle - width / 2, y, middle + width / 2, y + full)
                draw_tower(ax, box, full, row.colour, unit, "legend-tower")
                for step in range(3):
                    tick = y + step * full / 2
                    ax.plot([middle + width / 2, middle + width], [tick, tick], color=NODE_BORDER, linewidth=unit)
            elif row.kind == "stance":
                draw_mark(ax, (middle, y), MARK_PX * unit * 0.9, row.marker, unit, f"legend-{number}-mark")
            elif row.kind == "marker":
                ax.scatter(
                    [middle],
                    [y],
                    s=[px_to_pt(0.85 * font) ** 2],
                    marker=row.marker,
                    c=[row.colour],
                    edgecolors=NODE_BORDER,
                    linewidths=unit,
                    gid=f"legend-{number}-symbol",
                )
            elif row.kind == "line":
                dashes = dash_style(row.dashes, unit)
                ax.plot(
                    [x, x + SYMBOL * font],
                    [y, y],
                    color=row.colour,
                    linewidth=2.5 * unit,
                    linestyle=dashes,
                    solid_capstyle="butt",
                    gid=f"legend-{number}-symbol",
                )
        x += width + 1.5 * font
