"""stakeholders: map how organisations cooperate against a shared problem.

Load a spreadsheet (or a CSV folder, YAML or JSON file, a Kumu workbook or
blueprint, GEXF, GraphML or Cytoscape.js JSON) into a validated map with its
networkx graph, render it as one offline, safe, still HTML page, show it as it
stood on a date, analyse it, and export it for Gephi, Cytoscape, Kumu or a
spreadsheet. Every function a user calls is here; the package's layout is
described in ``docs/architecture.md``.

>>> import stakeholders
>>> m = stakeholders.load_map(stakeholders.example_path())
>>> m.graph.number_of_nodes() == len(m.organisations)
True
"""

from ._version import __version__
from .analysis import Analysis, Table, analyse, analysis_tables, as_csv, as_json, as_text
from .audience import for_audience
from .board import approach_board
from .diff import MapDiff, as_markdown, changes_csv, diff_dates, diff_maps, diff_summary
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
from .formats import export_format, export_map, read_source
from .graph import build_graph, flow_graph
from .images import write_image
from .layout import compute_positions, positions, save_positions
from .load import check_source, example_path, load_map
from .merge import Merged, merge_maps, merge_sources, write_merged
from .model import MapSettings, StakeholderMap
from .pages import (
    diff_html,
    map_data,
    notebook_html,
    presentation_html,
    report_html,
    to_html,
    write_diff,
    write_html,
    write_presentation,
    write_report,
)
from .slides import write_pptx
from .template import write_template
from .timeline import as_of
from .validate import find_organisation, validate_source
from .views import find_view, views_of

__all__ = [
    "Analysis",
    "InvalidArgument",
    "MapDiff",
    "MapSettings",
    "Merged",
    "OutputError",
    "Problem",
    "SourceError",
    "StakeholderMap",
    "StakeholdersError",
    "Table",
    "UnknownOrganisation",
    "UnsupportedSource",
    "ValidationError",
    "__version__",
    "analyse",
    "analysis_tables",
    "approach_board",
    "as_csv",
    "as_json",
    "as_markdown",
    "as_of",
    "as_text",
    "build_graph",
    "changes_csv",
    "check_source",
    "compute_positions",
    "diff_dates",
    "diff_html",
    "diff_maps",
    "diff_summary",
    "example_path",
    "export_format",
    "export_map",
    "find_organisation",
    "find_view",
    "flow_graph",
    "for_audience",
    "load_map",
    "map_data",
    "merge_maps",
    "merge_sources",
    "notebook_html",
    "positions",
    "presentation_html",
    "read_source",
    "report_html",
    "save_positions",
    "to_html",
    "validate_source",
    "views_of",
    "write_diff",
    "write_html",
    "write_image",
    "write_merged",
    "write_pptx",
    "write_presentation",
    "write_report",
    "write_template",
]
