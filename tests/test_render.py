"""The theme and renderer, specified on a small hand-built dossier.

A ``Site`` is assembled by hand (three articles, two hubs, a few people and places, one
hostile name), rendered into memory, and the output is read the way a browser, a crawler
and a feed reader would: parsed HTML, resolved relative links, parsed XML.
"""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType

import pytest

from dossier import urls
from dossier.config import Config, EventConfig, HubConfig, PathNames
from dossier.errors import DossierError
from dossier.filters import format_date, highlight, json_ld, weekday
from dossier.markup import markdown_to_text
from dossier.models import (
    Appearance,
    Article,
    ArticlePage,
    DateMention,
    EntityCount,
    EntityMentions,
    EntityPage,
    Event,
    Extraction,
    HubPage,
    KnownEntity,
    Mention,
    Quote,
    Sentence,
    Site,
)
from dossier.render import load_labels, make_environment, render_site, theme_dirs

HOSTILE = '<script>alert("x")</script>'
PATHS = PathNames(articles="artikel", topics="topik", people="tokoh", places="tempat",
                  organizations="organisasi", search="cari", timeline="linimasa")

# ------------------------------------------------------------------ a tiny dossier


def make_config(root: Path, **changes: object) -> Config:
    config = Config(
        root=root,
        title="Pertemuan Kim dan Putin",
        description="Dosir liputan media tentang pertemuan Kim Jong Un dan Vladimir Putin.",
        language="id",
        base_url="https://example.org/dossier/",
        hubs=(HubConfig("vostochny", "Kosmodrom Vostochny", keywords=("Vostochny",)),
              HubConfig("senjata", "Kesepakatan senjata", keywords=("senjata",))),
        entities=(KnownEntity("Kim Jong Un", "person", ("Kim",), "Q56226", None, "Pemimpin Korea Utara."),
                  KnownEntity("Rusia", "place", (), "Q159", (55.75, 37.61))),
        labels=MappingProxyType({}),
        paths=PATHS,
        event=EventConfig("Pertemuan puncak", date(2023, 9, 12), date(2023, 9, 17), "Vostochny"),
    )
    return replace(config, **changes)  # type: ignore[arg-type]


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, char in enumerate(text):
        if char in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            chunk = text[start:i + 1]
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Sentence(start + lead, i + 1, chunk.strip()))
            start = i + 1
    return tuple(out)


def _mentions(text: str, name: str) -> tuple[Mention, ...]:
    found, at = [], text.find(name)
    while at >= 0:
        found.append(Mention(name, at, at + len(name)))
        at = text.find(name, at + 1)
    return tuple(found)


def _sentence_of(sentences: Iterable[Sentence], offset: int) -> str:
    return next(s.text for s in sentences if s.start <= offset < s.end)


def make_page(config: Config, slug: str, title: str, outlet: str, published: date | None, body: str,
              people: Iterable[str], places: Iterable[str], dates: Iterable[tuple[str, str]],
              topics: tuple[str, ...], quote: str | None = None) -> ArticlePage:
    text = markdown_to_text(body)
    sentences = _sentences(text)
    entities = tuple(
        EntityMentions(urls.slugify(name), name, kind, _mentions(text, name))
        for kind, names in (("person", people), ("place", places)) for name in names)
    date_mentions = tuple(DateMention(t, text.find(t), text.find(t) + len(t), v) for t, v in dates)
    quotes = ()
    if quote:
        at = text.find(quote)
        quotes = (Quote(quote, at, at + len(quote), "Kim Jong Un", "kim-jong-un"),)
    article = Article(slug, Path(f"content/{slug}.md"), title, outlet, published, body, text,
                      author="Penulis Uji", url=f"https://news.example/{slug}")
    return ArticlePage(article, Extraction(sentences, entities, date_mentions, quotes),
                       sentences[0:2] and tuple(s.text for s in sentences[:2]), topics,
                       urls.article_path(config, slug))


def make_site(config: Config) -> Site:
    a1 = make_page(
        config, "kim-tiba", "Kim Jong Un tiba di Vostochny", "Kompas TV", date(2023, 9, 13),
        "Kim Jong Un tiba di Vostochny pada Rabu (13/9/2023). Vladimir Putin menyambutnya di Rusia.\n\n"
        "Keduanya membahas satelit dan senjata. \"Kami akan terus bersama,\" kata Kim Jong Un.",
        ["Kim Jong Un", "Vladimir Putin"], ["Vostochny", "Rusia"],
        [("Rabu (13/9/2023)", "2023-09-13")], ("vostochny", "senjata"),
        quote="Kami akan terus bersama,")
    a2 = make_page(
        config, "rencana", "Rencana kunjungan ke Rusia", "Tribunnews", date(2023, 9, 11),
        "Kim Jong Un berangkat pada Minggu (10/9/2023) menuju Rusia. Forum berlangsung 10-13 September.\n\n"
        f"Nama aneh {HOSTILE} muncul di Rusia pada Juli 2000.",
        ["Kim Jong Un", HOSTILE], ["Rusia"],
        [("Minggu (10/9/2023)", "2023-09-10"), ("10-13 September", "2023-09-10/2023-09-13"),
         ("Juli 2000", "2000-07")], ("senjata",))
    a3 = make_page(
        config, "tanpa-tanggal", f"Judul {HOSTILE} berbahaya", "Detik", None,
        "Vladimir Putin berbicara di Rusia.", ["Vladimir Putin"], ["Rusia"], [], ())
    pages = (a1, a2, a3)  # newest first

    def entity(kind: str, name: str, known: KnownEntity | None = None) -> EntityPage:
        key = urls.slugify(name)
        apps = tuple(Appearance(p, _sentence_of(p.extraction.sentences, m.start), m.text)
                     for p in pages for e in p.extraction.entities if e.key == key and e.type == kind
                     for m in e.mentions)
        count = len({a.article.path for a in apps})
        return EntityPage(key, name, kind, urls.entity_path(config, kind, key), apps, count, known)  # type: ignore[arg-type]

    kim = entity("person", "Kim Jong Un", config.entities[0])
    putin = entity("person", "Vladimir Putin")
    hostile = entity("person", HOSTILE)
    rusia = entity("place", "Rusia", config.entities[1])
    vostochny = entity("place", "Vostochny")

    def event(page: ArticlePage, d: DateMention) -> Event:
        return Event(d.value or "", (d.value or "").split("/")[0], d.text,
                     _sentence_of(page.extraction.sentences, d.start), page)

    timeline = tuple(sorted((event(p, d) for p in pages for d in p.extraction.dates),
                            key=lambda e: (e.sort_key, e.date, e.article.path)))
    hubs = (
        HubPage("vostochny", "Kosmodrom Vostochny", "Pusat antariksa.", urls.hub_path(config, "vostochny"),
                (a1,), (EntityCount(kim, 1),), (EntityCount(vostochny, 1),),
                tuple(e for e in timeline if e.article is a1)),
        HubPage("senjata", "Kesepakatan senjata", "", urls.hub_path(config, "senjata"), (a1, a2),
                (EntityCount(kim, 2),), (EntityCount(rusia, 2),),
                tuple(e for e in timeline if e.article in (a1, a2))),
    )
    return Site(pages, hubs, (kim, putin, hostile), (rusia, vostochny), (), timeline,
                ("Detik", "Kompas TV", "Tribunnews"))


# ------------------------------------------------------------------ reading the output


class Page(HTMLParser):
    """Parsed HTML page: links, tags, attributes, script contents, visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        for key in ("href", "src"):
            if a.get(key) is not None and tag != "base":
                self.links.append(a[key] or "")
        if tag == "script":
            self._script = a

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
        else:
            self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k.replace("_", "-")) == v
                                                           for k, v in attrs.items())]

    def has_attr(self, name: str) -> bool:
        return any(name in a for _, a in self.tags)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    config = make_config(tmp_path_factory.mktemp("site"))
    return dict(render_site(make_site(config), config))


def html_pages(files: dict[str, bytes]) -> dict[str, Page]:
    return {p: Page(data.decode("utf-8")) for p, data in files.items() if p.endswith(".html")}


# ------------------------------------------------------------------ the spec


def test_renders_every_page_of_the_site(rendered: dict[str, bytes]) -> None:
    expected = {
        "index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt",
        "artikel/kim-tiba/index.html", "artikel/rencana/index.html", "artikel/tanpa-tanggal/index.html",
        "topik/vostochny/index.html", "topik/senjata/index.html",
        "tokoh/kim-jong-un/index.html", "tokoh/vladimir-putin/index.html",
        "tempat/rusia/index.html", "tempat/vostochny/index.html",
        "tokoh/index.html", "tempat/index.html", "organisasi/index.html", "topik/index.html",
        "artikel/index.html", "linimasa/index.html", "cari/index.html",
        "assets/dossier.css", "assets/dossier.js", "assets/search.js",
    }
    assert expected <= set(rendered)
    assert "dossier.json" not in rendered  # opendata.py writes it


def test_every_page_declares_language_landmarks_and_skip_link(rendered: dict[str, bytes]) -> None:
    for path, page in html_pages(rendered).items():
        assert page.find("html")[0]["lang"] == "id", path
        for landmark in ("header", "nav", "main", "footer"):
            assert page.find(landmark), f"{path} has no <{landmark}>"
        assert page.find("main", id="main"), path
        assert page.find("a", href="#main", **{"class": "skip-link"}), path
        assert page.find("meta", name="viewport"), path


def test_internal_links_are_relative_and_resolve(rendered: dict[str, bytes]) -> None:
    produced_later = {"dossier.json", "dossier-events.json", "dossier-analysis.json"}  # opendata.py; pagefind/ is
    # written by the Pagefind CLI
    for path, page in html_pages(rendered).items():
        # 404.html is served at any missed URL, so it links from <base href> = the site root.
        here = "" if path == "404.html" else posixpath.dirname(path)
        for link in page.links:
            if link.startswith(("https://", "http://", "mailto:", "#")):
                continue
            assert not link.startswith("/"), f"{path}: absolute link {link}"
            target = link.split("#")[0].split("?")[0]
            resolved = posixpath.normpath(posixpath.join(here, target))
            if target.endswith("/") or target in (".", "./"):
                resolved = posixpath.join(resolved, "index.html") if resolved != "." else "index.html"
            if resolved.startswith("pagefind/") or resolved in produced_later:
                continue
            assert resolved in rendered, f"{path}: {link} -> {resolved} is not a rendered file"
            fragment = link.partition("#")[2]
            if fragment:
                assert f'id="{fragment}"' in rendered[resolved].decode(), f"{path}: no #{fragment} in {resolved}"


def test_404_page_links_from_the_site_root_under_a_sub_path(rendered: dict[str, bytes]) -> None:
    """Served at any missed URL, the 404 page resolves its links against base_url, absolutely:
    a root-relative base ("/dossier/") would break wherever the site is hosted under another path."""
    page = Page(rendered["404.html"].decode())
    assert page.find("base")[0]["href"] == "https://example.org/dossier/"
    assert page.find("meta", name="robots")[0]["content"] == "noindex"


def test_labels_come_from_the_theme_and_site_yaml_overrides_them(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    labels = load_labels(config, theme_dirs(config))
    assert labels["nav_people"] == "Tokoh" and labels["month_7"] == "Juli"
    home = dict(render_site(make_site(config), config))["index.html"].decode()
    assert ">Tokoh</a>" in home and ">Linimasa</a>" in home

    config = make_config(tmp_path, labels=MappingProxyType({"nav_people": "Orang-orang"}))
    home = dict(render_site(make_site(config), config))["index.html"].decode()
    assert ">Orang-orang</a>" in home and ">Tokoh</a>" not in home


def test_every_label_a_template_uses_is_defined_in_the_theme(tmp_path: Path) -> None:
    import re
    theme = Path(__file__).resolve().parents[1] / "templates"
    labels = load_labels(make_config(tmp_path), (theme,))
    used = {m for f in theme.glob("*.*") if f.suffix in (".html", ".xml", ".txt")
            for m in re.findall(r"labels\.([a-z_0-9]+)", f.read_text())}
    nouns = {m for f in theme.glob("*.html") for m in re.findall(r"counted\([\"']([a-z_]+)", f.read_text())}
    assert used and nouns
    assert used - set(labels) == set()
    assert {f"count_{n}_{form}" for n in nouns for form in ("one", "other")} - set(labels) == set()


def test_an_empty_dossier_still_renders(tmp_path: Path) -> None:
    config = make_config(tmp_path, event=None, description="")
    files = dict(render_site(Site((), (), (), (), (), ()), config))
    assert "Belum ada apa pun di sini." in files["tokoh/index.html"].decode()
    assert "Belum ada peristiwa bertanggal." in files["linimasa/index.html"].decode()
    assert ET.fromstring(files["feed.xml"]).find("{http://www.w3.org/2005/Atom}entry") is None


def test_a_broken_labels_file_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "labels.yaml").write_text("nav_people: Orang\nnav_places: [Tempat\n")
    config = make_config(tmp_path)
    with pytest.raises(DossierError) as info:
        dict(render_site(make_site(config), config))
    problem = info.value.problems[0]
    assert problem.path == (tmp_path / "templates" / "labels.yaml").resolve() and problem.line is not None


def test_a_broken_label_pattern_is_reported_by_name(tmp_path: Path) -> None:
    config = make_config(tmp_path, labels=MappingProxyType({"count_articles_other": "{jumlah} artikel"}))
    with pytest.raises(DossierError) as info:
        dict(render_site(make_site(config), config))
    message = info.value.problems[0].message
    assert "count_articles_other" in message and "{n}" in message


def test_a_site_template_or_asset_overrides_the_default_theme_file(tmp_path: Path) -> None:
    (tmp_path / "templates" / "assets").mkdir(parents=True)
    (tmp_path / "templates" / "404.html").write_text("<p>{{ labels.not_found_title }} (custom)</p>\n")
    (tmp_path / "templates" / "assets" / "dossier.css").write_text("body { color: red; }\n")
    (tmp_path / "templates" / "labels.yaml").write_text("not_found_title: Tidak ada\n")
    config = make_config(tmp_path)
    files = dict(render_site(make_site(config), config))
    assert files["404.html"] == b"<p>Tidak ada (custom)</p>\n"
    assert files["assets/dossier.css"] == b"body { color: red; }\n"
    assert b"assets/dossier.js" in files["index.html"]  # untouched files still come from the theme


def test_an_unknown_variable_names_the_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "hub.html").write_text("<h1>{{ hub.title }}</h1>\n\n<p>{{ hub.no_such_field }}</p>\n")
    config = make_config(tmp_path)
    with pytest.raises(DossierError) as info:
        dict(render_site(make_site(config), config))
    problem = info.value.problems[0]
    assert problem.path == (tmp_path / "templates" / "hub.html").resolve()
    assert problem.line == 3
    assert "no_such_field" in problem.message


def test_an_error_inside_a_macro_names_the_macro_file_not_the_page(tmp_path: Path) -> None:
    theme = Path(__file__).resolve().parents[1] / "templates"
    (tmp_path / "templates").mkdir()
    macros = (theme / "macros.html").read_text().replace("{{ value | format_date }}", "{{ value.nope }}")
    (tmp_path / "templates" / "macros.html").write_text(macros)
    line = macros.splitlines().index(next(x for x in macros.splitlines() if "value.nope" in x)) + 1
    config = make_config(tmp_path)
    with pytest.raises(DossierError) as info:
        dict(render_site(make_site(config), config))
    problem = info.value.problems[0]
    assert problem.path is not None and problem.path.name == "macros.html" and problem.line == line


def test_a_template_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "timeline.html").write_text("<ol>\n{% for day in days %}\n<li>{{ day.date }\n")
    config = make_config(tmp_path)
    with pytest.raises(DossierError) as info:
        dict(render_site(make_site(config), config))
    problem = info.value.problems[0]
    assert problem.path is not None and problem.path.name == "timeline.html"
    assert problem.line == 3


def test_hostile_strings_are_escaped_everywhere(rendered: dict[str, bytes]) -> None:
    for path, data in rendered.items():
        if path.endswith((".html", ".xml")):
            assert b"<script>alert" not in data, path
    page = Page(rendered["artikel/tanpa-tanggal/index.html"].decode())
    assert f"Judul {HOSTILE} berbahaya" in "".join(page.text)  # shown as text, not run


def test_json_ld_cannot_break_out_of_its_script_element(rendered: dict[str, bytes]) -> None:
    html = rendered["artikel/tanpa-tanggal/index.html"].decode()
    page = Page(html)
    blocks = [body for attrs, body in page.scripts if attrs.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    assert "</" not in blocks[0] and "<" not in blocks[0]
    data = json.loads(blocks[0])
    assert data["@type"] == "NewsArticle" and data["headline"] == f"Judul {HOSTILE} berbahaya"
    assert json.loads(str(json_ld({"s": "</script><!--&"}))) == {"s": "</script><!--&"}


def test_article_json_ld_links_known_entities_to_wikidata(rendered: dict[str, bytes]) -> None:
    page = Page(rendered["artikel/kim-tiba/index.html"].decode())
    data = json.loads(next(b for a, b in page.scripts if a.get("type") == "application/ld+json"))
    about = {t["name"]: t for t in data["about"]}
    assert about["Kim Jong Un"]["sameAs"] == "https://www.wikidata.org/wiki/Q56226"
    assert about["Kim Jong Un"]["url"] == "https://example.org/dossier/tokoh/kim-jong-un/"
    assert data["datePublished"] == "2023-09-13"
    assert {t["name"] for t in data["mentions"]} == {"Vladimir Putin", "Vostochny"}


def test_article_page_shows_summary_chips_dates_topics_text_and_quotes(rendered: dict[str, bytes]) -> None:
    html = rendered["artikel/kim-tiba/index.html"].decode()
    page = Page(html)
    assert page.find("a", href="https://news.example/kim-tiba", rel="noopener nofollow", target="_blank")
    assert page.find("a", href="../../tokoh/kim-jong-un/")
    assert page.find("a", href="../../topik/vostochny/")
    assert "13 September 2023" in html and "Rabu (13/9/2023)" in html
    assert page.find("a", href="../../linimasa/#t-2023-09-13")  # the date, on the timeline
    assert 'id="t-2023-09-13"' in rendered["linimasa/index.html"].decode()
    assert 'class="summary"' in html and "<blockquote><p>Kami akan terus bersama,</p></blockquote>" in html
    assert html.index('class="summary"') < html.index('class="facts"') < html.index('class="prose"')
    assert page.find("meta", property="og:type")[0]["content"] == "article"


def test_article_page_links_related_articles_and_never_a_script_url(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    site = make_site(config)
    first = site.articles[0]
    evil = replace(first, article=replace(first.article, url="javascript:alert(1)"))
    files = dict(render_site(replace(site, articles=(evil, *site.articles[1:])), config))
    html = files["artikel/kim-tiba/index.html"].decode()
    assert "javascript:" not in html and b"javascript:" not in files["feed.xml"]
    related = Page(html).find("a", href="../rencana/")  # shares Kim, Rusia and a topic
    assert related
    entity = files["tokoh/vladimir-putin/index.html"].decode()
    assert "Sering disebut bersama" in entity and 'href="../../tempat/rusia/"' in entity


def test_assets_are_linked_with_a_content_version(rendered: dict[str, bytes]) -> None:
    import hashlib
    version = hashlib.sha256(rendered["assets/dossier.css"]).hexdigest()[:10]
    assert Page(rendered["index.html"].decode()).find("link", rel="stylesheet",
                                                      href=f"assets/dossier.css?v={version}")


def test_article_text_links_the_first_mention_of_each_entity(rendered: dict[str, bytes]) -> None:
    html = rendered["artikel/kim-tiba/index.html"].decode()
    prose = html[html.index('class="prose"'):html.index("</section>", html.index('class="prose"'))]
    assert prose.count('<a href="../../tokoh/kim-jong-un/" class="entity-link">Kim Jong Un</a>') == 1
    assert prose.count('class="entity-link">') == 4  # Kim, Putin, Vostochny, Rusia: once each
    hostile = rendered["artikel/rencana/index.html"].decode()
    assert 'class="entity-link">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>' in hostile


def test_only_article_pages_are_indexed_with_filters_meta_and_sort(rendered: dict[str, bytes]) -> None:
    for path, page in html_pages(rendered).items():
        is_article = path.startswith("artikel/") and path.count("/") == 2
        assert page.has_attr("data-pagefind-body") == is_article, path
    html = rendered["artikel/kim-tiba/index.html"].decode()
    for span in ('<span data-pagefind-filter="tokoh">Kim Jong Un</span>',
                 '<span data-pagefind-filter="tempat">Rusia</span>',
                 '<span data-pagefind-filter="topik">Kosmodrom Vostochny</span>',
                 '<span data-pagefind-filter="media">Kompas TV</span>'):
        assert span in html
    assert 'data-pagefind-meta="date:2023-09-13"' in html
    assert 'data-pagefind-sort="tanggal:2023-09-13"' in html
    assert 'data-pagefind-meta="title"' in html


def test_entity_page_lists_sentences_with_the_mention_marked(rendered: dict[str, bytes]) -> None:
    html = rendered["tokoh/vladimir-putin/index.html"].decode()
    assert "<mark>Vladimir Putin</mark> menyambutnya di Rusia." in html
    assert "2 artikel" in html
    kim = rendered["tokoh/kim-jong-un/index.html"].decode()
    assert 'href="https://www.wikidata.org/wiki/Q56226"' in kim and "Pemimpin Korea Utara." in kim
    data = json.loads(next(b for a, b in Page(kim).scripts if a.get("type") == "application/ld+json"))
    assert data["@type"] == "Person" and data["sameAs"] == "https://www.wikidata.org/wiki/Q56226"
    events = kim[kim.index('id="entity-events"'):]  # his own timeline: the dated sentences naming him
    assert "10 September 2023" in events and "13 September 2023" in events and "Juli 2000" not in events


def test_timeline_groups_events_by_date_in_order(rendered: dict[str, bytes]) -> None:
    """Chronological; a period that holds days (a range, a month) comes before those days."""
    html = rendered["linimasa/index.html"].decode()
    order = [html.index(s) for s in ('id="t-2000-07"', 'id="t-2023-09-10/2023-09-13"', 'id="t-2023-09-10"',
                                     'id="t-2023-09-13"')]
    assert order == sorted(order)


def test_search_page_uses_pagefind_with_relative_paths_and_works_without_js(rendered: dict[str, bytes]) -> None:
    html = rendered["cari/index.html"].decode()
    page = Page(html)
    assert page.find("script", src="../pagefind/pagefind-component-ui.js")
    assert page.find("link", href="../pagefind/pagefind-component-ui.css")
    assert page.find("pagefind-config")[0]["lang"] == "id"
    assert "<noscript>" in html
    home = Page(rendered["index.html"].decode())
    form = home.find("form", role="search")[0]
    assert form["action"] == "cari/" and form["method"] == "get"
    assert home.find("input", name="q")


def test_sitemap_and_feed_are_well_formed_and_dated_by_articles(rendered: dict[str, bytes]) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "a": "http://www.w3.org/2005/Atom"}
    sitemap = ET.fromstring(rendered["sitemap.xml"])
    locs = [u.findtext("s:loc", namespaces=ns) for u in sitemap.findall("s:url", ns)]
    assert "https://example.org/dossier/" in locs
    assert "https://example.org/dossier/artikel/kim-tiba/" in locs
    assert all(loc and loc.startswith("https://example.org/dossier/") for loc in locs)
    lastmods = [u.findtext("s:lastmod", namespaces=ns) for u in sitemap.findall("s:url", ns)]
    assert sorted(m for m in lastmods if m) == ["2023-09-11", "2023-09-13"]

    feed = ET.fromstring(rendered["feed.xml"])
    assert feed.findtext("a:updated", namespaces=ns) == "2023-09-13T00:00:00Z"
    entries = feed.findall("a:entry", ns)
    assert [e.findtext("a:title", namespaces=ns) for e in entries][0] == "Kim Jong Un tiba di Vostochny"
    assert entries[2].findtext("a:title", namespaces=ns) == f"Judul {HOSTILE} berbahaya"
    assert [c.get("term") for c in entries[0].findall("a:category", ns)] == ["Kosmodrom Vostochny",
                                                                           "Kesepakatan senjata"]
    assert "Sitemap: https://example.org/dossier/sitemap.xml" in rendered["robots.txt"].decode()


def test_the_feed_holds_the_newest_articles_up_to_feed_entries(tmp_path: Path) -> None:
    config = make_config(tmp_path, feed_entries=2)
    files = dict(render_site(make_site(config), config, wanted=lambda path: path == "feed.xml"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(files["feed.xml"])
    assert [e.findtext("a:updated", namespaces=ns) for e in feed.findall("a:entry", ns)] == [
        "2023-09-13T00:00:00Z", "2023-09-11T00:00:00Z"]
    assert feed.findtext("a:updated", namespaces=ns) == "2023-09-13T00:00:00Z"


def test_output_is_byte_identical_across_renders(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    first = list(render_site(make_site(config), config))
    second = list(render_site(make_site(config), config))
    assert first == second


def test_pages_split_between_renders_by_wanted_are_the_whole_site(tmp_path: Path) -> None:
    """Two renders that each want half the paths (as parallel workers do) give exactly the
    files of one render, and a render renders only what it wants."""
    config = make_config(tmp_path)
    site = make_site(config)
    whole = dict(render_site(site, config))
    halves = [dict(render_site(site, config, wanted=lambda path, odd=odd: (len(path) % 2 == 1) == odd))
              for odd in (False, True)]
    assert not halves[0].keys() & halves[1].keys()
    assert {**halves[0], **halves[1]} == whole
    assert list(render_site(site, config, wanted=lambda path: path == "feed.xml")) == [("feed.xml", whole["feed.xml"])]


def test_related_articles_share_at_least_two_uncommon_things(tmp_path: Path) -> None:
    """Counted pairwise, the definition: the most shared entities and topics first (names in
    more than half the articles left out), at least two, ties to the newer article."""
    from dossier.views import RelatedArticles
    config = make_config(tmp_path)
    site = make_site(config)
    pages = site.articles * 4  # twelve articles, each four times
    related = RelatedArticles(pages)
    keys = [{(e.type, e.key) for e in p.extraction.entities} | {("topic", t) for t in p.topics} for p in pages]
    holders = {k: sum(k in ks for ks in keys) for ks in keys for k in ks}
    keys = [{k for k in ks if holders[k] <= len(pages) // 2} for ks in keys]
    assert any(len(ks) >= 2 for ks in keys)
    for index in range(len(pages)):
        shared = {o: len(keys[index] & keys[o]) for o in range(len(pages)) if o != index}
        best = sorted((o for o, n in shared.items() if n >= 2), key=lambda o: (-shared[o], o))[:3]
        assert related.of(index) == tuple(pages[o] for o in best)
    assert any(related.of(index) for index in range(len(pages)))


def test_whole_words_finds_what_the_regular_expression_finds() -> None:
    import random
    import re

    from dossier.filters import whole_words
    rng = random.Random(7)
    alphabet = "aAb _-.é1٣&;"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        names = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4))}
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?!\w)")
        assert whole_words(text, names) == [m.span() for m in pattern.finditer(text)], (text, names)


def test_links_are_the_same_from_every_page(tmp_path: Path) -> None:
    from dossier.page_links import href
    for page in ("index.html", "404.html", "artikel/a/index.html", "tokoh/b/index.html", "linimasa/index.html"):
        for target in ("index.html", "feed.xml", "assets/dossier.css", "artikel/a/index.html",
                       "artikel/c/index.html", "tokoh/index.html", "linimasa/index.html"):
            assert href(page, target) == urls.relative_href(page, target)


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Set and dict orders change with PYTHONHASHSEED between processes; the bytes must not."""
    import os
    import subprocess
    import sys
    script = (
        "import hashlib, sys; from pathlib import Path; sys.path.insert(0, 'tests')\n"
        "from test_render import make_config, make_site; from dossier.render import render_site\n"
        f"c = make_config(Path({str(tmp_path)!r}))\n"
        "h = hashlib.sha256()\n"
        "for p, d in render_site(make_site(c), c): h.update(p.encode() + d)\n"
        "print(h.hexdigest())\n")
    repo = Path(__file__).resolve().parents[1]
    digests = {subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1


def test_no_page_makes_an_external_request(rendered: dict[str, bytes]) -> None:
    for path, page in html_pages(rendered).items():
        for tag, attrs in page.tags:
            if tag in ("script", "img", "iframe") or (tag == "link" and attrs.get("rel") == "stylesheet"):
                src = attrs.get("src") or attrs.get("href") or ""
                assert not src.startswith(("http:", "https:", "//")), f"{path}: {tag} {src}"
    assert b"@import" not in rendered["assets/dossier.css"] and b"url(http" not in rendered["assets/dossier.css"]


# ------------------------------------------------------------------ the formatting filters


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-09-11", "11 September 2023"),
    ("2000-07", "Juli 2000"),
    ("2019", "2019"),
    ("2023-09-10/2023-09-13", "10–13 September 2023"),
    ("2023-08-30/2023-09-02", "30 Agustus – 2 September 2023"),
    ("2022-12-30/2023-01-02", "30 Desember 2022 – 2 Januari 2023"),
    ("2023-09/2023-10", "September 2023 – Oktober 2023"),
    (date(2023, 9, 5), "5 September 2023"),
    ("sometime", "sometime"),
    (None, ""),
])
def test_format_date_reads_iso_values_in_the_dossier_language(value: object, expected: str, tmp_path: Path) -> None:
    config = make_config(tmp_path)
    assert format_date(load_labels(config, theme_dirs(config)), value) == expected  # type: ignore[arg-type]


def test_weekday_names_the_day_a_date_really_was(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    labels = load_labels(config, theme_dirs(config))
    assert [weekday(labels, d) for d in ("2023-09-10", "2023-09-12", "2023-09-13", "2023-09")] == \
        ["Minggu", "Selasa", "Rabu", ""]


def test_highlight_escapes_then_marks_the_mention() -> None:
    assert str(highlight("Kim & <b>Putin</b> bertemu", "Putin")) == \
        "Kim &amp; &lt;b&gt;<mark>Putin</mark>&lt;/b&gt; bertemu"
    assert str(highlight("a <x> b", "<x>")) == "a <mark>&lt;x&gt;</mark> b"


def test_highlight_marks_whole_words_and_every_form_of_the_name() -> None:
    assert str(highlight("AS dan kelas", "AS")) == "<mark>AS</mark> dan kelas"
    assert str(highlight("Putin bertemu Vladimir Putin", ["Putin", "Vladimir Putin"])) == \
        "<mark>Putin</mark> bertemu <mark>Vladimir Putin</mark>"
    assert str(highlight("rusia dan Korea", "Rusia")) == "<mark>rusia</mark> dan Korea"


def test_highlight_of_one_name_marks_what_the_whole_word_pattern_finds() -> None:
    """A passage named one way (a tuple of one name: most passages of an entity page) takes
    a short way; it must mark exactly what the whole-word pattern marks, overlapping and
    repeated names, escaped names and a name found only in another case included."""
    import random
    import re

    from markupsafe import escape

    rng = random.Random(7)
    words = ("AS", "ASAS", "kelas", "AS_", "_AS", "as", "A&S", "<b>", "é", "AS1", "x", ",", " ", "AA", "A")
    for _ in range(3000):
        sentence = "".join(rng.choice(words) for _ in range(rng.randint(0, 9)))
        name = rng.choice(("AS", "A&S", "<b>", "AA", "A", "as", "ASAS", "é"))
        escaped, target = str(escape(sentence)), str(escape(name))
        pattern = re.compile(rf"(?<!\w){re.escape(target)}(?!\w)")
        if not pattern.search(escaped):
            pattern = re.compile(rf"(?<!\w){re.escape(target)}(?!\w)", re.IGNORECASE)
        expected = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
        assert str(highlight(sentence, (name,))) == expected, (sentence, name)
        assert str(highlight(sentence, (name,))) == str(highlight(sentence, [name])), (sentence, name)


def test_shared_spans_are_marked_in_the_article_text_inside_its_markup(tmp_path: Path) -> None:
    """Offsets of the plain text land on the right words of the Markdown (across emphasis and
    raw HTML shown as text), and every mark nests inside the Markdown's own elements."""
    from dossier.markup import make_markdown
    from dossier.views import linked_body

    config = make_config(tmp_path)
    page = make_page(config, "uji", "Uji", "Detik", None, "Kata **Kim Jong Un** di Rusia <b>hari ini</b>.",
                     ["Kim Jong Un"], ["Rusia"], [], ())
    text = page.article.text
    span = (text.index("Jong"), text.index("hari ini") + len("hari ini"))
    html = str(linked_body(page, {}, make_markdown(), [span]))
    assert html == ('<p>Kata <strong>Kim <mark class="shared">Jong Un</mark></strong>'
                    '<mark class="shared"> di Rusia &lt;b&gt;hari ini</mark>&lt;/b&gt;.</p>\n')


def test_printed_values_are_escaped_exactly_as_jinja_escapes_them() -> None:
    """The theme's environment prints values through its own escaping (no ``Markup`` per
    value): every kind of value must come out as Jinja's own autoescaping writes it."""
    import jinja2
    from markupsafe import Markup

    from dossier.render import make_environment

    class Html:
        def __html__(self) -> str:
            return "<b>safe</b>"

    source = ("{{ s }}|{{ m }}|{{ n }}|{{ h }}|{{ none }}|{{ s ~ m }}|{{ s | e }}|{% set x %}{{ s }}{% endset %}{{ x }}"
              "|{% autoescape false %}{{ s }}{% endautoescape %}"
              "|{% macro f(v) %}<i>{{ v }}</i>{% endmacro %}{{ f(s) }}")
    values = {"s": "<a href=\"x\">&'</a>", "m": Markup("<em>ok</em>"), "n": 3, "h": Html(), "none": None}
    ours = make_environment((), {}).from_string(source).render(values)
    jinjas = jinja2.Environment(autoescape=True).from_string(source).render(values)
    assert ours == jinjas
    with pytest.raises(jinja2.UndefinedError):
        make_environment((), {}).from_string("{{ missing }}").render()


BODY_WORDS = ("Kim", "Jong", "Un", "Rusia", "Putin", "kata", "dua.", "9", "1.", "1)", "-", "#", "##", "=", "---",
              '"Kutip"', "\u201ca\u201d", "(b)", "a\u3000b", "a\u00a0", "!", ">", "'", "+", ":", "\u00e9", "~",
              "&amp;", "*a*", "_a_", "`a`", "[a](b)", "<b>", "\\", "\t", "\r", "\"x\" > y")


def _article_bodies(count: int) -> list[str]:
    """Markdown of plain paragraphs, headings and lists, and much that only looks like them."""
    import random

    rng = random.Random(5)

    def line() -> str:
        words = " ".join(rng.choice(BODY_WORDS) if rng.random() < 0.04 else rng.choice(BODY_WORDS[:8])
                         for _ in range(rng.randint(0, 7)))
        kind, sep = rng.random(), rng.choice((" ", " ", " ", "  ", ""))
        if kind < 0.25:
            return rng.choice(("", "", "", " ", "    x"))
        if kind < 0.35:
            return "-" + sep + words
        if kind < 0.42:
            return "#" * rng.randint(1, 7) + sep + words + rng.choice(("", "", " #", "#"))
        return words + rng.choice(("", "", "", " "))

    return ["\n".join(line() for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_plain_bodies_are_laid_out_as_markdown_it_lays_them_out(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The article body's shortcut past markdown-it (plain paragraphs, headings, lists) gives
    the parser's HTML, links and shared-passage marks included, wherever it answers."""
    from types import SimpleNamespace

    from dossier import article_body
    from dossier.markup import make_markdown

    config, md = make_config(tmp_path), make_markdown()
    entities = {(kind, urls.slugify(name)): SimpleNamespace(path=urls.entity_path(config, kind, urls.slugify(name)))
                for kind, name in (("person", "Kim Jong Un"), ("person", "Putin"), ("place", "Rusia"))}
    plain_blocks = article_body._plain_blocks
    answered = 0
    for number, body in enumerate(_article_bodies(4000)):
        page = make_page(config, f"a{number}", "Uji", "Detik", None, body, ["Kim Jong Un", "Kim", "Putin"],
                         ["Rusia"], [], ())
        text = page.article.text
        at = text.find("Jong")
        marked = [(at, min(len(text), at + 12))] if at >= 0 and number % 2 else []
        shortcut = article_body.linked_body(page, entities, md, marked)
        if plain_blocks(body) is None:
            continue
        answered += 1
        monkeypatch.setattr(article_body, "_plain_blocks", lambda body: None)
        assert shortcut == article_body.linked_body(page, entities, md, marked), body
        monkeypatch.setattr(article_body, "_plain_blocks", plain_blocks)
    assert answered > 400


def test_plain_bodies_linked_in_one_pass_as_piece_by_piece() -> None:
    """A plain body's links and marks chosen in one walk over the article give what linking
    and marking each line on its own gives: overlapping names, marks across lines and words."""
    import random

    from dossier import article_body
    from dossier.body_linker import Linker
    from dossier.markup import markdown_to_text

    rng = random.Random(11)
    names = ("Kim", "Kim Jong", "Kim Jong Un", "Jong Un", "Un", " Jong", "Rusia", "Rusia-Korea", "a", "Putin")
    answered = 0
    for body in _article_bodies(3000):
        blocks = article_body._plain_blocks(body)
        if blocks is None:
            continue
        text = markdown_to_text(body)
        chosen = rng.sample(names, rng.randint(0, len(names)))
        targets = {n: (("person", rng.choice(("a", "b", n))), f"/{n}\"") for n in chosen}
        places = (rng.randint(0, len(text)) for _ in range(rng.randint(0, 3)))
        spans = sorted((s, s + rng.randint(0, 15)) for s in places)
        linker = Linker(text, spans, targets) if spans or targets else None
        expected = "".join(article_body._plain_html(blocks, linker))
        assert article_body._plain_linked(blocks, text, spans, targets) == expected, (body, chosen, spans)
        answered += 1
    assert answered > 300


def test_names_found_once_per_article_stand_where_whole_words_finds_them() -> None:
    """The article body finds its entity names once in the whole plain text; inside any
    piece of it that must give what ``whole_words`` finds in the piece alone."""
    import random

    from dossier.body_linker import Linker
    from dossier.filters import whole_words

    rng = random.Random(3)
    names = ("Kim", "Kim Jong", "Kim Jong Un", "Jong Un", "Un", "AS", "a", "aa", "Rusia", "Rusia-Korea")
    for _ in range(3000):
        text = "".join(rng.choice(("Kim", " Jong", " Un", " ", "AS", "kelas", "a", "Rusia", "-Korea", "_", "\n\n"))
                       for _ in range(rng.randint(1, 14)))
        chosen = tuple(rng.sample(names, rng.randint(1, len(names))))
        targets = {n: (("person", n), "x") for n in chosen}  # every name its own entity: all linked
        start = rng.randint(0, len(text))
        piece = text[start:rng.randint(start, len(text))]
        if piece:
            expected = Linker(text, [], targets)._link_spans(piece, whole_words(piece, chosen))
            assert Linker(text, [], targets)._link(piece, start) == expected, (text, start, piece, chosen)
            assert Linker(text, [], targets)._link(piece, -1) == expected


def test_dict_keys_read_as_attributes_as_jinja_reads_them() -> None:
    """``labels.x`` reads the key without Jinja's failed attribute lookup first; a dict's
    methods still win over its keys, and a missing key is still an error."""
    import jinja2

    from dossier.render import make_environment

    source = "{{ d.x }}|{{ d.items is callable }}|{{ d.get is callable }}|{{ d['items'] }}"
    values = {"d": {"x": "<1>", "items": 2, "get": 3}}
    ours = make_environment((), {}).from_string(source).render(values)
    assert ours == jinja2.Environment(autoescape=True).from_string(source).render(values)
    with pytest.raises(jinja2.UndefinedError):
        make_environment((), {}).from_string("{{ d.y }}").render(d={"x": 1})


@pytest.mark.parametrize("source", [
    '{{ ("A & B", "<C>") | join(", ") }}',
    '{{ ("a", x) | join(", ") }}',
    '{{ ["a", "b"] | join("&") }}',
    '{{ (1, 2) | join }}',
    '{{ items | join(", ", attribute="name") }}',
    '{{ ("a", "b") | join(sep) }}',
])
def test_the_join_filter_joins_as_jinja_does(source: str) -> None:
    """The theme's quick ``join`` gives exactly what Jinja's own gives, Markup and all."""
    from jinja2 import Environment
    from markupsafe import Markup
    values = {"x": Markup("<b>x</b>"), "items": [{"name": "<n>"}], "sep": Markup("<br>")}
    ours = make_environment(theme_dirs(make_config(Path("/nonexistent"))), {}).from_string(source)
    jinjas = Environment(autoescape=True).from_string(source)
    assert ours.render(values) == jinjas.render(values)


def test_reused_fragments_follow_the_page_they_are_on(tmp_path: Path) -> None:
    """``reuse`` gives the macro's own markup, made again for each way of linking to the
    object (another depth, the object's own folder) and never for another object."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Target:
        path: str
        title: str

    env = make_environment((tmp_path,), {}, {})
    template = env.from_string(
        '{% macro card(t, note) %}<a href="{{ t.path | url }}">{{ t.title }}</a>{{ note }}{% endmacro %}'
        '{% for t in targets %}{{ t | reuse(card, "!") }};{% endfor %}')
    a, b = Target("artikel/a/index.html", "A & co"), Target("artikel/b/index.html", "B")

    def page(path: str, *targets: Target) -> str:
        return template.render(targets=targets, page_path=path)

    assert page("artikel/a/index.html", a, b) == '<a href="./">A &amp; co</a>!;<a href="../b/">B</a>!;'
    assert page("artikel/c/index.html", a, b) == '<a href="../a/">A &amp; co</a>!;<a href="../b/">B</a>!;'
    assert page("tokoh/x/index.html", b, a) == \
        '<a href="../../artikel/b/">B</a>!;<a href="../../artikel/a/">A &amp; co</a>!;'
    assert page("index.html", Target("artikel/a/index.html", "other")) == '<a href="artikel/a/">other</a>!;'


def test_a_rendered_page_lets_go_of_its_values_without_the_cycle_collector() -> None:
    """Macros (imported "with context", or the page's own) close over a context that holds
    them: once the page is rendered the cycle is broken, so the page's values go at once
    (the render workers' memory does not wait for the collector, which no longer walks them)."""
    import gc
    import weakref

    import jinja2

    from dossier.template_code import ThemeEnvironment

    env = ThemeEnvironment(autoescape=True, loader=jinja2.DictLoader({
        "macros.html": "{% macro hello() %}{{ who.name }}{% endmacro %}",
        "page.html": '{% import "macros.html" as m with context %}{% macro own() %}{{ who.name }}{% endmacro %}'
                     '<p>{{ m.hello() }}</p>{{ own() }}'}))

    class Who:
        name = "Kim"

    who = Who()
    gone = weakref.ref(who)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        assert env.get_template("page.html").render(who=who) == "<p>Kim</p>Kim"
        del who
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()
