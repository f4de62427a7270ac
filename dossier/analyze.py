"""The extract stage for a whole dossier: cached by content hash, parallel when it pays.

Extraction is the expensive part of a build and is a pure function of (article text,
publication date, known entities, extractor code), so its results are cached under that
hash in ``.dossier-cache/`` (outside output/).  Articles not in the cache are extracted in a
process pool when there are enough of them to repay the start-up of the workers; the
result never depends on the number of workers, because each article is extracted alone
and the cross-article linking runs afterwards, in order, in this process.

The cache is one pack per dossier, holding every article's extraction and the linked
result of the last build (a pure function of the articles' keys in order), so a build in
which nothing changed reads one file and neither extracts nor links.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import pickle
import secrets
import struct
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import clipping_rules
from . import extract as extract_package
from . import text as text_module
from . import urls as urls_module
from .collector import collector_paused
from .extract import Gazetteer, build_gazetteer, dossier_linker, extract_article
from .forked import ForkedCalls
from .models import Article, Extraction, KnownEntity

if TYPE_CHECKING:
    from .background import Background

PARALLEL_THRESHOLD = 64  # below this many uncached articles, worker start-up costs more than it saves
# Articles a worker takes at a time: few, so that at the end no worker waits long for the
# last one to finish its share (a chunk of 312 articles, at 10,000, was 2.5 s of one core),
# yet enough that passing chunks costs nothing measurable.
CHUNK = 8
CACHE_FORMAT = 2
CACHE_FILE = "extractions.pickle"
# A pack: magic, the fingerprint it was made with, the length and CRC-32 of the pickled payload.
_MAGIC = b"dossier extractions\n"
_HEADER = struct.Struct("<16sQI")

Linked = tuple[str, tuple[Extraction, ...]]  # (key of the articles in order, their linked extractions)


def extractor_fingerprint(known: Sequence[KnownEntity], gazetteer: Gazetteer | None = None) -> str:
    """Hash of the extractor's source code and the known entities: any change invalidates the cache.

    ``gazetteer`` is ``build_gazetteer(known)`` when the caller has it already.
    """
    digest = hashlib.sha256(f"format {CACHE_FORMAT}\n".encode())
    sources = sorted(Path(extract_package.__file__).parent.rglob("*.py")) + [
        Path(text_module.__file__), Path(urls_module.__file__),  # urls.slugify makes the entity keys
        Path(clipping_rules.__file__)]  # the datelines' outlet signatures
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    gazetteer = gazetteer if gazetteer is not None else build_gazetteer(tuple(known))
    digest.update(gazetteer.data_digest.encode())  # the lexicons the extractors load
    digest.update(repr(tuple(known)).encode())
    return digest.hexdigest()[:16]


def article_key(fingerprint: str, article: Article) -> str:
    published = article.published.isoformat() if article.published else "-"
    return hashlib.sha256(f"{fingerprint}\0{published}\0{article.text}".encode()).hexdigest()


def dossier_key(keys: Sequence[str]) -> str:
    """Key of the linked result: the articles' keys (which hold the fingerprint), in order."""
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()


def _read_pack(path: Path, fingerprint: str, linked_key: str | None = None
               ) -> tuple[dict[str, Extraction], Linked | None]:
    """The extractions (by article key) and the linked result stored in the pack at ``path``.

    When the linked result is the one for ``linked_key`` the extractions are not read
    (returned empty): the build needs nothing else.  Anything but a whole pack made with
    ``fingerprint`` (no file, another format or extractor, a file cut short or damaged) is
    an empty cache, never an error.
    """
    empty: tuple[dict[str, Extraction], Linked | None] = ({}, None)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_MAGIC) + _HEADER.size)
            if len(head) < len(_MAGIC) + _HEADER.size or not head.startswith(_MAGIC):
                return empty
            stored_fingerprint, length, checksum = _HEADER.unpack_from(head, len(_MAGIC))
            if stored_fingerprint != fingerprint.encode() or os.fstat(handle.fileno()).st_size != len(head) + length:
                return empty
            payload = handle.read(length)
    except OSError:
        return empty
    if len(payload) != length or zlib.crc32(payload) != checksum:
        return empty
    try:
        with collector_paused():
            # Two pickles from one pickler: the linked result, then the extractions, which
            # share its sentences, dates and mentions (the second refers to the first's).
            unpickler = pickle.Unpickler(io.BytesIO(payload))
            linked = unpickler.load()
            if not (isinstance(linked, tuple) and len(linked) == 2 and isinstance(linked[0], str)
                    and isinstance(linked[1], tuple) and all(isinstance(x, Extraction) for x in linked[1])):
                return empty
            if linked[0] == linked_key:
                return {}, linked
            extractions = unpickler.load()
    except Exception:  # a payload that passes its checksum but not unpickling (another Python, say)
        return empty
    if not (isinstance(extractions, dict) and all(isinstance(x, Extraction) for x in extractions.values())):
        return empty
    return extractions, linked


def _load_cache(path: Path, fingerprint: str) -> dict[str, Extraction]:
    """The extractions stored in the pack at ``path`` (empty when it is no valid pack)."""
    return _read_pack(path, fingerprint)[0]


def cached_extractions(cache_dir: Path, fingerprint: str) -> dict[str, Extraction]:
    """Every article's extraction before linking, by ``article_key``, from the cache in ``cache_dir``.

    The preview server keeps them, to link an edited article against the dossier at once.
    """
    return _load_cache(cache_dir / CACHE_FILE, fingerprint)


def _write_pack(path: Path, fingerprint: str, extractions: dict[str, Extraction], linked: Linked) -> None:
    """Store the pack atomically: written to a file of its own, then renamed over ``path``, so a
    concurrent build reads the old pack or the new one, never a mix.  A cache that cannot be
    written (read-only site, full disk) only makes the next build slower."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    with collector_paused():
        pickler.dump(linked)
        pickler.dump(extractions)
    payload = buffer.getbuffer()
    header = _MAGIC + _HEADER.pack(fingerprint.encode(), len(payload), zlib.crc32(payload))
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("xb") as out:
            out.write(header)
            out.write(payload)
        os.replace(temp, path)
    except OSError:
        with suppress(OSError):
            temp.unlink()


# Worker processes keep the gazetteer for their lifetime: this per-process value is the
# pool's state, not shared between builds.  Forked workers inherit the parent's (passed as
# an initializer argument, which fork does not pickle); elsewhere each builds its own.
_worker_gazetteer: Gazetteer | None = None


def _init_worker(gazetteer: Gazetteer) -> None:
    global _worker_gazetteer
    _worker_gazetteer = gazetteer


def _init_spawned_worker(known: tuple[KnownEntity, ...]) -> None:
    _init_worker(build_gazetteer(known))


def _extract_in_worker(job: tuple[str, date | None]) -> Extraction:
    assert _worker_gazetteer is not None
    return extract_article(job[0], job[1], _worker_gazetteer)


def _pool(workers: int, gazetteer: Gazetteer, known: tuple[KnownEntity, ...]) -> ProcessPoolExecutor:
    """Workers that start at once: forked with everything imported and the gazetteer loaded,
    where the platform forks; otherwise started afresh, each importing and loading its own."""
    if "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_init_worker, initargs=(gazetteer,))
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_spawned_worker, initargs=(known,))


class BesideLinking:
    """``function(i, linked article i)`` for every article, begun while the articles are linked.

    Linking is serial (``dossier_linker``), and a stage after it that needs linked articles
    (the summaries) would leave a core idle while it runs.  So a forked child, started once
    the dossier's names are learnt, links two articles in three itself and applies
    ``function`` to them while this process links every article; this process then does
    the third left (``results``).  Only ``function``'s results come back, never a linked
    article.  The results are those of ``function`` over ``link_dossier``'s: the same for
    any number of processes.
    """

    SHARE = 3  # this process takes every third article: it also links all of them

    def __init__(self, function: Callable[[int, Extraction], object], link: Callable[[int], Extraction],
                 count: int) -> None:
        self._function, self._count = function, count
        theirs = [i for i in range(count) if i % self.SHARE]
        self._child = ForkedCalls([lambda: [function(i, link(i)) for i in theirs]], 2)

    def results(self, linked: Sequence[Extraction]) -> list[object]:
        """Every article's result in article order: this process's share now, then the child's."""
        try:
            results: list[object] = [None] * self._count
            results[::self.SHARE] = [self._function(i, linked[i]) for i in range(0, self._count, self.SHARE)]
            theirs = iter(self._child.result(0))
            for i in range(self._count):
                if i % self.SHARE:
                    results[i] = next(theirs)
            return results
        finally:
            self.close()

    def close(self) -> None:
        self._child.close()


def extract_all(articles: Sequence[Article], known: tuple[KnownEntity, ...], cache_dir: Path | None,
                workers: int | None = None, parallel_threshold: int = PARALLEL_THRESHOLD,
                progress: Callable[[int, int], None] | None = None,
                background: Background | None = None) -> tuple[Extraction, ...]:
    """Extract every article (cache first, then a process pool or this process), then link them.

    ``progress(done, total)`` is called as uncached articles are extracted.  The cache is
    stored by a ``background`` child when one is given (pickling every extraction took the
    build ~0.4 s at 1,000 articles on one core, the other idle).
    """
    return extract_beside(articles, known, cache_dir, workers, parallel_threshold, progress, background)[0]


def extract_beside(articles: Sequence[Article], known: tuple[KnownEntity, ...], cache_dir: Path | None,
                   workers: int | None = None, parallel_threshold: int = PARALLEL_THRESHOLD,
                   progress: Callable[[int, int], None] | None = None,
                   background: Background | None = None,
                   beside: Callable[[int, Extraction], object] | None = None
                   ) -> tuple[tuple[Extraction, ...], BesideLinking | None]:
    """``extract_all``, and ``beside`` (work per linked article) begun while linking
    (``BesideLinking``): returned when it was begun, None when the linked articles came
    from the cache or everything runs in this process (then the caller does that work).
    """
    gazetteer = build_gazetteer(known)
    fingerprint = extractor_fingerprint(known, gazetteer)
    cache_path = cache_dir / CACHE_FILE if cache_dir else None
    keys = [article_key(fingerprint, a) for a in articles]
    linked_key = dossier_key(keys)
    cached, linked = _read_pack(cache_path, fingerprint, linked_key) if cache_path else ({}, None)
    if linked is not None and linked[0] == linked_key and len(linked[1]) == len(keys):
        return linked[1], None
    missing = [i for i, key in enumerate(keys) if key not in cached]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    report = progress or (lambda done, total: None)
    fresh: list[Extraction] = []
    if len(missing) >= parallel_threshold and workers > 1:
        jobs = [(articles[i].text, articles[i].published) for i in missing]
        with _pool(workers, gazetteer, known) as pool, collector_paused():  # the results arrive pickled
            for extraction in pool.map(_extract_in_worker, jobs, chunksize=CHUNK):
                fresh.append(extraction)
                report(len(fresh), len(missing))
    else:
        for i in missing:
            fresh.append(extract_article(articles[i].text, articles[i].published, gazetteer))
            report(len(fresh), len(missing))
    for i, extraction in zip(missing, fresh, strict=True):
        cached[keys[i]] = extraction
    link = dossier_linker(tuple(cached[key] for key in keys), gazetteer)
    pending = (BesideLinking(beside, link, len(keys))
               if beside is not None and len(keys) >= parallel_threshold and workers > 1 else None)
    try:
        result = tuple(link(i) for i in range(len(keys)))
    except BaseException:
        if pending is not None:
            pending.close()
        raise
    if cache_path:
        pack = {key: cached[key] for key in keys}
        def store() -> None:
            _write_pack(cache_path, fingerprint, pack, (linked_key, result))
        if background is None:
            store()
        else:
            background.run("cache", store)
    return result, pending
