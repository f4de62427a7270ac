"""What Pagefind is given to read of a page: only what it indexes.

Pagefind parses every byte of a page, also the parts it then leaves out: the head (meta
tags, JSON-LD), the navigation, and inside the indexed element (``data-pagefind-body``)
the asides marked ``data-pagefind-ignore`` (an article's entity chips, shared passages,
quotes, related articles).  Those are over half of an article page, and parsing them was
~40% of Pagefind's CPU time (at 1,000 articles 1.7 of 4.1 CPU-seconds, as much as a fifth
of the whole build's second core).  So Pagefind reads a *reading copy* of each page: the
page's ``<html>`` tag (its language), and its indexed element without the ignored
elements that hold nothing Pagefind reads.  Pagefind writes the same fragment for the
copy as for the page, byte for byte (a test pins it), and the copy lives at the page's
own relative path, so the page keeps its URL.

Anything this does not recognise gives no copy (``None``), and the page itself is read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

_BODY = b"data-pagefind-body"
_IGNORE = b"data-pagefind-ignore"
_ANY = b"data-pagefind-"
_NAME = re.compile(rb"<([A-Za-z][A-Za-z0-9-]*)[\s>]")
_HTML_TAG = re.compile(rb"<html\b[^>]*>")
_UPPERCASE_TAG = re.compile(rb"</?[A-Z]")
_TITLE = re.compile(rb"<title\b[^>]*>[^<]*</title>")
# What a page that Pagefind reads needs around the indexed element: its language, and its
# title (Pagefind's title when the element names none).
_HEAD = b'<head><meta charset="utf-8">'
_BODY_OPEN = b"</head><body>"
_TAIL = b"</body></html>\n"


def reading_copy(page: bytes) -> bytes | None:
    """The page as Pagefind needs to read it, or None when it is not recognised (no single
    indexed element, ``data-pagefind-`` attributes outside it, markup this cannot follow)."""
    if _UPPERCASE_TAG.search(page):  # (tags are matched by their lowercase names)
        return None
    found = _tag_holding(page, page.find(_BODY))
    if found is None or page.find(_BODY, found[2]) >= 0:
        return None
    start, name, open_end = found
    end = _element_end(page, name, open_end)
    html = _HTML_TAG.search(page, 0, start)
    if end is None or html is None or _ANY in page[:start].replace(_BODY, b"") or page.find(_ANY, end) >= 0:
        return None
    title = _TITLE.search(page, 0, start)
    pieces = [b"<!doctype html>\n", html[0], _HEAD, title[0] if title else b"", _BODY_OPEN]
    at = start
    search = open_end
    while (hit := page.find(_IGNORE, search, end)) >= 0:
        ignored = _tag_holding(page, hit)
        if ignored is None:
            return None
        first, ignored_name, ignored_open = ignored
        close = _element_end(page, ignored_name, ignored_open)
        if close is None or close > end:
            return None
        if page.find(_ANY, ignored_open, close) >= 0 or page.find(b"<img", ignored_open, close) >= 0:
            search = ignored_open  # it holds filters, meta, sort keys or an image Pagefind reads: kept
            continue
        pieces.append(page[at:first])
        at = search = close
    pieces += (page[at:end], _TAIL)
    return b"".join(pieces)


def _tag_holding(page: bytes, at: int) -> tuple[int, bytes, int] | None:
    """(start, name, end) of the start tag holding position ``at`` (an attribute
    name), or None when ``at`` is not inside one (-1, or text that reads like an attribute)."""
    if at < 0:
        return None
    start = page.rfind(b"<", 0, at)
    close = page.find(b">", at)
    if start < 0 or close < 0 or page.find(b">", start, at) >= 0:
        return None
    match = _NAME.match(page, start)
    if match is None:
        return None
    return start, match[1], close + 1


def _element_end(page: bytes, name: bytes, open_end: int) -> int | None:
    """Where the element whose start tag ends at ``open_end`` ends (after its end tag):
    tags of the same name counted, nested ones included; None when it is not closed or
    the tag closes itself.  (Lowercase tags only: ``reading_copy`` takes no page with others.)"""
    if page[open_end - 2:open_end] == b"/>":
        return None
    opening, closing = _opening(name), b"</" + name
    depth, at = 1, open_end
    while True:
        close = page.find(closing, at)
        if close < 0:
            return None
        depth += len(opening.findall(page, at, close)) - 1
        at = page.find(b">", close) + 1
        if at == 0:
            return None
        if depth == 0:
            return at


@lru_cache(maxsize=64)
def _opening(name: bytes) -> re.Pattern[bytes]:
    return re.compile(b"<" + re.escape(name) + rb"(?=[\s/>])")


def write_reading_copies(site: Path, pages: Mapping[str, bytes], folder: Path) -> None:
    """Put what Pagefind should read of each of ``site``'s ``pages`` (path -> its bytes, as
    read once by the caller) at the same relative path under ``folder``: its reading copy,
    or the page itself (hard-linked, or copied where a link cannot be made)."""
    made: set[Path] = set()
    for page, data in pages.items():
        target = folder / page
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        copy = reading_copy(data)
        if copy is None:
            try:
                os.link(site / page, target)
                continue
            except OSError:
                copy = data
        target.write_bytes(copy)
