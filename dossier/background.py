"""Side work a build does not wait for: done by a forked copy of the process while the
build goes on, and waited for before the build needs it or returns.

A build keeps both cores busy in its heavy stages but leaves one idle in a few short
serial ones (cross-article linking's merge, hubs, assembling the site, before the render
workers fork).  Work nothing downstream reads, such as storing the extraction cache or
compiling the theme into the template cache, is done there by a forked child instead of
by the build itself, at a lower priority (``NICENESS``), so that it takes only what the
build's own stages leave of the cores.  Only best-effort work belongs here: a child's
failure is never reported (the cache stays as it was and the next reader does the work
itself).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from types import TracebackType

from .forked import _can_fork

NICENESS = 10  # how much less of the cores a side-work child asks for than the build


def _best_effort(work: Callable[[], object]) -> None:
    with contextlib.suppress(Exception):  # the build never depended on it
        work()


def _in_child(work: Callable[[], object]) -> None:
    # The user's Ctrl-C stops the build, not the writing of a cache file half done (the
    # cache is renamed into place when complete): the child finishes its short work.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The build's own stages come first; side work takes what they leave of the cores.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICENESS)
    _best_effort(work)


class Background:
    """Children doing side work for one build; ``wait()`` (or leaving the ``with`` block)
    waits for every one started so far."""

    def __init__(self) -> None:
        self._children: list[multiprocessing.process.BaseProcess] = []

    def run(self, name: str, work: Callable[[], object]) -> None:
        """Start ``work()`` in a forked child; here, at once, where this process cannot fork
        or runs other threads (the preview server): a child forked while another thread holds
        a lock (the import lock, say) could wait for it forever, and the build with it."""
        if not _can_fork() or threading.active_count() > 1:
            _best_effort(work)
            return
        child = multiprocessing.get_context("fork").Process(target=_in_child, args=(work,),
                                                            name=f"dossier-{name}", daemon=True)
        child.start()
        self._children.append(child)

    def wait(self) -> None:
        for child in self._children:
            child.join()
        self._children.clear()

    def __enter__(self) -> Background:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.wait()

