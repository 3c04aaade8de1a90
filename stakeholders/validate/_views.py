"""Views checked against the map: the organisation each one focuses on, the fields it colours and sizes by."""

from __future__ import annotations

from ..schema import RATING_METRICS, SIZE_METRICS
from ..source import RawTable
from ..values import whole_number
from ._findings import Findings, header_of
from ._settings import field_name
from .references import References, Rows

__all__ = ["check_views"]


def check_views(
    table: RawTable | None,
    views: Rows,
    orgs: Rows,
    org_fields: list[str],
    findings: Findings,
) -> None:
    """Resolve each view's focus to an organisation; check the fields it colours and sizes by."""
    if table is None:
        return
    references = References(
        orgs, ("id", "name", "short_name", "aliases"), "organisation", "organisations table", findings.lang
    )
    for row, view in views:
        if view.get("focus"):
            found, message = references.resolve(view["focus"])
            if message:
                findings.add(table, row, header_of(table, "focus"), message)
            view["focus"] = found
        if view.get("colour_by"):
            colour = field_name(view["colour_by"], org_fields) or field_name(view["colour_by"], [*RATING_METRICS])
            if colour is None:
                msg = findings.say("not_an_org_column", value=view["colour_by"], columns=", ".join(org_fields))
                findings.add(table, row, header_of(table, "colour_by"), msg)
            view["colour_by"] = colour or view["colour_by"]
        size = view.get("size_by")
        if size:
            size = view["size_by"] = field_name(size, [*SIZE_METRICS, *org_fields, *RATING_METRICS]) or size
        if size and size not in SIZE_METRICS and not (size in RATING_METRICS and size not in org_fields):
            if size not in org_fields:
                metrics = ", ".join((*SIZE_METRICS, *RATING_METRICS))
                msg = findings.say("cannot_size", value=size, metrics=metrics)
                findings.add(table, row, header_of(table, "size_by"), msg)
            else:
                bad = [r for r in (rec.get(size) for _, rec in orgs) if r not in ("", None) and whole_number(r) is None]
                if bad:
                    msg = findings.say("cannot_size_text", value=size, bad=bad[0])
                    findings.add(table, row, header_of(table, "size_by"), msg)
