"""A layout cache keyed by a map's content: a new colour or description does not move anyone.

Positions depend only on the organisations and on which pairs of them are
linked how many times (a :class:`~stakeholders.layout.Skeleton`; see
:func:`stakeholders.layout.layout_inputs`, which also names the layout's
version and the versions of the libraries computing it).
The cache keys on the SHA-256 of exactly that and keeps one small JSON file
per key, so any change to names, sectors, kinds, colours, descriptions or the
title finds the positions again, while a new organisation or link computes
them afresh. A cached layout is the one the layout would compute, so the
cache never changes the output's bytes; a file that cannot be read or does
not fit the map is ignored and replaced, and a folder that cannot be written
just means no caching.

The folder is ``$STAKEHOLDERS_CACHE`` when set (``off`` turns caching off),
else ``$XDG_CACHE_HOME/stakeholders``, else ``~/.cache/stakeholders``. It
keeps the :data:`MAX_ENTRIES` most recently written layouts.

>>> import tempfile
>>> import networkx as nx
>>> folder = Path(tempfile.mkdtemp())
>>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
>>> cached_positions(G, folder=folder) == compute_positions(G)
True
>>> from stakeholders.layout import skeleton_of_graph
>>> cached_positions(skeleton_of_graph(G), folder=folder) == compute_positions(G)  # found in the cache
True
>>> [path.name[:7] for path in folder.iterdir()]
['layout-']
>>> cache_folder({"STAKEHOLDERS_CACHE": "off"}) is None
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from .._atomic import write_atomic
from .._types import Progress
from ..errors import OutputError
from ._force import Skeleton, as_skeleton, compute_positions, layout_inputs

__all__ = ["MAX_ENTRIES", "cache_folder", "cached_positions", "layout_key"]

MAX_ENTRIES = 200
"""The cache keeps this many layouts; older ones are removed when a new one is written."""

FORMAT = "stakeholders.layout-cache/1"
OFF = ("off", "none", "no", "false", "0")


def cache_folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The folder the layout cache lives in, or None when ``STAKEHOLDERS_CACHE`` turns it off.

    >>> cache_folder({"STAKEHOLDERS_CACHE": "/tmp/layouts"})
    PosixPath('/tmp/layouts')
    >>> cache_folder({"XDG_CACHE_HOME": "/var/cache/me"})
    PosixPath('/var/cache/me/stakeholders')
    """
    chosen = environ.get("STAKEHOLDERS_CACHE", "").strip()
    if chosen.lower() in OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "stakeholders"


def layout_key(source: nx.Graph | Skeleton) -> str:
    """The cache key of the layout of ``source`` (a graph or a skeleton): a SHA-256 of what the positions depend on.

    >>> a = nx.MultiDiGraph([("a", "b")])
    >>> b = nx.MultiDiGraph([("b", "a")])
    >>> b.nodes["a"]["description"] = "changed"
    >>> layout_key(a) == layout_key(b) != layout_key(nx.MultiDiGraph([("a", "c")]))
    True
    >>> from stakeholders.layout import skeleton_of_graph
    >>> layout_key(skeleton_of_graph(a)) == layout_key(a)
    True
    """
    text = json.dumps(layout_inputs(source), ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _read(path: Path, key: str, nodes: set[str]) -> dict[str, tuple[int, int]] | None:
    """The positions in a cache file, or None when it is missing, unreadable or not for this map."""
    try:
        content: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(content, dict) or content.get("format") != FORMAT or content.get("key") != key:
        return None
    positions = content.get("positions")
    if not isinstance(positions, dict) or set(positions) != nodes:
        return None
    result = {}
    for node, xy in positions.items():
        if not (isinstance(xy, list) and len(xy) == 2 and all(type(v) is int for v in xy)):
            return None
        result[node] = (xy[0], xy[1])
    return result


def _write(folder: Path, path: Path, key: str, positions: dict[str, tuple[int, int]]) -> None:
    """Store positions; a cache that cannot be written is no reason to fail a map."""
    content = {"format": FORMAT, "key": key, "positions": {node: list(xy) for node, xy in positions.items()}}
    with contextlib.suppress(OSError, OutputError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # private: the cache names organisations by id, whichever audience the map was for
        write_atomic(path, json.dumps(content, separators=(",", ":")).encode("utf-8"), mode=0o600)
        entries = sorted(folder.glob("layout-*.json"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)


def cached_positions(
    source: nx.Graph | Skeleton, *, folder: str | os.PathLike[str] | None = None, progress: Progress | None = None
) -> dict[str, tuple[int, int]]:
    """:func:`~stakeholders.layout.compute_positions` for ``source``, from the cache when it has them.

    ``source`` is a :class:`~stakeholders.layout.Skeleton` (see
    :func:`~stakeholders.layout.map_skeleton`) or a networkx graph.
    ``folder`` overrides :func:`cache_folder` (the environment); ``progress``
    is passed on to the layout.
    """
    skeleton = as_skeleton(source)
    where = Path(folder) if folder is not None else cache_folder()
    if where is None:
        return compute_positions(skeleton, progress=progress)
    key = layout_key(skeleton)
    path = where / f"layout-{key}.json"
    found = _read(path, key, set(skeleton.nodes))
    if found is not None:
        if progress:
            progress("Reusing the layout from the cache")
        return dict(sorted(found.items()))
    positions = compute_positions(skeleton, progress=progress)
    _write(where, path, key, positions)
    return positions
