"""The approach as a board: every organisation under every stage it acts on, hand-overs between columns; in
the page, the deck and images."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from conftest import PAYLOADS, write_csv, write_folder, write_payload_map

from stakeholders import approach_board, example_path, load_map, write_html, write_image
from stakeholders.analysis import handovers, stage_members
from stakeholders.board import ARROW_STATUSES, arrow_rows, sector_chips
from stakeholders.naming import stage_names
from stakeholders.pages import presentation_steps, write_presentation
from stakeholders.schema import SECTORS
from stakeholders.style import contrast_ratio

STAGES = [
    ["id", "name", "name_nl", "hands_over_to"],
    ["first", "First step", "Eerste stap", "second|third"],
    ["second", "Second step", "Tweede stap", "third"],
    ["third", "Third step", "Derde stap", ""],
    ["nobody", "Step nobody takes", "Stap zonder iemand", ""],
]
ORGS = [
    ["id", "name", "name_nl", "short_name", "sector", "level", "stages"],
    ["x", "Ex Agency", "Ex Bureau", "EX", "police", "both", "first"],
    ["y", "Why Service", "", "", "care", "operational", "second"],
    ["z", "Zed Office", "", "", "justice", "policy", "third|first"],
    ["w", "Without Stage", "", "", "", "", ""],
]
LINKS = [
    ["id", "source", "target", "kind", "direction", "status"],
    ["L1", "x", "y", "referral", "directed", "active"],
    ["L2", "x", "y", "information-sharing", "directed", "planned"],
    ["L3", "x", "z", "referral", "directed", "active"],
    ["L4", "z", "x", "agreement", "mutual", "active"],
]


@pytest.fixture
def small(tmp_path: Path) -> Any:
    return load_map(write_folder(tmp_path / "s", {"organisations": ORGS, "links": LINKS, "stages": STAGES}))


@pytest.fixture(scope="module")
def example() -> Any:
    return load_map(example_path())


def test_every_organisation_is_under_every_stage_it_acts_on(example: Any) -> None:
    board = approach_board(example)
    names = stage_names(example)
    assert [column.id for column in board.columns] == list(example.stages["id"])  # in stage order, none left out
    assert [column.title for column in board.columns] == [names[stage] for stage in example.stages["id"]]
    placed = Counter((column.id, card.ref) for column in board.columns for card in column.cards)
    expected = Counter((stage, org) for stage, orgs in stage_members(example).items() for org in orgs)
    assert placed == expected and max(placed.values()) == 1  # once under each stage, under every one
    assert "om" in [card.ref for card in board.column("prosecution").cards]  # not only under its first stage
    om = [column.id for column in board.columns if any(card.ref == "om" for card in column.cards)]
    assert om == ["investigation", "prosecution"]


def test_handovers_are_arrows_that_count_their_links(small: Any) -> None:
    board = approach_board(small)
    arrows = {(a.start, a.end): a for a in board.arrows}
    assert [(k, a.status, a.label) for k, a in arrows.items()] == [
        (("first", "second"), "fragile", "1 link +1 planned · fragile"),
        (("first", "third"), "covered", "2 links"),
        (("second", "third"), "gap", "no link · missing"),
    ]
    assert [(a.status, len(a.text) > 0) for a in board.arrows] == [(h["status"], True) for h in handovers(small)]
    assert arrows["second", "third"].text == "Second step → Third step: no link, missing"
    assert [(a.first, a.last, a.forward, a.row) for a in board.arrows] == [
        (0, 1, True, 0),
        (0, 2, True, 1),
        (1, 2, True, 2),
    ]
    assert board.rows == 3


def test_an_empty_stage_stays_an_open_column_and_stageless_organisations_get_their_own(small: Any) -> None:
    board = approach_board(small)
    assert [(c.id, [card.ref for card in c.cards]) for c in board.columns] == [
        ("first", ["x", "z"]),
        ("second", ["y"]),
        ("third", ["z"]),
        ("nobody", []),
        ("", ["w"]),
    ]
    assert board.column("nobody").empty == "No organisation acts on this step"
    assert board.column("").title == "No step" and board.column("").count == "1 organisation"


def test_cards_say_sector_by_colour_and_code_and_level_by_shape(small: Any) -> None:
    board = approach_board(small)
    ex = board.column("first").cards[0]
    assert (ex.label, ex.title, ex.chip.code, ex.chip.label, ex.shape, ex.shape_label) == (
        "EX",
        "Ex Agency",
        "POL",
        "police",
        "diamond",
        "policy and operational",
    )
    assert ex.filters == (("sector", "police"), ("level", "both"))
    without = board.column("").cards[0]
    assert (without.chip.code, without.shape, without.shape_label) == ("–", "triangle", "not stated")
    legend = dict(board.legend)
    assert [entry.label for entry in legend["Sector (colour and code)"]] == ["police", "justice", "care", "not stated"]
    assert [entry.status for entry in legend["Hand-over (line)"]] == list(ARROW_STATUSES)


def test_the_board_in_dutch(small: Any) -> None:
    board = approach_board(small, lang="nl")
    assert board.column("first").title == "Eerste stap" and board.column("first").cards[0].title == "Ex Bureau"
    assert board.column("nobody").empty == "Geen organisatie werkt aan deze stap"
    assert [a.label for a in board.arrows][-1] == "geen verbinding · ontbreekt"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_sector_codes_are_unique_and_their_ink_reads(lang: str) -> None:
    chips = sector_chips(SECTORS, lang)
    codes = [chip.code for chip in chips.values()]
    assert len(set(codes)) == len(codes) and all(1 <= len(code) <= 3 for code in codes)
    assert all(contrast_ratio(chip.colour, chip.ink) >= 4.5 for chip in chips.values())


def test_arrows_on_one_row_never_touch() -> None:
    spans = [(0, 3), (1, 2), (3, 5), (4, 4), (0, 1), (2, 2), (5, 6)]
    rows = arrow_rows(spans)
    for row in set(rows):
        mine = sorted(span for span, r in zip(spans, rows, strict=True) if r == row)
        assert all(a[1] < b[0] for a, b in zip(mine, mine[1:], strict=False))
    deepest = max(sum(1 for first, last in spans if first <= c <= last) for c in range(7))
    assert max(rows) + 1 == deepest  # no more rows than the most arrows over one column


# --- the image -------------------------------------------------------------------------------


def _svg_groups(svg: str) -> dict[str, tuple[str, list[float]]]:
    """Every group with an id: its text (comments matplotlib writes, or text elements) and its path's box."""
    parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_comments=True))
    root = ElementTree.fromstring(svg, parser=parser)
    groups = {}
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        ident = group.get("id") or ""
        if not ident.startswith("board-"):
            continue
        texts = [node.text.strip() for node in group.iter() if node.tag is ElementTree.Comment and node.text]
        texts += ["".join(node.itertext()).strip() for node in group.iter("{http://www.w3.org/2000/svg}text")]
        numbers = [
            float(n)
            for path in group.iter("{http://www.w3.org/2000/svg}path")
            for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d") or "")
        ]
        box = [min(numbers[0::2]), min(numbers[1::2]), max(numbers[0::2]), max(numbers[1::2])] if numbers else []
        groups[ident] = (" ".join(t for t in texts if t), box)
    return groups


def test_the_board_image_has_the_columns_and_the_cards(example: Any, tmp_path: Path) -> None:
    svg = write_image(example, tmp_path / "board.svg", view="approach").read_text(encoding="utf-8")
    groups = _svg_groups(svg)
    board = approach_board(example)
    titles = [groups[f"board-column-{i}-title"][0] for i in range(len(board.columns))]
    assert titles == [column.title for column in board.columns]  # every stage a column, in order
    assert f"board-column-{len(board.columns)}" not in groups
    boxes = [groups[f"board-column-{i}"][1] for i in range(len(board.columns))]
    assert all(left[2] < right[0] for left, right in zip(boxes, boxes[1:], strict=False))  # side by side
    found = Counter()
    for i, column in enumerate(board.columns):
        left, top, right, bottom = boxes[i]
        j = 0
        while f"board-card-{i}-{j}" in groups:
            name = groups[f"board-card-{i}-{j}-name"][0]
            card = groups[f"board-card-{i}-{j}"][1]
            assert left <= card[0] and card[2] <= right and top <= card[1] and card[3] <= bottom  # in its column
            assert column.cards[j].label.startswith(name.rstrip("…"))  # its name, or the start of it
            found[column.id, column.cards[j].ref] += 1
            j += 1
        assert j == len(column.cards)
    assert found == Counter((stage, org) for stage, orgs in stage_members(example).items() for org in orgs)
    prosecution = titles.index(stage_names(example)["prosecution"])
    assert "OM" in [
        groups[f"board-card-{prosecution}-{j}-name"][0] for j in range(len(board.columns[prosecution].cards))
    ]
    arrows = [groups[f"board-arrow-{k}-label"][0] for k in range(len(board.arrows))]
    assert arrows == [arrow.label for arrow in board.arrows]
    assert "Hand-over (line):" in svg and "fragile: one link (dashed)" in svg  # the legend


def test_an_empty_column_is_drawn_open(small: Any, tmp_path: Path) -> None:
    views = [["name", "layout"], ["approach", "board"]]
    folder = write_folder(tmp_path / "v", {"organisations": ORGS, "links": LINKS, "stages": STAGES, "views": views})
    svg = write_image(load_map(folder), tmp_path / "small.svg", view="approach").read_text(encoding="utf-8")
    groups = _svg_groups(svg)
    assert groups["board-column-3-title"][0] == "Step nobody takes" and "board-card-3-0" not in groups
    column = re.search(r'<g id="board-column-3">\s*<path [^>]*style="([^"]*)"', svg).group(1)
    assert "stroke-dasharray" in column  # open: a dashed frame
    filled = re.search(r'<g id="board-column-0">\s*<path [^>]*style="([^"]*)"', svg).group(1)
    assert "stroke-dasharray" not in filled
    assert "Step nobody takes" in svg and "No organisation acts on this step" in svg
    assert write_image(load_map(folder), tmp_path / "again.svg", view="approach").read_text(encoding="utf-8") == svg


# --- the page --------------------------------------------------------------------------------


def _axe_violations(browser: Any, path: Path, step: int = 0) -> list[str] | None:
    """What axe-core finds on the page (WCAG 2.0/2.1 A and AA; a presentation at ``step``), or None when
    axe-playwright-python is missing."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        return None
    context = browser.new_context(bypass_csp=True, viewport={"width": 1920, "height": 1080})  # to inject axe
    try:
        page = context.new_page()
        page.goto(path.resolve().as_uri() + (f"#{step}" if step else ""))
        page.wait_for_function("window.network !== undefined")
        page.wait_for_timeout(300)
        options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
        found = Axe().run(page, options=options).response["violations"]
        return [f"{v['id']}: {', '.join(str(n['target']) for n in v['nodes'])}" for v in found]
    finally:
        context.close()


@pytest.fixture(scope="module")
def board_page(example: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(example, tmp_path_factory.mktemp("board") / "approach.html", view="approach")


@pytest.mark.browser
def test_the_board_page_in_chromium(open_page: Any, browser: Any, example: Any, board_page: Path) -> None:
    opened = open_page(board_page, width=1920, height=1080)
    page = opened.page
    names = stage_names(example)
    titles = page.eval_on_selector_all("#board .board-column-name", "nodes => nodes.map(n => n.textContent)")
    assert titles == [names[stage] for stage in example.stages["id"]]  # every stage column named, in order
    placed = page.eval_on_selector_all(
        "#board .board-column",
        "cs => cs.flatMap(c => [...c.querySelectorAll('.board-card')].map(b => [c.dataset.column, b.dataset.ref]))",
    )
    assert Counter(map(tuple, placed)) == Counter(
        (stage, org) for stage, orgs in stage_members(example).items() for org in orgs
    )  # a card under every stage an organisation acts on, once
    assert page.is_visible('#board [data-column="prosecution"] .board-card[data-ref="om"]')
    # the columns stand side by side, left to right, and each card inside its column
    boxes = page.eval_on_selector_all("#board .board-column", "cs => cs.map(c => c.getBoundingClientRect().toJSON())")
    assert all(a["right"] <= b["left"] + 1 for a, b in zip(boxes, boxes[1:], strict=False))
    outside = page.evaluate(
        """() => [...document.querySelectorAll('#board .board-card')].filter(card => {
            const c = card.closest('.board-column').getBoundingClientRect(), b = card.getBoundingClientRect();
            return b.left < c.left || b.right > c.right || b.width === 0; }).length"""
    )
    assert outside == 0
    # each hand-over an arrow from the middle of its first column to the middle of its last
    arrows = page.eval_on_selector_all(
        "#board .board-arrow",
        "as => as.map(a => [a.dataset.start, a.dataset.end, a.dataset.status, a.textContent.trim(),"
        " a.querySelector('.board-arrow-line').getBoundingClientRect().toJSON()])",
    )
    board = approach_board(example)
    assert [(a[0], a[1], a[2]) for a in arrows] == [(a.start, a.end, a.status) for a in board.arrows]
    middle = {column.id: (box["left"] + box["right"]) / 2 for column, box in zip(board.columns, boxes, strict=True)}
    for start, end, _, text, line in arrows:
        assert abs(line["left"] - min(middle[start], middle[end])) < 6
        assert abs(line["right"] - max(middle[start], middle[end])) < 6
        assert "→" in text  # the whole sentence is there for a screen reader
    fragile = page.locator('#board .board-arrow[data-status="fragile"] .board-arrow-line')
    assert fragile.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"  # not only a colour
    # keyboard: every card takes the focus; Enter opens the organisation's details, as on the map
    assert page.evaluate("[...document.querySelectorAll('.board-card')].every(c => c.tabIndex >= 0)")
    page.focus('#board [data-column="prosecution"] .board-card[data-ref="om"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("#info", state="visible")
    assert "Openbaar Ministerie" in page.inner_text("#info")
    chosen = page.eval_on_selector_all(
        ".board-card.is-chosen", "cs => cs.map(c => c.closest('section').dataset.column)"
    )
    assert chosen == ["investigation", "prosecution"]  # every card of the OM is marked
    page.keyboard.press("Escape")
    assert page.is_hidden("#info") and page.locator(".board-card.is-chosen").count() == 0
    # the legend's sector filter hides the cards of that sector
    page.uncheck('input[data-filter="sector"][value="justice"]')
    assert page.is_hidden('#board [data-column="prosecution"] .board-card[data-ref="om"]')
    page.check('input[data-filter="sector"][value="justice"]')
    # the network is one button away, and back
    assert page.evaluate("getComputedStyle(document.getElementById('network')).visibility") == "hidden"
    page.click("#board-toggle")
    assert page.is_hidden("#board-stage") and page.inner_text("#board-toggle") == "Show the board"
    assert page.evaluate("getComputedStyle(document.getElementById('network')).visibility") == "visible"
    page.click("#board-toggle")
    assert page.is_visible("#board-stage")
    # printed: the board, not the network
    page.emulate_media(media="print")
    assert page.is_visible("#board .board-column") and page.is_hidden("#network") and page.is_hidden("#board-toggle")
    page.wait_for_timeout(200)
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []
    found = _axe_violations(browser, board_page)
    if found is not None:  # axe-playwright-python installed: nothing to find
        assert found == []


@pytest.mark.browser
def test_the_board_shows_hostile_text_as_text(open_page: Any, tmp_path: Path) -> None:
    folder = write_payload_map(tmp_path / "payloads")
    stages = [["id", "name", "hands_over_to"], ["s1", f"Stage {PAYLOADS[1]}", "s2"], ["s2", PAYLOADS[0], ""]]
    write_folder(folder, {"stages": stages, "views": [["name", "layout"], ["approach", "board"]]})
    with open(folder / "organisations.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    write_csv(folder / "organisations.csv", [rows[0] + ["stages"]] + [row + ["s1|s2"] for row in rows[1:]])
    path = write_html(load_map(folder), tmp_path / "board.html", view="approach")
    source = path.read_text(encoding="utf-8")
    for payload in PAYLOADS:
        assert payload not in source
    opened = open_page(path)
    shown = opened.page.inner_text("#board")
    assert f"Stage {PAYLOADS[1]}" in shown and PAYLOADS[0] in shown
    assert f"P0{PAYLOADS[0]}" in shown and f"P2{PAYLOADS[2]}" in shown  # the cards' names
    opened.page.click('.board-card[data-ref="p1"]')
    assert f"Org 1 {PAYLOADS[1]}" in opened.page.inner_text("#info")
    opened.page.wait_for_timeout(300)
    assert opened.dialogs == [] and opened.requests == [] and opened.errors == []


# --- the deck --------------------------------------------------------------------------------


@pytest.mark.browser
def test_a_deck_step_shows_the_board(open_page: Any, browser: Any, example: Any, tmp_path: Path) -> None:
    steps = presentation_steps(example)
    index = [step["board"] for step in steps].index(True)
    deck = write_presentation(example, tmp_path / "deck.html")
    opened = open_page(deck, width=1920, height=1080)
    page = opened.page
    boards = page.locator(".deck-board")
    assert boards.count() == 2 and boards.nth(0).is_hidden() and boards.nth(1).is_hidden()
    page.keyboard.press("End")  # the last step: the barrier model of a map with a Script
    assert page.inner_text("#step-title") == steps[-1]["title"] == "The barrier model"
    barriers = page.locator(f'.deck-board[data-step="{len(steps) - 1}"]')
    assert barriers.is_visible() and barriers.locator('.board-card[data-kind="barrier"]').count() > 20
    barriers.locator('.board-card[data-ref="key-player-targeting"]').click()
    page.wait_for_selector("#info", state="visible")
    assert page.inner_text("#info-body").startswith("Priority for forum key players and facilitators")
    page.keyboard.press("Escape")
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#step-title") == steps[index]["title"] == "The approach, step by step"
    board = page.locator(f'.deck-board[data-step="{index}"]')
    assert board.is_visible()
    assert page.evaluate("getComputedStyle(document.getElementById('network')).visibility") == "hidden"
    assert board.locator('[data-column="prosecution"] .board-card[data-ref="om"]').is_visible()
    titles = board.locator(".board-column-name").all_inner_texts()
    assert titles == [stage_names(example)[stage] for stage in example.stages["id"]]
    stage = page.locator(".deck-stage").bounding_box()
    drawn = board.locator(".board").bounding_box()
    assert drawn["y"] + drawn["height"] <= stage["y"] + stage["height"] + 1  # the whole board in the frame
    assert drawn["x"] + drawn["width"] <= stage["x"] + stage["width"] + 1
    board.locator('[data-column="prosecution"] .board-card[data-ref="om"]').click()
    page.wait_for_selector("#info", state="visible")
    assert "Openbaar Ministerie" in page.inner_text("#info")
    page.keyboard.press("Escape")
    page.keyboard.press("ArrowLeft")  # back to the network
    assert boards.nth(0).is_hidden() and boards.nth(1).is_hidden()
    assert page.evaluate("getComputedStyle(document.getElementById('network')).visibility") == "visible"
    page.wait_for_timeout(200)
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []
    found = _axe_violations(browser, deck, step=index + 1)  # the board step
    if found is not None:  # axe-playwright-python installed: nothing to find
        assert found == []
