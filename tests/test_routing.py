"""No link runs through an organisation it does not join: on the page, the deck, the diff page and in images.

The page's curves are evaluated here from the page's own data (positions, curves, node sizes read from the
written HTML), sampled finely and measured against every organisation, not through the routing's grid; the
images' from the written SVG. The browser test checks that vis-network draws exactly the curve computed here.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import write_folder
from svg_geometry import read_svg

from stakeholders import example_path, load_map, write_html
from stakeholders.diff import diff_dates
from stakeholders.images import picture
from stakeholders.pages import diff_html, presentation_html, to_html
from stakeholders.pages._data import link_bends, map_data, node_radii
from stakeholders.routing import MOST_PAIRS, crossings, curve_points, route_links, via_point
from stakeholders.style import link_curves

SAMPLES = 400


@pytest.fixture(scope="module")
def example() -> Any:
    return load_map(example_path())


def page_data(html: str) -> dict[str, Any]:
    """The data a written page draws from (its ``map-data`` block)."""
    found = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S)
    assert found
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def through(data: dict[str, Any], curves: dict[str, float] | None = None) -> list[tuple[str, str]]:
    """Every (link, organisation) where the page's curve of a link comes inside an organisation it does not join.

    Brute force: each curve at ``SAMPLES`` points, against every organisation's drawn reach.
    """
    where = {org: (float(x), float(y)) for org, (x, y) in data["layout"]["positions"].items()}
    radii = node_radii(data)
    curves = data["layout"]["curves"] if curves is None else curves
    found = []
    for link in data["links"]:
        ends = (link["source"], link["target"])
        if ends[0] == ends[1] or not all(end in where for end in ends):
            continue
        points = curve_points(where[ends[0]], where[ends[1]], curves.get(link["id"], 0.0), SAMPLES)
        pieces = list(zip(points, points[1:], strict=False))
        for org, (x, y) in where.items():
            if org not in ends and min(_distance((x, y), a, b) for a, b in pieces) < radii[org]:
                found.append((link["id"], org))
    return found


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2)) if length2 else 0.0
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def test_the_example_page_has_no_link_through_an_organisation(example: Any) -> None:
    data = page_data(to_html(example))
    straight = through(data, link_curves(data["links"]))  # only parallel links bent, as before
    assert len(straight) >= 5  # the example has links drawn straight through others (18 before routing)
    assert through(data) == []
    bent = {link for link, _ in straight}
    assert bent <= set(data["layout"]["curves"])  # those links bend now


def test_views_deck_and_diff_pages_have_no_link_through_an_organisation(example: Any) -> None:
    pages = {
        "sized view": to_html(example, view="politie"),
        "circles": to_html(example, view="sectors"),
        "deck": presentation_html(example),
        "diff": diff_html(diff_dates(example, "2016", "2024"), old_label="2016", new_label="2024"),
    }
    for name, html in pages.items():
        data = page_data(html)
        assert data["layout"]["curves"], name
        assert through(data) == [], name


def test_the_example_image_has_no_link_through_an_organisation(example: Any) -> None:
    data, drawing = picture(example, fmt="svg")
    drawn = read_svg(data.decode("utf-8"))
    assert len(drawn.links) == len(example.links) and len(drawn.nodes) == len(example.organisations)
    assert drawn.links_through_nodes() == []


def collinear(tmp_path: Path, links: list[list[str]]) -> Any:
    orgs = [["id", "name", "level"], ["a", "Alpha", "policy"], ["b", "Bravo", ""], ["c", "Charlie", "both"]]
    return load_map(write_folder(tmp_path, {"organisations": orgs, "links": [["source", "target", "kind"], *links]}))


LINE = {"a": [0.0, 0.0], "b": [150.0, 6.0], "c": [300.0, 0.0]}
"""Three organisations nearly in a row: a straight link from a to c runs through b."""


def test_a_link_bends_around_the_organisation_in_its_way(tmp_path: Path) -> None:
    m = collinear(tmp_path, [["a", "c", "referral"], ["a", "b", "funding"]])
    data = map_data(m)
    data["layout"]["positions"] = LINE
    assert [org for _, org in through(data, {})] == ["b"]
    data["layout"]["curves"] = link_bends(data)
    assert through(data) == []
    (a_c,) = (link["id"] for link in data["links"] if link["target"] == "c")
    # away from b, which stands below the line (y grows downwards): the curve bows upwards
    assert via_point((0, 0), (300, 0), data["layout"]["curves"][a_c])[1] < 0
    assert list(data["layout"]["curves"]) == [a_c]  # a to b was clear and stays straight


def test_parallel_links_move_together_and_stay_apart(tmp_path: Path) -> None:
    m = collinear(tmp_path, [["a", "c", "referral"], ["a", "c", "funding"], ["c", "a", "research"]])
    data = map_data(m)
    data["layout"]["positions"] = LINE
    assert through(data, link_curves(data["links"]))  # bent apart only, the middle one runs through b
    data["layout"]["curves"] = curves = link_bends(data)
    assert through(data) == []
    where = {org: (x, y) for org, (x, y) in LINE.items()}
    vias = {
        link["id"]: via_point(where[link["source"]], where[link["target"]], curves[link["id"]])
        for link in data["links"]
    }
    assert min(math.dist(p, q) for p in vias.values() for q in vias.values() if p != q) > 10
    assert len(set(vias.values())) == 3


def test_a_link_bends_in_the_image_too(tmp_path: Path) -> None:
    m = collinear(tmp_path, [["a", "c", "referral"], ["a", "b", "funding"], ["b", "c", "funding"]])
    image, _ = picture(m, fmt="svg", display={"positions": {**LINE, "b": [150.0, 0.0]}})
    drawn = read_svg(image.decode("utf-8"))
    assert len(drawn.links) == 3 and len(drawn.nodes) == 3
    assert drawn.links_through_nodes() == []
    # drawn straight, the link between the outer two would run through the middle one
    centres = sorted(((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, min(b[2] - b[0], b[3] - b[1]) / 2) for b in drawn.nodes)
    (ax, ay, _), (bx, by, radius), (cx, cy, _) = centres
    assert _distance((bx, by), (ax, ay), (cx, cy)) < radius
    drawn.links = {"straight": [[(ax, ay), (cx, cy)]]}
    assert drawn.links_through_nodes() == [("straight", next(i for i, b in enumerate(drawn.nodes) if b[0] < bx < b[2]))]


def test_routing_is_deterministic_and_local() -> None:
    # a grid of organisations with long links across it: every link clear, the same answer twice
    where = {f"n{i}-{j}": (i * 80.0, j * 80.0 + (i % 2) * 13) for i in range(30) for j in range(30)}
    links = [
        {"id": f"l{k}", "source": f"n{k % 30}-0", "target": f"n{(k * 7) % 30}-29"} for k in range(30) if k % 30 != 0
    ]
    radii = dict.fromkeys(where, 14.0)
    first = route_links(where, links, radii)
    assert first == route_links(where, links, radii)
    assert len(crossings(where, links, {}, radii)) > len(crossings(where, links, first, radii))


def test_a_map_of_very_many_pairs_keeps_its_parallel_curves_only() -> None:
    # above MOST_PAIRS linked pairs nothing is routed (the page draws such maps' links itself, thin): a link
    # through an organisation stays straight, and parallel links keep the curves that set them apart
    count = MOST_PAIRS + 1
    where = {f"n{i}": (float(i * 40), 0.0) for i in range(count + 2)}  # all on one line
    links = [{"id": f"l{i}", "source": f"n{i}", "target": f"n{i + 1}"} for i in range(count)]
    links += [{"id": "through", "source": "n0", "target": "n2"}, {"id": "again", "source": "n0", "target": "n1"}]
    radii = dict.fromkeys(where, 10.0)
    parallel = link_curves(links)
    assert set(parallel) == {"l0", "again"}
    assert route_links(where, links, radii, curves=parallel) == parallel
    fewer = links[:50] + links[-2:]  # the same trouble on a small map is routed
    assert "through" in route_links(where, fewer, radii, curves=link_curves(fewer))


@pytest.mark.browser
def test_vis_network_draws_the_curve_computed_here(open_page: Any, example: Any, tmp_path: Path) -> None:
    page = open_page(write_html(example, tmp_path / "map.html")).page
    drawn = page.evaluate(
        """() => Object.fromEntries(Object.entries(window.network.body.edges).map(([id, edge]) => {
            const via = edge.edgeType.getViaNode();
            return [id, {from: [edge.from.x, edge.from.y], to: [edge.to.x, edge.to.y],
                         via: via && via.x !== undefined ? [via.x, via.y] : null}];
        }))"""
    )
    data = page.evaluate("window.stakeholdersMap.layout")
    curves, where = data["curves"], data["positions"]
    assert curves and len(drawn) == len(example.links)
    for link in example.records("links"):
        edge = drawn[link["id"]]
        assert edge["from"] == where[link["source"]] and edge["to"] == where[link["target"]]
        if link["id"] in curves:
            expected = via_point(tuple(edge["from"]), tuple(edge["to"]), curves[link["id"]])
            assert edge["via"] is not None and math.dist(edge["via"], expected) < 1e-6, link["id"]
        else:
            assert edge["via"] is None, link["id"]  # a straight line
