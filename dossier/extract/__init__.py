"""People, places, organisations, dates and quotes: pure functions over an article's text.

``extract_article`` is the per-article stage (cacheable by content hash, run in worker
processes); ``link_dossier`` runs once over all articles, in order, to give each entity one
identity across the dossier.  The gazetteer is a value built once by ``build_gazetteer``
and passed in, so nothing is shared through module state.
"""

from __future__ import annotations

from datetime import date

from ..models import Extraction
from ..text import split_sentences
from .dates import find_dates
from .entities import find_entities
from .gazetteer import Gazetteer, build_gazetteer
from .linking import dossier_linker, link_dossier
from .quotes import find_quotes, quotations

__all__ = ["Gazetteer", "build_gazetteer", "dossier_linker", "extract_article", "link_dossier"]


def extract_article(text: str, published: date | None, gazetteer: Gazetteer) -> Extraction:
    """Everything the extractors find in one article's plain text (offsets index ``text``)."""
    sentences = split_sentences(text)
    entities = find_entities(text, sentences, gazetteer)
    quoted = quotations(text)  # (read once: the dates inside a quotation count from the day it was said)
    return Extraction(
        sentences=sentences,
        entities=entities,
        dates=find_dates(text, published, sentences, quoted),
        quotes=find_quotes(text, entities, quoted),
    )
