"""schema.org objects for the pages' JSON-LD: articles, entities, the home page.

Kept apart from the other view values because they speak a different vocabulary
(schema.org) and are read by machines, not by the templates' layout.  The event itself
comes from ``dossier.analysis`` (``analysis.event``), which resolves its place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import urls
from .config import Config
from .models import EntityMentions, EntityPage
from .views import ArticleView

_SCHEMA_TYPES = {"person": "Person", "place": "Place", "organization": "Organization"}


def _thing(e: EntityMentions | EntityPage, config: Config,
           entities: Mapping[tuple[str, str], EntityPage]) -> dict[str, Any]:
    target = entities.get((e.type, e.key))
    thing: dict[str, Any] = {"@type": _SCHEMA_TYPES[e.type], "name": e.name}
    if target:
        thing["url"] = urls.absolute_url(config, target.path)
        if target.known and target.known.wikidata:
            thing["sameAs"] = f"https://www.wikidata.org/wiki/{target.known.wikidata}"
    return thing


def article_jsonld(view: ArticleView, config: Config,
                   entities: Mapping[tuple[str, str], EntityPage]) -> dict[str, Any]:
    """schema.org NewsArticle: the dossier's known people and places are what it is *about*,
    everything else it merely *mentions*."""
    page, article = view.page, view.page.article
    address = urls.absolute_url(config, page.path)
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
        "description": " ".join(page.summary), "url": address, "mainEntityOfPage": address,
        "inLanguage": config.language, "publisher": {"@type": "Organization", "name": article.outlet},
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if view.original:
        data["isBasedOn"] = view.original
    about, mentions = [], []
    for e in (*page.people, *page.places, *page.organizations):
        target = entities.get((e.type, e.key))
        known = target is not None and target.known is not None and e.type != "organization"
        (about if known else mentions).append(_thing(e, config, entities))
    if about:
        data["about"] = about
    if mentions:
        data["mentions"] = mentions
    return data


def entity_jsonld(entity: EntityPage, config: Config,
                  entities: Mapping[tuple[str, str], EntityPage]) -> dict[str, Any]:
    """schema.org Person/Place/Organization for an entity page, tied to Wikidata when known."""
    thing = _thing(entity, config, entities)
    if entity.known and entity.known.description:
        thing["description"] = entity.known.description
    if entity.known and entity.known.coordinates:
        lat, lon = entity.known.coordinates
        thing["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
    return {"@context": "https://schema.org", **thing}


def home_jsonld(config: Config, search_path: str) -> dict[str, Any]:
    home = urls.absolute_url(config, "index.html")
    website: dict[str, Any] = {
        "@type": "WebSite", "name": config.title, "description": config.description, "url": home,
        "inLanguage": config.language,
        "potentialAction": {"@type": "SearchAction", "query-input": "required name=q",
                            "target": urls.absolute_url(config, search_path) + "?q={q}"},
    }
    graph = [website]
    if config.event:
        ev = config.event
        event: dict[str, Any] = {"@type": "Event", "name": ev.name}
        if ev.start:
            event["startDate"] = ev.start.isoformat()
        if ev.end:
            event["endDate"] = ev.end.isoformat()
        if ev.location:
            event["location"] = {"@type": "Place", "name": ev.location}
        website["about"] = event
    return {"@context": "https://schema.org", "@graph": graph}

