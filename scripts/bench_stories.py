"""Time per new article for copy look-up and story assignment as the store grows.

    .venv/bin/python scripts/bench_stories.py [--sizes 1000 10000 100000] [--probe 200]

Synthetic articles (no text from ../shared): bodies of 150-300 words drawn from a Zipf
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--probe", type=int, default=200)
    args = parser.parse_args()
    corpus = Corpus()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        n = 0
        for size in sorted(args.sizes):
            while store.count() < size:
                store.put_all([corpus.next(n + i) for i in range(500)])
                n += 500
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
