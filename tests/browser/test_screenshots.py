"""Screenshots of the main page kinds on a phone (390 px) and a desktop (1280 px), saved to
test-artifacts/screenshots/ for people to look at, and the layout checks a screenshot
makes obvious: nothing wider than the screen, nothing hidden under the header."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import REPO_ROOT, BuiltSite, screenshot_path
from playwright.sync_api import expect

from dossier.config import load_config

pytestmark = pytest.mark.browser

WIDTHS = {390: 844, 1280: 900}  # width -> viewport height


def pages(built_site: BuiltSite) -> dict[str, str]:
    data = built_site.data
    search = load_config(REPO_ROOT).paths.search
    return {
        "home": "",
        "hub": data["topics"][0]["url"],
        "article": data["articles"][0]["url"],
        "search": f"{search}/?q=kunjungan",
    }


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_screenshots_and_no_horizontal_overflow(browser: Any, site_url: str, built_site: BuiltSite,
                                                width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, locale="id-ID")
    try:
        page = context.new_page()
        overflowing: dict[str, list[str]] = {}
        for name, path in pages(built_site).items():
            page.goto(site_url + path)
            if name == "search":
                expect(page.locator(".search pagefind-results a").first).to_be_visible()
                page.wait_for_load_state("networkidle")  # every result rendered, not placeholders
            page.evaluate("document.fonts.ready")
            target = screenshot_path(name, width)
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 1000
            wide = page.evaluate("""() => {
                const limit = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= limit) return [];
                const name = el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className) : "");
                return [...document.querySelectorAll("body *")]
                    .filter(el => el.getBoundingClientRect().right > limit + 1)
                    .map(name).slice(0, 8);
            }""")
            if wide:
                overflowing[name] = wide
        assert overflowing == {}, f"elements wider than the {width}px screen: {overflowing}"
    finally:
        context.close()
