"""Which dated claims of different articles tell one happening: the rule, and the clusters it makes.

Claims join when their event words are of one family, they come from different articles,
their dates are at most ``MAX_DISAGREEMENT_DAYS`` apart and they name the same participants
(``same_happening``); ``clusters`` applies that rule through an index, so a claim meets only
the claims that could be the same happening, and keeps every two claims of a cluster within
the limit.  ``timeline.build_timeline`` turns the clusters into events and conflicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .claims import Claim
from .periods import days_apart, interval

__all__ = ["MAX_COMPARABLE_DAYS", "MAX_DISAGREEMENT_DAYS", "NON_MERGING", "clusters", "name_compared",
           "same_happening"]

NON_MERGING = frozenset({"report"})  # a report date is when it was said, not when it happened
# Outlets that disagree on a date are off by a day or two (a night departure, the day of the
# report, a time zone); claims further apart than this are different occurrences of a
# recurring happening (the 2019 meeting, the 2023 meeting), never one happening.
MAX_DISAGREEMENT_DAYS = 3
MAX_COMPARABLE_DAYS = 7  # "akhir September" is too vague to tell one happening from another


def same_happening(a: Claim, b: Claim) -> bool:
    """Same event word family, different articles, dates at most a few days apart, and the
    same participants: a shared person, or a shared place and a shared content word ("kereta")
    when no person is named by both.  Two claims that both name people (or both name places)
    and share none are different happenings: two people arriving in one city are two arrivals.

    The rule's definition: ``clusters`` tests what its index leaves of it inline, and the
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
    """First and last day (ordinals) of a claim ``clusters`` compares with others; None for
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


def clusters(claims: Sequence[Claim], copies: Sequence[tuple[int, int]] = ()) -> list[list[int]]:
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
    # Earlier claims by (kind, entity), then by day.  ``same_happening`` needs a shared
    # person, or a shared place when not both name people: a claim naming people looks for
    # its people, and for its places among the claims that name nobody; a claim naming nobody
    # looks for its places among all.  It looks only on the days within
    # MAX_DISAGREEMENT_DAYS of its own, so the candidates are the claims that could be the
    # same happening, not every claim of a busy entity in the weeks around (which grows with
    # the square of the dossier).  Candidates are tried in claim order, as unions are order
    # dependent; claims that cannot pass are never tried, which changes nothing.  Years and
    # longer periods are too coarse to compare.
    #
    # What is left of ``same_happening`` for a candidate is tested here, inline (at 10,000
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
