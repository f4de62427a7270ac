"""Run one command in a fresh process and measure it: wall time and peak memory.

Peak memory comes from ``os.wait4``: on Linux the rusage it returns for the child covers the
child and every descendant it waited for (extraction workers, the Pagefind binary), and
``ru_maxrss`` is the largest resident set any single one of them reached.  That is the number
that decides whether a build fits on a small CI machine; it is not the sum of concurrent
processes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall clock, process start to exit (interpreter start-up and imports included)
    peak_rss_mb: float
    cpu_seconds: float  # user + system time of the process and its waited-for descendants
    stdout: str


class CommandFailed(RuntimeError):
    pass


def run_measured(cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """Run ``cmd`` to completion; raise CommandFailed with its output if it exits non-zero.

    Dirty pages are flushed first (outside the timing), so writing back what the previous
    build wrote or deleted is not charged to this one.
    """
    os.sync()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen it is reaped
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise CommandFailed(f"{' '.join(cmd)} exited with {proc.returncode} in {cwd}\n"
                            f"{stdout[-3000:]}\n{stderr[-3000:]}")
    # ru_maxrss is KiB on Linux, bytes on macOS.
    kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Sample(seconds, kib / 1024, usage.ru_utime + usage.ru_stime, stdout)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarize(samples: Sequence[Sample]) -> dict:
    """Median wall time and the highest peak memory over repeated runs."""
    return {
        "median_s": round(median([s.seconds for s in samples]), 3),
        "runs_s": [round(s.seconds, 3) for s in samples],
        # CPU time barely moves when other work shares the machine; wall time does.
        "median_cpu_s": round(median([s.cpu_seconds for s in samples]), 3),
        "peak_rss_mb": round(max(s.peak_rss_mb for s in samples), 1) if samples else None,
    }
