"""The docs tell the truth: the README is short and starts with the two commands, the generated references are what
the code says, every command is in both user guides, the API's examples run, and every link leads somewhere."""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
from pathlib import Path
from types import ModuleType

import pytest

from stakeholders import schema
from stakeholders.cli import cli
from stakeholders.schema import COLUMNS, SETTINGS, TABLE_NAMES, Vocabulary

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
GUIDES = ("user-guide.md", "gebruikersgids.md")
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def _docs_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_script", ROOT / "scripts" / "docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["./scripts/example", "./scripts/test --all"]
    assert README.index("```sh") < README.index("\n## ")
    for command in commands:
        assert os.access(ROOT / command.split()[0], os.X_OK), command


def test_readme_is_a_few_kilobytes_and_leads_to_every_page() -> None:
    assert len(README.encode("utf-8")) < 6_000, "keep the README short: move detail into docs/"
    for page in sorted(DOCS.glob("*.md")):
        assert f"(docs/{page.name})" in README, f"the README does not link docs/{page.name}"
    for step in ("stakeholders init", "stakeholders validate", "stakeholders map", "stakeholders present"):
        assert step in README, step  # a first map: init → fill → validate → map → present


def test_ci_runs_the_readme_test_command() -> None:
    assert "./scripts/test --all" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_generated_references_are_up_to_date() -> None:
    script = _docs_script()
    for path, text in script.outputs().items():
        written = path.read_text(encoding="utf-8") if path.exists() else ""
        assert written == text, (
            f"{path.relative_to(ROOT)} differs from the code: run .venv/bin/python scripts/docs.py and commit it"
        )


def test_the_docs_script_finds_a_stale_reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _docs_script()
    stale = tmp_path / "cli.md"
    stale.write_text("# an old reference\n", encoding="utf-8")
    monkeypatch.setattr(script, "CLI", stale)
    monkeypatch.setattr(script, "ROOT", tmp_path)
    monkeypatch.setattr(script, "SPREADSHEET", tmp_path / "spreadsheet.md")
    assert script.main(["--check"]) == 1  # --check writes nothing and says which files differ
    assert stale.read_text(encoding="utf-8") == "# an old reference\n"
    assert script.main([]) == 0 and script.main(["--check"]) == 0  # written, then up to date
    assert stale.read_text(encoding="utf-8") == script.cli_reference()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_reference_and_the_guides(command: str) -> None:
    assert cli.commands[command].help
    assert f"## `stakeholders {command}`" in _read("cli.md")
    for guide in GUIDES:
        assert f"stakeholders {command}" in _read(guide), f"{guide} never mentions stakeholders {command}"


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_every_column_and_header_is_in_the_spreadsheet_reference(table: str) -> None:
    reference = _read("spreadsheet.md")
    for column in COLUMNS[table]:
        row = next((line for line in reference.splitlines() if line.startswith(f"| `{column.name}`")), None)
        assert row is not None, column.name
        rows = [line for line in reference.splitlines() if line.startswith(f"| `{column.name}`")]
        assert any(all(header in line for header in column.headers) for line in rows), column.name
    for name in TABLE_NAMES.get(table, ()):
        assert f"`{name}`" in reference, name


def test_every_setting_and_value_is_in_the_spreadsheet_reference() -> None:
    reference = _read("spreadsheet.md")
    start = reference.index("\n## Map settings")
    settings = reference[start : reference.index("\n## ", start + 1)]
    for key, aliases in SETTINGS.items():
        row = next(line for line in settings.splitlines() if line.startswith(f"| `{key}` |"))
        assert all(alias in row for alias in aliases), key
    vocabularies = [getattr(schema, n) for n in schema.__all__ if isinstance(getattr(schema, n), Vocabulary)]
    assert len(vocabularies) >= 10
    for vocabulary in vocabularies:
        for term in vocabulary.terms:  # each term with its English and its Dutch label
            assert f"| `{term.id}` | {term.en} | {term.nl} |" in reference, term.id


def test_the_api_examples_run() -> None:
    failures, tried = doctest.testfile(str(DOCS / "api.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert tried >= 20 and failures == 0


def _anchors(text: str) -> set[str]:
    """The anchors GitHub gives a page's headings."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    found: set[str] = set()
    for heading in re.findall(r"(?m)^#{1,6} (.+)$", text):
        anchor = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        number, candidate = 1, anchor
        while candidate in found:
            candidate, number = f"{anchor}-{number}", number + 1
        found.add(candidate)
    return found


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_link_leads_somewhere(page: Path) -> None:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name} links to {target}, which does not exist"
        if anchor and linked.suffix == ".md":
            assert anchor in _anchors(linked.read_text(encoding="utf-8")), f"{page.name} links to {target}"


def test_the_screenshots_exist() -> None:
    assert "docs/example-map.png" in README
    assert (DOCS / "example-map.png").stat().st_size > 50_000
    guide = _read("user-guide.md")
    for picture in re.findall(r"\]\(([\w-]+\.png)\)", guide):
        assert (DOCS / picture).stat().st_size > 20_000, picture
