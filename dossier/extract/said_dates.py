"""The day a quotation was said, for the relative dates inside it.

A reporter writes "kemarin" from the day of writing, but a speaker from the day they spoke:
in '"Kemarin sore ombak sudah tinggi," tutur Marwah, Minggu.' the survivor's "kemarin" is the
Saturday before that Sunday.  The attribution after a quotation often names that day, and
``dates.find_dates`` reads the quotation's deictic dates from it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from ..models import DateMention
from .date_candidates import Candidate
from .quotes import quotations
from .tense import sentence_around

__all__ = ["days_said"]


def days_said(text: str, chosen: list[Candidate], mentions: list[DateMention], bounds: tuple[tuple[int, int], ...],
              sentence_starts: tuple[int, ...], published: date,
              quoted: Sequence[tuple[int, int]] | None = None) -> dict[int, date]:
    """The day each deictic date inside a quotation was said (by its index in ``chosen``),
    where the quotation's attribution names another day than publication's: in '"Kemarin
    sore ombak sudah tinggi," tutur Marwah, Minggu.' the speaker's "kemarin" is the Saturday
    before that Sunday, not the day before the article.  The attribution is the rest of the
    sentence the quotation closes in (up to the line's end or the next quotation); its first
    date that resolved to one whole day is the day said.
    """
    inside = [i for i, c in enumerate(chosen) if c.deictic]
    if not inside:
        return {}
    starts = [c.start for c in chosen]
    spans = quoted if quoted is not None else quotations(text)
    days: dict[int, date] = {}
    for n, (start, end) in enumerate(spans):
        quoted = [i for i in inside if start < chosen[i].start and chosen[i].end < end]
        if not quoted:
            continue
        line_end = text.find("\n", end)
        limit = min(sentence_around(text, bounds, sentence_starts, end - 1)[1],
                    line_end if line_end >= 0 else len(text), spans[n + 1][0] if n + 1 < len(spans) else len(text))
        said = next((date.fromisoformat(m.value) for m in mentions[bisect_left(starts, end):bisect_left(starts, limit)]
                     if m.value is not None and len(m.value) == 10), None)
        if said is not None and said != published:
            days.update((i, said) for i in quoted)
    return days
