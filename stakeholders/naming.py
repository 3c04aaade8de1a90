"""How an organisation and a stage are named in a language: the one rule every output follows.

An organisation goes by its short name, else its name in the language asked
for (a ``name_<lang>`` column), else its name, else its id. A stage goes by
its name in the language asked for where the map has one, else its name.
Without a language, the names are the map's own.

>>> org_label({"id": "om", "name": "Openbaar Ministerie", "name_en": "Public Prosecution Service"}, "en")
'Public Prosecution Service'
>>> org_label({"id": "om", "name": "Openbaar Ministerie", "short_name": "OM"}, "en")
'OM'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import StakeholderMap

__all__ = ["barrier_names", "org_label", "org_labels", "phase_names", "stage_names"]


def org_label(record: Mapping[str, Any], lang: str | None = None) -> str:
    """The label of an organisation (a row of the organisations table): see the module docstring."""
    localised = record.get(f"name_{lang}") if lang else None
    return record.get("short_name") or localised or record.get("name") or str(record.get("id") or "")


def org_labels(m: StakeholderMap, lang: str | None = None) -> dict[str, str]:
    """Every organisation's id → its label in ``lang`` (:func:`org_label`)."""
    return {record["id"]: org_label(record, lang) for record in m.records("organisations")}


def stage_names(m: StakeholderMap, lang: str | None = None) -> dict[str, str]:
    """Every stage's id → its name in ``lang`` (``name_<lang>`` where the map has it and it is filled in).

    >>> import pandas as pd
    >>> from stakeholders.model import MapSettings
    >>> from stakeholders.schema import default_stages
    >>> m = StakeholderMap(pd.DataFrame(), pd.DataFrame(), default_stages(), MapSettings())
    >>> stage_names(m, "nl")["investigation"], stage_names(m)["investigation"]
    ('Opsporing', 'Investigation')
    """
    names = dict(zip(m.stages["id"], m.stages["name"], strict=True))
    column = f"name_{lang}"
    if lang and column in m.stages:
        names = {stage: name or names[stage] for stage, name in zip(m.stages["id"], m.stages[column], strict=True)}
    return names


def _names(frame: Any, lang: str | None) -> dict[str, str]:
    """A table's id → its name in ``lang`` where it has one, else its name, else its id."""
    if frame is None or frame.empty:
        return {}
    names = {key: name or key for key, name in zip(frame["id"], frame["name"], strict=True)}
    column = f"name_{lang}"
    if lang and column in frame:
        names = {key: name or names[key] for key, name in zip(frame["id"], frame[column], strict=True)}
    return names


def phase_names(m: StakeholderMap, lang: str | None = None) -> dict[str, str]:
    """Every phase of the script: its id → its name in ``lang`` (as :func:`stage_names` names stages)."""
    return _names(m.script, lang)


def barrier_names(m: StakeholderMap, lang: str | None = None) -> dict[str, str]:
    """Every barrier: its id → its name in ``lang`` (as :func:`stage_names` names stages)."""
    return _names(m.barriers, lang)
