"""What no site generator gives an analyst: cross-outlet analysis of the assembled dossier.

``analyze_site(site, config)`` runs after ``assemble_site`` and returns one frozen
``Analysis``: the timeline with its date conflicts, quotes grouped across outlets, shared
passages (wire copy), maps with the route of the event, co-occurrence connections and the
JSON-LD ``Event``.  Every part is data for templates and ``dossier.json`` (``to_json()``);
the two drawings are made by ``map_svg`` and ``graph_svg`` from that data, given the
page's own link maker, because links are relative to the page that shows them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..collector import collector_paused
from ..config import Config
from ..extract import build_gazetteer
from ..models import EntityPage, Site
from .common import word_spans
from .geo import MapView, build_maps, load_map_data
from .graph import Connection, Connections, build_connections, graph_description, graph_svg
from .jsonld import event_jsonld
from .mapsvg import map_svg, route_description
from .passages import PassageOccurrence, SharedPassage, find_shared_passages
from .quotes import QuoteGroup, QuoteSource, SpeakerQuotes, group_quotes
from .timeline import Timeline, build_timeline

__all__ = ["Analysis", "analyze_site", "event_jsonld", "graph_description", "graph_svg", "map_svg",
           "route_description"]


PassageHere = tuple[SharedPassage, PassageOccurrence]
QuoteHere = tuple[QuoteGroup, QuoteSource]


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


def analyze_site(site: Site, config: Config) -> Analysis:
    """Every analysis of the assembled site (pure: the same site gives the same Analysis)."""
    with collector_paused():
        return _analyze(site, config)


def _analyze(site: Site, config: Config) -> Analysis:
    countries = build_gazetteer(config.entities).countries
    data = load_map_data()
    vocabulary: dict[str, str] = {}
    words = [word_spans(page.article.text, vocabulary) for page in site.articles]  # shared by the two readers
    del vocabulary
    passages = find_shared_passages(site.articles, words)
    timeline = build_timeline(site, countries, passages, words)
    del words  # the largest thing analysis holds; not needed any more
    groups, speakers = group_quotes(site)
    window = (config.event.start, config.event.end) if config.event and config.event.start and config.event.end \
        else None
    overview, route_map = build_maps(site.places, timeline, countries, data, window)
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
        connections=build_connections(site),
        event=event_jsonld(config, data),
        passages_by_article=MappingProxyType({k: tuple(v) for k, v in passages_here.items()}),
        quotes_by_article=MappingProxyType({k: tuple(sorted(v, key=lambda gs: gs[1].start))
                                            for k, v in quotes_here.items()}),
        speakers_by_entity=MappingProxyType({(s.entity.type, s.entity.key): s for s in speakers if s.entity}),
    )
