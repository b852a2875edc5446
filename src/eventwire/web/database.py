"""The store as the server holds it: one connection, one lock, one writer.

Request handlers run in a thread pool; SQLite's connection is shared between those
threads, so every use of it is serialised by a lock.  Uploads are processed (the slow
part: the NLP stages) outside the lock, and only their writing takes it.

>>> db = Database(":memory:")
>>> with db.read() as store:
...     store.count()
0
>>> db.close()
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.errors import InputError
from eventwire.model import Article, RawDocument
from eventwire.pipeline import Pipeline
from eventwire.service import RunReport, process_documents
from eventwire.settings import Settings
from eventwire.stages import default_stages
from eventwire.store import SQLiteStore, open_store

__all__ = ["Database"]


class Database:
    """A store shared by the server's request threads."""

    def __init__(self, path: str | Path, *, settings: Settings | None = None) -> None:
        self.path = str(path)
        self.settings = settings or Settings()
        self._store: SQLiteStore | None = open_store(path)
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None
        self._pipeline_lock = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[SQLiteStore]:
        """The store, for queries, while no other request uses it."""
        with self._lock:
            yield self._open()

    def _open(self) -> SQLiteStore:
        # Reopened on demand: an app may be started and shut down more than once (tests).
        if self._store is None:
            self._store = open_store(self.path)
        return self._store

    def ingest(self, docs: Iterable[RawDocument | InputError]) -> RunReport:
        """Process documents through the pipeline and store the articles (idempotent)."""
        report = RunReport()
        with self._pipeline_lock:  # one upload at a time through the (stateful) stages
            if self._pipeline is None:
                self._pipeline = Pipeline(default_stages(self.settings))
            articles: list[Article] = list(
                process_documents(
                    docs, settings=self.settings, report=report, pipeline=self._pipeline
                )
            )
        if articles:
            with self._lock:
                result = self._open().put_all(articles)
            report.added += result.added
            report.skipped += result.skipped
        return report

    def close(self) -> None:
        """Close the connection (the next use opens it again)."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
