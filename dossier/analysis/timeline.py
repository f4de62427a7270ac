"""The event timeline: dated happenings across all outlets, and where the outlets disagree.

Every resolved date of every article becomes a *claim*: this outlet says that something
happened on that day.  Claims about the same happening are merged into one event with
several attestations, and a happening attested with dates that cannot both be true is a
*conflict*, shown with both sources rather than silently resolved.

"The same happening" is decided by a general rule, not by a list of answers: the verb that
governs the date (the event word nearest the date in its sentence) belongs to the same
family (departing, arriving, meeting...), the claims come from different articles, and
their sentences name a common person or a common place finer than a country.  Countries
are too coarse ("Korea Utara" is in every sentence of a Korea dossier); reporting verbs
("kata KCNA, Selasa") date a report, not the happening, so they never merge claims.
A weekday that contradicts its own numbers ("Selasa (13/9/2023)" when the 13th was a
Wednesday) is flagged too, inside one article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import ArticlePage, Site
from .claims import Attestation, Claim, article_claims
from .common import Words
from .happenings import clusters, name_compared
from .passages import SharedPassage
from .periods import Precision, compatible, period_sort_key, precision_of

__all__ = ["Attestation", "DateConflict", "DateReading", "Timeline", "TimelineEvent", "TimelinePeriod",
           "build_timeline", "name_compared", "prepare_claims",
           "site_claims"]


@dataclass(frozen=True)
class TimelineEvent:
    """A happening on one date, with every outlet that reports it for that date."""

    id: str  # stable anchor, unique on the timeline page
    date: str
    kind: str | None  # verb family of the happening, None when no event word governs the date
    excerpt: str  # the first attestation's short form
    attestations: tuple[Attestation, ...]
    outlets: tuple[str, ...]
    conflict: str | None = None  # id of the DateConflict this event is part of

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date, "kind": self.kind, "excerpt": self.excerpt,
                "outlets": list(self.outlets), "conflict": self.conflict,
                "attestations": [a.to_json() for a in self.attestations]}


@dataclass(frozen=True)
class TimelinePeriod:
    """A day, a month, a year or a range, and the events dated to exactly that."""

    key: str  # the ISO value: "2023-09-10", "2023-09", "2023", "2023-09-10/2023-09-13"
    precision: Precision
    events: tuple[TimelineEvent, ...]

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "precision": self.precision, "events": [e.to_json() for e in self.events]}


@dataclass(frozen=True)
class DateReading:
    """One of the dates a conflict's sources give, and who gives it."""

    date: str
    attestations: tuple[Attestation, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.outlet for a in self.attestations))

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "outlets": list(self.outlets),
                "attestations": [a.ref_json() for a in self.attestations]}


@dataclass(frozen=True)
class DateConflict:
    """Outlets give incompatible dates for the same happening."""

    id: str
    kind: str
    readings: tuple[DateReading, ...]  # ordered by date; at least two, pairwise incompatible somewhere

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "readings": [r.to_json() for r in self.readings]}


@dataclass(frozen=True)
class Timeline:
    periods: tuple[TimelinePeriod, ...]  # chronological; a coarser period before the finer ones it holds
    conflicts: tuple[DateConflict, ...]
    weekday_mismatches: tuple[Attestation, ...]

    def to_json(self) -> dict[str, Any]:
        return {"periods": [p.to_json() for p in self.periods],
                "conflicts": [c.to_json() for c in self.conflicts],
                "weekday_mismatches": [a.ref_json() for a in self.weekday_mismatches]}


def _same_sentences(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Pairs of claims with the same date in the same sentence word for word (``_copies``'
    first part, which needs no shared passages): (first such claim, a later one)."""
    first_seen: dict[tuple[str, tuple[str, ...]], int] = {}
    pairs = []
    for i, claim in enumerate(claims):
        # one lookup: hashing a sentence's words is most of the work, for every claim
        seen = first_seen.setdefault((claim.attestation.date, claim.facts.words), i)
        if seen != i:
            pairs.append((seen, i))
    return pairs


def _copies(claims: Sequence[Claim], passages: Sequence[SharedPassage],
            same_sentence: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs of claims with the same date in copied text: the same sentence word for word
    (``same_sentence``: ``_same_sentences(claims)``), or inside occurrences of one shared
    passage (wire copy reworded around the date)."""
    pairs = list(same_sentence)
    if not passages:
        return pairs
    inside: dict[tuple[str, str], int] = {}
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_article[claim.attestation.article.article.slug].append(i)
    date_starts = {slug: [claims[i].attestation.date_start for i in members] for slug, members in by_article.items()}
    for passage in passages:
        for occurrence in passage.occurrences:
            slug = occurrence.article.article.slug
            members = by_article.get(slug, ())
            if not members:
                continue
            # an article's claims are in text order: the ones inside the occurrence are a slice
            starts = date_starts[slug]
            for i in members[bisect_left(starts, occurrence.start):bisect_left(starts, occurrence.end)]:
                key2 = (passage.id, claims[i].attestation.date)
                if key2 in inside:
                    pairs.append((inside[key2], i))
                else:
                    inside[key2] = i
    return pairs


def _published(page: ArticlePage) -> str:
    published = page.article.published
    return published.isoformat() if published else "0000-00-00"


def site_claims(site: Site, countries: frozenset[str], words: Sequence[Words] | None = None) -> list[Claim]:
    """Every claim of the site, articles in site order (``build_timeline``'s ``claims``).

    ``words``: each article's ``word_spans`` (site order), when the caller has them already.
    """
    return [c for n, page in enumerate(site.articles)
            for c in article_claims(page, countries, words[n] if words is not None else None)]


def prepare_claims(site: Site, claims: list[Claim]) -> list[tuple[int, int]]:
    """The timeline's work on ``claims`` (``site_claims``) that needs no shared passages, for
    the analysis to do while another process finds them (~1 s at 10,000 articles): sorted in
    place into timeline order, the compared ones named (``name_compared``), and the pairs of
    claims in the same sentence word for word, for ``build_timeline``'s ``same_sentence``."""
    published = {page.article.slug: _published(page) for page in site.articles}
    claims.sort(key=lambda c: (published[c.order[0]], c.order))  # order[0]: the article's slug
    name_compared(claims)
    return _same_sentences(claims)


def build_timeline(site: Site, countries: frozenset[str], passages: Sequence[SharedPassage] = (),
                   words: Sequence[Words] | None = None, claims: list[Claim] | None = None,
                   same_sentence: Sequence[tuple[int, int]] | None = None) -> Timeline:
    """Group every resolved date of the site into periods, events and conflicts.

    ``countries``: folded names of countries and regions (the gazetteer's), too coarse to
    identify a happening; ``passages``: the site's shared passages, whose dates are copies;
    ``words``: each article's ``word_spans`` (site order), when the caller has them already;
    ``claims``: ``site_claims(site, countries)``, when the caller made them already (they
    need no passages: the caller can read the passages meanwhile).  Sorted here, in place,
    unless ``same_sentence`` says ``prepare_claims`` did that already (and gives its pairs).
    """
    if claims is None:
        claims = site_claims(site, countries, words)
    if same_sentence is None:
        same_sentence = prepare_claims(site, claims)
    groups = clusters(claims, _copies(claims, passages, same_sentence))

    conflicts: list[DateConflict] = []
    conflict_of: dict[int, str] = {}
    events_by_date: dict[str, list[tuple[list[Attestation], str | None, int]]] = defaultdict(list)
    for number, members in enumerate(groups):
        if len(members) == 1:  # most happenings are told once: one date, no conflict
            attestation = claims[members[0]].attestation
            events_by_date[attestation.date].append(([attestation], claims[members[0]].kind or None, number))
            continue
        by_date: dict[str, list[Attestation]] = defaultdict(list)
        for i in members:
            by_date[claims[i].attestation.date].append(claims[i].attestation)
        kinds = Counter(claims[i].kind for i in members if claims[i].kind)
        kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else None
        values = sorted(by_date, key=period_sort_key)
        if any(not compatible(a, b) for a in values for b in values if a < b):
            conflict_id = f"conflict-{len(conflicts) + 1}"
            conflict_of[number] = conflict_id
            conflicts.append(DateConflict(conflict_id, kind or "", tuple(
                DateReading(v, tuple(by_date[v])) for v in values)))
        for value in values:
            events_by_date[value].append((by_date[value], kind, number))

    periods = []
    for value in sorted(events_by_date, key=period_sort_key):
        events = []
        anchor = f"e-{value.replace('/', '-')}-"
        for n, (attestations, kind, number) in enumerate(events_by_date[value], start=1):
            events.append(TimelineEvent(
                id=f"{anchor}{n}",
                date=value,
                kind=kind,
                excerpt=attestations[0].excerpt,
                attestations=tuple(attestations),
                outlets=(attestations[0].outlet,) if len(attestations) == 1
                else tuple(dict.fromkeys(a.outlet for a in attestations)),
                conflict=conflict_of.get(number),
            ))
        periods.append(TimelinePeriod(value, precision_of(value), tuple(events)))
    mismatches = tuple(c.attestation for c in claims if c.attestation.weekday_mismatch)
    return Timeline(tuple(periods), tuple(conflicts), mismatches)
