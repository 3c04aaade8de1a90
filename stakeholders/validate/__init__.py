"""Give raw tables their meaning and find every problem in them, in one pass.

:func:`validate_source` maps headers to fields (English or Dutch, any case),
parses each cell (lists, dates, vocabularies, numbers), checks the references
between tables, and returns the map. When anything is wrong it raises
:class:`~stakeholders.errors.ValidationError` listing every problem, each with
its file, sheet, row and column and what to do.

>>> from stakeholders.source import RawTable, Source
>>> orgs = RawTable("organisations", "map.xlsx", "Organisations", ["ID", "Naam"], [(2, ["om", "OM"])])
>>> links = RawTable("links", "map.xlsx", "Links", ["van", "naar"], [(2, ["om", "omm"])])
>>> try:
...     validate_source(Source("map.xlsx", {"organisations": orgs, "links": links}))
... except ValidationError as err:
...     print(err.problems[0].column, "|", err.problems[0].message)
naar | unknown organisation 'omm' (did you mean 'om'?): use an id from the organisations table
"""

from __future__ import annotations

import os

from .._gc import gc_paused
from .._language import resolve_lang
from .._validation_words import PLACE_WORDS
from ..errors import ValidationError
from ..model import StakeholderMap
from ..schema import COLUMNS
from ..source import Source
from ._barriers import resolve_barriers, sorted_script
from ._columns import check_unique, read_records, to_frame
from ._findings import Findings
from ._links import Records, check_period, resolve_links, resolve_stages
from ._pins import check_pins, pins_of
from ._settings import check_field_settings, read_settings, settings_lang
from ._views import check_views
from .references import find_organisation

__all__ = ["find_organisation", "pins_of", "validate_source"]


def _no_organisations(source: Source, findings: Findings) -> None:
    """A map needs organisations: say so of a table that has none (an empty sheet, file or section).

    An empty links table is fine: that is a map without links.
    """
    table = source.tables["organisations"]
    links = source.tables.get("links")
    part = table.sheet_word if table.sheet and table.sheet_word else "file"
    article = "an" if table.row_word[:1] in "aeiou" else "a"
    this = "this"
    row_word = table.row_word
    if findings.lang == "nl":
        part, row_word = (PLACE_WORDS["nl"].get(word, word) for word in (part, row_word))
        this = "dit" if part in ("blad", "bestand") else "deze"
    if links is not None and table.sheet and (links.file, links.sheet) == (table.file, table.sheet):
        # Kumu connections without elements: the organisations are the ends of the connections
        msg = findings.say("needs_no_connections", this=this, part=part)
    elif table.headers or table.row_word != "row":
        msg = findings.say("needs_none", this=this, part=part, article=article, row=row_word)
    else:
        msg = findings.say("needs_empty", this=this, part=part)
    findings.add(table, 0, "", msg)


@gc_paused()
def validate_source(
    source: Source, *, path: str | os.PathLike[str] | None = None, lang: str | None = None, strict: bool = False
) -> StakeholderMap:
    """Validate everything in ``source`` and return its map, or raise with every problem.

    ``path`` is what the map says it was read from (default: the source's path).
    ``lang`` (``en`` or ``nl``) is the language of the messages; by default the
    map's ``lang`` setting, else the environment's locale (see
    :func:`stakeholders._language.resolve_lang`). What is not wrong but
    probably not meant (a header close to one of ours) is kept in the map's
    ``warnings``, or with ``strict`` refused as a problem.
    """
    findings = Findings(resolve_lang(lang, settings_lang(source.tables.get("settings"))))
    settings, setting_rows = read_settings(source.tables.get("settings"), findings)
    vocabularies = {"sector": settings.sectors, "kind": settings.kinds, "technique": settings.techniques}
    parsed: dict[str, Records] = {}
    for role in ("organisations", "stages", "links", "views", "script", "barriers"):
        table = source.tables.get(role)
        if table is not None:
            for row, column, message in table.problems:
                findings.add(table, row, column, message)
            parsed[role] = read_records(table, role, vocabularies, findings)
            check_unique(table, parsed[role][0], findings, "name" if role == "views" else "id")
        else:
            parsed[role] = ([], [])
            if role in ("organisations", "links"):
                findings.missing_table(source.path, role, source.found, source.kind)
    (orgs, org_custom), (links, link_custom) = parsed["organisations"], parsed["links"]
    if not orgs and "organisations" in source.tables:
        _no_organisations(source, findings)
    if orgs and "organisations" in source.tables:
        check_pins(source.tables["organisations"], orgs, findings)
    for row, record in orgs:
        if record["since"] and record["until"]:
            check_period(source.tables["organisations"], row, record, findings)  # orgs are only read from a table
    views, view_custom = parsed["views"]
    (phases, script_custom), (barriers, barrier_custom) = parsed["script"], parsed["barriers"]
    stages = resolve_stages(source, orgs, parsed["stages"], views, barriers, findings)
    resolve_links(source.tables.get("links"), links, orgs, findings)
    resolve_barriers(source, barriers, orgs, phases, findings)
    org_fields = [c.name for c in COLUMNS["organisations"]] + org_custom
    check_views(source.tables.get("views"), views, orgs, org_fields, findings)
    fields = {
        "organisations": org_fields,
        "links": [c.name for c in COLUMNS["links"]] + link_custom,
        "barriers": [c.name for c in COLUMNS["barriers"]] + barrier_custom if barriers else [],
    }
    settings = check_field_settings(source.tables.get("settings"), settings, setting_rows, fields, findings)

    problems, warnings = findings.problems(strict=strict), [] if strict else findings.warnings()
    if problems:
        raise ValidationError(problems, warnings, findings.lang)
    has_views = source.tables.get("views") is not None  # a map without these tables has no custom columns for them
    return StakeholderMap(
        organisations=to_frame(orgs, "organisations", org_custom),
        links=to_frame(links, "links", link_custom),
        stages=stages,
        settings=settings,
        source=str(source.path if path is None else path),
        custom_columns={
            role: tuple(custom)
            for role, (_, custom) in parsed.items()
            if role not in ("views", "script", "barriers") or source.tables.get(role) is not None
        },
        views=to_frame(views, "views", view_custom) if has_views else None,
        script=sorted_script(phases, script_custom),
        barriers=to_frame(barriers, "barriers", barrier_custom),
        warnings=tuple(warnings),
    )
