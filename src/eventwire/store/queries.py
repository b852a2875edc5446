"""Read-only queries over a SQLite store for the API and the web pages: events, actors,
quotes, statistics and the actor network, as plain dataclass records.

Every value reaches SQLite as a parameter; only fixed SQL fragments chosen in this
module are ever joined into a statement.

>>> from eventwire.store import open_store
>>> with open_store(":memory:") as store:
...     find_events(store, EventFilter()).total
0
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TypeVar

from eventwire.filters import PLOVER_TYPES, EventFilter
from eventwire.model import Article, Event, from_record
from eventwire.search import HIT_CLOSE, HIT_OPEN, fts_query, highlight
from eventwire.store.base import ArticleQuery, ArticleSummary
from eventwire.store.sqlite import SQLiteStore

__all__ = [
    "MAX_PAGE",
    "PLOVER_TYPES",
    "ActorDetail",
    "ActorEventCount",
    "ActorListItem",
    "ActorPage",
    "ActorRef",
    "Counterpart",
    "DayCount",
    "EventFilter",
    "EventPage",
    "EventPlace",
    "EventRow",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "QuotePage",
    "QuoteRecord",
    "SearchHit",
    "SearchPage",
    "Stats",
    "actor_detail",
    "chart_window",
    "count_articles",
    "count_events",
    "event_places",
    "event_timeline",
    "explain_events",
    "find_actors",
    "find_events",
    "find_quotes",
    "iter_event_records",
    "iter_events",
    "network",
    "search_articles",
    "stats",
]

T = TypeVar("T")

# The most rows one call returns: a page is for reading, an export is for `eventwire export`.
MAX_PAGE = 500


# -- records ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor taking part in an event, named as in the article that reports it."""

    id: str
    name: str | None
    country: str | None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class EventRow:
    """One coded event with its participants, place and the article it comes from.

    ``date`` is the event's own date as the text gives it (a day, ISO week, month or year:
    ``date_precision``); ``day_start``/``day_end`` are the days that date (else the
    article's publication date) covers, and ``day`` is ``day_start``: what sorting and
    charts use.
    """

    article_id: str
    event_id: str
    type: str
    mode: str | None
    context: str | None
    cameo: str | None
    quad_class: int | None
    intensity: float | None
    date: str | None
    date_precision: str | None
    date_basis: str | None
    day: str | None
    day_start: str | None
    day_end: str | None
    location: str | None
    country: str | None
    lat: float | None
    lon: float | None
    negated: bool
    hedged: bool
    trigger: str
    sentence: str | None
    start: int
    end: int
    headline: str | None
    published: str | None
    url: str | None
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]


@dataclass(frozen=True, slots=True)
class EventPage:
    """A page of events and how many match in all; ``next_after`` is the keyset cursor of
    the next page (pass it as ``after``: deep pages stay fast), None on the last page."""

    total: int
    limit: int
    offset: int
    items: list[EventRow]
    next_after: str | None = None


@dataclass(frozen=True, slots=True)
class DayCount:
    """Events on one day in one quad class (None: not coded)."""

    day: str
    quad_class: int | None
    events: int


@dataclass(frozen=True, slots=True)
class EventPlace:
    """A place where events happened, with how many and the quad class most of them have."""

    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    quad_class: int | None = None


@dataclass(frozen=True, slots=True)
class ActorListItem:
    """An actor across the store: the articles that mention it and the events it is in."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    articles: int
    events: int


@dataclass(frozen=True, slots=True)
class ActorPage:
    """A page of actors."""

    limit: int
    offset: int
    has_more: bool
    items: list[ActorListItem]


@dataclass(frozen=True, slots=True)
class ActorEventCount:
    """An actor's events on one day in one role (source or target) and quad class."""

    day: str
    role: str
    quad_class: int | None
    events: int


@dataclass(frozen=True, slots=True)
class Counterpart:
    """An actor met across events: how often as the other side, and how (cooperation: quad
    classes 1-2; conflict: 3-4)."""

    id: str
    name: str | None
    country: str | None
    as_source: int  # events where the counterpart acted on the actor
    as_target: int  # events where the actor acted on the counterpart
    cooperation: int
    conflict: int


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """A stored quote, its place in the article body and its speaker."""

    article_id: str
    n: int
    headline: str | None
    published: str | None
    speaker: str | None
    speaker_actor: str | None
    text: str
    start: int
    end: int
    partial: bool


@dataclass(frozen=True, slots=True)
class QuotePage:
    """A page of quotes."""

    limit: int
    offset: int
    has_more: bool
    items: list[QuoteRecord]


@dataclass(frozen=True, slots=True)
class ActorDetail:
    """Everything about one actor: who it is, its events over time, its words, its partners."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    title: str | None
    aliases: list[str]
    articles: int
    events_as_source: int
    events_as_target: int
    timeline: list[ActorEventCount]
    counterparts: list[Counterpart]
    quotes: list[QuoteRecord]
    recent_events: list[EventRow]


@dataclass(frozen=True, slots=True)
class Stats:
    """The store at a glance."""

    articles: int
    actors: int
    quotes: int
    events: int
    negated_events: int
    first_day: str | None
    last_day: str | None
    events_per_day: list[DayCount]
    most_active: list[ActorListItem]
    agencies: dict[str, int]
    latest: list[ArticleSummary]


@dataclass(frozen=True, slots=True)
class NetworkNode:
    """An actor (or a country) in the network, with the events it takes part in."""

    id: str
    name: str | None
    country: str | None
    events: int


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    """Who acted on whom, how often, by quad class (``q1``... ``q4``)."""

    source: str
    target: str
    events: int
    q1: int
    q2: int
    q3: int
    q4: int

    @property
    def cooperation(self) -> int:
        return self.q1 + self.q2

    @property
    def conflict(self) -> int:
        return self.q3 + self.q4


@dataclass(frozen=True, slots=True)
class Network:
    """The actor network: ``by`` is ``actor`` or ``country``."""

    by: str
    nodes: list[NetworkNode]
    edges: list[NetworkEdge] = field(default_factory=list)


# -- events ----------------------------------------------------------------------------
# The cursor of a page: the last row's range start and rowid ("2026-02-01~812").
_ORDER = "e.day_start DESC, e.rowid DESC"


def _event_where(f: EventFilter) -> tuple[str, list[object]]:
    """The WHERE clause (fixed fragments) and its arguments for a filter, over ``events e``."""
    where: list[str] = []
    args: list[object] = []
    if not f.include_negated:
        # With a filter on the event's own columns, its index is the way in: the unary +
        # keeps SQLite from walking the (negated, day) index instead.
        own = (f.type, f.mode, f.cameo, f.quad_class, f.goldstein_min, f.goldstein_max)
        where.append("+e.negated = 0" if any(v is not None for v in own) else "e.negated = 0")
    if not f.include_hedged:
        where.append("e.hedged = 0")
    for column, value in (("type", f.type), ("mode", f.mode), ("quad_class", f.quad_class)):
        if value is not None:
            where.append(f"e.{column} = ?")
            args.append(value)
    if f.cameo:
        # A prefix as a range ("19" to "1:", ':' following '9'), which the index can use.
        where.append("e.cameo >= ? AND e.cameo < ?")
        args += [f.cameo, f.cameo[:-1] + chr(ord(f.cameo[-1]) + 1)]
    if f.goldstein_min is not None:
        where.append("e.intensity >= ?")
        args.append(f.goldstein_min)
    if f.goldstein_max is not None:
        where.append("e.intensity <= ?")
        args.append(f.goldstein_max)
    low, high = f.window
    # Within the window means the whole range of the event's date is.
    if low:
        where.append("e.day_start >= ?")
        args.append(low)
    if high:
        where.append("e.day_start <= ? AND e.day_end <= ?")
        args += [high, high]
    if f.place:
        where.append("e.location LIKE ? ESCAPE '\\'")
        args.append(f"%{_like(f.place)}%")
    if f.country:
        # Country codes are stored upper case; comparing them as they are keeps the indexes.
        # Participants are checked per event (EXISTS, one probe of the event's own index
        # entries) while the day index yields events newest first: a page stops early.
        where.append(
            "(e.country = ? OR EXISTS (SELECT 1 FROM event_actors c WHERE"
            " c.article_id = e.article_id AND c.event_id = e.event_id AND c.country = ?))"
        )
        args += [f.country, f.country]
    for role, code in (("source", f.source_country), ("target", f.target_country)):
        if code:
            where.append(
                "EXISTS (SELECT 1 FROM event_actors c WHERE c.article_id = e.article_id"
                " AND c.event_id = e.event_id AND c.role = ? AND c.country = ?)"
            )
            args += [role, code]
    sides: tuple[tuple[str | None, str | None], ...] = (
        (None, f.actor),
        ("source", f.source),
        ("target", f.target),
    )
    for side, actor in sides:
        if actor:
            clause, values = _actor_clause(actor, side)
            where.append(clause)
            args += values
    if f.after:
        day, _, rowid = f.after.partition("~")
        if day:
            where.append("(e.day_start < ? OR (e.day_start = ? AND e.rowid < ?))")
            args += [day, day, int(rowid)]
        else:
            where.append("e.day_start IS NULL AND e.rowid < ?")
            args.append(int(rowid))
    return (" WHERE " + " AND ".join(where)) if where else "", args


def _actor_clause(actor: str, role: str | None) -> tuple[str, list[object]]:
    """Events with this actor (in ``role``, or either): an id, a code, or part of a name."""
    in_role = " AND p.role = ?" if role else ""
    extra: list[object] = [role] if role else []
    same = "p.article_id = e.article_id AND p.event_id = e.event_id"
    if _is_code(actor):
        # "RUS", "WST": the actor with that id, or any actor of that country or region
        return (
            f"EXISTS (SELECT 1 FROM event_actors p WHERE {same}{in_role}"
            " AND (p.actor_id = ? OR p.country = ?))",
            [*extra, actor, actor],
        )
    # The actor ids named so, found once in the dictionary, rather than a match per event.
    return (
        f"EXISTS (SELECT 1 FROM event_actors p WHERE {same}{in_role}"
        " AND (p.actor_id = ? OR p.actor_id IN (SELECT x.actor_id FROM actor_dictionary x"
        " WHERE x.name LIKE ? ESCAPE '\\' OR x.aliases LIKE ? ESCAPE '\\')))",
        [*extra, actor, f"%{_like(actor)}%", f"%{_like(actor)}%"],
    )


def _is_code(text: str) -> bool:
    """A country or region code as CAMEO writes them: three capitals ("RUS", "WST")."""
    return len(text) == 3 and text.isalpha() and text.isupper()


def count_events(store: SQLiteStore, f: EventFilter) -> int:
    """How many events match (paging aside); counts are cached until the store changes."""
    where, args = _event_where(replace(f, after=None))
    return _cached_count(store, f"SELECT count(*) FROM events e{where}", tuple(args))


def explain_events(store: SQLiteStore, f: EventFilter) -> list[str]:
    """SQLite's query plan (EXPLAIN QUERY PLAN details) of a page of events and of their
    count: what the tests read to check that every filter is answered from an index."""
    where, args = _event_where(f)
    out = []
    for sql in (
        f"SELECT e.rowid FROM events e{where} ORDER BY {_ORDER} LIMIT 50 OFFSET {f.offset:d}",
        f"SELECT count(*) FROM events e{where}",
    ):
        out += [str(r[3]) for r in store.execute("EXPLAIN QUERY PLAN " + sql, tuple(args))]
    return out


def find_events(store: SQLiteStore, f: EventFilter) -> EventPage:
    """A page of events, newest first (by the start of their date's range), the number
    matching the filter, and the cursor of the next page."""
    where, args = _event_where(f)
    total = count_events(store, f)
    limit = _page(f.limit)
    # The page's keys first (from an index), then the details of those rows only.
    rows = store.execute(
        f"WITH page AS (SELECT e.rowid AS id FROM events e{where} ORDER BY {_ORDER}"
        " LIMIT ? OFFSET ?)"
        " SELECT e.rowid AS rowid_, e.*, a.headline, a.published, a.url FROM page"
        f" JOIN events e ON e.rowid = page.id JOIN articles a ON a.id = e.article_id"
        f" ORDER BY {_ORDER}",
        (*args, limit, 0 if f.after else f.offset),
    )
    items = _event_rows(store, rows)
    last = rows[-1] if rows else None
    more = len(rows) == limit and (f.after is not None or f.offset + limit < total)
    cursor = f"{last['day_start'] or ''}~{last['rowid_']}" if last is not None and more else None
    return EventPage(total=total, limit=f.limit, offset=f.offset, items=items, next_after=cursor)


def iter_events(store: SQLiteStore, f: EventFilter, *, chunk: int = MAX_PAGE) -> Iterator[EventRow]:
    """Every matching event, newest first, paged by keyset (``limit``/``offset`` ignored):
    for exports and streamed downloads, in constant memory."""
    page_filter = f.with_page(limit=chunk, after=f.after)
    while True:
        where, args = _event_where(page_filter)
        rows = store.execute(
            f"WITH page AS (SELECT e.rowid AS id FROM events e{where} ORDER BY {_ORDER}"
            " LIMIT ?)"
            " SELECT e.rowid AS rowid_, e.*, a.headline, a.published, a.url FROM page"
            f" JOIN events e ON e.rowid = page.id JOIN articles a ON a.id = e.article_id"
            f" ORDER BY {_ORDER}",
            (*args, chunk),
        )
        yield from _event_rows(store, rows)
        if len(rows) < chunk:
            return
        last = rows[-1]
        page_filter = replace(page_filter, after=f"{last['day_start'] or ''}~{last['rowid_']}")


def iter_event_records(
    store: SQLiteStore, f: EventFilter
) -> Iterator[tuple[Article, Event, str | None]]:
    """The matching events as the pipeline made them, each with its article and when the
    article was stored (for the exports that need the whole record), newest first."""
    cache: dict[str, tuple[Article, dict[str, Event], str | None]] = {}
    for row in iter_events(store, f):
        if row.article_id not in cache:
            if len(cache) > 64:
                cache.clear()
            found = store.execute(
                "SELECT record, ingested_at FROM articles WHERE id = ?", (row.article_id,)
            )
            article = from_record(json.loads(found[0]["record"]))
            cache[row.article_id] = (
                article,
                {e.id: e for e in article.events},
                found[0]["ingested_at"],
            )
        article, events, added = cache[row.article_id]
        if row.event_id in events:
            yield article, events[row.event_id], added


def _event_rows(store: SQLiteStore, rows: list[sqlite3.Row]) -> list[EventRow]:
    keys = [(r["article_id"], r["event_id"]) for r in rows]
    parts: dict[tuple[str, str], dict[str, list[ActorRef]]] = {}
    for chunk in range(0, len(keys), 200):
        part = keys[chunk : chunk + 200]
        marks = ", ".join(["(?, ?)"] * len(part))
        flat = tuple(v for k in part for v in k)
        for p in store.execute(
            f"WITH k(article_id, event_id) AS (VALUES {marks})"
            " SELECT ea.article_id, ea.event_id, ea.role, ea.actor_id, x.name, x.sector,"
            " coalesce(ea.country, x.country) AS country FROM k CROSS JOIN event_actors ea"
            " ON ea.article_id = k.article_id AND ea.event_id = k.event_id"
            " LEFT JOIN actors x ON x.article_id = ea.article_id AND x.actor_id = ea.actor_id"
            " ORDER BY ea.rowid",
            flat,
        ):
            roles = parts.setdefault((p["article_id"], p["event_id"]), {})
            roles.setdefault(p["role"], []).append(
                ActorRef(p["actor_id"], p["name"], p["country"], p["sector"])
            )
    return [_event_row(r, parts.get((r["article_id"], r["event_id"]), {})) for r in rows]


def _event_row(r: sqlite3.Row, roles: dict[str, list[ActorRef]]) -> EventRow:
    return EventRow(
        article_id=r["article_id"],
        event_id=r["event_id"],
        type=r["type"],
        mode=r["mode"],
        context=r["context"],
        cameo=r["cameo"],
        quad_class=r["quad_class"],
        intensity=r["intensity"],
        date=r["date"],
        date_precision=r["date_precision"],
        date_basis=r["date_basis"],
        day=r["day_start"],
        day_start=r["day_start"],
        day_end=r["day_end"],
        location=r["location"],
        country=r["country"],
        lat=r["lat"],
        lon=r["lon"],
        negated=bool(r["negated"]),
        hedged=bool(r["hedged"]),
        trigger=r["trigger"],
        sentence=r["sentence"],
        start=r["start"],
        end=r["end"],
        headline=r["headline"],
        published=r["published"],
        url=r["url"],
        source=tuple(roles.get("source", ())),
        target=tuple(roles.get("target", ())),
    )


def _is_unfiltered(f: EventFilter) -> bool:
    """True when the filter is the default one, whose counts the aggregates hold."""
    return replace(f, limit=0, offset=0, after=None) == EventFilter(limit=0)


def event_timeline(store: SQLiteStore, f: EventFilter) -> list[DayCount]:
    """Events per day (the start of each date's range) and quad class, over every event
    the filter matches (paging aside); unfiltered, from the aggregate kept at ingest."""
    if _is_unfiltered(f):
        rows = store.execute(
            "SELECT day, nullif(quad_class, 0) AS quad_class, sum(events) AS n FROM agg_days"
            " WHERE negated = 0 AND day != '' GROUP BY day, quad_class HAVING n > 0"
            " ORDER BY day, quad_class"
        )
    else:
        where, args = _event_where(replace(f, after=None, limit=0, offset=0))
        extra = " AND " if where else " WHERE "
        sql = (
            f"SELECT e.day_start AS day, e.quad_class, count(*) AS n FROM events e{where}"
            f"{extra}e.day_start IS NOT NULL GROUP BY e.day_start, e.quad_class"
            " ORDER BY e.day_start, e.quad_class"
        )
        # A filtered timeline is an aggregate too: computed once per filter and store state.
        rows = _cached(store, ("timeline", sql, *args), lambda: store.execute(sql, tuple(args)))
    return [DayCount(r["day"], r["quad_class"], r["n"]) for r in rows]


def chart_window(days: Iterable[DayCount], f: EventFilter | None = None) -> tuple[str, str] | None:
    """The span a chart shows: the window asked for, else the bulk of the data (the days
    between the 2nd and 98th percentile of events, so that a few events dated 1905 do not
    stretch the axis over a century). None when there is nothing to show."""
    low, high = f.window if f else (None, None)
    counts: dict[str, int] = {}
    for d in days:
        counts[d.day] = counts.get(d.day, 0) + d.events
    if not counts and not (low and high):
        return None
    ordered = sorted(counts.items())
    total = sum(counts.values())
    seen, first, last = 0, None, None
    for day, n in ordered:
        seen += n
        if first is None and seen > 0.02 * total:
            first = day
        if last is None and seen >= 0.98 * total:
            last = day
    first = low or first or ordered[0][0]
    last = high or last or ordered[-1][0]
    return first, last


def event_places(store: SQLiteStore, f: EventFilter, *, limit: int = MAX_PAGE) -> list[EventPlace]:
    """The geocoded places of the matching events, the busiest first, with the quad class
    most of their events have."""
    where, args = _event_where(replace(f, after=None))
    extra = " AND " if where else " WHERE "
    run = store.execute
    rows = _cached(store, ("places", where, *args, limit), lambda: run(
        "SELECT location, country, lat, lon, sum(n) AS n,"
        " max(n * 10 + coalesce(quad_class, 0)) % 10 AS quad FROM ("
        f"SELECT e.location, e.country, e.lat, e.lon, e.quad_class, count(*) AS n"
        f" FROM events e{where}{extra}e.lat IS NOT NULL AND e.lon IS NOT NULL"
        " GROUP BY e.location, e.country, e.lat, e.lon, e.quad_class)"
        " GROUP BY location, country, lat, lon ORDER BY n DESC, location LIMIT ?",
        (*args, _page(limit)),
    ))  # fmt: skip
    return [
        EventPlace(r["location"], r["country"], r["lat"], r["lon"], r["n"], r["quad"] or None)
        for r in rows
    ]


# -- actors ----------------------------------------------------------------------------
def find_actors(
    store: SQLiteStore, *, q: str | None = None, limit: int = 50, offset: int = 0
) -> ActorPage:
    """Actors by the events they take part in, then the articles naming them (from the
    actor dictionary kept at ingest); ``q`` is a part of a name, an alias or an id."""
    where, args = " WHERE (x.articles > 0 OR x.events > 0)", []
    if q:
        pattern = f"%{_like(q)}%"
        where += (
            " AND (x.actor_id = ? OR x.name LIKE ? ESCAPE '\\' OR x.aliases LIKE ? ESCAPE '\\')"
        )
        args = [q, pattern, pattern]
    rows = store.execute(
        "SELECT x.actor_id AS id, x.articles, x.events FROM actor_dictionary x"
        f"{where} ORDER BY x.events DESC, x.articles DESC, x.actor_id LIMIT ? OFFSET ?",
        (*args, _page(limit) + 1, offset),
    )
    items = _actor_items(store, [(r["id"], r["articles"], r["events"]) for r in rows[:limit]])
    return ActorPage(limit=limit, offset=offset, has_more=len(rows) > limit, items=items)


def _actor_items(store: SQLiteStore, counts: list[tuple[str, int, int]]) -> list[ActorListItem]:
    names = _identities(store, [c[0] for c in counts])
    out = []
    for actor_id, articles, events in counts:
        name, kind, country, sector, _title = names.get(actor_id, (actor_id, "", None, None, None))
        out.append(ActorListItem(actor_id, name, kind, country, sector, articles, events))
    return out


def _identities(
    store: SQLiteStore, ids: Iterable[str]
) -> dict[str, tuple[str, str, str | None, str | None, str | None]]:
    """For each actor id: the name, kind, country, sector and title the store knows it by."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, tuple[str, str, str | None, str | None, str | None]] = {}
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        for r in store.execute(
            "SELECT actor_id, name, kind, country, sector, title FROM actor_dictionary"
            f" WHERE actor_id IN ({marks})",
            tuple(part),
        ):
            out[r["actor_id"]] = (r["name"], r["kind"], r["country"], r["sector"], r["title"])
    return out


def actor_detail(store: SQLiteStore, actor_id: str, *, limit: int = 50) -> ActorDetail | None:
    """One actor by id, or None when no article names it."""
    found = store.execute("SELECT * FROM actor_dictionary WHERE actor_id = ?", (actor_id,))
    if not found or (found[0]["articles"] <= 0 and found[0]["events"] <= 0):
        return None
    d = found[0]
    aliases = {str(a) for a in json.loads(d["aliases"] or "[]")}
    aliases.discard(d["name"])
    run = store.execute
    timeline = [
        ActorEventCount(r["day"], r["role"], r["quad_class"], r["n"])
        for r in _cached(store, ("actor-timeline", actor_id), lambda: run(
            "SELECT e.day_start AS day, ea.role, e.quad_class, count(*) AS n FROM event_actors ea"
            " JOIN events e ON e.article_id = ea.article_id AND e.event_id = ea.event_id"
            " WHERE ea.actor_id = ? AND e.negated = 0 AND e.day_start IS NOT NULL"
            " GROUP BY day, ea.role, e.quad_class ORDER BY day, ea.role, e.quad_class",
            (actor_id,),
        ))
    ]  # fmt: skip
    return ActorDetail(
        id=actor_id,
        name=d["name"],
        kind=d["kind"],
        country=d["country"],
        sector=d["sector"],
        title=d["title"],
        aliases=sorted(aliases),
        articles=int(d["articles"]),
        events_as_source=int(d["as_source"]),
        events_as_target=int(d["as_target"]),
        timeline=timeline,
        counterparts=_cached(
            store,
            ("counterparts", actor_id, limit),
            lambda: _counterparts(store, actor_id, limit=limit),
        ),
        quotes=_quotes(store, "q.speaker_actor = ?", [actor_id], limit=limit, offset=0),
        recent_events=find_events(store, EventFilter(actor=actor_id, limit=limit)).items,
    )


def _counterparts(store: SQLiteStore, actor_id: str, *, limit: int) -> list[Counterpart]:
    rows = store.execute(
        "SELECT o.actor_id AS id, coalesce(o.country, x.country) AS country,"
        " sum(me.role = 'target') AS as_source, sum(me.role = 'source') AS as_target,"
        " sum(e.quad_class IN (1, 2)) AS coop, sum(e.quad_class IN (3, 4)) AS conflict,"
        " count(*) AS n"
        " FROM event_actors me"
        " JOIN event_actors o ON o.article_id = me.article_id AND o.event_id = me.event_id"
        "  AND o.role != me.role AND o.actor_id != me.actor_id"
        " JOIN events e ON e.article_id = me.article_id AND e.event_id = me.event_id"
        " LEFT JOIN actors x ON x.article_id = o.article_id AND x.actor_id = o.actor_id"
        " WHERE me.actor_id = ? AND e.negated = 0"
        " GROUP BY o.actor_id ORDER BY n DESC, o.actor_id LIMIT ?",
        (actor_id, _page(limit)),
    )
    names = _identities(store, [r["id"] for r in rows])
    return [
        Counterpart(
            id=r["id"],
            name=names[r["id"]][0] if r["id"] in names else None,
            country=r["country"],
            as_source=int(r["as_source"]),
            as_target=int(r["as_target"]),
            cooperation=int(r["coop"]),
            conflict=int(r["conflict"]),
        )
        for r in rows
    ]


# -- quotes ----------------------------------------------------------------------------
def find_quotes(
    store: SQLiteStore,
    *,
    speaker: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> QuotePage:
    """Quotes, newest first; ``speaker`` matches the speaker's words, actor id or names."""
    where: list[str] = []
    args: list[object] = []
    if speaker:
        pattern = f"%{_like(speaker)}%"
        where.append(
            "(q.speaker LIKE ? ESCAPE '\\' OR q.speaker_actor = ? OR x.name LIKE ? ESCAPE '\\'"
            " OR x.aliases LIKE ? ESCAPE '\\')"
        )
        args += [pattern, speaker, pattern, pattern]
    if q:
        where.append("q.text LIKE ? ESCAPE '\\'")
        args.append(f"%{_like(q)}%")
    items = _quotes(store, " AND ".join(where), args, limit=limit + 1, offset=offset)
    return QuotePage(limit=limit, offset=offset, has_more=len(items) > limit, items=items[:limit])


def _quotes(
    store: SQLiteStore, where: str, args: list[object], *, limit: int, offset: int
) -> list[QuoteRecord]:
    # Articles drive the join (CROSS JOIN keeps them the outer loop), newest first from
    # their publication index, so a page reads its own rows and sorts nothing.
    # Filtered, the quotes' indexes find the few rows first, and those are sorted.
    join = "CROSS JOIN" if not where else "JOIN"
    rows = store.execute(
        "SELECT q.article_id, q.n, a.headline, a.published, q.speaker, q.speaker_actor, q.text,"
        f' q.start, q."end", q.partial FROM articles a {join} quotes q ON q.article_id = a.id'
        " LEFT JOIN actors x ON x.article_id = q.article_id AND x.actor_id = q.speaker_actor"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY a.published DESC, a.rowid DESC, q.n LIMIT ? OFFSET ?",
        (*args, _page(limit), offset),
    )
    return [
        QuoteRecord(
            r["article_id"],
            r["n"],
            r["headline"],
            r["published"],
            r["speaker"],
            r["speaker_actor"],
            r["text"],
            r["start"],
            r["end"],
            bool(r["partial"]),
        )
        for r in rows
    ]


# -- overview --------------------------------------------------------------------------
def stats(store: SQLiteStore, *, top: int = 10, latest: int = 10) -> Stats:
    """Counts, events per day, the most active actors, agencies and the latest articles:
    from the aggregates kept at ingest, and cached until the store changes."""

    def compute() -> tuple[tuple[object, ...], dict[str, int]]:
        counts = store.execute(
            "SELECT (SELECT count(*) FROM articles),"
            " (SELECT count(*) FROM actor_dictionary WHERE articles > 0),"
            " (SELECT count(*) FROM quotes),"
            " (SELECT coalesce(sum(events), 0) FROM agg_days WHERE negated = 0),"
            " (SELECT coalesce(sum(events), 0) FROM agg_days WHERE negated != 0),"
            " (SELECT min(published) FROM articles), (SELECT max(published) FROM articles)"
        )[0]
        agencies = {
            r["agency"]: r["n"]
            for r in store.execute(
                "SELECT agency, count(*) AS n FROM article_agencies GROUP BY agency"
                " ORDER BY n DESC, agency LIMIT 20"
            )
        }
        return tuple(counts), agencies

    counts, agencies = _cached(store, ("stats",), compute)
    return Stats(
        articles=int(counts[0]),  # type: ignore[call-overload]
        actors=int(counts[1]),  # type: ignore[call-overload]
        quotes=int(counts[2]),  # type: ignore[call-overload]
        events=int(counts[3]),  # type: ignore[call-overload]
        negated_events=int(counts[4]),  # type: ignore[call-overload]
        first_day=counts[5],  # type: ignore[arg-type]
        last_day=counts[6],  # type: ignore[arg-type]
        events_per_day=event_timeline(store, EventFilter()),
        most_active=find_actors(store, limit=top).items,
        agencies=dict(agencies),
        latest=store.find(ArticleQuery(limit=latest)),
    )


def network(
    store: SQLiteStore,
    *,
    by: str = "actor",
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    limit: int = 100,
    min_events: int = 1,
    focus: str | None = None,
) -> Network:
    """Who acts on whom (``by="actor"``) or which country on which (``by="country"``): the
    ``limit`` busiest directed edges of at least ``min_events`` events, with counts by quad
    class; negated events left out. ``focus``: only the edges touching this actor id (or
    country code). Read from the per-day dyad counts kept at ingest."""
    if by not in ("actor", "country"):
        raise ValueError(f"by must be 'actor' or 'country', not {by!r}")
    low, high = EventFilter(since=since, until=until).window
    src, tgt = ("source", "target") if by == "actor" else ("source_country", "target_country")
    where = [f"g.{src} != ''", f"g.{tgt} != ''", f"g.{src} != g.{tgt}", "g.events > 0"]
    args: list[object] = []
    if low:
        where.append("g.day >= ?")
        args.append(low)
    if high:
        # A dyad-day row holds the range start only; events of a longer range that starts
        # inside the window count, which the window's last day makes rare.
        where.append("g.day <= ? AND g.day != ''")
        args.append(high)
    if type:
        where.append("g.type = ?")
        args.append(type)
    if focus:
        where.append(f"(g.{src} = ? OR g.{tgt} = ?)")
        args += [focus, focus]
    run = store.execute
    rows = _cached(store, ("network", by, *where, *args, min_events, limit), lambda: run(
        f"SELECT g.{src} AS src, g.{tgt} AS tgt, sum(g.events) AS n,"
        " sum(g.events * (g.quad_class = 1)) AS q1, sum(g.events * (g.quad_class = 2)) AS q2,"
        " sum(g.events * (g.quad_class = 3)) AS q3, sum(g.events * (g.quad_class = 4)) AS q4"
        f" FROM agg_dyads g WHERE {' AND '.join(where)} GROUP BY src, tgt HAVING n >= ?"
        " ORDER BY n DESC, src, tgt LIMIT ?",
        (*args, max(1, min_events), _page(limit)),
    ))  # fmt: skip
    edges = [
        NetworkEdge(r["src"], r["tgt"], r["n"], r["q1"], r["q2"], r["q3"], r["q4"]) for r in rows
    ]
    weight: dict[str, int] = {}
    for e in edges:
        weight[e.source] = weight.get(e.source, 0) + e.events
        weight[e.target] = weight.get(e.target, 0) + e.events
    if by == "actor":
        names = _identities(store, weight)
        nodes = [
            NetworkNode(
                n,
                names[n][0] if n in names else None,
                names[n][2] if n in names else None,
                w,
            )
            for n, w in weight.items()
        ]
    else:
        nodes = [NetworkNode(n, n, n, w) for n, w in weight.items()]
    nodes.sort(key=lambda n: (-n.events, n.id))
    return Network(by=by, nodes=nodes, edges=edges)


# -- search ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article that matches a search, ranked (bm25; lower is better), with a snippet
    of its body: ``snippet`` as plain text, ``snippet_html`` escaped with hits in <mark>."""

    id: str
    headline: str | None
    published: str | None
    agencies: tuple[str, ...]
    rank: float
    snippet: str
    snippet_html: str


@dataclass(frozen=True, slots=True)
class SearchPage:
    """A page of search hits and how many articles match in all."""

    q: str
    total: int
    limit: int
    offset: int
    items: list[SearchHit]


def search_articles(
    store: SQLiteStore,
    q: str,
    *,
    since: str | None = None,
    until: str | None = None,
    agency: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> SearchPage:
    """Articles matching a search (see :mod:`eventwire.search` for the language), best
    first. Raises :class:`~eventwire.search.QueryError` when ``q`` does not parse."""
    match = fts_query(q)
    where, args = ["articles_fts MATCH ?"], [match]
    if since:
        where.append("a.published >= ?")
        args.append(since)
    if until:
        where.append("a.published <= ?")
        args.append(until)
    if agency:
        where.append("a.id IN (SELECT article_id FROM article_agencies WHERE agency = ?)")
        args.append(agency.upper())
    clause = " AND ".join(where)
    base = "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
    total = _cached_count(store, f"SELECT count(*) {base} WHERE {clause}", tuple(args))
    rows = store.execute(
        f"SELECT a.id, a.headline, a.published, bm25(articles_fts, 4.0, 1.0) AS rank,"
        f" snippet(articles_fts, 1, ?, ?, '…', 24) AS snip {base} WHERE {clause}"
        " ORDER BY rank, a.published DESC LIMIT ? OFFSET ?",
        (HIT_OPEN, HIT_CLOSE, *args, _page(limit), offset),
    )
    agencies = _agencies(store, [r["id"] for r in rows])
    items = [
        SearchHit(
            id=r["id"],
            headline=r["headline"],
            published=r["published"],
            agencies=agencies.get(r["id"], ()),
            rank=float(r["rank"]),
            snippet=r["snip"].replace(HIT_OPEN, "").replace(HIT_CLOSE, ""),
            snippet_html=str(highlight(r["snip"])),
        )
        for r in rows
    ]
    return SearchPage(q=q, total=total, limit=limit, offset=offset, items=items)


def _agencies(store: SQLiteStore, ids: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for r in store.execute(
            f"SELECT article_id, agency FROM article_agencies WHERE article_id IN ({marks})"
            " ORDER BY agency",
            tuple(ids),
        ):
            out.setdefault(r[0], []).append(r[1])
    return {k: tuple(v) for k, v in out.items()}


def count_articles(store: SQLiteStore, query: ArticleQuery) -> int:
    """How many stored articles an article listing's filter matches (paging aside)."""
    where, args = [], []
    if query.q:
        where.append("rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(fts_query(query.q))
    if query.since:
        where.append("published >= ?")
        args.append(query.since)
    if query.until:
        where.append("published <= ?")
        args.append(query.until)
    if query.agency:
        where.append("id IN (SELECT article_id FROM article_agencies WHERE agency = ?)")
        args.append(query.agency.upper())
    sql = "SELECT count(*) FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
    return _cached_count(store, sql, tuple(args))


# -- helpers ---------------------------------------------------------------------------
# Results of whole-store reads (counts, the overview), kept until the store changes: the
# key holds SQLite's data_version (moved by other connections' commits) and this
# connection's total_changes(), so a write anywhere invalidates it.
_CACHE: OrderedDict[tuple[object, ...], object] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 256


def _cached(store: SQLiteStore, key: tuple[object, ...], compute: Callable[[], T]) -> T:
    version = tuple(store.execute("SELECT total_changes()")[0]) + tuple(
        store.execute("PRAGMA data_version")[0]
    )
    full = (id(store), store.path, version, *key)
    with _CACHE_LOCK:
        if full in _CACHE:
            _CACHE.move_to_end(full)
            return _CACHE[full]  # type: ignore[return-value]
    value = compute()
    with _CACHE_LOCK:
        _CACHE[full] = value
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def _cached_count(store: SQLiteStore, sql: str, args: tuple[object, ...]) -> int:
    return _cached(store, (sql, args), lambda: int(store.execute(sql, args)[0][0]))


def _page(limit: int) -> int:
    """A page size, refused past MAX_PAGE (+1 for the look-ahead row) rather than cut
    silently: whole results come from iter_events or the Python API's Results."""
    if limit > MAX_PAGE + 1:
        raise ValueError(f"limit: at most {MAX_PAGE} rows a page (iterate for more)")
    return max(0, limit)


def _like(text: str) -> str:
    """``text`` for a LIKE pattern, its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
