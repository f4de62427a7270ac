"""Which articles belong to which topic hub.

A hub's rules come from site.yaml: keyword phrases (matched case-insensitively on word
boundaries in the title and text) and entity names (matched against the canonical names
the extractors assigned, so every alias counts).  Each distinct keyword or entity that
matches is one rule hit; an article joins the hub at ``min_matches`` hits, which lets a
broad hub ("weapons deal") demand more evidence than a place hub ("Vladivostok").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from .config import HubConfig
from .models import Article, Extraction
from .urls import slugify

# Besides ASCII letters themselves, the only characters that a case-insensitive regex
# matches to an ASCII character whose lowercase they are not: İ and ı (to i), ſ (to s).
# tests/test_site_assembly.py checks this against every character.
_CASE_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in keyword.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class _Keyword:
    """A keyword's pattern, and the lowercase words any match of it must contain.

    Searching the text once per keyword with a case-insensitive pattern that starts with a
    look-behind (no fast scan applies) took most of this stage.  For an ASCII keyword in
    a text without the exceptions above, a match spells each of its words, lowercased, in
    the lowercased text: ``in`` rules out most keywords at C speed, and the pattern, still
    the judge, is tried only where the first word appears.
    """

    text: str
    pattern: re.Pattern[str]
    needles: tuple[str, ...] | None  # None: no shortcut (not ASCII, or no words)

    @staticmethod
    def of(keyword: str) -> _Keyword:
        words = keyword.split()
        needles = tuple(w.lower() for w in words) if words and keyword.isascii() else None
        return _Keyword(keyword, _keyword_pattern(keyword), needles)


@dataclass(frozen=True)
class _Haystack:
    """An article's title and text, and their lowercase when a shortcut may read it."""

    text: str
    lowered: str | None  # None when lowercasing changes a length or meets an exception

    @staticmethod
    def of(article: Article) -> _Haystack:
        text = f"{article.title}\n{article.text}"
        lowered = text.lower()
        usable = len(lowered) == len(text) and not any(c in text for c in _CASE_EXCEPTIONS)
        return _Haystack(text, lowered if usable else None)

    def finds(self, keyword: _Keyword) -> bool:
        if self.lowered is None or keyword.needles is None:
            return keyword.pattern.search(self.text) is not None
        first, *others = keyword.needles
        at = self.lowered.find(first)
        if at < 0 or not all(n in self.lowered for n in others):
            return False
        while at >= 0:  # lowercasing kept every character in place: a match starts where ``first`` is
            if keyword.pattern.match(self.text, at):  # (the look-behind still sees the character before)
                return True
            at = self.lowered.find(first, at + 1)
        return False


def _hits(keywords: Sequence[_Keyword], entity_slugs: Sequence[tuple[str, str]], haystack: _Haystack,
          extraction: Extraction) -> Iterator[str]:
    """The rules the article satisfies, each once, in rule order (keywords, then entities),
    found one by one: a caller that needs only a few stops the search there."""
    seen: set[str] = set()
    for keyword in keywords:
        if keyword.text not in seen and haystack.finds(keyword):
            seen.add(keyword.text)
            yield keyword.text
    if entity_slugs:
        entity_keys = {e.key for e in extraction.entities}
        for name, slug in entity_slugs:
            if name not in seen and slug in entity_keys:
                seen.add(name)
                yield name


def _matches(keywords: Sequence[_Keyword], entity_slugs: Sequence[tuple[str, str]], haystack: _Haystack,
             extraction: Extraction, needed: int) -> bool:
    """At least ``needed`` distinct hits, searching only until the ``needed``-th: most
    articles of a hub match its first keywords, and the others need not be searched."""
    return needed <= 0 or len(list(islice(_hits(keywords, entity_slugs, haystack, extraction), needed))) >= needed


def hub_hits(hub: HubConfig, article: Article, extraction: Extraction) -> tuple[str, ...]:
    """The rules of ``hub`` that ``article`` satisfies (keywords and entity names)."""
    return tuple(_hits([_Keyword.of(k) for k in hub.keywords], [(name, slugify(name)) for name in hub.entities],
                        _Haystack.of(article), extraction))


def assign_topics(articles: Sequence[Article], extractions: Sequence[Extraction],
                  hubs: Sequence[HubConfig]) -> tuple[tuple[str, ...], ...]:
    """For each article (same order), the slugs of the hubs it belongs to, in site.yaml order."""
    rules = [(hub, [_Keyword.of(k) for k in hub.keywords], [(name, slugify(name)) for name in hub.entities])
             for hub in hubs]
    topics = []
    for article, extraction in zip(articles, extractions, strict=True):
        haystack = _Haystack.of(article)
        topics.append(tuple(hub.slug for hub, keywords, entity_slugs in rules
                            if _matches(keywords, entity_slugs, haystack, extraction, hub.min_matches)))
    return tuple(topics)
