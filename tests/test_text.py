"""Sentence splitting: offsets into the text, and the periods that do not end a sentence."""

from hypothesis import given
from hypothesis import strategies as st

from dossier.text import fold, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_index_the_original_text():
    text = "  Satu kalimat.  Dua kalimat!\n\nTiga? Ya.  "
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Satu kalimat.", "Dua kalimat!", "Tiga?", "Ya."]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_titles_and_initials_do_not_end_a_sentence():
    assert texts("Menurut Jubir Gedung Putih, John F. Kirby, pembicaraan berjalan. Mr. Putin tiba.") == [
        "Menurut Jubir Gedung Putih, John F. Kirby, pembicaraan berjalan.", "Mr. Putin tiba."]
    assert texts("Kantornya di Jl. Sudirman No. 5 Jakarta. Ia datang.") == [
        "Kantornya di Jl. Sudirman No. 5 Jakarta.", "Ia datang."]


def test_times_dates_and_bracketed_times_stay_inside():
    text = ("Kereta belum menyeberang hingga pukul 17.00 WIB atau (1000 GMT) pada Senin (11/9/2023). "
            "Kereta itu berangkat Minggu.")
    assert texts(text) == ["Kereta belum menyeberang hingga pukul 17.00 WIB atau (1000 GMT) pada Senin (11/9/2023).",
                           "Kereta itu berangkat Minggu."]


def test_a_quotation_and_its_attribution_are_one_sentence():
    text = ("“Kim berangkat pada Minggu menuju Rusia.” Kata kantor berita KCNA, Selasa. "
            "\"Kami siap.\" kata Peskov. \"Ini lain.\" Lalu ia pergi.")
    assert texts(text) == ["“Kim berangkat pada Minggu menuju Rusia.” Kata kantor berita KCNA, Selasa.",
                           "\"Kami siap.\" kata Peskov.", "\"Ini lain.\"", "Lalu ia pergi."]


def test_blank_lines_always_end_a_sentence():
    assert texts("Judul tanpa titik\n\nParagraf pertama.") == ["Judul tanpa titik", "Paragraf pertama."]


def test_lowercase_after_a_period_continues_the_sentence():
    assert texts("Harga naik 3 pct. dari bulan lalu. Pasar tenang.") == [
        "Harga naik 3 pct. dari bulan lalu.", "Pasar tenang."]


def test_fold_merges_spelling_variants_of_one_name():
    assert fold("Kim Jong-un") == fold("Kim Jong Un") == fold("kim  jong un") == "kim jong un"
    assert fold("John F. Kirby") == "john f kirby"
    assert fold("Kim Dae-jung") != fold("Kim Jong-un")


@given(st.text(alphabet=st.sampled_from(list("Ab. \n“”\"!?,1/()-")), max_size=200))
def test_sentences_are_ordered_non_overlapping_slices(text):
    sentences = split_sentences(text)
    last_end = 0
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last_end
        last_end = s.end


def test_long_runs_of_punctuation_and_space_split_as_short_ones():
    # Each of these once took seconds to minutes (backtracking, or a search from the start
    # of the text per period); the sentences they make are those of the short forms.
    assert texts("." * 50_000) == ["." * 50_000]
    assert texts("Ia datang" + "." * 5_000 + " Lalu pergi.") == ["Ia datang" + "." * 5_000, "Lalu pergi."]
    spaced = "Harga naik." + " " * 10_000 + "dari bulan lalu."
    assert texts(spaced) == [spaced]
    assert texts("Satu\n" + "  \n" * 5_000 + "Dua") == ["Satu", "Dua"]
    assert texts("“" * 20_000 + " Ya.") == ["“" * 20_000 + " Ya."]


def test_a_word_longer_than_the_look_back_still_decides_the_period():
    assert texts("Kode " + "ab." * 40 + " Berikutnya.") == ["Kode " + "ab." * 40, "Berikutnya."]
    assert texts("x" * 500 + " Dr. Ahmad tiba.") == ["x" * 500 + " Dr. Ahmad tiba."]
    # "A" then a hundred periods, a line break and a period: the word before that period is
    # still the initial "A" (so it does not end a sentence), however far back it begins.
    assert texts("Nomor A" + "." * 100 + "\n. Berikutnya") == ["Nomor A" + "." * 100, ". Berikutnya"]
