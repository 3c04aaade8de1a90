"""Export: every format loads back into the same map, outputs are safe, stable and written atomically."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import map_summary, write_awkward_map, write_folder, write_json

from stakeholders import InvalidArgument, OutputError, compute_positions, example_path, export_map, load_map
from stakeholders.cli import cli
from stakeholders.formats import export_format
from stakeholders.formats.csvfolder import to_csv_files
from stakeholders.formats.graphfiles import to_cyjs, to_gexf, to_graphml
from stakeholders.formats.workbook import to_xlsx
from stakeholders.style import kind_colour, sector_colour

OUTPUTS = {
    "xlsx": ("map.xlsx", False),
    "kumu": ("kumu.xlsx", True),
    "gexf": ("map.gexf", False),
    "graphml": ("map.graphml", False),
    "cyjs": ("map.cyjs", False),
    "csv": ("csv-folder", False),
}


@pytest.fixture(scope="module")
def example_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example map as our own workbook: the starting point the issue names."""
    return export_map(load_map(example_path()), tmp_path_factory.mktemp("example") / "example.xlsx")


@pytest.fixture(scope="module")
def awkward_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_awkward_map(tmp_path_factory.mktemp("awkward") / "awkward.xlsx")


@pytest.mark.parametrize("output", sorted(OUTPUTS))
@pytest.mark.parametrize("source", ["example_xlsx", "awkward_xlsx"])
def test_every_format_round_trips(source: str, output: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    original = load_map(request.getfixturevalue(source))
    name, kumu = OUTPUTS[output]
    written = export_map(original, tmp_path / name, kumu=kumu)
    assert map_summary(load_map(written)) == map_summary(original)


def test_the_example_workbook_is_the_example(example_xlsx: Path) -> None:
    assert map_summary(load_map(example_xlsx)) == map_summary(load_map(example_path()))


def test_the_awkward_map_is_awkward(awkward_xlsx: Path) -> None:
    m = load_map(awkward_xlsx)
    assert list(m.organisations["id"]) == ["007", "om", "1e3", "0.50", "x-y", "ar"]
    assert m.organisations.loc[0, "short_name"] == "=1+1"
    assert m.organisations.loc[0, "since"] == "2019-03-01"
    assert m.organisations.loc[0, "aliases"] == ["Bond", "James Bond"]
    assert m.organisations.loc[3, "Noot €"] == "''+x"
    assert m.settings.source_note == "=cmd|' /C calc'!A0"
    assert list(m.links["id"]) == ["001", "om>007", "L9", "L10", "L11", "L12"]  # om>007: named after its ends
    assert m.links.loc[2, "last_checked"] == "2024-01-02"
    assert list(m.stages["id"])[:2] == ["prevention", "detection"]  # the default stages


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_the_same_map_gives_the_same_bytes(output: str, awkward_xlsx: Path, tmp_path: Path) -> None:
    m = load_map(awkward_xlsx)
    name, kumu = OUTPUTS[output]
    first = export_map(m, tmp_path / f"first-{name}", kumu=kumu)
    second = export_map(m, tmp_path / f"second-{name}", kumu=kumu)
    if output == "csv":
        files = sorted(p.name for p in first.iterdir())
        assert files == ["links.csv", "map.csv", "organisations.csv"]  # default stages: no stages.csv
        assert [(first / f).read_bytes() for f in files] == [(second / f).read_bytes() for f in files]
    else:
        assert first.read_bytes() == second.read_bytes()


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_cells_cannot_run_as_formulas(awkward_xlsx: Path) -> None:
    files = to_csv_files(load_map(awkward_xlsx))
    organisations = _csv_rows(files["organisations.csv"])
    assert organisations[1][:4] == ["007", "Agent Zéro Zéro Sept 🕵️", "'=1+1", "Bond|James Bond"]
    assert organisations[1][-2:] == ["'+31 20 123 4567", "'@home"]
    assert organisations[2][-1] == "'-"
    assert organisations[3][8] == "''=already quoted"  # an apostrophe already there gets one more
    assert organisations[4][-1] == "'" + "''+x"
    assert ["source_note", "'=cmd|' /C calc'!A0"] in _csv_rows(files["map.csv"])
    links = _csv_rows(files["links.csv"])
    assert links[3][links[0].index("notes")] == '\'=HYPERLINK("http://example.org")'
    assert files["organisations.csv"].startswith(codecs.BOM_UTF8 + b"id,name,")


@pytest.mark.parametrize("kumu", [False, True])
def test_workbook_cells_are_text_marked_as_such(awkward_xlsx: Path, kumu: bool) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx(load_map(awkward_xlsx), kumu=kumu)))
    sheet = workbook["Elements" if kumu else "Organisations"]
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    for text in ("=1+1", "+31 20 123 4567", "@home", "'=already quoted"):
        assert cells[text].data_type == "s", text  # a string, never a formula
        assert cells[text].quotePrefix, text  # and Excel keeps it text when the cell is edited
    assert -12 in [cell.value for row in sheet.iter_rows() for cell in row]  # a number in a custom field
    assert not cells["Openbaar Ministerie"].quotePrefix
    assert not any(cell.data_type == "f" for ws in workbook for row in ws.iter_rows() for cell in row)


def test_our_workbook_has_our_sheets(example_xlsx: Path) -> None:
    workbook = openpyxl.load_workbook(example_xlsx, read_only=True)
    assert workbook.sheetnames == ["Organisations", "Links", "Stages", "Script", "Barriers", "Views", "Map"]
    header = next(workbook["Organisations"].iter_rows(values_only=True))
    workbook.close()
    assert header[:4] == ("id", "name", "short_name", "aliases")


def test_gexf_opens_laid_out_and_coloured() -> None:
    m = load_map(example_path())
    G = nx.read_gexf(io.BytesIO(to_gexf(m).replace(b' type="undirected"', b"")))  # networkx reads no mixed graph
    positions = compute_positions(m.graph)
    nr = G.nodes["nr"]
    assert nr["label"] == "Rapporteur"
    assert nr["viz"]["position"] == {"x": positions["nr"][0], "y": -positions["nr"][1], "z": 0.0}
    colour = sector_colour("government").lstrip("#")
    assert nr["viz"]["color"] == {
        "r": int(colour[:2], 16),
        "g": int(colour[2:4], 16),
        "b": int(colour[4:], 16),
        "a": 1.0,
    }
    assert nr["viz"]["size"] > 8
    assert len({data["viz"]["size"] for _, data in G.nodes(data=True)}) > 3  # sized by number of links
    edge = next(data for _, _, data in G.edges(data=True) if data["id"] == "L013")
    assert edge["kind"] == load_map(example_path()).links.set_index("id").loc["L013", "kind"]
    text = to_gexf(m).decode("utf-8")
    expected = kind_colour(edge["kind"]).lstrip("#")
    assert f'<viz:color r="{int(expected[:2], 16)}" g="{int(expected[2:4], 16)}"' in text
    assert "networkx_key" not in text and 'lastmodifieddate="2026-12-07"' in text


def test_cyjs_has_positions_and_the_fields(awkward_xlsx: Path) -> None:
    m = load_map(awkward_xlsx)
    document = json.loads(to_cyjs(m))
    positions = compute_positions(m.graph)
    first = document["elements"]["nodes"][0]
    assert first["position"] == {"x": positions["007"][0], "y": positions["007"][1]}
    assert first["data"]["aliases"] == ["Bond", "James Bond"]
    first_link = document["elements"]["edges"][0]["data"]
    assert (first_link["id"], first_link["source"], first_link["target"], first_link["strength"]) == (
        "001",
        "007",
        "om",
        3,
    )
    assert {e["data"]["id"] for e in document["elements"]["edges"]} == set(m.links["id"])
    assert document["data"]["name"] == "Kaart — test ✓ | pipes"


def test_graphml_keeps_lists_as_pipes(awkward_xlsx: Path) -> None:
    text = to_graphml(load_map(awkward_xlsx)).replace(b' directed="false"', b"")  # networkx reads no mixed graph
    G = nx.read_graphml(io.BytesIO(text), force_multigraph=True)
    assert G.nodes["007"]["aliases"] == "Bond|James Bond"
    assert G.nodes["om"]["stages"] == "prosecution|policy"
    assert G.graph["title"] == "Kaart — test ✓ | pipes"


@pytest.mark.parametrize(
    ("path", "kumu", "message"),
    [
        (
            "map.png",
            False,
            "map.png: unsupported output type '.png': use .gexf, .graphml, .cyjs, .xlsx or a folder for CSV",
        ),
        (
            "map.csv",
            False,
            "map.csv: CSV export writes a folder: give a folder name, e.g. my-map "
            "(it gets organisations.csv, links.csv and map.csv, and stages.csv and views.csv when the map has "
            "its own stages or views)",
        ),
        ("map.gexf", True, "map.gexf: Kumu's format is an .xlsx workbook: give an output ending in .xlsx"),
    ],
)
def test_unsupported_outputs(path: str, kumu: bool, message: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        export_format(path, kumu=kumu)
    assert str(caught.value) == message


def test_never_overwrites_the_source(small_folder: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidArgument, match="this would overwrite the source"):
        export_map(load_map(small_folder), small_folder)
    workbook = export_map(load_map(small_folder), tmp_path / "map.xlsx")
    with pytest.raises(InvalidArgument, match="this would overwrite the source"):
        export_map(load_map(workbook), workbook)


def test_a_folder_with_other_tables_is_refused(small_folder: Path, tmp_path: Path) -> None:
    target = write_folder(tmp_path / "out", {"organisaties": [["id", "name"], ["a", "A"]]})
    with pytest.raises(OutputError) as caught:
        export_map(load_map(small_folder), target)
    assert str(caught.value) == (
        f"{target}: organisaties.csv in this folder would be read as the map's organisations: "
        "remove it or choose an empty folder"
    )
    assert sorted(p.name for p in target.iterdir()) == ["organisaties.csv"]


def test_a_csv_folder_is_created_and_its_files_replaced(small_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "new"
    export_map(load_map(small_folder), target)
    (target / "links.csv").write_text("old", encoding="utf-8")
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    export_map(load_map(small_folder), target)
    assert sorted(p.name for p in target.iterdir()) == ["links.csv", "map.csv", "notes.txt", "organisations.csv"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert map_summary(load_map(target)) == map_summary(load_map(small_folder))


def test_export_command(runner: CliRunner, small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.gexf"
    result = runner.invoke(cli, ["export", str(small_folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {out.resolve()} (GEXF: 4 organisations, 4 links).\n"
    result = runner.invoke(cli, ["export", str(small_folder), "-o", str(tmp_path / "k.xlsx"), "--kumu"])
    assert result.output == f"Wrote {(tmp_path / 'k.xlsx').resolve()} (Kumu workbook: 4 organisations, 4 links).\n"
    result = runner.invoke(cli, ["export", str(small_folder), "-o", str(tmp_path / "folder")])
    assert result.output == f"Wrote {(tmp_path / 'folder').resolve()} (CSV files: 4 organisations, 4 links).\n"
    assert map_summary(load_map(out)) == map_summary(load_map(small_folder))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "map.png"],
            "Error: map.png: unsupported output type '.png': use .gexf, .graphml, .cyjs, .xlsx or a folder for CSV",
        ),
        (
            ["-o", "map.gexf", "--kumu"],
            "Error: map.gexf: Kumu's format is an .xlsx workbook: give an output ending in .xlsx",
        ),
        ([], "Error: Missing option '-o' / '--output'."),
    ],
)
def test_export_usage_errors_exit_with_2(
    runner: CliRunner,
    small_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export", str(small_folder), *args])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small"]


def test_export_of_a_broken_source_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    source = write_folder(
        tmp_path / "broken",
        {"organisations": [["id", "name"], ["a", "A"]], "links": [["source", "target"], ["a", "b"]]},
    )
    result = runner.invoke(cli, ["export", str(source), "-o", str(tmp_path / "out.gexf")])
    assert result.exit_code == 1
    assert result.output == (
        "Error: links.csv, row 2, column target: unknown organisation 'b': use an id from the organisations table\n"
        "1 problem found; nothing was written.\n"
    )
    assert not (tmp_path / "out.gexf").exists()


def test_export_into_a_missing_folder_is_one_line(runner: CliRunner, small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "map.graphml"
    result = runner.invoke(cli, ["export", str(small_folder), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {out}: the folder {out.parent} does not exist: create it first or choose another output path\n"
    )


@pytest.mark.parametrize("name", ["map.gexf", "map.graphml", "map.xlsx"])
def test_control_characters_are_refused_in_one_line(runner: CliRunner, tmp_path: Path, name: str) -> None:
    source = write_folder(
        tmp_path / "ctrl",
        {"organisations": [["id", "name", "description"], ["a", "A", "bell\x07here"]], "links": [["source", "target"]]},
    )
    result = runner.invoke(cli, ["export", str(source), "-o", str(tmp_path / name)])
    assert result.exit_code == 1
    assert result.output == (
        "Error: organisations.csv, row 2, column description: contains the control character U+0007: remove it "
        "(retype the text if you cannot see it)\n1 problem found; nothing was written.\n"
    )
    assert not (tmp_path / name).exists()


def _piped(tmp_path: Path) -> Path:
    """A JSON source whose organisation a has the tag 'b|c': one item that holds a '|'."""
    return write_json(
        tmp_path / "piped.json",
        {
            "organisations": [["id", "name", "tags"], ["a", "Alpha", ["x", "b|c"]], ["b", "Beta", []]],
            "links": [["source", "target"], ["a", "b"]],
        },
    )


@pytest.mark.parametrize("output", sorted(set(OUTPUTS) - {"cyjs"}))
def test_a_list_item_holding_a_pipe_is_refused(runner: CliRunner, tmp_path: Path, output: str) -> None:
    name, kumu = OUTPUTS[output]
    out = tmp_path / "out" / name
    out.parent.mkdir()
    result = runner.invoke(cli, ["export", str(_piped(tmp_path)), "-o", str(out), *(["--kumu"] if kumu else [])])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'piped.json'}: organisation 'a', field tags: the list item 'b|c' contains '|', which "
        "separates list items in this format, so it would load back as several items: replace the '|' in the "
        "source (with '/', say) or export to .cyjs, which keeps lists as lists\n"
    )
    assert list(out.parent.iterdir()) == []


def test_a_pipe_in_a_list_item_is_refused_by_the_library_too(tmp_path: Path) -> None:
    m = load_map(_piped(tmp_path))
    for make in (to_xlsx, to_csv_files):
        with pytest.raises(OutputError, match="'b|c' contains '|'"):
            make(m)
    assert load_map(export_map(m, tmp_path / "map.cyjs")).organisations.loc[0, "tags"] == ["x", "b|c"]


def test_the_docs_name_every_sheet_and_file_an_export_writes(runner: CliRunner, tmp_path: Path) -> None:
    m = load_map(example_path())
    files = sorted(export_map(m, tmp_path / "folder").iterdir())
    sheets = openpyxl.load_workbook(export_map(m, tmp_path / "map.xlsx")).sheetnames
    assert [path.name for path in files] == [
        "barriers.csv",
        "links.csv",
        "map.csv",
        "organisations.csv",
        "script.csv",
        "stages.csv",
        "views.csv",
    ]
    help_text = " ".join(runner.invoke(cli, ["export", "--help"]).output.split())
    formats = (Path(__file__).parent.parent / "docs" / "formats.md").read_text(encoding="utf-8")
    start = formats.index("## Exporting")
    table = formats[start : formats.index("**Nothing lost.**", start)]
    for name in [path.name for path in files] + sheets:
        assert name in help_text, name
        assert f"`{name}`" in table, name


def _private_map(folder: Path) -> Path:
    """A map with a restricted column, a column for partners, a default audience and hidden counts shown."""
    return write_folder(
        folder,
        {
            "organisations": [
                ["id", "name", "sector", "Contact person"],
                ["om", "Openbaar Ministerie", "justice", "Agent Jansen 06-9a1"],
                ["politie", "Politie", "police", ""],
            ],
            "links": [["source", "target", "notes", "Channel"], ["politie", "om", "partner note", "informal q8z"]],
            "map": [
                ["key", "value"],
                ["restricted_fields", "Contact person|Channel"],
                ["partners_fields", "notes"],
                ["audience", "partners"],
                ["show_hidden_counts", "yes"],
            ],
        },
    )


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_an_internal_export_keeps_its_private_columns_marked(output: str, tmp_path: Path) -> None:
    source = _private_map(tmp_path / "source")
    internal = load_map(source, audience="internal")
    name, kumu = OUTPUTS[output]
    written = export_map(internal, tmp_path / name, kumu=kumu)
    assert map_summary(load_map(written, audience="internal")) == map_summary(internal)
    settings = load_map(written, audience="internal").settings
    assert settings.restricted_fields == ("Contact person", "Channel")
    assert (settings.partners_fields, settings.audience, settings.show_hidden_counts) == (("notes",), "partners", True)
    public = load_map(written, audience="public")
    assert "Contact person" not in public.organisations and "Channel" not in public.links
    assert list(public.links["notes"]) == [""]
    partners = load_map(written)  # the source's default audience travels too
    assert partners.audience == "partners" and list(partners.links["notes"]) == ["partner note"]


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_a_public_export_names_no_column_it_left_out(output: str, tmp_path: Path) -> None:
    public = load_map(_private_map(tmp_path / "source"), audience="public")
    name, kumu = OUTPUTS[output]
    again = load_map(export_map(public, tmp_path / name, kumu=kumu), audience="internal")
    assert (again.settings.restricted_fields, again.settings.partners_fields) == ((), ("notes",))
    assert again.settings.audience == "public"  # a default wider than the export's audience would mean nothing
    assert "Contact person" not in again.organisations and list(again.links["notes"]) == [""]


def test_export_for_internal_readers_from_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    source, out = _private_map(tmp_path / "source"), tmp_path / "internal.xlsx"
    result = runner.invoke(cli, ["export", str(source), "-o", str(out), "--audience", "internal"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["map", str(out), "-o", str(tmp_path / "public.html"), "--audience", "public"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "public.html").read_text(encoding="utf-8")
    assert "Agent Jansen" not in page and "informal q8z" not in page and "partner note" not in page


@pytest.mark.parametrize("kumu", [False, True])
def test_numbers_in_custom_fields_are_numbers_in_workbooks(kumu: bool, tmp_path: Path) -> None:
    source = write_folder(
        tmp_path / "source",
        {
            "organisations": [
                ["id", "name", "Reach", "Serial"],
                ["1", "12", "5", "007"],
                ["b", "B", "-2.5", "1e3"],
                ["c", "C", "", "2.50"],
                ["d", "D", "1234567890123456", "3.0"],
            ],
            "links": [["source", "target", "Budget"], ["1", "b", "1500"]],
        },
    )
    m = load_map(source)
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx(m, kumu=kumu)))
    sheet = workbook["Elements" if kumu else "Organisations"]
    header = [cell.value for cell in sheet[1]]
    reach, code = header.index("Reach") + 1, header.index("Serial") + 1
    assert [sheet.cell(row, reach).value for row in range(2, 6)] == [5, -2.5, None, "1234567890123456"]
    assert [sheet.cell(row, code).value for row in range(2, 6)] == ["007", "1e3", "2.50", "3.0"]
    assert sheet.cell(2, 1).value == "1" and "12" in [cell.value for cell in sheet[2]]  # our own fields stay text
    links = workbook["Connections" if kumu else "Links"]
    assert 1500 in [cell.value for cell in links[2]]
    written = export_map(m, tmp_path / "map.xlsx", kumu=kumu)
    assert map_summary(load_map(written)) == map_summary(m)
