"""The package's shape holds: imports run one way through the layers, with no cycle, none hidden in a function.

Every module of ``stakeholders`` is parsed with :mod:`ast`; every import counts,
at any depth (inside functions too), except those under ``if TYPE_CHECKING:``.
The layers are the table in ``docs/architecture.md``; :data:`LAYERS` mirrors it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "stakeholders"

LAYERS = {
    0: (
        "errors",
        "_version",
        "_gc",
        "_atomic",
        "_types",
        "_field_labels",
        "_board_words",
        "_barrier_words",
        "_analysis_words",
        "_netmap_words",
        "_report_words",
        "_cli_words",
        "i18n",
        "_vocabulary",
        "_marking",
        "_positions_words",
        "placement",
        "_validation_words",
        "_template_words",
        "_language",
        "routing",
    ),
    1: ("schema",),
    2: ("values", "dates"),
    3: ("model", "graph", "style"),
    4: ("naming", "source"),
    5: ("validate", "timeline", "layout", "analysis"),
    6: ("board", "barrier_board", "views", "formats", "diff", "audience", "template"),
    7: ("load",),
    8: ("pages", "board_image", "images", "merge"),
    9: ("serve", "slides", "_cli_options", "_cli_layout", "_cli_merge", "_cli_barriers", "_cli_start"),
    10: ("cli", "__init__", "__main__"),
}
"""Each top-level module or sub-package of ``stakeholders`` by layer: a module imports only from its own layer
or a lower one."""

LAZY_ALLOWED = {"openpyxl", "yaml", "matplotlib", "igraph", "scipy", "watchfiles", "pptx"}
"""Optional heavy dependencies, the only imports allowed inside a function (so commands that do not need them
start quickly)."""

LINES_AT_MOST = 600


@dataclass
class Module:
    """What one module imports: package modules at the top and in functions, outside names in functions."""

    name: str
    path: Path
    lines: int
    imports: set[str] = field(default_factory=set)
    deferred: list[tuple[int, str]] = field(default_factory=list)
    private: list[tuple[int, str]] = field(default_factory=list)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(node: ast.ImportFrom, current: str, is_package: bool) -> str:
    """The absolute module an ``from … import`` names (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    base = current.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def scan(root: Path) -> dict[str, Module]:
    """Every module under ``root`` (a package folder) with its imports."""
    paths = sorted(root.rglob("*.py"))
    names = {module_name(path, root) for path in paths}
    modules: dict[str, Module] = {}
    for path in paths:
        name = module_name(path, root)
        text = path.read_text(encoding="utf-8")
        module = modules[name] = Module(name, path, len(text.splitlines()))
        is_package = path.name == "__init__.py"

        def visit(
            node: ast.AST, in_function: bool, module: Module = module, name: str = name, is_package: bool = is_package
        ) -> None:
            if isinstance(node, ast.If) and _type_checking(node):
                for child in node.orelse:
                    visit(child, in_function)
                return
            inside = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            found: list[str] = []
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                target = _resolve(node, name, is_package)
                submodules = [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in names]
                found = submodules if len(submodules) == len(node.names) else [target, *submodules]
                if target in names:  # one of ours: its private names stay its own
                    module.private += [
                        (node.lineno, f"{alias.name} from {target}")
                        for alias in node.names
                        if alias.name.startswith("_") and not alias.name.startswith("__")
                    ]
            for target in found:
                ours = target == root.name or target.startswith(root.name + ".")
                if ours and target != name:
                    module.imports.add(target)
                if in_function and (ours or target.split(".")[0] not in LAZY_ALLOWED):
                    module.deferred.append((node.lineno, target))
            for child in ast.iter_child_nodes(node):
                visit(child, inside)

        visit(ast.parse(text, str(path)), False)
        module.imports &= names
    return modules


def unit(name: str) -> str:
    """The top-level module or sub-package a module belongs to (``stakeholders.formats.kumu`` → ``formats``)."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(name: str) -> int:
    found = [layer for layer, units in LAYERS.items() if unit(name) in units]
    assert found, f"{name} is in no layer: add {unit(name)!r} to LAYERS and to docs/architecture.md"
    return found[0]


def problems(modules: dict[str, Module]) -> list[str]:
    """Everything that breaks the rules, one line each."""
    found = []
    graph = nx.DiGraph([(m.name, target) for m in modules.values() for target in m.imports])
    graph.add_nodes_from(modules)
    found += [f"import cycle: {' -> '.join([*cycle, cycle[0]])}" for cycle in nx.simple_cycles(graph)]
    units = nx.DiGraph((unit(a), unit(b)) for a, b in graph.edges if unit(a) != unit(b))
    found += [f"import cycle between parts: {' -> '.join([*cycle, cycle[0]])}" for cycle in nx.simple_cycles(units)]
    for module in modules.values():
        rel = module.path.relative_to(ROOT) if module.path.is_relative_to(ROOT) else module.path
        for target in sorted(module.imports):
            if layer_of(target) > layer_of(module.name):
                found.append(
                    f"{rel}: imports {target} from a higher layer ({layer_of(target)} > {layer_of(module.name)})"
                )
        found += [f"{rel}:{line}: import of {target} inside a function" for line, target in module.deferred]
        found += [f"{rel}:{line}: imports the private name {what}" for line, what in module.private]
        if module.lines > LINES_AT_MOST:
            found.append(f"{rel}: {module.lines} lines, more than {LINES_AT_MOST}")
    return found


def test_the_package_keeps_its_shape() -> None:
    assert problems(scan(PACKAGE)) == []


def test_every_module_has_a_layer() -> None:
    for name in scan(PACKAGE):
        assert layer_of(name) in LAYERS


def test_the_architecture_page_shows_the_same_layers() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| L(\d+) \| (.+?) \|$", page, re.M)
    documented = {int(layer): tuple(name.strip(" `") for name in names.split(",")) for layer, names in rows}
    assert documented == LAYERS


def test_the_architecture_page_lists_every_module() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for path in sorted(PACKAGE.rglob("*.py")):
        shown = path.relative_to(PACKAGE).as_posix()
        assert re.search(rf"(^|[\s/]){re.escape(path.name)}\s", page) or shown in page, shown


# --- the checks themselves find what they should ------------------------------------------------


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small package shaped like ours (its modules have our names, so they have layers)."""
    return write(
        tmp_path / "stakeholders",
        {
            "__init__.py": "from .model import Map\n",
            "schema.py": "X = 1\n",
            "model.py": "from .schema import X\n\nclass Map:\n    pass\n",
            "formats/__init__.py": "from ._common import sheets\n",
            "formats/_common.py": "from ..model import Map\n\ndef sheets():\n    import openpyxl\n",
        },
    )


def test_a_well_shaped_package_passes(tree: Path) -> None:
    assert problems(scan(tree)) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"schema.py": "from .model import Map\n"}, "import cycle: "),
        ({"schema.py": "def f():\n    from . import model\n"}, "import of stakeholders.model inside a function"),
        ({"model.py": "def f():\n    import json\n"}, "import of json inside a function"),
        ({"model.py": "from .formats import sheets\n"}, "from a higher layer"),
        ({"formats/__init__.py": "from ._common import _hidden\n"}, "imports the private name _hidden"),
        ({"model.py": "X = 1\n" * 601}, "601 lines, more than 600"),
    ],
)
def test_the_checks_find_a_broken_rule(tree: Path, files: dict[str, str], expected: str) -> None:
    found = problems(scan(write(tree, files)))
    assert any(expected in line for line in found), found


def test_imports_for_type_checking_only_do_not_count(tree: Path) -> None:
    write(tree, {"schema.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from .model import Map\n"})
    assert problems(scan(tree)) == []
