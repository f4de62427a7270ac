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


def test_linking_keeps_the_unlinked_parts_of_each_article() -> None:
    from dossier.extract import build_gazetteer, extract_article, link_dossier

    config, articles = seeds()
    gazetteer = build_gazetteer(config.entities)
    unlinked = tuple(extract_article(a.text, a.published, gazetteer) for a in articles)
    linked = link_dossier(unlinked, gazetteer)
    assert linked == link_dossier(unlinked, gazetteer)
    # a linked article holds its unlinked sentences and dates, not copies
    assert all(x.sentences is u.sentences and x.dates is u.dates for x, u in zip(linked, unlinked, strict=True))


def _cast(i: int, extraction) -> tuple[int, tuple[str, ...]]:
    """Work on a linked article that shows whether it was linked (its entities' dossier keys)."""
    return i, tuple(sorted(e.key for e in extraction.entities))


def test_work_begun_beside_linking_gives_what_the_linked_articles_give() -> None:
    from dossier.analyze import extract_beside

    config, articles = seeds()
    linked, pending = extract_beside(articles, config.entities, None, workers=2, parallel_threshold=1, beside=_cast)
    assert pending is not None  # a child linked its share of the articles and began the work
    assert pending.results(linked) == [_cast(i, x) for i, x in enumerate(linked)]
    assert linked == extract_all(articles, config.entities, None, workers=1)
    alone, nothing = extract_beside(articles, config.entities, None, workers=1, beside=_cast)
    assert alone == linked and nothing is None  # in one process the caller does the work


def test_an_error_in_work_begun_beside_linking_reaches_the_build() -> None:
    import pytest

    from dossier.analyze import extract_beside

    def broken(i: int, extraction) -> None:
        raise ValueError(f"article {i}")

    config, articles = seeds()
    linked, pending = extract_beside(articles, config.entities, None, workers=2, parallel_threshold=1, beside=broken)
    assert pending is not None
    with pytest.raises((ValueError, RuntimeError), match="article"):
        pending.results(linked)


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


def test_a_pack_cut_short_or_damaged_is_a_miss_never_an_error(tmp_path: Path) -> None:
    config, articles = seeds()
    fresh = extract_all(articles, config.entities, None)
    extract_all(articles, config.entities, tmp_path)
    pack = tmp_path / "extractions.pickle"
    whole = pack.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:10], b"", whole[:-1] + bytes([whole[-1] ^ 1]),
                    whole[:40] + bytes([whole[40] ^ 0xFF]) + whole[41:]):
        pack.write_bytes(damaged)
        assert extract_all(articles, config.entities, tmp_path) == fresh
        assert pack.read_bytes() == whole  # rewritten whole
    assert [p.name for p in tmp_path.iterdir()] == ["extractions.pickle"]  # no temporary file left


def test_a_warm_build_neither_extracts_nor_starts_workers(tmp_path: Path, monkeypatch) -> None:
    import dossier.analyze as analyze

    config, articles = seeds()
    cold = extract_all(articles, config.entities, tmp_path, workers=2, parallel_threshold=1)
    reordered = extract_all(articles[::-1], config.entities, None)

    def forbidden(*args, **kwargs):
        raise AssertionError("a warm build must not extract")

    monkeypatch.setattr(analyze, "extract_article", forbidden)
    monkeypatch.setattr(analyze, "_pool", forbidden)
    assert extract_all(articles, config.entities, tmp_path, workers=2, parallel_threshold=1) == cold
    # linking again (the articles in another order) still needs no extraction
    assert extract_all(articles[::-1], config.entities, tmp_path) == reordered


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    config, articles = seeds()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    assert extract_all(articles, config.entities, blocked) == extract_all(articles, config.entities, None)
