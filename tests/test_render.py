"""The HTML page as bytes: offline, safe, deterministic, written atomically."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PAYLOADS, write_folder

from stakeholders import OutputError, load_map, map_data, to_html, write_html
from stakeholders.pages import html_safe_json, vis_network_bundle


class _Resources(HTMLParser):
    """Collects every attribute that could make the browser fetch something, and the scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.handlers: list[str] = []
        self.tags: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers.extend(name for name, _ in attrs if name.startswith("on"))
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action", "poster", "data") and value:
                self.urls.append(value)
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def _parse(page: str) -> _Resources:
    parser = _Resources()
    parser.feed(page)
    return parser


def test_page_loads_nothing_from_outside(small_folder: Path) -> None:
    page = to_html(load_map(small_folder))
    resources = _parse(page)
    assert [url for url in resources.urls if not url.startswith("#")] == []
    assert all("src" not in attrs for attrs, _ in resources.scripts)
    assert "@import" not in page and "url(http" not in page


def test_vis_network_comes_from_pyvis_and_is_inlined(small_folder: Path) -> None:
    bundle = vis_network_bundle()
    assert "@version 9.1.2" in bundle[:400]
    assert bundle in to_html(load_map(small_folder))


def test_content_security_policy_allows_only_our_scripts(small_folder: Path) -> None:
    page = to_html(load_map(small_folder))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy
    hashes = set(re.findall(r"'sha256-([^']+)'", policy))
    executable = [text for attrs, text in _parse(page).scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 3  # vis-network, the map's, saving positions
    assert {base64.b64encode(hashlib.sha256(t.encode()).digest()).decode() for t in executable} == hashes


def test_embedded_json_cannot_end_its_script() -> None:
    text = html_safe_json({"a": "</script><!--<script>&'\u2028\u2029"})
    assert not re.search(r"[<>&'\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!--<script>&'\u2028\u2029"}


def test_payloads_never_reach_the_page_as_markup(payload_map: Path) -> None:
    page = to_html(load_map(payload_map))
    for payload in PAYLOADS:
        assert payload not in page
    parsed = _parse(page)
    assert len(parsed.scripts) == 4  # data, vis-network, ours (the map's, saving positions)
    assert parsed.handlers == []  # no element got an event-handler attribute
    assert "img" not in parsed.tags and "svg" in parsed.tags  # svg only from our legend swatches
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the source note, escaped as text


def test_data_object_keeps_every_field(small_folder: Path) -> None:
    data = map_data(load_map(small_folder))
    assert data["format"] == "stakeholders.map/1"
    assert [o["id"] for o in data["organisations"]] == ["om", "politie", "007", "reclassering"]
    assert data["organisations"][1]["aliases"] == ["Nationale Politie", "NP"]
    assert set(data["layout"]["positions"]) == {"om", "politie", "007", "reclassering"}
    curves = data["layout"]["curves"]
    assert set(curves) == {"politie>om", "politie>om~2"}  # the two politie-om links bend apart
    assert curves["politie>om"] == -curves["politie>om~2"]


def test_two_builds_give_identical_bytes(small_folder: Path, tmp_path: Path) -> None:
    first = write_html(load_map(small_folder), tmp_path / "one.html").read_bytes()
    second = write_html(load_map(small_folder), tmp_path / "two.html").read_bytes()
    assert first == second


def test_row_order_does_not_move_anyone(tmp_path: Path, small_folder: Path) -> None:
    from conftest import LINKS, ORGANISATIONS

    shuffled = write_folder(
        tmp_path / "shuffled",
        {"organisations": [ORGANISATIONS[0], *reversed(ORGANISATIONS[1:])], "links": [LINKS[0], *reversed(LINKS[1:])]},
    )
    first = map_data(load_map(small_folder))["layout"]["positions"]
    second = map_data(load_map(shuffled))["layout"]["positions"]
    assert first == second


def test_write_leaves_no_stray_files(small_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(tmp_path)
    write_html(load_map(small_folder), out / "map.html")
    assert sorted(os.listdir(out)) == ["map.html"]
    assert not (tmp_path / "lib").exists()


def test_failed_write_keeps_the_old_file(small_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "map.html"
    target.write_text("old map", encoding="utf-8")

    def broken_replace(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(KeyboardInterrupt):
        write_html(load_map(small_folder), target)
    assert target.read_text(encoding="utf-8") == "old map"
    assert sorted(os.listdir(tmp_path)) == ["map.html", "small"]


def test_missing_output_folder(small_folder: Path, tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_html(load_map(small_folder), tmp_path / "nowhere" / "map.html")
    assert str(caught.value) == (
        f"{tmp_path / 'nowhere' / 'map.html'}: the folder {tmp_path / 'nowhere'} does not exist: "
        "create it first or choose another output path"
    )


def test_notebook_display_is_a_sandboxed_frame(small_folder: Path) -> None:
    m = load_map(small_folder)
    frame = m._repr_html_()
    assert frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame  # the whole page is escaped into the attribute


def test_title_override(small_folder: Path) -> None:
    page = to_html(load_map(small_folder), title="Overleg <b>7 mei</b>")
    assert "<title>Overleg &lt;b&gt;7 mei&lt;/b&gt;</title>" in page


def test_empty_fields_take_no_bytes(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "bare",
        {
            "organisations": [["id", "name", "description", "url"], ["a", "A", "", ""], ["b", "B", "", ""]],
            "links": [["source", "target", "notes"], ["a", "b", ""]],
        },
    )
    data = map_data(load_map(folder))
    assert [set(org) for org in data["organisations"]] == [{"id", "name"}, {"id", "name"}]
    assert data["links"] == [{"id": "a>b", "source": "a", "target": "b", "direction": "directed", "status": "active"}]
    assert all(value not in ("", None, []) for stage in data["stages"] for value in stage.values())
    page = to_html(load_map(folder))
    assert html_safe_json(data["organisations"]) in page  # exactly these records, nothing padded


def test_progress_is_reported_not_printed(
    small_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAKEHOLDERS_CACHE", "off")
    messages: list[str] = []
    to_html(load_map(small_folder), progress=messages.append)
    assert messages[0].startswith("Laying out part 1 of 1")
    assert messages[-1] == "Writing the page (4 organisations, 4 links)"
    assert capsys.readouterr() == ("", "")
    dutch: list[str] = []
    to_html(load_map(small_folder), lang="nl", progress=dutch.append)
    assert dutch[-1] == "De pagina schrijven (4 organisaties, 4 verbindingen)"
