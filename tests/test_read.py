"""Reading every source format into tables, including what Dutch Excel really saves."""

from __future__ import annotations

import codecs
import json
import re
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import LINKS, ORGANISATIONS, write_csv, write_folder, write_json, write_workbook

from stakeholders import SourceError, UnsupportedSource, load_map
from stakeholders.cli import cli
from stakeholders.formats import read_source, workbook


def _summary(path: Path) -> tuple[list[str], list[str], list[str]]:
    m = load_map(path)
    return list(m.organisations["id"]), list(m.links["source"]), list(m.organisations["name"])


EXPECTED = (
    ["om", "politie", "007", "reclassering"],
    ["politie", "politie", "om", "007"],
    ["Openbaar Ministerie", "Politie", "Agent Zero Zero Seven", "Reclassering Nederland"],
)


def test_csv_folder(small_folder: Path) -> None:
    assert _summary(small_folder) == EXPECTED


def test_one_csv_file_reads_its_folder(small_folder: Path) -> None:
    assert _summary(small_folder / "links.csv") == EXPECTED


def test_workbook(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "map.xlsx", {"Organisations": ORGANISATIONS, "Links": LINKS, "Notes": [["x"]]})
    assert _summary(path) == EXPECTED


def test_workbook_with_dutch_sheet_names_and_numeric_cells(tmp_path: Path) -> None:
    orgs = [["ID", "Naam", "Sector"], [7, "Zeven", "politie"], ["007", "Nul nul zeven", "justitie"]]
    links = [["Van", "Naar", "Sterkte", "Sinds"], [7, "007", 3.0, __import__("datetime").datetime(2013, 4, 1)]]
    path = write_workbook(tmp_path / "kaart.xlsx", {"Organisaties": orgs, "Verbindingen": links})
    m = load_map(path)
    assert list(m.organisations["id"]) == ["7", "007"]
    assert list(m.organisations["sector"]) == ["police", "justice"]
    link = m.links.iloc[0]
    assert (link["source"], link["target"], link["strength"], link["since"]) == ("7", "007", 3, "2013-04-01")


def test_semicolon_cp1252_csv_as_dutch_excel_saves_it(tmp_path: Path) -> None:
    orgs = [["id", "naam", "omschrijving"], ["om", "Openbaar Ministerie", "Vervolging én sepots – €"]]
    links = [["van", "naar", "soort"], ["om", "om2", "doorverwijzing"]]
    orgs.append(["om2", "Rechtspraak", "Rechtbanken"])
    folder = write_folder(
        tmp_path / "nl", {"organisaties": orgs, "verbindingen": links}, delimiter=";", encoding="cp1252"
    )
    assert b";" in (folder / "organisaties.csv").read_bytes()
    m = load_map(folder)
    assert m.organisations.loc[0, "description"] == "Vervolging én sepots – €"
    assert m.links.loc[0, "kind"] == "referral"


def test_utf8_bom_csv(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "bom", {"organisations": ORGANISATIONS, "links": LINKS}, delimiter=";")
    for path in folder.iterdir():
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    assert _summary(folder) == EXPECTED


def test_utf16_tab_separated_csv(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "u16", {"organisations": ORGANISATIONS, "links": LINKS}, delimiter="\t", encoding="utf-16"
    )
    assert _summary(folder) == EXPECTED


def test_excel_sep_line(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "sep", {"organisations": ORGANISATIONS, "links": LINKS}, delimiter=";")
    path = folder / "links.csv"
    path.write_bytes(b"sep=;\r\n" + path.read_bytes())
    assert _summary(folder) == EXPECTED


def test_json(tmp_path: Path) -> None:
    path = write_json(tmp_path / "map.json", {"organisations": ORGANISATIONS, "links": LINKS}, title="JSON map")
    assert _summary(path) == EXPECTED
    assert load_map(path).settings.title == "JSON map"


def test_yaml_with_lists_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "titel: Kaart\ndatum: 2026-11-01\norganisaties:\n"
        "  - {id: '007', naam: Zeven, aliassen: [Bond, James], fasen: [opsporing]}\n"
        "  - {id: om, naam: OM}\n"
        "verbindingen:\n  - {van: '007', naar: om, sinds: 2021-11-02}\n",
        encoding="utf-8",
    )
    m = load_map(path)
    assert (m.settings.title, m.settings.date) == ("Kaart", "2026-11-01")
    assert m.organisations.loc[0, "aliases"] == ["Bond", "James"]
    assert m.organisations.loc[0, "stages"] == ["investigation"]
    assert m.links.loc[0, "since"] == "2021-11-02"


def test_yaml_settings_section_and_top_level_lists(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "settings:\n  title: Kaart\n  audience: partners\n"
        "restricted_fields: [contact]\nsectoren: [Faith groups]\n"
        "organisations:\n  - {id: om, name: OM, sector: faith groups, contact: Jan}\n  - {id: rn, name: RN}\n"
        "links:\n  - {source: om, target: rn}\n",
        encoding="utf-8",
    )
    settings = load_map(path).settings
    assert (settings.title, settings.audience, settings.restricted_fields) == ("Kaart", "partners", ("contact",))
    assert settings.sectors.lookup("Faith groups") == "faith-groups"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "map.txt",
            b"x",
            "map.txt: unsupported file type '.txt': use an .xlsx workbook, a folder of CSV files, "
            "a .yaml or .json file, or a .gexf, .graphml or .cyjs file",
        ),
        ("map.xls", b"x", "map.xls: old Excel .xls files are not read: open it in Excel and save it as .xlsx"),
    ],
)
def test_unsupported_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(UnsupportedSource) as caught:
        read_source(tmp_path / name)
    assert str(caught.value) == f"{tmp_path / message.split(':')[0]}:{message.split(':', 1)[1]}"


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedSource, match="no such file or folder"):
        read_source(tmp_path / "nothing.xlsx")


def test_corrupt_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"this is not a zip file")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value) == (
        f"{path}: cannot read this workbook: it is damaged or not an .xlsx file (File is not a zip file): "
        "get a new copy, or open it in Excel and save it again as .xlsx"
    )


def test_truncated_workbook(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "whole.xlsx", {"Organisations": ORGANISATIONS, "Links": LINKS})
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(SourceError, match="cannot read this workbook"):
        read_source(cut)


def _rezipped(path: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the workbook at ``path`` with parts replaced (or left out, for None)."""
    with zipfile.ZipFile(path) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            content = change.get(name, content)
            if content is not None:
                archive.writestr(name, content)
    return target


def test_a_workbook_that_lost_the_part_of_a_sheet(tmp_path: Path) -> None:
    """openpyxl leaves such a sheet out without a word: it is damage, not a workbook without that sheet."""
    whole = write_workbook(tmp_path / "whole.xlsx", {"Organisations": ORGANISATIONS, "Links": LINKS})
    path = _rezipped(whole, tmp_path / "lost.xlsx", {"xl/worksheets/sheet2.xml": None})
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value) == (
        f"{path}: cannot read this workbook: it is damaged or not an .xlsx file (its sheet Links is missing): "
        "get a new copy, or open it in Excel and save it again as .xlsx"
    )


def test_a_workbook_with_a_broken_style_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """openpyxl prints "0 is out of range" to stdout before it raises on a style that is not there."""
    whole = write_workbook(tmp_path / "whole.xlsx", {"Organisations": ORGANISATIONS, "Links": LINKS})
    with zipfile.ZipFile(whole) as original:
        styles = original.read("xl/styles.xml")
    styles = re.sub(rb"<cellStyleXfs.*?</cellStyleXfs>", b'<cellStyleXfs count="0"/>', styles)
    path = _rezipped(whole, tmp_path / "styles.xlsx", {"xl/styles.xml": styles})
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value) == (
        f"{path}: cannot read this workbook: it is damaged or not an .xlsx file (list index out of range): "
        "get a new copy, or open it in Excel and save it again as .xlsx"
    )
    assert capsys.readouterr() == ("", "")


EXTENSIONS = (
    b"<extLst>"
    b'<ext uri="{11111111-2222-3333-4444-555555555555}"><something/></ext>'  # "Unknown extension"
    b'<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><dataValidations/></ext>'  # "Data Validation extension"
    b'<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><conditionalFormattings/></ext>'
    b"</extLst></worksheet>"
)
"""Extensions from newer Excel versions in a sheet, as real Kumu workbooks have them: openpyxl warns that it
"will remove" each (a UserWarning)."""


def test_openpyxl_warnings_about_a_workbook_do_not_reach_the_user(tmp_path: Path, runner: CliRunner) -> None:
    kumu = write_workbook(
        tmp_path / "kumu.xlsx", {"Elements": [["Label", "Type"], ["OM", "justice"]], "Connections": [["From", "To"]]}
    )
    with zipfile.ZipFile(kumu) as original:
        sheet = original.read("xl/worksheets/sheet1.xml")
    assert sheet.endswith(b"</worksheet>")
    path = _rezipped(kumu, tmp_path / "extended.xlsx", {"xl/worksheets/sheet1.xml": sheet[:-12] + EXTENSIONS})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert list(load_map(path).organisations["name"]) == ["OM"]
    assert [str(warning.message) for warning in caught] == []
    result = runner.invoke(cli, ["validate", str(path)])  # a warning would be an error here (filterwarnings)
    assert result.output == f"{path} is valid: 1 organisation, 0 links, 10 stages.\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # the same workbook straight through openpyxl: it does warn
        workbook = openpyxl.load_workbook(path, read_only=True)
        list(workbook.worksheets[0].values)
        workbook.close()
    assert sorted(str(warning.message) for warning in caught) == [
        "Conditional Formatting extension is not supported and will be removed",
        "Data Validation extension is not supported and will be removed",
        "Unknown extension is not supported and will be removed",
    ]


def test_a_workbook_that_cannot_be_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not damage: the file may not be read (as root, permissions cannot show it, so open is made to refuse)."""
    path = write_workbook(tmp_path / "locked.xlsx", {"Organisations": ORGANISATIONS, "Links": LINKS})

    def refuse(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workbook, "open", refuse, raising=False)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value) == f"{path}: cannot open this file (Permission denied): check that you may read it"


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_a_csv_or_data_file_that_cannot_be_opened(tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """As for a workbook: one line naming the file, not a traceback (open is made to refuse, as above)."""
    if kind == "csv":
        path = write_folder(tmp_path / "map", {"organisations": ORGANISATIONS, "links": LINKS}) / "links.csv"
    else:
        path = write_json(tmp_path / "map.json", {"organisations": ORGANISATIONS, "links": LINKS})
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == path.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value) == f"{path}: cannot open this file (Permission denied): check that you may read it"
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output == f"Error: {path}: cannot open this file (Permission denied): check that you may read it\n"


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value) == (
        f"{path}: this workbook is password-protected or an old .xls file: remove the password or save it as .xlsx"
    )


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("organisations:\n  - id: om\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}, line ")
    assert "this is not valid YAML" in str(caught.value)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text('{\n "organisations": [,]\n}', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value) == f"{path}, line 2: this is not valid JSON (Expecting value)"


def test_json_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps([1, 2]), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value) == f"{path}: expected a mapping with organisations and links at the top level"


def test_reading_never_modifies_the_source(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "map.xlsx", {"Organisations": ORGANISATIONS, "Links": LINKS})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_map(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_blank_rows_are_skipped_and_rows_keep_their_excel_numbers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "organisations.csv", [["id", "name"], ["a", "A"], ["", ""], ["b", "B"]])
    table = read_source(path).tables["organisations"]
    assert [number for number, _ in table.rows] == [2, 4]


def test_formula_cells_are_read_as_their_values(tmp_path: Path) -> None:
    path = tmp_path / "formula.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Organisations"
    sheet.append(["id", "name"])
    sheet.append(["om", "=1+1"])  # no cached value: openpyxl wrote it, Excel never computed it
    workbook.create_sheet("Links").append(["source", "target"])
    workbook.save(path)
    table = read_source(path).tables["organisations"]
    assert table.rows == [(2, ["om", ""])]  # the formula has no value yet, so the cell reads as empty


def test_csv_drops_the_apostrophe_an_export_puts_before_a_formula(tmp_path: Path) -> None:
    rows = [["id", "name", "'=header"], ["a", "'=SUM(A1)", "'s-Hertogenbosch"], ["b", "''+31", "'-"]]
    table = read_source(write_csv(tmp_path / "organisations.csv", rows)).tables["organisations"]
    assert table.headers == ["id", "name", "=header"]
    assert table.rows == [(2, ["a", "=SUM(A1)", "'s-Hertogenbosch"]), (3, ["b", "'+31", "-"])]


def _csv_source(folder: Path, organisations: bytes) -> Path:
    folder.mkdir()
    (folder / "organisations.csv").write_bytes(organisations)
    (folder / "links.csv").write_bytes(b"source,target\n")
    return folder


def test_a_quote_left_open_does_not_swallow_the_rows_after_it(tmp_path: Path) -> None:
    source = _csv_source(tmp_path / "bad", b'id,name,description\na,A,"unterminated\nb,B,ok\nc,C,"x"\n')
    with pytest.raises(SourceError) as caught:
        load_map(source)
    assert str(caught.value) == (
        f"{source / 'organisations.csv'}, line 4: cannot read this CSV file (',' expected after '\"'): "
        "a quote opened on line 2 runs on to here: check its quotes"
    )


def test_a_quote_open_at_the_end_of_the_file_is_named(tmp_path: Path) -> None:
    source = _csv_source(tmp_path / "bad", b'id,name,description\r\na,A,"fine\r\nline"\r\nb,B,"open\r\nc,C,x\r\n')
    with pytest.raises(SourceError, match=r"organisations\.csv, line 5: a quote opened on line 4 is never closed"):
        load_map(source)


def test_a_quote_open_after_an_excel_sep_line_counts_that_line(tmp_path: Path) -> None:
    source = _csv_source(tmp_path / "bad", b'sep=;\nid;name\na;"open\nb;B\n')
    with pytest.raises(SourceError, match=r"a quote opened on line 3 is never closed"):
        load_map(source)


def test_a_closed_multi_line_cell_still_reads(tmp_path: Path) -> None:
    source = _csv_source(
        tmp_path / "good", b'id,name,description\r\na,A,"first line\r\nsecond ""quoted"" line"\r\nb,B,ok\r\n'
    )
    stakeholder_map = load_map(source, audience="internal")
    assert list(stakeholder_map.organisations["id"]) == ["a", "b"]
    assert stakeholder_map.organisations["description"][0] == 'first line\r\nsecond "quoted" line'
