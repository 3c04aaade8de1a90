"""The analysis as tables: each section of the analysis built once, as data, in English or Dutch.

:func:`analysis_tables` turns an :class:`~stakeholders.analysis.Analysis` into
a list of :class:`Table`. Every output renders that one list: the text of
``stakeholders analyse`` and its CSV and JSON (:mod:`stakeholders.analysis.output`)
and the HTML report (:mod:`stakeholders.pages.report`). A table is read by two
kinds of reader:

- **people** (the text and the report) read the cells' ``text``, the columns'
  ``label``, and the first ``limit`` rows;
- **programs** (CSV and JSON) read the cells' ``value`` (ids, numbers, lists of
  ids), the columns' ``id`` as headers, and every row.

A column can be for one of them only (``shown_to``): the bridges table shows
people "Between: Politie – OM" and gives programs ``source`` and ``target``.
A table without a column for people (``mixing``) is only in CSV and JSON; a
table without rows and without an ``empty`` text is left out of the text and
the report.

**Adding a section** to the analysis is adding one table: write a function
from the result and its :class:`Wording` to a :class:`Table`, and add it to
:data:`TABLES` under the table's id. Text, CSV (``--table <id>``), JSON and
the report show it without further code. Its words go in
``stakeholders/_analysis_words.py`` (English and Dutch; :func:`stakeholders.i18n.words` gives them
with the report's words)::

    def _barriers(result: Analysis, say: Wording) -> Table:
        columns = (Column("id", shown_to="programs"), Column("barrier", say.w["barrier"]), ...)
        rows = [(Cell(b["id"], ""), Cell(b["id"], b["name"]), ...) for b in result.barriers]
        return Table("barriers", say.w["barriers"], columns, rows, note=say.w["barriers_text"], empty=say.w["none"])

    TABLES = {..., "barriers": _barriers}

>>> import stakeholders
>>> from datetime import date
>>> from stakeholders.analysis import analyse
>>> result = analyse(stakeholders.load_map(stakeholders.example_path()), today=date(2026, 11, 28))
>>> tables = analysis_tables(result, "nl")
>>> [table.title for table in tables][:3]
['Kerncijfers', 'Verbinders', 'Kwetsbare knooppunten']
>>> [cell.text for cell in tables[0].people_rows[1]]
['97', 'huidige verbindingen']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..dates import format_date
from ..i18n import words
from ..model import StakeholderMap
from ..schema import STATUSES
from ._netmap_tables import influence_table, spanners_table
from ._partner_tables import confirmation_table, scores_table
from ._run import Analysis
from ._table import Cell, Column, Table, Wording
from .barrier_tables import barrier_organisations, barrier_phases, barrier_what_if, barriers_table
from .network import APPROXIMATE_ABOVE, BETWEENNESS_SAMPLE, SEED

__all__ = [
    "TABLES",
    "Cell",
    "Column",
    "Table",
    "Wording",
    "analysis_notes",
    "analysis_tables",
    "missing_reasons",
]


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _count(n: int) -> str:
    return "none" if n == 0 else "one" if n == 1 else "many"


def _held(n: int) -> str:
    return "gap" if n == 0 else "fragile" if n == 1 else "covered"


def _cell(value: Any, text: str | None = None) -> Cell:
    """A cell whose text is its value written out, unless given."""
    return Cell(value, str(value) if text is None else text)


def _ids(ids: Sequence[str], say: Wording) -> Cell:
    """Organisations: their ids for programs, their labels for people."""
    return Cell(list(ids), say.orgs(ids))


# --- prose: notes and reasons ------------------------------------------------------------------


def analysis_notes(result: Analysis, lang: str | None = None) -> list[str]:
    """What to know before reading the tables: which links count, and whether betweenness was estimated.

    >>> import stakeholders
    >>> from stakeholders.analysis import analyse
    >>> analysis_notes(analyse(stakeholders.load_map(stakeholders.example_path())), "nl")
    ['De structuur telt 97 van 149 verbindingen: die met status actief.']
    """
    w, language = words(lang or "en"), "nl" if lang == "nl" else "en"
    s = result.summary
    statuses = " / ".join(STATUSES.label(status, language) for status in result.statuses)
    notes = [w["counts_statuses"].format(current=s["current_links"], total=s["links"], statuses=statuses)]
    if result.approximate:
        notes.append(w["approximate"].format(sample=BETWEENNESS_SAMPLE, seed=SEED, limit=APPROXIMATE_ABOVE))
    return notes


def missing_reasons(row: dict[str, Any], say: Wording) -> list[str]:
    """Why a pair is suggested as missing cooperation (a row of ``Analysis.missing``).

    >>> import pandas as pd
    >>> from stakeholders.model import MapSettings
    >>> from stakeholders.schema import default_stages
    >>> m = StakeholderMap(pd.DataFrame({"id": []}), pd.DataFrame(), default_stages(), MapSettings())
    >>> row = {"shared": ["investigation"], "handovers": [("investigation", "prosecution")],
    ...        "common_partners": ["x"], "lapsed": True}
    >>> print("\\n".join(missing_reasons(row, Wording.of(m))))
    both act on Investigation
    could carry the hand-over Investigation → Prosecution
    1 partner in common
    cooperated before (a lapsed link)
    >>> missing_reasons(row, Wording.of(m, "nl"))[1]
    'kunnen de overdracht Opsporing → Vervolging dragen'
    """
    w, reasons = say.w, []
    for lead in row.get("barriers") or []:
        sentence = w["barrier_both_raise" if lead["both_own"] else "barrier_one_raises"]
        at = w["barrier_at_phase" if len(lead["phases"]) == 1 else "barrier_at_phases"].format(
            phases=say.phases(lead["phases"])
        )
        reasons.append(sentence.format(barrier=say.barrier(lead["barrier"]), phases=at))
    if row["shared"]:
        reasons.append(w["both_act_on"].format(stages=", ".join(say.stage(s) for s in row["shared"])))
    if row["handovers"]:
        carried = ", ".join(f"{say.stage(a)} → {say.stage(b)}" for a, b in row["handovers"])
        reasons.append(w["could_carry" if len(row["handovers"]) == 1 else "could_carry_many"].format(handovers=carried))
    if row["common_partners"]:
        count = len(row["common_partners"])
        reasons.append(w["one_common_partner"] if count == 1 else w["common_partners"].format(n=count))
    if row["lapsed"]:
        reasons.append(w["cooperated_before"])
    return reasons


# --- the tables, one function each ---------------------------------------------------------------


def _figures(result: Analysis, say: Wording) -> Table:
    s, w = result.summary, say.w
    figures = [
        ("organisations", s["organisations"], str(s["organisations"]), "organisations", ""),
        ("current_links", s["current_links"], str(s["current_links"]), "current_links", w["of_links"]),
        ("cooperating_pairs", s["cooperating_pairs"], str(s["cooperating_pairs"]), "pairs", ""),
        ("components", s["components"], str(s["components"]), "components", ""),
        ("isolated", s["isolated"], str(s["isolated"]), "isolated", ""),
        ("average_path_length", s["average_path_length"], str(s["average_path_length"]), "path_length", ""),
        ("density", s["density"], _percent(s["density"]), "density", ""),
        ("reciprocity", s["reciprocity"], _percent(s["reciprocity"]), "reciprocity", ""),
    ]
    columns = (
        Column("id", shown_to="programs"),
        Column("value", w["value"]),
        Column("figure", w["figure"], shown_to="people"),
    )
    rows = [
        (Cell(key, ""), Cell(value, text), Cell(key, w[word], note=of.format(n=s["links"])))
        for key, value, text, word, of in figures
    ]
    return Table("figures", w["figures"], columns, rows, form="figures")


def _organisations(result: Analysis, say: Wording) -> Table:
    w = say.w
    frame = result.metrics.merge(result.by_kind.add_prefix("kind:"), left_on="id", right_index=True)
    people = {
        "name": w["organisation"],
        "sector": w["sector"],
        "links": w["links"],
        "partners": w["partners"],
        "sectors": w["sectors"],
        "countries": w["countries"],
        "betweenness": w["betweenness"],
    }
    columns = tuple(
        Column(
            str(name),
            people.get(str(name), ""),
            numeric=name not in ("id", "name", "sector", "betweenness"),
            shown_to="all" if name in people else "programs",
        )
        for name in frame.columns
    )
    highest = max(result.metrics["betweenness"].max(), 1e-9) if len(frame) else 1.0
    cells: list[list[Cell]] = []  # column by column: a large map has many rows
    for column in columns:
        values = frame[column.id].tolist()
        if column.id == "name":
            cells.append([Cell(name, say.org(org)) for name, org in zip(values, frame["id"], strict=True)])
        elif column.id == "sector":
            cells.append([Cell(sector, say.sector(sector)) for sector in values])
        elif column.id == "betweenness":
            cells.append([Cell(b, f"{b:.3f}", bar=round(100 * b / highest)) for b in values])
        else:
            cells.append([Cell(value, str(value) if column.shown_to != "programs" else "") for value in values])
    rows = list(zip(*cells, strict=True)) if cells else []
    return Table(
        "organisations",
        w["brokers"],
        columns,
        rows,
        note=w["brokers_text"],
        empty=w["no_organisations"],
        section="brokers",
        limit=result.top,
    )


def _single_points(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (
        Column("id", shown_to="programs"),
        Column("name", w["organisation"]),
        Column("count", w["count"], numeric=True, shown_to="people"),
        Column("cut_off", w["cuts_off"]),
    )
    rows = [
        (Cell(r["id"], ""), Cell(r["name"], say.org(r["id"])), _cell(len(r["cut_off"])), _ids(r["cut_off"], say))
        for r in result.single_points
    ]
    return Table("single-points", w["risks"], columns, rows, note=w["risks_text"], empty=w["no_risks"], section="risks")


def _bridges(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (
        Column("link", w["link"]),
        Column("source", shown_to="programs"),
        Column("target", shown_to="programs"),
        Column("between", w["between"], shown_to="people"),
        Column("holds_on", w["holds_on"]),
    )
    rows = [
        (
            _cell(r["link"]),
            _cell(r["source"]),
            _cell(r["target"]),
            _cell("", say.pair(r["source"], r["target"])),
            _ids(r["holds_on"], say),
        )
        for r in result.bridges
    ]
    return Table("bridges", w["bridges"], columns, rows, note=w["bridges_text"], empty=w["none"], section="risks")


def _unconnected(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (Column("organisations", w["group_members"]),)
    rows = [(_ids(group, say),) for group in result.cut_off_groups]
    return Table("unconnected", w["unconnected"], columns, rows, section="risks", form="list")


def _sectors(m: StakeholderMap) -> tuple[dict[str, str], list[str]]:
    """Each organisation's sector, and the sectors that occur in the map's order ("" last, for none)."""
    sector_of = {org: d.get("sector") or "" for org, d in m.graph.nodes(data=True)}
    present = set(sector_of.values())
    return sector_of, [s for s in m.settings.sectors.ids if s in present] + ([""] if "" in present else [])


def _coverage(result: Analysis, say: Wording) -> Table:
    w, m = say.w, result.map
    sector_of, sectors = _sectors(m)
    organisations = [str(org) for org in result.coverage.columns]
    columns = (
        Column("stage", w["stage"]),
        *(Column(f"sector:{s}", say.sector(s), numeric=True, shown_to="people") for s in sectors),
        Column("total", w["total"], numeric=True, shown_to="people"),
        *(Column(org, shown_to="programs") for org in organisations),
    )
    acting = result.coverage.to_numpy(dtype=bool)
    in_sector = np.array([[sector_of[org] == sector for org in organisations] for sector in sectors], dtype=int)
    rows = []
    for stage, acts in zip(result.coverage.index, acting, strict=True):
        counts, total = (in_sector @ acts).tolist() if sectors else [], int(acts.sum())
        rows.append(
            (
                Cell(str(stage), say.stage(str(stage))),
                *(Cell(n, str(n), mark=_count(n)) for n in counts),
                Cell(
                    total,
                    str(total),
                    note=w["nobody"] if total == 0 else w["one"] if total == 1 else "",
                    mark=_held(total),
                ),
                *(Cell(yes, "") for yes in acts.astype(int).tolist()),
            )
        )
    return Table(
        "coverage",
        w["coverage"],
        columns,
        rows,
        note=w["coverage_text"],
        empty=w["no_stages"],
        row_header=True,
        wide=True,
    )


def _stage_members(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (Column("stage", w["stage"]), Column("members", w["members"]))
    rows = []
    organisations = [str(org) for org in result.coverage.columns]
    for stage, acts in zip(result.coverage.index, result.coverage.to_numpy(dtype=bool), strict=True):
        members = [org for org, yes in zip(organisations, acts.tolist(), strict=True) if yes]
        rows.append((Cell(str(stage), say.stage(str(stage))), Cell(members, say.orgs(members) or w["nobody"])))
    return Table("stage-members", "", columns, rows, section="coverage", row_header=True)


def _handovers(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (
        Column("from", w["from"]),
        Column("to", w["to"]),
        Column("status", w["status"]),
        Column("links", w["links"], numeric=True),
        Column("planned", w["planned"], numeric=True),
        Column("within", w["within"]),
    )
    rows = [
        (
            Cell(h["from"], say.stage(h["from"])),
            Cell(h["to"], say.stage(h["to"])),
            Cell(h["status"], w[h["status"]], mark=h["status"]),
            Cell(h["links"], str(len(h["links"]))),
            Cell(h["planned"], str(len(h["planned"]))),
            _ids(h["within"], say),
        )
        for h in result.handovers
    ]
    return Table("handovers", w["handovers"], columns, rows, note=w["handovers_text"], empty=w["no_handovers"])


def _missing(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (
        Column("a", shown_to="programs"),
        Column("b", shown_to="programs"),
        Column("between", w["between"], shown_to="people"),
        Column("score", w["score"], numeric=True, shown_to="programs"),
        Column("reasons", w["why"]),
    )
    rows = [
        (
            _cell(r["a"]),
            _cell(r["b"]),
            _cell("", say.pair(r["a"], r["b"])),
            _cell(r["score"]),
            _cell("; ".join(missing_reasons(r, say))),
        )
        for r in result.missing
    ]
    note = w["missing_text"]
    if rows:
        shown = min(result.top, len(rows))
        note += " " + w["missing_count"].format(shown=shown, total=say.number(result.missing_total))
    return Table(
        "missing",
        w["missing"],
        columns,
        rows,
        note=note,
        empty=w["none"],
        limit=result.top,
        total=result.missing_total,
    )


def _one_way(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (
        Column("link", w["link"]),
        Column("source", w["from"]),
        Column("target", w["to"]),
        Column("kind", w["kind"]),
    )
    rows = [
        (
            _cell(r["link"]),
            Cell(r["source"], say.org(r["source"])),
            Cell(r["target"], say.org(r["target"])),
            Cell(r["kind"], result.map.settings.kinds.label(r["kind"], say.language)),
        )
        for r in result.one_way
    ]
    return Table("one-way", w["one_way"], columns, rows, note=w["one_way_text"], empty=w["none"], section="missing")


def _stale(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (
        Column("link", w["link"]),
        Column("source", shown_to="programs"),
        Column("target", shown_to="programs"),
        Column("between", w["between"], shown_to="people"),
        Column("problem", w["problem"], shown_to="people"),
        Column("last_checked", shown_to="programs"),
        Column("until", shown_to="programs"),
    )
    found = [(r, w["last_checked"].format(date=format_date(r["last_checked"], say.language))) for r in result.stale]
    found += [(r, w["until_passed"].format(date=format_date(r["until"], say.language))) for r in result.expired]
    rows = [
        (
            _cell(r["link"]),
            _cell(r["source"]),
            _cell(r["target"]),
            _cell("", say.pair(r["source"], r["target"])),
            _cell("", problem),
            _cell(r.get("last_checked", "")),
            _cell(r.get("until", "")),
        )
        for r, problem in found
    ]
    note = w["stale_text"].format(months=result.stale_months)
    return Table("stale", w["stale"], columns, rows, note=note, empty=w["none"])


def _communities(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (
        Column("lead", shown_to="programs"),
        Column("name", w["group"]),
        Column("size", w["size"], numeric=True, shown_to="people"),
        Column("members", w["group_members"]),
    )
    rows = [
        (_cell(c["lead"]), _cell(say.org(c["lead"])), _cell(len(c["members"])), _ids(c["members"], say))
        for c in result.communities
        if len(c["members"]) > 1
    ]
    return Table("communities", w["communities"], columns, rows, note=w["communities_text"], empty=w["none"])


def _what_if(result: Analysis, say: Wording) -> Table:
    w, wi = say.w, result.what_if
    columns = (
        Column("id", shown_to="programs"),
        Column("fact", w["fact"], shown_to="people"),
        Column("value", w["value"]),
    )
    if not wi:
        return Table("what-if", "", columns, (), form="facts")

    def pairs(found: list[tuple[str, str]], name: Callable[[str], str]) -> Cell:
        return Cell(
            [" – ".join(p) for p in found], ", ".join(" – ".join(name(x) for x in p) for p in found) or w["none"]
        )

    rows = [
        (
            _cell("cut_off"),
            _cell("", w["cut_off"]),
            Cell(wi["cut_off"], say.orgs(wi["cut_off"]) or w["nobody_cut_off"]),
        ),
        (_cell("sector_pairs_lost"), _cell("", w["sector_pairs_lost"]), pairs(wi["sector_pairs_lost"], say.sector)),
        (_cell("stage_pairs_lost"), _cell("", w["stage_pairs_lost"]), pairs(wi["stage_pairs_lost"], say.stage)),
    ]
    title = w["what_if"].format(names=say.orgs(wi["removed"]))
    return Table("what-if", title, columns, rows, form="facts")


def _what_if_figures(result: Analysis, say: Wording) -> Table:
    w, wi = say.w, result.what_if or {}
    columns = (
        Column("id", shown_to="programs"),
        Column("figure", "", shown_to="people"),
        Column("before", w["before"], numeric=True),
        Column("after", w["after"], numeric=True),
    )
    keys = ("organisations", "current_links", "components", "largest_component", "average_path_length", "density")
    rows = []
    for key in keys if wi else ():
        before, after = wi["before"][key], wi["after"][key]
        texts = (_percent(before), _percent(after)) if key == "density" else (None, None)
        rows.append((_cell(key), _cell("", w[f"what_if:{key}"]), _cell(before, texts[0]), _cell(after, texts[1])))
    return Table("what-if-figures", "", columns, rows, section="what-if", row_header=True)


def _quality(result: Analysis, say: Wording) -> Table:
    w = say.w
    columns = (
        Column("id", shown_to="programs"),
        Column("issue", w["issue"]),
        Column("count", w["count"], numeric=True),
        Column("items", w["items"], shown_to="programs"),
    )
    rows = [
        (_cell(q["id"]), _cell(w[f"quality:{q['id']}"]), _cell(q["count"]), Cell(q["items"], ""))
        for q in result.quality
    ]
    return Table("quality", w["quality"], columns, rows, note=w["quality_text"], empty=w["no_quality"])


def _mixing(result: Analysis, say: Wording) -> Table:
    mixing = result.mixing
    columns = (
        Column("source sector", say.w["source_sector"], shown_to="programs"),
        *(Column(str(sector), say.sector(str(sector)), numeric=True, shown_to="programs") for sector in mixing.columns),
    )
    rows = [
        (Cell(str(sector), say.sector(str(sector))), *(_cell(int(n)) for n in row))
        for sector, row in zip(mixing.index, mixing.to_numpy().tolist(), strict=True)
    ]
    return Table("mixing", "", columns, rows)


TABLES: dict[str, Callable[[Analysis, Wording], Table]] = {
    "figures": _figures,
    "organisations": _organisations,
    "single-points": _single_points,
    "bridges": _bridges,
    "unconnected": _unconnected,
    "coverage": _coverage,
    "stage-members": _stage_members,
    "handovers": _handovers,
    "barrier-phases": barrier_phases,
    "barriers": barriers_table,
    "barrier-organisations": barrier_organisations,
    "missing": _missing,
    "one-way": _one_way,
    "confirmation": confirmation_table,
    "partner-scores": scores_table,
    "stale": _stale,
    "communities": _communities,
    "what-if": _what_if,
    "what-if-figures": _what_if_figures,
    "what-if-barriers": barrier_what_if,
    "influence-stance": influence_table,
    "spanners": spanners_table,
    "quality": _quality,
    "mixing": _mixing,
}
"""Every table of the analysis by id, in the order the text and the report show them: add a section here."""


def analysis_tables(result: Analysis, lang: str | None = None) -> list[Table]:
    """Every table of ``result`` (:data:`TABLES`, in order), with words in ``lang`` (``en``, the default, or ``nl``).

    With ``lang``, organisations and stages go by their ``name_<lang>`` where the map has one (as on the map);
    without, by their names as written.
    """
    say = Wording.of(result.map, lang)
    return [build(result, say) for build in TABLES.values()]
