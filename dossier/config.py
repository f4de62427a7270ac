"""site.yaml -> ``Config``: parsed once, validated at the edge, every problem at once.

We walk PyYAML's node tree rather than the plain dict so each problem can name the
line and column of the offending key; unknown keys are rejected with a suggestion for
near misses, because a silently ignored typo ("hub:" for "hubs:") is the worst kind of bug.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

import yaml

from .errors import DossierError, Problem, by_line, yaml_error_location
from .models import ENTITY_TYPES, EntityType, KnownEntity
from .urls import slugify
from .yaml_reader import NodeReader, compose_yaml, read_text_file

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Top-level names of the output folder that belong to the site itself: a page kind's folder
# must not be one of them, or its pages would mix with (or be replaced by) the bundle.
RESERVED_FOLDERS = frozenset({"assets", "pagefind"})


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
    quotes: str = "quotes"
    sources: str = "sources"
    map: str = "map"
    connections: str = "connections"
    page: str = "page"  # a long list's later pages: <list>/<page>/2/, <list>/<page>/3/ ...


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
    page_size: int = 50  # items of a long list per page (articles, sources, timeline entries...)
    feed_entries: int = 100  # the newest articles in the Atom feed

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


# ------------------------------------------------------------------ sections

_TOP_KEYS = ("title", "description", "language", "base_url", "hubs", "entities", "labels",
             "paths", "event", "summary_sentences", "page_size", "feed_entries")


def _read_hub(r: NodeReader, node: yaml.Node, index: int) -> HubConfig | None:
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


def _read_entity(r: NodeReader, node: yaml.Node, index: int) -> KnownEntity | None:
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


def _read_labels(r: NodeReader, node: yaml.Node) -> dict[str, str]:
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


def _read_paths(r: NodeReader, node: yaml.Node) -> PathNames:
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


def _read_event(r: NodeReader, node: yaml.Node) -> EventConfig | None:
    keys = r.mapping(node, "event", ("name", "start", "end", "location"), required=("name",))
    if "name" not in keys:
        return None
    name = r.scalar(keys["name"][1], "event.name")
    start = r.scalar(keys["start"][1], "event.start", date) if "start" in keys else None
    end = r.scalar(keys["end"][1], "event.end", date) if "end" in keys else None
    location = r.scalar(keys["location"][1], "event.location") if "location" in keys else None
    return EventConfig(name, start, end, location) if name else None


def _bounded_int(r: NodeReader, keys: Mapping[str, tuple[yaml.Node, yaml.Node]], name: str,
                 default: int, low: int, high: int) -> int:
    """An optional whole number between ``low`` and ``high``; out of range is a problem at its line."""
    if name not in keys:
        return default
    node = keys[name][1]
    value = r.scalar(node, name, int)
    if value is not None and not low <= value <= high:
        r.problem(node, f"{name} must be between {low} and {high}")
        return default
    return default if value is None else value


def parse_config(text: str, path: Path) -> Config:
    """Parse site.yaml text; raise one DossierError listing every problem found."""
    r = NodeReader(path)
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
    entities_by_index: dict[int, KnownEntity] = {}
    if "entities" in keys:
        node = keys["entities"][1]
        if isinstance(node, yaml.SequenceNode):
            pages: dict[tuple[str, str], tuple[int, yaml.Node]] = {}  # (type, page name) -> first entity
            for i, item in enumerate(node.value):
                entity = _read_entity(r, item, i)
                if not entity:
                    continue
                key = slugify(entity.name)
                if not re.search(r"[^\W_]", entity.name):
                    r.problem(item, f"entities[{i}].name {entity.name!r} needs letters or digits to name its page")
                elif (entity.type, key) in pages:
                    first, first_node = pages[(entity.type, key)]
                    r.problem(item, f"entities[{i}] {entity.name!r} would get the same page ({key}) as entities"
                                    f"[{first}] {entities_by_index[first].name!r} on line "
                                    f"{first_node.start_mark.line + 1}; merge them (aliases) or rename one")
                else:
                    pages[(entity.type, key)] = (i, item)
                entities_by_index[i] = entity
                entities.append(entity)
        else:
            r.problem(node, "entities must be a list of entities")

    labels: dict[str, str] = {}
    if "labels" in keys:
        labels.update(_read_labels(r, keys["labels"][1]))
    paths = _read_paths(r, keys["paths"][1]) if "paths" in keys else PathNames()
    event = _read_event(r, keys["event"][1]) if "event" in keys else None
    summary_sentences = _bounded_int(r, keys, "summary_sentences", 3, 1, 10)
    page_size = _bounded_int(r, keys, "page_size", 50, 1, 10000)
    feed_entries = _bounded_int(r, keys, "feed_entries", 100, 1, 100000)

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
        page_size=page_size,
        feed_entries=feed_entries,
    )


def load_config(site_dir: Path) -> Config:
    """Load and validate ``site_dir/site.yaml``."""
    path = site_dir / "site.yaml"
    if not path.is_file():
        raise DossierError.at("no site.yaml here; run Dossier in a site folder (site.yaml, content/, templates/)",
                              path)
    return parse_config(read_text_file(path), path)
