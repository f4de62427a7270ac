"""Sentence splitting and name normalisation shared by the extractors and the summarizer.

Why not split on every ". ": news text is full of periods that end nothing ("Mr. Putin",
"John F. Kirby", "Jl. Sudirman", "pukul 17.00", "11/9/2023") and of quotations whose
closing period is followed by the attribution ("…ke depan." kata Peskov), which belongs
to the same sentence.  Offsets always index the original text, so a sentence can be
highlighted and linked back to exactly where it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .models import Sentence

# Abbreviations that take a period but do not end a sentence (compared case-insensitively).
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "drs", "prof", "jl", "jln", "st", "no", "nos", "jend", "ir", "sdr", "bpk",
    "kol", "letjen", "mayjen", "brigjen", "kapt", "hj", "h", "dll", "dsb", "dst", "tsb", "yth", "vs",
    "ny", "nn", "sen", "rep", "gen", "gov", "inc", "ltd", "co", "corp", "jr", "sr", "kec", "kab",
    "prov", "tel", "hlm", "ca", "approx", "etc", "e.g", "i.e", "u.s", "a.s", "p.m", "a.m", "rp",
    # shortened given names and honorifics inside Indonesian names ("Andi Muh. Rachman", "KH. Ma'ruf Amin")
    "muh", "moh", "mhd", "abd", "kh", "ust",
})

# Words that attribute a quotation; after a closing quote they continue the sentence.
SPEECH_VERBS = frozenset({
    "kata", "katanya", "ujar", "ujarnya", "ucap", "ucapnya", "tutur", "tuturnya", "ungkap", "ungkapnya",
    "jelas", "jelasnya", "tambah", "tambahnya", "lanjut", "lanjutnya", "imbuh", "imbuhnya", "sebut",
    "sebutnya", "tegas", "tegasnya", "terang", "terangnya", "demikian", "bunyi", "tulis", "tulisnya",
    "papar", "paparnya", "pungkas", "pungkasnya", "said", "says", "according",
})

OPEN_QUOTES = "\"“‘«"
CLOSE_QUOTES = "\"”’»"
_TERMINATORS = ".!?…"
# A candidate boundary: terminators, then closing quotes/brackets, then whitespace.  Tried
# only where a run of terminators begins, and possessive: no backtracking can make a run
# end in whitespace, so a failed try ("....x", or 50,000 periods) costs its run once, not
# once per character of it.  It opens with the terminator and looks behind it after (the
# character before the one it read): a pattern that opens with a class is searched for it
# quickly, one that opens with a lookbehind is tried at every character of the text.
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"”’»)\]]*+(?=\s)")
_NEXT_WORD = re.compile(r"\s*+[\"“‘«(]?+\s*+(\w+)")  # possessive: a long gap of spaces is read once
# A paragraph: lines up to a blank one (a line of only spaces is blank too).
_BLOCK = re.compile(r"[^\n]+(?:\n(?![^\S\n]*\n)[^\n]*)*")
_NAME_PUNCTUATION = re.compile(r"[-‐‑–.'’]+")


def _word_before(text: str, dot: int) -> str | None:
    r"""The run of word characters and periods that ends at ``dot`` (or just before a line
    break there): what ``re.search(r"([\w.]+)$", text[:dot])`` finds.  Read backwards from
    ``dot``, so only the word is read (searching from the start of the text every time made
    splitting quadratic in its length, and even a window before the dot is mostly not the word)."""
    end = dot
    if end and text[end - 1] == "\n":
        end -= 1  # "$" matches before a final line break too; a run ending at ``dot`` has none
    start = end
    while start > 0 and ((c := text[start - 1]).isalnum() or c == "_" or c == "."):  # [\w.], inline
        start -= 1
    return text[start:end] if start < end else None


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial ("F.")."""
    found = _word_before(text, dot)
    if not found:
        return False
    word = found.rstrip(".")
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "John F. Kirby"
    return word.lower() in ABBREVIATIONS


def _continues(text: str, boundary_end: int, closing_quote: bool) -> bool:
    """Does the text after a candidate boundary continue the same sentence?"""
    match = _NEXT_WORD.match(text, boundary_end)
    if not match:
        return False
    word = match.group(1)
    if closing_quote and word.lower() in SPEECH_VERBS:
        return True  # "…ke depan." kata Peskov
    first = word[0]
    # A new sentence starts with a capital, a digit or an opening quote/bracket.
    return not (first.isupper() or first.isdigit() or text[boundary_end:match.start(1)].strip())


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        terminators = match.group(0).rstrip("\"”’»)]")
        if terminators == "." and _is_abbreviation(text, match.start()):
            continue
        closing_quote = any(c in CLOSE_QUOTES for c in match.group(0))
        if _continues(text, stop, closing_quote):
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    return spans


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of ``text`` with offsets into it; blank lines always end a sentence."""
    sentences: list[Sentence] = []
    for block in _BLOCK.finditer(text):
        for s, e in _split_block(text, block.start(), block.end()):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                sentences.append(Sentence(s, e, text[s:e]))
    return tuple(sentences)



@dataclass(frozen=True)
class QuoteMarks:
    """A kind of quotation: its opening marks, where each must close (or has failed), and how
    many characters it must hold.  ``quote_spans`` finds exactly the matches of the regex
    "<open>([^<stops>]{min_inside,})<close>" (one alternative per mark), in linear time."""

    opening: re.Pattern[str]
    stops: Mapping[str, re.Pattern[str]]  # per opening mark: the closing mark, or what ends the try
    closing: Mapping[str, str]
    min_inside: int


def quote_spans(text: str, marks: QuoteMarks, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the quotations of ``marks`` in ``text[start:end]``, in order, as ``finditer`` gives.

    The regex retries every opening mark of a quotation that never closes and reads on to the
    stop each time ("“" * 20000 took seconds); here each stop is found once and reused by
    every opening mark before it.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    stop_at = dict.fromkeys(marks.stops, -1)  # the stop found for the last opening mark of each kind
    pos = start
    while (opening := marks.opening.search(text, pos, end)) is not None:
        i = opening.start()
        mark = text[i]
        if stop_at[mark] <= i:
            stop = marks.stops[mark].search(text, i + 1, end)
            stop_at[mark] = stop.start() if stop else end
        stop = stop_at[mark]
        if stop < end and text[stop] == marks.closing[mark] and stop - i - 1 >= marks.min_inside:
            spans.append((i, stop + 1))
            pos = stop + 1
        else:
            pos = i + 1
    return spans

@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Comparison form of a name: "Kim Jong-un", "Kim Jong Un" and "kim jong un" are equal.

    Case, accents, hyphens, dots and spacing vary between outlets for the same name; none
    of them distinguishes two people, so all are dropped for matching (never for display).
    Cached: the extractors and the linking fold the same few thousand names over and over
    (a quarter of a million calls for 300 articles), and a name is short.
    """
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NAME_PUNCTUATION.sub(" ", name).casefold().split())


def words(text: str) -> list[str]:
    """Lowercase word tokens, for overlap and centrality scores."""
    return re.findall(r"\w+", text.casefold())
