"""Damaged workbooks as transfers and disks leave them: one clear line, exit code 1, no traceback, nothing written.

Real workbooks are damaged on purpose, the same way every run (seeded): our own export, a Kumu export,
and workbooks that other software wrote (openpyxl on its own, pandas with xlsxwriter, SheetJS; see
``scripts/make_test_workbooks.py``). Each is cut at many lengths, has bytes flipped in its zip
directory and in the headers before its parts, loses a part or has one twice, and has the XML of a
part spoilt inside a sound zip. Some damage is harmless (a flipped date of a zip entry): then the map
is made as usual. Everything else must end in our own error.
"""

from __future__ import annotations

import io
import random
import re
import struct
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LINKS, ORGANISATIONS, write_folder
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stakeholders import export_map, load_map
from stakeholders.cli import cli
from stakeholders.errors import SourceError, ValidationError

DATA = Path(__file__).parent / "data"
OTHER_SOFTWARE = ("openpyxl", "xlsxwriter", "sheetjs")
DAMAGED = re.compile(
    r"Error: (?P<path>.+): cannot read this workbook: it is damaged or not an \.xlsx file \((?P<reason>.+)\): "
    r"get a new copy, or open it in Excel and save it again as \.xlsx"
)
"""The one line for a damaged workbook (its exact text is in test_read.py)."""
ODD_VALUES = (b"", b"-1", b"abc", b"1e309", b"A0", b"99999999999999999999", b"\xc3", b"&#0;")
"""What a damaged XML attribute or text may hold instead of its value."""


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The bytes of each real workbook, by who made it."""
    folder = write_folder(tmp_path_factory.mktemp("sound"), {"organisations": ORGANISATIONS, "links": LINKS})
    m = load_map(folder, audience="internal")
    ours = export_map(m, folder / "ours.xlsx").read_bytes()
    kumu = export_map(m, folder / "kumu.xlsx", kumu=True).read_bytes()
    return {"ours": ours, "kumu": kumu, **{name: (DATA / f"{name}.xlsx").read_bytes() for name in OTHER_SOFTWARE}}


# --- how a zip file is laid out, and ways to damage it ------------------------------------


def zip_layout(data: bytes) -> tuple[list[tuple[str, int, int]], int]:
    """Each entry as (name, offset of its local header, offset of its central directory record); and the
    offset of the end-of-directory record. Read from the bytes as the zip format lays them out."""
    end = data.rindex(b"PK\x05\x06")
    count, _, start = struct.unpack("<HII", data[end + 10 : end + 20])
    entries, at = [], start
    for _ in range(count):
        name_length, extra_length, comment_length = struct.unpack("<HHH", data[at + 28 : at + 34])
        (local,) = struct.unpack("<I", data[at + 42 : at + 46])
        entries.append((data[at + 46 : at + 46 + name_length].decode(), local, at))
        at += 46 + name_length + extra_length + comment_length
    return entries, end


def parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def zipped(members: list[tuple[str, bytes]]) -> bytes:
    """A sound zip of these parts, in this order (a name given twice is in it twice)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members:
                archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


def flipped(data: bytes, at: int, rng: random.Random) -> bytes:
    return data[:at] + bytes([data[at] ^ rng.randrange(1, 256)]) + data[at + 1 :]


def damaged(data: bytes, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """(what was done, the damaged bytes): cuts, flipped header bytes, lost and repeated parts, spoilt XML."""
    entries, end = zip_layout(data)
    for length in sorted({*rng.sample(range(len(data)), 12), end, end + 10, len(data) - 1}):
        yield f"cut at {length}", data[:length]
    for length in rng.sample(range(1, len(data)), 3):
        yield f"cut before {length}", data[length:]  # the start lost: the directory points before the file
    for name, local, central in entries:
        yield f"flip in the local header of {name}", flipped(data, local + rng.randrange(30 + len(name)), rng)
        yield f"flip in the directory record of {name}", flipped(data, central + rng.randrange(46 + len(name)), rng)
    for _ in range(3):
        yield "flip in the end of the directory", flipped(data, end + rng.randrange(22), rng)
    members = parts(data)
    for index, (name, _) in enumerate(members):
        yield f"drop {name}", zipped(members[:index] + members[index + 1 :])
        yield f"twice {name}, the second broken", zipped([*members, (name, b"<x")])
    for name, content in members:
        if name.endswith((".xml", ".rels")):
            values = [m.span(1) for m in re.finditer(rb'="([^"]*)"', content)]
            start, stop = rng.choice(values) if values else (0, 0)
            spoilt = {
                "cut": content[: len(content) // 2],
                "flipped": flipped(content, rng.randrange(len(content)), rng),
                "odd value": content[:start] + rng.choice(ODD_VALUES) + content[stop:],
            }
            for how, xml in spoilt.items():
                yield f"{how} XML in {name}", zipped([(n, xml if n == name else c) for n, c in members])


MUST_FAIL = re.compile(r"cut at |drop (xl/workbook\.xml|xl/worksheets/|\[Content_Types\])")
"""Damage after which no workbook can be read: it must give the one line for a damaged workbook."""


# --- the tests ----------------------------------------------------------------------------


def test_the_real_workbooks_are_sound(workbooks: dict[str, bytes], tmp_path: Path) -> None:
    """Undamaged, each workbook is a map (so what goes wrong below is the damage)."""
    for name, data in workbooks.items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(data)
        m = load_map(path, audience="internal")
        assert (len(m.organisations), len(m.links)) == ((4, 4) if name in ("ours", "kumu") else (3, 2)), name


def test_damaged_workbooks_give_one_line_and_write_nothing(workbooks: dict[str, bytes], tmp_path: Path) -> None:
    """Through load_map, every damaged workbook: a map or one of our errors. Through the CLI, every one
    that is no map: exit code 1, one line (or one per validation problem), nothing written, nothing changed."""
    runner = CliRunner()
    outcomes: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    source, out = tmp_path / "damaged.xlsx", tmp_path / "map.html"
    for maker, data in workbooks.items():
        for done, mutated in damaged(data, random.Random(maker)):
            what = f"{maker}: {done}"
            source.write_bytes(mutated)
            try:
                load_map(source, audience="internal")  # no warning either: the tests turn warnings into errors
            except (SourceError, ValidationError) as err:
                error = err
            else:  # harmless damage, such as a flipped date of a zip entry: the map is as it was
                assert MUST_FAIL.match(done) is None, what
                outcomes["made a map"] += 1
                continue
            result = runner.invoke(cli, ["map", str(source), "-o", str(out)])
            lines = result.output.splitlines()
            assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (what, result.output)
            if isinstance(error, SourceError):
                assert lines == [f"Error: {error}"], (what, lines)
                # the damage is named as such, but for a size field that now claims gigabytes (a zip bomb)
                outcome = "damaged" if DAMAGED.fullmatch(lines[0]) else "refused"
                assert outcome == "damaged" or "unpacks to" in lines[0], (what, lines)
                causes[type(error.__cause__).__name__] += 1
            else:  # a part that reads, with other data in it: validation says what is wrong with the data
                assert lines == [f"Error: {problem}" for problem in error.problems] + [
                    f"{len(error.problems)} problem{'s' if len(error.problems) > 1 else ''} found; nothing was written."
                ], (what, lines)
                outcome = "problems"
            assert MUST_FAIL.match(done) is None or outcome == "damaged", (what, lines)
            outcomes[outcome] += 1
            assert source.read_bytes() == mutated, what
            assert sorted(tmp_path.iterdir()) == [source], (what, list(tmp_path.iterdir()))
    # each outcome happens, so no branch above is dead
    assert outcomes["damaged"] > 200 and outcomes["made a map"] > 50 and outcomes["problems"] > 0, outcomes
    # what reading raised before it became our one line: families that read.DAMAGED_WORKBOOK names
    assert {"BadZipFile", "error", "KeyError", "ParseError", "ValueError", "TypeError"} <= set(causes), causes


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    maker=st.sampled_from(["ours", "kumu", *OTHER_SOFTWARE]),
    flips=st.lists(
        # anywhere, or in the last tenth, where the zip keeps its directory
        st.tuples(st.floats(0, 1, exclude_max=True) | st.floats(0.9, 1, exclude_max=True), st.integers(1, 255)),
        min_size=1,
        max_size=4,
    ),
    keep=st.just(1.0) | st.floats(0.5, 1),
)
def test_any_flipped_or_cut_workbook_loads_or_raises_our_error(
    workbooks: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory, maker: str, flips: list, keep: float
) -> None:
    """Bytes flipped anywhere, and the end cut off: load_map returns a map or raises one of our errors."""
    data = bytearray(workbooks[maker])
    for where, mask in flips:
        data[int(where * len(data))] ^= mask
    path = tmp_path_factory.getbasetemp() / "flipped.xlsx"
    path.write_bytes(bytes(data[: max(1, int(keep * len(data)))]))
    try:
        load_map(path, audience="internal")
    except SourceError as err:
        assert "\n" not in str(err)
    except ValidationError:
        pass


def test_a_workbook_that_lost_its_start_in_transfer(
    workbooks: dict[str, bytes], runner: CliRunner, tmp_path: Path
) -> None:
    """The workbook from the wild: only its end arrived, so its directory points before the file begins."""
    data = workbooks["xlsxwriter"]
    source = tmp_path / "cut.xlsx"
    source.write_bytes(data[-60:])
    result = runner.invoke(cli, ["map", str(source), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 1 and result.exception is not None and not (tmp_path / "m.html").exists()
    assert result.output.splitlines() == [
        f"Error: {source}: cannot read this workbook: it is damaged or not an .xlsx file (Bad offset for central "
        "directory): get a new copy, or open it in Excel and save it again as .xlsx"
    ]
