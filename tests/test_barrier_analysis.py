"""The barrier model's analysis on a small hand-made map whose answers are known, in every output."""

from __future__ import annotations

import csv
import io
import json
import random
from itertools import combinations
from pathlib import Path

import pytest
from conftest import write_folder

from stakeholders import analysis as C
from stakeholders import load_map
from stakeholders.analysis import analyse, analysis_tables, as_csv, as_json, as_text
from stakeholders.analysis.barriers import (
    barrier_findings,
    barrier_pairs,
    barriers_by_organisation,
    barriers_without,
    phase_cover,
)
from stakeholders.analysis.tables import Wording, missing_reasons
from stakeholders.model import StakeholderMap

ORGS = [
    ["id", "name", "sector"],
    ["pol", "Police", "police"],
    ["om", "Prosecution", "justice"],
    ["stop", "Helpline", "prevention"],
    ["hot", "Hotline", "hotline"],
    ["care", "Clinic", "care"],
    ["lone", "Lone NGO", "ngo"],
]
LINKS = [
    ["id", "source", "target", "kind", "status"],
    ["L1", "pol", "om", "information-sharing", "active"],
    ["L2", "stop", "care", "referral", "active"],
    ["L3", "hot", "pol", "notice-and-takedown", "planned"],
]
SCRIPT = [
    ["id", "name", "order", "name_nl"],
    ["p1", "Prepare", 1, "Voorbereiden"],
    ["p2", "Enter", 2, "Binnengaan"],
    ["p3", "Act", 3, "Handelen"],
    ["p4", "Cover", 4, "Verhullen"],
]
BARRIERS = [
    ["id", "name", "phase", "owners", "partners", "technique", "status", "name_nl"],
    ["b1", "Warning", "p1", "pol|om", "stop", "increase-risk", "in-place", "Waarschuwing"],
    ["b2", "Takedown", "p3", "hot", "pol", "removal", "in-place", ""],
    ["b3", "Helpline", "p1", "stop", "", "remove-excuses", "in-place", ""],
    ["b4", "Hash", "p3", "", "", "detection", "in-place", ""],
    ["b5", "Plan", "p2", "care|stop", "", "treatment", "planned", ""],
    ["b6", "Old", "p4", "lone", "", "", "lapsed", ""],
    ["b7", "Probation check", "p4", "care|lone", "", "treatment", "in-place", ""],
]


@pytest.fixture
def barrier_map(tmp_path: Path) -> StakeholderMap:
    tables = {"organisations": ORGS, "links": LINKS, "script": SCRIPT, "barriers": BARRIERS}
    return load_map(write_folder(tmp_path / "barriers", tables))


def test_phases_held_open_by_one_barrier_or_one_sector(barrier_map: StakeholderMap) -> None:
    found = {p["phase"]: p for p in phase_cover(barrier_map)}
    assert list(found) == ["p1", "p2", "p3", "p4"]
    assert found["p1"]["in_place"] == ["b1", "b3"] and found["p1"]["held"] == "held"
    assert found["p1"]["sectors"] == ["police", "justice", "prevention"]
    assert found["p2"]["in_place"] == [] and found["p2"]["planned"] == ["b5"] and found["p2"]["held"] == "open"
    # a barrier without an owner holds the phase but gives it no sector: the hotline alone raises the rest
    assert found["p3"]["in_place"] == ["b2", "b4"] and found["p3"]["sectors"] == ["hotline"]
    assert found["p3"]["held"] == "one-sector"
    assert (
        found["p4"]["in_place"] == ["b7"] and found["p4"]["lapsed"] == ["b6"] and found["p4"]["held"] == "one-barrier"
    )


def test_barrier_findings(barrier_map: StakeholderMap) -> None:
    found = {b["id"]: b for b in barrier_findings(barrier_map)}
    assert "b6" not in found  # lapsed
    assert found["b1"]["unlinked"] == [("om", "stop"), ("pol", "stop")] and not found["b1"]["unjoined"]
    assert found["b2"]["single_owner"] and found["b2"]["unjoined"]  # only a planned link joins hot and pol
    assert found["b3"]["single_owner"] and not found["b3"]["unjoined"] and found["b3"]["unlinked"] == []
    assert found["b4"]["no_owner"] and not found["b4"]["single_owner"]
    assert found["b5"]["unlinked"] == []  # care and stop cooperate
    assert found["b7"]["unjoined"] and not found["b7"]["single_owner"]


def test_barrier_pairs_leave_out_linked_planned_and_lapsed(barrier_map: StakeholderMap) -> None:
    pairs = barrier_pairs(barrier_map)
    assert sorted(pairs) == [("care", "lone"), ("hot", "pol"), ("om", "stop"), ("pol", "stop")]
    assert pairs["care", "lone"] == [{"barrier": "b7", "phases": ["p4"], "both_own": True}]
    assert pairs["om", "stop"] == [{"barrier": "b1", "phases": ["p1"], "both_own": False}]


def test_missing_cooperation_ranks_barrier_leads_with_their_reason(barrier_map: StakeholderMap) -> None:
    ranked, total = C.missing_cooperation(barrier_map, top=None)
    # hot–pol has a planned link: not missing; the stage-less organisations share nothing else
    assert [(r["a"], r["b"], r["score"]) for r in ranked] == [
        ("care", "lone", 3.0),
        ("om", "stop", 3.0),
        ("pol", "stop", 3.0),
    ]
    assert total == 3
    best, total = C.missing_cooperation(barrier_map, top=1)
    assert [(r["a"], r["b"]) for r in best] == [("care", "lone")] and total == 3
    en, nl = Wording.of(barrier_map), Wording.of(barrier_map, "nl")
    assert missing_reasons(ranked[0], en) == [
        "both raise barrier “Probation check” at phase Cover, and no link joins them"
    ]
    assert missing_reasons(ranked[1], en) == [
        "one raises barrier “Warning” at phase Prepare with the other as its partner, and no link joins them"
    ]
    assert missing_reasons(ranked[1], nl) == [
        "de een werpt barrière „Waarschuwing” op bij fase Voorbereiden met de ander als partner, "
        "en geen verbinding verbindt hen"
    ]


def test_barrier_leads_add_to_stage_reasons(tmp_path: Path) -> None:
    orgs = [["id", "name", "stages"], ["a", "A", "investigation"], ["b", "B", "investigation"], ["c", "C", ""]]
    barriers = [["id", "name", "phase", "owners", "partners"], ["x", "X", "p1", "a|b", "c"]]
    script = [["id", "name"], ["p1", "One"]]
    tables = {"organisations": orgs, "links": [["source", "target"]], "script": script, "barriers": barriers}
    m = load_map(write_folder(tmp_path / "both", tables))
    ranked, total = C.missing_cooperation(m, top=None)
    scores = {(r["a"], r["b"]): r["score"] for r in ranked}
    assert scores == {("a", "b"): 4.0, ("a", "c"): 3.0, ("b", "c"): 3.0}  # 3 for the barrier, 1 for the stage
    assert total == 3
    assert missing_reasons(ranked[0], Wording.of(m))[1] == "both act on Investigation"


def test_barriers_by_organisation(barrier_map: StakeholderMap) -> None:
    found = {o["id"]: o for o in barriers_by_organisation(barrier_map)}
    assert list(found) == ["pol", "om", "stop", "hot", "care", "lone"]
    assert found["pol"] == {"id": "pol", "raises": ["b1"], "partner_in": ["b2"], "phases": ["p1"]}
    assert found["stop"]["raises"] == ["b3", "b5"] and found["stop"]["partner_in"] == ["b1"]
    assert found["care"]["phases"] == ["p4"]  # its planned barrier reaches no phase yet
    assert found["lone"]["raises"] == ["b7"]  # b6 lapsed


def test_barriers_without(barrier_map: StakeholderMap) -> None:
    assert barriers_without(barrier_map, ["pol", "om"]) == {"fallen": ["b1"], "phases_lost": []}
    assert barriers_without(barrier_map, ["hot"]) == {"fallen": ["b2"], "phases_lost": []}  # b4 has no owner
    assert barriers_without(barrier_map, ["care", "lone"]) == {
        "fallen": ["b7"],
        "phases_lost": ["p4"],
    }  # b5: stop stays
    assert barriers_without(barrier_map, ["stop", "pol", "om"]) == {"fallen": ["b1", "b3"], "phases_lost": ["p1"]}


def test_the_tables_in_both_languages(barrier_map: StakeholderMap) -> None:
    result = analyse(barrier_map, without=["Clinic", "lone"])
    tables = {t.id: t for t in analysis_tables(result, "nl")}
    phases = tables["barrier-phases"]
    assert [[cell.text for cell in row] for row in phases.people_rows][1] == [
        "Binnengaan",
        "0",
        "1",
        "0",
        "—",
        "open: geen barrière in werking",
    ]
    assert [row[-1].mark for row in phases.people_rows] == ["covered", "gap", "fragile", "fragile"]
    barriers = {row[0].text: row[-1].text for row in tables["barriers"].people_rows}
    assert barriers["Waarschuwing"] == "niet verbonden: Prosecution – Helpline, Police – Helpline"
    assert (
        barriers["Hash"] == "geen eigenaar"
        and barriers["Takedown"] == "één eigenaar; geen verbinding tussen haar organisaties"
    )
    what_if = [[cell.text for cell in row] for row in tables["what-if-barriers"].people_rows]
    assert what_if == [
        ["Barrières die wegvallen", "Probation check"],
        ["Fasen die hun laatste barrière verliezen", "Verhullen"],
    ]
    english = as_text(result)
    assert "Barriers at each phase of the offending process" in english
    assert "Phases that lose their last barrier: Cover" in english


def test_csv_and_json_carry_ids(barrier_map: StakeholderMap) -> None:
    result = analyse(barrier_map)
    rows = list(csv.DictReader(io.StringIO(as_csv(result, "barrier-phases"))))
    assert [(r["phase"], r["in_place"], r["held"]) for r in rows] == [
        ("p1", "b1|b3", "held"),
        ("p2", "", "open"),
        ("p3", "b2|b4", "one-sector"),
        ("p4", "b7", "one-barrier"),
    ]
    orgs = list(csv.DictReader(io.StringIO(as_csv(result, "barrier-organisations"))))
    assert orgs[0] == {"id": "pol", "raises": "b1", "partner_in": "b2", "phases": "p1"}
    data = json.loads(as_json(result))
    barriers = {row["id"]: row for row in data["barrier_findings"]}
    assert barriers["b1"]["unlinked"] == [["om", "stop"], ["pol", "stop"]] and barriers["b3"]["single_owner"] is True
    assert [p["held"] for p in data["barrier_phases"]] == ["held", "open", "one-sector", "one-barrier"]
    table = next(t for t in data["tables"] if t["id"] == "barriers")
    assert table["title"] == "Barriers" and len(table["rows"]) == 6
    assert data["missing"][0]["barriers"] == [{"barrier": "b7", "phases": ["p4"], "both_own": True}]


def test_a_map_without_barriers_has_no_barrier_sections(tmp_path: Path) -> None:
    m = load_map(write_folder(tmp_path / "plain", {"organisations": ORGS, "links": LINKS}))
    result = analyse(m)
    shown = [t.id for t in analysis_tables(result) if t.for_people]
    assert not {"barrier-phases", "barriers", "barrier-organisations", "what-if-barriers"} & set(shown)
    assert "Barriers" not in as_text(result)


@pytest.mark.parametrize("seed", range(4))
def test_missing_cooperation_with_barriers_agrees_with_checking_every_pair(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    stages = [["id", "name", "hands_over_to"]] + [[f"s{i}", f"Stage {i}", f"s{(i + 1) % 4}"] for i in range(4)]
    size = rng.randint(12, 30)
    ids = [f"o{i:02d}" for i in range(size)]
    orgs = [["id", "name", "stages"]] + [[o, o.upper(), rng.choice(["", "s0", "s1", "s2|s3"])] for o in ids]
    links = [["id", "source", "target", "status"]] + [
        [f"L{n}", *rng.sample(ids, 2), rng.choice(["active", "active", "planned", "lapsed"])] for n in range(size)
    ]
    script = [["id", "name"], ["p1", "One"], ["p2", "Two"]]
    barriers = [["id", "name", "phase", "owners", "partners", "status"]]
    for n in range(6):
        chosen = rng.sample(ids, rng.randint(1, 5))
        split = rng.randint(1, len(chosen))
        status = rng.choice(["in-place", "planned", "proposed", "lapsed"])
        owners, partners = "|".join(chosen[:split]), "|".join(chosen[split:])
        barriers.append([f"b{n}", f"B{n}", rng.choice(["p1", "p2", "p1|p2"]), owners, partners, status])
    tables = {"organisations": orgs, "links": links, "stages": stages, "script": script, "barriers": barriers}
    m = load_map(write_folder(tmp_path / "random", tables))
    U = C.pair_graph(C.current_links(m.graph))
    planned = {frozenset((u, v)) for u, v, d in m.graph.edges(data=True) if d["status"] == "planned"}
    members = C.stage_members(m)
    stages_of = {org: {s for s, orgs in members.items() if org in orgs} for org in ids}
    expected_pairs = [(s, e) for s, ends in zip(m.stages["id"], m.stages["hands_over_to"], strict=True) for e in ends]
    needed: dict[tuple[str, str], int] = {}
    for b in m.records("barriers"):
        if b["status"] not in ("in-place", "planned"):
            continue
        owners = list(dict.fromkeys(b["owners"]))
        partners = [p for p in dict.fromkeys(b["partners"]) if p not in owners]
        pairs = {tuple(sorted(p)) for p in combinations(owners, 2)} | {
            tuple(sorted((o, p))) for o in owners for p in partners
        }
        for pair in pairs:
            needed[pair] = needed.get(pair, 0) + 1  # type: ignore[index]
    expected = []
    for a, b in combinations(sorted(ids), 2):
        shared = [s for s in members if s in stages_of[a] and s in stages_of[b]]
        carried = [
            (s, e)
            for s, e in expected_pairs
            if (s in stages_of[a] and e in stages_of[b]) or (s in stages_of[b] and e in stages_of[a])
        ]
        leads = needed.get((a, b), 0) if not U.has_edge(a, b) else 0
        if (shared or carried or leads) and not U.has_edge(a, b) and frozenset((a, b)) not in planned:
            score = 3 * leads + len(shared) + 2 * len(carried) + 0.5 * len(set(U[a]) & set(U[b]))
            expected.append((a, b, score))
    expected.sort(key=lambda row: (-row[2], row[0], row[1]))
    everything, total = C.missing_cooperation(m, top=None)
    assert [(r["a"], r["b"], r["score"]) for r in everything] == expected
    assert total == len(expected)
    for top in (1, 5):
        best, total = C.missing_cooperation(m, top=top)
        assert [(r["a"], r["b"], r["score"]) for r in best] == expected[:top] and total == len(expected)
