"""Tables to graph: every field kept, ids stay strings, several links per pair, directions."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from stakeholders import build_graph, example_path, flow_graph, load_map, to_html


def test_graph_keeps_every_field_and_string_ids(small_folder: Path) -> None:
    m = load_map(small_folder)
    G = m.graph
    assert list(G.nodes) == ["om", "politie", "007", "reclassering"]
    assert G.nodes["007"]["id"] == "007"
    assert G.nodes["politie"]["aliases"] == ["Nationale Politie", "NP"]
    assert set(G.nodes["om"]) == set(m.organisations.columns)
    assert G.graph["title"] == m.settings.title


def test_several_links_between_one_pair_are_kept(small_folder: Path) -> None:
    G = load_map(small_folder).graph
    between = G.get_edge_data("politie", "om")
    assert sorted((data["kind"], data["direction"]) for data in between.values()) == [
        ("information-sharing", "mutual"),
        ("referral", "directed"),
    ]
    assert G.number_of_edges() == 4


def test_flow_graph_reads_directions(small_folder: Path) -> None:
    flow = flow_graph(load_map(small_folder).graph)
    assert flow.has_edge("om", "politie")  # the mutual link runs both ways
    assert flow.has_edge("politie", "007")  # the undirected link too
    assert flow.has_edge("om", "reclassering") and not flow.has_edge("reclassering", "om")


def test_build_graph_does_not_change_its_tables() -> None:
    orgs = pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"]})
    links = pd.DataFrame({"id": ["L1"], "source": ["a"], "target": ["b"], "strength": pd.array([None], dtype="Int64")})
    before = (orgs.copy(), links.copy())
    G = build_graph(orgs, links)
    pd.testing.assert_frame_equal(orgs, before[0])
    pd.testing.assert_frame_equal(links, before[1])
    assert G.edges["a", "b", "L1"]["strength"] is None
    assert G.edges["a", "b", "L1"]["direction"] == "directed"


def test_the_graph_is_built_when_first_asked_for_and_follows_the_settings() -> None:
    m = load_map(example_path())
    to_html(m)
    assert "graph" not in vars(m)  # loading and drawing a map do not build its graph
    G = m.graph
    assert m.graph is G and G.number_of_nodes() == len(m.organisations) and G.graph["title"] == m.settings.title
