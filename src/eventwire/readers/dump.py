"""Plain-text dumps: one or many articles pasted together, segmented later.

>>> read_dump("Headline Here\\n\\nBody text.\\n", "mem").kind
'dump'
"""

from __future__ import annotations

from eventwire.model import RawDocument

__all__ = ["read_dump"]


def read_dump(text: str, uri: str) -> RawDocument:
    """A raw dump as one document; the segmenter splits it into articles."""
    return RawDocument(uri=uri, text=text, kind="dump")
