"""The one small exception tree the library raises.

::

    StakeholdersError            anything the user can fix; the CLI prints it, exit code 1
    ├── SourceError              a source cannot be read at all (not found, corrupt, wrong type)
    │   └── UnsupportedSource    the path is not a format we read (CLI: usage error, exit code 2)
    ├── ValidationError          the source was read but its data has problems (one line each)
    ├── UnknownOrganisation      an option names an organisation the map does not have
    ├── OutputError              an output cannot be written
    └── InvalidArgument          an argument is not valid: a date, an output format (CLI: usage error, exit code 2)

A :class:`Problem` is one finding of validation, with its location as the user
sees it (file, sheet, row as Excel numbers it, column).

>>> p = Problem("map.xlsx", "Links", 14, "target", "unknown organisation 'omm' (did you mean 'om'?)")
>>> str(p)
"map.xlsx, sheet Links, row 14, column target: unknown organisation 'omm' (did you mean 'om'?)"
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "InvalidArgument",
    "OutputError",
    "Problem",
    "SourceError",
    "StakeholdersError",
    "UnknownOrganisation",
    "UnsupportedSource",
    "ValidationError",
]


class StakeholdersError(Exception):
    """Something in the input or the environment that the user can fix."""


class SourceError(StakeholdersError):
    """A source could not be read at all."""


class UnsupportedSource(SourceError):
    """A path that is not a format we read."""


class UnknownOrganisation(StakeholdersError):
    """An option or argument names an organisation that is not in the map."""


class OutputError(StakeholdersError):
    """An output file could not be written."""


class InvalidArgument(StakeholdersError):
    """An argument given to the library is not valid, such as a date or an output format."""


@dataclass(frozen=True)
class Problem:
    """One problem in a source: where it is and what to do about it.

    ``sheet`` is the sheet name for workbooks and empty for CSV files (the file
    is the table); ``row`` is the row number as a spreadsheet shows it (the
    header is row 1) or 0 when the problem is about the table as a whole. The
    ``*_word`` fields name the parts for other formats (YAML has sections,
    items and fields). ``row_name``, when given, is shown instead of the
    number (a graph file's node or edge by its id: "node 'politie'").
    """

    file: str
    sheet: str
    row: int
    column: str
    message: str
    sheet_word: str = "sheet"
    row_word: str = "row"
    column_word: str = "column"
    row_name: str = ""

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"{self.sheet_word} {self.sheet}".strip())
        if self.row:
            where.append(f"{self.row_word} {self.row_name or self.row}")
        if self.column:
            where.append(f"{self.column_word} {self.column}")
        return f"{', '.join(where)}: {self.message}"


class ValidationError(StakeholdersError):
    """The source has data problems; ``problems`` lists every one of them, each once.

    A problem found twice at the same place (a Kumu connection to several
    targets is validated once per target) is listed once. ``warnings`` are
    what validation found besides: not wrong, but probably not meant; ``lang``
    the language the messages are in.
    """

    def __init__(
        self, problems: list[Problem], warnings: list[Problem] | tuple[Problem, ...] = (), lang: str = "en"
    ) -> None:
        self.problems = list(dict.fromkeys(problems))
        self.warnings = list(dict.fromkeys(warnings))
        self.lang = lang
        super().__init__("\n".join(str(p) for p in self.problems))
