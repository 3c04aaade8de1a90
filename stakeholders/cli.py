"""The ``stakeholders`` command: a thin layer over the library.

Each command parses its options, makes one library call and reports the
result. Problems in the data end with exit code 1 and one line each; wrong
usage (a missing file, an unknown option, an unsupported file type) with exit
code 2. Tracebacks are for bugs only.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
import webbrowser
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import click

from ._version import __version__
from .diff import as_markdown, changes_csv, diff_maps, summary, undated_summary, write_diff
from .errors import InvalidArgument, StakeholdersError, UnsupportedSource, ValidationError
from .export import FORMAT_NAMES, export_format, export_map
from .images import FORMATS, SLIDE, write_image
from .load import EXAMPLE, example_path, load_map
from .model import AUDIENCES, StakeholderMap, Undated
from .present import unused_layouts, write_presentation
from .read import LIMIT_MB
from .render import write_html
from .report import write_report
from .results import CSV_TABLES, Analysis, analyse, as_csv, as_json, as_text
from .timeline import UNDATED, as_of, parse_as_of
from .validate import parse_date
from .words import LANGUAGES, PAGE_WORDS, undated_note

__all__ = ["as_of_option", "audience_option", "cli", "undated_option"]

SOURCE_HELP = "an .xlsx workbook, a folder of CSV files, a .yaml/.json file, or a .gexf, .graphml or .cyjs file"


class _Date(click.ParamType):
    """A date option: YYYY-MM-DD, YYYY-MM or YYYY (or a day-first date), normalised."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return parse_as_of(value)
        except InvalidArgument as err:
            self.fail(str(err), param, ctx)


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[f"stakeholders.{param.name}"] = value
    return value


def audience_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--audience``; :func:`_load` reads it, so a command only has to load through ``_load``."""
    return click.option(
        "--audience",
        type=click.Choice(AUDIENCES.ids),
        expose_value=False,
        callback=_remember,
        help="Who the output is for: everything marked for a wider circle only (partners, restricted) is left "
        "out [default: the source's default audience, public unless it says otherwise].",
    )(command)


def undated_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--undated show|hide``; :func:`_load` reads it (and ``diff`` for ``--from``/``--to``)."""
    return click.option(
        "--undated",
        type=click.Choice(UNDATED),
        default="show",
        show_default=True,
        expose_value=False,
        callback=_remember,
        help="With a date: show organisations and links that have no dates (no since or until) at every date, "
        "or hide them (an organisation's links go with it).",
    )(command)


def as_of_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--as-of DATE``, ``--undated`` and ``--audience``; the command receives ``as_of_date`` (a date, or None).

    Use it on every command that reads a map, and pass the map through :func:`_load`.
    """
    command = undated_option(audience_option(command))
    return click.option(
        "--as-of",
        "as_of_date",
        type=_Date(),
        metavar="DATE",
        help="The map as it stood on DATE (YYYY-MM-DD, YYYY-MM or YYYY): organisations and links whose "
        "since is after DATE or whose until is before it are left out.",
    )(command)


def _undated() -> str:
    """``--undated`` as given (``show`` when the command has no such option)."""
    return click.get_current_context().meta.get("stakeholders.undated") or "show"


def _load(path: Path, as_of_date: str | None = None, undated: str | None = None) -> StakeholderMap:
    """Load the map for the audience asked for (``--audience``), as of a date when one is given.

    ``undated`` is ``--undated`` unless given.
    """
    meta = click.get_current_context().meta
    undated = undated or _undated()
    if undated == "hide" and as_of_date is None:
        raise click.UsageError("--undated hide leaves out what has no dates from a map as of a date: add --as-of DATE")
    return load_map(
        path,
        audience=meta.get("stakeholders.audience"),
        limit_mb=meta.get("stakeholders.max_input_mb") or LIMIT_MB,
        as_of=as_of_date,
        undated=undated,
    )


def _number(count: int, thing: str) -> str:
    """``count`` things in words: "1 organisation", "2 links".

    >>> _number(1, "organisation"), _number(0, "link")
    ('1 organisation', '0 links')
    """
    return f"{count:,} {thing}{'' if count == 1 else 's'}"


def _counts(organisations: int, links: int, as_of_date: str | None = None) -> str:
    when = f" as of {as_of_date}" if as_of_date else ""
    return f"{_number(organisations, 'organisation')}, {_number(links, 'link')}{when}"


def _map_counts(stakeholder_map: StakeholderMap, as_of_date: str | None = None) -> str:
    return _counts(len(stakeholder_map.organisations), len(stakeholder_map.links), as_of_date)


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
    """Say on stderr how much was left out for the audience (counts only), so nobody wonders where it went."""
    hidden = stakeholder_map.hidden
    if hidden.get("organisations") or hidden.get("links"):
        click.echo(
            f"Note: for the audience {stakeholder_map.audience}, {_number(hidden['organisations'], 'organisation')} "
            f"and {_number(hidden['links'], 'link')} marked for a wider circle were left out (see --audience).",
            err=True,
        )


def _note_undated(note: str, record: Undated) -> None:
    """Say on stderr what a date did with the rows that have no dates, when there are any."""
    if not note:
        return
    if record.shown:
        them = "it" if len(record.organisations) + len(record.links) == 1 else "them"
        note = f"{note.removesuffix('.')}; --undated hide leaves {them} out."
    click.echo(f"Note: {note}", err=True)


def _warn_undated(stakeholder_map: StakeholderMap) -> None:
    """Say on stderr how many organisations and links of a map as of a date have no dates, and where they went."""
    record = stakeholder_map.undated
    if record is not None:
        note = undated_note(
            PAGE_WORDS["en"],
            len(record.organisations),
            len(record.links),
            "shown" if record.shown else "left_out",
            taken=len(record.links_taken),
        )
        _note_undated(note, record)


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
@click.option(
    "--max-input-mb",
    type=click.FloatRange(min=0.001),
    default=LIMIT_MB,
    show_default=True,
    expose_value=False,
    callback=_remember,
    help="Refuse sources larger than this (for a workbook: packed or unpacked).",
)
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
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="The page's own words in English or Dutch; names and descriptions from name_<lang> and "
    "description_<lang> columns where the source has them.",
)
@click.option("--view", "view_name", metavar="NAME", help="Draw one of the views in the source's Views sheet.")
@as_of_option
def map_command(
    source: Path | None,
    output: Path | None,
    title: str | None,
    lang: str | None,
    view_name: str | None,
    as_of_date: str | None,
) -> None:
    """Draw SOURCE as one self-contained, offline HTML map.

    Without SOURCE, draws the bundled example: the Dutch and international
    cooperation against child sexual abuse networks on the darkweb.

    Example:

    \b
        stakeholders map my-workbook.xlsx -o map.html
        stakeholders map -o example.html --lang nl
        stakeholders map my-workbook.xlsx --as-of 2021-11 -o map-2021.html
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
        stakeholder_map = _load(path, as_of_date)
        written = write_html(stakeholder_map, output, title=title, lang=lang, view=view_name, progress=progress)
    except StakeholdersError as err:
        _fail(err)
    finally:
        if progress:
            progress.close()
    _warn_sensitive(stakeholder_map)
    shown = _map_counts(stakeholder_map, as_of_date)
    if view_name:
        from .views import find_view, select

        organisations, links = select(stakeholder_map, find_view(stakeholder_map, view_name))
        shown = f"view {view_name}: {_counts(len(organisations), len(links), as_of_date)}"
    click.echo(f"Wrote {written.resolve()} ({shown}).")
    _warn_undated(stakeholder_map)


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Where to write; the extension picks the format: .gexf, .graphml, .cyjs, .xlsx, or a folder for CSV files.",
)
@click.option(
    "--kumu",
    is_flag=True,
    help="Write the .xlsx workbook in Kumu's format: Elements and Connections, with our Stages, Views and Map "
    "as (ignore) sheets that Kumu skips.",
)
@as_of_option
def export(source: Path, output: Path, kumu: bool, as_of_date: str | None) -> None:
    """Write SOURCE for Gephi, Cytoscape, Kumu or another spreadsheet.

    The extension of OUTPUT picks the format: .gexf (Gephi and Gephi Lite, laid
    out and coloured), .graphml, .cyjs (Cytoscape.js JSON with positions),
    .xlsx (our workbook: sheets Organisations, Links, Stages, Views, Map; Kumu's
    with --kumu), or a folder name for CSV files (organisations.csv, links.csv,
    stages.csv, views.csv, map.csv). Stages are written when the map has its own,
    views when it has any. Every format loads back into the same map.

    Lists are written |-separated (except in .cyjs), so a list item that holds
    | (from a YAML or JSON list) is refused: nothing is written, exit code 1.

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
    click.echo(f"Wrote {written.resolve()} ({FORMAT_NAMES[chosen]}: {_map_counts(stakeholder_map, as_of_date)}).")
    _warn_undated(stakeholder_map)


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
        limit = click.get_current_context().meta.get("stakeholders.max_input_mb") or LIMIT_MB
        stakeholder_map = load_map(source, audience="internal", limit_mb=limit)  # check everything in it
    except StakeholdersError as err:
        _fail(err, outcome="")
    stages = _number(len(stakeholder_map.stages), "stage")
    click.echo(f"{source} is valid: {_map_counts(stakeholder_map)}, {stages}.")


def _reference_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None or len(parsed) != 10:
        raise click.BadParameter(f"'{value}' is not a date: write it as YYYY-MM-DD")
    return date.fromisoformat(parsed)


def _analysis_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options shared by ``analyse`` and ``report``."""
    options = [
        click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="Rows in ranked lists."),
        click.option(
            "--without",
            "without",
            multiple=True,
            metavar="ORG",
            help="What if this organisation (id, name or acronym) dropped out? Repeat for several.",
        ),
        click.option(
            "--include",
            multiple=True,
            type=click.Choice(["planned", "lapsed"]),
            help="Count planned or lapsed links as cooperation too (default: active links only). Repeatable.",
        ),
        click.option(
            "--stale-months",
            default=12,
            show_default=True,
            type=click.IntRange(1),
            help="A link last checked longer ago than this is stale.",
        ),
        click.option(
            "--today",
            callback=_reference_date,
            metavar="YYYY-MM-DD",
            help="Reference date for stale and expired links [default: today].",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return as_of_option(command)


def _analyse(
    source: Path,
    top: int,
    without: tuple[str, ...],
    include: tuple[str, ...],
    stale_months: int,
    today: date | None,
    as_of_date: str | None,
) -> Analysis:
    progress = _progress()
    try:
        result = analyse(
            _load(source, as_of_date),
            top=top,
            without=without,
            statuses=("active", *include),
            stale_months=stale_months,
            today=today,
            progress=(lambda step: progress(f"Analysing: {step}")) if progress else None,
        )
    except StakeholdersError as err:
        _fail(err, outcome="")
    finally:
        if progress:
            progress.close()
    return result


@cli.command(name="analyse")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Readable tables, or JSON / CSV for other programs.",
)
@click.option(
    "--table",
    type=click.Choice(CSV_TABLES),
    default="organisations",
    show_default=True,
    help="Which table --format csv writes.",
)
@_analysis_options
def analyse_command(
    source: Path,
    output_format: str,
    table: str,
    top: int,
    without: tuple[str, ...],
    include: tuple[str, ...],
    stale_months: int,
    today: date | None,
    as_of_date: str | None,
) -> None:
    """Analyse SOURCE: brokers, single points of failure, coverage, gaps and suggestions.

    Counts active links unless --include says otherwise.

    Example:

    \b
        stakeholders analyse my-workbook.xlsx --top 5
        stakeholders analyse my-workbook.xlsx --without politie
        stakeholders analyse my-workbook.xlsx --format csv --table handovers > handovers.csv
    """
    result = _analyse(source, top, without, include, stale_months, today, as_of_date)
    writers = {"text": as_text, "json": as_json, "csv": lambda r: as_csv(r, table)}
    click.echo(writers[output_format](result), nl=False)
    _warn_undated(result.map)


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write [default: SOURCE's name with -report.html, in the current folder].",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="The report's own words in English (the default) or Dutch; names from name_<lang> columns.",
)
@_analysis_options
def report(
    source: Path,
    output: Path | None,
    lang: str | None,
    top: int,
    without: tuple[str, ...],
    include: tuple[str, ...],
    stale_months: int,
    today: date | None,
    as_of_date: str | None,
) -> None:
    """Write a meeting report for SOURCE: one offline HTML file with the map and the analysis.

    It prints on A4. --lang nl writes the report's own words in Dutch.

    Example:

    \b
        stakeholders report my-workbook.xlsx -o report.html
        stakeholders report my-workbook.xlsx -o rapport.html --lang nl --without om
    """
    if output is None:
        output = Path(f"{source.stem if source.is_file() else source.name}-report.html")
    if output.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"'{output}' must end in .html", param_hint="'-o' / '--output'")
    result = _analyse(source, top, without, include, stale_months, today, as_of_date)
    try:
        written = write_report(result, output, lang=lang)
    except StakeholdersError as err:
        _fail(err)
    _warn_sensitive(result.map)
    shown = _counts(result.summary["organisations"], result.summary["links"], as_of_date)
    click.echo(f"Wrote {written.resolve()} ({shown}).")
    _warn_undated(result.map)


@cli.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--from", "from_date", type=_Date(), metavar="DATE", help="With one source: the map as of this date …")
@click.option("--to", "to_date", type=_Date(), metavar="DATE", help="… compared with the map as of this date.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write [default: diff.html in the current folder].",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "md", "csv"]),
    default="html",
    show_default=True,
    help="An HTML map of the changes, or the change list as Markdown or CSV on standard output.",
)
@click.option(
    "--lang", type=click.Choice(LANGUAGES), help="The HTML page's own words in English or Dutch (md and csv: English)."
)
@undated_option
@audience_option
def diff(
    old: Path,
    new: Path | None,
    from_date: str | None,
    to_date: str | None,
    output: Path | None,
    output_format: str,
    lang: str | None,
) -> None:
    """Show what changed from OLD to NEW: added, removed and changed organisations and links.

    Both are drawn on one stable layout; the change list says what changed in each. With one
    source, --from and --to compare the map as it stood on two dates (its since/until columns).
    A mutual or undirected link written the other way round is the same link; a directed one
    turned round is changed (direction reversed). md and csv name items as the page does.

    Example:

    \b
        stakeholders diff map-2025.xlsx map-2026.xlsx -o changes.html
        stakeholders diff map-2025.xlsx map-2026.xlsx --format md > minutes.md
        stakeholders diff my-workbook.xlsx --from 2021 --to 2024 -o since-2021.html
    """
    if new is None and not (from_date and to_date):
        raise click.UsageError("give two sources, or one source with --from DATE and --to DATE")
    if new is not None and (from_date or to_date):
        raise click.UsageError("--from and --to compare one source with itself: give only OLD")
    if new is not None and _undated() == "hide":
        raise click.UsageError("--undated hide leaves out what has no dates between two dates: give --from and --to")
    precision = min(len(from_date or ""), len(to_date or ""))  # dates compare on what both say
    if from_date and to_date and from_date[:precision] > to_date[:precision]:
        raise click.UsageError(f"--from {from_date} is later than --to {to_date}: give the earlier date with --from")
    output = output or Path("diff.html")
    if output_format == "html" and output.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"'{output}' must end in .html", param_hint="'-o' / '--output'")
    try:
        if new is None:
            both = _load(old, undated="show")  # the dates below say what has no dates
            before, after = as_of(both, from_date, undated=_undated()), as_of(both, to_date, undated=_undated())
            old_label, new_label = f"{old.name} as of {from_date}", f"{old.name} as of {to_date}"
        else:
            before, after = _load(old), _load(new)
            old_label, new_label = old.name, new.name
        result = diff_maps(before, after)
        if output_format == "html":
            written = write_diff(result, output, old_label=old_label, new_label=new_label, lang=lang)
    except StakeholdersError as err:
        _fail(err)
    if output_format == "md":
        click.echo(as_markdown(result), nl=False)
    elif output_format == "csv":
        click.echo(changes_csv(result), nl=False)
    else:
        click.echo(f"Wrote {written.resolve()} ({summary(result).rstrip('.')}).")
    if result.undated is not None:
        _note_undated(undated_summary(result), result.undated)


def _size(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[int, int]:
    width, _, height = value.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 200 <= int(width) <= 10000 and 200 <= int(height) <= 10000):
        raise click.BadParameter(f"'{value}' is not a size: write WIDTHxHEIGHT in pixels, e.g. 1920x1080")
    return int(width), int(height)


@cli.command()
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The image to write: .png, .svg or .pdf.",
)
@click.option(
    "--size",
    default=f"{SLIDE[0]}x{SLIDE[1]}",
    show_default=True,
    callback=_size,
    help="WIDTHxHEIGHT in pixels for PNG and SVG (a PDF is A4 landscape).",
)
@click.option("--title", help="Use this title instead of the one in the source.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Legend words in English or Dutch; names from name_<lang>.")
@click.option("--view", "view_name", metavar="NAME", help="Draw one of the views in the source's Views sheet.")
@as_of_option
def image(
    source: Path | None,
    output: Path,
    size: tuple[int, int],
    title: str | None,
    lang: str | None,
    view_name: str | None,
    as_of_date: str | None,
) -> None:
    """Draw SOURCE as a PNG, SVG or PDF image with its legend, title, date and source note.

    Without SOURCE, draws the bundled example. Uses the same positions as the HTML map.

    Example:

    \b
        stakeholders image my-workbook.xlsx -o map.png
        stakeholders image my-workbook.xlsx -o map.pdf --lang nl
    """
    if output.suffix.lower() not in FORMATS:
        raise click.BadParameter(f"'{output}' must end in .png, .svg or .pdf", param_hint="'-o' / '--output'")
    try:
        stakeholder_map = _load(source if source is not None else example_path(), as_of_date)
        written = write_image(stakeholder_map, output, size=size, title=title, lang=lang, view=view_name)
    except StakeholdersError as err:
        _fail(err)
    _warn_sensitive(stakeholder_map)
    click.echo(f"Wrote {written.resolve()}.")
    _warn_undated(stakeholder_map)


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True, help="Open the map in a browser.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="The page's own words in English or Dutch.")
@audience_option
def serve(source: Path, port: int, open_browser: bool, lang: str | None) -> None:
    """Show SOURCE in the browser and redraw it each time the spreadsheet is saved.

    Serves on 127.0.0.1 only (nobody else on the network can see it). An
    invalid save shows its problems above the last good map. Ctrl-C stops.

    Example:

    \b
        stakeholders serve my-workbook.xlsx
        stakeholders serve my-folder --port 9000 --no-open
    """
    from .serve import start

    try:
        meta = click.get_current_context().meta
        server = start(
            source,
            port=port,
            lang=lang,
            audience=meta.get("stakeholders.audience"),
            limit_mb=meta.get("stakeholders.max_input_mb") or LIMIT_MB,
        )
    except OSError as err:
        raise click.ClickException(f"cannot serve on port {port} ({err.strerror}): choose another with --port") from err
    click.echo(f"Serving {source} at {server.url} — press Ctrl-C to stop.")
    if server.live.errors:
        click.echo(f"{len(server.live.errors)} problems in the source; the map appears once it is saved without them.")
    if open_browser:
        webbrowser.open(server.url)
    # Ctrl-C stops the server even when a shell started it with SIGINT ignored (a background job).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        server.stop()
        click.echo("Stopped.")


@cli.command()
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write [default: SOURCE's name with -presentation.html, in the current folder].",
)
@click.option(
    "--views",
    "view_names",
    metavar="NAME,NAME,…",
    help="The views to show, in this order [default: the views with a step number, by step].",
)
@click.option("--title", help="Use this title instead of the one in the source.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="The page's own words in English or Dutch.")
@as_of_option
def present(
    source: Path | None,
    output: Path | None,
    view_names: str | None,
    title: str | None,
    lang: str | None,
    as_of_date: str | None,
) -> None:
    """Write a step-by-step presentation of SOURCE's views: one offline HTML file for a projector.

    Arrow keys, Space, PageUp/PageDown, Home and End move through the steps;
    N shows the speaker notes, F goes full screen. Without SOURCE, the example.

    Example:

    \b
        stakeholders present my-workbook.xlsx -o deck.html
        stakeholders present -o deck.html --views national-justice,international
    """
    path = source if source is not None else example_path()
    if output is None:
        output = Path(f"{path.stem if path.is_file() else path.name}-presentation.html")
    if output.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"'{output}' must end in .html", param_hint="'-o' / '--output'")
    names = [name.strip() for name in view_names.split(",") if name.strip()] if view_names else None
    try:
        stakeholder_map = _load(path, as_of_date)
        written = write_presentation(stakeholder_map, output, views=names, lang=lang, title=title)
        unused = unused_layouts(stakeholder_map, names)
    except StakeholdersError as err:
        _fail(err)
    _warn_sensitive(stakeholder_map)
    if unused:
        ignored = ", ".join(unused)
        click.echo(f"Warning: every step keeps the map's own layout, so the layout of {ignored} is not used.", err=True)
    click.echo(f"Wrote {written.resolve()}.")
    _warn_undated(stakeholder_map)
