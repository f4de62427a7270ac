"""Quotations by speaker, the same quote across outlets, and its different renderings.

Outlets translate and trim the same statement differently ("akan menyelesaikan semacam
perjanjian" / "mungkin sedang menjajaki kesepakatan"); an analyst wants to see that these
are one quote, who carried which wording, and exactly where the wordings part.  Two
quotes are one when their word sequences are similar (``SIMILAR``) or one is nearly all
contained in the other (a partial quote, ``CONTAINED``), and their speakers do not
disagree (an unattributed quote joins an attributed one).

Candidates come from an index of word trigrams, so only quotes sharing a trigram are
compared (difflib's matcher on word lists, in the standard library: quotes are short, and
per pair it is exact, so a dependency such as rapidfuzz would buy nothing measurable).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from ..models import ArticlePage, EntityPage, Quote, Site
from ..outlets import OutletSources, by_outlet
from .common import first_word_start, token_spans, tokens

SIMILAR = 0.6  # difflib ratio of the two word sequences
CONTAINED = 0.8  # share of the shorter quote's words found in order in the longer one
MIN_CONTAINED_WORDS = 4  # a shorter quote must be this long to count as a partial quote
MAX_QUOTES_PER_TRIGRAM = 50
_FORMULA: tuple[()] = ()  # the index entry of a trigram found in too many quotes


@dataclass(frozen=True)
class QuoteSource:
    """One article carrying a rendering of a quote, with the quote's offsets there."""

    article: ArticlePage
    start: int
    end: int
    speaker: str | None  # as this article attributes it

    @property
    def outlet(self) -> str:
        return self.article.article.outlet

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article.article.slug, "outlet": self.outlet, "start": self.start, "end": self.end,
                "speaker": self.speaker}


@dataclass(frozen=True)
class Segment:
    """A piece of a rendering: ``same`` when the first rendering has the same words here."""

    text: str
    same: bool

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "same": self.same}


@dataclass(frozen=True)
class Rendering:
    """One wording of a quote and every article that carries exactly this wording."""

    text: str
    sources: tuple[QuoteSource, ...]
    segments: tuple[Segment, ...]  # cut where it differs from the first rendering (the first: from the second)

    @property
    def outlets(self) -> tuple[str, ...]:
        if len(self.sources) == 1:  # most wordings are carried once
            return (self.sources[0].outlet,)
        return tuple(dict.fromkeys(s.outlet for s in self.sources))

    @property
    def by_outlet(self) -> tuple[OutletSources, ...]:
        """The sources by outlet, for the pages that list them all (``outlets.by_outlet``)."""
        return by_outlet(self.sources)

    def to_json(self) -> dict[str, Any]:
        data = {"text": self.text, "outlets": list(self.outlets), "sources": [s.to_json() for s in self.sources]}
        if not all(s.same for s in self.segments):  # only a wording that differs needs its cut
            data["segments"] = [s.to_json() for s in self.segments]
        return data


@dataclass(frozen=True)
class QuoteGroup:
    """One statement as carried by one or more outlets, in one or more wordings."""

    id: str
    speaker: str | None
    speaker_key: str | None
    renderings: tuple[Rendering, ...]  # most widely carried first

    @property
    def outlets(self) -> tuple[str, ...]:
        if len(self.renderings) == 1:  # most quotes have one wording
            return self.renderings[0].outlets
        return tuple(dict.fromkeys(o for r in self.renderings for o in r.outlets))

    @property
    def sources(self) -> tuple[QuoteSource, ...]:
        return tuple(s for r in self.renderings for s in r.sources)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "speaker": self.speaker, "speaker_key": self.speaker_key,
                "outlets": list(self.outlets), "renderings": [r.to_json() for r in self.renderings]}


@dataclass(frozen=True)
class SpeakerQuotes:
    """What one speaker said across the dossier (``speaker`` None: unattributed quotes)."""

    speaker: str | None
    key: str | None
    entity: EntityPage | None  # the speaker's page, when the speaker is a person or organisation of the site
    groups: tuple[QuoteGroup, ...]

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "key": self.key,
                "type": self.entity.type if self.entity else None, "groups": [g.to_json() for g in self.groups]}


class _Item(NamedTuple):
    """One quote to group (a tuple: one per quote of the dossier)."""

    page: ArticlePage
    quote: Quote
    words: tuple[str, ...]
    vocabulary: frozenset[str]  # the distinct words, for the bound in _could_be_same


def _could_be_same(a: _Item, b: _Item) -> bool:
    """False when the quotes cannot pass ``_same_quote`` whatever their order of words.

    Matched words are at most the words of each found anywhere in the other, and both
    tests grow with the matched words, so this bound rejects most candidates without
    running difflib (the same arithmetic, so the same decisions)."""
    bound = min(sum(map(b.vocabulary.__contains__, a.words)), sum(map(a.vocabulary.__contains__, b.words)))
    if 2.0 * bound / (len(a.words) + len(b.words)) >= SIMILAR:
        return True
    shorter = min(len(a.words), len(b.words))
    return shorter >= MIN_CONTAINED_WORDS and bound / shorter >= CONTAINED


def _same_quote(a: _Item, b: _Item) -> bool:
    if a.quote.speaker_key and b.quote.speaker_key and a.quote.speaker_key != b.quote.speaker_key:
        return False
    if a.words == b.words:  # difflib's ratio of equal (non-empty) sequences is 1.0
        return True
    if not _could_be_same(a, b):
        return False
    matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
    if matcher.ratio() >= SIMILAR:
        return True
    shorter = min(len(a.words), len(b.words))
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return shorter >= MIN_CONTAINED_WORDS and matched / shorter >= CONTAINED


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _groups(items: Sequence[_Item]) -> list[list[int]]:
    """Union-find over quotes: the same words join at once; otherwise each quote is compared
    with earlier quotes sharing a word trigram that few quotes have (a trigram in more than
    ``MAX_QUOTES_PER_TRIGRAM`` quotes is a formula, "kata dia bahwa", not a statement).

    A group has at most one speaker: an unattributed quote like two attributed ones joins
    only the first, so it can never make one statement of two people's words.
    """
    parent = list(range(len(items)))
    speaker = [item.quote.speaker_key for item in items]

    def union(i: int, j: int) -> None:
        a, b = _find(parent, i), _find(parent, j)
        if a != b and not (speaker[a] and speaker[b] and speaker[a] != speaker[b]):
            parent[a] = b
            speaker[b] = speaker[b] or speaker[a]

    same_words: dict[tuple[str, ...], int] = {}
    # Per trigram: every quote that has it, and the same by speaker key (None: unattributed),
    # so a quote meets only the candidates whose speaker does not rule the match out, in the
    # same (sorted) order.  One entry per trigram: no (trigram, speaker) key is made per look.
    # A trigram in more than MAX_QUOTES_PER_TRIGRAM quotes maps to _FORMULA (empty, so false).
    index: dict[tuple[str, ...], tuple[()] | tuple[list[int], dict[str | None, list[int]]]] = {}
    for i, item in enumerate(items):
        words = item.words
        first = same_words.setdefault(words, i)
        if first != i and _same_quote(items[first], item):
            union(i, first)
            continue
        grams = set(zip(words, words[1:], words[2:], strict=False)) if len(words) >= 3 else {words}
        key = item.quote.speaker_key or None
        entries = list(filter(None, map(index.get, grams)))  # the live trigrams earlier quotes have
        if entries:
            if key:
                found = [postings for entry in entries for postings in (entry[1].get(key), entry[1].get(None))
                         if postings]
            else:
                found = [entry[0] for entry in entries]
            if found:
                for j in sorted(set().union(*found)):
                    if _find(parent, i) != _find(parent, j) and _same_quote(item, items[j]):
                        union(i, j)
        for gram in grams:
            entry = index.get(gram)
            if entry is None:
                index[gram] = ([i], {key: [i]})
            elif entry:
                entry[0].append(i)
                postings = entry[1].get(key)
                if postings is None:
                    entry[1][key] = [i]
                else:
                    postings.append(i)
                if len(entry[0]) > MAX_QUOTES_PER_TRIGRAM:
                    # a formula from now on: never looked at again, so no longer kept up
                    index[gram] = _FORMULA
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[_find(parent, i)].append(i)
    return sorted(groups.values(), key=min)


def _segments(text: str, reference: Sequence[str], own: Sequence[str] | None = None) -> tuple[Segment, ...]:
    """Cut ``text`` into runs of words that the reference wording has (same) or not.

    ``own``: the words of ``text``, when known; equal to ``reference`` every word matches
    (difflib's blocks of equal sequences cover them), so the one segment is made directly.
    """
    if own and tuple(reference) == tuple(own):
        start = first_word_start(text)
        return (Segment(text[:start] + text if start > 0 else text, True),)
    spans = token_spans(text)
    if not spans:
        return (Segment(text, True),)
    matcher = SequenceMatcher(None, list(reference), [w for w, _, _ in spans], autojunk=False)
    same = [False] * len(spans)
    for block in matcher.get_matching_blocks():
        for k in range(block.b, block.b + block.size):
            same[k] = True
    segments: list[Segment] = []
    cut = 0
    for k in range(1, len(spans) + 1):
        if k == len(spans) or same[k] != same[k - 1]:
            end = len(text) if k == len(spans) else spans[k][1]
            segments.append(Segment(text[cut:end], same[k - 1]))
            cut = end
    if spans[0][1] > 0:  # text before the first word (an opening bracket) joins the first segment
        segments[0] = Segment(text[:spans[0][1]] + segments[0].text, segments[0].same)
    return tuple(segments)


def _group(number: int, members: Sequence[_Item]) -> QuoteGroup:
    if len(members) == 1:  # most quotes are carried once: one wording, one source
        item = members[0]
        quote = item.quote
        text = quote.text
        rendering = Rendering(text, (QuoteSource(item.page, quote.start, quote.end, quote.speaker),),
                              _segments(text, item.words, item.words))
        speaker, key = (quote.speaker, quote.speaker_key) if quote.speaker_key else (None, None)
        return QuoteGroup(f"quote-{number}", speaker, key, (rendering,))
    by_wording: dict[tuple[str, ...], list[_Item]] = defaultdict(list)
    for item in members:
        by_wording[item.words].append(item)
    # The most widely carried wording leads, the fullest one among equals.
    wordings = sorted(by_wording.values(), key=lambda items: (-len({i.page.article.outlet for i in items}),
                                                              -len(items[0].words)))
    speakers = [(i.quote.speaker, i.quote.speaker_key) for i in members if i.quote.speaker_key]
    speaker, key = speakers[0] if speakers else (None, None)
    renderings = []
    for n, items in enumerate(wordings):
        text = items[0].quote.text
        # Each wording is marked against the leading one; the leading one against the second.
        reference = wordings[1 if n == 0 and len(wordings) > 1 else 0][0].words
        renderings.append(Rendering(
            text=text,
            sources=tuple(QuoteSource(i.page, i.quote.start, i.quote.end, i.quote.speaker) for i in items),
            segments=_segments(text, reference, items[0].words),
        ))
    return QuoteGroup(f"quote-{number}", speaker, key, tuple(renderings))


def group_quotes(site: Site) -> tuple[tuple[QuoteGroup, ...], tuple[SpeakerQuotes, ...]]:
    """Every quote of the site grouped across outlets, and the groups by speaker."""
    read: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}  # the same quote is carried by many outlets

    def words_of(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
        found = read.get(text)
        if found is None:
            words = tuple(tokens(text))
            found = read[text] = (words, frozenset(words))
        return found

    items = [_Item(page, quote, *words)
             for page in reversed(site.articles)  # oldest first: the earliest wording leads
             for quote in page.extraction.quotes if (words := words_of(quote.text))[0]]
    groups = tuple(_group(n, [items[i] for i in members]) for n, members in enumerate(_groups(items), start=1))
    pages = {e.key: e for e in (*site.people, *site.organizations)}
    by_speaker: dict[str | None, list[QuoteGroup]] = defaultdict(list)
    for group in groups:
        by_speaker[group.speaker_key].append(group)
    speakers = []
    for key, speaker_groups in by_speaker.items():
        entity = pages.get(key) if key else None
        name = speaker_groups[0].speaker
        speakers.append(SpeakerQuotes(name, key, entity, tuple(speaker_groups)))
    speakers.sort(key=lambda s: (s.key is None, -len(s.groups), -sum(len(g.outlets) for g in s.groups),
                                 s.speaker or ""))
    return groups, tuple(speakers)
