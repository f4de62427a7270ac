"""One article's text through the extractors, as the entity tests read it: extracted and linked
alone, and its entities as {(type, name): [mention texts]}."""

from datetime import date

from dossier.extract import extract_article, link_dossier
from dossier.extract.gazetteer import Gazetteer
from dossier.models import Extraction


def extract(text: str, gazetteer: Gazetteer, published: date = date(2023, 9, 11)) -> Extraction:
    return link_dossier((extract_article(text, published, gazetteer),), gazetteer)[0]


def found(x: Extraction) -> dict[tuple[str, str], list[str]]:
    return {(e.type, e.name): [m.text for m in e.mentions] for e in x.entities}
