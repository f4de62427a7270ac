"""Names run together in one article: a person's name after another's ("Kim Jong Un Vladimir
Putin"), after a government named by its seat ("Kremlin Dmitry Peskov") or after the institution
of a role ("Juru bicara Kementerian Perhubungan Agus Lumintang").  An article alone cannot tell
where one name ends; the dossier can, when it names the parts on their own elsewhere, so the
compounds are cut while linking (``linking.dossier_names``).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..models import EntityMentions, Extraction, Mention
from ..text import fold
from ..urls import slugify
from .gazetteer import ORG_HEADS, PLACE_HEADS, Gazetteer
from .name_parts import DROPPED_FIRST_NAMES


@dataclass(frozen=True)
class NameEvidence:
    """What the whole dossier says about names, for cutting compounds (all names folded)."""

    people: frozenset[str]  # people's names of two words or more
    organizations: frozenset[str]  # names some article types as an organisation
    called: frozenset[str]  # one-word names people are called by (surnames, given names)
    gazetteer: Gazetteer


def name_evidence(extractions: tuple[Extraction, ...], gazetteer: Gazetteer) -> NameEvidence:
    people: set[str] = set()
    organizations: set[str] = set()
    called: set[str] = set()
    for x in extractions:
        for e in x.entities:
            name = fold(e.name)
            if e.type == "organization":
                organizations.add(name)
            elif e.type == "person":
                if " " in name:
                    people.add(name)
                called.update(fold(m.text) for m in e.mentions if " " not in m.text)
    return NameEvidence(frozenset(people), frozenset(organizations), frozenset(called), gazetteer)


def split_compound(entity: EntityMentions, evidence: NameEvidence) -> list[EntityMentions] | None:
    """"Kremlin Dmitry Peskov" when the dossier knows "Dmitry Peskov" (another entity than this
    one), or "Kementerian Perhubungan Agus Lumintang" when it knows "Kementerian Perhubungan"
    (``_after_organization``): the person plus the rest."""
    tokens = fold(entity.name).split()
    if len(tokens) < 3:
        return None
    own = " ".join(tokens)
    for cut in range(1, len(tokens) - 1):
        tail = " ".join(tokens[cut:])
        if (tail in evidence.people and tail != own and (cut > 1 or _names_something(entity.name.split()[0], evidence))
                and not all(t.rstrip(".") in DROPPED_FIRST_NAMES for t in tokens[:cut])):
            break  # (but "Andi Muh. Daeng Matutu" is one person: the press drops "Andi Muh." alone)
    else:
        alone = {fold(m.text) for m in entity.mentions if " " not in m.text}  # "kata Gunawan", folded in
        found = _after_organization(entity.name, evidence, evidence.called | alone)
        if found is None:
            return None
        cut, tail = found, " ".join(tokens[found:])
    person_mentions: list[Mention] = []
    rest_mentions: list[Mention] = []
    named, rest = set(tokens[cut:]), set(tokens[:cut])
    for m in entity.mentions:
        words = m.text.split()
        if len(fold(m.text).split()) != len(tokens) or len(words) != len(tokens):
            # a shorter form: the person's when it is made of the person's words ("Gunawan"), the
            # institution's when of its words ("Pelindo", which the article read as a given name)
            short = set(fold(m.text).split())
            person = short <= named or (entity.type == "person" and not short <= rest)
            person_mentions.append(m) if person else rest_mentions.append(m)
            continue
        offset = len(" ".join(words[:cut])) + 1
        person_mentions.append(Mention(m.text[offset:], m.start + offset, m.end))
        rest_mentions.append(Mention(m.text[:offset - 1], m.start, m.start + offset - 1))
    head = rest_mentions[0].text if rest_mentions else ""
    out = [EntityMentions(slugify(tail), " ".join(entity.name.split()[cut:]), "person",
                          tuple(person_mentions))]
    if rest_mentions:
        out.append(EntityMentions(slugify(head), head, "organization", tuple(rest_mentions)))
    return out


def _names_something(word: str, evidence: NameEvidence) -> bool:
    """Is one word cut from the front of a compound a name of its own: one the dossier types as
    an organisation, one the gazetteer knows ("Kremlin"), an acronym?  A given name is not:
    "Irfan Daeng Matutu" is one person, also when the dossier calls someone "Daeng Matutu";
    nor is a word that is a place only after a place cue ("Sari Daeng Matutu")."""
    gazetteer = evidence.gazetteer
    return (fold(word) in evidence.organizations
            or (gazetteer.lookup(word) is not None and fold(word) not in gazetteer.vocabulary_places)
            or (len(word) >= 2 and word.isupper()))


def _after_organization(name: str, evidence: NameEvidence, called: AbstractSet[str]) -> int | None:
    """Where the person's name begins in a role's institution run into the name
    ("Juru bicara Kementerian Perhubungan Agus Lumintang", "pengamat Universitas Gadjah Mada
    Mega Saputra"): after the longest head of ``name`` that the dossier names as an
    organisation on its own, when two words or more follow that read as a person's name:
    none a head word of an institution or a place, the whole no name the gazetteer knows as
    something else ("Badan Pusat Statistik Jawa Timur" stays whole), and the last no
    vocabulary word unless the dossier calls someone by the first or last of them alone
    (``called``: "kata Gunawan"; many given names and surnames are vocabulary words too).
    """
    words = name.split()
    if len(words) != len(fold(name).split()):
        return None
    for cut in range(len(words) - 2, 0, -1):
        if fold(" ".join(words[:cut])) not in evidence.organizations:
            continue
        tail = words[cut:]
        if any(w.casefold() in ORG_HEADS or w.casefold() in PLACE_HEADS or not w[:1].isupper() for w in tail):
            return None
        known = evidence.gazetteer.lookup(" ".join(tail))
        if known is not None and known[1] != "person":
            return None
        if evidence.gazetteer.is_common(tail[-1]) and fold(tail[-1]) not in called and fold(tail[0]) not in called:
            return None
        return cut
    return None


def split_compounds(x: Extraction, evidence: NameEvidence) -> tuple[list[EntityMentions], dict[str, EntityMentions]]:
    """The article's entities with compounds split ("Kim Jong Un Vladimir Putin"), and where each went."""
    entities: list[EntityMentions] = []
    moved: dict[str, EntityMentions] = {}
    for e in x.entities:
        split = split_compound(e, evidence) if e.type in ("person", "organization") else None
        entities.extend(split or [e])
        moved[e.key] = split[0] if split else e
    return entities, moved
