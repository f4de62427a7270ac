"""Quick rebuilds for the preview server: re-render only what an edit touched.

After an article is saved, the user wants to see it now, not after every page and the
search index were rebuilt.  ``refresh()`` runs the analysis stages (extraction is cached by
content hash, so only the edited article is extracted again), compares the new ``Site``
with the one last published, and writes only the pages whose data changed — the article,
its hubs, the entity pages that mention it — plus the pages that summarise everything
(home, lists, timeline, feed, sitemap, dossier.json), each file replaced atomically.  The
preview server then runs a full ``build(force=True)`` in the background, which refreshes
the search index and anything a page shows indirectly (related articles, passages and quotes
shared with other articles, connections on entity pages).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import DossierError
from .models import Site
from .opendata import dossier_json
from .pipeline import BuildReport, Stopwatch, assemble, no_progress
from .publish import safe_relative_path
from .render import render_site


@dataclass(frozen=True)
class Refresh:
    report: BuildReport
    written: tuple[str, ...]  # output paths rewritten, in render order


def _page_objects(site: Site) -> dict[str, object]:
    pages: dict[str, object] = {p.path: p for p in site.articles}
    pages.update({h.path: h for h in site.hubs})
    pages.update({e.path: e for e in (*site.people, *site.places, *site.organizations)})
    return pages


def changed_pages(before: Site, after: Site) -> frozenset[str]:
    """Paths of article, hub and entity pages whose data differ (or that are new).

    Frozen dataclasses compare by value, and an entity or hub page holds the article pages
    it lists, so an edited article changes exactly the pages that show it.
    """
    old, new = _page_objects(before), _page_objects(after)
    return frozenset(path for path, page in new.items() if old.get(path) != page)


def wanted_paths(before: Site, after: Site) -> Callable[[str], bool]:
    """Which output files a quick rebuild renders.

    Per-item pages (articles, hubs, entities) only when their data changed; every other
    page (home, lists, timeline, the analyst views, feed, sitemap) summarises the whole
    dossier, so it is always rendered again — whatever pages a theme adds.
    """
    per_item = frozenset(_page_objects(after)) | frozenset(_page_objects(before))
    changed = changed_pages(before, after)
    return lambda path: path in changed or path not in per_item


def _write_in_place(output_dir: Path, files: Iterable[tuple[str, bytes]]) -> list[str]:
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


def refresh(site_dir: Path, output_dir: Path, previous: BuildReport,
            shown: Callable[[], None] | None = None) -> Refresh:
    """Re-render only the pages an edit changed; raises DossierError like ``build``.

    The edited articles' own pages are written first and ``shown()`` is called then (the
    preview server reloads the open pages), before the hubs, entity pages and overviews.
    """
    if previous.site is None or previous.config is None or not (output_dir / "index.html").is_file():
        raise DossierError("no published site to refresh; run a full build first")
    clock = Stopwatch(no_progress)
    done = assemble(Path(site_dir).resolve(), clock)
    if done.config != previous.config:
        raise DossierError("site.yaml changed; a full build is needed")
    wanted = wanted_paths(previous.site, done.site)
    edited = frozenset(p.path for p in done.site.articles) & changed_pages(previous.site, done.site)

    def render_and_write(batch: Callable[[str], bool]) -> list[str]:
        files = clock.timed_iter("render", render_site(done.site, done.config, done.analysis, wanted=batch))
        return clock.run("write", lambda: _write_in_place(output_dir, files))

    written = render_and_write(lambda path: path in edited)
    if edited and shown is not None:
        shown()
    written += render_and_write(lambda path: wanted(path) and path not in edited)
    written += _write_in_place(output_dir, [("dossier.json", dossier_json(done.site, done.config, done.analysis))])
    clock.timings["write"] -= clock.timings["render"]
    report = BuildReport(output_dir, done.articles, sum(p.endswith(".html") for p in written), len(written),
                         previous.indexed, timings=dict(clock.timings), config=done.config, site=done.site)
    return Refresh(report, tuple(written))
