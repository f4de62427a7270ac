"""The values that flow between the pipeline stages.

All frozen dataclasses: a stage takes values and returns new ones, so stages can be
cached, run in worker processes and tested alone.  Offsets (``start``/``end``) always
index into ``Article.text``, the plain text the extractors read.

They have ``__slots__`` and pickle as a call of the class with the field values
(``_pickled_by_fields``): a 10,000-article dossier holds millions of them (mentions,
sentences, appearances), and an instance that keeps its fields in a ``__dict__`` costs
about 40 bytes more, one unpickled from its state dict (every extraction arrives pickled
from a worker process or the cache) about 100 more.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from pathlib import Path
from sys import intern
from typing import Any, Literal, TypeVar

T = TypeVar("T")


def _pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle instances of the dataclass ``cls`` as ``cls(*field values)``.

    Smaller and faster than the default for a slotted frozen dataclass (a state list set
    field by field with ``object.__setattr__``).  The state dict that pickles made before
    (an older extraction cache) hold is still read, by name.
    """
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]
    single = len(fields(cls)) == 1  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, ((values(self),) if single else values(self))

    def __setstate__(self: T, state: dict[str, Any]) -> None:
        for name, value in state.items():  # a TypeError on anything else: the cache is then unread
            object.__setattr__(self, name, value)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls


EntityType = Literal["person", "place", "organization"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "place", "organization")


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class KnownEntity:
    """An entity the user described in site.yaml; refines, never replaces, extraction."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    coordinates: tuple[float, float] | None = None  # (latitude, longitude)
    description: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One article as loaded from ``content/<slug>.md``."""

    slug: str
    source: Path
    title: str
    outlet: str
    published: date | None
    body: str  # the Markdown body, as written
    text: str  # plain text of the body, paragraphs separated by a blank line
    author: str | None = None
    url: str | None = None
    original_file: str | None = None
    body_line: int = 1  # line of source where the body starts, for error messages


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """An exact occurrence of a name in the text."""

    text: str
    start: int
    end: int


def _unpickle_mention(text: str, start: int, end: int) -> Mention:
    """A mention as it arrives from a worker or the cache, its name shared (``sys.intern``):
    at 1,000 articles 70,000 mentions spell 1,000 names."""
    return Mention(intern(text), start, end)


Mention.__reduce__ = lambda self: (_unpickle_mention, (self.text, self.start, self.end))  # type: ignore[method-assign]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class EntityMentions:
    """An entity as found in one article: canonical identity plus every mention."""

    key: str  # stable slug of the canonical name, unique per type across the dossier
    name: str  # canonical display name
    type: EntityType
    mentions: tuple[Mention, ...]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and what it resolves to.

    ``value`` is an ISO date (``2023-09-11``), a month (``2000-07``), a year (``2019``),
    a range (``2023-09-10/2023-09-13``), or ``None`` when the text does not determine it.
    """

    text: str
    start: int
    end: int
    value: str | None


def _unpickle_date(text: str, start: int, end: int, value: str | None) -> DateMention:
    """A date mention as it arrives from a worker or the cache, its strings shared (a few
    thousand spellings and values among 20,000 dates at 1,000 articles)."""
    return DateMention(intern(text), start, end, value if value is None else intern(value))


DateMention.__reduce__ = lambda self: (  # type: ignore[method-assign]
    _unpickle_date, (self.text, self.start, self.end, self.value))

@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None  # canonical name of the speaker, if known
    speaker_key: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractors found in one article's text."""

    sentences: tuple[Sentence, ...]
    entities: tuple[EntityMentions, ...]
    dates: tuple[DateMention, ...]
    quotes: tuple[Quote, ...] = ()


# ---------------------------------------------------------------- the assembled site


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ArticlePage:
    article: Article
    extraction: Extraction
    summary: tuple[str, ...]
    topics: tuple[str, ...]  # hub slugs, in site.yaml order
    path: str  # output path relative to the site root, e.g. "artikel/<slug>/index.html"

    @property
    def people(self) -> tuple[EntityMentions, ...]:
        return tuple(e for e in self.extraction.entities if e.type == "person")

    @property
    def places(self) -> tuple[EntityMentions, ...]:
        return tuple(e for e in self.extraction.entities if e.type == "place")

    @property
    def organizations(self) -> tuple[EntityMentions, ...]:
        return tuple(e for e in self.extraction.entities if e.type == "organization")


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Appearance:
    """One sentence of one article in which an entity is mentioned."""

    article: ArticlePage
    sentence: str
    mention: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class EntityPage:
    key: str
    name: str
    type: EntityType
    path: str
    appearances: tuple[Appearance, ...]
    article_count: int
    known: KnownEntity | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening on the timeline: the sentence that carries the date."""

    date: str  # DateMention.value (never None here)
    sort_key: str  # start of the date as YYYY-MM-DD, for ordering
    date_text: str  # the exact span in the text
    sentence: str
    article: ArticlePage


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class EntityCount:
    entity: EntityPage
    count: int  # number of articles


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class HubPage:
    slug: str
    title: str
    description: str
    path: str
    articles: tuple[ArticlePage, ...]
    people: tuple[EntityCount, ...]
    places: tuple[EntityCount, ...]
    events: tuple[Event, ...]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Site:
    """Everything the templates may show, assembled once before rendering."""

    articles: tuple[ArticlePage, ...]  # newest first
    hubs: tuple[HubPage, ...]
    people: tuple[EntityPage, ...]  # most-mentioned first
    places: tuple[EntityPage, ...]
    organizations: tuple[EntityPage, ...]
    timeline: tuple[Event, ...]  # chronological
    outlets: tuple[str, ...] = field(default=())
