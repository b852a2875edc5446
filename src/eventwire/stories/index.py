"""The story index: copies, stories and event instances, kept in the store as articles arrive.

One article at a time, in the order they are stored (the store's one writer calls
:meth:`StoryIndex.add` in the transaction that stores a batch, so a serial run and a run
on Dask workers build the same stories):

1. **Copies.** The body's word 5-gram shingles get a MinHash signature (datasketch) cut
   into 32 LSH bands; articles sharing a band are found by index look-ups in
   ``minhash_bands`` and checked against their exact shingles. An article whose shingles
   are mostly (80 %) inside another's, or that holds most of another's, is its copy; when
   it adds a fifth or more of new text to it, it is a *version* (an update). Copies and
   versions point at the root of their family, the first one stored.
2. **Stories.** A copy joins its root's story. Any other article becomes a tf-idf vector
   (idf from the document frequencies the index keeps) of its words, names, years, actors,
   places and event types, and joins the story whose centroid it is closest to, among the
   stories sharing one of its heaviest terms and active within ``WINDOW_DAYS`` of its
   date, when that cosine passes ``STORY_THRESHOLD``; else it starts a story. A new story
   joins a *group* of related stories the same way (``GROUP_THRESHOLD``), and two groups
   merge when a grown story brings their centroids within ``GROUP_JOIN``.
3. **Event instances.** Each event of the article joins an instance of its story with the
   same type and compatible participants, date and place (for a copy: the instance its
   root's same sentence went to), else starts one; every mention is kept, and each
   instance counts its mentions, articles and sources (a copy counts its root's source:
   a reprint never adds a source).

datasketch's own ``MinHashLSH`` keeps its index in memory (or Redis/Cassandra): it would
have to be rebuilt from the store in every process, and could not be written in the
transaction that stores the article. A band table in the store is both, and a look-up is
32 B-tree probes, which grow with the log of the store.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.model import Article, Event
from eventwire.stories.features import (
    Vector,
    article_day,
    article_source,
    article_year,
    bands,
    cosine,
    norm,
    shingles,
    term_counts,
    top,
)

__all__ = [
    "COPY_CONTAINMENT",
    "GROUP_JOIN",
    "GROUP_THRESHOLD",
    "STORY_THRESHOLD",
    "VERSION_ADDS",
    "WINDOW_DAYS",
    "ArticleLinks",
    "Assignment",
    "Instance",
    "Mention",
    "StoryArticle",
    "StoryDetail",
    "StoryIndex",
    "StoryParams",
    "StoryReader",
    "StorySummary",
]

COPY_CONTAINMENT = 0.8
VERSION_ADDS = 0.2
# Set on the odd-numbered ECB+ topics (scripts/eval_stories.py --split odd), reported on both.
STORY_THRESHOLD = 0.15
GROUP_THRESHOLD = 0.08
GROUP_JOIN = 0.12  # two groups whose centroids are this close are one
WINDOW_DAYS = 7
YEAR_PENALTY = 0.5

# idf = log((N + prior) / (df + 0.5)): a store of three articles cannot tell a rare word
# from a common one, so its first articles are compared mostly on their counts
_IDF_PRIOR = 1
_VECTOR_TERMS = 200  # an article's vector: its heaviest terms
_CENTROID_TERMS = 200
_POSTED_TERMS = 60  # a centroid's terms in the postings
_QUERY_TERMS = 40  # an article's terms looked up in the postings
_CANDIDATES = 50
_POSTINGS_READ = 200
_BAND_CANDIDATES = 20
_LABEL_REVIEW = 50  # stories up to this size re-pick their most central headline


@dataclass(frozen=True, slots=True)
class StoryParams:
    """The index's thresholds (the evaluation script sweeps them)."""

    story: float = STORY_THRESHOLD
    group: float = GROUP_THRESHOLD
    group_join: float = GROUP_JOIN
    window_days: int = WINDOW_DAYS
    copy_containment: float = COPY_CONTAINMENT
    version_adds: float = VERSION_ADDS


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went: its story, its group, and the copy it duplicates."""

    article_id: str
    story_id: int
    group_id: int
    copy_of: str | None = None
    relation: str | None = None
    similarity: float = 0.0


class StoryIndex:
    """Copies, stories and event instances over one SQLite connection (the store's)."""

    def __init__(self, db: sqlite3.Connection, params: StoryParams | None = None) -> None:
        self._db = db
        self.params = params or StoryParams()

    # -- the one entry point ------------------------------------------------------------
    def add(self, articles: Iterable[Article]) -> list[Assignment]:
        """Place each article (in order); an article placed before keeps its story, and
        its event mentions are re-linked when its events changed (``--reprocess``)."""
        out = []
        for article in articles:
            row = self._db.execute(
                "SELECT story_id FROM story_articles WHERE article_id = ?", (article.id,)
            ).fetchone()
            if row is not None:
                self._relink_if_changed(article, int(row[0]))
                continue
            out.append(self._place(article))
        return out

    def _place(self, article: Article) -> Assignment:
        grams = shingles(article.body)
        keys = bands(grams) if grams else []
        copy = self._find_copy(article, grams, keys)
        self._db.executemany(
            "INSERT OR IGNORE INTO minhash_bands VALUES (?, ?, ?)",
            [(n, key, article.id) for n, key in enumerate(keys)],
        )
        day = article_day(article)
        source = article_source(article)
        if copy is not None:
            root, relation, similarity = copy
            self._db.execute(
                "INSERT OR REPLACE INTO article_copies VALUES (?, ?, ?, ?)",
                (article.id, root, relation, similarity),
            )
            story_id = self._story_of(root)
        else:
            story_id = None
        vector = self._vector(article, count=copy is None)
        if story_id is None:
            story_id, similarity = self._best_story(vector, day, article_year(article))
        else:
            similarity = copy[2] if copy else 0.0
        if story_id is None:
            story_id = self._new_story(vector, day, article_year(article))
            similarity = 1.0
        elif copy is None:
            self._grow_story(story_id, vector, day)
            self._db.execute(
                "UPDATE stories SET year = coalesce(year, ?) WHERE id = ?",
                (article_year(article), story_id),
            )
        else:
            self._stretch_story(story_id, day)
        self._db.execute(
            "INSERT INTO story_articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                story_id,
                similarity,
                source,
                day,
                article.headline,
                json.dumps(vector),
            ),
        )
        self._relabel(story_id, article, vector)
        root_source = self._source_of(copy[0]) if copy else source
        self._link_events(article, story_id, root_source, copy[0] if copy else None)
        group = self._db.execute("SELECT group_id FROM stories WHERE id = ?", (story_id,))
        return Assignment(
            article.id,
            story_id,
            int(group.fetchone()[0]),
            copy[0] if copy else None,
            copy[1] if copy else None,
            round(similarity, 4),
        )

    # -- copies ---------------------------------------------------------------------------
    def _find_copy(
        self, article: Article, grams: set[str], keys: Sequence[int]
    ) -> tuple[str, str, float] | None:
        """(root, relation, similarity) of the stored article this one copies, if any."""
        if len(grams) < 3:
            return None
        hits: dict[str, int] = {}
        for n, key in enumerate(keys):
            for (other,) in self._db.execute(
                "SELECT article_id FROM minhash_bands WHERE band = ? AND bucket = ? LIMIT 200",
                (n, key),
            ):
                if other != article.id:
                    hits[other] = hits.get(other, 0) + 1
        best: tuple[float, float, str] | None = None
        for other, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:_BAND_CANDIDATES]:
            row = self._db.execute("SELECT body FROM articles WHERE id = ?", (other,)).fetchone()
            if row is None:
                continue
            theirs = shingles(row[0])
            both = len(grams & theirs)
            if not theirs or not both:
                continue
            containment = both / min(len(grams), len(theirs))
            if containment < self.params.copy_containment:
                continue
            jaccard = both / len(grams | theirs)
            if best is None or (containment, jaccard) > best[:2]:
                best = (containment, jaccard, other)
        if best is None:
            return None
        containment, jaccard, other = best
        theirs_size = len(
            shingles(
                self._db.execute("SELECT body FROM articles WHERE id = ?", (other,)).fetchone()[0]
            )
        )
        new_text = 1 - (jaccard * (len(grams) + theirs_size) / (1 + jaccard)) / len(grams)
        relation = "version" if new_text >= self.params.version_adds else "copy"
        root = self._root(other)
        return root, relation, round(jaccard, 4)

    def _root(self, article_id: str) -> str:
        row = self._db.execute(
            "SELECT copy_of FROM article_copies WHERE article_id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row else article_id

    def _story_of(self, article_id: str) -> int | None:
        row = self._db.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return int(row[0]) if row else None

    def _source_of(self, article_id: str) -> str:
        row = self._db.execute(
            "SELECT source FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row else article_id

    # -- vectors ------------------------------------------------------------------------
    def _vector(self, article: Article, *, count: bool) -> Vector:
        """The article's unit tf-idf vector; ``count``: add it to the document frequencies
        (a copy does not: a wire story reprinted fifty times is still one document)."""
        counts = term_counts(article)
        if not counts:
            return {}
        terms = list(counts)
        df: dict[str, int] = {}
        for chunk in range(0, len(terms), 500):
            part = terms[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            df.update(
                self._db.execute(
                    f"SELECT term, df FROM story_terms_df WHERE term IN ({marks})", part
                ).fetchall()
            )
        n = self._meta("documents")
        if count:
            n += 1
            self._db.executemany(
                "INSERT INTO story_terms_df VALUES (?, 1)"
                " ON CONFLICT (term) DO UPDATE SET df = df + 1",
                [(t,) for t in terms],
            )
            self._db.execute(
                "INSERT INTO story_meta VALUES ('documents', 1)"
                " ON CONFLICT (key) DO UPDATE SET value = value + 1"
            )
            df = {t: df.get(t, 0) + 1 for t in terms}
        vector = {
            t: (1 + math.log(c)) * math.log((n + _IDF_PRIOR) / (df.get(t, 1) + 0.5))
            for t, c in counts.items()
        }
        vector = top({t: w for t, w in vector.items() if w > 0}, _VECTOR_TERMS)
        length = norm(vector)
        return {t: round(w / length, 6) for t, w in vector.items()} if length else {}

    def _meta(self, key: str) -> int:
        row = self._db.execute("SELECT value FROM story_meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    # -- stories ------------------------------------------------------------------------
    def _candidates(self, kind: str, vector: Vector, day: str | None) -> list[int]:
        """Stories (or groups) sharing one of the vector's heaviest terms, active near
        ``day``: each term's postings are read from the latest back, at most
        ``_POSTINGS_READ`` of them, so a look-up costs the same in any size of store."""
        hits: dict[int, int] = {}
        earliest = ""
        if day is not None:
            earliest = (
                date.fromisoformat(day) - timedelta(days=self.params.window_days)
            ).isoformat()
        for term in top(vector, _QUERY_TERMS):
            rows = self._db.execute(
                'SELECT owner FROM story_postings WHERE kind = ? AND term = ? AND "end" >= ?'
                ' ORDER BY "end" DESC LIMIT ?',
                (kind, term, earliest, _POSTINGS_READ),
            ).fetchall()
            if earliest:  # and the undated stories
                rows += self._db.execute(
                    "SELECT owner FROM story_postings WHERE kind = ? AND term = ? AND \"end\" = ''"
                    " LIMIT ?",
                    (kind, term, _POSTINGS_READ),
                ).fetchall()
            for (owner,) in rows:
                hits[int(owner)] = hits.get(int(owner), 0) + 1
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
        return [owner for owner, _ in ranked[:_CANDIDATES]]

    def _best_story(
        self, vector: Vector, day: str | None, year: int | None
    ) -> tuple[int | None, float]:
        best: tuple[float, int] | None = None
        for story_id in self._candidates("story", vector, day):
            row = self._db.execute(
                'SELECT centroid, norm, start, "end", year FROM stories WHERE id = ?',
                (story_id,),
            ).fetchone()
            if not self._in_window(day, row[2], row[3]):
                continue
            score = cosine(vector, json.loads(row[0]), row[1])
            if year is not None and row[4] is not None and year != row[4]:
                # undated pages of two like events years apart (two Microsoft patches)
                score *= YEAR_PENALTY
            if best is None or score > best[0]:
                best = (score, story_id)
        if best is not None and best[0] >= self.params.story:
            return best[1], best[0]
        return None, 0.0

    def _in_window(self, day: str | None, start: str | None, end: str | None) -> bool:
        if day is None or start is None or end is None:
            return True
        d = date.fromisoformat(day)
        w = timedelta(days=self.params.window_days)
        return date.fromisoformat(start) - w <= d <= date.fromisoformat(end) + w

    def _new_story(self, vector: Vector, day: str | None, year: int | None) -> int:
        group_id = self._group_for(vector, day)
        cur = self._db.execute(
            'INSERT INTO stories (group_id, start, "end", articles, year, centroid, norm)'
            " VALUES (?, ?, ?, 1, ?, ?, ?)",
            (group_id, day, day, year, json.dumps(vector), norm(vector) or 1.0),
        )
        story_id = int(cur.lastrowid or 0)
        self._post("story", story_id, vector, day)
        return story_id

    def _grow_story(self, story_id: int, vector: Vector, day: str | None) -> None:
        row = self._db.execute(
            'SELECT centroid, start, "end", group_id FROM stories WHERE id = ?', (story_id,)
        ).fetchone()
        centroid = _add(json.loads(row[0]), vector, _CENTROID_TERMS)
        start, end = _span(row[1], row[2], day)
        self._db.execute(
            'UPDATE stories SET centroid = ?, norm = ?, start = ?, "end" = ?,'
            " articles = articles + 1 WHERE id = ?",
            (json.dumps(centroid), norm(centroid) or 1.0, start, end, story_id),
        )
        self._post("story", story_id, centroid, end)
        self._grow_group(int(row[3]), vector, end)
        self._join_groups(int(row[3]), centroid)

    def _stretch_story(self, story_id: int, day: str | None) -> None:
        row = self._db.execute(
            'SELECT start, "end" FROM stories WHERE id = ?', (story_id,)
        ).fetchone()
        start, end = _span(row[0], row[1], day)
        self._db.execute(
            'UPDATE stories SET start = ?, "end" = ?, articles = articles + 1 WHERE id = ?',
            (start, end, story_id),
        )
        if end != row[1]:
            self._db.execute(
                "UPDATE story_postings SET \"end\" = ? WHERE kind = 'story' AND owner = ?",
                (end or "", story_id),
            )

    def _group_for(self, vector: Vector, day: str | None) -> int:
        best: tuple[float, int] | None = None
        for group_id in self._candidates("group", vector, None):
            row = self._db.execute(
                "SELECT centroid, norm FROM story_groups WHERE id = ?", (group_id,)
            ).fetchone()
            score = cosine(vector, json.loads(row[0]), row[1])
            if best is None or score > best[0]:
                best = (score, group_id)
        if best is not None and best[0] >= self.params.group:
            self._grow_group(best[1], vector, day)
            return best[1]
        cur = self._db.execute(
            'INSERT INTO story_groups (centroid, norm, "end") VALUES (?, ?, ?)',
            (json.dumps(vector), norm(vector) or 1.0, day),
        )
        group_id = int(cur.lastrowid or 0)
        self._post("group", group_id, vector, day)
        return group_id

    def _join_groups(self, group_id: int, centroid: Vector) -> None:
        """A story that grew may show its group and another are one: merge the two (the
        group a story starts in is chosen from its first article alone)."""
        length = norm(centroid) or 1.0
        unit = {t: w / length for t, w in centroid.items()}
        for other in self._candidates("group", unit, None):
            if other == group_id:
                continue
            row = self._db.execute(
                "SELECT centroid, norm FROM story_groups WHERE id = ?", (other,)
            ).fetchone()
            if row is None or cosine(unit, json.loads(row[0]), row[1]) < self.params.group_join:
                continue
            mine = self._db.execute(
                'SELECT centroid, "end" FROM story_groups WHERE id = ?', (group_id,)
            ).fetchone()
            merged = _add(json.loads(mine[0]), json.loads(row[0]), _CENTROID_TERMS)
            self._db.execute(
                "UPDATE stories SET group_id = ? WHERE group_id = ?", (group_id, other)
            )
            self._db.execute("DELETE FROM story_groups WHERE id = ?", (other,))
            self._db.execute(
                "DELETE FROM story_postings WHERE kind = 'group' AND owner = ?", (other,)
            )
            self._db.execute(
                "UPDATE story_groups SET centroid = ?, norm = ? WHERE id = ?",
                (json.dumps(merged), norm(merged) or 1.0, group_id),
            )
            self._post("group", group_id, merged, mine[1])
            return

    def _grow_group(self, group_id: int, vector: Vector, day: str | None) -> None:
        row = self._db.execute(
            'SELECT centroid, "end" FROM story_groups WHERE id = ?', (group_id,)
        ).fetchone()
        centroid = _add(json.loads(row[0]), vector, _CENTROID_TERMS)
        end = max(filter(None, (row[1], day)), default=None)
        self._db.execute(
            'UPDATE story_groups SET centroid = ?, norm = ?, "end" = ? WHERE id = ?',
            (json.dumps(centroid), norm(centroid) or 1.0, end, group_id),
        )
        self._post("group", group_id, centroid, end)

    def _post(self, kind: str, owner: int, centroid: Vector, end: str | None) -> None:
        self._db.execute("DELETE FROM story_postings WHERE kind = ? AND owner = ?", (kind, owner))
        self._db.executemany(
            "INSERT INTO story_postings VALUES (?, ?, ?, ?)",
            [(kind, t, end or "", owner) for t in top(centroid, _POSTED_TERMS)],
        )

    def _relabel(self, story_id: int, article: Article, vector: Vector) -> None:
        """The story's label: the headline of its article closest to the centroid."""
        row = self._db.execute(
            "SELECT centroid, norm, articles, label FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        centroid, length, size = json.loads(row[0]), row[1], row[2]
        if size <= _LABEL_REVIEW or row[3] is None:
            members = self._db.execute(
                "SELECT s.article_id, s.headline, s.vector FROM story_articles s"
                " WHERE s.story_id = ? AND s.headline IS NOT NULL"
                " AND s.article_id NOT IN (SELECT article_id FROM article_copies)"
                " ORDER BY s.rowid",
                (story_id,),
            ).fetchall()
        else:  # a large story: only the newcomer can take the label
            members = [(article.id, article.headline, json.dumps(vector))]
        best: tuple[float, str, str] | None = None
        for member_id, headline, vec in members:
            score = cosine(json.loads(vec), centroid, length)
            if best is None or score > best[0] + 1e-9:
                best = (score, member_id, headline)
        if best is not None:
            self._db.execute(
                "UPDATE stories SET label = ?, label_article = ? WHERE id = ?",
                (best[2], best[1], story_id),
            )

    # -- event instances ------------------------------------------------------------------
    def _link_events(self, article: Article, story_id: int, source: str, root: str | None) -> None:
        touched: set[int] = set()
        root_events: dict[tuple[str, str, str], list[int]] = {}
        if root is not None:
            for event_id, instance_id in self._db.execute(
                "SELECT event_id, instance_id FROM event_mentions WHERE article_id = ?", (root,)
            ):
                row = self._db.execute(
                    "SELECT record FROM articles WHERE id = ?", (root,)
                ).fetchone()
                if row is None:
                    break
                events = {e["id"]: e for e in json.loads(row[0]).get("events") or ()}
                e = events.get(event_id)
                if e is not None:
                    key = (e["type"], _sentence_key(e.get("sentence") or ""), e["trigger"])
                    root_events.setdefault(key, []).append(int(instance_id))
        names = {x.id: x.country for x in article.actors}
        for event in article.events:
            if event.negated:
                continue
            instance_id = None
            same = root_events.get((event.type, _sentence_key(event.sentence), event.trigger))
            if same:
                instance_id = same.pop(0)
            if instance_id is None:
                instance_id = self._matching_instance(story_id, event, names)
            if instance_id is None:
                loc = event.location
                cur = self._db.execute(
                    "INSERT INTO event_instances (story_id, type, date, location, country,"
                    " source, target, mentions, articles, sources)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
                    (
                        story_id,
                        event.type,
                        event.date,
                        loc.name if loc else None,
                        loc.country if loc else None,
                        json.dumps(_participants(event.source, names)),
                        json.dumps(_participants(event.target, names)),
                    ),
                )
                instance_id = int(cur.lastrowid or 0)
            self._db.execute(
                "INSERT OR REPLACE INTO event_mentions VALUES (?, ?, ?, ?)",
                (article.id, event.id, instance_id, source),
            )
            touched.add(instance_id)
        self._recount(touched)

    def _matching_instance(
        self, story_id: int, event: Event, countries: dict[str, str | None]
    ) -> int | None:
        src = _participants(event.source, countries)
        tgt = _participants(event.target, countries)
        place = event.location.name if event.location else None
        best: tuple[int, int] | None = None
        for row in self._db.execute(
            "SELECT id, date, location, source, target FROM event_instances"
            " WHERE story_id = ? AND type = ? ORDER BY id",
            (story_id, event.type),
        ):
            if not (_dates_agree(row[1], event.date) and _places_agree(row[2], place)):
                continue
            s, t = json.loads(row[3]), json.loads(row[4])
            if not (_parties_agree(s, src) and _parties_agree(t, tgt)):
                continue
            shared = _shared(s, src) + _shared(t, tgt)
            if best is None or shared > best[0]:
                best = (shared, int(row[0]))
        return best[1] if best else None

    def _recount(self, instances: Iterable[int]) -> None:
        for instance_id in instances:
            self._db.execute(
                "UPDATE event_instances SET"
                " mentions = (SELECT count(*) FROM event_mentions WHERE instance_id = :i),"
                " articles = (SELECT count(DISTINCT article_id) FROM event_mentions"
                "   WHERE instance_id = :i),"
                " sources = (SELECT count(DISTINCT source) FROM event_mentions"
                "   WHERE instance_id = :i)"
                " WHERE id = :i",
                {"i": instance_id},
            )

    def _relink_if_changed(self, article: Article, story_id: int) -> None:
        stored = {
            r[0]: int(r[1])
            for r in self._db.execute(
                "SELECT event_id, instance_id FROM event_mentions WHERE article_id = ?",
                (article.id,),
            )
        }
        if set(stored) == {e.id for e in article.events if not e.negated}:
            return
        self._db.execute("DELETE FROM event_mentions WHERE article_id = ?", (article.id,))
        self._recount(set(stored.values()))
        if stored:
            marks = ",".join("?" * len(stored))
            self._db.execute(
                f"DELETE FROM event_instances WHERE id IN ({marks}) AND mentions = 0",
                list(stored.values()),
            )
        copy = self._db.execute(
            "SELECT copy_of FROM article_copies WHERE article_id = ?", (article.id,)
        ).fetchone()
        root = str(copy[0]) if copy else None
        source = self._source_of(root) if root else self._source_of(article.id)
        self._link_events(article, story_id, source, root)


def _add(centroid: Vector, vector: Vector, n: int) -> Vector:
    out = dict(centroid)
    for t, w in vector.items():
        out[t] = round(out.get(t, 0.0) + w, 6)
    return top(out, n)


def _span(start: str | None, end: str | None, day: str | None) -> tuple[str | None, str | None]:
    if day is None:
        return start, end
    return min(filter(None, (start, day))), max(filter(None, (end, day)))


def _sentence_key(sentence: str) -> str:
    """A sentence as a copy tells it too: a reprint puts its own credit ("(AFP) —") in
    front of the first sentence, so only the sentence's end is compared."""
    return " ".join(sentence.lower().split())[-60:]


def _participants(ids: Sequence[str], countries: dict[str, str | None]) -> list[list[str | None]]:
    """Actor ids with their countries: a person of Kenya agrees with Kenya."""
    return [[i, countries.get(i)] for i in ids]


def _agree(a: Sequence[str | None], b: Sequence[str | None]) -> bool:
    """Same actor, or one is the other's country (one more specific than the other)."""
    return a[0] == b[0] or (a[1] is not None and (a[1] == b[0] or b[1] == a[0]))


def _parties_agree(a: list[list[str | None]], b: list[list[str | None]]) -> bool:
    if not a or not b:
        return True
    return any(_agree(x, y) for x in a for y in b)


def _shared(a: list[list[str | None]], b: list[list[str | None]]) -> int:
    return sum(1 for x in a for y in b if _agree(x, y))


def _dates_agree(a: str | None, b: str | None) -> bool:
    """No date, one names a part of the other's calendar (2020-03 holds 2020-03-05), or
    two days in a row: outlets in other time zones, or one dating the night before, tell
    one event (the story page shows where they differ)."""
    if a is None or b is None or a.startswith(b) or b.startswith(a):
        return True
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    except ValueError:
        return False


def _places_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.lower() == b.lower()


# -- reads: what the CLI, the API and the web pages show ------------------------------------


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One story: its label, its span, its articles (ids, in arrival order) and sources."""

    id: int
    group_id: int
    label: str | None
    start: str | None
    end: str | None
    articles: tuple[str, ...]
    sources: tuple[str, ...]
    copies: int
    events: int


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article of a story, with the copy it duplicates when it is one."""

    id: str
    headline: str | None
    day: str | None
    source: str
    copy_of: str | None
    relation: str | None
    similarity: float


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an event instance is told: the article, the trigger's text and its offsets."""

    article_id: str
    event_id: str
    source: str
    text: str
    start: int
    end: int
    date: str | None
    location: str | None


@dataclass(frozen=True, slots=True)
class Instance:
    """One real-world event across a story's articles, with GDELT's counts."""

    id: int
    type: str
    date: str | None
    location: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    mentions: int
    articles: int
    sources: int
    told: tuple[Mention, ...] = ()

    @property
    def disagreements(self) -> dict[str, tuple[str, ...]]:
        """The fields its mentions tell differently (``date``, ``location``)."""
        out = {}
        for name in ("date", "location"):
            values = sorted({v for m in self.told if (v := getattr(m, name))})
            if len(values) > 1:
                out[name] = tuple(values)
        return out


@dataclass(frozen=True, slots=True)
class StoryDetail:
    summary: StorySummary
    articles: tuple[StoryArticle, ...]
    instances: tuple[Instance, ...]


@dataclass(frozen=True, slots=True)
class ArticleLinks:
    """An article's place: its story, the copy it duplicates, and its own copies."""

    story_id: int | None
    label: str | None
    copy_of: str | None
    relation: str | None
    copies: tuple[StoryArticle, ...]


class StoryReader:
    """Read-only views of the story tables."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def stories(self, *, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """Stories, the latest first (then the largest)."""
        rows = self._db.execute(
            "SELECT id FROM stories ORDER BY coalesce(\"end\", '') DESC, articles DESC, id"
            " LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [s for (i,) in rows if (s := self._summary(int(i))) is not None]

    def _summary(self, story_id: int) -> StorySummary | None:
        row = self._db.execute(
            'SELECT id, group_id, label, start, "end" FROM stories WHERE id = ?', (story_id,)
        ).fetchone()
        if row is None:
            return None
        members = self._db.execute(
            "SELECT s.article_id, s.source, c.copy_of FROM story_articles s"
            " LEFT JOIN article_copies c ON c.article_id = s.article_id"
            " WHERE s.story_id = ? ORDER BY s.rowid",
            (story_id,),
        ).fetchall()
        sources = sorted({m[1] for m in members if m[2] is None})
        events = self._db.execute(
            "SELECT count(*) FROM event_instances WHERE story_id = ?", (story_id,)
        ).fetchone()[0]
        return StorySummary(
            id=int(row[0]),
            group_id=int(row[1]),
            label=row[2],
            start=row[3],
            end=row[4],
            articles=tuple(m[0] for m in members),
            sources=tuple(sources),
            copies=sum(1 for m in members if m[2] is not None),
            events=int(events),
        )

    def story(self, story_id: int) -> StoryDetail | None:
        summary = self._summary(story_id)
        if summary is None:
            return None
        articles = tuple(
            StoryArticle(r[0], r[1], r[2], r[3], r[4], r[5], float(r[6]))
            for r in self._db.execute(
                "SELECT s.article_id, s.headline, s.day, s.source, c.copy_of, c.relation,"
                " coalesce(c.similarity, s.similarity) FROM story_articles s"
                " LEFT JOIN article_copies c ON c.article_id = s.article_id"
                " WHERE s.story_id = ? ORDER BY s.source, s.day, s.rowid",
                (story_id,),
            )
        )
        instances = []
        for r in self._db.execute(
            "SELECT id, type, date, location, source, target, mentions, articles, sources"
            " FROM event_instances WHERE story_id = ? ORDER BY articles DESC, mentions DESC, id",
            (story_id,),
        ):
            told = tuple(
                Mention(m[0], m[1], m[2], m[3] or "", m[4], m[5], m[6], m[7])
                for m in self._db.execute(
                    "SELECT m.article_id, m.event_id, m.source, substr(a.body, e.start + 1,"
                    ' e."end" - e.start), e.start, e."end", e.date, e.location'
                    " FROM event_mentions m JOIN events e ON e.article_id = m.article_id"
                    " AND e.event_id = m.event_id JOIN articles a ON a.id = m.article_id"
                    " WHERE m.instance_id = ? ORDER BY m.rowid",
                    (r[0],),
                )
            )
            instances.append(
                Instance(
                    int(r[0]),
                    r[1],
                    r[2],
                    r[3],
                    tuple(p[0] for p in json.loads(r[4])),
                    tuple(p[0] for p in json.loads(r[5])),
                    int(r[6]),
                    int(r[7]),
                    int(r[8]),
                    told,
                )
            )
        return StoryDetail(summary, articles, tuple(instances))

    def links(self, article_id: str) -> ArticleLinks:
        row = self._db.execute(
            "SELECT s.story_id, t.label FROM story_articles s JOIN stories t ON t.id = s.story_id"
            " WHERE s.article_id = ?",
            (article_id,),
        ).fetchone()
        copy = self._db.execute(
            "SELECT copy_of, relation FROM article_copies WHERE article_id = ?", (article_id,)
        ).fetchone()
        root = copy[0] if copy else article_id
        copies = tuple(
            StoryArticle(r[0], r[1], r[2], r[3], root, r[4], float(r[5]))
            for r in self._db.execute(
                "SELECT c.article_id, s.headline, s.day, s.source, c.relation, c.similarity"
                " FROM article_copies c JOIN story_articles s ON s.article_id = c.article_id"
                " WHERE c.copy_of = ? AND c.article_id != ? ORDER BY s.rowid",
                (root, article_id),
            )
        )
        return ArticleLinks(
            int(row[0]) if row else None,
            row[1] if row else None,
            copy[0] if copy else None,
            copy[1] if copy else None,
            copies,
        )

    def instance_counts(self) -> dict[tuple[str, str], tuple[int, int, int, int]]:
        """(article id, event id) -> (instance id, NumMentions, NumArticles, NumSources)."""
        return {
            (r[0], r[1]): (int(r[2]), int(r[3]), int(r[4]), int(r[5]))
            for r in self._db.execute(
                "SELECT m.article_id, m.event_id, i.id, i.mentions, i.articles, i.sources"
                " FROM event_mentions m JOIN event_instances i ON i.id = m.instance_id"
            )
        }
