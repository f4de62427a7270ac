"""``Site`` -> every file of the static site (pages, sitemap, feed, assets), as bytes.

The theme is only templates: this module turns the assembled ``Site`` into small view
values (chips with counts and link targets, events grouped by day, JSON-LD objects) and
hands them to Jinja2, so templates lay out data and compute nothing.  A site folder's
``templates/`` overrides the default theme file by file, labels are layered the same way,
and a template mistake surfaces as a ``DossierError`` naming the template and line — never
as a Python traceback.  Output is a pure function of the input: no clocks, no randomness,
sorted walks, so two builds are byte-identical.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Any

import jinja2
import yaml

from . import urls
from .analysis import Analysis, analyze_site
from .config import Config
from .errors import DossierError, Problem
from .filters import counted, make_filters
from .markup import make_markdown
from .models import EntityPage, HubPage, Site
from .template_code import CACHE_TAG, ThemeEnvironment
from .views import (
    EventIndex,
    RelatedArticles,
    SitemapEntry,
    article_view,
    entity_events,
    entity_sources,
    feed_entries,
    index_events,
)
from .views_analysis import (
    EntityAnalysis,
    TimelinePages,
    article_passages,
    article_quotes,
    compact_periods,
    entity_analysis,
    map_page,
    network_page,
)
from .views_jsonld import article_jsonld, entity_jsonld, home_jsonld
from .views_lists import PassagePages, QuotePages, chunk, entity_list_pages, topic_pages
from .views_paging import Pager, page_count, page_paths, pager

DEFAULT_THEME = Path(__file__).resolve().parent.parent / "templates"
ANALYST_PAGES = ("quotes", "sources", "map", "connections")


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str
    section: str


@dataclass(frozen=True)
class Meta:
    """What the ``<head>`` needs about a page: title, description, canonical URL, kind."""

    title: str
    description: str
    canonical: str
    og_type: str = "website"
    section: str = ""
    noindex: bool = False
    published: str | None = None


# ------------------------------------------------------------------ theme lookup


def theme_dirs(config: Config) -> tuple[Path, ...]:
    """The site's own templates first, then the default theme (same file name wins)."""
    # Absolute paths, so Jinja's traceback frames name the template file we can point at.
    dirs = [d.resolve() for d in (config.templates_dir, DEFAULT_THEME) if d.is_dir()]
    return tuple(dict.fromkeys(dirs))


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_labels(config: Config, dirs: Iterable[Path]) -> dict[str, str]:
    """Default theme labels, overlaid by the site theme's labels.yaml, then by site.yaml.

    Layering (rather than first-found-wins) means a site theme that ships a partial
    labels.yaml still gets every label the default templates use.
    """
    labels: dict[str, str] = {}
    for directory in reversed(tuple(dirs)):
        path = directory / "labels.yaml"
        if not path.is_file():
            continue
        try:
            # libyaml's loader (shipped in PyYAML's wheels) reads the 400 labels in 1 ms, not 18:
            # every render makes its labels, the preview's one-page renders included.
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_FAST_LOADER) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise DossierError.at(f"labels: YAML syntax error: {getattr(exc, 'problem', exc)}", path,
                                  mark.line + 1 if mark else None) from None
        if not isinstance(data, dict):
            raise DossierError.at("labels.yaml must be a mapping of label names to text", path, 1)
        labels.update({str(k): str(v) for k, v in data.items()})
    labels.update(config.labels)
    return labels


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates kept in ``folder``, so a render does not compile the theme again.

    Every render worker and every preview refresh makes its own environment; compiling the
    theme cost each of them ~0.2 s.  Jinja checks each entry against the template's source
    (an edited template is compiled anew) and writes entries atomically.
    """
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only site folder: compile as before
        return None
    # The compiled code imports ``template_code.escape_output``: cache files of their own.
    return jinja2.FileSystemBytecodeCache(str(folder), pattern=f"__{CACHE_TAG}_%s.cache")


def make_environment(dirs: tuple[Path, ...], labels: Mapping[str, str],
                     versions: Mapping[str, str] | None = None,
                     template_cache: Path | None = None) -> jinja2.Environment:
    """Jinja2 as the theme contract says: file-by-file override, StrictUndefined (a typo in a
    template is an error, not an empty string), autoescaping for HTML and XML."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in dirs])
    env = ThemeEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # One environment per render: the template files cannot change under it, so asking
        # the file system whether they did (a stat per template per page) is wasted work.
        auto_reload=False,
        bytecode_cache=_bytecode_cache(template_cache),
    )
    env.filters.update(make_filters(labels, versions))
    return env


def _template_frame(exc: BaseException, dirs: tuple[Path, ...]) -> tuple[Path, int] | None:
    """Innermost traceback frame inside a template file (Jinja rewrites frames to them)."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.is_absolute() and path.suffix != ".py" and any(path.is_relative_to(d) for d in dirs):
            found = (path, frame.lineno or 0)
    return found


def _template_error(exc: Exception, name: str, dirs: tuple[Path, ...]) -> DossierError:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        path = Path(exc.filename) if exc.filename else Path(name)
        return DossierError(Problem(f"template syntax error: {exc.message}", path, exc.lineno))
    if isinstance(exc, jinja2.TemplateNotFound):
        return DossierError(Problem(f"template not found: {exc.name} (looked in "
                                    f"{', '.join(str(d) for d in dirs)})", Path(name)))
    where = _template_frame(exc, dirs)
    kind = "undefined value" if isinstance(exc, jinja2.UndefinedError) else type(exc).__name__
    if where is None:
        return DossierError(Problem(f"template error ({kind}): {exc}", Path(name)))
    return DossierError(Problem(f"template error ({kind}): {exc}", where[0], where[1]))


class _Renderer:
    """One render: environment, labels, the context every page shares, and the lookups the
    pages share, each built once (a page must never scan the whole dossier)."""

    def __init__(self, site: Site, config: Config, analysis: Analysis, template_cache: Path | None = None) -> None:
        self.site = site
        self.config = config
        self.analysis = analysis
        self.dirs = theme_dirs(config)
        self.labels = load_labels(config, self.dirs)
        self.assets = tuple(_assets(self.dirs))
        versions = {path: hashlib.sha256(data).hexdigest()[:10] for path, data in self.assets}
        self.env = make_environment(self.dirs, self.labels, versions, template_cache)
        self.paths = {
            "home": "index.html",
            "topics": urls.page_path(config.paths.topics),
            "people": urls.page_path(config.paths.people),
            "places": urls.page_path(config.paths.places),
            "organizations": urls.page_path(config.paths.organizations),
            "articles": urls.page_path(config.paths.articles),
            "timeline": urls.timeline_path(config),
            "search": urls.search_path(config),
            "feed": "feed.xml",
            "sitemap": "sitemap.xml",
            "data": "dossier.json",
            "not_found": "404.html",
        }
        for key in ANALYST_PAGES:  # folders named in site.yaml ``paths:``
            self.paths[key] = urls.page_path(getattr(config.paths, key))
        self.nav = tuple(NavItem(self.labels[f"nav_{key}"], self.paths[key], key)
                         for key in ("topics", "people", "places", "timeline", "quotes", "map", "connections",
                                     "sources", "articles", "search"))
        self.entities = _entity_lookup(site)
        # A quote's speaker: people and organisations by key (an organisation wins a shared key).
        self.speakers = {e.key: e for e in (*site.people, *site.organizations)}
        self.hubs = {h.slug: h for h in site.hubs}
        self.md = make_markdown()
        self.related = RelatedArticles(site.articles)
        self.globals: dict[str, Any] = {
            "config": config, "labels": self.labels, "site": site, "paths": self.paths, "nav": self.nav,
            "analysis": analysis, "pager": None,
        }
        self.size = config.page_size
        # The pages of the one hub or entity being rendered (a render walks a list's pages in order).
        self._last_paged: tuple[str, tuple[Any, ...]] | None = None
        self._last_paths: tuple[tuple[str, int], tuple[str, ...]] | None = None

    def render(self, name: str, page_path: str, **context: Any) -> bytes:
        """Render one template for one output path; template mistakes become DossierError."""
        try:
            template = self.env.get_template(name)
            text = template.render({**self.globals, **context, "page_path": page_path})
        except jinja2.TemplateError as exc:
            raise _template_error(exc, name, self.dirs) from None
        except Exception as exc:
            if _template_frame(exc, self.dirs) is None:
                raise
            raise _template_error(exc, name, self.dirs) from None
        return text.encode("utf-8")

    @cached_property
    def timeline(self) -> TimelinePages:
        """Which timeline page holds which date (the pages' views are made when rendered)."""
        return TimelinePages(self.analysis.timeline, self.config, self.paths["timeline"], self.size)

    @cached_property
    def dated(self) -> dict[str, str]:
        """The dates an article may link to on the timeline ("t-<key>" anchors), with their page."""
        return {p.key: self.timeline.period_path(p.key) for p in self.analysis.timeline.periods}

    @cached_property
    def quotes(self) -> QuotePages:
        return QuotePages(self.analysis.speakers, self.config, self.paths["quotes"], self.size)

    @cached_property
    def passages(self) -> PassagePages:
        return PassagePages(self.analysis.passages, self.config, self.paths["sources"], self.size)

    def paged(self, path: str, make: Callable[[], tuple[Any, ...]]) -> tuple[Any, ...]:
        """The page views of the list at ``path``, made once for all its pages.

        Only the last list is kept: the views of every entity at once would be the whole
        dossier again, and a render takes a list's pages one after the other.
        """
        if self._last_paged is None or self._last_paged[0] != path:
            self._last_paged = (path, make())
        return self._last_paged[1]

    def page_paths(self, first: str, count: int) -> tuple[str, ...]:
        """The paths of the ``count`` pages of the list at ``first``, made once per list (each
        of its pages needs them: a place named in 5,000 articles has 100 pages)."""
        if self._last_paths is None or self._last_paths[0] != (first, count):
            self._last_paths = ((first, count), page_paths(self.config, first, count))
        return self._last_paths[1]

    def pager(self, first: str, count: int, number: int) -> Pager | None:
        return pager(self.page_paths(first, count), number, self.labels)

    def paged_meta(self, title: str, description: str, path: str, pager: Pager | None, **extra: Any) -> Meta:
        """A later page's title says which page it is ("Linimasa · Halaman 2 dari 7")."""
        if pager is not None and pager.number > 1:
            title = f"{title} · {pager.label}"
        return self.meta(title, description, path, **extra)

    @cached_property
    def events(self) -> EventIndex:
        """Timeline events by sentence, for the entity pages."""
        return index_events(self.site.timeline)

    def meta(self, title: str, description: str, path: str, **extra: Any) -> Meta:
        return Meta(title, description, urls.absolute_url(self.config, path), **extra)


# ------------------------------------------------------------------ pages


def _counted(r: _Renderer, n: int, noun: str) -> str:
    """The ``counted`` filter for text made outside templates (page descriptions)."""
    try:
        return counted(r.labels, n, noun)
    except jinja2.TemplateRuntimeError as exc:
        raise DossierError(Problem(str(exc))) from None


def _entity_lookup(site: Site) -> dict[tuple[str, str], EntityPage]:
    return {(e.type, e.key): e for e in (*site.people, *site.places, *site.organizations)}


def _home(r: _Renderer) -> bytes:
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


def _article(r: _Renderer, index: int) -> bytes:
    page = r.site.articles[index]
    article = page.article
    passages = r.analysis.passages_in(article.slug)
    view = article_view(page, r.hubs, r.entities, r.labels, r.md, r.related.of(index), r.dated,
                        tuple((o.start, o.end) for _, o in passages))
    description = " ".join(page.summary) or f"{article.title} ({article.outlet})"
    return r.render(
        "article.html", page.path, view=view, shared=article_passages(r.analysis, page, r.passages.passage_path),
        quotes=article_quotes(r.analysis, page, r.speakers, r.quotes.group_path),
        meta=r.meta(article.title, description, page.path, og_type="article", section="articles",
                    published=article.published.isoformat() if article.published else None),
        jsonld=article_jsonld(view, r.config, r.entities),
    )


def _hub(r: _Renderer, hub: HubPage, count: int, number: int = 1) -> bytes:
    """Page ``number`` of a topic: its share of the articles and of their events; page 1 also
    the recurring people and places."""
    views = r.paged(hub.path, lambda: topic_pages(hub.articles, hub.events, r.size))
    view = views[number - 1]
    path = r.page_paths(hub.path, count)[number - 1]
    pager = r.pager(hub.path, count, number)
    return r.render(
        "hub.html", path, hub=hub, articles=view.articles, days=view.days, pager=pager,
        meta=r.paged_meta(hub.title, hub.description or f"{hub.title}: {_counted(r, len(hub.articles), 'articles')}",
                          path, pager, section="topics"),
    )


def _entity(r: _Renderer, entity: EntityPage, count: int, number: int = 1) -> bytes:
    """Page ``number`` of an entity: its share of the articles naming it and of its dated
    events; page 1 also what it said and who it is named with."""
    section = {"person": "people", "place": "places", "organization": "organizations"}[entity.type]
    known = entity.known
    description = (known.description if known and known.description
                   else f"{entity.name}: {_counted(r, entity.article_count, 'articles')}")
    views = r.paged(entity.path, lambda: entity_list_pages(entity_sources(entity), entity_events(entity, r.events),
                                                           r.size))
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


def _list(r: _Renderer, key: str, entities: tuple[EntityPage, ...]) -> bytes:
    path = r.paths[key]
    title, intro = r.labels[f"list_{key}_title"], r.labels[f"list_{key}_intro"]
    return r.render("entity_list.html", path, entities=entities, title=title, intro=intro,
                    meta=r.meta(title, intro, path, section=key))


PageJob = tuple[str, Callable[[], bytes]]


def _analyst_page(r: _Renderer, key: str, template: str, path: str | None = None, pager: Pager | None = None,
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


def _paged_analyst_pages(r: _Renderer, key: str, template: str, paths: tuple[str, ...],
                         **views: Callable[[int], Any]) -> Iterator[PageJob]:
    """Every page of a long analyst list; ``views``: each view of page n, made from n."""
    for number, path in enumerate(paths, 1):
        made = {name: partial(make, number) for name, make in views.items()}
        yield _analyst_page(r, key, template, path, pager(paths, number, r.labels), **made)


def _analyst_pages(r: _Renderer) -> Iterator[PageJob]:
    """Timeline with conflicts, who said what, shared wire copy, map, connections."""
    analysis = r.analysis

    def event(number: int = 1) -> Any:
        return analysis.event
    yield from _paged_analyst_pages(r, "timeline", "timeline.html", r.timeline.paths, timeline=r.timeline.page,
                                    event_jsonld=event)
    yield from _paged_analyst_pages(r, "quotes", "quotes.html", r.quotes.paths,
                                    speakers=lambda n: r.quotes.page(n).speakers,
                                    speaker_index=lambda n: r.quotes.page(n).nav)
    yield from _paged_analyst_pages(r, "sources", "sources.html", r.passages.paths, passages=r.passages.page)
    yield _analyst_page(r, "map", "map.html", view=lambda: map_page(analysis, r.paths["map"], r.labels),
                        event_jsonld=event)
    yield _analyst_page(r, "connections", "connections.html",
                        view=lambda: network_page(analysis, r.paths["connections"], r.labels))


def _article_list(r: _Renderer, title: str, intro: str, paths: tuple[str, ...], number: int) -> bytes:
    path, page = paths[number - 1], pager(paths, number, r.labels)
    return r.render("article_list.html", path, title=title, intro=intro, pager=page,
                    articles=chunk(r.site.articles, r.size, number),
                    meta=r.paged_meta(title, intro, path, page, section="articles"))


def _pages(r: _Renderer) -> Iterator[PageJob]:
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


def _feeds(r: _Renderer, page_paths: list[str]) -> Iterator[PageJob]:
    """Sitemap, feed and robots.txt, each rendered only when asked for."""
    config, site = r.config, r.site

    def sitemap() -> bytes:
        published = {p.path: p.article.published.isoformat() for p in site.articles if p.article.published}
        entries = tuple(SitemapEntry(urls.absolute_url(config, p), published.get(p))
                        for p in page_paths if p not in (r.paths["search"], r.paths["not_found"]))
        return r.render("sitemap.xml", "sitemap.xml", entries=entries)

    def feed() -> bytes:
        entries, updated = feed_entries(site, config)
        return r.render("feed.xml", "feed.xml", entries=entries, updated=updated,
                        feed_url=urls.absolute_url(config, "feed.xml"),
                        home_url=urls.absolute_url(config, "index.html"))

    yield "sitemap.xml", sitemap
    yield "feed.xml", feed
    yield "robots.txt", partial(r.render, "robots.txt", "robots.txt",
                                sitemap_url=urls.absolute_url(config, "sitemap.xml"))


def _assets(dirs: tuple[Path, ...]) -> Iterator[tuple[str, bytes]]:
    """Files under ``<theme>/assets/``; a site file replaces the default one of the same name."""
    chosen: dict[str, Path] = {}
    for directory in reversed(dirs):
        root = directory / "assets"
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                chosen[path.relative_to(root).as_posix()] = path
    for rel in sorted(chosen):
        yield f"assets/{rel}", chosen[rel].read_bytes()


def render_site(site: Site, config: Config, analysis: Analysis | None = None,
                wanted: Callable[[str], bool] | None = None,
                template_cache: Path | None = None) -> Iterator[tuple[str, bytes]]:
    """Every file of the site except dossier.json and the Pagefind bundle.

    ``analysis`` is the cross-outlet analysis of the site (computed here when not given);
    ``wanted(path)`` limits the output to some files (the preview server's quick rebuild
    after an edit); pages not wanted are not rendered at all.  ``template_cache``: a folder
    for compiled templates (none: compile them in memory).
    """
    r = _Renderer(site, config, analysis if analysis is not None else analyze_site(site, config), template_cache)
    page_paths: list[str] = []
    for path, render_page in _pages(r):
        page_paths.append(path)
        if wanted is None or wanted(path):
            yield path, render_page()
    for path, render_file in _feeds(r, page_paths):
        if wanted is None or wanted(path):
            yield path, render_file()
    for path, data in r.assets:
        if wanted is None or wanted(path):
            yield path, data

