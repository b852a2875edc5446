"""Exports of stored articles: JSON lines (the full records), CSV and Parquet (flat rows).

The flat row keeps one column per scalar field and JSON text for lists, so a
spreadsheet or a data frame opens it without a schema of nested types.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from eventwire.model import Article, to_record

__all__ = ["FLAT_COLUMNS", "flat_row", "write_csv", "write_jsonl", "write_parquet"]

FLAT_COLUMNS = (
    "id", "published", "published_basis", "headline", "agencies", "byline", "dateline",
    "language", "source_uri", "source_id", "source_url", "paragraphs", "images", "subheadings",
    "actors", "quotes", "events", "body",
)  # fmt: skip


def flat_row(a: Article) -> dict[str, Any]:
    """One article as a flat row of scalars (lists as JSON text)."""
    rec = to_record(a)
    return {
        "id": a.id,
        "published": a.published,
        "published_basis": a.published_basis,
        "headline": a.headline,
        "agencies": ";".join(a.agencies),
        "byline": a.byline,
        "dateline": a.dateline,
        "language": a.language,
        "source_uri": a.source.uri,
        "source_id": a.source.id,
        "source_url": a.source.url,
        "paragraphs": len(a.paragraphs),
        "images": json.dumps(rec["images"], ensure_ascii=False),
        "subheadings": json.dumps(rec["subheadings"], ensure_ascii=False),
        "actors": len(a.actors),
        "quotes": len(a.quotes),
        "events": len(a.events),
        "body": a.body,
    }


def write_jsonl(articles: Iterable[Article], fh: IO[str]) -> int:
    n = 0
    for a in articles:
        fh.write(json.dumps(to_record(a), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(articles: Iterable[Article], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    n = 0
    for a in articles:
        writer.writerow(flat_row(a))
        n += 1
    return n


def write_parquet(articles: Iterable[Article], path: Path, *, chunk: int = 1000) -> int:
    """Parquet, written in row groups of ``chunk`` articles so memory stays bounded."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            (c, pa.int64() if c in ("paragraphs", "actors", "quotes", "events") else pa.string())
            for c in FLAT_COLUMNS
        ]
    )
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        rows: list[dict[str, Any]] = []
        for a in articles:
            rows.append(flat_row(a))
            if len(rows) >= chunk:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n
