"""Hubs and the assembled site: who belongs where, what recurs, what happened when."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import pytest

from dossier.assemble import assemble_site, date_sort_key, sentence_at
from dossier.config import HubConfig, parse_config
from dossier.hubs import _CASE_EXCEPTIONS, assign_topics, hub_hits
from dossier.models import Article, DateMention, EntityMentions, Extraction, Mention, Sentence
from dossier.opendata import dossier_json

CONFIG = parse_config(
    "title: Uji\nlanguage: id\nbase_url: https://example.test/\n"
    "paths: {articles: artikel, people: tokoh, places: tempat, topics: topik}\n"
    "hubs:\n"
    "  - {slug: kota, title: Kota, entities: [Vladivostok]}\n"
    "  - {slug: senjata, title: Senjata, keywords: [amunisi, peluru artileri], min_matches: 2}\n"
    "entities:\n  - {name: Vladivostok, type: place, coordinates: [43.1, 131.9], wikidata: Q959}\n",
    Path("/site/site.yaml"),
)


def article(slug: str, text: str, published: date | None, title: str = "Judul") -> Article:
    return Article(slug=slug, source=Path(f"{slug}.md"), title=title, outlet=f"Media {slug}",
                   published=published, body=text, text=text)


def extraction(text: str, names: dict[str, tuple[str, str]], dates: dict[str, str | None]) -> Extraction:
    """Hand-made extraction: names maps an exact string to (canonical name, type)."""
    sentences = []
    start = 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        sentences.append(Sentence(start, min(end, len(text)), text[start:min(end, len(text))]))
        start = end + 1
    entities = []
    for surface, (name, kind) in names.items():
        at = text.index(surface)
        entities.append(EntityMentions(name.lower().replace(" ", "-"), name, kind,  # type: ignore[arg-type]
                                       (Mention(surface, at, at + len(surface)),)))
    found = [DateMention(s, text.index(s), text.index(s) + len(s), v) for s, v in dates.items()]
    return Extraction(tuple(sentences), tuple(entities), tuple(found))


TEXT_A = "Kim tiba di Vladivostok pada Selasa (12/9/2023). Ia membahas amunisi dan peluru artileri."
TEXT_B = "Putin bertemu Kim di Vostochny. Pertemuan pertama di Vladivostok terjadi pada 2019."
TEXT_C = "Amerika Serikat khawatir soal amunisi."
ARTICLES = (article("a", TEXT_A, date(2023, 9, 12)), article("b", TEXT_B, date(2023, 9, 14)),
            article("c", TEXT_C, None))
EXTRACTIONS = (
    extraction(TEXT_A, {"Kim": ("Kim Jong Un", "person"), "Vladivostok": ("Vladivostok", "place")},
               {"Selasa (12/9/2023)": "2023-09-12"}),
    extraction(TEXT_B, {"Putin": ("Vladimir Putin", "person"), "Kim": ("Kim Jong Un", "person"),
                        "Vladivostok": ("Vladivostok", "place")}, {"2019": "2019", "Vostochny": None}),
    extraction(TEXT_C, {"Amerika Serikat": ("Amerika Serikat", "place")}, {}),
)


def test_hub_rules_count_distinct_keywords_and_entities() -> None:
    kota, senjata = CONFIG.hubs
    assert hub_hits(kota, ARTICLES[0], EXTRACTIONS[0]) == ("Vladivostok",)
    assert hub_hits(senjata, ARTICLES[0], EXTRACTIONS[0]) == ("amunisi", "peluru artileri")
    assert hub_hits(senjata, ARTICLES[2], EXTRACTIONS[2]) == ("amunisi",)  # one hit < min_matches 2
    assert assign_topics(ARTICLES, EXTRACTIONS, CONFIG.hubs) == (("kota", "senjata"), ("kota",), ())


def test_keywords_match_whole_words_across_line_breaks_case_insensitively() -> None:
    hub = HubConfig("x", "X", keywords=("peluru artileri",))
    art = article("x", "PELURU\nArtileri dikirim. Peluru-artileri tidak.", None)
    assert hub_hits(hub, art, Extraction((), (), ())) == ("peluru artileri",)
    assert hub_hits(HubConfig("y", "Y", keywords=("amunisi",)), article("y", "amunisinya", None),
                    Extraction((), (), ())) == ()


def test_only_the_known_exceptions_match_ascii_letters_case_insensitively_but_lower_differently() -> None:
    """hubs.py skips its lowercase shortcut for texts holding one of _CASE_EXCEPTIONS; that is
    sound only if no other character matches an ASCII character under IGNORECASE while
    lowercasing to something else."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    odd = {m for a in map(chr, range(128)) for m in re.findall(re.escape(a), every, re.IGNORECASE)
           if m.lower() != a.lower()}
    assert odd == set(_CASE_EXCEPTIONS)


def test_keyword_hits_are_those_of_a_plain_search_per_keyword() -> None:
    keywords = ("tol laut", "kpu", "APBN", "surat suara", "Straße", "si", "k", "a-b", "d.c.", "ılık", "istanbul")
    texts = ("Tol laut dibuka; mereka tolak tol\n\tLAUT.", "KPU", "xkpu kpux kpu_ (kpu)", "İSTANBUL dan ıstanbul",
             "ſurat suara", "\u212apu", "surat  suara", "surat-suara", "STRASSE Straße", "a-b d.c. sı", "ab-a-b",
             "SI dan sİ", "kata k.", "apbn2023 APBN!", "", "ılık ILIK")
    hub = HubConfig("x", "X", keywords=keywords)
    for text in texts:
        for title in ("Judul", "TOL LAUT"):
            art = article("x", text, None, title)
            haystack = f"{title}\n{text}"
            plain = tuple(k for k in keywords if re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, k.split()))
                                                           + r"(?!\w)", haystack, re.IGNORECASE))
            assert hub_hits(hub, art, Extraction((), (), ())) == plain, haystack


def test_site_orders_articles_newest_first_and_counts_entities_by_article() -> None:
    site = assemble_site(CONFIG, ARTICLES, EXTRACTIONS, (("s",),) * 3, assign_topics(ARTICLES, EXTRACTIONS,
                                                                                      CONFIG.hubs))
    assert [p.article.slug for p in site.articles] == ["b", "a", "c"]
    assert [p.path for p in site.articles] == ["artikel/b/index.html", "artikel/a/index.html", "artikel/c/index.html"]
    kim = site.people[0]
    assert (kim.name, kim.article_count, kim.path) == ("Kim Jong Un", 2, "tokoh/kim-jong-un/index.html")
    assert [a.sentence for a in kim.appearances] == ["Putin bertemu Kim di Vostochny.",
                                                     "Kim tiba di Vladivostok pada Selasa (12/9/2023)."]
    vladivostok = next(p for p in site.places if p.name == "Vladivostok")
    assert vladivostok.known is not None and vladivostok.known.wikidata == "Q959"
    assert site.outlets == ("Media a", "Media b", "Media c")


def test_timeline_is_chronological_and_skips_unresolved_dates() -> None:
    site = assemble_site(CONFIG, ARTICLES, EXTRACTIONS, ((),) * 3, ((),) * 3)
    assert [(e.date, e.article.article.slug) for e in site.timeline] == [("2019", "b"), ("2023-09-12", "a")]
    assert site.timeline[0].sentence == "Pertemuan pertama di Vladivostok terjadi pada 2019."
    assert date_sort_key("2023-09-10/2023-09-13") == "2023-09-10"


def test_hub_pages_list_members_recurring_entities_and_their_events() -> None:
    topics = assign_topics(ARTICLES, EXTRACTIONS, CONFIG.hubs)
    site = assemble_site(CONFIG, ARTICLES, EXTRACTIONS, ((),) * 3, topics)
    kota = site.hubs[0]
    assert [p.article.slug for p in kota.articles] == ["b", "a"]
    assert [(c.entity.name, c.count) for c in kota.people] == [("Kim Jong Un", 2)]  # Putin is in one only
    assert [(c.entity.name, c.count) for c in kota.places] == [("Vladivostok", 2)]
    assert [e.date for e in kota.events] == ["2019", "2023-09-12"]


def test_sentence_lookup_by_offset() -> None:
    sentences = EXTRACTIONS[0].sentences
    assert sentence_at(sentences, 0) == sentences[0]
    assert sentence_at(sentences, len(TEXT_A) - 1) == sentences[-1]
    assert sentence_at(sentences, 10_000) is None


def test_dossier_json_has_the_documented_shape() -> None:
    topics = assign_topics(ARTICLES, EXTRACTIONS, CONFIG.hubs)
    site = assemble_site(CONFIG, ARTICLES, EXTRACTIONS, (("Ringkas.",),) * 3, topics)
    data = json.loads(dossier_json(site, CONFIG))
    first = data["articles"][1]
    assert first["slug"] == "a" and first["url"] == "artikel/a/" and first["published"] == "2023-09-12"
    assert first["summary"] == ["Ringkas."] and first["topics"] == ["kota", "senjata"]
    assert first["people"] == [{"name": "Kim Jong Un", "key": "kim-jong-un", "type": "person",
                                "url": "tokoh/kim-jong-un/", "mentions": ["Kim"], "count": 1}]
    assert first["dates"] == [{"text": "Selasa (12/9/2023)", "date": "2023-09-12"}]
    place = next(p for p in data["places"] if p["name"] == "Vladivostok")
    assert place["coordinates"] == [43.1, 131.9] and place["articles"] == ["b", "a"]
    assert [t["slug"] for t in data["topics"]] == ["kota", "senjata"]
    assert data["timeline"][0] == {"date": "2019", "text": "2019", "article": "b", "outlet": "Media b",
                                   "sentence": "Pertemuan pertama di Vladivostok terjadi pada 2019."}
    assert dossier_json(site, CONFIG) == dossier_json(site, CONFIG)


def _analysed_fixture():
    from dossier.analysis import analyze_site
    from dossier.analyze import extract_all
    from dossier.config import load_config
    from dossier.content import load_articles
    from dossier.summarize import summarize

    config = load_config(Path(__file__).resolve().parent / "fixtures" / "analysis")
    articles = load_articles(config.content_dir)
    extractions = extract_all(articles, config.entities, None, workers=1)
    summaries = tuple(summarize(a.text, e, config.summary_sentences) for a, e in zip(articles, extractions,
                                                                                      strict=True))
    site = assemble_site(config, articles, extractions, summaries,
                         assign_topics(articles, extractions, config.hubs))
    return site, config, analyze_site(site, config)


@pytest.mark.parametrize("piece_chars", [None, 1, 300])
def test_dossier_json_is_written_piece_by_piece_as_one_dumps_would(piece_chars, monkeypatch) -> None:
    """opendata streams the file (300 MB at 10,000 articles) member by member, mirroring
    Analysis.to_json, a list's items in pieces of about ``json_stream.PIECE_CHARS`` characters: the
    bytes must be those of one json.dumps of the whole tree, whatever the pieces."""
    from dossier import json_stream, opendata

    if piece_chars is not None:
        monkeypatch.setattr(json_stream, "PIECE_CHARS", piece_chars)
    site, config, analysis = _analysed_fixture()
    files = dict(file for _, make in opendata.open_data(site, config, analysis) for file in make())
    assert list(files) == ["dossier.json", "dossier-events.json", "dossier-analysis.json"]
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    for written in files.values():
        assert written == (json.dumps(json.loads(written), **compact) + "\n").encode("utf-8")
    data = json.loads(files["dossier.json"])
    assert data["files"] == {"events": "dossier-events.json", "analysis": "dossier-analysis.json"}
    # The two other files are the analysis: its timeline's events, and the rest.
    whole = analysis.to_json()
    assert json.loads(files["dossier-events.json"]) == whole.pop("timeline")
    assert json.dumps(json.loads(files["dossier-analysis.json"]), **compact) == json.dumps(whole, **compact)
    # The timeline's entries are written as text directly: exactly what encoding their objects gives.
    assert [opendata._period_text(p) for p in analysis.timeline.periods] == [
        json.dumps(p.to_json(), **compact) for p in analysis.timeline.periods]
    # One memo of repeated values (slugs, outlets, dates) shared by every entry gives the same text.
    texts = opendata._Texts()
    assert [opendata._period_text(p, texts) for p in analysis.timeline.periods] == [
        json.dumps(p.to_json(), **compact) for p in analysis.timeline.periods]
    assert [opendata._timeline_entry_text(e, texts) for e in site.timeline] == [
        json.dumps({"date": e.date, "text": e.date_text, "sentence": e.sentence, "article": e.article.article.slug,
                    "outlet": e.article.article.outlet}, **compact) for e in site.timeline]
    # Offsets 0 and 1 beside booleans (True == 1): each is written as its own JSON.
    attestation = analysis.timeline.periods[0].events[0].attestations[0]
    for start, end, mismatch in ((1, 2, True), (0, 1, False)):
        odd = dataclasses.replace(attestation, date_start=start, date_end=end, weekday_mismatch=mismatch)
        assert opendata._attestation_text(odd, texts) == json.dumps(odd.to_json(), **compact)
    assert whole["map"] and whole["quotes"] and json.loads(files["dossier-events.json"])["periods"]
    assert json.loads(dossier_json(site, config))["articles"] == data["articles"]
    assert "files" not in json.loads(dossier_json(site, config))  # no analysis: no files to name


def test_models_pickle_as_their_fields_and_read_older_pickles() -> None:
    """Models are slotted and pickle as a call of the class; the state dicts of pickles made
    before (an extraction cache written by an older version) still load, field by field."""
    import copyreg
    import io
    import pickle

    extraction = EXTRACTIONS[1]
    assert pickle.loads(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)) == extraction
    assert not hasattr(extraction, "__dict__")

    class OlderPickler(pickle.Pickler):  # what pickle wrote for a model with a __dict__
        def reducer_override(self, obj: object) -> object:
            if isinstance(obj, Sentence):
                return copyreg.__newobj__, (Sentence,), {"start": obj.start, "end": obj.end, "text": obj.text}
            return NotImplemented

    buffer = io.BytesIO()
    OlderPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(extraction.sentences)
    assert pickle.loads(buffer.getvalue()) == extraction.sentences


@pytest.mark.parametrize("limit", [6_000, 9_000])
def test_open_data_past_the_file_size_limit_continues_in_numbered_files_and_loses_nothing(limit) -> None:
    """A static host serves files up to a size (Cloudflare Pages 25 MiB, GitHub 100 MB); at
    10,000 articles the articles alone are ~52 MiB.  Past the limit a long list is cut and
    continues in files that the file's ``continued`` names: read back together, they are
    exactly the data of the file written whole."""
    from dossier import opendata

    site, config, analysis = _analysed_fixture()
    whole = {path: json.loads(data) for _, make in opendata.open_data(site, config, analysis, limit=None)
             for path, data in make()}
    split = dict(file for _, make in opendata.open_data(site, config, analysis, limit=limit) for file in make())
    assert len(split) > 3
    for path, data in split.items():
        items = json.loads(data)
        # Over the limit only where one item alone is larger than it.
        assert len(data) <= limit or (isinstance(items, list) and len(items) == 1), path
        assert data == (json.dumps(items, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    for path, data in whole.items():
        read = json.loads(split[path])
        for key, continuations in read.pop("continued", {}).items():
            assert continuations == [f"{path.removesuffix('.json')}-{key}-{n}.json"
                                     for n in range(2, len(continuations) + 2)]
            for continuation in continuations:
                read[key] += json.loads(split.pop(continuation))
        split.pop(path)
        assert read == data
    assert not split  # every continuation is named by its file
