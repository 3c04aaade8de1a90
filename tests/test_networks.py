"""Graph files from other tools: GEXF as Gephi writes it, GraphML, Cytoscape's .cyjs; and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stakeholders import SourceError, ValidationError, load_map
from stakeholders.export import records

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
        "gephi.gexf, node 1, attribute sector: 'polise' is not a sector (did you mean 'police'?): use one of "
        "police, justice, probation, care, prevention, victim-support, hotline, industry, research, government, "
        "international, ngo, or add it to the map's sectors setting"
    ]


def test_bad_stages_in_a_graph_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.graphml"
    path.write_text(GRAPHML.replace("circle", "x").replace('attr.name="layout"', 'attr.name="stages"'))
    with pytest.raises(SourceError) as caught:
        load_map(path)
    assert str(caught.value) == f"{path}: the stages stored in this file are not valid JSON (Expecting value)"
