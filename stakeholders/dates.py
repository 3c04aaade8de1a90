"""Partial dates: a day, a month or a year, read from a cell and compared on what two dates both say.

A date in a map is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. Two dates compare
at the precision both have (:func:`before`): ``since 2021`` means from the
start of 2021 and ``until 2021`` to the end of it (:func:`present_on`).

>>> parse_date("02-11-2021"), parse_date("2013-4"), parse_date(2021)
('2021-11-02', '2013-04', '2021')
>>> before("2021", "2021-06"), before("2020-12", "2021")
(False, True)
>>> present_on("2021", "", "2021-06-15"), present_on("", "2021", "2021-12-31"), present_on("", "2021", "2022-01")
(True, True, False)
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ._validation_words import MONTHS, say
from .errors import InvalidArgument
from .values import cell_text

__all__ = ["MONTHS", "before", "format_date", "not_a_date", "parse_as_of", "parse_date", "present_on"]

_DATE_FORMATS = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"), ("d", "m", "y")),
    (re.compile(r"(\d{4})-(\d{1,2})"), ("y", "m")),
    (re.compile(r"(\d{4})"), ("y",)),
)


def parse_date(value: Any) -> str | None:
    """Normalise a date cell to ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None if it is not a date.

    Day-first numeric dates (``02-11-2021``, as Dutch Excel writes them) are read too.

    >>> parse_date("31-13-2021") is None
    True
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = cell_text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
        text = text[:10]
    for pattern, parts in _DATE_FORMATS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        found = dict(zip(parts, (int(g) for g in match.groups()), strict=True))
        try:
            date(found["y"], found.get("m", 1), found.get("d", 1))
        except ValueError:
            return None
        if not 1000 <= found["y"] <= 9999:
            return None
        if "d" in found:
            return f"{found['y']:04d}-{found['m']:02d}-{found['d']:02d}"
        if "m" in found:
            return f"{found['y']:04d}-{found['m']:02d}"
        return f"{found['y']:04d}"
    return None


def not_a_date(value: Any, lang: str | None = "en") -> str:
    """What is wrong with a cell that :func:`parse_date` refused, in ``lang``: an impossible day, or the formats.

    >>> not_a_date("31-02-2021")
    "'31-02-2021' is not a date: February has no 31st day"
    >>> not_a_date("29-02-2021", "nl")
    "'29-02-2021' is geen datum: 2021 is geen schrikkeljaar: februari 2021 heeft 28 dagen"
    >>> not_a_date("2021-13")
    "'2021-13' is not a date: there is no month 13: months run from 1 to 12"
    >>> not_a_date("soon")
    "'soon' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"
    """
    text = cell_text(value)
    return say(lang, "not_a_date", value=text, why=_impossible(text, lang) or say(lang, "date_formats"))


def _impossible(text: str, lang: str | None) -> str:
    """Why a date written in one of our formats is not a day of the calendar ("" when it is not in our formats)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
        text = text[:10]
    for pattern, parts in _DATE_FORMATS:
        match = pattern.fullmatch(text)
        if match:
            found = dict(zip(parts, (int(g) for g in match.groups()), strict=True))
            break
    else:
        return ""
    year, month, day = found["y"], found.get("m", 1), found.get("d", 1)
    if not 1000 <= year <= 9999:
        return say(lang, "year_range", year=year)
    if not 1 <= month <= 12:
        return say(lang, "no_such_month", month=month)
    if day == 0:
        return say(lang, "no_day_zero")
    if month == 2 and day == 29:
        return say(lang, "not_leap", year=year)
    name = MONTHS["nl" if lang == "nl" else "en"][month - 1]
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return say(lang, "no_such_day", month=name, day=day, suffix=suffix)


def parse_as_of(value: str | date | datetime) -> str:
    """Normalise a date argument to ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or raise :class:`InvalidArgument`.

    >>> parse_as_of("yesterday")
    Traceback (most recent call last):
    ...
    stakeholders.errors.InvalidArgument: 'yesterday' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY
    """
    parsed = parse_date(value)
    if parsed is None:
        raise InvalidArgument(not_a_date(value))
    return parsed


def before(first: str, second: str) -> bool:
    """True when ``first`` is before ``second`` at the precision both have (two normalised dates)."""
    precision = min(len(first), len(second))
    return first[:precision] < second[:precision]


def present_on(since: Any, until: Any, when: str) -> bool:
    """True when something that runs from ``since`` to ``until`` (either may be empty) exists on ``when``.

    All three are normalised dates; each comparison uses the precision both dates have.
    """
    return not ((since and before(when, since)) or (until and before(until, when)))


def format_date(value: str, lang: str | None = None) -> str:
    """A normalised date as a reader writes it: ``1 December 2025`` (English) or ``1 december 2025`` (Dutch).

    A month is ``December 2025``, a year stays ``2025``; text that is not a
    normalised date is returned as it is. Every page, the report, the deck,
    the diff and the images write their dates through here.

    >>> format_date("2025-12-01"), format_date("2025-12-01", "nl"), format_date("2021-03", "nl")
    ('1 December 2025', '1 december 2025', 'maart 2021')
    >>> format_date("2021"), format_date(""), format_date("soon")
    ('2021', '', 'soon')
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not match or (match.group(3) and not match.group(2)):
        return value
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return value
    name = MONTHS[lang if lang in MONTHS else "en"][int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"
