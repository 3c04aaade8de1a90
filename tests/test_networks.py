"""Graph files from other tools: GEXF as Gephi writes it, GraphML, Cytoscape's .cyjs; and their errors."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from conftest import map_summary, write_folder

from stakeholders import SourceError, ValidationError, example_path, export_map, load_map
from stakeholders.formats.graphfiles import to_gexf, to_graphml
from stakeholders.values import records

GEPHI_GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-05-01">
    <creator>Gephi 0.10.1</creator>
    <description>Partners in the north</description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="sector" title="sector" type="string"/>
      <attribute id="modularity_class" title="modularity_class" type="integer"/>
    </attributes>
    <nodes>
      <node id="0" label="Politie Noord">
        <attvalues><attvalue for="sector" value="politie"/><attvalue for="modularity_class" value="1"/></attvalues>
        <viz:size value="12.0"/><viz:position x="1.5" y="-3.0"/><viz:color r="0" g="0" b="255"/>
      </node>
      <node id="1" label="Gemeente Groningen">
        <attvalues><attvalue for="modularity_class" value="2"/></attvalues>
      </node>
      <node id="2" label="Veilig Thuis"/>
    </nodes>
    <edges>
      <edge id="7" source="1" target="0" weight="2.5"/>
      <edge id="3" source="0" target="2" type="mutual" weight="1.0"/>
    </edges>
  </graph>
</gexf>
"""


def test_gexf_from_gephi(tmp_path: Path) -> None:
    path = tmp_path / "gephi.gexf"
    path.write_text(GEPHI_GEXF, encoding="utf-8")
    m = load_map(path)
    assert list(m.organisations["id"]) == ["0", "1", "2"]
    assert list(m.organisations["name"]) == ["Politie Noord", "Gemeente Groningen", "Veilig Thuis"]
    assert list(m.organisations["sector"]) == ["police", "", ""]
    assert list(m.organisations["modularity_class"]) == ["1", "2", ""]
    assert m.settings.description == "Partners in the north"
    # file order, not networkx's; a mutual edge once; weights that are no strength stay as they are
    assert [(link["id"], link["source"], link["target"], link["direction"]) for link in records(m.links)] == [
        ("7", "1", "0", "directed"),
        ("3", "0", "2", "mutual"),
    ]
    assert list(m.links["edge weight"]) == ["2.5", "1"]
    assert m.custom_columns["organisations"] == ("modularity_class",)


def test_gexf_weights_from_1_to_5_are_strengths(tmp_path: Path) -> None:
    path = tmp_path / "gephi.gexf"
    path.write_text(GEPHI_GEXF.replace('weight="2.5"', 'weight="4.0"'), encoding="utf-8")
    assert [link["strength"] for link in records(load_map(path).links)] == [4, 1]


GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="graph" attr.name="name" attr.type="string"/>
  <key id="k9" for="graph" attr.name="layout" attr.type="string"/>
  <key id="k1" for="node" attr.name="label" attr.type="string"/>
  <key id="k2" for="node" attr.name="niveau" attr.type="string"/>
  <key id="k3" for="edge" attr.name="soort" attr.type="string"/>
  <graph edgedefault="undirected">
    <data key="k0">Regio Noord</data>
    <data key="k9">circle</data>
    <node id="n1"><data key="k1">Reclassering</data><data key="k2">operationeel</data></node>
    <node id="n2"><data key="k1">GGZ</data></node>
    <node id="n3"><data key="k1">OM</data></node>
    <edge source="n2" target="n1"><data key="k3">doorverwijzing</data></edge>
    <edge source="n1" target="n3"/>
    <edge source="n1" target="n3"/>
  </graph>
</graphml>
"""


def test_graphml_from_another_tool(tmp_path: Path) -> None:
    path = tmp_path / "regio.graphml"
    path.write_text(GRAPHML, encoding="utf-8")
    m = load_map(path)
    assert m.settings.title == "Regio Noord"  # a graph attribute that is no setting of ours is left alone
    assert list(m.organisations["name"]) == ["Reclassering", "GGZ", "OM"]
    assert list(m.organisations["level"]) == ["operational", "", ""]
    assert list(m.links["id"]) == ["n2>n1", "n1>n3", "n1>n3~2"]  # no edge ids in the file: named after the ends
    assert list(m.links["direction"]) == ["undirected"] * 3
    assert list(m.links["kind"]) == ["referral", "", ""]
    assert list(zip(m.links["source"], m.links["target"], strict=True)) == [("n2", "n1"), ("n1", "n3"), ("n1", "n3")]


def test_cyjs_from_cytoscape_desktop(tmp_path: Path) -> None:
    document = {
        "format_version": "1.0",
        "data": {"name": "Netwerk", "SUID": 52, "shared_name": "Netwerk"},
        "elements": {
            "nodes": [
                {
                    "data": {"id": "101", "SUID": 101, "name": "Politie", "selected": False},
                    "position": {"x": 1, "y": 2},
                },
                {"data": {"id": "102", "SUID": 102, "name": "Meldpunt", "tags": ["NTD", "hotline"]}},
            ],
            "edges": [{"data": {"id": "201", "source": "101", "target": "102", "interaction": "pp", "strength": 2}}],
        },
    }
    path = tmp_path / "net.cyjs"
    path.write_text(json.dumps(document), encoding="utf-8")
    m = load_map(path)
    assert m.settings.title == "Netwerk"
    assert list(m.organisations["name"]) == ["Politie", "Meldpunt"]
    assert m.organisations.loc[1, "tags"] == ["NTD", "hotline"]
    assert m.custom_columns["organisations"] == ()  # Cytoscape's SUID and selected are bookkeeping
    assert m.links.loc[0, "interaction"] == "pp"
    assert m.links.loc[0, "strength"] == 2


def test_cytoscape_json_saved_as_json_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text(json.dumps({"elements": {"nodes": [{"data": {"id": "a", "name": "A"}}], "edges": []}}))
    assert list(load_map(path).organisations["id"]) == ["a"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.gexf", "<gexf><graph>", "cannot read this GEXF file (no element found: line 1, column 13)"),
        ("empty.graphml", "<graphml/>", "cannot read this GraphML file (no <graph> element)"),
        (
            "dates.gexf",
            '<gexf xmlns="http://gexf.net/1.3"><graph><attributes class="node"><attribute id="0" title="d" '
            'type="date"/></attributes><nodes><node id="a"><attvalues><attvalue for="0" value="2020"/></attvalues>'
            "</node></nodes></graph></gexf>",
            "cannot read this GEXF file (a value or attribute type it cannot read: 'date')",
        ),
    ],
)
def test_unreadable_graph_files_are_one_line(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_map(path)
    assert str(caught.value) == f"{path}: {message}: save it again from Gephi, Cytoscape or yEd"


def test_bad_values_in_a_graph_file_name_the_node_and_attribute(tmp_path: Path) -> None:
    path = tmp_path / "gephi.gexf"
    path.write_text(GEPHI_GEXF.replace('value="politie"', 'value="polise"'), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert [str(p) for p in caught.value.problems] == [
        "gephi.gexf, node '0', attribute sector: 'polise' is not a sector (did you mean 'police'?): use one of "
        "police, justice, probation, care, prevention, victim-support, hotline, industry, research, government, "
        "international, ngo, or add it to the map's sectors setting"
    ]


def test_bad_stages_in_a_graph_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.graphml"
    path.write_text(GRAPHML.replace("circle", "x").replace('attr.name="layout"', 'attr.name="stages"'))
    with pytest.raises(SourceError) as caught:
        load_map(path)
    assert str(caught.value) == f"{path}: the stages stored in this file are not valid JSON (Expecting value)"


def _links(path: Path) -> list[tuple]:
    """Each link as (id, source, target, direction, kind)."""
    return [(k["id"], k["source"], k["target"], k["direction"], k["kind"]) for k in records(load_map(path).links)]


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_every_edge_of_a_networkx_multigraph_is_a_link(tmp_path: Path, suffix: str) -> None:
    G = nx.MultiDiGraph()
    G.add_node("a", name="A")
    G.add_node("b", name="B")
    G.add_edge("a", "b", kind="funding")
    G.add_edge("a", "b", kind="referral", status="planned")
    G.add_edge("b", "a", kind="agreement", weight=4)
    path = tmp_path / f"multi{suffix}"
    (nx.write_graphml if suffix == ".graphml" else nx.write_gexf)(G, path)
    if suffix == ".graphml":
        assert re.findall(r'<edge source="\w" target="\w" id="(\d)"', path.read_text()) == ["0", "1", "0"]
    m = load_map(path)
    rows = [(k["source"], k["target"], k["kind"], k["status"], k["strength"]) for k in records(m.links)]
    assert rows == [
        ("a", "b", "funding", "active", None),
        ("a", "b", "referral", "planned", None),
        ("b", "a", "agreement", "active", 4),
    ]
    # GraphML's ids repeat: they are networkx's keys, not names, so the links get ids of their own
    expected = ["a>b", "a>b~2", "b>a"] if suffix == ".graphml" else ["0", "1", "2"]
    assert list(m.links["id"]) == expected


def test_edges_that_share_a_networkx_key_stay_apart(tmp_path: Path) -> None:
    """networkx keys GEXF edges by ``networkx_key``; once directions are read per edge, keys may meet."""
    key = '<attvalues><attvalue for="k" value="0"/></attvalues>'
    path = tmp_path / "keys.gexf"
    path.write_text(
        '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">'
        '<attributes class="edge"><attribute id="k" title="networkx_key" type="long"/></attributes>'
        '<nodes><node id="a" label="A"/><node id="b" label="B"/></nodes><edges>'
        f'<edge id="e1" source="a" target="b">{key}</edge><edge id="e2" source="a" target="b" type="directed">'
        f"{key}</edge></edges></graph></gexf>",
        encoding="utf-8",
    )
    assert [(k[0], k[3]) for k in _links(path)] == [("e1", "undirected"), ("e2", "directed")]


def test_parallel_undirected_edges_keep_their_order_and_data(tmp_path: Path) -> None:
    path = tmp_path / "y.graphml"
    path.write_text(
        """<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="edge" attr.name="kind" attr.type="string"/>
  <key id="k1" for="node" attr.name="name" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="x"><data key="k1">X</data></node><node id="y"><data key="k1">Y</data></node>
    <edge source="x" target="y"><data key="k0">funding</data></edge>
    <edge source="y" target="x"><data key="k0">referral</data></edge>
    <edge source="x" target="y"><data key="k0">agreement</data></edge>
  </graph>
</graphml>""",
        encoding="utf-8",
    )
    assert _links(path) == [
        ("x>y", "x", "y", "undirected", "funding"),
        ("y>x", "y", "x", "undirected", "referral"),
        ("x>y~2", "x", "y", "undirected", "agreement"),
    ]


MIXED = {
    "directed.gexf": (
        'defaultedgetype="directed"',
        '<edge id="e1" source="a" target="b" type="undirected"/><edge id="e2" source="b" target="c"/>'
        '<edge id="e3" source="c" target="a" type="mutual"/>',
    ),
    "undirected.gexf": (
        'defaultedgetype="undirected"',
        '<edge id="e1" source="a" target="b"/><edge id="e2" source="b" target="c" type="directed"/>'
        '<edge id="e3" source="c" target="a" type="mutual"/>',
    ),
    "gephi-mixed.gexf": (  # Gephi writes no default when it types every edge
        'mode="static"',
        '<edge id="e1" source="a" target="b" type="undirected"/><edge id="e2" source="b" target="c" type="directed"/>'
        '<edge id="e3" source="c" target="a" type="mutual"/>',
    ),
    "directed.graphml": (
        'edgedefault="directed"',
        '<edge id="e1" source="a" target="b" directed="false"/><edge id="e2" source="b" target="c"/>'
        '<edge id="e3" source="c" target="a" directed="false"/>',
    ),
    "undirected.graphml": (
        'edgedefault="undirected"',
        '<edge id="e1" source="a" target="b"/><edge id="e2" source="b" target="c" directed="true"/>'
        '<edge id="e3" source="c" target="a"/>',
    ),
}


@pytest.mark.parametrize("name", sorted(MIXED))
def test_edges_with_their_own_direction(tmp_path: Path, name: str) -> None:
    graph, edges = MIXED[name]
    if name.endswith(".gexf"):
        nodes = "".join(f'<node id="{n}" label="{n.upper()}"/>' for n in "abc")
        text = f'<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph {graph}><nodes>{nodes}</nodes>'
        text += f"<edges>{edges}</edges></graph></gexf>"
    else:
        nodes = "".join(f'<node id="{n}"><data key="n">{n.upper()}</data></node>' for n in "abc")
        text = '<graphml><key id="n" for="node" attr.name="name" attr.type="string"/>'
        text += f"<graph {graph}>{nodes}{edges}</graph></graphml>"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    third = "mutual" if name.endswith("gexf") else "undirected"  # GraphML has no mutual edges
    assert [(k[0], k[3]) for k in _links(path)] == [("e1", "undirected"), ("e2", "directed"), ("e3", third)]


@pytest.fixture
def directions_map(tmp_path: Path) -> Path:
    """Parallel links both ways round, some directed, some mutual, some undirected."""
    organisations = [["id", "name"], ["a", "A"], ["b", "B"], ["c", "C"]]
    links = [
        ["id", "source", "target", "kind", "direction"],
        ["L3", "b", "a", "funding", "undirected"],
        ["L1", "a", "b", "referral", "mutual"],
        ["L2", "a", "b", "agreement", "directed"],
        ["L0", "b", "a", "research", "undirected"],
        ["L9", "c", "a", "funding", "mutual"],
    ]
    return write_folder(tmp_path / "directions", {"organisations": organisations, "links": links})


def _edges(document: bytes, attribute: str) -> tuple[str | None, list[tuple[str, str | None]]]:
    """The graph's default direction and each edge's (id, ``attribute``), in the file's order."""
    graph = next(e for e in ET.fromstring(document) if e.tag.endswith("graph"))
    default = graph.get("defaultedgetype") or graph.get("edgedefault")
    return default, [(e.get("id"), e.get(attribute)) for e in graph.iter() if e.tag.endswith("}edge")]


def _directions(document: bytes) -> list[tuple[str, str]]:
    """Each edge's (id, value of its ``direction`` attribute), from a GEXF ``attvalue`` or GraphML ``data``."""
    root = ET.fromstring(document)
    declared = [e for e in root.iter() if e.get("title") == "direction" or e.get("attr.name") == "direction"]
    key = declared[0].get("id")
    edges = [e for e in root.iter() if e.tag.endswith("}edge")]
    values = [next(v.get("value", v.text) for v in e.iter() if v.get("for", v.get("key")) == key) for e in edges]
    return [(e.get("id"), value) for e, value in zip(edges, values, strict=True)]


def test_our_exports_keep_each_direction_as_an_attribute(directions_map: Path) -> None:
    """A directed graph whose edges all run from source to target, each link's direction an attribute.

    Earlier exports wrote mutual and undirected links as undirected edges in a directed graph,
    which networkx's readers refuse and Gephi leaves out (see test_network_readers.py).
    """
    m = load_map(directions_map)
    expected = [("L3", "undirected"), ("L1", "mutual"), ("L2", "directed"), ("L0", "undirected"), ("L9", "mutual")]
    for document, own in ((to_gexf(m), "type"), (to_graphml(m), "directed")):
        assert _edges(document, own) == ("directed", [(ident, None) for ident, _ in expected])
        assert _directions(document) == expected


@pytest.mark.parametrize("name", ["map.gexf", "map.graphml"])
def test_directions_and_order_round_trip(directions_map: Path, tmp_path: Path, name: str) -> None:
    original = load_map(directions_map)
    assert map_summary(load_map(export_map(original, tmp_path / name))) == map_summary(original)


@pytest.mark.parametrize("name", ["map.gexf", "map.graphml"])
def test_a_map_without_arrows_is_an_undirected_graph(directions_map: Path, tmp_path: Path, name: str) -> None:
    links = (directions_map / "links.csv").read_text(encoding="utf-8").replace(",directed", ",mutual")
    (directions_map / "links.csv").write_text(links, encoding="utf-8")
    original = load_map(directions_map)
    written = export_map(original, tmp_path / name)
    assert _edges(written.read_bytes(), "type" if name.endswith("gexf") else "directed") == (
        "undirected",
        [(ident, None) for ident in ["L3", "L1", "L2", "L0", "L9"]],
    )
    G = nx.read_gexf(written) if name.endswith("gexf") else nx.read_graphml(written, force_multigraph=True)
    assert not G.is_directed() and G.number_of_edges() == 5  # networkx reads it as it is
    assert map_summary(load_map(written)) == map_summary(original)


def test_gexf_saved_again_by_networkx_loads_without_our_settings(tmp_path: Path) -> None:
    organisations = [
        ["id", "name", "sector", "stages"],
        ["a", "A", "police", "disruption|investigation"],
        ["b", "B", "Faith groups", "awareness"],
        ["c", "C", "justice", "prosecution"],
    ]
    links = [["id", "source", "target", "kind"], ["L1", "a", "b", "personnel"], ["L2", "b", "c", "funding"]]
    stages = [["id", "name"], ["awareness", "Awareness"], ["disruption", "Disruption"]]
    stages += [["investigation", "Investigation"], ["prosecution", "Prosecution"]]
    settings = [["key", "value"], ["title", "Noord"], ["sectors", "Faith groups"], ["kinds", "personnel"]]
    tables = {"organisations": organisations, "links": links, "stages": stages, "map": settings}
    folder = write_folder(tmp_path / "map", tables)
    original = load_map(folder)
    ours = export_map(original, tmp_path / "ours.gexf")
    again = tmp_path / "again.gexf"
    nx.write_gexf(nx.read_gexf(ours), again)
    assert "<description>" not in again.read_text(encoding="utf-8")  # networkx drops our settings and stages
    m = load_map(again)
    assert records(m.organisations) == records(original.organisations)
    assert records(m.links) == records(original.links)
    assert m.settings.title == original.settings.title  # the graph's name survives
    assert list(m.stages["id"]) == ["disruption", "investigation", "awareness", "prosecution"]
    assert "personnel" in m.settings.kinds.ids and "faith-groups" in m.settings.sectors.ids


def test_gexf_saved_again_by_gephi_loads_the_example(tmp_path: Path) -> None:
    """Gephi writes an empty description: the example map loads with the same organisations and links."""
    original = load_map(example_path())
    text = to_gexf(original).decode("utf-8")
    path = tmp_path / "gephi.gexf"
    path.write_text(re.sub(r"<description>.*</description>", "<description />", text, flags=re.S), encoding="utf-8")
    m = load_map(path)
    assert records(m.organisations) == records(original.organisations)
    assert records(m.links) == records(original.links)
    assert set(m.stages["id"]) <= set(original.stages["id"])


def test_a_graph_file_of_someone_else_keeps_its_typos_found(tmp_path: Path) -> None:
    """Only a file with all our columns gets its lost settings made up from its values."""
    path = tmp_path / "gephi.gexf"
    text = GEPHI_GEXF.replace("<description>Partners in the north</description>", "")
    path.write_text(text.replace('value="politie"', 'value="polise"'), encoding="utf-8")
    with pytest.raises(ValidationError, match="'polise' is not a sector"):
        load_map(path)


def test_bad_values_on_edges_name_the_edge(tmp_path: Path) -> None:
    path = tmp_path / "regio.graphml"
    path.write_text(GRAPHML.replace("doorverwijzing", "doorverwijzingg"), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert str(caught.value).startswith("regio.graphml, edge 'n2' -> 'n1', attribute soort: 'doorverwijzingg' is not")
    last = GRAPHML.rindex('<edge source="n1" target="n3"/>')  # one of two edges between the same ends
    path.write_text(
        GRAPHML[:last] + '<edge source="n1" target="n3"><data key="k3">x</data></edge>' + GRAPHML[last + 31 :]
    )
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert str(caught.value).startswith("regio.graphml, edge 3 ('n1' -> 'n3'), attribute soort: 'x' is not a kind")
    path = tmp_path / "gephi.gexf"
    edge = '<edge id="7" source="1" target="0" weight="2.5"'
    text = GEPHI_GEXF.replace(f"{edge}/>", f'{edge}><attvalues><attvalue for="s" value="maybe"/></attvalues></edge>')
    declaration = '<attributes class="edge"><attribute id="s" title="status" type="string"/></attributes>'
    text = text.replace("<nodes>", f"{declaration}<nodes>")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert str(caught.value).startswith("gephi.gexf, edge '7', attribute status: 'maybe' is not")


@pytest.mark.parametrize("name", ["gephi.gexf", "regio.graphml"])
def test_an_edge_to_a_node_that_is_not_there_is_one_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".gexf"):
        path.write_text(GEPHI_GEXF.replace('<edge id="3" source="0" target="2"', '<edge id="e2" source="0" target="9"'))
        expected = "gephi.gexf, edge 'e2', attribute target: unknown node '9'"
    else:
        path.write_text(GRAPHML.replace('<edge source="n2" target="n1">', '<edge id="e2" source="n2" target="n7">'))
        expected = "regio.graphml, edge 'e2', attribute target: unknown node 'n7'"
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert [str(p).split(" (did you mean")[0].split(": use")[0] for p in caught.value.problems] == [expected]
    assert str(caught.value.problems[0]).endswith(": use an id from the nodes of this file")


def test_nodes_without_a_name_or_label_are_named_by_their_id(tmp_path: Path) -> None:
    G = nx.Graph()
    G.add_edge("Politie", "OM", weight=3)
    G.add_node("Halt", region="Noord")
    nx.write_graphml(G, tmp_path / "plain.graphml")
    m = load_map(tmp_path / "plain.graphml")
    assert list(m.organisations["id"]) == list(m.organisations["name"]) == ["Politie", "OM", "Halt"]
    assert list(m.organisations["region"]) == ["", "", "Noord"]
    cyjs = {"elements": {"nodes": [{"data": {"id": "a"}}, {"data": {"id": "b"}}], "edges": []}}
    (tmp_path / "plain.cyjs").write_text(json.dumps(cyjs), encoding="utf-8")
    assert list(load_map(tmp_path / "plain.cyjs").organisations["name"]) == ["a", "b"]
    cyjs["elements"]["nodes"][0]["data"]["name"] = "Alpha"  # one name in the file: every node needs one
    (tmp_path / "named.cyjs").write_text(json.dumps(cyjs), encoding="utf-8")
    with pytest.raises(ValidationError, match="node 'b', field name: name is empty"):
        load_map(tmp_path / "named.cyjs")
