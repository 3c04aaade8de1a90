"""The bundled example stays sourced, dated and honest: every row names a source or says it has none,
the README beside the data counts what is in it and lists every source, and no weak source creeps back in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from stakeholders import as_of, example_path, load_map

EXAMPLE = example_path()
README = EXAMPLE / "README.md"
WEAK_SOURCES = ("cassiopaea", "netlify.app", "wikimili", "studylib", "adoc.pub", "docplayer")
"""Domains the domain review found cited as sources and judged unfit: a conspiracy forum, a spam mirror,
a wiki mirror and document-sharing copies."""

URL = re.compile(r"https?://[^\s;]+")
KEY = re.compile(r"\bS\d+b?\b")
MARKED = {"unverified", "inferred"}


def unsourced(frame: pd.DataFrame) -> list[str]:
    """Ids of rows with neither a URL in ``source_ref`` nor an ``unverified``/``inferred`` mark.

    >>> unsourced(pd.DataFrame({"id": ["a", "b", "c"], "source_ref": ["S1 https://x.nl", "", ""],
    ...                         "evidence": ["documented", "unverified", "documented"]}))
    ['c']
    """
    has_url = frame["source_ref"].fillna("").str.contains(URL)
    return sorted(frame.loc[~has_url & ~frame["evidence"].isin(MARKED), "id"])


def data_counts(folder: Path) -> dict[str, int]:
    """What the README should say about the data in ``folder``."""
    m = load_map(folder)
    orgs, links, phases, barriers = m.organisations, m.links, m.script, m.barriers
    counts = {"organisations": len(orgs), "links": len(links), "phases": len(phases), "barriers": len(barriers)}
    for table, frame in (("organisations", orgs), ("links", links), ("phases", phases), ("barriers", barriers)):
        for evidence in ("documented", "unverified", "inferred"):
            counts[f"{table} {evidence}"] = int((frame["evidence"] == evidence).sum())
    for status in ("active", "lapsed"):
        counts[f"links {status}"] = int((links["status"] == status).sum())
    counts["links checked"] = int((links["last_checked"].fillna("") != "").sum())
    for status in ("in-place", "planned", "proposed", "lapsed"):
        counts[f"barriers {status}"] = int((barriers["status"] == status).sum())
    return counts


ORG_COUNTS = ("organisations", "organisations documented", "organisations unverified", "organisations inferred")
LINK_COUNTS = (
    "links",
    "links documented",
    "links unverified",
    "links inferred",
    "links active",
    "links lapsed",
    "links checked",
)
PHASE_COUNTS = ("phases", "phases documented", "phases unverified", "phases inferred")
BARRIER_COUNTS = (
    "barriers",
    "barriers documented",
    "barriers unverified",
    "barriers inferred",
    "barriers in-place",
    "barriers planned",
    "barriers proposed",
    "barriers lapsed",
)


def readme_counts(text: str) -> dict[str, int]:
    """The counts the README states in its list of files.

    >>> readme_counts("- `organisations.csv`: 3 organisations (2 documented, 1 unverified, 0 inferred)")
    {'organisations': 3, 'organisations documented': 2, 'organisations unverified': 1, 'organisations inferred': 0}
    """
    counts: dict[str, int] = {}
    orgs = re.search(
        r"`organisations\.csv`: (\d+) organisations \((\d+) documented, (\d+) unverified, (\d+) inferred\)", text
    )
    if orgs:
        counts.update(zip(ORG_COUNTS, map(int, orgs.groups()), strict=True))
    links = re.search(
        r"`links\.csv`: (\d+) links \((\d+) documented, (\d+) unverified, (\d+) inferred\); "
        r"(\d+) active, (\d+) lapsed; (\d+) with a `last_checked` date",
        text,
    )
    if links:
        counts.update(zip(LINK_COUNTS, map(int, links.groups()), strict=True))
    phases = re.search(r"`script\.csv`: (\d+) phases \((\d+) documented, (\d+) unverified, (\d+) inferred\)", text)
    if phases:
        counts.update(zip(PHASE_COUNTS, map(int, phases.groups()), strict=True))
    barriers = re.search(
        r"`barriers\.csv`: (\d+) barriers \((\d+) documented, (\d+) unverified, (\d+) inferred\); "
        r"(\d+) in place, (\d+) planned, (\d+) proposed, (\d+) lapsed",
        text,
    )
    if barriers:
        counts.update(zip(BARRIER_COUNTS, map(int, barriers.groups()), strict=True))
    return counts


def readme_sources(text: str) -> dict[str, str]:
    """Source key → the README's entry for it (its line and the URL lines under it)."""
    section = text[text.index("\n## Sources") :]
    entries = re.split(r"\n(?=- \*\*S\d+b?\*\*)", section)
    return {re.match(r"- \*\*(S\d+b?)\*\*", entry).group(1): entry for entry in entries if entry.startswith("- **S")}


def weak_sources(folder: Path) -> list[str]:
    """``file: domain`` for every weak source domain mentioned in the files of ``folder``."""
    return [
        f"{path.name}: {domain}"
        for path in sorted(folder.iterdir())
        for domain in WEAK_SOURCES
        if domain in path.read_text(encoding="utf-8").lower()
    ]


def cited(folder: Path) -> tuple[set[str], set[str]]:
    """The source keys and URLs in ``source_ref`` of the organisations, links, phases and barriers of ``folder``."""
    m = load_map(folder)
    tables = (m.organisations, m.links, m.script, m.barriers)
    refs = " ; ".join(pd.concat([table["source_ref"] for table in tables]).fillna(""))
    return set(KEY.findall(refs)), {url.rstrip(".,)") for url in URL.findall(refs)}


def test_every_row_names_a_source_or_says_it_has_none() -> None:
    m = load_map(EXAMPLE)
    assert unsourced(m.links) == []
    assert unsourced(m.organisations) == []
    assert unsourced(m.script) == [] and unsourced(m.barriers) == []
    assert len(m.script) == 4 and 15 <= len(m.barriers) <= 30
    marked = m.links[m.links["evidence"].isin(MARKED)]
    assert len(marked) >= 5 and marked["notes"].str.len().gt(40).all()  # each says why it is not documented


def test_a_row_without_a_source_is_found(tmp_path: Path) -> None:
    folder = shutil.copytree(EXAMPLE, tmp_path / "copy")
    links = pd.read_csv(folder / "links.csv", dtype=str, keep_default_na=False)
    links.loc[links["id"] == "L013", "source_ref"] = ""
    links.to_csv(folder / "links.csv", index=False)
    barriers = pd.read_csv(folder / "barriers.csv", dtype=str, keep_default_na=False)
    barriers.loc[barriers["id"] == "photodna", "source_ref"] = "S50"  # a key without its address
    barriers.to_csv(folder / "barriers.csv", index=False)
    m = load_map(folder)
    assert unsourced(m.links) == ["L013"] and unsourced(m.barriers) == ["photodna"]


def test_every_barrier_owner_and_partner_is_an_organisation_of_the_example() -> None:
    m = load_map(EXAMPLE, audience="internal")
    named = {ident for column in ("owners", "partners") for idents in m.barriers[column] for ident in idents}
    assert named <= set(m.organisations["id"])
    assert set(m.barriers["phase"].explode()) == set(m.script["id"])  # every phase has a barrier, none is unknown


def test_the_readme_counts_what_is_in_the_data() -> None:
    stated = readme_counts(README.read_text(encoding="utf-8"))
    assert stated == data_counts(EXAMPLE)
    assert stated["organisations"] > 0 and stated["links"] > 0 and stated["barriers"] > 0


def test_a_readme_with_stale_counts_is_found(tmp_path: Path) -> None:
    folder = shutil.copytree(EXAMPLE, tmp_path / "copy")
    links = pd.read_csv(folder / "links.csv", dtype=str, keep_default_na=False)
    links.iloc[:-1].to_csv(folder / "links.csv", index=False)  # one link fewer than the README says
    stated, actual = readme_counts((folder / "README.md").read_text(encoding="utf-8")), data_counts(folder)
    assert stated != actual and stated["links"] == actual["links"] + 1


def test_every_cited_source_is_listed_with_its_retrieval_date() -> None:
    listed = readme_sources(README.read_text(encoding="utf-8"))
    keys, urls = cited(EXAMPLE)
    assert keys == set(listed)  # every key the data cites is listed, and the README lists no unused key
    listed_urls = {url.rstrip(".,)") for entry in listed.values() for url in URL.findall(entry)}
    assert urls <= listed_urls
    assert all(re.search(r"\(retrieved [^)]*\d{4}-\d{2}-\d{2}", entry) for entry in listed.values())


def test_no_weak_source_is_cited() -> None:
    assert weak_sources(EXAMPLE) == []


@pytest.mark.parametrize("domain", WEAK_SOURCES)
def test_a_weak_source_is_found(tmp_path: Path, domain: str) -> None:
    folder = shutil.copytree(EXAMPLE, tmp_path / "copy")
    links = (folder / "links.csv").read_text(encoding="utf-8")
    (folder / "links.csv").write_text(links.replace("https://www.nrc.nl/", f"https://{domain}/", 1), encoding="utf-8")
    assert weak_sources(folder) == [f"links.csv: {domain}"]


def test_the_map_is_dated_by_its_last_check_and_ended_cooperation_is_lapsed() -> None:
    m = load_map(EXAMPLE)
    checked = m.links["last_checked"].fillna("")
    assert m.settings.date == max(checked) == "2026-12-07"
    ended = m.links[(m.links["until"].fillna("") != "") & (m.links["until"].fillna("") < m.settings.date[:4])]
    assert len(ended) > 10 and (ended["status"] == "lapsed").all()


def test_the_network_grows_over_time() -> None:
    m = load_map(EXAMPLE)
    sizes = [len(as_of(m, year).organisations) for year in ("1995", "2005", "2015", "2026")]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1] == len(m.organisations)
