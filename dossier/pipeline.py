"""``build()``: the stages in order, each timed.

load → extract → link → summarize → hubs → assemble → render → write → index → swap.
Each stage is a plain function over values; this module only sequences them and
records how long each took (for the CLI summary and bench/).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TypeVar

from .analysis import Analysis, analyze_site
from .analyze import extract_all
from .assemble import assemble_site
from .config import Config, load_config
from .content import load_articles
from .errors import DossierError, Problem
from .hubs import assign_topics
from .models import Article, Site
from .opendata import dossier_json
from .publish import discard, indexed_pages, make_staging_dir, run_pagefind, swap_into_place, write_files
from .render import render_site
from .summarize import summarize

T = TypeVar("T")

# (stage, done, total): called when a stage starts (0, 1) and ends (1, 1), and in between by
# long stages (extraction: articles done of all).  The CLI turns it into a progress bar.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildReport:
    output_dir: Path
    articles: int
    pages: int  # HTML pages written
    files: int  # every file written, Pagefind bundle excluded
    indexed: int  # pages in the search index
    unchanged: bool = False  # True when output/ already held exactly this site: nothing was replaced
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds, in stage order
    # What was published, for the preview server's quick rebuilds (dossier.incremental).
    config: Config | None = field(default=None, repr=False, compare=False)
    site: Site | None = field(default=None, repr=False, compare=False)

    @property
    def total_seconds(self) -> float:
        return sum(self.timings.values())


def no_progress(stage: str, done: int, total: int) -> None:
    """Default progress sink: builds called from code or tests report nothing."""


class Stopwatch:
    """Times named stages and reports their start and end, so build() reads as its list of stages."""

    def __init__(self, progress: Progress) -> None:
        self.timings: dict[str, float] = {}
        self.progress = progress

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.progress(name, 0, 1)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start
        self.progress(name, 1, 1)

    def run(self, name: str, func: Callable[[], T]) -> T:
        with self.stage(name):
            return func()

    def timed_iter(self, name: str, items: Iterable[T]) -> Iterator[T]:
        """Yield from ``items``, adding the time spent producing them to stage ``name``."""
        iterator = iter(items)
        while True:
            start = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                return
            finally:
                self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start
            yield item


class _Comparison:
    """Tees the rendered files and notes whether each equals the published one.

    Pages stream from the renderer to the staging folder (a 10,000-article site is never
    held in memory); on the way we check whether output/ already holds the very same site,
    in which case nothing is swapped and Pagefind is not run again.
    """

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir
        self.names: set[str] = set()
        self.all_equal = (output_dir / "pagefind" / "pagefind-entry.json").is_file()

    def tee(self, files: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
        for rel, data in files:
            if self.all_equal:
                self.names.add(rel)
                existing = self.output_dir / rel
                try:
                    self.all_equal = existing.is_file() and existing.read_bytes() == data
                except OSError:
                    self.all_equal = False
            yield rel, data

    def site_unchanged(self) -> bool:
        if not self.all_equal:
            return False
        present = {p.relative_to(self.output_dir).as_posix() for p in self.output_dir.rglob("*")
                   if p.is_file() and p.relative_to(self.output_dir).parts[0] != "pagefind"}
        return present == self.names


def _open_data(site: Site, config: Config, analysis: Analysis) -> Iterator[tuple[str, bytes]]:
    """dossier.json, produced lazily so it is timed with the other rendered files."""
    yield "dossier.json", dossier_json(site, config, analysis)


class BuildCancelled(Exception):
    """The caller's ``cancelled()`` said a newer build supersedes this one; nothing was published."""


def _stop_if(cancelled: Callable[[], bool]) -> None:
    """Checked between the expensive stages, so a superseded preview build stops early."""
    if cancelled():
        raise BuildCancelled("a newer change arrived; this build was not published")


@dataclass(frozen=True)
class Assembled:
    """The stages before rendering: what every kind of build starts from."""

    config: Config
    articles: int
    site: Site
    analysis: Analysis


def _load(site_dir: Path) -> tuple[Config, tuple[Article, ...]]:
    """site.yaml and content/, with the problems of both reported together.

    A broken site.yaml must not hide the broken articles behind it: the user fixes
    everything in one round.  (The content folder's place does not depend on site.yaml.)
    """
    problems: list[Problem] = []
    config = articles = None
    try:
        config = load_config(site_dir)
    except DossierError as exc:
        problems.extend(exc.problems)
    content_dir = config.content_dir if config else site_dir / "content"
    if config is not None or content_dir.is_dir():
        try:
            articles = load_articles(content_dir)
        except DossierError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DossierError(problems)
    assert config is not None and articles is not None
    return config, articles


def assemble(site_dir: Path, clock: Stopwatch, *, cache: bool = True, workers: int | None = None) -> Assembled:
    """load → extract → summarize → hubs → assemble, each timed on ``clock``."""
    config, articles = clock.run("load", lambda: _load(site_dir))
    if not articles:
        raise DossierError.at("no articles: add Markdown files (or `python build.py import FILE...`)",
                              config.content_dir)
    extractions = clock.run("extract", lambda: extract_all(
        articles, config.entities, config.cache_dir if cache else None, workers,
        progress=lambda done, total: clock.progress("extract", done, total)))
    summaries = clock.run("summarize", lambda: tuple(
        summarize(a.text, e, config.summary_sentences) for a, e in zip(articles, extractions, strict=True)))
    topics = clock.run("hubs", lambda: assign_topics(articles, extractions, config.hubs))
    site = clock.run("assemble", lambda: assemble_site(config, articles, extractions, summaries, topics))
    analysis = clock.run("analyze", lambda: analyze_site(site, config))
    return Assembled(config, len(articles), site, analysis)


def build(site_dir: Path, output_dir: Path | None = None, *, index: bool = True, cache: bool = True,
          workers: int | None = None, progress: Progress = no_progress, force: bool = False,
          cancelled: Callable[[], bool] = lambda: False) -> BuildReport:
    """Build the dossier in ``site_dir`` and publish it atomically to ``output_dir``.

    Raises DossierError (with every problem found) and leaves any previous output intact.
    ``cache`` reuses extractions from ``.dossier-cache/``; ``workers`` caps the extraction
    processes (default: one per core); neither changes the output.  ``force`` rewrites and
    re-indexes even when output/ already holds the same pages (after a quick rebuild
    updated pages but not the search index).  ``cancelled()`` is asked before the swap: a
    preview server whose user saved again drops this build instead of publishing it.
    """
    site_dir = Path(site_dir).resolve()
    clock = Stopwatch(progress)
    done = assemble(site_dir, clock, cache=cache, workers=workers)
    config, site = done.config, done.site
    output_dir = Path(output_dir).resolve() if output_dir else config.output_dir
    _stop_if(cancelled)

    staging = make_staging_dir(output_dir)
    try:
        comparison = _Comparison(output_dir)
        files = clock.timed_iter("render", chain(render_site(site, config, done.analysis),
                                                 _open_data(site, config, done.analysis)))
        written = clock.run("write", lambda: write_files(staging, comparison.tee(files)))
        clock.timings["write"] -= clock.timings["render"]  # rendering happened inside the write loop
        if index and not force and comparison.site_unchanged():
            discard(staging)
            return BuildReport(output_dir, done.articles, written.pages, written.files, indexed_pages(output_dir),
                               unchanged=True, timings=dict(clock.timings), config=config, site=site)
        _stop_if(cancelled)
        indexed = clock.run("index", lambda: run_pagefind(staging)) if index else 0
        if index and indexed != len(site.articles):
            raise DossierError(f"the search index holds {indexed} pages but {len(site.articles)} articles "
                               "were written; check data-pagefind-body in the article template")
        _stop_if(cancelled)
        clock.run("publish", lambda: swap_into_place(staging, output_dir))
    except BaseException:
        discard(staging)
        raise
    return BuildReport(output_dir, done.articles, written.pages, written.files, indexed,
                       timings=dict(clock.timings), config=config, site=site)
