"""The presentation as a PowerPoint deck (.pptx), written with python-pptx.

The same steps as the HTML deck (:func:`stakeholders.pages.presentation_steps`):
a title slide with the map's title and description, then one slide per step
with the step's title, its picture (drawn by :mod:`stakeholders.images` on
the positions of the whole map, with the step's colours, sizes and legend,
at the slide's own size so a label is 18 px or more on a 1920×1080
projector), the view's note as the speaker notes, and the date and source of
the data in the footer. A deck made for ``partners`` or ``internal`` readers
carries the audience's marking on every slide. Every text is a text box
that can be edited; the same map gives the same bytes.

>>> import tempfile, pathlib, stakeholders
>>> path = pathlib.Path(tempfile.mkdtemp()) / "deck.pptx"
>>> write_pptx(stakeholders.load_map(stakeholders.example_path()), path).suffix
'.pptx'
"""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from ._atomic import fixed_zip, write_atomic
from .barrier_board import barrier_model
from .board import approach_board
from .dates import format_date
from .errors import OutputError
from .formats.workbook import FIXED_TIME
from .i18n import PAGE_WORDS, audience_marking, counted
from .images import picture
from .layout import positions as map_positions
from .model import StakeholderMap
from .pages import presentation_steps
from .style import MARKING_COLOURS
from .views import netmap_display

__all__ = ["SLIDE_INCHES", "pptx_bytes", "step_display", "write_pptx"]

SLIDE_INCHES = (13.333, 7.5)
"""A 16:9 slide, as PowerPoint's own widescreen size."""
PROJECTOR = 1920
"""Pixels across the slide on the projector the pictures are drawn for."""
SIDE, TITLE_TOP, TITLE_HEIGHT, FOOTER_HEIGHT = 0.35, 0.2, 0.7, 0.4
"""The slide's margins and bands, in inches."""
MARKING_WIDTH = 4.6
"""The audience marking's box at the top right, beside the title, in inches."""


def step_display(m: StakeholderMap, step: dict[str, Any], lang: str | None = None) -> dict[str, Any]:
    """A presentation step (from :func:`~stakeholders.pages.presentation_steps`) as an image draws it.

    The map cut to the step's organisations and links, on the positions of
    the whole map, with the step's sizes, colours and dimmed organisations; a
    board step (``step["board"]``) is the board of the approach of what it
    shows (:func:`stakeholders.board.approach_board`), or the barrier model
    (``step["layout"]`` ``barriers``), in ``lang``; a netmap
    step (``step["netmap"]``) has the influence towers and stance marks.

    >>> import stakeholders
    >>> m = stakeholders.load_map(stakeholders.example_path())
    >>> step = stakeholders.pages.presentation_steps(m)[0]
    >>> shown = step_display(m, step)
    >>> len(shown["map"].organisations) == len(step["organisations"]) == len(shown["positions"])
    True
    """
    orgs, links = set(step["organisations"]), set(step["links"])
    shown = replace(
        m,
        organisations=m.organisations[m.organisations["id"].isin(orgs)].reset_index(drop=True),
        links=m.links[m.links["id"].isin(links)].reset_index(drop=True),
    )
    whole = map_positions(m)
    return {
        "map": shown,
        "positions": {org: list(whole[org]) for org in shown.organisations["id"]},
        "anchors": [],
        "dimmed": step["dimmed"],
        "sizes": step["sizes"],
        "highlight": step["highlight"],
        "board": (barrier_model(m, lang=lang) if step.get("layout") == "barriers" else approach_board(shown, lang=lang))
        if step.get("board")
        else None,
        "netmap": netmap_display(shown, lang=lang) if step.get("netmap") else None,
    }


def _text_box(slide: Any, box: tuple[float, float, float, float], text: str, size: float, **style: Any) -> Any:
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = text
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = style.get("bold", False)
            run.font.color.rgb = RGBColor.from_string(style.get("colour", "1A1A1A"))
    if "fill" in style:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(style["fill"])
    shape.name = style.get("name", shape.name)
    return shape


def _marking(slide: Any, m: StakeholderMap, lang: str) -> None:
    from pptx.enum.text import PP_ALIGN

    marking = audience_marking(m.audience, lang) if m.audience in MARKING_COLOURS else ""
    if marking:
        box = (SLIDE_INCHES[0] - SIDE - MARKING_WIDTH, TITLE_TOP + 0.12, MARKING_WIDTH, 0.4)
        fill = MARKING_COLOURS[m.audience].lstrip("#").upper()
        shape = _text_box(slide, box, marking, 12, bold=True, colour="FFFFFF", fill=fill, name="Audience marking")
        shape.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def _footer(slide: Any, m: StakeholderMap, words: dict[str, str], lang: str) -> None:
    text = f"{words['data_as_of']} {format_date(m.settings.date, lang) or words['date_not_stated']}"
    if m.settings.source_note:
        text += f" · {words['source']}: {m.settings.source_note}"
    if len(text) > 330:
        text = text[:329].rstrip() + "…"
    top = SLIDE_INCHES[1] - FOOTER_HEIGHT - 0.05
    _text_box(slide, (SIDE, top, SLIDE_INCHES[0] - 2 * SIDE, FOOTER_HEIGHT), text, 10, colour="4A4A4A", name="Footer")


def _title(slide: Any, text: str, marked: bool) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    title = slide.shapes.title
    title.left, title.top = Inches(SIDE), Inches(TITLE_TOP)
    title.width = Inches(SLIDE_INCHES[0] - 2 * SIDE - (MARKING_WIDTH + 0.2 if marked else 0))
    title.height = Inches(TITLE_HEIGHT)
    title.text = text
    frame = title.text_frame
    frame.word_wrap = True
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size = Pt(28 if len(text) < 60 else 22)
            run.font.bold = True


def _title_slide(deck: Any, m: StakeholderMap, heading: str, words: dict[str, str], page_lang: str) -> None:
    """The first slide: the map's title, its description and counts, the footer."""
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    slide = deck.slides.add_slide(deck.slide_layouts[0])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    about = m.settings.description or ""
    counts = f"{counted(words, 'organisation', len(m.organisations))}, {counted(words, 'link', len(m.links))}"
    subtitle.text = "\n".join(part for part in (about if len(about) < 600 else about[:599] + "…", counts) if part)
    title.text = heading
    width = Inches(SLIDE_INCHES[0] - 2.4)
    title.left, title.top, title.width, title.height = Inches(1.2), Inches(1.0), width, Inches(1.9)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = Inches(1.2), Inches(3.1), width, Inches(3.4)
    for shape, size, colour in ((title, 34 if len(heading) < 80 else 28, "1A1A1A"), (subtitle, 16, "4A4A4A")):
        shape.text_frame.word_wrap = True
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.color.rgb = RGBColor.from_string(colour)
        if shape is title:
            for run in shape.text_frame.paragraphs[0].runs:
                run.font.bold = True
    _footer(slide, m, words, page_lang)


def _picture_size() -> tuple[tuple[float, float, float, float], tuple[int, int]]:
    """Where the step's picture goes on the slide (inches) and its size in pixels of a 1920-wide projector."""
    top = TITLE_TOP + TITLE_HEIGHT + 0.05
    box = (SIDE, top, SLIDE_INCHES[0] - 2 * SIDE, SLIDE_INCHES[1] - FOOTER_HEIGHT - 0.1 - top)
    per_inch = PROJECTOR / SLIDE_INCHES[0]
    return box, (round(box[2] * per_inch), round(box[3] * per_inch))


def pptx_bytes(
    m: StakeholderMap, *, views: list[str] | None = None, lang: str | None = None, title: str | None = None
) -> bytes:
    """The deck as the bytes of a .pptx file; ``views`` names the steps (default: the views with a step number)."""
    from pptx import Presentation
    from pptx.util import Inches

    page_lang = lang if lang in PAGE_WORDS else "en"
    words = PAGE_WORDS[page_lang]
    steps = presentation_steps(m, views, lang=lang)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE_INCHES[0]), Inches(SLIDE_INCHES[1])
    heading = title or m.settings.title or "—"
    _title_slide(deck, m, heading, words, page_lang)
    _marking(deck.slides[0], m, page_lang)
    box, pixels = _picture_size()
    for number, step in enumerate(steps, start=1):
        slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only
        _title(slide, step["title"], m.audience in MARKING_COLOURS)
        display = step_display(m, step, lang)
        image, _ = picture(display["map"], size=pixels, unit=1.0, lang=lang, display=display, frame=False)
        shown = slide.shapes.add_picture(io.BytesIO(image), *(Inches(v) for v in box))
        shown.name = f"Step {number}"
        described = f"{step['title']}: {counted(words, 'organisation', len(step['organisations']))}"
        # the picture's alternative text, for screen readers (python-pptx has no property for it)
        shown._element.nvPicPr.cNvPr.set("descr", f"{described}, {counted(words, 'link', len(step['links']))}")
        slide.notes_slide.notes_text_frame.text = step["note"] or ""
        _footer(slide, m, words, page_lang)
        _marking(slide, m, page_lang)
    properties = deck.core_properties
    properties.title, properties.author, properties.last_modified_by = heading, "stakeholders", "stakeholders"
    properties.created = properties.modified = FIXED_TIME
    properties.last_printed = FIXED_TIME
    properties.revision = 1
    buffer = io.BytesIO()
    deck.save(buffer)
    return fixed_zip(buffer.getvalue())


def write_pptx(m: StakeholderMap, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write the presentation as a PowerPoint deck to ``path`` (.pptx) atomically; options as :func:`pptx_bytes`."""
    path = Path(path)
    if path.suffix.lower() != ".pptx":
        msg = f"{path}: a PowerPoint deck must end in .pptx"
        raise OutputError(msg)
    return write_atomic(path, pptx_bytes(m, **options))
