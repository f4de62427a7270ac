"""The search index in shards: one Pagefind bundle per few hundred article pages.

Pagefind has no incremental mode and its cost grows with every indexed word (~3 s and,
at 10,000 articles, ~2.8 GB for one run), so the preview server could not bring search up
to date after an edit quickly.  The searchable pages are therefore split into shards of
about ``SHARD_SIZE`` pages, each indexed by its own Pagefind run: a cold build runs them
on every core, and after an edit only the edited page's shard is indexed again.

Layout of ``pagefind/`` (all of it Pagefind's own bundle format):

- ``pagefind/``: shard 0, the primary bundle, which also carries the UI scripts;
- ``pagefind/shard/<n>/``: shard n (n >= 1), merged into the primary by the search page
  (Pagefind's ``mergeIndex``; a merged bundle must have another URL than the primary);
- ``pagefind/dossier-shards.json``: the shard count and the merged bundles' paths,
  relative to ``pagefind/`` (read by ``assets/search.js``);
- in every bundle, ``dossier-pages.json`` (the pages it holds, as indexed: modification
  time and size, so a refresh finds the shards whose pages changed) and
  ``dossier-sorts.json`` (sort key -> page id -> value: Pagefind orders sorted results
  within one bundle only, so the search page re-sorts the merged results by these).

A page's shard is a hash of its path modulo the shard count recorded in the manifest, so
an edited page stays in its shard and a new one joins a shard without moving any other.
Pagefind reads a shard's pages as their reading copies (``search_pages``: the indexed
part of each page, ~40% less for Pagefind to parse), written at the pages' own relative
paths in a folder of their own (in memory where Linux has ``/dev/shm``), so they get the
same URLs as the pages.

Run as ``python -m dossier.search_index`` by the build, so the shards are indexed by a
process of their own (threads waiting on Pagefind) beside the render workers it forks.
"""

from __future__ import annotations

import argparse
import glob as globbing
import gzip
import html
import json
import math
import os
import re
import shutil
import subprocess
import sys
import zlib
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .search_pages import write_reading_copies

SHARD_SIZE = 200  # pages per shard (on average; a hash decides): ~1 s of Pagefind, 0.16 s of it per run
BUNDLE = "pagefind"
SHARDS_DIR = "shard"
MANIFEST = "dossier-shards.json"
PAGES = "dossier-pages.json"
SORTS = "dossier-sorts.json"
ENTRY = "pagefind-entry.json"
_SORT_ATTRIBUTE = re.compile(rb'data-pagefind-sort="([^"]*)"')
_FRAGMENT_SIGNATURE = b"pagefind_dcd"
_BODY_MARKER = b"data-pagefind-body"
RAM_FOLDER = Path("/dev/shm")  # a file system in memory, where Linux has one


class IndexFailed(Exception):
    """Pagefind failed or wrote no usable bundle (the caller turns it into a DossierError)."""


def shard_count(pages: Sequence[str], shard_size: int) -> int:
    """Shards for ``pages``: enough to keep each near ``shard_size``, and none left empty
    (Pagefind writes no bundle for no pages; with few pages a hash can miss a shard)."""
    count = max(1, math.ceil(len(pages) / max(1, shard_size)))
    while count > 1 and len({shard_of(page, count) for page in pages}) < count:
        count -= 1
    return count


def shard_of(page: str, count: int) -> int:
    """The shard of a page (its path relative to the site): stable under edits."""
    return zlib.crc32(page.encode("utf-8")) % count


def bundle_dir(root: Path, shard: int) -> Path:
    """Where shard ``shard``'s bundle lives under ``root`` (the site's ``pagefind/``)."""
    return root if shard == 0 else root / SHARDS_DIR / str(shard)


def searchable_pages(site: Path, glob: str, known: Mapping[str, list[int]] | None = None) -> list[str]:
    """The pages of ``site`` matching ``glob`` (e.g. ``artikel/**/*.html``) that Pagefind
    indexes, relative, sorted.

    Pagefind indexes only the pages marked ``data-pagefind-body`` when any page is (the
    article list under ``artikel/`` is not): a shard must hold the same pages, or a shard
    without a marked page would index its unmarked ones whole.  A page ``known`` to have
    been indexed, with these very fingerprints, is not read again.
    """
    pages = sorted({page.replace(os.sep, "/") for pattern in _expand_braces(glob)
                    for page in globbing.glob(pattern, root_dir=site, recursive=True) if (site / page).is_file()})
    prints = fingerprints(site, pages) if known else {}
    marked = [page for page in pages
              if (known and known.get(page) == prints[page]) or _BODY_MARKER in (site / page).read_bytes()]
    return marked or pages


def _expand_braces(glob: str) -> list[str]:
    """``a/{b,c}.html`` -> ``a/b.html``, ``a/c.html``: Pagefind's globs alternate, pathlib's do not."""
    match = re.search(r"\{([^{}]*)\}", glob)
    if match is None:
        return [glob]
    return [expanded for choice in match[1].split(",")
            for expanded in _expand_braces(glob[:match.start()] + choice + glob[match.end():])]


def fingerprints(site: Path, pages: Iterable[str]) -> dict[str, list[int]]:
    """Modification time and size of each page: what a refresh compares."""
    prints = {}
    for page in pages:
        stat = (site / page).stat()
        prints[page] = [stat.st_mtime_ns, stat.st_size]
    return prints


def read_manifest(root: Path) -> int | None:
    """The shard count recorded in ``root`` (a site's ``pagefind/``); None without a sharded index."""
    try:
        count = json.loads((root / MANIFEST).read_text(encoding="utf-8"))["shards"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return count if isinstance(count, int) and count >= 1 else None


def write_manifest(root: Path, count: int) -> None:
    bundles = [f"{SHARDS_DIR}/{n}/" for n in range(1, count)]
    _write_json(root / MANIFEST, {"shards": count, "bundles": bundles})


def bundle_pages(bundle: Path) -> int:
    """Pages in one Pagefind bundle (read from its entry file)."""
    try:
        languages = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))["languages"]
        return sum(int(lang.get("page_count", 0)) for lang in languages.values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IndexFailed(f"Pagefind wrote no usable index ({bundle / ENTRY}): {exc}") from None


def indexed_pages(root: Path) -> int:
    """Pages in every bundle of the index in ``root``."""
    count = read_manifest(root) or 1
    return sum(bundle_pages(bundle_dir(root, n)) for n in range(count))


def recorded_pages(bundle: Path) -> dict[str, list[int]] | None:
    """The pages a bundle was made from, as ``fingerprints`` saw them; None if unknown."""
    try:
        pages = json.loads((bundle / PAGES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return pages if isinstance(pages, dict) else None


def pagefind_command() -> list[str]:
    """How to run Pagefind's CLI: its binary itself when the package can name it.

    ``python -m pagefind`` starts an interpreter only to find the binary and exec it: ~0.08 s
    of CPU per shard (0.4 s of a 1,000-article build), so the binary is looked up once
    (``PAGEFIND_BINARY_PATH`` first, as the package does) and run directly.
    """
    try:
        from pagefind.service import get_executable
        binary = get_executable()
    except ImportError:
        binary = None
    if binary is not None and os.access(binary, os.X_OK):
        return [str(binary)]
    return [sys.executable, "-m", "pagefind"]


def reading_folder(work: Path) -> Path:
    """Where the reading copies of an indexing run whose work folder is ``work`` are written:
    a folder in memory (``/dev/shm``) where there is one, so the copies cost no disk (the
    folder is named after ``work``, and removed with it by ``remove_work``); else in ``work``."""
    if RAM_FOLDER.is_dir() and os.access(RAM_FOLDER, os.W_OK | os.X_OK):
        return RAM_FOLDER / f"{work.name}-reading"
    return work / "reading"


def remove_work(work: Path) -> None:
    """Remove an indexing run's work folder and its reading copies."""
    shutil.rmtree(reading_folder(work), ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)


def index_shard(site: Path, pages: Sequence[str], glob: str, bundle: Path, reading: Path,
                pagefind: Sequence[str] = ()) -> int:
    """Index ``pages`` of ``site`` into ``bundle`` (Pagefind's CLI, run as ``pagefind``), then
    record what it holds.

    Pagefind reads the pages' reading copies (``search_pages``), written to ``reading`` at
    the pages' own relative paths, so each page gets its URL in the site, and selected by
    ``glob`` (which matched them in the site).
    """
    contents = {page: (site / page).read_bytes() for page in pages}  # read once, for both uses
    try:
        write_reading_copies(site, contents, reading)
        command = [*(pagefind or pagefind_command()), "--site", str(reading), "--glob", glob, "--silent",
                   "--output-path", str(bundle)]
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, check=False)
    finally:
        shutil.rmtree(reading, ignore_errors=True)
    if done.returncode != 0:
        detail = done.stdout.decode("utf-8", "replace").strip()
        raise IndexFailed(f"Pagefind failed (exit {done.returncode}): {detail}")
    indexed = bundle_pages(bundle) if pages else 0
    _write_json(bundle / SORTS, sort_values(contents, bundle))
    _write_json(bundle / PAGES, fingerprints(site, pages))
    return indexed


def sort_values(pages: Mapping[str, bytes], bundle: Path) -> dict[str, dict[str, str]]:
    """Sort key -> Pagefind page id -> value, for the pages' inline ``data-pagefind-sort="key:value"``.

    Pagefind sorts the results of each bundle by position in that bundle, and merging
    bundles orders by those positions: the search page needs the values to merge exactly.
    """
    by_url: dict[str, dict[str, str]] = {}
    for page, data in pages.items():
        values = {}
        for match in _SORT_ATTRIBUTE.finditer(data):
            key, sep, value = html.unescape(match[1].decode("utf-8", "replace")).partition(":")
            if sep and "[" not in key:
                values[key.strip()] = value.strip()
        if values:
            by_url["/" + page.removesuffix("index.html")] = values
    table: dict[str, dict[str, str]] = {}
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        url = json.loads(data[len(_FRAGMENT_SIGNATURE):] if data.startswith(_FRAGMENT_SIGNATURE) else data)["url"]
        for key, value in by_url.get(url, {}).items():
            table.setdefault(key, {})[fragment.stem] = value
    return table


def members(pages: Iterable[str], count: int) -> dict[int, list[str]]:
    """The pages of each shard (shards without pages are left out)."""
    shards: dict[int, list[str]] = {}
    for page in pages:
        shards.setdefault(shard_of(page, count), []).append(page)
    return shards


def index_shards(site: Path, pages: Iterable[str], glob: str, count: int, bundles: Mapping[int, Path],
                 work: Path, jobs: int) -> int:
    """Index the shards named in ``bundles`` (shard -> bundle folder to write) of ``site``'s
    ``pages`` split in ``count``, at most ``jobs`` Pagefind runs at once; the pages indexed."""
    shards = members(pages, count)
    pagefind = pagefind_command()
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(bundles)))) as pool:
        reading = reading_folder(work)
        try:
            counts = pool.map(lambda n: index_shard(site, shards.get(n, []), glob, bundles[n],
                                                      reading / f"shard-{n}", pagefind),
                              sorted(bundles))
            return sum(counts)
        finally:  # (also when the build that started this run is gone: nothing else would)
            shutil.rmtree(reading, ignore_errors=True)


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _write_json(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Index every shard of a site (the build's search step, run beside rendering)."""
    parser = argparse.ArgumentParser(prog="python -m dossier.search_index")
    parser.add_argument("site", type=Path)
    parser.add_argument("glob")
    parser.add_argument("root", type=Path, help="the bundle folder to write (the site's pagefind/)")
    parser.add_argument("work", type=Path, help="an empty folder for the run's own files (see remove_work)")
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args(argv)
    pages = searchable_pages(args.site, args.glob)
    count = shard_count(pages, args.shard_size)
    try:
        indexed = index_shards(args.site, pages, args.glob, count, {n: bundle_dir(args.root, n) for n in range(count)},
                               args.work, args.jobs or cores())
    except (IndexFailed, OSError) as exc:
        print(exc, file=sys.stderr)
        return 1
    write_manifest(args.root, count)
    print(json.dumps({"shards": count, "indexed": indexed}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
