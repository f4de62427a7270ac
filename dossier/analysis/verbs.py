"""Which event a date belongs to: the event word that governs it in its sentence.

"Kim berangkat pada Minggu" dates a departure, "kata KCNA, Selasa" dates a report.  The
families below are the event words of Indonesian news prose (and English), written as
they appear (Indonesian affixes make separate words, listed as such).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress
from types import MappingProxyType

from .common import Words, token_spans

# Event words by family, Indonesian then English, as they are written (Indonesian affixes
# make separate words, listed as such).  A date is governed by the nearest of these.
VERB_FAMILIES: Mapping[str, frozenset[str]] = MappingProxyType({
    "depart": frozenset({"berangkat", "keberangkatan", "meninggalkan", "bertolak", "bertolaknya", "bergerak",
                         "left", "leave", "leaves", "leaving", "departed", "depart", "departs", "departure"}),
    "arrive": frozenset({"tiba", "tibanya", "sampai", "mendarat", "kedatangan", "datang", "memasuki",
                         "menyeberangi", "arrived", "arrive", "arrives", "arrival", "landed", "crossed"}),
    "meet": frozenset({"bertemu", "pertemuan", "berjumpa", "menemui", "bertatap", "berbicara", "pembicaraan",
                       "perundingan", "berunding", "met", "meet", "meets", "meeting", "summit", "talks"}),
    "visit": frozenset({"mengunjungi", "kunjungan", "berkunjung", "menyambangi", "dikunjungi", "visit",
                        "visited", "visits", "visiting", "toured"}),
    "travel": frozenset({"pergi", "bepergian", "perjalanan", "travel", "travelled", "traveled",
                         "travels", "headed"}),
    "return": frozenset({"kembali", "pulang", "returned", "return", "returns"}),
    "hold": frozenset({"menghadiri", "digelar", "berlangsung", "diadakan", "dijadwalkan", "diselenggarakan",
                       "dibuka", "attend", "attended", "held", "scheduled", "opened"}),
    "report": frozenset({"mengatakan", "menyatakan", "melaporkan", "dilaporkan", "kata", "katanya", "ujar",
                         "ujarnya", "dilansir", "menulis", "mengumumkan", "diumumkan", "dikutip", "mengutip",
                         "menyebut", "menyebutkan", "menurut", "bunyi", "said", "says", "reported", "announced",
                         "told", "wrote"}),
})
# Indonesian puts the time after the verb ("berangkat pada Minggu"): a word after the date
# counts as this many times farther, plus a fixed handicap in characters.
FOLLOWING_FACTOR, FOLLOWING_HANDICAP = 3, 8
# Each event word's family (the first family listing it), so a word is looked up once, not
# tested against every family.
FAMILY_OF: Mapping[str, str] = MappingProxyType(
    {word: kind for kind, words in reversed(VERB_FAMILIES.items()) for word in words})

EVENT_WORDS = frozenset(FAMILY_OF)
EventWord = tuple[str, int, int]  # (family, start, end)


def event_words(words: Sequence[tuple[str, int, int]],
                families: Mapping[str, frozenset[str]] = VERB_FAMILIES) -> list[EventWord]:
    """The event words among ``words`` (``token_spans`` form), in order, with their family.
    A sentence with several dates finds its event words once."""
    family_of = FAMILY_OF if families is VERB_FAMILIES else {
        word: kind for kind, family in reversed(families.items()) for word in family}
    return [(kind, start, end) for word, start, end in words if (kind := family_of.get(word)) is not None]


def events_among(words: Words, first: int, last: int) -> list[EventWord]:
    """``event_words`` of the words ``first``..``last`` of an article (default families),
    found with set and map operations: most words of a sentence are no event word."""
    plain = words.words[first:last]
    if EVENT_WORDS.isdisjoint(plain):
        return []
    starts, ends = words.starts, words.ends
    return [(FAMILY_OF[plain[k]], starts[first + k], ends[first + k])
            for k in compress(range(len(plain)), map(EVENT_WORDS.__contains__, plain))]


def nearest_event_word(events: Sequence[EventWord], date_start: int, date_end: int) -> EventWord | None:
    """The event word nearest the date (words before it preferred; the first of equals)."""
    best: tuple[int, str, int, int] | None = None
    for kind, start, end in events:
        if start >= date_start and end <= date_end:
            continue
        distance = (date_start - end if end <= date_start
                    else (start - date_end) * FOLLOWING_FACTOR + FOLLOWING_HANDICAP)
        if best is None or distance < best[0]:
            best = (distance, kind, start, end)
    return best[1:] if best else None


def governing_word(sentence_text: str, sentence_start: int, date_start: int, date_end: int,
                   families: Mapping[str, frozenset[str]] = VERB_FAMILIES,
                   words: Sequence[tuple[str, int, int]] | None = None) -> EventWord | None:
    """The event word nearest the date in its sentence (words before it preferred): its
    family and its offsets in the article.  ``words``: the sentence's ``token_spans``, if known."""
    events = event_words(words if words is not None else token_spans(sentence_text), families)
    if sentence_start:
        events = [(kind, start + sentence_start, end + sentence_start) for kind, start, end in events]
    return nearest_event_word(events, date_start, date_end)


def governing_kind(sentence_text: str, sentence_start: int, date_start: int, date_end: int) -> str | None:
    """Family of the event word that governs a date ("berangkat pada Minggu" -> "depart")."""
    word = governing_word(sentence_text, sentence_start, date_start, date_end)
    return word[0] if word else None
