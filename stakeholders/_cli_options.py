"""What the commands of :mod:`stakeholders.cli` share: options, loading a source, reporting, progress."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click

from ._language import environment_lang, resolve_lang
from ._validation_words import count, say
from .dates import format_date, parse_as_of, parse_date
from .errors import InvalidArgument, StakeholdersError, UnsupportedSource, ValidationError
from .i18n import CLI_WORDS, LANGUAGES, PAGE_WORDS, count_of, undated_note
from .load import load_map
from .model import StakeholderMap, Undated
from .pages import LABEL_PX, LABEL_PX_RANGE
from .schema import AUDIENCES
from .source import LIMIT_MB
from .timeline import UNDATED

__all__ = [
    "SOURCE_HELP",
    "DateType",
    "ProgressLine",
    "analysing",
    "analysis_options",
    "as_of_option",
    "audience_option",
    "cli_words",
    "counts",
    "diff_labels",
    "fail",
    "html_output",
    "image_size",
    "lang_option",
    "limit_mb",
    "load_source",
    "map_counts",
    "barrier_counts",
    "number",
    "output_language",
    "output_option",
    "reference_date",
    "remember",
    "note_positions",
    "report_valid",
    "report_validation",
    "note_undated",
    "analysing",
    "terminal_progress",
    "undated",
    "undated_option",
    "warn_columns",
    "warn_sensitive",
    "warn_undated",
]

SOURCE_HELP = "an .xlsx workbook, a folder of CSV files, a .yaml/.json file, or a .gexf, .graphml or .cyjs file"


class DateType(click.ParamType):
    """A date option: YYYY-MM-DD, YYYY-MM or YYYY (or a day-first date), normalised."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return parse_as_of(value)
        except InvalidArgument as err:
            self.fail(str(err), param, ctx)


def remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[f"stakeholders.{param.name}"] = value
    return value


def audience_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--audience``; :func:`load_source` reads it, so a command only has to load through ``load_source``."""
    return click.option(
        "--audience",
        type=click.Choice(AUDIENCES.ids),
        expose_value=False,
        callback=remember,
        help="Who the output is for: everything marked for a wider circle only (partners, restricted) is left "
        "out [default: the source's default audience, public unless it says otherwise].",
    )(command)


def undated_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--undated show|hide``; :func:`load_source` reads it (and ``diff`` for ``--from``/``--to``)."""
    return click.option(
        "--undated",
        type=click.Choice(UNDATED),
        default="show",
        show_default=True,
        expose_value=False,
        callback=remember,
        help="With a date: show organisations and links that have no dates (no since or until) at every date, "
        "or hide them (an organisation's links go with it).",
    )(command)


def as_of_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--as-of DATE``, ``--undated`` and ``--audience``; the command receives ``as_of_date`` (a date, or None).

    Use it on every command that reads a map, and pass the map through :func:`load_source`.
    """
    command = undated_option(audience_option(command))
    return click.option(
        "--as-of",
        "as_of_date",
        type=DateType(),
        metavar="DATE",
        help="The map as it stood on DATE (YYYY-MM-DD, YYYY-MM or YYYY): organisations and links whose "
        "since is after DATE or whose until is before it are left out.",
    )(command)


def undated() -> str:
    """``--undated`` as given (``show`` when the command has no such option)."""
    return click.get_current_context().meta.get("stakeholders.undated") or "show"


def load_source(path: Path, as_of_date: str | None = None, undated_rows: str | None = None) -> StakeholderMap:
    """Load the map for the audience asked for (``--audience``), as of a date when one is given.

    ``undated_rows`` is ``--undated`` unless given.
    """
    undated_rows = undated_rows or undated()
    if undated_rows == "hide" and as_of_date is None:
        raise click.UsageError("--undated hide leaves out what has no dates from a map as of a date: add --as-of DATE")
    context = click.get_current_context()
    audience = context.meta.get("stakeholders.audience")
    lang = context.meta.get("stakeholders.lang")  # --lang, when given: validation speaks it too
    keep = context.meta.get("stakeholders.positions_file", True) is not False
    loaded = load_map(
        path,
        audience=audience,
        limit_mb=limit_mb(),
        as_of=as_of_date,
        undated=undated_rows,
        keep_positions=keep,
        lang=lang,
    )
    warn_columns(loaded, path, context.params.get("lang"))
    return loaded


def warn_columns(stakeholder_map: StakeholderMap, path: Path, lang: str | None = None) -> None:
    """Say on stderr, in one line, that validation has warnings about the source (``validate`` lists them)."""
    if stakeholder_map.warnings:
        lang = resolve_lang(lang, stakeholder_map.settings.lang)
        warnings = count(lang, len(stakeholder_map.warnings), "warning")
        click.echo(say(lang, "summary", warnings=warnings, source=path), err=True)


def report_valid(source: Path, stakeholder_map: StakeholderMap, lang: str | None) -> None:
    """Say that ``source`` is valid, with its counts, and list its warnings, in ``lang`` (or the map's language)."""
    lang = resolve_lang(lang, stakeholder_map.settings.lang)
    for warning in stakeholder_map.warnings:
        click.echo(f"{say(lang, 'warning')}: {warning}", err=True)
    m = stakeholder_map
    found = [count(lang, len(m.organisations), "organisation"), count(lang, len(m.links), "link")]
    found.append(count(lang, len(m.stages), "stage"))
    if len(m.script) or len(m.barriers):  # the barrier model, when the map has one
        found += [count(lang, len(m.script), "phase"), count(lang, len(m.barriers), "barrier")]
    click.echo(say(lang, "valid", source=source, counts=", ".join(found)))
    if m.warnings:
        click.echo(say(lang, "warned", warnings=count(lang, len(m.warnings), "warning")), err=True)


def report_validation(err: ValidationError, *, nothing_written: bool = False) -> NoReturn:
    """Every problem and warning of a source that is not valid, one a line, in the messages' language; exit 1.

    ``nothing_written`` adds that the command wrote nothing.
    """
    for problem in err.problems:
        click.echo(f"{say(err.lang, 'error')}: {problem}", err=True)
    for warning in err.warnings:
        click.echo(f"{say(err.lang, 'warning')}: {warning}", err=True)
    outcome = say(err.lang, "nothing_written") if nothing_written else ""
    problems = count(err.lang, len(err.problems), "problem")
    click.echo(say(err.lang, "found", problems=problems, outcome=outcome), err=True)
    sys.exit(1)


def output_language(stakeholder_map: StakeholderMap | None = None) -> str | None:
    """The language a command writes in: ``--lang``; else the map's ``lang`` setting; else Dutch when the
    locale is Dutch (:func:`stakeholders._language.environment_lang`); else None: English, with names as the
    source writes them (:func:`stakeholders._language.resolve_lang` gives "en" there).

    Every command asks here, for its output and for its own lines on the terminal.
    """
    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get("stakeholders.lang") if ctx is not None else None
    if chosen:
        return str(chosen)
    if stakeholder_map is not None and stakeholder_map.settings.lang:
        return stakeholder_map.settings.lang
    return "nl" if environment_lang() == "nl" else None


def barrier_counts(stakeholder_map: StakeholderMap, as_of_date: str | None = None) -> str:
    """What a barrier-model page shows: "28 barriers at 4 phases; 67 organisations, 149 links"."""
    lang = output_language(stakeholder_map)
    barriers = number(len(stakeholder_map.barriers), "barrier", lang)
    phases = number(len(stakeholder_map.script), "phase", lang)
    return cli_words(stakeholder_map)["barrier_counts"].format(
        barriers=barriers, phases=phases, counts=map_counts(stakeholder_map, as_of_date)
    )


def cli_words(stakeholder_map: StakeholderMap | None = None) -> dict[str, str]:
    """The command line's own words in the language of :func:`output_language`."""
    return CLI_WORDS[output_language(stakeholder_map) or "en"]


def diff_labels(
    union: StakeholderMap, old: Path, new: Path | None, dates: tuple[str, str]
) -> tuple[tuple[str | None, dict[str, str]], tuple[str, str]]:
    """``diff``'s language and words, and how it names its two sides: the files, or one file as of two dates."""
    lang, words = output_language(union), cli_words(union)
    if new is not None:
        return (lang, words), (old.name, new.name)
    first, second = (words["source_as_of"].format(name=old.name, date=format_date(d, lang)) for d in dates)
    return (lang, words), (first, second)


def number(count: int, thing: str, lang: str | None = None) -> str:
    """``count`` things in words: "1 organisation", "2 links"; in Dutch with ``lang="nl"``.

    >>> number(1, "organisation"), number(0, "link"), number(1200, "link", "nl")
    ('1 organisation', '0 links', '1.200 verbindingen')
    """
    return count_of(count, thing, lang)


def counts(organisations: int, links: int, as_of_date: str | None = None, lang: str | None = None) -> str:
    """How many organisations and links, as of a date when there is one.

    >>> counts(3, 2, "2022-01-02"), counts(1, 1, "2018", "nl")
    ('3 organisations, 2 links as of 2 January 2022', '1 organisatie, 1 verbinding op 2018')
    """
    text = f"{number(organisations, 'organisation', lang)}, {number(links, 'link', lang)}"
    if as_of_date:
        text = CLI_WORDS[lang if lang in CLI_WORDS else "en"]["as_of"].format(
            counts=text, date=format_date(as_of_date, lang)
        )
    return text


def map_counts(stakeholder_map: StakeholderMap, as_of_date: str | None = None) -> str:
    """How many organisations and links the map holds, in its language (:func:`output_language`)."""
    lang = output_language(stakeholder_map)
    return counts(len(stakeholder_map.organisations), len(stakeholder_map.links), as_of_date, lang)


def fail(err: StakeholdersError, outcome: str = "; nothing was written") -> NoReturn:
    """Report a library error as one line per problem and exit (2 for usage, 1 for data).

    A non-empty ``outcome`` adds that nothing was written, in the messages' language.
    """
    if isinstance(err, (UnsupportedSource, InvalidArgument)):
        raise click.UsageError(str(err))
    if isinstance(err, ValidationError):
        report_validation(err, nothing_written=bool(outcome))
    raise click.ClickException(str(err))


def note_positions(stakeholder_map: StakeholderMap) -> None:
    """Say on stderr what went wrong keeping the map's positions (a folder that cannot be written …)."""
    picture = stakeholder_map.picture
    for note in picture.notes if picture is not None else ():
        click.echo(f"Note: {note}.", err=True)


def warn_sensitive(stakeholder_map: StakeholderMap) -> None:
    """Say on stderr how much was left out for the audience (counts only), so nobody wonders where it went.

    Also what went wrong keeping the positions (:func:`note_positions`): every command that draws says both.
    """
    note_positions(stakeholder_map)
    hidden = stakeholder_map.hidden
    if not any(hidden.values()):
        return
    lang = output_language(stakeholder_map)
    words = CLI_WORDS[lang or "en"]
    parts = [number(hidden.get(noun + "s", 0), noun, lang) for noun in ("organisation", "link")]
    why = ""
    if hidden.get("barriers"):
        parts.append(number(hidden["barriers"], "barrier", lang))
        why = words["left_out_barriers"]
    listed = f"{', '.join(parts[:-1])} {words['and']} {parts[-1]}"
    audience = AUDIENCES.label(stakeholder_map.audience, lang or "en")
    click.echo(words["left_out"].format(audience=audience, listed=listed, why=why), err=True)


def note_undated(note: str, record: Undated, lang: str | None = None) -> None:
    """Say on stderr what a date did with the rows that have no dates, when there are any."""
    if not note:
        return
    words = CLI_WORDS[lang if lang in CLI_WORDS else "en"]
    if record.shown:
        one = len(record.organisations) + len(record.links) == 1
        note = words["undated_hide_one" if one else "undated_hide_many"].format(note=note.removesuffix("."))
    click.echo(words["note"].format(note=note), err=True)


def warn_undated(stakeholder_map: StakeholderMap) -> None:
    """Say on stderr how many organisations and links of a map as of a date have no dates, and where they went."""
    record = stakeholder_map.undated
    if record is not None:
        lang = output_language(stakeholder_map)
        note = undated_note(
            PAGE_WORDS[lang or "en"],
            len(record.organisations),
            len(record.links),
            "shown" if record.shown else "left_out",
            taken=len(record.links_taken),
        )
        note_undated(note, record, lang)


class ProgressLine:
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


def analysing(step: str, lang: str | None = None) -> str:
    """The progress line of an analysis step (a name :func:`stakeholders.analysis.analyse` gives progress) in ``lang``.

    >>> analysing("missing cooperation"), analysing("missing cooperation", "nl")
    ('Analysing: missing cooperation', 'Analyseren: ontbrekende samenwerking')
    """
    words = CLI_WORDS[lang if lang in CLI_WORDS else "en"]
    return words["analysing"].format(step=words.get(f"step {step}", step))


def terminal_progress(stream: TextIO | None = None) -> ProgressLine | None:
    """Progress for a terminal; None when ``stream`` (stderr by default) is not one, so pipes and logs stay clean."""
    stream = stream or sys.stderr
    return ProgressLine(stream) if stream.isatty() else None


def reference_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None or len(parsed) != 10:
        raise click.BadParameter(f"'{value}' is not a date: write it as YYYY-MM-DD")
    return date.fromisoformat(parsed)


def analysis_options(command: Callable[..., None]) -> Callable[..., None]:
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
            callback=reference_date,
            metavar="YYYY-MM-DD",
            help="Reference date for stale and expired links [default: today].",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return as_of_option(command)


def image_size(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[int, int]:
    width, _, height = value.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 200 <= int(width) <= 10000 and 200 <= int(height) <= 10000):
        raise click.BadParameter(f"'{value}' is not a size: write WIDTHxHEIGHT in pixels, e.g. 1920x1080")
    return int(width), int(height)


def label_size_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--label-size PX``: organisations' names on screen, for a small screen or a large room."""
    low, high = LABEL_PX_RANGE
    return click.option(
        "--label-size",
        "label_px",
        type=click.FloatRange(low, high),
        metavar="PX",
        help=f"Organisations' names on screen, in pixels ({low:g}-{high:g}) [default: {LABEL_PX:g}]. "
        "Larger for a small screen seen from afar; names that find no room appear as one zooms in.",
    )(command)


def deck_label_size(label_px: float | None, *, powerpoint: bool) -> dict[str, Any]:
    """The presentation's ``label_px`` option, refused for a .pptx deck (whose pictures size their names)."""
    if powerpoint and label_px is not None:
        raise click.BadParameter(
            "it sizes the HTML deck's names; a .pptx deck's pictures size theirs to the slide",
            param_hint="'--label-size'",
        )
    return {} if powerpoint else {"label_px": label_px}


def lang_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--lang`` (English or Dutch), with what it changes for this command in ``help_text``.

    :func:`output_language` reads it, and says what applies when it is not given.
    """
    default = " [default: the source's lang setting, else Dutch under a Dutch locale, else English]"
    if "[default" in help_text:  # the command says its own default
        default = ""
    return click.option("--lang", type=click.Choice(LANGUAGES), callback=remember, help=help_text + default)


def page_lang_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--lang`` and ``--label-size``: the options of a command that writes a map page."""
    return lambda command: lang_option(help_text)(label_size_option(command))


def output_option(help_text: str, *, required: bool = False, file: bool = True) -> Callable[..., Any]:
    """``-o/--output PATH``; with ``file``, a file (not a folder) is asked for."""
    return click.option(
        "-o",
        "--output",
        required=required,
        type=click.Path(dir_okay=False, path_type=Path) if file else click.Path(path_type=Path),
        help=help_text,
    )


def html_output(output: Path | None, default: str) -> Path:
    """The HTML file to write: ``output``, else ``default`` in the current folder; either must end in .html."""
    path = output if output is not None else Path(default)
    if path.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"'{path}' must end in .html", param_hint="'-o' / '--output'")
    return path


def limit_mb() -> float:
    """The largest source to read (``--max-input-mb``, an option of the ``stakeholders`` group)."""
    return click.get_current_context().meta.get("stakeholders.max_input_mb") or LIMIT_MB
