"""Grouping one article's name candidates into entities: exact and variant spellings, taught
acronyms, then short forms (``entities`` explains the steps; this is how they are done).

The groups are mutable while an article is grouped, and only then: ``entities.find_entities``
turns them into frozen ``EntityMentions``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from ..models import EntityType
from ..text import fold
from .candidates import CUE, KNOWN, NONE, STRUCTURE, Candidate
from .gazetteer import ACRONYM_AFTER_NAME, ORG_HEADS, PERSON_TITLES
from .name_parts import (
    SURNAME_PARTICLES,
    after_dropped_names,
    elsewhere,
    fuller_name,
    particle_family,
    person_surnames,
    short_forms,
    someones_name,
)

_NOT_GIVEN_NAMES = ORG_HEADS | PERSON_TITLES  # words a run glues before a person, never their name
_TYPE = itemgetter(3)  # a Candidate's type
_NATURAL_HEAD = re.compile(r"(?:pulau|gunung) (.+)")  # an island or a mountain, named also without its head word
_SCHOOL = re.compile(r"^(sd|smp|sma|smk)n ")  # a state school's short form
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")
ACRONYM_DEFINITION = re.compile(ACRONYM_AFTER_NAME)  # "(KCNA)"; "PT Telkom Indonesia (Persero) Tbk (TLKM)"
# A state company's legal form in brackets, no acronym: read as one, it made every state company
# of an article one ("PT KAI (Persero) ... PT Jasa Marga (Persero)").  (The runs still take it for
# the sign that a company's name ends before it.)
STATE_FORMS = frozenset({"Persero", "Perseroda"})


@dataclass
class Group:
    """An entity being assembled (mutable only inside this module's functions)."""

    canonical: str | None
    members: list[Candidate] = field(default_factory=list)

    def votes(self) -> dict[EntityType, int]:
        tally: dict[EntityType, int] = {}
        for c in self.members:
            if c.type is not None:
                tally[c.type] = tally.get(c.type, 0) + (10 ** c.strength)
        return tally

    @property
    def type(self) -> EntityType | None:
        members = self.members
        if len(members) == 1:
            return members[0][3]  # (half the groups: a name mentioned once)
        kinds = set(map(_TYPE, members))  # (asked several times of every group: read in C)
        kinds.discard(None)
        if len(kinds) <= 1:  # (nearly always: every typed member agrees)
            return next(iter(kinds), None)
        tally = self.votes()
        return max(sorted(tally), key=tally.__getitem__)

    @property
    def strength(self) -> int:
        return max((c.strength for c in self.members), default=NONE)

    @property
    def name(self) -> str:
        if self.canonical:
            return self.canonical
        if len(self.members) == 1:
            return self.members[0][2]
        longest = max(c.tokens for c in self.members)
        return next(c.text for c in self.members if c.tokens == longest)

    def folded_tokens(self) -> list[str]:
        return fold(self.name).split()


def _short_forms(group: Group) -> set[str]:
    """Forms a later mention may use for this entity (``name_parts.short_forms``)."""
    if group.type != "person" or " " not in group.name:
        return set()
    return short_forms(group.folded_tokens())


def _pick(groups: Sequence[Group]) -> Group:
    """Of several entities a short form could mean, the most mentioned (then the first)."""
    return max(groups, key=lambda g: (len(g.members), -g.members[0].start))


def _split_hyphenated(c: Candidate, by_form: dict[str, Group], text: str,
                      short: dict[str, list[Group]] | None = None,
                      exclude: Group | None = None) -> list[tuple[Candidate, Group]] | None:
    """"Kim-Putin", "Korea Utara-Rusia": split when every part is an entity already (other
    than ``exclude``)."""
    if "-" not in c.text:
        return None
    parts: list[tuple[Candidate, Group]] = []
    offset = c.start
    for piece in c.text.split("-"):
        s = offset
        offset += len(piece) + 1
        key = fold(piece)
        if not piece or not piece[0].isupper():
            return None
        if by_form.get(key, exclude) is not exclude:
            group = by_form[key]
        elif short and key in short:
            group = _pick(short[key])
        else:
            return None
        parts.append((Candidate(s, s + len(piece), text[s:s + len(piece)], group.type, group.canonical,
                                CUE, False, len(piece.split())), group))
    return parts


def _merge_into(target: Group, other: Group, groups: list[Group], by_form: dict[str, Group]) -> None:
    groups.remove(other)
    target.members.extend(other.members)
    for form, group in list(by_form.items()):
        if group is other:
            by_form[form] = target


def _split_compounds(text: str, groups: list[Group], by_form: dict[str, Group]) -> None:
    """"Direktur Departemen Industri Amunisi Jo Chun Ryong": a run that ends with a person named
    elsewhere in the article is that person preceded by what was glued to them."""
    people = [g for g in groups if g.type == "person" and len(g.folded_tokens()) >= 2]
    # The person whose mention ends the run: the first person, then their first mention,
    # whose text follows a space in the run and which has fewer words.  Looked up by that
    # text, not by reading every person's mentions for every run; the mentions added below
    # repeat one already there, so the index made first stays complete.
    by_text: dict[str, list[tuple[int, int, Candidate]]] = {}
    for p, person in enumerate(people):
        for n, m in enumerate(person.members):
            by_text.setdefault(m.text, []).append((p, n, m))
    lengths = sorted({len(t) for t in by_text})  # a tail is tried per length a mention has, not per space
    for group in list(groups):
        if group.canonical is not None or len(group.members) != 1:
            continue
        c = group.members[0]
        tails = (c.text[len(c.text) - size:] for size in lengths
                 if size < len(c.text) and c.text[len(c.text) - size - 1] == " ")
        found = min((next(((p, n, m) for p, n, m in by_text[tail]
                           if people[p] is not group and c.tokens > m.tokens > (1 if m.canonical else 0)),
                          (len(people), 0, c))
                     for tail in tails if tail in by_text), default=(len(people), 0, c), key=lambda entry: entry[:2])
        if found[0] == len(people):
            continue
        person, m = people[found[0]], found[2]
        cut, tokens = fuller_name(text, c, c.end - len(m.text), m.tokens)
        head = text[c.start:cut - 1]
        if (c.type == "person" and " " not in head and head.casefold() not in _NOT_GIVEN_NAMES
                and (elsewhere(text, c.text, c.start) or m.text.split(" ", 1)[0].casefold() in SURNAME_PARTICLES)):
            # "Sari Daeng Matutu": the fuller name of "Daeng Matutu"; "Ramon Dela Cruz" of "Dela Cruz"
            cut, tokens, head = c.start, c.tokens, ""
        groups.remove(group)
        person.members.append(Candidate(cut, c.end, text[cut:c.end], "person", None, c.strength, False, tokens))
        if head and head.split()[0].casefold() in ORG_HEADS and len(head.split()) > 1:
            replacement = Group(None, [Candidate(c.start, cut - 1, head, "organization", None,
                                                  c.strength, c.initial, len(head.split()))])
            groups.append(replacement)
            by_form[fold(head)] = replacement


def company_name(form: str, kind: EntityType | None) -> str:
    """A company's folded name without its legal form: "PT Pertamina" is "Pertamina" too."""
    return form[3:] if kind == "organization" and form.startswith("pt ") else form


def group_candidates(text: str, candidates: Sequence[Candidate],
                     club: Callable[[str], str | None] = lambda form: None) -> list[Group]:
    """Group an article's candidates into entities (see the module docstring for the order).

    ``club``: a club's short name ("persib" of "persib bandung", ``word_kinds.club_short``)."""
    def short_name(form: str, kind: EntityType | None) -> str:
        """An organisation's name as the press shortens it: "Pertamina", "Persib"."""
        if kind != "organization" or form.startswith("pt "):
            return company_name(form, kind)
        return club(form) or form
    by_form: dict[str, Group] = {}
    groups: list[Group] = []
    pending: list[Candidate] = []
    surnames = person_surnames(candidates)
    # 1. Full names: gazetteer names, multi-word names and names typed by their own shape.
    for c in candidates:
        compound = " " not in c.text and "-" in c.text and _HYPHEN_CAPITAL.search(c.text) is not None  # "Kim-Putin"
        if surnames and c.canonical and someones_name(text, c, surnames):
            pending.append(c._replace(type=None, canonical=None, strength=NONE))  # step 3 gives it to the person
        elif c.canonical or (c.type is not None and not compound and (c.tokens >= 2 or c.strength >= STRUCTURE)):
            key = _SCHOOL.sub(r"\1 negeri ", fold(c.canonical or c.text))  # ("SMAN 1" is "SMA Negeri 1")
            group = by_form.get(key) or by_form.get(short_name(key, c.type))
            if group is None:
                group = Group(c.canonical)
                groups.append(group)
                by_form[key] = group
            group.members.append(c)
            by_form.setdefault(fold(c.text), group)
            by_form.setdefault(short_name(fold(c.text), c.type), group)  # "Pertamina" of "PT Pertamina"
            if c.type == "person" and c.tokens >= 3 and (rest := after_dropped_names(fold(c.text))):
                by_form.setdefault(rest, group)  # "Daeng Matutu" of "Andi Muh. Daeng Matutu"
            if c.type == "person" and c.tokens >= 3 and (family := particle_family(fold(c.text))):
                by_form.setdefault(family, group)  # "Van der Meulen" of "Hendrik van der Meulen"
            if c.type == "place" and c.tokens >= 2 and (named := _NATURAL_HEAD.match(fold(c.text))):
                by_form.setdefault(named[1], group)  # "Gag" of "Pulau Gag", "Lewotobi" of "Gunung Lewotobi"
        else:
            pending.append(c)
    # 2. Acronyms taught in the text: "Korean Central News Agency (KCNA)".
    for group in list(groups):
        for c in list(group.members):
            if c.tokens < 2:
                continue  # (most members: checked before the text is read)
            m = ACRONYM_DEFINITION.match(text, c.end)
            if not m or m[1] in STATE_FORMS or group not in groups:
                continue
            other = by_form.get(fold(m.group(1)))
            if other is None:
                by_form[fold(m.group(1))] = group
                continue
            if other is not group and group.type == "person" and all(
                    a.tokens == 1 and a.canonical is None and a.strength <= STRUCTURE for a in other.members):
                # "Susilo Bambang Yudhoyono (SBY)": a person's initials, not an organisation's acronym
                other.members[:] = [a._replace(type="person", strength=CUE) for a in other.members]
            if other is not group and other.strength < KNOWN:
                if group.type is not None and all(a.tokens == 1 for a in other.members):
                    # the acronym is what its name is: "Bandara Internasional Minangkabau (BIM)" a place
                    other.members[:] = [a._replace(type=group.type) for a in other.members]
                _merge_into(group, other, groups, by_form)
            elif other is not group and group.strength < KNOWN:
                _merge_into(other, group, groups, by_form)
    _split_compounds(text, groups, by_form)
    _lone_heads(groups, by_form)
    # 3. Short forms: a surname joins the most-mentioned full name it can stand for.
    short: dict[str, list[Group]] = {}
    for group in groups:
        for form in _short_forms(group):
            short.setdefault(form, []).append(group)
    for c in pending:
        key = fold(c.text)
        if key in by_form:
            by_form[key].members.append(c)
        elif key in short:
            _pick(short[key]).members.append(c)
        elif (parts := _split_hyphenated(c, by_form, text, short)) is not None:
            for part, owner in parts:
                owner.members.append(part)
        elif c.type is not None:
            group = Group(None, [c])
            groups.append(group)
            by_form[key] = group
    # Multi-word names that are hyphen compounds of other entities ("Kim-Putin") are split too.
    for group in list(groups):
        if group.canonical is None and len(group.members) == 1:
            parts = _split_hyphenated(group.members[0], by_form, text, exclude=group)
            if parts:
                groups.remove(group)
                for part, owner in parts:
                    owner.members.append(part)
    return [g for g in groups if g.type is not None and g.members]


# Head words that, alone and capitalised, name the one institution of the article they head:
# "Mahkamah berpendapat" after "Mahkamah Konstitusi", as court rulings and the press write it.
_LONE_HEADS = frozenset({"mahkamah", "majelis", "komisi", "kementerian", "kejaksaan", "pengadilan"})


def _lone_heads(groups: list[Group], by_form: dict[str, Group]) -> None:
    """Teach ``by_form`` each head word of ``_LONE_HEADS`` that opens one organisation's name only."""
    headed: dict[str, list[Group]] = {}
    for group in groups:
        if group.type == "organization" and (head := group.folded_tokens()[0]) in _LONE_HEADS:
            headed.setdefault(head, []).append(group)
    for head, owners in headed.items():
        if len(owners) == 1:
            by_form.setdefault(head, owners[0])
