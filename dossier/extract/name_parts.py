"""Which words of a name belong to whom, read from the rest of the article.

A surname can also be a town ("Tambunan"), a given name a word ("Rahmat", "Sari"), and a
person's name is often run into the institution before it ("Juru bicara Kementerian
Perhubungan Rahmat Daeng Matutu").  What the article writes elsewhere settles it: the
person it names in full, the fuller name it writes again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import fold
from .gazetteer import PLACE_CUES
from .runs import Candidate

# The word before a name, lowercased ("di", "ke": the name is a place).
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def fuller_name(text: str, c: Candidate, cut: int, tokens: int) -> tuple[int, int]:
    """Where the person's name begins in ``c``, run into it at ``cut``: earlier, by the words the
    article also writes before the name elsewhere.  "Juru bicara Kementerian Perhubungan Rahmat
    Daeng Matutu" is Rahmat Daeng Matutu when the article says "Rahmat Daeng Matutu" again,
    though "Rahmat" is a word too (the institution keeps two words at least)."""
    while True:
        head = text[c.start:cut - 1]
        words = head.split()
        if len(words) <= 2 or not words[-1][:1].isupper():
            return cut, tokens
        fuller = text[cut - 1 - len(words[-1]):c.end]
        if not elsewhere(text, fuller, c.end - len(fuller)):
            return cut, tokens
        cut, tokens = c.end - len(fuller), tokens + 1


def elsewhere(text: str, words: str, at: int) -> bool:
    """Does the article write ``words`` somewhere else than at ``at``?"""
    found = text.find(words)
    return found >= 0 and (found != at or text.find(words, at + len(words)) >= 0)


def person_surnames(candidates: Sequence[Candidate]) -> frozenset[str]:
    """The first and last names of the people an article names in full (folded)."""
    names = set()
    for c in candidates:
        if c.type == "person" and c.tokens >= 2:
            tokens = fold(c.canonical or c.text).split()
            names.update((tokens[0], tokens[-1]))
    return frozenset(names)


def someones_name(text: str, c: Candidate, surnames: frozenset[str]) -> bool:
    """Is a lone gazetteer place the first or last name of a person the article names in full,
    with no place word before it?  "Ahmad Tambunan … kata Tambunan" is the person, not the
    town in Sabah; "di Tambunan" stays the town."""
    if c.tokens != 1 or c.type != "place" or fold(c.text) not in surnames:
        return False
    before = _WORD_BEFORE.search(text, max(0, c.start - 24), c.start)
    return before is None or before.group(1).casefold() not in PLACE_CUES
