"""Names kept by hand: places and institutions the press names in ways the shipped lexicons
(CLDR, GeoNames' cities, the word-frequency list) do not hold.

Facts of the language and of Indonesia, not of one story: short forms ("AS", "Jatim"),
institutions named by a syllabic abbreviation ("Basarnas"), the country's islands.  The
gazetteer reads them with the generated lexicons; a dossier refines them in site.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..models import EntityType

__all__ = ["ABBREVIATIONS", "ISLANDS"]

# Standard Indonesian abbreviations and short forms of places and organisations (not specific
# to one story; "Amerika" in Indonesian news is the United States, as "America" is in English).
ABBREVIATIONS: Mapping[str, tuple[str, EntityType]] = MappingProxyType({
    "AS": ("Amerika Serikat", "place"), "Korut": ("Korea Utara", "place"),
    "Korsel": ("Korea Selatan", "place"), "RRT": ("Tiongkok", "place"), "RI": ("Indonesia", "place"),
    "China": ("Tiongkok", "place"), "Cina": ("Tiongkok", "place"),  # one country, by its two Indonesian names
    "UEA": ("Uni Emirat Arab", "place"), "PBB": ("Perserikatan Bangsa-Bangsa", "organization"),
    "UE": ("Uni Eropa", "organization"), "NATO": ("NATO", "organization"),
    "ASEAN": ("ASEAN", "organization"), "DPRK": ("Korea Utara", "place"), "USA": ("Amerika Serikat", "place"),
    "UK": ("Inggris Raya", "place"), "Amerika": ("Amerika Serikat", "place"), "RF": ("Rusia", "place"),
    "DK PBB": ("Dewan Keamanan PBB", "organization"),
    "IAEA": ("IAEA", "organization"), "WHO": ("WHO", "organization"), "IMF": ("IMF", "organization"),
    # Indonesian provinces as the press abbreviates them ("Kapolda Jatim", "Pemprov Kalteng").
    "Jatim": ("Jawa Timur", "place"), "Jateng": ("Jawa Tengah", "place"), "Jabar": ("Jawa Barat", "place"),
    "DIY": ("Yogyakarta", "place"), "DKI": ("Jakarta", "place"), "Kalbar": ("Kalimantan Barat", "place"),
    "Kalteng": ("Kalimantan Tengah", "place"), "Kalsel": ("Kalimantan Selatan", "place"),
    "Kaltim": ("Kalimantan Timur", "place"), "Kaltara": ("Kalimantan Utara", "place"),
    "Sumut": ("Sumatera Utara", "place"), "Sumbar": ("Sumatera Barat", "place"),
    "Sumsel": ("Sumatera Selatan", "place"), "Sulsel": ("Sulawesi Selatan", "place"),
    "Sulut": ("Sulawesi Utara", "place"), "Sulteng": ("Sulawesi Tengah", "place"),
    "Sultra": ("Sulawesi Tenggara", "place"), "Sulbar": ("Sulawesi Barat", "place"),
    "NTT": ("Nusa Tenggara Timur", "place"), "NTB": ("Nusa Tenggara Barat", "place"),
    "Kepri": ("Kepulauan Riau", "place"), "Malut": ("Maluku Utara", "place"),
    # Governments named after their seat, as news names them ("juru bicara Kremlin Dmitry Peskov"):
    # without a comma the title's run holds the institution and the person, and only knowing
    # the institution cuts it.
    "Kremlin": ("Kremlin", "organization"), "Pentagon": ("Pentagon", "organization"),
    "Downing Street": ("Downing Street", "organization"), "Zhongnanhai": ("Zhongnanhai", "organization"),
    "Gedung Putih": ("Gedung Putih", "organization"), "Gedung Biru": ("Gedung Biru", "organization"),
    "Istana Elysee": ("Istana Elysee", "organization"), "Vatikan": ("Vatikan", "place"),
    "Den Haag": ("Den Haag", "place"),  # the Hague as Indonesian writes it (the lexicon has "The Hague")
    # Province names as the press writes them beside the ones the place lexicon has.
    "DKI Jakarta": ("Jakarta", "place"), "DI Yogyakarta": ("Yogyakarta", "place"),
    "Daerah Istimewa Yogyakarta": ("Yogyakarta", "place"), "Papua Pegunungan": ("Papua Pegunungan", "place"),
    "Palangka Raya": ("Palangka Raya", "place"), "Metro Jaya": ("Metro Jaya", "place"),  # Polda Metro Jaya
    # Places by the names the press uses that the lexicon (CLDR, GeoNames) lacks: a city's
    # everyday name ("Solo" is Surakarta), and territories CLDR names otherwise ("Wilayah
    # Palestina") or not at all.
    "Solo": ("Surakarta", "place"), "Jogja": ("Yogyakarta", "place"), "Yogya": ("Yogyakarta", "place"),
    # towns named "Pangkalan …" (a base), which opens an institution's name too ("Pangkalan TNI AL")
    "Pangkalan Bun": ("Pangkalan Bun", "place"), "Pangkalan Kerinci": ("Pangkalan Kerinci", "place"),
    "Pangkalan Susu": ("Pangkalan Susu", "place"),
    "Jabodetabek": ("Jabodetabek", "place"), "Palestina": ("Palestina", "place"),
    "Tepi Barat": ("Tepi Barat", "place"), "Yerusalem": ("Yerusalem", "place"), "Jalur Gaza": ("Gaza", "place"),
    "Istora Senayan": ("Istora Senayan", "place"), "Istora": ("Istora Senayan", "place"),
    "Saudi": ("Arab Saudi", "place"), "Federasi Rusia": ("Rusia", "place"),
    "Mekkah": ("Makkah", "place"), "Mekah": ("Makkah", "place"),
    "Tanah Suci": ("Tanah Suci", "place"),  # the holy land of the hajj, as the press names it
    # the new capital, and the authority that builds and governs it
    "Ibu Kota Nusantara": ("Ibu Kota Nusantara", "place"), "IKN": ("Ibu Kota Nusantara", "place"),
    "Otorita Ibu Kota Nusantara": ("Otorita Ibu Kota Nusantara", "organization"),
    "Otorita IKN": ("Otorita Ibu Kota Nusantara", "organization"),
    # Indonesian institutions the press names by a syllabic abbreviation or a short name, written
    # like a word, not an acronym: nothing in their shape says "organisation", so a role's run
    # ("Direktur Utama Pelindo Arif Suhartono") read them as the person's given name.
    **{name: (name, "organization") for name in (
        "Bawaslu", "Basarnas", "Bappenas", "Bapanas", "Bakamla", "Bapeten", "Baznas", "Lemhannas",
        "Wantimpres", "Kemenparekraf", "Kemendes",
        "Kemenko Polhukam", "Kemenko Marves", "Kemenko Perekonomian", "Setneg", "Setkab", "Polri",
        "Mabes Polri", "Bareskrim", "Brimob", "Densus", "Kejagung", "Kopassus", "Kostrad", "Lantamal",
        "Lanal", "Lanud", "Pertamina", "Pelindo", "Bulog", "Pelni", "Damri", "Perhutani", "Inalum",
        "Jasa Marga", "Angkasa Pura", "Walhi", "Perludem", "KontraS", "Kontras", "Apindo", "Kadin",
        "Formappi", "Peradi", "Muhammadiyah", "Nahdlatul Ulama", "Golkar", "Gerindra", "NasDem", "Hanura",
        "Perindo", "Indonesia Corruption Watch", "Dompet Dhuafa", "Paspampres",
        # airlines, named like a word or a place ("pesawat Garuda Indonesia", "maskapai Saudia")
        "Garuda Indonesia", "Citilink", "Lion Air", "Batik Air", "Wings Air", "Sriwijaya Air", "Pelita Air",
        "Super Air Jet", "Saudia", "TransNusa", "Jetstar", "Virgin Australia", "Lion Air Group", "AirNav Indonesia",
        # platforms and investors the press names bare, like words or people
        "Tokopedia", "Shopee", "Bukalapak", "Lazada", "Blibli", "Traveloka", "Gojek", "Grab", "GoTo", "TikTok Shop",
        "Google", "Temasek",
        # international NGOs and their Indonesian offices, named like words or with the country
        "Greenpeace", "Greenpeace Indonesia", "WWF", "WWF Indonesia", "Amnesty International",
        "Amnesty International Indonesia", "Human Rights Watch", "Oxfam", "Transparency International Indonesia")},
    # Ministries by their short names: the ministry its long name names ("Juru bicara Kemlu" and
    # "Kementerian Luar Negeri" are one organisation)
    **{short: (f"Kementerian {field}", "organization") for field, shorts in (
        ("Keuangan", ("Kemenkeu",)), ("Luar Negeri", ("Kemenlu", "Kemlu")), ("Dalam Negeri", ("Kemendagri",)),
        ("Kesehatan", ("Kemenkes",)), ("Pertahanan", ("Kemenhan", "Kemhan")), ("Agama", ("Kemenag",)),
        ("Pendidikan dan Kebudayaan", ("Kemendikbud",)), ("Perhubungan", ("Kemenhub",)),
        ("Sosial", ("Kemensos",)), ("Pemuda dan Olahraga", ("Kemenpora",)), ("Perindustrian", ("Kemenperin",)),
        ("Perdagangan", ("Kemendag",)), ("Pertanian", ("Kementan",)), ("Ketenagakerjaan", ("Kemnaker", "Kemenaker")),
        ("Hukum dan Hak Asasi Manusia", ("Kemenkumham", "Kementerian Hukum dan HAM")),
        ("Komunikasi dan Informatika", ("Kemenkominfo", "Kominfo")),
        ("Energi dan Sumber Daya Mineral", ("Kementerian ESDM", "KESDM")),
        ("Lingkungan Hidup dan Kehutanan", ("KLHK",)),
        ("Pekerjaan Umum dan Perumahan Rakyat", ("Kementerian PUPR",)),
        ("Pendidikan, Kebudayaan, Riset, dan Teknologi", ("Kemendikbudristek",)))
       for short in shorts},
    **dict.fromkeys(("PDI-P", "PDIP", "PDI Perjuangan"), ("Partai Demokrasi Indonesia Perjuangan", "organization")),
    # state companies the press calls by the first word of their name ("PT Telkom Indonesia
    # (Persero) Tbk" ... "Telkom")
    "Telkom": ("PT Telkom Indonesia", "organization"), "Telkom Indonesia": ("PT Telkom Indonesia", "organization"),
    **dict.fromkeys(("Ombudsman", "Ombudsman RI", "Ombudsman Republik Indonesia"), ("Ombudsman RI", "organization")),
    "Pasukan Pengamanan Presiden": ("Paspampres", "organization"),
    "Gedung Sate": ("Gedung Sate", "place"),  # the West Java governor's office, by its building
    # the presidential palaces, as places (the press also names the presidency "Istana": left alone)
    **{name: (name, "place") for name in ("Istana Merdeka", "Istana Negara", "Istana Bogor", "Istana Garuda",
                                          "Istana Cipanas", "Istana Tampaksiring", "Istana Gedung Agung")},
    "Polhukam": ("Kemenko Polhukam", "organization"), "Marves": ("Kemenko Marves", "organization"),
    "ICW": ("Indonesia Corruption Watch", "organization"),
    # Regional units of the police, prosecution and army by their standard short names, as the
    # press writes them before their region ("Polda Kalteng", "Kejati Sulsel"): the unit, like
    # its long form, is one organisation whatever region follows ("Kepolisian Daerah Jawa Timur").
    **{short: (long, "organization") for short, long in (
        ("Polda", "Kepolisian Daerah"), ("Polres", "Kepolisian Resor"), ("Polresta", "Kepolisian Resor Kota"),
        ("Polrestabes", "Kepolisian Resor Kota Besar"), ("Polsek", "Kepolisian Sektor"),
        ("Kejati", "Kejaksaan Tinggi"), ("Kejari", "Kejaksaan Negeri"), ("Kodam", "Komando Daerah Militer"),
        ("Korem", "Komando Resor Militer"), ("Kodim", "Komando Distrik Militer"),
        # regional agencies and health centres, by the names the press writes before their region
        ("Dinkes", "Dinas Kesehatan"), ("Dishub", "Dinas Perhubungan"), ("Disdik", "Dinas Pendidikan"),
        ("Dinsos", "Dinas Sosial"), ("Puskesmas", "Puskesmas"),
        ("Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"))},
})
# Indonesia's islands, which the city lexicon lacks: the press names regencies and provinces after
# them with compass words ("Sumba Barat Daya", "Flores Timur", "Halmahera Selatan"), or alone
# ("Raja Ampat", an archipelago and its regency, whose first word is also a title).  Those that are
# words too ("Lombok", "Seram", "Buru", "Sabu") need a place cue or a compass word, as any such place.
ISLANDS = ("Sumba", "Flores", "Alor", "Rote", "Sabu", "Lombok", "Sumbawa", "Timor", "Seram", "Buru",
           "Halmahera", "Nias", "Bangka", "Belitung", "Bintan", "Tidore", "Morotai", "Yapen", "Wetar",
           "Tanimbar", "Selayar", "Buton", "Banggai", "Sangihe", "Talaud", "Mentawai", "Siberut", "Simeulue",
           "Enggano", "Karimunjawa", "Bawean", "Natuna", "Anambas", "Lingga", "Lembata", "Adonara", "Komodo",
           "Wakatobi", "Sumatra", "Kalimantan", "Bali", "Madura", "Raja Ampat", "Waigeo", "Misool", "Salawati",
           "Batanta", "Biak", "Numfor")
