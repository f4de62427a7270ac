"""SVG pieces shared by the map and the connections graph: escaping, numbers, label boxes.

The drawings are strings of SVG markup made at build time and inlined in pages, so every
piece of text that reaches them (names from articles, labels from the theme, hrefs) goes
through ``esc``; nothing here trusts its input.  Numbers are rounded to one decimal so the
markup is small and byte-identical from build to build.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

CHAR_WIDTH = 0.6  # average glyph width of a sans-serif face, in ems: enough to avoid overlaps


def esc(text: str) -> str:
    """Text or attribute value, escaped for XML (quotes too)."""
    return escape(text, quote=True)


def num(value: float) -> str:
    """A coordinate: one decimal at most, no trailing zeros, never "-0"."""
    text = f"{round(value, 1):g}"
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return not (self.right <= other.left or other.right <= self.left or
                    self.bottom <= other.top or other.bottom <= self.top)

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline
    anchor: str  # "start", "middle", "end"
    box: Box
    free: bool = True  # False: no free position was found and this one overlaps another label


def label_box(x: float, y: float, anchor: str, text: str, size: float) -> Box:
    width = len(text) * size * CHAR_WIDTH
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - size * 0.8, left + width, y + size * 0.25)


def place_label(x: float, y: float, text: str, size: float, taken: list[Box], width: float, height: float,
                gap: float = 6.0) -> Label:
    """First position around (x, y) whose box is free and inside the drawing; the right-hand
    one when none is.  ``taken`` grows by the chosen box (the caller's list, by design)."""
    line = size * 1.15
    candidates = [(x + gap, y + size * 0.35, "start"), (x - gap, y + size * 0.35, "end"),
                  (x, y - gap, "middle"), (x, y + gap + size * 0.8, "middle")]
    for step in (1, -1, 2, -2, 3, -3):
        candidates += [(x + gap, y + size * 0.35 + step * line, "start"),
                       (x - gap, y + size * 0.35 + step * line, "end")]
    chosen = None
    for cx, cy, anchor in candidates:
        box = label_box(cx, cy, anchor, text, size)
        if box.inside(width, height) and not any(box.overlaps(t) for t in taken):
            chosen = Label(cx, cy, anchor, box)
            break
    if chosen is None:
        cx, cy, anchor = candidates[0]
        if label_box(cx, cy, anchor, text, size).right > width:
            cx, anchor = x - gap, "end"
        chosen = Label(cx, cy, anchor, label_box(cx, cy, anchor, text, size), free=False)
    taken.append(chosen.box)
    return chosen
