"""From a raw document to clean articles: segment, clean, date, name the agencies.

>>> from eventwire.model import RawDocument
>>> doc = RawDocument(uri="mem", text="Big News Today\\n\\nIt rained.\\n")
>>> [a.headline for a in build_articles(doc)]
['Big News Today']
"""

from __future__ import annotations

from eventwire.model import Article, Discard, Image, RawDocument, SourceRef, article_id
from eventwire.stages.agencies import find_agencies
from eventwire.stages.clean import Parts, Placement, clean_block
from eventwire.stages.dates import find_dates
from eventwire.stages.published import DateEvidence, resolve_published
from eventwire.stages.segment import page_like, split_blocks, split_lines, split_pages

__all__ = ["SEGMENTER", "build_articles", "parts_of", "stories_of"]

SEGMENTER = "segment.v1"


def parts_of(doc: RawDocument) -> list[Parts]:
    """The cleaned parts of every story in ``doc``, before dating and assembly."""
    lines = split_lines(doc.text, offset=doc.offset)
    if not lines:
        return []
    if doc.kind == "dump":
        if page_like(lines):
            pages = split_pages(doc.text, lines)
            if pages:
                out = [clean_block(block, keep=keep) for block, keep in pages]
                for n, parts in enumerate(out):
                    parts.layout = n  # each page is its own site's layout
                return out
        return [clean_block(block) for block in split_blocks(lines)]
    if doc.kind == "page" and len(lines) > 1:
        # One record, one article: of the stories the page cutter finds, the longest body.
        bodies = [
            {ln.index: len(ln.text.split()) for ln, k in zip(block, flags, strict=True) if k}
            for block, flags in split_pages(doc.text, lines)
        ]
        kept = max(bodies, key=lambda body: sum(body.values()), default={})
        keep = [ln.index in kept for ln in lines] if kept else [True] * len(lines)
        return [clean_block(lines, title=doc.title, keep=keep)]
    return [clean_block(lines, title=doc.title, find_headline=False)]


def stories_of(doc: RawDocument) -> list[Parts]:
    """The stories of ``doc`` that have a body; the lines of a bodiless fragment (a
    headline with nothing under it) are kept as ``orphan`` discards of a neighbour."""
    parts = parts_of(doc)
    stories = [p for p in parts if p.paragraphs]
    if not stories:
        return []
    for i, p in enumerate(parts):
        if p.paragraphs:
            continue
        host = next((q for q in reversed(parts[:i]) if q.paragraphs), None)
        host = host or next(q for q in parts[i + 1 :] if q.paragraphs)
        host.discarded.extend(Discard(text=ln.text, reason="orphan") for ln in p.lines)
        host.placements.extend(Placement(ln.index, "discarded", "orphan") for ln in p.lines)
    return stories


def build_articles(doc: RawDocument) -> list[Article]:
    """Every article in ``doc``, cleaned and dated."""
    stories = stories_of(doc)
    evidence = [
        DateEvidence(
            metadata=doc.published,
            timestamps=tuple(p.timestamps),
            timestamp_basis=p.timestamp_basis,
            layout=p.layout,
            caption_dates=tuple(
                d
                for im, is_file in zip(p.images, p.image_is_file, strict=True)
                if not is_file
                for d in find_dates(im.caption)
            ),
            lead=" ".join(par.text for par in p.paragraphs[:2]),
        )
        for p in stories
    ]
    dates = resolve_published(evidence)
    out = []
    for parts, (published, basis) in zip(stories, dates, strict=True):
        images = tuple(doc.images) + tuple(parts.images)
        body = "\n\n".join(p.text for p in parts.paragraphs)
        credits = [im.credit for im in images if im.credit]
        captions = [im.caption for im in images]
        agencies = find_agencies(
            [body, *captions, parts.dateline or ""],
            credits=credits,
        )
        out.append(
            Article(
                id=article_id(parts.headline, body),
                source=SourceRef(
                    uri=doc.uri, id=doc.id, start=parts.start, end=parts.end, url=doc.url
                ),
                headline=parts.headline,
                published=published,
                published_basis=basis,
                language="en",
                agencies=agencies,
                images=_unique(images),
                byline=parts.byline or doc.byline,
                dateline=parts.dateline,
                subheadings=tuple(doc.subheadings) + tuple(parts.subheadings),
                body=body,
                discarded=tuple(parts.discarded),
                stages=(SEGMENTER,),
            )
        )
    return out


def _unique(images: tuple[Image, ...]) -> tuple[Image, ...]:
    seen: dict[tuple[str, str | None], Image] = {}
    for im in images:
        seen.setdefault((im.caption, im.credit), im)
    return tuple(seen.values())
