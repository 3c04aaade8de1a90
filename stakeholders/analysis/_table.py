"""The table model of the analysis: :class:`Table`, its :class:`Column` and :class:`Cell`, and the :class:`Wording`
a table is written in. :mod:`stakeholders.analysis.tables` builds the tables; see there who reads what.

>>> columns = [Column("id", shown_to="programs"), Column("name", "Organisation")]
>>> rows = [[Cell("om", ""), Cell("Openbaar Ministerie", "OM")], [Cell("nr", ""), Cell("Nationaal Rapporteur", "NR")]]
>>> t = Table("t", "Links", columns, rows, limit=1)
>>> [c.id for c in t.program_columns], t.program_rows
(['id', 'name'], (('om', 'Openbaar Ministerie'), ('nr', 'Nationaal Rapporteur')))
>>> [c.label for c in t.people_columns], [[cell.text for cell in row] for row in t.people_rows], t.cut
(['Organisation'], [['OM']], 2)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..i18n import words
from ..model import StakeholderMap
from ..naming import barrier_names, org_labels, phase_names, stage_names

__all__ = ["Cell", "Column", "Table", "Wording"]


# --- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column: ``id`` heads it for programs (the CSV header, in every language), ``label`` for people."""

    id: str
    label: str = ""
    numeric: bool = False
    """A number: aligned right."""
    shown_to: Literal["all", "people", "programs"] = "all"


@dataclass(slots=True)
class Cell:
    """One cell: its ``value`` for programs and its ``text`` for people, with hints for how people see it.

    A plain record with slots (a large map has hundreds of thousands of cells).

    >>> Cell(["om", "politie"], "OM, Politie").value
    ['om', 'politie']
    """

    value: Any
    """An id, a number, text, or a list of ids (CSV joins a list with ``|``); None for nothing."""
    text: str
    note: str = ""
    """A remark read after the text, in brackets: ``97 current links (of 149 links)``."""
    mark: str = ""
    """How it stands, which the report colours: a count in a heat map is ``none``, ``one`` or ``many``;
    something that should be held is a ``gap``, ``fragile`` or ``covered``."""
    bar: int | None = None
    """A bar drawn before the text, as long as this share (0–100) of a full bar."""


@dataclass(frozen=True)
class Table:
    """One table of the analysis, in one language; see the module docstring for who reads what."""

    id: str
    """Its name for ``--table`` and in the JSON: lowercase words joined by ``-``."""
    title: str
    """The heading; "" for a table that goes on under the one before it."""
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]
    """Each row has a cell for every column."""
    note: str = ""
    """A sentence or two under the heading: what the table shows."""
    empty: str = ""
    """What people read when there are no rows; with "" an empty table is left out."""
    section: str = ""
    """The report section it belongs to (its id; "" is the table's own id). A table that joins the section of the
    one before it gets a smaller heading."""
    limit: int | None = None
    """People see the first ``limit`` rows (all when None); programs get every row."""
    total: int | None = None
    """How many such things there are in all, when that is more than the rows (missing cooperation)."""
    form: Literal["table", "figures", "facts", "list"] = "table"
    """How people see it: a ``table``; ``figures`` (a value, then words); ``facts`` (a label, then a value);
    a ``list`` (one item a line)."""
    row_header: bool = False
    """The first column people see names the row (a stage, a figure)."""
    wide: bool = False
    """Many columns: people may have to scroll it sideways (the report lets the keyboard reach it to do so)."""

    def _shown(self, reader: str) -> list[int]:
        return [i for i, column in enumerate(self.columns) if column.shown_to in ("all", reader)]

    @property
    def people_columns(self) -> tuple[Column, ...]:
        """The columns people see, in order."""
        return tuple(self.columns[i] for i in self._shown("people"))

    @property
    def people_rows(self) -> tuple[tuple[Cell, ...], ...]:
        """The rows people see (the first ``limit``), with the cells of :attr:`people_columns`."""
        shown = self._shown("people")
        rows = self.rows if self.limit is None else self.rows[: self.limit]
        return tuple(tuple(row[i] for i in shown) for row in rows)

    @property
    def program_columns(self) -> tuple[Column, ...]:
        """The columns programs get, in order."""
        return tuple(self.columns[i] for i in self._shown("programs"))

    @property
    def program_rows(self) -> tuple[tuple[Any, ...], ...]:
        """Every row as the values of :attr:`program_columns`."""
        shown = self._shown("programs")
        return tuple(tuple(row[i].value for i in shown) for row in self.rows)

    @property
    def for_people(self) -> bool:
        """Whether people see it at all: a column for them, and rows or an empty text."""
        return bool(self.people_columns) and bool(self.rows or self.empty)

    @property
    def cut(self) -> int | None:
        """How many there are in all when people see fewer (``limit`` of them), else None."""
        total = self.total if self.total is not None else len(self.rows)
        return total if self.limit is not None and self.limit < total else None


# --- the words of one table set -----------------------------------------------------------------


@dataclass(frozen=True)
class Wording:
    """What a table needs to speak: the words of one language and the names the map gives things in it.

    Made by :meth:`of`.
    """

    map: StakeholderMap
    language: Literal["en", "nl"]
    """The language of the words."""
    w: dict[str, str]
    """The words (:func:`stakeholders.i18n.words`)."""
    org_names: dict[str, str]
    stage_names: dict[str, str]
    phase_names: dict[str, str] = field(default_factory=dict)
    barrier_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, m: StakeholderMap, lang: str | None = None) -> Wording:
        """The words of ``lang`` (English unless ``nl``) and, when ``lang`` is given, the names organisations and
        stages have in it (:mod:`stakeholders.naming`); without, the names as written."""
        language: Literal["en", "nl"] = "nl" if lang == "nl" else "en"
        names = (org_labels(m, lang), stage_names(m, lang), phase_names(m, lang), barrier_names(m, lang))
        return cls(m, language, words(language), *names)

    def org(self, org_id: str) -> str:
        """An organisation's label."""
        return self.org_names.get(org_id, org_id)

    def orgs(self, org_ids: Iterable[str]) -> str:
        """Organisations' labels, joined by commas."""
        return ", ".join(self.org(org) for org in org_ids)

    def pair(self, a: str, b: str) -> str:
        """Two organisations: ``Politie – OM``."""
        return f"{self.org(a)} – {self.org(b)}"

    def stage(self, stage_id: str) -> str:
        """A stage's name."""
        return self.stage_names.get(stage_id, stage_id)

    def phase(self, phase_id: str) -> str:
        """A phase's name (of the offending process)."""
        return self.phase_names.get(phase_id, phase_id)

    def phases(self, phase_ids: Iterable[str]) -> str:
        """Phases' names, joined by commas."""
        return ", ".join(self.phase(p) for p in phase_ids)

    def barrier(self, barrier_id: str) -> str:
        """A barrier's name."""
        return self.barrier_names.get(barrier_id, barrier_id)

    def sector(self, sector_id: str) -> str:
        """A sector's label; "—" for none."""
        return self.map.settings.sectors.label(sector_id, self.language) if sector_id else "—"

    def number(self, n: int) -> str:
        """A count with thousands marked as the language does: 1,021 or 1.021."""
        return f"{n:,}".replace(",", "." if self.language == "nl" else ",")
