"""The one error type of Dossier.

Every problem a user can cause (bad site.yaml, broken front matter, a template that uses
an unknown variable) becomes a ``DossierError`` carrying the file and line, so the CLI and
the preview server can show ``path:line: message`` without a traceback.  Stages that can
find several problems collect them and raise one ``DossierErrors`` so the user fixes all
of them in one go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    message: str
    path: Path | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return where + self.message


def by_line(problems: Iterable[Problem]) -> list[Problem]:
    """Problems of one file in the order the user reads the file (stable for equal lines)."""
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


class DossierError(Exception):
    """A user-facing failure: one or more problems, each with path and line."""

    def __init__(self, problems: Problem | Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, message: str, path: Path | str | None = None, line: int | None = None,
           column: int | None = None) -> DossierError:
        """Shorthand for an error with a single located problem."""
        return cls(Problem(message, Path(path) if path is not None else None, line, column))


def yaml_error_location(exc: Exception, line_offset: int = 0) -> tuple[str, int | None, int | None]:
    """Message, line and column of a PyYAML error.

    PyYAML reports where it gave up ("unexpected end of stream", often the last line) and,
    separately, where the broken construct began ("while scanning a quoted scalar"); the
    beginning is where the user has to look, so we point there when it is known.
    """
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    mark = context_mark or getattr(exc, "problem_mark", None)
    message = f"{context}: {problem}" if context else problem
    if mark is None:
        return message, None, None
    return message, mark.line + 1 + line_offset, mark.column + 1
