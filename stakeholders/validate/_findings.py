"""Collecting the problems of a source, each with the place a user finds it at: file, sheet, row, column."""

from __future__ import annotations

from .._template_words import SHEETS
from .._validation_words import PLACE_WORDS, THINGS, say
from ..errors import Problem
from ..schema import COLUMNS, TABLE_NAMES
from ..source import RawTable

__all__ = ["TABLE_ORDER", "THING", "Findings", "column_letter", "header_of"]

TABLE_ORDER = ("settings", "organisations", "stages", "links", "script", "barriers", "views")
"""The order in which problems are reported, table by table."""
THING = {
    "organisations": "organisation",
    "links": "link",
    "stages": "stage",
    "views": "view",
    "script": "phase",
    "barriers": "barrier",
}
"""One row of each table, in words."""


class Findings:
    """Collects problems (and warnings) with a sort key, so they come out in reading order.

    ``lang`` is the language the messages are written in (``en`` or ``nl``): :meth:`say` words one.
    """

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        self._items: list[tuple[tuple[int, int, int], Problem]] = []
        self._warnings: list[tuple[tuple[int, int, int], Problem]] = []

    def say(self, key: str, /, **values: object) -> str:
        """The message ``key`` in the findings' language (see :mod:`stakeholders._validation_words`)."""
        return say(self.lang, key, **values)

    def thing(self, role: str) -> str:
        """One row of the table ``role`` in words, in the findings' language ("organisation", "verbinding")."""
        return THINGS["nl" if self.lang == "nl" else "en"].get(THING.get(role, role), THING.get(role, role))

    def add(self, table: RawTable, row: int, column: str, message: str, *, warning: bool = False) -> None:
        """Record a problem (or, with ``warning``, a warning); within a row they sort by the column's place."""
        rank = TABLE_ORDER.index(table.role) if table.role in TABLE_ORDER else 9
        position = table.headers.index(column) if column in table.headers else -1
        places = PLACE_WORDS["nl" if self.lang == "nl" else "en"]
        sheet_word, row_word, column_word = (
            places.get(w, w) for w in (table.sheet_word, table.row_word, table.column_word)
        )
        name = table.row_names.get(row, "")
        problem = Problem(table.file, table.sheet, row, column, message, sheet_word, row_word, column_word, name)
        (self._warnings if warning else self._items).append(((rank, row, position), problem))

    def missing_table(self, file: str, role: str, found: list[str], kind: str) -> None:
        """Record that a source has no table for ``role``, naming what it has instead."""
        names = TABLE_NAMES[role]
        other = SHEETS["nl"][role] if self.lang == "nl" else names[2].capitalize()  # the other name to suggest
        if kind == "folder":
            msg = self.say("no_file", role=role, other=other.lower().replace("è", "e"))
        elif kind == "data":
            msg = self.say("no_section", role=role)
        else:
            msg = self.say("no_sheet", name=names[0], other=other)
        if found:
            msg += self.say("found_instead", found=", ".join(found))
        self._items.append(((TABLE_ORDER.index(role), 0, 0), Problem(file, "", 0, "", msg)))

    def problems(self, *, strict: bool = False) -> list[Problem]:
        """Every problem recorded, in reading order; with ``strict``, the warnings too, as problems."""
        items = self._items + self._warnings if strict else self._items
        return [problem for _, problem in sorted(items, key=lambda item: item[0])]

    def warnings(self) -> list[Problem]:
        """Every warning recorded, in reading order: what is not wrong but probably not meant."""
        return [problem for _, problem in sorted(self._warnings, key=lambda item: item[0])]


def column_letter(index: int) -> str:
    """A spreadsheet's name for the column at ``index`` (from 0).

    >>> column_letter(0), column_letter(26)
    ('A', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def header_of(table: RawTable, name: str) -> str:
    """The header the user wrote for field ``name`` (the field name when the column is absent)."""
    column = next(c for c in COLUMNS[table.role] if c.name == name)
    return next((h for h in table.headers if column.accepts(h)), name)
