"""JSON written as ``json.dumps`` would, byte for byte, a long list at a time, and cut into files.

The open data of a 10,000-article dossier is some 300 MB of JSON: made as one tree of dicts
and one string, it took ~1.5 GB.  Here a file is a ``JsonObject`` whose long lists are
``JsonArray``s, their items made as they are written (``write``); with a size limit,
``files`` cuts a list where its file would pass it, and the list continues in files of its
own, so that no file outgrows what a static host serves.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any, BinaryIO

__all__ = ["JsonArray", "JsonObject", "encode", "encode_str", "files", "text_of", "write", "written"]

_CONTINUED_ROOM = 4096  # bytes kept for the member naming the continuations (~40 a file)

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
PIECE_CHARS = 1 << 20  # a list's items are written out in UTF-8 about this many characters at a time


def encode(value: Any) -> str:
    """``_ENCODER.encode(value)``."""
    return "".join(_C_ENCODER(value, 0)) if _C_ENCODER is not None else _ENCODER.encode(value)


encode_str = json.encoder.encode_basestring  # what the encoder writes for a str (``ensure_ascii=False``)


def text_of(value: Any) -> str:
    """``encode(value)``, at once for a string (nearly every value written by the timeline's makers)."""
    return encode_str(value) if type(value) is str else encode(value)


class JsonArray:
    """A JSON array written one item at a time: its items are made as they are written.

    ``encoded``: the items are JSON text already (the timeline's entries are most of the
    file: tens of thousands of small objects that repeat their keys and often their
    sentence; written with f-strings, their keys are not escaped again for every entry and
    no dict is made for each, only to be encoded)."""

    def __init__(self, items: Iterable[Any], encoded: bool = False) -> None:
        self.items = items
        self.encoded = encoded


class JsonObject:
    """A JSON object written one member at a time (values may be JsonArray or JsonObject)."""

    def __init__(self, members: Iterable[tuple[str, Any]]) -> None:
        self.members = members


def write(value: Any, out: BinaryIO) -> None:
    """Write ``value`` as ``json.dumps`` would, byte for byte, holding one small piece at a time.

    At 10,000 articles the file is 300 MB; made as one tree of dicts, one string (two bytes
    a character, as it holds typographic quotes), that string plus "\n" and its UTF-8 bytes,
    it took ~1.5 GB on top of the site, in the render worker that writes it.
    """
    if isinstance(value, JsonArray):
        write_array(value.items, value.encoded, out)
    elif isinstance(value, JsonObject):
        out.write(b"{")
        first = True
        for key, member in value.members:
            name = encode(key).encode("utf-8") + b":"
            out.write(name if first else b"," + name)
            first = False
            write(member, out)
        out.write(b"}")
    else:
        out.write(encode(value).encode("utf-8"))


def write_array(items: Iterable[Any], encoded: bool, out: BinaryIO, limit: int | None = None,
                 one_at_least: bool = False) -> Iterator[Any] | None:
    """An array, its items joined as text and written as one UTF-8 piece per ~PIECE_CHARS
    characters (one encoding and one write per piece, not per item); ``encoded``: the items
    are JSON text already.  A nested JsonArray or JsonObject is written in its turn.

    With a ``limit``, the array is closed before the item that would take ``out`` past that
    many bytes (``one_at_least``: but for its first item, written whatever its size), and
    the items not written are returned (None when all were)."""
    pieces = ["["]
    size = 0
    first = True
    items = iter(items)
    for item in items:
        if not encoded and isinstance(item, (JsonArray, JsonObject)):
            if not first:
                pieces.append(",")
            first = False
            out.write("".join(pieces).encode("utf-8"))
            pieces, size = [], 0
            write(item, out)
            continue
        text = item if encoded else encode(item)
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
        if size >= PIECE_CHARS:
            out.write("".join(pieces).encode("utf-8"))
            pieces, size = [], 0
    pieces.append("]")
    out.write("".join(pieces).encode("utf-8"))
    return None


def files(value: JsonObject, name: str, limit: int | None, url: Callable[[str], str]) -> list[tuple[str, bytes]]:
    """``value`` written as the file ``name``, and with a ``limit``, no file over that many
    bytes (but for a single item larger than it): a long list is cut where the file would
    pass the limit, and continues in files of its own, ``<name>-<member>-2.json`` and on (each
    an array of the items that follow), which the file's last member ``continued`` names by
    ``url(path)``.

    The members that are not long lists (a map, the connections) are written first, aside,
    so that the lists before them leave them room."""
    if limit is None:
        return [(name, written(value))]
    stem = name.removesuffix(".json")
    members = list(value.members)
    aside: dict[str, bytes] = {}
    for key, member in members:
        if not isinstance(member, JsonArray):
            piece = io.BytesIO()
            write(member, piece)
            aside[key] = piece.getvalue()
    room = sum(map(len, aside.values())) + _CONTINUED_ROOM  # what the members still to come need
    out = io.BytesIO()
    more: list[tuple[str, bytes]] = []
    continued: dict[str, list[str]] = {}
    out.write(b"{")
    for n, (key, member) in enumerate(members):
        out.write((b"," if n else b"") + encode(key).encode("utf-8") + b":")
        if key in aside:
            out.write(aside[key])
            room -= len(aside[key])
            continue
        rest = write_array(member.items, member.encoded, out, limit - room)
        part = 2
        while rest is not None:
            piece = io.BytesIO()
            rest = write_array(rest, member.encoded, piece, limit - 1, one_at_least=True)
            piece.write(b"\n")
            path = f"{stem}-{key}-{part}.json"
            more.append((path, piece.getvalue()))
            continued.setdefault(key, []).append(url(path))
            part += 1
    if continued:
        out.write(b',"continued":' + encode(continued).encode("utf-8"))
    out.write(b"}\n")
    return [(name, out.getvalue()), *more]


def written(value: Any) -> bytes:
    # BytesIO hands its buffer over without a copy: the file exists once, as the bytes returned.
    out = io.BytesIO()
    write(value, out)
    out.write(b"\n")
    return out.getvalue()
