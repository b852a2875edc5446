"""The store from Python, for analysts: every query pages through the whole result (no
silent cap), takes the same filters as the CLI and the API, and turns into a DataFrame
where pandas is installed (``pip install 'eventwire[pandas]'``).

>>> with open_workbench(":memory:") as wb:
...     len(wb.events(source="IRN", since="2026-02").all())
0
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, is_dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from eventwire.filters import EventFilter, parse_filter
from eventwire.store import ArticleQuery, ArticleSummary, SQLiteStore, open_store
from eventwire.store import queries as Q

if TYPE_CHECKING:
    import pandas

__all__ = ["Results", "Workbench", "open_workbench"]

T = TypeVar("T")
_CHUNK = 500  # rows fetched at a time


class Results(Generic[T]):
    """A query's rows, fetched a page at a time as they are iterated (newest first)."""

    def __init__(
        self,
        pages: Callable[[], Iterator[T]],
        frame: Callable[[T], dict[str, Any]],
        dates: tuple[str, ...] = (),
    ) -> None:
        self._pages = pages
        self._frame = frame
        self._dates = dates  # columns of YYYY-MM-DD days, datetime64 in a DataFrame

    def __iter__(self) -> Iterator[T]:
        return self._pages()

    def first(self, n: int) -> list[T]:
        """The first ``n`` rows."""
        return list(islice(self, n))

    def all(self) -> list[T]:
        """Every row (all of them: there is no cap)."""
        return list(self)

    def to_pandas(self) -> pandas.DataFrame:
        """Every row as a pandas DataFrame (pandas is an optional extra)."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install 'eventwire[pandas]'") from None
        frame = pd.DataFrame([self._frame(row) for row in self])
        for column in self._dates:
            if column in frame:
                frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
        return frame


def _offset_pages(fetch: Callable[[int, int], list[T]]) -> Callable[[], Iterator[T]]:
    """Pages by offset over a query with a total order (so no row repeats or goes missing)."""

    def pages() -> Iterator[T]:
        offset = 0
        while True:
            rows = fetch(_CHUNK, offset)
            yield from rows
            if len(rows) < _CHUNK:
                return
            offset += len(rows)

    return pages


def _plain(row: object) -> dict[str, Any]:
    assert is_dataclass(row) and not isinstance(row, type)
    return asdict(row)


class Workbench:
    """Events, articles, actors and quotes of a store (see :func:`open_workbench`)."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    def events(self, filter: EventFilter | None = None, **options: Any) -> Results[Q.EventRow]:
        """Events matching ``filter`` or the options (``source="IRN"``, ``since="2026-02"``,
        ``quad_class=4``...: the CLI's and API's names), paged by keyset."""
        f = filter if filter is not None else parse_filter(options)
        store = self.store

        def frame(e: Q.EventRow) -> dict[str, Any]:
            from eventwire.exporters import event_values

            return event_values(e)

        return Results(
            lambda: Q.iter_events(store, f), frame, ("day_start", "day_end", "published")
        )

    def count_events(self, filter: EventFilter | None = None, **options: Any) -> int:
        """How many events match."""
        return Q.count_events(self.store, filter or parse_filter(options))

    def articles(
        self,
        *,
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        agency: str | None = None,
    ) -> Results[ArticleSummary]:
        """Stored articles, newest first; ``q`` is a full-text search."""

        def fetch(limit: int, offset: int) -> list[ArticleSummary]:
            query = ArticleQuery(q, since, until, agency, limit=limit, offset=offset)
            return self.store.find(query)

        return Results(_offset_pages(fetch), _plain, ("published",))

    def actors(self, *, q: str | None = None) -> Results[Q.ActorListItem]:
        """Actors, the most active first; ``q`` is a part of a name, an alias or an id."""

        def fetch(limit: int, offset: int) -> list[Q.ActorListItem]:
            return Q.find_actors(self.store, q=q, limit=limit, offset=offset).items

        return Results(_offset_pages(fetch), _plain)

    def quotes(self, *, speaker: str | None = None, q: str | None = None) -> Results[Q.QuoteRecord]:
        """Quotes, newest first; ``speaker`` is a part of a name or an actor id."""

        def fetch(limit: int, offset: int) -> list[Q.QuoteRecord]:
            return Q.find_quotes(self.store, speaker=speaker, q=q, limit=limit, offset=offset).items

        return Results(_offset_pages(fetch), _plain)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workbench(path: str | Path) -> Workbench:
    """The store at ``path`` (created when missing) for analysis; ``eventwire.open_store``."""
    return Workbench(open_store(path))
