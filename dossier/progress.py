"""Progress of a build on the terminal: a bar per stage on a TTY, plain lines otherwise.

Quiet for the first ~2 seconds, so the everyday small build prints only its summary; a
10,000-article build shows where it is.  Used only by the CLI (the one module that prints).
"""

from __future__ import annotations

import time
from typing import TextIO

QUIET_SECONDS = 2.0
BAR_WIDTH = 28


class TerminalProgress:
    """Callable as ``pipeline.Progress``: (stage, done, total)."""

    def __init__(self, stream: TextIO, *, is_tty: bool | None = None, quiet_seconds: float = QUIET_SECONDS) -> None:
        self.stream = stream
        self.is_tty = stream.isatty() if is_tty is None else is_tty
        self.quiet_seconds = quiet_seconds
        self.started = time.monotonic()
        self.stage_started: dict[str, float] = {}
        self.last_draw = 0.0
        self.bar_open = False

    def _loud(self) -> bool:
        return time.monotonic() - self.started >= self.quiet_seconds

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done == 0 and total == 1:
            self.stage_started[stage] = now
        finished = done >= total and total == 1
        if not self._loud():
            return
        if self.is_tty:
            if finished or now - self.last_draw >= 0.1 or done == total:
                self._draw(stage, done, total, finished, now)
        elif finished:
            seconds = now - self.stage_started.get(stage, now)
            self.stream.write(f"  {stage}: done in {seconds:.2f}s\n")
            self.stream.flush()

    def _draw(self, stage: str, done: int, total: int, finished: bool, now: float) -> None:
        self.last_draw = now
        filled = BAR_WIDTH if finished else int(BAR_WIDTH * done / total) if total else 0
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        count = "" if total <= 1 else f" {done}/{total}"
        seconds = now - self.stage_started.get(stage, now)
        self.stream.write(f"\r\033[K  {stage:<10} {bar}{count}  {seconds:.1f}s")
        if finished:
            self.stream.write("\n")
        self.stream.flush()
        self.bar_open = not finished
