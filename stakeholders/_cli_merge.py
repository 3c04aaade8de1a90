"""The ``stakeholders merge`` command: partners' answers merged into one map (:mod:`stakeholders.merge`).

A command of its own module, registered by :mod:`stakeholders.cli`, so that neither grows past its size.
"""

from __future__ import annotations

from pathlib import Path

import click

from ._cli_options import cli_words, fail, lang_option, limit_mb, number, output_language, output_option
from .errors import StakeholdersError
from .formats import export_format
from .merge import merge_sources, write_merged

__all__ = ["merge"]


@click.command(name="merge")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@output_option(
    "Where to write the merged map; the extension picks the format, as for export (.xlsx, a folder for CSV, …).",
    required=True,
    file=False,
)
@click.option(
    "--as",
    "names",
    multiple=True,
    metavar="NAME",
    help="What a source is called in reported_by, once per source in order (default: its title, else its file "
    "name); a NAME that is one of the source's organisations also says who filled it in.",
)
@lang_option("The language of the lines this command prints.")
def merge(sources: tuple[Path, ...], output: Path, names: tuple[str, ...], lang: str | None) -> None:
    """Merge partners' answers (SOURCES) into one map, keeping who said what.

    Organisations are matched by id, then by name and alias; uncertain matches (a short name alone, similar
    names) are listed for you to settle and kept apart. The same link from several sources becomes one, with
    reported_by and reports; confirmation says whether both ends reported it (confirmed) or one (one-sided),
    when a source says who filled it in (a respondent setting in its Map sheet, or --as). Disagreements go side
    by side into a Conflicts sheet (conflicts.csv in a folder), never resolved.

    Example:

    \b
        stakeholders merge answers/*.xlsx -o merged.xlsx
        stakeholders merge politie.xlsx om.xlsx --as Politie --as OM -o merged.xlsx
    """
    try:
        chosen = export_format(output)
        merged = merge_sources(sources, names=names, limit_mb=limit_mb(), lang=output_language())
        written = write_merged(merged, output)
    except StakeholdersError as err:
        fail(err)
    lang, words = output_language(merged.map), cli_words(merged.map)
    s = merged.summary
    click.echo(
        words["merged"].format(
            path=written.resolve(),
            organisations=number(s["organisations"], "organisation", lang),
            matched=s["matched"],
            links=number(s["links"], "link", lang),
            confirmed=s["confirmed"],
            one_sided=s["one_sided"],
            sources=number(s["sources"], "source", lang),
        )
    )
    if s["conflicts"]:
        where = {"xlsx": words["conflicts_sheet"], "csv": "conflicts.csv"}.get(chosen, f"{output.stem}.conflicts.csv")
        click.echo(words["merge_conflicts"].format(conflicts=number(s["conflicts"], "disagreement", lang), where=where))
    for name in merged.unknown_respondents:
        click.echo(words["merge_no_respondent"].format(name=name))
    for row in merged.uncertain.to_dict("records"):
        fields = {str(key): value for key, value in row.items()}
        click.echo(
            words["merge_uncertain"].format(**{**fields, "reason": words.get(fields["reason"], fields["reason"])})
        )
