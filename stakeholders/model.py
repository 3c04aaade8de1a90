"""The vocabulary users write in their spreadsheets, and the map record.

Everything a source may contain is described here once: the tables, their
columns (with the English and Dutch headers we accept), the closed
vocabularies (sector, level, kind, direction, status, sensitivity, evidence)
and the default stages of the approach. Reading, validating, drawing and
explaining a map all look things up here, so a new column or value is added in
one place.

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
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
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
    "STATUSES",
    "TABLE_NAMES",
    "Column",
    "MapSettings",
    "StakeholderMap",
    "Term",
    "Undated",
    "Vocabulary",
    "column_for",
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
        return self._ids_by_key.get(normalise_key(value))

    @cached_property
    def _ids_by_key(self) -> dict[str, str]:
        """Every folded name → its term's id (the first term wins), built once: lookups are per cell."""
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


@dataclass(frozen=True)
class Column:
    """One column of a table: its field name, accepted headers and value type.

    ``kind`` is one of ``id``, ``ref`` (an organisation id), ``text``,
    ``list`` (``|``-separated), ``stages`` (a list of stage ids), ``date``,
    ``strength`` (1-5), ``order`` or ``number`` (a whole number), ``vocab``
    or ``vocablist`` (one or several values of the closed list that
    ``vocabulary`` names).
    """

    name: str
    kind: str = "text"
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
    "vocab",
    headers=("gevoeligheid", "vertrouwelijkheid", "classification", "rubricering"),
    vocabulary=SENSITIVITY,
)
_EVIDENCE = Column(
    "evidence", "vocab", headers=("verification", "verificatie", "onderbouwing", "bewijs"), vocabulary=EVIDENCE
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "organisations": (
        Column("id", "id", required=True, headers=("code", "key", "sleutel")),
        Column("name", required=True, headers=("naam", "organisation", "organisatie", "organization", "label")),
        Column("short_name", headers=("acronym", "abbreviation", "afkorting", "korte naam", "kortenaam")),
        Column(
            "aliases", "list", headers=("alias", "also known as", "aka", "aliassen", "ook bekend als", "andere namen")
        ),
        Column("sector", "vocab", headers=("sectoren",), vocabulary=SECTORS),
        Column("level", "vocab", headers=("niveau",), vocabulary=LEVELS),
        Column("country", headers=("scope", "land", "reikwijdte", "werkgebied")),
        Column("stages", "stages", headers=("stage", "steps", "fasen", "fase", "stappen", "stap")),
        Column("description", headers=("omschrijving", "beschrijving", "rol", "role")),
        Column("url", headers=("website", "web", "site")),
        Column("tags", "list", headers=("tag", "labels", "trefwoorden")),
        Column("since", "date", headers=("start", "from date", "founded", "sinds", "vanaf", "begin", "opgericht")),
        Column("until", "date", headers=("end", "to date", "ended", "tot", "tot en met", "einde", "opgeheven")),
        _SENSITIVITY,
        _EVIDENCE,
    ),
    "links": (
        Column("id", "id", headers=("link id", "code")),
        Column("source", "ref", required=True, headers=("from", "bron", "van")),
        Column("target", "ref", required=True, headers=("to", "doel", "naar")),
        Column("kind", "vocab", headers=("type", "soort", "relation", "relatie", "aard"), vocabulary=LINK_KINDS),
        Column("direction", "vocab", headers=("richting",), vocabulary=DIRECTIONS, default="directed"),
        Column("status", "vocab", headers=("stand",), vocabulary=STATUSES, default="active"),
        Column("strength", "strength", headers=("weight", "sterkte", "gewicht", "intensiteit")),
        Column("basis", headers=("legal basis", "grondslag", "juridische basis")),
        Column("since", "date", headers=("start", "from date", "sinds", "vanaf", "begin")),
        Column("until", "date", headers=("end", "to date", "tot", "tot en met", "einde")),
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
            "date",
            headers=("checked", "last checked", "laatst gecontroleerd", "gecontroleerd", "gecontroleerd op"),
        ),
        _SENSITIVITY,
        _EVIDENCE,
        Column("notes", headers=("note", "notities", "opmerkingen", "toelichting")),
    ),
    "stages": (
        Column("id", "id", required=True, headers=("code", "key", "sleutel")),
        Column("name", required=True, headers=("naam", "stage", "fase", "stap")),
        Column("order", "order", headers=("volgorde", "rank", "nr")),
        Column("description", headers=("omschrijving", "beschrijving")),
        Column(
            "hands_over_to",
            "stages",
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
    Column("name", "id", required=True, headers=("view", "weergave", "naam", "id")),
    Column("title", headers=("titel", "heading", "kop")),
    Column("note", headers=("notes", "speaker notes", "notitie", "notities", "toelichting", "sprekersnotities")),
    Column("step", "number", headers=("slide", "dia", "stap", "presentation", "presentatie")),
    Column("sector", "vocablist", headers=("sectors", "sectoren"), vocabulary=SECTORS),
    Column("level", "vocablist", headers=("levels", "niveau", "niveaus"), vocabulary=LEVELS),
    Column("country", "list", headers=("countries", "land", "landen")),
    Column("stage", "stages", headers=("stages", "fase", "fasen")),
    Column("kind", "vocablist", headers=("kinds", "soort", "soorten"), vocabulary=LINK_KINDS),
    Column("status", "vocablist", headers=("statuses", "stand"), vocabulary=STATUSES),
    Column("tags", "list", headers=("tag", "labels", "trefwoorden")),
    Column("focus", "ref", headers=("centre", "center", "rond", "focus op")),
    Column("depth", "number", headers=("steps out", "diepte", "stappen")),
    Column("highlight_stage", "stages", headers=("highlight", "markeer stap", "uitgelichte stap")),
    Column("colour_by", headers=("color by", "colour", "kleur", "kleur naar")),
    Column("size_by", headers=("size", "grootte", "grootte naar")),
    Column("layout", "vocab", headers=("indeling", "opmaak"), vocabulary=LAYOUTS, default="force"),
)
"""A view: a named selection and styling of the map; views with a ``step`` make the presentation."""

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


@dataclass(frozen=True)
class MapSettings:
    """What a map says about itself: title, date of the data, source note, and who may see what.

    ``audience`` is the audience outputs are made for when none is asked for
    (``public`` unless the source says otherwise); ``partners_fields`` and
    ``restricted_fields`` name whole columns only partners, or only internal
    readers, may see; ``show_hidden_counts`` lets a page say how many
    organisations and links an audience does not see.
    """

    title: str = "Cooperation map"
    date: str = ""
    source_note: str = ""
    description: str = ""
    sectors: Vocabulary = SECTORS
    kinds: Vocabulary = LINK_KINDS
    audience: str = "public"
    partners_fields: tuple[str, ...] = ()
    restricted_fields: tuple[str, ...] = ()
    show_hidden_counts: bool = False


@dataclass(frozen=True)
class Undated:
    """What a map taken as of a date did with the organisations and links that have no dates.

    A row has no dates when it has neither ``since`` nor ``until``; such rows
    count as present at every date. ``shown`` says whether they stay on the
    map (the default) or were left out (``undated="hide"``). ``organisations``
    and ``links`` are their ids, in table order: those on the map when shown,
    those left out when not. A link's own dates decide, whatever its
    organisations' dates say. ``links_taken`` are the dated links left out
    with an organisation that has no dates (only when they are left out).

    >>> record = Undated(shown=False, organisations=("a",), links=("L1", "L2"), links_taken=("L3",))
    >>> len(record.organisations), len(record.links), len(record.links_taken)
    (1, 2, 1)
    """

    shown: bool = True
    organisations: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    links_taken: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class StakeholderMap:
    """A validated map: its tables, its settings and its networkx graph.

    ``organisations``, ``links`` and ``stages`` are pandas DataFrames with one
    row per record and one column per field (custom columns included);
    ``graph`` is a :class:`networkx.MultiDiGraph` built from them and the
    settings when first asked for (drawing a map does not need it). Build one
    with :func:`stakeholders.load_map`. ``audience`` says who the map is fit
    for (see :mod:`stakeholders.audience`) and ``hidden`` how many
    organisations and links were left out for that audience. ``undated`` is
    set on a map taken as of a date (see :func:`stakeholders.timeline.as_of`):
    what became of its organisations and links that have no dates.
    """

    organisations: pd.DataFrame
    links: pd.DataFrame
    stages: pd.DataFrame
    settings: MapSettings
    source: str = ""
    custom_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    views: pd.DataFrame | None = None
    audience: str = "internal"
    hidden: dict[str, int] = field(default_factory=dict)
    undated: Undated | None = None

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The map's graph (see :func:`stakeholders.graph.build_graph`), built once, when first asked for.

        Its attributes are the map's ``title``, ``date``, ``source_note`` and ``description``.
        """
        from .graph import build_graph

        s = self.settings
        attributes = {"title": s.title, "date": s.date, "source_note": s.source_note, "description": s.description}
        return build_graph(self.organisations, self.links, attributes)

    def __repr__(self) -> str:
        return (
            f"<StakeholderMap {self.settings.title!r}: {len(self.organisations)} organisations, "
            f"{len(self.links)} links, {len(self.stages)} stages>"
        )

    def to_html(self, **options: Any) -> str:
        """The interactive map as one self-contained HTML page (see ``render.to_html``)."""
        from .render import to_html

        return to_html(self, **options)

    def _repr_html_(self) -> str:
        """Show the map inline in Jupyter, in a sandboxed frame."""
        from .render import to_notebook_html

        return to_notebook_html(self)
