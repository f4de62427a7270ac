"""Links and marks in the text tokens of an article body that markdown-it parsed.

``article_body`` lays out the plain bodies of nearly every news article itself; a body with
Markdown of its own goes through markdown-it, and ``Linker`` rewrites that body's text tokens
with the same links and marks (and also serves ``article_body._plain_html``, line by line).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from functools import cached_property

from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from .filters import whole_words

__all__ = ["Linker"]


def _is_word(char: str) -> bool:
    """``re``'s ``\\w`` for one character (as ``filters.whole_words`` reads word boundaries)."""
    return char.isalnum() or char == "_"


class Linker:
    """Rewrites the text tokens of one article body: shared spans marked, first mentions linked.

    A text token that changes becomes one ``html_inline`` token holding the HTML markdown-it
    would have made of the pieces (``escapeHtml`` text, ``<a href="…" class="entity-link">``,
    ``<mark class="shared">``): building a token for every piece and rendering each one
    cost more than parsing the article.
    """

    def __init__(self, text: str, spans: list[tuple[int, int]],
                 targets: Mapping[str, tuple[tuple[str, str], str]]) -> None:
        self.text = text
        self.spans = spans
        self.targets = targets
        self.names = tuple(targets)
        self.cursor = 0  # where the next text token is looked for in the plain text
        self.linked: set[tuple[str, str]] = set()
        self.unlinked = len({ident for ident, _ in targets.values()})  # entities still to link

    def rewrite(self, tokens: list[Token]) -> None:
        for token in tokens:
            if token.type != "inline" or not token.children:
                continue
            depth = 0  # inside an author's own link: mark, but do not link
            for index, child in enumerate(token.children):
                if child.type == "link_open":
                    depth += 1
                elif child.type == "link_close":
                    depth -= 1
                elif child.type == "text" and child.content:
                    html = self._text(child.content, depth == 0)
                    if html is not None:
                        token.children[index] = Token("html_inline", "", 0, content=html)

    def _text(self, content: str, linkable: bool) -> str | None:
        """The HTML of one text token, or None when it stays as it is.

        The offsets of the shared spans index the plain text, not the Markdown, so each
        text token is found in the plain text from where the previous one ended (they come
        in the same order); a token not found there (Markdown that the plain text renders
        differently) is left unmarked rather than marked in the wrong place.
        """
        at = self.text.find(content, self.cursor)
        if at >= 0:
            self.cursor = at + len(content)
        link = linkable and bool(self.names)
        if not self.spans or at < 0 or not self._touched(at, at + len(content)):
            return self._link(content, at) if link else None
        pieces = self._marked_pieces(at, content)
        if len(pieces) == 1 and not pieces[0][2]:
            return self._link(content, at) if link else None
        out = []
        for start, piece, shared in pieces:
            html = (self._link(piece, start) if link else None) or escapeHtml(piece)
            out.append(f'<mark class="shared">{html}</mark>' if shared else html)
        return "".join(out)

    def _touched(self, at: int, end: int) -> bool:
        """Whether a shared span ends inside ``at``..``end`` or covers it: else the token is
        one unshared piece (most tokens: an article shares a few passages at most)."""
        return at == end or any(at < s < end or at < e < end or (s <= at and end <= e) for s, e in self.spans)

    def _marked_pieces(self, at: int, content: str) -> list[tuple[int, str, bool]]:
        """The token (at ``at`` in the plain text) cut at the shared spans' ends: each piece's
        offset, text and whether it is shared.  One mark per text piece, so marks always nest
        inside the Markdown's own elements."""
        text, spans = self.text, self.spans
        end = at + len(content)
        cuts = sorted({at, end, *(x for s, e in spans for x in (s, e) if at < x < end)})
        return [(start, text[start:stop], any(s <= start and stop <= e for s, e in spans))
                for start, stop in zip(cuts, cuts[1:], strict=False)]

    @cached_property
    def hits(self) -> tuple[list[int], list[int], list[bool]]:
        """Every place of the plain text where a name stands, word boundaries or not, in
        order (``(start, -end)`` sorted: the longest name first at a place), as three lists:
        starts, ends, and whether the hit stands as a whole word in the plain text (the
        ends of a text piece are word boundaries too).  Found once per article instead of
        once per text token."""
        text, found = self.text, []
        for name in self.names:
            at = text.find(name)
            while at >= 0:
                found.append((at, -(at + len(name))))
                at = text.find(name, at + 1)
        found.sort()
        size = len(text)
        starts = [at for at, _ in found]
        ends = [-end for _, end in found]
        # re's \w for one character written out (``_is_word``): a call per hit cost more.
        whole = [(at == 0 or not ((c := text[at - 1]).isalnum() or c == "_"))
                 and (end == size or not ((c := text[end]).isalnum() or c == "_"))
                 for at, end in zip(starts, ends, strict=True)]
        return starts, ends, whole

    def _link(self, text: str, at: int) -> str | None:
        """HTML of ``text`` (at ``at`` in the plain text, or -1) with the first mention of
        each entity linked, or None if none is.

        The names are ``whole_words(text, self.names)``; for a piece found in the plain text
        they are read from the hits inside the piece: the piece's own ends count as word
        boundaries, the longest name at a place wins, and matches never overlap (the walk is
        written out here: a call and a list of spans per piece cost more than the walk)."""
        if not self.unlinked:  # every entity has its link: the rest of the text stays as it is
            return None
        if at < 0:
            return self._link_spans(text, whole_words(text, self.names))
        plain, (starts, ends, whole), end = self.text, self.hits, at + len(text)
        targets, linked = self.targets, self.linked
        out: list[str] = []
        cursor, last = at, 0
        for index in range(bisect_left(starts, at), len(starts)):
            start = starts[index]
            if start >= end:
                break
            stop = ends[index]
            if start >= cursor and stop <= end and (whole[index] or (
                    (start == at or not _is_word(plain[start - 1])) and (stop == end or not _is_word(plain[stop])))):
                cursor = stop
                name = plain[start:stop]
                ident, href = targets[name]
                if ident in linked:
                    continue
                linked.add(ident)
                self.unlinked -= 1
                out += (escapeHtml(text[last:start - at]), '<a href="', escapeHtml(href), '" class="entity-link">',
                        escapeHtml(name), "</a>")
                last = stop - at
        if not out:
            return None
        out.append(escapeHtml(text[last:]))
        return "".join(out)

    def _link_spans(self, text: str, spans: list[tuple[int, int]]) -> str | None:
        """``_link`` of a piece not found in the plain text, its names found by ``whole_words``."""
        out: list[str] = []
        last = 0
        for start, end in spans:
            ident, href = self.targets[text[start:end]]
            if ident in self.linked:
                continue
            self.linked.add(ident)
            self.unlinked -= 1
            out += (escapeHtml(text[last:start]), '<a href="', escapeHtml(href), '" class="entity-link">',
                    escapeHtml(text[start:end]), "</a>")
            last = end
        if not out:
            return None
        out.append(escapeHtml(text[last:]))
        return "".join(out)
