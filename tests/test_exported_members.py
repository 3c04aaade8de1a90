"""The public surface: ``stakeholders.__all__`` is exactly what ``stakeholders/__init__.py`` offers, and the docs
name nothing else."""

from __future__ import annotations

import importlib
import pkgutil
import re
import types
from pathlib import Path

import stakeholders

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _submodules() -> set[str]:
    return {info.name.rsplit(".", 1)[-1] for info in pkgutil.walk_packages(stakeholders.__path__, "stakeholders.")}


def test_all_is_every_public_name_of_the_package_sorted() -> None:
    offered = [
        name
        for name, value in vars(stakeholders).items()
        if (not name.startswith("_") or name == "__version__") and not isinstance(value, types.ModuleType)
    ]
    assert stakeholders.__all__ == sorted(offered)


def test_the_user_facing_functions_are_all_at_the_top() -> None:
    for name in ("write_image", "diff_maps", "write_diff", "write_presentation", "presentation_html"):
        assert name in stakeholders.__all__, name
    for name in ("report_html", "for_audience", "find_organisation", "positions", "analyse", "load_map"):
        assert name in stakeholders.__all__, name


def test_every_name_the_docs_call_from_the_package_is_exported() -> None:
    modules = _submodules()
    for page in DOCS:
        text = page.read_text(encoding="utf-8")
        named = set(re.findall(r"\bstakeholders\.([A-Za-z_]\w*)\b(?![./-]\w)", text))
        for name in sorted(named - modules):
            assert name in stakeholders.__all__, f"{page.name} names stakeholders.{name}"


def test_every_public_module_declares_its_public_names() -> None:
    for info in pkgutil.walk_packages(stakeholders.__path__, "stakeholders."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        module = importlib.import_module(info.name)
        public = {
            n
            for n, v in vars(module).items()
            if not n.startswith("_") and getattr(v, "__module__", None) == module.__name__
        }
        assert public <= set(module.__all__), (module.__name__, public - set(module.__all__))
        assert all(hasattr(module, name) for name in module.__all__), module.__name__
