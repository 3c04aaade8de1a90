"""The visual vocabulary meets WCAG 2.1 AA for non-text contrast and keeps a second channel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stakeholders.schema import LEVELS, LINK_KINDS, SECTORS
from stakeholders.style import (
    BACKGROUND,
    EXTRA_COLOURS,
    KIND_COLOURS,
    LAPSED_COLOUR,
    LEVEL_SHAPES,
    NODE_BORDER,
    SECTOR_COLOURS,
    contrast_ratio,
    link_dashes,
    sector_colour,
    style_table,
)


@pytest.mark.parametrize("colour", [*KIND_COLOURS.values(), *EXTRA_COLOURS, LAPSED_COLOUR, NODE_BORDER])
def test_lines_and_borders_stand_out_from_the_background(colour: str) -> None:
    assert contrast_ratio(colour, BACKGROUND) >= 3.0  # WCAG 1.4.11 non-text contrast


def test_every_term_has_its_own_colour_and_shape() -> None:
    assert set(SECTOR_COLOURS) == set(SECTORS.ids)
    assert set(KIND_COLOURS) == set(LINK_KINDS.ids)
    assert len(set(SECTOR_COLOURS.values())) == len(SECTOR_COLOURS)
    assert len(set(KIND_COLOURS.values())) == len(KIND_COLOURS)
    assert set(LEVEL_SHAPES) == {*LEVELS.ids, ""} and len(set(LEVEL_SHAPES.values())) == len(LEVEL_SHAPES)


def test_status_and_evidence_differ_by_dash_not_only_colour() -> None:
    patterns = [link_dashes(s, e) for s in ("active", "planned") for e in ("documented", "unverified")]
    assert len({str(p) for p in patterns}) == 4


def test_extended_sectors_get_extra_colours() -> None:
    extended = SECTORS.extended(("Faith groups", "Schools"))
    assert [sector_colour(s, extended) for s in ("faith-groups", "schools")] == list(EXTRA_COLOURS[:2])
    assert style_table(extended)["sector"]["schools"] == EXTRA_COLOURS[1]


def test_page_text_colours_have_enough_contrast() -> None:
    css = (Path(__file__).parent.parent / "stakeholders" / "pages" / "static" / "map.css").read_text(encoding="utf-8")
    variables = dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{6})", css))
    for text in ("ink", "muted"):
        for background in ("#FFFFFF", variables["panel"]):
            assert contrast_ratio(variables[text], background) >= 4.5  # WCAG 1.4.3 text contrast
    assert contrast_ratio(variables["focus"], "#FFFFFF") >= 3.0
