"""Our .xlsx workbook, read and written: sheets Organisations, Links, Stages, Views and Map.

A workbook without our Organisations and Links sheets is read as Kumu's
(:mod:`stakeholders.formats.kumu`); :func:`to_xlsx` writes ours, or Kumu's
with ``kumu``. Written workbooks are the same bytes for the same map (fixed
timestamps), text never becomes a formula, and numbers in custom fields are
number cells when they read back as the same text (:func:`number_cell`).
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from .._atomic import fixed_zip
from ..errors import OutputError, SourceError
from ..model import StakeholderMap
from ..source import DAMAGED_WORKBOOK, RawTable, Source, damaged_workbook, grid_table, table_role, tidy_cell
from ..values import FORMULA_START
from ._common import map_sheets
from .kumu import kumu_sheets, kumu_tables

__all__ = ["EMPTY_ROWS_AT_MOST", "FIXED_TIME", "number_cell", "read_workbook", "to_xlsx"]

EMPTY_ROWS_AT_MOST = 10_000
"""Reading a sheet stops after this many empty rows in a row (a sheet that claims a million empty rows)."""

FIXED_TIME = datetime(2000, 1, 1)
"""Timestamp written into workbooks, so the same map always gives the same bytes."""


def _sheet_rows(sheet: Any) -> list[list[Any]]:
    """The rows of a sheet as openpyxl gives them, stopping at a long run of empty rows."""
    rows: list[list[Any]] = []
    empty = 0
    for row in sheet.iter_rows(values_only=True):
        if all(value is None or value == "" for value in row):
            empty += 1
            if empty > EMPTY_ROWS_AT_MOST:
                break
        else:
            empty = 0
        rows.append(list(row))
    return rows


@contextlib.contextmanager
def _quiet_openpyxl() -> Iterator[None]:
    """Keep openpyxl's notes about a workbook from the user: they are about parts we do not read.

    Its warnings say that formatting, data validation or drawings it does not know "will be removed"
    (which never happens here: the file is only read), and on a broken style it prints to stdout
    before it raises, which would end up in our output.
    """
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\.|$)")
        yield


def _workbook_sheets(path: Path) -> list[tuple[str, list[list[Any]] | None]]:
    """Each sheet's title and rows as openpyxl reads them (None for a sheet Kumu and we both skip).

    Raises the error of the damaged part (see DAMAGED_WORKBOOK), and KeyError for a sheet whose part is
    missing (which openpyxl leaves out without a word); reads no more than it must.
    """
    from openpyxl.reader.excel import ExcelReader

    # our own handle, closed here whatever openpyxl leaves open when a part fails
    with open(path, "rb") as handle, _quiet_openpyxl():
        reader = ExcelReader(handle, read_only=True, data_only=True)  # as openpyxl.load_workbook does
        reader.read()
        workbook = reader.wb
        try:
            for declared, part in reader.parser.find_sheets():
                if part.target not in reader.valid_files:
                    raise KeyError(f"its sheet {declared.name} is missing")
            sheets: list[tuple[str, list[list[Any]] | None]] = []
            for sheet in workbook.worksheets:
                title = str(sheet.title)
                needed = table_role(title) or table_role(title, ignored=True) or "(ignore)" not in title.lower()
                sheets.append((title, _sheet_rows(sheet) if needed else None))
            return sheets
        finally:
            workbook.close()


def read_workbook(path: Path) -> Source:
    """Read an .xlsx workbook: our sheets by name, else Kumu's elements and connections by their headers."""
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with open(path, "rb") as handle:
            magic = handle.read(8)
    except OSError as err:  # no damage: the file cannot be opened at all
        msg = f"{path}: cannot open this file ({err.strerror or err}): check that you may read it"
        raise SourceError(msg) from err
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        msg = (
            f"{path}: this workbook is password-protected or an old .xls file: remove the password or save it as .xlsx"
        )
        raise SourceError(msg)
    try:
        sheets = _workbook_sheets(path)
    except (*DAMAGED_WORKBOOK, InvalidFileException) as err:
        raise damaged_workbook(path, err) from err
    source = Source(str(path), kind="workbook")
    others: dict[str, list[list[Any]]] = {}
    kept_from_kumu: dict[str, RawTable] = {}
    for title, grid in sheets:
        source.found.append(title)
        if grid is None:
            continue
        role = table_role(title)
        ignored_role = table_role(title, ignored=True)
        if role is None and ignored_role is None:
            others[title] = [[tidy_cell(v) for v in row] for row in grid]
        elif role is not None and role not in source.tables:
            source.tables[role] = grid_table(role, path.name, title, grid)
        elif ignored_role is not None and ignored_role not in kept_from_kumu:
            kept_from_kumu[ignored_role] = grid_table(ignored_role, path.name, title, grid)
    if "organisations" not in source.tables and "links" not in source.tables:
        tables = kumu_tables(path.name, others)
        if tables:
            source.tables.update({**kept_from_kumu, **source.tables, **tables})
    return source


# --- writing ------------------------------------------------------------------------------


def _workbook_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])  # the empty sheet a new workbook starts with
    for title, grid in sheets.items():
        sheet = workbook.create_sheet(title)
        sheet.freeze_panes = "A2"
        for row_number, row in enumerate(grid, start=1):
            for column_number, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=row_number, column=column_number)
                try:
                    cell.value = value
                except IllegalCharacterError as err:
                    msg = (
                        f"sheet {title}, row {row_number}: this text holds a control character that a workbook "
                        f"cannot store ({value[:40]!r}): remove it from the source"
                    )
                    raise OutputError(msg) from err
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
                    cell.quotePrefix = bool(FORMULA_START.match(value))
    workbook.properties.creator = "stakeholders"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return fixed_zip(buffer.getvalue())


NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
"""A plain decimal number, as a custom field may hold one (no exponent, sign only in front)."""


def number_cell(value: Any) -> Any:
    """Text that is a number as a workbook number, when reading it back gives the same text; else as it is.

    Excel then neither flags the cell as "number stored as text" nor changes it:
    ``007``, ``2.50``, ``1e3`` and ``3.0`` stay text, and so do numbers with more
    than the 15 digits Excel keeps.

    >>> number_cell("12"), number_cell("-2.5"), number_cell("007"), number_cell("2.50"), number_cell("3.0")
    (12, -2.5, '007', '2.50', '3.0')
    """
    if not isinstance(value, str) or not NUMBER.fullmatch(value) or len(value.strip("-").replace(".", "")) > 15:
        return value
    number = float(value) if "." in value else int(value)
    whole_float = isinstance(number, float) and number.is_integer()
    return number if str(number) == value and not whole_float else value


def _numbers_in_custom_columns(sheets: dict[str, list[list[Any]]], m: StakeholderMap) -> dict[str, list[list[Any]]]:
    """The sheets with custom fields' numbers as numbers (:func:`number_cell`); our own fields stay as they are."""
    custom = {*m.custom_columns.get("organisations", ()), *m.custom_columns.get("links", ())}
    for title in ("Organisations", "Links", "Elements", "Connections"):
        grid = sheets.get(title) or [[]]
        places = [index for index, header in enumerate(grid[0]) if header in custom]
        for row in grid[1:]:
            for index in places:
                row[index] = number_cell(row[index])
    return sheets


def to_xlsx(m: StakeholderMap, *, kumu: bool = False, extra: dict[str, list[list[Any]]] | None = None) -> bytes:
    """The map as an .xlsx workbook: ours (:func:`map_sheets`), or Kumu's with ``kumu``; ``extra`` sheets (title →
    rows) after the map's, which no reader takes for a table (a Conflicts sheet).

    Numbers in custom fields are number cells (see :func:`number_cell`).
    """
    sheets = _numbers_in_custom_columns(kumu_sheets(m) if kumu else map_sheets(m), m)
    for title, grid in (extra or {}).items():
        if title in sheets or table_role(title):
            msg = f"sheet {title}: an extra sheet may not have the name of a table of the map"
            raise OutputError(msg)
        sheets[title] = grid
    return _workbook_bytes(sheets)
