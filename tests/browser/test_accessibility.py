"""axe-core on the page kinds a reader meets: no serious or critical violation."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import AXE_JS, REPO_ROOT, BuiltSite
from playwright.sync_api import expect

from dossier.config import load_config

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def page_paths(built_site: BuiltSite) -> dict[str, str]:
    data = built_site.data
    config = load_config(REPO_ROOT)
    search = config.paths.search
    return {
        "timeline": f"{config.paths.timeline}/",
        **{key: f"{getattr(config.paths, key)}/" for key in ("quotes", "sources", "map", "connections")},
        "home": "",
        "hub": data["topics"][0]["url"],
        "article": data["articles"][0]["url"],
        "person": data["people"][0]["url"],
        "search": f"{search}/?q=kunjungan",
    }


def axe_violations(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}));
    }""")


@pytest.mark.parametrize("kind", ["home", "hub", "article", "person", "search", "timeline", "quotes", "sources",
                                  "map", "connections"])
def test_no_serious_or_critical_violations(page: Any, site_url: str, built_site: BuiltSite, axe_source: str,
                                           kind: str) -> None:
    page.goto(site_url + page_paths(built_site)[kind])
    if kind == "search":  # check the page with its results showing, as a reader sees it
        expect(page.locator(".search pagefind-results a").first).to_be_visible()
        page.wait_for_load_state("networkidle")  # every result rendered, not placeholders
    violations = axe_violations(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], "\n".join(f"{v['impact']} {v['id']}: {v['help']} at {v['nodes']}" for v in blocking)
