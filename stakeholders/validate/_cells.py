"""One cell of a known column: its value, or what is wrong with it and how to write it instead.

>>> from stakeholders.schema import COLUMNS
>>> strength = next(c for c in COLUMNS["links"] if c.name == "strength")
>>> parse_cell(strength, "3.0", {}), parse_cell(strength, "9", {})
((3, None), (None, "'9' is not a strength: use a whole number from 1 to 5"))
"""

from __future__ import annotations

from typing import Any

from ..dates import parse_date
from ..schema import Column, ColumnKind, Vocabulary
from ..values import cell_text, split_list, whole_number
from .references import suggest

__all__ = ["parse_cell"]


def parse_cell(
    column: Column, raw: Any, vocabularies: dict[str, Vocabulary], ordered: str = "stages"
) -> tuple[Any, str | None]:
    """(value, problem message or None) for one cell of a known column.

    ``vocabularies`` holds the map's own sectors, kinds and techniques (its
    extra terms included) by vocabulary name; other columns use their own
    vocabulary. ``ordered`` names what an ``order`` column orders (stages, phases).
    """
    empty = raw == "" or raw == []
    if column.kind in (ColumnKind.LIST, ColumnKind.STAGES, ColumnKind.PHASES, ColumnKind.REFS):
        return split_list(raw), None
    if column.kind == ColumnKind.VOCABLIST and column.vocabulary is not None:
        values = []
        for item in split_list(raw):
            single = Column(column.name, ColumnKind.VOCAB, vocabulary=column.vocabulary)
            value, message = parse_cell(single, item, vocabularies)
            if message:
                return [], message
            values.append(value)
        return values, None
    if column.vocabulary is not None:
        if empty:
            return column.default, None
        return _vocabulary_value(vocabularies.get(column.vocabulary.name, column.vocabulary), raw, vocabularies)
    if empty:
        return (None if column.kind.is_number else ""), None
    if column.kind == ColumnKind.DATE:
        parsed = parse_date(raw)
        if parsed is None:
            return "", f"'{cell_text(raw)}' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"
        return parsed, None
    if column.kind.is_number:
        return _number_value(column.kind, raw, ordered)
    return cell_text(raw), None


def _vocabulary_value(vocabulary: Vocabulary, raw: Any, vocabularies: dict[str, Vocabulary]) -> tuple[str, str | None]:
    """The term of ``vocabulary`` a cell names, or the problem with a suggestion."""
    found = vocabulary.lookup(cell_text(raw))
    if found is not None:
        return found, None
    what = vocabulary.name
    hint = suggest(cell_text(raw), vocabulary.ids_by_key)
    extend = f", or add it to the map's {what}s setting" if what in vocabularies else ""
    return "", f"'{cell_text(raw)}' is not a {what}{hint}: use one of {', '.join(vocabulary.ids)}{extend}"


def _number_value(kind: ColumnKind, raw: Any, ordered: str) -> tuple[int | None, str | None]:
    """A whole-number cell: a strength from 1 to 5, the order of stages or phases (``ordered``), or a count from 0."""
    number = whole_number(raw)
    if kind == ColumnKind.STRENGTH:
        if number is None or not 1 <= number <= 5:
            return None, f"'{cell_text(raw)}' is not a strength: use a whole number from 1 to 5"
    elif kind == ColumnKind.INFLUENCE:
        if number is None or not 0 <= number <= 10:
            return None, f"'{cell_text(raw)}' is not an influence: use a whole number from 0 to 10"
    elif kind == ColumnKind.ORDER:
        if number is None:
            return None, f"'{cell_text(raw)}' is not a whole number: use 1, 2, 3 … to order the {ordered}"
    elif number is None or number < 0:
        return None, f"'{cell_text(raw)}' is not a whole number: use 0, 1, 2 …"
    return number, None
