"""What the writers of every format share: the map as sheets, its settings as pairs, its own stages.

>>> import pandas as pd
>>> from stakeholders.model import MapSettings
>>> from stakeholders.schema import default_stages
>>> m = StakeholderMap(pd.DataFrame({"id": ["om"]}), pd.DataFrame({"id": []}), default_stages(), MapSettings())
>>> list(map_sheets(m)), settings_pairs(m)
(['Organisations', 'Links', 'Map'], [('title', 'Cooperation map')])
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import OutputError
from ..model import StakeholderMap
from ..schema import AUDIENCES, LINK_KINDS, SECTORS, TECHNIQUES
from ..values import cell_value

__all__ = ["check_list_items", "map_sheets", "settings_pairs", "stage_records"]


def check_list_items(m: StakeholderMap) -> None:
    """Refuse a map with a list item that holds ``|``: raise :class:`OutputError` naming the first one.

    Spreadsheets, CSV files, Kumu, GEXF and GraphML join lists with ``|``, so
    such an item (``b|c``, from a YAML or JSON list) would load back as two;
    .cyjs keeps lists as JSON lists and needs no check.
    """
    found = [
        (f"{thing} '{name}', field {column}", item)
        for thing, frame, key in (
            ("organisation", m.organisations, "id"),
            ("link", m.links, "id"),
            ("stage", m.stages, "id"),
            ("view", m.views, "name"),
            ("phase", m.script, "id"),
            ("barrier", m.barriers, "id"),
        )
        if frame is not None
        for name, row in zip(frame[key] if key in frame else frame.index, frame.to_dict("records"), strict=True)
        for column, value in row.items()
        if isinstance(value, (list, tuple))
        for item in value
        if "|" in str(item)
    ]
    if found:
        (place, item), rest = found[0], len(found) - 1
        more = f" ({rest} more item{'s hold' if rest > 1 else ' holds'} '|')" if rest else ""
        msg = (
            f"{m.source or 'map'}: {place}: the list item '{item}' contains '|', which separates list items in "
            "this format, so it would load back as several items: replace the '|' in the source (with '/', say) "
            f"or export to .cyjs, which keeps lists as lists{more}"
        )
        raise OutputError(msg)


# --- the map as tables -------------------------------------------------------------------


def settings_pairs(m: StakeholderMap) -> list[tuple[str, str]]:
    """Every setting of the map that is not the default, as (key, value) text.

    Title, date, source note, description, extra sectors, kinds and techniques, and who may
    see what: the default ``audience`` (never wider than the audience the map
    was cut down for), ``partners_fields`` and ``restricted_fields`` (the
    columns this map still holds: a map cut down for an audience names none it
    no longer has), ``show_hidden_counts`` and the ``lang`` of its outputs. An export for internal readers
    thus keeps its private columns marked, and a map made from it for the
    public leaves them out again.

    >>> from stakeholders.model import MapSettings
    >>> settings = MapSettings(audience="partners", restricted_fields=("notes", "gone"), show_hidden_counts=True)
    >>> m = StakeholderMap(pd.DataFrame(columns=["id"]), pd.DataFrame(columns=["notes"]), None, settings)
    >>> settings_pairs(m)[1:]
    [('audience', 'partners'), ('restricted_fields', 'notes'), ('show_hidden_counts', 'yes')]
    """
    settings = m.settings
    pairs = [
        ("title", settings.title),
        ("date", settings.date),
        ("source_note", settings.source_note),
        ("description", settings.description),
        ("respondent", settings.respondent),
    ]
    if settings.goal:
        pairs.append(("goal", settings.goal))
    for key, vocabulary, default in (
        ("sectors", settings.sectors, SECTORS),
        ("kinds", settings.kinds, LINK_KINDS),
        ("techniques", settings.techniques, TECHNIQUES),
    ):
        extra = [vocabulary.label(term) for term in vocabulary.ids if term not in default.ids]
        if extra:
            pairs.append((key, "|".join(extra)))
    narrowest = min(settings.audience or "public", m.audience, key=AUDIENCES.ids.index)
    if narrowest != "public":
        pairs.append(("audience", narrowest))
    columns = {*m.organisations.columns, *m.links.columns, *(m.barriers.columns if len(m.barriers) else ())}
    for key in ("partners_fields", "restricted_fields"):
        pairs.append((key, "|".join(name for name in getattr(settings, key) if name in columns)))
    pairs.append(("show_hidden_counts", "yes" if settings.show_hidden_counts else ""))
    pairs.append(("lang", settings.lang))
    return [(key, value) for key, value in pairs if value]


def stage_records(m: StakeholderMap) -> list[dict[str, Any]] | None:
    """The map's stages as records, or None when the map uses the default stages (so it keeps doing so)."""
    return None if m.uses_default_stages() else m.records("stages")


def _grid(frame: pd.DataFrame) -> list[list[Any]]:
    return [list(frame.columns)] + [[cell_value(v) for v in row] for row in frame.itertuples(index=False)]


def map_sheets(m: StakeholderMap) -> dict[str, list[list[Any]]]:
    """The map as the sheets of our own workbook: Organisations, Links, Stages (unless default), Script,
    Barriers, Views and Map.

    Script and Barriers are there when the map has phases or barriers, Views when it has views.
    Raises :class:`OutputError` for a list item that holds ``|`` (see :func:`check_list_items`).
    """
    check_list_items(m)
    sheets = {"Organisations": _grid(m.organisations), "Links": _grid(m.links)}
    if stage_records(m) is not None:
        sheets["Stages"] = _grid(m.stages)
    if len(m.script) or len(m.barriers):
        sheets["Script"] = _grid(m.script)
    if len(m.barriers):
        sheets["Barriers"] = _grid(m.barriers)
    if m.views is not None:
        sheets["Views"] = _grid(m.views)
    sheets["Map"] = [["key", "value"], *[[key, value] for key, value in settings_pairs(m)]]
    return sheets


# --- workbooks and CSV -------------------------------------------------------------------
