"""Who may see what: a map cut down to an audience before anything is drawn, counted or exported.

Rows carry a ``sensitivity`` (``public``, ``partners`` or ``restricted``; empty
means public) and the map's settings may mark whole columns for partners
(``partners_fields``) or for internal readers only (``restricted_fields``).
:func:`for_audience` **removes** everything above the audience: the rows, the
links to a removed organisation, the hidden columns (a custom column goes
entirely; a standard one is emptied), the extra sectors and kinds only they
used, and the views that focus on a removed organisation. Nothing of it
reaches an output, because every output is made from the cut-down map:
:func:`stakeholders.load_map` applies the source's default audience
(``public`` unless the source declares another), and the command line's
``--audience`` chooses another.

>>> import pandas as pd
>>> from stakeholders.graph import build_graph
>>> from stakeholders.model import MapSettings, StakeholderMap
>>> orgs = pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"], "sensitivity": ["", "restricted"]})
>>> links = pd.DataFrame({"id": ["L1"], "source": ["a"], "target": ["b"], "sensitivity": [""]})
>>> m = StakeholderMap(orgs, links, pd.DataFrame(), MapSettings(), build_graph(orgs, links))
>>> public = for_audience(m, "public")
>>> list(public.organisations["id"]), len(public.links), public.hidden
(['a'], 0, {'organisations': 1, 'links': 1})
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from .errors import InvalidArgument
from .graph import build_graph
from .model import AUDIENCES, LINK_KINDS, SECTORS, StakeholderMap, Vocabulary

__all__ = ["VISIBLE", "for_audience", "resolve_audience"]

VISIBLE = {
    "public": {"", "public"},
    "partners": {"", "public", "partners"},
    "internal": {"", "public", "partners", "restricted"},
}
"""Which sensitivity marks each audience may see."""


def resolve_audience(m: StakeholderMap, audience: str | None) -> str:
    """The audience to use: the one asked for, else the source's default.

    >>> from stakeholders.model import MapSettings
    >>> resolve_audience(StakeholderMap(None, None, None, MapSettings(), None), None)
    'public'
    """
    if audience is None:
        return m.settings.audience or "public"
    found = AUDIENCES.lookup(audience)
    if found is None:
        msg = f"'{audience}' is not an audience: use one of {', '.join(AUDIENCES.ids)}"
        raise InvalidArgument(msg)
    return found


def _hidden_fields(m: StakeholderMap, audience: str) -> set[str]:
    settings = m.settings
    if audience == "internal":
        return set()
    fields = set(settings.restricted_fields)
    if audience == "public":
        fields |= set(settings.partners_fields)
    return fields


def _without_fields(
    frame: pd.DataFrame, fields: set[str], custom: tuple[str, ...]
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    frame = frame.drop(columns=[c for c in frame.columns if c in fields and c in custom])
    for column in (c for c in frame.columns if c in fields):
        frame[column] = [[] if isinstance(v, list) else None if column == "strength" else "" for v in frame[column]]
    return frame, tuple(c for c in custom if c not in fields)


def _used_only(vocabulary: Vocabulary, default: Vocabulary, used: set[str]) -> Vocabulary:
    """The vocabulary without the terms a map added that no remaining row uses."""
    keep = set(default.ids) | used
    return Vocabulary(vocabulary.name, tuple(term for term in vocabulary.terms if term.id in keep))


def _views_within(views: pd.DataFrame | None, terms: dict[str, set[str]]) -> pd.DataFrame | None:
    """Views whose sector and kind filters name only terms still in the map.

    A term that only removed rows used is dropped from a filter; a view left with an empty filter
    (it showed only removed things) goes, rather than silently showing everything.
    """
    if views is None:
        return None
    views = views.copy()
    keep = pd.Series(True, index=views.index)
    for field, known in terms.items():
        if field not in views:
            continue
        wanted = views[field].map(lambda value: list(value) if isinstance(value, (list, tuple)) else [])
        views[field] = wanted.map(lambda values, known=known: [term for term in values if term in known])
        keep &= ~(wanted.map(bool) & ~views[field].map(bool))
    return views[keep].reset_index(drop=True)


def for_audience(m: StakeholderMap, audience: str | None = None) -> StakeholderMap:
    """``m`` with only what ``audience`` may see (default: the source's default audience)."""
    audience = resolve_audience(m, audience)
    visible = VISIBLE[audience]
    orgs = m.organisations
    if "sensitivity" in orgs:
        orgs = orgs[orgs["sensitivity"].fillna("").isin(visible)]
    kept = set(orgs["id"])
    links = m.links
    keep_link = links["source"].isin(kept) & links["target"].isin(kept)
    if "sensitivity" in links:
        keep_link &= links["sensitivity"].fillna("").isin(visible)
    links = links[keep_link]
    hidden = {"organisations": len(m.organisations) - len(orgs), "links": len(m.links) - len(links)}
    fields = _hidden_fields(m, audience)
    if not any(hidden.values()) and not fields & (set(m.organisations.columns) | set(m.links.columns)):
        return replace(m, audience=audience, hidden=hidden)  # nothing to leave out: no need to rebuild
    custom = dict(m.custom_columns)
    orgs, custom["organisations"] = _without_fields(
        orgs.reset_index(drop=True), fields, custom.get("organisations", ())
    )
    links, custom["links"] = _without_fields(links.reset_index(drop=True), fields, custom.get("links", ()))
    views = m.views
    if views is not None and "focus" in views:
        views = views[views["focus"].fillna("").isin(kept | {""})].reset_index(drop=True)
    settings = replace(
        m.settings,
        sectors=_used_only(m.settings.sectors, SECTORS, set(orgs.get("sector", pd.Series(dtype=object)))),
        kinds=_used_only(m.settings.kinds, LINK_KINDS, set(links.get("kind", pd.Series(dtype=object)))),
    )
    views = _views_within(views, {"sector": set(settings.sectors.ids), "kind": set(settings.kinds.ids)})
    graph = build_graph(orgs, links, dict(m.graph.graph))
    return replace(
        m,
        organisations=orgs,
        links=links,
        graph=graph,
        settings=settings,
        custom_columns=custom,
        views=views,
        audience=audience,
        hidden=hidden,
    )
