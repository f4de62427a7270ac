"""Extractive summaries: what the article is about, in its own words and order."""

from datetime import date
from pathlib import Path

import pytest

from dossier.content import load_articles
from dossier.extract import build_gazetteer, extract_article, link_dossier
from dossier.extract.quotes import QUOTATION
from dossier.models import Sentence
from dossier.summarize import _article_words, _content_words, _quoted_share, summarize
from dossier.text import split_sentences

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


def test_sentence_words_are_read_in_place_as_they_would_be_one_by_one():
    """The words of each sentence, read from the casefolded article, are those of its own text,
    also where casefolding changes lengths (ß, İ) or sentences leave words out."""
    texts = [ARTICLE, "Straße Größe dan Jalan Merdeka. İstanbul dan Sigma ΣΑΣ tiba 2023 dan 12345.",
             "Kata 2023 ² ²²²² satu. Dua tiga empat lima.", "Pertama. kedua ketiga; Empat\n\nLima enam tujuh."]
    for text in texts:
        sentences = split_sentences(text)
        candidates = [sentences, sentences[1:], sentences[:-1],  # words outside the sentences
                      tuple(Sentence(s.start + 1, s.end, text[s.start + 1:s.end]) for s in sentences)]  # cut words
        for chosen in candidates:
            article, per_sentence = _article_words(text, chosen)
            assert article == _content_words(text)
            assert per_sentence == [_content_words(s.text) for s in chosen]


def test_quoted_share_is_the_share_inside_quotation_matches():
    for text in ("“Kami datang,” kata dia.", 'Dia "berkata" dan "lagi"', "“" * 5000 + " tanpa penutup",
                 '"' * 3001, "Tanpa kutipan sama sekali."):
        sentence = Sentence(0, len(text), text)
        expected = sum(len(m.group(0)) for m in QUOTATION.finditer(text)) / max(1, len(text))
        assert _quoted_share(sentence) == expected


def test_a_lead_sentence_is_summarized_without_its_dateline():
    gazetteer = build_gazetteer(())
    text = ("BALIKPAPAN, RADARTENGGARA.CO.ID - Longsor menutup akses jalan antara Balikpapan dan Tarakan "
            "pada Sabtu (4/11).\n\nPara pengungsi ditampung di gedung sekolah dan masjid di Tarakan sejak pagi.")
    extraction = link_dossier((extract_article(text, date(2023, 11, 5), gazetteer),), gazetteer)[0]
    lead = summarize(text, extraction, 2)[0]
    assert lead == "Longsor menutup akses jalan antara Balikpapan dan Tarakan pada Sabtu (4/11)."
