"""The map as it stood on a date, from the ``since`` and ``until`` of organisations and links.

A date may be a day, a month or a year, and so may ``since`` and ``until``.
Two dates compare on what both say: ``since 2021`` means from the start of
2021 and ``until 2021`` to the end of it, and a map "as of 2021" shows what
existed at any time in 2021.

>>> present_on("2021", "", "2021-06-15"), present_on("", "2021", "2021-12-31"), present_on("", "2021", "2022-01")
(True, True, False)
>>> parse_as_of("02-11-2021")
'2021-11-02'
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pandas as pd

from .errors import InvalidArgument
from .model import StakeholderMap
from .validate import parse_date

__all__ = ["as_of", "parse_as_of", "present_on"]


def parse_as_of(value: str | date | datetime) -> str:
    """Normalise a date to ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or raise :class:`InvalidArgument`.

    >>> parse_as_of("yesterday")
    Traceback (most recent call last):
    ...
    stakeholders.errors.InvalidArgument: 'yesterday' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY
    """
    parsed = parse_date(value)
    if parsed is None:
        msg = f"'{value}' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"
        raise InvalidArgument(msg)
    return parsed


def present_on(since: Any, until: Any, when: str) -> bool:
    """True when something that runs from ``since`` to ``until`` (either may be empty) exists on ``when``.

    All three are normalised dates; each comparison uses the precision both dates have.
    """

    return not ((since and _before(when, since)) or (until and _before(until, when)))


def _before(first: str, second: str) -> bool:
    """True when ``first`` is before ``second`` at the precision both have."""
    precision = min(len(first), len(second))
    return first[:precision] < second[:precision]


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
