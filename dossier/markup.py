"""Markdown bodies -> safe HTML for pages, and plain text for the extractors.

Raw HTML in a body is never passed through (markdown-it's ``html`` option is off, so it
is shown escaped), and links are only made for http(s)/mailto URLs: articles are pasted
from the web and must not carry script into a reader's browser.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _validate_link(url: str) -> bool:
    lowered = url.strip().lower()
    return lowered.startswith(_SAFE_SCHEMES) or lowered.startswith("#")


def make_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link
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
