"""Connections: who and what is named together, and an overview graph laid out at build time.

Two entities are connected each time one sentence names both (a sentence is the unit in
which a text actually relates two names; an article names dozens of things that never meet).
Every person, place and organisation gets its strongest connections; the overview graph
keeps the most-covered entities and, to stay readable, only each one's strongest edges.

The layout is a force-directed one (Fruchterman–Reingold) started from a circle ordered by
type and rank and run for a fixed number of steps with no randomness, so the same dossier
gives the same drawing byte for byte.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from types import MappingProxyType
from typing import Any

from ..models import EntityPage, Site
from .svg import Box, esc, num, place_label

TOP_CONNECTIONS = 8  # per entity page
GRAPH_NODES = 24
EDGES_PER_NODE = 3  # each node keeps its strongest edges; an edge stays if either end keeps it
WIDTH, HEIGHT = 720, 520
ITERATIONS = 300
TYPE_COLOURS: Mapping[str, str] = MappingProxyType(
    {"person": "#1f4e79", "place": "#2e7d32", "organization": "#8e5b00"})

Ident = tuple[str, str]  # (type, key)
Pair = tuple[Ident, Ident]  # two entities named together, the smaller first


@dataclass(frozen=True)
class Connection:
    entity: EntityPage
    sentences: int  # sentences naming both
    articles: int  # articles with at least one such sentence

    def to_json(self) -> dict[str, Any]:
        return {"type": self.entity.type, "key": self.entity.key, "sentences": self.sentences,
                "articles": self.articles}  # the name is in the entity lists of dossier.json


@dataclass(frozen=True)
class EntityConnections:
    entity: EntityPage
    connections: tuple[Connection, ...]  # strongest first

    def to_json(self) -> dict[str, Any]:
        return {"type": self.entity.type, "key": self.entity.key,
                "connections": [c.to_json() for c in self.connections]}


@dataclass(frozen=True)
class GraphNode:
    entity: EntityPage
    x: float
    y: float
    radius: float


@dataclass(frozen=True)
class GraphEdge:
    source: EntityPage
    target: EntityPage
    weight: int  # sentences naming both


@dataclass(frozen=True)
class ConnectionGraph:
    width: int
    height: int
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]  # strongest first

    def to_json(self) -> dict[str, Any]:
        return {"nodes": [{"type": n.entity.type, "key": n.entity.key, "name": n.entity.name,
                           "articles": n.entity.article_count, "x": round(n.x, 1), "y": round(n.y, 1)}
                          for n in self.nodes],
                "edges": [{"source": [e.source.type, e.source.key], "target": [e.target.type, e.target.key],
                           "weight": e.weight} for e in self.edges]}


@dataclass(frozen=True)
class Connections:
    entities: tuple[EntityConnections, ...]  # people, then places, then organisations, in site order
    graph: ConnectionGraph
    by_entity: Mapping[Ident, tuple[Connection, ...]] = field(default_factory=dict)

    def of(self, entity: EntityPage) -> tuple[Connection, ...]:
        """The strongest connections of one entity page (empty when it has none)."""
        return self.by_entity.get((entity.type, entity.key), ())

    def to_json(self) -> dict[str, Any]:
        return {"entities": [e.to_json() for e in self.entities if e.connections], "graph": self.graph.to_json()}


def cooccurrences(site: Site) -> tuple[dict[Pair, int], dict[Pair, int]]:
    """Sentences and articles in which each pair of entities is named together.

    A pair is ``(a, b)`` with ``a < b``; the sentence counts are in order of first
    co-occurrence.  Pairs are listed per sentence and counted in C (Counter)."""
    pairs: list[Pair] = []
    articles: Counter[Pair] = Counter()
    for page in site.articles:
        starts = [s.start for s in page.extraction.sentences]
        ends = [s.end for s in page.extraction.sentences]
        named: dict[int, set[Ident]] = defaultdict(set)
        for entity in page.extraction.entities:
            ident = (entity.type, entity.key)
            for mention in entity.mentions:
                index = bisect_right(starts, mention.start) - 1  # sentence_index, by bisect
                if index >= 0 and mention.start < ends[index]:
                    named[index].add(ident)
        first = len(pairs)
        for idents in named.values():
            if len(idents) > 1:
                pairs.extend(combinations(sorted(idents), 2))
        articles.update(set(pairs[first:]))
    return Counter(pairs), articles


def build_connections(site: Site) -> Connections:
    pages: dict[Ident, EntityPage] = {(e.type, e.key): e for e in (*site.people, *site.places, *site.organizations)}
    sentences, articles = cooccurrences(site)
    # (-sentences, -articles, name, key, order met) per neighbour: ranked as tuples, and only
    # the strongest become Connections
    neighbours: dict[Ident, list[tuple[int, int, str, str, int, EntityPage]]] = defaultdict(list)
    for order, (pair, count) in enumerate(sentences.items()):
        a, b = pair
        if a in pages and b in pages:
            shared = articles[pair]
            neighbours[a].append((-count, -shared, pages[b].name, pages[b].key, order, pages[b]))
            neighbours[b].append((-count, -shared, pages[a].name, pages[a].key, order, pages[a]))
    entities = []
    for ident, page in pages.items():
        ranked = sorted(neighbours[ident])[:TOP_CONNECTIONS] if ident in neighbours else []
        entities.append(EntityConnections(page, tuple(
            Connection(entity, -count, -shared) for count, shared, _, _, _, entity in ranked)))
    return Connections(tuple(entities), layout_graph(site, sentences, pages),
                       MappingProxyType({(e.entity.type, e.entity.key): e.connections for e in entities}))


def _select(site: Site, sentences: Mapping[Pair, int],
            pages: Mapping[Ident, EntityPage]) -> tuple[list[EntityPage], list[GraphEdge]]:
    everyone = sorted(pages.values(), key=lambda e: (-e.article_count, -len(e.appearances), e.name, e.type))
    nodes = everyone[:GRAPH_NODES]
    chosen = {(n.type, n.key) for n in nodes}
    by_node: dict[Ident, list[tuple[int, Pair]]] = defaultdict(list)
    for pair, weight in sentences.items():
        if pair[0] in chosen and pair[1] in chosen:
            for ident in pair:
                by_node[ident].append((weight, pair))
    kept: set[Pair] = set()
    for edges in by_node.values():
        edges.sort(key=lambda wp: (-wp[0], wp[1]))
        kept.update(pair for _, pair in edges[:EDGES_PER_NODE])
    edges = []
    for pair in kept:
        a, b = pair
        edges.append(GraphEdge(pages[a], pages[b], sentences[pair]))
    edges.sort(key=lambda e: (-e.weight, e.source.name, e.target.name, e.source.type, e.source.key, e.target.key))
    linked = {(e.type, e.key) for edge in edges for e in (edge.source, edge.target)}
    return [n for n in nodes if (n.type, n.key) in linked], edges


def _radius(entity: EntityPage, most: int) -> float:
    return 5.0 + 11.0 * math.sqrt(entity.article_count / max(most, 1))


def layout_graph(site: Site, sentences: Mapping[Pair, int],
                 pages: Mapping[Ident, EntityPage]) -> ConnectionGraph:
    nodes, edges = _select(site, sentences, pages)
    if not nodes:
        return ConnectionGraph(WIDTH, HEIGHT, (), ())
    order = sorted(nodes, key=lambda e: (("person", "place", "organization").index(e.type), -e.article_count,
                                         e.name))
    index = {(e.type, e.key): i for i, e in enumerate(order)}
    count = len(order)
    positions = [[WIDTH / 2 + 200 * math.cos(2 * math.pi * i / count),
                  HEIGHT / 2 + 170 * math.sin(2 * math.pi * i / count)] for i in range(count)]
    heaviest = max(math.log1p(e.weight) for e in edges)
    springs = [(index[(e.source.type, e.source.key)], index[(e.target.type, e.target.key)],
                0.5 + 0.5 * math.log1p(e.weight) / heaviest) for e in edges]
    positions = _relax(positions, springs)
    most = max(e.article_count for e in order)
    placed = tuple(GraphNode(e, round(x, 1), round(y, 1), round(_radius(e, most), 1))
                   for e, (x, y) in zip(order, positions, strict=True))
    return ConnectionGraph(WIDTH, HEIGHT, _separate(placed), tuple(edges))


def _separate(nodes: tuple[GraphNode, ...], gap: float = 10.0, rounds: int = 60) -> tuple[GraphNode, ...]:
    """Push apart nodes whose circles (plus a gap) still overlap after the layout."""
    xy = [[n.x, n.y] for n in nodes]
    for _ in range(rounds):
        moved = False
        for i, j in combinations(range(len(nodes)), 2):
            dx, dy = xy[j][0] - xy[i][0], xy[j][1] - xy[i][1]
            distance = math.hypot(dx, dy)
            need = nodes[i].radius + nodes[j].radius + gap
            if distance >= need:
                continue
            if distance == 0:
                dx, dy, distance = 1.0, 0.0, 1.0
            push = (need - distance) / 2
            xy[i][0] -= dx / distance * push
            xy[i][1] -= dy / distance * push
            xy[j][0] += dx / distance * push
            xy[j][1] += dy / distance * push
            moved = True
        if not moved:
            break
    margin = 20.0
    return tuple(GraphNode(n.entity, round(min(max(x, margin), WIDTH - margin), 1),
                           round(min(max(y, margin), HEIGHT - margin), 1), n.radius)
                 for n, (x, y) in zip(nodes, xy, strict=True))


def _relax(positions: list[list[float]], springs: Sequence[tuple[int, int, float]]) -> list[tuple[float, float]]:
    """Fruchterman–Reingold with linear cooling, then fitted into the drawing with a margin."""
    count = len(positions)
    k = math.sqrt(WIDTH * HEIGHT / count)
    kk = k * k
    temperature = WIDTH / 10
    hypot = math.hypot
    xs, ys = [p[0] for p in positions], [p[1] for p in positions]
    # The same arithmetic, in the same order, as pairwise updates of [x, y] lists (so the
    # same drawing to the last bit), with the repeated lookups and divisions hoisted out.
    for step in range(ITERATIONS):
        move_x, move_y = [0.0] * count, [0.0] * count
        for i in range(count):
            x, y = xs[i], ys[i]
            mx, my = move_x[i], move_y[i]  # already holds what the nodes before i pushed
            for j in range(i + 1, count):
                dx, dy = x - xs[j], y - ys[j]
                distance = hypot(dx, dy) or 0.01
                force = kk / distance
                fx, fy = dx / distance * force, dy / distance * force
                mx += fx
                my += fy
                move_x[j] -= fx
                move_y[j] -= fy
            move_x[i], move_y[i] = mx, my
        for i, j, strength in springs:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            distance = hypot(dx, dy) or 0.01
            force = distance * distance / k * strength
            fx, fy = dx / distance * force, dy / distance * force
            move_x[i] -= fx
            move_y[i] -= fy
            move_x[j] += fx
            move_y[j] += fy
        limit = temperature * (1 - step / ITERATIONS)
        for i in range(count):
            # a weak pull to the centre keeps unlinked parts on the page
            mx = move_x[i] + (WIDTH / 2 - xs[i]) * 0.01
            my = move_y[i] + (HEIGHT / 2 - ys[i]) * 0.01
            length = hypot(mx, my) or 1.0
            xs[i] += mx / length * min(length, limit)
            ys[i] += my / length * min(length, limit)
    positions = [[x, y] for x, y in zip(xs, ys, strict=True)]
    xs, ys = [p[0] for p in positions], [p[1] for p in positions]
    margin_x, margin_y = 90.0, 40.0
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return [(margin_x + (x - min(xs)) / span_x * (WIDTH - 2 * margin_x),
             margin_y + (y - min(ys)) / span_y * (HEIGHT - 2 * margin_y)) for x, y in positions]


def graph_description(graph: ConnectionGraph, edges: int = 8) -> str:
    """The strongest connections in words, for <desc> and screen readers: "A – B (20), …"."""
    return ", ".join(f"{e.source.name} – {e.target.name} ({e.weight})" for e in graph.edges[:edges])


def graph_svg(graph: ConnectionGraph, href_for: Callable[[EntityPage], str], title: str,
              description: str | None = None, ident: str = "graph",
              type_labels: Mapping[str, str] | None = None) -> str:
    """The overview graph as an SVG string: edges by weight, nodes by article count, each a link.

    ``description`` defaults to ``graph_description``; ``type_labels`` (the theme's words for
    person, place, organization) adds a colour legend in the top-left corner.
    """
    most = max((e.weight for e in graph.edges), default=1)
    where = {(n.entity.type, n.entity.key): n for n in graph.nodes}
    desc = description if description is not None else graph_description(graph)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="dossier-graph" viewBox="0 0 {graph.width} '
           f'{graph.height}" width="{graph.width}" height="{graph.height}" role="img" '
           f'aria-labelledby="{esc(ident)}-title {esc(ident)}-desc">',
           f'<title id="{esc(ident)}-title">{esc(title)}</title>',
           f'<desc id="{esc(ident)}-desc">{esc(desc)}</desc>',
           '<g class="graph-edges" stroke="#7a8794" stroke-linecap="round">']
    for edge in reversed(graph.edges):  # strongest drawn last, on top
        a, b = where[(edge.source.type, edge.source.key)], where[(edge.target.type, edge.target.key)]
        out.append(f'<line x1="{num(a.x)}" y1="{num(a.y)}" x2="{num(b.x)}" y2="{num(b.y)}" '
                   f'stroke-width="{num(0.8 + 4.2 * edge.weight / most)}" '
                   f'stroke-opacity="{num(0.35 + 0.5 * edge.weight / most)}"><title>{esc(edge.source.name)} – '
                   f'{esc(edge.target.name)}: {edge.weight}</title></line>')
    out.append('</g><g class="graph-nodes" font-family="sans-serif" font-size="12">')
    taken = [Box(n.x - n.radius, n.y - n.radius, n.x + n.radius, n.y + n.radius) for n in graph.nodes]
    if type_labels:
        out.append(_legend(type_labels, taken))
    for node in sorted(graph.nodes, key=lambda n: (-n.radius, n.entity.name, n.entity.type)):
        label = place_label(node.x, node.y, node.entity.name, 12.0, taken, graph.width, graph.height,
                            gap=node.radius + 3)
        out.append(f'<a href="{esc(href_for(node.entity))}" class="graph-node graph-{node.entity.type}">'
                   f'<circle cx="{num(node.x)}" cy="{num(node.y)}" r="{num(node.radius)}" '
                   f'fill="{TYPE_COLOURS[node.entity.type]}" stroke="#fff" stroke-width="1.5"/>'
                   f'<text x="{num(label.x)}" y="{num(label.y)}" text-anchor="{label.anchor}" fill="#1b1b1b" '
                   f'stroke="#fff" stroke-width="3" style="paint-order:stroke">{esc(node.entity.name)}</text></a>')
    out.append("</g></svg>")
    return "".join(out)


def _legend(type_labels: Mapping[str, str], taken: list[Box]) -> str:
    parts = ['<g class="graph-legend">']
    for row, entity_type in enumerate(t for t in TYPE_COLOURS if t in type_labels):
        y = 14 + row * 18
        text = type_labels[entity_type]
        parts.append(f'<circle cx="10" cy="{y - 4}" r="5" fill="{TYPE_COLOURS[entity_type]}"/>'
                     f'<text x="20" y="{y}" fill="#1b1b1b">{esc(text)}</text>')
        taken.append(Box(4, y - 10, 20 + len(text) * 7.2, y + 4))
    parts.append("</g>")
    return "".join(parts)
