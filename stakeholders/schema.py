"""The vocabulary users write in their spreadsheets: tables, columns, closed lists, settings, default stages.

Everything a source may contain is described here once: the tables, their
columns (with the English and Dutch headers we accept and the kind of value
each holds), the closed vocabularies (sector, level, kind, direction, status,
sensitivity, evidence, audience, layout), the map's settings and the default
stages of the approach. Reading, validating, drawing and explaining a map all
look things up here, so a new column or value is added in one place. The map
record itself is :mod:`stakeholders.model`.

>>> column_for("organisations", "Naam").name
'name'
>>> LINK_KINDS.lookup("Notice and takedown")
'notice-and-takedown'
>>> LEVELS.lookup("beleid")
'policy'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

import pandas as pd

__all__ = [
    "COLUMNS",
    "DEFAULT_HANDOVERS",
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
    "SIZE_METRICS",
    "STATUSES",
    "TABLE_NAMES",
    "Column",
    "ColumnKind",
    "Term",
    "Vocabulary",
    "column_for",
    "default_stages",
    "normalise_key",
]


@lru_cache(maxsize=4096)
def normalise_key(text: str) -> str:
    """Fold a header or a value to a comparable key.

    Case, accents, surrounding space and the separators space, ``_``, ``-``
    and ``/`` do not matter; ``&`` reads as ``and``.

    >>> normalise_key("  Short Name ")
    'short-name'
    >>> normalise_key("Beëindigd")
    'beeindigd'
    >>> normalise_key("Victim_support")
    'victim-support'
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.strip().lower().replace("&", " and ")
    return re.sub(r"[\s_\-/]+", "-", text).strip("-")


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary, with its English and Dutch label."""

    id: str
    en: str
    nl: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """A named list of terms that a cell may hold, matched leniently."""

    name: str
    terms: tuple[Term, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """The canonical values, in their display order."""
        return tuple(term.id for term in self.terms)

    def lookup(self, value: str) -> str | None:
        """Return the canonical id for ``value``, or None when it is not a term.

        >>> STATUSES.lookup("Gepland")
        'planned'
        >>> STATUSES.lookup("maybe") is None
        True
        """
        return self.ids_by_key.get(normalise_key(value))

    @cached_property
    def ids_by_key(self) -> dict[str, str]:
        """Every folded name (id, labels, aliases; see :func:`normalise_key`) → its term's id, the first term winning.

        Built once: lookups are per cell.
        """
        ids: dict[str, str] = {}
        for term in self.terms:
            for name in (term.id, term.en, term.nl, *term.aliases):
                ids.setdefault(normalise_key(name), term.id)
        return ids

    def label(self, term_id: str, lang: str = "en") -> str:
        """The label of a term in ``lang`` (``en`` or ``nl``); unknown ids come back as given.

        >>> SECTORS.label("victim-support", "nl")
        'slachtofferhulp'
        """
        for term in self.terms:
            if term.id == term_id:
                return term.nl if lang == "nl" else term.en
        return term_id

    def extended(self, extra: tuple[str, ...]) -> Vocabulary:
        """This vocabulary with terms a map adds: the id is the folded name, the label as written.

        >>> SECTORS.extended(("Faith groups",)).lookup("faith groups")
        'faith-groups'
        """
        added: list[Term] = []
        for value in extra:
            if self.lookup(value) is None and normalise_key(value) not in {t.id for t in added}:
                added.append(Term(normalise_key(value), value, value))
        return Vocabulary(self.name, self.terms + tuple(added))


SECTORS = Vocabulary(
    "sector",
    (
        Term("police", "police", "politie", ("law enforcement", "opsporing")),
        Term("justice", "justice", "justitie", ("prosecution", "judiciary", "om")),
        Term("probation", "probation", "reclassering"),
        Term("care", "care", "zorg", ("treatment", "health", "behandeling", "ggz")),
        Term("prevention", "prevention", "preventie"),
        Term("victim-support", "victim support", "slachtofferhulp", ("victims",)),
        Term("hotline", "hotline", "meldpunt"),
        Term("industry", "industry", "bedrijfsleven", ("private sector", "business", "tech")),
        Term("research", "research", "onderzoek", ("science", "wetenschap")),
        Term("government", "government", "overheid", ("policy", "beleid", "ministry")),
        Term("international", "international", "internationaal"),
        Term("ngo", "NGO", "maatschappelijke organisatie", ("civil society", "ngo's")),
    ),
)

LEVELS = Vocabulary(
    "level",
    (
        Term("policy", "policy", "beleid", ("strategic", "strategisch", "p")),
        Term("operational", "operational", "operationeel", ("uitvoering", "uitvoerend", "o")),
        Term("both", "policy and operational", "beleid en uitvoering", ("beide", "b")),
    ),
)

LINK_KINDS = Vocabulary(
    "kind",
    (
        Term(
            "information-sharing",
            "information sharing",
            "informatie-uitwisseling",
            ("information", "informatiedeling", "data sharing"),
        ),
        Term("referral", "referral", "doorverwijzing", ("verwijzing", "referrals")),
        Term("notice-and-takedown", "notice and takedown", "notice-and-takedown", ("ntd",)),
        Term(
            "joint-operation",
            "joint operation",
            "gezamenlijke operatie",
            ("joint project", "joint programme", "samenwerkingsproject"),
        ),
        Term("funding", "funding", "financiering", ("subsidie", "subsidy", "grant")),
        Term("agreement", "agreement", "afspraak", ("covenant", "convenant", "mou", "overeenkomst")),
        Term(
            "policy-consultation",
            "policy consultation",
            "beleidsoverleg",
            ("consultation", "overleg", "advice", "advies"),
        ),
        Term("research", "research", "onderzoek", ("research collaboration",)),
        Term(
            "technology",
            "technology / data",
            "technologie / data",
            ("technology/data", "data", "tooling", "data provision"),
        ),
        Term("membership", "membership", "lidmaatschap", ("member", "lid", "part of")),
        Term("oversight", "oversight", "toezicht", ("supervision", "pressure")),
    ),
)

DIRECTIONS = Vocabulary(
    "direction",
    (
        Term("directed", "directed", "gericht", ("one way", "eenrichting", "->")),
        Term("mutual", "mutual", "wederzijds", ("both ways", "two way", "tweezijdig", "<->")),
        Term("undirected", "undirected", "ongericht", ("none", "geen", "--")),
    ),
)

STATUSES = Vocabulary(
    "status",
    (
        Term("active", "active", "actief", ("current", "lopend", "bestaand")),
        Term("planned", "planned", "gepland", ("proposed", "voorgenomen", "future")),
        Term("lapsed", "lapsed", "beëindigd", ("ended", "inactive", "vervallen", "gestopt")),
    ),
)

SENSITIVITY = Vocabulary(
    "sensitivity",
    (
        Term("public", "public", "openbaar"),
        Term("partners", "partners", "partners", ("partner",)),
        Term("restricted", "restricted", "vertrouwelijk", ("internal", "intern", "confidential")),
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
            ("plausible", "onbevestigd", "aannemelijk", "unconfirmed", "p"),
        ),
        Term("inferred", "inferred", "afgeleid", ("interpretation", "i")),
    ),
)


class ColumnKind(StrEnum):
    """The kind of value a column holds (a :class:`str`, so ``kind == "date"`` reads as before).

    >>> ColumnKind.STAGES.is_list, ColumnKind.ORDER.is_number, ColumnKind("ref").is_text
    (True, True, True)
    """

    ID = "id"
    """The row's own id."""
    REF = "ref"
    """An organisation's id (or its name, short name or alias)."""
    TEXT = "text"
    LIST = "list"
    """Several texts, ``|``-separated."""
    STAGES = "stages"
    """A list of stage ids (or names)."""
    DATE = "date"
    """A day, a month or a year."""
    STRENGTH = "strength"
    """A whole number from 1 to 5."""
    ORDER = "order"
    """A whole number that orders the stages."""
    NUMBER = "number"
    """A whole number from 0."""
    VOCAB = "vocab"
    """One value of the closed list the column's ``vocabulary`` names."""
    VOCABLIST = "vocablist"
    """Several values of that closed list."""

    @property
    def is_list(self) -> bool:
        """Whether the value is a list."""
        return self in (ColumnKind.LIST, ColumnKind.STAGES, ColumnKind.VOCABLIST)

    @property
    def is_number(self) -> bool:
        """Whether the value is a whole number (or None when the cell is empty)."""
        return self in (ColumnKind.STRENGTH, ColumnKind.ORDER, ColumnKind.NUMBER)

    @property
    def is_text(self) -> bool:
        """Whether the value is the text of the cell, stripped (unless the column has a vocabulary)."""
        return self in (ColumnKind.TEXT, ColumnKind.ID, ColumnKind.REF)


@dataclass(frozen=True)
class Column:
    """One column of a table: its field name, the kind of value it holds (:class:`ColumnKind`), its headers.

    ``vocabulary`` names the closed list of a ``vocab`` or ``vocablist``
    column; ``default`` is the value of an empty cell of such a column.
    """

    name: str
    kind: ColumnKind = ColumnKind.TEXT
    required: bool = False
    headers: tuple[str, ...] = ()
    vocabulary: Vocabulary | None = None
    default: str = ""

    def accepts(self, header: str) -> bool:
        """True when ``header`` names this column (case and separators ignored)."""
        key = normalise_key(header)
        return key in {normalise_key(h) for h in (self.name, *self.headers)}


_SENSITIVITY = Column(
    "sensitivity",
    ColumnKind.VOCAB,
    headers=("gevoeligheid", "vertrouwelijkheid", "classification", "rubricering"),
    vocabulary=SENSITIVITY,
)
_EVIDENCE = Column(
    "evidence", ColumnKind.VOCAB, headers=("verification", "verificatie", "onderbouwing", "bewijs"), vocabulary=EVIDENCE
)

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
        Column("since", ColumnKind.DATE, headers=("start", "from date", "sinds", "vanaf", "begin")),
        Column("until", ColumnKind.DATE, headers=("end", "to date", "tot", "tot en met", "einde")),
        Column(
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
        ),
        Column(
            "last_checked",
            ColumnKind.DATE,
            headers=("checked", "last checked", "laatst gecontroleerd", "gecontroleerd", "gecontroleerd op"),
        ),
        _SENSITIVITY,
        _EVIDENCE,
        Column("notes", headers=("note", "notities", "opmerkingen", "toelichting")),
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
        Term("swimlanes", "swimlanes by stage", "banen per stap", ("lanes", "banen", "stages", "stappen")),
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

TABLE_NAMES: dict[str, tuple[str, ...]] = {
    "organisations": ("Organisations", "organizations", "organisaties", "orgs"),
    "links": ("Links", "verbindingen", "relaties", "samenwerking", "cooperation"),
    "stages": ("Stages", "fasen", "stappen", "steps"),
    "settings": ("Map", "kaart", "settings", "instellingen", "about", "over"),
    "views": ("Views", "weergaven", "presentation", "presentatie"),
}

SETTINGS: dict[str, tuple[str, ...]] = {
    "title": ("titel", "name", "naam"),
    "date": ("datum", "data date", "peildatum", "as of"),
    "source_note": ("source", "sources", "bron", "bronnen", "bronvermelding"),
    "description": ("omschrijving", "beschrijving", "about"),
    "sectors": ("extra sectors", "sectoren"),
    "kinds": ("extra kinds", "soorten", "link kinds"),
    "audience": ("default audience", "publiek", "doelgroep", "standaard publiek"),
    "partners_fields": ("partner fields", "partners fields", "velden partners", "partnervelden"),
    "restricted_fields": ("restricted fields", "vertrouwelijke velden", "interne velden"),
    "show_hidden_counts": ("hidden counts", "toon aantal verborgen", "aantal verborgen"),
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
