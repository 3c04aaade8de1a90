"""References to stages and organisations resolved to ids; link periods checked; every link given an id."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..dates import before
from ..schema import default_stages
from ..source import RawTable, Source
from ..values import raw_records
from ._columns import to_frame
from ._findings import Findings, header_of
from .references import References, Rows

__all__ = ["SENSITIVITY_RANK", "check_period", "resolve_links", "resolve_stages"]

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
    references = References(records, ("id", "name", "name_nl", "name_en"), "stage", where)
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
    if table is None:
        return frame
    frame = to_frame(records, "stages", custom).assign(_row=range(len(records)))
    frame = frame.sort_values(["order", "_row"], na_position="last", kind="stable")
    return frame.drop(columns="_row").reset_index(drop=True)


def check_period(table: RawTable, row: int, record: dict[str, Any], findings: Findings) -> None:
    """Until may not be before since; dates of different precision compare on what both say."""
    since, until = record["since"], record["until"]
    if since and until and before(until, since):
        msg = f"until {until} is before since {since}: correct or swap the dates"
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
    references = References(orgs, ("id", "name", "short_name", "aliases"), what, where)
    for row, record in links:
        for end in ("source", "target"):
            if record[end] and record[end] not in references.ids:  # an id needs no resolving
                record[end], message = references.resolve(record[end])
                if message:
                    findings.add(table, row, header_of(table, end), message)
        if record["source"] and record["source"] == record["target"]:
            msg = f"a link from '{record['source']}' to itself: source and target must differ"
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
