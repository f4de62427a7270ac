"""``python build.py extract FILE...``: show what the build's extractors see.

Same code path as the build (same gazetteer from site.yaml, same extractors, same
cross-article linking), so an analyst can check a new article before publishing it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .config import load_config, read_text_file
from .content import parse_article
from .errors import DossierError, Problem
from .extract import build_gazetteer, extract_article, link_dossier
from .models import Extraction, KnownEntity
from .summarize import summarize


def _read(path: Path, published: date | None) -> tuple[str, date | None]:
    """Plain text of a Markdown article (front matter gives the date) or of a text file."""
    text = read_text_file(path)
    if text.lstrip("\ufeff").startswith("---"):
        article = parse_article(text, path)
        return article.text, article.published or published
    return text.strip(), published


def _as_json(path: Path, text: str, published: date | None, extraction: Extraction) -> dict[str, Any]:
    return {
        "file": str(path),
        "published": published.isoformat() if published else None,
        "sentences": len(extraction.sentences),
        "summary": list(summarize(text, extraction, 3)),
        "entities": [
            {"name": e.name, "key": e.key, "type": e.type,
             "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions]}
            for e in extraction.entities
        ],
        "dates": [{"text": d.text, "start": d.start, "end": d.end, "date": d.value} for d in extraction.dates],
        "quotes": [{"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker}
                   for q in extraction.quotes],
    }


def extract_files(site_dir: Path, paths: list[Path], published: date | None) -> list[dict[str, Any]]:
    """Extract every file (all problems reported together), linked as one dossier."""
    known: tuple[KnownEntity, ...] = ()
    if (site_dir / "site.yaml").is_file():
        known = load_config(site_dir).entities
    texts: list[tuple[Path, str, date | None]] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            texts.append((path, *_read(path, published)))
        except DossierError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DossierError(problems)
    gazetteer = build_gazetteer(known)
    extractions = link_dossier(tuple(extract_article(t, p, gazetteer) for _, t, p in texts), gazetteer)
    return [_as_json(path, text, when, extraction)
            for (path, text, when), extraction in zip(texts, extractions, strict=True)]
