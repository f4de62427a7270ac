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

from .clipping_rules import (
    ASSIST_CREDIT,
    AUTHOR_ROLES,
    BYLINE,
    CAPTION,
    END_MARKER,
    FURNITURE_LINE,
    INITIALS_LINE,
    INITIALS_TAIL,
    PROMO,
    RELATED_LINK,
    REPORTER_BYLINE,
    SOURCE_TRAILER,
    STAFF_LINE,
    STAFF_SPLIT,
    URL_LINE,
    URL_SLUG,
    WIRE_SLUG,
    dateline,
    display_outlet,
    nav_line,
    outlet_like,
    parse_date_line,
    section_header,
)
from .content import is_source_url, split_front_matter
from .errors import DossierError, Problem
from .urls import slugify
from .yaml_reader import read_text_file

SLUG_LENGTH = 60  # file names stay readable; cut at a word boundary
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANKS = re.compile(r"[^\S\n]+")  # every Unicode space (no-break, thin, ideographic) but newline
_HEADLINE_END = re.compile(r"[.,;:]$")



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


def _record_staff(line: str, scan: _Scan) -> None:
    """ "Penulis : Edwin Shri Bimo | Editor : Edy A. Putra" -> author (not the editor)."""
    for part in STAFF_SPLIT.split(line):
        role, _, value = part.partition(":")
        if role.strip().lower() in AUTHOR_ROLES and value.strip():
            scan.author = scan.author or value.strip()


def _furniture(line: str, scan: _Scan, in_header: bool) -> bool:
    """True when the line is page furniture; what it says (author, date, outlet) goes to scan.

    ``in_header``: no article paragraph seen yet, where dates are the publication date and
    navigation and section headers sit.
    """
    if related := RELATED_LINK.match(line):
        scan.skip_next = not line[related.end():].strip()
        return True
    if any(rule.fullmatch(line) for rule in (END_MARKER, FURNITURE_LINE, PROMO, URL_SLUG, WIRE_SLUG,
                                             ASSIST_CREDIT, INITIALS_LINE, SOURCE_TRAILER)):
        return True
    if CAPTION.search(line):
        return True
    if byline := REPORTER_BYLINE.fullmatch(line):
        scan.outlets.append(byline["outlet"])
        scan.author = scan.author or byline["author"].strip()
        return True
    if STAFF_LINE.fullmatch(line):
        _record_staff(line, scan)
        return True
    if URL_LINE.fullmatch(line):
        if is_source_url(line) and not scan.url:  # the page's address, if the build will accept it
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
    if name := section_header(line):
        scan.outlets.append(name)
        return True
    if (byline := BYLINE.fullmatch(line)) and outlet_like(byline["outlet"]):  # Novi Christiastuti - detikNews
        scan.outlets.append(byline["outlet"])
        scan.author = scan.author or byline["author"]
        return True
    return scan.title is None and nav_line(line)


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
        if body and END_MARKER.fullmatch(line):  # the article is over: footer, comments, next post
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
    body[-1] = INITIALS_TAIL.sub("", body[-1])
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
