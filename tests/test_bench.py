"""scripts/bench runs and prints its tables (speed targets are checked by running it, not here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.slow  # starts scripts/bench as a subprocess


def run_bench(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """scripts/bench with this test's Python and a temporary folder of its own."""
    env = {**os.environ, "VENV": sys.prefix, "TMPDIR": str(tmp_path)}
    command = [str(ROOT / "scripts" / "bench"), *options]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_bench_runs_at_the_smallest_size(tmp_path: Path) -> None:
    result = run_bench(tmp_path, "--sizes", "50", "--runs", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("| 50 / 200 | ") and line.endswith("× |") for line in lines), result.stdout
    assert any(line.startswith("| 50 | ") for line in lines)
    assert "50: naive pyvis pipeline" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # it cleaned up after itself


def test_the_tree_formula_is_exact_betweenness() -> None:
    import networkx as nx

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from bench import tree_betweenness
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    tree = nx.barabasi_albert_graph(120, 1, seed=3)
    exact = nx.betweenness_centrality(tree)
    assert tree_betweenness(tree) == pytest.approx(exact)


def test_bench_times_the_analysis(tmp_path: Path) -> None:
    result = run_bench(tmp_path, "--analysis", "--sizes", "50", "--runs", "1", "--tree-size", "300")
    assert result.returncode == 0, result.stderr
    assert any(line.startswith("| 50 / 200 | ") for line in result.stdout.splitlines()), result.stdout
    assert "on a 300-organisation tree whose exact betweenness is known" in result.stdout
