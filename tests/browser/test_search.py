"""Search, as a reader uses it: type a word, narrow by person and topic, open a result.

Expected results come from the sources, not from the index: a word search must find
exactly the articles whose title or text contains the word, and a filter must keep
exactly those of them that dossier.json lists with that person or topic.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from browser_support import REPO_ROOT, SUBPATH, BuiltSite, PageWatch
from playwright.sync_api import expect

from dossier.config import load_config
from dossier.content import load_articles

pytestmark = pytest.mark.browser

SEARCH_INPUT = ".search pagefind-input input"
RESULT_LINKS = ".search pagefind-results .result__title a"
FILTER_PANE = ".search pagefind-filter-pane"


def articles_containing(word: str) -> set[str]:
    """Titles of the articles whose title or text has ``word`` as a whole word."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return {a.title for a in load_articles(REPO_ROOT / "content") if pattern.search(f"{a.title}\n{a.text}")}


def search_url(base: str) -> str:
    config = load_config(REPO_ROOT)
    return f"{base}{config.paths.search}/"


def result_titles(page: Any, expected: set[str], timeout: float = 10.0) -> set[str]:
    """The titles of the results once they equal ``expected`` (or whatever shows at the timeout).

    Pagefind renders each result in two steps (a placeholder, then the page's metadata),
    so the right number of links can show before their titles do.
    """
    deadline = time.monotonic() + timeout
    while True:
        titles = {t.strip() for t in page.locator(RESULT_LINKS).all_inner_texts()}
        if titles == expected or time.monotonic() > deadline:
            return titles
        time.sleep(0.1)


def search(page: Any, base: str, query: str, expected: set[str]) -> None:
    page.goto(search_url(base))
    page.locator(SEARCH_INPUT).fill(query)
    expect(page.locator(RESULT_LINKS)).to_have_count(len(expected))


def filter_option(page: Any, group: str, value: str) -> Any:
    """The checkbox of ``value`` in the filter group named ``group`` (opened if folded)."""
    group_box = page.locator(f"{FILTER_PANE} [data-filter-name='{group}']")
    if not group_box.evaluate("el => el.tagName !== 'DETAILS' || el.open"):
        group_box.locator("summary").first.click()
    return group_box.get_by_role("checkbox", name=re.compile(rf"^{re.escape(value)}\b"))


@pytest.mark.parametrize("word", ["kunjungan", "amunisi"])
def test_a_word_finds_exactly_the_articles_that_contain_it(page: Any, watch: PageWatch, site_url: str,
                                                          word: str) -> None:
    expected = articles_containing(word)
    assert expected, f"no article contains {word!r}; the test needs the real dossier"
    search(page, site_url, word, expected)
    assert result_titles(page, expected) == expected
    assert f"q={word}" in page.url, "the search should be bookmarkable"
    assert watch.take() == []


def test_header_search_form_carries_the_query_to_the_search_page(page: Any, watch: PageWatch,
                                                                 site_url: str) -> None:
    expected = articles_containing("amunisi")
    page.goto(site_url)
    page.locator("#site-search-q").fill("amunisi")
    page.locator("#site-search-q").press("Enter")
    assert result_titles(page, expected) == expected
    assert watch.take() == []


def test_person_and_topic_filters_narrow_the_results(page: Any, watch: PageWatch, site_url: str,
                                                     built_site: BuiltSite) -> None:
    word = "amunisi"
    found = articles_containing(word)
    by_title = built_site.article_by_title()
    labels = _labels()

    # A person named in some but not all of the results, so the filter visibly narrows.
    people: dict[str, set[str]] = {}
    for title in found:
        for person in by_title[title]["people"]:
            people.setdefault(person["name"], set()).add(title)
    person, with_person = next((name, titles) for name, titles in sorted(people.items(), key=lambda kv: kv[0])
                               if 0 < len(titles) < len(found))
    topics = {t["slug"]: t["title"] for t in built_site.data["topics"]}
    topic_titles: dict[str, set[str]] = {}
    for title in with_person:
        for slug in by_title[title]["topics"]:
            topic_titles.setdefault(topics[slug], set()).add(title)
    topic, with_both = min(topic_titles.items(), key=lambda kv: (len(kv[1]), kv[0]))

    story = f"{word!r} in {len(found)}; {person!r} in {len(with_person)}; also topic {topic!r}: {len(with_both)}"
    search(page, site_url, word, found)
    filter_option(page, labels["filter_person"], person).check()
    assert result_titles(page, with_person) == with_person, story

    filter_option(page, labels["filter_topic"], topic).check()
    assert result_titles(page, with_both) == with_both, story
    assert watch.take() == []


def test_clicking_a_result_opens_the_article(page: Any, watch: PageWatch, site_url: str,
                                             built_site: BuiltSite) -> None:
    expected = articles_containing("amunisi")
    search(page, site_url, "amunisi", expected)
    assert result_titles(page, expected) == expected
    first = page.locator(RESULT_LINKS).first
    title = first.inner_text().strip()
    first.click()
    article = built_site.article_by_title()[title]
    expect(page).to_have_url(site_url + article["url"] + "?highlight=amunisi")
    expect(page.locator("h1")).to_have_text(title)
    # The searched word is marked in the article the reader lands on.
    marks = page.locator("[data-pagefind-body] mark.search-hit")
    expect(marks.first).to_be_visible()
    assert {t.strip().lower() for t in marks.all_inner_texts()} == {"amunisi"}
    assert watch.take() == []


@pytest.mark.parametrize("where", ["home", "hub", "article", "person", "search"])
def test_slash_focuses_the_search_box_from_any_page(page: Any, site_url: str, built_site: BuiltSite,
                                                     where: str) -> None:
    config = load_config(REPO_ROOT)
    paths = {
        "home": "",
        "hub": built_site.data["topics"][0]["url"],
        "article": built_site.data["articles"][0]["url"],
        "person": built_site.data["people"][0]["url"],
        "search": f"{config.paths.search}/",
    }
    page.goto(site_url + paths[where])
    page.locator("h1").first.click()  # focus somewhere that is not a text field
    page.keyboard.press("/")
    # On the search page, the page's own box (where results appear), not the header's.
    box = page.locator(SEARCH_INPUT) if where == "search" else page.locator("#site-search-q")
    expect(box).to_be_focused(timeout=2_000)
    assert box.input_value() == "", "the '/' must not be typed into the box"


def test_search_works_under_a_sub_path(page: Any, watch: PageWatch, subpath_url: str,
                                       built_site: BuiltSite) -> None:
    assert subpath_url.endswith(SUBPATH)
    expected = articles_containing("kunjungan")
    search(page, subpath_url, "kunjungan", expected)
    assert result_titles(page, expected) == expected
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")
    assert all(href.startswith(subpath_url) for href in hrefs), hrefs
    page.locator(RESULT_LINKS).first.click()
    expect(page.locator("h1")).to_have_text(re.compile(r"\S"))
    assert page.url.startswith(subpath_url)
    assert watch.take() == []


def _labels() -> dict[str, str]:
    import yaml

    labels = yaml.safe_load((REPO_ROOT / "templates" / "labels.yaml").read_text(encoding="utf-8"))
    config = load_config(REPO_ROOT)
    labels.update(config.labels)
    return labels


def test_expectations_are_not_vacuous() -> None:
    """Guard: the words chosen must actually separate the articles."""
    assert articles_containing("amunisi") < {a.title for a in load_articles(Path(REPO_ROOT / "content"))}


def test_results_can_be_sorted_by_date(page: Any, watch: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    """Sorting is on request: newest first or oldest first, by the articles' publication dates."""
    expected = articles_containing("kunjungan")
    search(page, site_url, "kunjungan", expected)
    assert result_titles(page, expected) == expected
    by_title = built_site.article_by_title()
    newest_first = sorted(expected, key=lambda t: (by_title[t]["published"] or "", t), reverse=True)
    dates = [by_title[t]["published"] for t in newest_first]
    assert len(set(dates)) > 1, "the test needs articles from different days"

    def order_of_days() -> list[str]:
        titles = [t.strip() for t in page.locator(RESULT_LINKS).all_inner_texts()]
        return [by_title[t]["published"] for t in titles if t in by_title]

    page.locator("#search-sort").select_option("desc")
    expect(page).to_have_url(re.compile(r"sort=desc"))
    deadline = time.monotonic() + 10
    while order_of_days() != sorted(dates, reverse=True) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert order_of_days() == sorted(dates, reverse=True)

    page.locator("#search-sort").select_option("asc")
    deadline = time.monotonic() + 10
    while order_of_days() != sorted(dates) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert order_of_days() == sorted(dates)
    assert watch.take() == []
