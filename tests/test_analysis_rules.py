"""The analysis rules on a small synthetic dossier with known answers, and one rule at a time.

tests/fixtures/analysis/ follows a fictional minister: Makassar (1 October 2023) →
Surabaya (2 October per Kabar Timur, 3 October per Warta Nusantara) → Balikpapan
(5 October); two outlets carry the same ministry statement word for word and the
minister's quote in two wordings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from test_analysis_seeds import load_site

from dossier.analysis import Analysis, analyze_site, event_jsonld, map_svg
from dossier.analysis.common import ArticleIndex, entities_in, excerpt, sentence_index, token_spans, tokens, word_spans
from dossier.analysis.geo import fit, load_map_data
from dossier.analysis.passages import find_shared_passages
from dossier.analysis.periods import compatible, days_apart, interval
from dossier.analysis.quotes import _segments, group_quotes
from dossier.analysis.svg import esc, num
from dossier.analysis.verbs import governing_kind
from dossier.config import Config
from dossier.models import Article, ArticlePage, Extraction, Quote, Sentence, Site
from dossier.text import split_sentences

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "analysis"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def trip() -> tuple[Config, Site, Analysis]:
    config, site = load_site(FIXTURE)
    return config, site, analyze_site(site, config)


def test_two_outlets_disagree_on_the_arrival_day_and_the_third_city_is_another_arrival(trip):
    _, _, analysis = trip
    (conflict,) = analysis.timeline.conflicts
    assert conflict.kind == "arrive"
    assert [(r.date, r.outlets) for r in conflict.readings] == [("2023-10-02", ("Kabar Timur",)),
                                                                ("2023-10-03", ("Warta Nusantara",))]
    balikpapan = next(p for p in analysis.timeline.periods if p.key == "2023-10-05")
    assert balikpapan.events[0].kind == "arrive" and balikpapan.events[0].conflict is None


def test_a_date_inside_copied_text_is_one_event_with_both_outlets(trip):
    _, _, analysis = trip
    next_year = next(p for p in analysis.timeline.periods if p.key == "2024")
    (event,) = next_year.events
    assert set(event.outlets) == {"Kabar Timur", "Warta Nusantara"}


def test_the_ministry_statement_is_a_shared_passage(trip):
    _, _, analysis = trip
    (passage,) = analysis.passages
    assert set(passage.outlets) == {"Kabar Timur", "Warta Nusantara"}
    assert passage.occurrences[0].text.startswith("Kementerian Perhubungan menyatakan bahwa proyek perluasan")
    assert passage.words >= 24


def test_the_minister_quote_in_two_wordings_and_the_analyst_alone(trip):
    _, _, analysis = trip
    budi = next(s for s in analysis.speakers if s.key == "budi-santoso")
    (group,) = budi.groups
    assert len(group.renderings) == 2 and set(group.outlets) == {"Kabar Timur", "Warta Nusantara"}
    rina = next(s for s in analysis.speakers if s.key == "rina-wijaya")
    assert [r.text for g in rina.groups for r in g.renderings] == ["Pelabuhan ini terlalu kecil untuk kapal besar."]


def test_route_of_the_trip_and_coordinates_from_the_gazetteer(trip):
    _, _, analysis = trip
    assert [(s.ordinal, s.place.name) for s in analysis.map.route] == [
        (1, "Makassar"), (2, "Surabaya"), (3, "Balikpapan")]
    sources = {p.entity.name: p.source for p in analysis.map.places}
    assert sources == {"Makassar": "site.yaml", "Surabaya": "site.yaml", "Balikpapan": "gazetteer"}


def test_event_json_ld_with_wikidata_and_none_without_event(trip):
    config, _, analysis = trip
    assert analysis.event["location"]["sameAs"] == "https://www.wikidata.org/wiki/Q8652"
    assert analysis.event["startDate"] == "2023-10-02"
    assert event_jsonld(replace(config, event=None)) is None


def test_names_are_escaped_in_the_svg(trip):
    _, _, analysis = trip
    place = analysis.map.places[0]
    odd = replace(place, entity=replace(place.entity, name='Kota "A" & <B>'))
    view = replace(analysis.map, places=(odd, *analysis.map.places[1:]))
    svg = map_svg(view, lambda e: f"../{e.key}/?a=1&b=2", 'Peta "uji" <1>')
    root = ET.fromstring(svg)  # well-formed despite the markup characters
    assert 'Kota "A" & <B>' in [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "&amp;b=2" in svg and "<B>" not in svg


# ------------------------------------------------------------------ one rule at a time


def test_date_values_as_intervals():
    assert interval("2023-09") == (interval("2023-09-01")[0], interval("2023-09-30")[1])
    assert compatible("2023-09", "2023-09-10") and compatible("2023-09-10/2023-09-13", "2023-09-11")
    assert not compatible("2023-09-10", "2023-09-11")
    assert days_apart("2019", "2023-09-12") > 1000 and days_apart("2023-02", "2023-02-28") == 0


@pytest.mark.parametrize(("sentence", "date_text", "kind"), [
    ("Kim berangkat pada Minggu (10/9/2023) menuju Rusia.", "Minggu (10/9/2023)", "depart"),
    ("Putin tiba pada Senin untuk menghadiri forum.", "Senin", "arrive"),
    ("kata kantor berita KCNA, Selasa (12/9/2023).", "Selasa (12/9/2023)", "report"),
    ("Tahun lalu, AS juga menuduh Korea Utara.", "Tahun lalu", None),
])
def test_the_event_word_that_governs_a_date(sentence, date_text, kind):
    start = sentence.index(date_text)
    assert governing_kind(sentence, 0, start, start + len(date_text)) == kind


def test_projection_fits_points_with_a_margin():
    projection = fit([(43.1, 131.9), (39.0, 125.8), (51.9, 128.3)])
    west, south, east, north = projection.bounds
    assert west < 125.8 and east > 131.9 and south < 39.0 and north > 51.9
    for lat, lon in [(43.1, 131.9), (39.0, 125.8), (51.9, 128.3)]:
        x, y = projection.project(lon, lat)
        assert 0 < x < projection.width and 0 < y < projection.height


def test_shipped_map_data_is_compact_and_complete():
    data = load_map_data()
    assert len(data.rings) > 250
    assert data.coordinates["vladivostok"] == pytest.approx((43.11, 131.87), abs=0.05)
    for name in ("world_110m.txt", "map_places.tsv"):
        assert (REPO / "dossier" / "data" / name).stat().st_size < 150_000
    assert "Natural Earth" in (REPO / "dossier" / "data" / "MAP-LICENSE.md").read_text(encoding="utf-8")


def test_svg_numbers_and_escaping():
    assert num(-0.04) == "0" and num(12.0) == "12" and num(3.14159) == "3.1"
    assert esc('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"


def _page(slug: str, text: str) -> ArticlePage:
    article = Article(slug=slug, source=Path(f"{slug}.md"), title=slug, outlet=f"Media {slug}", published=None,
                      body=text, text=text)
    return ArticlePage(article, Extraction(split_sentences(text), (), ()), (), (), f"a/{slug}/index.html")


def test_shared_passages_scale_by_index_not_by_pairs():
    wire = ("Badan Meteorologi memperingatkan hujan lebat akan turun di pesisir utara selama tiga hari ke depan "
            "dan meminta warga menjauhi bantaran sungai.")
    pages = [_page(f"a{i:04d}", f"Berita nomor {i} tentang topik {i * 7} di kota {i * 13}. "
                   + (wire if i % 100 == 0 else f"Isi lain {i} {i + 1} {i + 2} {i + 3} {i + 4} {i + 5}."))
             for i in range(2000)]
    passages = find_shared_passages(pages)
    assert len(passages) == 1
    assert len(passages[0].occurrences) == 20
    assert all(o.text == wire.rstrip(".") for o in passages[0].occurrences)  # word to word


def test_analysis_does_not_depend_on_the_hash_seed():
    script = ("import json,sys; sys.path.insert(0, 'tests'); from pathlib import Path;"
              "from test_analysis_seeds import load_site;"
              "from dossier.analysis import analyze_site, map_svg, graph_svg;"
              f"c, s = load_site(Path({str(FIXTURE)!r})); a = analyze_site(s, c);"
              "print(json.dumps(a.to_json(), sort_keys=True, ensure_ascii=False)"
              " + map_svg(a.map, lambda e: e.path, 'm') + graph_svg(a.connections.graph, lambda e: e.path, 'g', 'd'))")
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1
    assert json.loads(next(iter(outputs)).split("<svg", 1)[0])["map"]["route"]


def test_a_dossier_with_nothing_to_analyse_gives_empty_views(trip):
    config, _, _ = trip
    empty = analyze_site(Site(articles=(), hubs=(), people=(), places=(), organizations=(), timeline=()), config)
    assert empty.timeline.periods == () and empty.quotes == () and empty.passages == ()
    assert empty.map is None and empty.route_map is None
    assert empty.connections.graph.nodes == ()
    assert json.loads(json.dumps(empty.to_json()))["map"] is None


def test_a_long_sentence_is_cut_to_whole_words_around_its_date():
    text = " ".join(f"kata{i}" for i in range(60)) + " pada Senin (11/9/2023) " + " ".join(
        f"lain{i}" for i in range(60))
    start = text.index("Senin")
    short = excerpt(Sentence(0, len(text), text), start, start + len("Senin (11/9/2023)"), max_chars=80)
    assert "Senin (11/9/2023)" in short and short.startswith("… ") and short.endswith(" …")
    assert len(short) <= 84
    words = short.strip("… ").split()
    assert all(w in text.split() for w in words)


def test_an_unattributed_quote_never_joins_two_speakers_into_one_statement():
    words = "Kami akan membangun dermaga baru tahun depan di kota ini"
    texts = {"a": f"“{words},” kata Ani.", "b": f"“{words}.”", "c": f"“{words},” kata Budi."}
    speakers = {"a": ("Ani", "ani"), "b": (None, None), "c": ("Budi", "budi")}
    pages = []
    for slug, text in texts.items():
        page = _page(slug, text)
        quote = Quote(words, 1, 1 + len(words), *speakers[slug])
        pages.append(replace(page, extraction=replace(page.extraction, quotes=(quote,))))
    site = Site(articles=tuple(reversed(pages)), hubs=(), people=(), places=(), organizations=(), timeline=())
    groups, _ = group_quotes(site)
    assert sorted(sorted(s.article.article.slug for s in g.sources) for g in groups) == [["a", "b"], ["c"]]


# ------------------------------------------------------------------ fast paths agree with the plain rules


@pytest.mark.parametrize("text", [
    "", "  ...  ", "Kim Jong-un tiba di Vladivostok, Rusia, Selasa (12/9/2023).",
    "«Ia berkata: ‘kita akan datang’» – kata Putin’s aide; don't wait-and-see -- 17.00 WIB",
    "STRASSE Straße İstanbul ﬁnal ǅemal ΣΑΣ", "a‐b a-b- -c ’d’ x_y 3,5 Rp10.000", "ends with a word",
    "Ⅻ Ⓐb ǅ ΣΑΣ ΚΑΙ ς µ", "ab\u0345cd ι\u0345", "\u0345"])
def test_word_spans_are_token_spans(text):
    words = word_spans(text)
    assert list(zip(words.words, words.starts, words.ends, strict=True)) == token_spans(text)
    assert list(words.words) == tokens(text)


def test_the_article_index_names_what_entities_in_names(trip):
    _, site, _ = trip
    config, seeds = load_site(REPO)
    for page in (*site.articles, *seeds.articles):
        index = ArticleIndex(page)
        for sentence in page.extraction.sentences:
            assert index.named_in(sentence.start, sentence.end) == entities_in(page, sentence.start, sentence.end)
            assert index.named_in(sentence.start, sentence.end, ("place",)) == entities_in(
                page, sentence.start, sentence.end, ("place",))
        for offset in range(0, len(page.article.text), 7):
            assert index.sentence_of(offset) == sentence_index(page.extraction.sentences, offset)


@pytest.mark.parametrize("text", ["“Kami akan datang,” katanya.", "(akan) datang", "datang"])
def test_a_wording_marked_against_itself_is_one_segment_as_difflib_says(text):
    words = tuple(tokens(text))
    assert _segments(text, words, words) == _segments(text, list(words))


def test_copied_quotes_join_whatever_the_order_of_speakers():
    words = "Pelabuhan baru akan selesai dibangun pada akhir tahun depan kata menteri"
    speakers = [("Ani", "ani"), ("Budi", "budi"), (None, None), ("Ani", "ani"), ("Budi", "budi")]
    pages = []
    for n, (name, key) in enumerate(speakers):
        page = _page(f"q{n}", f"“{words}.”")
        pages.append(replace(page, extraction=replace(page.extraction, quotes=(Quote(words, 1, 1 + len(words),
                                                                                     name, key),))))
    site = Site(articles=tuple(reversed(pages)), hubs=(), people=(), places=(), organizations=(), timeline=())
    groups, _ = group_quotes(site)
    assert sorted(sorted(s.article.article.slug for s in g.sources) for g in groups) == [
        ["q0", "q2", "q3"], ["q1", "q4"]]


def _clusters_by_all_pairs(claims, copies):
    """``happenings.clusters`` as its rule reads, without its index: every earlier comparable
    claim is tried with ``same_happening`` (the days included), clusters join into the later,
    and never into a cluster with two claims more than MAX_DISAGREEMENT_DAYS apart."""
    from dossier.analysis.happenings import MAX_COMPARABLE_DAYS, MAX_DISAGREEMENT_DAYS, NON_MERGING, same_happening
    from dossier.analysis.periods import days_apart, interval

    parent = list(range(len(claims)))
    where = [c.places for c in claims]
    who = [c.people for c in claims]
    days = [{c.attestation.date} for c in claims]

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    def too_far(dates):
        return any(days_apart(x, y) > MAX_DISAGREEMENT_DAYS for x in dates for y in dates)

    def union(i, j):
        a, b = find(i), find(j)
        if a == b or (where[a] and where[b] and not where[a] & where[b]) \
                or (who[a] and who[b] and not who[a] & who[b]) or too_far(days[a] | days[b]):
            return
        parent[a] = b
        where[b], who[b], days[b] = where[a] | where[b], who[a] | who[b], days[a] | days[b]

    for i, j in copies:
        union(i, j)
    comparable = []
    for i, claim in enumerate(claims):
        first, last = interval(claim.attestation.date)
        if claim.kind is None or claim.kind in NON_MERGING or (last - first).days > MAX_COMPARABLE_DAYS:
            continue
        for j in comparable:
            if find(i) != find(j) and same_happening(claim, claims[j]):
                union(i, j)
        comparable.append(i)
    groups = {}
    for i in range(len(claims)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


@pytest.mark.parametrize("root", [FIXTURE, REPO])
def test_the_timeline_index_joins_the_claims_that_trying_every_pair_joins(root):
    from dossier.analysis.happenings import clusters
    from dossier.analysis.timeline import _copies, prepare_claims, site_claims
    from dossier.extract import build_gazetteer

    config, site = load_site(root)
    countries = build_gazetteer(config.entities).countries
    claims = site_claims(site, countries)
    same_sentence = prepare_claims(site, claims)  # sorted into timeline order
    copies = _copies(claims, find_shared_passages(site.articles), same_sentence)
    groups = clusters(claims, copies)
    assert any(len(members) > 1 for members in groups)
    assert groups == _clusters_by_all_pairs(claims, copies)


def test_folding_a_text_keeps_its_word_characters_but_for_one():
    """``word_spans`` splits the casefolded text when folding kept its length: that needs
    every character that folds to one character to stay a word character, or not, and a
    word separator, or not; the one exception is checked for by name."""
    import re
    import sys

    from dossier.analysis import common

    word, separators = re.compile(r"\w"), "-‐'’"
    changed = [c for c in map(chr, range(sys.maxunicode + 1)) if len(f := c.casefold()) == 1
               and (bool(word.match(c)) != bool(word.match(f)) or (c in separators) != (f in separators))]
    assert changed == [common._FOLDS_INTO_A_WORD]


def test_claims_two_days_apart_do_not_chain_into_one_happening_over_weeks(tmp_path):
    """Each outlet's date is within a few days of the next outlet's, but the first and last
    are not: a cluster keeps every two of its claims within MAX_DISAGREEMENT_DAYS, so a
    weekly hearing never becomes one "disputed" happening with a reading per week."""
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text(
        "title: Rantai\ndescription: Uji.\nlanguage: id\nbase_url: https://example.test/\n"
        "entities:\n  - name: Budi Santoso\n    type: person\n  - name: Surabaya\n    type: place\n",
        encoding="utf-8")
    days = {"a": "Senin (2/10/2023)", "b": "Rabu (4/10/2023)", "c": "Jumat (6/10/2023)",
            "d": "Minggu (8/10/2023)"}
    for n, (slug, day) in enumerate(days.items()):
        (tmp_path / "content" / f"{slug}.md").write_text(
            f"---\ntitle: Budi di Surabaya {slug}\noutlet: Media {slug.upper()}\npublished: 2023-10-{10 + n}\n---\n"
            f"Menteri Budi Santoso tiba di Surabaya pada {day} untuk meninjau pelabuhan.\n", encoding="utf-8")
    config, site = load_site(tmp_path)
    timeline = analyze_site(site, config).timeline
    readings = [[r.date for r in c.readings] for c in timeline.conflicts]
    assert readings == [["2023-10-02", "2023-10-04"], ["2023-10-06", "2023-10-08"]]
    for conflict in timeline.conflicts:
        dates = [r.date for r in conflict.readings]
        assert all(days_apart(x, y) <= 3 for x in dates for y in dates)
