"""A ``MapView`` as inline SVG: land, the route as numbered arrows, each place a link.

Accessible by construction: ``role="img"`` with a <title> and a <desc> that spells out the
route in words, every place a text label inside its link (readable and focusable), and the
page keeps a plain list of the same places and stops next to it (the template's job, from
the same ``MapView``).  Colours are presentation attributes, so the drawing reads without
any stylesheet and the theme's CSS can still restyle it by class.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ..models import EntityPage
from .geo import MapPlace, MapView
from .svg import Box, esc, num, place_label

PLACE_FONT = 12.0
ORDINAL_FONT = 10.0
DOT = 4.0


def route_description(view: MapView) -> str:
    """The route in words, for <desc> and screen readers: "1. Pyongyang (2023-09-10) → 2. …"."""
    return " → ".join(f"{s.ordinal}. {s.place.name} ({s.date})" for s in view.route)


def _leg(x1: float, y1: float, x2: float, y2: float, shorten: float) -> str | None:
    """A gently curved path from one stop to the next, stopping short of the dots."""
    length = math.hypot(x2 - x1, y2 - y1)
    if length <= 2 * shorten:
        return None
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    sx, sy, ex, ey = x1 + ux * shorten, y1 + uy * shorten, x2 - ux * shorten, y2 - uy * shorten
    bend = min(length * 0.15, 40.0)  # to the right of the direction of travel: there and back stay apart
    cx, cy = (sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend
    return f"M{num(sx)},{num(sy)}Q{num(cx)},{num(cy)} {num(ex)},{num(ey)}"


def map_svg(view: MapView, href_for: Callable[[EntityPage], str], title: str, ident: str = "map") -> str:
    """The map as an SVG string; ``href_for`` makes each place's link (relative to the page),
    ``title`` is the theme's label, ``ident`` keeps ids unique when a page holds two maps."""
    width, height = view.width, view.height
    points = {p.entity.key: p for p in view.places}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dossier-map" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{esc(ident)}-title {esc(ident)}-desc">',
        f'<title id="{esc(ident)}-title">{esc(title)}</title>',
        f'<desc id="{esc(ident)}-desc">{esc(route_description(view) or ", ".join(p.entity.name for p in view.places))}'
        "</desc>",
        f'<defs><clipPath id="{esc(ident)}-clip"><rect width="{width}" height="{height}"/></clipPath>'
        f'<marker id="{esc(ident)}-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto"><path d="M0,0L10,5L0,10z" fill="#b3261e"/></marker></defs>',
        f'<g clip-path="url(#{esc(ident)}-clip)">',
        f'<rect class="map-sea" width="{width}" height="{height}" fill="#eef3f8"/>',
        f'<path class="map-land" d="{view.outline}" fill="#dcd8cc" stroke="#a9a394" stroke-width="0.6" '
        'stroke-linejoin="round"/>',
    ]
    legs = []
    for before, after in zip(view.route, view.route[1:], strict=False):
        a, b = points.get(before.place.key), points.get(after.place.key)
        if a and b:
            path = _leg(a.x, a.y, b.x, b.y, DOT + 3)
            if path:
                legs.append(f'<path d="{path}" marker-end="url(#{esc(ident)}-arrow)"><title>'
                            f'{before.ordinal} → {after.ordinal}</title></path>')
    if legs:
        out.append('<g class="map-route" fill="none" stroke="#b3261e" stroke-width="2" stroke-linecap="round">'
                   + "".join(legs) + "</g>")
    out.append(_places(view, href_for))
    out.append("</g></svg>")
    return "".join(out)


def _places(view: MapView, href_for: Callable[[EntityPage], str]) -> str:
    taken: list[Box] = [Box(p.x - DOT, p.y - DOT, p.x + DOT, p.y + DOT) for p in view.places]
    # Route stops and the most-covered places choose their label position first.
    order = sorted(view.places, key=lambda p: (not p.route, -p.entity.article_count, p.entity.name))
    drawn = [_place(place, href_for(place.entity), taken, view.width, view.height) for place in order]
    # Drawn in reverse: the route stops end on top of the places that share their point.
    return '<g class="map-places" font-family="sans-serif">' + "".join(reversed(drawn)) + "</g>"


def _place(place: MapPlace, href: str, taken: list[Box], width: int, height: int) -> str:
    """A place: dot and name inside its link.  A name with no free room is left out of the
    drawing (route stops always keep theirs); the link keeps it as its accessible name and
    tooltip, and the page's list shows every place anyway."""
    name = place.entity.name
    on_route = bool(place.route)
    label = place_label(place.x, place.y, name, PLACE_FONT, taken, width, height)
    parts = [f'<a href="{esc(href)}" aria-label="{esc(name)}" class="map-place{" map-stop" if on_route else ""}">',
             f"<title>{esc(name)}</title>",
             f'<circle cx="{num(place.x)}" cy="{num(place.y)}" r="{num(DOT + (1 if on_route else 0))}" '
             f'fill="{"#b3261e" if on_route else "#1f4e79"}" stroke="#fff" stroke-width="1.2"/>']
    if label.free or on_route:
        parts.append(f'<text x="{num(label.x)}" y="{num(label.y)}" text-anchor="{label.anchor}" '
                     f'font-size="{num(PLACE_FONT)}" fill="#1b1b1b" stroke="#fff" stroke-width="3" '
                     f'style="paint-order:stroke">{esc(name)}</text>')
    # The ordinals stand beside the link, not in it: a link's visible text must be part of its
    # name (WCAG 2.5.3, axe label-content-name-mismatch), and <desc> tells the route in words.
    parts.append("</a>")
    if on_route:
        ordinals = ", ".join(str(n) for n in place.route)
        badge = place_label(place.x, place.y - 2, ordinals, ORDINAL_FONT, taken, width, height, gap=DOT + 4)
        parts.append(f'<text class="map-ordinal" x="{num(badge.x)}" y="{num(badge.y)}" '
                     f'text-anchor="{badge.anchor}" font-size="{num(ORDINAL_FONT)}" font-weight="bold" '
                     f'fill="#b3261e" stroke="#fff" stroke-width="3" style="paint-order:stroke">{esc(ordinals)}</text>')
    return "".join(parts)
