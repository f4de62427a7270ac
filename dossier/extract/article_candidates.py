"""An article's name candidates, sentence by sentence, with what was worked out remembered
per gazetteer (``Gazetteer.memo``).

``candidates`` cuts one run into candidates; a run's segmentation depends only on its
words and the facts around it (``cues.Facts``), and a sentence's candidates only on its
text, so both are remembered: news repeats its names in the same few contexts and whole
sentences (wire copy, boilerplate).  A remembered answer is the answer (the memos are
pure functions' results), and a full memo forgets its older half.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from itertools import islice
from operator import itemgetter
from typing import TypeVar

from ..models import Sentence
from ..text import fold
from .candidates import NONE, SENTENCE_LEAD, segment
from .cues import aged_after, facts_around, no_cue_before, speaks_after
from .gazetteer import Gazetteer
from .runs import Candidate, Token, coordinated_places, find_runs, tokenize
from .word_kinds import is_headline, opens_compound, plain_word

__all__ = ["find_candidates"]


# Candidate(...) made in C from its fields (the same value): one for every candidate of
# every sentence, remembered or not.
_new_candidate = partial(tuple.__new__, Candidate)
_TEXT, _JOINER = itemgetter(2), itemgetter(3)  # a Token's text and joiner
_K = TypeVar("_K")
_V = TypeVar("_V")
_MEMO_LIMIT = 1 << 14  # runs (or words) remembered per gazetteer: ~800 bytes a run, 13 MB at most
# Sentences remembered per gazetteer: a process extracting thousands of articles meets a
# repeated sentence long after the first (at 4,000 articles, a memo of 16,384 recomputed a
# tenth more sentences than one of 65,536); ~500 bytes a sentence, ~30 MB at most.
_SENTENCE_MEMO_LIMIT = 1 << 16
_WORD_END = "_’'"  # what may end a word besides letters and digits (``runs._WORD``)
# What opens a vessel's name: kapal motor, kapal motor penumpang, Kapal Republik Indonesia,
# kapal layar motor, kapal negara, motor vessel, motor tanker.
VESSEL_PREFIXES = frozenset({"KM", "KMP", "KRI", "KLM", "KN", "MV", "MT"})
# A region's government named by its level, its short form in brackets, then the region:
# "Pemerintah Kabupaten (Pemkab) Buton" is Buton's government, as "Pemkab Buton" is (a place
# after an office that governs it), not an organisation called "Pemerintah Kabupaten".
_GOVERNMENT_LEVELS = frozenset(("pemerintah", level) for level in ("provinsi", "kabupaten", "kota", "daerah", "desa"))
_GOVERNMENT_OF = re.compile(r"\s*\((?:Pemprov|Pemkab|Pemkot|Pemda|Pemdes)\)\s+[A-Z]")


def _forget_oldest(memo: dict[_K, _V]) -> None:
    """Make room in a full memo: the older half goes (a dict keeps the order entries came in).

    Clearing it all would drop the names a dossier keeps repeating along with the rest, and
    a dossier with more than a memo's worth of runs would read them all again and again.
    """
    for key in list(islice(memo, len(memo) // 2 + 1)):
        del memo[key]


def _is_plain(word: str, gaz: Gazetteer) -> bool:
    """``word_kinds.plain_word``, remembered per gazetteer."""
    known = gaz.memo.plain_words
    plain = known.get(word)
    if plain is None:
        if len(known) >= _MEMO_LIMIT:
            _forget_oldest(known)
        plain = known[word] = plain_word(word, gaz)
    return plain


def _segment_run(text: str, run: list[Token], sentence: Sentence, gaz: Gazetteer,
                 initial: bool, headline: bool) -> list[Candidate]:
    """Candidates of one run (``initial``: it opens the sentence).

    The segmentation is a function of the run's words and of the facts around it alone
    (``candidates.segment``), so it is worked out once per gazetteer for each such pair: news repeats
    its names in the same few contexts, in an article and across a dossier.
    """
    key = (tuple(map(_TEXT, run)), tuple(map(_JOINER, run)), facts_around(text, run, sentence, initial, headline))
    runs = gaz.memo.runs
    pieces = runs.get(key)
    if pieces is None:
        if len(runs) >= _MEMO_LIMIT:
            _forget_oldest(runs)
        pieces = runs[key] = segment(*key, gaz)
    return [_new_candidate((run[first].start, run[end - 1].end, *rest)) for first, end, *rest in pieces]


def _sentence_candidates(text: str, sentence: Sentence, gaz: Gazetteer, out: list[Candidate]) -> None:
    """Append the candidates of one sentence to ``out`` (before ``coordinated_places``)."""
    start = sentence.start
    tokens = tokenize(text, start, sentence.end)
    # (a sentence closed by a full stop is prose, however many of its words are capitalised:
    # "Mantan Presiden Susilo Bambang Yudhoyono (SBY) hadir di Jakarta.")
    headline = not sentence.text.rstrip("\"”’' ").endswith(".") and is_headline(tokens.texts, gaz)
    lead = SENTENCE_LEAD.match(text, start, sentence.end).end()  # type: ignore[union-attr]
    plain = gaz.memo.plain_words
    for run in find_runs(text, tokens):
        first = run[0]
        if len(run) == 2 and run[1].joiner == "-" and run[1].text == "Rate":
            continue  # "BI-Rate": a central bank's rate, named with its acronym, no mention of the bank
        if len(run) >= 2 and first.text == "Surat" and gaz.is_common(run[1].text):
            # "Surat Persetujuan Berlayar", "Surat Keputusan Gubernur Jawa Barat": a letter or a
            # permit (no city of Surat), then what it is of
            paper = 1
            while paper < len(run) and gaz.is_common(run[paper].text):
                paper += 1
            if paper == len(run):
                continue
            run = run[paper:]
            first = run[0]
        vessel = next((k for k, token in enumerate(run[:-1])
                       if token.text in VESSEL_PREFIXES and not run[k + 1].text.isupper()), None)  # (not "BEM KM UGM")
        if vessel is not None:  # "KM Sinar Kamaru", "KRI Nanggala": a boat's name, a thing (and no town Kamaru)
            if vessel == 0:
                continue
            run = run[:vessel]  # ("Nakhoda KM Sinar Kamaru": what comes before the boat)
            first = run[0]
        if len(run) == 2 and _GOVERNMENT_OF.match(text, run[1].end) \
                and (first.text.casefold(), run[1].text.casefold()) in _GOVERNMENT_LEVELS:
            continue  # "Pemerintah Kabupaten (Pemkab) Buton": the regency's government, named by the place after it
        initial = first.start <= lead  # (before it, only the quotes and spaces opening the sentence)
        if (len(run) == 1 and (plain.get(first.text) or _is_plain(first.text, gaz))
                and no_cue_before(text, start, first.start, initial)
                and not (initial and speaks_after(text, first.end, sentence.end))
                and not aged_after(text, first.end, sentence.end)):
            continue
        if len(run) == 1 and initial and fold(first.text) in gaz.vocabulary_metropolises \
                and opens_compound(text, first.end, sentence.end):
            # "Surat kabar …", "Baku tembak …", "Bursa saham …": a word, not the city; untyped,
            # it still joins the city if the article names it elsewhere
            out.append(_new_candidate((first.start, first.end, first.text, None, None, NONE, True, 1)))
            continue
        out.extend(_segment_run(text, run, sentence, gaz, initial, headline))


def find_candidates(text: str, sentences: Sequence[Sentence], gaz: Gazetteer) -> list[Candidate]:
    """Every name candidate in the article, in text order.

    A sentence's candidates are a function of its text alone (the runs, the cues and the
    segmentation read nothing outside it), but for a run that ends the sentence, whose
    acronym in brackets may follow it (``runs._join_organisations``).  So a sentence that
    ends with a word character is read every time, and any other is worked out once per
    gazetteer and remembered by its text (with offsets from its start): news repeats whole
    sentences (wire copy, boilerplate, one outlet quoting another), and a quarter of a
    dossier's sentences are another's words.
    """
    out: list[Candidate] = []
    remembered = gaz.memo.sentences
    for sentence in sentences:
        key = sentence.text
        last = key[-1]
        if last.isalnum() or last in _WORD_END:
            _sentence_candidates(text, sentence, gaz, out)
            continue
        start = sentence.start
        found = remembered.get(key)
        if found is None:
            mark = len(out)
            _sentence_candidates(text, sentence, gaz, out)
            if len(remembered) >= _SENTENCE_MEMO_LIMIT:
                _forget_oldest(remembered)
            remembered[key] = tuple([(c[0] - start, c[1] - start, *c[2:]) for c in out[mark:]])
            continue
        for c in found:
            out.append(_new_candidate((c[0] + start, c[1] + start, *c[2:])))
    return coordinated_places(text, out, gaz)
