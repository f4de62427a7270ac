"""What Pagefind reads of a page: its indexed element without what it ignores, and Pagefind
makes the very same search data of it as of the whole page."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

import pytest

from dossier import search_index
from dossier.pipeline import build
from dossier.search_pages import reading_copy, write_reading_copies

PAGE = (b'<!doctype html>\n<html lang="id">\n<head><title>T</title><script type="application/ld+json">{}</script>'
        b'</head>\n<body><nav><a href="../">Beranda</a></nav>\n'
        b'<article class="wrap" data-pagefind-body><h1 data-pagefind-meta="title">Judul</h1>'
        b'<aside data-pagefind-ignore><section><p>Tokoh</p><section><p>dalam</p></section></section></aside>'
        b'<div hidden data-pagefind-ignore><span data-pagefind-filter="tokoh">Kim</span></div>'
        b'<p>Isi berita.</p><section class="x" data-pagefind-ignore><p>terkait</p></section>'
        b'<article><p>kartu</p></article></article>\n<footer>kaki</footer></body></html>\n')


def test_a_reading_copy_keeps_the_language_and_the_indexed_element_without_what_it_ignores() -> None:
    copy = reading_copy(PAGE)
    assert copy == (b'<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>T</title></head><body>'
                    b'<article class="wrap" data-pagefind-body><h1 data-pagefind-meta="title">Judul</h1>'
                    b'<div hidden data-pagefind-ignore><span data-pagefind-filter="tokoh">Kim</span></div>'
                    b'<p>Isi berita.</p><article><p>kartu</p></article></article></body></html>\n')


@pytest.mark.parametrize("page", [
    b"<html><body><main><p>no indexed element</p></main></body></html>",
    b"<html><body><main data-pagefind-body>a</main><div data-pagefind-body>b</div></body></html>",
    b'<html><head><meta data-pagefind-meta="x:y"></head><body><main data-pagefind-body>a</main></body></html>',
    b'<html><body><main data-pagefind-body>a</main><p data-pagefind-filter="k">v</p></body></html>',
    b"<html><body><main data-pagefind-body><P>upper case</P></main></body></html>",
    b"<html><body><main data-pagefind-body><p>never closed</p></body></html>",
    b"<html><body><main data-pagefind-body><aside data-pagefind-ignore>open</main></body></html>",
    b"<body><main data-pagefind-body>no html tag</main></body>",
], ids=["no body", "two bodies", "meta outside", "filter outside", "upper case", "unclosed",
        "unclosed ignore", "no html tag"])
def test_a_page_this_does_not_recognise_gets_no_copy(page: bytes) -> None:
    assert reading_copy(page) is None


def test_an_ignored_element_with_an_image_is_kept_pagefind_may_take_its_image() -> None:
    page = (b'<html lang="id"><body><main data-pagefind-body><p>teks</p>'
            b'<figure data-pagefind-ignore><img src="a.png" alt=""></figure></main></body></html>')
    assert b'<img src="a.png"' in reading_copy(page)


def test_words_that_only_read_like_an_attribute_are_text() -> None:
    page = (b'<html lang="id"><body><main data-pagefind-body><p>Pakai data-pagefind-ignore di tema.</p>'
            b"</main></body></html>")
    assert reading_copy(page) is None  # not followed: the page itself is read


def test_pages_without_a_copy_are_read_themselves(tmp_path: Path) -> None:
    site, folder = tmp_path / "site", tmp_path / "reading"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_bytes(PAGE)
    plain = b"<html><body><p>whole page</p></body></html>"
    (site / "b.html").write_bytes(plain)
    write_reading_copies(site, {p: (site / p).read_bytes() for p in ("a/index.html", "b.html")}, folder)
    assert (folder / "a" / "index.html").read_bytes() == reading_copy(PAGE)
    assert (folder / "b.html").read_bytes() == plain


def _fragments(bundle: Path) -> dict[str, bytes]:
    return {f.name: gzip.decompress(f.read_bytes()) for f in (bundle / "fragment").iterdir()}


def test_pagefind_makes_the_same_fragments_of_the_copies_as_of_the_article_pages(tmp_path: Path) -> None:
    site = Path(__file__).parent / "fixtures" / "sites" / "valid"
    output = tmp_path / "output"
    build(site, output, index=False, cache=False)
    pages = search_index.searchable_pages(output, "artikel/**/*.html")
    assert pages and all(reading_copy((output / p).read_bytes()) is not None for p in pages)
    write_reading_copies(output, {p: (output / p).read_bytes() for p in pages}, tmp_path / "reading")
    pagefind = search_index.pagefind_command()
    for source, bundle in ((output, tmp_path / "whole"), (tmp_path / "reading", tmp_path / "copies")):
        subprocess.run([*pagefind, "--site", str(source), "--glob", "artikel/**/*.html", "--silent",
                        "--output-path", str(bundle)], check=True, stdout=subprocess.DEVNULL)
    whole, copies = _fragments(tmp_path / "whole"), _fragments(tmp_path / "copies")
    assert len(whole) == len(pages)
    assert copies == whole
