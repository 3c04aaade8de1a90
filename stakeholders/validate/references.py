"""References between tables: an organisation or a stage named by its id, name, short name or alias.

A reference that names nothing gets a "did you mean" suggestion; one that
could mean several rows asks for the id.

>>> resolve_reference("omm", {"om"}, {"om": {"om"}}, "organisation", "map")
('', "unknown organisation 'omm' (did you mean 'om'?): use an id from the map")
"""

from __future__ import annotations

import difflib
from typing import Any

import pandas as pd

from .._validation_words import THINGS, WHERE, say
from ..errors import UnknownOrganisation
from ..schema import normalise_key
from ..values import raw_records

__all__ = ["References", "closest", "find_organisation", "reference_index", "resolve_reference", "suggest"]

Rows = list[tuple[int, dict[str, Any]]]
"""Rows of one table as (row number, field → value)."""


def closest(value: str, candidates: dict[str, str]) -> str:
    """What to write for the candidate key closest to ``value`` ("" when none is close).

    >>> closest("reclasering", {"probation": "probation", "reclassering": "reclassering"})
    'reclassering'
    """
    close = difflib.get_close_matches(normalise_key(value), list(candidates), n=1, cutoff=0.6)
    return candidates[close[0]] if close else ""


def suggest(value: str, candidates: dict[str, str], lang: str = "en") -> str:
    """' (did you mean 'x'?)' for the closest candidate key, mapped to what to write, in ``lang``."""
    close = closest(value, candidates)
    return say(lang, "did_you_mean", name=close) if close else ""


def reference_index(records: Rows, fields: tuple[str, ...]) -> dict[str, set[str]]:
    """normalised id/name/alias → the ids it may mean."""
    index: dict[str, set[str]] = {}
    for _, record in records:
        for name in fields:
            values = record.get(name) or []
            for value in values if isinstance(values, list) else [values]:
                if value:
                    index.setdefault(normalise_key(value), set()).add(record["id"])
    return index


def resolve_reference(
    value: str, ids: set[str], index: dict[str, set[str]], what: str, where: str, lang: str = "en"
) -> tuple[str, str | None]:
    """(id, problem in ``lang``) for a reference written as an id, a name, a short name or an alias."""
    if value in ids:
        return value, None
    matches = index.get(normalise_key(value), set())
    if len(matches) == 1:
        return next(iter(matches)), None
    things = THINGS["nl" if lang == "nl" else "en"]
    if len(matches) > 1:
        whats = things.get(f"{what}s", f"{what}s")
        return "", say(lang, "several", value=value, whats=whats, ids=", ".join(sorted(matches)))
    suggestions = {key: min(found) for key, found in index.items()}
    hint = suggest(value, suggestions, lang)
    place = WHERE.get(lang, {})
    head, _, rest = where.partition(" (")
    where = place[head] + (f" ({rest}" if rest else "") if head in place else f"the {where}"
    return "", say(lang, "unknown_reference", what=things.get(what, what), value=value, hint=hint, where=where)


class References:
    """Resolves references to the rows of one table: by id, or by a name, short name or alias.

    Names are indexed only when a reference is not an id: most maps refer by id only.
    """

    def __init__(self, records: Rows, fields: tuple[str, ...], what: str, where: str, lang: str = "en"):
        self.ids = {record["id"] for _, record in records if record.get("id")}
        self._records, self._fields, self._what, self._where = records, fields, what, where
        self._lang = lang
        self._index: dict[str, set[str]] | None = None

    def resolve(self, value: str) -> tuple[str, str | None]:
        """(id, problem) for a reference written as an id, a name, a short name or an alias."""
        if value in self.ids:
            return value, None
        if self._index is None:
            self._index = reference_index(self._records, self._fields)
        return resolve_reference(value, self.ids, self._index, self._what, self._where, self._lang)


def find_organisation(organisations: pd.DataFrame, text: str, lang: str = "en") -> str:
    """The id of the organisation ``text`` names: its id, or its unique name, short name or alias.

    Raises :class:`~stakeholders.errors.UnknownOrganisation` with a suggestion (in ``lang``) otherwise.

    >>> orgs = pd.DataFrame({"id": ["om"], "name": ["Openbaar Ministerie"], "short_name": ["OM"], "aliases": [[]]})
    >>> find_organisation(orgs, "openbaar ministerie")
    'om'
    """
    records = [(0, record) for record in raw_records(organisations)]
    index = reference_index(records, ("id", "name", "short_name", "aliases"))
    found, message = resolve_reference(text, set(organisations["id"]), index, "organisation", "map", lang)
    if message:
        raise UnknownOrganisation(message)
    return found
