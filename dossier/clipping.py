"""``import``: raw text clippings -> ``content/<slug>.md``.

A clipping is what a reader gets by selecting a news page and pasting it into a text file:
the outlet's headline and article wrapped in page furniture (navigation, section headers,
bylines, photo captions, "Baca juga" links to other stories, follow/share prompts, the next
post).  The importer keeps the outlet's words and removes only the furniture.  Its rules
describe *kinds* of furniture (a line that is only a date, a URL slug, an all-caps wire-photo
slug, a caption ending in a photo credit, a related-story link), never strings of one page,
so the next clipping from a similar Indonesian outlet comes out clean too.  What the
furniture says (outlet, date, author) becomes front matter.  Nothing is guessed silently:
what the text does not give is listed in ``ImportedClipping.missing`` for the user to fill.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .config import read_text_file
from .content import split_front_matter
from .errors import DossierError, Problem
from .urls import slugify

SLUG_LENGTH = 60  # file names stay readable; cut at a word boundary
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANKS = re.compile(r"[^\S\n]+")  # every Unicode space (no-break, thin, ideographic) but newline
_HEADLINE_END = re.compile(r"[.,;:]$")

# ------------------------------------------------------------------ outlets

# Lowercase letters and digits of a name or domain -> how the outlet writes its own name.
_OUTLETS = {
    "kompastv": "Kompas TV", "kompascom": "Kompas.com", "kompas": "Kompas", "kompasid": "Kompas.id",
    "tribunnews": "Tribunnews", "indonesiaonline": "IndonesiaOnline", "jabarekspres": "Jabar Ekspres",
    "detik": "detikcom", "detikcom": "detikcom", "detiknews": "detikcom", "cnnindonesia": "CNN Indonesia",
    "cnbcindonesia": "CNBC Indonesia", "liputan6": "Liputan6.com", "antara": "Antara",
    "antaranews": "Antara", "tempo": "Tempo", "tempoco": "Tempo", "okezone": "Okezone",
    "sindonews": "SINDOnews", "republika": "Republika", "republikacoid": "Republika", "suara": "Suara.com",
    "kumparan": "kumparan", "idntimes": "IDN Times", "viva": "VIVA", "vivacoid": "VIVA", "jpnn": "JPNN.com",
    "jawapos": "Jawa Pos", "mediaindonesia": "Media Indonesia", "bbcindonesia": "BBC News Indonesia",
    "bbcnewsindonesia": "BBC News Indonesia", "voaindonesia": "VOA Indonesia", "merdeka": "Merdeka.com",
    "bisnis": "Bisnis.com", "katadata": "Katadata", "tirto": "Tirto", "beritasatu": "Beritasatu",
    "inews": "iNews", "metrotvnews": "Metro TV", "thejakartapost": "The Jakarta Post",
}
_TLD = re.compile(r"\.(?:co\.id|com|id|net|org|tv)$", re.I)
_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z]{2,4}){1,2}")
_CAPS = re.compile(r"[A-Z][A-Z0-9 .&']*")  # KOMPAS.TV, JABAR EKSPRES, SEOUL
_PLACE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")  # Jakarta, Kuala Lumpur
_CITY_OUTLET = re.compile(r"(?P<city>[A-Z][\w .]+?)\s*\((?P<outlet>[A-Z][\w .]+)\)")  # Jakarta (ANTARA)
_DATELINE = re.compile(r"(?P<prefix>[^\s–—-][^–—]{0,48}?)\s+[-–—]{1,2}\s+(?P<rest>\S.*)")


def known_outlet(token: str) -> str | None:
    """Display name of a known outlet, from its name or domain in any case ("KOMPAS.TV",
    "international.sindonews.com")."""
    labels = token.strip().split(".")
    for host in (".".join(labels[i:]) for i in range(max(1, len(labels) - 1))):
        for candidate in (host, _TLD.sub("", host)):
            if name := _OUTLETS.get(re.sub(r"[^a-z0-9]", "", candidate.lower())):
                return name
    return None


def display_outlet(token: str) -> str:
    """The outlet as a reader would name it: known name, else the domain, else Title Case of CAPS."""
    token = token.strip()
    if name := known_outlet(token):
        return name
    if _DOMAIN.fullmatch(token):
        return token[:1].upper() + token[1:].lower()
    return token.title() if token.isupper() else token


def _outlet_like(part: str) -> bool:
    return known_outlet(part) is not None or bool(_DOMAIN.fullmatch(part))


def dateline(paragraph: str) -> tuple[str | None, str | None, str, bool] | None:
    """Split "SEOUL, KOMPAS.TV - text" into (city, outlet, text, sure).

    Outlets sign the lead with city and/or their own name in capitals before a dash, in
    either order ("TRIBUNNEWS.COM, SEOUL –", "Jakarta, CNN Indonesia --").  ``sure`` is
    False for one unknown capitalised word, which may be a city ("MOSKOW -") as well.
    """
    match = _DATELINE.fullmatch(paragraph)
    if not match:
        return None
    parts = [p.strip() for p in match["prefix"].split(",")]
    rest = match["rest"]
    if len(parts) == 1:
        part = parts[0]
        if paren := _CITY_OUTLET.fullmatch(part):
            return paren["city"], paren["outlet"], rest, True
        if _outlet_like(part):
            return None, part, rest, True
        if _CAPS.fullmatch(part) and len(re.sub(r"\W", "", part)) >= 4:
            return None, part, rest, False
        return None
    if len(parts) != 2 or not all(parts):
        return None
    if _outlet_like(parts[0]) or _outlet_like(parts[1]):
        o = 0 if _outlet_like(parts[0]) else 1
    elif all(_CAPS.fullmatch(p) for p in parts):
        o = 1
    else:
        return None
    city = parts[1 - o]
    if not (_CAPS.fullmatch(city) or _PLACE.fullmatch(city)):
        return None
    return (city.title() if city.isupper() else city), parts[o], rest, True


# ------------------------------------------------------------------ dates in page headers

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "pebruari": 2, "february": 2, "feb": 2,
    "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6,
    "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8,
    "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "desember": 12, "december": 12, "des": 12, "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_FORMS = (
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\.?\s+(?P<y>\d{{4}})\b", re.I),  # 11 September 2023
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})\s*,\s*(?P<y>\d{{4}})\b", re.I),  # Sep 14 , 2023
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),  # 2023-09-11
    re.compile(r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\b"),  # 11/09/2023, day first
)
_DATE_NOISE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b|[-–—|,:•·()]|\b(?:wib|wita|wit|gmt|utc|pukul|jam|senin|selasa|rabu|"
    r"kamis|jum'?at|sabtu|minggu|ahad|sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|diperbarui|diterbitkan|dipublikasikan|terbit|published|"
    r"updated|posted|tanggal)\b", re.I)


def parse_date_line(line: str) -> tuple[date, str | None] | None:
    """(date, outlet or None) when the line only states a date, as page headers do
    ("Kompas.tv - 11 September 2023, 21:54 WIB", "Kam Sep 14 , 2023"); None for prose."""
    if len(line) > 80:
        return None
    for form in _DATE_FORMS:
        if match := form.search(line):
            month = match["m"]
            try:
                when = date(int(match["y"]), int(month) if month.isdigit() else _MONTHS[month.lower()],
                            int(match["d"]))
            except ValueError:
                return None
            rest = " ".join(_DATE_NOISE.sub(" ", line[: match.start()] + " " + line[match.end():]).split())
            if not rest:
                return when, None
            return (when, rest) if len(rest.split()) <= 3 and _outlet_like(rest) else None
    return None


# ------------------------------------------------------------------ kinds of furniture

# Whole lines only: a sentence that merely contains these words is article text.
_END_MARKER = re.compile(
    r"(?:next post|previous post|(?:artikel|berita) selanjutnya|(?:baca )?berita lainnya|(?:berita|artikel) "
    r"terkait|(?:berita|video) (?:terpopuler|pilihan)|terpopuler|tinggalkan (?:balasan|komentar)|"
    r"leave a (?:reply|comment)|\d* ?komentar|exit mobile version|follow us|close ads?\b.*|copyright\b.*|©.*)",
    re.I)
_FURNITURE_LINE = re.compile(
    r"(?:advertisement|iklan|scroll to continue with content|bagikan|share|copy link|salin (?:tautan|link)|"
    r"facebook|twitter|x|whatsapp|telegram|line|linkedin|e-?mail|tags?\s*:.*|topik\s*:.*|loading\W*|memuat\W*|"
    r"halaman(?:\s+\d+)+|\d+(?:\s+\d+)+|(?:halaman\s+)?(?:selanjutnya|berikutnya|sebelumnya)|lihat semua)", re.I)
# An invitation to follow the outlet elsewhere ("Gabung ke Channel WhatsApp KompasTV ...").
_PROMO = re.compile(r"(?=.*\b(?:whatsapp|google news|telegram|play store|app store)\b)(?:ikuti|gabung|follow|"
                    r"unduh|download|simak|dapatkan)\b.{0,200}", re.I)
_RELATED_LINK = re.compile(r"(?:(?:baca|lihat|simak|cek)\s+(?:juga|pula)\b|pilihan editor\b|(?:berita|artikel) "
                           r"terkait\s*:)\s*:?", re.I)  # + another headline
_URL_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")  # moskow-pastikan-kim-jong-un-...
_WIRE_SLUG = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+){2,}")  # TOPSHOT-RUSSIA-NKOREA-POLITICS
_URL_LINE = re.compile(r"(?:https?://|www\.)\S+", re.I)
# A photo caption ends with a picture credit ("(Sumber: AP Photo/Ng Han Guan)", "(Dok. Kemlu)",
# "(REUTERS/Kim Hong-Ji)") or starts with "Foto:".  A source or wire attribution ("(Sumber:
# Reuters)", "(AFP/Reuters)") names no picture, so a paragraph that ends with one is article text.
_CAPTION = re.compile(
    r"\([^()]*\b(?:photo|foto|pool|getty images|dok|dokumentasi|tangkapan layar|screenshot|ilustrasi)\b[^()]*\)$"
    r"|\([^()]*/\s*[A-Z][a-z]+\s[A-Z][^()/]*\)$|^(?:foto|photo|ilustrasi|gambar)\s*:", re.I)
_ASSIST_CREDIT = re.compile(r"[—–-]{1,2}\s*(?:dengan bantuan|with assistance|laporan tambahan|additional "
                            r"reporting|reporting by|dibantu oleh)\b.*", re.I)
_INITIALS_LINE = re.compile(r"\((?:[a-z]{1,5}/)*[a-z]{1,5}\)\.?|\(\*\)")  # (bn/dnv) on its own line
_INITIALS_TAIL = re.compile(r"\s*\((?:[a-z]{2,5}/)+[a-z]{2,5}\)(?=\.?$)")  # "... Moskow (bn/dnv)."
_SOURCE_TRAILER = re.compile(r"sumber\s*:\s*\S.{0,80}", re.I)  # Sumber : Associated Press/TASS
_REPORTER_BYLINE = re.compile(r"laporan\s+(?:wartawan|reporter|koresponden|jurnalis|kontributor)\s+"
                              r"(?P<outlet>[^,]{2,40}?)\s*,\s*(?P<author>[^,]{2,60})", re.I)
_STAFF_LINE = re.compile(r"(?:penulis|reporter|pewarta|editor|redaktur|penyunting|oleh|author|writer|by)\s*:"
                         r".{0,150}", re.I)
_STAFF_SPLIT = re.compile(r"\s*[|•·]\s*|\s+(?=(?:penulis|reporter|pewarta|editor|redaktur|penyunting)\s*:)", re.I)
_AUTHOR_ROLES = ("penulis", "reporter", "pewarta", "oleh", "author", "writer", "by")
_BYLINE = re.compile(r"(?P<author>[A-Z][\w.']*(?: [A-Z][\w.']*){0,4}) [-–—|] (?P<outlet>\S+(?: \S+){0,2})")
_NAV_WORDS = frozenset(("beranda", "home", "berita", "news", "internasional", "nasional", "dunia", "global",
                        "indeks", "index", "terkini", "terbaru", "populer", "video", "foto", "kanal", "menu",
                        "cari", "search", "masuk", "login", "daftar"))
_BREADCRUMB = re.compile(r"[\w .&-]+(?:(?:\s*[›»]\s*|\s[>/|]\s)[\w .&-]+)+")


@dataclass(frozen=True)
class Clipping:
    """A parsed clipping: the outlet's text without furniture, plus what the furniture said."""

    title: str
    outlet: str  # "" when the clipping names no outlet
    paragraphs: tuple[str, ...]
    original_file: str
    published: date | None = None
    author: str | None = None
    url: str | None = None
    dateline: str | None = None  # the city of the dateline ("Seoul"), if any
    removed_lines: int = 0  # non-blank lines of furniture removed
    missing: tuple[str, ...] = ()  # front matter fields the text does not state: fill in or check them


@dataclass(frozen=True)
class ImportedClipping:
    """What one import wrote, for the CLI to report."""

    source: Path
    target: Path
    title: str
    outlet: str
    published: date | None
    removed_lines: int
    missing: tuple[str, ...] = ()


def normalize_line(line: str) -> str:
    """Zero-width characters out, every kind of space (no-break, thin) to one plain space."""
    return _BLANKS.sub(" ", _INVISIBLE.sub("", line)).strip()


@dataclass
class _Scan:
    """What one pass over a clipping's lines has learnt (local to one ``parse_clipping`` call)."""

    title: str | None = None
    outlets: list[str] = field(default_factory=list)  # evidence for the outlet, strongest first
    published: date | None = None
    author: str | None = None
    url: str | None = None
    removed: int = 0
    skip_next: bool = False  # "Baca juga:" alone on its line: the next line is the linked headline


def _section_header(line: str) -> str | None:
    """Outlet name if the line is the outlet's name (its logo), perhaps followed by lowercase
    section words ("Kompas TV internasional kompas dunia")."""
    words = line.split()
    for k in (3, 2, 1):
        name = known_outlet(" ".join(words[:k])) if len(words) >= k else None
        if name and all(w.islower() for w in words[k:]):
            return name
    return None


def _nav_line(line: str) -> bool:
    """Site navigation above the headline: "Beranda", "Home › Internasional", "berita dunia"."""
    words = line.split()
    if len(words) > 6 or re.search(r"[.,;:?!\"”]$", line):
        return False
    if all(w.lower().strip("›»>|/") in _NAV_WORDS or not w.strip("›»>|/") for w in words):
        return True
    return bool(_BREADCRUMB.fullmatch(line)) or (len(words) <= 4 and line.islower())


def _record_staff(line: str, scan: _Scan) -> None:
    """ "Penulis : Edwin Shri Bimo | Editor : Edy A. Putra" -> author (not the editor)."""
    for part in _STAFF_SPLIT.split(line):
        role, _, value = part.partition(":")
        if role.strip().lower() in _AUTHOR_ROLES and value.strip():
            scan.author = scan.author or value.strip()


def _furniture(line: str, scan: _Scan, in_header: bool) -> bool:
    """True when the line is page furniture; what it says (author, date, outlet) goes to scan.

    ``in_header``: no article paragraph seen yet, where dates are the publication date and
    navigation and section headers sit.
    """
    if related := _RELATED_LINK.match(line):
        scan.skip_next = not line[related.end():].strip()
        return True
    if any(rule.fullmatch(line) for rule in (_END_MARKER, _FURNITURE_LINE, _PROMO, _URL_SLUG, _WIRE_SLUG,
                                             _ASSIST_CREDIT, _INITIALS_LINE, _SOURCE_TRAILER)):
        return True
    if _CAPTION.search(line):
        return True
    if byline := _REPORTER_BYLINE.fullmatch(line):
        scan.outlets.append(byline["outlet"])
        scan.author = scan.author or byline["author"].strip()
        return True
    if _STAFF_LINE.fullmatch(line):
        _record_staff(line, scan)
        return True
    if _URL_LINE.fullmatch(line):
        if line.lower().startswith(("http://", "https://")) and not scan.url:
            scan.url = line
        return True
    if (stated := parse_date_line(line)) is not None:
        if in_header and scan.published is None:
            scan.published = stated[0]
        if stated[1]:
            scan.outlets.append(stated[1])
        return True
    if not in_header:
        return False
    if name := _section_header(line):
        scan.outlets.append(name)
        return True
    if (byline := _BYLINE.fullmatch(line)) and _outlet_like(byline["outlet"]):  # Novi Christiastuti - detikNews
        scan.outlets.append(byline["outlet"])
        scan.author = scan.author or byline["author"]
        return True
    return scan.title is None and _nav_line(line)


def _headline(line: str) -> bool:
    """A headline is short and does not end like a sentence (it may end in ? or !)."""
    return 2 <= len(line.split()) <= 25 and not _HEADLINE_END.search(line) and dateline(line) is None


def _lead_sentence(paragraph: str) -> str:
    """First sentence of the lead without its full stop: the title of a clipping that has none."""
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z“\"])", paragraph)
    return (paragraph[: match.start()] if match else paragraph).rstrip(".").strip()


def parse_clipping(text: str, name: str) -> Clipping:
    """Split a clipping's text into headline, article paragraphs and what the furniture says.

    One line of a pasted page is one paragraph (pages are copied paragraph by paragraph,
    never hard-wrapped).  Raises DossierError when nothing of an article is left.
    """
    lines = [normalize_line(raw) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if not any(lines):
        raise DossierError.at("the clipping is empty", Path(name), 1)
    scan = _Scan()
    body: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        if body and _END_MARKER.fullmatch(line):  # the article is over: footer, comments, next post
            scan.removed += sum(1 for rest in lines[number - 1:] if rest)
            break
        if scan.skip_next:
            scan.skip_next = False
            scan.removed += 1
        elif _furniture(line, scan, in_header=not body):
            scan.removed += 1
        elif scan.title is None and not body and _headline(line):
            scan.title = line
        else:
            body.append(line)
    if not body:
        raise DossierError.at("no article text left after removing the page furniture", Path(name), 1)
    # Who published the page: its own furniture and URL say so first; the lead's dateline may
    # name a wire agency whose story it ran ("Jakarta (ANTARA) -"); a lone capitalised word
    # before the dash may be a city ("MOSKOW -"), so it is only a guess, for the user to check.
    if scan.url:
        scan.outlets.append(re.sub(r"^https?://(?:www\.)?", "", scan.url, flags=re.I).split("/")[0])
    city, guess = None, None
    if signed := dateline(body[0]):
        city, signature, body[0], sure = signed
        if signature and sure:
            scan.outlets.append(signature)
        guess = signature
    body[-1] = _INITIALS_TAIL.sub("", body[-1])
    evidence = scan.outlets or ([guess] if guess else [])
    outlet = display_outlet(evidence[0]) if evidence else ""
    missing = tuple(key for key, absent in (("title", scan.title is None), ("outlet", not scan.outlets),
                                            ("published", scan.published is None)) if absent)
    return Clipping(title=scan.title or _lead_sentence(body[0]), outlet=outlet,
                    paragraphs=tuple(p for p in body if p), original_file=name, published=scan.published,
                    author=scan.author, url=scan.url, dateline=city, removed_lines=scan.removed,
                    missing=missing)


# ------------------------------------------------------------------ Markdown output

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|([#>+=|~-])|(\*))")


def escape_markdown(paragraph: str) -> str:
    """Backslash-escape what Markdown would read as markup, so the text renders as written.

    Inline: emphasis, code, links, autolinks, entities.  Line start: headings, quotes, list
    markers ("1." "-" "+"), thematic breaks and fences.  CommonMark lets any ASCII
    punctuation be escaped, so an escape never changes the visible text.
    """
    escaped = _INLINE_SPECIAL.sub(lambda m: "\\" + m.group(0), paragraph)

    def start(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1) + "\\" + match.group(2)
        return "\\" + match.group(0)

    return _BLOCK_START.sub(start, escaped, count=1)


def to_markdown(clipping: Clipping) -> str:
    """Front matter (YAML) and the article body, one paragraph per block."""
    front: dict[str, object] = {"title": clipping.title, "outlet": clipping.outlet,
                                "published": clipping.published}
    if clipping.author:
        front["author"] = clipping.author
    if clipping.url:
        front["url"] = clipping.url
    front["original_file"] = clipping.original_file
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
    body = "\n\n".join(escape_markdown(p) for p in clipping.paragraphs)
    return f"---\n{header}---\n\n{body}\n"


def clipping_slug(title: str) -> str:
    """File name stem: the slugified title, at most SLUG_LENGTH characters, cut between words."""
    slug = slugify(title, max_length=1000)
    if len(slug) > SLUG_LENGTH:
        slug = slug[: SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return slug


# ------------------------------------------------------------------ the command


def _imported_from(target: Path) -> str | None:
    """``original_file`` of an existing content file, None if it has none or cannot be read."""
    try:
        front, _, _ = split_front_matter(target.read_text(encoding="utf-8"), target)
        data = yaml.safe_load(front)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, DossierError):
        return None
    return data.get("original_file") if isinstance(data, dict) else None


def _target(clipping: Clipping, content_dir: Path, claimed: dict[Path, Path]) -> Path:
    """``content/<slug>.md``, unless that file is another article with the same headline (a wire
    story several outlets ran): then the outlet's name, or a number, tells them apart."""
    stem = clipping_slug(clipping.title)
    stems = [stem] + ([f"{stem}-{slugify(clipping.outlet)}"] if clipping.outlet else [])
    for candidate in [*stems, *(f"{stem}-{n}" for n in range(2, 1000))]:
        target = content_dir / f"{candidate}.md"
        if target not in claimed and (not target.exists() or _imported_from(target) == clipping.original_file):
            return target
    raise DossierError.at(f"too many articles titled {clipping.title!r}", content_dir)


def import_clippings(paths: Sequence[Path], content_dir: Path, *, force: bool = False
                     ) -> tuple[ImportedClipping, ...]:
    """Import every clipping or none: all inputs are read and checked before anything is written.

    Existing content files are never overwritten without ``force`` (they may hold hand edits).
    Each file is written to a temporary name first and renamed into place, so an interrupted
    import leaves no half-written article for the next build to trip over.
    """
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    planned: list[tuple[Path, Path, Clipping]] = []
    claimed: dict[Path, Path] = {}  # target -> source, within this import
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.resolve() in seen:
            problems.append(Problem("this clipping is given twice", path))
            continue
        seen.add(path.resolve())
        try:
            clipping = parse_clipping(read_text_file(path), path.name)
        except DossierError as exc:
            problems.extend(Problem(p.message, path, p.line, p.column) for p in exc.problems)
            continue
        target = _target(clipping, content_dir, claimed)
        if target.exists() and not force:
            problems.append(Problem(f"{target} already exists (imported earlier, perhaps edited since); "
                                    "pass --force to overwrite it", path, 1))
        claimed[target] = path
        planned.append((path, target, clipping))
    if problems:
        raise DossierError(problems)
    content_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for _, target, clipping in planned:
            fd, temp = tempfile.mkstemp(prefix=".import-", suffix=".md.tmp", dir=target.parent)
            staged.append((temp, target))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(to_markdown(clipping))
    except OSError as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise DossierError.at(f"cannot write: {exc.strerror}", content_dir) from None
    for temp, target in staged:
        os.replace(temp, target)
    return tuple(ImportedClipping(source=path, target=target, title=c.title, outlet=c.outlet,
                                  published=c.published, removed_lines=c.removed_lines, missing=c.missing)
                 for path, target, c in planned)
