"""Which event a date belongs to: the event word that governs it in its sentence.

"Kim berangkat pada Minggu" dates a departure, "kata KCNA, Selasa" dates a report.  The
families below are the event words of Indonesian news prose (and English), written as
they appear (Indonesian affixes make separate words, listed as such).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from .common import token_spans

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
def governing_word(sentence_text: str, sentence_start: int, date_start: int, date_end: int,
                   families: Mapping[str, frozenset[str]] = VERB_FAMILIES,
                   words: Sequence[tuple[str, int, int]] | None = None) -> tuple[str, int, int] | None:
    """The event word nearest the date in its sentence (words before it preferred): its
    family and its offsets in the article.  ``words``: the sentence's ``token_spans``, if known."""
    best: tuple[int, str, int, int] | None = None
    for word, start, end in words if words is not None else token_spans(sentence_text):
        start, end = start + sentence_start, end + sentence_start
        if start >= date_start and end <= date_end:
            continue
        kind = next((k for k, words in families.items() if word in words), None)
        if kind is None:
            continue
        distance = (date_start - end if end <= date_start
                    else (start - date_end) * FOLLOWING_FACTOR + FOLLOWING_HANDICAP)
        if best is None or distance < best[0]:
            best = (distance, kind, start, end)
    return best[1:] if best else None


def governing_kind(sentence_text: str, sentence_start: int, date_start: int, date_end: int) -> str | None:
    """Family of the event word that governs a date ("berangkat pada Minggu" -> "depart")."""
    word = governing_word(sentence_text, sentence_start, date_start, date_end)
    return word[0] if word else None
