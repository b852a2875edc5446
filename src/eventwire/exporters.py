"""Exports: articles as JSON lines (the full records), CSV and Parquet (flat rows); events
as flat rows (CSV, JSON lines, Parquet with real dtypes) and in the field's formats: PLOVER
JSON lines (PLOVER manual, draft 0.8, 2021), POLECAT's TSV columns (the POLECAT weekly
files on Harvard Dataverse, doi:10.7910/DVN/AJGVIT) and the GDELT 2.0 event table (GDELT
Event Codebook V2.0, 2015: 61 tab-separated columns, no header).

The flat article row keeps one column per scalar field and JSON text for lists, so a
spreadsheet opens it without a schema of nested types.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from eventwire import __version__
from eventwire.filters import date_range
from eventwire.model import Article, Event, to_record
from eventwire.store.queries import EventRow

__all__ = [
    "EVENT_COLUMNS",
    "FLAT_COLUMNS",
    "GDELT_COLUMNS",
    "POLECAT_COLUMNS",
    "EventRecord",
    "event_csv_row",
    "event_records",
    "event_values",
    "fips_code",
    "flat_row",
    "gdelt_rows",
    "plover_record",
    "write_csv",
    "write_event_csv",
    "write_event_jsonl",
    "write_event_parquet",
    "write_gdelt",
    "write_jsonl",
    "write_parquet",
    "write_plover",
    "write_polecat",
]

# An event as the pipeline made it, its article, and when the article was stored (ISO
# 8601, UTC; None outside a store).
EventRecord = tuple[Article, Event, str | None]

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


# -- flat event rows (from the store's EventRow) ---------------------------------------
EVENT_COLUMNS = (
    "article_id", "event_id", "type", "mode", "context", "cameo", "quad_class", "goldstein",
    "date", "date_precision", "day_start", "day_end", "source_ids", "source_names",
    "source_countries", "source_sectors", "target_ids", "target_names", "target_countries",
    "target_sectors", "location", "location_country", "lat", "lon", "negated", "hedged",
    "trigger", "sentence", "headline", "published", "url",
)  # fmt: skip
_LISTS = {c for c in EVENT_COLUMNS if c.startswith(("source_", "target_"))}


def event_values(e: EventRow) -> dict[str, Any]:
    """One event as a flat record in :data:`EVENT_COLUMNS` (the actors' fields as lists)."""
    return {
        "article_id": e.article_id, "event_id": e.event_id, "type": e.type, "mode": e.mode,
        "context": e.context, "cameo": e.cameo, "quad_class": e.quad_class,
        "goldstein": e.intensity, "date": e.date, "date_precision": e.date_precision,
        "day_start": e.day_start, "day_end": e.day_end,
        "source_ids": [a.id for a in e.source], "source_names": [a.name or a.id for a in e.source],
        "source_countries": [a.country or "" for a in e.source],
        "source_sectors": [a.sector or "" for a in e.source],
        "target_ids": [a.id for a in e.target], "target_names": [a.name or a.id for a in e.target],
        "target_countries": [a.country or "" for a in e.target],
        "target_sectors": [a.sector or "" for a in e.target],
        "location": e.location, "location_country": e.country, "lat": e.lat, "lon": e.lon,
        "negated": e.negated, "hedged": e.hedged, "trigger": e.trigger, "sentence": e.sentence,
        "headline": e.headline, "published": e.published, "url": e.url,
    }  # fmt: skip


def event_csv_row(e: EventRow) -> list[str]:
    """One event as a CSV row in :data:`EVENT_COLUMNS` order: lists ';'-joined, flags 0/1,
    missing values empty."""
    values = event_values(e)
    out = []
    for column in EVENT_COLUMNS:
        v = values[column]
        if column in _LISTS:
            out.append(";".join(v))
        elif isinstance(v, bool):
            out.append(str(int(v)))
        else:
            out.append("" if v is None else str(v))
    return out


def write_event_csv(rows: Iterable[EventRow], fh: IO[str]) -> int:
    """Events as CSV with a header row (what the UI's download button and
    ``eventwire events --format csv`` give)."""
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    n = 0
    for e in rows:
        writer.writerow(event_csv_row(e))
        n += 1
    return n


def write_event_jsonl(rows: Iterable[EventRow], fh: IO[str]) -> int:
    """Events as JSON lines, one object per event in :data:`EVENT_COLUMNS` (lists as lists)."""
    n = 0
    for e in rows:
        fh.write(json.dumps(event_values(e), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_event_parquet(rows: Iterable[EventRow], path: Path, *, chunk: int = 5000) -> int:
    """Events as a Parquet table with real dtypes: days as dates, the quad class as an
    integer, flags as booleans, the actors' ids, names, countries and sectors as lists."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    text, strings = pa.string(), pa.list_(pa.string())
    types = {
        "quad_class": pa.int8(), "goldstein": pa.float64(), "day_start": pa.date32(),
        "day_end": pa.date32(), "published": pa.date32(), "lat": pa.float64(),
        "lon": pa.float64(), "negated": pa.bool_(), "hedged": pa.bool_(),
    }  # fmt: skip
    schema = pa.schema([(c, strings if c in _LISTS else types.get(c, text)) for c in EVENT_COLUMNS])
    days = ("day_start", "day_end", "published")

    def record(e: EventRow) -> dict[str, Any]:
        values = event_values(e)
        for column in days:
            values[column] = _to_date(values[column])
        return values

    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for e in rows:
            batch.append(record(e))
            if len(batch) >= chunk:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _to_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


# -- event records in the field's formats ----------------------------------------------
def event_records(
    articles: Iterable[Article], *, include_negated: bool = False
) -> Iterator[EventRecord]:
    """The events of articles (not from a store: no ingest time), negated ones if asked."""
    for a in articles:
        for e in a.events:
            if include_negated or not e.negated:
                yield a, e, None


def _span(a: Article, e: Event) -> tuple[str, str] | None:
    """The first and last day of the event's date (else the publication date)."""
    value = e.date or a.published
    if not value:
        return None
    try:
        return date_range(value)
    except ValueError:
        return None


def _global_id(*parts: str) -> str:
    """A stable id across exports (the article id is a content hash, the event id is
    unique in its article)."""
    return "-".join(parts)


def _mention(a: Article, actor_id: str) -> str | None:
    """The text of the actor's first mention in the body."""
    return next((m.text for m in a.entities if m.actor == actor_id), None)


@cache
def _regions() -> dict[str, tuple[str, str]]:
    """Region and IGO codes (regions.tsv): code -> (kind, the region it is within)."""
    text = resources.files("eventwire.lexicon").joinpath("regions.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cells = line.split("\t")
            if len(cells) >= 3 and cells[0] != "code":
                out[cells[0]] = (cells[1], cells[2])
    return out


@cache
def _fips() -> dict[str, tuple[str, str]]:
    """ISO 3166 alpha-3 -> (FIPS 10-4, alpha-2), from lexicon/fips10_4.tsv (GeoNames)."""
    text = resources.files("eventwire.lexicon").joinpath("fips10_4.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#") and not line.startswith("iso3\t"):
            iso3, iso2, fips, _name = line.split("\t")
            out[iso3] = (fips, iso2)
    return out


def fips_code(iso3: str | None) -> str:
    """The FIPS 10-4 code of a country (ISO 3166 alpha-3), or '' (regions, unknown codes).

    >>> fips_code("DEU"), fips_code("GBR"), fips_code("WST")
    ('GM', 'UK', '')
    """
    return _fips().get(iso3 or "", ("", ""))[0]


def _sides(e: Event) -> tuple[list[str], list[str]]:
    """Source and recipient as PLOVER codes them: a joint act ("Xi and Putin met", coded
    with the parties on both sides) lists every party as source and no recipient."""
    source, target = list(e.source), list(e.target)
    if set(source) & set(target):
        return list(dict.fromkeys(source + target)), []
    return source, target


def _plover_actor(a: Article, actor_id: str) -> dict[str, Any]:
    x = next((x for x in a.actors if x.id == actor_id), None)
    country = x.country if x else None
    kind = _regions().get(country or "", ("", ""))[0]
    code = country or "---"  # CAMEO's "unknown"
    out: dict[str, Any] = {
        "code": code,
        "sector": (x.sector if x else None) or ("IGO" if kind == "igo" else None),
        "actor_text": _mention(a, actor_id) or (x.name if x else actor_id),
        "entity_text": x.name if x else actor_id,
        "identifier_text": x.name if x else actor_id,
        "office": x.title if x else None,
        "id": actor_id,
    }
    return {k: v for k, v in out.items() if v is not None}


def plover_record(a: Article, e: Event, added: str | None = None) -> dict[str, Any] | None:
    """One event as a record of the PLOVER manual's JSON table (draft 0.8, 2021): ``event``,
    ``mode`` and ``context`` lists, ``source``/``recipient`` lists of actor objects, the
    location as a GeoNames-style object, ``date``/``enddate`` spanning a partial date.
    None when the event has no source actor, which PLOVER requires."""
    source, recipient = _sides(e)
    span = _span(a, e)
    if not source or span is None:
        return None
    loc = e.location
    record: dict[str, Any] = {
        "id": _global_id(a.id, e.id),
        "has_event": True,
        "date": span[0],
        "source": [_plover_actor(a, i) for i in source],
        "recipient": [_plover_actor(a, i) for i in recipient],
        "event": [e.type],
        "mode": [e.mode] if e.mode else [],
        "context": [c.strip() for c in (e.context or "").split(",") if c.strip()],
        "event_text": [e.trigger],
        "quad_code": e.quad_class,
        "event_scale": e.intensity,
        "text_info": {"start": e.start, "end": e.end},
        "cite_info": {
            "citation": a.id,
            "url": a.source.url,
            "title": a.headline,
            "language": a.language,
            "publication": ";".join(a.agencies) or None,
            "coder": e.coder,
            "codebook": "PLOVER 0.8 (draft, 2021)",
            "version": f"eventwire {__version__}",
        },
        "coder": f"eventwire {__version__}",
        # eventwire's own fields, beside the manual's (which invites them)
        "cameo": e.cameo,
        "date_precision": e.date_precision or ("day" if e.date else None),
        "date_basis": e.date_basis,
        "negated": e.negated,
        "hedged": e.hedged,
        "sentence": e.sentence,
    }
    if span[1] != span[0]:
        record["enddate"] = span[1]
    if loc:
        iso2 = _fips().get(loc.country or "", ("", ""))[1]
        place = {
            "name": loc.name, "latitude": loc.lat, "longitude": loc.lon,
            "country code": iso2 or None, "cc3": loc.country,
        }  # fmt: skip
        record["event_loc"] = {k: v for k, v in place.items() if v is not None}
    if added:
        record["coded_date"] = added[:10]
    record["cite_info"] = {k: v for k, v in record["cite_info"].items() if v is not None}
    return {k: v for k, v in record.items() if v is not None}


def write_plover(
    records: Iterable[EventRecord],
    fh: IO[str],
    *,
    on_skip: Callable[[Article, Event], None] | None = None,
) -> int:
    """PLOVER JSON lines; events without a source actor are left out (``on_skip`` hears of
    each)."""
    n = 0
    for a, e, added in records:
        record = plover_record(a, e, added)
        if record is None:
            if on_skip:
                on_skip(a, e)
            continue
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


# The POLECAT release's columns, in its order (the weekly TSV files on Dataverse).
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)  # fmt: skip


def _joined(values: Iterable[str | None]) -> str:
    """POLECAT's multi-valued cell: the values there are, ';'-joined; empty when none."""
    return ";".join(v for v in values if v)


def _polecat_side(a: Article, ids: Sequence[str]) -> list[str]:
    by_id = {x.id: x for x in a.actors}
    xs = [by_id.get(i) for i in ids]
    sectors = [x.sector if x else None for x in xs]
    return [
        _joined(x.name if x else i for x, i in zip(xs, ids, strict=True)),
        _joined(x.country if x else None for x in xs),
        "",  # COW codes: eventwire codes countries in ISO 3166 only
        next((s for s in sectors if s), ""),
        _joined(sectors),
        _joined(x.title if x else None for x in xs),
        _joined(_mention(a, i) for i in ids),
        "",  # Wikipedia ids: not resolved
    ]


def write_polecat(records: Iterable[EventRecord], fh: IO[str]) -> int:
    """POLECAT's tab-separated columns, one row per event; compound actors ';'-joined."""
    writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
    writer.writerow(POLECAT_COLUMNS)
    n = 0
    for a, e, _added in records:
        source, target = _sides(e)
        span = _span(a, e)
        loc = e.location
        kinds: dict[str, list[str]] = {}
        for x in a.actors:
            kinds.setdefault(x.kind, []).append(x.name)
        writer.writerow(
            [
                _global_id(a.id, e.id), span[0] if span else "", e.type, e.mode or "",
                "" if e.intensity is None else e.intensity, e.quad_class or "",
                e.context or "", *_polecat_side(a, source), *_polecat_side(a, target),
                loc.name if loc else "", "", "", "", (loc.country or "") if loc else "",
                "" if loc is None or loc.lat is None else loc.lat,
                "" if loc is None or loc.lon is None else loc.lon, "",
                loc.name if loc else "", "",
                _joined(a.agencies) or (a.source.url or a.source.uri), a.published or "",
                _joined(kinds.get("person", [])), _joined(kinds.get("organization", [])),
                _joined(kinds.get("country", [])), a.language, f"eventwire {__version__}",
            ]
        )  # fmt: skip
        n += 1
    return n


# The GDELT 2.0 event table's 61 columns, in order (GDELT Event Codebook V2.0), then
# eventwire's DatePrecision (GDELT has no way to say that SQLDATE starts a month or year).
_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
)  # fmt: skip
GDELT_EXTRA = ("DatePrecision",)

# (article id, event id) -> (instance id, NumMentions, NumArticles, NumSources), from the
# story index (eventwire.stories.StoryReader.instance_counts)
InstanceCounts = Mapping[tuple[str, str], tuple[int, int, int, int]]


def _gdelt_actor(a: Article, actor_id: str | None) -> list[str]:
    """Actor fields in CAMEO's code grammar: country (or IGO and its region) then role:
    "RUSGOV", "IGOWSTNAT" for NATO, "USA" for the country itself."""
    if actor_id is None:
        return [""] * len(_ACTOR)
    x = next((x for x in a.actors if x.id == actor_id), None)
    country = (x.country if x else None) or ""
    sector = (x.sector if x else None) or ""
    kind, within = _regions().get(country, ("", ""))
    group = ""
    if kind == "igo":
        group = country
        code = f"IGO{within}{country}" + (sector if sector != "IGO" else "")
        country = ""
        sector = sector or "IGO"
    else:
        code = f"{country}{sector}"
    name = (x.name if x else actor_id).upper()
    return [code, name, country, group, "", "", "", sector, "", ""]


def _action_geo(e: Event) -> list[str]:
    loc = e.location
    if loc is None:
        return [""] * len(_GEO)
    fips = fips_code(loc.country)
    # 1 country, 4 world city (GDELT's geo types): a place named as its country is a country.
    is_country = loc.country is not None and _fips_name(loc.country) == loc.name
    return [
        "1" if is_country else "4", loc.name, fips, fips, "",
        "" if loc.lat is None else f"{loc.lat:g}", "" if loc.lon is None else f"{loc.lon:g}", "",
    ]  # fmt: skip


@cache
def _country_names() -> dict[str, str]:
    text = resources.files("eventwire.lexicon").joinpath("fips10_4.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#") and not line.startswith("iso3\t"):
            cells = line.split("\t")
            out[cells[0]] = cells[3]
    return out


def _fips_name(iso3: str) -> str | None:
    return _country_names().get(iso3)


def gdelt_rows(
    a: Article,
    e: Event,
    added: str | None = None,
    counts: tuple[int, int, int] | None = None,
) -> list[list[str]]:
    """The GDELT 2.0 rows of one event: one per (source, target) pair, as GDELT has one
    Actor1 and one Actor2 per event (a compound actor gives several rows)."""
    span = _span(a, e)
    if span is None:
        return []
    day = date.fromisoformat(span[0])
    sqldate = day.strftime("%Y%m%d")
    fraction = f"{day.year + (day.month * 30 + day.day) / 365:.4f}"  # the codebook's formula
    cameo = e.cameo or ""
    first = a.body.split("\n\n", 1)[0]
    root = "1" if e.start < len(first) else "0"  # in the lead paragraph
    stamp = (added or f"{a.published or span[0]}T00:00:00Z").replace("-", "").replace(":", "")
    dateadded = stamp.replace("T", "")[:14].ljust(14, "0")
    source, target = _sides(e)
    sources: list[str | None] = list(source) or [None]
    targets: list[str | None] = list(target) or [None]
    pairs = [(s, t) for s in sources for t in targets]
    rows = []
    for n, (s, t) in enumerate(pairs):
        key = f"{a.id}:{e.id}:{n}".encode()
        # An integer id, as GDELT's: 15 hex digits of a hash, stable across exports.
        number = str(int(hashlib.sha256(key).hexdigest()[:15], 16))
        rows.append(
            [
                number, sqldate, sqldate[:6], sqldate[:4], fraction,
                *_gdelt_actor(a, s), *_gdelt_actor(a, t), root, cameo, cameo[:3], cameo[:2],
                "" if e.quad_class is None else str(e.quad_class),
                "" if e.intensity is None else f"{e.intensity:g}",
                *(
                    (str(max(1, len(e.mentions))), "1", "1")
                    if counts is None
                    else (str(counts[0]), str(counts[1]), str(counts[2]))
                ),
                "",
                *([""] * len(_GEO)), *([""] * len(_GEO)), *_action_geo(e),
                dateadded, a.source.url or a.source.uri,
                e.date_precision or "day",  # a publication date is a day
            ]
        )  # fmt: skip
    return rows


def write_gdelt(
    records: Iterable[EventRecord], fh: IO[str], *, instances: InstanceCounts | None = None
) -> int:
    """The GDELT 2.0 event table: tab-separated, no header (as GDELT's files), the 61
    columns of :data:`GDELT_COLUMNS` then :data:`GDELT_EXTRA`. Returns the rows written.

    With ``instances`` (the story index's counts), an event told in several articles is
    written once, at its first telling, with its NumMentions, NumSources and NumArticles
    across them; without, each event is counted in its own article."""
    writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
    n = 0
    written: set[int] = set()
    for a, e, added in records:
        found = instances.get((a.id, e.id)) if instances is not None else None
        counts = None
        if found is not None:
            if found[0] in written:
                continue  # told again (a copy, another outlet): counted in the first row
            written.add(found[0])
            counts = (found[1], found[3], found[2])  # mentions, sources, articles
        for row in gdelt_rows(a, e, added, counts):
            writer.writerow(row)
            n += 1
    return n
