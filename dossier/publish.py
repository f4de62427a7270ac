"""Write the site into a temp folder beside output/, index it, then swap it in.

A reader of output/ (a static host syncing it, the preview server) must never see a
half-written site, and a failed or interrupted build must leave the previous site intact
with no litter: so everything happens in ``.output-<random>/`` next to output/, and only
a complete, indexed site is renamed into place.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import DossierError

TEMP_PREFIX = ".output-"


@dataclass(frozen=True)
class WriteReport:
    files: int
    pages: int  # .html files written (the Pagefind bundle excluded)


def safe_relative_path(path: str) -> str:
    """Reject output paths that could escape the output folder."""
    normalized = posixpath.normpath(path)
    if (not path or path.startswith(("/", "\\")) or normalized.startswith("..") or ":" in path
            or "\\" in path or "\x00" in path):
        raise DossierError(f"refusing to write outside the output folder: {path!r}")
    return normalized


def make_staging_dir(output_dir: Path) -> Path:
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=output_dir.parent))


def write_files(staging: Path, files: Iterable[tuple[str, bytes]]) -> WriteReport:
    """Write (path, bytes) pairs under ``staging``; a path written twice is a bug we report."""
    written: set[str] = set()
    pages = 0
    for rel, data in files:
        rel = safe_relative_path(rel)
        if rel in written:
            raise DossierError(f"two pages want the same output file {rel!r}; check slugs and paths in site.yaml")
        written.add(rel)
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        pages += rel.endswith(".html")
    return WriteReport(files=len(written), pages=pages)


def unchanged_site(output_dir: Path, files: list[tuple[str, bytes]]) -> bool:
    """True when output_dir already holds exactly these files (and a search index for them).

    Then the build rewrites nothing and skips re-indexing: a static host syncing output/
    sees no change, and a no-change rebuild costs a read instead of a write plus Pagefind.
    """
    if not (output_dir / "pagefind" / "pagefind-entry.json").is_file():
        return False
    wanted = {posixpath.normpath(rel): data for rel, data in files}
    present = {p.relative_to(output_dir).as_posix() for p in output_dir.rglob("*")
               if p.is_file() and p.relative_to(output_dir).parts[0] != "pagefind"}
    if present != set(wanted):
        return False
    return all((output_dir / rel).read_bytes() == data for rel, data in wanted.items())


def indexed_pages(site: Path) -> int:
    """Pages in the Pagefind index of ``site`` (read from the bundle's entry file)."""
    entry = site / "pagefind" / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
    except (OSError, ValueError, KeyError) as exc:
        raise DossierError(f"Pagefind wrote no usable index ({entry}): {exc}") from None
    return sum(int(lang.get("page_count", 0)) for lang in languages.values())


def run_pagefind(site: Path) -> int:
    """Index ``site`` with the Pagefind CLI; return the number of pages it indexed.

    We use the CLI, not the Python API, whose per-page calls wait ~100 ms each
    (upstream issue #976).
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DossierError(f"could not run Pagefind ({' '.join(command)}): {exc}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise DossierError(f"Pagefind failed (exit {result.returncode}): {detail}")
    return indexed_pages(site)


def swap_into_place(staging: Path, output_dir: Path) -> None:
    """Replace output_dir by staging with two renames; the old site is removed afterwards."""
    old: Path | None = None
    if output_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + "old-", dir=output_dir.parent))
        old.rmdir()
        os.replace(output_dir, old)
    try:
        os.replace(staging, output_dir)
    except OSError:
        if old is not None:
            os.replace(old, output_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
