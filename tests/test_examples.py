"""Every map under graphs/ validates and builds, and the example says what the research says."""

from __future__ import annotations

from pathlib import Path

import pytest

import stakeholders
from stakeholders import example_path, load_map, to_html

GRAPHS = Path(__file__).parent.parent / "graphs"
MAPS = sorted(p for p in GRAPHS.iterdir() if p.is_dir() or p.suffix in (".xlsx", ".yaml", ".yml", ".json"))


def test_there_is_an_example() -> None:
    assert example_path() in MAPS


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_every_map_validates_and_builds(path: Path) -> None:
    m = load_map(path)
    assert m.graph.number_of_nodes() == len(m.organisations) > 0
    assert to_html(m).startswith("<!DOCTYPE html>")
    assert (path if path.is_dir() else path.parent).joinpath("README.md").exists()


def test_example_is_sourced_and_marks_what_is_unverified() -> None:
    m = load_map(example_path())
    assert 40 <= len(m.organisations) <= 80
    assert (m.links["source_ref"].str.strip() != "").all()  # every link says where it is documented
    assert set(m.links["evidence"]) == {"documented", "unverified"}
    unverified = m.links[m.links["evidence"] == "unverified"]
    assert len(unverified) >= 5
    assert unverified["source_ref"].str.contains("no documenting source").all()
    assert all(len(stages) >= 1 for stages in m.organisations["stages"])
    degree = dict(m.graph.degree())
    assert min(degree.values()) >= 1  # nobody is in the map without a documented or flagged link


def test_example_facts_from_the_research_note() -> None:
    G = load_map(example_path()).graph

    def kinds(source: str, target: str) -> set[str]:
        return {data["kind"] for data in (G.get_edge_data(source, target) or {}).values()}

    assert "notice-and-takedown" in kinds("meldpunt", "hosting-nl")  # 24-hour removal norm (S15, S16)
    assert "referral" in kinds("stopitnow", "de-waag")  # up to five anonymous sessions (S27)
    assert "funding" in kinds("jenv", "offlimits")  # annual subsidy (S18)
    assert "membership" in kinds("politie", "vgt")  # joined in April 2013 (S41)
    assert G.nodes["om"]["sector"] == "justice"
    assert G.nodes["europol"]["sector"] == "international"


def test_the_package_finds_the_example_without_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # installed packages carry graphs/ inside the package (pyproject force-include)
    installed = tmp_path / "stakeholders"
    (installed / "graphs").mkdir(parents=True)
    (installed / "graphs" / "nl-darkweb-csa").mkdir()
    monkeypatch.setattr(stakeholders.load, "__file__", str(installed / "load.py"))
    assert stakeholders.load.example_path() == installed / "graphs" / "nl-darkweb-csa"
