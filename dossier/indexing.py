"""The search index of a site: made beside the build, or brought up to date in place.

The build starts indexing its article pages as soon as they are written (``start_index``),
and waits for it only before the swap; the preview server, after updating pages in
output/, indexes again only the shards whose pages changed (``refresh_index``).  Both run
the Pagefind CLI through ``python -m dossier.search_index`` (see ``search_index`` for the
shards), never its Python API, whose per-page calls wait ~100 ms each (upstream issue #976).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from . import search_index
from .errors import DossierError
from .publish import TEMP_PREFIX, exchange


def indexed_pages(site: Path) -> int:
    """Pages in the Pagefind index of ``site`` (every shard's bundle, read from their entry files)."""
    try:
        return search_index.indexed_pages(site / search_index.BUNDLE)
    except search_index.IndexFailed as exc:
        raise DossierError(str(exc)) from None


class Indexer:
    """The search index of pages already written, made while the build goes on.

    Started as soon as the article pages are in the staging folder, it runs beside the
    rendering of every other page: one process (``python -m dossier.search_index``) that
    runs the Pagefind CLI on each shard, ``jobs`` at a time (default: one per core).  We
    use the CLI, not the Python API, whose per-page calls wait ~100 ms each (upstream
    issue #976).
    """

    def __init__(self, site: Path, glob: str = "**/*.{html}", bundle: Path | None = None,
                 shard_size: int | None = None, jobs: int | None = None) -> None:
        self.site = site
        self.root = bundle if bundle is not None else site / search_index.BUNDLE
        self._work = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-index-", dir=site.parent))
        size = search_index.SHARD_SIZE if shard_size is None else shard_size
        self.command = [sys.executable, "-m", "dossier.search_index", str(site), glob, str(self.root),
                        str(self._work), "--shard-size", str(size), "--jobs", str(jobs or search_index.cores())]
        package_parent = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (package_parent,
                                                                        os.environ.get("PYTHONPATH")))))
        self._output = tempfile.TemporaryFile()  # noqa: SIM115 - lives until result() or cancel()
        try:
            # A session of its own: cancel() stops the Pagefind runs with it.
            self._process = subprocess.Popen(self.command, stdout=self._output, stderr=subprocess.STDOUT,
                                             stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        except OSError as exc:
            self._output.close()
            search_index.remove_work(self._work)
            raise DossierError(f"could not run Pagefind ({' '.join(self.command)}): {exc}") from None

    def result(self, timeout: float = 600) -> int:
        """Wait for every shard; the number of pages indexed."""
        try:
            code = self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.cancel()
            raise DossierError(f"Pagefind did not finish within {timeout:.0f} s ({' '.join(self.command)})") from None
        except BaseException:
            self.cancel()
            raise
        self._output.seek(0)
        detail = self._output.read().decode("utf-8", "replace").strip()
        self._output.close()
        search_index.remove_work(self._work)
        if code != 0:
            raise DossierError(f"Pagefind failed (exit {code}): {detail}")
        try:
            return search_index.indexed_pages(self.root)
        except search_index.IndexFailed as exc:
            raise DossierError(str(exc)) from None

    def cancel(self) -> None:
        """Stop indexing (the build failed, or found nothing to publish)."""
        if self._process.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.kill()
        self._process.wait()
        self._output.close()
        search_index.remove_work(self._work)


def start_index(site: Path, glob: str, bundle: Path | None = None, shard_size: int | None = None,
                jobs: int | None = None) -> Indexer:
    """Start indexing the pages of ``site`` matching ``glob`` (bundle: ``site/pagefind`` by default),
    ``jobs`` shards at a time (default: one per core)."""
    return Indexer(site, glob, bundle, shard_size, jobs)


def run_pagefind(site: Path, glob: str = "**/*.{html}", bundle: Path | None = None,
                 shard_size: int | None = None) -> int:
    """Index the pages of ``site`` matching ``glob``; return how many were indexed."""
    return start_index(site, glob, bundle, shard_size).result()


def refresh_index(site: Path, glob: str, jobs: int | None = None) -> int:
    """Bring the search index of the published ``site`` up to date, in place; the pages it holds.

    The preview server updates pages in output/ one by one after an edit; then only the
    shards whose pages changed (edited, added or removed, by modification time and size
    against what each bundle records) are indexed again, each beside the bundle it
    replaces and swapped in as a whole, so a search running meanwhile reads the old bundle
    or the new one.  An index without shards (an older build), or one where a shard would
    be left without pages, is made again as a whole and swapped in the same way.
    """
    root = site / search_index.BUNDLE
    count = search_index.read_manifest(root)
    known: dict[str, list[int]] = {}
    for n in range(count or 0):
        known.update(search_index.recorded_pages(search_index.bundle_dir(root, n)) or {})
    pages = search_index.searchable_pages(site, glob, known)
    shards = search_index.members(pages, count) if count is not None else {}
    work = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-index-", dir=site.parent))
    jobs = jobs or search_index.cores()
    try:
        if count is None or len(shards) < count:
            count = search_index.shard_count(pages, search_index.SHARD_SIZE)
            new_root = work / search_index.BUNDLE
            bundles = {n: search_index.bundle_dir(new_root, n) for n in range(count)}
            search_index.index_shards(site, pages, glob, count, bundles, work, jobs)
            search_index.write_manifest(new_root, count)
            _install_bundle(new_root, root, work / "old")
            return search_index.indexed_pages(root)
        stale = [n for n in range(count) if search_index.recorded_pages(search_index.bundle_dir(root, n))
                 != search_index.fingerprints(site, shards[n])]
        bundles = {n: work / f"bundle-{n}" for n in stale}
        search_index.index_shards(site, pages, glob, count, bundles, work, jobs)
        for n, bundle in bundles.items():
            if n == 0:
                _install_primary(bundle, root)
            else:
                _install_bundle(bundle, search_index.bundle_dir(root, n), work / f"old-{n}")
        return search_index.indexed_pages(root)
    except search_index.IndexFailed as exc:
        raise DossierError(str(exc)) from None
    finally:
        search_index.remove_work(work)


def _install_bundle(new: Path, current: Path, aside: Path) -> None:
    """Put folder ``new`` in the place of ``current`` (one atomic exchange where the OS offers it)."""
    if current.is_dir() and exchange(new, current):
        return
    current.parent.mkdir(parents=True, exist_ok=True)
    if current.exists():
        os.replace(current, aside)
    os.replace(new, current)


def _install_primary(new: Path, root: Path) -> None:
    """Replace the primary bundle's files by ``new``'s, keeping the other shards inside it.

    Pagefind names its index files by their content and finds them through its entry
    file: the new files go in first, the entry file last (one atomic rename), and only
    then are the old index files removed.
    """
    files = sorted((p.relative_to(new) for p in new.rglob("*") if p.is_file()),
                   key=lambda rel: rel.as_posix() == search_index.ENTRY)
    for rel in files:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.replace(new / rel, root / rel)
    kept = {rel.as_posix() for rel in files}
    index_files = (p for sub in ("fragment", "index", "filter") for p in (root / sub).glob("*"))
    for old in (*root.glob("*.pf_meta"), *index_files):
        if old.relative_to(root).as_posix() not in kept:
            old.unlink(missing_ok=True)
