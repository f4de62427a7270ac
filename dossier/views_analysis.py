"""View values of the analyst pages: quotes, shared passages, map, network (the timeline's
are in ``views_timeline``).

``dossier.analysis`` already shapes the data (quote groups with their renderings, shared
passages with offsets); what a page needs beyond it is *where things sit on this page*:
the sentence around a shared passage (to show it in context), the outlets of a quote
group, the drawings with links relative to the page.  Those are made here, as small frozen
values, so templates still compute nothing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TypeVar

from markupsafe import Markup

from . import urls
from .analysis import Analysis, graph_svg, map_svg
from .analysis.geo import MapPlace, RouteStop
from .analysis.graph import Connection
from .analysis.passages import PassageOccurrence, SharedPassage
from .analysis.quotes import QuoteGroup, QuoteSource, SpeakerQuotes
from .models import ArticlePage, EntityPage

T = TypeVar("T")
CONTEXT_CHARS = 240  # at most this much of the sentence on either side of a shared passage


# ------------------------------------------------------------------ shared passages


@dataclass(frozen=True)
class InContext:
    """A passage of one article in its sentence(s): ``before`` + ``text`` + ``after``."""

    occurrence: PassageOccurrence
    before: str
    text: str
    after: str
    times: int = 1  # how often its article prints the passage (shown once)


def first_of_each(items: Iterable[T], key: Callable[[T], Hashable]) -> tuple[tuple[T, int], ...]:
    """The first item of each ``key``, with how many items have that key, in order: a passage
    an article prints several times is one entry, not one per time."""
    first: dict[Hashable, T] = {}
    times: dict[Hashable, int] = {}
    for item in items:
        k = key(item)
        first.setdefault(k, item)
        times[k] = times.get(k, 0) + 1
    return tuple((item, times[k]) for k, item in first.items())


def per_article(occurrences: Iterable[PassageOccurrence]) -> tuple[tuple[PassageOccurrence, int], ...]:
    """Each article's first occurrence of a passage, with how many the article has."""
    return first_of_each(occurrences, lambda occurrence: id(occurrence.article))


@dataclass(frozen=True)
class PassageView:
    passage: SharedPassage
    occurrences: tuple[InContext, ...]


@dataclass(frozen=True)
class OutletCarriers:
    """The articles of one outlet that carry a passage: the first is linked, the others counted."""

    first: PassageOccurrence
    articles: int


@dataclass(frozen=True)
class ArticlePassage:
    """A passage of this article that other articles carry too: by outlet, each named once
    and linked to its first such article, with how many carry it.

    Every carrier of a wire story listed every other one on its page: a story carried by
    hundreds of articles made each of their pages list hundreds of links (at 10,000
    articles most of a 115 KB page, and quadratic in the story's reach).  The sources page
    (``page``) lists them all."""

    passage: SharedPassage
    here: InContext  # its first occurrence in this article
    outlets: tuple[OutletCarriers, ...]
    page: str  # the sources page that shows the passage
    times: int = 1  # how often this article prints it (every time is marked in its text)


def in_context(occurrence: PassageOccurrence, times: int = 1) -> InContext:
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
    return InContext(occurrence, before, text[occurrence.start:occurrence.end], after, times)


_start = attrgetter("start")
_end = attrgetter("end")


def passage_views(passages: Iterable[SharedPassage]) -> tuple[PassageView, ...]:
    return tuple(PassageView(p, tuple(in_context(o, n) for o, n in per_article(p.occurrences))) for p in passages)


def article_passages(analysis: Analysis, page: ArticlePage, where: Callable[[str], str],
                     carriers: PassageCarriers | None = None) -> tuple[ArticlePassage, ...]:
    """This article's shared passages in text order, each once (where it first occurs, with how
    often the article prints it: a boilerplate sentence repeated four times was four identical
    entries) and with the other articles carrying it by outlet; ``where(passage id)``: the
    sources page that shows it; ``carriers``: the render's own (``Renderer.passage_carriers``)."""
    known = carriers if carriers is not None else PassageCarriers()
    found = sorted(analysis.passages_in(page.article.slug), key=lambda po: po[1].start)
    return tuple(ArticlePassage(p, in_context(o, times), known.of(p, page), where(p.id), times)
                 for (p, o), times in first_of_each(found, lambda po: po[0].id))


class PassageCarriers:
    """Each passage's carrying articles by outlet, found once per passage for a render:
    every carrier's page asks for them (less itself), and a wire story has hundreds."""

    def __init__(self) -> None:
        # passage id -> (the passage, outlet -> (its carrying articles, each by its first occurrence; their ids))
        self.made: dict[str, tuple[SharedPassage, dict[str, tuple[list[PassageOccurrence], set[int]]]]] = {}

    def of(self, passage: SharedPassage, page: ArticlePage) -> tuple[OutletCarriers, ...]:
        found = self.made.get(passage.id)
        if found is None or found[0] is not passage:
            outlets: dict[str, tuple[list[PassageOccurrence], set[int]]] = {}
            for occurrence in passage.occurrences:
                carrying, ids = outlets.setdefault(occurrence.article.article.outlet, ([], set()))
                if id(occurrence.article) not in ids:  # an article that carries it twice counts once
                    ids.add(id(occurrence.article))
                    carrying.append(occurrence)
            found = self.made[passage.id] = (passage, outlets)
        carriers = []
        for occurrences, ids in found[1].values():
            count = len(occurrences) - (id(page) in ids)
            if count:
                first = occurrences[0] if occurrences[0].article is not page else occurrences[1]
                carriers.append(OutletCarriers(first, count))
        return tuple(carriers)


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
