"""Static images of a map — PNG, SVG or PDF — for slides and documents.

Drawn with matplotlib from the same positions and the same visual vocabulary
(:mod:`stakeholders.layout`, :mod:`stakeholders.style`) as the HTML map, with
the title, the date of the data, the source note and a legend drawn in. Why
matplotlib and not a screenshot of the page in a browser: it needs no browser
on the user's machine (the locked-down laptop case), it writes real vectors
for SVG and PDF that stay sharp on a projector and can be edited, and its
output is deterministic.

PNG and SVG are 1920×1080 by default (a 16:9 slide); PDF is A4 landscape.

>>> import tempfile, pathlib, stakeholders
>>> path = pathlib.Path(tempfile.mkdtemp()) / "map.svg"
>>> write_image(stakeholders.load_map(stakeholders.example_path()), path).suffix
'.svg'
"""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path
from typing import Any

from ._atomic import write_atomic
from .errors import OutputError
from .i18n import PAGE_WORDS, counted
from .layout import positions as map_positions
from .model import StakeholderMap
from .naming import org_label
from .schema import LEVELS
from .style import LAPSED_COLOUR, NODE_BORDER, kind_colour, link_curves, link_dashes, link_width, sector_colour
from .views import find_view, view_display

__all__ = ["FORMATS", "SLIDE", "write_image"]

FORMATS = (".png", ".svg", ".pdf")
SLIDE = (1920, 1080)
"""Default size in pixels for PNG and SVG."""
A4_LANDSCAPE = (11.69, 8.27)
DPI = 100
MARKERS = {"policy": "s", "operational": "o", "both": "D", "": "^"}
LABELS_UP_TO = 400
"""Maps with more organisations than this get no labels in images (they would only overlap)."""


def _dash(pattern: list[int] | bool) -> Any:
    return (0, tuple(p / 2 for p in pattern)) if isinstance(pattern, list) and pattern else "solid"


def _figure(m: StakeholderMap, size: tuple[float, float], lang: str) -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt
    from matplotlib.figure import Figure

    plt.rcParams["svg.hashsalt"] = "stakeholders"
    plt.rcParams["font.family"] = "DejaVu Sans"
    return Figure(figsize=size, dpi=DPI)


def _fill(org: dict[str, Any], m: StakeholderMap, display: dict[str, Any] | None) -> str:
    highlight = (display or {}).get("highlight")
    if highlight:
        value = org.get(highlight["field"])
        key = "|".join(value) if isinstance(value, (list, tuple)) else (value or "")
        return next((v["colour"] for v in highlight["values"] if v["id"] == key), "#FFFFFF")
    return sector_colour(org.get("sector") or "", m.settings.sectors)


def _draw_network(ax: Any, m: StakeholderMap, lang: str | None, display: dict[str, Any] | None = None) -> None:
    from matplotlib.patches import FancyArrowPatch

    laid_out = display["positions"] if display else map_positions(m)
    positions = {node: (x, -y) for node, (x, y) in laid_out.items()}
    sizes = (display or {}).get("sizes") or {}
    dimmed = set((display or {}).get("dimmed") or [])
    records = m.records("links")
    curves = link_curves(records)
    many = len(positions) > LABELS_UP_TO
    node_size = 150 if not many else 12
    for link in records:
        start, end = positions[link["source"]], positions[link["target"]]
        colour = (
            LAPSED_COLOUR if link.get("status") == "lapsed" else kind_colour(link.get("kind") or "", m.settings.kinds)
        )
        dashes = link_dashes(link.get("status") or "", link.get("evidence") or "")
        direction = link.get("direction") or "directed"
        arrow = {"directed": "-|>", "mutual": "<|-|>", "undirected": "-"}[direction]
        strength = link.get("strength")
        patch = FancyArrowPatch(
            start,
            end,
            arrowstyle=arrow,
            mutation_scale=9,
            connectionstyle=f"arc3,rad={-curves.get(link['id'], 0.0)}",
            color=colour,
            linewidth=link_width(None if strength is None or strength != strength else int(strength)) * 0.8,
            linestyle=_dash(dashes),
            shrinkA=8,
            shrinkB=8,
            zorder=1,
        )
        ax.add_patch(patch)
    orgs = m.records("organisations")
    for level in (*LEVELS.ids, ""):
        for faded in (False, True):
            group = [org for org in orgs if (org.get("level") or "") == level and (org["id"] in dimmed) == faded]
            if not group:
                continue
            ax.scatter(
                [positions[org["id"]][0] for org in group],
                [positions[org["id"]][1] for org in group],
                s=[node_size * (sizes[org["id"]] / 14) ** 2 if org["id"] in sizes else node_size for org in group],
                marker=MARKERS[level],
                c=[_fill(org, m, display) for org in group],
                edgecolors=NODE_BORDER,
                linewidths=0.8,
                alpha=0.3 if faded else 1.0,
                zorder=2,
            )
    headers = [
        ax.text(
            anchor["x"],
            -anchor["y"],
            anchor["label"],
            ha="center",
            va="bottom",
            fontsize=11,
            fontweight="bold",
            color="#4a4a4a",
            zorder=3,
        )
        for anchor in (display or {}).get("anchors") or []
    ]
    if not many:
        for org in orgs:
            x, y = positions[org["id"]]
            ax.annotate(
                org_label(org, lang),
                (x, y),
                xytext=(0, -10),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=8,
                color="#1a1a1a",
                zorder=3,
            )
    anchors = [(a["x"], -a["y"]) for a in (display or {}).get("anchors") or []]
    xs = [x for x, _ in [*positions.values(), *anchors]] or [0]
    ys = [y for _, y in [*positions.values(), *anchors]] or [0]
    pad = 60
    # a lane or group header is centred on its anchor: leave room for half a lane beside the outer ones
    columns = sorted({x for x, _ in anchors})
    spacing = min((b - a for a, b in zip(columns, columns[1:], strict=False)), default=0)
    side = max(pad, spacing / 2)
    ax.set_xlim(min(xs) - side, max(xs) + side)
    ax.set_ylim(min(ys) - pad, max(ys) + pad)
    ax.set_aspect("equal", adjustable="box")
    ax.axis("off")
    if headers and spacing > 0:
        _fit_headers(ax, headers, spacing)


def _fit_headers(ax: Any, headers: list[Any], spacing: float) -> None:
    """Shrink and re-wrap lane or group headers until each fits the room between two anchors."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ax.apply_aspect()
    room = (ax.transData.transform((spacing, 0)) - ax.transData.transform((0, 0)))[0] * 0.94
    renderer = FigureCanvasAgg(ax.figure).get_renderer()  # measures text as the PNG draws it
    for header in headers:
        words = header.get_text().split()
        for size in (11, 10, 9, 8, 7):
            header.set_fontsize(size)
            for width in range(max(len(" ".join(words)), 1), 5, -1):
                header.set_text(textwrap.fill(" ".join(words), width, break_long_words=False))
                if header.get_window_extent(renderer).width <= room:
                    break
            if header.get_window_extent(renderer).width <= room:
                break


def _draw_legend(ax: Any, m: StakeholderMap, lang: str, display: dict[str, Any] | None = None) -> None:
    from matplotlib.lines import Line2D

    words = PAGE_WORDS[lang]
    sectors = [s for s in m.settings.sectors.ids if s in set(m.organisations["sector"])]
    levels = [lv for lv in LEVELS.ids if lv in set(m.organisations["level"])]
    kinds = [k for k in m.settings.kinds.ids if k in set(m.links["kind"])]
    handles, labels = [], []

    def section(title: str) -> None:
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(title)

    highlight = (display or {}).get("highlight")
    if highlight:
        section(highlight["title"])
        for value in highlight["values"]:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="none",
                    markersize=7,
                    markerfacecolor=value["colour"],
                    markeredgecolor=NODE_BORDER,
                )
            )
            labels.append(value["label"])
        sectors = []
    else:
        section(words["legend_sector"])
    for sector in sectors:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markersize=7,
                markerfacecolor=sector_colour(sector, m.settings.sectors),
                markeredgecolor=NODE_BORDER,
            )
        )
        labels.append(m.settings.sectors.label(sector, lang))
    section(words["legend_level"])
    for level in levels:
        handles.append(
            Line2D(
                [],
                [],
                marker=MARKERS[level],
                linestyle="none",
                markersize=7,
                markerfacecolor="white",
                markeredgecolor=NODE_BORDER,
            )
        )
        labels.append(LEVELS.label(level, lang))
    section(words["legend_kind"])
    for kind in kinds:
        handles.append(Line2D([], [], color=kind_colour(kind, m.settings.kinds), linewidth=2.5))
        labels.append(m.settings.kinds.label(kind, lang))
    section(words["legend_lines"])
    statuses = set(m.links["status"])
    unverified = bool(set(m.links["evidence"]) & {"unverified", "inferred"})
    for shown, label, colour, dashes in (
        (True, words["line_active"], "#333333", False),
        ("planned" in statuses, words["line_planned"], "#333333", link_dashes("planned", "")),
        ("lapsed" in statuses, words["line_lapsed"], LAPSED_COLOUR, link_dashes("lapsed", "")),
        (unverified, words["line_unverified"], "#333333", link_dashes("active", "unverified")),
    ):
        if shown:
            handles.append(Line2D([], [], color=colour, linewidth=1.8, linestyle=_dash(dashes)))
            labels.append(label)
    legend = ax.legend(handles, labels, loc="upper left", frameon=False, fontsize=9, handlelength=2.2, borderaxespad=0)
    for text, handle in zip(legend.get_texts(), handles, strict=True):
        if (
            isinstance(handle, Line2D)
            and handle.get_linestyle() == "None"
            and handle.get_marker() in ("None", None, "")
        ):
            text.set_fontweight("bold")
    ax.axis("off")


def write_image(
    m: StakeholderMap,
    path: str | os.PathLike[str],
    *,
    size: tuple[int, int] = SLIDE,
    title: str | None = None,
    lang: str | None = None,
    view: str | None = None,
) -> Path:
    """Draw ``m`` to ``path`` (.png, .svg or .pdf) with its title, date, source note and legend.

    ``size`` is in pixels for PNG and SVG; a PDF is always A4 landscape;
    ``view`` draws one of the map's views (by name). Written atomically; the
    same map gives the same bytes.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        msg = f"{path}: cannot write '{path.suffix}' images: use .png, .svg or .pdf"
        raise OutputError(msg)
    page_lang = lang if lang in PAGE_WORDS else "en"
    words = PAGE_WORDS[page_lang]
    display = None
    if view is not None:
        chosen = find_view(m, view)
        display = view_display(m, chosen, lang=lang)
        m = display["map"]
        title = title or f"{m.settings.title} — {chosen.heading}"
    figure_size = A4_LANDSCAPE if suffix == ".pdf" else (size[0] / DPI, size[1] / DPI)
    figure = _figure(m, figure_size, page_lang)
    heading = title or m.settings.title
    figure.text(0.015, 0.975, heading, fontsize=17, fontweight="bold", va="top", ha="left", color="#1a1a1a")
    meta = f"{words['data_as_of']} {m.settings.date or words['date_not_stated']}"
    meta += f" · {counted(words, 'organisation', len(m.organisations))}, {counted(words, 'link', len(m.links))}"
    if m.settings.show_hidden_counts and any(m.hidden.values()):
        hidden_orgs, hidden_links = m.hidden["organisations"], m.hidden["links"]
        meta += " · " + words["hidden_counts_of"].format(
            audience=m.audience,
            orgs=counted(words, "organisation", hidden_orgs),
            links=counted(words, "link", hidden_links),
        )
        if m.hidden.get("barriers"):
            meta += " " + words["hidden_barriers_of"].format(barriers=counted(words, "barrier", m.hidden["barriers"]))
    figure.text(0.015, 0.93, meta, fontsize=11, va="top", ha="left", color="#4a4a4a")
    if m.settings.source_note:
        note = f"{words['source']}: {m.settings.source_note}"
        figure.text(
            0.015,
            0.012,
            note if len(note) < 240 else note[:237] + "…",
            fontsize=9,
            va="bottom",
            ha="left",
            color="#4a4a4a",
            wrap=True,
        )
    network = figure.add_axes((0.01, 0.05, 0.78, 0.84))
    _draw_network(network, m, lang, display)
    legend = figure.add_axes((0.80, 0.05, 0.19, 0.84))
    _draw_legend(legend, m, page_lang, display)
    buffer = io.BytesIO()
    metadata = {".svg": {"Date": None}, ".pdf": {"CreationDate": None}}.get(suffix, {"Software": "stakeholders"})
    figure.savefig(buffer, format=suffix[1:], dpi=DPI, metadata=metadata)
    return write_atomic(path, buffer.getvalue())
