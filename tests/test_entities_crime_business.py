"""Crime and business news read right: suspects by initials and age, police unit heads,
investors and platforms, English business titles, a short name taught in brackets, currency
letters, and the quarters of a year.

Each rule came from the held-out articles written last in stop 26 (tests/fixtures/
generalization/polresta-yogyakarta-tangkap-pembacok-mahasiswa, startup-lumbung-raih-
pendanaan-series-b) and is tested here on other sentences.  No known entities.
"""

import pytest
from entity_text import extract, found

from dossier.extract.dates import find_dates


def test_suspects_named_by_initials_and_age_are_no_organisations(bare):
    x = found(extract("Polisi menangkap RS (24) dan AP (19). MFA (17) menyerahkan diri. Berkas RS dan AP rampung. "
                      "Kasat Reskrim Polresta Yogyakarta Kompol Guntur Wibisono memimpin penangkapan.", bare))
    assert not any(name in ("RS", "AP", "MFA", "Kasat Reskrim") for _, name in x)
    assert ("person", "Guntur Wibisono") in x


def test_investors_platforms_and_english_titles(bare):
    x = found(extract("Managing Partner Kallang Ventures, Daniel Tan Wei Jie, menilai pasar sehat. Pendanaan diikuti "
                      "East Ventures. Co-founder sekaligus Chief Executive Officer (CEO) Agro Niaga, Surya "
                      "Hadiwijaya, berjualan di Tokopedia dan Shopee.", bare))
    assert x[("organization", "Kallang Ventures")] == ["Kallang Ventures"]
    assert x[("organization", "East Ventures")] == ["East Ventures"]
    assert ("person", "Daniel Tan Wei Jie") in x and ("person", "Surya Hadiwijaya") in x
    assert ("organization", "Tokopedia") in x and ("organization", "Shopee") in x
    assert not any("Chief" in name or name == "CEO" for _, name in x)


def test_a_short_name_taught_in_brackets_is_the_company_though_it_is_a_word(bare):
    x = found(extract("PT Lumbung Tani Digital (Lumbung) meraih pendanaan senilai US$ 45 juta. Lumbung menghubungkan "
                      "petani. Di lumbung desa, gabah menumpuk. PT Jasa Raharja (Persero) membayar santunan.", bare))
    assert x[("organization", "PT Lumbung Tani Digital")] == ["PT Lumbung Tani Digital", "Lumbung", "Lumbung"]
    assert ("organization", "US") not in x and ("organization", "Persero") not in x


@pytest.mark.parametrize(("text", "expected"), [
    ("GMV pada kuartal III 2024 naik dari kuartal III 2023.", [("kuartal III 2024", "2024-07/2024-09"),
                                                               ("kuartal III 2023", "2023-07/2023-09")]),
    ("Pendanaan pada semester I 2024 turun.", [("semester I 2024", "2024-01/2024-06")]),
    ("Laba triwulan kedua 2023 naik.", [("triwulan kedua 2023", "2023-04/2023-06")]),
    ("Ia kini kuliah di semester 3.", []),
])
def test_a_quarter_or_half_of_a_year_is_its_months(text, expected):
    from datetime import date
    assert [(m.text, m.value) for m in find_dates(text, date(2024, 11, 20))] == expected


def test_a_weekday_the_source_was_met_or_last_spoken_to_is_past():
    from datetime import date
    text = ('Ia terakhir kali berbicara dengan anaknya pada Jumat malam. "Saya minta keadilan," ungkap Sri saat '
            'ditemui di rumah duka, Senin.')
    assert [(m.text, m.value) for m in find_dates(text, date(2024, 10, 16))] == [
        ("Jumat malam", "2024-10-11"), ("Senin", "2024-10-14")]
