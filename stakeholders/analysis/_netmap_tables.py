"""Net-Map's two tables of the analysis: influence × stance, and the boundary spanners between sectors.

Both are in :data:`stakeholders.analysis.tables.TABLES`; their data is
:mod:`stakeholders.analysis.netmap`, their words ``NETMAP_WORDS``.

>>> import stakeholders
>>> from stakeholders.analysis import analyse
>>> result = analyse(stakeholders.load_map(stakeholders.example_path()))
>>> influence_table(result, Wording.of(result.map)).for_people  # the example has no influence scores
False
"""

from __future__ import annotations

from ..schema import STANCES
from ._run import Analysis
from ._table import Cell, Column, Table, Wording
from .netmap import scored

__all__ = ["influence_table", "spanners_table"]


def _names(result: Analysis) -> dict[str, str]:
    orgs = result.map.organisations
    return dict(zip(orgs["id"], orgs["name"], strict=True)) if "name" in orgs else {}


def influence_table(result: Analysis, say: Wording) -> Table:
    """The organisations to engage, enlist, win over or strengthen; left out of a map without any score."""
    w, names = say.w, _names(result)
    columns = (
        Column("id", shown_to="programs"),
        Column("name", w["organisation"]),
        Column("influence", w["influence"], numeric=True),
        Column("stance", w["stance"]),
        Column("partners", w["partners"], numeric=True),
        Column("action", w["action"]),
    )
    rows = [
        (
            Cell(r["id"], ""),
            Cell(names.get(r["id"], r["id"]), say.org(r["id"])),
            Cell(r["influence"], "—" if r["influence"] is None else str(r["influence"])),
            Cell(r["stance"], STANCES.label(r["stance"], say.language) if r["stance"] else "—"),
            Cell(r["partners"], str(r["partners"])),
            Cell(r["action"], w[f"action:{r['action']}"]),
        )
        for r in result.influence or []
    ]
    influence, stance = scored(result.map.organisations)
    note = w["influence_stance_text"]
    if result.map.settings.goal:
        note += " " + w["influence_stance_goal"].format(goal=result.map.settings.goal)
    empty = w["no_influence_actions"] if influence or stance else ""
    return Table("influence-stance", w["influence_stance"], columns, rows, note=note, empty=empty)


def spanners_table(result: Analysis, say: Wording) -> Table:
    """The organisations whose partners are in two or more other sectors, ranked."""
    w, names = say.w, _names(result)
    columns = (
        Column("id", shown_to="programs"),
        Column("name", w["organisation"]),
        Column("sector", w["sector"]),
        Column("sectors_reached", w["other_sectors"], numeric=True),
        Column("other_sectors", shown_to="programs"),
        Column("cross_links", shown_to="programs"),
        Column("links", shown_to="programs"),
        Column("share", w["cross_share"]),
    )
    rows = [
        (
            Cell(r["id"], ""),
            Cell(names.get(r["id"], r["id"]), say.org(r["id"])),
            Cell(r["sector"], say.sector(r["sector"])),
            Cell(
                len(r["other_sectors"]),
                str(len(r["other_sectors"])),
                note=", ".join(map(say.sector, r["other_sectors"])),
            ),
            Cell(r["other_sectors"], ""),
            Cell(r["cross_links"], ""),
            Cell(r["links"], ""),
            Cell(r["share"], f"{r['share'] * 100:.0f}% ({r['cross_links']}/{r['links']})", bar=round(r["share"] * 100)),
        )
        for r in result.spanners or []
    ]
    return Table("spanners", w["spanners"], columns, rows, note=w["spanners_text"], empty=w["none"], limit=result.top)
