"""Which articles belong to which topic hub.

A hub's rules come from site.yaml: keyword phrases (matched case-insensitively on word
boundaries in the title and text) and entity names (matched against the canonical names
the extractors assigned, so every alias counts).  Each distinct keyword or entity that
matches is one rule hit; an article joins the hub at ``min_matches`` hits, which lets a
broad hub ("weapons deal") demand more evidence than a place hub ("Vladivostok").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .config import HubConfig
from .models import Article, Extraction
from .urls import slugify


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in keyword.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def hub_hits(hub: HubConfig, article: Article, extraction: Extraction) -> tuple[str, ...]:
    """The rules of ``hub`` that ``article`` satisfies (keywords and entity names)."""
    haystack = f"{article.title}\n{article.text}"
    hits = [k for k in hub.keywords if _keyword_pattern(k).search(haystack)]
    entity_keys = {e.key for e in extraction.entities}
    hits += [name for name in hub.entities if slugify(name) in entity_keys]
    return tuple(dict.fromkeys(hits))


def assign_topics(articles: Sequence[Article], extractions: Sequence[Extraction],
                  hubs: Sequence[HubConfig]) -> tuple[tuple[str, ...], ...]:
    """For each article (same order), the slugs of the hubs it belongs to, in site.yaml order."""
    return tuple(
        tuple(hub.slug for hub in hubs if len(hub_hits(hub, article, extraction)) >= hub.min_matches)
        for article, extraction in zip(articles, extractions, strict=True)
    )
