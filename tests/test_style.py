"""The visual vocabulary meets WCAG 2.1 AA for non-text contrast, stays apart for colour-blind readers, and keeps a
second channel.

Colour blindness is simulated with colorspacious (Machado et al. 2009, severity 100: protanopia, deuteranopia,
tritanopia), and colours are compared in CAM02-UCS, where a distance of about 1 is just noticeable side by side.
Marks on a map are small and far apart, so the bar is much higher: the palettes must stay at least as far apart as
the colours of Paul Tol's "muted" scheme, a published colour-blind-safe palette of ten colours, do under the same
simulations (11.8). The figures docs/accessibility.md states are checked here too.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert

from stakeholders.diff import CHANGE_COLOURS
from stakeholders.schema import LEVELS, LINK_KINDS, SECTORS, STATUSES
from stakeholders.style import (
    BACKGROUND,
    EXTRA_COLOURS,
    KIND_COLOURS,
    LAPSED_COLOUR,
    LEVEL_SHAPES,
    NO_KIND_COLOUR,
    NODE_BORDER,
    SECTOR_COLOURS,
    UNSPECIFIED_COLOUR,
    contrast_ratio,
    link_dashes,
    sector_colour,
    style_table,
)

ACCESSIBILITY = Path(__file__).parent.parent / "docs" / "accessibility.md"
VISIONS = (None, "protanomaly", "deuteranomaly", "tritanomaly")
"""Normal vision, then colorspacious's three kinds of colour blindness (at severity 100: the -opias)."""
TOL_MUTED = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499")
"""Paul Tol's "muted" scheme: its nine colours (without the pale grey it keeps for missing data)."""


def _seen(colour: str, vision: str | None) -> np.ndarray:
    """A ``#RRGGBB`` colour in CAM02-UCS, as a reader with ``vision`` sees it."""
    rgb = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    if vision is not None:
        simulated = cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}, "sRGB1")
        rgb = np.clip(simulated, 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def closest_pair(colours: dict[str, str]) -> tuple[float, str, str, str]:
    """The smallest CAM02-UCS distance between two of ``colours`` under any of the visions, and where."""
    return min(
        (float(np.linalg.norm(_seen(a, vision) - _seen(b, vision))), name_a, name_b, str(vision or "normal"))
        for vision in VISIONS
        for (name_a, a), (name_b, b) in itertools.combinations(colours.items(), 2)
    )


def test_the_reference_palette_is_what_the_threshold_says() -> None:
    assert round(closest_pair(dict(enumerate(TOL_MUTED, start=1)))[0], 1) == 11.8


@pytest.mark.parametrize(
    ("palette", "stated"),
    [
        ({**SECTOR_COLOURS, "no sector": UNSPECIFIED_COLOUR}, "15.0"),
        ({**KIND_COLOURS, "no kind": NO_KIND_COLOUR, "lapsed": LAPSED_COLOUR}, "13.0"),
        (CHANGE_COLOURS, "15.6"),
    ],
    ids=["sectors", "link-kinds", "changes"],
)
def test_colours_stay_apart_for_colour_blind_readers(palette: dict[str, str], stated: str) -> None:
    reference = closest_pair(dict(enumerate(TOL_MUTED, start=1)))[0]
    distance, first, second, vision = closest_pair(palette)
    assert distance >= reference, f"{first} and {second} are {distance:.1f} apart under {vision}"
    assert f"{distance:.1f}" == stated
    assert f"{stated} " in ACCESSIBILITY.read_text(encoding="utf-8")  # docs/accessibility.md states the figure


def test_change_colours_stand_out_from_the_page() -> None:
    for change in ("added", "removed", "changed"):  # unchanged items recede on purpose, with a dark border
        assert contrast_ratio(CHANGE_COLOURS[change], BACKGROUND) >= 3.0, change  # WCAG 1.4.11: graphics


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
    patterns = [link_dashes(s, e) for s in STATUSES.ids for e in ("documented", "unverified")]
    assert len(patterns) == 6 and len({str(p) for p in patterns}) == 6  # lapsed links are more than grey


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
