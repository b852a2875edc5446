"""JSON lines: one record, one article.

Fields: ``id``, ``url``, ``title``, ``published``, and ``text`` or ``html``.

A record's ``text`` may be a whole page (many lines: cleaned as page text) or a
single sentence (body, never a headline).  A JSON array of such records is read too.
Lines are streamed: a file of millions of records is read in constant memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.errors import InputError, MalformedInput, NoArticle
from eventwire.model import RawDocument
from eventwire.readers.dates import normalise_date
from eventwire.readers.html import read_html

__all__ = ["read_jsonl", "record_to_document"]


def record_to_document(record: Any, uri: str, line: int | None) -> RawDocument:
    """One JSON record as a raw document; raises an ``InputError`` naming ``uri:line``."""
    if not isinstance(record, dict):
        raise MalformedInput(uri, "a JSON record must be an object", line=line)
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id is not None else None
    url = record.get("url") if isinstance(record.get("url"), str) else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    published = normalise_date(record.get("published") or record.get("date"))
    text, html = record.get("text"), record.get("html")
    if isinstance(html, str) and html.strip() and not (isinstance(text, str) and text.strip()):
        doc = read_html(html, f"{uri}:{line}" if line else uri, url=url, doc_id=doc_id)
        return RawDocument(
            uri=uri,
            text=doc.text,
            kind="article",
            id=doc_id,
            url=url or doc.url,
            title=title or doc.title,
            published=published or doc.published,
            byline=doc.byline,
            images=doc.images,
        )
    if not isinstance(text, str) or not text.strip():
        raise NoArticle(uri, "record has no 'text' or 'html'", line=line)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    kind = "page" if len(lines) > 1 else "article"
    return RawDocument(
        uri=uri, text=text, kind=kind, id=doc_id, url=url, title=title, published=published
    )


def read_jsonl(
    lines: Iterable[bytes | int], uri: str, *, max_record_bytes: int
) -> Iterator[RawDocument | InputError]:
    """Documents (and errors, one per bad line) from the lines of a JSON-lines input.

    An ``int`` in ``lines`` stands for a line too long to hold: its length in bytes.
    """
    for n, raw in enumerate(lines, start=1):
        if isinstance(raw, int) or len(raw) > max_record_bytes:
            size = raw if isinstance(raw, int) else len(raw)
            yield MalformedInput(
                uri, f"record of {size:,} bytes is over the {max_record_bytes:,}-byte limit", line=n
            )
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            yield MalformedInput(uri, f"malformed JSON: {err}", line=n)
            continue
        records = record if isinstance(record, list) else [record]
        for r in records:
            try:
                yield record_to_document(r, uri, n)
            except InputError as err:
                yield err
