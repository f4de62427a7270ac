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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from ..models import DateMention, Sentence
from .calendar import (
    FULL_MONTH_RE,
    FULL_MONTHS,
    MONTH_RE,
    MONTHS,
    NUMBER_END,
    QUALIFIER_RE,
    RANGE_RE,
    WEEKDAY_PREFIX_RE,
    WEEKDAY_RE,
    YEAR_RE,
    day_group,
    in_a_name,
    iso_month,
    make_date,
    plus_days,
    reference_days,
    weekday_mismatch,
    year_for,
)
from .date_candidates import (
    QUALIFIERS,
    YEAR_AFTER,
    Candidate,
    DateContext,
    Resolver,
    Starts,
    in_year_from_writing,
    iso_day,
    iso_span,
    month_number,
    scan,
)
from .hijri import find_hijri, hijri_values
from .relative_dates import relative_forms
from .said_dates import days_said
from .tense import Clause, sentence_bounds

__all__ = ["find_dates", "weekday_mismatch"]

# ------------------------------------------------------------------ explicit forms
_NUMERIC = re.compile(  # 11/9/2023, 11-09-2023, 11.9.2023, 11/9/23
    rf"{day_group('d')}(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?:(?P<y>\d{{4}})|(?<=/)(?P<yy>\d\d)){NUMBER_END}")
_NUMERIC_RANGE = re.compile(rf"{day_group('d1')}(?:/(?P<m1>\d{{1,2}}))?\s*[-–]\s*"
                            rf"(?P<d2>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}){NUMBER_END}")
_NUMERIC_SHORT = re.compile(  # "(11/9)", "(16-17/9)": without a year only in parentheses
    rf"(?<=\(){day_group('d')}(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?/(?P<m>\d{{1,2}})(?=\))")
_ISO = re.compile(rf"(?<![\w-])(?P<y>{YEAR_RE})-(?P<m>[01]\d)-(?P<d>[0-3]\d){NUMBER_END}")
_TEXT_DMY = re.compile(rf"{day_group('d')}\s+(?P<m>{MONTH_RE})(?:\s+(?P<y>\d{{4}})|{YEAR_AFTER})?{NUMBER_END}")
_TEXT_RANGE = re.compile(
    rf"{day_group('d1')}(?:\s+(?P<m1>{MONTH_RE})(?:\s+(?P<y1>\d{{4}}))?)?{RANGE_RE}"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m>{MONTH_RE})(?:\s+(?P<y>\d{{4}}))?{NUMBER_END}")
# The days of a list before its last, which has the month: the "9" of "9 dan 10 September
# 2023", the "5" and "6" of "5, 6, dan 7 Oktober".  The list is matched as a whole from its
# first day (_DAY_RUN, then _DAY_LIST_END), so a long list is read once, not once from each day.
_DAY_RUN = re.compile(rf"{day_group('d')}(?:\s*,\s*\d{{1,2}}(?!\d))*")
_DAY_LIST_END = re.compile(rf"\s*,?\s+(?:dan|serta|&)\s+\d{{1,2}}\s+(?P<m>{MONTH_RE})"
                           rf"(?:\s+(?P<y>\d{{4}})|{YEAR_AFTER})?{NUMBER_END}")
_LISTED_DAY = re.compile(day_group("d"))
# A list of months whose last has the year ("Januari, Februari, dan Maret 2022", "akhir
# Januari dan awal Maret tahun lalu"): the months before the last are in that year too (the
# last is a _MONTH_YEAR, or a bare month with "tahun lalu"), and so is a day written before
# one of them ("5 Januari dan Maret 2023").  Matched as a whole, from its first month, so a
# long list is read once, not once from each of its months.
_LISTED_MONTH = rf"(?:{QUALIFIER_RE}\s+)?{FULL_MONTH_RE}"
_LATER_MONTH = rf"(?:\d{{1,2}}\s+)?{_LISTED_MONTH}"
_MONTH_LIST = re.compile(
    rf"{_LISTED_MONTH}(?:\s*,\s*{_LATER_MONTH})*(?P<last>\s*,?\s+(?:dan|serta|&)\s+{_LATER_MONTH})?"
    rf"(?:\s+(?:(?i:tahun)\s+)?(?P<y>{YEAR_RE}){NUMBER_END}|{YEAR_AFTER})?")
_MONTH_ITEM = re.compile(rf"(?:{day_group('d')}\s+)?(?:{QUALIFIER_RE}\s+)?(?P<m>{FULL_MONTH_RE})")
_DAY_BEFORE = re.compile(rf"{day_group('d')}\s+\Z")  # the day of a list's first month, before it
_TEXT_MDY = re.compile(  # Sep 14 , 2023
    rf"(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:\s*,\s*|\s+)(?P<y>\d{{4}}){NUMBER_END}")
_MONTH_YEAR = re.compile(
    rf"(?:{QUALIFIER_RE}\s+)?(?:(?i:bulan)\s+)?(?P<m1>{MONTH_RE})(?:\s+(?P<y1>{YEAR_RE})(?={RANGE_RE}{MONTH_RE}))?"
    rf"(?:{RANGE_RE}(?P<m>{MONTH_RE}))?"
    rf"\s+(?:(?i:tahun)\s+)?(?P<y>{YEAR_RE}){NUMBER_END}")
# A weekday (or weekday range) written in front of an explicit date, searched backwards.
_PREFIX = re.compile(
    rf"(?:(?i:hari)\s+)?{WEEKDAY_PREFIX_RE}(?:(?:{RANGE_RE}|\s+dan\s+){WEEKDAY_RE})?(?P<open>\s*\(\s*|\s*,\s*|\s+)\Z")
_CLOSE = re.compile(r"\s*\)")

# The first word of each word-led pattern, lowercase (an abbreviation's period is no part of it).
_MONTH_WORDS = frozenset(MONTHS)
_OPENS_TEXT_MDY = _MONTH_WORDS
_OPENS_MONTH_YEAR = QUALIFIERS | {"bulan"} | _MONTH_WORDS
# Parts of a year as business news counts them: "kuartal III 2024", "triwulan kedua 2023",
# "semester I 2024" (the months they span).
_PART_YEAR = re.compile(r"(?P<unit>(?i:kuartal|triwulan|semester))\s+"
                        r"(?P<n>IV|I{1,3}|[1-4]|(?i:pertama|kedua|ketiga|keempat))"
                        rf"\s+(?:(?i:tahun)\s+)?(?P<y>{YEAR_RE}){NUMBER_END}")
# A quarter written without its year ("Pada kuartal IV, KCIC menargetkan …"): the year is the
# reference's, or the last or next one by the tense, as for a month written alone (not a
# semester: "mahasiswa semester kedua" is a student's second term).
_PART_NO_YEAR = re.compile(r"(?P<unit>(?i:kuartal|triwulan))\s+"
                           r"(?P<n>IV|I{1,3}|[1-4]|(?i:pertama|kedua|ketiga|keempat))(?![\w/-]|[.,]\d|\s+(?:(?i:tahun)\s+)?\d)")
_PART_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
                 "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4}
_OPENS_PART_YEAR = frozenset({"kuartal", "triwulan", "semester"})
_OPENS_MONTH_LIST = QUALIFIERS | FULL_MONTHS


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of a date widened over a weekday written in front of it: "Senin (11/9/2023)",
    "Minggu hingga Selasa (10-13/9/2023)", "Kam Sep 14 , 2023"."""
    prefix = _PREFIX.search(text, max(0, start - 40), start)
    if prefix is None:
        return start, end
    if "(" not in prefix.group("open"):
        return prefix.start(), end
    close = _CLOSE.match(text, end)
    return (prefix.start(), close.end()) if close else (start, end)


def _explicit(text: str, match: re.Match[str], value: str | None, written_as_date: bool = False) -> list[Candidate]:
    """A date whose value is all in its numbers.

    Numbers that make no day ("30 Februari 2023", "31/9/2023") are still a date as written
    when ``written_as_date``: the span is kept, with None, so "Februari 2023" inside it is
    not read as a month instead.
    """
    return _explicit_at(text, match.start(), match.end(), value, written_as_date)


def _explicit_at(text: str, start: int, end: int, value: str | None, written_as_date: bool = False) -> list[Candidate]:
    """``_explicit`` of the date written at [start, end)."""
    if value is None and not written_as_date:
        return []
    start, end = _widen(text, start, end)
    return [Candidate(start, end, lambda _c, _s, _e: value, explicit=True)]


def _partial(text: str, match: re.Match[str], resolve: Resolver) -> list[Candidate]:
    """A date written without its year ("Senin (11/9)", "10 September"): resolved later."""
    start, end = _widen(text, match.start(), match.end())
    return [Candidate(start, end, resolve)]


def _with_year(build: Callable[[int], str | None], month: int, day: int | None) -> Resolver:
    """Resolver for a date written without its year: the year comes from the reference."""

    def resolve(ctx: DateContext, start: int, end: int) -> str | None:
        if ctx.ref is None:
            return None
        return build(ctx.year if ctx.year is not None else year_for(month, day, ctx.ref, ctx.tense(start, end)))

    return resolve


def _explicit_forms(text: str, starts: Starts) -> list[Candidate]:
    found: list[Candidate] = []
    for m in scan(_NUMERIC, text, starts.days):
        day, month = int(m["d"]), int(m["m"])
        if month > 12 and day <= 12:  # a US-style 9/13/2023 in a wire copy
            day, month = month, day
        year = int(m["y"]) if m["y"] else 2000 + int(m["yy"])
        found += _explicit(text, m, iso_day(make_date(year, month, day)), 1 <= month <= 12)
    for m in scan(_NUMERIC_RANGE, text, starts.days):
        year, month = int(m["y"]), int(m["m"])
        first = make_date(year, int(m["m1"] or month), int(m["d1"]))
        last = make_date(year, month, int(m["d2"]))
        if first and last and first < last:
            found += _explicit(text, m, iso_span(iso_day(first), iso_day(last)))
    for m in scan(_ISO, text, starts.years):
        found += _explicit(text, m, iso_day(make_date(int(m["y"]), int(m["m"]), int(m["d"]))), int(m["m"]) <= 12)
    for m in scan(_TEXT_MDY, text, starts.opening(_OPENS_TEXT_MDY)):
        found += _explicit(text, m, iso_day(make_date(int(m["y"]), month_number(m["m"]), int(m["d"]))), True)
    for m in scan(_MONTH_YEAR, text, starts.opening(_OPENS_MONTH_YEAR)):
        year, first = int(m["y"]), month_number(m["m1"])
        last = month_number(m["m"]) if m["m"] else first
        start_year = int(m["y1"]) if m["y1"] else year  # ("Desember 2024 hingga Maret 2025")
        if (start_year, first) <= (year, last):
            found += _explicit(text, m, iso_span(iso_month(start_year, first), iso_month(year, last)))
    for m in scan(_PART_YEAR, text, starts.opening(_OPENS_PART_YEAR)):
        months = 6 if m["unit"].lower() == "semester" else 3
        part = _PART_NUMBERS[m["n"].lower()]
        if part * months <= 12:
            year, last = int(m["y"]), part * months
            found += _explicit(text, m, iso_span(iso_month(year, last - months + 1), iso_month(year, last)))
    for m in scan(_PART_NO_YEAR, text, starts.opening(_OPENS_PART_YEAR)):
        last = _PART_NUMBERS[m["n"].lower()] * 3
        found += _partial(text, m, _with_year(lambda y, e=last: iso_span(iso_month(y, e - 2), iso_month(y, e)),
                                              last, None))
    # Before _TEXT_DMY: "5 Januari" of "5 Januari dan Maret tahun lalu" is the list's (the
    # same span, and neither explicit: the first found is kept).
    found += _listed_months(text, starts.opening(_OPENS_MONTH_LIST))
    for m in scan(_TEXT_DMY, text, starts.days):
        found += _day_month(text, m, written_as_date=True)
    found += _listed_days(text, starts.days)
    for m in scan(_NUMERIC_SHORT, text, starts.days):
        month, day, last = int(m["m"]), int(m["d"]), int(m["d2"] or m["d"])
        if make_date(2000, month, day) and make_date(2000, month, last) and day <= last:
            found += [c._replace(yearless_day=True) for c in _partial(text, m, _with_year(
                lambda y, mo=month, d=day, e=last: iso_span(iso_day(make_date(y, mo, d)), iso_day(make_date(y, mo, e))),
                month, last))]
    for m in scan(_TEXT_RANGE, text, starts.digits):
        found += _text_range(text, m)
    return found


def _whole_lists(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` (a whole list) at ``starts``, but at none inside the last match:
    a list is read once, from its first item, not once from each (quadratic in its length)."""
    covered = 0
    for at in starts:
        if at >= covered and (m := pattern.match(text, at)) is not None:
            covered = m.end()
            yield m


def _listed_days(text: str, starts: Sequence[int]) -> list[Candidate]:
    """The days of a list before its last one, in the month (and year) written after the last."""
    found: list[Candidate] = []
    for run in _whole_lists(_DAY_RUN, text, starts):
        end = _DAY_LIST_END.match(text, run.end())
        if end is None:
            continue
        month = month_number(end["m"])
        for day in _LISTED_DAY.finditer(text, run.start(), run.end()):
            found += _day_month_at(text, day.start(), day.end(), int(day["d"]), month, end["y"], end["yrel"], False)
    return found


def _listed_months(text: str, starts: Sequence[int]) -> list[Candidate]:
    """The months of a list before its last one, in the year written after the last (``_MONTH_LIST``)."""
    found: list[Candidate] = []
    for m in _whole_lists(_MONTH_LIST, text, starts):
        if not m["last"] or not (m["y"] or m["yrel"]):
            continue
        for item in _MONTH_ITEM.finditer(text, m.start(), m.start("last")):
            month, start = month_number(item["m"]), item.start()
            day = int(item["d"]) if item["d"] else None
            if day is None and start == m.start() and item.group().lower() == item["m"].lower():
                before = _DAY_BEFORE.search(text, max(0, start - 4), start)
                if before:
                    day, start = int(before["d"]), before.start()
            if day is not None and not make_date(2000, month, day):  # 2000: a leap year
                continue

            def value(year: int, month: int = month, day: int | None = day) -> str | None:
                return iso_month(year, month) if day is None else iso_day(make_date(year, month, day))
            if m["y"]:
                written = value(int(m["y"]))
                found.append(Candidate(start, item.end(), lambda _c, _s, _e, v=written: v, explicit=True))
            else:
                found.append(Candidate(start, item.end(), in_year_from_writing(m["yrel"].lower(), value),
                                       deictic=True))
    return found


def _day_month(text: str, m: re.Match[str], written_as_date: bool) -> list[Candidate]:
    """ "11 September 2023"; "10 September", its year from the reference unless in a name."""
    return _day_month_at(text, m.start(), m.end(), int(m["d"]), month_number(m["m"]), m["y"], m["yrel"],
                         written_as_date)


def _day_month_at(text: str, start: int, end: int, day: int, month: int, year: str | None, relation: str | None,
                  written_as_date: bool) -> list[Candidate]:
    """``_day_month`` of the day written at [start, end), with its month, and its year as
    written (``year``) or as "tahun lalu/ini/depan" (``relation``), when either is there."""
    if year:
        return _explicit_at(text, start, end, iso_day(make_date(int(year), month, day)), written_as_date)
    if not make_date(2000, month, day) or in_a_name(text, start):  # 2000: 29 Februari is a day in leap years
        return []
    start, end = _widen(text, start, end)
    if relation:
        resolve = in_year_from_writing(relation.lower(), lambda y: iso_day(make_date(y, month, day)))
        return [Candidate(start, end, resolve, deictic=True)]
    return [Candidate(start, end, _with_year(lambda y: iso_day(make_date(y, month, day)), month, day),
                      yearless_day=True)]


def _text_range(text: str, m: re.Match[str]) -> list[Candidate]:
    """ "10-13 September 2023", "10 hingga 13 September", "28 Agustus - 2 September 2023"."""
    month, d1, d2 = month_number(m["m"]), int(m["d1"]), int(m["d2"])
    month1 = month_number(m["m1"]) if m["m1"] else month
    if m["y1"] and not m["y"] or not m["y"] and in_a_name(text, m.start()):
        return []
    if m["y"]:
        year = int(m["y"])
        year1 = int(m["y1"]) if m["y1"] else (year - 1 if month1 > month else year)
        first, last = make_date(year1, month1, d1), make_date(year, month, d2)
        return _explicit(text, m, iso_span(iso_day(first), iso_day(last))) if first and last and first < last else []

    def build(year: int) -> str | None:
        first = make_date(year - 1 if month1 > month else year, month1, d1)
        last = make_date(year, month, d2)
        return iso_span(iso_day(first), iso_day(last)) if first and last and first < last else None

    return _partial(text, m, _with_year(build, month, d2))


def _hijri_value(ctx: DateContext, start: int, _end: int) -> str | None:
    """A Hijri date's value: ``hijri.hijri_values`` resolved them all together, into the context."""
    return ctx.hijri.get(start)


# ------------------------------------------------------------------ the stage


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest spans first, explicit before relative; a span overlapping a chosen one is dropped.

    The chosen spans never overlap, so they are kept sorted and a new span can only overlap
    the last one that starts before its end: a bisection, not a pass over all of them.
    """
    chosen: list[Candidate] = []
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


def _anchor_days(text: str, chosen: list[Candidate], published: date | None) -> tuple[tuple[int, date], ...]:
    """(position, day) of every day written out in full: the article's own frame of time.

    A day written without its year ("Rabu (22/5)", as the press writes the days of the week
    it reports) takes it from the publication date, as it does when it is resolved itself.
    """
    days: list[tuple[int, date]] = []
    blank = DateContext(text, published, (), (), (), {})
    for c in chosen:
        value = c.resolve(blank, c.start, c.end) if c.explicit or (c.yearless_day and published) else None
        days.extend((c.start, date.fromisoformat(side)) for side in (value or "").split("/") if len(side) == 10)
    return tuple(days)


def find_dates(text: str, published: date | None, sentences: tuple[Sentence, ...] = (),
               quoted: Sequence[tuple[int, int]] | None = None) -> tuple[DateMention, ...]:
    """Every date expression in ``text``, in order, with its ISO value or None.

    ``quoted``: the article's quotation spans (``quotes.quotations``), when the caller has them.
    ``published`` is the reference for relative dates ("Senin", "tahun lalu") unless the
    article's own dates say otherwise (see ``calendar.reference_day``).  ``sentences`` (from
    ``text.split_sentences``) only sharpen the clause used to read tense; the text alone is enough.
    """
    starts = Starts.of(text)
    hijri = find_hijri(text, starts.by_word)
    chosen = _select(_explicit_forms(text, starts) + relative_forms(text, starts)
                     + [Candidate(h.start, h.end, _hijri_value) for h in hijri])
    anchors = _anchor_days(text, chosen, published)
    bounds = sentence_bounds(text, sentences)
    sentence_starts = tuple(a for a, _ in bounds)
    # A sentence is read for tense when a date in it first asks (an explicit date never does).
    clauses: dict[tuple[int, int], Clause] = {}
    ctx = DateContext(text, None, tuple(sorted({day for _, day in anchors})), bounds, sentence_starts, clauses)
    if hijri:
        ctx = replace(ctx, hijri=hijri_values(hijri, text, anchors, sentence_starts, published, ctx.tense))
    references = reference_days(published, anchors, [c.start for c in chosen])
    contexts: dict[date | None, DateContext] = {}  # ctx for each reference day
    fronted: dict[int, int] = {}  # sentence (its start) -> the year it opened with
    last_day: date | None = None  # the day written last (the last of a span's days)
    mentions = []
    for c, reference in zip(chosen, references, strict=True):
        ref = published if c.deictic and published else reference
        here = contexts.get(ref) or contexts.setdefault(ref, replace(ctx, ref=ref))
        index = bisect_right(sentence_starts, c.start) - 1
        sentence = sentence_starts[index] if index >= 0 else 0
        if sentence in fronted:
            here = replace(here, year=fronted[sentence])
        if c.follows is None:
            value = c.resolve(here, c.start, c.end)
        else:
            value = iso_day(plus_days(last_day, c.follows)) if last_day else None
        if value is not None and len(day := value.rpartition("/")[2]) == 10:
            last_day = date.fromisoformat(day)
        if value is not None and len(value) == 4 and _FRONTED_YEAR.fullmatch(text, sentence, c.start) \
                and _COMMA_AFTER.match(text, c.end):
            fronted[sentence] = int(value)
        mentions.append(DateMention(text[c.start:c.end], c.start, c.end, value))
    if published is not None:
        for i, said in days_said(text, chosen, mentions, bounds, sentence_starts, published,
                                       quoted).items():
            c = chosen[i]
            mentions[i] = replace(mentions[i], value=c.resolve(replace(ctx, ref=said), c.start, c.end))
    return tuple(mentions)


# What may stand before a year that opens its sentence and sets the year of the dates after
# it ("Tahun lalu, banjir melanda pada akhir Januari"; "Pada 2019, ... 5 Januari"), a comma
# after it.
_FRONTED_YEAR = re.compile(r"[\s\"“'‘(]*(?:(?:pada|sejak|sepanjang|selama|hingga|sampai)\s+)?", re.I)
_COMMA_AFTER = re.compile(r"\s*,")
