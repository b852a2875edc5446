"""The store for SQL users and for speed: dates as ranges in SQL and Python alike, the
aggregates the triggers keep (equal to recomputing them, after adds and replacements), the
views and the actor dictionary, Datasette finding the search index, and every route's
query using an index (EXPLAIN QUERY PLAN)."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.filters import EventFilter, date_range
from eventwire.model import Event
from eventwire.store import SQLiteStore, open_store
from eventwire.store import queries as Q

from .test_api import hand_made_articles


def _store() -> SQLiteStore:
    store = open_store(":memory:")
    store.put_all(hand_made_articles())
    return store


@pytest.mark.parametrize(
    "value",
    ["2026-02-09", "2026-02", "2024-02", "2025-12", "2025-W36", "2026-W01", "2020-W53", "2025"],
)
def test_sql_and_python_agree_on_the_range_of_a_date(value: str) -> None:
    a = hand_made_articles()[0]
    e = replace(a.events[0], id="dated", date=value)
    with open_store(":memory:") as store:
        store.put_all([replace(a, events=(e,))])
        (row,) = store.execute("SELECT day_start, day_end, date_precision FROM events")
    assert (row[0], row[1]) == date_range(value)
    assert row[2] == {10: "day", 7: "month", 4: "year", 8: "week"}[len(value)]


def _recomputed(store: SQLiteStore) -> dict[str, object]:
    days = store.execute(
        "SELECT coalesce(day_start, ''), coalesce(quad_class, 0), negated != 0, count(*)"
        " FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    )
    dyads = store.execute(
        "SELECT coalesce(e.day_start, ''), e.type, coalesce(e.quad_class, 0), s.actor_id,"
        " t.actor_id, count(*) FROM events e"
        " JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.event_id"
        " AND s.role = 'source' JOIN event_actors t ON t.article_id = e.article_id"
        " AND t.event_id = e.event_id AND t.role = 'target' WHERE e.negated = 0"
        " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
    )
    actors = store.execute(
        "SELECT x.actor_id, (SELECT count(*) FROM actors y WHERE y.actor_id = x.actor_id),"
        " (SELECT count(DISTINCT p.article_id || p.event_id) FROM event_actors p JOIN events e"
        "  ON e.article_id = p.article_id AND e.event_id = p.event_id AND e.negated = 0"
        "  WHERE p.actor_id = x.actor_id) FROM actor_dictionary x ORDER BY 1"
    )
    return {
        "days": [tuple(r) for r in days],
        "dyads": [tuple(r) for r in dyads],
        "actors": [tuple(r) for r in actors],
    }


def _kept(store: SQLiteStore) -> dict[str, object]:
    days = store.execute(
        "SELECT day, quad_class, negated, events FROM agg_days WHERE events > 0 ORDER BY 1, 2, 3"
    )
    dyads = store.execute(
        "SELECT day, type, quad_class, source, target, sum(events) FROM agg_dyads"
        " WHERE events > 0 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
    )
    actors = store.execute("SELECT actor_id, articles, events FROM actor_dictionary ORDER BY 1")
    return {
        "days": [tuple(r) for r in days],
        "dyads": [tuple(r) for r in dyads],
        "actors": [tuple(r) for r in actors],
    }


def test_aggregates_kept_at_ingest_equal_recomputing_them() -> None:
    with _store() as store:
        assert _kept(store) == _recomputed(store)
        assert _kept(store)["dyads"], "the hand-made articles have dyads"
        # A --reprocess replacing an article with other events: the counts follow.
        a = hand_made_articles()[0]
        changed = replace(
            a,
            events=(
                *a.events[1:],
                Event(
                    id="new", type="ASSAULT", source=a.events[0].target,
                    target=a.events[0].source, start=0, end=5, trigger="NAIRO",
                    sentence="s", coder="test", quad_class=4, date="2026-02",
                ),
            ),
        )  # fmt: skip
        assert store.put_all([changed], replace=True).replaced == 1
        assert _kept(store) == _recomputed(store)


def test_stats_network_and_actors_come_from_the_aggregates() -> None:
    with _store() as store:
        s = Q.stats(store)
        assert s.events == store.execute("SELECT count(*) FROM events WHERE negated = 0")[0][0]
        assert s.actors == store.execute("SELECT count(DISTINCT actor_id) FROM actors")[0][0]
        graph = Q.network(store, min_events=1)
        assert graph.edges and all(e.source != e.target for e in graph.edges)
        assert Q.network(store, min_events=1000).edges == []
        focus = graph.edges[0].source
        assert all(focus in (e.source, e.target) for e in Q.network(store, focus=focus).edges)


def test_views_and_the_actor_dictionary() -> None:
    with _store() as store:
        flat = store.execute("SELECT * FROM events_flat")
        assert len(flat) == store.execute("SELECT count(*) FROM events")[0][0]
        assert all(r["sentence"] for r in flat) and any(r["source_names"] for r in flat)
        assert store.execute("SELECT count(*) FROM dyad_days")[0][0] > 0
        ruto = store.execute("SELECT * FROM actor_dictionary WHERE actor_id = 'william-ruto'")
        assert ruto and ruto[0]["articles"] >= 1 and "William Ruto" in ruto[0]["aliases"]


# Each route's queries with a representative filter: none may scan a big table whole
# (SCAN of events, event_actors, articles or actors without an index).
ROUTE_FILTERS = [
    EventFilter(),
    EventFilter(actor="KEN"),
    EventFilter(source="police"),
    EventFilter(country="KEN", quad_class=4),
    EventFilter(type="ASSAULT", since="2026-02", until="2026-02"),
    EventFilter(include_negated=True, offset=5000),
    EventFilter(after="2026-03-01~100"),
]


def _plans(store: SQLiteStore, sql: str, args: tuple[object, ...]) -> list[str]:
    return [str(r[3]) for r in store.execute("EXPLAIN QUERY PLAN " + sql, args)]


@pytest.mark.parametrize("f", ROUTE_FILTERS, ids=lambda f: str(f.params() or "default"))
def test_event_queries_use_indexes(f: EventFilter) -> None:
    with _store() as store:
        plans = Q.explain_events(store, f)
    whole = [p for p in plans if p.startswith("SCAN") and "USING" not in p]
    assert not [p for p in whole if p.split()[1] in ("e", "events", "p", "c", "articles")], plans


def test_overview_queries_use_indexes() -> None:
    with _store() as store:
        for sql in (
            "SELECT x.actor_id FROM actor_dictionary x WHERE (x.articles > 0 OR x.events > 0)"
            " ORDER BY x.events DESC, x.articles DESC, x.actor_id LIMIT 50",
            "SELECT id FROM articles ORDER BY published DESC, rowid LIMIT 10",
        ):
            plans = _plans(store, sql, ())
            assert any("INDEX" in p for p in plans), (sql, plans)


def test_datasette_finds_the_search_box_and_the_flat_events_view(tmp_path: Path) -> None:
    datasette = pytest.importorskip("datasette.app")
    db = tmp_path / "eventwire.db"
    with open_store(db) as store:
        store.put_all(hand_made_articles())
    sqlite3.connect(db).close()

    async def pages() -> tuple[str, str, str]:
        ds = datasette.Datasette([str(db)])
        articles = await ds.client.get("/eventwire/articles")
        flat = await ds.client.get("/eventwire/events_flat")
        found = await ds.client.get("/eventwire/articles?_search=river")
        return articles.text, flat.text, found.text

    articles, flat, found = asyncio.run(pages())
    assert 'name="_search"' in articles  # Datasette detected the FTS table
    assert "source_names" in flat and "sentence" in flat
    assert "1 row" in found
