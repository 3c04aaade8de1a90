"""A board: columns from left to right, cards under each, arrows between columns; and the approach as one.

A :class:`Board` is plain data that the page (``pages/templates/board.html``,
``board.css``, ``board.js``) and the images (:mod:`stakeholders.board_image`)
draw the same way. :func:`approach_board` makes the approach's board: the
stages as columns in stage order, an organisation as a card under **every**
stage it acts on (so the prosecution column holds the OM even when the OM
acts on investigation first), and the expected hand-overs between stages as
arrows that say how many current links carry them and whether that is
enough (:func:`stakeholders.analysis.handovers`). A stage that nobody acts
on is an empty, open column; organisations without a stage get a last column
of their own.

Another board (the barrier model's: the phases of the script as columns,
barriers as cards) is made the same way: build :class:`Column`, :class:`Card`
and :class:`Arrow` values, place the arrows with :func:`arrow_rows`, and
give the :class:`Board` to the same template and the same drawing function.

>>> import stakeholders
>>> board = approach_board(stakeholders.load_map(stakeholders.example_path()))
>>> [card.label for card in board.column("prosecution").cards]
['Landelijk Parket', 'OM', 'Rechtspraak', 'Eurojust']
>>> [(a.start, a.end, a.label, a.status) for a in board.arrows if a.end == "treatment"][-1]
('prosecution', 'treatment', '1 link · fragile', 'fragile')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import handovers, stage_members
from .i18n import BOARD_WORDS, PAGE_WORDS, counted
from .model import StakeholderMap
from .naming import org_label, stage_names
from .schema import LEVELS, Vocabulary
from .style import LEVEL_SHAPES, UNSPECIFIED_COLOUR, contrast_ratio, sector_colour

__all__ = [
    "ARROW_STATUSES",
    "Arrow",
    "Board",
    "Card",
    "Chip",
    "Column",
    "LegendEntry",
    "approach_board",
    "arrow_rows",
    "chip_ink",
    "sector_chips",
]

ARROW_STATUSES = ("covered", "fragile", "gap")
"""How an arrow is drawn, best first: a solid line, a dashed line, a dotted line (each also said in words)."""

DARK_INK = "#000000"
LIGHT_INK = "#FFFFFF"


@dataclass(frozen=True)
class Chip:
    """A coloured chip with a short code on it: the colour and the code say the same thing (a sector)."""

    code: str
    colour: str
    ink: str
    label: str


@dataclass(frozen=True)
class Card:
    """One card: ``ref`` is what it stands for (an organisation id), opened when the card is chosen.

    ``filters`` are (name, value) pairs the page's filters of that name
    (``sector``, ``level``) hide the card by. A card of ``kind`` ``barrier``
    stands for a barrier: ``lines`` are its facts (technique, status),
    ``owners`` the organisations that raise it, each as its sector's chip and
    its label, ``partners`` the labels of those whose cooperation it needs,
    ``related`` the ids of both, and ``status`` how its border is drawn.
    """

    ref: str
    label: str
    title: str
    chip: Chip
    shape: str
    shape_label: str
    filters: tuple[tuple[str, str], ...] = ()
    kind: str = "organisation"
    lines: tuple[str, ...] = ()
    owners: tuple[tuple[Chip, str], ...] = ()
    partners: str = ""
    related: tuple[str, ...] = ()
    status: str = ""


@dataclass(frozen=True)
class Column:
    """One column: its ``id``, its title, its cards in order, and what it says when it has none.

    ``flag`` is a warning under its title (a phase with barriers, none of them in place, is open).
    """

    id: str
    title: str
    cards: tuple[Card, ...]
    count: str
    empty: str
    flag: str = ""


@dataclass(frozen=True)
class Arrow:
    """An arrow from column ``start`` to column ``end`` on its own ``row`` above the columns.

    ``first`` and ``last`` are the indices of the leftmost and rightmost
    column it spans, ``forward`` whether it points right; ``label`` is the
    short text on the line (the number of links, and the status unless it is
    the first), ``status`` one of :data:`ARROW_STATUSES` and ``text`` the
    whole sentence, for a screen reader or a table.
    """

    start: str
    end: str
    first: int
    last: int
    forward: bool
    row: int
    label: str
    status: str
    text: str


@dataclass(frozen=True)
class LegendEntry:
    """One line of a board's legend: a chip, a shape or an arrow style, with its label."""

    label: str
    chip: Chip | None = None
    shape: str = ""
    status: str = ""


@dataclass(frozen=True)
class Board:
    """Everything a board shows, its words included (the renderers add none of their own)."""

    label: str
    note: str
    columns: tuple[Column, ...]
    arrows: tuple[Arrow, ...]
    arrows_title: str
    legend: tuple[tuple[str, tuple[LegendEntry, ...]], ...]

    @property
    def rows(self) -> int:
        """How many rows the arrows take."""
        return 1 + max((arrow.row for arrow in self.arrows), default=-1)

    def column(self, column_id: str) -> Column:
        """The column with this id (:class:`KeyError` when there is none)."""
        for column in self.columns:
            if column.id == column_id:
                return column
        raise KeyError(column_id)


def chip_ink(colour: str) -> str:
    """The text colour that reads best on ``colour``: black or white.

    >>> chip_ink("#332288"), chip_ink("#DDCC77")
    ('#FFFFFF', '#000000')
    """
    return LIGHT_INK if contrast_ratio(colour, LIGHT_INK) > contrast_ratio(colour, DARK_INK) else DARK_INK


def _code(label: str, taken: set[str]) -> str:
    """Three letters from a label, unique among ``taken``: its first three, else its first and two others.

    >>> _code("probation", {"PRO"}), _code("NGO", set())
    ('PRB', 'NGO')
    """
    letters = re.sub(r"[^0-9A-Za-z]", "", label).upper() or "X"
    candidates = [letters[:3]]
    candidates += [letters[0] + a + b for i, a in enumerate(letters[1:], 1) for b in letters[i + 1 :]]
    candidates += [f"{letters[:2]}{n}" for n in range(2, 100)]
    return next(code for code in candidates if code not in taken)


def sector_chips(sectors: Vocabulary, lang: str | None = None) -> dict[str, Chip]:
    """Every sector's chip (and one for no sector, under ``""``): its colour and a three-letter code.

    >>> from stakeholders.schema import SECTORS
    >>> chips = sector_chips(SECTORS, "nl")
    >>> chips["police"].code, chips["probation"].code, chips["probation"].label
    ('POL', 'REC', 'reclassering')
    """
    page_lang = lang if lang in PAGE_WORDS else "en"
    chips: dict[str, Chip] = {}
    taken: set[str] = set()
    for sector in sectors.ids:
        label = sectors.label(sector, page_lang)
        code = _code(label, taken)
        taken.add(code)
        colour = sector_colour(sector, sectors)
        chips[sector] = Chip(code, colour, chip_ink(colour), label)
    chips[""] = Chip("–", UNSPECIFIED_COLOUR, DARK_INK, PAGE_WORDS[page_lang]["not_stated"])
    return chips


def arrow_rows(spans: list[tuple[int, int]]) -> list[int]:
    """A row for each span (first, last column) so that no two spans on one row touch: fewest rows, in order.

    >>> arrow_rows([(0, 1), (1, 2), (2, 3), (0, 3)])
    [0, 2, 0, 1]
    """
    ends: list[int] = []  # the last column taken on each row so far
    rows = [0] * len(spans)
    for index in sorted(range(len(spans)), key=lambda i: (spans[i][0], spans[i][1], i)):
        first, last = spans[index]
        row = next((r for r, end in enumerate(ends) if end < first), len(ends))
        if row == len(ends):
            ends.append(last)
        else:
            ends[row] = last
        rows[index] = row
    return rows


def _cards(m: StakeholderMap, chips: dict[str, Chip], lang: str | None, page_lang: str) -> dict[str, Card]:
    """Every organisation's card: named as every output names it (:func:`stakeholders.naming.org_label`)."""
    cards = {}
    for org in m.records("organisations"):
        level = org.get("level") or ""
        cards[org["id"]] = Card(
            ref=org["id"],
            label=org_label(org, lang),
            title=(org.get(f"name_{lang}") if lang else None) or org.get("name") or org["id"],
            chip=chips.get(org.get("sector") or "", chips[""]),
            shape=LEVEL_SHAPES.get(level, LEVEL_SHAPES[""]),
            shape_label=LEVELS.label(level, page_lang) if level else PAGE_WORDS[page_lang]["not_stated"],
            filters=(("sector", org.get("sector") or ""), ("level", level)),
        )
    return cards


def approach_board(m: StakeholderMap, *, lang: str | None = None) -> Board:
    """The approach as a board: stages as columns, an organisation under every stage it acts on, hand-overs.

    Within a column, cards go by sector (in the order of the map's sectors),
    then by label. Arrows are the expected hand-overs of the map's stages,
    counted on current (active) links.
    """
    page_lang = lang if lang in PAGE_WORDS else "en"
    words, page_words = BOARD_WORDS[page_lang], PAGE_WORDS[page_lang]
    chips = sector_chips(m.settings.sectors, page_lang)
    cards = _cards(m, chips, lang, page_lang)
    sector_order = {sector: index for index, sector in enumerate(m.settings.sectors.ids)}
    sector_of = dict(zip(m.organisations["id"], m.organisations["sector"], strict=True))

    def ordered(ids: list[str]) -> tuple[Card, ...]:
        key = [
            (sector_order.get(sector_of[org] or "", len(sector_order)), cards[org].label.casefold(), org) for org in ids
        ]
        return tuple(cards[org] for *_, org in sorted(key))

    names = stage_names(m, lang)
    members = {stage: list(dict.fromkeys(orgs)) for stage, orgs in stage_members(m).items()}  # as the analysis counts
    without = [
        org for org, stages in zip(m.organisations["id"], m.organisations["stages"], strict=True) if not len(stages)
    ]
    columns = [
        Column(
            stage,
            names.get(stage, stage),
            ordered(orgs),
            counted(page_words, "organisation", len(orgs)),
            words["empty"],
        )
        for stage, orgs in members.items()
    ]
    if without:
        columns.append(
            Column("", words["no_stage"], ordered(without), counted(page_words, "organisation", len(without)), "")
        )
    index = {column.id: position for position, column in enumerate(columns)}
    found = [h for h in handovers(m) if h["from"] in index and h["to"] in index and h["from"] != h["to"]]
    spans = [(min(index[h["from"]], index[h["to"]]), max(index[h["from"]], index[h["to"]])) for h in found]
    arrows = []
    for handover, (first, last), row in zip(found, spans, arrow_rows(spans), strict=True):
        carried = len(handover["links"])
        links = counted(page_words, "link", carried) if carried else words["no_links"]
        if handover["planned"]:
            links += " " + words["planned"].format(n=len(handover["planned"]))
        status_label = words[f"status_{handover['status']}"]
        label = links if handover["status"] == ARROW_STATUSES[0] else f"{links} · {status_label}"
        start, end = names.get(handover["from"], handover["from"]), names.get(handover["to"], handover["to"])
        arrows.append(
            Arrow(
                start=handover["from"],
                end=handover["to"],
                first=first,
                last=last,
                forward=index[handover["to"]] > index[handover["from"]],
                row=row,
                label=label,
                status=handover["status"],
                text=words["arrow_text"].format(start=start, end=end, links=links, status=status_label),
            )
        )
    shown = [card for column in columns for card in column.cards]
    chips_used = {card.chip for card in shown}
    shapes_used = {(card.shape, card.shape_label) for card in shown}
    levels = [(LEVEL_SHAPES[level], LEVELS.label(level, page_lang)) for level in LEVELS.ids]
    levels.append((LEVEL_SHAPES[""], page_words["not_stated"]))
    legend = (
        (words["chips"], tuple(LegendEntry(c.label, chip=c) for c in chips.values() if c in chips_used)),
        (
            words["shapes"],
            tuple(LegendEntry(label, shape=shape) for shape, label in levels if (shape, label) in shapes_used),
        ),
        (words["arrow_styles"], tuple(LegendEntry(words[f"arrow_{s}"], status=s) for s in ARROW_STATUSES)),
    )
    return Board(words["label"], words["note"], tuple(columns), tuple(arrows), words["handovers"], legend)
