"""References to stages and organisations resolved to ids; link periods checked; every link given an id."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..dates import before
from ..schema import DEFAULT_STAGE_ALIASES, default_stages, normalise_key
from ..source import RawTable, Source
from ..values import raw_records
from ._columns import to_frame
from ._findings import Findings, header_of
from .references import References, Rows

__all__ = ["SENSITIVITY_RANK", "check_period", "first_word", "resolve_links", "resolve_stages", "with_short_forms"]

Records = tuple[Rows, list[str]]
"""Rows of one table as (row number, field → value), and the names of its custom columns."""


def resolve_stages(
    source: Source,
    orgs: Rows,
    stages: Records,
    views: Rows,
    barriers: Rows,
    findings: Findings,
) -> pd.DataFrame:
    """Turn the stage references of organisations, hand-overs, views and barriers into stage ids; return the stages."""
    records, custom = stages
    table = source.tables.get("stages")
    if table is None:
        frame = default_stages()
        records = [(0, record) for record in raw_records(frame)]
        where = f"default stages ({', '.join(frame['id'])})"
    else:
        where = "stages table"
    fields = ("id", "name", "name_nl", "name_en", "_short")
    references = References(with_short_forms(records), fields, "stage", where, findings.lang)
    for referring, referring_records, name in (
        (source.tables.get("organisations"), orgs, "stages"),
        (table, records, "hands_over_to"),
        (source.tables.get("views"), views, "stage"),
        (source.tables.get("views"), views, "highlight_stage"),
        (source.tables.get("barriers"), barriers, "stage"),
    ):
        if referring is None:
            continue
        for row, record in referring_records:
            resolved = []
            for value in record.get(name) or []:
                found, message = references.resolve(value)
                if message:
                    findings.add(referring, row, header_of(referring, name), message)
                else:
                    resolved.append(found)
            record[name] = resolved
    for _, record in records:
        record.pop("_short", None)
    if table is None:
        return frame
    frame = to_frame(records, "stages", custom).assign(_row=range(len(records)))
    frame = frame.sort_values(["order", "_row"], na_position="last", kind="stable")
    return frame.drop(columns="_row").reset_index(drop=True)


def with_short_forms(records: Rows) -> Rows:
    """The stages with their short forms in the field ``_short``: what else a person may call each stage.

    A stage's short form is the first word of its name in each language
    (``sanctie`` for "Sanctie & reclassering"), and for a stage with the id of
    a default stage (the default stages, or a Stages sheet that keeps their
    ids, as ``stakeholders init`` writes it) also the everyday words in
    :data:`~stakeholders.schema.DEFAULT_STAGE_ALIASES` (``behandeling``,
    ``verwijdering``). A short form that two stages share, or that is the
    whole name or id of a stage, is nobody's.

    >>> rows = [(2, {"id": "a", "name": "Sanctie & reclassering"}), (3, {"id": "b", "name": "Sanctie"})]
    >>> [record["_short"] for _, record in with_short_forms(rows)]
    [[], []]
    """
    full = {normalise_key(str(v)) for _, r in records for k in ("id", "name", "name_nl", "name_en") if (v := r.get(k))}
    owners: dict[str, set[str]] = {}
    for _, record in records:
        forms = [first_word(str(record.get(k) or "")) for k in ("name", "name_nl", "name_en")]
        forms += list(DEFAULT_STAGE_ALIASES.get(record["id"], ()))
        for form in forms:
            if form:
                owners.setdefault(normalise_key(form), set()).add(record["id"])
    for _, record in records:
        record["_short"] = [key for key, ids in owners.items() if ids == {record["id"]} and key not in full]
    return records


def first_word(name: str) -> str:
    """The first word of a name, when the name has more than one ("" otherwise).

    >>> first_word("Sanctie & reclassering"), first_word("Opsporing")
    ('sanctie', '')
    """
    words = normalise_key(name).split("-")
    return words[0] if len(words) > 1 and len(words[0]) >= 4 else ""


def check_period(table: RawTable, row: int, record: dict[str, Any], findings: Findings) -> None:
    """Until may not be before since; dates of different precision compare on what both say."""
    since, until = record["since"], record["until"]
    if since and until and before(until, since):
        msg = findings.say("until_before_since", until=until, since=since)
        findings.add(table, row, header_of(table, "until"), msg)


def resolve_links(
    table: RawTable | None,
    links: Rows,
    orgs: Rows,
    findings: Findings,
) -> None:
    """Resolve link ends to organisation ids, check them and the dates, and give every link an id."""
    if table is None:
        return
    used_ids = {record["id"] for _, record in links if record.get("id")}
    graph_file = table.row_word == "edge"  # a graph file names its nodes
    what, where = ("node", "nodes of this file") if graph_file else ("organisation", "organisations table")
    references = References(orgs, ("id", "name", "short_name", "aliases"), what, where, findings.lang)
    for row, record in links:
        for end in ("source", "target"):
            if record[end] and record[end] not in references.ids:  # an id needs no resolving
                record[end], message = references.resolve(record[end])
                if message:
                    findings.add(table, row, header_of(table, end), message)
        if record["source"] and record["source"] == record["target"]:
            msg = findings.say("to_itself", source=record["source"])
            findings.add(table, row, header_of(table, "target"), msg)
        if record["since"] and record["until"]:
            check_period(table, row, record, findings)
    # Links without an id are named after their ends, not their row, and numbered (~2, ~3) public first,
    # then partners, then restricted: the name of a link never shows that a hidden one exists.
    unnamed = [record for _, record in links if not record.get("id")]
    for record in sorted(unnamed, key=lambda r: SENSITIVITY_RANK.get(r.get("sensitivity") or "", 0)):
        base = f"{record['source']}>{record['target']}"
        candidate, suffix = base, 1
        while candidate in used_ids:
            suffix += 1
            candidate = f"{base}~{suffix}"
        record["id"] = candidate
        used_ids.add(candidate)


SENSITIVITY_RANK = {"": 0, "public": 0, "partners": 1, "restricted": 2}
"""The order in which links without an id are numbered: the widest circle first."""
