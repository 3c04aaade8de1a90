"""The data a page is drawn from (``window.stakeholdersMap``), and the legend it shows.

>>> from stakeholders import example_path, load_map
>>> data = map_data(load_map(example_path()), lang="nl")
>>> data["format"], data["lang"], len(data["layout"]["positions"]) == len(data["organisations"])
('stakeholders.map/1', 'nl', True)
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from .._types import Progress
from .._version import __version__
from ..dates import MONTHS
from ..errors import InvalidArgument
from ..i18n import BARRIER_WORDS, FIELD_LABELS, PAGE_WORDS, undated_note
from ..layout import positions as map_positions
from ..model import StakeholderMap
from ..routing import route_links
from ..schema import (
    BARRIER_STATUSES,
    COLUMNS,
    CONFIRMATIONS,
    DIRECTIONS,
    EVIDENCE,
    LEVELS,
    SENSITIVITY,
    STANCES,
    STATUSES,
    Vocabulary,
)
from ..style import NO_KIND_COLOUR, link_curves, style_table
from ..values import records

__all__ = [
    "DATA_FORMAT",
    "LABEL_PX",
    "LABEL_PX_RANGE",
    "NODE_SIZE",
    "SHAPE_REACH",
    "check_label_px",
    "legend",
    "link_bends",
    "map_data",
    "node_radii",
]

DATA_FORMAT = "stakeholders.map/1"
"""Identifies the shape of ``window.stakeholdersMap``; changes when the shape does."""
NODE_SIZE = 14.0
"""An organisation's size on the page (vis-network's ``size``) when neither a view nor a highlight sets one."""
SHAPE_REACH = {"dot": 1.0, "square": math.sqrt(2), "diamond": 1.0, "triangle": 2 / math.sqrt(3)}
"""How far each of vis-network's shapes reaches from its centre, in sizes (a square to its corners)."""


LABEL_PX = 20.0
"""Organisations' names on the page, in pixels on screen (18 or more reads from the back of a room at 1920×1080)."""
LABEL_PX_RANGE = (10.0, 48.0)
"""The label sizes a page accepts (``--label-size``)."""


def check_label_px(label_px: float) -> float:
    """``label_px`` when it is a size a page can use, else :class:`~stakeholders.errors.InvalidArgument`.

    >>> check_label_px(24)
    24.0
    """
    low, high = LABEL_PX_RANGE
    if not low <= float(label_px) <= high:
        msg = f"a label size of {label_px:g} px is outside {low:g}-{high:g}: choose a size in that range"
        raise InvalidArgument(msg)
    return float(label_px)


def _terms(vocabulary: Vocabulary, lang: str) -> list[dict[str, str]]:
    return [{"id": term_id, "label": vocabulary.label(term_id, lang)} for term_id in vocabulary.ids]


def _fields(m: StakeholderMap, table: str, lang: str) -> list[dict[str, str]]:
    names = [c.name for c in COLUMNS[table]] + list(m.custom_columns.get(table, ()))
    labels = FIELD_LABELS[lang]
    return [{"name": name, "label": labels.get(name, name.replace("_", " ").capitalize())} for name in names]


def map_data(
    m: StakeholderMap, *, lang: str | None = None, progress: Progress | None = None, label_px: float = LABEL_PX
) -> dict[str, Any]:
    """The data object a page is drawn from, exposed there as ``window.stakeholdersMap``.

    Keys: ``format``; ``title``, ``date``, ``source_note``, ``description``, ``goal``;
    ``lang`` (the page's language) and ``names_lang`` (set when a language was
    asked for: names, descriptions and stage names then come from
    ``name_<lang>``, ``description_<lang>`` columns where the data has them);
    ``organisations``, ``links`` and ``stages`` (one object per row with every
    non-empty field, custom fields included: a missing field is an empty
    one); ``fields`` (field names and labels per table, in display order);
    ``vocabularies`` (ids and labels); ``style`` (colours and shapes by id);
    ``layout`` (``positions``: id → [x, y]; ``curves``: link id → curvature
    of each link that is not straight: parallel links apart, and links bent
    around the organisations they do not join, see :func:`link_bends`);
    ``label_px`` (organisations' names on screen, in
    pixels: :data:`LABEL_PX` unless asked); ``words`` (the page's own words); ``view`` (the caption of the view
    drawn, or None); ``audience`` (who the page is for)
    and ``hidden`` (how many organisations and links, and barriers when the
    map has any, that audience does not see, only when the source allows
    saying so, else None); ``script`` and ``barriers`` (only on a map
    with a barrier model: the phases and the barriers, one object per row,
    as the other tables); ``undated`` (on a
    map as of a date with organisations or links that have no dates: their
    counts, whether they are ``shown``, the dated ``links_taken`` with them
    when not, and the ``note`` that says so; else None). Positions come
    from :func:`stakeholders.layout.positions` (the layout cache, when it has them);
    ``progress`` hears about long steps.
    """
    page_lang = lang if lang in PAGE_WORDS else "en"
    organisations = records(m.organisations, drop_empty=True)
    links = records(m.links, drop_empty=True)
    positions = map_positions(m, progress=progress)
    settings = m.settings
    data: dict[str, Any] = {
        "format": DATA_FORMAT,
        "generator": f"stakeholders {__version__}",
        "title": settings.title,
        "date": settings.date,
        "source_note": settings.source_note,
        "description": settings.description,
        "goal": settings.goal,
        "lang": page_lang,
        "names_lang": lang or "",
        "organisations": organisations,
        "links": links,
        "stages": records(m.stages, drop_empty=True),
        "fields": {table: _fields(m, table, page_lang) for table in ("organisations", "links", "stages")},
        "vocabularies": {
            "sector": _terms(settings.sectors, page_lang),
            "level": _terms(LEVELS, page_lang),
            "kind": _terms(settings.kinds, page_lang),
            "direction": _terms(DIRECTIONS, page_lang),
            "status": _terms(STATUSES, page_lang),
            "evidence": _terms(EVIDENCE, page_lang),
            "sensitivity": _terms(SENSITIVITY, page_lang),
            "confirmation": _terms(CONFIRMATIONS, page_lang),
            "stance": _terms(STANCES, page_lang),
        },
        "style": style_table(settings.sectors, settings.kinds),
        "layout": {
            "positions": {node: list(xy) for node, xy in positions.items()},
            "curves": {},
        },
        "label_px": check_label_px(label_px),
        "words": {**PAGE_WORDS[page_lang], "months": "|".join(MONTHS[page_lang])},
        "view": None,
        "audience": m.audience,
        "hidden": m.hidden if settings.show_hidden_counts and any(m.hidden.values()) else None,
        "undated": _undated(m, PAGE_WORDS[page_lang]),
    }
    if len(m.script) or len(m.barriers):
        _add_barriers(data, m, page_lang)
    data["layout"]["curves"] = link_bends(data)
    return data


def node_radii(data: dict[str, Any]) -> dict[str, float]:
    """How far each organisation of a page's data reaches from its centre, at the largest size it is drawn.

    The size is the view's (``layout.sizes``), else its highlight's, else
    :data:`NODE_SIZE`; a presentation's steps may draw it larger.
    """
    shapes, layout = data["style"]["level"], data["layout"]
    sized = [(layout.get("sizes") or {}, data.get("highlight"))]
    sized += [
        (step.get("sizes") or {}, step.get("highlight")) for step in (data.get("presentation") or {}).get("steps", ())
    ]
    radii = {}
    for org in data["organisations"]:
        size = NODE_SIZE
        for sizes, highlight in sized:
            mark = _mark(org, highlight)
            size = max(size, sizes.get(org["id"]) or (mark or {}).get("size") or NODE_SIZE)
        radii[org["id"]] = size * SHAPE_REACH.get(shapes.get(org.get("level") or "", "dot"), 1.0)
    return radii


def _mark(record: dict[str, Any], highlight: dict[str, Any] | None) -> dict[str, Any] | None:
    """The highlight value a record takes (as the page's script finds it), or None."""
    if not highlight:
        return None
    value = record.get(highlight["field"])
    key = "|".join(value) if isinstance(value, (list, tuple)) else (value or "")
    return next((v for v in highlight["values"] if v["id"] == key), None)


def link_bends(data: dict[str, Any]) -> dict[str, float]:
    """The curve of each link of a page's data that is not straight: apart from its parallels, clear of others.

    Links that share a pair of organisations are bent apart
    (:func:`stakeholders.style.link_curves`), and a link that would run through an
    organisation it does not join bends around it (:func:`stakeholders.routing.route_links`),
    at the page's positions and node sizes (:func:`node_radii`).
    """
    where = {org: (float(xy[0]), float(xy[1])) for org, xy in data["layout"]["positions"].items()}
    links = data["links"]
    return route_links(where, links, node_radii(data), curves=link_curves(links))


def _add_barriers(data: dict[str, Any], m: StakeholderMap, page_lang: str) -> None:
    """A map with a barrier model: its ``script`` and ``barriers``, their fields, vocabularies and words."""
    data["script"] = records(m.script, drop_empty=True)
    data["barriers"] = records(m.barriers, drop_empty=True)
    data["fields"]["barriers"] = _fields(m, "barriers", page_lang)
    data["vocabularies"]["technique"] = _terms(m.settings.techniques, page_lang)
    data["vocabularies"]["barrier_status"] = _terms(BARRIER_STATUSES, page_lang)
    data["words"] = {**data["words"], **BARRIER_WORDS[page_lang]["page"]}


def _undated(m: StakeholderMap, page_words: dict[str, str]) -> dict[str, Any] | None:
    """What the map's as-of date did with its rows that have no dates, with the note that says so.

    None for a map not taken as of a date, or with nothing to say.
    """
    record = m.undated
    if record is None:
        return None
    counts = {
        "organisations": len(record.organisations),
        "links": len(record.links),
        "links_taken": len(record.links_taken),
    }
    state = "shown" if record.shown else "left_out"
    note = undated_note(page_words, counts["organisations"], counts["links"], state, taken=counts["links_taken"])
    return {**counts, "shown": record.shown, "note": note} if note else None


def legend(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
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
    if any(link.get("confirmation") == "one-sided" for link in links):
        lines.append(line("line_one_sided", "one-sided"))
    highlight = []
    if data.get("highlight"):
        field = data["highlight"]["field"]
        by_id = data["highlight"].get("by_id")
        in_orgs = Counter((by_id.get(row["id"], "") if by_id else row.get(field)) or "" for row in orgs)
        in_links = Counter(row.get(field) or "" for row in links)
        highlight = [
            {**value, "count": f"{in_orgs[value['id']]} / {in_links[value['id']]}"}
            for value in data["highlight"]["values"]
        ]
    return {"sectors": sectors, "levels": levels, "kinds": kinds, "lines": lines, "highlight": highlight}
