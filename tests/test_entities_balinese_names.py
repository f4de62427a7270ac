"""Balinese names read whole: the markers of caste and birth order that open them ("I Made",
"Anak Agung", "Ida Bagus") start a person's name even when its other words are vocabulary, and
the press's short forms (the name after the markers, or the birth-order name) are that person;
so is a nickname the article gives ("yang akrab disapa Gung Aji", "... Ojan").

From the first runs of stop 28's held-out articles (tests/fixtures/generalization/nyepi-saka-1946-
pecalang-bandara-ngurah-rai, buruh-tuntut-ump-2025-naik-patung-kuda) and stop 27's MK ruling; tested
here on other sentences.  No known entities: the shipped lexicons only.
"""

from entity_text import extract, found


def test_a_name_opened_by_a_noble_title_is_whole_though_its_words_are_vocabulary(bare):
    x = found(extract("Dua hakim, Anak Agung Gede Wirasana dan Rosmawati Daulay, menyampaikan pendapat "
                      "berbeda.", bare))
    assert x == {("person", "Anak Agung Gede Wirasana"): ["Anak Agung Gede Wirasana"],
                 ("person", "Rosmawati Daulay"): ["Rosmawati Daulay"]}


def test_a_balinese_name_after_a_title_and_its_region_is_the_person(bare):
    x = found(extract("Ketua PHDI Bali I Ketut Sudarsana hadir. Ida Bagus Gede Ngurah menambahkan.", bare))
    assert x[("person", "I Ketut Sudarsana")] == ["I Ketut Sudarsana"]
    assert x[("person", "Ida Bagus Gede Ngurah")] == ["Ida Bagus Gede Ngurah"]


def test_the_name_after_the_markers_and_the_birth_order_name_are_short_forms(bare):
    x = found(extract("Ketua serikat, I Made Suryawan Adnyana, menyatakan mogok. Menurut Suryawan, upah harus "
                      "naik. Petani I Wayan Sudana ikut. \"Kami lelah,\" kata Wayan.", bare))
    assert x[("person", "I Made Suryawan Adnyana")] == ["I Made Suryawan Adnyana", "Suryawan"]
    assert x[("person", "I Wayan Sudana")] == ["I Wayan Sudana", "Wayan"]


def test_an_airport_named_after_a_balinese_hero_stays_a_place(bare):
    x = found(extract("Penerbangan di Bandara I Gusti Ngurah Rai ditutup.", bare))
    assert x == {("place", "Bandara I Gusti Ngurah Rai"): ["Bandara I Gusti Ngurah Rai"]}


def test_a_name_set_off_by_commas_after_a_role_keeps_a_title_word_inside_it(bare):
    x = found(extract("Kepala Dinas Pariwisata Bali, Gede Putra Kemenuh, menyebut kunjungan naik.", bare))
    assert x[("person", "Gede Putra Kemenuh")] == ["Gede Putra Kemenuh"]


def test_a_title_ending_a_run_set_off_by_commas_is_no_name(bare):
    x = found(extract("Undang-undang tentang Pemilihan Gubernur, Bupati, dan Wali Kota disahkan.", bare))
    assert ("person", "Pemilihan Gubernur") not in x


def test_a_nickname_the_article_gives_is_the_person_wherever_it_is_written(bare):
    x = found(extract("Gol kedua dicetak Ahmad Fauzan Nur, gelandang Persebaya Surabaya yang akrab disapa Ojan. "
                      "Bek lawan diusir setelah menjatuhkan Ojan.", bare))
    assert x[("person", "Ahmad Fauzan Nur")] == ["Ahmad Fauzan Nur", "Ojan", "Ojan"]


def test_a_two_word_nickname_found_as_another_person_moves_to_its_owner(bare):
    x = found(extract("Ketua MDA Bali, Anak Agung Gede Rai Suryawan, yang akrab disapa Gung Aji, menyebut seribu "
                      "pecalang siaga. Menurut Gung Aji, semua aman.", bare))
    assert x[("person", "Anak Agung Gede Rai Suryawan")] == ["Anak Agung Gede Rai Suryawan", "Gung Aji", "Gung Aji"]
    assert ("person", "Gung Aji") not in x


def test_a_birth_order_name_opens_a_three_word_name_after_a_title(bare):
    x = found(extract("\"Terdakwa bersalah,\" kata Hakim Ketua Putu Adil Wiranata. Wiranata menutup sidang.", bare))
    assert x == {("person", "Putu Adil Wiranata"): ["Putu Adil Wiranata", "Wiranata"]}


def test_sang_before_a_birth_order_name_is_part_of_the_name_and_no_short_form(bare):
    x = found(extract("Penjabat Gubernur Bali Sang Made Mahendra Jaya meninjau bandara. Sang juara tiba kemarin. "
                      "Menurut Mahendra, semua aman.", bare))
    assert x[("person", "Sang Made Mahendra Jaya")] == ["Sang Made Mahendra Jaya", "Mahendra"]

