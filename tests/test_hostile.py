"""Hostile and broken input: one clear line, exit code 1, no traceback, nothing written, nothing changed."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import LINKS, ORGANISATIONS, PAYLOADS, write_folder, write_workbook

from stakeholders import load_map, write_html
from stakeholders.cli import cli
from stakeholders.formats import read_source
from stakeholders.pages import write_presentation


def _one_line_error(result: Any) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) <= 2 and lines[0].startswith("Error: ")
    return lines[0]


def test_a_small_limit_shows_sizes_that_differ(runner: CliRunner, tmp_path: Path) -> None:
    # not "this source is 0.0 MB, more than the limit of 0.001 MB"
    source = write_folder(tmp_path / "big", {"organisations": ORGANISATIONS, "links": LINKS})
    (source / "notes.csv").write_bytes(b"x" * 1_200)
    size = sum(p.stat().st_size for p in source.glob("*.csv"))
    out = tmp_path / "m.html"
    line = _one_line_error(runner.invoke(cli, ["--max-input-mb", "0.001", "map", str(source), "-o", str(out)]))
    assert line == (
        f"Error: {source}: this source is {size:,} bytes, more than the limit of 1,000 bytes (0.001 MB): "
        "raise the limit with --max-input-mb if it is really this big"
    )


def test_sources_larger_than_the_limit(runner: CliRunner, tmp_path: Path) -> None:
    source = write_folder(tmp_path / "big", {"organisations": ORGANISATIONS, "links": LINKS})
    (source / "notes.csv").write_bytes(b"x" * 1_200_000)
    out = tmp_path / "m.html"
    line = _one_line_error(runner.invoke(cli, ["--max-input-mb", "1", "map", str(source), "-o", str(out)]))
    assert line == (
        f"Error: {source}: this source is 1.2 MB, more than the limit of 1 MB: "
        "raise the limit with --max-input-mb if it is really this big"
    )
    assert not out.exists()
    assert runner.invoke(cli, ["--max-input-mb", "5", "map", str(source), "-o", str(out)]).exit_code == 0


def test_a_zip_bomb_is_refused_before_it_is_opened(runner: CliRunner, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 150_000_000)
    assert bomb.stat().st_size < 1_000_000
    line = _one_line_error(runner.invoke(cli, ["validate", str(bomb)]))
    assert line == (
        f"Error: {bomb}: this workbook unpacks to 150.0 MB, more than the limit of 100 MB: "
        "raise the limit with --max-input-mb if it is really this big"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a zip at all", "cannot read this workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected or an old .xls file"),
        (b"PK\x03\x04" + b"\0" * 40, "cannot read this workbook"),
    ],
)
def test_malformed_workbooks(runner: CliRunner, tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    assert expected in _one_line_error(runner.invoke(cli, ["map", str(path), "-o", str(tmp_path / "m.html")]))
    assert path.read_bytes() == content


def test_a_truncated_workbook_and_one_without_sheets(runner: CliRunner, tmp_path: Path) -> None:
    whole = write_workbook(tmp_path / "whole.xlsx", {"Organisations": ORGANISATIONS, "Links": LINKS})
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[:1500])
    assert "cannot read this workbook" in _one_line_error(runner.invoke(cli, ["validate", str(cut)]))
    empty = write_workbook(tmp_path / "empty.xlsx", {"Blad1": []})
    result = runner.invoke(cli, ["validate", str(empty)])
    assert result.exit_code == 1 and "no sheet named Organisations found" in result.output


def test_long_text_and_control_characters(tmp_path: Path, runner: CliRunner) -> None:
    organisations = [["id", "name", "description"], ["a", "A", "x" * 10_001], ["b", "B\x00", ""]]
    source = write_folder(tmp_path / "t", {"organisations": organisations, "links": [["source", "target"]]})
    result = runner.invoke(cli, ["validate", str(source)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: organisations.csv, row 2, column description: this text has 10,001 characters, more than 10,000: "
        "shorten it",
        "Error: organisations.csv, row 3, column name: contains the control character U+0000: remove it (retype "
        "the text if you cannot see it)",
        "2 problems found.",
    ]


def test_a_control_character_in_a_number_cell_is_one_line(tmp_path: Path, runner: CliRunner) -> None:
    tables = {
        "organisations": [["id", "name"], ["a", "A"], ["b", "B"]],
        "links": [["source", "target", "strength"], ["a", "b", "3\x07"]],
        "stages": [["id", "name", "order"], ["s1", "One", "1"], ["s2", "Two", "2\x07"]],
    }
    result = runner.invoke(cli, ["validate", str(write_folder(tmp_path / "t", tables))])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines() == [
        "Error: stages.csv, row 3, column order: contains the control character U+0007: remove it (retype the "
        "text if you cannot see it)",
        "Error: links.csv, row 2, column strength: contains the control character U+0007: remove it (retype the "
        "text if you cannot see it)",
        "2 problems found.",
    ]


def test_only_safe_addresses_become_links(tmp_path: Path) -> None:
    organisations = [
        ["id", "name", "url"],
        ["a", "A", "javascript:alert(1)"],
        ["b", "B", "data:text/html,<script>alert(1)</script>"],
        ["c", "C", "https://example.org/ok"],
    ]
    page = write_html(
        load_map(write_folder(tmp_path / "u", {"organisations": organisations, "links": [["source", "target"]]})),
        tmp_path / "u.html",
    ).read_text()
    assert 'href="javascript' not in page and "SAFE_URL = /^(https?:|mailto:)/i" in page


def test_an_interrupted_run_leaves_no_partial_file(
    runner: CliRunner, tmp_path: Path, small_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "map.html"
    out.write_text("last week's map", encoding="utf-8")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = runner.invoke(cli, ["map", str(small_folder), "-o", str(out)])
    assert result.exit_code == 1  # click reports "Aborted!"
    assert out.read_text(encoding="utf-8") == "last week's map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html", "small"]


@pytest.mark.browser
def test_a_payload_presentation_runs_nothing(open_page: Any, payload_map: Path, tmp_path: Path) -> None:
    views = [
        ["name", "title", "note", "step", "colour_by"],
        [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], "1", ""],
        ["coloured", "By contact", "", "2", "contact person"],  # the legend of a step lists payload values
    ]
    write_folder(payload_map, {"views": views})
    opened = open_page(write_presentation(load_map(payload_map), tmp_path / "deck.html"))
    page = opened.page
    assert page.inner_text("#step-title") == PAYLOADS[1]
    page.keyboard.press("n")
    assert page.inner_text("#step-note") == PAYLOADS[2]
    page.keyboard.press("ArrowRight")
    shown = page.locator(".deck-legend:not([hidden]) li")
    assert set(PAYLOADS) <= {text.strip() for text in shown.all_inner_texts()}
    page.wait_for_timeout(300)
    assert opened.dialogs == [] and opened.requests == [] and opened.errors == []


def test_a_workbook_with_a_damaged_sheet(runner: CliRunner, tmp_path: Path) -> None:
    whole = write_workbook(tmp_path / "whole.xlsx", {"Organisations": ORGANISATIONS, "Links": LINKS})
    with zipfile.ZipFile(whole) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    cut = tmp_path / "cut-sheet.xlsx"  # a sound zip whose first sheet's XML stops half-way
    with zipfile.ZipFile(cut, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data[: len(data) // 2] if name == sheet else data)
    assert "cannot read this workbook" in _one_line_error(runner.invoke(cli, ["validate", str(cut)]))
    flipped = bytearray(whole.read_bytes())  # a corrupt compressed member: inflating it fails
    with zipfile.ZipFile(whole) as original:
        info = original.getinfo(sheet)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    flipped[start : start + 20] = bytes(b ^ 0xFF for b in flipped[start : start + 20])
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(bytes(flipped))
    assert "cannot read this workbook" in _one_line_error(runner.invoke(cli, ["validate", str(corrupt)]))


def test_analysis_and_diff_csv_run_no_formulas(runner: CliRunner, tmp_path: Path) -> None:
    orgs = [["id", "name"], ["=cmd", '=HYPERLINK("http://evil","x")'], ["b", "+SUM(1)"]]
    old = write_folder(tmp_path / "old", {"organisations": orgs, "links": [["source", "target"], ["=cmd", "b"]]})
    orgs[1][1] = "@renamed"
    new = write_folder(tmp_path / "new", {"organisations": orgs, "links": [["source", "target"], ["=cmd", "b"]]})
    outputs = [
        runner.invoke(cli, ["analyse", str(old), "--format", "csv"]).output,
        runner.invoke(cli, ["analyse", str(old), "--format", "csv", "--table", "communities"]).output,
        runner.invoke(cli, ["diff", str(old), str(new), "--format", "csv"]).output,
    ]
    for text in outputs:
        cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
        assert "'=cmd" in cells, text
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], text


def test_a_lone_surrogate_is_one_clear_line_not_a_crash_later(runner: CliRunner, tmp_path: Path) -> None:
    """A JSON escape such as \\ud800 reads as half a character, which no output can write."""
    cases = {
        "map.json": '{"organisations": [{"id": "a", "name": "A\\ud800x"}, {"id": "b", "name": "B"}],'
        ' "links": [{"source": "a", "target": "b"}]}',
        "header.json": '{"organisations": [{"id": "a", "name": "A", "x\\udfff": "1"}], "links": []}',
        "title.json": '{"title": "T\\ud800", "organisations": [{"id": "a", "name": "A"}], "links": []}',
        "map.yaml": 'organisations:\n  - {id: a, name: A, aliases: ["ok", "B\\ud800"]}\nlinks: []\n',
    }
    expected = {
        "map.json": "section organisations, item 1, field name: contains an invalid character (lone surrogate "
        "U+D800): remove it",
        "header.json": "section organisations, item 1, field 3: this header contains an invalid character (lone "
        "surrogate U+DFFF): remove it",
        "title.json": "section settings, item 2, field title: contains an invalid character (lone surrogate U+D800): "
        "remove it",
        "map.yaml": "section organisations, item 1, field aliases: contains an invalid character (lone surrogate "
        "U+D800): remove it",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out = tmp_path / f"{name}.png"
        result = runner.invoke(cli, ["image", str(path), "-o", str(out)])
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        assert result.output.splitlines()[0] == f"Error: {name}, {expected[name]}"
        assert not out.exists()


def test_c1_control_characters_are_refused_like_c0(runner: CliRunner, tmp_path: Path) -> None:
    """U+0080 to U+009F, written in UTF-8 or a Windows-1252 byte that is no character, are control characters."""
    folder = tmp_path / "c1"
    folder.mkdir()
    (folder / "organisations.csv").write_bytes("id,name\na,A\u0085B\nb,B€\n".encode())
    (folder / "links.csv").write_bytes(b"source,target\n")
    result = runner.invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "Error: organisations.csv, row 2, column name: contains the control character U+0085: remove it (retype "
        "the text if you cannot see it)"
    )
    (folder / "organisations.csv").write_bytes(b"id,name\na,\x80 \x93quoted\x94\nc,\x81C\n")  # Windows-1252
    result = runner.invoke(cli, ["validate", str(folder)])
    assert result.output.splitlines()[:2] == [
        "Error: organisations.csv, row 3, column name: contains the control character U+0081: remove it (retype "
        "the text if you cannot see it)",
        "1 problem found.",
    ]


def test_a_yaml_alias_bomb_is_refused_before_it_expands(runner: CliRunner, tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]  # 9**9 values in all
    lines += ["organisations: [{id: x, name: X, tags: *a8}]", "links: []"]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines), encoding="utf-8")
    line = _one_line_error(runner.invoke(cli, ["validate", str(bomb)]))
    assert line == (
        f"Error: {bomb}, line 7: this file uses too many YAML aliases (they repeat more than 1,000,000 values): "
        "write the values out instead of repeating them with *aliases"
    )
    fine = tmp_path / "fine.yaml"  # aliases as people use them are fine
    fine.write_text(
        "tags: &tags [a, b]\norganisations:\n"
        + "".join(f"  - {{id: o{i}, name: O{i}, tags: *tags}}\n" for i in range(200))
        + "links: []\n",
        encoding="utf-8",
    )
    assert runner.invoke(cli, ["validate", str(fine)]).exit_code == 0


def test_deep_nesting_and_lying_byte_order_marks(runner: CliRunner, tmp_path: Path) -> None:
    for name, text in {
        "deep.json": '{"organisations": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "deep.yaml": "organisations: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "deep.cyjs": '{"elements": {"nodes": ' + "[" * 100_000 + "]" * 100_000 + "}}",
        "cell.json": '{"organisations": [{"id": "a", "name": "A", "x": ' + "[" * 600 + "]" * 600 + "}]}",
        "itself.yaml": "organisations: [{id: a, name: A, tags: &t [x, *t]}]\nlinks: []\n",  # a list in itself
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert _one_line_error(runner.invoke(cli, ["validate", str(tmp_path / name)])) == (
            f"Error: {tmp_path / name}: this file nests lists or sections more than 50 levels deep: a map needs a few"
        )
    (tmp_path / "bom.cyjs").write_bytes(codecs.BOM_UTF8 + b'{"elements": {"nodes": ["\xff"]}}')
    assert _one_line_error(runner.invoke(cli, ["validate", str(tmp_path / "bom.cyjs")])) == (
        f"Error: {tmp_path / 'bom.cyjs'}: this file says it is UTF-8 but byte 29 is not: save it again as UTF-8"
    )
    folder = write_folder(tmp_path / "bom", {"organisations": ORGANISATIONS, "links": LINKS})
    (folder / "links.csv").write_bytes(codecs.BOM_UTF8 + b"source,target\npolitie,om\xff\n")
    assert _one_line_error(runner.invoke(cli, ["validate", str(folder)])) == (
        f"Error: {folder / 'links.csv'}: this file says it is UTF-8 but byte 28 is not: save it again as UTF-8"
    )
    (folder / "links.csv").write_bytes(codecs.BOM_UTF16_LE + "source,target\n".encode("utf-16-le") + b"\x00\xd8")
    assert _one_line_error(runner.invoke(cli, ["validate", str(folder)])).startswith(
        f"Error: {folder / 'links.csv'}: this file says it is UTF-16 but byte "
    )


def test_wide_tables_cannot_blow_up_memory(runner: CliRunner, tmp_path: Path) -> None:
    """Every row is read as wide as the table: trailing empty columns do not count, and 1,000 columns at most."""
    folder = write_folder(tmp_path / "wide", {"organisations": ORGANISATIONS, "links": LINKS})
    (folder / "links.csv").write_text("source,target" + "," * 100_000 + "\npolitie,om\n", encoding="utf-8")
    assert read_source(folder).tables["links"].headers == ["source", "target"]
    (folder / "links.csv").write_text(",".join(f"c{i}" for i in range(1001)) + "\n", encoding="utf-8")
    assert _one_line_error(runner.invoke(cli, ["validate", str(folder)])) == (
        "Error: links.csv: this table has 1,001 columns, more than 1,000: delete the columns it does not need"
    )
    path = tmp_path / "wide.json"
    path.write_text(json.dumps({"organisations": [{f"k{i}": 1} for i in range(1001)], "links": []}))
    assert _one_line_error(runner.invoke(cli, ["validate", str(path)])) == (
        f"Error: {path}: section organisations has more than 1,000 different fields: use fewer fields"
    )


def test_an_unbalanced_quote_names_its_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "quote", {"organisations": ORGANISATIONS, "links": LINKS})
    (folder / "links.csv").write_text('source,target\npolitie,"om\n' + "x" * 140_000 + "\n", encoding="utf-8")
    assert _one_line_error(runner.invoke(cli, ["validate", str(folder)])) == (
        f"Error: {folder / 'links.csv'}, line 3: cannot read this CSV file (field larger than field limit (131072)): "
        "a quote opened on line 2 runs on to here: check its quotes"
    )


def test_numbers_and_dates_python_cannot_hold_are_text_to_validate(runner: CliRunner, tmp_path: Path) -> None:
    """A 5,000-digit number or the date 2021-13-45 is checked like any cell, not a crash in the reader."""
    digits = "9" * 5000
    (tmp_path / "map.yaml").write_text(
        f"organisations: [{{id: a, name: A, since: 2021-13-45, staff: {digits}}}, {{id: b, name: B}}]\n"
        f"links: [{{source: a, target: b, strength: {digits[:400]}}}]\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["validate", str(tmp_path / "map.yaml")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines() == [
        "Error: map.yaml, section organisations, item 1, field since: '2021-13-45' is not a date: there is no month "
        "13: months run from 1 to 12",
        f"Error: map.yaml, section links, item 1, field strength: '{digits[:400]}' is not a strength: use a whole "
        "number from 1 to 5",
        "2 problems found.",
    ]
    (tmp_path / "map.json").write_text(
        f'{{"organisations": [{{"id": "a", "name": "A", "staff": {digits}}}], "links": []}}', encoding="utf-8"
    )
    assert load_map(tmp_path / "map.json").organisations.loc[0, "staff"] == digits


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_output_file_follows_the_umask(tmp_path: Path, umask: int) -> None:
    from stakeholders._atomic import write_atomic

    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "map.html", b"<!doctype html>")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "map.html").st_mode) == 0o666 & ~umask


def test_a_replaced_output_file_keeps_its_mode(tmp_path: Path) -> None:
    from stakeholders._atomic import write_atomic

    target = tmp_path / "map.html"
    target.write_bytes(b"old")
    target.chmod(0o600)
    old = os.umask(0o022)
    try:
        write_atomic(target, b"new")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
