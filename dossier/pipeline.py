"""``build()``: the stages in order, each timed.

load → extract → link → summarize → hubs → assemble → render → write → index → swap.
Each stage is a plain function over values; this module only sequences them and
records how long each took (for the CLI summary and bench/).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .analyze import extract_all
from .assemble import assemble_site
from .config import load_config
from .content import load_articles
from .errors import DossierError
from .hubs import assign_topics
from .opendata import dossier_json
from .publish import (
    discard,
    indexed_pages,
    make_staging_dir,
    run_pagefind,
    swap_into_place,
    unchanged_site,
    write_files,
)
from .render import render_site
from .summarize import summarize

T = TypeVar("T")


@dataclass(frozen=True)
class BuildReport:
    output_dir: Path
    articles: int
    pages: int  # HTML pages written
    files: int  # every file written, Pagefind bundle excluded
    indexed: int  # pages in the search index
    unchanged: bool = False  # True when output/ already held exactly this site: nothing was written
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds, in stage order

    @property
    def total_seconds(self) -> float:
        return sum(self.timings.values())


class _Stopwatch:
    """Times named stages; a small helper so build() reads as the list of stages."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start

    def run(self, name: str, func: Callable[[], T]) -> T:
        with self.stage(name):
            return func()


def build(site_dir: Path, output_dir: Path | None = None, *, index: bool = True, cache: bool = True,
          workers: int | None = None) -> BuildReport:
    """Build the dossier in ``site_dir`` and publish it atomically to ``output_dir``.

    Raises DossierError (with every problem found) and leaves any previous output intact.
    ``cache`` reuses extractions from ``.dossier-cache/``; ``workers`` caps the extraction
    processes (default: one per core); neither changes the output.
    """
    site_dir = Path(site_dir).resolve()
    clock = _Stopwatch()
    config = clock.run("load", lambda: load_config(site_dir))
    output_dir = Path(output_dir).resolve() if output_dir else config.output_dir
    articles = clock.run("load", lambda: load_articles(config.content_dir))
    if not articles:
        raise DossierError.at("no articles: add Markdown files (or `python build.py import FILE...`)",
                              config.content_dir)

    extractions = clock.run("extract", lambda: extract_all(
        articles, config.entities, config.cache_dir if cache else None, workers))
    summaries = clock.run("summarize", lambda: tuple(
        summarize(a.text, e, config.summary_sentences) for a, e in zip(articles, extractions, strict=True)))
    topics = clock.run("hubs", lambda: assign_topics(articles, extractions, config.hubs))
    site = clock.run("assemble", lambda: assemble_site(config, articles, extractions, summaries, topics))
    files = clock.run("render", lambda: [*render_site(site, config), ("dossier.json", dossier_json(site, config))])

    if index and clock.run("write", lambda: unchanged_site(output_dir, files)):
        pages = sum(rel.endswith(".html") for rel, _ in files)
        return BuildReport(output_dir, len(articles), pages, len(files), indexed_pages(output_dir),
                           unchanged=True, timings=dict(clock.timings))
    staging = make_staging_dir(output_dir)
    try:
        written = clock.run("write", lambda: write_files(staging, files))
        indexed = clock.run("index", lambda: run_pagefind(staging)) if index else 0
        if index and indexed != len(site.articles):
            raise DossierError(f"the search index holds {indexed} pages but {len(site.articles)} articles "
                               "were written; check data-pagefind-body in the article template")
        clock.run("publish", lambda: swap_into_place(staging, output_dir))
    except BaseException:
        discard(staging)
        raise
    return BuildReport(output_dir, len(articles), written.pages, written.files, indexed,
                       timings=dict(clock.timings))
