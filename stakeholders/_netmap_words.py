"""Net-Map's words in English and Dutch: influence and stance in the analysis, the report, the map and images.

:func:`stakeholders.i18n.words` gives them with the report's and the analysis
tables' words; the ``netmap`` view (:mod:`stakeholders.views`) takes the ones
its legend needs.

>>> NETMAP_WORDS["nl"]["netmap_no_influence"].format(n=3)
'3 zonder invloedsscore'
"""

from __future__ import annotations

__all__ = ["NETMAP_WORDS"]

NETMAP_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "influence_stance": "Influence and stance",
        "influence_stance_text": (
            "Net-Map: how much each organisation can affect the map's goal (influence, 0 to 10) and where it "
            "stands towards it. Influential means an influence of 7 or more, little influence 3 or less; well "
            "connected means in the top quarter of organisations by number of partners (current links). "
            "Influential opponents are ones to engage, influential supporters ones to enlist, influential "
            "neutral or mixed organisations ones to win over, and well-connected organisations with little "
            "influence ones to strengthen."
        ),
        "influence_stance_goal": "The goal: {goal}",
        "no_influence_actions": "No organisation is an influential opponent, supporter or waverer, "
        "or well connected with little influence.",
        "influence": "Influence",
        "stance": "Stance",
        "action": "What to do",
        "action:engage": "engage (influential opponent)",
        "action:enlist": "enlist (influential supporter)",
        "action:win-over": "win over (influential, neutral or mixed)",
        "action:strengthen": "strengthen (well connected, little influence)",
        "spanners": "Boundary spanners",
        "spanners_text": (
            "Organisations whose current partners are in two or more sectors other than their own: they join "
            "sectors that may otherwise work apart. Ranked by the number of other sectors reached, then by the "
            "share of their links (to partners with a sector) that cross to another sector."
        ),
        "other_sectors": "Other sectors reached",
        "cross_share": "Cross-sector links",
        "netmap": "Influence and stance",
        "netmap_tower": "Influence tower: height = influence",
        "netmap_no_influence": "{n} without an influence score",
        "netmap_no_stance": "{n} without a stance",
        "netmap_goal": "Towards the goal: {goal}",
    },
    "nl": {
        "influence_stance": "Invloed en standpunt",
        "influence_stance_text": (
            "Net-Map: hoeveel elke organisatie het doel van de kaart kan beïnvloeden (invloed, 0 tot 10) en hoe "
            "zij ertegenover staat. Invloedrijk is een invloed van 7 of meer, weinig invloed 3 of minder; goed "
            "verbonden is bij het kwart organisaties met de meeste partners (huidige verbindingen). "
            "Invloedrijke tegenstanders zijn te betrekken, invloedrijke voorstanders in te zetten, invloedrijke "
            "neutrale of verdeelde organisaties te winnen, en goed verbonden organisaties met weinig invloed te "
            "versterken."
        ),
        "influence_stance_goal": "Het doel: {goal}",
        "no_influence_actions": "Geen organisatie is een invloedrijke tegenstander, voorstander of twijfelaar, "
        "of goed verbonden met weinig invloed.",
        "influence": "Invloed",
        "stance": "Standpunt",
        "action": "Wat te doen",
        "action:engage": "betrekken (invloedrijke tegenstander)",
        "action:enlist": "inzetten (invloedrijke voorstander)",
        "action:win-over": "winnen (invloedrijk, neutraal of verdeeld)",
        "action:strengthen": "versterken (goed verbonden, weinig invloed)",
        "spanners": "Bruggenbouwers tussen sectoren",
        "spanners_text": (
            "Organisaties met huidige partners in twee of meer andere sectoren dan hun eigen: zij verbinden "
            "sectoren die anders langs elkaar heen kunnen werken. Gerangschikt naar het aantal andere sectoren, "
            "dan naar het deel van hun verbindingen (met partners met een sector) dat naar een andere sector gaat."
        ),
        "other_sectors": "Andere sectoren bereikt",
        "cross_share": "Verbindingen over sectoren heen",
        "netmap": "Invloed en standpunt",
        "netmap_tower": "Invloedstoren: hoogte = invloed",
        "netmap_no_influence": "{n} zonder invloedsscore",
        "netmap_no_stance": "{n} zonder standpunt",
        "netmap_goal": "Ten opzichte van het doel: {goal}",
    },
}
"""Words by language: English (``en``) and Dutch (``nl``), the same keys in both."""
