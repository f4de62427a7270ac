"""One identity per entity across the dossier.

Each article is extracted alone (so extraction can be cached and run in parallel), which
leaves each article with its own view: one says "Kim Jong-un", another "Kim Jong Un", one
only "Peskov", one types "Kremlin" as a person because "juru bicara Kremlin" could be read
either way.  Here the articles vote together: names that share a full spelling variant or
a taught acronym become one entity, a bare surname joins the most-mentioned full name it
can stand for, the type is the dossier-wide majority, and the display name is the user's
(site.yaml) or else the full form used by most articles.  Deterministic: ties break on the
name, never on dict order.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..models import EntityMentions, EntityType, Extraction, Mention, Quote
from ..text import fold
from ..urls import slugify
from .article_candidates import VESSEL_PREFIXES
from .compounds import NameEvidence, name_evidence, split_compounds
from .gazetteer import Gazetteer


class _Forms:
    """Union-find over folded name forms."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, form: str) -> str:
        self.parent.setdefault(form, form)
        root = form
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[form] != root:
            self.parent[form], form = root, self.parent[form]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# Last words that name a body's regional twin, not the body: "Dewan Perwakilan Rakyat Daerah"
# (DPRD) is not a longer form of "Dewan Perwakilan Rakyat" (DPR) as "Korean Central News Agency" is
# of "Korean Central News".
_REGIONAL_TWINS = frozenset({"daerah"})


@lru_cache(maxsize=1 << 16)
def _is_strong(text: str) -> bool:
    """A form that names one entity by itself: several words, or an acronym."""
    return len(fold(text).split()) >= 2 or (text.isupper() and len(text) >= 2)


def _without_initials(form: str) -> str:
    """"john f kirby" -> "john kirby": a middle initial never tells two people apart."""
    tokens = form.split()
    return " ".join(t for i, t in enumerate(tokens) if len(t) > 1 or i in (0, len(tokens) - 1))


def _strong_forms(entity: EntityMentions) -> set[str]:
    # each distinct spelling once: an entity's mentions mostly repeat a few
    forms = {fold(entity.name)} | {fold(text) for text in {m.text for m in entity.mentions} if _is_strong(text)}
    if entity.type == "person":
        forms |= {_without_initials(f) for f in forms}
    return forms


def _choose_name(names: Counter[str], articles: Counter[str], known: str | None) -> str:
    if known:
        return known
    return max(names, key=lambda n: (_is_strong(n) and not n.isupper(), articles[n], names[n],
                                     len(n.split()), n))


def link_dossier(extractions: tuple[Extraction, ...], gazetteer: Gazetteer) -> tuple[Extraction, ...]:
    """Give every entity the same key, name and type in every article of the dossier."""
    link = dossier_linker(extractions, gazetteer)
    return tuple(link(i) for i in range(len(extractions)))


def dossier_linker(extractions: tuple[Extraction, ...], gazetteer: Gazetteer) -> Callable[[int], Extraction]:
    """``link(i)``: article ``i`` linked with what the whole dossier taught (``link_dossier``'s
    item ``i``), once the dossier's names are learnt.

    Linking is one process's work: sent back from a forked child, a linked article cost
    about as much to pickle and unpickle as to link (two processes took 5.0 s at 10,000
    articles, one 4.5 s).  A child that needs linked articles links its own
    (``analyze.BesideLinking``).
    """
    names = dossier_names(extractions, gazetteer)

    def link(i: int) -> Extraction:
        return _link(extractions[i], *names.split[i], names)
    return link


def link_with(extraction: Extraction, names: DossierNames) -> Extraction:
    """One article linked with what ``names`` learnt from a dossier.

    The preview server links an edited article with the names of the dossier as it was
    before the edit, to show it at once; a name that only the edit brings is its own entity
    until the next full link.  For an article of that dossier this is ``link_dossier``'s result.
    """
    return _link(extraction, *split_compounds(extraction, names.evidence), names)


@dataclass
class DossierNames:
    """What linking learns from the whole dossier: which forms name one entity, and its name and type."""

    evidence: NameEvidence  # what compounds are cut by
    split: list[tuple[list[EntityMentions], dict[str, EntityMentions]]]  # per article: entities, old key -> new
    forms: _Forms
    identity: dict[str, tuple[str, EntityType]]
    short_forms: dict[str, str]
    finder: _FormFinder
    gazetteer: Gazetteer
    slugs: dict[str, str] = field(default_factory=dict)  # a name's slug, made once

    def slug(self, name: str) -> str:
        if name not in self.slugs:
            self.slugs[name] = slugify(name)
        return self.slugs[name]

    def identity_of(self, name: str) -> tuple[str, EntityType] | None:
        return self.identity.get(self.forms.find(fold(name)))


def dossier_names(extractions: tuple[Extraction, ...], gazetteer: Gazetteer) -> DossierNames:
    """Learn the dossier's names: forms joined across articles, each entity's name and type."""
    evidence = name_evidence(extractions, gazetteer)
    split = [split_compounds(x, evidence) for x in extractions]
    articles = [entities for entities, _ in split]
    # The strong forms of each entity, sorted, read three times below: worked out once.
    strong_forms = [[sorted(_strong_forms(e)) for e in entities] for entities in articles]
    forms = _Forms()
    for strong_of in strong_forms:
        for strong in strong_of:
            for form in strong[1:]:  # (the first is joined to itself already)
                forms.union(strong[0], form)
    # "Korean Central News" is "Korean Central News Agency" without its last word.  Each longer
    # form looks up its own prefix (comparing every pair was quadratic in the dossier's
    # organisations); a set's root is its least form, whatever order the unions come in.
    org_forms = {f for entities, strong_of in zip(articles, strong_forms, strict=True)
                 for e, strong in zip(entities, strong_of, strict=True) if e.type == "organization"
                 for f in strong if len(f.split()) >= 3}
    for longer in sorted(org_forms):
        form, _, last = longer.rpartition(" ")  # (folded forms: words and single spaces)
        if form in org_forms and last not in _REGIONAL_TWINS:
            forms.union(form, longer)
    # A bare surname ("Peskov") joins the most-mentioned full name it can stand for.
    # Each entity's root, read once for the two loops before the next unions.
    roots = [[forms.find(fold(e.name)) for e in entities] for entities in articles]
    weight: Counter[str] = Counter()
    for entities, article_roots in zip(articles, roots, strict=True):
        for e, root in zip(entities, article_roots, strict=True):
            weight[root] += len(e.mentions)
    short: dict[str, list[str]] = {}
    for entities, article_roots in zip(articles, roots, strict=True):
        for e, root in zip(entities, article_roots, strict=True):
            if e.type == "person" and " " in e.name:
                tokens = fold(e.name).split()
                if len(tokens) >= 2:
                    for token in {tokens[0], tokens[-1]}:
                        short.setdefault(token, []).append(root)
    for entities in articles:
        for e in entities:
            key = fold(e.name)
            if len(key.split()) == 1 and not e.name.isupper() and e.type == "person" and key in short:
                roots = sorted(set(short[key]) - {forms.find(key)})
                if roots and forms.find(key) == key and weight[key] <= max(weight[r] for r in roots):
                    forms.union(key, max(roots, key=lambda r: (weight[r], r)))

    # The roots are final now (no union below): read once for the two loops that follow.
    roots = [[forms.find(fold(e.name)) for e in entities] for entities in articles]
    names: defaultdict[str, Counter[str]] = defaultdict(Counter)
    name_articles: defaultdict[str, Counter[str]] = defaultdict(Counter)
    types: defaultdict[str, Counter[EntityType]] = defaultdict(Counter)
    known: dict[str, tuple[str, EntityType]] = {}
    for entities, strong_of, article_roots in zip(articles, strong_forms, roots, strict=True):
        for e, strong, root in zip(entities, strong_of, article_roots, strict=True):
            names[root][e.name] += len(e.mentions)
            name_articles[root][e.name] += 1
            types[root][e.type] += len(e.mentions)
            if root not in known:  # the first known form of the first entity that has one
                for form in strong:
                    entry = gazetteer.known_names.get(form)
                    if entry is not None:
                        known[root] = (entry.name, entry.type)
                        break
    identity: dict[str, tuple[str, EntityType]] = {}
    for root in sorted(names):
        name = _choose_name(names[root], name_articles[root], known.get(root, (None,))[0])
        kind = known[root][1] if root in known else max(sorted(types[root]), key=lambda t: types[root][t])
        identity[root] = (name, kind)

    short_forms = _observed_short_forms(articles, roots, weight, gazetteer)
    finder = _FormFinder(short_forms)
    return DossierNames(evidence, split, forms, identity, short_forms, finder, gazetteer)


def _link(x: Extraction, entities: list[EntityMentions], moved: dict[str, EntityMentions],
          names: DossierNames) -> Extraction:
    def identity(e: EntityMentions) -> tuple[str, EntityType]:
        return names.identity_of(e.name) or (e.name, e.type)  # a name the dossier did not have: its own

    merged: dict[tuple[EntityType, str], tuple[str, list[Mention]]] = {}
    for e in entities:
        name, kind = identity(e)
        merged.setdefault((kind, names.slug(name)), (name, []))[1].extend(e.mentions)
    for root, mention in _rescan(x, entities, names.short_forms, names.finder, names.gazetteer):
        name, kind = names.identity[root]
        merged.setdefault((kind, names.slug(name)), (name, []))[1].append(mention)
    renamed: dict[str, tuple[str, str]] = {}
    for old_key, e in moved.items():
        name = identity(e)[0]
        renamed[old_key] = (name, names.slug(name))
    linked = tuple(sorted((EntityMentions(key, name, kind, _unique(mentions))
                           for (kind, key), (name, mentions) in merged.items()),
                          key=lambda e: (e.mentions[0].start, e.type, e.key)))
    # Made field by field (dataclasses.replace, once per quote, was a tenth of linking; a
    # test pins the fields, so a new one is not silently left behind here).
    quotes = tuple(Quote(q.text, q.start, q.end, *renamed[q.speaker_key]) if q.speaker_key in renamed else q
                   for q in x.quotes)
    return Extraction(x.sentences, linked, x.dates, quotes)


def _observed_short_forms(articles: list[list[EntityMentions]], roots: list[list[str]], weight: Counter[str],
                          gazetteer: Gazetteer) -> dict[str, str]:
    """One-word forms the dossier itself used for an entity ("Kim", "Peskov", "Kremlin") -> root.

    Only forms seen as mentions somewhere, and never vocabulary words, so a bare "Kim" in an
    article that never names him in full still links, while "Antara lain, …" does not.
    ``roots``: each entity's root in ``forms``, per article.
    """
    candidates: dict[str, Counter[str]] = {}
    eligible: dict[str, bool] = {}  # per mention text: a dossier writes the same few thousand
    for entities, article_roots in zip(articles, roots, strict=True):
        for e, root in zip(entities, article_roots, strict=True):
            for m in e.mentions:
                text = m.text
                ok = eligible.get(text)
                if ok is None:
                    ok = eligible[text] = " " not in text and "-" not in text and not gazetteer.is_common(text)
                if ok:
                    counts = candidates.get(text)
                    if counts is None:
                        counts = candidates[text] = Counter()
                    counts[root] += 1
    return {text: max(counts, key=lambda r: (weight[r], counts[r], r)) for text, counts in candidates.items()}


class _FormFinder:
    """Where the dossier's one-word forms occur in a sentence: the matches of the regex
    "(?<![\\w-])(<form>|...)(?![\\w-])", longest form first, found with set look-ups.

    The regex tried every one of the hundreds of forms at every word of every article (the
    slowest part of linking a large dossier).  When every form is a word (letters, digits,
    maybe an apostrophe: "O'Brien") and the sentence has no apostrophe, a match is a whole
    word of the sentence, not next to a hyphen: the sentence's words that are forms are
    found at once, and only they are looked for.  Anything else goes to the regex itself.
    """

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = frozenset(forms)
        self.words_only = all(_WORD_RUN.fullmatch(t) for t in self.forms)
        # When every form opens with an ASCII capital (nearly always: they are names), only the
        # words that do are read, found by a regex that skips the rest of the sentence in C.
        self.words = _CAPITALISED_WORD_RUN if all("A" <= t[:1] <= "Z" for t in self.forms) else _WORD_RUN

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(t) for t in sorted(self.forms, key=lambda t: (-len(t), t)))
        return re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match in ``text``, in order."""
        if not self.words_only or "'" in text or "’" in text:
            return [m.span() for m in self.pattern.finditer(text)]
        found: list[tuple[int, int]] = []
        for word in self.forms.intersection(self.words.findall(text)):
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                if (start == 0 or _apart(text[start - 1])) and (end == len(text) or _apart(text[end])):
                    found.append((start, end))
                start = text.find(word, start + 1)
        found.sort()
        return found


def _apart(char: str) -> bool:
    """Does ``char`` next to a word leave it a match of the regex: neither \\w nor a hyphen?"""
    return not (char.isalnum() or char == "_" or char == "-")


_WORD_RUN = re.compile(r"[\w'’]+")
_CAPITALISED_WORD_RUN = re.compile(r"[A-Z](?<![\w'’].)[\w'’]*")  # the matches of _WORD_RUN opening with A-Z


def _rescan(x: Extraction, entities: list[EntityMentions], short_forms: dict[str, str], finder: _FormFinder,
            gazetteer: Gazetteer) -> list[tuple[str, Mention]]:
    """Occurrences of the dossier's one-word forms that this article's own pass left unlinked."""
    if not short_forms:
        return []
    # The matches come in text order and never overlap each other, so a mention found here
    # cannot overlap a later match: only the article's own mentions need checking, swept
    # along the text (those begun before the match's end, in a heap by end until passed)
    # instead of read in full for every match.
    waiting = sorted((m.start, m.end) for e in entities for m in e.mentions)
    active: list[int] = []  # ends of the mentions begun so far that may still overlap
    order = 0
    found: list[tuple[str, Mention]] = []
    for sentence in x.sentences:
        text = sentence.text
        for match_start, match_end in finder.spans(text):
            start, end = sentence.start + match_start, sentence.start + match_end
            while order < len(waiting) and waiting[order][0] < end:
                heapq.heappush(active, waiting[order][1])
                order += 1
            while active and active[0] <= start:
                heapq.heappop(active)
            if active:
                continue
            before = _word_before_space(text, match_start)
            after = _SPACE_WORD.match(text, match_end)
            if any(w and w.group(1)[0].isupper() and not gazetteer.is_common(w.group(1)) for w in (before, after)):
                continue  # part of a longer name the article's pass did not take ("Kim Il Sung")
            if _VESSEL_BEFORE.search(text, max(0, match_start - 48), match_start):
                continue  # a boat's name: "KM Sinar Kamaru" names no town Kamaru
            form = text[match_start:match_end]
            found.append((short_forms[form], Mention(form, start, end)))
    return found


# A vessel's prefix and the capitalised words of its name up to a match: "KM Sinar ", "KRI ".
_VESSEL_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(VESSEL_PREFIXES))})\.? (?:[A-Z][\w'’-]* )*\Z")
_WORD_SPACE = re.compile(r"(\w+) $")
_SPACE_WORD = re.compile(r" (\w+)")


def _word_before_space(text: str, end: int) -> re.Match[str] | None:
    """``re.search(r"(\\w+) $", text[:end])``, reading only a window before ``end`` (widened
    while the word fills it), not the whole sentence for every match in it."""
    reach = 64
    while True:
        start = max(0, end - reach)
        match = _WORD_SPACE.search(text[start:end])
        if match is None or match.start() > 0 or start == 0:
            return match
        reach *= 2


def _unique(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """The mentions in order, without those nested in another (or repeated).

    In (start, longest first) order every mention kept so far starts at or before the next
    one, so it is nested in one of them exactly when it ends by the furthest end yet.
    """
    kept: list[Mention] = []
    furthest = -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.end > furthest:
            kept.append(m)
            furthest = m.end
    return tuple(kept)
