"""Where names already known are written again in an article, in any case and spacing.

The rescan of ``entities`` looks for every person's full name once the article's names are
grouped ("Kim Jong un" once "Kim Jong Un" is known).  A regex of an article's own names is
the plain way to say it (``names_pattern``); ``name_spans`` finds the same spans without
compiling one, which cost more than the rest of the rescan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["name_spans", "names_pattern"]


def names_pattern(forms: Sequence[str]) -> re.Pattern[str]:
    """The folded names ``forms``, in that order, in any case and spacing ("Kim Jong-un"), as a
    whole name: a hyphen may follow only as in "Kim Jong un-Putin"."""
    alternatives = (r"[\s\-]+".join(re.escape(t) for t in form.split()) for form in forms)
    return re.compile(r"(?<![\w-])(?i:" + "|".join(alternatives) + r")(?!\w)(?!-[a-z])")


def name_spans(text: str, forms: Sequence[str]) -> list[tuple[int, int]]:
    """The spans of ``names_pattern(forms).finditer(text)``, found without making the regex.

    Compiling an article's own regex of its names cost more than the rest of the rescan.
    When the names are ASCII and the text has no letter that the regex's case-blind
    matching treats by its own table (dotless "ı", long "ſ", and any whose lower case is
    longer, like "İ"), a character matches a name's letter exactly when its ``lower()`` is
    that letter, so the lowered text is searched for each name's first word and the rest
    is read in place, the earlier name winning where several start, as in the regex.
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text or not all(form.isascii() for form in forms):
        return [m.span() for m in names_pattern(forms).finditer(text)]
    starts: dict[int, list[int]] = {}  # where a name's first word is -> the names, in order
    for rank, form in enumerate(forms):
        first = form.split(" ", 1)[0]
        at = low.find(first)
        while at >= 0:
            starts.setdefault(at, []).append(rank)
            at = low.find(first, at + 1)
    spans: list[tuple[int, int]] = []
    resume = 0
    words = [form.split() for form in forms]  # once: a name can be long and found at many places
    for at in sorted(starts):
        if at < resume or (at and (text[at - 1].isalnum() or text[at - 1] in "_-")):
            continue
        for rank in starts[at]:
            end = _name_end(text, low, at, words[rank])
            if end is not None:
                spans.append((at, end))
                resume = end
                break
    return spans


def _name_end(text: str, low: str, at: int, words: Sequence[str]) -> int | None:
    """Where the name of ``words`` read at ``at`` ends, as a whole name (see ``name_spans``), or None."""
    pos = at
    for n, word in enumerate(words):
        if n:
            gap = pos
            while pos < len(text) and (text[pos].isspace() or text[pos] == "-"):
                pos += 1
            if pos == gap:
                return None
        if not low.startswith(word, pos):
            return None
        pos += len(word)
    if pos < len(text) and (text[pos].isalnum() or text[pos] == "_"):
        return None
    if text.startswith("-", pos) and pos + 1 < len(text) and "a" <= text[pos + 1] <= "z":
        return None
    return pos
