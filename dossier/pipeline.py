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
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from . import buildstate
from .collector import collector_paused
from .errors import DossierError, Problem

if TYPE_CHECKING:
    from .analysis import Analysis
    from .background import Background
    from .config import Config
    from .models import Article, Extraction, Site
    from .render_workers import Written

T = TypeVar("T")

OUTPUT_DIR = "output"  # beside site.yaml, as Config.output_dir (known before site.yaml is read)
CACHE_DIR = ".dossier-cache"
TEMPLATE_CACHE = "templates"  # compiled templates, in the cache folder

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
    analysis: Analysis | None = field(default=None, repr=False, compare=False)

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


def _load(site_dir: Path, workers: int | None) -> tuple[Config, tuple[Article, ...]]:
    """site.yaml and content/, with the problems of both reported together.

    A broken site.yaml must not hide the broken articles behind it: the user fixes
    everything in one round.  (The content folder's place does not depend on site.yaml.)
    """
    from .config import load_config
    from .content import load_articles
    from .render_workers import worker_count

    problems: list[Problem] = []
    config = articles = None
    try:
        config = load_config(site_dir)
    except DossierError as exc:
        problems.extend(exc.problems)
    content_dir = config.content_dir if config else site_dir / "content"
    if config is not None or content_dir.is_dir():
        try:
            articles = load_articles(content_dir, lambda files: worker_count(files, workers))
        except DossierError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DossierError(problems)
    assert config is not None and articles is not None
    return config, articles


def assemble(site_dir: Path, clock: Stopwatch, *, cache: bool = True, workers: int | None = None,
             background: Background | None = None) -> Assembled:
    """load → extract → summarize → hubs → assemble → analyze, each timed on ``clock``."""
    from .analysis import analyze_site

    with collector_paused(freeze=True):
        config, site = assemble_pages(site_dir, clock, cache=cache, workers=workers, background=background)
        analysis = clock.run("analyze", lambda: analyze_site(site, config, workers))
    return Assembled(config, len(site.articles), site, analysis)


def assemble_pages(site_dir: Path, clock: Stopwatch, *, cache: bool = True, workers: int | None = None,
                   background: Background | None = None) -> tuple[Config, Site]:
    """load → extract → summarize → hubs → assemble: every page's own data, before the
    cross-outlet analysis (the preview server shows an edited article before analysing).

    With a ``background``, the extraction cache is stored and the theme compiled into the
    template cache by forked children meanwhile (see ``background``)."""
    # The stages are imported when first needed, not with this module: a build that finds
    # nothing changed must not pay for loading the extractors, Jinja and the analysis.
    from .analyze import extract_beside
    from .assemble import assemble_site
    from .forked import forked_map
    from .hubs import assign_topics
    from .render_workers import worker_count
    from .summarize import summarize

    config, articles = clock.run("load", lambda: _load(site_dir, workers))
    if not articles:
        raise DossierError.at("no articles: add Markdown files (or `python build.py import FILE...`)",
                              config.content_dir)
    if background is not None and cache:
        # Beside the extraction, at low priority: it finishes in the cores' idle moments
        # (the linking's first, serial, step) long before rendering reads it.
        background.run("templates", lambda: _compile_theme(config))
    def summary_of(i: int, extraction: Extraction) -> tuple[str, ...]:
        return summarize(articles[i].text, extraction, config.summary_sentences)
    processes = worker_count(len(articles), workers)
    # The summaries read linked articles: a child begins them while this process links.
    extractions, summarizing = clock.run("extract", lambda: extract_beside(
        articles, config.entities, config.cache_dir if cache else None, workers,
        progress=lambda done, total: clock.progress("extract", done, total), background=background,
        beside=summary_of if processes > 1 else None))
    summaries = clock.run("summarize", lambda: tuple(
        summarizing.results(extractions) if summarizing is not None
        else forked_map(lambda i: summary_of(i, extractions[i]), len(articles), processes)))
    topics = clock.run("hubs", lambda: assign_topics(articles, extractions, config.hubs))
    site = clock.run("assemble", lambda: assemble_site(config, articles, extractions, summaries, topics))
    return config, site


def _compile_theme(config: Config) -> None:
    """The theme compiled into the template cache (the renderer is imported here, in the
    child doing it: the build itself needs it only later)."""
    from .render import compile_theme
    compile_theme(config, config.cache_dir / TEMPLATE_CACHE)


def build(site_dir: Path, output_dir: Path | None = None, *, index: bool = True, cache: bool = True,
          workers: int | None = None, progress: Progress = no_progress, force: bool = False,
          skip_unchanged: bool = True, cancelled: Callable[[], bool] = lambda: False) -> BuildReport:
    """Build the dossier in ``site_dir`` and publish it atomically to ``output_dir``.

    Raises DossierError (with every problem found) and leaves any previous output intact.
    ``cache`` reuses extractions from ``.dossier-cache/``; ``workers`` caps the processes
    that extract and render (default: one per core); neither changes the output.  When
    output/ holds the build of these very inputs, ``skip_unchanged`` returns at once (the
    report then has no ``site``: the preview server, which needs it, turns this off).
    ``force`` rewrites and re-indexes even when output/ already holds the same pages (after
    a quick rebuild updated pages but not the search index).  ``cancelled()`` is asked
    before the swap: a preview server whose user saved again drops this build.
    """
    site_dir = Path(site_dir).resolve()
    output_dir = Path(output_dir).resolve() if output_dir else site_dir / OUTPUT_DIR
    state_file = site_dir / CACHE_DIR / buildstate.STATE_FILE
    clock = Stopwatch(progress)
    # Without the cache, .dossier-cache/ is neither read nor written: no digest to make.
    inputs = clock.run("check", lambda: buildstate.inputs_digest(site_dir, {"index": index})) if cache else ""
    if skip_unchanged and cache and not force:
        record = buildstate.unchanged_build(state_file, output_dir, inputs)
        if record is not None:
            return BuildReport(output_dir, record.articles, record.pages, record.files, record.indexed,
                               unchanged=True, timings=dict(clock.timings))
    report = _build(site_dir, output_dir, clock, index=index, cache=cache, workers=workers, force=force,
                    cancelled=cancelled)
    if cache:
        buildstate.remember(state_file, output_dir, buildstate.Record(
            inputs, buildstate.output_digest(output_dir), report.articles, report.pages, report.files,
            report.indexed))
    return report


def _build(site_dir: Path, output_dir: Path, clock: Stopwatch, *, index: bool, cache: bool, workers: int | None,
           force: bool, cancelled: Callable[[], bool]) -> BuildReport:
    """Every stage, from loading the sources to swapping the new site into place."""
    from .background import Background
    from .indexing import Indexer, indexed_pages, start_index
    from .publish import discard, make_staging_dir, swap_into_place

    with Background() as background:
        done = assemble(site_dir, clock, cache=cache, workers=workers, background=background)
    config, site = done.config, done.site
    _stop_if(cancelled)
    staging = make_staging_dir(output_dir)
    articles = f"{config.paths.articles}/"
    indexer: Indexer | None = None

    def articles_written(part: int) -> None:
        nonlocal indexer
        if index and part == 0:
            # Only article pages are searchable: Pagefind reads just those, in shards (as
            # many at once as the build's workers), while the other pages are rendered beside it.
            indexer = start_index(staging, f"{articles}**/*.html", jobs=workers)
    try:
        written = _render(done, staging, output_dir, clock, workers, articles, cache, articles_written)
        if index and not force and written.same_as_published and _holds_only(output_dir, written.names):
            discard(staging)
            if indexer is not None:
                indexer.cancel()
            return BuildReport(output_dir, done.articles, written.pages, len(written.names),
                               indexed_pages(output_dir), unchanged=True, timings=dict(clock.timings),
                               config=config, site=site, analysis=done.analysis)
        _stop_if(cancelled)
        indexed = clock.run("index", indexer.result) if indexer is not None else 0
        if index and indexed != len(site.articles):
            raise DossierError(f"the search index holds {indexed} pages but {len(site.articles)} articles "
                               "were written; check data-pagefind-body in the article template")
        _stop_if(cancelled)
        clock.run("publish", lambda: swap_into_place(staging, output_dir))
    except BaseException:
        if indexer is not None:
            indexer.cancel()
        discard(staging)
        raise
    return BuildReport(output_dir, done.articles, written.pages, len(written.names), indexed,
                       timings=dict(clock.timings), config=config, site=site, analysis=done.analysis)


def _render(done: Assembled, staging: Path, output_dir: Path, clock: Stopwatch, workers: int | None,
            articles: str, cache: bool, articles_written: Callable[[int], None]) -> Written:
    """Render and write every file of the site, on every core: first the article pages
    (the folder ``articles``), then the others; ``articles_written(0)`` once the first are.

    One Renderer, its shared lookups made and its templates loaded before the workers
    fork, so each inherits them.  Timed as the render and write stages: they interleave,
    so the wall time is split in the proportion the workers measured.
    """
    from .opendata import open_data
    from .pages import list_units
    from .render import Renderer, render_files
    from .render_workers import render_and_write, worker_count

    site, config, analysis = done.site, done.config, done.analysis
    template_cache = config.cache_dir / TEMPLATE_CACHE if cache else None
    start = time.perf_counter()
    renderer = Renderer(site, config, analysis, template_cache).warm()

    def article(path: str) -> bool:
        return path.startswith(articles)

    def article_files(wanted: Callable[[str], bool] | None) -> Iterator[tuple[str, bytes]]:
        return render_files(renderer, article if wanted is None else (lambda path: article(path) and wanted(path)))

    def other_files(wanted: Callable[[str], bool] | None) -> Iterator[tuple[str, bytes]]:
        def chosen(path: str) -> bool:
            return not article(path) and (wanted is None or wanted(path))
        # The largest files first, so the pages after them even out the workers' shares.
        for path, make in open_data(site, config, analysis):
            if chosen(path):
                yield from make()  # (the file, and the files its long lists continue in)
        yield from render_files(renderer, chosen)

    written = render_and_write((article_files, other_files), staging, output_dir,
                               worker_count(len(site.articles), workers), articles_written, list_units(renderer))
    elapsed = time.perf_counter() - start
    share = written.write_seconds / max(written.render_seconds + written.write_seconds, 1e-9)
    for stage, seconds in (("render", elapsed * (1 - share)), ("write", elapsed * share)):
        clock.timings[stage] = clock.timings.get(stage, 0.0) + seconds
    return written


def _holds_only(output_dir: Path, names: frozenset[str]) -> bool:
    """Does output/ hold exactly these files (and its search index)?"""
    present = {p.relative_to(output_dir).as_posix() for p in output_dir.rglob("*")
               if p.is_file() and p.relative_to(output_dir).parts[0] != "pagefind"}
    return present == names
