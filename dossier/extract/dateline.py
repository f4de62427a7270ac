"""The outlet's signature in an article's dateline, which names no one in the story.

Indonesian news opens with a dateline: the city and the outlet's own name before a dash
("BALIKPAPAN, RADARTENGGARA.CO.ID - …", "Jakarta (ANTARA) - …").  The importer strips it
from clippings, but articles written or pasted as Markdown keep it, and read as names the
signature gave every article of an outlet the organisations "RADARTENGGARA" and "CO".
The city stays: it is where the story happened.
"""

from __future__ import annotations

from ..clipping_rules import dateline


def signature_span(text: str) -> tuple[int, int] | None:
    """(start, end) in ``text`` of the outlet named by the first paragraph's dateline, or None
    when there is none (a lone capitalised word before the dash may be a city: kept)."""
    end = text.find("\n\n")
    paragraph = text if end < 0 else text[:end]
    found = dateline(paragraph)
    if found is None:
        return None
    _city, outlet, rest, sure = found
    if not outlet or not sure:
        return None
    prefix = paragraph[: len(paragraph) - len(rest)]
    start = prefix.rfind(outlet)
    return None if start < 0 else (start, start + len(outlet))
