"""A folder of CSV files, read and written: organisations.csv, links.csv, stages.csv, script.csv, barriers.csv,
views.csv, map.csv.

Reading takes what Excel and other programs write: UTF-8 (with or without a
byte order mark), UTF-16 or Windows-1252, a ``;``, tab or ``,`` delimiter
(or Excel's ``sep=`` line), and text an export quoted against formulas.
Writing gives comma-separated UTF-8 with a byte order mark, so Excel reads
the accents right, each cell kept from running as a formula
(:func:`stakeholders.values.neutralise`); each file is written atomically.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from .._gc import gc_paused
from ..errors import OutputError, SourceError
from ..model import StakeholderMap
from ..schema import normalise_key
from ..source import Source, decode_text, grid_table, table_role
from ..values import neutralise, unquote_cell
from ._common import map_sheets

__all__ = ["csv_bytes", "read_csv_folder", "sniff_delimiter", "to_csv_files", "write_folder"]


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
def read_csv_folder(folder: Path, display: Path | None = None) -> Source:
    """Read every CSV file of ``folder`` whose name is a table's; ``display`` is the path messages name."""
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


# --- writing ------------------------------------------------------------------------------


def csv_bytes(grid: list[list[Any]]) -> bytes:
    """Rows as a CSV file: comma-separated UTF-8 with a byte order mark, no cell able to run as a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in grid:
        writer.writerow(["" if v is None else neutralise(v) if isinstance(v, str) else v for v in row])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def to_csv_files(m: StakeholderMap, *, extra: dict[str, list[list[Any]]] | None = None) -> dict[str, bytes]:
    """The map as CSV files by name: organisations.csv, links.csv, stages.csv (unless default), script.csv and
    barriers.csv (when the map has phases or barriers), views.csv (when it has views) and map.csv.

    Comma-separated UTF-8 with a byte order mark, so Excel reads the accents right. ``extra`` sheets (title →
    rows) become files named by their title (``Conflicts`` → ``conflicts.csv``), which no reader takes for a table.
    """
    names = {
        "Organisations": "organisations.csv",
        "Links": "links.csv",
        "Stages": "stages.csv",
        "Views": "views.csv",
        "Script": "script.csv",
        "Barriers": "barriers.csv",
        "Map": "map.csv",
    }
    files = {names[sheet]: csv_bytes(grid) for sheet, grid in map_sheets(m).items()}
    for title, grid in (extra or {}).items():
        name = f"{normalise_key(title)}.csv"
        if name in files or table_role(normalise_key(title)):
            msg = f"{name}: an extra sheet may not have the name of a table of the map"
            raise OutputError(msg)
        files[name] = csv_bytes(grid)
    return files


def write_folder(files: dict[str, bytes], folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        msg = f"{folder}: this is a file, not a folder: give a folder for the CSV files"
        raise OutputError(msg)
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() == ".csv" and path.name not in files and table_role(path.stem):
                msg = (
                    f"{folder}: {path.name} in this folder would be read as the map's {table_role(path.stem)}: "
                    "remove it or choose an empty folder"
                )
                raise OutputError(msg)
    elif not folder.parent.is_dir():
        msg = f"{folder}: the folder {folder.parent} does not exist: create it first or choose another output path"
        raise OutputError(msg)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        msg = f"{folder}: cannot create this folder ({err.strerror}): choose another output path"
        raise OutputError(msg) from err
    for name, content in files.items():
        write_atomic(folder / name, content)
    return folder
