"""PARTNER trust and value, and a merged map's confirmations: validation, analysis, views, audience, dates, diff."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_folder
from svg_geometry import read_svg

from stakeholders import analyse, analysis_tables, as_of, diff_maps, for_audience, load_map, write_html, write_image
from stakeholders.cli import cli
from stakeholders.views import RATING_COLOURS, find_view, view_display

ORGS = [["id", "name", "sector"], ["a", "Alfa", "police"], ["b", "Beta", "justice"], ["c", "Gamma", "care"]]
LINKS = [
    [
        "source",
        "target",
        "kind",
        "vertrouwen",
        "waarde",
        "trust from source",
        "trust from target",
        "reported by",
        "reports",
        "bevestiging",
        "since",
    ],
    ["a", "b", "referral", "", "", "4", "2", "Alfa|Beta", "2", "bevestigd", "2020"],
    ["a", "c", "referral", "3", "1", "", "", "Alfa", "1", "eenzijdig", "2023"],
    ["b", "c", "information-sharing", "", "4", "", "", "", "", "", ""],
]


@pytest.fixture
def scored(tmp_path: Path) -> Path:
    views = [["name", "colour_by", "size_by"], ["trusted", "vertrouwen", "value"]]
    settings = [["key", "value"], ["restricted_fields", "trust|source_trust|target_trust|reported_by"]]
    return write_folder(tmp_path / "scored", {"organisations": ORGS, "links": LINKS, "views": views, "map": settings})


def test_scores_read_from_dutch_headers(scored):
    links = load_map(scored, audience="internal").records("links")
    assert [(r["trust"], r["value"], r["source_trust"], r["target_trust"]) for r in links] == [
        (None, None, 4, 2),
        (3, 1, None, None),
        (None, 4, None, None),
    ]
    assert [r["confirmation"] for r in links] == ["confirmed", "one-sided", ""]
    assert links[0]["reported_by"] == ["Alfa", "Beta"] and links[0]["reports"] == 2


@pytest.mark.parametrize("score", ["5", "0", "high", "2.5"])
def test_a_score_out_of_range_is_one_clear_line(tmp_path, score):
    links = [["source", "target", "trust"], ["a", "b", score]]
    source = write_folder(tmp_path / "bad", {"organisations": ORGS, "links": links})
    result = CliRunner().invoke(cli, ["validate", str(source)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"links.csv, row 2, column trust: '{score}' is not a score: use a whole number from 1 to 4" in result.output


def test_analysis_gives_averages_as_partners_see_them_and_the_confirmations(scored):
    result = analyse(load_map(scored, audience="internal"))
    scores = result.scores.set_index("id")
    # a: b gives it 2 (target of a>b), c gives it 3 (plain score of a-c counts for both ends)
    assert scores.loc["a", "trust"] == 2.5 and scores.loc["a", "trust_scores"] == 2
    assert scores.loc["b", "trust"] == 4.0 and scores.loc["c", "trust"] == 3.0
    assert scores.loc["c", "value"] == 2.5 and scores.loc["b", "value"] == 4.0
    assert result.network_scores == {"trust": 3.0, "trust_scores": 3, "value": 2.5, "value_scores": 2}
    confirmed = result.confirmations.set_index("id")
    assert confirmed.loc["a"].tolist() == [2, 1, 1, 0.5]
    assert confirmed.loc["b"].tolist() == [1, 1, 0, 1.0] and confirmed.loc["c"].tolist() == [1, 0, 1, 0.0]
    tables = {table.id: table for table in analysis_tables(result, "nl")}
    people = [[cell.text for cell in row] for row in tables["partner-scores"].people_rows]
    assert people[-1] == ["Het hele netwerk", "3,0", "3", "2,5", "2"]
    assert tables["partner-scores"].title == "Vertrouwen en waarde volgens partners"
    assert [c.label for c in tables["confirmation"].people_columns][-1] == "Deel bevestigd"
    english = {table.id: table for table in analysis_tables(result, "en")}
    assert english["confirmation"].title == "Confirmed by partners"
    assert english["confirmation"].program_rows[0] == ("a", "a", 2, 1, 1, 0.5)


def test_a_map_without_scores_or_confirmations_has_no_such_tables(small_folder):
    result = analyse(load_map(small_folder))
    tables = {table.id: table for table in analysis_tables(result)}
    assert not tables["confirmation"].for_people and not tables["partner-scores"].for_people
    text = CliRunner().invoke(cli, ["analyse", str(small_folder)]).output
    assert "Confirmed by partners" not in text and "as partners see them" not in text


def test_analyse_command_shows_the_tables(scored):
    text = CliRunner().invoke(cli, ["analyse", str(scored), "--audience", "internal"]).output
    assert "Confirmed by partners" in text and "Trust and value as partners see them" in text


def test_a_view_colours_and_sizes_by_average_trust_and_value(scored):
    m = load_map(scored, audience="internal")
    display = view_display(m, find_view(m, "trusted"), lang="nl")
    highlight = display["highlight"]
    assert highlight["by_id"] == {"a": "3", "b": "4", "c": "3"}  # 2.5 rounds up
    assert [(v["id"], v["label"]) for v in highlight["values"]] == [("3", "3"), ("4", "4")]
    assert highlight["title"] == "Gemiddeld vertrouwen volgens partners (1–4)"
    sizes = display["sizes"]
    assert (sizes["b"], sizes["a"]) == (40.0, 25.0)  # value: b 4, a 1 (the square root of a quarter)


def test_the_audience_cut_hides_the_new_fields(scored):
    public = for_audience(load_map(scored, audience="internal"), "public")
    records = public.records("links")
    assert all(r["trust"] is None and r["source_trust"] is None and r["reported_by"] == [] for r in records)
    assert [r["value"] for r in records] == [None, 1, 4]  # not named: still shown
    analysed = analyse(public)
    assert analysed.network_scores["trust_scores"] == 0 and analysed.network_scores["value_scores"] == 2


def test_as_of_and_diff_cover_scores_and_confirmations(scored, tmp_path):
    m = load_map(scored, audience="internal")
    then = as_of(m, "2021")
    assert [(r["source"], r["target"], r["source_trust"]) for r in then.records("links")] == [
        ("a", "b", 4),
        ("b", "c", None),
    ]
    links = [row[:] for row in LINKS]
    links[1][6], links[1][9] = "3", "eenzijdig"  # b now trusts a less, and a's link is one-sided
    links[3][4] = "2"
    newer = write_folder(tmp_path / "newer", {"organisations": ORGS, "links": links})
    changes = {c.key: c.details for c in diff_maps(m, load_map(newer, audience="internal")).changes}
    assert changes["a → b (referral)"] == ("target_trust: 2 → 3", "confirmation: confirmed → one-sided")
    assert changes["b → c (information-sharing)"] == ("value: 4 → 2",)


def test_an_image_names_one_sided_links_in_its_legend(scored, tmp_path):
    m = load_map(scored, audience="internal")
    texts = read_svg(write_image(m, tmp_path / "m.svg", lang="nl").read_text(encoding="utf-8")).texts
    assert "door één kant gemeld" in texts
    confirmed_only = m.links[m.links["confirmation"] != "one-sided"].reset_index(drop=True)
    texts = read_svg(write_image(replace(m, links=confirmed_only), tmp_path / "c.svg").read_text("utf-8")).texts
    assert "reported by one end only" not in texts


@pytest.mark.browser
def test_the_page_colours_by_average_trust_with_a_legend(scored, tmp_path, open_page):
    m = load_map(scored, audience="internal")
    page = open_page(write_html(m, tmp_path / "trusted.html", view="trusted", lang="nl")).page
    fills = page.evaluate(
        "() => Object.fromEntries(window.network.body.data.nodes.get().map(n => [n.id, n.color.background]))"
    )
    assert fills == {"a": RATING_COLOURS[2], "b": RATING_COLOURS[3], "c": RATING_COLOURS[2]}
    assert "Gemiddeld vertrouwen volgens partners (1–4)" in page.inner_text("#legend")


def test_a_score_out_of_range_in_dutch(tmp_path):
    source = write_folder(
        tmp_path / "nl", {"organisations": ORGS, "links": [["van", "naar", "waarde"], ["a", "b", "7"]]}
    )
    result = CliRunner().invoke(cli, ["validate", str(source), "--lang", "nl"])
    assert result.exit_code == 1
    assert "kolom waarde: '7' is geen score: gebruik een heel getal van 1 tot en met 4" in result.output
