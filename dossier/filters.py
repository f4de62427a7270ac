"""The small formatting filters templates may use, and nothing else.

Templates compute nothing: every value a page shows arrives as data from ``render.py``.
What is left for templates is *presentation* — how a date reads in the dossier's language,
how "3 articles" is worded, how a link is made relative to the page being rendered — and
those live here, as pure functions over explicit inputs (the labels), so a theme author can
restyle a dossier without touching Python and a translator can reword it in site.yaml.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import pass_context, pass_eval_context
from jinja2.filters import sync_do_join
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from markupsafe import Markup

from .page_links import make_url_filter
from .template_code import escape_output, escape_str

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")

# JSON inside <script> must not be able to close the element or open a comment; the
# JSON escapes are valid JSON, so parsers read the same value back.
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _fill(labels: Mapping[str, str], key: str, **values: object) -> str:
    """A label with its {placeholders} filled; a broken label names itself in the error."""
    try:
        return labels[key].format(**values)
    except KeyError as exc:
        if key not in labels:
            raise jinja2.TemplateRuntimeError(f"missing label {key!r}") from None
        raise jinja2.TemplateRuntimeError(
            f"label {key!r} uses {{{exc.args[0]}}}; it may use {', '.join('{' + v + '}' for v in values)}") from None
    except (ValueError, IndexError) as exc:
        raise jinja2.TemplateRuntimeError(f"label {key!r} is not a valid pattern ({exc}): {labels[key]!r}") from None


def _month_name(labels: Mapping[str, str], month: int) -> str:
    return _fill(labels, f"month_{month}")


def _parts(value: str) -> tuple[str, int, int | None, int | None] | None:
    """("day"|"month"|"year", year, month, day) of one side of an ISO value."""
    if m := _DAY.match(value):
        return "day", int(m[1]), int(m[2]), int(m[3])
    if m := _MONTH.match(value):
        return "month", int(m[1]), int(m[2]), None
    if m := _YEAR.match(value):
        return "year", int(m[1]), None, None
    return None


def _format_single(labels: Mapping[str, str], value: str) -> str:
    parts = _parts(value)
    if parts is None or (parts[2] is not None and not 1 <= parts[2] <= 12):
        return value
    kind, year, month, day = parts
    if kind == "day":
        return _fill(labels, "date_day", d=day, month=_month_name(labels, month or 1), y=year)
    if kind == "month":
        return _fill(labels, "date_month", month=_month_name(labels, month or 1), y=year)
    return _fill(labels, "date_year", y=year)


def format_date(labels: Mapping[str, str], value: str | date | None) -> str:
    """An ISO value as the reader says it: "2023-09-11" -> "11 September 2023",
    "2000-07" -> "Juli 2000", "2023-09-10/2023-09-13" -> "10–13 September 2023".

    Anything that is not one of the ISO shapes the extractors produce comes back unchanged,
    so a surprising value is still shown rather than lost.
    """
    if value is None:
        return ""
    if isinstance(value, date):
        value = value.isoformat()
    if "/" not in value:
        return _format_single(labels, value)
    start, end = value.split("/", 1)
    first, last = _parts(start), _parts(end)
    if first and last and first[0] == last[0] == "day":
        _, y1, m1, d1 = first
        _, y2, m2, d2 = last
        if y1 == y2 and m1 == m2 and m1 is not None and 1 <= m1 <= 12:
            return _fill(labels, "date_range_same_month", d1=d1, d2=d2, month=_month_name(labels, m1), y=y1)
        if y1 == y2 and m1 and m2 and 1 <= m1 <= 12 and 1 <= m2 <= 12:
            return _fill(labels, "date_range_same_year",
                         d1=d1, month1=_month_name(labels, m1), d2=d2, month2=_month_name(labels, m2), y=y1)
    return _fill(labels, "date_range", start=_format_single(labels, start), end=_format_single(labels, end))


def weekday(labels: Mapping[str, str], value: str) -> str:
    """The weekday of an ISO day in the dossier's language ("2023-09-13" -> "Rabu"), so a
    page can show which day a date really was when an article names the wrong one."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return ""
    return _fill(labels, f"weekday_{day.isoweekday()}")


def machine_date(value: str | date | None) -> str:
    """A value for ``<time datetime>``: the start of a range, ISO otherwise."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return value.split("/", 1)[0]


def counted(labels: Mapping[str, str], n: int, noun: str) -> str:
    """ "3 artikel": the ``count_<noun>_one`` / ``count_<noun>_other`` label with {n} filled in."""
    return _fill(labels, f"count_{noun}_one" if n == 1 else f"count_{noun}_other", n=n)


def whole_words(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` where one of ``names`` stands as a whole word, as
    ``re.finditer(r"(?<!\\w)(?:<names, longest first>)(?!\\w)")`` would find them: scanning
    left to right, the longest name that fits at a place wins, and matches never overlap.

    ``str.find`` per name instead of a compiled alternation: the set of names changes with
    every article and sentence, and compiling a pattern for each set cost more than the
    search itself.  Names must not be empty.
    """
    found: list[tuple[int, int]] = []
    size = len(text)
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            # re's \w for one character (letters and digits of any script, "_"), written out:
            # this runs for every name in every sentence highlighted.
            if ((at == 0 or not ((before := text[at - 1]).isalnum() or before == "_"))
                    and (end == size or not ((after := text[end]).isalnum() or after == "_"))):
                found.append((at, -end))
            at = text.find(name, at + 1)
    if len(found) > 1:
        found.sort()
    spans, cursor = [], 0
    for at, end in found:
        if at >= cursor:
            spans.append((at, -end))
            cursor = -end
    return spans


def highlight(sentence: str, mentions: str | Iterable[str]) -> Markup:
    """The sentence, escaped, with each mention wrapped in ``<mark>``.

    Escaping first and marking the escaped mention means neither the sentence nor the name
    can inject markup.  Matches are whole words ("AS" must not light up inside "kelas"),
    exact case first; a mention found only in another case (a sentence-initial alias) is
    matched case-insensitively.
    """
    # The same sentence is highlighted on several pages (an event on the timeline, its hub
    # and the page of every entity it names): those, marked at a date (a plain ``str``), are
    # remembered.  An entity's passages (marked at a tuple of names) are shown on its page
    # only: remembering them never paid and pushed the shared events out of the cache.
    # (Only plain ``str``: a ``Markup`` equal to a ``str`` is escaped differently.)
    if type(sentence) is str and type(mentions) is str:
        return _remembered_highlight(sentence, mentions)
    return _highlight(sentence, mentions)


def _escaped(value: Any) -> str:
    """The escaped text of a value as a plain ``str`` (of a ``Markup``: its own text)."""
    return escape_str(value) if type(value) is str else str(escape_output(value))


def _markup(text: str) -> Markup:
    """``Markup(text)`` for a plain ``str``, without ``Markup.__new__``'s look for ``__html__``."""
    return str.__new__(Markup, text)


def _highlight(sentence: str, mentions: str | Iterable[str]) -> Markup:
    if type(mentions) is tuple and len(mentions) == 1 and type(sentence) is str:
        found = _highlight_one(sentence, mentions[0])
        if found is not None:
            return found
    escaped = _escaped(sentence)
    if isinstance(mentions, str):
        targets = (_escaped(mentions),) if mentions else ()
    elif len(mentions) == 1 and type(mentions) is tuple:  # one name (most passages): no set
        targets = (_escaped(mentions[0]),) if mentions[0] else ()
    else:
        targets = {_escaped(n) for n in mentions if n}
    if not targets:
        return _markup(escaped)
    spans = whole_words(escaped, targets)
    if not spans:
        pattern = _mention_pattern(tuple(sorted(targets, key=lambda t: (-len(t), t))), True)
        return _markup(pattern.sub(_mark, escaped))
    if len(spans) == 1:
        start, end = spans[0]
        return _markup(f"{escaped[:start]}<mark>{escaped[start:end]}</mark>{escaped[end:]}")
    pieces, last = [], 0
    for start, end in spans:
        pieces += (escaped[last:start], "<mark>", escaped[start:end], "</mark>")
        last = end
    pieces.append(escaped[last:])
    return _markup("".join(pieces))


def _highlight_one(sentence: str, name: Any) -> Markup | None:
    """``_highlight`` of a plain sentence at one name (most passages of an entity page: the
    entity named one way in the sentence), or None when the name is not a plain ``str`` or
    does not stand in the sentence as a whole word in its exact case (``_highlight`` then
    takes the long way).  ``whole_words`` written out for one name: a name's matches found
    left to right never overlap once each search starts past the last match."""
    if type(name) is not str or not name:
        return None
    escaped, target = escape_str(sentence), escape_str(name)
    at = escaped.find(target)
    if at < 0:
        return None
    size, length = len(escaped), len(target)
    pieces: list[str] = []
    last = 0
    while at >= 0:
        end = at + length
        if ((at == 0 or not ((before := escaped[at - 1]).isalnum() or before == "_"))
                and (end == size or not ((after := escaped[end]).isalnum() or after == "_"))):
            pieces += (escaped[last:at], "<mark>", target, "</mark>")
            last = end
            at = escaped.find(target, end)
        else:
            at = escaped.find(target, at + 1)
    if not pieces:
        return None
    pieces.append(escaped[last:])
    return _markup("".join(pieces))


_remembered_highlight = lru_cache(maxsize=32768)(_highlight)


def _mark(match: re.Match[str]) -> str:
    return f"<mark>{match.group(0)}</mark>"


@lru_cache(maxsize=8192)
def _mention_pattern(targets: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    """Whole-word pattern for a set of names, compiled once per set (only for names that
    are not found in their exact case: ``re``'s own cache of 512 patterns is too small)."""
    alternatives = "|".join(re.escape(t) for t in targets)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE if ignore_case else 0)


def json_ld(value: Any) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` that no string can break out of."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for char, replacement in _SCRIPT_SAFE.items():
        text = text.replace(char, replacement)
    return Markup(text)


@pass_eval_context
def join(eval_ctx: EvalContext, value: Any, d: str = "", attribute: str | int | None = None) -> str:
    """Jinja's ``join`` filter, with a short way for what the theme joins (a tuple of plain
    strings: outlets, summary sentences) that returns what Jinja returns for it.

    Jinja's own is an async-aware wrapper that asks each item for ``__html__``; the timeline
    of a large dossier joins the outlets of every event with it, over half a million times.
    """
    if attribute is None and type(d) is str and type(value) is tuple:
        for item in value:
            if type(item) is not str:
                return sync_do_join(eval_ctx, value, d, attribute)
        return d.join(value)
    return sync_do_join(eval_ctx, value, d, attribute)


def _remembered(func: Callable[..., str]) -> Callable[..., str]:
    """``func`` with its results kept for the one render its filters belong to (dates and
    counts repeat on every page; a label error is raised again each time)."""
    memo: dict[tuple[Any, ...], str] = {}

    def call(*args: Any) -> str:
        try:
            return memo[args]
        except KeyError:
            result = memo[args] = func(*args)
            return result
        except TypeError:  # an unhashable value: formatted (or refused) as it is
            return func(*args)

    return call


def make_filters(labels: Mapping[str, str], versions: Mapping[str, str] | None = None) -> dict[str, Callable[..., Any]]:
    """The filters of one render, bound to its labels and asset versions (no module state)."""
    known_versions = dict(versions or {})
    # reuse: (macro, object, link to it from the page, arguments) -> (object, its markup).
    made: dict[tuple[Any, ...], tuple[Any, Markup]] = {}
    # Sentences marked at a date, for the render: an event's sentence is shown on its topic's
    # page, on the page of every entity it names and on the timeline.  A dossier of 3,000
    # articles has some 54,000 of them (10,000: 180,000), more than ``highlight``'s cache
    # holds, and the pages visit them in turn: that cache then kept none it was asked for.
    marked: dict[tuple[str, str], Markup] = {}

    def highlight_filter(sentence: str, mentions: str | Iterable[str]) -> Markup:
        """``highlight``, its sentences marked at a date remembered until the render ends."""
        if type(sentence) is str and type(mentions) is str:
            key = (sentence, mentions)
            found = marked.get(key)
            if found is None:
                found = marked[key] = _highlight(sentence, mentions)
            return found
        return _highlight(sentence, mentions)

    page_url = make_url_filter()

    @pass_context
    def reuse(context: Context, value: Any, macro: Any, *args: Any) -> Markup:
        """``macro(value, *args)``, made once per render for each way of linking to
        ``value.path`` (``../slug/`` from an article, ``../../artikel/slug/`` from an entity
        page ...) and taken from there by every other page that links to it that way.

        For the fragments every page repeats for the same things (an article's source
        link, its card): a wire story carried by a hundred articles is linked from each of
        their pages.  The macro must depend on the page only through ``value.path | url``
        (labels are the render's own).  The object is kept with its markup, so a key made
        from ``id(value)`` never answers for another object.
        """
        link = page_url(context, value.path)
        key = (macro._func.__code__, id(value), link, args)
        found = made.get(key)
        if found is not None and found[0] is value:
            return found[1]
        markup = macro(value, *args)
        made[key] = (value, markup)
        return markup

    @pass_context
    def reuse_join(context: Context, values: Iterable[Any], macro: Any, separator: str, attribute: str) -> Markup:
        """``reuse`` of each value's ``attribute``, joined by ``separator`` (plain text): for
        lists that grow with the dossier (the other carriers of a wire story on each of
        their pages), without a template loop's costs per item."""
        code, pieces = macro._func.__code__, []
        for item in values:  # ``reuse`` written out: these lists grow with the dossier
            value = getattr(item, attribute)
            key = (code, id(value), page_url(context, value.path), ())
            found = made.get(key)
            if found is None or found[0] is not value:
                found = made[key] = (value, macro(value))
            pieces.append(found[1])
        return _markup(separator.join(pieces))

    @pass_context
    def asset(context: Context, target: str) -> str:
        """Like ``url``, plus ``?v=<content hash>`` so a restyled theme is never served stale."""
        href = page_url(context, target)
        version = known_versions.get(target)
        return f"{href}?v={version}" if version else href

    return {
        "url": page_url,
        "asset": asset,
        "format_date": _remembered(lambda value: format_date(labels, value)),
        "machine_date": machine_date,
        "weekday": _remembered(lambda value: weekday(labels, value)),
        "counted": _remembered(lambda n, noun: counted(labels, n, noun)),
        "highlight": highlight_filter,
        "json_ld": json_ld,
        "join": join,
        "reuse": reuse,
        "reuse_join": reuse_join,
    }
