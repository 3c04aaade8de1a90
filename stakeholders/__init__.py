"""stakeholders: map how organisations cooperate against a shared problem.

Load a spreadsheet (or a CSV folder, YAML or JSON file, a Kumu workbook or
blueprint, GEXF, GraphML or Cytoscape.js JSON) into a validated map with its
networkx graph, render it as one offline, safe, still HTML page, show it as it
stood on a date, and export it for Gephi, Cytoscape, Kumu or a spreadsheet.

>>> import stakeholders
>>> m = stakeholders.load_map(stakeholders.example_path())
>>> m.graph.number_of_nodes() == len(m.organisations)
True
"""

from ._version import __version__
from .analysis import Analysis, analyse
from .errors import (
    InvalidArgument,
    OutputError,
    Problem,
    SourceError,
    StakeholdersError,
    UnknownOrganisation,
    UnsupportedSource,
    ValidationError,
)
from .formats import export_map
from .graph import build_graph, flow_graph
from .layout import compute_positions
from .load import check_source, example_path, load_map
from .model import MapSettings, StakeholderMap
from .pages import map_data, report_html, to_html, write_html, write_report
from .timeline import as_of

__all__ = [
    "Analysis",
    "InvalidArgument",
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
    "as_of",
    "build_graph",
    "check_source",
    "compute_positions",
    "example_path",
    "export_map",
    "flow_graph",
    "load_map",
    "map_data",
    "report_html",
    "to_html",
    "write_html",
    "write_report",
]
