"""The barrier model's own words, in English and Dutch: its analysis tables, its board, its page.

:func:`stakeholders.i18n.words` gives ``BARRIER_WORDS[lang]["analysis"]`` with the
report's words; the board and the page read ``"board"`` and ``"page"``.

>>> BARRIER_WORDS["nl"]["analysis"]["barrier_held:open"]
'open: geen barrière in werking'
>>> all(sorted(BARRIER_WORDS["en"][part]) == sorted(BARRIER_WORDS["nl"][part]) for part in BARRIER_WORDS["en"])
True
"""

from __future__ import annotations

__all__ = ["BARRIER_WORDS"]

BARRIER_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "analysis": {
            "barrier_phases": "Barriers at each phase of the offending process",
            "barrier_phases_text": (
                "The phases of the offending process in order, with the barriers raised at each. A phase without a "
                "barrier in place is open; one held by a single barrier, or by one sector only, hangs on little."
            ),
            "barrier_phase": "Phase",
            "barrier_in_place": "In place",
            "barrier_planned": "Planned",
            "barrier_proposed": "Proposed",
            "barrier_sectors": "Raised by (sectors)",
            "barrier_held": "How it is held",
            "barrier_held:open": "open: no barrier in place",
            "barrier_held:one-barrier": "one barrier only",
            "barrier_held:one-sector": "one sector only",
            "barrier_held:held": "held",
            "barrier_list": "Barriers",
            "barrier_list_text": (
                "Every barrier that has not lapsed, with who raises it and whose cooperation it needs. A barrier with "
                "one owner hangs on that owner; owners and partners that no current link joins are the strongest "
                "leads for missing cooperation."
            ),
            "barrier_name": "Barrier",
            "barrier_owners": "Raised by",
            "barrier_partners": "Partners",
            "barrier_technique": "Technique",
            "barrier_status": "Status",
            "barrier_finding": "Finding",
            "barrier_no_owner": "no owner",
            "barrier_single_owner": "one owner",
            "barrier_unjoined": "no link joins its organisations",
            "barrier_unlinked": "not joined: {pairs}",
            "barrier_none": "The map has no barriers.",
            "barrier_orgs": "Who raises barriers",
            "barrier_orgs_text": "Each organisation with the barriers it raises, those it is a partner in, and the "
            "phases its barriers in place reach.",
            "barrier_org": "Organisation",
            "barrier_raises": "Raises",
            "barrier_partner_in": "Partner in",
            "barrier_reaches": "Phases reached",
            "barrier_fall": "Barriers that fall",
            "barrier_phases_lost": "Phases that lose their last barrier",
            "barrier_both_raise": "both raise barrier “{barrier}” at {phases}, and no link joins them",
            "barrier_one_raises": "one raises barrier “{barrier}” at {phases} with the other as its partner, "
            "and no link joins them",
            "barrier_at_phase": "phase {phases}",
            "barrier_at_phases": "phases {phases}",
        },
        "board": {
            "label": (
                "The barrier model: the phases of the offending process from left to right, the barriers under each"
            ),
            "note": (
                "Each barrier stands under every phase it hinders, with its technique, its status and the "
                "organisations that raise it (by sector). A phase without a barrier in place is open."
            ),
            "empty": "Open: no barrier",
            "open": "open: no barrier in place",
            "chips": "Sector of an owner (colour and code)",
            "statuses": "Status",
            "owners": "raised by",
            "partners": "with",
            "no_owner": "no owner",
            "show_network": "Show the network",
            "show_board": "Show the barrier model",
            "arrows": "Phases in order",
            "title": "The barrier model",
        },
        "page": {
            "barriers": "Barriers",
            "barrier_phases": "Phases",
            "barrier_owners": "Raised by",
            "barrier_partners": "Partners",
            "barrier_links": "Cooperation links between them",
            "barrier_no_links": "No current link joins its organisations.",
            "barrier_of_org": "Barriers it raises or joins",
            "barrier_as_partner": "partner",
        },
    },
    "nl": {
        "analysis": {
            "barrier_phases": "Barrières per fase van het delictproces",
            "barrier_phases_text": (
                "De fasen van het delictproces op volgorde, met de barrières die bij elke fase worden opgeworpen. Een "
                "fase zonder barrière in werking is open; een fase die op één barrière of op één sector rust, "
                "hangt aan weinig."
            ),
            "barrier_phase": "Fase",
            "barrier_in_place": "In werking",
            "barrier_planned": "Gepland",
            "barrier_proposed": "Voorgesteld",
            "barrier_sectors": "Opgeworpen door (sectoren)",
            "barrier_held": "Hoe de fase gedekt is",
            "barrier_held:open": "open: geen barrière in werking",
            "barrier_held:one-barrier": "slechts één barrière",
            "barrier_held:one-sector": "slechts één sector",
            "barrier_held:held": "gedekt",
            "barrier_list": "Barrières",
            "barrier_list_text": (
                "Elke barrière die niet beëindigd is, met wie haar opwerpt en wiens medewerking zij nodig heeft. Een "
                "barrière met één eigenaar hangt aan die eigenaar; eigenaren en partners zonder huidige verbinding "
                "zijn de sterkste aanwijzingen voor ontbrekende samenwerking."
            ),
            "barrier_name": "Barrière",
            "barrier_owners": "Opgeworpen door",
            "barrier_partners": "Partners",
            "barrier_technique": "Techniek",
            "barrier_status": "Stand",
            "barrier_finding": "Bevinding",
            "barrier_no_owner": "geen eigenaar",
            "barrier_single_owner": "één eigenaar",
            "barrier_unjoined": "geen verbinding tussen haar organisaties",
            "barrier_unlinked": "niet verbonden: {pairs}",
            "barrier_none": "De kaart heeft geen barrières.",
            "barrier_orgs": "Wie barrières opwerpt",
            "barrier_orgs_text": "Elke organisatie met de barrières die ze opwerpt, die waarin ze partner is, en de "
            "fasen die haar barrières in werking bereiken.",
            "barrier_org": "Organisatie",
            "barrier_raises": "Werpt op",
            "barrier_partner_in": "Partner in",
            "barrier_reaches": "Bereikte fasen",
            "barrier_fall": "Barrières die wegvallen",
            "barrier_phases_lost": "Fasen die hun laatste barrière verliezen",
            "barrier_both_raise": (
                "werpen allebei barrière „{barrier}” op bij {phases}, en geen verbinding verbindt hen"
            ),
            "barrier_one_raises": "de een werpt barrière „{barrier}” op bij {phases} met de ander als partner, "
            "en geen verbinding verbindt hen",
            "barrier_at_phase": "fase {phases}",
            "barrier_at_phases": "fasen {phases}",
        },
        "board": {
            "label": "Het barrièremodel: de fasen van het delictproces van links naar rechts, de barrières eronder",
            "note": (
                "Elke barrière staat onder elke fase die zij hindert, met haar techniek, haar stand en de "
                "organisaties die haar opwerpen (naar sector). Een fase zonder barrière in werking is open."
            ),
            "empty": "Open: geen barrière",
            "open": "open: geen barrière in werking",
            "chips": "Sector van een eigenaar (kleur en code)",
            "statuses": "Stand",
            "owners": "opgeworpen door",
            "partners": "met",
            "no_owner": "geen eigenaar",
            "show_network": "Toon het netwerk",
            "show_board": "Toon het barrièremodel",
            "arrows": "Fasen op volgorde",
            "title": "Het barrièremodel",
        },
        "page": {
            "barriers": "Barrières",
            "barrier_phases": "Fasen",
            "barrier_owners": "Opgeworpen door",
            "barrier_partners": "Partners",
            "barrier_links": "Samenwerkingsverbindingen tussen hen",
            "barrier_no_links": "Geen huidige verbinding verbindt haar organisaties.",
            "barrier_of_org": "Barrières die ze opwerpt of steunt",
            "barrier_as_partner": "partner",
        },
    },
}
"""Words by language, then by part (``analysis``, ``board``, ``page``): the same keys in both languages."""
