"""``in_context`` finds a passage's sentences by bisection: pin that it shows exactly the
sentences a plain scan finds (the first that ends after the passage starts, through the last
that starts before it ends), at the edges too."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dossier.text import split_sentences
from dossier.views_analysis import CONTEXT_CHARS, in_context

TEXT = ("Banjir melanda kota pada Senin. Warga mengungsi ke masjid.\n\n"
        "Pemerintah mengirim bantuan.  Hujan reda pada Rabu malam. " + "Kata " * 80 + "akhir.")


def _scanned(text: str, sentences, start: int, end: int) -> tuple[str, str, str]:
    """The reference: every sentence read in turn."""
    first = next((s.start for s in sentences if s.end > start), start)
    last = max((s.end for s in sentences if s.start < end), default=end)
    first, last = min(first, start), max(last, end)
    before, after = text[first:start], text[end:last]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return before, text[start:end], after


def _spans() -> list[tuple[int, int]]:
    n = len(TEXT)
    points = sorted({0, 1, 5, 30, 31, 32, 33, 58, 59, 60, 61, 88, 90, 120, n - 10, n - 1, n})
    return [(a, b) for a in points for b in points if a <= b]


@pytest.mark.parametrize("sentences", [split_sentences(TEXT), ()], ids=["sentences", "none"])
def test_in_context_matches_a_scan_of_every_sentence(sentences):
    page = SimpleNamespace(article=SimpleNamespace(text=TEXT), extraction=SimpleNamespace(sentences=sentences))
    for start, end in _spans():
        occurrence = SimpleNamespace(article=page, start=start, end=end)
        shown = in_context(occurrence)
        assert (shown.before, shown.text, shown.after) == _scanned(TEXT, sentences, start, end), (start, end)
