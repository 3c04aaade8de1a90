"""stakeholders: map how organisations cooperate against a shared problem.

Load a spreadsheet (or a CSV folder, YAML or JSON file) into a validated map
with its networkx graph, and render it as one offline, safe, still HTML page.

>>> import stakeholders
>>> m = stakeholders.load_map(stakeholders.example_path())
>>> m.graph.number_of_nodes() == len(m.organisations)
True
"""

from ._version import __version__
from .errors import (
    OutputError,
    Problem,
    SourceError,
    StakeholdersError,
    UnknownOrganisation,
    UnsupportedSource,
    ValidationError,
)
from .graph import build_graph, flow_graph
from .layout import compute_positions
from .load import check_source, example_path, load_map
from .model import MapSettings, StakeholderMap
from .render import map_data, to_html, write_html
from .report import report_html, write_report
from .results import Analysis, analyse

__all__ = [
    "Analysis",
    "MapSettings",
    "OutputError",
    "Problem",
    "SourceError",
    "StakeholderMap",
    "StakeholdersError",
    "UnknownOrganisation",
    "UnsupportedSource",
    "ValidationError",
    "__version__",
    "analyse",
    "build_graph",
    "check_source",
    "compute_positions",
    "example_path",
    "flow_graph",
    "load_map",
    "map_data",
    "report_html",
    "to_html",
    "write_html",
    "write_report",
]
