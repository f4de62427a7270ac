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
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..models import EntityMentions, EntityType, Extraction, Mention
from ..text import fold
from ..urls import slugify
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


def _is_strong(text: str) -> bool:
    """A form that names one entity by itself: several words, or an acronym."""
    return len(fold(text).split()) >= 2 or (text.isupper() and len(text) >= 2)


def _without_initials(form: str) -> str:
    """"john f kirby" -> "john kirby": a middle initial never tells two people apart."""
    tokens = form.split()
    return " ".join(t for i, t in enumerate(tokens) if len(t) > 1 or i in (0, len(tokens) - 1))


def _strong_forms(entity: EntityMentions) -> set[str]:
    forms = {fold(entity.name)} | {fold(m.text) for m in entity.mentions if _is_strong(m.text)}
    if entity.type == "person":
        forms |= {_without_initials(f) for f in forms}
    return forms


def _split_compound(entity: EntityMentions, people: set[str]) -> list[EntityMentions] | None:
    """"Kremlin Dmitry Peskov" when the dossier knows "Dmitry Peskov": the person plus the rest."""
    tokens = fold(entity.name).split()
    if len(tokens) < 3:
        return None
    for cut in range(1, len(tokens) - 1):
        tail = " ".join(tokens[cut:])
        if tail in people:
            break
    else:
        return None
    person_mentions: list[Mention] = []
    rest_mentions: list[Mention] = []
    for m in entity.mentions:
        words = m.text.split()
        if len(fold(m.text).split()) != len(tokens) or len(words) != len(tokens):
            person_mentions.append(m) if entity.type == "person" else rest_mentions.append(m)
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


def _choose_name(names: Counter[str], articles: Counter[str], known: str | None) -> str:
    if known:
        return known
    return max(names, key=lambda n: (_is_strong(n) and not n.isupper(), articles[n], names[n],
                                     len(n.split()), n))


def link_dossier(extractions: tuple[Extraction, ...], gazetteer: Gazetteer) -> tuple[Extraction, ...]:
    """Give every entity the same key, name and type in every article of the dossier."""
    people = {fold(e.name) for x in extractions for e in x.entities
              if e.type == "person" and len(fold(e.name).split()) >= 2}
    articles: list[list[EntityMentions]] = []
    speaker_of: list[dict[str, EntityMentions]] = []  # old key -> entity now speaking, per article
    for x in extractions:
        entities: list[EntityMentions] = []
        moved: dict[str, EntityMentions] = {}
        for e in x.entities:
            split = _split_compound(e, people - {fold(e.name)}) if e.type in ("person", "organization") else None
            entities.extend(split or [e])
            moved[e.key] = split[0] if split else e
        articles.append(entities)
        speaker_of.append(moved)

    forms = _Forms()
    for entities in articles:
        for e in entities:
            strong = sorted(_strong_forms(e))
            for form in strong:
                forms.union(strong[0], form)
    # "Korean Central News" is "Korean Central News Agency" without its last word.
    org_forms = sorted({f for entities in articles for e in entities if e.type == "organization"
                        for f in _strong_forms(e) if len(f.split()) >= 3})
    for form in org_forms:
        for longer in org_forms:
            if longer.startswith(form + " ") and len(longer.split()) == len(form.split()) + 1:
                forms.union(form, longer)
    # A bare surname ("Peskov") joins the most-mentioned full name it can stand for.
    weight: Counter[str] = Counter()
    for entities in articles:
        for e in entities:
            weight[forms.find(fold(e.name))] += len(e.mentions)
    short: dict[str, list[str]] = {}
    for entities in articles:
        for e in entities:
            tokens = fold(e.name).split()
            if e.type == "person" and len(tokens) >= 2 and " " in e.name:
                for token in {tokens[0], tokens[-1]}:
                    short.setdefault(token, []).append(forms.find(fold(e.name)))
    for entities in articles:
        for e in entities:
            key = fold(e.name)
            if len(key.split()) == 1 and not e.name.isupper() and e.type == "person" and key in short:
                roots = sorted(set(short[key]) - {forms.find(key)})
                if roots and forms.find(key) == key and weight[key] <= max(weight[r] for r in roots):
                    forms.union(key, max(roots, key=lambda r: (weight[r], r)))

    names: dict[str, Counter[str]] = {}
    name_articles: dict[str, Counter[str]] = {}
    types: dict[str, Counter[EntityType]] = {}
    known: dict[str, tuple[str, EntityType]] = {}
    for entities in articles:
        for e in entities:
            root = forms.find(fold(e.name))
            names.setdefault(root, Counter())[e.name] += len(e.mentions)
            name_articles.setdefault(root, Counter())[e.name] += 1
            types.setdefault(root, Counter())[e.type] += len(e.mentions)
            for form in sorted(_strong_forms(e)):
                entry = gazetteer.known_names.get(form)
                if entry is not None and root not in known:
                    known[root] = (entry.name, entry.type)
    identity: dict[str, tuple[str, EntityType]] = {}
    for root in sorted(names):
        name = _choose_name(names[root], name_articles[root], known.get(root, (None,))[0])
        kind = known[root][1] if root in known else max(sorted(types[root]), key=lambda t: types[root][t])
        identity[root] = (name, kind)

    short_forms = _observed_short_forms(articles, forms, weight, gazetteer)
    out: list[Extraction] = []
    for x, entities, moved in zip(extractions, articles, speaker_of, strict=True):
        merged: dict[tuple[EntityType, str], tuple[str, list[Mention]]] = {}
        for e in entities:
            name, kind = identity[forms.find(fold(e.name))]
            merged.setdefault((kind, slugify(name)), (name, []))[1].extend(e.mentions)
        for root, mention in _rescan(x, entities, short_forms, gazetteer):
            name, kind = identity[root]
            merged.setdefault((kind, slugify(name)), (name, []))[1].append(mention)
        renamed: dict[str, tuple[str, str]] = {}
        for old_key, e in moved.items():
            name = identity[forms.find(fold(e.name))][0]
            renamed[old_key] = (name, slugify(name))
        linked = tuple(sorted((EntityMentions(key, name, kind, _unique(mentions))
                               for (kind, key), (name, mentions) in merged.items()),
                              key=lambda e: (e.mentions[0].start, e.type, e.key)))
        quotes = tuple(replace(q, speaker=renamed[q.speaker_key][0], speaker_key=renamed[q.speaker_key][1])
                       if q.speaker_key in renamed else q for q in x.quotes)
        out.append(replace(x, entities=linked, quotes=quotes))
    return tuple(out)


def _observed_short_forms(articles: list[list[EntityMentions]], forms: _Forms, weight: Counter[str],
                          gazetteer: Gazetteer) -> dict[str, str]:
    """One-word forms the dossier itself used for an entity ("Kim", "Peskov", "Kremlin") -> root.

    Only forms seen as mentions somewhere, and never vocabulary words, so a bare "Kim" in an
    article that never names him in full still links, while "Antara lain, …" does not.
    """
    candidates: dict[str, Counter[str]] = {}
    for entities in articles:
        for e in entities:
            root = forms.find(fold(e.name))
            for m in e.mentions:
                if " " not in m.text and "-" not in m.text and not gazetteer.is_common(m.text):
                    candidates.setdefault(m.text, Counter())[root] += 1
    return {text: max(roots, key=lambda r: (weight[r], roots[r], r)) for text, roots in candidates.items()}


def _rescan(x: Extraction, entities: list[EntityMentions], short_forms: dict[str, str],
            gazetteer: Gazetteer) -> list[tuple[str, Mention]]:
    """Occurrences of the dossier's one-word forms that this article's own pass left unlinked."""
    if not short_forms:
        return []
    alternatives = "|".join(re.escape(t) for t in sorted(short_forms, key=lambda t: (-len(t), t)))
    pattern = re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])")
    # The matches come in text order and never overlap each other, so a mention found here
    # cannot overlap a later match: only the article's own mentions need checking, swept
    # along the text (those begun before the match's end, in a heap by end until passed)
    # instead of read in full for every match.
    waiting = sorted((m.start, m.end) for e in entities for m in e.mentions)
    active: list[int] = []  # ends of the mentions begun so far that may still overlap
    order = 0
    found: list[tuple[str, Mention]] = []
    for sentence in x.sentences:
        for match in pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            while order < len(waiting) and waiting[order][0] < end:
                heapq.heappush(active, waiting[order][1])
                order += 1
            while active and active[0] <= start:
                heapq.heappop(active)
            if active:
                continue
            before = _word_before_space(sentence.text, match.start())
            after = _SPACE_WORD.match(sentence.text, match.end())
            if any(w and w.group(1)[0].isupper() and not gazetteer.is_common(w.group(1)) for w in (before, after)):
                continue  # part of a longer name the article's pass did not take ("Kim Il Sung")
            found.append((short_forms[match.group()], Mention(match.group(), start, end)))
    return found


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
