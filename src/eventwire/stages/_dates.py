"""Calendar arithmetic for time expressions: relative words resolved against a reference day.

Every function takes the reference day (the article's publication date, or an earlier
timex for "a day after") and returns an ISO value at the precision the words support.

>>> nearest_weekday(date(2025, 9, 2), 2)   # Wednesday in a Tuesday story
'2025-09-03'
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

# Which way an expression without a year leans from the reference day.
Lean = Literal["past", "future", "nearest"]

__all__ = [
    "Lean",
    "day",
    "iso_week",
    "month_day",
    "month_of",
    "nearest_weekday",
    "parse_day",
    "shift_months",
    "weekday_relative",
    "year_month",
]


def parse_day(value: str | None) -> date | None:
    """The day in a `YYYY-MM-DD…` string (a time part is ignored), or None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day(d: date) -> str:
    return d.isoformat()


def year_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(d: date) -> str:
    # isocalendar, not strftime("%W"): ISO weeks straddle New Year (2025-12-30 is 2026-W01).
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_months(ref: date, months: int) -> tuple[int, int]:
    """(year, month) `months` months away from the month of `ref`."""
    index = ref.year * 12 + ref.month - 1 + months
    return index // 12, index % 12 + 1


def nearest_weekday(ref: date, weekday: int, *, lean: Lean = "nearest") -> str:
    """The `weekday` (Monday=0) nearest `ref`: within three days either side.

    News uses a bare weekday for the days around publication ("gathering on Wednesday" in
    a Tuesday story is tomorrow, "sentenced Saturday" in a Monday story is two days ago),
    so the seven weekdays map onto -3..+3.  A tense cue moves a day that falls on the wrong
    side a week on: "will meet on Friday" is never last Friday, "on Tuesday delivered" in a
    Monday story is last Tuesday.
    """
    offset = (weekday - ref.weekday()) % 7
    if offset > 3:
        offset -= 7
    if lean == "future" and offset < 0:
        offset += 7
    elif lean == "past" and offset > 0:
        offset -= 7
    return day(ref + timedelta(days=offset))


def weekday_relative(ref: date, weekday: int, direction: int) -> str:
    """`last Friday` (direction -1) is strictly before `ref`, `next Friday` (+1) strictly after."""
    if direction < 0:
        offset = -((ref.weekday() - weekday) % 7 or 7)
    else:
        offset = (weekday - ref.weekday()) % 7 or 7
    return day(ref + timedelta(days=offset))


def month_of(ref: date, month: int, *, relation: str | None = None, lean: Lean = "past") -> str:
    """A month named without a year.

    News reports what happened, so a bare "in May" leans to the past: the most recent May
    not after the publication month (a May in a September story is this May, "in December"
    in a February story is last December).  A future cue ("will be published in May") or
    "next" turns it forward, "last" means strictly before the current month, and "nearest"
    takes whichever of the two is closer ("by June" in a May story is next month).
    """
    past = ref.year if month <= ref.month else ref.year - 1
    future = ref.year if month >= ref.month else ref.year + 1
    if relation == "this":
        year = ref.year
    elif relation == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif relation == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif lean == "nearest":
        ahead = (month - ref.month) % 12
        year = future if 0 < ahead < 6 else past
    else:
        year = future if lean == "future" else past
    return year_month(year, month)


def month_day(
    ref: date, month: int, dom: int, *, lean: Lean = "nearest", weekday: int | None = None
) -> str | None:
    """A day of a month named without a year: the one nearest `ref` ("Feb. 28" in a March story
    is last month, "April 7" is next month), or the next or last one when the tense says so.
    A weekday given with it ("Saturday, April 4") settles the year when one candidate fits."""
    candidates: list[date] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(date(year, month, dom))
        except ValueError:
            continue
    fitting = [c for c in candidates if c.weekday() == weekday]
    if weekday is not None and len(fitting) == 1:
        return day(fitting[0])
    if lean == "future":
        candidates = [c for c in candidates if c >= ref]
    elif lean == "past":
        candidates = [c for c in candidates if c <= ref]
    if not candidates:
        return None
    return day(min(candidates, key=lambda c: abs((c - ref).days)))
