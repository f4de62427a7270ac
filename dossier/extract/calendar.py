"""Indonesian calendar words, tense cues and the date arithmetic behind ``dates.py``.

Kept apart from the patterns of date expressions so the rules that decide *which* day a
word means (tense, reference day, the article's own dates) read on their own and are
testable without regexes.  The words are also offered as regex pieces (``MONTH_RE``,
``WEEKDAY_RE``...) so the patterns and the arithmetic share one vocabulary.  Everything
here is pure; the vocabularies are constants because they are facts of the language,
not configuration.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Literal

Tense = Literal["past", "future"]

# Month names as they appear in Indonesian clippings, including English ones copied from wires.
MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
# Names safe to read as a month with no day or year beside them ("akhir Agustus"); the
# abbreviations are not ("Mar", "Des", "Jun" are also names and words).
FULL_MONTHS = frozenset(name for name in MONTHS if len(name) > 4) | {"mei", "may", "juni", "juli", "june", "july"}

# Monday is 0, as in ``date.weekday()``.
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}
# Only ever read in front of an explicit date ("Kam Sep 14 , 2023", "Monday, 11 September").
WEEKDAY_PREFIXES: dict[str, int] = {
    "sen": 0, "sel": 1, "rab": 2, "kam": 3, "jum": 4, "sab": 5, "min": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11,
}

# Words that put the event after the reference day ("akan bertemu pada Sabtu") ...
FUTURE_WORDS = frozenset({
    "akan", "bakal", "hendak", "dijadwalkan", "direncanakan", "berencana", "rencananya", "diperkirakan",
    "diprediksi", "memperkirakan", "memprediksi", "diproyeksikan", "bisa", "dapat", "berpotensi", "berpeluang",
    "nanti", "mendatang", "segera", "besok",
})
# ... auxiliaries among them that turn a following past verb into a plan ("diperkirakan tiba").
FUTURE_AUXILIARIES = FUTURE_WORDS - {"nanti", "mendatang", "besok"}
# ... and words that put it before ("telah meninggalkan Pyongyang pada Senin"), including the
# reporting verbs: a statement quoted with a weekday ("mengatakan Kamis") was already made.
PAST_WORDS = frozenset({
    "telah", "sudah", "pernah", "tadi", "kemarin", "sebelumnya", "berangkat", "tiba", "meninggalkan",
    "pergi", "tewas", "meninggal", "mengatakan", "kata", "katanya", "ujar", "ujarnya", "ucap", "tutur",
    "menyatakan", "melaporkan", "dilaporkan", "dilansir", "dikutip", "mengumumkan", "diumumkan",
    "mengonfirmasi", "dikonfirmasi", "menyebutkan", "menegaskan", "menuturkan", "mengungkapkan",
    "ungkap", "ditemui", "dihubungi", "terakhir",  # "ungkap Sri saat ditemui …, Senin"; "terakhir kali"
})

# Words before a bare year that make it a year ("pada 2019"), or a quantity ("2000 orang").
YEAR_CUES = frozenset({
    "pada", "sejak", "hingga", "sampai", "sebelum", "setelah", "sesudah", "selama", "di", "dalam", "awal",
    "akhir", "pertengahan", "medio", "jelang", "menjelang", "per", "mulai", "periode", "tahun", "era", "dari",
    "antara", "tahun-tahun", "musim", "sepanjang", "in", "since", "until",
})
# Nouns that a year after them dates ("musim haji 2023", "laba bersih 2023", "Prolegnas
# prioritas 2025", "Pemilu 2024", "APBN 2025", "Piala Dunia 2026"): the year of a season, an
# account, a plan or an event.
YEAR_NOUNS = frozenset({
    "haji", "umrah", "mudik", "lebaran", "natal", "pemilu", "pilkada", "pilpres", "pileg", "apbn", "apbd",
    "anggaran", "prioritas", "laba", "bersih", "rugi", "pendapatan", "penjualan", "kinerja", "keuangan", "fiskal",
    "buku", "sensus", "olimpiade", "dunia", "games", "cup", "edisi", "angkatan", "kelas", "lulusan",
})
NOT_YEAR_BEFORE = frozenset({"pukul", "jam", "rp", "us$", "$", "no", "nomor", "kode", "nomer", "sekitar", "lebih",
                             "hampir", "kurang", "setidaknya", "sebanyak", "sejumlah", "mencapai", "total"})
NOT_YEAR_AFTER = frozenset({"gmt", "utc", "wib", "wita", "wit", "waktu", "orang", "jiwa", "unit", "buah", "ekor",
                            "kali", "mil", "km", "kilometer", "meter", "m", "ton", "kg", "dolar", "rupiah", "euro",
                            "pasukan", "tentara", "personel", "pejabat", "peluru", "rudal", "kapal", "pesawat",
                            "warga", "anggota", "hektare", "ha", "persen", "%"})
# Words before a month name that make it the month, not a name ("pada Mei", not "Mei Ling").
MONTH_CUES = frozenset({"pada", "sejak", "hingga", "sampai", "sebelum", "setelah", "sesudah", "selama", "jelang",
                        "menjelang", "per", "mulai", "awal", "akhir", "pertengahan", "medio", "bulan", "dari",
                        "antara", "in", "since", "until"})
# Words before "tahun lalu" that make it "some years ago", no particular year.
QUANTITY_BEFORE = frozenset({"beberapa", "banyak", "puluhan", "ratusan", "ribuan", "sekian", "berapa", "sejumlah",
                             "belasan", "para"}) | frozenset(NUMBER_WORDS)
# Words that can begin a date expression (with any number): where the patterns are tried.
TRIGGER_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(WEEKDAY_PREFIXES) | frozenset(NUMBER_WORDS) | {
    "jum", "awal", "akhir", "pertengahan", "medio", "tahun", "bulan", "hari", "kemarin", "besok", "lusa", "sehari",
    "sebulan", "setahun", "pagi", "siang", "sore", "malam", "kuartal", "triwulan", "semester", "keesokan",
    "keesokannya", "esok"}

FRAME_DAYS = 60  # explicit dates this close to publication are the news of the day, not history
_YEAR_SLACK = timedelta(days=31)

_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*)\s+\Z")
_LAST_WORD = re.compile(r"([^\s(]+)[\s(]*\Z")
_FIRST_WORD = re.compile(r"\s*([^\s,.;:)]+)")
_WEEK_AFTER = re.compile(r"\s+(?:lalu|depan|ini|ke-?\d|pertama|kedua|ketiga|terakhir|mendatang)\b", re.I)
DAY_BEFORE = re.compile(r"\d\s*\Z")  # a number just before: "20 Desember", "2 Minggu"
_WEEKDAY_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def shifted(ref: date, unit: str, amount: int) -> str | None:
    """ISO value ``amount`` days ("hari"), months ("bulan") or years ("tahun") from ``ref``,
    at that unit's precision: "tahun lalu" is a year, not the day a year ago.  None past
    either end of the calendar (years 1 to 9999): "besok" written on 9999-12-31 is no day
    an ISO date can name, and a guess would be worse than saying so."""
    if unit == "hari":
        day = plus_days(ref, amount)
        return day.isoformat() if day else None
    if unit == "bulan":
        return iso_month(*shift_months(ref.year, ref.month, amount))
    return iso_year(ref.year + amount)


def plus_days(day: date, days: int) -> date | None:
    """``day`` moved by ``days``, or None when that leaves the calendar (years 1 to 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the numbers are not one (31/9, 29/2 of a common year)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_month(year: int, month: int) -> str | None:
    """ "YYYY-MM", or None for a year outside 1..9999 (which ISO 8601's four digits cannot hold)."""
    return f"{year:04d}-{month:02d}" if MINYEAR <= year <= MAXYEAR else None


def iso_year(year: int) -> str | None:
    """ "YYYY", or None for a year outside 1..9999."""
    return f"{year:04d}" if MINYEAR <= year <= MAXYEAR else None


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def year_for(month: int, day: int | None, ref: date, tense: Tense | None) -> int:
    """Year of a date written without one ("10 September", "akhir Agustus").

    The reference year, unless the tense puts the event across the year boundary: "akan
    ... Februari" written in November is next February, "telah ... Desember" written in
    January is last December.  A month of slack keeps a weak cue from moving a date by a
    whole year: "hasilnya diumumkan pada 20 Maret", written on 6 March, is this March.
    """
    when = make_date(ref.year, month, day or 15) or date(ref.year, month, 28)
    if tense == "past" and when - ref > _YEAR_SLACK:  # (differences: ref ± slack may leave the calendar)
        return ref.year - 1
    if tense == "future" and ref - when > _YEAR_SLACK:
        return ref.year + 1
    return ref.year


def weekday_date(weekday: int, ref: date, direction: Literal["on_or_before", "before", "on_or_after", "after"]
                 ) -> date | None:
    """The day with ``weekday`` nearest ``ref`` in the given direction (None off the calendar)."""
    if direction in ("on_or_before", "before"):
        back = (ref.weekday() - weekday) % 7
        return plus_days(ref, -(back or (7 if direction == "before" else 0)))
    ahead = (weekday - ref.weekday()) % 7
    return plus_days(ref, ahead or (7 if direction == "after" else 0))


def resolve_weekday(weekday: int, ref: date | None, anchors: tuple[date, ...], tense: Tense | None,
                    relation: str | None = None) -> date | None:
    """The day a weekday name refers to, or None when the text does not settle it.

    ``relation`` is the word written after it: "lalu"/"kemarin" (last), "depan"/"mendatang"
    (next), "ini" (this week), "pekan lalu"/"pekan ini"/"pekan depan" (that day of the
    last, this or next Monday-to-Sunday week).  Otherwise the tense decides the direction from the
    reference day.  With no tense the article's own explicit dates decide: a bare "Senin"
    in an article that dates something "Senin (11/9/2023)" is that Monday.  Failing that,
    only the reference day itself is certain; any other day would be a guess.
    """
    if relation in ("pekan lalu", "pekan ini", "pekan depan"):
        if ref is None:
            return None
        weeks = {"pekan lalu": -1, "pekan ini": 0, "pekan depan": 1}[relation]
        return plus_days(ref, 7 * weeks + weekday - ref.weekday())
    if relation in ("lalu", "kemarin"):
        return weekday_date(weekday, ref, "before") if ref else None
    if relation in ("depan", "mendatang"):
        return weekday_date(weekday, ref, "after") if ref else None
    if ref is not None and tense == "past":
        return weekday_date(weekday, ref, "on_or_before")
    if ref is not None and tense == "future":
        return weekday_date(weekday, ref, "on_or_after")
    near = {a for a in anchors if a.weekday() == weekday and (ref is None or abs((a - ref).days) <= 7)}
    if len(near) == 1:
        return near.pop()
    if ref is not None and (ref.weekday() == weekday or relation == "ini"):
        return plus_days(ref, weekday - ref.weekday())
    return None


def reference_day(published: date | None, anchors: tuple[tuple[int, date], ...], position: int) -> date | None:
    """The day a relative date at ``position`` counts from.

    The publication date, when the article's explicit dates are about the same days (or it
    has none): "Senin" in a report is the Monday of the week it was written.  When they are
    far from it (a look back, or a missing or wrong publication date) the explicit dates
    frame the story: the nearest one written before the mention, else the first.
    """
    if published and (not anchors or any(abs((day - published).days) <= FRAME_DAYS for _, day in anchors)):
        return published
    before = [day for pos, day in anchors if pos < position]
    return before[-1] if before else (anchors[0][1] if anchors else published)


def reference_days(published: date | None, anchors: tuple[tuple[int, date], ...], positions: Sequence[int]
                   ) -> list[date | None]:
    """``reference_day`` for each of ``positions``, with ``anchors`` in text order.

    The same answers in one pass: whether the publication date frames the story does not
    depend on the position, and the nearest anchor before a position is found by bisection
    (asking ``reference_day`` per date read every anchor for every date of the article).
    """
    if published and (not anchors or any(abs((day - published).days) <= FRAME_DAYS for _, day in anchors)):
        return [published] * len(positions)
    starts = [pos for pos, _ in anchors]
    days: list[date | None] = []
    for position in positions:
        i = bisect_left(starts, position)
        days.append(anchors[i - 1][1] if i else (anchors[0][1] if anchors else published))
    return days


def weekday_number(name: str) -> int | None:
    """Weekday of a full or abbreviated weekday name, any case; None for other words."""
    key = name.lower().rstrip(".")
    return WEEKDAYS.get(key, WEEKDAY_PREFIXES.get(key))


def _days_of(value: str) -> list[date | None]:
    days: list[date | None] = []
    for side in value.split("/"):
        parts = side.split("-")
        days.append(make_date(int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else None)
    return days


def weekday_mismatch(mention_text: str, value: str) -> bool:
    """Does the weekday written in a mention contradict its numbers?

    Outlets get these wrong ("Minggu hingga Selasa (10-13/9/2023)": 13 September 2023 was a
    Wednesday).  The extractor keeps the numbers; this lets a later stage flag the
    conflict.  One weekday is checked against the (first) day, two against the two ends
    of a range; values without a day, or mentions without a weekday, never conflict.
    """
    named = [n for n in (weekday_number(w) for w in _WEEKDAY_WORD.findall(mention_text)) if n is not None]
    if not named or not value:
        return False
    days = _days_of(value)
    pairs = zip(named, days, strict=False) if len(named) > 1 else [(named[0], days[0])]
    return any(day is not None and day.weekday() != weekday for weekday, day in pairs)


# ------------------------------------------------------------------ the words as regex pieces


def _alternation(names: Iterable[str]) -> str:
    """Capitalised and UPPERCASE forms only: lowercase "minggu" is a week, "mei" a typo."""
    forms = {form for name in names for form in (name[0].upper() + name[1:], name.upper())}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _words_re(names: Iterable[str]) -> str:
    """Whole words; an abbreviation ("Sep", "Kam") may take its period, a full name may not
    ("9-10 September." ends the sentence)."""
    names = list(names)
    short = [n for n in names if n in _ABBREVIATIONS]
    full = [n for n in names if n not in _ABBREVIATIONS]
    return (rf"(?<!\w)(?:(?:{_alternation(full)})(?![\w'’])"
            + (rf"|(?:{_alternation(short)})(?:\.|(?![\w'’]))" if short else "") + ")")


_ABBREVIATIONS = frozenset(n for n in [*MONTHS, *WEEKDAY_PREFIXES] if len(n) <= 4 and n not in FULL_MONTHS)
MONTH_RE = _words_re(MONTHS)
FULL_MONTH_RE = _words_re(FULL_MONTHS)
WEEKDAY_RE = _words_re(WEEKDAYS)
WEEKDAY_PREFIX_RE = _words_re([*WEEKDAYS, *WEEKDAY_PREFIXES])
_DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])"


def day_group(name: str) -> str:
    """A day of the month (1-31) as a named group, not the tail of a longer number."""
    return rf"(?<![\d.,/])(?P<{name}>{_DAY_NUMBER})"


YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
RANGE_RE = r"\s*(?:-|–|—|s/d|s\.d\.?|(?i:hingga|sampai(?:\s+dengan)?))\s*"
QUALIFIER_RE = r"(?i:awal|akhir|pertengahan|medio)"
NUMBER_END = r"(?![\w/]|[.,:]\d)"  # a number ends here: not "2019.5", not "11/9/20231"


# ------------------------------------------------------------------ reading around a match


def word_before(text: str, start: int) -> str:
    """The word just before ``start``, lowercased, skipping an opening parenthesis.

    What ``_LAST_WORD`` finds in the 30 characters before ``start``, read from their end
    (the search tried the pattern at every one of them, reading on to the end each time).
    """
    stripped = text[max(0, start - 30):start].rstrip()
    while stripped.endswith("("):
        stripped = stripped[:-1].rstrip()
    if not stripped:
        return ""
    return stripped.rsplit(None, 1)[-1].rsplit("(", 1)[-1].lower().strip(",;:")


def word_after(text: str, end: int) -> str:
    """The word just after ``end``, lowercased."""
    match = _FIRST_WORD.match(text[end:end + 30])
    return match.group(1).lower() if match else ""


def at_sentence_start(text: str, start: int) -> bool:
    """Is ``start`` the first word of a sentence (where capitals say nothing)?"""
    before = text[:start].rstrip(" \t\"“(")
    return not before or before[-1] in ".!?…\n:”\""


def in_a_name(text: str, start: int) -> bool:
    """Does a capitalised word run into ``start``, making a day without its year part of a
    name ("Stadion 10 November", "Jalan 17 Agustus", "Tragedi 11 September")?"""
    match = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if not match:
        return False
    word = match.group(1).lower()
    return not (word in WEEKDAYS or word in WEEKDAY_PREFIXES or word in MONTH_CUES or word in YEAR_CUES
                or word in ("tanggal", "tgl"))


def means_week(text: str, start: int, word_start: int, word_end: int) -> bool:
    """Is the "Minggu" at [word_start, word_end) "week", not Sunday?  After a number ("Dua
    Minggu Berturut-turut"), and as "Minggu lalu/ini/depan" opening a sentence or in a
    title-cased line ("Harga Minggu Ini"); ``start`` is where its expression begins."""
    if word_before(text, word_start) in QUANTITY_BEFORE or DAY_BEFORE.search(text, max(0, word_start - 6), word_start):
        return True
    after = _WEEK_AFTER.match(text, word_end)
    return bool(after) and (at_sentence_start(text, start) or after.group(0).strip()[0].isupper())
