"""The layout cache: keyed by content, never changes the bytes, survives a broken cache folder."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from conftest import LINKS, ORGANISATIONS, write_folder

from stakeholders import load_map as load_source
from stakeholders import to_html
from stakeholders.layout import _cache as cache
from stakeholders.layout import cache_folder, cached_positions, layout_key, map_skeleton


@pytest.fixture
def layouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder for this test, set through the environment."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("STAKEHOLDERS_CACHE", str(folder))
    return folder


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the layouts actually computed (cache misses)."""
    calls: list[int] = []
    original = cache.compute_positions

    def counting(skeleton: Any, progress: Any = None) -> Any:
        calls.append(len(skeleton.nodes))
        return original(skeleton, progress=progress)

    monkeypatch.setattr(cache, "compute_positions", counting)
    return calls


def load_map(path: Path) -> Any:
    """The map, without its positions file: these tests are about the layout cache (tests/test_positions.py)."""
    return load_source(path, keep_positions=False)


def _variant(folder: Path, organisations: list[list[str]] | None = None, links: list[list[str]] | None = None) -> Path:
    return write_folder(folder, {"organisations": organisations or ORGANISATIONS, "links": links or LINKS})


def test_a_hit_gives_the_same_bytes_as_no_cache(
    small_folder: Path, layouts: Path, computed: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = to_html(load_map(small_folder))
    assert computed == [4] and len(list(layouts.glob("layout-*.json"))) == 1
    second = to_html(load_map(small_folder))
    assert computed == [4]  # the second page took its positions from the cache
    monkeypatch.setenv("STAKEHOLDERS_CACHE", "off")
    uncached = to_html(load_map(small_folder))
    assert first == second == uncached
    assert computed == [4, 4]


def test_colour_description_and_title_changes_hit(tmp_path: Path, layouts: Path, computed: list[int]) -> None:
    to_html(load_map(_variant(tmp_path / "before")))
    organisations = [row[:] for row in ORGANISATIONS]
    organisations[1][4] = "care"  # another sector: another colour
    organisations[2][8] = "A new description"
    organisations[3][1] = "Renamed organisation"
    links = [row[:] for row in LINKS]
    links[1][2] = "funding"  # another kind: another line colour
    after = to_html(load_map(_variant(tmp_path / "after", organisations, links)), title="Another title")
    assert computed == [4]
    assert "Another title" in after


def test_a_new_link_or_organisation_misses(tmp_path: Path, layouts: Path, computed: list[int]) -> None:
    to_html(load_map(_variant(tmp_path / "before")))
    to_html(load_map(_variant(tmp_path / "link", links=[*LINKS, ["007", "reclassering", "referral", "", "", ""]])))
    to_html(load_map(_variant(tmp_path / "org", organisations=[*ORGANISATIONS, ["new", "New", *[""] * 7]])))
    assert computed == [4, 4, 5]
    assert len(list(layouts.glob("layout-*.json"))) == 3


def test_row_order_and_parallel_link_direction_share_a_key(small_folder: Path, tmp_path: Path) -> None:
    reversed_links = [LINKS[0], *reversed(LINKS[1:])]
    assert layout_key(load_map(small_folder).graph) == layout_key(
        load_map(_variant(tmp_path / "r", None, reversed_links)).graph
    )
    assert layout_key(map_skeleton(load_map(small_folder))) == layout_key(
        map_skeleton(load_map(_variant(tmp_path / "r2", None, reversed_links)))
    )


def test_a_graph_and_its_skeleton_share_an_entry(small_folder: Path, layouts: Path, computed: list[int]) -> None:
    m = load_map(small_folder)
    assert layout_key(m.graph) == layout_key(map_skeleton(m))
    assert cached_positions(m.graph) == cached_positions(map_skeleton(m))
    assert computed == [4] and len(list(layouts.glob("layout-*.json"))) == 1


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "",
        "[]",
        '{"format": "stakeholders.layout-cache/1", "key": "KEY", "positions": {"om": [0, 0]}}',
        '{"format": "stakeholders.layout-cache/1", "key": "KEY", "positions": '
        '{"om": [0, "x"], "politie": [1, 1], "007": [2, 2], "reclassering": [3, 3]}}',
    ],
    ids=["broken", "empty", "list", "missing organisations", "not a number"],
)
def test_a_corrupt_file_is_ignored_and_replaced(
    small_folder: Path, layouts: Path, computed: list[int], content: str
) -> None:
    expected = to_html(load_map(small_folder))
    (path,) = layouts.glob("layout-*.json")
    path.write_text(content.replace("KEY", path.stem.removeprefix("layout-")), encoding="utf-8")
    assert to_html(load_map(small_folder)) == expected
    assert computed == [4, 4]
    assert json.loads(path.read_text(encoding="utf-8"))["positions"].keys() == {"om", "politie", "007", "reclassering"}


def test_off_writes_nothing(small_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAKEHOLDERS_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    to_html(load_map(small_folder))
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_default_folder_follows_xdg_and_home(tmp_path: Path) -> None:
    assert cache_folder({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "stakeholders"
    assert cache_folder({"HOME": "/home/me"}) == Path.home() / ".cache" / "stakeholders"
    assert cache_folder({"STAKEHOLDERS_CACHE": "OFF"}) is None


def test_an_unwritable_cache_is_no_reason_to_fail(
    small_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("STAKEHOLDERS_CACHE", str(blocker / "cache"))
    assert to_html(load_map(small_folder)).startswith("<!DOCTYPE html>")


def test_old_entries_are_removed(tmp_path: Path, layouts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for number in range(3):
        extra = [[f"x{number}", f"Extra {number}", *[""] * 7]]
        to_html(load_map(_variant(tmp_path / str(number), organisations=[*ORGANISATIONS, *extra])))
    assert len(list(layouts.glob("layout-*.json"))) == 2


def test_cache_files_are_private(small_folder: Path, layouts: Path) -> None:
    # they name organisations by id, whatever the audience of the map
    old = os.umask(0o022)
    try:
        to_html(load_map(small_folder))
    finally:
        os.umask(old)
    (entry,) = layouts.glob("layout-*.json")
    assert stat.S_IMODE(os.stat(entry).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(layouts).st_mode) == 0o700
