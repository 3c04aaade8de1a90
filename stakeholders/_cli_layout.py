"""``stakeholders layout`` and ``--no-positions-file``: the positions file on the command line.

What the file is: :mod:`stakeholders.layout`. Kept apart from :mod:`stakeholders.cli`, which adds
the command to its group and the option to the group itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ._cli_options import cli_words, fail, limit_mb, note_positions, number, output_language, remember
from .errors import StakeholdersError
from .layout import save_positions
from .load import load_map

__all__ = ["layout_command", "positions_file_option"]


def positions_file_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--positions-file/--no-positions-file`` on the group; :func:`stakeholders._cli_options.load_source` reads it."""
    return click.option(
        "--positions-file/--no-positions-file",
        default=True,
        show_default=True,
        expose_value=False,
        callback=remember,
        help="Keep the map's positions in a file beside the source (positions.csv in a CSV folder, "
        "<file>.positions.csv beside any other), so the next run moves only what changed.",
    )(command)


@click.command(name="layout")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--reset",
    is_flag=True,
    help="Lay the whole map out afresh, forgetting the kept positions (organisations pinned by x and y stay).",
)
def layout_command(source: Path, reset: bool) -> None:
    """Work out where SOURCE's organisations stand and keep it in its positions file; print where.

    Every output of SOURCE (each date, audience, view, deck step, diff, image
    and export) uses these positions. Without --reset, kept positions stay and
    only organisations that are new are placed, near their partners. The
    file is positions.csv inside a CSV folder, or <file>.positions.csv beside
    any other source; commit it with the data. The bundled example keeps none.

    Example:

    \b
        stakeholders layout my-workbook.xlsx
        stakeholders layout my-folder --reset
    """
    try:
        stakeholder_map = load_map(source, audience="internal", limit_mb=limit_mb())  # the whole map
        written = save_positions(stakeholder_map, reset=reset)
    except StakeholdersError as err:
        fail(err)
    note_positions(stakeholder_map)
    lang = output_language(stakeholder_map)
    count = number(len(stakeholder_map.organisations), "organisation", lang)
    click.echo(cli_words(stakeholder_map)["kept_positions"].format(count=count, path=written.resolve()))
