"""Preview server: serve output/, rebuild on every change, reload the open pages.

``serve()`` builds once, then watches content/, templates/ and site.yaml with watchdog.
A burst of saves (an editor writing a swap file, the file, a backup) becomes one rebuild
after a quiet period, and builds never overlap.  An article edit is shown first by
re-rendering only the pages it touched (the pages reload); a full build then brings the
search index up to date, and is dropped if the user saved again meanwhile.  The pipeline
publishes atomically, so the server re-resolves output/ on every request and waits a
moment if the swap happens right then; a failed rebuild leaves the last good site being
served, with the error laid over it by the live-reload script (``livereload.py``).
Nothing here prints: every line for the user goes through ``on_event``, which the CLI
points at ``print``.
"""

from __future__ import annotations

import mimetypes
import socket
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from watchdog.observers import Observer

from .errors import DossierError, Problem
from .livereload import (
    CONFIG_FILE,
    LIVERELOAD_JS,
    OUTPUT_DIR,
    QUIET_SECONDS,
    SCRIPT_PATH,
    STATUS_PATH,
    WATCHED_DIRS,
    ChangeHandler,
    Debouncer,
    PipelineBuilder,
    PlainBuilder,
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


class _PreviewHTTPServer(ThreadingHTTPServer):
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


class _PreviewHTTPServer6(_PreviewHTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _PreviewHTTPServer
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


# ------------------------------------------------------------------ the server


def _relative_problem(problem: Problem, site_dir: Path) -> Problem:
    """Show ``content/x.md`` rather than a long absolute path."""
    if problem.path is not None and problem.path.is_absolute() and problem.path.is_relative_to(site_dir):
        return Problem(problem.message, problem.path.relative_to(site_dir), problem.line, problem.column)
    return problem


class PreviewServer:
    """The pieces of ``serve()`` as an object, so tests can start and stop it in-process."""

    def __init__(self, site_dir: Path, *, host: str = "127.0.0.1", port: int = 8000,
                 on_event: Callable[[str], None], build: Callable[[Path], object] | None = None,
                 quiet: float = QUIET_SECONDS) -> None:
        self.site_dir = Path(site_dir).resolve()
        if not (self.site_dir / CONFIG_FILE).is_file():  # the wrong folder, not a broken build
            raise DossierError.at("no site.yaml here; run Dossier in a site folder (site.yaml, content/, "
                                  "templates/) or pass --site", self.site_dir / CONFIG_FILE)
        self.on_event = on_event
        self.state = ReloadState()
        self._builder: PlainBuilder | PipelineBuilder = PlainBuilder(build) if build else PipelineBuilder()
        self._build_lock = threading.Lock()
        server_class = _PreviewHTTPServer6 if ":" in host else _PreviewHTTPServer
        try:
            self.httpd = server_class((host, port), self.site_dir / OUTPUT_DIR, self.state)
        except OSError as exc:
            raise DossierError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        self.debouncer = Debouncer(self.rebuild, quiet,
                                   on_error=lambda exc: self.on_event(f"error: rebuild crashed: {exc!r}"))
        self.observer = Observer()
        self._watched: set[Path] = set()
        self._changed_lock = threading.Lock()
        self._changed: set[str] = set()  # top folder (or file) of each source changed since the last run
        self._changed_files: set[Path] = set()
        self._handler = ChangeHandler(self.site_dir, self._source_changed, self._watch_dir)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"

    def _source_changed(self, path: Path) -> None:
        with self._changed_lock:
            self._changed.add(path.relative_to(self.site_dir).parts[0])
            self._changed_files.add(path)
        self.debouncer.trigger()

    def _take_changes(self) -> tuple[set[str], frozenset[Path]]:
        """The top folders (or files) changed since the last run, and the files themselves."""
        with self._changed_lock:
            changed, self._changed = self._changed, set()
            files, self._changed_files = frozenset(self._changed_files), set()
        return changed, files

    def _watch_dir(self, path: Path, *, appeared: bool = True) -> None:
        """Watch content/ or templates/, also when one appears after the server started."""
        if path in self._watched or not path.is_dir():
            return
        self._watched.add(path)
        self.observer.schedule(self._handler, str(path), recursive=True)
        if appeared:
            self._source_changed(path)

    def rebuild(self, verb: str = "rebuilt") -> bool:
        """Build once; report the outcome to the pages and the user.  Never raises.

        With the real pipeline an edit is shown after the quick step (the pages reload)
        and the full build that follows only brings the search index up to date, so it
        reports errors but does not reload the pages again.
        """
        with self._build_lock:
            started = time.perf_counter()
            # Only article edits take the quick step: a template or site.yaml edit changes
            # every page, which only the full build re-renders.
            folders, files = self._take_changes()
            content_only = folders == {"content"}
            shown: list[float] = []

            def show() -> None:  # pages were written: reload the open pages now
                self.state.succeeded()
                if not shown:
                    self.on_event(f"{verb} in {time.perf_counter() - started:.2f} s")
                shown.append(time.perf_counter())

            def indexed() -> None:
                self.on_event(f"search index updated in {time.perf_counter() - started:.2f} s")

            quick = content_only and self._builder.quick(self.site_dir, show, files, indexed)
            if quick:
                # Open pages reload once, when the edited article is shown (or, when it could not
                # be shown alone, once every page the edit changed is written): a second reload
                # seconds later would take the reader's place on the page away.
                if not shown:
                    show()
                self._full_build()  # what the edit changed only indirectly; errors are shown
                return True
            if self._full_build():
                self.state.succeeded()
                self.on_event(f"{verb} in {time.perf_counter() - started:.2f} s")
                return True
            return False

    def _full_build(self) -> bool:
        """Run the full build; on failure tell the pages and the user.  True if it published."""
        from .pipeline import BuildCancelled

        try:
            self._builder.full(self.site_dir, cancelled=self.debouncer.pending)
        except BuildCancelled:  # the user saved again; the next run builds the newer sources
            return False
        except DossierError as exc:
            problems = [str(_relative_problem(p, self.site_dir)) for p in exc.problems]
            self.state.failed("\n".join(problems))
            for line in problems:
                self.on_event(f"error: {line}")
            return False
        except Exception as exc:  # a bug in a stage must not take the preview down
            message = (f"internal error while building: {type(exc).__name__}: {exc} "
                       "(run `python build.py --debug build` for the traceback)")
            self.state.failed(message)
            self.on_event(f"error: {message}")
            return False
        return True

    def start(self) -> None:
        """Watch, build once, and serve in a background thread (tests; ``serve`` blocks)."""
        self.prepare()
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.1,), name="dossier-http",
                                        daemon=True)
        self._thread.start()

    def prepare(self) -> None:
        """Start watching first, so an edit made during the first build is not missed."""
        self.observer.schedule(self._handler, str(self.site_dir), recursive=False)
        for name in WATCHED_DIRS:
            self._watch_dir(self.site_dir / name, appeared=False)
        self.observer.start()
        self.rebuild("built")

    def close(self) -> None:
        self.state.close()
        if self._thread is not None:  # serve() runs serve_forever itself; shutdown() would wait forever
            self.httpd.shutdown()
        self.httpd.server_close()
        self.debouncer.close()
        if self.observer.is_alive():
            self.observer.stop()
            self.observer.join(5)
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> PreviewServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve(site_dir: Path, *, host: str = "127.0.0.1", port: int = 8000,
          on_event: Callable[[str], None]) -> None:
    """Build, watch and serve ``site_dir`` until interrupted (Ctrl+C raises KeyboardInterrupt)."""
    server = PreviewServer(site_dir, host=host, port=port, on_event=on_event)
    try:
        server.prepare()
        on_event(f"serving {server.site_dir / OUTPUT_DIR} at {server.url} (Ctrl+C to stop)")
        if host not in ("127.0.0.1", "localhost", "::1"):
            on_event(f"warning: listening on {host}, so other machines on the network can open the preview")
        server.httpd.serve_forever()
    finally:
        server.close()
