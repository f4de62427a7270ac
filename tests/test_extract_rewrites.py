"""Hand-written readers of the extractors against the regexes they stand for.

Each was a regex search (or one tried at every character of a text); the readers must find
exactly what the regex finds, on random texts made of the characters that matter to it.
"""

import random
import re

import pytest

from dossier import text as text_module
from dossier.extract import calendar, quotes

_RANDOM = random.Random(20261206)


def _soups(alphabet: str, count: int, longest: int) -> list[str]:
    return ["".join(_RANDOM.choice(alphabet) for _ in range(_RANDOM.randint(0, longest))) for _ in range(count)]


def test_word_before_is_the_last_word_regex():
    last_word = re.compile(r"([^\s(]+)[\s(]*\Z")

    def expected(text: str, start: int) -> str:
        match = last_word.search(text[max(0, start - 30):start])
        return match.group(1).lower().strip(",;:") if match else ""

    for text in _soups("ab( \n\t,;:.\u00a0\u2003İX", 20000, 45):
        for start in {0, len(text), _RANDOM.randint(0, len(text))}:
            assert calendar.word_before(text, start) == expected(text, start), (text, start)


def test_sentence_boundaries_are_the_lookbehind_regex():
    boundary = re.compile(r"(?<![.!?…])[.!?…]++[\"”’»)\]]*+(?=\s)")
    for text in _soups(".!?…\"”’») ]\nab", 20000, 16):
        start, end = sorted((_RANDOM.randint(0, len(text)), _RANDOM.randint(0, len(text))))
        assert ([m.span() for m in text_module._BOUNDARY.finditer(text, start, end)]
                == [m.span() for m in boundary.finditer(text, start, end)]), (text, start, end)


def test_blank_lines_are_the_lookahead_regex():
    blank = re.compile(r"(?=\n\n)")
    for text in _soups("\n\na .", 5000, 20):
        assert quotes._Marks.of(text).blank_lines == [m.start() for m in blank.finditer(text)], text


@pytest.mark.parametrize("text", ["Senin (11/9/2023)", "pada  ( 2019", "((", "", "a(b c(", "kata:  "])
def test_word_before_examples(text):
    assert calendar.word_before(text, len(text)) == (
        m.group(1).lower().strip(",;:") if (m := re.search(r"([^\s(]+)[\s(]*\Z", text[-30:])) else "")


def test_the_cue_before_a_run_reads_its_last_two_words_as_the_word_regex_does():
    from dossier.extract import cues

    def expected(before: str) -> str | None:
        stripped = before.rstrip()
        if stripped.endswith(",") or not before or stripped[-1:] in cues._PUNCTUATION_BEFORE:
            return cues._cue_before(before, stripped, False)
        words = re.findall(r"\w+", before[-40:].casefold())
        if not words:
            return None
        last, two = words[-1], " ".join(words[-2:])
        if last in cues._NAMELY and (listed := cues._namely_cue(before[-40:].casefold())) is not None:
            return listed
        if two in cues.ORG_CUES or last in cues.ORG_CUES:
            return "organization"
        if two in cues.PERSON_TITLES or last in cues.PERSON_TITLES or last in cues.SPEAKER_CUES:
            return "person"
        if two in cues.PLACE_CUES or last in cues.PLACE_CUES:
            return "place"
        return None

    words = ["di", "kata", "juru", "bicara", "kantor", "berita", "ibu", "kota", "Ke", "ßa", "x_", "2023", "-", "Dİ",
             "yakni", "kecamatan", "lembaga", "seperti", ","]
    for _ in range(20000):
        before = "".join(_RANDOM.choice(words) + _RANDOM.choice([" ", "  ", "-", "\n", ""])
                         for _ in range(_RANDOM.randint(0, 12)))
        assert cues._cue_before(before, before.rstrip(), False) == expected(before), before
