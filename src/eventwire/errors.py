"""The exception tree.

::

    EventwireError
    ├── InputError            an input could not be read; names the input (and line)
    │   ├── EmptyInput        nothing but whitespace
    │   ├── BinaryInput       not text (NUL bytes, an image, an archive)
    │   ├── UndecodableInput  no encoding fits
    │   ├── MalformedInput    a JSON line, feed or page that does not parse
    │   └── NoArticle         parsed, but no article text was found in it
    └── StoreError            the store refused a write or a query

Readers raise ``InputError`` subclasses; the service turns each into one error line
and carries on with the other inputs.
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "EmptyInput",
    "EventwireError",
    "InputError",
    "MalformedInput",
    "NoArticle",
    "StoreError",
    "UndecodableInput",
]


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input could not be read. ``str(err)`` is one line naming the input."""

    def __init__(self, uri: str, message: str, *, line: int | None = None) -> None:
        self.uri = uri
        self.line = line
        self.message = message
        where = f"{uri}:{line}" if line is not None else uri
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt from its parts, so an error crosses process boundaries (Dask workers)
        return (_rebuild, (type(self), self.uri, self.message, self.line))


class EmptyInput(InputError):
    """The input holds no text."""


class BinaryInput(InputError):
    """The input is not text."""


class UndecodableInput(InputError):
    """No text encoding decodes the input."""


class MalformedInput(InputError):
    """A structured input (JSON line, feed, HTML) does not parse."""


class NoArticle(InputError):
    """The input parsed but held no article text."""


def _rebuild(cls: type[InputError], uri: str, message: str, line: int | None) -> InputError:
    return cls(uri, message, line=line)


class StoreError(EventwireError):
    """The store refused a write or a query."""
