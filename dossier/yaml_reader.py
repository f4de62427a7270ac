"""Reading YAML the way Dossier reports problems: by node, with line and column, never crashing.

``site.yaml`` is read node by node (``NodeReader``) so every problem names the line and
column of the offending key, and is collected rather than raised, so the user sees all of
them at once.  Files are read as UTF-8 here too, with an error that says what the bytes
probably are when they are not.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import DossierError, Problem

_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


_KIND_NAMES: dict[Any, str] = {int: "a whole number", float: "a number", date: "a date like 2023-09-11"}

# One ``key: value`` line of the simplest front matter: a plain key, then a value that is a
# one-line quoted string (no escapes, no character YAML treats specially or refuses), a
# plain run of words, or a date.  Anything else is left to the full parser.
_QUOTABLE = r"[^\"'\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]*"
_SIMPLE_LINE = re.compile(
    r"([A-Za-z_][A-Za-z0-9_]*):[ ]+"
    rf"(?:\"({_QUOTABLE})\"|'({_QUOTABLE})'|(\w(?:[\w .,/()+'’-]*[\w.,/()+'’-])?))")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_STR_TAG = "tag:yaml.org,2002:str"


def compose_yaml(text: str) -> yaml.Node | None:
    """YAML text -> node tree, fast (libyaml when installed) with PyYAML's clearer messages.

    A site.yaml listing thousands of known entities takes seconds to scan in pure Python;
    libyaml does it in a fraction.  libyaml's error messages are vaguer ("found character
    that cannot start any token"), so on an error the text is parsed again by the pure
    Python loader, whose exception (naming the character) is the one the user sees.
    A document nested deeper than Python's recursion limit becomes a YAMLError too.
    """
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            if fast is yaml.SafeLoader:
                raise
            return yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise yaml.YAMLError("the document is nested too deeply") from None


def read_simple_mapping(text: str) -> list[tuple[str, int, str | date]] | None:
    """(key, 0-based line, value) of each field of a flat ``key: value`` document, or None.

    Front matter is parsed for every article of every build, and PyYAML's pure-Python
    loader made that the slowest part of loading (libyaml would not say what is wrong in
    PyYAML's words).  Nearly all front matter is a few one-line fields, which this reads
    with the values PyYAML would give them; every other document (comments, block
    scalars, escapes, numbers, repeated keys, anything odd) returns None, so the full
    parser reads it and reports its problems exactly as before.
    """
    fields: list[tuple[str, int, str | date]] = []
    seen: set[str] = set()
    resolver = yaml.resolver.Resolver()
    for index, line in enumerate(text.split("\n")):
        if not line:
            continue
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None or match.group(1) in seen:
            return None
        key, double, single, plain = match.groups()
        value: str | date
        if plain is None:
            value = double if single is None else single
        else:
            tag = resolver.resolve(yaml.ScalarNode, plain, (True, False))
            day = _ISO_DAY.fullmatch(plain)
            if tag == _STR_TAG:
                value = plain
            elif tag == "tag:yaml.org,2002:timestamp" and day:
                try:
                    value = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
                except ValueError:
                    return None  # the full parser names the impossible date
            else:
                return None
        seen.add(key)
        fields.append((key, index, value))
    return fields if fields else None


def construct_node(node: yaml.Node) -> Any:
    """Python value of one node with PyYAML's safe constructors (which may raise ValueError:
    ``2023-02-30`` looks like a date to the resolver and fails when built)."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


class NodeReader:
    """Collects problems while reading typed values out of YAML nodes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = column = None
        if node is not None:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(Problem(message, self.path, line, column))

    def mapping(self, node: yaml.Node, where: str, allowed: tuple[str, ...],
                required: tuple[str, ...] = ()) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Return key -> (key node, value node); report unknown and missing keys."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{where} must be a mapping of keys to values")
            return {}
        found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(key_node, f"{where}: keys must be plain names")
                continue
            if key not in allowed:
                near = difflib.get_close_matches(key, allowed, n=1)
                hint = f"; did you mean {near[0]!r}?" if near else f"; known keys: {', '.join(allowed)}"
                self.problem(key_node, f"{where}: unknown key {key!r}{hint}")
                continue
            if key in found:
                self.problem(key_node, f"{where}: key {key!r} is given twice")
            found[key] = (key_node, value_node)
        for key in required:
            if key not in found:
                self.problem(node, f"{where}: missing required key {key!r}")
        return found

    def scalar(self, node: yaml.Node, where: str, kind: Callable[[Any], Any] = str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{where} must be a single value, not a list or mapping")
            return None
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, f"{where}: the YAML tag {node.tag!r} is not allowed; write plain text or numbers")
            return None
        if kind is str:
            value = node.value
            if _SURROGATE.search(value):
                self.problem(node, f"{where} contains an escape that is not a character (a lone surrogate)")
                return None
            value = _CONTROLS.sub("", value)
            if value.strip() == "":
                self.problem(node, f"{where} must not be empty")
                return None
            return value
        try:
            value = construct_node(node)
            if kind is int and isinstance(value, bool):
                raise TypeError
            if kind is date:
                if isinstance(value, date):
                    return value
                return date.fromisoformat(str(value))
            return kind(value)
        except (TypeError, ValueError, OverflowError):
            self.problem(node, f"{where} must be {_KIND_NAMES.get(kind, getattr(kind, '__name__', kind))}, "
                               f"got {node.value!r}")
            return None

    def strings(self, node: yaml.Node, where: str) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node, where)
            return (value,) if value else ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{where} must be a list of strings")
            return ()
        out = []
        for item in node.value:
            value = self.scalar(item, f"{where} item")
            if value:
                out.append(value)
        return tuple(out)



def read_text_file(path: Path) -> str:
    """Read a UTF-8 file (BOM allowed, CRLF normalised) or fail with a located error.

    Text in another encoding is refused rather than guessed: a wrong guess would put
    mojibake into names, slugs and the search index without anyone noticing, while the
    error says exactly which byte and line to look at and what the file probably is.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DossierError.at(f"cannot read file: {exc.strerror or exc}", path) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DossierError.at("the file is saved as UTF-16; save it as UTF-8", path, 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("cp1252")
            hint = " (it looks like Windows-1252 or Latin-1 text)"
        except UnicodeDecodeError:
            pass
        raise DossierError.at(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}){hint}; save the file as UTF-8",
            path, line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
