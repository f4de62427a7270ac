"""Words, capitalised runs and name candidates: the units ``candidates`` works on.

Runs are cut at lowercase words, with two exceptions that follow how Indonesian news writes
names: connectors inside a name ("Centre for Strategic and International Studies"), and an
institution's name that goes on over "untuk", and over "dan" and commas when its acronym
follows ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)").  After typing, a name
nobody typed that is listed right after a place is a place ("di Semarang Utara dan Genuk").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from itertools import chain, compress
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple

from ..models import EntityType
from .gazetteer import (
    ACRONYM_AFTER_NAME,
    ADMIN_DIVISIONS,
    ARABIC_ARTICLES,
    CONNECTORS,
    HOSPITALS,
    LEGAL_SUFFIX,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_HEADS,
    Gazetteer,
)

_WORD = re.compile(r"(?<!\d)[^\W\d_][\w’']*")  # (not the M of "3M Plus": a word glued to a number)
_INITIAL_OR_TITLE = frozenset({"mr", "mrs", "ms", "dr", "prof", "jl", "st", "sdr",
                               "muh", "moh", "mhd", "abd", "kh", "ust",  # "Andi Muh. Rachman", "KH. Ma'ruf Amin"
                               "hj", "ir", "drs", "dra"})  # "Hj. Endang Sulastri", "Ir. Bambang Susilo"

# What may stand between two parts of one institution's name (see _join_organisations).
_ORG_JOIN = re.compile(r"(?:,\s*|\s+)(?:(dan|serta|untuk|and|for)\s+)?")
ACRONYM_AFTER = re.compile(ACRONYM_AFTER_NAME)
# The fields a department is named after, nouns made with pe(r)-…-an or ke-…-an ("Dinas
# Perindustrian dan Perdagangan", "Kementerian Kelautan dan Perikanan"): "dan" between two of
# them is inside one institution's name.  Not the divisions and sites named alike ("Kelurahan").
_FIELD = re.compile(r"(?:Pe[rmn]?|Ke)[a-z]{3,}an")
_NOT_FIELDS = ADMIN_DIVISIONS | PLACE_HEADS | {"perusahaan", "perairan", "pemerintahan"}
# Fields of ministries and directorates not shaped like "Pe…an" ("Kementerian Haji dan Umrah").
# The words either side of the "dan" of Indonesia's ministries and agencies named after two
# fields ("Energi dan Sumber Daya Mineral", "Hukum dan Hak Asasi Manusia", "Lingkungan Hidup dan
# Kehutanan", "Pekerjaan Umum dan Perumahan Rakyat", "Politik, Hukum, dan Keamanan").
_FIELD_PAIRS = frozenset({
    ("Haji", "Umrah"), ("Pemuda", "Olahraga"), ("Riset", "Teknologi"), ("Koperasi", "UKM"), ("Energi", "Sumber"),
    ("Hukum", "Hak"), ("Hukum", "HAM"), ("Hidup", "Kehutanan"), ("Agraria", "Tata"), ("Pariwisata", "Ekonomi"),
    ("Komunikasi", "Informatika"), ("Umum", "Perumahan"), ("Tertinggal", "Transmigrasi"), ("Hukum", "Keamanan"),
    ("Negara", "Reformasi"), ("Riset", "Inovasi"), ("Klimatologi", "Geofisika")})
# The rest of those second fields written in several words.
_FIELD_RESTS = MappingProxyType({
    "Sumber": ("Daya", "Mineral"), "Hak": ("Asasi", "Manusia"), "Perumahan": ("Rakyat",), "Tata": ("Ruang",),
    "Ekonomi": ("Kreatif",), "Reformasi": ("Birokrasi",), "Pencatatan": ("Sipil",)})
# Between two items of a list of names: "X dan Y", "X, Y", "X, serta Y".
_COMMA = re.compile(r"\s*,")
_AND = re.compile(r"\s+(?:dan|serta|atau)\s")
_LIST_JOIN = re.compile(r"(?:\s*,\s*|\s+)(?:(dan|serta|atau)\s+)?")
_NAME_WORD_GAP = re.compile(r"[A-Z][a-z]+ ")  # one capitalised word and a space

# Strength of the evidence for a candidate's type; stronger evidence wins when merging.
KNOWN, STRUCTURE, CUE, NONE = 3, 2, 1, 0

_PARENTHESISED_CAPS = re.compile(r"\([A-Z]+\)")  # "(KCNA)": dropped before counting words, as the cues do
_CONTEXT = 256  # characters before a run read first; more than the cues look at in a normal sentence


def text_before(text: str, start: int, end: int) -> str:
    """``text[start:end]``, or the end of it that every cue read before a run sees the same way.

    The cues read at most 80 characters, the last non-space character, and the last eight
    words (after dropping "(ABC)"); a window holding nine whole words after its first space
    shows them all exactly.  Only a sentence of long words or long gaps needs more, and the
    window doubles until it has them: copying the whole sentence before every run of it
    made a long sentence quadratic.
    """
    reach = _CONTEXT
    while end - reach > start:
        window = text[end - reach:end]
        space = next((i for i, c in enumerate(window) if c.isspace()), None)
        if space is not None and len(_PARENTHESISED_CAPS.sub(" ", window[space:].rstrip()[:-1]).split()) >= 9:
            return window
        reach *= 2
    return text[start:end]


class Token(NamedTuple):
    """A word of a sentence.  (Named tuples, not dataclasses: an article has thousands of
    words and candidates, and a frozen dataclass costs three times as much to make.)"""

    start: int
    end: int
    text: str
    joiner: str  # text between the previous token of the run and this one ("" for the first)


# Token(...) made in C, without the named tuple's Python-level __new__ (the same value):
# tokenizing makes one per word of the article.
_new_token = partial(tuple.__new__, Token)
_TEXT = itemgetter(2)  # a Token's text


class Candidate(NamedTuple):
    """A name occurrence with what we could tell about it."""

    start: int
    end: int
    text: str
    type: EntityType | None
    canonical: str | None  # a gazetteer/known name, when the occurrence is one
    strength: int
    initial: bool  # first word of its sentence (capitalised for grammar, not for being a name)
    tokens: int = 1


class Words:
    """The words of a sentence (``tokenize``): all their texts, and each word as a ``Token``
    only when asked for.  Most words are lowercase and never go into a run; making a token
    of each was the dearest part of reading a sentence."""

    __slots__ = ("texts", "_matches", "_tokens", "lowercase_names")

    def __init__(self, texts: list[str], matches: list[re.Match[str]] | None = None,
                 tokens: list[Token] | None = None, lowercase_names: bool = False) -> None:
        self.texts = texts
        self._matches = matches
        self._tokens = tokens
        self.lowercase_names = lowercase_names  # a name opens with a lowercase article ("al-Masri")

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Token:
        if self._tokens is not None:
            return self._tokens[i]
        match = self._matches[i]  # type: ignore[index]
        return _new_token((match.start(), match.end(), self.texts[i], ""))

    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every word, in order."""
        if self._tokens is not None:
            return [(t.start, t.end) for t in self._tokens]
        return list(map(re.Match.span, self._matches))  # type: ignore[arg-type]

    def tokens(self) -> list[Token]:
        """Every word as a token, in order."""
        if self._tokens is None:
            self._tokens = [self[i] for i in range(len(self.texts))]
        return self._tokens


TITLED_ARTICLES = frozenset({"Al", "El"})  # Arabic articles written capitalised ("Omar Al-Khatib")


def tokenize(text: str, start: int, end: int) -> Words:
    """Words of a sentence; lowercase hyphen continuations and reduplications stay one word."""
    if text.find("-", start, end) < 0:  # no word to join to the one before: each word is a match
        matches = list(_WORD.finditer(text, start, end))
        return Words(list(map(re.Match.group, matches)), matches=matches)
    out: list[Token] = []
    last_end = -2  # end of the last token
    lowercase_names = False
    for match in _WORD.finditer(text, start, end):
        s, e = match.span()
        if s == last_end + 1 and text[s - 1] == "-":
            prev = out[-1]
            word = match.group()
            # "al-Masri", "Al-Khatib": one word (but "AS-China" is two places, and "As" a word)
            article = prev.text in ARABIC_ARTICLES or prev.text in TITLED_ARTICLES
            if word[0].islower() or word.casefold() == prev.text.rsplit("-", 1)[-1].casefold() or article:
                out[-1] = _new_token((prev.start, e, text[prev.start:e], prev.joiner))
                lowercase_names = lowercase_names or (article and prev.text[0].islower() and word[0].isupper())
                last_end = e
                continue
        out.append(_new_token((s, e, text[s:e], "")))
        last_end = e
    return Words([t.text for t in out], tokens=out, lowercase_names=lowercase_names)


def capitalised(word: str) -> bool:
    """Does ``word`` start as a name does: with a capital, or with an Arabic article before one
    ("al-Masri", which Indonesian outlets write in lowercase)?"""
    if word[:1].isupper():
        return True
    article, hyphen, name = word.partition("-")
    return bool(hyphen) and article in ARABIC_ARTICLES and name[:1].isupper()


# Words a school's number follows ("SMA Negeri 1 Bogor", "SMPN 3 Depok"): the number is inside its name.
_NUMBERED = frozenset({"Negeri", "Swasta", "SDN", "SMPN", "SMAN", "SMKN", "MAN", "MTsN", "MIN"})
_SCHOOL_NUMBER = re.compile(r" \d{1,3} ")
_TWO_PARTICLES = frozenset({("van", "der"), ("van", "den"), ("von", "der"), ("de", "la"), ("van", "de")})


def find_runs(text: str, tokens: Words) -> list[list[Token]]:
    """Maximal sequences of capitalised tokens joined by a space, a hyphen or "F. "."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    texts, spans = tokens.texts, tokens.spans()
    last = -2  # index in ``tokens`` of the last token of ``current``
    last_end, last_text = 0, ""  # its end and text
    # Only the capitalised tokens are read (found in C: most words are lowercase), and the
    # one word between two of them, which may be a connector ("Centre for Strategic ...").
    # Each becomes a token once, with its joiner (a run always ends with a capitalised one).
    capitals = map(capitalised if tokens.lowercase_names else str.isupper,  # ("al-Masri" is a name's word)
                   texts if tokens.lowercase_names else map(itemgetter(0), texts))
    for i in compress(range(len(texts)), capitals):
        start, end = spans[i]
        word = texts[i]
        if word == LEGAL_SUFFIX:  # "PT Nusantara Agro Lestari Tbk": the company's legal form ends its name
            if current:
                runs.append(current)
            current = []
            continue
        if current and i == last + 1:
            gap = text[last_end:start]
            numbered = last_text in _NUMBERED and _SCHOOL_NUMBER.fullmatch(gap)  # ("SMA Negeri 1 Bogor")
            if gap == " " or gap == "-" or numbered or (gap == ". " and (
                    (len(last_text) == 1 and last_text.isupper()) or last_text.casefold() in _INITIAL_OR_TITLE)):
                current.append(_new_token((start, end, word, gap)))
                last, last_end, last_text = i, end, word
                continue
        elif current and i == last + 2:
            connector = texts[last + 1]  # joined to the run by a space, then a space to this token
            connector_start, connector_end = spans[last + 1]
            after = text[connector_end:start]
            if text[last_end:connector_start] == " " and (
                    (connector in CONNECTORS and after == " ")
                    or (connector == "dr" and after == ". " and last_text.casefold() in HOSPITALS)):
                # ("RSUD dr. M. Ashari": a hospital named after a doctor)
                current.append(_new_token((connector_start, connector_end, connector, " ")))
                current.append(_new_token((start, end, word, after)))
                last, last_end, last_text = i, end, word
                continue
        elif current and i == last + 3 and (texts[last + 1], texts[last + 2]) in _TWO_PARTICLES:
            # "Hendrik van der Meulen", "Ursula von der Leyen": a family name's two particles
            first, second = spans[last + 1], spans[last + 2]
            if text[last_end:first[0]] == " " and text[first[1]:second[0]] == " " and text[second[1]:start] == " ":
                current.append(_new_token((first[0], first[1], texts[last + 1], " ")))
                current.append(_new_token((second[0], second[1], texts[last + 2], " ")))
                current.append(_new_token((start, end, word, " ")))
                last, last_end, last_text = i, end, word
                continue
        if current:
            runs.append(current)
        current = [_new_token((start, end, word, ""))]
        last, last_end, last_text = i, end, word
    if current:
        runs.append(current)
    if ORG_HEADS.isdisjoint(map(str.casefold, map(_TEXT, chain.from_iterable(runs)))):
        return runs  # (most sentences: no institution to extend)
    return _join_organisations(text, tokens, runs)


def _join_organisations(text: str, words: Words, runs: list[list[Token]]) -> list[list[Token]]:
    """"Kantor Komisaris Tinggi PBB untuk Pengungsi", "Badan Meteorologi, Klimatologi, dan Geofisika
    (BMKG)": an institution's name continues over "untuk" and, when its acronym follows, over
    "dan" and commas.  Only runs that contain an organisation's head word are extended, and a run
    that starts with a head or a title of its own is a second name, not a continuation."""
    out: list[list[Token]] = []
    n = 0
    while n < len(runs):
        run = runs[n]
        if not any(t.text.casefold() in ORG_HEADS for t in run):
            out.append(run)
            n += 1
            continue
        joined, m, committed = list(run), n + 1, (list(run), n + 1)
        while m < len(runs):
            nxt = runs[m]
            gap = _ORG_JOIN.fullmatch(text, joined[-1].end, nxt[0].start)
            first = nxt[0].text.casefold()
            if gap is None or first in ORG_HEADS or first in PERSON_TITLES:
                break
            before = joined[-1].text
            between = [t for t in words.tokens() if joined[-1].end < t.start < nxt[0].start]
            joined += [Token(t.start, t.end, t.text, text[prev.end:t.start])
                       for prev, t in zip([joined[-1], *between], between, strict=False)]
            joined += [Token(nxt[0].start, nxt[0].end, nxt[0].text, text[joined[-1].end:nxt[0].start]), *nxt[1:]]
            m += 1
            if ((gap.group(1) or "").casefold() in ("untuk", "for") or ACRONYM_AFTER.match(text, joined[-1].end)
                    or _two_fields(gap, before, nxt[0].text)):
                committed = (list(joined), m)
        out.append(committed[0])
        n = committed[1]
    return out


def fields_end(run: Sequence[Token], k: int) -> int | None:
    """Where a department named after two fields ends ("Dinas Perindustrian dan Perdagangan",
    joined by ``_two_fields``), when the run holds one from token ``k`` (a head word): the
    token after its "dan", or after the rest of a second field of several words ("Kementerian
    Energi dan Sumber Daya Mineral")."""
    if k >= len(run) or run[k].text.casefold() not in ORG_HEADS:
        return None
    end = next((d + 2 for d in range(k + 2, len(run) - 1) if run[d].text in ("dan", "serta")), None)
    if end is not None and (rest := _FIELD_RESTS.get(run[end - 1].text)) is not None \
            and tuple(t.text for t in run[end:end + len(rest)]) == rest:
        return end + len(rest)
    return end


def ministry_start(run: Sequence[Token], k: int, end: int) -> int:
    """Where a ministry's name starts in a department's tokens ``k`` to ``end``, after a unit of
    it ("Direktorat Jenderal Imigrasi Kementerian Hukum dan HAM"); ``k`` when none does."""
    return next((h for h in range(k + 1, end) if run[h].text == "Kementerian"), k)


def _two_fields(gap: re.Match[str], before: str, after: str) -> bool:
    """Does "dan" (or "serta") join two fields of one department ("Perindustrian dan Perdagangan")?"""
    return gap.group() in (" dan ", " serta ", ", dan ", ", serta ") and (
        (_FIELD.fullmatch(before) is not None and _FIELD.fullmatch(after) is not None
         and after.casefold() not in _NOT_FIELDS) or (before, after) in _FIELD_PAIRS)


def _listed_after_places(text: str, candidates: list[Candidate], n: int) -> bool:
    """Do two places listed with a comma come right before candidate ``n`` ("Palu, Donggala, dan …")?"""
    if n < 2 or candidates[n - 2].type != "place":
        return False
    between = _LIST_JOIN.match(text, candidates[n - 2].end, candidates[n - 1].start)
    return between is not None and between.end() == candidates[n - 1].start and "," in between.group()


def coordinated_places(text: str, candidates: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """"di Semarang Utara dan Genuk", "ke Demak, Kudus, dan Pati": a name nobody typed, listed
    right after a place with "dan"/"serta"/"atau" (or a comma, when the list goes on after it),
    is a place; so is one that shares the place's first word, a word too ("Kecamatan Medan
    Denai, Medan Amplas, dan Medan Tembung": "Medan" is a field, and the districts' city)."""
    out = list(candidates)
    for n in range(1, len(out)):
        prev, c = out[n - 1], out[n]
        if c.initial or prev.type != "place" or (c.strength >= KNOWN and c.type != "place"):
            continue
        joiner = _LIST_JOIN.match(text, prev.end, c.start)
        if joiner is None or not ("," in joiner.group() or joiner.group(1)):
            continue
        start = joiner.end()
        shared = prev.text.split(" ", 1)[0] + " " if " " in prev.text else None
        if c.type == "place":
            # "Kecamatan Citeureup, Babakan Madang": a known place after a word of the district's name
            gap = text[start:c.start]
            if c.start == start or not _NAME_WORD_GAP.fullmatch(gap) or gap.strip().casefold() in ADMIN_DIVISIONS:
                continue
        elif c.type is not None and not (c.strength <= CUE and c.canonical is None and (
                (shared and text.startswith(shared, c.start))
                or (joiner.group(1) and _listed_after_places(text, out, n)))):
            continue  # (but "Kodi Utara, Kodi Bangedo", "Palu, Donggala, dan Parigi Moutong": a place too)
        elif start < c.start and not (shared and text.startswith(shared, start) and start + len(shared) == c.start):
            continue  # (but "Medan Denai, Medan Amplas": the first word, a word too, was not read as a name)
        if joiner.group(1) is None and not (_COMMA.match(text[c.end:c.end + 2]) or _AND.match(text, c.end)):
            continue  # (after a comma, the list goes on: "Sukamaju, Cibodas dan Karangsari")
        name = text[start:c.end]
        found = gaz.lookup(name)
        canonical = found[0] if found and found[1] == "place" else None
        out[n] = Candidate(start, c.end, name, "place", canonical, CUE, False, len(name.split()))
    return out
