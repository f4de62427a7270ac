"""What the text around a capitalised run says about it: the cues that ``candidates`` reads.

A run's segmentation depends on its words and on these facts alone (``Facts``), so it can
be worked out once for every run with the same words and facts.  The text before a run is
read from its end and the text after it matched in place, never copied: in a very long
sentence, copying both for every run was quadratic.
"""

from __future__ import annotations

import re
from functools import partial
from typing import NamedTuple

from ..models import EntityType, Sentence
from .gazetteer import (
    ADMIN_DIVISIONS,
    AGE_IN_BRACKETS,
    ORG_CUES,
    PERSON_TITLES,
    PLACE_CUES,
    SPEAKER_CUES,
    SPEECH_AFTER,
)
from .runs import ACRONYM_AFTER, Token, text_before

__all__ = ["Facts", "aged_after", "facts_around", "no_cue_before", "speaker_cue_before", "speaks_after"]

_WORDS = re.compile(r"\w+")
_WORD_AFTER = re.compile(r"\s+(\w+)")
_AGE_AFTER = re.compile(AGE_IN_BRACKETS)  # "Sutrisno (52)": the name is a person's
_COMMA_AFTER = re.compile(r"\s*+,")
_COMMA_CAPITAL = re.compile(r",\s*[A-Z]")
_APPOSITION = re.compile(r",\s*(?:seorang\s+|sang\s+|yang\s+merupakan\s+)?([A-Za-z]+)(?:\s+([a-z]+))?")
_PLACE_APPOSITIONS = frozenset({"kota", "ibu", "wilayah", "negara", "provinsi", "kawasan", "daerah", "pulau"})
_ORG_APPOSITIONS = frozenset({"lembaga", "kantor", "badan", "perusahaan", "organisasi", "kelompok", "media",
                              "surat", "harian", "partai", "institusi", "istana"})
_ORG_APPOSED = re.compile(r"\b(?:kantor berita|surat kabar|harian|stasiun televisi)(?:\s+[\w-]+){1,3},\s*$")
_OUTLET_CUE = re.compile(r"\b(?:kantor berita|surat kabar|harian|stasiun televisi)\s+$")
_OUTLET_CUE_WORDS = ("kantor berita", "surat kabar", "harian", "stasiun televisi")  # (those of both)
_BRACKETED_CAPS = re.compile(r"\([A-Z][A-Za-z-]*\)")  # "(KCNA)", "(Walhi)", "(PDI-P)"
# Nouns after which the whole capitalised run is a place name ("wilayah Northern Territory").
_STRONG_PLACE_CUE_WORDS = ("wilayah", "kawasan", "provinsi", "kota", "negara bagian", "pulau", "distrik", "kabupaten",
                           "kecamatan", "kelurahan", "desa", "dusun", "kampung",
                           # a border crossing, a camp: "perbatasan Rafah", "kamp pengungsi Jabalia"
                           "perbatasan", "perlintasan", "kamp", "kamp pengungsi")
_STRONG_PLACE_CUE = re.compile(r"\b(?:" + "|".join(_STRONG_PLACE_CUE_WORDS) + r")\s+$")
# The most that the cues before a run read of the text before it, but for a titled apposition:
# the last 80 characters (``_ORG_APPOSED``), 40 (the cue words), 30 (the strong and outlet cues).
_NEAR = 80
_PUNCTUATION_BEFORE = frozenset(",.;:!?\"”“()")
_SPEAKER_CUE_ENDS = tuple(SPEAKER_CUES)
# "di"/"ke" before a name: a person is "kepada"/"dari" someone, never "di" or "ke" someone.
# ("warga Kodi Bangedo": a resident of the place; "asal Lubuk Alung": someone from it)
_LOCATIVES = (" di ", " ke ", " warga ", " asal ")
_LOCATIVE_OPENINGS = frozenset({"di ", "ke ", "warga ", "asal "})


class Facts(NamedTuple):
    """What segmenting a run reads around it: whether it opens its sentence, whether the
    sentence is a headline, the cues the text before it ends with and those after it."""

    initial: bool
    headline: bool
    strong_place: bool  # a strong place cue ("wilayah", "kota") ends the text before
    outlet_words: bool  # the text before ends with an outlet cue's words ("kantor berita")
    outlet: bool  # ... as the cue itself (after a word break, before spaces)
    first_cue: EntityType | None  # ``_cue_before``
    titled: bool  # ``_titled_apposition`` of the text before
    comma_after: bool  # a comma follows
    acronym_after: str  # the acronym in brackets that follows ("ASEAN" of "(ASEAN)"), or ""
    cue_after: EntityType | None  # ``_apposition_cue``, ``_speech_cue`` or an age after it
    comma_capital: bool  # a comma and a capital follow
    said_before: bool  # a verb of saying or "menurut" ends the text before ("…," kata Budi Wijaya)
    aged: bool  # an age in brackets follows ("Sutrisno (52)"): a name, even a word's ("Budi (7)")
    locative: bool  # "di" or "ke" just before: "di Khan Younis" is somewhere, never someone


_new_facts = partial(tuple.__new__, Facts)  # Facts(...) made in C (the same value): one per run


def facts_around(text: str, run: list[Token], sentence: Sentence, initial: bool, headline: bool) -> Facts:
    """Everything ``candidates.segment`` needs to know of the text around ``run``.

    Only the end of the text before the run is read and the text after it is matched in
    place, never copied: in a very long sentence, copying both for every run was quadratic.
    The character right after the run decides which of the cues after it can be there at
    all (each of them opens with a comma, a space or a bracket), so only those are matched.
    """
    at = run[0].start
    start = sentence.start
    near = max(start, at - _NEAR)
    before = text[near:at]
    stripped = before.rstrip()  # the cue words must end it for the searches on it to match
    if stripped.endswith(",") or (near > start and len(stripped) < _NEAR // 2):
        # Only a titled apposition (after a comma) reads further back than _NEAR characters; a
        # window mostly blank is read as the cues see the sentence, too (rare either way).
        before = text_before(text, start, at)
        stripped = before.rstrip()
    comma = stripped.endswith(",")
    titled = comma and _titled_apposition(before)
    outlet_words = stripped.endswith(_OUTLET_CUE_WORDS)
    after_at, end = run[-1].end, sentence.end
    following = text[after_at] if after_at < end else ""
    aged = aged_after(text, after_at, end)
    if following == ",":
        comma_after, acronym_after, cue_after = True, "", _apposition_cue(text, after_at, end)
        comma_capital = _COMMA_CAPITAL.match(text, after_at, end) is not None
    elif following.isspace():
        comma_after = _COMMA_AFTER.match(text, after_at, end) is not None
        acronym_after = _acronym(text, after_at, end)
        cue_after, comma_capital = _speech_cue(text, after_at, end) or ("person" if aged else None), False
    else:  # a full stop, a bracket, the sentence's end...: no comma, apposition or word follows
        comma_after, comma_capital = False, False
        cue_after = "person" if aged else None
        acronym_after = _acronym(text, after_at, end) if following == "(" else ""
    return _new_facts((
        initial, headline,
        stripped.endswith(_STRONG_PLACE_CUE_WORDS) and _STRONG_PLACE_CUE.search(before[-30:]) is not None,
        outlet_words,
        outlet_words and _OUTLET_CUE.search(before[-30:]) is not None,
        _cue_before(before, stripped, titled),
        titled, comma_after, acronym_after, cue_after, comma_capital,
        stripped.endswith(_SPEAKER_CUE_ENDS) and speaker_cue_before(stripped, 0, len(stripped)),
        aged,
        before.endswith(_LOCATIVES) or before in _LOCATIVE_OPENINGS,
    ))


def _acronym(text: str, at: int, end: int) -> str:
    """The acronym in brackets at ``at`` ("ASEAN" of " (ASEAN)"), or ""."""
    match = ACRONYM_AFTER.match(text, at, end)
    return match[1] if match else ""


def no_cue_before(text: str, start: int, at: int, initial: bool) -> bool:
    """Does a lone vocabulary word at ``at`` (nearly half the runs: "Pertemuan", "Namun") give
    nothing: no strong place cue, nor (after the sentence's first word) an outlet cue or a verb
    of saying, ends the sentence's text before it?  That is all that is read of that text.  (The
    text before as ``facts_around`` reads it ends with a cue word exactly when the sentence does:
    it holds more than the longest cue word.)"""
    cut = _end_of_text(text, start, at)
    return not text.endswith(_STRONG_PLACE_CUE_WORDS, start, cut) and (
        initial or not (text.endswith(_OUTLET_CUE_WORDS, start, cut) or speaker_cue_before(text, start, cut)))


def speaker_cue_before(text: str, start: int, cut: int) -> bool:
    """Does the text from ``start`` to ``cut`` end with a verb of saying or "menurut", after a
    word break ("…," kata Gunawan)?  The capitalised word after it is the speaker's name even
    when it is also a word: many Indonesian names are (Budi, Gunawan, Hidayat, Citra)."""
    if not text.endswith(_SPEAKER_CUE_ENDS, start, cut):
        return False
    begin = cut
    while begin > start and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:cut].casefold() in SPEAKER_CUES


def _end_of_text(text: str, start: int, end: int) -> int:
    """Where ``text[start:end].rstrip()`` ends."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _cue_before(before: str, stripped: str, titled: bool) -> EntityType | None:
    """Type suggested by the lowercase words just before a run ("kata", "di", "kantor berita");
    ``stripped`` is ``before.rstrip()`` and ``titled`` its ``_titled_apposition``."""
    if stripped.endswith(","):  # (what both of these end with, checked first: most runs follow no comma)
        window = before[-80:]
        if any(word in window for word in _OUTLET_CUE_WORDS) and _ORG_APPOSED.search(window):
            return "organization"  # "kantor berita Jepang, Kyodo": the outlet named after its country
        if titled:
            return "person"  # "Menteri Luar Negeri Malaysia, Ahmad Faizal Rahman"
        return None  # (a comma is punctuation in between)
    if stripped.endswith(".") and _ABBREVIATED_TITLE.search(stripped, max(0, len(stripped) - 6)):
        return "person"  # "dr. Rini Marlina Sikumbang": the dot ends a title, not a sentence
    if stripped.endswith(")") and (short := _BRACKETED_WORD.search(stripped)) and short[1].casefold() in PERSON_TITLES:
        return "person"  # "Menteri Dalam Negeri (Mendagri) Arifin Sastrawijaya": the title's short form
    if not before or stripped[-1:] in _PUNCTUATION_BEFORE:
        return None  # punctuation in between: the cue belongs to something else
    window = before[-40:].casefold()
    tail = window.rsplit(None, 2)
    if len(tail) == 3 and tail[1].isalnum() and tail[2].isalnum():
        # (most runs: two whole words before it, each all word characters, are its last two words)
        last, two = tail[2], f"{tail[1]} {tail[2]}"
    else:
        words = _WORDS.findall(window)
        if not words:
            return None
        last, two = words[-1], " ".join(words[-2:])
    if last in _NAMELY and (cue := _namely_cue(window)) is not None:
        return cue  # "empat kecamatan, yakni Bantimurung, …": what the list is of
    if two in ORG_CUES or last in ORG_CUES:
        return "organization"
    if two in PERSON_TITLES or last in PERSON_TITLES or last in SPEAKER_CUES:
        return "person"
    if two in PLACE_CUES or last in PLACE_CUES:
        return "place"
    return None


_BRACKETED_WORD = re.compile(r"\((\w+)\)\Z")
_ABBREVIATED_TITLE = re.compile(r"(?<![\w.])(?:dr|drg|drh|ir|drs|dra|prof)\.\Z")  # lowercase, as written
_NAMELY = frozenset({"yakni", "yaitu", "seperti", "termasuk"})
_LISTED = re.compile(r"(\w+)\s*,?\s*(?:yakni|yaitu|seperti|termasuk)$")


def _namely_cue(window: str) -> EntityType | None:
    """The type of the names listed after "yakni"/"yaitu"/"seperti"/"termasuk", said by the noun
    before it ("kecamatan, yakni": places; "wilayah kepulauan seperti Nias": places; "tiga
    lembaga, yaitu": organisations)."""
    match = _LISTED.search(window.rstrip())
    if match is None:
        return None
    noun = match[1]
    if noun in ADMIN_DIVISIONS or noun in ("negara", "wilayah", "daerah", "pulau", "kepulauan", "kawasan"):
        return "place"
    return "organization" if noun in ORG_CUES else None


def _titled_apposition(before: str) -> bool:
    """Does ``before`` end with "<title> <Capitalised words>, " (the name that follows is a person)?"""
    stripped = before.rstrip()
    if not stripped.endswith(","):
        return False
    words = (_BRACKETED_CAPS.sub(" ", stripped[:-1]) if "(" in stripped else stripped[:-1]).split()[-8:]
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    block = [w.casefold() for w in words[max(0, k - 3):]]  # "Pakar tata kota, …", "Juru bicara junta, …"
    if not block:
        return False
    return any(w in PERSON_TITLES or f"{w} {v}" in PERSON_TITLES for w, v in zip(block, [*block[1:], ""], strict=True))


def _apposition_cue(text: str, at: int, end: int) -> EntityType | None:
    """Type suggested by an apposition after a run (", juru bicara Kremlin"), read from ``at``
    (a comma) up to the sentence's ``end``."""
    match = _APPOSITION.match(text, at, end)
    if match:
        first, second = match.group(1).casefold(), (match.group(2) or "").casefold()
        if first == "ibu" and second == "kota":
            return "place"  # ("Waikabubak, ibu kota …": "ibu" alone is a title, "Mrs.")
        if first in SPEECH_AFTER and text[at - 1:at] != ")":
            return "person"  # "…, Nashrul Hakim Assegaf, mengatakan": set off by commas, then speaking
        if first in PERSON_TITLES or f"{first} {second}" in PERSON_TITLES:
            return "person"
        if first in _PLACE_APPOSITIONS:
            return "place"
        if first in _ORG_APPOSITIONS:
            return "organization"
    return None


def aged_after(text: str, at: int, end: int) -> bool:
    """Is the word ending at ``at`` followed by an age in brackets ("Korban, Budi (7), ...")?
    Then it is a name even when it is also a word."""
    return text.startswith(("(", " ("), at) and _AGE_AFTER.match(text, at, end) is not None


def speaks_after(text: str, at: int, end: int) -> bool:
    """Is the word ending at ``at`` followed by a verb of saying ("Hidayat mengatakan")?"""
    return at < end and text[at] == " " and _speech_cue(text, at, end) is not None


def _speech_cue(text: str, at: int, end: int) -> EntityType | None:
    """A verb of saying right after a run ("Peskov mengatakan"), read from ``at`` (a space)."""
    word = _WORD_AFTER.match(text, at, end)
    return "person" if word and word.group(1) in SPEECH_AFTER else None
