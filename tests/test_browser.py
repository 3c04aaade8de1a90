"""The map in a real browser: Chromium opens it from file:// with the network blocked."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from conftest import LEGEND_PAYLOAD, PAYLOADS, write_folder

from stakeholders import example_path, load_map, write_html

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def example_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(load_map(example_path()), tmp_path_factory.mktemp("example") / "example.html")


@pytest.fixture
def example(open_page: Any, example_html: Path) -> Any:
    return open_page(example_html)


def _organisation_rows() -> list[dict[str, str]]:
    with open(example_path() / "organisations.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _node_point(page: Any, node_id: str) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    return tuple(
        page.evaluate(
            """id => {
                const p = window.network.canvasToDOM(window.network.getPositions([id])[id]);
                const box = document.getElementById('network').getBoundingClientRect();
                return [p.x + box.left, p.y + box.top];
            }""",
            node_id,
        )
    )


def _fit_when_still(page: Any) -> None:
    """Fit the whole map in view once any view animation (a search's zoom to its result) has ended."""
    page.wait_for_function(
        """() => {
            const view = JSON.stringify([window.network.getScale(), window.network.getViewPosition()]);
            const still = view === window.lastView;
            window.lastView = view;
            return still;
        }""",
        polling=100,
    )
    page.evaluate("window.network.fit({animation: false})")


def test_example_makes_no_request_and_no_error(example: Any) -> None:
    example.page.wait_for_timeout(500)
    assert example.requests == []
    assert example.errors == []
    assert example.dialogs == []


def test_every_organisation_is_drawn(example: Any) -> None:
    rows = _organisation_rows()
    page = example.page
    drawn = page.evaluate("Object.keys(window.network.getPositions()).length")
    in_data = page.evaluate("window.stakeholdersMap.organisations.length")
    assert drawn == in_data == len(rows)
    assert page.inner_text("#map-counts").startswith(f"{len(rows)} organisations")
    hidden = page.evaluate("window.network.body.data.nodes.get({filter: n => n.hidden}).length")
    assert hidden == 0


def test_the_map_is_still(example: Any) -> None:
    page = example.page
    assert page.evaluate("window.network.physics.options.enabled") is False
    first = page.evaluate("window.network.getPositions()")
    page.wait_for_timeout(1000)
    assert page.evaluate("window.network.getPositions()") == first
    expected = page.evaluate("window.stakeholdersMap.layout.positions")
    assert {k: [round(v["x"]), round(v["y"])] for k, v in first.items()} == expected


def test_legend_is_visible_with_every_sector(example: Any) -> None:
    page = example.page
    assert page.is_visible("#legend")
    legend = page.inner_text("#legend")
    sectors = {row["sector"] for row in _organisation_rows()}
    labels = page.evaluate("Object.fromEntries(window.stakeholdersMap.vocabularies.sector.map(t => [t.id, t.label]))")
    for sector in sectors:
        assert labels[sector] in legend
    assert page.locator("input[data-filter=sector]").count() == len(sectors)


def test_search_by_acronym_focuses_the_organisation(example: Any) -> None:
    page = example.page
    page.fill("#search", "om")
    page.press("#search", "Enter")
    page.wait_for_function("window.network.getSelectedNodes().length === 1")
    assert page.evaluate("window.network.getSelectedNodes()") == ["om"]
    assert page.is_visible("#info")
    assert "Openbaar Ministerie" in page.inner_text("#info h2")
    # the rest is dimmed, the neighbours are not
    opacities = page.evaluate("Object.fromEntries(window.network.body.data.nodes.get().map(n => [n.id, n.opacity]))")
    neighbours = set(page.evaluate("window.network.getConnectedNodes('om')"))
    assert opacities["om"] == 1
    assert all(opacities[n] == 1 for n in neighbours)
    assert any(opacity < 1 for node, opacity in opacities.items() if node not in neighbours | {"om"})


def test_search_by_alias_lists_matches(example: Any) -> None:
    page = example.page
    page.fill("#search", "EOKM")
    first = page.locator("#search-results button").first
    assert "Offlimits" in first.inner_text()
    first.click()
    page.wait_for_function("window.network.getSelectedNodes().length === 1")
    assert page.evaluate("window.network.getSelectedNodes()") == ["offlimits"]


def test_clicking_a_node_shows_its_info_panel(example: Any) -> None:
    page = example.page
    assert page.is_hidden("#info")
    x, y = _node_point(page, "meldpunt")
    page.mouse.click(x, y)
    page.wait_for_selector("#info", state="visible")
    info = page.inner_text("#info")
    assert "Meldpunt Kinderporno" in info
    assert " links, " in page.inner_text("#info h3") and " current" in page.inner_text("#info h3")
    assert page.evaluate("window.network.getSelectedNodes()") == ["meldpunt"]
    page.keyboard.press("Escape")
    assert page.is_hidden("#info")


def test_filters_hide_a_sector_and_say_so(example: Any) -> None:
    page = example.page
    police = sum(1 for row in _organisation_rows() if row["sector"] == "police")
    total = len(_organisation_rows())
    page.uncheck("input[data-filter=sector][value=police]")
    hidden = page.evaluate("window.network.body.data.nodes.get({filter: n => n.hidden}).length")
    assert hidden == police
    assert page.inner_text("#filter-status").startswith(f"Showing {total - police} of {total} organisations")


def test_table_view_lists_every_organisation(example: Any) -> None:
    page = example.page
    page.click("#toggle-table")
    assert page.is_visible("#organisations-table")
    assert page.locator("#organisations-table tbody tr").count() == len(_organisation_rows())
    assert page.get_attribute("#toggle-table", "aria-expanded") == "true"


def test_the_data_object_is_read_only(example: Any) -> None:
    page = example.page
    changed = page.evaluate(
        """() => { try { window.stakeholdersMap.title = 'x'; } catch (e) {}
                   try { window.stakeholdersMap.organisations[0].name = 'x'; } catch (e) {}
                   try { window.stakeholdersMap = {}; } catch (e) {}
                   return [window.stakeholdersMap.title, window.stakeholdersMap.organisations[0].name]; }"""
    )
    assert changed[0] != "x" and changed[1] != "x"


def test_payloads_run_nothing_and_show_as_text(open_page: Any, payload_map: Path, tmp_path: Path) -> None:
    opened = open_page(write_html(load_map(payload_map), tmp_path / "payloads.html"))
    page = opened.page
    assert page.inner_text("#map-title") == f"Title {PAYLOADS[1]}"
    assert PAYLOADS[0] in page.inner_text("#map-source")
    page.click("details.meta summary")
    assert PAYLOADS[2] in page.inner_text("#map-description")
    assert LEGEND_PAYLOAD in page.inner_text("#legend")
    assert page.locator("#legend i, header img, header svg").count() == 0
    for number, payload in enumerate(PAYLOADS):
        page.fill("#search", f"P{number}")
        page.press("#search", "Enter")
        page.wait_for_function(f"window.network.getSelectedNodes()[0] === 'p{number}'")
        info = page.inner_text("#info")
        assert f"Org {number} {payload}".replace("\u2028", "\n") in info.replace("\u2028", "\n")
        assert "javascript:alert(1)" in info
    assert page.locator("#info a[href^=javascript]").count() == 0
    assert page.locator("#info img, #info svg, #info script").count() == 0
    # hover tooltip: plain text
    page.keyboard.press("Escape")
    _fit_when_still(page)
    x, y = _node_point(page, "p0")
    page.mouse.move(x, y, steps=5)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert f"Org 0 {PAYLOADS[0]}" in tooltip.inner_text()
    assert tooltip.locator("img").count() == 0
    # the link details and the table view
    page.click("#toggle-table")
    assert PAYLOADS[1] in page.inner_text("#links-table")
    page.wait_for_timeout(300)
    assert opened.dialogs == []
    assert opened.requests == []
    assert opened.errors == []


def test_every_control_is_reachable_by_keyboard(example: Any) -> None:
    page = example.page
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => { const e = document.activeElement;
                           if (e.dataset && e.dataset.filter) return e.dataset.filter + ':' + e.value;
                           return e.id || e.tagName; }"""
            )
        )
    for control in ("search", "zoom-in", "zoom-out", "fit", "clear-focus", "focus-depth", "toggle-table", "network"):
        assert control in reached, control
    assert "sector:police" in reached and "kind:referral" in reached and "level:policy" in reached
    # focus is visible: the focused control gets an outline
    page.focus("#search")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"


def test_keyboard_only_search_and_info_panel(example: Any) -> None:
    page = example.page
    page.focus("#search")
    page.keyboard.type("interpol")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('#search-results') !== null")
    page.keyboard.press("Enter")
    page.wait_for_selector("#info", state="visible")
    assert "INTERPOL" in page.inner_text("#info h2").upper()
    # the info panel's neighbour buttons move the focus to another organisation
    page.locator("#info li button").first.press("Enter")
    page.wait_for_function("window.network.getSelectedNodes()[0] !== 'interpol'")
    assert page.is_visible("#info")


def test_notebook_frame_draws_the_map(open_page: Any, small_folder: Path, tmp_path: Path) -> None:
    notebook = tmp_path / "notebook.html"
    frame = load_map(small_folder)._repr_html_()
    notebook.write_text(f"<!DOCTYPE html><html><body><h1>Notebook</h1>{frame}</body></html>", encoding="utf-8")
    opened = open_page(notebook, ready="document.querySelector('iframe') !== null")
    child = opened.page.frames[1]
    child.wait_for_function("window.network !== undefined")
    assert child.evaluate("Object.keys(window.network.getPositions()).length") == 4
    assert opened.requests == [] and opened.dialogs == []


def test_the_page_speaks_dutch(open_page: Any, tmp_path: Path) -> None:
    page = open_page(write_html(load_map(example_path()), tmp_path / "nl.html", lang="nl")).page
    assert page.inner_text("label[for=search]") == "Zoek een organisatie"
    assert page.get_attribute("html", "lang") == "nl"
    assert "politie" in page.inner_text("#legend") and "Legenda en filters" in page.inner_text("#legend")
    assert page.inner_text("#filter-status").startswith("Alles zichtbaar: 67 organisaties")
    page.fill("#search", "reclassering")
    page.press("#search", "Enter")
    page.wait_for_selector("#info", state="visible")
    assert "verbindingen, waarvan " in page.inner_text("#info h3") and " huidige" in page.inner_text("#info h3")
    assert "Naam" not in page.inner_text("#info dl")  # the name is the heading, not a field


def test_names_follow_the_language_when_asked(open_page: Any, tmp_path: Path) -> None:
    page = open_page(write_html(load_map(example_path()), tmp_path / "en.html", lang="en")).page
    page.fill("#search", "om")
    page.press("#search", "Enter")
    page.wait_for_selector("#info", state="visible")
    assert page.inner_text("#info h2").startswith("Public Prosecution Service")  # the name_en column
    plain = open_page(write_html(load_map(example_path()), tmp_path / "plain.html")).page
    plain.fill("#search", "Public Prosecution")  # still found by its English name
    plain.press("#search", "Enter")
    plain.wait_for_selector("#info", state="visible")
    assert plain.inner_text("#info h2").startswith("Openbaar Ministerie")


def _bare_map(folder: Path, organisations: int, links: list[tuple[int, int]]) -> Path:
    """A map whose organisations have only an id and a name, and links only their two ends."""
    return write_folder(
        folder,
        {
            "organisations": [["id", "name"]] + [[f"o{i}", f"Organisation {i}"] for i in range(organisations)],
            "links": [["source", "target"]] + [[f"o{a}", f"o{b}"] for a, b in links],
        },
    )


def test_a_map_with_only_ids_and_names_works(open_page: Any, tmp_path: Path) -> None:
    folder = _bare_map(tmp_path / "bare", 3, [(0, 1), (1, 2)])
    opened = open_page(write_html(load_map(folder), tmp_path / "bare.html"))
    page = opened.page
    assert page.evaluate("Object.keys(window.stakeholdersMap.organisations[0])") == ["id", "name"]
    # the info panel
    x, y = _node_point(page, "o1")
    page.mouse.click(x, y)
    page.wait_for_selector("#info", state="visible")
    assert page.inner_text("#info h2") == "Organisation 1"
    assert page.inner_text("#info h3") == "2 links, 2 current"  # a link without a status is active
    page.keyboard.press("Escape")
    # the search
    page.fill("#search", "organisation 2")
    page.press("#search", "Enter")
    page.wait_for_function("window.network.getSelectedNodes()[0] === 'o2'")
    page.keyboard.press("Escape")
    # the tooltip
    _fit_when_still(page)
    x, y = _node_point(page, "o0")
    page.mouse.move(x, y, steps=5)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith("Organisation 0\nnot stated · not stated")
    page.click("#toggle-table")
    assert page.locator("#links-table tbody tr").count() == 2
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []


def test_a_large_map_draws_its_links_itself(open_page: Any, tmp_path: Path) -> None:
    n = 1600  # 3,200 links: above the page's threshold for drawing links itself
    links = [(i, (i * 7 + 1) % n) for i in range(n)] + [(i, (i * 13 + 5) % n) for i in range(n)]
    folder = _bare_map(tmp_path / "large", n, [(a, b) for a, b in links if a != b])
    opened = open_page(write_html(load_map(folder), tmp_path / "large.html"))
    page = opened.page
    assert page.evaluate("window.network.body.data.edges.length") == 0  # vis-network draws the nodes only
    page.fill("#search", "organisation 700")
    page.press("#search", "Enter")
    page.wait_for_function("window.network.getSelectedNodes()[0] === 'o700'")
    assert page.inner_text("#info h2") == "Organisation 700"
    neighbours = page.evaluate(
        """new Set(window.stakeholdersMap.links.filter(l => l.source === 'o700' || l.target === 'o700')
                   .map(l => l.source === 'o700' ? l.target : l.source)).size"""
    )
    assert f"Focus: Organisation 700 and {neighbours} organisations within 1 step." in page.inner_text("#filter-status")
    # a click on a link drawn by the page opens its details
    page.keyboard.press("Escape")
    other = page.evaluate(
        """() => { const links = window.stakeholdersMap.links, curves = window.stakeholdersMap.layout.curves;
                   const at = id => window.network.getPositions([id])[id];
                   const points = l => {  // a link as the page draws it: a line, or vis-network's curve
                       const a = at(l.source), b = at(l.target), k = 0.5 + Math.abs(curves[l.id] || 0) / 2;
                       if (!curves[l.id]) return [a, b];
                       const side = -k * Math.cos(k * Math.PI) * (curves[l.id] > 0 ? 1 : -1);
                       const s = k * Math.sin(k * Math.PI);
                       const c = {x: a.x + s * (b.x - a.x) + side * (b.y - a.y),
                                  y: a.y + s * (b.y - a.y) - side * (b.x - a.x)};
                       return [...Array(9).keys()].map(i => i / 8).map(t => ({
                           x: (1 - t) * (1 - t) * a.x + 2 * t * (1 - t) * c.x + t * t * b.x,
                           y: (1 - t) * (1 - t) * a.y + 2 * t * (1 - t) * c.y + t * t * b.y}));
                   };
                   const gap = (p, l) => Math.min(...points(l).slice(1).map((b, i, all) => {
                       const a = i ? all[i - 1] : points(l)[0], dx = b.x - a.x, dy = b.y - a.y;
                       const along = ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1);
                       const t = Math.max(0, Math.min(1, along));
                       return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy); }));
                   // a straight link whose middle no other link comes near: a click there can only mean it
                   const middle = l => ({x: (at(l.source).x + at(l.target).x) / 2,
                                         y: (at(l.source).y + at(l.target).y) / 2});
                   const clear = l => Math.min(...links.filter(o => o !== l).map(o => gap(middle(l), o)));
                   const link = links.filter(l => !(l.id in curves)).slice(0, 40)
                       .map(l => [clear(l), l]).sort((x, y) => y[0] - x[0])[0][1];
                   const p = window.network.getPositions([link.source, link.target]);
                   const a = p[link.source], b = p[link.target], d = Math.hypot(b.x - a.x, b.y - a.y);
                   window.network.moveTo({position: {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2},
                                          scale: Math.min(1, 600 / d), animation: false});
                   return [link.source, link.target]; }"""
    )
    a, b = _node_point(page, other[0]), _node_point(page, other[1])
    page.mouse.click((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    page.wait_for_selector("#info", state="visible")
    assert page.inner_text("#info h2") == f"Organisation {other[0][1:]} → Organisation {other[1][1:]}"
    assert opened.errors == []


def test_a_map_with_many_links_dims_with_a_veil(open_page: Any, tmp_path: Path) -> None:
    n = 600  # 1,200 links: vis-network draws them, a focus veils the rest instead of restyling each
    links = [(i, (i * 7 + 1) % n) for i in range(n)] + [(i, (i * 13 + 5) % n) for i in range(n)]
    folder = _bare_map(tmp_path / "many", n, [(a, b) for a, b in links if a != b])
    opened = open_page(write_html(load_map(folder), tmp_path / "many.html"))
    page = opened.page
    assert page.evaluate("window.network.body.data.edges.length") == 2 * n
    page.fill("#search", "organisation 42")
    page.press("#search", "Enter")
    page.wait_for_function("window.network.getSelectedNodes()[0] === 'o42'")
    assert "Focus: Organisation 42 and 4 organisations within 1 step." in page.inner_text("#filter-status")
    assert page.evaluate("window.network.body.data.nodes.get({filter: n => n.opacity < 1}).length") == 0
    page.uncheck("input[data-filter=level][value='']")  # the filter hides everyone: links go too
    assert page.evaluate("window.network.body.data.edges.get({filter: e => e.hidden}).length") == 2 * n
    assert opened.errors == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            {
                "#map-counts": "2 organisations, 1 link",
                "#map-hidden": "For this audience (public) 1 organisation and 2 links are not shown.",
                "start": "Showing everything: 2 organisations and 1 link.",
                "focus": "Showing everything: 2 organisations and 1 link. "
                "Focus: Alpha and 1 organisation within 1 step.",
                "filtered": "Showing 1 of 2 organisations and 0 of 1 link; the filters hide 1 organisation and 1 link.",
                "#map-view": "View: Police — shows 1 of 2 organisations and 0 of 1 link.",
            },
        ),
        (
            "nl",
            {
                "#map-counts": "2 organisaties, 1 verbinding",
                "#map-hidden": "Voor dit publiek (public) worden 1 organisatie en 2 verbindingen niet getoond.",
                "start": "Alles zichtbaar: 2 organisaties en 1 verbinding.",
                "focus": "Alles zichtbaar: 2 organisaties en 1 verbinding. "
                "Focus: Alpha en 1 organisatie binnen 1 stap.",
                "filtered": "1 van 2 organisaties en 0 van 1 verbinding zichtbaar; "
                "de filters verbergen 1 organisatie en 1 verbinding.",
                "#map-view": "Weergave: Police — toont 1 van 2 organisaties en 0 van 1 verbinding.",
            },
        ),
    ],
)
def test_counts_of_one_are_singular_on_the_page(
    open_page: Any, tmp_path: Path, lang: str, expected: dict[str, str]
) -> None:
    organisations = [
        ["id", "name", "sector", "sensitivity"],
        ["a", "Alpha", "police", ""],
        ["b", "Beta", "justice", ""],
        ["c", "Gamma", "care", "restricted"],
    ]
    links = [["source", "target", "sensitivity"], ["a", "b", ""], ["a", "b", "restricted"], ["b", "c", ""]]
    settings = [["key", "value"], ["show_hidden_counts", "yes"]]
    views = [["name", "title", "sector"], ["police", "Police", "police"]]
    tables = {"organisations": organisations, "links": links, "map": settings, "views": views}
    folder = write_folder(tmp_path / "one", tables)
    opened = open_page(write_html(load_map(folder), tmp_path / f"one-{lang}.html", lang=lang))
    page = opened.page
    assert page.inner_text("#map-counts") == expected["#map-counts"]
    assert page.inner_text("#map-hidden") == expected["#map-hidden"]
    assert page.inner_text("#filter-status") == expected["start"]
    page.fill("#search", "Alpha")
    page.press("#search", "Enter")
    page.wait_for_function("window.network.getSelectedNodes()[0] === 'a'")
    assert page.inner_text("#filter-status") == expected["focus"]
    page.click("#clear-focus")
    page.uncheck("input[data-filter=sector][value='justice']")
    assert page.inner_text("#filter-status") == expected["filtered"]
    assert opened.errors == []
    view = open_page(write_html(load_map(folder), tmp_path / f"view-{lang}.html", lang=lang, view="police"))
    assert view.page.inner_text("#map-view") == expected["#map-view"]
