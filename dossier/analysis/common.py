"""Small helpers the analysis modules share: where a span sits, who is named in it.

Every analysis starts from offsets into ``Article.text`` (the extractors' contract), so the
same questions come up everywhere: which sentence holds this offset, which entities are
mentioned between two offsets, how to cut a readable excerpt around a span.  They live
here once, as pure functions over the assembled ``Site`` values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import ArticlePage, EntityMentions, EntityType, Sentence

_WORD = re.compile(r"\w+(?:[-‐'’]\w+)*")


def sentence_index(sentences: Sequence[Sentence], offset: int) -> int | None:
    """Index of the sentence containing ``offset`` (sentences are sorted by start)."""
    low, high = 0, len(sentences)
    while low < high:
        middle = (low + high) // 2
        if sentences[middle].start <= offset:
            low = middle + 1
        else:
            high = middle
    index = low - 1
    if index >= 0 and sentences[index].start <= offset < sentences[index].end:
        return index
    return None


@dataclass(frozen=True)
class NamedIn:
    """An entity named inside a span, with the offset of its first mention there."""

    entity: EntityMentions
    first: int


def entities_in(page: ArticlePage, start: int, end: int,
                types: tuple[EntityType, ...] = ("person", "place", "organization")) -> tuple[NamedIn, ...]:
    """Entities of ``types`` mentioned between ``start`` and ``end``, in order of first mention."""
    found = []
    for entity in page.extraction.entities:
        if entity.type not in types:
            continue
        inside = [m.start for m in entity.mentions if start <= m.start and m.end <= end]
        if inside:
            found.append(NamedIn(entity, min(inside)))
    found.sort(key=lambda n: (n.first, n.entity.type, n.entity.key))
    return tuple(found)


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; hyphenated and apostrophised words stay one token."""
    return [w.casefold() for w in _WORD.findall(text)]


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """(lowercase token, start, end) for every word of ``text``: offsets survive normalisation."""
    folded = text.casefold()
    if len(folded) == len(text):  # casefolding only ever lengthens: equal length means aligned
        return [(folded[start:end], start, end) for start, end in (m.span() for m in _WORD.finditer(text))]
    return [(m.group(0).casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


def excerpt(sentence: Sentence, start: int, end: int, max_chars: int = 180) -> str:
    """The sentence, or when it is long a window of whole words around ``start``–``end``.

    Timeline entries must stay one line of reading; the full sentence stays available to
    the page, this is only the short form.
    """
    text = sentence.text
    if len(text) <= max_chars:
        return text
    local_start, local_end = start - sentence.start, end - sentence.start
    room = max(0, max_chars - (local_end - local_start))
    left = max(0, local_start - room * 2 // 3)
    right = min(len(text), local_end + room - (local_start - left))
    while 0 < left < local_start and not text[left - 1].isspace():  # start on a whole word
        left += 1
    while local_end < right < len(text) and not text[right].isspace():  # end on a whole word
        right -= 1
    snippet = text[left:right].strip(" ,;:")
    return ("… " if left > 0 else "") + snippet + (" …" if right < len(text) else "")
