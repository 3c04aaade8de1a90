"""Partners' answers merged into one map: who said what, which links both ends confirm, where they disagree.

Each source is one partner's answers (a workbook made from the coordinator's
template, a CSV folder, any source :func:`stakeholders.load_map` reads), or a
workshop's. :func:`merge_maps` combines them:

- **Organisations** are matched by id (case and separators ignored), then by
  name and alias (also against another's short name). A match on a short name
  alone, a name that matches several organisations, or names that are merely
  similar (:mod:`difflib`) are *uncertain*: listed in :attr:`Merged.uncertain`
  for a person to settle (give both the same id in the sources and merge
  again), and kept apart. Nothing is merged on a guess.
- **Links**: the same two organisations (either way round) and kind, with
  periods that overlap, are one link. ``reported_by`` lists the sources that
  reported it and ``reports`` counts them. A source that says which
  organisation filled it in (its ``respondent`` setting, or ``--as`` naming
  one of its organisations) makes the link ``confirmed`` when both ends
  reported it and ``one-sided`` when one did; its ``trust`` and ``value``
  become that end's scores (``source_trust``, ``target_trust``, …).
- **Disagreements** (status, strength, dates, direction, trust, value and any
  other field two sources fill in differently) are kept side by side in
  :attr:`Merged.conflicts`, one column per source (another name for a matched
  organisation becomes one of its aliases). The map keeps the first
  source's value (the narrowest sensitivity, so nothing becomes more
  visible); nothing is averaged or dropped.

The first source is the base: its settings, stages, views and barrier model
are the merged map's; later sources add organisations, links and extra terms.

>>> import pandas as pd
>>> from stakeholders.model import MapSettings
>>> from stakeholders.schema import default_stages
>>> def form(respondent, links):
...     orgs = pd.DataFrame({"id": ["om", "pol"], "name": ["Openbaar Ministerie", "Politie"]})
...     frame = pd.DataFrame([{"source": s, "target": t, "kind": "referral"} for s, t in links])
...     return StakeholderMap(orgs, frame, default_stages(), MapSettings(title=respondent, respondent=respondent))
>>> merged = merge_maps([form("om", [("om", "pol")]), form("pol", [("pol", "om")])])
>>> merged.map.records("links")[0]["confirmation"], merged.map.records("links")[0]["reported_by"]
('confirmed', ['om', 'pol'])
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ._cli_words import CLI_WORDS
from .dates import before
from .errors import InvalidArgument, UnknownOrganisation
from .formats import export_map
from .formats.datafile import data_source
from .load import load_map
from .model import MapSettings, StakeholderMap
from .schema import AUDIENCES, LINK_KINDS, SECTORS, SENSITIVITY, TECHNIQUES, normalise_key
from .source import LIMIT_MB
from .validate import find_organisation, validate_source

__all__ = ["SIMILAR_NAMES", "Merged", "merge_maps", "merge_sources", "reporter_name", "write_merged"]

SIMILAR_NAMES = 0.85
"""How alike two names must be (:class:`difflib.SequenceMatcher` ratio) to be listed as an uncertain match."""

CONFLICT_SHEET = "Conflicts"
UNCERTAIN_SHEET = "Uncertain matches"
_SCORES = ("trust", "value")
_FIRST_WINS_QUIETLY = ("id", "source", "target", "kind", "reported_by", "reports", "confirmation", "last_checked")


@dataclass
class Merged:
    """What :func:`merge_maps` made: the map, the disagreements, the uncertain matches and the counts.

    ``conflicts`` has a row per disagreement: ``table``, ``id``, ``about`` (the
    organisation, or a link's ends and kind), ``field``, then one column per
    source with the value it gave ("" where it said nothing). ``uncertain`` has
    a row per uncertain match: ``source``, ``id`` and ``name`` (as that source
    has it), ``candidate`` and ``candidate_name`` (on the merged map), and
    ``reason`` (``same-short-name``, ``several-matches`` or ``similar-name``).
    """

    map: StakeholderMap
    conflicts: pd.DataFrame
    uncertain: pd.DataFrame
    reporters: list[str]
    summary: dict[str, int] = field(default_factory=dict)
    unknown_respondents: list[str] = field(default_factory=list)
    """The sources (by reporter name) that do not say which organisation filled them in: their links confirm
    nothing."""


def reporter_name(m: StakeholderMap, given: str = "", *, shared_titles: frozenset[str] = frozenset()) -> str:
    """What a source is called in ``reported_by``: ``given`` (``--as``), else its title, else its file name.

    A title in ``shared_titles`` (forms copied from one template all have it) does not tell sources apart: the
    file name does.

    >>> form = StakeholderMap(pd.DataFrame(), pd.DataFrame(), None, MapSettings(title="Map"), source="x/pol.xlsx")
    >>> reporter_name(form), reporter_name(form, shared_titles=frozenset({"Map"})), reporter_name(form, "Politie")
    ('Map', 'pol', 'Politie')
    """
    if given.strip():
        return given.strip()
    title = m.settings.title
    if title and title != MapSettings().title and title not in shared_titles:
        return title
    return Path(m.source).stem if m.source else "source"


def _words(lang: str | None) -> dict[str, str]:
    """The merge's words in ``lang`` (English unless ``nl``)."""
    return CLI_WORDS["nl" if lang == "nl" else "en"]


def _respondent(m: StakeholderMap, name: str, given: str, lang: str = "en") -> str:
    """The id (in ``m``) of the organisation that filled ``m`` in: its ``respondent`` setting, else ``given``."""
    if m.settings.respondent:
        try:
            return find_organisation(m.organisations, m.settings.respondent, lang)
        except UnknownOrganisation as err:
            msg = _words(lang)["merge_respondent"].format(source=m.source or name, problem=err)
            raise InvalidArgument(msg) from err
    if given.strip():
        try:
            return find_organisation(m.organisations, given.strip())
        except UnknownOrganisation:
            return ""
    return ""


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, float) and value != value)


def _keys(record: dict[str, Any]) -> tuple[set[str], set[str]]:
    """An organisation's strong keys (name, aliases) and weak ones (short name), folded."""
    strong = {normalise_key(record.get("name") or "")} | {normalise_key(a) for a in record.get("aliases") or []}
    weak = {normalise_key(record.get("short_name") or "")}
    return strong - {""}, weak - {""}


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two links' periods share a moment (dates that agree); a missing date is open."""
    if a.get("until") and b.get("since") and before(a["until"], b["since"]):
        return False
    return not (b.get("until") and a.get("since") and before(b["until"], a["since"]))


def _shown(value: Any) -> str:
    if _empty(value):
        return ""
    return " | ".join(map(str, value)) if isinstance(value, list) else str(value)


class _Merger:
    """The state of one merge: the organisations and links so far, and what was found on the way."""

    def __init__(self, reporters: list[str]) -> None:
        self.reporters = reporters
        self.orgs: dict[str, dict[str, Any]] = {}
        self.by_key: dict[str, str] = {}
        self.links: list[dict[str, Any]] = []
        self.ends_reporting: list[set[str]] = []
        self.conflicts: dict[tuple[str, str, str], dict[str, str]] = {}
        self.about: dict[tuple[str, str], str] = {}
        self.uncertain: list[dict[str, str]] = []
        self.matched = 0
        self.strong: dict[str, set[str]] = {}  # folded name or alias → organisations
        self.weak: dict[str, set[str]] = {}  # folded short name → organisations
        self.place: dict[str, int] = {}  # organisation → its place on the merged map
        self.same_link: dict[tuple[frozenset[str], str], list[int]] = {}  # ends and kind → links
        self.used_ids: set[str] = set()

    # --- organisations ------------------------------------------------------------------------

    def add_organisation(self, record: dict[str, Any], reporter: str, taken: set[str]) -> str:
        """Add or match one organisation of a source; return its id on the merged map.

        ``taken`` are the organisations the same source already added or matched: the organisations of one
        source are different organisations, so none of them is matched again.
        """
        same = self.by_key.get(normalise_key(record["id"]))
        if same is None or same in taken:
            same = self._match_by_name(record, reporter, taken)
        if same is None:
            same = self._free_org_id(str(record["id"]))
            self.orgs[same] = dict(record, id=same, _first=reporter)
            self.by_key[normalise_key(same)] = same
            self.place[same] = len(self.place)
        else:
            self.matched += 1
            self._join("organisations", same, self.orgs[same], record, reporter)
        strong, weak = _keys(self.orgs[same])
        for keys, index in ((strong, self.strong), (weak, self.weak)):
            for key in keys:
                index.setdefault(key, set()).add(same)
        taken.add(same)
        return same

    def _free_org_id(self, wanted: str) -> str:
        """``wanted``, or (when another organisation has it, in any case) ``wanted~2``, ``wanted~3`` …"""
        candidate, suffix = wanted, 1
        while normalise_key(candidate) in self.by_key:
            suffix += 1
            candidate = f"{wanted}~{suffix}"
        return candidate

    def _match_by_name(self, record: dict[str, Any], reporter: str, taken: set[str]) -> str | None:
        strong, weak = _keys(record)

        def found_by(keys: set[str], *indexes: dict[str, set[str]]) -> set[str]:
            return {org for index in indexes for key in keys for org in index.get(key, ()) if org not in taken}

        certain = found_by(strong, self.strong, self.weak) | found_by(weak, self.strong)
        if len(certain) == 1:
            return certain.pop()
        short = found_by(weak, self.weak) - certain
        similar = (
            {
                org
                for mine in strong
                for close in difflib.get_close_matches(mine, list(self.strong), n=10, cutoff=SIMILAR_NAMES)
                for org in self.strong[close]
                if org not in taken
            }
            - certain
            - short
        )
        in_order = sorted(certain, key=self.place.__getitem__)
        found = [(org_id, "several-matches") for org_id in in_order]
        if not certain:
            found = [(org_id, "same-short-name") for org_id in sorted(short, key=self.place.__getitem__)]
            found += [(org_id, "similar-name") for org_id in sorted(similar, key=self.place.__getitem__)]
        for org_id, reason in found:
            self.uncertain.append(
                {
                    "source": reporter,
                    "id": str(record["id"]),
                    "name": str(record.get("name") or ""),
                    "candidate": org_id,
                    "candidate_name": str(self.orgs[org_id].get("name") or ""),
                    "reason": reason,
                }
            )
        return None

    # --- links --------------------------------------------------------------------------------

    def add_link(self, record: dict[str, Any], reporter: str, respondent: str, taken: set[int]) -> None:
        """Add or join one link of a source (its ends already on the merged map); ``taken`` are the links the same
        source already added or joined (two rows of one source are two links)."""
        pair = {record["source"], record["target"]}
        same = self.same_link.setdefault((frozenset(pair), str(record.get("kind") or "")), [])
        for index in same:
            if index not in taken and _overlap(self.links[index], record):
                self._join_link(index, record, reporter, respondent)
                taken.add(index)
                return
        taken.add(len(self.links))
        same.append(len(self.links))
        link = {key: value for key, value in record.items() if key not in ("reports", "confirmation")}
        link["reported_by"] = list(dict.fromkeys([*(record.get("reported_by") or []), reporter]))
        link["id"] = self._free_id(str(record.get("id") or ""), link)
        link["_first"] = reporter
        self._place_scores(link, respondent)
        self.links.append(link)
        self.ends_reporting.append({respondent} & pair if respondent else set())
        if record.get("confirmation") == "confirmed":
            self.ends_reporting[-1] |= pair
        self.about[("links", link["id"])] = self._link_about(link)

    def _free_id(self, wanted: str, link: dict[str, Any]) -> str:
        base = wanted or f"{link['source']}>{link['target']}"
        candidate, suffix = base, 1
        while candidate in self.used_ids:
            suffix += 1
            candidate = f"{base}~{suffix}"
        self.used_ids.add(candidate)
        return candidate

    @staticmethod
    def _place_scores(link: dict[str, Any], respondent: str) -> None:
        """Move a respondent's own ``trust`` and ``value`` to its end's columns (it scores the other end)."""
        end = "source" if respondent == link["source"] else "target" if respondent == link["target"] else ""
        for score in _SCORES:
            if end and not _empty(link.get(score)):
                link[f"{end}_{score}"], link[score] = link[score], None

    def _join_link(self, index: int, record: dict[str, Any], reporter: str, respondent: str) -> None:
        link = self.links[index]
        reversed_ = record["source"] != link["source"]
        incoming = dict(record)
        if reversed_:  # the same link, written the other way round: its end scores swap
            for score in _SCORES:
                incoming[f"source_{score}"], incoming[f"target_{score}"] = (
                    record.get(f"target_{score}"),
                    record.get(f"source_{score}"),
                )
            incoming["source"], incoming["target"] = link["source"], link["target"]
        scores = {key: incoming.pop(key, None) for key in _SCORES}
        end = "source" if respondent == link["source"] else "target" if respondent == link["target"] else ""
        for score in _SCORES:
            if not _empty(scores[score]):
                incoming[f"{end}_{score}" if end else score] = scores[score]
        incoming["direction"] = self._direction(record)
        link_now = dict(link, direction=self._direction(link))
        self._join("links", link["id"], link_now, incoming, reporter)
        link.update({k: v for k, v in link_now.items() if k != "direction"})
        link["reported_by"] = list(dict.fromkeys([*link["reported_by"], *(record.get("reported_by") or []), reporter]))
        if respondent in (link["source"], link["target"]):
            self.ends_reporting[index].add(respondent)
        if record.get("confirmation") == "confirmed":
            self.ends_reporting[index] |= {link["source"], link["target"]}

    @staticmethod
    def _direction(link: dict[str, Any]) -> str:
        """A link's direction in words that compare across orientations: ``directed a → b``, ``mutual``."""
        direction = link.get("direction") or "directed"
        return f"directed {link['source']} → {link['target']}" if direction == "directed" else direction

    def _link_about(self, link: dict[str, Any]) -> str:
        return f"{link['source']} – {link['target']} ({link.get('kind') or ''})"

    # --- fields of a matched record -----------------------------------------------------------

    def _join(self, table: str, ident: str, kept: dict[str, Any], incoming: dict[str, Any], reporter: str) -> None:
        """Fill ``kept``'s empty fields from ``incoming``; list the fields both fill in differently."""
        for name, value in incoming.items():
            if name.startswith("_") or name in ("id",) or _empty(value):
                continue
            if isinstance(value, list):
                kept[name] = list(dict.fromkeys([*(kept.get(name) or []), *value]))
                continue
            if name == "last_checked":
                kept[name] = max(str(kept.get(name) or ""), str(value))
                continue
            if _empty(kept.get(name)):
                kept[name] = value
                continue
            if name == "name" and table == "organisations" and kept[name] != value:  # another name: an alias
                kept["aliases"] = list(dict.fromkeys([*(kept.get("aliases") or []), value]))
                continue
            if name in _FIRST_WINS_QUIETLY or _shown(kept[name]) == _shown(value):
                continue
            key = (table, ident, name)
            if key not in self.conflicts:
                self.conflicts[key] = {kept["_first"]: _shown(kept[name])}
            self.conflicts[key].setdefault(reporter, _shown(value))
            if name == "sensitivity":
                kept[name] = max(kept[name], value, key=lambda s: SENSITIVITY.ids.index(s))
        if table == "organisations":
            self.about.setdefault((table, ident), str(kept.get("name") or ident))

    # --- the result ---------------------------------------------------------------------------

    def link_records(self) -> list[dict[str, Any]]:
        records = []
        for link, ends in zip(self.links, self.ends_reporting, strict=True):
            both = {link["source"], link["target"]}
            confirmation = "confirmed" if ends == both else "one-sided" if ends else ""
            kept = {key: value for key, value in link.items() if key != "_first"}
            records.append({**kept, "reports": len(link["reported_by"]), "confirmation": confirmation})
        return records

    def conflict_grid(self) -> pd.DataFrame:
        columns = ["table", "id", "about", "field", *self.reporters]
        rows = [
            [table, ident, self.about.get((table, ident), ident), name, *(said.get(r, "") for r in self.reporters)]
            for (table, ident, name), said in self.conflicts.items()
        ]
        return pd.DataFrame(rows, columns=columns)


def _unique_names(names: list[str]) -> list[str]:
    """Reporter names, numbered where two sources would have the same one."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def _settings(maps: Sequence[StakeholderMap]) -> dict[str, Any]:
    """The merged map's settings: the first source's, with every source's extra terms and hidden fields, the
    narrowest default audience and the latest date."""
    first = maps[0].settings
    pairs: dict[str, Any] = {"title": first.title, "source_note": first.source_note, "description": first.description}
    pairs["date"] = max((m.settings.date for m in maps), default="")
    for key, default in (("sectors", SECTORS), ("kinds", LINK_KINDS), ("techniques", TECHNIQUES)):
        extra = {
            vocabulary.label(term): None
            for m in maps
            for vocabulary in [getattr(m.settings, key)]
            for term in vocabulary.ids
            if term not in default.ids
        }
        pairs[key] = "|".join(extra)
    pairs["audience"] = max((m.settings.audience or "public" for m in maps), key=AUDIENCES.ids.index)
    for key in ("partners_fields", "restricted_fields"):
        pairs[key] = "|".join(dict.fromkeys(name for m in maps for name in getattr(m.settings, key)))
    pairs["show_hidden_counts"] = "yes" if any(m.settings.show_hidden_counts for m in maps) else ""
    return {key: value for key, value in pairs.items() if value}


def merge_maps(maps: Sequence[StakeholderMap], *, names: Sequence[str] = (), lang: str | None = None) -> Merged:
    """Merge partners' maps into one (see the module's description); ``names`` are what each source is called
    in ``reported_by`` (``--as``; default: its title, else its file name, also when several sources share a
    title).

    A ``names`` entry that names one of its source's organisations also says who filled that source in,
    unless the source has a ``respondent`` setting. Raises :class:`~stakeholders.errors.InvalidArgument`
    without maps, with more names than maps, or with a ``respondent`` that is not one of its source's
    organisations. Those problems are written in ``lang`` (English unless ``nl``).
    """
    if not maps:
        raise InvalidArgument(_words(lang)["merge_nothing"])
    if len(names) > len(maps):
        raise InvalidArgument(_words(lang)["merge_names"].format(names=len(names), sources=len(maps)))
    given = [*names, *([""] * (len(maps) - len(names)))]
    titles = [m.settings.title for m in maps]
    shared = frozenset(title for title in titles if titles.count(title) > 1)
    reporters = _unique_names(
        [reporter_name(m, name, shared_titles=shared) for m, name in zip(maps, given, strict=True)]
    )
    merger = _Merger(reporters)
    respondents = [_respondent(m, r, g, lang or "en") for m, r, g in zip(maps, reporters, given, strict=True)]
    id_maps = []
    for m, reporter in zip(maps, reporters, strict=True):
        taken: set[str] = set()
        id_maps.append({org["id"]: merger.add_organisation(org, reporter, taken) for org in m.records("organisations")})
    for m, reporter, ids, respondent in zip(maps, reporters, id_maps, respondents, strict=True):
        joined: set[int] = set()
        for link in m.records("links"):
            link.update(source=ids[link["source"]], target=ids[link["target"]])
            merger.add_link(link, reporter, ids.get(respondent, ""), joined)
    first = maps[0]
    data: dict[str, Any] = {
        "organisations": [{k: v for k, v in org.items() if k != "_first"} for org in merger.orgs.values()],
        "links": merger.link_records(),
        "settings": _settings(maps),
    }
    if not first.uses_default_stages():
        data["stages"] = first.records("stages")
    if first.views is not None:
        data["views"] = first.records("views")
    if len(first.script) or len(first.barriers):
        data["script"], data["barriers"] = first.records("script"), first.records("barriers")
    merged = validate_source(data_source(Path("merged map"), data), path="")
    links = merger.link_records()
    conflicts = merger.conflict_grid()
    uncertain = pd.DataFrame(
        merger.uncertain, columns=["source", "id", "name", "candidate", "candidate_name", "reason"]
    )
    summary = {
        "sources": len(maps),
        "organisations": len(merged.organisations),
        "matched": merger.matched,
        "uncertain": len(uncertain),
        "links": len(links),
        "joined": sum(len(m.links) for m in maps) - len(links),
        "confirmed": sum(1 for link in links if link["confirmation"] == "confirmed"),
        "one_sided": sum(1 for link in links if link["confirmation"] == "one-sided"),
        "conflicts": len(conflicts),
    }
    unknown = [name for name, respondent in zip(reporters, respondents, strict=True) if not respondent]
    return Merged(merged, conflicts, uncertain, reporters, summary, unknown)


def merge_sources(
    paths: Sequence[str | os.PathLike[str]],
    *,
    names: Sequence[str] = (),
    limit_mb: float = LIMIT_MB,
    lang: str | None = None,
) -> Merged:
    """Load every source whole (for internal readers: nothing left out) and merge them (:func:`merge_maps`)."""
    maps = [load_map(path, audience="internal", limit_mb=limit_mb, lang=lang) for path in paths]
    return merge_maps(maps, names=names, lang=lang)


def _grid(frame: pd.DataFrame) -> list[list[Any]]:
    return [list(frame.columns), *[list(row) for row in frame.itertuples(index=False)]]


def write_merged(merged: Merged, path: str | os.PathLike[str]) -> Path:
    """Write the merged map to ``path`` in the format its extension names, atomically, with its Conflicts and
    Uncertain matches sheets (CSV files in a folder; CSV files beside a graph file); return the path."""
    extra = {CONFLICT_SHEET: _grid(merged.conflicts), UNCERTAIN_SHEET: _grid(merged.uncertain)}
    return export_map(merged.map, path, extra_sheets=extra)
