"""The analysis tables (:mod:`stakeholders.analysis.tables`) as text, CSV or JSON: what ``stakeholders analyse`` prints.

Each renderer shows every table and knows none by name: :func:`as_text`
writes what people see of each, :func:`as_csv` one table for programs (headers
are column ids, the same in every language; lists of ids are joined by ``|``),
and :func:`as_json` the results themselves with the tables people read added.
:mod:`stakeholders.pages.report` makes a meeting report of the same tables.

>>> import stakeholders
>>> from datetime import date
>>> from stakeholders.analysis import analyse
>>> result = analyse(stakeholders.load_map(stakeholders.example_path()), today=date(2026, 11, 28))
>>> "Headline figures" in as_text(result).splitlines(), as_csv(result, "coverage").startswith("stage,")
(True, True)
>>> as_text(result, "nl").splitlines()[1]
'Opmerking: De structuur telt 97 van 149 verbindingen: die met status actief.'
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import pandas as pd

from ..dates import format_date
from ..errors import InvalidArgument
from ..values import neutralise
from ._run import Analysis
from .tables import TABLES, Cell, Table, Wording, analysis_notes, analysis_tables, missing_reasons

__all__ = ["CSV_TABLES", "as_csv", "as_json", "as_text", "text_table"]

CSV_TABLES = tuple(TABLES)
"""The tables ``as_csv`` can write: every table's id."""


def _written(cell: Cell) -> str:
    """A cell as people read it in plain text: its text, and its note in brackets."""
    return f"{cell.text} ({cell.note})" if cell.note else cell.text


# --- JSON ----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return value.to_dict("records") if isinstance(value.index, pd.RangeIndex) else value.to_dict("index")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _table_json(table: Table) -> dict[str, Any]:
    """A table as people read it (the data itself is in the other keys): its words, its columns, its rows' texts."""
    return {
        "id": table.id,
        "title": table.title,
        "note": table.note,
        "columns": [{"id": column.id, "label": column.label} for column in table.people_columns],
        "rows": [[_written(cell) for cell in row] for row in table.people_rows],
        "total": table.cut if table.cut is not None else len(table.rows),
        "empty": table.empty,
    }


def as_json(result: Analysis, lang: str | None = None) -> str:
    """All results as one JSON document (stable key order), with ``tables`` last: the tables people read.

    ``tables`` holds every table the text and the report show (:func:`analysis_tables`), each with its
    ``id``, ``title``, ``note``, ``columns`` (``id`` and ``label``), ``rows`` (the texts people read, the
    first ``--top`` where a table is cut), ``total`` (how many rows there are in all) and ``empty``.
    ``lang`` (``en``, the default, or ``nl``) sets the words: the notes, the data-quality issues, the
    reasons for missing cooperation, the tables.
    """
    say = Wording.of(result.map, lang)
    data = {name: getattr(result, name) for name in Analysis.__dataclass_fields__ if name != "map"}
    data["missing"] = [{**row, "reasons": missing_reasons(row, say)} for row in result.missing]
    data["quality"] = [
        {"id": q["id"], "issue": say.w[f"quality:{q['id']}"], "count": q["count"], "items": q["items"]}
        for q in result.quality
    ]
    data["notes"] = analysis_notes(result, lang)
    data["map"] = {"title": result.map.settings.title, "date": result.map.settings.date, "source": result.map.source}
    data["coverage"] = {
        stage: [org for org, acts in row.items() if acts] for stage, row in result.coverage.to_dict("index").items()
    }
    data["tables"] = [_table_json(table) for table in analysis_tables(result, lang) if table.for_people]
    return json.dumps(_plain(data), indent=2, ensure_ascii=False) + "\n"


# --- CSV -----------------------------------------------------------------------------------


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        value = "|".join(str(v) for v in value)
    if value is None:
        return ""
    return neutralise(value) if isinstance(value, str) else value  # no cell a spreadsheet would run as a formula


def as_csv(result: Analysis, table: str = "organisations", lang: str | None = None) -> str:
    """One table of the results as CSV, for programs; ``table`` is one of :data:`CSV_TABLES`.

    The header row is the columns' ids whatever ``lang`` is; ``lang`` sets only words inside cells (the reasons
    for missing cooperation, the data-quality issues).
    """
    if table not in TABLES:
        msg = f"unknown table {table!r}: use one of {', '.join(TABLES)}"
        raise InvalidArgument(msg)
    chosen = TABLES[table](result, Wording.of(result.map, lang))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(column.id) for column in chosen.program_columns])
    writer.writerows([_csv_value(value) for value in row] for row in chosen.program_rows)
    return buffer.getvalue()


# --- text ----------------------------------------------------------------------------------


def text_table(table: Table) -> list[str]:
    """The lines of what people see of a table in a terminal (without its heading and note).

    A ``table`` is columns padded to line up (numbers to the right); ``figures`` a value then its words;
    ``facts`` a label, a colon and a value; a ``list`` one item a line.

    >>> from stakeholders.analysis.tables import Column
    >>> t = Table("t", "T", [Column("name", "Name"), Column("n", "Links", numeric=True)],
    ...           [[Cell("a", "Politie"), Cell(18, "18")], [Cell("b", "OM"), Cell(8, "8")]])
    >>> print("\\n".join(text_table(t)))
    Name     Links
    Politie     18
    OM           8
    """
    rows = table.people_rows
    if not rows:
        return [table.empty]
    if table.form == "list":
        return [_written(row[0]) for row in rows]
    if table.form == "facts":
        return [f"{_written(row[0])}: {_written(row[1])}" for row in rows]
    if table.form == "figures":
        width = max(len(_written(row[0])) for row in rows)
        return [f"{_written(row[0]):>{width}}  {_written(row[1])}" for row in rows]
    columns = table.people_columns
    texts = [[column.label for column in columns], *([_written(cell) for cell in row] for row in rows)]
    widths = [max(len(line[i]) for line in texts) for i in range(len(columns))]
    return [
        "  ".join(
            text.rjust(width) if column.numeric else text.ljust(width)
            for text, width, column in zip(line, widths, columns, strict=True)
        ).rstrip()
        for line in texts
    ]


def _heading(table: Table, level: str, say: Wording) -> str:
    if not table.title:
        return "\n"
    title = table.title
    if table.cut is not None:
        shown = say.w["text_top"].format(shown=table.limit, total=say.number(table.cut))
        title = f"{title} ({shown})"
    return f"\n{title}\n{level * len(title)}\n"


def as_text(result: Analysis, lang: str | None = None) -> str:
    """Readable tables for a terminal: every table people see (:func:`analysis_tables`), in ``lang``.

    ``lang`` is ``en`` (the default) or ``nl``; with it, organisations and stages go by their ``name_<lang>``
    where the map has one.
    """
    m, say = result.map, Wording.of(result.map, lang)
    w = say.w
    when = format_date(m.settings.date, say.language) or w["date_not_stated"]
    out = [f"{m.settings.title} — {w['text_data_as_of']} {when}\n"]
    out.extend(f"{w['text_note']}: {note}\n" for note in analysis_notes(result, lang))
    section = None
    for table in analysis_tables(result, lang):
        if not table.for_people:
            continue
        out.append(_heading(table, "-" if (table.section or table.id) == section else "=", say))
        section = table.section or table.id
        if table.note:
            out.append(f"{table.note}\n\n")
        out.append("".join(f"{line}\n" for line in text_table(table)))
    return "".join(out)
