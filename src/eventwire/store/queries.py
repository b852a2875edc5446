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
from collections.abc import Iterable
from dataclasses import dataclass, field

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
    "Stats",
    "actor_detail",
    "event_places",
    "event_timeline",
    "find_actors",
    "find_events",
    "find_quotes",
    "network",
    "stats",
]

# The most rows one call returns: a page is for reading, an export is for `eventwire export`.
MAX_PAGE = 500

# PLOVER's sixteen event types (Schrodt, "PLOVER: Political Language Ontology for Verifiable
# Event Records", 2019), in the ontology's order from cooperation to conflict.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


# -- records ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor taking part in an event, named as in the article that reports it."""

    id: str
    name: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class EventRow:
    """One coded event with its participants, place and the article it comes from.

    ``day`` is the event's own date, else the article's publication date.
    """

    article_id: str
    event_id: str
    type: str
    mode: str | None
    cameo: str | None
    quad_class: int | None
    intensity: float | None
    date: str | None
    day: str | None
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
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events: ``actor`` is an actor id or a part of its name; ``country`` matches the
    event's place or any participant's country; negated events only when asked for."""

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    quad_class: int | None = None
    since: str | None = None
    until: str | None = None
    include_negated: bool = False
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class EventPage:
    """A page of events and how many match in all."""

    total: int
    limit: int
    offset: int
    items: list[EventRow]


@dataclass(frozen=True, slots=True)
class DayCount:
    """Events on one day in one quad class (None: not coded)."""

    day: str
    quad_class: int | None
    events: int


@dataclass(frozen=True, slots=True)
class EventPlace:
    """A place where events happened, with how many."""

    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int


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
_DAY = "coalesce(e.date, a.published)"
_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"


def _event_where(f: EventFilter) -> tuple[str, list[object]]:
    """The WHERE clause (fixed fragments) and its arguments for a filter."""
    where: list[str] = []
    args: list[object] = []
    if not f.include_negated:
        where.append("e.negated = 0")
    if f.type:
        where.append("e.type = ? COLLATE NOCASE")
        args.append(f.type)
    if f.quad_class is not None:
        where.append("e.quad_class = ?")
        args.append(f.quad_class)
    if f.since:
        where.append(f"{_DAY} >= ?")
        args.append(f.since)
    if f.until:
        where.append(f"{_DAY} <= ?")
        args.append(f.until)
    if f.country:
        # Country codes are stored upper case; comparing them as they are keeps the indexes.
        where.append(
            "(e.country = ? OR (e.article_id, e.event_id) IN"
            " (SELECT c.article_id, c.event_id FROM event_actors c WHERE c.country = ?))"
        )
        args += [f.country.upper(), f.country.upper()]
    if f.actor and _is_code(f.actor):
        # "RUS", "WST": the actor with that id, or any actor of that country or region
        where.append(
            "(e.article_id, e.event_id) IN (SELECT p.article_id, p.event_id FROM event_actors p"
            " WHERE p.actor_id = ? OR p.country = ?)"
        )
        args += [f.actor, f.actor]
    elif f.actor:
        # The actor ids named so, found once, rather than a name match per event.
        where.append(
            "(e.article_id, e.event_id) IN (SELECT p.article_id, p.event_id FROM event_actors p"
            " WHERE p.actor_id = ? OR p.actor_id IN"
            " (SELECT x.actor_id FROM actors x WHERE x.name LIKE ? ESCAPE '\\'))"
        )
        args += [f.actor, f"%{_like(f.actor)}%"]
    return (" WHERE " + " AND ".join(where)) if where else "", args


def _is_code(text: str) -> bool:
    """A country or region code as CAMEO writes them: three capitals ("RUS", "WST")."""
    return len(text) == 3 and text.isalpha() and text.isupper()


def find_events(store: SQLiteStore, f: EventFilter) -> EventPage:
    """A page of events, newest first, and the number matching the filter."""
    where, args = _event_where(f)
    # Only the dates need the article (its publication date stands in for a missing one).
    counted = _FROM if f.since or f.until else "FROM events e"
    total = store.execute(f"SELECT count(*) {counted}{where}", tuple(args))[0][0]
    # The page's keys first, then their details: the sentence is read from the article's
    # JSON record, which is worth doing for the rows shown only.
    rows = store.execute(
        f"WITH page AS (SELECT e.article_id, e.event_id, {_DAY} AS day, e.start {_FROM}{where}"
        f" ORDER BY day DESC, e.article_id, e.start LIMIT ? OFFSET ?)"
        " SELECT e.*, a.headline, a.published,"
        " (SELECT json_extract(j.value, '$.sentence') FROM json_each(a.record, '$.events') j"
        "  WHERE json_extract(j.value, '$.id') = e.event_id) AS sentence"
        " FROM page JOIN events e ON e.article_id = page.article_id"
        " AND e.event_id = page.event_id JOIN articles a ON a.id = e.article_id"
        " ORDER BY page.day DESC, page.article_id, page.start",
        (*args, _page(f.limit), f.offset),
    )
    return EventPage(
        total=int(total), limit=f.limit, offset=f.offset, items=_event_rows(store, rows)
    )


def _event_rows(store: SQLiteStore, rows: list[sqlite3.Row]) -> list[EventRow]:
    keys = [(r["article_id"], r["event_id"]) for r in rows]
    parts: dict[tuple[str, str], dict[str, list[ActorRef]]] = {}
    for chunk in range(0, len(keys), 200):
        part = keys[chunk : chunk + 200]
        marks = " OR ".join(["(ea.article_id = ? AND ea.event_id = ?)"] * len(part))
        flat = tuple(v for k in part for v in k)
        for p in store.execute(
            "SELECT ea.article_id, ea.event_id, ea.role, ea.actor_id, x.name,"
            " coalesce(ea.country, x.country) AS country FROM event_actors ea"
            " LEFT JOIN actors x ON x.article_id = ea.article_id AND x.actor_id = ea.actor_id"
            f" WHERE {marks} ORDER BY ea.rowid",
            flat,
        ):
            roles = parts.setdefault((p["article_id"], p["event_id"]), {})
            roles.setdefault(p["role"], []).append(ActorRef(p["actor_id"], p["name"], p["country"]))
    out = []
    for r in rows:
        roles = parts.get((r["article_id"], r["event_id"]), {})
        out.append(_event_row(r, roles))
    return out


def _event_row(r: sqlite3.Row, roles: dict[str, list[ActorRef]]) -> EventRow:
    return EventRow(
        article_id=r["article_id"],
        event_id=r["event_id"],
        type=r["type"],
        mode=r["mode"],
        cameo=r["cameo"],
        quad_class=r["quad_class"],
        intensity=r["intensity"],
        date=r["date"],
        day=r["date"] or r["published"],
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
        source=tuple(roles.get("source", ())),
        target=tuple(roles.get("target", ())),
    )


def event_timeline(store: SQLiteStore, f: EventFilter) -> list[DayCount]:
    """Events per day and quad class, over every event the filter matches (paging aside)."""
    where, args = _event_where(f)
    extra = " AND " if where else " WHERE "
    rows = store.execute(
        f"SELECT {_DAY} AS day, e.quad_class, count(*) AS n {_FROM}{where}{extra}{_DAY} IS NOT NULL"
        " GROUP BY day, e.quad_class ORDER BY day, e.quad_class",
        tuple(args),
    )
    return [DayCount(r["day"], r["quad_class"], r["n"]) for r in rows]


def event_places(store: SQLiteStore, f: EventFilter, *, limit: int = MAX_PAGE) -> list[EventPlace]:
    """The geocoded places of the matching events, the busiest first."""
    where, args = _event_where(f)
    extra = " AND " if where else " WHERE "
    rows = store.execute(
        f"SELECT e.location, e.country, e.lat, e.lon, count(*) AS n {_FROM}{where}{extra}"
        "e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY e.location, e.country, e.lat, e.lon"
        " ORDER BY n DESC, e.location LIMIT ?",
        (*args, _page(limit)),
    )
    return [EventPlace(r["location"], r["country"], r["lat"], r["lon"], r["n"]) for r in rows]


# -- actors ----------------------------------------------------------------------------
def find_actors(
    store: SQLiteStore, *, q: str | None = None, limit: int = 50, offset: int = 0
) -> ActorPage:
    """Actors by the events they take part in, then the articles naming them; ``q`` is a
    part of a name, an alias or an id."""
    where, args = "", []
    if q:
        pattern = f"%{_like(q)}%"
        where = " WHERE x.actor_id = ? OR x.name LIKE ? ESCAPE '\\' OR x.aliases LIKE ? ESCAPE '\\'"
        args = [q, pattern, pattern]
    rows = store.execute(
        "WITH ids AS (SELECT DISTINCT x.actor_id AS id FROM actors x" + where + "),"
        " arts AS (SELECT x.actor_id AS id, count(DISTINCT x.article_id) AS n FROM actors x"
        "  JOIN ids ON ids.id = x.actor_id GROUP BY x.actor_id),"
        " evs AS (SELECT ea.actor_id AS id, count(DISTINCT ea.article_id || ' ' || ea.event_id)"
        "  AS n FROM event_actors ea JOIN events e ON e.article_id = ea.article_id"
        "  AND e.event_id = ea.event_id AND e.negated = 0"
        "  JOIN ids ON ids.id = ea.actor_id GROUP BY ea.actor_id)"
        " SELECT arts.id, arts.n AS articles, coalesce(evs.n, 0) AS events FROM arts"
        " LEFT JOIN evs ON evs.id = arts.id ORDER BY events DESC, articles DESC, arts.id"
        " LIMIT ? OFFSET ?",
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
    """For each actor id: the name, kind, country, sector and title most articles give it."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, tuple[str, str, str | None, str | None, str | None]] = {}
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        for r in store.execute(
            "SELECT actor_id, name, kind, country, sector, max(title) AS title, count(*) AS n"
            f" FROM actors WHERE actor_id IN ({marks})"
            " GROUP BY actor_id, name, kind, country, sector ORDER BY actor_id, n DESC, name",
            tuple(part),
        ):
            out.setdefault(
                r["actor_id"], (r["name"], r["kind"], r["country"], r["sector"], r["title"])
            )
    return out


def actor_detail(store: SQLiteStore, actor_id: str, *, limit: int = 50) -> ActorDetail | None:
    """One actor by id, or None when no article names it."""
    names = _identities(store, [actor_id])
    if actor_id not in names:
        return None
    name, kind, country, sector, title = names[actor_id]
    aliases: set[str] = set()
    articles = 0
    for r in store.execute(
        "SELECT name, aliases, article_id FROM actors WHERE actor_id = ?", (actor_id,)
    ):
        articles += 1
        aliases.add(r["name"])
        aliases.update(str(a) for a in json.loads(r["aliases"] or "[]"))
    aliases.discard(name)
    timeline = [
        ActorEventCount(r["day"], r["role"], r["quad_class"], r["n"])
        for r in store.execute(
            f"SELECT {_DAY} AS day, ea.role, e.quad_class, count(*) AS n FROM event_actors ea"
            " JOIN events e ON e.article_id = ea.article_id AND e.event_id = ea.event_id"
            " JOIN articles a ON a.id = e.article_id"
            f" WHERE ea.actor_id = ? AND e.negated = 0 AND {_DAY} IS NOT NULL"
            " GROUP BY day, ea.role, e.quad_class ORDER BY day, ea.role, e.quad_class",
            (actor_id,),
        )
    ]
    roles = {
        r["role"]: r["n"]
        for r in store.execute(
            "SELECT ea.role, count(*) AS n FROM event_actors ea JOIN events e"
            " ON e.article_id = ea.article_id AND e.event_id = ea.event_id"
            " WHERE ea.actor_id = ? AND e.negated = 0 GROUP BY ea.role",
            (actor_id,),
        )
    }
    return ActorDetail(
        id=actor_id,
        name=name,
        kind=kind,
        country=country,
        sector=sector,
        title=title,
        aliases=sorted(aliases),
        articles=articles,
        events_as_source=int(roles.get("source", 0)),
        events_as_target=int(roles.get("target", 0)),
        timeline=timeline,
        counterparts=_counterparts(store, actor_id, limit=limit),
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
    rows = store.execute(
        "SELECT q.article_id, q.n, a.headline, a.published, q.speaker, q.speaker_actor, q.text,"
        ' q.start, q."end", q.partial FROM quotes q JOIN articles a ON a.id = q.article_id'
        " LEFT JOIN actors x ON x.article_id = q.article_id AND x.actor_id = q.speaker_actor"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY a.published DESC, q.article_id, q.n LIMIT ? OFFSET ?",
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
    """Counts, events per day, the most active actors, agencies and the latest articles."""
    counts = store.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT actor_id) FROM actors),"
        " (SELECT count(*) FROM quotes), (SELECT count(*) FROM events WHERE negated = 0),"
        " (SELECT count(*) FROM events WHERE negated != 0),"
        " (SELECT min(published) FROM articles), (SELECT max(published) FROM articles)"
    )[0]
    agencies = {
        r["agency"]: r["n"]
        for r in store.execute(
            "SELECT agency, count(*) AS n FROM article_agencies GROUP BY agency"
            " ORDER BY n DESC, agency LIMIT 20"
        )
    }
    return Stats(
        articles=counts[0],
        actors=counts[1],
        quotes=counts[2],
        events=counts[3],
        negated_events=counts[4],
        first_day=counts[5],
        last_day=counts[6],
        events_per_day=event_timeline(store, EventFilter()),
        most_active=find_actors(store, limit=top).items,
        agencies=agencies,
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
) -> Network:
    """Who acts on whom (``by="actor"``) or which country on which (``by="country"``): the
    ``limit`` busiest directed edges, with counts by quad class; negated events left out."""
    if by not in ("actor", "country"):
        raise ValueError(f"by must be 'actor' or 'country', not {by!r}")
    where, args = _event_where(EventFilter(since=since, until=until, type=type))
    key = "actor_id" if by == "actor" else "country"
    rows = store.execute(
        f"SELECT s.{key} AS src, t.{key} AS tgt, count(*) AS n,"
        " sum(e.quad_class = 1) AS q1, sum(e.quad_class = 2) AS q2,"
        " sum(e.quad_class = 3) AS q3, sum(e.quad_class = 4) AS q4"
        f" {_FROM}"
        " JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.event_id"
        "  AND s.role = 'source'"
        " JOIN event_actors t ON t.article_id = e.article_id AND t.event_id = e.event_id"
        "  AND t.role = 'target'"
        f"{where}{' AND ' if where else ' WHERE '}s.{key} IS NOT NULL AND t.{key} IS NOT NULL"
        f" AND s.{key} != t.{key} GROUP BY src, tgt ORDER BY n DESC, src, tgt LIMIT ?",
        (*args, _page(limit)),
    )
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


# -- helpers ---------------------------------------------------------------------------
def _page(limit: int) -> int:
    return max(0, min(limit, MAX_PAGE + 1))


def _like(text: str) -> str:
    """``text`` for a LIKE pattern, its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
