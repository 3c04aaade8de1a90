"""The vocabulary users write in their spreadsheets: tables, columns, closed lists, settings, default stages.

Everything a source may contain is described here once: the tables
(organisations, links, stages, views, and the barrier model's script and
barriers), their columns (with the English and Dutch headers we accept and
the kind of value each holds), the closed vocabularies (sector, level, kind,
direction, status, sensitivity, evidence, technique, barrier status,
audience, layout), the map's settings and the default stages of the
approach. Reading, validating, drawing and explaining a map all look things
up here, so a new column or value is added in one place. How a vocabulary
and a column are described is :mod:`stakeholders._vocabulary` (its names are
offered here too); the map record itself is :mod:`stakeholders.model`.

>>> column_for("organisations", "Naam").name
'name'
>>> LINK_KINDS.lookup("Notice and takedown")
'notice-and-takedown'
>>> LEVELS.lookup("beleid")
'policy'
>>> TECHNIQUES.lookup("Risico vergroten"), BARRIER_STATUSES.lookup("voorgesteld")
('increase-risk', 'proposed')
"""

from __future__ import annotations

import pandas as pd

from ._vocabulary import Column, ColumnKind, Term, Vocabulary, normalise_key

__all__ = [
    "BARRIER_STATUSES",
    "COLUMNS",
    "CONFIRMATIONS",
    "DEFAULT_HANDOVERS",
    "DEFAULT_STAGE_ALIASES",
    "DEFAULT_STAGES",
    "DIRECTIONS",
    "EVIDENCE",
    "LEVELS",
    "AUDIENCES",
    "LAYOUTS",
    "LINK_KINDS",
    "SECTORS",
    "SENSITIVITY",
    "SETTINGS",
    "RATING_METRICS",
    "SIZE_METRICS",
    "STANCES",
    "STATUSES",
    "TABLE_NAMES",
    "TECHNIQUES",
    "Column",
    "ColumnKind",
    "Term",
    "Vocabulary",
    "column_for",
    "default_stages",
    "empty_table",
    "normalise_key",
]


SECTORS = Vocabulary(
    "sector",
    (
        Term("police", "police", "politie", ("law enforcement", "opsporing")),
        Term("justice", "justice", "justitie", ("prosecution", "judiciary", "om")),
        Term("probation", "probation", "reclassering"),
        Term("care", "care", "zorg", ("treatment", "health", "behandeling", "ggz", "forensische zorg")),
        Term("prevention", "prevention", "preventie"),
        Term(
            "victim-support",
            "victim support",
            "slachtofferhulp",
            ("victims", "slachtofferzorg", "slachtofferondersteuning"),
        ),
        Term("hotline", "hotline", "meldpunt"),
        Term(
            "industry",
            "industry",
            "bedrijfsleven",
            ("private sector", "business", "tech", "bedrijven", "private partijen", "internetsector"),
        ),
        Term("research", "research", "onderzoek", ("science", "wetenschap")),
        Term("government", "government", "overheid", ("policy", "beleid", "ministry", "ministerie", "rijksoverheid")),
        Term("international", "international", "internationaal", ("buitenland", "internationale partner")),
        Term("ngo", "NGO", "maatschappelijke organisatie", ("civil society", "ngo's", "stichting", "middenveld")),
    ),
)

LEVELS = Vocabulary(
    "level",
    (
        Term("policy", "policy", "beleid", ("strategic", "strategisch", "beleidsmatig", "p")),
        Term("operational", "operational", "operationeel", ("uitvoering", "uitvoerend", "o")),
        Term("both", "policy and operational", "beleid en uitvoering", ("beide", "allebei", "b")),
    ),
)

LINK_KINDS = Vocabulary(
    "kind",
    (
        Term(
            "information-sharing",
            "information sharing",
            "informatie-uitwisseling",
            ("information", "informatiedeling", "data sharing", "informatie delen", "gegevensuitwisseling"),
        ),
        Term("referral", "referral", "doorverwijzing", ("verwijzing", "referrals", "doorverwijzen", "verwijzen")),
        Term("notice-and-takedown", "notice and takedown", "notice-and-takedown", ("ntd",)),
        Term(
            "joint-operation",
            "joint operation",
            "gezamenlijke operatie",
            ("joint project", "joint programme", "samenwerkingsproject", "gezamenlijke actie", "gezamenlijk project"),
        ),
        Term("funding", "funding", "financiering", ("subsidie", "subsidy", "grant", "subsidiering", "financiert")),
        Term(
            "agreement",
            "agreement",
            "afspraak",
            ("covenant", "convenant", "mou", "overeenkomst", "afspraken", "samenwerkingsovereenkomst"),
        ),
        Term(
            "policy-consultation",
            "policy consultation",
            "beleidsoverleg",
            ("consultation", "overleg", "advice", "advies", "beleidsadvies", "consultatie"),
        ),
        Term("research", "research", "onderzoek", ("research collaboration", "onderzoekssamenwerking")),
        Term(
            "technology",
            "technology / data",
            "technologie / data",
            ("technology/data", "data", "tooling", "data provision", "technologie", "gegevens"),
        ),
        Term("membership", "membership", "lidmaatschap", ("member", "lid", "part of", "lid van")),
        Term("oversight", "oversight", "toezicht", ("supervision", "pressure", "toezicht houden", "controle")),
    ),
)

DIRECTIONS = Vocabulary(
    "direction",
    (
        Term("directed", "directed", "gericht", ("one way", "eenrichting", "eenzijdig", "->")),
        Term(
            "mutual",
            "mutual",
            "wederzijds",
            ("both ways", "two way", "tweezijdig", "wederkerig", "beide kanten", "<->"),
        ),
        Term("undirected", "undirected", "ongericht", ("none", "geen", "zonder richting", "--")),
    ),
)

STATUSES = Vocabulary(
    "status",
    (
        Term("active", "active", "actief", ("current", "lopend", "lopende", "loopt", "bestaand")),
        Term("planned", "planned", "gepland", ("proposed", "voorgenomen", "future", "in voorbereiding", "voorgesteld")),
        Term("lapsed", "lapsed", "beëindigd", ("ended", "inactive", "vervallen", "gestopt", "afgelopen")),
    ),
)

CONFIRMATIONS = Vocabulary(
    "confirmation",
    (
        Term("confirmed", "confirmed by both ends", "bevestigd door beide", ("confirmed", "bevestigd", "both ends")),
        Term("one-sided", "reported by one end", "gemeld door één kant", ("one sided", "eenzijdig", "one end")),
    ),
)
"""Whether both organisations of a merged link reported it, or only one (see :mod:`stakeholders.merge`)."""

SENSITIVITY = Vocabulary(
    "sensitivity",
    (
        Term("public", "public", "openbaar", ("publiek",)),
        Term("partners", "partners", "partners", ("partner", "alleen partners")),
        Term("restricted", "restricted", "vertrouwelijk", ("internal", "intern", "confidential", "geheim")),
    ),
)

EVIDENCE = Vocabulary(
    "evidence",
    (
        Term("documented", "documented", "gedocumenteerd", ("verified", "bevestigd", "d")),
        Term(
            "unverified",
            "plausible, unverified",
            "aannemelijk, onbevestigd",
            ("plausible", "onbevestigd", "aannemelijk", "unconfirmed", "niet bevestigd", "p"),
        ),
        Term("inferred", "inferred", "afgeleid", ("interpretation", "aanname", "i")),
    ),
)

TECHNIQUES = Vocabulary(
    "technique",
    (
        Term(
            "increase-effort",
            "increase the effort",
            "inspanning vergroten",
            ("effort", "more effort", "moeite vergroten", "inspanning verhogen"),
        ),
        Term("increase-risk", "increase the risks", "risico vergroten", ("risk", "risks", "pakkans vergroten")),
        Term(
            "reduce-rewards",
            "reduce the rewards",
            "opbrengst verkleinen",
            ("rewards", "opbrengsten verminderen", "beloning verminderen"),
        ),
        Term("reduce-provocations", "reduce provocations", "provocaties verminderen", ("uitlokking verminderen",)),
        Term("remove-excuses", "remove excuses", "excuses wegnemen", ("excuses", "rechtvaardigingen wegnemen")),
        Term("detection", "detection", "detectie", ("signalering", "signaleren")),
        Term("disruption", "disruption", "verstoring", ("verstoren", "disrupt")),
        Term("removal", "removal", "verwijdering", ("verwijderen", "take down", "takedown")),
        Term(
            "treatment-and-supervision",
            "treatment and supervision",
            "behandeling en toezicht",
            ("treatment", "supervision", "behandeling", "toezicht"),
        ),
        Term("victim-protection", "victim protection", "slachtofferbescherming", ("bescherming van slachtoffers",)),
    ),
)
"""What a barrier does to the offender: the five families of situational crime prevention, then detection,
disruption, removal of material, treatment and supervision, and victim protection; a map may add more."""

BARRIER_STATUSES = Vocabulary(
    "status",
    (
        Term("in-place", "in place", "in werking", ("active", "actief", "bestaand", "current", "lopend", "ingevoerd")),
        Term("planned", "planned", "gepland", ("voorgenomen", "in voorbereiding", "future")),
        Term("proposed", "proposed", "voorgesteld", ("voorstel", "idea", "idee", "suggested")),
        Term("lapsed", "lapsed", "beëindigd", ("ended", "inactive", "vervallen", "gestopt", "stopped")),
    ),
)
"""Where a barrier stands: a closed list of its own (a link is active, planned or lapsed)."""

STANCES = Vocabulary(
    "stance",
    (
        Term("supports", "supports", "steunt", ("support", "supporter", "for", "voor", "positive", "positief", "+")),
        Term("neutral", "neutral", "neutraal", ("indifferent", "onverschillig", "=")),
        Term("opposes", "opposes", "tegen", ("oppose", "opponent", "against", "verzet", "tegenstander", "negatief")),
        Term("mixed", "mixed", "gemengd", ("ambivalent", "wisselend", "verdeeld", "±")),
    ),
)
"""Net-Map: where an organisation stands towards the map's ``goal`` setting."""


_SENSITIVITY = Column(
    "sensitivity",
    ColumnKind.VOCAB,
    headers=("gevoeligheid", "vertrouwelijkheid", "classification", "rubricering"),
    vocabulary=SENSITIVITY,
)
_EVIDENCE = Column(
    "evidence", ColumnKind.VOCAB, headers=("verification", "verificatie", "onderbouwing", "bewijs"), vocabulary=EVIDENCE
)
_SINCE = Column("since", ColumnKind.DATE, headers=("start", "from date", "sinds", "vanaf", "begin"))
_UNTIL = Column("until", ColumnKind.DATE, headers=("end", "to date", "tot", "tot en met", "einde"))
_SOURCE_REF = Column(
    "source_ref",
    headers=(
        "reference",
        "references",
        "provenance",
        "documented in",
        "bronvermelding",
        "vindplaats",
        "referentie",
        "bronnen",
    ),
)
_NAME_NL = Column("name_nl", headers=("dutch name", "naam nl", "nederlandse naam"))
_DESCRIPTION_NL = Column("description_nl", headers=("dutch description", "omschrijving nl", "nederlandse omschrijving"))

COLUMNS: dict[str, tuple[Column, ...]] = {
    "organisations": (
        Column("id", ColumnKind.ID, required=True, headers=("code", "key", "sleutel")),
        Column("name", required=True, headers=("naam", "organisation", "organisatie", "organization", "label")),
        Column("short_name", headers=("acronym", "abbreviation", "afkorting", "korte naam", "kortenaam")),
        Column(
            "aliases",
            ColumnKind.LIST,
            headers=("alias", "also known as", "aka", "aliassen", "ook bekend als", "andere namen"),
        ),
        Column("sector", ColumnKind.VOCAB, headers=("sectoren",), vocabulary=SECTORS),
        Column("level", ColumnKind.VOCAB, headers=("niveau",), vocabulary=LEVELS),
        Column("country", headers=("scope", "land", "reikwijdte", "werkgebied")),
        Column("stages", ColumnKind.STAGES, headers=("stage", "steps", "fasen", "fase", "stappen", "stap")),
        Column("description", headers=("omschrijving", "beschrijving", "rol", "role")),
        Column("url", headers=("website", "web", "site")),
        Column("tags", ColumnKind.LIST, headers=("tag", "labels", "trefwoorden")),
        Column(
            "since", ColumnKind.DATE, headers=("start", "from date", "founded", "sinds", "vanaf", "begin", "opgericht")
        ),
        Column(
            "until", ColumnKind.DATE, headers=("end", "to date", "ended", "tot", "tot en met", "einde", "opgeheven")
        ),
        _SENSITIVITY,
        _EVIDENCE,
        Column("influence", ColumnKind.INFLUENCE, headers=("invloed", "influence tower", "invloedstoren", "macht")),
        Column("stance", ColumnKind.VOCAB, headers=("standpunt", "houding", "attitude"), vocabulary=STANCES),
    ),
    "links": (
        Column("id", ColumnKind.ID, headers=("link id", "code")),
        Column("source", ColumnKind.REF, required=True, headers=("from", "bron", "van")),
        Column("target", ColumnKind.REF, required=True, headers=("to", "doel", "naar")),
        Column(
            "kind", ColumnKind.VOCAB, headers=("type", "soort", "relation", "relatie", "aard"), vocabulary=LINK_KINDS
        ),
        Column("direction", ColumnKind.VOCAB, headers=("richting",), vocabulary=DIRECTIONS, default="directed"),
        Column("status", ColumnKind.VOCAB, headers=("stand",), vocabulary=STATUSES, default="active"),
        Column("strength", ColumnKind.STRENGTH, headers=("weight", "sterkte", "gewicht", "intensiteit")),
        Column("basis", headers=("legal basis", "grondslag", "juridische basis")),
        _SINCE,
        _UNTIL,
        _SOURCE_REF,
        Column(
            "last_checked",
            ColumnKind.DATE,
            headers=("checked", "last checked", "laatst gecontroleerd", "gecontroleerd", "gecontroleerd op"),
        ),
        _SENSITIVITY,
        _EVIDENCE,
        Column("notes", headers=("note", "notities", "opmerkingen", "toelichting")),
        # PARTNER scores (1-4): for the link as a whole, and as each end scores the other (after a merge)
        Column("trust", ColumnKind.SCORE, headers=("vertrouwen",)),
        Column("value", ColumnKind.SCORE, headers=("waarde",)),
        Column(
            "source_trust", ColumnKind.SCORE, headers=("trust from source", "vertrouwen van bron", "vertrouwen bron")
        ),
        Column(
            "target_trust", ColumnKind.SCORE, headers=("trust from target", "vertrouwen van doel", "vertrouwen doel")
        ),
        Column("source_value", ColumnKind.SCORE, headers=("value from source", "waarde van bron", "waarde bron")),
        Column("target_value", ColumnKind.SCORE, headers=("value from target", "waarde van doel", "waarde doel")),
        # who reported the link, when a map is merged from partners' answers
        Column("reported_by", ColumnKind.LIST, headers=("reported by", "reporters", "gemeld door", "genoemd door")),
        Column("reports", ColumnKind.NUMBER, headers=("times reported", "aantal meldingen", "meldingen")),
        Column(
            "confirmation",
            ColumnKind.VOCAB,
            headers=("confirmed", "bevestiging", "bevestigd"),
            vocabulary=CONFIRMATIONS,
        ),
    ),
    "stages": (
        Column("id", ColumnKind.ID, required=True, headers=("code", "key", "sleutel")),
        Column("name", required=True, headers=("naam", "stage", "fase", "stap")),
        Column("order", ColumnKind.ORDER, headers=("volgorde", "rank", "nr")),
        Column("description", headers=("omschrijving", "beschrijving")),
        Column(
            "hands_over_to",
            ColumnKind.STAGES,
            headers=(
                "hands over to",
                "handover",
                "handovers",
                "next",
                "overdracht naar",
                "draagt over aan",
                "volgende",
            ),
        ),
    ),
    "script": (
        Column("id", ColumnKind.ID, required=True, headers=("code", "key", "sleutel")),
        Column("name", required=True, headers=("naam", "phase", "fase", "processtap")),
        Column("order", ColumnKind.ORDER, headers=("volgorde", "rank", "nr")),
        Column("description", headers=("omschrijving", "beschrijving")),
        _NAME_NL,
        _DESCRIPTION_NL,
        _EVIDENCE,
        _SOURCE_REF,
    ),
    "barriers": (
        Column("id", ColumnKind.ID, required=True, headers=("code", "key", "sleutel")),
        Column("name", required=True, headers=("naam", "barrier", "barrière", "measure", "maatregel")),
        Column(
            "phase",
            ColumnKind.PHASES,
            required=True,
            headers=("phases", "fase", "fasen", "script phase", "processtap", "delictfase"),
        ),
        Column(
            "owners",
            ColumnKind.REFS,
            headers=("owner", "raised by", "eigenaar", "eigenaren", "opgeworpen door", "trekker"),
        ),
        Column(
            "partners",
            ColumnKind.REFS,
            headers=("partner", "needs", "cooperation of", "nodig van", "medewerking van", "samenwerkingspartners"),
        ),
        Column(
            "technique",
            ColumnKind.VOCAB,
            headers=("techniques", "mechanism", "techniek", "werking", "werkingsmechanisme"),
            vocabulary=TECHNIQUES,
        ),
        Column(
            "stage",
            ColumnKind.STAGES,
            headers=("stages", "step of the approach", "stap", "stappen", "stap van de aanpak"),
        ),
        Column("status", ColumnKind.VOCAB, headers=("stand", "staat"), vocabulary=BARRIER_STATUSES, default="in-place"),
        _SINCE,
        _UNTIL,
        _EVIDENCE,
        _SOURCE_REF,
        _SENSITIVITY,
        Column("description", headers=("omschrijving", "beschrijving")),
        _NAME_NL,
        _DESCRIPTION_NL,
    ),
}

AUDIENCES = Vocabulary(
    "audience",
    (
        Term("public", "public", "openbaar", ("publiek", "everyone", "iedereen")),
        Term("partners", "partners", "partners", ("partner",)),
        Term("internal", "internal", "intern", ("restricted", "vertrouwelijk", "eigen organisatie")),
    ),
)
"""Who an output is for: each audience sees what is marked for it and for every audience before it."""

LAYOUTS = Vocabulary(
    "layout",
    (
        Term("force", "force", "kracht", ("network", "netwerk", "default")),
        Term(
            "board",
            "board by stage",
            "bord per stap",
            ("swimlanes", "lanes", "banen", "stages", "stappen", "approach", "aanpak", "bord", "kanban"),
        ),
        Term("circles", "circles by sector", "cirkels per sector", ("sectors", "sectoren", "cirkels")),
    ),
)

COLUMNS["views"] = (
    Column("name", ColumnKind.ID, required=True, headers=("view", "weergave", "naam", "id")),
    Column("title", headers=("titel", "heading", "kop")),
    Column("note", headers=("notes", "speaker notes", "notitie", "notities", "toelichting", "sprekersnotities")),
    Column("step", ColumnKind.NUMBER, headers=("slide", "dia", "stap", "presentation", "presentatie")),
    Column("sector", ColumnKind.VOCABLIST, headers=("sectors", "sectoren"), vocabulary=SECTORS),
    Column("level", ColumnKind.VOCABLIST, headers=("levels", "niveau", "niveaus"), vocabulary=LEVELS),
    Column("country", ColumnKind.LIST, headers=("countries", "land", "landen")),
    Column("stage", ColumnKind.STAGES, headers=("stages", "fase", "fasen")),
    Column("kind", ColumnKind.VOCABLIST, headers=("kinds", "soort", "soorten"), vocabulary=LINK_KINDS),
    Column("status", ColumnKind.VOCABLIST, headers=("statuses", "stand"), vocabulary=STATUSES),
    Column("tags", ColumnKind.LIST, headers=("tag", "labels", "trefwoorden")),
    Column("focus", ColumnKind.REF, headers=("centre", "center", "rond", "focus op")),
    Column("depth", ColumnKind.NUMBER, headers=("steps out", "diepte", "stappen")),
    Column("highlight_stage", ColumnKind.STAGES, headers=("highlight", "markeer stap", "uitgelichte stap")),
    Column("colour_by", headers=("color by", "colour", "kleur", "kleur naar")),
    Column("size_by", headers=("size", "grootte", "grootte naar")),
    Column("layout", ColumnKind.VOCAB, headers=("indeling", "opmaak"), vocabulary=LAYOUTS, default="force"),
)
"""A view: a named selection and styling of the map; views with a ``step`` make the presentation."""

SIZE_METRICS = ("links", "partners", "betweenness", "closeness", "pagerank")
"""What a view may size organisations by (its ``size_by``), besides a numeric column of the map."""

RATING_METRICS = ("trust", "value")
"""An organisation's average PARTNER score as its partners give it: a view may size and colour by them."""

TABLE_NAMES: dict[str, tuple[str, ...]] = {
    "organisations": ("Organisations", "organizations", "organisaties", "orgs"),
    "links": ("Links", "verbindingen", "relaties", "samenwerking", "cooperation"),
    "stages": ("Stages", "fasen", "stappen", "steps"),
    "settings": ("Map", "kaart", "settings", "instellingen", "about", "over"),
    "views": ("Views", "weergaven", "presentation", "presentatie"),
    "script": ("Script", "offending process", "crime script", "delictscript", "misdaadscript", "processtappen"),
    "barriers": ("Barriers", "barrières", "barrieres", "barrier model", "barrièremodel"),
}

SETTINGS: dict[str, tuple[str, ...]] = {
    "title": ("titel", "name", "naam"),
    "date": ("datum", "data date", "peildatum", "as of"),
    "source_note": ("source", "sources", "bron", "bronnen", "bronvermelding"),
    "description": ("omschrijving", "beschrijving", "about"),
    "goal": ("doel", "doelstelling", "aim", "map goal"),
    "sectors": ("extra sectors", "sectoren"),
    "kinds": ("extra kinds", "soorten", "link kinds"),
    "techniques": ("extra techniques", "technieken"),
    "audience": ("default audience", "publiek", "doelgroep", "standaard publiek"),
    "partners_fields": ("partner fields", "partners fields", "velden partners", "partnervelden"),
    "restricted_fields": ("restricted fields", "vertrouwelijke velden", "interne velden"),
    "show_hidden_counts": ("hidden counts", "toon aantal verborgen", "aantal verborgen"),
    "lang": ("language", "taal"),
    "respondent": ("reported by", "filled in by", "ingevuld door", "gemeld door", "respondent organisation"),
}


def column_for(table: str, header: str) -> Column | None:
    """The column of ``table`` that ``header`` names, or None for a custom column."""
    for column in COLUMNS[table]:
        if column.accepts(header):
            return column
    return None


DEFAULT_STAGES: tuple[tuple[str, str, str], ...] = (
    ("prevention", "Prevention", "Preventie"),
    ("detection", "Detection & reporting", "Signalering & melding"),
    ("removal", "Removal of material", "Verwijderen van materiaal"),
    ("investigation", "Investigation", "Opsporing"),
    ("victim-identification", "Victim identification", "Slachtofferidentificatie"),
    ("prosecution", "Prosecution", "Vervolging"),
    ("sanction", "Sanction & probation", "Sanctie & reclassering"),
    ("treatment", "Offender treatment", "Daderbehandeling"),
    ("victim-support", "Victim support", "Slachtofferhulp"),
    ("policy", "Policy & research", "Beleid & onderzoek"),
)
"""The steps of the approach used when a map has no Stages sheet: (id, English, Dutch)."""

DEFAULT_STAGE_ALIASES: dict[str, tuple[str, ...]] = {
    "prevention": ("preventie", "voorkomen"),
    "detection": ("signalering", "signaleren", "melding", "melden", "detectie", "detection", "reporting"),
    "removal": ("verwijdering", "verwijderen", "materiaal verwijderen", "removal", "takedown"),
    "investigation": ("opsporing", "opsporingsonderzoek", "recherche", "investigation"),
    "victim-identification": ("identificatie", "slachtoffers identificeren", "identification"),
    "prosecution": ("vervolging", "vervolgen", "prosecution"),
    "sanction": ("sanctie", "sancties", "straf", "reclassering", "sanction", "probation"),
    "treatment": ("behandeling", "daderbehandeling", "behandeling van daders", "treatment"),
    "victim-support": ("slachtofferhulp", "slachtofferzorg", "hulp aan slachtoffers"),
    "policy": ("beleid", "onderzoek", "beleid en onderzoek", "policy", "research"),
}
"""Everyday words for the default stages, Dutch and English, that a reference to a stage may use."""

DEFAULT_HANDOVERS: tuple[tuple[str, str], ...] = (
    ("detection", "investigation"),
    ("detection", "removal"),
    ("investigation", "victim-identification"),
    ("victim-identification", "victim-support"),
    ("investigation", "prosecution"),
    ("prosecution", "sanction"),
    ("sanction", "treatment"),
)
"""Expected hand-overs between the default stages, as (from, to)."""


def default_stages() -> pd.DataFrame:
    """The stages table a map gets when its source has none (see :data:`DEFAULT_STAGES`).

    >>> list(default_stages().columns)
    ['id', 'name', 'order', 'description', 'hands_over_to', 'name_nl']
    """
    handovers: dict[str, list[str]] = {}
    for start, end in DEFAULT_HANDOVERS:
        handovers.setdefault(start, []).append(end)
    return pd.DataFrame(
        {
            "id": [s[0] for s in DEFAULT_STAGES],
            "name": [s[1] for s in DEFAULT_STAGES],
            "order": pd.array(range(1, len(DEFAULT_STAGES) + 1), dtype="Int64"),
            "description": [""] * len(DEFAULT_STAGES),
            "hands_over_to": [handovers.get(s[0], []) for s in DEFAULT_STAGES],
            "name_nl": [s[2] for s in DEFAULT_STAGES],
        }
    )


def empty_table(table: str) -> pd.DataFrame:
    """A table of ``table`` (a key of :data:`COLUMNS`) with its columns and no rows: what a map without it holds.

    >>> frame = empty_table("script")
    >>> list(frame.columns)[:3], len(frame), str(frame["order"].dtype)
    (['id', 'name', 'order'], 0, 'Int64')
    """
    return pd.DataFrame(
        {
            column.name: pd.array([], dtype="Int64") if column.kind.is_number else pd.Series([], dtype=object)
            for column in COLUMNS[table]
        }
    )
