"""Live reload for the preview server: when to rebuild, and telling the open pages.

Deciding when: watchdog events are filtered (``is_watched``: sources only, never the
build's own output or editor temp files) and a ``Debouncer`` turns a burst of saves into
one rebuild, quick (the pages an article edit touched) then full (``preview_builds``).
Telling the pages is done the MkDocs way: the server adds one ``<script>``
to every HTML page it serves; the script long-polls ``/__dossier__/status`` and reloads
the page once a rebuild succeeded, or lays an overlay with the build error over the
(last good) page.  The script is an external file rather than inline code so a theme's
Content-Security-Policy of ``script-src 'self'`` does not block it, and it builds the
overlay with ``textContent`` so an error message can never inject markup.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

STATUS_PATH = "/__dossier__/status"
SCRIPT_PATH = "/__dossier__/livereload.js"
LONG_POLL_SECONDS = 20.0
# A save arrives as a burst of file events a few milliseconds apart (write, rename, chmod);
# 0.1 s of quiet ends the burst without making the user wait (watchfiles waits 50 ms).
# A build that a later save overtakes is cancelled, so a longer burst costs nothing either.
QUIET_SECONDS = 0.1
WATCHED_DIRS = ("content", "templates")
CONFIG_FILE = "site.yaml"
OUTPUT_DIR = "output"
# Folders the build itself writes beside the sources; their churn must not trigger builds.
IGNORED_DIRS = (OUTPUT_DIR, ".dossier-cache", ".git")
IGNORED_PREFIXES = (".output-", ".#", ".goutputstream-")
IGNORED_SUFFIXES = (".swp", ".swx", ".swo", "~", ".tmp")
IGNORED_NAMES = ("4913", ".DS_Store")  # 4913: Vim's probe for whether it may write the folder
# inotify also reports opens and reads; a build reads every source, so those would loop.
RELEVANT_EVENTS = frozenset({"created", "deleted", "modified", "moved", "closed", "attrib"})

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_ABSOLUTE_BASE = re.compile(rb"""(<base\b[^>]*?\bhref\s*=\s*["'])https?://[^"']*(["'])""", re.IGNORECASE)


class ReloadState:
    """What the pages need to know about the builds, shared by the builder and the handlers.

    ``version`` counts successful builds (a page served at version n reloads when it
    changes); ``error`` is the message of the last build if it failed, else None;
    ``generation`` changes on every outcome, so a long poll can wait for "anything new"
    without the client sending the error text back.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._version = 0
        self._error: str | None = None
        self._generation = 0
        self._closed = False

    def succeeded(self) -> None:
        with self._changed:
            self._version += 1
            self._error = None
            self._generation += 1
            self._changed.notify_all()

    def failed(self, message: str) -> None:
        with self._changed:
            self._error = message
            self._generation += 1
            self._changed.notify_all()

    def close(self) -> None:
        """Release every waiting long poll (the server is stopping)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def version(self) -> int:
        with self._changed:
            return self._version

    def snapshot(self) -> dict[str, object]:
        with self._changed:
            return {"version": self._version, "error": self._error, "generation": self._generation}

    def wait_for_change(self, since: int, timeout: float) -> dict[str, object]:
        """Return the status once ``generation`` differs from ``since``, or after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._generation == since and not self._closed:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
            return {"version": self._version, "error": self._error, "generation": self._generation}

    def status_json(self, since: int | None = None, timeout: float = LONG_POLL_SECONDS) -> bytes:
        status = self.snapshot() if since is None else self.wait_for_change(since, timeout)
        return json.dumps(status, ensure_ascii=False).encode("utf-8")


def script_tag(version: int) -> bytes:
    """The tag injected into pages served while the site is at ``version``."""
    return f'<script src="{SCRIPT_PATH}?v={int(version)}" defer></script>'.encode("ascii")


def repoint_base(html: bytes) -> bytes:
    """Point a ``<base href="https://example.org/dossier/">`` at the preview's root instead.

    Pages that can be served at any depth (the 404 page) carry the production URL as their
    base; in the preview the site lives at ``/`` of another host, and a base on the
    production host would load the styles (and the reload script) from there.
    """
    return _ABSOLUTE_BASE.sub(rb"\1/\2", html, count=1)


def inject_script(html: bytes, tag: bytes) -> bytes:
    """Insert ``tag`` just before the last ``</body>``; append it when the page has none.

    The last one, because an earlier ``</body>`` can only be inside a script or comment.
    Works on bytes so the page's encoding is never touched.
    """
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + tag
    at = matches[-1].start()
    return html[:at] + tag + html[at:]


# ------------------------------------------------------------------ watching


def is_watched(path: Path, site_dir: Path) -> bool:
    """Whether a change at ``path`` can change the built site."""
    try:
        parts = path.relative_to(site_dir).parts
    except ValueError:
        return False
    if not parts:
        return False
    if parts == (CONFIG_FILE,):
        return True
    if parts[0] not in WATCHED_DIRS:
        return False
    for part in parts:
        if part in IGNORED_DIRS or part in IGNORED_NAMES:
            return False
        if part.startswith(IGNORED_PREFIXES) or part.endswith(IGNORED_SUFFIXES):
            return False
    return True


class ChangeHandler(FileSystemEventHandler):
    """Turns watchdog events into calls of ``on_change(path)`` for the paths that matter."""

    def __init__(self, site_dir: Path, on_change: Callable[[Path], None],
                 on_new_dir: Callable[[Path], None]) -> None:
        super().__init__()
        self.site_dir = site_dir
        self.on_change = on_change
        self.on_new_dir = on_new_dir

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in RELEVANT_EVENTS:
            return
        # A folder's own "modified" only echoes a change of a file inside it, which we
        # judge by that file's event (so a new swap file does not count).
        if event.is_directory and event.event_type in ("modified", "attrib", "closed"):
            return
        paths = [Path(os.fsdecode(event.src_path))]
        if getattr(event, "dest_path", ""):
            paths.append(Path(os.fsdecode(event.dest_path)))
        for path in paths:
            if event.is_directory and path.parent == self.site_dir and path.name in WATCHED_DIRS:
                self.on_new_dir(path)
        for path in paths:
            if is_watched(path, self.site_dir):
                self.on_change(path)


class Debouncer:
    """Run ``action`` once after a burst of ``trigger()`` calls has been quiet for ``quiet`` s.

    One worker thread runs the action, so runs never overlap; a trigger that arrives
    while the action runs causes exactly one more run afterwards.  An exception from the
    action goes to ``on_error`` and the worker keeps going.
    """

    def __init__(self, action: Callable[[], None], quiet: float = QUIET_SECONDS,
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        self.action = action
        self.quiet = quiet
        self.on_error = on_error
        self._cond = threading.Condition()
        self._last_trigger: float | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="dossier-debouncer", daemon=True)
        self._thread.start()

    def trigger(self) -> None:
        with self._cond:
            self._last_trigger = time.monotonic()
            self._cond.notify_all()

    def pending(self) -> bool:
        """Whether a trigger arrived that no run has started for yet (the running one is stale)."""
        with self._cond:
            return self._last_trigger is not None

    def close(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._last_trigger is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                while self._last_trigger is not None and not self._closed:
                    remaining = self._last_trigger + self.quiet - time.monotonic()
                    if remaining <= 0:
                        break
                    self._cond.wait(remaining)
                if self._closed:
                    return
                self._last_trigger = None
            try:
                self.action()
            except Exception as exc:  # the watcher must outlive any bug in the action
                if self.on_error is not None:
                    self.on_error(exc)



LIVERELOAD_JS = """\
// Dossier preview: reload after a successful rebuild, show the error of a failed one.
(() => {
  "use strict";
  const pageVersion = Number(new URL(document.currentScript.src).searchParams.get("v"));
  let generation = -1;
  let overlay = null;

  function showError(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "dossier-error-overlay";
      overlay.setAttribute("role", "alert");
      overlay.lang = "en";  // the CLI's language, whatever the site's
      overlay.style.cssText = "position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:80vh;" +
        "overflow:auto;margin:0;padding:1rem 1.25rem;background:#7f1d1d;color:#fff;" +
        "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
        "box-shadow:0 4px 16px rgba(0,0,0,.4)";
      const title = document.createElement("strong");
      title.textContent = "Build failed \u2014 showing the last good version of the site";
      const text = document.createElement("pre");
      text.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap;font:inherit";
      overlay.append(title, text);
      document.body.append(overlay);
    }
    overlay.querySelector("pre").textContent = message;
  }

  function hideError() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  async function poll() {
    for (;;) {
      try {
        const response = await fetch("__STATUS_PATH__?since=" + generation, {cache: "no-store"});
        if (!response.ok) throw new Error("status " + response.status);
        const status = await response.json();
        generation = status.generation;
        if (status.error) {
          showError(status.error);
        } else {
          hideError();
          if (status.version !== pageVersion) {
            location.reload();
            return;
          }
        }
      } catch (error) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  poll();
})();
""".replace("__STATUS_PATH__", STATUS_PATH)
