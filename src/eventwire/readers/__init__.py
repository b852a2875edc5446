"""Readers: files, folders and stdin to raw documents, the format sniffed from the content.

``read(paths)`` yields a :class:`~eventwire.model.RawDocument` per document and an
:class:`~eventwire.errors.InputError` (as a value, not raised) per input or record
that could not be read, so one bad file never stops a run.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import EmptyInput, InputError, MalformedInput
from eventwire.model import RawDocument
from eventwire.readers.decode import decode, looks_binary
from eventwire.readers.dump import read_dump
from eventwire.readers.feed import read_feed
from eventwire.readers.html import read_html
from eventwire.readers.jsonl import read_jsonl
from eventwire.settings import Settings

__all__ = ["inputs", "read", "read_stream", "sniff"]

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(!doctype html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)


# How a JSON record begins: an object's first key, or an array's first value.  A text that
# merely opens with a bracket ("[The Palace] More Reviews ...") is text.
_JSON_START = re.compile(rb'\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:[{\["\]\d-]|true|false|null|$))')


def sniff(head: bytes) -> str:
    """The format of an input from its first bytes: ``jsonl``, ``feed``, ``html`` or ``text``."""
    for bom in (b"\xef\xbb\xbf",):
        head = head.removeprefix(bom)
    start = head.lstrip()[:1]
    if start in (b"{", b"[") and _JSON_START.match(head):
        return "jsonl"
    if start == b"<":
        if _FEED.search(head[:4096]):
            return "feed"
        if _HTML.search(head[:4096]):
            return "html"
    return "text"


# A folder of news often carries its own notes; they are not news. (A file named on
# the command line is always read.)
_NOT_NEWS = re.compile(r"^(readme|license|licence|notice|source|changelog)(\.\w+)?$", re.I)


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in p.relative_to(path).parts)
            if p.is_file() and not hidden and not _NOT_NEWS.match(p.name):
                yield p
    else:
        yield path


def inputs(paths: Iterable[str]) -> Iterator[Path | InputError | None]:
    """The files ``paths`` name, folders walked recursively; ``None`` stands for stdin
    (``-``), an error for a path that does not exist."""
    for name in paths:
        if name == "-":
            yield None
            continue
        path = Path(name)
        if not path.exists():
            yield InputError(name, "no such file or folder")
            continue
        yield from _files(path)


def read(
    paths: Iterable[str], settings: Settings | None = None
) -> Iterator[RawDocument | InputError]:
    """Every document in ``paths`` (files, folders searched recursively, ``-`` for stdin)."""
    settings = settings or Settings()
    for item in inputs(paths):
        if item is None:
            yield from read_stream(sys.stdin.buffer, "<stdin>", settings)
        elif isinstance(item, InputError):
            yield item
        else:
            try:
                with item.open("rb") as fh:
                    yield from read_stream(fh, str(item), settings)
            except OSError as err:
                yield InputError(str(item), f"cannot read: {err.strerror or err}")


def read_stream(fh: BinaryIO, uri: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """Documents from one open binary stream."""
    head = fh.read(8192)
    if not head.strip():
        rest = fh.read(1)
        if not rest:
            yield EmptyInput(uri, "the input is empty")
            return
        head += rest
    kind = sniff(head)
    if kind == "jsonl" and not looks_binary(head):
        yield from read_jsonl(
            _lines(head, fh, settings.max_record_bytes),
            uri,
            max_record_bytes=settings.max_record_bytes,
        )
        return
    data = _read_bounded(fh, head, settings.max_input_bytes)
    if data is None:
        yield MalformedInput(
            uri,
            f"over the {settings.max_input_bytes // 2**20} MiB limit for one text, HTML or feed "
            "input; split it, or give it as JSON lines",
        )
        return
    try:
        if kind == "feed":
            yield from read_feed(data, uri)
            return
        text = decode(data, uri)
        if kind == "html":
            yield read_html(text, uri)
        else:
            yield read_dump(text, uri)
    except InputError as err:
        yield err


def _read_bounded(fh: BinaryIO, head: bytes, limit: int) -> bytes | None:
    """The rest of the stream after ``head``, or None (having read no more than needed)
    when the whole is over ``limit`` bytes."""
    try:
        size = os.fstat(fh.fileno()).st_size
        if size > limit and stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            return None
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # a pipe or an in-memory stream: count as we read
    buf = bytearray(head)
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        buf += chunk
        if len(buf) > limit:
            return None
    return bytes(buf)


def _lines(head: bytes, fh: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """The lines of a stream that began with ``head``, read lazily in bounded memory.

    A line longer than ``limit`` is not held: its length is yielded instead.
    """
    buf = head.removeprefix(b"\xef\xbb\xbf")
    skipped = 0
    while True:
        *done, buf = buf.split(b"\n")
        for line in done:
            if skipped:
                yield skipped + len(line)
                skipped = 0
            else:
                yield line
        if len(buf) > limit:
            skipped += len(buf)
            buf = b""
        chunk = fh.read(1 << 16)
        if not chunk:
            break
        buf += chunk
    if skipped:
        yield skipped + len(buf)
    elif buf:
        yield buf
