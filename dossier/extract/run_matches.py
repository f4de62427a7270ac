"""The gazetteer's names inside a run of capitalised words: where each starts and ends.

``candidates.segment`` cuts a run around the names found here ("Presiden Rusia Vladimir
Putin": Rusia is a known place).  This module decides where a known name counts: a place
that is also a word only after a place cue ("Medan"), a city before a family name is a
first name ("Vladimir Putin"), a small town after a first name a family name ("Akbar
Tanjung"), a compass word continues a place ("Jakarta Selatan").  ``matcher`` remembers
each answer for the run, which segmenting asks several times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..models import EntityType
from ..text import fold
from .gazetteer import ADMIN_DIVISIONS, ORG_TAILS, PERSON_TITLES, PLACE_TAILS, Gazetteer
from .runs import TITLED_ARTICLES, Token
from .word_kinds import (
    COMPASS,
    NAME_LINKS,
    after_regional_office,
    is_unit,
    may_name_someone,
    opens_a_name,
)

__all__ = ["Found", "Matcher", "matcher", "span"]


Found = tuple[int, str, EntityType]  # what _match finds: (end token, canonical name, type)


def span(text: str, run: Sequence[Token], i: int, j: int) -> str:
    """Tokens ``i`` to ``j`` of the run as written."""
    return text[run[i].start:run[j - 1].end]


def _match(text: str, run: Sequence[Token], i: int, gaz: Gazetteer, place_cue: bool = False) -> Found | None:
    """``_match_at``, and a place's Arabic article written apart is part of its name: "El Arish"
    (the gazetteer knows Arīsh; "El Salvador" it knows whole)."""
    found = _match_at(text, run, i, gaz, place_cue)
    if found is None and run[i].text in TITLED_ARTICLES and i + 1 < len(run) and run[i + 1].joiner == " ":
        after = _match_at(text, run, i + 1, gaz, place_cue)
        if after is not None and after[2] == "place":
            return after
    return found


def _match_at(text: str, run: Sequence[Token], i: int, gaz: Gazetteer,
              place_cue: bool = False) -> Found | None:
    """Longest gazetteer name starting at token ``i`` of the run: (end token, canonical, type).

    A one-word place that is also a vocabulary word ("Kota" in India, "Medan", "Moskow" in
    Indonesian) counts only after a place cue ("di", "ke", "kota"): capitalised at a sentence
    start or in a title it is the word, not the city.
    """
    if not gaz.may_start_name(run[i].text) or (i > 0 and run[i].text[0].islower()) or (
            i + 1 < len(run) and run[i + 1].text in ("der", "den", "la") and run[i].text in ("Van", "Von", "De")):
        return None  # (most words: what follows is never looked up; "van der" of "Hendrik van der Meulen")
    last = min(len(run), i + gaz.max_name_tokens)
    for k in range(i + 1, last):  # a name runs over spaces, hyphens and ". " only
        if run[k].joiner not in _NAME_JOINERS:
            last = k
            break
    start = run[i].start
    for j in range(last, i, -1):
        name = text[start:run[j - 1].end]
        if j == i + 1 and len(name) < 3 and not name.isupper():
            continue
        found = gaz.lookup(name)
        if found is None:
            continue
        if j == i + 1 and j < len(run) and run[i].text.casefold() in ADMIN_DIVISIONS:
            return None  # "Kota Padang": the division names the place after it ("Kota" is a city in India too)
        if (j == i + 1 and j + 1 == len(run) and i > 0 and run[i - 1].text.casefold() in ADMIN_DIVISIONS
                and run[j].joiner == " " and (after := gaz.lookup(run[j].text)) is not None and after[1] == "place"):
            # "Kabupaten Padang Pariaman": a regency named by two places is one place
            return j + 1, span(text, run, i, j + 1), "place"
        if found[1] == "place" and (end := _compass_end(run, j)) > j and gaz.lookup(span(text, run, i, end)) is None:
            # "Jakarta Selatan", "Sumba Barat Daya", "Lombok Tengah" (a word too: the compass says place)
            return end, span(text, run, i, end), "place"
        if (j == i + 1 and found[1] == "place" and fold(name) not in gaz.known_names
                and fold(name) in gaz.vocabulary_places and not (place_cue and (i == 0 or is_unit(run, i - 1, gaz)))
                and not after_regional_office(run, i)
                and not (i > 0 and run[i - 1].text.casefold() in ADMIN_DIVISIONS)):
            return None  # ("Kota Bogor", "Kabupaten Padang Pariaman": the division names the place)
        if (j == i + 1 and found[1] == "place" and j < len(run) and run[j].joiner == " " and not name.isupper()
                and fold(name) not in gaz.known_names and fold(name) not in gaz.countries
                and not gaz.is_common(run[j].text)
                and gaz.lookup(run[j].text) is None and run[j].text.casefold() not in PLACE_TAILS
                and run[j].text.casefold() not in ORG_TAILS and run[j].text.casefold() not in PERSON_TITLES
                and not (j + 1 < len(run) and (opens_a_name(run[j + 1].text, gaz)
                                               or _known_person(run[j + 1].text, gaz)))
                and not after_regional_office(run, i)):
            # "Vladimir Putin": a city's name used as a first name (but "Kapolda Jatim Irjen …" and
            # "Bupati Garut Rudy Gunawan" are a place then a rank or a two-word name)
            return None
        if (j == i + 1 and i > 0 and found[1] == "person" and run[i].joiner in (" ", ". ")
                and opens_a_name(run[i - 1].text, gaz)):
            # "Maria Wenda" where "Wenda" is a known person's one-word name: another person of
            # that surname, not a name run into Yohanes Wenda's
            return None
        if (j == i + 1 and j == len(run) and i > 0 and found[1] == "place" and fold(name) in gaz.towns
                and run[i].joiner == " " and fold(name) not in gaz.known_names
                and _first_name(run[i - 1].text, gaz)):
            # "Rinaldi Tambunan", "Akbar Tanjung", "Teguh Tambunan": a small town's name used as a
            # surname ("Sari Tambunan", "Fajar Tanjung": also after a first name that is a place word)
            return None
        return j, found[0], found[1]
    return None


def _compass_end(run: Sequence[Token], j: int) -> int:
    """After the compass words that follow token ``j`` ("Barat", "Barat Daya"), or ``j``."""
    if j < len(run) and run[j].joiner == " ":
        if (j + 1 < len(run) and run[j + 1].joiner == " "
                and f"{run[j].text} {run[j + 1].text}".casefold() in COMPASS):
            return j + 2  # ("Barat Daya"; "Kiri Hulu", whose "Kiri" alone ends no name)
        if run[j].text.casefold() in COMPASS:
            return j + 1
    return j


def _first_name(word: str, gaz: Gazetteer) -> bool:
    """Could ``word`` be a first name: ``opens_a_name``, or a word that is a place only as a word
    too ("Sari", "Fajar"), which needs a place cue to be the place (``_match``)."""
    return opens_a_name(word, gaz) or (fold(word) in gaz.vocabulary_places and may_name_someone(word, gaz))


def _known_person(word: str, gaz: Gazetteer) -> bool:
    """Is ``word`` a person's name the user gave in site.yaml ("Nainggolan")?"""
    found = gaz.lookup(word)
    return found is not None and found[1] == "person"


_NAME_JOINERS = frozenset({" ", "-", ". "})
Matcher = Callable[[int, bool], "Found | None"]


def matcher(text: str, run: Sequence[Token], gaz: Gazetteer) -> Matcher:
    """``_match`` over one run, each (token, place cue) worked out once: segmenting a run asks
    the same question of a token up to five times."""
    memo: dict[tuple[int, bool], Found | None] = {}

    def match(i: int, place_cue: bool = False) -> Found | None:
        key = (i, bool(place_cue))
        if key not in memo:
            # "Yusuf Abu Salem": the word after "Abu" is the name's, never a place of its own
            memo[key] = None if i and run[i - 1].text.casefold() in NAME_LINKS else _match(text, run, i, gaz, place_cue)
        return memo[key]

    return match
