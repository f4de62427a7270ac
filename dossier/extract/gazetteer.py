"""What the extractors know before reading an article: a value built once per build.

Three kinds of knowledge, none of them a list of the answers:
- generic lexicons shipped in ``dossier/data`` (country and city names from CLDR/GeoNames,
  words that are common Indonesian or English vocabulary rather than names), generated at
  development time by ``dossier/data/make_data.py`` so nothing is fetched at build time;
- the cue words of Indonesian (and English) news prose below: titles that precede a
  person, prepositions that precede a place, head and tail words of organisations;
- names kept by hand that the lexicons lack (``hand_kept``: "AS", "Basarnas", the islands);
- the user's ``site.yaml`` entities, which only *refine* names, aliases and types.

The gazetteer is an immutable value passed to every extractor call: no module globals,
so workers, tests and two dossiers in one process never see each other's knowledge.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

from ..models import EntityType, KnownEntity
from ..text import fold
from .hand_kept import ABBREVIATIONS, ISLANDS

# Police and military ranks.  They stand right before the name, after the office and its unit
# ("Kapolres Sleman AKBP Yuswanto Ardi"), so inside a capitalised run a rank starts the person.
RANKS = frozenset({"komjen", "irjen", "brigjen", "kombes", "akbp", "kompol", "akp", "iptu", "ipda", "aiptu",
                   "aipda", "bripka", "brigpol", "briptu", "bripda", "letjen", "mayjen", "letkol", "pratu",
                   "praka", "serka", "serma", "kopda", "laksda", "laksma", "marsda", "marsma",
                   "prada", "letda", "lettu", "serda", "sertu", "pelda", "peltu", "kopka", "koptu",
                   "bharada", "bharatu", "bharaka",
                   # the corps after an officer's rank: "Letkol Inf Arif", "Kolonel Pnb Agus"
                   "inf", "kav", "arm", "arh", "czi", "cpm", "chb", "ckm", "cku", "cpn", "pnb",
                   "kardinal", "mgr", "romo"})  # the Church's, as they stand: "Uskup Agung Jakarta Kardinal …"
# Offices named after the region they govern: the word after them is a place ("Bupati Garut").
REGIONAL_OFFICES = frozenset({"gubernur", "wakil gubernur", "bupati", "wakil bupati", "wali kota", "walikota",
                              "wakil wali kota", "camat", "lurah", "kapolda", "kapolres", "kapolresta", "kapolsek",
                              "pangdam", "danrem", "dandim", "kajati", "kajari", "sekda", "pemprov", "pemkot",
                              "pemkab", "polda", "polres", "polresta", "kodam", "kepala desa", "kades",
                              "kepala dusun", "kepala kelurahan"})
# Words that introduce a person: titles, roles, honorifics (lowercase; multiword allowed).
PERSON_TITLES = frozenset({
    "presiden", "wakil presiden", "pemimpin", "pemimpin tertinggi", "juru bicara", "jubir", "menteri",
    "perdana menteri", "menteri luar negeri", "menlu", "menhan", "direktur", "direktur jenderal", "ketua",
    "wakil ketua", "kepala", "sekretaris", "sekretaris jenderal", "sekjen", "duta besar", "dubes", "jenderal",
    "konsul", "konsul haji", "konsul jenderal",
    "laksamana", "kolonel", "mayor", "kapten", "letnan", "marsekal", "raja", "ratu", "pangeran", "putri",
    "mama",  # the honorific of a woman in Papua, Maluku and Nusa Tenggara ("Mama Yosina Dimara")
    "kanselir", "gubernur", "wali kota", "walikota", "bupati", "senator", "anggota", "profesor", "prof",
    "pakar", "ahli", "analis", "peneliti", "kamerad", "mr", "mrs", "ms", "dr", "tuan", "nyonya", "bapak",
    "pak", "ibu", "bu", "sdr", "saudara", "wartawan", "jurnalis", "koresponden", "penulis", "editor",
    "komandan", "panglima", "diplomat", "utusan", "penasihat", "paus", "imam", "uskup",
    "uskup agung", "kardinal", "mgr", "monsinyur", "romo", "pastor", "suster",  # the Church's titles
    # the Sangha's: a monk or nun, and a Sangha's regional or national head ("Bhikkhu Sumedhaviro")
    "bhikkhu", "bhikkhuni", "bhikku", "biksu", "biksuni", "bhiksu", "bhiksuni", "bhante", "ajahn", "sayadaw",
    "padesanayaka", "sanghanayaka",
    # regional honorifics that open a nickname: Sundanese, Sasak, Javanese ("Ceu Imah", "Inaq Bulan")
    "ceu", "kang", "mang", "inaq", "amaq", "mas", "mbak",
    # professions and local offices that introduce the person quoted in domestic news
    "pengamat", "dosen", "guru besar", "rektor", "dekan", "camat", "lurah", "kepala desa", "kades",
    "kapolri", "kapolda", "kapolres", "kapolsek", "hakim", "hakim ketua", "jaksa", "pengacara",
    "kuasa hukum", "ketua umum", "direktur utama", "dirut", "komisaris", "pejabat", "aktivis",
    "koordinator", "pendiri", "pelatih", "dokter", "ekonom", "sejarawan", "politikus", "politisi",
    "pilot", "kopilot", "pramugari", "pramugara", "nakhoda", "masinis",  # a crew: "kopilot Dimas Arya Pratama"
    # sport: a player's position or discipline before the name ("Penyerang Dewa United, Bagus …")
    "pemain", "penyerang", "gelandang", "bek", "kiper", "striker", "atlet", "pembalap", "pebalap", "petinju",
    "pelari", "perenang", "pesilat", "wasit",
    # business titles in English, as the press keeps them; police unit heads
    "ceo", "cfo", "coo", "cto", "co-founder", "founder", "partner", "managing partner", "chief executive officer",
    "chief financial officer", "vice president", "general manager", "manager", "head", "kasat", "kasat reskrim",
    "kasat narkoba", "kasat lantas", "kanit",
    "irjen pol", "brigjen pol", "komjen pol", "kombes pol", "jenderal pol",  # police ranks with "Pol"
    "terdakwa", "tersangka", "saksi", "kiai", "ustaz", "pendeta", "sekda", "kadis", "plt",
    "jenderal polisi", "mayor jenderal", "kh", "menko", "menteri koordinator", "wamen", "wakil menteri",
    "dirjen", "sesjen", "kabid", "kadiv", "kabag", "kasubdit", "kapuspen",
    # honorifics and degrees written before the name ("Hj. Endang Sulastri", "Ir. Bambang Susilo")
    "hj", "hajah", "hajjah", "ir", "drs", "dra",
    # ministers by the press's short names for them ("Menkeu Sri Mulyani")
    "menkeu", "mendagri", "menkes", "mendikbud", "mendikbudristek", "menag", "mensos", "menpora", "menhub",
    "menaker", "mentan", "menperin", "mendag", "menparekraf", "menkumham", "menkominfo", "menpan", "mendes",
    "ayah", "putra", "istri", "suami", "adik", "kakak", "president", "prime minister", "minister",
    "spokesman", "spokeswoman", "spokesperson", "director", "chairman", "general", "professor", "comrade",
    "leader", "governor", "ambassador", "king", "queen", "prince", "princess",
}) | RANKS | frozenset(
    # the Navy's ranks name their service after them ("Letkol Laut (P) Benny Sitorus")
    f"{rank} laut" for rank in ("laksamana", "kolonel", "letkol", "mayor", "kapten", "letnan", "lettu", "letda",
                                "peltu", "pelda", "serma", "serka", "sertu", "serda", "kopka", "kopda", "koptu",
                                "praka", "pratu", "prada"))
# A person's age in brackets right after the name, as the press introduces someone it quotes
# once ("Pedagang di Pasar Keputran, Sutrisno (52), mengaku ..."): a regular expression.
AGE_IN_BRACKETS = r"\s?\(\d{1,2}(?:\s+tahun)?\)"
# A company's legal form between its name and its ticker or acronym, no part of either:
# "PT Nusantara Agro Lestari Tbk (NAGL)", "PT Telkom Indonesia (Persero) Tbk (TLKM)".
LEGAL_SUFFIX = "Tbk"  # (a listed company: "terbuka")
_LEGAL_FORM = r"(?:\s*\(Persero\)(?=\s+Tbk\b))?(?:\s+Tbk\b\.?)?"
# An acronym in brackets right after a name, its legal form allowed between: group 1 is the acronym
# ("(KCNA)", "(PDI-P)", "Tbk (NAGL)", "(Ditjen PHU)").
ACRONYM_AFTER_NAME = _LEGAL_FORM + r"\s*\(([A-Z][A-Za-z]{1,16}(?:-[A-Z][A-Za-z]{0,4}| [A-Z]{2,5})?)\)"
# Verbs of saying that put the speaker right after them ("…," kata Kirby).
SPEECH_BEFORE = frozenset({"kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tambah", "imbuh", "tegas",
                           "sebut", "terang", "papar", "pungkas", "said", "says"})
# What puts a speaker's name right after it: a verb of saying, or "menurut" (according to).
SPEAKER_CUES = SPEECH_BEFORE | {"menurut"}
# Verbs of saying that put the speaker right before them (Peskov mengatakan …).
SPEECH_AFTER = frozenset({"mengatakan", "menyatakan", "berkata", "menambahkan", "menegaskan", "menjelaskan",
                          "menyebut", "menyebutkan", "mengungkapkan", "menuturkan", "menyampaikan",
                          "melaporkan", "menulis", "mengumumkan", "memperingatkan", "menilai", "berpendapat",
                          "mengakui", "mengaku", "menerangkan", "memaparkan", "mengingatkan", "membenarkan",
                          "menandaskan",
                          "said", "says", "told"})
# Words after which an unknown single name is a place.
PLACE_CUES = frozenset({"di", "ke", "dari", "kota", "wilayah", "provinsi", "negara", "kawasan", "daerah",
                        "pulau", "distrik", "kabupaten", "desa", "ibu kota", "kecamatan", "kelurahan", "dusun",
                        "kampung", "nagari", "kota madya", "kotamadya", "warga", "asal", "in", "to", "from",
                        "kalurahan", "kapanewon", "kemantren", "padukuhan"})
# Administrative divisions: "Kabupaten Flores Timur", "Kota Semarang" are the places Flores Timur
# and Semarang (the word is dropped, so every later bare mention is the same place).
ADMIN_DIVISIONS = frozenset({"provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa", "dusun",
                             "kampung", "nagari", "kotamadya", "distrik",
                             "kalurahan", "kapanewon", "kemantren", "padukuhan",  # Yogyakarta's own
                             "embarkasi", "debarkasi"})  # hajj flights by their city: "Embarkasi Padang"
# Words after which a name is an organisation ("kantor berita TASS", "surat kabar …").
ORG_CUES = frozenset({"kantor berita", "surat kabar", "harian", "situs web", "stasiun televisi", "media",
                      "lembaga", "perusahaan", "partai", "organisasi", "kelompok", "koran", "majalah"})
# Hospitals, named after a person or a place: "RSUD Reda Bolo", "RSUD dr. M. Ashari", "RSUP Dr. Sardjito".
HOSPITALS = frozenset({"rsud", "rsup", "rsu", "rs", "rsia", "rspad", "rsal", "rsau", "rsj", "rsab"})
# First words of organisation names ("Kementerian Pertahanan", "Badan Intelijen Nasional").
ORG_HEADS = frozenset({"kantor", "badan", "kementerian", "departemen", "dewan", "universitas", "institut",
                       "lembaga", "komisi", "majelis", "partai", "bank", "perserikatan", "gedung", "akademi",
                       "angkatan", "mahkamah", "pengadilan", "tentara", "sekretariat", "kepolisian",
                       "kejaksaan", "komite", "asosiasi", "persatuan", "perhimpunan", "yayasan", "organisasi",
                       "biro", "dinas", "direktorat", "markas", "kedutaan", "konsulat", "pt", "sekolah",
                       "keuskupan",  # a diocese: "Keuskupan Agung Jakarta"
                       "fakultas", "senat", "perkumpulan",  # "Fakultas Teknik", "Senat Akademik"
                       "konsorsium",  # "Konsorsium Nusantara"
                       "sd", "sdn", "smp", "smpn", "sma", "sman", "smk", "smkn",  # schools: "SMA Negeri 1 Bogor"
                       "satgas", "satuan", "perum", "perumda",  # "Satgas Pangan", "Perum Bulog"
                       "bursa",  # "Bursa Efek Indonesia"
                       "fc", "ac", "sc", "kv", "fk", "sv",  # football clubs: "FC Utrecht", "KV Oostende"
                       "pb", "federasi",  # badminton clubs, federations: "PB Djarum", "Federasi Bulu Tangkis Dunia"
                       "balai",  # "Balai Pemasyarakatan (Bapas)", "Balai Besar …"
                       "korps",  # "Korps Lalu Lintas (Korlantas) Polri"
                       "pangkalan",  # a base: "Pangkalan TNI Angkatan Laut (Lanal) Baubau"
                       *HOSPITALS,
                       "university", "ministry", "department", "council"})
# Last words of organisation names ("Stimson Center", "Associated Press", "Chosun Ilbo").
ORG_TAILS = frozenset({"center", "centre", "agency", "news", "academy", "institute", "university",
                       "council", "ministry", "party", "times", "post", "press", "corporation", "group",
                       "association", "committee", "organization", "organisation", "foundation", "service",
                       "office", "department", "command", "army", "navy", "ilbo", "shimbun", "daily",
                       "herald", "journal", "tribune", "network", "company", "inc", "ltd", "bank",
                       "commission", "school", "college", "club", "fund", "union", "reuters", "bloomberg",
                       "sekuritas", "securities",  # brokers: "Mandiri Sekuritas"
                       "team", "racing", "sports",  # racing teams, sports businesses: "Prima Pramac Racing"
                       "fc", "united",  # football clubs: "Arema FC", "Bali United"
                       "reserve", "fed",  # central banks: "Federal Reserve", "The Fed"
                       "programme",  # UN bodies: "World Food Programme"
                       "airlines", "airways",  # "Saudi Arabian Airlines", "Qatar Airways"
                       "ventures", "capital", "partners", "holdings"})  # investors: "East Ventures"
# First/last words of place names that are not in the city list.
PLACE_HEADS = frozenset({"kosmodrom", "bandara", "pelabuhan", "pulau", "selat", "laut", "teluk", "gunung",
                         "sungai", "danau", "jalan", "jl", "semenanjung", "lapangan",
                         "stasiun", "alun-alun", "kepulauan", "bendungan", "bendung", "waduk", "jembatan",
                         "terminal", "stadion", "pantai", "candi", "masjid", "katedral", "pasar", "kompleks", "taman",
                         "monumen", "gelora", "terowongan", "kebun",
                         "bundaran", "patung",  # landmarks of a city: "Bundaran HI", "Patung Kuda"
                         "hotel",
                         "suaka", "cagar",  # protected areas: "Suaka Margasatwa Rimbang Baling", "Cagar Alam …"
                         "sesar"})  # a fault line: "Sesar Palu-Koro"
PLACE_TAILS = frozenset({"cosmodrome", "airport", "port", "station", "square", "street", "bridge", "island",
                         "islands", "river", "mountains", "sea", "ocean", "peninsula", "province", "oblast",
                         "krai", "city", "county", "district", "valley", "strait", "shoal", "reef", "atoll",
                         "bay", "gulf", "lake", "canal"})
# Capitalised tokens that are never entities: time zones, outlet furniture.
NOT_NAMES = frozenset({"wib", "wita", "wit", "gmt", "utc", "am", "pm", "tv", "foto", "video", "baca",
                       "berita", "sumber", "penulis", "editor", "ok", "pdf", "url", "www", "com", "id", "ktt",
                       "data", "wni", "wna",  # "Data BNPB menunjukkan …": the figures of, not a name
                       "gt",  # "GT Kalikangkung": a toll gate ("gerbang tol"), not an organisation
                       "hut",  # "HUT ke-79": an anniversary ("hari ulang tahun")
                       # school levels and admissions, neighbourhood units: "SMA", "PPDB", "RT 04/RW 02"
                       "sd", "sdn", "smp", "smpn", "sma", "sman", "smk", "smkn", "slb", "paud", "ppdb", "mpls",
                       "rt", "rw", "vona", "notam",  # aviation notices: "VONA", "NOTAM"
                       "osc", "pr", "sj", "ofm", "svd", "msc",  # a priest's order after his name ("Romo …, Pr")
                       # acronyms of things, not bodies: fuel, budgets, polling stations, small firms,
                       # civil servants, cash aid, identity cards, layoffs, GDP, dengue, taxes, wages
                       "bbm", "apbn", "apbd", "rapbn", "rapbd", "tps", "umkm", "pns", "asn", "blt", "ktp", "nik",
                       "phk", "pdb", "dbd", "ott", "ppkm", "lpg", "pph", "ppn", "ump", "umr", "kur",
                       "ihsg",  # the stock index (Indeks Harga Saham Gabungan)
                       "kilometer", "km", "gps", "sar",  # "di Kilometer 56"; "rekaman GPS"; "Tim SAR gabungan"
                       # bills, laws and regulations; a tournament ("Indonesia Open")
                       "ruu", "uu", "perppu", "perpres", "perda", "raperda", "kuhp", "kuhap", "prolegnas", "open",
                       # a business's registration and metrics: "NIB", "OSS", "GMV", "IPO"
                       "nib", "oss", "gmv", "ipo", "npwp",
                       # a university's fee, an engineer's post-nominal title, its anniversary
                       "ukt", "ipu", "ipm", "dies", "natalis",
                       "be",  # the Buddhist era after a year: "Waisak 2568 BE"
                       # a hospital's units; a hospital manager's degree ("dr. Hendra Wijaya, MARS")
                       "igd", "icu", "picu", "nicu", "hcu", "iccu", "mars",
                       # letters, permits and papers by their acronyms ("Surat Persetujuan Berlayar (SPB)")
                       "sk", "spb", "skck", "stnk", "bpkb", "spdp", "sppd", "sprindik", "imb", "pbg", "amdal",
                       "perseroda"})  # a regional company's legal form: "PT Kendal Agro Mandiri (Perseroda)"
# Titles written after a name, no part of it: a monk's seniority ("Bhikkhu Sumedhaviro Mahathera").
POST_NAME_TITLES = frozenset({"mahathera", "thera", "mahathero", "thero"})
# Indonesian number words: "Konsensus Lima Poin", "Kelompok Tujuh".  A capitalised numeral is
# a numeral; "Lima" the city needs a place cue ("di Lima") like any city named like a word.
NUMERALS = frozenset({"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
                      "sepuluh", "sebelas", "seratus", "seribu", "sejuta"})
# Connectors allowed inside a name when followed by another capitalised word.
CONNECTORS = frozenset({"of", "on", "the", "and", "for", "bin", "binti", "van", "von", "der", "de", "del",
                        "al", "el", "la", "le", "da", "dos", "du", "upon", "am"})
# Arabic articles, joined by a hyphen to the word they go with ("Khalil al-Masri", "Deir al-Balah").
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "asy", "at", "az"})


class Memo:
    """Answers the extractors worked out from a gazetteer and the words they were asked
    about, kept with it for reuse: pure functions of the two, so a hit is what a fresh
    computation would give.  News repeats its names in the same few contexts, in an article
    and across a dossier; each process (a worker, the preview server) has its own."""

    __slots__ = ("plain_words", "runs", "sentences")

    def __init__(self) -> None:
        self.plain_words: dict[str, bool] = {}  # word_kinds.plain_word
        self.runs: dict[object, object] = {}  # candidates.segment, by its arguments
        self.sentences: dict[str, tuple[tuple[object, ...], ...]] = {}  # candidates of a sentence, by its text


@dataclass(frozen=True)
class Gazetteer:
    """Everything the extractors consult; build with ``build_gazetteer``."""

    places: Mapping[str, str]  # folded name -> display name (countries, regions, cities)
    common_words: frozenset[str]  # lowercase vocabulary words: capitalised, still not a name
    calendar_words: frozenset[str]  # months and weekdays, never names
    known: tuple[KnownEntity, ...]
    known_names: Mapping[str, KnownEntity]  # folded name or alias -> known entity
    abbreviations: Mapping[str, tuple[str, EntityType]]
    vocabulary_places: frozenset[str] = frozenset()  # folded city names that are also common words
    # Big cities named like a common word, known without a cue ("Medan", "Surat", "Baku", "Bursa"):
    # the folded names, for ``article_candidates`` to tell "Surat kabar …" from "Surat dilanda …".
    vocabulary_metropolises: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # folded country and region names
    towns: frozenset[str] = frozenset()  # folded names of small towns only (not also a bigger place)
    max_name_tokens: int = 6
    data_digest: str = ""  # hash of the shipped data files, for caches keyed on extractor inputs
    # What a name ``lookup`` knows can begin with, so most words are turned away at once:
    # the folded names' first words, first two words... (a folded name is its words with
    # single spaces, and a name's first word folds to the start of the folded name), and
    # every start of an abbreviation as written.
    name_starts: frozenset[str] = frozenset()
    abbreviation_starts: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()  # common_words | calendar_words, for is_common
    memo: Memo = field(default_factory=Memo, compare=False, repr=False)

    def lookup(self, name: str) -> tuple[str, EntityType] | None:
        """Canonical name and type of a name the gazetteer knows (known entities first)."""
        folded = fold(name)
        known = self.known_names.get(folded)
        if known is not None:
            return known.name, known.type
        expansion = self.abbreviations.get(name)
        if expansion is not None:
            full = self.known_names.get(fold(expansion[0]))
            return (full.name, full.type) if full else expansion
        place = self.places.get(folded)
        if place is not None:
            return place, "place"
        return None

    def may_start_name(self, word: str) -> bool:
        """Can a name ``lookup`` knows begin with the word ``word`` (then a space, hyphen or
        ". ", or nothing)?  False means ``lookup`` of every name starting so is None."""
        folded = fold(word)
        return folded in self.name_starts or word in self.abbreviation_starts or not folded

    def is_common(self, word: str) -> bool:
        """A vocabulary word (capitalised only by position or style), never an acronym like DPR."""
        if len(word) >= 2 and word.isupper():
            return False
        return word.casefold() in self.vocabulary


DATA_FILES = ("places.tsv", "regencies.tsv", "common_words.txt", "calendar_words.txt")
# Regencies' names the lexicon leaves out: titles' abbreviations ("Karo", "Kaur": Kepala Biro,
# Kepala Urusan), given names ("Agam", "Sarmi") and short forms that are words ("Loteng", attic).
_NOT_REGENCIES = frozenset({"karo", "kaur", "agam", "sarmi", "madina", "palas", "mabar", "loteng", "kobar",
                            "mateng", "lobar", "meranti", "batubara"})  # (coal: "Mineral dan Batubara")


def _data_text(name: str) -> str:
    return resources.files("dossier.data").joinpath(name).read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


class _Lexicons(NamedTuple):
    """What ``build_gazetteer`` makes of the shipped data files alone."""

    digest: str
    common: frozenset[str]
    places: Mapping[str, str]
    countries: frozenset[str]
    towns: frozenset[str]
    vocabulary_places: frozenset[str]
    vocabulary_metropolises: frozenset[str]
    calendar: frozenset[str]
    vocabulary: frozenset[str]  # common | calendar
    longest: int  # words in the longest place name
    name_starts: frozenset[str]  # of the place names


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    """The shipped lexicons, read and indexed once per process: they are files of the
    installed package, and a build asks for the gazetteer more than once (extraction,
    the analysis' countries); the known entities are the only part a build changes."""
    texts = {name: _data_text(name) for name in DATA_FILES}
    digest = hashlib.sha256("\0".join(texts[name] for name in DATA_FILES).encode()).hexdigest()[:16]
    common = frozenset(_lines(texts["common_words.txt"])) | NUMERALS
    places: dict[str, str] = {}
    countries: set[str] = set()
    metropolises: set[str] = set()
    towns: set[str] = set()
    bigger: set[str] = set()
    for line in _lines(texts["places.tsv"]):
        name, _, kind = line.partition("\t")
        places.setdefault(fold(name), name)
        if kind in ("country", "region"):
            countries.add(fold(name))
        elif kind == "metropolis":
            metropolises.add(fold(name))
        if kind == "town":
            towns.add(fold(name))
        else:
            bigger.add(fold(name))
    for island in ISLANDS:
        places.setdefault(fold(island), island)
        bigger.add(fold(island))
    for name, official in _regencies(texts["regencies.tsv"]):
        places.setdefault(fold(name), official)
        bigger.add(fold(name))
    # "Kota" (India), "Medan", "Urusan": a smaller city named like a vocabulary word needs a cue.
    vocabulary = frozenset(p for p in places if p in common and p not in countries
                           and (p not in metropolises or p in NUMERALS))
    worded_metropolises = frozenset(p for p in metropolises if p in common and p not in countries and p not in NUMERALS)
    calendar = frozenset(_lines(texts["calendar_words.txt"]))
    return _Lexicons(digest, common, MappingProxyType(places), frozenset(countries), frozenset(towns - bigger),
                     vocabulary, worded_metropolises, calendar, common | calendar,
                     max((len(n.split()) for n in places), default=1), _starts(places))


def _regencies(text: str) -> Iterator[tuple[str, str]]:
    """(name, the regency or city it names) of regencies.tsv: Indonesia's regencies and cities and
    the short forms the press writes ("Sidrap" for Sidenreng Rappang), not acronyms ("TTS" is
    also a crossword) nor ``_NOT_REGENCIES``."""
    for line in _lines(text):
        name, kind, _province, *official = line.split("\t")
        if not name.isupper() and fold(name) not in _NOT_REGENCIES:
            yield name, official[0] if kind == "alias" else name


def _starts(names: Iterable[str]) -> frozenset[str]:
    """The first word, first two words... of each folded name."""
    return frozenset(" ".join(words[:n]) for words in (name.split() for name in names)
                     for n in range(1, len(words) + 1))


def build_gazetteer(known: tuple[KnownEntity, ...] = ()) -> Gazetteer:
    """The shipped lexicons (read once per process) with the user's known entities indexed."""
    lexicons = _lexicons()
    known_names: dict[str, KnownEntity] = {}
    for entity in known:
        for name in (entity.name, *entity.aliases):
            known_names.setdefault(fold(name), entity)
    longest = max([lexicons.longest, *(len(n.split()) for n in known_names)])
    abbreviation_starts = frozenset(name[:n] for name in ABBREVIATIONS for n in range(1, len(name) + 1))
    return Gazetteer(
        places=lexicons.places,
        common_words=lexicons.common,
        calendar_words=lexicons.calendar,
        known=tuple(known),
        known_names=MappingProxyType(known_names),
        abbreviations=ABBREVIATIONS,
        vocabulary_places=lexicons.vocabulary_places,
        vocabulary_metropolises=lexicons.vocabulary_metropolises,
        countries=lexicons.countries,
        towns=lexicons.towns,
        max_name_tokens=min(max(longest, 4), 8),
        data_digest=lexicons.digest,
        name_starts=lexicons.name_starts | _starts(known_names) if known_names else lexicons.name_starts,
        abbreviation_starts=abbreviation_starts,
        vocabulary=lexicons.vocabulary,
    )
