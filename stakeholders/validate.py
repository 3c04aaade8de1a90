"""Give raw tables their meaning and find every problem in them, in one pass.

:func:`validate_source` maps headers to fields (English or Dutch, any case),
parses each cell (lists, dates, vocabularies, numbers), checks the references
between tables, and returns clean pandas tables. When anything is wrong it
raises :class:`~stakeholders.errors.ValidationError` listing every problem,
each with its file, sheet, row and column and what to do.

>>> from stakeholders.read import RawTable, Source
>>> orgs = RawTable("organisations", "map.xlsx", "Organisations", ["ID", "Naam"], [(2, ["om", "OM"])])
>>> links = RawTable("links", "map.xlsx", "Links", ["van", "naar"], [(2, ["om", "omm"])])
>>> try:
...     validate_source(Source("map.xlsx", {"organisations": orgs, "links": links}))
... except ValidationError as err:
...     print(err.problems[0].column, "|", err.problems[0].message)
naar | unknown organisation 'omm' (did you mean 'om'?): use an id from the organisations table
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from .cells import (
    cell_text,
    check_text,
    clean_cells,
    parse_cell,
    parse_date,
    reference_index,
    resolve_reference,
    split_list,
    whole_number,
)
from .errors import Problem, UnknownOrganisation, ValidationError
from .memory import gc_paused
from .model import (
    AUDIENCES,
    COLUMNS,
    DEFAULT_HANDOVERS,
    DEFAULT_STAGES,
    SETTINGS,
    TABLE_NAMES,
    Column,
    MapSettings,
    Vocabulary,
    normalise_key,
)
from .read import RawTable, Source

__all__ = ["Tables", "default_stages", "find_organisation", "parse_date", "validate_source"]

TABLE_ORDER = ("settings", "organisations", "stages", "links", "views")
Records = tuple[list[tuple[int, dict[str, Any]]], list[str]]
"""Rows of one table as (row number, field → value), and the names of its custom columns."""
THING = {"organisations": "organisation", "links": "link", "stages": "stage", "views": "view"}
SIZE_METRICS = ("links", "partners", "betweenness", "closeness", "pagerank")
"""What a view may size organisations by, besides a numeric column of the map."""


@dataclass
class Tables:
    """The validated content of a source."""

    organisations: pd.DataFrame
    links: pd.DataFrame
    stages: pd.DataFrame
    settings: MapSettings
    custom_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    views: pd.DataFrame | None = None


class _Findings:
    """Collects problems with a sort key, so they come out in reading order."""

    def __init__(self) -> None:
        self._items: list[tuple[tuple[int, int, int], Problem]] = []

    def add(self, table: RawTable, row: int, column: str, message: str) -> None:
        """Record a problem; within a row, problems sort by the column's place in the header."""
        rank = TABLE_ORDER.index(table.role) if table.role in TABLE_ORDER else 9
        position = table.headers.index(column) if column in table.headers else -1
        words = (table.sheet_word, table.row_word, table.column_word)
        problem = Problem(table.file, table.sheet, row, column, message, *words, table.row_names.get(row, ""))
        self._items.append(((rank, row, position), problem))

    def missing_table(self, file: str, role: str, found: list[str], kind: str) -> None:
        names = TABLE_NAMES[role]
        if kind == "folder":
            msg = f"no {role}.csv found: add a file named {role}.csv (or {names[2]}.csv)"
        elif kind == "data":
            msg = f"no {role} section found: add a list named {role}"
        else:
            msg = f"no sheet named {names[0]} found: name a sheet {names[0]} (or {names[2].capitalize()})"
        if found:
            msg += f"; found: {', '.join(found)}"
        self._items.append(((TABLE_ORDER.index(role), 0, 0), Problem(file, "", 0, "", msg)))

    def problems(self) -> list[Problem]:
        return [problem for _, problem in sorted(self._items, key=lambda item: item[0])]


# --- cell values -------------------------------------------------------------------------


def _map_headers(table: RawTable, role: str, findings: _Findings) -> tuple[dict[str, int], dict[str, int]]:
    """Which cell index holds each known field and each custom column.

    A table with neither a header nor rows (an empty sheet or CSV file, ``links: []``) is an empty table.
    """
    known: dict[str, int] = {}
    custom: dict[str, int] = {}
    if not table.headers and not table.rows:
        return known, custom
    for index, header in enumerate(table.headers):
        place = _column_letter(index) if table.row_word == "row" else str(index + 1)
        if header == "":
            if any(index < len(cells) and cells[index] not in ("", []) for _, cells in table.rows):
                findings.add(table, 1, place, "this column has values but no header: give it a name or delete it")
            continue
        problem = check_text(header)
        if problem:
            findings.add(table, 1, place, f"this header {problem}")
            continue
        column = next((c for c in COLUMNS[role] if c.accepts(header) or table.fields.get(header) == c.name), None)
        if column is not None:
            if column.name in known:
                first = table.headers[known[column.name]]
                msg = f"columns '{first}' and '{header}' both mean {column.name}: keep one of them"
                findings.add(table, 1, header, msg)
            else:
                known[column.name] = index
        elif header in custom:
            findings.add(table, 1, header, f"two columns are named '{header}': rename one of them")
        else:
            custom[header] = index
    for column in COLUMNS[role]:
        if column.required and column.name not in known:
            accepted = ", ".join((column.name, *column.headers))
            msg = f"column {column.name} is missing: add it to the header row (accepted headers: {accepted})"
            findings.add(table, 1, "", msg)
    return known, custom


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _read_records(
    table: RawTable, role: str, vocabularies: dict[str, Vocabulary], findings: _Findings
) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """The rows of ``table`` as (row number, record), column by column, and the custom columns kept.

    Each column is checked and parsed as a whole (see :func:`_column_values`); problems are reported in
    reading order, row by row, as if read cell by cell.
    """
    known, custom = _map_headers(table, role, findings)
    rows = list(table.rows)
    cells_by_column = _table_columns(rows, len(table.headers))
    pending: list[tuple[tuple[int, int, int, int], str, str]] = []  # (reading order, header, message)
    refused: dict[int, set[int]] = {}  # column index → positions of the rows whose cell there was refused
    for index, cells in enumerate(cells_by_column):
        for position, message in _text_problems(cells).items():
            pending.append(((position, 0, index, 0), table.headers[index] or _column_letter(index), message))
            refused.setdefault(index, set()).add(position)
    columns: dict[str, list[Any]] = {}
    for order, column in enumerate(COLUMNS[role]):
        index = known.get(column.name)
        if index is None:
            columns[column.name] = _absent_column(column, len(rows), vocabularies)
            continue
        values, problems = _column_values(column, role, cells_by_column[index], refused.get(index, set()), vocabularies)
        header = table.headers[index]
        pending.extend(((position, 1, order, tie), header, message) for position, tie, message in problems)
        columns[column.name] = values
    for header, index in custom.items():
        columns[header] = _custom_values(cells_by_column[index], refused.get(index, set()))
    for order, header, message in sorted(pending, key=lambda item: item[0]):
        findings.add(table, rows[order[0]][0], header, message)
    names = list(columns)
    records = [
        (row, dict(zip(names, record, strict=True)))
        for (row, _), record in zip(rows, zip(*columns.values(), strict=True), strict=True)
    ]
    return records, _apply_lenient(table, role, records, list(custom), set(known), vocabularies)


LIST_KINDS = ("list", "stages", "vocablist")
"""Kinds of column whose value is a list."""
NUMBER_KINDS = ("strength", "order", "number")
"""Kinds of column whose value is a whole number (or None when the cell is empty)."""
TEXT_KINDS = ("text", "id", "ref")
"""Kinds of column whose value is the text of the cell, stripped (unless the column has a vocabulary)."""


def _table_columns(rows: list[tuple[int, list[Any]]], width: int) -> list[Sequence[Any]]:
    """The cells of the first ``width`` columns of ``rows``, column by column, with "" where a row is short."""
    cell_rows = [cells for _, cells in rows]
    if cell_rows and set(map(len, cell_rows)) == {width}:  # every row as wide as the header: turn them at once
        return list(zip(*cell_rows, strict=True))
    return [_column_cells(rows, index) for index in range(width)]


def _column_cells(rows: list[tuple[int, list[Any]]], index: int) -> list[Any]:
    """The cells of column ``index`` in ``rows``, with "" where a row is short."""
    return [cells[index] if index < len(cells) else "" for _, cells in rows]


def _text_problems(cells: Sequence[Any]) -> dict[int, str]:
    """The cells of a column whose text is too long or holds a control character: position → message.

    A clean column (nearly every one) is checked at once, only a column that fails cell by cell.
    """
    if clean_cells(cells):
        return {}
    return {position: message for position, cell in enumerate(cells) if (message := check_text(cell))}


def _absent_column(column: Column, count: int, vocabularies: dict[str, Vocabulary]) -> list[Any]:
    """The values of a known column that the table does not have: its empty value in every row."""
    value, _ = parse_cell(column, "", vocabularies)
    if column.kind in LIST_KINDS:
        return [list(value) for _ in range(count)]  # each record gets its own list: records are changed later
    return [value] * count


def _column_values(
    column: Column, role: str, raws: Sequence[Any], refused: set[int], vocabularies: dict[str, Vocabulary]
) -> tuple[list[Any], list[tuple[int, int, str]]]:
    """The value of each cell of a known column, and its problems as (position, tie-break, message).

    The cells at the positions in ``refused`` (their text was refused) read as empty cells, without problems.
    """
    if refused:
        raws = ["" if position in refused else raw for position, raw in enumerate(raws)]
    if set(map(type, raws)) <= {str}:  # text only, as in a CSV file
        values, problems = _text_column_values(column, role, raws, vocabularies)
    else:
        values, problems = _mixed_column_values(column, role, raws, vocabularies)
    if refused:
        problems = [problem for problem in problems if problem[0] not in refused]
    if column.kind in LIST_KINDS:
        values = [list(value) for value in values]  # each record gets its own list: records are changed later
    return values, problems


def _text_column_values(
    column: Column, role: str, raws: Sequence[str], vocabularies: dict[str, Vocabulary]
) -> tuple[list[Any], list[tuple[int, int, str]]]:
    """The values and problems of a known column whose cells are all text; see :func:`_column_values`.

    Each distinct text is parsed once (sectors, kinds and countries repeat down a column). Plain text
    (text, ids, references) is only stripped, as parsing would, and parsed only where it may have a
    problem: where it is empty or holds '|'.
    """
    if column.kind in TEXT_KINDS and column.vocabulary is None:
        values = list(map(str.strip, raws))
        if not ((column.required and "" in values) or (column.kind == "id" and "|" in "".join(values))):
            return values, []
        doubtful = {raw for raw, value in zip(raws, values, strict=True) if value == "" or "|" in value}
        outcomes = {raw: _parse(column, role, raw, vocabularies) for raw in doubtful}
    else:
        outcomes = {raw: _parse(column, role, raw, vocabularies) for raw in set(raws)}
        values = [outcomes[raw][0] for raw in raws]
    wrong = {raw: problems for raw, (_, problems) in outcomes.items() if problems}
    if not wrong:
        return values, []
    return values, [(position, *problem) for position, raw in enumerate(raws) if raw in wrong for problem in wrong[raw]]


def _mixed_column_values(
    column: Column, role: str, raws: Sequence[Any], vocabularies: dict[str, Vocabulary]
) -> tuple[list[Any], list[tuple[int, int, str]]]:
    """The values and problems of a known column whose cells are not all text; see :func:`_column_values`.

    Numbers, dates and lists (from a workbook or YAML) are parsed one by one, each distinct text once.
    """
    texts: dict[str, tuple[Any, list[tuple[int, str]]]] = {}
    values, problems = [], []
    for position, raw in enumerate(raws):
        if type(raw) is not str:
            value, found = _parse(column, role, raw, vocabularies)
        elif raw in texts:
            value, found = texts[raw]
        else:
            value, found = texts[raw] = _parse(column, role, raw, vocabularies)
        values.append(value)
        problems.extend((position, *problem) for problem in found)
    return values, problems


def _parse(
    column: Column, role: str, raw: Any, vocabularies: dict[str, Vocabulary]
) -> tuple[Any, list[tuple[int, str]]]:
    """The value of one cell of a known column the table has, and its problems as (tie-break, message)."""
    value, message = parse_cell(column, raw, vocabularies)
    problems = []
    if message:
        problems.append((0, message))
    elif column.required and value in ("", []):
        article = "an" if column.name[:1] in "aeiou" else "a"
        problems.append((0, f"{column.name} is empty: give every {THING[role]} {article} {column.name}"))
    if column.kind == "id" and value and "|" in value:
        problems.append((1, f"id '{value}' contains '|': ids may not contain '|'"))
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
    records: list[tuple[int, dict[str, Any]]],
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


def _header(table: RawTable, name: str) -> str:
    """The header the user wrote for field ``name`` (the field name when the column is absent)."""
    column = next(c for c in COLUMNS[table.role] if c.name == name)
    return next((h for h in table.headers if column.accepts(h)), name)


def _check_unique(
    table: RawTable | None, records: list[tuple[int, dict[str, Any]]], findings: _Findings, key: str = "id"
) -> None:
    if table is None:
        return
    first: dict[str, int] = {}
    for row, record in records:
        ident = record.get(key)
        if not ident:
            continue
        if ident in first:
            msg = f"duplicate {key} '{ident}' (also in row {first[ident]}): give each {THING[table.role]} its own {key}"
            findings.add(table, row, _header(table, key), msg)
        else:
            first[ident] = row


def _settings(table: RawTable | None, findings: _Findings) -> tuple[MapSettings, dict[str, int]]:
    """The map's settings, and the row each setting was read from."""
    settings = MapSettings()
    if table is None:
        return settings, {}
    rows = list(table.rows)
    if table.headers and normalise_key(table.headers[0]) not in ("key", "setting", "sleutel", "instelling", "field"):
        rows.insert(0, (1, table.headers + [""]))
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    for row, cells in rows:
        key, value = (cells + ["", ""])[:2]
        if problem := check_text(key):
            findings.add(table, row, "", f"the name of this setting {problem}")
            continue
        if cell_text(key) == "":
            continue
        name = next(
            (
                n
                for n, aliases in SETTINGS.items()
                if normalise_key(cell_text(key)) in {normalise_key(a) for a in (n, *aliases)}
            ),
            None,
        )
        if name is None:
            msg = f"unknown setting '{cell_text(key)}': use {', '.join(list(SETTINGS)[:-1])} or {list(SETTINGS)[-1]}"
            findings.add(table, row, cell_text(key), msg)
            continue
        if problem := check_text(value):
            findings.add(table, row, name, problem)
            continue
        if name == "audience" and value not in ("", []):
            found = AUDIENCES.lookup(cell_text(value))
            if found is None:
                msg = f"'{cell_text(value)}' is not an audience: use one of {', '.join(AUDIENCES.ids)}"
                findings.add(table, row, "audience", msg)
                continue
            value = found
        if name == "show_hidden_counts" and value not in ("", []):
            answer = YES_NO.get(normalise_key(cell_text(value)))
            if answer is None:
                findings.add(
                    table, row, "show_hidden_counts", f"'{cell_text(value)}' is not yes or no: write yes or no"
                )
                continue
            value = answer
        if name == "date" and value not in ("", []):
            parsed = parse_date(value)
            if parsed is None:
                findings.add(
                    table, row, "date", f"'{cell_text(value)}' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"
                )
                continue
            value = parsed
        values[name] = value
        where[name] = row
    extra = {name: tuple(split_list(values.pop(name, ""))) for name in ("sectors", "kinds")}
    fields = {name: tuple(split_list(values.pop(name, ""))) for name in ("partners_fields", "restricted_fields")}
    hidden_counts = values.pop("show_hidden_counts", False)
    settings = replace(
        settings,
        **{name: cell_text(value) for name, value in values.items()},
        **fields,
        show_hidden_counts=bool(hidden_counts),
        sectors=settings.sectors.extended(extra["sectors"]),
        kinds=settings.kinds.extended(extra["kinds"]),
    )
    return settings, where


YES_NO = {
    key: answer
    for answer, keys in (
        (True, ("yes", "ja", "true", "waar", "1", "y", "j")),
        (False, ("no", "nee", "false", "onwaar", "0", "n")),
    )
    for key in keys
}


def default_stages() -> pd.DataFrame:
    """The stages table a map gets when its source has none (see ``model.DEFAULT_STAGES``)."""
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


def _frame(records: list[tuple[int, dict[str, Any]]], role: str, custom: list[str]) -> pd.DataFrame:
    names = [c.name for c in COLUMNS[role]] + custom
    frame = pd.DataFrame([record for _, record in records], columns=names, dtype=object)  # each has every field
    for column in COLUMNS[role]:
        if column.kind in NUMBER_KINDS:
            frame[column.name] = pd.array(list(frame[column.name]), dtype="Int64")
    return frame


class _References:
    """Resolves references to the rows of one table: by id, or by a name, short name or alias.

    Names are indexed only when a reference is not an id: most maps refer by id only.
    """

    def __init__(self, records: list[tuple[int, dict[str, Any]]], fields: tuple[str, ...], what: str, where: str):
        self.ids = {record["id"] for _, record in records if record.get("id")}
        self._records, self._fields, self._what, self._where = records, fields, what, where
        self._index: dict[str, set[str]] | None = None

    def resolve(self, value: str) -> tuple[str, str | None]:
        """(id, problem) for a reference written as an id, a name, a short name or an alias."""
        if value in self.ids:
            return value, None
        if self._index is None:
            self._index = reference_index(self._records, self._fields)
        return resolve_reference(value, self.ids, self._index, self._what, self._where)


def _resolve_stages(
    source: Source,
    orgs: list[tuple[int, dict[str, Any]]],
    stages: Records,
    views: list[tuple[int, dict[str, Any]]],
    findings: _Findings,
) -> pd.DataFrame:
    """Turn the stage references of organisations and hand-overs into stage ids; return the stages table."""
    records, custom = stages
    table = source.tables.get("stages")
    if table is None:
        frame = default_stages()
        records = [(0, record) for record in frame.to_dict("records")]
        where = f"default stages ({', '.join(frame['id'])})"
    else:
        where = "stages table"
    references = _References(records, ("id", "name", "name_nl", "name_en"), "stage", where)
    for referring, referring_records, name in (
        (source.tables.get("organisations"), orgs, "stages"),
        (table, records, "hands_over_to"),
        (source.tables.get("views"), views, "stage"),
        (source.tables.get("views"), views, "highlight_stage"),
    ):
        if referring is None:
            continue
        for row, record in referring_records:
            resolved = []
            for value in record.get(name) or []:
                found, message = references.resolve(value)
                if message:
                    findings.add(referring, row, _header(referring, name), message)
                else:
                    resolved.append(found)
            record[name] = resolved
    if table is None:
        return frame
    frame = _frame(records, "stages", custom).assign(_row=range(len(records)))
    frame = frame.sort_values(["order", "_row"], na_position="last", kind="stable")
    return frame.drop(columns="_row").reset_index(drop=True)


def _check_period(table: RawTable, row: int, record: dict[str, Any], findings: _Findings) -> None:
    """Until may not be before since; dates of different precision compare on what both say."""
    since, until = record["since"], record["until"]
    precision = min(len(since), len(until))
    if since and until and until[:precision] < since[:precision]:
        msg = f"until {until} is before since {since}: correct or swap the dates"
        findings.add(table, row, _header(table, "until"), msg)


def _resolve_links(
    table: RawTable | None,
    links: list[tuple[int, dict[str, Any]]],
    orgs: list[tuple[int, dict[str, Any]]],
    findings: _Findings,
) -> None:
    """Resolve link ends to organisation ids, check them and the dates, and give every link an id."""
    if table is None:
        return
    used_ids = {record["id"] for _, record in links if record.get("id")}
    graph_file = table.row_word == "edge"  # a graph file names its nodes
    what, where = ("node", "nodes of this file") if graph_file else ("organisation", "organisations table")
    references = _References(orgs, ("id", "name", "short_name", "aliases"), what, where)
    for row, record in links:
        for end in ("source", "target"):
            if record[end] and record[end] not in references.ids:  # an id needs no resolving
                record[end], message = references.resolve(record[end])
                if message:
                    findings.add(table, row, _header(table, end), message)
        if record["source"] and record["source"] == record["target"]:
            msg = f"a link from '{record['source']}' to itself: source and target must differ"
            findings.add(table, row, _header(table, "target"), msg)
        if record["since"] and record["until"]:
            _check_period(table, row, record, findings)
    # Links without an id are named after their ends, not their row, and numbered (~2, ~3) public first,
    # then partners, then restricted: the name of a link never shows that a hidden one exists.
    unnamed = [record for _, record in links if not record.get("id")]
    for record in sorted(unnamed, key=lambda r: SENSITIVITY_RANK.get(r.get("sensitivity") or "", 0)):
        base = f"{record['source']}>{record['target']}"
        candidate, suffix = base, 1
        while candidate in used_ids:
            suffix += 1
            candidate = f"{base}~{suffix}"
        record["id"] = candidate
        used_ids.add(candidate)


SENSITIVITY_RANK = {"": 0, "public": 0, "partners": 1, "restricted": 2}
"""The order in which links without an id are numbered: the widest circle first."""


def _check_views(
    table: RawTable | None,
    views: list[tuple[int, dict[str, Any]]],
    orgs: list[tuple[int, dict[str, Any]]],
    org_fields: list[str],
    findings: _Findings,
) -> None:
    """Resolve each view's focus to an organisation; check the fields it colours and sizes by."""
    if table is None:
        return
    references = _References(orgs, ("id", "name", "short_name", "aliases"), "organisation", "organisations table")
    for row, view in views:
        if view.get("focus"):
            found, message = references.resolve(view["focus"])
            if message:
                findings.add(table, row, _header(table, "focus"), message)
            view["focus"] = found
        if view.get("colour_by"):
            colour = _field_name(view["colour_by"], org_fields)
            if colour is None:
                msg = f"'{view['colour_by']}' is not a column of the organisations: use one of {', '.join(org_fields)}"
                findings.add(table, row, _header(table, "colour_by"), msg)
            view["colour_by"] = colour or view["colour_by"]
        size = view.get("size_by")
        if size:
            size = view["size_by"] = _field_name(size, [*SIZE_METRICS, *org_fields]) or size
        if size and size not in SIZE_METRICS:
            if size not in org_fields:
                msg = f"cannot size by '{size}': use {', '.join(SIZE_METRICS)} or a column of numbers"
                findings.add(table, row, _header(table, "size_by"), msg)
            else:
                bad = [r for r in (rec.get(size) for _, rec in orgs) if r not in ("", None) and whole_number(r) is None]
                if bad:
                    msg = f"cannot size by '{size}': '{bad[0]}' is not a number; use a column of numbers"
                    findings.add(table, row, _header(table, "size_by"), msg)


PROTECTED_FIELDS = ("id", "name", "source", "target")
"""Fields a map cannot hide for an audience: without them there is no map."""


def _field_name(value: str, columns: list[str]) -> str | None:
    """The column ``value`` names, matched as headers are (any case, English or Dutch); None if there is none.

    ``columns`` are field names and custom headers; a field may also be named by one of its headers.
    """
    if value in columns:
        return value
    key = normalise_key(value)
    for column in columns:
        field_ = next((c for role in ("organisations", "links") for c in COLUMNS[role] if c.name == column), None)
        if normalise_key(column) == key or (field_ is not None and field_.accepts(value)):
            return column
    return None


def _check_field_settings(
    table: RawTable | None, settings: MapSettings, rows: dict[str, int], columns: list[str], findings: _Findings
) -> MapSettings:
    """The columns named in partners_fields and restricted_fields must exist and may not be the map's keys.

    Returns the settings with each named column written as the map names it (``Sensitivity`` → ``sensitivity``).
    """
    if table is None:
        return settings
    found: dict[str, tuple[str, ...]] = {}
    for name in ("partners_fields", "restricted_fields"):
        names, row = [], rows.get(name, 0)
        for value in getattr(settings, name):
            column = _field_name(value, columns)
            if column in PROTECTED_FIELDS:
                findings.add(table, row, name, f"'{value}' cannot be hidden: every map needs its {column}s")
            elif column is None:
                known = ", ".join(dict.fromkeys(columns))
                msg = f"'{value}' is not a column of the organisations or links: use one of {known}"
                findings.add(table, row, name, msg)
            else:
                names.append(column)
        found[name] = tuple(dict.fromkeys(names))
    return replace(settings, **found)


def _no_organisations(source: Source, findings: _Findings) -> None:
    """A map needs organisations: say so of a table that has none (an empty sheet, file or section).

    An empty links table is fine: that is a map without links.
    """
    table = source.tables["organisations"]
    links = source.tables.get("links")
    part = table.sheet_word if table.sheet and table.sheet_word else "file"
    article = "an" if table.row_word[:1] in "aeiou" else "a"
    if links is not None and table.sheet and (links.file, links.sheet) == (table.file, table.sheet):
        # Kumu connections without elements: the organisations are the ends of the connections
        msg = f"a map needs organisations, and this {part} has no connections to take them from: "
        msg += "add a row for each connection, or a sheet of elements"
    elif table.headers or table.row_word != "row":
        msg = f"a map needs organisations, and this {part} has none: "
        msg += f"add {article} {table.row_word} for each organisation"
    else:
        msg = f"a map needs organisations, and this {part} is empty: add a header row (id, name) and a row for each "
        msg += "organisation"
    findings.add(table, 0, "", msg)


@gc_paused()
def validate_source(source: Source) -> Tables:
    """Validate everything in ``source`` and return its tables, or raise with every problem."""
    findings = _Findings()
    settings, setting_rows = _settings(source.tables.get("settings"), findings)
    vocabularies = {"sector": settings.sectors, "kind": settings.kinds}
    parsed: dict[str, Records] = {}
    for role in ("organisations", "stages", "links", "views"):
        table = source.tables.get(role)
        if table is not None:
            for row, column, message in table.problems:
                findings.add(table, row, column, message)
            parsed[role] = _read_records(table, role, vocabularies, findings)
            _check_unique(table, parsed[role][0], findings, "name" if role == "views" else "id")
        else:
            parsed[role] = ([], [])
            if role in ("organisations", "links"):
                findings.missing_table(source.path, role, source.found, source.kind)
    (orgs, org_custom), (links, link_custom) = parsed["organisations"], parsed["links"]
    if not orgs and "organisations" in source.tables:
        _no_organisations(source, findings)
    for row, record in orgs:
        if record["since"] and record["until"]:
            _check_period(source.tables["organisations"], row, record, findings)  # orgs are only read from a table
    views, view_custom = parsed["views"]
    stages = _resolve_stages(source, orgs, parsed["stages"], views, findings)
    _resolve_links(source.tables.get("links"), links, orgs, findings)
    org_fields = [c.name for c in COLUMNS["organisations"]] + org_custom
    _check_views(source.tables.get("views"), views, orgs, org_fields, findings)
    link_fields = [c.name for c in COLUMNS["links"]] + link_custom
    settings = _check_field_settings(
        source.tables.get("settings"), settings, setting_rows, org_fields + link_fields, findings
    )

    problems = findings.problems()
    if problems:
        raise ValidationError(problems)
    return Tables(
        organisations=_frame(orgs, "organisations", org_custom),
        links=_frame(links, "links", link_custom),
        stages=stages,
        settings=settings,
        custom_columns={
            role: tuple(custom)
            for role, (_, custom) in parsed.items()
            if role != "views" or source.tables.get("views") is not None
        },
        views=_frame(views, "views", view_custom) if source.tables.get("views") is not None else None,
    )


def find_organisation(organisations: pd.DataFrame, text: str) -> str:
    """The id of the organisation ``text`` names: its id, or its unique name, short name or alias.

    Raises :class:`~stakeholders.errors.UnknownOrganisation` with a suggestion otherwise.

    >>> orgs = pd.DataFrame({"id": ["om"], "name": ["Openbaar Ministerie"], "short_name": ["OM"], "aliases": [[]]})
    >>> find_organisation(orgs, "openbaar ministerie")
    'om'
    """
    records = [(0, record) for record in organisations.to_dict("records")]
    index = reference_index(records, ("id", "name", "short_name", "aliases"))
    found, message = resolve_reference(text, set(organisations["id"]), index, "organisation", "map")
    if message:
        raise UnknownOrganisation(message)
    return found
