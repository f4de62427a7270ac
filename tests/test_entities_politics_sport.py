"""Parliament and badminton news read right: a minister after the short form of the title,
bills and roman numerals that name nothing, any of three names as a short form, badminton
clubs, federations and venues.

Each rule came from the held-out articles written last in stop 26 (tests/fixtures/
generalization/komisi-ii-dpr-sepakati-ruu-pemda-dibawa-ke-paripurna, raka-gilang-ke-semifinal-
indonesia-open) and is tested here on other sentences.  No known entities.
"""

from entity_text import extract, found


def test_a_name_after_a_titles_short_form_in_brackets_is_a_person(bare):
    x = found(extract("Rapat itu dihadiri Menteri Keuangan (Menkeu) Bagus Wirawan di gedung DPR.", bare))
    assert x[("person", "Bagus Wirawan")] == ["Bagus Wirawan"]  # ("bagus" is a word)


def test_bills_and_a_commissions_roman_numeral_name_nothing_alone(bare):
    x = found(extract("RUU Pemda dibahas Komisi II DPR. Komisi II lalu menyetujui RUU itu.", bare))
    assert ("organization", "RUU") not in x and ("organization", "II") not in x
    assert x[("organization", "Komisi II DPR")] == ["Komisi II DPR"]


def test_a_person_named_with_three_names_may_be_called_by_the_middle_one(bare):
    x = found(extract('Wakil Ketua Fraksi PKS, Ahmad Fauzan Hasibuan, menolak. "Pasal itu rawan," jelas Fauzan.', bare))
    assert x[("person", "Ahmad Fauzan Hasibuan")] == ["Ahmad Fauzan Hasibuan", "Fauzan"]


def test_a_name_of_three_words_after_a_title_keeps_a_first_name_that_is_a_word(bare):
    x = found(extract("Tunggal putra Bintang Cahya Ramadhan lolos ke semifinal. Bintang menang mudah.", bare))
    assert x == {("person", "Bintang Cahya Ramadhan"): ["Bintang Cahya Ramadhan", "Bintang"]}


def test_badminton_clubs_federations_venues_and_tournaments(bare):
    x = found(extract("Gilang, jebolan klub PB Djarum di Kudus, menang di Istora. Federasi Bulu Tangkis Dunia (BWF) "
                      "mencatat rekor penonton Indonesia Open 2025. Federasi Rusia tidak mengirim pemain.", bare))
    assert x[("organization", "PB Djarum")] == ["PB Djarum"]
    assert x[("place", "Istora Senayan")] == ["Istora"]
    assert x[("organization", "Federasi Bulu Tangkis Dunia")] == ["Federasi Bulu Tangkis Dunia", "BWF"]
    assert x[("place", "Rusia")] == ["Federasi Rusia"]
    assert ("place", "Open") not in x and ("organization", "PB") not in x


def test_a_players_position_is_a_title_before_a_name_set_off_by_commas(bare):
    x = found(extract("Penyerang Dewa United, Bagus Prasetyo Aji, membuka keunggulan pada menit ke-34.", bare))
    assert x == {("organization", "Dewa United"): ["Dewa United"],
                 ("person", "Bagus Prasetyo Aji"): ["Bagus Prasetyo Aji"]}
