"""Positions that follow the sectors: circles by sector, for views.

Deterministic (organisations are placed in id order within their group);
returns labelled anchors for the page to draw as group titles. The approach
is not arranged here: it is a board (:mod:`stakeholders.board`), where an
organisation appears under every stage it acts on.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

__all__ = ["circles"]


def circles(
    organisations: pd.DataFrame, *, labels: dict[str, str] | None = None
) -> tuple[dict[str, tuple[int, int]], list[dict[str, Any]]]:
    """One circle per sector, the circles themselves arranged on a ring, largest sector first.

    >>> orgs = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["police", "police", "care"]})
    >>> positions, groups = circles(orgs)
    >>> [g["label"] for g in groups]
    ['police', 'care']
    """
    groups: dict[str, list[str]] = {}
    for org, sector in zip(organisations["id"], organisations["sector"], strict=True):
        groups.setdefault(sector or "", []).append(org)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    radii = {sector: max(60.0, len(members) * 75 / (2 * math.pi)) for sector, members in ordered}
    ring = max(sum(2 * r + 80 for r in radii.values()) / (2 * math.pi), max(radii.values(), default=0) + 80)
    positions: dict[str, tuple[int, int]] = {}
    anchors = []
    for index, (sector, members) in enumerate(ordered):
        angle = 2 * math.pi * index / len(ordered) - math.pi / 2
        cx, cy = (0.0, 0.0) if len(ordered) == 1 else (ring * math.cos(angle), ring * math.sin(angle))
        radius = radii[sector] if len(members) > 1 else 0.0
        for position, org in enumerate(sorted(members)):
            theta = 2 * math.pi * position / len(members) - math.pi / 2
            positions[org] = (round(cx + radius * math.cos(theta)), round(cy + radius * math.sin(theta)))
        label = (labels or {}).get(sector, sector) or "No sector"
        anchors.append({"label": label, "x": round(cx), "y": round(cy - radius - 45)})
    return positions, anchors
