"""People, places, organisations and quotes in Indonesian news text.

Every test but the last few runs with NO known entities: the site.yaml list refines what
extraction finds, it is never needed to find it.
"""

from datetime import date

import pytest
from entity_text import extract, found
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.extract import build_gazetteer, extract_article, link_dossier
from dossier.models import Extraction, KnownEntity


def test_mentions_are_exact_spans_of_the_text(bare):
    text = "Pemimpin Korea Utara, Kim Jong-un, akan mengunjungi Rusia. Kim tiba di Vladivostok."
    x = extract(text, bare)
    for entity in x.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


def test_titles_are_split_from_the_places_and_names_they_precede(bare):
    x = extract("Presiden Rusia Vladimir Putin menerima undangan Pemimpin Korea Utara Kim Jong Un.", bare)
    assert found(x) == {("place", "Rusia"): ["Rusia"], ("person", "Vladimir Putin"): ["Vladimir Putin"],
                        ("place", "Korea Utara"): ["Korea Utara"], ("person", "Kim Jong Un"): ["Kim Jong Un"]}


def test_a_title_then_an_institution_then_a_name(bare):
    x = extract("Juru bicara Kremlin, Dmitry Peskov, mengatakan delegasi akan bertemu. "
                "Menurut Peskov, pertemuan itu penting.", bare)
    assert found(x) == {("organization", "Kremlin"): ["Kremlin"],
                        ("person", "Dmitry Peskov"): ["Dmitry Peskov", "Peskov"]}


def test_a_surname_that_is_also_a_town_is_the_person_the_article_named(bare):
    """Tambunan is a Batak surname and a town in Sabah: after "Ahmad Tambunan", the bare
    surname is him; after a place word ("di Tambunan") it is still the town."""
    x = extract("Ketua DPRD Papua Ahmad Tambunan hadir. Tambunan mengingatkan aparatur. "
                "“Kami siap,” kata Tambunan.", bare)
    assert found(x) == {("place", "Papua"): ["Papua"], ("organization", "DPRD"): ["DPRD"],
                        ("person", "Ahmad Tambunan"): ["Ahmad Tambunan", "Tambunan", "Tambunan"]}
    x = extract("Ahmad Tambunan tiba di Tambunan, Sabah, pada Senin.", bare)
    assert ("place", "Tambunan") in found(x) and found(x)[("person", "Ahmad Tambunan")] == ["Ahmad Tambunan"]


def test_a_first_name_that_is_also_a_place_word_opens_a_persons_name(bare):
    """"Sari" is a word (and a town in Iran), "Tambunan" a surname (and a town in Sabah):
    together after a verb of saying they are a person."""
    x = extract("“Kami siap,” kata Sari Tambunan saat ditemui. Menurut Tambunan, persoalan itu sudah lama.", bare)
    assert found(x) == {("person", "Sari Tambunan"): ["Sari Tambunan", "Tambunan"]}


def test_a_bugis_name_after_an_institution_is_the_whole_name_the_article_uses(bare):
    """"Rahmat" and "Sari" are words too, "Daeng" joins a given name to the family name: the
    name run into the institution is the one the article writes again on its own."""
    x = extract("Juru bicara Kementerian Perhubungan Rahmat Daeng Matutu mengatakan warga aman. "
                "Rahmat Daeng Matutu menetapkan status tanggap darurat. “Kami siaga,” kata Daeng Matutu.", bare)
    assert found(x)[("organization", "Kementerian Perhubungan")] == ["Kementerian Perhubungan"]
    assert [e.name for e in x.entities if e.type == "person"] == ["Rahmat Daeng Matutu"]
    x = extract("Dosen Institut Teknologi Bandung Sari Daeng Matutu mengatakan hal itu wajar. "
                "“Kami siaga,” ujar Sari Daeng Matutu di Bandung.", bare)
    assert found(x) == {("organization", "Institut Teknologi Bandung"): ["Institut Teknologi Bandung"],
                        ("person", "Sari Daeng Matutu"): ["Sari Daeng Matutu", "Sari Daeng Matutu"],
                        ("place", "Bandung"): ["Bandung"]}


def test_a_persons_first_name_that_is_a_place_word_is_not_cut_off_across_the_dossier(bare):
    """Another article's "Daeng Matutu" does not make "Sari" of "Sari Daeng Matutu" a name of its own."""
    texts = ("“Kami siaga,” kata Irfan Daeng Matutu. Daeng Matutu tiba di Makassar.",
             "“Kami siap,” ujar Sari Daeng Matutu. Menurut Sari Daeng Matutu, warga aman.")
    linked = link_dossier(tuple(extract_article(t, date(2023, 9, 11), bare) for t in texts), bare)
    assert [(e.type, e.name) for e in linked[1].entities] == [("person", "Sari Daeng Matutu")]


def test_speech_verbs_and_appositions_mark_people(bare):
    x = extract("“Kami khawatir dengan situasi itu,” kata Michael Madden, pakar Korea Utara di Stimson Center "
                "yang berbasis di Washington.", bare)
    assert ("person", "Michael Madden") in found(x)
    assert ("organization", "Stimson Center") in found(x)
    assert ("place", "Washington") in found(x)


def test_organisations_are_recognised_by_their_head_and_tail_words(bare):
    x = extract("Kantor Presiden, Kementerian Pertahanan, dan Badan Intelijen Nasional Korea Selatan diam. "
                "Surat kabar Chosun Ilbo dan Associated Press melaporkan hal itu.", bare)
    orgs = {name for kind, name in found(x) if kind == "organization"}
    assert orgs == {"Kantor Presiden", "Kementerian Pertahanan", "Badan Intelijen Nasional", "Chosun Ilbo",
                    "Associated Press"}
    assert ("place", "Korea Selatan") in found(x)


def test_an_abbreviation_in_brackets_is_taught_to_the_rest_of_the_article(bare):
    x = extract("The New York Times (NYT) menulis bahwa kantor berita Korean Central News Agency (KCNA) "
                "melaporkan kunjungan itu. NYT mengutip KCNA.", bare)
    assert found(x)[("organization", "The New York Times")] == ["The New York Times", "NYT", "NYT"]
    assert found(x)[("organization", "Korean Central News Agency")] == [
        "Korean Central News Agency", "KCNA", "KCNA"]


def test_standard_abbreviations_resolve_to_the_full_name(bare):
    x = extract("Sebelumnya, Amerika Serikat (AS) telah memperingatkan Korut. Tahun lalu AS menuduh Korut.", bare)
    assert found(x)[("place", "Amerika Serikat")] == ["Amerika Serikat", "AS", "AS"]
    assert found(x)[("place", "Korea Utara")] == ["Korut", "Korut"]


def test_spelling_variants_and_surnames_are_one_person(bare):
    x = extract("Pemimpin Korea Utara, Kim Jong-un, tiba. Kamerad Kim Jong Un disambut. Kim lalu pergi. "
                "Mr. Putin menunggu Kim. Presiden Vladimir Putin tersenyum.", bare)
    people = {name: mentions for (kind, name), mentions in found(x).items() if kind == "person"}
    assert len(people) == 2
    kim = next(m for name, m in people.items() if name.startswith("Kim"))
    assert kim == ["Kim Jong-un", "Kim Jong Un", "Kim", "Kim"]
    assert people["Vladimir Putin"] == ["Putin", "Vladimir Putin"]


def test_people_sharing_a_family_name_stay_apart(bare):
    x = extract("Presiden Vladimir Putin bertemu Kim Jong Un. Dulu ia bertemu Kim Jong Il, ayah Kim Jong Un, "
                "yang pernah bertemu Presiden Korea Selatan Kim Dae-jung. Kim kini memimpin negaranya. "
                "Laporan ini dibantu Seyoon Kim dan Shinhye Kang.", bare)
    people = found(x)
    assert people[("person", "Kim Jong Un")] == ["Kim Jong Un", "Kim Jong Un", "Kim"]
    assert people[("person", "Kim Jong Il")] == ["Kim Jong Il"]
    assert people[("person", "Kim Dae-jung")] == ["Kim Dae-jung"]
    assert people[("person", "Seyoon Kim")] == ["Seyoon Kim"]


def test_hyphenated_pairs_are_two_entities(bare):
    x = extract("Jurnalis melihat kereta di perbatasan Korea Utara-Rusia. Pemimpin Korea Utara Kim Jong Un "
                "akan bertemu Presiden Rusia Vladimir Putin. Pertemuan Kim-Putin digelar Selasa.", bare)
    assert found(x)[("place", "Korea Utara")] == ["Korea Utara", "Korea Utara"]
    assert found(x)[("place", "Rusia")] == ["Rusia", "Rusia"]
    assert found(x)[("person", "Kim Jong Un")] == ["Kim Jong Un", "Kim"]
    assert found(x)[("person", "Vladimir Putin")] == ["Vladimir Putin", "Putin"]


def test_places_need_no_list_of_the_answers(bare):
    x = extract("Kim akan mengunjungi pabrik di Komsomolsk-on-Amur dan pergi ke Vladivostok. Pertemuan "
                "digelar di pusat antariksa Vostochny Cosmodrome di wilayah Amur.", bare)
    places = {name for kind, name in found(x) if kind == "place"}
    assert places == {"Komsomolsk-on-Amur", "Vladivostok", "Vostochny Cosmodrome", "Amur"}


@pytest.mark.parametrize("text", [
    "Sementara itu, Senin (11/9/2023) pasukan bergerak.",
    "Korea Utara memiliki peluru berdasarkan desain Soviet dan sistem era Soviet.",
    "Kehadiran delegasi itu menunjukkan sesuatu. Media Barat langsung berspekulasi pada September.",
    "Baca Juga: Luncurkan Kapal Selam Bersenjata Nuklir",
    "Pukul 17.00 WIB atau 1000 GMT kereta belum bergerak.",
])
def test_capitalised_words_that_are_not_names(bare, text):
    names = {name for _, name in found(extract(text, bare))}
    assert names <= {"Korea Utara"}


@pytest.mark.parametrize(("headline", "expected"), [
    ("Presiden Joe Biden Tegaskan Amerika Ingin Jalin Hubungan Baik dengan Cina",
     {("person", "Joe Biden"), ("place", "Amerika Serikat"), ("place", "Tiongkok")}),  # "Cina" is Tiongkok
    ("Recruitment Success Academy Meluncurkan Blog Baru: Masa Depan Akuisisi Talenta", set()),
    ("Korban Gempa Maroko Alami Krisis Pangan Karena Keterlambatan Bantuan", {("place", "Maroko")}),
])
def test_title_case_headlines_yield_only_real_names(bare, headline, expected):
    assert set(found(extract(headline, bare))) == expected


def test_a_city_named_like_a_first_name_does_not_swallow_the_person(bare):
    # Vladimir is also a Russian city; Australia a country before a minister's name.
    x = extract("Presiden Rusia Vladimir Putin dan Menteri Luar Negeri Australia Grace Whitfield bertemu.", bare)
    assert ("person", "Vladimir Putin") in found(x)
    assert ("person", "Grace Whitfield") in found(x)
    assert ("place", "Australia") in found(x)


def test_given_names_that_are_also_words_after_a_title(bare):
    x = extract("Pertemuan dibuka oleh Menteri Luar Negeri Indonesia, Sari Wulandari, di Jakarta. "
                "Menteri Luar Negeri Malaysia, Ahmad Faizal Rahman, mengatakan siap. Presiden Joko Widodo hadir.",
                bare)
    people = {name for kind, name in found(x) if kind == "person"}
    assert people == {"Sari Wulandari", "Ahmad Faizal Rahman", "Joko Widodo"}


def test_compass_suffixes_and_outlets_named_like_words(bare):
    x = extract("Rapat digelar di Jakarta Selatan. Menurut kantor berita Antara, delegasi sudah tiba.", bare)
    assert found(x) == {("place", "Jakarta Selatan"): ["Jakarta Selatan"],
                        ("organization", "Antara"): ["Antara"]}


def test_quotes_with_speakers_after_before_and_by_pronoun(bare):
    text = ("Juru bicara Gedung Putih John Kirby mengatakan, “kami jelas memiliki kekhawatiran tentang itu.”\n\n"
            "\"Tidak ada bangsa yang seharusnya membantu perang ini,\" kata Kirby.\n\n"
            "“Kami tetap khawatir dengan pasokan senjata itu,” ujarnya.\n\n"
            "“Pertemuan ini akan berlangsung dalam beberapa hari,” demikian pernyataannya.")
    quotes = [(q.text, q.speaker) for q in extract(text, bare).quotes]
    assert quotes == [
        ("kami jelas memiliki kekhawatiran tentang itu.", "John Kirby"),
        ("Tidak ada bangsa yang seharusnya membantu perang ini", "John Kirby"),
        ("Kami tetap khawatir dengan pasokan senjata itu", "John Kirby"),
        ("Pertemuan ini akan berlangsung dalam beberapa hari", "John Kirby"),
    ]


def test_a_quote_with_no_named_speaker_has_none(bare):
    text = ("Pejabat Amerika ini juga menyampaikan bahwa rencana itu serius.\n\n"
            "“Kim juga berencana untuk mengunjungi pelabuhan itu,” lanjutnya.\n\n"
            "Ia menyebut \"jika perlu\" saja.")
    x = extract(text, bare)
    assert [(q.text, q.speaker, q.speaker_key) for q in x.quotes] == [
        ("Kim juga berencana untuk mengunjungi pelabuhan itu", None, None)]


def test_known_entities_refine_names_aliases_and_types():
    known = (KnownEntity("KCNA", "organization", ("Korean Central News Agency", "Korean Central News")),
             KnownEntity("Kim Jong Un", "person", ("Kim Jong-un",)),
             KnownEntity("Kremlin", "organization"))
    gazetteer = build_gazetteer(known)
    x = extract("Kantor berita Korean Central News mengatakan Kim Jong-un tiba. Juru bicara Kremlin "
                "Dmitry Peskov menyambutnya.", gazetteer)
    assert found(x) == {("organization", "KCNA"): ["Korean Central News"],
                        ("person", "Kim Jong Un"): ["Kim Jong-un"],
                        ("organization", "Kremlin"): ["Kremlin"],
                        ("person", "Dmitry Peskov"): ["Dmitry Peskov"]}
    assert {e.key for e in x.entities} == {"kcna", "kim-jong-un", "kremlin", "dmitry-peskov"}


def test_link_dossier_gives_short_mentions_the_dossier_identity(bare):
    first = extract_article("Juru bicara Kremlin, Dmitry Peskov, dan Pemimpin Korea Utara Kim Jong Un bicara. "
                            "Kantor berita Korean Central News Agency (KCNA) melaporkan.", None, bare)
    second = extract_article("“Kami akan terus memperkuat persahabatan kami,” kata Peskov. "
                             "KCNA menyebut Kim tiba di Rusia.", None, bare)
    linked = link_dossier((first, second), bare)
    later = {(e.type, e.key): [m.text for m in e.mentions] for e in linked[1].entities}
    assert later[("person", "dmitry-peskov")] == ["Peskov"]
    assert later[("organization", "korean-central-news-agency")] == ["KCNA"]
    assert linked[1].quotes[0].speaker == "Dmitry Peskov"
    assert linked[1].quotes[0].speaker_key == "dmitry-peskov"
    assert link_dossier((first, second), bare) == linked  # deterministic
    keys = {(e.type, e.key): e.name for x in linked for e in x.entities}
    assert len(keys) == len({(t, k) for t, k in keys})


def test_an_article_linked_alone_with_the_dossier_names_is_linked_as_in_the_dossier(bare):
    """The preview links an edited article with the names learnt before the edit (link_with)."""
    from dossier.extract.linking import dossier_names, link_with

    first = extract_article("Juru bicara Kremlin, Dmitry Peskov, dan Pemimpin Korea Utara Kim Jong Un bicara.",
                            None, bare)
    second = extract_article("“Kami akan terus memperkuat persahabatan kami,” kata Peskov.", None, bare)
    names = dossier_names((first, second), bare)
    assert (link_with(first, names), link_with(second, names)) == link_dossier((first, second), bare)
    edited = extract_article("“Kami siap,” kata Peskov kepada Ivan Petrovsky di Moskwa.", None, bare)
    alone = {(e.type, e.key) for e in link_with(edited, names).entities}
    assert ("person", "dmitry-peskov") in alone  # the dossier's identity for the short form
    assert any(key == "ivan-petrovsky" for _, key in alone)  # a name only the edit brings: its own entity


def test_a_bare_surname_links_to_the_dossier_even_without_a_cue(bare):
    first = extract_article("Pemimpin Korea Utara Kim Jong Un bertemu Presiden Rusia Vladimir Putin. "
                            "Kim tersenyum dan Putin mengangguk.", None, bare)
    second = extract_article("Setelah itu Kim pergi ke pabrik. Putin tinggal di Vladivostok.", None, bare)
    linked = link_dossier((first, second), bare)
    later = {(e.type, e.name): [m.text for m in e.mentions] for e in linked[1].entities}
    assert later[("person", "Kim Jong Un")] == ["Kim"]
    assert later[("person", "Vladimir Putin")] == ["Putin"]
    assert ("place", "Vladivostok") in later


def test_a_lowercase_spelling_variant_is_found_once_the_name_is_known(bare):
    x = extract("Pemimpin Korea Utara Kim Jong Un tiba. Rencana Kim Jong un-Putin dibahas.", bare)
    assert found(x)[("person", "Kim Jong Un")] == ["Kim Jong Un", "Kim Jong un"]


def test_a_statement_released_by_an_institution_is_its_quote(bare):
    x = extract("Dalam pernyataan resmi yang dirilis oleh Kremlin, Istana Kepresidenan Rusia, dikatakan bahwa "
                "Kim akan datang “atas undangan Presiden Rusia Vladimir Putin.”", bare)
    assert [(q.text, q.speaker) for q in x.quotes] == [("atas undangan Presiden Rusia Vladimir Putin.", "Kremlin")]


def test_seed_extractions_are_exact_and_deterministic():
    from pathlib import Path

    from dossier.config import load_config
    from dossier.content import load_articles

    root = Path(__file__).resolve().parents[1]
    gazetteer = build_gazetteer(load_config(root).entities)
    articles = load_articles(root / "content")
    runs = [link_dossier(tuple(extract_article(a.text, a.published, gazetteer) for a in articles), gazetteer)
            for _ in range(2)]
    assert runs[0] == runs[1]
    for article, x in zip(articles, runs[0], strict=True):
        for item in (*x.sentences, *(m for e in x.entities for m in e.mentions), *x.quotes):
            assert article.text[item.start:item.end] == item.text


_WORDS = ["Kim", "Jong-un", "Presiden", "Rusia", "kata", "di", "Korea", "Utara", "(AS)", "AS", "Amerika",
          "Serikat", "“", "”", "\"", ",", ".", "-", "Mr.", "F.", "juru", "bicara", "Kremlin", "ujarnya", "\n\n",
          "Badan", "Center", "the", "Vladimir", "Putin", "Seyoon", "dan", "Kota", "wilayah", "ASEAN", "é"]


@given(st.lists(st.sampled_from(_WORDS), max_size=60))
@settings(max_examples=150, deadline=None)
def test_any_text_gives_exact_offsets_and_typed_entities(bare, tokens):
    text = " ".join(tokens)
    x = link_dossier((extract_article(text, None, bare),), bare)[0]
    for e in x.entities:
        assert e.type in ("person", "place", "organization") and e.mentions
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    for q in x.quotes:
        assert text[q.start:q.end] == q.text


def test_the_shipped_gazetteer_knows_indonesian_country_names_and_cities(bare):
    for name in ("Rusia", "Korea Utara", "Tiongkok", "Amerika Serikat", "Ukraina", "Jepang", "Vladivostok",
                 "Pyongyang", "Moskow", "Komsomolsk-on-Amur", "Canberra"):
        assert bare.lookup(name) == (name, "place"), name
    assert bare.lookup("Korut") == ("Korea Utara", "place")
    assert bare.lookup("Kim") is None and bare.lookup("Putin") is None  # names are found, not listed
    assert bare.is_common("Kehadiran") and bare.is_common("September") and not bare.is_common("Widodo")
    assert len(bare.data_digest) == 16


def test_speaker_before_a_straight_quote(bare):
    x = extract('Juru bicara Kremlin, Dmitry Peskov, mengatakan "kami akan terus memperkuat persahabatan kami."',
                bare)
    assert [(q.text, q.speaker) for q in x.quotes] == [
        ("kami akan terus memperkuat persahabatan kami.", "Dmitry Peskov")]


def test_indonesian_provinces_islands_and_towns_are_places(bare):
    x = extract("Gubernur Sumatera Barat, Andi Pratama, meninjau Bukittinggi. Hujan turun di Kalimantan Timur "
                "dan Sulawesi.", bare)
    assert ("place", "Sumatera Barat") in found(x) and ("person", "Sumatera Barat") not in found(x)
    assert {("place", "Bukittinggi"), ("place", "Kalimantan Timur"), ("place", "Sulawesi")} <= set(found(x))
    assert ("person", "Andi Pratama") in found(x)


def test_a_name_listed_after_a_place_is_a_place(bare):
    x = extract("Banjir melanda Cirebon dan Losari sejak pagi. Bantuan dikirim ke Klaten, Wedi, dan Prambanan.",
                bare)
    assert {("place", "Losari"), ("place", "Wedi"), ("place", "Prambanan")} <= set(found(x))


def test_a_capitalised_numeral_is_not_a_city(bare):
    x = extract("Negara anggota menyepakati Rencana Lima Langkah. Delegasi Peru tiba di Lima kemarin.", bare)
    assert found(x)[("place", "Lima")] == ["Lima"]  # only after "di"


def test_institution_names_continue_over_untuk_dan_and_commas(bare):
    x = extract("Komisi Nasional untuk Hak Asasi Manusia mengecam kekerasan itu. Badan Pengawas Obat dan Makanan "
                "(BPOM) menarik produk itu, sementara Badan Riset, Teknologi, dan Inovasi (BRTI) meneliti sampelnya. "
                "Kementerian Pertanian dan Kementerian Perdagangan belum berkomentar.", bare)
    orgs = {name for kind, name in found(x) if kind == "organization"}
    assert {"Komisi Nasional untuk Hak Asasi Manusia", "Badan Pengawas Obat dan Makanan",
            "Badan Riset, Teknologi, dan Inovasi", "Kementerian Pertanian", "Kementerian Perdagangan"} <= orgs


def test_a_university_keeps_the_place_in_its_name_a_ministry_does_not(bare):
    x = extract("Ia mengajar di Universitas Nasional Singapura. Kementerian Luar Negeri Thailand membantahnya.", bare)
    assert ("organization", "Universitas Nasional Singapura") in found(x)
    assert ("place", "Thailand") in found(x)


def test_a_sea_wall_is_not_a_sea(bare):
    x = extract("Warga menunggu pembangunan Tanggul Laut Surabaya. Kapal berlayar di Laut Jawa.", bare)
    assert ("place", "Laut Surabaya") not in found(x) and ("place", "Surabaya") in found(x)
    assert ("place", "Laut Jawa") in found(x)


def test_a_role_in_commas_then_a_name_made_of_words(bare):
    x = extract("Pengamat politik Universitas Andalas, Budi Santoso, menilai koalisi itu rapuh.", bare)
    assert ("person", "Budi Santoso") in found(x)


def test_a_government_named_after_its_seat_is_cut_from_the_spokesman(bare):
    x = extract("Juru bicara Kremlin Dmitry Peskov mengatakan pertemuan itu penting.", bare)
    assert ("organization", "Kremlin") in found(x) and ("person", "Dmitry Peskov") in found(x)


def test_ujarnya_points_back_to_the_subject_who_acted(bare):
    text = ("\"Air naik sangat cepat malam itu,\" kata Rudi Hartono.\n\n"
            "Bupati Kendal, Sri Wahyuni, mengunjungi posko pengungsian pada Kamis. Ia meminta warga tetap waspada.\n\n"
            "\"Kami menyiapkan perahu karet dan dapur umum,\" ujarnya.\n\n"
            "Pakar tata kota, Agus Salim, menilai tanggul harus ditinggikan. \"Penurunan tanah terus terjadi "
            "setiap tahun,\" tuturnya.")
    x = extract(text, bare)
    assert [q.speaker for q in x.quotes] == ["Rudi Hartono", "Sri Wahyuni", "Agus Salim"]


def test_the_subject_acting_before_a_clause_between_commas_is_who_speaks_next(bare):
    """"Pelatih timnas, Kim Do-hyun, mengaku puas …, terutama …": the verb right after the
    name's comma is the name's, though a second comma follows (no apposition in between)."""
    text = ("Pelatih tim, Joko Prasetyo, mengaku puas dengan permainan anak asuhnya, terutama lini belakang. "
            "\"Anak-anak bermain sesuai rencana malam ini,\" ujar pelatih asal Malang itu.")
    assert [q.speaker for q in extract(text, bare).quotes] == ["Joko Prasetyo"]

def test_a_person_inside_reported_speech_is_not_the_subject(bare):
    text = ("Pejabat itu juga menyampaikan, Putin ingin Kim menyetujui pengiriman peluru.\n\n"
            "\"Kim juga berencana mengunjungi pelabuhan itu pekan depan,\" lanjutnya.")
    assert [q.speaker for q in extract(text, bare).quotes] == [None]


def test_an_administrative_division_word_is_dropped_from_the_place(bare):
    x = extract("Longsor terjadi di Kecamatan Tarogong Kidul, Kabupaten Flores Timur, setelah hujan deras turun "
                "sejak sore. Sekretaris Daerah Provinsi "
                "Bali meninjau Kelurahan Gayamsari dan Jakarta Pusat.", bare)
    assert {("place", "Tarogong Kidul"), ("place", "Flores Timur"), ("place", "Bali"), ("place", "Gayamsari"),
            ("place", "Jakarta Pusat")} <= set(found(x))
    assert not any(name.startswith(("Kabupaten", "Provinsi", "Kecamatan")) for _, name in found(x))


def test_a_police_rank_is_a_title_not_an_organisation(bare):
    x = extract("Kapolres Sleman AKBP Yuswanto Ardi mengatakan dua tersangka ditahan.", bare)
    assert ("person", "Yuswanto Ardi") in found(x)
    assert ("organization", "AKBP") not in found(x)


def test_a_small_town_named_like_a_surname_after_a_given_name_is_the_surname(bare):
    x = extract("Kuasa hukum penggugat, Rinaldi Tambunan, menyebut ada kecurangan. Ia lahir di Tambunan, Sabah.", bare)
    assert found(x)[("person", "Rinaldi Tambunan")] == ["Rinaldi Tambunan"]
    assert ("place", "Tambunan") in found(x)


def test_a_regional_office_is_followed_by_its_region_then_the_person(bare):
    x = extract("Bupati Garut Rudy Gunawan dan Kapolda Jatim Irjen Nico Afinta meninjau lokasi banjir.", bare)
    assert {("place", "Garut"), ("person", "Rudy Gunawan"), ("place", "Jawa Timur"),
            ("person", "Nico Afinta")} <= set(found(x))


def test_a_unit_acronym_is_followed_by_its_region_not_by_a_name(bare):
    x = extract("Kepala BPBD Garut, Hendra Saputra, mengatakan air mulai surut.", bare)
    assert {("organization", "BPBD"), ("place", "Garut"), ("person", "Hendra Saputra")} <= set(found(x))


def test_the_world_is_not_a_place(bare):
    x = extract("Timnas Indonesia berlaga di Piala Dunia U-17 di Surabaya.", bare)
    assert ("place", "Dunia") not in found(x)


def test_a_hyphenated_acronym_names_the_whole_institution(bare):
    x = extract("Partai Demokrasi Indonesia Perjuangan (PDI-P) mengusung calon sendiri.", bare)
    assert ("organization", "Partai Demokrasi Indonesia Perjuangan") in found(x)


def test_waterworks_bridges_and_stadiums_are_places(bare):
    x = extract("Air dari Bendung Katulampa mengalir ke Jakarta. Laga digelar di Stadion Manahan, Solo.", bare)
    assert {("place", "Bendung Katulampa"), ("place", "Stadion Manahan")} <= set(found(x))


def test_a_rescanned_spelling_that_takes_a_groups_only_typed_mention_leaves_no_untyped_entity():
    # "Kim Jong" (typed) and "Jong" (untyped) were one group; the rescan gives "Kim Jong un" to
    # Kim Jong Un, leaving the group without a type.  That used to fail an assertion.
    gazetteer = build_gazetteer((KnownEntity("Kim Jong Un", "person"),))
    x = extract("Jong Kim Jong Un Kim Jong un", gazetteer)
    assert found(x) == {("person", "Kim Jong Un"): ["Kim Jong Un", "Kim Jong un"]}


_FORM_PIECES = ["Kim", "Ki", "m", "O", "Brien", "Putin", "é", "_", "1"]
_TEXT_PIECES = [*_FORM_PIECES, " ", "-", "'", "’", ".", ",", "(", "e\u0301", "\n"]


@given(st.lists(st.lists(st.sampled_from([*_FORM_PIECES, "'", "’", "-"]), min_size=1, max_size=3),
                min_size=1, max_size=6),
       st.lists(st.sampled_from(_TEXT_PIECES), max_size=40))
def test_the_dossier_forms_are_found_where_the_regex_of_them_matches(forms, pieces):
    """The set look-ups that find the one-word forms in a sentence give the regex's matches."""
    from dossier.extract.linking import _FormFinder

    finder = _FormFinder({"".join(f) for f in forms})
    text = "".join(pieces)
    assert finder.spans(text) == [m.span() for m in finder.pattern.finditer(text)]


_NAME_WORDS = ["kim", "Jong", "UN", "un", "Ki", "sı", "ſa", "İna", "Σa", "Kelvin", "dé"]
_NAME_TEXT = [*_NAME_WORDS, " ", "  ", "-", "\n", "_", ",", "a", "x1", "İ", "ı", "ſ", "K", "Σ", "é", "e\u0301"]


@given(st.lists(st.lists(st.sampled_from(_NAME_WORDS), min_size=2, max_size=3), min_size=1, max_size=4),
       st.lists(st.sampled_from(_NAME_TEXT), max_size=40))
def test_the_rescanned_names_are_found_where_the_regex_of_them_matches(names, pieces):
    """Reading the lowered text gives the spans the case-blind regex of the names gives."""
    from dossier.extract.name_search import name_spans, names_pattern
    from dossier.text import fold

    forms = sorted({fold(" ".join(name)) for name in names}, key=lambda f: (-len(f), f))
    text = "".join(pieces)
    assert name_spans(text, forms) == [m.span() for m in names_pattern(forms).finditer(text)]


def test_linking_keeps_every_field_of_the_quotes_and_extractions_it_remakes(bare):
    """link_dossier makes linked quotes and extractions field by field (not with
    dataclasses.replace, for speed): a field added to either must be added there too."""
    from dataclasses import fields

    from dossier.models import Quote

    assert [f.name for f in fields(Quote)] == ["text", "start", "end", "speaker", "speaker_key"]
    assert [f.name for f in fields(Extraction)] == ["sentences", "entities", "dates", "quotes"]
    text = "“Kami akan terus bekerja sama dengan semua pihak,” kata Dmitry Peskov. Peskov tiba di Moskow."
    [linked] = link_dossier((extract_article(text, date(2023, 9, 13), bare),), bare)
    [quote] = linked.quotes
    assert (quote.speaker, quote.speaker_key) == ("Dmitry Peskov", "dmitry-peskov")


def _linked_entities(texts: list[str], gazetteer) -> list[set[tuple[str, str]]]:
    linked = link_dossier(tuple(extract_article(t, None, gazetteer) for t in texts), gazetteer)
    return [{(e.type, e.name) for e in x.entities} for x in linked]


def test_a_role_at_an_institution_the_dossier_names_alone_is_cut_from_the_person(bare):
    """"Juru bicara Kementerian Perhubungan Agus Lumintang": the ministry is named on its own in
    the dossier, so the run is the ministry, then the person (not one organisation)."""
    first, second = _linked_entities([
        "Juru bicara Kementerian Perhubungan Agus Lumintang menyebut kapal tiba. "
        "Pengamat kebijakan publik dari Universitas Gadjah Mada Mega Saputra mengingatkan aparat.",
        "Kementerian Perhubungan menyatakan jadwal kapal berubah. Universitas Gadjah Mada membuka pendaftaran.",
    ], bare)
    assert {("organization", "Kementerian Perhubungan"), ("person", "Agus Lumintang"),
            ("organization", "Universitas Gadjah Mada"), ("person", "Mega Saputra")} <= first
    assert not any(name.startswith(("Kementerian Perhubungan ", "Universitas Gadjah Mada ")) for _, name in first)


def test_an_institution_is_not_cut_without_the_dossier_naming_it_alone_or_before_a_place(bare):
    alone, = _linked_entities(["Pengamat dari Universitas Gadjah Mada Mega Saputra mengingatkan aparat."], bare)
    assert ("organization", "Universitas Gadjah Mada") not in alone  # no evidence: left as extracted
    first, _ = _linked_entities([
        "Kepala Badan Pusat Statistik Jawa Timur Rina Wulandari merilis data inflasi.",
        "Badan Pusat Statistik merilis data pada Senin.",
    ], bare)
    assert ("person", "Jawa Timur") not in first  # a place after the institution is no person


def test_a_cut_compound_keeps_the_persons_short_mentions(bare):
    from dossier.extract.compounds import NameEvidence, split_compound
    from dossier.models import EntityMentions, Mention

    compound = EntityMentions("kementerian-perhubungan-agus-lumintang", "Kementerian Perhubungan Agus Lumintang",
                              "organization", (Mention("Kementerian Perhubungan Agus Lumintang", 0, 38),
                                               Mention("Lumintang", 60, 69)))
    evidence = NameEvidence(frozenset(), frozenset({"kementerian perhubungan"}), frozenset(), bare)
    person, ministry = split_compound(compound, evidence)
    assert (person.type, person.name, [m.text for m in person.mentions]) == (
        "person", "Agus Lumintang", ["Agus Lumintang", "Lumintang"])
    assert (ministry.type, ministry.name, [(m.text, m.start, m.end) for m in ministry.mentions]) == (
        "organization", "Kementerian Perhubungan", [("Kementerian Perhubungan", 0, 23)])


def test_a_cut_persons_mentions_of_the_institution_alone_go_to_the_institution(bare):
    """"Direktur Utama Pelindo Ilham Tarigan … Pelindo mencatat …": read alone, the article took
    "Pelindo" for the person's given name; once cut, "Pelindo" is the company's again."""
    from dossier.extract.compounds import NameEvidence, split_compound
    from dossier.models import EntityMentions, Mention

    compound = EntityMentions("pelindo-ilham-tarigan", "Pelindo Ilham Tarigan", "person", (
        Mention("Pelindo Ilham Tarigan", 0, 21), Mention("Pelindo", 40, 47), Mention("Tarigan", 60, 67)))
    evidence = NameEvidence(frozenset(), frozenset({"pelindo"}), frozenset({"tarigan"}), bare)
    person, company = split_compound(compound, evidence)
    assert [m.text for m in person.mentions] == ["Ilham Tarigan", "Tarigan"]
    assert (company.type, company.name, [m.start for m in company.mentions]) == ("organization", "Pelindo", [0, 40])


@pytest.mark.parametrize("lead", [
    "BALIKPAPAN, RADARTENGGARA.CO.ID - Longsor menutup akses jalan di Balikpapan.",
    "Balikpapan, Radar Tenggara -- Longsor menutup akses jalan di Balikpapan.",
    "BALIKPAPAN (ANTARA) - Longsor menutup akses jalan di Balikpapan.",
    "KOMPAS.com, BALIKPAPAN – Longsor menutup akses jalan di Balikpapan.",
])
def test_the_outlet_signing_the_dateline_is_no_entity_but_its_city_is_a_place(bare, lead):
    text = lead + "\n\nKepala BPBD Kalimantan Timur Agus Santoso meninjau lokasi. \"Kami siaga,\" kata Santoso."
    x = extract(text, bare)
    names = found(x)
    assert names[("place", "Balikpapan")][0].lower() == "balikpapan"
    assert ("person", "Agus Santoso") in names
    signature = text[: text.index(" -") if " -" in text[:40] else text.index(" –")]
    for entity in x.entities:
        for m in entity.mentions:
            if m.start < len(signature):
                assert entity.name == "Balikpapan", (entity.name, m.text)


def test_an_outlet_named_in_the_story_itself_is_still_an_organisation(bare):
    x = extract("JAKARTA, KOMPAS.com - Menurut harian Kompas, banjir di Jakarta surut.\n\nBanjir surut.", bare)
    assert found(x) == {("place", "Jakarta"): ["JAKARTA", "Jakarta"], ("organization", "Kompas"): ["Kompas"]}


@pytest.mark.parametrize("text, speaker", [
    ("Pembangunan tanggul belum selesai, kata Gunawan.", "Gunawan"),
    ("\"Kami siaga penuh,\" ujar Hidayat di Semarang.", "Hidayat"),
    ("Proyek itu, menurut Budi, belum selesai.", "Budi"),
])
def test_a_name_that_is_also_a_word_is_a_person_after_a_verb_of_saying(bare, text, speaker):
    assert ("person", speaker) in found(extract(text, bare))


@pytest.mark.parametrize("text, speaker", [
    ("\"Kami akan membantu para nelayan,\" ujar Budi Wijaya di Jember.", "Budi Wijaya"),
    ("\"Harga solar naik lagi,\" kata Fajar Tanjung kepada wartawan.", "Fajar Tanjung"),
    ("Menurut Indah Sari, banjir sudah surut.", "Indah Sari"),
    ("Kata Budi Wijaya, banjir sudah surut.", "Budi Wijaya"),
    ("Budi Wijaya mengatakan, banjir sudah surut.", "Budi Wijaya"),
    ("Di Jember, Dewi Lestari menyatakan hal itu kepada wartawan.", "Dewi Lestari"),
])
def test_a_name_made_only_of_words_is_a_person_next_to_a_verb_of_saying(bare, text, speaker):
    """Budi, Wijaya, Indah, Sari, Fajar, Tanjung are Indonesian words and common names: with no
    title before them, the verb of saying is what says they name someone."""
    assert ("person", speaker) in found(extract(text, bare))


@pytest.mark.parametrize("text", [
    "\"Kami siap,\" kata Tim Gabungan.",
    "\"Kami siap,\" ujar Pasukan Khusus.",
    "Polisi Militer mengatakan hal itu.",
    "Menurut Kitab Suci, itu dilarang.",
    "Menurut Laporan Tahunan, kerugiannya besar.",
    "Menurut Hukum Internasional, itu dilarang.",
])
def test_two_words_that_name_a_thing_are_no_person_next_to_a_verb_of_saying(bare, text):
    assert not [name for kind, name in found(extract(text, bare)) if kind == "person"]


def test_a_speakers_family_name_is_theirs_not_another_persons_of_the_dossier(bare):
    """Once "tutur Budi Gunawan" names him, "ujar Gunawan" in the same article is Budi Gunawan
    and his quotes are his, though another article's Endah Gunawan is the dossier's other Gunawan."""
    texts = ("Ketua KPU Endah Gunawan mengatakan pemilu berjalan lancar. “Kami siap,” kata Gunawan.",
             "“Kami memastikan surat suara tiba tepat waktu,” tutur Budi Gunawan kepada wartawan. "
             "“Pelanggaran kampanye akan kami tindak sesuai aturan,” ujar Gunawan di Sorong.")
    linked = link_dossier(tuple(extract_article(t, date(2023, 9, 11), bare) for t in texts), bare)
    assert [(e.type, e.name, [m.text for m in e.mentions]) for e in linked[1].entities
            if e.type == "person"] == [("person", "Budi Gunawan", ["Budi Gunawan", "Gunawan"])]
    assert [q.speaker for q in linked[1].quotes] == ["Budi Gunawan", "Budi Gunawan"]


@pytest.mark.parametrize("later", [
    "Hidayat tiba di Jember kemarin.",
    "Setelah itu Hidayat tiba di Jember.",
    "Menurut Hidayat, warga sudah aman.",
    "“Kami siaga,” kata Hidayat.",
])
def test_a_family_name_that_is_a_word_is_the_person_the_article_named_in_full(bare, later):
    x = extract("Kepala BPBD Jember Agus Hidayat meninjau lokasi banjir. " + later, bare)
    assert found(x)[("person", "Agus Hidayat")] == ["Agus Hidayat", "Hidayat"]


def test_a_titles_word_as_a_family_name_takes_the_quotes_it_ends(bare):
    """"Hakim" is a judge and a family name: "kata Hakim" after "Andi Muh. Hakim" is him, not the
    person quoted before."""
    x = extract("Ketua Bawaslu Bima Ketut Nasution tiba di Ende. Menurut Kepala BPBD Jawa Barat Andi Muh. Hakim, "
                "persoalan serupa sudah dibahas sejak 2023.\n\n“Kami meminta warga Ende bersabar,” kata Hakim "
                "saat ditemui dini hari itu.", bare)
    assert [q.speaker for q in x.quotes] == ["Andi Muh. Hakim"]


@pytest.mark.parametrize("text", [
    "Kepala BPBD Jember Agus Hidayat meninjau lokasi. Hidayat Nur Wahid tiba di Jember.",
    "Kepala BPBD Jember Agus Tanjung meninjau lokasi. Kapal sandar di Tanjung Perak.",
])
def test_a_family_name_beside_another_capitalised_word_is_part_of_another_name(bare, text):
    people = {name: mentions for (kind, name), mentions in found(extract(text, bare)).items() if kind == "person"}
    assert all(len(mentions) == 1 for mentions in people.values())


def test_a_speaker_named_before_the_weekday_of_the_quote_is_a_person(bare):
    """"kata Theresia, Senin (2/9/2024)": the capital after the comma is the day, not the name of
    someone the one word would then be the institution of ("Juru bicara Kremlin, Dmitry Peskov")."""
    x = extract("Kepala Dinas Pendidikan, Theresia Ngabit, mengatakan sekolah diliburkan. \"Kami tidak mau "
                "mengambil risiko,\" kata Theresia, Senin (2/9/2024).", bare)
    assert found(x)[("person", "Theresia Ngabit")] == ["Theresia Ngabit", "Theresia"]


def test_the_words_an_acronym_in_brackets_spells_are_the_institution(bare):
    x = extract("Direktur Eksekutif Wahana Lingkungan Hidup Indonesia (Walhi) Kalimantan Tengah, Dimas Novian "
                "Hartono, menilai pemerintah lamban. Menurut Dimas Novian Hartono, polanya sama setiap tahun.", bare)
    names = found(x)
    assert names[("person", "Dimas Novian Hartono")] == ["Dimas Novian Hartono", "Dimas Novian Hartono"]
    assert ["Wahana Lingkungan Hidup Indonesia", "Walhi"] in [m for (kind, _), m in names.items()
                                                              if kind == "organization"]
    assert ("place", "Indonesia") not in names


@pytest.mark.parametrize("text, expected", [
    ("Presiden Joko Widodo (Jokowi) membuka rapat itu.", ("person", "Joko Widodo")),
    ("The New York Times (NYT) menulis laporan itu.", ("organization", "The New York Times")),
])
def test_a_nickname_or_a_name_read_whole_is_not_taken_for_the_spelling_of_its_acronym(bare, text, expected):
    assert expected in found(extract(text, bare))


def test_initials_a_suspect_is_named_by_are_no_organisation(bare):
    """"berinisial AR": the press names suspects by their initials; later "tersangka HS" too."""
    x = extract("Kedua tersangka adalah pejabat berinisial AR dan direktur perusahaan berinisial HS. "
                "Kuasa hukum tersangka HS menilai penahanan itu terburu-buru. KPK memeriksa kasus itu.", bare)
    assert found(x) == {("organization", "KPK"): ["KPK"]}


def test_a_regional_units_short_name_is_the_unit_its_long_form_names(bare):
    x = extract("Kejaksaan Tinggi Sulawesi Selatan menahan dua tersangka. Kejati Sulsel menjadwalkan "
                "pemeriksaan saksi. Juru bicara Polda Kalteng membenarkan penangkapan itu.", bare)
    names = found(x)
    assert names[("organization", "Kejaksaan Tinggi")] == ["Kejaksaan Tinggi", "Kejati"]
    assert names[("organization", "Kepolisian Daerah")] == ["Polda"]
    assert names[("place", "Sulawesi Selatan")] == ["Sulawesi Selatan", "Sulsel"]


def test_the_name_after_a_given_name_the_press_drops_is_the_persons_short_form(bare):
    x = extract("Bupati Maros Andi Rahmat Hasyim menyatakan menghormati proses hukum. "
                "“Kami tidak akan menutup-nutupi,” tegas Rahmat.", bare)
    assert found(x)[("person", "Andi Rahmat Hasyim")] == ["Andi Rahmat Hasyim", "Rahmat"]
    assert [q.speaker for q in x.quotes] == ["Andi Rahmat Hasyim"]


@pytest.mark.parametrize("text, places", [
    ("Air mengalir ke empat kecamatan, yakni Bantimurung, Simbang, Tanralili, dan Mandai.",
     ["Bantimurung", "Simbang", "Tanralili", "Mandai"]),
    ("Bantuan dikirim ke tiga desa, yaitu Sukamaju, Cibodas dan Karangsari.", ["Sukamaju", "Cibodas", "Karangsari"]),
    ("Surat suara untuk wilayah kepulauan seperti Nias sudah tiba sejak Senin.", ["Nias"]),
    ("Temuan paling banyak berasal dari Kecamatan Medan Denai, Medan Amplas, dan Medan Tembung menurut warga.",
     ["Medan Denai", "Medan Amplas", "Medan Tembung"]),
])
def test_names_listed_after_a_place_word_and_yakni_are_places(bare, text, places):
    assert [name for (kind, name) in found(extract(text, bare)) if kind == "place"] == places


def test_an_acronym_spelled_by_words_that_are_not_all_vocabulary_still_names_them(bare):
    x = extract("Bupati meminta Perusahaan Daerah Air Minum (PDAM) Maros mengambil alih perbaikan.", bare)
    assert found(x)[("organization", "Perusahaan Daerah Air Minum")] == ["Perusahaan Daerah Air Minum", "PDAM"]


def test_a_given_name_that_is_a_word_is_the_person_the_article_named_in_full(bare):
    """"Sabar" (patient) is in no list of names: the article's "Sabar Harahap" says whose it is."""
    x = extract("Ketua Bawaslu Medan Sabar Harahap mengatakan pihaknya telah memeriksa enam saksi. "
                "Menurut Sabar, temuan paling banyak berasal dari tiga kecamatan.", bare)
    assert found(x)[("person", "Sabar Harahap")] == ["Sabar Harahap", "Sabar"]


def test_the_name_after_an_administrative_division_is_a_place_even_when_made_of_words(bare):
    """"Pulang Pisau" is "go home" and "knife"; after "Kabupaten" it is the regency."""
    x = extract("Lahan gambut terbakar di Kabupaten Pulang Pisau dan Kapuas sejak awal Agustus, "
                "terutama di sekitar Kecamatan Medan Denai dan jalan lintas provinsi.", bare)
    assert [name for (kind, name) in found(x) if kind == "place"] == ["Pulang Pisau", "Kapuas", "Medan Denai"]


@pytest.mark.parametrize("text", [
    "Surat kabar lokal memberitakan kejadian itu pada hari yang sama.",
    "Baku tembak terjadi di perbatasan sepanjang malam.",
    "Bursa saham di kawasan itu melemah sepanjang pekan.",
])
def test_a_big_city_named_like_a_word_opening_a_compound_noun_is_the_word(bare, text):
    """Surat (India), Baku, Bursa are cities the gazetteer knows without a cue; "Surat kabar" is a
    newspaper, "Baku tembak" a gunfight, "Bursa saham" a stock exchange."""
    assert not [name for (kind, name) in found(extract(text, bare)) if kind == "place"]


@pytest.mark.parametrize("text", ["Medan dilanda banjir sejak semalam.", "Medan masih tergenang air hingga pagi ini."])
def test_the_same_city_before_a_verb_is_the_city(bare, text):
    assert ("place", "Medan") in found(extract(text, bare))


@pytest.mark.parametrize("text, person", [
    ("Tokoh seperti Budi Santoso hadir dalam peluncuran buku itu.", "Budi Santoso"),
    ("Ia bertemu Agus Santoso di Jakarta pekan lalu.", "Agus Santoso"),
    ("Ketua Himpunan Nelayan Jember Daeng Situmorang meminta bantuan solar.", "Daeng Situmorang"),
])
def test_a_given_name_that_is_a_word_before_a_family_name_that_is_none_is_a_person_without_a_cue(
        bare, text, person):
    assert ("person", person) in found(extract(text, bare))


@pytest.mark.parametrize("text", ["Hotel Mutiara Jakarta penuh sepanjang libur panjang.",
                                  "Wilayah kepulauan seperti Nias menerima surat suara lebih dulu."])
def test_a_word_that_is_a_name_elsewhere_in_a_run_is_no_person(bare, text):
    assert not [name for (kind, name) in found(extract(text, bare)) if kind == "person"]


def test_a_persons_initials_in_brackets_are_the_person(bare):
    x = extract("Mantan Presiden Susilo Bambang Yudhoyono (SBY) hadir dalam acara itu di Jakarta bersama "
                "keluarganya. SBY kemudian berpidato di depan para kader partai.", bare)
    assert found(x)[("person", "Susilo Bambang Yudhoyono")] == ["Susilo Bambang Yudhoyono", "SBY", "SBY"]


def test_a_short_sentence_of_capitalised_words_closed_by_a_full_stop_is_prose_not_a_headline(bare):
    """Title Case headlines have vocabulary words stripped from their names; "Mantan Presiden ... hadir di
    Jakarta." only looks like one."""
    x = extract("Mantan Presiden Susilo Bambang Yudhoyono (SBY) hadir di Jakarta. Ia tinggal di Kecamatan Medan Denai.",
                bare)
    assert ("person", "Susilo Bambang Yudhoyono") in found(x)
    assert ("place", "Medan Denai") in found(x)


@pytest.mark.parametrize("text", [
    "\"Kami siaga penuh,\" kata Presiden.",
    "Rapat itu digelar, kata Senin lalu.",
    "Itu sudah dibahas, kata BPBD.",
])
def test_a_title_a_weekday_or_an_acronym_after_a_verb_of_saying_is_no_person(bare, text):
    assert not [name for kind, name in found(extract(text, bare)) if kind == "person"]


@pytest.mark.parametrize("text, person", [
    ("Ketua Himpunan Nelayan Banda Aceh Taufik Hidayat menetapkan status tanggap darurat selama empat belas hari.",
     "Taufik Hidayat"),
    ("Kepala BPBD Padang Agus Salim mengatakan pencarian korban berlanjut hingga sore hari ini.", "Agus Salim"),
])
def test_a_name_of_vocabulary_words_ending_a_titled_run_after_its_place_is_the_person(bare, text, person):
    """Many Indonesian names are words too (Taufik, Hidayat, Agus, Salim): after the role and
    its place or unit, the two words that end the run are still the person's name."""
    assert ("person", person) in found(extract(text, bare))


def test_three_words_after_the_place_are_a_name_only_when_the_first_is_no_word(bare):
    """"Ketua DPRD Papua Pegunungan Wahyu Ramadhan": "Pegunungan" ends the province's name."""
    names = found(extract("Ketua DPRD Papua Pegunungan Wahyu Ramadhan mengatakan hal itu kepada wartawan "
                          "di kantornya pada pagi hari.", bare))
    assert not [name for kind, name in names if kind == "person" and name.startswith("Pegunungan")]


def test_the_dateline_city_is_a_place_even_in_capitals_that_read_as_an_acronym(bare):
    x = extract("BONE, SUARAPESISIR.ID - Banjir merendam ratusan rumah warga.\n\nWarga mengungsi ke masjid.", bare)
    assert found(x) == {("place", "Bone"): ["BONE"]}


@pytest.mark.parametrize("text, expected", [
    ("Direktur Utama Pelindo Ilham Tarigan mengatakan bongkar muat naik.",
     {("organization", "Pelindo"), ("person", "Ilham Tarigan")}),
    ("Ketua Bawaslu Kupang Dimas Sinaga mengatakan pengawasan diperketat.",
     {("organization", "Bawaslu"), ("place", "Kupang"), ("person", "Dimas Sinaga")}),
    ("\"Kami siaga,\" ujar Koordinator Indonesia Corruption Watch Teguh Tambunan di Balikpapan.",
     {("organization", "Indonesia Corruption Watch"), ("person", "Teguh Tambunan"), ("place", "Balikpapan")}),
])
def test_an_institution_named_like_a_word_is_cut_from_the_role_before_its_region_and_person(bare, text, expected):
    """Indonesian institutions the press names by a short name (Pelindo, Bawaslu, Basarnas):
    nothing in their shape says "organisation", so the gazetteer knows them, as it knows "BPBD"
    by its capitals; what follows one is the region it serves, then the person."""
    assert set(found(extract(text, bare))) == expected


def test_a_known_persons_one_word_name_after_a_given_name_is_another_person_of_that_surname():
    """site.yaml says "Wenda" is Yohanes Wenda; "Maria Wenda" is still someone else, not the
    organisation "Maria" run into Yohanes Wenda."""
    gazetteer = build_gazetteer((KnownEntity("Yohanes Wenda", "person", ("Wenda",)),
                                 KnownEntity("Dmitry Peskov", "person", ("Peskov",))))
    maria = found(extract("\"Kami siap,\" kata Ketua KPU Jawa Barat Maria Wenda. Sekretaris Daerah Yohanes Wenda "
                          "tiba kemudian. Wenda mengatakan hal itu.", gazetteer))
    assert maria[("person", "Maria Wenda")] == ["Maria Wenda"]
    assert maria[("person", "Yohanes Wenda")] == ["Yohanes Wenda", "Wenda"]
    assert not [name for kind, name in maria if kind == "organization" and name != "KPU"]
    kremlin = found(extract("Juru bicara Kremlin Peskov mengatakan hal itu.", gazetteer))
    assert kremlin == {("organization", "Kremlin"): ["Kremlin"], ("person", "Dmitry Peskov"): ["Peskov"]}


@pytest.mark.parametrize("text, expected", [
    ("\"Kami siap,\" tutur Juru bicara Kementerian Perhubungan di Biak.",
     {("organization", "Kementerian Perhubungan"), ("place", "Biak")}),  # no person "Juru"
    ("\"Kami siap,\" ujar Komandan Lanal Palu Andi Muh. Rachman di Palu.",
     {("organization", "Lanal"), ("place", "Palu"), ("person", "Andi Muh. Rachman")}),
    ("Data BNPB menunjukkan kenaikan 27,1 persen dalam tiga tahun terakhir di wilayah itu.",
     {("organization", "BNPB")}),
    ("\"Kami siap,\" kata Kepala Desa Sukamaju Putri Suryadi saat ditemui siang itu.",
     {("place", "Sukamaju"), ("person", "Putri Suryadi")}),
    ("Ketua KPU Jawa Barat Putri Hidayat mengatakan hal itu kepada wartawan di kantornya.",
     {("organization", "KPU"), ("place", "Jawa Barat"), ("person", "Putri Hidayat")}),
])
def test_indonesian_roles_and_names_around_a_person(bare, text, expected):
    """A title's first word is no speaker ("Juru" bicara); "Muh." shortens a given name; "Data"
    opens figures, not a name; a village head's village is a place; "Putri" is a given name
    after a role and its place, however often it is also a title."""
    assert set(found(extract(text, bare))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sementara itu, Dosen Institut Teknologi Bandung Ratih Matondang berjanji memberikan penjelasan.",
     {("organization", "Institut Teknologi Bandung"), ("person", "Ratih Matondang")}),
    ("Direktur Bank Rakyat Indonesia Sunarso mengatakan hal itu.",
     {("organization", "Bank Rakyat Indonesia"), ("person", "Sunarso")}),
])
def test_an_institution_named_after_its_city_keeps_the_city_before_the_persons_name(bare, text, expected):
    assert set(found(extract(text, bare))) == expected


@pytest.mark.parametrize("text, person", [
    ("Menteri Keuangan Iwan Rahman mengatakan hal itu kepada wartawan.", "Iwan Rahman"),
    ("Menteri Perhubungan Sari Wulandari mengatakan hal itu kepada wartawan.", "Sari Wulandari"),
    ("Menteri Sari Wulandari mengatakan hal itu kepada wartawan.", "Sari Wulandari"),
])
def test_a_ministers_portfolio_is_no_part_of_the_name_a_given_name_that_is_a_word_is(bare, text, person):
    assert set(found(extract(text, bare))) == {("person", person)}


def test_a_place_before_a_two_word_name_of_vocabulary_words_stays_a_place(bare):
    """"Batam Hendra Hidayat": not a city's name used as a first name ("Vladimir Putin"), since a
    given name and a surname follow it, though the surname is also a word."""
    names = found(extract("Ketua Himpunan Nelayan Batam Hendra Hidayat mengatakan, netralitas aparat "
                          "harus dijaga sampai akhir.", bare))
    assert names == {("place", "Batam"): ["Batam"], ("person", "Hendra Hidayat"): ["Hendra Hidayat"]}


@pytest.mark.parametrize("text, expected", [
    ("Kapolda Metro Jaya Irjen Karyoto mengatakan penyelidikan masih berjalan di Jakarta.",
     {("place", "Metro Jaya"), ("person", "Karyoto"), ("place", "Jakarta")}),
    ("Ketua Umum PDI-P Megawati Soekarnoputri hadir dalam acara tersebut bersama kader partai.",
     {("organization", "Partai Demokrasi Indonesia Perjuangan"), ("person", "Megawati Soekarnoputri")}),
    ("Menko Polhukam Mahfud MD mengatakan pemerintah akan menindak tegas pelaku.",
     {("organization", "Kemenko Polhukam"), ("person", "Mahfud MD")}),
    ("Menkeu Sri Mulyani mengatakan WNI di luar negeri tetap wajib lapor pajak.", {("person", "Sri Mulyani")}),
])
def test_how_the_indonesian_press_names_its_officials(bare, text, expected):
    assert set(found(extract(text, bare))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Banjir merendam rumah warga di Kabupaten Bogor sejak Senin malam.", {("place", "Bogor")}),
    ("Banjir melanda Kota Medan dan Kota Padang kemarin.", {("place", "Medan"), ("place", "Padang")}),
    ("Dirjen Imigrasi Silmy Karim menjelaskan aturan baru itu kepada wartawan.", {("person", "Silmy Karim")}),
    ("PT Pertamina (Persero) menaikkan harga BBM nonsubsidi mulai Sabtu.", {("organization", "PT Pertamina")}),
])
def test_a_city_named_like_a_word_after_its_division_and_an_acronym_of_a_thing(bare, text, expected):
    """"Kota Bogor": the division word names the place as "di" would; "BBM" (fuel), "APBN" (the
    budget), "TPS" (polling stations) are things, not organisations."""
    assert set(found(extract(text, bare))) == expected


def test_the_speaker_after_a_verb_of_saying_is_the_person_not_their_office(bare):
    x = extract("\"Kami akan terus memantau situasi,\" kata Kepala BMKG Dwikorita Karnawati. "
                "\"Kami siaga penuh malam ini,\" kata KCNA dalam laporannya. "
                "\"Pelanggaran akan kami tindak,\" kata Ketua KPU Jawa Tengah Rahmat Hakim.", bare)
    assert [q.speaker for q in x.quotes] == ["Dwikorita Karnawati", "KCNA", "Rahmat Hakim"]


def test_a_surname_that_is_a_word_opening_a_sentence_before_a_verb_of_saying_is_the_person(bare):
    x = extract("Ketua Himpunan Nelayan Batam Taufik Hidayat meninjau lokasi. Hidayat mengatakan, \"Kami sudah "
                "turun langsung ke lapangan.\" Pemerintah mengatakan bantuan segera tiba.", bare)
    assert found(x) == {("place", "Batam"): ["Batam"], ("person", "Taufik Hidayat"): ["Taufik Hidayat", "Hidayat"]}
    assert [q.speaker for q in x.quotes] == ["Taufik Hidayat"]


def test_a_given_name_before_a_name_the_dossier_knows_is_not_cut_off_as_an_organisation(bare):
    """"Irfan Daeng Matutu" when someone is called "Daeng Matutu" elsewhere: one person (the
    word cut off would have no other reading than an organisation's name); "Kremlin Dmitry
    Peskov" is still the Kremlin and Dmitry Peskov."""
    from dossier.extract.compounds import NameEvidence, split_compound
    from dossier.models import EntityMentions, Mention

    evidence = NameEvidence(frozenset({"daeng matutu", "dmitry peskov"}), frozenset(), frozenset(), bare)
    irfan = EntityMentions("irfan-daeng-matutu", "Irfan Daeng Matutu", "person",
                           (Mention("Irfan Daeng Matutu", 0, 18),))
    assert split_compound(irfan, evidence) is None
    kremlin = EntityMentions("kremlin-dmitry-peskov", "Kremlin Dmitry Peskov", "person",
                             (Mention("Kremlin Dmitry Peskov", 0, 21),))
    person, government = split_compound(kremlin, evidence)
    assert (person.name, government.name, government.type) == ("Dmitry Peskov", "Kremlin", "organization")


def test_a_known_persons_alias_after_a_shortened_given_name_is_another_person():
    gazetteer = build_gazetteer((KnownEntity("Putri Suryadi", "person", ("Suryadi",)),))
    names = found(extract("\"Kami siap,\" kata Direktur Utama Pelindo Andi Muh. Suryadi di Surabaya.", gazetteer))
    assert ("person", "Andi Muh. Suryadi") in names and ("person", "Putri Suryadi") not in names


def test_a_place_before_a_given_name_and_a_known_surname_stays_a_place():
    gazetteer = build_gazetteer((KnownEntity("Dian Nainggolan", "person", ("Nainggolan",)),))
    names = found(extract("Sementara itu, Ketua Himpunan Nelayan Tangerang Irfan Nainggolan mengatakan pihaknya "
                          "masih menunggu.", gazetteer))
    assert names == {("place", "Tangerang"): ["Tangerang"], ("person", "Irfan Nainggolan"): ["Irfan Nainggolan"]}


@pytest.mark.parametrize("text, expected", [
    ("\"Kami siap,\" kata Kepala Pusat Data BNPB Sari Gunawan saat ditemui dini hari itu.",
     {("organization", "BNPB"), ("person", "Sari Gunawan")}),
    ("\"Kami siap,\" kata Anggota Komisi V DPR Fajar Hakim saat ditemui.",
     {("organization", "Komisi V DPR"), ("person", "Fajar Hakim")}),
    ("Kepala BPBD Padang Agus Salim mengatakan pencarian korban berlanjut hingga sore hari ini.",
     {("organization", "BPBD"), ("place", "Padang"), ("person", "Agus Salim")}),
])
def test_after_a_unit_a_town_named_like_a_word_is_its_region_only_before_a_name(bare, text, expected):
    """"Sari", "Fajar" and "Padang" are towns and words: after a unit, one is the unit's region
    when a two-word name follows it, and the name's first word when only one word does."""
    assert set(found(extract(text, bare))) == expected


def test_a_facility_named_by_an_agencys_acronym_is_the_agencys_unit_not_a_place(bare):
    names = found(extract("\"Kami siap,\" kata Kepala Stasiun BMKG Tarakan Nur Suryadi saat ditemui siang itu. "
                          "Kapal itu bersandar di Pelabuhan Tanjung Priok pada Senin.", bare))
    assert set(names) == {("organization", "Stasiun BMKG"), ("place", "Tarakan"), ("person", "Nur Suryadi"),
                          ("place", "Pelabuhan Tanjung Priok")}
