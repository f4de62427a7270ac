"""Runs that are a person's name by where they stand or how they open, whatever their words
mean: set off by commas after a role ("Kepala Dinas Pariwisata Bali, Gede Putra Kemenuh,"), next
to a verb of saying ("ujar Budi Wijaya"), opened by a given name that is a word ("Agung Sasongko
Wibowo"), or opened by a Balinese name's markers of caste and birth order ("I Made Suryawan Adnyana",
"Anak Agung Gede Wirasana"), whose other words are often vocabulary too ("Gede", "Putra", "Rai").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .cues import Facts
from .gazetteer import ORG_HEADS, PERSON_TITLES, PLACE_HEADS, SPEAKER_CUES, Gazetteer
from .name_parts import BIRTH_ORDER, initial_or_dropped
from .run_matches import Matcher
from .runs import Token
from .word_kinds import NAME_JOINERS, NAME_WORDS, NAMED_HEADS, is_acronym, may_name_someone

# How a Balinese name opens: "I"/"Ni"/"Sang" with a birth-order or caste word, or a noble title.
_BALINESE_SECOND = BIRTH_ORDER | {"gusti", "dewa", "ayu"}
_BALINESE_PAIRS = frozenset({*((first, second) for first in ("i", "ni", "sang") for second in _BALINESE_SECOND),
                             ("anak", "agung"), ("ida", "bagus"), ("ida", "ayu"), ("cokorda", "gede"),
                             ("cokorda", "istri"), ("gusti", "ngurah"), ("gusti", "ayu")})
# A birth-order name alone opens a Balinese name too, of three words at least ("Putu Adil Wiranata"),
# but "Gede" and "Luh", words elsewhere ("Gunung Gede", "Pasar Gede").
_BIRTH_ORDER_FIRST = BIRTH_ORDER - {"gede", "luh"}
# A head before such a name makes it the name of what the head names ("Bandara I Gusti Ngurah Rai").
_HEADS = ORG_HEADS | PLACE_HEADS | NAMED_HEADS


def apposed_name(run: Sequence[Token], facts: Facts, match: Matcher, gaz: Gazetteer) -> bool:
    """A two-to-five-word run between "<role>, " (or a title: "dr. Rini Marlina Sikumbang, Sp.PD")
    and a comma, or before an age in brackets ("Sopir bus, Untung Wibowo (46), selamat"): a
    name, whatever its words mean ("Gede Putra Kemenuh": inside a name, "Putra" is no title)."""
    return (2 <= len(run) <= 5
            and ((facts.comma_after and (facts.titled or facts.first_cue == "person" or facts.cue_after == "person"))
                 or facts.aged)
            and all((t.joiner in ("", " ") or (t.joiner == ". " and initial_or_dropped(run[k - 1].text)))
                    and not is_acronym(t.text) and t.text.casefold() not in gaz.calendar_words
                    and (0 < k < len(run) - 1 or t.text.casefold() not in PERSON_TITLES)
                    and t.text.casefold() not in ORG_HEADS
                    for k, t in enumerate(run))
            and not any(match(k) for k in range(len(run))))


def balinese_name_start(run: Sequence[Token]) -> int | None:
    """Where a Balinese name (an opening pair and a word at least after it, or a birth-order name
    and two words) begins in the run, its words joined by spaces to the run's end; None when
    there is none or a head word comes right before it (an airport named after the person)."""
    for b in range(len(run) - 2):
        first = run[b].text.casefold()
        if (run[b].text[:1].isupper()
                and ((first, run[b + 1].text.casefold()) in _BALINESE_PAIRS or first in _BIRTH_ORDER_FIRST)
                and all(t.joiner == " " and t.text[:1].isupper() for t in run[b + 1:])):
            return b if b == 0 or run[b - 1].text.casefold() not in _HEADS else None
    return None


def said_name(run: Sequence[Token], said: bool, initial: bool, known: Callable[[int], object],
              gaz: Gazetteer) -> int | None:
    """Where the speaker's name begins in a run ``said`` to be next to a verb of saying ("…,"
    ujar Budi Wijaya; Budi Wijaya mengatakan) or opening a sentence with one or "Menurut"
    ("Menurut Indah Sari, …"; "Kata Budi Wijaya, …"): two or three words,
    each a name though also a word (``NAME_WORDS``: Budi, Wijaya, Indah, Sari) or no word at
    all.  None for any other run: one with no vocabulary word (read as a name anyway), a
    word that is a thing ("kata Tim Gabungan", "Menurut Kitab Suci") or names no
    one ("kata Presiden Jokowi"), the start of a name the gazetteer knows (``known(k)``:
    "kata Jawa Timur")."""
    if said:
        first = 0
    elif initial and run[0].text.casefold() in SPEAKER_CUES:
        first = 1
    else:
        return None
    words = run[first:]
    if not 2 <= len(words) <= 3 or any(t.joiner != " " for t in words[1:]) or words[0].text.casefold() in NAME_JOINERS:
        return None  # ("Daeng Matutu mengatakan": the family name of someone the article names in full)
    common = [t.text for t in words if gaz.is_common(t.text)]
    if (not common or not all(word.casefold() in NAME_WORDS for word in common)
            or not all(may_name_someone(t.text, gaz) for t in words)):
        return None
    if any(known(k) is not None for k in range(first, len(run))):
        return None
    return first


def given_name_first(run: Sequence[Token], i: int, j: int, known: Callable[[int], object], gaz: Gazetteer) -> bool:
    """Do tokens ``i`` to ``j`` read as a given name that is also a word and one or two names that
    are none ("Budi Santoso", "Indah Simanjuntak", "Agung Sasongko Wibowo"): a name with no cue needed?"""
    if j - i not in (2, 3) or run[i].text.casefold() not in NAME_WORDS:
        return False
    if i == 0 and run[i].text.casefold() in NAME_JOINERS:
        return False  # "Daeng Matutu mengatakan": the family name of someone named in full, as after a role it is not
    return all(run[k].joiner == " " and (family := run[k].text)[:1].isupper() and may_name_someone(family, gaz)
               and known(k) is None and (not gaz.is_common(family) or (k < j - 1 and family.casefold() in NAME_WORDS))
               for k in range(i + 1, j))  # ("Gunawan Eko Prasetyo": a middle name that is a word too)
