"""The pages of the site, each a job that renders one file when asked.

``page_jobs`` lists every page (home, articles, topics and their numbered pages, entities,
lists, analyst pages) as (output path, render function) in a fixed order, so a caller can
skip the pages it does not want without rendering them; ``feed_jobs`` adds sitemap, feed
and robots.txt, which need the list of pages.  Each function builds the page's view values
and hands them to ``Renderer.render``: the templates lay them out and compute nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

import jinja2

from . import urls
from .errors import DossierError, Problem
from .filters import counted
from .models import EntityPage, HubPage
from .views import (
    EntitySources,
    SitemapEntry,
    article_view,
    entity_events,
    feed_entries,
)
from .views_analysis import (
    EntityAnalysis,
    article_passages,
    article_quotes,
    entity_analysis,
    map_page,
    network_page,
)
from .views_jsonld import article_jsonld, entity_jsonld, home_jsonld
from .views_lists import chunk, entity_list_pages, topic_pages
from .views_paging import Pager, page_count, page_paths, pager
from .views_timeline import compact_periods

if TYPE_CHECKING:
    from .render import Renderer

SITEMAP_URLS = 50_000  # pages a sitemap may list (sitemaps.org); more go into numbered parts


def _counted(r: Renderer, n: int, noun: str) -> str:
    """The ``counted`` filter for text made outside templates (page descriptions)."""
    try:
        return counted(r.labels, n, noun)
    except jinja2.TemplateRuntimeError as exc:
        raise DossierError(Problem(str(exc))) from None


def _home(r: Renderer) -> bytes:
    site, config = r.site, r.config
    event_when = event_place = None
    if config.event and config.event.start:
        start, end = config.event.start, config.event.end
        event_when = f"{start.isoformat()}/{end.isoformat()}" if end and end != start else start.isoformat()
    if config.event and config.event.location:
        key = urls.slugify(config.event.location)
        event_place = next((p for p in site.places if p.key == key), None)
    return r.render(
        "home.html", "index.html", event_when=event_when, event_place=event_place,
        meta=r.meta(config.title, config.description, "index.html", section="home"),
        key_people=site.people[:10], key_places=site.places[:10],
        key_organizations=site.organizations[:6],
        days=compact_periods(r.timeline, config.event),
        latest=site.articles[:6],
        jsonld=home_jsonld(config, r.paths["search"]), event_jsonld=r.analysis.event,
    )


def _article(r: Renderer, index: int) -> bytes:
    page = r.site.articles[index]
    article = page.article
    passages = r.analysis.passages_in(article.slug)
    view = article_view(page, r.hubs, r.entities, r.labels, r.md, r.related.of(index), r.dated,
                        tuple((o.start, o.end) for _, o in passages))
    description = " ".join(page.summary) or f"{article.title} ({article.outlet})"
    return r.render(
        "article.html", page.path, view=view,
        shared=article_passages(r.analysis, page, r.passages.passage_path, r.passage_carriers),
        quotes=article_quotes(r.analysis, page, r.speakers, r.quotes.group_path, r.group_outlets),
        meta=r.meta(article.title, description, page.path, og_type="article", section="articles",
                    published=article.published.isoformat() if article.published else None),
        jsonld=article_jsonld(view, r.config, r.entities),
    )


def _hub(r: Renderer, hub: HubPage, count: int, number: int = 1) -> bytes:
    """Page ``number`` of a topic: its share of the articles and of their events; page 1 also
    the recurring people and places."""
    views = r.paged(hub.path, lambda: topic_pages(hub.articles, hub.events, r.size, r.dated))
    view = views[number - 1]
    path = r.page_paths(hub.path, count)[number - 1]
    pager = r.pager(hub.path, count, number)
    return r.render(
        "hub.html", path, hub=hub, articles=view.articles, days=view.days, pager=pager,
        meta=r.paged_meta(hub.title, hub.description or f"{hub.title}: {_counted(r, len(hub.articles), 'articles')}",
                          path, pager, section="topics"),
    )


def _entity(r: Renderer, entity: EntityPage, count: int, number: int = 1) -> bytes:
    """Page ``number`` of an entity: its share of the articles naming it and of its dated
    events; page 1 also what it said and who it is named with."""
    section = {"person": "people", "place": "places", "organization": "organizations"}[entity.type]
    known = entity.known
    description = (known.description if known and known.description
                   else f"{entity.name}: {_counted(r, entity.article_count, 'articles')}")
    views = r.paged(entity.path, lambda: entity_list_pages(EntitySources(entity), entity_events(entity, r.events),
                                                           r.size, r.dated))
    view = views[number - 1]
    path = r.page_paths(entity.path, count)[number - 1]
    pager = r.pager(entity.path, count, number)
    # What it said and who it is named with: on the first page only.
    analysed = (entity_analysis(r.analysis, entity, r.quotes.speaker_path, r.size) if number == 1
                else EntityAnalysis(None, ()))
    return r.render(
        "entity.html", path, entity=entity, sources=view.sources, pager=pager, analysed=analysed,
        days=view.days,
        type_label=r.labels[f"type_{entity.type}"], jsonld=entity_jsonld(entity, r.config, r.entities),
        meta=r.paged_meta(entity.name, description, path, pager,
                          og_type="profile" if entity.type == "person" else "website", section=section),
    )


def _list(r: Renderer, key: str, entities: tuple[EntityPage, ...]) -> bytes:
    path = r.paths[key]
    title, intro = r.labels[f"list_{key}_title"], r.labels[f"list_{key}_intro"]
    return r.render("entity_list.html", path, entities=entities, title=title, intro=intro,
                    meta=r.meta(title, intro, path, section=key))


PageJob = tuple[str, Callable[[], bytes]]


def _analyst_page(r: Renderer, key: str, template: str, path: str | None = None, pager: Pager | None = None,
                  **views: Callable[[], Any]) -> PageJob:
    """A page of the analyst views: title and intro from labels ``<key>_title``/``_intro``;
    ``path`` and ``pager`` for a later page of a long one.

    Its views are made only when the page is rendered: a render that wants other pages
    (a render worker's share, the preview's edited article) must not pay for them.
    """
    path = path or r.paths[key]
    title, intro = r.labels[f"{key}_title"], r.labels[f"{key}_intro"]

    def render() -> bytes:
        return r.render(template, path, title=title, intro=intro, pager=pager,
                        meta=r.paged_meta(title, intro, path, pager, section=key),
                        **{name: make() for name, make in views.items()})
    return path, render


def _paged_analyst_pages(r: Renderer, key: str, template: str, paths: tuple[str, ...],
                         **views: Callable[[int], Any]) -> Iterator[PageJob]:
    """Every page of a long analyst list; ``views``: each view of page n, made from n."""
    for number, path in enumerate(paths, 1):
        made = {name: partial(make, number) for name, make in views.items()}
        yield _analyst_page(r, key, template, path, pager(paths, number, r.labels), **made)


def _analyst_pages(r: Renderer) -> Iterator[PageJob]:
    """Timeline with conflicts, who said what, shared wire copy, map, connections."""
    analysis = r.analysis

    def event(number: int = 1) -> Any:
        return analysis.event
    yield from _paged_analyst_pages(r, "timeline", "timeline.html", r.timeline.paths, timeline=r.timeline.page,
                                    event_jsonld=event)
    yield from _paged_analyst_pages(r, "quotes", "quotes.html", r.quotes.paths, quotes=r.quotes.page)
    yield from _paged_analyst_pages(r, "sources", "sources.html", r.passages.paths, passages=r.passages.page)
    yield _analyst_page(r, "map", "map.html", view=lambda: map_page(analysis, r.paths["map"], r.labels),
                        event_jsonld=event)
    yield _analyst_page(r, "connections", "connections.html",
                        view=lambda: network_page(analysis, r.paths["connections"], r.labels))


def _article_list(r: Renderer, title: str, intro: str, paths: tuple[str, ...], number: int) -> bytes:
    path, page = paths[number - 1], pager(paths, number, r.labels)
    return r.render("article_list.html", path, title=title, intro=intro, pager=page,
                    articles=chunk(r.site.articles, r.size, number),
                    meta=r.paged_meta(title, intro, path, page, section="articles"))


def page_jobs(r: Renderer) -> Iterator[PageJob]:
    """Every page as (path, render it): a caller that needs only some pages renders only those."""
    site, labels, paths = r.site, r.labels, r.paths
    yield "index.html", partial(_home, r)
    for index, page in enumerate(site.articles):
        yield page.path, partial(_article, r, index)
    for hub in site.hubs:
        count = page_count(len(hub.articles), r.size)
        for number, path in enumerate(r.page_paths(hub.path, count), 1):
            yield path, partial(_hub, r, hub, count, number)
    for entity in (*site.people, *site.places, *site.organizations):
        count = page_count(entity.article_count, r.size)
        for number, path in enumerate(r.page_paths(entity.path, count), 1):
            yield path, partial(_entity, r, entity, count, number)
    for key, group in (("people", site.people), ("places", site.places),
                       ("organizations", site.organizations)):
        yield paths[key], partial(_list, r, key, group)
    title, intro = labels["list_topics_title"], labels["list_topics_intro"]
    yield paths["topics"], partial(r.render, "topic_list.html", paths["topics"], title=title, intro=intro,
                                   meta=r.meta(title, intro, paths["topics"], section="topics"))
    title, intro = labels["list_articles_title"], labels["list_articles_intro"]
    article_pages = page_paths(r.config, paths["articles"], page_count(len(site.articles), r.size))
    for number, path in enumerate(article_pages, 1):
        yield path, partial(_article_list, r, title, intro, article_pages, number)
    yield from _analyst_pages(r)
    title, intro = labels["search_title"], labels["search_intro"]
    yield paths["search"], partial(r.render, "search.html", paths["search"], title=title, intro=intro,
                                   meta=r.meta(title, intro, paths["search"], section="search", noindex=True))
    # A host serves 404.html at whatever URL was missed, so its links cannot be relative
    # to its own location: it gets <base href> at the site's absolute address (base_url),
    # never a root-relative path, which would break when the site lives under a sub-path.
    yield paths["not_found"], partial(
        r.render, "404.html", paths["not_found"], base_href=urls.absolute_url(r.config, "index.html"),
        meta=r.meta(labels["not_found_title"], labels["not_found_text"], paths["not_found"], noindex=True))


def list_units(r: Renderer) -> Callable[[str], str | None]:
    """``unit_of(path)``: the first page of the hub's or entity's list a page of more than one
    belongs to (None for any other page).  A list's pages share views made once for the list
    (``Renderer.paged``), so the render workers give all of them to one worker."""
    units: dict[str, str] = {}
    lists = [(hub.path, len(hub.articles)) for hub in r.site.hubs] + [
        (entity.path, entity.article_count) for entity in (*r.site.people, *r.site.places, *r.site.organizations)]
    for first, items in lists:
        count = page_count(items, r.size)
        if count > 1:
            units.update(dict.fromkeys(page_paths(r.config, first, count), first))
    return units.get


def feed_jobs(r: Renderer, page_paths: list[str]) -> Iterator[PageJob]:
    """Sitemap, feed and robots.txt, each rendered only when asked for.

    A sitemap lists at most ``SITEMAP_URLS`` pages (the protocol's limit, which a dossier
    of ~21,000 articles passes): a larger site gets ``sitemap-1.xml``, ``sitemap-2.xml`` ...
    and ``sitemap.xml`` is their index, so robots.txt and the search engines find it where
    they always do.
    """
    config, site = r.config, r.site
    listed = [p for p in page_paths if p not in (r.paths["search"], r.paths["not_found"])]
    parts = [listed[i:i + SITEMAP_URLS] for i in range(0, len(listed), SITEMAP_URLS)] or [[]]

    def sitemap(pages: list[str], path: str) -> bytes:
        published = {p.path: p.article.published.isoformat() for p in site.articles if p.article.published}
        entries = tuple(SitemapEntry(urls.absolute_url(config, p), published.get(p)) for p in pages)
        return r.render("sitemap.xml", path, entries=entries)

    def feed() -> bytes:
        entries, updated = feed_entries(site, config)
        return r.render("feed.xml", "feed.xml", entries=entries, updated=updated,
                        feed_url=urls.absolute_url(config, "feed.xml"),
                        home_url=urls.absolute_url(config, "index.html"))

    if len(parts) == 1:
        yield "sitemap.xml", partial(sitemap, parts[0], "sitemap.xml")
    else:
        names = [f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
        yield "sitemap.xml", partial(r.render, "sitemap-index.xml", "sitemap.xml",
                                     sitemaps=tuple(urls.absolute_url(config, name) for name in names))
        for name, pages in zip(names, parts, strict=True):
            yield name, partial(sitemap, pages, name)
    yield "feed.xml", feed
    yield "robots.txt", partial(r.render, "robots.txt", "robots.txt",
                                sitemap_url=urls.absolute_url(config, "sitemap.xml"))


