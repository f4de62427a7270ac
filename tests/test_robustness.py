"""Hostile input builds an inert site; odd but honest input builds; limits are bounded.

- XSS: a dossier whose every user-supplied string is an OWASP filter-evasion payload
  (tests/xss_corpus.py) builds, and every page is inert: no script but the theme's own, no
  event-handler attribute, no ``javascript:``/``data:``/``vbscript:`` URL, nothing loaded
  from another site, JSON-LD that parses back to the same strings; the payloads are shown
  as text.
- Encoding: BOM, Windows and old-Mac line endings, no-break and zero-width spaces and
  control characters are normalised; hidden files in content/ are ignored.
- Limits: an article without a single sentence, a 100 KB article and 10,000 known entities
  build; sizes and times are printed (``-s``) rather than asserted.
"""

from __future__ import annotations

import json
import re
import time
import tracemalloc
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import xss_corpus

from dossier.errors import DossierError
from dossier.markup import markdown_to_text
from dossier.pipeline import build

REPO = Path(__file__).resolve().parents[1]
VALID = REPO / "tests" / "fixtures" / "sites" / "valid"
THEME_SCRIPTS = {"assets/dossier.js", "assets/search.js", "pagefind/pagefind-component-ui.js"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background",
                  "cite", "longdesc", "ping", "srcdoc"}
LOADING_TAGS = {"img", "script", "iframe", "frame", "embed", "object", "source", "video", "audio", "track",
                "input"}
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "style"}


class InertnessChecker(HTMLParser):
    """Everything on a page that could run script or fetch from elsewhere, as a list of findings."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.findings: list[str] = []
        self.json_ld: list[object] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def finding(self, what: str) -> None:
        self.findings.append(f"{self.page}: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.finding(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value:
                squashed = re.sub(r"[\x00-\x20]", "", value).lower()
                if squashed.startswith(("javascript:", "data:", "vbscript:")):
                    self.finding(f"<{tag} {name}={value!r}>")
                if tag in LOADING_TAGS and urlsplit(squashed).netloc:
                    self.finding(f"<{tag}> loads {value!r} from another site")
        if tag in FORBIDDEN_TAGS:
            self.finding(f"<{tag}> element")
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "modulepreload", "import") \
                and urlsplit(a.get("href") or "").netloc:
            self.finding(f"<link rel={a.get('rel')}> from another site")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.finding("<meta http-equiv=refresh>")
        if tag == "base" and self.page != "404.html":
            self.finding("<base> outside the 404 page")
        if tag == "script":
            self._script, self._script_text = a, []
            src = a.get("src")
            if src is not None:
                target = re.sub(r"^(\.\./)+|\?.*$", "", src)
                if target not in THEME_SCRIPTS:
                    self.finding(f"<script src={src!r}> is not one of the theme's scripts")

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        content, kind = "".join(self._script_text), self._script.get("type")
        if kind == "application/ld+json":
            self.json_ld.append(json.loads(content))
        elif kind == "text/pagefind-template":
            if xss_corpus.XSS_MARKER in content:
                self.finding("a payload inside the search result template")
        elif content.strip():
            self.finding(f"inline script {content[:80]!r}")
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)
        else:
            self.text.append(data)


def check_page(site: Path, page: Path) -> InertnessChecker:
    checker = InertnessChecker(page.relative_to(site).as_posix())
    checker.feed(page.read_text(encoding="utf-8"))
    checker.close()
    return checker


def own_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = xss_corpus.write_site(tmp_path_factory.mktemp("xss") / "site")
    build(site, cache=False)
    return site / "output"


# ------------------------------------------------------------------ XSS


def test_the_hostile_dossier_builds_every_page(hostile: Path) -> None:
    data = json.loads((hostile / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == len(xss_corpus.PAYLOADS)
    assert len(own_pages(hostile)) > len(xss_corpus.PAYLOADS)


def test_no_page_can_run_script_or_fetch_from_another_site(hostile: Path) -> None:
    findings = [f for page in own_pages(hostile) for f in check_page(hostile, page).findings]
    assert findings == []


def test_payloads_are_shown_as_text_where_the_user_wrote_them(hostile: Path) -> None:
    data = json.loads((hostile / "dossier.json").read_text(encoding="utf-8"))
    for entry in data["articles"]:
        page = check_page(hostile, hostile / entry["url"] / "index.html")
        text = "".join(page.text)
        assert entry["title"] in text  # the title, escaped, is still the title
        for payload in xss_corpus.PAYLOADS:  # every paragraph of the body, as Markdown reads it
            assert markdown_to_text(payload) in text
        assert entry["outlet"] in text and entry["author"] in text


def test_json_ld_parses_back_to_the_exact_strings(hostile: Path) -> None:
    data = json.loads((hostile / "dossier.json").read_text(encoding="utf-8"))
    for entry in data["articles"]:
        page = check_page(hostile, hostile / entry["url"] / "index.html")
        raw = (hostile / entry["url"] / "index.html").read_text(encoding="utf-8")
        (article,) = [block for block in page.json_ld if block.get("@type") == "NewsArticle"]
        assert article["headline"] == entry["title"]
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S):
            assert "<" not in block  # nothing inside can close the element or open a comment


def test_hostile_entity_and_hub_names_stay_text_on_their_own_pages(hostile: Path) -> None:
    data = json.loads((hostile / "dossier.json").read_text(encoding="utf-8"))
    names = {e["name"]: e["url"] for kind in ("people", "places", "organizations") for e in data[kind]}
    for name in (xss_corpus.PAYLOADS[6] + " Teluk Biru", "Siti " + xss_corpus.PAYLOADS[16]):
        assert name in names, sorted(names)
        page = hostile / names[name] / "index.html"
        assert re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", names[name].strip("/"))  # the slug cannot travel
        assert name in "".join(check_page(hostile, page).text)
    hub = check_page(hostile, hostile / "topics" / "pelabuhan" / "index.html")
    assert xss_corpus.PAYLOADS[15] in "".join(hub.text)


def test_body_links_keep_only_http_and_never_a_script_url(hostile: Path) -> None:
    raw = (hostile / "articles" / "xss-00" / "index.html").read_text(encoding="utf-8")
    body = raw[raw.index("data-pagefind-body"):]
    hrefs = set(re.findall(r'href="([^"]*)"', body))
    external = {h for h in hrefs if urlsplit(h).scheme}
    assert external <= set(xss_corpus.SAFE_LINKS) | {"https://ok.example/berita?id=1&amp;x=&#39;y&#39;"}, external
    assert "<img" not in body  # a Markdown image is a link to the picture, never loaded by the page


def test_feed_and_sitemap_stay_well_formed_xml(hostile: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(hostile / "feed.xml").getroot()
    titles = {e.findtext(f"{atom}title") for e in feed.findall(f"{atom}entry")}
    assert {f"Pelabuhan {i} {p}" for i, p in enumerate(xss_corpus.PAYLOADS)} == titles
    ET.parse(hostile / "sitemap.xml")


# ------------------------------------------------------------------ encodings and odd text

GOOD = "---\ntitle: {title}\noutlet: Harian Uji\npublished: 2024-03-12\n---\n{body}\n"


def test_bom_line_endings_invisible_characters_and_hidden_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text((VALID / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    body = "Kapal tiba di Makassar pada Kamis (14/3/2024). Siti Rahmawati menyambutnya."
    files = {
        "bom-crlf.md": b"\xef\xbb\xbf" + GOOD.format(title="Dengan BOM", body=body).replace("\n", "\r\n").encode(),
        "old-mac.md": GOOD.format(title="Baris CR", body=body).replace("\n", "\r").encode(),
        "spaces.md": GOOD.format(title="Kapal\u00a0tiba\u200b", body=body.replace(" ", "\u00a0", 3)
                                 .replace("Makassar", "Makas\u200bsar")).encode(),
        "controls.md": GOOD.format(title="Kontrol", body=body.replace("Kapal", "Ka\x01pal\x0b\x7f\x85")).encode(),
        "decomposed.md": GOOD.format(title="Kapal Jo\u0308ng", body=body.replace("Makassar", "Maka\u0301ssar")
                                     ).encode(),
        ".#lock.md": b"\xff\xfe not an article",
        "._resource-fork.md": b"\x00\x05\x16\x07 binary",
    }
    for name, data in files.items():
        (site / "content" / name).write_bytes(data)
    report = build(site, cache=False)
    assert report.articles == 5
    data = json.loads((site / "output" / "dossier.json").read_text(encoding="utf-8"))
    assert sorted(a["title"] for a in data["articles"]) == ["Baris CR", "Dengan BOM", "Kapal Jöng", "Kapal tiba",
                                                           "Kontrol"]
    for page in own_pages(site / "output"):
        text = page.read_text(encoding="utf-8")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\u0308]", text), page
    assert all("Makassar" in [p["name"] for p in a["places"]] for a in data["articles"])
    page = (site / "output" / "artikel" / "decomposed" / "index.html").read_text(encoding="utf-8")
    assert "Makássar" in page and "\u0301" not in page  # composed: one character, as typed anywhere else


def test_an_article_without_a_single_sentence_builds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text((VALID / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (site / "content" / "rule.md").write_text(GOOD.format(title="Garis", body="---\n\n* * *\n"), encoding="utf-8")
    (site / "content" / "dots.md").write_text(GOOD.format(title="Titik", body="...\n\n!!!\n"), encoding="utf-8")
    report = build(site, cache=False)
    assert report.articles == 2
    data = json.loads((site / "output" / "dossier.json").read_text(encoding="utf-8"))
    assert {a["title"]: a["summary"] for a in data["articles"]}["Garis"] == []


# ------------------------------------------------------------------ limits


def measured(label: str, run):  # noqa: ANN001, ANN201 - a tiny local helper
    """Run, and print time and peak Python memory (visible with -s); limits are reported, not asserted."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        return run()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"\n{label}: {time.perf_counter() - start:.2f}s, peak {peak / 1e6:.0f} MB")


def test_ten_thousand_known_entities_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    for path in (VALID / "content").iterdir():
        (site / "content" / path.name).write_bytes(path.read_bytes())
    lines = [(VALID / "site.yaml").read_text(encoding="utf-8").rstrip()]
    kinds = ("person", "place", "organization")
    lines += [f"  - name: Entitas Uji {i}\n    type: {kinds[i % 3]}\n    aliases: [Alias Uji {i}]"
              for i in range(10_000)]
    (site / "site.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = measured("10,000 entities", lambda: build(site, cache=False, workers=1))
    assert report.articles == 3


def test_a_hundred_kilobyte_article_builds(tmp_path: Path) -> None:
    """About 15,000 words, several times the longest news article; 1 MB is the refused size."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text((VALID / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    paragraphs = [p.read_text(encoding="utf-8").split("---", 2)[2] for p in sorted((VALID / "content").iterdir())]
    text = "\n\n".join(paragraphs)
    body = "\n\n".join([text] * (100_000 // len(text) + 1))
    (site / "content" / "long.md").write_text(GOOD.format(title="Panjang", body=body), encoding="utf-8")
    report = measured(f"{len(body) / 1000:.0f} KB article", lambda: build(site, cache=False, workers=1))
    assert report.articles == 1


def test_an_empty_content_folder_fails_clearly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text((VALID / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DossierError, match="no articles"):
        build(site, cache=False)


def test_article_slugs_named_like_site_folders_stay_inside_the_articles_folder(tmp_path: Path) -> None:
    """Slugs are checked (lowercase, digits, hyphens) and always live under their kind's folder, so
    an article called 'pagefind', 'assets' or 'tokoh' cannot replace the search bundle, the theme
    or the people pages; only the top-level folder names in site.yaml ``paths:`` are reserved."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text((VALID / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    body = "Kapal tiba di Makassar pada Kamis (14/3/2024)."
    for slug in ("pagefind", "assets", "tokoh", "index"):
        text = GOOD.format(title=f"Artikel {slug}", body=body).replace("---\n", f"---\nslug: {slug}\n", 1)
        (site / "content" / f"{slug}-file.md").write_text(text, encoding="utf-8")
    report = build(site, cache=False)
    out = site / "output"
    assert report.indexed == 4
    for slug in ("pagefind", "assets", "tokoh", "index"):
        assert (out / "artikel" / slug / "index.html").is_file()
    assert (out / "pagefind" / "pagefind.js").is_file() and (out / "assets" / "dossier.css").is_file()
    assert (out / "tokoh" / "index.html").is_file()


def test_a_hostile_clipping_imports_into_an_article_that_builds_inert(tmp_path: Path) -> None:
    """``import`` escapes what Markdown would read as markup and keeps only a clean source URL."""
    from dossier.clipping import import_clippings

    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text((VALID / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    clipping = tmp_path / "clip.txt"
    clipping.write_text("\n".join([
        "Kapal Pertama Tiba di Pelabuhan " + xss_corpus.PAYLOADS[0],
        "https://ok.example/berita/1\"><script>alert(1)</script>",
        "MAKASSAR, KOMPAS.TV - Kapal tiba pada Kamis (14/3/2024). " + " ".join(xss_corpus.PAYLOADS[:12]),
        " ".join(xss_corpus.MARKDOWN_PAYLOADS),
    ]) + "\n", encoding="utf-8")
    (imported,) = import_clippings([clipping], site / "content")
    assert "url:" not in imported.target.read_text(encoding="utf-8")
    build(site, cache=False)
    out = site / "output"
    assert [f for page in own_pages(out) for f in check_page(out, page).findings] == []
    article = "".join(check_page(out, out / "artikel" / imported.target.stem / "index.html").text)
    assert xss_corpus.PAYLOADS[0] in article and xss_corpus.MARKDOWN_PAYLOADS[0] in article
