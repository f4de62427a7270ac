"""``python -m dossier.evaluate``: how good are the extractors, measured against hand annotations.

Scores are per *mention*: an extracted mention counts as correct only when its exact text,
its type and its identity (the entity's canonical name) all match an annotated occurrence,
so a wrong link ("Kim" -> "Seyoon Kim") costs as much as a wrong name.  Quotes count when
text and speaker match; dates when span and value match.  Two sets are reported apart:

- the seed dossier (``content/`` with ``site.yaml``'s known entities, i.e. exactly what the
  build does), gated by the targets below, plus the same articles with no known entities;
- the generalization articles (``tests/fixtures/generalization``), written separately and
  extracted with no known entities, to show the rules were not fitted to the seeds.

The exit status is non-zero when a seed score is below its target, so CI catches regressions.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .config import load_config, read_text_file
from .content import load_articles, parse_article
from .errors import DossierError
from .extract import build_gazetteer, extract_article, link_dossier
from .models import Article, Extraction, KnownEntity
from .urls import slugify

KINDS = ("people", "places", "organizations", "quotes", "dates")
_ENTITY_TYPES = {"people": "person", "places": "place", "organizations": "organization"}
TARGETS = {"people": 0.95, "places": 0.95, "organizations": 0.85, "dates": 0.90}


@dataclass(frozen=True)
class Score:
    correct: int = 0
    predicted: int = 0
    expected: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.correct + other.correct, self.predicted + other.predicted,
                     self.expected + other.expected)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    """Scores of one set of articles: totals per kind and, for diagnosis, what was missed."""

    name: str
    totals: dict[str, Score]
    articles: int
    missed: dict[str, Counter[Any]] = field(default_factory=dict)
    spurious: dict[str, Counter[Any]] = field(default_factory=dict)


def _score(predicted: Counter[Any], expected: Counter[Any]) -> Score:
    return Score(sum((predicted & expected).values()), sum(predicted.values()), sum(expected.values()))


def _quote_key(text: str, speaker: str | None) -> tuple[str, str | None]:
    return " ".join(text.split()).rstrip(" ,"), slugify(speaker) if speaker else None


def _aligned_names(extraction: Extraction, expected: dict[str, Any]) -> dict[str, str]:
    """Predicted entity slug -> annotated slug of the entity it shares most mentions with.

    Without site.yaml the extractor cannot know the dossier calls the agency "KCNA" rather
    than "Korean Central News Agency"; when scoring that case we forgive the display name
    (one-to-one, greedy by overlap) but still count every mention linked to the wrong entity.
    """
    pairs = []
    for kind, entity_type in _ENTITY_TYPES.items():
        for e in extraction.entities:
            if e.type != entity_type:
                continue
            mine = Counter(m.text for m in e.mentions)
            for wanted in expected.get(kind) or ():
                overlap = sum((mine & Counter(str(m) for m in wanted["mentions"])).values())
                if overlap:
                    pairs.append((overlap, slugify(e.name), slugify(wanted["name"])))
    mapping: dict[str, str] = {}
    for _, mine_slug, wanted_slug in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if mine_slug not in mapping and wanted_slug not in mapping.values():
            mapping[mine_slug] = wanted_slug
    return mapping


def compare(extraction: Extraction, expected: dict[str, Any], dates: list[dict[str, Any]] | None,
            align_names: bool = False) -> dict[str, tuple[Counter[Any], Counter[Any]]]:
    """(predicted, expected) multisets per kind for one article."""
    out: dict[str, tuple[Counter[Any], Counter[Any]]] = {}
    names = _aligned_names(extraction, expected) if align_names else {}

    def named(name: str | None) -> str | None:
        return None if name is None else names.get(slugify(name), slugify(name))

    for kind, entity_type in _ENTITY_TYPES.items():
        predicted = Counter((named(e.name), m.text) for e in extraction.entities if e.type == entity_type
                            for m in e.mentions)
        wanted = Counter((slugify(e["name"]), str(m)) for e in expected.get(kind) or () for m in e["mentions"])
        out[kind] = (predicted, wanted)
    out["quotes"] = (Counter((_quote_key(q.text, None)[0], named(q.speaker)) for q in extraction.quotes),
                     Counter(_quote_key(q["text"], q.get("speaker")) for q in expected.get("quotes") or ()))
    if dates is not None:
        out["dates"] = (Counter((d.text, d.value) for d in extraction.dates),
                        Counter((str(d["text"]), None if d.get("date") is None else str(d["date"]))
                                for d in dates))
    return out


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(read_text_file(path))
    except yaml.YAMLError as exc:
        raise DossierError.at(f"annotation is not valid YAML: {exc}", path) from None


def evaluate(name: str, articles: Sequence[Article], known: tuple[KnownEntity, ...],
             expected: dict[str, dict[str, Any]], dates: dict[str, list[dict[str, Any]]],
             align_names: bool = False) -> Report:
    """Extract ``articles`` as the build does and score those that have an annotation."""
    gazetteer = build_gazetteer(known)
    extractions = link_dossier(tuple(extract_article(a.text, a.published, gazetteer) for a in articles),
                               gazetteer)
    totals = {kind: Score() for kind in KINDS}
    missed: dict[str, Counter[Any]] = {kind: Counter() for kind in KINDS}
    spurious: dict[str, Counter[Any]] = {kind: Counter() for kind in KINDS}
    scored = 0
    for article, extraction in zip(articles, extractions, strict=True):
        if article.slug not in expected:
            continue
        scored += 1
        for kind, (predicted, wanted) in compare(extraction, expected[article.slug],
                                                 dates.get(article.slug), align_names).items():
            totals[kind] += _score(predicted, wanted)
            missed[kind] += wanted - predicted
            spurious[kind] += predicted - wanted
    if not any(dates.get(a.slug) is not None for a in articles if a.slug in expected):
        totals.pop("dates")
    return Report(name, totals, scored, missed, spurious)


def seed_reports(site_dir: Path, expected_dir: Path) -> list[Report]:
    config = load_config(site_dir)
    articles = load_articles(config.content_dir)
    expected = {p.stem: _load_yaml(p) for p in sorted((expected_dir / "entities").glob("*.yaml"))}
    dates = {p.stem: _load_yaml(p) or [] for p in sorted((expected_dir / "dates").glob("*.yaml"))}
    return [evaluate("seeds", articles, config.entities, expected, dates),
            evaluate("seeds, no known entities (display names aligned)", articles, (), expected, dates, True)]


def generalization_report(folder: Path, only: str | None = None, dates_dir: Path | None = None) -> Report:
    """Articles written apart from the seeds, extracted with no known entities (one, or all).

    Their dates are annotated beside the seeds' as ``<dates_dir>/generalization-<stem>.yaml``
    (one folder for every date annotation, so the dates rules are checked against all of them).
    """
    articles = tuple(parse_article(read_text_file(p), p) for p in sorted(folder.glob("*.md"))
                     if only is None or p.stem == only)
    expected = {p.stem: _load_yaml(p) for p in sorted(folder.glob("*.yaml"))}
    dates = {}
    for a in articles:
        path = dates_dir / f"generalization-{a.slug}.yaml" if dates_dir is not None else None
        if a.slug in expected and path is not None and path.is_file():
            dates[a.slug] = _load_yaml(path) or []
    name = f"generalization: {only}" if only else "generalization, all articles"
    return evaluate(f"{name} (no known entities, display names aligned)", articles, (), expected, dates, True)


def below_targets(report: Report) -> list[str]:
    return [f"{kind} F1 {report.totals[kind].f1:.3f} < {target:.2f}"
            for kind, target in TARGETS.items() if kind in report.totals and report.totals[kind].f1 < target]


def format_report(report: Report, verbose: bool = False) -> Iterable[str]:
    yield f"{report.name} ({report.articles} articles)"
    yield f"  {'kind':<14}{'precision':>10}{'recall':>10}{'F1':>8}{'correct':>9}{'found':>7}{'annotated':>11}"
    for kind, s in report.totals.items():
        yield (f"  {kind:<14}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}"
               f"{s.correct:>9}{s.predicted:>7}{s.expected:>11}")
    if verbose:
        for kind in report.totals:
            for label, counter in (("missed", report.missed[kind]), ("spurious", report.spurious[kind])):
                for item, n in sorted(counter.items(), key=str):
                    yield f"    {kind} {label}: {item} x{n}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dossier.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=Path("."), help="site folder with site.yaml and content/")
    parser.add_argument("--expected", type=Path, default=Path("tests/expected"),
                        help="folder with entities/<slug>.yaml and dates/<slug>.yaml")
    parser.add_argument("--generalization", type=Path, default=Path("tests/fixtures/generalization"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every missed and spurious item")
    args = parser.parse_args(argv)
    try:
        dates_dir = args.expected / "dates"
        reports = [*seed_reports(args.site, args.expected),
                   generalization_report(args.generalization, dates_dir=dates_dir),
                   *(generalization_report(args.generalization, p.stem, dates_dir)
                     for p in sorted(args.generalization.glob("*.md")))]
    except DossierError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for report in reports:
        print("\n".join(format_report(report, args.verbose)))
        print()
    failures = below_targets(reports[0])
    for failure in failures:
        print(f"below target (seeds): {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
