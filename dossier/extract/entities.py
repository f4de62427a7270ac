"""Name candidates of one article -> entities with every mention, aliases merged.

News introduces a person once in full ("Juru bicara Kremlin, Dmitry Peskov") and then by
surname ("kata Peskov"), an organisation once with its acronym ("Korean Central News
Agency (KCNA)") and then by the acronym.  So candidates are grouped in three steps: exact
and variant spellings ("Kim Jong-un" = "Kim Jong Un"), taught acronyms, then short forms,
which join the most-mentioned full name they can stand for ("Kim" -> "Kim Jong Un", never
the once-mentioned "Seyoon Kim").  A short form that stands for nothing in the article is
kept only if something typed it; ``link_dossier`` may still attach it across articles.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from ..models import EntityMentions, EntityType, Mention, Sentence
from ..text import fold
from ..urls import slugify
from .article_candidates import find_candidates
from .candidates import CUE, KNOWN, NONE, STRUCTURE, Candidate
from .dateline import dateline_spans
from .gazetteer import ACRONYM_AFTER_NAME, NOT_NAMES, ORG_HEADS, PERSON_TITLES, Gazetteer
from .name_parts import (
    SURNAME_PARTICLES,
    after_dropped_names,
    elsewhere,
    fuller_name,
    initials,
    lone_names,
    not_names,
    person_surnames,
    short_forms,
    someones_name,
)
from .name_search import name_spans
from .word_kinds import club_short

_NOT_GIVEN_NAMES = ORG_HEADS | PERSON_TITLES  # words a run glues before a person, never their name
_START_END = itemgetter(0, 1)  # a Candidate's (start, end)
_TYPE = itemgetter(3)  # a Candidate's type
# An article's entity keys: the same few thousand names slugged again in every article.
_slug = lru_cache(maxsize=1 << 16)(slugify)
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")
_ACRONYM_DEFINITION = re.compile(ACRONYM_AFTER_NAME)  # "(KCNA)"; "PT Telkom Indonesia (Persero) Tbk (TLKM)"


@dataclass
class _Group:
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


def _short_forms(group: _Group) -> set[str]:
    """Forms a later mention may use for this entity (``name_parts.short_forms``)."""
    if group.type != "person" or " " not in group.name:
        return set()
    return short_forms(group.folded_tokens())


def _pick(groups: Sequence[_Group]) -> _Group:
    """Of several entities a short form could mean, the most mentioned (then the first)."""
    return max(groups, key=lambda g: (len(g.members), -g.members[0].start))


def _split_hyphenated(c: Candidate, by_form: dict[str, _Group], text: str,
                      short: dict[str, list[_Group]] | None = None,
                      exclude: _Group | None = None) -> list[tuple[Candidate, _Group]] | None:
    """"Kim-Putin", "Korea Utara-Rusia": split when every part is an entity already (other
    than ``exclude``)."""
    if "-" not in c.text:
        return None
    parts: list[tuple[Candidate, _Group]] = []
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


def _merge_into(target: _Group, other: _Group, groups: list[_Group], by_form: dict[str, _Group]) -> None:
    groups.remove(other)
    target.members.extend(other.members)
    for form, group in list(by_form.items()):
        if group is other:
            by_form[form] = target


def _split_compounds(text: str, groups: list[_Group], by_form: dict[str, _Group]) -> None:
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
            replacement = _Group(None, [Candidate(c.start, cut - 1, head, "organization", None,
                                                  c.strength, c.initial, len(head.split()))])
            groups.append(replacement)
            by_form[fold(head)] = replacement


def company_name(form: str, kind: EntityType | None) -> str:
    """A company's folded name without its legal form: "PT Pertamina" is "Pertamina" too."""
    return form[3:] if kind == "organization" and form.startswith("pt ") else form


def group_candidates(text: str, candidates: Sequence[Candidate],
                     club: Callable[[str], str | None] = lambda form: None) -> list[_Group]:
    """Group an article's candidates into entities (see the module docstring for the order).

    ``club``: a club's short name ("persib" of "persib bandung", ``word_kinds.club_short``)."""
    def short_name(form: str, kind: EntityType | None) -> str:
        """An organisation's name as the press shortens it: "Pertamina", "Persib"."""
        if kind != "organization" or form.startswith("pt "):
            return company_name(form, kind)
        return club(form) or form
    by_form: dict[str, _Group] = {}
    groups: list[_Group] = []
    pending: list[Candidate] = []
    surnames = person_surnames(candidates)
    # 1. Full names: gazetteer names, multi-word names and names typed by their own shape.
    for c in candidates:
        compound = " " not in c.text and "-" in c.text and _HYPHEN_CAPITAL.search(c.text) is not None  # "Kim-Putin"
        if surnames and c.canonical and someones_name(text, c, surnames):
            pending.append(c._replace(type=None, canonical=None, strength=NONE))  # step 3 gives it to the person
        elif c.canonical or (c.type is not None and not compound and (c.tokens >= 2 or c.strength >= STRUCTURE)):
            key = fold(c.canonical or c.text)
            group = by_form.get(key) or by_form.get(short_name(key, c.type))
            if group is None:
                group = _Group(c.canonical)
                groups.append(group)
                by_form[key] = group
            group.members.append(c)
            by_form.setdefault(fold(c.text), group)
            by_form.setdefault(short_name(fold(c.text), c.type), group)  # "Pertamina" of "PT Pertamina"
            if c.type == "person" and c.tokens >= 3 and (rest := after_dropped_names(fold(c.text))):
                by_form.setdefault(rest, group)  # "Daeng Matutu" of "Andi Muh. Daeng Matutu"
        else:
            pending.append(c)
    # 2. Acronyms taught in the text: "Korean Central News Agency (KCNA)".
    for group in list(groups):
        for c in list(group.members):
            if c.tokens < 2:
                continue  # (most members: checked before the text is read)
            m = _ACRONYM_DEFINITION.match(text, c.end)
            if not m or group not in groups:
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
    # 3. Short forms: a surname joins the most-mentioned full name it can stand for.
    short: dict[str, list[_Group]] = {}
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
            group = _Group(None, [c])
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


def _rescan(text: str, groups: list[_Group]) -> None:
    """Find spellings the run segmentation missed: "Kim Jong un" once "Kim Jong Un" is known."""
    names: dict[str, _Group] = {}
    for group in groups:
        if group.type == "person":
            for name in (group.name, *(c.text for c in group.members if c.tokens >= 2)):
                if len(fold(name).split()) >= 2:
                    names.setdefault(fold(name), group)
        elif group.type == "organization":
            short = company_name(fold(group.name), "organization")  # "Nusantara Agro Lestari" of "PT …"
            if short != fold(group.name) and len(short.split()) >= 2:
                names.setdefault(short, group)
    if not names:
        return
    # The matches come in text order and never overlap, and this loop only changes members
    # inside the match it is at, so the members a match overlaps are found among the ones
    # there were before it, swept along the text: those begun before its end, kept in a heap
    # by end until the matches have passed them (a scan of every member per match was
    # quadratic in the length of the article).
    waiting = sorted(((c, g) for g in groups for c in g.members), key=lambda pair: pair[0].start)
    active: list[tuple[int, int, Candidate, _Group]] = []  # (end, order, candidate, group)
    order = 0
    for start, end in name_spans(text, sorted(names, key=lambda f: (-len(f), f))):
        found = text[start:end]
        if not found[0].isupper():
            continue
        while order < len(waiting) and waiting[order][0].start < end:
            c, g = waiting[order]
            heapq.heappush(active, (c.end, order, c, g))
            order += 1
        while active and active[0][0] <= start:
            heapq.heappop(active)
        overlapping = [(g, c) for _end, _order, c, g in active]
        if any(c.start < start or c.end > end or (c.start, c.end) == (start, end) for _, c in overlapping):
            continue  # already found, or part of something longer
        for g, c in overlapping:  # "Kim Jong" cut short by a lowercase "un": the variant replaces it
            g.members.remove(c)
        group = names[fold(found)]
        group.members.append(Candidate(start, end, found, group.type, None, CUE, False, len(found.split())))


def _taught_short_names(text: str, groups: list[_Group]) -> None:
    """"PT Lumbung Tani Digital (Lumbung)", then "Lumbung menghubungkan …": a short name taught in
    brackets after an organisation's name (not an acronym: those are read as names anyway) is
    that organisation wherever the article writes it, though it is a word too."""
    taught: dict[str, _Group] = {}
    for group in groups:
        if group.type == "organization":
            for c in group.members:
                if (c.tokens >= 2 and (m := _ACRONYM_DEFINITION.match(text, c.end)) and not m[1].isupper()
                        and m[1] != "Persero" and m[1].casefold() not in NOT_NAMES):  # (a legal form; "Prolegnas")
                    taught.setdefault(m[1], group)
    if not taught:
        return
    taken = sorted(_START_END(c) for g in groups for c in g.members)
    starts = [start for start, _ in taken]
    for name, group in taught.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            i = bisect.bisect_right(starts, m.start())
            if (i and taken[i - 1][1] > m.start()) or (i < len(taken) and taken[i][0] < m.end()):
                continue  # (inside a name already found)
            group.members.append(Candidate(m.start(), m.end(), name, "organization", None, CUE, False, 1))


def _with_dateline(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates without the outlet signing the dateline (no one in the story), and with
    the dateline's city a place even in capitals ("BONE, SUARAPESISIR.ID -" is no acronym)."""
    spans = dateline_spans(text)
    if (signature := spans.signature) is not None:
        candidates = [c for c in candidates if c[1] <= signature[0] or c[0] >= signature[1]]
    if (city := spans.city) is not None:
        candidates = [_dateline_city(c, spans.city_name) if c[0] >= city[0] and c[1] <= city[1] else c
                      for c in candidates]
    return candidates


def _dateline_city(c: Candidate, name: str | None) -> Candidate:
    """The dateline's city as a place, named as a reader writes it when it is in capitals."""
    if c.strength >= KNOWN:
        return c
    canonical = name if c.text.isupper() and name and fold(name) == fold(c.text) else c.canonical
    return c._replace(type="place", strength=max(c.strength, CUE), canonical=canonical)


def find_entities(text: str, sentences: Sequence[Sentence], gaz: Gazetteer) -> tuple[EntityMentions, ...]:
    """People, places and organisations of one article, each with every mention."""
    candidates = _with_dateline(text, find_candidates(text, sentences, gaz))
    if named := initials(text):  # "tersangka berinisial AR", "RS (24)": a person, unnamed
        candidates = [c for c in candidates if c.text not in named]
    if unnamed := not_names(text):  # "kejadian luar biasa (KLB)", "F 7521 UA"
        candidates = [c for c in candidates if c.canonical is not None or c.text not in unnamed]
    groups = group_candidates(text, candidates, lambda form: club_short(form, gaz))
    _rescan(text, groups)
    _taught_short_names(text, groups)
    groups = [g for g in groups if g.members and g.type is not None]  # a rescan may take the typed members
    people = [g for g in groups if g.type == "person"]
    for n, mention in lone_names(text, [(g.name, g.members) for g in people],
                                        [c for g in groups for c in g.members], gaz.is_common):
        people[n].members.append(mention)
    merged: dict[tuple[str, str], list[Candidate]] = {}
    names: dict[tuple[str, str], str] = {}
    for group in groups:
        kind, name = group.type, group.name  # (each worked out from the members when asked)
        assert kind is not None
        key = (kind, _slug(name))
        merged.setdefault(key, []).extend(group.members)
        names.setdefault(key, name)
    out = []
    for (kind, key), members in merged.items():
        mentions = []
        last = None  # the span of the last mention: sorted, a repeated span follows its first
        for c in sorted(members, key=_START_END):
            span = (c[0], c[1])
            if span != last:
                last = span
                mentions.append(Mention(c[2], c[0], c[1]))
        out.append(EntityMentions(key, names[(kind, key)], kind, tuple(mentions)))  # type: ignore[arg-type]
    return tuple(sorted(out, key=lambda e: (e.mentions[0].start, e.key)))
