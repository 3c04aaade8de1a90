"""One cell of a known column: its value, or what is wrong with it and how to write it instead.

>>> from stakeholders.schema import COLUMNS
>>> strength = next(c for c in COLUMNS["links"] if c.name == "strength")
>>> parse_cell(strength, "3.0", {}), parse_cell(strength, "9", {})
((3, None), (None, "'9' is not a strength: use a whole number from 1 to 5"))
"""

from __future__ import annotations

from typing import Any

from .._validation_words import THINGS, VOCABULARY_NAMES, say
from ..dates import not_a_date, parse_date
from ..schema import Column, ColumnKind, Vocabulary
from ..values import cell_text, split_list, whole_number
from .references import closest

__all__ = ["parse_cell"]


def parse_cell(
    column: Column, raw: Any, vocabularies: dict[str, Vocabulary], ordered: str = "stages", lang: str = "en"
) -> tuple[Any, str | None]:
    """(value, problem message or None) for one cell of a known column, the message in ``lang``.

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
            value, message = parse_cell(single, item, vocabularies, lang=lang)
            if message:
                return [], message
            values.append(value)
        return values, None
    if column.vocabulary is not None:
        if empty:
            return column.default, None
        return _vocabulary_value(vocabularies.get(column.vocabulary.name, column.vocabulary), raw, vocabularies, lang)
    if empty:
        return (None if column.kind.is_number else ""), None
    if column.kind == ColumnKind.DATE:
        parsed = parse_date(raw)
        if parsed is None:
            return "", not_a_date(raw, lang)
        return parsed, None
    if column.kind.is_number:
        return _number_value(column.kind, raw, ordered, lang)
    return cell_text(raw), None


def _vocabulary_value(
    vocabulary: Vocabulary, raw: Any, vocabularies: dict[str, Vocabulary], lang: str = "en"
) -> tuple[str, str | None]:
    """The term of ``vocabulary`` a cell names, or the problem with a suggestion, in ``lang``.

    The suggestion is the closest of every way to write a term (English and
    Dutch, short forms too), as written; the allowed values are the ids in
    English and the Dutch labels in Dutch.
    """
    found = vocabulary.lookup(cell_text(raw))
    if found is not None:
        return found, None
    names = VOCABULARY_NAMES.get(lang, {})
    what = vocabulary.name
    close = closest(cell_text(raw), vocabulary.names_by_key)
    hint = say(lang, "did_you_mean", name=close) if close else ""
    extend = say(lang, "extend", whats=names.get(f"{what}s", f"{what}s")) if what in vocabularies else ""
    allowed = ", ".join(vocabulary.labels(lang)) if lang == "nl" else ", ".join(vocabulary.ids)
    value = cell_text(raw)
    return "", say(
        lang, "not_a_term", value=value, what=names.get(what, what), hint=hint, allowed=allowed, extend=extend
    )


def _number_value(kind: ColumnKind, raw: Any, ordered: str, lang: str = "en") -> tuple[int | None, str | None]:
    """A whole-number cell: a strength from 1 to 5, a score from 1 to 4, the order of stages or phases
    (``ordered``), or a count from 0."""
    number = whole_number(raw)
    value = cell_text(raw)
    if kind == ColumnKind.STRENGTH:
        if number is None or not 1 <= number <= 5:
            return None, say(lang, "not_a_strength", value=value)
    elif kind == ColumnKind.SCORE:
        if number is None or not 1 <= number <= 4:
            return None, say(lang, "not_a_score", value=value)
    elif kind == ColumnKind.INFLUENCE:
        if number is None or not 0 <= number <= 10:
            return None, say(lang, "not_an_influence", value=value)
    elif kind == ColumnKind.ORDER:
        if number is None:
            whats = THINGS["nl" if lang == "nl" else "en"].get(ordered, ordered)
            return None, say(lang, "not_an_order", value=value, ordered=whats)
    elif number is None or number < 0:
        return None, say(lang, "not_a_count", value=value)
    return number, None
