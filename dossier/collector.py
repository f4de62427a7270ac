"""Pausing Python's cyclic garbage collector around the stages that build large data.

A build makes millions of small, acyclic, long-lived objects (mentions, sentences, pages,
attestations, the open-data tree).  The cycle collector, triggered by allocations, walks
every live object again on each full collection, and the walks grow with the dossier: at
1,000 articles they cost more than some stages themselves, at 10,000 every stage took ~20
times its time at 1,000.  Nothing in these stages makes reference cycles, so reference
counting frees all their garbage anyway.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager, suppress


@contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cycle collector; restore it as it was, even on error.

    ``freeze``: afterwards, move every object made so far out of the collector's sight
    (``gc.freeze``), so the later stages' collections never walk the assembled site again,
    and give the memory the stages freed back to the system (``release_free_memory``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
            release_free_memory()
        if enabled:
            gc.enable()


def release_free_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``; elsewhere nothing).

    The stages before rendering free much of what they make (extraction results before
    linking, the analysis' word lists and indexes), and the C allocator keeps those pages.
    The render workers are forked afterwards and each counts every resident page of this
    process as its own: at 1,000 articles this gives back 18 MB of 170 before the fork.
    """
    with suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(None).malloc_trim(0)  # this process's symbols: libc's, where it has them
