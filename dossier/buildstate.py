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
from importlib import metadata
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


def _files_under(root: Path) -> Iterator[Path]:
    """Every regular file below ``root`` in a stable order (caches and bytecode excluded)."""
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "node_modules"))
        for name in sorted(files):
            if not name.endswith((".pyc", ".pyo")):
                yield Path(folder) / name


def _library_versions() -> list[str]:
    versions = []
    for name in OUTPUT_LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
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
        for path in _files_under(root):
            feed(f"{label}/{path.relative_to(root).as_posix()}", path.read_bytes())
    site_yaml = site_dir / "site.yaml"
    feed("site.yaml", site_yaml.read_bytes() if site_yaml.is_file() else b"\0missing")
    return digest.hexdigest()


def output_digest(output_dir: Path) -> str:
    """Digest of the published files' paths, sizes and modification times ('' if none)."""
    if not output_dir.is_dir():
        return ""
    digest = hashlib.sha256()
    for path in _files_under(output_dir):
        stat = path.stat()
        digest.update(f"{path.relative_to(output_dir).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
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
