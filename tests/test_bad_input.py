"""Broken input is reported, all at once, as ``path:line: what is wrong, what was expected``.

Each case below is a small site folder (a valid site.yaml and article unless the case
replaces them) with one kind of mistake a user makes: broken YAML, missing or mistyped
fields, impossible dates, other encodings, duplicate or traversing slugs, broken templates.
The build runs through the command line (``dossier.cli.main``, as ``python build.py --site``
does) and must print exactly the listed problems: no traceback, exit status 1, and never an
output/ folder.  A few cases also run in a real subprocess to prove the user sees no Python
traceback without ``--debug`` and sees one with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from dossier.cli import main

REPO = Path(__file__).resolve().parents[1]

SITE = """\
title: Dosir Uji
language: id
base_url: https://example.test/
hubs:
  - slug: pelabuhan
    title: Pelabuhan
    keywords: [pelabuhan]
"""

BODY = "Pelabuhan Teluk Biru dibuka pada Kamis (14/3/2024). Menteri Siti Rahmawati hadir.\n"


def article(*fields: str, body: str = BODY) -> str:
    """An article whose front matter is 'title', 'outlet', then ``fields``, one per line.

    So line 2 is the title, line 3 the outlet and line 4 the first extra field.
    """
    lines = ["title: Pelabuhan Dibuka", "outlet: Harian Uji", *fields]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def front(*lines: str, body: str = BODY) -> str:
    """An article with exactly these front matter lines (line 2 onwards)."""
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes]  # path inside the site folder -> content
    expected: tuple[str, ...]  # the error lines, paths relative to the site folder
    site: str | None = SITE  # site.yaml, unless the case brings its own (or None: no site.yaml)


def case(name: str, files: dict[str, str | bytes], *expected: str, site: str | None = SITE) -> Case:
    return Case(name, files, expected, site)


A = "content/a.md"
UNCLOSED = "front matter YAML error: while scanning a quoted scalar: found unexpected end of stream"
LATIN1 = article(body="Kunjungan ke Caf\xe9 Pelabuhan.\n").encode("latin-1")
HUGE = article(body=("Kalimat panjang tentang pelabuhan yang dibuka. " * 110_000))
TEMPLATE_USING_NOPE = '{% extends "base.html" %}\n{% block main %}\n<p>{{ nope }}</p>\n{% endblock %}\n'

CASES = [
    # ------------------------------------------------------------ front matter YAML
    case("unclosed-quote", {A: front('title: "Pelabuhan', "outlet: Harian Uji")}, f"{A}:2:8: {UNCLOSED}"),
    case("unclosed-bracket", {A: front("title: [Pelabuhan", "outlet: Harian Uji")},
         f"{A}:2:8: front matter YAML error: while parsing a flow sequence: expected ',' or ']', but got ':'"),
    case("tab-indent", {A: front("title: Pelabuhan", "\toutlet: Harian Uji")},
         f"{A}:3:1: front matter YAML error: while scanning for the next token: "
         "found character '\\t' that cannot start any token"),
    case("mapping-in-value", {A: front("title: Kim: Putin", "outlet: Harian Uji")},
         f"{A}:2:11: front matter YAML error: mapping values are not allowed here"),
    case("front-matter-is-a-list", {A: front("- title", "- outlet")},
         f"{A}:2: front matter must be a mapping of fields (title: ..., outlet: ...)"),
    case("python-tag", {A: front("title: !!python/object/apply:os.system ['true']", "outlet: Harian Uji")},
         f"{A}:2:8: front matter YAML error: could not determine a constructor for the tag "
         "'tag:yaml.org,2002:python/object/apply:os.system'"),
    case("nested-too-deeply", {A: front("title: " + "[" * 3000 + "]" * 3000, "outlet: Harian Uji")},
         f"{A}:2: front matter is nested too deeply to be article fields"),
    case("field-name-is-a-list", {A: front("? [title]", ": x", "title: T", "outlet: O")},
         f"{A}:2: a front matter field name must be a plain word like 'title'"),
    case("surrogate-escape", {A: front('title: "Kim \\ud800"', "outlet: Harian Uji")},
         f"{A}:2: field 'title' contains an escape that is not a character (a lone UTF-16 surrogate "
         "such as \\ud800)"),
    # ------------------------------------------------------------ fields
    case("missing-title", {A: front("outlet: Harian Uji")}, f"{A}:1: missing required field 'title'"),
    case("missing-outlet", {A: front("title: Pelabuhan")}, f"{A}:1: missing required field 'outlet'"),
    case("empty-front-matter", {A: front()},
         f"{A}:1: missing required field 'title'", f"{A}:1: missing required field 'outlet'"),
    case("title-is-a-list", {A: front("title: [Kim, Putin]", "outlet: Harian Uji")},
         f"{A}:2: field 'title' must be non-empty text, got ['Kim', 'Putin']"),
    case("title-is-a-number", {A: front("title: 2023", "outlet: Harian Uji")},
         f"{A}:2: field 'title' must be non-empty text, got 2023"),
    case("title-is-empty", {A: front('title: ""', "outlet: Harian Uji")},
         f"{A}:2: field 'title' must be non-empty text, got ''"),
    case("author-is-a-list", {A: article("author: [Edwin, Bimo]")},
         f"{A}:4: field 'author' must be text, got ['Edwin', 'Bimo']"),
    case("published-day-first", {A: article("published: 12-03-2024")},
         f"{A}:4: field 'published' must be a date like 2023-09-11, got '12-03-2024'"),
    case("published-impossible-day", {A: article("published: 2023-02-30")},
         f"{A}:4: field 'published': '2023-02-30' is not a valid value (day is out of range for month); "
         "expected a date like 2023-09-11"),
    case("published-year-only", {A: article("published: 2023")},
         f"{A}:4: field 'published' must be a date like 2023-09-11, got 2023"),
    case("published-implausible", {A: article("published: 0023-09-11")},
         f"{A}:4: field 'published' 0023-09-11 is not a plausible publication date; expected one between 1800 "
         "and 2199"),
    case("published-words", {A: article("published: kemarin sore")},
         f"{A}:4: field 'published' must be a date like 2023-09-11, got 'kemarin sore'"),
    case("unknown-field-near-miss", {A: article("authr: Edwin")},
         f"{A}:4: unknown front matter field 'authr'; did you mean 'author'?"),
    case("unknown-field", {A: article("tags: [a]")},
         f"{A}:4: unknown front matter field 'tags'; known fields: title, outlet, published, author, url, "
         "original_file, comment, slug"),
    case("field-given-twice", {A: article("title: Lagi")},
         f"{A}:4: field 'title' is given twice (first on line 2)"),
    # ------------------------------------------------------------ hostile URLs and slugs
    case("url-javascript", {A: article("url: javascript:alert(1)")},
         f"{A}:4: field 'url' must be an http(s) URL like https://example.com/news/1 (no spaces, quotes or "
         "angle brackets), got 'javascript:alert(1)'"),
    case("url-obfuscated-javascript", {A: article('url: " JaVa\\tScRiPt:alert(1)"')},
         f"{A}:4: field 'url' must be an http(s) URL like https://example.com/news/1 (no spaces, quotes or "
         "angle brackets), got ' JaVa\\tScRiPt:alert(1)'"),
    case("url-attribute-breakout", {A: article("url: 'https://a.test/\"><script>alert(1)</script>'")},
         f"{A}:4: field 'url' must be an http(s) URL like https://example.com/news/1 (no spaces, quotes or "
         "angle brackets), got 'https://a.test/\"><script>alert(1)</script>'"),
    case("url-relative", {A: article("url: /berita/1")},
         f"{A}:4: field 'url' must be an http(s) URL like https://example.com/news/1 (no spaces, quotes or "
         "angle brackets), got '/berita/1'"),
    case("slug-traversal", {A: article("slug: ../../etc")},
         f"{A}:4: field 'slug' '../../etc' must be lowercase letters, digits and hyphens"),
    case("slug-absolute", {A: article("slug: /etc/passwd")},
         f"{A}:4: field 'slug' '/etc/passwd' must be lowercase letters, digits and hyphens"),
    case("slug-uppercase", {A: article("slug: Kim-Putin")},
         f"{A}:4: field 'slug' 'Kim-Putin' must be lowercase letters, digits and hyphens"),
    case("duplicate-slug-fields", {A: article("slug: sama"), "content/b.md": article("slug: sama")},
         "content/b.md:1: slug 'sama' is also used by content/a.md; give one a 'slug:' field"),
    case("duplicate-slug-from-file-names", {"content/Kim Putin.md": article(), "content/kim-putin.md": article()},
         "content/kim-putin.md:1: slug 'kim-putin' is also used by content/Kim Putin.md; "
         "give one a 'slug:' field"),
    # ------------------------------------------------------------ the file itself
    case("no-front-matter", {A: BODY}, f"{A}:1: missing front matter: the file must start with a '---' line"),
    case("front-matter-not-closed", {A: "---\ntitle: x\noutlet: y\n" + BODY},
         f"{A}:1: front matter is not closed: add a '---' line after it"),
    case("empty-file", {A: b""}, f"{A}:1: missing front matter: the file must start with a '---' line"),
    case("no-body", {A: article(body="\n\n")}, f"{A}:5: the article has no text after the front matter"),
    case("latin-1", {A: LATIN1},
         f"{A}:5: not valid UTF-8 (byte 0xe9 at offset 67) (it looks like Windows-1252 or Latin-1 text); "
         "save the file as UTF-8"),
    case("utf-16", {A: article().encode("utf-16")}, f"{A}:1: the file is saved as UTF-16; save it as UTF-8"),
    case("five-megabytes", {A: HUGE},
         f"{A}:1: the file is 5.2 MB; an article may be at most 1 MB (a long news article is under 0.2 MB): "
         "split it or remove what is not the article"),
    case("a-folder-named-like-an-article", {"content/folder.md/x": "x", A: article()},
         "content/folder.md: cannot read file: Is a directory"),
    case("every-problem-at-once", {A: front("title: Pelabuhan"), "content/b.md": article("published: 2023-13-01"),
                                   "content/c.md": front('title: "x', "outlet: y")},
         f"{A}:1: missing required field 'outlet'",
         "content/b.md:4: field 'published': '2023-13-01' is not a valid value (month must be in 1..12); "
         "expected a date like 2023-09-11",
         f"content/c.md:2:8: {UNCLOSED}"),
    case("empty-content-folder", {"content/.keep": ""},
         "content: no articles: add Markdown files (or `python build.py import FILE...`)"),
    case("no-content-folder", {},
         "content: content folder not found; put one Markdown file per article in it"),
    # ------------------------------------------------------------ site.yaml
    case("no-site-yaml", {A: article()},
         "site.yaml: no site.yaml here; run Dossier in a site folder (site.yaml, content/, templates/)", site=None),
    case("site-yaml-syntax", {A: article()},
         "site.yaml:3:11: YAML syntax error: while scanning a quoted scalar: found unexpected end of stream",
         site='title: Uji\nlanguage: id\nbase_url: "https://example.test/\n'),
    case("site-yaml-near-miss-keys", {A: article()},
         "site.yaml:4:1: site.yaml: unknown key 'hub'; did you mean 'hubs'?",
         "site.yaml:6:5: hubs[0]: give at least one of 'keywords' or 'entities' to match articles",
         "site.yaml:7:5: hubs[0]: unknown key 'keyword'; did you mean 'keywords'?",
         site="title: Uji\nlanguage: id\nbase_url: https://example.test/\nhub: []\n"
              "hubs:\n  - {slug: a, title: A,\n    keyword: [x]}\n"),
    case("site-yaml-wrong-types", {A: article()},
         "site.yaml:2:11: language must be a language code such as 'id' or 'en', got 'Bahasa Indonesia'",
         "site.yaml:3:11: base_url must be an absolute http(s) URL, got 'javascript:alert(1)'",
         "site.yaml:4:20: summary_sentences must be a whole number, got 'tiga'",
         "site.yaml:6:10: event.start must be a date like 2023-09-11, got '2023-02-30'",
         site="title: Uji\nlanguage: Bahasa Indonesia\nbase_url: javascript:alert(1)\nsummary_sentences: tiga\n"
              "event:\n  start: 2023-02-30\n  name: KTT\n"),
    case("site-yaml-numbers-out-of-range", {A: article()},
         "site.yaml:4:15: feed_entries must be between 1 and 100000",
         "site.yaml:5:12: page_size must be between 1 and 10000",
         site="title: Uji\nlanguage: id\nbase_url: https://example.test/\nfeed_entries: 0\npage_size: 20000\n"),
    case("site-yaml-reserved-folder", {A: article()},
         "site.yaml:5:13: paths.articles 'pagefind' is a folder the site itself uses (assets, pagefind); "
         "choose another name",
         "site.yaml:6:11: paths.people '../tokoh' must be lowercase letters, digits and hyphens",
         site=SITE.replace("hubs:", "paths:\n  articles: pagefind\n  people: ../tokoh\nhubs:", 1)),
    case("site-yaml-entity-mistakes", {A: article()},
         "site.yaml:10:11: entities[0].type must be one of person, place, organization, got 'city'",
         "site.yaml:11:18: entities[0].coordinates out of range: [100.0, 0.0]",
         "site.yaml:12:15: entities[0].wikidata must look like Q123, got 'Makassar'",
         site=SITE + "entities:\n  - name: Makassar\n    type: city\n    coordinates: [100, 0]\n"
                     "    wikidata: Makassar\n"),
    case("site-yaml-entities-sharing-a-page", {A: article()},
         "site.yaml:10:5: entities[1] 'Teluk Biru?' would get the same page (teluk-biru) as entities[0] "
         "'Teluk Biru!' on line 9; merge them (aliases) or rename one",
         "site.yaml:11:5: entities[2].name '<<>>' needs letters or digits to name its page",
         site=SITE + "entities:\n  - {name: Teluk Biru!, type: place}\n  - {name: Teluk Biru?, type: place}\n"
                     "  - {name: <<>>, type: person}\n  - {name: Teluk Biru, type: organization}\n"),
    case("site-yaml-latin-1", {A: article(), "site.yaml": "title: Caf\xe9 Uji\nlanguage: id\n".encode("latin-1")},
         "site.yaml:1: not valid UTF-8 (byte 0xe9 at offset 10) (it looks like Windows-1252 or Latin-1 text); "
         "save the file as UTF-8",
         site=None),
    # ------------------------------------------------------------ templates
    case("template-unknown-variable", {A: article(), "templates/article.html": TEMPLATE_USING_NOPE},
         "templates/article.html:3: template error (undefined value): 'nope' is undefined"),
    case("template-syntax-error",
         {A: article(), "templates/hub.html": '{% extends "base.html" %}\n{% block main %}\n{% if x %}\n'},
         "templates/hub.html:3: template syntax error: Unexpected end of template. Jinja was looking for the "
         "following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."),
]


def make_site(root: Path, c: Case) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    if c.site is not None:
        (root / "site.yaml").write_text(c.site, encoding="utf-8")
    for rel, content in c.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40 and len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("c", CASES, ids=[c.name for c in CASES])
def test_each_broken_site_is_reported_exactly(c: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "site", c)
    status = main(["--site", str(site), "build", "--no-cache"])
    out, err = capsys.readouterr()
    assert status == 1
    prefix = f"{site.resolve()}/"
    errors = [line.removeprefix("error: ").replace(prefix, "") for line in err.splitlines()
              if line.startswith("error: ")]
    assert errors == [e.replace("{site}", str(site.resolve())) for e in c.expected]
    assert err.splitlines()[-1].startswith("Build failed:") and "Traceback" not in err
    assert not (site / "output").exists()


SUBPROCESS_CASES = ("unclosed-quote", "published-impossible-day", "latin-1", "template-unknown-variable",
                    "site-yaml-near-miss-keys")


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_the_user_sees_problems_not_a_traceback(name: str, tmp_path: Path) -> None:
    c = next(c for c in CASES if c.name == name)
    site = make_site(tmp_path / "site", c)
    result = subprocess.run([sys.executable, "build.py", "--site", str(site), "--no-cache"], cwd=REPO,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert sum(line.startswith("error: ") for line in result.stderr.splitlines()) == len(c.expected)
    assert "output/ was left as it was" in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", next(c for c in CASES if c.name == "missing-title"))
    result = subprocess.run([sys.executable, "build.py", "--debug", "--site", str(site)], cwd=REPO,
                            capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "missing required field 'title'" in result.stderr
