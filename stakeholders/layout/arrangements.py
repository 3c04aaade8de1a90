"""Positions that follow the approach or the sectors: swimlanes by stage and circles by sector.

Both are deterministic (organisations are placed in id order within their
group) and return labelled anchors for the page to draw as lane or group
titles.

>>> import pandas as pd
>>> orgs = pd.DataFrame({"id": ["om", "politie", "rn"], "stages": [["prosecution"], ["investigation"], []]})
>>> stages = pd.DataFrame({"id": ["investigation", "prosecution"], "name": ["Investigation", "Prosecution"]})
>>> positions, lanes = swimlanes(orgs, stages)
>>> positions["politie"][0] < positions["om"][0] < positions["rn"][0]
True
>>> [lane["label"] for lane in lanes]
['Investigation', 'Prosecution', 'No stage']
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

__all__ = ["LANE_WIDTH", "ROW_HEIGHT", "circles", "swimlanes"]

LANE_WIDTH = 330
ROW_HEIGHT = 80


def _wrapped(text: str, width: int = 20) -> str:
    """Break a lane title over lines of about ``width`` characters.

    >>> _wrapped("Offender treatment and supervision")
    'Offender treatment\\nand supervision'
    """
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _sorted_ids(ids: list[str], sector_of: dict[str, str]) -> list[str]:
    return sorted(ids, key=lambda org: (sector_of.get(org, ""), org))


def swimlanes(
    organisations: pd.DataFrame, stages: pd.DataFrame, *, names: dict[str, str] | None = None
) -> tuple[dict[str, tuple[int, int]], list[dict[str, Any]]]:
    """The steps of the approach from left to right, each organisation in the lane of its first stage.

    Organisations without a stage get a last lane of their own. Within a lane
    they are grouped by sector. Returns positions and one anchor per lane
    (``label``, ``x``, ``y``).
    """
    order = list(stages["id"])
    labels = names or dict(zip(stages["id"], stages["name"], strict=True))
    sector_of = dict(
        zip(organisations["id"], organisations.get("sector", pd.Series([""] * len(organisations))), strict=True)
    )
    lanes: dict[str, list[str]] = {stage: [] for stage in order}
    lanes[""] = []
    for org, org_stages in zip(organisations["id"], organisations["stages"], strict=True):
        first = next((stage for stage in order if stage in (org_stages or [])), "")
        lanes[first].append(org)
    positions: dict[str, tuple[int, int]] = {}
    anchors = []
    column = 0
    for stage, members in lanes.items():
        if not members and stage == "":
            continue
        x = column * LANE_WIDTH
        anchors.append({"label": _wrapped(labels.get(stage, stage) if stage else "No stage"), "x": x, "y": -ROW_HEIGHT})
        for row, org in enumerate(_sorted_ids(members, sector_of)):
            positions[org] = (x, row * ROW_HEIGHT + ROW_HEIGHT // 2)
        column += 1
    return positions, anchors


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
