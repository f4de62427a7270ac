"""Extraction speed: start-up (fresh process, import + gazetteer), median ms per article, and
how extraction time grows with the length of one article.

Targets: start-up < 1 s, median <= 20 ms per ~600-word article (extract_article plus the
summary; linking is per dossier and measured separately); time roughly linear in length,
so the largest article content.py accepts (1 MB) extracts well under 10 s, and hostile
input (long runs of periods, quotes, weekdays, capitalised words, numbers) is no slower
than prose of the same size.  Run::

    .venv/bin/python bench/bench_extract.py [--repeat 30] [--sweep 5,20,100,500,1000] [--no-articles]

The sweep's realistic text is the seed articles and generated ones (bench/corpus.py, so the
names vary as in a real dossier) joined paragraph-wise up to each size in KB.
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

from bench import corpus  # noqa: E402
from dossier.config import load_config  # noqa: E402
from dossier.content import load_articles  # noqa: E402
from dossier.extract import Gazetteer, build_gazetteer, extract_article, link_dossier  # noqa: E402
from dossier.markup import markdown_to_text  # noqa: E402
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


def realistic_text(kilobytes: int, seeds: list[str]) -> str:
    """About ``kilobytes`` KB of news prose: the seeds, then generated articles (varied names)."""
    generated = (markdown_to_text(a.body) for a in corpus.generate(kilobytes // 4 + 10))
    paragraphs: list[str] = []
    size = 0
    for paragraph in (p for t in (*seeds, *generated) for p in t.split("\n\n")):
        if size >= kilobytes * 1000:
            break
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs)


# Hostile input of about 50 KB each: what once made one pass or another quadratic.
PATHOLOGICAL = {
    "periods": "." * 50_000,
    "opening quotes": "“" * 20_000,
    "quotes and words": "“a b c d” kata X. " * 2_800,
    "weekdays": "Senin " * 8_333,
    "capitalised words": "Kim " * 12_500,
    "initials": "A. " * 16_666,
    "numbers": "1 " * 25_000,
    "dates": "11/9/2023 " * 5_000,
    "a list of days": "1, " * 16_666 + "dan 7 Maret 2023.",
    "a list of months": "Januari, " * 5_555 + "dan Maret 2023.",
    "ellipses and marks": "…?! " * 12_500,
    "one long sentence": " ".join(["kata"] * 5_000 + ["Kim Jong Un"] * 2_000),
    "names in one sentence": "Kim dan " * 6_250,
    "dated quotes, no stops": "“Kami akan datang Senin” kata Kim " * 1_450,
    "spaces": "Ia datang. " + " " * 50_000 + "lalu pergi.",
    "lines of spaces": "Ia datang\n " * 4_500,
}


def sweep(sizes: list[int], seeds: list[str], gazetteer: Gazetteer) -> None:
    """Seconds of ``extract_article`` per size, then on the hostile inputs; one run each."""
    print(f"{'input':<24} {'KB':>6} {'seconds':>9} {'ms per KB':>10}")
    cases = [(f"realistic {kb} KB", realistic_text(kb, seeds)) for kb in sizes] + list(PATHOLOGICAL.items())
    for name, text in cases:
        start = time.perf_counter()
        extract_article(text, None, gazetteer)
        seconds = time.perf_counter() - start
        kb = len(text.encode()) / 1000
        print(f"{name:<24} {kb:6.0f} {seconds:9.3f} {seconds * 1000 / kb:10.2f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--sweep", default="5,20,100,500,1000",
                        help="sizes in KB of the length sweep, comma-separated ('' to skip it)")
    parser.add_argument("--no-articles", action="store_true", help="only the sweep")
    args = parser.parse_args()
    config = load_config(ROOT)
    gazetteer = build_gazetteer(config.entities)
    articles = load_articles(config.content_dir)
    texts = [a.text for a in articles]
    if args.no_articles:
        sweep([int(kb) for kb in args.sweep.split(",") if kb], texts, gazetteer)
        return 0
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
    if args.sweep:
        sweep([int(kb) for kb in args.sweep.split(",") if kb], texts, gazetteer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
