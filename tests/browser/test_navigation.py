"""Moving around the site: the reader's path through it, and a crawl of every internal link,
at the site root and under a sub-path, with no 404, console error or failed request."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from browser_support import SUBPATH, BuiltSite, PageWatch
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Followed by navigating; anything else (feed, JSON, sitemap) is fetched and checked for 200.
PAGE_SUFFIXES = ("/", ".html")


@dataclass
class Crawl:
    pages: dict[str, set[str]] = field(default_factory=dict)  # page URL -> element ids on it
    files: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def crawl(page: Any, watch: PageWatch, base: str) -> Crawl:
    """Visit every page reachable from ``base`` by links that stay under ``base``.

    A same-origin link that leaves ``base`` is a problem: the site must work from any
    sub-path, so it may not link to the host's root.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    result = Crawl()
    queue: deque[tuple[str, str]] = deque([(base, "(start)")])
    seen = {base}
    anchors: list[tuple[str, str, str]] = []  # (target page, fragment, linking page)
    while queue:
        url, referrer = queue.popleft()
        if not url.endswith(PAGE_SUFFIXES):
            response = page.request.get(url)
            if response.status != 200:
                result.problems.append(f"HTTP {response.status}: {url} (linked from {referrer})")
            result.files.add(url)
            continue
        response = page.goto(url, wait_until="load")
        if response is None or response.status != 200:
            status = response.status if response else "no response"
            result.problems.append(f"HTTP {status}: {url} (linked from {referrer})")
            watch.take()
            continue
        result.problems.extend(f"{problem} (on {url})" for problem in watch.take())
        result.pages[url] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        hrefs = page.eval_on_selector_all(
            "a[href], link[rel=alternate][href], link[rel=stylesheet][href]",
            # An SVG <a> (the map's places, the network's nodes) has no string .href: resolve its attribute.
            "els => els.map(e => new URL(e.getAttribute('href'), document.baseURI).href)")
        for href in hrefs:
            target, fragment = urldefrag(href)
            if not target.startswith(origin + "/"):
                continue  # another site (the outlet's original article, Wikidata)
            if not target.startswith(base):
                result.problems.append(f"link leaves the site's folder: {href} (on {url})")
                continue
            target = target.split("?", 1)[0] if "?" in target else target
            if fragment:
                anchors.append((target, fragment, url))
            if target not in seen:
                seen.add(target)
                queue.append((target, url))
    for target, fragment, referrer in anchors:
        if target in result.pages and fragment not in result.pages[target]:
            result.problems.append(f"no element #{fragment} on {target} (linked from {referrer})")
    return result


def expected_page_count(built_site: BuiltSite) -> int:
    """Every article, topic and entity in dossier.json has a page the crawl must reach."""
    data = built_site.data
    return sum(len(data[kind]) for kind in ("articles", "topics", "people", "places", "organizations"))


def test_every_internal_link_works_and_no_page_has_errors(page: Any, watch: PageWatch, site_url: str,
                                                          built_site: BuiltSite) -> None:
    result = crawl(page, watch, site_url)
    assert result.problems == []
    assert len(result.pages) >= expected_page_count(built_site)
    for item in ("articles", "topics", "people", "places", "organizations"):
        for entry in built_site.data[item]:
            assert site_url + entry["url"] in result.pages, f"{entry['url']} is not linked from anywhere"


def test_the_same_crawl_passes_under_a_sub_path(page: Any, watch: PageWatch, subpath_url: str,
                                                built_site: BuiltSite) -> None:
    assert urlsplit(subpath_url).path == SUBPATH
    result = crawl(page, watch, subpath_url)
    assert result.problems == []
    assert len(result.pages) >= expected_page_count(built_site)


def test_home_hub_article_person_and_back(page: Any, watch: PageWatch, site_url: str,
                                          built_site: BuiltSite) -> None:
    data = built_site.data
    page.goto(site_url)
    expect(page).to_have_title(data["title"])
    expect(page.locator("html")).to_have_attribute("lang", "id")

    hub = data["topics"][0]
    page.locator(f"main a[href$='{hub['url'].rstrip('/').rsplit('/', 1)[-1]}/']").first.click()
    expect(page).to_have_url(site_url + hub["url"])
    expect(page.locator("h1")).to_have_text(hub["title"])

    article = next(a for a in data["articles"] if a["slug"] in hub["articles"])
    page.locator(f"main a[href$='{article['slug']}/']").first.click()
    expect(page).to_have_url(site_url + article["url"])
    expect(page.locator("h1")).to_have_text(article["title"])

    person = article["people"][0]
    page.locator(f"main a[href$='/{person['key']}/']").first.click()
    expect(page).to_have_url(site_url + person["url"])
    expect(page.locator("h1")).to_contain_text(person["name"])
    expect(page.locator("main")).to_contain_text(article["title"])  # the person page lists the article

    page.go_back()
    expect(page).to_have_url(site_url + article["url"])
    expect(page.locator("h1")).to_have_text(article["title"])
    assert watch.take() == []
