"""Links from the page being rendered: the ``url`` filter and the caches that make its
links once per render.

Every link is relative (``urls.relative_href``), so the site works under any sub-path, and
a page holds some 100 of them: the thousands of pages of a large dossier link the same
articles, people and places from the same few depths, so each link is made once for what
it depends on and looked up after that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import jinja2
from jinja2 import pass_context
from jinja2.runtime import Context

from . import urls


@pass_context
def url(context: Context, target: str) -> str:
    """Link from the page being rendered (``page_path`` in the context) to an output file."""
    # ``context.get`` without its four calls (this runs for every link of every page): the
    # template's own variables first, then what the page was rendered with.
    page_path = context.vars["page_path"] if "page_path" in context.vars else context.parent.get("page_path")
    if page_path is None:
        raise jinja2.TemplateRuntimeError(
            "the url filter needs the page being rendered: import macros 'with context'")
    return href(page_path, target)


def href(page_path: str, target: str) -> str:
    """``urls.relative_href``, remembered by what the link depends on.

    A link climbs from the page to the deepest folder it shares with the target and goes
    down from there, so it depends only on how many folders it climbs and on the rest of
    the target: the thousands of links from articles to people, places, topics and other
    articles, and from every page to the navigation, are made once per (climb, rest)
    instead of once per page.
    """
    slash = page_path.find("/")
    if slash < 0:  # a page at the root
        return _href_from_depth(0, target)
    if not target.startswith(page_path[:slash]):  # another top folder (most links)
        return _href_from_depth(page_path.count("/"), target)
    if len(target) == slash:  # a file named like the page's folder: relative_href's own way
        return urls.relative_href(page_path, target)
    depth = page_path.count("/")
    if target[slash] != "/":  # another top folder whose name begins like this one's
        return _href_from_depth(depth, target)
    at = slash + 1  # the length of the folders page and target share ("artikel/")
    shared = 1
    while shared < depth:
        cut = page_path.index("/", at) + 1
        if not target.startswith(page_path[at:cut], at):
            break
        at = cut
        shared += 1
    rest = target[at:]
    if shared < depth and "/" not in rest and page_path.startswith(rest + "/", at):
        # The target is a file named like the page's next folder: relative_href's own way.
        return urls.relative_href(page_path, target)
    return _href_from_depth(depth - shared, rest)


# Every (climb, rest) pair a render links: some 10,000 at 1,000 articles, over 100,000 at
# 10,000 (each article is linked from timeline, topic and entity pages at several depths).
# A smaller cache kept evicting them: most links of a large dossier were made anew.
@lru_cache(maxsize=1 << 18)
def _href_from_depth(depth: int, target: str) -> str:
    # "\0" is never a folder of the site, so the link climbs all the way to the root.
    return urls.relative_href("\0/" * depth + "index.html", target)


@dataclass(frozen=True)
class _PageLinks:
    """The page being linked from: its path, its top folder (None at the root), its first
    two folders ("tokoh/x", None above that depth), and its link caches (see ``page_url``)."""

    path: str
    top: str | None
    near: str | None
    outside: dict[str, str]
    inside: dict[str, str]
    own: dict[str, str]  # links into its own second folder: this page's alone


def make_url_filter() -> Callable[[Context, str], str]:
    """The ``url`` filter of one render, with its link caches (no module state).

    A link that leaves the page's top folder depends only on the page's depth, one into
    another folder of the same top folder on that folder and the depth (see ``href``).
    """
    # Links that leave the page's top folder (most links), by the page's depth: they depend
    # on nothing else (see ``href``), and a dict lookup costs a third of ``href``'s cache.
    leaving: dict[int, dict[str, str]] = {}
    # Links into another folder of the page's own top folder, by (top folder, depth).
    within: dict[tuple[str | None, int], dict[str, str]] = {}

    # The page whose links are being made (a render makes one page's links, then the next
    # one's): its path, top folder, second folder, and the caches its links are found in.
    page = _PageLinks("\0", None, None, {}, {}, {})

    def links_of(page_path: str) -> _PageLinks:
        """Where the links of the page at ``page_path`` are kept (see ``page_url``)."""
        nonlocal page
        depth = page_path.count("/")
        if depth == 0:
            top = near = None
        else:
            slash = page_path.find("/")
            top = page_path[:slash]
            second = page_path.find("/", slash + 1)
            near = page_path[:second] if second >= 0 else None
        outside = leaving.get(depth)
        if outside is None:
            outside = leaving[depth] = {}
        inside = within.get((top, depth))
        if inside is None:
            inside = within[(top, depth)] = {}
        page = _PageLinks(page_path, top, near, outside, inside, {})
        return page

    @pass_context
    def page_url(context: Context, target: str) -> str:
        """The ``url`` filter (see ``url``), its links kept for the render by what they depend
        on: a link that leaves the page's top folder depends only on the page's depth, one
        into another folder of the same top folder on that folder and the depth (both: the
        folders the link climbs), and links into the page's own second folder (its other
        pages, ``tokoh/x/2/`` from ``tokoh/x/``: a timeline page's year links and pager,
        its conflicts' other readings) on the page itself.

        Some 100 links a page: the page's folders are found once per page, not per link.
        """
        names = context.vars
        page_path = names["page_path"] if "page_path" in names else context.parent.get("page_path")
        here = page if page_path is page.path else None
        if here is None:
            if page_path is None:
                return url(context, target)  # (its error)
            here = links_of(page_path)
        top = here.top
        if top is None or not target.startswith(top):
            links = here.outside
        elif here.near is not None and target.startswith(here.near):
            links = here.own
        else:
            links = here.inside
        try:
            return links[target]
        except KeyError:
            link = links[target] = href(page_path, target)
            return link

    return page_url
