"""Pausing Python's cyclic garbage collector while a large map is read, validated or drawn.

Those steps make a list, tuple or dict for every row and every cell, and no
reference cycles worth collecting; yet as the objects pile up the collector
walks through everything in memory, again and again (tens of milliseconds a
time at 10,000 organisations). Reference counting still frees whatever is no
longer used, and the collector finds any cycles once it runs again.

>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Turn the cyclic garbage collector off for a block (or, as ``@gc_paused()``, a function).

    It is turned on again afterwards, even after an error; a collector that
    was off stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
