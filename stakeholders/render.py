"""Render a map as one self-contained, offline, safe HTML page.

This is the only module that knows about pyvis, and all it takes from pyvis is
the vis-network bundle that pyvis ships. The page is ours: a small Jinja2
template with autoescape, the map's data embedded as HTML-safe JSON, our own
script and style, everything inlined, and a Content-Security-Policy that lets
the browser itself forbid any network request. Positions come from
:mod:`stakeholders.layout` and physics is off, so the map opens still.

The steps are separate and pure until the last one: :func:`map_data` (the
documented data object), :func:`to_html` (a string) and :func:`write_html`
(an atomic write).

>>> html_safe_json({"name": "</script><!--"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
import os
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ._version import __version__
from .atomic import write_atomic
from .cache import cached_positions
from .errors import OutputError
from .layout import Progress
from .model import COLUMNS, DIRECTIONS, EVIDENCE, LEVELS, SENSITIVITY, STATUSES, StakeholderMap, Vocabulary
from .style import style_table

__all__ = [
    "DATA_FORMAT",
    "html_safe_json",
    "map_data",
    "to_html",
    "to_notebook_html",
    "vis_network_bundle",
    "write_html",
]

DATA_FORMAT = "stakeholders.map/1"
"""Identifies the shape of ``window.stakeholdersMap``; changes when the shape does."""

TEMPLATES = Path(__file__).parent / "templates"
VIS_BUNDLE = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")

FIELD_LABELS = {
    "id": "Id",
    "name": "Name",
    "short_name": "Short name",
    "aliases": "Also known as",
    "sector": "Sector",
    "level": "Level",
    "country": "Country / scope",
    "stages": "Stages",
    "description": "Description",
    "url": "Website",
    "tags": "Tags",
    "sensitivity": "Sensitivity",
    "evidence": "Evidence",
    "source": "From",
    "target": "To",
    "kind": "Kind",
    "direction": "Direction",
    "status": "Status",
    "strength": "Strength",
    "basis": "Basis",
    "since": "Since",
    "until": "Until",
    "source_ref": "Source",
    "last_checked": "Last checked",
    "notes": "Notes",
    "order": "Order",
    "hands_over_to": "Hands over to",
}


def html_safe_json(value: Any) -> str:
    """JSON that can sit inside an HTML ``<script>`` element and never end it.

    ``<``, ``>``, ``&`` and ``'`` are written as ``\\u`` escapes and every
    non-ASCII character too (so U+2028 and U+2029 cannot break a script);
    ``JSON.parse`` reads the text back unchanged.
    """
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escape)
    return text


@cache
def vis_network_bundle() -> str:
    """The vis-network script shipped inside the installed pyvis package.

    Found without importing pyvis (which would import IPython).
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        msg = "pyvis is not installed: install it with `pip install pyvis` (it ships vis-network)"
        raise OutputError(msg)
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*VIS_BUNDLE)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        msg = f"the vis-network bundle is missing from pyvis ({path}): reinstall pyvis 0.3.x"
        raise OutputError(msg) from err


def _plain(value: Any) -> Any:
    """A table cell as a JSON value."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    try:
        if value != value:  # pandas.NA and friends
            return None
    except TypeError:
        return None
    return value


def _records(frame: Any) -> list[dict[str, Any]]:
    """One object per row with its non-empty fields: an empty cell costs no bytes in the page.

    >>> import pandas as pd
    >>> _records(pd.DataFrame({"id": ["om"], "name": ["OM"], "url": [""], "tags": [[]], "strength": [None]}))
    [{'id': 'om', 'name': 'OM'}]
    """
    rows: list[dict[str, Any]] = [{} for _ in range(len(frame))]
    for name in frame.columns:  # column by column: keys keep the table's column order
        for row, cell in zip(rows, frame[name].tolist(), strict=True):
            value = cell if type(cell) is str else _plain(cell)
            if value is not None and value != "" and value != []:
                row[name] = value
    return rows


def _terms(vocabulary: Vocabulary, lang: str) -> list[dict[str, str]]:
    return [{"id": term_id, "label": vocabulary.label(term_id, lang)} for term_id in vocabulary.ids]


def _fields(m: StakeholderMap, table: str) -> list[dict[str, str]]:
    names = [c.name for c in COLUMNS[table]] + list(m.custom_columns.get(table, ()))
    return [{"name": name, "label": FIELD_LABELS.get(name, name.replace("_", " ").capitalize())} for name in names]


def _curves(links: list[dict[str, Any]]) -> dict[str, float]:
    """Signed curvature for links that share a pair of organisations, so none hide another."""
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for link in links:
        source, target = link["source"], link["target"]
        pair = (source, target) if source <= target else (target, source)
        by_pair.setdefault(pair, []).append(link)
    curves = {}
    for (first, _), group in by_pair.items():
        if len(group) < 2:
            continue
        for index, link in enumerate(group):
            offset = (index - (len(group) - 1) / 2) * 0.3
            if link["source"] != first:
                offset = -offset
            if offset:
                curves[link["id"]] = round(offset, 3)
    return curves


def map_data(m: StakeholderMap, *, lang: str = "en", progress: Progress | None = None) -> dict[str, Any]:
    """The data object a page is drawn from, exposed there as ``window.stakeholdersMap``.

    Keys: ``format``; ``title``, ``date``, ``source_note``, ``description``;
    ``organisations``, ``links`` and ``stages`` (one object per row with every
    non-empty field, custom fields included: a missing field is an empty
    one); ``fields`` (field names and labels per table, in display order);
    ``vocabularies`` (ids and labels); ``style`` (colours and shapes by id);
    ``layout`` (``positions``: id → [x, y]; ``curves``: link id → curvature
    for parallel links). Positions come from the layout cache when it has
    them (:mod:`stakeholders.cache`); ``progress`` hears about long steps.
    """
    organisations = _records(m.organisations)
    links = _records(m.links)
    positions = cached_positions(m.graph, progress=progress)
    settings = m.settings
    return {
        "format": DATA_FORMAT,
        "generator": f"stakeholders {__version__}",
        "title": settings.title,
        "date": settings.date,
        "source_note": settings.source_note,
        "description": settings.description,
        "lang": lang,
        "organisations": organisations,
        "links": links,
        "stages": _records(m.stages),
        "fields": {table: _fields(m, table) for table in ("organisations", "links", "stages")},
        "vocabularies": {
            "sector": _terms(settings.sectors, lang),
            "level": _terms(LEVELS, lang),
            "kind": _terms(settings.kinds, lang),
            "direction": _terms(DIRECTIONS, lang),
            "status": _terms(STATUSES, lang),
            "evidence": _terms(EVIDENCE, lang),
            "sensitivity": _terms(SENSITIVITY, lang),
        },
        "style": style_table(settings.sectors, settings.kinds),
        "layout": {
            "positions": {node: list(xy) for node, xy in positions.items()},
            "curves": _curves(links),
        },
    }


def _legend(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Legend entries for the values present in the map, with counts."""

    def present(rows: list[dict[str, Any]], field: str, terms: list[dict[str, str]]) -> list[dict[str, Any]]:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.get(field) or ""] = counts.get(row.get(field) or "", 0) + 1
        entries = [{"id": t["id"], "label": t["label"], "count": counts[t["id"]]} for t in terms if t["id"] in counts]
        if "" in counts:
            entries.append({"id": "", "label": "not stated", "count": counts[""]})
        return entries

    orgs, links, vocab = data["organisations"], data["links"], data["vocabularies"]
    sectors = present(orgs, "sector", vocab["sector"])
    for entry in sectors:
        entry["colour"] = data["style"]["sector"].get(entry["id"], "#FFFFFF")
    levels = present(orgs, "level", vocab["level"])
    for entry in levels:
        entry["shape"] = data["style"]["level"][entry["id"]]
    kinds = present(links, "kind", vocab["kind"])
    for entry in kinds:
        entry["colour"] = data["style"]["kind"].get(entry["id"], "#333333")
    lines = [
        {"label": "active", "dashes": "", "colour": "#333333"},
        {"label": "planned", "dashes": "10 6", "colour": "#333333"},
        {"label": "lapsed", "dashes": "", "colour": data["style"]["lapsed"]},
        {"label": "unverified (no documenting source)", "dashes": "2 5", "colour": "#333333"},
    ]
    used = {(link.get("status"), link.get("evidence") in ("unverified", "inferred")) for link in links}
    lines = [
        line
        for line in lines
        if line["label"] == "active"
        or (line["label"] == "planned" and any(s == "planned" for s, _ in used))
        or (line["label"] == "lapsed" and any(s == "lapsed" for s, _ in used))
        or (line["label"].startswith("unverified") and any(u for _, u in used))
    ]
    return {"sectors": sectors, "levels": levels, "kinds": kinds, "lines": lines}


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def to_html(m: StakeholderMap, *, title: str | None = None, lang: str = "en", progress: Progress | None = None) -> str:
    """The map as one HTML page: no external resource, no network request, same input → same bytes.

    ``title`` overrides the map's own title; ``progress`` is called with a
    short message at each long step (the library itself never prints).
    """
    data = map_data(m, lang=lang, progress=progress)
    if progress:
        progress(f"Writing the page ({len(data['organisations']):,} organisations, {len(data['links']):,} links)")
    if title:
        data["title"] = title
    vis = vis_network_bundle()
    app = (TEMPLATES / "map.js").read_text(encoding="utf-8")
    css = (TEMPLATES / "map.css").read_text(encoding="utf-8")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_script_hash(vis)} {_script_hash(app)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    page = (
        _environment()
        .get_template("map.html")
        .render(
            data=data,
            data_json=html_safe_json(data),
            legend=_legend(data),
            vis_js=vis,
            app_js=app,
            css=css,
            csp=csp,
            counts={"organisations": len(data["organisations"]), "links": len(data["links"])},
        )
    )
    return page


def to_notebook_html(m: StakeholderMap, *, height: int = 640) -> str:
    """The map in a sandboxed ``<iframe srcdoc>`` for Jupyter: works offline, no files written."""
    page = html.escape(to_html(m), quote=True)
    return (
        f'<iframe srcdoc="{page}" sandbox="allow-scripts" title="{html.escape(m.settings.title)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ccc"></iframe>'
    )


def write_html(m: StakeholderMap, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write the map page to ``path`` atomically and return the path."""
    return write_atomic(path, to_html(m, **options).encode("utf-8"))
