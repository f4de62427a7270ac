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
from .passages import SharedPassage
from .periods import Precision, compatible, days_apart, interval, period_sort_key, precision_of

__all__ = ["Attestation", "DateConflict", "DateReading", "Timeline", "TimelineEvent", "TimelinePeriod",
           "build_timeline", "name_compared", "prepare_claims",
           "site_claims"]

NON_MERGING = frozenset({"report"})  # a report date is when it was said, not when it happened
# Outlets that disagree on a date are off by a day or two (a night departure, the day of the
# report, a time zone); claims further apart than this are different occurrences of a
# recurring happening (the 2019 meeting, the 2023 meeting), never one happening.
MAX_DISAGREEMENT_DAYS = 3
MAX_COMPARABLE_DAYS = 7  # "akhir September" is too vague to tell one happening from another


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


def _same_happening(a: Claim, b: Claim) -> bool:
    """Same event word family, different articles, dates at most a few days apart, and the
    same participants: a shared person, or a shared place and a shared content word ("kereta")
    when no person is named by both.  Two claims that both name people (or both name places)
    and share none are different happenings: two people arriving in one city are two arrivals.

    The rule's definition: ``_clusters`` tests what its index leaves of it inline, and the
    tests check that against this function tried on every pair."""
    if a.kind is None or a.kind != b.kind or a.kind in NON_MERGING:
        return False
    if a.attestation.article is b.attestation.article:
        return False
    if days_apart(a.attestation.date, b.attestation.date) > MAX_DISAGREEMENT_DAYS:
        return False
    if (a.people and b.people and not a.people & b.people) or (a.places and b.places and not a.places & b.places):
        return False
    return bool(a.people & b.people or (a.places & b.places and a.content & b.content))


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _compared_days(claim: Claim) -> tuple[int, int] | None:
    """First and last day (ordinals) of a claim ``_clusters`` compares with others; None for
    the claims it never compares (no event word, a report word, a period over a week)."""
    if claim.kind is None or claim.kind in NON_MERGING:
        return None
    first, last = interval(claim.attestation.date)
    if (last - first).days > MAX_COMPARABLE_DAYS:
        return None
    return first.toordinal(), last.toordinal()


def name_compared(claims: Sequence[Claim]) -> None:
    """Work out the people and places of the claims the timeline compares, which
    ``build_timeline`` would do first thing (~0.5 s at 10,000 articles): the analysis calls
    this while another process finishes the shared passages the timeline waits for."""
    for claim in claims:
        if _compared_days(claim) is not None:
            claim.people, claim.places  # noqa: B018 (worked out once, kept by the claim)


def _clusters(claims: Sequence[Claim], copies: Sequence[tuple[int, int]] = ()) -> list[list[int]]:
    """Union-find over claims that are the same happening; candidates come from an index by
    (kind, entity) and day, so a claim meets only the claims that could be the same happening.

    Two clusters that each say where their happening took place, and name different places,
    never merge (so a person arriving in two cities on nearby days stays two arrivals); nor
    do two that each name people, and different ones; nor two whose claims would then be
    more than MAX_DISAGREEMENT_DAYS apart (every pair in a cluster is within it).
    ``copies`` are pairs of claims in copied text (same date, same words): merged whatever
    their event word.
    """
    parent = list(range(len(claims)))
    # Each cluster's places and people (a set of the cluster's own, made when it first joins
    # another and grown in place: most claims never join, and a cluster of a wire story
    # thousands of claims strong is not copied at every join); clusters join by size, the
    # smaller into the larger (which claim is a cluster's root never shows in the result).
    where: list[set[str] | None] = [None] * len(claims)
    who: list[set[str] | None] = [None] * len(claims)
    size = [1] * len(claims)
    # Each cluster's latest first day and earliest last day (ordinals): every two of its
    # claims are at most MAX_DISAGREEMENT_DAYS apart exactly when the first is at most that
    # after the second.  Without it, claims two days apart chain into one "happening"
    # (a weekly hearing, a recurring inspection), which at 10,000 articles made a date
    # conflict of 734 readings over fifteen months.
    latest_first: list[int] = [0] * len(claims)
    earliest_last: list[int] = [0] * len(claims)
    spanned = [False] * len(claims)

    def span(root: int) -> tuple[int, int]:
        if not spanned[root]:
            first, last = interval(claims[root].attestation.date)
            latest_first[root], earliest_last[root], spanned[root] = first.toordinal(), last.toordinal(), True
        return latest_first[root], earliest_last[root]

    def union(i: int, j: int) -> None:
        a, b = _find(parent, i), _find(parent, j)
        if a == b:
            return
        place_a = where[a] if where[a] is not None else claims[a].places
        place_b = where[b] if where[b] is not None else claims[b].places
        people_a = who[a] if who[a] is not None else claims[a].people
        people_b = who[b] if who[b] is not None else claims[b].people
        if (place_a and place_b and place_a.isdisjoint(place_b)) or \
                (people_a and people_b and people_a.isdisjoint(people_b)):
            return
        (first_a, last_a), (first_b, last_b) = span(a), span(b)
        first, last = max(first_a, first_b), min(last_a, last_b)
        if first - last > MAX_DISAGREEMENT_DAYS:
            return
        if size[a] > size[b]:
            a, b, place_a, place_b, people_a, people_b = b, a, place_b, place_a, people_b, people_a
        parent[a] = b
        size[b] += size[a]
        latest_first[b], earliest_last[b] = first, last
        if where[b] is None:
            where[b] = set(place_b)
        where[b].update(place_a)  # type: ignore[union-attr]
        if who[b] is None:
            who[b] = set(people_b)
        who[b].update(people_a)  # type: ignore[union-attr]

    for i, j in copies:
        union(i, j)
    # Earlier claims by (kind, entity), then by day.  ``_same_happening`` needs a shared
    # person, or a shared place when not both name people: a claim naming people looks for
    # its people, and for its places among the claims that name nobody; a claim naming nobody
    # looks for its places among all.  It looks only on the days within
    # MAX_DISAGREEMENT_DAYS of its own, so the candidates are the claims that could be the
    # same happening, not every claim of a busy entity in the weeks around (which grows with
    # the square of the dossier).  Candidates are tried in claim order, as unions are order
    # dependent; claims that cannot pass are never tried, which changes nothing.  Years and
    # longer periods are too coarse to compare.
    #
    # What is left of ``_same_happening`` for a candidate is tested here, inline (at 10,000
    # articles a claim meets ~0.5 candidates of another cluster, ~90,000 in all, and most
    # fail): the index already gives the kind, the days and a shared person or place.  A
    # candidate sharing a person passes unless the two name different places; one sharing
    # only a place (one of the two names nobody) passes when the sentences share a content
    # word.  Both must come from different articles.
    by_person: dict[tuple[str, str], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    by_place: dict[tuple[str, str], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    by_place_alone: dict[tuple[str, str], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    places_of: list[frozenset[str]] = [frozenset()] * len(claims)  # of the claims indexed so far
    for i, claim in enumerate(claims):
        days_of = _compared_days(claim)
        if days_of is None:
            continue
        kind: str = claim.kind  # type: ignore[assignment]
        first_day, last_day = days_of
        near = range(first_day - MAX_DISAGREEMENT_DAYS, last_day + MAX_DISAGREEMENT_DAYS + 1)
        people, places = claim.people, claim.places
        places_of[i] = places
        sharing_person: set[int] = set()
        if people:
            for key in people:
                days = by_person.get((kind, key))
                if days:
                    for members in filter(None, map(days.get, near)):
                        sharing_person.update(members)
        sharing_place: set[int] = set()
        for key in places:
            days = (by_place_alone if people else by_place).get((kind, key))
            if days:
                for members in filter(None, map(days.get, near)):
                    sharing_place.update(members)
        if sharing_person or sharing_place:
            article = claim.attestation.article
            content: frozenset[str] | None = None
            root = _find(parent, i)
            for j in sorted(sharing_person | sharing_place):
                if _find(parent, j) == root:
                    continue
                other = claims[j]
                if other.attestation.article is article:
                    continue
                if j in sharing_person:
                    there = places_of[j]
                    if places and there and places.isdisjoint(there):
                        continue
                else:
                    if content is None:
                        content = claim.content
                    if content.isdisjoint(other.content):
                        continue
                union(i, j)
                root = _find(parent, i)
        own = range(first_day, last_day + 1)
        for index, keys in ((by_person, people), (by_place, places), (by_place_alone, () if people else places)):
            for key in keys:
                days = index[(kind, key)]
                for day in own:
                    days[day].append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[_find(parent, i)].append(i)
    # Each group is met first at its smallest claim: in order of their smallest claims already
    # (claims are in reading order already).
    return list(groups.values())


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
    clusters = _clusters(claims, _copies(claims, passages, same_sentence))

    conflicts: list[DateConflict] = []
    conflict_of: dict[int, str] = {}
    events_by_date: dict[str, list[tuple[list[Attestation], str | None, int]]] = defaultdict(list)
    for number, members in enumerate(clusters):
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
