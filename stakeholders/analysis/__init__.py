"""Analysis of a map: plain functions over its graph and tables that return data, and one result for all.

- :mod:`~stakeholders.analysis.network`: graph measures in the networkx style (brokers, single points of
  failure, bridges, communities, what-if);
- :mod:`~stakeholders.analysis.approach`: the approach (stage coverage, hand-overs, missing cooperation);
- :mod:`~stakeholders.analysis.checks`: checks of the data (one-way, stale and expired links, data quality);
- :func:`analyse` runs them all into one :class:`Analysis` (data, no prose);
- :mod:`~stakeholders.analysis.tables` puts it into words: one list of :class:`Table` in English or Dutch,
  which every output renders;
- :mod:`~stakeholders.analysis.output` renders those tables as text, JSON or CSV.

>>> import stakeholders
>>> m = stakeholders.load_map(stakeholders.example_path())
>>> [row["id"] for row in single_points_of_failure(m.graph)] == [row["id"] for row in analyse(m).single_points]
True
"""

from __future__ import annotations

from ._run import MISSING_LISTED, Analysis, analyse
from .approach import handovers, missing_cooperation, stage_coverage, stage_members
from .checks import RECIPROCAL_KINDS, data_quality, expired_links, one_way_links, stale_links
from .netmap import boundary_spanners, influence_stance
from .network import (
    APPROXIMATE_ABOVE,
    BETWEENNESS_SAMPLE,
    SEED,
    betweenness,
    bridge_links,
    communities,
    current_links,
    isolated_and_small,
    links_by_kind,
    mixing_matrix,
    organisation_metrics,
    pair_graph,
    single_points_of_failure,
    summary,
    without,
)
from .output import CSV_TABLES, as_csv, as_json, as_text
from .tables import TABLES, Cell, Column, Table, analysis_notes, analysis_tables

__all__ = [
    "APPROXIMATE_ABOVE",
    "BETWEENNESS_SAMPLE",
    "CSV_TABLES",
    "MISSING_LISTED",
    "RECIPROCAL_KINDS",
    "SEED",
    "TABLES",
    "Analysis",
    "Cell",
    "Column",
    "Table",
    "analyse",
    "analysis_notes",
    "analysis_tables",
    "as_csv",
    "as_json",
    "as_text",
    "betweenness",
    "boundary_spanners",
    "bridge_links",
    "communities",
    "current_links",
    "data_quality",
    "expired_links",
    "handovers",
    "influence_stance",
    "isolated_and_small",
    "links_by_kind",
    "missing_cooperation",
    "mixing_matrix",
    "one_way_links",
    "organisation_metrics",
    "pair_graph",
    "single_points_of_failure",
    "stage_coverage",
    "stage_members",
    "stale_links",
    "summary",
    "without",
]
