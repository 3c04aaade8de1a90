"""Validation's words in English and Dutch: the problems found in a source, where they are, why a date is impossible.

Each message is a template filled with :meth:`str.format`; :func:`say` picks
the user's language (English when the language is unknown).

>>> say("nl", "not_a_date", value="31-02-2021", why=say("nl", "no_such_day", month="februari", day=31, days=28))
"'31-02-2021' is geen datum: februari heeft geen 31 dagen"
>>> sorted(MESSAGES["en"]) == sorted(MESSAGES["nl"])
True
"""

from __future__ import annotations

__all__ = ["MESSAGES", "MONTHS", "NOUNS", "PLACE_WORDS", "THINGS", "VOCABULARY_NAMES", "WHERE", "count", "say"]

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
}
"""The months by name, January first."""

PLACE_WORDS: dict[str, dict[str, str]] = {
    "en": {},
    "nl": {
        "sheet": "blad",
        "row": "rij",
        "column": "kolom",
        "section": "sectie",
        "field": "veld",
        "line": "regel",
        "file": "bestand",
    },
}
"""How a problem's place is named (sheet, row, column), where the language says it differently."""

THINGS: dict[str, dict[str, str]] = {
    "en": {
        "organisation": "organisation",
        "link": "link",
        "stage": "stage",
        "view": "view",
        "phase": "phase",
        "barrier": "barrier",
    },
    "nl": {
        "organisation": "organisatie",
        "link": "verbinding",
        "stage": "stap",
        "view": "weergave",
        "phase": "fase",
        "barrier": "barrière",
    },
}
"""One row of each table, in words."""

THINGS["nl"].update(
    {
        "organisations": "organisaties",
        "stages": "stappen",
        "phases": "fasen",
        "links": "verbindingen",
        "views": "weergaven",
    }
)
THINGS["en"].update({f"{thing}s": f"{thing}s" for thing in list(THINGS["en"])})

VOCABULARY_NAMES: dict[str, dict[str, str]] = {
    "nl": {
        "sector": "sector",
        "level": "niveau",
        "kind": "soort verbinding",
        "direction": "richting",
        "status": "status",
        "sensitivity": "gevoeligheid",
        "evidence": "onderbouwing",
        "technique": "techniek",
        "stance": "standpunt",
        "audience": "publiek",
        "layout": "indeling",
        "sectors": "sectoren",
        "kinds": "soorten",
        "techniques": "technieken",
    }
}
"""A closed list's name (and the setting that extends it) where the language says it differently."""

WHERE: dict[str, dict[str, str]] = {
    "nl": {
        "map": "de kaart",
        "organisations table": "het blad Organisaties",
        "stages table": "het blad Stappen",
        "script table": "het blad Delictscript",
        "default stages": "de standaardstappen",
    }
}
"""Where a reference's ids are listed, where the language says it differently."""

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "not_a_date": "'{value}' is not a date: {why}",
        "not_a_position": "'{value}' is not a position: write a number (pixels, at most {limit} from 0) or empty it",
        "pin_both": "an organisation is pinned by both x and y: fill in {missing} too, or empty both",
        "date_formats": "write it as YYYY-MM-DD, YYYY-MM or YYYY",
        "no_such_day": "{month} has no {day}{suffix} day",
        "not_leap": "{year} is not a leap year: February {year} has 28 days",
        "no_such_month": "there is no month {month}: months run from 1 to 12",
        "no_day_zero": "there is no day 0: days start at 1",
        "year_range": "the year {year} is out of range: write a year with four digits, from 1000 to 9999",
        "not_a_term": "'{value}' is not a {what}{hint}: use one of {allowed}{extend}",
        "extend": ", or add it to the map's {whats} setting",
        "did_you_mean": " (did you mean '{name}'?)",
        "not_a_strength": "'{value}' is not a strength: use a whole number from 1 to 5",
        "not_a_score": "'{value}' is not a score: use a whole number from 1 to 4",
        "not_an_influence": "'{value}' is not an influence: use a whole number from 0 to 10",
        "not_an_order": "'{value}' is not a whole number: use 1, 2, 3 … to order the {ordered}",
        "not_a_count": "'{value}' is not a whole number: use 0, 1, 2 …",
        "empty_required": "{column} is empty: give every {thing} {article} {column}",
        "missing_column": "column {column} is missing: add it to the header row (accepted headers: {accepted})",
        "unknown_reference": "unknown {what} '{value}'{hint}: use an id from {where}",
        "several": "'{value}' could mean several {whats} ({ids}): write the id",
        "duplicate": "duplicate {key} '{value}' (also in row {row}): give each {thing} its own {key}",
        "no_header": "this column has values but no header: give it a name or delete it",
        "twice": "two columns are named '{header}': rename one of them",
        "both_mean": "columns '{first}' and '{header}' both mean {column}: keep one of them",
        "close_header": (
            "'{header}' is not a column we know, so it is kept as a custom field; it looks like {column}: "
            "if it means that, rename it {column}{others}"
        ),
        "or_headers": " (or {headers})",
        "until_before_since": "until {until} is before since {since}: correct or swap the dates",
        "to_itself": "a link from '{source}' to itself: source and target must differ",
        "unknown_setting": "unknown setting '{key}': use {settings}",
        "no_file": "no {role}.csv found: add a file named {role}.csv (or {other}.csv)",
        "no_section": "no {role} section found: add a list named {role}",
        "no_sheet": "no sheet named {name} found: name a sheet {name} (or {other})",
        "found_instead": "; found: {found}",
        "valid": "{source} is valid: {counts}.",
        "error": "Error",
        "warning": "Warning",
        "found": "{problems} found{outcome}.",
        "nothing_written": "; nothing was written",
        "warned": "{warnings}: the map is valid, but see whether these were meant.",
        "summary": "Warning: {warnings} about {source} (a column that looks like one of ours is kept as a custom "
        "field): run stakeholders validate {source} to see them.",
    },
    "nl": {
        "not_a_position": (
            "'{value}' is geen positie: schrijf een getal (pixels, hooguit {limit} van 0) of maak het leeg"
        ),
        "pin_both": "een organisatie wordt vastgezet met x én y: vul ook {missing} in, of maak beide leeg",
        "not_a_date": "'{value}' is geen datum: {why}",
        "date_formats": "schrijf hem als JJJJ-MM-DD, JJJJ-MM of JJJJ (of DD-MM-JJJJ)",
        "no_such_day": "{month} heeft geen {day} dagen",
        "not_leap": "{year} is geen schrikkeljaar: februari {year} heeft 28 dagen",
        "no_such_month": "er is geen maand {month}: de maanden lopen van 1 tot en met 12",
        "no_day_zero": "er is geen dag 0: de dagen beginnen bij 1",
        "year_range": "het jaar {year} kan niet: schrijf een jaar van vier cijfers, van 1000 tot en met 9999",
        "not_a_term": "'{value}' is geen {what}{hint}: kies uit {allowed}{extend}",
        "extend": ", of voeg hem toe aan de instelling {whats} van de kaart",
        "did_you_mean": " (bedoelt u '{name}'?)",
        "not_a_strength": "'{value}' is geen sterkte: gebruik een heel getal van 1 tot en met 5",
        "not_a_score": "'{value}' is geen score: gebruik een heel getal van 1 tot en met 4",
        "not_an_influence": "'{value}' is geen invloed: gebruik een heel getal van 0 tot en met 10",
        "not_an_order": "'{value}' is geen heel getal: gebruik 1, 2, 3 … om de {ordered} te ordenen",
        "not_a_count": "'{value}' is geen heel getal: gebruik 0, 1, 2 …",
        "empty_required": "{column} is leeg: geef elke {thing} een {column}",
        "missing_column": "kolom {column} ontbreekt: zet hem in de kopregel (geldige koppen: {accepted})",
        "unknown_reference": "onbekende {what} '{value}'{hint}: gebruik een id uit {where}",
        "several": "'{value}' kan meerdere {whats} betekenen ({ids}): schrijf de id",
        "duplicate": "{key} '{value}' komt dubbel voor (ook in rij {row}): geef elke {thing} een eigen {key}",
        "no_header": "deze kolom heeft waarden maar geen kop: geef hem een naam of verwijder hem",
        "twice": "twee kolommen heten '{header}': geef een van beide een andere naam",
        "both_mean": "de kolommen '{first}' en '{header}' betekenen allebei {column}: houd er één van",
        "close_header": (
            "'{header}' is geen kolom die we kennen en blijft dus een eigen veld; het lijkt op {column}: "
            "bedoelt u dat, noem de kolom dan {column}{others}"
        ),
        "or_headers": " (of {headers})",
        "until_before_since": "tot {until} ligt voor sinds {since}: verbeter of verwissel de data",
        "to_itself": "een verbinding van '{source}' naar zichzelf: van en naar moeten verschillen",
        "unknown_setting": "onbekende instelling '{key}': gebruik {settings}",
        "no_file": "geen {role}.csv gevonden: voeg een bestand {role}.csv toe (of {other}.csv)",
        "no_section": "geen sectie {role} gevonden: voeg een lijst {role} toe",
        "no_sheet": "geen blad {name} gevonden: noem een blad {name} (of {other})",
        "found_instead": "; gevonden: {found}",
        "valid": "{source} is in orde: {counts}.",
        "error": "Fout",
        "warning": "Waarschuwing",
        "found": "{problems} gevonden{outcome}.",
        "nothing_written": "; er is niets geschreven",
        "warned": "{warnings}: de kaart is in orde, maar kijk of dit zo bedoeld is.",
        "summary": "Waarschuwing: {warnings} over {source} (een kolom die op een van de onze lijkt, blijft een "
        "eigen veld): stakeholders validate {source} laat ze zien.",
    },
}
"""Every message of validation that has been put into words in both languages, by key."""


MESSAGES["en"].update(
    {
        "this_header": "this header {problem}",
        "setting_name": "the name of this setting {problem}",
        "too_long": "this text has {length} characters, more than {most}: shorten it",
        "lone_surrogate": "contains an invalid character (lone surrogate {code}): remove it",
        "control_character": "contains the control character {code}: remove it (retype the text if you cannot see it)",
        "id_pipe": "id '{value}' contains '|': ids may not contain '|'",
        "not_an_org_column": "'{value}' is not a column of the organisations: use one of {columns}",
        "cannot_size": "cannot size by '{value}': use {metrics} or a column of numbers",
        "cannot_size_text": "cannot size by '{value}': '{bad}' is not a number; use a column of numbers",
        "no_script": "barriers need the phases of a script: {what}",
        "no_script_folder": "add a file named script.csv with a row for each phase",
        "no_script_data": "add a list named script with an item for each phase",
        "no_script_workbook": "add a sheet named Script (or Delictscript) with a row for each phase",
        "owner_and_partner": "'{value}' is both an owner and a partner of this barrier: keep it in one of the two",
        "not_an_audience": "'{value}' is not an audience: use one of {allowed}",
        "not_yes_no": "'{value}' is not yes or no: write yes or no",
        "not_a_language": "'{value}' is not a language: write en or nl",
        "cannot_hide": "'{value}' cannot be hidden: every map needs its {column}s",
        "not_a_column_of": "'{value}' is not a column of the {where}: use one of {known}",
        "or": "or",
        "needs_no_connections": "a map needs organisations, and {this} {part} has no connections to take them from: "
        "add a row for each connection, or a sheet of elements",
        "needs_none": "a map needs organisations, and {this} {part} has none: add {article} {row} for each "
        "organisation",
        "needs_empty": "a map needs organisations, and {this} {part} is empty: add a header row (id, name) and a row "
        "for each organisation",
    }
)
MESSAGES["nl"].update(
    {
        "this_header": "deze kop {problem}",
        "setting_name": "de naam van deze instelling {problem}",
        "too_long": "deze tekst heeft {length} tekens, meer dan {most}: maak hem korter",
        "lone_surrogate": "bevat een ongeldig teken (los surrogaat {code}): verwijder het",
        "control_character": "bevat het stuurteken {code}: verwijder het (typ de tekst opnieuw als u het niet ziet)",
        "id_pipe": "id '{value}' bevat '|': een id mag geen '|' bevatten",
        "not_an_org_column": "'{value}' is geen kolom van de organisaties: kies uit {columns}",
        "cannot_size": "kan de grootte niet naar '{value}' zetten: kies uit {metrics} of een kolom met getallen",
        "cannot_size_text": (
            "kan de grootte niet naar '{value}' zetten: '{bad}' is geen getal; gebruik een kolom met getallen"
        ),
        "no_script": "barrières hebben de fasen van een delictscript nodig: {what}",
        "no_script_folder": "voeg een bestand script.csv toe met een rij voor elke fase",
        "no_script_data": "voeg een lijst script toe met een item voor elke fase",
        "no_script_workbook": "voeg een blad Delictscript (of Script) toe met een rij voor elke fase",
        "owner_and_partner": "'{value}' is zowel eigenaar als partner van deze barrière: houd hem bij één van beide",
        "not_an_audience": "'{value}' is geen publiek: kies uit {allowed}",
        "not_yes_no": "'{value}' is geen ja of nee: schrijf ja of nee",
        "not_a_language": "'{value}' is geen taal: schrijf nl of en",
        "cannot_hide": "'{value}' kan niet verborgen worden: elke kaart heeft de kolom {column} nodig",
        "not_a_column_of": "'{value}' is geen kolom van de {where}: kies uit {known}",
        "or": "of",
        "needs_no_connections": "een kaart heeft organisaties nodig, en {this} {part} heeft geen verbindingen om ze "
        "uit te halen: voeg een rij toe voor elke verbinding, of een blad met elementen",
        "needs_none": "een kaart heeft organisaties nodig, en {this} {part} heeft er geen: voeg een {row} toe voor "
        "elke organisatie",
        "needs_empty": "een kaart heeft organisaties nodig, en {this} {part} is leeg: voeg een kopregel (id, naam) "
        "toe en een rij voor elke organisatie",
    }
)
"""Text problems, views, barriers and settings, in both languages."""


NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        noun: (noun, f"{noun}s")
        for noun in (
            "organisation",
            "link",
            "stage",
            "phase",
            "barrier",
            "problem",
            "warning",
            "column",
            "source",
            "disagreement",
        )
    },
    "nl": {
        "organisation": ("organisatie", "organisaties"),
        "link": ("verbinding", "verbindingen"),
        "stage": ("stap", "stappen"),
        "phase": ("fase", "fasen"),
        "barrier": ("barrière", "barrières"),
        "problem": ("probleem", "problemen"),
        "warning": ("waarschuwing", "waarschuwingen"),
        "column": ("kolom", "kolommen"),
        "source": ("bron", "bronnen"),
        "disagreement": ("verschil", "verschillen"),
    },
}
"""The nouns validation and the command line count, (one, many), by language."""


def count(lang: str | None, n: int, noun: str) -> str:
    """``n`` with its noun in ``lang``, thousands grouped as the language groups them.

    >>> count("en", 1234, "organisation"), count("nl", 1234, "organisation"), count("nl", 1, "warning")
    ('1,234 organisations', '1.234 organisaties', '1 waarschuwing')
    """
    nl = lang == "nl"
    one, many = NOUNS["nl" if nl else "en"][noun]
    number = f"{n:,}".replace(",", ".") if nl else f"{n:,}"
    return f"{number} {one if n == 1 else many}"


def say(lang: str | None, key: str, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (English unless ``nl``), filled with ``values``.

    >>> say("en", "no_such_day", month="February", day=31, suffix="st")
    'February has no 31st day'
    """
    return MESSAGES["nl" if lang == "nl" else "en"][key].format(**values)
