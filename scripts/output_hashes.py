"""Print a SHA-256 for every output the tool makes from the example map and the test maps.

What it is for: a restructuring must not change a single byte of output. Run it
before and after, and compare::

    .venv/bin/python scripts/output_hashes.py > /tmp/before.txt
    # … move code around …
    .venv/bin/python scripts/output_hashes.py > /tmp/after.txt
    diff /tmp/before.txt /tmp/after.txt        # no lines: nothing changed

It builds, through the command line (click's test runner) and the public Python
API only, so it runs on any version of the package: for the example map and the
small, payload and awkward maps of ``tests/conftest.py``, the map page in
English and Dutch, each view, for each audience, the report in English and
Dutch, the presentation, PNG/SVG/PDF images, every export format, ``analyse``
as text, JSON and every CSV table (with a what-if; text, JSON and the missing
cooperation in English and Dutch), and the diff between the
example as of 2015 and now as HTML, Markdown and CSV, and the example as of
2015 (what has no dates shown and hidden) as a map, report, GEXF and
analysis. Each line is
``sha256  name``. Everything runs in a temporary folder under relative paths
(outputs that name their source name it the same way each run), with the
layout cache in a temporary folder of its own; dates are fixed with
``--today``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-28"
HIDE = ("--undated", "hide")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _files(path: Path) -> Iterator[tuple[str, bytes]]:
    """A file's bytes, or each file of a folder by its name."""
    if path.is_dir():
        for child in sorted(path.iterdir()):
            yield f"/{child.name}", child.read_bytes()
    else:
        yield "", path.read_bytes()


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="stakeholders-hashes-"))
    os.environ["STAKEHOLDERS_CACHE"] = str(work / "cache")
    sys.path.insert(0, str(ROOT / "tests"))
    from click.testing import CliRunner
    from conftest import LINKS, ORGANISATIONS, write_awkward_map, write_folder, write_payload_map

    import stakeholders
    from stakeholders.cli import cli

    os.chdir(work)
    shutil.copytree(stakeholders.example_path(), work / "example")
    write_folder(work / "small", {"organisations": ORGANISATIONS, "links": LINKS})
    write_payload_map(work / "payloads")
    write_awkward_map(work / "awkward.xlsx")
    runner = CliRunner()
    lines: list[str] = []

    def run(name: str, *args: str, output: str | None = None) -> None:
        """Run the CLI; hash the file (or folder) written to ``output``, else what it printed."""
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        if result.exit_code != 0:
            lines.append(f"{'exit ' + str(result.exit_code):<64}  {name}: {result.output.strip()[:200]}")
            return
        if output is None:
            lines.append(f"{_sha(result.stdout.encode('utf-8'))}  {name}")
            return
        for suffix, data in _files(Path(output)):
            lines.append(f"{_sha(data)}  {name}{suffix}")
        target = Path(output)
        shutil.rmtree(target) if target.is_dir() else target.unlink()

    analyse_tables = ("organisations", "handovers", "missing", "single-points", "bridges")
    analyse_tables += ("communities", "coverage", "mixing")
    analyse_tables += ("figures", "unconnected", "stage-members", "one-way", "stale", "what-if", "what-if-figures")
    analyse_tables += ("quality",)
    for source in ("example", "small", "payloads", "awkward.xlsx"):
        m = stakeholders.load_map(source, audience="internal")
        for lang in ("en", "nl"):
            run(f"{source} map {lang}", "map", source, "-o", "out.html", "--lang", lang, output="out.html")
        run(f"{source} map", "map", source, "-o", "out.html", output="out.html")
        for audience in ("public", "partners", "internal"):
            run(f"{source} map {audience}", "map", source, "--audience", audience, "-o", "o.html", output="o.html")
        views = [] if m.views is None else list(m.views["name"])
        for view in views:
            run(f"{source} map view {view}", "map", source, "--view", view, "-o", "v.html", output="v.html")
            run(f"{source} image view {view}", "image", source, "--view", view, "-o", "v.png", output="v.png")
        for lang in ("en", "nl"):
            args = ("report", source, "-o", "r.html", "--lang", lang, "--today", TODAY)
            run(f"{source} report {lang}", *args, output="r.html")
        run(f"{source} report", "report", source, "-o", "r.html", "--today", TODAY, output="r.html")
        if views:
            run(f"{source} present", "present", source, "-o", "p.html", output="p.html")
            run(f"{source} present nl", "present", source, "-o", "p.html", "--lang", "nl", output="p.html")
        for suffix in ("png", "svg", "pdf"):
            run(f"{source} image {suffix}", "image", source, "-o", f"i.{suffix}", output=f"i.{suffix}")
        run(f"{source} image nl", "image", source, "-o", "i.svg", "--lang", "nl", output="i.svg")
        for audience in ("public", "internal"):
            for output in ("e.xlsx", "e.gexf", "e.graphml", "e.cyjs", "folder"):
                args = ("export", source, "-o", output, "--audience", audience)
                run(f"{source} export {audience} {output}", *args, output=output)
            args = ("export", source, "-o", "k.xlsx", "--kumu", "--audience", audience)
            run(f"{source} export {audience} kumu", *args, output="k.xlsx")
        run(f"{source} analyse text", "analyse", source, "--today", TODAY)
        run(f"{source} analyse text internal", "analyse", source, "--today", TODAY, "--audience", "internal")
        run(f"{source} analyse json", "analyse", source, "--format", "json", "--today", TODAY)
        run(f"{source} analyse planned", "analyse", source, "--include", "planned", "--top", "3", "--today", TODAY)
        for table in analyse_tables:
            run(f"{source} analyse csv {table}", "analyse", source, "--format", "csv", "--table", table)
        for lang in ("en", "nl"):
            run(f"{source} analyse text {lang}", "analyse", source, "--today", TODAY, "--lang", lang)
            args = ("--format", "json", "--today", TODAY, "--lang", lang)
            run(f"{source} analyse json {lang}", "analyse", source, *args)
            args = ("--format", "csv", "--table", "missing", "--lang", lang)
            run(f"{source} analyse csv missing {lang}", "analyse", source, *args)
        first = str(m.organisations["id"].iloc[0])
        run(f"{source} analyse without", "analyse", source, "--without", first, "--today", TODAY)
        args = ("--format", "csv", "--table", "what-if-figures", "--without", first)
        run(f"{source} analyse csv what-if-figures without", "analyse", source, *args)
        run(f"{source} validate", "validate", source)
    # the example as of 2015 and now
    for name, args in (
        ("diff html", ("-o", "d.html")),
        ("diff html nl", ("-o", "d.html", "--lang", "nl")),
        ("diff md", ("--format", "md")),
        ("diff csv", ("--format", "csv")),
    ):
        output = "d.html" if "d.html" in args else None
        run(f"example {name}", "diff", "example", "--from", "2015", "--to", "2026", *args, output=output)
    run("small-vs-example diff md", "diff", "small", "example", "--format", "md")
    run("example diff md undated hide", "diff", "example", "--from", "2015", "--to", "2026", "--format", "md", *HIDE)
    # the example as it stood in 2015, with and without what has no dates
    for name, extra in (("as of 2015", ()), ("as of 2015 undated hide", HIDE)):
        run(f"example map {name}", "map", "example", "-o", "a.html", "--as-of", "2015", *extra, output="a.html")
        args = ("report", "example", "-o", "a.html", "--today", TODAY, "--as-of", "2015", *extra)
        run(f"example report {name}", *args, output="a.html")
        args = ("export", "example", "-o", "a.gexf", "--as-of", "2015", *extra)
        run(f"example export gexf {name}", *args, output="a.gexf")
        run(f"example analyse {name}", "analyse", "example", "--today", TODAY, "--as-of", "2015", *extra)
    notebook = stakeholders.load_map("example")._repr_html_()
    lines.append(f"{_sha(notebook.encode('utf-8'))}  example notebook _repr_html_")
    print("\n".join(lines))
    os.chdir(ROOT)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
