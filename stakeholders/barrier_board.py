"""The barrier model as a board: the phases of the offending process from left to right, the barriers under each.

:func:`barrier_model` builds a :class:`~stakeholders.board.Board` that the
page (``pages/templates/board.html``) and the images
(:func:`stakeholders.board_image.draw_board`) draw like any board. A barrier
is a card under **every** phase it hinders: its name, its technique and
status, the organisations that raise it as chips coloured by sector, and the
partners whose cooperation it needs. A phase without a barrier in place is
open: an empty, dashed column, or a column flagged as open when it has only
planned, proposed or lapsed barriers. Lapsed barriers are left out.

>>> import stakeholders
>>> board = barrier_model(stakeholders.load_map(stakeholders.example_path()))
>>> [column.title for column in board.columns]
['Preparation', 'Entry', 'Activity', 'Post-activity']
>>> board.column("entry").cards[0].owners[0][1]
'TBKK'
"""

from __future__ import annotations

from .analysis.barriers import phase_cover
from .board import Board, Card, Chip, Column, LegendEntry, sector_chips
from .i18n import BARRIER_WORDS, PAGE_WORDS, counted
from .model import StakeholderMap
from .naming import barrier_names, org_labels, phase_names
from .schema import BARRIER_STATUSES

__all__ = ["barrier_model"]


def barrier_model(m: StakeholderMap, *, lang: str | None = None) -> Board:
    """The barrier model of ``m`` as a board (see the module docstring); no columns when it has no script.

    Within a phase, barriers in place come first, then planned, then proposed, each in the order of the table.
    """
    page_lang = lang if lang in PAGE_WORDS else "en"
    words, page_words = BARRIER_WORDS[page_lang]["board"], PAGE_WORDS[page_lang]
    chips = sector_chips(m.settings.sectors, page_lang)
    labels = org_labels(m, lang)
    sector_of = dict(zip(m.organisations["id"], m.organisations["sector"], strict=True))
    names, phases = barrier_names(m, lang), phase_names(m, lang)
    techniques = m.settings.techniques

    def chip(org: str) -> Chip:
        return chips.get(sector_of.get(org) or "", chips[""])

    cards: dict[str, Card] = {}
    for barrier in m.records("barriers"):
        status = barrier.get("status") or "in-place"
        owners = tuple((chip(o), labels.get(o, o)) for o in barrier.get("owners") or []) or (
            (chips[""], words["no_owner"]),
        )
        partners = [labels.get(p, p) for p in barrier.get("partners") or []]
        technique = techniques.label(barrier["technique"], page_lang) if barrier.get("technique") else ""
        status_label = BARRIER_STATUSES.label(status, page_lang)
        lines = tuple(line for line in (technique, status_label) if line)
        cards[barrier["id"]] = Card(
            ref=barrier["id"],
            label=names.get(barrier["id"], barrier["id"]),
            title=" — ".join((names.get(barrier["id"], barrier["id"]), *lines)),
            chip=owners[0][0],
            shape="",
            shape_label="",
            kind="barrier",
            lines=lines,
            owners=owners,
            partners=f"{words['partners']}: {', '.join(partners)}" if partners else "",
            related=tuple(dict.fromkeys([*(barrier.get("owners") or []), *(barrier.get("partners") or [])])),
            status=status,
        )
    columns = []
    for phase in phase_cover(m):
        shown = [*phase["in_place"], *phase["planned"], *phase["proposed"]]
        flag = words["open"] if shown and not phase["in_place"] else ""
        columns.append(
            Column(
                phase["phase"],
                phases.get(phase["phase"], phase["phase"]),
                tuple(cards[b] for b in shown),
                counted(page_words, "barrier", len(shown)),
                words["empty"],
                flag,
            )
        )
    used = {chip(o) for barrier in m.records("barriers") for o in barrier.get("owners") or []}
    statuses = {card.status for column in columns for card in column.cards}
    legend = (
        (words["chips"], tuple(LegendEntry(c.label, chip=c) for c in chips.values() if c in used)),
        (
            words["statuses"],
            tuple(
                LegendEntry(BARRIER_STATUSES.label(s, page_lang), status=f"barrier-{s}")
                for s in BARRIER_STATUSES.ids
                if s in statuses
            ),
        ),
    )
    return Board(words["label"], words["note"], tuple(columns), (), words["arrows"], legend)
