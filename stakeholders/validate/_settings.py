"""The map's settings (its title, date, source note, extra sectors, kinds and techniques, who may see what), checked."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .._language import language_of
from ..dates import not_a_date, parse_date
from ..model import MapSettings
from ..schema import AUDIENCES, COLUMNS, SETTINGS, normalise_key
from ..source import RawTable
from ..values import cell_text, check_text, split_list
from ._findings import Findings

__all__ = ["PROTECTED_FIELDS", "YES_NO", "check_field_settings", "field_name", "read_settings", "settings_lang"]


def settings_lang(table: RawTable | None) -> str:
    """The language a map's settings name (``en``, ``nl``), or "" when they name none (or none we know)."""
    if table is None:
        return ""
    for _, cells in [(1, table.headers), *table.rows]:
        key, value = ([*cells, "", ""])[:2]
        if isinstance(key, str) and normalise_key(key) in {normalise_key(a) for a in ("lang", *SETTINGS["lang"])}:
            return language_of(cell_text(value)) or ""
    return ""


def read_settings(table: RawTable | None, findings: Findings) -> tuple[MapSettings, dict[str, int]]:
    """The map's settings, and the row each setting was read from."""
    settings = MapSettings()
    if table is None:
        return settings, {}
    rows = list(table.rows)
    if table.headers and normalise_key(table.headers[0]) not in ("key", "setting", "sleutel", "instelling", "field"):
        rows.insert(0, (1, table.headers + [""]))
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    for row, cells in rows:
        key, value = (cells + ["", ""])[:2]
        if problem := check_text(key, findings.lang):
            findings.add(table, row, "", findings.say("setting_name", problem=problem))
            continue
        if cell_text(key) == "":
            continue
        name = next(
            (
                n
                for n, aliases in SETTINGS.items()
                if normalise_key(cell_text(key)) in {normalise_key(a) for a in (n, *aliases)}
            ),
            None,
        )
        if name is None:
            known = f"{', '.join(list(SETTINGS)[:-1])} {'of' if findings.lang == 'nl' else 'or'} {list(SETTINGS)[-1]}"
            msg = findings.say("unknown_setting", key=cell_text(key), settings=known)
            findings.add(table, row, cell_text(key), msg)
            continue
        if problem := check_text(value, findings.lang):
            findings.add(table, row, name, problem)
            continue
        if name == "audience" and value not in ("", []):
            found = AUDIENCES.lookup(cell_text(value))
            if found is None:
                msg = findings.say("not_an_audience", value=cell_text(value), allowed=", ".join(AUDIENCES.ids))
                findings.add(table, row, "audience", msg)
                continue
            value = found
        if name == "show_hidden_counts" and value not in ("", []):
            answer = YES_NO.get(normalise_key(cell_text(value)))
            if answer is None:
                msg = findings.say("not_yes_no", value=cell_text(value))
                findings.add(table, row, "show_hidden_counts", msg)
                continue
            value = answer
        if name == "lang" and value not in ("", []):
            found = language_of(cell_text(value))
            if found is None:
                findings.add(table, row, "lang", findings.say("not_a_language", value=cell_text(value)))
                continue
            value = found
        if name == "date" and value not in ("", []):
            parsed = parse_date(value)
            if parsed is None:
                findings.add(table, row, "date", not_a_date(value, findings.lang))
                continue
            value = parsed
        values[name] = value
        where[name] = row
    extra = {name: tuple(split_list(values.pop(name, ""))) for name in ("sectors", "kinds", "techniques")}
    changes: dict[str, Any] = {
        name: tuple(split_list(values.pop(name, ""))) for name in ("partners_fields", "restricted_fields")
    }
    hidden_counts = values.pop("show_hidden_counts", False)
    changes.update({name: cell_text(value) for name, value in values.items()})
    settings = replace(
        settings,
        **changes,
        show_hidden_counts=bool(hidden_counts),
        sectors=settings.sectors.extended(extra["sectors"]),
        kinds=settings.kinds.extended(extra["kinds"]),
        techniques=settings.techniques.extended(extra["techniques"]),
    )
    return settings, where


YES_NO = {
    key: answer
    for answer, keys in (
        (True, ("yes", "ja", "true", "waar", "1", "y", "j")),
        (False, ("no", "nee", "false", "onwaar", "0", "n")),
    )
    for key in keys
}


PROTECTED_FIELDS = ("id", "name", "source", "target")
"""Fields a map cannot hide for an audience: without them there is no map."""

_TABLE_WORDS = {"nl": {"organisations": "organisaties", "links": "verbindingen", "barriers": "barrières"}}
"""The tables whose columns a setting may name, where the language says them differently."""


def field_name(value: str, columns: list[str]) -> str | None:
    """The column ``value`` names, matched as headers are (any case, English or Dutch); None if there is none.

    ``columns`` are field names and custom headers; a field may also be named by one of its headers.
    """
    if value in columns:
        return value
    key = normalise_key(value)
    for column in columns:
        named = (c for role in ("organisations", "links", "barriers") for c in COLUMNS[role] if c.name == column)
        if normalise_key(column) == key or any(field_.accepts(value) for field_ in named):
            return column
    return None


def check_field_settings(
    table: RawTable | None,
    settings: MapSettings,
    rows: dict[str, int],
    fields: dict[str, list[str]],
    findings: Findings,
) -> MapSettings:
    """The columns named in partners_fields and restricted_fields must exist and may not be the map's keys.

    ``fields`` holds the columns of each table they may name (organisations, links, and barriers when the
    map has any). Returns the settings with each named column written as the map names it
    (``Sensitivity`` → ``sensitivity``).
    """
    if table is None:
        return settings
    columns = [name for names in fields.values() for name in names]
    tables = [role for role, names in fields.items() if names]
    tables = [_TABLE_WORDS.get(findings.lang, {}).get(role, role) for role in tables]
    word = findings.say("or")
    where = f" {word} ".join(tables) if len(tables) < 3 else f"{', '.join(tables[:-1])} {word} {tables[-1]}"
    found: dict[str, Any] = {}
    for name in ("partners_fields", "restricted_fields"):
        names, row = [], rows.get(name, 0)
        for value in getattr(settings, name):
            column = field_name(value, columns)
            if column in PROTECTED_FIELDS:
                findings.add(table, row, name, findings.say("cannot_hide", value=value, column=column))
            elif column is None:
                known = ", ".join(dict.fromkeys(columns))
                msg = findings.say("not_a_column_of", value=value, where=where, known=known)
                findings.add(table, row, name, msg)
            else:
                names.append(column)
        found[name] = tuple(dict.fromkeys(names))
    return replace(settings, **found)
