"""How Indonesian outlets write the Middle East, read right: Arabic names with their articles
("al-Masri", "Al-Khatib", "el-Sisi") and "Abu", places no city list holds named after "di",
"ke", a border crossing or a refugee camp.

Each rule came from a held-out article (tests/fixtures/generalization/bantuan-tertahan-rafah-gaza)
and is tested here on other sentences.  No known entities: the gazetteer's shipped lexicons only.
"""

import pytest
from entity_text import extract, found


def test_a_name_with_a_lowercase_arabic_article_is_one_person_also_named_by_it_alone(bare):
    x = found(extract("Juru bicara Bulan Sabit Merah, Ahmad al-Farra, mengatakan stok obat menipis. “Kami butuh "
                      "bahan bakar,” kata al-Farra kepada wartawan.", bare))
    assert x[("person", "Ahmad al-Farra")] == ["Ahmad al-Farra", "al-Farra"]


@pytest.mark.parametrize(("sentence", "person"), [
    ("Gol itu dicetak Omar Al-Khatib pada menit ke-50.", "Omar Al-Khatib"),  # ("khatib" is a word)
    ("Presiden Mesir Abdel Fattah el-Sisi menerima delegasi itu.", "Abdel Fattah el-Sisi"),
])
def test_an_arabic_article_belongs_to_the_name_it_opens(bare, sentence, person):
    assert ("person", person) in found(extract(sentence, bare))


def test_a_capitalised_two_letter_word_before_a_hyphen_is_no_article(bare):
    x = found(extract("Hubungan AS-China kembali memanas pekan ini.", bare))
    assert ("place", "Tiongkok") in x and not any(kind == "person" for kind, _ in x)  # "China" is Tiongkok


def test_the_word_after_abu_is_the_name_not_a_place(bare):
    x = found(extract("Komandan lapangan, Karim Abu Medina, mengatakan pasukannya mundur.", bare))
    assert x == {("person", "Karim Abu Medina"): ["Karim Abu Medina"]}


@pytest.mark.parametrize(("sentence", "place"), [
    ("Warga mengungsi ke Deir al-Balah pada malam hari.", "Deir al-Balah"),
    ("Ia berbicara kepada wartawan di Beit Lahia.", "Beit Lahia"),
    ("Puluhan truk tertahan di perbatasan Nitzana sejak pagi.", "Nitzana"),
    ("Tim medis mencapai kamp pengungsi Nuseirat kemarin.", "Nuseirat"),
])
def test_an_unknown_name_after_di_ke_a_border_or_a_camp_is_a_place(bare, sentence, place):
    x = found(extract(sentence, bare))
    assert ("place", place) in x and not any(kind == "person" for kind, _ in x)


def test_an_unknown_name_after_dari_may_still_be_a_person(bare):
    assert ("person", "Budi Santoso") in found(extract("Surat itu dikirim dari Budi Santoso kepada bupati.", bare))


def test_palestine_as_indonesian_names_it_is_a_place_before_its_president(bare):
    x = found(extract("Presiden Palestina Mahmoud Abbas bertemu warga di Tepi Barat. Serangan di Jalur Gaza "
                      "berlanjut, sementara Yerusalem siaga.", bare))
    assert x == {("place", "Palestina"): ["Palestina"], ("person", "Mahmoud Abbas"): ["Mahmoud Abbas"],
                 ("place", "Tepi Barat"): ["Tepi Barat"], ("place", "Gaza"): ["Jalur Gaza"],
                 ("place", "Yerusalem"): ["Yerusalem"]}


@pytest.mark.parametrize(("sentence", "place", "mention"), [
    ("Truk bantuan menumpuk di El Arish sejak Senin.", "Arīsh", "El Arish"),  # GeoNames: Arīsh
    ("Kapal itu berlabuh di Al Mukalla, Yaman.", "Mukalla", "Al Mukalla"),
    ("Pengungsi Sudan tiba dari El Obeid.", "El Obeid", "El Obeid"),  # the list knows it whole
    ("Tim nasional El Salvador bertanding malam ini.", "El Salvador", "El Salvador"),
])
def test_a_places_arabic_article_written_apart_is_part_of_its_name(bare, sentence, place, mention):
    x = found(extract(sentence, bare))
    assert x[("place", place)] == [mention]


@pytest.mark.parametrize(("sentence", "organisation", "person"), [
    ("Direktur Eksekutif World Food Programme Cindy McCain meninjau gudang itu.", "World Food Programme",
     "Cindy McCain"),  # ("World", "Food" are words the press uses too)
    ("Peneliti Senior Lowy Institute Michael Fullilove menulis analisis itu.", "Lowy Institute",
     "Michael Fullilove"),
])
def test_a_titles_qualifier_goes_on_the_title_and_an_organisations_words_stay_its_own(bare, sentence, organisation,
                                                                                       person):
    x = found(extract(sentence, bare))
    assert x == {("organization", organisation): [organisation], ("person", person): [person]}
