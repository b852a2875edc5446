"""Exports: articles as JSON lines (the full records), CSV and Parquet (flat rows); events
as PLOVER JSON lines, a POLECAT-like TSV and a GDELT-like event table.

The flat row keeps one column per scalar field and JSON text for lists, so a
spreadsheet or a data frame opens it without a schema of nested types.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from eventwire.model import Article, Event, to_record

__all__ = [
    "FLAT_COLUMNS",
    "GDELT_COLUMNS",
    "POLECAT_COLUMNS",
    "flat_row",
    "plover_record",
    "write_csv",
    "write_gdelt",
    "write_jsonl",
    "write_parquet",
    "write_plover",
    "write_polecat",
]

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


# -- event exports ---------------------------------------------------------------------


def _events(articles: Iterable[Article], include_negated: bool) -> Iterator[tuple[Article, Event]]:
    for a in articles:
        for e in a.events:
            if include_negated or not e.negated:
                yield a, e


def _party(a: Article, ids: Sequence[str]) -> list[dict[str, Any]]:
    by_id = {x.id: x for x in a.actors}
    out = []
    for i in ids:
        x = by_id.get(i)
        out.append(
            {"id": i, "name": x.name if x else i, "country": x.country if x else None,
             "sector": x.sector if x else None, "title": x.title if x else None}
        )  # fmt: skip
    return out


def plover_record(a: Article, e: Event) -> dict[str, Any]:
    """One event in the field names of the PLOVER data specification.

    ``actor`` and ``recipient`` are lists (a compound actor such as "Xi and Putin"
    lists each member); ``text_info`` holds the evidence, ``cite_info`` the citation.
    """
    loc = e.location
    return {
        "id": e.id,
        "date": e.date or a.published,
        "actor": _party(a, e.source),
        "recipient": _party(a, e.target),
        "event": e.type,
        "mode": e.mode,
        "context": e.context,
        "event_loc": {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon}
        if loc
        else None,
        "quad_code": e.quad_class,
        "event_scale": e.intensity,
        "text_info": {
            "sentence": e.sentence, "trigger": e.trigger, "start": e.start, "end": e.end,
            "negated": e.negated, "hedged": e.hedged, "cameo": e.cameo,
            "date_basis": e.date_basis, "coder": e.coder,
        },
        "cite_info": {
            "article_id": a.id, "headline": a.headline, "published": a.published,
            "url": a.source.url, "source": a.source.uri, "agencies": list(a.agencies),
        },
    }  # fmt: skip


def write_plover(articles: Iterable[Article], fh: IO[str], *, include_negated: bool = False) -> int:
    n = 0
    for a, e in _events(articles, include_negated):
        fh.write(json.dumps(plover_record(a, e), ensure_ascii=False) + "\n")
        n += 1
    return n


POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Story Date", "Event Type", "Event Mode", "Contexts", "CAMEO",
    "Quad Code", "Event Intensity", "Actor Name", "Actor Country", "Actor Sector", "Actor Title",
    "Recipient Name", "Recipient Country", "Recipient Sector", "Recipient Title", "Placename",
    "Country", "Latitude", "Longitude", "Negated", "Hedged", "Event Text", "Headline",
    "Source URL", "Article ID",
)  # fmt: skip


def _joined(parties: list[dict[str, Any]], key: str) -> str:
    return ";".join(str(p[key] or "") for p in parties)


def write_polecat(
    articles: Iterable[Article], fh: IO[str], *, include_negated: bool = False
) -> int:
    """A POLECAT-like tab-separated table: one row per event, compound actors ';'-joined."""
    writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
    writer.writerow(POLECAT_COLUMNS)
    n = 0
    for a, e in _events(articles, include_negated):
        src, tgt, loc = _party(a, e.source), _party(a, e.target), e.location
        writer.writerow(
            [
                e.id, e.date or "", a.published or "", e.type, e.mode or "", e.context or "",
                e.cameo or "", e.quad_class or "", e.intensity if e.intensity is not None else "",
                _joined(src, "name"), _joined(src, "country"), _joined(src, "sector"),
                _joined(src, "title"), _joined(tgt, "name"), _joined(tgt, "country"),
                _joined(tgt, "sector"), _joined(tgt, "title"),
                loc.name if loc else "", (loc.country or "") if loc else "",
                loc.lat if loc and loc.lat is not None else "",
                loc.lon if loc and loc.lon is not None else "",
                int(e.negated), int(e.hedged), e.sentence, a.headline or "",
                a.source.url or a.source.uri, a.id,
            ]
        )  # fmt: skip
        n += 1
    return n


GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
)  # fmt: skip

# (article id, event id) -> (instance id, NumMentions, NumArticles, NumSources), from the
# story index (eventwire.stories.StoryReader.instance_counts)
InstanceCounts = Mapping[tuple[str, str], tuple[int, int, int, int]]


def _gdelt_actor(parties: list[dict[str, Any]]) -> tuple[str, str, str, str]:
    """CAMEO-style actor code (country + sector, "RUSGOV"), name, country, type."""
    if not parties:
        return "", "", "", ""
    p = parties[0]
    code = f"{p['country'] or ''}{p['sector'] or ''}"
    return code, str(p["name"]).upper(), p["country"] or "", p["sector"] or ""


def write_gdelt(
    articles: Iterable[Article],
    fh: IO[str],
    *,
    include_negated: bool = False,
    instances: InstanceCounts | None = None,
) -> int:
    """A GDELT 2.0-like event table (tab-separated, with a header row).

    With ``instances``, one row per event instance (its first mention), with its
    NumMentions, NumSources and NumArticles across the articles that tell it; without,
    one row per mention, counted in its own article.
    """
    writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    n = 0
    written: set[int] = set()
    for a, e in _events(articles, include_negated):
        counts = instances.get((a.id, e.id)) if instances is not None else None
        if counts is not None:
            if counts[0] in written:
                continue  # told again (a copy, another outlet): counted in the first row
            written.add(counts[0])
            mentions, sources, in_articles = counts[1], counts[3], counts[2]
        else:
            mentions, sources, in_articles = max(1, len(e.mentions)), 1, 1
        day = (e.date or a.published or "").replace("-", "")
        sqldate = day.ljust(8, "0") if day else ""
        cameo = e.cameo or ""
        a1, a2, loc = (
            _gdelt_actor(_party(a, e.source)),
            _gdelt_actor(_party(a, e.target)),
            e.location,
        )
        writer.writerow(
            [
                e.id, sqldate, sqldate[:6], sqldate[:4], *a1, *a2, 1, cameo, cameo[:3],
                cameo[:2], e.quad_class or "", e.intensity if e.intensity is not None else "",
                mentions, sources, in_articles, loc.name if loc else "",
                (loc.country or "") if loc else "",
                loc.lat if loc and loc.lat is not None else "",
                loc.lon if loc and loc.lon is not None else "",
                (a.published or "").replace("-", ""), a.source.url or a.source.uri,
            ]
        )  # fmt: skip
        n += 1
    return n
