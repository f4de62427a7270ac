"""The analyst's pages, specified on the real Kim–Putin dossier and on a small synthetic one.

What no site generator gives an analyst: a timeline that says which outlets report each
event and where they disagree, who said what in which wording, which passages outlets
share (wire copy), a map with the route, and who is named with whom.  The real dossier is
built once into a temporary folder and its pages are read as parsed HTML.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from link_check import broken_links

from dossier.pipeline import build

REPO = Path(__file__).resolve().parents[1]
VALID = Path(__file__).resolve().parent / "fixtures" / "sites" / "valid"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NEW_PAGES = ("kutipan/index.html", "sumber/index.html", "peta/index.html", "jaringan/index.html")


# ------------------------------------------------------------------ a small HTML tree


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None = None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        """Visible text, whitespace collapsed."""
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return re.sub(r"\s+", " ", " ".join(parts)).strip() if self.tag != "script" else ""

    def walk(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def one(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.all(tag, cls)
        assert found, f"no <{tag or '*'} class={cls}> in <{self.tag} {self.attrs}>"
        return found[0]

    def by_id(self, ident: str) -> Node:
        return next(n for n in self.walk() if n.attrs.get("id") == ident)

    def hrefs(self) -> list[str]:
        return [n.attrs["href"] for n in self.walk() if "href" in n.attrs]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(path: Path) -> Node:
    builder = _Builder()
    builder.feed(path.read_text(encoding="utf-8"))
    return builder.root


# ------------------------------------------------------------------ the real dossier


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("analyst") / "out"
    build(REPO, out, index=False)
    return out


@pytest.fixture(scope="module")
def articles(site: Path) -> dict[str, str]:
    """Outlet -> the article's path from the site root (the seed has one article per outlet)."""
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    return {a["outlet"]: a["url"] for a in data["articles"]}


def links_to(node: Node, page: str, site_path: str) -> bool:
    """Whether ``node`` (on ``page``) links to the page at ``site_path``."""
    folder = posixpath.dirname(page)
    return any(posixpath.normpath(posixpath.join(folder, h.split("#")[0])).rstrip("/") == site_path.rstrip("/")
               for h in node.hrefs() if not h.startswith("#"))


def test_the_departure_conflict_shows_both_dates_with_their_outlets(site: Path, articles: dict[str, str]) -> None:
    page = "linimasa/index.html"
    disputes = parse(site / page).by_id("conflicts")
    readings = disputes.all(cls="dispute__reading")
    assert [r.one("h3").text.split(" menurut ")[0] for r in readings] == ["10 September 2023", "11 September 2023"]
    first, second = readings
    assert "Tribunnews" in first.one("h3").text and "Kompas TV" in first.one("h3").text
    assert "Jabar Ekspres" in second.one("h3").text
    assert links_to(first, page, articles["Tribunnews"]) and links_to(first, page, articles["Kompas TV"])
    assert links_to(second, page, articles["Jabar Ekspres"])
    assert "Pyongyang" in first.text and "hari Senin" in second.one("mark").text


def test_each_side_of_a_conflict_on_the_timeline_points_to_the_other(site: Path) -> None:
    timeline = parse(site / "linimasa/index.html")
    day10, day11 = timeline.by_id("t-2023-09-10"), timeline.by_id("t-2023-09-11")
    flag10, flag11 = day10.one(cls="flag--conflict"), day11.one(cls="flag--conflict")
    assert "11 September 2023" in flag10.text and "Jabar Ekspres" in flag10.text
    assert "10 September 2023" in flag11.text and "Tribunnews" in flag11.text
    target = flag10.one("a").attrs["href"].lstrip("#")
    assert timeline.by_id(target) in day11.walk()
    # One event, several outlets: the departure on the 10th is told by two of them.
    assert "2 media: Kompas TV, Tribunnews" in day10.one(cls="timeline__outlets").text


def test_a_weekday_that_contradicts_its_date_is_flagged_with_the_true_weekday(site: Path) -> None:
    mismatches = parse(site / "linimasa/index.html").by_id("mismatches")
    item = mismatches.one(cls="attestation--mismatch")
    assert item.one("mark").text == "Minggu hingga Selasa (10-13/9/2023)"
    assert "IndonesiaOnline" in item.one(cls="attestation__source").text
    assert "13 September 2023 jatuh pada hari Rabu" in item.one(cls="flag--mismatch").text


def test_the_home_timeline_shows_the_same_events_and_the_conflict(site: Path) -> None:
    home = parse(site / "index.html")
    compact = home.one(cls="timeline--compact")
    assert "10 September 2023" in compact.text and "Tanggal diperselisihkan" in compact.text
    assert any(h.startswith("linimasa/#e-2023-09-11") for h in compact.one(cls="flag--conflict").hrefs())
    found = [json.loads("".join(c for c in s.children if isinstance(c, str)))
             for s in home.all("script") if s.attrs.get("type") == "application/ld+json"]
    event = next(data for data in found if data.get("@type") == "Event")
    assert event["startDate"] == "2023-09-12" and event["endDate"] == "2023-09-17"
    assert event["location"]["name"] == "Vostochny Cosmodrome" and "geo" in event["location"]


def test_madden_s_two_renderings_stand_side_by_side_with_the_differing_words_marked(
        site: Path, articles: dict[str, str]) -> None:
    page = "kutipan/index.html"
    madden = parse(site / page).by_id("s-michael-madden")
    group = madden.one(cls="quote-group--varied")
    renderings = group.all(cls="rendering")
    assert len(renderings) == 2
    marked = [(r.one("figcaption").one("a").text.split(":")[0].strip(), [m.text for m in r.all("mark")])
              for r in renderings]
    assert marked == [("Jabar Ekspres", ["mungkin sedang menjajaki kesepakatan"]),
                      ("Tribunnews", ["akan menyelesaikan semacam perjanjian"])]
    assert all("pembelian amunisi" in r.one("blockquote").text for r in renderings)
    assert links_to(renderings[0], page, articles["Jabar Ekspres"])
    assert links_to(renderings[1], page, articles["Tribunnews"])


def test_peskov_s_quote_is_one_quote_carried_by_two_outlets(site: Path, articles: dict[str, str]) -> None:
    page = "kutipan/index.html"
    peskov = parse(site / page).by_id("s-dmitry-peskov")
    assert peskov.one("h2").text.startswith("Dmitry Peskov") and links_to(peskov.one("h2"), page, "tokoh/dmitry-peskov")
    (group,) = peskov.all(cls="quote-group")
    assert "quote-group--varied" not in group.classes and not group.all("mark")
    assert "memperkuat persahabatan" in group.one("blockquote").text
    assert links_to(group, page, articles["Jabar Ekspres"]) and links_to(group, page, articles["Tribunnews"])


def test_a_person_s_page_shows_what_they_said(site: Path) -> None:
    kirby = parse(site / "tokoh/john-kirby/index.html").one(cls="said")
    assert "4 kutipan" in kirby.one("h2").text
    assert len(kirby.all(cls="quote-group")) == 4
    assert {m.text for m in kirby.all("mark")} >= {"Republik Rakyat Demokratik", "ke Moskow"}


def test_shared_passages_are_listed_with_both_outlets_and_highlighted(site: Path, articles: dict[str, str]) -> None:
    page = "sumber/index.html"
    passages = parse(site / page).all(cls="passage")
    assert len(passages) == 3
    kirby = next(p for p in passages if "IndonesiaOnline" in p.one("h2").text)
    assert kirby.one("h2").text == "Dimuat oleh Tribunnews, IndonesiaOnline"
    occurrences = kirby.all(cls="occurrence")
    assert len(occurrences) == 2
    for occurrence in occurrences:
        shared = occurrence.one("mark").text
        assert shared.startswith("untuk menghentikan perundingan senjata dengan Rusia")
        assert occurrence.one("blockquote").text.startswith("“Kami mendesak")  # the sentence around it
    assert links_to(occurrences[0], page, articles["Tribunnews"])
    assert links_to(occurrences[1], page, articles["IndonesiaOnline"])


def test_an_article_shows_its_shared_passages_and_who_else_carries_them(site: Path, articles: dict[str, str]) -> None:
    page = articles["Tribunnews"] + "index.html"
    shared = parse(site / page).one(cls="shared-passages")
    marks = [m.text for m in shared.all("mark")]
    assert any(m.startswith("Kehadiran Jo Chun Ryong") for m in marks)
    assert any(m.startswith("untuk menghentikan perundingan senjata") for m in marks)
    assert links_to(shared, page, articles["IndonesiaOnline"]) and links_to(shared, page, articles["Jabar Ekspres"])
    in_text = [m.text for m in parse(site / page).one(cls="prose").all("mark")]  # and in the article's own text
    assert in_text[0] == "Kehadiran Jo Chun Ryong menunjukkan bahwa Korea Utara dan Rusia"
    assert in_text[1].startswith("pembelian amunisi,” kata Michael Madden")
    quotes = parse(site / page).one(cls="quotes")
    assert "Juga dikutip oleh Jabar Ekspres dengan rumusan berbeda" in quotes.text


def test_the_map_links_every_place_and_lists_the_route_in_order(site: Path) -> None:
    page = "peta/index.html"
    root = parse(site / page)
    maps = root.all("svg", cls="dossier-map")
    # Named by its title, and not an img: an img's children (the place links) are hidden from screen readers.
    assert len(maps) == 2 and all("role" not in m.attrs and m.attrs["aria-labelledby"] for m in maps)
    places = [a for m in maps for a in m.all("a")]
    assert len(places) > 10 and all(a.attrs.get("aria-label") for a in places)
    assert all((site / "peta" / a.attrs["href"] / "index.html").resolve().is_file() for a in places)
    route = root.one("ol", cls="route")
    stops = [(li.one("a").text, li.one("time").text) for li in route.all("li")]
    assert stops == [("Pyongyang", "10 September 2023"), ("Vladivostok", "11 September 2023"),
                     ("Vostochny Cosmodrome", "14 September 2023"), ("Komsomolsk-on-Amur", "15 September 2023"),
                     ("Vladivostok", "16 September 2023")]
    assert links_to(route.all("li")[0], page, "tempat/pyongyang")


def test_the_network_page_draws_the_graph_and_lists_it(site: Path) -> None:
    root = parse(site / "jaringan/index.html")
    graph = root.one("svg", cls="dossier-graph")
    names = {a.text for a in graph.all("a")}
    assert {"Kim Jong Un", "Vladimir Putin", "Vladivostok"} <= names
    kim = next(n for n in root.all(cls="network__node") if n.one("h3").text.startswith("Kim Jong Un"))
    assert kim.one(cls="chip").text.startswith("Vladimir Putin 20")


def test_kim_s_page_shows_who_is_named_with_him_in_the_same_sentences(site: Path) -> None:
    side = parse(site / "tokoh/kim-jong-un/index.html").one("aside", cls="columns__side")
    chips = [c.one(cls="chip__name").text for c in side.all("a", cls="chip")]
    assert chips[:3] == ["Vladimir Putin", "Rusia", "Korea Utara"]
    assert "20 kalimat" in side.one(cls="chip__count").text


def test_the_new_pages_are_in_the_menus_and_the_sitemap(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for page in NEW_PAGES:
        assert f"<loc>https://example.org/dossier/{page.removesuffix('index.html')}</loc>" in sitemap
    footer = parse(site / "index.html").one("footer")
    assert {"linimasa/", "kutipan/", "sumber/", "peta/", "jaringan/"} <= set(footer.hrefs())


def test_no_link_of_the_real_dossier_is_broken(site: Path) -> None:
    assert broken_links(site, without_search_index=True) == []


# ------------------------------------------------------------------ a small synthetic dossier


def test_a_small_dossier_renders_the_analyst_pages_without_broken_links(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(VALID, out, index=False, cache=False)
    for page in (*NEW_PAGES, "linimasa/index.html"):
        root = parse(out / page)
        assert root.one("h1").text and root.one("nav", cls="analysis-nav")
    assert broken_links(out, without_search_index=True) == []


def _wire_dossier(site: Path) -> None:
    """Four articles: a wire sentence dated 2018 naming Makassar, run by Kabar Uji twice (an
    update) and by Warta Uji once; a fourth, in Warta Uji, words the same year its own way."""
    shutil.copytree(VALID, site)
    for old in (site / "content").glob("*.md"):
        old.unlink()
    wire = ("Banjir serupa pernah melanda Makassar pada 2018. Petugas gabungan mendirikan dapur umum dan posko "
            "kesehatan di tiga kelurahan yang terdampak paling parah.\n\n"
            "“Kami siaga penuh sampai air benar-benar surut,” kata Siti Rahmawati.")
    bodies = {
        "kabar-pagi": ("Kabar Uji", "2024-03-14", f"Air menggenangi Teluk Biru sejak pagi.\n\n{wire}"),
        "kabar-sore": ("Kabar Uji", "2024-03-15", f"Genangan di Teluk Biru mulai surut.\n\n{wire}"),
        "warta-banjir": ("Warta Uji", "2024-03-14", f"Warga Teluk Biru mengungsi ke masjid.\n\n{wire}"),
        "warta-sejarah": ("Warta Uji", "2024-03-16", "Warga mengingat banjir besar yang melanda pada 2018 itu."),
    }
    for slug, (outlet, published, body) in bodies.items():
        (site / "content" / f"{slug}.md").write_text(
            f"---\ntitle: Banjir {slug}\noutlet: {outlet}\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def test_a_wire_sentence_is_shown_once_with_every_article_that_ran_it(tmp_path: Path) -> None:
    _wire_dossier(tmp_path / "site")
    out = tmp_path / "out"
    build(tmp_path / "site", out, index=False, cache=False)
    page = "linimasa/index.html"
    year = parse(out / page).by_id("y-2018")
    wordings = year.all(cls="attestation")
    sentences = [w.one(cls="attestation__sentence").text for w in wordings]
    assert sentences.count("Banjir serupa pernah melanda Makassar pada 2018 .") == 1, sentences
    wire = wordings[sentences.index("Banjir serupa pernah melanda Makassar pada 2018 .")]
    source = wire.one(cls="attestation__source")
    # Each outlet is named once; Kabar Uji's second article is linked by its number.
    names = [a.text.split(":")[0].strip() for a in source.all("a") if "attestation__more" not in a.classes]
    assert names == ["Kabar Uji", "Warta Uji"]
    assert [a.text.split(":")[0].strip() for a in source.all(cls="attestation__more")] == ["2"]
    for slug in ("kabar-pagi", "kabar-sore", "warta-banjir"):
        assert links_to(source, page, f"artikel/{slug}")
    assert not links_to(source, page, "artikel/warta-sejarah")
    # Makassar's own (compact) timeline lists the sentence once too, each outlet linked to its
    # first article and its others counted; its date links to the timeline, which has them all.
    page = "tempat/makassar/index.html"
    days = [d for d in parse(out / page).all(cls="timeline__day") if "2018" in d.text]
    assert len(days) == 1 and links_to(days[0].one(cls="timeline__date"), page, "linimasa/")
    events = days[0].all(cls="timeline__event")
    assert len(events) == 1
    source = events[0].one(cls="timeline__source")
    names = [a.text.split(":")[0].strip() for a in source.all("a")]
    assert names == ["Kabar Uji", "Warta Uji"] and not source.all(cls="attestation__more")
    assert [c.text.split(" ")[0] for c in source.all(cls="attestation__count")] == ["+1"]
    assert links_to(source, page, "artikel/warta-banjir")
    # An article carrying it names the other carriers by outlet, each once, with how many
    # articles of it carry the passage; the sources page lists them all.
    page = "artikel/warta-banjir/index.html"
    (figure,) = parse(out / page).one(cls="shared-passages").all("figure")
    caption = figure.one("figcaption")
    assert [a.text.split(":")[0].strip() for a in caption.all("a")] == ["Kabar Uji", "Sumber bersama"]
    assert "(2 artikel)" in caption.text
    assert links_to(caption, page, "artikel/kabar-pagi") != links_to(caption, page, "artikel/kabar-sore")
    page = "artikel/kabar-sore/index.html"
    caption = parse(out / page).one(cls="shared-passages").one("figcaption")
    assert [a.text.split(":")[0].strip() for a in caption.all("a")] == ["Kabar Uji", "Warta Uji", "Sumber bersama"]
    assert "artikel)" not in caption.text  # one other article of each
    assert links_to(caption, page, "artikel/kabar-pagi") and links_to(caption, page, "artikel/warta-banjir")
    # The quotes page names the carriers of a wording the same way as the timeline.
    page = "kutipan/index.html"
    (rendering,) = parse(out / page).by_id("s-siti-rahmawati").all(cls="rendering")
    caption = rendering.one("figcaption")
    names = [a.text.split(":")[0].strip() for a in caption.all("a") if "attestation__more" not in a.classes]
    assert sorted(names) == ["Kabar Uji", "Warta Uji"]
    assert [a.text.split(":")[0].strip() for a in caption.all(cls="attestation__more")] == ["2"]
    assert all(links_to(caption, page, f"artikel/{slug}") for slug in ("kabar-pagi", "kabar-sore", "warta-banjir"))
    assert broken_links(out, without_search_index=True) == []


def test_a_passage_an_article_prints_twice_is_listed_once_with_how_often(tmp_path: Path) -> None:
    """A sentence one article prints twice, and another carries, is one entry on the article
    page and on the sources page, saying how often the article prints it; the article's text
    marks both."""
    site, out = tmp_path / "site", tmp_path / "out"
    _wire_dossier(site)
    forecast = "BMKG memperkirakan cuaca ekstrem masih akan terjadi di Sulawesi Selatan sepekan ke depan."
    (site / "content" / "kabar-ulang.md").write_text(
        "---\ntitle: Banjir ulang\noutlet: Harian Uji\npublished: 2024-03-17\n---\n"
        f"Air mulai surut di Teluk Biru. {forecast}\n\n"
        f"Menurut petugas, persoalan serupa sudah dibahas sejak lama. {forecast}\n", encoding="utf-8")
    (site / "content" / "kabar-cuaca.md").write_text(
        "---\ntitle: Cuaca\noutlet: Kabar Uji\npublished: 2024-03-18\n---\n"
        f"Hujan deras turun sejak pagi di Makassar. {forecast}\n", encoding="utf-8")
    build(site, out, index=False, cache=False)
    page = "artikel/kabar-ulang/index.html"
    (figure,) = parse(out / page).one(cls="shared-passages").all("figure")
    assert "Dimuat 2 kali dalam artikel ini" in figure.one("figcaption").text
    assert len(parse(out / page).one(cls="prose").all("mark")) == 2
    page = "artikel/kabar-cuaca/index.html"
    assert "kali dalam artikel ini" not in parse(out / page).one(cls="shared-passages").text
    page = "sumber/index.html"
    captions = [f.one("figcaption") for f in parse(out / page).all(cls="occurrence")]
    ours = [c for c in captions if links_to(c, page, "artikel/kabar-ulang")]
    assert len(ours) == 1 and "Dimuat 2 kali dalam artikel ini" in ours[0].text
    assert broken_links(out, without_search_index=True) == []
