"""Graph files in and out: GEXF (Gephi, Gephi Lite), GraphML and Cytoscape.js JSON (``.cyjs``).

Writing: every field of every organisation and link goes along as a node or
edge attribute (lists ``|``-joined in GEXF and GraphML, JSON lists in .cyjs).
GEXF carries our positions (y pointing up, as Gephi draws), sector colours,
sizes by number of links, link colours by kind and widths by strength, so the
file opens laid out; .cyjs carries the positions. The map's settings and
stages, views, script and barriers go where each format has room: graph
attributes in GraphML (tables as JSON text), the ``data`` object in .cyjs,
and JSON in GEXF's ``<meta><description>``. A barrier is no node or edge:
Gephi and Cytoscape do not show the barrier model, but the file keeps it and
reads back with it.

A link's direction is its ``direction`` attribute. The graph is directed
when the map has a directed link, and then every edge is a directed edge from
source to target, mutual and undirected ones too: networkx's readers refuse a
graph that mixes the two, and Gephi (0.9 and later) leaves an undirected edge
out of a graph declared directed. A map without directed links is an
undirected graph. The .cyjs file also carries what networkx's
``cytoscape_graph`` needs (``directed``, ``multigraph``, and each node's id
as its ``value`` and each edge's as its ``key``).

Reading uses networkx's readers for GEXF and GraphML and plain JSON for
.cyjs, and turns the graph back into tables for :mod:`stakeholders.validate`,
so every edge of the file becomes one link and every node one organisation.
networkx reads neither mixed graphs (which Gephi, yEd and earlier exports of
this tool write) nor repeated edge ids, so each edge's direction and id are
noted first and the file is handed over as a directed graph whose edges are
numbered in order. Positions, colours and sizes are not read: a map lays
itself out.

>>> from stakeholders import example_path, load_map
>>> to_gexf(load_map(example_path()))[:38]
b"<?xml version='1.0' encoding='utf-8'?>"
"""

from __future__ import annotations

import io
import json
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

from .._version import __version__
from ..errors import OutputError, SourceError
from ..layout import positions as map_positions
from ..model import StakeholderMap
from ..naming import org_label
from ..schema import COLUMNS, DEFAULT_STAGES, LINK_KINDS, SECTORS, SETTINGS, column_for, normalise_key
from ..source import RawTable, Source, grid_table, records_table
from ..style import LAPSED_COLOUR, kind_colour, link_width, sector_colour
from ..values import cell_value
from ._common import settings_pairs, stage_records
from .datafile import read_data

__all__ = ["cyjs_source", "read_network", "to_cyjs", "to_gexf", "to_graphml"]

GEXF_VERSION = "1.2draft"
"""Gephi and Gephi Lite read it; networkx writes it."""

RESERVED = {
    "organisations": {"pid", "parents", "spells", "slices", "viz"},
    "links": {"key", "networkx_key", "spells", "slices", "viz"},
}
"""Custom column names GEXF uses for its own purposes."""

IGNORED = {"viz", "pid", "parents", "spells", "slices", "SUID", "selected"}
"""Attributes of graph files that are about drawing or bookkeeping, not about the map."""

TABLES_IN_HEADER = ("stages", "views", "script", "barriers")
"""The tables a graph file carries as data of the graph itself (JSON in GEXF's description and GraphML's
graph attributes, lists in .cyjs), not as nodes or edges."""


# --- writing -----------------------------------------------------------------------------


_NUMBER_LINK_FIELDS = frozenset(c.name for c in COLUMNS["links"] if c.kind.is_number)
"""Link fields that hold a whole number: left out of an edge when empty (strength, the PARTNER scores, reports)."""


def _flat_graph(m: StakeholderMap) -> nx.MultiDiGraph:
    """The map as a graph whose attributes are all text (lists ``|``-joined), strength a whole number."""
    G = nx.MultiDiGraph()
    for record in m.records("organisations"):
        data = {
            k: _flat(v, "organisation", record["id"], k)
            for k, v in record.items()
            if k != "id" and not (k == "influence" and v is None)  # a number, or no attribute: never ""
        }
        G.add_node(record["id"], **data)
    for record in m.records("links"):
        ends = ("id", "source", "target")
        data = {
            k: _flat(v, "link", record["id"], k)
            for k, v in record.items()
            if k not in ends and not (k in _NUMBER_LINK_FIELDS and v is None)
        }
        G.add_edge(record["source"], record["target"], key=record["id"], **data)
    return G


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters that XML 1.0 cannot hold."""


def _flat(value: Any, thing: str, ident: str, name: str) -> Any:
    value = cell_value(value)
    if isinstance(value, str) and NOT_XML.search(value):
        msg = f"{thing} {ident}, field {name}: this text holds a control character that XML cannot store: remove it"
        raise OutputError(msg)
    return "" if value is None else value


def _header(m: StakeholderMap) -> dict[str, Any]:
    """The map's settings and, unless they are the default ones, its stages; its views, script and barriers."""
    header: dict[str, Any] = dict(settings_pairs(m))
    stages = stage_records(m)
    if stages is not None:
        header["stages"] = stages
    if m.views is not None:
        header["views"] = m.records("views")
    if len(m.script) or len(m.barriers):
        header["script"] = m.records("script")
    if len(m.barriers):
        header["barriers"] = m.records("barriers")
    return header


def _rgb(colour: str) -> dict[str, int]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16)}


def to_gexf(m: StakeholderMap) -> bytes:
    """The map as GEXF 1.2 with positions, colours and sizes: it opens laid out in Gephi and Gephi Lite."""
    for table in ("organisations", "links"):
        clash = sorted(set(m.custom_columns.get(table, ())) & RESERVED[table])
        if clash:
            msg = f"GEXF uses the name '{clash[0]}' itself: rename that column of the {table} table to export to GEXF"
            raise OutputError(msg)
    G = _flat_graph(m)
    positions = map_positions(m)
    degree = dict(m.graph.degree())
    for node, data in G.nodes(data=True):
        x, y = positions[node]
        data["label"] = org_label(data)
        data["viz"] = {
            "position": {"x": float(x), "y": float(-y), "z": 0.0},
            "color": _rgb(sector_colour(data["sector"], m.settings.sectors)),
            "size": round(8 + 4 * math.sqrt(degree[node]), 1),
        }
    for _, _, key, data in G.edges(keys=True, data=True):
        data["id"] = key
        colour = LAPSED_COLOUR if data["status"] == "lapsed" else kind_colour(data["kind"], m.settings.kinds)
        data["viz"] = {"color": _rgb(colour), "thickness": link_width(data.get("strength"))}
        if data.get("strength") is not None:
            data["weight"] = float(data["strength"])
    G.graph["name"] = m.settings.title
    writer = GEXFWriter(version=GEXF_VERSION)
    writer.add_graph(G)
    _drop_networkx_key(writer.xml)
    graph = writer.xml.find("graph")
    _in_link_order(graph.find("edges"), m)
    _graph_direction(graph, m, gexf=True)
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)  # today's date: the same map must give the same bytes
    if len(m.settings.date) == 10:
        meta.set("lastmodifieddate", m.settings.date)
    meta.find("creator").text = f"stakeholders {__version__}"
    ET.SubElement(meta, "description").text = json.dumps(_header(m), ensure_ascii=False)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _drop_networkx_key(root: ET.Element) -> None:
    """Remove the ``networkx_key`` attribute networkx adds to multigraph edges: the edge id says it already."""
    graph = root.find("graph")
    if graph is None:
        return
    for attributes in graph.findall("attributes"):
        for attribute in attributes.findall("attribute"):
            if attribute.get("title") == "networkx_key":
                attributes.remove(attribute)
                for edge in graph.iter("edge"):
                    values = edge.find("attvalues")
                    if values is None:
                        continue
                    for value in values.findall("attvalue"):
                        if value.get("for") == attribute.get("id"):
                            values.remove(value)


def to_graphml(m: StakeholderMap) -> bytes:
    """The map as GraphML; settings are graph attributes, stages a JSON graph attribute."""
    G = _flat_graph(m)
    header = _header(m)
    for name in TABLES_IN_HEADER:
        if name in header:
            header[name] = json.dumps(header[name], ensure_ascii=False)
    G.graph.update(header)
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(G)
    keys = [element for element in writer.xml if element.tag == "key"]
    for key in keys:  # networkx puts each new key first: put them back in the order of the columns
        writer.xml.remove(key)
    for position, key in enumerate(reversed(keys)):
        writer.xml.insert(position, key)
    graph = writer.xml.find("graph")
    _in_link_order(graph, m)
    _graph_direction(graph, m, gexf=False)
    buffer = io.BytesIO()
    writer.dump(buffer)
    return buffer.getvalue()


def _in_link_order(parent: ET.Element, m: StakeholderMap) -> None:
    """Put the ``<edge>`` elements in the order of the links table (networkx writes them grouped by source)."""
    position = {ident: number for number, ident in enumerate(m.links["id"])}
    edges = [element for element in parent if element.tag == "edge"]
    for edge in edges:
        parent.remove(edge)
    parent.extend(sorted(edges, key=lambda edge: position[edge.get("id")]))


def _graph_direction(graph: ET.Element, m: StakeholderMap, gexf: bool) -> None:
    """Declare the graph undirected when no link is directed; edges carry no direction of their own.

    In a directed graph a mutual or undirected link is an edge from source to
    target, the one form that networkx's readers, igraph and Gephi all keep:
    networkx refuses ``type="undirected"`` (GraphML ``directed="false"``) in
    a directed graph, Gephi 0.9 and later leave such an edge out, Gephi takes
    no ``type="mutual"`` and networkx adds a ``mutual`` edge twice.
    """
    graph.set("defaultedgetype" if gexf else "edgedefault", "directed" if _directed(m) else "undirected")


def _directed(m: StakeholderMap) -> bool:
    """Whether the map is written as a directed graph: when it has a directed link, or no link at all."""
    return bool(m.links.empty or (m.links["direction"] == "directed").any())


def to_cyjs(m: StakeholderMap) -> bytes:
    """The map as Cytoscape.js JSON with positions, as Cytoscape and Cytoscape.js read it."""
    positions = map_positions(m)
    organisations, links = m.records("organisations"), m.records("links")
    clash = sorted({o["id"] for o in organisations} & {link["id"] for link in links})
    if clash:
        msg = f"Cytoscape needs ids that differ between organisations and links: '{clash[0]}' is both"
        raise OutputError(msg)
    data = {"name": m.settings.title, **_header(m)}
    data.pop("title", None)
    networkx = "value" not in m.organisations.columns and "key" not in m.links.columns
    if networkx:  # what networkx's cytoscape_graph needs, unless the map has columns of those names
        organisations = [{**o, "value": o["id"]} for o in organisations]
        links = [{**link, "key": link["id"]} for link in links]
    document = {
        "format_version": "1.0",
        "generated_by": f"stakeholders {__version__}",
        "target_cytoscapejs_version": "~2.1",
        "data": data,
        **({"directed": _directed(m), "multigraph": True} if networkx else {}),
        "elements": {
            "nodes": [
                {"data": o, "position": dict(zip(("x", "y"), positions[o["id"]], strict=True))} for o in organisations
            ],
            "edges": [{"data": link} for link in links],
        },
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- reading -----------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _settings_table(path: Path, values: dict[str, Any]) -> tuple[RawTable | None, dict[str, RawTable]]:
    """The settings table, and the other tables (stages, views, script, barriers), from a graph file's own data.

    Keys that are no setting and no table are left alone.
    """
    known = {normalise_key(a) for name, aliases in SETTINGS.items() for a in (name, *aliases)}
    pairs = [[key, value] for key, value in values.items() if normalise_key(key) in known and value not in ("", None)]
    settings = None
    if pairs:
        grid = [["key", "value"], *pairs]
        settings = grid_table("settings", path.name, "", grid, sheet_word="", row_word="setting", column_word="field")
    tables = {}
    for name in TABLES_IN_HEADER:
        rows = values.get(name)
        if isinstance(rows, str):
            try:
                rows = json.loads(rows)
            except (json.JSONDecodeError, RecursionError) as err:
                problem = getattr(err, "msg", "nested too deep")
                msg = f"{path}: the {name} stored in this file are not valid JSON ({problem})"
                raise SourceError(msg) from err
        if rows is not None:
            tables[name] = records_table(name, path, name, rows)
    return settings, tables


def _padded(rows: list[dict[str, Any]], order: list[str]) -> list[dict[str, Any]]:
    """Records that all have every key, in the file's order, so the headers come out in that order."""
    keys = [key for key in order if any(key in row for row in rows)]
    for row in rows:
        keys.extend(key for key in row if key not in keys)
    return [{key: row.get(key, "") for key in keys} for row in rows]


def _node_rows(G: nx.Graph, declared: set[str]) -> list[dict[str, Any]]:
    """One row per node the file declares; networkx adds a node for an edge's unknown end, which is left out."""
    rows = []
    for node, data in G.nodes(data=True):
        if node not in declared:
            continue  # validation reports the edge's end as an unknown node
        row = {"id": node, **{k: v for k, v in data.items() if k not in IGNORED | {"id"}}}
        # a GEXF label is only the name when the file has no name of its own
        if any(_means("organisations", k, "name") for k in row if k != "label"):
            row.pop("label", None)
        rows.append(row)
    return rows


def _edge_rows(G: nx.Graph, edges: list[tuple[str, str, str, str]], gexf: bool) -> list[dict[str, Any]]:
    """Links in the file's order, one for each edge of the file, the way round the file has them.

    ``G`` was read with each edge's place in ``edges`` as its id (see :func:`_document`). The
    file's own edge ids name the links only when no two are the same: networkx writes a
    multigraph's keys there, which repeat ("0", "1", "0"), and then the links get made-up ids.
    """
    ids = [edge_id for _, _, edge_id, _ in edges if edge_id]
    named = len(ids) == len(set(ids))
    rows: list[dict[str, Any] | None] = [None] * len(edges)
    if gexf:  # networkx keeps a GEXF edge's id as an attribute, a GraphML edge's as its key
        read = ((data["id"], data) for _, _, data in G.edges(data=True))
    else:
        read = ((key, data) for _, _, key, data in G.edges(keys=True, data=True))
    for place, data in read:
        source, target, edge_id, direction = edges[int(place)]
        row = {"id": edge_id if named else "", "source": source, "target": target}
        row.update({k: v for k, v in data.items() if k not in IGNORED and not (gexf and k == "id")})
        if direction != "directed" and not any(_means("links", k, "direction") for k in row):
            row["direction"] = direction
        rows[int(place)] = row
    found = [row for row in rows if row is not None]
    if any(_means("links", k, "strength") for row in found for k in row if k != "weight"):
        for row in found:
            row.pop("weight", None)  # our own export: strength is there, and weight repeats it for Gephi
    elif not all(_whole_strength(row["weight"]) for row in found if "weight" in row):
        for row in found:
            if "weight" in row:
                row["edge weight"] = row.pop("weight")  # not a strength from 1 to 5: keep it as it is
    return found


def _means(table: str, header: str, name: str) -> bool:
    column = column_for(table, header)
    return column is not None and column.name == name


def _whole_strength(value: Any) -> bool:
    return isinstance(value, (int, float)) and float(value).is_integer() and 1 <= value <= 5


def _direction(value: str | None, default: str) -> str:
    """Our direction for a GEXF edge ``type`` or GraphML ``directed`` value; ``default`` when it says none."""
    value = {"true": "directed", "false": "undirected"}.get(value or "", value)
    return value if value in ("directed", "mutual", "undirected") else default


def _document(path: Path, gexf: bool) -> tuple[ET.Element, list[tuple[str, str, str, str]], dict[str, list[str]]]:
    """The parsed file made fit for networkx, its edges in order (source, target, id, direction), its attribute names.

    networkx refuses a graph that mixes directed and undirected edges, adds a
    mutual edge both ways, and keys parallel edges by ids that may repeat. So
    each edge's direction and id are noted here, then the graph becomes a
    directed one and each edge's id its place in the file.
    """
    root = ET.parse(path).getroot()
    graph = next((e for e in root if _local(e.tag) == "graph"), None)
    if graph is None:
        msg = "no <graph> element"
        raise ValueError(msg)
    if gexf:  # GEXF's default is undirected; Gephi leaves it out (or writes "mixed") when it types every edge
        default = _direction(graph.get("defaultedgetype"), "undirected")
    else:
        default = _direction(graph.get("edgedefault"), "directed")
    graph.set("defaultedgetype" if gexf else "edgedefault", "directed")
    # networkx keys a GEXF edge by its networkx_key attribute: drop it, the place in the file is the key
    keys = {a.get("id") for a in graph.iter() if _local(a.tag) == "attribute" and a.get("title") == "networkx_key"}
    edges = []
    for edge in (e for e in graph.iter() if _local(e.tag) == "edge"):
        direction = _direction(edge.attrib.pop("type" if gexf else "directed", None), default)
        edges.append((edge.get("source", ""), edge.get("target", ""), edge.get("id", ""), direction))
        edge.set("id", str(len(edges) - 1))
        for values in (e for e in edge if _local(e.tag) == "attvalues"):
            for value in [v for v in values if v.get("for") in keys]:
                values.remove(value)
    order: dict[str, list[str]] = {"node": [], "edge": []}
    for element in root:  # GraphML declares <key for="node" attr.name=…> at the top
        if _local(element.tag) == "key" and element.get("for", "") in order:
            order[element.get("for", "")].append(element.get("attr.name", ""))
    for attributes in graph:  # GEXF declares <attributes class="node"><attribute title=…> in the graph
        if _local(attributes.tag) == "attributes" and attributes.get("class", "") in order:
            order[attributes.get("class", "")].extend(a.get("title", "") for a in attributes)
    return root, edges, order


def read_network(path: Path) -> Source:
    """Read a GEXF, GraphML or Cytoscape.js JSON file into tables: nodes are organisations, edges links."""
    suffix = path.suffix.lower()
    if suffix == ".cyjs":
        try:
            data = read_data(path)
        except OSError as err:
            msg = f"{path}: cannot read this file ({err.strerror})"
            raise SourceError(msg) from err
        return cyjs_source(path, data)
    gexf = suffix == ".gexf"
    try:
        root, edges, order = _document(path, gexf)
        stream = io.BytesIO(ET.tostring(root, encoding="utf-8"))
        G = nx.read_gexf(stream) if gexf else nx.read_graphml(stream, edge_key_type=str, force_multigraph=True)
    except (OSError, ET.ParseError, nx.NetworkXError, KeyError, ValueError, TypeError, AttributeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        if isinstance(err, KeyError):  # networkx meets a type or value it has no reader for
            reason = f"a value or attribute type it cannot read: {err.args[0]!r}"
        msg = f"{path}: cannot read this {'GEXF' if gexf else 'GraphML'} file ({reason}): "
        raise SourceError(msg + "save it again from Gephi, Cytoscape or yEd") from err
    values = _gexf_settings(root, G) if gexf else dict(G.graph)
    declared = {element.get("id", "") for element in root.iter() if _local(element.tag) == "node"}
    organisations = _padded(_node_rows(G, declared), ["id", *order["node"]])
    links = _padded(_edge_rows(G, edges, gexf), ["id", "source", "target", *order["edge"]])
    if _our_columns(order):
        values = {**_lost_settings(organisations, links), **values}
    return _source(path, organisations, links, values, "attribute")


def _our_columns(order: dict[str, list[str]]) -> bool:
    """Whether the file has every column of our organisations and links: our export, maybe saved again elsewhere."""
    nodes = {c.name for c in COLUMNS["organisations"]} - {"id", "influence"}
    links = {c.name for c in COLUMNS["links"]} - {"id", "source", "target", *_NUMBER_LINK_FIELDS}
    return nodes <= set(order["node"]) and links <= set(order["edge"])


def _lost_settings(organisations: list[dict[str, Any]], links: list[dict[str, Any]]) -> dict[str, Any]:
    """Extra sectors and kinds, and stages, as the values of a file of ours say, for when its settings are lost.

    Gephi and networkx do not keep GEXF's ``<meta><description>`` when they
    save the file again. The map then still loads: sectors and kinds that are
    none of ours become extra ones, and stages other than the default ones
    become the stages, in the order the organisations name them.
    """
    values: dict[str, Any] = {}
    for key, rows, name, vocabulary in (
        ("sectors", organisations, "sector", SECTORS),
        ("kinds", links, "kind", LINK_KINDS),
    ):
        seen = dict.fromkeys(str(row.get(name) or "").strip() for row in rows)
        extra = [value for value in seen if value and vocabulary.lookup(value) is None]
        if extra:
            values[key] = "|".join(extra)
    used = dict.fromkeys(s.strip() for row in organisations for s in str(row.get("stages") or "").split("|"))
    used.pop("", None)
    known = {normalise_key(name) for stage in DEFAULT_STAGES for name in stage}
    if any(normalise_key(stage) not in known for stage in used):
        values["stages"] = [{"id": stage, "name": stage} for stage in used]
    return values


def _gexf_settings(root: ET.Element, G: nx.Graph) -> dict[str, Any]:
    """The graph's name as the title, and what ``<meta><description>`` holds: our JSON, or a description."""
    values = {"title": G.graph["name"]} if G.graph.get("name") else {}
    meta = next((e for e in root if _local(e.tag) == "meta"), None)
    text = next((e.text for e in meta if _local(e.tag) == "description"), None) if meta is not None else None
    try:
        stored = json.loads(text) if text else None
    except json.JSONDecodeError:
        stored = None
    if isinstance(stored, dict):
        values.update(stored)
    elif text:
        values["description"] = text
    return values


def _source(path: Path, organisations: list[dict], links: list[dict], values: dict, column_word: str) -> Source:
    """A source with one table of nodes, one of edges, and the settings and stages found in ``values``."""
    source = Source(str(path), kind="data", found=["nodes", "edges"])
    for role, rows, row_word, empty in (
        ("organisations", _named(organisations), "node", ["id", "name"]),
        ("links", links, "edge", ["source", "target"]),
    ):
        table = records_table(role, path, "", rows, row_word=row_word)
        table.sheet_word, table.column_word = "", column_word
        table.row_names = dict(enumerate(_row_names(rows), start=1))
        table.headers = table.headers or empty
        source.tables[role] = table
    settings, tables = _settings_table(path, values)
    if settings is not None:
        source.tables["settings"] = settings
    source.tables.update(tables)
    return source


def _named(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Nodes named by their id when no node has a name or label (yEd, networkx), as Gephi shows them."""
    if any(_means("organisations", key, "name") for row in rows for key in row):
        return rows
    return [{"id": row.get("id"), "name": row.get("id"), **row} for row in rows]


def _row_names(rows: list[dict[str, Any]]) -> list[str]:
    """How messages name each node or edge: its id, else its ends, in quotes; with its number when that repeats."""
    names = []
    for row in rows:
        ident, source, target = ("" if row.get(key) is None else str(row[key]) for key in ("id", "source", "target"))
        if ident:
            names.append(repr(ident))
        else:
            names.append(f"{source!r} -> {target!r}" if source and target else "")
    counts = Counter(names)
    return [
        str(number) if not name else name if counts[name] == 1 else f"{number} ({name})"
        for number, name in enumerate(names, start=1)
    ]


def cyjs_source(path: Path, data: dict[str, Any]) -> Source:
    """Tables from Cytoscape.js JSON: ``elements.nodes`` and ``elements.edges``, each with its ``data``.

    networkx's dialect (a top-level ``multigraph``) gives each node a ``value``
    and each edge a ``key``; where these repeat every id they are left out.
    """
    elements = data.get("elements")
    if not isinstance(elements, dict) or not {"nodes", "edges"} & set(elements):
        msg = f"{path}: expected Cytoscape.js JSON with elements.nodes and elements.edges"
        raise SourceError(msg)
    tables: dict[str, list[dict[str, Any]]] = {}
    for key in ("nodes", "edges"):
        items = elements.get(key) or []
        if not (
            isinstance(items, list) and all(isinstance(i, dict) and isinstance(i.get("data"), dict) for i in items)
        ):
            msg = f"{path}: elements.{key} must be a list of objects, each with a data object"
            raise SourceError(msg)
        tables[key] = [{k: v for k, v in i["data"].items() if k not in IGNORED} for i in items]
    for rows, name in ((tables["nodes"], "value"), (tables["edges"], "key")):
        if "multigraph" in data and rows and all(name in row and str(row[name]) == str(row.get("id")) for row in rows):
            for row in rows:
                del row[name]  # networkx's node value or edge key, which repeats the id
    own = data.get("data")
    return _source(path, tables["nodes"], tables["edges"], own if isinstance(own, dict) else {}, "field")
