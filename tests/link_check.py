"""The one internal-link checker the tests share: every relative href/src of a built site
resolves to a file inside it, every #fragment to an id on its page, and no link is
root-relative (those break when the site is hosted under a sub-path)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Links(HTMLParser):
    """Links and ids of one page (canonical/alternate and <base> are absolute by design)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"] or "")
        for key in ("href", "src"):
            value = a.get(key)
            if value is not None and not (tag == "link" and a.get("rel") in ("canonical", "alternate")) \
                    and tag != "base":
                self.links.append(value)


def parsed(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def own_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def broken_links(site: Path, *, without_search_index: bool = False) -> list[str]:
    """Every internal link of the site that leads nowhere, as ``page -> link (why)``.

    ``without_search_index``: the site was built with ``index=False``, so links into
    ``pagefind/`` are not checked.
    """
    pages = {page: parsed(page) for page in own_pages(site)}
    broken = []
    for page, found in pages.items():
        if page.name == "404.html":
            continue  # its links are relative to <base href>, the site root on the real host
        for link in found.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or (without_search_index and "pagefind/" in parts.path):
                continue
            where = f"{page.relative_to(site)} -> {link}"
            if link.startswith("/"):
                broken.append(f"{where} (root-relative: breaks under a sub-path)")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or not target.is_relative_to(site.resolve()):
                broken.append(where)
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parsed(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{where} (no id {parts.fragment!r} there)")
    return broken
