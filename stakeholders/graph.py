"""Turn validated tables into a networkx graph, and views of that graph.

The graph is a :class:`networkx.MultiDiGraph`: one node per organisation (its
id, a string, is the node key) and one edge per link (the link id is the edge
key), so two organisations can be joined by several links of different kinds.
Every field of a row is kept as an attribute. A link's ``direction`` says how
to read it: ``directed`` runs from source to target, ``mutual`` runs both ways
and ``undirected`` has no direction; :func:`flow_graph` spells that out as a
plain directed graph for path-based algorithms.

>>> import pandas as pd
>>> orgs = pd.DataFrame({"id": ["007", "om"], "name": ["Agent", "Openbaar Ministerie"]})
>>> links = pd.DataFrame({"id": ["L1"], "source": ["007"], "target": ["om"], "direction": ["mutual"]})
>>> G = build_graph(orgs, links)
>>> list(G.nodes), list(G.edges(keys=True))
(['007', 'om'], [('007', 'om', 'L1')])
>>> sorted(flow_graph(G).edges)
[('007', 'om'), ('om', '007')]
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from .values import records

__all__ = ["build_graph", "flow_graph"]


def build_graph(
    organisations: pd.DataFrame, links: pd.DataFrame, graph_attributes: dict[str, Any] | None = None
) -> nx.MultiDiGraph:
    """Build the map's graph from its organisations and links tables.

    Nodes come in table order and keep every column as an attribute, as a
    plain value (see :func:`stakeholders.values.records`); edges are keyed by
    link id. The tables are not changed.
    """
    G = nx.MultiDiGraph(**(graph_attributes or {}))
    G.add_nodes_from((str(record["id"]), record) for record in records(organisations))
    edges = []
    for record in records(links):
        record.setdefault("direction", "directed")
        edges.append((str(record["source"]), str(record["target"]), str(record["id"]), record))
    G.add_edges_from(edges)
    return G


def flow_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """A simple directed graph in which mutual and undirected links run both ways.

    Use it for reachability and paths: "who can pass something to whom".
    Parallel links collapse to one edge; nodes keep their attributes.
    """
    flow = nx.DiGraph()
    flow.add_nodes_from(G.nodes(data=True))
    for source, target, data in G.edges(data=True):
        flow.add_edge(source, target)
        if data.get("direction") in ("mutual", "undirected"):
            flow.add_edge(target, source)
    return flow
