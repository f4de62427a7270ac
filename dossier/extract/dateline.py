"""An article's dateline: the city and the outlet's own name before the first dash.

Indonesian news opens with a dateline ("BALIKPAPAN, RADARTENGGARA.CO.ID - …", "Jakarta
(ANTARA) - …").  The importer strips it from clippings, but articles written or pasted as
Markdown keep it.  Read as names, the outlet's signature gave every article of an outlet
the organisations "RADARTENGGARA" and "CO", and a city in capitals ("BONE") read as an
acronym, an organisation.  The signature names no one in the story; the city is a place.
"""

from __future__ import annotations

from typing import NamedTuple

from ..clipping_rules import dateline


class DatelineSpans(NamedTuple):
    """(start, end) in the text of the dateline's outlet signature and of its city, or None."""

    signature: tuple[int, int] | None
    city: tuple[int, int] | None
    city_name: str | None = None  # as a reader writes it ("Bone" for "BONE")
    story_start: int = 0  # where the story's own words begin, after the dash ("Longsor …")


NO_DATELINE = DatelineSpans(None, None)


def dateline_spans(text: str) -> DatelineSpans:
    """Where the first paragraph's dateline names its outlet and its city.  Only a sure
    dateline counts: a lone capitalised word before the dash may be either ("MOSKOW -")."""
    end = text.find("\n\n")
    paragraph = text if end < 0 else text[:end]
    found = dateline(paragraph)
    if found is None:
        return NO_DATELINE
    city, outlet, rest, sure = found
    if not outlet or not sure:
        return NO_DATELINE
    prefix = paragraph[: len(paragraph) - len(rest)]
    return DatelineSpans(_span(prefix, outlet), _span(prefix, city), city, len(prefix))


def _span(prefix: str, part: str | None) -> tuple[int, int] | None:
    """Where ``part`` (as the dateline reader returned it: a city in capitals title-cased) is in ``prefix``."""
    if not part:
        return None
    start = prefix.casefold().find(part.casefold())
    return None if start < 0 else (start, start + len(part))
