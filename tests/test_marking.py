"""Outputs made for partners or internal readers say so on every page, printed page, slide and image; public ones
carry no marking (issue #16, item 9). Images and the .pptx deck are checked in test_images and test_slides."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from stakeholders import (
    analyse,
    diff_maps,
    example_path,
    load_map,
    presentation_html,
    report_html,
    to_html,
    write_html,
    write_presentation,
    write_report,
)
from stakeholders.i18n import audience_marking
from stakeholders.pages import diff_html, live_map_html, waiting_html
from stakeholders.serve import LiveMap

WORDINGS = {
    ("internal", "en"): "INTERNAL — do not distribute",
    ("internal", "nl"): "INTERN — niet verspreiden",
    ("partners", "en"): "PARTNERS — share with partners only",
    ("partners", "nl"): "PARTNERS — alleen delen met partners",
}
BAND = re.compile(r'<p class="audience-marking" id="audience-marking" role="note">([^<]*)</p>')


def pages(audience: str, lang: str) -> dict[str, str]:
    """Every page type for ``audience`` in ``lang``."""
    m = load_map(example_path(), audience=audience)
    then = load_map(example_path(), audience=audience, as_of="2015")
    return {
        "map": to_html(m, lang=lang),
        "view": to_html(m, lang=lang, view="national-justice"),
        "report": report_html(analyse(m, today=date(2026, 12, 7)), lang=lang),
        "deck": presentation_html(m, lang=lang),
        "diff": diff_html(diff_maps(then, m), old_label="2015", new_label="now", lang=lang),
        "live": live_map_html(m, version=1, lang=lang),
        "waiting": waiting_html("Waiting", "…", audience=audience, lang=lang),
    }


def test_the_wording_lives_in_i18n() -> None:
    for (audience, lang), wording in WORDINGS.items():
        assert audience_marking(audience, lang) == wording
    assert audience_marking("public", "en") == audience_marking("public", "nl") == ""


@pytest.mark.parametrize(("audience", "lang"), list(WORDINGS))
def test_every_page_type_carries_the_marking(audience: str, lang: str) -> None:
    wording = WORDINGS[(audience, lang)]
    for name, page in pages(audience, lang).items():
        assert BAND.findall(page) == [wording], name
        assert f"marked marked-{audience}" in page, name
        assert "@top-center" in page and wording.split(" — ")[0] in page.split("@top-center", 1)[1][:200], name


def test_public_pages_carry_none() -> None:
    for name, page in pages("public", "en").items():
        assert "audience-marking" not in page and "@top-center" not in page and "marked-" not in page, name
        assert not any(wording in page for wording in WORDINGS.values()), name


def test_serve_waiting_page_is_marked_for_its_audience(tmp_path: Path) -> None:
    live = LiveMap(tmp_path / "missing.xlsx", audience="internal")
    assert BAND.findall(live.waiting_page()) == ["INTERNAL — do not distribute"]
    assert "audience-marking" not in LiveMap(tmp_path / "missing.xlsx").waiting_page()


@pytest.mark.browser
def test_marking_is_seen_on_screen_on_every_step_and_every_printed_page(open_page: object, tmp_path: Path) -> None:
    internal = load_map(example_path(), audience="internal")
    deck = open_page(write_presentation(internal, tmp_path / "deck.html"), width=1920, height=1080)
    page = deck.page
    steps = page.evaluate("window.stakeholdersMap.presentation.steps.length")
    for step in range(steps):
        band = page.locator("#audience-marking")
        box = band.bounding_box()
        assert band.is_visible() and band.inner_text() == "INTERNAL — do not distribute"
        assert box["y"] == 0 and box["height"] >= 24 and box["width"] == 1920
        colour = page.evaluate("getComputedStyle(document.getElementById('audience-marking')).backgroundColor")
        assert colour == "rgb(178, 24, 43)"
        # the deck still fits the screen below the band: no scrolling, the controls on screen
        assert page.evaluate("document.documentElement.scrollHeight") <= 1080
        assert page.locator("#next-step").bounding_box()["y"] + 20 < 1080
        if step < steps - 1:
            page.keyboard.press("ArrowRight")
            expect(page.locator("#step-counter")).to_have_text(f"Step {step + 2} of {steps}")
    for audience in ("partners", "public"):
        m = load_map(example_path(), audience=audience)
        shown = open_page(write_html(m, tmp_path / f"{audience}-map.html"), width=1920, height=1080).page
        band = shown.locator("#audience-marking")
        assert band.count() == (audience == "partners")
        if audience == "partners":
            assert band.inner_text() == "PARTNERS — share with partners only" and band.bounding_box()["y"] == 0
            assert shown.evaluate("getComputedStyle(document.getElementById('audience-marking')).backgroundColor") == (
                "rgb(92, 60, 146)"
            )
        # the map fills the window below the band, without scrolling
        canvas = shown.locator("#network").bounding_box()
        assert canvas["height"] > 700 and canvas["y"] + canvas["height"] <= 1080
        assert shown.evaluate("document.scrollingElement.scrollTop === 0 && document.body.scrollHeight") <= 1080 + 2
    for audience in ("internal", "public"):
        m = load_map(example_path(), audience=audience)
        report = open_page(write_report(analyse(m, today=date(2026, 12, 7)), tmp_path / f"{audience}.html")).page
        pdf = tmp_path / f"{audience}.pdf"
        report.pdf(path=str(pdf), format="A4")
        printed = [sheet.extract_text() for sheet in PdfReader(pdf).pages]
        assert len(printed) >= 4
        marked = [text.count("INTERNAL — do not distribute") for text in printed]
        if audience == "internal":
            assert all(count >= 1 for count in marked), marked  # in the top margin of every page
            assert marked[0] == 2  # and the band at the top of the first
        else:
            assert not any(marked) and not any("INTERN" in text for text in printed)


@pytest.mark.browser
@pytest.mark.parametrize("audience", ["internal", "partners"])
def test_marked_pages_stay_accessible(browser: object, tmp_path: Path, audience: str) -> None:
    """axe-core (WCAG 2.0/2.1 A and AA, as in test_accessibility) finds nothing on marked pages either."""
    from test_accessibility import WCAG_TAGS, violations

    m = load_map(example_path(), audience=audience)
    context = browser.new_context(bypass_csp=True, viewport={"width": 1400, "height": 900})  # to inject axe
    try:
        page = context.new_page()
        for path in (write_html(m, tmp_path / "map.html", lang="nl"), write_presentation(m, tmp_path / "deck.html")):
            page.goto(path.resolve().as_uri())
            page.wait_for_function("window.network !== undefined && window.stakeholdersMap !== undefined")
            assert page.locator("#audience-marking").is_visible()
            assert violations(page, _wcag_rules(page, WCAG_TAGS)) == []
    finally:
        context.close()


def _wcag_rules(page: object, tags: list[str]) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(Axe().axe_script)
    return page.evaluate("tags => axe.getRules(tags).map(rule => rule.ruleId)", tags)
