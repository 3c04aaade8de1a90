"""The public surface: everything in __all__ exists, and nothing public is left out of it."""

from __future__ import annotations

import importlib
import pkgutil

import stakeholders


def test_all_names_exist_and_are_sorted() -> None:
    assert stakeholders.__all__ == sorted(stakeholders.__all__)
    for name in stakeholders.__all__:
        assert hasattr(stakeholders, name), name


def test_every_module_declares_its_public_names() -> None:
    for module_info in pkgutil.iter_modules(stakeholders.__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"stakeholders.{module_info.name}")
        public = {
            n
            for n, v in vars(module).items()
            if not n.startswith("_") and getattr(v, "__module__", None) == module.__name__
        }
        assert public <= set(module.__all__), (module.__name__, public - set(module.__all__))
