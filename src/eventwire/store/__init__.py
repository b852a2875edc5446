"""Stores: one interface (``Store``), SQLite by default.

>>> with open_store(":memory:") as store:
...     store.count()
0
"""

from __future__ import annotations

from pathlib import Path

from eventwire.store.base import ArticleQuery, ArticleSummary, PutResult, Store
from eventwire.store.sqlite import SQLiteStore

__all__ = ["ArticleQuery", "ArticleSummary", "PutResult", "SQLiteStore", "Store", "open_store"]


def open_store(path: str | Path) -> SQLiteStore:
    """The store at ``path`` (a SQLite file, created and migrated when missing)."""
    return SQLiteStore(path)
