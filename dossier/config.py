"""site.yaml -> ``Config``: parsed once, validated at the edge, every problem at once.

We walk PyYAML's node tree rather than the plain dict so each problem can name the
line and column of the offending key; unknown keys are rejected with a suggestion for
near misses, because a silently ignored typo ("hub:" for "hubs:") is the worst kind of bug.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .errors import DossierError, Problem, by_line, yaml_error_location
from .models import ENTITY_TYPES, EntityType, KnownEntity

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Top-level names of the output folder that belong to the site itself: a page kind's folder
# must not be one of them, or its pages would mix with (or be replaced by) the bundle.
RESERVED_FOLDERS = frozenset({"assets", "pagefind"})
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class HubConfig:
    """A topic hub: an article belongs to it when it matches at least ``min_matches`` rules."""

    slug: str
    title: str
    description: str = ""
    keywords: tuple[str, ...] = ()  # case-insensitive phrases searched in title and text
    entities: tuple[str, ...] = ()  # canonical names of entities (any alias counts)
    min_matches: int = 1


@dataclass(frozen=True)
class PathNames:
    """Folder names of the page kinds; part of the site's language, so configurable."""

    articles: str = "articles"
    topics: str = "topics"
    people: str = "people"
    places: str = "places"
    organizations: str = "organizations"
    search: str = "search"
    timeline: str = "timeline"


@dataclass(frozen=True)
class EventConfig:
    """The event the dossier follows, for the home page and JSON-LD ``Event``."""

    name: str
    start: date | None = None
    end: date | None = None
    location: str | None = None


@dataclass(frozen=True)
class Config:
    root: Path
    title: str
    description: str
    language: str
    base_url: str
    hubs: tuple[HubConfig, ...]
    entities: tuple[KnownEntity, ...]
    labels: Mapping[str, str]
    paths: PathNames = field(default_factory=PathNames)
    event: EventConfig | None = None
    summary_sentences: int = 3

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def output_dir(self) -> Path:
        return self.root / "output"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".dossier-cache"


# ------------------------------------------------------------------ node helpers

_KIND_NAMES: dict[Any, str] = {int: "a whole number", float: "a number", date: "a date like 2023-09-11"}


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


def construct_node(node: yaml.Node) -> Any:
    """Python value of one node with PyYAML's safe constructors (which may raise ValueError:
    ``2023-02-30`` looks like a date to the resolver and fails when built)."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


class _Reader:
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


# ------------------------------------------------------------------ sections

_TOP_KEYS = ("title", "description", "language", "base_url", "hubs", "entities", "labels",
             "paths", "event", "summary_sentences")


def _read_hub(r: _Reader, node: yaml.Node, index: int) -> HubConfig | None:
    where = f"hubs[{index}]"
    keys = r.mapping(node, where, ("slug", "title", "description", "keywords", "entities",
                                   "min_matches"), required=("slug", "title"))
    if "slug" not in keys or "title" not in keys:
        return None
    slug = r.scalar(keys["slug"][1], f"{where}.slug")
    if slug and not SLUG_RE.match(slug):
        r.problem(keys["slug"][1], f"{where}.slug {slug!r} must be lowercase letters, digits and hyphens")
        slug = None
    title = r.scalar(keys["title"][1], f"{where}.title")
    description = r.scalar(keys["description"][1], f"{where}.description") if "description" in keys else ""
    keywords = r.strings(keys["keywords"][1], f"{where}.keywords") if "keywords" in keys else ()
    entities = r.strings(keys["entities"][1], f"{where}.entities") if "entities" in keys else ()
    min_matches = r.scalar(keys["min_matches"][1], f"{where}.min_matches", int) if "min_matches" in keys else 1
    if not keywords and not entities:
        r.problem(node, f"{where}: give at least one of 'keywords' or 'entities' to match articles")
    if not (slug and title and min_matches is not None):
        return None
    return HubConfig(slug, title, description or "", keywords, entities, max(1, min_matches))


def _read_entity(r: _Reader, node: yaml.Node, index: int) -> KnownEntity | None:
    where = f"entities[{index}]"
    keys = r.mapping(node, where, ("name", "type", "aliases", "wikidata", "coordinates",
                                   "description"), required=("name", "type"))
    if "name" not in keys or "type" not in keys:
        return None
    name = r.scalar(keys["name"][1], f"{where}.name")
    kind = r.scalar(keys["type"][1], f"{where}.type")
    if kind and kind not in ENTITY_TYPES:
        r.problem(keys["type"][1], f"{where}.type must be one of {', '.join(ENTITY_TYPES)}, got {kind!r}")
        kind = None
    aliases = r.strings(keys["aliases"][1], f"{where}.aliases") if "aliases" in keys else ()
    wikidata = None
    if "wikidata" in keys:
        wikidata = r.scalar(keys["wikidata"][1], f"{where}.wikidata")
        if wikidata and not re.fullmatch(r"Q[0-9]+", wikidata):
            r.problem(keys["wikidata"][1], f"{where}.wikidata must look like Q123, got {wikidata!r}")
            wikidata = None
    coordinates = None
    if "coordinates" in keys:
        cnode = keys["coordinates"][1]
        if isinstance(cnode, yaml.SequenceNode) and len(cnode.value) == 2:
            lat = r.scalar(cnode.value[0], f"{where}.coordinates latitude", float)
            lon = r.scalar(cnode.value[1], f"{where}.coordinates longitude", float)
            if lat is not None and lon is not None:
                if -90 <= lat <= 90 and -180 <= lon <= 180:
                    coordinates = (lat, lon)
                else:
                    r.problem(cnode, f"{where}.coordinates out of range: [{lat}, {lon}]")
        else:
            r.problem(cnode, f"{where}.coordinates must be [latitude, longitude]")
    description = r.scalar(keys["description"][1], f"{where}.description") if "description" in keys else None
    if not (name and kind):
        return None
    entity_type: EntityType = kind  # type: ignore[assignment]
    return KnownEntity(name, entity_type, aliases, wikidata, coordinates, description)


def _read_labels(r: _Reader, node: yaml.Node) -> dict[str, str]:
    if not isinstance(node, yaml.MappingNode):
        r.problem(node, "labels must be a mapping of label names to text")
        return {}
    labels = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            r.problem(key_node, "labels: keys must be plain label names")
            continue
        value = r.scalar(value_node, f"labels.{key_node.value}")
        if value is not None:
            labels[str(key_node.value)] = value
    return labels


def _read_paths(r: _Reader, node: yaml.Node) -> PathNames:
    allowed = tuple(PathNames.__dataclass_fields__)
    keys = r.mapping(node, "paths", allowed)
    values = {}
    for name, (_, value_node) in keys.items():
        value = r.scalar(value_node, f"paths.{name}")
        if value and not SLUG_RE.match(value):
            r.problem(value_node, f"paths.{name} {value!r} must be lowercase letters, digits and hyphens")
        elif value in RESERVED_FOLDERS:
            r.problem(value_node, f"paths.{name} {value!r} is a folder the site itself uses "
                                  f"({', '.join(sorted(RESERVED_FOLDERS))}); choose another name")
        elif value:
            values[name] = value
    names = PathNames(**values)
    seen = [getattr(names, n) for n in allowed]
    if len(set(seen)) != len(seen):
        r.problem(node, "paths: every page kind needs its own folder name")
    return names


def _read_event(r: _Reader, node: yaml.Node) -> EventConfig | None:
    keys = r.mapping(node, "event", ("name", "start", "end", "location"), required=("name",))
    if "name" not in keys:
        return None
    name = r.scalar(keys["name"][1], "event.name")
    start = r.scalar(keys["start"][1], "event.start", date) if "start" in keys else None
    end = r.scalar(keys["end"][1], "event.end", date) if "end" in keys else None
    location = r.scalar(keys["location"][1], "event.location") if "location" in keys else None
    return EventConfig(name, start, end, location) if name else None


def parse_config(text: str, path: Path) -> Config:
    """Parse site.yaml text; raise one DossierError listing every problem found."""
    r = _Reader(path)
    try:
        root = compose_yaml(text)
    except yaml.YAMLError as exc:
        reason, line, column = yaml_error_location(exc)
        raise DossierError(Problem(f"YAML syntax error: {reason}", path, line or 1, column)) from None
    if root is None:
        raise DossierError.at("site.yaml is empty; it needs at least 'title' and 'hubs'", path, 1)
    keys = r.mapping(root, "site.yaml", _TOP_KEYS, required=("title", "language", "base_url"))
    title = r.scalar(keys["title"][1], "title") if "title" in keys else None
    description = r.scalar(keys["description"][1], "description") if "description" in keys else ""
    language = r.scalar(keys["language"][1], "language") if "language" in keys else None
    if language and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", language):
        r.problem(keys["language"][1], f"language must be a language code such as 'id' or 'en', got {language!r}")
    base_url = r.scalar(keys["base_url"][1], "base_url") if "base_url" in keys else None
    if base_url and not re.match(r"^https?://[^/\s]+", base_url):
        r.problem(keys["base_url"][1], f"base_url must be an absolute http(s) URL, got {base_url!r}")
    elif base_url and not base_url.endswith("/"):
        base_url += "/"

    hubs: list[HubConfig] = []
    if "hubs" in keys:
        node = keys["hubs"][1]
        if isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                hub = _read_hub(r, item, i)
                if hub and any(h.slug == hub.slug for h in hubs):
                    r.problem(item, f"hubs[{i}]: slug {hub.slug!r} is used by another hub")
                elif hub:
                    hubs.append(hub)
        else:
            r.problem(node, "hubs must be a list of hubs")

    entities: list[KnownEntity] = []
    if "entities" in keys:
        node = keys["entities"][1]
        if isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                entity = _read_entity(r, item, i)
                if entity:
                    entities.append(entity)
        else:
            r.problem(node, "entities must be a list of entities")

    labels: dict[str, str] = {}
    if "labels" in keys:
        labels.update(_read_labels(r, keys["labels"][1]))
    paths = _read_paths(r, keys["paths"][1]) if "paths" in keys else PathNames()
    event = _read_event(r, keys["event"][1]) if "event" in keys else None
    summary_sentences = 3
    if "summary_sentences" in keys:
        value = r.scalar(keys["summary_sentences"][1], "summary_sentences", int)
        if value is not None and not 1 <= value <= 10:
            r.problem(keys["summary_sentences"][1], "summary_sentences must be between 1 and 10")
        elif value is not None:
            summary_sentences = value

    if r.problems:
        raise DossierError(by_line(r.problems))
    assert title and language and base_url
    return Config(
        root=path.parent,
        title=title,
        description=description or "",
        language=language,
        base_url=base_url,
        hubs=tuple(hubs),
        entities=tuple(entities),
        labels=MappingProxyType(labels),
        paths=paths,
        event=event,
        summary_sentences=summary_sentences,
    )


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


def load_config(site_dir: Path) -> Config:
    """Load and validate ``site_dir/site.yaml``."""
    path = site_dir / "site.yaml"
    if not path.is_file():
        raise DossierError.at("no site.yaml here; run Dossier in a site folder (site.yaml, content/, templates/)",
                              path)
    return parse_config(read_text_file(path), path)
