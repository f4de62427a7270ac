"""What no site generator gives an analyst: cross-outlet analysis of the assembled dossier.

``analyze_site(site, config)`` runs after ``assemble_site`` and returns one frozen
``Analysis``: the timeline with its date conflicts, quotes grouped across outlets, shared
passages (wire copy), maps with the route of the event, co-occurrence connections and the
JSON-LD ``Event``.  Every part is data for templates and ``dossier.json`` (``to_json()``);
the two drawings are made by ``map_svg`` and ``graph_svg`` from that data, given the
page's own link maker, because links are relative to the page that shows them.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from types import MappingProxyType
from typing import Any

from ..collector import collector_paused
from ..config import Config
from ..extract import build_gazetteer
from ..forked import ForkedCalls
from ..models import EntityPage, Site
from .common import Words, word_spans
from .geo import MapView, build_maps, load_map_data
from .graph import Connection, Connections, build_connections, graph_description, graph_svg
from .jsonld import event_jsonld
from .mapsvg import map_svg, route_description
from .passages import PassageOccurrence, SharedPassage, Shingles, find_shared_passages, shingles_of
from .quotes import QuoteGroup, QuoteSource, SpeakerQuotes, group_quotes
from .timeline import Timeline, build_timeline, prepare_claims, site_claims

__all__ = ["Analysis", "analyze_site", "event_jsonld", "graph_description", "graph_svg", "map_svg",
           "route_description"]


PassageHere = tuple[SharedPassage, PassageOccurrence]
QuoteHere = tuple[QuoteGroup, QuoteSource]
# Below this many articles the analysis takes less time than forking a process.
PARALLEL_MIN_ARTICLES = 150


@dataclass(frozen=True)
class Analysis:
    timeline: Timeline
    quotes: tuple[QuoteGroup, ...]  # every quote group, in reading order (oldest article first)
    speakers: tuple[SpeakerQuotes, ...]  # the same groups by speaker; unattributed last
    passages: tuple[SharedPassage, ...]  # most widely shared first
    map: MapView | None  # every place with coordinates; None when no place has any
    route_map: MapView | None  # fitted to the route; None when the route has fewer than two places
    connections: Connections
    event: Mapping[str, Any] | None  # JSON-LD Event, or None without site.yaml ``event:``
    # Lookups for the pages (built once, so thousands of pages do not scan the lists):
    passages_by_article: Mapping[str, tuple[PassageHere, ...]] = field(default_factory=dict)
    quotes_by_article: Mapping[str, tuple[QuoteHere, ...]] = field(default_factory=dict)
    speakers_by_entity: Mapping[tuple[str, str], SpeakerQuotes] = field(default_factory=dict)

    def passages_in(self, slug: str) -> tuple[PassageHere, ...]:
        """The shared passages of one article with its own occurrence (offsets to highlight)."""
        return self.passages_by_article.get(slug, ())

    def quotes_in(self, slug: str) -> tuple[QuoteHere, ...]:
        """The quotes of one article, each with its group (other outlets, other wordings)."""
        return self.quotes_by_article.get(slug, ())

    def quotes_of(self, entity: EntityPage) -> SpeakerQuotes | None:
        """What a person or organisation said across the dossier (None if never quoted)."""
        return self.speakers_by_entity.get((entity.type, entity.key))

    def connections_of(self, entity: EntityPage) -> tuple[Connection, ...]:
        return self.connections.of(entity)

    def to_json(self) -> dict[str, Any]:
        return {
            "timeline": self.timeline.to_json(),
            "quotes": [s.to_json() for s in self.speakers],
            "shared_passages": [p.to_json() for p in self.passages],
            "map": self.map.to_json() if self.map else None,  # with the route
            "route_map": self.route_map.to_json()["bounds"] if self.route_map else None,
            "connections": self.connections.to_json(),
            "event": dict(self.event) if self.event else None,
        }


def analyze_site(site: Site, config: Config, workers: int | None = None) -> Analysis:
    """Every analysis of the assembled site (pure: the same site gives the same Analysis).

    ``workers``: processes to analyse with (default: one per core, one for small sites);
    the shared passages and the connections are worked out in forked copies of this
    process while it reads the dates and the quotes.  The result never depends on it.
    """
    with collector_paused():
        return _analyze(site, config, _processes(len(site.articles), workers))


def _processes(articles: int, workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    if articles < PARALLEL_MIN_ARTICLES:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _read(site: Site, vocabulary: dict[str, str], i: int) -> tuple[Words, Shingles]:
    """``word_spans`` and ``shingles_of`` of article ``i``; the words are one string object
    per distinct word (``vocabulary``: all articles' words are held at once)."""
    page = site.articles[i]
    words = word_spans(page.article.text, vocabulary)
    return words, shingles_of(page, words)


def _offsets(read: tuple[Words, Shingles]) -> tuple[Words, Shingles]:
    """What the passages need of an article's words: its shingles were made from them, so
    only their offsets (a third of the data to send to the child, and no strings)."""
    words, shingles = read
    return Words((), words.starts, words.ends), shingles


def _passages(site: Site, read: list[tuple[Words, Shingles]]) -> tuple[SharedPassage, ...]:
    return find_shared_passages(site.articles, [w for w, _ in read], [s for _, s in read])


def _connections(site: Site, read: object) -> Connections:
    return build_connections(site)


def _analyze(site: Site, config: Config, processes: int) -> Analysis:
    countries = build_gazetteer(config.entities).countries
    data = load_map_data()
    # Every article's words (for the dates and the passages) and shingles (for the passages)
    # are read half here, half in ONE forked child, which then works out the shared passages
    # and the connections (the passages first: the timeline needs them) while this process
    # reads the dates and the quotes (whose results are the largest to send).  The child
    # gets this process's shingles and offsets, this process only the child's words; the
    # site's pages are shared: the child names them in its results instead of sending copies.
    shared = (*site.articles, *site.people, *site.places, *site.organizations)
    words, forked = ForkedCalls.after_map(partial(_read, site, {}), len(site.articles),
                                          [partial(_passages, site), partial(_connections, site)],
                                          processes, shared, kept=itemgetter(0), given=_offsets)
    with forked:
        claims = site_claims(site, countries, words)
        groups, speakers = group_quotes(site)
        same_sentence = prepare_claims(site, claims)  # the timeline's work that needs no passages
        passages = forked.result(0)
        del words  # the largest thing analysis holds; not needed any more
        timeline = build_timeline(site, countries, passages, claims=claims, same_sentence=same_sentence)
        indexes = {claim.order[0]: claim.facts.index for claim in claims}  # the route reads them again
        del claims
        window = (config.event.start, config.event.end) if config.event and config.event.start and config.event.end \
            else None
        overview, route_map = build_maps(site.places, timeline, countries, data, window, indexes)
        del indexes
        connections = forked.result(1)
    passages_here: dict[str, list[PassageHere]] = defaultdict(list)
    for passage in passages:
        for occurrence in passage.occurrences:
            passages_here[occurrence.article.article.slug].append((passage, occurrence))
    quotes_here: dict[str, list[QuoteHere]] = defaultdict(list)
    for group in groups:
        for source in group.sources:
            quotes_here[source.article.article.slug].append((group, source))
    return Analysis(
        timeline=timeline,
        quotes=groups,
        speakers=speakers,
        passages=passages,
        map=overview,
        route_map=route_map,
        connections=connections,
        event=event_jsonld(config, data),
        passages_by_article=MappingProxyType({k: tuple(v) for k, v in passages_here.items()}),
        quotes_by_article=MappingProxyType({k: tuple(sorted(v, key=lambda gs: gs[1].start))
                                            for k, v in quotes_here.items()}),
        speakers_by_entity=MappingProxyType({(s.entity.type, s.entity.key): s for s in speakers if s.entity}),
    )
