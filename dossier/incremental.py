"""Quick rebuilds for the preview server: re-render only what an edit touched.

After an article is saved, the user wants to see it now, not after every page and the
search index were rebuilt.  ``refresh()`` runs the stages up to the site's pages
(extraction is cached by content hash, so only the edited article is extracted again),
writes the edited article's page at once, then runs the cross-outlet analysis, compares
the new ``Site`` with the one last published, and writes only the pages whose data changed
— the article, its hubs, the entity pages that mention it — plus the pages that summarise
everything (home, lists, timeline, feed, sitemap, the open data), each file replaced
atomically.  The preview server then refreshes the search index and runs a full build in
the background for anything a page shows indirectly (related articles, passages and quotes
shared with other articles, connections on entity pages).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import partial
from pathlib import Path

from .analysis import Analysis, analyze_site
from .errors import DossierError
from .models import ArticlePage, EntityPage, Site
from .opendata import open_data
from .pipeline import TEMPLATE_CACHE, BuildReport, Stopwatch, assemble_pages, no_progress
from .publish import safe_relative_path
from .render import render_site
from .urls import first_page_path


@dataclass(frozen=True)
class Refresh:
    report: BuildReport
    written: tuple[str, ...]  # output paths rewritten, in render order


def _page_objects(site: Site) -> dict[str, object]:
    pages: dict[str, object] = {p.path: p for p in site.articles}
    pages.update({h.path: h for h in site.hubs})
    pages.update({e.path: e for e in (*site.people, *site.places, *site.organizations)})
    return pages


class _PageComparison:
    """Compares pages by value, each article and entity page once.

    An entity or hub page holds the article pages it lists, so an edited article changes
    exactly the pages that show it.  Plain ``==`` on frozen dataclasses would compare every
    listed article in full again for every page that lists it (tens of seconds at 1,000
    articles); here a listed article or entity page counts as equal when its own page did.
    """

    def __init__(self, before: Site, after: Site) -> None:
        self.old = _page_objects(before)
        self.verdicts: dict[str, bool] = {}

    def page_same(self, page: object) -> bool:
        path = page.path  # type: ignore[attr-defined]
        if path not in self.verdicts:
            self.verdicts[path] = False  # a page that (indirectly) lists itself is not a reason to recurse
            old = self.old.get(path)
            self.verdicts[path] = old is not None and self.same(old, page, top=True)
        return self.verdicts[path]

    def same(self, a: object, b: object, top: bool = False) -> bool:
        if a is b:
            return True
        if type(a) is not type(b):
            return False
        if not top and isinstance(b, (ArticlePage, EntityPage)):
            return a.path == b.path and self.page_same(b)  # type: ignore[attr-defined]
        if isinstance(b, ArticlePage):
            return a == b  # its own data: article, extraction, summary, topics
        if is_dataclass(b):
            return all(self.same(getattr(a, f.name), getattr(b, f.name)) for f in fields(b))
        if isinstance(b, (tuple, list)):
            return len(a) == len(b) and all(self.same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
        return a == b


def changed_pages(before: Site, after: Site) -> frozenset[str]:
    """Paths of article, hub and entity pages whose data differ (or that are new)."""
    comparison = _PageComparison(before, after)
    return frozenset(path for path, page in _page_objects(after).items() if not comparison.page_same(page))


def wanted_paths(before: Site, after: Site, changed: frozenset[str] | None = None,
                 first_page: Callable[[str], str] | None = None) -> Callable[[str], bool]:
    """Which output files a quick rebuild renders.

    Per-item pages (articles, hubs, entities) only when their data changed; every other
    page (home, lists, timeline, the analyst views, feed, sitemap) summarises the whole
    dossier, so it is always rendered again — whatever pages a theme adds.  ``first_page``:
    the first page of a long list's later page (``urls.first_page_path``), so a topic's or
    an entity's page 2, 3 ... go with its first page.
    """
    per_item = frozenset(_page_objects(after)) | frozenset(_page_objects(before))
    changed = changed_pages(before, after) if changed is None else changed
    if first_page is None:
        return lambda path: path in changed or path not in per_item

    def wanted(path: str) -> bool:
        first = first_page(path)
        return first in changed or first not in per_item
    return wanted


def write_in_place(output_dir: Path, files: Iterable[tuple[str, bytes]]) -> list[str]:
    """Replace files one by one (write a temp file, then rename): a reader sees old or new, never half."""
    written = []
    for rel, data in files:
        target = output_dir / safe_relative_path(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        written.append(rel)
    return written


def _remove_stale_continuations(output_dir: Path, names: Iterable[str], written: set[str]) -> None:
    """Delete the files an open-data list no longer continues in (``json_stream.files``).

    An edit that shortens a list leaves its last ``<name>-<member>-N.json`` unnamed by the new
    file; until the full build replaces the folder, nothing should serve it as current data.
    """
    for name in names:
        stem = name.removesuffix(".json")
        continuation = re.compile(re.escape(stem) + r"-[a-z_]+-[0-9]+\.json")
        for path in output_dir.glob(f"{stem}-*.json"):
            if continuation.fullmatch(path.name) and path.name not in written:
                path.unlink(missing_ok=True)


def without_articles(analysis: Analysis, slugs: frozenset[str]) -> Analysis:
    """The analysis minus what it says inside these articles (passages and quotes by offset).

    An edited article's offsets into its old text would mark the wrong words; its page is
    first shown without them, and again with them once the analysis has caught up.
    """
    return replace(analysis,
                   passages_by_article={k: v for k, v in analysis.passages_by_article.items() if k not in slugs},
                   quotes_by_article={k: v for k, v in analysis.quotes_by_article.items() if k not in slugs})


def refresh(site_dir: Path, output_dir: Path, previous: BuildReport,
            shown: Callable[[], None] | None = None) -> Refresh:
    """Re-render only the pages an edit changed; raises DossierError like ``build``.

    With ``shown``, the edited articles' own pages are written first, before the
    cross-outlet analysis runs (against the previous analysis, minus what it said about
    them), and ``shown()`` is called (the preview server reloads the open pages); then the
    analysis runs and the edited pages, their hubs, entity pages and the overviews follow.
    """
    if (previous.site is None or previous.config is None or previous.analysis is None
            or not (output_dir / "index.html").is_file()):
        raise DossierError("no published site to refresh; run a full build first")
    clock = Stopwatch(no_progress)
    config, site = assemble_pages(Path(site_dir).resolve(), clock)
    if config != previous.config:
        raise DossierError("site.yaml changed; a full build is needed")
    changed = changed_pages(previous.site, site)
    wanted = wanted_paths(previous.site, site, changed, partial(first_page_path, config))
    edited = {p.path: p.article.slug for p in site.articles if p.path in changed}

    def render_and_write(analysis: Analysis, batch: Callable[[str], bool]) -> list[str]:
        files = clock.timed_iter("render", render_site(site, config, analysis, wanted=batch,
                                                       template_cache=config.cache_dir / TEMPLATE_CACHE))
        return clock.run("write", lambda: write_in_place(output_dir, files))

    written: list[str] = []
    if edited and shown is not None:
        written += render_and_write(without_articles(previous.analysis, frozenset(edited.values())),
                                    lambda path: path in edited)
        shown()
    analysis = clock.run("analyze", lambda: analyze_site(site, config))
    written += render_and_write(analysis, wanted)
    data_files = [file for _, make in open_data(site, config, analysis) for file in make()]
    written += write_in_place(output_dir, data_files)
    _remove_stale_continuations(output_dir, [name for name, _ in open_data(site, config, analysis)],
                                {rel for rel, _ in data_files})
    clock.timings["write"] -= clock.timings["render"]
    unique = tuple(dict.fromkeys(written))
    report = BuildReport(output_dir, len(site.articles), sum(p.endswith(".html") for p in unique), len(unique),
                         previous.indexed, timings=dict(clock.timings), config=config, site=site, analysis=analysis)
    return Refresh(report, unique)
