"""schema.org ``Event`` for the event the dossier follows (``site.yaml`` ``event:``).

The theme already describes articles, people and places; the event itself is what ties them
together, and search engines and knowledge tools read it from JSON-LD.  The location is
resolved like a map place: site.yaml entity (name or alias) first for coordinates and
Wikidata, then the shipped gazetteer for coordinates.
"""

from __future__ import annotations

from typing import Any

from ..config import Config
from ..text import fold
from .geo import MapData


def event_jsonld(config: Config, data: MapData | None = None) -> dict[str, Any] | None:
    """The JSON-LD ``Event`` of ``config.event``, or None when site.yaml describes no event."""
    event = config.event
    if event is None:
        return None
    result: dict[str, Any] = {"@context": "https://schema.org", "@type": "Event", "name": event.name}
    if config.description:
        result["description"] = config.description
    if event.start:
        result["startDate"] = event.start.isoformat()
    if event.end:
        result["endDate"] = event.end.isoformat()
    result["url"] = config.base_url
    if event.location:
        result["location"] = _place(config, event.location, data)
    return result


def _place(config: Config, name: str, data: MapData | None) -> dict[str, Any]:
    place: dict[str, Any] = {"@type": "Place", "name": name}
    wanted = fold(name)
    known = next((k for k in config.entities if k.type == "place"
                  and wanted in {fold(n) for n in (k.name, *k.aliases)}), None)
    coordinates = known.coordinates if known and known.coordinates else None
    if coordinates is None and data is not None:
        coordinates = data.coordinates.get(wanted)
    if coordinates:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": coordinates[0], "longitude": coordinates[1]}
    if known and known.wikidata:
        place["sameAs"] = f"https://www.wikidata.org/wiki/{known.wikidata}"
    if known and known.description:
        place["description"] = known.description
    return place
