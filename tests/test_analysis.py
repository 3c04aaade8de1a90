"""Network analysis on small graphs whose answers are worked out by hand, and on the example."""

from __future__ import annotations

import networkx as nx
import pytest

from stakeholders import UnknownOrganisation, example_path, load_map
from stakeholders.analysis import network as A


def graph(edges: list[tuple[str, str]], **attributes: str) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for number, (u, v) in enumerate(edges, start=1):
        G.add_edge(u, v, key=f"L{number}", id=f"L{number}", status="active", direction="directed", **attributes)
    for node in G.nodes:
        G.nodes[node].update(id=node, name=node.upper(), sector="police", country="NL", stages=[])
    return G


def test_a_path_breaks_at_its_inner_organisations() -> None:
    G = graph([("a", "b"), ("b", "c"), ("c", "d")])
    assert [(r["id"], r["cut_off"]) for r in A.single_points_of_failure(G)] == [("b", ["a"]), ("c", ["d"])]
    bridges = A.bridge_links(G)
    assert [(r["link"], r["holds_on"]) for r in bridges] == [("L2", ["a", "b"]), ("L1", ["a"]), ("L3", ["d"])]


def test_two_links_between_a_pair_are_not_a_bridge() -> None:
    G = graph([("a", "b"), ("b", "a"), ("b", "c")])
    assert [r["link"] for r in A.bridge_links(G)] == ["L3"]


@pytest.mark.parametrize("seed", range(5))
def test_bridges_hold_on_the_smaller_side_as_cutting_them_shows(seed: int) -> None:
    tree = nx.random_labeled_tree(40, seed=seed)
    extra = nx.gnm_random_graph(40, 12, seed=seed).edges  # a few cycles, so some links are no bridge
    G = graph([(f"n{u:02d}", f"n{v:02d}") for u, v in [*tree.edges, *extra] if u != v])
    U = A.pair_graph(G)
    expected = {}
    for u, v in nx.bridges(U):
        if U.edges[u, v]["weight"] == 1:
            cut = U.copy()
            cut.remove_edge(u, v)
            expected[frozenset((u, v))] = sorted(
                min(nx.node_connected_component(cut, u), nx.node_connected_component(cut, v), key=len)
            )
    found = {frozenset((r["source"], r["target"])): r["holds_on"] for r in A.bridge_links(G)}
    assert found == expected and expected


@pytest.mark.parametrize("seed", range(5))
def test_single_points_cut_off_what_removing_them_shows(seed: int) -> None:
    tree = nx.random_labeled_tree(40, seed=seed)
    extra = nx.gnm_random_graph(40, 10, seed=seed).edges
    G = graph([(f"n{u:02d}", f"n{v:02d}") for u, v in [*tree.edges, *extra] if u != v])
    G.add_edge("p", "q", key="P", status="active")  # a second part without a cut organisation
    U = A.pair_graph(G)
    expected = {}
    for node in U:
        rest = U.subgraph(nx.node_connected_component(U, node) - {node})
        pieces = sorted(nx.connected_components(rest), key=lambda c: (-len(c), min(c)))
        if len(pieces) > 1:
            expected[node] = sorted(set().union(*pieces[1:]))
    found = {r["id"]: r["cut_off"] for r in A.single_points_of_failure(G)}
    assert found == expected and expected


def test_the_centre_of_a_star_is_the_broker() -> None:
    G = graph([("hub", leaf) for leaf in "wxyz"])
    metrics, approximate = A.organisation_metrics(G)
    assert approximate is False
    assert metrics.iloc[0]["id"] == "hub"
    assert metrics.set_index("id")["betweenness"].to_dict() == {"hub": 1.0, "w": 0.0, "x": 0.0, "y": 0.0, "z": 0.0}
    assert metrics.set_index("id").loc["hub", "partners"] == 4


def test_link_counts_read_direction_sector_and_country() -> None:
    G = graph([("a", "b"), ("c", "a")])
    G.add_edge("a", "d", key="L3", status="active", direction="mutual")
    G.nodes["d"].update(id="d", name="D", sector="justice", country="BE", stages=[])
    row = A.organisation_metrics(G)[0].set_index("id").loc["a"]
    assert (row["links"], row["links_in"], row["links_out"]) == (3, 2, 2)
    d = A.organisation_metrics(G)[0].set_index("id").loc["d"]  # the target end of the mutual link
    assert (d["links"], d["links_in"], d["links_out"]) == (1, 1, 1)
    assert (row["cross_sector"], row["international"], row["sectors"], row["countries"]) == (1, 1, 2, 2)


def test_only_current_links_count_unless_asked() -> None:
    G = graph([("a", "b")])
    G.add_edge("b", "c", key="P", status="planned")
    G.nodes["c"].update(id="c", name="C", sector="police", country="NL", stages=[])
    assert A.summary(G)["isolated"] == 1
    assert A.summary(G, statuses=("active", "planned"))["isolated"] == 0
    assert A.summary(G)["links_by_status"] == {"active": 1, "planned": 1}


def test_summary_figures() -> None:
    G = graph([("a", "b"), ("b", "a"), ("b", "c"), ("x", "y")])
    figures = A.summary(G)
    assert figures["components"] == 2 and figures["largest_component"] == 3
    assert figures["cooperating_pairs"] == 3
    assert figures["density"] == round(3 / 10, 4)
    assert figures["average_path_length"] == round((1 + 1 + 2) / 3, 3)
    assert figures["reciprocity"] == 0.5  # a⇄b returned, b→c and x→y not


def test_closeness_and_path_length_match_networkx() -> None:
    U = nx.connected_watts_strogatz_graph(60, 4, 0.3, seed=1)
    U.add_edges_from([(100, 101), (101, 102)])  # a second part
    G = graph([(str(u), str(v)) for u, v in U.edges])
    closeness, average = A._distances(A.pair_graph(G))
    expected = nx.closeness_centrality(A.pair_graph(G))
    assert closeness == pytest.approx(expected)
    largest = max(nx.connected_components(A.pair_graph(G)), key=len)
    assert average == pytest.approx(nx.average_shortest_path_length(A.pair_graph(G).subgraph(largest)))


def test_betweenness_is_networkx_betweenness_exact_and_sampled() -> None:
    U = nx.barabasi_albert_graph(120, 2, seed=3)
    U.add_edges_from([(500, 501), (501, 502)])  # a second part
    U = nx.relabel_nodes(U, str)
    assert A.betweenness(U) == pytest.approx(nx.betweenness_centrality(U), abs=1e-12)
    assert A.betweenness(U, k=30, seed=7) == pytest.approx(nx.betweenness_centrality(U, k=30, seed=7), abs=1e-12)
    assert A.betweenness(U, k=30, seed=7) != pytest.approx(A.betweenness(U), abs=1e-3)  # an estimate, not exact


def test_large_maps_estimate_betweenness(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(A, "APPROXIMATE_ABOVE", 3)
    G = graph([("hub", leaf) for leaf in "wxyz"])
    metrics, approximate = A.organisation_metrics(G)
    assert approximate is True
    assert metrics.iloc[0]["id"] == "hub"


def test_without_reports_what_breaks() -> None:
    G = graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e")])
    G.nodes["d"]["sector"] = "care"
    G.nodes["e"]["sector"] = "care"
    for node, stages in {"a": ["s1"], "b": ["s1"], "c": ["s2"], "d": ["s3"], "e": ["s3"]}.items():
        G.nodes[node]["stages"] = stages
    result = A.without(G, ["c"])
    assert result["removed"] == ["c"]
    assert result["cut_off"] == ["d", "e"]  # a-b stays the largest group (ties go to the smallest id)
    assert result["sector_pairs_lost"] == [("care", "police")]
    assert result["stage_pairs_lost"] == [("s1", "s2"), ("s2", "s3")]
    assert (result["before"]["components"], result["after"]["components"]) == (1, 2)


def test_without_an_unknown_organisation() -> None:
    with pytest.raises(UnknownOrganisation, match="unknown organisation 'zz'"):
        A.without(graph([("a", "b")]), ["zz"])


def test_communities_are_named_after_their_most_connected_member() -> None:
    left = [(u, v) for i, u in enumerate("abcd") for v in "abcd"[i + 1 :]]
    right = [(u, v) for i, u in enumerate("efgh") for v in "efgh"[i + 1 :]]
    G = graph([*left, *right, ("a", "e")])
    found = A.communities(G)
    assert [(c["lead"], c["members"]) for c in found] == [("a", ["a", "b", "c", "d"]), ("e", ["e", "f", "g", "h"])]
    assert found == A.communities(G)  # fixed seed: the same every time


def test_isolated_and_small_groups() -> None:
    G = graph([("a", "b"), ("b", "c"), ("c", "d"), ("x", "y")])
    G.add_node("alone", id="alone", name="ALONE", stages=[])
    assert A.isolated_and_small(G) == [["x", "y"], ["alone"]]


def test_mixing_and_kinds() -> None:
    G = graph([("a", "b")])
    G.add_edge("a", "c", key="L2", status="active", kind="funding")
    G.nodes["c"].update(id="c", name="C", sector="care", stages=[])
    assert A.mixing_matrix(G).loc["police", "care"] == 1
    assert A.mixing_matrix(G).loc["police", "police"] == 1
    assert A.links_by_kind(G).loc["a", "funding"] == 1


def test_facts_of_the_example_map() -> None:
    G = load_map(example_path()).graph
    points = {r["id"]: r["cut_off"] for r in A.single_points_of_failure(G)}
    # Politie is the only current tie of ECPAT NL (the AviaTor partners' ties to it lapsed with the project in 2024)
    assert points["politie"] == ["ecpat-nl"]
    assert points["vgt"] == ["hsi", "nca", "rcmp"]
    assert points["offlimits"] == ["dinl"]
    metrics, _ = A.organisation_metrics(G)
    assert list(metrics["id"][:3]) == ["politie", "offlimits", "jenv"]
    figures = A.summary(G)
    assert (figures["organisations"], figures["links"], figures["current_links"]) == (67, 149, 97)
