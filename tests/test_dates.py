"""Dates in Indonesian news text: each rule as a short example, then the seed articles
against hand-checked expectations (tests/expected/dates/<slug>.yaml) scored by F1.

Unless a test says otherwise the article was published on Thursday 14 September 2023.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.content import load_articles, parse_article
from dossier.extract.dates import find_dates, weekday_mismatch
from dossier.models import Article
from dossier.text import split_sentences

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "expected" / "dates"
THURSDAY = date(2023, 9, 14)
ISO_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")


def dates(text: str, published: date | None = THURSDAY) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


# ------------------------------------------------------------------ explicit dates


@pytest.mark.parametrize(("text", "expected"), [
    ("Rapat digelar 11 September 2023 di Jakarta.", [("11 September 2023", "2023-09-11")]),
    ("Kebijakan itu berlaku sejak 11/9/2023.", [("11/9/2023", "2023-09-11")]),
    ("Presiden berpidato di Istana, Senin (11/9/2023).", [("Senin (11/9/2023)", "2023-09-11")]),
    ("Diterbitkan Senin, 2 Oktober 2023 pukul 10.00 WIB.", [("Senin, 2 Oktober 2023", "2023-10-02")]),
    ("Sel Okt 3 , 2023", [("Sel Okt 3 , 2023", "2023-10-03")]),
    ("Kam Sep 14 , 2023", [("Kam Sep 14 , 2023", "2023-09-14")]),
    ("KTT itu berakhir September 13, 2023 di Jakarta.", [("September 13, 2023", "2023-09-13")]),
    ("Ia lahir 1 Jan 1990 dan menikah 5 Agt 2015.", [("1 Jan 1990", "1990-01-01"), ("5 Agt 2015", "2015-08-05")]),
    ("Server mati pada 2023-09-11 dini hari.", [("2023-09-11", "2023-09-11")]),
    ("KTT G20 berlangsung pada 9-10 September 2023.", [("9-10 September 2023", "2023-09-09/2023-09-10")]),
    ("KTT itu digelar 9-10 September.", [("9-10 September", "2023-09-09/2023-09-10")]),  # the full stop is not
    ("Ia lahir di Jakarta, 5 Mei 1980.", [("5 Mei 1980", "1980-05-05")]),
    ("Sidang digelar Jum'at (15/9/2023).", [("Jum'at (15/9/2023)", "2023-09-15")]),
    ("Pertemuan di New York pada 9/13/2023.", [("9/13/2023", "2023-09-13")]),  # a US-ordered wire date
])
def test_explicit_dates_are_their_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


def test_a_weekday_in_front_of_the_date_belongs_to_the_span() -> None:
    text = "Pernyataan di situs web Kremlin, Senin (11/9/2023), menyatakan kunjungan itu."
    (mention,) = find_dates(text, None)
    assert (mention.text, mention.value) == ("Senin (11/9/2023)", "2023-09-11")
    assert text[mention.start:mention.end] == mention.text


def test_each_day_of_a_list_is_a_date() -> None:
    assert dates("Sidang digelar pada 9 dan 10 September 2023.") == [("9", "2023-09-09"),
                                                                    ("10 September 2023", "2023-09-10")]
    assert dates("Festival pada 5, 6, dan 7 Oktober di Bali.") == [("5", "2023-10-05"), ("6", "2023-10-06"),
                                                                  ("7 Oktober", "2023-10-07")]


def test_a_date_without_its_year_takes_the_year_of_the_article() -> None:
    assert dates("Kim dijadwalkan bertemu Putin pada Rabu (13/9).", date(2023, 9, 12)) == [("Rabu (13/9)",
                                                                                           "2023-09-13")]
    assert dates("Upacara digelar 17 Agustus di Istana.") == [("17 Agustus", "2023-08-17")]
    assert dates("Upacara digelar 17 Agustus di Istana.", None) == [("17 Agustus", None)]


def test_a_word_after_a_yearless_date_says_which_year() -> None:
    assert dates("Mereka bertemu pada 20 Desember lalu.", date(2024, 1, 10)) == [("20 Desember", "2023-12-20")]
    assert dates("Pemilu digelar 14 Februari mendatang.") == [("14 Februari", "2024-02-14")]
    assert dates("Harga naik Desember lalu.", date(2024, 1, 10)) == [("Desember lalu", "2023-12")]


def test_a_weak_tense_cue_does_not_move_a_date_by_a_year() -> None:
    text = "Pemilu digelar pada Rabu, 14 Februari 2024, dan hasilnya diumumkan pada 20 Maret."
    assert dates(text, date(2024, 3, 6)) == [("Rabu, 14 Februari 2024", "2024-02-14"), ("20 Maret", "2024-03-20")]


def test_two_digit_years_in_slashed_dates() -> None:
    assert dates("Rapat Selasa (12/9/23) ditunda.") == [("Selasa (12/9/23)", "2023-09-12")]


def test_a_date_that_does_not_exist_is_kept_as_written_but_undetermined() -> None:
    assert dates("Tanggal 31/9/2023 dan 30 Februari 2023 tidak pernah ada.") == [("31/9/2023", None),
                                                                                ("30 Februari 2023", None)]


# ------------------------------------------------------------------ ranges


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Forum dijadwalkan pada Minggu hingga Selasa (10-13/9/2023) di Vladivostok.", THURSDAY,
     [("Minggu hingga Selasa (10-13/9/2023)", "2023-09-10/2023-09-13")]),
    ("Sidang berlangsung 10-13 September 2023 di Bali.", THURSDAY,
     [("10-13 September 2023", "2023-09-10/2023-09-13")]),
    ("Konferensi akan diadakan 10 hingga 13 September di Bali.", date(2023, 9, 5),
     [("10 hingga 13 September", "2023-09-10/2023-09-13")]),
    ("Festival berlangsung 28 Agustus - 2 September 2023.", THURSDAY,
     [("28 Agustus - 2 September 2023", "2023-08-28/2023-09-02")]),
    ("Pameran dibuka Juli-Agustus 2023.", THURSDAY, [("Juli-Agustus 2023", "2023-07/2023-08")]),
    ("Data periode 2020-2022 menunjukkan kenaikan.", THURSDAY, [("2020-2022", "2020/2022")]),
    ("Tren utama untuk diperhatikan pada 2023-2024.", THURSDAY, [("2023-2024", "2023/2024")]),
    ("Konser digelar Sabtu dan Minggu (16-17/9) di GBK.", THURSDAY,
     [("Sabtu dan Minggu (16-17/9)", "2023-09-16/2023-09-17")]),
    ("Pameran digelar Senin hingga Rabu pekan depan.", THURSDAY,
     [("Senin hingga Rabu pekan depan", "2023-09-18/2023-09-20")]),
])
def test_ranges(text: str, published: date, expected: list[tuple[str, str]]) -> None:
    assert dates(text, published) == expected


# ------------------------------------------------------------------ months and years


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Dia bepergian ke sana sekali sebelumnya pada bulan Juli 2000.", THURSDAY, [("bulan Juli 2000", "2000-07")]),
    ("Pertemuan di Vostochny dalam perang di Ukraina April 2022.", THURSDAY, [("April 2022", "2022-04")]),
    ("Pada akhir Agustus, sebuah delegasi melakukan perjalanan ke Moskow.", date(2023, 9, 5),
     [("akhir Agustus", "2023-08")]),
    ("Kedua menteri telah bertemu pada Desember.", date(2024, 1, 10), [("Desember", "2023-12")]),
    ("Pemilu akan digelar pada Februari.", date(2023, 11, 20), [("Februari", "2024-02")]),
    ("Mei Ling datang ke Jakarta bersama Juni.", THURSDAY, []),  # names, not months: no cue word
])
def test_months(text: str, published: date, expected: list[tuple[str, str]]) -> None:
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kota itu tempat pertemuan pertama Putin dengan Kim pada 2019.", [("2019", "2019")]),
    ("Peluncuran roket pertamanya berlangsung pada tahun 2016.", [("tahun 2016", "2016")]),
    ("Konflik berlangsung sejak 2014.", [("2014", "2014")]),
    ("Wabah itu muncul pada akhir 2019 dan awal tahun 2020.", [("akhir 2019", "2019"), ("awal tahun 2020", "2020")]),
    ("Harga naik pada tahun 1990-an.", [("tahun 1990-an", "1990/1999")]),
    # a minimum wage's year, after its acronym, its bracket or its region
    ("Buruh menuntut upah minimum provinsi (UMP) 2025 naik.", [("2025", "2025")]),
    ("UMP DKI Jakarta 2024 naik dari UMP 2023.", [("2024", "2024"), ("2023", "2023")]),
    ("UMK Kota Bekasi 2025 ditetapkan.", [("2025", "2025")]),
])
def test_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


# ------------------------------------------------------------------ relative dates and tense


@pytest.mark.parametrize(("text", "expected"), [
    # what is planned or possible lies ahead of Thursday 14 September ...
    ("Kim dapat mengunjungi pabrik pesawat pada hari Jumat.", [("hari Jumat", "2023-09-15")]),
    ("Dia kemudian bisa pergi ke Vladivostok pada hari Sabtu.", [("hari Sabtu", "2023-09-16")]),
    ("Menteri akan berkunjung ke Bandung Senin.", [("Senin", "2023-09-18")]),
    ("Forum itu dijadwalkan dibuka Selasa.", [("Selasa", "2023-09-19")]),
    ("Kereta diperkirakan tiba pada Jumat pagi.", [("Jumat pagi", "2023-09-15")]),
    ("BMKG memperkirakan hujan lebat turun hingga Sabtu.", [("Sabtu", "2023-09-16")]),
    ("Hujan lebat masih berpotensi turun hingga Jumat.", [("Jumat", "2023-09-15")]),
    # a decision reaching forward "until" a weekday, in a clause with no tense of its own
    ("Pemerintah kota meliburkan seluruh sekolah hingga Jumat.", [("Jumat", "2023-09-15")]),
    ("Jalan itu ditutup sampai Senin.", [("Senin", "2023-09-18")]),
    ("Pedagang memperkirakan harga pulih akhir tahun.", [("akhir tahun", "2023")]),
    # ... what has happened lies behind it
    ("Menteri telah tiba di Vladivostok pada Senin.", [("Senin", "2023-09-11")]),
    ("Kim berangkat dari Pyongyang Selasa malam.", [("Selasa malam", "2023-09-12")]),
    ("Kereta itu meninggalkan Pyongyang pada Minggu malam.", [("Minggu malam", "2023-09-10")]),
    ("Kantor berita resmi mengatakan Kamis bahwa keduanya membahas banyak hal.", [("Kamis", "2023-09-14")]),
    ("Harga telah naik pada akhir tahun.", [("akhir tahun", "2022")]),
    # words after the weekday
    ("Kami bertemu Senin lalu.", [("Senin lalu", "2023-09-11")]),
    ("Pameran dibuka Rabu depan.", [("Rabu depan", "2023-09-20")]),
    ("Rapat digelar Senin pekan lalu.", [("Senin pekan lalu", "2023-09-04")]),
])
def test_weekdays_follow_the_tense_of_their_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


def test_last_monday_said_on_a_monday_is_a_week_ago() -> None:
    assert dates("Kami bertemu Senin lalu.", date(2023, 9, 11)) == [("Senin lalu", "2023-09-04")]


def test_a_quotation_does_not_lend_its_tense_to_the_words_around_it() -> None:
    # "akan" is the minister's future; the attribution "kata ..., Selasa" is a past statement.
    assert dates("“Kami akan bertemu lagi,” kata Menteri, Selasa.") == [("Selasa", "2023-09-12")]


def test_the_articles_own_dates_decide_a_bare_weekday() -> None:
    text = ("Kremlin mengumumkan kunjungan itu Senin (11/9/2023). "
            "Kereta terlihat di perbatasan hingga pukul 17.00 WIB pada Senin.")
    assert dates(text, date(2023, 9, 12)) == [("Senin (11/9/2023)", "2023-09-11"), ("Senin", "2023-09-11")]


def test_without_a_publication_date_the_articles_dates_are_the_reference() -> None:
    text = "Laporan KCNA, Selasa (12/9/2023), menyebut Kim telah tiba pada Senin."
    assert dates(text, None) == [("Selasa (12/9/2023)", "2023-09-12"), ("Senin", "2023-09-11")]


def test_a_look_back_is_dated_by_its_own_dates_but_last_year_is_the_writers() -> None:
    text = ("Setahun lalu, Kim bertemu Putin pada Rabu (13/9/2023). Putin telah tiba pada Senin, "
            "dan pada akhir Agustus delegasi Korea Utara berkunjung.")
    assert dates(text, date(2024, 9, 20)) == [("Setahun lalu", "2023"), ("Rabu (13/9/2023)", "2023-09-13"),
                                              ("Senin", "2023-09-11"), ("akhir Agustus", "2023-08")]


def test_what_the_text_does_not_settle_is_none_not_a_guess() -> None:
    assert dates("Harga beras naik pada Rabu.") == [("Rabu", None)]  # no tense, no date to lean on
    assert dates("Menteri telah tiba pada Senin.", None) == [("Senin", None)]  # nothing to count from
    assert dates("Tahun lalu harga naik.", None) == [("Tahun lalu", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Tahun lalu, AS menuduh Korea Utara mengirim peluru.", [("Tahun lalu", "2022")]),
    ("Pyongyang telah gagal dua kali tahun ini.", [("tahun ini", "2023")]),
    ("Kedua negara akan menggelar latihan bersama tahun depan.", [("tahun depan", "2024")]),
    ("Inflasi bulan lalu turun.", [("bulan lalu", "2023-08")]),
    ("Pertemuan itu terjadi dua tahun lalu.", [("dua tahun lalu", "2021")]),
    ("Pertemuan itu terjadi beberapa tahun lalu.", []),  # no particular year
    ("Ia tiba kemarin dan akan pulang besok; hari ini ia rapat.",
     [("kemarin", "2023-09-13"), ("besok", "2023-09-15"), ("hari ini", "2023-09-14")]),
    ("Posko dibuka sejak kemarin malam; malam ini hujan.",
     [("kemarin malam", "2023-09-13"), ("malam ini", "2023-09-14")]),
])
def test_relative_years_months_and_days(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "tahun lalu" after a date without its year is that date's year: one expression
    ("Banjir besar melanda kota itu pada akhir Januari tahun lalu.", [("akhir Januari tahun lalu", "2022-01")]),
    ("Sejak Januari tahun lalu harga naik.", [("Januari tahun lalu", "2022-01")]),
    ("Pemilu digelar 14 Februari tahun depan.", [("14 Februari tahun depan", "2024-02-14")]),
    ("Posko dibuka 5 Maret tahun ini.", [("5 Maret tahun ini", "2023-03-05")]),
    ("Rapat digelar 5, 6, dan 7 Januari tahun lalu.",
     [("5", "2022-01-05"), ("6", "2022-01-06"), ("7 Januari tahun lalu", "2022-01-07")]),
    # a sentence that opens with its year ("Tahun lalu, …", "Pada 2019, …") dates what follows in it
    ("Tahun lalu, banjir besar melanda kota itu pada akhir Januari.",
     [("Tahun lalu", "2022"), ("akhir Januari", "2022-01")]),
    ("Pada 2019, banjir terjadi 5 Januari.", [("2019", "2019"), ("5 Januari", "2019-01-05")]),
    ("Tahun depan, pada Maret, pemilu digelar.", [("Tahun depan", "2024"), ("Maret", "2024-03")]),
    # ... but only in that sentence, and only when the year opens it
    ("Tahun lalu harga naik. Pada 5 Januari banjir melanda.", [("Tahun lalu", "2022"), ("5 Januari", "2023-01-05")]),
    ("Banjir 2019 terjadi pada 5 Januari.", [("5 Januari", "2023-01-05")]),
    # the months of a list are in the year written after its last one
    ("Rapat digelar pada Januari, Februari, dan Maret 2022.",
     [("Januari", "2022-01"), ("Februari", "2022-02"), ("Maret 2022", "2022-03")]),
    ("Banjir terjadi akhir Januari dan awal Maret 2021.",
     [("akhir Januari", "2021-01"), ("awal Maret 2021", "2021-03")]),
    ("Rapat digelar pada Januari dan Maret tahun lalu.", [("Januari", "2022-01"), ("Maret tahun lalu", "2022-03")]),
    ("Harga naik pada Januari dan turun pada Maret 2022.", [("Januari", "2023-01"), ("Maret 2022", "2022-03")]),
    # ... and so are the days written before them
    ("Banjir terjadi pada 5 Januari dan Maret 2021.", [("5 Januari", "2021-01-05"), ("Maret 2021", "2021-03")]),
    ("Banjir terjadi Januari, 7 Februari, dan Maret 2021.",
     [("Januari", "2021-01"), ("7 Februari", "2021-02-07"), ("Maret 2021", "2021-03")]),
    ("Banjir terjadi pada 5 Januari dan 9 Maret tahun lalu.",
     [("5 Januari", "2022-01-05"), ("9 Maret tahun lalu", "2022-03-09")]),
])
def test_the_year_a_date_is_given_by_tahun_lalu_after_it_or_by_its_sentence(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


# ------------------------------------------------------------------ not dates


@pytest.mark.parametrize("text", [
    "Mereka telah mengirimkan senjata ke Ukraina dalam 17 bulan terakhir.",
    "Perjalanan itu berlangsung sekitar 10 hari.",
    "Ini pertemuan puncak pertama mereka dalam empat tahun terakhir.",
    "Pertemuan itu terjadi sekitar sebulan sebelumnya.",
    "Kunjungan berlangsung dalam beberapa hari ke depan.",
    "Kereta belum menyeberangi jembatan hingga pukul 17.00 WIB atau (1000 GMT).",
    "Sebuah delegasi sekitar 20 pejabat terbang ke Moskow.",
    "Tempat itu berjarak sekitar 950 mil ke utara Vladivostok.",
    "Sebanyak 2000 orang hadir di lapangan.",
    "Kereta diperkirakan tiba di tujuan pada sore hari waktu setempat.",
    "Harga kopi turun tajam minggu ini dan minggu depan.",
    "Minggu lalu, harga beras naik lagi.",  # "last week", not "last Sunday"
    "Harga Beras Naik Dua Minggu Berturut-turut",  # title-cased headings: weeks too
    "Harga Beras Minggu Ini",
    "Pada Minggu ke-3 bulan itu panen dimulai.",
    "Pertandingan digelar di Stadion 10 November Surabaya.",  # names with a day in them
    "Jalan 17 Agustus ditutup untuk kendaraan.",
    "Tragedi 11 September mengubah politik luar negeri AS.",
    "Putusan MK Nomor 90/PUU-XXI/2023 menuai kritik.",
])
def test_not_dates(text: str) -> None:
    assert dates(text) == []


# ------------------------------------------------------------------ weekday conflicts


def test_the_numbers_win_over_a_wrong_weekday_and_the_conflict_can_be_flagged() -> None:
    (mention,) = find_dates("Forum digelar Minggu hingga Selasa (10-13/9/2023).", THURSDAY)
    assert mention.value == "2023-09-10/2023-09-13"  # 13 September 2023 was a Wednesday
    assert weekday_mismatch(mention.text, mention.value)


@pytest.mark.parametrize(("text", "value", "conflict"), [
    ("Minggu hingga Selasa (10-13/9/2023)", "2023-09-10/2023-09-13", True),
    ("Minggu hingga Rabu (10-13/9/2023)", "2023-09-10/2023-09-13", False),
    ("Sabtu dan Minggu (16-17/9)", "2023-09-16/2023-09-17", False),
    ("Selasa (11/9/2023)", "2023-09-11", True),
    ("Senin (11/9/2023)", "2023-09-11", False),
    ("Kam Sep 14 , 2023", "2023-09-14", False),
    ("11 September 2023", "2023-09-11", False),
    ("bulan Juli 2000", "2000-07", False),
])
def test_weekday_mismatch(text: str, value: str, conflict: bool) -> None:
    assert weekday_mismatch(text, value) is conflict


# ------------------------------------------------------------------ contract


FRAGMENTS = ("Senin (11/9/2023)", "Minggu hingga Selasa (10-13/9/2023)", "akhir Agustus", "pada 2019", "Kamis",
             "tahun lalu", "pukul 17.00 WIB", "(1000 GMT)", "20 pejabat", "17 bulan terakhir", "Sep 14 , 2023",
             "10 hingga 13 September", "bulan Juli 2000", "akan", "telah", "“", "”", ".", ",", "(", ")", "-", "/",
             "Minggu", "minggu", "hari", "2023", "9", "12", "Juli", "Rabu (13/9)", "kemarin", "\n\n", "Jum'at")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25), st.lists(st.sampled_from(("", " ", "  ")), max_size=25),
       st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_mentions_are_exact_ordered_disjoint_spans_with_iso_values(
        parts: list[str], gaps: list[str], published: date | None) -> None:
    text = "".join(p + (gaps[i] if i < len(gaps) else " ") for i, p in enumerate(parts))
    mentions = find_dates(text, published)
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.value is None or ISO_VALUE.fullmatch(m.value), m
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start


def test_sentences_are_only_a_help() -> None:
    for article in _articles().values():
        assert find_dates(article.text, article.published, split_sentences(article.text)) == \
            find_dates(article.text, article.published)


# ------------------------------------------------------------------ the seed articles


def _articles() -> dict[str, Article]:
    return {a.slug: a for a in load_articles(REPO / "content")}


def _expected(slug: str, folder: Path = EXPECTED) -> list[tuple[str, str | None]]:
    items = yaml.safe_load((folder / f"{slug}.yaml").read_text(encoding="utf-8")) or []
    return [(item["text"], item["date"]) for item in items]


def _generalization_articles() -> dict[str, Article]:
    folder = REPO / "tests" / "fixtures" / "generalization"
    return {f"generalization-{p.stem}": parse_article(p.read_text(encoding="utf-8"), p) for p in folder.glob("*.md")}


def _seed_slugs() -> list[str]:
    return sorted(p.stem for p in EXPECTED.glob("*.yaml") if not p.stem.startswith("generalization-"))


def _score(found: list[tuple[str, str | None]], expected: list[tuple[str, str | None]]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives; a span with the wrong value is both an FP and an FN."""
    hits = sum((Counter(found) & Counter(expected)).values())
    return hits, len(found) - hits, len(expected) - hits


def test_every_seed_article_is_annotated_and_every_annotation_is_in_its_text() -> None:
    articles = _articles()
    assert set(_seed_slugs()) == set(articles)
    for slug in _seed_slugs():
        article = articles[slug]
        for span, value in _expected(slug):
            assert span in article.text, (slug, span)
            assert value is None or ISO_VALUE.fullmatch(value), (slug, value)


def _f1(articles: dict[str, Article], folder: Path = EXPECTED) -> tuple[float, dict[str, tuple[list, list]]]:
    totals = [0, 0, 0]
    misses: dict[str, tuple[list, list]] = {}
    for slug in sorted(articles):
        article = articles[slug]
        found, expected = dates(article.text, article.published), _expected(slug, folder)
        for i, n in enumerate(_score(found, expected)):
            totals[i] += n
        if found != expected:
            misses[slug] = (sorted(set(found) - set(expected), key=str), sorted(set(expected) - set(found), key=str))
    tp, fp, fn = totals
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), misses


def test_seed_articles_f1() -> None:
    f1, misses = _f1(_articles())
    assert f1 >= 0.90, (f1, misses)


def test_held_out_articles_f1() -> None:
    """Articles written for the date extractor and annotated before it was run on them."""
    folder = EXPECTED / "held-out"
    articles = {p.stem: parse_article(p.read_text(encoding="utf-8"), p) for p in folder.glob("*.md")}
    assert articles
    f1, misses = _f1(articles, folder)
    assert f1 >= 0.90, (f1, misses)


def test_generalization_articles_f1() -> None:
    """Articles written for testing, never looked at while writing the rules."""
    articles = _generalization_articles()
    assert {f"{slug}.yaml" for slug in articles} <= {p.name for p in EXPECTED.glob("generalization-*.yaml")}
    f1, misses = _f1(articles)
    assert f1 >= 0.90, (f1, misses)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sepanjang 2023, polisi mencatat 14 kecelakaan.", [("2023", "2023")]),
    ("Sepanjang 200 meter jalan itu rusak.", []),
    ("Gereja mengumumkan jadwal imunisasi seusai ibadah Minggu.", []),  # the weekly service
    ("Anak-anak ikut sekolah Minggu di gereja itu.", []),
])
def test_a_year_throughout_and_a_weekly_service_is_no_day(text, expected):
    assert dates(text) == expected



def test_a_laws_number_and_year_is_no_date():
    assert dates("Perubahan atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.") == []
    assert dates("Peraturan Pemerintah No. 5 Tahun 2021 berlaku sejak tahun 2021.") == [("tahun 2021", "2021")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pada musim haji 2023, sebanyak 774 jemaah wafat.", [("2023", "2023")]),
    ("Perseroan melaporkan laba bersih 2023 sebesar Rp 412 miliar.", [("2023", "2023")]),
    ("Dari 41 RUU dalam Prolegnas prioritas 2025, baru tiga yang rampung.", [("2025", "2025")]),
    ("Kuota haji musim haji 1445 H/2024 M sebanyak 241.000 orang.", [("2024", "2024")]),  # after the Hijri year
    ("Sebanyak 2023 orang hadir, mencapai 2025 unit.", []),  # counts
    ("Tiket dijual 1500/2024 lembar.", []),  # a slash before a number is no Hijri year's
])
def test_a_year_after_the_noun_it_dates_or_after_a_hijri_year(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Polisi menangkap RS, Senin (14/10) malam. MFA menyerahkan diri keesokan harinya.",
     [("Senin (14/10)", "2023-10-14"), ("keesokan harinya", "2023-10-15")]),
    ("Ia dirawat sejak 3 September dan meninggal dua hari kemudian.",
     [("3 September", "2023-09-03"), ("dua hari kemudian", "2023-09-05")]),
    ("Pameran berlangsung 4 hingga 8 September, lalu sehari setelahnya ditutup.",
     [("4 hingga 8 September", "2023-09-04/2023-09-08"), ("sehari setelahnya", "2023-09-09")]),
    ("Keesokan harinya, warga berkumpul.", [("Keesokan harinya", None)]),  # after no day written
    ("Pesawat mendarat sekitar sembilan jam kemudian.", []),  # hours, not days
])
def test_the_day_after_the_day_written_last(text, expected):
    assert dates(text) == expected


def test_the_constitutions_year_is_no_date():
    text = "Pasal itu bertentangan dengan Undang-Undang Dasar Negara Republik Indonesia Tahun 1945 (UUD 1945)."
    assert dates(text) == []
    assert dates("Indonesia merdeka pada tahun 1945.") == [("tahun 1945", "1945")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pada kuartal IV, perusahaan menargetkan 6,5 juta penumpang.", [("kuartal IV", "2023-10/2023-12")]),
    ("Kinerja kuartal pertama melemah.", [("kuartal pertama", "2023-01/2023-03")]),
    ("Ia mahasiswa semester kedua.", []),  # a student's term, not half of a year
    ("Saya naik kereta hampir tiap Jumat sore.", []),  # every Friday, no day in particular
])
def test_a_quarter_without_its_year_and_a_weekly_habit(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Suku bunga bisa turun lagi pada kuartal IV. Ia memproyeksikan itu.", [("kuartal IV", "2023-10/2023-12")]),
    ("Inflasi terkendali pada 2024 dan 2025, kata dia.", [("2024", "2024"), ("2025", "2025")]),
    ("Sebanyak 2023 dan 2024 orang hadir.", []),
])
def test_a_quarter_ending_its_sentence_and_a_year_listed_after_another(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Musim tanam berlangsung Desember 2024 hingga Maret 2025.",
     [("Desember 2024 hingga Maret 2025", "2024-12/2025-03")]),
    ("Empat belas tahun lalu perusahaan itu datang.", [("Empat belas tahun lalu", "2009")]),
    ("Dua puluh tahun lalu desa ini sepi.", [("Dua puluh tahun lalu", "2003")]),
])
def test_a_month_range_across_years_and_a_count_of_years_in_words(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the attribution names the day the words were said: "kemarin" is the day before it
    ('"Kemarin sore ombak sudah tinggi," tutur Marwah saat ditemui di puskesmas, Selasa.',
     [("Kemarin sore", "2023-09-11"), ("Selasa", "2023-09-12")]),
    ('“Puncak kepadatan kami perkirakan malam ini,” kata Rizky di pos pengamanan, Senin (11/9/2023) sore.',
     [("malam ini", "2023-09-11"), ("Senin (11/9/2023)", "2023-09-11")]),
    ('"Kami siap melayani kapal mulai bulan depan," ujar Nainggolan di Biak, 30 Agustus 2023.',
     [("bulan depan", "2023-09"), ("30 Agustus 2023", "2023-08-30")]),
    # no day in the attribution, or the day is in the next sentence: from the day of writing
    ('"Kemarin ombak sudah tinggi," tutur Marwah. Selasa (12/9) ia pulang.',
     [("Kemarin", "2023-09-13"), ("Selasa (12/9)", "2023-09-12")]),
    # narration outside the quotation is read from the day of writing
    ('Kemarin, "ombak sudah tinggi," tutur Marwah, Selasa.', [("Kemarin", "2023-09-13"), ("Selasa", "2023-09-12")]),
])
def test_a_relative_day_inside_a_quotation_counts_from_the_day_it_was_said(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a day written without its year settles a bare weekday of the same name, as a full date does
    ("Api dinyalakan Rabu (13/9). Umat berdoa di candi pada Rabu malam.",
     [("Rabu (13/9)", "2023-09-13"), ("Rabu malam", "2023-09-13")]),
    ("Pameran dibuka 12 September. Pengunjung memadati aula pada Selasa.",
     [("12 September", "2023-09-12"), ("Selasa", "2023-09-12")]),
    # a weekday listed after a weekly one is weekly too
    ("Posyandu buka setiap Sabtu dan Minggu.", []),
    ("Klinik melayani tiap Senin, Rabu, dan Jumat pagi.", []),
    # a month after "sejak", with no tense to say otherwise, is the last one
    ("Kasus meningkat sejak Desember.", [("Desember", "2022-12")]),
])
def test_a_yearless_day_settles_a_weekday_a_weekly_list_and_a_month_since(text, expected):
    assert dates(text) == expected
