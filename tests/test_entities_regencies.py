"""Indonesia's regencies and cities, and a city's landmarks, are places.  A regency is found alone
or after the units, offices and councils of its region ("Kejari Kendal", "Bupati Gianyar",
"DPRD Gowa"): the lexicon holds them all (dossier/data/regencies.tsv), not only the towns
GeoNames lists.  Those named like a word need a cue, as any place named so; the titles'
abbreviations among them are left out.  A landmark keeps its acronym ("Bundaran HI").
No known entities: the shipped lexicons only.
"""

import pytest
from entity_text import extract, found

from dossier.extract.gazetteer import _lexicons


def test_the_regencies_of_a_province_are_all_known(bare):
    for name in ("Badung", "Bangli", "Buleleng", "Gianyar", "Jembrana", "Karangasem", "Klungkung", "Tabanan"):
        assert bare.lookup(name) is not None, name


def test_a_regency_after_the_units_of_its_region_is_a_place(bare):
    x = found(extract("Kasus itu diselidiki Kejari Kendal setelah DPRD Kendal mempertanyakan laporan keuangan.", bare))
    assert x[("place", "Kendal")] == ["Kendal", "Kendal"]


def test_a_regency_after_its_regents_title_is_a_place(bare):
    x = found(extract("Bupati Gianyar meninjau lokasi longsor di Jembrana.", bare))
    assert x == {("place", "Gianyar"): ["Gianyar"], ("place", "Jembrana"): ["Jembrana"]}


def test_a_press_short_form_names_the_regency(bare):
    x = found(extract("Banjir merendam tiga kecamatan di Sidrap.", bare))
    assert x == {("place", "Sidenreng Rappang"): ["Sidrap"]}


@pytest.mark.parametrize("sentence", [
    "Kaur Pemerintahan desa itu diperiksa.",  # Kepala Urusan, a village official
    "Direktur Jenderal Mineral dan Batubara menerbitkan izin.",  # coal
])
def test_regency_names_that_are_also_titles_or_words_are_left_out(bare, sentence):
    assert not any(kind == "place" for kind, _ in found(extract(sentence, bare)))


def test_a_regency_named_like_a_word_needs_a_cue(bare):
    assert "lebak" in _lexicons().vocabulary_places
    assert found(extract("Lebak itu dalam.", bare)) == {}
    assert found(extract("Banjir melanda Kabupaten Lebak.", bare)) == {("place", "Lebak"): ["Lebak"]}


def test_a_citys_landmarks_are_places_even_named_with_an_acronym(bare):
    x = found(extract("Buruh berunjuk rasa di Patung Kuda dan Bundaran HI, lalu kembali ke Stasiun Gambir.", bare))
    assert x == {("place", "Patung Kuda"): ["Patung Kuda"], ("place", "Bundaran HI"): ["Bundaran HI"],
                 ("place", "Stasiun Gambir"): ["Stasiun Gambir"]}
