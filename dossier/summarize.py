"""Extractive summary: the article's own sentences that best say what it is about.

News is written lead-first, so position is the strongest signal; but a lead can be a
dateline, a photo caption or a bare quotation, so two more signals weigh in: how much of
the article's cast (its most-mentioned people, places, organisations) a sentence names, and
how central it is (word overlap with the whole article).  Sentences that are mostly a
quotation, or too short or long to stand alone on an article card, are passed over; so is a
sentence that repeats one already chosen.  Chosen sentences come back in text order so the
summary reads like the article.  Everything is arithmetic on the text: deterministic.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import chain, pairwise

from .extract.dateline import dateline_spans
from .extract.quotes import quotations
from .models import Extraction, Sentence
from .text import OPEN_QUOTES

MIN_WORDS, MAX_WORDS = 8, 60
WEIGHTS = {"position": 0.45, "entities": 0.30, "centrality": 0.25}
MAX_OVERLAP = 0.5  # Jaccard similarity above which a sentence repeats a chosen one


_CONTENT_WORD = re.compile(r"\w{4,}")  # the words of text.words that are 4 or more characters long
_WORD_CHARACTER = re.compile(r"\w")
_WORD_ACROSS = re.compile(r"\w\w")


def _content_words(text: str) -> list[str]:
    """Words long enough to carry content; a language-neutral stand-in for a stop list.
    (Those of ``text.words`` with 4 or more characters and not only digits.)"""
    return _not_numbers(_CONTENT_WORD.findall(text.casefold()))


def _article_words(text: str, sentences: Sequence[Sentence]) -> tuple[list[str], list[list[str]]]:
    """``_content_words`` of the text and of each sentence, reading the text once.

    Reading words is most of summarizing.  When casefolding keeps every character one
    character long (it nearly always does), a sentence's casefolded text is the same slice
    of the casefolded article and is read in place; when, besides, the sentences hold every
    word of the text and cut none (as the splitter makes them), the article's words are
    theirs, one after another.
    """
    folded = text.casefold()
    if len(folded) != len(text) or not _hold_every_word(folded, sentences):
        return _content_words(text), [_content_words(s.text) for s in sentences]
    per_sentence = [_not_numbers(_CONTENT_WORD.findall(folded, s.start, s.end)) for s in sentences]
    return list(chain.from_iterable(per_sentence)), per_sentence


def _hold_every_word(text: str, sentences: Sequence[Sentence]) -> bool:
    """Are the sentences in order, apart, and is every word of ``text`` inside one of them?"""
    end = 0
    for sentence in sentences:
        if sentence.start < end or sentence.end < sentence.start:
            return False
        if sentence.start == end:
            if end and _WORD_ACROSS.match(text, end - 1):
                return False
        elif _WORD_CHARACTER.search(text, end, sentence.start):
            return False
        end = sentence.end
    return not _WORD_CHARACTER.search(text, end)


def _not_numbers(found: list[str]) -> list[str]:
    return [w for w in found if not w.isdigit()]


def _quoted_share(sentence: Sentence) -> float:
    """Share of the sentence inside quotation marks (``QUOTATION``'s matches, found in linear
    time: the regex retried every unclosed mark, quadratic on a sentence full of them)."""
    if '"' not in sentence.text and "“" not in sentence.text:  # QUOTATION's opening marks
        return 0.0
    quoted = sum(end - start for start, end in quotations(sentence.text))
    return quoted / max(1, len(sentence.text))


def _eligible(sentence: Sentence) -> bool:
    """Long enough to say something, short enough for a card, and the writer's own words."""
    n = len(sentence.text.split())
    quote_led = sentence.text[:1] in OPEN_QUOTES
    return (MIN_WORDS <= n <= MAX_WORDS and not quote_led and _quoted_share(sentence) < 0.4
            and not sentence.text.endswith(":"))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _named_keys(extraction: Extraction) -> list[list[str]]:
    """Per sentence, the keys of the entities mentioned in it, in the order the entities come.

    A mention belongs to the sentence that contains its start.  Sentences come sorted and
    disjoint from the splitter, so that is one bisection per mention; checking each
    sentence against every mention was the slowest part of summarizing.
    """
    sentences = extraction.sentences
    named: list[list[str]] = [[] for _ in sentences]
    ordered = all(a.end <= b.start and a.start <= a.end for a, b in pairwise(sentences))
    if not ordered:  # not from split_sentences: the plain way
        for index, sentence in enumerate(sentences):
            named[index] = [e.key for e in extraction.entities for m in e.mentions
                            if sentence.start <= m.start < sentence.end]
        return named
    starts = [s.start for s in sentences]
    for entity in extraction.entities:
        for mention in entity.mentions:
            index = bisect_right(starts, mention.start) - 1
            if index >= 0 and mention.start < sentences[index].end:
                named[index].append(entity.key)
    return named


def _scores_and_words(text: str, extraction: Extraction) -> tuple[list[float], list[list[str]]]:
    """The score each sentence would have if it were eligible (``score_sentences`` before
    ``_eligible``), and the content words of each sentence (for the overlap test)."""
    sentences = extraction.sentences
    article_words, sentence_words = _article_words(text, sentences)
    article = Counter(article_words)
    article_norm = math.sqrt(sum(v * v for v in article.values()))
    total_mentions = sum(len(e.mentions) for e in extraction.entities) or 1
    salience = {e.key: len(e.mentions) / total_mentions for e in extraction.entities}
    raw: list[tuple[float, float, float]] = []
    count_in_article = article.__getitem__
    for index, (words, keys) in enumerate(zip(sentence_words, _named_keys(extraction), strict=True)):
        # the keys as a set, as before: the float sum adds in the set's order
        entities = sum(map(salience.__getitem__, set(keys))) if keys else 0
        # cosine similarity of the sentence's word counts with the article's: the dot product
        # is the article's count of each word of the sentence, summed; the sentence's norm
        # is the root of its squared counts, which are all 1 when no word repeats
        dot = sum(map(count_in_article, words))
        squares = len(words) if len(set(words)) == len(words) else sum(v * v for v in Counter(words).values())
        norm = math.sqrt(squares) * article_norm
        raw.append((1.0 / math.sqrt(1 + index), entities, dot / norm if norm else 0.0))
    peaks = [max((r[i] for r in raw), default=0.0) or 1.0 for i in range(3)]
    scores = [WEIGHTS["position"] * position / peaks[0] + WEIGHTS["entities"] * entities / peaks[1]
              + WEIGHTS["centrality"] * centrality / peaks[2] for position, entities, centrality in raw]
    return scores, sentence_words


def score_sentences(text: str, extraction: Extraction) -> list[float]:
    """A score in [0, 1] per sentence of ``extraction.sentences`` (0 for ineligible ones)."""
    scores = _scores_and_words(text, extraction)[0]
    return [score if _eligible(sentence) else 0.0 for sentence, score in zip(extraction.sentences, scores, strict=True)]


def summarize(text: str, extraction: Extraction, n: int) -> tuple[str, ...]:
    """The ``n`` best sentences of the article, in the order the article has them.

    The best by ``score_sentences``, skipping a sentence that repeats a chosen one; when no
    sentence scores above 0, the first sentences that repeat none.  Only the sentences
    read on the way are asked whether they are eligible (a few, not the whole article).
    """
    sentences = extraction.sentences
    if n <= 0 or not sentences:
        return ()
    scores, sentence_words = _scores_and_words(text, extraction)
    chosen: list[int] = []
    bags: list[set[str]] = []  # of the chosen sentences

    def choose(i: int) -> None:
        bag = set(sentence_words[i])
        if all(_jaccard(bag, other) <= MAX_OVERLAP for other in bags):
            chosen.append(i)
            bags.append(bag)

    # Eligible sentences scoring above 0, best first (what score_sentences ranks first)...
    scored = False
    for i in sorted(range(len(sentences)), key=lambda i: (-scores[i], i)):
        if len(chosen) == n or scores[i] <= 0.0:
            break
        if _eligible(sentences[i]):
            scored = True
            choose(i)
    if not scored:  # ...or, when none scores above 0, every sentence in text order (all score 0)
        for i in range(len(sentences)):
            if len(chosen) == n:
                break
            choose(i)
    return tuple(_without_dateline(text, sentences[i]) for i in sorted(chosen))


def _without_dateline(text: str, sentence: Sentence) -> str:
    """The lead sentence without the dateline that opens it ("BALIKPAPAN, RADARTENGGARA.CO.ID -
    Longsor menutup …" reads "Longsor menutup …" on an article card); any other as it is."""
    if sentence.start != 0:
        return sentence.text
    cut = dateline_spans(text).story_start  # (0 without a dateline signed by an outlet)
    return sentence.text[cut:] if 0 < cut < len(sentence.text) else sentence.text
