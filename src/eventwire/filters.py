"""One filter language for events: the CLI, the API, the web pages and Python all build an
:class:`EventFilter` through :func:`parse_filter`, so a bad value gets the same error
(naming the option) everywhere.

Dates are ranges: "2026-02" is 1 to 28 February, "2025-W36" is that ISO week's Monday to
Sunday, "2025" the whole year. ``since``/``until`` take any of these forms (or a day), and
an event is in the window when the whole range of its date is: an event dated "2026-02" is
in ``since=2026-02-01 until=2026-02-28`` (and in ``since=2026-02 until=2026-02``), not in
``since=2026-02-10``, and an event dated "2026" is in no window shorter than that year.

>>> f = parse_filter({"source": "IRN", "since": "2026-02", "until": "2026-02", "quad_class": "4"})
>>> f.source, f.window, f.quad_class
('IRN', ('2026-02-01', '2026-02-28'), 4)
>>> parse_filter({"since": "2026-02-30"})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
eventwire.filters.FilterError: since: '2026-02-30' is not a date (YYYY-MM-DD, ...)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any

from eventwire.errors import EventwireError

__all__ = [
    "FILTER_FIELDS",
    "MAX_TEXT",
    "PLOVER_TYPES",
    "EventFilter",
    "FilterError",
    "date_range",
    "parse_filter",
]

# PLOVER's sixteen event types (Schrodt, "PLOVER: Political Language Ontology for Verifiable
# Event Records", 2019), in the ontology's order from cooperation to conflict.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

MAX_TEXT = 200  # characters in a text filter

_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_YEAR = re.compile(r"[0-9]{4}")
_CODE = re.compile(r"[A-Za-z]{3}")
_CAMEO = re.compile(r"[0-9]{2,4}")
_MODE = re.compile(r"[a-z_-]{1,40}")


class FilterError(EventwireError, ValueError):
    """A filter value that cannot be used: ``option`` names it, ``str()`` says why."""

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        self.message = message
        super().__init__(f"{option}: {message}")


def date_range(value: str) -> tuple[str, str]:
    """The first and last day (YYYY-MM-DD) a date value covers; ValueError when it is none.

    >>> date_range("2026-02"), date_range("2025-W36"), date_range("2024")
    (('2026-02-01', '2026-02-28'), ('2025-09-01', '2025-09-07'), ('2024-01-01', '2024-12-31'))
    """
    if m := _DAY.fullmatch(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day.isoformat(), day.isoformat()
    if m := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if m := _MONTH.fullmatch(value):
        first = date(int(m[1]), int(m[2]), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first.isoformat(), (following - timedelta(days=1)).isoformat()
    if _YEAR.fullmatch(value):
        return f"{value}-01-01", f"{value}-12-31"
    raise ValueError(value)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events. Actors: ``actor`` in either role, ``source``/``target`` in that one (an
    actor id, a three-letter country or region code, or a part of a name); ``country`` is the
    event's place or any participant's country, ``source_country``/``target_country`` one
    side's; ``cameo`` is a code prefix ("19" finds 190-1951); ``goldstein_min``/``_max``
    bound the intensity (-10 to 10); ``place`` is a part of the place name. Negated events
    ("did not attack") only with ``include_negated``; hedged ones ("may attack") unless
    ``include_hedged`` is off. ``after`` is a keyset cursor (from a page's ``next_after``).
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    type: str | None = None
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    include_negated: bool = False
    include_hedged: bool = True
    limit: int = 50
    offset: int = 0
    after: str | None = None

    @property
    def window(self) -> tuple[str | None, str | None]:
        """The first and last day asked for (None: open), from ``since``/``until``."""
        return (
            date_range(self.since)[0] if self.since else None,
            date_range(self.until)[1] if self.until else None,
        )

    def params(self) -> dict[str, str]:
        """The filter as query parameters (what differs from the defaults), paging aside."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("limit", "offset", "after") or value == f.default:
                continue
            out[f.name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return out

    def with_page(self, *, limit: int, offset: int = 0, after: str | None = None) -> EventFilter:
        return replace(self, limit=limit, offset=offset, after=after)


FILTER_FIELDS = tuple(f.name for f in fields(EventFilter))
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def parse_filter(
    params: Mapping[str, Any], *, max_limit: int | None = None, default_limit: int = 50
) -> EventFilter:
    """An :class:`EventFilter` from option values (strings as typed, or typed values);
    blank values mean "any". Raises :class:`FilterError` naming the first bad option.
    Unknown keys are ignored (a query string carries other parameters too)."""
    get = _Reader(params)
    f = EventFilter(
        actor=get.text("actor"),
        source=get.text("source"),
        target=get.text("target"),
        country=get.code("country"),
        source_country=get.code("source_country"),
        target_country=get.code("target_country"),
        type=get.choice("type", PLOVER_TYPES),
        mode=get.pattern("mode", _MODE, "a PLOVER mode, lower case (e.g. 'protest')"),
        cameo=get.pattern("cameo", _CAMEO, "a CAMEO code or prefix of 2 to 4 digits"),
        quad_class=get.integer("quad_class", 1, 4),
        goldstein_min=get.number("goldstein_min", -10, 10),
        goldstein_max=get.number("goldstein_max", -10, 10),
        since=get.day("since"),
        until=get.day("until"),
        place=get.text("place"),
        include_negated=get.flag("include_negated", False),
        include_hedged=get.flag("include_hedged", True),
        limit=get.integer("limit", 1, max_limit) or default_limit,
        offset=get.integer("offset", 0, None) or 0,
        after=get.cursor("after"),
    )
    low, high = f.window
    if low and high and low > high:
        raise FilterError("until", f"{f.until} is before since {f.since}")
    lo, hi = f.goldstein_min, f.goldstein_max
    if lo is not None and hi is not None and lo > hi:
        raise FilterError("goldstein_max", "is below goldstein_min")
    return f


class _Reader:
    """Reads and checks one option at a time (the messages say what would be accepted)."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self._params = params

    def _raw(self, name: str) -> Any:
        value = self._params.get(name)
        if isinstance(value, str):
            value = value.strip()
            if len(value) > MAX_TEXT:
                raise FilterError(name, f"at most {MAX_TEXT} characters")
            return value or None
        return value

    def text(self, name: str) -> str | None:
        value = self._raw(name)
        return None if value is None else str(value)

    def code(self, name: str) -> str | None:
        value = self.text(name)
        if value is not None and not _CODE.fullmatch(value):
            raise FilterError(name, f"{value!r} is not a three-letter country code (e.g. IRN)")
        return value.upper() if value else None

    def choice(self, name: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(name)
        if value is not None and value.upper() not in allowed:
            raise FilterError(name, f"{value!r} is not one of {', '.join(allowed)}")
        return value.upper() if value else None

    def pattern(self, name: str, pattern: re.Pattern[str], what: str) -> str | None:
        value = self.text(name)
        if value is not None and not pattern.fullmatch(value):
            raise FilterError(name, f"{value!r} is not {what}")
        return value

    def integer(self, name: str, low: int, high: int | None) -> int | None:
        value = self._raw(name)
        if value is None:
            return None
        try:
            number = value if isinstance(value, int) and not isinstance(value, bool) else None
            if number is None:
                number = int(str(value), 10)
        except ValueError:
            number = None
        if number is None or number < low or (high is not None and number > high):
            span = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise FilterError(name, f"{value!r} is not a whole number {span}")
        return number

    def number(self, name: str, low: float, high: float) -> float | None:
        value = self._raw(name)
        if value is None:
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if not low <= number <= high:  # NaN fails too
            raise FilterError(name, f"{value!r} is not a number from {low:g} to {high:g}")
        return number

    def day(self, name: str) -> str | None:
        value = self.text(name)
        if value is None:
            return None
        try:
            date_range(value)
        except ValueError:
            raise FilterError(
                name, f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY)"
            ) from None
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = self._raw(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if str(value).lower() in _TRUE:
            return True
        if str(value).lower() in _FALSE:
            return False
        raise FilterError(name, f"{value!r} is not true or false")

    def cursor(self, name: str) -> str | None:
        value = self.text(name)
        if value is not None and not re.fullmatch(r"([0-9]{4}-[0-9]{2}-[0-9]{2})?~[0-9]+", value):
            raise FilterError(name, f"{value!r} is not a cursor from a page's next_after")
        return value
