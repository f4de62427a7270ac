"""How the Indonesian press writes names, read right: honorifics, ages, departments named
after two fields, ministries' short names, family-name particles, Malay patronymics.

Each rule came from a held-out article (tests/fixtures/generalization/bulog-operasi-pasar-
beras-surabaya, filipina-vietnam-patroli-laut-china-selatan) and is tested here on other
sentences.  No known entities: the gazetteer's shipped lexicons only.
"""

import pytest
from entity_text import extract, found


@pytest.mark.parametrize(("text", "name"), [
    ("Pemimpin Wilayah Bulog Jawa Timur, Hj. Endang Sulastri, mengatakan stok aman.", "Endang Sulastri"),
    ("Kepala Dinas PU Ir. Bambang Susilo mengatakan jalan rusak.", "Bambang Susilo"),
    ("Menurut Drs. Ahmad Yani, stok aman.", "Ahmad Yani"),
])
def test_an_honorific_or_degree_before_a_name_is_no_part_of_it_nor_a_person(bare, text, name):
    people = [e.name for e in extract(text, bare).entities if e.type == "person"]
    assert people == [name]


def test_an_age_in_brackets_makes_the_name_before_it_a_person(bare):
    x = extract("Pedagang di Pasar Keputran, Sutrisno (52), mengaku omzetnya turun. "
                "\"Pembeli sekarang cuma beli dua atau tiga kilo saja,\" tuturnya.", bare)
    assert ("person", "Sutrisno") in found(x)
    assert [q.speaker for q in x.quotes] == ["Sutrisno"]
    # also a name that is a word, and an age written with "tahun"
    assert ("person", "Budi") in found(extract("Korban, Budi (7), dirawat di rumah sakit.", bare))
    assert ("person", "Rina Wati") in found(extract("Warga Bekasi, Rina Wati (34 tahun), mengaku rugi.", bare))


def test_brackets_that_hold_no_age_make_no_person(bare):
    x = extract("Sesuai Pasal 5 ayat (2), warga Jakarta (2/12) mendapat bantuan.", bare)
    assert not [e for e in x.entities if e.type == "person"]


def test_markets_are_places_and_task_forces_and_state_companies_organisations(bare):
    x = found(extract("Satgas Pangan Polda Jawa Timur memantau Pasar Wonokromo bersama Perum Bulog.", bare))
    assert ("organization", "Satgas Pangan") in x
    assert ("place", "Pasar Wonokromo") in x
    assert ("organization", "Perum Bulog") in x


@pytest.mark.parametrize(("text", "department"), [
    ("Patroli bersama Dinas Perindustrian dan Perdagangan diperluas ke Sidoarjo.",
     "Dinas Perindustrian dan Perdagangan"),
    ("Menurut Kementerian Kelautan dan Perikanan, stok ikan turun.", "Kementerian Kelautan dan Perikanan"),
    ("Kepala Dinas Perindustrian dan Perdagangan Jatim Budi Santoso mengatakan stok aman.",
     "Dinas Perindustrian dan Perdagangan"),
])
def test_a_department_named_after_two_fields_is_one_organisation(bare, text, department):
    organisations = [e.name for e in extract(text, bare).entities if e.type == "organization"]
    assert organisations == [department]


def test_dan_between_a_department_and_a_district_or_another_ministry_joins_nothing(bare):
    x = found(extract("Dinas Kesehatan dan Kelurahan Sukamaju bekerja sama.", bare))
    assert ("organization", "Dinas Kesehatan") in x and ("place", "Sukamaju") in x
    x = found(extract("Kementerian Pertanian dan Kementerian Perdagangan sepakat.", bare))
    assert ("organization", "Kementerian Pertanian") in x and ("organization", "Kementerian Perdagangan") in x


def test_a_ministrys_short_name_is_the_ministry(bare):
    x = found(extract("Kementerian Luar Negeri menyatakan menghormati kesepakatan itu. "
                      "Juru bicara Kemlu, Rizal Pratama, berharap perundingan rampung.", bare))
    assert x[("organization", "Kementerian Luar Negeri")] == ["Kementerian Luar Negeri", "Kemlu"]
    assert ("organization", "Kementerian Keuangan") in found(extract("Kemenkeu mencatat defisit.", bare))


def test_a_given_name_before_a_family_name_with_a_particle_stays_the_persons(bare):
    x = extract("Presiden Filipina Ramon Dela Cruz tiba di Hanoi. "
                "\"Kami tidak mencari konfrontasi dengan siapa pun,\" kata Dela Cruz.", bare)
    assert found(x)[("person", "Ramon Dela Cruz")] == ["Ramon Dela Cruz", "Dela Cruz"]
    assert [q.speaker for q in x.quotes] == ["Ramon Dela Cruz"]


def test_a_malay_name_is_called_by_any_of_its_own_names_before_bin(bare):
    x = extract("Peneliti di Singapura, Ahmad Faizal bin Osman, menilai langkah itu. "
                "\"Selama ini ASEAN sulit sekali bersatu,\" kata Faizal.", bare)
    assert found(x)[("person", "Ahmad Faizal bin Osman")] == ["Ahmad Faizal bin Osman", "Faizal"]
    assert [q.speaker for q in x.quotes] == ["Ahmad Faizal bin Osman"]


def test_the_hague_as_indonesian_writes_it_is_a_place(bare):
    x = found(extract("Klaim itu ditolak Mahkamah Arbitrase Permanen di Den Haag pada 2016.", bare))
    assert ("place", "Den Haag") in x
    assert ("organization", "Mahkamah Arbitrase Permanen") in x


def test_everyday_words_other_languages_share_are_vocabulary_not_places(bare):
    # "Natal" is Christmas in Indonesian and a Brazilian city: without a place cue it is the feast
    x = found(extract("Harga beras naik menjelang Natal dan Tahun Baru. Natal tahun ini ramai.", bare))
    assert not [name for kind, name in x if kind == "place"]
    assert ("place", "Natal") in found(extract("Kapal itu berlabuh di Natal, Brasil, pekan lalu.", bare))
