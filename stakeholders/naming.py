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

__all__ = ["org_label", "org_labels", "stage_names"]


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
