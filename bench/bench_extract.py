"""Extraction speed: start-up (fresh process, import + gazetteer) and median ms per article.

Targets: start-up < 1 s, median <= 20 ms per ~600-word article (extract_article plus the
summary; linking is per dossier and measured separately).  Run::

    .venv/bin/python bench/bench_extract.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dossier.config import load_config  # noqa: E402
from dossier.content import load_articles  # noqa: E402
from dossier.extract import build_gazetteer, extract_article, link_dossier  # noqa: E402
from dossier.summarize import summarize  # noqa: E402

STARTUP = ("import time; t = time.perf_counter(); from dossier.extract import build_gazetteer; "
           "build_gazetteer(); print(time.perf_counter() - t)")


def startup_seconds(repeat: int = 5) -> float:
    """Median wall time of importing the extractors and building the gazetteer in a new process."""
    times = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, capture_output=True, text=True, check=True)
        times.append(float(out.stdout))
    return statistics.median(times)


def six_hundred_words(texts: list[str]) -> str:
    """A ~600-word article made of whole paragraphs of the seeds."""
    paragraphs: list[str] = []
    count = 0
    for paragraph in (p for t in texts for p in t.split("\n\n")):
        if count >= 600:
            break
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    config = load_config(ROOT)
    gazetteer = build_gazetteer(config.entities)
    articles = load_articles(config.content_dir)
    texts = [a.text for a in articles]
    samples = [("600-word composite", six_hundred_words(texts))] + [(a.slug[:40], a.text) for a in articles]
    print(f"start-up (import + gazetteer, fresh process): {startup_seconds() * 1000:.0f} ms (target < 1000)")
    for name, text in samples:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            summarize(text, extract_article(text, None, gazetteer), 3)
            times.append((time.perf_counter() - start) * 1000)
        words = len(text.split())
        print(f"{name:<42} {words:>4} words  median {statistics.median(times):6.2f} ms"
              f"  ({statistics.median(times) * 600 / words:5.2f} ms per 600 words)")
    extractions = tuple(extract_article(a.text, a.published, gazetteer) for a in articles)
    start = time.perf_counter()
    for _ in range(args.repeat):
        link_dossier(extractions, gazetteer)
    print(f"link_dossier, {len(extractions)} articles: {(time.perf_counter() - start) * 1000 / args.repeat:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
