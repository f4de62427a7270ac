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

from bisect import bisect_right
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
SAME_SHARE = 0.5  # two spans are one passage when shared shingles cover this much of the shorter one


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


def sentence_of_words(page: ArticlePage, words: Sequence[tuple[str, int, int]]) -> list[int]:
    """Sentence number of each word (-1 outside every sentence).  Shingles and spans stay
    inside one sentence, so a sentence end shared by chance ("... Korea Utara." + "Kami ...")
    never joins two stories; consecutive shared sentences join again later, when the same
    articles share both."""
    starts = [s.start for s in page.extraction.sentences]
    ends = [s.end for s in page.extraction.sentences]
    numbers = []
    for _, start, _ in words:
        index = bisect_right(starts, start) - 1
        numbers.append(index if index >= 0 and start < ends[index] else -1)
    return numbers


def _shingle_index(spans: Sequence[Sequence[tuple[str, int, int]]],
                   units: Sequence[Sequence[int]]) -> dict[int, list[tuple[int, int]]]:
    """Shingle -> [(article, position)], for shingles in 2..MAX_ARTICLES_PER_SHINGLE articles.

    Keys are hashes of the word tuples: a dict keyed by the tuples themselves holds every
    word of the corpus five times over.  Only insertion order is ever iterated, so the
    per-process hash salt cannot change the result (a 64-bit collision could at worst link
    two unrelated shingles).
    """
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for article, words in enumerate(spans):
        plain = [w for w, _, _ in words]
        unit = units[article]
        # hashed in C over zipped word lists, not sliced word by word in Python
        shingles = map(hash, zip(*(plain[k:] for k in range(SHINGLE)), strict=False))
        for position, (key, first, last) in enumerate(zip(shingles, unit, unit[SHINGLE - 1:], strict=False)):
            if first == last >= 0:
                index[key].append((article, position))
    kept = {}
    for key, postings in index.items():
        if len(postings) > 1:
            articles = {article for article, _ in postings}
            if 1 < len(articles) <= MAX_ARTICLES_PER_SHINGLE:
                kept[key] = postings
    return kept


def _covered_spans(units: Sequence[int], positions: Sequence[int]) -> list[tuple[int, int]]:
    """Word ranges [first, last) covered by shared shingles, joined across gaps of at most
    MAX_GAP words within a sentence; ranges shorter than MIN_WORDS are dropped (shared idiom
    such as "antara Rusia dan Korea Utara" is not a passage)."""
    length = len(units)
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
        while k < length and covered[k] and units[k] == units[first]:
            k += 1
        if spans and first - spans[-1][1] <= MAX_GAP and units[spans[-1][0]] == units[first]:
            spans[-1] = (spans[-1][0], k)
        else:
            spans.append((first, k))
    return [(first, last) for first, last in spans if last - first >= MIN_WORDS]


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _link_spans(index: dict[int, list[tuple[int, int]]], node_at: dict[int, list[int]],
                nodes: Sequence[tuple[int, int, int]]) -> list[int]:
    """Union spans that are mostly the same text: the shingles they share cover at least
    ``SAME_SHARE`` of the shorter one's words (words, not shingles: one edited word breaks
    five shingles but only one word).  Shared shingles are counted against the first span
    that has each shingle (a star, not all pairs), so a hot shingle costs its postings, not
    their square."""
    covered: dict[tuple[int, int], set[int]] = defaultdict(set)
    for postings in index.values():
        located = list(dict.fromkeys((node_at[a][p], p) for a, p in postings if node_at[a][p] >= 0))
        if len(located) < 2:
            continue
        first, position = located[0]
        for node, _ in located[1:]:
            if node != first:
                covered[(first, node)].update(range(position, position + SHINGLE))
    parent = list(range(len(nodes)))
    for (a, b), words in covered.items():
        shorter = min(nodes[a][2] - nodes[a][1], nodes[b][2] - nodes[b][1])
        if nodes[a][0] != nodes[b][0] and len(words) >= SAME_SHARE * shorter:
            parent[_find(parent, b)] = _find(parent, a)
    return parent


def _join_consecutive(groups: list[list[int]], nodes: Sequence[tuple[int, int, int]]) -> list[list[int]]:
    """Join passages that follow each other in every article that carries them (a copied
    paragraph is one passage, not one per sentence)."""
    group_of = {node: g for g, members in enumerate(groups) for node in members}
    articles = [frozenset(nodes[n][0] for n in members) for members in groups]
    by_article: dict[int, list[int]] = defaultdict(list)
    for node in sorted(group_of, key=lambda n: (nodes[n][0], nodes[n][1])):
        by_article[nodes[node][0]].append(node)
    follows: dict[tuple[int, int], int] = defaultdict(int)
    for article_nodes in by_article.values():
        for before, after in zip(article_nodes, article_nodes[1:], strict=False):
            g1, g2 = group_of[before], group_of[after]
            if g1 != g2 and articles[g1] == articles[g2] and nodes[after][1] - nodes[before][2] <= MAX_GAP:
                follows[(g1, g2)] += 1
    parent = list(range(len(groups)))
    for (g1, g2), count in follows.items():
        if count == len(articles[g1]) == len(groups[g1]) == len(groups[g2]):
            parent[_find(parent, g2)] = _find(parent, g1)
    joined: dict[int, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        joined[_find(parent, g)].extend(members)
    return list(joined.values())


def find_shared_passages(pages: Sequence[ArticlePage],
                         words: Sequence[Sequence[tuple[str, int, int]]] | None = None) -> tuple[SharedPassage, ...]:
    """Every passage at least ``MIN_WORDS`` long that two or more of ``pages`` share.

    One pass over the shingle index, no pairs of articles: each article's shared words form
    spans within its sentences; spans that are mostly the same text are one passage
    (union-find), so a wire story carried by twenty outlets is one passage with twenty
    occurrences; passages that follow each other in all their articles are joined.
    ``words``: each page's ``token_spans``, when the caller has them already.
    """
    spans = words if words is not None else [token_spans(page.article.text) for page in pages]
    units = [sentence_of_words(page, words) for page, words in zip(pages, spans, strict=True)]
    index = _shingle_index(spans, units)
    positions: dict[int, list[int]] = defaultdict(list)
    for postings in index.values():
        for article, position in postings:
            positions[article].append(position)
    nodes: list[tuple[int, int, int]] = []  # (article, first word, last word)
    node_at: dict[int, list[int]] = {}  # article -> node id of each word (-1: not shared)
    for article in sorted(positions):
        ids = [-1] * len(spans[article])
        for first, last in _covered_spans(units[article], positions[article]):
            for k in range(first, last):
                ids[k] = len(nodes)
            nodes.append((article, first, last))
        node_at[article] = ids
    parent = _link_spans(index, node_at, nodes)
    grouped: dict[int, list[int]] = defaultdict(list)
    for node in range(len(nodes)):
        grouped[_find(parent, node)].append(node)
    # Text in more than MAX_ARTICLES_PER_SHINGLE articles is boilerplate (a template, an
    # outlet's footer), whether one shingle or a chain of near-copies says so.
    groups = [members for members in grouped.values()
              if 1 < len({nodes[n][0] for n in members}) <= MAX_ARTICLES_PER_SHINGLE]

    passages = []
    for members in _join_consecutive(groups, nodes):
        runs: list[tuple[int, int, int]] = []  # (article, first, last): consecutive nodes joined
        for node in sorted(members, key=lambda n: nodes[n]):
            article, first, last = nodes[node]
            if runs and runs[-1][0] == article and first - runs[-1][2] <= MAX_GAP:
                runs[-1] = (article, runs[-1][1], last)
            else:
                runs.append((article, first, last))
        occurrences = []
        for article, first, last in runs:
            start, end = spans[article][first][1], spans[article][last - 1][2]
            occurrences.append(PassageOccurrence(pages[article], start, end, pages[article].article.text[start:end]))
        passages.append((occurrences, max(last - first for _, first, last in runs)))
    passages.sort(key=lambda p: (-len(p[0]), -p[1], p[0][0].article.article.slug, p[0][0].start))
    return tuple(SharedPassage(f"passage-{n}", words, tuple(occ)) for n, (occ, words) in enumerate(passages, 1))
