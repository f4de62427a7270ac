"""Hajj and disaster news read right: the hajj's institutions and airlines, airports and faults
as places, titles written as abbreviations, codes and coordinates that name nothing.

Each rule came from the held-out articles written late in stop 26 (tests/fixtures/
generalization/kloter-pertama-embarkasi-padang-terbang-ke-madinah, gempa-magnitudo-62-guncang-
sigi) and is tested here on other sentences.  No known entities: the shipped lexicons only.
"""

import pytest
from entity_text import extract, found


def test_a_directorate_with_a_two_word_acronym_and_a_ministry_of_two_fields_are_whole(bare):
    x = found(extract("Direktorat Jenderal Penyelenggaraan Haji dan Umrah (Ditjen PHU) mencatat kuota. Ditjen PHU "
                      "juga menambah petugas. Kementerian Haji dan Umrah Arab Saudi mewajibkan kartu Nusuk.", bare))
    assert x[("organization", "Direktorat Jenderal Penyelenggaraan Haji dan Umrah")] == [
        "Direktorat Jenderal Penyelenggaraan Haji dan Umrah", "Ditjen PHU", "Ditjen PHU"]
    assert x[("organization", "Kementerian Haji dan Umrah")] == ["Kementerian Haji dan Umrah"]
    assert x[("place", "Arab Saudi")] == ["Arab Saudi"]


def test_a_ministrys_regional_office_is_a_post_and_the_ministry_the_organisation(bare):
    x = found(extract("Kepala Kantor Wilayah Kementerian Agama (Kemenag) Sumatera Barat, Mahyuddin Tanjung, "
                      "hadir.", bare))
    assert x[("organization", "Kementerian Agama")] == ["Kementerian Agama", "Kemenag"]
    assert ("person", "Mahyuddin Tanjung") in x


@pytest.mark.parametrize(("sentence", "mentions"), [
    ("Jemaah terbang dengan pesawat Garuda Indonesia dari Padang.", ["Garuda Indonesia"]),
    ("Saudi Arabian Airlines (Saudia) melayani lima embarkasi.", ["Saudi Arabian Airlines", "Saudia"]),
])
def test_an_airline_is_an_organisation_not_a_place_or_a_person(bare, sentence, mentions):
    x = found(extract(sentence, bare))
    assert mentions in [names for (kind, _), names in x.items() if kind == "organization"]
    assert not any(kind == "person" for kind, _ in x)
    assert ("place", "Indonesia") not in x


def test_an_airport_and_its_acronym_and_a_fault_are_places(bare):
    x = found(extract("Mereka terbang dari Bandara Internasional Minangkabau (BIM) malam ini. Di BIM jemaah antre. "
                      "Gempa dipicu Sesar Palu-Koro.", bare))
    assert x[("place", "Bandara Internasional Minangkabau")] == ["Bandara Internasional Minangkabau", "BIM", "BIM"]
    assert x[("place", "Sesar Palu-Koro")] == ["Sesar Palu-Koro"]
    assert not any(kind == "organization" for kind, _ in x)


def test_a_regency_named_by_two_places_and_a_division_word_before_a_city_named_like_it(bare):
    x = found(extract("Jemaah berasal dari Kota Padang, Kabupaten Padang Pariaman, dan Kota Pariaman.", bare))
    assert x == {("place", "Padang"): ["Padang"], ("place", "Padang Pariaman"): ["Padang Pariaman"],
                 ("place", "Pariaman"): ["Pariaman"]}  # ("Kota" is also a city in India)


def test_after_asal_a_word_and_a_name_are_a_place(bare):
    x = found(extract("Jemaah tertua, Rahmah binti Sulaiman (92), asal Lubuk Alung, berangkat.", bare))
    assert x == {("person", "Rahmah binti Sulaiman"): ["Rahmah binti Sulaiman"],
                 ("place", "Lubuk Alung"): ["Lubuk Alung"]}  # ("lubuk" is a word)


@pytest.mark.parametrize(("sentence", "person"), [
    ("Dokter tim haji, dr. Rini Marlina Sikumbang, Sp.PD, mengingatkan jemaah.", "Rini Marlina Sikumbang"),
    ("Ketua PMI Sigi, Moh. Rizal Pakaya, mengatakan kebutuhan mendesak.", "Moh. Rizal Pakaya"),
])
def test_a_name_after_an_abbreviated_title_or_opening_with_a_dropped_name_is_whole(bare, sentence, person):
    x = found(extract(sentence, bare))
    assert x[("person", person)] == [person]
    assert ("organization", "PD") not in x  # (a specialist's degree)


def test_codes_and_coordinates_name_nothing(bare):
    x = found(extract("Kloter PDG-01 berangkat. Pusat gempa di koordinat 1,38 LS dan 120,06 BT, dekat Kilometer 56. "
                      "PDG-02 menyusul.", bare))
    assert x == {}


def test_a_name_listed_after_two_places_is_a_place(bare):
    x = found(extract("Guncangan terasa di Palu, Donggala, dan Parigi Moutong.", bare))
    assert x[("place", "Parigi Moutong")] == ["Parigi Moutong"]
    assert ("person", "Budi Santoso") in found(extract("Hadir Gubernur Jawa Barat, Wali Kota Bandung, dan Budi "
                                                         "Santoso.", bare))


def test_a_name_set_off_by_commas_before_a_verb_of_saying_is_a_person_though_a_word_is_a_title(bare):
    x = found(extract("Direktur Jenderal Penyelenggaraan Haji dan Umrah Kemenag, Nashrul Hakim Assegaf, mengatakan "
                      "jadwal aman.", bare))
    assert x[("person", "Nashrul Hakim Assegaf")] == ["Nashrul Hakim Assegaf"]  # ("hakim": a judge)
    x = found(extract("Warga Desa Tukamasea di Bantimurung mengaku belum menikmati air.", bare))
    assert ("place", "Bantimurung") in x and not any(kind == "person" for kind, _ in x)


def test_an_embarkation_names_its_city(bare):
    assert found(extract("Tahun ini Embarkasi Padang melayani 4.611 jemaah.", bare)) == {
        ("place", "Padang"): ["Padang"]}  # ("padang" is a word: a field)


@pytest.mark.parametrize(("sentence", "acronym", "person"), [
    ("Kepala Pusat Gempa Bumi dan Tsunami BMKG, Hendro Wicaksono, mengatakan gempa dipicu sesar.", "BMKG",
     "Hendro Wicaksono"),
    ("Kepala Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB, Rudy Suharto, menyebut bantuan tiba.", "BNPB",
     "Rudy Suharto"),
])
def test_the_acronym_ending_a_long_title_is_the_institution_of_the_person_after_the_comma(bare, sentence, acronym,
                                                                                          person):
    assert found(extract(sentence, bare)) == {("organization", acronym): [acronym], ("person", person): [person]}


def test_a_dateline_city_in_capitals_is_not_cut_to_its_last_word(bare):
    x = found(extract("PALANGKA RAYA, KABARNUSANTARA.ID - Banjir merendam 56 rumah di Palangka Raya.", bare))
    assert list(x) == [("place", "Palangka Raya")]


def test_a_group_letter_after_di_and_a_teams_nickname_are_no_place_or_airline(bare):
    x = found(extract("Indonesia tergabung di Grup A bersama Qatar. Skuad Garuda Muda terbang Sabtu.", bare))
    assert x == {("place", "Indonesia"): ["Indonesia"], ("place", "Qatar"): ["Qatar"]}
