"""``python build.py serve`` with a page open: edits show up by themselves, a broken file
shows its error over the last good page, and fixing it recovers.

The server runs as the user runs it, as a subprocess of the CLI, on a copy of the site;
``--port 0`` lets the OS pick a free port, which the CLI announces.
"""

from __future__ import annotations

import json
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import REPO_ROOT, PageWatch
from playwright.sync_api import expect

from dossier.config import load_config
from dossier.content import load_articles

pytestmark = pytest.mark.browser

OVERLAY = "#dossier-error-overlay"
RELOAD_BUDGET_MS = 3_000


class ServeProcess:
    """``python build.py --site SITE serve --port 0``, its output collected line by line."""

    def __init__(self, site: Path) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, str(REPO_ROOT / "build.py"), "--site", str(site), "serve", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=site)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.log.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError(f"serve never said {pattern!r}; it said:\n" + "\n".join(self.log))

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                return self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait(10)


@pytest.fixture
def served(site_copy: Path) -> Iterator[tuple[ServeProcess, str]]:
    server = ServeProcess(site_copy)
    try:
        url = server.wait_for(r"serving .* at (http://127\.0\.0\.1:\d+/)").group(1)
        yield server, url
    finally:
        code = server.stop()
        assert code == 0, "\n".join(server.log)


def test_edits_reload_the_open_page_and_errors_overlay_the_last_good_one(
        served: tuple[ServeProcess, str], site_copy: Path, page: Any, watch: PageWatch) -> None:
    server, url = served
    config = load_config(site_copy)
    article = sorted(load_articles(config.content_dir), key=lambda a: a.slug)[0]
    source = article.source
    original = source.read_text(encoding="utf-8")
    page.goto(f"{url}{config.paths.articles}/{article.slug}/")
    heading = page.locator("h1")
    expect(heading).to_have_text(article.title)
    page.evaluate("window.__notReloaded = true")  # survives only if the page is not reloaded

    # 1. An edit appears by itself.
    edited_title = article.title + " (diperbarui)"
    started = time.monotonic()
    source.write_text(_set_title(original, edited_title), encoding="utf-8")
    expect(heading).to_have_text(edited_title, timeout=RELOAD_BUDGET_MS)
    reload_seconds = time.monotonic() - started
    print(f"edit shown after {reload_seconds:.2f} s")
    assert page.evaluate("window.__notReloaded === undefined"), "the page should have reloaded itself"
    server.wait_for(r"rebuilt in [0-9.]+ s")

    # 2. A broken file: the error shows over the page, and the page stays as it was.
    page.evaluate("window.__notReloaded = true")
    started = time.monotonic()
    broken = _set_title(original, edited_title).replace("---\n", "---\n<b>tebal</b>: x\n", 1)
    source.write_text(broken, encoding="utf-8")
    overlay = page.locator(OVERLAY)
    expect(overlay).to_be_visible(timeout=RELOAD_BUDGET_MS)
    print(f"error overlay shown after {time.monotonic() - started:.2f} s")
    expect(overlay).to_contain_text(f"content/{source.name}:")
    expect(overlay).to_contain_text("<b>tebal</b>")  # shown as text, not markup
    assert overlay.locator("b").count() == 0
    expect(heading).to_have_text(edited_title)
    assert page.evaluate("window.__notReloaded === true"), "a failed build must not reload the page"
    server.wait_for(rf"error: content/{re.escape(source.name)}:\d+: .*tebal")
    page.reload()  # the last good site is still being served, overlay and all
    expect(heading).to_have_text(edited_title)
    expect(page.locator(OVERLAY)).to_be_visible()

    # 3. Fixing it removes the overlay and shows the fixed page.
    started = time.monotonic()
    source.write_text(original, encoding="utf-8")
    expect(heading).to_have_text(article.title, timeout=RELOAD_BUDGET_MS)
    print(f"fix shown after {time.monotonic() - started:.2f} s")
    expect(page.locator(OVERLAY)).to_have_count(0)
    server.wait_for(r"rebuilt in [0-9.]+ s")

    assert reload_seconds < RELOAD_BUDGET_MS / 1000
    assert watch.take() == []


def test_the_preview_serves_search_and_the_404_page(served: tuple[ServeProcess, str], site_copy: Path,
                                                    page: Any, watch: PageWatch) -> None:
    """The preview hands out Pagefind's files (wasm, index chunks) as a static host does, and
    the site's own 404 page, styled from the preview rather than from the production host."""
    _, url = served
    config = load_config(site_copy)
    page.goto(f"{url}{config.paths.search}/?q=amunisi")
    results = page.locator(".search pagefind-results .result__title a")
    expected = sum("amunisi" in a.text.lower() for a in load_articles(config.content_dir))
    expect(results).to_have_count(expected)
    expect(results.first).to_have_text(re.compile(r"\S"))
    title = results.first.inner_text().strip()
    results.first.click()
    expect(page.locator("h1")).to_have_text(title)
    assert page.url.startswith(f"{url}{config.paths.articles}/")
    assert watch.take() == []

    missing = f"{url}tidak/ada/di/sini/"
    response = page.goto(missing)
    assert response is not None and response.status == 404
    stylesheets = page.eval_on_selector_all("link[rel=stylesheet]", "links => links.map(l => l.href)")
    assert stylesheets and all(href.startswith(url) for href in stylesheets), stylesheets
    assert [p for p in watch.take() if not ("404" in p and missing in p)] == []  # only the page itself


def _set_title(text: str, title: str) -> str:
    """Replace the ``title:`` line of the front matter, whatever its quoting."""
    quoted = json.dumps(title, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return re.sub(r"^title: .*$", lambda _: f"title: {quoted}", text, count=1, flags=re.MULTILINE)
