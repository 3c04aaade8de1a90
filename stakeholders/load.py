"""Load a map from any source: read it, validate it, build its graph.

>>> m = load_map(example_path())
>>> len(m.organisations) == m.graph.number_of_nodes()
True
>>> check_source(example_path())
[]
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

from . import timeline
from .audience import for_audience
from .errors import InvalidArgument, Problem, ValidationError
from .formats import read_source
from .layout import positions_path
from .model import Picture, StakeholderMap
from .source import LIMIT_MB
from .validate import pins_of, validate_source

__all__ = ["EXAMPLE", "check_source", "example_path", "load_map"]

EXAMPLE = "nl-darkweb-csa"
"""The example map built when no source is given."""


def example_path(name: str = EXAMPLE) -> Path:
    """The path of a bundled example map (a folder of CSV files).

    Installed packages carry the examples inside the package; a source
    checkout keeps them in the top-level ``graphs/`` folder. An unknown name
    raises :class:`~stakeholders.errors.InvalidArgument`.
    """
    here = Path(__file__).resolve().parent
    for base in (here / "graphs", here.parent / "graphs"):
        if (base / name).exists():
            return base / name
    msg = f"no bundled example named {name!r}"
    raise InvalidArgument(msg)


def load_map(
    path: str | os.PathLike[str],
    *,
    audience: str | None = None,
    limit_mb: float = LIMIT_MB,
    as_of: str | date | None = None,
    undated: str = "show",
    lang: str | None = None,
    strict: bool = False,
    keep_positions: bool = True,
) -> StakeholderMap:
    """Read, validate and build the map in ``path``, cut down to an audience.

    ``path`` is an .xlsx workbook (ours or Kumu's), a folder of CSV files (or
    one CSV file in it), a .yaml/.json file (or a Kumu blueprint), or a
    .gexf, .graphml or .cyjs file. ``audience`` (``public``, ``partners`` or
    ``internal``) removes what it may not see (default: the source's default
    audience, ``public`` unless the source declares another; see
    :mod:`stakeholders.audience`). Sources larger than ``limit_mb`` megabytes
    are refused. ``as_of`` gives the map as it stood on that date (see
    :func:`stakeholders.timeline.as_of`), taken before the audience's cut, so
    the counts of what the audience does not see are counts of that date.
    ``undated`` (``show`` or ``hide``, with ``as_of`` only) keeps or leaves
    out the organisations and links that have no dates, after the audience's
    cut, so the map's ``undated`` record counts only what the audience sees.
    ``lang`` (``en`` or ``nl``) is the language of validation's messages (by
    default the map's ``lang`` setting, else the locale); the map keeps
    validation's warnings in ``warnings``, or with ``strict`` they are problems.
    The map remembers the whole map it was cut from (its
    :class:`~stakeholders.model.Picture`): every date, audience, view and
    step of it is drawn on the whole map's positions, kept in the positions
    file beside the source (see :mod:`stakeholders.layout`) unless
    ``keep_positions`` is False or the source is a bundled example.
    Raises :class:`~stakeholders.errors.ValidationError` listing every problem,
    or :class:`~stakeholders.errors.SourceError` when the source cannot be read.
    """
    if timeline.parse_undated(undated) != "show" and as_of is None:
        msg = f"undated={undated!r} needs an as_of date: rows without dates are only left out of a map as of a date"
        raise InvalidArgument(msg)
    whole = validate_source(read_source(path, limit_mb=limit_mb), path=path, lang=lang, strict=strict)
    whole = replace(whole, picture=_picture(whole, path, keep_positions))
    if as_of is None:
        return _dated(for_audience(whole, audience))
    then = timeline.as_of(whole, as_of)  # every row of that date, those without dates too, before the cut
    return timeline.apply_undated(for_audience(then, audience), undated)


def _picture(whole: StakeholderMap, path: str | os.PathLike[str], keep: bool) -> Picture:
    """What every cut of ``whole`` takes its positions from; the positions file beside ``path`` unless not kept."""
    bundled = Path(path).resolve().is_relative_to(example_path().parent)
    return Picture(
        organisations=whole.organisations[["id"]],
        links=whole.links[["source", "target"]],
        pins=pins_of(whole.organisations),
        positions_file=str(positions_path(path)) if keep and not bundled else "",
    )


def _dated(m: StakeholderMap) -> StakeholderMap:
    """``m`` dated by its latest ``last_checked`` when the source states no date.

    Only the links left for the audience count, so a hidden link cannot show through the date.
    """
    if m.settings.date or "last_checked" not in m.links:
        return m
    checked = [value for value in m.links["last_checked"] if isinstance(value, str) and value]
    if not checked:
        return m
    return replace(m, settings=replace(m.settings, date=max(checked)))


def check_source(path: str | os.PathLike[str], *, lang: str | None = None, strict: bool = False) -> list[Problem]:
    """Every problem in the source at ``path``, in ``lang``; an empty list means it is valid.

    With ``strict``, the warnings count as problems. A source that cannot be
    read at all still raises :class:`~stakeholders.errors.SourceError`.
    """
    try:
        validate_source(read_source(path), lang=lang, strict=strict)
    except ValidationError as err:
        return err.problems
    return []
