"""An article's body as HTML: entity names linked, passages other outlets share marked.

The article page's main text.  markdown-it turns the Markdown into tokens, the text tokens
are rewritten (first mention of each entity linked, shared spans marked) and rendered; a
body of plain blocks — nearly every news article — is laid out directly, with the same
linking, because markdown-it's pure-Python parser cost more than all the rest of the page.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from heapq import heapify, heappop, heapreplace

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from markupsafe import Markup

from .filters import whole_words
from .markup import HEADING, INLINE_MARKUP, is_plain_line
from .models import ArticlePage, EntityPage
from .page_links import href


def linked_body(page: ArticlePage, entities: Mapping[tuple[str, str], EntityPage], md: MarkdownIt,
                marked: Iterable[tuple[int, int]] = ()) -> Markup:
    """The article's HTML with the first mention of each entity linked to its page, and the
    ``marked`` spans (offsets into ``Article.text``: passages other outlets share) in
    ``<mark class="shared">``.

    Works on markdown-it's tokens, not on HTML: only plain text outside existing links is
    split, and every piece is escaped exactly as markdown-it escapes text, so no name can
    inject markup.  One link per entity (the first), as encyclopedias do, so the text stays
    readable.  A body of plain blocks (see ``_plain_blocks``: nearly every news article) is
    laid out without markdown-it, whose parser cost more than the rest of the article page.
    """
    targets: dict[str, tuple[tuple[str, str], str]] = {}
    for e in page.extraction.entities:
        target = entities.get((e.type, e.key))
        if target is None:
            continue
        link = ((e.type, e.key), href(page.path, target.path))
        for m in e.mentions:
            if m.text and m.text not in targets:
                targets[m.text] = link
    spans = sorted(marked)
    blocks = _plain_blocks(page.article.body)
    if blocks is not None:
        html = _plain_linked(blocks, page.article.text, spans, targets)
        if html is not None:
            return Markup(html)
    linker = _Linker(page.article.text, spans, targets) if spans or targets else None
    if blocks is not None:
        return Markup("".join(_plain_html(blocks, linker)))
    tokens = md.parse(page.article.body)
    if linker is not None:
        linker.rewrite(tokens)
    return Markup(md.renderer.render(tokens, md.options, {}))


# A body is made of plain blocks when it has none of the characters with which CommonMark's
# inline rules begin (escapes, code, emphasis, links, images, autolinks, raw HTML, entities)
# or that markdown-it rewrites or reads as indentation (markup.INLINE_MARKUP), and every run
# of lines between blank lines is a paragraph of plain lines, a one-line "#" heading or a
# list of "- " items (one line each).  A plain line (markup.is_plain_line) starts with a
# letter, a digit or an opening quote or bracket (so no block starts there) and ends in a
# visible character (no hard break).  The rule is markup's, which reads the same bodies'
# text for the extractors.
def _plain_blocks(body: str) -> list[tuple[str, list[str]]] | None:
    """``(tag, lines)`` of a body of plain blocks ("p", "h1".."h6", "ul"), None for any other.

    Each line of a block is one text token for markdown-it, so the layout below and the
    linking of those texts give exactly what parsing would (tests/test_render.py compares the
    two on generated Markdown).  Two lists with only blank lines between them are one loose
    list for CommonMark: such a body is left to the parser.
    """
    if INLINE_MARKUP.search(body):
        return None
    runs: list[list[str]] = []
    run: list[str] = []
    for line in body.split("\n"):
        if line:
            run.append(line)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    blocks: list[tuple[str, list[str]]] = []
    for lines in runs:
        first = lines[0]
        if first[0] == "#":
            heading = HEADING.fullmatch(first)
            if heading is None or len(lines) > 1 or not is_plain_line(heading[2]):
                return None
            blocks.append((f"h{len(heading[1])}", [heading[2]]))
        elif first.startswith("- "):
            items = [line[2:] for line in lines]
            if (blocks and blocks[-1][0] == "ul") or not all(
                    line.startswith("- ") and is_plain_line(item) for line, item in zip(lines, items, strict=True)):
                return None
            blocks.append(("ul", items))
        elif all(is_plain_line(line) for line in lines):
            blocks.append(("p", lines))
        else:
            return None
    return blocks


def _plain_html(blocks: list[tuple[str, list[str]]], linker: _Linker | None) -> Iterator[str]:
    """markdown-it's HTML of plain blocks, each text linked and marked as ``_Linker`` does it."""
    def inline(text: str) -> str:
        html = linker._text(text, True) if linker is not None else None
        return escapeHtml(text) if html is None else html

    for tag, lines in blocks:
        if tag == "ul":
            yield "<ul>\n"
            for item in lines:
                yield f"<li>{inline(item)}</li>\n"
            yield "</ul>\n"
        else:
            text = "\n".join(inline(line) for line in lines)  # a soft break is a line break
            yield f"<{tag}>{text}</{tag}>\n"


def _plain_linked(blocks: list[tuple[str, list[str]]], text: str, spans: list[tuple[int, int]],
                  targets: Mapping[str, tuple[tuple[str, str], str]]) -> str | None:
    """``_plain_html`` with ``_Linker``'s links and marks, in one pass over the article, or
    None when ``text`` is not what the blocks read as (their lines joined by a space, blocks
    by a blank line, as ``markup`` reads a plain body), so no line's offset is known.

    Each line is a piece of ``text`` at a known offset, cut into segments at the shared
    spans' ends inside it (``_Linker._marked_pieces``).  The first mentions are chosen in one
    walk over the names' places in the text (``_first_links``) and the lines are then laid
    out with them: instead of finding, cutting and linking every line on its own.
    """
    starts: list[int] = []  # each line's offset in the text
    parts: list[str] = []
    size = 0
    for tag, lines in blocks:
        for index, line in enumerate(lines):
            if parts:
                sep = " " if tag == "p" and index else "\n\n"
                parts.append(sep)
                size += len(sep)
            starts.append(size)
            parts.append(line)
            size += len(line)
    if "".join(parts) != text:
        return None
    lines = [line for _, block in blocks for line in block]
    if not spans:  # (start, end, shared) of each segment, in text order: here one per line
        segments = [(at, at + len(line), False) for at, line in zip(starts, lines, strict=True)]
    else:
        segments = []
        ends = sorted({x for span in spans for x in span})
        for at, line in zip(starts, lines, strict=True):
            end = at + len(line)
            cuts = [at, *ends[bisect_left(ends, at + 1):bisect_left(ends, end)], end]  # at spans' ends inside
            for start, stop in zip(cuts, cuts[1:], strict=False):
                segments.append((start, stop, any(s <= start and stop <= e for s, e in spans)))
    links = _first_links(text, segments, targets) if targets and segments else []
    links.append((size + 1, size + 1, ""))  # a sentinel past the end: no bounds checks below
    out: list[str] = []
    line_starts = iter(starts)
    seg = link = 0
    for tag, lines in blocks:
        inner: list[str] = []
        for line in lines:
            end = next(line_starts) + len(line)
            if segments[seg][1] == end and not segments[seg][2] and links[link][0] >= end:
                inner.append(escapeHtml(line))  # one unshared segment without a link: most lines
                seg += 1
                continue
            html: list[str] = []
            while seg < len(segments) and segments[seg][0] < end:
                start, stop, shared = segments[seg]
                seg += 1
                piece: list[str] = []
                last = start
                while links[link][0] < stop:
                    at, after, href = links[link]
                    link += 1
                    piece += (escapeHtml(text[last:at]), '<a href="', escapeHtml(href), '" class="entity-link">',
                              escapeHtml(text[at:after]), "</a>")
                    last = after
                piece.append(escapeHtml(text[last:stop]))
                html.append(f'<mark class="shared">{"".join(piece)}</mark>' if shared else "".join(piece))
            inner.append("".join(html))
        if tag == "ul":
            out += ("<ul>\n", *(f"<li>{item}</li>\n" for item in inner), "</ul>\n")
        else:
            out += ("<", tag, ">", "\n".join(inner), "</", tag, ">\n")  # a soft break is a line break
    return "".join(out)


def _first_links(text: str, segments: list[tuple[int, int, bool]],
                 targets: Mapping[str, tuple[tuple[str, str], str]]) -> list[tuple[int, int, str]]:
    """``(start, end, href)`` of the first mention of each entity in ``text``, as
    ``_Linker._link`` links them segment by segment: within a segment the longest name at a
    place wins, matches never overlap, and a match stands as a whole word in the text or
    against the segment's ends.

    The names' places are visited in order from a heap holding each name's next place, and
    the walk stops once every entity has its link (nearly always well before the end of the
    text): the places after it are never looked for.
    """
    heap = []
    for name in targets:
        at = text.find(name)
        if at >= 0:
            heap.append((at, -(at + len(name)), name))
    heapify(heap)
    unlinked = len({ident for ident, _ in targets.values()})
    linked: set[tuple[str, str]] = set()
    links: list[tuple[int, int, str]] = []
    cursor = index = 0
    last = len(segments) - 1
    while heap and unlinked:
        start, stop, name = heap[0]
        stop = -stop
        following = text.find(name, start + 1)
        if following >= 0:
            heapreplace(heap, (following, -(following + len(name)), name))
        else:
            heappop(heap)
        if start < cursor:
            continue
        while index < last and segments[index][1] <= start:
            index += 1
        at, end, _ = segments[index]
        if start < at or stop > end:
            continue
        if start > at and ((c := text[start - 1]).isalnum() or c == "_"):
            continue
        if stop < end and ((c := text[stop]).isalnum() or c == "_"):
            continue
        cursor = stop
        ident, href = targets[name]
        if ident in linked:
            continue
        linked.add(ident)
        unlinked -= 1
        links.append((start, stop, href))
    return links


def _is_word(char: str) -> bool:
    """``re``'s ``\\w`` for one character (as ``filters.whole_words`` reads word boundaries)."""
    return char.isalnum() or char == "_"


class _Linker:
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
