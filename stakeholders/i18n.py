"""The words our own pages use, in English and Dutch.

Text from the data stays as the user wrote it; these are only the tool's own
headings, labels and explanations.

>>> words("nl")["brokers"]
'Verbinders'
>>> sorted(WORDS["en"]) == sorted(WORDS["nl"]) and sorted(PAGE_WORDS["en"]) == sorted(PAGE_WORDS["nl"])
True
>>> sorted(ANALYSIS_WORDS["en"]) == sorted(ANALYSIS_WORDS["nl"]) and not set(ANALYSIS_WORDS["en"]) & set(WORDS["en"])
True
"""

from __future__ import annotations

from ._analysis_words import ANALYSIS_WORDS
from ._barrier_words import BARRIER_WORDS
from ._board_words import BOARD_WORDS
from ._cli_words import CLI_WORDS, NOUNS, count_of
from ._field_labels import FIELD_LABELS
from ._marking import audience_marking
from ._netmap_words import NETMAP_WORDS
from ._report_words import WORDS

__all__ = [
    "ANALYSIS_WORDS",
    "BARRIER_WORDS",
    "BOARD_WORDS",
    "CLI_WORDS",
    "FIELD_LABELS",
    "LANGUAGES",
    "NOUNS",
    "PAGE_WORDS",
    "WORDS",
    "audience_marking",
    "count_of",
    "counted",
    "undated_note",
    "words",
]

LANGUAGES = ("en", "nl")

PAGE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "skip": "Skip to the table view",
        "data_as_of": "Data as of",
        "date_not_stated": "a date not stated",
        "n_organisations": "{n} organisations",
        "n_links": "{n} links",
        "n_barriers": "{n} barriers",
        "source": "Source",
        "about": "About this map",
        "noscript": "This map needs JavaScript to draw; the data is in the page source.",
        "sidebar": "Search, filters and legend",
        "find": "Find an organisation",
        "find_placeholder": "Name, acronym or alias",
        "find_help": "Press Enter to focus the first match.",
        "matches": "Matches",
        "view": "View",
        "zoom_in": "Zoom in",
        "zoom_out": "Zoom out",
        "show_all": "Show all",
        "clear_focus": "Clear focus",
        "link_labels": "Link labels (L)",
        "focus_depth": "Focus shows neighbours up to",
        "one_step": "1 step",
        "n_steps": "{n} steps",
        "legend": "Legend and filters",
        "legend_sector": "Sector (colour)",
        "legend_level": "Level (shape)",
        "legend_kind": "Link kind (line colour)",
        "legend_lines": "Line style",
        "line_active": "active",
        "line_planned": "planned",
        "line_lapsed": "lapsed",
        "line_unverified": "unverified (no documenting source)",
        "line_one_sided": "reported by one end only",
        "line_arrow": "arrow: direction (both ends: mutual)",
        "not_stated": "not stated",
        "show_table": "Show table view",
        "hide_table": "Hide table view",
        "details_panel": "Details",
        "close_details": "Close details",
        "table_view": "Table view",
        "organisations": "Organisations",
        "links": "Links",
        "stages_prefix": "Stages",
        "links_current": "{links}, {current} current",
        "details": "details",
        "link_details": "Details of the link {name}",
        "hidden_by_filter": "(hidden by a filter)",
        "no_match": "No organisation matches.",
        "one_match": "1 organisation matches: {name}.",
        "n_matches": "{n} organisations match.",
        "n_matches_listed": "{n} organisations match; the first {listed} are listed.",
        "col_organisation": "Organisation",
        "col_sector": "Sector",
        "col_level": "Level",
        "col_country": "Country",
        "col_stages": "Stages",
        "col_links": "Links",
        "col_from": "From",
        "col_to": "To",
        "col_kind": "Kind",
        "col_direction": "Direction",
        "col_status": "Status",
        "col_evidence": "Evidence",
        "col_source": "Source",
        "previous": "Previous",
        "next": "Next",
        "speaker_notes": "Notes",
        "fullscreen": "Full screen",
        "step_counter": "Step {n} of {total}",
        "step_status": "Step {n} of {total}: {title}",
        "step_organisations": "Organisations in this step",
        "deck_map_label": "Map of step {n} of {total}, {title}: {orgs} and {links}.",
        "keys_help": "← → or Space: steps · Home/End · N: notes · O: organisations · L: link labels · F: full screen",
        "view_label": "View",
        "view_highlight": "Highlighted: {stages}.",
        "diff_kicker": "Changes",
        "diff_legend": "Change (colour)",
        "diff_counts": (
            "{orgs_added} added, {orgs_removed} removed, {orgs_changed} changed; "
            "{links_added} added, {links_removed} removed, {links_changed} changed."
        ),
        "diff_from_to": "From {old} to {new}",
        "change_list": "Change list",
        "col_change": "Change",
        "col_what": "What",
        "col_item": "Item",
        "col_details": "Details",
        "added": "added",
        "removed": "removed (dashed)",
        "changed": "changed",
        "unchanged": "unchanged",
        "organisation": "organisation",
        "link": "link",
        "barrier": "barrier",
        "diff_barrier_counts": "Barriers: {added} added, {removed} removed, {changed} changed.",
        "hidden_barriers_of": "Not shown either: {barriers}.",
        "no_changes": "No changes.",
        # counts written with their nouns: {orgs} is "1 organisation" or "5 organisations" (one_* or n_*)
        "one_organisation": "1 organisation",
        "one_link": "1 link",
        "one_barrier": "1 barrier",
        "showing_all_counts": "Showing everything: {orgs} and {links}.",
        "showing_some_counts": (
            "Showing {orgs} of {all_orgs} and {links} of {all_links}; the filters hide {hidden_orgs} and "
            "{hidden_links}."
        ),
        "focus_counts": " Focus: {name} and {orgs} within {steps}.",
        "map_label_counts": (
            "Cooperation map of {orgs} and {links}. Use the search, the info panel or the table view to read it "
            "as text."
        ),
        "hidden_counts_of": "For this audience ({audience}) {orgs} and {links} are not shown.",
        "view_counts_of": "shows {orgs} of {all_orgs} and {links} of {all_links}.",
        # what has no dates (neither since nor until) on a map as of a date; _one when a single thing is counted
        "and": "and",
        "undated_shown_one": "{things} has no dates (no since or until) and is shown at every date.",
        "undated_shown_many": "{things} have no dates (no since or until) and are shown at every date.",
        "undated_left_out_one": "{things} has no dates (no since or until) and is left out.",
        "undated_left_out_many": "{things} have no dates (no since or until) and are left out.",
        "undated_taken": "Also left out, with an organisation that has no dates: {links}.",
        "undated_in_both_one": (
            "{things} has no dates (no since or until): it is on the map at both dates, so it cannot show as added "
            "or removed."
        ),
        "undated_in_both_many": (
            "{things} have no dates (no since or until): they are on the map at both dates, so they cannot show as "
            "added or removed."
        ),
    },
    "nl": {
        "skip": "Naar de tabelweergave",
        "data_as_of": "Gegevens van",
        "date_not_stated": "een niet vermelde datum",
        "n_organisations": "{n} organisaties",
        "n_links": "{n} verbindingen",
        "n_barriers": "{n} barrières",
        "source": "Bron",
        "about": "Over deze kaart",
        "noscript": "Deze kaart heeft JavaScript nodig; de gegevens staan in de broncode van de pagina.",
        "sidebar": "Zoeken, filters en legenda",
        "find": "Zoek een organisatie",
        "find_placeholder": "Naam, afkorting of andere naam",
        "find_help": "Druk op Enter om de eerste treffer te tonen.",
        "matches": "Treffers",
        "view": "Weergave",
        "zoom_in": "Inzoomen",
        "zoom_out": "Uitzoomen",
        "show_all": "Alles tonen",
        "clear_focus": "Focus wissen",
        "link_labels": "Soort bij verbindingen (L)",
        "focus_depth": "Focus toont buren tot",
        "one_step": "1 stap",
        "n_steps": "{n} stappen",
        "legend": "Legenda en filters",
        "legend_sector": "Sector (kleur)",
        "legend_level": "Niveau (vorm)",
        "legend_kind": "Soort verbinding (lijnkleur)",
        "legend_lines": "Lijnstijl",
        "line_active": "actief",
        "line_planned": "gepland",
        "line_lapsed": "beëindigd",
        "line_unverified": "onbevestigd (geen bron)",
        "line_one_sided": "door één kant gemeld",
        "line_arrow": "pijl: richting (beide uiteinden: wederzijds)",
        "not_stated": "niet vermeld",
        "show_table": "Tabelweergave tonen",
        "hide_table": "Tabelweergave verbergen",
        "details_panel": "Details",
        "close_details": "Details sluiten",
        "table_view": "Tabelweergave",
        "organisations": "Organisaties",
        "links": "Verbindingen",
        "stages_prefix": "Stappen",
        "links_current": "{links}, waarvan {current} huidige",
        "details": "details",
        "link_details": "Details van de verbinding {name}",
        "hidden_by_filter": "(verborgen door een filter)",
        "no_match": "Geen organisatie gevonden.",
        "one_match": "1 organisatie gevonden: {name}.",
        "n_matches": "{n} organisaties gevonden.",
        "n_matches_listed": "{n} organisaties gevonden; de eerste {listed} staan in de lijst.",
        "col_organisation": "Organisatie",
        "col_sector": "Sector",
        "col_level": "Niveau",
        "col_country": "Land",
        "col_stages": "Stappen",
        "col_links": "Verbindingen",
        "col_from": "Van",
        "col_to": "Naar",
        "col_kind": "Soort",
        "col_direction": "Richting",
        "col_status": "Status",
        "col_evidence": "Onderbouwing",
        "col_source": "Bron",
        "previous": "Vorige",
        "next": "Volgende",
        "speaker_notes": "Notities",
        "fullscreen": "Volledig scherm",
        "step_counter": "Stap {n} van {total}",
        "step_status": "Stap {n} van {total}: {title}",
        "step_organisations": "Organisaties in deze stap",
        "deck_map_label": "Kaart van stap {n} van {total}, {title}: {orgs} en {links}.",
        "keys_help": "← → of spatie: stappen · Home/End · N: notities · O: organisaties · L: soort bij verbindingen · "
        "F: volledig scherm",
        "view_label": "Weergave",
        "view_highlight": "Uitgelicht: {stages}.",
        "diff_kicker": "Wijzigingen",
        "diff_legend": "Wijziging (kleur)",
        "diff_counts": (
            "{orgs_added} toegevoegd, {orgs_removed} verwijderd, {orgs_changed} gewijzigd; "
            "{links_added} toegevoegd, {links_removed} verwijderd, {links_changed} gewijzigd."
        ),
        "diff_from_to": "Van {old} naar {new}",
        "change_list": "Lijst van wijzigingen",
        "col_change": "Wijziging",
        "col_what": "Wat",
        "col_item": "Onderdeel",
        "col_details": "Details",
        "added": "toegevoegd",
        "removed": "verwijderd (gestreept)",
        "changed": "gewijzigd",
        "unchanged": "ongewijzigd",
        "organisation": "organisatie",
        "link": "verbinding",
        "barrier": "barrière",
        "diff_barrier_counts": "Barrières: {added} toegevoegd, {removed} verwijderd, {changed} gewijzigd.",
        "hidden_barriers_of": "Ook niet getoond: {barriers}.",
        "no_changes": "Geen wijzigingen.",
        "one_organisation": "1 organisatie",
        "one_link": "1 verbinding",
        "one_barrier": "1 barrière",
        "showing_all_counts": "Alles zichtbaar: {orgs} en {links}.",
        "showing_some_counts": (
            "{orgs} van {all_orgs} en {links} van {all_links} zichtbaar; de filters verbergen {hidden_orgs} en "
            "{hidden_links}."
        ),
        "focus_counts": " Focus: {name} en {orgs} binnen {steps}.",
        "map_label_counts": (
            "Samenwerkingskaart van {orgs} en {links}. Gebruik het zoekveld, het infopaneel of de "
            "tabelweergave om haar als tekst te lezen."
        ),
        "hidden_counts_of": "Voor dit publiek ({audience}) worden {orgs} en {links} niet getoond.",
        "view_counts_of": "toont {orgs} van {all_orgs} en {links} van {all_links}.",
        "and": "en",
        "undated_shown_one": "{things} heeft geen datum (geen sinds of tot) en wordt op elke datum getoond.",
        "undated_shown_many": "{things} hebben geen datum (geen sinds of tot) en worden op elke datum getoond.",
        "undated_left_out_one": "{things} heeft geen datum (geen sinds of tot) en is weggelaten.",
        "undated_left_out_many": "{things} hebben geen datum (geen sinds of tot) en zijn weggelaten.",
        "undated_taken": "Ook weggelaten, met een organisatie zonder datum: {links}.",
        "undated_in_both_one": (
            "{things} heeft geen datum (geen sinds of tot): ze staat op beide data op de kaart en kan dus niet als "
            "toegevoegd of verwijderd verschijnen."
        ),
        "undated_in_both_many": (
            "{things} hebben geen datum (geen sinds of tot): ze staan op beide data op de kaart en kunnen dus niet "
            "als toegevoegd of verwijderd verschijnen."
        ),
    },
}
"""The words of the map page itself (its controls, legend, status line and info panel)."""


def words(lang: str) -> dict[str, str]:
    """The report's, the analysis tables' and Net-Map's words (:data:`WORDS`, :data:`ANALYSIS_WORDS`, ``NETMAP_WORDS``).

    ``lang`` is ``en`` or ``nl``; anything else gets English.
    """
    lang = lang if lang in WORDS else "en"
    return {**WORDS[lang], **ANALYSIS_WORDS[lang], **NETMAP_WORDS[lang], **BARRIER_WORDS[lang]["analysis"]}


def counted(page_words: dict[str, str], noun: str, n: int) -> str:
    """``n`` with its noun (``organisation``, ``link`` or ``barrier``) in a page's words: one, or many.

    >>> counted(PAGE_WORDS["en"], "organisation", 1), counted(PAGE_WORDS["nl"], "link", 5)
    ('1 organisation', '5 verbindingen')
    """
    return page_words[f"one_{noun}"] if n == 1 else page_words[f"n_{noun}s"].format(n=n)


def undated_note(page_words: dict[str, str], organisations: int, links: int, state: str, taken: int = 0) -> str:
    """What a map as of a date did with the organisations and links that have no dates, in a page's words.

    ``state`` is ``shown`` (they are on the map at every date), ``left_out``
    (``--undated hide``; ``taken`` dated links went with those organisations)
    or ``in_both`` (a diff between two dates: they are on both maps). Counts
    of nought are not named; with nothing to say the note is "".

    >>> undated_note(PAGE_WORDS["en"], 59, 75, "shown")
    '59 organisations and 75 links have no dates (no since or until) and are shown at every date.'
    >>> for sentence in undated_note(PAGE_WORDS["nl"], 1, 0, "left_out", taken=3).split(". "):
    ...     print(sentence)
    1 organisatie heeft geen datum (geen sinds of tot) en is weggelaten
    Ook weggelaten, met een organisatie zonder datum: 3 verbindingen.
    >>> undated_note(PAGE_WORDS["en"], 0, 0, "shown")
    ''
    """
    parts = [counted(page_words, noun, n) for noun, n in (("organisation", organisations), ("link", links)) if n]
    if not parts:
        return ""
    number = "one" if organisations + links == 1 else "many"
    note = page_words[f"undated_{state}_{number}"].format(things=f" {page_words['and']} ".join(parts))
    if taken:
        note = f"{note} {page_words['undated_taken'].format(links=counted(page_words, 'link', taken))}"
    return note
