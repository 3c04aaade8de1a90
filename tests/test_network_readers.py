"""Our GEXF, GraphML and .cyjs exports as other tools read them: networkx, igraph, and Gephi's rules.

Each export is read back with the other tool's own reader, and the organisations, the links
(parallel ones too), their ends and a few of their fields must be the map's.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest
from conftest import map_summary, write_folder

from stakeholders import example_path, export_map, load_map
from stakeholders.model import StakeholderMap
from stakeholders.values import records

DIRECTIONS = [
    ["id", "source", "target", "kind", "direction"],
    ["L3", "b", "a", "funding", "undirected"],
    ["L1", "a", "b", "referral", "mutual"],
    ["L2", "a", "b", "agreement", "directed"],
    ["L0", "b", "a", "research", "undirected"],
    ["L9", "c", "a", "funding", "mutual"],
    ["L4", "a", "b", "referral", "directed"],
]
"""Parallel links both ways round, of each direction; L1 and L4 join the same pair with the same kind."""


@pytest.fixture(params=["example", "directions", "arrowless"])
def a_map(request: pytest.FixtureRequest, tmp_path: Path) -> StakeholderMap:
    """The example map; a small one with parallel links of every direction; the same without directed links."""
    if request.param == "example":
        return load_map(example_path())
    organisations = [["id", "name", "sector"], ["a", "A", "police"], ["b", "B", "justice"], ["c", "C", "ngo"]]
    links = DIRECTIONS
    if request.param == "arrowless":
        links = [[cell.replace("directed", "mutual") if cell == "directed" else cell for cell in row] for row in links]
    return load_map(write_folder(tmp_path / request.param, {"organisations": organisations, "links": links}))


def _directed(m: StakeholderMap) -> bool:
    return bool((m.links["direction"] == "directed").any())


def _links(m: StakeholderMap) -> list[tuple[str, str, str, str, str]]:
    """Each link as (id, source, target, kind, direction), in the map's order."""
    return [(k["id"], k["source"], k["target"], k["kind"], k["direction"]) for k in records(m.links)]


def _same_ends(read: list[tuple], m: StakeholderMap) -> list[tuple]:
    """``read`` with each undirected graph's edge put the way round the map has it (such a graph keeps no order)."""
    if _directed(m):
        return read
    ends = {link[0]: link[1:3] for link in _links(m)}
    return [(i, *ends[i], *rest) if {s, t} == set(ends[i]) else (i, s, t, *rest) for i, s, t, *rest in read]


def _check_networkx(G: nx.Graph, m: StakeholderMap, edge_id: str | None) -> None:
    """The organisations with their name and sector, and every link once, keyed by its id, with its ends and fields."""
    assert G.is_multigraph() and G.is_directed() == _directed(m)
    assert G.number_of_nodes() == len(m.organisations) and G.number_of_edges() == len(m.links)
    assert {n: (d["name"], d["sector"]) for n, d in G.nodes(data=True)} == {
        o["id"]: (o["name"], o["sector"]) for o in records(m.organisations)
    }
    read = [(key, u, v, d["kind"], d["direction"]) for u, v, key, d in G.edges(keys=True, data=True)]
    if edge_id is not None:
        assert all(d[edge_id] == key for _, _, key, d in G.edges(keys=True, data=True))
    assert sorted(_same_ends(read, m)) == sorted(_links(m))


def test_networkx_reads_our_gexf(a_map: StakeholderMap, tmp_path: Path) -> None:
    _check_networkx(nx.read_gexf(export_map(a_map, tmp_path / "map.gexf")), a_map, edge_id="id")


def test_networkx_reads_our_graphml(a_map: StakeholderMap, tmp_path: Path) -> None:
    G = nx.read_graphml(export_map(a_map, tmp_path / "map.graphml"), force_multigraph=True)
    _check_networkx(G, a_map, edge_id=None)  # GraphML's edge id is networkx's key


def test_networkx_reads_our_cyjs(a_map: StakeholderMap, tmp_path: Path) -> None:
    document = json.loads(export_map(a_map, tmp_path / "map.cyjs").read_text(encoding="utf-8"))
    _check_networkx(nx.cytoscape_graph(document), a_map, edge_id="id")


def test_igraph_reads_our_graphml(a_map: StakeholderMap, tmp_path: Path) -> None:
    g = igraph.Graph.Read_GraphML(str(export_map(a_map, tmp_path / "map.graphml")))
    assert g.is_directed() == _directed(a_map)
    assert (g.vcount(), g.ecount()) == (len(a_map.organisations), len(a_map.links))
    expected = [(o["id"], o["name"], o["sector"]) for o in records(a_map.organisations)]
    assert [(v["id"], v["name"], v["sector"]) for v in g.vs] == expected
    # igraph 1.0 fills an edge's "id" with its source's id, so the links are matched by their order
    ids = g.vs["id"]
    links = _links(a_map)
    read = [(k[0], ids[e.source], ids[e.target], e["kind"], e["direction"]) for k, e in zip(links, g.es, strict=True)]
    assert _same_ends(read, a_map) == links


def _graph(document: bytes) -> ET.Element:
    return next(e for e in ET.fromstring(document) if e.tag.endswith("}graph"))


def test_gephi_keeps_every_edge_of_our_gexf_and_graphml(a_map: StakeholderMap, tmp_path: Path) -> None:
    """Gephi's rules, from its importers (gephi/gephi ``ImporterGEXF``, ``ImportContainerImpl.addEdge``).

    ``defaultedgetype`` must be ``directed`` or ``undirected`` (``mixed`` and ``mutual`` are
    reported as errors), an edge ``type`` other than those is an error, and an edge whose own
    direction differs from the graph's is left out with "Bad edge type". Our edges say nothing
    of their own: each takes the graph's direction, so Gephi keeps every one.
    """
    expected = "directed" if _directed(a_map) else "undirected"
    for name, default, own in (("map.gexf", "defaultedgetype", "type"), ("map.graphml", "edgedefault", "directed")):
        graph = _graph(export_map(a_map, tmp_path / name).read_bytes())
        assert graph.get(default) == expected
        edges = [e for e in graph.iter() if e.tag.endswith("}edge")]
        assert len(edges) == len(a_map.links)
        assert [e.get(own) for e in edges] == [None] * len(edges)


def _as_written_before(document: bytes, m: StakeholderMap, gexf: bool) -> bytes:
    """Our export as earlier versions wrote it: mutual and undirected links as undirected edges in a directed graph."""
    if not _directed(m):
        return document  # a map without directed links was an undirected graph then too
    arrowless = {k["id"] for k in records(m.links) if k["direction"] != "directed"}
    mark = ' type="undirected"' if gexf else ' directed="false"'

    def marked(match: re.Match) -> str:
        return match.group(0) + mark if match.group(1) in arrowless else match.group(0)

    return re.sub(r'<edge [^>]*?id="([^"]+)"', marked, document.decode("utf-8")).encode("utf-8")


@pytest.mark.parametrize("name", ["map.gexf", "map.graphml"])
def test_earlier_exports_with_mixed_edges_still_load(a_map: StakeholderMap, tmp_path: Path, name: str) -> None:
    gexf = name.endswith("gexf")
    before = tmp_path / f"before-{name}"
    before.write_bytes(_as_written_before(export_map(a_map, tmp_path / name).read_bytes(), a_map, gexf))
    if _directed(a_map):
        with pytest.raises(nx.NetworkXError, match="found in directed graph"):  # the files networkx refused
            nx.read_gexf(before) if gexf else nx.read_graphml(before)
    assert map_summary(load_map(before)) == map_summary(a_map)


def test_cyjs_columns_named_like_networkx_fields_keep_their_values(tmp_path: Path) -> None:
    """A map's own ``value`` (organisations) and ``key`` (links) columns are not networkx's: they stay as they are."""
    organisations = [["id", "name", "value"], ["a", "A", "high"], ["b", "B", "a"]]
    links = [["id", "source", "target", "key"], ["L1", "a", "b", "L1"]]
    original = load_map(write_folder(tmp_path / "own", {"organisations": organisations, "links": links}))
    document = json.loads(export_map(original, tmp_path / "map.cyjs").read_text(encoding="utf-8"))
    assert [n["data"]["value"] for n in document["elements"]["nodes"]] == ["high", "a"]
    assert map_summary(load_map(tmp_path / "map.cyjs")) == map_summary(original)


@pytest.mark.parametrize("graph", [nx.MultiDiGraph, nx.Graph])
def test_cyjs_written_by_networkx_gives_no_value_field(tmp_path: Path, graph: type[nx.Graph]) -> None:
    G = graph()
    G.add_node("a", name="A")
    G.add_node("b", name="B")
    G.add_node("c", name="C")
    if G.is_multigraph():  # keys that are the edge ids, as ours
        G.add_edge("a", "b", key="e1", id="e1", kind="funding")
        G.add_edge("a", "b", key="e2", id="e2", kind="referral")
    else:  # edges without key or id
        G.add_edge("a", "b", kind="funding")
        G.add_edge("b", "c", kind="referral")
    path = tmp_path / "nx.cyjs"
    path.write_text(json.dumps(nx.cytoscape_data(G)), encoding="utf-8")
    m = load_map(path)
    assert list(m.organisations.columns[:2]) == ["id", "name"] and "value" not in m.organisations.columns
    assert "key" not in m.links.columns and list(m.links["kind"]) == ["funding", "referral"]
