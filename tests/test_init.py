"""`stakeholders init`: a ready-to-fill workbook (or CSV folder) in English or Dutch that validates as written."""

from __future__ import annotations

import codecs
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from stakeholders.cli import cli
from stakeholders.load import check_source, load_map
from stakeholders.schema import COLUMNS, column_for
from stakeholders.source import table_role

SHEETS = {
    "en": ["Instructions", "Organisations", "Links", "Stages", "Script", "Barriers", "Map"],
    "nl": ["Toelichting", "Organisaties", "Verbindingen", "Stappen", "Delictscript", "Barrières", "Instellingen"],
}


def _list_values(workbook: openpyxl.Workbook, formula: str) -> list[str]:
    """The cells a drop-down list's range formula names ('Lists'!$A$2:$A$5)."""
    sheet_name, cells = formula.split("!")
    sheet = workbook[sheet_name.strip("'")]
    return [row[0] for row in sheet[cells.replace("$", "")] for row in [[c.value for c in row]]]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_init_writes_a_workbook_that_validates_with_every_closed_list_as_a_drop_down(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "new.xlsx"
    result = runner.invoke(cli, ["init", str(path), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert check_source(path, strict=True) == []
    m = load_map(path)
    assert (len(m.organisations), len(m.links), len(m.script), len(m.barriers)) == (3, 3, 4, 1)
    assert m.warnings == () and m.settings.lang == lang

    workbook = openpyxl.load_workbook(path)
    assert [s.title for s in workbook.worksheets if s.sheet_state == "visible"] == SHEETS[lang]
    checked = 0
    for sheet in workbook.worksheets[1:]:
        role = table_role(sheet.title)
        if role in (None, "settings"):
            continue
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
        headers = [cell.value for cell in sheet[1]]
        lists = {str(v.sqref).split(":")[0][:-1]: v for v in sheet.data_validations.dataValidation}
        for index, header in enumerate(headers):
            column = column_for(role, header)
            assert column is not None, header  # every header is one of ours
            letter = openpyxl.utils.get_column_letter(index + 1)
            if column.vocabulary is None:
                assert letter not in lists
                continue
            expected = [term.nl if lang == "nl" else term.en for term in column.vocabulary.terms]
            assert _list_values(workbook, lists[letter].formula1) == expected, (role, header)
            checked += 1
    assert checked == 5 + 5 + 1 + 4  # organisations (stance too), links, script (evidence), barriers


def test_the_instructions_explain_every_column_with_an_example(tmp_path: Path) -> None:
    path = tmp_path / "kaart.xlsx"
    CliRunner().invoke(cli, ["init", str(path), "--lang", "nl"])
    workbook = openpyxl.load_workbook(path)
    rows = list(workbook["Toelichting"].iter_rows(values_only=True))
    assert rows[0][0] == (
        "Vul de bladen in, één rij per organisatie en per verbinding; vervang de voorbeeldrijen. "
        "Daarna: stakeholders validate kaart.xlsx, stakeholders map kaart.xlsx."
    )
    assert rows[1] == ("Blad", "Kolom", "Verplicht", "Betekenis", "Voorbeeld", "Toegestane waarden")
    assert workbook["Toelichting"].freeze_panes == "A3"
    explained = {(sheet, column) for sheet, column, *_ in rows[2:] if column}
    for sheet in workbook.worksheets[1:6]:
        assert {(sheet.title, cell.value) for cell in sheet[1]} <= explained
    kind = next(row for row in rows if row[:2] == ("Verbindingen", "soort"))
    assert kind[4] == "gezamenlijke operatie" and kind[5].startswith("informatie-uitwisseling; doorverwijzing")


@pytest.mark.parametrize(
    ("lang", "names", "delimiter"), [("nl", "organisaties.csv", b";"), ("en", "organisations.csv", b",")]
)
def test_init_csv_writes_a_folder_as_excel_saves_it(
    runner: CliRunner, tmp_path: Path, lang: str, names: str, delimiter: bytes
) -> None:
    folder = tmp_path / "map"
    result = runner.invoke(cli, ["init", str(folder), "--lang", lang, "--csv"])
    assert result.exit_code == 0, result.output
    data = (folder / names).read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and data.split(b"\r\n")[0].count(delimiter) == 16  # 17 columns
    assert check_source(folder, strict=True) == []
    assert len(load_map(folder).links) == 3


def test_init_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "kaart.xlsx"
    path.write_bytes(b"my own work")
    folder = tmp_path / "kaart"
    folder.mkdir()
    result = runner.invoke(cli, ["init", str(path), "--lang", "nl"])
    assert result.exit_code == 1 and path.read_bytes() == b"my own work"
    assert result.stderr == (
        f"Fout: {path} bestaat al: kies een andere naam of zet het bestaande eerst opzij (init overschrijft nooit)\n"
    )
    result = runner.invoke(cli, ["init", str(folder), "--csv", "--lang", "en"])
    assert result.exit_code == 1 and list(folder.iterdir()) == []
    assert result.stderr == (
        f"Error: {folder} already exists: choose another name or move it away first (init never overwrites a file)\n"
    )


def test_init_defaults_to_the_locale_and_a_name_in_its_language(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    result = runner.invoke(cli, ["init"])
    assert (
        result.output
        == "kaart.xlsx geschreven: vul het in en controleer het dan met stakeholders validate kaart.xlsx.\n"
    )
    assert openpyxl.load_workbook(tmp_path / "kaart.xlsx").sheetnames[:2] == ["Toelichting", "Organisaties"]
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    result = runner.invoke(cli, ["init"])
    assert result.output == "Wrote map.xlsx: fill it in, then run stakeholders validate map.xlsx.\n"


def test_init_writes_the_same_bytes_every_time(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        CliRunner().invoke(cli, ["init", str(tmp_path / folder / "kaart.xlsx"), "--lang", "nl"])
    assert (tmp_path / "a" / "kaart.xlsx").read_bytes() == (tmp_path / "b" / "kaart.xlsx").read_bytes()


def test_every_column_of_the_template_is_a_column_of_the_schema() -> None:
    from stakeholders._template_words import HEADERS

    for lang in ("en", "nl"):
        for role, fields in HEADERS[lang].items():
            for name, header in fields.items():
                column = column_for(role, header)
                assert column is not None and column.name == name, (lang, role, header)
            assert {c.name for c in COLUMNS[role] if c.required} <= set(fields)


def test_a_filled_in_dutch_workbook_takes_the_short_forms_of_its_stages(tmp_path: Path) -> None:
    path = tmp_path / "kaart.xlsx"
    CliRunner().invoke(cli, ["init", str(path), "--lang", "nl"])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Organisaties"]
    stages = [cell.value for cell in sheet[1]].index("stappen") + 1
    sheet.cell(row=4, column=stages, value="sanctie|behandeling")
    sheet.cell(row=3, column=stages, value="vervolging|beleid")
    workbook.save(path)
    assert load_map(path).organisations["stages"].tolist()[1:] == [["prosecution", "policy"], ["sanction", "treatment"]]


def test_an_unknown_language_is_refused() -> None:
    from stakeholders import InvalidArgument, write_template

    with pytest.raises(InvalidArgument, match="'fr' is not a language of ours: use en or nl"):
        write_template("x.xlsx", lang="fr")


def test_a_workbook_name_must_end_in_xlsx(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["init", str(tmp_path / "kaart.txt")])
    assert result.exit_code == 2 and not (tmp_path / "kaart.txt").exists()
    assert f"'{tmp_path / 'kaart.txt'}' must end in .xlsx (or give --csv for a folder of CSV files)" in result.stderr
