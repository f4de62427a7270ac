"""What the analysis finds in the five seed articles on the Kim Jong Un – Putin meeting.

Each test states a fact an analyst would check by hand in the articles: which outlets
disagree on the day Kim's train left Pyongyang, which wordings of Michael Madden's quote
exist, which passages were copied from one outlet to another, where the event went.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dossier.analysis import Analysis, analyze_site, event_jsonld, graph_svg, map_svg
from dossier.analyze import extract_all
from dossier.assemble import assemble_site
from dossier.config import Config, load_config
from dossier.content import load_articles
from dossier.hubs import assign_topics
from dossier.models import Site
from dossier.summarize import summarize

REPO = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"


def load_site(root: Path) -> tuple[Config, Site]:
    """The pipeline's stages up to the assembled site (no rendering, no cache)."""
    config = load_config(root)
    articles = load_articles(config.content_dir)
    extractions = extract_all(articles, config.entities, None, workers=1)
    summaries = tuple(summarize(a.text, e, config.summary_sentences) for a, e in zip(articles, extractions,
                                                                                      strict=True))
    topics = assign_topics(articles, extractions, config.hubs)
    return config, assemble_site(config, articles, extractions, summaries, topics)


@pytest.fixture(scope="module")
def seeds() -> tuple[Config, Site, Analysis]:
    config, site = load_site(REPO)
    return config, site, analyze_site(site, config)


def outlets_of(attestations) -> set[str]:
    return {a.outlet for a in attestations}


# ------------------------------------------------------------------ timeline


def test_the_departure_from_pyongyang_is_dated_differently_by_the_outlets(seeds):
    _, _, analysis = seeds
    departures = [c for c in analysis.timeline.conflicts if c.kind == "depart"]
    assert len(departures) == 1
    readings = {r.date: r for r in departures[0].readings}
    assert set(readings) == {"2023-09-10", "2023-09-11"}
    assert outlets_of(readings["2023-09-10"].attestations) == {"Tribunnews", "Kompas TV"}
    assert outlets_of(readings["2023-09-11"].attestations) == {"Jabar Ekspres"}
    written = {a.date_text for r in departures[0].readings for a in r.attestations}
    assert written == {"Minggu (10/9/2023)", "Minggu malam", "hari Senin"}


def test_the_conflict_is_marked_on_both_days_of_the_timeline(seeds):
    _, _, analysis = seeds
    conflict = analysis.timeline.conflicts[0].id
    marked = {e.date for p in analysis.timeline.periods for e in p.events if e.conflict == conflict}
    assert marked == {"2023-09-10", "2023-09-11"}
    first_day = next(p for p in analysis.timeline.periods if p.key == "2023-09-10")
    assert len(first_day.events) == 1  # Tribunnews and Kompas TV: one happening, two attestations
    assert set(first_day.events[0].outlets) == {"Tribunnews", "Kompas TV"}


def test_recurring_meetings_years_apart_are_not_a_conflict(seeds):
    _, _, analysis = seeds
    assert [c.kind for c in analysis.timeline.conflicts] == ["depart"]
    years = [p.key for p in analysis.timeline.periods if p.precision == "year"]
    assert "2019" in years  # the first Kim–Putin meeting stays its own event


def test_a_weekday_that_contradicts_its_date_is_flagged(seeds):
    _, _, analysis = seeds
    mismatches = [(a.outlet, a.date_text, a.date) for a in analysis.timeline.weekday_mismatches]
    assert mismatches == [("IndonesiaOnline", "Minggu hingga Selasa (10-13/9/2023)", "2023-09-10/2023-09-13")]


def test_every_resolved_date_is_on_the_timeline_once_in_chronological_periods(seeds):
    _, site, analysis = seeds
    resolved = sorted((p.article.slug, d.start) for p in site.articles for d in p.extraction.dates if d.value)
    shown = sorted((a.article.article.slug, a.date_start)
                   for p in analysis.timeline.periods for e in p.events for a in e.attestations)
    assert shown == resolved
    starts = [p.key.split("/")[0] for p in analysis.timeline.periods]
    assert starts == sorted(starts)
    assert analysis.timeline.periods[0].key == "2000-07" and analysis.timeline.periods[0].precision == "month"


def test_attestation_offsets_point_at_the_date_in_the_article(seeds):
    _, _, analysis = seeds
    for period in analysis.timeline.periods:
        for event in period.events:
            for a in event.attestations:
                assert a.article.article.text[a.date_start:a.date_end] == a.date_text
                assert a.date_text in a.sentence


# ------------------------------------------------------------------ quotes


def speaker(analysis: Analysis, key: str):
    return next(s for s in analysis.speakers if s.key == key)


def test_madden_quote_is_one_group_with_two_renderings_side_by_side(seeds):
    _, _, analysis = seeds
    madden = speaker(analysis, "michael-madden")
    assert len(madden.groups) == 1
    renderings = {r.outlets: r for r in madden.groups[0].renderings}
    assert set(renderings) == {("Tribunnews",), ("Jabar Ekspres",)}
    tribun, jabar = renderings[("Tribunnews",)], renderings[("Jabar Ekspres",)]
    assert "akan menyelesaikan semacam perjanjian pembelian amunisi" in tribun.text
    assert "mungkin sedang menjajaki kesepakatan pembelian amunisi" in jabar.text
    differing = {s.text.strip() for r in (tribun, jabar) for s in r.segments if not s.same}
    assert differing == {"akan menyelesaikan semacam perjanjian", "mungkin sedang menjajaki kesepakatan"}
    for rendering in (tribun, jabar):
        assert "".join(s.text for s in rendering.segments) == rendering.text


def test_peskov_is_quoted_word_for_word_by_two_outlets(seeds):
    _, _, analysis = seeds
    peskov = speaker(analysis, "dmitry-peskov")
    assert len(peskov.groups) == 1
    (rendering,) = peskov.groups[0].renderings
    assert rendering.text == "Kami akan terus memperkuat persahabatan kami"
    assert set(rendering.outlets) == {"Tribunnews", "Jabar Ekspres"}
    assert peskov.entity is not None and peskov.entity.path.startswith("tokoh/")


def test_kirby_call_to_stop_arms_talks_is_one_quote_in_two_wordings(seeds):
    _, _, analysis = seeds
    kirby = speaker(analysis, "john-kirby")
    talks = [g for g in kirby.groups if any("menghentikan perundingan senjata" in r.text for r in g.renderings)]
    assert len(talks) == 1
    assert set(talks[0].outlets) == {"Tribunnews", "IndonesiaOnline"}
    texts = " | ".join(r.text for r in talks[0].renderings)
    assert "Kami mendesak Korea Utara" in texts and "Kami mendesak Republik Rakyat Demokratik Korea" in texts
    assert len(kirby.groups) == 4  # his other three statements stay separate


def test_quote_sources_point_at_the_quote_in_the_article(seeds):
    _, _, analysis = seeds
    for group in analysis.quotes:
        for rendering in group.renderings:
            for source in rendering.sources:
                assert source.article.article.text[source.start:source.end] == rendering.text


# ------------------------------------------------------------------ shared passages


def test_wire_copy_shared_between_outlets_is_found_with_offsets(seeds):
    _, _, analysis = seeds
    by_outlets = {frozenset(p.outlets): p for p in analysis.passages}
    kirby = next(p for p in analysis.passages if "menghentikan perundingan senjata" in p.occurrences[0].text)
    assert set(kirby.outlets) == {"Tribunnews", "IndonesiaOnline"}
    assert kirby.words >= 20 and not kirby.identical
    madden = [p for p in analysis.passages if "Kehadiran Jo Chun Ryong" in p.occurrences[0].text]
    assert len(madden) == 1 and madden[0].identical and set(madden[0].outlets) == {"Tribunnews", "Jabar Ekspres"}
    assert frozenset({"Tribunnews", "Jabar Ekspres"}) in by_outlets
    for passage in analysis.passages:
        for occurrence in passage.occurrences:
            assert occurrence.article.article.text[occurrence.start:occurrence.end] == occurrence.text


def test_an_article_lists_its_own_shared_passages(seeds):
    _, site, analysis = seeds
    tribun = next(p for p in site.articles if p.article.outlet == "Tribunnews")
    mine = analysis.passages_in(tribun.article.slug)
    assert len(mine) == 3
    assert all(o.article is tribun for _, o in mine)


# ------------------------------------------------------------------ map and route


def test_route_is_read_from_the_dated_sentences(seeds):
    _, _, analysis = seeds
    route = [(s.place.name, s.date) for s in analysis.map.route]
    assert route == [("Pyongyang", "2023-09-10"), ("Vladivostok", "2023-09-11"),
                     ("Vostochny Cosmodrome", "2023-09-14"), ("Komsomolsk-on-Amur", "2023-09-15"),
                     ("Vladivostok", "2023-09-16")]
    assert analysis.route_map is not None
    assert [s.place.name for s in analysis.route_map.route] == [name for name, _ in route]


def test_places_are_drawn_inside_the_map_and_the_rest_are_listed(seeds):
    _, site, analysis = seeds
    for view in (analysis.map, analysis.route_map):
        assert view is not None
        for place in view.places:
            assert 0 <= place.x <= view.width and 0 <= place.y <= view.height
    drawn = {p.entity.key for p in analysis.map.places}
    assert drawn | {e.key for e in analysis.map.unplaced} == {e.key for e in site.places}
    assert "amur" in {e.key for e in analysis.map.unplaced}  # a region without coordinates
    sources = {p.entity.key: p.source for p in analysis.map.places}
    assert sources["vladivostok"] == "site.yaml" and sources["jepang"] == "gazetteer"
    route_keys = {p.entity.key for p in analysis.route_map.places}
    assert {"pyongyang", "vladivostok", "vostochny-cosmodrome", "komsomolsk-on-amur"} <= route_keys
    assert "amerika-serikat" not in route_keys  # the route map is fitted to the route


def test_map_svg_is_accessible_xml_with_a_link_per_place(seeds):
    _, _, analysis = seeds
    view = analysis.route_map
    svg = map_svg(view, lambda e: "../../" + e.path, "Rute <Kim>", ident="rute")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "rute-title rute-desc"
    assert root.find(f"{SVG}title").text == "Rute <Kim>"
    assert "1. Pyongyang (2023-09-10) → 2. Vladivostok" in root.find(f"{SVG}desc").text
    links = {a.get("href"): a.get("aria-label") for a in root.iter(f"{SVG}a")}
    assert links["../../tempat/vostochny-cosmodrome/index.html"] == "Vostochny Cosmodrome"
    assert len(links) == len(view.places)
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert {s.place.name for s in view.route} <= labels  # every stop is named in the drawing
    legs = root.findall(f".//{SVG}g[@class='map-route']/{SVG}path")
    assert len(legs) == len(view.route) - 1


# ------------------------------------------------------------------ connections, JSON-LD, open data


def test_kim_is_most_often_named_with_putin(seeds):
    _, site, analysis = seeds
    kim = next(e for e in site.people if e.key == "kim-jong-un")
    strongest = analysis.connections_of(kim)[0]
    assert strongest.entity.key == "vladimir-putin" and strongest.articles == 5
    peskov = next(e for e in site.people if e.key == "dmitry-peskov")
    assert analysis.connections_of(peskov)[0].entity.key == "kremlin"


def test_overview_graph_keeps_only_strong_edges_and_draws_links(seeds):
    _, _, analysis = seeds
    graph = analysis.connections.graph
    assert 0 < len(graph.nodes) <= 24
    assert len(graph.edges) <= 3 * len(graph.nodes)
    svg = graph_svg(graph, lambda e: e.path, "Jaringan", "Siapa disebut bersama siapa")
    root = ET.fromstring(svg)
    assert len(list(root.iter(f"{SVG}a"))) == len(graph.nodes)
    assert len(list(root.iter(f"{SVG}line"))) == len(graph.edges)


def test_event_json_ld_places_the_summit_at_vostochny(seeds):
    config, _, analysis = seeds
    event = analysis.event
    assert event["@type"] == "Event" and event["startDate"] == "2023-09-12" and event["endDate"] == "2023-09-17"
    assert event["location"]["name"] == "Vostochny Cosmodrome"
    assert event["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 51.884, "longitude": 128.334}
    assert event_jsonld(config) == event


def test_analysis_is_json_and_the_same_every_time(seeds):
    config, site, analysis = seeds
    first = json.dumps(analysis.to_json(), ensure_ascii=False, sort_keys=True)
    again = json.dumps(analyze_site(site, config).to_json(), ensure_ascii=False, sort_keys=True)
    assert first == again
    data = json.loads(first)
    assert data["timeline"]["conflicts"][0]["kind"] == "depart"
    assert map_svg(analysis.map, lambda e: e.path, "Peta") == map_svg(analyze_site(site, config).map,
                                                                       lambda e: e.path, "Peta")


def test_the_analysis_is_the_same_in_any_number_of_processes(seeds):
    config, site, analysis = seeds
    expected = json.dumps(analysis.to_json(), ensure_ascii=False, sort_keys=True)
    for workers in (1, 2, 3, 4):
        again = analyze_site(site, config, workers=workers)
        assert json.dumps(again.to_json(), ensure_ascii=False, sort_keys=True) == expected
        # what came back from a child points at the site's own pages, not at copies
        assert all(any(s.article is page for page in site.articles) for g in again.quotes for s in g.sources)
        assert all(any(p.article is page for page in site.articles) for x in again.passages for p in x.occurrences)
        people = [*site.people, *site.places, *site.organizations]
        assert all(any(e.entity is page for page in people) for e in again.connections.entities)


def test_an_article_page_can_say_who_else_carried_its_quotes(seeds):
    _, site, analysis = seeds
    jabar = next(p for p in site.articles if p.article.outlet == "Jabar Ekspres")
    here = analysis.quotes_in(jabar.article.slug)
    assert [source.start for _, source in here] == sorted(source.start for _, source in here)
    elsewhere = {group.speaker: set(group.outlets) - {"Jabar Ekspres"} for group, _ in here}
    assert elsewhere["Michael Madden"] == {"Tribunnews"} and elsewhere["Dmitry Peskov"] == {"Tribunnews"}
    assert elsewhere["Kremlin"] == {"Kompas TV"}  # "atas undangan Presiden Rusia Vladimir Putin", quoted in part
    kim = next(e for e in site.people if e.key == "kim-jong-un")
    assert analysis.quotes_of(kim) is None  # reported, never quoted


def test_graph_says_its_strongest_links_in_words_and_shows_a_legend(seeds):
    _, _, analysis = seeds
    svg = graph_svg(analysis.connections.graph, lambda e: e.path, "Jaringan",
                    type_labels={"person": "Tokoh", "place": "Tempat", "organization": "Organisasi"})
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}desc").text.startswith("Korea Utara – Rusia (31), Kim Jong Un – Vladimir Putin (20)")
    legend = root.find(f".//{SVG}g[@class='graph-legend']")
    assert [t.text for t in legend.iter(f"{SVG}text")] == ["Tokoh", "Tempat", "Organisasi"]
