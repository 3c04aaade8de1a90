"""Validation in the user's language: messages, allowed values, did-you-mean, Dutch short forms, warnings, dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from stakeholders.audience import AUDIENCES
from stakeholders.cli import cli
from stakeholders.load import check_source, example_path, load_map
from tests.conftest import write_folder, write_workbook

ORGS = [["id", "naam"], ["pol", "Politie"], ["rn", "Reclassering"]]
LINKS = [["van", "naar"], ["pol", "rn"]]


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages' language comes from --lang, the map or the locale: these tests set it themselves."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def _messages(folder: Path, lang: str) -> list[str]:
    return [str(problem) for problem in check_source(folder, lang=lang)]


CASES = [
    # (organisations, links, English message, Dutch message)
    (
        [["id", "naam", "sector"], ["pol", "Politie", "reclasering"]],
        LINKS[:1],
        "organisations.csv, row 2, column sector: 'reclasering' is not a sector (did you mean 'reclassering'?): use "
        "one of police, justice, probation, care, prevention, victim-support, hotline, industry, research, "
        "government, international, ngo, or add it to the map's sectors setting",
        "organisations.csv, rij 2, kolom sector: 'reclasering' is geen sector (bedoelt u 'reclassering'?): kies uit "
        "politie, justitie, reclassering, zorg, preventie, slachtofferhulp, meldpunt, bedrijfsleven, onderzoek, "
        "overheid, internationaal, maatschappelijke organisatie, of voeg hem toe aan de instelling sectoren van de "
        "kaart",
    ),
    (
        [["id", "naam", "niveau"], ["pol", "Politie", "beleidd"]],
        LINKS[:1],
        "organisations.csv, row 2, column niveau: 'beleidd' is not a level (did you mean 'beleid'?): use one of "
        "policy, operational, both",
        "organisations.csv, rij 2, kolom niveau: 'beleidd' is geen niveau (bedoelt u 'beleid'?): kies uit beleid, "
        "operationeel, beleid en uitvoering",
    ),
    (
        [["id", "naam", "sinds"], ["pol", "Politie", "31-02-2021"]],
        LINKS[:1],
        "organisations.csv, row 2, column sinds: '31-02-2021' is not a date: February has no 31st day",
        "organisations.csv, rij 2, kolom sinds: '31-02-2021' is geen datum: februari heeft geen 31 dagen",
    ),
    (
        [["id", "naam", "sinds"], ["pol", "Politie", "29-02-2021"]],
        LINKS[:1],
        "organisations.csv, row 2, column sinds: '29-02-2021' is not a date: 2021 is not a leap year: February 2021 "
        "has 28 days",
        "organisations.csv, rij 2, kolom sinds: '29-02-2021' is geen datum: 2021 is geen schrikkeljaar: februari "
        "2021 heeft 28 dagen",
    ),
    (
        [["id", "naam", "tot"], ["pol", "Politie", "2021-13"]],
        LINKS[:1],
        "organisations.csv, row 2, column tot: '2021-13' is not a date: there is no month 13: months run from 1 to 12",
        "organisations.csv, rij 2, kolom tot: '2021-13' is geen datum: er is geen maand 13: de maanden lopen van 1 "
        "tot en met 12",
    ),
    (
        [["id", "naam", "sinds"], ["pol", "Politie", "00-04-2021"]],
        LINKS[:1],
        "organisations.csv, row 2, column sinds: '00-04-2021' is not a date: there is no day 0: days start at 1",
        "organisations.csv, rij 2, kolom sinds: '00-04-2021' is geen datum: er is geen dag 0: de dagen beginnen bij 1",
    ),
    (
        [["id", "naam", "sinds"], ["pol", "Politie", "31-04-0999"]],
        LINKS[:1],
        "organisations.csv, row 2, column sinds: '31-04-0999' is not a date: the year 999 is out of range: write a "
        "year with four digits, from 1000 to 9999",
        "organisations.csv, rij 2, kolom sinds: '31-04-0999' is geen datum: het jaar 999 kan niet: schrijf een jaar "
        "van vier cijfers, van 1000 tot en met 9999",
    ),
    (
        [["id", "naam", "sinds"], ["pol", "Politie", "sinds kort"]],
        LINKS[:1],
        "organisations.csv, row 2, column sinds: 'sinds kort' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY",
        "organisations.csv, rij 2, kolom sinds: 'sinds kort' is geen datum: schrijf hem als JJJJ-MM-DD, JJJJ-MM of "
        "JJJJ (of DD-MM-JJJJ)",
    ),
    (
        ORGS,
        [["van", "naar", "sterkte"], ["pol", "rn", "9"]],
        "links.csv, row 2, column sterkte: '9' is not a strength: use a whole number from 1 to 5",
        "links.csv, rij 2, kolom sterkte: '9' is geen sterkte: gebruik een heel getal van 1 tot en met 5",
    ),
    (
        [["id", "naam"], ["pol", ""]],
        [["van", "naar"]],
        "organisations.csv, row 2, column naam: name is empty: give every organisation a name",
        "organisations.csv, rij 2, kolom naam: name is leeg: geef elke organisatie een name",
    ),
    (
        [["id"], ["pol"]],
        [["van", "naar"]],
        "organisations.csv, row 1: column name is missing: add it to the header row (accepted headers: name, naam, "
        "organisation, organisatie, organization, label)",
        "organisations.csv, rij 1: kolom name ontbreekt: zet hem in de kopregel (geldige koppen: name, naam, "
        "organisation, organisatie, organization, label)",
    ),
    (
        ORGS,
        [["van", "naar"], ["pol", "rnn"]],
        "links.csv, row 2, column naar: unknown organisation 'rnn' (did you mean 'rn'?): use an id from the "
        "organisations table",
        "links.csv, rij 2, kolom naar: onbekende organisatie 'rnn' (bedoelt u 'rn'?): gebruik een id uit het blad "
        "Organisaties",
    ),
    (
        [["id", "naam"], ["a", "Politie"], ["b", "Politie"]],
        [["van", "naar"], ["politie", "a"]],
        "links.csv, row 2, column van: 'politie' could mean several organisations (a, b): write the id",
        "links.csv, rij 2, kolom van: 'politie' kan meerdere organisaties betekenen (a, b): schrijf de id",
    ),
    (
        [["id", "naam"], ["pol", "Politie"], ["pol", "Politie 2"]],
        [["van", "naar"]],
        "organisations.csv, row 3, column id: duplicate id 'pol' (also in row 2): give each organisation its own id",
        "organisations.csv, rij 3, kolom id: id 'pol' komt dubbel voor (ook in rij 2): geef elke organisatie een "
        "eigen id",
    ),
    (
        [["id", "naam", ""], ["pol", "Politie", "x"]],
        [["van", "naar"]],
        "organisations.csv, row 1, column C: this column has values but no header: give it a name or delete it",
        "organisations.csv, rij 1, kolom C: deze kolom heeft waarden maar geen kop: geef hem een naam of verwijder hem",
    ),
    (
        [["id", "naam", "x", "x"], ["pol", "Politie", "", ""]],
        [["van", "naar"]],
        "organisations.csv, row 1, column x: two columns are named 'x': rename one of them",
        "organisations.csv, rij 1, kolom x: twee kolommen heten 'x': geef een van beide een andere naam",
    ),
    (
        [["id", "naam", "name"], ["pol", "Politie", "Politie"]],
        [["van", "naar"]],
        "organisations.csv, row 1, column name: columns 'naam' and 'name' both mean name: keep one of them",
        "organisations.csv, rij 1, kolom name: de kolommen 'naam' en 'name' betekenen allebei name: houd er één van",
    ),
    (
        ORGS,
        [["van", "naar", "stappen"], ["pol", "rn", ""]],  # no stages column in links: a custom column, no warning
        None,
        None,
    ),
]


@pytest.mark.parametrize(("orgs", "links", "english", "dutch"), CASES)
def test_every_message_in_english_and_dutch(
    tmp_path: Path, orgs: list[list[str]], links: list[list[str]], english: str | None, dutch: str | None
) -> None:
    folder = write_folder(tmp_path / "map", {"organisations": orgs, "links": links})
    assert _messages(folder, "en") == ([english] if english else [])
    assert _messages(folder, "nl") == ([dutch] if dutch else [])


def test_the_language_comes_from_the_option_the_map_and_the_locale(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    orgs = [["id", "naam", "sinds"], ["pol", "Politie", "31-02-2021"]]
    folder = write_folder(tmp_path / "map", {"organisations": orgs, "links": LINKS[:1]})
    english = "Error: organisations.csv, row 2, column sinds: '31-02-2021' is not a date: February has no 31st day"
    dutch = "Fout: organisations.csv, rij 2, kolom sinds: '31-02-2021' is geen datum: februari heeft geen 31 dagen"
    assert runner.invoke(cli, ["validate", str(folder)]).stderr.splitlines() == [english, "1 problem found."]
    assert runner.invoke(cli, ["validate", str(folder), "--lang", "nl"]).stderr.splitlines() == [
        dutch,
        "1 probleem gevonden.",
    ]
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert runner.invoke(cli, ["validate", str(folder)]).stderr.splitlines()[0] == dutch
    assert runner.invoke(cli, ["validate", str(folder), "--lang", "en"]).stderr.splitlines()[0] == english
    monkeypatch.setenv("LANG", "C.UTF-8")
    write_folder(folder, {"map": [["key", "value"], ["taal", "Nederlands"]]})
    assert runner.invoke(cli, ["validate", str(folder)]).stderr.splitlines()[0] == dutch
    write_folder(folder, {"map": [["key", "value"], ["taal", "Klingon"]]})
    result = runner.invoke(cli, ["validate", str(folder)])
    assert "map.csv, row 2, column lang: 'Klingon' is not a language: write en or nl" in result.stderr


def test_a_valid_map_is_reported_in_its_language(runner: CliRunner, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "map", {"organisations": ORGS, "links": LINKS})
    assert runner.invoke(cli, ["validate", str(folder), "--lang", "nl"]).stdout == (
        f"{folder} is in orde: 2 organisaties, 1 verbinding, 10 stappen.\n"
    )
    assert runner.invoke(cli, ["validate", str(folder)]).stdout == (
        f"{folder} is valid: 2 organisations, 1 link, 10 stages.\n"
    )


def test_dutch_short_forms_of_the_default_stages_load(tmp_path: Path) -> None:
    orgs = [
        ["id", "naam", "stappen"],
        ["rn", "Reclassering", "sanctie|behandeling"],
        ["iwf", "Meldpunt", "verwijdering|signalering"],
        ["nr", "Rapporteur", "beleid|Onderzoek"],
        ["om", "OM", "vervolging|Opsporing|slachtofferhulp|preventie|identificatie"],
    ]
    m = load_map(write_folder(tmp_path / "map", {"organisations": orgs, "links": [["van", "naar"]]}))
    assert m.organisations["stages"].tolist() == [
        ["sanction", "treatment"],
        ["removal", "detection"],
        ["policy", "policy"],
        ["prosecution", "investigation", "victim-support", "prevention", "victim-identification"],
    ]


def test_a_short_form_of_a_map_s_own_stage_loads_unless_it_is_ambiguous(tmp_path: Path) -> None:
    stages = [
        ["id", "naam"],
        ["verstoren", "Verstoren van fora"],
        ["sig1", "Signaleren online"],
        ["sig2", "Signaleren"],
    ]
    orgs = [["id", "naam", "stappen"], ["pol", "Politie", "verstoren|signaleren"]]
    folder = write_folder(tmp_path / "map", {"organisations": orgs, "links": [["van", "naar"]], "stages": stages})
    assert load_map(folder).organisations["stages"].tolist() == [["verstoren", "sig2"]]


def test_dutch_synonyms_of_the_closed_lists_load(tmp_path: Path) -> None:
    orgs = [["id", "naam", "niveau", "gevoeligheid"], ["pol", "Politie", "uitvoering", "intern"], ["rn", "RN", "", ""]]
    links = [
        ["van", "naar", "soort", "richting", "status", "onderbouwing"],
        ["pol", "rn", "convenant", "tweezijdig", "vervallen", "aannemelijk"],
    ]
    m = load_map(write_folder(tmp_path / "map", {"organisations": orgs, "links": links}), audience="internal")
    assert m.organisations["level"].tolist()[0] == "operational"
    assert m.links[["kind", "direction", "status", "evidence"]].values.tolist() == [
        ["agreement", "mutual", "lapsed", "unverified"]
    ]


@pytest.mark.parametrize(
    ("header", "english", "dutch"),
    [
        (
            "soort verbinding",
            "'soort verbinding' is not a column we know, so it is kept as a custom field; it looks like kind: if it "
            "means that, rename it kind (or type, soort)",
            "'soort verbinding' is geen kolom die we kennen en blijft dus een eigen veld; het lijkt op soort: bedoelt "
            "u dat, noem de kolom dan soort (of kind, type)",
        ),
        (
            "Type samenwerking",
            "'Type samenwerking' is not a column we know, so it is kept as a custom field; it looks like kind: if it "
            "means that, rename it kind (or type, soort)",
            "'Type samenwerking' is geen kolom die we kennen en blijft dus een eigen veld; het lijkt op soort: "
            "bedoelt u dat, noem de kolom dan soort (of kind, type)",
        ),
        (
            "richtng",
            "'richtng' is not a column we know, so it is kept as a custom field; it looks like direction: if it means "
            "that, rename it direction (or richting)",
            "'richtng' is geen kolom die we kennen en blijft dus een eigen veld; het lijkt op richting: bedoelt u dat, "
            "noem de kolom dan richting (of direction)",
        ),
    ],
)
def test_a_header_close_to_ours_is_a_warning(
    runner: CliRunner, tmp_path: Path, header: str, english: str, dutch: str
) -> None:
    links = [["van", "naar", header], ["pol", "rn", "convenant"]]
    folder = write_folder(tmp_path / "map", {"organisations": ORGS, "links": links})
    m = load_map(folder, lang="en")
    assert [str(w) for w in m.warnings] == [f"links.csv, row 1, column {header}: {english}"]
    assert [str(w) for w in load_map(folder, lang="nl").warnings] == [f"links.csv, rij 1, kolom {header}: {dutch}"]
    assert m.links["kind"].tolist() == [""] and m.links[header].tolist() == ["convenant"]  # kept as it was

    result = runner.invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 0 and result.stdout == f"{folder} is valid: 2 organisations, 1 link, 10 stages.\n"
    assert result.stderr.splitlines() == [
        f"Warning: links.csv, row 1, column {header}: {english}",
        "1 warning: the map is valid, but see whether these were meant.",
    ]
    result = runner.invoke(cli, ["validate", str(folder), "--strict", "--lang", "nl"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Fout: links.csv, rij 1, kolom {header}: {dutch}", "1 probleem gevonden."]
    assert check_source(folder, strict=True) != [] and check_source(folder) == []


def test_other_commands_summarise_the_warnings_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    links = [["van", "naar", "soort verbinding"], ["pol", "rn", "convenant"]]
    folder = write_folder(tmp_path / "map", {"organisations": ORGS, "links": links})
    result = runner.invoke(cli, ["map", str(folder), "-o", str(tmp_path / "map.html")])
    assert result.exit_code == 0 and (tmp_path / "map.html").exists()
    assert result.stderr == (
        f"Warning: 1 warning about {folder} (a column that looks like one of ours is kept as a custom field): run "
        f"stakeholders validate {folder} to see them.\n"
    )
    result = runner.invoke(cli, ["analyse", str(folder), "--lang", "nl"])
    assert result.stderr.splitlines() == [
        f"Waarschuwing: 1 waarschuwing over {folder} (een kolom die op een van de onze lijkt, blijft een eigen veld): "
        f"stakeholders validate {folder} laat ze zien."
    ]


def test_the_example_and_ordinary_custom_columns_give_no_warning(tmp_path: Path) -> None:
    assert load_map(example_path()).warnings == ()
    orgs = [["id", "naam", "contactpersoon", "budget", "notes", "name_en"], ["pol", "Politie", "", "", "", ""]]
    orgs.append(["rn", "Reclassering", "", "", "", ""])
    links = [["van", "naar", "instrument", "contact"], ["pol", "rn", "", ""]]
    folder = write_folder(tmp_path / "map", {"organisations": orgs, "links": links})
    assert load_map(folder).warnings == ()


@pytest.mark.parametrize(
    ("tables", "english", "dutch"),
    [
        (
            {"organisations": ORGS, "links": [["van", "naar", "sinds", "tot"], ["pol", "rn", "2021", "2020"]]},
            "links.csv, row 2, column tot: until 2020 is before since 2021: correct or swap the dates",
            "links.csv, rij 2, kolom tot: tot 2020 ligt voor sinds 2021: verbeter of verwissel de data",
        ),
        (
            {"organisations": ORGS, "links": [["van", "naar"], ["pol", "pol"]]},
            "links.csv, row 2, column naar: a link from 'pol' to itself: source and target must differ",
            "links.csv, rij 2, kolom naar: een verbinding van 'pol' naar zichzelf: van en naar moeten verschillen",
        ),
        (
            {"organisations": ORGS, "links": LINKS, "map": [["key", "value"], ["kleur", "rood"]]},
            "map.csv, row 2, column kleur: unknown setting 'kleur': use title, date, source_note, description, goal, "
            "sectors, kinds, techniques, audience, partners_fields, restricted_fields, show_hidden_counts, lang or "
            "respondent",
            "map.csv, rij 2, kolom kleur: onbekende instelling 'kleur': gebruik title, date, source_note, description, "
            "goal, sectors, kinds, techniques, audience, partners_fields, restricted_fields, show_hidden_counts, "
            "lang of respondent",
        ),
        (
            {"organisations": ORGS, "samenwerken": LINKS},
            "map: no links.csv found: add a file named links.csv (or relaties.csv); found: organisations.csv, "
            "samenwerken.csv",
            "map: geen links.csv gevonden: voeg een bestand links.csv toe (of verbindingen.csv); gevonden: "
            "organisations.csv, samenwerken.csv",
        ),
    ],
)
def test_more_messages_in_english_and_dutch(
    tmp_path: Path, tables: dict[str, list[list[str]]], english: str, dutch: str
) -> None:
    folder = write_folder(tmp_path / "map", tables)
    assert [m.replace(str(tmp_path) + "/", "") for m in _messages(folder, "en")] == [english]
    assert [m.replace(str(tmp_path) + "/", "") for m in _messages(folder, "nl")] == [dutch]


def test_other_commands_report_problems_in_the_map_s_language(runner: CliRunner, tmp_path: Path) -> None:
    links = [["van", "naar"], ["pol", "pol"]]
    folder = write_folder(
        tmp_path / "map", {"organisations": ORGS, "links": links, "map": [["key", "value"], ["taal", "nl"]]}
    )
    result = runner.invoke(cli, ["map", str(folder), "-o", str(tmp_path / "map.html")])
    assert result.exit_code == 1 and not (tmp_path / "map.html").exists()
    assert result.stderr.splitlines() == [
        "Fout: links.csv, rij 2, kolom naar: een verbinding van 'pol' naar zichzelf: van en naar moeten verschillen",
        "1 probleem gevonden; er is niets geschreven.",
    ]


def test_no_word_of_a_closed_list_names_two_terms() -> None:
    from stakeholders import schema
    from stakeholders.schema import normalise_key

    for vocabulary in (value for value in vars(schema).values() if isinstance(value, schema.Vocabulary)):
        owner: dict[str, str] = {}
        for term in vocabulary.terms:
            for name in (term.id, term.en, term.nl, *term.aliases):
                assert owner.setdefault(normalise_key(name), term.id) == term.id, (vocabulary.name, name)


def test_did_you_mean_searches_the_dutch_words_too(tmp_path: Path) -> None:
    links = [["van", "naar", "soort", "richting"], ["pol", "rn", "doorverwijzng", "wederzijd"]]
    folder = write_folder(tmp_path / "map", {"organisations": ORGS, "links": links})
    assert [message.split(": ")[1] for message in _messages(folder, "nl")] == [
        "'doorverwijzng' is geen soort verbinding (bedoelt u 'doorverwijzing'?)",
        "'wederzijd' is geen richting (bedoelt u 'wederzijds'?)",
    ]


WEIGHTS = [["id", "naam", "gewicht"], ["pol", "Politie", "veel"], ["rn", "Reclassering", "2"]]
BARRIER_HEADERS = ["id", "naam", "fase", "eigenaar", "partner"]


@pytest.mark.parametrize(
    ("tables", "english", "dutch"),
    [
        (
            {"organisations": WEIGHTS, "links": LINKS, "views": [["naam", "kleur"], ["v1", "kleurtje"]]},
            "views.csv, row 2, column kleur: 'kleurtje' is not a column of the organisations: use one of id, name, "
            "short_name, aliases, sector, level, country, stages, description, url, tags, since, until, sensitivity, "
            "evidence, influence, stance, gewicht",
            "views.csv, rij 2, kolom kleur: 'kleurtje' is geen kolom van de organisaties: kies uit id, name, "
            "short_name, aliases, sector, level, country, stages, description, url, tags, since, until, sensitivity, "
            "evidence, influence, stance, gewicht",
        ),
        (
            {"organisations": WEIGHTS, "links": LINKS, "views": [["naam", "grootte"], ["v1", "hoogte"]]},
            "views.csv, row 2, column grootte: cannot size by 'hoogte': use links, partners, betweenness, closeness, "
            "pagerank, trust, value or a column of numbers",
            "views.csv, rij 2, kolom grootte: kan de grootte niet naar 'hoogte' zetten: kies uit links, partners, "
            "betweenness, closeness, pagerank, trust, value of een kolom met getallen",
        ),
        (
            {"organisations": WEIGHTS, "links": LINKS, "views": [["naam", "grootte"], ["v1", "gewicht"]]},
            "views.csv, row 2, column grootte: cannot size by 'gewicht': 'veel' is not a number; use a column of "
            "numbers",
            "views.csv, rij 2, kolom grootte: kan de grootte niet naar 'gewicht' zetten: 'veel' is geen getal; "
            "gebruik een kolom met getallen",
        ),
        (
            {"organisations": ORGS, "links": LINKS, "barriers": [BARRIER_HEADERS, ["b1", "B", "x", "pol", "rn"]]},
            "barriers.csv: barriers need the phases of a script: add a file named script.csv with a row for each phase",
            "barriers.csv: barrières hebben de fasen van een delictscript nodig: voeg een bestand script.csv toe met "
            "een rij voor elke fase",
        ),
        (
            {
                "organisations": ORGS,
                "links": LINKS,
                "script": [["id", "naam"], ["p1", "Fase 1"]],
                "barriers": [BARRIER_HEADERS, ["b1", "B", "p1", "pol", "pol|rn"]],
            },
            "barriers.csv, row 2, column partner: 'pol' is both an owner and a partner of this barrier: keep it in one "
            "of the two",
            "barriers.csv, rij 2, kolom partner: 'pol' is zowel eigenaar als partner van deze barrière: houd hem bij "
            "één van beide",
        ),
        (
            {"organisations": [["id", "naam", "bel\x07"], ["pol", "Politie", "x"], ["rn", "R", ""]], "links": LINKS},
            "organisations.csv, row 1, column C: this header contains the control character U+0007: remove it "
            "(retype the text if you cannot see it)",
            "organisations.csv, rij 1, kolom C: deze kop bevat het stuurteken U+0007: verwijder het (typ de tekst "
            "opnieuw als u het niet ziet)",
        ),
        (
            {"organisations": [["id", "naam"], ["pol", "Poli\x07tie"], ["rn", "R"]], "links": LINKS},
            "organisations.csv, row 2, column naam: contains the control character U+0007: remove it (retype the "
            "text if you cannot see it)",
            "organisations.csv, rij 2, kolom naam: bevat het stuurteken U+0007: verwijder het (typ de tekst opnieuw "
            "als u het niet ziet)",
        ),
        (
            {"organisations": [["id", "naam"], ["pol", "P" * 10_001], ["rn", "R"]], "links": LINKS},
            "organisations.csv, row 2, column naam: this text has 10,001 characters, more than 10,000: shorten it",
            "organisations.csv, rij 2, kolom naam: deze tekst heeft 10.001 tekens, meer dan 10.000: maak hem korter",
        ),
        (
            {"organisations": [["id", "naam"], ["p|l", "Politie"], ["pol", "P"], ["rn", "R"]], "links": LINKS},
            "organisations.csv, row 2, column id: id 'p|l' contains '|': ids may not contain '|'",
            "organisations.csv, rij 2, kolom id: id 'p|l' bevat '|': een id mag geen '|' bevatten",
        ),
        (
            {"organisations": ORGS, "links": LINKS, "map": [["key", "value"], ["ti\x07tle", "x"]]},
            "map.csv, row 2: the name of this setting contains the control character U+0007: remove it (retype the "
            "text if you cannot see it)",
            "map.csv, rij 2: de naam van deze instelling bevat het stuurteken U+0007: verwijder het (typ de tekst "
            "opnieuw als u het niet ziet)",
        ),
        (
            {"organisations": ORGS, "links": LINKS, "map": [["key", "value"], ["audience", "xyz"]]},
            "map.csv, row 2, column audience: 'xyz' is not an audience: use one of AUDIENCES",
            "map.csv, rij 2, kolom audience: 'xyz' is geen publiek: kies uit AUDIENCES",
        ),
        (
            {"organisations": ORGS, "links": LINKS, "map": [["key", "value"], ["show_hidden_counts", "misschien"]]},
            "map.csv, row 2, column show_hidden_counts: 'misschien' is not yes or no: write yes or no",
            "map.csv, rij 2, kolom show_hidden_counts: 'misschien' is geen ja of nee: schrijf ja of nee",
        ),
        (
            {"organisations": ORGS, "links": LINKS, "map": [["key", "value"], ["lang", "fr"]]},
            "map.csv, row 2, column lang: 'fr' is not a language: write en or nl",
            "map.csv, rij 2, kolom lang: 'fr' is geen taal: schrijf nl of en",
        ),
        (
            {"organisations": ORGS, "links": LINKS, "map": [["key", "value"], ["partners_fields", "id"]]},
            "map.csv, row 2, column partners_fields: 'id' cannot be hidden: every map needs its ids",
            "map.csv, rij 2, kolom partners_fields: 'id' kan niet verborgen worden: elke kaart heeft de kolom id nodig",
        ),
        (
            {"organisations": ORGS, "links": LINKS, "map": [["key", "value"], ["partners_fields", "kleur"]]},
            "map.csv, row 2, column partners_fields: 'kleur' is not a column of the organisations or links: use one "
            "of id, name, short_name, aliases, sector, level, country, stages, description, url, tags, since, until, "
            "sensitivity, evidence, influence, stance, source, target, kind, direction, status, strength, basis, "
            "source_ref, last_checked, notes, trust, value, source_trust, target_trust, source_value, target_value, "
            "reported_by, reports, confirmation",
            "map.csv, rij 2, kolom partners_fields: 'kleur' is geen kolom van de organisaties of verbindingen: kies "
            "uit id, name, short_name, aliases, sector, level, country, stages, description, url, tags, since, until, "
            "sensitivity, evidence, influence, stance, source, target, kind, direction, status, strength, basis, "
            "source_ref, last_checked, notes, trust, value, source_trust, target_trust, source_value, target_value, "
            "reported_by, reports, confirmation",
        ),
    ],
)
def test_text_views_barrier_and_setting_messages_in_english_and_dutch(
    tmp_path: Path, tables: dict[str, list[list[str]]], english: str, dutch: str
) -> None:
    folder = write_folder(tmp_path / "map", tables)
    ids = ", ".join(AUDIENCES.ids)
    assert _messages(folder, "en") == [english.replace("AUDIENCES", ids)]
    assert _messages(folder, "nl") == [dutch.replace("AUDIENCES", ids)]


@pytest.mark.parametrize(
    ("tables", "english", "dutch"),
    [
        (
            {"organisations": [["id", "naam"]], "links": LINKS[:1]},
            "organisations.csv: a map needs organisations, and this file has none: add a row for each organisation",
            "organisations.csv: een kaart heeft organisaties nodig, en dit bestand heeft er geen: voeg een rij toe "
            "voor elke organisatie",
        ),
        (
            {"organisations": [], "links": []},
            "organisations.csv: a map needs organisations, and this file is empty: add a header row (id, name) and a "
            "row for each organisation",
            "organisations.csv: een kaart heeft organisaties nodig, en dit bestand is leeg: voeg een kopregel (id, "
            "naam) toe en een rij voor elke organisatie",
        ),
    ],
)
def test_a_map_without_organisations_is_told_in_english_and_dutch(
    tmp_path: Path, tables: dict[str, list[list[str]]], english: str, dutch: str
) -> None:
    folder = write_folder(tmp_path / "map", tables)
    assert [m.replace(str(tmp_path) + "/", "") for m in _messages(folder, "en")] == [english]
    assert [m.replace(str(tmp_path) + "/", "") for m in _messages(folder, "nl")] == [dutch]


def test_a_sheet_without_organisations_is_told_in_dutch(tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "kaart.xlsx", {"Organisaties": [["id", "naam"]], "Verbindingen": []})
    assert [str(problem) for problem in check_source(book, lang="nl")] == [
        "kaart.xlsx, blad Organisaties: een kaart heeft organisaties nodig, en dit blad heeft er geen: voeg een rij "
        "toe voor elke organisatie"
    ]
