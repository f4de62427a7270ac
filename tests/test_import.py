"""`python build.py import FILE... [--force]`: raw text clippings become clean articles.

The importer keeps every sentence the outlet wrote and removes the page furniture around it
(navigation, section headers, bylines, captions, related-story links, follow prompts, the
next post), turning what that furniture says (outlet, date, author, URL) into front matter.
The fixture clippings imitate other outlets' pages; the seed clippings are the real ones.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.cli import main
from dossier.clipping import (
    clipping_slug,
    dateline,
    escape_markdown,
    import_clippings,
    parse_clipping,
    parse_date_line,
    to_markdown,
)
from dossier.content import parse_article
from dossier.errors import DossierError
from dossier.markup import markdown_to_text

REPO = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "clippings"
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed clippings (../shared/seeds) are not here")


def fixture(name: str):
    return parse_clipping((FIXTURES / name).read_text(encoding="utf-8"), name)


def body_text(clipping) -> str:
    """The plain text the extractors will read, as the site's own loader produces it."""
    return parse_article(to_markdown(clipping), Path("x.md")).text


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_clipping(path.read_text(encoding="utf-8"), path.name)


# ------------------------------------------------------------ furniture is removed


@pytest.mark.parametrize(("name", "furniture"), [
    ("kompas_style.txt", "Kompas TV nasional politik"),  # outlet section header above the headline
    ("kompas_style.txt", "Kompas.tv - 2 Oktober"),  # date header
    ("kompas_style.txt", "presiden-tinjau-bendungan"),  # URL slug line
    ("kompas_style.txt", "ANTARA FOTO"),  # photo caption with its credit
    ("kompas_style.txt", "Penulis"),  # staff line
    ("kompas_style.txt", "Harga Beras Naik Lagi"),  # "Baca Juga:" related-story link
    ("kompas_style.txt", "Sumber :"),  # source trailer
    ("kompas_style.txt", "BERITA LAINNYA"),
    ("kompas_style.txt", "FOLLOW US"),
    ("kompas_style.txt", "Gabung ke Channel WhatsApp"),
    ("kompas_style.txt", "VIDEO TERPOPULER"),
    ("kompas_style.txt", "Close Ads"),
    ("kompas_style.txt", "KOMPAS.TV"),  # dateline prefix of the lead
    ("wordpress_style.txt", "Beranda"),  # site navigation
    ("wordpress_style.txt", "AFP-INDONESIA-COFFEE-ECONOMY"),  # wire-photo slug
    ("wordpress_style.txt", "Petani Cabai Panen Raya"),  # "Baca juga:" related-story link
    ("wordpress_style.txt", "(ant/red)"),  # editor initials
    ("wordpress_style.txt", "Dengan bantuan dari"),  # contributor credit
    ("wordpress_style.txt", "Next Post"),
    ("wordpress_style.txt", "Festival Musik Bandung"),  # the next post itself
    ("wordpress_style.txt", "Exit mobile version"),
    ("tribun_style.txt", "Laporan Wartawan"),  # reporter byline
    ("tribun_style.txt", "Banjir Rendam Ratusan Rumah"),  # related link in a file without blank lines
    ("antara_style.txt", "Home"),  # breadcrumb
    ("antara_style.txt", "antaranews.com"),  # URL line
    ("antara_style.txt", "Kapal penjaga pantai"),  # "Foto:" caption
    ("antara_style.txt", "Nelayan Tradisional Menolak"),  # headline under a bare "Baca juga:"
    ("antara_style.txt", "bud/ant"),  # editor initials on their own line
    ("antara_style.txt", "Berita Terkait"),
    ("antara_style.txt", "Korea Utara Kembali Uji Rudal"),  # related stories after "Berita Terkait"
    ("antara_style.txt", "Tinggalkan Balasan"),
])
def test_page_furniture_is_removed(name, furniture):
    clipping = fixture(name)
    assert furniture not in "\n".join(clipping.paragraphs)
    assert furniture not in body_text(clipping)


def test_detik_style_page():
    """Logo, section, "Name - outlet" byline, date, pagination and a follow-us promo around three paragraphs."""
    clipping = fixture("detik_style.txt")
    assert (clipping.title, clipping.outlet, clipping.published, clipping.author) == (
        "Kim Jong Un Tiba di Rusia, Disambut Upacara Militer", "detikcom", date(2023, 9, 12), "Novi Christiastuti")
    assert clipping.paragraphs == (
        "Vladivostok - Pemimpin Korea Utara, Kim Jong Un, tiba di Rusia dengan kereta lapis baja.",
        "Kedatangan Kim disambut upacara militer di stasiun Khasan.",
        "Kim dijadwalkan bertemu Putin pada Rabu (13/9).",
    )


def test_no_break_and_zero_width_spaces_become_plain_spaces():
    paragraphs = fixture("kompas_style.txt").paragraphs
    assert paragraphs[0] == "Presiden meninjau bendungan baru di Jawa Tengah pada Senin pagi."
    assert paragraphs[1] == "Bendungan itu dapat mengairi 5.000 hektare sawah, kata kepala balai."
    assert not any(ch in p for p in paragraphs for ch in "\u00a0\u200b")


def test_article_paragraphs_are_kept_in_order_and_verbatim():
    assert fixture("tribun_style.txt").paragraphs == (
        "Pemerintah menaikkan harga beras medium mulai pekan depan. Kenaikan itu berlaku di seluruh provinsi.",
        "Menurut Kementerian Perdagangan, harga baru diumumkan Senin (2/10/2023).",
        "“Kami memastikan stok aman,” kata Menteri Perdagangan.",
        "Pedagang pasar menyambut kebijakan itu dengan hati-hati.",
    )
    assert fixture("wordpress_style.txt").paragraphs[-1] == "Pedagang memperkirakan harga pulih akhir tahun."


def test_paragraphs_that_end_in_a_source_or_wire_attribution_are_article_text():
    clipping = parse_clipping(
        "Kompas TV\n\nPutin Tiba di Vladivostok\n\n"
        "Putin tiba di Vladivostok pada Senin untuk forum ekonomi. (Sumber: Reuters)\n\n"
        "Kim diperkirakan datang dengan kereta lapis baja. (AFP/Reuters)\n\n"
        "Kim (kiri) dan Putin bersalaman di kosmodrom. (ANTARA FOTO/Reuters)\n", "k.txt")
    assert clipping.title == "Putin Tiba di Vladivostok"  # the bare outlet name above it is the logo
    assert clipping.outlet == "Kompas TV"
    assert clipping.paragraphs == (
        "Putin tiba di Vladivostok pada Senin untuk forum ekonomi. (Sumber: Reuters)",
        "Kim diperkirakan datang dengan kereta lapis baja. (AFP/Reuters)",
    )  # the third line is a photo caption


def test_a_sentence_mentioning_furniture_words_is_not_furniture():
    lines = ("Warga diminta tidak mudah percaya: baca juga sumber resmi sebelum menyebarkan kabar.",
             "Berita terkait kunjungan itu ramai dibagikan di media sosial, kata pengamat.",
             "Ia mengatakan pihaknya akan follow up laporan itu pekan depan.",
             "Polisi meminta warga tidak ikuti pesan berantai di WhatsApp soal kunjungan itu.",
             "Putin - yang tiba Senin - menyambut Kim di kosmodrom.")
    clipping = parse_clipping("Judul Kabar Kunjungan Kim\n\n" + "\n\n".join(lines), "k.txt")
    assert clipping.paragraphs == lines


def test_removed_lines_counts_the_furniture():
    assert fixture("tribun_style.txt").removed_lines == 2  # byline and one related link
    assert fixture("kompas_style.txt").removed_lines == 12


# ------------------------------------------------------------ front matter


def test_front_matter_from_kompas_style_header():
    clipping = fixture("kompas_style.txt")
    assert clipping.title == "Presiden Tinjau Bendungan Baru di Jawa Tengah"
    assert clipping.outlet == "Kompas TV"
    assert clipping.published == date(2023, 10, 2)
    assert clipping.author == "Rina Ayu"  # the writer, not the editor
    assert clipping.dateline == "Semarang"
    assert clipping.missing == ()


def test_front_matter_from_url_breadcrumb_and_city_outlet_dateline():
    clipping = fixture("antara_style.txt")
    assert clipping.title == "Jepang dan Korea Selatan Sepakat Perkuat Kerja Sama Maritim"
    assert clipping.outlet == "Antara"
    assert clipping.published == date(2023, 10, 2)
    assert clipping.url == "https://www.antaranews.com/berita/12345/jepang-dan-korea-selatan-sepakat"
    assert clipping.author == "Budi Hartono"


def test_unknown_outlet_is_named_by_its_domain_and_a_next_post_date_is_not_the_publication_date():
    clipping = fixture("wordpress_style.txt")
    assert clipping.outlet == "Beritakita.com"
    assert clipping.dateline == "Bandung"
    assert clipping.published is None  # "Sel Okt 3 , 2023" belongs to the next post
    assert clipping.missing == ("published",)


def test_the_page_names_the_publisher_even_when_the_lead_is_signed_by_a_wire_agency():
    clipping = parse_clipping("Kompas TV nasional\n\nHarga Beras Turun di Jakarta\n\n"
                              "Jakarta (ANTARA) - Harga beras medium turun pekan ini.\n", "k.txt")
    assert (clipping.outlet, clipping.dateline) == ("Kompas TV", "Jakarta")
    assert clipping.paragraphs == ("Harga beras medium turun pekan ini.",)


def test_a_lone_capitalised_dateline_word_is_only_a_guess_at_the_outlet():
    text = "Putin Tiba di Vladivostok\n\nMOSKOW - Presiden Rusia tiba di Vladivostok.\n"
    guessed = parse_clipping(text, "k.txt")
    assert (guessed.outlet, guessed.missing) == ("Moskow", ("outlet", "published"))
    with_url = parse_clipping(text + "\nhttps://international.sindonews.com/read/123/putin-tiba\n", "k.txt")
    assert (with_url.outlet, with_url.missing) == ("SINDOnews", ("published",))
    assert with_url.paragraphs == ("Presiden Rusia tiba di Vladivostok.",)


def test_clipping_without_headline_gets_its_lead_sentence_as_title_and_says_so():
    clipping = fixture("tribun_style.txt")
    assert clipping.title == "Pemerintah menaikkan harga beras medium mulai pekan depan"
    assert clipping.outlet == "Tribunnews"
    assert clipping.author == "Andi Saputra"
    assert clipping.missing == ("title", "published")


def test_markdown_file_is_a_valid_article_with_all_fields():
    markdown = to_markdown(fixture("antara_style.txt"))
    article = parse_article(markdown, Path("content/jepang.md"))
    assert article.title == "Jepang dan Korea Selatan Sepakat Perkuat Kerja Sama Maritim"
    assert article.outlet == "Antara"
    assert article.published == date(2023, 10, 2)
    assert article.author == "Budi Hartono"
    assert article.url.startswith("https://www.antaranews.com/")
    assert article.original_file == "antara_style.txt"
    assert article.text == ("Jepang dan Korea Selatan sepakat memperkuat kerja sama maritim.\n\n"
                            "Kedua negara akan menggelar latihan bersama tahun depan.")


def test_paragraphs_that_look_like_markdown_render_as_the_outlet_wrote_them():
    clipping = fixture("kompas_style.txt")
    markdown = to_markdown(clipping)
    assert "\n1\\. Tahap pertama" in markdown and "\n\\# Tahap kedua" in markdown
    text = body_text(clipping)
    assert "1. Tahap pertama selesai tahun ini, kata dia." in text
    assert "# Tahap kedua dimulai pada 2024." in text
    assert "- Warga berharap banjir *berkurang* setelah bendungan beroperasi." in text


@given(st.lists(st.sampled_from([*"ab1 .#-+*_`[]()<>!&;:\\|~=/\"'", "&amp;", "&#65;", "1.", "```", "<b>"]),
                min_size=1, max_size=20).map(lambda parts: " ".join("".join(parts).split())).filter(bool))
def test_escaping_never_changes_the_text(paragraph):
    assert markdown_to_text(escape_markdown(paragraph)) == paragraph


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_written_article_reads_back_as_the_clipping(name):
    clipping = fixture(name)
    article = parse_article(to_markdown(clipping), Path(f"content/{name}.md"))
    assert (article.title, article.outlet, article.published) == (clipping.title, clipping.outlet,
                                                                   clipping.published)
    assert article.text == "\n\n".join(clipping.paragraphs)


LINES = st.sampled_from([
    "Kim Jong Un Tiba di Rusia", "Putin menyambut Kim di Vostochny.", "SEOUL, KOMPAS.TV - Kim tiba.",
    "Baca juga: Judul Lain", "Baca juga:", "BERITA LAINNYA", "Next Post", "Beranda", "(ab/cd)",
    "Kompas.tv - 11 September 2023, 21:54 WIB", "Penulis : A | Editor : B", "1. Butir pertama.",
    "TOPSHOT-RUSSIA-NKOREA", "kim-jong-un-tiba-di-rusia", "Foto: Kim (AP Photo/X Y)", "# bukan judul",
    "Kata dia (ab/cd).", "\u00a0", "", "Harga naik - turun.", "https://www.kompas.tv/a/b",
])


@given(st.lists(LINES, min_size=1, max_size=12))
def test_the_importer_never_invents_text(lines):
    text = "\n".join(lines)
    try:
        clipping = parse_clipping(text, "x.txt")
    except DossierError:
        return
    source = " ".join(text.replace("\u00a0", " ").split())
    assert clipping.title.rstrip(".") in source
    for paragraph in clipping.paragraphs:
        assert paragraph.rstrip(".") in source
    assert markdown_to_text(to_markdown(clipping).split("---\n", 2)[2]) == "\n\n".join(clipping.paragraphs)


def test_slug_comes_from_the_title_and_is_cut_between_words():
    assert clipping_slug("Presiden Tinjau Bendungan Baru") == "presiden-tinjau-bendungan-baru"
    long = clipping_slug("Korea Utara Menyatakan Putin Mungkin Mengunjungi Pyongyang Setelah Pembicaraan")
    assert long == "korea-utara-menyatakan-putin-mungkin-mengunjungi-pyongyang"
    assert len(long) <= 60


@pytest.mark.parametrize(("lead", "city", "outlet"), [
    ("SEOUL, KOMPAS.TV - Pemimpin Korea Utara tiba.", "Seoul", "KOMPAS.TV"),
    ("TRIBUNNEWS.COM, SEOUL – Pemimpin Korea Utara tiba.", "Seoul", "TRIBUNNEWS.COM"),
    ("INDONESIAONLINE – Pemimpin Korea Utara tiba.", None, "INDONESIAONLINE"),
    ("JABAR EKSPRES – Pemimpin Korea Utara tiba.", None, "JABAR EKSPRES"),
    ("Jakarta (ANTARA) - Pemimpin Korea Utara tiba.", "Jakarta", "ANTARA"),
    ("Jakarta, CNN Indonesia -- Pemimpin Korea Utara tiba.", "Jakarta", "CNN Indonesia"),
])
def test_dateline_prefixes_are_split_off_the_lead(lead, city, outlet):
    found_city, found_outlet, rest, _ = dateline(lead)
    assert (found_city, found_outlet, rest) == (city, outlet, "Pemimpin Korea Utara tiba.")


@pytest.mark.parametrize("lead", [
    "Harga naik - turun drastis pekan ini.",
    "AS - China sepakat berunding.",
    "Pemimpin Korea Utara Kim Jong Un tiba di Rusia – kata KCNA.",
])
def test_prose_with_a_dash_is_not_a_dateline(lead):
    assert dateline(lead) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Kompas.tv - 11 September 2023, 21:54 WIB", (date(2023, 9, 11), "Kompas.tv")),
    ("Senin, 11 Sep 2023 21:54 WIB", (date(2023, 9, 11), None)),
    ("Kam Sep 14 , 2023", (date(2023, 9, 14), None)),
    ("11/09/2023, 21:54 WIB", (date(2023, 9, 11), None)),
    ("Diperbarui: 2023-09-12 08:00", (date(2023, 9, 12), None)),
    ("Putin tiba pada Senin (11/9/2023).", None),
    ("Kota Vladivostok, 11 September 2023", None),
])
def test_a_line_that_only_states_a_date_is_a_date_header(line, expected):
    assert parse_date_line(line) == expected


# ------------------------------------------------------------ the seed clippings


@needs_seeds
@pytest.mark.parametrize(("prefix", "title", "outlet", "published", "author", "sentences"), [
    ("000", "Moskow Pastikan Kim Jong-un akan Kunjungi Rusia atas Undangan Vladimir Putin", "Kompas TV",
     date(2023, 9, 11), "Edwin Shri Bimo", [
         "Pemimpin Korea Utara, Kim Jong-un, akan mengunjungi Rusia atas undangan Presiden Rusia Vladimir "
         "Putin, seperti dikonfirmasi kedua negara.",
         "Media itu juga memperkirakan pertemuan Kim-Putin akan terjadi paling cepat pada Selasa (12/9/2023).",
         "Kota tersebut juga merupakan tempat pertemuan pertama Putin dengan Kim pada 2019.",
         "Korea Utara memiliki puluhan juta peluru artileri dan roket berdasarkan desain Soviet yang berpotensi "
         "memberikan dorongan besar bagi tentara Rusia, kata para analis."]),
    ("001", "Rencana Pertemuan Kim Jong un-Putin: Bahas Pasokan Senjata dan Kerjasama Militer", "IndonesiaOnline",
     None, None, [
         "Kabar akan digelarnya pertemuan Kim Jong-un dan Vladimir Putin menjadi perhatian khusus dunia.",
         "“Kim Jong-un juga berencana untuk mengunjungi Pier 33. Tempat kapal angkatan laut dari armada "
         "Pasifik Rusia bersandar,” lanjutnya.",
         "Sementara kemungkinan tempat lain yang dikunjungi Kim Jong-un adalah Moskow."]),
    ("002", None, "Tribunnews", None, "Mikael Dafit Adi Prasetyo", [
        "Pemimpin Korea Utara Kim Jong Un dikabarkan telah meninggalkan Pyongyang pada untuk menuju ke Rusia "
        "dengan kereta pribadinya.",
        "“Kami akan terus memperkuat persahabatan kami,” katanya.",
        "Meski begitu, baik Rusia maupun Korea Utara telah membantah tuduhan AS terkait kesepakatan senjata."]),
    ("003", "Pertemuan Kim Jong Un dengan Putin: Diplomasi Rusia-Korut Membahas Hubungan Antar Negara",
     "Jabar Ekspres", None, None, [
         "Pemerintah Rusia telah mengonfirmasi kunjungan Pemimpin Tertinggi Korea Utara, Kim Jong Un, ke negara "
         "tersebut dalam waktu dekat untuk bertemu dengan Presiden Vladimir Putin.",
         "“Kami akan terus memperkuat persahabatan kami,” kata Peskov.",
         "Salah satu anggota delegasi yang mencuri perhatian adalah Direktur Departemen Industri Amunisi, Jo Chun "
         "Ryong."]),
    ("004", "Korea Utara Menyatakan Putin Mungkin Mengunjungi Pyongyang Setelah Pembicaraan ‘Epoch-Making’ "
     "Dengan Kim di Rusia", "", None, None, [
         "Presiden Rusia Vladimir Putin menerima undangan dari Kim Jong Un untuk mengunjungi Korea Utara",
         "Salah satu fasilitas yang mungkin dikunjungi Kim adalah pabrik pembuat pesawat militer.",
         "“Tidak ada bangsa di planet ini, tidak ada orang, yang seharusnya membantu Mr. Putin membunuh orang "
         "Ukraina yang tidak bersalah,” kata Kirby"]),
])
def test_seed_clippings(prefix, title, outlet, published, author, sentences):
    clipping = seed(prefix)
    if title is not None:
        assert clipping.title == title
    assert clipping.outlet == outlet
    assert clipping.published == published
    assert clipping.author == author
    text = "\n".join(clipping.paragraphs)
    for sentence in sentences:
        assert sentence in text
    noise = ("FOLLOW US", "BERITA LAINNYA", "Next Post", "Recruitment Success Academy", "Close Ads",
             "Exit mobile version", "Tinggalkan Balasan", "VIDEO TERPOPULER", "Gabung ke Channel WhatsApp",
             "Luncurkan Kapal Selam Bersenjata Nuklir", "Uni Eropa Rasis", "Korban Gempa Maroko",
             "Presiden Joe Biden Tegaskan", "Baca Juga", "Baca juga", "Penulis", "Sumber :", "Laporan Wartawan",
             "AP Photo", "TOPSHOT", "Dengan bantuan", "(bn/dnv)", "Beranda", "Berita Terkait", "KOMPAS.TV",
             "INDONESIAONLINE", "TRIBUNNEWS.COM", "JABAR EKSPRES", "moskow-pastikan", "\u00a0")
    assert [n for n in noise if n in text] == []


@needs_seeds
def test_every_seed_paragraph_is_a_line_of_the_clipping():
    """Nothing is rewritten: each paragraph is a clipping line, minus at most a dateline or initials."""
    for path in sorted(SEEDS.glob("*.txt")):
        raw = " ".join(path.read_text(encoding="utf-8").replace("\u00a0", " ").split())
        for paragraph in parse_clipping(path.read_text(encoding="utf-8"), path.name).paragraphs:
            assert paragraph.rstrip(".") in raw, (path.name, paragraph)


@needs_seeds
def test_content_folder_holds_the_imported_seeds():
    """The checked-in articles are the importer's output plus front matter completed by hand."""
    from dossier.content import load_articles

    articles = {a.original_file: a for a in load_articles(REPO / "content")}
    for path in sorted(SEEDS.glob("*.txt")):
        clipping = parse_clipping(path.read_text(encoding="utf-8"), path.name)
        article = articles[path.name]
        assert article.text == "\n\n".join(clipping.paragraphs)
        assert article.published is not None


# ------------------------------------------------------------ the command


def test_import_writes_content_files(tmp_path):
    content = tmp_path / "content"
    done = import_clippings([FIXTURES / "kompas_style.txt", FIXTURES / "antara_style.txt"], content)
    assert [d.target.name for d in done] == ["presiden-tinjau-bendungan-baru-di-jawa-tengah.md",
                                            "jepang-dan-korea-selatan-sepakat-perkuat-kerja-sama-maritim.md"]
    assert done[0].outlet == "Kompas TV" and done[0].published == date(2023, 10, 2)
    assert done[0].removed_lines == 12 and done[0].source == FIXTURES / "kompas_style.txt"
    article = parse_article(done[1].target.read_text(encoding="utf-8"), done[1].target)
    assert article.outlet == "Antara"
    assert sorted(p.name for p in content.iterdir()) == sorted(d.target.name for d in done)  # no temp files


def test_existing_article_is_not_overwritten_without_force(tmp_path):
    source = FIXTURES / "tribun_style.txt"
    (target,) = (d.target for d in import_clippings([source], tmp_path))
    target.write_text(target.read_text(encoding="utf-8").replace("published: null", "published: 2023-10-02"),
                      encoding="utf-8")  # the user completes the front matter by hand
    with pytest.raises(DossierError) as error:
        import_clippings([source], tmp_path)
    assert "--force" in str(error.value) and target.name in str(error.value)
    assert "published: 2023-10-02" in target.read_text(encoding="utf-8")
    import_clippings([source], tmp_path, force=True)
    assert "published: null" in target.read_text(encoding="utf-8")


def test_nothing_is_written_when_one_input_is_bad(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \u00a0\n", encoding="utf-8")
    content = tmp_path / "content"
    with pytest.raises(DossierError) as error:
        import_clippings([FIXTURES / "kompas_style.txt", empty, FIXTURES / "antara_style.txt"], content)
    assert [(p.path, p.line) for p in error.value.problems] == [(empty, 1)]
    assert "empty" in str(error.value)
    assert not content.exists() or not any(content.iterdir())


def test_non_utf8_clipping_error_names_the_file_and_line(tmp_path):
    latin1 = tmp_path / "kliping.txt"
    latin1.write_bytes("Judul Berita\n\nKIM - Kunjungan ke Rusia berjalan lancar,\nkata pejabat di Moskow.\n"
                       "Caf\u00e9 itu tutup.".encode("latin-1"))
    with pytest.raises(DossierError) as error:
        import_clippings([latin1], tmp_path / "content")
    (problem,) = error.value.problems
    assert problem.path == latin1 and problem.line == 5
    assert "UTF-8" in problem.message and "kliping.txt" in str(error.value)
    assert not (tmp_path / "content").exists()


def test_every_problem_is_reported_at_once(tmp_path):
    missing = tmp_path / "hilang.txt"
    only_furniture = tmp_path / "iklan.txt"
    only_furniture.write_text("Beranda\n\nBERITA LAINNYA\n\nClose Ads x\n", encoding="utf-8")
    with pytest.raises(DossierError) as error:
        import_clippings([missing, only_furniture, FIXTURES / "kompas_style.txt",
                          FIXTURES / "kompas_style.txt"], tmp_path / "content")
    paths = [p.path for p in error.value.problems]
    assert paths == [missing, only_furniture, FIXTURES / "kompas_style.txt"]
    assert "cannot read" in error.value.problems[0].message
    assert "no article text" in error.value.problems[1].message
    assert "twice" in error.value.problems[2].message
    assert not (tmp_path / "content").exists()


def write_clipping(folder: Path, name: str, dateline_outlet: str) -> Path:
    path = folder / name
    path.write_text(f"Kim Jong Un Tiba di Rusia\n\n{dateline_outlet} – Kim Jong Un tiba di Rusia dengan kereta.\n",
                    encoding="utf-8")
    return path


def test_same_headline_from_two_outlets_gives_two_articles(tmp_path):
    """Wire stories run under the same headline at several outlets; none replaces another."""
    first = write_clipping(tmp_path, "a.txt", "SEOUL, KOMPAS.TV")
    second = write_clipping(tmp_path, "b.txt", "TRIBUNNEWS.COM, SEOUL")
    third = write_clipping(tmp_path, "c.txt", "JABAR EKSPRES")
    content = tmp_path / "content"
    names = [d.target.name for d in import_clippings([first, second], content)]
    assert names == ["kim-jong-un-tiba-di-rusia.md", "kim-jong-un-tiba-di-rusia-tribunnews.md"]
    (later,) = import_clippings([third], content, force=True)  # force never replaces another article
    assert later.target.name == "kim-jong-un-tiba-di-rusia-jabar-ekspres.md"
    assert parse_article((content / names[0]).read_text(encoding="utf-8"), content / names[0]).outlet == "Kompas TV"
    with pytest.raises(DossierError, match="--force"):  # but the same clipping again is the same article
        import_clippings([second], content)


def test_build_py_import_command(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    clipping = str(FIXTURES / "kompas_style.txt")
    assert main(["--site", str(site), "import", clipping]) == 0
    assert "Kompas TV" in capsys.readouterr().out
    assert (site / "content" / "presiden-tinjau-bendungan-baru-di-jawa-tengah.md").is_file()
    assert main(["--site", str(site), "import", clipping]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["--site", str(site), "import", "--force", clipping]) == 0
