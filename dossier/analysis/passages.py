"""Shared passages: text two or more articles carry nearly word for word (reused wire copy).

How: every article's words are cut into overlapping shingles of ``SHINGLE`` words, and an
inverted index maps each shingle to where it occurs.  The words of an article covered by
shingles that other articles also have are its shared spans; spans a few words apart join,
so a changed word or a reworded name ("Korea Utara" / "Republik Rakyat Demokratik Korea")
does not cut a passage in two.  Spans linked by a common shingle are one passage.  Articles
are never compared pairwise: the work is one pass over the index, which is what lets this
run on thousands of articles.

Why not a library: MinHash/LSH (datasketch) estimates which *documents* are similar and
says nothing about *where*; we need the exact passage offsets to highlight, and an exact
shingle index gives them directly, deterministically, with no numpy/scipy at build time.
Shingles that occur in very many articles (outlet boilerplate) are dropped from the index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import ArticlePage
from .common import token_spans

SHINGLE = 5  # words per shingle: long enough to be rare in prose, short enough to catch quotes
MIN_WORDS = 8  # a shared passage is at least this long (shorter shared phrases are idiom)
MAX_GAP = 3  # words that may differ inside a passage on either side
MAX_ARTICLES_PER_SHINGLE = 50  # a shingle in more articles than this is boilerplate


@dataclass(frozen=True)
class PassageOccurrence:
    """Where one article carries a shared passage: offsets into ``Article.text``."""

    article: ArticlePage
    start: int
    end: int
    text: str

    @property
    def outlet(self) -> str:
        return self.article.article.outlet

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article.article.slug, "outlet": self.outlet, "start": self.start,
                "end": self.end, "text": self.text}


@dataclass(frozen=True)
class SharedPassage:
    """A passage carried by several articles, with each article's own wording and offsets."""

    id: str
    words: int  # length of the longest occurrence, in words
    occurrences: tuple[PassageOccurrence, ...]  # one per article, in site order

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.outlet for o in self.occurrences))

    @property
    def identical(self) -> bool:
        """True when every article has exactly the same words (not just nearly)."""
        return len({" ".join(o.text.split()) for o in self.occurrences}) == 1

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "words": self.words, "outlets": list(self.outlets), "identical": self.identical,
                "occurrences": [o.to_json() for o in self.occurrences]}


def paragraph_of_words(text: str, words: Sequence[tuple[str, int, int]]) -> list[int]:
    """Paragraph number of each word: passages and shingles stay inside one paragraph, so a
    sentence end shared by chance ("... Korea Utara." + "Kami ...") never joins two stories."""
    numbers = []
    paragraph = 0
    previous_end = 0
    for _, start, end in words:
        if "\n" in text[previous_end:start]:
            paragraph += 1
        numbers.append(paragraph)
        previous_end = end
    return numbers


def _shingle_index(spans: Sequence[Sequence[tuple[str, int, int]]],
                   paragraphs: Sequence[Sequence[int]]) -> dict[int, list[tuple[int, int]]]:
    """Shingle -> [(article, position)], for shingles in 2..MAX_ARTICLES_PER_SHINGLE articles.

    Keys are hashes of the word tuples: a dict keyed by the tuples themselves holds every
    word of the corpus five times over.  Only insertion order is ever iterated, so the
    per-process hash salt cannot change the result (a 64-bit collision could at worst link
    two unrelated shingles).
    """
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for article, words in enumerate(spans):
        plain = [w for w, _, _ in words]
        para = paragraphs[article]
        # hashed in C over zipped word lists, not sliced word by word in Python
        shingles = map(hash, zip(*(plain[k:] for k in range(SHINGLE)), strict=False))
        for position, (key, first, last) in enumerate(zip(shingles, para, para[SHINGLE - 1:], strict=False)):
            if first == last:
                index[key].append((article, position))
    kept = {}
    for key, postings in index.items():
        if len(postings) > 1:
            articles = {article for article, _ in postings}
            if 1 < len(articles) <= MAX_ARTICLES_PER_SHINGLE:
                kept[key] = postings
    return kept


def _covered_spans(words: Sequence[tuple[str, int, int]], paragraphs: Sequence[int],
                   positions: Sequence[int]) -> list[tuple[int, int]]:
    """Word ranges [first, last) covered by shared shingles, joined across gaps of at most
    MAX_GAP words within a paragraph; ranges shorter than MIN_WORDS are dropped (shared idiom
    such as "antara Rusia dan Korea Utara" must not link two stories into one passage)."""
    length = len(words)
    covered = [False] * length
    for p in positions:
        for k in range(p, min(p + SHINGLE, length)):
            covered[k] = True
    spans: list[tuple[int, int]] = []
    k = 0
    while k < length:
        if not covered[k]:
            k += 1
            continue
        first = k
        while k < length and covered[k] and paragraphs[k] == paragraphs[first]:
            k += 1
        if spans and first - spans[-1][1] <= MAX_GAP and paragraphs[spans[-1][0]] == paragraphs[first]:
            spans[-1] = (spans[-1][0], k)
        else:
            spans.append((first, k))
    return [(first, last) for first, last in spans if last - first >= MIN_WORDS]


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def find_shared_passages(pages: Sequence[ArticlePage]) -> tuple[SharedPassage, ...]:
    """Every passage at least ``MIN_WORDS`` long that two or more of ``pages`` share.

    One pass over the shingle index, no pairs of articles: each article's shared words form
    spans; spans linked by a common shingle are one passage (union-find), so a wire story
    carried by twenty outlets is one passage with twenty occurrences.
    """
    spans = [token_spans(page.article.text) for page in pages]
    paragraphs = [paragraph_of_words(page.article.text, words) for page, words in zip(pages, spans, strict=True)]
    index = _shingle_index(spans, paragraphs)
    positions: dict[int, list[int]] = defaultdict(list)
    for postings in index.values():
        for article, position in postings:
            positions[article].append(position)
    nodes: list[tuple[int, int, int]] = []  # (article, first word, last word)
    node_at: dict[int, list[int]] = {}  # article -> node id of each word (-1: not shared)
    for article in sorted(positions):
        ids = [-1] * len(spans[article])
        for first, last in _covered_spans(spans[article], paragraphs[article], positions[article]):
            for k in range(first, last):
                ids[k] = len(nodes)
            nodes.append((article, first, last))
        node_at[article] = ids
    parent = list(range(len(nodes)))
    for postings in index.values():
        linked = [node_at[article][position] for article, position in postings if node_at[article][position] >= 0]
        if len(linked) < 2:
            continue
        root = _find(parent, linked[0])
        for node in linked[1:]:
            other = _find(parent, node)
            if other != root:
                parent[other] = root
    groups: dict[int, list[int]] = defaultdict(list)
    for node in range(len(nodes)):
        groups[_find(parent, node)].append(node)

    passages = []
    for members in groups.values():
        occurrences = []
        words_long = max(nodes[node][2] - nodes[node][1] for node in members)
        for node in members:
            article, first, last = nodes[node]
            words = spans[article]
            start, end = words[first][1], words[last - 1][2]
            occurrences.append(PassageOccurrence(pages[article], start, end, pages[article].article.text[start:end]))
        if len({id(o.article) for o in occurrences}) < 2:
            continue
        passages.append((occurrences, words_long))
    passages.sort(key=lambda p: (-len(p[0]), -p[1], p[0][0].article.article.slug, p[0][0].start))
    return tuple(SharedPassage(f"passage-{n}", words, tuple(occ)) for n, (occ, words) in enumerate(passages, 1))
