"""The store interface: every backend (SQLite now, PostgreSQL later) has this face."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from eventwire.model import Article

__all__ = ["ActorSummary", "ArticleQuery", "ArticleSummary", "PutResult", "QuoteRow", "Store"]


@dataclass(frozen=True, slots=True)
class PutResult:
    """What a write did: articles added, articles already there as they are (same content
    hash, same record), and articles whose stored record was replaced by a new one."""

    added: int = 0
    skipped: int = 0
    replaced: int = 0


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """A filter over stored articles; ``q`` is a full-text query."""

    q: str | None = None
    since: str | None = None
    until: str | None = None
    agency: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of an article listing."""

    id: str
    headline: str | None
    published: str | None
    agencies: tuple[str, ...]
    uri: str
    paragraphs: int


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """An actor across the store: the articles that mention it."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    title: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A stored quote with the article it is from."""

    article_id: str
    headline: str | None
    published: str | None
    speaker: str | None
    text: str
    partial: bool


class Store(Protocol):
    """Where articles live. All writes go through ``put_all``; it is idempotent."""

    def put_all(self, articles: Iterable[Article], *, replace: bool = False) -> PutResult: ...

    def get(self, article_id: str) -> Article | None: ...

    def find(self, query: ArticleQuery) -> list[ArticleSummary]: ...

    def all_articles(self) -> Iterator[Article]: ...

    def count(self) -> int: ...

    def actors(self, *, name: str | None = None, limit: int = 50) -> list[ActorSummary]: ...

    def quotes(
        self, *, speaker: str | None = None, q: str | None = None, limit: int = 50
    ) -> list[QuoteRow]: ...

    def close(self) -> None: ...
