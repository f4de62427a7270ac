"""The preview server, without a browser: path safety, script injection, which file
changes trigger a rebuild, debouncing, and the HTTP side of live reload.

Most server tests use ``_pages_build``, a small stand-in for ``pipeline.build`` that
publishes one HTML page per content file the same atomic way (temp folder + swap), so
the server is tested alone and fast; ``test_real_pipeline_*`` runs the real build.
"""

from __future__ import annotations

import gzip
import http.client
import json
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from watchdog.events import (
    DirModifiedEvent,
    FileClosedNoWriteEvent,
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileOpenedEvent,
)

from dossier.errors import DossierError
from dossier.livereload import (
    SCRIPT_PATH,
    STATUS_PATH,
    ChangeHandler,
    Debouncer,
    ReloadState,
    inject_script,
    is_watched,
    repoint_base,
    script_tag,
)
from dossier.preview_builds import PipelineBuilder
from dossier.preview_http import PathRefused, resolve_request_path
from dossier.publish import make_staging_dir, swap_into_place, write_files
from dossier.serve import PreviewServer

FIXTURE_SITE = Path(__file__).parent / "fixtures" / "sites" / "valid"


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


# ------------------------------------------------------------------ path safety


@pytest.fixture
def served_root(tmp_path: Path) -> Path:
    root = tmp_path / "output"
    (root / "artikel" / "satu").mkdir(parents=True)
    (root / "index.html").write_text("<html><body>home</body></html>")
    (root / "artikel" / "satu" / "index.html").write_text("<html><body>satu</body></html>")
    (tmp_path / "secret.txt").write_text("not for the web")
    return root


@pytest.mark.parametrize("url", [
    "/../secret.txt",
    "/artikel/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/artikel/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/index.html%00.txt",
    "/%ff%fe.html",
])
def test_requests_climbing_out_of_the_site_are_refused(served_root: Path, url: str) -> None:
    with pytest.raises(PathRefused) as refused:
        resolve_request_path(served_root, url)
    assert refused.value.status == 404


def test_double_encoding_is_decoded_once_and_stays_a_literal_name(served_root: Path) -> None:
    target = resolve_request_path(served_root, "/%252e%252e/secret.txt")
    assert target == served_root.resolve() / "%2e%2e" / "secret.txt"
    assert not target.exists()


def test_ordinary_paths_map_into_the_site(served_root: Path) -> None:
    root = served_root.resolve()
    assert resolve_request_path(served_root, "/") == root
    assert resolve_request_path(served_root, "/artikel/satu/") == root / "artikel" / "satu"
    assert resolve_request_path(served_root, "/artikel/./satu/index.html?x=1") == root / "artikel/satu/index.html"
    assert resolve_request_path(served_root, "/caf%C3%A9.html") == root / "café.html"


def test_symlinks_may_not_point_outside_the_site(served_root: Path) -> None:
    (served_root / "escape").symlink_to(served_root.parent / "secret.txt")
    (served_root / "inside").symlink_to(served_root / "artikel")
    with pytest.raises(PathRefused) as refused:
        resolve_request_path(served_root, "/escape")
    assert refused.value.status == 403
    assert resolve_request_path(served_root, "/inside/satu") == served_root.resolve() / "artikel" / "satu"


# ------------------------------------------------------------------ injection


def test_script_goes_before_the_last_closing_body_tag() -> None:
    page = b"<html><body><script>var s = '</body>';</script><p>x</p></BODY >\n</html>"
    injected = inject_script(page, b"<script src=x></script>")
    assert injected == (b"<html><body><script>var s = '</body>';</script><p>x</p>"
                        b"<script src=x></script></BODY >\n</html>")


def test_page_without_body_tag_gets_the_script_appended_and_bytes_are_untouched() -> None:
    page = "<p>Kim Jong Un — Пути́н</p>".encode() + b"\xff"
    assert inject_script(page, b"<script></script>") == page + b"<script></script>"


def test_a_base_on_the_production_host_is_pointed_at_the_preview_root() -> None:
    page = b'<head><base href="https://example.org/dossier/"><link href="assets/a.css"></head>'
    assert repoint_base(page) == b'<head><base href="/"><link href="assets/a.css"></head>'
    relative = b"<head><base href='../'></head>"
    assert repoint_base(relative) == relative


def test_script_tag_names_the_version_the_page_was_served_at() -> None:
    assert script_tag(7) == f'<script src="{SCRIPT_PATH}?v=7" defer></script>'.encode()


# ------------------------------------------------------------------ what triggers a rebuild


@pytest.mark.parametrize(("relative", "watched"), [
    ("site.yaml", True),
    ("content/kunjungan.md", True),
    ("content/sub/folder/a.md", True),
    ("templates/base.html", True),
    ("templates/assets/style.css", True),
    ("output/index.html", False),
    (".output-abc123/index.html", False),
    (".output-old-x/artikel/index.html", False),
    (".dossier-cache/extract/ab.json", False),
    ("content/.kunjungan.md.swp", False),
    ("content/.kunjungan.md.swx", False),
    ("content/kunjungan.md~", False),
    ("content/.#kunjungan.md", False),
    ("content/4913", False),
    ("README.md", False),
    ("site.yaml~", False),
    ("build.py", False),
])
def test_only_sources_trigger_a_rebuild(tmp_path: Path, relative: str, watched: bool) -> None:
    assert is_watched(tmp_path / relative, tmp_path) is watched


def test_paths_outside_the_site_never_trigger(tmp_path: Path) -> None:
    assert not is_watched(tmp_path.parent / "content" / "a.md", tmp_path)


def test_reads_and_folder_echoes_are_ignored_but_saves_and_renames_count(tmp_path: Path) -> None:
    changes: list[str] = []
    handler = ChangeHandler(tmp_path, lambda path: changes.append(path.name), lambda path: None)
    article = str(tmp_path / "content" / "a.md")
    swap = str(tmp_path / "content" / ".a.md.swp")

    for quiet_event in (FileOpenedEvent(article), FileClosedNoWriteEvent(article),
                        DirModifiedEvent(str(tmp_path / "content")), FileModifiedEvent(swap),
                        FileCreatedEvent(str(tmp_path / "output" / "index.html"))):
        handler.dispatch(quiet_event)
    assert changes == []

    handler.dispatch(FileModifiedEvent(article))
    handler.dispatch(FileMovedEvent(swap, article))  # editors save by renaming a temp file
    handler.dispatch(FileMovedEvent(article, str(tmp_path / "content" / "a.md~")))  # backup: source left
    assert changes == ["a.md"] * 3


# ------------------------------------------------------------------ debouncing


def test_a_burst_of_saves_becomes_one_run() -> None:
    runs: list[float] = []
    debouncer = Debouncer(lambda: runs.append(time.monotonic()), quiet=0.3)
    try:
        started = time.monotonic()
        for _ in range(10):
            last = time.monotonic()
            debouncer.trigger()
            time.sleep(0.02)
        assert wait_until(lambda: len(runs) == 1)
        time.sleep(0.5)
        assert len(runs) == 1
        assert runs[0] - last >= 0.29  # waited for the quiet period after the last save
        assert runs[0] - started < 2.0
    finally:
        debouncer.close()


def test_separate_bursts_run_separately() -> None:
    runs: list[int] = []
    debouncer = Debouncer(lambda: runs.append(1), quiet=0.2)
    try:
        debouncer.trigger()
        assert wait_until(lambda: len(runs) == 1)
        debouncer.trigger()
        debouncer.trigger()
        assert wait_until(lambda: len(runs) == 2)
        time.sleep(0.2)
        assert len(runs) == 2
    finally:
        debouncer.close()


def test_a_save_during_a_run_causes_exactly_one_more_run_and_runs_never_overlap() -> None:
    running = threading.Event()
    release = threading.Event()
    active = 0
    overlaps: list[int] = []
    runs: list[int] = []

    def action() -> None:
        nonlocal active
        active += 1
        overlaps.append(active)
        running.set()
        release.wait(2)
        runs.append(1)
        active -= 1

    debouncer = Debouncer(action, quiet=0.05)
    try:
        debouncer.trigger()
        assert running.wait(2)
        for _ in range(5):
            debouncer.trigger()
        release.set()
        assert wait_until(lambda: len(runs) == 2)
        time.sleep(0.2)
        assert len(runs) == 2
        assert max(overlaps) == 1
    finally:
        debouncer.close()


def test_a_crashing_action_is_reported_and_the_debouncer_keeps_working() -> None:
    errors: list[BaseException] = []
    calls: list[int] = []

    def action() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("boom")

    debouncer = Debouncer(action, quiet=0.02, on_error=errors.append)
    try:
        debouncer.trigger()
        assert wait_until(lambda: len(errors) == 1)
        debouncer.trigger()
        assert wait_until(lambda: len(calls) == 2)
        assert [str(e) for e in errors] == ["boom"]
    finally:
        debouncer.close()


# ------------------------------------------------------------------ reload state


def test_version_counts_good_builds_and_error_clears_on_success() -> None:
    state = ReloadState()
    assert state.snapshot() == {"version": 0, "error": None, "generation": 0}
    state.succeeded()
    state.failed("content/a.md:3: front matter: missing 'title'")
    assert state.snapshot() == {"version": 1, "error": "content/a.md:3: front matter: missing 'title'",
                                "generation": 2}
    state.succeeded()
    assert state.snapshot() == {"version": 2, "error": None, "generation": 3}


def test_long_poll_waits_for_the_next_outcome_or_times_out() -> None:
    state = ReloadState()
    started = time.monotonic()
    assert state.wait_for_change(since=0, timeout=0.1)["generation"] == 0
    assert time.monotonic() - started >= 0.09
    assert state.wait_for_change(since=-1, timeout=5)["generation"] == 0  # unknown: answer at once

    threading.Timer(0.1, state.succeeded).start()
    started = time.monotonic()
    status = state.wait_for_change(since=0, timeout=5)
    assert status["version"] == 1
    assert time.monotonic() - started < 2


# ------------------------------------------------------------------ the HTTP server


def _pages_build(site_dir: Path) -> None:
    """Stand-in for pipeline.build: one page per article, published by atomic swap.

    A file whose first line is not ``---`` is a front-matter error at line 1, as the
    real loader reports it.
    """
    files = [("index.html", b"<!doctype html><html><body><h1>Beranda</h1></body></html>")]
    for source in sorted((site_dir / "content").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            raise DossierError.at("front matter must start with '---'", source, 1)
        files.append((f"artikel/{source.stem}/index.html",
                      f"<!doctype html><html><body><p>{text[4:]}</p></body></html>".encode()))
    output = site_dir / "output"
    staging = make_staging_dir(output)
    write_files(staging, files)
    swap_into_place(staging, output)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "templates").mkdir()
    (site / "site.yaml").write_text("title: uji\n")
    (site / "content" / "kunjungan.md").write_text("---\nKim tiba di Vladivostok\n")
    (tmp_path / "secret.txt").write_text("not for the web")
    return site


@pytest.fixture
def preview(site: Path) -> Iterator[tuple[PreviewServer, list[str]]]:
    events: list[str] = []
    server = PreviewServer(site, port=0, on_event=events.append, build=_pages_build, quiet=0.3)
    with server:
        yield server, events


def get(server: PreviewServer, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Send ``path`` exactly as given (no client-side normalisation of ``..``)."""
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def status(server: PreviewServer) -> dict[str, object]:
    return json.loads(get(server, STATUS_PATH)[2])


def test_pages_are_served_with_the_reload_script_of_the_current_version(preview) -> None:
    server, events = preview
    code, headers, body = get(server, "/")
    assert code == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    assert body.endswith(b"<h1>Beranda</h1>" + script_tag(1) + b"</body></html>")
    assert int(headers["Content-Length"]) == len(body)
    assert events[0].startswith("built in ")

    code, headers, body = get(server, "/", method="HEAD")
    assert (code, body) == (200, b"")
    code, _, script = get(server, SCRIPT_PATH)
    assert code == 200 and b"location.reload()" in script and STATUS_PATH.encode() in script


def test_folders_redirect_to_their_slash_and_serve_index(preview) -> None:
    server, _ = preview
    code, headers, _ = get(server, "/artikel/kunjungan?x=1")
    assert (code, headers["Location"]) == (301, "/artikel/kunjungan/?x=1")
    code, _, body = get(server, "/artikel/kunjungan/")
    assert code == 200 and b"Kim tiba di Vladivostok" in body


def test_missing_pages_get_a_404_that_still_live_reloads(preview) -> None:
    server, _ = preview
    code, _, body = get(server, "/artikel/belum-ada/")
    assert code == 404
    assert script_tag(1) in body


def test_the_sites_own_404_page_is_served_pointed_at_the_preview(preview, site: Path) -> None:
    server, _ = preview
    (site / "output" / "404.html").write_text(
        '<html><head><base href="https://example.org/dossier/"></head><body>Tidak ada</body></html>')
    code, _, body = get(server, "/a/b/c/")
    assert code == 404
    assert body == b'<html><head><base href="/"></head><body>Tidak ada' + script_tag(1) + b"</body></html>"


@pytest.mark.parametrize(("path", "expected"), [
    ("/%ff.html", 404),
    ("/" + "x" * 5000, 404),
    ("/../secret.txt", 404),
    ("/%2e%2e/secret.txt", 404),
    ("/artikel/%2e%2e/%2e%2e/secret.txt", 404),
    ("/escape.txt", 403),
])
def test_nothing_outside_output_is_served(preview, site: Path, path: str, expected: int) -> None:
    server, _ = preview
    (site / "output" / "escape.txt").symlink_to(site.parent / "secret.txt")
    code, _, body = get(server, path)
    assert code == expected
    assert b"not for the web" not in body


def test_saving_an_article_rebuilds_once_and_bumps_the_version(preview, site: Path) -> None:
    server, events = preview
    since = status(server)["generation"]
    article = site / "content" / "kunjungan.md"
    for word in ("Kim", "Kim tiba", "Kim tiba di Rusia"):  # three quick saves
        article.write_text(f"---\n{word}\n")
        time.sleep(0.01)
    answer = json.loads(get(server, f"{STATUS_PATH}?since={since}")[2])  # long poll
    assert answer["version"] == 2 and answer["error"] is None
    time.sleep(0.8)
    assert status(server)["version"] == 2, "one burst of saves must cause one rebuild"
    assert b"Kim tiba di Rusia" in get(server, "/artikel/kunjungan/")[2]
    assert [e.split(" in ")[0] for e in events] == ["built", "rebuilt"]


@pytest.mark.parametrize("changed", ["site.yaml", "templates/base.html", "content/baru.md"])
def test_site_yaml_templates_and_new_articles_each_rebuild(preview, site: Path, changed: str) -> None:
    server, _ = preview
    (site / changed).write_text("---\nbaru\n")
    assert wait_until(lambda: status(server)["version"] == 2)


def test_editor_temp_files_and_output_churn_do_not_rebuild(preview, site: Path) -> None:
    server, _ = preview
    (site / "content" / ".kunjungan.md.swp").write_text("swap")
    (site / "content" / "4913").write_text("")
    (site / "content" / "kunjungan.md~").write_text("backup")
    (site / "output" / "extra.html").write_text("x")
    (site / ".dossier-cache").mkdir()
    (site / ".dossier-cache" / "x.json").write_text("{}")
    time.sleep(0.6)
    assert status(server)["version"] == 1


def test_a_failed_rebuild_keeps_the_last_good_site_and_reports_the_located_error(preview, site: Path) -> None:
    server, events = preview
    article = site / "content" / "kunjungan.md"
    article.write_text("Kim tiba tanpa front matter\n")
    assert wait_until(lambda: status(server)["error"] is not None)
    assert status(server) == {"version": 1, "generation": 2,
                              "error": "content/kunjungan.md:1: front matter must start with '---'"}
    assert events[-1] == "error: content/kunjungan.md:1: front matter must start with '---'"
    code, _, body = get(server, "/artikel/kunjungan/")
    assert code == 200 and b"Kim tiba di Vladivostok" in body

    article.write_text("---\nKim kembali\n")
    assert wait_until(lambda: status(server)["version"] == 2)
    assert status(server)["error"] is None
    assert events[-1].startswith("rebuilt in ")


def test_a_crash_inside_a_rebuild_never_stops_the_server(site: Path) -> None:
    events: list[str] = []
    crash = {"on": False}

    def flaky_build(site_dir: Path) -> None:
        if crash["on"]:
            raise KeyError("a bug in a stage")
        _pages_build(site_dir)

    with PreviewServer(site, port=0, on_event=events.append, build=flaky_build, quiet=0.05) as server:
        crash["on"] = True
        (site / "content" / "kunjungan.md").write_text("---\nlagi\n")
        assert wait_until(lambda: status(server)["error"] is not None)
        assert "internal error while building: KeyError" in str(status(server)["error"])
        assert get(server, "/")[0] == 200
        crash["on"] = False
        (site / "content" / "kunjungan.md").write_text("---\nlagi lagi\n")
        assert wait_until(lambda: status(server)["version"] == 2)


def test_a_failing_first_build_still_serves_the_overlay(site: Path) -> None:
    (site / "content" / "kunjungan.md").write_text("rusak\n")
    events: list[str] = []
    with PreviewServer(site, port=0, on_event=events.append, build=_pages_build, quiet=0.05) as server:
        code, _, body = get(server, "/")
        assert code == 503 and script_tag(0) in body
        assert status(server)["error"] == "content/kunjungan.md:1: front matter must start with '---'"
        (site / "content" / "kunjungan.md").write_text("---\nbaik\n")
        assert wait_until(lambda: status(server)["version"] == 1)
        assert get(server, "/")[0] == 200


def test_a_folder_created_after_start_is_watched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.yaml").write_text("title: uji\n")
    with PreviewServer(site, port=0, on_event=lambda line: None, build=_pages_build, quiet=0.05) as server:
        assert status(server)["version"] == 1
        (site / "content").mkdir()
        assert wait_until(lambda: status(server)["version"] == 2)
        (site / "content" / "baru.md").write_text("---\nbaru\n")
        assert wait_until(lambda: get(server, "/artikel/baru/")[0] == 200)


def test_a_folder_without_site_yaml_is_refused_before_serving(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="no site.yaml here"):
        PreviewServer(tmp_path, port=0, on_event=lambda line: None, build=_pages_build)


def test_the_port_in_use_is_a_dossier_error(preview, site: Path) -> None:
    server, _ = preview
    port = server.httpd.server_address[1]
    with pytest.raises(DossierError, match=f"cannot listen on 127.0.0.1:{port}"):
        PreviewServer(site, port=port, on_event=lambda line: None, build=_pages_build)


# ------------------------------------------------------------------ with the real pipeline


def test_real_pipeline_rebuilds_and_reports_front_matter_errors_with_their_line(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    article = sorted((site / "content").glob("*.md"))[0]
    good = article.read_text(encoding="utf-8")
    events: list[str] = []
    with PreviewServer(site, port=0, on_event=events.append) as server:
        assert status(server) == {"version": 1, "error": None, "generation": 1}, events
        code, _, body = get(server, "/")
        assert code == 200 and script_tag(1) in body and b'lang="id"' in body

        article.write_text(good.replace("---\n", "---\ntitle: [tidak ditutup\n", 1), encoding="utf-8")
        assert wait_until(lambda: status(server)["error"] is not None, timeout=15)
        error = str(status(server)["error"])
        assert error.startswith(f"content/{article.name}:"), error
        assert get(server, "/")[0] == 200

        article.write_text(good, encoding="utf-8")
        assert wait_until(lambda: status(server)["version"] == 2, timeout=15), events
        assert status(server)["error"] is None


def _indexed_text(output: Path) -> str:
    """Everything Pagefind indexed, from its gzipped fragment files."""
    return "".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                   for f in (output / "pagefind" / "fragment").iterdir())


def test_real_pipeline_shows_an_edit_first_and_then_updates_the_search_index(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    article = sorted((site / "content").glob("*.md"))[0]
    text = article.read_text(encoding="utf-8")
    events: list[str] = []
    with PreviewServer(site, port=0, on_event=events.append) as server:
        article.write_text(text.rstrip("\n") + "\n\nKalimat baru tentang zamrud khatulistiwa.\n", encoding="utf-8")
        assert wait_until(lambda: any(e.startswith("search index updated") for e in events), timeout=20), events
        assert [e.split(" in ")[0] for e in events] == ["built", "rebuilt", "search index updated"]
        # The pages reload once, when the edited article's page is written (searchable right after).
        time.sleep(0.5)
        assert status(server)["version"] == 2, events
        slug = article.stem
        assert "zamrud khatulistiwa" in get(server, f"/artikel/{slug}/")[2].decode()
        assert "zamrud khatulistiwa" in _indexed_text(site / "output")

        # A site.yaml edit changes every page: one full rebuild, no quick step.
        (site / "site.yaml").write_text((site / "site.yaml").read_text(encoding="utf-8") + "\n# diubah\n",
                                        encoding="utf-8")
        assert wait_until(lambda: status(server)["version"] == 3, timeout=20), events
        time.sleep(0.5)
        assert [e.split(" in ")[0] for e in events][3:] == ["rebuilt"]


def test_an_edit_goes_straight_to_the_full_build_once_re_rendering_its_pages_does_not_pay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first edit re-renders the pages it changed before the full build, and times it;
    when that took about as long as a full build (a large dossier: 6.5 s against 7.6 s at
    1,000 articles), later edits are shown at once and then go straight to the full build,
    which rewrites every page, the lists included."""
    from dossier import incremental

    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    article = sorted((site / "content").glob("*.md"))[0]
    refreshed: list[Path] = []
    real_refresh = incremental.refresh
    monkeypatch.setattr(incremental, "refresh", lambda *args, **kwargs: refreshed.append(args[0])
                        or real_refresh(*args, **kwargs))
    events: list[str] = []
    with PreviewServer(site, port=0, on_event=events.append) as server:
        builder = server._builder
        assert isinstance(builder, PipelineBuilder) and builder.full_seconds is not None
        assert builder.refresh_pays() and builder.refresh_seconds is None

        def edit(title: str) -> None:
            text = article.read_text(encoding="utf-8")
            article.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1), encoding="utf-8")

        edit("Judul Pertama yang Diubah")
        assert wait_until(lambda: builder.refresh_seconds is not None, timeout=30)
        assert len(refreshed) == 1
        assert wait_until(lambda: "Judul Pertama yang Diubah" in get(server, "/artikel/")[2].decode(), timeout=30)
        builder.refresh_seconds = 1e9  # far slower than any full build: no longer worth it
        assert not builder.refresh_pays()
        edit("Judul Kedua yang Diubah")
        assert wait_until(lambda: "Judul Kedua yang Diubah" in get(server, "/artikel/")[2].decode(), timeout=30)
        assert len(refreshed) == 1, events
        assert "Judul Kedua yang Diubah" in get(server, f"/artikel/{article.stem}/")[2].decode()
