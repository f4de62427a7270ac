"""The only module that makes URLs.

Pages live at ``<kind>/<slug>/index.html``; links between them are always relative
("../../tokoh/kim-jong-un/"), so the site works at a domain root, under a sub-path and
from any static host.  Absolute URLs (sitemap, feed, canonical) are made from
``base_url`` here too, and nowhere else.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # config.py uses slugify to check entity names, so no import at run time
    from .config import Config

# Letters that Unicode does not decompose into an ASCII base letter plus accents.
_UNDECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "ß": "ss",
                               "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "ı": "i"})


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug: lowercase letters, digits and single hyphens; never empty, never '..'.

    A name with letters but none in Latin script ("金正恩", "Путин") gets a short hash of
    itself, so two such names never share a page; only text without letters or digits (in
    its compatibility form: "㍘" is "0点") is "item".
    """
    normalized = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    ascii_text = normalized.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    slug = slug[:max_length].rstrip("-")
    if not slug and re.search(r"[^\W_]", text):
        slug = "x" + hashlib.blake2s(unicodedata.normalize("NFC", text.strip()).encode("utf-8"),
                                     digest_size=4).hexdigest()
    return slug or "item"


def page_path(*segments: str) -> str:
    """Output file path of a page, relative to the site root."""
    return posixpath.join(*segments, "index.html") if segments else "index.html"


def article_path(config: Config, slug: str) -> str:
    return page_path(config.paths.articles, slug)


def hub_path(config: Config, slug: str) -> str:
    return page_path(config.paths.topics, slug)


def entity_path(config: Config, entity_type: str, key: str) -> str:
    folder = {"person": config.paths.people, "place": config.paths.places,
              "organization": config.paths.organizations}[entity_type]
    return page_path(folder, key)


def search_path(config: Config) -> str:
    return page_path(config.paths.search)


def timeline_path(config: Config) -> str:
    return page_path(config.paths.timeline)


def numbered_page_path(config: Config, first: str, number: int) -> str:
    """Page ``number`` of a list whose first page is ``first`` ("linimasa/index.html" ->
    "linimasa/page/2/index.html"); page 1 is ``first`` itself, so a short list keeps its URL.

    The page folder (``paths.page``) keeps the numbers out of the list's own folder, where an
    article slug or an entity key made only of digits could live.
    """
    if number == 1:
        return first
    return page_path(posixpath.dirname(first), config.paths.page, str(number))


def first_page_path(config: Config, path: str) -> str:
    """The first page of the list that output ``path`` is a later page of (else ``path``)."""
    parts = path.split("/")
    if len(parts) >= 3 and parts[-1] == "index.html" and parts[-3] == config.paths.page and parts[-2].isdigit():
        return page_path(*parts[:-3])
    return path


def relative_href(from_page: str, to_file: str) -> str:
    """Relative link from one output file to another.

    Links to ``.../index.html`` end at the folder (``../kim-jong-un/``), the form every
    static host serves; links to assets keep their file name.  Both paths are normalized
    output paths (no ``.``/``..`` segments), so comparing segments is enough; this runs for
    every link of every page, and ``posixpath.relpath`` (which asks the OS for the working
    directory each time) made it most of the render time.
    """
    here = from_page.split("/")[:-1]
    parts = to_file.split("/")
    folder = parts[-1] == "index.html"
    if folder:
        parts = parts[:-1]
    common = 0
    while common < min(len(here), len(parts)) and here[common] == parts[common]:
        common += 1
    rel = [".."] * (len(here) - common) + parts[common:]
    if not rel:
        return "./"
    return "/".join(rel) + ("/" if folder else "")


def absolute_url(config: Config, to_file: str) -> str:
    """Absolute URL of an output file, for sitemap, feed, canonical and JSON-LD links only
    (a page's folder for its ``index.html``).  String tests, not ``posixpath``: an article's
    JSON-LD names every entity it mentions, some 23,000 URLs at 1,000 articles."""
    if to_file.endswith("index.html") and (len(to_file) == 10 or to_file[-11] == "/"):
        return config.base_url + to_file[:-10]
    return config.base_url + to_file
