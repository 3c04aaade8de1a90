"""The map record: a validated map's tables, its settings and, when asked for, its graph.

:func:`stakeholders.load_map` (through :func:`stakeholders.validate.validate_source`)
makes a :class:`StakeholderMap`; every output is drawn, counted or written from
one. What its columns and values may be is :mod:`stakeholders.schema`.

>>> import pandas as pd
>>> orgs = pd.DataFrame({"id": ["om"], "name": ["OM"], "strength": pd.array([None], dtype="Int64")})
>>> m = StakeholderMap(orgs, pd.DataFrame({"id": [], "source": [], "target": []}), pd.DataFrame(), MapSettings())
>>> m.records("organisations")
[{'id': 'om', 'name': 'OM', 'strength': None}]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx
import pandas as pd

from .errors import Problem
from .graph import build_graph
from .schema import LINK_KINDS, SECTORS, TECHNIQUES, Vocabulary, default_stages, empty_table
from .values import records

__all__ = [
    "TABLES",
    "MapSettings",
    "Picture",
    "StakeholderMap",
    "Undated",
    "barriers_among",
    "register_notebook_view",
]

TABLES = ("organisations", "links", "stages", "views", "script", "barriers")
"""The tables of a map, as :meth:`StakeholderMap.records` names them."""


@dataclass(frozen=True)
class MapSettings:
    """What a map says about itself: title, date of the data, source note, and who may see what.

    ``goal`` is what the map's Net-Map ``influence`` and ``stance`` are towards.
    ``sectors``, ``kinds`` and ``techniques`` are the closed lists with the
    terms the map adds. ``audience`` is the audience outputs are made for when none is asked for
    (``public`` unless the source says otherwise); ``partners_fields`` and
    ``restricted_fields`` name whole columns only partners, or only internal
    readers, may see; ``show_hidden_counts`` lets a page say how many
    organisations and links an audience does not see; ``respondent`` names the
    organisation that filled the source in.
    """

    title: str = "Cooperation map"
    date: str = ""
    source_note: str = ""
    description: str = ""
    goal: str = ""
    sectors: Vocabulary = SECTORS
    kinds: Vocabulary = LINK_KINDS
    techniques: Vocabulary = TECHNIQUES
    audience: str = "public"
    partners_fields: tuple[str, ...] = ()
    restricted_fields: tuple[str, ...] = ()
    show_hidden_counts: bool = False
    lang: str = ""
    """The language the map's users read (``en`` or ``nl``; "" when the map does not say)."""
    respondent: str = ""
    """The organisation whose answers the source holds (a partner's form): who reported its links when maps are
    merged (see :mod:`stakeholders.merge`)."""


@dataclass(frozen=True)
class Undated:
    """What a map taken as of a date did with the organisations and links that have no dates.

    A row has no dates when it has neither ``since`` nor ``until``; such rows
    count as present at every date. ``shown`` says whether they stay on the
    map (the default) or were left out (``undated="hide"``). ``organisations``
    and ``links`` are their ids, in table order: those on the map when shown,
    those left out when not. A link's own dates decide, whatever its
    organisations' dates say. ``links_taken`` are the dated links left out
    with an organisation that has no dates (only when they are left out).

    >>> record = Undated(shown=False, organisations=("a",), links=("L1", "L2"), links_taken=("L3",))
    >>> len(record.organisations), len(record.links), len(record.links_taken)
    (1, 2, 1)
    """

    shown: bool = True
    organisations: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    links_taken: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Picture:
    """Where a map's positions come from: the whole map as read, before any date, audience or view cut it.

    ``organisations`` holds the ids of every organisation of the source and
    ``links`` the ``source`` and ``target`` of every link; ``pins`` are the
    positions its ``x`` and ``y`` columns pin; ``positions_file`` is the file
    the positions are kept in between runs ("" when none is: the bundled
    example, or a map not read from a file). Every map cut from the whole
    one (:func:`stakeholders.timeline.as_of`, :func:`stakeholders.audience.for_audience`,
    a view, a deck step, a diff) carries the same picture, so
    :func:`stakeholders.layout.positions` lays out the whole map once and
    gives each cut the positions of its own organisations only. ``memo``
    keeps what was computed; ``notes`` what a user should hear about it.
    """

    organisations: pd.DataFrame
    links: pd.DataFrame
    pins: dict[str, tuple[float, float]] = field(default_factory=dict)
    positions_file: str = ""
    memo: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


_notebook_view: Callable[[StakeholderMap], str] | None = None


def register_notebook_view(view: Callable[[StakeholderMap], str]) -> None:
    """Say how a map shows itself in Jupyter: :mod:`stakeholders.pages` registers the map page.

    The record knows nothing of pages; importing :mod:`stakeholders` imports them.
    """
    global _notebook_view
    _notebook_view = view


@dataclass(frozen=True, eq=False)
class StakeholderMap:
    """A validated map: its tables, its settings and its networkx graph.

    ``organisations``, ``links`` and ``stages`` are pandas DataFrames with one
    row per record and one column per field (custom columns included), and so
    are the barrier model's ``script`` (the phases of the offending process,
    in order) and ``barriers`` (what partners do against it at each phase),
    which have no rows when the source has none;
    :meth:`records` gives their rows as plain Python values. ``graph`` is a
    :class:`networkx.MultiDiGraph` built from them and the settings when
    first asked for (drawing a map does not need it). Build one with
    :func:`stakeholders.load_map`. ``audience`` says who the map is fit for
    (see :mod:`stakeholders.audience`) and ``hidden`` how many organisations
    and links (and barriers, when the map has any) were left out for that audience. ``undated`` is set on a map
    taken as of a date (see :func:`stakeholders.timeline.as_of`): what became
    of its organisations and links that have no dates. ``warnings`` are what
    validation found that is not wrong but probably not meant (a header close
    to one of ours, kept as a custom field), each a :class:`~stakeholders.errors.Problem`.
    ``picture`` (set by :func:`stakeholders.load_map`) is the whole map the
    positions come from, whatever was cut from it (see :class:`Picture`);
    None lays the map out by itself.
    """

    organisations: pd.DataFrame
    links: pd.DataFrame
    stages: pd.DataFrame
    settings: MapSettings
    source: str = ""
    custom_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    views: pd.DataFrame | None = None
    audience: str = "internal"
    hidden: dict[str, int] = field(default_factory=dict)
    undated: Undated | None = None
    script: pd.DataFrame = field(default_factory=lambda: empty_table("script"))
    barriers: pd.DataFrame = field(default_factory=lambda: empty_table("barriers"))
    warnings: tuple[Problem, ...] = ()
    picture: Picture | None = field(default=None, repr=False)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The map's graph (see :func:`stakeholders.graph.build_graph`), built once, when first asked for.

        Its attributes are the map's ``title``, ``date``, ``source_note`` and ``description``.
        """
        s = self.settings
        attributes = {"title": s.title, "date": s.date, "source_note": s.source_note, "description": s.description}
        return build_graph(self.organisations, self.links, attributes)

    def records(self, table: str) -> list[dict[str, Any]]:
        """The rows of ``table`` (one of :data:`TABLES`) as dicts of plain Python values, every column kept.

        The one place where a table cell becomes a plain value (see
        :func:`stakeholders.values.plain`): None where a cell is missing,
        lists of text, Python numbers. A map without views, a script or
        barriers has no rows of them.
        """
        if table not in TABLES:
            msg = f"no table named {table!r}: use one of {', '.join(TABLES)}"
            raise ValueError(msg)
        frame = getattr(self, table)
        return [] if frame is None else records(frame)

    def uses_default_stages(self) -> bool:
        """Whether the map's stages are the default ones (:func:`stakeholders.schema.default_stages`).

        A map whose source had a stages table of its own never does, even one
        that repeats the default stages with their Dutch names.
        """
        if "name_nl" in self.custom_columns.get("stages", ()):
            return False
        return self.records("stages") == records(default_stages())

    def __repr__(self) -> str:
        return (
            f"<StakeholderMap {self.settings.title!r}: {len(self.organisations)} organisations, "
            f"{len(self.links)} links, {len(self.stages)} stages>"
        )

    def _repr_html_(self) -> str | None:
        """Show the map inline in Jupyter, as registered (:func:`register_notebook_view`)."""
        return None if _notebook_view is None else _notebook_view(self)


def barriers_among(barriers: pd.DataFrame, organisations: set[str]) -> pd.DataFrame:
    """The barriers that still have an owner among ``organisations``, their owners and partners cut to those.

    What a cut of the organisations (an audience's, a date's) does to the
    barriers: an organisation no longer on the map leaves every ``owners``
    and ``partners`` list, and a barrier that had owners and keeps none goes
    (its text may well be about them). A barrier that never had an owner stays.

    >>> frame = pd.DataFrame({"id": ["b1", "b2", "b3"], "owners": [["a", "x"], ["x"], []], "partners": [["x"], [], []]})
    >>> kept = barriers_among(frame, {"a"})
    >>> list(kept["id"]), kept["owners"].tolist(), kept["partners"].tolist()
    (['b1', 'b3'], [['a'], []], [[], []])
    """
    if barriers.empty:
        return barriers
    owners = [[o for o in (value or []) if o in organisations] for value in barriers["owners"]]
    partners = [[p for p in (value or []) if p in organisations] for value in barriers["partners"]]
    keep = [bool(kept) or not (value or []) for kept, value in zip(owners, barriers["owners"], strict=True)]
    frame = barriers.assign(
        owners=pd.Series(owners, index=barriers.index, dtype=object),
        partners=pd.Series(partners, index=barriers.index, dtype=object),
    )
    return frame[keep].reset_index(drop=True)
