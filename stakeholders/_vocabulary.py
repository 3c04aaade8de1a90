"""How a closed list and a column are described and matched: the building blocks of :mod:`stakeholders.schema`.

A :class:`Vocabulary` is a closed list of :class:`Term` values, matched
leniently (:func:`normalise_key`: case, accents and separators do not
matter); a :class:`Column` is one column of a table, with the headers that
name it and the :class:`ColumnKind` of value it holds. :mod:`stakeholders.schema`
offers these names and says, with them, what a source may hold.

>>> levels = Vocabulary("level", (Term("policy", "policy", "beleid", ("strategic",)),))
>>> levels.lookup("Strategic"), Column("naam", headers=("Name",)).accepts("NAME")
('policy', True)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

__all__ = ["Column", "ColumnKind", "Term", "Vocabulary", "normalise_key"]


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

        >>> levels = Vocabulary("level", (Term("policy", "policy", "beleid"),))
        >>> levels.lookup("Beleid")
        'policy'
        >>> levels.lookup("maybe") is None
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

    @cached_property
    def names_by_key(self) -> dict[str, str]:
        """Every folded name → the name as written (id, English and Dutch labels, aliases): what a hint may offer.

        >>> Vocabulary("level", (Term("policy", "policy", "beleid"),)).names_by_key["beleid"]
        'beleid'
        """
        names: dict[str, str] = {}
        for term in self.terms:
            for name in (term.id, term.en, term.nl, *term.aliases):
                names.setdefault(normalise_key(name), name)
        return names

    def labels(self, lang: str = "en") -> tuple[str, ...]:
        """The labels of the terms in ``lang``, in display order: what a person picks from.

        >>> Vocabulary("level", (Term("policy", "policy", "beleid"),)).labels("nl")
        ('beleid',)
        """
        return tuple(term.nl if lang == "nl" else term.en for term in self.terms)

    def label(self, term_id: str, lang: str = "en") -> str:
        """The label of a term in ``lang`` (``en`` or ``nl``); unknown ids come back as given.

        >>> Vocabulary("level", (Term("policy", "policy", "beleid"),)).label("policy", "nl")
        'beleid'
        """
        for term in self.terms:
            if term.id == term_id:
                return term.nl if lang == "nl" else term.en
        return term_id

    def extended(self, extra: tuple[str, ...]) -> Vocabulary:
        """This vocabulary with terms a map adds: the id is the folded name, the label as written.

        >>> Vocabulary("sector", ()).extended(("Faith groups",)).lookup("faith groups")
        'faith-groups'
        """
        added: list[Term] = []
        for value in extra:
            if self.lookup(value) is None and normalise_key(value) not in {t.id for t in added}:
                added.append(Term(normalise_key(value), value, value))
        return Vocabulary(self.name, self.terms + tuple(added))


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
    PHASES = "phases"
    """A list of phase ids (or names) of the map's script."""
    REFS = "refs"
    """Several organisations' ids (or names, short names or aliases)."""
    DATE = "date"
    """A day, a month or a year."""
    STRENGTH = "strength"
    """A whole number from 1 to 5."""
    SCORE = "score"
    """A whole number from 1 to 4, as the PARTNER survey scores trust and value."""
    INFLUENCE = "influence"
    """A whole number from 0 to 10: Net-Map's influence tower."""
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
        return self in (ColumnKind.LIST, ColumnKind.STAGES, ColumnKind.PHASES, ColumnKind.REFS, ColumnKind.VOCABLIST)

    @property
    def is_number(self) -> bool:
        """Whether the value is a whole number (or None when the cell is empty)."""
        return self in (
            ColumnKind.STRENGTH,
            ColumnKind.SCORE,
            ColumnKind.INFLUENCE,
            ColumnKind.ORDER,
            ColumnKind.NUMBER,
        )

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
