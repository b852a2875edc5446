"""eventwire: raw news in, a queryable record of who did what to whom, when and where, out."""

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

__version__ = "0.1.0"

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
]
