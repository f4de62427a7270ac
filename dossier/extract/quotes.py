"""Direct quotations and who said them.

Indonesian news attributes a quotation after it (“…,” kata Kirby), before it (Kirby
mengatakan, “…”), or with a pronoun-ish verb that points back to the last speaker
(“…,” katanya / ucapnya / lanjutnya).  We follow the article in order, remembering the last
*speaker event* (a quotation's speaker, "menurut X", "X mengatakan …" and unnamed ones like
"pejabat itu mengatakan"), because that is what a reader does with "katanya".  A quoted
fragment of fewer than four words is a scare quote or a term, not a quotation.

Everything is read in one pass along the text, with the places that end a line, sentence or
clause looked up by bisection in lists made once: searching the text from each quotation or
name instead made a long article (or a long run of quotation marks) quadratic.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from ..models import EntityMentions, Mention, Quote
from ..text import QuoteMarks, quote_spans
from .gazetteer import AGE_IN_BRACKETS, SPEECH_AFTER, SPEECH_BEFORE

MIN_QUOTE_WORDS = 4
QUOTATION = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
_PRONOUN_ATTRIBUTION = re.compile(r"(\w+)nya\b")
_SPEAKER_KINDS = ("person", "organization")
# "pernyataan yang dirilis oleh Kremlin", "pengumuman yang dikeluarkan Kremlin": the statement's author
_RELEASED = frozenset({"dirilis", "dikeluarkan", "disampaikan", "diumumkan", "diterbitkan"})
# An active verb (meN-, ber-): the name before it is the subject of its sentence.
_ACTIVE_VERB = re.compile(r"(?:me|ber)[a-z]{3,}")
_VERB_FORM = re.compile(r"(?:me|ber|di|ter)[a-z]{3,}|ingin|akan|bahwa|jika|agar")
# A verb of SPEECH_AFTER as a whole word ("\b(mengatakan|...)\b"), written by first letter, each
# checking the word boundary after it ((?<!\w.)): a regex that opens with letters is searched
# for them quickly, while one that opens with \b is tried at every character of the text.
_SPEECH_AFTER_WORD = re.compile("(?:" + "|".join(
    re.escape(first) + r"(?<!\w.)(?:" + "|".join(re.escape(verb[1:]) for verb in verbs) + ")"
    for first, verbs in groupby(sorted(SPEECH_AFTER), key=lambda verb: verb[0])) + r")(?!\w)")
_QUOTATION_MARKS = QuoteMarks(re.compile(r"[“\"]"), {"“": re.compile(r"[”\n]"), "\"": re.compile(r"[\"\n]")},
                              {"“": "”", "\"": "\""}, 1)  # QUOTATION, in linear time
_WORDS = re.compile(r"\w+")
# (after the person's age in brackets, if given: "Sutrisno (52), mengaku …")
_THEN_VERB = r"\s*(?:juga\s+|telah\s+|pun\s+|sudah\s+|kemudian\s+)?(\w+)"
_VERB_AFTER = re.compile(rf"(?:{AGE_IN_BRACKETS})?" r"(?:,[^,.\"“”]{0,60},|,)?" + _THEN_VERB)
# The same without the apposition: "Kim Do-hyun, mengaku puas …, terutama …" is the verb right
# after the comma, not a clause between two commas.
_VERB_RIGHT_AFTER = re.compile(rf"(?:{AGE_IN_BRACKETS})?,?" + _THEN_VERB)
# newlines, ". ", "? "/"! ", ".\n", "\n\n" (overlapping ones too), and , . ; (see _Marks)
# (blank lines as "\n(?=\n)", the same starts: opening with a character, it is searched for
# quickly, where a lookahead first is tried at every position of the text)
_MARK_PATTERNS = tuple(map(re.compile, (r"\n", r"\. ", r"[?!] ", r"\.\n", r"\n(?=\n)", r"[,.;]")))
_FIRST_WORD = re.compile(r"[\s,.]*+(\w+)")
_Event = tuple[int, EntityMentions | None]
_Speakers = list[tuple[Mention, EntityMentions]]


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of the matches of ``QUOTATION`` in ``text``, in order, found in linear time."""
    return quote_spans(text, _QUOTATION_MARKS)


@dataclass(frozen=True)
class _Marks:
    """Sorted positions of what ends a line, sentence or clause, for bisection."""

    newlines: list[int]
    dot_spaces: list[int]  # ". "
    mark_spaces: list[int]  # "? ", "! "
    dot_newlines: list[int]  # ".\n"
    blank_lines: list[int]  # "\n\n", overlapping ones included
    clause_marks: list[int]  # , . ;

    @staticmethod
    def of(text: str) -> _Marks:
        def where(pattern: re.Pattern[str]) -> list[int]:
            return list(map(re.Match.start, pattern.finditer(text)))  # (the starts taken in C)

        return _Marks(*map(where, _MARK_PATTERNS))


def _last_at_or_before(positions: list[int], limit: int) -> int:
    """The last position <= ``limit``, or -1 (as ``str.rfind`` says "none")."""
    i = bisect_right(positions, limit)
    return positions[i - 1] if i else -1


def _first_at_or_after(positions: list[int], start: int, default: int) -> int:
    i = bisect_left(positions, start)
    return positions[i] if i < len(positions) else default


def _line_start(marks: _Marks, position: int, questions: bool = False) -> int:
    """Start of the line or sentence (after ". ", and "? "/"! " when ``questions``) around ``position``."""
    starts = [_last_at_or_before(marks.newlines, position - 1), _last_at_or_before(marks.dot_spaces, position - 2)]
    if questions:
        starts.append(_last_at_or_before(marks.mark_spaces, position - 2))
    return max(starts) + 1


def _word_ending(text: str, start: int, end: int) -> str | None:
    """The word that ends ``text[start:end]``, before one optional "," or ":" and spaces.

    What ``re.search(r"\\b(\\w+)\\b[,:]?\\s*$", text[start:end])`` finds, read backwards from
    ``end`` so that only the word and the gap are read, not the whole line before them.
    """
    j = end
    while j > start and text[j - 1].isspace():
        j -= 1
    if j > start and text[j - 1] in ",:":
        j -= 1
    k = j
    while k > start and (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    return text[k:j] if k < j else None


def _speakers(entities: Sequence[EntityMentions]) -> _Speakers:
    return sorted(((m, e) for e in entities if e.type in _SPEAKER_KINDS for m in e.mentions),
                  key=lambda pair: pair[0].start)


def _first_speaker_in(start: int, end: int, speakers: _Speakers, starts: list[int]) -> EntityMentions | None:
    """The first person mentioned in [start, end), else the first speaker (an organisation:
    "kata KCNA"); ``starts`` are the speakers' mention starts.  In "kata Kepala BMKG Dwikorita
    Karnawati" the agency is the speaker's office, not the speaker."""
    i = bisect_left(starts, start)
    first = speakers[i][1] if i < len(starts) and starts[i] < end else None
    while i < len(starts) and starts[i] < end:
        if speakers[i][1].type == "person":
            return speakers[i][1]
        i += 1
    return first


def _opens_sentence(text: str, mention: Mention, people: list[int], marks: _Marks) -> bool:
    """Is the mention its sentence's subject: no person and no verb before it, only a role?

    "Wali Kota Semarang, Ratna Kusumawati, meninjau …" yes; "Putin ingin Kim menyetujui …" no.
    ``people`` are the starts of every person's mentions, in order.
    """
    start = _line_start(marks, mention.start, questions=True)
    i = bisect_left(people, start)
    if i < len(people) and people[i] < mention.start:
        return False
    lowercase = [w for w in _WORDS.findall(text[start:mention.start]) if w[:1].islower()]
    return len(lowercase) <= 3 and not any(_VERB_FORM.fullmatch(w) for w in lowercase)


def _speaker_events(text: str, speakers: _Speakers, quoted: list[tuple[int, int]], marks: _Marks) -> list[_Event]:
    """Places where the text says who is talking, outside quotation marks."""
    events: list[_Event] = []
    quote_starts = [s for s, _ in quoted]
    people = [m.start for m, e in speakers if e.type == "person"]
    ends = sorted(m.end for m, _ in speakers)
    for mention, entity in speakers:
        start, end = mention.start, mention.end
        before = text[max(0, start - 60):start].casefold()
        words_before = _WORDS.findall(before)
        released = words_before[-2:] if words_before[-1:] == ["oleh"] else words_before[-1:]
        if words_before and (words_before[-1] in SPEECH_BEFORE or "menurut" in words_before[-4:]
                             or (released and released[0] in _RELEASED)):
            events.append((start, entity))
            continue
        # "Peskov mengatakan", "Dmitry Peskov, juru bicara Kremlin, … menyebut"
        verb = _VERB_AFTER.match(text, end, end + 80)  # (no anchor or lookaround: as in the 80 characters cut out)
        if verb and verb.group(0).startswith(",") and verb.group(1) not in SPEECH_AFTER:
            right = _VERB_RIGHT_AFTER.match(text, end, end + 80)
            if right and (right.group(1) in SPEECH_AFTER or _ACTIVE_VERB.fullmatch(right.group(1))):
                verb = right
        if verb and verb.group(1) in SPEECH_AFTER:
            events.append((start, entity))
        elif (verb and entity.type == "person" and _ACTIVE_VERB.fullmatch(verb.group(1))
              and not _inside(quoted, quote_starts, mention.start) and _opens_sentence(text, mention, people, marks)):
            # "Ratna Kusumawati, meninjau lokasi …  “…,” ujarnya": the person the story follows is
            # the one a later "ujarnya" points back to, even if they were not quoted before.
            events.append((mention.start, entity))
    for verb in _SPEECH_AFTER_WORD.finditer(text):
        # An unnamed speaker ("Pejabat Amerika ini juga menyampaikan") resets "katanya" to nobody.
        window = text[max(0, verb.start() - 40):verb.start()]
        i = bisect_left(ends, verb.start() - 40)
        if not (i < len(ends) and ends[i] <= verb.start()) and "\n" not in window:
            events.append((verb.start(), None))
    return sorted(events, key=lambda e: e[0])


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Is ``position`` inside one of ``spans`` (sorted, disjoint; ``starts`` their starts)?"""
    i = bisect_right(starts, position)
    return bool(i) and position < spans[i - 1][1]


def _position(event: _Event) -> int:
    return event[0]


def _last_event_before(position: int, events: list[_Event]) -> _Event | None:
    """The last of the (sorted) events before ``position``."""
    i = bisect_left(events, position, key=_position)
    return events[i - 1] if i else None


def find_quotes(text: str, entities: Sequence[EntityMentions],
                quoted: Sequence[tuple[int, int]] | None = None) -> tuple[Quote, ...]:
    """Every direct quotation of at least four words, with its speaker when the text says
    (``quoted``: the spans of ``quotations(text)``, when the caller has them)."""
    speakers = _speakers(entities)
    starts = [m.start for m, _ in speakers]
    marks = _Marks.of(text)
    spans = list(quoted) if quoted is not None else quotations(text)
    events = _speaker_events(text, speakers, spans, marks)
    named = [e for e in events if e[1] is not None]
    quotes: list[Quote] = []
    previous: _Event | None = None  # (end of quote, speaker)
    for quote_start, quote_end in spans:
        start, end = quote_start + 1, quote_end - 1
        while end > start and text[end - 1] in " ,":
            end -= 1  # "…persahabatan kami," kata Peskov: the comma belongs to the attribution
        content = text[start:end]
        if len(content.split()) < MIN_QUOTE_WORDS:
            continue
        paragraph_end = _first_at_or_after(marks.blank_lines, quote_end, len(text))
        sentence_end = min(_first_at_or_after(marks.dot_spaces, quote_end, paragraph_end),
                           _first_at_or_after(marks.dot_newlines, quote_end, paragraph_end), paragraph_end)
        first = _FIRST_WORD.match(text, quote_end, sentence_end)
        speaker: EntityMentions | None = None
        resolved = False
        if first:
            word = first.group(1).casefold()
            # where re.search(r"[,.;]|$") finds the end of the clause after the first word
            dollar = sentence_end - 1 if sentence_end > first.end() and text[sentence_end - 1] == "\n" else sentence_end
            clause_end = min(_first_at_or_after(marks.clause_marks, first.end(), sentence_end), dollar)
            pronoun = _PRONOUN_ATTRIBUTION.fullmatch(word)
            if word in SPEECH_BEFORE or word in ("demikian", "bunyi", "tulis"):
                speaker = _first_speaker_in(quote_end, clause_end, speakers, starts)
                if speaker is not None and speaker.type != "person" and text.startswith(",", clause_end):
                    # "…," kata juru bicara Satgas Damai Cartenz, AKBP Novianto Hadi Prasetyo: the
                    # institution is the speaker's office, the person set off after it speaks
                    apposed_end = min(_first_at_or_after(marks.clause_marks, clause_end + 1, sentence_end), dollar)
                    apposed = _first_speaker_in(clause_end, apposed_end, speakers, starts)
                    if apposed is not None and apposed.type == "person":
                        speaker = apposed
                if speaker is None:
                    event = _last_event_before(quote_start, events)
                    speaker = event[1] if event else None
                resolved = True
            elif pronoun and (pronoun.group(1) in SPEECH_BEFORE or pronoun.group(1) in ("lanjut", "pernyataan")):
                event = _last_event_before(quote_start, events)
                speaker, resolved = (event[1] if event else None), True
        if not resolved:
            line_start = _line_start(marks, quote_start)
            verb = _word_ending(text, line_start, quote_start)
            last_named = _last_event_before(quote_start, named)
            if verb is not None and verb.casefold() in SPEECH_AFTER | SPEECH_BEFORE:
                event = _last_event_before(quote_start, events)
                speaker = event[1] if event and event[0] >= line_start else None
            elif last_named is not None and last_named[0] >= line_start:
                # "…, kata KCNA …, menyebut pembicaraan itu “peristiwa yang menandai zaman.”"
                speaker = last_named[1]
            elif previous is not None and _first_at_or_after(marks.blank_lines, previous[0],
                                                             quote_start) > quote_start - 2:
                speaker = previous[1]  # a second quotation right after the first, same paragraph (no "\n\n")
        quotes.append(Quote(content, start, end, speaker.name if speaker else None,
                            speaker.key if speaker else None))
        previous = (quote_end, speaker)
        if speaker is not None:
            insort_right(events, (quote_start, speaker), key=_position)
            insort_right(named, (quote_start, speaker), key=_position)
    return tuple(quotes)
