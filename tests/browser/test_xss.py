"""In a real browser, no page built from hostile input runs script or reaches another site.

The hostile dossier (tests/xss_corpus.py: OWASP filter-evasion payloads in bodies, titles,
outlets, authors, quotes, entity and hub names, labels) is built, served over http on
127.0.0.1 and opened in headless Chromium.  Every payload that could run calls ``alert`` or
logs ``xss-ran``, and every one that could fetch names ``evil.example``; so the page must
show no dialog, log no marker, and request nothing but the local server, including the
search page once Pagefind has rendered results whose titles are payloads.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import xss_corpus

pytestmark = pytest.mark.browser


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@dataclass
class Served:
    root: Path
    url: str
    data: dict[str, Any]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from dossier.pipeline import build

    site = xss_corpus.write_site(tmp_path_factory.mktemp("xss") / "site")
    build(site, cache=False)
    out = site / "output"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(out)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield Served(out, f"http://{host}:{port}/", json.loads((out / "dossier.json").read_text(encoding="utf-8")))
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Tripwires:
    """What a page did that it must not: dialogs, marker logs, requests off the local server."""

    origin: str
    own_site: str  # base_url: the 404 page's <base href> points there, the site's real address
    ran: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)

    def attach(self, context: Any) -> None:
        def route(request_route: Any) -> None:
            url = request_route.request.url
            if url.startswith(self.origin) or url.startswith(("about:", "blob:")):
                request_route.continue_()
            elif url.startswith(self.own_site):
                request_route.abort()  # not another site; just not reachable from the test
            else:
                self.fetched.append(url)
                request_route.abort()

        context.route("**/*", route)

    def watch(self, page: Any) -> None:
        def dialog(d: Any) -> None:
            self.ran.append(f"{page.url}: {d.type} {d.message!r}")
            d.dismiss()

        page.on("dialog", dialog)
        page.on("console", lambda m: xss_corpus.XSS_MARKER in m.text and self.ran.append(f"{page.url}: {m.text}"))


@pytest.fixture
def tripwired(browser: Any, hostile: Served) -> Iterator[tuple[Any, Tripwires]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    wires = Tripwires(hostile.url, hostile.data["base_url"])
    wires.attach(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    wires.watch(page)
    yield page, wires
    context.close()


def visit(page: Any, url: str) -> None:
    """Load the page and sweep the mouse over it, so a smuggled onmouseover would fire too."""
    page.goto(url, wait_until="load")
    for y in range(20, 900, 80):
        page.mouse.move(40 + (y * 7) % 1200, y)


def test_no_page_runs_a_payload_or_fetches_from_another_site(tripwired: tuple[Any, Tripwires],
                                                             hostile: Served) -> None:
    page, wires = tripwired
    data = hostile.data
    paths = ["", "404.html", *(a["url"] for a in data["articles"]), *(t["url"] for t in data["topics"]),
             *(e["url"] for kind in ("people", "places", "organizations") for e in data[kind][:8])]
    for root in ("topics", "people", "places", "organizations", "articles", "timeline"):
        if (hostile.root / root / "index.html").is_file():
            paths.append(root + "/")
    for path in paths:
        visit(page, hostile.url + path)
    assert wires.ran == []
    assert wires.fetched == []


def test_search_results_show_hostile_titles_as_text(tripwired: tuple[Any, Tripwires], hostile: Served) -> None:
    page, wires = tripwired
    page.goto(hostile.url + "search/?q=pelabuhan", wait_until="load")
    results = page.locator(".result__title")
    results.first.wait_for(state="visible", timeout=15_000)
    titles = results.all_inner_texts()
    assert any(xss_corpus.PAYLOADS[0] in t or "Pelabuhan" in t for t in titles), titles
    shown = " ".join(titles)
    assert any(payload in shown for payload in xss_corpus.PAYLOADS)  # a payload title, as text
    for y in range(20, 900, 40):
        page.mouse.move(400, y)
    assert wires.ran == []
    assert {urlsplit(u).netloc for u in wires.fetched} == set()
