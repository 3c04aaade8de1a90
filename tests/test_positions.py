"""Positions that hold still: one picture per map, kept beside the source, pinned by x and y, saved from the page.

Movement is measured as a share of the map's width (the spread of x of the whole map's positions): 0 for
every cut of a map (a date, an audience, undated rows left out, each view, each deck step, the diff, the
exports), at most 2 % for the median organisation after a change to the source.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import statistics
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import LINKS, ORGANISATIONS, write_folder, write_workbook

from stakeholders import as_of, example_path, export_map, load_map, to_html
from stakeholders.cli import cli
from stakeholders.diff import diff_dates, diff_maps
from stakeholders.layout import (
    Skeleton,
    compute_positions,
    positions,
    positions_path,
    read_positions,
    save_positions,
    settle,
    write_positions,
)
from stakeholders.layout import _kept as kept
from stakeholders.layout._force import EDGE_LENGTH
from stakeholders.pages import presentation_steps
from stakeholders.serve import start
from stakeholders.slides import step_display
from stakeholders.views import find_view, view_display

Positions = dict[str, tuple[int, int]]


def width(whole: Positions) -> float:
    xs = [x for x, _ in whole.values()]
    return float(max(xs) - min(xs))


def movements(before: Positions, after: Positions) -> list[float]:
    """How far each organisation on both moved, as a share of the width of ``before``."""
    shared = sorted(set(before) & set(after))
    assert shared
    return [
        ((before[n][0] - after[n][0]) ** 2 + (before[n][1] - after[n][1]) ** 2) ** 0.5 / width(before) for n in shared
    ]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example, where a positions file may be written (the bundled one keeps none)."""
    return Path(shutil.copytree(example_path(), tmp_path / "example"))


def with_restricted(folder: Path) -> Path:
    """``folder`` with one organisation and its links restricted, one partners-only organisation."""
    path = folder / "organisations.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    marks = {"politie": "restricted", "om": "partners"}
    rows = [[*rows[0], "sensitivity"], *([*row, marks.get(row[0], "")] for row in rows[1:])]
    write_folder(folder, {"organisations": rows})
    return folder


# --- 1. one picture per map: no cut moves anyone ------------------------------------------------------------


def test_dates_audiences_and_undated_rows_move_nobody(example: Path) -> None:
    whole = positions(load_map(example, audience="internal"))
    cuts = {
        "as of 2019": load_map(example, audience="internal", as_of="2019"),
        "as of 2010, undated hidden": load_map(example, audience="internal", as_of="2010", undated="hide"),
        "public": load_map(example, audience="public"),
        "2015 for partners": load_map(example, audience="partners", as_of="2015"),
    }
    for name, cut in cuts.items():
        shown = positions(cut)
        assert set(shown) == set(cut.organisations["id"]), name  # only its own organisations
        assert len(shown) < len(whole) or name == "public", name
        assert max(movements(whole, shown)) == 0, name


def test_an_audience_cut_moves_nobody_and_names_no_hidden_organisation(example: Path, tmp_path: Path) -> None:
    with_restricted(example)
    internal = load_map(example, audience="internal")
    public = load_map(example, audience="public")
    assert "politie" not in set(public.organisations["id"])
    assert max(movements(positions(internal), positions(public))) == 0
    assert "politie" not in positions(public)
    page = to_html(public)
    assert '"politie"' not in page and "Nationale Politie" not in page
    cyjs = export_map(public, tmp_path / "public.cyjs").read_text(encoding="utf-8")
    assert '"politie"' not in cyjs
    # a fresh public build, without the internal one before it, gets the same positions
    (example / "positions.csv").unlink()
    assert positions(load_map(example, audience="public")) == {
        n: xy for n, xy in positions(internal).items() if n in set(public.organisations["id"])
    }


def test_views_steps_diff_and_exports_move_nobody(example: Path, tmp_path: Path) -> None:
    m = load_map(example)
    whole = positions(m)
    assert m.views is not None
    for name, layout in zip(m.views["name"], m.views["layout"], strict=True):
        if layout == "circles":  # arranged by sector on purpose
            continue
        display = view_display(m, find_view(m, name))
        shown = {n: tuple(xy) for n, xy in display["positions"].items()}
        assert shown and max(movements(whole, shown)) == 0, name
    steps = presentation_steps(m)
    assert steps
    for step in steps:
        shown = {n: tuple(xy) for n, xy in step_display(m, step)["positions"].items()}
        assert shown and max(movements(whole, shown)) == 0, step["title"]
    changes = diff_dates(m, "2015", "2024")
    assert max(movements(whole, positions(changes.union))) == 0
    cyjs = json.loads(export_map(as_of(m, "2019"), tmp_path / "map.cyjs").read_text(encoding="utf-8"))
    exported = {
        node["data"]["id"]: (node["position"]["x"], node["position"]["y"]) for node in cyjs["elements"]["nodes"]
    }
    assert exported and max(movements(whole, exported)) == 0


def test_a_diff_of_two_sources_keeps_the_new_sources_positions(example: Path, tmp_path: Path) -> None:
    new = load_map(example)
    old_folder = Path(shutil.copytree(example, tmp_path / "old"))
    links = (old_folder / "links.csv").read_text(encoding="utf-8-sig").splitlines()
    (old_folder / "links.csv").write_text("\n".join(links[:-5]) + "\n", encoding="utf-8")
    result = diff_maps(load_map(old_folder), new)
    assert max(movements(positions(new), positions(result.union))) == 0


# --- 2. change moves only what changed ----------------------------------------------------------------------


def add_partner(folder: Path, ident: str, partner: str) -> None:
    """One new organisation with one link, as a new month's data would bring."""
    for table, values in (
        ("organisations", {"id": ident, "name": f"New organisation {ident}", "sector": "ngo"}),
        ("links", {"source": ident, "target": partner, "kind": "information-sharing", "direction": "mutual"}),
    ):
        path = folder / f"{table}.csv"
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
        rows.append([values.get(column, "") for column in rows[0]])
        write_folder(folder, {table: rows})


def test_one_new_organisation_moves_the_median_one_at_most_two_percent(example: Path) -> None:
    before = positions(load_map(example))
    assert positions_path(example).is_file()
    add_partner(example, "newcomer", "politie")
    m = load_map(example)
    after = positions(m)
    moved = movements(before, after)
    assert statistics.median(moved) <= 0.02
    assert max(moved) == 0  # in fact nobody moves
    # the newcomer stands near its partner, clear of everyone else
    (nx, ny), (px, py) = after["newcomer"], after["politie"]
    assert ((nx - px) ** 2 + (ny - py) ** 2) ** 0.5 < 2 * EDGE_LENGTH
    assert min(abs(nx - x) / 1.8 + abs(ny - y) for n, (x, y) in after.items() if n != "newcomer") > 30
    # without the positions file the whole picture reshuffles: what the file prevents
    positions_path(example).unlink()
    reshuffled = positions(load_map(example))
    assert statistics.median(movements(before, reshuffled)) > 0.02


def test_change_on_a_synthetic_map() -> None:
    nodes = [f"o{i:03d}" for i in range(120)]
    pairs = sorted({(nodes[i], nodes[(i * 7 + 3) % 120], 1) for i in range(120) if i != (i * 7 + 3) % 120})
    pairs = sorted({(min(a, b), max(a, b), 1) for a, b, _ in pairs})
    before = compute_positions(Skeleton(nodes, pairs))
    removed = {"o010", "o011"}
    new_nodes = sorted([n for n in nodes if n not in removed] + ["n1", "n2", "n3", "n4"])
    new_pairs = [p for p in pairs if p[0] not in removed and p[1] not in removed]
    new_pairs += [("n1", "o050", 1), ("n2", "o050", 1), ("n2", "o051", 1), ("n3", "n4", 1)]  # n3-n4: new group
    after = settle(Skeleton(new_nodes, sorted(new_pairs)), before)
    moved = movements(before, after)
    assert statistics.median(moved) <= 0.02 and max(moved) == 0
    assert set(after) == set(new_nodes)
    for node in ("n1", "n2"):
        x, y = after[node]
        assert ((x - before["o050"][0]) ** 2 + (y - before["o050"][1]) ** 2) ** 0.5 < 0.3 * width(before)
    assert after == settle(Skeleton(new_nodes, sorted(new_pairs)), before)  # deterministic
    fresh = compute_positions(Skeleton(new_nodes, sorted(new_pairs)))
    assert statistics.median(movements(before, fresh)) > 0.02  # what starting from before prevents


def test_the_same_input_gives_the_same_bytes_and_leaves_the_file_alone(example: Path) -> None:
    first = to_html(load_map(example))
    kept_file = positions_path(example)
    content, stamp = kept_file.read_bytes(), kept_file.stat().st_mtime_ns
    assert to_html(load_map(example)) == first
    assert kept_file.read_bytes() == content and kept_file.stat().st_mtime_ns == stamp
    assert content.startswith(b"id,x,y\n")


def test_the_file_round_trips_and_a_bad_one_is_one_clear_line(example: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    wanted = {"=risky": (-5, 7), 'quo"te': (0, 0), "om": (120, -40)}
    write_positions(path, wanted)
    assert read_positions(path) == dict(sorted(wanted.items()))
    positions_path(example).write_text("id,x,y\nom,12,zero\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["map", str(example), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 1, result.output
    assert "positions.csv, line 2: 'om' needs two numbers x and y" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "m.html").exists()


def test_a_folder_that_cannot_be_written_keeps_the_positions_in_the_cache(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = kept.write_atomic

    def refuse_beside(path: Any, content: bytes, **options: Any) -> Path:
        if Path(path).parent == example:
            raise PermissionError(13, "Permission denied")
        return real(path, content, **options)

    monkeypatch.setattr(kept, "write_atomic", refuse_beside)
    result = CliRunner().invoke(cli, ["map", str(example), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 0, result.output
    assert "Note: cannot write" in result.output and "kept in" in result.output
    assert not positions_path(example).exists()
    before = positions(load_map(example))
    add_partner(example, "newcomer", "om")
    assert max(movements(before, positions(load_map(example)))) == 0  # the cache remembered them


def test_the_bundled_example_keeps_no_file_and_the_option_turns_it_off(example: Path, tmp_path: Path) -> None:
    assert load_map(example_path()).picture.positions_file == ""  # type: ignore[union-attr]
    result = CliRunner().invoke(cli, ["--no-positions-file", "map", str(example), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 0, result.output
    assert not positions_path(example).exists()


def test_the_layout_command(example: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["layout", str(example)])
    assert result.exit_code == 0, result.output
    assert f"in {positions_path(example).resolve()}" in result.output
    kept_positions = read_positions(positions_path(example))
    assert set(kept_positions) == set(load_map(example, audience="internal").organisations["id"])
    write_positions(positions_path(example), {**kept_positions, "om": (9999, 9999)})
    assert read_positions(positions_path(example))["om"] == (9999, 9999)
    runner.invoke(cli, ["layout", str(example)])
    assert read_positions(positions_path(example))["om"] == (9999, 9999)  # kept
    runner.invoke(cli, ["layout", str(example), "--reset"])
    assert read_positions(positions_path(example)) == kept_positions  # laid out afresh
    assert "--reset" in runner.invoke(cli, ["layout", "--help"]).output
    bundled = runner.invoke(cli, ["layout", str(example_path())])
    assert bundled.exit_code == 2 and "keeps no positions file" in bundled.output


# --- 3. pinned positions ------------------------------------------------------------------------------------


def pinned(rows: dict[str, tuple[Any, Any]], header: tuple[str, str] = ("x", "y")) -> list[list[Any]]:
    organisations = [[*ORGANISATIONS[0], *header]]
    for row in ORGANISATIONS[1:]:
        organisations.append([*row, *rows.get(row[0], ("", ""))])
    return organisations


@pytest.mark.parametrize("header", [("x", "y"), ("X", "Y"), ("positie x", "positie y")])
def test_pins_are_honoured_exactly(tmp_path: Path, header: tuple[str, str]) -> None:
    folder = write_folder(
        tmp_path / "pinned", {"organisations": pinned({"om": (500, -300), "007": ("12,4", 40)}, header), "links": LINKS}
    )
    first = positions(load_map(folder))
    assert first["om"] == (500, -300) and first["007"] == (12, 40)
    again = positions(load_map(folder))  # from the positions file now
    assert again == first
    workbook = write_workbook(
        tmp_path / "pinned.xlsx", {"Organisations": pinned({"om": (500, -300)}, header), "Links": LINKS}
    )
    assert positions(load_map(workbook))["om"] == (500, -300)
    assert positions_path(workbook).name == "pinned.xlsx.positions.csv" and positions_path(workbook).is_file()
    cyjs = json.loads(export_map(load_map(folder), tmp_path / "m.cyjs").read_text(encoding="utf-8"))
    om = next(n for n in cyjs["elements"]["nodes"] if n["data"]["id"] == "om")
    assert (om["position"]["x"], om["position"]["y"]) == (500, -300)


def test_a_pin_wins_over_the_kept_positions(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "m", {"organisations": ORGANISATIONS, "links": LINKS})
    before = positions(load_map(folder))
    write_folder(folder, {"organisations": pinned({"om": (777, 77)})})
    after = positions(load_map(folder))
    assert after["om"] == (777, 77)
    assert all(after[n] == before[n] for n in before if n != "om")


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (("far", "3"), "organisations.csv, row 2, column x: 'far' is not a position: write a number"),
        (("1", ""), "organisations.csv, row 2, column y: an organisation is pinned by both x and y: fill in y too"),
        (("1e99", "1"), "column x: '1e99' is not a position"),
    ],
)
def test_bad_pins_are_one_clear_line(tmp_path: Path, cells: tuple[str, str], message: str) -> None:
    folder = write_folder(tmp_path / "bad", {"organisations": pinned({"om": cells}), "links": LINKS})
    result = CliRunner().invoke(cli, ["map", str(folder), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 1
    assert message in result.output, result.output
    assert "Traceback" not in result.output and not (tmp_path / "m.html").exists()
    assert not positions_path(folder).exists()


# --- serve: the page's positions written straight to the positions file ------------------------------------


def post(url: str, body: bytes, **headers: str) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url + "positions", data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, {}


def test_serve_writes_the_posted_positions(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "live", {"organisations": ORGANISATIONS, "links": LINKS})
    source_bytes = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "positions.csv"}
    server = start(folder, port=0)
    try:
        body = json.dumps({"positions": {"om": [321.4, -45], "nobody": [1, 1]}}).encode()
        status, answer = post(server.url, body, **{"Content-Type": "application/json"})
        assert status == 200 and answer == {"saved": 1, "file": "positions.csv"}
        assert read_positions(folder / "positions.csv")["om"] == (321, -45)
        assert "nobody" not in read_positions(folder / "positions.csv")
        assert '"om":[321,-45]' in server.live.page  # the page is drawn on them again
        origin = server.url.rstrip("/")
        assert post(server.url, body, **{"Content-Type": "application/json", "Origin": origin})[0] == 200
        refused = [
            post(server.url, body, **{"Content-Type": "text/plain"})[0],
            post(server.url, body, **{"Content-Type": "application/json", "Origin": "https://evil.example"})[0],
            post(server.url, b'{"positions": {"om": [1, "x"]}}', **{"Content-Type": "application/json"})[0],
        ]
        assert refused == [400, 403, 400]
    finally:
        server.stop()
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "positions.csv"} == source_bytes
    assert positions(load_map(folder))["om"] == (321, -45)


def test_saving_positions_from_python_only_moves_what_the_map_shows(example: Path) -> None:
    with_restricted(example)
    public = load_map(example, audience="public")
    before = positions(load_map(example, audience="internal"))
    save_positions(public, {"politie": (0, 0), "nr": (5, 5)})
    after = read_positions(positions_path(example))
    assert after["politie"] == before["politie"] and after["nr"] == (5, 5)


# --- the page's button, in Chromium -------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_page_downloads_the_dragged_positions(example: Path, tmp_path: Path, open_page: Any, lang: str) -> None:
    page_path = tmp_path / "map.html"
    page_path.write_text(to_html(load_map(example), lang=lang), encoding="utf-8")
    opened = open_page(page_path)
    page = opened.page
    button = page.locator("#save-positions")
    assert button.inner_text() == ("Save positions" if lang == "en" else "Posities opslaan")
    # drag Politie with the mouse, then reach the button with the keyboard
    box = page.evaluate(
        "(() => { const p = window.network.canvasToDOM(window.network.getPositions(['politie']).politie);"
        " const r = document.getElementById('network').getBoundingClientRect();"
        " return {x: r.left + p.x, y: r.top + p.y}; })()"
    )
    page.mouse.move(box["x"], box["y"])
    page.mouse.down()
    page.mouse.move(box["x"] + 60, box["y"] + 40, steps=8)
    page.mouse.up()
    moved = page.evaluate("window.network.getPositions(['politie']).politie")
    button.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "positions.csv"
    saved = tmp_path / "positions.csv"
    download.save_as(saved)
    rows = read_positions(saved)
    assert set(rows) == set(load_map(example).organisations["id"])
    assert rows["politie"] == (round(moved["x"]), round(moved["y"]))
    assert rows["politie"] != positions(load_map(example))["politie"]
    assert "positions.csv" in page.inner_text("#save-positions-status")
    assert opened.errors == [] and opened.requests == []
    # put beside the source, the next build draws Politie where it was dragged
    shutil.copy(saved, positions_path(example))
    assert positions(load_map(example))["politie"] == rows["politie"]


@pytest.mark.browser
def test_the_live_page_saves_to_the_server(tmp_path: Path, browser: Any) -> None:
    folder = write_folder(tmp_path / "live", {"organisations": ORGANISATIONS, "links": LINKS})
    server = start(folder, port=0)
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(server.url)
        page.wait_for_selector("#save-positions")
        page.evaluate("window.network.moveNode('om', 400, -250)")
        page.wait_for_timeout(2000)  # the page asks the server for news every 0.7 s: nothing new, no reload
        assert page.evaluate("window.network.getPositions(['om']).om") == {"x": 400, "y": -250}
        page.click("#save-positions")
        page.wait_for_selector("#save-positions-status:has-text('positions.csv')")
        assert read_positions(folder / "positions.csv")["om"] == (400, -250)
        assert errors == []
    finally:
        context.close()
        server.stop()


def test_a_mostly_new_map_keeps_what_was_kept(tmp_path: Path) -> None:
    nodes = [f"o{i:03d}" for i in range(400)]
    pairs = sorted(
        {(min(a, b), max(a, b), 1) for i in range(400) for a, b in [(nodes[i], nodes[(i * 13 + 5) % 400])] if a != b}
    )
    folder = write_folder(
        tmp_path / "big",
        {
            "organisations": [["id", "name"], *([n, n] for n in nodes)],
            "links": [["source", "target"], *pairs_rows(pairs)],
        },
    )
    kept_before = {n: (i * 100, 0) for i, n in enumerate(nodes[:50])}
    write_positions(positions_path(folder), kept_before)
    after = positions(load_map(folder))
    assert all(after[n] == xy for n, xy in kept_before.items())
    assert len(set(after.values())) == 400


def pairs_rows(pairs: list[tuple[str, str, int]]) -> list[list[str]]:
    return [[a, b] for a, b, _ in pairs]


def test_cuts_of_a_synthetic_map_move_nobody(tmp_path: Path) -> None:
    organisations = [["id", "name", "since", "sensitivity"]]
    organisations += [
        [f"o{i:02d}", f"Org {i}", "" if i % 3 else str(2000 + i % 20), "restricted" if i % 4 == 1 else ""]
        for i in range(60)
    ]
    links = [["source", "target", "since"]]
    links += [[f"o{i:02d}", f"o{(i * 7 + 1) % 60:02d}", str(2000 + i % 25)] for i in range(60) if (i * 7 + 1) % 60 != i]
    folder = write_folder(tmp_path / "synthetic", {"organisations": organisations, "links": links})
    whole = positions(load_map(folder, audience="internal"))
    for cut in (
        load_map(folder, audience="public"),
        load_map(folder, audience="internal", as_of="2008"),
        load_map(folder, audience="public", as_of="2012", undated="hide"),
    ):
        shown = positions(cut)
        assert set(shown) == set(cut.organisations["id"]) and len(shown) < len(whole)
        assert max(movements(whole, shown)) == 0
        assert not {f"o{i:02d}" for i in range(1, 60, 4)} & set(shown) or cut.audience == "internal"


def test_bad_pins_are_said_in_dutch_too(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "bad", {"organisations": pinned({"om": ("ver", "3")}), "links": LINKS})
    result = CliRunner().invoke(cli, ["validate", str(folder), "--lang", "nl"])
    assert result.exit_code == 1
    assert "'ver' is geen positie: schrijf een getal" in result.output, result.output
