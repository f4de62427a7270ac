"""End to end: `build()` turns a site folder into a complete, linked, searchable static site."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from link_check import broken_links

from dossier.errors import DossierError
from dossier.pipeline import build

REPO = Path(__file__).resolve().parents[1]
CHECK_SITE = REPO.parent / "shared" / "tools" / "check_site.py"


class PageParser(HTMLParser):
    """Collects what the assertions look at: lang, links, text, Pagefind filters."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.links: list[str] = []
        self.filters: dict[str, list[str]] = {}
        self.has_body = False
        self._filter: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        for key in ("href", "src"):
            value = a.get(key)
            if value and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                self.links.append(value)
        if "data-pagefind-body" in a:
            self.has_body = True
        self._filter = a.get("data-pagefind-filter")

    def handle_data(self, data: str) -> None:
        if self._filter and data.strip():
            self.filters.setdefault(self._filter, []).append(data.strip())
            self._filter = None
        self.text.append(data)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    site = REPO / "tests" / "fixtures" / "sites" / "valid"
    out = tmp_path_factory.mktemp("fixture") / "output"
    return out, build(site, out, cache=False)


@pytest.fixture(scope="module")
def dossier_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("dossier") / "output"
    return out, build(REPO, out, cache=False)


def test_fixture_site_builds_every_kind_of_page(fixture_build) -> None:
    out, report = fixture_build
    assert report.articles == 3 and report.indexed == 3
    for path in ("index.html", "artikel/pelabuhan-dibuka/index.html", "topik/pelabuhan/index.html",
                 "topik/makassar/index.html", "tempat/makassar/index.html", "cari/index.html",
                 "linimasa/index.html", "sitemap.xml", "feed.xml", "dossier.json", "pagefind/pagefind.js"):
        assert (out / path).is_file(), path
    assert broken_links(out) == []
    assert list(out.parent.glob(".output-*")) == []


def test_every_page_speaks_the_site_language_and_only_articles_are_indexed(fixture_build) -> None:
    out, _ = fixture_build
    pages = [p for p in out.rglob("*.html") if "pagefind" not in p.relative_to(out).parts]
    assert pages and all(parse(p).lang == "id" for p in pages)
    indexed = sorted(p.relative_to(out).as_posix() for p in pages if parse(p).has_body)
    assert indexed == ["artikel/kapal-pertama/index.html", "artikel/kritik-anggaran/index.html",
                       "artikel/pelabuhan-dibuka/index.html"]


def test_article_pages_carry_search_filters_for_topic_people_places_and_outlet(fixture_build) -> None:
    out, _ = fixture_build
    filters = parse(out / "artikel" / "pelabuhan-dibuka" / "index.html").filters
    assert "Harian Uji" in [v for values in filters.values() for v in values]
    assert any("Makassar" in values for values in filters.values())
    assert any("Pelabuhan" in values for values in filters.values())


def test_hub_membership_follows_site_yaml_rules(fixture_build) -> None:
    out, _ = fixture_build
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    topics = {t["slug"]: sorted(t["articles"]) for t in data["topics"]}
    assert topics["pelabuhan"] == ["kapal-pertama", "kritik-anggaran", "pelabuhan-dibuka"]
    assert topics["makassar"] == ["kapal-pertama", "kritik-anggaran", "pelabuhan-dibuka"]
    assert topics["anggaran"] == ["kritik-anggaran", "pelabuhan-dibuka"]  # 'anggaran' and 'triliun' both


def test_sitemap_and_feed_use_absolute_urls_from_base_url(fixture_build) -> None:
    out, _ = fixture_build
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "a": "http://www.w3.org/2005/Atom"}
    locs = [e.text for e in ET.parse(out / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert "https://example.test/uji/artikel/pelabuhan-dibuka/" in locs
    assert all(loc and loc.startswith("https://example.test/uji/") for loc in locs)
    entries = ET.parse(out / "feed.xml").getroot().findall("a:entry", ns)
    assert len(entries) == 3


def test_more_pages_than_one_sitemap_may_list_go_into_parts_named_by_a_sitemap_index(
        fixture_build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The protocol allows 50,000 URLs a sitemap (~21,000 articles); here, 10."""
    from dossier import pages

    single, _ = fixture_build
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    every = [e.text for e in ET.parse(single / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    monkeypatch.setattr(pages, "SITEMAP_URLS", 10)
    out = tmp_path / "out"
    build(REPO / "tests" / "fixtures" / "sites" / "valid", out, index=False, cache=False)
    index = ET.parse(out / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [e.text for e in index.findall("s:sitemap/s:loc", ns)]
    assert parts == [f"https://example.test/uji/sitemap-{n}.xml" for n in range(1, -(-len(every) // 10) + 1)]
    listed = []
    for n in range(1, len(parts) + 1):
        locs = [e.text for e in ET.parse(out / f"sitemap-{n}.xml").getroot().findall("s:url/s:loc", ns)]
        assert 1 <= len(locs) <= 10
        listed += locs
    assert listed == every  # every page once, in the same order
    assert "Sitemap: https://example.test/uji/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")


def test_the_same_input_gives_byte_identical_output(fixture_build, tmp_path: Path) -> None:
    """Every file we write is byte-identical across builds.

    Pagefind's own bundle is not: its filter and metadata files come out of a hash map in
    arbitrary order (upstream issue Pagefind/pagefind#638; fragments are stable since 1.3).
    That is why a build whose pages did not change leaves the whole of output/ alone.
    """
    out, _ = fixture_build
    again = tmp_path / "again"
    build(REPO / "tests" / "fixtures" / "sites" / "valid", again, cache=False)

    def ours(root: Path) -> list[Path]:
        return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file()
                      and p.relative_to(root).parts[0] != "pagefind")

    files = ours(out)
    assert files == ours(again) and len(files) > 10
    different = [f for f in files if (out / f).read_bytes() != (again / f).read_bytes()]
    assert different == []


def test_a_build_where_nothing_changed_rewrites_nothing(tmp_path: Path) -> None:
    site = REPO / "tests" / "fixtures" / "sites" / "valid"
    out = tmp_path / "output"
    build(site, out, cache=False)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    report = build(site, out, cache=False)
    assert report.unchanged
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def copy_site(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("output", ".output-*", ".dossier-cache"))
    return target


def test_a_failed_build_reports_every_problem_and_keeps_the_previous_site(tmp_path: Path) -> None:
    site = copy_site(REPO / "tests" / "fixtures" / "sites" / "valid", tmp_path / "site")
    out = tmp_path / "output"
    build(site, out, cache=False)
    good = (out / "index.html").read_bytes()
    (site / "content" / "broken.md").write_text("---\ntitle: x\n---\nteks\n", encoding="utf-8")
    (site / "content" / "broken2.md").write_text("---\ntitle: [\n---\nteks\n", encoding="utf-8")
    with pytest.raises(DossierError) as caught:
        build(site, out, cache=False)
    assert {p.path.name for p in caught.value.problems} == {"broken.md", "broken2.md"}
    assert (out / "index.html").read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output-")] == []


def test_an_interrupted_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    """Kill a build midway (SIGKILL, no cleanup at all): output/ is still the previous good site."""
    site = copy_site(REPO / "tests" / "fixtures" / "sites" / "valid", tmp_path / "site")
    out = tmp_path / "output"
    build(site, out, cache=False)
    good = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    article = site / "content" / "kapal-pertama.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nParagraf baru.\n", encoding="utf-8")
    script = (
        "import sys, time, dossier.publish as p\n"
        "from dossier.pipeline import build\n"
        "real = p.write_files\n"
        "def slow(staging, files):\n"
        "    def gen():\n"
        "        for i, f in enumerate(files):\n"
        "            if i == 3: print('midway', flush=True); time.sleep(60)\n"
        "            yield f\n"
        "    return real(staging, gen())\n"
        "import dossier.render_workers as rw; rw.write_files = slow\n"
        f"build({str(site)!r}, {str(out)!r}, cache=False)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while proc.stdout.readline().strip() != "midway":
        assert time.monotonic() < deadline and proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == good


def test_the_kim_putin_dossier(dossier_build) -> None:
    out, report = dossier_build
    assert report.articles == 5 and report.indexed == 5
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert {t["slug"] for t in data["topics"]} == {"vladivostok", "vostochny", "weapons-deal"}
    for topic in data["topics"]:
        assert topic["articles"], topic["slug"]
        assert (out / topic["url"] / "index.html").is_file()
    people = {p["name"] for p in data["people"]}
    assert {"Kim Jong Un", "Vladimir Putin", "Dmitry Peskov", "John Kirby"} <= people
    places = {p["name"] for p in data["places"]}
    assert {"Rusia", "Korea Utara", "Amerika Serikat", "Vladivostok", "Pyongyang"} <= places
    for article in data["articles"]:
        assert 2 <= len(article["summary"]) <= 3
        assert (out / article["url"] / "index.html").is_file()
    dates = {d["text"]: d["date"] for a in data["articles"] for d in a["dates"]}
    assert dates["Senin (11/9/2023)"] == "2023-09-11"
    assert dates["Minggu hingga Selasa (10-13/9/2023)"] == "2023-09-10/2023-09-13"
    assert data["timeline"] == sorted(data["timeline"], key=lambda e: e["date"].split("/")[0])
    # The analysis is in the files dossier.json names, beside it.
    events = json.loads((out / data["files"]["events"]).read_text(encoding="utf-8"))
    analysis = json.loads((out / data["files"]["analysis"]).read_text(encoding="utf-8"))
    assert events["conflicts"] and events["periods"] and events["weekday_mismatches"]
    assert {s["speaker"] for s in analysis["quotes"]} >= {"Dmitry Peskov", "John Kirby"}
    assert analysis["event"]["location"]["name"] == "Vostochny Cosmodrome"
    assert broken_links(out) == []


@pytest.mark.skipif(not CHECK_SITE.is_file(), reason="shared/tools/check_site.py is not beside the repository")
def test_the_shared_site_checker_passes(dossier_build) -> None:
    out, _ = dossier_build
    result = subprocess.run([sys.executable, str(CHECK_SITE), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_site_yaml_does_not_hide_broken_articles(tmp_path: Path) -> None:
    site = copy_site(REPO / "tests" / "fixtures" / "sites" / "valid", tmp_path / "site")
    (site / "site.yaml").write_text("title: x\nlanguage: id\nbase_url: https://example.test/\nhub: []\n",
                                    encoding="utf-8")
    (site / "content" / "broken.md").write_text("---\ntitle: x\n---\nteks\n", encoding="utf-8")
    with pytest.raises(DossierError) as caught:
        build(site, tmp_path / "output")
    assert {p.path.name for p in caught.value.problems} == {"site.yaml", "broken.md"}
