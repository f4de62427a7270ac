"""Write the site into a temp folder beside output/, then swap it in (the index: ``indexing``).

A reader of output/ (a static host syncing it, the preview server) must never see a
half-written site, and a failed or interrupted build must leave the previous site intact
with no litter: so everything happens in ``.output-<pid>-<random>/`` next to output/, and
only a complete, indexed site is swapped into place.

The swap is one atomic ``renameat2(RENAME_EXCHANGE)`` where Linux offers it, so there is
no instant without an output/ even if the process is killed; elsewhere two renames, undone
if interrupted between them.  A build killed outright (SIGKILL, power loss) leaves its
``.output-<pid>-*`` folder behind; the next build removes folders whose process is gone,
and puts back a previous site that was caught between the two renames.  The site a build
replaces is removed after the swap by a process of its own, which the build does not wait for.
"""

from __future__ import annotations

import ctypes
import errno
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import search_index
from .errors import DossierError
from .fs_hints import place_subfolders_apart

TEMP_PREFIX = ".output-"
SITE_MARKER = "dossier.json"  # written by every build (open data); marks a folder as a Dossier site
_WEB_FILES = frozenset((".html", ".htm", ".xml", ".txt", ".json", ".css", ".js", ".svg", ".ico", ".png", ".jpg",
                        ".webp", ".webmanifest", ".wasm"))
_OWNER = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)-(old-)?")
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@dataclass(frozen=True)
class WriteReport:
    names: frozenset[str]  # every file written, relative to the staging folder
    pages: int  # .html files written (the Pagefind bundle excluded)

    @property
    def files(self) -> int:
        return len(self.names)


def safe_relative_path(path: str) -> str:
    """Reject output paths that could escape the output folder."""
    normalized = posixpath.normpath(path)
    if (not path or path.startswith(("/", "\\")) or normalized.startswith("..") or ":" in path
            or "\\" in path or "\x00" in path):
        raise DossierError(f"refusing to write outside the output folder: {path!r}")
    return normalized


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: someone else's process, alive
        return True
    return True


def clean_stale(output_dir: Path) -> list[Path]:
    """Remove ``.output-*`` folders left beside output_dir by builds that no longer run.

    A folder names the process that made it; one whose process is alive belongs to a build
    running now (the preview server and a manual build may overlap) and is left alone.  If
    output_dir is missing and a dead build's ``old-`` folder exists, that folder is the
    previous site, caught between the two renames of a non-atomic swap: it is put back.
    A dead build's reading copies for Pagefind (in ``/dev/shm``) go too.  Returns the
    folders removed.
    """
    parent = output_dir.parent
    if not parent.is_dir():
        return []
    removed = []
    for entry in sorted(parent.glob(TEMP_PREFIX + "*")):
        owner = _OWNER.match(entry.name)
        if owner and _alive(int(owner[1])):
            continue
        if owner and owner[2] and not output_dir.exists() and entry.is_dir():
            os.replace(entry, output_dir)
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    # A dead build's reading copies for Pagefind, kept in memory (search_index.reading_folder).
    for entry in sorted(search_index.RAM_FOLDER.glob(f"{TEMP_PREFIX}*-reading")):
        owner = _OWNER.match(entry.name)
        if owner and not _alive(int(owner[1])) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def looks_like_a_site(output_dir: Path) -> bool:
    """May a build replace output_dir?  If it is missing, empty, a previous build, or holds
    only what a static site holds (web files and folders).

    Publishing *replaces* the folder, so ``--output .`` or ``--output content`` by mistake
    would delete the user's own files: a site.yaml, Markdown, a hidden ``.git`` or any other
    kind of file means this is not a site, and it is left alone.
    """
    if not output_dir.is_dir() or (output_dir / SITE_MARKER).is_file():
        return True
    return all(not entry.name.startswith(".") and (_plain_folder(entry) if entry.is_dir()
                                                   else entry.suffix.lower() in _WEB_FILES)
               for entry in output_dir.iterdir())


def _plain_folder(folder: Path) -> bool:
    """Not a project (``--output ..`` would otherwise take the site folder with it)."""
    return not any((folder / name).exists() for name in ("site.yaml", ".git", "pyproject.toml"))


def make_staging_dir(output_dir: Path) -> Path:
    """A fresh ``.output-<pid>-<random>/`` beside output_dir, after clearing dead builds' ones."""
    if output_dir.exists() and not output_dir.is_dir():
        raise DossierError(f"{output_dir} exists and is not a folder; move it away or choose another --output")
    if not looks_like_a_site(output_dir):
        raise DossierError(f"{output_dir} holds files that are not a built site (and no {SITE_MARKER}), so it is "
                           "not a Dossier site; refusing to replace it (choose an empty or new folder for --output)")
    try:
        output_dir.parent.mkdir(parents=True, exist_ok=True)
        clean_stale(output_dir)
        # The site is made in a folder of random name inside this build's own folder, which
        # asks the filesystem to place it apart from the site deleted before (fs_hints).
        holder = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=output_dir.parent))
        place_subfolders_apart(holder)
        staging = Path(tempfile.mkdtemp(prefix="site-", dir=holder))
        # mkdtemp makes the folder private (0700); once swapped in it is output/, which a web
        # server running as another user must be able to read, as any folder the user makes.
        staging.chmod(0o777 & ~_umask())
        return staging
    except OSError as exc:
        raise DossierError(f"cannot create a build folder beside {output_dir}: {exc.strerror or exc}") from None


def _umask() -> int:
    """The process's umask (reading it means setting it; it is put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def write_files(staging: Path, files: Iterable[tuple[str, bytes]]) -> WriteReport:
    """Write (path, bytes) pairs under ``staging``; a path written twice is a bug we report.

    A full disk or a read-only folder is a user-facing problem (DossierError naming the
    file and the reason), not a traceback; the caller discards the staging folder.  Each
    folder is made once and each file is one open, write and close (a build writes
    thousands of pages, most in a folder of their own).
    """
    written: set[str] = set()
    folders: set[str] = {""}
    root = os.fspath(staging)
    pages = 0
    for rel, data in files:
        rel = safe_relative_path(rel)
        if rel in written:
            raise DossierError(f"two pages want the same output file {rel!r}; check slugs and paths in site.yaml")
        written.add(rel)
        target = os.path.join(root, rel)
        try:
            folder = posixpath.dirname(rel)
            if folder not in folders:
                os.makedirs(os.path.join(root, folder), exist_ok=True)
                folders.add(folder)
            _write(target, data)
        except OSError as exc:
            reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
            raise DossierError(f"cannot write {rel} ({reason}); output/ was left as it was") from None
        pages += rel.endswith(".html")
    return WriteReport(frozenset(written), pages)


def _write(path: str, data: bytes) -> None:
    """``Path.write_bytes`` without the file object around it."""
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False if unsupported here."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_into_place(staging: Path, output_dir: Path) -> None:
    """Replace output_dir by staging; the old site is removed afterwards.

    One atomic exchange when the OS offers it.  Otherwise two renames (old site aside, new
    site in), and if anything (even Ctrl-C) interrupts between them the old site goes back.
    """
    if output_dir.is_dir() and not output_dir.is_symlink() and exchange(staging, output_dir):
        discard(staging, wait=False)  # staging now holds the old site
        return
    old: Path | None = None
    if output_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-old-", dir=output_dir.parent))
        old.rmdir()
        os.replace(output_dir, old)
    try:
        os.replace(staging, output_dir)
    except BaseException:
        if old is not None:
            os.replace(old, output_dir)
        raise
    if old is not None:
        _remove(old, wait=False)
    discard(staging)  # its build's folder, now empty


def discard(staging: Path, wait: bool = True) -> None:
    """Remove a staging folder, with the build's folder around it (``make_staging_dir``).

    ``wait=False`` (the replaced site, after a swap): removed by a process of its own, so
    the build ends as soon as the new site is in place (see ``_remove``)."""
    holder = staging.parent
    ours = staging.name.startswith("site-") and _OWNER.match(holder.name)
    _remove(holder if ours else staging, wait)


# The remover: reads the folder's name, then becomes ``rm`` (same process, low priority).
_REMOVER = 'read -r folder && exec nice -n 10 rm -rf -- "$folder"'


def _remove(folder: Path, wait: bool) -> None:
    """Remove ``folder`` now, or (``wait=False``) by a process the build does not wait for:
    deleting the site a build replaces took ~1.5 s of a 1,000-article rebuild (4,500 files),
    and it grows with the site, for nothing the user waits on.

    The folder is first renamed after the remover (``.output-<its pid>-gone-…``), so a
    build starting meanwhile leaves it to the remover (``clean_stale`` skips folders of
    live processes), and if the remover dies first, the next build removes what is left.
    The remover has a session of its own: a Ctrl-C meant for the next command does not
    stop it.  Where there is no POSIX shell, the folder is removed here and now.
    """
    shell = shutil.which("sh") if not wait and os.name == "posix" else None
    if shell is not None:
        try:
            remover = subprocess.Popen([shell, "-c", _REMOVER], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError:
            remover = None
        if remover is not None:
            assert remover.stdin is not None
            with remover.stdin:
                try:
                    gone = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{remover.pid}-gone-", dir=folder.parent))
                    os.replace(folder, gone)
                    remover.stdin.write(f"{gone}\n".encode())
                    return
                except OSError:
                    pass  # (the remover reads nothing and ends)
    shutil.rmtree(folder, ignore_errors=True)
