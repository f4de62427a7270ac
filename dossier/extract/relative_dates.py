"""The date forms that need a reference day: a month without its year ("akhir Agustus"),
a year after a cue ("pada 2019"), "tahun lalu", "dua hari lalu", "kemarin", weekdays, and the
days after the day written last ("keesokan harinya", "dua hari kemudian").

Each proposes ``Candidate`` spans whose resolvers read the ``DateContext`` they are given
(the reference day, the clause's tense, the article's explicit days).
"""

from __future__ import annotations

import re

from .calendar import (
    DAY_BEFORE,
    FULL_MONTH_RE,
    FULL_MONTHS,
    MONTH_CUES,
    NOT_YEAR_AFTER,
    NOT_YEAR_BEFORE,
    NUMBER_END,
    NUMBER_WORDS,
    QUALIFIER_RE,
    QUANTITY_BEFORE,
    RANGE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_CUES,
    YEAR_NOUNS,
    YEAR_RE,
    Tense,
    at_sentence_start,
    iso_month,
    iso_year,
    means_week,
    plus_days,
    resolve_weekday,
    shifted,
    word_after,
    word_before,
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

_BARE_MONTH = re.compile(rf"(?P<lead>(?:{QUALIFIER_RE}\s+)?(?:(?i:bulan)\s+)?)(?P<m>{FULL_MONTH_RE})"
                         rf"(?:{YEAR_AFTER}|(?P<rel>\s+(?:lalu|ini|depan|mendatang))(?!\s*\d)|(?!\s*\d))")
_YEAR_FORM = re.compile(
    rf"(?<![\w.,-])(?:(?<=H/)|(?<!/))(?P<lead>(?:{QUALIFIER_RE}\s+)?(?:(?i:tahun)\s+)?)(?P<y>{YEAR_RE})"
    rf"(?:(?P<sep>{RANGE_RE}|/)(?:(?i:tahun)\s+)?(?P<y2>{YEAR_RE}))?(?P<an>-an)?{NUMBER_END}")
_RELATIVE_PERIOD = re.compile(
    rf"(?:(?P<q>{QUALIFIER_RE})\s+)?(?P<unit>(?i:tahun|bulan))\s+(?P<rel>lalu|ini|depan|kemarin)(?!\w)")
_PART_OF_YEAR = re.compile(rf"(?P<q>{QUALIFIER_RE})\s+(?i:tahun)(?![\w-])")  # "akhir tahun": year depends on tense
_AGO = re.compile(r"(?<!\w)(?:(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")(?:\s+(?P<tens>belas|puluh))?"
                  r"\s+(?P<unit>hari|bulan|tahun)|"
                  r"(?P<se>se)(?P<seunit>hari|bulan|tahun))\s+(?:yang\s+)?(?:lalu|silam)(?!\w)", re.I)
_DEICTIC_OFFSETS = {"hari ini": 0, "pagi ini": 0, "siang ini": 0, "sore ini": 0, "malam ini": 0, "kemarin lusa": -2,
                    "kemarin": -1, "besok": 1, "lusa": 2}
_DEICTIC = re.compile(r"(?<!\w)(?:(?P<word>(?:hari|pagi|siang|sore|malam)\s+ini|kemarin\s+lusa|kemarin|besok|lusa)"
                      r"(?:\s+(?:pagi|siang|sore|malam|dini\s+hari)(?!\s+ini))?)(?!\w)", re.I)
_WEEKDAY = re.compile(
    rf"(?:(?i:hari)\s+)?(?P<wd>{WEEKDAY_RE})(?:{RANGE_RE}(?:(?i:hari)\s+)?(?P<wd2>{WEEKDAY_RE}))?"
    r"(?P<tod>\s+(?:pagi|siang|sore|malam|dini\s+hari))?"
    r"(?P<rel>\s+(?:(?:pekan|minggu)\s+(?:lalu|depan|ini)|lalu|kemarin|depan|mendatang|ini))?(?!\w)")

# The day after the day written last ("keesokan harinya", "dua hari kemudian", "hari berikutnya").
_FOLLOWING = re.compile(
    r"(?<!\w)(?:keesokan(?:nya|\s+(?:hari|pagi|siang|sore|malam)(?:nya)?)|esok\s+(?:hari|pagi|malam)nya"
    r"|hari\s+berikutnya|(?:(?P<se>se)hari|(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+hari)"
    r"\s+(?:kemudian|setelahnya|sesudahnya|berselang))(?!\w)", re.I)
_OPENS_FOLLOWING = frozenset(NUMBER_WORDS) | {"keesokan", "keesokannya", "esok", "hari", "sehari"}

_ORDINAL_AFTER = re.compile(r"\s*(?:ke-?\s*\d|\d)")

# The first word of each word-led pattern, lowercase (an abbreviation's period is no part of it).
_OPENS_BARE_MONTH = QUALIFIERS | {"bulan"} | FULL_MONTHS
_OPENS_YEAR_FORM = QUALIFIERS | {"tahun"}
_OPENS_RELATIVE_PERIOD = QUALIFIERS | {"tahun", "bulan"}
_OPENS_PART_OF_YEAR = QUALIFIERS
_OPENS_AGO = frozenset(NUMBER_WORDS) | {"sehari", "sebulan", "setahun"}
_OPENS_DEICTIC = frozenset({"hari", "pagi", "siang", "sore", "malam", "kemarin", "besok", "lusa"})
_OPENS_WEEKDAY = frozenset({"hari"} | {re.match(r"\w+", day).group() for day in WEEKDAYS})  # type: ignore[union-attr]


def relative_forms(text: str, starts: Starts) -> list[Candidate]:
    found: list[Candidate] = []
    for m in scan(_BARE_MONTH, text, starts.opening(_OPENS_BARE_MONTH)):
        found += _bare_month(text, m)
    for m in scan(_YEAR_FORM, text, starts.opening(_OPENS_YEAR_FORM, starts.years)):
        found += _year(text, m)
    for m in scan(_RELATIVE_PERIOD, text, starts.opening(_OPENS_RELATIVE_PERIOD)):
        if m.group(0)[0].isupper() and not at_sentence_start(text, m.start()) and not m["q"]:
            continue  # "Tahun Ini" in a title-cased name
        if word_before(text, m.start()) in QUANTITY_BEFORE:
            continue  # "beberapa tahun lalu": no particular year
        found.append(Candidate(m.start(), m.end(), _period(m["unit"].lower(), m["rel"]), deictic=True))
    for m in scan(_PART_OF_YEAR, text, starts.opening(_OPENS_PART_OF_YEAR)):
        found.append(Candidate(m.start(), m.end(), _part_of_year(m["q"].lower())))
    for m in scan(_AGO, text, starts.opening(_OPENS_AGO, starts.days)):
        amount = 1 if m["se"] else (int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()])
        if m["tens"] and not m["n"].isdigit():  # "empat belas tahun lalu": 14; "dua puluh": 20
            amount = amount + 10 if m["tens"].lower() == "belas" else amount * 10
        elif m["tens"]:
            continue
        unit = (m["unit"] or m["seunit"]).lower()
        found.append(Candidate(m.start(), m.end(), lambda c, _s, _e, u=unit, n=amount: shifted(c.ref, u, -n)
                                if c.ref else None, deictic=True))
    for m in scan(_DEICTIC, text, starts.opening(_OPENS_DEICTIC)):
        offset = _DEICTIC_OFFSETS[" ".join(m["word"].lower().split())]
        found.append(Candidate(m.start(), m.end(), lambda c, _s, _e, o=offset: shifted(c.ref, "hari", o)
                                if c.ref else None, deictic=True))
    for m in scan(_FOLLOWING, text, starts.opening(_OPENS_FOLLOWING, starts.days)):
        days = 1 if not m["n"] else (int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()])
        found.append(Candidate(m.start(), m.end(), _no_value, follows=days))
    for m in scan(_WEEKDAY, text, starts.opening(_OPENS_WEEKDAY)):
        if m["wd"].lower() == "minggu" and not m["wd2"] and means_week(text, m.start(), m.start("wd"), m.end("wd")):
            continue
        if _ORDINAL_AFTER.match(text[m.end():m.end() + 6]):
            continue  # "Minggu ke-3", or a date the explicit patterns rejected
        if word_before(text, m.start()) in _WEEKLY_SERVICES or _WEEKLY_LIST.search(text, max(0, m.start() - 40),
                                                                                     m.start()):
            continue  # "seusai ibadah Minggu", "tiap Jumat sore", "setiap Sabtu dan Minggu": every week
        found.append(Candidate(m.start(), m.end(), _weekday(m)))
    return found


def _no_value(_ctx: DateContext, _start: int, _end: int) -> str | None:
    """The resolver of a form that ``dates.find_dates`` resolves itself (``Candidate.follows``)."""
    return None


# What is held on a weekday every week: "ibadah Minggu", "sekolah Minggu", "misa Jumat", "tiap Jumat".
_WEEKLY_SERVICES = frozenset({"ibadah", "kebaktian", "misa", "sekolah", "salat", "sholat", "shalat",
                              "tiap", "setiap", "saban"})

# A weekday listed after a weekly one: the "Minggu" of "setiap Sabtu dan Minggu" (the search ends
# where the weekday starts).
_WEEKLY_LIST = re.compile(rf"(?i:\b(?:tiap|setiap|saban)\s+(?:hari\s+)?){WEEKDAY_RE}"
                          rf"(?:\s*,\s*{WEEKDAY_RE})*\s*(?:,\s*)?(?:dan|atau|serta|,)\s*(?i:hari\s+)?$")


def _bare_month(text: str, m: re.Match[str]) -> list[Candidate]:
    """A month with no day or year beside it counts only after a cue ("akhir Agustus", "pada Mei")."""
    lead = m["lead"].strip()
    if not lead and DAY_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return []  # the month of "20 Desember lalu", a day
    cue = lead.split()[0].lower() if lead else word_before(text, m.start())
    relation = (m["rel"] or "").strip()
    if cue not in MONTH_CUES and not relation and not m["yrel"]:
        return []
    start = m.start() if lead else m.start("m")
    month = month_number(m["m"])
    if m["yrel"]:
        return [Candidate(start, m.end(), in_year_from_writing(m["yrel"].lower(), lambda y: iso_month(y, month)),
                           deictic=True)]

    def resolve(ctx: DateContext, s: int, e: int) -> str | None:
        if ctx.ref is None:
            return None
        tense: Tense | None = {"lalu": "past", "depan": "future", "mendatang": "future"}.get(relation)
        if ctx.year is not None and not tense:
            return iso_month(ctx.year, month)
        if tense is None and cue in ("sejak", "semenjak"):
            tense = "past"  # "sejak Desember", written in February: the December before
        return iso_month(year_for(month, None, ctx.ref, tense or ctx.tense(s, e)), month)

    return [Candidate(start, m.end(), resolve)]


# "musim haji 1445 H/2024 M": the Gregorian year written after the Hijri one, with its era ("Masehi").
_HIJRI_THEN_GREGORIAN = re.compile(r"\d\s?H/\Z")
_MASEHI = re.compile(r"\s?(?:M|(?i:masehi))(?!\w)")
# A year listed after another ("pada 2024 dan 2025"): a year as the first is.
_YEAR_LISTED = re.compile(rf"(?<!\d){YEAR_RE},?\s+(?:dan|serta|atau|hingga|sampai)\s+\Z")
_CONSTITUTION = re.compile(r"(?:Undang-Undang\s+Dasar|UUD)(?:\s+Negara\s+Republik\s+Indonesia)?\s+(?:Tahun\s+)?\Z")
# A minimum wage's year, after its acronym, its bracket or its region ("upah minimum provinsi (UMP)
# 2025", "UMP DKI Jakarta 2024", "UMK Kota Bekasi 2025"): the year it is paid in.
_WAGE_YEAR = re.compile(r"\b(?:UMP|UMK|UMR|UMSK)\)?(?:\s+[A-Z][\w.]*){0,3}\s+\Z")
_LAW_NUMBER = re.compile(r"(?i:nomor|no\.)\s*\d+\s+(?i:tahun)\s+\Z")


def _year(text: str, m: re.Match[str]) -> list[Candidate]:
    """ "tahun 2016", "pada 2019", "2023-2024", "1990-an"; not "2000 orang" or "(2000 GMT)"."""
    year = int(m["y"])
    lead = m["lead"].strip()
    if m["y2"] and int(m["y2"]) <= year:
        return []
    before, after = word_before(text, m.start()), word_after(text, m.end())
    if _HIJRI_THEN_GREGORIAN.search(text, max(0, m.start() - 10), m.start()) and _MASEHI.match(text, m.end()):
        return [Candidate(m.start(), m.end(), lambda _c, _s, _e, v=str(year): v, explicit=True)]
    if after in NOT_YEAR_AFTER or before in NOT_YEAR_BEFORE:
        return []
    if _LAW_NUMBER.search(text, max(0, m.start() - 24), m.start() + len(m["lead"])) \
            or _CONSTITUTION.search(text, max(0, m.start() - 60), m.start()):
        return []  # "Undang-Undang Nomor 23 Tahun 2014", "UUD 1945": a law's number and year, not a time
    bracketed = text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")"
    if not (lead or m["y2"] or bracketed or before in YEAR_CUES or before in YEAR_NOUNS or after in ("lalu", "silam")
            or _YEAR_LISTED.search(text, max(0, m.start() - 16), m.start())
            or _WAGE_YEAR.search(text, max(0, m.start() - 40), m.start())):
        return []
    decade = f"{year}/{year + 9}" if year % 10 == 0 else None
    value = decade if m["an"] else iso_span(str(year), m["y2"] or str(year))
    return [Candidate(m.start(), m.end(), lambda _c, _s, _e: value, explicit=True)] if value else []


def _period(unit: str, relation: str) -> Resolver:
    delta = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[relation]
    return lambda ctx, _s, _e: shifted(ctx.ref, unit, delta) if ctx.ref else None


def _part_of_year(qualifier: str) -> Resolver:
    """ "akhir tahun" said in September is this December if ahead ("harga pulih akhir tahun"),
    last December if already past ("telah turun pada akhir tahun")."""
    month = {"awal": 1, "pertengahan": 6, "medio": 6, "akhir": 12}[qualifier]

    def resolve(ctx: DateContext, start: int, end: int) -> str | None:
        return iso_year(year_for(month, None, ctx.ref, ctx.tense(start, end))) if ctx.ref else None

    return resolve


_UNTIL = re.compile(r"\b(?:hingga|sampai)\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;!?]|$)")


def _weekday(m: re.Match[str]) -> Resolver:
    weekday = WEEKDAYS[m["wd"].lower()]
    last = WEEKDAYS[m["wd2"].lower()] if m["wd2"] else None
    relation = " ".join((m["rel"] or "").split()).replace("minggu ", "pekan ") or None

    def resolve(ctx: DateContext, start: int, end: int) -> str | None:
        tense = ctx.tense(start, end) if relation not in ("lalu", "kemarin", "depan", "mendatang") else None
        if (tense is None and relation is None and _UNTIL.search(ctx.text, max(0, start - 8), start)
                and _CLAUSE_END.match(ctx.text, end)):
            # "sekolah diliburkan hingga Jumat.": a decision reaching forward; "realisasi belanja
            # hingga Senin baru mencapai 35 persen" is a state as of a day past, the clause going on
            tense = "future"
        first = resolve_weekday(weekday, ctx.ref, ctx.anchors_near(), tense, relation)
        if first is None or last is None:
            return iso_day(first)
        return iso_span(iso_day(first), iso_day(plus_days(first, (last - weekday) % 7)))

    return resolve
