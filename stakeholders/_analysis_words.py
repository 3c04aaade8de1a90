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
        "partners_confirmation": "Confirmed by partners",
        "partners_confirmation_text": (
            "Per organisation, its links that an end reported (in the partners' answers): how many both ends "
            "reported (confirmed) and how many only one (one-sided)."
        ),
        "partners_reported": "Links reported",
        "partners_confirmed": "Confirmed",
        "partners_one_sided": "One-sided",
        "partners_share": "Share confirmed",
        "partners_scores_title": "Trust and value as partners see them",
        "partners_scores_text": (
            "Each organisation's average PARTNER scores (1–4) as its partners give them, and the network's "
            "average of every score given; beside each, how many scores it is of."
        ),
        "partners_trust": "Trust",
        "partners_value": "Value",
        "partners_trust_scores": "Trust scores",
        "partners_value_scores": "Value scores",
        "partners_network": "The whole network",
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
        "partners_confirmation": "Bevestigd door partners",
        "partners_confirmation_text": (
            "Per organisatie de verbindingen die een van beide kanten opgaf (in de antwoorden van partners): "
            "hoeveel beide kanten opgaven (bevestigd) en hoeveel maar één kant (eenzijdig)."
        ),
        "partners_reported": "Opgegeven verbindingen",
        "partners_confirmed": "Bevestigd",
        "partners_one_sided": "Eenzijdig",
        "partners_share": "Deel bevestigd",
        "partners_scores_title": "Vertrouwen en waarde volgens partners",
        "partners_scores_text": (
            "De gemiddelde PARTNER-scores (1–4) die partners elke organisatie geven, en het gemiddelde van het "
            "netwerk over alle gegeven scores; ernaast op hoeveel scores het berust."
        ),
        "partners_trust": "Vertrouwen",
        "partners_value": "Waarde",
        "partners_trust_scores": "Scores vertrouwen",
        "partners_value_scores": "Scores waarde",
        "partners_network": "Het hele netwerk",
    },
}
"""Words by language: English (``en``) and Dutch (``nl``), the same keys in both."""
