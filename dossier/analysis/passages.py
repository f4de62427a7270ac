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

from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, repeat
from operator import add, and_, floordiv, ge, lt, mod, mul, ne, or_, sub
from typing import Any

from ..models import ArticlePage
from .common import Words, word_spans

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


def sentence_blocks(page: ArticlePage, words: Words) -> list[tuple[int, int]]:
    """Word index range [first, last) of each sentence (words outside every sentence belong
    to none).  Shingles and spans stay inside one sentence, so a sentence end shared by
    chance ("... Korea Utara." + "Kami ...") never joins two stories; consecutive shared
    sentences join again later, when the same articles share both."""
    sentences = page.extraction.sentences
    starts = repeat(words.starts)
    return list(zip(map(bisect_left, starts, [s.start for s in sentences]),
                    map(bisect_left, starts, [s.end for s in sentences]), strict=True))


@dataclass(frozen=True)
class _Shingles:
    """The shingles of one article that lie inside a sentence: word position and hash."""

    # Machine-integer arrays, not lists of int objects: a 10,000-article dossier has
    # millions of shingles, and these are held for all articles at once.
    positions: array[int]
    hashes: array[int]
    sentence: array[int]  # the sentence number of each shingle


def _article_shingles(words: Words, blocks: Sequence[tuple[int, int]]) -> _Shingles:
    """Keys are hashes of the word tuples: a dict keyed by the tuples themselves holds every
    word of the corpus five times over.  Only insertion order is ever iterated, so the
    per-process hash salt cannot change the result (a 64-bit collision could at worst link
    two unrelated shingles).  A shingle lies inside a sentence when it starts at most
    ``SHINGLE`` words before its end: marked per sentence (the sentences come in order and
    never overlap), not compared word by word."""
    plain = words.words
    windows = len(plain) - SHINGLE + 1
    inside = bytearray(max(windows, 0))
    numbers = []
    for number, (first, last) in enumerate(blocks):
        if last - first >= SHINGLE:
            inside[first:last - SHINGLE + 1] = b"\1" * (last - first - SHINGLE + 1)
            numbers.append(repeat(number, last - first - SHINGLE + 1))
    # hashed in C over zipped word lists, not sliced word by word in Python
    hashes = map(hash, compress(zip(*(plain[k:] for k in range(SHINGLE)), strict=False), inside))
    return _Shingles(array("l", compress(range(windows), inside)), array("q", hashes),
                     array("l", chain.from_iterable(numbers)))


Shingles = _Shingles  # what ``shingles_of`` gives, for the callers' type hints


def shingles_of(page: ArticlePage, words: Words) -> _Shingles:
    """The shingles of one article (``find_shared_passages``'s per-article part): the
    caller may work them out beside the words, on several processes, and pass them in."""
    return _article_shingles(words, sentence_blocks(page, words))


def _shared_keys(shingles: Sequence[_Shingles]) -> set[int]:
    """Shingles in 2..MAX_ARTICLES_PER_SHINGLE articles, counted in C (one set per article)
    rather than with a posting list per shingle (most shingles occur once)."""
    articles: Counter[int] = Counter()
    for article in shingles:
        articles.update(set(article.hashes))
    return {key for key, count in articles.items() if 1 < count <= MAX_ARTICLES_PER_SHINGLE}


@dataclass(frozen=True)
class _Postings:
    """Every shared shingle inside a span, in article and position order: its key, the
    span (node) it is in and its word position."""

    keys: list[int]
    nodes: list[int]
    positions: list[int]


def _article_nodes(article: int, shingles: _Shingles, keys: set[int],
                   nodes: list[tuple[int, int, int]], postings: _Postings) -> None:
    """The shared spans of one article become nodes, and their shingles postings.

    A span is the words covered by shared shingles, joined across gaps of at most MAX_GAP
    words within a sentence; spans shorter than MIN_WORDS are dropped (shared idiom such as
    "antara Rusia dan Korea Utara" is not a passage).  Positions come sorted, so a span is a
    run of positions at most SHINGLE + MAX_GAP apart in one sentence.
    """
    chosen = list(map(keys.__contains__, shingles.hashes))
    positions = list(compress(shingles.positions, chosen))
    if not positions:
        return
    hashes = list(compress(shingles.hashes, chosen))
    sentence = list(compress(shingles.sentence, chosen))
    apart = map(lt, repeat(SHINGLE + MAX_GAP), map(sub, positions[1:], positions))
    bounds = [0, *compress(range(1, len(positions)), map(or_, apart, map(ne, sentence[1:], sentence))),
              len(positions)]
    for begin, end in zip(bounds, bounds[1:], strict=False):
        first, last = positions[begin], positions[end - 1] + SHINGLE
        if last - first >= MIN_WORDS:
            postings.keys.extend(hashes[begin:end])
            postings.nodes.extend([len(nodes)] * (end - begin))
            postings.positions.extend(positions[begin:end])
            nodes.append((article, first, last))


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _link_spans(postings: _Postings, nodes: Sequence[tuple[int, int, int]]) -> list[int]:
    """Union spans that are mostly the same text: the shingles they share cover at least
    ``SAME_SHARE`` of the shorter one's words (words, not shingles: one edited word breaks
    five shingles but only one word).  Shared shingles are counted against the first span
    that has each shingle (a star, not all pairs), so a hot shingle costs its postings, not
    their square."""
    # The first posting of each key: written last when the postings are written backwards.
    first = dict(zip(reversed(postings.keys), range(len(postings.keys) - 1, -1, -1), strict=True))
    first_of = list(map(first.__getitem__, postings.keys))
    firsts = list(map(postings.nodes.__getitem__, first_of))
    others = list(map(ne, firsts, postings.nodes))
    # (other node, first node, position of the shingle in the first) as one sortable int:
    # sorted, each pair's shared shingles come together in position order.  Postings come
    # in node order and a copied passage's shingles in position order, so the list is
    # nearly sorted already (cheap for Timsort).  The stride leaves SHINGLE spare values,
    # so the step between two pairs is always SHINGLE or more.
    width = max(node[2] for node in nodes) + SHINGLE if nodes else SHINGLE
    pair_base = map(mul, map(add, map(mul, compress(postings.nodes, others), repeat(len(nodes))),
                             compress(firsts, others)), repeat(width))
    shared = sorted(map(add, pair_base, map(postings.positions.__getitem__, compress(first_of, others))))
    parent = list(range(len(nodes)))
    if not shared:
        return parent
    # Words a pair's shingles cover: windows of SHINGLE words, overlaps counted once, as
    # running sums of min(SHINGLE, step) (a new pair's step counts SHINGLE whole).
    running = list(accumulate(map(min, repeat(SHINGLE), map(sub, shared[1:], shared)), initial=SHINGLE))
    pairs = list(map(floordiv, shared, repeat(width)))
    begins = [0, *compress(range(1, len(pairs)), map(ne, pairs[1:], pairs))]
    lasts = [*map(sub, begins[1:], repeat(1)), len(pairs) - 1]
    # Per pair, in C: words covered, the shorter span, whether the two are in different articles.
    covered = map(add, map(sub, map(running.__getitem__, lasts), map(running.__getitem__, begins)), repeat(SHINGLE))
    others_of = list(map(pairs.__getitem__, begins))
    b_nodes = list(map(floordiv, others_of, repeat(len(nodes))))
    a_nodes = list(map(mod, others_of, repeat(len(nodes))))
    article = [node[0] for node in nodes]
    length = [node[2] - node[1] for node in nodes]
    shorter = map(min, map(length.__getitem__, a_nodes), map(length.__getitem__, b_nodes))
    enough = map(ge, covered, map(mul, repeat(SAME_SHARE), shorter))
    apart = map(ne, map(article.__getitem__, a_nodes), map(article.__getitem__, b_nodes))
    for a, b in compress(zip(a_nodes, b_nodes, strict=True), map(and_, apart, enough)):
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


def find_shared_passages(pages: Sequence[ArticlePage], words: Sequence[Words] | None = None,
                         shingles: Sequence[_Shingles] | None = None) -> tuple[SharedPassage, ...]:
    """Every passage at least ``MIN_WORDS`` long that two or more of ``pages`` share.

    One pass over the shingle index, no pairs of articles: each article's shared words form
    spans within its sentences; spans that are mostly the same text are one passage
    (union-find), so a wire story carried by twenty outlets is one passage with twenty
    occurrences; passages that follow each other in all their articles are joined.
    ``words``: each page's ``word_spans``, when the caller has them already; ``shingles``:
    each page's ``shingles_of`` of those words, likewise (read, never changed).
    """
    spans = words if words is not None else [word_spans(page.article.text) for page in pages]
    if shingles is None:
        shingles = [shingles_of(page, w) for page, w in zip(pages, spans, strict=True)]
    keys = _shared_keys(shingles)
    nodes: list[tuple[int, int, int]] = []  # (article, first word, last word)
    postings = _Postings([], [], [])
    for article, article_shingles in enumerate(shingles):
        _article_nodes(article, article_shingles, keys, nodes, postings)
    del shingles, keys
    parent = _link_spans(postings, nodes)
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
            start, end = spans[article].starts[first], spans[article].ends[last - 1]
            occurrences.append(PassageOccurrence(pages[article], start, end, pages[article].article.text[start:end]))
        passages.append((occurrences, max(last - first for _, first, last in runs)))
    passages.sort(key=lambda p: (-len(p[0]), -p[1], p[0][0].article.article.slug, p[0][0].start))
    return tuple(SharedPassage(f"passage-{n}", words, tuple(occ)) for n, (occ, words) in enumerate(passages, 1))
