"""The extract stage for a whole dossier: cached by content hash, parallel when it pays.

Extraction is the expensive part of a build and is a pure function of (article text,
publication date, known entities, extractor code), so its results are cached under that
hash in ``.dossier-cache/`` (outside output/).  Articles not in the cache are extracted in a
process pool when there are enough of them to repay the start-up of the workers; the
result never depends on the number of workers, because each article is extracted alone
and the cross-article linking runs afterwards, in order, in this process.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from . import extract as extract_package
from . import text as text_module
from . import urls as urls_module
from .extract import Gazetteer, build_gazetteer, extract_article, link_dossier
from .models import Article, Extraction, KnownEntity

PARALLEL_THRESHOLD = 64  # below this many uncached articles, worker start-up costs more than it saves
CACHE_FORMAT = 1


def extractor_fingerprint(known: Sequence[KnownEntity]) -> str:
    """Hash of the extractor's source code and the known entities: any change invalidates the cache."""
    digest = hashlib.sha256(f"format {CACHE_FORMAT}\n".encode())
    sources = sorted(Path(extract_package.__file__).parent.rglob("*.py")) + [
        Path(text_module.__file__), Path(urls_module.__file__)]  # urls.slugify makes the entity keys
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(build_gazetteer(known).data_digest.encode())  # the lexicons the extractors load
    digest.update(repr(tuple(known)).encode())
    return digest.hexdigest()[:16]


def article_key(fingerprint: str, article: Article) -> str:
    published = article.published.isoformat() if article.published else "-"
    return hashlib.sha256(f"{fingerprint}\0{published}\0{article.text}".encode()).hexdigest()


# Worker processes build their gazetteer once, in the initializer, and keep it for their
# lifetime: this per-process value is the pool's state, not shared between builds.
_worker_gazetteer: Gazetteer | None = None


def _init_worker(known: tuple[KnownEntity, ...]) -> None:
    global _worker_gazetteer
    _worker_gazetteer = build_gazetteer(known)


def _extract_in_worker(job: tuple[str, date | None]) -> Extraction:
    assert _worker_gazetteer is not None
    return extract_article(job[0], job[1], _worker_gazetteer)


def _load_cache(path: Path, fingerprint: str) -> dict[str, Extraction]:
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint:
        return {}
    return stored.get("extractions", {})


def _save_cache(path: Path, fingerprint: str, extractions: dict[str, Extraction]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    with temp.open("wb") as handle:
        pickle.dump({"fingerprint": fingerprint, "extractions": extractions}, handle,
                    protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temp, path)


def extract_all(articles: Sequence[Article], known: tuple[KnownEntity, ...], cache_dir: Path | None,
                workers: int | None = None, parallel_threshold: int = PARALLEL_THRESHOLD,
                progress: Callable[[int, int], None] | None = None) -> tuple[Extraction, ...]:
    """Extract every article (cache first, then a process pool or this process), then link them.

    ``progress(done, total)`` is called as uncached articles are extracted.
    """
    gazetteer = build_gazetteer(known)
    fingerprint = extractor_fingerprint(known)
    cache_path = cache_dir / "extractions.pickle" if cache_dir else None
    cached = _load_cache(cache_path, fingerprint) if cache_path else {}
    keys = [article_key(fingerprint, a) for a in articles]
    missing = [i for i, key in enumerate(keys) if key not in cached]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    report = progress or (lambda done, total: None)
    fresh: list[Extraction] = []
    if len(missing) >= parallel_threshold and workers > 1:
        jobs = [(articles[i].text, articles[i].published) for i in missing]
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(known,)) as pool:
            for extraction in pool.map(_extract_in_worker, jobs, chunksize=max(1, len(jobs) // (workers * 16))):
                fresh.append(extraction)
                report(len(fresh), len(missing))
    else:
        for i in missing:
            fresh.append(extract_article(articles[i].text, articles[i].published, gazetteer))
            report(len(fresh), len(missing))
    for i, extraction in zip(missing, fresh, strict=True):
        cached[keys[i]] = extraction
    if cache_path and missing:
        _save_cache(cache_path, fingerprint, {key: cached[key] for key in keys})
    return link_dossier(tuple(cached[key] for key in keys), gazetteer)
