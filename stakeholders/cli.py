"""The ``stakeholders`` command: a thin layer over the library.

Each command parses its options, makes one library call and reports the
result. Problems in the data end with exit code 1 and one line each; wrong
usage (a missing file, an unknown option, an unsupported file type) with exit
code 2. Tracebacks are for bugs only.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ._version import __version__
from .errors import InvalidArgument, StakeholdersError, UnsupportedSource, ValidationError
from .export import FORMAT_NAMES, export_format, export_map
from .load import EXAMPLE, example_path, load_map
from .model import StakeholderMap
from .render import write_html
from .timeline import as_of, parse_as_of

__all__ = ["as_of_option", "cli"]

SOURCE_HELP = "an .xlsx workbook, a folder of CSV files, a .yaml/.json file, or a .gexf, .graphml or .cyjs file"


class _Date(click.ParamType):
    """A date option: YYYY-MM-DD, YYYY-MM or YYYY (or a day-first date), normalised."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return parse_as_of(value)
        except InvalidArgument as err:
            self.fail(str(err), param, ctx)


def as_of_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--as-of DATE`` to a command; it receives ``as_of_date`` (a normalised date, or None).

    Use it on every command that reads a map, and pass the map through :func:`_load`.
    """
    return click.option(
        "--as-of",
        "as_of_date",
        type=_Date(),
        metavar="DATE",
        help="The map as it stood on DATE (YYYY-MM-DD, YYYY-MM or YYYY): organisations and links whose "
        "since is after DATE or whose until is before it are left out.",
    )(command)


def _load(path: Path, as_of_date: str | None) -> StakeholderMap:
    """Load the map, as of a date when one is given."""
    stakeholder_map = load_map(path)
    return as_of(stakeholder_map, as_of_date) if as_of_date else stakeholder_map


def _counts(stakeholder_map: StakeholderMap, as_of_date: str | None) -> str:
    when = f" as of {as_of_date}" if as_of_date else ""
    return f"{len(stakeholder_map.organisations)} organisations, {len(stakeholder_map.links)} links{when}"


def _fail(err: StakeholdersError, outcome: str = "; nothing was written") -> None:
    """Report a library error as one line per problem and exit (2 for usage, 1 for data)."""
    if isinstance(err, (UnsupportedSource, InvalidArgument)):
        raise click.UsageError(str(err))
    if isinstance(err, ValidationError):
        for problem in err.problems:
            click.echo(f"Error: {problem}", err=True)
        count = len(err.problems)
        click.echo(f"{count} problem{'s' if count != 1 else ''} found{outcome}.", err=True)
        sys.exit(1)
    raise click.ClickException(str(err))


def _warn_sensitive(stakeholder_map: StakeholderMap) -> None:
    """Say so when rows marked partners or restricted went into an output (no audience filter yet)."""
    counts = {
        table: int(frame["sensitivity"].isin(["partners", "restricted"]).sum())
        for table, frame in (("organisations", stakeholder_map.organisations), ("links", stakeholder_map.links))
    }
    if any(counts.values()):
        click.echo(
            f"Warning: {counts['organisations']} organisations and {counts['links']} links are marked partners or "
            "restricted and are in this map: share it only with people allowed to see them.",
            err=True,
        )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stakeholders")
def cli() -> None:
    """Map how organisations cooperate, as interactive offline maps.

    Give a SOURCE (an .xlsx workbook with sheets Organisations and Links, a
    folder of CSV files, a YAML/JSON file, a Kumu workbook or blueprint, or a
    .gexf, .graphml or .cyjs file) to a command; run `stakeholders COMMAND
    --help` for its options.
    """


@cli.command(name="map")
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write [default: SOURCE's name with .html, in the current folder].",
)
@click.option("--title", help="Use this title instead of the one in the source.")
@as_of_option
def map_command(source: Path | None, output: Path | None, title: str | None, as_of_date: str | None) -> None:
    """Draw SOURCE as one self-contained, offline HTML map.

    Without SOURCE, draws the bundled example: the Dutch and international
    cooperation against child sexual abuse networks on the darkweb.

    Example:

    \b
        stakeholders map my-workbook.xlsx -o map.html
        stakeholders map -o example.html
        stakeholders map my-workbook.xlsx --as-of 2021-11 -o map-2021.html
    """
    path = source if source is not None else example_path()
    if output is None:
        output = Path(f"{path.stem if path.is_file() else path.name or EXAMPLE}.html")
    if output.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"'{output}' must end in .html", param_hint="'-o' / '--output'")
    try:
        stakeholder_map = _load(path, as_of_date)
        written = write_html(stakeholder_map, output, title=title)
    except StakeholdersError as err:
        _fail(err)
    _warn_sensitive(stakeholder_map)
    click.echo(f"Wrote {written.resolve()} ({_counts(stakeholder_map, as_of_date)}).")


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Where to write; the extension picks the format: .gexf, .graphml, .cyjs, .xlsx, or a folder for CSV files.",
)
@click.option("--kumu", is_flag=True, help="Write the .xlsx workbook in Kumu's format (Elements and Connections).")
@as_of_option
def export(source: Path, output: Path, kumu: bool, as_of_date: str | None) -> None:
    """Write SOURCE for Gephi, Cytoscape, Kumu or another spreadsheet.

    The extension of OUTPUT picks the format: .gexf (Gephi and Gephi Lite, laid
    out and coloured), .graphml, .cyjs (Cytoscape.js JSON with positions),
    .xlsx (our workbook; Kumu's with --kumu), or a folder name for CSV files
    (organisations.csv, links.csv, stages.csv, map.csv). Every format loads
    back into the same map.

    Example:

    \b
        stakeholders export my-workbook.xlsx -o map.gexf
        stakeholders export my-workbook.xlsx -o for-kumu.xlsx --kumu
        stakeholders export my-workbook.xlsx -o csv-folder
    """
    try:
        chosen = export_format(output, kumu=kumu)
        stakeholder_map = _load(source, as_of_date)
        written = export_map(stakeholder_map, output, kumu=kumu)
    except StakeholdersError as err:
        _fail(err)
    _warn_sensitive(stakeholder_map)
    click.echo(f"Wrote {written.resolve()} ({FORMAT_NAMES[chosen]}: {_counts(stakeholder_map, as_of_date)}).")


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
def validate(source: Path) -> None:
    """Check SOURCE and list every problem in it, one per line.

    Exits with 0 when the source is valid and 1 when it has problems.

    Example:

    \b
        stakeholders validate my-workbook.xlsx
    """
    try:
        stakeholder_map = load_map(source)
    except StakeholdersError as err:
        _fail(err, outcome="")
    click.echo(
        f"{source} is valid: {len(stakeholder_map.organisations)} organisations, "
        f"{len(stakeholder_map.links)} links, {len(stakeholder_map.stages)} stages."
    )
