"""The user's language: --lang, the map's language setting, the locale; the command line's lines, the serve
banner and dates, word for word in English and Dutch."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import LINKS, ORGANISATIONS, write_folder

from stakeholders import example_path, load_map
from stakeholders._language import environment_lang as locale_language
from stakeholders.analysis import analyse, as_text
from stakeholders.cli import cli
from stakeholders.dates import format_date
from stakeholders.diff import as_markdown, diff_maps
from stakeholders.errors import ValidationError
from stakeholders.i18n import PAGE_WORDS
from stakeholders.pages import presentation_html, report_html, to_html, write_html
from stakeholders.serve import start

DUTCH = {"LANG": "nl_NL.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _map(folder: Path, *settings: list[str]) -> Path:
    tables = {"organisations": ORGANISATIONS, "links": LINKS}
    rows = [["key", "value"], ["date", "2025-12-01"], *settings]
    return write_folder(folder, {**tables, "map": rows})


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        ("2025-12-01", "en", "1 December 2025"),
        ("2025-12-01", "nl", "1 december 2025"),
        ("2021-03", "en", "March 2021"),
        ("2021-03", "nl", "maart 2021"),
        ("2021", "nl", "2021"),
        ("2021-02-09", None, "9 February 2021"),
        ("", "nl", ""),
        ("not a date", "nl", "not a date"),
    ],
)
def test_dates_are_written_as_readers_write_them(value: str, lang: str | None, text: str) -> None:
    assert format_date(value, lang) == text


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE"}, "nl"),
        ({"LC_MESSAGES": "nl_NL", "LANG": "en_US"}, "nl"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL"}, "en"),
        ({"LC_ALL": "C", "LANG": "nl_NL"}, "en"),
        ({"LANG": "de_DE"}, "en"),
        ({}, "en"),
    ],
)
def test_the_locale_picks_dutch_or_english(environ: dict[str, str], lang: str) -> None:
    assert locale_language(environ) == lang


def test_the_language_comes_from_lang_then_the_setting_then_the_locale(runner: CliRunner, tmp_path: Path) -> None:
    plain, dutch_map = _map(tmp_path / "plain"), _map(tmp_path / "dutch", ["taal", "Nederlands"])
    out = tmp_path / "m.html"

    def run(source: Path, environ: dict[str, str], *options: str) -> tuple[str, str]:
        result = runner.invoke(cli, ["map", str(source), "-o", str(out), *options], env=environ)
        assert result.exit_code == 0, result.output
        return result.output, out.read_text(encoding="utf-8")

    line, page = run(plain, ENGLISH)
    assert line == f"Wrote {out.resolve()} (4 organisations, 4 links).\n"
    assert '<html lang="en"' in page and "Data as of 1 December 2025" in page
    line, page = run(plain, DUTCH)  # a Dutch locale
    assert line == f"{out.resolve()} geschreven (4 organisaties, 4 verbindingen).\n"
    assert '<html lang="nl"' in page and "Gegevens van 1 december 2025" in page
    line, page = run(dutch_map, ENGLISH)  # the map's own setting wins over the locale
    assert line.endswith(" geschreven (4 organisaties, 4 verbindingen).\n") and '<html lang="nl"' in page
    line, page = run(dutch_map, DUTCH, "--lang", "en")  # --lang wins over both
    assert line == f"Wrote {out.resolve()} (4 organisations, 4 links).\n" and '<html lang="en"' in page
    assert load_map(dutch_map).settings.lang == "nl"


def test_a_language_setting_that_is_none_is_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    source = _map(tmp_path / "m", ["language", "Klingon"])
    with pytest.raises(ValidationError) as caught:
        load_map(source)
    assert [str(p) for p in caught.value.problems] == [
        "map.csv, row 3, column lang: 'Klingon' is not a language: write en or nl"
    ]


def test_a_language_setting_is_exported_and_read_back(tmp_path: Path) -> None:
    from stakeholders import export_map

    m = load_map(_map(tmp_path / "m", ["lang", "nl"]))
    for name in ("copy.xlsx", "copy.gexf", "copy-folder"):
        assert load_map(export_map(m, tmp_path / name)).settings.lang == "nl"


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "Wrote {out} (view politie: 3 organisations, 3 links).",
                "Wrote {gexf} (GEXF: 4 organisations, 4 links as of 2 January 2022).",
                "Wrote {png}.",
            ],
        ),
        (
            "nl",
            [
                "{out} geschreven (weergave politie: 3 organisaties, 3 verbindingen).",
                "{gexf} geschreven (GEXF: 4 organisaties, 4 verbindingen op 2 januari 2022).",
                "{png} geschreven.",
            ],
        ),
    ],
)
def test_the_success_lines_in_both_languages(runner: CliRunner, tmp_path: Path, lang: str, lines: list[str]) -> None:
    views = [["name", "focus", "depth"], ["politie", "politie", "1"]]
    source = write_folder(tmp_path / "m", {"organisations": ORGANISATIONS, "links": LINKS, "views": views})
    out, gexf, png = tmp_path / "m.html", tmp_path / "m.gexf", tmp_path / "m.png"
    said = [
        runner.invoke(cli, ["map", str(source), "-o", str(out), "--view", "politie", "--lang", lang]),
        runner.invoke(cli, ["export", str(source), "-o", str(gexf), "--as-of", "2022-01-02", "--lang", lang]),
        runner.invoke(cli, ["image", str(source), "-o", str(png), "--size", "400x300", "--lang", lang]),
    ]
    paths = {"out": out.resolve(), "gexf": gexf.resolve(), "png": png.resolve()}
    assert [result.stdout.rstrip("\n") for result in said] == [line.format(**paths) for line in lines]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Error: links.csv, row 2, column target: unknown organisation 'omm' (did you mean 'om'?): "
                "use an id from the organisations table",
                "1 problem found; nothing was written.",
            ],
        ),
        (
            "nl",
            [
                "Fout: links.csv, row 2, column target: unknown organisation 'omm' (did you mean 'om'?): "
                "use an id from the organisations table",
                "1 probleem gevonden; er is niets geschreven.",
            ],
        ),
    ],
)
def test_problems_are_counted_in_the_users_language(
    runner: CliRunner, tmp_path: Path, lang: str, expected: list[str]
) -> None:
    links = [["source", "target"], ["politie", "omm"]]
    source = write_folder(tmp_path / "bad", {"organisations": ORGANISATIONS, "links": links})
    result = runner.invoke(cli, ["map", str(source), "-o", str(tmp_path / "m.html"), "--lang", lang])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].split(": ")[0] == expected[0].split(": ")[0]  # the prefix
    assert result.stderr.splitlines()[-1] == expected[-1]
    assert not (tmp_path / "m.html").exists()


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "en",
            "Note: for the audience public, 1 organisation and 2 links marked for a wider circle were left out "
            "(see --audience).",
        ),
        (
            "nl",
            "Let op: voor het publiek openbaar zijn 1 organisatie en 2 verbindingen weggelaten die voor een bredere "
            "kring gemarkeerd zijn (zie --audience).",
        ),
    ],
)
def test_what_an_audience_leaves_out_is_said_in_the_users_language(
    runner: CliRunner, tmp_path: Path, lang: str, note: str
) -> None:
    organisations = [[*row, "sensitivity"] for row in ORGANISATIONS[:1]] + [
        [*row, "restricted" if row[0] == "007" else ""] for row in ORGANISATIONS[1:]
    ]
    links = (
        [[*LINKS[0], "sensitivity"]]
        + [[*row, ""] for row in LINKS[1:]]
        + [["om", "politie", "referral", "directed", "active", "S9", "partners"]]
    )
    source = write_folder(tmp_path / "m", {"organisations": organisations, "links": links})
    result = runner.invoke(cli, ["map", str(source), "-o", str(tmp_path / "m.html"), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [note]


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "en",
            "Note: 2 organisations and 2 links have no dates (no since or until) and are shown at every date; "
            "--undated hide leaves them out.",
        ),
        (
            "nl",
            "Let op: 2 organisaties en 2 verbindingen hebben geen datum (geen sinds of tot) en worden op elke datum "
            "getoond; --undated hide laat ze weg.",
        ),
    ],
)
def test_what_has_no_dates_is_said_in_the_users_language(
    runner: CliRunner, tmp_path: Path, lang: str, note: str
) -> None:
    organisations = [[*ORGANISATIONS[0], "since"]] + [
        [*row, "2019" if row[0] in ("om", "politie") else ""] for row in ORGANISATIONS[1:]
    ]
    links = [[*LINKS[0], "since"]] + [[*row, "2020" if n < 2 else ""] for n, row in enumerate(LINKS[1:])]
    source = write_folder(tmp_path / "m", {"organisations": organisations, "links": links})
    result = runner.invoke(cli, ["map", str(source), "-o", str(tmp_path / "m.html"), "--as-of", "2021", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [note]


def test_pages_report_deck_and_text_write_dates_the_readers_way(tmp_path: Path) -> None:
    m = load_map(_map(tmp_path / "m"))
    for lang, said in (("en", "Data as of 1 December 2025"), ("nl", "Gegevens van 1 december 2025")):
        assert said in to_html(m, lang=lang)
        assert said in report_html(analyse(m), lang=lang)
    assert as_text(analyse(m), "nl").splitlines()[0] == "Cooperation map — gegevens van 1 december 2025"
    assert as_text(analyse(m)).splitlines()[0] == "Cooperation map — data as of 1 December 2025"


def test_the_deck_writes_its_date_the_readers_way() -> None:
    m = load_map(example_path())
    when = m.settings.date
    assert len(when) == 10
    for lang in ("en", "nl"):
        words = PAGE_WORDS[lang]
        assert f"{words['data_as_of']} {format_date(when, lang)}" in presentation_html(m, lang=lang)
    assert format_date(when, "nl") != format_date(when, "en")


def test_the_diff_change_list_speaks_dutch(tmp_path: Path) -> None:
    old = write_folder(tmp_path / "old", {"organisations": ORGANISATIONS[:-1], "links": LINKS[:-2] + LINKS[-1:]})
    result = diff_maps(load_map(old), load_map(_map(tmp_path / "new")))
    english, dutch = as_markdown(result).splitlines(), as_markdown(result, "nl").splitlines()
    assert english[:3] == [
        "| change | what | item | details |",
        "|---|---|---|---|",
        "| added | organisation | RN |  |",
    ]
    assert dutch[:3] == [
        "| wijziging | wat | onderdeel | details |",
        "|---|---|---|---|",
        "| toegevoegd | organisatie | RN |  |",
    ]
    assert dutch[-1] == (
        "1 organisatie toegevoegd, 0 verwijderd, 0 gewijzigd; 1 verbinding toegevoegd, 0 verwijderd, 0 gewijzigd."
    )


@pytest.mark.parametrize(
    ("lang", "title", "line", "waiting"),
    [
        (
            "en",
            "1 problem in the source: showing the last good map",
            "Run `stakeholders validate bad` on your own computer to see them "
            "(they are not shown here: they may quote what this audience may not see).",
            "Waiting for bad",
        ),
        (
            "nl",
            "1 probleem in de bron: de laatste goede kaart staat hieronder",
            "Draai `stakeholders validate bad` op je eigen computer om ze te zien "
            "(ze staan hier niet: ze kunnen citeren wat dit publiek niet mag zien).",
            "Wachten op bad",
        ),
    ],
)
def test_the_serve_banner_speaks_the_users_language(
    tmp_path: Path, lang: str, title: str, line: str, waiting: str
) -> None:
    source = write_folder(
        tmp_path / "bad", {"organisations": ORGANISATIONS, "links": [["source", "target"], ["x", "om"]]}
    )
    server = start(source, port=0, lang=lang)
    try:
        state = server.live.state()
        assert state["errors"]["title"] == title
        assert state["errors"]["lines"] == [line]
        with urllib.request.urlopen(server.url) as response:  # noqa: S310 - our own local server
            page = response.read().decode("utf-8")
        assert f"<title>{waiting}</title>" in page and f'<html lang="{lang}"' in page
    finally:
        server.stop()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "header", "since", "checked"),
    [
        ("en", "Data as of 1 December 2025", "2 November 2019", "March 2024"),
        ("nl", "Gegevens van 1 december 2025", "2 november 2019", "maart 2024"),
    ],
)
def test_a_page_shows_its_dates_the_readers_way(
    open_page: Any, tmp_path: Path, lang: str, header: str, since: str, checked: str
) -> None:
    organisations = [[*ORGANISATIONS[0], "since"]] + [
        [*row, "2019-11-02" if row[0] == "politie" else ""] for row in ORGANISATIONS[1:]
    ]
    links = [[*LINKS[0], "last_checked"]] + [[*row, "2024-03"] for row in LINKS[1:]]
    rows = [["key", "value"], ["date", "2025-12-01"]]
    source = write_folder(tmp_path / "m", {"organisations": organisations, "links": links, "map": rows})
    page = open_page(write_html(load_map(source), tmp_path / "m.html", lang=lang)).page
    assert page.inner_text("#map-date") == header
    page.fill("#search", "politie")
    page.press("#search", "Enter")
    page.wait_for_selector("#info", state="visible")
    panel = page.inner_text("#info")
    assert since in panel and "2019-11-02" not in panel  # the organisation's since
    details = "Details of the link" if lang == "en" else "Details van de verbinding"
    page.locator(f"#info li button[aria-label^='{details}']").first.click()  # one of its links
    panel = page.inner_text("#info")
    assert checked in panel and "2024-03" not in panel  # the link's last_checked


def test_layout_and_barriers_say_what_they_wrote_in_the_output_language(tmp_path: Path) -> None:
    source = tmp_path / "kaart.xlsx"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(source), "--lang", "nl"]).exit_code == 0
    layout = runner.invoke(cli, ["layout", str(source)], env={"LANG": "nl_NL.UTF-8"})
    assert layout.exit_code == 0, layout.output
    assert layout.output.startswith("De posities van 3 organisaties bewaard in ")
    written = runner.invoke(cli, ["barriers", str(source), "-o", str(tmp_path / "b.html"), "--lang", "en"])
    assert written.exit_code == 0, written.output
    assert "Wrote " in written.output and "(1 barrier at 4 phases; 3 organisations, 3 links)." in written.output
