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
from collections import Counter

from .extract.quotes import QUOTATION
from .models import Extraction, Sentence
from .text import OPEN_QUOTES, words

MIN_WORDS, MAX_WORDS = 8, 60
WEIGHTS = {"position": 0.45, "entities": 0.30, "centrality": 0.25}
MAX_OVERLAP = 0.5  # Jaccard similarity above which a sentence repeats a chosen one


def _content_words(text: str) -> list[str]:
    """Words long enough to carry content; a language-neutral stand-in for a stop list."""
    return [w for w in words(text) if len(w) >= 4 and not w.isdigit()]


def _quoted_share(sentence: Sentence) -> float:
    quoted = sum(len(m.group(0)) for m in QUOTATION.finditer(sentence.text))
    return quoted / max(1, len(sentence.text))


def _eligible(sentence: Sentence) -> bool:
    """Long enough to say something, short enough for a card, and the writer's own words."""
    n = len(sentence.text.split())
    quote_led = sentence.text[:1] in OPEN_QUOTES
    return (MIN_WORDS <= n <= MAX_WORDS and not quote_led and _quoted_share(sentence) < 0.4
            and not sentence.text.endswith(":"))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(a[w] * b[w] for w in a.keys() & b.keys())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def score_sentences(text: str, extraction: Extraction) -> list[float]:
    """A score in [0, 1] per sentence of ``extraction.sentences`` (0 for ineligible ones)."""
    sentences = extraction.sentences
    article = Counter(_content_words(text))
    total_mentions = sum(len(e.mentions) for e in extraction.entities) or 1
    salience = {e.key: len(e.mentions) / total_mentions for e in extraction.entities}
    raw: list[tuple[float, float, float]] = []
    for index, sentence in enumerate(sentences):
        named = {e.key for e in extraction.entities for m in e.mentions
                 if sentence.start <= m.start < sentence.end}
        raw.append((
            1.0 / math.sqrt(1 + index),
            sum(salience[key] for key in named),
            _cosine(Counter(_content_words(sentence.text)), article),
        ))
    peaks = [max((r[i] for r in raw), default=0.0) or 1.0 for i in range(3)]
    scores = []
    for sentence, (position, entities, centrality) in zip(sentences, raw, strict=True):
        if not _eligible(sentence):
            scores.append(0.0)
            continue
        scores.append(WEIGHTS["position"] * position / peaks[0] + WEIGHTS["entities"] * entities / peaks[1]
                      + WEIGHTS["centrality"] * centrality / peaks[2])
    return scores


def summarize(text: str, extraction: Extraction, n: int) -> tuple[str, ...]:
    """The ``n`` best sentences of the article, in the order the article has them."""
    sentences = extraction.sentences
    if n <= 0 or not sentences:
        return ()
    scores = score_sentences(text, extraction)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for i in ranked:
        if len(chosen) == n:
            break
        if scores[i] <= 0.0 and any(scores):
            break
        bag = set(_content_words(sentences[i].text))
        if all(_jaccard(bag, set(_content_words(sentences[j].text))) <= MAX_OVERLAP for j in chosen):
            chosen.append(i)
    return tuple(sentences[i].text for i in sorted(chosen))
