"""A ready-to-fill workbook to start a map: ``stakeholders init``.

:func:`template_sheets` gives the sheets of a new map in English or Dutch
(headers, drop-down lists of every closed list, a few example rows from the
bundled example's documented facts); :func:`write_template` writes them as an
.xlsx workbook (an instructions sheet first, frozen headers, widths, filters)
or, with ``csv``, as a folder of CSV files the way Excel saves them. It never
overwrites anything.

>>> sheets = template_sheets("nl")
>>> list(sheets)[:3], sheets["links"][0][:4]
(['organisations', 'links', 'stages'], ['id', 'van', 'naar', 'soort'])
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import shutil
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from ._atomic import fixed_zip, write_atomic
from ._template_words import EXPLAIN, HEADERS, SHEETS, WORDS
from .errors import InvalidArgument, OutputError
from .schema import AUDIENCES, COLUMNS, DEFAULT_HANDOVERS, DEFAULT_STAGES, Vocabulary

__all__ = ["DEFAULT_NAMES", "closed_lists", "template_sheets", "write_template"]

DEFAULT_NAMES = {"en": "map", "nl": "kaart"}
"""The name of a new workbook (with .xlsx) or CSV folder when none is given."""

_TIME = datetime(2000, 1, 1)
_ORG_URL = "https://www.om.nl/onderwerpen/kinderporno/indigo-praktijk"
_POLICE_URL = "https://websitevoordepolitie.nl/verbeterd-zicht-op-zedendelinquenten-samenvatting-en-longread"
_STUDY_URL = "https://vbn.aau.dk/en/publications/a-crime-script-analysis-of-child-sexual-exploitation-material-for"

# Example rows, from the bundled example's documented facts (graphs/nl-darkweb-csa): ids for closed lists, stages
# and phases (written in the workbook's language), (English, Dutch) for text.
_EXAMPLES: dict[str, list[dict[str, Any]]] = {
    "organisations": [
        {
            "id": "politie",
            "name": "Politie",
            "aliases": ("Nationale Politie", "Nationale Politie"),
            "sector": "police",
            "level": "both",
            "country": "NL",
            "stages": ["investigation", "victim-identification"],
            "description": (
                "National police; online child sexual abuse is a national priority.",
                "Nationale politie; online seksueel kindermisbruik is een landelijke prioriteit.",
            ),
            "url": "https://www.politie.nl",
            "evidence": "documented",
        },
        {
            "id": "om",
            "name": "Openbaar Ministerie",
            "short_name": "OM",
            "sector": "justice",
            "level": "both",
            "country": "NL",
            "stages": ["investigation", "prosecution"],
            "description": (
                "Public Prosecution Service: directs criminal investigations and decides whether to prosecute.",
                "Leidt het opsporingsonderzoek en beslist of een zaak wordt vervolgd.",
            ),
            "url": "https://www.om.nl",
            "evidence": "documented",
        },
        {
            "id": "reclassering",
            "name": "Reclassering Nederland",
            "short_name": "Reclassering",
            "sector": "probation",
            "level": "operational",
            "country": "NL",
            "stages": ["sanction"],
            "description": (
                "Supervises sex offenders under conditions, including INDIGO supervision with computer checks.",
                "Houdt toezicht op zedendelinquenten met voorwaarden, ook onder INDIGO met computercontroles.",
            ),
            "url": "https://www.reclassering.nl",
            "evidence": "documented",
        },
    ],
    "links": [
        {
            "id": "L1",
            "source": "politie",
            "target": "om",
            "kind": "joint-operation",
            "direction": "directed",
            "status": "active",
            "since": "2012",
            "source_ref": _ORG_URL,
            "evidence": "documented",
            "notes": (
                "INDIGO approach for low-risk downloaders.",
                "INDIGO-aanpak voor downloaders met een laag risico.",
            ),
        },
        {
            "id": "L2",
            "source": "om",
            "target": "reclassering",
            "kind": "referral",
            "direction": "directed",
            "status": "active",
            "since": "2012",
            "source_ref": _ORG_URL,
            "last_checked": "2026-12-07",
            "evidence": "documented",
            "notes": (
                "Under INDIGO the conditional dismissal requires treatment and probation supervision.",
                "Onder INDIGO vraagt het voorwaardelijk sepot om behandeling en reclasseringstoezicht.",
            ),
        },
        {
            "id": "L3",
            "source": "politie",
            "target": "reclassering",
            "kind": "information-sharing",
            "direction": "mutual",
            "status": "active",
            "since": "2018",
            "source_ref": _POLICE_URL,
            "evidence": "documented",
            "notes": (
                "Case-based cooperation on supervising sex offenders.",
                "Samenwerking per zaak bij het toezicht op zedendelinquenten.",
            ),
        },
    ],
    "script": [
        {"id": "preparation", "name": ("Preparation", "Voorbereiding"), "evidence": "documented"},
        {"id": "entry", "name": ("Entry", "Toetreding"), "evidence": "inferred"},
        {"id": "activity", "name": ("Activity", "Activiteit"), "evidence": "inferred"},
        {"id": "post-activity", "name": ("Post-activity", "Na-activiteit"), "evidence": "documented"},
    ],
    "barriers": [
        {
            "id": "indigo",
            "name": (
                "INDIGO conditional dismissal with treatment and probation supervision",
                "INDIGO-afdoening: voorwaardelijk sepot met behandeling en reclasseringstoezicht",
            ),
            "phase": ["activity"],
            "owners": ["om"],
            "partners": ["politie", "reclassering"],
            "technique": "treatment-and-supervision",
            "stage": ["prosecution"],
            "status": "in-place",
            "since": "2012",
            "evidence": "documented",
            "source_ref": _ORG_URL,
        }
    ],
}
for _order, _phase in enumerate(_EXAMPLES["script"], start=1):
    _phase.update({"order": _order, "source_ref": _STUDY_URL})
_EXAMPLES["stages"] = [
    {
        "id": ident,
        "name": (en, nl),
        "order": order,
        "hands_over_to": [end for start, end in DEFAULT_HANDOVERS if start == ident],
    }
    for order, (ident, en, nl) in enumerate(DEFAULT_STAGES, start=1)
]

_EXTENDABLE = {"sector": "sectors", "kind": "kinds", "technique": "techniques"}
"""The closed lists a map may add terms to, and the setting that adds them."""


def closed_lists(role: str) -> dict[str, Vocabulary]:
    """The columns of ``role`` (in a new workbook) that hold one value of a closed list, with the list.

    >>> sorted(closed_lists("links"))
    ['direction', 'evidence', 'kind', 'sensitivity', 'status']
    """
    return {
        column.name: column.vocabulary
        for column in COLUMNS[role]
        if column.vocabulary is not None and column.name in HEADERS["en"][role]
    }


def _stage_name(ident: str, lang: str, phases: bool = False) -> str:
    rows = _EXAMPLES["script" if phases else "stages"]
    names = next(row["name"] for row in rows if row["id"] == ident)
    return str(names[1] if lang == "nl" else names[0])


def _cell(role: str, name: str, value: Any, lang: str) -> Any:
    """An example's value as the workbook shows it, in ``lang``."""
    vocabulary = closed_lists(role).get(name)
    if vocabulary is not None:
        return vocabulary.label(value, lang)
    if isinstance(value, tuple):
        return value[1] if lang == "nl" else value[0]
    if isinstance(value, list):
        if name in ("stages", "stage", "hands_over_to"):
            value = [_stage_name(ident, lang) for ident in value]
        elif name == "phase":
            value = [_stage_name(ident, lang, phases=True) for ident in value]
        return "|".join(value)
    return value


def template_sheets(lang: str = "en") -> dict[str, list[list[Any]]]:
    """The tables of a new map in ``lang`` (``en`` or ``nl``), by role: a header row and the example rows.

    ``settings`` holds the map's settings as key/value rows, its language among them.
    """
    headers = HEADERS[lang]
    sheets: dict[str, list[list[Any]]] = {}
    for role, fields in headers.items():
        grid: list[list[Any]] = [list(fields.values())]
        for example in _EXAMPLES[role]:
            grid.append([_cell(role, name, example[name], lang) if name in example else "" for name in fields])
        sheets[role] = grid
    words = WORDS[lang]
    keys = ("title", "date", "source_note", "description", "lang", "audience")
    if lang == "nl":
        keys = ("titel", "datum", "bronnen", "omschrijving", "taal", "publiek")
    values = (words["title"], "", "", "", lang, AUDIENCES.label("public", lang))
    sheets["settings"] = [
        [words["key"], words["value"]],
        *([key, value] for key, value in zip(keys, values, strict=True)),
    ]
    return sheets


def _instructions(lang: str, sheets: dict[str, list[list[Any]]], file: str) -> list[list[Any]]:
    """The instructions sheet: a line on what to do, then each column with its meaning, an example and its values.

    >>> rows = _instructions("en", template_sheets("en"), "map.xlsx")
    >>> rows[1][:3], rows[4][:2], rows[4][4]
    (['Sheet', 'Column', 'Required'], ['Organisations', 'short_name'], 'OM')
    """
    words = WORDS[lang]
    names = SHEETS[lang]
    rows: list[list[Any]] = [
        [words["intro"].format(file=file)],
        [words[key] for key in ("sheet", "column", "required", "meaning", "example", "allowed")],
    ]
    for role, fields in HEADERS[lang].items():
        required = {c.name for c in COLUMNS[role] if c.required}
        examples = sheets[role][1:]
        for index, (name, header) in enumerate(fields.items()):
            example = next((row[index] for row in examples if row[index] not in ("", None)), "")
            vocabulary = closed_lists(role).get(name)
            allowed = "; ".join(vocabulary.labels(lang)) if vocabulary is not None else ""
            meaning = EXPLAIN[role][name][1 if lang == "nl" else 0]
            yes = words["yes"] if name in required else ""
            rows.append([names[role], header, yes, meaning, example, allowed])
    return rows


def _width(values: list[Any]) -> float:
    return min(max((len(str(v)) for v in values if v not in ("", None)), default=8) + 3, 60)


def _list_key(vocabulary: Vocabulary) -> str:
    """One drop-down list per closed list (a link's status and a barrier's are two lists)."""
    return f"{vocabulary.name}/{'/'.join(vocabulary.ids)}"


def _lists_sheet(workbook: Any, lang: str) -> dict[str, str]:
    """A hidden sheet with one column per closed list, its labels in ``lang``; each list's range by its key."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname

    name = SHEETS[lang]["lists"]
    sheet = workbook.create_sheet(name)
    sheet.sheet_state = "hidden"
    ranges: dict[str, str] = {}
    for role in HEADERS[lang]:
        for field, vocabulary in closed_lists(role).items():
            key = _list_key(vocabulary)
            if key in ranges:
                continue
            number = len(ranges) + 1
            labels = vocabulary.labels(lang)
            sheet.cell(row=1, column=number, value=HEADERS[lang][role][field]).font = Font(bold=True)
            for row, label in enumerate(labels, start=2):
                sheet.cell(row=row, column=number, value=label)
            letter = get_column_letter(number)
            ranges[key] = f"{quote_sheetname(name)}!${letter}$2:${letter}${len(labels) + 1}"
    return ranges


def _drop_downs(sheet: Any, role: str, lang: str, ranges: dict[str, str]) -> None:
    """A drop-down list on every column of ``sheet`` that holds a closed list; a map may extend some of them."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    words = WORDS[lang]
    lists = closed_lists(role)
    for index, field in enumerate(HEADERS[lang][role]):
        if field not in lists:
            continue
        setting = _EXTENDABLE.get(field)
        message = words["pick_open"].format(setting=setting) if setting else words["pick_strict"]
        validation = DataValidation(
            type="list",
            formula1=ranges[_list_key(lists[field])],
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning" if setting else "stop",
            errorTitle=words["pick_title"],
            error=message,
        )
        letter = get_column_letter(index + 1)
        validation.add(f"{letter}2:{letter}1000")
        sheet.add_data_validation(validation)


def _layout(sheet: Any, grid: list[list[Any]], role: str) -> None:
    """A bold, frozen header row, widths to fit, and a filter (the instructions: wrapped text instead)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    top = 2 if role == "instructions" else 1  # the instructions start with a line on what to do
    for cell in sheet[top]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color="DDE4EE", end_color="DDE4EE")
    sheet.freeze_panes = f"A{top + 1}"
    width = max(len(row) for row in grid)
    table = grid[top - 1 :]
    for index in range(width):
        values = [row[index] if index < len(row) else "" for row in table]
        sheet.column_dimensions[get_column_letter(index + 1)].width = _width(values)
    if role == "instructions":
        sheet["A1"].font = Font(bold=True)
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    else:
        sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{len(grid)}"


def _workbook_bytes(lang: str, file: str) -> bytes:
    """The new workbook: the instructions, the tables, the settings, and the hidden sheet of lists."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    sheets = template_sheets(lang)
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    ranges = _lists_sheet(workbook, lang)
    for role, grid in {"instructions": _instructions(lang, sheets, file), **sheets}.items():
        sheet = workbook.create_sheet(SHEETS[lang][role], index=len(workbook.worksheets) - 1)
        for row in grid:
            sheet.append(row)
        _layout(sheet, grid, role)
        if role in HEADERS[lang]:
            _drop_downs(sheet, role, lang, ranges)
    workbook.active = 0
    workbook.properties.creator = "stakeholders"
    workbook.properties.created = workbook.properties.modified = _TIME
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return fixed_zip(buffer.getvalue())


def _csv_files(lang: str, file: str) -> dict[str, bytes]:
    """The CSV files of a new map, as Excel saves them: Dutch with ``;``, both UTF-8 with a byte order mark."""
    sheets = {"instructions": _instructions(lang, template_sheets(lang), file), **template_sheets(lang)}
    delimiter = ";" if lang == "nl" else ","
    files: dict[str, bytes] = {}
    for role, grid in sheets.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerows(grid)
        name = SHEETS[lang][role].lower().replace("è", "e")
        files[f"{name}.csv"] = codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")
    return files


def write_template(path: str | os.PathLike[str] | None = None, *, lang: str = "en", csv: bool = False) -> Path:
    """Write a new map to fill in at ``path`` and return the path; never overwrite anything.

    An .xlsx workbook, or with ``csv`` a folder of CSV files; ``path`` defaults
    to :data:`DEFAULT_NAMES` (``kaart.xlsx`` in Dutch) in the current folder.
    Raises :class:`~stakeholders.errors.OutputError` (in ``lang``) when the path exists, and
    :class:`~stakeholders.errors.InvalidArgument` for a workbook whose name does not end in .xlsx.
    """
    if lang not in SHEETS:
        msg = f"'{lang}' is not a language of ours: use en or nl"
        raise InvalidArgument(msg)
    target = Path(path) if path is not None else Path(DEFAULT_NAMES[lang] + ("" if csv else ".xlsx"))
    if not csv and target.suffix.lower() != ".xlsx":
        msg = f"'{target}' must end in .xlsx (or give --csv for a folder of CSV files)"
        raise InvalidArgument(msg)
    if target.exists() or target.is_symlink():
        raise OutputError(WORDS[lang]["exists"].format(path=target))
    if not csv:
        write_atomic(target, _workbook_bytes(lang, target.name))
        return target
    files = _csv_files(lang, target.name)
    parent = target.parent if str(target.parent) else Path(".")
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        staging.chmod(0o777 & ~_umask())
        os.rename(staging, target)  # fails, rather than merging, if the folder appeared meanwhile
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        msg = f"{target}: cannot write this folder ({err.strerror or err})"
        raise OutputError(msg) from err
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
