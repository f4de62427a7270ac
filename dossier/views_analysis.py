"""View values of the analyst pages: timeline with conflicts, quotes, shared passages, map, network.

``dossier.analysis`` already shapes the data (events with their outlets, quote groups with
their renderings, shared passages with offsets); what a page needs beyond it is *where
things sit on this page*: which event of the timeline carries the other reading of a
conflict (to link to it), the sentence around a shared passage (to show it in context),
the true weekdays of a date an article got wrong, the drawings with links relative to the
page.  Those are made here, as small frozen values, so templates still compute nothing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from operator import attrgetter

from markupsafe import Markup

from . import urls
from .analysis import Analysis, graph_svg, map_svg
from .analysis.geo import MapPlace, RouteStop
from .analysis.graph import Connection
from .analysis.passages import PassageOccurrence, SharedPassage
from .analysis.quotes import QuoteGroup, QuoteSource, SpeakerQuotes
from .analysis.timeline import Attestation, DateConflict, DateReading, Timeline, TimelineEvent
from .config import Config, EventConfig
from .models import ArticlePage, EntityPage
from .views_paging import pack, page_of_groups, page_paths

CONTEXT_CHARS = 240  # at most this much of the sentence on either side of a shared passage


# ------------------------------------------------------------------ timeline


@dataclass(frozen=True)
class AttestationView:
    """One outlet's sentence for an event; ``weekdays`` are the true weekdays of the days it
    names, given only when the weekday it writes contradicts them."""

    attestation: Attestation
    weekdays: tuple[str, ...] = ()  # ISO days; the template names their weekday


@dataclass(frozen=True)
class OtherReading:
    """Another date a conflict's sources give for the same happening, and where it is shown."""

    date: str
    outlets: tuple[str, ...]
    anchor: str  # id of the timeline event that carries this reading
    page: str | None = None  # the timeline page holding it; None: the page being rendered
    path: str = ""  # the timeline page holding it, also when that is the page being rendered

    @property
    def reading(self) -> OtherReading:
        """Itself: ``reuse_join`` takes the value it lays out from an attribute of each item.

        Every event of a conflict lists the conflict's other readings, so a conflict of n
        readings is n * (n - 1) links (some 660,000 at 10,000 articles); the timeline pages
        share one ``OtherReading`` per reading and page it is on (``TimelinePages``), and the
        template lays each out once per render for each way of linking to it.
        """
        return self


@dataclass(frozen=True)
class EventView:
    event: TimelineEvent
    attestations: tuple[AttestationView, ...]
    others: tuple[OtherReading, ...] = ()  # empty unless the event is part of a conflict


@dataclass(frozen=True)
class PeriodView:
    key: str  # the ISO value; its anchor on the timeline page is "t-<key>"
    precision: str
    events: tuple[EventView, ...]
    more: int = 0  # events left out of a compact view
    page: str | None = None  # a compact view's link target: the timeline page holding the period


@dataclass(frozen=True)
class YearView:
    year: str
    periods: tuple[PeriodView, ...]


@dataclass(frozen=True)
class YearLink:
    year: str
    page: str | None  # the timeline page where the year starts; None: the page being rendered


@dataclass(frozen=True)
class ReadingView:
    date: str
    anchor: str
    outlets: tuple[str, ...]
    attestations: tuple[AttestationView, ...]
    page: str | None = None  # the timeline page holding the anchor; None: the page being rendered


@dataclass(frozen=True)
class ConflictView:
    conflict: DateConflict
    readings: tuple[ReadingView, ...]


@dataclass(frozen=True)
class TimelineView:
    """One page of the timeline: its years (a part of the timeline on a long one), and the
    conflicts and weekday mismatches among its events."""

    years: tuple[YearView, ...]
    conflicts: tuple[ConflictView, ...]
    mismatches: tuple[AttestationView, ...]  # weekday/date contradictions inside one article
    year_nav: tuple[YearLink, ...] = ()  # every year of the timeline, linked to its page

    @property
    def keys(self) -> frozenset[str]:
        """Every date the page shows (``t-<key>`` anchors exist for exactly these)."""
        return frozenset(p.key for y in self.years for p in y.periods)


def _days_of(value: str) -> tuple[str, ...]:
    """The exact days of an ISO value (both ends of a range), for naming their weekdays."""
    sides = value.split("/")
    days = []
    for side in sides:
        try:
            days.append(date.fromisoformat(side).isoformat())
        except ValueError:
            continue
    return tuple(dict.fromkeys(days))


def _attestation(a: Attestation) -> AttestationView:
    return AttestationView(a, _days_of(a.date) if a.weekday_mismatch else ())


def _anchors(timeline: Timeline) -> dict[tuple[str, str], str]:
    """(conflict id, date) -> id of the event showing that reading."""
    return {(e.conflict, e.date): e.id for p in timeline.periods for e in p.events if e.conflict}


Readings = Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]


def _readings(conflicts: Iterable[DateConflict]) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Conflict id -> (date, outlets) of each of its readings.  Made once per render: every
    event of a conflict lists the other readings, and a reading's outlets are worked out
    from all its attestations (hundreds in a large dossier) each time they are asked for."""
    return {c.id: tuple((r.date, r.outlets) for r in c.readings) for c in conflicts}


def _event(event: TimelineEvent, readings: Readings,
           anchors: Mapping[tuple[str, str], str], where: Callable[[str], str | None]) -> EventView:
    """``where(event id)``: the page showing that event (None: the page being rendered)."""
    others: tuple[OtherReading, ...] = ()
    if event.conflict and event.conflict in readings:
        others = tuple(OtherReading(day, outlets, anchor, where(anchor))
                       for day, outlets in readings[event.conflict]
                       if day != event.date and (anchor := anchors.get((event.conflict, day))))
    return EventView(event, tuple(map(_attestation, event.attestations)), others)


class TimelinePages:
    """The timeline laid out on pages of about ``size`` events, a day's events kept together.

    Made once per render from the event counts alone (cheap: an article page needs to know
    which page holds each of its dates); a page's views are made only when it is rendered.
    """

    def __init__(self, timeline: Timeline, config: Config, first: str, size: int) -> None:
        self.timeline = timeline
        self.layout = pack([len(p.events) for p in timeline.periods], size)
        self.paths = page_paths(config, first, len(self.layout))
        starts = page_of_groups(self.layout)
        self.period_page = {p.key: starts[i] for i, p in enumerate(timeline.periods)}
        self.year_page: dict[str, int] = {}
        self.event_page: dict[str, int] = {}  # events of a conflict: the other readings link to them
        for number, pieces in enumerate(self.layout, 1):
            for group, lo, hi in pieces:
                period = timeline.periods[group]
                self.year_page.setdefault(period.key[:4], number)
                for event in period.events[lo:hi]:
                    if event.conflict:
                        self.event_page[event.id] = number
        self.readings = _readings(timeline.conflicts)
        self.anchors = _anchors(timeline)
        self.other_readings: dict[str, tuple[tuple[str, OtherReading, OtherReading], ...]] = {}
        # A conflict is shown on the page of its first reading, a weekday mismatch on the page
        # of its date: each page lists the disputes among its own events, so none grows with
        # the dossier.
        self.conflicts_on: dict[int, list[DateConflict]] = {}
        for conflict in timeline.conflicts:
            first = min(self._reading_page(conflict, r) for r in conflict.readings)
            self.conflicts_on.setdefault(first, []).append(conflict)
        self.mismatches_on: dict[int, list[Attestation]] = {}
        for attestation in timeline.weekday_mismatches:
            self.mismatches_on.setdefault(self.period_page.get(attestation.date, 1), []).append(attestation)

    def _reading_page(self, conflict: DateConflict, reading: DateReading) -> int:
        anchor = self.anchors.get((conflict.id, reading.date))
        return self.event_page.get(anchor, 1) if anchor else self.period_page.get(reading.date, 1)

    def period_path(self, key: str) -> str:
        return self.paths[self.period_page.get(key, 1) - 1]

    def event_path(self, ident: str) -> str:
        return self.paths[self.event_page.get(ident, 1) - 1]

    def _other_readings(self, conflict: str) -> tuple[tuple[str, OtherReading, OtherReading], ...]:
        """(date, as linked from another page, as shown on its own page) of each reading of
        ``conflict`` that an event carries, made once per render."""
        found = self.other_readings.get(conflict)
        if found is None:
            made = []
            for day, outlets in self.readings.get(conflict, ()):
                anchor = self.anchors.get((conflict, day))
                if anchor:
                    path = self.event_path(anchor)
                    made.append((day, OtherReading(day, outlets, anchor, path, path),
                                 OtherReading(day, outlets, anchor, None, path)))
            found = self.other_readings[conflict] = tuple(made)
        return found

    def _event(self, event: TimelineEvent, here: str) -> EventView:
        """``_event`` for the page at ``here``, its other readings the render's own."""
        others: tuple[OtherReading, ...] = ()
        if event.conflict:
            others = tuple(on if elsewhere.path == here else elsewhere
                           for day, elsewhere, on in self._other_readings(event.conflict) if day != event.date)
        return EventView(event, tuple(map(_attestation, event.attestations)), others)

    def page(self, number: int) -> TimelineView:
        """Page ``number`` (from 1): its periods by year, with the conflicts and weekday
        mismatches among them."""
        here = self.paths[number - 1]

        def on_page(path: str) -> str | None:
            return None if path == here else path
        years: dict[str, list[PeriodView]] = {}
        for group, lo, hi in self.layout[number - 1]:
            period = self.timeline.periods[group]
            view = PeriodView(period.key, period.precision,
                              tuple(self._event(e, here) for e in period.events[lo:hi]))
            years.setdefault(period.key[:4], []).append(view)
        nav = tuple(YearLink(year, on_page(self.paths[n - 1])) for year, n in self.year_page.items())
        def reading(conflict: DateConflict, r: DateReading) -> ReadingView:
            anchor = self.anchors.get((conflict.id, r.date))
            page = self.event_path(anchor) if anchor else self.period_path(r.date)
            return ReadingView(r.date, anchor or f"t-{r.date}", r.outlets, tuple(map(_attestation, r.attestations)),
                               on_page(page))
        conflict_views = tuple(ConflictView(c, tuple(reading(c, r) for r in c.readings))
                               for c in self.conflicts_on.get(number, ()))
        return TimelineView(tuple(YearView(y, tuple(ps)) for y, ps in years.items()), conflict_views,
                            tuple(map(_attestation, self.mismatches_on.get(number, ()))), nav)


def compact_periods(timeline: TimelinePages, event: EventConfig | None, max_days: int = 8,
                    per_day: int = 2) -> tuple[PeriodView, ...]:
    """The home page's timeline: exact days only, around the event when one is configured,
    the same events (with their outlets and conflicts) as the timeline page, each linked to
    the timeline page that holds it."""
    readings, anchors = timeline.readings, timeline.anchors
    days = [p for p in timeline.timeline.periods if p.precision == "day"]
    if event and event.start:
        start = (event.start - timedelta(days=14)).isoformat()
        end = ((event.end or event.start) + timedelta(days=14)).isoformat()
        near = [p for p in days if start <= p.key <= end]
        if len(near) >= 3:
            days = near
    # Events several outlets attest, or that outlets dispute, come first within a day.
    return tuple(
        PeriodView(p.key, p.precision,
                   tuple(_event(e, readings, anchors, timeline.event_path)
                         for e in sorted(p.events, key=lambda e: (not e.conflict, -len(e.outlets)))[:per_day]),
                   max(0, len(p.events) - per_day), timeline.period_path(p.key))
        for p in days[-max_days:])


# ------------------------------------------------------------------ shared passages


@dataclass(frozen=True)
class InContext:
    """A passage of one article in its sentence(s): ``before`` + ``text`` + ``after``."""

    occurrence: PassageOccurrence
    before: str
    text: str
    after: str


@dataclass(frozen=True)
class PassageView:
    passage: SharedPassage
    occurrences: tuple[InContext, ...]


@dataclass(frozen=True)
class ArticlePassage:
    """A passage of this article that other articles carry too."""

    passage: SharedPassage
    here: InContext
    others: tuple[PassageOccurrence, ...]
    page: str  # the sources page that shows the passage


def in_context(occurrence: PassageOccurrence) -> InContext:
    """The occurrence with the rest of the sentences it lies in (trimmed at ``CONTEXT_CHARS``).

    An article's sentences follow each other without overlapping (``text.split_sentences``),
    so both ends are found by bisection: wire copy carried by hundreds of articles put tens of
    thousands of occurrences on the sources pages, and reading all of an article's sentences
    for each was most of their cost."""
    page = occurrence.article
    text = page.article.text
    sentences = page.extraction.sentences
    # The first sentence that ends after the passage starts; the last one that starts
    # before it ends (its end is the largest of all that do).
    opening = bisect_right(sentences, occurrence.start, key=_end)
    first = sentences[opening].start if opening < len(sentences) else occurrence.start
    closing = bisect_left(sentences, occurrence.end, key=_start)
    last = sentences[closing - 1].end if closing else occurrence.end
    first, last = min(first, occurrence.start), max(last, occurrence.end)
    before, after = text[first:occurrence.start], text[occurrence.end:last]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return InContext(occurrence, before, text[occurrence.start:occurrence.end], after)


_start = attrgetter("start")
_end = attrgetter("end")


def passage_views(passages: Iterable[SharedPassage]) -> tuple[PassageView, ...]:
    return tuple(PassageView(p, tuple(in_context(o) for o in p.occurrences)) for p in passages)


def article_passages(analysis: Analysis, page: ArticlePage,
                     where: Callable[[str], str]) -> tuple[ArticlePassage, ...]:
    """This article's shared passages in text order, each with the other articles carrying it;
    ``where(passage id)``: the sources page that shows it."""
    found = sorted(analysis.passages_in(page.article.slug), key=lambda po: po[1].start)
    return tuple(ArticlePassage(p, in_context(o), tuple(x for x in p.occurrences if x.article is not page),
                                where(p.id))
                 for p, o in found)


# ------------------------------------------------------------------ quotes


@dataclass(frozen=True)
class ArticleQuote:
    """A quote of this article, with the other outlets carrying the same statement."""

    group: QuoteGroup
    source: QuoteSource
    text: str
    speaker_path: str | None
    elsewhere: tuple[str, ...]  # other outlets carrying it (any wording)
    reworded: bool  # another outlet carries a different wording
    page: str  # the quotes page that shows the group


class GroupOutlets:
    """What ``article_quotes`` asks of a quote group, found once per group for a render.

    A statement carried by a hundred articles is shown on each of their pages, and each
    page asked the whole group for its outlets and for which wording its own source has:
    work that grew with the square of the group's size.  Made lazily, group by group, so a
    render worker pays only for the groups of its own articles.
    """

    def __init__(self) -> None:
        # group id -> (the group, its outlets, each rendering's outlets, rendering by source id)
        self.made: dict[str, tuple[QuoteGroup, tuple[str, ...], tuple[frozenset[str], ...], dict[int, int]]] = {}

    def of(self, group: QuoteGroup) -> tuple[tuple[str, ...], tuple[frozenset[str], ...], dict[int, int]]:
        found = self.made.get(group.id)
        if found is None or found[0] is not group:
            wording: dict[int, int] = {}  # a source's first wording, as ``next`` found it
            for index, r in enumerate(group.renderings):
                for s in r.sources:
                    wording.setdefault(id(s), index)
            found = self.made[group.id] = (group, group.outlets,
                                           tuple(frozenset(s.outlet for s in r.sources) for r in group.renderings),
                                           wording)
        return found[1], found[2], found[3]


def article_quotes(analysis: Analysis, page: ArticlePage, speakers: Mapping[str, EntityPage],
                   where: Callable[[str], str], outlets: GroupOutlets | None = None) -> tuple[ArticleQuote, ...]:
    """The article's quotes in text order, each linked to its group on the quotes page
    (``where(group id)``: the page of the quotes list that shows it); ``outlets``: the
    render's ``GroupOutlets`` (none: a new one)."""
    known = outlets if outlets is not None else GroupOutlets()
    quotes = []
    for group, source in analysis.quotes_in(page.article.slug):
        speaker = speakers.get(group.speaker_key) if group.speaker_key else None
        group_outlets, rendering_outlets, wording = known.of(group)
        own = wording[id(source)]
        outlet = source.outlet
        elsewhere = tuple(o for o in group_outlets if o != outlet)
        # Another wording carried by some other outlet than this article's.
        reworded = any(index != own and (len(carried) > 1 or outlet not in carried)
                       for index, carried in enumerate(rendering_outlets) if carried)
        quotes.append(ArticleQuote(group, source, page.article.text[source.start:source.end],
                                   speaker.path if speaker else None, elsewhere, reworded, where(group.id)))
    return tuple(quotes)


# ------------------------------------------------------------------ entity pages


@dataclass(frozen=True)
class EntityAnalysis:
    quotes: SpeakerQuotes | None  # what the person or organisation said
    connections: tuple[Connection, ...]  # named in the same sentences, strongest first
    quotes_page: str | None = None  # the quotes page where this speaker's quotes start
    quote_count: int = 0  # all its quote groups (``quotes`` holds the first ``limit`` of them)


def entity_analysis(analysis: Analysis, entity: EntityPage,
                    where: Callable[[str | None], str] | None = None, limit: int | None = None) -> EntityAnalysis:
    """``where(speaker key)``: the page of the quotes list where the speaker's quotes start;
    ``limit``: at most this many quote groups (the quotes pages have them all)."""
    quotes = analysis.quotes_of(entity) if entity.type != "place" else None
    page = where(quotes.key) if quotes and where else None
    count = len(quotes.groups) if quotes else 0
    if quotes and limit is not None and count > limit:
        quotes = replace(quotes, groups=quotes.groups[:limit])
    return EntityAnalysis(quotes, analysis.connections_of(entity), page, count)


# ------------------------------------------------------------------ map and network


@dataclass(frozen=True)
class RouteItem:
    stop: RouteStop
    articles: tuple[ArticlePage, ...]  # the articles that put the event there, each once


@dataclass(frozen=True)
class MapPage:
    route_svg: Markup | None  # the route map, when the route has two places or more
    route: tuple[RouteItem, ...]
    overview_svg: Markup | None  # every place with coordinates
    places: tuple[MapPlace, ...]
    unplaced: tuple[EntityPage, ...]


def _drawing(svg: str) -> Markup:
    """A drawing whose places are links, without ``role="img"``: the children of an ``img``
    are presentational, so its links would be hidden from screen readers (axe:
    nested-interactive), and HTML allows no ``group`` role on ``<svg>``.  Its own role
    (graphics-document) keeps the name from <title>/<desc> through aria-labelledby.  The SVG
    is escaped by its maker, so it is safe to insert."""
    head, sep, rest = svg.partition(">")
    return Markup(head.replace(' role="img"', "", 1) + sep + rest)


def _href_maker(page_path: str) -> Callable[[EntityPage], str]:
    return lambda entity: urls.relative_href(page_path, entity.path)


def map_page(analysis: Analysis, page_path: str, labels: Mapping[str, str]) -> MapPage:
    """The drawings (escaped by their maker, so safe to insert) and the lists beside them."""
    href_for = _href_maker(page_path)
    route_map, overview = analysis.route_map, analysis.map
    route_svg = _drawing(map_svg(route_map, href_for, labels["map_route"], ident="route")) if route_map else None
    overview_svg = _drawing(map_svg(overview, href_for, labels["map_all"], ident="places")) if overview else None
    stops = route_map.route if route_map else overview.route if overview else ()
    route = tuple(RouteItem(s, tuple({id(a.article): a.article for a in s.attestations}.values())) for s in stops)
    places = tuple(sorted(overview.places, key=lambda p: (-p.entity.article_count, p.entity.name))) if overview \
        else ()
    return MapPage(route_svg, route, overview_svg, places, overview.unplaced if overview else ())


@dataclass(frozen=True)
class NetworkNode:
    entity: EntityPage
    connections: tuple[Connection, ...]


@dataclass(frozen=True)
class NetworkPage:
    svg: Markup | None
    nodes: tuple[NetworkNode, ...]  # the graph's entities, most covered first, with their connections


def network_page(analysis: Analysis, page_path: str, labels: Mapping[str, str]) -> NetworkPage:
    graph = analysis.connections.graph
    types = {t: labels[f"type_{t}"] for t in ("person", "place", "organization")}
    svg = _drawing(graph_svg(graph, _href_maker(page_path), labels["network_graph"], type_labels=types)) \
        if graph.nodes else None
    nodes = sorted((n.entity for n in graph.nodes), key=lambda e: (-e.article_count, e.name, e.type))
    return NetworkPage(svg, tuple(NetworkNode(e, analysis.connections_of(e)) for e in nodes))
