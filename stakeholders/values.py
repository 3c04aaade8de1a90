"""One place where a table cell becomes a plain value, and a plain value a cell again.

Reading: :func:`cell_text` and :func:`split_list` read what a spreadsheet,
CSV, YAML or JSON cell holds, :func:`whole_number` a count, and
:func:`check_text` (:func:`clean_cells` for a whole column) finds text that
has no place in a cell. The map's tables are pandas DataFrames: :func:`plain`
turns one of their cells into plain Python (None where missing, lists of
text, Python numbers) and :func:`records` a whole table, column by column.
Writing: :func:`cell_value` is a cell for a spreadsheet or graph file (lists
``|``-joined) and :func:`neutralise` keeps a CSV cell from running as a
formula (:func:`unquote_cell` undoes it when a CSV file is read).

>>> split_list("EOKM | Offlimits"), whole_number("3.0"), cell_value(["NP", "Nationale Politie"])
(['EOKM', 'Offlimits'], 3, 'NP|Nationale Politie')
>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("'+31"), neutralise("Politie")
('\\'=HYPERLINK("http://x")', "''+31", 'Politie')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

import pandas as pd

from ._validation_words import say

__all__ = [
    "FORMULA_START",
    "TEXT_AT_MOST",
    "cell_text",
    "cell_value",
    "check_text",
    "clean_cells",
    "neutralise",
    "plain",
    "raw_records",
    "records",
    "split_list",
    "unquote_cell",
    "whole_number",
]


def cell_text(value: Any) -> str:
    """The text of a cell: dates as ISO dates, lists ``|``-joined, anything else as text, stripped.

    >>> cell_text(datetime(2021, 11, 2)), cell_text(["a", "b"]), cell_text(" x ")
    ('2021-11-02', 'a|b', 'x')
    """
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "|".join(cell_text(v) for v in value)
    return str(value).strip()


def split_list(value: Any) -> list[str]:
    """The items of a list cell: a list as it is, or text split at ``|``; empty items left out."""
    items = value if isinstance(value, list) else str(cell_text(value)).split("|")
    return [text for text in (cell_text(item) for item in items) if text]


def whole_number(value: Any) -> int | None:
    """The whole number a cell holds (``3``, ``3.0``, ``"3"``), or None; past 15 digits a number is no count.

    >>> whole_number("3.0"), whole_number(2.5), whole_number("9" * 400), whole_number(float("inf"))
    (3, None, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = int(value) if value.is_integer() else None
    if isinstance(value, int):
        return value if abs(value) < 10**15 else None
    text = cell_text(value)
    return int(text.split(".")[0]) if re.fullmatch(r"-?\d{1,15}(\.0+)?", text) else None


# --- text that has no place in a cell ----------------------------------------------------------

TEXT_AT_MOST = 10_000
"""The longest text a cell may hold, in characters."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
"""Characters that have no place in a cell: C0 and C1 controls (tab and new lines are fine), the byte order
mark, and lone surrogates (a JSON escape such as ``\\ud800`` that is half of a character and cannot be written)."""


def clean_cells(cells: Sequence[Any]) -> bool:
    """True when no text in ``cells`` is too long or holds a control character (the quick check of a column).

    Cells that are all text (a CSV column) are checked at once.

    >>> clean_cells(["a", 1, "b\\nc"]), clean_cells(["a\\x07"]), clean_cells([["a", "b\\x85c"]])
    (True, False, False)
    """
    try:
        joined = " ".join(cells)
    except TypeError:  # numbers, dates or lists among them: check the texts (a list as its cell text)
        return clean_cells(
            [cell if isinstance(cell, str) else cell_text(cell) for cell in cells if isinstance(cell, (str, list))]
        )
    if max(map(len, cells), default=0) > TEXT_AT_MOST:
        return False
    # every character _CONTROL finds is unprintable: text without tabs or new lines is clean when printable
    return joined.isprintable() or not _CONTROL.search(joined)


def check_text(value: Any, lang: str = "en") -> str | None:
    """What is wrong with a text cell (or a list of texts), or None: too long, or a character that has no place in text.

    The problem is written in ``lang`` (English unless ``nl``).

    >>> check_text("ok\\ttab and\\nnew line") is None
    True
    >>> check_text("bell\\x07")
    'contains the control character U+0007: remove it (retype the text if you cannot see it)'
    >>> check_text(["ok", "half\\ud800"])
    'contains an invalid character (lone surrogate U+D800): remove it'
    >>> check_text("bell\\x07", "nl")
    'bevat het stuurteken U+0007: verwijder het (typ de tekst opnieuw als u het niet ziet)'
    """
    if isinstance(value, list):
        value = cell_text(value)
    if not isinstance(value, str):
        return None
    if len(value) > TEXT_AT_MOST:
        length, most = f"{len(value):,}", f"{TEXT_AT_MOST:,}"
        if lang == "nl":
            length, most = length.replace(",", "."), most.replace(",", ".")
        return say(lang, "too_long", length=length, most=most)
    found = _CONTROL.search(value)
    if found:
        code = f"U+{ord(found.group()):04X}"
        if "\ud800" <= found.group() <= "\udfff":
            return say(lang, "lone_surrogate", code=code)
        return say(lang, "control_character", code=code)
    return None


# --- the map's tables as plain values ----------------------------------------------------------


def plain(value: Any) -> Any:
    """A table cell as a plain Python value: None when missing, lists of text, Python numbers.

    >>> plain(float("nan")) is None, plain(pd.NA) is None, plain(["a"]), type(plain(pd.array([3])[0]))
    (True, True, ['a'], <class 'int'>)
    """
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # a numpy number
    try:
        if value != value:  # NaN, NaT
            return None
    except TypeError:  # a missing marker that cannot be compared
        return None
    return value


def raw_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a table as dicts of the cells pandas holds (numpy scalars, NA kept); see :func:`records`.

    >>> raw_records(pd.DataFrame({"id": ["om"], "n": [2]}))
    [{'id': 'om', 'n': 2}]
    """
    return cast(list[dict[str, Any]], frame.to_dict("records"))


def records(frame: pd.DataFrame, *, drop_empty: bool = False) -> list[dict[str, Any]]:
    """The rows of a table as dicts of plain values (see :func:`plain`), every column, in the table's order.

    With ``drop_empty``, a field that is None, empty text or an empty list is left out of its row.
    Converted column by column: fast for large tables.

    >>> frame = pd.DataFrame({"id": ["om"], "url": [""], "tags": [[]], "count": pd.array([0], dtype="Int64")})
    >>> records(frame), records(frame, drop_empty=True)
    ([{'id': 'om', 'url': '', 'tags': [], 'count': 0}], [{'id': 'om', 'count': 0}])
    """
    rows: list[dict[str, Any]] = [{} for _ in range(len(frame))]
    for name in frame.columns:
        column: Any = frame[name]  # pandas-stubs know no na_value=None
        cells = column.to_numpy(dtype=object, na_value=None).tolist()
        for row, cell in zip(rows, cells, strict=True):
            kind = type(cell)
            value = cell if kind is str or kind is int else plain(cell)
            if drop_empty and (value is None or value == "" or value == []):
                continue
            row[name] = value
    return rows


# --- cells for spreadsheets and graph files ------------------------------------------------------


def cell_value(value: Any) -> Any:
    """A table cell for a spreadsheet or a graph file: lists ``|``-joined, missing as None.

    >>> cell_value(["NP", "Nationale Politie"]), cell_value(None)
    ('NP|Nationale Politie', None)
    """
    value = plain(value)
    return "|".join(value) if isinstance(value, list) else value


FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
"""Text a spreadsheet program could run as a formula (after any apostrophes an export put before it)."""


def neutralise(text: str) -> str:
    """Text for a CSV cell that no spreadsheet program runs as a formula: an apostrophe before such text.

    Text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    (after any apostrophes) gets a leading apostrophe; :func:`unquote_cell` takes it off again.
    """
    return "'" + text if FORMULA_START.match(text) else text


def unquote_cell(text: str) -> str:
    """Drop the apostrophe an export puts before text that a spreadsheet could run as a formula.

    Only one apostrophe goes, and only before ``=``, ``+``, ``-``, ``@``, tab or
    carriage return (see :func:`neutralise`).

    >>> unquote_cell("'=SUM(A1)"), unquote_cell("''+31"), unquote_cell("'s-Hertogenbosch")
    ('=SUM(A1)', "'+31", "'s-Hertogenbosch")
    """
    return text[1:] if text.startswith("'") and FORMULA_START.match(text) else text
