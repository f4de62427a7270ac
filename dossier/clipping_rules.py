"""The rules the clipping importer applies: outlet names, page-header dates, kinds of furniture.

Kept apart from ``clipping.py`` (which walks a clipping's lines and writes the Markdown) so
the rules read as a catalogue: each one describes a *kind* of line found on Indonesian news
pages, never a string of one page, and can be tuned without touching the importer's flow.
"""

from __future__ import annotations

import re
from datetime import date

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


def outlet_like(part: str) -> bool:
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
        if outlet_like(part):
            return None, part, rest, True
        if _CAPS.fullmatch(part) and len(re.sub(r"\W", "", part)) >= 4:
            return None, part, rest, False
        return None
    if len(parts) != 2 or not all(parts):
        return None
    if outlet_like(parts[0]) or outlet_like(parts[1]):
        o = 0 if outlet_like(parts[0]) else 1
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
            return (when, rest) if len(rest.split()) <= 3 and outlet_like(rest) else None
    return None


# ------------------------------------------------------------------ kinds of furniture

# Whole lines only: a sentence that merely contains these words is article text.
END_MARKER = re.compile(
    r"(?:next post|previous post|(?:artikel|berita) selanjutnya|(?:baca )?berita lainnya|(?:berita|artikel) "
    r"terkait|(?:berita|video) (?:terpopuler|pilihan)|terpopuler|tinggalkan (?:balasan|komentar)|"
    r"leave a (?:reply|comment)|\d* ?komentar|exit mobile version|follow us|close ads?\b.*|copyright\b.*|©.*)",
    re.I)
FURNITURE_LINE = re.compile(
    r"(?:advertisement|iklan|scroll to continue with content|bagikan|share|copy link|salin (?:tautan|link)|"
    r"facebook|twitter|x|whatsapp|telegram|line|linkedin|e-?mail|tags?\s*:.*|topik\s*:.*|loading\W*|memuat\W*|"
    r"halaman(?:\s+\d+)+|\d+(?:\s+\d+)+|(?:halaman\s+)?(?:selanjutnya|berikutnya|sebelumnya)|lihat semua)", re.I)
# An invitation to follow the outlet elsewhere ("Gabung ke Channel WhatsApp KompasTV ...").
PROMO = re.compile(r"(?=.*\b(?:whatsapp|google news|telegram|play store|app store)\b)(?:ikuti|gabung|follow|"
                    r"unduh|download|simak|dapatkan)\b.{0,200}", re.I)
RELATED_LINK = re.compile(r"(?:(?:baca|lihat|simak|cek)\s+(?:juga|pula)\b|pilihan editor\b|(?:berita|artikel) "
                           r"terkait\s*:)\s*:?", re.I)  # + another headline
URL_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")  # moskow-pastikan-kim-jong-un-...
WIRE_SLUG = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+){2,}")  # TOPSHOT-RUSSIA-NKOREA-POLITICS
URL_LINE = re.compile(r"(?:https?://|www\.)\S+", re.I)
# A photo caption ends with a picture credit ("(Sumber: AP Photo/Ng Han Guan)", "(Dok. Kemlu)",
# "(REUTERS/Kim Hong-Ji)") or starts with "Foto:".  A source or wire attribution ("(Sumber:
# Reuters)", "(AFP/Reuters)") names no picture, so a paragraph that ends with one is article text.
CAPTION = re.compile(
    r"\([^()]*\b(?:photo|foto|pool|getty images|dok|dokumentasi|tangkapan layar|screenshot|ilustrasi)\b[^()]*\)$"
    r"|\([^()]*/\s*[A-Z][a-z]+\s[A-Z][^()/]*\)$|^(?:foto|photo|ilustrasi|gambar)\s*:", re.I)
ASSIST_CREDIT = re.compile(r"[—–-]{1,2}\s*(?:dengan bantuan|with assistance|laporan tambahan|additional "
                            r"reporting|reporting by|dibantu oleh)\b.*", re.I)
INITIALS_LINE = re.compile(r"\((?:[a-z]{1,5}/)*[a-z]{1,5}\)\.?|\(\*\)")  # (bn/dnv) on its own line
INITIALS_TAIL = re.compile(r"\s*\((?:[a-z]{2,5}/)+[a-z]{2,5}\)(?=\.?$)")  # "... Moskow (bn/dnv)."
SOURCE_TRAILER = re.compile(r"sumber\s*:\s*\S.{0,80}", re.I)  # Sumber : Associated Press/TASS
REPORTER_BYLINE = re.compile(r"laporan\s+(?:wartawan|reporter|koresponden|jurnalis|kontributor)\s+"
                              r"(?P<outlet>[^,]{2,40}?)\s*,\s*(?P<author>[^,]{2,60})", re.I)
STAFF_LINE = re.compile(r"(?:penulis|reporter|pewarta|editor|redaktur|penyunting|oleh|author|writer|by)\s*:"
                         r".{0,150}", re.I)
STAFF_SPLIT = re.compile(r"\s*[|•·]\s*|\s+(?=(?:penulis|reporter|pewarta|editor|redaktur|penyunting)\s*:)", re.I)
AUTHOR_ROLES = ("penulis", "reporter", "pewarta", "oleh", "author", "writer", "by")
BYLINE = re.compile(r"(?P<author>[A-Z][\w.']*(?: [A-Z][\w.']*){0,4}) [-–—|] (?P<outlet>\S+(?: \S+){0,2})")
_NAV_WORDS = frozenset(("beranda", "home", "berita", "news", "internasional", "nasional", "dunia", "global",
                        "indeks", "index", "terkini", "terbaru", "populer", "video", "foto", "kanal", "menu",
                        "cari", "search", "masuk", "login", "daftar"))
_BREADCRUMB = re.compile(r"[\w .&-]+(?:(?:\s*[›»]\s*|\s[>/|]\s)[\w .&-]+)+")


def section_header(line: str) -> str | None:
    """Outlet name if the line is the outlet's name (its logo), perhaps followed by lowercase
    section words ("Kompas TV internasional kompas dunia")."""
    words = line.split()
    for k in (3, 2, 1):
        name = known_outlet(" ".join(words[:k])) if len(words) >= k else None
        if name and all(w.islower() for w in words[k:]):
            return name
    return None


def nav_line(line: str) -> bool:
    """Site navigation above the headline: "Beranda", "Home › Internasional", "berita dunia"."""
    words = line.split()
    if len(words) > 6 or re.search(r"[.,;:?!\"”]$", line):
        return False
    if all(w.lower().strip("›»>|/") in _NAV_WORDS or not w.strip("›»>|/") for w in words):
        return True
    return bool(_BREADCRUMB.fullmatch(line)) or (len(words) <= 4 and line.islower())
