"""View values of the timeline pages: events by period and year, date conflicts with their
other readings, weekday mismatches, and the compact timelines of hubs and the home page.

``dossier.analysis.timeline`` already finds the events and conflicts; what a page needs
beyond it is *where things sit*: which timeline page carries an event (to link another
reading of its conflict to it), which dates a page holds, the true weekdays of a date an
article got wrong.  Those are made here, as small frozen values, so templates still
compute nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .analysis.timeline import Attestation, DateConflict, DateReading, Timeline, TimelineEvent
from .config import Config, EventConfig
from .outlets import OutletSources, by_outlet
from .views_paging import pack, page_of_groups, page_paths


@dataclass(frozen=True)
class WordingView:
    """One wording of an event, and every article that printed it word for word.

    A wire story's sentence carried by a dozen outlets is shown once, with its dozen
    sources, as the quotes page shows a quote: listed once per article, the same sentence
    filled the screen (at 10,000 articles one timeline page held 2,144 attestations, most of
    them a few sentences over and over).  ``attestation`` is the first of ``sources``: its
    sentence, excerpt and date as written are those of all of them.  ``weekdays`` are the
    true weekdays of the days the wording names, given only when the weekday it writes
    contradicts them.
    """

    attestation: Attestation
    sources: tuple[Attestation, ...]  # in the event's order; the first is ``attestation``
    by_outlet: tuple[OutletSources, ...]  # the same, by outlet: each outlet is named once
    weekdays: tuple[str, ...] = ()  # ISO days; the template names their weekday


@dataclass(frozen=True)
class OtherReading:
    """Another date a conflict's sources give for the same happening, and where it is shown."""

    date: str
    outlets: tuple[str, ...]
    anchor: str  # id of the timeline event that carries this reading
    page: str | None = None  # the timeline page holding it; None: the page being rendered
    path: str = ""  # the timeline page holding it, also when that is the page being rendered

    @property
    def reading(self) -> OtherReading:
        """Itself: ``reuse_join`` takes the value it lays out from an attribute of each item.

        Every event of a conflict lists the conflict's other readings, so a conflict of n
        readings is n * (n - 1) links (some 660,000 at 10,000 articles); the timeline pages
        share one ``OtherReading`` per reading and page it is on (``TimelinePages``), and the
        template lays each out once per render for each way of linking to it.
        """
        return self


@dataclass(frozen=True)
class EventView:
    event: TimelineEvent
    wordings: tuple[WordingView, ...]
    others: tuple[OtherReading, ...] = ()  # empty unless the event is part of a conflict


@dataclass(frozen=True)
class PeriodView:
    key: str  # the ISO value; its anchor on the timeline page is "t-<key>"
    precision: str
    events: tuple[EventView, ...]
    more: int = 0  # events left out of a compact view
    page: str | None = None  # a compact view's link target: the timeline page holding the period


@dataclass(frozen=True)
class YearView:
    year: str
    periods: tuple[PeriodView, ...]


@dataclass(frozen=True)
class YearLink:
    year: str
    page: str | None  # the timeline page where the year starts; None: the page being rendered


@dataclass(frozen=True)
class ReadingView:
    date: str
    anchor: str
    outlets: tuple[str, ...]
    wordings: tuple[WordingView, ...]
    page: str | None = None  # the timeline page holding the anchor; None: the page being rendered


@dataclass(frozen=True)
class ConflictView:
    conflict: DateConflict
    readings: tuple[ReadingView, ...]


@dataclass(frozen=True)
class TimelineView:
    """One page of the timeline: its years (a part of the timeline on a long one), and the
    conflicts and weekday mismatches among its events."""

    years: tuple[YearView, ...]
    conflicts: tuple[ConflictView, ...]
    mismatches: tuple[WordingView, ...]  # weekday/date contradictions inside one article
    year_nav: tuple[YearLink, ...] = ()  # every year of the timeline, linked to its page

    @property
    def keys(self) -> frozenset[str]:
        """Every date the page shows (``t-<key>`` anchors exist for exactly these)."""
        return frozenset(p.key for y in self.years for p in y.periods)


def _days_of(value: str) -> tuple[str, ...]:
    """The exact days of an ISO value (both ends of a range), for naming their weekdays."""
    sides = value.split("/")
    days = []
    for side in sides:
        try:
            days.append(date.fromisoformat(side).isoformat())
        except ValueError:
            continue
    return tuple(dict.fromkeys(days))


def _wordings(attestations: Sequence[Attestation]) -> tuple[WordingView, ...]:
    """The attestations grouped by wording (sentence, excerpt and date as written), in the
    order each wording first appears."""
    if len(attestations) == 1:  # most events: one article's sentence
        a = attestations[0]
        return (WordingView(a, (a,), (OutletSources(a),), _days_of(a.date) if a.weekday_mismatch else ()),)
    groups: dict[tuple[str, str, str, str, bool], list[Attestation]] = {}
    for a in attestations:
        groups.setdefault((a.sentence, a.excerpt, a.date_text, a.date, a.weekday_mismatch), []).append(a)
    return tuple(WordingView(same[0], tuple(same), by_outlet(same),
                             _days_of(same[0].date) if same[0].weekday_mismatch else ())
                 for same in groups.values())


def _anchors(timeline: Timeline) -> dict[tuple[str, str], str]:
    """(conflict id, date) -> id of the event showing that reading."""
    return {(e.conflict, e.date): e.id for p in timeline.periods for e in p.events if e.conflict}


Readings = Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]


def _readings(conflicts: Iterable[DateConflict]) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Conflict id -> (date, outlets) of each of its readings.  Made once per render: every
    event of a conflict lists the other readings, and a reading's outlets are worked out
    from all its attestations (hundreds in a large dossier) each time they are asked for."""
    return {c.id: tuple((r.date, r.outlets) for r in c.readings) for c in conflicts}


def _event(event: TimelineEvent, readings: Readings,
           anchors: Mapping[tuple[str, str], str], where: Callable[[str], str | None]) -> EventView:
    """``where(event id)``: the page showing that event (None: the page being rendered)."""
    others: tuple[OtherReading, ...] = ()
    if event.conflict and event.conflict in readings:
        others = tuple(OtherReading(day, outlets, anchor, where(anchor))
                       for day, outlets in readings[event.conflict]
                       if day != event.date and (anchor := anchors.get((event.conflict, day))))
    return EventView(event, _wordings(event.attestations), others)


class TimelinePages:
    """The timeline laid out on pages of about ``size`` events, a day's events kept together.

    Made once per render from the event counts alone (cheap: an article page needs to know
    which page holds each of its dates); a page's views are made only when it is rendered.
    """

    def __init__(self, timeline: Timeline, config: Config, first: str, size: int) -> None:
        self.timeline = timeline
        self.layout = pack([len(p.events) for p in timeline.periods], size)
        self.paths = page_paths(config, first, len(self.layout))
        starts = page_of_groups(self.layout)
        self.period_page = {p.key: starts[i] for i, p in enumerate(timeline.periods)}
        self.year_page: dict[str, int] = {}
        self.event_page: dict[str, int] = {}  # events of a conflict: the other readings link to them
        for number, pieces in enumerate(self.layout, 1):
            for group, lo, hi in pieces:
                period = timeline.periods[group]
                self.year_page.setdefault(period.key[:4], number)
                for event in period.events[lo:hi]:
                    if event.conflict:
                        self.event_page[event.id] = number
        self.readings = _readings(timeline.conflicts)
        self.anchors = _anchors(timeline)
        self.other_readings: dict[str, tuple[tuple[str, OtherReading, OtherReading], ...]] = {}
        # A conflict is shown on the page of its first reading, a weekday mismatch on the page
        # of its date: each page lists the disputes among its own events, so none grows with
        # the dossier.
        self.conflicts_on: dict[int, list[DateConflict]] = {}
        for conflict in timeline.conflicts:
            first = min(self._reading_page(conflict, r) for r in conflict.readings)
            self.conflicts_on.setdefault(first, []).append(conflict)
        self.mismatches_on: dict[int, list[Attestation]] = {}
        for attestation in timeline.weekday_mismatches:
            self.mismatches_on.setdefault(self.period_page.get(attestation.date, 1), []).append(attestation)

    def _reading_page(self, conflict: DateConflict, reading: DateReading) -> int:
        anchor = self.anchors.get((conflict.id, reading.date))
        return self.event_page.get(anchor, 1) if anchor else self.period_page.get(reading.date, 1)

    def period_path(self, key: str) -> str:
        return self.paths[self.period_page.get(key, 1) - 1]

    def event_path(self, ident: str) -> str:
        return self.paths[self.event_page.get(ident, 1) - 1]

    def _other_readings(self, conflict: str) -> tuple[tuple[str, OtherReading, OtherReading], ...]:
        """(date, as linked from another page, as shown on its own page) of each reading of
        ``conflict`` that an event carries, made once per render."""
        found = self.other_readings.get(conflict)
        if found is None:
            made = []
            for day, outlets in self.readings.get(conflict, ()):
                anchor = self.anchors.get((conflict, day))
                if anchor:
                    path = self.event_path(anchor)
                    made.append((day, OtherReading(day, outlets, anchor, path, path),
                                 OtherReading(day, outlets, anchor, None, path)))
            found = self.other_readings[conflict] = tuple(made)
        return found

    def _event(self, event: TimelineEvent, here: str) -> EventView:
        """``_event`` for the page at ``here``, its other readings the render's own."""
        others: tuple[OtherReading, ...] = ()
        if event.conflict:
            others = tuple(on if elsewhere.path == here else elsewhere
                           for day, elsewhere, on in self._other_readings(event.conflict) if day != event.date)
        return EventView(event, _wordings(event.attestations), others)

    def page(self, number: int) -> TimelineView:
        """Page ``number`` (from 1): its periods by year, with the conflicts and weekday
        mismatches among them."""
        here = self.paths[number - 1]

        def on_page(path: str) -> str | None:
            return None if path == here else path
        years: dict[str, list[PeriodView]] = {}
        for group, lo, hi in self.layout[number - 1]:
            period = self.timeline.periods[group]
            view = PeriodView(period.key, period.precision,
                              tuple(self._event(e, here) for e in period.events[lo:hi]))
            years.setdefault(period.key[:4], []).append(view)
        nav = tuple(YearLink(year, on_page(self.paths[n - 1])) for year, n in self.year_page.items())
        def reading(conflict: DateConflict, r: DateReading) -> ReadingView:
            anchor = self.anchors.get((conflict.id, r.date))
            page = self.event_path(anchor) if anchor else self.period_path(r.date)
            return ReadingView(r.date, anchor or f"t-{r.date}", r.outlets, _wordings(r.attestations),
                               on_page(page))
        conflict_views = tuple(ConflictView(c, tuple(reading(c, r) for r in c.readings))
                               for c in self.conflicts_on.get(number, ()))
        return TimelineView(tuple(YearView(y, tuple(ps)) for y, ps in years.items()), conflict_views,
                            _wordings(self.mismatches_on.get(number, ())), nav)


def compact_periods(timeline: TimelinePages, event: EventConfig | None, max_days: int = 8,
                    per_day: int = 2) -> tuple[PeriodView, ...]:
    """The home page's timeline: exact days only, around the event when one is configured,
    the same events (with their outlets and conflicts) as the timeline page, each linked to
    the timeline page that holds it."""
    readings, anchors = timeline.readings, timeline.anchors
    days = [p for p in timeline.timeline.periods if p.precision == "day"]
    if event and event.start:
        start = (event.start - timedelta(days=14)).isoformat()
        end = ((event.end or event.start) + timedelta(days=14)).isoformat()
        near = [p for p in days if start <= p.key <= end]
        if len(near) >= 3:
            days = near
    # Events several outlets attest, or that outlets dispute, come first within a day.
    return tuple(
        PeriodView(p.key, p.precision,
                   tuple(_event(e, readings, anchors, timeline.event_path)
                         for e in sorted(p.events, key=lambda e: (not e.conflict, -len(e.outlets)))[:per_day]),
                   max(0, len(p.events) - per_day), timeline.period_path(p.key))
        for p in days[-max_days:])
