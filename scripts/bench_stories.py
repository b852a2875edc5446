"""Time per new article for copy look-up and story assignment as the store grows.

    .venv/bin/python scripts/bench_stories.py [--sizes 1000 10000 100000] [--probe 200]

Replicated synthetic articles (no text from ../shared): the first ``--seed-articles``
are placed through the index one by one; the store then grows to each size by copying
those rows (articles, bands, stories, postings) under new ids, so common terms' posting
lists and band buckets grow with the store as they would. Bodies of 150-300 words drawn from a Zipf
vocabulary of 50,000 made-up words, each article about one of many "events" (a handful
of event words it repeats), dated over a year, one in five a reprint of an earlier one
with a paragraph dropped. The store is filled to each size, then ``--probe`` new articles
are placed one at a time (``SQLiteStore.put_all`` of one article, which runs the story
index in its transaction) and the median and 90th-percentile milliseconds reported. The
ratio between sizes is what to read: flat or logarithmic, not linear.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from eventwire.model import Article, SourceRef, article_id
from eventwire.store import SQLiteStore

VOCAB = 50_000


def _word(n: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    n += 1
    while n:
        n, r = divmod(n, 26)
        out += letters[r]
    return out + "o"


class Corpus:
    """An endless stream of synthetic articles."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.weights = [1 / (k + 1) for k in range(VOCAB)]
        self.made: list[Article] = []
        self.start = date(2025, 1, 1)

    def _words(self, n: int) -> list[str]:
        return [_word(k) for k in self.rng.choices(range(VOCAB), self.weights, k=n)]

    def next(self, n: int) -> Article:
        rng = self.rng
        day = (self.start + timedelta(days=n * 365 // 200_000)).isoformat()
        if self.made and rng.random() < 0.2:
            original = rng.choice(self.made[-2000:])
            paragraphs = original.body.split("\n\n")
            if len(paragraphs) > 2:
                paragraphs.pop(rng.randrange(1, len(paragraphs)))
            body = "\n\n".join(paragraphs)
            headline = f"Reprint {n}: {original.headline}"
        else:
            event = [_word(VOCAB + rng.randrange(20_000)) for _ in range(4)]
            paragraphs = [
                " ".join(self._words(rng.randint(30, 60)) + event[: rng.randint(1, 4)])
                for _ in range(rng.randint(4, 6))
            ]
            body = "\n\n".join(paragraphs)
            headline = " ".join(event + self._words(4)).capitalize()
        a = Article(
            id=article_id(headline, body),
            source=SourceRef(uri=f"bench:{n}", url=f"https://site{n % 50}.example/{n}"),
            headline=headline,
            published=day,
            body=body,
        )
        self.made.append(a)
        return a


def _replicate(store: SQLiteStore, k: int, seed: int) -> None:
    """One more copy of the first ``seed`` articles' rows, under new ids."""
    db = store._db  # a benchmark's own back door: rows copied in bulk, not placed
    first = f"SELECT id FROM articles ORDER BY rowid LIMIT {seed}"
    shift = k * 10_000_000
    db.execute("BEGIN")
    db.execute(
        "INSERT INTO articles (id, uri, source_id, url, headline, published, published_basis,"
        " language, byline, dateline, body, stages, record)"
        " SELECT id || ?, uri, source_id, url, headline, published, published_basis,"
        f" language, byline, dateline, body, stages, record FROM articles WHERE id IN ({first})",
        (f"-{k}",),
    )
    db.execute(
        f"INSERT INTO minhash_bands SELECT band, bucket, article_id || ? FROM minhash_bands"
        f" WHERE article_id IN ({first})",
        (f"-{k}",),
    )
    db.execute(
        'INSERT INTO stories SELECT id + ?, group_id + ?, label, label_article, start, "end",'
        " articles, year, centroid, norm FROM stories WHERE id < 10000000",
        (shift, shift),
    )
    db.execute(
        'INSERT INTO story_groups SELECT id + ?, centroid, norm, "end" FROM story_groups'
        " WHERE id < 10000000",
        (shift,),
    )
    db.execute(
        'INSERT INTO story_postings SELECT kind, term, "end", owner + ? FROM story_postings'
        " WHERE owner < 10000000",
        (shift,),
    )
    db.execute(
        "INSERT INTO story_articles SELECT article_id || ?, story_id + ?, similarity, source,"
        f" day, headline, vector FROM story_articles WHERE article_id IN ({first})",
        (f"-{k}", shift),
    )
    db.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--probe", type=int, default=200)
    parser.add_argument("--seed-articles", type=int, default=1000)
    args = parser.parse_args()
    corpus = Corpus()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        n = 0
        while n < args.seed_articles:
            store.put_all([corpus.next(n + i) for i in range(100)])
            n += 100
        copies = 0
        for size in sorted(args.sizes):
            while store.count() < size:
                copies += 1
                _replicate(store, copies, args.seed_articles)
            times = []
            for _ in range(args.probe):
                a = corpus.next(n)
                n += 1
                started = time.perf_counter()
                store.put_all([a])
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            row = {
                "stored": size,
                "median_ms": round(statistics.median(times), 2),
                "p90_ms": round(times[int(len(times) * 0.9)], 2),
                "stories": store.stories.count(),
            }
            results.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
        store.close()
    base = results[0]["median_ms"]
    for r in results:
        r["ratio_to_first"] = round(float(r["median_ms"]) / float(base), 2)
    json.dump(results, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
