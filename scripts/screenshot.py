"""Render the README's pictures of the example: the map page in headless Chromium, and the slide image.

Run it from the repository with the project's environment:

    .venv/bin/python scripts/screenshot.py [docs/example-map.png [docs/example-map-slide.png]]

It builds the map into a temporary folder, opens it offline in Debian's
chromium (/usr/bin/chromium) through Playwright, waits until vis-network has
drawn it, and writes a 1400×900 PNG; then it draws the example as a 1920×1080
slide with ``write_image`` (what ``stakeholders image`` writes).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from stakeholders import example_path, load_map, write_html, write_image

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def main(output: Path, slide: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        page_path = write_html(load_map(example_path()), Path(folder) / "example.html")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900}, device_scale_factor=1)
            page.route(
                "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
            )
            page.goto(page_path.as_uri())
            page.wait_for_function("window.network !== undefined")
            page.wait_for_timeout(500)
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output))
            browser.close()
    print(f"Wrote {output}")
    write_image(load_map(example_path()), slide)
    print(f"Wrote {slide}")


if __name__ == "__main__":
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else "docs/example-map.png"),
        Path(sys.argv[2] if len(sys.argv) > 2 else "docs/example-map-slide.png"),
    )
