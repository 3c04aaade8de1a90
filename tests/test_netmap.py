"""Net-Map: influence and stance towards the map's goal, read, checked, analysed, cut, compared and drawn.

The maps here are made up for the tests (never the example in graphs/, which holds only documented facts).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PAYLOADS, write_folder, write_json, write_workbook

from stakeholders import analyse, analysis_tables, check_source, diff_maps, export_map, load_map, write_report
from stakeholders.analysis.netmap import boundary_spanners, influence_stance, well_connected_from
from stakeholders.cli import cli
from stakeholders.images import picture
from stakeholders.images._netmap import TOWER_PX
from stakeholders.pages import presentation_steps
from stakeholders.views import find_view, presentation, view_display

ORGS = [
    ["id", "name", "sector", "influence", "stance"],
    ["pol", "Police", "police", "9", "supports"],
    ["om", "Prosecution", "justice", "8", "opposes"],
    ["care", "Care", "care", "2", "neutral"],
    ["ngo", "NGO", "ngo", "", "mixed"],
    ["res", "Research", "research", "5", ""],
    ["gov", "Ministry", "government", "", ""],
]
LINKS = [
    ["source", "target", "kind"],
    ["pol", "om", "referral"],
    ["pol", "care", "referral"],
    ["pol", "ngo", "funding"],
    ["care", "ngo", "referral"],
    ["gov", "pol", "funding"],
    ["res", "gov", "research"],
]
SETTINGS = [["key", "value"], ["title", "Net-Map test"], ["goal", "Fewer victims"]]
VIEWS = [["name", "title", "step", "sector"], ["police", "The police", "1", "police"]]
TOWER_COLOUR = (0x5C, 0x3C, 0x92)


def netmap_folder(tmp_path: Path, orgs: list[list[Any]] = ORGS, **more: list[list[Any]]) -> Path:
    tables = {"organisations": orgs, "links": LINKS, "map": SETTINGS, **more}
    return write_folder(tmp_path / "netmap", tables)


# --- reading and checking -----------------------------------------------------------------------


def test_influence_and_stance_messages_word_for_word(tmp_path: Path) -> None:
    orgs = [
        ["id", "name", "influence", "stance"],
        ["a", "A", "11", "maybe"],
        ["b", "B", "2.5", ""],
        ["c", "C", "-1", "supprts"],
        ["d", "D", "lots", "tegen"],
    ]
    found = [str(p) for p in check_source(write_folder(tmp_path / "m", {"organisations": orgs, "links": LINKS[:1]}))]
    assert found == [
        "organisations.csv, row 2, column influence: '11' is not an influence: use a whole number from 0 to 10",
        "organisations.csv, row 2, column stance: 'maybe' is not a stance: use one of supports, neutral, opposes, "
        "mixed",
        "organisations.csv, row 3, column influence: '2.5' is not an influence: use a whole number from 0 to 10",
        "organisations.csv, row 4, column influence: '-1' is not an influence: use a whole number from 0 to 10",
        "organisations.csv, row 4, column stance: 'supprts' is not a stance (did you mean 'supports'?): use one of "
        "supports, neutral, opposes, mixed",
        "organisations.csv, row 5, column influence: 'lots' is not an influence: use a whole number from 0 to 10",
    ]


def test_the_cli_refuses_a_bad_influence_in_one_line(tmp_path: Path, runner: CliRunner) -> None:
    source = write_folder(tmp_path / "m", {"organisations": [["id", "name", "invloed"], ["a", "A", "12"]]})
    result = runner.invoke(cli, ["map", str(source), "-o", str(tmp_path / "map.html")])
    assert result.exit_code != 0
    assert "organisations.csv, row 2, column invloed: '12' is not an influence" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "map.html").exists()


def test_workbook_and_json_messages_name_where(tmp_path: Path) -> None:
    orgs = [["id", "name", "influence"], ["a", "A", "99"]]
    book = write_workbook(tmp_path / "m.xlsx", {"Organisations": orgs, "Links": [["source", "target"]]})
    data = write_json(tmp_path / "m.json", {"organisations": orgs, "links": [["source", "target"]]})
    assert [str(p) for p in check_source(book)] == [
        "m.xlsx, sheet Organisations, row 2, column influence: '99' is not an influence: "
        "use a whole number from 0 to 10"
    ]
    assert [str(p) for p in check_source(data)] == [
        "m.json, section organisations, item 1, field influence: '99' is not an influence: "
        "use a whole number from 0 to 10"
    ]


def test_dutch_headers_terms_and_goal(tmp_path: Path) -> None:
    orgs = [
        ["id", "naam", "invloed", "standpunt"],
        ["a", "A", "0", "steunt"],
        ["b", "B", "10", "verzet"],
        ["c", "C", "7", "neutraal"],
        ["d", "D", "", "gemengd"],
        ["e", "E", "3", "voor"],
    ]
    m = load_map(
        write_folder(
            tmp_path / "m", {"organisations": orgs, "links": LINKS[:1], "kaart": [["doel", "Minder slachtoffers"]]}
        )
    )
    assert [(o["influence"], o["stance"]) for o in m.records("organisations")] == [
        (0, "supports"),
        (10, "opposes"),
        (7, "neutral"),
        (None, "mixed"),
        (3, "supports"),
    ]
    assert m.settings.goal == "Minder slachtoffers"


@pytest.mark.parametrize("name", ["map.xlsx", "csv", "map.gexf", "map.graphml", "map.cyjs", "kumu.xlsx"])
def test_exports_keep_influence_stance_and_goal(tmp_path: Path, name: str) -> None:
    m = load_map(netmap_folder(tmp_path))
    back = load_map(export_map(m, tmp_path / name, kumu=name.startswith("kumu")))
    fields = [(o["id"], o["influence"], o["stance"]) for o in m.records("organisations")]
    assert [(o["id"], o.get("influence"), o.get("stance")) for o in back.records("organisations")] == fields
    assert back.settings.goal == "Fewer victims"


# --- the analysis -------------------------------------------------------------------------------


def test_thresholds_of_influence_stance() -> None:
    import pandas as pd

    orgs = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e", "f", "g", "h"],
            "influence": pd.array([7, 6, 10, 3, 4, 3, 8, None], dtype="Int64"),
            "stance": ["opposes", "opposes", "supports", "", "", "supports", "mixed", "opposes"],
        }
    )
    partners = {"a": 1, "b": 1, "c": 1, "d": 5, "e": 5, "f": 1, "g": 0, "h": 9}
    rows = influence_stance(orgs, partners)
    # 7 is influential, 6 is not; 3 is little, 4 is not; well connected: the top quarter (5 or more partners)
    assert [(r["id"], r["action"]) for r in rows] == [
        ("a", "engage"),
        ("c", "enlist"),
        ("g", "win-over"),
        ("d", "strengthen"),
    ]
    assert well_connected_from(partners.values()) == 5


def test_boundary_spanners_on_a_known_map(tmp_path: Path) -> None:
    m = load_map(netmap_folder(tmp_path))
    found = {r["id"]: (r["other_sectors"], r["cross_links"], r["links"]) for r in boundary_spanners(m.graph)}
    assert found == {
        "pol": (["care", "government", "justice", "ngo"], 4, 4),
        "care": (["ngo", "police"], 2, 2),
        "ngo": (["care", "police"], 2, 2),
        "gov": (["police", "research"], 2, 2),
    }
    assert [r["id"] for r in boundary_spanners(m.graph)][0] == "pol"


def test_analysis_tables_in_both_languages(tmp_path: Path) -> None:
    result = analyse(load_map(netmap_folder(tmp_path)))
    tables = {t.id: t for t in analysis_tables(result, "en")}
    influence = tables["influence-stance"]
    assert [row[-1].value for row in influence.rows] == ["engage", "enlist", "strengthen"]
    assert [[cell.text for cell in row] for row in influence.people_rows] == [
        ["Prosecution", "8", "opposes", "1", "engage (influential opponent)"],
        ["Police", "9", "supports", "4", "enlist (influential supporter)"],
        ["Care", "2", "neutral", "2", "strengthen (well connected, little influence)"],
    ]
    assert influence.note.endswith("The goal: Fewer victims")
    spanners = tables["spanners"]
    assert spanners.people_rows[0][0].text == "Police" and spanners.people_rows[0][-1].text == "100% (4/4)"
    dutch = {t.id: t for t in analysis_tables(result, "nl")}
    assert dutch["influence-stance"].title == "Invloed en standpunt"
    assert [row[-1].text for row in dutch["influence-stance"].people_rows][0] == "betrekken (invloedrijke tegenstander)"
    assert dutch["spanners"].title == "Bruggenbouwers tussen sectoren"


def test_analyse_cli_csv_and_a_map_without_scores(tmp_path: Path, runner: CliRunner, small_folder: Path) -> None:
    result = runner.invoke(
        cli, ["analyse", str(netmap_folder(tmp_path)), "--format", "csv", "--table", "influence-stance"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "id,name,influence,stance,partners,action"
    assert "om,Prosecution,8,opposes,1,engage" in result.output
    plain = runner.invoke(cli, ["analyse", str(small_folder)])
    assert "Influence and stance" not in plain.output  # no scores, no table


def test_the_report_has_both_sections_and_shows_a_hostile_goal_as_text(tmp_path: Path) -> None:
    payload = PAYLOADS[1]
    settings = [["key", "value"], ["title", "T"], ["goal", payload]]
    folder = write_folder(tmp_path / "m", {"organisations": ORGS, "links": LINKS, "map": settings})
    page = write_report(analyse(load_map(folder)), tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Influence and stance" in page and "Boundary spanners" in page
    assert payload not in page and "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- time and audience --------------------------------------------------------------------------


def test_diff_lists_influence_and_stance_changes(tmp_path: Path, runner: CliRunner) -> None:
    old = netmap_folder(tmp_path / "old")
    later = [row[:] for row in ORGS]
    later[1][3], later[3][4], later[5][3] = "6", "supports", "4"  # pol 9 → 6, care neutral → supports, res 5 → 4
    new = netmap_folder(tmp_path / "new", later)
    changes = {c.key: c.details for c in diff_maps(load_map(old), load_map(new)).changes}
    assert changes == {
        "pol": ("influence: 9 → 6",),
        "care": ("stance: neutral → supports",),
        "res": ("influence: 5 → 4",),
    }
    result = runner.invoke(cli, ["diff", str(old), str(new), "--format", "csv"])
    assert result.exit_code == 0 and "influence: 9 → 6" in result.output


def test_as_of_keeps_the_scores_of_what_stands(tmp_path: Path, runner: CliRunner) -> None:
    orgs = [row + [since] for row, since in zip(ORGS, ["since", "2020", "2020", "2024", "", "", ""], strict=True)]
    folder = netmap_folder(tmp_path, orgs)
    m = load_map(folder, as_of="2022")
    assert [(o["id"], o["influence"]) for o in m.records("organisations")][:2] == [("pol", 9), ("om", 8)]
    shown = view_display(m, find_view(m, "netmap"))["netmap"]
    assert "care" not in shown["scores"] and shown["scores"]["pol"] == {"influence": 9, "stance": "supports"}


@pytest.mark.parametrize(
    ("setting", "audience", "kept"),
    [
        ("restricted_fields", "partners", False),
        ("restricted_fields", "internal", True),
        ("partners_fields", "public", False),
        ("partners_fields", "partners", True),
    ],
)
def test_the_audience_cut_can_hide_the_scores(tmp_path: Path, setting: str, audience: str, kept: bool) -> None:
    settings = [*SETTINGS, [setting, "invloed|stance"]]
    m = load_map(
        write_folder(tmp_path / "m", {"organisations": ORGS, "links": LINKS, "map": settings}), audience=audience
    )
    values = {(o["influence"], o["stance"]) for o in m.records("organisations")}
    assert (values != {(None, "")}) is kept
    display = view_display(m, find_view(m, "netmap"))["netmap"]
    assert bool(display["scores"]) is kept
    tables = {t.id: t for t in analysis_tables(analyse(m))}
    assert tables["influence-stance"].for_people is kept
    assert any(view.name == "netmap" for view in presentation(m)) is kept


# --- the view in images and in a deck ----------------------------------------------------------


def test_netmap_view_display_and_its_words(tmp_path: Path) -> None:
    m = load_map(netmap_folder(tmp_path))
    display = view_display(m, find_view(m, "netmap"), lang="nl")
    assert display["caption"]["title"] == "Invloed en standpunt"
    netmap = display["netmap"]
    assert sorted(netmap["scores"]) == ["care", "ngo", "om", "pol", "res"]
    assert [(mark["id"], mark["symbol"], mark["label"]) for mark in netmap["marks"]] == [
        ("supports", "+", "steunt"),
        ("neutral", "=", "neutraal"),
        ("opposes", "\u2212", "tegen"),
        ("mixed", "\u00b1", "gemengd"),
    ]
    assert netmap["unscored"] == {"influence": 2, "stance": 2}
    assert netmap["words"]["no_influence"] == "2 zonder invloedsscore"
    assert netmap["words"]["goal"] == "Ten opzichte van het doel: Fewer victims"


def test_a_view_of_the_maps_own_called_netmap_wins(tmp_path: Path) -> None:
    views = [["name", "sector"], ["netmap", "police"]]
    m = load_map(netmap_folder(tmp_path, views=views))
    assert find_view(m, "netmap").overlay == "" and find_view(m, "netmap").sector == ("police",)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_image_of_the_netmap_view(tmp_path: Path, lang: str) -> None:
    m = load_map(netmap_folder(tmp_path))
    display = view_display(m, find_view(m, "netmap"), lang=lang)
    data, drawing = picture(display["map"], fmt="svg", display=display, lang=lang)
    svg = data.decode("utf-8")
    towers = {s.org: s for s in drawing.netmap if s.kind == "tower"}
    marks = {s.org: s.value for s in drawing.netmap if s.kind == "mark"}
    assert sorted(towers) == ["care", "om", "pol", "res"] and marks == {
        "pol": "supports",
        "om": "opposes",
        "care": "neutral",
        "ngo": "mixed",
    }
    full = TOWER_PX  # at 1920×1080 the unit is 1
    for org, influence in (("pol", 9), ("om", 8), ("care", 2), ("res", 5)):
        assert towers[org].height == pytest.approx(full * influence / 10)
        x0, y0, x1, y1 = towers[org].box
        node = next(n for n in drawing.nodes if n.id == org)
        assert x0 > node.x and y1 == pytest.approx(node.y + node.radius - 1.5)  # to its right, foot at its bottom
    assert len(re.findall(r'id="netmap-tower-\d+-frame"', svg)) == 4
    assert len(re.findall(r'id="netmap-tower-\d+-fill"', svg)) == 4
    assert len(re.findall(r'id="netmap-mark-\d+-symbol"', svg)) == 4
    assert 'id="legend-tower-frame"' in svg and 'id="legend-tower-fill"' in svg
    words = ("2 without an influence score", "2 without a stance") if lang == "en" else ("2 zonder invloedsscore",)
    for text in words:
        assert text in svg
    for symbol in ("+", "=", "\u2212", "\u00b1"):
        assert f">{symbol}<" in svg


def test_image_command_and_a_map_without_scores(tmp_path: Path, runner: CliRunner, small_folder: Path) -> None:
    out = tmp_path / "netmap.svg"
    result = runner.invoke(cli, ["image", str(netmap_folder(tmp_path)), "-o", str(out), "--view", "netmap"])
    assert result.exit_code == 0, result.output
    assert "Net-Map test — Influence and stance" in out.read_text(encoding="utf-8")
    plain = tmp_path / "plain.svg"
    assert runner.invoke(cli, ["image", str(small_folder), "-o", str(plain), "--view", "netmap"]).exit_code == 0
    svg = plain.read_text(encoding="utf-8")
    assert "netmap-tower" not in svg and "netmap-mark" not in svg and "4 without an influence score" in svg


def test_the_presentation_ends_with_the_netmap_step(tmp_path: Path, small_folder: Path) -> None:
    m = load_map(netmap_folder(tmp_path, views=VIEWS))
    steps = presentation_steps(m, lang="nl")
    assert [(s["view"], s["title"], s["netmap"]) for s in steps] == [
        ("police", "The police", False),
        ("netmap", "Invloed en standpunt", True),
    ]
    assert all(view.name != "netmap" for view in presentation(load_map(small_folder)))


def test_a_pptx_deck_has_the_netmap_step(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "deck.pptx"
    result = runner.invoke(cli, ["present", str(netmap_folder(tmp_path, views=VIEWS)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    from pptx import Presentation

    titles = [shape.text for slide in Presentation(str(out)).slides for shape in slide.shapes if shape.has_text_frame]
    assert any("Influence and stance" in title for title in titles)


# --- in Chromium --------------------------------------------------------------------------------


def _tower_pixels(page: Any) -> int:
    """How many pixels of the map's canvas have the towers' colour exactly."""
    return page.evaluate(
        """([r, g, b]) => { const c = document.querySelector('#network canvas');
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
             for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) n++;
             return n; }""",
        list(TOWER_COLOUR),
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_netmap_view_page_in_chromium(open_page: Any, tmp_path: Path, runner: CliRunner, lang: str) -> None:
    folder = netmap_folder(tmp_path)
    out, plain = tmp_path / "netmap.html", tmp_path / "plain.html"
    assert runner.invoke(cli, ["map", str(folder), "-o", str(out), "--view", "netmap", "--lang", lang]).exit_code == 0
    assert runner.invoke(cli, ["map", str(folder), "-o", str(plain)]).exit_code == 0
    opened = open_page(out)
    page = opened.page
    page.wait_for_function("window.stakeholdersNetmap && window.stakeholdersNetmap.drawn.towers.length > 0")
    drawn = page.evaluate("window.stakeholdersNetmap.drawn")
    assert {t["id"]: (t["influence"], t["height"]) for t in drawn["towers"]} == {
        "pol": (9, 45),
        "om": (8, 40),
        "care": (2, 10),
        "res": (5, 25),
    }
    assert {m["id"]: m["symbol"] for m in drawn["marks"]} == {"pol": "+", "om": "\u2212", "care": "=", "ngo": "\u00b1"}
    legend = page.inner_text("#legend-netmap")
    expected = ("2 without an influence score", "opposes") if lang == "en" else ("2 zonder invloedsscore", "tegen")
    assert all(text in legend for text in expected)
    assert _tower_pixels(page) > 200  # the towers are on the canvas
    page.evaluate("window.stakeholdersPage.showOrganisation('om')")  # the info panel names the stance
    info = page.inner_text("#info")
    assert ("opposes" if lang == "en" else "tegen") in info and "8" in info
    page.click("#toggle-table")  # the text alternative: influence and stance as columns
    header = page.inner_text("#organisations-table thead")
    assert ("Influence (0–10)" if lang == "en" else "Invloed (0–10)") in header
    assert "\t9\t" in page.inner_text("#organisations-table tbody tr:first-child") + "\t"
    page.click("#toggle-table")
    # filtering a sector out hides its organisations' tower and mark
    page.locator('#legend input[data-filter="sector"][value="police"]').uncheck()
    page.wait_for_function("!window.stakeholdersNetmap.drawn.towers.some(t => t.id === 'pol')")
    assert opened.requests == [] and opened.dialogs == [] and opened.errors == []
    other = open_page(plain)
    assert other.page.evaluate("window.stakeholdersNetmap === undefined") and _tower_pixels(other.page) == 0


@pytest.mark.browser
def test_the_netmap_step_of_a_deck_in_chromium(open_page: Any, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "deck.html"
    assert runner.invoke(cli, ["present", str(netmap_folder(tmp_path, views=VIEWS)), "-o", str(out)]).exit_code == 0
    opened = open_page(out)
    page = opened.page
    assert page.evaluate("window.stakeholdersNetmap.drawn.towers.length") == 0
    assert page.locator("#legend-netmap").is_hidden()
    page.click("#next-step")
    page.wait_for_function("window.stakeholdersNetmap.drawn.towers.length === 4")
    assert page.locator("#legend-netmap").is_visible()
    page.click("#previous-step")
    page.wait_for_function("window.stakeholdersNetmap.drawn.towers.length === 0")
    assert opened.errors == [] and opened.requests == []


@pytest.mark.browser
def test_hostile_names_and_goal_on_the_netmap_page(open_page: Any, tmp_path: Path) -> None:
    orgs = [ORGS[0], *[[f"o{i}", payload, "police", "8", "opposes"] for i, payload in enumerate(PAYLOADS)]]
    settings = [["key", "value"], ["goal", PAYLOADS[0]]]
    folder = write_folder(tmp_path / "m", {"organisations": orgs, "links": [["source", "target"]], "map": settings})
    from stakeholders import write_html

    out = write_html(load_map(folder), tmp_path / "page.html", view="netmap")
    opened = open_page(out)
    opened.page.wait_for_function("window.stakeholdersNetmap.drawn.marks.length === 4")
    assert PAYLOADS[0] in opened.page.inner_text("#legend-netmap")
    assert opened.dialogs == [] and opened.errors == [] and opened.requests == []


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["map", "deck"])
def test_axe_finds_nothing_on_the_netmap_view(browser: Any, tmp_path: Path, runner: CliRunner, kind: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    out = tmp_path / f"{kind}.html"
    args = ["map", "--view", "netmap"] if kind == "map" else ["present"]
    folder = netmap_folder(tmp_path, views=VIEWS)
    assert runner.invoke(cli, [*args, str(folder), "-o", str(out), "--lang", "nl"]).exit_code == 0
    context = browser.new_context(bypass_csp=True, viewport={"width": 1400, "height": 900})  # to inject axe
    page = context.new_page()
    page.goto(out.resolve().as_uri())
    page.wait_for_function("window.stakeholdersNetmap !== undefined")
    if kind == "deck":
        page.click("#next-step")
        page.wait_for_function("window.stakeholdersNetmap.drawn.towers.length === 4")
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    page.evaluate(Axe().axe_script)
    rules = page.evaluate("tags => axe.getRules(tags).map(rule => rule.ruleId)", tags)
    options = {"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations"]}
    found = Axe().run(page, options=options).response["violations"]
    assert page.locator("#legend-netmap").is_visible()
    context.close()
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found] == []


def test_hostile_stance_and_influence_are_one_line_problems(tmp_path: Path, runner: CliRunner) -> None:
    orgs = [["id", "name", "influence", "stance"], *[[f"o{i}", "O", p, p] for i, p in enumerate(PAYLOADS)]]
    folder = write_folder(tmp_path / "m", {"organisations": orgs, "links": LINKS[:1]})
    found = [str(p) for p in check_source(folder)]
    assert len(found) == 2 * len(PAYLOADS)
    assert all(" is not an influence: " in line or " is not a stance" in line for line in found)
    result = runner.invoke(cli, ["validate", str(folder)])
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_the_same_map_gives_the_same_netmap_image(tmp_path: Path) -> None:
    m = load_map(netmap_folder(tmp_path))
    display = view_display(m, find_view(m, "netmap"))
    first, _ = picture(display["map"], fmt="svg", display=display)
    again = view_display(m, find_view(m, "netmap"))
    assert picture(again["map"], fmt="svg", display=again)[0] == first


def test_messages_in_dutch(tmp_path: Path) -> None:
    orgs = [["id", "naam", "invloed", "standpunt"], ["a", "A", "11", "misschien"]]
    folder = write_folder(tmp_path / "m", {"organisations": orgs, "links": LINKS[:1]})
    assert [str(p) for p in check_source(folder, lang="nl")] == [
        "organisations.csv, rij 2, kolom invloed: '11' is geen invloed: gebruik een heel getal van 0 tot en met 10",
        "organisations.csv, rij 2, kolom standpunt: 'misschien' is geen standpunt: kies uit steunt, neutraal, tegen, "
        "gemengd",
    ]
