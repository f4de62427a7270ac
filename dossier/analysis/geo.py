"""The dossier's places on a map, and the route of the event, drawn offline at build time.

Coordinates come from site.yaml first (the user knows best), then from ``map_places.tsv``
(countries and cities of the extractor's gazetteer; see ``dossier/data/MAP-LICENSE.md``).
The outline is Natural Earth 1:110m, shipped as a compact text file; no tile server, no
JavaScript.  The projection is equirectangular with the horizontal scale shrunk by the
cosine of the middle latitude, fitted to the places with a margin: simple, exact to
reproduce, and honest at the scale of a region.

The route is read from the timeline, not configured: the specific places (finer than a
country) named in dated sentences about movement or meeting, ordered by date.  A sentence
that says where without naming it ("tiba di tujuan", "ke sana") takes the first specific
place of the nearest earlier sentence that names one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any, Literal

from ..models import EntityPage, KnownEntity
from ..text import fold
from .common import ArticleIndex, tokens
from .timeline import Attestation, Timeline
from .verbs import VERB_FAMILIES

WIDTH = 720  # SVG user units; the page scales the drawing
MIN_HEIGHT, MAX_HEIGHT = 260, 620
MARGIN = 0.15  # share of the places' span added on every side
MIN_STEP = 1.5  # SVG units: closer outline points add bytes, not detail
MIN_SPAN = 6.0  # degrees: a map of one city still shows its surroundings
ROUTE_WINDOW = timedelta(days=7)  # route dates this close to the configured event, when there is one
MAX_ROUTE_STOPS = 24  # more stops than this are many stories' places, not one journey: no route
ROUTE_KINDS = frozenset(k for k in VERB_FAMILIES if k != "report")
ROUTE_WORDS = frozenset(w for kind in ROUTE_KINDS for w in VERB_FAMILIES[kind])
# Words that point back to a place named before: "tiba di tujuan", "pergi ke sana".
PLACE_ANAPHORA = frozenset({"tujuan", "sana", "situ", "destination", "there"})
Source = Literal["site.yaml", "gazetteer"]


@dataclass(frozen=True)
class Ring:
    """One closed outline in degrees (lon may pass 180 for rings crossing the antimeridian)."""

    points: tuple[tuple[float, float], ...]  # (lon, lat)
    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True)
class MapData:
    """The shipped map data, loaded once per build by ``load_map_data`` and passed around."""

    rings: tuple[Ring, ...]
    coordinates: Mapping[str, tuple[float, float]]  # folded place name -> (lat, lon)


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    scale_x: float  # SVG units per degree of longitude
    scale_y: float
    width: int
    height: int

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return (round((lon - self.west) * self.scale_x, 1), round((self.north - lat) * self.scale_y, 1))

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) in degrees."""
        return (self.west, self.north - self.height / self.scale_y, self.west + self.width / self.scale_x,
                self.north)


@dataclass(frozen=True)
class MapPlace:
    entity: EntityPage
    lat: float
    lon: float
    x: float
    y: float
    source: Source
    route: tuple[int, ...] = ()  # ordinals of the route stops at this place

    def to_json(self) -> dict[str, Any]:
        return {"key": self.entity.key, "name": self.entity.name, "coordinates": [self.lat, self.lon],
                "source": self.source, "route": list(self.route)}


@dataclass(frozen=True)
class RouteStop:
    ordinal: int
    place: EntityPage
    date: str
    attestations: tuple[Attestation, ...]  # the dated sentences that put the event there

    def to_json(self) -> dict[str, Any]:
        return {"ordinal": self.ordinal, "place": self.place.key, "name": self.place.name, "date": self.date,
                "attestations": [a.ref_json() for a in self.attestations]}


@dataclass(frozen=True)
class MapView:
    """One map: what is drawn, where, and what could not be placed (for the list fallback)."""

    projection: Projection
    outline: str  # SVG path data of the land in view
    places: tuple[MapPlace, ...]  # drawn, most-covered first
    unplaced: tuple[EntityPage, ...]  # places of the dossier without coordinates
    route: tuple[RouteStop, ...]

    @property
    def width(self) -> int:
        return self.projection.width

    @property
    def height(self) -> int:
        return self.projection.height

    def to_json(self) -> dict[str, Any]:
        west, south, east, north = self.projection.bounds
        return {"bounds": [round(west, 3), round(south, 3), round(east, 3), round(north, 3)],
                "places": [p.to_json() for p in self.places],
                "unplaced": [e.key for e in self.unplaced],
                "route": [s.to_json() for s in self.route]}


# ------------------------------------------------------------------ data


def load_map_data() -> MapData:
    """Parse the shipped outline and coordinate files (a few milliseconds)."""
    folder = resources.files("dossier.data")
    rings = []
    for line in folder.joinpath("world_110m.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        encoded = line.split("\t")[2]
        x = y = 0
        points = []
        for pair in encoded.split(" "):
            dx, dy = pair.split(",")
            x, y = x + int(dx), y + int(dy)
            points.append((x / 10, y / 10))
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        rings.append(Ring(tuple(points), min(lons), min(lats), max(lons), max(lats)))
    coordinates: dict[str, tuple[float, float]] = {}
    for line in folder.joinpath("map_places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, lat, lon = line.split("\t")
            coordinates.setdefault(fold(name), (float(lat), float(lon)))
    return MapData(tuple(rings), coordinates)


def coordinates_of(entity: EntityPage, data: MapData) -> tuple[float, float, Source] | None:
    """Where a place is: site.yaml coordinates, else the shipped gazetteer by name or alias."""
    known: KnownEntity | None = entity.known
    if known and known.coordinates:
        return known.coordinates[0], known.coordinates[1], "site.yaml"
    for name in (entity.name, *(known.aliases if known else ())):
        found = data.coordinates.get(fold(name))
        if found:
            return found[0], found[1], "gazetteer"
    return None


# ------------------------------------------------------------------ projection


def fit(points: Sequence[tuple[float, float]], width: int = WIDTH) -> Projection:
    """A projection showing every (lat, lon) point with a margin, within the height limits."""
    lats = [lat for lat, _ in points] or [0.0]
    lons = [lon for _, lon in points] or [0.0]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    span_x, span_y = max(east - west, MIN_SPAN), max(north - south, MIN_SPAN)
    center_x, center_y = (west + east) / 2, (south + north) / 2
    span_x, span_y = span_x * (1 + 2 * MARGIN), span_y * (1 + 2 * MARGIN)
    cos_lat = max(math.cos(math.radians(center_y)), 0.2)
    scale_x = width / span_x
    scale_y = scale_x / cos_lat
    height = span_y * scale_y
    if height > MAX_HEIGHT:  # tall: widen the longitudes instead
        scale_y = MAX_HEIGHT / span_y
        scale_x = scale_y * cos_lat
        height = MAX_HEIGHT
    height = max(MIN_HEIGHT, round(height))
    north = min(90.0, center_y + height / scale_y / 2)
    return Projection(center_x - width / scale_x / 2, north, scale_x, scale_y, width, int(height))


def outline_path(rings: Sequence[Ring], projection: Projection) -> str:
    """SVG path data of the rings in view (each drawn again 360 degrees away if that is in view)."""
    west, south, east, north = projection.bounds
    parts = []
    for ring in rings:
        for shift in (-360.0, 0.0, 360.0):
            if ring.east + shift < west or ring.west + shift > east or ring.north < south or ring.south > north:
                continue
            drawn: list[tuple[float, float]] = []
            for lon, lat in ring.points:
                x, y = projection.project(lon + shift, lat)
                if not drawn or abs(x - drawn[-1][0]) + abs(y - drawn[-1][1]) >= MIN_STEP:
                    drawn.append((x, y))
            if len(drawn) >= 3:  # relative moves after the first point: a third fewer bytes
                steps = [f"{_n(x - px)},{_n(y - py)}" for (px, py), (x, y) in zip(drawn, drawn[1:], strict=False)]
                parts.append(f"M{_n(drawn[0][0])},{_n(drawn[0][1])}l" + " ".join(steps) + "z")
    return "".join(parts)


def _n(value: float) -> str:
    text = f"{round(value, 1):g}"
    return "0" if text == "-0" else text


# ------------------------------------------------------------------ route


def _specific_places(index: ArticleIndex, start: int, end: int, placed: Mapping[str, EntityPage],
                     countries: frozenset[str]) -> list[EntityPage]:
    named = index.named_in(start, end, ("place",))
    return [placed[n.entity.key] for n in named
            if n.entity.key in placed and fold(n.entity.name) not in countries]


def _stop_places(index: ArticleIndex, sentence_start: int, words: set[str], placed: Mapping[str, EntityPage],
                 countries: frozenset[str]) -> list[EntityPage]:
    """``words``: the sentence's ``tokens``, which name a movement or a meeting."""
    sentences = index.sentences
    number = index.sentence_of(sentence_start)
    if number is None:
        return []
    sentence = sentences[number]
    places = _specific_places(index, sentence.start, sentence.end, placed, countries)
    if places or not words & PLACE_ANAPHORA:
        return places
    for earlier in reversed(sentences[:number]):
        places = _specific_places(index, earlier.start, earlier.end, placed, countries)
        if places:
            return places[:1]
    return []


def derive_route(timeline: Timeline, placed: Mapping[str, EntityPage], countries: frozenset[str],
                 window: tuple[date, date] | None = None,
                 indexes: Mapping[str, ArticleIndex] | None = None) -> tuple[RouteStop, ...]:
    """Stops of the event in date order; a place repeated on consecutive stops is one stop.

    ``window``: the event's dates from site.yaml; only days within ``ROUTE_WINDOW`` of it
    count.  No route (an empty one) when the stops are more than ``MAX_ROUTE_STOPS``.
    """
    stops: list[tuple[EntityPage, str, list[Attestation]]] = []
    conflicts_placed: set[tuple[str, str]] = set()  # a disputed happening puts its place on the route once
    # ``indexes``: articles' indexes made already (by the claims), by slug; others are made here
    made: dict[str, ArticleIndex] = dict(indexes) if indexes else {}
    places_of: dict[tuple[str, int], list[EntityPage]] = {}
    for period in timeline.periods:
        if period.precision != "day":
            continue
        day = date.fromisoformat(period.key)
        if window and not window[0] - ROUTE_WINDOW <= day <= window[1] + ROUTE_WINDOW:
            continue
        attestations = sorted(((a, e.conflict) for e in period.events for a in e.attestations),
                              key=lambda ac: (ac[0].article.article.published or date.min,
                                              ac[0].article.article.slug, ac[0].date_start))
        for attestation, conflict in attestations:
            # the places of a sentence, worked out once however many of its dates are on the route
            key = (attestation.article.article.slug, attestation.sentence_start)
            if key not in places_of:
                # The attestation's sentence is the one its sentence_start falls in; most
                # name no movement or meeting, and need no index of their article.
                words = set(tokens(attestation.sentence))
                if ROUTE_WORDS.isdisjoint(words):
                    places_of[key] = []
                else:
                    page = attestation.article
                    index = made.get(page.article.slug) or made.setdefault(page.article.slug, ArticleIndex(page))
                    places_of[key] = _stop_places(index, attestation.sentence_start, words, placed, countries)
            for place in places_of[key]:
                if conflict:
                    if (conflict, place.key) in conflicts_placed:
                        continue
                    conflicts_placed.add((conflict, place.key))
                if stops and stops[-1][0].key == place.key:
                    if attestation not in stops[-1][2]:
                        stops[-1][2].append(attestation)
                    continue
                stops.append((place, period.key, [attestation]))
    if len(stops) > MAX_ROUTE_STOPS:
        return ()
    return tuple(RouteStop(n, place, day, tuple(atts)) for n, (place, day, atts) in enumerate(stops, start=1))


# ------------------------------------------------------------------ the views


def _placed(places: Sequence[EntityPage], data: MapData) -> dict[str, tuple[EntityPage, float, float, Source]]:
    found = {}
    for entity in places:
        where = coordinates_of(entity, data)
        if where:
            found[entity.key] = (entity, where[0], where[1], where[2])
    return found


def _view(placed: Mapping[str, tuple[EntityPage, float, float, Source]], keys: Sequence[str],
          route: tuple[RouteStop, ...], all_places: Sequence[EntityPage], data: MapData) -> MapView:
    projection = fit([(placed[k][1], placed[k][2]) for k in keys])
    west, south, east, north = projection.bounds
    ordinals: dict[str, list[int]] = {}
    for stop in route:
        ordinals.setdefault(stop.place.key, []).append(stop.ordinal)
    drawn = []
    for entity in all_places:
        if entity.key not in placed:
            continue
        _, lat, lon, source = placed[entity.key]
        if not (west <= lon <= east and south <= lat <= north):
            continue
        x, y = projection.project(lon, lat)
        drawn.append(MapPlace(entity, lat, lon, x, y, source, tuple(ordinals.get(entity.key, ()))))
    unplaced = tuple(e for e in all_places if e.key not in placed)
    return MapView(projection, outline_path(data.rings, projection), tuple(drawn), unplaced, route)


def build_maps(places: Sequence[EntityPage], timeline: Timeline, countries: frozenset[str], data: MapData,
               window: tuple[date, date] | None = None,
               indexes: Mapping[str, ArticleIndex] | None = None) -> tuple[MapView | None, MapView | None]:
    """The overview map (every place with coordinates; None when no place has any) and the
    route map (None when the route has fewer than two places)."""
    placed = _placed(places, data)
    if not placed:
        return None, None
    route = derive_route(timeline, {k: v[0] for k, v in placed.items()}, countries, window, indexes)
    overview = _view(placed, [e.key for e in places if e.key in placed], route, places, data)
    if len({s.place.key for s in route}) < 2:
        return overview, None
    return overview, _view(placed, [s.place.key for s in route], route, places, data)

