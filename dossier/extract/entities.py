"""Name candidates of one article -> entities with every mention, aliases merged.

News introduces a person once in full ("Juru bicara Kremlin, Dmitry Peskov") and then by
surname ("kata Peskov"), an organisation once with its acronym ("Korean Central News
Agency (KCNA)") and then by the acronym.  So candidates are grouped in three steps: exact
and variant spellings ("Kim Jong-un" = "Kim Jong Un"), taught acronyms, then short forms,
which join the most-mentioned full name they can stand for ("Kim" -> "Kim Jong Un", never
the once-mentioned "Seyoon Kim").  A short form that stands for nothing in the article is
kept only if something typed it; ``link_dossier`` may still attach it across articles.
The grouping is ``grouping.group_candidates``; this module reads the article around it.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

from ..models import EntityMentions, Mention, Sentence
from ..text import fold
from ..urls import slugify
from .article_candidates import find_candidates
from .candidates import CUE, KNOWN, Candidate
from .dateline import dateline_spans
from .gazetteer import NOT_NAMES, Gazetteer
from .grouping import ACRONYM_DEFINITION, STATE_FORMS, Group, company_name, group_candidates
from .name_parts import initials, lone_names, names_a_holiday, nicknames, not_names
from .name_search import name_spans
from .word_kinds import club_short

_START_END = itemgetter(0, 1)  # a Candidate's (start, end)
# An article's entity keys: the same few thousand names slugged again in every article.
_slug = lru_cache(maxsize=1 << 16)(slugify)


def _rescan(text: str, groups: list[Group]) -> None:
    """Find spellings the run segmentation missed: "Kim Jong un" once "Kim Jong Un" is known."""
    names: dict[str, Group] = {}
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
    active: list[tuple[int, int, Candidate, Group]] = []  # (end, order, candidate, group)
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


def _taught_short_names(text: str, groups: list[Group]) -> None:
    """"PT Lumbung Tani Digital (Lumbung)", then "Lumbung menghubungkan …": a short name taught in
    brackets after an organisation's name (not an acronym: those are read as names anyway) is
    that organisation wherever the article writes it, though it is a word too."""
    taught: dict[str, Group] = {}
    for group in groups:
        if group.type == "organization":
            for c in group.members:
                if (c.tokens >= 2 and (m := ACRONYM_DEFINITION.match(text, c.end)) and not m[1].isupper()
                        and m[1] not in STATE_FORMS and m[1].casefold() not in NOT_NAMES):  # ("Prolegnas")
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


def _nicknamed(text: str, groups: list[Group], people: list[Group]) -> None:
    """Give each person the nickname the article says they go by, wherever it is written: a
    mention found alone (another person, or nobody) moves to them ("Gung Aji", "Ojan")."""
    for n, start, end in nicknames(text, [g.members for g in people]):
        for group in groups:
            if group is not people[n] and group.type in ("person", None):
                group.members[:] = [c for c in group.members if (c.start, c.end) != (start, end)]
        if not any(c.start < end and start < c.end for g in groups for c in g.members):
            found = text[start:end]
            people[n].members.append(Candidate(start, end, found, "person", None, CUE, False, len(found.split())))


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
    candidates = [c for c in candidates if not names_a_holiday(c)]  # ("Dharma Santi Nyepi")
    groups = group_candidates(text, candidates, lambda form: club_short(form, gaz))
    _rescan(text, groups)
    _taught_short_names(text, groups)
    groups = [g for g in groups if g.members and g.type is not None]  # a rescan may take the typed members
    people = [g for g in groups if g.type == "person"]
    for n, mention in lone_names(text, [(g.name, g.members) for g in people],
                                        [c for g in groups for c in g.members], gaz.is_common):
        people[n].members.append(mention)
    _nicknamed(text, groups, people)
    groups = [g for g in groups if g.members]  # (a nickname may take a group's only member)
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
