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
file's long lists continue in numbered files past ``MAX_FILE_BYTES`` (``_files``).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, repeat
from operator import attrgetter
from typing import Any, BinaryIO

from .analysis import Analysis
from .analysis.claims import Attestation
from .analysis.timeline import TimelineEvent, TimelinePeriod
from .collector import collector_paused
from .config import Config
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


def events_json(analysis: Analysis) -> bytes:
    """``dossier-events.json``: ``analysis.to_json()["timeline"]``."""
    with collector_paused():
        return _written(_events(analysis))


def analysis_json(analysis: Analysis) -> bytes:
    """``dossier-analysis.json``: ``analysis.to_json()`` but for its timeline."""
    with collector_paused():
        return _written(_analysis(analysis))


# No open-data file over this many bytes: Cloudflare Pages serves files up to 25 MiB, GitHub
# takes files up to 100 MB.  At 10,000 articles the articles alone are ~52 MiB, the timeline's
# events ~94 MiB; past the limit a list continues in numbered files (``_files``).
MAX_FILE_BYTES = 20 * 2**20
_CONTINUED_ROOM = 4096  # bytes kept for the member naming the continuations (~40 a file)


def open_data(site: Site, config: Config, analysis: Analysis,
              limit: int | None = MAX_FILE_BYTES) -> tuple[tuple[str, Callable[[], list[tuple[str, bytes]]]], ...]:
    """(path, a maker of its files) of each open-data file, the largest first: the render
    workers make them one each, beside the pages.  A maker gives the file and the files
    its long lists continue in (``_files``), none over ``limit`` bytes."""
    def dossier() -> list[tuple[str, bytes]]:
        with collector_paused():
            return _files(_dossier_object(site, config, True), DOSSIER_FILE, limit)

    def events() -> list[tuple[str, bytes]]:
        with collector_paused():
            return _files(_events(analysis), EVENTS_FILE, limit)

    def rest() -> list[tuple[str, bytes]]:
        with collector_paused():
            return _files(_analysis(analysis), ANALYSIS_FILE, limit)
    return ((DOSSIER_FILE, dossier), (EVENTS_FILE, events), (ANALYSIS_FILE, rest))


# Compact: with an indent Python falls back to its slow pure-Python encoder (5.6 s of a
# 1,000-article build); `python -m json.tool` or jq pretty-prints it for reading.  The values
# are fresh trees of dicts and lists (never cyclic): no circular-reference bookkeeping.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
# ``_ENCODER.encode`` makes a new C encoder for every value it is given (tens of thousands
# of list items at 1,000 articles); this is that same encoder, made once.  Python without
# the C accelerator has none: it uses ``_ENCODER.encode`` (the same text, slower).
_C_ENCODER = json.encoder.c_make_encoder(  # type: ignore[attr-defined]
    None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", False, False, True,
) if json.encoder.c_make_encoder is not None else None  # type: ignore[attr-defined]
_PIECE_CHARS = 1 << 20  # a list's items are written out in UTF-8 about this many characters at a time


def _encode(value: Any) -> str:
    """``_ENCODER.encode(value)``."""
    return "".join(_C_ENCODER(value, 0)) if _C_ENCODER is not None else _ENCODER.encode(value)


_encode_str = json.encoder.encode_basestring  # what the encoder writes for a str (``ensure_ascii=False``)


def _text(value: Any) -> str:
    """``_encode(value)``, at once for a string (nearly every value written by the timeline's makers)."""
    return _encode_str(value) if type(value) is str else _encode(value)


class _Texts(dict[Any, str]):
    """Value -> its JSON text (``_text``), each distinct value encoded once.

    The timeline's entries repeat a few values endlessly (an article's slug and outlet, a
    date, a date as written, the outlets of an event): a repeat is one dict look-up made in
    C (``texts[value]``), not a Python call.  Keys are strings, None and tuples of strings
    (never numbers and booleans together: ``True == 1``).  One per file written: never shared.
    """

    def __missing__(self, value: Any) -> str:
        text = self[value] = _text(value)
        return text


def _attestation_text(attestation: Attestation, texts: _Texts) -> str:
    """``_encode(attestation.to_json())``."""
    article = attestation.article.article
    sentence = attestation.sentence
    sentence_text = _encode_str(sentence) if type(sentence) is str else _encode(sentence)
    start, end, mismatch = attestation.date_start, attestation.date_end, attestation.weekday_mismatch
    # an int's JSON is its str(); a bool's is not (True is an int)
    start_text = str(start) if type(start) is int else _encode(start)
    end_text = str(end) if type(end) is int else _encode(end)
    mismatch_text = "false" if mismatch is False else "true" if mismatch is True else _encode(mismatch)
    return (f'{{"article":{texts[article.slug]},"outlet":{texts[article.outlet]},"date":{texts[attestation.date]},'
            f'"text":{texts[attestation.date_text]},"start":{start_text},"end":{end_text},'
            f'"sentence":{sentence_text},"weekday_mismatch":{mismatch_text}}}')


def _event_text(event: TimelineEvent, texts: _Texts) -> str:
    """``_encode(event.to_json())``."""
    attestations = ",".join([_attestation_text(a, texts) for a in event.attestations])
    return (f'{{"id":{_text(event.id)},"date":{texts[event.date]},"kind":{texts[event.kind]},'
            f'"excerpt":{_text(event.excerpt)},"outlets":{texts[tuple(event.outlets)]},'
            f'"conflict":{texts[event.conflict]},"attestations":[{attestations}]}}')


def _period_text(period: TimelinePeriod, texts: _Texts | None = None) -> str:
    """``_encode(period.to_json())``."""
    texts = _Texts() if texts is None else texts
    events = ",".join([_event_text(e, texts) for e in period.events])
    return f'{{"key":{_text(period.key)},"precision":{_text(period.precision)},"events":[{events}]}}'


def _timeline_entry_text(event: Event, texts: _Texts) -> str:
    """``_encode`` of a ``site.timeline`` entry's object."""
    article = event.article.article
    sentence = event.sentence
    return (f'{{"date":{texts[event.date]},"text":{texts[event.date_text]},'
            f'"sentence":{_encode_str(sentence) if type(sentence) is str else _encode(sentence)},'
            f'"article":{texts[article.slug]},"outlet":{texts[article.outlet]}}}')


class _Array:
    """A JSON array written one item at a time: its items are made as they are written.

    ``encoded``: the items are JSON text already (the timeline's entries are most of the
    file: tens of thousands of small objects that repeat their keys and often their
    sentence; written with f-strings, their keys are not escaped again for every entry and
    no dict is made for each, only to be encoded)."""

    def __init__(self, items: Iterable[Any], encoded: bool = False) -> None:
        self.items = items
        self.encoded = encoded


class _Object:
    """A JSON object written one member at a time (values may be _Array or _Object)."""

    def __init__(self, members: Iterable[tuple[str, Any]]) -> None:
        self.members = members


def _write(value: Any, out: BinaryIO) -> None:
    """Write ``value`` as ``json.dumps`` would, byte for byte, holding one small piece at a time.

    At 10,000 articles the file is 300 MB; made as one tree of dicts, one string (two bytes
    a character, as it holds typographic quotes), that string plus "\n" and its UTF-8 bytes,
    it took ~1.5 GB on top of the site, in the render worker that writes it.
    """
    if isinstance(value, _Array):
        _write_array(value.items, value.encoded, out)
    elif isinstance(value, _Object):
        out.write(b"{")
        first = True
        for key, member in value.members:
            name = _encode(key).encode("utf-8") + b":"
            out.write(name if first else b"," + name)
            first = False
            _write(member, out)
        out.write(b"}")
    else:
        out.write(_encode(value).encode("utf-8"))


def _write_array(items: Iterable[Any], encoded: bool, out: BinaryIO, limit: int | None = None,
                 one_at_least: bool = False) -> Iterator[Any] | None:
    """An array, its items joined as text and written as one UTF-8 piece per ~_PIECE_CHARS
    characters (one encoding and one write per piece, not per item); ``encoded``: the items
    are JSON text already.  A nested _Array or _Object is written in its turn.

    With a ``limit``, the array is closed before the item that would take ``out`` past that
    many bytes (``one_at_least``: but for its first item, written whatever its size), and
    the items not written are returned (None when all were)."""
    pieces = ["["]
    size = 0
    first = True
    items = iter(items)
    for item in items:
        if not encoded and isinstance(item, (_Array, _Object)):
            if not first:
                pieces.append(",")
            first = False
            out.write("".join(pieces).encode("utf-8"))
            pieces, size = [], 0
            _write(item, out)
            continue
        text = item if encoded else _encode(item)
        # (a character is at most 3 bytes of UTF-8 here: JSON escapes what would take 4)
        if (limit is not None and not (first and one_at_least)
                and out.tell() + 3 * (size + len(text)) + 4 > limit):
            out.write("".join(pieces).encode("utf-8"))
            pieces, size = [], 0
            if out.tell() + len(text.encode("utf-8")) + 2 > limit:
                out.write(b"]")
                return chain((text if encoded else item,), items)
        if not first:
            pieces.append(",")
        first = False
        pieces.append(text)
        size += len(text) + 1
        if size >= _PIECE_CHARS:
            out.write("".join(pieces).encode("utf-8"))
            pieces, size = [], 0
    pieces.append("]")
    out.write("".join(pieces).encode("utf-8"))
    return None


def _files(value: _Object, name: str, limit: int | None) -> list[tuple[str, bytes]]:
    """``value`` written as the file ``name``, and with a ``limit``, no file over that many
    bytes (but for a single item larger than it): a long list is cut where the file would
    pass the limit, and continues in files of its own, ``<name>-<member>-2.json`` and on (each
    an array of the items that follow), which the file's last member ``continued`` names.

    The members that are not long lists (a map, the connections) are written first, aside,
    so that the lists before them leave them room."""
    if limit is None:
        return [(name, _written(value))]
    stem = name.removesuffix(".json")
    members = list(value.members)
    aside: dict[str, bytes] = {}
    for key, member in members:
        if not isinstance(member, _Array):
            piece = io.BytesIO()
            _write(member, piece)
            aside[key] = piece.getvalue()
    room = sum(map(len, aside.values())) + _CONTINUED_ROOM  # what the members still to come need
    out = io.BytesIO()
    more: list[tuple[str, bytes]] = []
    continued: dict[str, list[str]] = {}
    out.write(b"{")
    for n, (key, member) in enumerate(members):
        out.write((b"," if n else b"") + _encode(key).encode("utf-8") + b":")
        if key in aside:
            out.write(aside[key])
            room -= len(aside[key])
            continue
        rest = _write_array(member.items, member.encoded, out, limit - room)
        part = 2
        while rest is not None:
            piece = io.BytesIO()
            rest = _write_array(rest, member.encoded, piece, limit - 1, one_at_least=True)
            piece.write(b"\n")
            path = f"{stem}-{key}-{part}.json"
            more.append((path, piece.getvalue()))
            continued.setdefault(key, []).append(_url(path))
            part += 1
    if continued:
        out.write(b',"continued":' + _encode(continued).encode("utf-8"))
    out.write(b"}\n")
    return [(name, out.getvalue()), *more]


def _written(value: Any) -> bytes:
    # BytesIO hands its buffer over without a copy: the file exists once, as the bytes returned.
    out = io.BytesIO()
    _write(value, out)
    out.write(b"\n")
    return out.getvalue()


def _dossier_json(site: Site, config: Config, analysed: bool) -> bytes:
    return _written(_dossier_object(site, config, analysed))


def _dossier_object(site: Site, config: Config, analysed: bool) -> _Object:
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
        ("articles", _Array(_article(p, entity_pages) for p in site.articles)),
        ("people", _Array(_entity(e) for e in site.people)),
        ("places", _Array(_entity(e) for e in site.places)),
        ("organizations", _Array(_entity(e) for e in site.organizations)),
        ("topics", [
            {"slug": h.slug, "title": h.title, "description": h.description, "url": _url(h.path),
             "articles": [p.article.slug for p in h.articles]}
            for h in site.hubs
        ]),
        ("timeline", _Array(map(_timeline_entry_text, site.timeline, repeat(texts)), encoded=True)),
    ]
    return _Object(members)


def _events(analysis: Analysis) -> _Object:
    """``analysis.to_json()["timeline"]`` (``Timeline.to_json``), member by member, its
    long lists made item by item (tests/test_site_assembly.py checks the bytes against
    ``json.dumps``)."""
    timeline, texts = analysis.timeline, _Texts()
    return _Object((
        ("periods", _Array(map(_period_text, timeline.periods, repeat(texts)), encoded=True)),
        ("conflicts", _Array(c.to_json() for c in timeline.conflicts)),
        ("weekday_mismatches", _Array(a.ref_json() for a in timeline.weekday_mismatches)),
    ))


def _analysis(analysis: Analysis) -> _Object:
    """``analysis.to_json()`` but for its timeline, member by member (mirrors ``Analysis.to_json``)."""
    return _Object((
        ("quotes", _Array(s.to_json() for s in analysis.speakers)),
        ("shared_passages", _Array(p.to_json() for p in analysis.passages)),
        ("map", analysis.map.to_json() if analysis.map else None),
        ("route_map", analysis.route_map.to_json()["bounds"] if analysis.route_map else None),
        ("connections", _Object((
            ("entities", _Array(e.to_json() for e in analysis.connections.entities if e.connections)),
            ("graph", analysis.connections.graph.to_json()),
        ))),
        ("event", dict(analysis.event) if analysis.event else None),
    ))
