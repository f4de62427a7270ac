"""Publishing is atomic: output/ is replaced only by a complete site, never left half-written."""

from __future__ import annotations

import os
import re
import struct
import sys
import time
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.fs_hints import place_subfolders_apart
from dossier.indexing import refresh_index, run_pagefind
from dossier.publish import (
    TEMP_PREFIX,
    clean_stale,
    discard,
    make_staging_dir,
    safe_relative_path,
    swap_into_place,
    write_files,
)

if sys.platform != "win32":
    import fcntl

PAGE = b'<!doctype html><html lang="id"><body><main data-pagefind-body><h1>Kunjungan</h1></main></body></html>'


def litter(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(TEMP_PREFIX))


def litter_once_removed(parent: Path, seconds: float = 20) -> list[str]:
    """``litter`` once the process removing a replaced site is done (or after ``seconds``)."""
    deadline = time.monotonic() + seconds
    while litter(parent) and time.monotonic() < deadline:
        time.sleep(0.02)
    return litter(parent)


@pytest.mark.parametrize("bad", ["../x.html", "/etc/passwd", "a/../../x", "C:/x", "a\\..\\x", ""])
def test_paths_that_would_escape_the_output_folder_are_refused(bad: str) -> None:
    with pytest.raises(DossierError):
        safe_relative_path(bad)


def test_the_same_output_file_twice_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="same output file"):
        write_files(tmp_path, [("a/index.html", b"1"), ("a/./index.html", b"2")])


def test_swap_replaces_the_old_site_and_leaves_no_temp_folders(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    (output / "old.html").write_text("old")
    staging = make_staging_dir(output)
    report = write_files(staging, [("index.html", PAGE), ("assets/site.css", b"body{}")])
    assert (report.files, report.pages) == (2, 1)
    swap_into_place(staging, output)
    assert sorted(p.name for p in output.iterdir()) == ["assets", "index.html"]
    assert litter_once_removed(tmp_path) == []


def test_the_replaced_site_is_removed_by_a_process_of_its_own_after_the_swap(tmp_path: Path) -> None:
    """The build does not wait while the old site is deleted (thousands of files): a process
    of its own removes it, named in the folder it works on so no build takes it for litter."""
    output = tmp_path / "output"
    output.mkdir()
    for n in range(300):
        (output / f"old-{n}.html").write_text("old")
    staging = make_staging_dir(output)
    write_files(staging, [("index.html", PAGE)])
    swap_into_place(staging, output)
    assert sorted(p.name for p in output.iterdir()) == ["index.html"]  # the new site, at once
    leftover = litter(tmp_path)  # the old site, while its remover works
    assert all(re.match(re.escape(TEMP_PREFIX) + r"\d+-gone-", name) for name in leftover), leftover
    # A build starting meanwhile leaves it to its remover (which removes the folder before
    # it ends, so the folder of a finished remover is gone, never stale).
    assert clean_stale(output) == []
    assert litter_once_removed(tmp_path) == []


def test_the_site_is_staged_in_its_build_folder_which_asks_to_be_placed_apart(tmp_path: Path) -> None:
    """The staging folder sits in the build's own ``.output-<pid>-`` folder, flagged (where
    the filesystem has the flag) so the new site lands away from a site just deleted."""
    output = tmp_path / "output"
    staging = make_staging_dir(output)
    holder = staging.parent
    assert holder.parent == tmp_path and holder.name.startswith(f"{TEMP_PREFIX}{os.getpid()}-")
    if sys.platform == "linux" and place_subfolders_apart(tmp_path / holder.name):  # ext4 and the like
        descriptor = os.open(holder, os.O_RDONLY)
        try:
            flags = struct.unpack("i", fcntl.ioctl(descriptor, 0x80086601, struct.pack("i", 0)))[0]
        finally:
            os.close(descriptor)
        assert flags & 0x00020000
    write_files(staging, [("index.html", PAGE)])
    swap_into_place(staging, output)
    assert (output / "index.html").read_bytes() == PAGE
    assert litter(tmp_path) == []


def test_a_failed_write_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("good site")
    staging = make_staging_dir(output)

    def files():
        yield "index.html", b"new"
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        try:
            write_files(staging, files())
        finally:
            discard(staging)
    assert (output / "index.html").read_text() == "good site"
    assert litter(tmp_path) == []


def test_pagefind_cli_indexes_pages_with_a_body_and_reports_the_count(tmp_path: Path) -> None:
    write_files(tmp_path, [("a/index.html", PAGE), ("b/index.html", PAGE.replace(b"Kunjungan", b"Amunisi")),
                           ("c/index.html", b'<html lang="id"><body>not indexed</body></html>')])
    assert run_pagefind(tmp_path) == 2
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


def _indexed_words(site: Path) -> str:
    import gzip

    return "".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                   for f in (site / "pagefind" / "fragment").iterdir())


def test_only_the_pages_matching_the_glob_are_indexed(tmp_path: Path) -> None:
    other = PAGE.replace(b"Kunjungan", b"Amunisi")
    write_files(tmp_path, [("artikel/a/index.html", PAGE), ("tokoh/b/index.html", other)])
    assert run_pagefind(tmp_path, "artikel/**/*.html") == 1
    assert "Kunjungan" in _indexed_words(tmp_path) and "Amunisi" not in _indexed_words(tmp_path)


def test_the_index_of_a_published_site_is_refreshed_as_a_whole(tmp_path: Path) -> None:
    """The preview server edits pages in place, then swaps a fresh index in: no litter, new words found."""
    site = tmp_path / "output"
    write_files(site, [("artikel/a/index.html", PAGE)])
    assert run_pagefind(site, "artikel/**/*.html") == 1
    (site / "artikel" / "a" / "index.html").write_bytes(PAGE.replace(b"Kunjungan", b"Zamrud"))
    write_files(site, [("artikel/b/index.html", PAGE)])
    assert refresh_index(site, "artikel/**/*.html") == 2
    assert "Zamrud" in _indexed_words(site)
    assert litter(tmp_path) == []
