"""Read a source into raw tables: an .xlsx workbook (ours or Kumu's), a CSV folder, YAML, JSON, GEXF, GraphML, .cyjs.

Reading knows file formats and nothing about the meaning of columns: every
reader returns a :class:`Source` holding one :class:`RawTable` per table it
found (organisations, links, stages, settings, views), with the header row and each
data row numbered as a spreadsheet shows it. :mod:`stakeholders.validate`
gives the cells their meaning. Kumu's conventions are in :mod:`stakeholders.kumu`,
graph files (GEXF, GraphML, Cytoscape.js JSON) in :mod:`stakeholders.networks`.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "organisations.csv").write_bytes("id;naam\\r\\nom;Openbaar Ministerie\\r\\n".encode("cp1252"))
>>> source = read_source(folder)
>>> table = source.tables["organisations"]
>>> table.role, table.headers, table.rows
('organisations', ['id', 'naam'], [(2, ['om', 'Openbaar Ministerie'])])
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import math
import os
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import SourceError, UnsupportedSource
from .memory import gc_paused
from .model import SETTINGS, TABLE_NAMES, normalise_key

__all__ = [
    "DAMAGED_WORKBOOK",
    "LIMIT_MB",
    "check_size",
    "damaged_workbook",
    "FORMULA_START",
    "RawTable",
    "Source",
    "decode_text",
    "read_data",
    "grid_table",
    "read_source",
    "records_table",
    "sniff_delimiter",
    "table_role",
    "unquote_cell",
]

LIMIT_MB = 100
"""The largest source read by default, in megabytes (for a workbook: packed and unpacked)."""
EMPTY_ROWS_AT_MOST = 10_000
"""Reading a sheet stops after this many empty rows in a row (a sheet that claims a million empty rows)."""
COLUMNS_AT_MOST = 1_000
"""The most columns a table may have (counted up to its last header or value): every row is read that wide."""
YAML_REPEATS_AT_MOST = 1_000_000
"""The most values the aliases of a YAML file may repeat (``*name`` copies what ``&name`` marks): a real map
repeats a few hundred, an alias bomb ("billion laughs") billions."""
NESTING_AT_MOST = 50
"""How deeply lists and mappings may nest in a YAML or JSON file: a map needs five or six levels."""

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
DATA_SUFFIXES = {".yaml", ".yml", ".json"}
GRAPH_SUFFIXES = {".gexf", ".graphml", ".cyjs"}
SOURCE_KINDS = "an .xlsx workbook, a folder of CSV files, a .yaml or .json file, or a .gexf, .graphml or .cyjs file"

FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
"""Text a spreadsheet program could run as a formula (after any apostrophes an export put before it)."""


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


def read_source(path: str | os.PathLike[str], *, limit_mb: float = LIMIT_MB) -> Source:
    """Read a workbook, a CSV folder (or one CSV file in it), a YAML/JSON file, or a graph file.

    Raises :class:`~stakeholders.errors.UnsupportedSource` for other paths and
    :class:`~stakeholders.errors.SourceError` when the file cannot be read or
    is larger than ``limit_mb`` megabytes (packed or unpacked).
    """
    path = Path(path)
    if not path.exists():
        msg = f"{path}: no such file or folder"
        raise UnsupportedSource(msg)
    try:
        check_size(path.parent if path.suffix.lower() == ".csv" and path.is_file() else path, limit_mb)
        return _read_by_type(path)
    except OSError as err:  # what the readers did not catch themselves: the file cannot be opened at all
        where = err.filename or path
        msg = f"{where}: cannot open this file ({err.strerror or err}): check that you may read it"
        raise SourceError(msg) from err


def _read_by_type(path: Path) -> Source:
    if path.is_dir():
        return _read_csv_folder(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path)
    if suffix == ".csv":
        return _read_csv_folder(path.parent, display=path.parent)
    if suffix in DATA_SUFFIXES:
        return _read_data_file(path)
    if suffix in GRAPH_SUFFIXES:
        from .networks import read_network

        return read_network(path)
    if suffix == ".xls":
        msg = f"{path}: old Excel .xls files are not read: open it in Excel and save it as .xlsx"
        raise UnsupportedSource(msg)
    msg = f"{path}: unsupported file type '{path.suffix or path.name}': use {SOURCE_KINDS}"
    raise UnsupportedSource(msg)


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


def unquote_cell(text: str) -> str:
    """Drop the apostrophe an export puts before text that a spreadsheet could run as a formula.

    Only one apostrophe goes, and only before ``=``, ``+``, ``-``, ``@``, tab or
    carriage return (see :func:`stakeholders.export.neutralise`).

    >>> unquote_cell("'=SUM(A1)"), unquote_cell("''+31"), unquote_cell("'s-Hertogenbosch")
    ('=SUM(A1)', "'+31", "'s-Hertogenbosch")
    """
    return text[1:] if text.startswith("'") and FORMULA_START.match(text) else text


def _cell(value: Any) -> Any:
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
    """The grid with every cell tidied (see :func:`_cell`), as new lists."""
    try:
        return [list(map(str.strip, row)) for row in grid]  # a CSV file: every cell is text
    except TypeError:  # a cell that is not text: a number, a date, a list …
        return [[value.strip() if type(value) is str else _cell(value) for value in row] for row in grid]


def _grid_width(grid: list[list[Any]]) -> int:
    """How many columns of a grid count: up to the last one with a cell that is not blank."""
    for index in range(max(map(len, grid), default=0) - 1, -1, -1):
        if any(index < len(row) and row[index] != "" and row[index] != [] for row in grid):
            return index + 1
    return 0


def grid_table(role: str, file: str, sheet: str, grid: list[list[Any]], **words: str) -> RawTable:
    """Make a RawTable from a grid whose first row is the header; rows keep their spreadsheet numbers."""
    grid = _tidy_grid(grid)
    width = _grid_width(grid)
    if width > COLUMNS_AT_MOST:
        sheet_word = words.get("sheet_word", "sheet")
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
    return RawTable(role, file, sheet, headers, rows, **words)


# --- workbooks ---------------------------------------------------------------------------


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
    reason = reason or {EOFError: "it ends too early"}.get(type(err), type(err).__name__)
    msg = f"{path}: cannot read this workbook: it is damaged or not an .xlsx file ({reason}): "
    msg += "get a new copy, or open it in Excel and save it again as .xlsx"
    return SourceError(msg)


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
            for sheet, part in reader.parser.find_sheets():
                if part.target not in reader.valid_files:
                    raise KeyError(f"its sheet {sheet.name} is missing")
            sheets: list[tuple[str, list[list[Any]] | None]] = []
            for sheet in workbook.worksheets:
                title = str(sheet.title)
                needed = table_role(title) or table_role(title, ignored=True) or "(ignore)" not in title.lower()
                sheets.append((title, _sheet_rows(sheet) if needed else None))
            return sheets
        finally:
            workbook.close()


def _read_workbook(path: Path) -> Source:
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
            others[title] = [[_cell(v) for v in row] for row in grid]
        elif role is not None and role not in source.tables:
            source.tables[role] = grid_table(role, path.name, title, grid)
        elif ignored_role is not None and ignored_role not in kept_from_kumu:
            kept_from_kumu[ignored_role] = grid_table(ignored_role, path.name, title, grid)
    if "organisations" not in source.tables and "links" not in source.tables:
        from .kumu import kumu_tables

        tables = kumu_tables(path.name, others)
        if tables:
            source.tables.update({**kept_from_kumu, **source.tables, **tables})
    return source


# --- CSV ---------------------------------------------------------------------------------


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


def sniff_delimiter(header_line: str) -> str:
    """Pick the delimiter of a CSV file from its header line: ``;``, tab or ``,``.

    ``|`` is never a delimiter: it separates several values inside one cell.

    >>> sniff_delimiter("id;naam;sector")
    ';'
    >>> sniff_delimiter("id,name")
    ','
    """
    counts = {delimiter: 0 for delimiter in (",", ";", "\t")}
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _last_quote_opened(text: str, delimiter: str, until_line: int) -> int | None:
    """The line of the last quote that opened a cell on or before ``until_line`` (the csv module's rules)."""
    line, opened, quoted, at_start, i = 1, None, False, True, 0
    while i < len(text) and line <= until_line:
        char = text[i]
        if quoted and char == '"':
            if text[i + 1 : i + 2] == '"':
                i += 1
            else:
                quoted = False
        elif not quoted and char == '"' and at_start:
            quoted, opened = True, line
        at_start = not quoted and char in (delimiter, "\n", "\r")
        if char == "\n" or (char == "\r" and text[i + 1 : i + 2] != "\n"):
            line += 1
        i += 1
    return opened


def _read_csv(path: Path) -> list[list[str]]:
    text = decode_text(path.read_bytes(), str(path))
    first, *rest = _LINE_BREAK.split(text, maxsplit=1)
    skipped = 0
    if first.lower().startswith("sep=") and len(first) >= 5:  # Excel's line naming the delimiter
        delimiter, text, skipped = first[4], "".join(rest), 1
    else:
        delimiter = sniff_delimiter(first)
    # strict: a quote left open stops here instead of swallowing the rows after it
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        grid = list(rows)
    except csv.Error as err:
        line = rows.line_num
        opened = _last_quote_opened(text, delimiter, line)
        where = f"{path}, line {line + skipped}"
        if "end of data" in str(err) and opened is not None:
            msg = f"{where}: a quote opened on line {opened + skipped} is never closed: close it or remove it"
        elif opened is not None:
            msg = (
                f"{where}: cannot read this CSV file ({err}): a quote opened on line {opened + skipped} "
                "runs on to here: check its quotes"
            )
        else:
            msg = f"{where}: cannot read this CSV file ({err}): check its quotes"
        raise SourceError(msg) from err
    if "'" not in text:  # no apostrophe an export put before a formula, as in most files
        return grid
    # only a row with an apostrophe can hold a cell to unquote
    return [[unquote_cell(cell) for cell in row] if "'" in "".join(row) else row for row in grid]


@gc_paused()
def _read_csv_folder(folder: Path, display: Path | None = None) -> Source:
    source = Source(str(display or folder), kind="folder")
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() != ".csv" or not path.is_file():
            continue
        source.found.append(path.name)
        role = table_role(path.stem)
        if role is None or role in source.tables:
            continue
        source.tables[role] = grid_table(role, path.name, "", _read_csv(path), sheet_word="")
    return source


# --- YAML and JSON -----------------------------------------------------------------------


def _names_setting(key: str) -> bool:
    """Whether a top-level key of a YAML/JSON file is a map setting (``sectors``, ``restricted_fields`` …)."""
    key = normalise_key(key)
    return any(key in {normalise_key(name) for name in (setting, *aliases)} for setting, aliases in SETTINGS.items())


def _yaml_loader() -> type:
    """A safe YAML loader that stops at an alias bomb: one that counts what aliases repeat as it composes."""
    import yaml

    class Loader(yaml.SafeLoader):
        """PyYAML's SafeLoader, refusing a file whose aliases repeat more than YAML_REPEATS_AT_MOST values."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.sizes: dict[int, int] = {}  # id of a composed node → how many values it holds, aliases expanded
            self.repeated = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                node = super().compose_node(parent, index)
                self.repeated += self.sizes.get(id(node), 1)
                if self.repeated > YAML_REPEATS_AT_MOST:
                    raise _TooManyRepeats(event.start_mark.line + 1)
                return node
            node = super().compose_node(parent, index)
            children = node.value if isinstance(node, yaml.SequenceNode) else []
            if isinstance(node, yaml.MappingNode):
                children = [child for pair in node.value for child in pair]
            self.sizes[id(node)] = 1 + sum(self.sizes.get(id(child), 1) for child in children)
            return node

    for tag in ("int", "float", "timestamp"):  # 2021-13-45 or 5,000 digits: text, which validation reports
        construct = Loader.yaml_constructors[f"tag:yaml.org,2002:{tag}"]
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", _text_when_invalid(construct))
    return Loader


def _text_when_invalid(construct: Any) -> Any:
    """A YAML constructor that keeps a scalar as text when it cannot be read as what it looks like."""

    def lenient(loader: Any, node: Any) -> Any:
        try:
            return construct(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    return lenient


def _json_int(text: str) -> int | str:
    """A JSON integer; one too long for Python to read (thousands of digits) stays text."""
    return int(text) if len(text) <= 100 else text


class _TooManyRepeats(Exception):
    """A YAML file's aliases repeat too much; ``args[0]`` is the line where the limit was passed."""


def _too_deep(data: Any) -> bool:
    """Whether lists and mappings nest more than NESTING_AT_MOST levels (a YAML alias may even hold itself)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > NESTING_AT_MOST:
                return True
            stack.extend((child, depth + 1) for child in (value.values() if isinstance(value, dict) else value))
    return False


def _load_data(path: Path, text: str) -> Any:
    """The content of a JSON or YAML file, or one clear SourceError."""
    import yaml

    too_deep = f"{path}: this file nests lists or sections more than {NESTING_AT_MOST} levels deep: a map needs a few"
    try:
        if path.suffix.lower() in (".json", ".cyjs"):
            data = json.loads(text, parse_int=_json_int)
        else:
            data = yaml.load(text, Loader=_yaml_loader())  # a SafeLoader
    except json.JSONDecodeError as err:
        msg = f"{path}, line {err.lineno}: this is not valid JSON ({err.msg})"
        raise SourceError(msg) from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "syntax error"
        msg = f"{path}{line}: this is not valid YAML ({problem})"
        raise SourceError(msg) from err
    except _TooManyRepeats as err:
        msg = f"{path}, line {err.args[0]}: this file uses too many YAML aliases (they repeat more than "
        msg += f"{YAML_REPEATS_AT_MOST:,} values): write the values out instead of repeating them with *aliases"
        raise SourceError(msg) from err
    except RecursionError as err:
        raise SourceError(too_deep) from err
    if _too_deep(data):
        raise SourceError(too_deep)
    return data


def read_data(path: Path) -> Any:
    """The content of a JSON (``.json``, ``.cyjs``) or YAML file, or one clear SourceError.

    The same limits hold for every such file: YAML aliases, nesting depth, numbers too long to hold.
    """
    return _load_data(path, decode_text(path.read_bytes(), str(path)))


def _read_data_file(path: Path) -> Source:
    data = read_data(path)
    if not isinstance(data, dict):
        msg = f"{path}: expected a mapping with organisations and links at the top level"
        raise SourceError(msg)
    if "elements" in data and not any(table_role(str(key)) in ("organisations", "links") for key in data):
        if isinstance(data["elements"], dict):
            from .networks import cyjs_source

            return cyjs_source(path, data)
        from .kumu import blueprint_tables

        return Source(str(path), blueprint_tables(path, data), [str(key) for key in data], kind="data")
    source = Source(str(path), kind="data")
    settings: list[list[Any]] = [["key", "value"]]
    for key, value in data.items():
        source.found.append(str(key))
        role = table_role(str(key))
        if role in ("organisations", "links", "stages", "views") and role not in source.tables:
            source.tables[role] = records_table(role, path, str(key), value)
        elif role == "settings" and isinstance(value, dict):
            settings.extend([k, v] for k, v in value.items())
        elif not isinstance(value, (dict, list)) or (isinstance(value, list) and _names_setting(str(key))):
            settings.append([key, value])
    if len(settings) > 1:
        source.tables["settings"] = grid_table(
            "settings", path.name, "settings", settings, sheet_word="section", row_word="item", column_word="field"
        )
    return source


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
        cells = [_cell(by_header.get(h)) for h in headers]
        if not _is_blank(cells):
            rows.append((number, cells))
    return RawTable(role, path.name, section, headers, rows, "section", row_word, "field")
