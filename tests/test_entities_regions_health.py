"""Regional and health news read right: regencies named after an island and compass words,
districts listed after the first, hospitals named after a doctor or a place, regional agencies
and health centres before their region.

Each rule came from the held-out articles of stop 26 (tests/fixtures/generalization/
klb-campak-sumba-barat-daya, bus-peziarah-terguling-tol-pemalang-batang) and is tested here on
other sentences.  No known entities: the gazetteer's shipped lexicons only.
"""

import pytest
from entity_text import extract, found


@pytest.mark.parametrize(("sentence", "place"), [
    ("Tim medis dikirim ke Sumba Barat Daya pekan ini.", "Sumba Barat Daya"),
    ("Bupati Flores Timur meninjau lokasi longsor.", "Flores Timur"),
    ("Bupati Lombok Tengah meresmikan bendungan itu.", "Lombok Tengah"),  # ("lombok" is a word too)
    ("Nelayan dari Halmahera Selatan ikut mencari korban.", "Halmahera Selatan"),
])
def test_a_regency_named_after_an_island_and_its_compass_words_is_one_place(bare, sentence, place):
    assert found(extract(sentence, bare)) == {("place", place): [place]}


def test_an_island_is_a_place_after_a_cue_but_an_island_that_is_a_word_is_none_without(bare):
    assert found(extract("Kapal itu berlayar ke Sumba dan Flores.", bare)) == {
        ("place", "Sumba"): ["Sumba"], ("place", "Flores"): ["Flores"]}
    assert found(extract("Buru babi di hutan lindung dilarang.", bare)) == {}


@pytest.mark.parametrize(("sentence", "places"), [
    ("Kasus ditemukan di Kecamatan Kodi Utara, Kodi Bangedo, dan Wewewa Barat.",
     ["Kodi Utara", "Kodi Bangedo", "Wewewa Barat"]),  # (the second shares the first's first word)
    ("Rombongan berasal dari Kecamatan Citeureup, Babakan Madang, dan Sukaraja.",
     ["Citeureup", "Babakan Madang", "Sukaraja"]),  # (Madang, a town in Papua New Guinea, is the district's)
])
def test_the_districts_listed_after_a_place_are_places_whole(bare, sentence, places):
    x = found(extract(sentence, bare))
    assert sorted(name for kind, name in x if kind == "place") == sorted(places)
    assert all(kind == "place" for kind, _ in x)


def test_a_person_after_a_place_and_a_comma_is_still_the_person(bare):
    x = found(extract("Ia warga Jakarta, Budi Santoso, dan istrinya.", bare))
    assert ("person", "Budi Santoso") in x


def test_the_region_a_unit_serves_ends_in_a_compass_word_though_no_list_holds_it(bare):
    assert found(extract("Puskesmas Wewewa Barat kehabisan vaksin.", bare)) == {
        ("organization", "Puskesmas"): ["Puskesmas"], ("place", "Wewewa Barat"): ["Wewewa Barat"]}
    assert found(extract("Forum Ekonomi Timur digelar pekan lalu di Vladivostok.", bare)) == {
        ("place", "Vladivostok"): ["Vladivostok"]}


@pytest.mark.parametrize("hospital", ["RSUD dr. M. Ashari", "RSUD Reda Bolo", "RSUP Dr. Sardjito"])
def test_a_hospital_named_after_a_doctor_or_a_place_is_one_organisation(bare, hospital):
    x = found(extract(f"Korban dirawat di {hospital} sejak Senin.", bare))
    assert x == {("organization", hospital): [hospital]}


def test_a_regional_agency_and_a_health_centre_come_before_their_region(bare):
    x = found(extract("Dinkes NTT meminta pemantauan. Kasus pertama dilaporkan Puskesmas Kodi Utara.", bare))
    assert x == {("organization", "Dinas Kesehatan"): ["Dinkes"], ("place", "Nusa Tenggara Timur"): ["NTT"],
                 ("organization", "Puskesmas"): ["Puskesmas"], ("place", "Kodi Utara"): ["Kodi Utara"]}


def test_a_resident_is_of_a_place_and_an_apposed_capital_makes_a_place(bare):
    x = found(extract("Kristina Bora (29), warga Kodi Bangedo, mengaku anaknya demam. Kasus juga dilaporkan di "
                      "Waikabubak, ibu kota Kabupaten Sumba Barat.", bare))
    assert x[("place", "Kodi Bangedo")] == ["Kodi Bangedo"]
    assert x[("place", "Waikabubak")] == ["Waikabubak"]  # ("ibu" alone is a title: Mrs.)
    assert x[("person", "Kristina Bora")] == ["Kristina Bora"]


def test_a_name_before_an_age_is_a_name_though_its_first_word_is_a_word(bare):
    x = found(extract("Sopir bus, Untung Wibowo (46), selamat. Penyidik belum dapat memeriksa Untung.", bare))
    assert x == {("person", "Untung Wibowo"): ["Untung Wibowo", "Untung"]}


def test_the_acronym_of_a_lowercase_term_and_a_number_plates_letters_name_nothing(bare):
    x = found(extract("Pemkab menetapkan status kejadian luar biasa (KLB) campak. Status KLB berlaku sebulan. "
                      "Bus bernomor polisi F 7521 UA itu melaju kencang. Organisasi Kesehatan Dunia (WHO) "
                      "memantau.", bare))
    assert ("organization", "KLB") not in x and ("organization", "UA") not in x
    assert x[("organization", "WHO")] == ["Organisasi Kesehatan Dunia", "WHO"]  # (a name's acronym stays)


def test_the_one_who_mengaku_speaks_and_a_later_pronoun_verb_points_back_to_them(bare):
    x = extract("“Campak bukan penyakit ringan,” ujar dokter Agustina Ndapa.\n\nSalah satu orang tua pasien, "
                "Kristina Bora (29), warga Kodi Bangedo, mengaku anaknya demam. \"Puskesmas jauh dari kampung "
                "kami,\" tuturnya.", bare)
    assert [q.speaker for q in x.quotes] == ["Agustina Ndapa", "Kristina Bora"]


def test_a_bugis_name_is_one_person_also_named_without_its_dropped_given_names(bare):
    x = found(extract('"Partisipasi harus naik," ujar Sekretaris Daerah Maluku Andi Muh. Daeng Matutu di Banjarmasin. '
                      '"Kami siap," kata Kusuma. Andi Muh. Daeng Matutu mengaku sudah menyurati KPU. '
                      '"Kami sudah berkoordinasi," kata Daeng Matutu.', bare))
    assert x[("person", "Andi Muh. Daeng Matutu")] == ["Andi Muh. Daeng Matutu", "Andi Muh. Daeng Matutu",
                                                       "Daeng Matutu"]
    assert ("organization", "Andi Muh.") not in x
