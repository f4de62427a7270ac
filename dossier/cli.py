"""Command line: ``python build.py [build|serve|import|extract]``.

The only module that prints.  Errors from any stage arrive as DossierError and are shown
as ``path:line: message`` lines, without a traceback unless ``--debug``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import NoReturn

from .errors import DossierError

COMMANDS = ("build", "serve", "import", "extract")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Dossier: turn a folder of news articles into a cross-linked, searchable static site.")
    parser.add_argument("--site", type=Path, default=Path("."),
                        help="site folder with site.yaml, content/ and templates/ (default: current folder)")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks for errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser("build", help="build the site into output/ (the default command)")
    build.add_argument("--output", type=Path, help="where to publish (default: <site>/output)")
    build.add_argument("--workers", type=int, help="extraction processes (default: one per core)")
    build.add_argument("--no-cache", action="store_true", help="ignore .dossier-cache/ and extract every article")

    serve = commands.add_parser("serve", help="preview server that rebuilds and reloads on every change")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    imp = commands.add_parser("import", help="turn raw text clippings into content/<slug>.md")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--force", action="store_true", help="overwrite existing content files")

    ext = commands.add_parser("extract", help="print, as JSON, what the extractors find in text or Markdown files")
    ext.add_argument("files", nargs="+", type=Path, metavar="FILE")
    ext.add_argument("--published", type=date.fromisoformat,
                     help="publication date (YYYY-MM-DD) to resolve relative dates in plain-text files")
    return parser


def _build(args: argparse.Namespace) -> int:
    from .pipeline import build
    from .progress import TerminalProgress

    report = build(args.site, args.output, cache=not args.no_cache, workers=args.workers,
                   progress=TerminalProgress(sys.stderr))
    stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in report.timings.items())
    if report.unchanged:
        print(f"Nothing changed: {report.output_dir} already holds this site ({report.pages} pages); "
              f"checked in {report.total_seconds:.2f}s")
        print(f"  {stages}")
        return 0
    print(f"Built {report.articles} articles into {report.pages} pages ({report.indexed} indexed for search) "
          f"in {report.total_seconds:.2f}s -> {report.output_dir}")
    print(f"  {stages}")
    if args.keep is not None:
        args.keep.append(report)  # freed by the process's exit, not object by object (see run())
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .serve import serve

    try:
        serve(args.site.resolve(), host=args.host, port=args.port, on_event=lambda line: print(line, flush=True))
    except KeyboardInterrupt:
        print("stopped")
    return 0


def _import(args: argparse.Namespace) -> int:
    from .clipping import import_clippings
    from .config import load_config

    config = load_config(args.site.resolve())
    for item in import_clippings(args.files, config.content_dir, force=args.force):
        when = item.published.isoformat() if item.published else "no date"
        outlet = item.outlet or "no outlet"
        print(f"{item.source} -> {item.target} ({outlet}, {when}; {item.removed_lines} boilerplate lines removed)")
        if item.missing:
            print(f"  check the front matter: the clipping does not state {', '.join(item.missing)}")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .explain import extract_files

    results = extract_files(args.site.resolve(), args.files, args.published)
    print(json.dumps(results, ensure_ascii=False, indent=2, default=_json_default))
    return 0


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)  # type: ignore[arg-type]
    return str(value)


def _with_default_command(argv: list[str]) -> list[str]:
    """Insert ``build`` after the global options when no command is named.

    So ``python build.py --output /tmp/site`` works like ``python build.py build --output ...``.
    """
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in COMMANDS or arg in ("-h", "--help"):
            return argv
        if arg == "--site":
            index += 2
        elif arg == "--debug" or arg.startswith("--site="):
            index += 1
        else:
            break
    return [*argv[:index], "build", *argv[index:]]


def run() -> NoReturn:
    """``build.py``'s entry point: :func:`main`, then leave without freeing the heap.

    A build holds the whole dossier in memory, millions of small objects at 10,000
    articles; Python's exit freed them one by one, seconds that changed nothing on disk.
    By the time ``main`` returns the build has finished everything it started (workers
    joined, Pagefind done, temporary folders removed), so only the output streams need
    flushing.  An exception (``--debug``, a bug) still leaves the ordinary way, with its
    traceback.
    """
    kept: list[object] = []
    status = main(keep=kept)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main(argv: Sequence[str] | None = None, *, keep: list[object] | None = None) -> int:
    """Run one command; ``keep`` receives what a build made, for :func:`run` to skip freeing."""
    argv = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    args = _parser().parse_args(argv)
    args.keep = keep
    handler = {"build": _build, "serve": _serve, "import": _import, "extract": _extract}[args.command]
    try:
        return handler(args)
    except DossierError as exc:
        if args.debug:
            raise
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        count = len(exc.problems)
        if args.command == "build":
            plural = "s" if count != 1 else ""
            print(f"Build failed: {count} problem{plural}; output/ was left as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; output/ was left as it was.", file=sys.stderr)
        return 130
