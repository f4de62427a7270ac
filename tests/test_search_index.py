"""The search index in shards: written by the build, refreshed one shard at a time after an edit."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from dossier import search_index
from dossier.indexing import refresh_index, run_pagefind
from dossier.publish import TEMP_PREFIX, write_files

GLOB = "artikel/**/*.html"
WORDS = ["Kunjungan", "Amunisi", "Pelabuhan", "Gempa", "Banjir", "Pemilu", "Vaksin", "Kapal"]
FIXTURE_SITE = Path(__file__).parent / "fixtures" / "sites" / "valid"


def page(word: str, date: str = "2024-01-01") -> bytes:
    return (f'<!doctype html><html lang="id"><body><main data-pagefind-body><h1>{word}</h1>'
            f'<span data-pagefind-sort="tanggal:{date}"></span></main></body></html>').encode()


def litter(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(TEMP_PREFIX))


def bundles(site: Path) -> dict[int, Path]:
    root = site / search_index.BUNDLE
    count = search_index.read_manifest(root)
    assert count is not None
    return {n: search_index.bundle_dir(root, n) for n in range(count)}


def snapshot(site: Path) -> dict[int, tuple[int, int, str]]:
    """Each bundle's entry file (inode, mtime, text): a re-indexed bundle has a new one."""
    taken = {}
    for n, bundle in bundles(site).items():
        entry = bundle / search_index.ENTRY
        stat = entry.stat()
        taken[n] = (stat.st_ino, stat.st_mtime_ns, entry.read_text(encoding="utf-8"))
    return taken


def words_in(bundle: Path) -> str:
    return "".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                   for f in (bundle / "fragment").iterdir())


def changed_shards(before: dict[int, tuple[int, int, str]], after: dict[int, tuple[int, int, str]]) -> set[int]:
    return {n for n in after if before.get(n) != after[n]}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Eight article pages (and the article list, not searchable) indexed 2 pages a shard."""
    site = tmp_path / "output"
    files = [(f"artikel/{word.lower()}/index.html", page(word, f"2024-01-0{i + 1}")) for i, word in enumerate(WORDS)]
    write_files(site, [*files, ("artikel/index.html", b'<html lang="id"><body>daftar</body></html>')])
    assert run_pagefind(site, GLOB, shard_size=2) == len(WORDS)
    return site


def test_an_index_larger_than_a_shard_is_written_in_several_bundles(site: Path) -> None:
    root = site / search_index.BUNDLE
    manifest = json.loads((root / search_index.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["shards"] >= 3
    assert manifest["bundles"] == [f"shard/{n}/" for n in range(1, manifest["shards"])]
    held = {}
    for n, bundle in bundles(site).items():
        assert (bundle / "pagefind.js").is_file()
        pages = search_index.recorded_pages(bundle) or {}
        assert pages and all(search_index.shard_of(p, manifest["shards"]) == n for p in pages)
        held.update(dict.fromkeys(pages, n))
    assert sorted(held) == sorted(f"artikel/{w.lower()}/index.html" for w in WORDS)  # not the list page
    assert search_index.indexed_pages(root) == len(WORDS)
    assert (root / "pagefind-component-ui.js").is_file()
    assert litter(site.parent) == []


def test_each_bundle_lists_the_sort_values_of_its_pages(site: Path) -> None:
    values = {}
    for bundle in bundles(site).values():
        sorts = json.loads((bundle / search_index.SORTS).read_text(encoding="utf-8"))
        assert set(sorts) == {"tanggal"}
        assert {f.stem for f in (bundle / "fragment").iterdir()} == set(sorts["tanggal"])
        values.update(sorts["tanggal"])
    assert sorted(values.values()) == [f"2024-01-0{i + 1}" for i in range(len(WORDS))]


def test_an_edit_reindexes_only_the_edited_pages_shard(site: Path) -> None:
    count = len(bundles(site))
    for word in ("Kunjungan", "Vaksin"):  # whichever shards they are in, the primary included or not
        edited = f"artikel/{word.lower()}/index.html"
        shard = search_index.shard_of(edited, count)
        before = snapshot(site)
        (site / edited).write_bytes(page(f"Zamrud{word}"))
        assert refresh_index(site, GLOB) == len(WORDS)
        assert changed_shards(before, snapshot(site)) == {shard}
        assert f"Zamrud{word}" in words_in(bundles(site)[shard])
        assert f'"content":"{word}.' not in "".join(words_in(b) for b in bundles(site).values())
    assert refresh_index(site, GLOB) == len(WORDS)  # nothing changed: nothing indexed
    assert litter(site.parent) == []


def test_the_primary_bundle_keeps_only_its_current_index_files(site: Path) -> None:
    root = site / search_index.BUNDLE
    count = len(bundles(site))
    edited = next(f"artikel/{w.lower()}/index.html" for w in WORDS
                  if search_index.shard_of(f"artikel/{w.lower()}/index.html", count) == 0)
    (site / edited).write_bytes(page("Zamrud"))
    refresh_index(site, GLOB)
    assert len(list(root.glob("*.pf_meta"))) == 1
    assert len(list((root / "fragment").iterdir())) == search_index.bundle_pages(root)
    assert (root / search_index.SHARDS_DIR).is_dir() and search_index.indexed_pages(root) == len(WORDS)


def test_an_added_or_removed_page_reindexes_its_shard(site: Path) -> None:
    count = len(bundles(site))
    before = snapshot(site)
    added = "artikel/zamrud/index.html"
    write_files(site, [(added, page("Zamrud"))])
    assert refresh_index(site, GLOB) == len(WORDS) + 1
    assert changed_shards(before, snapshot(site)) == {search_index.shard_of(added, count)}
    before = snapshot(site)
    (site / added).unlink()
    assert refresh_index(site, GLOB) == len(WORDS)
    assert changed_shards(before, snapshot(site)) == {search_index.shard_of(added, count)}
    assert "Zamrud" not in "".join(words_in(b) for b in bundles(site).values())


def test_a_shard_left_without_pages_makes_the_index_again_as_a_whole(site: Path) -> None:
    count = len(bundles(site))
    emptied = 0  # the primary bundle: its pages all go
    for word in WORDS:
        path = site / f"artikel/{word.lower()}/index.html"
        if search_index.shard_of(f"artikel/{word.lower()}/index.html", count) == emptied:
            path.unlink()
    left = len(list((site / "artikel").glob("*/index.html")))
    assert refresh_index(site, GLOB) == left
    assert search_index.indexed_pages(site / search_index.BUNDLE) == left
    assert litter(site.parent) == []


def test_an_index_without_shards_is_replaced_by_a_sharded_one(site: Path) -> None:
    (site / search_index.BUNDLE / search_index.MANIFEST).unlink()
    assert refresh_index(site, GLOB) == len(WORDS)
    assert search_index.read_manifest(site / search_index.BUNDLE) is not None


def test_the_preview_servers_quick_step_reindexes_the_edited_articles_shard_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.preview_builds import PipelineBuilder

    monkeypatch.setattr(search_index, "SHARD_SIZE", 1)
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    builder = PipelineBuilder()
    builder.full(site, lambda: False)
    output = site / "output"
    count = len(bundles(output))
    assert count >= 2
    article = sorted((site / "content").glob("*.md"))[0]
    page_path = f"artikel/{article.stem}/index.html"
    assert (output / page_path).is_file()
    before = snapshot(output)
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n") + "\n\nKalimat tentang zamrud.\n",
                       encoding="utf-8")
    indexed: list[bool] = []
    assert builder.quick(site, lambda: None, frozenset({article}), lambda: indexed.append(True))
    assert indexed
    shard = search_index.shard_of(page_path, count)
    assert changed_shards(before, snapshot(output)) == {shard}
    assert "zamrud" in words_in(bundles(output)[shard])


def test_pages_whose_paths_a_glob_would_misread_are_indexed_too(tmp_path: Path) -> None:
    site = tmp_path / "output"
    odd = ["artikel/a{b}/index.html", "artikel/[x]/index.html", "artikel/c d/index.html"]
    write_files(site, [(path, page(word)) for path, word in zip(odd, WORDS, strict=False)])
    assert run_pagefind(site, GLOB, shard_size=100) == len(odd)
    assert all(w in words_in(site / search_index.BUNDLE) for w in WORDS[:len(odd)])
    assert litter(tmp_path) == []


def test_the_reading_copies_are_removed_once_indexed(site: Path) -> None:
    work = site.parent / f"{TEMP_PREFIX}test-index"
    reading = search_index.reading_folder(work)
    assert search_index.index_shards(site, search_index.searchable_pages(site, GLOB), GLOB, 1,
                                     {0: site.parent / "bundle"}, work, 2) == len(WORDS)
    assert not list(reading.rglob("*.html"))  # each shard's copies go once it is indexed
    search_index.remove_work(work)
    assert not reading.exists() and litter(site.parent) == []
