"""The one data model: frozen records that flow between stages, the store and the edges.

Every record is a frozen dataclass holding plain values and character offsets into
``Article.body``; no spaCy object ever leaves a stage.  ``to_record`` and
``from_record`` turn an :class:`Article` into the JSON record documented in
``schema/article.schema.json`` and back.

>>> a = Article(id="x", source=SourceRef(uri="mem"), body="Hello.")
>>> from_record(to_record(a)) == a
True
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

__all__ = [
    "Actor",
    "Article",
    "Discard",
    "Entity",
    "Event",
    "Image",
    "Location",
    "Quote",
    "RawDocument",
    "SourceRef",
    "Timex",
    "article_id",
    "date_precision",
    "from_record",
    "to_record",
]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an article came from: the input's URI, its own id, and character offsets in it."""

    uri: str
    id: str | None = None
    start: int = 0
    end: int = 0
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Image:
    """A picture that went with the article: its caption, credit line and the date it names."""

    caption: str
    credit: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Discard:
    """A line the cleaner left out, with the reason (``noise``, ``site-marker``...)."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention in ``body`` (character offsets), linked to an actor id."""

    text: str
    label: str
    start: int
    end: int
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A real-world participant of one article, with its canonical country and sector codes."""

    id: str
    name: str
    kind: str  # person | organization | country | group
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation in ``body`` and who said it."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_actor: str | None = None
    cue: str | None = None
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression in ``body`` resolved to a date (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY)."""

    text: str
    start: int
    end: int
    value: str | None


@dataclass(frozen=True, slots=True)
class Location:
    """A geocoded place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event: who did what (PLOVER, CAMEO) to whom, when, where, from which text."""

    id: str
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    start: int
    end: int
    trigger: str
    sentence: str
    coder: str
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    date: str | None = None
    date_basis: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    negated: bool = False
    hedged: bool = False
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader yields: one input text and whatever metadata came with it.

    ``kind`` tells the segmenter how to treat ``text``: ``dump`` may hold several
    pasted articles, ``page`` is one article with page furniture around it, and
    ``article`` is one article's text already (a feed item, a single sentence).
    ``offset`` is where ``text`` begins in the input, so article offsets point
    back into the original file.
    """

    uri: str
    text: str
    kind: str = "dump"
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    images: tuple[Image, ...] = ()
    offset: int = 0
    # Section heads a reader found in the markup (an HTML page's <h2>/<h3>), already out of text.
    subheadings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article and everything the stages found in it (the JSON record's fields)."""

    id: str
    source: SourceRef
    headline: str | None = None
    published: str | None = None
    published_basis: str | None = None
    language: str | None = "en"
    agencies: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    byline: str | None = None
    dateline: str | None = None
    subheadings: tuple[str, ...] = ()
    body: str = ""
    discarded: tuple[Discard, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    stages: tuple[str, ...] = field(default=())

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


_SPACE = re.compile(r"\s+")

_PRECISIONS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"\d{4}-W\d{2}"), "week"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}"), "year"),
)


def date_precision(value: str | None) -> str | None:
    """How much of the calendar a date value names: ``day``, ``week``, ``month`` or ``year``.

    >>> date_precision("2026-02"), date_precision("2025-W36"), date_precision(None)
    ('month', 'week', None)
    """
    if value:
        for pattern, precision in _PRECISIONS:
            if pattern.fullmatch(value):
                return precision
    return None


def article_id(headline: str | None, body: str) -> str:
    """A stable content hash: the same headline and body give the same id, whatever the input."""
    text = _SPACE.sub(" ", f"{headline or ''}\n{body}").strip().lower()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def to_record(obj: Any) -> Any:
    """A dataclass (recursively) as JSON-ready dicts and lists."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_record(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_record(x) for x in obj]
    return obj


def _image(d: dict[str, Any]) -> Image:
    return Image(caption=d["caption"], credit=d.get("credit"), date=d.get("date"))


def _event(d: dict[str, Any]) -> Event:
    loc = d.get("location")
    return Event(
        **{
            **{k: v for k, v in d.items() if k in Event.__dataclass_fields__},
            "source": tuple(d.get("source") or ()),
            "target": tuple(d.get("target") or ()),
            "location": Location(**loc) if loc else None,
            "mentions": tuple(tuple(m) for m in d.get("mentions") or ()),
            "date_precision": d.get("date_precision") or date_precision(d.get("date")),
        }
    )


def from_record(d: dict[str, Any]) -> Article:
    """The inverse of :func:`to_record` for an article record."""
    src = d.get("source") or {}
    return Article(
        id=d["id"],
        source=SourceRef(**{k: v for k, v in src.items() if k in SourceRef.__dataclass_fields__}),
        headline=d.get("headline"),
        published=d.get("published"),
        published_basis=d.get("published_basis"),
        language=d.get("language"),
        agencies=tuple(d.get("agencies") or ()),
        images=tuple(_image(i) for i in d.get("images") or ()),
        byline=d.get("byline"),
        dateline=d.get("dateline"),
        subheadings=tuple(d.get("subheadings") or ()),
        body=d.get("body") or "",
        discarded=tuple(Discard(**x) for x in d.get("discarded") or ()),
        entities=tuple(Entity(**x) for x in d.get("entities") or ()),
        actors=tuple(
            Actor(**{**x, "aliases": tuple(x.get("aliases") or ())}) for x in d.get("actors") or ()
        ),
        quotes=tuple(Quote(**x) for x in d.get("quotes") or ()),
        timexes=tuple(Timex(**x) for x in d.get("timexes") or ()),
        events=tuple(_event(x) for x in d.get("events") or ()),
        stages=tuple(d.get("stages") or ()),
    )
