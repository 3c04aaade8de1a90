"""The words of the page's "Save positions" button and what it says after saving, in English and Dutch.

Kept apart from :data:`stakeholders.i18n.PAGE_WORDS`: only pages that can save positions carry them
(the map page and the live page of ``stakeholders serve``).

>>> sorted(POSITIONS_WORDS["en"]) == sorted(POSITIONS_WORDS["nl"])
True
"""

from __future__ import annotations

__all__ = ["POSITIONS_WORDS"]

POSITIONS_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "save": "Save positions",
        "help_download": (
            "Drag organisations where you want them, then save: you get positions.csv. Put it inside the map's "
            "CSV folder, or next to its workbook as WORKBOOK-NAME.positions.csv, and the map keeps them."
        ),
        "help_server": "Drag organisations where you want them, then save: the map keeps them from now on.",
        "downloaded": "Downloaded positions.csv ({n} organisations): put it beside the source.",
        "saved": "Saved the positions of {n} organisations in {file}.",
        "failed": "The positions could not be saved: {error}",
    },
    "nl": {
        "save": "Posities opslaan",
        "help_download": (
            "Sleep organisaties waar u ze wilt hebben en sla op: u krijgt positions.csv. Zet het bestand in de "
            "CSV-map van de kaart, of naast de werkmap als WERKMAPNAAM.positions.csv, en de kaart houdt ze vast."
        ),
        "help_server": "Sleep organisaties waar u ze wilt hebben en sla op: de kaart houdt ze voortaan vast.",
        "downloaded": "positions.csv gedownload ({n} organisaties): zet het naast de bron.",
        "saved": "De posities van {n} organisaties zijn opgeslagen in {file}.",
        "failed": "De posities konden niet worden opgeslagen: {error}",
    },
}
"""The button's words by language."""
