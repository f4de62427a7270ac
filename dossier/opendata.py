"""The open data: the whole dossier as JSON (schema documented in README.md).

Analysts load it into notebooks and other tools, so it carries everything the pages show,
with stable keys, relative URLs (valid from the site root) and no build timestamp.  It is
three files, each named by ``dossier.json``'s ``files``:

- ``dossier.json``: the articles, entities, topics and dated sentences;
- ``dossier-events.json``: the timeline's events with their attestations, the date
  conflicts and the weekday mismatches;
- ``dossier-analysis.json``: the quotes, shared passages, map, connections and event.

One file held all of it until a 1,000-article dossier made it 30 MB: more than Cloudflare
Pages serves (25 MiB a file), and a quarter of GitHub's hard limit of 100 MB.  Split, the
largest is 12 MB at 1,000 articles; at 10,000 each of the three was still over 50 MB, so a
file's long lists continue in numbered files past ``MAX_FILE_BYTES`` (``json_stream.files``).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from operator import attrgetter
from typing import Any

from .analysis import Analysis
from .analysis.claims import Attestation
from .analysis.timeline import TimelineEvent, TimelinePeriod
from .collector import collector_paused
from .config import Config
from .json_stream import JsonArray, JsonObject, encode, encode_str, files, text_of, written
from .models import ArticlePage, EntityMentions, EntityPage, Event, Site
from .page_links import href

# Read in C over every mention and appearance (no generator frame per item).
_TEXT = attrgetter("text")
_APPEARANCE_SLUG = attrgetter("article.article.slug")


def _url(path: str) -> str:
    return href("index.html", path)


def _entity_ref(entity: EntityMentions, urls: dict[tuple[str, str], str]) -> dict[str, Any]:
    return {
        "name": entity.name,
        "key": entity.key,
        "type": entity.type,
        "url": urls[(entity.type, entity.key)],
        "mentions": list(dict.fromkeys(map(_TEXT, entity.mentions))),
        "count": len(entity.mentions),
    }


def _article(page: ArticlePage, entity_pages: dict[tuple[str, str], str]) -> dict[str, Any]:
    """``entity_pages``: the URL of each entity's page, by (type, key)."""
    article = page.article
    return {
        "slug": article.slug,
        "url": _url(page.path),
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "author": article.author,
        "source_url": article.url,
        "summary": list(page.summary),
        "people": [_entity_ref(e, entity_pages) for e in page.people],
        "places": [_entity_ref(e, entity_pages) for e in page.places],
        "organizations": [_entity_ref(e, entity_pages) for e in page.organizations],
        "dates": [{"text": d.text, "date": d.value} for d in page.extraction.dates],
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in page.extraction.quotes],
        "topics": list(page.topics),
    }


def _entity(page: EntityPage) -> dict[str, Any]:
    known = page.known
    data: dict[str, Any] = {
        "name": page.name,
        "key": page.key,
        "type": page.type,
        "url": _url(page.path),
        "articles": list(dict.fromkeys(map(_APPEARANCE_SLUG, page.appearances))),
        "wikidata": known.wikidata if known else None,
    }
    if page.type == "place":
        data["coordinates"] = list(known.coordinates) if known and known.coordinates else None
    return data


DOSSIER_FILE = "dossier.json"
EVENTS_FILE = "dossier-events.json"
ANALYSIS_FILE = "dossier-analysis.json"


def dossier_json(site: Site, config: Config, analysis: Analysis | None = None) -> bytes:
    """``dossier.json``, deterministically (sorted where order is not meaningful); with an
    ``analysis``, it names the files that hold it (``open_data``)."""
    with collector_paused():
        return _dossier_json(site, config, analysis is not None)


# No open-data file over this many bytes: Cloudflare Pages serves files up to 25 MiB, GitHub
# takes files up to 100 MB.  At 10,000 articles the articles alone are ~52 MiB, the timeline's
# events ~94 MiB; past the limit a list continues in numbered files (``json_stream.files``).
MAX_FILE_BYTES = 20 * 2**20


def open_data(site: Site, config: Config, analysis: Analysis,
              limit: int | None = MAX_FILE_BYTES) -> tuple[tuple[str, Callable[[], list[tuple[str, bytes]]]], ...]:
    """(path, a maker of its files) of each open-data file, the largest first: the render
    workers make them one each, beside the pages.  A maker gives the file and the files
    its long lists continue in (``json_stream.files``), none over ``limit`` bytes."""
    def maker(name: str, content: Callable[[], JsonObject]) -> Callable[[], list[tuple[str, bytes]]]:
        def make() -> list[tuple[str, bytes]]:
            with collector_paused():
                return files(content(), name, limit, _url)
        return make
    return ((DOSSIER_FILE, maker(DOSSIER_FILE, lambda: _dossier_object(site, config, True))),
            (EVENTS_FILE, maker(EVENTS_FILE, lambda: _events(analysis))),
            (ANALYSIS_FILE, maker(ANALYSIS_FILE, lambda: _analysis(analysis))))


class _Texts(dict[Any, str]):
    """Value -> its JSON text (``text_of``), each distinct value encoded once.

    The timeline's entries repeat a few values endlessly (an article's slug and outlet, a
    date, a date as written, the outlets of an event): a repeat is one dict look-up made in
    C (``texts[value]``), not a Python call.  Keys are strings, None and tuples of strings
    (never numbers and booleans together: ``True == 1``).  One per file written: never shared.
    """

    def __missing__(self, value: Any) -> str:
        text = self[value] = text_of(value)
        return text


def _attestation_text(attestation: Attestation, texts: _Texts) -> str:
    """``encode(attestation.to_json())``."""
    article = attestation.article.article
    sentence = attestation.sentence
    sentence_text = encode_str(sentence) if type(sentence) is str else encode(sentence)
    start, end, mismatch = attestation.date_start, attestation.date_end, attestation.weekday_mismatch
    # an int's JSON is its str(); a bool's is not (True is an int)
    start_text = str(start) if type(start) is int else encode(start)
    end_text = str(end) if type(end) is int else encode(end)
    mismatch_text = "false" if mismatch is False else "true" if mismatch is True else encode(mismatch)
    return (f'{{"article":{texts[article.slug]},"outlet":{texts[article.outlet]},"date":{texts[attestation.date]},'
            f'"text":{texts[attestation.date_text]},"start":{start_text},"end":{end_text},'
            f'"sentence":{sentence_text},"weekday_mismatch":{mismatch_text}}}')


def _event_text(event: TimelineEvent, texts: _Texts) -> str:
    """``encode(event.to_json())``."""
    attestations = ",".join([_attestation_text(a, texts) for a in event.attestations])
    return (f'{{"id":{text_of(event.id)},"date":{texts[event.date]},"kind":{texts[event.kind]},'
            f'"excerpt":{text_of(event.excerpt)},"outlets":{texts[tuple(event.outlets)]},'
            f'"conflict":{texts[event.conflict]},"attestations":[{attestations}]}}')


def _period_text(period: TimelinePeriod, texts: _Texts | None = None) -> str:
    """``encode(period.to_json())``."""
    texts = _Texts() if texts is None else texts
    events = ",".join([_event_text(e, texts) for e in period.events])
    return f'{{"key":{text_of(period.key)},"precision":{text_of(period.precision)},"events":[{events}]}}'


def _timeline_entry_text(event: Event, texts: _Texts) -> str:
    """``encode`` of a ``site.timeline`` entry's object."""
    article = event.article.article
    sentence = event.sentence
    return (f'{{"date":{texts[event.date]},"text":{texts[event.date_text]},'
            f'"sentence":{encode_str(sentence) if type(sentence) is str else encode(sentence)},'
            f'"article":{texts[article.slug]},"outlet":{texts[article.outlet]}}}')


def _dossier_json(site: Site, config: Config, analysed: bool) -> bytes:
    return written(_dossier_object(site, config, analysed))


def _dossier_object(site: Site, config: Config, analysed: bool) -> JsonObject:
    entity_pages = {(e.type, e.key): _url(e.path) for e in (*site.people, *site.places, *site.organizations)}
    texts = _Texts()  # the timeline's repeated values
    members: list[tuple[str, Any]] = [
        ("title", config.title),
        ("description", config.description),
        ("language", config.language),
        ("base_url", config.base_url),
    ]
    if analysed:
        members.append(("files", {"events": _url(EVENTS_FILE), "analysis": _url(ANALYSIS_FILE)}))
    members += [
        ("articles", JsonArray(_article(p, entity_pages) for p in site.articles)),
        ("people", JsonArray(_entity(e) for e in site.people)),
        ("places", JsonArray(_entity(e) for e in site.places)),
        ("organizations", JsonArray(_entity(e) for e in site.organizations)),
        ("topics", [
            {"slug": h.slug, "title": h.title, "description": h.description, "url": _url(h.path),
             "articles": [p.article.slug for p in h.articles]}
            for h in site.hubs
        ]),
        ("timeline", JsonArray(map(_timeline_entry_text, site.timeline, repeat(texts)), encoded=True)),
    ]
    return JsonObject(members)


def _events(analysis: Analysis) -> JsonObject:
    """``analysis.to_json()["timeline"]`` (``Timeline.to_json``), member by member, its
    long lists made item by item (tests/test_site_assembly.py checks the bytes against
    ``json.dumps``)."""
    timeline, texts = analysis.timeline, _Texts()
    return JsonObject((
        ("periods", JsonArray(map(_period_text, timeline.periods, repeat(texts)), encoded=True)),
        ("conflicts", JsonArray(c.to_json() for c in timeline.conflicts)),
        ("weekday_mismatches", JsonArray(a.ref_json() for a in timeline.weekday_mismatches)),
    ))


def _analysis(analysis: Analysis) -> JsonObject:
    """``analysis.to_json()`` but for its timeline, member by member (mirrors ``Analysis.to_json``)."""
    return JsonObject((
        ("quotes", JsonArray(s.to_json() for s in analysis.speakers)),
        ("shared_passages", JsonArray(p.to_json() for p in analysis.passages)),
        ("map", analysis.map.to_json() if analysis.map else None),
        ("route_map", analysis.route_map.to_json()["bounds"] if analysis.route_map else None),
        ("connections", JsonObject((
            ("entities", JsonArray(e.to_json() for e in analysis.connections.entities if e.connections)),
            ("graph", analysis.connections.graph.to_json()),
        ))),
        ("event", dict(analysis.event) if analysis.event else None),
    ))
