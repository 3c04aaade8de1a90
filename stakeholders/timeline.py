"""The map as it stood on a date, from the ``since`` and ``until`` of organisations and links.

A date may be a day, a month or a year, and so may ``since`` and ``until``.
Two dates compare on what both say (:mod:`stakeholders.dates`): ``since
2021`` means from the start of 2021 and ``until 2021`` to the end of it, and
a map "as of 2021" shows what existed at any time in 2021.

An organisation or link with neither ``since`` nor ``until`` has no dates: it
counts as present at every date. :func:`as_of` keeps such rows unless asked
to leave them out (``undated="hide"``), and records what it did with them in
the map's ``undated`` (a :class:`~stakeholders.model.Undated`), so every
output can say how many there are.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pandas as pd

from .dates import parse_as_of, present_on
from .errors import InvalidArgument
from .model import StakeholderMap, Undated, barriers_among

__all__ = ["UNDATED", "apply_undated", "as_of", "parse_undated"]

UNDATED = ("show", "hide")
"""What a map as of a date does with the organisations and links that have no dates: show or hide them."""


def parse_undated(value: str) -> str:
    """``value`` when it is one of :data:`UNDATED`, else raise :class:`InvalidArgument`.

    >>> parse_undated("hide")
    'hide'
    >>> parse_undated("drop")
    Traceback (most recent call last):
    ...
    stakeholders.errors.InvalidArgument: undated='drop' is not a choice: use show or hide
    """
    if value not in UNDATED:
        msg = f"undated={value!r} is not a choice: use {' or '.join(UNDATED)}"
        raise InvalidArgument(msg)
    return value


def _no_dates(frame: pd.DataFrame) -> pd.Series:
    """True for each row with neither ``since`` nor ``until`` (a table without those columns has no dates at all)."""

    def empty(column: str) -> pd.Series:
        if column not in frame:
            return pd.Series(True, index=frame.index, dtype=bool)
        return pd.Series([not (isinstance(v, str) and v) for v in frame[column]], index=frame.index, dtype=bool)

    return empty("since") & empty("until")


def _present(frame: pd.DataFrame, when: str) -> pd.Series:
    if frame.empty:
        return pd.Series([], dtype=bool, index=frame.index)
    return pd.Series(
        [present_on(since, until, when) for since, until in zip(frame["since"], frame["until"], strict=True)],
        index=frame.index,
    )


def as_of(stakeholder_map: StakeholderMap, when: str | date | datetime, *, undated: str = "show") -> StakeholderMap:
    """The map as it stood on ``when``: a new map, the given one is not changed.

    Organisations, links and barriers whose ``since`` is after the date or
    whose ``until`` is before it are left out, and so are links to an
    organisation that is left out; organisations left out leave the owners
    and partners of barriers, and a barrier left with none of its owners goes
    (see :func:`stakeholders.model.barriers_among`). The stages and the
    script stay; the map's date becomes ``when``.

    Organisations and links with neither ``since`` nor ``until`` have no dates
    and stay, as present at every date (``undated="show"``); ``undated="hide"``
    leaves them out, and with an organisation its links, dated or not. A
    link's own dates decide whether it has any: one without them between two
    dated organisations has no dates (it is there while both are, but nothing
    says when the cooperation itself ran). A barrier without dates is there
    while one of its owners is (``undated`` does not count barriers: it
    leaves them out with their owners). The new map's ``undated`` records
    which organisations and links have no dates and whether they were kept
    (see :class:`~stakeholders.model.Undated`).

    >>> from stakeholders import example_path, load_map
    >>> m = load_map(example_path())
    >>> then = as_of(m, "2010")
    >>> len(then.links) < len(m.links), then.settings.date
    (True, '2010')
    >>> len(then.undated.organisations) > 0, then.undated.shown
    (True, True)
    >>> hidden = as_of(m, "2010", undated="hide")
    >>> len(hidden.organisations) == len(then.organisations) - len(then.undated.organisations)
    True
    """
    when = parse_as_of(when)
    parse_undated(undated)
    organisations = stakeholder_map.organisations
    organisations = organisations[_present(organisations, when)].reset_index(drop=True)
    kept = set(organisations["id"])
    links = stakeholder_map.links
    links = links[_present(links, when) & links["source"].isin(kept) & links["target"].isin(kept)]
    links = links.reset_index(drop=True)
    barriers = stakeholder_map.barriers
    barriers = barriers_among(barriers[_present(barriers, when)].reset_index(drop=True), kept)
    record = Undated(
        shown=True,
        organisations=tuple(organisations["id"][_no_dates(organisations)]),
        links=tuple(links["id"][_no_dates(links)]),
    )
    dated = replace(
        stakeholder_map,
        organisations=organisations,
        links=links,
        settings=replace(stakeholder_map.settings, date=when),
        undated=record,
        barriers=barriers,
    )
    return apply_undated(dated, undated)


def apply_undated(stakeholder_map: StakeholderMap, undated: str = "show") -> StakeholderMap:
    """Keep (``show``) or leave out (``hide``) what the map's as-of date found without dates.

    Only the rows still on the map count, so after a cut (such as an
    audience's) the record names none of what was cut. A map not taken as of
    a date, or whose undated rows are already left out, comes back as it is.
    :func:`stakeholders.load_map` takes the date before the audience's cut and
    applies this after it: the dates are read before a hidden column blanks
    them, and nothing hidden from the audience is counted.
    """
    parse_undated(undated)
    record = stakeholder_map.undated
    if record is None or not record.shown:
        return stakeholder_map
    organisations, links = stakeholder_map.organisations, stakeholder_map.links
    on_map, links_on_map = set(organisations["id"]), set(links["id"])
    org_ids = tuple(ident for ident in record.organisations if ident in on_map)
    link_ids = tuple(ident for ident in record.links if ident in links_on_map)
    if undated == "show":
        return replace(stakeholder_map, undated=Undated(shown=True, organisations=org_ids, links=link_ids))
    left_out = set(org_ids)
    without_dates = links["id"].isin(set(link_ids))
    taken = ~without_dates & (links["source"].isin(left_out) | links["target"].isin(left_out))
    kept = organisations[~organisations["id"].isin(left_out)].reset_index(drop=True)
    return replace(
        stakeholder_map,
        organisations=kept,
        links=links[~without_dates & ~taken].reset_index(drop=True),
        barriers=barriers_among(stakeholder_map.barriers, set(kept["id"])),
        undated=Undated(shown=False, organisations=org_ids, links=link_ids, links_taken=tuple(links["id"][taken])),
    )
