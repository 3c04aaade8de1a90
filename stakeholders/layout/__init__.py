"""Where every organisation stands: one function, :func:`positions`, that every output calls.

A map has one picture. :func:`positions` gives a map's positions: from the
layout cache (:mod:`~stakeholders.layout._cache`) when it has them for this
map's organisations and links, else computed (:mod:`~stakeholders.layout._force`)
and stored. The layout depends only on the organisations and on which pairs
of them are linked how many times (a :class:`Skeleton`), so the same map
always gets the same picture, and a new colour or description moves nobody.
Views may arrange a map by stage or sector instead
(:mod:`~stakeholders.layout.arrangements`).

>>> from stakeholders import example_path, load_map
>>> m = load_map(example_path())
>>> positions(m) == compute_positions(map_skeleton(m))
True
"""

from __future__ import annotations

from .._types import Progress
from ..model import StakeholderMap
from ._cache import MAX_ENTRIES, cache_folder, cached_positions, layout_key
from ._force import (
    KAMADA_KAWAI_LIMIT,
    LABEL_ASPECT,
    LAYOUT_VERSION,
    MIN_DISTANCE,
    Skeleton,
    as_skeleton,
    compute_positions,
    layout_inputs,
    map_skeleton,
    skeleton_of_graph,
    skeleton_of_tables,
)
from .arrangements import circles, swimlanes

__all__ = [
    "KAMADA_KAWAI_LIMIT",
    "LABEL_ASPECT",
    "LAYOUT_VERSION",
    "MAX_ENTRIES",
    "MIN_DISTANCE",
    "Skeleton",
    "as_skeleton",
    "cache_folder",
    "cached_positions",
    "circles",
    "compute_positions",
    "layout_inputs",
    "layout_key",
    "map_skeleton",
    "positions",
    "skeleton_of_graph",
    "skeleton_of_tables",
    "swimlanes",
]


def positions(m: StakeholderMap, progress: Progress | None = None) -> dict[str, tuple[int, int]]:
    """Pixel positions ``{id: (x, y)}`` of every organisation of ``m``: cached, or computed and cached.

    Every output (page, image, view, deck step, diff, GEXF, .cyjs) takes its
    positions from here. ``progress`` hears about long steps.
    """
    return cached_positions(map_skeleton(m), progress=progress)
