"""Run every analysis of a map at once: :func:`analyse` and its result, :class:`Analysis`.

>>> import stakeholders
>>> from datetime import date
>>> result = analyse(stakeholders.load_map(stakeholders.example_path()), today=date(2026, 11, 28))
>>> result.summary["organisations"] == len(result.map.organisations)
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from .._types import Progress
from ..model import StakeholderMap
from ..validate import find_organisation
from . import approach, checks, netmap, network, partners

__all__ = ["MISSING_LISTED", "Analysis", "analyse"]

MISSING_LISTED = 200
"""How many suggestions for missing cooperation the results keep (more when ``top`` asks for more)."""

STEPS = ("figures", "organisations", "risks", "communities", "stages", "missing cooperation", "checks")


@dataclass
class Analysis:
    """Everything ``analyse`` found, as data: tables are DataFrames, findings lists of dicts, ids not names.

    :func:`~stakeholders.analysis.tables.analysis_tables` puts it into words.
    """

    map: StakeholderMap
    statuses: tuple[str, ...]
    today: date
    stale_months: int
    top: int
    summary: dict[str, Any]
    metrics: pd.DataFrame
    approximate: bool
    by_kind: pd.DataFrame
    mixing: pd.DataFrame
    single_points: list[dict[str, Any]]
    bridges: list[dict[str, Any]]
    cut_off_groups: list[list[str]]
    communities: list[dict[str, Any]]
    coverage: pd.DataFrame
    handovers: list[dict[str, Any]]
    missing: list[dict[str, Any]]
    missing_total: int
    one_way: list[dict[str, Any]]
    stale: list[dict[str, Any]]
    expired: list[dict[str, Any]]
    quality: list[dict[str, Any]]
    what_if: dict[str, Any] | None = None
    influence: list[dict[str, Any]] | None = None
    """Net-Map: the organisations to engage, enlist, win over or strengthen (:func:`netmap.influence_stance`)."""
    spanners: list[dict[str, Any]] | None = None
    """The organisations that join sectors (:func:`netmap.boundary_spanners`)."""
    confirmations: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Per organisation, its links both ends or one end reported (a map made together; see ``partners``)."""
    scores: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Per organisation, its average trust and value as its partners give them."""
    network_scores: dict[str, Any] = field(default_factory=dict)
    """The network's average trust and value."""


def analyse(
    m: StakeholderMap,
    *,
    top: int = 10,
    without: Iterable[str] = (),
    statuses: Iterable[str] = ("active",),
    stale_months: int = 12,
    today: date | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse ``m``: figures, brokers, risks, communities, coverage, hand-overs, missing cooperation.

    ``without`` names organisations (id, name, short name or alias) for a
    what-if; unknown names raise
    :class:`~stakeholders.errors.UnknownOrganisation`. ``progress`` is called
    with the name of each step as it starts.
    """
    step = progress or (lambda _: None)
    statuses = tuple(statuses)
    removed = [find_organisation(m.organisations, name) for name in without]
    today = today or date.today()
    G = m.graph
    step(STEPS[0])
    figures = network.summary(G, statuses=statuses)
    step(STEPS[1])
    metrics, approximate = network.organisation_metrics(G, statuses=statuses)
    step(STEPS[2])
    points = network.single_points_of_failure(G, statuses=statuses)
    bridges = network.bridge_links(G, statuses=statuses)
    step(STEPS[3])
    groups = network.communities(G, statuses=statuses)
    step(STEPS[4])
    found_handovers = approach.handovers(m, statuses=statuses)
    step(STEPS[5])
    missing, missing_total = approach.missing_cooperation(m, statuses=statuses, top=max(top, MISSING_LISTED))
    step(STEPS[6])
    return Analysis(
        map=m,
        statuses=statuses,
        today=today,
        stale_months=stale_months,
        top=top,
        summary=figures,
        metrics=metrics,
        approximate=approximate,
        by_kind=network.links_by_kind(G, statuses=statuses),
        mixing=network.mixing_matrix(G, statuses=statuses),
        single_points=points,
        bridges=bridges,
        cut_off_groups=network.isolated_and_small(G, statuses=statuses),
        communities=groups,
        coverage=approach.stage_coverage(m),
        handovers=found_handovers,
        missing=missing,
        missing_total=missing_total,
        one_way=checks.one_way_links(m, statuses=statuses),
        stale=checks.stale_links(m, months=stale_months, today=today),
        expired=checks.expired_links(m, today=today),
        quality=checks.data_quality(m),
        what_if=network.without(G, removed, statuses=statuses) if removed else None,
        influence=netmap.influence_stance(m.organisations, dict(zip(metrics["id"], metrics["partners"], strict=True))),
        spanners=netmap.boundary_spanners(G, statuses=statuses),
        confirmations=partners.confirmed_links(m),
        scores=partners.partner_scores(m),
        network_scores=partners.network_scores(m),
    )
