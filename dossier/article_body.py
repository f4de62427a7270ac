"""An article's body as HTML: entity names linked, passages other outlets share marked.

The article page's main text.  markdown-it turns the Markdown into tokens, the text tokens
are rewritten (first mention of each entity linked, shared spans marked) and rendered; a
body of plain blocks — nearly every news article — is laid out directly, with the same
linking, because markdown-it's pure-Python parser cost more than all the rest of the page.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from heapq import heapify, heappop, heapreplace

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

from .body_linker import Linker
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
    linker = Linker(page.article.text, spans, targets) if spans or targets else None
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


def _plain_html(blocks: list[tuple[str, list[str]]], linker: Linker | None) -> Iterator[str]:
    """markdown-it's HTML of plain blocks, each text linked and marked as ``Linker`` does it."""
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
    """``_plain_html`` with ``Linker``'s links and marks, in one pass over the article, or
    None when ``text`` is not what the blocks read as (their lines joined by a space, blocks
    by a blank line, as ``markup`` reads a plain body), so no line's offset is known.

    Each line is a piece of ``text`` at a known offset, cut into segments at the shared
    spans' ends inside it (``Linker._marked_pieces``).  The first mentions are chosen in one
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
    ``Linker._link`` links them segment by segment: within a segment the longest name at a
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
