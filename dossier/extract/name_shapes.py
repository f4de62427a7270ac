"""Runs that are a person's name by where they stand or how they open, whatever their words
mean: set off by commas after a role ("Kepala Dinas Pariwisata Bali, Gede Putra Kemenuh,"), or
opened by a Balinese name's markers of caste and birth order ("I Made Suryawan Adnyana",
"Anak Agung Gede Wirasana"), whose other words are often vocabulary too ("Gede", "Putra", "Rai").
"""

from __future__ import annotations

from collections.abc import Sequence

from .cues import Facts
from .gazetteer import ORG_HEADS, PERSON_TITLES, PLACE_HEADS, Gazetteer
from .name_parts import initial_or_dropped
from .run_matches import Matcher
from .runs import Token
from .word_kinds import NAMED_HEADS, is_acronym

# How a Balinese name opens: "I"/"Ni" with a birth-order or caste word, or a noble title.
_BALINESE_SECOND = frozenset({"wayan", "putu", "gede", "made", "kadek", "nengah", "nyoman", "komang", "ketut",
                              "luh", "gusti", "dewa", "ayu"})
_BALINESE_PAIRS = frozenset({*((first, second) for first in ("i", "ni") for second in _BALINESE_SECOND),
                             ("anak", "agung"), ("ida", "bagus"), ("ida", "ayu"), ("cokorda", "gede"),
                             ("cokorda", "istri"), ("gusti", "ngurah"), ("gusti", "ayu")})
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
    """Where a Balinese name (an opening pair and one word at least after it) begins in the run,
    its words joined by spaces to the run's end; None when there is none or a head word comes
    right before it (an airport, a street or a university named after the person)."""
    for b in range(len(run) - 2):
        if (run[b].text[:1].isupper() and (run[b].text.casefold(), run[b + 1].text.casefold()) in _BALINESE_PAIRS
                and all(t.joiner == " " and t.text[:1].isupper() for t in run[b + 1:])):
            return b if b == 0 or run[b - 1].text.casefold() not in _HEADS else None
    return None
