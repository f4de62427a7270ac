"""How business and sports news name companies, markets and clubs, read right: legal forms and
tickers, a company named without "PT", the stock exchange, brokers, the index, football clubs.

Each rule came from a held-out article (tests/fixtures/generalization/ihsg-saham-agro-melonjak,
timnas-u23-uji-coba-gbk) and is tested here on other sentences.  No known entities: the
gazetteer's shipped lexicons only.
"""

import pytest
from entity_text import extract, found

from dossier.extract.cues import facts_around
from dossier.extract.runs import find_runs, tokenize
from dossier.models import Sentence


def test_a_listed_company_is_named_without_its_legal_form_and_its_ticker_is_its_acronym(bare):
    x = found(extract("Saham PT Nusantara Agro Lestari Tbk (NAGL) melonjak. Saham NAGL ditutup menguat.", bare))
    assert x == {("organization", "PT Nusantara Agro Lestari"): ["PT Nusantara Agro Lestari", "NAGL", "NAGL"]}
    x = found(extract("Saham PT Telkom Indonesia (Persero) Tbk (TLKM) naik, sedangkan TLKM tahun lalu turun.", bare))
    assert x == {("organization", "PT Telkom Indonesia"): ["PT Telkom Indonesia", "TLKM", "TLKM"]}


def test_a_state_company_keeps_its_name_without_a_ticker(bare):
    assert found(extract("PT Pertamina (Persero) menaikkan harga BBM nonsubsidi.", bare)) == {
        ("organization", "PT Pertamina"): ["PT Pertamina"]}


def test_a_company_named_without_pt_is_the_same_company(bare):
    x = found(extract("PT Pertamina (Persero) menaikkan harga BBM. Kata Pertamina, stok aman.", bare))
    assert x == {("organization", "PT Pertamina"): ["PT Pertamina", "Pertamina"]}
    x = found(extract("Saham PT Nusantara Agro Lestari Tbk (NAGL) melonjak. Direktur Utama Nusantara Agro "
                      "Lestari, Bambang Setiawan Hartono, mengatakan laba naik.", bare))
    assert x[("organization", "PT Nusantara Agro Lestari")] == ["PT Nusantara Agro Lestari", "NAGL",
                                                                "Nusantara Agro Lestari"]
    assert ("person", "Bambang Setiawan Hartono") in x


@pytest.mark.parametrize(("sentence", "company"), [
    ("PT Kereta Api Indonesia menambah perjalanan kereta.", "PT Kereta Api Indonesia"),
    ("Saham PT Bank Central Asia Tbk naik dua persen.", "PT Bank Central Asia"),
    ("Saham PT Bank Negara Indonesia Tbk menguat.", "PT Bank Negara Indonesia"),
    ("PT Freeport Indonesia menambah produksi tembaga.", "PT Freeport Indonesia"),
])
def test_a_company_named_after_a_country_or_region_keeps_the_place_in_its_name(bare, sentence, company):
    assert found(extract(sentence, bare)) == {("organization", company): [company]}


def test_a_two_word_title_before_an_institution_and_its_acronym_is_only_a_title(bare):
    x = found(extract("Ketua Umum Persatuan Sepak Bola Seluruh Indonesia (PSSI), Arief Nugroho, menargetkan "
                      "timnas lolos ke semifinal.", bare))
    assert x == {("organization", "Persatuan Sepak Bola Seluruh Indonesia"): [
        "Persatuan Sepak Bola Seluruh Indonesia", "PSSI"], ("person", "Arief Nugroho"): ["Arief Nugroho"]}


def test_the_stock_exchange_and_brokers_are_organisations_and_the_index_no_entity(bare):
    x = found(extract("Data Bursa Efek Indonesia (BEI) menunjukkan IHSG naik. Analis Cahaya Sekuritas, "
                      "Tasya Marpaung, menilai IHSG masih bisa menguat.", bare))
    assert x == {("organization", "Bursa Efek Indonesia"): ["Bursa Efek Indonesia", "BEI"],
                 ("organization", "Cahaya Sekuritas"): ["Cahaya Sekuritas"],
                 ("person", "Tasya Marpaung"): ["Tasya Marpaung"]}


def test_bursa_the_city_is_still_a_place(bare):
    assert ("place", "Bursa") in found(extract("Gempa mengguncang Bursa, Turki, pada Senin.", bare))


@pytest.mark.parametrize("club", ["FC Utrecht", "KV Oostende", "Buriram United", "Bali United", "Arema FC",
                                  "AC Milan"])
def test_a_football_club_is_an_organisation_not_its_city(bare, club):
    x = found(extract(f"Pemain muda itu kini membela {club} setelah dua musim bersama klub lamanya.", bare))
    assert ("organization", club) in x
    assert not [name for kind, name in x if kind == "place"]


@pytest.mark.parametrize(("after", "acronym"), [(" (KCNA)", "KCNA"), (" Tbk (NAGL)", "NAGL"),
                                                (" (Persero) Tbk (TLKM)", "TLKM"), (" (Persero)", "Persero")])
def test_the_acronym_after_a_name_is_read_past_a_legal_form(after, acronym):
    text = f"Saham PT Nusantara Agro{after} naik."
    run = find_runs(text, tokenize(text, 0, len(text)))[0]
    assert facts_around(text, run, Sentence(0, len(text), text), True, False).acronym_after == acronym


def test_a_central_bank_named_bare_is_an_organisation_not_a_place(bare):
    x = found(extract("Bank sentral Amerika Serikat, Federal Reserve, menahan suku bunga. Pasar menunggu "
                      "keputusan The Fed pekan depan.", bare))
    assert x[("organization", "Federal Reserve")] == ["Federal Reserve"]
    assert x[("organization", "The Fed")] == ["The Fed"]
    assert not any(kind == "place" and "Reserve" in name for kind, name in x)
    assert ("organization", "Bank") not in x  # ("Bank sentral": the word)


def test_a_word_that_opens_and_ends_organisation_names_is_none_alone(bare):
    x = found(extract("Bank sentral AS menahan suku bunga. Reuters melaporkan Bank Dunia setuju.", bare))
    assert x == {("place", "Amerika Serikat"): ["AS"], ("organization", "Reuters"): ["Reuters"],
                 ("organization", "Bank Dunia"): ["Bank Dunia"]}


@pytest.mark.parametrize(("sentence", "organisation", "person"), [
    ("Menurut Gubernur Federal Reserve Jerome Powell, inflasi turun.", "Federal Reserve", "Jerome Powell"),
    ("Direktur Lowy Institute Michael Fullilove mengatakan hal itu.", "Lowy Institute", "Michael Fullilove"),
])
def test_after_an_organisation_ending_in_its_tail_word_comes_the_person(bare, sentence, organisation, person):
    assert found(extract(sentence, bare)) == {("organization", organisation): [organisation],
                                              ("person", person): [person]}


@pytest.mark.parametrize(("sentence", "club"), [
    ("Persija Jakarta menang 2-0 di kandang.", "Persija Jakarta"),
    ("Kiper Persebaya Surabaya, Ernando Ari, tampil gemilang.", "Persebaya Surabaya"),
    ("Pemain Persik Kediri itu cedera lutut.", "Persik Kediri"),  # ("kediri" is a word too)
    ("Laga itu mempertemukan PSM Makassar dan tuan rumah.", "PSM Makassar"),
])
def test_an_indonesian_club_named_with_its_city_is_one_organisation(bare, sentence, club):
    x = found(extract(sentence, bare))
    assert ("organization", club) in x
    assert not any(kind == "place" and name in club for kind, name in x)


def test_a_club_named_alone_is_an_organisation_but_a_word_like_it_is_none(bare):
    assert found(extract("Persija kembali memimpin klasemen.", bare)) == {
        ("organization", "Persija"): ["Persija"]}
    assert found(extract("Persis seperti tahun lalu, harga beras naik.", bare)) == {}


@pytest.mark.parametrize(("text", "club", "mentions"), [
    ("Persib Bandung menang 2-0. Pelatih Persib, Bojan Hodak, puas.", "Persib Bandung", ["Persib Bandung", "Persib"]),
    ("Persib unggul cepat. Persib Bandung kini memimpin klasemen.", "Persib Bandung", ["Persib", "Persib Bandung"]),
    ("PSM Makassar bertandang pekan depan. PSM belum pernah kalah di sana.", "PSM Makassar",
     ["PSM Makassar", "PSM"]),
])
def test_a_club_named_with_its_city_and_alone_is_one_club(bare, text, club, mentions):
    assert found(extract(text, bare))[("organization", club)] == mentions


def test_an_organisation_whose_first_word_is_vocabulary_has_no_short_form(bare):
    x = found(extract("Persatuan Guru menggelar rapat. Persatuan itu kuat.", bare))
    assert x == {("organization", "Persatuan Guru"): ["Persatuan Guru"]}


def test_the_federation_and_its_province_stay_two_entities(bare):
    x = found(extract("Ketua PSSI Jawa Timur hadir dalam rapat itu.", bare))
    assert ("place", "Jawa Timur") in x


def test_a_city_by_its_everyday_name_is_the_city(bare):
    x = found(extract("Wali Kota Solo meninjau pasar. Wisatawan memadati Jogja. Pelatih Persis Solo mengaku "
                      "puas.", bare))
    assert x[("place", "Surakarta")] == ["Solo"] and x[("place", "Yogyakarta")] == ["Jogja"]
    assert ("organization", "Persis Solo") in x


@pytest.mark.parametrize(("sentence", "organ", "institution"), [
    ("Dewan Gubernur Bank Indonesia memutuskan menahan suku bunga.", "Dewan Gubernur", "Bank Indonesia"),
    ("Dewan Komisaris Bank Rakyat Indonesia menyetujui pembagian dividen.", "Dewan Komisaris",
     "Bank Rakyat Indonesia"),
])
def test_an_organ_of_an_institution_named_after_its_place_leaves_the_institution_whole(bare, sentence, organ,
                                                                                        institution):
    assert found(extract(sentence, bare)) == {("organization", organ): [organ],
                                              ("organization", institution): [institution]}
