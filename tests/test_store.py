"""The SQLite store: migrations, idempotent writes, round trips, atomic batches."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import Actor, Article, Discard, Image, Quote, SourceRef, Timex, article_id
from eventwire.service import ingest
from eventwire.store import ArticleQuery, SQLiteStore, open_store

from .conftest import EXAMPLES

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    headline = draw(st.none() | TEXT)
    body = draw(TEXT)
    return Article(
        id=article_id(headline, body),
        source=SourceRef(uri=draw(TEXT), id=draw(st.none() | TEXT), start=0, end=len(body)),
        headline=headline,
        published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        agencies=tuple(sorted(set(draw(st.lists(st.sampled_from(["AFP", "AP", "REUTERS"])))))),
        images=tuple(
            draw(st.lists(st.builds(Image, TEXT, st.none() | TEXT, st.none()), max_size=2))
        ),
        body=body,
        discarded=tuple(draw(st.lists(st.builds(Discard, TEXT, st.just("noise")), max_size=2))),
        actors=(Actor(id="a1", name="Jane Roe", kind="person", country="FRA", aliases=("Roe",)),),
        quotes=(Quote(text="hi", start=0, end=2, speaker="Roe", speaker_actor="a1"),),
        timexes=(Timex(text="on Monday", start=0, end=9, value="2026-02-09"),),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(articles(), max_size=5))
def test_round_trip_and_idempotence(batch: list[Article]) -> None:
    with SQLiteStore(":memory:") as store:
        first = store.put_all(batch)
        unique: dict[str, Article] = {}
        for a in batch:
            unique.setdefault(a.id, a)  # the first write of an id wins
        assert first.added == len(unique)
        assert first.skipped == len(batch) - len(unique)
        again = store.put_all(batch)
        assert (again.added, again.skipped) == (0, len(batch))
        assert store.count() == len(unique)
        for a in unique.values():
            assert store.get(a.id) == a


def test_migrations_are_recorded_and_rerun_safely(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with open_store(db) as store:
        version = store.schema_version
        assert version >= 1
    with open_store(db) as store:
        assert store.schema_version == version
    mode = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_ingest_twice_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    with open_store(db) as store:
        first = ingest([str(EXAMPLES)], store)
        assert first.added >= 6 and first.skipped == 0
        second = ingest([str(EXAMPLES)], store)
        assert second.added == 0 and second.skipped == first.added
        assert store.count() == first.added


def test_failed_batch_stores_nothing_and_keeps_what_was_there(tmp_path: Path) -> None:
    with open_store(tmp_path / "f.db") as store:
        ingest([str(EXAMPLES)], store)
        before = store.count()

        def exploding() -> object:
            yield from store.all_articles()  # already stored: would be skipped
            yield Article(id="new0000000000000", source=SourceRef("mem"), body="new")
            raise RuntimeError("disk on fire")

        with pytest.raises(RuntimeError):
            store.put_all(exploding())  # type: ignore[arg-type]
        assert store.count() == before
        assert store.get("new0000000000000") is None


def test_find_search_filters(tmp_path: Path) -> None:
    with open_store(tmp_path / "g.db") as store:
        ingest([str(EXAMPLES)], store)
        everything = store.find(ArticleQuery(limit=100))
        assert len(everything) == store.count()
        assert [r.published for r in everything] == sorted(
            (r.published for r in everything), key=lambda p: p or "", reverse=True
        )
        afp = store.find(ArticleQuery(agency="afp", limit=100))
        assert afp and all("AFP" in r.agencies for r in afp)
        hits = store.find(ArticleQuery(q="sanctions", limit=100))
        assert hits and all(r.id in {e.id for e in everything} for r in hits)
        assert store.find(ArticleQuery(q='") OR body MATCH ("', limit=5)) == []
        dated = store.find(ArticleQuery(since="2026-03-05", limit=100))
        assert dated and all((r.published or "") >= "2026-03-05" for r in dated)


def test_replace_updates_changed_records_only(tmp_path: Path) -> None:
    from dataclasses import replace

    with open_store(tmp_path / "r.db") as store:
        first = ingest([str(EXAMPLES)], store)
        same = ingest([str(EXAMPLES)], store, replace=True)
        assert (same.added, same.replaced, same.skipped) == (0, 0, first.added)
        old = next(store.all_articles())
        changed = replace(old, stages=(*old.stages, "newstage.v2"), actors=old.actors[:1])
        result = store.put_all([changed], replace=True)
        assert (result.added, result.replaced, result.skipped) == (0, 1, 0)
        assert store.get(old.id) == changed
        assert store.count() == first.added
        actors = store.execute("SELECT count(*) FROM actors WHERE article_id = ?", (old.id,))
        assert actors[0][0] == 1  # the index tables follow the new record
        word = old.body.split()[3].strip(".,\"'")
        hits = [r.id for r in store.find(ArticleQuery(q=word, limit=100))]
        assert hits.count(old.id) == 1  # full-text search too, once
