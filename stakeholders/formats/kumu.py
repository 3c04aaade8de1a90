"""Kumu's conventions, both ways: its workbooks and JSON blueprints in, its workbook out.

Kumu recognises a sheet by its header row, not its name: ``Label`` (or ``ID``
and then ``Label``) first for elements, ``From`` and ``To`` for connections; sheets with
``(ignore)`` in the name are skipped. ``|`` separates several values, and
several targets in ``To`` make several connections. Our column names take
over from there: ``Label`` is the name, ``Description``, ``Tags``, ``URL``,
``direction`` and any column named like one of ours mean what they mean in a
map of ours (a connection's ``Description`` is its ``notes``), and other columns stay
custom fields. A label that repeats among elements without an ``ID`` is a
problem to report: Kumu would take those rows for one element.

Kumu's ``Type`` is read leniently: a type that names a sector (a link kind,
for connections) becomes the sector, any other type stays a custom field,
``Element type`` (``Connection type``), as Kumu itself calls it in a blueprint.
Kumu refers to elements by label unless they have an ``ID``; elements without
one get a stable id made from the label (:func:`kumu_id`). A workbook with
connections only gets an element for each label in ``From`` and ``To``, as
Kumu makes them; with an elements sheet, an end that is no element is a
problem to report (a typo, most likely), not a new organisation.

A Kumu workbook written by :func:`kumu_sheets` keeps the map's stages,
script, barriers, views and settings in the sheets ``Stages (ignore)``,
``Script (ignore)``, ``Barriers (ignore)``, ``Views (ignore)`` and ``Map
(ignore)``: Kumu skips them (it has no place for a barrier model), and
:mod:`stakeholders.formats.workbook` reads them back.

>>> kumu_id("Openbaar Ministerie (OM)"), kumu_id("007")
('openbaar-ministerie-om', '007')
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..model import StakeholderMap
from ..schema import column_for, normalise_key
from ..source import RawTable, grid_table, records_table
from ..values import cell_value, raw_records
from ._common import map_sheets

__all__ = ["blueprint_tables", "kumu_id", "kumu_sheets", "kumu_tables"]

ELEMENT_TYPE = "Element type"
CONNECTION_TYPE = "Connection type"
MORE = {"organisations": "elements", "links": "connections"}


def kumu_id(label: Any) -> str:
    """A stable id for an element that Kumu knows by its label: folded to lower case, words joined by ``-``."""
    return re.sub(r"[^\w]+", "-", normalise_key(str(label))).strip("-")


def _sheet_role(grid: list[list[Any]]) -> str | None:
    """organisations for a Kumu elements sheet, links for connections, None for anything else."""
    headers = [normalise_key(str(h)) for h in grid[0]] if grid and grid[0] else []
    if not headers:
        return None
    if "from" in headers and "to" in headers and headers[0] in ("from", "id"):
        return "links"
    if headers[0] == "label" or (headers[0] == "id" and "label" in headers):
        return "organisations"
    return None


def _rename_type(table: RawTable, name: str, field: str) -> None:
    """Read Kumu's ``Type`` column leniently as ``field`` (see the module docstring)."""
    for index, header in enumerate(table.headers):
        if normalise_key(header) == "type":
            table.headers[index] = name
            table.lenient[name] = field


def _unique_ids(labels: list[tuple[int, Any]], taken: set[str] | None = None) -> list[str]:
    """Ids from (row, label) pairs, ``-2``, ``-3`` … added where two labels fold to the same id."""
    used = set(taken or ())
    ids: list[str] = []
    for row, label in labels:
        base = kumu_id(label) or f"element-{row}"
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        ids.append(candidate)
        used.add(candidate)
    return ids


def _description_is_notes(table: RawTable) -> None:
    """A connection's ``Description`` is its notes, unless the sheet has a notes column of its own."""
    if not any((c := column_for("links", h)) is not None and c.name == "notes" for h in table.headers):
        table.fields.update({h: "notes" for h in table.headers if normalise_key(h) == "description"})


def _repeated_labels(table: RawTable, labels: list[tuple[int, Any]], column: str) -> None:
    """Note each element whose label an earlier one has: Kumu takes elements without an ID by label, as one."""
    first: dict[str, int] = {}
    for row, label in labels:
        text = "" if label is None else str(label).strip()
        if text and text in first:
            msg = (
                f"this label is also on {table.row_word} {first[text]}: Kumu treats them as one element; "
                f"merge the {table.row_word}s or give each an ID"
            )
            table.problems.append((row, column, msg))
        first.setdefault(text, row)


def _elements(table: RawTable) -> tuple[RawTable, dict[str, str]]:
    """Kumu elements with an id each; and, when the ids were made here, which id each label got."""
    _rename_type(table, ELEMENT_TYPE, "sector")
    columns = [column_for("organisations", h) for h in table.headers]
    by_label: dict[str, str] = {}
    if not any(c is not None and c.name == "id" for c in columns):
        label = next((i for i, c in enumerate(columns) if c is not None and c.name == "name"), None)
        labels = [(row, cells[label] if label is not None else "") for row, cells in table.rows]
        if label is not None:
            _repeated_labels(table, labels, table.headers[label])
        table.headers.append("id")
        for (_, cells), (_, text), ident in zip(table.rows, labels, _unique_ids(labels), strict=True):
            cells.append(ident)
            by_label.setdefault(str(text), ident)
    return table, by_label


def _connections(table: RawTable, by_label: dict[str, str]) -> RawTable:
    """Kumu connections, one row per source and target named in ``From`` and ``To``.

    An end that is exactly an element's label becomes that element's id, as
    Kumu matches them; anything else is left for validation to resolve.
    """
    _rename_type(table, CONNECTION_TYPE, "kind")
    _description_is_notes(table)
    keys = [normalise_key(h) for h in table.headers]
    ends = [keys.index("from"), keys.index("to")]
    ident = next((i for i, h in enumerate(table.headers) if (c := column_for("links", h)) and c.name == "id"), None)
    rows = []
    for row, cells in table.rows:
        sources, targets = ([by_label.get(v, v) for v in _values(cells[i])] or [""] for i in ends)
        pairs = [(s, t) for s in sources for t in targets]
        for number, (source, target) in enumerate(pairs, start=1):
            copy = list(cells)
            copy[ends[0]], copy[ends[1]] = source, target
            if ident is not None and copy[ident] not in ("", None) and len(pairs) > 1:
                copy[ident] = f"{copy[ident]}-{number}"
            rows.append((row, copy))
    table.rows = rows
    return table


def _values(cell: Any) -> list[str]:
    return [value.strip() for value in str(cell).split("|") if value.strip()]


def kumu_tables(file: str, sheets: dict[str, list[list[Any]]]) -> dict[str, RawTable]:
    """The elements and connections tables among a workbook's sheets, recognised by their header rows.

    ``sheets`` maps sheet names to their cells (sheets Kumu skips left out);
    the result is empty when no sheet looks like Kumu's.
    """
    found: dict[str, list[str]] = {"organisations": [], "links": []}
    for name, grid in sheets.items():
        role = _sheet_role(grid)
        if role is not None:
            found[role].append(name)
    for role, names in found.items():
        if len(names) > 1:
            msg = (
                f"{file}: several Kumu {MORE[role]} sheets ({', '.join(names)}): merge them into one sheet, "
                "or add (ignore) to the names of the sheets to skip"
            )
            raise SourceError(msg)
    tables: dict[str, RawTable] = {}
    by_label: dict[str, str] = {}
    if found["organisations"]:
        name = found["organisations"][0]
        tables["organisations"], by_label = _elements(grid_table("organisations", file, name, sheets[name]))
    if found["links"]:
        name = found["links"][0]
        tables["links"] = _connections(grid_table("links", file, name, sheets[name]), by_label)
        if "organisations" not in tables:
            tables["organisations"] = _implied_elements(tables["links"])
    return tables


def _implied_elements(connections: RawTable) -> RawTable:
    """Without an elements sheet, Kumu makes an element for every label in From and To: so do we."""
    keys = [normalise_key(h) for h in connections.headers]
    ends = [keys.index("from"), keys.index("to")]
    labels: dict[str, int] = {}
    for row, cells in connections.rows:
        for index in ends:
            if cells[index] not in ("", None):
                labels.setdefault(str(cells[index]), row)
    ids = _unique_ids([(row, label) for label, row in labels.items()])
    by_label = dict(zip(labels, ids, strict=True))
    for _, cells in connections.rows:
        for index in ends:
            cells[index] = by_label.get(str(cells[index]), cells[index])
    rows = [(row, [label, by_label[label]]) for label, row in labels.items()]
    return RawTable("organisations", connections.file, connections.sheet, ["Label", "id"], rows)


# --- JSON blueprints ---------------------------------------------------------------------


def _flatten(item: Any, path: Path, section: str, number: int, type_name: str) -> dict[str, Any]:
    """One element or connection with its ``attributes`` merged in and Kumu's key names made ours."""
    if not isinstance(item, dict):
        msg = f"{path}, section {section}, item {number}: expected a record (key: value mapping)"
        raise SourceError(msg)
    merged = {key: value for key, value in item.items() if key != "attributes"}
    attributes = item.get("attributes")
    if isinstance(attributes, dict):
        for key, value in attributes.items():
            merged.setdefault(key, value)
    rename = {
        "id": "id",  # Kumu's own exports say _id
        "type": type_name,
        "element-type": ELEMENT_TYPE,
        "connection-type": CONNECTION_TYPE,
        "connection-direction": "direction",
    }
    flat: dict[str, Any] = {}
    for key, value in merged.items():
        flat.setdefault(rename.get(normalise_key(str(key)), str(key)), value)
    return flat


def blueprint_tables(path: Path, data: dict[str, Any]) -> dict[str, RawTable]:
    """The elements and connections of a Kumu JSON blueprint as tables (``_id`` or ``id`` is the id)."""
    tables = {}
    for role, section, type_name, field in (
        ("organisations", "elements", ELEMENT_TYPE, "sector"),
        ("links", "connections", CONNECTION_TYPE, "kind"),
    ):
        items = data.get(section) or []
        if not isinstance(items, list):
            msg = f"{path}: section {section} must be a list of records (key: value mappings)"
            raise SourceError(msg)
        flat = [_flatten(item, path, section, number, type_name) for number, item in enumerate(items, start=1)]
        if role == "organisations":
            given = {str(r["id"]) for r in flat if r.get("id")}
            without = [(n, r) for n, r in enumerate(flat, start=1) if not r.get("id")]
            ids = _unique_ids([(n, r.get("label", "")) for n, r in without], taken=given)
            for (_, record), ident in zip(without, ids, strict=True):
                record["id"] = ident
        table = records_table(role, path, section, flat)
        if role == "organisations":
            _repeated_labels(table, [(n, r.get("label")) for n, r in without], "label")
        if not table.headers and role == "links":
            table.headers = ["from", "to"]
        table.lenient[type_name] = field
        if role == "links":
            _description_is_notes(table)
        tables[role] = table
    return tables


# --- writing -----------------------------------------------------------------------------


def _title(name: str) -> str:
    """Our field name as a Kumu column header: ``short_name`` → ``Short Name``."""
    return name.replace("_", " ").title()


def _kumu_grid(
    rows: list[dict[str, Any]], fixed: list[tuple[str, str]], rest: list[str], custom: list[str]
) -> list[list[Any]]:
    header = [kumu for kumu, _ in fixed] + [_title(name) for name in rest] + custom
    names = [ours for _, ours in fixed] + rest + custom
    return [header] + [[cell_value(row.get(name)) for name in names] for row in rows]


def _typed(m: StakeholderMap, table: str, field: str, type_name: str) -> tuple[list[dict[str, Any]], list[str], bool]:
    """Rows with Kumu's ``Type`` filled in, the custom columns left, and whether a separate field column is needed.

    ``Type`` holds the field's label (a sector or a link kind); a custom
    ``Element type`` (``Connection type``) column fills it where the field is
    empty, and gets ``Type`` to itself when some row has both.
    """
    frame = m.organisations if table == "organisations" else m.links
    vocabulary = m.settings.sectors if field == "sector" else m.settings.kinds
    custom = list(m.custom_columns.get(table, ()))
    own = next((c for c in custom if normalise_key(c) in (normalise_key(type_name), "type")), None)
    if own is not None:
        custom.remove(own)
    rows = raw_records(frame)
    both = own is not None and any(row[field] and row[own] for row in rows)
    for row in rows:
        label = vocabulary.label(row[field]) if row[field] else ""
        own_value = row[own] if own else ""
        row["Type"] = own_value if both else label or own_value
        if both:
            row[field] = label
    return rows, custom, both


def kumu_sheets(m: StakeholderMap) -> dict[str, list[list[Any]]]:
    """The map as a Kumu workbook: Elements, Connections, and our other sheets (Stages, Script, Barriers, Views,
    Map) for Kumu to skip."""
    orgs, org_custom, org_both = _typed(m, "organisations", "sector", ELEMENT_TYPE)
    fixed = [("ID", "id"), ("Label", "name"), ("Type", "Type"), ("Description", "description"), ("Tags", "tags")]
    fixed.append(("URL", "url"))
    skip = {"id", "name", "description", "tags", "url"} | (set() if org_both else {"sector"})
    skip |= set(m.custom_columns["organisations"])
    rest = [name for name in m.organisations.columns if name not in skip]
    elements = _kumu_grid(orgs, fixed, rest, org_custom)

    links, link_custom, link_both = _typed(m, "links", "kind", CONNECTION_TYPE)
    fixed = [("ID", "id"), ("From", "source"), ("To", "target"), ("Type", "Type"), ("direction", "direction")]
    skip = {"id", "source", "target", "direction"} | (set() if link_both else {"kind"})
    if not any(normalise_key(name) == "description" for name in link_custom):  # else notes stay Notes
        fixed.append(("Description", "notes"))
        skip.add("notes")
    skip |= set(m.custom_columns["links"])
    rest = [name for name in m.links.columns if name not in skip]
    connections = _kumu_grid(links, fixed, rest, link_custom)

    ours = map_sheets(m)
    sheets = {"Elements": elements, "Connections": connections}
    for name in ("Stages", "Script", "Barriers", "Views"):
        if name in ours:
            sheets[f"{name} (ignore)"] = ours[name]
    sheets["Map (ignore)"] = ours["Map"]
    return sheets
