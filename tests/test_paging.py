"""Long lists are split into numbered pages of ``page_size`` items (site.yaml).

Specified on the small fixture dossier built with ``page_size: 2`` (and 1): every list
that grows with the dossier — the article list, topic hubs, entity pages, the timeline,
the quotes and the shared passages — gets pages ``<list>/page/2/`` ..., each with the
same header, a pager ("Halaman 2 dari 3", previous/next, numbered links), ``rel=prev/next``
in its head and an entry in the sitemap; every item is on exactly one page and every
link, anchors included, resolves.  A list shorter than a page is the page it always was.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from functools import partial
from pathlib import Path
from types import SimpleNamespace

import pytest
from link_check import broken_links

from dossier import views_lists
from dossier.config import parse_config
from dossier.errors import DossierError
from dossier.incremental import refresh, wanted_paths
from dossier.models import Appearance, EntityPage
from dossier.pipeline import build
from dossier.urls import first_page_path
from dossier.views import DayGroup, EntitySources, Passage
from dossier.views_lists import SourcesPage, compact_days, entity_list_pages, per_date_cap
from dossier.views_paging import pack, page_count, pager, spread

REPO = Path(__file__).resolve().parents[1]
VALID = REPO / "tests" / "fixtures" / "sites" / "valid"
LABELS = {"pager_label": "Halaman {n} dari {total}"}


def _site(tmp_path: Path, page_size: int) -> Path:
    site = Path(shutil.copytree(VALID, tmp_path / f"site-{page_size}"))
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"page_size: {page_size}\n", encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture dossier built with two items a page, and with one page for everything."""
    tmp = tmp_path_factory.mktemp("paging")
    paged, whole = tmp / "paged", tmp / "whole"
    build(_site(tmp, 2), paged, index=False)
    build(_site(tmp, 10000), whole, index=False)
    return paged, whole


def _read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def _pages_of(out: Path, first: str) -> list[str]:
    """The pages of the list whose first page is ``first``, in order, following rel=next."""
    pages = [first]
    while True:
        found = re.search(r'<link rel="next" href="([^"]+)">', _read(out, pages[-1]))
        if not found:
            return pages
        pages.append(posixpath.normpath(posixpath.join(posixpath.dirname(pages[-1]), found.group(1))) + "/index.html")


# ------------------------------------------------------------------ the pager itself


def test_pages_hold_page_size_items_and_a_group_stays_together_when_it_fits() -> None:
    assert page_count(0, 2) == 1 and page_count(5, 2) == 3
    # groups of 1, 1, 2, 3 items at 2 a page: [1, 1], [2], [3 cut into 2 + 1]
    assert pack([1, 1, 2, 3], 2) == (((0, 0, 1), (1, 0, 1)), ((2, 0, 2),), ((3, 0, 2),), ((3, 2, 3),))
    assert pack([], 2) == ((),)
    # spread over a given number of pages, front-loaded, every item once
    layout = spread([3, 1, 4], 3)
    assert len(layout) == 3
    assert sum(hi - lo for pieces in layout for _, lo, hi in pieces) == 8


def test_an_entity_page_view_is_made_when_asked_for_and_is_what_the_whole_list_gives() -> None:
    """Pages made one at a time (``EntitySources``, ``ListPages``) hold what cutting the
    whole list of sources and the whole timeline of the entity gives."""
    a, b, c = (SimpleNamespace(path=f"artikel/{s}/index.html") for s in "abc")
    appearances = (Appearance(a, "S1", "Kim"), Appearance(a, "S1", "Kim Jong Un"), Appearance(a, "S2", "Kim"),
                   Appearance(b, "T1", "Kim"), Appearance(a, "S3", "Kim"), Appearance(a, "S4", "Kim"),
                   Appearance(c, "U1", "Kim"), Appearance(c, "U1", "Kim"))
    entity = EntityPage("kim", "Kim", "person", "tokoh/kim/index.html", appearances, 3)  # type: ignore[arg-type]
    sources = EntitySources(entity, shown=2)
    assert len(sources) == 3
    assert [s.article for s in sources[0:3]] == [a, b, c]
    assert sources[0].passages == (Passage("S1", ("Kim", "Kim Jong Un")), Passage("S2", ("Kim",)))
    assert sources[0].more == (Passage("S3", ("Kim",)), Passage("S4", ("Kim",)))
    assert sources[2].passages == (Passage("U1", ("Kim",)),) and sources[-1] == sources[2]
    days = (DayGroup("2023-09-10", (1, 2, 3)), DayGroup("2023-09-11", (4,)))  # type: ignore[arg-type]
    pages = entity_list_pages(sources, days, 2)
    assert len(pages) == 2 and pages[-1] == pages[1]
    layout = spread([3, 1], 2)
    for number, page in enumerate(pages, 1):
        assert page == SourcesPage(tuple(sources[(number - 1) * 2:number * 2]),
                                   tuple(DayGroup(days[g].date, days[g].events[lo:hi])
                                         for g, lo, hi in layout[number - 1]))
    with pytest.raises(IndexError):
        pages[2]


def _day(date: str, *printed_by: int, page: str | None = None) -> DayGroup:
    """A date whose sentences were printed by ``printed_by[i]`` articles each, held by timeline ``page``."""
    return DayGroup(date, tuple(SimpleNamespace(n=i, sources=(None,) * k)  # type: ignore[misc]
                                for i, k in enumerate(printed_by)), 0, page)


def test_a_page_of_dated_events_within_its_budget_is_shown_whole() -> None:
    days = (_day("2023-09-10", 1, 1), _day("2023", 1, 2, 1, page="linimasa/index.html"))
    assert compact_days(days, 5) == days
    assert compact_days(days, 60) == days


def test_a_crowded_page_keeps_the_most_printed_sentences_of_each_date_and_links_the_rest() -> None:
    """Each date keeps the same number of sentences at most, as many as the budget allows:
    the ones the most articles printed, in their own order; the rest are counted and
    linked to the timeline page holding the whole date."""
    days = (_day("2015", 1, 5, 1, 3, 1, 1, page="linimasa/index.html"), _day("2023-09-10", 1),
            _day("2023-09-13", 2, 1, 4, 1, page="linimasa/page/2/index.html"))
    assert per_date_cap([6, 1, 4], 7) == 3 and per_date_cap([6, 1, 4], 2) == 1
    shown = compact_days(days, 7)
    assert [[e.n for e in d.events] for d in shown] == [[0, 1, 3], [0], [0, 1, 2]]
    assert [(d.more, d.page) for d in shown] == [(3, "linimasa/index.html"), (0, None),
                                                 (1, "linimasa/page/2/index.html")]
    assert sum(len(d.events) for d in shown) <= 7
    # more dates than the budget: every date still keeps its most printed sentence
    assert [[e.n for e in d.events] for d in compact_days(days, 2)] == [[1], [0], [2]]


def test_the_left_out_events_of_a_topic_and_an_entity_are_linked_on_the_timeline(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views_lists, "EVENTS_PER_PAGE", 1)
    site, out = _site(tmp_path, 2), tmp_path / "out"
    (site / "content" / "dermaga-sibuk.md").write_text(
        "---\ntitle: Dermaga Makassar Sibuk\noutlet: Kabar Uji\npublished: 2024-03-20\n---\n"
        "Tiga kapal bersandar di pelabuhan Makassar pada Selasa (19/3/2024).\n\n"
        "Antrean truk di pelabuhan Makassar mengular pada Selasa (19/3/2024) malam.\n\n"
        "Dermaga kedua di Makassar mulai dibangun pada Selasa (19/3/2024).\n", encoding="utf-8")
    build(site, out, index=False)
    more = re.compile(r'<li class="timeline__more"><a href="([^"#]+)#t-([^"]+)">\+(\d+) peristiwa lain di linimasa</a>')
    found = {p.relative_to(out).as_posix(): more.findall(p.read_text(encoding="utf-8"))
             for p in sorted((*out.glob("topik/**/index.html"), *out.glob("tempat/**/index.html")))}
    linked = [(path, link) for path, links in found.items() for link in links]
    assert {path.split("/")[0] for path, _ in linked} == {"topik", "tempat"}
    for path, (href, date, count) in linked:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href)) + "/index.html"
        assert target.startswith("linimasa/") and f'id="t-{date}"' in _read(out, target) and int(count) >= 1
    assert broken_links(out, without_search_index=True) == []


def test_the_pager_names_the_page_and_links_its_neighbours() -> None:
    paths = [f"p{n}" for n in range(1, 11)]
    assert pager(paths[:1], 1, LABELS) is None
    first = pager(paths, 1, LABELS)
    assert first is not None and first.previous is None and first.next == "p2"
    middle = pager(paths, 5, LABELS)
    assert middle is not None and middle.label == "Halaman 5 dari 10"
    assert (middle.previous, middle.next) == ("p4", "p6")
    assert [(link.number, link.path is None) for link in middle.links] == [
        (1, False), (2, False), (3, False), (4, False), (5, False), (6, False), (7, False), (8, True), (10, False)]
    assert [link.current for link in middle.links].count(True) == 1


# ------------------------------------------------------------------ the built site


@pytest.mark.parametrize("first", ["artikel/index.html", "topik/pelabuhan/index.html", "linimasa/index.html"])
def test_a_long_list_has_numbered_pages_chained_by_prev_and_next(built: tuple[Path, Path], first: str) -> None:
    paged, _ = built
    pages = _pages_of(paged, first)
    assert len(pages) >= 2
    assert pages[1] == first.replace("index.html", "page/2/index.html")
    for number, path in enumerate(pages, 1):
        html = _read(paged, path)
        assert f"Halaman {number} dari {len(pages)}" in html
        assert ('<link rel="prev"' in html) == (number > 1)
        assert 'class="pager year-nav"' in html and 'aria-current="page"' in html
        if number > 1:
            assert f"· Halaman {number} dari {len(pages)} ·" in html.split("</title>")[0]


def test_every_article_is_listed_on_exactly_one_page(built: tuple[Path, Path]) -> None:
    paged, whole = built
    cards = re.compile(r'<h2 class="card__title"><a href="([^"]+)"')
    listed = [re.sub(r"^(\.\./)+", "", href) for path in _pages_of(paged, "artikel/index.html")
              for href in cards.findall(_read(paged, path))]
    expected = [href for href in cards.findall(_read(whole, "artikel/index.html"))]
    assert listed == [re.sub(r"^(\.\./)+", "", h) for h in expected] and len(listed) == 3


def test_the_timeline_pages_show_every_event_once_in_order(built: tuple[Path, Path]) -> None:
    paged, whole = built
    event = re.compile(r'<li class="timeline__event[^"]*" id="([^"]+)"')
    shown = [e for path in _pages_of(paged, "linimasa/index.html") for e in event.findall(_read(paged, path))]
    assert shown == event.findall(_read(whole, "linimasa/index.html"))
    assert len(shown) > 2


def test_an_entity_page_keeps_its_header_and_continues_its_articles(built: tuple[Path, Path]) -> None:
    paged, whole = built
    first = next(p.relative_to(paged).as_posix() for p in sorted((paged / "tempat").glob("*/page/2/index.html")))
    first = first.replace("page/2/", "")
    title = re.search(r'<h1 class="page-title">([^<]+)</h1>', _read(paged, first))
    assert title is not None
    sources = re.compile(r'<article class="source">')
    total = len(sources.findall(_read(whole, first)))
    pages = _pages_of(paged, first)
    assert [len(sources.findall(_read(paged, p))) for p in pages] == [2] * (total // 2) + [total % 2] * (total % 2)
    for path in pages[1:]:
        assert f'<h1 class="page-title">{title.group(1)}</h1>' in _read(paged, path)


def test_later_pages_are_in_the_sitemap_and_every_link_resolves(built: tuple[Path, Path]) -> None:
    paged, _ = built
    sitemap = _read(paged, "sitemap.xml")
    later = sorted(p.relative_to(paged).as_posix() for p in paged.rglob("page/*/index.html"))
    assert later
    for path in later:
        assert f"<loc>https://example.test/uji/{path.removesuffix('index.html')}</loc>" in sitemap
    assert broken_links(paged, without_search_index=True) == []


def test_a_short_list_is_one_page_without_a_pager(built: tuple[Path, Path]) -> None:
    _, whole = built
    assert not list(whole.rglob("page/*/index.html"))
    assert 'class="pager' not in _read(whole, "artikel/index.html")
    assert '<link rel="next"' not in _read(whole, "linimasa/index.html")


# ------------------------------------------------------------------ site.yaml


def test_page_size_is_read_and_defaults_to_fifty() -> None:
    minimal = "title: Uji\nlanguage: id\nbase_url: https://example.test/\n"
    assert parse_config(minimal, Path("/site/site.yaml")).page_size == 50
    assert parse_config(minimal + "page_size: 20\n", Path("/site/site.yaml")).page_size == 20


@pytest.mark.parametrize("value", ["0", "-3", "many", "[1, 2]"])
def test_a_bad_page_size_is_named_with_its_line(value: str) -> None:
    text = f"title: Uji\nlanguage: id\nbase_url: https://example.test/\npage_size: {value}\n"
    with pytest.raises(DossierError) as caught:
        parse_config(text, Path("/site/site.yaml"))
    found = [str(p) for p in caught.value.problems]
    assert len(found) == 1 and found[0].startswith("/site/site.yaml:4:") and "page_size" in found[0]


# ------------------------------------------------------------------ preview


def test_an_edit_rewrites_the_later_pages_of_its_hub_as_a_full_build_would(tmp_path: Path) -> None:
    site = _site(tmp_path, 1)
    out = tmp_path / "output"
    first = build(site, out, index=False)
    assert (out / "topik" / "pelabuhan" / "page" / "2" / "index.html").is_file()
    path = site / "content" / "kapal-pertama.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nDermaga baru diperluas tahun depan.\n", encoding="utf-8")
    quick = refresh(site, out, first)
    written = set(quick.written)
    hub_pages = {p for p in written if p.startswith("topik/pelabuhan/")}
    assert {"topik/pelabuhan/index.html", "topik/pelabuhan/page/2/index.html"} <= hub_pages
    full = tmp_path / "full"
    build(site, full, index=False)
    for rel in written:
        assert (out / rel).read_bytes() == (full / rel).read_bytes(), rel


def test_a_quick_rebuild_renders_the_later_pages_of_changed_lists_only(tmp_path: Path) -> None:
    site = _site(tmp_path, 1)
    first = build(site, tmp_path / "output", index=False)
    assert first.site is not None and first.config is not None
    wanted = wanted_paths(first.site, first.site, frozenset({"topik/pelabuhan/index.html"}),
                          partial(first_page_path, first.config))
    assert wanted("topik/pelabuhan/page/2/index.html")  # a later page of a changed topic
    assert not wanted("topik/makassar/page/2/index.html")  # of an unchanged one
    assert not wanted("tempat/makassar/page/2/index.html")
    assert wanted("linimasa/page/2/index.html")  # the overviews always are
    assert not wanted("artikel/kapal-pertama/index.html")


def test_the_quotes_index_counts_each_speakers_quotes_and_folds_the_least_quoted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The most quoted speakers first, each with how many things they said; past
    ``SPEAKERS_SHOWN`` the others are folded under a summary; a speaker whose quotes run
    over two pages is counted whole on both."""
    monkeypatch.setattr(views_lists, "SPEAKERS_SHOWN", 2)
    site, out = _site(tmp_path, 1), tmp_path / "out"
    (site / "content" / "rahmawati-lagi.md").write_text(
        "---\ntitle: Rahmawati Lagi\noutlet: Kabar Uji\npublished: 2024-03-21\n---\n"
        "“Pelabuhan ini akan buka dua puluh empat jam,” kata Direktur Utama Pelindo Siti Rahmawati.\n",
        encoding="utf-8")
    build(site, out, index=False)
    first = _read(out, "kutipan/index.html")
    nav = first[first.index('<nav class="speaker-nav"'):first.index("</nav>", first.index('<nav class="speaker-nav"'))]
    shown, _, folded = nav.partition("<details")
    chip = re.compile(r'#s-([a-z-]+)"><span class="chip__name">[^<]+</span> <span class="chip__count"[^>]*>(\d+)<')
    assert chip.findall(shown)[0] == ("siti-rahmawati", "2") and len(chip.findall(shown)) == 2
    assert len(chip.findall(folded)) == 1 and "Semua pembicara lainnya (1)" in folded
    heads = [h for path in _pages_of(out, "kutipan/index.html")
             for h in re.findall(r'id="s-siti-rahmawati-title">.*?<span class="speaker__count">([^<]+)</span>',
                                 _read(out, path), re.S)]
    assert heads == ["2 kutipan", "2 kutipan"]
    assert broken_links(out, without_search_index=True) == []
