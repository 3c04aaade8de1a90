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
from ._field_labels import FIELD_LABELS
from ._marking import audience_marking

__all__ = [
    "ANALYSIS_WORDS",
    "FIELD_LABELS",
    "LANGUAGES",
    "PAGE_WORDS",
    "WORDS",
    "audience_marking",
    "counted",
    "undated_note",
    "words",
]

LANGUAGES = ("en", "nl")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Analysis report",
        "data_as_of": "Data as of",
        "date_not_stated": "a date not stated",
        "reported_on": "Report made on",
        "source": "Source",
        "contents": "Contents",
        "how_to_read": "How to read this report",
        "how_to_read_text": (
            "Each organisation is a point on the map and each form of cooperation a line between two points. "
            "The report counts only current cooperation (status active), unless it says otherwise. "
            "Brokers are organisations through which many others are connected: if they step back, "
            "information has to travel further or stops. A single point of failure is an organisation "
            "whose absence cuts others off from the rest. The coverage table shows which steps of the "
            "approach have organisations acting on them; a hand-over is the passing of a case or information "
            "from one step to the next, and it is a gap when no link between the organisations of the two "
            "steps carries it. Suggestions for missing cooperation are leads to check, not conclusions: "
            "the map only knows what was written down."
        ),
        "figures": "Headline figures",
        "organisations": "organisations",
        "current_links": "current links",
        "of_links": "of {n} links",
        "pairs": "pairs that cooperate",
        "components": "separate groups",
        "isolated": "without any current link",
        "path_length": "average steps between two organisations",
        "density": "of all possible pairs cooperate",
        "reciprocity": "of one-way relations are returned",
        "map": "The map",
        "map_hint": "Click an organisation for its details; use the search and the filters beside the map.",
        "brokers": "Brokers",
        "brokers_text": (
            "Organisations ranked by betweenness: the share of shortest routes between other organisations "
            "that pass through them."
        ),
        "organisation": "Organisation",
        "sector": "Sector",
        "links": "Links",
        "partners": "Partners",
        "sectors": "Sectors reached",
        "countries": "Countries reached",
        "betweenness": "Betweenness",
        "risks": "Single points of failure",
        "risks_text": "If one of these organisations drops out, the organisations listed lose their connection.",
        "cuts_off": "Cuts off",
        "no_risks": "No organisation cuts others off.",
        "bridges": "Bridge links",
        "bridges_text": "Links that are the only tie holding an organisation or group on to the rest.",
        "link": "Link",
        "between": "Between",
        "holds_on": "Holds on",
        "none": "None.",
        "unconnected": "Organisations without a current link to the rest",
        "coverage": "Coverage of the approach",
        "coverage_text": (
            "How many organisations of each sector act on each step. Red: nobody; amber: one organisation."
        ),
        "stage": "Step",
        "total": "Total",
        "nobody": "nobody",
        "one": "one",
        "members": "Who acts on it",
        "handovers": "Hand-overs between steps",
        "handovers_text": (
            "A hand-over is covered when at least two current links carry it, fragile with exactly one, "
            "and a gap with none."
        ),
        "from": "From",
        "to": "To",
        "status": "Status",
        "gap": "gap",
        "fragile": "fragile",
        "covered": "covered",
        "planned": "Planned",
        "within": "Acting on both",
        "no_handovers": "The map defines no hand-overs between its steps.",
        "missing": "Suggested cooperation",
        "missing_text": "Pairs that would be expected to cooperate but have no current link, strongest lead first.",
        "missing_count": "The {shown} strongest of {total} such pairs.",
        "why": "Why",
        "one_way": "One-way links",
        "one_way_text": "Links of a kind usually returned (such as information sharing) that run only one way.",
        "kind": "Kind",
        "stale": "Links to check again",
        "stale_text": "Links last checked more than {months} months ago, and links whose end date has passed.",
        "problem": "Problem",
        "last_checked": "last checked {date}",
        "until_passed": "end date {date} has passed",
        "communities": "Groups that cooperate closely",
        "communities_text": "Found with the Louvain method; each group is named after its most connected member.",
        "group": "Group",
        "size": "Size",
        "quality": "Notes on the data",
        "quality_text": "Gaps in the data itself, which limit what this report can say.",
        "issue": "Issue",
        "count": "Count",
        "no_quality": "No gaps found in the data.",
        "what_if": "What if {names} dropped out",
        "cut_off": "Cut off",
        "sector_pairs_lost": "Sector connections lost",
        "stage_pairs_lost": "Step connections lost",
        "before": "Before",
        "after": "After",
        "nobody_cut_off": "nobody",
        "both_act_on": "both act on {stages}",
        "could_carry": "could carry the hand-over {handovers}",
        "common_partners": "{n} partners in common",
        "one_common_partner": "1 partner in common",
        "cooperated_before": "cooperated before (a lapsed link)",
        "counts_statuses": "Structure counts {current} of {total} links: those with status {statuses}.",
        "approximate": (
            "Betweenness is estimated from {sample} sampled organisations (seed {seed}) because the map has more "
            "than {limit} organisations; everything else is exact."
        ),
        "quality:no-source": "links without a source reference",
        "quality:unverified": "links marked unverified or inferred",
        "quality:never-checked": "links never checked (no last_checked date)",
        "quality:no-sector": "organisations without a sector",
        "quality:no-level": "organisations without a level",
        "quality:no-stages": "organisations without stages",
        "quality:no-description": "organisations without a description",
        "method": "Method",
        "group_members": "Members",
        "what_if:organisations": "Organisations",
        "what_if:current_links": "Current links",
        "what_if:components": "Separate groups",
        "what_if:largest_component": "Organisations in the largest group",
        "what_if:average_path_length": "Average steps between two organisations",
        "what_if:density": "Share of all possible pairs that cooperate",
    },
    "nl": {
        "report": "Analyserapport",
        "data_as_of": "Gegevens van",
        "date_not_stated": "een niet vermelde datum",
        "reported_on": "Rapport gemaakt op",
        "source": "Bron",
        "contents": "Inhoud",
        "how_to_read": "Zo leest u dit rapport",
        "how_to_read_text": (
            "Elke organisatie is een punt op de kaart en elke vorm van samenwerking een lijn tussen twee punten. "
            "Het rapport telt alleen huidige samenwerking (status actief), tenzij het iets anders vermeldt. "
            "Verbinders zijn organisaties via welke veel anderen met elkaar verbonden zijn: vallen zij weg, "
            "dan moet informatie verder reizen of stokt zij. Een kwetsbaar knooppunt is een organisatie "
            "zonder wie anderen losraken van de rest. De dekkingstabel laat zien welke stappen van de aanpak "
            "organisaties hebben; een overdracht is het doorgeven van een zaak of informatie van de ene stap "
            "naar de volgende, en is een gat als geen verbinding tussen de organisaties van die twee stappen "
            "haar draagt. Voorstellen voor ontbrekende samenwerking zijn aanwijzingen om na te gaan, geen "
            "conclusies: de kaart kent alleen wat is opgeschreven."
        ),
        "figures": "Kerncijfers",
        "organisations": "organisaties",
        "current_links": "huidige verbindingen",
        "of_links": "van {n} verbindingen",
        "pairs": "paren die samenwerken",
        "components": "losse groepen",
        "isolated": "zonder huidige verbinding",
        "path_length": "gemiddeld aantal stappen tussen twee organisaties",
        "density": "van alle mogelijke paren werkt samen",
        "reciprocity": "van de eenrichtingsrelaties wordt beantwoord",
        "map": "De kaart",
        "map_hint": "Klik op een organisatie voor de details; gebruik het zoekveld en de filters naast de kaart.",
        "brokers": "Verbinders",
        "brokers_text": (
            "Organisaties naar tussenpositie: het deel van de kortste routes tussen andere organisaties dat "
            "via hen loopt."
        ),
        "organisation": "Organisatie",
        "sector": "Sector",
        "links": "Verbindingen",
        "partners": "Partners",
        "sectors": "Sectoren bereikt",
        "countries": "Landen bereikt",
        "betweenness": "Tussenpositie",
        "risks": "Kwetsbare knooppunten",
        "risks_text": "Valt een van deze organisaties weg, dan verliezen de genoemde organisaties hun verbinding.",
        "cuts_off": "Snijdt af",
        "no_risks": "Geen organisatie snijdt anderen af.",
        "bridges": "Brugverbindingen",
        "bridges_text": "Verbindingen die als enige een organisatie of groep met de rest verbinden.",
        "link": "Verbinding",
        "between": "Tussen",
        "holds_on": "Houdt vast",
        "none": "Geen.",
        "unconnected": "Organisaties zonder huidige verbinding met de rest",
        "coverage": "Dekking van de aanpak",
        "coverage_text": (
            "Hoeveel organisaties per sector op elke stap actief zijn. Rood: niemand; oranje: één organisatie."
        ),
        "stage": "Stap",
        "total": "Totaal",
        "nobody": "niemand",
        "one": "één",
        "members": "Wie er actief is",
        "handovers": "Overdrachten tussen stappen",
        "handovers_text": (
            "Een overdracht is gedekt als ten minste twee huidige verbindingen haar dragen, kwetsbaar bij "
            "precies één, en een gat bij geen."
        ),
        "from": "Van",
        "to": "Naar",
        "status": "Status",
        "gap": "gat",
        "fragile": "kwetsbaar",
        "covered": "gedekt",
        "planned": "Gepland",
        "within": "Actief op beide",
        "no_handovers": "De kaart legt geen overdrachten tussen haar stappen vast.",
        "missing": "Voorgestelde samenwerking",
        "missing_text": (
            "Paren van wie samenwerking te verwachten is maar die geen huidige verbinding hebben, sterkste aanwijzing "
            "eerst."
        ),
        "missing_count": "De {shown} sterkste van {total} zulke paren.",
        "why": "Waarom",
        "one_way": "Eenrichtingsverbindingen",
        "one_way_text": (
            "Verbindingen van een soort die meestal wederzijds is (zoals informatie-uitwisseling) die maar één kant "
            "op lopen."
        ),
        "kind": "Soort",
        "stale": "Opnieuw na te gaan",
        "stale_text": (
            "Verbindingen die langer dan {months} maanden niet zijn gecontroleerd, en verbindingen waarvan de "
            "einddatum voorbij is."
        ),
        "problem": "Probleem",
        "last_checked": "laatst gecontroleerd {date}",
        "until_passed": "einddatum {date} is voorbij",
        "communities": "Groepen die nauw samenwerken",
        "communities_text": "Gevonden met de Louvain-methode; elke groep heet naar haar best verbonden lid.",
        "group": "Groep",
        "size": "Omvang",
        "quality": "Opmerkingen over de gegevens",
        "quality_text": "Gaten in de gegevens zelf, die beperken wat dit rapport kan zeggen.",
        "issue": "Kwestie",
        "count": "Aantal",
        "no_quality": "Geen gaten gevonden in de gegevens.",
        "what_if": "Wat als {names} wegvalt",
        "cut_off": "Afgesneden",
        "sector_pairs_lost": "Verloren verbindingen tussen sectoren",
        "stage_pairs_lost": "Verloren verbindingen tussen stappen",
        "before": "Voor",
        "after": "Na",
        "nobody_cut_off": "niemand",
        "both_act_on": "beide actief op {stages}",
        "could_carry": "kunnen de overdracht {handovers} dragen",
        "common_partners": "{n} gezamenlijke partners",
        "one_common_partner": "1 gezamenlijke partner",
        "cooperated_before": "werkten eerder samen (beëindigde verbinding)",
        "counts_statuses": "De structuur telt {current} van {total} verbindingen: die met status {statuses}.",
        "approximate": (
            "De tussenpositie is geschat op een steekproef van {sample} organisaties (seed {seed}) omdat de kaart "
            "meer dan {limit} organisaties heeft; al het andere is exact."
        ),
        "quality:no-source": "verbindingen zonder bronvermelding",
        "quality:unverified": "verbindingen gemarkeerd als onbevestigd of afgeleid",
        "quality:never-checked": "verbindingen nooit gecontroleerd (geen datum laatst gecontroleerd)",
        "quality:no-sector": "organisaties zonder sector",
        "quality:no-level": "organisaties zonder niveau",
        "quality:no-stages": "organisaties zonder stappen",
        "quality:no-description": "organisaties zonder omschrijving",
        "method": "Werkwijze",
        "group_members": "Leden",
        "what_if:organisations": "Organisaties",
        "what_if:current_links": "Huidige verbindingen",
        "what_if:components": "Losse groepen",
        "what_if:largest_component": "Organisaties in de grootste groep",
        "what_if:average_path_length": "Gemiddeld aantal stappen tussen twee organisaties",
        "what_if:density": "Deel van alle mogelijke paren dat samenwerkt",
    },
}

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
        "keys_help": "← → or Space: steps · Home/End · N: notes · O: organisations · F: full screen",
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
        "keys_help": "← → of spatie: stappen · Home/End · N: notities · O: organisaties · F: volledig scherm",
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
    """The report's and the analysis tables' words (:data:`WORDS`, :data:`ANALYSIS_WORDS`) for ``lang``.

    ``lang`` is ``en`` or ``nl``; anything else gets English.
    """
    lang = lang if lang in WORDS else "en"
    return {**WORDS[lang], **ANALYSIS_WORDS[lang]}


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
