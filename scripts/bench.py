"""Benchmark: synthetic maps from CSV to a still HTML map, against the naive pyvis pipeline.

Run it from the repository (``scripts/bench`` uses the project's ``.venv``)::

    scripts/bench                        # 50, 500, 5,000 and 10,000 organisations
    scripts/bench --sizes 50,500 --runs 3
    scripts/bench --browser              # also time the page in headless Chromium

For every size it generates a seeded synthetic map (a realistic sector mix,
heavy-tailed degrees from preferential attachment, 4 links per organisation,
a few parallel links and small separate groups), writes it as a CSV folder in
a temporary folder, and times in the same run:

- ``stakeholders map`` as a process (CSV → HTML, Python start-up included),
- the library call ``write_html(load_map(folder), path)``, layout cache off,
- the same with a warm layout cache,
- the naive pyvis pipeline: ``pandas.read_csv`` → networkx graph →
  ``Network(cdn_resources="in_line").from_nx(G)`` → ``write_html``.

Times are medians of ``--runs`` runs (the naive pipeline runs ``--naive-runs``
times at 5,000 and above, as the table says). With ``--browser`` it opens each of our
pages from file:// in Debian's Chromium and reports the time until the map is
still, and at 500 and 5,000 organisations the cost per frame of a redraw, a
drag, a zoom, a hover, a click focus and a search; with ``--baseline REF`` (a git
revision, e.g. ``main``) it measures the pages that revision writes too, in the
same run, and prints the ratio of ours to them. ``--layouts`` instead times
the candidate layouts on the largest connected part of each map and reports
their stress. Everything is written under one temporary folder that is
removed at the end; progress goes to stderr, the tables to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from stakeholders import load_map, map_data, write_html
from stakeholders.layout import _force as layout
from stakeholders.pages import html_safe_json, vis_network_bundle
from stakeholders.schema import DEFAULT_STAGES, SECTORS

SEED = 7
LINKS_PER_ORGANISATION = 4
SECTOR_MIX = {
    "police": 14,
    "justice": 6,
    "probation": 3,
    "care": 8,
    "prevention": 6,
    "victim-support": 6,
    "hotline": 5,
    "industry": 22,
    "research": 7,
    "government": 10,
    "international": 5,
    "ngo": 8,
}
KIND_MIX = {
    "information-sharing": 30,
    "referral": 12,
    "notice-and-takedown": 10,
    "joint-operation": 8,
    "funding": 6,
    "agreement": 10,
    "policy-consultation": 8,
    "research": 5,
    "technology": 5,
    "membership": 4,
    "oversight": 2,
}
COUNTRIES = ["NL"] * 6 + ["BE", "DE", "FR", "UK", "US", "EU", "global", "SE", "ES", "IT", "PL"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def log(message: str) -> None:
    """Progress on stderr."""
    print(message, file=sys.stderr, flush=True)


# --- synthetic maps ----------------------------------------------------------------------------


def _pick(rng: random.Random, mix: dict[str, int]) -> str:
    return rng.choices(list(mix), weights=list(mix.values()))[0]


def synthetic_tables(n: int, seed: int = SEED) -> tuple[list[list[str]], list[list[str]]]:
    """Organisations and links rows (headers first) for a map of ``n`` organisations and ``4 n`` links.

    98 % of the organisations grow by preferential attachment (each newcomer
    links to 4 others chosen in proportion to their degree: a few hubs, many
    small organisations); the rest are pairs and loners. 3 % of the pairs get
    a second link of another kind (parallel links).
    """
    rng = random.Random(seed)
    ids = [f"org{i:05d}" for i in range(n)]
    stage_ids = [stage for stage, _, _ in DEFAULT_STAGES]
    organisations = [
        ["id", "name", "short_name", "aliases", "sector", "level", "country", "stages", "description", "url"]
    ]
    for number, org in enumerate(ids):
        sector = _pick(rng, SECTOR_MIX)
        name = f"{SECTORS.label(sector).capitalize()} organisation {number}"
        short = f"{sector[:3].upper()}{number}" if rng.random() < 0.4 else ""
        aliases = f"Alias {number}" if rng.random() < 0.1 else ""
        level = rng.choice(["policy", "operational", "both", "operational"])
        stages = "|".join(sorted(rng.sample(stage_ids, rng.randint(0, 3))))
        description = (
            f"Works on {rng.choice(stage_ids)} with partners in {rng.choice(COUNTRIES)}; "
            f"founded in {rng.randint(1950, 2024)}."
            if rng.random() < 0.3
            else ""
        )
        url = f"https://example.org/{org}" if rng.random() < 0.3 else ""
        organisations.append(
            [org, name, short, aliases, sector, level, rng.choice(COUNTRIES), stages, description, url]
        )

    core = max(LINKS_PER_ORGANISATION + 1, round(n * 0.98))
    graph = nx.barabasi_albert_graph(core, LINKS_PER_ORGANISATION, seed=seed)
    pairs = sorted((min(u, v), max(u, v)) for u, v in graph.edges)
    for first in range(core, n - 1, 3):  # pairs, and a loner after each pair
        pairs.append((first, first + 1))
    target = n * LINKS_PER_ORGANISATION
    parallel = [pairs[i] for i in sorted(rng.sample(range(len(pairs)), min(len(pairs), max(0, target - len(pairs)))))]
    links = [["source", "target", "kind", "direction", "status", "strength", "since", "source_ref", "notes"]]
    for index, (u, v) in enumerate(pairs + parallel):
        if rng.random() < 0.5:
            u, v = v, u
        kind = _pick(rng, KIND_MIX) if index < len(pairs) else "agreement"
        links.append(
            [
                ids[u],
                ids[v],
                kind,
                rng.choice(["directed"] * 6 + ["mutual"] * 3 + ["undirected"]),
                rng.choice(["active"] * 17 + ["planned"] * 2 + ["lapsed"]),
                str(rng.randint(1, 5)) if rng.random() < 0.5 else "",
                str(rng.randint(2005, 2025)) if rng.random() < 0.4 else "",
                f"Annual report {rng.randint(2015, 2025)}, p. {rng.randint(1, 200)}" if rng.random() < 0.7 else "",
                "Renewed every year." if rng.random() < 0.1 else "",
            ]
        )
    return organisations, links[: target + 1]


def write_map(folder: Path, n: int) -> Path:
    """Write the synthetic map of ``n`` organisations as a CSV folder."""
    organisations, links = synthetic_tables(n)
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (
        ("organisations", organisations),
        ("links", links),
        ("map", [["key", "value"], ["title", f"Synthetic map of {n} organisations"], ["date", "2026-01-01"]]),
    ):
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return folder


# --- pipelines ---------------------------------------------------------------------------------


def ours_library(folder: Path, out: Path) -> None:
    """Our pipeline as a library call: CSV folder → HTML file."""
    write_html(load_map(folder), out)


def ours_process(folder: Path, out: Path, env: dict[str, str], cwd: Path) -> None:
    """Our pipeline as the command a user runs."""
    command = [sys.executable, "-m", "stakeholders", "map", str(folder), "-o", str(out)]
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True)


def naive_pyvis(folder: Path, out: Path) -> None:
    """The naive pipeline: pandas → networkx → ``Network().from_nx(G)`` → ``write_html`` (vis-network inlined)."""
    import pandas as pd
    from pyvis.network import Network

    organisations = pd.read_csv(folder / "organisations.csv", dtype=str, keep_default_na=False)
    links = pd.read_csv(folder / "links.csv", dtype=str, keep_default_na=False)
    G = nx.MultiDiGraph()
    for row in organisations.to_dict("records"):
        G.add_node(row["id"], label=row["short_name"] or row["name"], title=row["name"], group=row["sector"])
    for row in links.to_dict("records"):
        G.add_edge(row["source"], row["target"], title=row["kind"])
    net = Network(cdn_resources="in_line")
    net.from_nx(G)
    with contextlib.chdir(out.parent):  # pyvis may write a lib/ folder into the working directory
        net.write_html(str(out))


def baseline_pages(ref: str, sources: dict[int, Path], root: Path) -> dict[int, Path]:
    """The map pages the code at git revision ``ref`` writes for these sources (its package, unpacked under root)."""
    tree = root / "baseline"
    tree.mkdir()
    repository = Path(__file__).resolve().parent.parent
    archive = subprocess.run(
        ["git", "-C", str(repository), "archive", ref, "stakeholders"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    pages = {}
    for n, source in sources.items():
        out = root / f"baseline-{n}.html"
        script = (
            "import sys; sys.path.insert(0, sys.argv[1]); from stakeholders import load_map, write_html; "
            "write_html(load_map(sys.argv[2]), sys.argv[3])"
        )
        env = {**os.environ, "STAKEHOLDERS_CACHE": "off"}
        subprocess.run([sys.executable, "-c", script, str(tree), str(source), str(out)], check=True, env=env, cwd=root)
        pages[n] = out
    return pages


def timed(action: Callable[[], Any], runs: int) -> float:
    """Median seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def byte_shares(folder: Path) -> dict[str, float]:
    """Bytes per organisation and per link in the page's data, and the fixed rest beyond vis-network."""
    data = map_data(load_map(folder))
    organisations = len(html_safe_json(data["organisations"])) + len(html_safe_json(data["layout"]["positions"]))
    links = len(html_safe_json(data["links"])) + len(html_safe_json(data["layout"]["curves"]))
    return {
        "per_org": organisations / max(1, len(data["organisations"])),
        "per_link": links / max(1, len(data["links"])),
        "bundle": len(vis_network_bundle().encode("utf-8")),
    }


# --- the browser -------------------------------------------------------------------------------

PROBE = """
(() => {
  const bench = (window.__bench = { first: null });
  let current;
  // the page sets window.network once it has built the Network: note its first drawing
  Object.defineProperty(window, "network", {
    configurable: true,
    enumerable: true,
    get() { return current; },
    set(value) {
      current = value;
      value.on("afterDrawing", () => { if (bench.first === null) bench.first = performance.now(); });
    },
  });
  // gaps between animation frames for `ms` milliseconds: the longest is the frame an action cost
  window.__frames = (ms) => new Promise((resolve) => {
    const gaps = [];
    let last = performance.now();
    const end = last + ms;
    function tick() {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick); else resolve(gaps);
    }
    requestAnimationFrame(tick);
  });
})();
"""


def open_page(browser: Any, path: Path) -> Any:
    """A fresh page with the probe installed and every network request blocked."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("http://**/*", lambda route: route.abort())
    context.route("https://**/*", lambda route: route.abort())
    page = context.new_page()
    page.add_init_script(PROBE)
    page.goto(path.resolve().as_uri(), wait_until="commit")
    return page


def wait_drawn(page: Any, timeout: float) -> float | None:
    """The page time (ms) of the map's first drawing, polled from outside (the page's CSP forbids eval)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        first = page.evaluate("window.__bench ? window.__bench.first : null")
        if first is not None:
            return first
        page.wait_for_timeout(10)
    return None


def still_ms(browser: Any, path: Path, timeout: float) -> float | None:
    """Milliseconds from navigation until the map is drawn and no position changes; None after ``timeout`` s."""
    page = open_page(browser, path)
    try:
        first = wait_drawn(page, timeout)
        if first is None:
            return None
        positions = page.evaluate("JSON.stringify(window.network.getPositions())")
        while True:
            page.wait_for_timeout(500)
            now, later = page.evaluate("[performance.now(), JSON.stringify(window.network.getPositions())]")
            if later == positions:
                return first
            if now > timeout * 1000:
                return None
            positions, first = later, now
    finally:
        page.context.close()


def longest_frame(page: Any, action: Callable[[], Any], ms: int) -> float:
    """The longest gap between two animation frames while ``action`` runs and ``ms`` after it starts."""
    page.evaluate(f"() => {{ window.__recording = window.__frames({ms}); }}")
    action()
    return max(page.evaluate("window.__recording"))


def node_point(page: Any, node: str) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    x, y = page.evaluate(
        """id => { const p = window.network.canvasToDOM(window.network.getPositions([id])[id]);
                   const box = document.getElementById('network').getBoundingClientRect();
                   return [p.x + box.left, p.y + box.top]; }""",
        node,
    )
    return x, y


def interaction_costs(browser: Any, path: Path) -> dict[str, float]:
    """Milliseconds per frame of a redraw, a hover, a click focus and a search (medians of several)."""
    page = open_page(browser, path)
    wait_drawn(page, 120)
    page.wait_for_timeout(500)
    redraw = """() => { const times = [];
        for (let i = 0; i < 7; i++) {
          const t = performance.now(); window.network.redraw(); times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b); return times[3]; }"""
    costs = {"one redraw, whole map in view (JavaScript only)": page.evaluate(redraw)}
    # zoom in on the best-linked organisation, where a user reads names
    hubs = page.evaluate(
        """() => { const degree = new Map();
                   window.stakeholdersMap.links.forEach(l => { degree.set(l.source, (degree.get(l.source) || 0) + 1);
                                                              degree.set(l.target, (degree.get(l.target) || 0) + 1); });
                   return [...degree.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).map(e => e[0]); }"""
    )
    page.evaluate(
        "id => window.network.moveTo({position: window.network.getPositions([id])[id], scale: 1, animation: false})",
        hubs[0],
    )
    page.wait_for_timeout(300)
    costs["one redraw, zoomed in (JavaScript only)"] = page.evaluate(redraw)
    box = page.evaluate(
        "(() => { const b = document.getElementById('network').getBoundingClientRect(); "
        "return [b.left, b.top, b.right, b.bottom]; })()"
    )
    middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)

    def drag() -> None:
        page.mouse.move(*middle)
        page.mouse.down()
        page.mouse.move(middle[0] + 250, middle[1] + 120, steps=15)
        page.mouse.up()

    costs["drag the view, zoomed in (then links follow)"] = longest_frame(page, drag, 900)
    page.mouse.move(*middle)
    costs["zoom with the wheel, zoomed in"] = longest_frame(page, lambda: page.mouse.wheel(0, -240), 900)
    page.evaluate(
        "id => window.network.moveTo({position: window.network.getPositions([id])[id], scale: 1, animation: false})",
        hubs[0],
    )
    page.wait_for_timeout(300)
    in_view = [hub for hub in hubs if _inside(node_point(page, hub), box)][:5]
    hovers = []
    for hub in in_view:
        page.mouse.move(box[0] + 5, box[1] + 5)
        page.wait_for_timeout(200)
        x, y = node_point(page, hub)
        hovers.append(longest_frame(page, lambda x=x, y=y: page.mouse.move(x, y), 500))
    costs["hover an organisation (tooltip)"] = statistics.median(hovers)
    clicks = []
    for hub in in_view[:3]:
        x, y = node_point(page, hub)
        clicks.append(longest_frame(page, lambda x=x, y=y: page.mouse.click(x, y), 800))
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)
    costs["click focus (dim the rest, info panel)"] = statistics.median(clicks)
    page.mouse.move(box[0] + 5, box[1] + 5)
    typing, entering = [], []
    names = page.evaluate("window.stakeholdersMap.organisations.slice(-3).map(o => o.name)")
    for name in names:
        page.fill("#search", "")
        page.focus("#search")
        typing.append(longest_frame(page, lambda name=name: page.keyboard.type(name), 300))
        entering.append(longest_frame(page, lambda: page.keyboard.press("Enter"), 900))
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)
    costs["search: type a name (results each key)"] = statistics.median(typing)
    costs["search: Enter (focus, zoom animation)"] = statistics.median(entering)
    page.context.close()
    return costs


def _inside(point: tuple[float, float], box: list[float]) -> bool:
    return box[0] + 20 < point[0] < box[2] - 20 and box[1] + 20 < point[1] < box[3] - 20


# --- layout candidates -------------------------------------------------------------------------


def stress(H: nx.Graph, positions: dict[str, Any], sources: int = 30) -> float:
    """Normalised stress of a layout against network distances, sampled from ``sources`` organisations.

    0 means drawn distances are proportional to network distances; lower is better.
    """
    rng = random.Random(SEED)
    drawn, network = [], []
    for source in rng.sample(sorted(H.nodes), min(sources, len(H))):
        for target, steps in nx.single_source_shortest_path_length(H, source).items():
            if steps:
                a, b = positions[source], positions[target]
                drawn.append(math.dist(a, b))
                network.append(steps)
    e, d = np.array(drawn), np.array(network, dtype=float)
    weight = 1 / d**2
    scale = (weight * e * d).sum() / (weight * e * e).sum()
    return float((weight * (scale * e - d) ** 2).sum() / len(d))


def _igraph_layout(method: str, **options: Any) -> Callable[[nx.Graph], dict[str, Any]]:
    def run(H: nx.Graph) -> dict[str, Any]:
        import igraph

        nodes = sorted(H.nodes)
        index = {node: number for number, node in enumerate(nodes)}
        graph = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in H.edges])
        igraph.set_random_number_generator(random.Random(SEED))
        try:
            coords = getattr(graph, method)(**options).coords
        finally:
            igraph.set_random_number_generator(random)
        return dict(zip(nodes, coords, strict=True))

    return run


def _our_force_layout(H: nx.Graph) -> dict[str, Any]:
    """``stakeholders.layout``'s force layout of a connected graph, as it lays out parts above 200 organisations."""
    skeleton = layout.skeleton_of_graph(H)
    (part,) = layout._parts(len(skeleton.nodes), *layout._numbered(skeleton))
    return dict(zip(skeleton.nodes, layout._force_layout(part), strict=True))


LAYOUT_CANDIDATES: dict[str, tuple[int, Callable[[nx.Graph], dict[str, Any]]]] = {
    # name: (largest size tried, layout of a connected graph)
    "networkx kamada_kawai": (500, lambda H: nx.kamada_kawai_layout(H)),
    "networkx spring (force)": (1000, lambda H: nx.spring_layout(H, seed=SEED, method="force")),
    "networkx spring (energy)": (1000, lambda H: nx.spring_layout(H, seed=SEED, method="energy")),
    "networkx forceatlas2": (1000, lambda H: nx.forceatlas2_layout(H, seed=SEED)),
    "igraph kamada_kawai": (1000, _igraph_layout("layout_kamada_kawai")),
    "igraph drl": (5000, _igraph_layout("layout_drl")),
    "igraph lgl": (10000, _igraph_layout("layout_lgl")),
    "igraph fruchterman_reingold, no grid": (1000, _igraph_layout("layout_fruchterman_reingold", grid="nogrid")),
    "igraph fruchterman_reingold, grid, 500 iterations": (
        10**9,
        _igraph_layout("layout_fruchterman_reingold", grid="grid"),
    ),
    "ours (stakeholders.layout, above 200 organisations)": (10**9, _our_force_layout),
}


def layout_table(sizes: list[int], root: Path) -> None:
    """Time and stress of each candidate layout on the largest connected part of each synthetic map."""
    print("\nLayout candidates (largest connected part; stress: lower is better)\n")
    print("| layout | " + " | ".join(f"{n:,} orgs: s / stress" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    parts = {}
    for n in sizes:
        G = load_map(write_map(root / f"map-{n}", n)).graph
        H = nx.Graph(G.to_undirected())
        parts[n] = nx.Graph(H.subgraph(sorted(max(nx.connected_components(H), key=len))))
    for name, (limit, candidate) in LAYOUT_CANDIDATES.items():
        cells = []
        for n in sizes:
            H = parts[n]
            if len(H) > limit:
                cells.append("not run (too slow)")
                continue
            log(f"layout {name} at {len(H):,} organisations")
            start = time.perf_counter()
            positions = candidate(H)
            seconds = time.perf_counter() - start
            cells.append(f"{seconds:.2f} / {stress(H, positions):.3f}")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


# --- analysis ----------------------------------------------------------------------------------


def tree_betweenness(T: nx.Graph) -> dict[Any, float]:
    """Exact normalised betweenness of a tree from its branch sizes (a closed form, no path counting).

    Removing v leaves branches of sizes s1…sk with Σ s = n - 1; the pairs whose only path runs through v
    number ((n - 1)² - Σ s²) / 2, out of (n - 1)(n - 2) / 2 pairs that could.
    """
    n = len(T)
    root = next(iter(T))
    parent = {root: None}
    order = [root]
    for node in order:
        for other in T[node]:
            if other not in parent:
                parent[other] = node
                order.append(other)
    below = dict.fromkeys(T, 1)
    for node in reversed(order[1:]):
        below[parent[node]] += below[node]
    exact = {}
    for node in T:
        branches = [below[c] for c in T[node] if parent.get(c) == node]
        if parent[node] is not None:
            branches.append(n - below[node])
        exact[node] = ((n - 1) ** 2 - sum(b * b for b in branches)) / ((n - 1) * (n - 2))
    return exact


def approximation_error(n: int = 5000) -> None:
    """How far sampled betweenness (as analyse uses it above its threshold) is from the exact answer."""
    from stakeholders import analysis

    T = nx.barabasi_albert_graph(n, 1, seed=SEED)  # a tree with hubs: its exact betweenness has a closed form
    exact = tree_betweenness(T)
    k = min(analysis.BETWEENNESS_SAMPLE, n)
    start = time.perf_counter()
    sampled = analysis.betweenness(T, k=k, seed=analysis.SEED)
    seconds = time.perf_counter() - start
    errors = [abs(sampled[v] - exact[v]) for v in T]
    top = {v for v, _ in sorted(exact.items(), key=lambda kv: -kv[1])[:10]}
    found = {v for v, _ in sorted(sampled.items(), key=lambda kv: -kv[1])[:10]}
    print(
        f"\nBetweenness as analyse estimates it, from {k} sampled sources (seed {analysis.SEED}), on a "
        f"{n:,}-organisation tree whose exact betweenness is known: {seconds:.2f} s; largest error "
        f"{max(errors):.4f}, mean error {statistics.mean(errors):.5f} (on a 0–1 scale; largest exact value "
        f"{max(exact.values()):.4f}); {len(top & found)} of the exact top 10 brokers in the estimated top 10.\n"
    )


def analysis_table(sizes: list[int], root: Path, runs: int, tree_size: int = 5000) -> None:
    """Seconds for analyse() and for analyse() plus the report page, per size, and per 1,000 links."""
    from stakeholders import analyse, report_html

    print("\nAnalysis and report, seconds (median of runs; the map is loaded once, outside the timing)\n")
    print("| organisations / links | analyse | analyse + report | per 1,000 links (analyse + report) |")
    print("|---|---|---|---|")
    for n in sizes:
        m = load_map(write_map(root / f"analysis-{n}", n))
        links = len(m.links)
        log(f"{n:,} organisations: analysis")
        alone = timed(lambda m=m: analyse(m), runs)
        both = timed(lambda m=m: report_html(analyse(m)), runs)
        print(f"| {n:,} / {links:,} | {alone:.2f} | {both:.2f} | {1000 * both / max(links, 1):.3f} |", flush=True)
    approximation_error(tree_size)


# --- the run -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="scripts/bench")
    parser.add_argument("--sizes", default="50,500,5000,10000", help="organisations per map, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median) [5]")
    parser.add_argument(
        "--naive-runs", type=int, default=1, help="runs of the naive pyvis pipeline at 5,000 and above [1]"
    )
    parser.add_argument("--browser", action="store_true", help="also measure the pages in headless Chromium")
    parser.add_argument(
        "--layouts", action="store_true", help="compare layout candidates at these sizes instead (no pipelines)"
    )
    parser.add_argument(
        "--analysis",
        action="store_true",
        help="time analyse and the report at these sizes instead, and measure the betweenness estimate's error",
    )
    parser.add_argument("--tree-size", type=int, default=5000, help="organisations in the tree for --analysis [5000]")
    parser.add_argument(
        "--baseline",
        metavar="REF",
        help="with --browser: also measure the pages of this git revision (e.g. main) and print our ratio to them",
    )
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    runs = max(1, args.runs)

    with tempfile.TemporaryDirectory(prefix="stakeholders-bench-") as folder:
        root = Path(folder)
        if args.layouts:
            layout_table(sizes, root)
            return 0
        if args.analysis:
            analysis_table(sizes, root, runs, args.tree_size)
            return 0
        cold = {**os.environ, "STAKEHOLDERS_CACHE": "off"}
        warm_cache = root / "cache"
        rows, pages, sources = [], {}, {}
        for n in sizes:
            log(f"{n:,} organisations: writing the CSV folder")
            source = write_map(root / f"map-{n}", n)
            sources[n] = source
            ours, naive = root / f"ours-{n}.html", root / f"naive-{n}.html"
            naive_runs = runs if n < 5000 else max(1, args.naive_runs)
            os.environ["STAKEHOLDERS_CACHE"] = "off"
            if n == sizes[0]:
                ours_library(source, ours)  # warm up: imports and template, not timed
                naive_pyvis(source, naive)
            log(f"{n:,}: stakeholders map as a process, {runs}x")
            process = timed(lambda source=source, ours=ours: ours_process(source, ours, cold, root), runs)
            log(f"{n:,}: library call, {runs}x")
            library = timed(lambda source=source, ours=ours: ours_library(source, ours), runs)
            os.environ["STAKEHOLDERS_CACHE"] = str(warm_cache)
            ours_library(source, ours)  # fills the cache
            log(f"{n:,}: library call with the layout cached, {runs}x")
            cached = timed(lambda source=source, ours=ours: ours_library(source, ours), runs)
            os.environ["STAKEHOLDERS_CACHE"] = "off"
            log(f"{n:,}: naive pyvis pipeline, {naive_runs}x" + (" (about a minute at 10,000)" if n >= 10000 else ""))
            slow = timed(lambda source=source, naive=naive: naive_pyvis(source, naive), naive_runs)
            shares = byte_shares(source)
            size = ours.stat().st_size
            rows.append(
                {
                    "n": n,
                    "links": n * LINKS_PER_ORGANISATION,
                    "process": process,
                    "library": library,
                    "cached": cached,
                    "naive": slow,
                    "naive_runs": naive_runs,
                    "bytes": size,
                    "beyond": size - shares["bundle"],
                    "per_org": shares["per_org"],
                    "per_link": shares["per_link"],
                    "naive_bytes": naive.stat().st_size,
                }
            )
            pages[n] = (ours, naive)

        print(f"\nCSV → HTML, seconds (median of {runs} runs; naive pyvis: runs as stated)\n")
        print(
            "| organisations / links | `stakeholders map` process | library call | library, layout cached "
            "| naive pyvis (runs) | naive ÷ process | naive ÷ library |"
        )
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            print(
                f"| {r['n']:,} / {r['links']:,} | {r['process']:.2f} | {r['library']:.2f} | {r['cached']:.2f} "
                f"| {r['naive']:.2f} ({r['naive_runs']}) | {r['naive'] / r['process']:.1f}× "
                f"| {r['naive'] / r['library']:.1f}× |"
            )
        bundle = byte_shares(write_map(root / f"map-{sizes[0]}", sizes[0]))["bundle"]
        print(f"\nHTML size, bytes (vis-network bundle: {bundle:,} B)\n")
        print("| organisations | ours | ours beyond vis-network | per organisation | per link | naive pyvis |")
        print("|---|---|---|---|---|---|")
        for r in rows:
            print(
                f"| {r['n']:,} | {r['bytes']:,} | {r['beyond']:,} | {r['per_org']:.0f} | {r['per_link']:.0f} "
                f"| {r['naive_bytes']:,} |"
            )
        sys.stdout.flush()

        if args.browser:
            baseline = None
            if args.baseline:
                log(f"the pages of {args.baseline}, for the baseline")
                baseline = (args.baseline, baseline_pages(args.baseline, sources, root))
            browser_tables(sizes, pages, runs, baseline)
    return 0


def browser_tables(
    sizes: list[int],
    pages: dict[int, tuple[Path, Path]],
    runs: int,
    baseline: tuple[str, dict[int, Path]] | None = None,
) -> None:
    """Time to a still map for every size, and interaction costs at the sizes from 500 to 5,000.

    With a ``baseline`` (a revision's name and its pages), its interaction costs too, and our ratio to them.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        still_rows = []
        for n in sizes:
            ours, naive = pages[n]
            log(f"{n:,}: time to a still map in Chromium, {runs}x")
            times = [still_ms(browser, ours, timeout=120) for _ in range(runs)]
            ours_ms = statistics.median([t for t in times if t is not None]) if all(times) else None
            naive_ms = "not measured"
            if n <= 500:
                log(f"{n:,}: the naive pyvis page, until still or 20 s")
                result = still_ms(browser, naive, timeout=20)
                naive_ms = f"{result:,.0f}" if result is not None else "still moving after 20 s"
            still_rows.append((n, ours_ms, naive_ms))
        print(f"\nTime until the map is still in headless Chromium, ms from navigation (median of {runs})\n")
        print("| organisations | ours | naive pyvis page (1 run) |")
        print("|---|---|---|")
        for n, ours_ms, naive_ms in still_rows:
            print(f"| {n:,} | {ours_ms:,.0f} | {naive_ms} |" if ours_ms else f"| {n:,} | not still | {naive_ms} |")
        sys.stdout.flush()
        probes = [n for n in sizes if 500 <= n <= 5000] or [min(sizes)]
        costs, before = {}, {}
        for n in probes:
            log(f"{n:,}: interaction costs")
            costs[n] = interaction_costs(browser, pages[n][0])
            if baseline:
                log(f"{n:,}: interaction costs of {baseline[0]}")
                before[n] = interaction_costs(browser, baseline[1][n])
        print("\nCost per frame, ms (longest gap between animation frames while the page reacts; medians)\n")
        if baseline:
            ref = baseline[0]
            heads = [f"{n:,}: {ref} / ours / ratio" for n in probes]
            print("| action | " + " | ".join(heads) + " |")
            print("|---|" + "---|" * len(probes))
            for action in costs[probes[0]]:
                cells = []
                for n in probes:
                    was, now = before[n][action], costs[n][action]
                    cells.append(f"{was:.0f} / {now:.0f} / {now / max(was, 0.1):.2f}×")
                print(f"| {action} | " + " | ".join(cells) + " |")
        else:
            print("| action | " + " | ".join(f"{n:,} organisations" for n in probes) + " |")
            print("|---|" + "---|" * len(probes))
            for action in costs[probes[0]]:
                print(f"| {action} | " + " | ".join(f"{costs[n][action]:.0f}" for n in probes) + " |")
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
