"""Smoke test of the benchmark corpus: a tiny generated dossier must load like a real one.

The benchmark itself (bench/run.py) is never run by the suite; this only guards the
generator, so a change to front matter or site.yaml rules cannot silently break the bench.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dossier.config import load_config
from dossier.content import load_articles

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import corpus  # noqa: E402


def test_generated_site_loads(tmp_path: Path) -> None:
    generated = corpus.write_site(tmp_path, 3)
    config = load_config(tmp_path)
    articles = load_articles(config.content_dir)

    assert [a.title for a in articles] == [g.title for g in generated]
    assert [a.published for a in articles] == [g.published for g in generated]
    assert all(a.author and a.outlet for a in articles)
    assert len({a.text for a in articles}) == 3
    assert all(450 <= len(a.text.split()) <= 900 for a in articles)
    assert [h.slug for h in config.hubs] == ["pelabuhan", "anggaran", "banjir", "pemilu"]
    assert {e.type for e in config.entities} == {"person", "place", "organization"}
    assert config.paths.articles == "artikel"
    assert not (tmp_path / "templates").exists()


def test_corpus_is_deterministic_and_prefix_stable() -> None:
    assert corpus.generate(3) == corpus.generate(3)
    assert corpus.generate(5)[:3] == corpus.generate(3)
    assert corpus.generate(2, seed=1) != corpus.generate(2, seed=2)


def test_edit_changes_the_body_without_growing(tmp_path: Path) -> None:
    generated = corpus.write_site(tmp_path, 1)
    path = tmp_path / "content" / f"{generated[0].slug}.md"
    original = path.read_text(encoding="utf-8")
    corpus.edit_article(path, 1)
    first = path.read_text(encoding="utf-8")
    corpus.edit_article(path, 2)
    second = path.read_text(encoding="utf-8")
    assert original != first != second
    assert second.count(corpus.EDIT_MARKER) == 1
    assert second.startswith(original.rstrip("\n"))
    assert load_articles(tmp_path / "content")[0].text.rstrip().endswith("(3/10/2024).")
