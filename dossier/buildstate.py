"""Recognise a build whose inputs and output are exactly those of the last one.

A build where nothing changed should cost what checking costs, not a rebuild: rendering
2,000 pages only to find them identical took most of a 1,000-article "warm" build.  So a
successful build records two digests in the cache folder:

- the **inputs**: site.yaml, every file under content/ and templates/, the default theme,
  Dossier's own code and data, the versions of the libraries that shape the output, and
  the build options;
- the **output**: every file of the published folder by path, size and modification time,
  so a site that was edited, deleted or half-copied by hand is rebuilt, not trusted.

The next build compares both before loading anything.  Only the standard library is
imported here, so the check runs before the stages' heavy imports.  The record is a
shortcut, never a source of truth: a missing, stale or corrupt one means "build".
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

STATE_FILE = "last-builds.json"
PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_THEME = PACKAGE_DIR.parent / "templates"
# Libraries whose version can change the bytes we write (markup, templates, index format).
OUTPUT_LIBRARIES = ("jinja2", "markdown-it-py", "pyyaml", "pagefind", "pagefind-bin")


@dataclass(frozen=True)
class Record:
    """What a finished build left in output/: enough to report it again without rebuilding."""

    inputs: str
    output: str
    articles: int
    pages: int
    files: int
    indexed: int


def _files_under(root: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every regular file below ``root`` as (path relative to it, entry), in a stable order
    (caches and bytecode excluded): a folder's files by name, then its folders by name.

    ``os.scandir`` with plain strings, not ``os.walk`` and ``Path``: the published folder
    of a 10,000-article dossier holds ~45,000 files and its digest is taken after every
    build; building a ``Path`` per file made that ~0.1 ms per file.
    """
    if root.is_dir():
        yield from _files_in(str(root), "")


def _files_in(folder: str, prefix: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:  # as os.walk: a folder that vanished or cannot be read has no files
        return
    folders = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.name not in ("__pycache__", "node_modules") and not entry.is_symlink():
                folders.append(entry)
        elif not entry.name.endswith((".pyc", ".pyo")):
            yield prefix + entry.name, entry
    for entry in folders:
        yield from _files_in(entry.path, f"{prefix}{entry.name}/")


def _installed_versions() -> dict[str, str]:
    """Normalised project name -> version, read from the names of the ``*.dist-info``
    folders on ``sys.path`` (the first one found wins, as imports do).

    What ``importlib.metadata.version`` answers for a project installed by pip, without
    importing it: that import alone took 50-90 ms of every build, half of a warm one.
    """
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                project, _, version = name[:-len(".dist-info")].partition("-")
                found.setdefault(_normalise(project), version)
    return found


def _normalise(project: str) -> str:
    return project.lower().replace("_", "-").replace(".", "-")


def _library_versions() -> list[str]:
    installed = _installed_versions()
    versions = []
    for name in OUTPUT_LIBRARIES:
        version = installed.get(_normalise(name))
        if version is None:  # installed some other way (an egg, a system package): ask properly
            from importlib import metadata
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                versions.append(f"{name} missing")
                continue
        versions.append(f"{name}=={version}")
    return versions


def inputs_digest(site_dir: Path, options: Mapping[str, object]) -> str:
    """One digest over everything a build reads; any changed byte gives another digest."""
    digest = hashlib.sha256()

    def feed(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    feed("python", sys.version.encode())
    feed("options", json.dumps(dict(options), sort_keys=True, default=str).encode())
    feed("libraries", "\n".join(_library_versions()).encode())
    roots = {"code": PACKAGE_DIR, "theme": DEFAULT_THEME, "content": site_dir / "content",
             "templates": site_dir / "templates"}
    seen: set[Path] = set()
    for label, root in roots.items():
        root = root.resolve()
        if root in seen:  # the repository's own site: its templates/ is the default theme
            continue
        seen.add(root)
        for rel, entry in _files_under(root):
            with open(entry.path, "rb") as stream:
                feed(f"{label}/{rel}", stream.read())
    site_yaml = site_dir / "site.yaml"
    feed("site.yaml", site_yaml.read_bytes() if site_yaml.is_file() else b"\0missing")
    return digest.hexdigest()


def output_digest(output_dir: Path) -> str:
    """Digest of the published files' paths, sizes and modification times ('' if none)."""
    if not output_dir.is_dir():
        return ""
    digest = hashlib.sha256()
    for rel, entry in _files_under(output_dir):
        stat = entry.stat()
        digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _read_all(state_file: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def unchanged_build(state_file: Path, output_dir: Path, inputs: str) -> Record | None:
    """The record of the last build into ``output_dir`` if inputs and output still match it."""
    entry = _read_all(state_file).get(str(output_dir))
    try:
        record = Record(**entry) if isinstance(entry, dict) else None
    except TypeError:  # written by another version of this module
        return None
    if record is None or record.inputs != inputs or record.output != output_digest(output_dir):
        return None
    return record


def remember(state_file: Path, output_dir: Path, record: Record) -> None:
    """Store the record of a finished build (atomically; failing to store costs only speed)."""
    entries = _read_all(state_file)
    entries[str(output_dir)] = asdict(record)
    try:
        state_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=state_file.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(entries, stream, sort_keys=True, indent=1)
            os.replace(temp, state_file)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return
