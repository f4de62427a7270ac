"""Extractive summaries: what the article is about, in its own words and order."""

from pathlib import Path

import pytest

from dossier.content import load_articles
from dossier.extract import build_gazetteer, extract_article
from dossier.summarize import summarize

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """Perdana Menteri Jepang Haruto Takeda tiba di Canberra pada Selasa untuk kunjungan tiga hari ke Australia.

Foto: dok.

“Kami ingin kawasan yang terbuka dan damai bagi semua pihak,” kata Takeda.

Takeda dan Perdana Menteri Australia Liam Fraser menandatangani pakta keamanan baru di Canberra.

Cuaca cerah dan ribuan warga menonton dari pinggir jalan sambil membawa bendera kecil di tangan.

Pakta keamanan Jepang dan Australia itu memungkinkan pasukan kedua negara berlatih bersama di Australia.
"""


@pytest.fixture(scope="module")
def gazetteer():
    return build_gazetteer(())


def test_summary_sentences_come_from_the_text_in_order(gazetteer):
    x = extract_article(ARTICLE, None, gazetteer)
    summary = summarize(ARTICLE, x, 3)
    assert len(summary) == 3
    positions = [ARTICLE.index(s) for s in summary]
    assert positions == sorted(positions)
    assert summary[0].startswith("Perdana Menteri Jepang Haruto Takeda tiba di Canberra")


def test_quotations_captions_and_filler_are_passed_over(gazetteer):
    x = extract_article(ARTICLE, None, gazetteer)
    summary = summarize(ARTICLE, x, 3)
    assert not any(s.startswith(("“", "Foto", "Cuaca")) for s in summary)


def test_summary_length_and_determinism(gazetteer):
    x = extract_article(ARTICLE, None, gazetteer)
    assert summarize(ARTICLE, x, 0) == ()
    assert len(summarize(ARTICLE, x, 1)) == 1
    assert summarize(ARTICLE, x, 2) == summarize(ARTICLE, x, 2)


def test_a_short_article_still_gets_a_summary(gazetteer):
    text = "Kim tiba."
    assert summarize(text, extract_article(text, None, gazetteer), 3) == ("Kim tiba.",)


def test_every_seed_article_gets_two_or_three_distinct_sentences(gazetteer):
    for article in load_articles(ROOT / "content"):
        x = extract_article(article.text, article.published, gazetteer)
        summary = summarize(article.text, x, 3)
        assert 2 <= len(summary) <= 3 and len(set(summary)) == len(summary), article.slug
        assert all(s in article.text and not s.startswith(("“", '"')) for s in summary)
