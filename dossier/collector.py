"""Pausing Python's cyclic garbage collector around the stages that build large data.

A build makes millions of small, acyclic, long-lived objects (mentions, sentences, pages,
attestations, the open-data tree).  The cycle collector, triggered by allocations, walks
every live object again on each full collection, and the walks grow with the dossier: at
1,000 articles they cost more than some stages themselves, at 10,000 every stage took ~20
times its time at 1,000.  Nothing in these stages makes reference cycles, so reference
counting frees all their garbage anyway.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cycle collector; restore it as it was, even on error.

    ``freeze``: afterwards, move every object made so far out of the collector's sight
    (``gc.freeze``), so the later stages' collections never walk the assembled site again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
