"""The page engine: every page (map, report, deck, diff, live map) is rendered here the same way.

One offline, safe, still HTML file: a small Jinja2 template with autoescape
(``pages/templates``), the map's data embedded as HTML-safe JSON, our own
scripts and styles (``pages/static``) and the vis-network bundle that the
installed pyvis package ships, everything inlined, and a
Content-Security-Policy that lets the browser itself forbid any network
request. This is the only module that knows about pyvis, and all it takes
from pyvis is that bundle.

>>> html_safe_json({"name": "</script><!--"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import orjson

from .._gc import gc_paused
from .._types import Progress
from ..dates import format_date
from ..errors import OutputError
from ..i18n import CLI_WORDS, audience_marking, count_of, counted
from ..model import StakeholderMap
from ..style import MARKING_COLOURS
from ._data import LABEL_PX, legend, link_bends, map_data

__all__ = [
    "STATIC",
    "TEMPLATES",
    "content_security_policy",
    "css_string",
    "environment",
    "html_safe_json",
    "marking_of",
    "render_page",
    "static_text",
    "vis_network_bundle",
]

TEMPLATES = Path(__file__).parent / "templates"
"""The pages' Jinja templates."""
STATIC = Path(__file__).parent / "static"
"""The pages' own scripts and styles, inlined into every page."""
VIS_BUNDLE = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")
"""Where the vis-network bundle is inside the pyvis package."""


def static_text(name: str) -> str:
    """The text of one of our scripts or styles (``map.js``, ``report.css`` …)."""
    return (STATIC / name).read_text(encoding="utf-8")


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


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end its string, its rule or its ``<style>`` element.

    >>> print(css_string('say "hi" </style>'))
    "say \\22 hi\\22  \\3c \\2f style\\3e "
    """
    escaped = "".join(char if char.isalnum() or char in " —-,.:;()" else f"\\{ord(char):x} " for char in text)
    return f'"{escaped}"'


def marking_of(audience: str, lang: str | None) -> dict[str, str] | None:
    """The audience marking a page carries (its text, and its style for screen and print), or None for ``public``.

    >>> marking_of("internal", "nl")["text"], marking_of("public", "en")
    ('INTERN — niet verspreiden', None)
    """
    text = audience_marking(audience, lang)
    if not text:
        return None
    colour = MARKING_COLOURS[audience]
    box = f"content: {css_string(text)}; color: {colour}; font: 700 10pt sans-serif;"
    page_rule = f"@page {{ @top-center {{ {box} }} }}"
    return {"audience": audience, "text": text, "style": static_text("marking.css") + page_rule}


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


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment of every page: our templates, autoescape, undefined names an error."""
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
    label_px: float | None = None,
    **context: Any,
) -> str:
    """Render ``template`` (from ``pages/templates``) with the map's data, scripts and policy.

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
    caption, and the ``netmap`` view's towers and marks (``netmap.js``, with
    ``data.netmap``; a presentation gives that as ``extra_data``).
    ``scripts`` are more of our own scripts (template file names) to run
    after the map's (file names in ``pages/static``); ``extra_data`` adds keys
    to the page's data object;
    ``progress`` is called with a short message at each long step (the
    library itself never prints); ``label_px`` is the size of organisations'
    names on screen (default :data:`~stakeholders.pages.LABEL_PX`).
    """
    data = map_data(m, lang=lang, progress=progress, label_px=label_px or LABEL_PX)
    if progress:
        organisations = count_of(len(data["organisations"]), "organisation", lang)
        links = count_of(len(data["links"]), "link", lang)
        words = CLI_WORDS["nl" if lang == "nl" else "en"]
        progress(words["writing_page"].format(organisations=organisations, links=links))
    if title:
        data["title"] = title
    if display:
        data["layout"].update(positions=display["positions"], anchors=display["anchors"], sizes=display["sizes"])
        data["view"] = {**display["caption"], "dimmed": display["dimmed"]}
        highlight = highlight or display["highlight"]
    if highlight:
        data["highlight"] = highlight
    if display and display.get("netmap"):
        data["netmap"] = display["netmap"]
    data.update(extra_data or {})
    if display or highlight or "presentation" in (extra_data or {}):  # other positions or sizes: other bends
        data["layout"]["curves"] = link_bends(data)
    if data.get("netmap"):  # the netmap view's towers and marks, before a presentation's script that turns them on
        scripts = ("netmap.js", *scripts)
    vis = vis_network_bundle()
    app = static_text("labels.js") + static_text("map.js")
    extra = [static_text(name) for name in (*scripts, *(("live.js",) if live else ()))]
    csp = content_security_policy([vis, app, *extra], live=live)
    return (
        environment()
        .get_template(template)
        .render(
            data=data,
            data_json=html_safe_json(data),
            legend=legend(data),
            vis_js=vis,
            app_js=app,
            css=static_text("map.css") + css,
            csp=csp,
            counts={"organisations": len(data["organisations"]), "links": len(data["links"])},
            marking=marking_of(m.audience, data["lang"]),
            date_text=format_date(data["date"], data["lang"]),
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
