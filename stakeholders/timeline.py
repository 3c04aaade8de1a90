"""The map as it stood on a date, from the ``since`` and ``until`` of organisations and links.

A date may be a day, a month or a year, and so may ``since`` and ``until``.
Two dates compare on what both say (:mod:`stakeholders.dates`): ``since
2021`` means from the start of 2021 and ``until 2021`` to the end of it, and
a map "as of 2021" shows what existed at any time in 2021.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pandas as pd

from .dates import parse_as_of, present_on
from .model import StakeholderMap

__all__ = ["as_of"]


def _present(frame: pd.DataFrame, when: str) -> pd.Series:
    if frame.empty:
        return pd.Series([], dtype=bool, index=frame.index)
    return pd.Series(
        [present_on(since, until, when) for since, until in zip(frame["since"], frame["until"], strict=True)],
        index=frame.index,
    )


def as_of(stakeholder_map: StakeholderMap, when: str | date | datetime) -> StakeholderMap:
    """The map as it stood on ``when``: a new map, the given one is not changed.

    Organisations and links whose ``since`` is after the date or whose
    ``until`` is before it are left out, and so are links to an organisation
    that is left out. The stages stay; the map's date becomes ``when``.

    >>> from stakeholders import example_path, load_map
    >>> m = load_map(example_path())
    >>> then = as_of(m, "2010")
    >>> len(then.links) < len(m.links), then.settings.date
    (True, '2010')
    """
    when = parse_as_of(when)
    organisations = stakeholder_map.organisations
    organisations = organisations[_present(organisations, when)].reset_index(drop=True)
    kept = set(organisations["id"])
    links = stakeholder_map.links
    links = links[_present(links, when) & links["source"].isin(kept) & links["target"].isin(kept)]
    links = links.reset_index(drop=True)
    return replace(
        stakeholder_map,
        organisations=organisations,
        links=links,
        settings=replace(stakeholder_map.settings, date=when),
    )
