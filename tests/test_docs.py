"""The README tells the truth: its commands exist, and every command, column and value is in it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from stakeholders.cli import cli
from stakeholders.schema import (
    BARRIER_STATUSES,
    COLUMNS,
    DIRECTIONS,
    EVIDENCE,
    LEVELS,
    LINK_KINDS,
    SECTORS,
    SENSITIVITY,
    SETTINGS,
    STATUSES,
    TECHNIQUES,
)

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTIONS = {
    "organisations": "### Organisations",
    "links": "### Links",
    "stages": "### Stages",
    "settings": "### Map settings",
    "closed lists": "### Closed lists",
    "views": "### Views",
    "script": "### Script",
    "barriers": "### Barriers",
}


def _section(table: str) -> list[str]:
    start = README.index(SECTIONS[table])
    end = README.find("\n### ", start + 1)
    return README[start:end].splitlines()


def test_readme_starts_with_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["./scripts/example", "./scripts/test --all"]
    assert README.index("```sh") < README.index("\n## ")
    for command in commands:
        assert os.access(ROOT / command.split()[0], os.X_OK), command


def test_ci_runs_the_readme_test_command() -> None:
    assert "./scripts/test --all" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command: str) -> None:
    assert f"### `stakeholders {command}" in README
    assert cli.commands[command].help


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_every_column_and_header_is_documented(table: str) -> None:
    for column in COLUMNS[table]:
        row = next((line for line in _section(table) if line.startswith(f"| `{column.name}`")), None)
        assert row is not None, column.name
        assert all(header in row for header in column.headers), column.name


def test_every_setting_and_value_is_documented() -> None:
    for key, aliases in SETTINGS.items():
        row = next(line for line in _section("settings") if line.startswith(f"| `{key}`"))
        assert all(alias in row for alias in aliases), key
    for vocabulary in (SECTORS, LEVELS, LINK_KINDS, DIRECTIONS, STATUSES, SENSITIVITY, EVIDENCE):
        for term in vocabulary.terms:
            assert f"`{term.id}`" in README, term.id
    closed_lists = "\n".join(_section("closed lists"))
    for vocabulary in (TECHNIQUES, BARRIER_STATUSES):  # each term with its Dutch label, in the closed lists
        for term in vocabulary.terms:
            assert f"`{term.id}` ({term.nl})" in closed_lists, term.id


def test_the_screenshot_exists() -> None:
    assert "docs/example-map.png" in README
    assert (ROOT / "docs" / "example-map.png").stat().st_size > 50_000
