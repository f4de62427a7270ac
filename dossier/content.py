"""content/*.md -> ``Article`` values.

Each article is a Markdown file with YAML front matter.  Every file is read and every
problem collected before we fail, so a user fixing a batch of imported clippings sees all
of them at once, each as ``path:line: message``.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from pathlib import Path

import yaml

from .config import SLUG_RE, read_text_file
from .errors import DossierError, Problem, yaml_error_location
from .markup import make_markdown, markdown_to_text
from .models import Article
from .urls import slugify

REQUIRED_FIELDS = ("title", "outlet")
OPTIONAL_FIELDS = ("published", "author", "url", "original_file", "comment", "slug")
_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


# Pasted web text carries no-break and zero-width spaces that split words for the
# extractors and the search index; they are normalised once, here, before any offsets exist.
_SPACE_FIXES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u200b": None,
                              "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None})


def normalize_spaces(text: str) -> str:
    return text.translate(_SPACE_FIXES)


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


def _check_fields(data: dict, path: Path, lines: dict[str, int]) -> list[Problem]:
    problems = []
    allowed = REQUIRED_FIELDS + OPTIONAL_FIELDS
    for key in data:
        if key not in allowed:
            near = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f"; known fields: {', '.join(allowed)}"
            problems.append(Problem(f"unknown front matter field {key!r}{hint}", path, lines.get(key, 2)))
    for key in REQUIRED_FIELDS:
        value = data.get(key)
        if key not in data:
            problems.append(Problem(f"missing required field {key!r}", path, 1))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(f"field {key!r} must be non-empty text, got {value!r}", path, lines.get(key)))
    for key in ("author", "url", "original_file", "comment", "slug"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            problems.append(Problem(f"field {key!r} must be text, got {data[key]!r}", path, lines.get(key)))
    published = data.get("published")
    if published is not None and not isinstance(published, date):
        problems.append(Problem(f"field 'published' must be a date like 2023-09-11, got {published!r}",
                                path, lines.get("published")))
    url = data.get("url")
    if isinstance(url, str) and url and not re.match(r"^https?://", url.strip(), re.IGNORECASE):
        problems.append(Problem(f"field 'url' must be an http(s) URL, got {url!r}", path, lines.get("url")))
    slug = data.get("slug")
    if isinstance(slug, str) and not SLUG_RE.match(slug):
        problems.append(Problem(f"field 'slug' {slug!r} must be lowercase letters, digits and hyphens",
                                path, lines.get("slug")))
    return problems


def parse_article(text: str, path: Path) -> Article:
    """Parse one article file's text; raise DossierError with every problem in it."""
    front, body, body_line = split_front_matter(normalize_spaces(text), path)
    try:
        node = yaml.compose(front, Loader=yaml.SafeLoader)
        data = yaml.safe_load(front)
    except yaml.YAMLError as exc:
        reason, line, column = yaml_error_location(exc)  # front starts on line 1's newline
        raise DossierError.at(f"front matter YAML error: {reason}", path, line or 2, column) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DossierError.at("front matter must be a mapping of fields (title: ..., outlet: ...)", path, 2)
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1
    problems = _check_fields(data, path, lines)
    if isinstance(published := data.get("published"), datetime):
        data["published"] = published.date()
    if not body.strip():
        problems.append(Problem("the article has no text after the front matter", path, body_line))
    if problems:
        raise DossierError(problems)
    md = make_markdown()
    return Article(
        slug=data.get("slug") or slugify(path.stem),
        source=path,
        title=data["title"].strip(),
        outlet=data["outlet"].strip(),
        published=data.get("published"),
        body=body,
        text=markdown_to_text(body, md),
        author=(data.get("author") or None),
        url=(data.get("url") or None),
        original_file=(data.get("original_file") or None),
        body_line=body_line,
    )


def load_articles(content_dir: Path) -> tuple[Article, ...]:
    """Every ``*.md`` file of content_dir, sorted by file name; all problems at once."""
    if not content_dir.is_dir():
        raise DossierError.at("content folder not found; put one Markdown file per article in it", content_dir)
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in sorted(content_dir.glob("*.md")):
        try:
            articles.append(parse_article(read_text_file(path), path))
        except DossierError as exc:
            problems.extend(exc.problems)
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
