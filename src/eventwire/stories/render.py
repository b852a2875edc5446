"""Stories as JSON records and as Rich tables (the CLI's two faces)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eventwire.stories.index import StoryDetail, StorySummary

__all__ = ["print_stories", "print_story", "story_record"]


def story_record(s: StorySummary) -> dict[str, Any]:
    """The JSON record of a story (``eventwire stories --format jsonl``, ``GET /api/stories``)."""
    return {
        "id": s.id,
        "group": s.group_id,
        "label": s.label,
        "articles": list(s.articles),
        "start": s.start,
        "end": s.end,
        "sources": list(s.sources),
        "copies": s.copies,
        "events": s.events,
    }


def print_stories(console: Console, rows: Sequence[StorySummary], *, total: int) -> None:
    table = Table("id", "from", "to", "label", "articles", "copies", "sources", "events")
    table.title = f"{total} stories"
    for s in rows:
        table.add_row(
            str(s.id),
            s.start or "?",
            s.end or "?",
            escape(s.label or ""),
            str(len(s.articles)),
            str(s.copies),
            escape(", ".join(s.sources)),
            str(s.events),
        )
    console.print(table)


def print_story(console: Console, d: StoryDetail) -> None:
    s = d.summary
    console.rule(escape(s.label or f"story {s.id}"))
    console.print(
        f"story {s.id}  {s.start or '?'} to {s.end or '?'}  {len(s.articles)} article(s),"
        f" {s.copies} copies, {len(s.sources)} source(s)",
        highlight=False,
        markup=False,
    )
    table = Table("source", "day", "article", "headline", "copy of")
    for a in d.articles:
        copy = f"{a.relation} of {a.copy_of[:8]} ({a.similarity:.2f})" if a.copy_of else ""
        table.add_row(
            escape(a.source), a.day or "?", a.id[:8], escape(a.headline or ""), escape(copy)
        )
    console.print(table)
    events = Table("type", "date", "where", "mentions", "articles", "sources", "sources differ on")
    for i in d.instances:
        differ = "; ".join(f"{k}: {' / '.join(v)}" for k, v in i.disagreements.items())
        events.add_row(
            i.type,
            i.date or "?",
            escape(i.location or ""),
            str(i.mentions),
            str(i.articles),
            str(i.sources),
            escape(differ),
        )
    console.print(events)
