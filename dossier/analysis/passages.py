"""Shared passages: text two or more articles carry nearly word for word (reused wire copy).

How: every article's words are cut into overlapping shingles of ``SHINGLE`` words, and an
inverted index maps each shingle to where it occurs.  Only articles that share a shingle
are ever compared, and only at the shared positions: seeds on the same diagonal (same
offset between the two articles) chain into runs, and runs a few words apart join, so a
changed word or a reworded name ("Korea Utara" / "Republik Rakyat Demokratik Korea") does
not cut a passage in two.  The work grows with the text actually shared, not with the
number of article pairs, which is what lets this run on thousands of articles.

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


@dataclass(frozen=True)
class _Match:
    a: int  # article indexes, a < b
    b: int
    a_first: int  # token ranges, inclusive first, exclusive last
    a_last: int
    b_first: int
    b_last: int


def _runs(seeds: list[tuple[int, int]], a: int, b: int) -> list[_Match]:
    """Chain shingle seeds (position in a, position in b) into runs, then join nearby runs."""
    by_diagonal: dict[int, list[int]] = defaultdict(list)
    for pa, pb in seeds:
        by_diagonal[pa - pb].append(pa)
    runs: list[tuple[int, int, int]] = []  # (a_first, a_last, diagonal)
    for diagonal, positions in by_diagonal.items():
        positions.sort()
        first = previous = positions[0]
        for p in positions[1:]:
            if p > previous + 1:
                runs.append((first, previous + SHINGLE, diagonal))
                first = p
            previous = p
        runs.append((first, previous + SHINGLE, diagonal))
    runs.sort()
    matches: list[_Match] = []
    for a_first, a_last, diagonal in runs:
        b_first, b_last = a_first - diagonal, a_last - diagonal
        if matches:
            last = matches[-1]
            if (a_first - last.a_last <= MAX_GAP and -SHINGLE <= b_first - last.b_last <= MAX_GAP
                    and b_last > last.b_last):
                matches[-1] = _Match(a, b, last.a_first, max(last.a_last, a_last), last.b_first,
                                     max(last.b_last, b_last))
                continue
        matches.append(_Match(a, b, a_first, a_last, b_first, b_last))
    return [m for m in matches if min(m.a_last - m.a_first, m.b_last - m.b_first) >= MIN_WORDS]


def _pair_seeds(spans: Sequence[Sequence[tuple[str, int, int]]]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for article, words in enumerate(spans):
        for position in range(len(words) - SHINGLE + 1):
            shingle = tuple(w for w, _, _ in words[position:position + SHINGLE])
            index[shingle].append((article, position))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for postings in index.values():
        articles = {article for article, _ in postings}
        if len(articles) < 2 or len(articles) > MAX_ARTICLES_PER_SHINGLE:
            continue
        for i, (article_a, pa) in enumerate(postings):
            for article_b, pb in postings[i + 1:]:
                if article_a != article_b:
                    pairs[(article_a, article_b)].append((pa, pb))
    return pairs


def _find(parent: dict[tuple[int, int, int], tuple[int, int, int]],
          node: tuple[int, int, int]) -> tuple[int, int, int]:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def find_shared_passages(pages: Sequence[ArticlePage]) -> tuple[SharedPassage, ...]:
    """Every passage at least ``MIN_WORDS`` long that two or more of ``pages`` share."""
    spans = [token_spans(page.article.text) for page in pages]
    matches = [m for (a, b), seeds in sorted(_pair_seeds(spans).items()) for m in _runs(seeds, a, b)]

    # Occurrences are (article, first token, last token); one passage = overlapping occurrences
    # joined through pairwise matches.
    parent: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    for m in matches:
        for node in ((m.a, m.a_first, m.a_last), (m.b, m.b_first, m.b_last)):
            parent.setdefault(node, node)
        parent[_find(parent, (m.a, m.a_first, m.a_last))] = _find(parent, (m.b, m.b_first, m.b_last))
    by_article: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for node in parent:
        by_article[node[0]].append(node)
    for nodes in by_article.values():  # overlapping occurrences in one article are one occurrence
        nodes.sort()
        for previous, node in zip(nodes, nodes[1:], strict=False):
            if node[1] < previous[2]:
                parent[_find(parent, node)] = _find(parent, previous)

    groups: dict[tuple[int, int, int], list[tuple[int, int, int]]] = defaultdict(list)
    for node in sorted(parent):
        groups[_find(parent, node)].append(node)
    passages = []
    for nodes in groups.values():
        ranges: dict[int, tuple[int, int]] = {}
        for article, first, last in nodes:
            low, high = ranges.get(article, (first, last))
            ranges[article] = (min(low, first), max(high, last))
        occurrences = []
        for article in sorted(ranges):
            first, last = ranges[article]
            words = spans[article]
            start, end = words[first][1], words[last - 1][2]
            occurrences.append(PassageOccurrence(pages[article], start, end, pages[article].article.text[start:end]))
        words_long = max(last - first for first, last in ranges.values())
        passages.append((occurrences, words_long))
    passages.sort(key=lambda p: (-len(p[0]), -p[1], p[0][0].article.article.slug, p[0][0].start))
    return tuple(SharedPassage(f"passage-{n}", words, tuple(occ)) for n, (occ, words) in enumerate(passages, 1))
