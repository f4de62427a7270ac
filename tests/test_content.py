"""Articles load from front matter + Markdown; every broken file is named with its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dossier.content import load_articles, parse_article
from dossier.errors import DossierError

GOOD = """---
title: Judul
outlet: Harian Uji
published: 2024-03-12
url: https://example.test/a
---
Paragraf **pertama** dengan [tautan](https://example.test).

Paragraf kedua.
"""


def test_article_fields_and_plain_text_for_the_extractors() -> None:
    article = parse_article(GOOD, Path("content/judul.md"))
    assert article.slug == "judul"
    assert article.title == "Judul" and article.outlet == "Harian Uji"
    assert article.published == date(2024, 3, 12)
    assert article.text == "Paragraf pertama dengan tautan.\n\nParagraf kedua."
    assert article.body_line == 7


def test_bom_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    (article,) = load_articles(tmp_path)
    assert article.title == "Judul" and "\r" not in article.text


def test_non_utf8_file_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "latin.md").write_bytes(GOOD.replace("Paragraf kedua", "Caf\xe9").encode("latin-1"))
    with pytest.raises(DossierError) as caught:
        load_articles(tmp_path)
    (problem,) = caught.value.problems
    assert problem.path == tmp_path / "latin.md" and problem.line == 9
    assert "not valid UTF-8" in problem.message


@pytest.mark.parametrize(("text", "line", "message"), [
    ("no front matter\n", 1, "missing front matter"),
    ("---\ntitle: x\noutlet: y\n", 1, "front matter is not closed"),
    ('---\ntitle: "open\noutlet: y\n---\nteks\n', 2, "while scanning a quoted scalar"),
    ("---\ntitle: x\n---\nteks\n", 1, "missing required field 'outlet'"),
    ("---\ntitle: x\noutlet: y\npublished: 12-03-2024\n---\nteks\n", 4, "'published' must be a date"),
    ("---\ntitle: x\noutlet: y\nauthr: z\n---\nteks\n", 4,
     "unknown front matter field 'authr'; did you mean 'author'?"),
    ("---\ntitle: x\noutlet: y\nurl: javascript:alert(1)\n---\nteks\n", 4, "'url' must be an http(s) URL"),
    ("---\ntitle: x\noutlet: y\nslug: ../../etc\n---\nteks\n", 4, "'slug' '../../etc' must be lowercase"),
    ("---\ntitle: x\noutlet: y\n---\n\n", 5, "the article has no text"),
    ("---\n- a\n- b\n---\nteks\n", 2, "front matter must be a mapping"),
    ("---\ntitle: [1, 2]\noutlet: y\n---\nteks\n", 2, "field 'title' must be non-empty text"),
])
def test_broken_front_matter_names_the_line(text: str, line: int, message: str) -> None:
    path = Path("content/x.md")
    with pytest.raises(DossierError) as caught:
        parse_article(text, path)
    located = [(p.path, p.line, p.message) for p in caught.value.problems]
    assert any(p == path and ln == line and message in m for p, ln, m in located), located


def test_all_broken_files_are_reported_together(invalid_site: Path) -> None:
    with pytest.raises(DossierError) as caught:
        load_articles(invalid_site / "content")
    files = {p.path.name for p in caught.value.problems}
    assert files == {"bad-front-matter.md", "missing-outlet.md"}


def test_duplicate_slugs_name_both_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD.replace("title: Judul", "title: A\nslug: sama"), encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD.replace("title: Judul", "title: B\nslug: sama"), encoding="utf-8")
    with pytest.raises(DossierError) as caught:
        load_articles(tmp_path)
    (problem,) = caught.value.problems
    assert problem.path == tmp_path / "b.md" and str(tmp_path / "a.md") in problem.message


def test_raw_html_in_a_body_is_not_kept_as_markup_in_the_text() -> None:
    article = parse_article(GOOD.replace("Paragraf kedua.", "<script>alert(1)</script>"), Path("x.md"))
    assert "Paragraf pertama" in article.text


def test_no_break_and_zero_width_spaces_are_normalised() -> None:
    article = parse_article(GOOD.replace("Paragraf kedua.", "Kim\u00a0Jong\u200b Un tiba."), Path("x.md"))
    assert article.text.endswith("Kim Jong Un tiba.")
