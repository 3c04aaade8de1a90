"""The ``stakeholders`` command: a thin layer over the library.

Each command parses its options, makes one library call and reports the
result. Problems in the data end with exit code 1 and one line each; wrong
usage (a missing file, an unknown option, an unsupported file type) with exit
code 2. Tracebacks are for bugs only.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import TextIO

import click

from ._version import __version__
from .errors import StakeholdersError, UnsupportedSource, ValidationError
from .load import EXAMPLE, example_path, load_map
from .model import StakeholderMap
from .render import write_html

__all__ = ["cli"]

SOURCE_HELP = "an .xlsx workbook, a folder of CSV files, or a .yaml/.json file"


def _fail(err: StakeholdersError, outcome: str = "; nothing was written") -> None:
    """Report a library error as one line per problem and exit (2 for usage, 1 for data)."""
    if isinstance(err, UnsupportedSource):
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


class _Progress:
    """Shows the current step of a long run on one line of a terminal, once the run has taken ``delay`` s.

    Steps come from the library's ``progress`` callbacks; a timer shows the
    current one when a single step runs past the delay. :meth:`close` clears
    the line again.
    """

    def __init__(self, stream: TextIO, delay: float = 1.0) -> None:
        self.stream, self.delay, self.message, self.shown = stream, delay, "", False
        self.start = time.monotonic()
        self.lock = threading.Lock()
        self.timer = threading.Timer(delay, self._show)
        self.timer.daemon = True
        self.timer.start()

    def __call__(self, message: str) -> None:
        self.message = message
        if time.monotonic() - self.start >= self.delay:
            self._show()

    def _show(self) -> None:
        with self.lock:
            if self.message and not self.stream.closed:
                self.stream.write(f"\r\033[K{self.message}…")
                self.stream.flush()
                self.shown = True

    def close(self) -> None:
        self.timer.cancel()
        with self.lock:
            if self.shown:
                self.stream.write("\r\033[K")
                self.stream.flush()
            self.message = ""


def _progress(stream: TextIO | None = None) -> _Progress | None:
    """Progress for a terminal; None when ``stream`` (stderr by default) is not one, so pipes and logs stay clean."""
    stream = stream or sys.stderr
    return _Progress(stream) if stream.isatty() else None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stakeholders")
def cli() -> None:
    """Map how organisations cooperate, as interactive offline maps.

    Give a SOURCE (an .xlsx workbook with sheets Organisations and Links, a
    folder of CSV files, or a YAML/JSON file) to a command; run
    `stakeholders COMMAND --help` for its options.
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
def map_command(source: Path | None, output: Path | None, title: str | None) -> None:
    """Draw SOURCE as one self-contained, offline HTML map.

    Without SOURCE, draws the bundled example: the Dutch and international
    cooperation against child sexual abuse networks on the darkweb.

    Example:

    \b
        stakeholders map my-workbook.xlsx -o map.html
        stakeholders map -o example.html
    """
    path = source if source is not None else example_path()
    if output is None:
        output = Path(f"{path.stem if path.is_file() else path.name or EXAMPLE}.html")
    if output.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"'{output}' must end in .html", param_hint="'-o' / '--output'")
    progress = _progress()
    try:
        if progress:
            progress(f"Reading {path}")
        stakeholder_map = load_map(path)
        written = write_html(stakeholder_map, output, title=title, progress=progress)
    except StakeholdersError as err:
        _fail(err)
    finally:
        if progress:
            progress.close()
    _warn_sensitive(stakeholder_map)
    click.echo(
        f"Wrote {written.resolve()} ({len(stakeholder_map.organisations)} organisations, "
        f"{len(stakeholder_map.links)} links)."
    )


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
