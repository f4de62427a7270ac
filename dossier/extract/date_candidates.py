"""What the date patterns propose and resolve against: the candidates, the context they are
resolved in, and where in a text a pattern is worth trying.

``dates`` (the explicit forms, and the stage) and ``relative_dates`` (the forms that need a
reference day) make ``Candidate`` spans; ``dates.find_dates`` chooses among them and
resolves the chosen ones in a ``DateContext``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from typing import NamedTuple

from .calendar import (
    MONTHS,
    TRIGGER_WORDS,
    Tense,
    plus_days,
)
from .hijri import FIRST_WORDS as HIJRI_WORDS
from .tense import Clause, clause_tense, read_clause, sentence_around

# "tahun lalu" after a date without its year gives its year ("5 Januari tahun lalu", "akhir
# Januari tahun depan"): counted from the time of writing, as "tahun lalu" alone is.
YEAR_AFTER = r"\s+(?i:tahun)\s+(?P<yrel>lalu|kemarin|ini|depan)(?!\w)"
YEAR_DELTA = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}

QUALIFIERS = frozenset({"awal", "akhir", "pertengahan", "medio"})


Resolver = Callable[["DateContext", int, int], "str | None"]


_TOKEN = re.compile(r"\w+")


def _trie(words: Iterable[str]) -> str:
    """A regex of exactly the literal ``words``, branching one letter at a time: the engine
    reads a position once instead of trying every word there (a flat alternation of the
    trigger words made the scan slower than a Python test of every word)."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        options = [re.escape(c) + branch(child) for c, child in sorted(node.items()) if c]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


# In lowercased text: a trigger word, or a word that opens with no ASCII letter (a number, or
# a word of another script, looked at one by one).
# The calendar's words and the Hijri months' (``hijri.find_hijri`` looks for those among them).
_WORDS = TRIGGER_WORDS | HIJRI_WORDS
_TRIGGER = re.compile(r"\b(?:" + _trie(w for w in _WORDS if w.isalpha()) + r"(?!\w)|[^\W_a-zA-Z]\w*)")


def trigger_words(text: str) -> tuple[tuple[int, str | None], ...]:
    """Where a date expression can begin: the start of each ``\\w+`` word that opens with a
    digit or whose lowercase is one of the calendar words, with that lowercase word when it
    is ASCII (None otherwise: the patterns cannot be told apart by it).

    Trying each pattern only there, instead of at every character, is what keeps a
    600-word article to about a millisecond: most words cannot start a date.  When
    lowercasing keeps every character one character long (nearly always), a word of the
    lowercased text is the lowercase of the same word of the text (no character changes
    from word to non-word by it), so one regex over the lowercased text finds them.
    """
    low = text.lower()
    if len(low) != len(text):
        return tuple([(m.start(), None) for m in _TOKEN.finditer(text)
                      if (word := m.group())[0].isdigit() or word.lower() in _WORDS])
    return tuple([(m.start(), word if word.isascii() else None) for m in _TRIGGER.finditer(low)
                  if (word := m.group())[0] <= "9" or word in _WORDS or word[0].isdigit()])



class Candidate(NamedTuple):
    """A date span a pattern proposes.  (A named tuple: made for every match, and a frozen
    dataclass costs several times as much to make.)"""

    start: int
    end: int
    resolve: Resolver
    explicit: bool = False  # its value needs no reference (it is an anchor for the others)
    deictic: bool = False  # counts from the time of writing ("tahun lalu", "kemarin"), never from the story's dates
    # Days after the day written last before it ("keesokan harinya": 1); None for every other form.
    follows: int | None = None
    # A day written without its year ("Rabu (22/5)", "10 September"): an anchor too, its year
    # from the publication date.
    yearless_day: bool = False


@dataclass(frozen=True)
class DateContext:
    """What relative dates are resolved against, plus the text to read their tense from."""

    text: str
    ref: date | None  # the day relative dates count from (see ``calendar.reference_days``)
    anchors: tuple[date, ...]  # explicit days written in the article, sorted, each once
    sentences: tuple[tuple[int, int], ...]
    sentence_starts: tuple[int, ...]
    # The sentences read for tense so far: filled as dates ask (a memo of the pure
    # ``read_clause``, local to one ``find_dates`` call, so every context of it shares it).
    clauses: dict[tuple[int, int], Clause]
    # The year a sentence opened with ("Tahun lalu, …", "Pada 2019, …"): a date later in it
    # written without a year is in that year (``dates.find_dates``); None elsewhere.
    year: int | None = None
    # The value of each Hijri date, by its start (``hijri.hijri_values``: they settle one another).
    hijri: Mapping[int, str | None] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> Tense | None:
        bounds = sentence_around(self.text, self.sentences, self.sentence_starts, start)
        clause = self.clauses.get(bounds)
        if clause is None:
            clause = self.clauses[bounds] = read_clause(self.text, *bounds)
        return clause_tense(self.text, clause, start, end)

    def anchors_near(self) -> tuple[date, ...]:
        """The anchors a weekday can mean: within a week of the reference day (all without one).

        ``resolve_weekday`` looks no further itself; cutting the list here first keeps an
        article with thousands of dates from reading all of them for every weekday.
        """
        if self.ref is None:
            return self.anchors
        first, last = plus_days(self.ref, -7) or date.min, plus_days(self.ref, 7) or date.max
        return self.anchors[bisect_left(self.anchors, first):bisect_right(self.anchors, last)]


def iso_day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def iso_span(first: str | None, second: str | None) -> str | None:
    if first is None or second is None:
        return None
    return first if first == second else f"{first}/{second}"


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


@dataclass(frozen=True)
class Starts:
    """Where a date can begin (``trigger_words``), split by what is there: the patterns
    that open with a day or year number (an ASCII digit) are tried only at a digit
    (``digits``), those that open with a word only at a word.

    Each pattern opens with a whole word, so it is tried only where its first word is:
    ``days`` are the numbers of one or two characters (a day, or a count of days), ``years``
    those of four or more, and ``opening`` gives the words' places that one of the given
    words stands at (a word not written in ASCII stands for every word)."""

    digits: tuple[int, ...]
    days: tuple[int, ...] = ()
    years: tuple[int, ...] = ()
    by_word: Mapping[str | None, tuple[int, ...]] = field(default_factory=dict)

    @staticmethod
    def of(text: str) -> Starts:
        digits: list[int] = []
        days: list[int] = []
        years: list[int] = []
        by_word: dict[str | None, list[int]] = {}
        for at, word in trigger_words(text):  # (one pass: an article has a hundred of them)
            if "0" <= text[at] <= "9":
                digits.append(at)
                if word is None or len(word) <= 2:
                    days.append(at)
                if word is None or len(word) >= 4:
                    years.append(at)
            else:
                by_word.setdefault(word, []).append(at)
        return Starts(tuple(digits), tuple(days), tuple(years), {word: tuple(ats) for word, ats in by_word.items()})

    def opening(self, first_words: frozenset[str], numbers: tuple[int, ...] = ()) -> list[int]:
        """The places of ``numbers`` and of the words that can open a pattern (``first_words``), in order."""
        found = [at for word, ats in self.by_word.items() if word is None or word in first_words for at in ats]
        if numbers:
            found += numbers
        found.sort()
        return found


def scan(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that begin at one of ``starts`` (overlaps are settled later).
    (Tried in C: an article has hundreds of starts, and most give no match.)"""
    return filter(None, map(pattern.match, repeat(text), starts))


def in_year_from_writing(relation: str, build: Callable[[int], str | None]) -> Resolver:
    """Resolver for a date whose year is given as "tahun lalu/ini/depan": that year,
    counted from the time of writing (the reference of a deictic candidate)."""
    delta = YEAR_DELTA[relation]
    return lambda ctx, _s, _e: build(ctx.ref.year + delta) if ctx.ref else None
