"""However a build ends (Ctrl-C, a full disk, SIGKILL), output/ is the previous good site.

The site is written into ``.output-<pid>-<random>/`` beside output/ and swapped in whole;
these tests stop builds at the worst moments and look at what a static host would serve.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier import publish
from dossier.cli import main
from dossier.errors import DossierError
from dossier.pipeline import build

REPO = Path(__file__).resolve().parents[1]
VALID = REPO / "tests" / "fixtures" / "sites" / "valid"
DEAD_PID = 2**22 + 12345  # above Linux's largest pid_max: no process has it

# Stop the build while it writes its third file, and say so on stdout.
SLOW_WRITE = """
import sys, time
import dossier.render_workers as render_workers
real = render_workers.write_files
def slow(staging, files):
    def gen():
        for i, f in enumerate(files):
            if i == 3:
                print('midway', flush=True)
                time.sleep(60)
            yield f
    return real(staging, gen())
render_workers.write_files = slow
from dossier.cli import main
sys.exit(main(sys.argv[1:]))
"""


def snapshot(out: Path) -> dict[Path, bytes]:
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def litter(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(publish.TEMP_PREFIX))


def litter_once_removed(parent: Path, seconds: float = 20) -> list[str]:
    """``litter`` once the process removing a replaced site is done (or after ``seconds``)."""
    deadline = time.monotonic() + seconds
    while litter(parent) and time.monotonic() < deadline:
        time.sleep(0.02)
    return litter(parent)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[Path, bytes]]:
    """A site folder with a published site, and one article changed since, so the next build writes."""
    site = tmp_path / "site"
    shutil.copytree(VALID, site)
    build(site, cache=False)
    good = snapshot(site / "output")
    article = site / "content" / "kapal-pertama.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nParagraf baru.\n", encoding="utf-8")
    return site, site / "output", good


def start_slow_build(site: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, "--site", str(site), "build", "--no-cache"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while proc.stdout.readline().strip() != "midway":
        assert time.monotonic() < deadline and proc.poll() is None, proc.stderr and proc.stderr.read()
    return proc


def test_ctrl_c_mid_build_keeps_the_previous_site_and_leaves_no_litter(built) -> None:
    site, out, good = built
    proc = start_slow_build(site)
    assert litter(site) != []  # the half-written site is there, beside output/
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted; output/ was left as it was." in stderr and "Traceback" not in stderr
    assert snapshot(out) == good
    assert litter(site) == []


def test_a_killed_build_leaves_litter_that_the_next_build_removes(built) -> None:
    site, out, good = built
    proc = start_slow_build(site)
    proc.kill()  # SIGKILL: no cleanup at all
    proc.wait()
    assert snapshot(out) == good and len(litter(site)) == 1
    build(site, cache=False)
    assert litter_once_removed(site) == []
    assert b"Paragraf baru." in (out / "artikel" / "kapal-pertama" / "index.html").read_bytes()


def test_a_full_disk_is_a_clear_error_and_changes_nothing(built, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    site, out, good = built
    real_write = publish._write
    calls = []

    def write(path: str, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        real_write(path, data)

    monkeypatch.setattr(publish, "_write", write)
    status = main(["--site", str(site), "build", "--no-cache"])
    err = capsys.readouterr().err
    assert status == 1
    assert "the disk is full" in err and "Traceback" not in err
    assert snapshot(out) == good
    assert litter(site) == []


def test_a_crash_inside_pagefind_changes_nothing(built, monkeypatch: pytest.MonkeyPatch) -> None:
    site, out, good = built

    def broken_index(staging: Path, glob: str, **options: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("dossier.indexing.start_index", broken_index)
    with pytest.raises(OSError):
        build(site, cache=False)
    assert snapshot(out) == good and litter(site) == []


def test_ctrl_c_between_the_two_renames_of_the_fallback_swap_puts_the_old_site_back(
        built, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the OS has no atomic exchange, the swap is two renames; an interrupt between them is undone."""
    site, out, good = built
    monkeypatch.setattr(publish, "exchange", lambda a, b: False)
    real_replace = os.replace
    calls = []

    def replace(src: str | Path, dst: str | Path) -> None:
        calls.append((src, dst))
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(publish.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        build(site, cache=False)
    assert snapshot(out) == good and litter(site) == []


def test_the_swap_is_one_atomic_exchange_on_linux(tmp_path: Path) -> None:
    old, new = tmp_path / "output", tmp_path / ".output-1-new"
    old.mkdir()
    new.mkdir()
    (old / "index.html").write_text("old")
    (new / "index.html").write_text("new")
    if not publish.exchange(new, old):
        pytest.skip("no renameat2(RENAME_EXCHANGE) on this system; the two-rename fallback is tested above")
    assert (old / "index.html").read_text() == "new" and (new / "index.html").read_text() == "old"


def test_stale_folders_of_dead_builds_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    dead = tmp_path / f".output-{DEAD_PID}-abc"
    legacy = tmp_path / ".output-k2j3h4"  # made before folders named their process
    live = tmp_path / f".output-{os.getppid()}-xyz"  # a build running now, in another process
    for folder in (dead, legacy, live):
        folder.mkdir()
        (folder / "index.html").write_text("half a site")
    removed = publish.clean_stale(out)
    assert sorted(removed) == sorted([dead, legacy])
    assert litter(tmp_path) == [live.name]


def test_a_site_caught_between_renames_by_a_crash_is_restored(tmp_path: Path) -> None:
    out = tmp_path / "output"
    aside = tmp_path / f".output-{DEAD_PID}-old-abc"  # the fallback swap moved it aside, then died
    aside.mkdir()
    (aside / "index.html").write_text("previous site")
    publish.clean_stale(out)
    assert (out / "index.html").read_text() == "previous site" and litter(tmp_path) == []


def test_an_output_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(VALID, site)
    (site / "output").write_text("not a folder")
    with pytest.raises(DossierError, match="is not a folder"):
        build(site, cache=False)
    assert (site / "output").read_text() == "not a folder"


@pytest.mark.parametrize("where", ["site", "content", "parent"])
def test_an_output_folder_that_is_not_a_previous_build_is_never_replaced(tmp_path: Path, where: str) -> None:
    """``--output .``, ``--output content`` or ``--output ..`` by mistake must not swap the user's files away."""
    site = tmp_path / "projects" / "site"
    shutil.copytree(VALID, site)
    before = snapshot(site)
    target = {"site": site, "content": site / "content", "parent": site.parent}[where]
    with pytest.raises(DossierError, match="not a Dossier site; refusing to replace it"):
        build(site, target, cache=False)
    assert snapshot(site) == before and litter(target.parent) == []


def test_reading_copies_of_a_dead_build_are_removed_and_a_live_ones_kept(tmp_path: Path, monkeypatch) -> None:
    from dossier import search_index

    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(search_index, "RAM_FOLDER", memory)
    dead = memory / f".output-{DEAD_PID}-index-abc-reading"
    live = memory / f".output-{os.getppid()}-index-xyz-reading"
    for folder in (dead, live):
        (folder / "shard-0").mkdir(parents=True)
    out = tmp_path / "site" / "output"
    out.parent.mkdir()
    assert dead in publish.clean_stale(out)
    assert not dead.exists() and live.exists()
