"""The pages: one offline, safe, still HTML file each, all rendered by one engine.

- :mod:`~stakeholders.pages.map`: the interactive map (and one of its views);
- :mod:`~stakeholders.pages.report`: the meeting report of an analysis;
- :mod:`~stakeholders.pages.deck`: the step-by-step presentation of a map's views;
- :mod:`~stakeholders.pages.diff`: what changed between two snapshots;
- :mod:`~stakeholders.pages.barriers`: the barrier model over the network;
- :mod:`~stakeholders.pages.live`: the pages of ``stakeholders serve``.

:mod:`~stakeholders.pages._engine` renders them all (templates in ``pages/templates``,
scripts and styles in ``pages/static``) from the data of
:mod:`~stakeholders.pages._data`.
"""

from __future__ import annotations

from ._data import DATA_FORMAT, LABEL_PX, LABEL_PX_RANGE, map_data
from ._engine import content_security_policy, html_safe_json, render_page, vis_network_bundle
from .barriers import barriers_html, write_barriers
from .deck import presentation_html, presentation_steps, unused_layouts, write_presentation
from .diff import diff_html, write_diff
from .live import live_map_html, waiting_html
from .map import notebook_html, to_html, write_html
from .report import report_context, report_html, write_report

__all__ = [
    "DATA_FORMAT",
    "LABEL_PX",
    "LABEL_PX_RANGE",
    "barriers_html",
    "content_security_policy",
    "diff_html",
    "html_safe_json",
    "live_map_html",
    "map_data",
    "notebook_html",
    "presentation_html",
    "presentation_steps",
    "render_page",
    "report_context",
    "report_html",
    "to_html",
    "unused_layouts",
    "vis_network_bundle",
    "waiting_html",
    "write_barriers",
    "write_diff",
    "write_html",
    "write_presentation",
    "write_report",
]
