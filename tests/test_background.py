"""Side work in forked children: done beside the build, waited for, never a build error."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from dossier import background as background_module
from dossier.analyze import CACHE_FILE, _load_cache, extract_all, extractor_fingerprint
from dossier.background import Background
from dossier.config import load_config
from dossier.content import load_articles
from dossier.pipeline import TEMPLATE_CACHE, build
from dossier.render import _TEMPLATE_EXTENSIONS, compile_theme

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the CLI runs a build (other tests may leave a server thread behind)."""
    monkeypatch.setattr(background_module.threading, "active_count", lambda: 1)


def test_work_runs_in_a_child_and_wait_returns_when_it_is_done(tmp_path: Path, single_threaded: None) -> None:
    marker = tmp_path / "pid"
    with Background() as background:
        background.run("write", lambda: marker.write_text(str(os.getpid()), encoding="utf-8"))
    assert int(marker.read_text(encoding="utf-8")) != os.getpid()


def test_side_work_yields_the_cores_to_the_build(tmp_path: Path, single_threaded: None) -> None:
    """A child asks for less CPU than the build (a higher niceness), so storing the cache
    never slows the stages the build waits for; it takes what they leave idle."""
    marker = tmp_path / "niceness"
    with Background() as background:
        background.run("nice", lambda: marker.write_text(str(os.nice(0)), encoding="utf-8"))
    assert int(marker.read_text(encoding="utf-8")) == min(19, os.nice(0) + background_module.NICENESS)


def test_a_failing_child_is_not_an_error_and_the_others_still_finish(tmp_path: Path, single_threaded: None) -> None:
    def fail() -> None:
        raise OSError("disk full")

    background = Background()
    background.run("fail", fail)
    background.run("write", lambda: (tmp_path / "done").write_text("yes", encoding="utf-8"))
    background.wait()
    assert (tmp_path / "done").read_text(encoding="utf-8") == "yes"
    background.wait()  # nothing left to wait for


def _in_a_daemon(folder: str) -> None:
    Background().run("write", lambda: Path(folder, "pid").write_text(str(os.getpid()), encoding="utf-8"))


def test_where_the_process_cannot_fork_the_work_is_done_at_once(tmp_path: Path) -> None:
    # A render worker is a daemonic process, which may not have children.
    daemon = multiprocessing.get_context("fork").Process(target=_in_a_daemon, args=(str(tmp_path),), daemon=True)
    daemon.start()
    daemon.join()
    assert daemon.exitcode == 0
    assert int((tmp_path / "pid").read_text(encoding="utf-8")) == daemon.pid


def test_a_process_running_other_threads_does_the_work_itself(tmp_path: Path) -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        marker = tmp_path / "pid"
        Background().run("write", lambda: marker.write_text(str(os.getpid()), encoding="utf-8"))
        assert int(marker.read_text(encoding="utf-8")) == os.getpid()
    finally:
        release.set()
        other.join()


def test_the_extraction_cache_stored_in_the_background_is_the_one_stored_in_place(tmp_path: Path) -> None:
    config = load_config(REPO)
    articles = load_articles(config.content_dir)
    fingerprint = extractor_fingerprint(config.entities)
    in_place = extract_all(articles, config.entities, tmp_path / "a")
    with Background() as background:
        beside = extract_all(articles, config.entities, tmp_path / "b", background=background)
    assert beside == in_place
    stored = [_load_cache(tmp_path / folder / CACHE_FILE, fingerprint) for folder in ("a", "b")]
    assert stored[0] == stored[1] and len(stored[0]) == len(articles)


def test_the_theme_compiled_in_the_background_is_every_template_the_renderer_loads(tmp_path: Path) -> None:
    config = load_config(REPO)
    compile_theme(config, tmp_path)
    templates = [name for name in os.listdir(REPO / "templates")
                 if name.endswith(tuple(f".{ext}" for ext in _TEMPLATE_EXTENSIONS))]
    assert len(list(tmp_path.iterdir())) == len(templates)


def test_a_cold_build_leaves_the_extraction_and_template_caches(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    for article in sorted((REPO / "content").glob("*.md"))[:2]:
        (site / "content" / article.name).write_bytes(article.read_bytes())
    (site / "site.yaml").write_bytes((REPO / "site.yaml").read_bytes())
    build(site, index=False)
    cache = site / ".dossier-cache"
    assert (cache / CACHE_FILE).stat().st_size > 0
    assert any((cache / TEMPLATE_CACHE).iterdir())
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]
