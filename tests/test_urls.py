"""Links are relative, so the site works at a root, under a sub-path and from any host."""

from __future__ import annotations

import itertools
import posixpath

from hypothesis import given
from hypothesis import strategies as st

from dossier.page_links import href
from dossier.urls import relative_href, slugify

SEGMENT = st.sampled_from(["artikel", "tokoh", "a", "b", "kim-jong-un", "assets"])
PAGE = st.lists(SEGMENT, max_size=3).map(lambda parts: "/".join([*parts, "index.html"]))
FILE = st.one_of(PAGE, st.lists(SEGMENT, max_size=2).map(lambda parts: "/".join([*parts, "site.css"])))


def reference_href(from_page: str, to_file: str) -> str:
    """The obvious definition, via posixpath.relpath."""
    from_dir = posixpath.dirname(from_page) or "."
    folder = posixpath.basename(to_file) == "index.html"
    target = (posixpath.dirname(to_file) or ".") if folder else to_file
    rel = posixpath.relpath(target, from_dir)
    if rel == ".":
        return "./"
    return rel + "/" if folder else rel


@given(PAGE, FILE)
def test_relative_links_resolve_to_their_target(from_page: str, to_file: str) -> None:
    href = relative_href(from_page, to_file)
    assert href == reference_href(from_page, to_file)
    assert not href.startswith("/")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), href))
    expected = posixpath.dirname(to_file) if to_file.endswith("index.html") else to_file
    assert resolved == (expected or ".")


def test_examples() -> None:
    assert relative_href("artikel/a/index.html", "tokoh/kim/index.html") == "../../tokoh/kim/"
    assert relative_href("index.html", "topik/v/index.html") == "topik/v/"
    assert relative_href("index.html", "index.html") == "./"
    assert relative_href("artikel/a/index.html", "index.html") == "../../"
    assert relative_href("artikel/a/index.html", "assets/dossier.css") == "../../assets/dossier.css"


def test_slugs_are_safe_ascii() -> None:
    assert slugify("Kim Jong-un") == "kim-jong-un"
    assert slugify("Komsomolsk-on-Amur") == "komsomolsk-on-amur"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("") == "item"
    assert slugify("Đà Nẵng") == "da-nang"


def test_remembered_links_are_relative_href() -> None:
    """``page_links.href`` remembers links by (folders climbed, rest of the target): for every
    page and target of a small alphabet of folders (a file named like a folder included) it
    gives exactly ``relative_href``."""
    names = ("a", "b", "page", "2", "index.html", "feed.xml")
    paths = ["/".join(c) for n in range(1, 5) for c in itertools.product(names, repeat=n)]
    pages = [p for p in paths if p.endswith("index.html")]
    for page in pages:
        for target in paths:
            assert href(page, target) == relative_href(page, target), (page, target)


def test_absolute_urls_name_a_page_by_its_folder_and_other_files_by_name() -> None:
    from types import SimpleNamespace

    from dossier.urls import absolute_url

    config = SimpleNamespace(base_url="https://example.org/dosir/")
    assert absolute_url(config, "index.html") == "https://example.org/dosir/"
    assert absolute_url(config, "tokoh/kim-jong-un/index.html") == "https://example.org/dosir/tokoh/kim-jong-un/"
    assert absolute_url(config, "feed.xml") == "https://example.org/dosir/feed.xml"
    assert absolute_url(config, "artikel/not-index.html") == "https://example.org/dosir/artikel/not-index.html"
    assert absolute_url(config, "artikel/xindex.html") == "https://example.org/dosir/artikel/xindex.html"
