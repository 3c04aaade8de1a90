"""Read one cell: text, lists, dates, numbers, vocabulary values and references to other rows.

Each parser returns the clean value, or says in words what is wrong with the
cell and how to write it instead; :mod:`stakeholders.validate` adds where the
cell is.

>>> parse_date("02-11-2021"), split_list("EOKM | Offlimits"), whole_number("3.0")
('2021-11-02', ['EOKM', 'Offlimits'], 3)
>>> resolve_reference("omm", {"om"}, {"om": {"om"}}, "organisation", "map")
('', "unknown organisation 'omm' (did you mean 'om'?): use an id from the map")
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Any

from .model import Column, Vocabulary, normalise_key

__all__ = [
    "TEXT_AT_MOST",
    "cell_text",
    "check_text",
    "clean_cells",
    "parse_cell",
    "parse_date",
    "reference_index",
    "resolve_reference",
    "split_list",
    "suggest",
    "vocab_choices",
    "whole_number",
]


def cell_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "|".join(cell_text(v) for v in value)
    return str(value).strip()


def split_list(value: Any) -> list[str]:
    items = value if isinstance(value, list) else str(cell_text(value)).split("|")
    return [text for text in (cell_text(item) for item in items) if text]


_DATE_FORMATS = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"), ("d", "m", "y")),
    (re.compile(r"(\d{4})-(\d{1,2})"), ("y", "m")),
    (re.compile(r"(\d{4})"), ("y",)),
)


def parse_date(value: Any) -> str | None:
    """Normalise a date cell to ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None if it is not a date.

    Day-first numeric dates (``02-11-2021``, as Dutch Excel writes them) are read too.

    >>> parse_date("02-11-2021"), parse_date("2013-4"), parse_date(2021)
    ('2021-11-02', '2013-04', '2021')
    >>> parse_date("31-13-2021") is None
    True
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = cell_text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
        text = text[:10]
    for pattern, parts in _DATE_FORMATS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        found = dict(zip(parts, (int(g) for g in match.groups()), strict=True))
        try:
            date(found["y"], found.get("m", 1), found.get("d", 1))
        except ValueError:
            return None
        if not 1000 <= found["y"] <= 9999:
            return None
        if "d" in found:
            return f"{found['y']:04d}-{found['m']:02d}-{found['d']:02d}"
        if "m" in found:
            return f"{found['y']:04d}-{found['m']:02d}"
        return f"{found['y']:04d}"
    return None


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


def suggest(value: str, candidates: dict[str, str]) -> str:
    """' (did you mean 'x'?)' for the closest candidate key, mapped to what to write."""
    close = difflib.get_close_matches(normalise_key(value), list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{candidates[close[0]]}'?)" if close else ""


def vocab_choices(vocabulary: Vocabulary) -> dict[str, str]:
    choices = {}
    for term in vocabulary.terms:
        for name in (term.id, term.en, term.nl, *term.aliases):
            choices.setdefault(normalise_key(name), term.id)
    return choices


# --- tables ------------------------------------------------------------------------------


TEXT_AT_MOST = 10_000
"""The longest text a cell may hold, in characters."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
"""Characters that have no place in a cell: C0 and C1 controls (tab and new lines are fine), the byte order
mark, and lone surrogates (a JSON escape such as ``\\ud800`` that is half of a character and cannot be written)."""


def clean_cells(cells: list[Any]) -> bool:
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


def check_text(value: Any) -> str | None:
    """What is wrong with a text cell (or a list of texts), or None: too long, or a character that has no place in text.

    >>> check_text("ok\\ttab and\\nnew line") is None
    True
    >>> check_text("bell\\x07")
    'contains the control character U+0007: remove it (retype the text if you cannot see it)'
    >>> check_text(["ok", "half\\ud800"])
    'contains an invalid character (lone surrogate U+D800): remove it'
    """
    if isinstance(value, list):
        value = cell_text(value)
    if not isinstance(value, str):
        return None
    if len(value) > TEXT_AT_MOST:
        return f"this text has {len(value):,} characters, more than {TEXT_AT_MOST:,}: shorten it"
    found = _CONTROL.search(value)
    if found:
        code = f"U+{ord(found.group()):04X}"
        if "\ud800" <= found.group() <= "\udfff":
            return f"contains an invalid character (lone surrogate {code}): remove it"
        return f"contains the control character {code}: remove it (retype the text if you cannot see it)"
    return None


def parse_cell(column: Column, raw: Any, vocabularies: dict[str, Vocabulary]) -> tuple[Any, str | None]:
    """(value, problem message or None) for one cell of a known column."""
    empty = raw == "" or raw == []
    if column.kind in ("list", "stages"):
        return split_list(raw), None
    if column.kind == "vocablist" and column.vocabulary is not None:
        values = []
        for item in split_list(raw):
            value, message = parse_cell(Column(column.name, "vocab", vocabulary=column.vocabulary), item, vocabularies)
            if message:
                return [], message
            values.append(value)
        return values, None
    if column.vocabulary is not None:
        if empty:
            return column.default, None
        vocabulary = vocabularies.get(column.vocabulary.name, column.vocabulary)
        found = vocabulary.lookup(cell_text(raw))
        if found is None:
            what = vocabulary.name
            hint = suggest(cell_text(raw), vocab_choices(vocabulary))
            extend = f", or add it to the map's {what}s setting" if what in vocabularies else ""
            return "", f"'{cell_text(raw)}' is not a {what}{hint}: use one of {', '.join(vocabulary.ids)}{extend}"
        return found, None
    if empty:
        return (None if column.kind in ("strength", "order", "number") else ""), None
    if column.kind == "date":
        parsed = parse_date(raw)
        if parsed is None:
            return "", f"'{cell_text(raw)}' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"
        return parsed, None
    if column.kind == "strength":
        number = whole_number(raw)
        if number is None or not 1 <= number <= 5:
            return None, f"'{cell_text(raw)}' is not a strength: use a whole number from 1 to 5"
        return number, None
    if column.kind == "order":
        number = whole_number(raw)
        if number is None:
            return None, f"'{cell_text(raw)}' is not a whole number: use 1, 2, 3 … to order the stages"
        return number, None
    if column.kind == "number":
        number = whole_number(raw)
        if number is None or number < 0:
            return None, f"'{cell_text(raw)}' is not a whole number: use 0, 1, 2 …"
        return number, None
    return cell_text(raw), None


def reference_index(records: list[tuple[int, dict[str, Any]]], fields: tuple[str, ...]) -> dict[str, set[str]]:
    """normalised id/name/alias → the ids it may mean."""
    index: dict[str, set[str]] = {}
    for _, record in records:
        for name in fields:
            values = record.get(name) or []
            for value in values if isinstance(values, list) else [values]:
                if value:
                    index.setdefault(normalise_key(value), set()).add(record["id"])
    return index


def resolve_reference(
    value: str, ids: set[str], index: dict[str, set[str]], what: str, where: str
) -> tuple[str, str | None]:
    """(id, problem) for a reference written as an id, a name, a short name or an alias."""
    if value in ids:
        return value, None
    matches = index.get(normalise_key(value), set())
    if len(matches) == 1:
        return next(iter(matches)), None
    if len(matches) > 1:
        return "", f"'{value}' could mean several {what}s ({', '.join(sorted(matches))}): write the id"
    suggestions = {key: min(found) for key, found in index.items()}
    hint = suggest(value, suggestions)
    return "", f"unknown {what} '{value}'{hint}: use an id from the {where}"
