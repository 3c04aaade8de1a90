"""Views: named selections and stylings of one map, and the presentation they make.

A view (a row of the ``Views`` sheet) filters organisations by sector, level,
country, stage and tags and links by kind and status; it may focus on one
organisation and N steps out, highlight the organisations of a stage, colour
organisations by any of their fields, size them by a measure, and show the
map as its force layout, as a board of the approach (the stages as columns,
an organisation under every stage it acts on: :mod:`stakeholders.board`) or
as circles by sector. Views with a ``step`` number make the presentation, in
that order.

Filters combine: an organisation must match every filter given, and one value
of each (``police|justice`` means police or justice).

>>> import stakeholders
>>> m = stakeholders.load_map(stakeholders.example_path())
>>> view = find_view(m, "national-justice")
>>> orgs, links = select(m, view)
>>> sorted(orgs)  # doctest: +NORMALIZE_WHITESPACE
['kmar', 'landelijk-parket', 'om', 'politie', 'rechtspraak', 'rvdk', 'tbkk', 'tbkk-regio',
 'zedenrecherche']
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

import networkx as nx
import pandas as pd

from ._netmap_words import NETMAP_WORDS
from .analysis import organisation_metrics
from .analysis.netmap import scored
from .analysis.partners import partner_scores
from .board import approach_board
from .errors import InvalidArgument
from .i18n import FIELD_LABELS
from .layout import circles
from .layout import positions as map_positions
from .model import StakeholderMap
from .naming import stage_names
from .schema import RATING_METRICS, SIZE_METRICS, STANCES
from .style import EXTRA_COLOURS, SECTOR_COLOURS, STANCE_MARKS, TOWER_COLOUR, UNSPECIFIED_COLOUR
from .values import whole_number

__all__ = [
    "BUILT_IN_VIEWS",
    "INFLUENCE_MAX",
    "VIEW_FILTERS",
    "View",
    "apply_view",
    "find_view",
    "has_netmap",
    "netmap_display",
    "presentation",
    "select",
    "view_display",
    "view_style",
    "views_of",
]

CATEGORY_COLOURS = (*SECTOR_COLOURS.values(), *EXTRA_COLOURS)
"""Colours for colour-by on a field other than sector, in order of how often a value occurs."""


@dataclass(frozen=True)
class View:
    """One row of the Views sheet."""

    name: str
    title: str = ""
    note: str = ""
    step: int | None = None
    sector: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    stage: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    focus: str = ""
    depth: int = 1
    highlight_stage: tuple[str, ...] = ()
    colour_by: str = ""
    size_by: str = ""
    layout: str = "force"
    overlay: str = ""
    """What a built-in view draws over the map: ``netmap`` (influence towers and stance marks)."""

    @property
    def heading(self) -> str:
        return self.title or self.name

    def heading_in(self, lang: str | None) -> str:
        """The heading in ``lang``: a built-in view without a title of its own is named in that language.

        >>> BUILT_IN_VIEWS["netmap"].heading_in("nl")
        'Invloed en standpunt'
        """
        if not self.title and self.overlay:
            return NETMAP_WORDS["nl" if lang == "nl" else "en"][self.overlay]
        return self.heading


BUILT_IN_VIEWS = {"netmap": View("netmap", overlay="netmap")}
"""Views every map has (unless it names one of its own so): ``netmap`` draws Net-Map's influence towers and
stance marks on the whole map."""

INFLUENCE_MAX = 10
"""The top of the influence scale: a tower of this influence is a full tower."""


def views_of(m: StakeholderMap) -> list[View]:
    """The map's views, in the order of its Views sheet (none when it has no such sheet)."""
    if m.views is None:
        return []
    known = {f.name for f in fields(View)}
    found = []
    for record in m.records("views"):
        values: dict[str, Any] = {}
        for key, value in record.items():
            if key not in known:
                continue
            if isinstance(value, list):
                value = tuple(value)
            elif key in ("step", "depth"):
                value = None if value is None or value != value else int(value)
            values[key] = value
        if values.get("depth") is None:
            values["depth"] = 1
        values["layout"] = values.get("layout") or "force"
        found.append(View(**values))
    return found


def find_view(m: StakeholderMap, name: str) -> View:
    """The view called ``name``; :class:`~stakeholders.errors.InvalidArgument` when there is none."""
    views = views_of(m)
    for view in views:
        if view.name == name or view.name.lower() == name.lower():
            return view
    if name.lower() in BUILT_IN_VIEWS:
        return BUILT_IN_VIEWS[name.lower()]
    if views:
        msg = f"no view named '{name}': use one of {', '.join(view.name for view in views)}, or netmap"
    else:
        msg = (
            f"no view named '{name}': this map has no views of its own (add a Views sheet, views.csv or a "
            "views section), only the built-in netmap"
        )
    raise InvalidArgument(msg)


def has_netmap(m: StakeholderMap) -> bool:
    """Whether any organisation of ``m`` has an influence or a stance."""
    influence, stance = scored(m.organisations)
    return bool(influence or stance)


def presentation(m: StakeholderMap) -> list[View]:
    """The views that have a ``step``, in step order: the steps of the presentation.

    A map with influence or stance (:func:`has_netmap`) ends with the built-in
    ``netmap`` view, unless a step shows a view of that name already.
    """
    stepped = [(view.step, index, view) for index, view in enumerate(views_of(m)) if view.step is not None]
    steps = [view for _, _, view in sorted(stepped, key=lambda item: (item[0], item[1]))]
    if has_netmap(m) and all(view.name.lower() != "netmap" for view in steps):
        steps.append(BUILT_IN_VIEWS["netmap"])
    return steps


def _matches(values: Any, wanted: tuple[str, ...]) -> bool:
    if not wanted:
        return True
    if isinstance(values, (list, tuple)):
        return bool(set(values) & set(wanted))
    return (values or "") in wanted


VIEW_FILTERS = {
    "sector": ("organisations", "sector"),
    "level": ("organisations", "level"),
    "country": ("organisations", "country"),
    "stage": ("organisations", "stages"),
    "tags": ("organisations", "tags"),
    "kind": ("links", "kind"),
    "status": ("links", "status"),
}
"""Each filter of a view (a field of :class:`View`): the table and the column whose values it picks."""


def select(m: StakeholderMap, view: View) -> tuple[list[str], list[str]]:
    """The organisation ids and link ids a view shows, in table order."""
    orgs = [
        org["id"]
        for org in m.records("organisations")
        if all(
            _matches(org.get(column), getattr(view, field))
            for field, (table, column) in VIEW_FILTERS.items()
            if table == "organisations"
        )
    ]
    if view.focus:
        undirected = nx.Graph(m.graph.to_undirected(as_view=True))
        reach = nx.single_source_shortest_path_length(undirected, view.focus, cutoff=max(view.depth, 0))
        orgs = [org for org in orgs if org in reach or org == view.focus]
        if view.focus not in orgs:
            orgs.insert(0, view.focus)
    shown = set(orgs)
    links = [
        link["id"]
        for link in m.records("links")
        if link["source"] in shown
        and link["target"] in shown
        and all(
            _matches(link.get(column), getattr(view, field))
            for field, (table, column) in VIEW_FILTERS.items()
            if table == "links"
        )
    ]
    return orgs, links


def apply_view(m: StakeholderMap, view: View) -> StakeholderMap:
    """The map with only what ``view`` shows (the tables and the graph)."""
    orgs, links = select(m, view)
    organisations = m.organisations[m.organisations["id"].isin(set(orgs))].reset_index(drop=True)
    kept = m.links[m.links["id"].isin(set(links))].reset_index(drop=True)
    return replace(m, organisations=organisations, links=kept)


def _colours(m: StakeholderMap, field: str, lang: str) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for value in m.organisations[field]:
        key = "|".join(value) if isinstance(value, (list, tuple)) else ("" if value is None else str(value))
        counts[key] = counts.get(key, 0) + 1
    values = sorted((v for v in counts if v), key=lambda v: (-counts[v], v))
    entries = [
        {"id": value, "label": value, "colour": CATEGORY_COLOURS[index % len(CATEGORY_COLOURS)], "dashed": False}
        for index, value in enumerate(values)
    ]
    if "" in counts:
        entries.append({"id": "", "label": "—", "colour": UNSPECIFIED_COLOUR, "dashed": False})
    return {"field": field, "title": field.replace("_", " ").capitalize(), "values": entries, "links": False}


RATING_COLOURS = ("#DEEBF7", "#9ECAE1", "#4292C6", "#08519C")
"""Fills for an organisation's average PARTNER score, rounded to 1, 2, 3 and 4: light to dark."""


def _rating_colours(m: StakeholderMap, score: str, lang: str) -> dict[str, Any]:
    """Colours by an organisation's average ``trust`` or ``value`` as its partners give it (over the links shown),
    rounded to 1–4; ``by_id`` gives each organisation's value, since no field of it holds one."""
    scores = partner_scores(m)
    band = {
        str(org): "" if pd.isna(v) else str(min(4, max(1, math.floor(float(v) + 0.5))))
        for org, v in zip(scores["id"], scores[score], strict=True)
    }
    counts = {value: sum(1 for b in band.values() if b == value) for value in ("1", "2", "3", "4", "")}
    entries = [
        {"id": value, "label": value, "colour": RATING_COLOURS[int(value) - 1], "dashed": False}
        for value in ("1", "2", "3", "4")
        if counts[value]
    ]
    if counts[""]:
        entries.append({"id": "", "label": "—", "colour": UNSPECIFIED_COLOUR, "dashed": False})
    labels = FIELD_LABELS["nl" if lang == "nl" else "en"]
    return {"field": score, "title": labels[f"{score}_average"], "values": entries, "links": False, "by_id": band}


def _sizes(m: StakeholderMap, view: View) -> dict[str, float]:
    if view.size_by in RATING_METRICS and view.size_by not in m.organisations:
        scores = partner_scores(m)
        values = {
            str(org): 0.0 if pd.isna(v) else float(v) for org, v in zip(scores["id"], scores[view.size_by], strict=True)
        }
    elif view.size_by in SIZE_METRICS:
        table, _ = organisation_metrics(m.graph)
        values = dict(zip(table["id"], table[view.size_by], strict=True))
    else:
        values = {
            org: whole_number(v) or 0
            for org, v in zip(m.organisations["id"], m.organisations[view.size_by], strict=True)
        }
    top = max((float(v) for v in values.values()), default=0.0) or 1.0
    return {org: round(10 + 30 * math.sqrt(max(float(v), 0.0) / top), 1) for org, v in values.items()}


def view_style(shown: StakeholderMap, view: View, *, lang: str | None = None) -> dict[str, Any]:
    """How ``view`` sizes and colours the organisations of ``shown`` (the map as the view shows it).

    ``sizes``: organisation id → node size (empty without ``size_by``);
    ``highlight``: the colours by ``colour_by`` (None without it, or by
    sector, the map's own colours). The map (``--view``) and every step of a
    presentation use this, so a view looks the same in both.
    """
    return {
        "sizes": _sizes(shown, view) if view.size_by else {},
        "highlight": _rating_colours(shown, view.colour_by, lang or "en")
        if view.colour_by in RATING_METRICS and view.colour_by not in shown.organisations
        else _colours(shown, view.colour_by, lang or "en")
        if view.colour_by and view.colour_by != "sector"
        else None,
    }


def netmap_display(shown: StakeholderMap, *, lang: str | None = None) -> dict[str, Any]:
    """What the ``netmap`` view draws on ``shown``: each scored organisation's influence and stance, and its legend.

    ``scores``: organisation id → ``{"influence": 0–10 or None, "stance": id or ""}``
    (only organisations with either); ``max``: the top of the scale
    (:data:`INFLUENCE_MAX`); ``marks``: the stances present, each with its
    ``symbol``, ``colour`` and ``label``; ``unscored``: how many organisations
    have no influence and no stance; ``words``: the legend's words.

    >>> import pandas as pd
    >>> from stakeholders.model import MapSettings
    >>> influence = pd.array([8, None], dtype="Int64")
    >>> orgs = pd.DataFrame({"id": ["a", "b"], "influence": influence, "stance": ["opposes", ""]})
    >>> shown = StakeholderMap(orgs, pd.DataFrame(), None, MapSettings())
    >>> d = netmap_display(shown)
    >>> d["scores"], [m["symbol"] for m in d["marks"]], d["unscored"]
    ({'a': {'influence': 8, 'stance': 'opposes'}}, ['−'], {'influence': 1, 'stance': 1})
    """
    language = "nl" if lang == "nl" else "en"
    words = NETMAP_WORDS[language]
    influence, stance = scored(shown.organisations)
    orgs = list(shown.organisations["id"])
    scores = {
        org: {"influence": influence.get(org), "stance": stance.get(org, "")}
        for org in orgs
        if org in influence or org in stance
    }
    present = set(stance.values())
    marks = [
        {
            "id": term,
            "symbol": STANCE_MARKS[term][0],
            "colour": STANCE_MARKS[term][1],
            "label": STANCES.label(term, language),
        }
        for term in STANCES.ids
        if term in present
    ]
    goal = shown.settings.goal
    return {
        "scores": scores,
        "max": INFLUENCE_MAX,
        "tower_colour": TOWER_COLOUR,
        "marks": marks,
        "unscored": {"influence": len(orgs) - len(influence), "stance": len(orgs) - len(stance)},
        "words": {
            "title": words["netmap"],
            "tower": words["netmap_tower"],
            "no_influence": words["netmap_no_influence"].format(n=len(orgs) - len(influence)),
            "no_stance": words["netmap_no_stance"].format(n=len(orgs) - len(stance)),
            "goal": words["netmap_goal"].format(goal=goal) if goal else "",
        },
    }


def view_display(full: StakeholderMap, view: View, *, lang: str | None = None) -> dict[str, Any]:
    """How to draw ``view`` of ``full``: positions, group titles, board, sizes, dimmed organisations, colours, caption.

    ``netmap`` is what the built-in ``netmap`` view draws over the map (:func:`netmap_display`; None for other views).

    Force-layout and board views keep the positions of the whole map, so an
    organisation stands in the same place in every view; a board view also
    has ``board``, the approach of what the view shows
    (:func:`stakeholders.board.approach_board`; None for other views).
    """
    shown = apply_view(full, view)
    names = stage_names(full, lang)
    anchors: list[dict[str, Any]] = []
    if view.layout == "circles":
        labels = {s: full.settings.sectors.label(s, lang or "en") for s in full.settings.sectors.ids}
        positions, anchors = circles(shown.organisations, labels=labels)
    else:
        whole = map_positions(full)
        positions = {org: whole[org] for org in shown.organisations["id"]}
    stages = set(view.highlight_stage)
    dimmed = [
        org
        for org, org_stages in zip(shown.organisations["id"], shown.organisations["stages"], strict=True)
        if stages and not stages & set(org_stages)
    ]
    display: dict[str, Any] = {
        "map": shown,
        "positions": {org: list(xy) for org, xy in positions.items()},
        "anchors": anchors,
        "board": approach_board(shown, lang=lang) if view.layout == "board" else None,
        "dimmed": dimmed,
        "netmap": netmap_display(shown, lang=lang) if view.overlay == "netmap" else None,
        **view_style(shown, view, lang=lang),
        "caption": {
            "name": view.name,
            "title": view.heading_in(lang),
            "note": view.note,
            "organisations": len(shown.organisations),
            "links": len(shown.links),
            "all_organisations": len(full.organisations),
            "all_links": len(full.links),
            "highlight_stage": [names.get(s, s) for s in view.highlight_stage],
        },
    }
    return display
