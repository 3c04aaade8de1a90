"""The tables of a map made together (:mod:`stakeholders.analysis.partners`): confirmation and PARTNER scores.

Two sections of :data:`stakeholders.analysis.tables.TABLES`; each is left out (no rows, no empty text) when the
map has no confirmations or no scores, so a map not made together reads as before.
"""

from __future__ import annotations

from typing import Any

from ..schema import RATING_METRICS
from ._run import Analysis
from ._table import Cell, Column, Table, Wording

__all__ = ["confirmation_table", "scores_table"]


def _average(value: Any, say: Wording) -> Cell:
    if value is None or value != value:
        return Cell(None, "—")
    text = f"{value:.1f}"
    return Cell(value, text.replace(".", ",") if say.language == "nl" else text)


def confirmation_table(result: Analysis, say: Wording) -> Table:
    """Per organisation: how many of its links (reported by an end) both ends reported."""
    w = say.w
    columns = (
        Column("id", shown_to="programs"),
        Column("organisation", w["organisation"]),
        Column("reported", w["partners_reported"], numeric=True),
        Column("confirmed", w["partners_confirmed"], numeric=True),
        Column("one_sided", w["partners_one_sided"], numeric=True),
        Column("share", w["partners_share"], numeric=True),
    )
    rows = [
        (
            Cell(r["id"], ""),
            Cell(r["id"], say.org(r["id"])),
            Cell(int(r["reported"]), say.number(int(r["reported"]))),
            Cell(int(r["confirmed"]), say.number(int(r["confirmed"]))),
            Cell(int(r["one_sided"]), say.number(int(r["one_sided"]))),
            Cell(float(r["share"]), f"{float(r['share']) * 100:.0f}%", bar=round(float(r["share"]) * 100)),
        )
        for r in result.confirmations.to_dict("records")
    ]
    return Table("confirmation", w["partners_confirmation"], columns, rows, note=w["partners_confirmation_text"])


def scores_table(result: Analysis, say: Wording) -> Table:
    """Per organisation with scores, then the network: average trust and value as partners give them."""
    w = say.w
    columns = (
        Column("id", shown_to="programs"),
        Column("organisation", w["organisation"]),
        *(
            column
            for score in RATING_METRICS
            for column in (
                Column(score, w[f"partners_{score}"], numeric=True),
                Column(f"{score}_scores", w[f"partners_{score}_scores"], numeric=True),
            )
        ),
    )
    records = [r for r in result.scores.to_dict("records") if any(r[f"{s}_scores"] for s in RATING_METRICS)]
    rows: list[tuple[Cell, ...]] = []
    if records:
        network = result.network_scores
        listed: list[tuple[dict[Any, Any], str, str]] = [
            *((r, r["id"], say.org(r["id"])) for r in records),
            (network, "", w["partners_network"]),
        ]
        for r, ident, name in listed:
            cells = [Cell(ident, ""), Cell(ident, name)]
            for score in RATING_METRICS:
                cells += [
                    _average(r[score], say),
                    Cell(int(r[f"{score}_scores"]), say.number(int(r[f"{score}_scores"]))),
                ]
            rows.append(tuple(cells))
    return Table(
        "partner-scores",
        w["partners_scores_title"],
        columns,
        rows,
        note=w["partners_scores_text"],
        section="confirmation",
    )
