"""RSS and Atom feeds (feedparser): one item, one article."""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from eventwire.errors import InputError, MalformedInput, NoArticle
from eventwire.model import RawDocument
from eventwire.readers.dates import normalise_date
from eventwire.readers.html import html_to_text

__all__ = ["read_feed"]


def _published(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return normalise_date(entry.get("published") or entry.get("updated"))


def read_feed(data: bytes, uri: str) -> Iterator[RawDocument | InputError]:
    """Documents (and one error per empty item) from an RSS or Atom feed."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no items"
        yield MalformedInput(uri, f"feed with no readable items ({reason})")
        return
    for n, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content")
        html = content[0].get("value") if content else entry.get("summary") or ""
        text = html_to_text(html or "")
        where = f"{uri}#item{n}"
        if not text.strip():
            yield NoArticle(where, "feed item with no text")
            continue
        yield RawDocument(
            uri=uri,
            text=text,
            kind="article",
            id=entry.get("id") or entry.get("link"),
            url=entry.get("link"),
            title=entry.get("title"),
            published=_published(entry),
            byline=entry.get("author"),
        )
