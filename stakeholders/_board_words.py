"""The words of a board (the approach's, and any other made with :mod:`stakeholders.board`), in English and Dutch.

Offered by :mod:`stakeholders.i18n` as ``BOARD_WORDS``.

>>> BOARD_WORDS["nl"]["status_gap"]
'ontbreekt'
>>> sorted(BOARD_WORDS["en"]) == sorted(BOARD_WORDS["nl"])
True
"""

from __future__ import annotations

__all__ = ["BOARD_WORDS"]

BOARD_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "label": "The approach as a board: the steps from left to right, each organisation under every step it acts on",
        "note": (
            "Each organisation appears under every step of the approach it acts on. Arrows are the expected "
            "hand-overs between steps, with the number of current links that carry them."
        ),
        "no_stage": "No step",
        "empty": "No organisation acts on this step",
        "handovers": "Expected hand-overs",
        "no_links": "no link",
        "planned": "+{n} planned",
        "status_covered": "covered",
        "status_fragile": "fragile",
        "status_gap": "missing",
        "arrow_text": "{start} → {end}: {links}, {status}",
        "arrow_styles": "Hand-over (line)",
        "arrow_covered": "covered (solid)",
        "arrow_fragile": "fragile: one link (dashed)",
        "arrow_gap": "missing: no link (dotted)",
        "chips": "Sector (colour and code)",
        "shapes": "Level (shape)",
        "show_network": "Show the network",
        "show_board": "Show the board",
    },
    "nl": {
        "label": (
            "De aanpak als bord: de stappen van links naar rechts, elke organisatie onder elke stap waaraan ze werkt"
        ),
        "note": (
            "Elke organisatie staat onder elke stap van de aanpak waaraan ze werkt. Pijlen zijn de verwachte "
            "overdrachten tussen stappen, met het aantal huidige verbindingen dat ze draagt."
        ),
        "no_stage": "Geen stap",
        "empty": "Geen organisatie werkt aan deze stap",
        "handovers": "Verwachte overdrachten",
        "no_links": "geen verbinding",
        "planned": "+{n} gepland",
        "status_covered": "gedekt",
        "status_fragile": "kwetsbaar",
        "status_gap": "ontbreekt",
        "arrow_text": "{start} → {end}: {links}, {status}",
        "arrow_styles": "Overdracht (lijn)",
        "arrow_covered": "gedekt (doorgetrokken)",
        "arrow_fragile": "kwetsbaar: één verbinding (gestreept)",
        "arrow_gap": "ontbreekt: geen verbinding (gestippeld)",
        "chips": "Sector (kleur en code)",
        "shapes": "Niveau (vorm)",
        "show_network": "Toon het netwerk",
        "show_board": "Toon het bord",
    },
}
"""A board's own words: its name, the hand-overs, the legend, the switch between board and network."""
