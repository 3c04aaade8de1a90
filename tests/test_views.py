"""Views select exactly the expected organisations and links; the presentation steps through them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import write_folder, write_json

from stakeholders import InvalidArgument, ValidationError, example_path, load_map, write_html
from stakeholders.cli import cli
from stakeholders.pages import presentation_steps, unused_layouts, write_presentation
from stakeholders.views import apply_view, find_view, presentation, select, view_display, views_of

ORGS = [
    ["id", "name", "sector", "level", "country", "stages", "tags", "staff"],
    ["om", "OM", "justice", "both", "NL", "prosecution", "", "5000"],
    ["politie", "Politie", "police", "both", "NL", "investigation|prosecution", "VGT", "60000"],
    ["rn", "Reclassering", "probation", "operational", "NL", "sanction", "", "1800"],
    ["fbi", "FBI", "police", "operational", "US", "investigation", "VGT", ""],
    ["rutgers", "Rutgers", "prevention", "operational", "NL", "prevention", "", "150"],
]
LINKS = [
    ["id", "source", "target", "kind", "status"],
    ["L1", "politie", "om", "information-sharing", "active"],
    ["L2", "om", "rn", "referral", "active"],
    ["L3", "fbi", "politie", "joint-operation", "lapsed"],
    ["L4", "politie", "rn", "information-sharing", "planned"],
]
VIEWS = [
    [
        "name",
        "title",
        "note",
        "step",
        "sector",
        "country",
        "kind",
        "status",
        "tags",
        "focus",
        "depth",
        "highlight_stage",
        "colour_by",
        "size_by",
        "layout",
    ],
    [
        "justice",
        "Police and justice",
        "First the core.",
        "1",
        "police|justice",
        "NL",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "chain",
        "+ probation",
        "Then the chain.",
        "2",
        "police|justice|probation",
        "",
        "",
        "active",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    ["all", "Everybody", "", "3", "", "", "", "", "", "", "", "", "", "", ""],
    ["vgt", "VGT members", "", "", "", "", "", "", "VGT", "", "", "", "country", "", "circles"],
    ["around-om", "Around OM", "", "", "", "", "", "", "", "OM", "1", "", "", "staff", ""],
    [
        "lanes",
        "Lanes",
        "",
        "",
        "",
        "",
        "information-sharing",
        "",
        "",
        "",
        "",
        "prosecution",
        "",
        "partners",
        "swimlanes",
    ],
]


@pytest.fixture
def viewed(tmp_path: Path) -> Any:
    return load_map(write_folder(tmp_path / "v", {"organisations": ORGS, "links": LINKS, "views": VIEWS}))


@pytest.mark.parametrize(
    ("name", "orgs", "links"),
    [
        ("justice", ["om", "politie"], ["L1"]),
        ("chain", ["om", "politie", "rn", "fbi"], ["L1", "L2"]),  # L3 lapsed and L4 planned: not active
        ("all", ["om", "politie", "rn", "fbi", "rutgers"], ["L1", "L2", "L3", "L4"]),
        ("vgt", ["politie", "fbi"], ["L3"]),
        ("around-om", ["om", "politie", "rn"], ["L1", "L2", "L4"]),  # focus: OM and one step out
        ("lanes", ["om", "politie", "rn", "fbi", "rutgers"], ["L1", "L4"]),
    ],
)
def test_views_select_exactly(viewed: Any, name: str, orgs: list[str], links: list[str]) -> None:
    assert select(viewed, find_view(viewed, name)) == (orgs, links)
    subset = apply_view(viewed, find_view(viewed, name))
    assert list(subset.organisations["id"]) == orgs and subset.graph.number_of_edges() == len(links)


def test_presentation_order_and_notes(viewed: Any) -> None:
    assert [view.name for view in presentation(viewed)] == ["justice", "chain", "all"]
    steps = presentation_steps(viewed)
    assert [(s["title"], s["note"]) for s in steps][:2] == [
        ("Police and justice", "First the core."),
        ("+ probation", "Then the chain."),
    ]
    assert [s["title"] for s in presentation_steps(viewed, ["vgt", "justice"])] == ["VGT members", "Police and justice"]


def test_steps_size_and_colour_as_their_views_do(viewed: Any) -> None:
    steps = presentation_steps(viewed, ["all", "around-om", "vgt", "lanes"])
    for step in steps:
        drawn = view_display(viewed, find_view(viewed, step["view"]))  # what `map --view` draws
        assert (step["sizes"], step["highlight"]) == (drawn["sizes"], drawn["highlight"])
    assert [bool(s["sizes"]) for s in steps] == [False, True, False, True]
    assert [bool(s["highlight"]) for s in steps] == [False, False, True, False]
    assert unused_layouts(viewed, ["all", "around-om", "vgt", "lanes"]) == ["vgt"]  # a board step shows its board
    assert [s["board"] for s in steps] == [False, False, False, True]
    assert unused_layouts(viewed) == []


def test_present_warns_of_layouts_it_does_not_use(runner: CliRunner, viewed: Any, tmp_path: Path) -> None:
    source = tmp_path / "v"
    result = runner.invoke(cli, ["present", str(source), "-o", str(tmp_path / "d.html"), "--views", "vgt,all,lanes"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Warning: every step keeps the map's own layout, so the layout of vgt is not used.\n"
    quiet = runner.invoke(cli, ["present", str(source), "-o", str(tmp_path / "d.html"), "--views", "all,around-om"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_view_display(viewed: Any) -> None:
    lanes = view_display(viewed, find_view(viewed, "lanes"))  # layout "swimlanes": the approach as a board
    board = lanes["board"]
    assert [column.title for column in board.columns][:3] == [
        "Prevention",
        "Detection & reporting",
        "Removal of material",
    ]
    cards = {column.id: [card.ref for card in column.cards] for column in board.columns}
    assert cards["investigation"] == ["fbi", "politie"] and cards["prosecution"] == ["politie", "om"]
    assert cards["sanction"] == ["rn"] and cards["removal"] == []  # an empty stage stays a column
    assert lanes["anchors"] == [] and lanes["positions"] == {  # the network behind the board: the map's own
        org: list(xy) for org, xy in view_display(viewed, find_view(viewed, "all"))["positions"].items()
    }
    assert view_display(viewed, find_view(viewed, "all"))["board"] is None
    assert lanes["dimmed"] == ["rn", "fbi", "rutgers"]  # not on the highlighted stage
    assert lanes["sizes"]["politie"] > lanes["sizes"]["rutgers"]
    around = view_display(viewed, find_view(viewed, "around-om"))
    assert around["sizes"]["politie"] > around["sizes"]["om"] > around["sizes"]["rn"]
    coloured = view_display(viewed, find_view(viewed, "vgt"))
    assert [v["id"] for v in coloured["highlight"]["values"]] == ["NL", "US"]
    whole = view_display(viewed, find_view(viewed, "all"))["positions"]
    assert view_display(viewed, find_view(viewed, "justice"))["positions"]["om"] == whole["om"]  # stable layout


def test_view_validation_messages(tmp_path: Path) -> None:
    views = [
        ["name", "sector", "focus", "colour_by", "size_by", "layout", "stage"],
        ["a", "polise", "omm", "colour", "height", "grid", "opsporng"],
        ["a", "", "", "", "", "", ""],
    ]
    folder = write_folder(tmp_path / "bad", {"organisations": ORGS, "links": LINKS, "views": views})
    with pytest.raises(ValidationError) as caught:
        load_map(folder)
    assert [str(p) for p in caught.value.problems] == [
        "views.csv, row 2, column sector: 'polise' is not a sector (did you mean 'police'?): use one of police, "
        "justice, probation, care, prevention, victim-support, hotline, industry, research, government, "
        "international, ngo, or add it to the map's sectors setting",
        "views.csv, row 2, column focus: unknown organisation 'omm' (did you mean 'om'?): use an id from the "
        "organisations table",
        "views.csv, row 2, column colour_by: 'colour' is not a column of the organisations: use one of id, name, "
        "short_name, aliases, sector, level, country, stages, description, url, tags, since, until, sensitivity, "
        "evidence, influence, stance, staff",
        "views.csv, row 2, column size_by: cannot size by 'height': use links, partners, betweenness, closeness, "
        "pagerank, trust, value or a column of numbers",
        "views.csv, row 2, column layout: 'grid' is not a layout: use one of force, board, circles",
        "views.csv, row 2, column stage: unknown stage 'opsporng' (did you mean 'investigation'?): use an id from "
        "the default stages (prevention, detection, removal, investigation, victim-identification, prosecution, "
        "sanction, treatment, victim-support, policy)",
        "views.csv, row 3, column name: duplicate name 'a' (also in row 2): give each view its own name",
    ]


def test_unknown_view_and_no_presentation(viewed: Any, small_folder: Path) -> None:
    known = "justice, chain, all, vgt, around-om, lanes, or netmap"
    with pytest.raises(InvalidArgument, match=f"no view named 'nope': use one of {known}$"):
        find_view(viewed, "nope")
    with pytest.raises(InvalidArgument, match="this map has no presentation"):
        presentation_steps(load_map(small_folder))


def test_view_and_present_commands(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = runner.invoke(cli, ["map", str(example_path()), "--view", "national-justice", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "National police and justice" in out.read_text(encoding="utf-8")
    deck = tmp_path / "deck.html"
    result = runner.invoke(cli, ["present", "-o", str(deck)])
    assert result.exit_code == 0 and result.output == f"Wrote {deck.resolve()}.\n"
    bad = runner.invoke(cli, ["map", "--view", "nope", "-o", str(out)])
    assert bad.exit_code == 2 and "no view named 'nope'" in bad.output
    image = runner.invoke(cli, ["image", "--view", "approach", "-o", str(tmp_path / "lanes.svg")])
    assert image.exit_code == 0
    assert "Processing reports" in (tmp_path / "lanes.svg").read_text(encoding="utf-8")  # the column titles are drawn


def test_example_presentation() -> None:
    steps = presentation_steps(load_map(example_path()))
    assert [s["title"] for s in steps] == [
        "National police and justice",
        "+ Probation, care and victim support",
        "+ Hotlines, industry, government and research",
        "+ International partners",
        "The approach, step by step",  # the board of the approach: every organisation under every stage it acts on
    ]
    assert [s["board"] for s in steps] == [False, False, False, False, True]
    sizes = [len(s["organisations"]) for s in steps]
    assert sizes == sorted(sizes) and sizes[-1] == 67
    assert all(set(a["organisations"]) <= set(b["organisations"]) for a, b in zip(steps, steps[1:], strict=False))


@pytest.mark.browser
def test_presentation_in_chromium(open_page: Any, tmp_path: Path) -> None:
    m = load_map(example_path())
    steps = presentation_steps(m)
    opened = open_page(write_presentation(m, tmp_path / "deck.html"))
    page = opened.page
    visible = (
        "window.network.body.data.nodes.get({filter: n => !n.hidden && !String(n.id).startsWith('anchor:')})"
        ".map(n => n.id).sort()"
    )
    laid_out = page.evaluate("window.stakeholdersMap.layout.positions")
    page.focus("#network")
    for index, step in enumerate(steps):
        if index:
            page.keyboard.press("ArrowRight" if index % 2 else "Space")
        page.wait_for_timeout(150)
        assert page.inner_text("#step-title") == step["title"]
        assert page.inner_text("#step-counter") == f"Step {index + 1} of {len(steps)}"
        assert page.evaluate(visible) == sorted(step["organisations"])
        drawn = page.evaluate("window.network.getPositions()")
        assert {org: [round(drawn[org]["x"]), round(drawn[org]["y"])] for org in step["organisations"]} == {
            org: laid_out[org] for org in step["organisations"]
        }  # nobody moves between steps: everyone stands where the one layout put them
    page.keyboard.press("ArrowRight")  # past the end: stays on the last step
    assert page.inner_text("#step-counter") == f"Step {len(steps)} of {len(steps)}"
    page.keyboard.press("Home")
    assert page.inner_text("#step-title") == steps[0]["title"]
    page.keyboard.press("End")
    assert page.inner_text("#step-title") == steps[-1]["title"]
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#step-title") == steps[-2]["title"]
    assert page.is_hidden("#notes")
    page.keyboard.press("n")
    assert page.is_visible("#notes") and page.inner_text("#step-note") == steps[-2]["note"]
    assert page.evaluate("parseFloat(getComputedStyle(document.getElementById('step-title')).fontSize)") >= 32
    page.wait_for_timeout(300)
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []


@pytest.mark.browser
def test_a_view_page_in_chromium(open_page: Any, tmp_path: Path) -> None:
    page = open_page(write_html(load_map(example_path()), tmp_path / "lanes.html", view="approach")).page
    assert page.inner_text("#map-view").startswith("View: The approach, step by step — shows 67 of 67")
    anchors = page.evaluate(
        "window.network.body.data.nodes.get({filter: n => String(n.id).startsWith('anchor:')}).length"
    )
    assert anchors == 0 and page.locator("#board .board-column").count() == 10  # a board: a column per stage
    victims = open_page(write_html(load_map(example_path()), tmp_path / "victims.html", view="victims")).page
    opacities = victims.evaluate("Object.fromEntries(window.network.body.data.nodes.get().map(n => [n.id, n.opacity]))")
    assert opacities["csg"] == 1 and opacities["politie"] == 1 and opacities["rutgers"] == 0.3


LIST_FIELDS = ("sector", "country", "kind", "status", "tags", "highlight_stage")


def _yaml_records(rows: list[list[str]]) -> list[dict[str, Any]]:
    """Records as someone writes them in YAML: lists as lists, numbers as numbers, empty fields left out."""
    records = []
    for row in rows[1:]:
        record: dict[str, Any] = {}
        for key, value in zip(rows[0], row, strict=True):
            if value == "":
                continue
            if key in LIST_FIELDS or key == "stages":
                record[key] = value.split("|")
            elif key in ("step", "depth", "staff"):
                record[key] = int(value)
            else:
                record[key] = value
        records.append(record)
    return records


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_yaml_and_json_views_select_like_csv(viewed: Any, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"map{suffix}"
    if suffix == ".yaml":  # YAML lists and numbers
        data = {"organisations": _yaml_records(ORGS), "links": _yaml_records(LINKS), "views": _yaml_records(VIEWS)}
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    else:  # |-separated text, as in the spreadsheet
        write_json(path, {"organisations": ORGS, "links": LINKS, "views": VIEWS})
    m = load_map(path)
    names = [row[0] for row in VIEWS[1:]]
    assert [view.name for view in views_of(m)] == names
    for name in names:
        assert find_view(m, name) == find_view(viewed, name)
        assert select(m, find_view(m, name)) == select(viewed, find_view(viewed, name))
    assert [view.name for view in presentation(m)] == ["justice", "chain", "all"]


def test_invalid_view_field_in_yaml(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "organisations:\n  - {id: om, name: OM, sector: justice}\n  - {id: rn, name: RN, sector: probation}\n"
        "links:\n  - {source: om, target: rn, kind: referral}\n"
        "views:\n  - {name: fine, sector: [justice, probation], focus: om}\n"
        "  - {name: bad, sector: 'justice|polise', layout: wrong}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        load_map(path)
    assert [str(p) for p in caught.value.problems] == [
        "map.yaml, section views, item 2, field sector: 'polise' is not a sector (did you mean 'police'?): use one "
        "of police, justice, probation, care, prevention, victim-support, hotline, industry, research, government, "
        "international, ngo, or add it to the map's sectors setting",
        "map.yaml, section views, item 2, field layout: 'wrong' is not a layout: use one of force, board, circles",
    ]
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert "Error: map.yaml, section views, item 2, field layout: 'wrong' is not a layout" in result.output


def test_no_views_message(runner: CliRunner, small_folder: Path, tmp_path: Path) -> None:
    message = (
        "no view named 'focus1': this map has no views of its own (add a Views sheet, views.csv or a views "
        "section), only the built-in netmap"
    )
    with pytest.raises(InvalidArgument) as caught:
        find_view(load_map(small_folder), "focus1")
    assert str(caught.value) == message
    result = runner.invoke(cli, ["map", str(small_folder), "--view", "focus1", "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and f"Error: {message}\n" in result.output


@pytest.mark.browser
def test_presentation_steps_size_and_colour_in_chromium(open_page: Any, tmp_path: Path) -> None:
    m = load_map(example_path())
    names = ["national-justice", "politie", "countries", "sectors"]
    opened = open_page(write_presentation(m, tmp_path / "deck.html", views=names))
    page = opened.page
    drawn = (
        "Object.fromEntries(window.network.body.data.nodes.get({filter: n => !n.hidden && "
        "!String(n.id).startsWith('anchor:')}).map(n => [n.id, [n.size, n.color.background]]))"
    )
    settled = f"(() => {{ const a = JSON.stringify({drawn}); return new Promise(r => setTimeout(() => "
    settled += f"r(a === JSON.stringify({drawn}) ? {drawn} : null), 100)); }})()"

    def seen() -> dict[str, list[Any]]:
        for _ in range(40):  # sizes grow to the step's: wait until they stand still
            found = page.evaluate(settled)
            if found:
                return found
        raise AssertionError("the sizes never settled")

    sector_colour = dict(zip(m.organisations["id"], m.organisations["sector"], strict=True))
    style = page.evaluate("window.stakeholdersMap.style.sector")
    laid_out = page.evaluate("window.stakeholdersMap.layout.positions")
    expected = []
    for name in names:
        display = view_display(m, find_view(m, name))  # what `stakeholders map --view NAME` draws
        colours = {}
        if display["highlight"]:
            by_value = {v["id"]: v["colour"] for v in display["highlight"]["values"]}
            field = display["highlight"]["field"]
            for org in display["map"].organisations.to_dict("records"):
                value = org[field]
                colours[org["id"]] = by_value["|".join(value) if isinstance(value, list) else (value or "")]
        expected.append(
            {
                org: [display["sizes"].get(org, 14), colours.get(org) or style[sector_colour[org]]]
                for org in display["map"].organisations["id"]
            }
        )
    assert all(a != b for a, b in zip(expected, expected[1:], strict=False))  # each step looks different
    page.focus("#network")
    legend = "[...document.querySelectorAll('.deck-legend')].filter(u => !u.hidden).map(u => u.ariaLabel)"
    keys = ["", "ArrowRight", "Space", "ArrowRight", "ArrowLeft", "ArrowLeft", "PageUp"]
    for index, key in zip([0, 1, 2, 3, 2, 1, 0], keys, strict=True):  # forward, then back: the same both ways
        if key:
            page.keyboard.press(key)
        assert page.inner_text("#step-counter") == f"Step {index + 1} of {len(names)}"
        assert seen() == expected[index], names[index]
        assert page.evaluate(legend) == (["Country"] if names[index] == "countries" else ["Sector (colour)"])
        positions = page.evaluate("window.network.getPositions()")
        assert {org: [round(positions[org]["x"]), round(positions[org]["y"])] for org in expected[index]} == {
            org: laid_out[org] for org in expected[index]
        }  # the sectors view's circles are not used: nobody moves
    politie = expected[1]
    assert politie["politie"][0] == 40 and min(size for size, _ in politie.values()) < 20  # sized by partners
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []
