"""Hijri dates ("1 Syawal 1445 H", "9 Zulhijah", "Ramadan 1445 H") and the Gregorian days they mean.

Indonesian news dates religious events by the Hijri calendar, often beside the Gregorian
day and often without it.  The Gregorian day of a Hijri date depends on who sets the
month's start: Saudi Arabia's Umm al-Qura calendar (the hajj), Indonesia's government
after its sighting (sidang isbat), or an organisation's own reckoning; they differ by a
day now and then.  So a Hijri date is read as the Umm al-Qura day give or take one, and
is given its exact day only where the article settles it:

- a weekday written with it ("Rabu, 1 Syawal 1445 H") picks one of the three days;
- a Gregorian day written beside it in the same sentence, within that window ("9 Zulhijah
  1445 H, diperkirakan jatuh pada Sabtu (15/6/2024)"), is that day;
- once one day of a Hijri month is settled, the month's other days follow by counting
  ("menginap di Mina hingga 13 Zulhijah").

Otherwise the value is the Gregorian month (or months) the window lies in ("2024-04"): less
than a day, but true whoever set the calendar.  The table is the ``hijridate`` library's
(Umm al-Qura, 1343–1500 H): a published table, not arithmetic that drifts.

The span is the day, month and year as numbers are read elsewhere, without the era letter
("9 Zulhijah 1445" of "9 Zulhijah 1445 H").  A Hijri year alone ("1445 H") is no date; it
only tells the year of the Hijri days written without one after it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from hijridate import Gregorian, Hijri

from .calendar import RANGE_RE, WEEKDAY_RE, weekday_number

# Each month's spellings in Indonesian news (KBBI's first), matched capitalised or UPPERCASE.
_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("Muharam", "Muharram"),
    ("Safar", "Sapar", "Shafar"),
    ("Rabiulawal", "Rabiul Awal", "Rabi'ul Awal", "Rabiul Awwal", "Rabi'ul Awwal"),
    ("Rabiulakhir", "Rabiul Akhir", "Rabi'ul Akhir", "Rabiuts Tsani", "Rabiul Tsani"),
    ("Jumadilawal", "Jumadil Awal", "Jumadil Ula", "Jumadal Ula"),
    ("Jumadilakhir", "Jumadil Akhir", "Jumadil Tsani", "Jumadal Akhirah", "Jumadil Akhirah"),
    ("Rajab",),
    ("Syakban", "Syaban", "Sya'ban"),
    ("Ramadan", "Ramadhan", "Ramadlan"),
    ("Syawal", "Syawwal"),
    ("Zulkaidah", "Zulqaidah", "Zulqa'dah", "Dzulqa'dah", "Dzulqaidah", "Dzulkaidah", "Zulkaedah"),
    ("Zulhijah", "Zulhijjah", "Dzulhijjah", "Dzulhijah"),
)
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(_MONTH_NAMES, start=1):
    for _name in _names:
        for _form in (_name, _name.upper(), _name.replace("'", "’"), _name.replace("'", "’").upper()):
            _MONTHS[_form] = _number
_MONTH_RE = "|".join(re.escape(name) for name in sorted(_MONTHS, key=len, reverse=True))
# The lowercase first word of each spelling ("rabi" of "Rabi'ul Awal"): ``date_candidates``
# finds them with the other calendar words, in its one pass over the text.
# "h": the "H" of "H-7", "H+3", days counted from Lebaran.
FIRST_WORDS = frozenset({re.match(r"[a-z]+", name.lower())[0] for names in _MONTH_NAMES for name in names} | {"h"})
_LOOKED_FOR = (None, *sorted(FIRST_WORDS))

# A Hijri year: four digits with the era after them ("1445 H", "1445 Hijriah", "1445H").
_ERA = r"\s?(?:H|(?i:hijriah|hijriyah|hijriyyah))(?![\w'’])"
_HIJRI_YEAR = r"1[34]\d\d"
_YEAR_END = r"(?=H(?!\w)|(?![\w/])(?![.,]\d))"  # "1445 H", "1445H", "1445," but not "1445.5" or "1445/2024"
_WRITTEN_YEAR = re.compile(rf"(?<![\w.,/])(?P<y>{_HIJRI_YEAR}){_ERA}")
# "1 Syawal 1445 H", "1 Syawal 1445", "9 Zulhijah": a day, the month, perhaps the year.
_DAY = re.compile(rf"(?<![\w.,/])(?P<d>30|[12]\d|0?[1-9])\s+(?P<m>{_MONTH_RE})(?![\w'’])"
                  rf"(?:\s+(?P<y>{_HIJRI_YEAR}){_YEAR_END})?")
# "Ramadan 1445 H", "bulan Ramadan 1445 Hijriah", "Ramadan 2024": a month and its year (Hijri
# with or without the era, or the Gregorian year the month began in).
_MONTH = re.compile(rf"(?<![\w'’])(?P<m>{_MONTH_RE})\s+(?:(?P<y>{_HIJRI_YEAR})"
                    rf"|(?P<g>20\d\d|19\d\d)){_YEAR_END}")
# "H-7", "H+3", "H-7 hingga H+8": days before or after the holiday, in mudik news Lebaran (but
# not "H-3 Natal", "H-1 pencoblosan": another day's count).
_OTHER_DAYS = (r"natal|tahun\s+baru|imlek|nyepi|waisak|idul\s*adha|pencoblosan|pemungutan|pilkada|pemilu|hut"
               r"|kemerdekaan|pelantikan|kick-?off|pertandingan|ujian")
_COUNTED = re.compile(rf"(?<![\w-])H(?P<s1>[-+–])(?P<n1>\d{{1,3}})(?:{RANGE_RE}H(?P<s2>[-+–])(?P<n2>\d{{1,3}}))?"
                      rf"(?!\d)(?!\s+(?i:{_OTHER_DAYS})(?!\w))")
_WEEKDAY_BEFORE = re.compile(rf"(?P<w>{WEEKDAY_RE})(?:\s*,\s*|\s+|\s*\(\s*)\Z")

_SYAWAL = 10
_WINDOW = 1  # days either side of the Umm al-Qura day that someone's calendar may start the month on
_SLACK = 31  # days: a weak tense cue does not move a date by a year ("calendar.year_for")
_BESIDE = 90  # characters: how far from a Hijri date a Gregorian day may stand to settle it
Tense = Callable[[int, int], str | None]


class HijriMention(NamedTuple):
    """A Hijri date as written: [start, end) in the text, its numbers, and a weekday written before it."""

    start: int
    end: int
    month: int
    day: int | None  # None: the whole month
    year: int | None  # the Hijri year, when written
    gregorian_year: int | None = None  # "Ramadan 2024": the Gregorian year the month began in
    weekday: int | None = None
    counted: tuple[int, int] | None = None  # "H-7 hingga H+8": days from 1 Syawal (Lebaran), first and last


def find_hijri(text: str, words: Container[str | None]) -> tuple[HijriMention, ...]:
    """Every Hijri date of ``text`` (days first, then months with a year), in text order.

    A month name needs a day before it or a year after it: "Rajab", "Safar" and "Muharram"
    alone are also people's names, and "Ramadan" alone a season with no year.  ``words``: the
    calendar words of the text (``Starts.by_word``; None for words not written in ASCII).
    """
    if not any(word in words for word in _LOOKED_FOR):
        return ()  # (nearly every article: a few dict lookups)
    found: list[HijriMention] = []
    taken: list[tuple[int, int]] = []
    for m in _DAY.finditer(text):
        start, weekday = m.start(), None
        before = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
        if before is not None and "(" not in before.group():
            start, weekday = before.start(), weekday_number(before["w"])
        found.append(HijriMention(start, m.end(), _MONTHS[m["m"]], int(m["d"]), int(m["y"]) if m["y"] else None,
                                  weekday=weekday))
        taken.append((m.start(), m.end()))
    for m in _MONTH.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        year = int(m["y"]) if m["y"] else None
        found.append(HijriMention(m.start(), m.end(), _MONTHS[m["m"]], None, year,
                                  int(m["g"]) if m["g"] else None))
    for m in _COUNTED.finditer(text):
        first = int(m["n1"]) * (1 if m["s1"] == "+" else -1)
        last = int(m["n2"]) * (1 if m["s2"] == "+" else -1) if m["n2"] else first
        if first <= last:
            found.append(HijriMention(m.start(), m.end(), _SYAWAL, 1, None, counted=(first, last)))
    return tuple(sorted(found))


def written_years(text: str) -> tuple[tuple[int, int], ...]:
    """(position, Hijri year) of each year written with its era ("musim haji 1445 H/2024 M")."""
    return tuple((m.start(), int(m["y"])) for m in _WRITTEN_YEAR.finditer(text))


def _umm_al_qura(year: int, month: int, day: int) -> date | None:
    """The Umm al-Qura day; a 30th of a month the table gives 29 days is the day after the 29th."""
    try:
        if day == 30 and Hijri(year, month, 1).month_length() == 29:
            return Hijri(year, month, 29).to_gregorian() + timedelta(days=1)
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _month_span(first: date, last: date) -> str:
    """The Gregorian month, or months, from ``first`` to ``last``."""
    start, end = f"{first:%Y-%m}", f"{last:%Y-%m}"
    return start if start == end else f"{start}/{end}"


def _year_of(mention: HijriMention, years: Sequence[tuple[int, int]], published: date | None,
             tense: Tense) -> int | None:
    """The Hijri year of a mention: as written; else the article's, when it writes one Hijri year
    (an article that writes two, "1 Syawal 1444" beside "1 Syawal 1445", compares); else the
    one that puts it nearest the publication day, or the last or next one when the tense of
    its clause says which (a month of slack, as ``calendar.year_for``)."""
    if mention.year is not None:
        return mention.year
    if mention.gregorian_year is not None:
        try:
            first = Gregorian(mention.gregorian_year, 1, 1).to_hijri().year
        except OverflowError:
            return None
        began = [y for y in (first, first + 1)
                 if (d := _umm_al_qura(y, mention.month, 1)) is not None and d.year == mention.gregorian_year]
        return began[0] if len(began) == 1 else None  # (a month may begin twice in one Gregorian year)
    if len({year for _, year in years}) == 1:
        return years[0][1]  # the article's one Hijri year ("musim haji 1445 H" ... "13 Zulhijah")
    if published is None:
        return None
    try:
        this_year = Gregorian.fromdate(published).to_hijri().year
    except OverflowError:
        return None
    days = {year: when for year in (this_year - 1, this_year, this_year + 1)
            if (when := _umm_al_qura(year, mention.month, mention.day or 15)) is not None}
    tense_here = tense(mention.start, mention.end)
    if tense_here == "past":
        days = {year: when for year, when in days.items() if (when - published).days <= _SLACK} or days
        return max(days) if days else None
    if tense_here == "future":
        days = {year: when for year, when in days.items() if (published - when).days <= _SLACK} or days
        return min(days) if days else None
    return min(days, key=lambda year: abs(days[year] - published)) if days else None


def hijri_values(mentions: Sequence[HijriMention], text: str, anchors: Sequence[tuple[int, date]],
                 sentence_starts: Sequence[int], published: date | None, tense: Tense) -> Mapping[int, str | None]:
    """The value of each mention (by its start): the settled day, or the month(s) its window lies in.

    ``anchors`` are the (position, day) of the Gregorian days written in full in the article.
    """
    years = sorted([*written_years(text), *((m.start, m.year) for m in mentions if m.year is not None)])

    def sentence(at: int) -> int:
        return bisect_right(sentence_starts, at)
    read: list[tuple[HijriMention, int | None]] = [(m, _year_of(m, years, published, tense)) for m in mentions]
    offsets: dict[tuple[int, int], int] = {}  # (year, month) -> days from Umm al-Qura, where settled
    settled: dict[int, date] = {}
    for m, year in read:
        if year is None or m.day is None or m.counted or (uq := _umm_al_qura(year, m.month, m.day)) is None:
            continue
        window = [uq + timedelta(days=k) for k in range(-_WINDOW, _WINDOW + 1)]
        day = _by_weekday(m, window) or _by_neighbour(m, window, anchors, sentence)
        if day is not None:
            settled[m.start] = day
            offsets.setdefault((year, m.month), (day - uq).days)
    values: dict[int, str | None] = {}
    for m, year in read:
        values[m.start] = _value(m, year, settled.get(m.start), offsets)
    return values


def _by_weekday(m: HijriMention, window: Sequence[date]) -> date | None:
    days = [d for d in window if d.weekday() == m.weekday] if m.weekday is not None else []
    return days[0] if len(days) == 1 else None


def _by_neighbour(m: HijriMention, window: Sequence[date], anchors: Sequence[tuple[int, date]],
                  sentence: Callable[[int], int]) -> date | None:
    """The Gregorian day written beside the mention, in its sentence, that is one of ``window``."""
    near = [(min(abs(at - m.end), abs(at - m.start)), day) for at, day in anchors
            if day in window and sentence(at) == sentence(m.start)
            and (m.end - _BESIDE <= at <= m.end + _BESIDE)]
    return min(near)[1] if near else None


def _value(m: HijriMention, year: int | None, day: date | None, offsets: Mapping[tuple[int, int], int]) -> str | None:
    if year is None:
        return None
    if day is not None:
        return day.isoformat()
    offset = offsets.get((year, m.month))
    if m.counted is not None:  # only from a Lebaran the article settles
        lebaran = _umm_al_qura(year, _SYAWAL, 1)
        if offset is None or lebaran is None:
            return None
        first, last = (lebaran + timedelta(days=offset + n) for n in m.counted)
        return first.isoformat() if first == last else f"{first}/{last}"
    if m.day is not None:
        uq = _umm_al_qura(year, m.month, m.day)
        if uq is None:
            return None
        if offset is not None:
            return (uq + timedelta(days=offset)).isoformat()
        return _month_span(uq - timedelta(days=_WINDOW), uq + timedelta(days=_WINDOW))
    following = (year + m.month // 12, m.month % 12 + 1)
    first, after = _umm_al_qura(year, m.month, 1), _umm_al_qura(*following, 1)
    if first is None or after is None:
        return None
    # Each end is a day where a day of its month is settled (the month after, for the last
    # day), else the month that end's window lies in, the earlier for the first day and the
    # later for the last: "from 12 March to some day in April" is what the text says.
    start = (first + timedelta(days=offset)).isoformat() if offset is not None \
        else f"{first - timedelta(days=_WINDOW):%Y-%m}"
    next_offset = offsets.get(following)
    end = (after + timedelta(days=next_offset - 1)).isoformat() if next_offset is not None \
        else f"{after + timedelta(days=_WINDOW - 1):%Y-%m}"
    return start if start == end else f"{start}/{end}"
