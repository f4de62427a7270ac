"""Date values as periods: how precise, which days they cover, whether two can both be true.

A ``DateMention.value`` is a day, a month, a year or a range of those; comparing two
outlets' dates means comparing the intervals of days they allow, never the strings.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Literal

Precision = Literal["day", "month", "year", "range"]


def precision_of(value: str) -> Precision:
    if "/" in value:
        return "range"
    return {10: "day", 7: "month"}.get(len(value), "year")


@lru_cache(maxsize=8192)
def interval(value: str) -> tuple[date, date]:
    """First and last day a date value can mean ("2023-09" -> 1 to 30 September).

    Remembered (pure, immutable result): the timeline asks it for the same few hundred
    values again and again, for every pair of claims it compares."""
    first, _, last = value.partition("/")
    return _bounds(first)[0], _bounds(last or first)[1]


def _bounds(value: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def compatible(a: str, b: str) -> bool:
    """Can both date values be true of one happening (do their intervals overlap)?"""
    (a1, a2), (b1, b2) = interval(a), interval(b)
    return a1 <= b2 and b1 <= a2


def days_apart(a: str, b: str) -> int:
    """Days between two date values' intervals (0 when they overlap)."""
    (a1, a2), (b1, b2) = interval(a), interval(b)
    return max(0, (b1 - a2).days, (a1 - b2).days)


@lru_cache(maxsize=8192)
def period_sort_key(value: str) -> tuple[str, int, str]:
    start = value.split("/", 1)[0]
    rank = {"year": 0, "month": 1, "range": 2, "day": 3}[precision_of(value)]
    return (start, rank, value)
