"""When a story was published, and which rule decided (``published_basis``).

In order: the reader's metadata; a page timestamp ("Updated 07 March 2026"); the
date in a photo caption, moved forward to the weekday the story itself names (a
photo of Thursday 5 February under a story of "resigned on Monday" dates the story
to Monday 9 February: photos precede the stories they illustrate, by days);
otherwise the nearest dated story of the same dump, moved to the story's weekday
within three days.  Never invented: ``None`` when none of these applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from eventwire.stages._dates import nearest_weekday
from eventwire.stages.dates import first_weekday

__all__ = ["DateEvidence", "resolve_published"]

# A photo older than a week is a file photo, not the day's picture.
MAX_PHOTO_LAG_DAYS = 6


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """What one story offers towards its publication date."""

    metadata: str | None = None
    timestamps: tuple[date, ...] = ()
    # The rule that read the timestamps ("timestamp-label"); "page-timestamp" when unnamed.
    timestamp_basis: str | None = None
    # Stories of one layout (one site's template) date each other; across layouts, never.
    layout: int = 0
    caption_dates: tuple[date, ...] = ()
    lead: str = ""


def _own(ev: DateEvidence) -> tuple[date, str] | None:
    if ev.metadata:
        return date.fromisoformat(ev.metadata[:10]), "metadata"
    if ev.timestamps:
        return min(ev.timestamps), ev.timestamp_basis or "page-timestamp"
    weekday = first_weekday(ev.lead)
    if ev.caption_dates:
        photo = max(ev.caption_dates)
        if weekday is None:
            return photo, "caption-date"
        moved = date.fromisoformat(nearest_weekday(photo, weekday, lean="future"))
        if (moved - photo).days <= MAX_PHOTO_LAG_DAYS:
            return moved, "caption-date+weekday" if moved != photo else "caption-date"
    return None


def resolve_published(stories: Sequence[DateEvidence]) -> list[tuple[str | None, str | None]]:
    """(published, basis) for each story of one input, in order."""
    own = [_own(ev) for ev in stories]
    out: list[tuple[str | None, str | None]] = []
    for i, ev in enumerate(stories):
        if own[i] is not None:
            day, basis = own[i]  # type: ignore[misc]
            out.append((day.isoformat(), basis))
            continue
        neighbour = _nearest(own, i, [ev.layout for ev in stories])
        if neighbour is None:
            out.append((None, None))
            continue
        weekday = first_weekday(ev.lead)
        if weekday is None:
            out.append((neighbour.isoformat(), "neighbour"))
        else:
            out.append((nearest_weekday(neighbour, weekday), "neighbour+weekday"))
    return out


def _nearest(own: Sequence[tuple[date, str] | None], i: int, layouts: Sequence[int]) -> date | None:
    """The date of the closest dated story of the same layout, looking back first (dumps run
    in time order)."""
    for d in range(1, len(own)):
        for j in (i - d, i + d):
            if 0 <= j < len(own) and own[j] is not None and layouts[j] == layouts[i]:
                return own[j][0]  # type: ignore[index]
    return None
