"""The barrier model checked: the script's phases in order, and each barrier's phases, owners and partners.

A barrier names the phases of the script it acts at, the organisations that
raise it (``owners``) and those whose cooperation it needs (``partners``),
each by id, name, short name or alias, as a link names its ends. A barrier
without owners is allowed (the analysis reports it); barriers without a
script table are not, since their phases would name nothing.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..source import RawTable, Source
from ._columns import to_frame
from ._findings import Findings, header_of
from ._links import check_period
from .references import References, Rows

__all__ = ["resolve_barriers", "sorted_script"]

NO_SCRIPT = ("folder", "data", "workbook")
"""The kinds of source with their own advice when barriers have no script (``no_script_<kind>``)."""


def sorted_script(records: Rows, custom: list[str]) -> pd.DataFrame:
    """The script table as the map holds it: phases by their ``order``, those without one last, in reading order."""
    frame = to_frame(records, "script", custom).assign(_row=range(len(records)))
    frame = frame.sort_values(["order", "_row"], na_position="last", kind="stable")
    return frame.drop(columns="_row").reset_index(drop=True)


def resolve_barriers(source: Source, barriers: Rows, orgs: Rows, phases: Rows, findings: Findings) -> None:
    """Turn each barrier's phases, owners and partners into ids, and check them and its dates.

    Reports a phase the script does not have, an organisation the map does not
    have (with a "did you mean"), an organisation that is both an owner and a
    partner, ``until`` before ``since``, and barriers in a source without a
    script. A name given twice in one list counts once.
    """
    table = source.tables.get("barriers")
    if table is None or not barriers:
        return
    script = source.tables.get("script")
    if script is None:
        kind = source.kind if source.kind in NO_SCRIPT else "workbook"
        findings.add(table, 0, "", findings.say("no_script", what=findings.say(f"no_script_{kind}")))
    phase_refs = References(phases, ("id", "name", "name_nl", "name_en"), "phase", "script table", findings.lang)
    organisations = source.tables.get("organisations")
    graph_file = organisations is not None and organisations.row_word == "node"
    what, where = ("node", "nodes of this file") if graph_file else ("organisation", "organisations table")
    org_refs = References(orgs, ("id", "name", "short_name", "aliases"), what, where, findings.lang)
    for row, record in barriers:
        if script is not None:
            record["phase"] = _resolved(table, row, record, "phase", phase_refs, findings)
        for name in ("owners", "partners"):
            record[name] = _resolved(table, row, record, name, org_refs, findings)
        for both in (ident for ident in record["partners"] if ident in record["owners"]):
            msg = findings.say("owner_and_partner", value=both)
            findings.add(table, row, header_of(table, "partners"), msg)
        if record["since"] and record["until"]:
            check_period(table, row, record, findings)


def _resolved(
    table: RawTable, row: int, record: dict[str, Any], name: str, references: References, findings: Findings
) -> list[str]:
    """The ids the list in field ``name`` names, each once; a reference that names nothing is reported."""
    found: list[str] = []
    for value in record.get(name) or []:
        ident, message = references.resolve(str(value))
        if message:
            findings.add(table, row, header_of(table, name), message)
        elif ident not in found:
            found.append(ident)
    return found
