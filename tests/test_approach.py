"""The approach (coverage, hand-overs, missing cooperation) and the checks of the data, on a map worked out by hand."""

from __future__ import annotations

import random
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from conftest import write_folder

from stakeholders import analysis as C
from stakeholders import example_path, load_map
from stakeholders.analysis import current_links, pair_graph
from stakeholders.analysis.tables import Wording, missing_reasons
from stakeholders.model import StakeholderMap

STAGES = [
    ["id", "name", "order", "hands_over_to"],
    ["a", "Stage A", 1, "b"],
    ["b", "Stage B", 2, "c"],
    ["c", "Stage C", 3, "d"],
    ["d", "Stage D", 4, ""],
]
ORGS = [
    ["id", "name", "stages", "sector", "description"],
    ["x", "X", "a", "police", "acts on A"],
    ["y", "Y", "b", "police", "acts on B"],
    ["z", "Z", "b", "justice", ""],
    ["w", "W", "c", "care", "acts on C"],
    ["v", "V", "d", "care", "acts on D"],
]
LINKS = [
    ["id", "source", "target", "kind", "direction", "status", "last_checked", "until", "source_ref"],
    ["L1", "x", "y", "information-sharing", "directed", "active", "2024-01-01", "", "S1"],
    ["L2", "y", "w", "referral", "directed", "active", "2026-06", "", "S2"],
    ["L3", "w", "z", "referral", "mutual", "active", "", "2025", "S3"],
    ["L4", "w", "v", "referral", "directed", "planned", "", "", "S4"],
    ["L5", "v", "w", "information-sharing", "directed", "active", "", "2026", ""],
]


@pytest.fixture
def hand_made(tmp_path: Path) -> StakeholderMap:
    return load_map(write_folder(tmp_path / "hand", {"organisations": ORGS, "links": LINKS, "stages": STAGES}))


def test_stage_coverage(hand_made: StakeholderMap) -> None:
    matrix = C.stage_coverage(hand_made)
    assert matrix.sum(axis=1).to_dict() == {"a": 1, "b": 2, "c": 1, "d": 1}
    assert C.stage_members(hand_made)["b"] == ["y", "z"]


def test_handovers_gap_fragile_covered(hand_made: StakeholderMap) -> None:
    found = {(h["from"], h["to"]): h for h in C.handovers(hand_made)}
    assert found["a", "b"]["status"] == "fragile" and found["a", "b"]["links"] == ["L1"]
    # B → C: y→w carries it, and the mutual w–z link carries it too
    assert found["b", "c"]["status"] == "covered" and found["b", "c"]["links"] == ["L2", "L3"]
    # C → D: only a planned link; v→w runs the wrong way
    assert found["c", "d"]["status"] == "gap"
    assert found["c", "d"]["planned"] == ["L4"]
    assert C.handovers(hand_made, statuses=("active", "planned"))[2]["status"] == "fragile"


def test_missing_cooperation_names_its_reasons(hand_made: StakeholderMap) -> None:
    found = {(r["a"], r["b"]): r for r in C.missing_cooperation(hand_made, top=None)[0]}
    names = Wording.of(hand_made)
    assert ("y", "z") in found  # both on B, no link between them
    assert found["y", "z"]["shared"] == ["b"] and not found["y", "z"]["lapsed"]
    assert missing_reasons(found["y", "z"], names)[0] == "both act on Stage B"
    assert "2 partners in common" not in missing_reasons(found["y", "z"], names)
    assert found["y", "z"]["common_partners"] == ["w"]
    assert found["x", "z"]["handovers"] == [("a", "b")] and not found["x", "z"]["shared"]
    assert missing_reasons(found["x", "z"], names) == ["could carry the hand-over Stage A → Stage B"]
    assert "reasons" not in found["x", "z"]  # the analysis returns data; the outputs word it
    assert ("v", "w") not in found and ("w", "y") not in found  # already linked
    ranked, total = C.missing_cooperation(hand_made, top=1)
    assert len(ranked) == 1 and ranked[0]["score"] >= max(r["score"] for r in found.values())
    assert total == len(found)


def every_missing_pair(m: StakeholderMap) -> list[tuple[str, str, float, list[str]]]:
    """Missing cooperation by its definition, pair by pair: slow, plain, and the yardstick for the fast one."""
    members = C.stage_members(m)
    stages_of = {org: {s for s, orgs in members.items() if org in orgs} for org in m.graph.nodes}
    expected = [
        (start, end) for start, ends in zip(m.stages["id"], m.stages["hands_over_to"], strict=True) for end in ends
    ]
    U = pair_graph(current_links(m.graph))
    planned = {frozenset((u, v)) for u, v, d in m.graph.edges(data=True) if d["status"] == "planned"}
    found = []
    for a, b in combinations(sorted(m.graph.nodes), 2):
        shared = [s for s in members if s in stages_of[a] and s in stages_of[b]]
        carried = [
            (s, e)
            for s, e in expected
            if (s in stages_of[a] and e in stages_of[b]) or (s in stages_of[b] and e in stages_of[a])
        ]
        if (shared or carried) and not U.has_edge(a, b) and frozenset((a, b)) not in planned:
            common = set(U[a]) & set(U[b])
            found.append((a, b, len(shared) + 2 * len(carried) + 0.5 * len(common), shared))
    return sorted(found, key=lambda row: (-row[2], row[0], row[1]))


@pytest.mark.parametrize("seed", range(6))
def test_missing_cooperation_agrees_with_checking_every_pair(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    stages = [["id", "name", "hands_over_to"]] + [
        [f"s{i}", f"Stage {i}", "|".join(f"s{j}" for j in range(5) if j != i and rng.random() < 0.3)] for i in range(5)
    ]
    size = rng.randint(20, 60)
    orgs = [["id", "name", "stages"]] + [
        [f"o{i:02d}", f"Org {i}", "|".join(rng.sample([f"s{j}" for j in range(5)], rng.choice([0, 1, 1, 2])))]
        for i in range(size)
    ]
    hubs = [f"o{i:02d}" for i in range(3)]  # a few busy organisations make partners in common
    links = [["id", "source", "target", "kind", "status"]]
    for number in range(size * 2):
        a = rng.choice(hubs) if rng.random() < 0.5 else f"o{rng.randrange(size):02d}"
        b = f"o{rng.randrange(size):02d}"
        if a != b:
            status = rng.choice(["active", "active", "active", "planned", "lapsed"])
            links.append([f"L{number}", a, b, "information-sharing", status])
    m = load_map(write_folder(tmp_path / "random", {"organisations": orgs, "links": links, "stages": stages}))
    expected = every_missing_pair(m)
    everything, total = C.missing_cooperation(m, top=None)
    assert [(r["a"], r["b"], r["score"], r["shared"]) for r in everything] == expected
    assert total == len(expected)
    for top in (1, 7, 40):
        best, total = C.missing_cooperation(m, top=top)
        assert [(r["a"], r["b"], r["score"]) for r in best] == [row[:3] for row in expected[:top]]


def test_a_map_with_nothing_left_for_the_audience_still_analyses(tmp_path: Path) -> None:
    orgs = [["id", "name", "stages", "sensitivity"], ["x", "X", "a", "partners"], ["y", "Y", "a", "partners"]]
    tables = {"organisations": orgs, "links": [["source", "target"]], "stages": STAGES}
    source = write_folder(tmp_path / "hidden", tables)
    m = load_map(source, audience="public")
    assert m.graph.number_of_nodes() == 0
    assert C.missing_cooperation(m) == ([], 0)
    assert C.missing_cooperation(load_map(source, audience="partners"))[1] == 1


def test_one_way_links(hand_made: StakeholderMap) -> None:
    assert [r["link"] for r in C.one_way_links(hand_made)] == ["L1", "L5"]


def test_stale_and_expired(hand_made: StakeholderMap) -> None:
    today = date(2026, 11, 28)
    assert [r["link"] for r in C.stale_links(hand_made, months=12, today=today)] == ["L1"]
    assert [r["link"] for r in C.stale_links(hand_made, months=4, today=today)] == ["L1", "L2"]
    assert [r["link"] for r in C.expired_links(hand_made, today=today)] == ["L3"]  # "until 2026" runs to year end


def test_data_quality(hand_made: StakeholderMap) -> None:
    found = {q["id"]: q for q in C.data_quality(hand_made)}
    assert found["no-source"]["items"] == ["L5"]
    assert found["never-checked"]["count"] == 3
    assert found["no-description"]["items"] == ["z"]
    assert "no-sector" not in found


def test_handovers_of_the_example_map() -> None:
    found = {(h["from"], h["to"]): h for h in C.handovers(load_map(example_path()))}
    # the Meldpunt passes new material to TBKK, hosts and hotlines feed the police: well covered
    assert found["removal", "investigation"]["status"] == "covered"
    # prosecution → treatment rests on one link: OM – Reclassering (INDIGO)
    assert found["prosecution", "treatment"]["status"] == "fragile"
    assert found["prosecution", "treatment"]["links"] == ["L040"]
