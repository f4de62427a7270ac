"""Dates in Indonesian news text: find every date expression and say which day it means.

Two passes.  First every pattern proposes spans and the longest non-overlapping ones win,
so "Senin (11/9/2023)" beats the bare "Senin" inside it.  Then each span is resolved: an
explicit date is its numbers; a relative one ("Minggu malam", "tahun lalu", "akhir
Agustus") is resolved against the article's own explicit dates and its publication date,
with the tense of its clause choosing between last and next.  What the text does not
settle resolves to None rather than to a guess: a wrong day on the timeline is worse than
no day.

Not dates, by construction: times ("pukul 17.00 WIB", "1000 GMT"), durations ("17 bulan
terakhir", "10 hari"), counts ("20 pejabat", "950 mil"), "sore hari", and "minggu" in the
sense of "week".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import repeat
from typing import NamedTuple

from ..models import DateMention, Sentence
from .calendar import (
    DAY_BEFORE,
    FULL_MONTH_RE,
    FULL_MONTHS,
    MONTH_CUES,
    MONTH_RE,
    MONTHS,
    NOT_YEAR_AFTER,
    NOT_YEAR_BEFORE,
    NUMBER_END,
    NUMBER_WORDS,
    QUALIFIER_RE,
    QUANTITY_BEFORE,
    RANGE_RE,
    WEEKDAY_PREFIX_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_CUES,
    YEAR_RE,
    Tense,
    at_sentence_start,
    day_group,
    in_a_name,
    iso_month,
    iso_year,
    make_date,
    means_week,
    plus_days,
    reference_days,
    resolve_weekday,
    shifted,
    trigger_words,
    weekday_mismatch,
    word_after,
    word_before,
    year_for,
)
from .tense import Clause, clause_tense, read_clause, sentence_around, sentence_bounds

__all__ = ["find_dates", "weekday_mismatch"]

# ------------------------------------------------------------------ explicit forms
_NUMERIC = re.compile(  # 11/9/2023, 11-09-2023, 11.9.2023, 11/9/23
    rf"{day_group('d')}(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?:(?P<y>\d{{4}})|(?<=/)(?P<yy>\d\d)){NUMBER_END}")
_NUMERIC_RANGE = re.compile(rf"{day_group('d1')}(?:/(?P<m1>\d{{1,2}}))?\s*[-–]\s*"
                            rf"(?P<d2>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}){NUMBER_END}")
_NUMERIC_SHORT = re.compile(  # "(11/9)", "(16-17/9)": without a year only in parentheses
    rf"(?<=\(){day_group('d')}(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?/(?P<m>\d{{1,2}})(?=\))")
_ISO = re.compile(rf"(?<![\w-])(?P<y>{YEAR_RE})-(?P<m>[01]\d)-(?P<d>[0-3]\d){NUMBER_END}")
# "tahun lalu" after a date without its year gives its year ("5 Januari tahun lalu", "akhir
# Januari tahun depan"): counted from the time of writing, as "tahun lalu" alone is.
_YEAR_AFTER = r"\s+(?i:tahun)\s+(?P<yrel>lalu|kemarin|ini|depan)(?!\w)"
_YEAR_DELTA = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}
_TEXT_DMY = re.compile(rf"{day_group('d')}\s+(?P<m>{MONTH_RE})(?:\s+(?P<y>\d{{4}})|{_YEAR_AFTER})?{NUMBER_END}")
_TEXT_RANGE = re.compile(
    rf"{day_group('d1')}(?:\s+(?P<m1>{MONTH_RE})(?:\s+(?P<y1>\d{{4}}))?)?{RANGE_RE}"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m>{MONTH_RE})(?:\s+(?P<y>\d{{4}}))?{NUMBER_END}")
_DAY_LIST = re.compile(  # the "9" of "9 dan 10 September 2023", the "5" and "6" of "5, 6, dan 7 Oktober"
    rf"{day_group('d')}(?=(?:\s*,\s*\d{{1,2}})*\s*,?\s+(?:dan|serta|&)\s+\d{{1,2}}\s+(?P<m>{MONTH_RE})"
    rf"(?:\s+(?P<y>\d{{4}})|{_YEAR_AFTER})?{NUMBER_END})")
_TEXT_MDY = re.compile(  # Sep 14 , 2023
    rf"(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:\s*,\s*|\s+)(?P<y>\d{{4}}){NUMBER_END}")
_MONTH_YEAR = re.compile(
    rf"(?:{QUALIFIER_RE}\s+)?(?:(?i:bulan)\s+)?(?P<m1>{MONTH_RE})(?:{RANGE_RE}(?P<m>{MONTH_RE}))?"
    rf"\s+(?:(?i:tahun)\s+)?(?P<y>{YEAR_RE}){NUMBER_END}")
# A weekday (or weekday range) written in front of an explicit date, searched backwards.
_PREFIX = re.compile(
    rf"(?:(?i:hari)\s+)?{WEEKDAY_PREFIX_RE}(?:(?:{RANGE_RE}|\s+dan\s+){WEEKDAY_RE})?(?P<open>\s*\(\s*|\s*,\s*|\s+)\Z")
_CLOSE = re.compile(r"\s*\)")

# ------------------------------------------------------------------ forms that need a reference
_BARE_MONTH = re.compile(rf"(?P<lead>(?:{QUALIFIER_RE}\s+)?(?:(?i:bulan)\s+)?)(?P<m>{FULL_MONTH_RE})"
                         rf"(?:{_YEAR_AFTER}|(?P<rel>\s+(?:lalu|ini|depan|mendatang))(?!\s*\d)|(?!\s*\d))")
_YEAR_FORM = re.compile(
    rf"(?<![\w/.,-])(?P<lead>(?:{QUALIFIER_RE}\s+)?(?:(?i:tahun)\s+)?)(?P<y>{YEAR_RE})"
    rf"(?:(?P<sep>{RANGE_RE}|/)(?:(?i:tahun)\s+)?(?P<y2>{YEAR_RE}))?(?P<an>-an)?{NUMBER_END}")
_RELATIVE_PERIOD = re.compile(
    rf"(?:(?P<q>{QUALIFIER_RE})\s+)?(?P<unit>(?i:tahun|bulan))\s+(?P<rel>lalu|ini|depan|kemarin)(?!\w)")
_PART_OF_YEAR = re.compile(rf"(?P<q>{QUALIFIER_RE})\s+(?i:tahun)(?![\w-])")  # "akhir tahun": year depends on tense
_AGO = re.compile(r"(?<!\w)(?:(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>hari|bulan|tahun)|"
                  r"(?P<se>se)(?P<seunit>hari|bulan|tahun))\s+(?:yang\s+)?(?:lalu|silam)(?!\w)", re.I)
_DEICTIC_OFFSETS = {"hari ini": 0, "pagi ini": 0, "siang ini": 0, "sore ini": 0, "malam ini": 0, "kemarin lusa": -2,
                    "kemarin": -1, "besok": 1, "lusa": 2}
_DEICTIC = re.compile(r"(?<!\w)(?:(?P<word>(?:hari|pagi|siang|sore|malam)\s+ini|kemarin\s+lusa|kemarin|besok|lusa)"
                      r"(?:\s+(?:pagi|siang|sore|malam|dini\s+hari)(?!\s+ini))?)(?!\w)", re.I)
_WEEKDAY = re.compile(
    rf"(?:(?i:hari)\s+)?(?P<wd>{WEEKDAY_RE})(?:{RANGE_RE}(?:(?i:hari)\s+)?(?P<wd2>{WEEKDAY_RE}))?"
    r"(?P<tod>\s+(?:pagi|siang|sore|malam|dini\s+hari))?"
    r"(?P<rel>\s+(?:(?:pekan|minggu)\s+(?:lalu|depan|ini)|lalu|kemarin|depan|mendatang|ini))?(?!\w)")


_ORDINAL_AFTER = re.compile(r"\s*(?:ke-?\s*\d|\d)")

_Resolver = Callable[["_Context", int, int], "str | None"]


class _Candidate(NamedTuple):
    """A date span a pattern proposes.  (A named tuple: made for every match, and a frozen
    dataclass costs several times as much to make.)"""

    start: int
    end: int
    resolve: _Resolver
    explicit: bool = False  # its value needs no reference (it is an anchor for the others)
    deictic: bool = False  # counts from the time of writing ("tahun lalu", "kemarin"), never from the story's dates


@dataclass(frozen=True)
class _Context:
    """What relative dates are resolved against, plus the text to read their tense from."""

    text: str
    ref: date | None  # the day relative dates count from (see ``calendar.reference_days``)
    anchors: tuple[date, ...]  # explicit days written in the article, sorted, each once
    sentences: tuple[tuple[int, int], ...]
    sentence_starts: tuple[int, ...]
    # The sentences read for tense so far: filled as dates ask (a memo of the pure
    # ``read_clause``, local to one ``find_dates`` call, so every context of it shares it).
    clauses: dict[tuple[int, int], Clause]
    # The year a sentence opened with ("Tahun lalu, …", "Pada 2019, …"): a date later in it
    # written without a year is in that year (``_FRONTED_YEAR``); None elsewhere.
    year: int | None = None

    def tense(self, start: int, end: int) -> Tense | None:
        bounds = sentence_around(self.text, self.sentences, self.sentence_starts, start)
        clause = self.clauses.get(bounds)
        if clause is None:
            clause = self.clauses[bounds] = read_clause(self.text, *bounds)
        return clause_tense(self.text, clause, start, end)

    def anchors_near(self) -> tuple[date, ...]:
        """The anchors a weekday can mean: within a week of the reference day (all without one).

        ``resolve_weekday`` looks no further itself; cutting the list here first keeps an
        article with thousands of dates from reading all of them for every weekday.
        """
        if self.ref is None:
            return self.anchors
        first, last = plus_days(self.ref, -7) or date.min, plus_days(self.ref, 7) or date.max
        return self.anchors[bisect_left(self.anchors, first):bisect_right(self.anchors, last)]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _span(first: str | None, second: str | None) -> str | None:
    if first is None or second is None:
        return None
    return first if first == second else f"{first}/{second}"


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


# ------------------------------------------------------------------ candidate makers


@dataclass(frozen=True)
class _Starts:
    """Where a date can begin (``trigger_words``), split by what is there: the patterns
    that open with a day or year number (an ASCII digit) are tried only at a digit
    (``digits``), those that open with a word only at a word.

    Each pattern opens with a whole word, so it is tried only where its first word is:
    ``days`` are the numbers of one or two characters (a day, or a count of days), ``years``
    those of four or more, and ``opening`` gives the words' places that one of the given
    words stands at (a word not written in ASCII stands for every word)."""

    digits: tuple[int, ...]
    days: tuple[int, ...] = ()
    years: tuple[int, ...] = ()
    by_word: Mapping[str | None, tuple[int, ...]] = field(default_factory=dict)

    @staticmethod
    def of(text: str) -> _Starts:
        digits: list[int] = []
        days: list[int] = []
        years: list[int] = []
        by_word: dict[str | None, list[int]] = {}
        for at, word in trigger_words(text):  # (one pass: an article has a hundred of them)
            if "0" <= text[at] <= "9":
                digits.append(at)
                if word is None or len(word) <= 2:
                    days.append(at)
                if word is None or len(word) >= 4:
                    years.append(at)
            else:
                by_word.setdefault(word, []).append(at)
        return _Starts(tuple(digits), tuple(days), tuple(years), {word: tuple(ats) for word, ats in by_word.items()})

    def opening(self, first_words: frozenset[str], numbers: tuple[int, ...] = ()) -> list[int]:
        """The places of ``numbers`` and of the words that can open a pattern (``first_words``), in order."""
        found = [at for word, ats in self.by_word.items() if word is None or word in first_words for at in ats]
        if numbers:
            found += numbers
        found.sort()
        return found


# The first word of each word-led pattern, lowercase (an abbreviation's period is no part of it).
_QUALIFIERS = frozenset({"awal", "akhir", "pertengahan", "medio"})
_MONTH_WORDS = frozenset(MONTHS)
_OPENS_TEXT_MDY = _MONTH_WORDS
_OPENS_MONTH_YEAR = _QUALIFIERS | {"bulan"} | _MONTH_WORDS
_OPENS_BARE_MONTH = _QUALIFIERS | {"bulan"} | FULL_MONTHS
_OPENS_YEAR_FORM = _QUALIFIERS | {"tahun"}
_OPENS_RELATIVE_PERIOD = _QUALIFIERS | {"tahun", "bulan"}
_OPENS_PART_OF_YEAR = _QUALIFIERS
_OPENS_AGO = frozenset(NUMBER_WORDS) | {"sehari", "sebulan", "setahun"}
_OPENS_DEICTIC = frozenset({"hari", "pagi", "siang", "sore", "malam", "kemarin", "besok", "lusa"})
_OPENS_WEEKDAY = frozenset({"hari"} | {re.match(r"\w+", day).group() for day in WEEKDAYS})  # type: ignore[union-attr]


def _scan(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that begin at one of ``starts`` (overlaps are settled later).
    (Tried in C: an article has hundreds of starts, and most give no match.)"""
    return filter(None, map(pattern.match, repeat(text), starts))


def _widen(text: str, match: re.Match[str]) -> tuple[int, int]:
    """Span of a date widened over a weekday written in front of it: "Senin (11/9/2023)",
    "Minggu hingga Selasa (10-13/9/2023)", "Kam Sep 14 , 2023"."""
    start, end = match.start(), match.end()
    prefix = _PREFIX.search(text, max(0, start - 40), start)
    if prefix is None:
        return start, end
    if "(" not in prefix.group("open"):
        return prefix.start(), end
    close = _CLOSE.match(text, end)
    return (prefix.start(), close.end()) if close else (start, end)


def _explicit(text: str, match: re.Match[str], value: str | None, written_as_date: bool = False) -> list[_Candidate]:
    """A date whose value is all in its numbers.

    Numbers that make no day ("30 Februari 2023", "31/9/2023") are still a date as written
    when ``written_as_date``: the span is kept, with None, so "Februari 2023" inside it is
    not read as a month instead.
    """
    if value is None and not written_as_date:
        return []
    start, end = _widen(text, match)
    return [_Candidate(start, end, lambda _c, _s, _e: value, explicit=True)]


def _partial(text: str, match: re.Match[str], resolve: _Resolver) -> list[_Candidate]:
    """A date written without its year ("Senin (11/9)", "10 September"): resolved later."""
    start, end = _widen(text, match)
    return [_Candidate(start, end, resolve)]


def _with_year(build: Callable[[int], str | None], month: int, day: int | None) -> _Resolver:
    """Resolver for a date written without its year: the year comes from the reference."""

    def resolve(ctx: _Context, start: int, end: int) -> str | None:
        if ctx.ref is None:
            return None
        return build(ctx.year if ctx.year is not None else year_for(month, day, ctx.ref, ctx.tense(start, end)))

    return resolve


def _explicit_forms(text: str, starts: _Starts) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _scan(_NUMERIC, text, starts.days):
        day, month = int(m["d"]), int(m["m"])
        if month > 12 and day <= 12:  # a US-style 9/13/2023 in a wire copy
            day, month = month, day
        year = int(m["y"]) if m["y"] else 2000 + int(m["yy"])
        found += _explicit(text, m, _day(make_date(year, month, day)), 1 <= month <= 12)
    for m in _scan(_NUMERIC_RANGE, text, starts.days):
        year, month = int(m["y"]), int(m["m"])
        first = make_date(year, int(m["m1"] or month), int(m["d1"]))
        last = make_date(year, month, int(m["d2"]))
        if first and last and first < last:
            found += _explicit(text, m, _span(_day(first), _day(last)))
    for m in _scan(_ISO, text, starts.years):
        found += _explicit(text, m, _day(make_date(int(m["y"]), int(m["m"]), int(m["d"]))), int(m["m"]) <= 12)
    for m in _scan(_TEXT_MDY, text, starts.opening(_OPENS_TEXT_MDY)):
        found += _explicit(text, m, _day(make_date(int(m["y"]), _month(m["m"]), int(m["d"]))), True)
    for m in _scan(_MONTH_YEAR, text, starts.opening(_OPENS_MONTH_YEAR)):
        year, first = int(m["y"]), _month(m["m1"])
        last = _month(m["m"]) if m["m"] else first
        if first <= last:
            found += _explicit(text, m, _span(iso_month(year, first), iso_month(year, last)))
    for m in _scan(_TEXT_DMY, text, starts.days):
        found += _day_month(text, m, written_as_date=True)
    for m in _scan(_DAY_LIST, text, starts.days):
        found += _day_month(text, m, written_as_date=False)
    for m in _scan(_NUMERIC_SHORT, text, starts.days):
        month, day, last = int(m["m"]), int(m["d"]), int(m["d2"] or m["d"])
        if make_date(2000, month, day) and make_date(2000, month, last) and day <= last:
            found += _partial(text, m, _with_year(lambda y, mo=month, d=day, e=last: _span(
                _day(make_date(y, mo, d)), _day(make_date(y, mo, e))), month, last))
    for m in _scan(_TEXT_RANGE, text, starts.digits):
        found += _text_range(text, m)
    return found


def _day_month(text: str, m: re.Match[str], written_as_date: bool) -> list[_Candidate]:
    """ "11 September 2023"; "10 September", its year from the reference unless in a name."""
    month, day = _month(m["m"]), int(m["d"])
    if m["y"]:
        return _explicit(text, m, _day(make_date(int(m["y"]), month, day)), written_as_date)
    if not make_date(2000, month, day) or in_a_name(text, m.start()):  # 2000: 29 Februari is a day in leap years
        return []
    if m["yrel"]:
        start, end = _widen(text, m)
        resolve = _in_year_from_writing(m["yrel"].lower(), lambda y: _day(make_date(y, month, day)))
        return [_Candidate(start, end, resolve, deictic=True)]
    return _partial(text, m, _with_year(lambda y: _day(make_date(y, month, day)), month, day))


def _in_year_from_writing(relation: str, build: Callable[[int], str | None]) -> _Resolver:
    """Resolver for a date whose year is given as "tahun lalu/ini/depan": that year,
    counted from the time of writing (the reference of a deictic candidate)."""
    delta = _YEAR_DELTA[relation]
    return lambda ctx, _s, _e: build(ctx.ref.year + delta) if ctx.ref else None


def _text_range(text: str, m: re.Match[str]) -> list[_Candidate]:
    """ "10-13 September 2023", "10 hingga 13 September", "28 Agustus - 2 September 2023"."""
    month, d1, d2 = _month(m["m"]), int(m["d1"]), int(m["d2"])
    month1 = _month(m["m1"]) if m["m1"] else month
    if m["y1"] and not m["y"] or not m["y"] and in_a_name(text, m.start()):
        return []
    if m["y"]:
        year = int(m["y"])
        year1 = int(m["y1"]) if m["y1"] else (year - 1 if month1 > month else year)
        first, last = make_date(year1, month1, d1), make_date(year, month, d2)
        return _explicit(text, m, _span(_day(first), _day(last))) if first and last and first < last else []

    def build(year: int) -> str | None:
        first = make_date(year - 1 if month1 > month else year, month1, d1)
        last = make_date(year, month, d2)
        return _span(_day(first), _day(last)) if first and last and first < last else None

    return _partial(text, m, _with_year(build, month, d2))


def _relative_forms(text: str, starts: _Starts) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _scan(_BARE_MONTH, text, starts.opening(_OPENS_BARE_MONTH)):
        found += _bare_month(text, m)
    for m in _scan(_YEAR_FORM, text, starts.opening(_OPENS_YEAR_FORM, starts.years)):
        found += _year(text, m)
    for m in _scan(_RELATIVE_PERIOD, text, starts.opening(_OPENS_RELATIVE_PERIOD)):
        if m.group(0)[0].isupper() and not at_sentence_start(text, m.start()) and not m["q"]:
            continue  # "Tahun Ini" in a title-cased name
        if word_before(text, m.start()) in QUANTITY_BEFORE:
            continue  # "beberapa tahun lalu": no particular year
        found.append(_Candidate(m.start(), m.end(), _period(m["unit"].lower(), m["rel"]), deictic=True))
    for m in _scan(_PART_OF_YEAR, text, starts.opening(_OPENS_PART_OF_YEAR)):
        found.append(_Candidate(m.start(), m.end(), _part_of_year(m["q"].lower())))
    for m in _scan(_AGO, text, starts.opening(_OPENS_AGO, starts.days)):
        amount = 1 if m["se"] else (int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()])
        unit = (m["unit"] or m["seunit"]).lower()
        found.append(_Candidate(m.start(), m.end(), lambda c, _s, _e, u=unit, n=amount: shifted(c.ref, u, -n)
                                if c.ref else None, deictic=True))
    for m in _scan(_DEICTIC, text, starts.opening(_OPENS_DEICTIC)):
        offset = _DEICTIC_OFFSETS[" ".join(m["word"].lower().split())]
        found.append(_Candidate(m.start(), m.end(), lambda c, _s, _e, o=offset: shifted(c.ref, "hari", o)
                                if c.ref else None, deictic=True))
    for m in _scan(_WEEKDAY, text, starts.opening(_OPENS_WEEKDAY)):
        if m["wd"].lower() == "minggu" and not m["wd2"] and means_week(text, m.start(), m.start("wd"), m.end("wd")):
            continue
        if _ORDINAL_AFTER.match(text[m.end():m.end() + 6]):
            continue  # "Minggu ke-3", or a date the explicit patterns rejected
        found.append(_Candidate(m.start(), m.end(), _weekday(m)))
    return found


def _bare_month(text: str, m: re.Match[str]) -> list[_Candidate]:
    """A month with no day or year beside it counts only after a cue ("akhir Agustus", "pada Mei")."""
    lead = m["lead"].strip()
    if not lead and DAY_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return []  # the month of "20 Desember lalu", a day
    cue = lead.split()[0].lower() if lead else word_before(text, m.start())
    relation = (m["rel"] or "").strip()
    if cue not in MONTH_CUES and not relation and not m["yrel"]:
        return []
    start = m.start() if lead else m.start("m")
    month = _month(m["m"])
    if m["yrel"]:
        return [_Candidate(start, m.end(), _in_year_from_writing(m["yrel"].lower(), lambda y: iso_month(y, month)),
                           deictic=True)]

    def resolve(ctx: _Context, s: int, e: int) -> str | None:
        if ctx.ref is None:
            return None
        tense: Tense | None = {"lalu": "past", "depan": "future", "mendatang": "future"}.get(relation)
        if ctx.year is not None and not tense:
            return iso_month(ctx.year, month)
        return iso_month(year_for(month, None, ctx.ref, tense or ctx.tense(s, e)), month)

    return [_Candidate(start, m.end(), resolve)]


def _year(text: str, m: re.Match[str]) -> list[_Candidate]:
    """ "tahun 2016", "pada 2019", "2023-2024", "1990-an"; not "2000 orang" or "(2000 GMT)"."""
    year = int(m["y"])
    lead = m["lead"].strip()
    if m["y2"] and int(m["y2"]) <= year:
        return []
    before, after = word_before(text, m.start()), word_after(text, m.end())
    if after in NOT_YEAR_AFTER or before in NOT_YEAR_BEFORE:
        return []
    bracketed = text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")"
    if not (lead or m["y2"] or bracketed or before in YEAR_CUES or after in ("lalu", "silam")):
        return []
    decade = f"{year}/{year + 9}" if year % 10 == 0 else None
    value = decade if m["an"] else _span(str(year), m["y2"] or str(year))
    return [_Candidate(m.start(), m.end(), lambda _c, _s, _e: value, explicit=True)] if value else []


def _period(unit: str, relation: str) -> _Resolver:
    delta = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[relation]
    return lambda ctx, _s, _e: shifted(ctx.ref, unit, delta) if ctx.ref else None


def _part_of_year(qualifier: str) -> _Resolver:
    """ "akhir tahun" said in September is this December if ahead ("harga pulih akhir tahun"),
    last December if already past ("telah turun pada akhir tahun")."""
    month = {"awal": 1, "pertengahan": 6, "medio": 6, "akhir": 12}[qualifier]

    def resolve(ctx: _Context, start: int, end: int) -> str | None:
        return iso_year(year_for(month, None, ctx.ref, ctx.tense(start, end))) if ctx.ref else None

    return resolve


def _weekday(m: re.Match[str]) -> _Resolver:
    weekday = WEEKDAYS[m["wd"].lower()]
    last = WEEKDAYS[m["wd2"].lower()] if m["wd2"] else None
    relation = " ".join((m["rel"] or "").split()).replace("minggu ", "pekan ") or None

    def resolve(ctx: _Context, start: int, end: int) -> str | None:
        tense = ctx.tense(start, end) if relation not in ("lalu", "kemarin", "depan", "mendatang") else None
        first = resolve_weekday(weekday, ctx.ref, ctx.anchors_near(), tense, relation)
        if first is None or last is None:
            return _day(first)
        return _span(_day(first), _day(plus_days(first, (last - weekday) % 7)))

    return resolve


# ------------------------------------------------------------------ the stage


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest spans first, explicit before relative; a span overlapping a chosen one is dropped.

    The chosen spans never overlap, so they are kept sorted and a new span can only overlap
    the last one that starts before its end: a bisection, not a pass over all of them.
    """
    chosen: list[_Candidate] = []
    starts: list[int] = []
    ends: list[int] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, not c.explicit, c.start)):
        i = bisect_left(starts, c.end)
        if i and ends[i - 1] > c.start:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _anchor_days(text: str, chosen: list[_Candidate]) -> tuple[tuple[int, date], ...]:
    """(position, day) of every day written out in full: the article's own frame of time."""
    days: list[tuple[int, date]] = []
    blank = _Context(text, None, (), (), (), {})
    for c in chosen:
        value = c.resolve(blank, c.start, c.end) if c.explicit else None
        days.extend((c.start, date.fromisoformat(side)) for side in (value or "").split("/") if len(side) == 10)
    return tuple(days)


def find_dates(text: str, published: date | None, sentences: tuple[Sentence, ...] = ()) -> tuple[DateMention, ...]:
    """Every date expression in ``text``, in order, with its ISO value or None.

    ``published`` is the reference for relative dates ("Senin", "tahun lalu") unless the
    article's own dates say otherwise (see ``calendar.reference_day``).  ``sentences`` (from
    ``text.split_sentences``) only sharpen the clause used to read tense; the text alone is enough.
    """
    starts = _Starts.of(text)
    chosen = _select(_explicit_forms(text, starts) + _relative_forms(text, starts))
    anchors = _anchor_days(text, chosen)
    bounds = sentence_bounds(text, sentences)
    sentence_starts = tuple(a for a, _ in bounds)
    # A sentence is read for tense when a date in it first asks (an explicit date never does).
    clauses: dict[tuple[int, int], Clause] = {}
    ctx = _Context(text, None, tuple(sorted({day for _, day in anchors})), bounds, sentence_starts, clauses)
    references = reference_days(published, anchors, [c.start for c in chosen])
    contexts: dict[date | None, _Context] = {}  # ctx for each reference day
    fronted: dict[int, int] = {}  # sentence (its start) -> the year it opened with
    mentions = []
    for c, reference in zip(chosen, references, strict=True):
        ref = published if c.deictic and published else reference
        here = contexts.get(ref) or contexts.setdefault(ref, replace(ctx, ref=ref))
        index = bisect_right(sentence_starts, c.start) - 1
        sentence = sentence_starts[index] if index >= 0 else 0
        if sentence in fronted:
            here = replace(here, year=fronted[sentence])
        value = c.resolve(here, c.start, c.end)
        if value is not None and len(value) == 4 and _FRONTED_YEAR.fullmatch(text, sentence, c.start) \
                and _COMMA_AFTER.match(text, c.end):
            fronted[sentence] = int(value)
        mentions.append(DateMention(text[c.start:c.end], c.start, c.end, value))
    return tuple(mentions)


# What may stand before a year that opens its sentence and sets the year of the dates after
# it ("Tahun lalu, banjir melanda pada akhir Januari"; "Pada 2019, ... 5 Januari"), a comma
# after it.
_FRONTED_YEAR = re.compile(r"[\s\"“'‘(]*(?:(?:pada|sejak|sepanjang|selama|hingga|sampai)\s+)?", re.I)
_COMMA_AFTER = re.compile(r"\s*,")
