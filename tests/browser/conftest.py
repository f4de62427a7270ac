"""Real-browser fixtures: the real dossier, built once, served at ``/`` and under ``/dossier/``,
opened in Debian's headless Chromium through Playwright.

Playwright's own browser download is never used (``executable_path``; ``DOSSIER_CHROMIUM``
names another Chromium binary).  When Chromium or axe-core is missing the tests skip on a
developer's machine but FAIL under CI (env CI set), so a CI run can never pass by
silently not running them; ``scripts/install-browser-deps.sh`` installs both.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    EXPECT_TIMEOUT_MS,
    REPO_ROOT,
    SUBPATH,
    BuiltSite,
    PageWatch,
    StaticServer,
    require,
)

# ------------------------------------------------------------------ the site and its servers


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Build the repository's own dossier (site.yaml, content/, templates/) once."""
    from dossier.pipeline import build

    output = tmp_path_factory.mktemp("built") / "output"
    report = build(REPO_ROOT, output)
    assert report.indexed == report.articles, report
    return BuiltSite(output, json.loads((output / "dossier.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    server = StaticServer(built_site.root)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def subpath_url(built_site: BuiltSite) -> Iterator[str]:
    server = StaticServer(built_site.root, prefix=SUBPATH)
    yield server.url
    server.close()


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A private copy of the site sources, for tests that edit them (live reload)."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy2(REPO_ROOT / "site.yaml", site / "site.yaml")
    shutil.copytree(REPO_ROOT / "content", site / "content")
    if (REPO_ROOT / "templates").is_dir():
        shutil.copytree(REPO_ROOT / "templates", site / "templates")
    return site


# ------------------------------------------------------------------ the browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    yield context
    context.close()


@pytest.fixture
def page(context: Any) -> Any:
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def watch(page: Any) -> PageWatch:
    watch = PageWatch()
    watch.attach(page)
    return watch


@pytest.fixture(scope="session")
def axe_source() -> str:
    require(AXE_JS.is_file(), f"axe-core not found at {AXE_JS}")
    return AXE_JS.read_text(encoding="utf-8")
