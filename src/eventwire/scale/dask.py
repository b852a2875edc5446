"""Ingest on a Dask cluster: workers run the pipeline over chunks of the corpus, one writer stores.

The driver enumerates inputs lazily (folders recursively, as :func:`eventwire.readers.read`
does), cuts JSON-lines files into runs of ``chunk_lines`` lines by byte range (scanning for
newlines, never holding the file), and keeps at most ``max_in_flight`` tasks pending. Each
task reads its chunk *on the worker*, runs :func:`~eventwire.service.process_documents`
with a pipeline built once per worker process, and returns plain records
(:func:`~eventwire.model.to_record`) and its errors as values. The driver turns records
back into articles and is the only writer (``store.put_all``, a transaction per batch),
in input order, so a run stores exactly what the serial :func:`~eventwire.service.ingest`
stores (the first copy of a story wins in both). Memory stays flat however large the
corpus: the driver holds one chunk's records at a time, the workers at most
``max_in_flight`` chunks' results.

Paths are opened by the workers: with a remote scheduler they must be readable at the
same absolute path on every worker (a shared file system), and eventwire and its spaCy
model must be installed there. Stdin (``-``) is read by the driver and shipped in chunks.

>>> from distributed import Client
>>> from eventwire.store import open_store
>>> with Client(processes=False) as client, open_store(":memory:") as store:  # doctest: +SKIP
...     report = ingest_distributed(["examples/"], store, client=client)
"""

# distributed and dask ship types, but leave many functions unannotated (Client,
# as_completed, Future.done...): calling them is fine here. Everything defined here is typed.
# mypy: disallow-untyped-calls=False

from __future__ import annotations

import io
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import dask.bag as db
from distributed import Client, Future, LocalCluster, as_completed

from eventwire import errors
from eventwire.errors import InputError
from eventwire.model import Article, RawDocument, from_record, to_record
from eventwire.pipeline import Pipeline
from eventwire.readers import _lines, inputs, read_stream, sniff
from eventwire.readers.decode import looks_binary
from eventwire.readers.jsonl import read_jsonl
from eventwire.service import ErrorHook, ProgressHook, RunReport, process_documents
from eventwire.settings import Settings
from eventwire.stages import default_stages
from eventwire.store.base import Store

__all__ = ["DEFAULT_CHUNK_LINES", "extract_bag", "ingest_distributed", "ingest_with_workers"]

# 16 lines of news pages are ~4 s of pipeline work on one core (Wikinews, en_core_web_sm):
# scheduling costs little, and small chunks keep workers busy to the end (295 Wikinews
# articles on 2 workers: 48 s in chunks of 16, 56 s in chunks of 64).
DEFAULT_CHUNK_LINES = 16

_log = logging.getLogger(__name__)


def ingest_with_workers(
    paths: Iterable[str],
    store: Store,
    *,
    workers: int | None,
    scheduler: str | None,
    settings: Settings | None = None,
    on_error: ErrorHook | None = None,
    on_document: ProgressHook | None = None,
) -> RunReport:
    """Ingest on ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) or, without one,
    on a local cluster of ``workers`` processes (one thread each; None: one per core).

    What this starts it closes; a cluster found at ``scheduler`` is left running. Worker
    processes are spawned, so a script calling this needs ``if __name__ == "__main__":``.
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if scheduler:
        with Client(scheduler) as client:
            return ingest_distributed(
                paths,
                store,
                client=client,
                settings=settings,
                on_error=on_error,
                on_document=on_document,
            )
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        return ingest_distributed(
            paths,
            store,
            client=client,
            settings=settings,
            on_error=on_error,
            on_document=on_document,
        )


def ingest_distributed(
    paths: Iterable[str],
    store: Store,
    *,
    client: Client,
    settings: Settings | None = None,
    max_in_flight: int | None = None,
    chunk_lines: int = DEFAULT_CHUNK_LINES,
    on_error: ErrorHook | None = None,
    on_document: ProgressHook | None = None,
) -> RunReport:
    """Process ``paths`` on ``client``'s workers and store the articles, as ``service.ingest``.

    At most ``max_in_flight`` chunks (default: twice the workers' threads) are pending at
    once: submitted and not yet stored. Bad inputs are reported as ``InputError`` values; a
    chunk whose task fails (a worker killed, a bug in a stage) is reported as one error
    naming the chunk, and the run goes on.
    """
    settings = settings or Settings()
    if max_in_flight is None:
        # two chunks per thread keep every thread busy while the driver stores; a
        # scheduler whose workers have not joined yet gets a small window
        max_in_flight = max(2, 2 * sum(client.nthreads().values()))
    max_in_flight = max(1, max_in_flight)
    report = RunReport()
    chunks = _chunks(paths, settings, chunk_lines)
    # In input order: chunks being worked on, and errors the driver found (missing paths).
    window: deque[tuple[_Chunk, Future[Any]] | _Result] = deque()
    done = as_completed()
    in_flight = 0

    def fill() -> None:
        nonlocal in_flight
        while in_flight < max_in_flight:
            item = next(chunks, None)
            if item is None:
                return
            if isinstance(item, InputError):
                window.append(_Result([], [_error_value(item)], []))
                continue
            future = client.submit(_run_chunk, item, settings, pure=False)
            done.add(future)
            window.append((item, future))
            in_flight += 1

    def store_finished() -> None:
        # Store from the head of the window, in input order, refilling as slots free up;
        # stop at the first chunk still being worked on.
        nonlocal in_flight
        fill()
        while window and (isinstance(window[0], _Result) or window[0][1].done()):
            head = window.popleft()
            if isinstance(head, _Result):
                result = head
            else:
                in_flight -= 1
                result = _result_of(*head)
                head[1].release()
            _take(result, store, settings, report, on_error, on_document)
            fill()

    try:
        store_finished()
        for _ in done:  # wakes when any chunk finishes; refills add to ``done``
            store_finished()
    except BaseException:
        # a store that fails, or ^C: leave no work running on the cluster
        client.cancel([head[1] for head in window if isinstance(head, tuple)])
        raise
    finally:
        chunks.close()  # the file the driver was scanning, if any
    return report


def extract_bag(
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    chunk_lines: int = DEFAULT_CHUNK_LINES,
) -> db.Bag:
    """A Dask bag of article records (``to_record`` dicts), one partition per chunk.

    For work that goes on in Dask (filter, group, write Parquet) rather than into a store.
    Bad inputs are logged as warnings (logger ``eventwire.scale.dask``, on the workers for
    input read there) and left out; use :func:`ingest_distributed` for a report. Files only:
    stdin cannot be split into a lazy bag.

    >>> bag = extract_bag(["examples/"], Settings(nlp=False))
    >>> bag.pluck("published").frequencies().topk(1, key=1).compute(scheduler="sync")
    [('2026-03-03', 3)]
    """
    settings = settings or Settings()
    chunks: list[_Chunk] = []
    for item in _chunks(paths, settings, chunk_lines, stdin=False):
        if isinstance(item, InputError):
            _log.warning("%s", item)
        else:
            chunks.append(item)
    # An empty corpus still makes a bag (of one empty partition).
    bag: db.Bag = db.from_sequence(chunks, partition_size=1).map_partitions(
        _bag_partition, settings
    )
    return bag


def _bag_partition(chunks: Sequence[_Chunk], settings: Settings) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for chunk in chunks:
        result = _run_chunk(chunk, settings)
        for value in result.errors:
            _log.warning("%s", _error_from_value(value))
        out.extend(result.records)
    return out


# --- chunks: what one task reads -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Chunk:
    """One task's share of the input: a whole input, or a run of JSON lines of one.

    ``path`` is opened on the worker; stdin's bytes travel in ``data`` (a whole input) or
    ``lines`` (JSON lines, an ``int`` standing for an over-long line's length, as
    ``readers._lines`` yields them).
    """

    uri: str
    path: str | None = None
    start: int = 0  # byte range of a run of JSON lines in ``path``
    end: int = 0
    first_line: int | None = None  # set for a run of JSON lines: its first line's number
    count: int = 0  # lines in the run
    data: bytes | None = None
    lines: tuple[bytes | int, ...] | None = None

    def __str__(self) -> str:
        return f"{self.uri}{self.span}"

    @property
    def span(self) -> str:
        """`` lines 9-16`` for a run of lines; empty for a whole input."""
        if self.first_line is None:
            return ""
        return f" lines {self.first_line}-{self.first_line + self.count - 1}"


def _chunks(
    paths: Iterable[str], settings: Settings, chunk_lines: int, *, stdin: bool = True
) -> Generator[_Chunk | InputError, None, None]:
    """The chunks of ``paths``, lazily, in the order ``readers.read`` reads them."""
    chunk_lines = max(1, chunk_lines)
    for item in inputs(paths):
        if item is None:
            if not stdin:
                raise ValueError("extract_bag reads files and folders, not stdin ('-')")
            yield from _stream_chunks(sys.stdin.buffer, "<stdin>", settings, chunk_lines)
        elif isinstance(item, InputError):
            yield item
        else:
            try:
                yield from _file_chunks(item, settings, chunk_lines)
            except OSError as err:
                yield InputError(str(item), f"cannot read: {err.strerror or err}")


def _head(fh: BinaryIO) -> bytes:
    """The first bytes of a stream, as ``readers.read_stream`` sniffs them."""
    head = fh.read(8192)
    if not head.strip():
        head += fh.read(1)
    return head


def _splittable(head: bytes) -> bool:
    return head.strip() != b"" and sniff(head) == "jsonl" and not looks_binary(head)


def _file_chunks(file: Path, settings: Settings, chunk_lines: int) -> Iterator[_Chunk]:
    uri, path = str(file), os.path.abspath(file)
    with file.open("rb") as fh:
        if not _splittable(_head(fh)):
            yield _Chunk(uri, path)  # read whole on the worker, as read_stream reads it
            return
        fh.seek(0)
        ranges = _line_ranges(fh, chunk_lines)
        first = next(ranges, None)
        second = next(ranges, None)
        if first is None or second is None:
            yield _Chunk(uri, path)  # a short file: one task, read exactly as serially
            return
        for start, end, first_line, count in (first, second, *ranges):
            yield _Chunk(uri, path, start, end, first_line, count)


def _line_ranges(fh: BinaryIO, n: int) -> Iterator[tuple[int, int, int, int]]:
    """``(start, end, first_line, count)`` for runs of ``n`` lines, scanning in 1 MiB blocks.

    Lines are counted as ``readers._lines`` counts them: split at ``\\n``, with no empty
    line after a final newline.
    """
    start, first_line, count, offset = 0, 1, 0, 0
    while block := fh.read(1 << 20):
        i = 0
        while True:
            j = block.find(b"\n", i)
            if j < 0:
                break
            count, i = count + 1, j + 1
            if count == n:
                yield start, offset + i, first_line, count
                start, first_line, count = offset + i, first_line + count, 0
        offset += len(block)
    if offset > start:  # the last run, ending without a newline or short of n lines
        yield start, offset, first_line, count + (1 if _ends_open(fh, offset) else 0)


def _ends_open(fh: BinaryIO, size: int) -> bool:
    """True when the stream's last byte is not a newline (its last line is unterminated)."""
    fh.seek(size - 1)
    return fh.read(1) != b"\n"


def _stream_chunks(
    fh: BinaryIO, uri: str, settings: Settings, chunk_lines: int
) -> Iterator[_Chunk]:
    """Chunks of a stream the workers cannot open (stdin), read by the driver."""
    head = _head(fh)
    if not _splittable(head):
        # One input, read whole on a worker: no more than a byte over the limit is read,
        # so the worker refuses an over-long input with the serial message.
        yield _Chunk(uri, data=head + fh.read(max(0, settings.max_input_bytes + 1 - len(head))))
        return
    run: list[bytes | int] = []
    first_line = 1
    for line in _lines(head, fh, settings.max_record_bytes):
        run.append(line)
        if len(run) == chunk_lines:
            yield _Chunk(uri, first_line=first_line, count=len(run), lines=tuple(run))
            first_line, run = first_line + len(run), []
    if run:
        yield _Chunk(uri, first_line=first_line, count=len(run), lines=tuple(run))


# --- on the worker ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Result:
    """What a task returns: plain values only (``InputError`` does not pickle)."""

    records: list[dict[str, Any]]
    errors: list[tuple[str, str, str, int | None]]  # (class name, uri, message, line)
    documents: list[str]  # the uri of each document read, for progress


class _LockedPipeline(Pipeline):
    """A pipeline shared by a worker's threads: its stages share per-batch state (the
    parse cache), so one batch runs at a time. One thread per worker is the fast setup."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(default_stages(settings))
        self._lock = threading.Lock()

    def run(self, batch: Sequence[Article]) -> list[Article]:
        with self._lock:
            return super().run(batch)


# One pipeline per worker process and settings: spaCy and the lexicons load once.
_PIPELINES: dict[Settings, Pipeline] = {}
_PIPELINES_LOCK = threading.Lock()


def _pipeline(settings: Settings) -> Pipeline:
    with _PIPELINES_LOCK:
        pipeline = _PIPELINES.get(settings)
        if pipeline is None:
            pipeline = _PIPELINES[settings] = _LockedPipeline(settings)
        return pipeline


def _run_chunk(chunk: _Chunk, settings: Settings) -> _Result:
    """Read one chunk and run the pipeline over it (on a worker)."""
    report = RunReport()
    documents: list[str] = []
    records = [
        to_record(a)
        for a in process_documents(
            _read_chunk(chunk, settings),
            settings=settings,
            report=report,
            on_document=documents.append,
            pipeline=_pipeline(settings),
        )
    ]
    return _Result(records, [_error_value(e) for e in report.errors], documents)


def _read_chunk(chunk: _Chunk, settings: Settings) -> Iterator[RawDocument | InputError]:
    if chunk.data is not None:
        yield from read_stream(io.BytesIO(chunk.data), chunk.uri, settings)
        return
    if chunk.lines is not None:
        yield from _renumbered(read_jsonl(chunk.lines, chunk.uri, **_limit(settings)), chunk)
        return
    assert chunk.path is not None
    try:
        with open(chunk.path, "rb") as fh:
            if chunk.first_line is None:
                yield from read_stream(fh, chunk.uri, settings)
                return
            fh.seek(chunk.start)
            run = io.BufferedReader(_Range(fh, chunk.end - chunk.start))
            # only the file's first run can start with a byte-order mark, which _lines drops
            head = run.read(8192) if chunk.start == 0 else b""
            lines = _lines(head, run, settings.max_record_bytes)
            yield from _renumbered(read_jsonl(lines, chunk.uri, **_limit(settings)), chunk)
    except OSError as err:
        yield InputError(chunk.uri, f"cannot read: {err.strerror or err}")


def _limit(settings: Settings) -> dict[str, int]:
    return {"max_record_bytes": settings.max_record_bytes}


class _Range(io.RawIOBase):
    """The next ``size`` bytes of a binary file, as a stream of their own."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self._fh, self._left = fh, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._fh.read(min(len(buffer), self._left))
        buffer[: len(data)] = data
        self._left -= len(data)
        return len(data)


def _renumbered(
    items: Iterable[RawDocument | InputError], chunk: _Chunk
) -> Iterator[RawDocument | InputError]:
    """Errors numbered by line in the whole input, not in the chunk.

    ``read_jsonl`` numbers from 1; an HTML record that fails names ``uri:line`` as its uri.
    """
    shift = (chunk.first_line or 1) - 1
    prefix = chunk.uri + ":"
    for item in items:
        if isinstance(item, InputError) and shift:
            cls = type(item)
            if item.line is not None:
                item = cls(item.uri, item.message, line=item.line + shift)
            elif item.uri.startswith(prefix) and item.uri[len(prefix) :].isdigit():
                item = cls(f"{prefix}{int(item.uri[len(prefix) :]) + shift}", item.message)
        yield item


# --- back in the driver -----------------------------------------------------------------


def _error_value(err: InputError) -> tuple[str, str, str, int | None]:
    return type(err).__name__, err.uri, err.message, err.line


def _error_from_value(value: tuple[str, str, str, int | None]) -> InputError:
    name, uri, message, line = value
    cls = getattr(errors, name, InputError)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        cls = InputError
    return cls(uri, message, line=line)


def _result_of(chunk: _Chunk, future: Future[Any]) -> _Result:
    """The task's result; a task that failed is one error naming its chunk."""
    try:
        result = future.result()
    except Exception as err:  # the task's own exception, or KilledWorker when workers died
        message = f"worker failed reading{chunk.span}: {type(err).__name__}: {err}"
        return _Result([], [("InputError", chunk.uri, message, None)], [])
    assert isinstance(result, _Result)
    return result


def _take(
    result: _Result,
    store: Store,
    settings: Settings,
    report: RunReport,
    on_error: ErrorHook | None,
    on_document: ProgressHook | None,
) -> None:
    report.documents += len(result.documents)
    if on_document:
        for uri in result.documents:
            on_document(uri)
    for value in result.errors:
        err = _error_from_value(value)
        report.errors.append(err)
        if on_error:
            on_error(err)
    records = result.records
    for i in range(0, len(records), settings.batch_size):
        articles = [from_record(r) for r in records[i : i + settings.batch_size]]
        report.articles += len(articles)
        put = store.put_all(articles)
        report.added += put.added
        report.skipped += put.skipped
