"""The pages of the long lists: a topic's or an entity's pages, the quotes, the shared passages.

``views_paging`` decides how many items each page holds; here those items become the
views a page lays out, and the anchors other pages link to (a quote group, a speaker, a
shared passage) are looked up to the page that holds them.  The timeline's pages are in
``views_timeline.TimelinePages``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar, overload

from .analysis.passages import SharedPassage
from .analysis.quotes import SpeakerQuotes
from .config import Config
from .models import ArticlePage, Event
from .views import DayGroup, Source, group_by_day
from .views_analysis import PassageView, in_context, per_article
from .views_paging import Layout, pack, page_count, page_of_groups, page_paths, spread

T = TypeVar("T")

# About how many dated events a page of a topic or an entity shows (see ``compact_days``).
EVENTS_PER_PAGE = 60


def chunk(items: Sequence[T], size: int, number: int) -> tuple[T, ...]:
    """Page ``number`` (from 1) of ``items`` at ``size`` a page."""
    return tuple(items[(number - 1) * size:number * size])


@dataclass(frozen=True)
class TopicPage:
    """One page of a topic hub: its share of the articles and of their dated events."""

    articles: tuple[ArticlePage, ...]
    days: tuple[DayGroup, ...]


@dataclass(frozen=True)
class SourcesPage:
    """One page of an entity: its share of the articles naming it and of its dated events."""

    sources: tuple[Source, ...]
    days: tuple[DayGroup, ...]


P = TypeVar("P", TopicPage, SourcesPage)


class ListPages(Sequence[P]):
    """The pages of a topic or an entity: ``items`` ``size`` a page, with the events by day
    spread over as many pages (see ``views_paging.spread``), each page made when asked for.

    An entity named in thousands of articles has dozens of pages, and a render worker takes
    only some of them: making every page's view for each of them cost time and memory that
    grew with the dossier, not with the page.
    """

    def __init__(self, make: Callable[..., P], items: Sequence[Any], days: Sequence[DayGroup], size: int,
                 timeline: Mapping[str, str] | None = None) -> None:
        self.make, self.items, self.days, self.size = make, items, days, size
        self.budget = EVENTS_PER_PAGE
        self.timeline = timeline or {}  # date -> the timeline page holding it
        self.count = page_count(len(items), size)
        self.layout = spread([len(d.events) for d in days], self.count)

    def __len__(self) -> int:
        return self.count

    @overload
    def __getitem__(self, index: int) -> P: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[P, ...]: ...

    def __getitem__(self, index: int | slice) -> P | tuple[P, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self.count)))
        if index < 0:
            index += self.count
        if not 0 <= index < self.count:
            raise IndexError(index)
        days, timeline = self.days, self.timeline
        shown = tuple(DayGroup(days[g].date, days[g].events[lo:hi], 0, timeline.get(days[g].date))
                      for g, lo, hi in self.layout[index])
        return self.make(chunk(self.items, self.size, index + 1), compact_days(shown, self.budget))


def topic_pages(articles: Sequence[ArticlePage], events: Sequence[Event], size: int,
                timeline: Mapping[str, str] | None = None) -> tuple[TopicPage, ...]:
    """The articles ``size`` a page; the events, by day, spread over as many pages (all made
    at once: a topic's pages hold no more than its articles and events, and measured faster
    made together than one by one).  ``timeline``: date -> the timeline page holding it."""
    return tuple(ListPages(TopicPage, articles, group_by_day(events), size, timeline=timeline))


def entity_list_pages(sources: Sequence[Source], days: Sequence[DayGroup], size: int,
                      timeline: Mapping[str, str] | None = None) -> ListPages[SourcesPage]:
    return ListPages(SourcesPage, sources, days, size, timeline=timeline)


def per_date_cap(sizes: Sequence[int], budget: int) -> int:
    """The most events a date may keep so that a page of dates of ``sizes`` events shows at
    most ``budget`` in all (every date keeps at least one, whatever the budget)."""
    low, high = 1, max(sizes, default=1)
    while low < high:  # the largest cap within the budget: the total only grows with the cap
        middle = (low + high + 1) // 2
        if sum(min(middle, n) for n in sizes) <= budget:
            low = middle
        else:
            high = middle - 1
    return low


def compact_days(days: Sequence[DayGroup], budget: int) -> tuple[DayGroup, ...]:
    """A page's dated events cut to about ``budget``, when they are more.

    A topic or a person of a large dossier gathers thousands of dated sentences (at 1,000
    articles, 1,276 on the first page of a topic: 727 KB to scroll through); the timeline
    already lists every one.  So each date keeps the same number of sentences at most (as
    many as the budget allows), those printed by the most articles first, in their order,
    and says how many it leaves out (``more``), linked to the timeline page that holds the
    whole date.  A page within the budget is left as it is: a small dossier shows everything.
    """
    if sum(len(day.events) for day in days) <= budget:
        return tuple(days)
    cap = per_date_cap([len(day.events) for day in days], budget)
    return tuple(_keep(day, cap) if len(day.events) > cap else day for day in days)


def _keep(day: DayGroup, cap: int) -> DayGroup:
    """``day`` with its ``cap`` most widely printed sentences (ties: the first), in their order."""
    events = day.events
    chosen = sorted(sorted(range(len(events)), key=lambda i: -len(events[i].sources))[:cap])
    return DayGroup(day.date, tuple(events[i] for i in chosen), len(events) - cap, day.page)


# ------------------------------------------------------------------ quotes


@dataclass(frozen=True)
class SpeakerLink:
    """A speaker in the quotes page's index, linked to the page where its quotes start."""

    speaker: str | None
    key: str | None
    page: str | None  # None: the page being rendered
    quotes: int = 0  # the things they said (quote groups)


# The speakers the quotes page's index shows at once; the others are folded under them.
SPEAKERS_SHOWN = 30


@dataclass(frozen=True)
class QuotesPage:
    speakers: tuple[SpeakerQuotes, ...]  # a speaker cut by a page break shows part of its groups
    nav: tuple[SpeakerLink, ...]  # the most quoted speakers, on the first page only
    nav_more: tuple[SpeakerLink, ...] = ()  # every other speaker (a 1,000-article dossier quotes hundreds)
    totals: Mapping[str | None, int] = field(default_factory=dict)  # speaker key -> all their quote groups


class QuotePages:
    """The quotes page laid out ``size`` quote groups a page, a speaker's groups kept together."""

    def __init__(self, speakers: Sequence[SpeakerQuotes], config: Config, first: str, size: int) -> None:
        self.speakers = tuple(speakers)
        self.layout: Layout = pack([len(s.groups) for s in speakers], size)
        self.paths = page_paths(config, first, len(self.layout))
        starts = page_of_groups(self.layout)
        self.speaker_page = {s.key: starts.get(i, 1) for i, s in enumerate(speakers)}
        self.group_page = {g.id: number for number, pieces in enumerate(self.layout, 1)
                           for i, lo, hi in pieces for g in speakers[i].groups[lo:hi]}

    def speaker_path(self, key: str | None) -> str:
        return self.paths[self.speaker_page.get(key, 1) - 1]

    def group_path(self, ident: str) -> str:
        return self.paths[self.group_page.get(ident, 1) - 1]

    def page(self, number: int) -> QuotesPage:
        here = self.paths[number - 1]
        shown = tuple(replace(self.speakers[i], groups=self.speakers[i].groups[lo:hi])
                      if (lo, hi) != (0, len(self.speakers[i].groups)) else self.speakers[i]
                      for i, lo, hi in self.layout[number - 1])
        nav: tuple[SpeakerLink, ...] = ()
        if number == 1:
            nav = tuple(SpeakerLink(s.speaker, s.key, None if (path := self.speaker_path(s.key)) == here else path,
                                    len(s.groups))
                        for s in self.speakers)
        totals = {self.speakers[i].key: len(self.speakers[i].groups) for i, _, _ in self.layout[number - 1]}
        return QuotesPage(shown, nav[:SPEAKERS_SHOWN], nav[SPEAKERS_SHOWN:], totals)


class PassagePages:
    """The shared passages laid out ``size`` occurrences a page (wire copy may be carried by
    hundreds of articles), a passage's occurrences kept together when they fit on a page."""

    def __init__(self, passages: Sequence[SharedPassage], config: Config, first: str, size: int) -> None:
        self.passages = tuple(passages)
        self.shown = tuple(per_article(p.occurrences) for p in passages)  # an article once, with its count
        self.layout: Layout = pack([len(shown) for shown in self.shown], size)
        self.paths = page_paths(config, first, len(self.layout))
        starts = page_of_groups(self.layout)
        self.passage_page = {p.id: starts.get(i, 1) for i, p in enumerate(passages)}

    def passage_path(self, ident: str) -> str:
        return self.paths[self.passage_page.get(ident, 1) - 1]

    def page(self, number: int) -> tuple[PassageView, ...]:
        return tuple(PassageView(self.passages[i], tuple(in_context(o, n) for o, n in self.shown[i][lo:hi]))
                     for i, lo, hi in self.layout[number - 1])
