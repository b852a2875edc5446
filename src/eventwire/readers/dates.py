"""Metadata dates ("2026-03-04T08:00:00Z", "Wed, 04 Mar 2026 08:00:00 GMT") as YYYY-MM-DD.

>>> normalise_date("Wed, 04 Mar 2026 08:00:00 GMT")
'2026-03-04'
>>> normalise_date("not a date") is None
True
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import dateparser

__all__ = ["normalise_date"]


def normalise_date(value: Any) -> str | None:
    """The calendar day of a metadata date, or None when it is not a date."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        pass
    # Free-form dates in metadata ("March 4, 2026"): dateparser, which is made for it.
    parsed = dateparser.parse(value, settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
