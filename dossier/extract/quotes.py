"""Direct quotations and who said them.

Indonesian news attributes a quotation after it (“…,” kata Kirby), before it (Kirby
mengatakan, “…”), or with a pronoun-ish verb that points back to the last speaker
(“…,” katanya / ucapnya / lanjutnya).  We follow the article in order, remembering the last
*speaker event* (a quotation's speaker, "menurut X", "X mengatakan …" and unnamed ones like
"pejabat itu mengatakan"), because that is what a reader does with "katanya".  A quoted
fragment of fewer than four words is a scare quote or a term, not a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import EntityMentions, Mention, Quote
from .gazetteer import SPEECH_AFTER, SPEECH_BEFORE

MIN_QUOTE_WORDS = 4
QUOTATION = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
_PRONOUN_ATTRIBUTION = re.compile(r"(\w+)nya\b")
_SPEAKER_KINDS = ("person", "organization")
# "pernyataan yang dirilis oleh Kremlin", "pengumuman yang dikeluarkan Kremlin": the statement's author
_RELEASED = frozenset({"dirilis", "dikeluarkan", "disampaikan", "diumumkan", "diterbitkan"})
# An active verb (meN-, ber-): the name before it is the subject of its sentence.
_ACTIVE_VERB = re.compile(r"(?:me|ber)[a-z]{3,}")
_VERB_FORM = re.compile(r"(?:me|ber|di|ter)[a-z]{3,}|ingin|akan|bahwa|jika|agar")
_SPEECH_AFTER_WORD = re.compile(r"\b(" + "|".join(sorted(SPEECH_AFTER)) + r")\b")


def _speakers(entities: Sequence[EntityMentions]) -> list[tuple[Mention, EntityMentions]]:
    return sorted(((m, e) for e in entities if e.type in _SPEAKER_KINDS for m in e.mentions),
                  key=lambda pair: pair[0].start)


def _first_speaker_in(start: int, end: int, speakers: list[tuple[Mention, EntityMentions]]
                      ) -> EntityMentions | None:
    for mention, entity in speakers:
        if start <= mention.start < end:
            return entity
    return None


def _opens_sentence(text: str, mention: Mention, speakers: list[tuple[Mention, EntityMentions]]) -> bool:
    """Is the mention its sentence's subject: no person and no verb before it, only a role?

    "Wali Kota Semarang, Ratna Kusumawati, meninjau …" yes; "Putin ingin Kim menyetujui …" no.
    """
    start = max(text.rfind("\n", 0, mention.start), *(text.rfind(p, 0, mention.start) for p in (". ", "? ", "! ")))
    start += 1
    if any(start <= m.start < mention.start for m, e in speakers if e.type == "person"):
        return False
    lowercase = [w for w in re.findall(r"\w+", text[start:mention.start]) if w[:1].islower()]
    return len(lowercase) <= 3 and not any(_VERB_FORM.fullmatch(w) for w in lowercase)


def _speaker_events(text: str, speakers: list[tuple[Mention, EntityMentions]]
                    ) -> list[tuple[int, EntityMentions | None]]:
    """Places where the text says who is talking, outside quotation marks."""
    events: list[tuple[int, EntityMentions | None]] = []
    quoted = [m.span() for m in QUOTATION.finditer(text)]
    for mention, entity in speakers:
        before = text[max(0, mention.start - 60):mention.start].casefold()
        after = text[mention.end:mention.end + 80]
        words_before = re.findall(r"\w+", before)
        released = words_before[-2:] if words_before[-1:] == ["oleh"] else words_before[-1:]
        if words_before and (words_before[-1] in SPEECH_BEFORE or "menurut" in words_before[-4:]
                             or (released and released[0] in _RELEASED)):
            events.append((mention.start, entity))
            continue
        # "Peskov mengatakan", "Dmitry Peskov, juru bicara Kremlin, … menyebut"
        verb = re.match(r"(?:,[^,.\"“”]{0,60},|,)?\s*(?:juga\s+|telah\s+|pun\s+|sudah\s+|kemudian\s+)?(\w+)",
                        after)
        if verb and verb.group(1) in SPEECH_AFTER:
            events.append((mention.start, entity))
        elif (verb and entity.type == "person" and _ACTIVE_VERB.fullmatch(verb.group(1))
              and not any(s <= mention.start < e for s, e in quoted) and _opens_sentence(text, mention, speakers)):
            # "Ratna Kusumawati, meninjau lokasi …  “…,” ujarnya": the person the story follows is
            # the one a later "ujarnya" points back to, even if they were not quoted before.
            events.append((mention.start, entity))
    for verb in _SPEECH_AFTER_WORD.finditer(text):
        # An unnamed speaker ("Pejabat Amerika ini juga menyampaikan") resets "katanya" to nobody.
        window = text[max(0, verb.start() - 40):verb.start()]
        if not any(verb.start() - 40 <= m.end <= verb.start() for m, _ in speakers) and "\n" not in window:
            events.append((verb.start(), None))
    return sorted(events, key=lambda e: e[0])


def _last_event_before(position: int, events: list[tuple[int, EntityMentions | None]]
                       ) -> tuple[int, EntityMentions | None] | None:
    found = None
    for event in events:
        if event[0] >= position:
            break
        found = event
    return found


def find_quotes(text: str, entities: Sequence[EntityMentions]) -> tuple[Quote, ...]:
    """Every direct quotation of at least four words, with its speaker when the text says."""
    speakers = _speakers(entities)
    events = _speaker_events(text, speakers)
    quotes: list[Quote] = []
    previous: tuple[int, EntityMentions | None] | None = None  # (end of quote, speaker)
    for match in QUOTATION.finditer(text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        while end > start and text[end - 1] in " ,":
            end -= 1  # "…persahabatan kami," kata Peskov: the comma belongs to the attribution
        content = text[start:end]
        if len(content.split()) < MIN_QUOTE_WORDS:
            continue
        paragraph_end = text.find("\n\n", match.end())
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        sentence_end = min([i for i in (text.find(". ", match.end()), text.find(".\n", match.end()))
                            if i >= 0] + [paragraph_end])
        after = text[match.end():sentence_end]
        first = re.match(r"[\s,.]*(\w+)", after)
        speaker: EntityMentions | None = None
        resolved = False
        if first:
            word = first.group(1).casefold()
            clause_end = match.end() + (re.search(r"[,.;]|$", after[first.end():]).start() + first.end())
            pronoun = _PRONOUN_ATTRIBUTION.fullmatch(word)
            if word in SPEECH_BEFORE or word in ("demikian", "bunyi", "tulis"):
                speaker = _first_speaker_in(match.end(), clause_end, speakers)
                if speaker is None:
                    event = _last_event_before(match.start(), events)
                    speaker = event[1] if event else None
                resolved = True
            elif pronoun and (pronoun.group(1) in SPEECH_BEFORE or pronoun.group(1) in ("lanjut", "pernyataan")):
                event = _last_event_before(match.start(), events)
                speaker, resolved = (event[1] if event else None), True
        if not resolved:
            line_start = max(text.rfind("\n", 0, match.start()), text.rfind(". ", 0, match.start())) + 1
            lead = text[line_start:match.start()]
            verbs = list(re.finditer(r"\b(\w+)\b[,:]?\s*$", lead))
            named = [e for e in events if line_start <= e[0] < match.start() and e[1] is not None]
            if verbs and verbs[-1].group(1).casefold() in SPEECH_AFTER | SPEECH_BEFORE:
                event = _last_event_before(match.start(), events)
                speaker = event[1] if event and event[0] >= line_start else None
            elif named:  # "…, kata KCNA …, menyebut pembicaraan itu “peristiwa yang menandai zaman.”"
                speaker = named[-1][1]
            elif previous is not None and "\n\n" not in text[previous[0]:match.start()]:
                speaker = previous[1]  # a second quotation right after the first, same paragraph
        quotes.append(Quote(content, start, end, speaker.name if speaker else None,
                            speaker.key if speaker else None))
        previous = (match.end(), speaker)
        if speaker is not None:
            events.append((match.start(), speaker))
            events.sort(key=lambda e: e[0])
    return tuple(quotes)
