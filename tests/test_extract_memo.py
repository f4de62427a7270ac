"""The gazetteer's memo of segmented runs: a remembered answer is the answer.

``candidates`` remembers each run's segmentation by its words and the facts read around it
(``cues.Facts``), for as long as the gazetteer lives.  What an article gives must not depend
on what was extracted before it with the same gazetteer, nor on the memo being cleared.
"""

from datetime import date
from pathlib import Path

import pytest

from dossier import content
from dossier.extract import build_gazetteer, candidates, extract_article, link_dossier
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


def test_a_memo_cleared_when_full_gives_the_same_candidates(texts, monkeypatch):
    gazetteer = build_gazetteer(())
    expected = [extract_article(t, date(2023, 9, 11), build_gazetteer(())) for t in texts]
    monkeypatch.setattr(candidates, "_MEMO_LIMIT", 2)
    assert [extract_article(t, date(2023, 9, 11), gazetteer) for t in texts] == expected
    assert len(gazetteer.memo.runs) <= 2


def test_the_memo_is_no_part_of_the_gazetteer_value():
    used = build_gazetteer(())
    extract_article(TEXTS[0], date(2023, 9, 11), used)
    assert used == build_gazetteer(())
    assert repr(used) == repr(build_gazetteer(()))
