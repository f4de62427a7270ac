"""content/*.md -> ``Article`` values.

Each article is a Markdown file with YAML front matter.  Every file is read and every
problem collected before we fail, so a user fixing a batch of imported clippings sees all
of them at once, each as ``path:line: message``.
"""

from __future__ import annotations

import difflib
import re
import reprlib
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from .config import SLUG_RE
from .errors import DossierError, Problem, by_line, yaml_error_location
from .forked import forked_map
from .markup import make_markdown, markdown_to_text
from .models import Article
from .urls import slugify
from .yaml_reader import construct_node, read_simple_mapping, read_text_file

REQUIRED_FIELDS = ("title", "outlet")
OPTIONAL_FIELDS = ("published", "author", "url", "original_file", "comment", "slug")
_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
MAX_ARTICLE_BYTES = 1_000_000
# A publication date outside these is a typo (0023 for 2023); the extractors count relative
# dates ("tahun lalu", "besok") from it and need room on both sides of the calendar.
PUBLISHED_MIN, PUBLISHED_MAX = date(1800, 1, 1), date(2199, 12, 31)


# Pasted web text carries no-break and zero-width spaces that split words for the
# extractors and the search index; they are normalised once, here, before any offsets exist.
# U+2028/U+2029 (line and paragraph separators, from JavaScript-made pages) read as line
# breaks to YAML but as nothing visible to the user, so they become spaces as well.
# No-break spaces become spaces only *after* the front matter is parsed: to YAML a space is
# syntax ("author: \xa0#" is text, "author:  #" a comment), the others never are.
_INVISIBLE = str.maketrans({"\u2028": " ", "\u2029": " ", "\u200b": None, "\u200c": None, "\u200d": None,
                            "\u2060": None, "\ufeff": None})
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_SPACE_FIXES = str.maketrans({**_INVISIBLE, **_NO_BREAK})
# str.translate with a table looks every character up in a dict when the text is not ASCII
# (about a second for 1,000 articles); most texts hold none of these characters, so we
# look for one first, in C.
# (A substring test per character, in C, reads a text faster than one regex of them all.)
_INVISIBLE_CHARACTERS = tuple(map(chr, _INVISIBLE))
_SPACE_FIX_CHARACTERS = tuple(map(chr, _SPACE_FIXES))
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# http(s), a host, and nothing a browser would have to repair: no spaces, quotes or brackets.
_URL = re.compile(r"https?://[^\s/?#\"<>\\`]+[^\s\"<>\\`]*", re.IGNORECASE)
_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 80


def normalize_spaces(text: str) -> str:
    return text.translate(_SPACE_FIXES) if any(c in text for c in _SPACE_FIX_CHARACTERS) else text


def is_source_url(url: str) -> bool:
    """May this be an article's ``url``?  http(s), a host, no spaces, quotes or brackets."""
    return bool(_URL.fullmatch(url))


def clean_text(text: str) -> str:
    """Spaces normalised, invisible control characters removed (see above), and composed
    Unicode (NFC): text pasted on a Mac may spell "ö" as "o" plus a combining mark, which
    would not match the same name typed elsewhere."""
    return unicodedata.normalize("NFC", _CONTROLS.sub("", normalize_spaces(text)))


def _clean_file(text: str) -> str:
    """clean_text without the no-break spaces, for a whole file before its YAML is parsed."""
    text = text.translate(_INVISIBLE) if any(c in text for c in _INVISIBLE_CHARACTERS) else text
    return unicodedata.normalize("NFC", _CONTROLS.sub("", text))


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """Return (front matter YAML, body, line number where the body starts)."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        raise DossierError.at("missing front matter: the file must start with a '---' line", path, 1)
    first = _FENCE.match(text)
    if not first:
        raise DossierError.at("the first line must be exactly '---'", path, 1)
    closing = _FENCE.search(text, first.end())
    if not closing:
        raise DossierError.at("front matter is not closed: add a '---' line after it", path, 1)
    front = text[first.end():closing.start()]  # starts with the newline ending line 1
    after = text[closing.end():]
    after = after[1:] if after.startswith("\n") else after
    body = after.lstrip("\n")
    body_line = text[:closing.end()].count("\n") + 2 + (len(after) - len(body) if body else 0)
    return front, body, body_line


def _shown(value: object) -> str:
    """A short repr for messages: a value built from YAML aliases can be huge when printed."""
    return _REPR.repr(value)


def _read_fields(front: str, path: Path) -> tuple[dict[str, object], dict[str, int], list[Problem]]:
    """Front matter YAML -> (fields, line of each field, problems).  Never raises for bad YAML."""
    simple = read_simple_mapping(front)
    if simple is not None:  # plain one-line fields: what PyYAML would give, without parsing
        data = {key: clean_text(value) if isinstance(value, str) else value for key, _, value in simple}
        return data, {key: index + 1 for key, index, _ in simple}, []
    try:
        node = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        reason, line, column = yaml_error_location(exc)  # front starts on line 1's newline
        return {}, {}, [Problem(f"front matter YAML error: {reason}", path, line or 2, column)]
    except RecursionError:
        return {}, {}, [Problem("front matter is nested too deeply to be article fields", path, 2)]
    if node is None:
        return {}, {}, []
    if not isinstance(node, yaml.MappingNode):
        return {}, {}, [Problem("front matter must be a mapping of fields (title: ..., outlet: ...)", path,
                                node.start_mark.line + 1)]
    data: dict[str, object] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem("a front matter field name must be a plain word like 'title'", path, line))
            continue
        key = key_node.value
        if key in lines:
            problems.append(Problem(f"field {key!r} is given twice (first on line {lines[key]})", path, line))
            continue
        lines[key] = line
        try:
            value = construct_node(value_node)  # one field at a time: a bad one is located
        except yaml.YAMLError as exc:
            reason, at, column = yaml_error_location(exc)
            problems.append(Problem(f"front matter YAML error: {reason}", path, at or line, column))
            continue
        except (ValueError, OverflowError) as exc:  # PyYAML builds dates and numbers unchecked
            expected = "; expected a date like 2023-09-11" if key == "published" else ""
            problems.append(Problem(f"field {key!r}: {_shown(value_node.value)} is not a valid value ({exc})"
                                    f"{expected}", path, value_node.start_mark.line + 1))
            continue
        except RecursionError:
            problems.append(Problem(f"field {key!r} is nested too deeply", path, line))
            continue
        if isinstance(value, str):
            if _SURROGATE.search(value):
                problems.append(Problem(f"field {key!r} contains an escape that is not a character "
                                        "(a lone UTF-16 surrogate such as \\ud800)", path, line))
                continue
            value = clean_text(value)
        data[key] = value
    return data, lines, problems


def _check_fields(data: dict[str, object], path: Path, lines: dict[str, int]) -> list[Problem]:
    problems = []
    allowed = REQUIRED_FIELDS + OPTIONAL_FIELDS
    for key in data:
        if key not in allowed:
            near = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f"; known fields: {', '.join(allowed)}"
            problems.append(Problem(f"unknown front matter field {_shown(key)}{hint}", path, lines.get(key, 2)))
    for key in REQUIRED_FIELDS:
        value = data.get(key)
        if key not in lines:
            problems.append(Problem(f"missing required field {key!r}", path, 1))
        elif key in data and (not isinstance(value, str) or not value.strip()):
            problems.append(Problem(f"field {key!r} must be non-empty text, got {_shown(value)}",
                                    path, lines.get(key)))
    for key in ("author", "url", "original_file", "comment", "slug"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            problems.append(Problem(f"field {key!r} must be text, got {_shown(data[key])}", path, lines.get(key)))
    published = data.get("published")
    if published is not None and not isinstance(published, date):
        problems.append(Problem(f"field 'published' must be a date like 2023-09-11, got {_shown(published)}",
                                path, lines.get("published")))
    elif isinstance(published, date) and not PUBLISHED_MIN <= _day(published) <= PUBLISHED_MAX:
        problems.append(Problem(f"field 'published' {_day(published).isoformat()} is not a plausible publication "
                                f"date; expected one between {PUBLISHED_MIN.year} and {PUBLISHED_MAX.year}",
                                path, lines.get("published")))
    url = data.get("url")
    if isinstance(url, str) and url.strip() and not is_source_url(url.strip()):
        problems.append(Problem(f"field 'url' must be an http(s) URL like https://example.com/news/1 (no spaces, "
                                f"quotes or angle brackets), got {_shown(url)}", path, lines.get("url")))
    slug = data.get("slug")
    if isinstance(slug, str) and not SLUG_RE.match(slug):
        problems.append(Problem(f"field 'slug' {_shown(slug)} must be lowercase letters, digits and hyphens",
                                path, lines.get("slug")))
    return problems


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _text_field(data: dict[str, object], key: str) -> str | None:
    value = data.get(key)
    return value.strip() or None if isinstance(value, str) else None


def parse_article(text: str, path: Path, md: MarkdownIt | None = None) -> Article:
    """Parse one article file's text; raise DossierError with every problem in it.

    ``md``: a parser to reuse (making one costs more than reading a plain article).
    """
    front, body, body_line = split_front_matter(_clean_file(text), path)
    body = clean_text(body)
    data, lines, problems = _read_fields(front, path)
    if not problems or data:
        problems.extend(_check_fields(data, path, lines))
    if isinstance(published := data.get("published"), datetime):
        data["published"] = published.date()
    if not body.strip():
        problems.append(Problem("the article has no text after the front matter", path, body_line))
    if problems:
        raise DossierError(by_line(problems))
    title, outlet, slug = _text_field(data, "title"), _text_field(data, "outlet"), _text_field(data, "slug")
    assert title and outlet
    published = data.get("published")
    return Article(
        slug=slug or slugify(path.stem),
        source=path,
        title=title,
        outlet=outlet,
        published=published if isinstance(published, date) else None,
        body=body,
        text=markdown_to_text(body, md),  # makes a parser only for a body that is not plain
        author=_text_field(data, "author"),
        url=_text_field(data, "url"),
        original_file=_text_field(data, "original_file"),
        body_line=body_line,
    )


def load_articles(content_dir: Path, processes: Callable[[int], int] | None = None) -> tuple[Article, ...]:
    """Every ``*.md`` file of content_dir, sorted by file name; all problems at once.

    Hidden files (``.#kim.md`` editor locks, ``._kim.md`` macOS resource forks) are not
    articles and are skipped.  A file over MAX_ARTICLE_BYTES is refused before it is read:
    no news article is that long, and extraction time grows with the text.
    ``processes(files)``: on how many (forked) processes to read that many files (default
    one); a 10,000-article dossier takes ~3 s to read on one, while the other cores wait
    for the extraction.  The result is the same.
    """
    if not content_dir.is_dir():
        raise DossierError.at("content folder not found; put one Markdown file per article in it", content_dir)
    paths = [path for path in sorted(content_dir.glob("*.md")) if not path.name.startswith(".")]
    md = make_markdown()
    outcomes = forked_map(lambda i: _load_file(paths[i], md), len(paths), processes(len(paths)) if processes else 1)
    articles = [outcome for outcome in outcomes if isinstance(outcome, Article)]
    problems = [problem for outcome in outcomes if not isinstance(outcome, Article) for problem in outcome]
    by_slug: dict[str, Article] = {}
    for article in articles:
        if article.slug in by_slug:
            other = by_slug[article.slug].source
            problems.append(Problem(f"slug {article.slug!r} is also used by {other}; give one a 'slug:' field",
                                    article.source, 1))
        else:
            by_slug[article.slug] = article
    if problems:
        raise DossierError(problems)
    return tuple(articles)


def _load_file(path: Path, md: MarkdownIt) -> Article | tuple[Problem, ...]:
    """One article file, or its problems (every file is read, so all are reported at once)."""
    try:
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_ARTICLE_BYTES:
            raise DossierError.at(
                f"the file is {size / 1e6:.1f} MB; an article may be at most {MAX_ARTICLE_BYTES / 1e6:.0f} MB "
                "(a long news article is under 0.2 MB): split it or remove what is not the article", path, 1)
        return parse_article(read_text_file(path), path, md)
    except DossierError as exc:
        return tuple(exc.problems)
