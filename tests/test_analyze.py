"""The extract stage: cached by content hash, parallel, and the same result either way."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dossier.analyze import _load_cache, extract_all, extractor_fingerprint
from dossier.config import load_config
from dossier.content import load_articles

REPO = Path(__file__).resolve().parents[1]


def seeds():
    config = load_config(REPO)
    return config, load_articles(config.content_dir)


def test_parallel_extraction_gives_the_same_result_as_one_process() -> None:
    config, articles = seeds()
    serial = extract_all(articles, config.entities, None, workers=1)
    parallel = extract_all(articles, config.entities, None, workers=2, parallel_threshold=1)
    assert parallel == serial


def test_a_warm_build_reuses_the_cache_and_an_edit_invalidates_one_entry(tmp_path: Path) -> None:
    config, articles = seeds()
    cold = extract_all(articles, config.entities, tmp_path)
    fingerprint = extractor_fingerprint(config.entities)
    cached = _load_cache(tmp_path / "extractions.pickle", fingerprint)
    assert len(cached) == len(articles)
    assert extract_all(articles, config.entities, tmp_path) == cold

    edited = (replace(articles[0], text=articles[0].text + "\n\nPutin tiba di Vladivostok."), *articles[1:])
    warm = extract_all(edited, config.entities, tmp_path)
    assert warm[1:] == cold[1:] and warm[0] != cold[0]
    assert len(_load_cache(tmp_path / "extractions.pickle", fingerprint)) == len(articles)


def test_changing_known_entities_changes_the_fingerprint() -> None:
    config, _ = seeds()
    assert extractor_fingerprint(config.entities) != extractor_fingerprint(config.entities[1:])


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    config, articles = seeds()
    (tmp_path / "extractions.pickle").write_bytes(b"not a pickle")
    assert extract_all(articles, config.entities, tmp_path) == extract_all(articles, config.entities, None)
