"""The rows of one table, column by column: which column holds which field, and each cell's value.

Headers are matched to fields (English or Dutch, any case; see
:mod:`stakeholders.schema`); every column is checked for text that has no
place in a cell and parsed as a whole (a column of text at once, each
distinct text once); the problems are reported in reading order, as if the
table were read cell by cell.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

import pandas as pd

from .._template_words import HEADERS
from .._validation_words import THINGS, say
from ..schema import COLUMNS, Column, ColumnKind, Vocabulary, normalise_key
from ..source import RawTable
from ..values import cell_text, check_text, clean_cells
from ._cells import parse_cell
from ._findings import THING, Findings, column_letter, header_of
from .references import Rows

__all__ = ["KNOWN_PHRASES", "check_unique", "close_column", "map_headers", "read_records", "to_frame"]


def map_headers(table: RawTable, role: str, findings: Findings) -> tuple[dict[str, int], dict[str, int]]:
    """Which cell index holds each known field and each custom column.

    A table with neither a header nor rows (an empty sheet or CSV file, ``links: []``) is an empty table.
    A custom header that looks like one of ours is kept, with a warning (see :func:`close_column`).
    """
    known: dict[str, int] = {}
    custom: dict[str, int] = {}
    if not table.headers and not table.rows:
        return known, custom
    for index, header in enumerate(table.headers):
        place = column_letter(index) if table.row_word == "row" else str(index + 1)
        if header == "":
            if any(index < len(cells) and cells[index] not in ("", []) for _, cells in table.rows):
                findings.add(table, 1, place, findings.say("no_header"))
            continue
        problem = check_text(header, findings.lang)
        if problem:
            findings.add(table, 1, place, findings.say("this_header", problem=problem))
            continue
        column = next((c for c in COLUMNS[role] if c.accepts(header) or table.fields.get(header) == c.name), None)
        if column is not None:
            if column.name in known:
                first = table.headers[known[column.name]]
                findings.add(
                    table, 1, header, findings.say("both_mean", first=first, header=header, column=column.name)
                )
            else:
                known[column.name] = index
        elif header in custom:
            findings.add(table, 1, header, findings.say("twice", header=header))
        else:
            custom[header] = index
    for column in COLUMNS[role]:
        if column.required and column.name not in known:
            accepted = ", ".join((column.name, *column.headers))
            findings.add(table, 1, "", findings.say("missing_column", column=column.name, accepted=accepted))
    if table.row_word == "row":  # headers a person typed (a graph file's or Kumu's attributes are not ours to judge)
        for header in custom:
            close = close_column(header, role, set(known))
            if close is not None:
                shown = HEADERS[findings.lang if findings.lang == "nl" else "en"].get(role, {}).get(close.name)
                shown = shown or close.name
                others = [h for h in (close.name, *close.headers) if " " not in h and h != shown][:2]
                hint = findings.say("or_headers", headers=", ".join(others)) if others else ""
                message = findings.say("close_header", header=header, column=shown, others=hint)
                findings.add(table, 1, header, message, warning=True)
    return known, custom


KNOWN_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "links": {
        "kind": ("verbinding", "samenwerking", "relatie", "link", "cooperation", "connection", "relationship"),
        "since": ("datum", "date"),
        "until": ("datum", "date"),
        "last_checked": ("datum", "date"),
    },
    "organisations": {"since": ("datum", "date"), "until": ("datum", "date")},
}
"""Words that, with a word that names one of our columns, make a phrase for it ("soort verbinding": kind)."""


def close_column(header: str, role: str, present: set[str]) -> Column | None:
    """The column of ``role`` a custom ``header`` probably means, among those the table does not have; else None.

    A header is close when it is spelled nearly as one of the column's headers
    (``sectr``, ``richtng``), or when one of its words is one of them and the
    others only say what it is about (``soort verbinding``, ``type samenwerking``,
    ``link type``: the link's kind).

    >>> close_column("soort verbinding", "links", {"source", "target"}).name
    'kind'
    >>> close_column("Sectr", "organisations", {"id", "name"}).name
    'sector'
    >>> close_column("contact person", "organisations", {"id", "name"}) is None
    True
    """
    key = normalise_key(header)
    words = set(key.split("-"))
    candidates = [c for c in COLUMNS[role] if c.name not in present]
    names = {normalise_key(h): c for c in candidates for h in (c.name, *c.headers)}
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.8)
    if close and len(key) >= 4:
        return names[close[0]]
    for column in candidates:
        phrase_words = set(KNOWN_PHRASES.get(role, {}).get(column.name, ()))
        own = {normalise_key(h) for h in (column.name, *column.headers) if " " not in h and len(h) >= 4}
        if words & own and len(words) > 1 and words - own <= phrase_words | _FILLERS:
            return column
    return None


_FILLERS = {"de", "het", "van", "the", "of", "een", "a", "an", "naar"}
"""Words that say nothing about which column is meant."""


def read_records(
    table: RawTable, role: str, vocabularies: dict[str, Vocabulary], findings: Findings
) -> tuple[Rows, list[str]]:
    """The rows of ``table`` as (row number, record), column by column, and the custom columns kept.

    Each column is checked and parsed as a whole (see :func:`_column_values`); problems are reported in
    reading order, row by row, as if read cell by cell.
    """
    known, custom = map_headers(table, role, findings)
    rows = list(table.rows)
    cells_by_column = _table_columns(rows, len(table.headers))
    pending: list[tuple[tuple[int, int, int, int], str, str]] = []  # (reading order, header, message)
    refused: dict[int, set[int]] = {}  # column index → positions of the rows whose cell there was refused
    for index, cells in enumerate(cells_by_column):
        for position, message in _text_problems(cells, findings.lang).items():
            pending.append(((position, 0, index, 0), table.headers[index] or column_letter(index), message))
            refused.setdefault(index, set()).add(position)
    columns: dict[str, list[Any]] = {}
    for place, column in enumerate(COLUMNS[role]):
        at = known.get(column.name)
        if at is None:
            columns[column.name] = _absent_column(column, len(rows), vocabularies)
            continue
        values, problems = _column_values(
            column, role, cells_by_column[at], refused.get(at, set()), vocabularies, findings.lang
        )
        header = table.headers[at]
        pending.extend(((position, 1, place, tie), header, message) for position, tie, message in problems)
        columns[column.name] = values
    for header, at in custom.items():
        columns[header] = _custom_values(cells_by_column[at], refused.get(at, set()))
    for order, header, message in sorted(pending, key=lambda item: item[0]):
        findings.add(table, rows[order[0]][0], header, message)
    names = list(columns)
    records = [
        (row, dict(zip(names, record, strict=True)))
        for (row, _), record in zip(rows, zip(*columns.values(), strict=True), strict=True)
    ]
    return records, _apply_lenient(table, role, records, list(custom), set(known), vocabularies)


def _table_columns(rows: list[tuple[int, list[Any]]], width: int) -> list[Sequence[Any]]:
    """The cells of the first ``width`` columns of ``rows``, column by column, with "" where a row is short."""
    cell_rows = [cells for _, cells in rows]
    if cell_rows and set(map(len, cell_rows)) == {width}:  # every row as wide as the header: turn them at once
        return list(zip(*cell_rows, strict=True))
    return [_column_cells(rows, index) for index in range(width)]


def _column_cells(rows: list[tuple[int, list[Any]]], index: int) -> list[Any]:
    """The cells of column ``index`` in ``rows``, with "" where a row is short."""
    return [cells[index] if index < len(cells) else "" for _, cells in rows]


def _text_problems(cells: Sequence[Any], lang: str = "en") -> dict[int, str]:
    """The cells of a column whose text is too long or holds a control character: position → message.

    A clean column (nearly every one) is checked at once, only a column that fails cell by cell.
    """
    if clean_cells(cells):
        return {}
    return {position: message for position, cell in enumerate(cells) if (message := check_text(cell, lang))}


def _absent_column(column: Column, count: int, vocabularies: dict[str, Vocabulary]) -> list[Any]:
    """The values of a known column that the table does not have: its empty value in every row."""
    value, _ = parse_cell(column, "", vocabularies)
    if column.kind.is_list:
        return [list(value) for _ in range(count)]  # each record gets its own list: records are changed later
    return [value] * count


def _column_values(
    column: Column,
    role: str,
    raws: Sequence[Any],
    refused: set[int],
    vocabularies: dict[str, Vocabulary],
    lang: str = "en",
) -> tuple[list[Any], list[tuple[int, int, str]]]:
    """The value of each cell of a known column, and its problems as (position, tie-break, message).

    The cells at the positions in ``refused`` (their text was refused) read as empty cells, without problems.
    """
    if refused:
        raws = ["" if position in refused else raw for position, raw in enumerate(raws)]
    if set(map(type, raws)) <= {str}:  # text only, as in a CSV file
        values, problems = _text_column_values(column, role, raws, vocabularies, lang)
    else:
        values, problems = _mixed_column_values(column, role, raws, vocabularies, lang)
    if refused:
        problems = [problem for problem in problems if problem[0] not in refused]
    if column.kind.is_list:
        values = [list(value) for value in values]  # each record gets its own list: records are changed later
    return values, problems


def _text_column_values(
    column: Column, role: str, raws: Sequence[str], vocabularies: dict[str, Vocabulary], lang: str = "en"
) -> tuple[list[Any], list[tuple[int, int, str]]]:
    """The values and problems of a known column whose cells are all text; see :func:`_column_values`.

    Each distinct text is parsed once (sectors, kinds and countries repeat down a column). Plain text
    (text, ids, references) is only stripped, as parsing would, and parsed only where it may have a
    problem: where it is empty or holds '|'.
    """
    if column.kind.is_text and column.vocabulary is None:
        values = list(map(str.strip, raws))
        if not ((column.required and "" in values) or (column.kind == ColumnKind.ID and "|" in "".join(values))):
            return values, []
        doubtful = {raw for raw, value in zip(raws, values, strict=True) if value == "" or "|" in value}
        outcomes = {raw: _parse(column, role, raw, vocabularies, lang) for raw in doubtful}
    else:
        outcomes = {raw: _parse(column, role, raw, vocabularies, lang) for raw in set(raws)}
        values = [outcomes[raw][0] for raw in raws]
    wrong = {raw: problems for raw, (_, problems) in outcomes.items() if problems}
    if not wrong:
        return values, []
    return values, [(position, *problem) for position, raw in enumerate(raws) if raw in wrong for problem in wrong[raw]]


def _mixed_column_values(
    column: Column, role: str, raws: Sequence[Any], vocabularies: dict[str, Vocabulary], lang: str = "en"
) -> tuple[list[Any], list[tuple[int, int, str]]]:
    """The values and problems of a known column whose cells are not all text; see :func:`_column_values`.

    Numbers, dates and lists (from a workbook or YAML) are parsed one by one, each distinct text once.
    """
    texts: dict[str, tuple[Any, list[tuple[int, str]]]] = {}
    values: list[Any] = []
    problems: list[tuple[int, int, str]] = []
    for position, raw in enumerate(raws):
        if type(raw) is not str:
            value, found = _parse(column, role, raw, vocabularies, lang)
        elif raw in texts:
            value, found = texts[raw]
        else:
            value, found = texts[raw] = _parse(column, role, raw, vocabularies, lang)
        values.append(value)
        problems.extend((position, *problem) for problem in found)
    return values, problems


def _parse(
    column: Column, role: str, raw: Any, vocabularies: dict[str, Vocabulary], lang: str = "en"
) -> tuple[Any, list[tuple[int, str]]]:
    """The value of one cell of a known column the table has, and its problems as (tie-break, message)."""
    value, message = parse_cell(column, raw, vocabularies, "phases" if role == "script" else "stages", lang)
    problems = []
    if message:
        problems.append((0, message))
    elif column.required and value in ("", []):
        article = "an" if column.name[:1] in "aeiou" else "a"
        thing = THINGS["nl" if lang == "nl" else "en"][THING[role]]
        message = say(lang, "empty_required", column=column.name, thing=thing, article=article)
        problems.append((0, message))
    if column.kind == ColumnKind.ID and value and "|" in value:
        problems.append((1, say(lang, "id_pipe", value=value)))
    return value, problems


def _custom_values(raws: Sequence[Any], refused: set[int]) -> list[str]:
    """The text of each cell of a custom column; the cells at the positions in ``refused`` are empty."""
    if refused:
        raws = ["" if position in refused else raw for position, raw in enumerate(raws)]
    if set(map(type, raws)) <= {str}:  # text only: each distinct text once
        texts = {raw: cell_text(raw) for raw in set(raws)}
        return [texts[raw] for raw in raws]
    return [cell_text(raw) for raw in raws]


def _apply_lenient(
    table: RawTable,
    role: str,
    records: Rows,
    custom: list[str],
    known: set[str],
    vocabularies: dict[str, Vocabulary],
) -> list[str]:
    """Move the values of a lenient column that name a term into its field; return the custom columns left.

    Kumu's ``Type`` is read this way: a type that is a sector becomes the sector,
    any other type stays a custom field. A table that has its own column for
    the field keeps the lenient column as a custom field.
    """
    for header, name in table.lenient.items():
        if header not in custom or name in known:
            continue
        column = next(c for c in COLUMNS[role] if c.name == name)
        vocabulary = vocabularies.get(column.vocabulary.name, column.vocabulary) if column.vocabulary else None
        for _, record in records:
            found = vocabulary.lookup(record[header]) if vocabulary and record[header] else None
            if found is not None:
                record[name], record[header] = found, ""
        if all(record[header] == "" for _, record in records):
            custom.remove(header)
            for _, record in records:
                del record[header]
    return custom


def check_unique(table: RawTable | None, records: Rows, findings: Findings, key: str = "id") -> None:
    """Every row of ``table`` needs its own ``key`` (its id; a view's name): report the rows that repeat one."""
    if table is None:
        return
    first: dict[str, int] = {}
    for row, record in records:
        ident = record.get(key)
        if not ident:
            continue
        if ident in first:
            thing = findings.thing(table.role)
            msg = findings.say("duplicate", key=key, value=ident, row=first[ident], thing=thing)
            findings.add(table, row, header_of(table, key), msg)
        else:
            first[ident] = row


def to_frame(records: Rows, role: str, custom: list[str]) -> pd.DataFrame:
    """The table of ``role`` as the map holds it: every field, then the custom columns; numbers as Int64."""
    names = [c.name for c in COLUMNS[role]] + custom
    frame = pd.DataFrame([record for _, record in records], columns=names, dtype=object)  # each has every field
    for column in COLUMNS[role]:
        if column.kind.is_number:
            frame[column.name] = pd.array(list(frame[column.name]), dtype="Int64")
    return frame
