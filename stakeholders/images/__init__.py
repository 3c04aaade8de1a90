"""Static images of a map — PNG, SVG or PDF — for slides and documents.

Drawn with matplotlib from the same positions and the same visual vocabulary
(:mod:`stakeholders.layout`, :mod:`stakeholders.style`) as the HTML map: the
title (wrapped when long), the date of the data and the source note, a
compact legend of what the picture shows, and the map filling the rest of
the frame, with labels where no line crosses them
(:mod:`stakeholders.placement`). An image for ``partners`` or ``internal``
readers carries the audience's marking. Why matplotlib and not a screenshot
of the page in a browser: it needs no browser on the user's machine (the
locked-down laptop case), it writes real vectors for SVG and PDF that stay
sharp on a projector, its SVG keeps every text as text (editable in
PowerPoint or Inkscape), and its output is deterministic.

PNG and SVG are 1920×1080 by default (a 16:9 slide); PDF is A4 landscape.
Everything is sized for 1920×1080 and scaled with the frame.

>>> import tempfile, pathlib, stakeholders
>>> path = pathlib.Path(tempfile.mkdtemp()) / "map.svg"
>>> write_image(stakeholders.load_map(stakeholders.example_path()), path).suffix
'.svg'
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from ..board_image import draw_board
from ..dates import format_date
from ..errors import OutputError
from ..i18n import PAGE_WORDS, audience_marking, counted
from ..layout import positions as map_positions
from ..model import StakeholderMap
from ..style import MARKING_COLOURS
from ..views import find_view, view_display
from ._legend import draw_legend, legend_rows, legend_size
from ._network import DPI, MapDrawing, draw_map, fit_map, px_to_pt

__all__ = [
    "A4_LANDSCAPE",
    "DPI",
    "FONTS",
    "FORMATS",
    "SLIDE",
    "MapDrawing",
    "picture",
    "write_image",
]

FORMATS = (".png", ".svg", ".pdf")
SLIDE = (1920, 1080)
"""Default size in pixels for PNG and SVG."""
A4_LANDSCAPE = (1169, 827)
"""A PDF's size in pixels at :data:`DPI` (A4 landscape, 297 × 210 mm)."""
FONTS = ("DejaVu Sans", "Verdana", "Arial", "Helvetica", "Liberation Sans")
"""The font stack: matplotlib measures with the first (it ships with it); an SVG names them all, then
sans-serif, so it renders wherever it is opened (Verdana is DejaVu's width, the others narrower)."""
MARGIN = 28.0
TITLE_PX, META_PX, SOURCE_PX, MARK_PX = 32.0, 20.0, 16.0, 20.0
"""Text sizes in pixels of a 1920×1080 frame: title, date line, source note, audience marking."""
INK, MUTED = "#1a1a1a", "#4a4a4a"


def _settings() -> Any:
    """matplotlib's settings for our images, applied only while one is drawn."""
    return {
        "svg.fonttype": "none",  # text stays text in an SVG
        "svg.hashsalt": "stakeholders",  # the same ids every time
        "pdf.fonttype": 42,  # TrueType in a PDF: selectable, editable text
        "font.family": "sans-serif",
        "font.sans-serif": list(FONTS),
    }


def _measure(ax: Any, renderer: Any, text: str, size_px: float, bold: bool = False) -> tuple[float, float]:
    """Width and height in pixels of one line of ``text``, as the picture draws it."""
    from matplotlib.font_manager import FontProperties

    properties = FontProperties(size=px_to_pt(size_px), weight="bold" if bold else "normal")
    width, height, _ = renderer.get_text_width_height_descent(text, properties, ismath=False)
    return width, height


def _wrap(ax: Any, renderer: Any, text: str, size_px: float, width: float, lines: int, bold: bool = False) -> str:
    """``text`` broken into at most ``lines`` lines no wider than ``width`` pixels (the last one cut with …).

    Words are measured one by one (a line is about the sum of its words and spaces), each line then as a whole.
    """
    words, out = text.split(), list[str]()
    space = _measure(ax, renderer, "a a", size_px, bold)[0] - _measure(ax, renderer, "aa", size_px, bold)[0]
    widths = {word: _measure(ax, renderer, word, size_px, bold)[0] for word in set(words)}
    while words and len(out) < lines:
        line = [words.pop(0)]
        used = widths[line[0]]
        while words and used + space + widths[words[0]] <= width:
            used += space + widths[words[0]]
            line.append(words.pop(0))
        while len(line) > 1 and _measure(ax, renderer, " ".join(line), size_px, bold)[0] > width:
            words.insert(0, line.pop())
        out.append(" ".join(line))
    if words:
        last = out[-1]
        while last and _measure(ax, renderer, last + " …", size_px, bold)[0] > width:
            last = last[: max(last.rfind(" "), 0)] if " " in last else last[:-1]
        out[-1] = last.rstrip() + " …"
    return "\n".join(out)


def _meta(m: StakeholderMap, words: dict[str, str]) -> str:
    meta = f"{words['data_as_of']} {format_date(m.settings.date, words['lang']) or words['date_not_stated']}"
    meta += f" · {counted(words, 'organisation', len(m.organisations))}, {counted(words, 'link', len(m.links))}"
    if m.settings.show_hidden_counts and any(m.hidden.values()):
        meta += " · " + words["hidden_counts_of"].format(
            audience=m.audience,
            orgs=counted(words, "organisation", m.hidden["organisations"]),
            links=counted(words, "link", m.hidden["links"]),
        )
        if m.hidden.get("barriers"):
            meta += " " + words["hidden_barriers_of"].format(barriers=counted(words, "barrier", m.hidden["barriers"]))
    return meta


def _draw_marking(ax: Any, renderer: Any, marking: str, audience: str, right: float, top: float, unit: float) -> float:
    """The audience's marking in a coloured box at the top right; its width in pixels."""
    pad = 0.4 * MARK_PX * unit
    text = ax.text(
        right - pad,
        top + pad,
        marking,
        fontsize=px_to_pt(MARK_PX * unit),
        fontweight="bold",
        color="#ffffff",
        ha="right",
        va="top",
        gid="audience-marking",
        zorder=6,
    )
    text.set_bbox({"boxstyle": f"square,pad={pad / (MARK_PX * unit):.2f}", "facecolor": MARKING_COLOURS[audience]})
    return _measure(ax, renderer, marking, MARK_PX * unit, bold=True)[0] + 2 * pad


def _draw_header(
    ax: Any, renderer: Any, m: StakeholderMap, heading: str, words: dict[str, str], width: float, unit: float
) -> float:
    """Title, date line and marking at the top; the y in pixels below them."""
    margin = MARGIN * unit
    marking = audience_marking(m.audience, words["lang"]) if m.audience in MARKING_COLOURS else ""
    room = width - 2 * margin
    if marking:
        room -= _draw_marking(ax, renderer, marking, m.audience, width - margin, margin, unit) + margin
    # one line, as large as it fits down to 3/4 of the size; else two lines, then three, at that size
    tries = [(size, 1) for size in (TITLE_PX, 0.875 * TITLE_PX, 0.75 * TITLE_PX)] + [(0.75 * TITLE_PX, 2)]
    for size, lines in [*tries, (0.75 * TITLE_PX, 3)]:
        title = _wrap(ax, renderer, heading, size * unit, room, lines, bold=True)
        if "…" not in title:
            break
    text = ax.text(
        margin, margin, title, fontsize=px_to_pt(size * unit), fontweight="bold", color=INK, va="top", gid="title"
    )
    height = text.get_window_extent(renderer).height
    y = margin + height + 0.4 * META_PX * unit
    ax.text(margin, y, _meta(m, words), fontsize=px_to_pt(META_PX * unit), color=MUTED, va="top", gid="meta")
    return y + 1.6 * META_PX * unit


def _draw_footer(ax: Any, renderer: Any, note: str, words: dict[str, str], size: tuple[int, int], unit: float) -> float:
    """The source note at the bottom (two lines at most); the y in pixels above it."""
    margin = MARGIN * unit * 0.7
    if not note:
        return size[1] - margin
    text = _wrap(ax, renderer, f"{words['source']}: {note}", SOURCE_PX * unit, size[0] - 2 * MARGIN * unit, 2)
    shown = ax.text(
        MARGIN * unit,
        size[1] - margin,
        text,
        fontsize=px_to_pt(SOURCE_PX * unit),
        color=MUTED,
        va="bottom",
        gid="source",
    )
    return size[1] - margin - shown.get_window_extent(renderer).height - 0.6 * SOURCE_PX * unit


def _compose(
    m: StakeholderMap,
    size: tuple[int, int],
    unit: float,
    lang: str,
    heading: str | None,
    display: dict[str, Any] | None,
    names_lang: str | None,
) -> tuple[Any, MapDrawing]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    words = {**PAGE_WORDS[lang], "lang": lang}
    figure = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI)
    renderer = FigureCanvasAgg(figure).get_renderer()
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, size[0])
    ax.set_ylim(size[1], 0)
    ax.axis("off")
    margin = MARGIN * unit
    top, bottom = margin, size[1] - margin
    if heading is not None:
        top = _draw_header(ax, renderer, m, heading, words, size[0], unit)
        bottom = _draw_footer(ax, renderer, m.settings.source_note, words, size, unit)
    style = display or {}
    if style.get("board"):  # a board view: the board and its own legend (board_image.py), not the network
        draw_board(figure, style["board"], (margin, top, size[0] - margin, bottom), unit)
        return figure, MapDrawing(fit_map([], size[0] - 2 * margin, bottom - top, unit))
    laid_out = display["positions"] if display else map_positions(m)
    rows = legend_rows(m, lang, style.get("highlight"), style.get("netmap"))
    legend_width, legend_height, columns, widths = legend_size(ax, renderer, rows, bottom - top, unit)
    gap = 1.5 * margin if rows else 0.0
    room = size[0] - 2 * margin - legend_width - gap
    points = [(float(laid_out[org][0]), float(laid_out[org][1])) for org in m.organisations["id"] if org in laid_out]
    points += [(float(a["x"]), float(a["y"])) for a in style.get("anchors") or []]
    used = fit_map(points, room, bottom - top, unit).width
    left = margin + (room - used) / 2
    drawing = draw_map(
        ax,
        renderer,
        m,
        laid_out,
        (left, top, left + used, bottom),
        label_frame=(margin / 2, top, left + used + gap / 2, bottom),
        unit=unit,
        lang=names_lang,
        style=style,
    )
    draw_legend(ax, columns, widths, left + used + gap, top, unit)
    return figure, drawing


def picture(
    m: StakeholderMap,
    *,
    fmt: str = "png",
    size: tuple[int, int] = SLIDE,
    unit: float | None = None,
    title: str | None = None,
    lang: str | None = None,
    display: dict[str, Any] | None = None,
    frame: bool = True,
) -> tuple[bytes, MapDrawing]:
    """The image of ``m`` as bytes (``png``, ``svg`` or ``pdf``), and what was drawn where.

    ``size`` in pixels; ``unit`` scales every size set for a 1920×1080 frame
    (default: as far as the frame is from that); ``display`` draws a view or
    a presentation step (positions, sizes, colours, dimmed organisations,
    headers; see :func:`stakeholders.views.view_display`); without
    ``frame``, only the map and its legend (no title, date, source or
    marking: a slide shows those itself).
    """
    import matplotlib

    page_lang = lang if lang in PAGE_WORDS else "en"
    scale = unit if unit is not None else min(size[0] / SLIDE[0], size[1] / SLIDE[1])
    with matplotlib.rc_context(_settings()):
        heading = (title or m.settings.title) if frame else None
        figure, drawing = _compose(m, size, scale, page_lang, heading, display, lang)
        buffer = io.BytesIO()
        metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt, {"Software": "stakeholders"})
        figure.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata)
    return buffer.getvalue(), drawing


def write_image(
    m: StakeholderMap,
    path: str | os.PathLike[str],
    *,
    size: tuple[int, int] = SLIDE,
    title: str | None = None,
    lang: str | None = None,
    view: str | None = None,
) -> Path:
    """Draw ``m`` to ``path`` (.png, .svg or .pdf) with its title, date, source note, legend and marking.

    ``size`` is in pixels for PNG and SVG; a PDF is always A4 landscape;
    ``view`` draws one of the map's views (by name). Written atomically; the
    same map gives the same bytes.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        msg = f"{path}: cannot write '{path.suffix}' images: use .png, .svg or .pdf"
        raise OutputError(msg)
    display = None
    if view is not None:
        chosen = find_view(m, view)
        display = view_display(m, chosen, lang=lang)
        m = display["map"]
        title = title or f"{m.settings.title} — {chosen.heading_in(lang)}"
    data, _ = picture(
        m,
        fmt=suffix[1:],
        size=A4_LANDSCAPE if suffix == ".pdf" else size,
        title=title,
        lang=lang,
        display=display,
    )
    return write_atomic(path, data)
