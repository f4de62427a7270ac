#!/usr/bin/env python3
"""Time the preview server's answer to an article edit, as a user sees it.

    python bench/serve_edit.py SITE_DIR [--edits 3]

Starts ``PreviewServer`` on the dossier in SITE_DIR (a free port on 127.0.0.1), waits for
its first build and for it to be idle, then edits one article ``--edits`` times (an
update paragraph with a unique marker, bench/corpus.py ``edit_article``).  For each edit:

- **page**: seconds from the save to the first HTTP response of the article's page that
  contains the new paragraph (polled every 10 ms, like a browser reloading);
- **search**: seconds from the save to the server's "search index updated" event, i.e.
  the moment the new text is searchable;
- **full**: seconds from the save until the server is idle again (everything rebuilt).

Prints one JSON line with every run and the medians.  The watcher's debounce (0.1 s of
quiet after the last file event, ``livereload.QUIET_SECONDS``) is part of every number: the user waits for it too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
if str(BENCH.parent) not in sys.path:
    sys.path.insert(0, str(BENCH.parent))

from bench import corpus  # noqa: E402

POLL_SECONDS = 0.01
TIMEOUT_SECONDS = 600.0


class Events:
    """The server's event lines with the time each arrived."""

    def __init__(self) -> None:
        self.lines: list[tuple[float, str]] = []
        self.changed = threading.Condition()

    def __call__(self, message: str) -> None:
        with self.changed:
            self.lines.append((time.perf_counter(), message))
            self.changed.notify_all()

    def wait_for(self, words: str, since: float) -> float:
        """Time of the first event containing ``words`` after ``since``."""
        deadline = time.monotonic() + TIMEOUT_SECONDS
        with self.changed:
            while True:
                for at, line in self.lines:
                    if at >= since and words in line:
                        return at
                    if at >= since and line.startswith("error"):
                        raise RuntimeError(f"the server reported: {line}")
                if not self.changed.wait(max(0.0, deadline - time.monotonic())):
                    raise TimeoutError(f"no '{words}' event within {TIMEOUT_SECONDS} s")


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until_idle(server: object) -> None:
    """The server takes its build lock for every rebuild: holding it once means idle."""
    lock = server._build_lock  # noqa: SLF001 - a benchmark may look inside
    with lock:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--article", help="content file name to edit (default: the middle one)")
    args = parser.parse_args(argv)
    from dossier.serve import PreviewServer

    site_dir = args.site.resolve()
    files = sorted((site_dir / "content").glob("*.md"))
    target = site_dir / "content" / args.article if args.article else files[len(files) // 2]
    events = Events()
    started = time.perf_counter()
    server = PreviewServer(site_dir, port=0, on_event=events)
    server.start()
    first_build = time.perf_counter() - started
    wait_until_idle(server)
    data = json.loads((site_dir / "output" / "dossier.json").read_text(encoding="utf-8"))
    slug = target.stem
    page_url = next(a["url"] for a in data["articles"] if a["slug"] == slug)
    url = server.url.rstrip("/") + "/" + page_url.lstrip("./") + ("" if page_url.endswith(".html") else "index.html")
    runs = []
    try:
        for run in range(args.edits):
            revision = 9000 + run
            marker = f"{corpus.EDIT_MARKER}{revision}:"
            time.sleep(1.0)  # let the watcher settle, as between a user's saves
            saved = time.perf_counter()
            corpus.edit_article(target, revision)
            while marker not in fetch(url):
                if time.perf_counter() - saved > TIMEOUT_SECONDS:
                    raise TimeoutError(f"{url} never showed the edit")
                time.sleep(POLL_SECONDS)
            page = time.perf_counter() - saved
            search = events.wait_for("search index updated", saved) - saved
            wait_until_idle(server)
            runs.append({"page_s": round(page, 3), "search_s": round(search, 3),
                         "full_s": round(time.perf_counter() - saved, 3)})
            print(f"edit {run + 1}: page {page:.2f} s, search {search:.2f} s", file=sys.stderr, flush=True)
    finally:
        server.close()
    result = {"first_build_s": round(first_build, 3), "runs": runs}
    for key in ("page_s", "search_s", "full_s"):
        result[f"median_{key}"] = round(statistics.median(r[key] for r in runs), 3) if runs else None
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
