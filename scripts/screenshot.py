"""Render the README's pictures of the example: the map page in headless Chromium, and the slide image.

Run it from the repository with the project's environment:

    .venv/bin/python scripts/screenshot.py [docs/example-map.png [docs/example-map-slide.png]]
    .venv/bin/python scripts/screenshot.py --view approach docs/example-board.png
    .venv/bin/python scripts/screenshot.py --barriers docs/example-barriers.png

It builds the map into a temporary folder, opens it offline in Debian's
chromium (/usr/bin/chromium) through Playwright, waits until vis-network has
drawn it, and writes a 1400×900 PNG; then it draws the example as a 1920×1080
slide with ``write_image`` (what ``stakeholders image`` writes). With
``--view``, it takes one page of one of the example's views (such as
``approach``, the board) at 1920×1080, the width of a projector. With
``--barriers``, it takes the barrier-model page (``stakeholders barriers``)
at 1920×1080; a barrier's id after the file name chooses that barrier first, so that its details show.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from stakeholders import example_path, load_map, write_barriers, write_html, write_image

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def screenshot(
    output: Path,
    view: str | None = None,
    size: tuple[int, int] = (1400, 900),
    barriers: bool = False,
    barrier: str | None = None,
) -> None:
    """The map page (or a view's page, or the barrier-model page, with ``barrier`` chosen when given)
    of the example, as Chromium draws it, to ``output``."""
    with tempfile.TemporaryDirectory() as folder:
        m = load_map(example_path())
        page_path = (
            write_barriers(m, Path(folder) / "barriers.html")
            if barriers
            else write_html(m, Path(folder) / "example.html", view=view)
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            viewport = {"width": size[0], "height": size[1]}
            page = browser.new_page(viewport=viewport, device_scale_factor=1)
            page.route(
                "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
            )
            page.goto(page_path.as_uri())
            page.wait_for_function("window.network !== undefined")
            if barrier:
                page.click(f'.board-card[data-ref="{barrier}"]')
            page.wait_for_timeout(500)
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output))
            browser.close()
    print(f"Wrote {output}")


def main(output: Path, slide: Path) -> None:
    screenshot(output)
    write_image(load_map(example_path()), slide)
    print(f"Wrote {slide}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--barriers"]:
        path = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/example-barriers.png")
        screenshot(path, size=(1920, 1080), barriers=True, barrier=sys.argv[3] if len(sys.argv) > 3 else None)
    elif sys.argv[1:2] == ["--view"]:
        screenshot(Path(sys.argv[3] if len(sys.argv) > 3 else "docs/example-board.png"), sys.argv[2], (1920, 1080))
    else:
        main(
            Path(sys.argv[1] if len(sys.argv) > 1 else "docs/example-map.png"),
            Path(sys.argv[2] if len(sys.argv) > 2 else "docs/example-map-slide.png"),
        )
