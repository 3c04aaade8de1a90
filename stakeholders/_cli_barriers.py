"""The ``stakeholders barriers`` command: the barrier-model page (:func:`stakeholders.write_barriers`).

Registered on the ``stakeholders`` group by :mod:`stakeholders.cli`, like every command a thin layer: it
parses its options, makes one library call and reports the result.
"""

from __future__ import annotations

from pathlib import Path

import click

from ._cli_options import (
    as_of_option,
    barrier_counts,
    cli_words,
    fail,
    html_output,
    lang_option,
    load_source,
    output_option,
    warn_sensitive,
    warn_undated,
)
from .errors import StakeholdersError
from .load import EXAMPLE, example_path
from .pages import write_barriers

__all__ = ["barriers"]


@click.command()
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@output_option("The HTML file to write [default: SOURCE's name with -barriers.html, in the current folder].")
@click.option("--title", help="Use this title instead of the one in the source.")
@lang_option("The page's own words in English or Dutch; names from name_<lang> columns where the source has them.")
@as_of_option
def barriers(
    source: Path | None, output: Path | None, title: str | None, lang: str | None, as_of_date: str | None
) -> None:
    """Draw the barrier model of SOURCE as one offline HTML page, over its network map.

    The phases of the offending process (the Script sheet) from left to right, under each the barriers raised
    against it (the Barriers sheet) with who raises them. Without SOURCE, draws the bundled example's.

    Example:

    \b
        stakeholders barriers my-workbook.xlsx -o barriers.html
        stakeholders barriers --lang nl -o barrieremodel.html
    """
    path = source if source is not None else example_path()
    output = html_output(output, f"{path.stem if path.is_file() else path.name or EXAMPLE}-barriers.html")
    try:
        stakeholder_map = load_source(path, as_of_date)
        written = write_barriers(stakeholder_map, output, title=title, lang=lang)
    except StakeholdersError as err:
        fail(err)
    warn_sensitive(stakeholder_map)
    shown = barrier_counts(stakeholder_map, as_of_date)
    click.echo(cli_words(stakeholder_map)["wrote"].format(path=written.resolve(), shown=shown))
    warn_undated(stakeholder_map)
