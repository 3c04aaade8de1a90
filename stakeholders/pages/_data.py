"""The data a page is drawn from (``window.stakeholdersMap``), and the legend it shows.

>>> from stakeholders import example_path, load_map
>>> data = map_data(load_map(example_path()), lang="nl")
>>> data["format"], data["lang"], len(data["layout"]["positions"]) == len(data["organisations"])
('stakeholders.map/1', 'nl', True)
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .._types import Progress
from .._version import __version__
from ..dates import MONTHS
from ..i18n import FIELD_LABELS, PAGE_WORDS, undated_note
from ..layout import positions as map_positions
from ..model import StakeholderMap
from ..schema import COLUMNS, CONFIRMATIONS, DIRECTIONS, EVIDENCE, LEVELS, SENSITIVITY, STANCES, STATUSES, Vocabulary
from ..style import NO_KIND_COLOUR, link_curves, style_table
from ..values import records

__all__ = ["DATA_FORMAT", "legend", "map_data"]

DATA_FORMAT = "stakeholders.map/1"
"""Identifies the shape of ``window.stakeholdersMap``; changes when the shape does."""


def _terms(vocabulary: Vocabulary, lang: str) -> list[dict[str, str]]:
    return [{"id": term_id, "label": vocabulary.label(term_id, lang)} for term_id in vocabulary.ids]


def _fields(m: StakeholderMap, table: str, lang: str) -> list[dict[str, str]]:
    names = [c.name for c in COLUMNS[table]] + list(m.custom_columns.get(table, ()))
    labels = FIELD_LABELS[lang]
    return [{"name": name, "label": labels.get(name, name.replace("_", " ").capitalize())} for name in names]


def map_data(m: StakeholderMap, *, lang: str | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """The data object a page is drawn from, exposed there as ``window.stakeholdersMap``.

    Keys: ``format``; ``title``, ``date``, ``source_note``, ``description``, ``goal``;
    ``lang`` (the page's language) and ``names_lang`` (set when a language was
    asked for: names, descriptions and stage names then come from
    ``name_<lang>``, ``description_<lang>`` columns where the data has them);
    ``organisations``, ``links`` and ``stages`` (one object per row with every
    non-empty field, custom fields included: a missing field is an empty
    one); ``fields`` (field names and labels per table, in display order);
    ``vocabularies`` (ids and labels); ``style`` (colours and shapes by id);
    ``layout`` (``positions``: id → [x, y]; ``curves``: link id → curvature
    for parallel links); ``words`` (the page's own words); ``view`` (the
    caption of the view drawn, or None); ``audience`` (who the page is for)
    and ``hidden`` (how many organisations and links, and barriers when the
    map has any, that audience does not see, only when the source allows
    saying so, else None); ``undated`` (on a
    map as of a date with organisations or links that have no dates: their
    counts, whether they are ``shown``, the dated ``links_taken`` with them
    when not, and the ``note`` that says so; else None). Positions come
    from :func:`stakeholders.layout.positions` (the layout cache, when it has them);
    ``progress`` hears about long steps.
    """
    page_lang = lang if lang in PAGE_WORDS else "en"
    organisations = records(m.organisations, drop_empty=True)
    links = records(m.links, drop_empty=True)
    positions = map_positions(m, progress=progress)
    settings = m.settings
    return {
        "format": DATA_FORMAT,
        "generator": f"stakeholders {__version__}",
        "title": settings.title,
        "date": settings.date,
        "source_note": settings.source_note,
        "description": settings.description,
        "goal": settings.goal,
        "lang": page_lang,
        "names_lang": lang or "",
        "organisations": organisations,
        "links": links,
        "stages": records(m.stages, drop_empty=True),
        "fields": {table: _fields(m, table, page_lang) for table in ("organisations", "links", "stages")},
        "vocabularies": {
            "sector": _terms(settings.sectors, page_lang),
            "level": _terms(LEVELS, page_lang),
            "kind": _terms(settings.kinds, page_lang),
            "direction": _terms(DIRECTIONS, page_lang),
            "status": _terms(STATUSES, page_lang),
            "evidence": _terms(EVIDENCE, page_lang),
            "sensitivity": _terms(SENSITIVITY, page_lang),
            "confirmation": _terms(CONFIRMATIONS, page_lang),
            "stance": _terms(STANCES, page_lang),
        },
        "style": style_table(settings.sectors, settings.kinds),
        "layout": {
            "positions": {node: list(xy) for node, xy in positions.items()},
            "curves": link_curves(links),
        },
        "words": {**PAGE_WORDS[page_lang], "months": "|".join(MONTHS[page_lang])},
        "view": None,
        "audience": m.audience,
        "hidden": m.hidden if settings.show_hidden_counts and any(m.hidden.values()) else None,
        "undated": _undated(m, PAGE_WORDS[page_lang]),
    }


def _undated(m: StakeholderMap, page_words: dict[str, str]) -> dict[str, Any] | None:
    """What the map's as-of date did with its rows that have no dates, with the note that says so.

    None for a map not taken as of a date, or with nothing to say.
    """
    record = m.undated
    if record is None:
        return None
    counts = {
        "organisations": len(record.organisations),
        "links": len(record.links),
        "links_taken": len(record.links_taken),
    }
    state = "shown" if record.shown else "left_out"
    note = undated_note(page_words, counts["organisations"], counts["links"], state, taken=counts["links_taken"])
    return {**counts, "shown": record.shown, "note": note} if note else None


def legend(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Legend entries for the values present in the map, with counts."""

    def present(rows: list[dict[str, Any]], field: str, terms: list[dict[str, str]]) -> list[dict[str, Any]]:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.get(field) or ""] = counts.get(row.get(field) or "", 0) + 1
        entries = [{"id": t["id"], "label": t["label"], "count": counts[t["id"]]} for t in terms if t["id"] in counts]
        if "" in counts:
            entries.append({"id": "", "label": words["not_stated"], "count": counts[""]})
        return entries

    orgs, links, vocab, words = data["organisations"], data["links"], data["vocabularies"], data["words"]
    sectors = present(orgs, "sector", vocab["sector"])
    for entry in sectors:
        entry["colour"] = data["style"]["sector"].get(entry["id"], "#FFFFFF")
    levels = present(orgs, "level", vocab["level"])
    for entry in levels:
        entry["shape"] = data["style"]["level"][entry["id"]]
    kinds = present(links, "kind", vocab["kind"])
    for entry in kinds:
        entry["colour"] = data["style"]["kind"].get(entry["id"], "#333333")
    used = {(link.get("status"), link.get("evidence") in ("unverified", "inferred")) for link in links}
    dashes = data["style"]["dashes"]

    def line(label: str, pattern: str | None, colour: str = NO_KIND_COLOUR) -> dict[str, str]:
        return {
            "label": words[label],
            "dashes": " ".join(map(str, dashes[pattern])) if pattern else "",
            "colour": colour,
        }

    lines = [line("line_active", None)]
    if any(status == "planned" for status, _ in used):
        lines.append(line("line_planned", "planned"))
    if any(status == "lapsed" for status, _ in used):
        lines.append(line("line_lapsed", "lapsed", data["style"]["lapsed"]))
    if any(unverified for _, unverified in used):
        lines.append(line("line_unverified", "unverified"))
    if any(link.get("confirmation") == "one-sided" for link in links):
        lines.append(line("line_one_sided", "one-sided"))
    highlight = []
    if data.get("highlight"):
        field = data["highlight"]["field"]
        by_id = data["highlight"].get("by_id")
        in_orgs = Counter((by_id.get(row["id"], "") if by_id else row.get(field)) or "" for row in orgs)
        in_links = Counter(row.get(field) or "" for row in links)
        highlight = [
            {**value, "count": f"{in_orgs[value['id']]} / {in_links[value['id']]}"}
            for value in data["highlight"]["values"]
        ]
    return {"sectors": sectors, "levels": levels, "kinds": kinds, "lines": lines, "highlight": highlight}
