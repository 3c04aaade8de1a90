"""YAML and JSON, read: a map whose top-level keys are its tables and settings.

:func:`read_data` reads any JSON (``.json``, ``.cyjs``) or YAML file within
the same limits (YAML aliases that repeat too much, nesting too deep, numbers
too long to hold), so a hostile file ends in one clear
:class:`~stakeholders.errors.SourceError`. :func:`data_source` makes our own
map's tables of what it holds; :mod:`stakeholders.formats` sends Kumu
blueprints and Cytoscape.js JSON to their own modules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..schema import SETTINGS, normalise_key
from ..source import Source, decode_text, grid_table, records_table, table_role

__all__ = ["NESTING_AT_MOST", "YAML_REPEATS_AT_MOST", "data_source", "read_data"]

YAML_REPEATS_AT_MOST = 1_000_000
"""The most values the aliases of a YAML file may repeat (``*name`` copies what ``&name`` marks): a real map
repeats a few hundred, an alias bomb ("billion laughs") billions."""
NESTING_AT_MOST = 50
"""How deeply lists and mappings may nest in a YAML or JSON file: a map needs five or six levels."""


def _names_setting(key: str) -> bool:
    """Whether a top-level key of a YAML/JSON file is a map setting (``sectors``, ``restricted_fields`` …)."""
    key = normalise_key(key)
    return any(key in {normalise_key(name) for name in (setting, *aliases)} for setting, aliases in SETTINGS.items())


def _yaml_loader() -> type:
    """A safe YAML loader that stops at an alias bomb: one that counts what aliases repeat as it composes."""
    import yaml

    class Loader(yaml.SafeLoader):
        """PyYAML's SafeLoader, refusing a file whose aliases repeat more than YAML_REPEATS_AT_MOST values."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.sizes: dict[int, int] = {}  # id of a composed node → how many values it holds, aliases expanded
            self.repeated = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                node = super().compose_node(parent, index)
                self.repeated += self.sizes.get(id(node), 1)
                if self.repeated > YAML_REPEATS_AT_MOST:
                    raise _TooManyRepeats(event.start_mark.line + 1)
                return node
            node = super().compose_node(parent, index)
            children = node.value if isinstance(node, yaml.SequenceNode) else []
            if isinstance(node, yaml.MappingNode):
                children = [child for pair in node.value for child in pair]
            self.sizes[id(node)] = 1 + sum(self.sizes.get(id(child), 1) for child in children)
            return node

    for tag in ("int", "float", "timestamp"):  # 2021-13-45 or 5,000 digits: text, which validation reports
        construct = Loader.yaml_constructors[f"tag:yaml.org,2002:{tag}"]
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", _text_when_invalid(construct))
    return Loader


def _text_when_invalid(construct: Any) -> Any:
    """A YAML constructor that keeps a scalar as text when it cannot be read as what it looks like."""

    def lenient(loader: Any, node: Any) -> Any:
        try:
            return construct(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    return lenient


def _json_int(text: str) -> int | str:
    """A JSON integer; one too long for Python to read (thousands of digits) stays text."""
    return int(text) if len(text) <= 100 else text


class _TooManyRepeats(Exception):
    """A YAML file's aliases repeat too much; ``args[0]`` is the line where the limit was passed."""


def _too_deep(data: Any) -> bool:
    """Whether lists and mappings nest more than NESTING_AT_MOST levels (a YAML alias may even hold itself)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > NESTING_AT_MOST:
                return True
            stack.extend((child, depth + 1) for child in (value.values() if isinstance(value, dict) else value))
    return False


def _load_data(path: Path, text: str) -> Any:
    """The content of a JSON or YAML file, or one clear SourceError."""
    import yaml

    too_deep = f"{path}: this file nests lists or sections more than {NESTING_AT_MOST} levels deep: a map needs a few"
    try:
        if path.suffix.lower() in (".json", ".cyjs"):
            data = json.loads(text, parse_int=_json_int)
        else:
            data = yaml.load(text, Loader=_yaml_loader())  # a SafeLoader
    except json.JSONDecodeError as err:
        msg = f"{path}, line {err.lineno}: this is not valid JSON ({err.msg})"
        raise SourceError(msg) from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "syntax error"
        msg = f"{path}{line}: this is not valid YAML ({problem})"
        raise SourceError(msg) from err
    except _TooManyRepeats as err:
        msg = f"{path}, line {err.args[0]}: this file uses too many YAML aliases (they repeat more than "
        msg += f"{YAML_REPEATS_AT_MOST:,} values): write the values out instead of repeating them with *aliases"
        raise SourceError(msg) from err
    except RecursionError as err:
        raise SourceError(too_deep) from err
    if _too_deep(data):
        raise SourceError(too_deep)
    return data


def read_data(path: Path) -> Any:
    """The content of a JSON (``.json``, ``.cyjs``) or YAML file, or one clear SourceError.

    The same limits hold for every such file: YAML aliases, nesting depth, numbers too long to hold.
    """
    return _load_data(path, decode_text(path.read_bytes(), str(path)))


def data_source(path: Path, data: dict[str, Any]) -> Source:
    """The tables of our own YAML or JSON map (``data``, read by :func:`read_data`).

    Top-level keys name the tables (lists of records) and the settings (plain values, a settings
    mapping, or lists of a setting such as ``sectors``).
    """
    source = Source(str(path), kind="data")
    settings: list[list[Any]] = [["key", "value"]]
    for key, value in data.items():
        source.found.append(str(key))
        role = table_role(str(key))
        if role in ("organisations", "links", "stages", "views", "script", "barriers") and role not in source.tables:
            source.tables[role] = records_table(role, path, str(key), value)
        elif role == "settings" and isinstance(value, dict):
            settings.extend([k, v] for k, v in value.items())
        elif not isinstance(value, (dict, list)) or (isinstance(value, list) and _names_setting(str(key))):
            settings.append([key, value])
    if len(settings) > 1:
        source.tables["settings"] = grid_table(
            "settings", path.name, "settings", settings, sheet_word="section", row_word="item", column_word="field"
        )
    return source
