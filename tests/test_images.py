"""Images: the right type and size, not blank, legend drawn, deterministic."""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import write_folder
from PIL import Image

from stakeholders import OutputError, example_path, load_map
from stakeholders.cli import cli
from stakeholders.images import write_image


@pytest.fixture(scope="module")
def example() -> object:
    return load_map(example_path())


def test_png_is_a_slide_with_a_map_and_a_legend(example: object, tmp_path: Path) -> None:
    path = write_image(example, tmp_path / "map.png")
    picture = Image.open(io.BytesIO(path.read_bytes()))
    assert picture.format == "PNG" and picture.size == (1920, 1080)
    pixels = np.asarray(picture.convert("L"), dtype=float)
    assert pixels.std() > 10  # not blank
    legend = pixels[100:900, 1540:1900]  # the right-hand legend panel
    map_area = pixels[100:1000, 100:1400]
    assert (legend < 200).mean() > 0.01 and (map_area < 200).mean() > 0.02
    colours = np.asarray(picture.convert("RGB"))[100:900, 1540:1600].reshape(-1, 3)
    assert len({tuple(c) for c in colours if not (c == c[0]).all()}) >= 10  # coloured swatches, not just grey text


def test_svg_and_pdf(example: object, tmp_path: Path) -> None:
    svg = write_image(example, tmp_path / "map.svg", size=(1600, 900)).read_text(encoding="utf-8")
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("width") == "1152pt" and root.get("height") == "648pt"
    assert (
        "Cooperation against online child sexual abuse" in svg and "Legend" not in svg
    )  # text as text, legend titled by part
    assert "Sector (colour)" in svg
    pdf = write_image(example, tmp_path / "map.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    box = [float(v) for v in re.search(rb"/MediaBox \[ ?([\d. ]+)\]", pdf).group(1).split()]
    assert box[2:] == pytest.approx([841.68, 595.44], abs=1)  # A4 landscape in points


@pytest.mark.slow
def test_images_are_deterministic(example: object, tmp_path: Path) -> None:
    for suffix in (".png", ".svg", ".pdf"):
        first = write_image(example, tmp_path / f"a{suffix}").read_bytes()
        assert write_image(example, tmp_path / f"b{suffix}").read_bytes() == first


def test_dutch_legend_and_unsupported_format(example: object, tmp_path: Path) -> None:
    svg = write_image(example, tmp_path / "kaart.svg", lang="nl").read_text(encoding="utf-8")
    assert "Sector (kleur)" in svg and "Gegevens van 2026-12-07" in svg
    with pytest.raises(OutputError, match="use .png, .svg or .pdf"):
        write_image(example, tmp_path / "map.gif")


def test_image_command(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "slide.png"
    result = runner.invoke(cli, ["image", str(example_path()), "-o", str(out), "--size", "1280x720"])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out.resolve()}.\n"
    with Image.open(out) as picture:
        assert picture.size == (1280, 720)
    bad = runner.invoke(cli, ["image", "-o", str(tmp_path / "x.png"), "--size", "huge"])
    assert bad.exit_code == 2
    assert bad.output.splitlines()[-1] == (
        "Error: Invalid value for '--size': 'huge' is not a size: write WIDTHxHEIGHT in pixels, e.g. 1920x1080"
    )


def test_swimlane_headers_stay_apart_and_inside_the_slide(example: object) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from stakeholders.images import DPI, _draw_network, _figure
    from stakeholders.views import find_view, view_display

    display = view_display(example, find_view(example, "approach"))
    figure = _figure(display["map"], (1920 / DPI, 1080 / DPI), "en")
    network = figure.add_axes((0.01, 0.05, 0.78, 0.84))  # where write_image draws the map
    _draw_network(network, display["map"], None, display)
    renderer = FigureCanvasAgg(figure).get_renderer()
    labels = {anchor["label"].replace("\n", " ") for anchor in display["anchors"]}
    boxes = sorted(
        (text.get_window_extent(renderer) for text in network.texts if text.get_text().replace("\n", " ") in labels),
        key=lambda box: box.x0,
    )
    assert len(boxes) == len(display["anchors"]) >= 8
    assert boxes[0].x0 >= 0 and boxes[-1].x1 <= 0.79 * 1920  # nothing cut off at the edges of the map
    assert all(left.x1 < right.x0 for left, right in zip(boxes, boxes[1:], strict=False))  # no two overlap


def test_caption_counts_one_organisation_and_one_link(tmp_path: Path) -> None:
    orgs = [["id", "name"], ["a", "A"], ["b", "B"], ["c", "C"]]
    links = [["source", "target", "sensitivity"], ["a", "b", ""], ["b", "a", "restricted"]]
    orgs[3].append("restricted")
    orgs[0].append("sensitivity")
    settings = [["key", "value"], ["show_hidden_counts", "yes"]]
    folder = write_folder(tmp_path / "m", {"organisations": orgs, "links": links, "map": settings})
    m = load_map(folder)
    svg = write_image(m, tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "2 organisations, 1 link" in svg
    assert "For this audience (public) 1 organisation and 1 link are not shown." in svg
    dutch = write_image(m, tmp_path / "k.svg", lang="nl").read_text(encoding="utf-8")
    assert "2 organisaties, 1 verbinding" in dutch
