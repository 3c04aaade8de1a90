"""Where every organisation stands: one function, :func:`positions`, that every output calls.

A map has one picture. A map loaded from a source carries the whole map it
was read as (its :class:`~stakeholders.model.Picture`), whatever date,
audience, view or step cut it since: :func:`positions` lays that whole map
out once and gives each cut the positions of its own organisations, so no
filter moves anyone. The whole map's positions start from those kept in
its positions file (:mod:`~stakeholders.layout._kept`): known organisations
stay where they were, new ones are placed near their partners
(:mod:`~stakeholders.layout._stable`), removed ones leave room, and the
organisations the source pins with ``x`` and ``y`` stand exactly there.
Without kept positions the layout is computed afresh
(:mod:`~stakeholders.layout._force`, through the layout cache of
:mod:`~stakeholders.layout._cache`): it depends only on the organisations
and on which pairs of them are linked how many times (a :class:`Skeleton`),
so the same map always gets the same picture. Views may arrange a map by
sector instead (:mod:`~stakeholders.layout.arrangements`).

>>> from stakeholders import example_path, load_map
>>> m = load_map(example_path())
>>> positions(m) == compute_positions(map_skeleton(m))
True
"""

from __future__ import annotations

from pathlib import Path

from .._types import Progress
from ..errors import InvalidArgument, OutputError
from ..model import Picture, StakeholderMap
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
from ._kept import POSITIONS_FILE, keep_positions, kept_positions, positions_path, read_positions, write_positions
from ._stable import settle, with_pins
from .arrangements import circles

__all__ = [
    "KAMADA_KAWAI_LIMIT",
    "LABEL_ASPECT",
    "LAYOUT_VERSION",
    "MAX_ENTRIES",
    "MIN_DISTANCE",
    "POSITIONS_FILE",
    "Skeleton",
    "as_skeleton",
    "cache_folder",
    "cached_positions",
    "circles",
    "compute_positions",
    "layout_inputs",
    "layout_key",
    "map_skeleton",
    "picture_positions",
    "positions",
    "positions_path",
    "read_positions",
    "save_positions",
    "settle",
    "skeleton_of_graph",
    "skeleton_of_tables",
    "write_positions",
]


MOSTLY_NEW = 200
"""More new organisations than this and than those kept: the fresh layout is shifted to the kept ones instead."""


def picture_positions(
    picture: Picture, progress: Progress | None = None, *, reset: bool = False
) -> dict[str, tuple[int, int]]:
    """The positions of every organisation of the whole map of ``picture``, kept in its positions file.

    Known positions (the positions file's) stay, pins (``x``, ``y``) win,
    the rest are placed near their partners; without kept positions (or with
    ``reset``) the layout is computed afresh and shifted to the pins. The
    result is written to the positions file when it changed (see
    :func:`~stakeholders.layout._kept.keep_positions`; what went wrong there
    is added to ``picture.notes``) and remembered on the picture.
    A positions file that cannot be read raises :class:`~stakeholders.errors.SourceError`.
    """
    if "positions" in picture.memo and not reset:
        return dict(picture.memo["positions"])
    skeleton = skeleton_of_tables(picture.organisations, picture.links)
    pins = {node: xy for node, xy in picture.pins.items() if node in set(skeleton.nodes)}
    previous = kept_positions(picture.positions_file)[0] if picture.positions_file and not reset else {}
    nodes = set(skeleton.nodes)
    previous = {node: xy for node, xy in previous.items() if node in nodes}
    if previous and len(nodes) - len(previous) > max(MOSTLY_NEW, len(previous)):
        # mostly new: the fresh layout, shifted to what was kept, which stays where it was
        known, start = with_pins(cached_positions(skeleton, progress=progress), {**previous, **pins})
        found = settle(skeleton, known, start)
    elif previous:
        if progress:
            progress("Placing what changed since the positions were kept")
        found = settle(skeleton, {**previous, **{node: (round(x), round(y)) for node, (x, y) in pins.items()}})
    else:
        fresh = cached_positions(skeleton, progress=progress)
        known, start = with_pins(fresh, pins)
        found = settle(skeleton, known, start) if known else fresh
    if picture.positions_file:
        try:
            _, note = keep_positions(picture.positions_file, found)
        except OutputError as err:
            note = str(err)
        if note and note not in picture.notes:
            picture.notes.append(note)
    picture.memo["positions"] = found
    return dict(found)


def positions(m: StakeholderMap, progress: Progress | None = None) -> dict[str, tuple[int, int]]:
    """Pixel positions ``{id: (x, y)}`` of every organisation of ``m``, sorted by id.

    Every output (page, image, view, deck step, diff, GEXF, .cyjs) takes its
    positions from here. A map loaded from a source gets its whole map's
    positions (:func:`picture_positions`), only those of its own
    organisations; one the whole map lacks (a removed organisation on a
    diff of two sources) is placed near its partners. A map without a
    picture is laid out by itself (cached). ``progress`` hears about long steps.
    """
    skeleton = map_skeleton(m)
    if m.picture is None:
        return cached_positions(skeleton, progress=progress)
    whole = picture_positions(m.picture, progress)
    if all(node in whole for node in skeleton.nodes):
        return {node: whole[node] for node in skeleton.nodes}
    return settle(skeleton, whole)


def save_positions(
    m: StakeholderMap, moved: dict[str, tuple[float, float]] | None = None, *, reset: bool = False
) -> Path:
    """Write the positions file of the map ``m`` was loaded from; return the file written.

    ``moved`` are positions a presenter gave some of ``m``'s organisations
    (dragged in the page): they replace the kept ones (ids not on ``m`` are
    ignored, so a page can only move what it shows). ``reset`` lays the
    whole map out afresh first (pins still hold). Raises
    :class:`~stakeholders.errors.InvalidArgument` for a map that keeps no
    positions file (the bundled example, a map not read from a file) and
    :class:`~stakeholders.errors.OutputError` when it cannot be written.
    """
    picture = m.picture
    if picture is None or not picture.positions_file:
        msg = "this map keeps no positions file (the bundled example, or a map not loaded from a file)"
        raise InvalidArgument(msg)
    found = picture_positions(picture, reset=reset)
    shown = set(m.organisations["id"])
    for ident, (x, y) in (moved or {}).items():
        if ident in shown and ident in found:
            found[ident] = (round(x), round(y))
    written, note = keep_positions(picture.positions_file, found)
    picture.memo["positions"] = found
    if note and note not in picture.notes:
        picture.notes.append(note)
    return written
