"""The ``stakeholders`` command: a thin layer over the library.

Each command parses its options, makes one library call and reports the
result. Problems in the data end with exit code 1 and one line each; wrong
usage (a missing file, an unknown option, an unsupported file type) with exit
code 2. Tracebacks are for bugs only.
"""

from __future__ import annotations

import signal
import time
import webbrowser
from datetime import date
from pathlib import Path

import click

from ._cli_barriers import barriers
from ._cli_layout import layout_command, positions_file_option
from ._cli_merge import merge
from ._cli_options import (
    DateType,
    analysing,
    analysis_options,
    as_of_option,
    audience_option,
    cli_words,
    counts,
    deck_label_size,
    diff_labels,
    fail,
    html_output,
    image_size,
    lang_option,
    limit_mb,
    load_source,
    map_counts,
    note_undated,
    number,
    output_language,
    output_option,
    page_lang_option,
    remember,
    terminal_progress,
    undated,
    undated_option,
    warn_sensitive,
    warn_undated,
)
from ._cli_start import init, validate
from ._version import __version__
from .analysis import CSV_TABLES, Analysis, analyse, as_csv, as_json, as_text
from .dates import before
from .diff import as_markdown, changes_csv, diff_dates, diff_maps, diff_summary, undated_summary
from .errors import StakeholdersError
from .formats import FORMAT_NAMES, export_format, export_map
from .images import FORMATS, SLIDE, write_image
from .load import EXAMPLE, example_path
from .pages import unused_layouts, write_diff, write_html, write_presentation, write_report
from .serve import start
from .slides import write_pptx
from .source import LIMIT_MB
from .views import find_view, select

__all__ = ["cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stakeholders")
@click.option(
    "--max-input-mb",
    type=click.FloatRange(min=0.001),
    default=LIMIT_MB,
    show_default=True,
    expose_value=False,
    callback=remember,
    help="Refuse sources larger than this (for a workbook: packed or unpacked).",
)
@positions_file_option
def cli() -> None:
    """Map how organisations cooperate, as interactive offline maps.

    Give a SOURCE (an .xlsx workbook with sheets Organisations and Links, a
    folder of CSV files, a YAML/JSON file, a Kumu workbook or blueprint, or a
    .gexf, .graphml or .cyjs file) to a command; run `stakeholders COMMAND
    --help` for its options.
    """


@cli.command(name="map")
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@output_option("The HTML file to write [default: SOURCE's name with .html, in the current folder].")
@click.option("--title", help="Use this title instead of the one in the source.")
@page_lang_option(
    "The page's own words in English or Dutch; names and descriptions from name_<lang> and "
    "description_<lang> columns where the source has them."
)
@click.option(
    "--view",
    "view_name",
    metavar="NAME",
    help="Draw one of the views in the source's Views sheet, or the built-in netmap.",
)
@as_of_option
def map_command(
    source: Path | None,
    output: Path | None,
    title: str | None,
    lang: str | None,
    view_name: str | None,
    label_px: float | None,
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
    output = html_output(output, f"{path.stem if path.is_file() else path.name or EXAMPLE}.html")
    progress = terminal_progress()
    try:
        if progress:
            progress(cli_words()["reading"].format(path=path))
        stakeholder_map = load_source(path, as_of_date)
        lang = output_language(stakeholder_map)
        options = {"title": title, "lang": lang, "view": view_name, "label_px": label_px}
        written = write_html(stakeholder_map, output, progress=progress, **options)
    except StakeholdersError as err:
        fail(err)
    finally:
        if progress:
            progress.close()
    warn_sensitive(stakeholder_map)
    shown = map_counts(stakeholder_map, as_of_date)
    if view_name:
        orgs, links = select(stakeholder_map, find_view(stakeholder_map, view_name))
        view_counts = counts(len(orgs), len(links), as_of_date, lang)
        shown = cli_words(stakeholder_map)["view"].format(name=view_name, counts=view_counts)
    click.echo(cli_words(stakeholder_map)["wrote"].format(path=written.resolve(), shown=shown))
    warn_undated(stakeholder_map)


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@output_option(
    "Where to write; the extension picks the format: .gexf, .graphml, .cyjs, .xlsx, or a folder for CSV files.",
    required=True,
    file=False,
)
@click.option(
    "--kumu",
    is_flag=True,
    help="Write the .xlsx workbook in Kumu's format: Elements and Connections, with our Stages, Script, Barriers, "
    "Views and Map as (ignore) sheets that Kumu skips.",
)
@lang_option("The language of the lines this command prints.")
@as_of_option
def export(source: Path, output: Path, kumu: bool, lang: str | None, as_of_date: str | None) -> None:
    """Write SOURCE for Gephi, Cytoscape, Kumu or another spreadsheet.

    The extension of OUTPUT picks the format: .gexf (Gephi and Gephi Lite, laid
    out and coloured), .graphml, .cyjs (Cytoscape.js JSON with positions),
    .xlsx (our workbook: sheets Organisations, Links, Stages, Script, Barriers,
    Views, Map; Kumu's with --kumu), or a folder name for CSV files
    (organisations.csv, links.csv, stages.csv, script.csv, barriers.csv,
    views.csv, map.csv). Stages are written when the map has its own, the
    script and barriers when it has a barrier model, views when it has any.
    Every format loads back into the same map, the barrier model too (GEXF,
    GraphML and .cyjs carry it as data of the graph, not as nodes).

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
        stakeholder_map = load_source(source, as_of_date)
        written = export_map(stakeholder_map, output, kumu=kumu)
    except StakeholdersError as err:
        fail(err)
    warn_sensitive(stakeholder_map)
    shown = f"{FORMAT_NAMES[chosen]}: {map_counts(stakeholder_map, as_of_date)}"
    click.echo(cli_words(stakeholder_map)["wrote"].format(path=written.resolve(), shown=shown))
    warn_undated(stakeholder_map)


def _analyse(
    source: Path,
    top: int,
    without: tuple[str, ...],
    include: tuple[str, ...],
    stale_months: int,
    today: date | None,
    as_of_date: str | None,
) -> tuple[Analysis, str | None]:
    progress = terminal_progress()
    try:
        stakeholder_map = load_source(source, as_of_date)
        lang = output_language(stakeholder_map)
        result = analyse(
            stakeholder_map,
            top=top,
            without=without,
            statuses=("active", *include),
            stale_months=stale_months,
            today=today,
            progress=(lambda step: progress(analysing(step, lang))) if progress else None,
        )
    except StakeholdersError as err:
        fail(err, outcome="")
    finally:
        if progress:
            progress.close()
    return result, output_language(result.map)


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
@lang_option("Words in English (the default) or Dutch; names from name_<lang> columns. CSV headers stay the same.")
@analysis_options
def analyse_command(
    source: Path,
    output_format: str,
    table: str,
    lang: str | None,
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
        stakeholders analyse my-workbook.xlsx --lang nl
    """
    result, lang = _analyse(source, top, without, include, stale_months, today, as_of_date)
    if output_format == "csv":
        click.echo(as_csv(result, table, lang), nl=False)
    else:
        click.echo((as_json if output_format == "json" else as_text)(result, lang), nl=False)
    warn_undated(result.map)


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@output_option("The HTML file to write [default: SOURCE's name with -report.html, in the current folder].")
@lang_option("The report's own words in English (the default) or Dutch; names from name_<lang> columns.")
@analysis_options
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
    output = html_output(output, f"{source.stem if source.is_file() else source.name}-report.html")
    result, lang = _analyse(source, top, without, include, stale_months, today, as_of_date)
    try:
        written = write_report(result, output, lang=lang)
    except StakeholdersError as err:
        fail(err)
    warn_sensitive(result.map)
    shown = counts(result.summary["organisations"], result.summary["links"], as_of_date, lang)
    click.echo(cli_words(result.map)["wrote"].format(path=written.resolve(), shown=shown))
    warn_undated(result.map)


@cli.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--from", "from_date", type=DateType(), metavar="DATE", help="With one source: the map as of this date …")
@click.option("--to", "to_date", type=DateType(), metavar="DATE", help="… compared with the map as of this date.")
@output_option("The HTML file to write [default: diff.html in the current folder].")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "md", "csv"]),
    default="html",
    show_default=True,
    help="An HTML map of the changes, or the change list as Markdown or CSV on standard output.",
)
@lang_option("The page's own words and the Markdown change list in English or Dutch (CSV: ids, for programs).")
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
    if new is not None and undated() == "hide":
        raise click.UsageError("--undated hide leaves out what has no dates between two dates: give --from and --to")
    if from_date and to_date and before(to_date, from_date):
        raise click.UsageError(f"--from {from_date} is later than --to {to_date}: give the earlier date with --from")
    page = html_output(output, "diff.html") if output_format == "html" else None
    try:
        dates = (from_date or "", to_date or "")  # with one source, both are given (checked above)
        if new is None:
            result = diff_dates(load_source(old, undated_rows="show"), *dates, undated=undated())
        else:
            result = diff_maps(load_source(old), load_source(new))
        (lang, words), (old_label, new_label) = diff_labels(result.union, old, new, dates)
        if page is not None:
            written = write_diff(result, page, old_label=old_label, new_label=new_label, lang=lang)
    except StakeholdersError as err:
        fail(err)
    if output_format == "md":
        click.echo(as_markdown(result, lang), nl=False)
    elif output_format == "csv":
        click.echo(changes_csv(result), nl=False)
    else:
        click.echo(words["wrote"].format(path=written.resolve(), shown=diff_summary(result, lang).rstrip(".")))
    if result.undated is not None:
        note_undated(undated_summary(result, lang), result.undated, lang)


@cli.command()
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@output_option("The image to write: .png, .svg or .pdf.", required=True)
@click.option(
    "--size",
    default=f"{SLIDE[0]}x{SLIDE[1]}",
    show_default=True,
    callback=image_size,
    help="WIDTHxHEIGHT in pixels for PNG and SVG (a PDF is A4 landscape).",
)
@click.option("--title", help="Use this title instead of the one in the source.")
@lang_option("Legend words in English or Dutch; names from name_<lang>.")
@click.option(
    "--view",
    "view_name",
    metavar="NAME",
    help="Draw one of the views in the source's Views sheet, or the built-in netmap.",
)
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
        stakeholder_map = load_source(source if source is not None else example_path(), as_of_date)
        lang = output_language(stakeholder_map)
        written = write_image(stakeholder_map, output, size=size, title=title, lang=lang, view=view_name)
    except StakeholdersError as err:
        fail(err)
    warn_sensitive(stakeholder_map)
    click.echo(cli_words(stakeholder_map)["wrote_plain"].format(path=written.resolve()))
    warn_undated(stakeholder_map)


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True, help="Open the map in a browser.")
@page_lang_option("The page's own words in English or Dutch.")
@audience_option
def serve(source: Path, port: int, open_browser: bool, lang: str | None, label_px: float | None) -> None:
    """Show SOURCE in the browser and redraw it each time the spreadsheet is saved.

    Serves on 127.0.0.1 only (nobody else on the network can see it). An
    invalid save shows its problems above the last good map. Ctrl-C stops.

    Example:

    \b
        stakeholders serve my-workbook.xlsx
        stakeholders serve my-folder --port 9000 --no-open
    """
    try:
        audience = click.get_current_context().meta.get("stakeholders.audience")
        server = start(
            source, port=port, lang=output_language(), audience=audience, limit_mb=limit_mb(), label_px=label_px
        )
    except OSError as err:
        raise click.ClickException(f"cannot serve on port {port} ({err.strerror}): choose another with --port") from err
    lang, words = output_language(server.live.map), cli_words(server.live.map)
    click.echo(words["serving"].format(source=source, url=server.url))
    if server.live.errors:
        click.echo(words["serve_problems"].format(problems=number(len(server.live.errors), "problem", lang)))
    if open_browser:
        webbrowser.open(server.url)
    # Ctrl-C stops the server even when a shell started it with SIGINT ignored (a background job).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        server.stop()
        click.echo(words["stopped"])


@cli.command()
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@output_option(
    "The file to write: an offline HTML deck, or a PowerPoint deck when it ends in .pptx "
    "[default: SOURCE's name with -presentation.html, in the current folder]."
)
@click.option(
    "--views",
    "view_names",
    metavar="NAME,NAME,…",
    help="The views to show, in this order [default: the views with a step number, by step].",
)
@click.option("--title", help="Use this title instead of the one in the source.")
@page_lang_option("The page's own words in English or Dutch.")
@as_of_option
def present(
    source: Path | None,
    output: Path | None,
    view_names: str | None,
    title: str | None,
    lang: str | None,
    label_px: float | None,
    as_of_date: str | None,
) -> None:
    """Write a step-by-step presentation of SOURCE's views: one offline HTML file for a projector, or a .pptx.

    Arrow keys, Space, PageUp/PageDown, Home and End move through the steps;
    N shows the speaker notes, F goes full screen. With -o ending in .pptx, a
    PowerPoint deck: a slide per step with its picture, the view's note as
    speaker notes. Without SOURCE, the example.

    Example:

    \b
        stakeholders present my-workbook.xlsx -o deck.html
        stakeholders present my-workbook.xlsx -o deck.pptx
        stakeholders present -o deck.html --views national-justice,international
    """
    path = source if source is not None else example_path()
    if output is not None and output.suffix.lower() not in (".html", ".htm", ".pptx"):
        raise click.BadParameter(f"'{output}' must end in .html or .pptx", param_hint="'-o' / '--output'")
    powerpoint = output is not None and output.suffix.lower() == ".pptx"
    sized = deck_label_size(label_px, powerpoint=powerpoint)
    if output is not None and powerpoint:
        target = output
    else:
        target = html_output(output, f"{path.stem if path.is_file() else path.name}-presentation.html")
    names = [name.strip() for name in view_names.split(",") if name.strip()] if view_names else None
    write = write_pptx if powerpoint else write_presentation
    try:
        stakeholder_map = load_source(path, as_of_date)
        written = write(
            stakeholder_map, target, views=names, lang=output_language(stakeholder_map), title=title, **sized
        )
        unused = unused_layouts(stakeholder_map, names)
    except StakeholdersError as err:
        fail(err)
    warn_sensitive(stakeholder_map)
    if unused:
        click.echo(cli_words(stakeholder_map)["unused_layouts"].format(views=", ".join(unused)), err=True)
    click.echo(cli_words(stakeholder_map)["wrote_plain"].format(path=written.resolve()))
    warn_undated(stakeholder_map)


cli.add_command(barriers)
cli.add_command(init)
cli.add_command(validate)
cli.add_command(layout_command)
cli.add_command(merge)
