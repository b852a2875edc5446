"""Time expressions in news text, found by pattern and resolved on the calendar.

``find_timexes`` looks for anchor words (month and weekday names, today, week, year...)
and years with plain substring search, then tries the patterns of that anchor's family
from the prefix words just before it ("in early", "last", "a"); the first pattern that
matches hands its named groups to its rule, which turns the words into an ISO value at
the precision the text supports (``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM``, ``YYYY``),
using the article's publication date for relative words.

>>> [(t.text, t.value) for t in find_timexes("The parade on Wednesday.", "2025-09-02")]
[('on Wednesday', '2025-09-03')]

Why our own resolver and not dateparser: dateparser parses one string at a time (it cannot
find expressions in running text), costs around a millisecond a call, and resolves by its
own settings, not by news usage: "Monday" to the previous Monday, "May" to this year's May
whatever the tense.  News wants the weekday within three days of publication and a month
that leans to the past unless the clause speaks of the future.  Anchoring on words keeps a
paragraph without any time words to a few microseconds; this runs on every paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventwire.model import Timex
from eventwire.stages import _dates
from eventwire.stages._patterns import (
    ADJACENT,
    AGO,
    ANAPHORIC,
    ANCHOR_KEYS,
    DAY_WORD,
    DIGITS,
    DMY,
    FUTURE_CUE,
    IRREGULAR_PAST,
    ISO_DATE,
    MDY,
    MONTH,
    NAMED_DAY_BEFORE,
    NEAREST_PREPOSITIONS,
    NOT_PAST_ED,
    NUMBER_WORDS,
    PREFIX_WORDS,
    QUANTITY_BEFORE,
    RELATIVE_UNIT,
    STRONG_PREPOSITIONS,
    UNITS_AFTER,
    WEEKDAY,
    YEAR,
    YEAR_DIGITS,
    YEAR_PART,
    YEAR_RANGE,
)

__all__ = ["find_timexes"]

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_FULL_MONTHS = frozenset(
    name for name in _MONTHS if len(name) > 4 or name in ("may", "june", "july")
)
_WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
# May and March are also a name, a modal verb and a noun ("Theresa May", "a protest march"):
# they need a preposition or modifier before them, like every bare month, and more (below).
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
# Words that may follow a month named after a weak preposition ("from May to July").
_MONTH_FOLLOWERS = frozenset(
    {"to", "and", "or", "through", "until", "till", "last", "this", "next"}
)
_LIST_JOINERS = frozenset({"and", "to", "or", "through", "until", "-", "–", "—"})
_PUNCTUATION = ".,;:!?()[]\"'“”‘’"
_RANK = {"year": 1, "month": 2, "week": 2, "day": 3}

Span = tuple[int, int, str | None]


@dataclass(slots=True)
class _Scan:
    """One paragraph being scanned: the text, the publication day, the last day mentioned."""

    text: str
    published: date | None
    # The most recent resolved expression and its precision: "a day after" counts from it.
    last: tuple[date, int] | None = field(default=None)
    # Where the last expression ended: "between April and June" continues a month list.
    last_end: int = -1

    def reference(self, rank: int) -> date | None:
        if self.last is not None and self.last[1] >= rank:
            return self.last[0]
        return self.published

    def future(self, at: int) -> bool:
        """Whether the clause before offset `at` speaks of the future ("will begin on April 7")."""
        window = self.text[max(0, at - 60) : at]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "), window.rfind("; "))
        return FUTURE_CUE.search(window, cut + 1) is not None

    def continues(self, at: int) -> bool:
        """Whether offset `at` follows a month or date just found ("April and June", "May-June")."""
        if self.last is None or self.last[1] < _RANK["month"] or self.last_end < 0:
            return False
        return self.text[self.last_end : at].strip().lower() in _LIST_JOINERS

    def past_tense_beside(self, start: int, end: int) -> bool:
        """Whether a past-tense verb is next to the expression ("on Tuesday delivered"), or
        opens the clause it leads ("On Friday, President Trump declared ...")."""
        before = self.text[max(0, start - 3) : start].rstrip()
        opens = not before or before[-1] in ".!?:;\"”'’" or before[-1] == "\n"
        # the word before counts only inside the sentence ("Talks ended. On Friday, ...")
        neighbours = [_word_after(self.text, end)] + (
            [] if opens else [_word_before(self.text, start)]
        )
        if any(_past_form(w) for w in neighbours):
            return True
        if not opens and _word_before(self.text, start) not in _CLAUSE_OPENERS:
            return False
        # a fronted expression: the first lower-case verb form of the clause that follows
        for raw in self.text[end : end + 80].split()[:8]:
            word = raw.strip(_PUNCTUATION)
            if raw[-1:] in ".;:!?" or word.lower() in ("will", "to", "would", "shall"):
                return _past_form(word.lower()) and word.islower()
            if word.islower() and _past_form(word):
                return True
        return False


# Words after which an expression opens its clause ("On Friday, Trump declared").
_CLAUSE_OPENERS = ("and", "but", "then", "so")


def _past_form(word: str) -> bool:
    return word in IRREGULAR_PAST or (
        len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_ED
    )


def _number(word: str) -> int | None:
    """The count in "two years ago", "a day after"; "the day after" counts one."""
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1 if word == "the" else None)


def _word_before(text: str, at: int) -> str:
    head = text[max(0, at - 30) : at].split()
    return head[-1].lower().strip(_PUNCTUATION) if head else ""


def _words_before(text: str, at: int, n: int) -> str:
    return " ".join(text[max(0, at - 40) : at].split()[-n:]).lower()


def _word_after(text: str, at: int) -> str:
    tail = text[at : at + 30].split()
    return tail[0].lower().strip(_PUNCTUATION) if tail else ""


# --- the rules: each turns its own match into spans ---------------------------------


def _iso(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    try:
        d = date(int(m["year"]), int(m["mon"]), int(m["dom"]))
    except ValueError:
        return None
    return [(m.start(), m.end(), d.isoformat())]


def _full_date(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    month = _MONTHS[m["month"].rstrip(".").lower()]
    dom = int(m["dom"])
    if m["year"]:
        try:
            return [(m.start(), m.end(), date(int(m["year"]), month, dom).isoformat())]
        except ValueError:
            return None
    if not 1 <= dom <= 31:
        return None
    ref = scan.published
    lean: _dates.Lean = "future" if scan.future(m.start("month")) else "nearest"
    weekday = _WEEKDAYS[m["weekday"].lower()] if m["weekday"] else None
    value = _dates.month_day(ref, month, dom, lean=lean, weekday=weekday) if ref else None
    return [(m.start(), m.end(), value)]


def _month(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    name = m["month"].rstrip(".").lower()
    month = _MONTHS[name]
    if m["year"]:
        return [(m.start(), m.end(), _dates.year_month(int(m["year"]), month))]
    ref = scan.published
    if m["year_rel"]:  # "in September last year", "October of next year"
        shift = {"last": -1, "this": 0, "next": 1}[m["year_rel"].lower()]
        value = _dates.year_month(ref.year + shift, month) if ref else None
        return [(m.start(), m.end(), value)]
    if name not in _FULL_MONTHS:
        return None  # an abbreviation ("Dec") without a day or year is too weak a signal
    prep = (m["prep"] or "").lower().split()
    listed = not (prep or m["mod"] or m["rel"]) and scan.continues(m.start())
    if not (prep or m["mod"] or m["rel"] or listed):
        return None  # a bare month name: "April" the person, "August" the adjective
    after = scan.text[m.end() : m.end() + 2]
    if name in _AMBIGUOUS_MONTHS:
        if after[:2] in ("'s", "’s"):
            return None  # "in May's cabinet": the person
        weak = prep and prep[0] not in STRONG_PREPOSITIONS and not (m["mod"] or m["rel"])
        if (
            weak
            and _word_after(scan.text, m.end()) not in _MONTH_FOLLOWERS
            and after[1:2].islower()
        ):
            return None  # "after May said", "by March organisers"; not "from May to July"
    rel = (m["rel"] or "").lower() or None
    lean: _dates.Lean = "past"
    if scan.future(m.start("month")):
        lean = "future"
    elif prep and prep[0] in NEAREST_PREPOSITIONS:
        lean = "nearest"
    value = _dates.month_of(ref, month, relation=rel, lean=lean) if ref else None
    return [(m.start(), m.end(), value)]


def _year_value(m: re.Match[str], scan: _Scan, start: int) -> bool:
    """Whether the four digits at `start` are a year and not an amount or a code."""
    text = scan.text
    if _word_after(text, m.end()) in UNITS_AFTER:
        return False  # "2,000 people" written without the comma, "1500 km"
    if m["mod"] or m["prep"]:
        return True
    return _words_before(text, start, 2) not in QUANTITY_BEFORE and (
        _word_before(text, start) not in QUANTITY_BEFORE
    )


def _year(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    if not _year_value(m, scan, m.start("year")):
        return None
    return [(m.start(), m.end(), m["year"])]


def _year_range(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    """Two years from "2009-2010" or "1957-58"; one month from "2026-02"."""
    first, end = int(m["year"]), m["end"]
    if not _year_value(m, scan, m.start("year")):
        return None
    second = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if second <= first:
        if len(end) == 2 and 1 <= int(end) <= 12:
            return [(m.start(), m.end(), _dates.year_month(first, int(end)))]
        return None
    return [(m.start(), m.end("year"), str(first)), (m.start("end"), m.end(), str(second))]


def _weekday(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    if not m["prep"] and _word_before(scan.text, m.start()) in NAMED_DAY_BEFORE:
        return None  # "Good Friday", "Bloody Sunday": a named day, not this week's
    ref = scan.published
    if ref is None:
        return [(m.start(), m.end(), None)]
    weekday = _WEEKDAYS[m["weekday"].lower()]
    prep = (m["prep"] or "").lower()  # "closed until Friday" is a limit, not a past day
    rel = (m["rel"] or "").lower()
    # "since Tuesday", "detained earlier Friday": a day already gone
    behind = prep == "since" or _word_before(scan.text, m.start()) == "earlier"
    if rel in ("last", "past"):
        value = _dates.weekday_relative(ref, weekday, -1)
    elif rel in ("next", "coming"):
        value = _dates.weekday_relative(ref, weekday, +1)
    else:
        lean: _dates.Lean = "nearest"
        if behind:
            lean = "past"
        elif scan.future(m.start("weekday")):
            lean = "future"
        elif prep not in NEAREST_PREPOSITIONS and scan.past_tense_beside(m.start(), m.end()):
            lean = "past"
        value = _dates.nearest_weekday(ref, weekday, lean=lean)
    return [(m.start(), m.end(), value)]


def _year_part(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    ref = scan.published
    return [(m.start(), m.end(), str(ref.year) if ref else None)]


_DAY_WORDS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def _day_word(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    ref = scan.published
    offset = _DAY_WORDS[m["word"].split()[0].lower()]
    value = (ref + timedelta(days=offset)).isoformat() if ref else None
    return [(m.start(), m.end(), value)]


def _at_precision(d: date, unit: str) -> str:
    if unit == "day":
        return d.isoformat()
    if unit == "week":
        return _dates.iso_week(d)
    if unit == "month":
        return _dates.year_month(d.year, d.month)
    return str(d.year)


def _shift(ref: date, unit: str, n: int) -> date:
    if unit in ("day", "week"):
        return ref + timedelta(days=n * (7 if unit == "week" else 1))
    year, month = _dates.shift_months(ref, n * (12 if unit == "year" else 1))
    return date(year, month, 1)


def _relative_unit(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    """this/last/next week, month, year."""
    ref = scan.published
    unit = m["unit"].lower()
    n = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    value = _at_precision(_shift(ref, unit, n), unit) if ref else None
    return [(m.start(), m.end(), value)]


def _ago(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    n = _number(m["num"])
    if n is None:
        return None
    ref = scan.published
    unit = m["unit"].lower()
    value = _at_precision(_shift(ref, unit, -n), unit) if ref else None
    return [(m.start(), m.end(), value)]


def _anaphoric(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    """A step from the last time mentioned: "a day after X", "two years earlier", "the next day".

    In "resigned on Monday, a day after X quit" the expression dates X: Monday minus one.
    So "after" and "earlier" count back from the reference, "before" and "later" forward.
    """
    n = 1 if m.re is ADJACENT else _number(m["num"])
    if n is None:
        return None
    if m.re is ANAPHORIC and m["dir"].lower() in ("after", "before") and not _follows(scan, m):
        word = _word_after(scan.text, m.end())
        if word in _NP_STARTS or scan.text[m.end() :].lstrip()[:1].isupper():
            # "rejected, the day before the rally, a lawsuit": counted from the rally,
            # whose date the expression does not give
            return [(m.start(), m.end(), None)]
    unit = m["unit"].lower()
    ref = scan.reference(_RANK[unit])
    sign = -1 if m["dir"].lower() in ("after", "earlier", "previous") else 1
    value = _at_precision(_shift(ref, unit, sign * n), unit) if ref else None
    return [(m.start(), m.end(), value)]


# Words that open the noun phrase an "after"/"before" expression counts from.
_NP_STARTS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"}
)


def _follows(scan: _Scan, m: re.Match[str]) -> bool:
    """Whether an expression stands right after the last date ("on Monday, a day after
    ..."): it then dates what follows from that day."""
    return scan.last_end >= 0 and not scan.text[scan.last_end : m.start()].strip(" ,")


# "earlier in the month", "later in the week": the unit of the publication date.
_IN_THE_UNIT = re.compile(
    r"(?<![\w-])(?i:earlier|later)\s+(?i:in|this)\s+(?:(?i:the)\s+)?(?P<unit>(?i:week|month|year))"
    r"(?![\w])"
)


# "that same day", "later the same day": the day (week...) last mentioned.
_SAME_UNIT = re.compile(
    r"(?<![\w-])(?:(?i:later|earlier)\s+)?(?i:that|the)\s+(?i:same|very)\s+"
    r"(?P<unit>(?i:day|week|month|year))(?![\w])"
)


def _same_unit(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    unit = m["unit"].lower()
    if scan.last is None or scan.last[1] < _RANK[unit]:
        return None  # no date of that precision named before: nothing to point back to
    return [(m.start(), m.end(), _at_precision(scan.last[0], unit))]


def _in_the_unit(m: re.Match[str], scan: _Scan) -> list[Span] | None:
    ref = scan.published
    value = _at_precision(ref, m["unit"].lower()) if ref else None
    return [(m.start(), m.end(), value)]


Rule = Callable[[re.Match[str], _Scan], list[Span] | None]
_Family = tuple[tuple[re.Pattern[str], Rule], ...]

# The rules worth trying around each kind of anchor word, longer forms first
# ("Monday, Feb. 9, 2026" before "Monday", "2009-2010" before "2009").
_DATE_RULES: _Family = ((MDY, _full_date), (DMY, _full_date))
_FAMILIES: dict[str, _Family] = {
    "month": (*_DATE_RULES, (MONTH, _month)),
    "weekday": (*_DATE_RULES, (WEEKDAY, _weekday)),
    "year": ((ISO_DATE, _iso), (YEAR_RANGE, _year_range), (YEAR, _year)),
    "unit": (
        (_IN_THE_UNIT, _in_the_unit),
        (_SAME_UNIT, _same_unit),
        (AGO, _ago),
        (ANAPHORIC, _anaphoric),
        (ADJACENT, _anaphoric),
        (RELATIVE_UNIT, _relative_unit),
        (YEAR_PART, _year_part),
    ),
    "word": ((DAY_WORD, _day_word),),
}
# Anchor words by family: names as written, relative words whatever their case.
_ANCHOR_EXACT = {
    **{name.capitalize(): "month" for name in _MONTHS},
    **{name.capitalize(): "weekday" for name in _WEEKDAYS},
}
_ANCHOR_LOWER = {
    **dict.fromkeys(("today", "tonight", "yesterday", "tomorrow", "night"), "word"),
    **dict.fromkeys(("morning", "afternoon", "evening"), "word"),
    **{unit + s: "unit" for unit in ("day", "week", "month", "year") for s in ("", "s")},
}
_PREFIX_TOKEN = re.compile(r"\S+")
# "that same day", "later the very day": words of the anaphoric day as well
_PREFIXES = PREFIX_WORDS | {"that", "same", "very"}
_PREFIX_TRIM = ",(-"


def _anchors(text: str) -> list[tuple[int, str]]:
    """Offsets and families of the anchor words and years in `text`, in order."""
    found: dict[int, str] = {}
    for key in ANCHOR_KEYS:
        if key not in text:
            continue
        i = text.find(key)
        while i >= 0:
            start, end = i, i + len(key)
            while start and text[start - 1].isalpha():
                start -= 1
            while end < len(text) and text[end].isalpha():
                end += 1
            word = text[start:end]
            family = _ANCHOR_EXACT.get(word) or _ANCHOR_LOWER.get(word.lower())
            if family is not None:
                found[start] = family
            i = text.find(key, end)
    if not DIGITS.isdisjoint(text):
        for m in YEAR_DIGITS.finditer(text):
            start, end = m.span()
            if (
                text[start : start + 2] in ("19", "20")
                and not (start and text[start - 1].isdigit())
                and not text[end : end + 1].isdigit()
            ):
                found[start] = "year"
    return sorted(found.items())


def _starts(text: str, at: int, floor: int) -> list[int]:
    """Where an expression around the anchor at `at` may begin: at prefix words, then `at`."""
    tokens = list(_PREFIX_TOKEN.finditer(text, max(floor, at - 48), at))
    starts = [at]
    for token in reversed(tokens[-6:]):
        word = token.group(0).strip(_PREFIX_TRIM).lower()
        if word not in _PREFIXES and not word.rstrip("stndrh").isdigit():
            break
        starts.append(token.start())
    starts.reverse()
    return starts


def find_timexes(text: str, published: str | None) -> list[Timex]:
    """Time expressions in `text`, resolved against the publication date (YYYY-MM-DD or None).

    >>> [t.value for t in find_timexes("The 1979 revolution; last month; in May.", "2025-09-02")]
    ['1979', '2025-08', '2025-05']
    """
    anchors = _anchors(text)
    if not anchors:
        return []
    scan = _Scan(text, _dates.parse_day(published))
    found: list[Timex] = []
    done = 0  # text before this offset is taken by an expression already found
    for at, family in anchors:
        if at < done:
            continue
        spans = _match_at(scan, at, _FAMILIES[family], done)
        for start, end, value in spans:
            found.append(Timex(text=text[start:end], start=start, end=end, value=value))
            done = scan.last_end = end
            if value is not None:
                scan.last = (_anchor_day(value), _precision(value))
    return found


def _match_at(scan: _Scan, at: int, rules: _Family, floor: int) -> list[Span]:
    """The first rule that matches from the leftmost possible start and covers the anchor."""
    for start in _starts(scan.text, at, floor):
        for pattern, rule in rules:
            m = pattern.match(scan.text, start)
            if m is not None and m.end() > at:
                spans = rule(m, scan)
                if spans:
                    return spans
    return []


def _precision(value: str) -> int:
    if "W" in value:
        return _RANK["week"]
    return {4: _RANK["year"], 7: _RANK["month"]}.get(len(value), _RANK["day"])


def _anchor_day(value: str) -> date:
    if "W" in value:
        return date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])
