"""Long builds show where they are: a bar on a terminal, plain lines in logs, silence when quick."""

from __future__ import annotations

import io

from dossier.progress import TerminalProgress


def run_stages(progress: TerminalProgress) -> None:
    progress("load", 0, 1)
    progress("load", 1, 1)
    progress("extract", 0, 1)
    for done in range(1, 4):
        progress("extract", done, 3)
    progress("extract", 1, 1)


def test_a_quick_build_prints_nothing() -> None:
    stream = io.StringIO()
    run_stages(TerminalProgress(stream, is_tty=True, quiet_seconds=60))
    assert stream.getvalue() == ""


def test_logs_get_one_plain_line_per_finished_stage() -> None:
    stream = io.StringIO()
    run_stages(TerminalProgress(stream, is_tty=False, quiet_seconds=0))
    lines = stream.getvalue().splitlines()
    assert [line.split(":")[0].strip() for line in lines] == ["load", "extract"]
    assert "\r" not in stream.getvalue()


def test_a_terminal_gets_a_bar_with_counts() -> None:
    stream = io.StringIO()
    run_stages(TerminalProgress(stream, is_tty=True, quiet_seconds=0))
    out = stream.getvalue()
    assert "\r" in out and "extract" in out and "3/3" in out and "█" in out
    assert out.endswith("\n")
