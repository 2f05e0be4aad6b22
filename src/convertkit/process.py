"""Process-level speed tricks, in one place, each kept because a benchmark shows it is worth
more than 5 ms (``benchmarks/startup_tricks.py``, ``benchmarks/batch_speed.py``).

Kept elsewhere for the same reason: hand-written ``__init__`` s (:mod:`convertkit.value`,
12 ms of a start), the entry-point scan (:mod:`convertkit.entrypoints`, 24 ms). Retired, as
measured under 5 ms: pausing and freezing the garbage collector at start-up (3.8 ms of a
one-page conversion) and a help formatter that avoided importing ``shutil`` (3.6 ms).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a reader builds a document, and resumed (if
    it was on) however the block ends. A reader's records hold no cycles; in a long input
    (a thousand pages in one file) each full collection would walk every record made so
    far, a quarter of the reading time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
