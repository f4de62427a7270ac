"""``Site`` -> every file of the static site (pages, sitemap, feed, assets), as bytes.

The theme is only templates: the page jobs (``pages.py``) turn the assembled ``Site`` into
small view values (chips with counts and link targets, events grouped by day, JSON-LD
objects) and this module's ``Renderer`` hands them to Jinja2, so templates lay out data and
compute nothing.  A site folder's
``templates/`` overrides the default theme file by file, labels are layered the same way,
and a template mistake surfaces as a ``DossierError`` naming the template and line — never
as a Python traceback.  Output is a pure function of the input: no clocks, no randomness,
sorted walks, so two builds are byte-identical.
"""

from __future__ import annotations

import contextlib
import hashlib
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import yaml

from . import urls
from .analysis import Analysis, analyze_site
from .config import Config
from .errors import DossierError, Problem
from .filters import make_filters
from .markup import make_markdown
from .models import EntityPage, Site
from .pages import feed_jobs, page_jobs
from .template_code import CACHE_TAG, ThemeEnvironment
from .views import (
    EventIndex,
    RelatedArticles,
    index_events,
)
from .views_analysis import GroupOutlets, PassageCarriers
from .views_lists import PassagePages, QuotePages
from .views_paging import Pager, page_paths, pager
from .views_timeline import TimelinePages

DEFAULT_THEME = Path(__file__).resolve().parent.parent / "templates"
ANALYST_PAGES = ("quotes", "sources", "map", "connections")
_TEMPLATE_EXTENSIONS = ("html", "xml", "txt")  # the theme's templates (not labels.yaml)


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


def _load_theme(env: jinja2.Environment) -> None:
    """Load (compile, unless the template cache has them) every template of the theme; one
    that does not load is left for the page that uses it to report."""
    for name in env.list_templates(extensions=_TEMPLATE_EXTENSIONS):
        if not name.startswith("assets/"):
            with contextlib.suppress(jinja2.TemplateError, OSError):
                env.get_template(name)


def compile_theme(config: Config, template_cache: Path) -> None:
    """Compile the theme into ``template_cache``, as a Renderer's environment would.

    Done by a background child during the build's serial stages: the Renderer, made later,
    then loads the compiled templates (~0.01 s) instead of compiling them (~0.25 s) while
    the render workers wait for it.  The compiled code depends only on the environment's
    settings and the filters' names, never on the labels or asset versions.
    """
    dirs = theme_dirs(config)
    _load_theme(make_environment(dirs, load_labels(config, dirs), None, template_cache))


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


class Renderer:
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

    def warm(self) -> Renderer:
        """Make the lookups every kind of page shares and load every template now.

        Called before the render workers fork, so they inherit them instead of each making
        its own (at 10,000 articles the events index alone took a second per worker, and a
        cold template cache had every worker compile the whole theme).  A template that
        does not load is left for the page that uses it to report.
        """
        for lookup in ("timeline", "dated", "quotes", "passages", "events"):
            getattr(self, lookup)
        _load_theme(self.env)
        return self

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
    def group_outlets(self) -> GroupOutlets:
        """The outlets of each quote group an article page shows, found once per group."""
        return GroupOutlets()

    @cached_property
    def passage_carriers(self) -> PassageCarriers:
        """The carriers of each shared passage an article page shows, found once per passage."""
        return PassageCarriers()

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


# ------------------------------------------------------------------ lookups


def _entity_lookup(site: Site) -> dict[tuple[str, str], EntityPage]:
    return {(e.type, e.key): e for e in (*site.people, *site.places, *site.organizations)}


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
    r = Renderer(site, config, analysis if analysis is not None else analyze_site(site, config), template_cache)
    yield from render_files(r, wanted)


def render_files(r: Renderer, wanted: Callable[[str], bool] | None = None) -> Iterator[tuple[str, bytes]]:
    """``render_site`` with a Renderer made (and warmed) beforehand: the render workers
    share one made before they fork."""
    page_paths: list[str] = []
    for path, render_page in page_jobs(r):
        page_paths.append(path)
        if wanted is None or wanted(path):
            yield path, render_page()
    for path, render_file in feed_jobs(r, page_paths):
        if wanted is None or wanted(path):
            yield path, render_file()
    for path, data in r.assets:
        if wanted is None or wanted(path):
            yield path, data

