"""A new workbook's words (``stakeholders init``) in English and Dutch: sheet names, headers, what columns hold.

>>> SHEETS["nl"]["links"], HEADERS["nl"]["links"]["kind"], EXPLAIN["links"]["kind"][1][:23]
('Verbindingen', 'soort', 'Hoe de twee samenwerken')
>>> all(set(HEADERS["en"][role]) == set(HEADERS["nl"][role]) == set(EXPLAIN[role]) for role in HEADERS["en"])
True
"""

from __future__ import annotations

__all__ = ["EXPLAIN", "HEADERS", "SHEETS", "WORDS"]

SHEETS: dict[str, dict[str, str]] = {
    "en": {
        "instructions": "Instructions",
        "organisations": "Organisations",
        "links": "Links",
        "stages": "Stages",
        "script": "Script",
        "barriers": "Barriers",
        "settings": "Map",
        "lists": "Lists",
    },
    "nl": {
        "instructions": "Toelichting",
        "organisations": "Organisaties",
        "links": "Verbindingen",
        "stages": "Stappen",
        "script": "Delictscript",
        "barriers": "Barrières",
        "settings": "Instellingen",
        "lists": "Keuzelijsten",
    },
}
"""The sheets of a new workbook, in the order they are written (the CSV files are named after them)."""

_NL: dict[str, dict[str, str]] = {
    "organisations": {
        "id": "id",
        "name": "naam",
        "short_name": "afkorting",
        "aliases": "andere namen",
        "sector": "sector",
        "level": "niveau",
        "country": "land",
        "stages": "stappen",
        "description": "omschrijving",
        "url": "website",
        "tags": "trefwoorden",
        "since": "sinds",
        "until": "tot en met",
        "sensitivity": "gevoeligheid",
        "evidence": "onderbouwing",
        "influence": "invloed",
        "stance": "standpunt",
    },
    "links": {
        "id": "id",
        "source": "van",
        "target": "naar",
        "kind": "soort",
        "direction": "richting",
        "status": "status",
        "strength": "sterkte",
        "basis": "grondslag",
        "since": "sinds",
        "until": "tot en met",
        "source_ref": "bronvermelding",
        "last_checked": "laatst gecontroleerd",
        "sensitivity": "gevoeligheid",
        "evidence": "onderbouwing",
        "notes": "opmerkingen",
    },
    "stages": {
        "id": "id",
        "name": "naam",
        "order": "volgorde",
        "description": "omschrijving",
        "hands_over_to": "overdracht naar",
    },
    "script": {
        "id": "id",
        "name": "naam",
        "order": "volgorde",
        "description": "omschrijving",
        "evidence": "onderbouwing",
        "source_ref": "bronvermelding",
    },
    "barriers": {
        "id": "id",
        "name": "naam",
        "phase": "fase",
        "owners": "eigenaren",
        "partners": "partners",
        "technique": "techniek",
        "stage": "stap van de aanpak",
        "status": "status",
        "since": "sinds",
        "until": "tot en met",
        "evidence": "onderbouwing",
        "source_ref": "bronvermelding",
        "sensitivity": "gevoeligheid",
        "description": "omschrijving",
    },
}

HEADERS: dict[str, dict[str, dict[str, str]]] = {
    "en": {role: {name: name for name in names} for role, names in _NL.items()},
    "nl": _NL,
}
"""Each table's columns in a new workbook, field → header, in the order they are written."""

_SENSITIVITY = (
    "Who may see this row: public, partners or restricted (empty: public).",
    "Wie deze rij mag zien: openbaar, partners of vertrouwelijk (leeg: openbaar).",
)
_EVIDENCE = (
    "How well it is backed: documented, plausible but unverified, or inferred.",
    "Hoe goed het onderbouwd is: gedocumenteerd, aannemelijk maar onbevestigd, of afgeleid.",
)
_SOURCE_REF = (
    "Where it is documented: a report, a web page (with its address), a covenant.",
    "Waar het is vastgelegd: een rapport, een webpagina (met adres), een convenant.",
)
_SINCE = ("Since when: YYYY-MM-DD, YYYY-MM or YYYY (or DD-MM-YYYY).", "Sinds wanneer: JJJJ-MM-DD, JJJJ-MM of JJJJ.")
_UNTIL = ("Until when, if it ended: a date as in since.", "Tot wanneer, als het is gestopt: een datum zoals bij sinds.")
_ID = (
    "A short, stable code of your own; other sheets refer to it.",
    "Een korte, vaste code naar eigen keuze; andere bladen verwijzen ernaar.",
)

EXPLAIN: dict[str, dict[str, tuple[str, str]]] = {
    "organisations": {
        "id": _ID,
        "name": ("The organisation's full name (required).", "De volledige naam van de organisatie (verplicht)."),
        "short_name": ("Acronym or short name, shown on the map.", "Afkorting of korte naam, zichtbaar op de kaart."),
        "aliases": (
            "Other names, separated by |; search finds them.",
            "Andere namen, gescheiden door |; zoeken vindt ze.",
        ),
        "sector": ("The sector: pick from the list.", "De sector: kies uit de lijst."),
        "level": ("Policy, operational, or both.", "Beleid, uitvoering, of beide."),
        "country": ("Country or scope.", "Land of werkgebied."),
        "stages": (
            "The steps of the approach it acts on, separated by |: an id or a name from the Stages sheet.",
            "De stappen van de aanpak waaraan zij bijdraagt, gescheiden door |: een id of naam uit het blad Stappen.",
        ),
        "description": ("What the organisation does.", "Wat de organisatie doet."),
        "url": ("Its website.", "De website."),
        "tags": ("Free labels, separated by |.", "Vrije labels, gescheiden door |."),
        "since": _SINCE,
        "until": _UNTIL,
        "sensitivity": _SENSITIVITY,
        "evidence": _EVIDENCE,
        "influence": (
            "Net-Map: how much it can affect the map's goal, from 0 to 10 (may stay empty).",
            "Net-Map: hoeveel zij het doel van de kaart kan beïnvloeden, van 0 tot en met 10 (mag leeg blijven).",
        ),
        "stance": (
            "Net-Map: where it stands towards the goal: pick from the list (may stay empty).",
            "Net-Map: hoe zij tegenover het doel staat: kies uit de lijst (mag leeg blijven).",
        ),
    },
    "links": {
        "id": ("A code for the link (may stay empty).", "Een code voor de verbinding (mag leeg blijven)."),
        "source": (
            "The organisation the link starts at: its id, name or acronym (required).",
            "De organisatie waar de verbinding begint: id, naam of afkorting (verplicht).",
        ),
        "target": ("The organisation it goes to (required).", "De organisatie waar zij naartoe gaat (verplicht)."),
        "kind": (
            "How the two cooperate: pick from the list.",
            "Hoe de twee samenwerken: kies uit de lijst.",
        ),
        "direction": (
            "Directed (one way), mutual, or undirected (empty: directed).",
            "Gericht (één kant op), wederzijds of ongericht (leeg: gericht).",
        ),
        "status": ("Active, planned or lapsed (empty: active).", "Actief, gepland of beëindigd (leeg: actief)."),
        "strength": ("How strong, from 1 to 5.", "Hoe sterk, van 1 tot en met 5."),
        "basis": ("The basis: a covenant, an MoU, a statute.", "De grondslag: een convenant, een MoU, een wet."),
        "since": _SINCE,
        "until": _UNTIL,
        "source_ref": _SOURCE_REF,
        "last_checked": (
            "When you last checked the link: a date.",
            "Wanneer u de verbinding het laatst naging: datum.",
        ),
        "sensitivity": _SENSITIVITY,
        "evidence": _EVIDENCE,
        "notes": ("Anything else worth knowing.", "Wat verder het weten waard is."),
    },
    "stages": {
        "id": _ID,
        "name": ("The step's name (required).", "De naam van de stap (verplicht)."),
        "order": ("Its place in the approach: 1, 2, 3 …", "De plaats in de aanpak: 1, 2, 3 …"),
        "description": ("What happens in this step.", "Wat er in deze stap gebeurt."),
        "hands_over_to": (
            "The steps this one hands over to, separated by |: the tool looks for the cooperation they need.",
            "De stappen waaraan deze overdraagt, gescheiden door |: het programma zoekt de samenwerking die dat"
            " vraagt.",
        ),
    },
    "script": {
        "id": _ID,
        "name": ("The phase of the offending process (required).", "De fase van het delictproces (verplicht)."),
        "order": ("Its place in the script: 1, 2, 3 …", "De plaats in het script: 1, 2, 3 …"),
        "description": ("What offenders do in this phase.", "Wat daders in deze fase doen."),
        "evidence": _EVIDENCE,
        "source_ref": _SOURCE_REF,
    },
    "barriers": {
        "id": _ID,
        "name": ("The barrier: what partners do (required).", "De barrière: wat partners doen (verplicht)."),
        "phase": (
            "The phases of the script it acts on, separated by | (required).",
            "De fasen van het delictscript waarop zij werkt, gescheiden door | (verplicht).",
        ),
        "owners": ("The organisations that raise it, separated by |.", "De organisaties die haar opwerpen, met |."),
        "partners": ("The organisations whose cooperation it needs.", "De organisaties wier medewerking nodig is."),
        "technique": (
            "How it hinders the offender: pick from the list.",
            "Hoe zij de dader hindert: kies uit de lijst.",
        ),
        "stage": ("The steps of the approach it belongs to.", "De stappen van de aanpak waartoe zij behoort."),
        "status": (
            "In place, planned, proposed or lapsed (empty: in place).",
            "In werking, gepland, voorgesteld of beëindigd (leeg: in werking).",
        ),
        "since": _SINCE,
        "until": _UNTIL,
        "evidence": _EVIDENCE,
        "source_ref": _SOURCE_REF,
        "sensitivity": _SENSITIVITY,
        "description": ("More about the barrier.", "Meer over de barrière."),
    },
}
"""What each column holds, (English, Dutch)."""

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "sheet": "Sheet",
        "column": "Column",
        "required": "Required",
        "yes": "yes",
        "meaning": "What it holds",
        "example": "Example",
        "allowed": "Allowed values",
        "intro": (
            "Fill in the sheets, one row per organisation and per link; replace the example rows. "
            "Then run: stakeholders validate {file}, stakeholders map {file}."
        ),
        "pick_title": "Pick from the list",
        "pick_strict": "Pick one of the values in the list.",
        "pick_open": "Not in the list: pick one, or add it to the map's {setting} setting in the Map sheet.",
        "key": "key",
        "value": "value",
        "title": "Cooperation map",
        "error": "Error",
        "exists": "{path} already exists: choose another name or move it away first (init never overwrites a file)",
        "wrote": "Wrote {path}: fill it in, then run stakeholders validate {path}.",
    },
    "nl": {
        "sheet": "Blad",
        "column": "Kolom",
        "required": "Verplicht",
        "yes": "ja",
        "meaning": "Betekenis",
        "example": "Voorbeeld",
        "allowed": "Toegestane waarden",
        "intro": (
            "Vul de bladen in, één rij per organisatie en per verbinding; vervang de voorbeeldrijen. "
            "Daarna: stakeholders validate {file}, stakeholders map {file}."
        ),
        "pick_title": "Kies uit de lijst",
        "pick_strict": "Kies een van de waarden uit de lijst.",
        "pick_open": "Staat niet in de lijst: kies er een, of voeg hem toe aan de instelling {setting} in het blad "
        "Instellingen.",
        "key": "instelling",
        "value": "waarde",
        "title": "Samenwerkingskaart",
        "error": "Fout",
        "exists": "{path} bestaat al: kies een andere naam of zet het bestaande eerst opzij (init overschrijft nooit)",
        "wrote": "{path} geschreven: vul het in en controleer het dan met stakeholders validate {path}.",
    },
}
"""A new workbook's own words: the instructions sheet's headings, the drop-down lists' messages, the CLI lines."""
