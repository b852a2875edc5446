"""Ingest on Dask: the same store as the serial ingest, errors as values, a bounded window."""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import distributed
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import InputError, StoreError
from eventwire.model import Article, to_record
from eventwire.readers import _lines
from eventwire.scale import dask as scale
from eventwire.scale.dask import extract_bag, ingest_distributed, ingest_with_workers
from eventwire.service import RunReport, extract, ingest
from eventwire.settings import Settings
from eventwire.store import SQLiteStore, open_store
from eventwire.store.base import PutResult, Store
from tests.conftest import EXAMPLES

CHUNK = 8  # lines per chunk: the generated file of 50 lines makes 7 chunks
FAST = Settings(nlp=False)  # segmentation only, for tests about the plumbing


def sentences(n: int) -> list[str]:
    return [
        json.dumps(
            {
                "id": f"g{i}",
                "published": f"2026-03-{i % 28 + 1:02d}",
                "text": f"Kenya's President William Ruto met {i + 2} governors in Nairobi on Tuesday.",
            }
        )
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with distributed.Client(
        processes=False, n_workers=1, threads_per_worker=2, dashboard_address=":0"
    ) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """examples/ and a JSON-lines file of 50 one-sentence records."""
    folder = tmp_path_factory.mktemp("generated")
    (folder / "sentences.jsonl").write_text("\n".join(sentences(50)) + "\n", encoding="utf-8")
    return [str(EXAMPLES), str(folder)]


@pytest.fixture
def bad(tmp_path: Path) -> list[str]:
    """A folder with an empty file, and JSON lines with bad records past the first chunk."""
    lines = sentences(30)
    lines[11] = '{"id": "broken", "text": '  # line 12: malformed
    lines[19] = json.dumps({"id": "h", "html": "<html><body><nav>Home</nav></body></html>"})
    lines[24] = "[1, 2]"  # line 25: records that are not objects
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")  # no final newline
    return [str(tmp_path), str(tmp_path / "missing.txt")]


def stored(store: Store) -> list[dict[str, Any]]:
    return sorted((to_record(a) for a in store.all_articles()), key=lambda r: r["id"])


def summary(report: RunReport) -> tuple[int, int, int, int, list[str]]:
    errors = [f"{type(e).__name__}: {e}" for e in report.errors]
    return report.documents, report.articles, report.added, report.skipped, errors


def serial(paths: list[str], settings: Settings) -> tuple[RunReport, list[dict[str, Any]]]:
    with open_store(":memory:") as store:
        report = ingest(paths, store, settings=settings)
        return report, stored(store)


def test_same_articles_and_records_as_serial(client: distributed.Client, corpus: list[str]) -> None:
    expected_report, expected = serial(corpus, Settings())
    with open_store(":memory:") as store:
        report = ingest_distributed(corpus, store, client=client, chunk_lines=CHUNK)
        assert summary(report) == summary(expected_report)
        assert report.articles == 58  # 8 stories in examples/, 50 sentences
        assert stored(store) == expected
        assert all(r["actors"] for r in stored(store)[:3])  # the full pipeline ran


def test_ingesting_twice_adds_nothing(client: distributed.Client, corpus: list[str]) -> None:
    with open_store(":memory:") as store:
        first = ingest_distributed(corpus, store, client=client, settings=FAST, chunk_lines=CHUNK)
        again = ingest_distributed(corpus, store, client=client, settings=FAST, chunk_lines=CHUNK)
        assert (first.added, first.skipped) == (58, 0)
        assert (again.added, again.skipped) == (0, 58)
        assert store.count() == 58


def test_bad_inputs_are_reported_and_the_rest_stored(
    client: distributed.Client, bad: list[str]
) -> None:
    expected_report, expected = serial(bad, FAST)
    seen: list[InputError] = []
    with open_store(":memory:") as store:
        report = ingest_distributed(
            bad, store, client=client, settings=FAST, chunk_lines=CHUNK, on_error=seen.append
        )
        assert summary(report) == summary(expected_report)
        assert stored(store) == expected
    assert seen == report.errors
    errors = [str(e) for e in report.errors]
    # numbered by line in the file, though read in chunks of 8 lines
    assert any("mixed.jsonl:12: malformed JSON" in e for e in errors)
    assert any("mixed.jsonl:25: a JSON record must be an object" in e for e in errors)
    assert any("mixed.jsonl:20: HTML page with no article text" in e for e in errors)
    assert any(e.endswith("empty.txt: the input is empty") for e in errors)
    assert errors[-1] == f"{bad[1]}: no such file or folder"
    assert report.added == 30 - 3  # every good record is stored


def test_a_failed_task_is_reported_naming_its_chunk(
    client: distributed.Client, corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_chunk = scale._read_chunk

    def crash_on_lines_17_to_24(chunk: Any, settings: Settings) -> Any:
        if chunk.first_line == 17:
            raise RuntimeError("boom")
        return read_chunk(chunk, settings)

    # in-process workers share this module, so the patch reaches the task
    monkeypatch.setattr(scale, "_read_chunk", crash_on_lines_17_to_24)
    with open_store(":memory:") as store:
        report = ingest_distributed(corpus, store, client=client, settings=FAST, chunk_lines=CHUNK)
    [error] = report.errors
    assert str(error).endswith(
        "sentences.jsonl: worker failed reading lines 17-24: RuntimeError: boom"
    )
    assert report.added == 58 - CHUNK


def test_max_in_flight_bounds_pending_futures(
    client: distributed.Client, corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = {"submitted": 0, "collected": 0, "most": 0}
    submit, result = client.submit, distributed.Future.result

    def counting_submit(*args: Any, **kwargs: Any) -> Any:
        counts["submitted"] += 1
        counts["most"] = max(counts["most"], counts["submitted"] - counts["collected"])
        return submit(*args, **kwargs)

    def counting_result(self: distributed.Future[Any], *args: Any, **kwargs: Any) -> Any:
        counts["collected"] += 1
        return result(self, *args, **kwargs)

    monkeypatch.setattr(client, "submit", counting_submit)
    monkeypatch.setattr(distributed.Future, "result", counting_result)
    with open_store(":memory:") as store:
        report = ingest_distributed(
            corpus, store, client=client, settings=FAST, chunk_lines=2, max_in_flight=3
        )
    assert report.added == 58
    assert counts["submitted"] == 1 + 25  # examples/wire-dump.txt whole, 50 lines in pairs
    assert counts["collected"] == counts["submitted"]
    assert counts["most"] == 3


def test_stdin_is_read_by_the_driver_in_chunks(
    client: distributed.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ("\ufeff" + "\n".join(sentences(20)) + "\n\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    expected_report, expected = serial(["-"], FAST)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with open_store(":memory:") as store:
        report = ingest_distributed(["-"], store, client=client, settings=FAST, chunk_lines=CHUNK)
        assert summary(report) == summary(expected_report)
        assert stored(store) == expected
    assert report.added == 20


def test_extract_bag_gives_the_records_of_extract(
    client: distributed.Client, corpus: list[str]
) -> None:
    bag = extract_bag(corpus, FAST, chunk_lines=CHUNK)
    assert bag.npartitions == 1 + 7
    records = sorted(bag.compute(), key=lambda r: r["id"])
    expected = sorted((to_record(a) for a in extract(corpus, settings=FAST)), key=lambda r: r["id"])
    assert records == expected


def test_extract_bag_of_nothing_is_empty() -> None:
    assert extract_bag([], FAST).compute(scheduler="sync") == []


# Line ranges: cutting a file into runs of n lines loses, adds and renumbers nothing.
@pytest.mark.parametrize(
    ("data", "n", "runs"),
    [
        (b"a\nb\nc\n", 2, [(0, 4, 1, 2), (4, 6, 3, 1)]),
        (b"a\nb\nc", 2, [(0, 4, 1, 2), (4, 5, 3, 1)]),
        (b"a\nb\n", 2, [(0, 4, 1, 2)]),
        (b"a\n\n\nb", 2, [(0, 3, 1, 2), (3, 5, 3, 2)]),
        (b"\n", 1, [(0, 1, 1, 1)]),
        (b"x", 3, [(0, 1, 1, 1)]),
    ],
)
def test_line_ranges(data: bytes, n: int, runs: list[tuple[int, int, int, int]]) -> None:
    assert list(scale._line_ranges(io.BytesIO(data), n)) == runs


@given(
    st.lists(st.binary(max_size=12).map(lambda b: b.replace(b"\n", b"")), max_size=30),
    st.booleans(),
    st.integers(min_value=1, max_value=7),
)
def test_line_ranges_cover_the_lines(lines: list[bytes], final_newline: bool, n: int) -> None:
    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    whole = list(_lines(b"", io.BytesIO(data), 1 << 20))
    pieces: list[bytes | int] = []
    for start, end, first_line, count in scale._line_ranges(io.BytesIO(data), n):
        assert first_line == len(pieces) + 1
        run = list(_lines(b"", io.BytesIO(data[start:end]), 1 << 20))
        assert len(run) == count <= n
        pieces += run
    assert pieces == whole


@pytest.mark.slow
def test_a_local_cluster_of_processes(corpus: list[str]) -> None:
    """Two worker processes, each loading spaCy once: the store equals the serial one."""
    expected_report, expected = serial(corpus, Settings())
    started = time.perf_counter()
    with open_store(":memory:") as store:
        report = ingest_with_workers(corpus, store, workers=2, scheduler=None, settings=Settings())
        assert summary(report) == summary(expected_report)
        assert stored(store) == expected
    assert time.perf_counter() - started < 60


class FailingStore(SQLiteStore):
    """A store whose second write fails."""

    writes = 0

    def put_all(self, articles: Iterable[Article]) -> PutResult:
        self.writes += 1
        if self.writes == 2:
            raise StoreError("disk full")
        return super().put_all(articles)


def test_a_failing_store_stops_the_run_and_cancels_the_rest(
    client: distributed.Client, corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_chunk, started = scale._read_chunk, []

    def slow_read_chunk(chunk: Any, settings: Settings) -> Any:
        started.append(chunk)
        time.sleep(0.1)
        return read_chunk(chunk, settings)

    monkeypatch.setattr(scale, "_read_chunk", slow_read_chunk)
    with FailingStore(":memory:") as store:
        with pytest.raises(StoreError, match="disk full"):
            ingest_distributed(
                corpus, store, client=client, settings=FAST, chunk_lines=2, max_in_flight=26
            )
        assert store.count() == 8  # the first write (examples/) stays stored
        time.sleep(1.0)  # time enough for the 26 chunks to run, had they not been cancelled
        assert len(started) < 10
        monkeypatch.setattr(scale, "_read_chunk", read_chunk)
        report = ingest_distributed(corpus, store, client=client, settings=FAST, chunk_lines=2)
        assert (report.added, report.skipped) == (50, 8)


def test_workers_must_be_at_least_one() -> None:
    with open_store(":memory:") as store, pytest.raises(ValueError, match="at least 1"):
        ingest_with_workers([], store, workers=0, scheduler=None)
