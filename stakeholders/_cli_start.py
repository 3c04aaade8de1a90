"""``stakeholders init`` and ``stakeholders validate``: starting a map and checking it.

Kept apart from :mod:`stakeholders.cli`, which adds both commands to its group.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._cli_options import fail, lang_option, limit_mb, report_valid, report_validation
from ._language import resolve_lang
from ._template_words import WORDS as TEMPLATE_WORDS
from .errors import InvalidArgument, StakeholdersError, ValidationError
from .load import load_map
from .template import write_template

__all__ = ["init", "validate"]


@click.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@lang_option(
    "The language of the messages and of the allowed values they list [default: the map's lang setting, else "
    "Dutch when the locale (LC_ALL, LANG) is Dutch, else English]."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Count warnings (a header that looks like one of ours but is kept as a custom field) as problems.",
)
def validate(source: Path, lang: str | None, strict: bool) -> None:
    """Check SOURCE and list every problem in it, one per line, and every warning.

    Exits with 0 when the source is valid (warnings or not) and 1 when it has
    problems; with --strict, warnings are problems too.

    Example:

    \b
        stakeholders validate my-workbook.xlsx
        stakeholders validate kaart.xlsx --lang nl --strict
    """
    try:
        # check everything in it: the internal audience
        stakeholder_map = load_map(source, audience="internal", limit_mb=limit_mb(), lang=lang, strict=strict)
    except ValidationError as err:
        report_validation(err)
    except StakeholdersError as err:
        fail(err, outcome="")
    report_valid(source, stakeholder_map, lang)


@click.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@lang_option("The language of the sheets, headers, lists and instructions [default: Dutch when the locale is Dutch].")
@click.option("--csv", "as_csv", is_flag=True, help="Write a folder of CSV files (as Excel saves them) instead.")
def init(path: Path | None, lang: str | None, as_csv: bool) -> None:
    """Write a ready-to-fill workbook to start a map: PATH [default: map.xlsx, or kaart.xlsx in Dutch].

    Every sheet has a header row, drop-down lists for every closed list and
    example rows to replace; the first explains every column. Never overwrites.

    Example:

    \b
        stakeholders init kaart.xlsx --lang nl
        stakeholders validate kaart.xlsx
        stakeholders map kaart.xlsx
    """
    lang = resolve_lang(lang)
    try:
        written = write_template(path, lang=lang, csv=as_csv)
    except InvalidArgument as err:
        raise click.UsageError(str(err)) from None
    except StakeholdersError as err:
        click.echo(f"{TEMPLATE_WORDS[lang]['error']}: {err}", err=True)
        sys.exit(1)
    click.echo(TEMPLATE_WORDS[lang]["wrote"].format(path=written))
