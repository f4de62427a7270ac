"""What the browser tests share besides fixtures: paths, the static server, the page
watcher.  A module of its own (not conftest.py) so test modules can import it by a name
no other folder's conftest.py shadows.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium"))  # Debian's; never a download
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
SUBPATH = "/dossier/"
# A 2-core CI machine that also runs Pagefind can be slow; a wrong page is still caught,
# only later.
EXPECT_TIMEOUT_MS = 10_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def require(condition: bool, what: str) -> None:
    """Skip locally, fail under CI: a missing browser must never make CI green."""
    if condition:
        return
    message = f"{what} (run scripts/install-browser-deps.sh)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@dataclass(frozen=True)
class BuiltSite:
    """The real dossier as built by the pipeline, plus its open data for expectations."""

    root: Path  # the published output folder
    data: dict[str, Any]  # dossier.json

    def article_by_title(self) -> dict[str, dict[str, Any]]:
        return {a["title"]: a for a in self.data["articles"]}


class _QuietHandler(SimpleHTTPRequestHandler):
    """A plain static host, like the ones the site is deployed to, minus the logging.

    ``prefix`` mounts the site under a sub-path: anything outside it is a 404, so a link
    that escapes the sub-path (an absolute "/artikel/...") is caught by the crawl.
    Folders without index.html are 404s too, not listings that would hide a missing page.
    """

    prefix = "/"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".js": "text/javascript", ".json": "application/json"}

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-prefix" / "missing")
        return super().translate_path("/" + path[len(self.prefix):])

    def list_directory(self, path: Any) -> None:
        self.send_error(404, "no index.html here")
        return None

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@dataclass
class StaticServer:
    root: Path
    prefix: str = "/"
    httpd: ThreadingHTTPServer = field(init=False)
    thread: threading.Thread = field(init=False)

    def __post_init__(self) -> None:
        handler = type("Handler", (_QuietHandler,), {"prefix": self.prefix})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(self.root)))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.1,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{self.prefix}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class PageWatch:
    """Everything that went wrong while a page was open: console errors, uncaught
    exceptions, failed requests and HTTP error responses."""

    problems: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda msg: self.problems.append(f"console {msg.type}: {msg.text} @ {page.url}")
                if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.problems.append(f"uncaught exception: {exc} @ {page.url}"))
        page.on("requestfailed", lambda req: self._failed(req))
        page.on("response", lambda res: self.problems.append(f"HTTP {res.status}: {res.url}")
                if res.status >= 400 else None)

    def _failed(self, request: Any) -> None:
        failure = request.failure or ""
        if "ERR_ABORTED" in failure:
            return  # navigating away cancels what is still loading; a missing file is an HTTP 404 above
        self.problems.append(f"request failed ({failure}): {request.url}")

    def take(self) -> list[str]:
        taken, self.problems = self.problems, []
        return taken


def screenshot_path(name: str, width: int) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}-{width}.png"
