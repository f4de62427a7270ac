"""Articles load from front matter + Markdown; every broken file is named with its line."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
import yaml

from dossier.content import load_articles, parse_article
from dossier.errors import DossierError
from dossier.markup import _plain_paragraphs, make_markdown, markdown_to_text
from dossier.yaml_reader import construct_node, read_simple_mapping

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


def test_reading_on_several_processes_gives_the_same_articles_and_problems(tmp_path: Path) -> None:
    """A large dossier is read on every core; the articles, their order and the problems
    reported (from files read by different processes, slugs clashing across them) are the
    same as when one process reads it."""
    for i in range(9):
        (tmp_path / f"{i:02d}.md").write_text(GOOD.replace("title: Judul", f"title: Judul {i}"), encoding="utf-8")
    assert load_articles(tmp_path, lambda files: 3) == load_articles(tmp_path)
    (tmp_path / "03.md").write_text("no front matter\n", encoding="utf-8")
    (tmp_path / "06.md").write_text(GOOD.replace("title: Judul", "title: X\nslug: sama"), encoding="utf-8")
    (tmp_path / "07.md").write_text(GOOD.replace("title: Judul", "title: Y\nslug: sama"), encoding="utf-8")
    reported = []
    for processes in (None, lambda files: 3):
        with pytest.raises(DossierError) as caught:
            load_articles(tmp_path, processes)
        reported.append([(p.path.name, p.line, p.message) for p in caught.value.problems])
    assert reported[0] == reported[1]
    assert [(name, line) for name, line, _ in reported[0]] == [("03.md", 1), ("07.md", 1)]


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


# ------------------------------------------------------------- fast paths, same results
# Loading reads plain front matter and plain Markdown without the full parsers; these
# compare the shortcuts with the parsers on generated input, wherever a shortcut answers.

FRONT_VALUES = ("Judul", "Kim Jong Un", '"Kim: \u201cJong\u201d Un"', "'tunggal'", '"a\\tb"', "2023-09-11",
                "2023-02-30", "12", "1.5", "yes", "null", "~", "002_abc.txt", "Bloomberg (terjemahan)", "a # b",
                "a: b", "[1, 2]", "x ", '"x" # c', "&a x", "*a", "!!str x", "- x", "2023-9-1", "\u00a0x",
                '"\u00a0x "', "0o17", "0x1F", "1_000", "", "'it''s'", '"\ud7ff"', "é", "x\ty", "Ⅻ", "<<", "=")


def _front_matters(count: int) -> list[str]:
    rng = random.Random(7)
    keys = ("title", "outlet", "published", "author", "Title", "_x", "url", "title", "1a", "a b", "? a")
    out = []
    for _ in range(count):
        lines = [rng.choice(("", f"{rng.choice(keys)}:{rng.choice((' ', '  ', ''))}{rng.choice(FRONT_VALUES)}"))
                 for _ in range(rng.randint(1, 5))]
        out.append("\n" + "\n".join(lines) + "\n")
    return out


def test_plain_front_matter_is_read_as_pyyaml_reads_it() -> None:
    answered = 0
    for front in _front_matters(3000):
        fields = read_simple_mapping(front)
        if fields is None:
            continue
        answered += 1
        node = yaml.compose(front, Loader=yaml.SafeLoader)
        expected = [(k.value, k.start_mark.line, construct_node(v)) for k, v in node.value]
        assert [(k, line, v) for k, line, v in fields] == expected, front
        assert all(type(v) is type(e[2]) for (_, _, v), e in zip(fields, expected, strict=True))
    assert answered > 100


def _parsed_text(body: str) -> str:
    """markdown_to_text without its shortcut: every inline block's text, as markdown-it parses it."""
    blocks = []
    for token in make_markdown().parse(body):
        if token.type == "inline":
            parts = [c.content if c.type in ("text", "code_inline") else " " for c in token.children or ()
                     if c.type in ("text", "code_inline", "softbreak", "hardbreak")]
            if text := "".join(parts).strip():
                blocks.append(text)
    return "\n\n".join(blocks)


MD_WORDS = ("1.", "1)", "-", "#", "##", "=", "---", '"Kutip"', "\u201ca\u201d", "(b)", "a\u3000b", "\u3000",
            "a\u00a0", "!", ">", "'", "+", ":", "|", "\u00e9", "~", "&amp;", "*a*", "_a_", "`a`", "[a](b)", "<b>",
            "\\", "\t", "\r", "Ⅻ")


def _markdown_bodies(count: int) -> list[str]:
    rng = random.Random(11)

    def line() -> str:
        words = " ".join(rng.choice(MD_WORDS) if rng.random() < 0.3 else rng.choice(("Kata", "dua", "Tiga.", "9"))
                         for _ in range(rng.randint(0, 6)))
        kind, sep = rng.random(), rng.choice((" ", "  ", ""))
        if kind < 0.15:
            return rng.choice(("", " ", "    x"))
        if kind < 0.3:
            return "-" + sep + words
        if kind < 0.4:
            return "#" * rng.randint(1, 7) + sep + words + rng.choice(("", " #", "#", " ##  "))
        return words + rng.choice(("", "", " ", "  "))

    return ["\n".join(line() for _ in range(rng.randint(1, 8))) for _ in range(count)]


def test_plain_markdown_gives_the_text_markdown_it_gives() -> None:
    answered = 0
    for body in _markdown_bodies(6000):
        if (text := _plain_paragraphs(body)) is not None:
            answered += 1
            assert text == _parsed_text(body), body
    assert answered > 300
    body = "Satu baris\ndua.\n\n## Judul kecil\n- butir satu\nlanjut\n- butir dua\n\n\u201cKutipan,\u201d katanya.\n"
    assert _plain_paragraphs(body) == _parsed_text(body) == markdown_to_text(body)
