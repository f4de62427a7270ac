"""Markdown bodies -> safe HTML for pages, and plain text for the extractors.

Articles are pasted from the web, so their bodies are hostile until proven otherwise:

- raw HTML is never passed through (markdown-it's ``html`` option is off, so ``<script>``
  is shown as text);
- a link is made only for an allow-listed scheme (http, https, mailto) or an in-page
  ``#fragment``.  markdown-it has already decoded entities and percent-encoded whitespace and
  control characters when ``_validate_link`` sees the URL, so obfuscations such as
  ``jav&#x09;ascript:`` or ``JaVaScRiPt:`` cannot pass an allow-list (a block-list could
  miss one);
- an image becomes a link to the picture, labelled with its alt text: a page never loads
  anything from another site by itself (no tracking pixels, no mixed content).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

_SAFE_SCHEMES = ("http://", "https://", "mailto:")
# Characters with which CommonMark's inline rules (escapes, code, emphasis, links, images,
# autolinks, raw HTML, entities) begin, and the ones markdown-it rewrites (\r, \0) or
# treats as indentation (\t).  A body without them is plain text if, besides, every line is
# a plain line (starts with a letter, a digit or an opening quote or bracket, so no heading,
# quotation, list, rule, fence or code block starts there; ends in a visible character), a
# "- " list item or a "## " heading made of a plain line, or empty.
INLINE_MARKUP = re.compile(r"[\\`*_\[\]<&\x00-\x09\x0b-\x1f\x7f]")
_PLAIN_LINE = re.compile(r"(?:[^\W_]|[\"“‘'(])(?:.*\S)?")  # .* stops at \n; \S: no trailing space
_LIST_NUMBER = re.compile(r"[0-9]+[.)]")
HEADING = re.compile(r"(#{1,6}) +(.*[^#])")  # level, text; no closing #s


def _validate_link(url: str) -> bool:
    lowered = url.strip().lower()
    return lowered.startswith(_SAFE_SCHEMES) or lowered.startswith("#")


def _inside_link(tokens: Sequence[Token], idx: int) -> bool:
    depth = 0
    for token in tokens[:idx]:
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
    return depth > 0


def _render_image(renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """``![alt](src)`` -> ``<a href="src">alt</a>`` (just the alt text inside another link)."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    label = renderer.renderInlineAsText(token.children or [], options, env) or src
    if _inside_link(tokens, idx):
        return escapeHtml(label)
    return f'<a href="{escapeHtml(src)}">{escapeHtml(label)}</a>'


def make_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link
    md.add_render_rule("image", _render_image)
    return md


def render_markdown(body: str, md: MarkdownIt | None = None) -> str:
    return (md or make_markdown()).render(body)


def is_plain_line(line: str) -> bool:
    """A line no Markdown block or inline rule can start in (``article_body`` lays such lines out itself)."""
    return bool(_PLAIN_LINE.fullmatch(line)) and not _LIST_NUMBER.match(line)


def _plain_paragraphs(body: str) -> str | None:
    """What ``markdown_to_text`` gives for a body of plain paragraphs, or None for any other.

    markdown-it's parser is pure Python and took most of the load stage; news articles are
    nearly always plain paragraphs (with perhaps a subheading or a list), whose text is
    their lines joined by a space (a soft line break).  Whatever is not certainly plain is
    parsed (tests/test_content.py compares the two on generated Markdown).
    """
    if INLINE_MARKUP.search(body):
        return None
    blocks: list[str] = []
    lines: list[str] = []  # of the paragraph being read; a softbreak joins them with a space
    for line in body.split("\n"):
        if line.startswith(("#", "- ")):  # a heading or list item ends the paragraph before it
            heading = HEADING.fullmatch(line) if line[0] == "#" else None
            text = heading.group(2) if heading else line[2:] if line[0] == "-" else ""
            if not is_plain_line(text):
                return None
            if lines:
                blocks.append(" ".join(lines))
            lines = [] if heading else [text]  # a list item's lines may continue (lazily)
            if heading:
                blocks.append(text)
        elif not line:
            if lines:
                blocks.append(" ".join(lines))
                lines = []
        elif is_plain_line(line):
            lines.append(line)
        else:
            return None
    if lines:
        blocks.append(" ".join(lines))
    return "\n\n".join(blocks)


def markdown_to_text(body: str, md: MarkdownIt | None = None) -> str:
    """Plain text of a Markdown body: one paragraph (or heading, list item) per block,
    blocks separated by a blank line; inline markup removed, text kept verbatim."""
    plain = _plain_paragraphs(body)
    if plain is not None:
        return plain
    tokens = (md or make_markdown()).parse(body)
    blocks: list[str] = []
    for token in tokens:
        if token.type != "inline":
            continue
        parts: list[str] = []
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        text = "".join(parts).strip()
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)
