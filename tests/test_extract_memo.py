"""The gazetteer's memo of segmented runs: a remembered answer is the answer.

``candidates`` remembers each run's segmentation by its words and the facts read around it
(``cues.Facts``), for as long as the gazetteer lives.  What an article gives must not depend
on what was extracted before it with the same gazetteer, nor on the memo being cleared.
"""

from datetime import date
from pathlib import Path

import pytest

from dossier import content
from dossier.extract import article_candidates, build_gazetteer, extract_article, link_dossier
from dossier.models import KnownEntity

SEEDS = Path(__file__).resolve().parent.parent / "content"

TEXTS = [
    "Presiden Rusia Vladimir Putin menerima undangan Pemimpin Korea Utara Kim Jong Un di Moskow.",
    "Juru bicara Kremlin, Dmitry Peskov, mengatakan Putin akan ke Vladivostok. \"Kami siap,\" kata Peskov.",
    "Kantor berita Korea Utara, KCNA, melaporkan Kim tiba di wilayah Primorsky Krai pada Selasa (12/9/2023).",
    "Juru bicara Kremlin Dmitry Peskov menyebut kunjungan itu penting. Peskov tidak merinci jadwalnya.",
    "Pakar hidrologi Universitas Diponegoro, Wahyu Hidayat, menilai banjir di kota Semarang meluas.",
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan hujan di Jawa Tengah.",
    "Pertemuan itu digelar di Kosmodrom Vostochny. Namun Kim Jong-un tidak berbicara kepada wartawan.",
]


def _seed_texts() -> list[str]:
    return [article.text for article in content.load_articles(SEEDS)] if SEEDS.is_dir() else []


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return TEXTS + _seed_texts() + TEXTS  # the same articles again, read from the memo


def test_an_article_extracts_the_same_with_a_used_gazetteer(texts):
    known = (KnownEntity("Kim Jong Un", "person", ("Kim Jong-un",)),)
    shared = build_gazetteer(known)
    with_memo = [extract_article(t, date(2023, 9, 11), shared) for t in texts]
    fresh = [extract_article(t, date(2023, 9, 11), build_gazetteer(known)) for t in texts]
    assert with_memo == fresh
    assert shared.memo.runs  # (the memo was used)
    assert link_dossier(tuple(with_memo), shared) == link_dossier(tuple(fresh), build_gazetteer(known))


@pytest.mark.parametrize("limit", [2, 3, 7])
def test_a_memo_thinned_when_full_gives_the_same_candidates(texts, monkeypatch, limit):
    gazetteer = build_gazetteer(())
    expected = [extract_article(t, date(2023, 9, 11), build_gazetteer(())) for t in texts]
    monkeypatch.setattr(article_candidates, "_MEMO_LIMIT", limit)
    monkeypatch.setattr(article_candidates, "_SENTENCE_MEMO_LIMIT", limit)
    assert [extract_article(t, date(2023, 9, 11), gazetteer) for t in texts] == expected
    assert len(gazetteer.memo.runs) <= limit
    assert len(gazetteer.memo.sentences) <= limit


def test_a_remembered_sentence_gives_its_candidates_where_it_is_written_again():
    sentence = "Juru bicara Kremlin, Dmitry Peskov, mengatakan Putin akan ke Vladivostok."
    gazetteer = build_gazetteer(())
    first = extract_article(sentence, None, gazetteer)
    again = extract_article("Pada Senin, hujan turun. " + sentence, None, gazetteer)
    assert sentence in gazetteer.memo.sentences
    shift = len("Pada Senin, hujan turun. ")
    assert [(m.start - shift, m.end - shift) for e in again.entities for m in e.mentions] == [
        (m.start, m.end) for e in first.entities for m in e.mentions]
    assert again == extract_article("Pada Senin, hujan turun. " + sentence, None, build_gazetteer(()))


def test_a_sentence_ending_with_a_word_is_read_with_what_follows_it():
    # The acronym after a headline-like line without a full stop names its institution.
    gazetteer = build_gazetteer(())
    plain = extract_article("Kepala Badan Pangan Nasional\n\nIa datang.", None, gazetteer)
    taught = extract_article("Kepala Badan Pangan Nasional\n(BPN) datang.", None, gazetteer)
    assert plain == extract_article("Kepala Badan Pangan Nasional\n\nIa datang.", None, build_gazetteer(()))
    assert taught == extract_article("Kepala Badan Pangan Nasional\n(BPN) datang.", None, build_gazetteer(()))
    assert "Kepala Badan Pangan Nasional" not in gazetteer.memo.sentences


def test_the_memo_is_no_part_of_the_gazetteer_value():
    used = build_gazetteer(())
    extract_article(TEXTS[0], date(2023, 9, 11), used)
    assert used == build_gazetteer(())
    assert repr(used) == repr(build_gazetteer(()))
