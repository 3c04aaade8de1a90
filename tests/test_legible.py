"""Names that read from the back of the room: the map page and the deck at 1920×1080, measured in Chromium.

Organisations' names are drawn by the page (``pages/static/labels.js``); their boxes come from
``stakeholdersPage.labelBoxes()`` and every measure that matters is checked against the canvas
itself: the height of the ink of a name, its pixels under its box, arrowheads left uncovered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from conftest import write_folder

from stakeholders import example_path, load_map, write_html
from stakeholders.cli import cli
from stakeholders.pages import LABEL_PX, write_presentation

pytestmark = pytest.mark.browser

FULL_HD = {"width": 1920, "height": 1080}

BOXES = "window.stakeholdersPage.labelBoxes()"
FRAME = "document.getElementById('network').getBoundingClientRect().toJSON()"

INK = """box => {
    // rows and columns of dark pixels (names are #1a1a1a on a white halo) inside a name's box
    const canvas = document.querySelector('#network canvas');
    const frame = canvas.getBoundingClientRect();
    const ratio = canvas.width / frame.width;
    const x = Math.floor((box.left - frame.left) * ratio), y = Math.floor((box.top - frame.top - 4) * ratio);
    const w = Math.ceil(box.width * ratio), h = Math.ceil((box.height + 8) * ratio);
    const pixels = canvas.getContext('2d').getImageData(x, y, w, h).data;
    const rows = new Set();
    let dark = 0;
    for (let row = 0; row < h; row++) for (let col = 0; col < w; col++) {
        const i = 4 * (row * w + col);
        const inked = pixels[i + 3] > 200 && pixels[i] < 90 && pixels[i + 1] < 90 && pixels[i + 2] < 90;
        if (inked) { rows.add(row); dark++; }
    }
    return { height: rows.size ? (Math.max(...rows) - Math.min(...rows) + 1) / ratio : 0, dark: dark };
}"""


def _settled(page: Any) -> None:
    """Wait until the view stopped moving and the names found their places."""
    page.wait_for_function(
        """() => {
            const view = JSON.stringify([window.network.getScale(), window.network.getViewPosition(),
                                         window.stakeholdersPage.labelBoxes().length]);
            const still = view === window.__lastView;
            window.__lastView = view;
            return still;
        }""",
        polling=400,
    )


def _overlaps(boxes: list[dict[str, float]]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a["left"] < b["left"] + b["width"]
                and b["left"] < a["left"] + a["width"]
                and a["top"] < b["top"] + b["height"]
                and b["top"] < a["top"] + a["height"]
            ):
                found.append((a["id"], b["id"]))
    return found


def _shown_organisations(page: Any) -> list[str]:
    return page.evaluate(
        "Object.values(window.network.body.nodes).filter(n => !n.options.hidden && "
        "window.stakeholdersMap.organisations.some(o => o.id === n.id)).map(n => n.id)"
    )


def _ink_of(page: Any, boxes: list[dict[str, Any]], text: str) -> dict[str, float]:
    (box,) = [b for b in boxes if b["text"] == text]
    return page.evaluate(INK, box)


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("legible")
    m = load_map(example_path())
    return {
        "map": write_html(m, folder / "map.html"),
        "deck": write_presentation(m, folder / "deck.html"),
        "nl": write_html(m, folder / "kaart.html", lang="nl"),
    }


def _check_names(opened: Any) -> list[dict[str, Any]]:
    page = opened.page
    _settled(page)
    boxes = page.evaluate(BOXES)
    shown = _shown_organisations(page)
    assert len(boxes) >= 0.9 * len(shown), (len(boxes), len(shown))
    assert min(box["px"] for box in boxes) >= 18
    assert _overlaps(boxes) == []
    # what is drawn: the ink of "Politie" (capital, ascenders, no descender) is about 0.73 of the size
    politie = _ink_of(page, boxes, "Politie")
    assert politie["height"] >= 0.68 * 18, politie
    frame = page.evaluate(FRAME)
    for box in boxes:  # every name inside the frame
        assert frame["left"] <= box["left"] and box["left"] + box["width"] <= frame["right"], box
        assert frame["top"] <= box["top"] and box["top"] + box["height"] <= frame["bottom"], box
    assert opened.errors == []
    return boxes


def test_example_map_names_are_large_and_apart(open_page: Any, example_pages: dict[str, Path]) -> None:
    opened = open_page(example_pages["map"], **FULL_HD)
    boxes = _check_names(opened)
    # names leave every other organisation uncovered
    discs = opened.page.evaluate(
        """() => { const frame = document.querySelector('#network canvas').getBoundingClientRect();
                   return Object.values(window.network.body.nodes).filter(n => !n.options.hidden).map(n => {
                     const p = window.network.canvasToDOM({x: n.x, y: n.y});
                     const r = n.options.size * window.network.getScale();
                     return {id: n.id, left: frame.left + p.x - r, top: frame.top + p.y - r,
                             width: 2 * r, height: 2 * r};
                   }); }"""
    )
    covered = [(b["id"], d["id"]) for b in boxes for d in discs if d["id"] != b["id"] and _overlaps([b, d])]
    assert covered == []


def test_deck_steps_names_are_large_and_apart(open_page: Any, example_pages: dict[str, Path]) -> None:
    opened = open_page(example_pages["deck"], **FULL_HD)
    page = opened.page
    steps = page.evaluate("window.stakeholdersMap.presentation.steps.map(s => s.board)")
    last_network = max(number for number, board in enumerate(steps) if not board)
    for _ in range(last_network):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("location.hash") == f"#{last_network + 1}"
    _check_names(opened)


def test_mutual_arrowheads_stay_visible(open_page: Any, example_pages: dict[str, Path]) -> None:
    page = open_page(example_pages["map"], **FULL_HD).page
    _settled(page)
    tips = page.evaluate(
        """() => { const network = window.network, ctx = network.canvas.frame.canvas.getContext('2d');
                   const frame = network.canvas.frame.canvas.getBoundingClientRect(), tips = [];
                   window.stakeholdersMap.links.filter(l => l.direction === 'mutual').forEach(l => {
                     const edge = network.body.edges[l.id], values = edge.getFormattingValues();
                     ['to', 'from'].forEach(end => {
                       const via = edge.edgeType.getViaNode();
                       const arrow = edge.edgeType.getArrowData(ctx, end, via, false, false, values);
                       const p = network.canvasToDOM(arrow.point);
                       tips.push({id: l.id, x: frame.left + p.x, y: frame.top + p.y});
                     });
                   });
                   return tips; }"""
    )
    assert len(tips) >= 10  # the example has mutual links
    boxes = page.evaluate(BOXES)
    hidden = [
        (tip["id"], box["text"])
        for tip in tips
        for box in boxes
        if box["left"] < tip["x"] < box["left"] + box["width"] and box["top"] < tip["y"] < box["top"] + box["height"]
    ]
    assert hidden == []


def test_link_labels_are_off_until_the_toggle(open_page: Any, example_pages: dict[str, Path]) -> None:
    page = open_page(example_pages["map"], **FULL_HD).page
    shown_labels = "Object.values(window.network.body.edges).filter(e => e.labelModule.visible()).length"
    button = page.locator("#link-labels")
    assert button.get_attribute("aria-pressed") == "false"
    assert page.evaluate(shown_labels) == 0
    button.focus()
    page.keyboard.press("Enter")  # reachable and usable by keyboard
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate(shown_labels) == page.evaluate("window.stakeholdersMap.links.length")
    on_screen = page.evaluate(
        "Object.values(window.network.body.edges)[0].labelModule.fontOptions.size * window.network.getScale()"
    )
    assert on_screen >= 14
    page.locator("#network").focus()
    page.keyboard.press("l")  # the key the button names
    assert button.get_attribute("aria-pressed") == "false"
    assert page.evaluate(shown_labels) == 0


def test_the_toggle_speaks_dutch(open_page: Any, example_pages: dict[str, Path]) -> None:
    page = open_page(example_pages["nl"], **FULL_HD).page
    assert page.locator("#link-labels").inner_text() == "Soort bij verbindingen (L)"


def _ring_map(folder: Path, n: int) -> Path:
    """n organisations in a ring with a few chords."""
    organisations = [["id", "name", "sector", "level"]]
    organisations += [[f"o{i}", f"Organisation {i}", "police", "operational"] for i in range(n)]
    links = [["source", "target", "kind"]]
    links += [[f"o{i}", f"o{(i + 1) % n}", "referral"] for i in range(n)]
    links += [[f"o{i}", f"o{(i + n // 2) % n}", "agreement"] for i in range(0, n // 2, 3)]
    return write_folder(folder, {"organisations": organisations, "links": links})


def test_a_small_map_fills_the_frame(open_page: Any, tmp_path: Path) -> None:
    page = open_page(write_html(load_map(_ring_map(tmp_path / "ring", 12)), tmp_path / "ring.html"), **FULL_HD).page
    _settled(page)
    assert page.evaluate("window.network.getScale()") > 1  # the fit goes beyond 100 %
    frame = page.evaluate(FRAME)
    boxes = page.evaluate(BOXES)
    assert len(boxes) == 12
    width = (max(b["left"] + b["width"] for b in boxes) - min(b["left"] for b in boxes)) / frame["width"]
    height = (max(b["top"] + b["height"] for b in boxes) - min(b["top"] for b in boxes)) / frame["height"]
    assert max(width, height) >= 0.8, (width, height)


def test_label_size_changes_the_names(open_page: Any, runner: Any, tmp_path: Path) -> None:
    pages = {}
    for size in (None, 28):
        out = tmp_path / f"map-{size}.html"
        result = runner.invoke(cli, ["map", "-o", str(out)] + (["--label-size", str(size)] if size else []))
        assert result.exit_code == 0, result.output
        page = open_page(out, **FULL_HD).page
        _settled(page)
        boxes = page.evaluate(BOXES)
        pages[size] = (boxes[0]["px"], _ink_of(page, boxes, "Politie")["height"])
    assert pages[None][0] == LABEL_PX and pages[28][0] == 28
    assert pages[28][1] / pages[None][1] == pytest.approx(28 / LABEL_PX, rel=0.12)


@pytest.mark.parametrize("command", ["map", "present", "serve"])
def test_label_size_is_checked(runner: Any, tmp_path: Path, command: str) -> None:
    out = ["-o", str(tmp_path / "x.html")] if command != "serve" else ["--no-open"]
    result = runner.invoke(cli, [command, str(example_path()), *out, "--label-size", "4"])
    assert result.exit_code == 2
    assert "Invalid value for '--label-size': 4.0 is not in the range 10.0<=x<=48.0" in result.output
    assert not (tmp_path / "x.html").exists()
    assert "--label-size PX" in runner.invoke(cli, [command, "--help"]).output


def _hub_map(folder: Path, n: int) -> tuple[Path, dict[str, int]]:
    graph = nx.barabasi_albert_graph(n, 2, seed=5)
    organisations = [["id", "name", "sector", "level"]]
    organisations += [[f"o{i}", f"Organisation number {i}", "police", "operational"] for i in range(n)]
    links = [["source", "target", "kind"]] + [[f"o{u}", f"o{v}", "referral"] for u, v in sorted(graph.edges)]
    return write_folder(folder, {"organisations": organisations, "links": links}), {
        f"o{node}": degree for node, degree in graph.degree
    }


def test_a_large_map_names_the_most_connected_first(open_page: Any, tmp_path: Path) -> None:
    folder, degree = _hub_map(tmp_path / "hubs", 400)
    page = open_page(write_html(load_map(folder), tmp_path / "hubs.html"), **FULL_HD).page
    _settled(page)
    named = {box["id"] for box in page.evaluate(BOXES)}
    assert 20 <= len(named) < 400  # room for some names, not all
    ranked = sorted(degree, key=lambda org: -degree[org])
    assert set(ranked[:10]) <= named
    unnamed = [org for org in degree if org not in named]
    assert min(degree[org] for org in named) >= 1
    assert sum(degree[org] for org in named) / len(named) > 2 * sum(degree[org] for org in unnamed) / len(unnamed)
    # the rest on zoom: an unnamed organisation gets its name once the view zooms in on it
    quiet = next(org for org in reversed(ranked) if org not in named)
    page.evaluate(
        "id => window.network.moveTo({position: window.network.getPositions([id])[id], "
        "scale: 6 * window.network.getScale()})",
        quiet,
    )
    _settled(page)
    assert quiet in {box["id"] for box in page.evaluate(BOXES)}
