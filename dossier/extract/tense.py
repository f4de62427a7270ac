"""The tense of the sentence around a date: does "Senin" mean last Monday or next?

The nearest tense word before the date decides, else one shortly after it; inside a
quotation only the quotation counts, outside it quotations are skipped (their "akan" is the
speaker's future, not the reporter's).  A sentence is read once (``read_clause``) into its
quotations and words, with the nearest tense word before each word worked out in the same
pass, so each date of it costs a bisection: reading the whole sentence again for every date
made a long sentence full of dates ("Senin " * 8000) quadratic.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Sentence
from ..text import QuoteMarks, quote_spans
from .calendar import FUTURE_AUXILIARIES, FUTURE_WORDS, PAST_WORDS, Tense

_AUXILIARY_REACH = 3  # words between "diperkirakan" and the verb it governs
_FOLLOWING_REACH = 6  # how far after the date a tense word may still govern it
_TENSE_WORDS = FUTURE_WORDS | PAST_WORDS

_TENSE_PARTICLE = re.compile(r"\s+(lalu|silam|kemarin|mendatang|depan|nanti)(?!\w)", re.I)
# Quotations as the regex "“[^”]*”|\"[^\"\n]*\"" finds them (a curly one may span lines).
_QUOTES = QuoteMarks(re.compile(r"[“\"]"), {"“": re.compile(r"”"), "\"": re.compile(r"[\"\n]")},
                     {"“": "”", "\"": "\""}, 0)
# A full stop (not after an initial: "John F. Kirby") before a capital, or a line break.
_SENTENCE_END = re.compile(r"[.!?…](?<!\b[A-Z]\.)[\"”’)]*+\s++(?=[\"“(]?[A-Z0-9])|\n")
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def tense_near(words_before: list[str], words_after: list[str]) -> Tense | None:
    """Tense of the clause around a date from its nearest tense word.

    The nearest word before the date wins ("diperkirakan akan digelar ..., di mana Putin
    tiba pada Senin" is past: Putin has arrived); a past verb right after a future
    auxiliary is a plan ("diperkirakan tiba pada sore hari").  With nothing before, a
    tense word shortly after the date counts ("Pada Sabtu, Kim akan ...").
    """
    lowered = [w.lower() for w in words_before]
    for index in range(len(lowered) - 1, -1, -1):
        if lowered[index] in _TENSE_WORDS:
            return _tense_of(lowered, index)
    return _tense_after(w.lower() for w in words_after[:_FOLLOWING_REACH])


def _tense_of(lowered: Sequence[str], index: int) -> Tense:
    """The tense the word at ``index`` (a tense word) gives, given the words before it."""
    if lowered[index] in FUTURE_WORDS:
        return "future"
    governing = lowered[max(0, index - _AUXILIARY_REACH):index]
    return "future" if any(w in FUTURE_AUXILIARIES for w in governing) else "past"


def _tense_after(lowered: Iterable[str]) -> Tense | None:
    """The tense of the first tense word of ``lowered`` (the words just after a date)."""
    for word in lowered:
        if word in FUTURE_WORDS:
            return "future"
        if word in PAST_WORDS:
            return "past"
    return None


@dataclass(frozen=True)
class _Words:
    """Words of a stretch of text, lowercased, with where each is and the last tense word so far."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lowered: tuple[str, ...]
    last_tense: tuple[int, ...]  # index of the last tense word at or before each word, or -1

    @staticmethod
    def read(text: str, pieces: Sequence[tuple[int, int]]) -> _Words:
        """The words of the pieces, each read on its own (as if the text between were a space)."""
        matches = [m for a, b in pieces for m in _WORD.finditer(text, a, b)]
        lowered = tuple(map(str.lower, map(re.Match.group, matches)))  # (all in C: a sentence has many words)
        last, last_tense = -1, []
        for i, word in enumerate(lowered):
            last = i if word in _TENSE_WORDS else last
            last_tense.append(last)
        return _Words(tuple(map(re.Match.start, matches)), tuple(map(re.Match.end, matches)), lowered,
                      tuple(last_tense))

    def tense(self, text: str, start: int, end: int) -> Tense | None:
        """``tense_near`` of the words before ``start`` and after ``end``: a word the date cuts
        counts with the part of it outside the date, as when the text is sliced there."""
        k = bisect_right(self.ends, start)  # words wholly before the date
        if k < len(self.starts) and self.starts[k] < start:
            cut = [w.lower() for w in _WORD.findall(text, self.starts[k], start)]
            tail = [*self.lowered[max(0, k - _AUXILIARY_REACH):k], *cut]
            for index in range(len(tail) - 1, len(tail) - 1 - len(cut), -1):
                if tail[index] in _TENSE_WORDS:
                    return _tense_of(tail, index)
        if k and self.last_tense[k - 1] >= 0:
            return _tense_of(self.lowered, self.last_tense[k - 1])
        i = bisect_left(self.starts, end)  # words wholly after the date
        after: list[str] = []
        if i and self.ends[i - 1] > end:
            after = [w.lower() for w in _WORD.findall(text, end, self.ends[i - 1])]
        return _tense_after([*after, *self.lowered[i:i + _FOLLOWING_REACH]][:_FOLLOWING_REACH])


@dataclass(frozen=True)
class Clause:
    """A sentence read for tense: its quotations, the words of each, and the words outside them."""

    start: int
    end: int
    quotes: tuple[tuple[int, int], ...]
    inside: tuple[_Words, ...]
    outside: _Words


def read_clause(text: str, start: int, end: int) -> Clause:
    """The sentence ``text[start:end]`` read once for the tense of every date in it."""
    quotes = quote_spans(text, _QUOTES, start, end)
    cuts = [start, *(edge for span in quotes for edge in span), end]
    return Clause(start, end, tuple(quotes), tuple(_Words.read(text, [q]) for q in quotes),
                  _Words.read(text, list(zip(cuts[::2], cuts[1::2], strict=True))))


def sentence_bounds(text: str, sentences: tuple[Sentence, ...]) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence: the given ones, else a rough split good enough for tense."""
    if sentences:
        return tuple((s.start, s.end) for s in sentences)
    bounds, cursor = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((cursor, match.end()))
        cursor = match.end()
    bounds.append((cursor, len(text)))
    return tuple(bounds)


def sentence_around(text: str, bounds: tuple[tuple[int, int], ...], starts: Sequence[int], position: int
                    ) -> tuple[int, int]:
    """The sentence of ``bounds`` (ordered, disjoint; ``starts`` their starts) holding ``position``,
    else the whole text; by bisection, since a long article has thousands of sentences."""
    i = bisect_right(starts, position) - 1
    return bounds[i] if i >= 0 and position < bounds[i][1] else (0, len(text))


def clause_tense(text: str, clause: Clause, start: int, end: int) -> Tense | None:
    """Tense of a date at [start, end) of ``clause`` (its sentence, see ``read_clause``).

    A particle right after the date settles it ("pada 20 Desember lalu").  Inside a
    quotation only the quotation counts; outside, quotations are skipped: their "akan" is
    the speaker's future, not the reporter's ("“Kami akan bertemu,” kata Menteri, Selasa").
    A date never holds a quotation mark, so a quotation either holds it or lies beside it.
    """
    particle = _TENSE_PARTICLE.match(text, end)
    if particle:
        return "past" if particle.group(1).lower() in ("lalu", "silam", "kemarin") else "future"
    i = bisect_right(clause.quotes, (start, len(text) + 1)) - 1
    if i >= 0 and clause.quotes[i][0] <= start and end <= clause.quotes[i][1]:
        return clause.inside[i].tense(text, start, end)
    return clause.outside.tense(text, start, end)
