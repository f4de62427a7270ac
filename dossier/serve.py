"""Preview server: serve output/, rebuild on every change, reload the open pages.

``serve()`` builds once, then watches content/, templates/ and site.yaml with watchdog.
A burst of saves (an editor writing a swap file, the file, a backup) becomes one rebuild
after a quiet period, and builds never overlap.  An article edit is shown first by
re-rendering only the pages it touched (the pages reload); a full build then brings the
search index up to date, and is dropped if the user saved again meanwhile.  The pipeline
publishes atomically, so the server re-resolves output/ on every request and waits a
moment if the swap happens right then; a failed rebuild leaves the last good site being
served, with the error laid over it by the live-reload script (``livereload.py``).  The
HTTP side (requests mapped safely onto output/) is ``preview_http.py``.  Nothing here
prints: every line for the user goes through ``on_event``, which the CLI points at ``print``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.observers import Observer

from .errors import DossierError, Problem
from .livereload import (
    CONFIG_FILE,
    OUTPUT_DIR,
    QUIET_SECONDS,
    WATCHED_DIRS,
    ChangeHandler,
    Debouncer,
    ReloadState,
)
from .preview_builds import PipelineBuilder, PlainBuilder
from .preview_http import PreviewHTTPServer, PreviewHTTPServer6

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
        server_class = PreviewHTTPServer6 if ":" in host else PreviewHTTPServer
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
