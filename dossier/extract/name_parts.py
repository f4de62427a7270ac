"""Which words of a name belong to whom, read from the rest of the article.

A surname can also be a town ("Tambunan"), a given name a word ("Rahmat", "Sari"), and a
person's name is often run into the institution before it ("Juru bicara Kementerian
Perhubungan Rahmat Daeng Matutu").  What the article writes elsewhere settles it: the
person it names in full, the fuller name it writes again.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from ..text import fold
from .gazetteer import AGE_IN_BRACKETS, ARABIC_ARTICLES, PERSON_TITLES, PLACE_CUES, SPEAKER_CUES
from .runs import CUE, Candidate

# Given names the press drops for the name after them: Bugis-Makassar nobility, Muhammad and its
# short forms, Balinese birth-order prefixes, Acehnese and Javanese honorifics ("Andi Rahmat
# Hasyim" ... "tegas Rahmat").
DROPPED_FIRST_NAMES = frozenset({"andi", "muhammad", "mohammad", "mohamad", "muhamad", "muh", "moh", "m", "i", "ni",
                                 "sang", "raden", "teuku", "tengku", "cut", "haji", "hj"})
# A Balinese name opens with markers of caste and birth order, and the press calls the person
# by the name after them or by the birth-order name ("I Made Suryawan Adnyana" ... "Suryawan";
# "I Wayan Sudana" ... "Wayan"; "Anak Agung Gede Rai Suryawan").
BIRTH_ORDER = frozenset({"wayan", "putu", "gede", "made", "kadek", "nengah", "nyoman", "komang", "ketut", "luh"})
_BALINESE_OPENERS = BIRTH_ORDER | {"i", "ni", "sang", "anak", "ida", "cokorda", "desak"}
_BALINESE_MARKERS = _BALINESE_OPENERS | {"gusti", "ngurah", "agung", "bagus", "ayu", "dewa"}
# Words that open a family name only ("Dela Cruz", "Van Gaal", "De Lima"): the one word before is
# the given name, never something glued to the person.
SURNAME_PARTICLES = frozenset({"dela", "de", "del", "della", "dalla", "delos", "van", "von", "da", "dos", "di", "le",
                               "la"})
# "tersangka berinisial AR", "pelaku berinisial HS dan RT": initials the press gives for a
# suspect's or a victim's name, never an organisation's acronym.
_INITIALS = re.compile(r"\b(?:ber)?inisial\s+([A-Z]{1,4})\b((?:\s*(?:,|dan|serta)\s*[A-Z]{1,4}\b)*)")
_MORE_INITIALS = re.compile(r"[A-Z]{1,4}\b")
# The word before a name, lowercased ("di", "ke": the name is a place).
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def initial_or_dropped(word: str) -> bool:
    """"M." of "M. Ashari", "Moh." of "Moh. Rizal Pakaya": a word a name goes on after with ". "."""
    return (len(word) == 1 and word.isupper()) or word.casefold() in DROPPED_FIRST_NAMES


def short_forms(tokens: list[str]) -> set[str]:
    """The one-word forms a later mention may use for a person named by ``tokens`` (folded, two or
    more): the first or last name, the name after one the press drops ("Rahmat" of "Andi
    Rahmat Hasyim"), any of a Malay name's own names ("Faizal" of "Ahmad Faizal bin Osman"), any
    of three names ("Fauzan" of "Ahmad Fauzan Hasibuan")."""
    if len(tokens) < 2:
        return set()
    if len(tokens) >= 3 and (tokens[-2] in ARABIC_ARTICLES or tokens[-2] in ("o", "d")):
        # "al-Masri" of "Khalil al-Masri", "O'Connell" of "Liam O'Connell" (folded "al masri", "o connell")
        return {*short_forms(tokens[:-2] + [tokens[-1]]), f"{tokens[-2]} {tokens[-1]}"}
    if len(tokens) >= 3 and tokens[0] in _BALINESE_OPENERS:
        k = next(k for k in range(len(tokens)) if k == len(tokens) - 1 or tokens[k] not in _BALINESE_MARKERS)
        return {*(t for t in tokens[:k] if t in BIRTH_ORDER), tokens[k], tokens[-1]}
    if len(tokens) >= 3 and tokens[0].rstrip(".") in DROPPED_FIRST_NAMES:
        return {tokens[0], tokens[1], tokens[-1]}
    father = next((k for k in range(2, len(tokens) - 1) if tokens[k] in ("bin", "binti")), None)
    if father is not None:  # (the father's name follows "bin")
        return {*tokens[:father], tokens[-1]}
    if len(tokens) == 3 and tokens[1] not in SURNAME_PARTICLES and len(tokens[1]) >= 4 and min(map(len, tokens)) >= 3:
        return set(tokens)  # "Fauzan" of "Ahmad Fauzan Hasibuan" (not "Jong" of "Kim Jong Un": one given name)
    return {tokens[0], tokens[-1]}


def after_dropped_names(form: str) -> str | None:
    """"daeng matutu" of "andi muh. daeng matutu" (folded): the name after the given names the
    press drops, when two words at least are left; None for any other name."""
    tokens = form.split()
    k = 0
    while k < len(tokens) and tokens[k].rstrip(".") in DROPPED_FIRST_NAMES:
        k += 1
    return " ".join(tokens[k:]) if k and len(tokens) - k >= 2 else None


def particle_family(form: str) -> str | None:
    """"van der meulen" of "hendrik van der meulen" (folded): a family name that opens with a
    particle, as the press writes it alone ("Van der Meulen"); None for any other name."""
    tokens = form.split()
    k = next((k for k in range(1, len(tokens) - 1) if tokens[k] in SURNAME_PARTICLES), None)
    return " ".join(tokens[k:]) if k is not None else None


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


def lone_names(text: str, people: Sequence[tuple[str, Sequence[Candidate]]],
               found: Sequence[Candidate], is_word: Callable[[str], bool]) -> list[tuple[int, Candidate]]:
    """The person (index in ``people``: name, members) and mention of each given or family name
    the article writes alone where nothing was found: "Hidayat tiba di Jember" after "Kepala
    BPBD Jember Agus Hidayat", "Menurut Sabar" after "Ketua Bawaslu Medan Sabar Harahap".  A
    name that is also a word (``is_word``: Hidayat, Wijaya, Sabar) alone in its run gives no
    candidate; once the article names its person in full, it is that person, when no other
    person of the article has it and no capitalised word beside it makes it part of another
    name ("Tanjung Perak", "Hidayat Nur Wahid").  (The given name after one the press drops
    counts as the given name: "Rahmat" of "Andi Rahmat Hasyim".)"""
    owners: dict[str, set[int]] = {}
    inside: set[str] = set()  # words in the middle of a name: "Nur" of "Hidayat Nur Wahid"
    for n, (name, _members) in enumerate(people):
        words = name.split()
        if len(words) < 2:
            continue
        given = 1 if len(words) >= 3 and words[0].casefold().rstrip(".") in DROPPED_FIRST_NAMES else 0
        for k, word in enumerate(words):
            if k in (given, len(words) - 1) and word[:1].isupper() and is_word(word):
                owners.setdefault(word, set()).add(n)
            elif k not in (given, len(words) - 1):
                inside.add(word)
    if not owners:
        return []
    spans = sorted((c.start, c.end) for c in found)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # the furthest end of the spans so far
    out = []
    for word, persons in owners.items():
        if len(persons) != 1 or word in inside:
            continue
        (person,) = persons
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (_whole_word(text, at, end) and not _within(starts, reach, at, end)
                    and not _capital_beside(text, at, end)):
                out.append((person, Candidate(at, end, word, "person", None, CUE, False, 1)))
            at = text.find(word, end)
    return out


def _whole_word(text: str, start: int, end: int) -> bool:
    return ((start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_'’"))
            and (end == len(text) or not (text[end].isalnum() or text[end] in "-_")))


def _within(starts: Sequence[int], reach: Sequence[int], start: int, end: int) -> bool:
    """Does ``start``-``end`` overlap a span, given the spans' sorted starts and the furthest
    end of each one and those before it?"""
    k = bisect.bisect_left(starts, end)  # the spans starting before ``end``
    return k > 0 and reach[k - 1] > start


def _capital_beside(text: str, start: int, end: int) -> bool:
    """Is the word at ``start``-``end`` next to a capitalised word, across spaces only (in one run)?"""
    before = text[max(0, start - 40):start]
    stripped = before.rstrip(" ")
    if stripped != before and stripped[-1:].isalpha():
        word = stripped.split()[-1]
        if word[:1].isupper() and word.casefold() not in SPEAKER_CUES:  # ("Menurut Hidayat, …")
            return True
    after = text[end:end + 2]
    return after.startswith(" ") and after[1:2].isupper()


# "RS (24) dan AP (19)": suspects by their initials and ages.  (Each pattern below is found by
# the rare text it ends with, then checked before it: scanning every word of every article with
# a pattern that opens with a word boundary was a tenth of extraction.)
_AGE = re.compile(AGE_IN_BRACKETS.removeprefix(r"\s?"))
_INITIALS_BEFORE_AGE = re.compile(r"\b([A-Z]{2,4})\s?\Z")


def initials(text: str) -> frozenset[str]:
    """The initials the article names people by ("berinisial AR", "inisial HS dan RT", "RS (24)"):
    in this article such a word is that person, wherever it is written ("kuasa hukum tersangka HS")."""
    found = set(_before(text, _AGE, _INITIALS_BEFORE_AGE, 6)) if "(" in text else set()
    if "inisial" not in text:
        return frozenset(found)
    for match in _INITIALS.finditer(text):
        found.add(match[1])
        found.update(_MORE_INITIALS.findall(match[2]))
    return frozenset(found)


# "kejadian luar biasa (KLB)", "uji berkala (KIR)": an acronym spelled out in lowercase words is
# a term the article abbreviates, not a name; "nomor polisi F 7521 UA": a number plate's letters.
_TERM_ACRONYM = re.compile(r" \(([A-Z]{2,6})\)")
_LOWERCASE_WORD = re.compile(r"\b[a-z][a-z-]+\Z")
# "Kartu Indonesia Pintar (KIP)", "Program Legislasi Nasional (Prolegnas)", "Rapat Permusyawaratan
# Hakim (RPH)": a card, a programme, a meeting, a rule or an index, named and abbreviated like an
# institution but none; the name and its acronym are no entity (not the UN's programmes, which are:
# "Program Pangan Dunia (WFP)").
_THING_NAME = re.compile(r"\b((?:Kartu|Program(?! (?:Pangan|Pembangunan|Lingkungan))|Rapat|Layanan|Nomor|Indeks"
                         r"|Peraturan|Sistem|Operasi|Penerimaan|Masa|Proyek)(?: [A-Z][\w-]*)+|Hari Ulang Tahun)"
                         r"(?: \(([A-Z][A-Za-z]{1,11})\))?")
_PLATE_LETTERS = re.compile(r"\b[A-Z]{1,2} \d{1,4} ([A-Z]{1,3})\b")
# "dr. Rini, Sp.PD": a specialist's degree; "kloter PDG-01": a code and its number;
# "1,38 LS dan 120,06 BT": the letters of coordinates; "US$ 45 juta", "S$": a currency's letters;
# "H-7", "H+3": days counted from a holiday.  Each looked for only where its text can be.
_SPECIALIST = re.compile(r"\bSp\.([A-Z]{1,4})\b")
_CODE_NUMBER = re.compile(r"-\d+\b")
_CODE_LETTERS = re.compile(r"\b([A-Z]{2,5})\Z")
_COORDINATE = re.compile(r"\d\s?°?\s?(LS|LU|BT|BB)\b")
_CURRENCY = re.compile(r"\b([A-Z]{1,3})\$")
_DAY_COUNT = re.compile(r"\b(H)[-+–]\d{1,3}\b")
# "Prof. Bambang Wirawan, M.Sc.", "S.H., M.H.", "M.B.A.": a degree after a name, its first letter no one
_DEGREE = re.compile(r",\s([A-Z])\.(?:[A-Za-z]{1,4}\.)+")


def _before(text: str, tail: re.Pattern[str], head: re.Pattern[str], reach: int) -> Iterator[str]:
    """Group 1 of ``head`` matched right before each match of ``tail`` (within ``reach`` characters),
    or of ``tail`` when ``head`` has no group: a pattern found by its rare end."""
    for m in tail.finditer(text):
        if (before := head.search(text, max(0, m.start() - reach), m.start())) is not None:
            yield before[1] if head.groups else m[1]


def not_names(text: str) -> frozenset[str]:
    """Capitalised words this article shows are no one's name: the acronyms of its lowercase
    terms, the letters of number plates, degrees, codes and coordinates (wherever else the
    article writes them)."""
    found = set(_before(text, _TERM_ACRONYM, _LOWERCASE_WORD, 80)) if "(" in text else set()
    found.update(name for names in _THING_NAME.findall(text) for name in names if name)
    found.update(_PLATE_LETTERS.findall(text))
    if "Sp." in text:
        found.update(_SPECIALIST.findall(text))
    found.update(_before(text, _CODE_NUMBER, _CODE_LETTERS, 6))
    if "LS" in text or "LU" in text or "BT" in text or "BB" in text:
        found.update(_COORDINATE.findall(text))
    if "$" in text:
        found.update(_CURRENCY.findall(text))
    if "H-" in text or "H+" in text or "H–" in text:
        found.update(_DAY_COUNT.findall(text))
    found.update(_DEGREE.findall(text))
    return frozenset(found)


# Holidays: an event named after one is no one ("Dharma Santi Nyepi", "Perayaan Natal"), though
# its words are no vocabulary.  (Not "Fitri" or "Ramadhan", which are given names too.)
HOLIDAYS = frozenset({"nyepi", "lebaran", "natal", "imlek", "waisak", "galungan", "paskah", "nataru",
                      "idulfitri", "iduladha"})


def names_a_holiday(c: Candidate) -> bool:
    """Is candidate ``c`` a person the shape guessed whose name ends with a holiday (an event)?"""
    return c.type == "person" and c.canonical is None and fold(c.text).rpartition(" ")[2] in HOLIDAYS


# "Ahmad Fauzan Nur, gelandang Persebaya yang akrab disapa Ojan": the name the article says a
# person goes by (one or two capitalised words).
_NICKNAME = re.compile(r"\b(?:(?:akrab|biasa|karib|kerap|lebih dikenal)\s+(?:di)?(?:sapa|panggil)|alias)\s+"
                       r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)")
# A nickname that is a word of time, read as time: "Bulan depan sepi lagi" in the quotation of a
# woman called "Inaq Bulan" is next month, not her.
_TIME_AFTER = re.compile(r"\s+(?:depan|lalu|ini|kemarin|mendatang)\b")
_NICKNAME_REACH = 200  # characters from the person's last mention to "akrab disapa"


def nicknames(text: str, people: Sequence[Sequence[Candidate]]) -> list[tuple[int, int, int]]:
    """(person, start, end) of every place the article writes a nickname it gives ("yang akrab
    disapa Ojan" ... "menjatuhkan Ojan"): the person (index in ``people``, their members)
    mentioned last before the phrase, within ``_NICKNAME_REACH`` characters."""
    if "sapa" not in text and "panggil" not in text and "alias" not in text:
        return []
    out = []
    for m in _NICKNAME.finditer(text):
        before = [(c.end, n) for n, members in enumerate(people) for c in members
                  if c.end <= m.start() and m.start() - c.end <= _NICKNAME_REACH]
        if not before:
            continue
        person = max(before)[1]
        nick = m[1]
        honorific, _, called = nick.partition(" ")
        if called and honorific.casefold() in PERSON_TITLES:
            nick = called  # "yang akrab disapa Ceu Imah": the Sundanese "Ceu" is her honorific, "Imah" her name
        at = text.find(nick)
        while at >= 0:
            end = at + len(nick)
            if _whole_word(text, at, end) and not _TIME_AFTER.match(text, end):
                out.append((person, at, end))
            at = text.find(nick, end)
    return out
