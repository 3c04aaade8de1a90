"""The report's own words in English and Dutch: headings, explanations and labels of the meeting report.

Offered by :mod:`stakeholders.i18n` as ``WORDS`` (and through :func:`stakeholders.i18n.words`).

>>> WORDS["nl"]["brokers"]
'Verbinders'
"""

from __future__ import annotations

__all__ = ["WORDS"]

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
