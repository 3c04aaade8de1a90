"""The analysis tables' own words that the report's words (:data:`stakeholders.i18n.WORDS`) do not already hold.

:func:`stakeholders.i18n.words` gives both at once; these are the words of the
text output (``stakeholders analyse``), the empty texts of tables, and the
labels of columns that only programs read (CSV and JSON).

>>> ANALYSIS_WORDS["nl"]["text_top"].format(shown=10, total="1.021")
'top 10 van 1.021; --top toont meer'
"""

from __future__ import annotations

__all__ = ["ANALYSIS_WORDS"]

ANALYSIS_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "text_data_as_of": "data as of",
        "text_note": "Note",
        "text_top": "top {shown} of {total}; --top shows more",
        "could_carry_many": "could carry the hand-overs {handovers}",
        "no_organisations": "The map has no organisations.",
        "no_stages": "The map has no steps.",
        "figure": "Figure",
        "value": "Value",
        "fact": "Fact",
        "score": "Score",
        "items": "Items",
        "source_sector": "Links from sector",
    },
    "nl": {
        "text_data_as_of": "gegevens van",
        "text_note": "Opmerking",
        "text_top": "top {shown} van {total}; --top toont meer",
        "could_carry_many": "kunnen de overdrachten {handovers} dragen",
        "no_organisations": "De kaart heeft geen organisaties.",
        "no_stages": "De kaart heeft geen stappen.",
        "figure": "Kerncijfer",
        "value": "Waarde",
        "fact": "Gegeven",
        "score": "Score",
        "items": "Onderdelen",
        "source_sector": "Verbindingen vanuit sector",
    },
}
"""Words by language: English (``en``) and Dutch (``nl``), the same keys in both."""
