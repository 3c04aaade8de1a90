"""The command line's own words in English and Dutch: its notes, its success lines, the live server's banner.

Offered by :mod:`stakeholders.i18n` as ``CLI_WORDS``; the commands pick a
language with :func:`stakeholders._cli_options.output_language`.

>>> sorted(CLI_WORDS["en"]) == sorted(CLI_WORDS["nl"])
True
>>> CLI_WORDS["nl"]["wrote"].format(path="kaart.html", shown="3 organisaties")
'kaart.html geschreven (3 organisaties).'
"""

from __future__ import annotations

from ._validation_words import NOUNS  # one table of counted nouns for validation and the command line

__all__ = ["CLI_WORDS", "NOUNS", "count_of"]

CLI_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "thousands": ",",
        "and": "and",
        "wrote": "Wrote {path} ({shown}).",
        "kept_positions": "Kept the positions of {count} in {path}.",
        "wrote_plain": "Wrote {path}.",
        "as_of": "{counts} as of {date}",
        "barrier_counts": "{barriers} at {phases}; {counts}",
        "view": "view {name}: {counts}",
        "source_as_of": "{name} as of {date}",
        "left_out": "Note: for the audience {audience}, {listed} marked for a wider circle{why} were left out "
        "(see --audience).",
        "left_out_barriers": " (or raised only by organisations left out)",
        "note": "Note: {note}",
        "undated_hide_one": "{note}; --undated hide leaves it out.",
        "undated_hide_many": "{note}; --undated hide leaves them out.",
        "unused_layouts": "Warning: every step keeps the map's own layout, so the layout of {views} is not used.",
        "reading": "Reading {path}",
        "analysing": "Analysing: {step}",
        "serving": "Serving {source} at {url} — press Ctrl-C to stop.",
        "serve_problems": "{problems} in the source; the map appears once it is saved without them.",
        "stopped": "Stopped.",
        "banner_title": "{problems} in the source: showing the last good map",
        "banner_validate": "Run `stakeholders validate {source}` on your own computer to see them "
        "(they are not shown here: they may quote what this audience may not see).",
        "waiting_title": "Waiting for {source}",
        "waiting_message": "The source has problems (see above); the map appears as soon as it is saved without them.",
    },
    "nl": {
        "thousands": ".",
        "and": "en",
        "wrote": "{path} geschreven ({shown}).",
        "kept_positions": "De posities van {count} bewaard in {path}.",
        "wrote_plain": "{path} geschreven.",
        "as_of": "{counts} op {date}",
        "barrier_counts": "{barriers} in {phases}; {counts}",
        "view": "weergave {name}: {counts}",
        "source_as_of": "{name} op {date}",
        "left_out": "Let op: voor het publiek {audience} zijn {listed} weggelaten die voor een bredere kring "
        "gemarkeerd zijn{why} (zie --audience).",
        "left_out_barriers": " (of alleen door weggelaten organisaties opgeworpen)",
        "note": "Let op: {note}",
        "undated_hide_one": "{note}; --undated hide laat die weg.",
        "undated_hide_many": "{note}; --undated hide laat ze weg.",
        "unused_layouts": "Waarschuwing: elke stap houdt de indeling van de hele kaart, dus de indeling van "
        "{views} wordt niet gebruikt.",
        "reading": "{path} lezen",
        "analysing": "Analyseren: {step}",
        "serving": "{source} op {url} — druk op Ctrl-C om te stoppen.",
        "serve_problems": "{problems} in de bron; de kaart verschijnt zodra die zonder problemen is opgeslagen.",
        "stopped": "Gestopt.",
        "banner_title": "{problems} in de bron: de laatste goede kaart staat hieronder",
        "banner_validate": "Draai `stakeholders validate {source}` op je eigen computer om ze te zien "
        "(ze staan hier niet: ze kunnen citeren wat dit publiek niet mag zien).",
        "waiting_title": "Wachten op {source}",
        "waiting_message": "De bron heeft problemen (zie hierboven); de kaart verschijnt zodra die zonder problemen "
        "is opgeslagen.",
    },
}
"""The command line's sentences; ``{…}`` are filled in by the command."""


CLI_WORDS["en"].update(
    {
        "merged": "Wrote {path}: {organisations} ({matched} matched across sources), {links} ({confirmed} confirmed, "
        "{one_sided} one-sided) from {sources}.",
        "merge_conflicts": "{conflicts} kept side by side in {where}.",
        "conflicts_sheet": "its Conflicts sheet",
        "merge_no_respondent": "Note: {name} does not say which organisation filled it in, so its links confirm no "
        "end: add a respondent setting to its Map sheet, or give --as with one of its organisations.",
        "merge_uncertain": "Uncertain match ({reason}): '{name}' ({id}) in {source} and '{candidate_name}' "
        "({candidate}): kept apart; give both the same id to merge them.",
        "same-short-name": "same-short-name",
        "several-matches": "several-matches",
        "similar-name": "similar-name",
        "merge_nothing": "nothing to merge: give one or more sources",
        "writing_page": "Writing the page ({organisations}, {links})",
        "merge_names": "{names} names (--as) for {sources} sources: give at most one name per source, in order",
        "merge_respondent": "{source}: setting respondent: {problem}: name the organisation that filled this source in",
        "step figures": "figures",
        "step organisations": "organisations",
        "step risks": "risks",
        "step communities": "communities",
        "step stages": "stages",
        "step missing cooperation": "missing cooperation",
        "step barriers": "barriers",
        "step checks": "checks",
    }
)
CLI_WORDS["nl"].update(
    {
        "merged": "{path} geschreven: {organisations} ({matched} herkend in meer bronnen), {links} ({confirmed} "
        "bevestigd, {one_sided} van één kant) uit {sources}.",
        "merge_conflicts": "{conflicts} naast elkaar bewaard in {where}.",
        "conflicts_sheet": "het blad Conflicts",
        "merge_no_respondent": "Let op: {name} zegt niet welke organisatie het heeft ingevuld, dus de verbindingen "
        "ervan bevestigen geen kant: zet een instelling respondent in het blad Map, of geef --as met een van de "
        "organisaties ervan.",
        "merge_uncertain": "Onzekere overeenkomst ({reason}): '{name}' ({id}) in {source} en '{candidate_name}' "
        "({candidate}): apart gehouden; geef beide dezelfde id om ze samen te voegen.",
        "same-short-name": "zelfde korte naam",
        "several-matches": "meerdere kandidaten",
        "similar-name": "lijkende naam",
        "merge_nothing": "niets samen te voegen: geef een of meer bronnen",
        "writing_page": "De pagina schrijven ({organisations}, {links})",
        "merge_names": "{names} namen (--as) voor {sources} bronnen: geef hooguit één naam per bron, in volgorde",
        "merge_respondent": "{source}: instelling respondent: {problem}: noem de organisatie die deze bron heeft "
        "ingevuld",
        "step figures": "kerncijfers",
        "step organisations": "organisaties",
        "step risks": "risico's",
        "step communities": "groepen",
        "step stages": "stappen",
        "step missing cooperation": "ontbrekende samenwerking",
        "step barriers": "barrières",
        "step checks": "controles",
    }
)
"""The merge command's summary and notes; the analysis's progress steps (``step <name>``)."""


def count_of(count: int, noun: str, lang: str | None = None) -> str:
    """``count`` of a noun of :data:`NOUNS` in words, with the thousands written the language's way.

    >>> count_of(1, "organisation"), count_of(0, "link"), count_of(1200, "link", "nl"), count_of(1, "problem", "nl")
    ('1 organisation', '0 links', '1.200 verbindingen', '1 probleem')
    """
    lang = lang if lang in NOUNS else "en"
    one, many = NOUNS[lang].get(noun) or (noun, noun + "s")  # a noun without words of its own: English
    return f"{count:,}".replace(",", CLI_WORDS[lang]["thousands"]) + f" {one if count == 1 else many}"
