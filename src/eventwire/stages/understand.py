"""The understanding stages: parse, actors, time expressions, quotes, events.

Like spaCy's components, each stage reads what earlier ones wrote.  The parse is
made once per batch by :class:`ParseStage` and shared through a :class:`ParseCache`
that the stages of one pipeline hold in common; it is dropped when the next batch
starts, so memory stays bounded by the batch.  Records keep only plain offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.model import Article
from eventwire.pipeline import Stage
from eventwire.settings import Settings
from eventwire.stages.actors import ActorIndex, find_actors
from eventwire.stages.events import CODER, code_events, with_event_actors
from eventwire.stages.nlp import Parsed, load_nlp, parse
from eventwire.stages.timexes import find_timexes

__all__ = [
    "ActorStage",
    "EventStage",
    "ParseCache",
    "ParseStage",
    "QuoteStage",
    "TimexStage",
    "understanding_stages",
]


class ParseCache:
    """The current batch's parses, by article id."""

    def __init__(self) -> None:
        self._parsed: dict[str, Parsed] = {}

    def put(self, parsed: Sequence[Parsed]) -> None:
        self._parsed = {p.article.id: p for p in parsed}

    def get(self, article: Article) -> Parsed:
        return self._parsed[article.id]


class ParseStage:
    """spaCy over every paragraph of the batch, in one ``nlp.pipe`` stream."""

    name = "parse.v1"
    requires = ("body",)
    assigns = ()

    def __init__(self, settings: Settings, cache: ParseCache) -> None:
        self._nlp = load_nlp(settings.model)
        self._cache = cache
        self._batch_size = settings.batch_size

    def __call__(self, batch: Sequence[Article]) -> list[Article]:
        self._cache.put(parse(self._nlp, batch, batch_size=self._batch_size))
        return list(batch)


class ActorStage:
    """Entities and the actors they mention."""

    name = "actors.v1"
    requires = ("parse",)
    assigns = ("entities", "actors")

    def __init__(self, cache: ParseCache) -> None:
        self._cache = cache

    def __call__(self, batch: Sequence[Article]) -> list[Article]:
        out = []
        for a in batch:
            index = find_actors(self._cache.get(a), published=a.published)
            out.append(replace(a, entities=index.entities, actors=index.actors))
        return out


class TimexStage:
    """Time expressions resolved against the publication date."""

    name = "timexes.v1"
    requires = ("body", "published")
    assigns = ("timexes",)

    def __call__(self, batch: Sequence[Article]) -> list[Article]:
        return [replace(a, timexes=tuple(find_timexes(a.body, a.published))) for a in batch]


class QuoteStage:
    """Direct quotes and their speakers."""

    name = "quotes.v1"
    requires = ("parse", "entities", "actors")
    assigns = ("quotes",)

    def __init__(self, cache: ParseCache) -> None:
        from eventwire.stages.quotes import find_quotes

        self._find = find_quotes
        self._cache = cache

    def __call__(self, batch: Sequence[Article]) -> list[Article]:
        return [
            replace(a, quotes=tuple(self._find(self._cache.get(a), a.entities, a.actors)))
            for a in batch
        ]


class EventStage:
    """PLOVER events with their actors, date and place."""

    name = CODER
    requires = ("parse", "entities", "actors", "timexes", "quotes")
    assigns = ("events",)

    def __init__(self, cache: ParseCache) -> None:
        self._code = code_events
        self._cache = cache

    def __call__(self, batch: Sequence[Article]) -> list[Article]:
        out = []
        for a in batch:
            index = ActorIndex(a.actors, a.entities)
            events = self._code(self._cache.get(a), index, a.timexes, a.quotes)
            actors = with_event_actors(a.actors, events)
            out.append(replace(a, events=tuple(events), actors=actors))
        return out


def understanding_stages(settings: Settings) -> list[Stage]:
    """The stages after segmentation, sharing one parse per batch."""
    cache = ParseCache()
    return [
        ParseStage(settings, cache),
        ActorStage(cache),
        TimexStage(),
        QuoteStage(cache),
        EventStage(cache),
    ]
