"""The PowerPoint deck, read back with python-pptx: slides, titles, pictures, notes, footer, marking, same bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_folder
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu
from svg_geometry import read_svg

from stakeholders import OutputError, example_path, load_map, write_pptx
from stakeholders.cli import cli
from stakeholders.images import picture
from stakeholders.pages import presentation_steps
from stakeholders.slides import pptx_bytes, step_display


@pytest.fixture(scope="module")
def internal() -> object:
    return load_map(example_path(), audience="internal")


@pytest.fixture(scope="module")
def deck(internal: object, tmp_path_factory: pytest.TempPathFactory) -> Presentation:
    path = write_pptx(internal, tmp_path_factory.mktemp("deck") / "deck.pptx")
    return Presentation(str(path))


def small_map(folder: Path, audience: str = "public") -> object:
    orgs = [["id", "name", "sector"], ["a", "Alpha", "police"], ["b", "Beta", "justice"], ["c", "Gamma", "care"]]
    links = [["source", "target", "kind"], ["a", "b", "referral"], ["b", "c", "funding"]]
    views = [
        ["name", "step", "title", "note", "sector"],
        ["justice", "1", "Police and justice", "Say this.", "police|justice"],
        ["all", "2", "Everyone", "", ""],
    ]
    tables = {"organisations": orgs, "links": links, "views": views}
    return load_map(write_folder(folder, tables), audience=audience)


def footer(slide: object) -> str:
    return next(shape.text_frame.text for shape in slide.shapes if shape.name == "Footer")


def marking(slide: object) -> str | None:
    return next((shape.text_frame.text for shape in slide.shapes if shape.name == "Audience marking"), None)


def test_one_slide_per_step_with_title_picture_notes_and_footer(internal: object, deck: Presentation) -> None:
    steps = presentation_steps(internal)
    assert len(deck.slides) == 1 + len(steps) == 7  # the barrier model is the last step
    assert deck.slide_width / deck.slide_height == pytest.approx(16 / 9, abs=0.01)
    first = deck.slides[0]
    assert first.shapes.title.text == internal.settings.title
    assert internal.settings.description[:80] in first.placeholders[1].text_frame.text
    for slide, step in zip(list(deck.slides)[1:], steps, strict=True):
        assert slide.shapes.title.text == step["title"]
        assert slide.notes_slide.notes_text_frame.text == step["note"] and step["note"]
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        image = Image.open(io.BytesIO(pictures[0].image.blob))
        assert image.format == "PNG"
        # drawn at the size it takes on a 1920-pixel-wide projector: one picture pixel is one screen pixel
        on_screen = Emu(pictures[0].width) / Emu(deck.slide_width) * 1920
        assert image.size[0] == pytest.approx(on_screen, abs=1)
        assert image.size[0] / image.size[1] == pytest.approx(pictures[0].width / pictures[0].height, abs=0.01)
        assert pictures[0].top > slide.shapes.title.top  # below the title
    for slide in deck.slides:
        assert footer(slide).startswith("Data as of 7 December 2026 · Source: Public sources")
        assert marking(slide) == "INTERNAL — do not distribute"


def test_step_pictures_are_legible(internal: object) -> None:
    """The last network step (the whole map) as the deck draws it, measured on its SVG: labels of 18 px or more."""
    from stakeholders.slides import _picture_size

    step = [step for step in presentation_steps(internal) if not step["board"]][-1]
    display = step_display(internal, step)
    _, pixels = _picture_size()
    data, _ = picture(display["map"], fmt="svg", size=pixels, unit=1.0, display=display, frame=False)
    shown = read_svg(data.decode("utf-8"), frame_width=pixels[0])
    assert len(shown.labels) == len(step["organisations"])
    assert min(label.font_px for label in shown.labels) >= 18
    assert shown.overlapping_labels() == 0 and shown.crossed_labels() == 0 and shown.labels_on_nodes() == 0
    assert "title" not in shown.parts and "audience-marking" not in shown.parts  # the slide has them as text


def test_a_board_step_is_the_board(internal: object, deck: Presentation) -> None:
    """The example's fifth step shows the approach as a board: its slide's picture is the board, drawn in full."""
    from stakeholders.slides import _picture_size

    steps = presentation_steps(internal)
    index = [step["board"] for step in steps].index(True)
    display = step_display(internal, steps[index])
    assert display["board"] is not None and step_display(internal, steps[0])["board"] is None
    _, pixels = _picture_size()
    drawn, _ = picture(display["map"], size=pixels, unit=1.0, display=display, frame=False)
    blob = next(s for s in deck.slides[1 + index].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE).image.blob
    assert blob == drawn
    svg, _ = picture(display["map"], fmt="svg", size=pixels, unit=1.0, display=display, frame=False)
    text = svg.decode("utf-8")
    assert 'id="board-column-6-title"' in text and text.count('<g id="board-card-') >= len(display["map"].organisations)


def test_steps_keep_the_positions_of_the_whole_map(internal: object) -> None:
    from stakeholders.layout import positions

    whole = positions(internal)
    for step in presentation_steps(internal):
        display = step_display(internal, step)
        assert display["positions"] == {org: list(whole[org]) for org in step["organisations"]}


def test_marking_for_partners_and_none_for_public(tmp_path: Path) -> None:
    partners = Presentation(io.BytesIO(pptx_bytes(small_map(tmp_path / "p", "partners"), lang="nl")))
    wording = "PARTNERS — alleen delen met partners"
    assert [marking(slide) for slide in partners.slides] == [wording] * 3
    assert footer(partners.slides[1]).startswith("Gegevens van een niet vermelde datum")
    public = Presentation(io.BytesIO(pptx_bytes(small_map(tmp_path / "q"))))
    assert [marking(slide) for slide in public.slides] == [None] * 3
    texts = [shape.text_frame.text for slide in public.slides for shape in slide.shapes if shape.has_text_frame]
    assert not any("INTERN" in text or "PARTNERS" in text for text in texts)
    assert [slide.shapes.title.text for slide in public.slides][1:] == ["Police and justice", "Everyone"]


@pytest.mark.slow
def test_deck_is_deterministic(internal: object) -> None:
    assert pptx_bytes(internal) == pptx_bytes(internal)


def test_present_writes_pptx(runner: CliRunner, tmp_path: Path) -> None:
    folder = small_map(tmp_path / "m").source
    out = tmp_path / "deck.pptx"
    result = runner.invoke(cli, ["present", str(folder), "-o", str(out), "--views", "all", "--audience", "internal"])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out.resolve()}.\n"
    shown = Presentation(str(out))
    assert [slide.shapes.title.text for slide in shown.slides][1:] == ["Everyone"]
    assert marking(shown.slides[1]) == "INTERNAL — do not distribute"
    bad = runner.invoke(cli, ["present", str(folder), "-o", str(tmp_path / "deck.ppt")])
    assert bad.exit_code == 2 and "'-o' / '--output': '" in bad.output and "must end in .html or .pptx" in bad.output
    assert not (tmp_path / "deck.ppt").exists()
    with pytest.raises(OutputError, match="must end in .pptx"):
        write_pptx(small_map(tmp_path / "n"), tmp_path / "deck.html")
