"""View values: the assembled ``Site`` reshaped into exactly what a page lays out.

Templates compute nothing, so whatever a page needs beyond the ``Site`` itself — an
article's entity chips with mention counts and link targets, events grouped by day, feed
and sitemap entries — is built here as small frozen values (the schema.org objects are in
``views_jsonld``, the analyst pages' views in ``views_analysis`` and ``views_timeline``).  Pure functions,
deterministic order: two builds give the same bytes.  The values have ``__slots__``: an
entity's pages make a ``Passage`` for every sentence naming it (210,000 at 3,000 articles),
and an instance without a ``__dict__`` is made faster and leaves the cycle collector one
object to walk instead of two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

from markdown_it import MarkdownIt
from markupsafe import Markup

from . import urls
from .article_body import linked_body
from .config import Config
from .models import ArticlePage, EntityMentions, EntityPage, Event, HubPage, Site
from .outlets import OutletSources, by_outlet


@dataclass(frozen=True, slots=True)
class Chip:
    """An entity as shown on an article: name, its page (if it has one), mentions here."""

    name: str
    path: str | None
    count: int


@dataclass(frozen=True, slots=True)
class TopicLink:
    title: str
    path: str


@dataclass(frozen=True, slots=True)
class DateChip:
    text: str  # exactly as written in the article
    value: str  # ISO value it resolves to
    on_timeline: bool = True  # the timeline page has this date (so the link has a target)
    page: str = ""  # the timeline page that shows it


@dataclass(frozen=True, slots=True)
class QuoteView:
    text: str
    speaker: str | None
    speaker_path: str | None


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """One ``data-pagefind-filter`` value: filter name (from labels) and value."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    page: ArticlePage
    body: Markup
    people: tuple[Chip, ...]
    places: tuple[Chip, ...]
    organizations: tuple[Chip, ...]
    topics: tuple[TopicLink, ...]
    dates: tuple[DateChip, ...]
    quotes: tuple[QuoteView, ...]
    filters: tuple[SearchFilter, ...]
    original: str | None  # link to the source, only if it is http(s)
    related: tuple[ArticlePage, ...] = ()


@dataclass(frozen=True, slots=True)
class DayEvent:
    """One dated sentence of an entity's or a hub's timeline, with every article that
    printed it word for word: a wire sentence carried by dozens of articles is listed once
    (the largest place of a 1,000-article dossier listed 224 sentences, 95 of them distinct)."""

    event: Event  # the first of ``sources``
    sources: tuple[Event, ...]
    by_outlet: tuple[OutletSources, ...]  # the same, by outlet


@dataclass(frozen=True, slots=True)
class DayGroup:
    """Events sharing one date value (a day, or a coarser month/year/range)."""

    date: str
    events: tuple[DayEvent, ...]
    more: int = 0  # events of this date left out of a compact view (``compact_days``)
    page: str | None = None  # the timeline page that holds the whole date (on a topic's or an entity's page)


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence that mentions an entity, with every form of the name used in it."""

    sentence: str
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """An article that mentions an entity: the first passages shown, the rest folded away."""

    article: ArticlePage
    passages: tuple[Passage, ...]
    more: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class FeedEntry:
    page: ArticlePage
    url: str
    updated: str  # RFC 3339, from the article date: never the build time
    summary: str
    original: str | None = None  # the source article, only if it is http(s)
    topics: tuple[str, ...] = ()  # hub titles


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    loc: str
    lastmod: str | None


_WEB_URL = re.compile(r"^https?://", re.IGNORECASE)


def _web_url(url: str | None) -> str | None:
    """Only http(s) links leave the site: a ``javascript:`` URL must never become a link."""
    return url if url and _WEB_URL.match(url) else None


def _chips(found: tuple[EntityMentions, ...], entities: Mapping[tuple[str, str], EntityPage]) -> tuple[Chip, ...]:
    chips = []
    for e in found:
        target = entities.get((e.type, e.key))
        chips.append(Chip(e.name, target.path if target else None, len(e.mentions)))
    return tuple(sorted(chips, key=lambda c: (-c.count, c.name.casefold())))


def article_view(page: ArticlePage, hubs: Mapping[str, HubPage], entities: Mapping[tuple[str, str], EntityPage],
                 labels: Mapping[str, str], md: MarkdownIt,
                 related: tuple[ArticlePage, ...] = (),
                 timeline_keys: Mapping[str, str] | None = None,
                 shared: Iterable[tuple[int, int]] = ()) -> ArticleView:
    """``timeline_keys``: the dates the timeline shows, each with the timeline page showing it;
    a date chip links only to those.
    ``shared``: spans of the text (``Article.text`` offsets) that other outlets carry too."""
    people, places = _chips(page.people, entities), _chips(page.places, entities)
    topics = tuple(TopicLink(hubs[s].title, hubs[s].path) for s in page.topics if s in hubs)
    dates: dict[tuple[str, str], DateChip] = {}
    for d in page.extraction.dates:
        if d.value is not None:
            where = "" if timeline_keys is None else timeline_keys.get(d.value)
            dates.setdefault((d.text, d.value), DateChip(d.text, d.value, where is not None, where or ""))
    quotes = []
    for q in page.extraction.quotes:
        speaker = entities.get(("person", q.speaker_key)) if q.speaker_key else None
        quotes.append(QuoteView(q.text, q.speaker, speaker.path if speaker else None))
    filters = (*(SearchFilter(labels["filter_topic"], t.title) for t in topics),
               *(SearchFilter(labels["filter_person"], c.name) for c in people),
               *(SearchFilter(labels["filter_place"], c.name) for c in places),
               SearchFilter(labels["filter_outlet"], page.article.outlet))
    original = _web_url(page.article.url)
    return ArticleView(page, linked_body(page, entities, md, shared), people, places,
                       _chips(page.organizations, entities), topics, tuple(dates.values()), tuple(quotes),
                       filters, original, related)


class RelatedArticles:
    """For each article, the others sharing the most people, places, organisations and topics.

    Things nearly every article names (the dossier's two protagonists, its main country) say
    nothing about relatedness, so names found in more than half the articles are left out.
    At least two things in common, so "related" means something; ties go to the newer
    article (the lower index: ``Site.articles`` is newest first).

    Built once per render (one bit set of articles per name or topic); ``of(index)`` then
    counts, for one article, how many of its names every other article shares by adding
    those bit sets into a bit-sliced counter: a few big-integer operations per name, so a
    page costs the same whether the dossier holds a hundred articles or ten thousand, and a
    render that wants only some pages pays only for those.
    """

    def __init__(self, articles: tuple[ArticlePage, ...], limit: int = 3) -> None:
        self.articles = articles
        self.limit = limit
        self.keys = tuple(frozenset({(e.type, e.key) for e in p.extraction.entities}
                                    | {("topic", t) for t in p.topics}) for p in articles)
        postings: dict[tuple[str, str], list[int]] = {}
        for index, keys in enumerate(self.keys):
            for key in keys:
                postings.setdefault(key, []).append(index)
        common = max(3, len(articles) // 2)
        self.bits: dict[tuple[str, str], int] = {}
        for key, holders in postings.items():
            if 1 < len(holders) <= common:
                row = bytearray(len(articles) // 8 + 1)
                for index in holders:
                    row[index >> 3] |= 1 << (index & 7)
                self.bits[key] = int.from_bytes(row, "little")

    def of(self, index: int) -> tuple[ArticlePage, ...]:
        planes: list[int] = []  # planes[i]: the articles whose count has bit i set
        rows = 0
        for key in self.keys[index]:
            carry = self.bits.get(key, 0)
            if not carry:
                continue
            rows += 1
            for level, plane in enumerate(planes):
                planes[level], carry = plane ^ carry, plane & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        others = ~(1 << index)
        best: list[int] = []
        for count in range(min(rows, (1 << len(planes)) - 1), 1, -1):
            exact = others
            for level, plane in enumerate(planes):
                exact &= plane if count >> level & 1 else ~plane
            while exact and len(best) < self.limit:
                lowest = exact & -exact
                best.append(lowest.bit_length() - 1)
                exact ^= lowest
            if len(best) == self.limit:
                break
        return tuple(self.articles[o] for o in best)


def related_articles(site: Site, limit: int = 3) -> dict[str, tuple[ArticlePage, ...]]:
    """Related articles of every article, by path (see ``RelatedArticles``)."""
    related = RelatedArticles(site.articles, limit)
    return {page.path: related.of(index) for index, page in enumerate(site.articles)}


def group_by_day(events: Iterable[Event]) -> tuple[DayGroup, ...]:
    """Events grouped by their date value, and within a date by wording (``DayEvent``),
    groups in order of first appearance."""
    groups: dict[str, dict[tuple[str, str], list[Event]]] = {}
    for event in events:
        groups.setdefault(event.date, {}).setdefault((event.sentence, event.date_text), []).append(event)
    return tuple(DayGroup(day, tuple(DayEvent(same[0], tuple(same), by_outlet(same)) for same in wordings.values()))
                 for day, wordings in groups.items())


class EntitySources(Sequence[Source]):
    """An entity's appearances grouped by article (``Source``), one passage per distinct
    sentence, in text order; articles in order of first appearance.

    A place named in thousands of sentences fills dozens of pages of 50 articles: only the
    articles of the page being rendered become ``Source`` values (each render worker takes
    some of an entity's pages, and the passages of the others must not be made, nor kept
    alive, for nothing).  Grouping remembers only positions.
    """

    def __init__(self, entity: EntityPage, shown: int = 3) -> None:
        self.appearances = entity.appearances
        self.shown = shown
        groups: dict[str, list[int]] = {}
        for position, a in enumerate(entity.appearances):
            found = groups.get(a.article.path)
            if found is None:
                groups[a.article.path] = [position]
            else:
                found.append(position)
        self.groups = tuple(groups.values())

    def __len__(self) -> int:
        return len(self.groups)

    @overload
    def __getitem__(self, index: int) -> Source: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Source, ...]: ...

    def __getitem__(self, index: int | slice) -> Source | tuple[Source, ...]:
        if isinstance(index, slice):
            return tuple(self._source(g) for g in self.groups[index])
        return self._source(self.groups[index])

    def _source(self, positions: list[int]) -> Source:
        appearances = self.appearances
        # One list of names per sentence (a person named in hundreds of sentences must not
        # cost a dict per sentence).
        by_sentence: dict[str, list[str]] = {}
        for position in positions:
            a = appearances[position]
            names = by_sentence.get(a.sentence)
            if names is None:
                by_sentence[a.sentence] = [a.mention]
            elif a.mention not in names:
                names.append(a.mention)
        passages = [Passage(sentence, tuple(names)) for sentence, names in by_sentence.items()]
        shown = self.shown
        return Source(appearances[positions[0]].article, tuple(passages[:shown]), tuple(passages[shown:]))


# sentence -> path of an article holding it -> (place in the timeline, event) of its events there.
EventIndex = Mapping[str, Mapping[str, tuple[tuple[int, Event], ...]]]


def index_events(timeline: Iterable[Event]) -> EventIndex:
    """Timeline events by sentence, then by the article they are in, with their place in
    the timeline.

    Made once per render, so each entity page finds its events by lookup instead of
    scanning the whole timeline (that scan made rendering quadratic in the dossier's size).
    Keyed by the sentence, then the article's path, not by a (path, sentence) pair: an
    entity page looks up every sentence naming the entity (thousands for the largest
    place), and strings keep their hashes while a pair would be a new tuple to make and hash
    each time.  Not by the sentence alone either: a wire story's sentence stands in
    hundreds of articles of a large dossier, and each of its appearances would scan the
    events of all of them (quadratic in how widely it was carried).
    """
    index: dict[str, dict[str, list[tuple[int, Event]]]] = {}
    for position, event in enumerate(timeline):
        by_article = index.get(event.sentence)
        if by_article is None:
            by_article = index[event.sentence] = {}
        by_article.setdefault(event.article.path, []).append((position, event))
    return {sentence: {path: tuple(found) for path, found in by_article.items()}
            for sentence, by_article in index.items()}


def entity_events(entity: EntityPage, events: EventIndex) -> tuple[DayGroup, ...]:
    """The dated events whose sentence names the entity: its own timeline, by day."""
    found: dict[int, Event] = {}
    for a in entity.appearances:
        by_article = events.get(a.sentence)
        if by_article:
            hits = by_article.get(a.article.path)
            if hits:
                for position, event in hits:
                    found[position] = event
    return group_by_day(found[position] for position in sorted(found))


def feed_entries(site: Site, config: Config) -> tuple[tuple[FeedEntry, ...], str]:
    """Atom entries of the newest ``config.feed_entries`` articles (undated ones last), dated
    by their articles; the feed's ``updated`` is the newest date.

    A feed is polled again and again for what is new: Pelican's default keeps 100 entries too,
    and the whole of a 10,000-article dossier made an 8 MB feed."""
    titles = {h.slug: h.title for h in site.hubs}
    dates = [p.article.published for p in site.articles if p.article.published]
    updated = f"{max(dates).isoformat()}T00:00:00Z" if dates else "1970-01-01T00:00:00Z"
    entries = tuple(
        FeedEntry(p, urls.absolute_url(config, p.path),
                  f"{p.article.published.isoformat()}T00:00:00Z" if p.article.published else updated,
                  " ".join(p.summary), _web_url(p.article.url),
                  tuple(titles[t] for t in p.topics if t in titles))
        for p in site.articles[:config.feed_entries])  # (newest first: assemble_site sorts them so)
    return entries, updated

