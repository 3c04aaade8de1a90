"""Checks of a map's own data: links that should run both ways, links not checked for long or past their end,
and gaps such as links without a source.

>>> import pandas as pd
>>> from stakeholders.model import MapSettings
>>> links = pd.DataFrame({"id": ["L1"], "source": ["a"], "target": ["b"], "status": ["active"], "until": ["2024"]})
>>> m = StakeholderMap(pd.DataFrame({"id": ["a", "b"]}), links, pd.DataFrame(), MapSettings())
>>> expired_links(m, today=date(2025, 1, 1))
[{'link': 'L1', 'source': 'a', 'target': 'b', 'kind': '', 'until': '2024'}]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ..dates import before
from ..model import StakeholderMap
from .network import current_links

__all__ = ["RECIPROCAL_KINDS", "data_quality", "expired_links", "one_way_links", "stale_links"]

RECIPROCAL_KINDS = ("information-sharing", "joint-operation", "agreement", "research", "policy-consultation")
"""Kinds of cooperation that are expected to run both ways."""


def one_way_links(m: StakeholderMap, *, statuses: Iterable[str] = ("active",)) -> list[dict[str, Any]]:
    """Directed links of a kind expected both ways (:data:`RECIPROCAL_KINDS`) with nothing coming back."""
    H = current_links(m.graph, statuses)
    found = []
    for u, v, key, data in H.edges(keys=True, data=True):
        if data.get("direction", "directed") != "directed" or data.get("kind") not in RECIPROCAL_KINDS:
            continue
        back = [d for d in (H.get_edge_data(v, u) or {}).values()]
        both_ways = [
            d for d in (H.get_edge_data(u, v) or {}).values() if d.get("direction") in ("mutual", "undirected")
        ]
        if not back and not both_ways:
            found.append({"link": key, "source": u, "target": v, "kind": data.get("kind")})
    return sorted(found, key=lambda row: row["link"])


def _months_before(day: date, months: int) -> str:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return f"{year:04d}-{month + 1:02d}-{min(day.day, 28):02d}"


def stale_links(m: StakeholderMap, *, months: int = 12, today: date | None = None) -> list[dict[str, Any]]:
    """Current links last checked more than ``months`` ago (links never checked are in :func:`data_quality`)."""
    limit = _months_before(today or date.today(), months)
    found = []
    for link in m.records("links"):
        checked = link.get("last_checked") or ""
        if checked and link.get("status") != "lapsed" and checked.ljust(10, "~") < limit:
            found.append(
                {"link": link["id"], "source": link["source"], "target": link["target"], "last_checked": checked}
            )
    return found


def expired_links(m: StakeholderMap, *, today: date | None = None) -> list[dict[str, Any]]:
    """Links still marked active (or planned) whose ``until`` date has passed: agreements to renew or close."""
    day = (today or date.today()).isoformat()
    found = []
    for link in m.records("links"):
        until = link.get("until") or ""
        # "until 2024" runs to the end of 2024: compare at the precision given
        if until and link.get("status") != "lapsed" and before(until, day):
            found.append(
                {
                    "link": link["id"],
                    "source": link["source"],
                    "target": link["target"],
                    "kind": link.get("kind") or "",
                    "until": until,
                }
            )
    return found


def data_quality(m: StakeholderMap) -> list[dict[str, Any]]:
    """Gaps in the data itself, as ``{"id", "count", "items"}`` (item ids), only where count > 0.

    The ids: ``no-source`` (links without a source reference), ``unverified`` (links marked unverified or
    inferred), ``never-checked`` (links without a last_checked date), ``no-sector``, ``no-level``,
    ``no-stages`` and ``no-description`` (organisations without one).
    """
    orgs, links = m.organisations, m.links
    checks = [
        ("no-source", links.loc[links["source_ref"] == "", "id"]),
        ("unverified", links.loc[links["evidence"].isin(["unverified", "inferred"]), "id"]),
        ("never-checked", links.loc[links["last_checked"] == "", "id"]),
        ("no-sector", orgs.loc[orgs["sector"] == "", "id"]),
        ("no-level", orgs.loc[orgs["level"] == "", "id"]),
        ("no-stages", orgs.loc[orgs["stages"].map(len) == 0, "id"]),
        ("no-description", orgs.loc[orgs["description"] == "", "id"]),
    ]
    return [{"id": key, "count": len(items), "items": list(items)} for key, items in checks if len(items)]
