"""Accessibility, measured: axe-core finds nothing on any page, and the keyboard and screen-reader paths work.

The axe checks run axe-core (shipped by the ``axe-playwright-python`` package) on the map, the report, the
presentation and the diff, in English and Dutch, in the opening state and with the info panel, the table view
and a later step of the presentation open: every rule tagged WCAG 2.0/2.1 A or AA, the experimental ones among
them (``label-content-name-mismatch``, ``p-as-heading``…), must find nothing.

Our pages forbid every script but their own (a Content-Security-Policy with script hashes). The package injects
axe with ``page.evaluate``, which the DevTools protocol runs outside the page's policy; a ``<script>`` element,
the other way to inject, is blocked by it. So that the check never depends on how the package injects, the axe
runs use a browser context of their own opened with ``bypass_csp=True`` (one per module, reused); that context
only reads the pages. Every other browser test, the keyboard tests below included, opens the pages with their
policy in force (``open_page`` in conftest.py records any policy violation as an error, and the tests check that
there is none).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import write_folder

from stakeholders import analyse, as_of, example_path, load_map, write_html, write_report
from stakeholders.analysis import current_links
from stakeholders.diff import diff_maps
from stakeholders.pages import presentation_steps, write_diff, write_presentation

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
KINDS = ("map", "report", "deck", "diff")
LANGS = ("en", "nl")


@pytest.fixture(scope="module")
def example() -> Any:
    return load_map(example_path())


@pytest.fixture(scope="module")
def pages(example: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every kind of page of the example map, in both languages."""
    folder = tmp_path_factory.mktemp("pages")
    result = analyse(example, today=date(2026, 11, 28), without=["politie"])
    changes = diff_maps(as_of(example, "2019"), example)
    written = {}
    for lang in LANGS:
        written["map", lang] = write_html(example, folder / f"map-{lang}.html", lang=lang)
        written["report", lang] = write_report(result, folder / f"report-{lang}.html", lang=lang)
        written["deck", lang] = write_presentation(example, folder / f"deck-{lang}.html", lang=lang)
        written["diff", lang] = write_diff(
            changes, folder / f"diff-{lang}.html", old_label="2019", new_label="2026", lang=lang
        )
    return written


@pytest.fixture(scope="module")
def axe_context(browser: Any) -> Iterator[Any]:
    """The one context that bypasses the pages' policy, for injecting axe (see the module's docstring)."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1400, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="module")
def axe_rules(axe_context: Any) -> list[str]:
    """Every axe rule with a WCAG 2.0/2.1 A or AA tag, experimental ones included (tags alone leave them out)."""
    page = axe_context.new_page()
    page.evaluate(Axe().axe_script)
    rules = page.evaluate("tags => axe.getRules(tags).map(rule => rule.ruleId)", WCAG_TAGS)
    page.close()
    assert "label-content-name-mismatch" in rules and "scrollable-region-focusable" in rules
    return rules


def violations(page: Any, rules: list[str]) -> list[str]:
    """What axe finds on the page as it is now: one line per rule, with the elements it found."""
    options = {"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations"]}
    found = Axe().run(page, options=options).response["violations"]
    return [f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'])}" for v in found]


def _open(context: Any, path: Path) -> Any:
    page = context.new_page()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.network !== undefined && window.stakeholdersMap !== undefined")
    return page


def _search_and_open(page: Any, query: str) -> str:
    """Type in the search, go down to the first match and press Enter, as a keyboard user does; which match."""
    page.focus("#search")
    page.fill("#search", query)
    page.keyboard.press("ArrowDown")
    match = _active(page)
    page.keyboard.press("Enter")
    page.wait_for_selector("#info", state="visible")
    return match


def _active(page: Any) -> str:
    """The focused element: its id, or its tag and text, and whether it sits in the info panel."""
    return page.evaluate(
        """() => { const e = document.activeElement;
                   const where = e.closest('#info') ? 'info:' : '';
                   return where + (e.id || (e.tagName + ':' + e.textContent.trim())); }"""
    )


# --- axe --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_nothing(axe_context: Any, axe_rules: list[str], pages: dict, kind: str, lang: str) -> None:
    page = _open(axe_context, pages[kind, lang])
    found = {"opening": violations(page, axe_rules)}
    if kind == "deck":
        page.click("#next-step")
        page.click("#next-step")
        assert " 3 " in page.inner_text("#step-counter")
        found["step 3"] = violations(page, axe_rules)
        page.click("#toggle-organisations")
        page.locator("#step-organisation-list button").first.click()
        page.wait_for_selector("#info", state="visible")
        page.click("#toggle-notes")
        found["step 3 with its organisations, an info panel and the notes"] = violations(page, axe_rules)
    else:
        _search_and_open(page, "politie")
        found["info panel"] = violations(page, axe_rules)
        page.click("#toggle-table")
        page.wait_for_selector("#table-view", state="visible")
        found["info panel and table view"] = violations(page, axe_rules)
    page.close()
    assert found == dict.fromkeys(found, [])


def test_buttons_in_the_info_panel_are_named_by_their_text_first(axe_context: Any, pages: dict, example: Any) -> None:
    """WCAG 2.5.3: a speech user says what they see ("OM"), so the accessible name starts with it."""
    page = _open(axe_context, pages["map", "en"])
    _search_and_open(page, "politie")
    page.evaluate(Axe().axe_script)
    names = page.evaluate(
        """() => { axe.setup();
                   const names = Array.from(document.querySelectorAll('#info button')).map(
                       b => [b.innerText.trim(), axe.commons.text.accessibleText(b)]);
                   axe.teardown();
                   return names; }"""
    )
    page.close()
    om = example.organisations.set_index("id").loc["om"]
    assert ["OM", f"OM, {om['name_en']}"] in names  # was "Focus Openbaar Ministerie (OM)"
    mismatched = [(text, name) for text, name in names if text.isalnum() and not name.lower().startswith(text.lower())]
    assert mismatched == []
    assert len(names) > 20


# --- keyboard ---------------------------------------------------------------------------------


def test_focus_moves_into_the_info_panel_and_back(open_page: Any, pages: dict) -> None:
    opened = open_page(pages["map", "en"])
    page = opened.page
    opener = _search_and_open(page, "interpol")
    assert opener.startswith("BUTTON:ICPO-INTERPOL (INTERPOL)")
    assert _active(page) == "info:H2:ICPO-INTERPOL (INTERPOL)"  # the panel's heading, not 37 tab stops away
    page.keyboard.press("Tab")
    assert _active(page).startswith("info:")  # the next stop is in the panel
    # a neighbour: the panel shows it and keeps the focus
    page.locator("#info li button").first.focus()
    page.keyboard.press("Enter")
    assert "INTERPOL" not in page.inner_text("#info h2") and _active(page).startswith("info:H2:")
    # a link's details: the same
    page.locator("#info li button", has_text="details").first.focus()
    page.keyboard.press("Enter")
    assert " details" not in page.inner_text("#info") and _active(page).startswith("info:H2:")
    # the close button gives the focus back to the search result that opened the panel
    page.focus("#close-info")
    page.keyboard.press("Enter")
    assert page.is_hidden("#info") and _active(page) == opener
    # so does Escape, from anywhere in the panel
    page.keyboard.press("Enter")
    page.wait_for_selector("#info", state="visible")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert page.is_hidden("#info") and _active(page) == opener
    # and a table row's button gets it back too
    page.click("#toggle-table")
    row = page.locator("#organisations-table button", has_text="Europol")
    row.focus()
    page.keyboard.press("Enter")
    assert _active(page) == f"info:H2:{row.inner_text()}"
    page.keyboard.press("Escape")
    assert _active(page) == f"BUTTON:{row.inner_text()}"
    assert opened.errors == [] and opened.requests == []


def test_the_map_is_one_keyboard_stop_that_pans_and_zooms(open_page: Any, pages: dict, example: Any) -> None:
    page = open_page(pages["map", "en"]).page
    stops = set()
    for _ in range(120):  # more than once round the page
        page.keyboard.press("Tab")
        stops.add(
            page.evaluate(
                "(e => e.id === 'network' ? 'network' : e.closest('#network') ? 'inside' : 'else')"
                "(document.activeElement)"
            )
        )
    assert stops == {"network", "else"}  # vis-network's own canvas frame is not a stop of its own
    assert page.get_attribute("#network", "aria-label").startswith(f"Cooperation map of {len(example.organisations)} ")

    def view() -> tuple[float, float, float]:
        return page.evaluate(
            "[window.network.getViewPosition().x, window.network.getViewPosition().y, window.network.getScale()]"
        )

    page.focus("#network")
    x, y, scale = view()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    moved = view()
    assert moved[0] == pytest.approx(x + 80 / scale) and moved[1] == pytest.approx(y + 80 / scale)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowUp")
    assert view() == pytest.approx((x, y, scale))
    page.keyboard.press("+")
    assert view()[2] == pytest.approx(scale * 1.25)
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert view()[2] == pytest.approx(scale / 1.25)


def test_the_deck_by_keyboard_and_screen_reader(open_page: Any, pages: dict, example: Any) -> None:
    steps = presentation_steps(example)
    opened = open_page(pages["deck", "en"])
    page = opened.page
    label = page.get_attribute("#network", "aria-label")
    assert (
        label
        == f"Map of step 1 of {len(steps)}, {steps[0]['title']}: {len(steps[0]['organisations'])} organisations and "
        f"{len(steps[0]['links'])} links."
    )
    page.focus("#network")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.getElementById('step-title').textContent !== " + repr(steps[0]["title"]))
    # the step's title is said, not only its number
    status = page.locator("[role=status], [aria-live]").filter(has_text=f"Step 2 of {len(steps)}")
    assert status.count() == 1 and status.inner_text() == f"Step 2 of {len(steps)}: {steps[1]['title']}"
    label = page.get_attribute("#network", "aria-label")
    assert label.startswith(f"Map of step 2 of {len(steps)}, {steps[1]['title']}: ")
    assert "search" not in label.lower() and "table" not in label.lower()  # the deck has neither
    # an organisation's details open from the keyboard, and the focus comes back when they close
    page.keyboard.press("Control+o")  # the browser's shortcut, not the deck's
    assert page.is_hidden("#step-organisations")
    page.keyboard.press("o")
    listed = page.locator("#step-organisation-list button")
    assert listed.count() == len(steps[1]["organisations"])
    assert _active(page).startswith("BUTTON:")
    first = listed.first.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_selector("#info", state="visible")
    assert _active(page) == f"info:H2:{first}"
    page.keyboard.press("Escape")
    assert page.is_hidden("#info") and _active(page) == f"BUTTON:{first}"
    # the next step lists its own organisations, and the focus stays in the list
    page.keyboard.press("ArrowRight")
    assert listed.count() == len(steps[2]["organisations"]) and _active(page) == f"BUTTON:{listed.first.inner_text()}"
    assert opened.errors == [] and opened.requests == []


# --- screen readers ---------------------------------------------------------------------------


def test_search_results_are_announced(open_page: Any, pages: dict) -> None:
    page = open_page(pages["map", "en"]).page
    status = page.locator("#search-results ~ [role=status]")
    page.fill("#search", "interpol")
    assert status.inner_text() == "1 organisation matches: ICPO-INTERPOL (INTERPOL)."
    page.fill("#search", "po")
    count = page.evaluate(
        """() => window.stakeholdersMap.organisations.filter(o => [o.id, o.name, o.name_en, o.short_name,
               ...(o.aliases || [])].some(n => n && n.toLowerCase().includes('po'))).length"""
    )
    assert count > 10
    assert status.inner_text() == f"{count} organisations match; the first 10 are listed."
    page.fill("#search", "zzz")
    assert status.inner_text() == "No organisation matches."


@pytest.mark.parametrize("kind", ["report", "map", "diff"])
def test_headings_do_not_skip_levels(open_page: Any, pages: dict, kind: str) -> None:
    page = open_page(pages[kind, "en"]).page
    _search_and_open(page, "politie")
    page.click("#toggle-table")
    outline = page.evaluate(
        """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter(h => h.checkVisibility())
               .map(h => [Number(h.tagName[1]), h.textContent, h.closest('#map') !== null])"""
    )
    assert outline[0][0] == 1
    for (before, _, _), (level, text, _) in zip(outline, outline[1:], strict=False):
        assert level <= before + 1, f"{text!r} is h{level} after an h{before}"
    if kind == "report":  # the map's own headings (legend, info panel, table view) sit below "The map"
        in_map = [(level, text) for level, text, inside in outline if inside]
        assert in_map[0] == (2, "The map") and len(in_map) > 4
        assert [(level, text) for level, text in in_map[1:] if level <= 2] == []


# --- what the info panel counts, and lapsed links ---------------------------------------------


def test_the_info_panel_says_which_links_it_counts(open_page: Any, pages: dict, example: Any) -> None:
    page = open_page(pages["map", "en"]).page
    headings = page.evaluate(
        """ids => ids.map(id => { window.stakeholdersPage.showOrganisation(id);
                                  return document.querySelector('#info h3').textContent; })""",
        sorted(example.graph.nodes),
    )
    current = current_links(example.graph)  # what `analyse` counts as cooperation
    expected = [
        f"{example.graph.degree(org)} link{'s' * (example.graph.degree(org) != 1)}, {current.degree(org)} current"
        for org in sorted(example.graph.nodes)
    ]
    assert headings == expected
    assert any(current.degree(org) < example.graph.degree(org) for org in example.graph.nodes)


def test_lapsed_links_are_dashed_not_only_grey(open_page: Any, pages: dict, example: Any) -> None:
    page = open_page(pages["map", "en"]).page
    lapsed = example.links[(example.links["status"] == "lapsed") & (example.links["evidence"] == "documented")]
    edge = page.evaluate("id => window.network.body.data.edges.get(id)", str(lapsed["id"].iloc[0]))
    assert edge["dashes"] == [4, 4] and edge["color"]["color"] == page.evaluate("window.stakeholdersMap.style.lapsed")
    legend = page.locator("#legend .lines .entry", has_text="lapsed").locator("line")
    assert legend.get_attribute("stroke-dasharray") == "4 4"


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_on_a_map_made_together(
    axe_context: Any, axe_rules: list[str], tmp_path: Path, lang: str
) -> None:
    organisations = [
        ["id", "name", "sector"],
        ["a", "Alfa", "police"],
        ["b", "Beta", "justice"],
        ["c", "Gamma", "care"],
    ]
    links = [
        ["source", "target", "kind", "source_trust", "target_trust", "value", "reported_by", "confirmation"],
        ["a", "b", "referral", "4", "2", "3", "Alfa|Beta", "confirmed"],
        ["a", "c", "referral", "3", "", "1", "Alfa", "one-sided"],
    ]
    m = load_map(write_folder(tmp_path / "together", {"organisations": organisations, "links": links}))
    for path in (
        write_html(m, tmp_path / f"map-{lang}.html", lang=lang),
        write_report(analyse(m, today=date(2026, 11, 28)), tmp_path / f"report-{lang}.html", lang=lang),
    ):
        page = _open(axe_context, path)
        assert violations(page, axe_rules) == []
        page.close()
