"""Long lists split into numbered pages: which items each page holds, and its pager.

A listing that grows with the dossier (a topic's articles, the timeline, the quotes, the
shared passages, the articles naming an entity) is cut into pages of ``page_size`` items
(site.yaml), so no page grows with the dossier: at 10,000 articles the one-page timeline
was 197 MB, which no browser opens.  Page 1 keeps the list's URL, so a short list (every
list of a small dossier) is exactly the page it always was; pages 2, 3 ... live at
``<list>/<paths.page>/<n>/``.

The layout is a pure function of the item counts: the same dossier gives the same pages.
Lists made of groups (a day's events, a speaker's quotes) keep a group on one page when it
fits on a page; a group larger than a page starts a page of its own and continues on the
next, its heading repeated.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from . import urls
from .config import Config

Slice = tuple[int, int, int]  # (group index, first item, end item) of a group's items on a page
Layout = tuple[tuple[Slice, ...], ...]  # per page, the pieces of groups it shows, in order


@dataclass(frozen=True)
class PageLink:
    """One entry of a pager's numbered links; ``path`` None is a gap ("…") between numbers."""

    number: int
    path: str | None
    current: bool = False


@dataclass(frozen=True)
class Pager:
    """Where a page sits in its list: "Halaman 2 dari 7", previous/next, a few numbered links."""

    number: int
    count: int
    label: str
    previous: str | None
    next: str | None
    links: tuple[PageLink, ...]


def page_count(items: int, size: int) -> int:
    """Pages a list of ``items`` needs (an empty list still has its one page)."""
    return max(1, -(-items // size))


def page_paths(config: Config, first: str, count: int) -> tuple[str, ...]:
    """Output paths of a list's ``count`` pages; the first is the list's own page."""
    return tuple(urls.numbered_page_path(config, first, n) for n in range(1, count + 1))


def pager(paths: Sequence[str], number: int, labels: Mapping[str, str], around: int = 2) -> Pager | None:
    """The pager of page ``number`` (from 1) of ``paths``; none for a list of one page.

    Numbered links: the first and last page and ``around`` pages either side of this one,
    with a gap between runs, so the pager stays a line long on a list of hundreds of pages.
    """
    count = len(paths)
    if count < 2:
        return None
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    links: list[PageLink] = []
    for n in shown:
        last = links[-1].number if links else n - 1
        if n == last + 2:  # one page left out: show it rather than a gap
            links.append(PageLink(last + 1, paths[last]))
        elif n > last + 2:
            links.append(PageLink(last + 1, None))
        links.append(PageLink(n, paths[n - 1], n == number))
    label = labels["pager_label"].replace("{n}", str(number)).replace("{total}", str(count))
    return Pager(number, count, label, paths[number - 2] if number > 1 else None,
                 paths[number] if number < count else None, tuple(links))


def pack(weights: Sequence[int], size: int) -> Layout:
    """Groups of ``weights`` items laid out on pages of at most ``size`` items.

    A group goes whole onto the current page when it fits, else onto a new page; a group
    larger than a page starts a new page and is cut into pieces of ``size`` items.
    """
    pages: list[tuple[Slice, ...]] = []
    current: list[Slice] = []
    filled = 0
    for group, weight in enumerate(weights):
        start = 0
        while start < weight:
            rest = weight - start
            if filled and filled + rest > size:
                pages.append(tuple(current))
                current, filled = [], 0
            piece = min(rest, size - filled)
            current.append((group, start, start + piece))
            filled += piece
            start += piece
            if filled >= size:
                pages.append(tuple(current))
                current, filled = [], 0
    if current or not pages:
        pages.append(tuple(current))
    return tuple(pages)


def spread(weights: Sequence[int], count: int) -> Layout:
    """Groups of ``weights`` items spread over exactly ``count`` pages, front-loaded.

    For a second list beside a page's main one (a topic's events beside its articles): each
    page gets about an equal share, so its size follows the main list's.  A cut moves to the
    next group boundary when that is less than half a share away, keeping most days whole.
    """
    starts = [0, *accumulate(weights)]
    total = starts[-1]
    share = max(1, -(-total // count))
    cuts = [0]
    for k in range(1, count):
        ideal = min(total, k * share)
        boundary = starts[bisect_left(starts, ideal)]
        cut = boundary if boundary - ideal <= share // 2 else ideal
        cuts.append(max(cut, cuts[-1]))
    cuts.append(total)
    pages = []
    for first, end in zip(cuts, cuts[1:], strict=False):
        pieces = []
        group = max(0, bisect_left(starts, first + 1) - 1)
        while group < len(weights) and starts[group] < end:
            lo, hi = max(first, starts[group]), min(end, starts[group + 1])
            if hi > lo:
                pieces.append((group, lo - starts[group], hi - starts[group]))
            group += 1
        pages.append(tuple(pieces))
    return tuple(pages)


def page_of_groups(layout: Layout) -> dict[int, int]:
    """Group index -> the page (from 1) where the group starts."""
    found: dict[int, int] = {}
    for number, pieces in enumerate(layout, 1):
        for group, start, _ in pieces:
            if start == 0:
                found.setdefault(group, number)
    return found
