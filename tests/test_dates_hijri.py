"""Hijri dates: their Gregorian day where the article settles it, else the month(s) it lies in.

Indonesia's government, Saudi Arabia's Umm al-Qura calendar and Muhammadiyah may start a
Hijri month a day apart (1 Syawal 1444 H was Friday 21 April 2023 in Saudi Arabia and
Saturday 22 April in Indonesia), so a Hijri date alone is never given a day it may not be.
"""

from __future__ import annotations

from datetime import date

import pytest

from dossier.extract.dates import find_dates

LEBARAN_2024 = date(2024, 4, 14)  # published the Sunday after Idul Fitri 1445 H


def dates(text: str, published: date | None = LEBARAN_2024) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


@pytest.mark.parametrize(("text", "expected"), [
    # A Gregorian day written beside it, in the same sentence, settles the day ...
    ("Pemerintah menetapkan 1 Syawal 1445 H jatuh pada Rabu (10/4/2024).",
     [("1 Syawal 1445", "2024-04-10"), ("Rabu (10/4/2024)", "2024-04-10")]),
    ("Sidang isbat digelar pada 29 Ramadan 1445 H atau Selasa (9/4/2024) petang.",
     [("29 Ramadan 1445", "2024-04-09"), ("Selasa (9/4/2024)", "2024-04-09")]),
    # ... and so does the weekday written before it (one of the three days has it).
    ("Muhammadiyah merayakan Idul Fitri pada Rabu, 1 Syawal 1445 H.", [("Rabu, 1 Syawal 1445", "2024-04-10")]),
    ("Lebaran 1444 H jatuh pada Sabtu, 1 Syawal 1444 Hijriah.", [("Sabtu, 1 Syawal 1444", "2023-04-22")]),
    # Unsettled: the Gregorian month the possible days lie in, not a day that may be wrong.
    ("Tahun Baru Islam 1 Muharram 1446H diperingati dengan pawai obor.", [("1 Muharram 1446", "2024-07")]),
    ("Harga daging naik sepanjang Ramadan 1445 H.", [("Ramadan 1445", "2024-03/2024-04")]),
    ("Harga daging naik sepanjang Ramadhan 2024.", [("Ramadhan 2024", "2024-03/2024-04")]),
    # Spellings: KBBI's and the Arabic-style ones.
    ("Jemaah wukuf pada 9 Dzulhijjah 1445 H.", [("9 Dzulhijjah 1445", "2024-06")]),
    ("Peringatan Maulid Nabi pada 12 Rabiul Awal 1446 H.", [("12 Rabiul Awal 1446", "2024-09")]),
])
def test_hijri_dates_are_read_and_settled_only_by_the_text(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert dates(text) == expected


def test_a_settled_day_settles_the_other_days_of_its_month() -> None:
    text = ("Puncak haji, wukuf di Arafah pada 9 Zulhijah 1445 H, diperkirakan jatuh pada Sabtu (15/6/2024). "
            "Jemaah menginap di Mina hingga 13 Zulhijah.")
    assert dates(text, date(2024, 5, 13)) == [
        ("9 Zulhijah 1445", "2024-06-15"), ("Sabtu (15/6/2024)", "2024-06-15"), ("13 Zulhijah", "2024-06-19")]


def test_a_month_is_given_in_days_where_its_start_and_the_next_months_are_settled() -> None:
    first = "Pemerintah menetapkan 1 Ramadan 1445 H jatuh pada Selasa (12/3/2024). "
    month = "Selama Ramadan 1445 H, pasar ramai."
    # Its length is not settled by its start (Indonesia's Ramadan 1445 H had 29 days, Umm al-Qura's 30).
    assert dates(first + month)[2] == ("Ramadan 1445", "2024-03-12/2024-04")
    last = "Lebaran, 1 Syawal 1445 H, jatuh pada Rabu (10/4/2024). "
    assert dates(first + last + month)[4] == ("Ramadan 1445", "2024-03-12/2024-04-09")


def test_a_gregorian_day_in_another_sentence_or_off_the_window_settles_nothing() -> None:
    two_sentences = "Rapat digelar Senin (8/4/2024). Lebaran jatuh pada 1 Syawal 1445 H."
    assert dates(two_sentences)[1] == ("1 Syawal 1445", "2024-04")
    # 15 April is no day 1 Syawal 1445 can be: a second date in the sentence, not its equivalent.
    assert dates("Cuti dari 1 Syawal 1445 H hingga Senin (15/4/2024).")[0] == ("1 Syawal 1445", "2024-04")


def test_a_day_without_its_year_takes_the_articles_one_hijri_year() -> None:
    text = "Musim haji 1446 H dimulai. Jemaah tiba di Mina pada 10 Zulhijah."
    assert dates(text, date(2024, 9, 3)) == [("10 Zulhijah", "2025-06")]
    # Two years written (a comparison): the day is the one nearest the publication, as with none.
    text = ("Tahun lalu, 1 Syawal 1444 H jatuh pada dua hari berbeda. Tahun ini 1 Syawal 1445 H jatuh pada "
            "Rabu (10/4/2024), dan cuti bersama berakhir pada 8 Syawal.")
    assert dates(text)[-1] == ("8 Syawal", "2024-04-17")


@pytest.mark.parametrize(("text", "expected"), [
    ("Jemaah tiba di Mina pada 10 Zulhijah.", "2024-06"),  # the nearest 10 Zulhijah: 1445 H
    ("Jemaah akan tiba di Mina pada 10 Zulhijah.", "2025-06"),  # the next: 1446 H
    ("Jemaah telah tiba di Mina pada 10 Zulhijah.", "2024-06"),
])
def test_a_day_without_any_year_is_the_one_nearest_the_publication_in_its_tense(text: str, expected: str) -> None:
    assert dates(text, date(2024, 9, 3)) == [("10 Zulhijah", expected)]


@pytest.mark.parametrize("text", [
    "Muharram (40) ditangkap polisi. Rajab mengatakan ia tidak tahu.",  # names, no day or year beside them
    "Selama bulan Ramadan, pasar ramai.",  # a season without its year
    "Musim haji 1445 H telah usai.",  # a Hijri year alone spans two Gregorian years
    "Sebanyak 12 Safari dan 3 Rajawali dikerahkan.",  # words that begin like a month
])
def test_no_hijri_date(text: str) -> None:
    assert dates(text) == []


def test_an_article_with_no_hijri_month_is_read_as_before() -> None:
    text = "Rapat digelar Senin (11/9/2023) di Jakarta dan dilanjutkan 13 September."
    assert dates(text, date(2023, 9, 14)) == [("Senin (11/9/2023)", "2023-09-11"), ("13 September", "2023-09-13")]


def test_days_counted_from_lebaran_once_the_article_settles_it() -> None:
    text = ("Pemerintah menetapkan 1 Syawal 1445 H jatuh pada Rabu, 10 April 2024. Masa angkutan Lebaran "
            "berlaku dari H-7 hingga H+8. Puncak arus balik terjadi pada H+4, dan jalan ramai pada H-3 Natal.")
    assert dates(text)[2:] == [("H-7 hingga H+8", "2024-04-03/2024-04-18"), ("H+4", "2024-04-14")]
    # Unsettled Lebaran: the count is a date mention without a day; "H" is never a name.
    assert dates("Arus mudik padat sejak H-3.") == [("H-3", None)]
