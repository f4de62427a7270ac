"""Assemble the ``Site``: the one value the templates receive.

Everything a page shows is computed here (grouping, counting, ordering), so templates only
lay out data.  All orderings have explicit tie-breakers: the same input gives the same
site, byte for byte.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from .config import Config
from .models import (
    Appearance,
    Article,
    ArticlePage,
    EntityCount,
    EntityPage,
    EntityType,
    Event,
    Extraction,
    HubPage,
    Sentence,
    Site,
)
from .urls import article_path, entity_path, hub_path, slugify


def _newest_first_key(page: ArticlePage) -> tuple[int, str, str]:
    published = page.article.published
    return (-(published.toordinal() if published else 0), page.article.title, page.article.slug)


def sentence_at(sentences: Sequence[Sentence], offset: int, starts: Sequence[int] | None = None) -> Sentence | None:
    """The sentence containing character ``offset`` (sentences are sorted by start).

    ``starts``: the sentences' starts, when the caller looks up many offsets in the same
    sentences (listing them on every call was most of assembling).
    """
    if starts is None:
        starts = [s.start for s in sentences]
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and sentences[index].start <= offset < sentences[index].end:
        return sentences[index]
    return None


def date_sort_key(value: str) -> str:
    """Start of an ISO value ("2023-09-10/2023-09-13" -> "2023-09-10"); coarser dates sort first."""
    return value.split("/", 1)[0]


def _entity_pages(config: Config, pages: Sequence[ArticlePage]) -> dict[EntityType, list[EntityPage]]:
    known = {(k.type, slugify(k.name)): k for k in config.entities}
    appearances: dict[tuple[EntityType, str], list[Appearance]] = defaultdict(list)
    names: dict[tuple[EntityType, str], str] = {}
    mention_counts: dict[tuple[EntityType, str], int] = defaultdict(int)
    articles_of: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
    bisect_right = bisect.bisect_right
    for page in pages:
        sentences = page.extraction.sentences
        starts = [s.start for s in sentences]
        ends = [s.end for s in sentences]
        slug = page.article.slug
        for entity in page.extraction.entities:
            ident = (entity.type, entity.key)
            names.setdefault(ident, entity.name)
            mention_counts[ident] += len(entity.mentions)
            articles_of[ident].add(slug)
            seen_sentences: set[int] = set()  # sentence numbers (equal starts give one number)
            found = appearances[ident]
            for mention in entity.mentions:  # sentence_at, inlined: this runs for every mention
                index = bisect_right(starts, mention.start) - 1  # so starts[index] <= mention.start
                if index < 0 or mention.start >= ends[index] or index in seen_sentences:
                    continue
                seen_sentences.add(index)
                found.append(Appearance(page, sentences[index].text, mention.text))
    result: dict[EntityType, list[EntityPage]] = defaultdict(list)
    for ident in sorted(names, key=lambda i: (-len(articles_of[i]), -mention_counts[i], names[i], i[1])):
        entity_type, key = ident
        result[entity_type].append(EntityPage(
            key=key,
            name=names[ident],
            type=entity_type,
            path=entity_path(config, entity_type, key),
            appearances=tuple(appearances[ident]),
            article_count=len(articles_of[ident]),
            known=known.get(ident),
        ))
    return result


def _events(pages: Sequence[ArticlePage]) -> tuple[Event, ...]:
    events = []
    for page in pages:
        sentences = page.extraction.sentences
        starts = [s.start for s in sentences]
        for mention in page.extraction.dates:
            if mention.value is None:
                continue
            sentence = sentence_at(sentences, mention.start, starts)
            events.append(Event(
                date=mention.value,
                sort_key=date_sort_key(mention.value),
                date_text=mention.text,
                sentence=sentence.text if sentence else mention.text,
                article=page,
            ))
    published_key = {id(p): (p.article.published or date.min).isoformat() for p in pages}
    events.sort(key=lambda e: (e.sort_key, e.date, published_key[id(e.article)], e.article.article.slug,
                               e.sentence))
    return tuple(events)


def _recurring(pages: Sequence[ArticlePage], entity_type: EntityType,
               by_key: dict[tuple[EntityType, str], EntityPage], limit: int = 12) -> tuple[EntityCount, ...]:
    counts: dict[str, int] = defaultdict(int)
    for page in pages:
        for entity in page.extraction.entities:
            if entity.type == entity_type:
                counts[entity.key] += 1
    minimum = 2 if len(pages) > 1 else 1
    ranked = sorted((k for k, c in counts.items() if c >= minimum),
                    key=lambda k: (-counts[k], by_key[(entity_type, k)].name))
    return tuple(EntityCount(by_key[(entity_type, k)], counts[k]) for k in ranked[:limit])


def assemble_site(config: Config, articles: Sequence[Article], extractions: Sequence[Extraction],
                  summaries: Sequence[tuple[str, ...]], topics: Sequence[tuple[str, ...]]) -> Site:
    """Build every page's data from the stage results (all sequences in article order)."""
    pages = [
        ArticlePage(article, extraction, summary, topic_slugs, article_path(config, article.slug))
        for article, extraction, summary, topic_slugs in zip(articles, extractions, summaries, topics,
                                                             strict=True)
    ]
    pages.sort(key=_newest_first_key)
    entities = _entity_pages(config, pages)
    by_key = {(e.type, e.key): e for kind in entities.values() for e in kind}
    timeline = _events(pages)
    events_of: dict[str, list[Event]] = defaultdict(list)  # hub slug -> its members' events, in timeline order
    for event in timeline:
        for slug in set(event.article.topics):
            events_of[slug].append(event)
    hubs = []
    for hub in config.hubs:
        members = [p for p in pages if hub.slug in p.topics]
        hubs.append(HubPage(
            slug=hub.slug,
            title=hub.title,
            description=hub.description,
            path=hub_path(config, hub.slug),
            articles=tuple(members),
            people=_recurring(members, "person", by_key),
            places=_recurring(members, "place", by_key),
            events=tuple(events_of[hub.slug]),
        ))
    return Site(
        articles=tuple(pages),
        hubs=tuple(hubs),
        people=tuple(entities["person"]),
        places=tuple(entities["place"]),
        organizations=tuple(entities["organization"]),
        timeline=timeline,
        outlets=tuple(sorted({p.article.outlet for p in pages})),
    )

