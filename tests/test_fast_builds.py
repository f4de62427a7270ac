"""Builds that cost only what changed: the no-change check, parallel rendering, the index.

A build whose inputs and output are those of the last build returns without loading
anything; any edit of an input, or of the published output, makes it build again.  Pages
rendered by several processes are the same bytes as pages rendered by one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dossier import buildstate
from dossier.pipeline import build

REPO = Path(__file__).resolve().parents[1]
VALID = REPO / "tests" / "fixtures" / "sites" / "valid"


def ours(root: Path) -> dict[str, bytes]:
    """Every file we write (Pagefind's bundle is not byte-stable: upstream Pagefind#638)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and p.relative_to(root).parts[0] != "pagefind"}


def mtimes(root: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the valid fixture site, built once with the cache on."""
    folder = tmp_path / "site"
    shutil.copytree(VALID, folder, ignore=shutil.ignore_patterns("output", ".output-*", ".dossier-cache"))
    first = build(folder)
    assert not first.unchanged and first.indexed == first.articles == 3
    return folder


def test_a_second_build_of_the_same_inputs_only_checks(site: Path) -> None:
    out = site / "output"
    before = mtimes(out)
    report = build(site)
    assert report.unchanged and report.site is None
    assert list(report.timings) == ["check"]  # nothing was loaded, rendered or indexed
    assert (report.articles, report.indexed) == (3, 3) and report.pages > 20
    assert mtimes(out) == before


@pytest.mark.parametrize("edit", ["article", "new article", "site.yaml", "theme template", "hidden file in content"])
def test_any_edit_of_an_input_builds_again(site: Path, edit: str) -> None:
    article = site / "content" / "kapal-pertama.md"
    if edit == "article":
        article.write_text(article.read_text(encoding="utf-8") + "\nParagraf baru yang unik.\n", encoding="utf-8")
    elif edit == "new article":
        (site / "content" / "baru.md").write_text("---\ntitle: Kapal Baru\noutlet: Kompas\n---\nIsi berita.\n",
                                                  encoding="utf-8")
    elif edit == "site.yaml":
        config = site / "site.yaml"
        config.write_text(config.read_text(encoding="utf-8").replace("title:", "title: Baru", 1), encoding="utf-8")
    elif edit == "theme template":
        (site / "templates").mkdir(exist_ok=True)
        (site / "templates" / "labels.yaml").write_text("search_title: Telusuri\n", encoding="utf-8")
    else:
        (site / "content" / ".catatan").write_text("not an article\n", encoding="utf-8")
    report = build(site)
    assert "load" in report.timings and report.site is not None
    if edit != "hidden file in content":  # hidden files are not articles: same site, nothing replaced
        assert not report.unchanged
    assert build(site).unchanged


@pytest.mark.parametrize("damage", ["deleted", "edited", "added"])
def test_a_published_site_changed_by_hand_is_rebuilt(site: Path, damage: str) -> None:
    out = site / "output"
    good = ours(out)
    page = next(p for p in sorted(out.rglob("index.html")) if p.parent != out)
    if damage == "deleted":
        page.unlink()
    elif damage == "edited":
        page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>edited</p></body>"))
    else:
        (out / "stray.html").write_text("<p>stray</p>", encoding="utf-8")
    report = build(site)
    assert "load" in report.timings
    assert ours(out) == good


def test_without_the_cache_nothing_is_skipped_or_recorded(site: Path) -> None:
    shutil.rmtree(site / ".dossier-cache")
    report = build(site, cache=False)
    assert "load" in report.timings
    assert not (site / ".dossier-cache").exists()


def test_a_corrupt_build_record_means_build(site: Path) -> None:
    (site / ".dossier-cache" / buildstate.STATE_FILE).write_text("{not json", encoding="utf-8")
    assert "load" in build(site).timings
    assert build(site).unchanged


def test_pages_rendered_by_several_processes_are_the_same_bytes(tmp_path: Path) -> None:
    one = build(VALID, tmp_path / "one", cache=False, workers=1)
    three = build(VALID, tmp_path / "three", cache=False, workers=3)
    assert (one.pages, one.files, one.indexed) == (three.pages, three.files, three.indexed)
    assert ours(tmp_path / "one") == ours(tmp_path / "three")


def test_render_workers_each_take_the_pages_they_reach_first_and_every_page_once() -> None:
    """Workers walk the same pages at their own speeds; a slow page must not make another
    worker skip pages nor render one twice."""
    import multiprocessing
    import random

    from dossier.render_workers import _FirstComer

    dealer = _FirstComer(multiprocessing.get_context("fork"))
    paths = [f"p{i}/index.html" for i in range(500)]
    workers = [dealer.wanted() for _ in range(3)]
    progress, taken = [0, 0, 0], [[], [], []]
    chance = random.Random(7)
    while min(progress) < len(paths):
        w = chance.choice([i for i in range(3) if progress[i] < len(paths)])
        path = paths[progress[w]]
        if workers[w](path):
            taken[w].append(path)
        progress[w] += 1
    assert sorted(taken[0] + taken[1] + taken[2]) == sorted(paths)
    assert all(taken)  # each worker got some


def test_render_workers_give_every_page_of_a_long_list_to_the_worker_of_its_first_page() -> None:
    """A list's pages share views made once per list: one worker takes them all, and still
    every page is taken exactly once, whatever the workers' speeds."""
    import multiprocessing
    import random

    from dossier.render_workers import _FirstComer

    units = {f"list{n}/halaman/{k}/index.html": f"list{n}/index.html" for n in range(0, 60, 3) for k in range(2, 9)}
    units.update({first: first for first in units.values()})
    paths = []
    for n in range(60):
        paths.append(f"list{n}/index.html")
        paths += [p for p, first in units.items() if first == f"list{n}/index.html" and p != first]
    for seed in range(20):
        dealer = _FirstComer(multiprocessing.get_context("fork"))
        workers = [dealer.wanted(units.get) for _ in range(3)]
        progress, taken = [0, 0, 0], [[], [], []]
        chance = random.Random(seed)
        while min(progress) < len(paths):
            w = chance.choice([i for i in range(3) if progress[i] < len(paths)])
            if workers[w](paths[progress[w]]):
                taken[w].append(paths[progress[w]])
            progress[w] += 1
        assert sorted(taken[0] + taken[1] + taken[2]) == sorted(paths)
        owner = {path: w for w in range(3) for path in taken[w]}
        assert all(owner[path] == owner[first] for path, first in units.items())


def test_work_shared_with_forked_processes_comes_back_in_order_and_errors_come_back_too() -> None:
    from dossier.errors import DossierError
    from dossier.forked import forked_map

    assert forked_map(lambda i: (i, i * i), 101, 3) == [(i, i * i) for i in range(101)]
    assert forked_map(str, 1, 4) == ["0"]

    def fails_in_a_child(i: int) -> int:
        if i == 2:
            raise DossierError("article 2 is broken")
        return i
    with pytest.raises(DossierError, match="article 2 is broken"):
        forked_map(fails_in_a_child, 10, 3)


def test_a_template_error_in_a_render_worker_is_reported_like_any_other(tmp_path: Path) -> None:
    from dossier.errors import DossierError

    folder = tmp_path / "site"
    shutil.copytree(VALID, folder, ignore=shutil.ignore_patterns("output", ".output-*", ".dossier-cache"))
    (folder / "templates").mkdir(exist_ok=True)
    (folder / "templates" / "hub.html").write_text("{{ no_such_value.title }}\n", encoding="utf-8")
    with pytest.raises(DossierError) as raised:
        build(folder, cache=False, workers=2)
    assert "hub.html:1" in str(raised.value) and "undefined" in str(raised.value)
    assert not (folder / "output").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output-")] == []


def test_the_published_folder_is_readable_by_a_web_server(site: Path) -> None:
    """Not the private 0700 of a temporary folder: a web server user must read it."""
    mask = os.umask(0o022)
    os.umask(mask)
    assert (site / "output").stat().st_mode & 0o777 == 0o777 & ~mask


def test_only_article_pages_are_indexed(site: Path) -> None:
    report = build(site, force=True)
    assert report.indexed == report.articles == 3


def test_an_edited_template_is_compiled_anew_not_taken_from_the_template_cache(site: Path) -> None:
    """Compiled templates are kept in .dossier-cache/templates; an edit of one is seen at once."""
    theme = site / "templates"
    theme.mkdir(exist_ok=True)
    default = (REPO / "templates" / "404.html").read_text(encoding="utf-8")
    (theme / "404.html").write_text(default.replace("</header>", "</header><p>versi satu</p>"), encoding="utf-8")
    build(site)
    assert any((site / ".dossier-cache" / "templates").iterdir())
    assert "versi satu" in (site / "output" / "404.html").read_text(encoding="utf-8")
    (theme / "404.html").write_text(default.replace("</header>", "</header><p>versi dua</p>"), encoding="utf-8")
    build(site)
    assert "versi dua" in (site / "output" / "404.html").read_text(encoding="utf-8")


def test_the_library_versions_in_the_input_digest_are_those_importlib_metadata_reports() -> None:
    from importlib import metadata

    from dossier import buildstate

    expected = []
    for name in buildstate.OUTPUT_LIBRARIES:
        try:
            expected.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            expected.append(f"{name} missing")
    assert buildstate._library_versions() == expected
