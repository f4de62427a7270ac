"""The preview server's HTTP side: serve output/ safely, with the live-reload script in every page.

Requests are mapped onto output/ (re-resolved on every request: the pipeline swaps a new
site into place atomically, and the folder may be absent for a moment), never outside it;
HTML pages get the live-reload script and a ``<base>`` fit for the preview; the script polls
the status endpoint, which answers from ``ReloadState`` (``livereload.py``).  Nothing is
logged: ``serve.py`` reports rebuilds, and request logs would drown them.
"""

from __future__ import annotations

import mimetypes
import socket
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from .livereload import (
    LIVERELOAD_JS,
    SCRIPT_PATH,
    STATUS_PATH,
    ReloadState,
    inject_script,
    repoint_base,
    script_tag,
)

_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    ".txt": "text/plain; charset=utf-8",
}


# ------------------------------------------------------------------ path safety


class PathRefused(Exception):
    """A request for something outside the served folder; ``status`` is what to answer."""

    def __init__(self, status: HTTPStatus, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def resolve_request_path(root: Path, url_path: str) -> Path:
    """Map the path part of a URL to a real path under ``root``, or raise PathRefused.

    Percent-decoding happens exactly once, before ``..`` is looked for, so ``%2e%2e``
    is caught; symlinks are resolved and must still land inside ``root``.  The result
    may not exist: the caller answers 404 for that.
    """
    path = urlsplit(url_path).path
    try:
        decoded = unquote(path, errors="strict") if "%" in path else path
    except UnicodeDecodeError:
        raise PathRefused(HTTPStatus.NOT_FOUND, "path is not UTF-8") from None
    if "\x00" in decoded or "\\" in decoded:
        raise PathRefused(HTTPStatus.NOT_FOUND, "malformed path")
    segments = [part for part in decoded.split("/") if part not in ("", ".")]
    if ".." in segments:
        raise PathRefused(HTTPStatus.NOT_FOUND, "path climbs out of the site")
    root = root.resolve()
    target = root.joinpath(*segments).resolve()
    if target != root and not target.is_relative_to(root):
        raise PathRefused(HTTPStatus.FORBIDDEN, "link points outside the site")
    return target


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _CONTENT_TYPES:
        return _CONTENT_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


# ------------------------------------------------------------------ HTTP


_NOT_BUILT_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dossier preview</title></head>
<body><main><h1>%s</h1><p>%s</p></main></body></html>
"""


class PreviewHTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # a long poll must not keep the process alive
    block_on_close = False

    def __init__(self, address: tuple[str, int], output_dir: Path, state: ReloadState) -> None:
        self.output_dir = output_dir
        self.state = state
        super().__init__(address, _Handler)

    def output_root(self, attempts: int = 20, pause: float = 0.025) -> Path | None:
        """The output folder, waiting up to ~0.5 s if a swap has it momentarily absent."""
        for _ in range(attempts):
            if self.output_dir.is_dir():
                return self.output_dir.resolve()
            time.sleep(pause)
        return None

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up mid-response is normal for a preview; say nothing."""


class PreviewHTTPServer6(PreviewHTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: PreviewHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "DossierPreview"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Request logs would drown the rebuild messages; serve.py never prints."""

    def _respond(self, send_body: bool) -> None:
        url = urlsplit(self.path)
        try:
            if url.path == STATUS_PATH:
                self._status(url.query, send_body)
            elif url.path == SCRIPT_PATH:
                self._send(HTTPStatus.OK, LIVERELOAD_JS.encode("utf-8"), "text/javascript; charset=utf-8",
                           send_body)
            else:
                self._static(url.path, url.query, send_body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _status(self, query: str, send_body: bool) -> None:
        since_values = parse_qs(query).get("since", [])
        try:
            since = int(since_values[0]) if since_values else None
        except ValueError:
            since = None
        self._send(HTTPStatus.OK, self.server.state.status_json(since), "application/json", send_body)

    def _static(self, path: str, query: str, send_body: bool) -> None:
        version = self.server.state.version  # before reading: a newer page only reloads once more
        root = self.server.output_root()
        if root is None:
            page = _NOT_BUILT_PAGE % (b"No site yet", b"The first build has not succeeded; fix the error shown.")
            self._send_html(HTTPStatus.SERVICE_UNAVAILABLE, page, version, send_body)
            return
        for attempt in range(3):
            try:
                target = resolve_request_path(root, path)
                if target.is_dir():
                    if not path.endswith("/"):
                        self._redirect(path + "/" + (f"?{query}" if query else ""))
                        return
                    target = resolve_request_path(root, path + "index.html")
                if not target.is_file():
                    self._not_found(root, version, send_body)
                    return
                data = target.read_bytes()
                break
            except PathRefused as refused:
                self._send(refused.status, f"{refused.status.phrase}\n".encode(), "text/plain; charset=utf-8",
                           send_body)
                return
            except OSError:  # output/ swapped between resolving and reading, or a name the OS refuses
                if attempt == 2:
                    self._not_found(root, version, send_body)
                    return
                time.sleep(0.05)
                root = self.server.output_root() or root
        kind = content_type(target)
        if kind.startswith("text/html"):
            self._send_html(HTTPStatus.OK, data, version, send_body)
        else:
            self._send(HTTPStatus.OK, data, kind, send_body)

    def _not_found(self, root: Path, version: int, send_body: bool) -> None:
        custom = root / "404.html"
        page = custom.read_bytes() if custom.is_file() else _NOT_BUILT_PAGE % (
            b"404", b"There is no page at this address.")
        self._send_html(HTTPStatus.NOT_FOUND, page, version, send_body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send_html(self, status: HTTPStatus, page: bytes, version: int, send_body: bool) -> None:
        page = inject_script(repoint_base(page), script_tag(version))
        self._send(status, page, "text/html; charset=utf-8", send_body)

    def _send(self, status: HTTPStatus, body: bytes, kind: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # a preview must never show a stale file
        self.end_headers()
        if send_body:
            self.wfile.write(body)
