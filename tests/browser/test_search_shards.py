"""Search over a sharded index: the articles of every shard found, filtered and sorted as one.

The real dossier, built with two articles per shard so that its few articles fill several
Pagefind bundles that the search page merges; expectations come from the sources, as in
test_search.py.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import REPO_ROOT, SUBPATH, BuiltSite, PageWatch, StaticServer
from playwright.sync_api import expect
from test_search import RESULT_LINKS, _labels, articles_containing, filter_option, result_titles, search, search_url

from dossier import search_index

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    from dossier.pipeline import build

    output = tmp_path_factory.mktemp("sharded") / "output"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "SHARD_SIZE", 2)
        report = build(REPO_ROOT, output, cache=False)
    assert report.indexed == report.articles, report
    return BuiltSite(output, json.loads((output / "dossier.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def sharded_url(sharded_site: BuiltSite) -> Iterator[str]:
    server = StaticServer(sharded_site.root)
    yield server.url
    server.close()


@pytest.fixture(scope="module")
def sharded_subpath_url(sharded_site: BuiltSite) -> Iterator[str]:
    server = StaticServer(sharded_site.root, prefix=SUBPATH)
    yield server.url
    server.close()


def shard_by_title(site: BuiltSite) -> dict[str, int]:
    """Each article's shard, from the pages each bundle records."""
    root = site.root / search_index.BUNDLE
    count = search_index.read_manifest(root)
    assert count is not None
    titles = {a["url"].strip("/"): a["title"] for a in site.data["articles"]}
    shards = {}
    for n in range(count):
        for page in search_index.recorded_pages(search_index.bundle_dir(root, n)) or {}:
            shards[titles[page.removesuffix("/index.html")]] = n
    return shards


def test_the_index_is_written_in_several_shards(sharded_site: BuiltSite) -> None:
    root = sharded_site.root / search_index.BUNDLE
    manifest = json.loads((root / search_index.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["shards"] >= 2 and len(manifest["bundles"]) == manifest["shards"] - 1
    for path in manifest["bundles"]:
        assert (root / path / "pagefind-entry.json").is_file()
    shards = shard_by_title(sharded_site)
    assert sorted(shards) == sorted(a["title"] for a in sharded_site.data["articles"])
    assert search_index.indexed_pages(root) == len(shards)


@pytest.mark.parametrize("word", ["kunjungan", "amunisi"])
def test_a_word_finds_the_articles_of_every_shard(page: Any, watch: PageWatch, sharded_url: str,
                                                  sharded_site: BuiltSite, word: str) -> None:
    expected = articles_containing(word)
    shards = shard_by_title(sharded_site)
    assert len({shards[t] for t in expected}) > 1, "the test needs results from several shards"
    search(page, sharded_url, word, expected)
    assert result_titles(page, expected) == expected
    assert watch.take() == []


def test_filters_count_and_narrow_across_shards(page: Any, watch: PageWatch, sharded_url: str,
                                                sharded_site: BuiltSite) -> None:
    by_title = sharded_site.article_by_title()
    shards = shard_by_title(sharded_site)
    names = {t["slug"]: t["title"] for t in sharded_site.data["topics"]}
    topics: dict[str, set[str]] = {}
    for title, article in by_title.items():
        for slug in article["topics"]:
            topics.setdefault(names[slug], set()).add(title)
    # A topic of some articles only, in several shards: its count adds up the shards'.
    topic, with_topic = next((name, titles) for name, titles in sorted(topics.items())
                             if len(titles) < len(by_title) and len({shards[t] for t in titles}) > 1)
    page.goto(search_url(sharded_url))
    expect(page.locator(RESULT_LINKS)).to_have_count(len(by_title))
    option = filter_option(page, _labels()["filter_topic"], topic)
    expect(option).to_have_accessible_name(f"{topic} {len(with_topic)}")
    option.check()
    assert result_titles(page, with_topic) == with_topic
    assert watch.take() == []


def test_sorting_by_date_orders_all_shards_together(page: Any, watch: PageWatch, sharded_url: str,
                                                    sharded_site: BuiltSite) -> None:
    by_title = sharded_site.article_by_title()
    expected = {t for t, a in by_title.items() if a["published"]}
    dates = [by_title[t]["published"] for t in expected]
    assert len(set(dates)) > 2 and len({shard_by_title(sharded_site)[t] for t in expected}) > 1
    page.goto(search_url(sharded_url) + "?sort=desc")

    def order_of_days() -> list[str]:
        titles = [t.strip() for t in page.locator(RESULT_LINKS).all_inner_texts()]
        return [by_title[t]["published"] for t in titles if t in by_title]

    for order, want in (("desc", sorted(dates, reverse=True)), ("asc", sorted(dates))):
        page.locator("#search-sort").select_option(order)
        deadline = time.monotonic() + 10
        while order_of_days() != want and time.monotonic() < deadline:
            time.sleep(0.1)
        assert order_of_days() == want, order
    assert watch.take() == []


def test_results_of_every_shard_link_under_a_sub_path_with_the_highlight(
        page: Any, watch: PageWatch, sharded_subpath_url: str, sharded_site: BuiltSite) -> None:
    expected = articles_containing("kunjungan")
    search(page, sharded_subpath_url, "kunjungan", expected)
    assert result_titles(page, expected) == expected
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")
    by_title = sharded_site.article_by_title()
    assert sorted(hrefs) == sorted(f"{sharded_subpath_url}{by_title[t]['url']}?highlight=kunjungan" for t in expected)
    assert watch.take() == []


def test_without_the_shard_list_the_primary_bundle_still_searches(page: Any, watch: PageWatch, tmp_path: Path,
                                                                  sharded_site: BuiltSite) -> None:
    """A site built before sharding (no dossier-shards.json) keeps working with its one bundle."""
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(sharded_site.root, copy)
    (copy / search_index.BUNDLE / search_index.MANIFEST).unlink()
    shards = shard_by_title(sharded_site)
    expected = {t for t in articles_containing("kunjungan") if shards[t] == 0}
    server = StaticServer(copy)
    try:
        search(page, server.url, "kunjungan", expected)
        assert result_titles(page, expected) == expected
    finally:
        server.close()
    missing = (search_index.MANIFEST, "status of 404")  # the shard list, asked for and not found
    assert [p for p in watch.take() if not any(m in p for m in missing)] == []
