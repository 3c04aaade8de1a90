"""Types shared across the package."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Progress"]

Progress = Callable[[str], None]
"""Called with a short message at each step of a long computation (the library itself never prints)."""
