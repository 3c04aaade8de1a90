"""How the page labels each field of the map's tables, in English and Dutch (:data:`stakeholders.i18n.FIELD_LABELS`).

>>> FIELD_LABELS["nl"]["short_name"]
'Afkorting'
"""

from __future__ import annotations

__all__ = ["FIELD_LABELS"]

FIELD_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "id": "Id",
        "name": "Name",
        "short_name": "Short name",
        "aliases": "Also known as",
        "sector": "Sector",
        "level": "Level",
        "country": "Country / scope",
        "stages": "Stages",
        "description": "Description",
        "url": "Website",
        "tags": "Tags",
        "sensitivity": "Sensitivity",
        "evidence": "Evidence",
        "influence": "Influence (0–10)",
        "stance": "Stance towards the goal",
        "source": "From",
        "target": "To",
        "kind": "Kind",
        "direction": "Direction",
        "status": "Status",
        "strength": "Strength",
        "basis": "Basis",
        "since": "Since",
        "until": "Until",
        "source_ref": "Source",
        "last_checked": "Last checked",
        "notes": "Notes",
        "order": "Order",
        "hands_over_to": "Hands over to",
    },
    "nl": {
        "id": "Id",
        "name": "Naam",
        "short_name": "Afkorting",
        "aliases": "Ook bekend als",
        "sector": "Sector",
        "level": "Niveau",
        "country": "Land / werkgebied",
        "stages": "Stappen",
        "description": "Omschrijving",
        "url": "Website",
        "tags": "Trefwoorden",
        "sensitivity": "Gevoeligheid",
        "evidence": "Onderbouwing",
        "influence": "Invloed (0–10)",
        "stance": "Standpunt over het doel",
        "source": "Van",
        "target": "Naar",
        "kind": "Soort",
        "direction": "Richting",
        "status": "Status",
        "strength": "Sterkte",
        "basis": "Grondslag",
        "since": "Sinds",
        "until": "Tot",
        "source_ref": "Bronvermelding",
        "last_checked": "Laatst gecontroleerd",
        "notes": "Notities",
        "order": "Volgorde",
        "hands_over_to": "Draagt over aan",
    },
}
"""How the info panel names each standard field."""
