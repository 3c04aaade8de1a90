"""Every file format, read and written, chosen by the file's type: the one dispatcher.

One module per format, each reading *and* writing its own files, over the
neutral table layer of :mod:`stakeholders.source`:

- :mod:`~stakeholders.formats.workbook`: our .xlsx workbook (and Kumu's, read by its headers);
- :mod:`~stakeholders.formats.csvfolder`: a folder of CSV files;
- :mod:`~stakeholders.formats.datafile`: YAML and JSON;
- :mod:`~stakeholders.formats.kumu`: Kumu's workbook and JSON blueprint;
- :mod:`~stakeholders.formats.graphfiles`: GEXF, GraphML and Cytoscape.js JSON.

:func:`read_source` picks the reader by the path (a folder, or the suffix);
:func:`export_format` and :func:`export_map` pick the writer by the output
path and write atomically. Every format reads back into the same map: lists
go out ``|``-separated (or as JSON lists), and the map's settings, stages and
views travel with it. A list item that itself holds ``|`` would come back as
two, so every ``|``-separated format refuses it
(:func:`~stakeholders.formats._common.check_list_items`).

>>> export_format("map.gexf"), export_format("kumu.xlsx", kumu=True), export_format("csv-folder")
('gexf', 'kumu', 'csv')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from ..errors import InvalidArgument, SourceError, UnsupportedSource
from ..model import StakeholderMap
from ..schema import normalise_key
from ..source import LIMIT_MB, WORKBOOK_SUFFIXES, Source, check_size, table_role
from ._common import check_list_items
from .csvfolder import csv_bytes, read_csv_folder, to_csv_files, write_folder
from .datafile import data_source, read_data
from .graphfiles import cyjs_source, read_network, to_cyjs, to_gexf, to_graphml
from .kumu import blueprint_tables
from .workbook import read_workbook, to_xlsx

__all__ = ["FORMAT_NAMES", "SOURCE_KINDS", "export_format", "export_map", "read_source"]

DATA_SUFFIXES = {".yaml", ".yml", ".json"}
GRAPH_SUFFIXES = {".gexf", ".graphml", ".cyjs"}
SOURCE_KINDS = "an .xlsx workbook, a folder of CSV files, a .yaml or .json file, or a .gexf, .graphml or .cyjs file"
"""What :func:`read_source` reads, in words."""

FORMAT_NAMES = {
    "gexf": "GEXF",
    "graphml": "GraphML",
    "cyjs": "Cytoscape.js JSON",
    "xlsx": "workbook",
    "kumu": "Kumu workbook",
    "csv": "CSV files",
}
"""The export formats by the key :func:`export_format` returns, with the name the CLI reports."""


# --- reading -----------------------------------------------------------------------------


def read_source(path: str | os.PathLike[str], *, limit_mb: float = LIMIT_MB) -> Source:
    """Read a workbook, a CSV folder (or one CSV file in it), a YAML/JSON file, or a graph file.

    Raises :class:`~stakeholders.errors.UnsupportedSource` for other paths and
    :class:`~stakeholders.errors.SourceError` when the file cannot be read or
    is larger than ``limit_mb`` megabytes (packed or unpacked).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "organisations.csv").write_bytes("id;naam\\r\\nom;Openbaar Ministerie\\r\\n".encode("cp1252"))
    >>> table = read_source(folder).tables["organisations"]
    >>> table.role, table.headers, table.rows
    ('organisations', ['id', 'naam'], [(2, ['om', 'Openbaar Ministerie'])])
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
    """The source at ``path``, read by the reader its type asks for."""
    if path.is_dir():
        return read_csv_folder(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path)
    if suffix == ".csv":
        return read_csv_folder(path.parent, display=path.parent)
    if suffix in DATA_SUFFIXES:
        return _read_data_source(path)
    if suffix in GRAPH_SUFFIXES:
        return read_network(path)
    if suffix == ".xls":
        msg = f"{path}: old Excel .xls files are not read: open it in Excel and save it as .xlsx"
        raise UnsupportedSource(msg)
    msg = f"{path}: unsupported file type '{path.suffix or path.name}': use {SOURCE_KINDS}"
    raise UnsupportedSource(msg)


def _read_data_source(path: Path) -> Source:
    """A YAML or JSON file: our map, or (by what it holds) a Kumu blueprint or Cytoscape.js JSON."""
    data = read_data(path)
    if not isinstance(data, dict):
        msg = f"{path}: expected a mapping with organisations and links at the top level"
        raise SourceError(msg)
    if "elements" in data and not any(table_role(str(key)) in ("organisations", "links") for key in data):
        if isinstance(data["elements"], dict):
            return cyjs_source(path, data)
        return Source(str(path), blueprint_tables(path, data), [str(key) for key in data], kind="data")
    return data_source(path, data)


# --- writing -----------------------------------------------------------------------------


def export_format(path: str | os.PathLike[str], kumu: bool = False) -> str:
    """The format an output path asks for: a key of :data:`FORMAT_NAMES`, or :class:`InvalidArgument`.

    A folder (an existing one, or a path without an extension) gets CSV files.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir() or suffix == "":
        found = "csv"
    elif suffix in (".gexf", ".graphml", ".cyjs", ".xlsx"):
        found = suffix[1:]
    elif suffix == ".csv":
        msg = (
            f"{path}: CSV export writes a folder: give a folder name, e.g. my-map "
            "(it gets organisations.csv, links.csv and map.csv, and stages.csv and views.csv when the map has "
            "its own stages or views)"
        )
        raise InvalidArgument(msg)
    else:
        msg = f"{path}: unsupported output type '{path.suffix}': use .gexf, .graphml, .cyjs, .xlsx or a folder for CSV"
        raise InvalidArgument(msg)
    if kumu and found != "xlsx":
        msg = f"{path}: Kumu's format is an .xlsx workbook: give an output ending in .xlsx"
        raise InvalidArgument(msg)
    return "kumu" if kumu else found


def _overwrites_source(m: StakeholderMap, path: Path, chosen: str) -> bool:
    if not m.source:
        return False
    source, target = Path(m.source).resolve(), path.resolve()
    if target == source:
        return True
    folder = source if source.is_dir() else source.parent if source.suffix.lower() == ".csv" else None
    return chosen == "csv" and target == folder


def export_map(
    m: StakeholderMap,
    path: str | os.PathLike[str],
    *,
    kumu: bool = False,
    extra_sheets: dict[str, list[list[Any]]] | None = None,
) -> Path:
    """Write ``m`` to ``path`` in the format its extension names (see :func:`export_format`); return the path.

    Files are written atomically; a CSV folder is created when missing and
    each of its files is written atomically. The source is never overwritten,
    and nothing is written when a list item holds ``|`` (except to .cyjs; see
    :func:`~stakeholders.formats._common.check_list_items`).

    ``extra_sheets`` (title → rows, the first the headers) go with the map, where no reader takes them for a
    table of the map: sheets of a workbook, CSV files of a folder (``Conflicts`` → ``conflicts.csv``), or CSV
    files beside a graph file (``map.gexf`` → ``map.conflicts.csv``).
    """
    path = Path(path)
    extra = extra_sheets or {}
    chosen = export_format(path, kumu=kumu)
    if _overwrites_source(m, path, chosen):
        msg = f"{path}: this would overwrite the source: choose another output path"
        raise InvalidArgument(msg)
    if chosen != "cyjs":
        check_list_items(m)
    if chosen == "csv":
        return write_folder(to_csv_files(m, extra=extra), path)
    if chosen in ("xlsx", "kumu"):
        return write_atomic(path, to_xlsx(m, kumu=kumu, extra=extra))
    writers = {"gexf": to_gexf, "graphml": to_graphml, "cyjs": to_cyjs}
    content = writers[chosen](m)
    for title, grid in extra.items():
        write_atomic(path.with_name(f"{path.stem}.{normalise_key(title)}.csv"), csv_bytes(grid))
    return write_atomic(path, content)
