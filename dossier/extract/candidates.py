"""Proper-noun runs -> typed name candidates: how one run is cut (``article_candidates`` reads an article).

A *run* is a maximal sequence of capitalised words ("Presiden Rusia Vladimir Putin").  News
prose glues titles, places and institutions to names, so each run is cut into segments:
leading titles and vocabulary words are stripped (they only give a *cue*: a title means a
person follows), gazetteer names are cut out wherever they occur, and what is left is typed
by its own shape (head/tail words, acronyms) or by the words around it.  Nothing here knows
the answers: the only lists are lexicons and cue words (see ``gazetteer``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..models import EntityType
from ..text import fold
from .cues import Facts
from .gazetteer import (
    ADMIN_DIVISIONS,
    CONNECTORS,
    NOT_NAMES,
    ORG_CUES,
    ORG_HEADS,
    ORG_TAILS,
    PERSON_TITLES,
    PLACE_CUES,
    PLACE_HEADS,
    POST_NAME_TITLES,
    RANKS,
    Gazetteer,
)
from .name_shapes import apposed_name, balinese_name_start, given_name_first, said_name
from .run_matches import Matcher, matcher
from .run_matches import span as _span
from .runs import (
    CUE,
    KNOWN,
    NONE,
    STRUCTURE,
    Candidate,
    Token,
    capitalised,
    fields_end,
    ministry_start,
)
from .word_kinds import (
    COMPASS,
    NAME_WORDS,
    NAMED_HEADS,
    acronym_name_start,
    after_regional_office,
    club_end,
    club_word,
    is_acronym,
    is_given_name,
    is_unit,
    joined_name,
    may_name_someone,
    named_after_place,
    opens_title,
    org_tail_end,
    plain_name,
    plain_word,
    portfolio_word,
    regional_office,
    shape_type,
)

__all__ = ["CUE", "KNOWN", "NONE", "SENTENCE_LEAD", "STRUCTURE", "Candidate", "segment"]

SENTENCE_LEAD = re.compile(r"[\"“‘«(\s]*+")  # what may open a sentence before its first word


# Words that go on a person's title ("Direktur Eksekutif", "Peneliti Senior", "Ketua Umum",
# "Sekretaris Jenderal"): never the first word of the organisation or the name after it.
_TITLE_QUALIFIERS = frozenset({"eksekutif", "senior", "utama", "umum", "jenderal", "madya", "pelaksana"})


def _strip_leading(run: Sequence[Token], i: int, j: int, match: Matcher, gaz: Gazetteer,
                   cue: EntityType | None, place_cue: bool = False,
                   keep_first: bool = False) -> tuple[int, EntityType | None]:
    """Skip titles and vocabulary words at the front of a segment; a title leaves a person cue.

    After a person title, a vocabulary word that opens a two-word name ending in a non-word
    ("Presiden Joko Widodo", "Sari Wulandari") is kept: Indonesian given names are often words
    too; so is one opening a three-word run after a title outside it ("Tunggal putra Bintang
    Cahya Ramadhan").  Before two more words inside the run it is the office ("Dirjen Imigrasi
    Silmy Karim"), as a portfolio always is ("Menteri Keuangan …").
    """
    while i < j:
        place_cue = place_cue or cue == "place"
        word = run[i].text
        lower = word.casefold()
        two = f"{lower} {run[i + 1].text.casefold()}" if i + 1 < j else ""
        if i + 2 < j and regional_office(run, i):  # (the institution inside the segment)
            i += 2
            continue
        if (match(i, place_cue) is not None or lower in ORG_HEADS or lower in PLACE_HEADS
                or club_end(run, i, match, gaz) is not None):
            break
        if two in PERSON_TITLES:
            cue, i = "person", i + 2
        elif lower in PERSON_TITLES:
            cue, i = "person", i + 1
        elif cue == "person" and lower in _TITLE_QUALIFIERS:
            i += 1  # "Direktur Eksekutif", "Peneliti Senior": the title goes on
        elif two in PLACE_CUES or two in ORG_CUES:
            cue, i = ("place" if two in PLACE_CUES else "organization"), i + 2
        elif lower in PLACE_CUES or lower in ORG_CUES:
            cue, i = ("place" if lower in PLACE_CUES else "organization"), i + 1
        elif (word[0].isupper() and lower not in NOT_NAMES and gaz.is_common(word)
              and (keep_first or (cue == "person" and (j - i == 2 or (j - i == 3 and i == 0))
                                  and not portfolio_word(word)
                                  and sum(gaz.is_common(t.text) for t in run[i:j]) <= (
                                      2 if j - i == 3 and i == 0 and not gaz.is_common(run[j - 1].text) else 1)
                                  and not any(is_acronym(t.text) for t in run[i:j]))
                   or ((i == 0 or cue == "person") and joined_name(run, i, j, gaz))
                   or (i > 0 and run[i - 1].text.casefold() in ADMIN_DIVISIONS and lower not in COMPASS)
                   or given_name_first(run, i, j, match, gaz)
                   or (cue == "person" and org_tail_end(run, i, j, gaz) is not None))):
            # "Menteri … Sari Wulandari", "kantor berita Antara", "Sari Daeng Matutu", "Kabupaten
            # Pulang Pisau": names that are also words; after a title, "World Food Programme Cindy
            # McCain": the words of an organisation's name before its tail word
            break
        elif lower in NOT_NAMES or (gaz.is_common(word) and lower != "the") or not capitalised(word):
            # (a portfolio keeps the title's cue: "Menteri Perhubungan Sari Wulandari")
            cue, i = (cue if lower in CONNECTORS or (cue == "person" and portfolio_word(word)) else None), i + 1
        else:
            break
    return i, cue


def _is_title_like(run: Sequence[Token], k: int, initial: bool) -> bool:
    """A leading word that is a title or furniture, or a vocabulary word opening the sentence."""
    lower = run[k].text.casefold()
    two = f"{lower} {run[k + 1].text.casefold()}" if k + 1 < len(run) else ""
    return (lower in PERSON_TITLES or two in PERSON_TITLES or lower in NOT_NAMES
            or (k == 0 and initial and lower not in ORG_HEADS and lower != "the"))


_ROMAN = re.compile(r"[IVX]{2,5}")


def _two_word_title(run: Sequence[Token], k: int) -> bool:
    """Do the words at ``k`` and after it make one title ("Ketua Umum", "Direktur Utama")?"""
    return k + 1 < len(run) and f"{run[k].text.casefold()} {run[k + 1].text.casefold()}" in PERSON_TITLES


def _organ_of(run: Sequence[Token], start: int, j: int, match: Matcher, gaz: Gazetteer) -> tuple[int, int] | None:
    """(start, end) of the institution in a segment opened by an organisation's head word and
    ended by one named after its place ("Dewan Gubernur | Bank Indonesia"), or None."""
    if start >= j or j >= len(run) or run[start].text.casefold() not in ORG_HEADS:
        return None
    for h in range(j - 1, start, -1):
        if run[h].text.casefold() in NAMED_HEADS:
            place = match(j, True)
            if place is None or place[2] != "place" or not all(gaz.is_common(t.text) for t in run[h + 1:j]):
                return None
            return h, place[0]
    return None


class _Piece(NamedTuple):
    """A candidate of a run, its tokens given by their index in the run (the rest as in ``Candidate``)."""

    first: int
    end: int
    text: str
    type: EntityType | None
    canonical: str | None
    strength: int
    initial: bool
    tokens: int


_COMPANY_HEADS = frozenset({"pt", "cv"})
_FACILITY_TAILS = frozenset({"airport", "port", "station", "stadium", "circuit", "terminal"})


def segment(words: tuple[str, ...], joiners: tuple[str, ...], facts: Facts, gaz: Gazetteer) -> tuple[_Piece, ...]:
    """The candidates of the run of ``words`` (each after its joiner), given the ``facts`` around it."""
    parts: list[str] = []
    run: list[Token] = []
    at = 0
    for word, joiner in zip(words, joiners, strict=True):
        at += len(joiner)
        run.append(Token(at, at + len(word), word, joiner))
        parts += (joiner, word)
        at += len(word)
    text = "".join(parts)  # the run as written: offsets of ``run`` index it
    initial = facts.initial
    headline = facts.headline
    match = matcher(text, run, gaz)
    if facts.strong_place and not any(match(k, True) for k in range(1, len(run))):
        whole = match(0, True)
        if whole is None or whole[0] == len(run):
            return (_Piece(0, len(run), text, "place", whole[1] if whole else None, KNOWN if whole else CUE,
                           False, len(run)),)
    named = acronym_name_start(run, facts.acronym_after, match, gaz) if facts.acronym_after else None
    if named is not None:  # "Direktur Eksekutif Wahana Lingkungan Hidup Indonesia (Walhi)"
        head = segment(words[:named], joiners[:named], facts._replace(acronym_after="", comma_after=False,
                       cue_after=None, comma_capital=False), gaz) if named else ()
        return (*head, _Piece(named, len(run), _span(text, run, named, len(run)), "organization", None, STRUCTURE,
                              initial and not named, len(run) - named))
    if (balinese := balinese_name_start(run)) is not None:  # "Bupati Gianyar I Made Mahayastra"
        head = segment(words[:balinese], joiners[:balinese], facts._replace(comma_after=False, cue_after=None,
                       acronym_after="", comma_capital=False), gaz) if balinese else ()
        return (*head, _Piece(balinese, len(run), _span(text, run, balinese, len(run)), "person", None, STRUCTURE,
                              initial and not balinese, len(run) - balinese))
    if len(run) == 1 and not run[0].text.isupper() and run[0].text.casefold() in ORG_HEADS and not match(0, True):
        # "Majelis menilai …": a head word alone names no one; untyped, it joins the institution it heads
        return (_Piece(0, 1, run[0].text, None, None, NONE, initial, 1),)
    said = said_name(run, facts.said_before or facts.cue_after == "person", initial, match, gaz)
    if said is not None:
        return (_Piece(said, len(run), _span(text, run, said, len(run)), "person", None, CUE, initial and not said,
                       len(run) - said),)
    # "…," kata Gunawan: a lone word after a verb of saying is the speaker's name, even a vocabulary word
    speaker = len(run) == 1 and (facts.aged or not initial and facts.first_cue == "person") \
        and may_name_someone(run[0].text, gaz)
    if len(run) == 1 and (initial or not facts.outlet_words) and not speaker and plain_word(run[0].text, gaz):
        if initial and facts.cue_after == "person" and may_name_someone(run[0].text, gaz):
            # "Hidayat mengatakan, …": untyped, it joins a person of the article called so
            # ("Taufik Hidayat"); "Pemerintah mengatakan" joins no one and is dropped
            return (_Piece(0, 1, run[0].text, None, None, NONE, True, 1),)
        return ()  # (a lone vocabulary word; what is before it does not matter)
    first_cue = facts.first_cue
    outlet = (len(run) == 1 and not initial and facts.outlet) or speaker
    # "Pakar hidrologi Universitas Diponegoro, Wahyu Hidayat, menilai": the run set off by commas
    # after a role is the person's whole name, even when its words are also vocabulary.
    outlet = outlet or apposed_name(run, facts, match, gaz) or (
        # "asal Lubuk Alung", "di Tanjung Priok": after "di"/"ke"/"asal", a word and a name are a place
        facts.locative and first_cue == "place" and len(run) == 2 and run[1].joiner == " "
        and len(run[1].text) > 2 and not run[1].text.isupper()  # (not "di Grup A")
        and not gaz.is_common(run[1].text) and match(0, True) is None and match(1, True) is None)
    i, cue = _strip_leading(run, 0, len(run), match, gaz, first_cue, first_cue == "place", outlet)
    titled = first_cue == "person" or opens_title(run, 0)
    pieces: list[tuple[int, int, str | None, EntityType | None]] = []  # start, end tokens, canonical, type
    # The whole remainder is one name when the gazetteer knows it, or one organisation when it
    # ends like one ("The New York Times", "Korean National Diplomatic Academy"): vocabulary
    # words are part of such names, so only titles are stripped first.
    k = 0
    while (k < len(run) and _is_title_like(run, k, initial and match(0) is None)  # ("Pelindo Jatim menambah …")
           and club_end(run, k, match, gaz) is None):  # ("Persib Bandung menang …")
        k += 2 if _two_word_title(run, k) else 1  # ("Ketua Umum Persatuan …": both words)
    if regional_office(run, k):
        k += 2
    whole = match(k) if k < len(run) else None
    if whole is not None and whole[0] == len(run):
        pieces.append((k, len(run), whole[1], whole[2]))
        i = len(run)
    elif k < len(run) - 1 and (run[-1].text.casefold() in ORG_TAILS or (
            run[k].text.casefold() in ORG_HEADS and (
                facts.acronym_after or any(t.text in ("untuk", "for") for t in run[k + 1:])))
            or named_after_place(run, k, match, gaz)):
        # an acronym names the whole run: "Perhimpunan Bangsa-Bangsa Asia Tenggara (ASEAN)"
        pieces.append((k, len(run), None, "organization"))
        i = len(run)
    elif (k < len(run) - 1 and run[-1].text.casefold() in _FACILITY_TAILS
          and (city := match(k, True)) is not None and city[2] == "place"):
        # "Yogyakarta International Airport": a facility named after its city, one place
        pieces.append((k, len(run), None, "place"))
        i = len(run)
    elif (fields := fields_end(run, k)) is not None:
        # "Dinas Perindustrian dan Perdagangan Jatim": the department up to its second field
        # (``runs._two_fields``), then what follows it as usual; a unit before its ministry is
        # one organisation of its own ("Direktorat Jenderal Imigrasi Kementerian Hukum dan HAM")
        ministry = ministry_start(run, k, fields)
        for s, e in ((k, ministry), (ministry, fields)):
            if s < e:
                known = gaz.lookup(_span(text, run, s, e))  # ("… Hukum dan HAM": Kemenkumham's)
                pieces.append((s, e, known[0] if known else None, "organization"))
        i = fields
    while i < len(run):
        if (club := club_end(run, i, match, gaz)) is not None:  # ("Persib Bandung": a club, not the city)
            pieces.append((i, club, None, "organization"))
            i = club
            continue
        # After a unit comes its region ("Kepala BPBD Padang Agus Salim"), unless only one word
        # follows: then the two are a name ("Kepala Pusat Data BNPB Sari Gunawan")
        found = match(i, cue == "place" and i == len(run) - 1 or (i == 0 and first_cue == "place")
                      or (i > 0 and is_unit(run, i - 1, gaz) and i != len(run) - 2))
        if found is not None:
            pieces.append((i, found[0], found[1], found[2]))
            i = found[0]
            continue
        j = i + 1
        while (j < len(run) and match(j) is None and run[j].text.casefold() not in RANKS
               and not (is_unit(run, j - 1, gaz) and not is_acronym(run[j].text))):
            j += 1
        # "Ketua Himpunan Nelayan Banda Aceh Taufik Hidayat": the words ending a titled run after
        # the place or institution of the role are the person's name, even vocabulary words
        if titled and pieces and j == len(run) and plain_name(run, i, j, gaz):
            start, seg_cue = i, "person"
        else:
            start, seg_cue = _strip_leading(run, i, j, match, gaz, cue, keep_first=outlet and i == 0)
        if (named := _organ_of(run, start, j, match, gaz)) is not None:
            # "Dewan Gubernur Bank Indonesia", "Dewan Komisaris Bank Rakyat Indonesia": an organ of
            # an institution named after its place, then the institution
            pieces += [(start, named[0], None, "organization"), (named[0], named[1], None, "organization")]
            i = named[1]
            continue
        if start < j:
            head = run[start].text.casefold()
            compound = (head in PLACE_HEADS and start > 0 and gaz.is_common(run[start - 1].text)
                        and run[start - 1].text.casefold() not in PLACE_CUES)
            if j - start == 1 and (head in ORG_HEADS or head in PLACE_HEADS) and j < len(run) and not compound:
                # (not after a vocabulary word: "Tanggul Laut Semarang" is Semarang's sea wall)
                # "Universitas Indonesia", "Laut China Selatan": a bare head word owns the name
                # that follows it (and, for a place, the compass words after that)
                nxt = match(j)
                j = nxt[0] if nxt else j
                while head in PLACE_HEADS and j < len(run) and gaz.is_common(run[j].text):
                    j += 1
                while head in _COMPANY_HEADS and j < len(run):
                    # "PT Kapuas Sawit Nusantara": a company's name goes on through words and places
                    # (not into a person's name after it: "PT Pertamina Nicke Widyawati")
                    place = match(j, True)
                    if place is not None and place[2] == "place":
                        j = place[0]
                    elif gaz.is_common(run[j].text):
                        j += 1
                    else:
                        break
            if run[start].text.casefold() in ORG_HEADS and j - start >= 4:
                # "Gedung Putih John Kirby": the organisation is the vocabulary part of the segment
                k = start + 1
                while k < j and gaz.is_common(run[k].text):
                    k += 1
                if j - k >= 2 and k > start + 1 and run[k - 1].text.casefold() not in PLACE_HEADS \
                        and run[k - 2].text.casefold() not in PLACE_HEADS:
                    pieces.append((start, k, None, "organization"))
                    start = k
                    seg_cue = "person"
                # (but "Balai Taman Nasional Tesso Nilo": the office of the park named after it)
            elif (tail_end := org_tail_end(run, start, j, gaz)) is not None:  # ("… Institute Michael Fullilove")
                pieces.append((start, tail_end, None, "organization"))
                start, seg_cue = tail_end, "person"
            elif (j < len(run) and run[start].text.casefold() in NAMED_HEADS and j - start >= 2
                  and all(gaz.is_common(t.text) for t in run[start + 1:j])
                  and (place := match(j, True)) is not None and place[2] == "place"
                  and (place[0] == len(run) or plain_name(run, place[0], len(run), gaz)
                       or (len(run) - place[0] == 1 and is_given_name(run[-1].text, gaz)))):
                # "Dosen Institut Teknologi Bandung Ratih Matondang": the institute is named after
                # its city, then comes the person
                j = place[0]
            elif (j - start == 3 and j == len(run) and after_regional_office(run, start)
                  and plain_name(run, start + 1, j, gaz)):
                # "Kepala Desa Sukamaju Putri Suryadi": the office's region, then the person
                pieces.append((start, start + 1, None, "place"))
                start += 1
                seg_cue = "person"
            pieces.append((start, j, None, None))
            cue = seg_cue if start == i else cue
        i = j
    if not pieces and len(run) == 1 and fold(run[0].text) in gaz.vocabulary_places:
        # "Moskow" without a cue: kept untyped, it joins the city if the article names it elsewhere
        return (_Piece(0, 1, run[0].text, None, None, NONE, initial, 1),)
    out: list[_Piece] = []
    for n, (s, e, canonical, kind) in enumerate(pieces):
        if headline and kind is None and shape_type([t.text for t in run[s:e]]) is None:
            # In Title Case every word is capitalised: only the non-vocabulary part can be a name.
            trimmed = e
            while e > s and gaz.is_common(run[e - 1].text):
                e -= 1
            if e == s or any(gaz.is_common(t.text) for t in run[s:e]) or (e < trimmed and e - s < 2):
                continue
        while e - s > 1 and run[e - 1].text.casefold() in POST_NAME_TITLES:
            e -= 1  # "Bhikkhu Sumedhaviro Mahathera": a title after the name
        span = _span(text, run, s, e)
        words = [t.text for t in run[s:e]]
        strength = KNOWN if canonical else STRUCTURE if kind else NONE
        if kind is None:
            kind = shape_type(words)
            if (kind is None and len(words) > 1 and words[-1].casefold() in COMPASS and s > 0
                    and is_unit(run, s - 1, gaz) and not any(gaz.is_common(w) for w in words[:-1])):
                kind = "place"  # "Puskesmas Kodi Utara": the region a unit serves, no list holds
            strength = STRUCTURE if kind else NONE
        last = n == len(pieces) - 1
        if (kind is None and len(words) >= 2 and last and facts.comma_capital and is_acronym(words[-1])
                and not words[-2].isupper() and words[-1].casefold() not in NOT_NAMES):  # (not "PALANGKA RAYA, …")
            # "Kepala Pusat Gempa Bumi dan Tsunami BMKG, Hendro Wicaksono": the rest of a long title,
            # then the institution the person after the comma serves
            s, words, span = e - 1, words[-1:], run[e - 1].text
        if kind is None and len(words) == 1 and (is_acronym(words[0]) or club_word(words[0], gaz)):
            if words[0].casefold() in NOT_NAMES or _ROMAN.fullmatch(words[0]):
                continue  # (a roman numeral: "II" of "Komisi II")
            kind, strength = "organization", STRUCTURE
        if kind is None:
            local_cue = cue if last else None
            if last and not (facts.locative and local_cue == "place"):  # ("warga Kodi Bangedo, mengaku")
                local_cue = facts.cue_after or local_cue
            if not last and cue == "person" and not headline and run[e].text.casefold() not in RANKS:
                kind, strength = "organization", CUE  # "Juru bicara Kremlin Dmitry Peskov"
            elif len(words) == 1 and any(t.text == "Cabang" for t in run[max(0, s - 2):s]):
                kind, strength = "place", CUE  # "ASDP Cabang Utama Bakauheni": the branch's town
            elif local_cue == "person" and len(words) == 1 and facts.comma_capital and not facts.said_before:
                kind, strength = "organization", CUE  # "Juru bicara Kremlin, Dmitry Peskov"
            elif local_cue in ("person", "organization"):
                kind, strength = local_cue, CUE
            elif local_cue == "place" and facts.locative and s == 0:
                kind, strength = "place", CUE  # "wartawan di Khan Younis": an unknown name after "di"
            elif (len(words) >= 2 and s > 0 and run[s - 1].text.casefold() in ADMIN_DIVISIONS
                  and local_cue != "person" and not any(is_acronym(w) for w in words)):
                kind, strength = "place", STRUCTURE  # "Desa Tanjung Belit": a village, though "Tanjung" opens names
            elif len(words) >= 2 and not any((gaz.is_common(w) and (k or w.casefold() not in NAME_WORDS))
                                             or is_acronym(w) for k, w in enumerate(words)):
                kind, strength = "person", CUE  # an unknown multi-word name is most often a person ("Budi Santoso")
            elif local_cue == "place" and (len(words) == 1 or (
                    s > 0 and run[s - 1].text.casefold() in ADMIN_DIVISIONS)):
                kind, strength = "place", CUE
        if any(w.casefold() in NOT_NAMES for w in words) and strength < KNOWN and not (
                kind == "organization" and words[0].casefold() in ORG_HEADS
                and (len(words) >= 3 or any(map(str.isdigit, span)))):
            continue  # (but "Kementerian Energi dan Sumber Daya Mineral", "SMAN 1 Bogor": an institution's name)
        out.append(_Piece(s, e, span, kind, canonical, strength, initial and s == 0, len(words)))
    return tuple(out)
