"""How a map looks: colours by sector, shapes by level, line styles by link kind and status.

One place for the visual vocabulary, shared by every output (the HTML map,
the images, the exports) so that a legend always means the same thing.

The palettes are chosen to stay apart for colour-blind readers as well: under
a simulation of protanopia, deuteranopia and tritanopia (and normal vision),
no two sector colours (nor white, an organisation without a sector) are
closer than 15 units in CAM02-UCS, and no two link-kind colours (nor the dark
grey of a link without a kind, nor the grey of lapsed links) closer than 13;
``tests/test_style.py`` measures it. Colour is never the only channel: names
are written on the map, the legend, tooltips, the info panel and the table
view say the sector and kind in words, shapes show the level, and dash
patterns show the status (planned, lapsed) and the evidence (unverified).

>>> sector_colour("police")
'#3C7DBE'
>>> link_dashes("planned", "unverified")
[10, 5, 2, 5]
>>> round(contrast_ratio("#000000", "#FFFFFF"), 1)
21.0
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .schema import LEVELS, LINK_KINDS, SECTORS, Vocabulary

__all__ = [
    "BACKGROUND",
    "EXTRA_COLOURS",
    "KIND_COLOURS",
    "LAPSED_COLOUR",
    "LEVEL_SHAPES",
    "MARKING_COLOURS",
    "NODE_BORDER",
    "NO_KIND_COLOUR",
    "SECTOR_COLOURS",
    "STANCE_MARKS",
    "TOWER_COLOUR",
    "UNSPECIFIED_COLOUR",
    "contrast_ratio",
    "kind_colour",
    "link_curves",
    "link_dashes",
    "link_width",
    "sector_colour",
    "style_table",
]

BACKGROUND = "#FFFFFF"
NODE_BORDER = "#222222"
MARKING_COLOURS = {"internal": "#B2182B", "partners": "#5C3C92"}
"""The audience marking's colour (white bold text on it, or it as text on paper): red for internal, purple for
partners; both at least 6:1 against white. Public outputs carry no marking."""
UNSPECIFIED_COLOUR = "#FFFFFF"
LAPSED_COLOUR = "#8C8C8C"

SECTOR_COLOURS = {
    "police": "#3C7DBE",
    "justice": "#552DCD",
    "probation": "#913278",
    "care": "#78AA91",
    "prevention": "#C8AA28",
    "victim-support": "#9B6982",
    "hotline": "#CD5F23",
    "industry": "#B4DC87",
    "research": "#82CDF5",
    "government": "#AA0023",
    "international": "#14694B",
    "ngo": "#D7C8CD",
}
"""Fill per default sector: Paul Tol's schemes moved as little as needed to stay apart under colour blindness."""

KIND_COLOURS = {
    "information-sharing": "#2D6EA5",
    "referral": "#E1690F",
    "notice-and-takedown": "#824B4B",
    "joint-operation": "#284B73",
    "funding": "#967D55",
    "agreement": "#5A1EBE",
    "policy-consultation": "#0096AF",
    "research": "#872D14",
    "technology": "#5F5F6E",
    "membership": "#9155F5",
    "oversight": "#BE410F",
}
"""Line colour per default link kind: at least 3:1 against the page, and apart under colour blindness."""

NO_KIND_COLOUR = "#333333"
"""Line colour of a link without a kind."""

EXTRA_COLOURS = ("#EE3377", "#009988", "#0077BB", "#CC3311", "#2D7F9D", "#6B4226", "#5E8C31", "#B565A7")
"""Colours for sectors and kinds that a map adds to the default vocabularies, in order."""

STANCE_MARKS = {
    "supports": ("+", "#1B7837"),
    "neutral": ("=", "#4D4D4D"),
    "opposes": ("−", "#B2182B"),
    "mixed": ("±", "#8C510A"),
}
"""Net-Map's stance marks: a symbol (which carries the meaning without colour) and its colour, each with at least
4.5:1 contrast on white."""

TOWER_COLOUR = "#5C3C92"
"""The fill of an influence tower (its outline is :data:`NODE_BORDER`)."""

LEVEL_SHAPES = {"policy": "square", "operational": "dot", "both": "diamond", "": "triangle"}
"""vis-network shape per level; an organisation without a level is a triangle."""


def _extra_colour(term_id: str, vocabulary: Vocabulary, known: dict[str, str]) -> str:
    extras = [t for t in vocabulary.ids if t not in known]
    return EXTRA_COLOURS[extras.index(term_id) % len(EXTRA_COLOURS)] if term_id in extras else UNSPECIFIED_COLOUR


def sector_colour(sector: str, vocabulary: Vocabulary = SECTORS) -> str:
    """Fill colour for an organisation of ``sector`` (white when it has none)."""
    return SECTOR_COLOURS.get(sector) or _extra_colour(sector, vocabulary, SECTOR_COLOURS)


def kind_colour(kind: str, vocabulary: Vocabulary = LINK_KINDS) -> str:
    """Line colour for a link of ``kind`` (dark grey when it has none)."""
    if not kind:
        return NO_KIND_COLOUR
    return KIND_COLOURS.get(kind) or _extra_colour(kind, vocabulary, KIND_COLOURS)


def link_dashes(status: str, evidence: str, confirmation: str = "") -> list[int] | bool:
    """Dash pattern: planned links long dashes, lapsed ones short dashes, unverified ones dotted.

    An unverified planned link is dash-dotted, an unverified lapsed one
    short-dash-dotted: every status and evidence has its own pattern, so
    neither depends on colour alone (lapsed links are grey as well). A link
    only one end reported (``confirmation`` ``one-sided``, after a merge) has
    two dots after each dash, whatever its evidence.

    >>> link_dashes("active", "documented"), link_dashes("lapsed", ""), link_dashes("active", "", "one-sided")
    (False, [4, 4], [12, 4, 2, 4, 2, 4])
    """
    if confirmation == "one-sided":
        return {"planned": [10, 6, 2, 6, 2, 6], "lapsed": [4, 4, 1, 3, 1, 4]}.get(status, [12, 4, 2, 4, 2, 4])
    unverified = evidence in ("unverified", "inferred")
    if status == "planned":
        return [10, 5, 2, 5] if unverified else [10, 6]
    if status == "lapsed":
        return [4, 4, 1, 4] if unverified else [4, 4]
    return [2, 5] if unverified else False


def link_width(strength: int | None) -> float:
    """Line width in pixels: 1.5 when unknown, 1 to 5 by strength.

    >>> link_width(None), link_width(5)
    (1.5, 5.0)
    """
    return 1.5 if strength is None else float(strength)


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio between two ``#RRGGBB`` colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def style_table(sectors: Vocabulary = SECTORS, kinds: Vocabulary = LINK_KINDS) -> dict[str, object]:
    """Everything the page needs to draw a map, keyed by vocabulary id.

    >>> style_table()["level"]["both"]
    'diamond'
    """
    return {
        "sector": {sector: sector_colour(sector, sectors) for sector in (*sectors.ids, "")},
        "level": {level: LEVEL_SHAPES[level] for level in (*LEVELS.ids, "")},
        "kind": {kind: kind_colour(kind, kinds) for kind in (*kinds.ids, "")},
        "lapsed": LAPSED_COLOUR,
        "dashes": {
            "planned": link_dashes("planned", ""),
            "unverified": link_dashes("active", "unverified"),
            "planned-unverified": link_dashes("planned", "unverified"),
            "lapsed": link_dashes("lapsed", ""),
            "lapsed-unverified": link_dashes("lapsed", "unverified"),
            "one-sided": link_dashes("active", "", "one-sided"),
            "planned-one-sided": link_dashes("planned", "", "one-sided"),
            "lapsed-one-sided": link_dashes("lapsed", "", "one-sided"),
        },
        "border": NODE_BORDER,
        "background": BACKGROUND,
    }


def link_curves(links: list[dict[str, Any]]) -> dict[str, float]:
    """Signed curvature for links that share a pair of organisations, so none hide another.

    >>> link_curves([{"id": "1", "source": "a", "target": "b"}, {"id": "2", "source": "b", "target": "a"},
    ...          {"id": "3", "source": "a", "target": "c"}])
    {'1': -0.15, '2': -0.15}
    """
    pairs = [(link["source"], link["target"]) for link in links]
    pairs = [(source, target) if source <= target else (target, source) for source, target in pairs]
    shared = {pair for pair, count in Counter(pairs).items() if count > 1}
    if not shared:
        return {}
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for link, pair in zip(links, pairs, strict=True):
        if pair in shared:
            by_pair.setdefault(pair, []).append(link)
    curves = {}
    for (first, _), group in by_pair.items():
        for index, link in enumerate(group):
            offset = (index - (len(group) - 1) / 2) * 0.3
            if link["source"] != first:
                offset = -offset
            if offset:
                curves[link["id"]] = round(offset, 3)
    return curves
