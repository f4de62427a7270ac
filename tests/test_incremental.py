"""After an edit, the preview re-renders only what the edit touched, exactly as a full build would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.incremental import changed_pages, refresh
from dossier.pipeline import build

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return Path(shutil.copytree(REPO / "tests" / "fixtures" / "sites" / "valid", tmp_path / "site"))


def edit(site: Path, name: str, extra: str) -> None:
    path = site / "content" / name
    path.write_text(path.read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")


def test_an_edit_rewrites_its_article_hubs_entities_and_overviews_only(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    first = build(site, out)
    edit(site, "kapal-pertama.md", "Menurut Siti Rahmawati, pelabuhan di Makassar akan diperluas.")
    quick = refresh(site, out, first)
    written = set(quick.written)
    assert "artikel/kapal-pertama/index.html" in written
    assert "artikel/pelabuhan-dibuka/index.html" not in written  # untouched article
    assert {"index.html", "linimasa/index.html", "dossier.json", "dossier-events.json", "dossier-analysis.json",
            "feed.xml"} <= written
    assert "topik/pelabuhan/index.html" in written  # the edited article's hub
    assert "tokoh/siti-rahmawati/index.html" in written  # an entity it mentions
    assert "tokoh/andi-pratama/index.html" not in written  # an entity the edit does not touch
    assert "diperluas" in (out / "artikel" / "kapal-pertama" / "index.html").read_text(encoding="utf-8")

    full = tmp_path / "full"
    build(site, full)
    for path in quick.written:
        assert (out / path).read_bytes() == (full / path).read_bytes(), path


def test_nothing_changed_means_only_overviews(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    first = build(site, out)
    again = refresh(site, out, first)
    assert first.site is not None and again.report.site is not None
    assert changed_pages(first.site, again.report.site) == frozenset()


def test_a_broken_edit_raises_and_leaves_pages_alone(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    first = build(site, out)
    before = (out / "artikel" / "kapal-pertama" / "index.html").read_bytes()
    (site / "content" / "kapal-pertama.md").write_text("---\ntitle: [\n---\nx\n", encoding="utf-8")
    with pytest.raises(DossierError):
        refresh(site, out, first)
    assert (out / "artikel" / "kapal-pertama" / "index.html").read_bytes() == before


def test_a_changed_site_yaml_asks_for_a_full_build(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    first = build(site, out)
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("Pembukaan", "Peresmian"), encoding="utf-8")
    with pytest.raises(DossierError, match="full build"):
        refresh(site, out, first)


def test_the_edited_article_is_written_and_shown_before_anything_else(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    first = build(site, out)
    page = out / "artikel" / "kapal-pertama" / "index.html"
    home_before = (out / "index.html").read_bytes()
    seen: list[tuple[str, bytes]] = []
    edit(site, "kapal-pertama.md", "Menurut Siti Rahmawati, pelabuhan di Makassar akan diperluas.")
    quick = refresh(site, out, first, shown=lambda: seen.append((page.read_text(encoding="utf-8"),
                                                                 (out / "index.html").read_bytes())))
    assert len(seen) == 1
    shown_page, home_then = seen[0]
    assert "diperluas" in shown_page  # the edit is on screen ...
    assert home_then == home_before  # ... before the overviews were touched
    assert quick.written[0] == "artikel/kapal-pertama/index.html"
    assert len(quick.written) == len(set(quick.written))


def test_changed_pages_agrees_with_comparing_every_page_in_full(site: Path, tmp_path: Path) -> None:
    """The page comparison compares each listed article once; the verdicts are those of plain ==."""
    from dossier.incremental import _page_objects

    out = tmp_path / "output"
    first = build(site, out)
    edit(site, "kapal-pertama.md", "Menurut Siti Rahmawati, pelabuhan di Makassar akan diperluas.")
    after = refresh(site, out, first).report.site
    assert first.site is not None and after is not None
    old, new = _page_objects(first.site), _page_objects(after)
    naive = frozenset(path for path, page in new.items() if old.get(path) != page)
    assert changed_pages(first.site, after) == naive and naive
    assert changed_pages(after, after) == frozenset()


def test_an_edited_article_is_shown_alone_linked_against_the_dossier(site: Path, tmp_path: Path) -> None:
    from dossier.edited_page import UnlinkedExtractions, show_edited

    out = tmp_path / "output"
    first = build(site, out)
    assert first.config is not None
    assert first.site is not None
    known = UnlinkedExtractions.load(first.config, first.site)
    assert len(known.by_key) == first.articles
    before = {p: p.read_bytes() for p in out.rglob("*.html")}
    edit(site, "kapal-pertama.md", "Menurut Siti Rahmawati, pelabuhan di Makassar akan diperluas.")
    written = show_edited(out, first, [site / "content" / "kapal-pertama.md"], known)
    assert written == ("artikel/kapal-pertama/index.html",)
    page = (out / written[0]).read_text(encoding="utf-8")
    assert "diperluas" in page and 'href="../../tokoh/siti-rahmawati/"' in page  # linked to the dossier's page
    assert {p for p, data in before.items() if p.read_bytes() != data} == {out / written[0]}

    # Everything else is left to the quick rebuild: a new article, or one that is not there.
    (site / "content" / "baru.md").write_text("---\ntitle: Baru\noutlet: Kompas\n---\nIsi.\n", encoding="utf-8")
    assert show_edited(out, first, [site / "content" / "baru.md"], known) == ()


def test_the_edited_article_is_found_after_a_quick_rebuild_reordered_the_articles(site: Path, tmp_path: Path) -> None:
    """The preview learns each file's place once per full build; a quick rebuild since (an edited
    date moves an article) must not make it write one article's text into another's page."""
    from dataclasses import replace

    from dossier.edited_page import UnlinkedExtractions, show_edited

    out = tmp_path / "output"
    first = build(site, out)
    assert first.config is not None and first.site is not None
    known = UnlinkedExtractions.load(first.config, first.site)
    articles = first.site.articles
    moved = articles[1:] + articles[:1]  # every article one place up: none keeps its index
    reordered = replace(first, site=replace(first.site, articles=moved))
    edit(site, "kapal-pertama.md", "Menurut Siti Rahmawati, pelabuhan di Makassar akan diperluas.")
    written = show_edited(out, reordered, [site / "content" / "kapal-pertama.md"], known)
    assert written == ("artikel/kapal-pertama/index.html",)
    assert "diperluas" in (out / written[0]).read_text(encoding="utf-8")


def test_open_data_continuations_the_edit_made_unneeded_are_removed(site: Path, tmp_path: Path) -> None:
    """A list that no longer overflows its file stops naming its continuation: the old file goes."""
    out = tmp_path / "output"
    first = build(site, out)
    (out / "dossier-articles-2.json").write_text("[]\n", encoding="utf-8")  # as a longer dossier left it
    (out / "dossier-events-timeline-3.json").write_text("[]\n", encoding="utf-8")
    (out / "dossier-notes.json").write_text("{}\n", encoding="utf-8")  # no continuation: not ours to remove
    edit(site, "kapal-pertama.md", "Pelabuhan di Makassar akan diperluas.")
    refresh(site, out, first)
    assert not (out / "dossier-articles-2.json").exists()
    assert not (out / "dossier-events-timeline-3.json").exists()
    assert (out / "dossier-notes.json").exists()
    assert (out / "dossier.json").exists() and (out / "dossier-events.json").exists()
