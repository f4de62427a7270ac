"""Claims: every resolved date of an article as "this outlet says something happened then".

A claim carries what the timeline needs to tell whether two claims are one happening: the
event word governing the date (``verbs``), the people and the specific places of its
sentence, its words (copied sentences) and, when asked, its content words.  Sentences
with several dates are read once; content words are worked out only for the claims the
timeline actually compares, a small share of them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..extract.dates import weekday_mismatch
from ..models import ArticlePage, DateMention, EntityType, Sentence
from ..text import fold
from .common import ArticleIndex, Words, excerpt, word_spans
from .verbs import EVENT_WORDS, EventWord, events_among, nearest_event_word

# Function words of Indonesian (and English) news prose, four letters or more (shorter words
# are never content words anyway): they say nothing about which happening a sentence tells.
FUNCTION_WORDS = frozenset({
    "yang", "dengan", "untuk", "telah", "akan", "juga", "pada", "dari", "oleh", "dalam", "bahwa", "tersebut",
    "sebelumnya", "kemudian", "setelah", "sejak", "hingga", "sampai", "para", "sebuah", "menurut", "kata",
    "namun", "tetapi", "sementara", "selain", "saat", "ketika", "lalu", "masih", "sudah", "belum", "bisa",
    "dapat", "harus", "ingin", "mungkin", "kemungkinan", "diperkirakan", "sekitar", "antara", "terhadap",
    "kepada", "bagi", "secara", "sebagai", "karena", "agar", "supaya", "jika", "kalau", "atau", "serta",
    "maupun", "baik", "lebih", "sangat", "hanya", "pula", "lagi", "sama", "kali", "pertama", "mereka",
    "kami", "kita", "anda", "beliau", "pihak", "hari", "tahun", "bulan", "minggu", "pagi", "siang", "sore",
    "malam", "kemarin", "besok", "sejumlah", "beberapa", "semua", "setiap", "itu", "ini", "sana", "sini",
    "there", "that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "they",
    "which", "about", "after", "before", "when", "said", "also", "into", "over", "than", "then",
})


_PEOPLE_AND_PLACES: tuple[EntityType, ...] = ("person", "place")
EXCERPT_CHARS = 180  # ``excerpt``'s default: a sentence this short is its own excerpt


@dataclass(frozen=True)
class Attestation:
    """One outlet's word for a dated happening: the date as written, in its sentence."""

    article: ArticlePage
    date: str  # the ISO value this article gives
    date_text: str  # exact span, at date_start..date_end of article.text
    date_start: int
    date_end: int
    sentence: str
    sentence_start: int
    excerpt: str
    weekday_mismatch: bool = False

    @property
    def outlet(self) -> str:
        return self.article.article.outlet

    def to_json(self) -> dict[str, Any]:
        """``ref_json`` and the sentence (one literal: the open data holds one per date of the
        dossier).  Not the excerpt: the page's shortening of the sentence, which its event
        carries (as many bytes as the sentences again, at 1,000 articles 1.9 MB)."""
        article = self.article.article
        return {"article": article.slug, "outlet": article.outlet, "date": self.date, "text": self.date_text,
                "start": self.date_start, "end": self.date_end, "sentence": self.sentence,
                "weekday_mismatch": self.weekday_mismatch}

    def ref_json(self) -> dict[str, Any]:
        """Short form, where the sentence is already in the timeline's own entry."""
        return {"article": self.article.article.slug, "outlet": self.outlet, "date": self.date,
                "text": self.date_text, "start": self.date_start, "end": self.date_end}



class SentenceFacts:
    """What every date of one sentence shares: its words and event words; its people and
    specific places, and its content words, on first use (most claims are never compared:
    no event word governs their date, or a report word does)."""

    __slots__ = ("words", "events", "index", "_people", "_specific", "_places", "_words", "_sentence",
                 "_countries", "_dates", "_content")

    def __init__(self, index: ArticleIndex, article_words: Words, sentence: Sentence, countries: frozenset[str],
                 dates: Sequence[tuple[int, int]]) -> None:
        first, last = bisect_left(article_words.starts, sentence.start), bisect_left(article_words.starts, sentence.end)
        self.words: tuple[str, ...] = article_words.words[first:last]
        # most sentences name no event word: one set test rules them out
        self.events: list[EventWord] = [] if EVENT_WORDS.isdisjoint(self.words) \
            else events_among(article_words, first, last)
        self.index = index  # the article's
        self._words, self._sentence, self._countries, self._dates = article_words, sentence, countries, dates
        self._people: frozenset[str] | None = None
        self._specific: list[tuple[int, str]] = []
        self._places: frozenset[str] = frozenset()
        self._content: frozenset[str] | None = None

    def _name(self) -> None:
        """The people and the specific places among the entities named within the sentence
        (a mention wholly inside it), each at its first such mention.  Their order never
        matters (both become sets), so this is ``named_in`` without its sort."""
        entities = self.index.page.extraction.entities
        countries = self._countries
        people: list[str] = []
        specific = self._specific
        for n, first in self.index.first_mentions(self._sentence.start, self._sentence.end, _PEOPLE_AND_PLACES).items():
            entity = entities[n]
            if entity.type == "person":
                people.append(entity.key)
            elif _fold(entity.name) not in countries:
                specific.append((first, entity.key))
        self._places = frozenset(key for _, key in specific)
        self._people = frozenset(people)

    @property
    def people(self) -> frozenset[str]:
        """The people the sentence names."""
        if self._people is None:
            self._name()
        return self._people  # type: ignore[return-value]

    @property
    def specific(self) -> list[tuple[int, str]]:
        """The places finer than a country the sentence names: (first mention, key)."""
        if self._people is None:
            self._name()
        return self._specific

    @property
    def places(self) -> frozenset[str]:
        """The keys of ``specific``."""
        if self._people is None:
            self._name()
        return self._places

    @property
    def content(self) -> frozenset[str]:
        """What the sentence is about beyond names, dates and event words (worked out once)."""
        if self._content is None:
            start, end = self._sentence.start, self._sentence.end
            taken = [(m_start, m_end) for m_start, m_end, _ in self.index.mentions_from(start, end) if m_start < end]
            taken += self._dates[bisect_left(self._dates, (start,)):bisect_left(self._dates, (end,))]
            self._content = content_words(self._words, *self._words.between(start, end), taken)
        return self._content


class Claim:
    """One dated statement of one article (tens of thousands are made per build: slotted,
    and its people and places are worked out only when asked, for the few claims compared)."""

    __slots__ = ("attestation", "kind", "facts", "order", "_word", "_places")

    def __init__(self, attestation: Attestation, kind: str | None, facts: SentenceFacts,
                 order: tuple[str, int, int], word: EventWord | None = None) -> None:
        self.attestation = attestation
        self.facts = facts
        self.kind = kind
        self.order = order  # (slug, date start, 0): deterministic identity
        self._word = word  # the event word governing the date
        self._places: frozenset[str] | None = None

    @property
    def people(self) -> frozenset[str]:
        return self.facts.people

    @property
    def places(self) -> frozenset[str]:
        """Finer than a country: where the governed happening took place."""
        if self._places is None:
            places = self.facts.places
            word = self._word
            if word is not None and len(self.facts.specific) > 1:
                # The place between the event word and its date is where it happened ("tiba di
                # Balikpapan pada Kamis"); other places of the sentence are context.
                date_start, date_end = self.attestation.date_start, self.attestation.date_end
                low, high = (word[2], date_start) if word[2] <= date_start else (date_end, word[1])
                between = [key for first, key in self.facts.specific if low <= first < high]
                if between:
                    places = frozenset(between)
            self._places = places
        return self._places

    @property
    def words(self) -> tuple[str, ...]:
        """The sentence's words, to recognise copied sentences."""
        return self.facts.words

    @property
    def content(self) -> frozenset[str]:
        """What the sentence is about beyond names, dates and event words."""
        return self.facts.content


def article_claims(page: ArticlePage, countries: frozenset[str], article_words: Words | None = None) -> list[Claim]:
    """Every date of ``page`` with a value and a sentence, as a claim, in text order of dates."""
    if not page.extraction.dates:
        return []
    if article_words is None:
        article_words = word_spans(page.article.text)
    index = ArticleIndex(page)
    dates = sorted((d.start, d.end) for d in page.extraction.dates)
    facts_of: dict[int, SentenceFacts] = {}  # sentence number -> facts, for sentences with dates
    claims = []
    slug = page.article.slug
    sentences = index.sentences
    sentence_of = index.sentence_of
    for mention in page.extraction.dates:
        if mention.value is None:
            continue
        number = sentence_of(mention.start)
        if number is None:
            continue
        sentence = sentences[number]
        facts = facts_of.get(number)
        if facts is None:
            facts = facts_of[number] = SentenceFacts(index, article_words, sentence, countries, dates)
        word = nearest_event_word(facts.events, mention.start, mention.end) if facts.events else None
        short = sentence.text if len(sentence.text) <= EXCERPT_CHARS else excerpt(sentence, mention.start, mention.end)
        claims.append(Claim(_attestation(page, mention, sentence, short), word[0] if word else None, facts,
                            (slug, mention.start, 0), word))
    return claims


def content_words(words: Words, first: int, last: int, taken: Sequence[tuple[int, int]]) -> frozenset[str]:
    """Words of a sentence (words ``first``..``last``) that say what happened ("kereta",
    "pengerukan"): not names or dates (the ``taken`` spans), event words or function words,
    and at least four letters.  A word counts when any of its occurrences is outside ``taken``."""
    plain = list(words.words[first:last])
    starts, ends = words.starts, words.ends
    for a, b in taken:  # blank the words wholly inside a name or date (words never overlap: ends are sorted)
        low, high = bisect_left(starts, a, first, last), bisect_right(ends, b, first, last)
        if high > low:
            plain[low - first:high - first] = [""] * (high - low)
    return frozenset(w for w in set(plain).difference(FUNCTION_WORDS, EVENT_WORDS) if len(w) >= 4 and w.isalpha())


@lru_cache(maxsize=8192)
def _fold(name: str) -> str:
    """``fold``, remembered: the same few place names are folded for every sentence naming them."""
    return fold(name)


@lru_cache(maxsize=4096)
def _weekday_mismatch(text: str, value: str) -> bool:
    """``weekday_mismatch``, remembered: a dossier writes the same few dates thousands of times."""
    return weekday_mismatch(text, value)


def _attestation(page: ArticlePage, mention: DateMention, sentence: Sentence, short: str) -> Attestation:
    assert mention.value is not None
    return Attestation(page, mention.value, mention.text, mention.start, mention.end, sentence.text, sentence.start,
                       short, _weekday_mismatch(mention.text, mention.value))
