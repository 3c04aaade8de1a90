"""Who may see what: a map cut down to an audience before anything is drawn, counted or exported.

Rows carry a ``sensitivity`` (``public``, ``partners`` or ``restricted``; empty
means public) and the map's settings may mark whole columns for partners
(``partners_fields``) or for internal readers only (``restricted_fields``).
:func:`for_audience` **removes** everything above the audience: the rows, the
links to a removed organisation, the hidden columns (a custom column goes
entirely; a standard one is emptied; a column's translations such as
``notes_nl`` go with it), the extra sectors and kinds only they used, the
map's own stages only removed organisations were in, the views that focus on
a removed organisation and, in the other views, every filter value no
remaining row has (a view left with an empty filter goes) and a ``colour_by``
or ``size_by`` naming a hidden column. Of the barrier model, barriers marked
above the audience go, removed organisations leave the ``owners`` and
``partners`` of the others, and a barrier whose owners are all removed goes
too (its text is likely about them; a barrier that never had an owner
stays); the script's phases all stay, like the default stages. Nothing of it
reaches an output, because every output is made from the cut-down map:
:func:`stakeholders.load_map` applies the source's default audience
(``public`` unless the source declares another), and the command line's
``--audience`` chooses another.

>>> import pandas as pd
>>> from stakeholders.model import MapSettings, StakeholderMap
>>> orgs = pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"], "sensitivity": ["", "restricted"]})
>>> links = pd.DataFrame({"id": ["L1"], "source": ["a"], "target": ["b"], "sensitivity": [""]})
>>> m = StakeholderMap(orgs, links, pd.DataFrame(), MapSettings())
>>> public = for_audience(m, "public")
>>> list(public.organisations["id"]), len(public.links), public.hidden
(['a'], 0, {'organisations': 1, 'links': 1})
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from .errors import InvalidArgument
from .i18n import LANGUAGES
from .model import StakeholderMap, barriers_among
from .schema import AUDIENCES, COLUMNS, LINK_KINDS, SECTORS, TECHNIQUES, Vocabulary, normalise_key
from .views import VIEW_FILTERS

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
    >>> resolve_audience(StakeholderMap(None, None, None, MapSettings()), None)
    'public'
    """
    if audience is None:
        return m.settings.audience or "public"
    found = AUDIENCES.lookup(audience)
    if found is None:
        msg = f"'{audience}' is not an audience: use one of {', '.join(AUDIENCES.ids)}"
        raise InvalidArgument(msg)
    return found


NUMBER_FIELDS = {c.name for columns in COLUMNS.values() for c in columns if c.kind.is_number}
"""Standard columns of whole numbers: a hidden one is emptied to None, not to text."""


def _hidden_fields(m: StakeholderMap, audience: str) -> set[str]:
    settings = m.settings
    if audience == "internal":
        return set()
    fields = set(settings.restricted_fields)
    if audience == "public":
        fields |= set(settings.partners_fields)
    return fields


def _hidden_columns(columns: pd.Index, fields: set[str]) -> set[str]:
    """The columns of a table that ``fields`` hide: each field and its translations (``notes`` → ``notes_nl``)."""
    translated = {normalise_key(f"{field}_{lang}") for field in fields for lang in LANGUAGES}
    return {c for c in columns if c in fields or normalise_key(str(c)) in translated}


def _without_fields(
    frame: pd.DataFrame, fields: set[str], custom: tuple[str, ...]
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    frame = frame.drop(columns=[c for c in frame.columns if c in fields and c in custom])
    for column in (c for c in frame.columns if c in fields):
        empty: Any = None if column in NUMBER_FIELDS else ""
        emptied: list[Any] = [[] if isinstance(v, list) else empty for v in frame[column]]
        frame[column] = emptied
    return frame, tuple(c for c in custom if c not in fields)


def _used_only(vocabulary: Vocabulary, default: Vocabulary, used: set[str]) -> Vocabulary:
    """The vocabulary without the terms a map added that no remaining row uses."""
    keep = set(default.ids) | used
    return Vocabulary(vocabulary.name, tuple(term for term in vocabulary.terms if term.id in keep))


def _values(frame: pd.DataFrame, column: str) -> set[str]:
    """Every value the column holds in some row (the items of list cells)."""
    if column not in frame:
        return set()
    found: set[str] = set()
    for value in frame[column]:
        if isinstance(value, (list, tuple)):
            found.update(str(v) for v in value if v)
        elif isinstance(value, str) and value:
            found.add(value)
    return found


def _as_list(value: object) -> list[str]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _views_within(
    views: pd.DataFrame | None,
    tables: dict[str, pd.DataFrame],
    hidden_columns: set[str],
    stages: set[str],
) -> pd.DataFrame | None:
    """Views that name only what is still in the map: filter values some remaining row has, known columns.

    A filter value that no remaining row has (only removed rows had it, or its column was hidden) is
    dropped; a view left with an empty filter (it showed only removed things) goes, rather than silently
    showing everything. A view coloured or sized by a hidden column is drawn with the default styling,
    and highlighted stages no longer in the map are left out.
    """
    if views is None:
        return None
    views = views.copy()
    keep = pd.Series(True, index=views.index)
    for field, (table, column) in VIEW_FILTERS.items():
        if field not in views:
            continue
        known = _values(tables[table], column)
        wanted = views[field].map(_as_list)
        views[field] = wanted.map(lambda values, known=known: [term for term in values if term in known])
        keep &= ~(wanted.map(bool) & ~views[field].map(bool))
    if "highlight_stage" in views:
        views["highlight_stage"] = views["highlight_stage"].map(
            lambda values: [stage for stage in _as_list(values) if stage in stages]
        )
    for field in ("colour_by", "size_by"):
        if field in views:
            views[field] = views[field].map(lambda value: "" if value in hidden_columns else value)
    return views[keep].reset_index(drop=True)


def _stages_within(m: StakeholderMap, remaining: pd.DataFrame, barriers: pd.DataFrame) -> pd.DataFrame:
    """The map's own stages without those only removed organisations were in.

    The default stages are the approach's public vocabulary and all stay; of a map's own stages, one
    goes when a removed organisation was in it and no remaining organisation, hand-over or barrier
    names it (a stage nobody is in, in the whole map, stays).
    """
    stages = m.stages
    if stages is None or "id" not in stages or "stages" not in m.organisations:
        return stages
    if m.uses_default_stages():
        return stages
    removed_orgs = m.organisations[~m.organisations["id"].isin(set(remaining["id"]))]
    candidates = _values(removed_orgs, "stages") - _values(remaining, "stages") - _values(barriers, "stage")
    dropped: set[str] = set()
    while True:
        kept = stages[~stages["id"].isin(dropped)]
        named = _values(kept, "hands_over_to") if "hands_over_to" in kept else set()
        more = (candidates - dropped) - named
        if not more:
            break
        dropped |= more
    if not dropped:
        return stages
    return stages[~stages["id"].isin(dropped)].reset_index(drop=True)


def _barriers_within(barriers: pd.DataFrame, visible: set[str], organisations: set[str]) -> pd.DataFrame:
    """The barriers an audience may see, without the organisations it may not see in their owners and partners.

    A barrier marked for a wider circle goes, and so does one whose owners the audience sees none of (see
    :func:`stakeholders.model.barriers_among`); a barrier without owners stays.
    """
    if barriers.empty:
        return barriers
    barriers = barriers[barriers["sensitivity"].fillna("").isin(visible)].reset_index(drop=True)
    return barriers_among(barriers, organisations)


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
    barriers = _barriers_within(m.barriers, visible, kept)
    if len(m.barriers):
        hidden["barriers"] = len(m.barriers) - len(barriers)
    fields = _hidden_fields(m, audience)
    org_hidden = _hidden_columns(m.organisations.columns, fields)
    link_hidden = _hidden_columns(m.links.columns, fields)
    barrier_hidden = _hidden_columns(m.barriers.columns, fields) if len(m.barriers) else set()
    if not any(hidden.values()) and not org_hidden | link_hidden | barrier_hidden:
        return replace(m, audience=audience, hidden=hidden)  # nothing to leave out: no need to rebuild
    stages = _stages_within(m, orgs, barriers)
    custom = dict(m.custom_columns)
    orgs, custom["organisations"] = _without_fields(
        orgs.reset_index(drop=True), org_hidden, custom.get("organisations", ())
    )
    links, custom["links"] = _without_fields(links.reset_index(drop=True), link_hidden, custom.get("links", ()))
    barriers, barrier_custom = _without_fields(barriers, barrier_hidden, custom.get("barriers", ()))
    if "barriers" in custom:
        custom["barriers"] = barrier_custom
    views = m.views
    if views is not None and "focus" in views:
        views = views[views["focus"].fillna("").isin(kept | {""})].reset_index(drop=True)
    settings = replace(
        m.settings,
        sectors=_used_only(m.settings.sectors, SECTORS, set(orgs.get("sector", pd.Series(dtype=object)))),
        kinds=_used_only(m.settings.kinds, LINK_KINDS, set(links.get("kind", pd.Series(dtype=object)))),
        techniques=_used_only(m.settings.techniques, TECHNIQUES, set(barriers["technique"])),
    )
    tables = {"organisations": orgs, "links": links}
    views = _views_within(views, tables, org_hidden | link_hidden, set(stages["id"]) if "id" in stages else set())
    return replace(
        m,
        organisations=orgs,
        links=links,
        stages=stages,
        settings=settings,
        custom_columns=custom,
        views=views,
        audience=audience,
        hidden=hidden,
        barriers=barriers,
    )
