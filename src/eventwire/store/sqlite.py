"""The embedded store: SQLite in WAL mode, migrated on open, one writer.

>>> store = SQLiteStore(":memory:")
>>> store.count()
0
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.model import Article, from_record, to_record
from eventwire.search import fts_query
from eventwire.store.base import (
    ActorSummary,
    ArticleQuery,
    ArticleSummary,
    PutResult,
    QuoteRow,
)
from eventwire.stories import StoryIndex, StoryParams, StoryReader

__all__ = ["SQLiteStore"]


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("eventwire.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql"):
            out.append((int(name.split("_", 1)[0]), entry.read_text("utf-8")))
    return sorted(out)


class SQLiteStore:
    """Articles in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path, *, story_params: StoryParams | None = None) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open the database: {err}") from err
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        self._migrate()
        # copies, stories and event instances, placed as articles are stored
        self.story_index = StoryIndex(self._db, story_params)
        self.stories = StoryReader(self._db)

    # -- schema ---------------------------------------------------------------------
    def _migrate(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        for number, sql in _migrations():
            if number <= version:
                continue
            try:
                self._db.execute("BEGIN IMMEDIATE")
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number:d}")
                self._db.execute("COMMIT")
            except sqlite3.Error as err:
                self._db.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration {number} failed: {err}") from err

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- writes ---------------------------------------------------------------------
    def put_all(self, articles: Iterable[Article], *, replace: bool = False) -> PutResult:
        """Store new articles in one transaction; articles already stored are skipped.

        With ``replace`` (after a pipeline upgrade), a stored article whose record differs
        from the new one, its source aside, is replaced with everything found in it.
        """
        added = skipped = replaced = 0
        batch = list(articles)
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for article in batch:
                if replace and self._stale(article):
                    self._db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                    self._insert(article)
                    replaced += 1
                elif self._insert(article):
                    added += 1
                else:
                    skipped += 1
            # in the same transaction, in input order: the one writer places every article
            self.story_index.add(batch)
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        return PutResult(added=added, skipped=skipped, replaced=replaced)

    def _stale(self, a: Article) -> bool:
        """True when ``a`` is stored with a different record (its source aside)."""
        row = self._db.execute("SELECT record FROM articles WHERE id = ?", (a.id,)).fetchone()
        if row is None:
            return False
        stored = json.loads(row[0])
        new = to_record(a)
        stored.pop("source", None)
        new.pop("source", None)
        return bool(stored != new)

    def _insert(self, a: Article) -> bool:
        record = to_record(a)
        cur = self._db.execute(
            "INSERT OR IGNORE INTO articles (id, uri, source_id, url, headline, published,"
            " published_basis, language, byline, dateline, body, stages, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                a.source.uri,
                a.source.id,
                a.source.url,
                a.headline,
                a.published,
                a.published_basis,
                a.language,
                a.byline,
                a.dateline,
                a.body,
                json.dumps(list(a.stages)),
                json.dumps(record, ensure_ascii=False),
            ),
        )
        if cur.rowcount == 0:
            return False
        db = self._db
        db.executemany(
            "INSERT INTO article_agencies VALUES (?, ?)", [(a.id, ag) for ag in set(a.agencies)]
        )
        db.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (a.id, x.id, x.name, x.kind, x.country, x.sector, x.title, json.dumps(x.aliases))
                for x in a.actors
            ],
        )
        db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (a.id, n, q.text, q.speaker, q.speaker_actor, q.cue, q.start, q.end, q.partial)
                for n, q in enumerate(a.quotes)
            ],
        )
        db.executemany(
            "INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, n, t.text, t.value, t.start, t.end) for n, t in enumerate(a.timexes)],
        )
        countries = {x.id: x.country for x in a.actors}
        for e in a.events:
            loc = e.location
            # Named columns: later migrations add columns (the date's range is filled by
            # a trigger of migration 010).
            db.execute(
                "INSERT INTO events (article_id, event_id, type, mode, cameo, quad_class,"
                " intensity, date, location, country, lat, lon, negated, hedged, trigger,"
                ' start, "end", coder, date_precision, sentence, context, date_basis)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.id, e.id, e.type, e.mode, e.cameo, e.quad_class, e.intensity, e.date,
                    loc.name if loc else None, loc.country if loc else None,
                    loc.lat if loc else None, loc.lon if loc else None,
                    e.negated, e.hedged, e.trigger, e.start, e.end, e.coder,
                    e.date_precision, e.sentence, e.context, e.date_basis,
                ),
            )  # fmt: skip
            db.executemany(
                "INSERT OR IGNORE INTO event_actors VALUES (?, ?, ?, ?, ?)",
                [(a.id, e.id, "source", x, countries.get(x)) for x in e.source]
                + [(a.id, e.id, "target", x, countries.get(x)) for x in e.target],
            )
        return True

    # -- reads ----------------------------------------------------------------------
    def get(self, article_id: str) -> Article | None:
        """The article with this id, or with an id starting with it when that is unique."""
        rows = self._db.execute(
            "SELECT record FROM articles WHERE id = ? OR id LIKE ? || '%' LIMIT 2",
            (article_id, article_id),
        ).fetchall()
        if len(rows) != 1:
            exact = [r for r in rows if json.loads(r[0])["id"] == article_id]
            if len(exact) != 1:
                return None
            rows = exact
        return from_record(json.loads(rows[0][0]))

    def find(self, query: ArticleQuery) -> list[ArticleSummary]:
        where, args = [], []
        if query.q:
            where.append("rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            args.append(fts_query(query.q))  # QueryError when malformed
        if query.since:
            where.append("published >= ?")
            args.append(query.since)
        if query.until:
            where.append("published <= ?")
            args.append(query.until)
        if query.agency:
            where.append("id IN (SELECT article_id FROM article_agencies WHERE agency = ?)")
            args.append(query.agency.upper())
        sql = "SELECT id, headline, published, uri, body FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        # Newest first, the latest stored first within a day: both from the index's order.
        sql += " ORDER BY published DESC, rowid DESC LIMIT ? OFFSET ?"
        rows = self._db.execute(sql, (*args, query.limit, query.offset)).fetchall()
        agencies = self._agencies([r["id"] for r in rows])
        return [
            ArticleSummary(
                id=r["id"],
                headline=r["headline"],
                published=r["published"],
                agencies=agencies.get(r["id"], ()),
                uri=r["uri"],
                paragraphs=len([p for p in r["body"].split("\n\n") if p.strip()]),
            )
            for r in rows
        ]

    def _agencies(self, ids: list[str]) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            for r in self._db.execute(
                f"SELECT article_id, agency FROM article_agencies WHERE article_id IN ({marks})"
                " ORDER BY agency",
                part,
            ):
                out.setdefault(r[0], []).append(r[1])
        return {k: tuple(v) for k, v in out.items()}

    def all_articles(self) -> Iterator[Article]:
        """Every stored article, oldest ingest first, streamed."""
        cur = self._db.execute("SELECT record FROM articles ORDER BY rowid")
        for (record,) in cur:
            yield from_record(json.loads(record))

    def actors(self, *, name: str | None = None, limit: int = 50) -> list[ActorSummary]:
        """Actors by the number of articles that mention them (``name``: a part of it)."""
        sql = (
            "SELECT name, kind, country, sector, max(title) AS title,"
            " count(DISTINCT article_id) AS n FROM actors"
        )
        args: list[object] = []
        if name:
            sql += " WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'"
            args += [f"%{_like(name)}%"] * 2
        sql += " GROUP BY name, kind, country, sector ORDER BY n DESC, name LIMIT ?"
        rows = self._db.execute(sql, (*args, limit)).fetchall()
        return [
            ActorSummary(r["name"], r["kind"], r["country"], r["sector"], r["title"], r["n"])
            for r in rows
        ]

    def quotes(
        self, *, speaker: str | None = None, q: str | None = None, limit: int = 50
    ) -> list[QuoteRow]:
        """Quotes, newest first; ``speaker`` matches the speaker or its actor's names."""
        sql = (
            "SELECT q.article_id, a.headline, a.published, q.speaker, q.text, q.partial"
            " FROM quotes q JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN actors x ON x.article_id = q.article_id AND x.actor_id = q.speaker_actor"
        )
        where, args = [], []
        if speaker:
            pattern = f"%{_like(speaker)}%"
            where.append(
                "(q.speaker LIKE ? ESCAPE '\\' OR x.name LIKE ? ESCAPE '\\'"
                " OR x.aliases LIKE ? ESCAPE '\\')"
            )
            args += [pattern] * 3
        if q:
            where.append("q.text LIKE ? ESCAPE '\\'")
            args.append(f"%{_like(q)}%")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, q.article_id, q.n LIMIT ?"
        rows = self._db.execute(sql, (*args, limit)).fetchall()
        return [QuoteRow(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def execute(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Run a read-only query (for the query layers built on this store)."""
        return self._db.execute(sql, args).fetchall()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _like(text: str) -> str:
    """``text`` for a LIKE pattern, its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (sqlite3 knows where a trigger body ends)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
