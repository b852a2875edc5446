"""eventwire: raw news in, a queryable record of who did what to whom, when and where, out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.model import (
    Actor,
    Article,
    Discard,
    Entity,
    Event,
    Image,
    Location,
    Quote,
    RawDocument,
    SourceRef,
    Timex,
)

if TYPE_CHECKING:
    from pathlib import Path

    from eventwire.workbench import Workbench

__version__ = "0.1.0"


def open_store(path: str | Path) -> Workbench:
    """The store at ``path`` for analysis: ``events(...)``, ``articles()``, ``actors()``,
    ``quotes()``, each paging through every row, with ``to_pandas()`` (see README)."""
    from eventwire.workbench import open_workbench  # the store loads only when asked for

    return open_workbench(path)


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
    "__version__",
    "open_store",
]
