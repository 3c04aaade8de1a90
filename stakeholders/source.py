"""The neutral table layer between files and validation: raw tables as read, before any meaning.

Every format's reader (:mod:`stakeholders.formats`) returns a :class:`Source`
holding one :class:`RawTable` per table it found (organisations, links,
stages, settings, views), with the header row and each data row numbered as
a spreadsheet shows it; :mod:`stakeholders.validate` gives the cells their
meaning. The readers share what is here: making a table from a grid
(:func:`grid_table`) or from records (:func:`records_table`), recognising a
table by its name (:func:`table_role`), decoding text files
(:func:`decode_text`), and the limits on what a source may hold.

>>> table = grid_table("organisations", "map.xlsx", "Organisations", [["id", "Naam "], ["om", 2.0], ["", ""]])
>>> table.headers, table.rows
(['id', 'Naam'], [(2, ['om', 2])])
"""

from __future__ import annotations

import codecs
import math
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import SourceError
from .schema import TABLE_NAMES, normalise_key

__all__ = [
    "COLUMNS_AT_MOST",
    "DAMAGED_WORKBOOK",
    "LIMIT_MB",
    "WORKBOOK_SUFFIXES",
    "RawTable",
    "Source",
    "check_size",
    "damaged_workbook",
    "decode_text",
    "grid_table",
    "records_table",
    "table_role",
    "tidy_cell",
]

LIMIT_MB = 100
"""The largest source read by default, in megabytes (for a workbook: packed and unpacked)."""
COLUMNS_AT_MOST = 1_000
"""The most columns a table may have (counted up to its last header or value): every row is read that wide."""
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
"""What a workbook's name ends in (a workbook's size is checked packed and unpacked)."""


@dataclass
class RawTable:
    """The cells of one table as read, before any validation.

    ``role`` says which table it is (organisations, links, stages,
    settings or views); ``rows`` holds ``(row_number, cells)`` pairs, blank rows left out.
    ``sheet`` and ``row_word`` say how to point at a place in it: a workbook
    has sheets and rows, a CSV file only rows, YAML sections and items.
    Several rows may share a number (a Kumu connection to several targets).
    """

    role: str
    file: str
    sheet: str
    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    sheet_word: str = "sheet"
    row_word: str = "row"
    column_word: str = "column"
    lenient: dict[str, str] = field(default_factory=dict)
    """Columns whose values become a field when they name one of its terms, and stay custom otherwise."""
    fields: dict[str, str] = field(default_factory=dict)
    """Headers that mean one of our fields in this table only (a Kumu connection's ``Description`` is its notes)."""
    row_names: dict[int, str] = field(default_factory=dict)
    """How messages name rows by number, where a name says more than the number (a graph file's node ids)."""
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    """Problems seen while reading, as (row, column, message): validation reports them with the rest."""


@dataclass
class Source:
    """Everything read from one source: its tables by role, and the sheets found."""

    path: str
    tables: dict[str, RawTable] = field(default_factory=dict)
    found: list[str] = field(default_factory=list)
    kind: str = "workbook"


def _sizes(size: int, limit_mb: float) -> tuple[str, str]:
    """``size`` (bytes) and the limit, in MB when one decimal tells them apart, else in bytes.

    >>> _sizes(2_000_000, 1)
    ('2.0 MB', '1 MB')
    >>> _sizes(1_500, 0.001)
    ('1,500 bytes', '1,000 bytes (0.001 MB)')
    """
    if round(size / 1_000_000, 1) > limit_mb:
        return f"{size / 1_000_000:.1f} MB", f"{limit_mb:g} MB"
    return f"{size:,} bytes", f"{int(limit_mb * 1_000_000):,} bytes ({limit_mb:g} MB)"


def check_size(path: Path, limit_mb: float) -> None:
    """Refuse a source larger than ``limit_mb`` megabytes, or a workbook that unpacks to more (a zip bomb).

    >>> import tempfile, pathlib
    >>> big = pathlib.Path(tempfile.mkdtemp()) / "big.csv"
    >>> _ = big.write_bytes(b"x" * 2_000_000)
    >>> check_size(big, 1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    stakeholders.errors.SourceError: ...big.csv: this source is 2.0 MB, more than the limit of 1 MB: ...
    """
    limit = int(limit_mb * 1_000_000)
    files = [p for p in path.iterdir() if p.suffix.lower() == ".csv"] if path.is_dir() else [path]
    size = sum(p.stat().st_size for p in files if p.is_file())
    hint = "raise the limit with --max-input-mb if it is really this big"
    if size > limit:
        shown, most = _sizes(size, limit_mb)
        msg = f"{path}: this source is {shown}, more than the limit of {most}: {hint}"
        raise SourceError(msg)
    if path.is_file() and path.suffix.lower() in WORKBOOK_SUFFIXES and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except DAMAGED_WORKBOOK as err:
            raise damaged_workbook(path, err) from err
        if unpacked > limit:
            shown, most = _sizes(unpacked, limit_mb)
            msg = f"{path}: this workbook unpacks to {shown}, more than the limit of {most}"
            msg += f": {hint}"
            raise SourceError(msg)


DAMAGED_WORKBOOK = (
    zipfile.BadZipFile,  # not a zip, or one whose directory or headers are cut off or wrong
    zlib.error,  # packed data that does not unpack
    EOFError,  # a part that ends before its stated size
    NotImplementedError,  # a compression method zip does not know (a damaged header says so)
    RuntimeError,  # a part marked encrypted (a damaged header says so)
    OSError,  # a seek before the start of the file (a damaged offset); openpyxl: no workbook part in it
    LookupError,  # a part the workbook names that is missing (KeyError), an index past a list, an unknown encoding
    SyntaxError,  # XML that does not parse (xml.etree's ParseError)
    ValueError,  # text that is no number, date or UTF-8 where one belongs
    TypeError,  # openpyxl's typed attributes refusing a value of the wrong kind
    ArithmeticError,  # a number too large for its attribute
)
"""What reading a damaged workbook raises, as fuzzing found (tests/test_damaged_files.py): zipfile,
zlib and XML errors, and whatever openpyxl raises deep inside on a part that makes no sense."""


def damaged_workbook(path: Path, err: BaseException) -> SourceError:
    """The one error for a workbook that cannot be read: damaged, cut off, or no workbook at all.

    >>> print(damaged_workbook(Path("map.xlsx"), zipfile.BadZipFile("Bad offset for central directory")))
    map.xlsx: cannot read this workbook: it is damaged or not an .xlsx file (Bad offset for central directory): \
get a new copy, or open it in Excel and save it again as .xlsx
    """
    reason = str(err.args[0] if isinstance(err, KeyError) and err.args else err).strip()
    reason = reason.splitlines()[0].replace(str(path), path.name) if reason else ""  # openpyxl's first line
    reason = " ".join("".join(c if c.isprintable() else " " for c in reason).split())
    if len(reason) > 120:
        reason = reason[:119] + "…"
    reason = reason or ("it ends too early" if isinstance(err, EOFError) else type(err).__name__)
    msg = f"{path}: cannot read this workbook: it is damaged or not an .xlsx file ({reason}): "
    msg += "get a new copy, or open it in Excel and save it again as .xlsx"
    return SourceError(msg)


def table_role(name: str, ignored: bool = False) -> str | None:
    """The table a sheet or file name means; with ``ignored``, a sheet Kumu skips (stages and settings only)."""
    if "(ignore)" in name.lower():
        if not ignored:
            return None
        name = re.sub(r"\(ignore\)", "", name, flags=re.IGNORECASE)
    key = normalise_key(name)
    for role, names in TABLE_NAMES.items():
        if key in {normalise_key(n) for n in (role, *names)}:
            return None if ignored and role in ("organisations", "links") else role
    return None


def tidy_cell(value: Any) -> Any:
    """Tidy one cell: strip text, turn whole floats into ints, keep dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return int(value) if value.is_integer() else value
    if isinstance(value, (datetime, date, int, list)):
        return value
    return str(value).strip()


def _is_blank(cells: list[Any]) -> bool:
    """Whether every cell of a row is empty text or an empty list."""
    return cells.count("") + cells.count([]) == len(cells)


def _tidy_grid(grid: list[list[Any]]) -> list[list[Any]]:
    """The grid with every cell tidied (see :func:`tidy_cell`), as new lists."""
    try:
        return [list(map(str.strip, row)) for row in grid]  # a CSV file: every cell is text
    except TypeError:  # a cell that is not text: a number, a date, a list …
        return [[value.strip() if type(value) is str else tidy_cell(value) for value in row] for row in grid]


def _grid_width(grid: list[list[Any]]) -> int:
    """How many columns of a grid count: up to the last one with a cell that is not blank."""
    for index in range(max(map(len, grid), default=0) - 1, -1, -1):
        if any(index < len(row) and row[index] != "" and row[index] != [] for row in grid):
            return index + 1
    return 0


def grid_table(
    role: str,
    file: str,
    sheet: str,
    grid: list[list[Any]],
    *,
    sheet_word: str = "sheet",
    row_word: str = "row",
    column_word: str = "column",
) -> RawTable:
    """Make a RawTable from a grid whose first row is the header; rows keep their spreadsheet numbers."""
    grid = _tidy_grid(grid)
    width = _grid_width(grid)
    if width > COLUMNS_AT_MOST:
        where = f"{file}, {sheet_word} {sheet}" if sheet and sheet_word else file
        msg = f"{where}: this table has {width:,} columns, more than {COLUMNS_AT_MOST:,}"
        msg += ": delete the columns it does not need"
        raise SourceError(msg)
    headers = [str(h) for h in grid[0][:width]] if grid else []
    headers += [""] * (width - len(headers))
    rows = [
        (number, cells if len(cells) == width else cells[:width] + [""] * (width - len(cells)))
        for number, cells in enumerate(grid[1:], start=2)
        if any(cells) or not _is_blank(cells)  # any(): a quick yes for most rows (but a 0 is no blank either)
    ]
    return RawTable(role, file, sheet, headers, rows, sheet_word=sheet_word, row_word=row_word, column_word=column_word)


# --- text files and records --------------------------------------------------------------------------


_CP1252 = {byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0xA0)}
"""Windows-1252 for the bytes 0x80-0x9F, where it differs from Latin-1; its five unused bytes stay controls."""


def decode_text(data: bytes, name: str = "this file") -> str:
    """Decode a text file saved by Excel or anything else: UTF-8 (BOM or not), UTF-16, Windows-1252.

    Text that is not UTF-8 is read as Windows-1252; any byte that is not a character there becomes a
    control character, which validation reports. A file whose byte order mark promises UTF-8 or UTF-16
    but that does not hold it raises :class:`~stakeholders.errors.SourceError`, naming ``name``.

    >>> decode_text("café €".encode("cp1252"))
    'café €'
    >>> decode_text(b"\\xef\\xbb\\xbfid")
    'id'
    """
    encoding, skip = "utf-8", 0
    if data.startswith(codecs.BOM_UTF8):
        skip = len(codecs.BOM_UTF8)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1").translate(_CP1252)
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as err:
        msg = f"{name}: this file says it is {encoding.upper()} but byte {skip + err.start + 1:,} is not"
        msg += ": save it again as UTF-8"
        raise SourceError(msg) from err


def records_table(role: str, path: Path, section: str, records: Any, row_word: str = "item") -> RawTable:
    """A table from a list of records (mappings), as YAML, JSON and graph files hold them.

    Headers are the keys in the order they first appear; items are numbered from 1.
    """
    if records is None:
        records = []
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        msg = f"{path}: section {section} must be a list of records (key: value mappings)"
        raise SourceError(msg)
    seen: dict[str, None] = {}
    for record in records:
        seen.update((str(k), None) for k in record)
        if len(seen) > COLUMNS_AT_MOST:
            msg = f"{path}: section {section} has more than {COLUMNS_AT_MOST:,} different fields: use fewer fields"
            raise SourceError(msg)
    headers = list(seen)
    rows = []
    for number, record in enumerate(records, start=1):
        by_header = {str(k): v for k, v in record.items()}
        cells = [tidy_cell(by_header.get(h)) for h in headers]
        if not _is_blank(cells):
            rows.append((number, cells))
    return RawTable(role, path.name, section, headers, rows, "section", row_word, "field")
