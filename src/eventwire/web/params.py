"""Request parameters shared by the API (typed, for OpenAPI) and the HTML pages (form
fields, where an empty field means "any").

>>> event_filter({"type": "protest", "since": "", "quad_class": "3"}).type
'PROTEST'
>>> event_filter({"since": "2026-02-30"})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
fastapi.exceptions.HTTPException: 422: since: '2026-02-30' is not a date (YYYY-MM-DD, ...)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query
from pydantic import AfterValidator

from eventwire.filters import FILTER_FIELDS, PLOVER_TYPES, EventFilter, FilterError, parse_filter

__all__ = [
    "MAX_OFFSET",
    "MAX_PAGE",
    "MAX_TEXT",
    "Country",
    "Day",
    "EventType",
    "Limit",
    "Offset",
    "QuadClass",
    "event_filter",
    "form_day",
    "form_int",
    "form_text",
]

MAX_PAGE = 200  # rows per page
MAX_OFFSET = 10_000_000
MAX_TEXT = 200  # characters in a search or filter parameter
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_COUNTRY = re.compile(r"[A-Za-z]{3}")


def real_date(value: str | None) -> str | None:
    """``value`` when it is a calendar date written YYYY-MM-DD."""
    if value is not None:
        try:
            if not _DAY.fullmatch(value):
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a calendar date (YYYY-MM-DD)") from None
    return value


def plover(value: str | None) -> str | None:
    """``value`` as a PLOVER type name (any case in, upper case out)."""
    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise ValueError(f"not a PLOVER event type; one of {', '.join(PLOVER_TYPES)}")
    return value.upper()


Day = Annotated[
    str | None,
    Query(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="a date, YYYY-MM-DD"),
    AfterValidator(real_date),
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
EventType = Annotated[
    str | None,
    Query(max_length=20, description="a PLOVER type: " + ", ".join(PLOVER_TYPES)),
    AfterValidator(plover),
]
QuadClass = Annotated[
    int | None,
    Query(
        ge=1, le=4, description="1/2: verbal/material cooperation, 3/4: verbal/material conflict"
    ),
]
Country = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{3}$", description="a three-letter (CAMEO/ISO) code")
]


def _text(description: str) -> object:
    return Query(max_length=MAX_TEXT, description=description)


def event_query(
    actor: Annotated[
        str | None, _text("actor in either role: an id, a code or part of a name")
    ] = None,
    source: Annotated[str | None, _text("the acting side: an id, a code or part of a name")] = None,
    target: Annotated[
        str | None, _text("the side acted on: an id, a code or part of a name")
    ] = None,
    country: Annotated[str | None, _text("the place's or any participant's country (ISO3)")] = None,
    source_country: Annotated[str | None, _text("the acting side's country (ISO3)")] = None,
    target_country: Annotated[str | None, _text("the other side's country (ISO3)")] = None,
    type: Annotated[str | None, _text("a PLOVER type: " + ", ".join(PLOVER_TYPES))] = None,
    mode: Annotated[str | None, _text("a PLOVER mode (lower case)")] = None,
    cameo: Annotated[str | None, _text("a CAMEO code or prefix (2-4 digits)")] = None,
    quad_class: Annotated[
        str | None, _text("1/2: verbal/material cooperation, 3/4: conflict")
    ] = None,
    goldstein_min: Annotated[str | None, _text("lowest intensity, -10 to 10")] = None,
    goldstein_max: Annotated[str | None, _text("highest intensity, -10 to 10")] = None,
    since: Annotated[
        str | None, _text("from this date: YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY")
    ] = None,
    until: Annotated[str | None, _text("to this date (the whole range of an event's date)")] = None,
    place: Annotated[str | None, _text("part of the place name")] = None,
    include_negated: Annotated[str | None, _text("true: negated events too")] = None,
    include_hedged: Annotated[str | None, _text("false: leave hedged events out")] = None,
    after: Annotated[str | None, _text("keyset cursor: a page's next_after")] = None,
) -> EventFilter:
    """The event filter of an API request (a FastAPI dependency shared by the event routes):
    :func:`eventwire.filters.parse_filter` checks it, as it does the CLI's options."""
    return _parsed(dict(locals()))


def _parsed(params: Mapping[str, object], **kw: int) -> EventFilter:
    try:
        return parse_filter(params, max_limit=MAX_PAGE, **kw)
    except FilterError as err:
        raise HTTPException(422, f"invalid request: {err}") from None


# -- HTML form fields --------------------------------------------------------------------
def form_text(params: Mapping[str, str], name: str) -> str | None:
    """A text field: None when absent or blank; 422 when over the length limit."""
    value = (params.get(name) or "").strip()
    if len(value) > MAX_TEXT:
        raise HTTPException(422, f"{name}: at most {MAX_TEXT} characters")
    return value or None


def form_int(
    params: Mapping[str, str], name: str, *, default: int | None, low: int, high: int
) -> int | None:
    """A number field within [low, high]: the default when absent or blank; 422 otherwise."""
    value = (params.get(name) or "").strip()
    if not value:
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise HTTPException(422, f"{name}: a whole number from {low} to {high}")
    return int(value)


def form_day(params: Mapping[str, str], name: str) -> str | None:
    value = form_text(params, name)
    try:
        return real_date(value)
    except ValueError as err:
        raise HTTPException(422, f"{name}: {err}") from None


def event_filter(params: Mapping[str, str], *, limit: int = 50) -> EventFilter:
    """The event filter that form fields (or API query parameters) ask for; 422 naming the
    field when one is wrong."""
    wanted = {k: v for k, v in params.items() if k in FILTER_FIELDS}
    return _parsed(wanted, default_limit=limit)
