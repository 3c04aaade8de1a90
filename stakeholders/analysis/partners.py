"""Maps made together: how many of an organisation's links its partners confirm, and its PARTNER scores.

A merged map (:mod:`stakeholders.merge`) says of each link whether both ends
reported it (``confirmation``: ``confirmed`` or ``one-sided``) and what each
end scores the other (``source_trust``, ``target_trust``, ``source_value``,
``target_value``, 1–4); a ``trust`` or ``value`` that nobody in particular
gave counts for both ends. These functions return plain data.

>>> import pandas as pd
>>> from stakeholders.model import MapSettings, StakeholderMap
>>> links = pd.DataFrame({"id": ["a>b"], "source": ["a"], "target": ["b"], "source_trust": [3], "target_trust": [2],
...                       "confirmation": ["confirmed"]})
>>> m = StakeholderMap(pd.DataFrame({"id": ["a", "b"]}), links, None, MapSettings())
>>> partner_scores(m)[["id", "trust", "trust_scores"]].to_dict("records")
[{'id': 'a', 'trust': 2.0, 'trust_scores': 1}, {'id': 'b', 'trust': 3.0, 'trust_scores': 1}]
>>> network_scores(m)["trust"], confirmed_links(m)["confirmed"].tolist()
(2.5, [1, 1])
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..model import StakeholderMap
from ..schema import RATING_METRICS

__all__ = ["confirmed_links", "network_scores", "partner_scores", "scores_given"]


def _score(value: Any) -> int | None:
    return None if value is None or pd.isna(value) or value == "" else int(value)


def scores_given(m: StakeholderMap, score: str) -> list[tuple[str, int]]:
    """Every ``score`` (``trust`` or ``value``) an organisation's partners gave it, as (organisation, score).

    The source's score of a link is the target's, the target's the source's; a plain score counts for both ends.
    """
    links = m.links
    given: list[tuple[str, int]] = []
    for row in links.to_dict("records"):
        plain = _score(row.get(score))
        by_source, by_target = _score(row.get(f"source_{score}")), _score(row.get(f"target_{score}"))
        for rated, by_partner in ((row["target"], by_source), (row["source"], by_target)):
            found = by_partner if by_partner is not None else plain
            if found is not None:
                given.append((str(rated), found))
    return given


def partner_scores(m: StakeholderMap) -> pd.DataFrame:
    """Per organisation (in the map's order): its average ``trust`` and ``value`` as its partners give them
    (None without scores), rounded to two decimals, and how many scores each average is of."""
    ids = [str(org) for org in m.organisations["id"]]
    frame = pd.DataFrame({"id": ids})
    for score in RATING_METRICS:
        sums: dict[str, int] = {}
        counts: dict[str, int] = {}
        for org, value in scores_given(m, score):
            sums[org] = sums.get(org, 0) + value
            counts[org] = counts.get(org, 0) + 1
        frame[score] = [round(sums[org] / counts[org], 2) if org in counts else None for org in ids]
        frame[f"{score}_scores"] = [counts.get(org, 0) for org in ids]
    return frame


def network_scores(m: StakeholderMap) -> dict[str, Any]:
    """The network's average ``trust`` and ``value`` (every score given, once), and how many scores each is of."""
    found: dict[str, Any] = {}
    for score in RATING_METRICS:
        values = [
            int(v)
            for column in (score, f"source_{score}", f"target_{score}")
            if column in m.links
            for v in m.links[column]
            if _score(v) is not None
        ]
        found[score] = round(sum(values) / len(values), 2) if values else None
        found[f"{score}_scores"] = len(values)
    return found


def confirmed_links(m: StakeholderMap) -> pd.DataFrame:
    """Per organisation with links whose confirmation is known: ``reported`` (such links), ``confirmed`` (both ends
    reported them), ``one_sided`` and ``share`` (confirmed / reported); organisations in the map's order."""
    counts: dict[str, list[int]] = {}
    if "confirmation" in m.links:
        for source, target, confirmation in zip(
            m.links["source"], m.links["target"], m.links["confirmation"], strict=True
        ):
            if confirmation in ("confirmed", "one-sided"):
                for org in (source, target):
                    found = counts.setdefault(str(org), [0, 0])
                    found[0 if confirmation == "confirmed" else 1] += 1
    rows = [
        {
            "id": org,
            "reported": sum(counts[org]),
            "confirmed": counts[org][0],
            "one_sided": counts[org][1],
            "share": round(counts[org][0] / sum(counts[org]), 2),
        }
        for org in map(str, m.organisations["id"])
        if org in counts
    ]
    return pd.DataFrame(rows, columns=["id", "reported", "confirmed", "one_sided", "share"])
