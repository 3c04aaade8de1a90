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
import math
import os
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import orjson

from ._version import __version__
from .atomic import write_atomic
from .cache import cached_positions
from .errors import OutputError
from .layout import Progress, map_skeleton
from .memory import gc_paused
from .model import COLUMNS, DIRECTIONS, EVIDENCE, LEVELS, SENSITIVITY, STATUSES, StakeholderMap, Vocabulary
from .style import NO_KIND_COLOUR, style_table
from .words import FIELD_LABELS, PAGE_WORDS, counted

__all__ = [
    "DATA_FORMAT",
    "content_security_policy",
    "html_safe_json",
    "map_data",
    "render_page",
    "to_html",
    "to_notebook_html",
    "vis_network_bundle",
    "write_html",
]

DATA_FORMAT = "stakeholders.map/1"
"""Identifies the shape of ``window.stakeholdersMap``; changes when the shape does."""

TEMPLATES = Path(__file__).parent / "templates"
VIS_BUNDLE = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")


def html_safe_json(value: Any) -> str:
    """JSON that can sit inside an HTML ``<script>`` element and never end it.

    ``<``, ``>``, ``&`` and ``'`` are written as ``\\u`` escapes, and so are
    U+2028 and U+2029 (line separators to older script engines); other text
    stays as it is, in UTF-8. ``JSON.parse`` reads the text back unchanged.
    Written with orjson, three times as fast as the json module on a large
    map.

    >>> html_safe_json({"name": "Café </script>", "line": "a\\u2028b"})
    '{"name":"Café \\\\u003c/script\\\\u003e","line":"a\\\\u2028b"}'
    """
    text = orjson.dumps(value)
    for char, escape in _SCRIPT_ESCAPES:
        text = text.replace(char, escape)
    return text.decode("utf-8")


_SCRIPT_ESCAPES = tuple((char.encode("utf-8"), f"\\u{ord(char):04x}".encode("ascii")) for char in "<>&'\u2028\u2029")
"""Characters that could end a script element or a script line, as UTF-8 bytes, with their JSON escapes."""


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
    >>> _records(pd.DataFrame({"id": ["a"], "count": pd.array([0], dtype="Int64"), "done": [False]}))
    [{'id': 'a', 'count': 0, 'done': False}]
    """
    rows: list[dict[str, Any]] = [{} for _ in range(len(frame))]
    for name in frame.columns:  # column by column: keys keep the table's column order
        cells = frame[name].to_numpy(dtype=object, na_value=None).tolist()
        for row, cell in zip(rows, cells, strict=True):
            if type(cell) is str:
                if cell:
                    row[name] = cell
            elif type(cell) is int:
                row[name] = cell
            elif cell is not None:
                value = _plain(cell)
                if value is not None and value != "" and value != []:
                    row[name] = value
    return rows


def _terms(vocabulary: Vocabulary, lang: str) -> list[dict[str, str]]:
    return [{"id": term_id, "label": vocabulary.label(term_id, lang)} for term_id in vocabulary.ids]


def _fields(m: StakeholderMap, table: str, lang: str) -> list[dict[str, str]]:
    names = [c.name for c in COLUMNS[table]] + list(m.custom_columns.get(table, ()))
    labels = FIELD_LABELS[lang]
    return [{"name": name, "label": labels.get(name, name.replace("_", " ").capitalize())} for name in names]


def _curves(links: list[dict[str, Any]]) -> dict[str, float]:
    """Signed curvature for links that share a pair of organisations, so none hide another.

    >>> _curves([{"id": "1", "source": "a", "target": "b"}, {"id": "2", "source": "b", "target": "a"},
    ...          {"id": "3", "source": "a", "target": "c"}])
    {'1': -0.15, '2': -0.15}
    """
    pairs = [(link["source"], link["target"]) for link in links]
    pairs = [(source, target) if source <= target else (target, source) for source, target in pairs]
    shared = {pair for pair, count in Counter(pairs).items() if count > 1}
    if not shared:
        return {}
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for link, pair in zip(links, pairs, strict=True):
        if pair in shared:
            by_pair.setdefault(pair, []).append(link)
    curves = {}
    for (first, _), group in by_pair.items():
        for index, link in enumerate(group):
            offset = (index - (len(group) - 1) / 2) * 0.3
            if link["source"] != first:
                offset = -offset
            if offset:
                curves[link["id"]] = round(offset, 3)
    return curves


def map_data(m: StakeholderMap, *, lang: str | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """The data object a page is drawn from, exposed there as ``window.stakeholdersMap``.

    Keys: ``format``; ``title``, ``date``, ``source_note``, ``description``;
    ``lang`` (the page's language) and ``names_lang`` (set when a language was
    asked for: names, descriptions and stage names then come from
    ``name_<lang>``, ``description_<lang>`` columns where the data has them);
    ``organisations``, ``links`` and ``stages`` (one object per row with every
    non-empty field, custom fields included: a missing field is an empty
    one); ``fields`` (field names and labels per table, in display order);
    ``vocabularies`` (ids and labels); ``style`` (colours and shapes by id);
    ``layout`` (``positions``: id → [x, y]; ``curves``: link id → curvature
    for parallel links); ``words`` (the page's own words); ``view`` (the
    caption of the view drawn, or None); ``audience`` (who the page is for)
    and ``hidden`` (how many organisations and links that audience does not
    see, only when the source allows saying so, else None). Positions come
    from the layout cache when it has them (:mod:`stakeholders.cache`);
    ``progress`` hears about long steps.
    """
    page_lang = lang if lang in PAGE_WORDS else "en"
    organisations = _records(m.organisations)
    links = _records(m.links)
    positions = cached_positions(map_skeleton(m), progress=progress)
    settings = m.settings
    return {
        "format": DATA_FORMAT,
        "generator": f"stakeholders {__version__}",
        "title": settings.title,
        "date": settings.date,
        "source_note": settings.source_note,
        "description": settings.description,
        "lang": page_lang,
        "names_lang": lang or "",
        "organisations": organisations,
        "links": links,
        "stages": _records(m.stages),
        "fields": {table: _fields(m, table, page_lang) for table in ("organisations", "links", "stages")},
        "vocabularies": {
            "sector": _terms(settings.sectors, page_lang),
            "level": _terms(LEVELS, page_lang),
            "kind": _terms(settings.kinds, page_lang),
            "direction": _terms(DIRECTIONS, page_lang),
            "status": _terms(STATUSES, page_lang),
            "evidence": _terms(EVIDENCE, page_lang),
            "sensitivity": _terms(SENSITIVITY, page_lang),
        },
        "style": style_table(settings.sectors, settings.kinds),
        "layout": {
            "positions": {node: list(xy) for node, xy in positions.items()},
            "curves": _curves(links),
        },
        "words": PAGE_WORDS[page_lang],
        "view": None,
        "audience": m.audience,
        "hidden": m.hidden if settings.show_hidden_counts and any(m.hidden.values()) else None,
    }


def _legend(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Legend entries for the values present in the map, with counts."""

    def present(rows: list[dict[str, Any]], field: str, terms: list[dict[str, str]]) -> list[dict[str, Any]]:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.get(field) or ""] = counts.get(row.get(field) or "", 0) + 1
        entries = [{"id": t["id"], "label": t["label"], "count": counts[t["id"]]} for t in terms if t["id"] in counts]
        if "" in counts:
            entries.append({"id": "", "label": words["not_stated"], "count": counts[""]})
        return entries

    orgs, links, vocab, words = data["organisations"], data["links"], data["vocabularies"], data["words"]
    sectors = present(orgs, "sector", vocab["sector"])
    for entry in sectors:
        entry["colour"] = data["style"]["sector"].get(entry["id"], "#FFFFFF")
    levels = present(orgs, "level", vocab["level"])
    for entry in levels:
        entry["shape"] = data["style"]["level"][entry["id"]]
    kinds = present(links, "kind", vocab["kind"])
    for entry in kinds:
        entry["colour"] = data["style"]["kind"].get(entry["id"], "#333333")
    used = {(link.get("status"), link.get("evidence") in ("unverified", "inferred")) for link in links}
    dashes = data["style"]["dashes"]

    def line(label: str, pattern: str | None, colour: str = NO_KIND_COLOUR) -> dict[str, str]:
        return {
            "label": words[label],
            "dashes": " ".join(map(str, dashes[pattern])) if pattern else "",
            "colour": colour,
        }

    lines = [line("line_active", None)]
    if any(status == "planned" for status, _ in used):
        lines.append(line("line_planned", "planned"))
    if any(status == "lapsed" for status, _ in used):
        lines.append(line("line_lapsed", "lapsed", data["style"]["lapsed"]))
    if any(unverified for _, unverified in used):
        lines.append(line("line_unverified", "unverified"))
    highlight = []
    if data.get("highlight"):
        field = data["highlight"]["field"]
        in_orgs = Counter(row.get(field) or "" for row in orgs)
        in_links = Counter(row.get(field) or "" for row in links)
        highlight = [
            {**value, "count": f"{in_orgs[value['id']]} / {in_links[value['id']]}"}
            for value in data["highlight"]["values"]
        ]
    return {"sectors": sectors, "levels": levels, "kinds": kinds, "lines": lines, "highlight": highlight}


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.globals["counted"] = counted
    return environment


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@gc_paused()
def render_page(
    template: str,
    m: StakeholderMap,
    *,
    title: str | None = None,
    lang: str | None = None,
    css: str = "",
    highlight: dict[str, Any] | None = None,
    live: bool = False,
    display: dict[str, Any] | None = None,
    scripts: tuple[str, ...] = (),
    extra_data: dict[str, Any] | None = None,
    progress: Progress | None = None,
    **context: Any,
) -> str:
    """Render ``template`` (from ``stakeholders/templates``) with the map's data, scripts and policy.

    Every page type (the map, a report, a diff) goes through here, so each one
    gets the same inlined vis-network, the map script, the HTML-safe data block
    and the Content-Security-Policy. ``css`` is added after the map's own
    style; ``context`` goes to the template. ``highlight`` colours
    organisations and links by one of their fields instead of by sector and
    kind: ``{"field": ..., "title": ..., "values": [{"id", "label", "colour",
    "dashed"}, ...]}``; it gets its own legend entries and filter. ``live``
    adds the script of ``stakeholders serve`` that reloads the page when the
    source changes (and lets it ask its own server, nothing else).
    ``display`` (from :func:`stakeholders.views.view_display`) draws a view:
    its positions, lane or group titles, sizes, dimmed organisations and
    caption. ``scripts`` are more of our own scripts (template file names) to
    run after the map's; ``extra_data`` adds keys to the page's data object;
    ``progress`` is called with a short message at each long step (the
    library itself never prints).
    """
    data = map_data(m, lang=lang, progress=progress)
    if progress:
        progress(f"Writing the page ({len(data['organisations']):,} organisations, {len(data['links']):,} links)")
    if title:
        data["title"] = title
    if display:
        data["layout"].update(positions=display["positions"], anchors=display["anchors"], sizes=display["sizes"])
        data["view"] = {**display["caption"], "dimmed": display["dimmed"]}
        highlight = highlight or display["highlight"]
    if highlight:
        data["highlight"] = highlight
    data.update(extra_data or {})
    vis = vis_network_bundle()
    app = (TEMPLATES / "map.js").read_text(encoding="utf-8")
    extra = [(TEMPLATES / name).read_text(encoding="utf-8") for name in (*scripts, *(("live.js",) if live else ()))]
    csp = content_security_policy([vis, app, *extra], live=live)
    return (
        _environment()
        .get_template(template)
        .render(
            data=data,
            data_json=html_safe_json(data),
            legend=_legend(data),
            vis_js=vis,
            app_js=app,
            css=(TEMPLATES / "map.css").read_text(encoding="utf-8") + css,
            csp=csp,
            counts={"organisations": len(data["organisations"]), "links": len(data["links"])},
            ui=data["words"],
            extra_js=extra,
            **context,
        )
    )


def content_security_policy(scripts: list[str], *, live: bool = False) -> str:
    """The page's policy: nothing may load from anywhere; only these exact inline scripts run.

    ``live`` pages (served by ``stakeholders serve``) may also ask their own
    server whether the source changed.

    >>> content_security_policy(["alert(1)"]).split("; ")[:2]
    ["default-src 'none'", "script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
    """
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_script_hash(script) for script in scripts),
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            *(["connect-src 'self'"] if live else []),
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def to_html(
    m: StakeholderMap,
    *,
    title: str | None = None,
    lang: str | None = None,
    view: str | None = None,
    progress: Progress | None = None,
) -> str:
    """The map as one HTML page: no external resource, no network request, same input → same bytes.

    ``title`` overrides the map's own title; ``lang`` (``en`` or ``nl``) sets
    the page's own words and picks names from ``name_<lang>`` columns;
    ``view`` draws one of the map's views (by name); ``progress`` hears about
    long steps.
    """
    if view is None:
        return render_page("map.html", m, title=title, lang=lang, progress=progress)
    from .views import find_view, view_display

    display = view_display(m, find_view(m, view), lang=lang)
    return render_page("map.html", display["map"], title=title, lang=lang, display=display, progress=progress)


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
