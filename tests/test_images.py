"""Images: the right type and size, a map that fills the frame, legible labels measured from the SVG, deterministic.

The legibility figures (label size, overlapping label boxes, labels crossed by a line, labels on a node)
are measured from the written SVG by ``svg_geometry``: text positions and font sizes from the file,
extents from the font's metrics, lines from the links' path data.
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner
from conftest import write_folder
from PIL import Image
from pypdf import PdfReader
from svg_geometry import Picture, read_svg

from stakeholders import OutputError, example_path, load_map
from stakeholders.cli import cli
from stakeholders.images import A4_LANDSCAPE, picture, write_image
from stakeholders.style import MARKING_COLOURS


@pytest.fixture(scope="module")
def example() -> object:
    return load_map(example_path())


@pytest.fixture(scope="module")
def example_svg(example: object) -> Picture:
    data, _ = picture(example, fmt="svg")
    return read_svg(data.decode("utf-8"))


def synthetic(folder: Path, n: int, seed: int = 7) -> object:
    """A map of ``n`` organisations grown by preferential attachment (two links each), names of 7 to 36 letters."""
    rng = random.Random(seed)
    sectors = ["police", "justice", "care", "hotline", "industry", "research", "government", "international"]
    words = ["Centre", "Foundation", "Bureau", "Team", "Office", "Network", "Institute"]
    orgs = [["id", "name", "sector"]]
    for i in range(n):
        name = f"{rng.choice(words)} {i}" if rng.random() < 0.7 else f"National {rng.choice(words)} for Safety {i}"
        orgs.append([f"o{i}", name, rng.choice(sectors)])
    links = [["source", "target", "kind"]]
    for u, v in nx.barabasi_albert_graph(n, 2, seed=seed).edges:
        links.append([f"o{u}", f"o{v}", rng.choice(["referral", "information-sharing", "funding"])])
    return load_map(write_folder(folder, {"organisations": orgs, "links": links}))


def test_png_is_a_slide_with_a_map_and_a_legend(example: object, tmp_path: Path) -> None:
    path = write_image(example, tmp_path / "map.png")
    picture_ = Image.open(io.BytesIO(path.read_bytes()))
    assert picture_.format == "PNG" and picture_.size == (1920, 1080)
    pixels = np.asarray(picture_.convert("L"), dtype=float)
    assert pixels.std() > 10  # not blank
    colours = np.asarray(picture_.convert("RGB")).reshape(-1, 3)
    assert len({tuple(c) for c in colours[::7] if not (c == c[0]).all()}) >= 40  # sectors, kinds: not just grey


def test_map_fills_the_frame_beside_a_compact_legend(example_svg: Picture) -> None:
    """The map reaches across all the height between the date line and the source note, the legend right beside it."""
    top, bottom = example_svg.parts["meta"][3], example_svg.parts["source"][1]
    left, map_top, right, map_bottom = example_svg.map_box()
    legend = example_svg.legend_box()
    width = 1920 / example_svg.to_pixels
    assert (map_bottom - map_top) / (bottom - top) > 0.9  # this map is as tall as it is wide: height decides
    assert top < map_top and map_bottom < bottom
    assert right < legend[0] < right + 0.05 * width  # the legend right beside the map, not at the far edge
    assert legend[2] < width and left > 0
    assert legend[1] >= top and legend[3] <= bottom


def test_legend_names_only_what_the_picture_shows(example: object, tmp_path: Path) -> None:
    svg = write_image(example, tmp_path / "step.svg", view="national-justice").read_text(encoding="utf-8")
    texts = read_svg(svg).texts
    assert "police" in texts and "justice" in texts
    assert "hotline" not in texts and "industry" not in texts and "notice and takedown" not in texts
    full = read_svg(write_image(example, tmp_path / "all.svg").read_text(encoding="utf-8")).texts
    assert "hotline" in full and "notice and takedown" in full and "planned" not in full  # no planned link today


def test_example_slide_is_legible(example_svg: Picture) -> None:
    """Issue #16, item 4, measured on the written SVG of the example at 1920×1080."""
    labels = example_svg.labels
    assert len(labels) == 67  # every organisation labelled
    assert min(label.font_px for label in labels) >= 18
    assert example_svg.overlapping_labels() == 0
    assert example_svg.crossed_labels() == 0
    assert example_svg.labels_on_nodes() == 0
    assert sum(label.on_background for label in labels) <= len(labels) // 2  # most found a place free of lines


def test_sized_nodes_keep_their_labels_outside(example: object, tmp_path: Path) -> None:
    svg = write_image(example, tmp_path / "politie.svg", view="politie").read_text(encoding="utf-8")
    shown = read_svg(svg)
    sizes = [node[2] - node[0] for node in shown.nodes]
    assert max(sizes) > 2 * min(sizes)  # sized by their number of partners
    assert shown.labels and shown.labels_on_nodes() == 0 and shown.overlapping_labels() == 0
    assert shown.crossed_labels() == 0


@pytest.mark.slow
def test_larger_map_labels_the_most_connected_first(tmp_path: Path) -> None:
    m = synthetic(tmp_path / "big", 150)
    data, drawing = picture(m, fmt="svg")
    shown = read_svg(data.decode("utf-8"))
    assert min(label.font_px for label in shown.labels) >= 18
    assert shown.overlapping_labels() == 0 and shown.crossed_labels() == 0 and shown.labels_on_nodes() == 0
    assert len(shown.labels) == len(drawing.labels) >= 100
    degree = m.graph.to_undirected().degree
    top = sorted(m.organisations["id"], key=lambda org: -degree[org])[:8]
    assert all(org in drawing.labels for org in top)
    assert set(drawing.unlabelled) == set(m.organisations["id"]) - set(drawing.labels)


def test_label_size_follows_the_extent_of_the_positions(tmp_path: Path) -> None:
    small = small_map(tmp_path / "small")
    shown = read_svg(picture(small, fmt="svg")[0].decode("utf-8"))
    assert min(label.font_px for label in shown.labels) == pytest.approx(26)  # a small map: the largest labels
    assert shown.crossed_labels() == 0 and shown.overlapping_labels() == 0


def test_svg_keeps_text_as_text_with_a_font_stack(example: object, tmp_path: Path) -> None:
    svg = write_image(example, tmp_path / "map.svg", size=(1600, 900)).read_text(encoding="utf-8")
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("width") == "1152pt" and root.get("height") == "648pt"
    texts = [element.text for element in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any(text and text.startswith("Cooperation against online child sexual abuse") for text in texts)
    assert {"Sector (colour)", "Politie", "Europol"} <= set(texts)
    assert "glyph" not in svg and "DejaVuSans-" not in svg  # no letters drawn as shapes
    families = set(re.findall(r"font-family: ([^;\"]+)", svg))
    assert families == {"'DejaVu Sans', 'Verdana', 'Arial', 'Helvetica', 'Liberation Sans', sans-serif"}


def test_pdf_is_a4_and_wraps_a_long_title(example: object, tmp_path: Path) -> None:
    pdf = write_image(example, tmp_path / "map.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    box = [float(v) for v in re.search(rb"/MediaBox \[ ?([\d. ]+)\]", pdf).group(1).split()]
    assert box[2:] == pytest.approx([841.68, 595.44], abs=1)  # A4 landscape in points
    long_title = "A very long title " * 12 + "that ends here"
    data, _ = picture(small_map(tmp_path / "small"), fmt="svg", size=A4_LANDSCAPE, title=long_title)
    shown = read_svg(data.decode("utf-8"), frame_width=A4_LANDSCAPE[0])
    root = ElementTree.fromstring(data)
    svg = "{http://www.w3.org/2000/svg}"
    lines = [
        text.text for group in root.iter(f"{svg}g") if group.get("id") == "title" for text in group.iter(f"{svg}text")
    ]
    assert len(lines) >= 2 and " ".join(lines) == " ".join(long_title.split())  # wrapped, nothing cut off
    assert 0 < shown.parts["title"][0] and shown.parts["title"][2] < A4_LANDSCAPE[0] * 0.72  # inside the page (pt)


@pytest.mark.slow
def test_images_are_deterministic(example: object, tmp_path: Path) -> None:
    for suffix in (".png", ".svg", ".pdf"):
        first = write_image(example, tmp_path / f"a{suffix}").read_bytes()
        assert write_image(example, tmp_path / f"b{suffix}").read_bytes() == first


def test_dutch_legend_and_unsupported_format(example: object, tmp_path: Path) -> None:
    svg = write_image(example, tmp_path / "kaart.svg", lang="nl").read_text(encoding="utf-8")
    assert "Sector (kleur)" in svg and "Gegevens van 7 december 2026" in svg
    with pytest.raises(OutputError, match="use .png, .svg or .pdf"):
        write_image(example, tmp_path / "map.gif")


def small_map(folder: Path, audience: str = "public") -> object:
    orgs = [["id", "name"], ["a", "Alpha"], ["b", "Beta"], ["c", "Gamma"]]
    links = [["source", "target"], ["a", "b"], ["b", "c"]]
    return load_map(write_folder(folder, {"organisations": orgs, "links": links}), audience=audience)


def test_audience_marking_on_images(tmp_path: Path) -> None:
    wordings = {
        ("internal", "en"): "INTERNAL — do not distribute",
        ("internal", "nl"): "INTERN — niet verspreiden",
        ("partners", "en"): "PARTNERS — share with partners only",
        ("partners", "nl"): "PARTNERS — alleen delen met partners",
    }
    for (audience, lang), wording in wordings.items():
        m = small_map(tmp_path / "m", audience)
        texts = read_svg(write_image(m, tmp_path / f"{audience}-{lang}.svg", lang=lang).read_text("utf-8")).texts
        assert wording in texts
    public = write_image(small_map(tmp_path / "m"), tmp_path / "public.svg").read_text(encoding="utf-8")
    assert "audience-marking" not in public and not any(w.split(" — ")[0] in public for w in wordings.values())
    red = np.array([int(MARKING_COLOURS["internal"][i : i + 2], 16) for i in (1, 3, 5)])
    for audience in ("internal", "public"):
        png = write_image(small_map(tmp_path / "m", audience), tmp_path / f"{audience}.png")
        corner = np.asarray(Image.open(png).convert("RGB"))[:80, -700:].reshape(-1, 3)
        marked = np.count_nonzero(np.abs(corner.astype(int) - red).sum(axis=1) < 10)
        assert (marked > 5000) == (audience == "internal")  # a red box in the top right corner
        pdf = write_image(small_map(tmp_path / "m", audience), tmp_path / f"{audience}.pdf")
        text = PdfReader(pdf).pages[0].extract_text()
        assert ("INTERNAL — do not distribute" in text) == (audience == "internal") and "Alpha" in text


def test_image_command(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "slide.png"
    result = runner.invoke(cli, ["image", str(example_path()), "-o", str(out), "--size", "1280x720"])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out.resolve()}.\n"
    with Image.open(out) as shown:
        assert shown.size == (1280, 720)
    bad = runner.invoke(cli, ["image", "-o", str(tmp_path / "x.png"), "--size", "huge"])
    assert bad.exit_code == 2
    assert bad.output.splitlines()[-1] == (
        "Error: Invalid value for '--size': 'huge' is not a size: write WIDTHxHEIGHT in pixels, e.g. 1920x1080"
    )


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
