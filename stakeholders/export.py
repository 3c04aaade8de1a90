"""Write a map in other formats: our workbook or CSV files, Kumu's workbook, GEXF, GraphML, Cytoscape.js JSON.

The output path chooses the format (:func:`export_format`); :func:`export_map`
writes it atomically. Every format reads back into the same map: lists go out
``|``-separated (or as JSON lists), and the map's settings, stages and views
travel with it. A list item that itself holds ``|`` would come back as two, so
every ``|``-separated format refuses it (:func:`check_list_items`). The pure
steps return bytes, and the same map gives the same bytes.

Spreadsheet cells are kept from running as formulas: in CSV files text that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
apostrophe (:func:`neutralise`), which reading a CSV file takes off again; in
.xlsx workbooks such text is a string cell marked with Excel's own
quote prefix, so it stays text even when the cell is edited.

>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("'+31"), neutralise("Politie")
('\\'=HYPERLINK("http://x")', "''+31", 'Politie')
>>> export_format("map.gexf"), export_format("kumu.xlsx", kumu=True), export_format("csv-folder")
('gexf', 'kumu', 'csv')
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from .atomic import write_atomic
from .errors import InvalidArgument, OutputError
from .model import AUDIENCES, LINK_KINDS, SECTORS, StakeholderMap
from .read import FORMULA_START, table_role
from .validate import default_stages

__all__ = [
    "FORMAT_NAMES",
    "cell_value",
    "check_list_items",
    "export_format",
    "export_map",
    "map_sheets",
    "neutralise",
    "number_cell",
    "plain",
    "records",
    "settings_pairs",
    "stage_records",
    "to_csv_files",
    "to_xlsx",
]

FORMAT_NAMES = {
    "gexf": "GEXF",
    "graphml": "GraphML",
    "cyjs": "Cytoscape.js JSON",
    "xlsx": "workbook",
    "kumu": "Kumu workbook",
    "csv": "CSV files",
}
"""The export formats by the key :func:`export_format` returns, with the name the CLI reports."""

FIXED_TIME = datetime(2000, 1, 1)
"""Timestamp written into workbooks, so the same map always gives the same bytes."""


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


# --- values ------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A table cell as a plain Python value: None when missing, lists of text as they are.

    >>> plain(float("nan")) is None, plain(pd.NA) is None, plain(["a"])
    (True, True, ['a'])
    """
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return value


def cell_value(value: Any) -> Any:
    """A table cell for a spreadsheet or a graph file: lists ``|``-joined, missing as None.

    >>> cell_value(["NP", "Nationale Politie"]), cell_value(None)
    ('NP|Nationale Politie', None)
    """
    value = plain(value)
    return "|".join(value) if isinstance(value, list) else value


def check_list_items(m: StakeholderMap) -> None:
    """Refuse a map with a list item that holds ``|``: raise :class:`OutputError` naming the first one.

    Spreadsheets, CSV files, Kumu, GEXF and GraphML join lists with ``|``, so
    such an item (``b|c``, from a YAML or JSON list) would load back as two;
    .cyjs keeps lists as JSON lists and needs no check.
    """
    found = [
        (f"{thing} '{name}', field {column}", item)
        for thing, frame, key in (
            ("organisation", m.organisations, "id"),
            ("link", m.links, "id"),
            ("stage", m.stages, "id"),
            ("view", m.views, "name"),
        )
        if frame is not None
        for name, row in zip(frame[key] if key in frame else frame.index, frame.to_dict("records"), strict=True)
        for column, value in row.items()
        if isinstance(value, (list, tuple))
        for item in value
        if "|" in str(item)
    ]
    if found:
        (place, item), rest = found[0], len(found) - 1
        more = f" ({rest} more item{'s hold' if rest > 1 else ' holds'} '|')" if rest else ""
        msg = (
            f"{m.source or 'map'}: {place}: the list item '{item}' contains '|', which separates list items in "
            "this format, so it would load back as several items: replace the '|' in the source (with '/', say) "
            f"or export to .cyjs, which keeps lists as lists{more}"
        )
        raise OutputError(msg)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a table as plain dictionaries, every column kept (see :func:`plain`)."""
    return [{name: plain(value) for name, value in row.items()} for row in frame.to_dict("records")]


def neutralise(text: str) -> str:
    """Text for a CSV cell that no spreadsheet program runs as a formula: see the module docstring."""
    return "'" + text if FORMULA_START.match(text) else text


# --- the map as tables -------------------------------------------------------------------


def settings_pairs(m: StakeholderMap) -> list[tuple[str, str]]:
    """Every setting of the map that is not the default, as (key, value) text.

    Title, date, source note, description, extra sectors and kinds, and who may
    see what: the default ``audience`` (never wider than the audience the map
    was cut down for), ``partners_fields`` and ``restricted_fields`` (the
    columns this map still holds: a map cut down for an audience names none it
    no longer has) and ``show_hidden_counts``. An export for internal readers
    thus keeps its private columns marked, and a map made from it for the
    public leaves them out again.

    >>> from stakeholders.model import MapSettings
    >>> settings = MapSettings(audience="partners", restricted_fields=("notes", "gone"), show_hidden_counts=True)
    >>> m = StakeholderMap(pd.DataFrame(columns=["id"]), pd.DataFrame(columns=["notes"]), None, settings)
    >>> settings_pairs(m)[1:]
    [('audience', 'partners'), ('restricted_fields', 'notes'), ('show_hidden_counts', 'yes')]
    """
    settings = m.settings
    pairs = [
        ("title", settings.title),
        ("date", settings.date),
        ("source_note", settings.source_note),
        ("description", settings.description),
    ]
    for key, vocabulary, default in (("sectors", settings.sectors, SECTORS), ("kinds", settings.kinds, LINK_KINDS)):
        extra = [vocabulary.label(term) for term in vocabulary.ids if term not in default.ids]
        if extra:
            pairs.append((key, "|".join(extra)))
    narrowest = min(settings.audience or "public", m.audience, key=AUDIENCES.ids.index)
    if narrowest != "public":
        pairs.append(("audience", narrowest))
    columns = {*m.organisations.columns, *m.links.columns}
    for key in ("partners_fields", "restricted_fields"):
        pairs.append((key, "|".join(name for name in getattr(settings, key) if name in columns)))
    pairs.append(("show_hidden_counts", "yes" if settings.show_hidden_counts else ""))
    return [(key, value) for key, value in pairs if value]


def stage_records(m: StakeholderMap) -> list[dict[str, Any]] | None:
    """The map's stages as records, or None when the map uses the default stages (so it keeps doing so)."""
    stages = records(m.stages)
    if "name_nl" not in m.custom_columns.get("stages", ()) and stages == records(default_stages()):
        return None
    return stages


def _grid(frame: pd.DataFrame) -> list[list[Any]]:
    return [list(frame.columns)] + [[cell_value(v) for v in row] for row in frame.itertuples(index=False)]


def map_sheets(m: StakeholderMap) -> dict[str, list[list[Any]]]:
    """The map as the sheets of our own workbook: Organisations, Links, Stages (unless default), Views and Map.

    Views is there when the map has views. Raises :class:`OutputError` for a list
    item that holds ``|`` (see :func:`check_list_items`).
    """
    check_list_items(m)
    sheets = {"Organisations": _grid(m.organisations), "Links": _grid(m.links)}
    if stage_records(m) is not None:
        sheets["Stages"] = _grid(m.stages)
    if m.views is not None:
        sheets["Views"] = _grid(m.views)
    sheets["Map"] = [["key", "value"], *[[key, value] for key, value in settings_pairs(m)]]
    return sheets


# --- workbooks and CSV -------------------------------------------------------------------


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
        from .kumu import kumu_sheets

        return _workbook_bytes(_numbers_in_custom_columns(kumu_sheets(m), m))
    return _workbook_bytes(_numbers_in_custom_columns(map_sheets(m), m))


def _csv_bytes(grid: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in grid:
        writer.writerow(["" if v is None else neutralise(v) if isinstance(v, str) else v for v in row])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def to_csv_files(m: StakeholderMap) -> dict[str, bytes]:
    """The map as CSV files by name: organisations.csv, links.csv, stages.csv (unless default), views.csv
    (when the map has views) and map.csv.

    Comma-separated UTF-8 with a byte order mark, so Excel reads the accents right.
    """
    names = {
        "Organisations": "organisations.csv",
        "Links": "links.csv",
        "Stages": "stages.csv",
        "Views": "views.csv",
        "Map": "map.csv",
    }
    return {names[sheet]: _csv_bytes(grid) for sheet, grid in map_sheets(m).items()}


def _write_folder(files: dict[str, bytes], folder: Path) -> Path:
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


def _overwrites_source(m: StakeholderMap, path: Path, chosen: str) -> bool:
    if not m.source:
        return False
    source, target = Path(m.source).resolve(), path.resolve()
    if target == source:
        return True
    folder = source if source.is_dir() else source.parent if source.suffix.lower() == ".csv" else None
    return chosen == "csv" and target == folder


def export_map(m: StakeholderMap, path: str | os.PathLike[str], *, kumu: bool = False) -> Path:
    """Write ``m`` to ``path`` in the format its extension names (see :func:`export_format`); return the path.

    Files are written atomically; a CSV folder is created when missing and
    each of its files is written atomically. The source is never overwritten,
    and nothing is written when a list item holds ``|`` (except to .cyjs; see
    :func:`check_list_items`).
    """
    path = Path(path)
    chosen = export_format(path, kumu=kumu)
    if _overwrites_source(m, path, chosen):
        msg = f"{path}: this would overwrite the source: choose another output path"
        raise InvalidArgument(msg)
    if chosen != "cyjs":
        check_list_items(m)
    if chosen == "csv":
        return _write_folder(to_csv_files(m), path)
    if chosen in ("xlsx", "kumu"):
        return write_atomic(path, to_xlsx(m, kumu=kumu))
    from . import networks

    writers = {"gexf": networks.to_gexf, "graphml": networks.to_graphml, "cyjs": networks.to_cyjs}
    return write_atomic(path, writers[chosen](m))
