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

from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


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


def markdown_to_text(body: str, md: MarkdownIt | None = None) -> str:
    """Plain text of a Markdown body: one paragraph (or heading, list item) per block,
    blocks separated by a blank line; inline markup removed, text kept verbatim."""
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
