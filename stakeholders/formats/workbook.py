"""Our .xlsx workbook, read and written: sheets Organisations, Links, Stages, Views and Map.

A workbook without our Organisations and Links sheets is read as Kumu's
(:mod:`stakeholders.formats.kumu`); :func:`to_xlsx` writes ours, or Kumu's
with ``kumu``. Written workbooks are the same bytes for the same map (fixed
timestamps), text never becomes a formula, and numbers in custom fields are
number cells when they read back as the same text (:func:`number_cell`).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import OutputError, SourceError
from ..model import StakeholderMap
from ..source import RawTable, Source, grid_table, table_role, tidy_cell
from ..values import FORMULA_START
from ._common import map_sheets
from .kumu import kumu_sheets, kumu_tables

__all__ = ["EMPTY_ROWS_AT_MOST", "FIXED_TIME", "number_cell", "read_workbook", "to_xlsx"]

EMPTY_ROWS_AT_MOST = 10_000
"""Reading a sheet stops after this many empty rows in a row (a sheet that claims a million empty rows)."""

FIXED_TIME = datetime(2000, 1, 1)
"""Timestamp written into workbooks, so the same map always gives the same bytes."""


def _sheet_rows(sheet: Any) -> list[list[Any]]:
    """The rows of a sheet, stopping at a long run of empty rows."""
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


def read_workbook(path: Path) -> Source:
    """Read an .xlsx workbook: our sheets by name, else Kumu's elements and connections by their headers."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    with open(path, "rb") as handle:
        magic = handle.read(8)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        msg = (
            f"{path}: this workbook is password-protected or an old .xls file: remove the password or save it as .xlsx"
        )
        raise SourceError(msg)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, zlib.error, SyntaxError, KeyError, OSError, ValueError) as err:
        msg = f"{path}: cannot read this workbook ({err}): save it again as .xlsx"
        raise SourceError(msg) from err
    source = Source(str(path), kind="workbook")
    others: dict[str, list[list[Any]]] = {}
    kept_from_kumu: dict[str, RawTable] = {}
    try:
        for sheet in workbook.worksheets:
            source.found.append(sheet.title)
            role = table_role(sheet.title)
            ignored_role = table_role(sheet.title, ignored=True)
            if role is None and ignored_role is None:
                if "(ignore)" not in sheet.title.lower():
                    others[sheet.title] = [[tidy_cell(v) for v in row] for row in _sheet_rows(sheet)]
                continue
            grid = _sheet_rows(sheet)
            if role is not None and role not in source.tables:
                source.tables[role] = grid_table(role, path.name, sheet.title, grid)
            elif ignored_role is not None and ignored_role not in kept_from_kumu:
                kept_from_kumu[ignored_role] = grid_table(ignored_role, path.name, sheet.title, grid)
    except (zipfile.BadZipFile, zlib.error, SyntaxError, KeyError, OSError, ValueError) as err:
        # a damaged sheet inside a workbook that opened: a corrupt or cut-off part of the zip
        msg = f"{path}: cannot read this workbook, a sheet is damaged ({err}): save it again as .xlsx"
        raise SourceError(msg) from err
    finally:
        workbook.close()
    if "organisations" not in source.tables and "links" not in source.tables:
        tables = kumu_tables(path.name, others)
        if tables:
            source.tables.update({**kept_from_kumu, **source.tables, **tables})
    return source


# --- writing ------------------------------------------------------------------------------


def _fixed_zip(data: bytes) -> bytes:
    """The same zip archive with every entry's timestamp fixed, so equal content gives equal bytes."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()


def _workbook_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    workbook.remove(workbook.active)
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
    return _fixed_zip(buffer.getvalue())


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


def to_xlsx(m: StakeholderMap, *, kumu: bool = False) -> bytes:
    """The map as an .xlsx workbook: ours (:func:`map_sheets`), or Kumu's with ``kumu``.

    Numbers in custom fields are number cells (see :func:`number_cell`).
    """
    if kumu:
        return _workbook_bytes(_numbers_in_custom_columns(kumu_sheets(m), m))
    return _workbook_bytes(_numbers_in_custom_columns(map_sheets(m), m))
