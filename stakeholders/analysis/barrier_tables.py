"""The barrier model's sections of the analysis, one table each (in :data:`stakeholders.analysis.tables.TABLES`).

``barrier-phases`` (how each phase of the offending process is held),
``barriers`` (each barrier and what the analysis finds about it),
``barrier-organisations`` (who raises what, and the phases they reach) and,
with ``--without``, ``what-if-barriers`` (which barriers fall, which phases
lose their last barrier). A map without a script and barriers has none of
them; words are in :mod:`stakeholders._barrier_words`.

>>> import stakeholders
>>> from stakeholders.analysis import analyse
>>> result = analyse(stakeholders.load_map(stakeholders.example_path()))
>>> table = barrier_phases(result, Wording.of(result.map, "nl"))
>>> table.title, [row[0].text for row in table.people_rows]
('Barrières per fase van het delictproces', ['Voorbereiding', 'Toetreding', 'Activiteit', 'Na-activiteit'])
"""

from __future__ import annotations

from ..schema import BARRIER_STATUSES
from ._run import Analysis
from ._table import Cell, Column, Table, Wording

__all__ = ["barrier_organisations", "barrier_phases", "barrier_what_if", "barriers_table"]

_MARK = {"open": "gap", "one-barrier": "fragile", "one-sector": "fragile", "held": "covered"}


def _ids(ids: list[str], text: str) -> Cell:
    return Cell(list(ids), text)


def barrier_phases(result: Analysis, say: Wording) -> Table:
    """Each phase: barriers in place, planned and proposed, the sectors that raise them, and how it is held."""
    w = say.w
    columns = (
        Column("phase", w["barrier_phase"]),
        Column("in_place", w["barrier_in_place"], numeric=True),
        Column("planned", w["barrier_planned"], numeric=True),
        Column("proposed", w["barrier_proposed"], numeric=True),
        Column("sectors", w["barrier_sectors"]),
        Column("held", w["barrier_held"]),
    )

    def barriers(ids: list[str]) -> Cell:  # people read the barriers' names in the next table
        return _ids(ids, str(len(ids)))

    rows = [
        (
            Cell(p["phase"], say.phase(p["phase"])),
            barriers(p["in_place"]),
            barriers(p["planned"]),
            barriers(p["proposed"]),
            _ids(p["sectors"], ", ".join(say.sector(s) for s in p["sectors"]) or "—"),
            Cell(p["held"], w[f"barrier_held:{p['held']}"], mark=_MARK[p["held"]]),
        )
        for p in result.barrier_phases
    ]
    return Table("barrier-phases", w["barrier_phases"], columns, rows, note=w["barrier_phases_text"], row_header=True)


def barriers_table(result: Analysis, say: Wording) -> Table:
    """Each barrier (lapsed ones left out): phases, owners, partners, technique, status, findings."""
    w, language = say.w, say.language
    columns = (
        Column("id", shown_to="programs"),
        Column("barrier", w["barrier_name"], shown_to="people"),
        Column("phase", w["barrier_phase"]),
        Column("owners", w["barrier_owners"]),
        Column("partners", w["barrier_partners"]),
        Column("technique", w["barrier_technique"]),
        Column("status", w["barrier_status"]),
        Column("single_owner", shown_to="programs"),
        Column("unjoined", shown_to="programs"),
        Column("unlinked", shown_to="programs"),
        Column("finding", w["barrier_finding"], shown_to="people"),
    )
    techniques = result.map.settings.techniques
    rows = []
    for b in result.barrier_findings:
        findings = []
        if b["no_owner"]:
            findings.append(w["barrier_no_owner"])
        if b["single_owner"]:
            findings.append(w["barrier_single_owner"])
        if b["unjoined"]:
            findings.append(w["barrier_unjoined"])
        elif b["unlinked"]:
            findings.append(w["barrier_unlinked"].format(pairs=", ".join(say.pair(a, c) for a, c in b["unlinked"])))
        rows.append(
            (
                Cell(b["id"], ""),
                Cell(b["id"], say.barrier(b["id"])),
                _ids(b["phase"], say.phases(b["phase"])),
                _ids(b["owners"], say.orgs(b["owners"]) or "—"),
                _ids(b["partners"], say.orgs(b["partners"]) or "—"),
                Cell(b["technique"], techniques.label(b["technique"], language) if b["technique"] else "—"),
                Cell(b["status"], BARRIER_STATUSES.label(b["status"], language)),
                Cell(b["single_owner"], ""),
                Cell(b["unjoined"], ""),
                Cell([f"{a} – {c}" for a, c in b["unlinked"]], ""),
                Cell("; ".join(findings), "; ".join(findings), mark="fragile" if findings else ""),
            )
        )
    empty = w["barrier_none"] if len(result.map.script) else ""
    return Table(
        "barriers", w["barrier_list"], columns, rows, note=w["barrier_list_text"], empty=empty, section="barrier-phases"
    )


def barrier_organisations(result: Analysis, say: Wording) -> Table:
    """Each organisation in a barrier: the barriers it raises, those it is a partner in, the phases it reaches."""
    w = say.w
    columns = (
        Column("id", shown_to="programs"),
        Column("name", w["barrier_org"], shown_to="people"),
        Column("raises", w["barrier_raises"]),
        Column("partner_in", w["barrier_partner_in"]),
        Column("phases", w["barrier_reaches"]),
    )
    rows = [
        (
            Cell(o["id"], ""),
            Cell(o["id"], say.org(o["id"])),
            _ids(o["raises"], "; ".join(say.barrier(b) for b in o["raises"]) or "—"),
            _ids(o["partner_in"], "; ".join(say.barrier(b) for b in o["partner_in"]) or "—"),
            _ids(o["phases"], say.phases(o["phases"]) or "—"),
        )
        for o in result.barrier_organisations
    ]
    return Table(
        "barrier-organisations",
        w["barrier_orgs"],
        columns,
        rows,
        note=w["barrier_orgs_text"],
        section="barrier-phases",
        limit=None,
    )


def barrier_what_if(result: Analysis, say: Wording) -> Table:
    """With ``--without``: the barriers that fall and the phases that lose their last barrier."""
    w, found = say.w, result.barrier_what_if
    columns = (
        Column("id", shown_to="programs"),
        Column("fact", w["fact"], shown_to="people"),
        Column("value", w["value"]),
    )
    if not found:
        return Table("what-if-barriers", "", columns, (), form="facts")
    rows = [
        (
            Cell("fallen", ""),
            Cell("", w["barrier_fall"]),
            _ids(found["fallen"], "; ".join(say.barrier(b) for b in found["fallen"]) or w["none"]),
        ),
        (
            Cell("phases_lost", ""),
            Cell("", w["barrier_phases_lost"]),
            _ids(found["phases_lost"], say.phases(found["phases_lost"]) or w["none"]),
        ),
    ]
    return Table("what-if-barriers", "", columns, rows, section="what-if", form="facts")
