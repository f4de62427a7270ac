"""Render and write the site's files on every core.

Rendering is most of a build once extraction is cached, and it is one pure function per
page, so it splits cleanly: each worker process renders the pages whose path falls in its
share and writes them straight into the staging folder.  Workers are *forked* after the
site was assembled, so they inherit the ``Site``, the analysis and the Renderer with its
lookups and templates instead of receiving them pickled or each making its own (a
10,000-article site would take longer to send than to render), and they are forked once
for the whole site: its parts (the article pages, then the others) follow one another,
and the workers tell the parent when they are past a part.  Every
worker walks the same list of pages and renders each one it reaches first: pages cost
from a millisecond (a person named once) to many seconds (the timeline of a big dossier),
so a fixed split left one worker busy with the large pages while the others waited.  Where
fork is not available, or the site is small, everything runs in this process: the output
is byte-identical either way.

On the way each file is compared with the one already published, so a build that would
publish the very same site can leave output/ (and its search index) untouched.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .errors import DossierError
from .forked import receive, send_note, send_outcome
from .pipeline import Stopwatch, no_progress
from .publish import write_files

# (wanted(path) -> bool, or None for every file) -> the site's files as (path, bytes).
FileSource = Callable[[Callable[[str], bool] | None], Iterable[tuple[str, bytes]]]
# Below this many articles one process is faster than starting others.
MIN_ARTICLES_PER_EXTRA_WORKER = 150


@dataclass(frozen=True)
class Written:
    """What the workers wrote, and whether it all equals what output/ holds."""

    names: frozenset[str]
    pages: int
    same_as_published: bool
    render_seconds: float
    write_seconds: float


class _Comparison:
    """Tees rendered files and notes whether each equals the published one."""

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir
        self.all_equal = (output_dir / "pagefind" / "pagefind-entry.json").is_file()

    def tee(self, files: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
        for rel, data in files:
            if self.all_equal:
                existing = self.output_dir / rel
                try:
                    self.all_equal = existing.is_file() and existing.read_bytes() == data
                except OSError:
                    self.all_equal = False
            yield rel, data


def _render_share(parts: Sequence[FileSource], wanted: Callable[[str], bool] | None, staging: Path,
                  output_dir: Path, part_done: Callable[[int], None]) -> Written:
    """Render and write the files of every part in turn; ``part_done(n)`` once part ``n``'s are written."""
    comparison, clock = _Comparison(output_dir), Stopwatch(no_progress)

    def files() -> Iterator[tuple[str, bytes]]:
        for number, source in enumerate(parts):
            yield from source(wanted)
            part_done(number)  # asked for the next file: the last one of this part is written

    start = time.perf_counter()
    report = write_files(staging, comparison.tee(clock.timed_iter("render", files())))
    total, render = time.perf_counter() - start, clock.timings.get("render", 0.0)
    return Written(report.names, report.pages, comparison.all_equal, render, total - render)


class _FirstComer:
    """Deals the pages to whichever worker reaches each first.

    Every worker is offered the same files in the same order (they were forked from one
    process).  ``taken`` is the lowest position nobody has taken yet; a worker at position
    ``i`` takes the file when ``taken == i``.  A worker never gets ahead of ``taken`` (it
    only moves past a file someone took), so every file is taken exactly once, and a
    worker busy with a large page simply finds the next ones taken when it is done.

    The later pages of a long list (``unit_of(path)``: the list's first page, the same for
    all its pages) go to the worker that took its first page: a list's pages share views
    made once for the whole list (an entity's sources and events: ``Renderer.paged``), which
    two workers taking turns both made (at 10,000 articles, a second's work for the largest
    places).  A worker passing such a page moves ``taken`` past it, whoever owns it.
    """

    def __init__(self, context: multiprocessing.context.BaseContext) -> None:
        self.taken = context.Value("q", 0)

    def wanted(self, unit_of: Callable[[str], str | None] = lambda path: None) -> Callable[[str], bool]:
        """One worker's ``wanted(path)``: called once per file, in the order offered."""
        position = 0
        unit: str | None = None  # the list of the last first page passed, and whether it was taken here
        owned = False
        lock, shared = self.taken.get_lock(), self.taken.get_obj()

        def wanted(path: str) -> bool:
            nonlocal position, unit, owned
            mine = False
            this = unit_of(path)
            if this is not None and this == unit:  # a later page of a list: its first page's owner's
                mine = owned
                if shared.value == position:
                    with lock:
                        if shared.value == position:
                            shared.value = position + 1
            else:
                # ``taken`` only grows and is never below ``position``: when it is already past,
                # the file is someone else's, known without the lock (one aligned 8-byte read).
                if shared.value == position:
                    with lock:
                        mine = shared.value == position
                        if mine:
                            shared.value = position + 1
                unit, owned = this, mine
            position += 1
            return mine
        return wanted


def _worker(parts: Sequence[FileSource], dealer: _FirstComer, unit_of: Callable[[str], str | None], staging: Path,
            output_dir: Path, conn: Connection) -> None:
    send_outcome(conn, lambda: _render_share(parts, dealer.wanted(unit_of), staging, output_dir,
                                             lambda number: send_note(conn, number)))


def worker_count(articles: int, requested: int | None) -> int:
    """``requested`` if given (1 = render in this process); else one per core, fewer for small sites."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if requested is not None:
        return max(1, requested)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, max(1, articles // MIN_ARTICLES_PER_EXTRA_WORKER))


def render_and_write(parts: Sequence[FileSource], staging: Path, output_dir: Path, workers: int,
                     part_done: Callable[[int], None] = lambda number: None,
                     unit_of: Callable[[str], str | None] = lambda path: None) -> Written:
    """Render every file of ``parts`` into ``staging`` with ``workers`` processes.

    The parts are rendered in order, by the same workers (forked once): ``part_done(n)`` is
    called here as soon as every file of part ``n`` is written (the build starts indexing
    the article pages then, beside the rendering of the others).  ``unit_of(path)``: the
    long list a page belongs to (see ``_FirstComer``), None for a page of its own.
    """
    if workers <= 1:
        return _render_share(parts, None, staging, output_dir, part_done)
    context = multiprocessing.get_context("fork")
    # Objects that exist before the fork are never collected in the workers: without this a
    # collection would touch (and so copy) every page of memory the workers share.
    gc.freeze()
    processes: list[multiprocessing.process.BaseProcess] = []
    dealer = _FirstComer(context)
    try:
        pipes: dict[Connection, multiprocessing.process.BaseProcess] = {}
        for index in range(workers):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(parts, dealer, unit_of, staging, output_dir, sender),
                                      name=f"dossier-render-{index}", daemon=True)
            process.start()
            sender.close()
            processes.append(process)
            pipes[receiver] = process
        results = _gather(pipes, len(parts), part_done)
    finally:
        gc.unfreeze()
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
    names = frozenset().union(*(r.names for r in results))
    if len(names) != sum(len(r.names) for r in results):
        raise DossierError("two pages want the same output file; check slugs and paths in site.yaml")
    return Written(names, sum(r.pages for r in results),
                   all(r.same_as_published for r in results), sum(r.render_seconds for r in results) / workers,
                   sum(r.write_seconds for r in results) / workers)


def _gather(pipes: dict[Connection, multiprocessing.process.BaseProcess], parts: int,
            part_done: Callable[[int], None]) -> list[Written]:
    """The workers' results, calling ``part_done(n)`` when every worker has passed part ``n``.

    Whichever worker speaks first is heard first, so a worker's error is raised at once
    and the end of a part is noticed while the others still work on the next one.
    """
    passed = [0] * parts
    results: list[Written] = []
    pending = dict(pipes)
    while pending:
        for pipe in wait(list(pending)):
            kind, value = receive(pipe, pending[pipe])
            if kind == "note":
                passed[value] += 1
                if passed[value] == len(pipes):
                    part_done(value)
            else:
                results.append(value)
                del pending[pipe]
    return results
