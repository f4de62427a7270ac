"""How the preview server rebuilds: full builds only (``PlainBuilder``), or the real
pipeline in steps (``PipelineBuilder``) so a saved article shows up at once."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .livereload import OUTPUT_DIR

# The pages an edit changed are re-rendered before the full build only while that takes
# less than this share of a full build's time: otherwise the full build, which follows at
# once, writes them sooner (at 1,000 articles the two took 6.5 s and 7.6 s).
REFRESH_SHARE = 0.5


class PlainBuilder:
    """Full builds only, with any ``build(site_dir)`` callable (tests use a small one)."""

    def __init__(self, build: Callable[[Path], object]) -> None:
        self.build = build

    def quick(self, site_dir: Path, shown: Callable[[], None], files: frozenset[Path],
              indexed: Callable[[], None]) -> bool:
        return False

    def full(self, site_dir: Path, cancelled: Callable[[], bool]) -> None:
        self.build(site_dir)


class PipelineBuilder:
    """The real pipeline in steps, so a saved article shows up as fast as possible.

    ``quick`` writes the edited article's page alone (``edited_page``) and ``shown()``
    reloads the open pages; the search index is refreshed at once (``refresh_search``: only
    the shards holding a changed page are re-indexed, each swapped in whole); then every page the edit
    changed is re-rendered (``incremental.refresh``), without a second reload.
    ``full`` finally rebuilds everything (what an edit changes only indirectly: related
    articles, passages and quotes shared with other articles) and is dropped before
    publishing when the user has saved again meanwhile.  Any failure of the quick step (a
    broken file, a changed site.yaml) falls through to the full build, which reports the
    error the same way ``python build.py`` would.

    Re-rendering the changed pages repeats the stages before rendering, so on a large
    dossier it takes nearly as long as the full build after it: once it has been measured
    at more than ``REFRESH_SHARE`` of a full build, an edit that was shown at once goes
    straight to the full build (every page rewritten sooner, not twice).
    """

    def __init__(self) -> None:
        self._last: Any = None  # BuildReport of what output/ holds; None until a full build
        self._pages_ahead_of_index = False
        self._unlinked: Any = None  # edited_page.UnlinkedExtractions of the last full build
        self.full_seconds: float | None = None  # how long the last full build took
        self.refresh_seconds: float | None = None  # and the last re-rendering of the changed pages

    def refresh_pays(self) -> bool:
        """Is re-rendering the changed pages before the full build worth it (see the class)?"""
        if self.refresh_seconds is None or not self.full_seconds:
            return True
        return self.refresh_seconds < REFRESH_SHARE * self.full_seconds

    def quick(self, site_dir: Path, shown: Callable[[], None], files: frozenset[Path],
              indexed: Callable[[], None]) -> bool:
        """Show the edited article ``files`` at once if possible, index them, then write every
        page the edit changed.  ``shown()`` after pages were written, ``indexed()`` once the
        search index holds the edit.  False if the quick way failed (the full build reports it)."""
        from .edited_page import show_edited
        from .incremental import refresh

        if self._last is None:
            return False
        first_shown = False
        if files and self._unlinked is not None:
            try:
                first_shown = bool(show_edited(site_dir / OUTPUT_DIR, self._last, files, self._unlinked))
            except Exception:  # a broken file: the quick rebuild below (or the full build) reports it
                first_shown = False
        if first_shown:
            shown()
            # Only article pages are indexed, and the edited ones are final but for their
            # marks: search can be brought up to date now, before the pages around them.
            self._pages_ahead_of_index = True
            if self.refresh_search(site_dir):
                indexed()
            if not self.refresh_pays():
                return True  # the full build follows at once
        started = time.perf_counter()
        try:
            self._last = refresh(site_dir, site_dir / OUTPUT_DIR, self._last,
                                 shown=None if first_shown else shown).report
        except Exception:  # only a shortcut: the full build finds and reports what went wrong
            return False
        self.refresh_seconds = time.perf_counter() - started
        if not first_shown:
            self._pages_ahead_of_index = True
        if self._pages_ahead_of_index and self.refresh_search(site_dir):
            indexed()
        return True

    def refresh_search(self, site_dir: Path) -> bool:
        """Index the pages the quick step wrote; False if that failed (the full build will)."""
        from .indexing import refresh_index

        if self._last is None or self._last.config is None:
            return False
        try:
            refresh_index(site_dir / OUTPUT_DIR, f"{self._last.config.paths.articles}/**/*.html")
        except Exception:
            return False
        self._pages_ahead_of_index = False
        return True

    def full(self, site_dir: Path, cancelled: Callable[[], bool]) -> None:
        from .pipeline import build

        # After a quick step whose index refresh failed, output/ already shows the new pages,
        # so a plain build would find "nothing changed" and keep the old search index: force it.
        started = time.perf_counter()
        self._last = build(site_dir, force=self._pages_ahead_of_index, skip_unchanged=False, cancelled=cancelled)
        self.full_seconds = time.perf_counter() - started
        self._pages_ahead_of_index = False
        self._unlinked = None
        if self._last.config is not None and self._last.site is not None:
            from .edited_page import UnlinkedExtractions

            try:  # read now, while the server is idle, so the next edit shows at once
                self._unlinked = UnlinkedExtractions.load(self._last.config, self._last.site)
            except Exception:
                self._unlinked = None
