"""Compare two snapshots of a map: what was added, removed and changed.

Organisations are matched by id. Links are matched by the id the source
gave them (when both snapshots give the same id to a link between the same
two organisations), then by their two ends and their kind, and links left
over between the same two organisations are paired in order and count as
changed (their kind, for instance, changed). Each step pairs links that run
the same way first, then a mutual or undirected link written the other way
round (``a → b`` in one snapshot and ``b → a`` in the other is one link),
then a directed link turned round, which says ``direction reversed``. In the
change list a link is named ``source → target (kind)``; where a snapshot
holds several links with the same ends and kind, the name adds what tells
them apart: the id the source gave, or the fields that differ. A matched
link whose given id changed says so (``id: L1 → L6``). The page, Markdown and
CSV name organisations by their short name or name (with the id when two
share it) and kinds by their label; :attr:`Change.key` keeps the ids.
:func:`diff_maps` returns a :class:`MapDiff` with the change list and a
union map in which every organisation and link carries a ``change`` field
(``added``, ``removed``, ``changed`` or ``unchanged``) and a ``changes`` text,
ready to be drawn on one stable layout; a column of the map's own with one of
those names is kept as ``change (own)`` (``changes (own)``). Between two
maps as of two dates, :attr:`MapDiff.undated` names the organisations and
links without dates, which no date can add or remove; :func:`undated_summary`
says it in words. Barriers are matched by id and listed after the links
(``what`` is ``barrier``, named by their name); the union map holds the
barriers of both snapshots with ``change`` and ``changes`` fields too, and
:attr:`MapDiff.counts` counts them when either snapshot has any.

>>> import pandas as pd
>>> from stakeholders.model import MapSettings, StakeholderMap
>>> def snapshot(orgs, links):
...     o = pd.DataFrame({"id": orgs, "name": orgs})
...     k = pd.DataFrame(links, columns=["id", "source", "target", "kind", "status"])
...     return StakeholderMap(o, k, pd.DataFrame(columns=["id", "name"]), MapSettings())
>>> old = snapshot(["a", "b"], [["L1", "a", "b", "referral", "planned"]])
>>> new = snapshot(["a", "b", "c"], [["L1", "a", "b", "referral", "active"], ["L2", "b", "c", "funding", "active"]])
>>> [(c.change, c.what, c.key) for c in diff_maps(old, new).changes]
[('added', 'organisation', 'c'), ('added', 'link', 'b → c (funding)'), ('changed', 'link', 'a → b (referral)')]
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from . import dates
from .errors import InvalidArgument
from .i18n import PAGE_WORDS, counted, undated_note
from .model import StakeholderMap, Undated
from .naming import org_label
from .schema import Vocabulary
from .timeline import as_of
from .values import neutralise

__all__ = [
    "CHANGE_COLOURS",
    "Change",
    "MapDiff",
    "as_markdown",
    "changes_csv",
    "diff_dates",
    "diff_maps",
    "diff_summary",
    "item_labels",
    "undated_summary",
]

CHANGE_COLOURS = {"added": "#2166AC", "removed": "#B2182B", "changed": "#C26A00", "unchanged": "#D9D9D9"}
"""Colours for the four kinds of change, apart under colour blindness (tests/test_style.py); removed items are
also dashed. Added, removed and changed have at least 3:1 contrast against the page (they are never text)."""

COMPARED_ORG_FIELDS = (
    "name",
    "short_name",
    "aliases",
    "sector",
    "level",
    "country",
    "stages",
    "description",
    "url",
    "tags",
    "influence",
    "stance",
)
IGNORED_LINK_FIELDS = ("id", "source", "target")
THINGS = (("organisation", "orgs"), ("link", "links"))
DIFF_FIELDS = ("change", "changes")
"""The fields the union map gives every organisation and link; a column of the map's own with such a name is renamed."""


@dataclass(frozen=True)
class Change:
    """One difference: ``what`` is organisation or link, ``details`` lists the fields that changed.

    ``key`` names the item by ids (``a → b (referral)``). ``ident`` is the
    organisation's or the link's id; a link's ``ends`` are its source and
    target ids, ``kind`` its kind id and ``apart`` what tells it apart from
    links with the same ends and kind (``id: L6``), as ``key`` holds them.
    """

    change: str
    what: str
    key: str
    details: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()
    ident: str = ""
    kind: str = ""
    apart: str = ""

    def text(self) -> str:
        return "; ".join(self.details)


@dataclass
class MapDiff:
    """The change list, its counts, and the union map with ``change`` fields for drawing.

    ``undated`` is set when both maps were taken as of a date: the
    organisations and links without dates on both maps (when shown) or left
    out of either (when hidden); :func:`undated_summary` says it in words.
    """

    changes: list[Change]
    union: StakeholderMap
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    undated: Undated | None = None


def _compared(value: Any) -> Any:
    """A field's value as the comparison sees it: a list as a tuple, a missing value as empty text."""
    if isinstance(value, list):
        return tuple(value)
    return "" if value is None else value


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value) or "—"
    return str(value) if value not in ("", None) else "—"


def _quoted(value: Any) -> str:
    """A value item by item, each in quotes: ``"x", "b|c"``."""
    items = value if isinstance(value, (list, tuple)) else [] if value in ("", None) else [value]
    return ", ".join(f'"{item}"' for item in items) or "—"


def _shown(before: Any, after: Any) -> str:
    """``before → after`` as text; quoted item by item where ``|``-joined text would hide the difference.

    >>> _shown(["x", "y"], ["y"]), _shown(["x", "b|c"], ["x", "b", "c"])
    ('x|y → y', '"x", "b|c" → "x", "b", "c"')
    """
    old, new = _show(before), _show(after)
    lists = [v for v in (before, after) if isinstance(v, (list, tuple))]
    if old == new or any("|" in str(item) for value in lists for item in value):
        old, new = _quoted(before), _quoted(after)
    return f"{old} → {new}"


def _field_changes(old: dict[str, Any], new: dict[str, Any], fields: list[str]) -> tuple[str, ...]:
    return tuple(
        f"{name}: {_shown(old.get(name, ''), new.get(name, ''))}"
        for name in fields
        if _compared(old.get(name, "")) != _compared(new.get(name, ""))
    )


def _two_way(link: dict[str, Any]) -> bool:
    return link.get("direction") in ("mutual", "undirected")


def _given_id(link: dict[str, Any]) -> str:
    """The link's id as the source gave it; "" for an id made from its ends (``a>b``, ``a>b~2``)."""
    ident, made = str(link.get("id") or ""), f"{link['source']}>{link['target']}"
    return "" if re.fullmatch(re.escape(made) + r"(~\d+)?", ident) else ident


def _by_given_id(link: dict[str, Any]) -> Any:
    ident = _given_id(link)
    return (ident, frozenset((link["source"], link["target"]))) if ident else None


def _by_ends_and_kind(link: dict[str, Any]) -> Any:
    return (frozenset((link["source"], link["target"])), link.get("kind") or "")


def _by_ends(link: dict[str, Any]) -> Any:
    return frozenset((link["source"], link["target"]))


def _take(queue: list[dict[str, Any]], link: dict[str, Any], way: str) -> dict[str, Any] | None:
    """Take from ``queue`` the first link that runs the same way as ``link`` (``way`` ``same``); with
    ``two-way`` also one written the other way round when either is mutual or undirected; with ``any``,
    the first at all."""
    for index, other in enumerate(queue):
        if (other["source"], other["target"]) == (link["source"], link["target"]) or way == "any":
            return queue.pop(index)
        if way == "two-way" and (_two_way(other) or _two_way(link)):
            return queue.pop(index)
    return None


def _match_links(
    old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(matched pairs, removed, added): by given id, then by ends and kind, then by ends alone, in order.

    Each step pairs links that run the same way first, then two-way links (mutual or
    undirected, in either snapshot) written the other way round, then links turned round.
    """
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    left_old, left_new = list(old), list(new)
    for key in (_by_given_id, _by_ends_and_kind, _by_ends):
        for way in ("same", "two-way", "any"):
            waiting: dict[Any, list[dict[str, Any]]] = {}
            for link in left_old:
                waiting.setdefault(key(link), []).append(link)
            unmatched_new = []
            for link in left_new:
                found = _take(waiting.get(key(link), []), link, way) if key(link) is not None else None
                if found is None:
                    unmatched_new.append(link)
                else:
                    pairs.append((found, link))
            left_old = [link for queue in waiting.values() for link in queue]
            left_new = unmatched_new
    order = {id(link): index for index, link in enumerate(old)}
    left_old.sort(key=lambda link: order[id(link)])
    return pairs, left_old, left_new


def _apart(link: dict[str, Any], group: list[dict[str, Any]]) -> str:
    """What tells ``link`` apart from the others in ``group`` (links with the same ends and kind).

    Its id when the source gave one; otherwise the fields that differ within the
    group, as few as tell it apart; otherwise its place in the group.
    """
    if len(group) == 1:
        return ""
    if _given_id(link):
        return f"id: {_given_id(link)}"
    chosen: list[str] = []
    for name in (f for f in link if f not in ("id", "source", "target", "kind")):
        if len({_compared(other.get(name, "")) for other in group}) > 1:
            chosen.append(name)
            same = [o for o in group if all(_compared(o.get(f, "")) == _compared(link.get(f, "")) for f in chosen)]
            if len(same) == 1:
                return ", ".join(f"{f}: {_show(link.get(f, ''))}" for f in chosen)
    place = next(number for number, other in enumerate(group, start=1) if other is link)
    return f"link {place} of {len(group)}"


def _link_names(links: list[dict[str, Any]]) -> dict[int, str]:
    """What tells each link of one snapshot (by ``id()``) apart from links with the same ends and kind, if need be."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for link in links:
        groups.setdefault((link["source"], link["target"], link.get("kind") or ""), []).append(link)
    return {id(link): _apart(link, group) for group in groups.values() for link in group}


def _link_text(source: str, target: str, kind: str, apart: str) -> str:
    """A link as the change list names it: ``source → target (kind, what tells it apart)``."""
    return f"{source} → {target} ({kind or 'no kind'}{', ' + apart if apart else ''})"


def _link_change(change: str, link: dict[str, Any], names: dict[int, str], details: tuple[str, ...] = ()) -> Change:
    ends, kind, apart = (link["source"], link["target"]), link.get("kind") or "", names[id(link)]
    return Change(change, "link", _link_text(*ends, kind, apart), details, ends, str(link["id"]), kind, apart)


def _reversed(before: dict[str, Any], after: dict[str, Any]) -> tuple[str, ...]:
    """``direction reversed`` for a directed link turned round, else nothing."""
    turned = (before["source"], before["target"]) == (after["target"], after["source"])
    return ("direction reversed",) if turned and not (_two_way(before) or _two_way(after)) else ()


def _own_names(*frames: pd.DataFrame) -> dict[str, str]:
    """New names for the map's own columns called ``change`` or ``changes``, so the diff's fields leave them be."""
    taken = {*DIFF_FIELDS, *(name for frame in frames for name in frame.columns)}
    renamed: dict[str, str] = {}
    for name in DIFF_FIELDS:
        if any(name in frame.columns for frame in frames):
            new, number = f"{name} (own)", 1
            while new in taken:
                number += 1
                new = f"{name} (own {number})"
            taken.add(new)
            renamed[name] = new
    return renamed


def _merged(new: Vocabulary, old: Vocabulary) -> Vocabulary:
    """``new`` with the terms only ``old`` had, so removed items keep their labels."""
    return Vocabulary(new.name, new.terms + tuple(t for t in old.terms if t.id not in new.ids))


def diff_maps(old: StakeholderMap, new: StakeholderMap) -> MapDiff:
    """Everything that changed from ``old`` to ``new``, and the union of both to draw it on."""
    old_orgs = {o["id"]: o for o in old.records("organisations")}
    new_orgs = {o["id"]: o for o in new.records("organisations")}
    org_names = _own_names(old.organisations, new.organisations)

    def own(record: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
        return {names.get(key, key): value for key, value in record.items()}

    changes: list[Change] = []
    org_rows = []
    for org_id, org in new_orgs.items():
        if org_id not in old_orgs:
            changes.append(Change("added", "organisation", org_id, ident=org_id))
            org_rows.append({**own(org, org_names), "change": "added", "changes": ""})
            continue
        fields = [f for f in COMPARED_ORG_FIELDS if f in org or f in old_orgs[org_id]]
        fields += [f for f in org if f not in fields and f not in ("id",) and f not in COMPARED_ORG_FIELDS]
        details = _field_changes(old_orgs[org_id], org, fields)
        if details:
            changes.append(Change("changed", "organisation", org_id, details, ident=org_id))
        row = {**own(org, org_names), "change": "changed" if details else "unchanged", "changes": "; ".join(details)}
        org_rows.append(row)
    for org_id, org in old_orgs.items():
        if org_id not in new_orgs:
            changes.append(Change("removed", "organisation", org_id, ident=org_id))
            org_rows.append({**own(org, org_names), "change": "removed", "changes": ""})

    old_links = old.records("links")
    new_links = new.records("links")
    pairs, removed, added = _match_links(old_links, new_links)
    old_names, new_names = _link_names(old_links), _link_names(new_links)
    link_rows = []
    changed_links = {}
    for before, after in pairs:
        fields = [f for f in after if f not in IGNORED_LINK_FIELDS]
        fields += [f for f in before if f not in fields and f not in IGNORED_LINK_FIELDS]
        details = (*_reversed(before, after), *_field_changes(before, after, fields))
        if _given_id(before) and _given_id(after) and _given_id(before) != _given_id(after):
            details = (f"id: {_given_id(before)} → {_given_id(after)}", *details)
        changed_links[id(after)] = details
    link_names = _own_names(old.links, new.links)
    for link in new_links:
        if id(link) in changed_links:
            details = changed_links[id(link)]
            if details:
                changes.append(_link_change("changed", link, new_names, details))
            change = "changed" if details else "unchanged"
            link_rows.append({**own(link, link_names), "change": change, "changes": "; ".join(details)})
        else:
            changes.append(_link_change("added", link, new_names))
            link_rows.append({**own(link, link_names), "change": "added", "changes": ""})
    taken = {row["id"] for row in link_rows}
    for link in removed:
        changes.append(_link_change("removed", link, old_names))
        link_id, suffix = link["id"], 1
        while link_id in taken:  # an old id reused in the new snapshot for another link
            suffix += 1
            link_id = f"{link['id']}~{suffix}"
        taken.add(link_id)
        link_rows.append({**own(link, link_names), "id": link_id, "change": "removed", "changes": ""})

    order = {"added": 0, "removed": 1, "changed": 2}
    columns = [org_names.get(c, c) for c in dict.fromkeys([*new.organisations.columns, *old.organisations.columns])]
    organisations = pd.DataFrame(org_rows, columns=[*columns, *DIFF_FIELDS])
    link_columns = [link_names.get(c, c) for c in dict.fromkeys([*new.links.columns, *old.links.columns])]
    links = pd.DataFrame(link_rows, columns=[*link_columns, *DIFF_FIELDS])
    for frame in (organisations, links):
        for name in frame.columns:
            if frame[name].dtype == object:
                frame[name] = frame[name].map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else v)
    custom = {
        table: tuple(
            dict.fromkeys(
                [
                    *(names.get(c, c) for c in old.custom_columns.get(table, ())),
                    *(names.get(c, c) for c in new.custom_columns.get(table, ())),
                    *DIFF_FIELDS,
                ]
            )
        )
        for table, names in (("organisations", org_names), ("links", link_names))
    }
    custom["stages"] = new.custom_columns.get("stages", ())
    settings = replace(
        new.settings,
        sectors=_merged(new.settings.sectors, old.settings.sectors),
        kinds=_merged(new.settings.kinds, old.settings.kinds),
    )
    union = replace(
        new, organisations=organisations, links=links, custom_columns=custom, settings=settings, undated=None
    )
    barrier_changes, union = _with_barriers(old, new, union)
    changes.extend(barrier_changes)
    changes.sort(key=lambda c: (order[c.change], c.what != "organisation"))  # links, then barriers, as found
    things = ("organisation", "link", "barrier") if len(old.barriers) or len(new.barriers) else ("organisation", "link")
    counts = {
        what: {kind: sum(1 for c in changes if c.what == what and c.change == kind) for kind in order}
        for what in things
    }
    return MapDiff(changes, union, counts, _undated_between(old, new))


def _with_barriers(
    old: StakeholderMap, new: StakeholderMap, union: StakeholderMap
) -> tuple[list[Change], StakeholderMap]:
    """The barriers added, removed and changed (matched by id), and the union map with both snapshots' barriers.

    The union's barriers are the new ones, then the removed ones, each with a ``change`` and a ``changes``
    field like the organisations and links; its script is the new one with the phases only the old had.
    """
    if not len(old.barriers) and not len(new.barriers):
        return [], union
    before = {b["id"]: b for b in old.records("barriers")}
    after = {b["id"]: b for b in new.records("barriers")}
    names = _own_names(old.barriers, new.barriers)
    changes: list[Change] = []
    rows: list[dict[str, Any]] = []
    for ident, barrier in after.items():
        row = {names.get(key, key): value for key, value in barrier.items()}
        if ident not in before:
            changes.append(Change("added", "barrier", ident, ident=ident))
            rows.append({**row, "change": "added", "changes": ""})
            continue
        fields = [f for f in dict.fromkeys([*barrier, *before[ident]]) if f != "id"]
        details = _field_changes(before[ident], barrier, fields)
        if details:
            changes.append(Change("changed", "barrier", ident, details, ident=ident))
        rows.append({**row, "change": "changed" if details else "unchanged", "changes": "; ".join(details)})
    for ident, barrier in before.items():
        if ident not in after:
            changes.append(Change("removed", "barrier", ident, ident=ident))
            rows.append({**{names.get(k, k): v for k, v in barrier.items()}, "change": "removed", "changes": ""})
    columns = [names.get(c, c) for c in dict.fromkeys([*new.barriers.columns, *old.barriers.columns])]
    barriers = pd.DataFrame(rows, columns=[*columns, *DIFF_FIELDS])
    script = pd.concat([new.script, old.script[~old.script["id"].isin(set(new.script["id"]))]], ignore_index=True)
    custom = dict(union.custom_columns)
    own = [names.get(c, c) for c in (*old.custom_columns.get("barriers", ()), *new.custom_columns.get("barriers", ()))]
    custom["barriers"] = tuple(dict.fromkeys([*own, *DIFF_FIELDS]))
    settings = replace(union.settings, techniques=_merged(new.settings.techniques, old.settings.techniques))
    return changes, replace(union, barriers=barriers, script=script, custom_columns=custom, settings=settings)


def _undated_between(old: StakeholderMap, new: StakeholderMap) -> Undated | None:
    """The rows without dates of two maps as of two dates: those on both maps, or those left out of either.

    A row without dates on both maps can show neither as added nor as removed.
    None unless both maps were taken as of a date, the same way.
    """
    before, after = old.undated, new.undated
    if before is None or after is None or before.shown != after.shown:
        return None
    if before.shown:

        def on_both(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(ident for ident in second if ident in set(first))

        return Undated(True, on_both(before.organisations, after.organisations), on_both(before.links, after.links))

    def in_either(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*first, *second)))

    return Undated(
        False,
        in_either(before.organisations, after.organisations),
        in_either(before.links, after.links),
        in_either(before.links_taken, after.links_taken),
    )


def diff_dates(m: StakeholderMap, start: str, end: str, *, undated: str = "show") -> MapDiff:
    """What changed in ``m`` from ``start`` to ``end``: the map as of one date against the map as of the other.

    ``undated`` (``show`` or ``hide``) keeps or leaves out, at both dates, the organisations and links
    that have no dates (see :func:`stakeholders.timeline.as_of`). Raises
    :class:`~stakeholders.errors.InvalidArgument` when a date is not one, or when ``start`` is later.
    """
    first, second = as_of(m, start, undated=undated), as_of(m, end, undated=undated)
    if dates.before(second.settings.date, first.settings.date):
        msg = f"{first.settings.date} is later than {second.settings.date}: give the earlier date first"
        raise InvalidArgument(msg)
    return diff_maps(first, second)


def diff_summary(result: MapDiff, lang: str | None = None) -> str:
    """The counts in one sentence, in English or Dutch.

    For example ``1 organisation added, 0 removed, 2 changed; 3 links added, 1 removed, 0 changed.``
    When either snapshot has barriers, a second sentence counts them the same way.
    """
    words = PAGE_WORDS.get(lang or "en", PAGE_WORDS["en"])
    counts: dict[str, int | str] = {
        f"{short}_{kind}": result.counts[what][kind] for what, short in THINGS for kind in ("removed", "changed")
    }
    for what, short in THINGS:
        added = result.counts[what]["added"]
        counts[f"{short}_added"] = counted(words, what, added)
    summary = words["diff_counts"].format(**counts)
    barriers = result.counts.get("barrier")
    if barriers is None:
        return summary
    barrier_counts = {**barriers, "added": counted(words, "barrier", barriers["added"])}
    return f"{summary} {words['diff_barrier_counts'].format(**barrier_counts)}"


def undated_summary(result: MapDiff, lang: str | None = None) -> str:
    """How many organisations and links have no dates, so no date adds or removes them, in English or Dutch.

    "" unless both maps were taken as of a date and some rows have no dates.
    """
    record = result.undated
    if record is None:
        return ""
    words = PAGE_WORDS.get(lang or "en", PAGE_WORDS["en"])
    state = "in_both" if record.shown else "left_out"
    return undated_note(words, len(record.organisations), len(record.links), state, taken=len(record.links_taken))


def as_markdown(result: MapDiff, lang: str | None = None) -> str:
    """The change list as a Markdown table with the counts below it, for the minutes of a meeting.

    Items are named as on the page: organisations by label, kinds by their label. Between
    two dates, a line under the counts says how many organisations and links have no dates.
    ``lang`` (``en`` or ``nl``) sets the words, as on the page.
    """
    words = PAGE_WORDS.get(lang or "en", PAGE_WORDS["en"])
    header = [words[key].lower() for key in ("col_change", "col_what", "col_item", "col_details")]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
    for change, item in zip(result.changes, item_labels(result, lang), strict=True):
        cells = (words[change.change].split(" (")[0], words[change.what], item, change.text())
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    undated = undated_summary(result, lang)
    return "\n".join(lines) + f"\n\n{diff_summary(result, lang)}\n" + (f"\n{undated}\n" if undated else "")


def changes_csv(result: MapDiff) -> str:
    """The change list as CSV: change, what, item (named as on the page), id, source, target, kind (ids), details."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["change", "what", "item", "id", "source", "target", "kind", "details"])
    for change, item in zip(result.changes, item_labels(result), strict=True):
        source, target = change.ends or ("", "")
        cells = (change.change, change.what, item, change.ident, source, target, change.kind, change.text())
        writer.writerow([neutralise(text) for text in cells])
    return buffer.getvalue()


def item_labels(result: MapDiff, lang: str | None = None) -> list[str]:
    """Each change's item in words: organisations by short name or name, kinds by label (in ``lang``).

    Where two organisations of the union share a name, the id follows it in
    parentheses (``B (b)``, ``B (beta)``), so an added and a removed one can be told apart.
    """
    labels = {record["id"]: str(org_label(record)) for record in result.union.records("organisations")}
    shared = Counter(labels.values())
    names = {ident: f"{label} ({ident})" if shared[label] > 1 else label for ident, label in labels.items()}
    kinds = result.union.settings.kinds

    barriers = {
        record["id"]: str((lang and record.get(f"name_{lang}")) or record["name"] or record["id"])
        for record in result.union.records("barriers")
    }
    shared_barriers = Counter(barriers.values())
    barriers = {ident: f"{name} ({ident})" if shared_barriers[name] > 1 else name for ident, name in barriers.items()}

    def item(change: Change) -> str:
        if change.what == "organisation":
            return names.get(change.key, change.key)
        if change.what == "barrier":
            return barriers.get(change.key, change.key)
        source, target = (names.get(end, end) for end in change.ends)
        return _link_text(source, target, kinds.label(change.kind, lang or "en") if change.kind else "", change.apart)

    return [item(change) for change in result.changes]
