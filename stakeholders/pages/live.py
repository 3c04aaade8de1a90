"""The pages of ``stakeholders serve``: the live map, and the page shown until the source is valid.

Both carry the script that asks the local server whether the source changed
(and may ask that server, nothing else).
"""

from __future__ import annotations

from ..model import StakeholderMap
from ._engine import content_security_policy, environment, marking_of, render_page, static_text
from .map import saving_positions

__all__ = ["live_map_html", "waiting_html"]


def live_map_html(m: StakeholderMap, *, version: int, lang: str | None = None, label_px: float | None = None) -> str:
    """The map page that reloads itself when the server has a newer build than ``version``.

    Its "Save positions" button posts the positions to the server, which keeps them in the positions file.
    """
    return render_page(
        "map.html",
        m,
        lang=lang,
        live=True,
        live_version=version,
        label_px=label_px,
        **saving_positions(lang, "server"),
    )


def waiting_html(title: str, message: str, *, audience: str | None = None, lang: str | None = None) -> str:
    """A page with no map, that reloads itself once the server has a good build.

    Served for ``partners`` or ``internal`` readers, it carries their marking like the map will.
    """
    live_js = static_text("live.js")
    return (
        environment()
        .get_template("waiting.html")
        .render(
            csp=content_security_policy([live_js], live=True),
            css=static_text("map.css"),
            live_js=live_js,
            title=title,
            message=message,
            marking=marking_of(audience, lang) if audience else None,
            lang=lang,
        )
    )
