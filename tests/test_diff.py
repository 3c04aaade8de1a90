"""Two hand-made snapshots: the diff finds exactly the known changes, and draws them offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PAYLOADS, write_folder, write_json

from stakeholders import load_map
from stakeholders.cli import cli
from stakeholders.diff import CHANGE_COLOURS, as_markdown, changes_csv, diff_maps, diff_summary, item_labels
from stakeholders.layout import positions
from stakeholders.pages import diff_html, map_data, write_diff
from stakeholders.pages.diff import CHANGE_MARKS

OLD = {
    "organisations": [
        ["id", "name", "sector", "level"],
        ["om", "Openbaar Ministerie", "justice", "both"],
        ["politie", "Politie", "police", "both"],
        ["rn", "Reclassering", "probation", "operational"],
        ["gone", "Closed Foundation", "ngo", "operational"],
    ],
    "links": [
        ["id", "source", "target", "kind", "status", "strength"],
        ["L1", "politie", "om", "information-sharing", "planned", "2"],
        ["L2", "om", "rn", "referral", "active", "3"],
        ["L3", "gone", "politie", "funding", "active", ""],
        ["L4", "rn", "politie", "agreement", "active", ""],
    ],
}
NEW = {
    "organisations": [
        ["id", "name", "sector", "level"],
        ["om", "Openbaar Ministerie", "justice", "both"],
        ["politie", "Nationale Politie", "police", "both"],
        ["rn", "Reclassering", "probation", "operational"],
        ["sin", "Stop it Now", "prevention", "operational"],
    ],
    "links": [
        ["id", "source", "target", "kind", "status", "strength"],
        ["L1", "politie", "om", "information-sharing", "active", "4"],
        ["L2", "om", "rn", "referral", "active", "3"],
        ["L3", "politie", "sin", "referral", "active", ""],
        ["L4", "rn", "politie", "information-sharing", "active", ""],
    ],
}


@pytest.fixture
def snapshots(tmp_path: Path) -> tuple[Path, Path]:
    return write_folder(tmp_path / "old", OLD), write_folder(tmp_path / "new", NEW)


def test_diff_finds_exactly_the_known_changes(snapshots: tuple[Path, Path]) -> None:
    result = diff_maps(load_map(snapshots[0]), load_map(snapshots[1]))
    assert [(c.change, c.what, c.key, c.details) for c in result.changes] == [
        ("added", "organisation", "sin", ()),
        ("added", "link", "politie → sin (referral)", ()),
        ("removed", "organisation", "gone", ()),
        ("removed", "link", "gone → politie (funding)", ()),
        ("changed", "organisation", "politie", ("name: Politie → Nationale Politie",)),
        ("changed", "link", "politie → om (information-sharing)", ("status: planned → active", "strength: 2 → 4")),
        ("changed", "link", "rn → politie (information-sharing)", ("kind: agreement → information-sharing",)),
    ]
    assert result.counts == {
        "organisation": {"added": 1, "removed": 1, "changed": 1},
        "link": {"added": 1, "removed": 1, "changed": 2},
    }


def test_the_union_map_carries_the_change(snapshots: tuple[Path, Path]) -> None:
    union = diff_maps(load_map(snapshots[0]), load_map(snapshots[1])).union
    assert dict(zip(union.organisations["id"], union.organisations["change"], strict=True)) == {
        "om": "unchanged",
        "politie": "changed",
        "rn": "unchanged",
        "sin": "added",
        "gone": "removed",
    }
    changes = dict(zip(union.links["id"], union.links["change"], strict=True))
    assert changes == {"L1": "changed", "L2": "unchanged", "L3": "added", "L4": "changed", "L3~2": "removed"}
    assert union.graph.number_of_nodes() == 5 and union.graph.number_of_edges() == 5


def test_no_changes(snapshots: tuple[Path, Path]) -> None:
    result = diff_maps(load_map(snapshots[1]), load_map(snapshots[1]))
    assert result.changes == []
    assert as_markdown(result).endswith(
        "\n\n0 organisations added, 0 removed, 0 changed; 0 links added, 0 removed, 0 changed.\n"
    )


def test_change_list_formats(snapshots: tuple[Path, Path]) -> None:
    result = diff_maps(load_map(snapshots[0]), load_map(snapshots[1]))
    markdown = as_markdown(result)
    assert markdown.splitlines()[:3] == [
        "| change | what | item | details |",
        "|---|---|---|---|",
        "| added | organisation | Stop it Now |  |",
    ]
    assert "| added | link | Nationale Politie → Stop it Now (referral) |  |" in markdown
    assert markdown.rstrip().endswith("1 organisation added, 1 removed, 1 changed; 1 link added, 1 removed, 2 changed.")
    lines = changes_csv(result).splitlines()
    assert lines[0] == "change,what,item,id,source,target,kind,details"
    assert lines[1] == "added,organisation,Stop it Now,sin,,,,"
    assert lines[-1] == (
        "changed,link,Reclassering → Nationale Politie (information sharing),L4,rn,politie,information-sharing,"
        "kind: agreement → information-sharing"
    )


def test_diff_command(runner: CliRunner, snapshots: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "changes.html"
    result = runner.invoke(cli, ["diff", str(snapshots[0]), str(snapshots[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Wrote {out.resolve()} (1 organisation added, 1 removed, 1 changed; 1 link added, 1 removed, 2 changed).\n"
    )
    md = runner.invoke(cli, ["diff", str(snapshots[0]), str(snapshots[1]), "--format", "md"])
    assert md.exit_code == 0 and md.output.startswith("| change | what | item | details |\n")
    bad = runner.invoke(cli, ["diff", str(snapshots[0]), str(snapshots[1]), "-o", str(tmp_path / "x.md")])
    assert bad.exit_code == 2


@pytest.mark.browser
def test_diff_page_in_chromium(open_page: Any, snapshots: tuple[Path, Path], tmp_path: Path) -> None:
    result = diff_maps(load_map(snapshots[0]), load_map(snapshots[1]))
    opened = open_page(write_diff(result, tmp_path / "diff.html", old_label="2025", new_label="2026"))
    page = opened.page
    legend = page.inner_text("#legend-highlight")
    for label in ("added", "removed (dashed)", "changed", "unchanged"):
        assert label in legend
    assert (
        page.inner_text("#diff-counts")
        == "1 organisation added, 1 removed, 1 changed; 1 link added, 1 removed, 2 changed."
    )
    nodes = page.evaluate("Object.fromEntries(window.network.body.data.nodes.get().map(n => [n.id, n]))")
    assert nodes["sin"]["color"]["background"] == CHANGE_COLOURS["added"]
    assert nodes["gone"]["color"]["background"] == CHANGE_COLOURS["removed"]
    assert nodes["gone"]["shapeProperties"]["borderDashes"] == [4, 3]
    removed_link = page.evaluate("window.network.body.data.edges.get('L3~2')")
    assert removed_link["dashes"] == [6, 4] and removed_link["color"]["color"] == CHANGE_COLOURS["removed"]
    rows = page.locator("#change-list tbody tr")
    assert rows.count() == 7
    assert "status: planned → active" in page.inner_text("#change-list")
    page.wait_for_timeout(300)
    assert opened.requests == [] and opened.dialogs == [] and opened.errors == []


@pytest.mark.browser
def test_diff_page_reads_from_the_back_of_the_room(
    open_page: Any, snapshots: tuple[Path, Path], tmp_path: Path
) -> None:
    result = diff_maps(load_map(snapshots[0]), load_map(snapshots[1]))
    opened = open_page(write_diff(result, tmp_path / "diff.html", old_label="2025", new_label="2026"), 1920, 1080)
    page = opened.page
    # the change list stands beside the map, not under it, inside the screen, in type that reads
    listed, drawn = page.locator("#change-list").bounding_box(), page.locator("#network").bounding_box()
    assert listed["x"] >= drawn["x"] + drawn["width"] - 1 and listed["x"] + listed["width"] <= 1920
    assert listed["y"] < drawn["y"] + drawn["height"] and listed["y"] + listed["height"] > drawn["y"] + 100
    assert drawn["width"] >= 900 and listed["y"] < 200  # the map keeps most of the screen; the list starts at the top
    rows = page.locator("#change-list tbody tr")
    assert rows.count() == 7 and all(box["y"] + box["height"] <= 1080 for box in (r.bounding_box() for r in rows.all()))
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('#change-list td')).fontSize)") >= 16
    assert page.evaluate("(t => t.scrollWidth <= t.clientWidth)(document.getElementById('change-list'))")
    # on the map of every output (the union map's positions), each change stands out three ways, the rest recedes
    nodes = page.evaluate("Object.fromEntries(window.network.body.data.nodes.get().map(n => [n.id, n]))")
    assert page.evaluate("window.stakeholdersMap.layout.positions") == {
        org: list(xy) for org, xy in positions(result.union).items()
    }
    marks = {change: nodes[org] for change, org in (("added", "sin"), ("removed", "gone"), ("changed", "politie"))}
    unchanged = nodes["om"]
    for change, node in marks.items():
        assert node["color"]["background"] == CHANGE_COLOURS[change]
        assert node["size"] >= 2 * unchanged["size"] and node["borderWidth"] > unchanged["borderWidth"]
    assert [marks[c]["label"] for c in ("added", "removed", "changed")] == [
        "+ Stop it Now",
        "\u2212 Closed Foundation",
        "Δ Nationale Politie",
    ]  # a symbol says it without the colour
    assert unchanged["label"] == "Openbaar Ministerie" and unchanged["font"]["color"] == "#6b6b6b"
    borders = [str(marks[c]["shapeProperties"]["borderDashes"]) for c in ("added", "removed", "changed")]
    assert len(set(borders)) == 3  # and a border of its own
    edges = page.evaluate("Object.fromEntries(window.network.body.data.edges.get().map(e => [e.id, e]))")
    links = {"added": edges["L3"], "removed": edges["L3~2"], "changed": edges["L1"]}
    for change, edge in links.items():
        assert edge["color"]["color"] == CHANGE_COLOURS[change] and edge["width"] >= 4 * edges["L2"]["width"]
        assert edge["label"].startswith(CHANGE_MARKS[change]["symbol"] + " ")
    assert len({str(edge["dashes"]) for edge in links.values()}) == 3  # solid, dashed, dash-dotted
    assert edges["L2"]["color"]["color"] == CHANGE_COLOURS["unchanged"] and edges["L2"]["label"] == ""
    page.evaluate("window.stakeholdersPage.showOrganisation('sin')")  # OM is dimmed, then comes back faint
    assert page.evaluate("window.network.body.data.nodes.get('om').font.color") != "#6b6b6b"
    page.keyboard.press("Escape")
    assert page.evaluate("window.network.body.data.nodes.get('om').font.color") == "#6b6b6b"
    page.wait_for_timeout(200)
    assert opened.requests == [] and opened.dialogs == [] and opened.errors == []


@pytest.mark.browser
def test_diff_of_payload_maps_runs_nothing(open_page: Any, payload_map: Path, tmp_path: Path) -> None:
    old = write_folder(
        tmp_path / "empty",
        {"organisations": [["id", "name"], ["safe", "Safe organisation"]], "links": [["source", "target"]]},
    )
    result = diff_maps(load_map(old), load_map(payload_map))
    page_text = write_diff(result, tmp_path / "p.html", old_label=PAYLOADS[0], new_label=PAYLOADS[2]).read_text()
    for payload in PAYLOADS:
        assert payload not in page_text
    opened = open_page(tmp_path / "p.html")
    assert PAYLOADS[0] in opened.page.inner_text("#diff-from-to")
    assert PAYLOADS[1] in opened.page.inner_text("#change-list")
    opened.page.wait_for_timeout(300)
    assert opened.dialogs == [] and opened.requests == [] and opened.errors == []


def test_one_source_between_two_dates(runner: CliRunner, tmp_path: Path) -> None:
    source = write_folder(
        tmp_path / "dated",
        {
            "organisations": [
                ["id", "name", "since"],
                ["om", "OM", ""],
                ["politie", "Politie", ""],
                ["atkm", "ATKM", "2024-07"],
            ],
            "links": [
                ["source", "target", "kind", "since", "until"],
                ["politie", "om", "referral", "2015", ""],
                ["atkm", "politie", "agreement", "2024-07", ""],
                ["om", "politie", "funding", "2010", "2019"],
            ],
        },
    )
    result = runner.invoke(cli, ["diff", str(source), "--from", "2018", "--to", "2025", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "added,organisation,ATKM,atkm,,,,",
        "added,link,ATKM → Politie (agreement),atkm>politie,atkm,politie,agreement,",
        "removed,link,OM → Politie (funding),om>politie,om,politie,funding,",
    ]
    backwards = runner.invoke(cli, ["diff", str(source), "--from", "2025", "--to", "2018-06"])
    assert backwards.exit_code == 2
    assert backwards.output.splitlines()[0].startswith("Usage: ")
    assert backwards.output.splitlines()[-1] == (
        "Error: --from 2025 is later than --to 2018-06: give the earlier date with --from"
    )
    same_year = runner.invoke(cli, ["diff", str(source), "--from", "2018-06", "--to", "2018", "--format", "md"])
    assert same_year.exit_code == 0, same_year.output
    lonely = runner.invoke(cli, ["diff", str(source), "--from", "2018"])
    assert lonely.exit_code == 2
    assert lonely.output.splitlines()[-1] == "Error: give two sources, or one source with --from DATE and --to DATE"


def test_analyse_as_of(runner: CliRunner, tmp_path: Path) -> None:
    import json

    source = write_folder(
        tmp_path / "dated2",
        {
            "organisations": [["id", "name", "until"], ["a", "A", ""], ["b", "B", ""], ["c", "C", "2019"]],
            "links": [["source", "target"], ["a", "b"], ["b", "c"]],
        },
    )
    then = json.loads(runner.invoke(cli, ["analyse", str(source), "--format", "json", "--as-of", "2018"]).stdout)
    now = json.loads(runner.invoke(cli, ["analyse", str(source), "--format", "json", "--as-of", "2025"]).stdout)
    assert (then["summary"]["organisations"], now["summary"]["organisations"]) == (3, 2)


def _pair(tmp_path: Path, old_links: list[list[Any]], new_links: list[list[Any]]) -> tuple[Any, Any]:
    """Two snapshots of organisations a, b and c with the links given (header row first)."""
    orgs = [["id", "name"], ["a", "Alpha"], ["b", "Beta"], ["c", "Gamma"]]
    old = write_folder(tmp_path / "old", {"organisations": orgs, "links": old_links})
    new = write_folder(tmp_path / "new", {"organisations": orgs, "links": new_links})
    return load_map(old), load_map(new)


def test_a_two_way_link_written_the_other_way_round_is_the_same_link(tmp_path: Path) -> None:
    header = ["source", "target", "kind", "direction", "status"]
    old, new = _pair(
        tmp_path,
        [header, ["a", "b", "referral", "mutual", "active"], ["a", "c", "funding", "undirected", "active"]]
        + [["b", "c", "agreement", "directed", "active"]],
        [header, ["b", "a", "referral", "mutual", "active"], ["c", "a", "funding", "undirected", "planned"]]
        + [["c", "b", "agreement", "directed", "active"]],
    )
    result = diff_maps(old, new)
    assert [(c.change, c.key, c.details) for c in result.changes] == [
        ("changed", "c → a (funding)", ("status: active → planned",)),
        ("changed", "c → b (agreement)", ("direction reversed",)),  # a directed link turned round
    ]
    assert sorted(result.union.links["change"]) == ["changed", "changed", "unchanged"]


def test_a_link_made_mutual_the_other_way_round_is_changed(tmp_path: Path) -> None:
    header = ["source", "target", "kind", "direction"]
    old, new = _pair(tmp_path, [header, ["a", "b", "referral", "directed"]], [header, ["b", "a", "referral", "mutual"]])
    assert [(c.change, c.key, c.details) for c in diff_maps(old, new).changes] == [
        ("changed", "b → a (referral)", ("direction: directed → mutual",))
    ]
    (tmp_path / "more").mkdir()
    old, new = _pair(
        tmp_path / "more",
        [header, ["a", "b", "referral", "directed"]],
        [header, ["b", "a", "referral", "mutual"], ["a", "b", "referral", "directed"]],
    )
    assert [(c.change, c.key) for c in diff_maps(old, new).changes] == [("added", "b → a (referral)")]


def test_links_with_the_same_ends_and_kind_are_told_apart(tmp_path: Path) -> None:
    header = ["source", "target", "kind", "direction", "status"]
    old, new = _pair(
        tmp_path,
        [header, ["a", "b", "referral", "directed", "planned"]],
        [header, ["a", "b", "referral", "directed", "active"], ["a", "b", "referral", "mutual", "active"]],
    )
    result = diff_maps(old, new)
    assert [(c.change, c.key, c.details) for c in result.changes] == [
        ("added", "a → b (referral, direction: mutual)", ()),
        ("changed", "a → b (referral, direction: directed)", ("status: planned → active",)),
    ]
    page = diff_html(result, old_label="old", new_label="new")
    assert "Alpha → Beta (referral, direction: mutual)" in page


def test_links_with_ids_are_matched_and_named_by_id(tmp_path: Path) -> None:
    header = ["id", "source", "target", "kind", "notes"]
    old, new = _pair(
        tmp_path,
        [header, ["L1", "a", "b", "referral", "weekly"], ["L2", "a", "b", "referral", "monthly"]],
        [header, ["L2", "a", "b", "referral", "monthly"], ["L6", "a", "b", "referral", "daily"]],
    )
    result = diff_maps(old, new)
    assert [(c.change, c.key, c.details) for c in result.changes] == [
        ("changed", "a → b (referral, id: L6)", ("id: L1 → L6", "notes: weekly → daily")),
    ]
    assert (
        changes_csv(result).splitlines()[1]
        == 'changed,link,"Alpha → Beta (referral, id: L6)",L6,a,b,referral,id: L1 → L6; notes: weekly → daily'
    )


def test_identical_links_are_numbered(tmp_path: Path) -> None:
    header = ["source", "target", "kind"]
    old, new = _pair(tmp_path, [header, ["a", "b", "referral"]], [header, *[["a", "b", "referral"]] * 2])
    assert [c.key for c in diff_maps(old, new).changes] == ["a → b (referral, link 2 of 2)"]


def test_counts_say_one_organisation_and_one_link(tmp_path: Path, runner: CliRunner) -> None:
    header = ["source", "target", "kind"]
    orgs = [["id", "name"], ["a", "Alpha"], ["b", "Beta"]]
    old = write_folder(tmp_path / "old", {"organisations": orgs, "links": [header]})
    new = write_folder(
        tmp_path / "new", {"organisations": [*orgs, ["c", "Gamma"]], "links": [header, ["a", "b", "referral"]]}
    )
    result = diff_maps(load_map(old), load_map(new))
    assert diff_summary(result) == "1 organisation added, 0 removed, 0 changed; 1 link added, 0 removed, 0 changed."
    assert diff_summary(result, "nl") == (
        "1 organisatie toegevoegd, 0 verwijderd, 0 gewijzigd; 1 verbinding toegevoegd, 0 verwijderd, 0 gewijzigd."
    )
    assert as_markdown(result).endswith(f"\n\n{diff_summary(result)}\n")
    page = diff_html(result, old_label="old", new_label="new", lang="nl")
    assert f'<p class="meta" id="diff-counts">{diff_summary(result, "nl")}</p>' in page
    out = tmp_path / "d.html"
    shown = runner.invoke(cli, ["diff", str(old), str(new), "-o", str(out), "--lang", "nl"])
    assert shown.output == (
        f"{out.resolve()} geschreven (1 organisatie toegevoegd, 0 verwijderd, 0 gewijzigd; "
        "1 verbinding toegevoegd, 0 verwijderd, 0 gewijzigd).\n"
    )
    reverse = diff_maps(load_map(new), load_map(old))
    assert diff_summary(reverse, "nl").startswith("0 organisaties toegevoegd, 1 verwijderd")


def test_lists_whose_items_hold_a_pipe_do_not_look_alike(tmp_path: Path) -> None:
    links = [["source", "target"], ["a", "b"]]
    old = write_json(
        tmp_path / "old.json",
        {"organisations": [["id", "name", "tags"], ["a", "Alpha", ["x", "b|c"]], ["b", "Beta", []]], "links": links},
    )
    new = write_folder(
        tmp_path / "new",
        {"organisations": [["id", "name", "tags"], ["a", "Alpha", "x|b|c"], ["b", "Beta", ""]], "links": links},
    )
    result = diff_maps(load_map(old), load_map(new))
    assert [c.details for c in result.changes] == [('tags: "x", "b|c" → "x", "b", "c"',)]
    assert "tags: x|y → y|x" in diff_maps(_tagged(tmp_path, "x|y"), _tagged(tmp_path, "y|x")).changes[0].details


def _tagged(tmp_path: Path, tags: str) -> Any:
    tables = {"organisations": [["id", "name", "tags"], ["a", "A", tags]], "links": [["source", "target"]]}
    return load_map(write_folder(tmp_path / f"tags-{tags.replace('|', '-')}", tables))


def test_a_directed_link_turned_round_is_changed(tmp_path: Path) -> None:
    header = ["id", "source", "target", "kind"]
    old, new = _pair(tmp_path, [header, ["L1", "b", "c", "referral"]], [header, ["L1", "c", "b", "referral"]])
    assert [(c.change, c.key, c.details) for c in diff_maps(old, new).changes] == [
        ("changed", "c → b (referral)", ("direction reversed",))
    ]
    (tmp_path / "more").mkdir()
    old, new = _pair(tmp_path / "more", [["source", "target"], ["b", "c"]], [["source", "target"], ["c", "b"]])
    assert [(c.change, c.details) for c in diff_maps(old, new).changes] == [("changed", ("direction reversed",))]


def test_columns_of_the_map_called_change_keep_their_values(tmp_path: Path) -> None:
    orgs = [["id", "name", "change", "changes"], ["a", "Alpha", "merger", "2 staff"], ["b", "Beta", "", ""]]
    links = [["source", "target", "change"], ["a", "b", "new budget"]]
    old = load_map(write_folder(tmp_path / "old", {"organisations": orgs, "links": links}))
    orgs[1][2] = "merged"
    new = load_map(write_folder(tmp_path / "new", {"organisations": orgs, "links": links}))
    result = diff_maps(old, new)
    union = result.union
    assert list(union.organisations["change"]) == ["changed", "unchanged"]
    assert list(union.organisations["change (own)"]) == ["merged", ""]
    assert list(union.organisations["changes (own)"]) == ["2 staff", ""]
    assert list(union.links["change"]) == ["unchanged"] and list(union.links["change (own)"]) == ["new budget"]
    assert result.changes[0].details == ("change: merger → merged",)
    data = map_data(union)
    assert data["organisations"][0]["change (own)"] == "merged" and data["organisations"][0]["change"] == "changed"
    assert {"name": "change (own)", "label": "Change (own)"} in data["fields"]["organisations"]


def test_organisations_that_share_a_name_are_told_apart_by_id(tmp_path: Path) -> None:
    links = [["source", "target", "kind"], ["a", "b", "notice-and-takedown"]]
    old = write_folder(tmp_path / "old", {"organisations": [["id", "name"], ["a", "A"], ["b", "B"]], "links": links})
    new_links = [["source", "target", "kind"], ["a", "beta", "notice-and-takedown"]]
    new = write_folder(
        tmp_path / "new", {"organisations": [["id", "name"], ["a", "A"], ["beta", "B"]], "links": new_links}
    )
    result = diff_maps(load_map(old), load_map(new))
    assert item_labels(result) == [
        "B (beta)",
        "A → B (beta) (notice and takedown)",
        "B (b)",
        "A → B (b) (notice and takedown)",
    ]
    assert item_labels(result, "nl")[1] == "A → B (beta) (notice-and-takedown)"
    page = diff_html(result, old_label="old", new_label="new")
    assert "<td>B (beta)</td>" in page and "<td>B (b)</td>" in page
    assert "| removed | organisation | B (b) |  |" in as_markdown(result)
