"""Small helpers the analysis modules share: where a span sits, who is named in it.

Every analysis starts from offsets into ``Article.text`` (the extractors' contract), so the
same questions come up everywhere: which sentence holds this offset, which entities are
mentioned between two offsets, how to cut a readable excerpt around a span.  They live
here once, as pure functions over the assembled ``Site`` values.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from ..models import ArticlePage, EntityMentions, EntityType, Sentence

# A word: letters/digits, hyphens and apostrophes inside.  Possessive quantifiers match
# exactly what ``\w+(?:[-‐'’]\w+)*`` matches (a separator is never a word character, so
# giving back characters can never let the group match more), without the backtracking.
_WORD = re.compile(r"\w++(?:[-‐'’]\w++)*+")
# Split on words (kept by the group): gaps and words alternate, so one C-level split gives
# every word and, summing lengths, its offsets, without a match object or tuple per word.
_WORD_SPLIT = re.compile(r"(\w++(?:[-‐'’]\w++)*+)")
# The one character that folds to a single character of another kind (a combining mark,
# not a word character, folding to the letter iota, which is one): checked against every
# code point, see tests/test_analysis_rules.py.
_FOLDS_INTO_A_WORD = "\u0345"

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


class NamedIn(NamedTuple):
    """An entity named inside a span, with the offset of its first mention there (a tuple:
    one is made for every name of every dated sentence)."""

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
    found = _WORD.findall(text)
    # Casefolding is per character, so folding the joined words folds each one, in C.
    return "\0".join(found).casefold().split("\0") if found else []


@dataclass(frozen=True)
class Words:
    """Every word of a text as parallel tuples: lowercase form, start and end offsets.

    The same information as ``token_spans``, built with a handful of C-level passes instead
    of a tuple per word: the analyses read the words of every article, and a 10,000-article
    dossier has millions of them.
    """

    words: tuple[str, ...]
    starts: Sequence[int]  # machine-integer arrays: every word of every article is held at once
    ends: Sequence[int]

    def between(self, start: int, end: int) -> tuple[int, int]:
        """Index range of the words starting at or after ``start`` and before ``end``."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def spans(self, first: int, last: int) -> list[tuple[str, int, int]]:
        """``token_spans`` form of the words ``first``..``last`` (a sentence, say)."""
        return list(zip(self.words[first:last], self.starts[first:last], self.ends[first:last], strict=True))


def word_spans(text: str, vocabulary: dict[str, str] | None = None) -> Words:
    """The ``Words`` of ``text`` (the same words and offsets as ``token_spans``).

    ``vocabulary``: one string object per distinct word, shared by the calls that pass the
    same dict (the words of every article are held at once; most are repeats)."""
    folded_text = text.casefold()
    if len(folded_text) == len(text) and _FOLDS_INTO_A_WORD not in text:
        # Every character folded to exactly one (folding never shortens), and to a word
        # character exactly when it was one: the folded text splits into the same words
        # at the same offsets, already folded (one C pass over the text, not over the words).
        parts = _WORD_SPLIT.split(folded_text)  # gap, word, gap, word, ..., gap
        if len(parts) == 1:
            return Words((), array("q"), array("q"))
        folded = parts[1::2]
    else:
        parts = _WORD_SPLIT.split(text)
        if len(parts) == 1:
            return Words((), array("q"), array("q"))
        folded = "\0".join(parts[1::2]).casefold().split("\0")
    offsets = array("q", accumulate(map(len, parts)))  # start of each word, its end, the next start...
    if vocabulary is not None:
        folded = map(vocabulary.setdefault, folded, folded)
    return Words(tuple(folded), offsets[0:-1:2], offsets[1::2])


class ArticleIndex:
    """Lookups into one article, built once: which sentence holds an offset, who is named
    between two offsets.  The analyses ask these for every date, quote and mention; scanning
    the article's entities for each would make the work grow with their product."""

    def __init__(self, page: ArticlePage) -> None:
        self.page = page
        self.sentences = page.extraction.sentences
        self.sentence_starts = [s.start for s in self.sentences]
        # The sorted mentions, made on first use (many articles are asked only for sentences).
        self._mention_starts: list[int] | None = None
        self._mentions: list[tuple[int, int, int]] = []

    def _sort_mentions(self) -> list[int]:
        mentions = [(m.start, m.end, n) for n, e in enumerate(self.page.extraction.entities) for m in e.mentions]
        mentions.sort()
        self._mentions = mentions
        self._mention_starts = starts = [m[0] for m in mentions]
        return starts

    def sentence_of(self, offset: int) -> int | None:
        """``sentence_index`` of the article's sentences."""
        index = bisect_right(self.sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return index
        return None

    def mentions_from(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, entity number) of the mentions starting from ``start`` to ``end`` inclusive."""
        starts = self._mention_starts if self._mention_starts is not None else self._sort_mentions()
        return self._mentions[bisect_left(starts, start):bisect_right(starts, end)]

    def first_mentions(self, start: int, end: int, types: tuple[EntityType, ...]) -> dict[int, int]:
        """Entity number -> its first mention wholly within ``start``-``end``, for the entities
        of ``types``, in the order of those mentions (unsorted ``named_in``: for callers to
        whom the order does not matter)."""
        entities = self.page.extraction.entities
        firsts: dict[int, int] = {}
        for m_start, m_end, n in self.mentions_from(start, end):
            if m_end <= end and n not in firsts and entities[n].type in types:
                firsts[n] = m_start  # mentions come in start order: the first is the earliest
        return firsts

    def named_in(self, start: int, end: int,
                 types: tuple[EntityType, ...] = ("person", "place", "organization")) -> tuple[NamedIn, ...]:
        """``entities_in`` of this article, from the sorted mentions."""
        entities = self.page.extraction.entities
        firsts = self.first_mentions(start, end, types)
        # Sorted by (first, type, key); entities equal in all three stay in entity order, as
        # a stable sort of the entities would leave them.
        order = sorted((first, entities[n].type, entities[n].key, n) for n, first in firsts.items())
        return tuple(NamedIn(entities[n], first) for first, _, _, n in order)

def first_word_start(text: str) -> int:
    """Offset of the first word of ``text`` (-1 when it has none)."""
    found = _WORD.search(text)
    return found.start() if found else -1


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
