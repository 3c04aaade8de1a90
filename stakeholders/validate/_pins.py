"""Pinned positions: the ``x`` and ``y`` columns of the organisations, checked and read.

An organisation with both ``x`` and ``y`` stands exactly there, in the
coordinates the page and the exports use (whole pixels, y growing
downwards). The columns stay custom fields of the map (shown and exported
like any other); the layout reads them through :func:`pins_of`. Headers:
``x`` and ``y`` (also ``position x`` / ``positie x`` and ``pos x``, any case).

>>> pin_columns(["id", "naam", "X", "Positie Y"])
('X', 'Positie Y')
>>> parse_coordinate("12,5"), parse_coordinate("-30"), parse_coordinate("far")
(12.5, -30.0, None)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..schema import normalise_key
from ..source import RawTable
from ._findings import Findings

__all__ = ["LIMIT", "check_pins", "parse_coordinate", "pin_columns", "pins_of"]

LIMIT = 1_000_000
"""A pinned coordinate lies at most this far from 0 (pixels)."""

_HEADERS = {axis: {normalise_key(f"{word}{axis}") for word in ("", "position ", "positie ", "pos ")} for axis in "xy"}


def pin_columns(headers: Iterable[str]) -> tuple[str | None, str | None]:
    """The headers of the ``x`` and ``y`` columns among ``headers`` (None where there is none)."""
    found: dict[str, str | None] = {"x": None, "y": None}
    for header in headers:
        key = normalise_key(str(header))
        for axis, names in _HEADERS.items():
            if key in names and found[axis] is None:
                found[axis] = str(header)
    return found["x"], found["y"]


def parse_coordinate(value: Any) -> float | None:
    """A coordinate from a cell: a number (a decimal comma is fine), or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) and abs(number) <= LIMIT else None


def _blank(value: Any) -> bool:
    if isinstance(value, float):
        return value != value
    return value is None or (isinstance(value, str) and not value.strip())


def check_pins(table: RawTable, records: list[tuple[int, dict[str, Any]]], findings: Findings) -> None:
    """Say of each organisation whose ``x`` or ``y`` is not a number, or that has only one of them, what to do."""
    x_column, y_column = pin_columns(records[0][1] if records else table.headers)
    if x_column is None and y_column is None:
        return
    for row, record in records:
        x, y = record.get(x_column or "", ""), record.get(y_column or "", "")
        for column, value in ((x_column, x), (y_column, y)):
            if column and not _blank(value) and parse_coordinate(value) is None:
                findings.add(table, row, column, findings.say("not_a_position", value=value, limit=f"{LIMIT:,}"))
        if _blank(x) != _blank(y):
            missing = y_column or "y" if _blank(y) else x_column or "x"
            msg = findings.say("pin_both", missing=missing)
            findings.add(table, row, missing if missing in table.headers else "", msg)


def pins_of(organisations: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """The pinned positions ``{id: (x, y)}`` of a validated organisations table."""
    x_column, y_column = pin_columns(organisations.columns)
    if x_column is None or y_column is None:
        return {}
    pins = {}
    for ident, x, y in zip(organisations["id"], organisations[x_column], organisations[y_column], strict=True):
        px, py = parse_coordinate(x), parse_coordinate(y)
        if px is not None and py is not None:
            pins[str(ident)] = (px, py)
    return pins
