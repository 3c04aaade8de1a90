"""The positions file: where a map's positions are kept between runs, beside its source.

A folder of CSV files keeps them inside it, as ``positions.csv``; any other
source (a workbook, a YAML or JSON file, a graph file) beside it, as
``<file name>.positions.csv`` (``map.xlsx`` → ``map.xlsx.positions.csv``).
The file is plain CSV, ``id,x,y`` with one organisation a row, sorted by id,
whole pixels in the coordinates of the page and the exports, so it can be
committed beside the data and read in a diff. When the source's folder
cannot be written, the positions are kept in the cache folder instead
(:func:`~stakeholders.layout.cache_folder`), in a file named after the
source's full path.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> positions_path(folder / "map.xlsx").name, positions_path(folder).name
('map.xlsx.positions.csv', 'positions.csv')
>>> path = folder / "map.xlsx.positions.csv"
>>> write_positions(path, {"om": (10, -20), "a,b": (0, 5)}) == path
True
>>> path.read_text(encoding="utf-8").splitlines()
['id,x,y', '"a,b",0,5', 'om,10,-20']
>>> read_positions(path)
{'a,b': (0, 5), 'om': (10, -20)}
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import os
from pathlib import Path

from .._atomic import write_atomic
from ..errors import OutputError, SourceError
from ..values import neutralise, unquote_cell
from ._cache import cache_folder

__all__ = ["POSITIONS_FILE", "fallback_path", "keep_positions", "kept_positions", "positions_path", "read_positions"]

POSITIONS_FILE = "positions.csv"
"""The positions file's name inside a folder of CSV files (beside any other source: ``<name>.positions.csv``)."""

LIMIT = 1_000_000
"""No coordinate may lie further than this from 0 (pixels): a larger one is a mistake, not a position."""


def positions_path(source: str | os.PathLike[str]) -> Path:
    """Where the positions of the map in ``source`` are kept: in a CSV folder, or beside any other file.

    One CSV file of a folder stands for its folder.
    """
    path = Path(source)
    if path.is_dir():
        return path / POSITIONS_FILE
    if path.suffix.lower() == ".csv":
        return path.parent / POSITIONS_FILE
    return path.with_name(f"{path.name}.positions.csv")


def fallback_path(positions_file: str | os.PathLike[str]) -> Path | None:
    """Where the positions of ``positions_file`` go when its folder cannot be written: the cache (None when off)."""
    folder = cache_folder()
    if folder is None:
        return None
    key = hashlib.sha256(str(Path(positions_file).resolve()).encode("utf-8")).hexdigest()[:32]
    return folder / f"positions-{key}.csv"


def _number(text: str) -> int | None:
    try:
        value = float(text.strip().replace(",", ".") if text.count(",") == 1 and "." not in text else text)
    except ValueError:
        return None
    return round(value) if math.isfinite(value) and abs(value) <= LIMIT else None


def read_positions(path: str | os.PathLike[str]) -> dict[str, tuple[int, int]]:
    """The positions in a positions file, by id; raises :class:`SourceError` naming the line that is wrong.

    Besides ``id``, ``x`` and ``y`` any other column is ignored, and a row without an id is skipped.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        msg = f"{path}: cannot read this positions file ({err}): fix it or delete it to lay the map out again"
        raise SourceError(msg) from err
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if not {"id", "x", "y"} <= set(header):
        msg = f"{path}, line 1: a positions file needs the columns id, x and y: fix it or delete it"
        raise SourceError(msg)
    at = [header.index(name) for name in ("id", "x", "y")]
    found: dict[str, tuple[int, int]] = {}
    for line, row in enumerate(rows[1:], 2):
        cells = [unquote_cell(row[i]).strip() if i < len(row) else "" for i in at]
        if not cells[0]:
            continue
        x, y = _number(cells[1]), _number(cells[2])
        if x is None or y is None:
            msg = f"{path}, line {line}: '{cells[0]}' needs two numbers x and y (at most {LIMIT:,} from 0): fix them"
            raise SourceError(msg)
        found[cells[0]] = (x, y)
    return dict(sorted(found.items()))


def _content(positions: dict[str, tuple[int, int]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "x", "y"])
    for ident, (x, y) in sorted(positions.items()):
        writer.writerow([neutralise(ident), x, y])
    return buffer.getvalue().encode("utf-8")


def write_positions(path: str | os.PathLike[str], positions: dict[str, tuple[int, int]]) -> Path:
    """Write ``positions`` to ``path`` atomically, sorted by id: the same positions give the same bytes."""
    return write_atomic(path, _content(positions))


def kept_positions(positions_file: str | os.PathLike[str]) -> tuple[dict[str, tuple[int, int]], Path | None]:
    """The positions kept for a map, and the file they came from: beside the source, or in the cache.

    The newer of the two wins (the cache holds them only when the source's folder could not be written).
    Nothing kept: ``({}, None)``.
    """
    beside = Path(positions_file)
    fallback = fallback_path(beside)
    candidates = [path for path in (beside, fallback) if path is not None and path.is_file()]
    if not candidates:
        return {}, None
    chosen = max(candidates, key=lambda path: path.stat().st_mtime_ns) if len(candidates) > 1 else candidates[0]
    return read_positions(chosen), chosen


def keep_positions(positions_file: str | os.PathLike[str], positions: dict[str, tuple[int, int]]) -> tuple[Path, str]:
    """Keep ``positions`` in the positions file, or in the cache when its folder cannot be written.

    Returns the file written and a note ("" when all went well). A file that
    already holds these positions is not written again. Raises
    :class:`OutputError` only when neither place can be written.
    """
    beside = Path(positions_file)
    content = _content(positions)
    try:
        if beside.is_file() and beside.read_bytes() == content:
            return beside, ""
        write_atomic(beside, content)
    except (OSError, OutputError) as err:
        fallback = fallback_path(beside)
        reason = err.strerror if isinstance(err, OSError) and err.strerror else "cannot write there"
        if fallback is None:
            msg = f"{beside}: cannot keep the map's positions ({reason}) and the cache is off"
            raise OutputError(msg) from err
        try:
            fallback.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not (fallback.is_file() and fallback.read_bytes() == content):
                write_atomic(fallback, content, mode=0o600)
        except (OSError, OutputError) as again:
            msg = f"{beside}: cannot keep the map's positions there nor in the cache ({again})"
            raise OutputError(msg) from again
        note = f"cannot write {beside} ({reason}): the positions are kept in {fallback} instead"
        return fallback, note
    return beside, ""
