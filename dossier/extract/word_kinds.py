"""What a word of a capitalised run can be: a unit's acronym or short name, a given name, a
title, a plain vocabulary word; and whether a sentence is a Title Case headline.

Small predicates over a run's tokens and the gazetteer, shared by the reading of sentences
(``article_candidates``) and the segmentation of runs (``candidates``): each answers one
question about one word, so the segmentation reads as the order in which it asks them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..models import EntityType
from ..text import fold
from .gazetteer import (
    ADMIN_DIVISIONS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_TAILS,
    PERSON_TITLES,
    PLACE_CUES,
    PLACE_HEADS,
    PLACE_TAILS,
    RANKS,
    REGIONAL_OFFICES,
    Gazetteer,
)
from .runs import Token, capitalised

COMPASS = frozenset({"utara", "selatan", "barat", "timur", "tengah", "pusat", "tenggara", "barat daya", "timur laut",
                     "north", "south", "east", "west", "central",
                     # upstream and downstream, on a river's left or right bank: "Kampar Kiri Hulu"
                     "hulu", "hilir", "kiri hulu", "kiri hilir", "kanan hulu", "kanan hilir",
                     })  # words that end a place's name


def regional_office(run: Sequence[Token], k: int) -> bool:
    """"Kepala Kantor Wilayah Kementerian Agama …": "Kantor Wilayah" before an institution is
    the post's place in it, like a title (the institution follows)."""
    return (k + 2 < len(run) and run[k].text.casefold() == "kantor" and run[k + 1].text.casefold() == "wilayah"
            and run[k + 2].text.casefold() in ORG_HEADS)


def after_regional_office(run: Sequence[Token], i: int) -> bool:
    """"Bupati Garut", "Kapolres Sleman", "Wali Kota Medan": after a regional office comes its region."""
    one = run[i - 1].text.casefold() if i >= 1 else ""
    two = f"{run[i - 2].text.casefold()} {one}" if i >= 2 else ""
    return one in REGIONAL_OFFICES or two in REGIONAL_OFFICES


_STREET_HEADS = frozenset({"jalan", "jl"})


def is_unit(run: Sequence[Token], k: int, gaz: Gazetteer) -> bool:
    """Is token ``k`` an institution's acronym or short name ("BPBD" in "Kepala BPBD Garut",
    "Bawaslu" in "Ketua Bawaslu Kupang")?  What follows it in the run is the region the unit
    serves, never part of a person's name."""
    word = run[k].text
    if run[k].joiner == "-":
        return False
    if k > 0 and run[k - 1].text.casefold() in _STREET_HEADS:
        return False  # "Jalan MH Thamrin", "Jl. KH Ahmad Dahlan": the initials of whom the street is named after
    if is_acronym(word):
        return word.casefold() not in ORG_HEADS
    known = gaz.abbreviations.get(word)
    return known is not None and known[1] == "organization"


def is_given_name(word: str, gaz: Gazetteer) -> bool:
    """Could ``word`` open a person's name: capitalised, not vocabulary, not a known name or cue word."""
    lower = word.casefold()
    return (word[:1].isupper() and not word.isupper() and not gaz.is_common(word) and gaz.lookup(word) is None
            and lower not in PERSON_TITLES and lower not in ORG_HEADS and lower not in PLACE_HEADS
            and lower not in PLACE_CUES and lower not in NOT_NAMES)


# "Juru" of "Juru bicara", "Wakil" of "Wakil Presiden": a word that only opens a title names no
# one ("Hakim", a title alone as well, is also a surname).
_TITLE_OPENERS = frozenset(title.split()[0] for title in PERSON_TITLES if " " in title) - PERSON_TITLES


def may_name_someone(word: str, gaz: Gazetteer) -> bool:
    """Could ``word``, alone after a person cue, be someone's name: capitalised, no acronym, no
    title, head, cue or calendar word ("kata Presiden", "menurut Senin" name no one)."""
    lower = word.casefold()
    return (capitalised(word) and not word.isupper() and lower not in PERSON_TITLES and lower not in _TITLE_OPENERS
            and lower not in ORG_HEADS
            and lower not in PLACE_HEADS and lower not in PLACE_CUES and lower not in NOT_NAMES
            and lower not in gaz.calendar_words)


def opens_title(run: Sequence[Token], k: int) -> bool:
    """Does token ``k`` of the run open a person's title ("Ketua", "Juru bicara")?"""
    lower = run[k].text.casefold()
    return lower in PERSON_TITLES or (k + 1 < len(run) and f"{lower} {run[k + 1].text.casefold()}" in PERSON_TITLES)


# Given names and family names that are also vocabulary words (wordfreq counts them among
# Indonesian's common words because they are common names): next to a verb of saying, a run of
# these is a name ("ujar Budi Wijaya", "Menurut Indah Sari"), one of other words is not
# ("kata Tim Gabungan", "Menurut Kitab Suci"); before a family name that is no word, one of them
# opens a name without any cue ("Ia bertemu Agus Santoso").  Words as often a title or a thing
# as a name (Raja, Ratu, Dewa, Hari, Bulan, Utama, Mulia) are left out.
_NAME_WORDS = """
    ade agung agus aji akbar amin angga anggun arif asih ayu bagus bambang banyu bayu bintang budi budiman
    bunga cahaya citra daeng darma dewi dian dimas dwi eka eko endang fajar fitri galih gatot gilang gunawan guntur
    hadi hakim halim hamzah hasan hidayah hidayat ilham iman indah intan jaya kartika kencana kusuma lestari
    maulana mawar melati murni mutiara panji perdana permata purnama putra putri rahayu rahmat raka ratna
    rini sakti salim sari satria sekar setia suci surya tanjung taufik teguh tirta tulus wahyu wijaya wulan
"""
NAME_WORDS = frozenset(_NAME_WORDS.split())

# Words inside a person's name that join a given name to the rest of it (Bugis-Makassar
# "Daeng": "Sari Daeng Matutu"): the given name before one is a name even when it is a word.
NAME_JOINERS = frozenset({"daeng"})
# Words of Arabic names that tie the next word to the name ("Yusuf Abu Salem", "Ahmad bin
# Salem"): that word is never a place or a name of its own, whatever the gazetteer knows it as.
NAME_LINKS = frozenset({"abu", "bin", "binti", "ibnu", "ibn"})


def joined_name(run: Sequence[Token], i: int, j: int, gaz: Gazetteer) -> bool:
    """Do tokens ``i`` to ``j`` read as given name, name joiner, family name ("Sari Daeng
    Matutu"), whatever words the first two are?"""
    return (j - i == 3 and run[i + 1].text.casefold() in NAME_JOINERS and run[i + 1].joiner == " "
            and run[i + 2].joiner == " " and run[i].text[:1].isupper() and run[i + 2].text[:1].isupper()
            and not gaz.is_common(run[i + 2].text) and not run[i + 2].text.isupper()
            and _no_other_name(run[i].text, gaz))


def _no_other_name(word: str, gaz: Gazetteer) -> bool:
    """Is ``word`` no name the gazetteer knows, but as a word ("Sari": a place after "di" only)?
    ("Jember" of "Himpunan Nelayan Jember Daeng Situmorang" is the city.)"""
    return gaz.lookup(word) is None or fold(word) in gaz.vocabulary_places


def plain_name(run: Sequence[Token], i: int, j: int, gaz: Gazetteer) -> bool:
    """Tokens ``i`` to ``j`` read as a two- or three-word name: capitalised words joined by
    spaces, none an acronym, title, head, cue or calendar word; of three, the first no
    vocabulary word (in "Papua Pegunungan Wahyu Ramadhan" it ends the place) unless a name
    joiner follows it ("Sari Daeng Matutu")."""
    return (2 <= j - i <= 3 and all(t.joiner == " " and _name_word(t.text, gaz) for t in run[i:j])
            and (j - i == 2 or not gaz.is_common(run[i].text)
                 or (run[i + 1].text.casefold() in NAME_JOINERS and _no_other_name(run[i].text, gaz))))


def org_tail_end(run: Sequence[Token], start: int, j: int, gaz: Gazetteer) -> int | None:
    """"Direktur Lowy Institute Michael Fullilove", "Gubernur Federal Reserve Jerome Powell": the
    end of an organisation whose last word is a tail ("Institute", "Reserve"), when a two- or
    three-word name follows it to ``j``; None otherwise."""
    for tail in range(j - 3, max(start, j - 5), -1):  # (a name of two or three words)
        if run[tail].text.casefold() in ORG_TAILS and plain_name(run, tail + 1, j, gaz):
            return tail + 1
    return None


def _name_word(word: str, gaz: Gazetteer) -> bool:
    """``may_name_someone``, but a one-word title that is also a given name ("Putri") counts:
    after a role and its place, the words are the name, and a rank would have been cut."""
    if word.casefold() in PERSON_TITLES and word.casefold() not in RANKS and word.casefold() not in _TITLE_OPENERS:
        return word[:1].isupper() and not word.isupper()
    return may_name_someone(word, gaz)


def opens_a_name(word: str, gaz: Gazetteer) -> bool:
    """Could ``word`` be a given name, a vocabulary word or not ("Rinaldi", "Teguh")?"""
    return is_given_name(word, gaz) or may_be_given_name(word, gaz)


def may_be_given_name(word: str, gaz: Gazetteer) -> bool:
    """A vocabulary word that may be a given name (Teguh, Budi, Ayu): capitalised inside a run,
    and no cue, head, title, compass or calendar word ("Kota", "Pelabuhan", "Selatan")."""
    lower = word.casefold()
    return (gaz.is_common(word) and word[:1].isupper() and may_name_someone(word, gaz)
            and lower not in ADMIN_DIVISIONS and lower not in COMPASS and gaz.lookup(word) is None)


def acronym_name_start(run: Sequence[Token], acronym: str, known: Callable[[int], object],
                       gaz: Gazetteer) -> int | None:
    """Where the name that the ``acronym`` in brackets after ``run`` stands for begins in it, when
    only spelling says so (``names_acronym``: "Wahana Lingkungan Hidup Indonesia (Walhi)"), not
    a head word ("Badan …"), a tail word ("… Times") or a name the gazetteer knows (``known(k)``),
    which are read as such."""
    if run[-1].text.casefold() in ORG_TAILS or " ".join(t.text for t in run).casefold() in PERSON_TITLES:
        return None  # (and "Chief Executive Officer (CEO)" is a title)
    for start in range(len(run) - 1):
        if (lower := run[start].text.casefold()) in ORG_HEADS or lower in PLACE_HEADS or lower in ADMIN_DIVISIONS \
                or known(start):
            return None  # ("Bandara Internasional Minangkabau (BIM)", "Kabupaten Penajam Paser Utara (PPU)": places)
        if run[start].text[:1].isupper() and names_acronym(acronym, run[start:], gaz):
            return start
    return None


def names_acronym(acronym: str, run: Sequence[Token], gaz: Gazetteer) -> bool:
    """Is ``run`` the name of an institution that the ``acronym`` in brackets after it stands
    for: words mostly of the vocabulary (or places) that spell it ("Badan Nasional
    Penanggulangan Bencana (BNPB)", "Perusahaan Daerah Air Minum (PDAM)", "Wahana Lingkungan
    Hidup Indonesia (Walhi)": a country or region ending the name may be left out of the
    acronym)?  A person's name and nickname ("Joko Widodo (Jokowi)") are no vocabulary words."""
    words = [t for t in run if t.text[:1].isupper()]
    vocabulary = sum(1 for t in words if gaz.is_common(t.text) or gaz.lookup(t.text) is not None)
    if vocabulary < 2 or 2 * vocabulary < len(words):
        return False
    if spells(acronym, run) or _syllables_of(acronym, run):
        return True
    end = len(run)
    while end > 2 and (found := gaz.lookup(run[end - 1].text)) is not None and found[1] == "place":
        end -= 1
        if spells(acronym, run[:end]):
            return True
    return False


def spells(acronym: str, run: Sequence[Token]) -> bool:
    """Do the words of ``run`` spell ``acronym``, each by its first letters in order ("Wahana
    Lingkungan Hidup" -> Walhi, "Badan Nasional Penanggulangan Bencana" -> BNPB), a lowercase
    connector ("dan") giving none?"""
    letters = acronym.casefold().replace("-", "")
    words = [t.text.casefold() for t in run]
    capitalised = [t.text[:1].isupper() for t in run]

    def from_(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        if not capitalised[j]:
            return from_(i, j + 1)
        word = words[j]
        return any(letters.startswith(word[:n], i) and from_(i + n, j + 1)
                   for n in range(1, min(len(word), len(letters) - i) + 1))

    return len(run) >= 2 and from_(0, 0)


def _syllables_of(acronym: str, run: Sequence[Token]) -> bool:
    """Is ``acronym`` a short form made of syllables of the words of ``run`` ("Perwakilan Umat
    Buddha Indonesia (Walubi)", "Badan Urusan Logistik (Bulog)"): written as a word, not in
    capitals, its letters found in order in three or more words, opening in the first and
    closing in the last?  (``names_acronym`` asks it only of names mostly of vocabulary words.)"""
    if len(acronym) < 4 or not acronym[1:].islower():
        return False
    words = [t.text.casefold() for t in run if t.text[:1].isupper()]
    if not words or words[0] in PERSON_TITLES:
        return False  # "Menteri Dalam Negeri (Mendagri)", "Kepala Kantor Wilayah …": an office, no institution
    letters = acronym.casefold()
    if not words[0].startswith(letters[0]) and not words[0].startswith(("per" + letters[0], "pe" + letters[0])):
        return False  # it opens with the first word, or after its prefix ("perWakilan": Walubi)
    found = 0
    first_word = -1
    for n, word in enumerate(words):
        for char in word:
            if found < len(letters) and char == letters[found]:
                if found == 0:
                    first_word = n
                found += 1
        if found == len(letters):
            return len(words) >= 3 and n == len(words) - 1 and first_word == 0
    return False


_NEXT_WORD = re.compile(r" ([a-z]+)\b")
# Prefixes of Indonesian verbs: after a sentence's first word, a verb makes it the subject ("Surat
# dilanda banjir": the city); a bare noun makes the two a compound ("Surat kabar", "Baku tembak").
_VERB_PREFIXES = ("di", "me", "ber", "ter", "se", "ke")


def opens_compound(text: str, end: int, sentence_end: int) -> bool:
    """Does the word ending at ``end`` open a compound noun with the lowercase word after it
    (that word no verb, adverb or preposition by its shape): "Surat kabar", "Bursa saham"?"""
    match = _NEXT_WORD.match(text, end, sentence_end)
    return match is not None and not match[1].startswith(_VERB_PREFIXES) and match[1] not in _NOT_COMPOUND


# Words after a city's name that are no second half of a compound: "Medan masih banjir",
# "Bandung juga", "Surat yang …".
_NOT_COMPOUND = frozenset({"masih", "juga", "yang", "akan", "sudah", "telah", "kini", "pun", "adalah", "merupakan",
                           "menjadi", "punya", "hari", "sejak", "pada", "kembali", "sempat", "tidak", "belum"})


# Institutions whose name ends with the place they are of ("Universitas Nasional Australia",
# "Bank Rakyat Indonesia", "Institut Teknologi Bandung"); a ministry's country is not its name.
NAMED_HEADS = frozenset({"universitas", "institut", "bank", "sekolah", "akademi", "politeknik", "university",
                         "sd", "smp", "sma", "smk"})  # ("SMA Negeri 3 Depok")
COMPANY_FORMS = frozenset({"pt"})  # (perseroan terbatas) before a company's name


_AGENCY_FACILITIES = frozenset({"stasiun", "terminal", "pelabuhan", "bandara", "kompleks"})


def shape_type(words: list[str]) -> EntityType | None:
    """Type given by a segment's own words: "Badan …", "… Center", "… Cosmodrome"; a facility
    of an agency named by its acronym is the agency's unit ("Stasiun BMKG")."""
    first, last = words[0].casefold(), words[-1].casefold()
    if (last in ORG_TAILS and (len(words) > 1 or last not in ORG_HEADS)) or (first in ORG_HEADS and len(words) > 1):
        return "organization"  # ("Reuters" alone, but not "Bank": "Bank sentral AS menahan …")
    if first in _AGENCY_FACILITIES and len(words) > 1 and is_acronym(words[1]):
        return "organization"  # (not a street or a landmark: "Jalan MH Thamrin", "Bundaran HI")
    if last in PLACE_TAILS or (first in PLACE_HEADS and len(words) > 1):
        return "place"
    if len(words) == 1 and _CAMEL_CASE.fullmatch(words[0]):
        return "organization"  # a brand written in camel case: "InJourney", "PayPal", "TikTok"
    return None


# One word whose parts are capitalised ("InJourney", "WhatsApp"): a company's or a platform's
# name; not a surname opened by a particle ("McCarthy", "DeLuca", "LaNyalla", "MacArthur"), nor a
# hashtag of three words and more ("#SaveRajaAmpat").
_CAMEL_CASE = re.compile(r"(?!Mc|Mac|De|Di|Da|Du|Le|La|Van|Von)[A-Z][a-z]+[A-Z][a-z]+")


# Indonesian football clubs: "Persib", "Persebaya" (Persatuan Sepak Bola ...), "PSM", "PSIS",
# named with their city; not the federation ("PSSI") nor the party ("PSI").
_CLUB_WORD = re.compile(r"Pers[a-z]{2,8}|PS[A-Z]{1,3}")
_NOT_CLUBS = frozenset({"PSI", "PSSI"})


def club_end(run: Sequence[Token], k: int, match: Callable[..., tuple[int, str, EntityType] | None],
             gaz: Gazetteer) -> int | None:
    """"Persib Bandung", "PSM Makassar", "Persik Kediri": the end of a club's name followed by
    its city (one organisation, the city no place of its own), or None.  The city may be a
    word too ("Kediri"): after a club's name it is the city."""
    word = run[k].text
    if k + 1 < len(run) and run[k + 1].joiner == " " and word not in _NOT_CLUBS and _CLUB_WORD.fullmatch(word):
        found = match(k + 1, True)
        if found is not None:
            return found[0] if found[2] == "place" else None
        city = gaz.lookup(run[k + 1].text)
        if city is not None and city[1] == "place":
            return k + 2
    return None


def club_short(form: str, gaz: Gazetteer) -> str | None:
    """"persib" of "persib bandung" (folded): how the press shortens a club named with its
    city ("Persib"), or None for any other name."""
    club, space, city = form.partition(" ")
    if not space or " " in city:
        return None
    if club_word(club.capitalize(), gaz) or (club.upper() not in _NOT_CLUBS and _CLUB_WORD.fullmatch(club.upper())):
        return club
    return None


def club_word(word: str, gaz: Gazetteer) -> bool:
    """"Persib", "Persija" alone: a club, unless the word is vocabulary ("Persis", "Persen")."""
    return word.startswith("Pers") and _CLUB_WORD.fullmatch(word) is not None and not gaz.is_common(word)


def named_after_place(run: Sequence[Token], k: int, match: Callable[..., tuple[int, str, EntityType] | None],
                      gaz: Gazetteer) -> bool:
    """"Universitas Nasional Australia": a named head, vocabulary words, then a place ending the
    run; "PT Kereta Api Indonesia", "PT Bank Central Asia": a company's legal form, any words,
    then a place ending the run (a company is often named after its country or region)."""
    if run[k].text.casefold() in COMPANY_FORMS:
        for m in range(k + 2, len(run)):
            found = match(m, True)
            if found is not None and found[0] == len(run) and found[2] == "place":
                return True
        return False
    if run[k].text.casefold() not in NAMED_HEADS:
        return False
    m = k + 1
    while m < len(run) and gaz.is_common(run[m].text):
        m += 1
    found = match(m, True) if k + 1 < m < len(run) else None
    return found is not None and found[0] == len(run) and found[2] == "place"


def is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def portfolio_word(word: str) -> bool:
    """A noun made with ke-…-an or pe(r)-…-an, as a minister's portfolio is ("Menteri Keuangan",
    "Perhubungan", "Pendidikan"): after a title it names the office, not the person, though
    given names are often words too ("Menteri … Sari Wulandari")."""
    lower = word.casefold()
    return len(lower) >= 7 and lower.endswith("an") and lower.startswith(("ke", "pe"))


def is_headline(words: Sequence[str], gaz: Gazetteer) -> bool:
    """Title Case ("Presiden Joe Biden Tegaskan Amerika Ingin Jalin Hubungan Baik"): most words
    of four letters or more are capitalised, so capitals say nothing about names."""
    limit = max(1, len(words) // 10)  # at least what the long words allow: stop reading prose past it
    lowercase = 0
    for w in words:
        if len(w) >= 4 and not w[0].isupper():
            lowercase += 1
            if lowercase > limit:
                return False  # (most sentences, after a few words)
    long = [w for w in words if len(w) >= 4]
    if len(long) < 4 or lowercase > max(1, len(long) // 10):
        return False
    return sum(1 for w in long if w[0].isupper() and gaz.is_common(w)) >= 2


def plain_word(word: str, gaz: Gazetteer) -> bool:
    """A vocabulary word that no known name starts with and that is no head word.  Alone in a
    run (and not after an outlet cue) it is stripped as vocabulary whatever cue is before it,
    and the run gives no candidate: the cues are not worth reading."""
    lower = word.casefold()
    return (lower in gaz.vocabulary and not (len(word) >= 2 and word.isupper())  # gaz.is_common(word)
            and lower != "the" and lower not in ORG_HEADS and lower not in PLACE_HEADS
            and not gaz.may_start_name(word))
