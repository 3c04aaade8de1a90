"""The command line: exact output and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_folder

from stakeholders import __version__, example_path, load_map
from stakeholders.cli import cli


def test_a_view_counts_what_it_shows(tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(cli, ["map", "--view", "national-justice", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out.resolve()} (view national-justice: 9 organisations, 11 links).\n"


def test_counts_are_in_words(tmp_path: Path) -> None:
    (tmp_path / "organisations.csv").write_text("id,name\na,A\n", encoding="utf-8")
    (tmp_path / "links.csv").write_text("source,target\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.output == f"{tmp_path} is valid: 1 organisation, 0 links, 10 stages.\n"


def test_map_writes_the_file_and_says_where(runner: CliRunner, small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = runner.invoke(cli, ["map", str(small_folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out.resolve()} (4 organisations, 4 links).\n"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_map_without_source_builds_the_example(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = load_map(example_path())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["map"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "nl-darkweb-csa.html"
    assert result.output == (
        f"Wrote {written} ({len(example.organisations)} organisations, {len(example.links)} links).\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nl-darkweb-csa.html"]


def test_map_with_title(runner: CliRunner, small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    assert runner.invoke(cli, ["map", str(small_folder), "-o", str(out), "--title", "Overleg"]).exit_code == 0
    assert "<title>Overleg</title>" in out.read_text(encoding="utf-8")


def test_validate_a_valid_source(runner: CliRunner, small_folder: Path) -> None:
    result = runner.invoke(cli, ["validate", str(small_folder)])
    assert result.exit_code == 0
    assert result.output == f"{small_folder} is valid: 4 organisations, 4 links, 10 stages.\n"


def _broken(tmp_path: Path) -> Path:
    return write_folder(
        tmp_path / "broken",
        {
            "organisations": [["id", "name", "level"], ["om", "OM", "high"]],
            "links": [["source", "target"], ["om", "omm"]],
        },
    )


def test_validate_lists_every_problem(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(_broken(tmp_path))])
    assert result.exit_code == 1
    assert result.output == (
        "Error: organisations.csv, row 2, column level: 'high' is not a level: use one of policy, operational, both\n"
        "Error: links.csv, row 2, column target: unknown organisation 'omm' (did you mean 'om'?): "
        "use an id from the organisations table\n"
        "2 problems found.\n"
    )


def test_map_with_problems_writes_nothing_and_keeps_the_old_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    out.write_text("the map from last week", encoding="utf-8")
    result = runner.invoke(cli, ["map", str(_broken(tmp_path)), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.endswith("2 problems found; nothing was written.\n")
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "the map from last week"


def test_unreadable_source_is_a_data_error(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    result = runner.invoke(cli, ["map", str(broken), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: {broken}: cannot read this workbook: it is damaged or not an .xlsx file (File is not a zip file): "
        "get a new copy, or open it in Excel and save it again as .xlsx"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["map", "missing.xlsx"], "Error: Invalid value for '[SOURCE]': Path 'missing.xlsx' does not exist."),
        (["validate"], "Error: Missing argument 'SOURCE'."),
        (
            ["map", "notes.txt"],
            "Error: notes.txt: unsupported file type '.txt': use an .xlsx workbook, a folder of "
            "CSV files, a .yaml or .json file, or a .gexf, .graphml or .cyjs file",
        ),
        (["map", "-o", "map.png"], "Error: Invalid value for '-o' / '--output': 'map.png' must end in .html"),
        (["draw"], "Error: No such command 'draw'."),
    ],
)
def test_usage_errors_exit_with_2(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == message


def test_missing_output_folder_is_one_clear_line(runner: CliRunner, small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "map.html"
    result = runner.invoke(cli, ["map", str(small_folder), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {out}: the folder {out.parent} does not exist: create it first or choose another output path\n"
    )


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["--version"]).output == f"stakeholders, version {__version__}\n"
    for command in cli.commands:
        result = runner.invoke(cli, [command, "-h"])
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_python_dash_m(small_folder: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "stakeholders", "validate", str(small_folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.endswith("is valid: 4 organisations, 4 links, 10 stages.\n")


def test_progress_only_on_a_terminal() -> None:
    import io

    from stakeholders._cli_options import terminal_progress as _progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert _progress(io.StringIO()) is None
    terminal = Terminal()
    progress = _progress(terminal)
    assert progress is not None
    progress.delay = 0.0
    progress("Laying out part 1 of 1 (10 organisations)")
    progress.close()
    assert terminal.getvalue() == "\r\033[KLaying out part 1 of 1 (10 organisations)…\r\033[K"


def test_the_analysis_steps_are_shown_in_the_output_language(small_folder: Path) -> None:
    from stakeholders._cli_options import analysing
    from stakeholders.analysis import analyse

    steps: list[str] = []
    analyse(load_map(small_folder), progress=steps.append)
    assert [analysing(step) for step in steps] == [
        f"Analysing: {step}"
        for step in ("figures", "organisations", "risks", "communities", "stages", "missing cooperation")
        + ("barriers", "checks")
    ]
    assert [analysing(step, "nl") for step in steps] == [
        f"Analyseren: {step}"
        for step in ("kerncijfers", "organisaties", "risico's", "groepen", "stappen", "ontbrekende samenwerking")
        + ("barrières", "controles")
    ]


def test_the_note_on_what_an_audience_leaves_out_counts_in_words(tmp_path: Path) -> None:
    orgs = [["id", "name"], ["a", "A"], ["b", "B"]]
    links = [["source", "target", "sensitivity"], ["a", "b", ""], ["b", "a", "restricted"]]
    settings = [["key", "value"], ["show_hidden_counts", "yes"]]
    folder = write_folder(tmp_path / "m", {"organisations": orgs, "links": links, "map": settings})
    for command in ("map", "report"):
        out = tmp_path / f"{command}.html"
        result = CliRunner().invoke(cli, [command, str(folder), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0] == (
            "Note: for the audience public, 0 organisations and 1 link marked for a wider circle were left out "
            "(see --audience)."
        )
        assert "For this audience (public) 0 organisations and 1 link are not shown." in out.read_text()


def test_a_map_with_no_organisations_left_for_the_audience_goes_through_every_command(tmp_path: Path) -> None:
    """A source needs organisations (see test_validate), but an audience or a date may leave none of them."""
    source = tmp_path / "restricted.json"
    source.write_text(
        '{"organisations": [{"id": "a", "name": "A", "sensitivity": "restricted", "since": 2020}], "links": []}',
        encoding="utf-8",
    )
    runner = CliRunner()
    for output_format in ("text", "json", "csv"):
        result = runner.invoke(cli, ["analyse", str(source), "--format", output_format])
        assert result.exit_code == 0 and result.exception is None, result.output
    assert "\nThe map has no organisations.\n" in runner.invoke(cli, ["analyse", str(source)]).output
    for command, name in (("map", "m.html"), ("report", "r.html"), ("image", "i.png"), ("export", "e.xlsx")):
        result = runner.invoke(cli, [command, str(source), "-o", str(tmp_path / name)])
        assert result.exit_code == 0 and result.exception is None, (command, result.output)
        assert "1 organisation and 0 links marked for a wider circle were left out" in result.output
        assert (tmp_path / name).stat().st_size > 0
    for command, name in (("map", "m2010.html"), ("report", "r2010.html")):  # all of it, but not yet in 2010
        options = ["--audience", "internal", "--as-of", "2010", "-o", str(tmp_path / name)]
        result = runner.invoke(cli, [command, str(source), *options])
        assert result.exit_code == 0 and result.exception is None, (command, result.output)
        assert "0 organisations" in result.output, (command, result.output)
