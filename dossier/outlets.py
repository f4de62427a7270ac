"""The articles that carry one thing (a dated sentence, a quote's wording), by outlet.

A wire story is carried by many articles, several of them from one outlet (it runs the
story again as it updates it).  Listed article by article, its sources named the same
outlets over and over; the pages that list every source (the timelines, the quotes page)
name each outlet once, linked to its first article, and link its other articles by number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .models import ArticlePage


class Carried(Protocol):
    """Anything a page lists as carried by an article (an attestation, an event, a quote source)."""

    @property
    def article(self) -> ArticlePage: ...


@dataclass(frozen=True)
class OutletSources:
    """The articles of one outlet among a thing's sources: the first is linked by the
    outlet's name, the others by number; the template reads only their ``article``."""

    first: Carried
    more: tuple[Carried, ...] = ()


def by_outlet(sources: Sequence[Carried]) -> tuple[OutletSources, ...]:
    """``sources`` by outlet, outlets in order of first appearance."""
    if len(sources) == 1:
        return (OutletSources(sources[0]),)
    outlets: dict[str, list[Carried]] = {}
    for source in sources:
        outlets.setdefault(source.article.article.outlet, []).append(source)
    return tuple(OutletSources(same[0], tuple(same[1:])) for same in outlets.values())
