"""A deterministic corpus of Indonesian-style news articles, written as a dossier site folder.

Why generated: a benchmark needs 100 to 10,000 articles that look like the real thing to
every stage (the extractors meet role-prefixed names, "kata X" quotes and "Senin (11/9/2023)"
dates; the hubs match keywords; the summarizer sees ~600-word bodies), and the same seed must
give byte-identical files on every machine so numbers from different days compare.

Article ``i`` depends only on the seed and ``i``, never on N, so the 100-article corpus is
the first 100 articles of the 10,000-article one.  People, places and organisations are drawn
from fixed pools with Zipf-like weights, so a few figures recur across hundreds of articles
(as in a real dossier) while a long tail appears once or twice.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

try:  # run as `python bench/run.py` (bench/ on sys.path) or imported as the `bench` package
    from . import vocab
except ImportError:  # pragma: no cover - depends on how the script is started
    import vocab  # type: ignore[no-redef]

DEFAULT_SEED = 20230911
FIRST_PUBLISHED = date(2023, 9, 1)
PUBLISHED_SPAN_DAYS = 730
PEOPLE_POOL = 2000
EDIT_MARKER = "Pembaruan ke-"

# A few coordinates so the known places in site.yaml look like the real dossier's.
_COORDINATES = {
    "Jakarta": (-6.2088, 106.8456), "Surabaya": (-7.2575, 112.7521), "Makassar": (-5.1477, 119.4327),
    "Medan": (3.5952, 98.6722), "Bandung": (-6.9175, 107.6191), "Semarang": (-6.9667, 110.4167),
    "Denpasar": (-8.65, 115.2167), "Balikpapan": (-1.2654, 116.8312), "Kupang": (-10.1772, 123.607),
}


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    role: str
    theme: str


@dataclass(frozen=True)
class GeneratedArticle:
    """One article plus what the generator put in it (used by the Pelican/Hugo converters)."""

    index: int
    slug: str
    title: str
    outlet: str
    published: date
    author: str
    themes: tuple[str, ...]  # primary theme first
    body: str
    people: tuple[str, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]


@dataclass(frozen=True)
class World:
    """The pools every article draws from; fixed by the seed alone."""

    seed: int
    people: tuple[Person, ...]  # in Zipf rank order: the first recur most
    people_by_theme: dict[str, tuple[Person, ...]]
    places: tuple[tuple[str, str], ...]  # (city, province), rank order
    organizations: tuple[str, ...]
    journalists: tuple[tuple[str, int], ...]  # (name, outlet index)


def slugify(text: str, max_length: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:max_length].rstrip("-") or "artikel"


@functools.cache
def _zipf(n: int, exponent: float = 1.0) -> tuple[float, ...]:
    """Cumulative Zipf weights for rank 0..n-1, for ``random.choices(cum_weights=...)``."""
    total, out = 0.0, []
    for rank in range(n):
        total += 1.0 / (rank + 1) ** exponent
        out.append(total)
    return tuple(out)


def make_world(seed: int = DEFAULT_SEED) -> World:
    rng = random.Random(f"{seed}:world")
    places = list(vocab.PLACES)
    rng.shuffle(places)
    orgs = list(vocab.ORGANIZATIONS)
    rng.shuffle(orgs)
    themes = list(vocab.THEMES)
    seen: set[str] = set()
    people: list[Person] = []
    while len(people) < PEOPLE_POOL:
        first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        name = f"{first} {last}"
        if name in seen:
            continue
        seen.add(name)
        city, province = rng.choice(places)
        role = rng.choice(vocab.ROLES).format(city=city, province=province)
        people.append(Person(name, last, role, themes[len(people) % len(themes)]))
    by_theme = {t: tuple(p for p in people if p.theme == t) for t in themes}
    journalists = []
    for k in range(48):
        journalists.append((f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.LAST_NAMES)}",
                            k % len(vocab.OUTLETS)))
    return World(seed, tuple(people), by_theme, tuple(places), tuple(orgs), tuple(journalists))


class _Slots(dict):
    """Fills one template's slots on demand; the same slot is the same value within it."""

    def __init__(self, writer: _ArticleWriter) -> None:
        super().__init__()
        self.writer = writer

    def __missing__(self, key: str) -> str:
        value = self.writer.slot(key, self)
        self[key] = value
        return value


class _ArticleWriter:
    """Writes one article: picks its cast, then fills templates until ~600 words."""

    def __init__(self, world: World, index: int, rng: random.Random) -> None:
        self.world, self.index, self.rng = world, index, rng
        themes = list(vocab.THEMES)
        primary = rng.choice(themes)
        self.themes = (primary,) if rng.random() < 0.6 else (primary, rng.choice([t for t in themes if t != primary]))
        self.published = FIRST_PUBLISHED + timedelta(days=rng.randrange(PUBLISHED_SPAN_DAYS))
        self.author, outlet_index = rng.choice(world.journalists)
        self.outlet, self.dateline = vocab.OUTLETS[outlet_index]
        self.marks = ("\u201c", "\u201d") if outlet_index % 2 == 0 else ('"', '"')
        self.cast = self._pick(world.people_by_theme[primary], rng.randint(2, 4))
        self.cast += self._pick([p for p in world.people if p not in self.cast], rng.randint(1, 2))
        self.places = self._pick(world.places, rng.randint(2, 4))
        self.orgs = self._pick(world.organizations, rng.randint(2, 3))
        self.introduced: set[str] = set()
        self.used: set[str] = set()

    def _pick(self, pool: Sequence, k: int) -> tuple:
        weights = _zipf(len(pool))
        chosen: list = []
        while len(chosen) < k:
            item = self.rng.choices(pool, cum_weights=weights)[0]
            if item not in chosen:
                chosen.append(item)
        return tuple(chosen)

    # ---------------------------------------------------------------- slots

    def _person(self) -> str:
        rng = self.rng
        person = self.cast[0] if rng.random() < 0.35 else rng.choice(self.cast)
        if person.name not in self.introduced:
            self.introduced.add(person.name)
            return f"{person.role} {person.name}"
        return person.surname if rng.random() < 0.7 else person.name

    def _date(self) -> str:
        rng, day = self.rng, self.published - timedelta(days=self.rng.randint(0, 3))
        weekday, month = vocab.WEEKDAYS[day.weekday()], vocab.MONTHS[day.month - 1]
        form = rng.randrange(8)
        if form == 0:
            return f"{weekday} ({day.day}/{day.month}/{day.year})"
        if form == 1:
            return f"{weekday} ({day.day}/{day.month})"
        if form == 2:
            return f"{weekday} {rng.choice(vocab.DAYPARTS)}"
        if form == 3:
            return f"{day.day} {month} {day.year}"
        if form == 4:
            later = self.published + timedelta(days=rng.randint(20, 60))
            return f"awal {vocab.MONTHS[later.month - 1]} {later.year}"
        if form == 5:
            earlier = self.published - timedelta(days=rng.randint(25, 40))
            return f"akhir {vocab.MONTHS[earlier.month - 1]} lalu"
        if form == 6:
            start = self.published + timedelta(days=rng.randint(3, 20))
            end = start + timedelta(days=rng.randint(1, 3))
            if end.month == start.month:
                return f"{start.day}\u2013{end.day} {vocab.MONTHS[start.month - 1]} {start.year}"
            return f"{start.day} {vocab.MONTHS[start.month - 1]} {start.year}"
        return f"{weekday} ({day.day}/{day.month}/{day.year}) {rng.choice(vocab.DAYPARTS)}"

    def slot(self, key: str, slots: _Slots) -> str:
        rng = self.rng
        if key in ("who", "speaker"):
            return self._person()
        if key == "surname_lead":
            return self.cast[0].name
        if key == "place":
            return self.places[0][0] if rng.random() < 0.5 else rng.choice(self.places)[0]
        if key == "place2":
            others = [p for p in self.places if p[0] != slots.get("place")]
            return rng.choice(others or self.places)[0]
        if key == "province":
            return self.places[0][1] if rng.random() < 0.6 else rng.choice(self.places)[1]
        if key == "org":
            return rng.choice(self.orgs)
        if key == "date":
            return self._date()
        if key == "year":
            return str(self.published.year - rng.randint(1, 8))
        if key == "next_year":
            return str(self.published.year + rng.randint(1, 3))
        if key == "num":
            value = rng.choice((rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 48000)))
            return f"{value:,}".replace(",", ".")
        if key == "small":
            return str(rng.randint(2, 300))
        if key == "amount":
            unit = rng.choice(("triliun", "miliar", "miliar", "juta"))
            whole = rng.randint(1, 9) if unit == "triliun" else rng.randint(12, 950)
            return f"Rp {whole},{rng.randint(1, 9)} {unit}" if unit == "triliun" else f"Rp {whole} {unit}"
        if key == "pct":
            return f"{rng.randint(2, 68)},{rng.randint(1, 9)} persen" if rng.random() < 0.5 \
                else f"{rng.randint(2, 90)} persen"
        if key == "daypart":
            return rng.choice(vocab.DAYPARTS)
        if key == "quote":
            theme = vocab.THEMES[rng.choice(self.themes)]
            return rng.choice(theme["quotes"] + vocab.GENERAL_QUOTES).format_map(slots)
        raise KeyError(key)

    # ---------------------------------------------------------------- text

    def fill(self, template: str) -> str:
        return template.format_map(_Slots(self))

    def _fresh(self, templates: Sequence[str]) -> str:
        """A template not yet used in this article when possible, so bodies read less repetitive."""
        unused = [t for t in templates if t not in self.used]
        template = self.rng.choice(unused or list(templates))
        self.used.add(template)
        return template

    def sentence(self) -> str:
        rng, roll = self.rng, self.rng.random()
        if roll < 0.75:
            pool = vocab.THEMES[rng.choice(self.themes)]["sentences"] if roll < 0.45 else vocab.GENERAL_SENTENCES
            template = self._fresh(pool)
            text = self.fill(template)
            first = template.split(" ", 1)[0]
            if rng.random() < 0.25 and first not in vocab.NO_CONNECTOR_STARTS:
                if not template.startswith("{") and first not in vocab.PROPER_STARTS:
                    text = text[0].lower() + text[1:]
                text = rng.choice(vocab.CONNECTORS) + text
            return text
        slots = _Slots(self)
        quote = slots["quote"]
        open_mark, close_mark = self.marks
        form = rng.choice(vocab.QUOTE_FORMS).replace("{o}", open_mark).replace("{c}", close_mark)
        return form.replace("{q}", quote).format_map(slots)

    def title(self) -> str:
        return self.fill(self.rng.choice(vocab.THEMES[self.themes[0]]["titles"]))

    def body(self) -> str:
        rng = self.rng
        target = rng.randint(520, 700)
        lead_template = self._fresh(vocab.THEMES[self.themes[0]]["sentences"])
        paragraphs = [f"{self.places[0][0].upper()}, {self.dateline} - {self.fill(lead_template)}"]
        words = len(paragraphs[0].split())
        heading_at = rng.randint(6, 10) if rng.random() < 0.2 else -1
        list_at = rng.randint(4, 12) if rng.random() < 0.1 else -1
        while words < target:
            if len(paragraphs) == heading_at:
                paragraphs.append(f"## {rng.choice(vocab.SUBHEADINGS)}")
            if len(paragraphs) == list_at:
                items = [self.fill(rng.choice(vocab.THEMES[self.themes[0]]["sentences"])) for _ in range(3)]
                paragraphs.append(rng.choice(vocab.LIST_INTROS))
                paragraphs.append("\n".join(f"- {item}" for item in items))
            paragraph = " ".join(self.sentence() for _ in range(rng.randint(1, 3)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        paragraphs.append(self.fill(rng.choice(vocab.GENERAL_SENTENCES)))
        return "\n\n".join(paragraphs) + "\n"


def generate(n: int, seed: int = DEFAULT_SEED, world: World | None = None) -> list[GeneratedArticle]:
    """The first ``n`` articles of the corpus for ``seed``; no two bodies or slugs alike."""
    world = world or make_world(seed)
    articles: list[GeneratedArticle] = []
    seen: set[str] = set()
    for i in range(n):
        attempt = 0
        while True:
            rng = random.Random(f"{seed}:article:{i}:{attempt}")
            writer = _ArticleWriter(world, i, rng)
            title, body = writer.title(), writer.body()
            digest = hashlib.sha256(body.encode()).hexdigest()
            if digest not in seen:
                break
            attempt += 1
        seen.add(digest)
        articles.append(GeneratedArticle(
            index=i, slug=f"{i + 1:05d}-{slugify(title)}", title=title, outlet=writer.outlet,
            published=writer.published, author=writer.author, themes=writer.themes, body=body,
            people=tuple(p.name for p in writer.cast), places=tuple(p[0] for p in writer.places),
            organizations=writer.orgs))
    return articles


# ---------------------------------------------------------------- the site folder


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def article_markdown(article: GeneratedArticle) -> str:
    return (f"---\ntitle: {_q(article.title)}\noutlet: {_q(article.outlet)}\n"
            f"published: {article.published.isoformat()}\nauthor: {_q(article.author)}\n---\n\n{article.body}")


def site_yaml(world: World) -> str:
    lines = [
        "# Generated by bench/corpus.py: a synthetic dossier for performance measurement.",
        f"title: {_q('Dosir Uji Kinerja: Kabar Daerah')}",
        "description: >-",
        "  Korpus sintetis berita daerah berbahasa Indonesia (pelabuhan, anggaran, banjir, pemilu)",
        "  untuk mengukur kecepatan Dossier.",
        "language: id",
        "base_url: https://example.org/bench/",
        "summary_sentences: 3",
        "event:",
        f"  name: {_q('Kabar daerah 2023–2025')}",
        f"  start: {FIRST_PUBLISHED.isoformat()}",
        f"  end: {(FIRST_PUBLISHED + timedelta(days=PUBLISHED_SPAN_DAYS - 1)).isoformat()}",
        f"  location: {_q(world.places[0][0])}",
        "paths:",
        "  articles: artikel", "  topics: topik", "  people: tokoh", "  places: tempat",
        "  organizations: organisasi", "  search: cari", "  timeline: linimasa", "  page: halaman",
        "hubs:",
    ]
    for slug, theme in vocab.THEMES.items():
        lines += [f"  - slug: {slug}", f"    title: {_q(theme['title'])}",
                  f"    description: {_q(theme['description'])}",
                  f"    keywords: [{', '.join(_q(k) for k in theme['keywords'])}]"]
        if theme["entities"]:
            lines.append(f"    entities: [{', '.join(_q(e) for e in theme['entities'])}]")
        if theme["min_matches"] != 1:
            lines.append(f"    min_matches: {theme['min_matches']}")
    lines.append("entities:")
    for person in world.people[:3]:
        lines += [f"  - name: {_q(person.name)}", "    type: person", f"    aliases: [{_q(person.surname)}]",
                  f"    description: {_q(person.role)}"]
    known_places = [(city, province) for city, province in world.places if city in _COORDINATES][:4]
    for city, province in known_places:
        lat, lon = _COORDINATES[city]
        lines += [f"  - name: {_q(city)}", "    type: place", f"    coordinates: [{lat}, {lon}]",
                  f"    description: {_q('Kota di ' + province)}"]
    lines += ["  - name: BNPB", "    type: organization", "    aliases: [Badan Nasional Penanggulangan Bencana]",
              "  - name: KPU", "    type: organization", "    aliases: [Komisi Pemilihan Umum]"]
    return "\n".join(lines) + "\n"


def write_site(site_dir: Path, n: int, seed: int = DEFAULT_SEED) -> list[GeneratedArticle]:
    """(Re)create ``site_dir`` with site.yaml and content/ for ``n`` articles; no templates/.

    Build products (output/, .dossier-cache/) are left alone: callers decide what is cold.
    """
    world = make_world(seed)
    articles = generate(n, seed, world)
    content = site_dir / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    (site_dir / "site.yaml").write_text(site_yaml(world), encoding="utf-8")
    for article in articles:
        (content / f"{article.slug}.md").write_text(article_markdown(article), encoding="utf-8")
    return articles


def edit_article(path: Path, revision: int) -> None:
    """Change one article's body the way a user would: add (or replace) an update paragraph.

    Each ``revision`` gives different text, so every one-edit build sees a real change.
    """
    text = path.read_text(encoding="utf-8")
    text = re.sub(rf"\n\n{EDIT_MARKER}\d+:[^\n]*\n$", "\n", text)
    sentence = (f"{EDIT_MARKER}{revision}: redaksi menambahkan keterangan bahwa rapat lanjutan digeser ke "
                f"{vocab.WEEKDAYS[revision % 7]} ({revision % 28 + 1}/10/2024).")
    path.write_text(text.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
