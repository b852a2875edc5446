"""Request parameters shared by the API (typed, for OpenAPI) and the HTML pages (form
fields, where an empty field means "any").

>>> event_filter({"type": "protest", "since": "", "quad_class": "3"}).type
'PROTEST'
>>> event_filter({"since": "2026-02-30"})
Traceback (most recent call last):
...
fastapi.exceptions.HTTPException: 422: since: not a calendar date (YYYY-MM-DD)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query
from pydantic import AfterValidator

from eventwire.store.queries import PLOVER_TYPES, EventFilter

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


Actor = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="an actor id, a code or part of a name")
]


def event_query(
    actor: Actor = None,
    country: Country = None,
    type: EventType = None,
    quad_class: QuadClass = None,
    since: Day = None,
    until: Day = None,
    include_negated: bool = False,
) -> EventFilter:
    """The event filter of an API request (a FastAPI dependency shared by the event routes)."""
    return EventFilter(actor, country, type, quad_class, since, until, include_negated)


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
    """The event filter that form fields (or API query parameters) ask for."""
    country = form_text(params, "country")
    if country and not _COUNTRY.fullmatch(country):
        raise HTTPException(422, "country: a three-letter code")
    try:
        kind = plover(form_text(params, "type"))
    except ValueError as err:
        raise HTTPException(422, f"type: {err}") from None
    return EventFilter(
        actor=form_text(params, "actor"),
        country=country.upper() if country else None,
        type=kind,
        quad_class=form_int(params, "quad_class", default=None, low=1, high=4),
        since=form_day(params, "since"),
        until=form_day(params, "until"),
        include_negated=(params.get("include_negated") or "").lower() in ("1", "true", "on"),
        limit=form_int(params, "limit", default=limit, low=1, high=MAX_PAGE) or limit,
        offset=form_int(params, "offset", default=0, low=0, high=MAX_OFFSET) or 0,
    )
