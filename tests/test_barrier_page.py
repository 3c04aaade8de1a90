"""The barrier-model page: the board of phases and barriers over the network, its data, the command, Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import PAYLOADS, write_folder

from stakeholders import InvalidArgument, barrier_model, barriers_html, load_map, write_barriers, write_html
from stakeholders.cli import cli

ORGS = [
    ["id", "name", "name_nl", "short_name", "sector"],
    ["pol", "Police", "Politie", "POL", "police"],
    ["om", "Prosecution", "Openbaar Ministerie", "OM", "justice"],
    ["stop", "Helpline", "Hulplijn", "", "prevention"],
    ["hot", "Hotline", "Meldpunt", "", "hotline"],
    ["far", "Far Away", "", "", "research"],
]
LINKS = [
    ["id", "source", "target", "kind", "status"],
    ["L1", "pol", "om", "information-sharing", "active"],
    ["L2", "om", "stop", "referral", "active"],
    ["L3", "hot", "far", "research", "active"],
]
SCRIPT = [
    ["id", "name", "order", "name_nl"],
    ["prep", "Preparation", 1, "Voorbereiding"],
    ["entry", "Entry", 2, "Toetreding"],
    ["act", "Activity", 3, "Activiteit"],
    ["after", "Post-activity", 4, "Na afloop"],
]
BARRIERS = [
    ["id", "name", "name_nl", "phase", "owners", "partners", "technique", "status", "sensitivity", "description"],
    ["warn", "Warning visits", "Waarschuwingsbezoeken", "prep|act", "pol|om", "stop", "increase-risk", "", "", ""],
    ["take", "Takedown", "", "act", "hot", "", "removal", "in-place", "", "Removal of material"],
    ["plan", "Planned study", "", "entry", "far", "", "", "planned", "", ""],
    ["secret", "Covert operation Nightjar", "", "act", "pol", "", "disruption", "", "restricted", ""],
]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    tables = {"organisations": ORGS, "links": LINKS, "script": SCRIPT, "barriers": BARRIERS}
    return write_folder(tmp_path / "model", tables)


def test_the_board_has_every_phase_and_every_barrier_under_its_phases(source: Path) -> None:
    board = barrier_model(load_map(source, audience="internal"))
    assert [(c.id, c.title) for c in board.columns] == [
        ("prep", "Preparation"),
        ("entry", "Entry"),
        ("act", "Activity"),
        ("after", "Post-activity"),
    ]
    assert [[card.ref for card in c.cards] for c in board.columns] == [
        ["warn"],
        ["plan"],
        ["warn", "take", "secret"],
        [],
    ]
    warn = board.column("prep").cards[0]
    assert [(chip.code, name) for chip, name in warn.owners] == [("POL", "POL"), ("JUS", "OM")]
    assert warn.partners == "with: Helpline" and warn.lines == ("increase the risks", "in place")
    assert warn.related == ("pol", "om", "stop")
    assert board.column("entry").flag == "open: no barrier in place"  # only a planned one
    assert board.column("after").cards == () and board.column("after").empty == "Open: no barrier"
    assert board.column("act").flag == ""
    dutch = barrier_model(load_map(source), lang="nl")
    assert dutch.column("after").title == "Na afloop" and dutch.column("prep").cards[0].label == "Waarschuwingsbezoeken"
    assert dutch.column("prep").cards[0].lines == ("risico vergroten", "in werking")


def test_a_map_without_a_script_has_no_barrier_page(tmp_path: Path) -> None:
    m = load_map(write_folder(tmp_path / "plain", {"organisations": ORGS, "links": LINKS}))
    with pytest.raises(InvalidArgument, match="no offending process: add a Script sheet"):
        barriers_html(m)


def test_the_audience_cut_leaves_restricted_barriers_out_of_every_byte(source: Path, tmp_path: Path) -> None:
    internal = barriers_html(load_map(source, audience="internal"))
    assert "Covert operation Nightjar" in internal
    for audience in ("partners", "public"):
        page = barriers_html(load_map(source, audience=audience))
        assert "Nightjar" not in page and "secret" not in page
        assert "Warning visits" in page
    public = write_html(load_map(source, audience="public"), tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Nightjar" not in public and "Warning visits" in public  # the map page carries the barriers too


def test_same_input_same_bytes(source: Path, tmp_path: Path) -> None:
    m = load_map(source)
    first = write_barriers(m, tmp_path / "a.html").read_bytes()
    assert write_barriers(load_map(source), tmp_path / "b.html").read_bytes() == first


def test_the_command(runner: Any, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "barriers.html"
    result = runner.invoke(cli, ["barriers", str(source), "-o", str(out), "--lang", "nl", "--audience", "public"])
    assert result.exit_code == 0, result.output
    assert "3 barrières in 4 fasen" in result.output  # --lang nl: the command speaks Dutch
    page = out.read_text(encoding="utf-8")
    assert "Het barrièremodel" in page and "Nightjar" not in page
    as_of = runner.invoke(cli, ["barriers", str(source), "-o", str(tmp_path / "old.html"), "--as-of", "2001"])
    assert as_of.exit_code == 0, as_of.output
    plain = write_folder(tmp_path / "plain", {"organisations": ORGS, "links": LINKS})
    failed = runner.invoke(cli, ["barriers", str(plain), "-o", str(tmp_path / "none.html")])
    assert failed.exit_code == 2 and "no offending process" in failed.output
    assert not (tmp_path / "none.html").exists()


# --- in Chromium --------------------------------------------------------------------------------


def _axe_violations(browser: Any, path: Path, act: str = "") -> list[str]:
    """What axe-core finds (WCAG 2.0/2.1 A and AA) on the page, after clicking ``act`` when given."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(bypass_csp=True, viewport={"width": 1600, "height": 1000})  # to inject axe
    try:
        page = context.new_page()
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.network !== undefined")
        if act:
            page.click(act)
            page.wait_for_selector("#info", state="visible")
        options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
        found = Axe().run(page, options=options).response["violations"]
        return [f"{v['id']}: {', '.join(str(n['target']) for n in v['nodes'])}" for v in found]
    finally:
        context.close()


def _opacity(page: Any, org: str) -> float:
    return float(page.evaluate("id => window.stakeholdersPage.nodes.get(id).opacity", org))


@pytest.mark.browser
def test_the_barrier_page_in_chromium(open_page: Any, browser: Any, source: Path, tmp_path: Path) -> None:
    path = write_barriers(load_map(source), tmp_path / "barriers.html")
    opened = open_page(path, width=1600, height=1000)
    page = opened.page
    titles = page.eval_on_selector_all("#board .board-column-name", "ns => ns.map(n => n.textContent)")
    assert titles == ["Preparation", "Entry", "Activity", "Post-activity"]  # every phase, left to right
    boxes = page.eval_on_selector_all("#board .board-column", "cs => cs.map(c => c.getBoundingClientRect().toJSON())")
    assert all(a["right"] <= b["left"] + 1 for a, b in zip(boxes, boxes[1:], strict=False))
    assert page.inner_text('#board [data-column="after"]').endswith("Open: no barrier")
    style = page.locator('#board [data-column="after"]').evaluate("e => getComputedStyle(e).borderTopStyle")
    assert style == "dashed"  # an open phase is drawn open, not only said
    # a click on a barrier: its owners and partner, and the link between them, come into focus
    page.click('#board [data-column="prep"] .board-card[data-ref="warn"]')
    page.wait_for_selector("#info", state="visible")
    info = page.inner_text("#info-body")
    assert info.startswith("Warning visits") and "Raised by" in info
    assert "Police (POL)" in info and "Prosecution (OM)" in info and "Helpline" in info
    assert "POL → OM" in info and "OM → Helpline" in info  # the links between them
    assert {org: _opacity(page, org) for org in ("pol", "om", "stop", "hot", "far")} == {
        "pol": 1,
        "om": 1,
        "stop": 1,
        "hot": 0.18,
        "far": 0.18,
    }
    edges = "id => window.network.body.data.edges.get(id).color.opacity"
    assert [page.evaluate(edges, link) for link in ("L1", "L2", "L3")] == [1, 1, 0.1]
    chosen = page.eval_on_selector_all(
        ".board-card.is-chosen", "cs => cs.map(c => c.closest('section').dataset.column)"
    )
    assert chosen == ["prep", "act"]  # the barrier under each of its phases
    # a click on an organisation: its barriers are marked on the board
    page.get_by_role("button", name="Police (POL)").click()
    assert page.inner_text("#info-body").startswith("Police")
    assert "Warning visits" in page.inner_text("#info-body")  # the info panel lists its barriers
    related = page.eval_on_selector_all(".board-card.is-related", "cs => cs.map(c => c.dataset.ref)")
    assert related == ["warn", "warn"]  # under both its phases (the restricted one is not on a public page)
    assert page.locator(".board-card.is-related").first.evaluate("e => getComputedStyle(e).boxShadow") != "none"
    # keyboard: every barrier is a button; Enter opens it
    page.keyboard.press("Escape")
    page.focus('#board .board-card[data-ref="take"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("#info", state="visible")
    info = page.inner_text("#info-body")
    assert info.startswith("Takedown") and "Removal of material" in info
    assert "No current link joins" not in info  # one owner, no partner: nobody to join
    # the network, on the map's own positions, is one button away
    page.click("#board-toggle")
    assert page.is_hidden("#board-stage") and page.inner_text("#board-toggle") == "Show the barrier model"
    page.click("#board-toggle")
    page.emulate_media(media="print")
    assert page.is_visible("#board .board-column") and page.is_hidden("#network")
    page.wait_for_timeout(200)
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []
    assert _axe_violations(browser, path) == []
    assert _axe_violations(browser, path, '#board .board-card[data-ref="warn"]') == []


@pytest.mark.browser
def test_the_barrier_page_shows_hostile_text_as_text(open_page: Any, source: Path, tmp_path: Path) -> None:
    hostile = [
        BARRIERS[0],
        *([f"h{n}", f"B{n} {p}", "", "act", "pol", "om", "", "", "", p] for n, p in enumerate(PAYLOADS)),
    ]
    phases = [*SCRIPT, ["evil", f"Phase {PAYLOADS[1]}", 5, ""]]
    write_folder(source, {"barriers": hostile, "script": phases})
    path = write_barriers(load_map(source), tmp_path / "hostile.html")
    page_text = path.read_text(encoding="utf-8")
    for payload in PAYLOADS:
        assert payload not in page_text
    opened = open_page(path)
    board = opened.page.inner_text("#board")
    assert f"Phase {PAYLOADS[1]}" in board
    for n, payload in enumerate(PAYLOADS):
        assert f"B{n} {payload}" in board
    opened.page.click('.board-card[data-ref="h2"]')
    assert PAYLOADS[2] in opened.page.inner_text("#info-body")  # the description, as text
    opened.page.wait_for_timeout(300)
    assert opened.dialogs == [] and opened.requests == [] and opened.errors == []


# --- in the map, the image, the deck and the report --------------------------------------------


def test_the_barrier_view_as_an_image(source: Path, tmp_path: Path) -> None:
    from stakeholders import write_image

    m = load_map(source)
    svg = write_image(m, tmp_path / "barriers.svg", view="barriers").read_text(encoding="utf-8")
    for phase in ("Preparation", "Entry", "Activity", "Post-activity", "Open: no barrier"):
        assert phase in svg
    assert "Warning visits" in svg and "Takedown" in svg and "Nightjar" not in svg
    assert "The barrier model" in svg  # the built-in view's title, in the frame's heading
    dutch = write_image(m, tmp_path / "nl.svg", view="barriers", lang="nl").read_text(encoding="utf-8")
    assert "Het barrièremodel" in dutch and "Waarschuwingsbezoeken" in dutch and "Na afloop" in dutch
    plain = load_map(write_folder(tmp_path / "plain", {"organisations": ORGS, "links": LINKS}))
    with pytest.raises(InvalidArgument, match="no view named 'barriers'"):
        write_image(plain, tmp_path / "none.svg", view="barriers")


def test_the_deck_ends_with_the_barrier_model(source: Path) -> None:
    from stakeholders.pages import presentation_html, presentation_steps

    m = load_map(source)
    steps = presentation_steps(m, lang="nl")
    assert [(s["title"], s["layout"], s["board"]) for s in steps] == [("Het barrièremodel", "barriers", True)]
    page = presentation_html(m)
    assert page.count('data-kind="barrier"') == 4 and 'class="board-stage deck-board" data-fit data-step="0"' in page


def test_the_report_has_the_barrier_section(source: Path) -> None:
    from stakeholders import analyse, report_html

    page = report_html(analyse(load_map(source), without=["pol", "om"]), lang="nl")
    for heading in ("Barrières per fase van het delictproces", "Wie barrières opwerpt", "Barrières die wegvallen"):
        assert heading in page
    assert "Warning visits" in page or "Waarschuwingsbezoeken" in page


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_map_info_panel_lists_an_organisations_barriers(
    open_page: Any, source: Path, tmp_path: Path, lang: str
) -> None:
    path = write_html(load_map(source), tmp_path / f"map-{lang}.html", lang=lang)
    opened = open_page(path)
    page = opened.page
    page.evaluate("window.stakeholdersPage.showOrganisation('om')")
    page.wait_for_selector("#info", state="visible")
    info = page.inner_text("#info-body")
    heading = {"en": "Barriers it raises or joins", "nl": "Barrières die ze opwerpt of steunt"}[lang]
    name = {"en": "Warning visits", "nl": "Waarschuwingsbezoeken"}[lang]
    phases = {"en": "Preparation, Activity", "nl": "Voorbereiding, Activiteit"}[lang]
    assert heading in info and f"{name}: {phases}" in info
    page.get_by_role("button", name=name).click()  # the barrier's own details, its organisations in focus
    info = page.inner_text("#info-body")
    assert info.startswith(name) and {"en": "Raised by", "nl": "Opgeworpen door"}[lang] in info
    assert _opacity(page, "stop") == 1 and _opacity(page, "far") < 1
    page.evaluate("window.stakeholdersPage.showOrganisation('far')")
    planned = {"en": "Planned study: Entry, planned", "nl": "Planned study: Toetreding, gepland"}[lang]
    assert planned in page.inner_text("#info-body")  # a barrier not in place says so
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []
