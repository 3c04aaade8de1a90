"""A board (:class:`stakeholders.board.Board`) drawn with matplotlib, for ``stakeholders image --view``.

The same board the page shows: the arrows on rows above the columns (row 0
nearest to them), the columns with their titles and counts, a card per
organisation (a chip in the sector's colour with its code, the name, the
level's shape) or per barrier (its name, then the organisations that raise
it, each with its sector's chip; the border dashed when planned, dotted when
proposed), an empty or open column drawn open (dashed), and a legend under it.
Sizes are worked out in pixels of the figure, so a card's text is as large
as the frame allows (at most 18 px) and nothing is cut off. Every part has
an id in an SVG (``board-column-3``, ``board-column-3-title``,
``board-card-3-0``, ``board-card-3-0-name``, ``board-arrow-0``), so a test or
a script can find it.

>>> import tempfile, pathlib, stakeholders
>>> path = pathlib.Path(tempfile.mkdtemp()) / "board.svg"
>>> 'id="board-card-6-1-name"' in stakeholders.write_image(
...     stakeholders.load_map(stakeholders.example_path()), path, view="approach").read_text()
True
"""

from __future__ import annotations

import textwrap
from typing import Any

from .board import Board, Card, Chip

__all__ = ["ARROW_LINES", "draw_board"]

ARROW_LINES = {
    "covered": ("#1A1A1A", "solid"),
    "fragile": ("#A35200", (0, (5, 3))),
    "gap": ("#B2182B", (0, (1, 2))),
}
"""Colour and line style of an arrow by its status: the style says it without the colour."""
BARRIER_BORDERS = {"in-place": "-", "planned": "--", "proposed": ":", "lapsed": "-."}
"""How a barrier card's border is drawn by its status (as on the page: planned dashed, proposed dotted)."""
SHAPE_MARKERS = {"square": "s", "dot": "o", "diamond": "D", "triangle": "^"}
PT = 0.72
"""Points per pixel at 100 dpi (the images' resolution)."""
INK, MUTED, PANEL, LINE = "#1A1A1A", "#4A4A4A", "#F6F6F4", "#C8C8C8"
MAX_TEXT = 18
"""The largest card text in pixels."""
MIN_TEXT = 6
"""Cards whose text would be smaller than this (in pixels) are drawn without it."""


class _Painter:
    """Draws in one area of the figure, in pixels of a 1920×1080 frame (``unit`` real pixels each): x to the
    right, y down, (0, 0) at the area's top left."""

    def __init__(self, figure: Any, box: tuple[float, float, float, float], unit: float) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        width, height = figure.get_size_inches() * figure.dpi
        left, top, right, bottom = box
        self.unit = unit
        self.width, self.height = (right - left) / unit, (bottom - top) / unit
        self.ax = figure.add_axes(
            ((left / width), 1 - bottom / height, (right - left) / width, (bottom - top) / height)
        )
        self.ax.set_xlim(0, self.width)
        self.ax.set_ylim(self.height, 0)
        self.ax.axis("off")
        self.renderer = FigureCanvasAgg(figure).get_renderer()  # measures text as the PNG draws it
        self.widths: dict[tuple[str, float, str], float] = {}
        self.markers: dict[str, list[tuple[float, float, float]]] = {}

    def text(self, x: float, y: float, text: str, size: float, **style: Any) -> Any:
        return self.ax.text(x, y, text, fontsize=size * PT * self.unit, color=style.pop("color", INK), **style)

    def width_of(self, text: str, size: float, weight: str = "normal") -> float:
        """How wide ``text`` is drawn, in pixels (its widest line)."""
        from matplotlib.font_manager import FontProperties

        key = (text, size, weight)
        if key not in self.widths:
            font = FontProperties(family="DejaVu Sans", size=size * PT * self.unit, weight=weight)
            self.widths[key] = (
                max(
                    self.renderer.get_text_width_height_descent(line, font, ismath=False)[0]
                    for line in text.split("\n")
                )
                / self.unit
            )
        return self.widths[key]

    def marker(self, x: float, y: float, size: float, shape: str) -> None:
        """A level's shape at (x, y), ``size`` pixels across (all drawn at once by :meth:`draw_markers`)."""
        self.markers.setdefault(shape, []).append((x, y, size))

    def draw_markers(self) -> None:
        for shape, points in sorted(self.markers.items()):
            self.ax.scatter(
                [x for x, _, _ in points],
                [y for _, y, _ in points],
                s=[(size * PT * self.unit) ** 2 for _, _, size in points],
                marker=SHAPE_MARKERS[shape],
                facecolors="white",
                edgecolors="#222222",
                linewidths=0.8,
                zorder=4,
            )

    def box(self, x: float, y: float, w: float, h: float, gid: str = "", **style: Any) -> Any:
        from matplotlib.patches import FancyBboxPatch

        patch = FancyBboxPatch((x, y), w, h, boxstyle=f"round,pad=0,rounding_size={min(4.0, h / 3)}", **style)
        if gid:
            patch.set_gid(gid)
        self.ax.add_patch(patch)
        return patch


def _wrapped(painter: _Painter, text: str, room: float, size: float, lines: int, weight: str = "normal") -> str:
    """``text`` in at most ``lines`` lines of at most ``room`` pixels, if it can be; else its first lines with …"""
    for width in range(max(len(text), 1), 3, -1):
        wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
        if len(wrapped) <= lines and all(painter.width_of(line, size, weight) <= room for line in wrapped):
            return "\n".join(wrapped)
    words = text.split()
    kept: list[str] = []
    while words and len(kept) < lines - 1:  # whole lines first, then the rest cut to fit with …
        line = words.pop(0)
        while words and painter.width_of(f"{line} {words[0]}", size, weight) <= room:
            line += " " + words.pop(0)
        kept.append(line)
    rest = " ".join(words)
    while rest and painter.width_of(rest + "…", size, weight) > room:
        rest = rest[:-1].rstrip()
    return "\n".join([*kept, rest + "…"])


def _header_size(painter: _Painter, board: Board, room: float) -> tuple[float, list[str]]:
    """The largest title size, 17 px down to 9, at which every column title fits in three lines."""
    for size in (17, 16, 15, 14, 13, 12, 11, 10, 9):
        titles = [_wrapped(painter, column.title, room, size, 3, "bold") for column in board.columns]
        if all(not title.endswith("…") for title in titles):
            return size, titles
    return 9, titles


def _chip_width(painter: _Painter, size: float) -> float:
    return painter.width_of("WWW", size * 0.62, "bold") + 6


def _chip(painter: _Painter, x: float, y: float, h: float, chip: Chip, size: float) -> float:
    """A chip at (x, y) of height ``h``, over a card; returns its width."""
    width = max(_chip_width(painter, size), h * 1.5)
    painter.box(x, y, width, h, facecolor=chip.colour, edgecolor="#222222", linewidth=0.8, zorder=3)
    painter.text(
        x + width / 2,
        y + h / 2,
        chip.code,
        size * 0.62,
        color=chip.ink,
        fontweight="bold",
        ha="center",
        va="center_baseline",
        zorder=4,
    )
    return width


def _fitted(painter: _Painter, label: str, room: float, size: float, height: float) -> tuple[str, float]:
    """A card's name and its size: on one line, a little smaller if need be, else on two lines, else cut with …"""
    for text_size in (size, size * 0.92, size * 0.85):
        if painter.width_of(label, text_size) <= room:
            return label, text_size
    text_size = size * 0.85
    return _wrapped(painter, label, room, text_size, 2 if height >= 2.2 * text_size else 1), text_size


def _card(painter: _Painter, card: Card, x: float, y: float, w: float, h: float, size: float, gid: str) -> None:
    painter.box(x, y, w, h, gid, facecolor="white", edgecolor="#8A8A8A", linewidth=0.8, zorder=2)
    chip_width = _chip(painter, x + 4, y + h * 0.2, h * 0.6, card.chip, size)
    marker = h * 0.32
    painter.marker(x + w - 4 - marker / 2, y + h / 2, marker, card.shape)
    if size < MIN_TEXT:  # too many cards for names to be read: the chips and shapes still show who is where
        return
    name, text_size = _fitted(painter, card.label, w - chip_width - marker - 18, size, h)
    painter.text(
        x + chip_width + 9,
        y + h / 2,
        name,
        text_size,
        ha="left",
        va="center_baseline",
        linespacing=1.0,
        zorder=3,
        gid=f"{gid}-name",
    )


def _barrier_card(painter: _Painter, card: Card, x: float, y: float, w: float, h: float, size: float, gid: str) -> None:
    """A barrier: its name on top, the organisations that raise it (chip and name) below; the border its status."""
    style = BARRIER_BORDERS.get(card.status, "-")
    width = 0.8 if style == "-" else 1.4
    painter.box(x, y, w, h, gid, facecolor="white", edgecolor="#5A5A5A", linewidth=width, linestyle=style, zorder=2)
    if size < MIN_TEXT:
        return

    def fitted(text: str, room: float, text_size: float) -> str:
        return text if painter.width_of(text, text_size) <= room else _wrapped(painter, text, room, text_size, 1)

    name = fitted(card.label, w - 12, size)
    painter.text(x + 6, y + h * 0.3, name, size, ha="left", va="center_baseline", zorder=3, gid=f"{gid}-name")
    left, line = x + 6, y + h * 0.72
    small = size * 0.85
    for number, (chip, owner) in enumerate(card.owners):
        needed = _chip_width(painter, small) + painter.width_of(owner, small) + 14
        rest = len(card.owners) - number
        if left + needed > x + w - 6 and number:
            painter.text(left, line, f"+{rest}", small, color=MUTED, va="center_baseline", zorder=3)
            break
        left += _chip(painter, left, line - small * 0.55, small * 1.1, chip, small) + 4
        shown = fitted(owner, x + w - 6 - left, small)
        painter.text(left, line, shown, small, va="center_baseline", zorder=3, gid=f"{gid}-owner-{number}")
        left += painter.width_of(shown, small) + 10


def _arrows(painter: _Painter, board: Board, top: float, row_height: float, column_width: float) -> None:
    from matplotlib.patches import FancyArrowPatch

    size = min(16.0, row_height * 0.55)
    for number, arrow in enumerate(board.arrows):
        colour, style = ARROW_LINES.get(arrow.status, ARROW_LINES["covered"])
        y = top + (board.rows - 1 - arrow.row + 0.5) * row_height
        start = (board.columns.index(board.column(arrow.start)) + 0.5) * column_width
        end = (board.columns.index(board.column(arrow.end)) + 0.5) * column_width
        line = FancyArrowPatch(
            (start, y),
            (end, y),
            arrowstyle="-|>",
            mutation_scale=16 * painter.unit,
            color=colour,
            linewidth=2.2 * painter.unit,
            linestyle=style,
            shrinkA=0,
            shrinkB=0,
            zorder=2,
        )
        line.set_gid(f"board-arrow-{number}")
        painter.ax.add_patch(line)
        painter.ax.scatter([start], [y], s=30 * painter.unit**2, color=colour, zorder=2)
        painter.text(
            (start + end) / 2,
            y,
            arrow.label,
            size,
            ha="center",
            va="center_baseline",
            zorder=3,
            fontweight="normal" if arrow.status == "covered" else "bold",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
            gid=f"board-arrow-{number}-label",
        )


def _legend(painter: _Painter, board: Board, top: float, size: float) -> None:
    """The legend in rows from the left, a group's entries wrapping to the next row when the row is full."""
    x, y, line = 0.0, top + size * 0.8, size * 1.6
    for title, entries in board.legend:
        if not entries:
            continue
        heading = f"{title}:"
        if x and x + painter.width_of(heading, size, "bold") > painter.width:
            x, y = 0.0, y + line
        painter.text(x, y, heading, size, fontweight="bold", va="center_baseline")
        x += painter.width_of(heading, size, "bold") + 8
        for entry in entries:
            width = painter.width_of(entry.label, size) + 2.6 * size + 14
            if x + width > painter.width:
                x, y = 2.0 * size, y + line
            if entry.chip:
                x += _chip(painter, x, y - size * 0.55, size * 1.1, entry.chip, size) + 5
            elif entry.shape:
                painter.marker(x + size * 0.5, y, size * 0.7, entry.shape)
                x += size + 5
            elif entry.status.startswith("barrier-"):
                border = BARRIER_BORDERS.get(entry.status.removeprefix("barrier-"), "-")
                painter.box(
                    x, y - size * 0.5, 2.2 * size, size, edgecolor="#5A5A5A", facecolor="white", linestyle=border
                )
                x += 2.2 * size + 5
            else:
                colour, style = ARROW_LINES.get(entry.status, ARROW_LINES["covered"])
                painter.ax.plot(
                    [x, x + 2.2 * size], [y, y], color=colour, linestyle=style, linewidth=2.2 * painter.unit
                )
                x += 2.2 * size + 5
            painter.text(x, y, entry.label, size, va="center_baseline")
            x += painter.width_of(entry.label, size) + 16
        x += 16


def draw_board(figure: Any, board: Board, box: tuple[float, float, float, float], unit: float = 1.0) -> None:
    """Draw ``board`` in ``box`` (left, top, right, bottom in pixels of ``figure``, y down), its legend at the
    bottom; ``unit`` scales every size set for a 1920×1080 frame."""
    painter = _Painter(figure, box, unit)
    legend_size = 13.0
    legend_height = 3 * legend_size * 1.6
    columns = max(len(board.columns), 1)
    column_width = painter.width / columns
    row_height = min(30.0, painter.height * 0.045)
    arrows_height = board.rows * row_height
    title_size, titles = _header_size(painter, board, column_width - 16)
    title_lines = max((title.count("\n") + 1 for title in titles), default=1)
    header_height = (title_lines + 1) * title_size * 1.25 + 8
    top = arrows_height + 6
    bottom = painter.height - legend_height
    room = bottom - top - header_height - 8
    most = max((len(column.cards) for column in board.columns), default=0)
    barriers = any(card.kind == "barrier" for column in board.columns for card in column.cards)
    tall = 3.4 if barriers else 2.2  # a barrier's card has two lines: its name, its owners
    card_height = min(tall * MAX_TEXT, room / max(most, 1))
    size = min(float(MAX_TEXT), card_height * (0.34 if barriers else 0.5))
    _arrows(painter, board, 0.0, row_height, column_width)
    for index, (column, title) in enumerate(zip(board.columns, titles, strict=True)):
        x = index * column_width
        empty = not column.cards or bool(column.flag)
        painter.box(
            x + 3,
            top,
            column_width - 6,
            bottom - top - 6,
            f"board-column-{index}",
            facecolor="white" if empty else PANEL,
            edgecolor="#767676" if empty else LINE,
            linewidth=1.5 if empty else 0.8,
            linestyle="--" if empty else "-",
            zorder=1,
        )
        painter.text(
            x + 8,
            top + 6,
            title,
            title_size,
            fontweight="bold",
            va="top",
            linespacing=1.1,
            zorder=3,
            gid=f"board-column-{index}-title",
        )
        painter.text(
            x + 8,
            top + 6 + title_lines * title_size * 1.25,
            f"{column.count} · {column.flag}" if column.flag else column.count,
            title_size * 0.85,
            color=MUTED,
            va="top",
            zorder=3,
        )
        y = top + header_height
        if not column.cards:
            note = _wrapped(painter, column.empty, column_width - 18, title_size * 0.9, 4)
            painter.text(x + 9, y, note, title_size * 0.9, color=MUTED, fontstyle="italic", va="top", zorder=3)
        for number, card in enumerate(column.cards):
            (_barrier_card if card.kind == "barrier" else _card)(
                painter,
                card,
                x + 7,
                y + number * card_height,
                column_width - 14,
                card_height * 0.88,
                size,
                f"board-card-{index}-{number}",
            )
    _legend(painter, board, bottom, legend_size)
    painter.draw_markers()
