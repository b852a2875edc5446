"""Calendar dates printed in full ("Monday, Feb. 9, 2026", "9 February 2026", "2026-02-09").

Written by hand because the cleaner needs exact spans and no false hits on a hot
path; dateparser's ``search_dates`` is slow and finds dates in words like "May".

>>> [d.isoformat() for d in find_dates("Tehran, Iran, Monday, Feb. 9, 2026. (AP)")]
['2026-02-09']
>>> first_weekday("Mohammadi, sentenced Saturday, was on Monday freed")
5
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["MONTHS", "WEEKDAYS", "find_dates", "find_numeric_dates", "first_weekday"]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('month', 'month2')},?\s+"
    r"(?P<year2>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))\b"
)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def find_dates(text: str) -> list[date]:
    """Every full calendar date in ``text``, in order; impossible dates are skipped."""
    out = []
    for m in _DATE.finditer(text):
        try:
            if m["iso"]:
                out.append(date.fromisoformat(m["iso"]))
                continue
            month = (m["month"] or m["month2"])[:3].lower()
            day = int(m["day"] or m["day2"])
            year = int(m["year"] or m["year2"])
            out.append(date(year, MONTHS[month], day))
        except ValueError:
            continue
    return out


_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>(?:19|20)\d\d|\d\d)\b")


def find_numeric_dates(text: str) -> list[date]:
    """Numeric dates of page timestamps ("9/4/2008", "04/14/2024", "29.08.19"), in order.

    Month first, as US sites print them, unless the first number cannot be a month (European
    day-first order then). Only for timestamp lines: in running text "3/4" is often a fraction.

    >>> [d.isoformat() for d in find_numeric_dates("Published: 9/4/2008 11:03 PM | 29/08/2019")]
    ['2008-09-04', '2019-08-29']
    """
    out = []
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
        year += 2000 if year < 100 else 0
        month, day = (b, a) if a > 12 else (a, b)
        try:
            out.append(date(year, month, day))
        except ValueError:
            continue
    return out


def first_weekday(text: str) -> int | None:
    """The weekday (0 = Monday) first named in ``text`` as a capitalised word, if any."""
    m = _WEEKDAY.search(text)
    return WEEKDAYS.index(m[1].lower()) if m else None
