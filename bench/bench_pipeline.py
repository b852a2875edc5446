"""Throughput of the whole pipeline against bare spaCy on the same texts, in one run.

usage: python bench/bench_pipeline.py [--shared ../shared] [--articles N] [--rounds R] [--json]

Reads the Wikinews 2019-2020 articles in ../shared/corpora (about 4,300 paragraphs),
cleans them once, then times, alternately and ``--rounds`` times each:
  * bare ``nlp.pipe`` over every body paragraph (what spaCy alone costs), and
  * eventwire's stages after segmentation (parse, actors, time expressions, quotes,
    events) over the same articles,
and prints articles/s, words/s, the peak resident memory and the ratio of eventwire's
throughput to bare spaCy's (1.0 = the stages other than spaCy cost nothing).  The
best round of each is kept, as is usual for benchmarks on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from pathlib import Path

from eventwire.model import Article, RawDocument
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.stages import default_stages
from eventwire.stages.articles import build_articles
from eventwire.stages.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def load_articles(shared: Path, limit: int | None) -> list[Article]:
    folder = shared / "corpora" / "wikinews-2019-2020"
    if not folder.exists():
        sys.exit(f"{folder} not found: the benchmark needs ../shared")
    articles: list[Article] = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                doc = RawDocument(
                    uri=f"{name}#{i}",
                    text=row["text"],
                    kind="page",
                    id=row["url"],
                    title=row["title"],
                    published=row["date"] or None,
                )
                articles.extend(build_articles(doc))
    return articles[:limit] if limit else articles


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    settings = Settings()
    articles = load_articles(args.shared, args.articles)
    paragraphs = [p for a in articles for p in a.paragraphs]
    words = sum(len(p.split()) for p in paragraphs)
    nlp = load_nlp(settings.model)
    pipeline = Pipeline(default_stages(settings))
    pipeline.run(articles[:5])  # warm up both paths
    list(nlp.pipe(paragraphs[:20]))
    rss_before = peak_rss_mib()

    bare, full = [], []
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe(paragraphs, batch_size=settings.batch_size):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        for i in range(0, len(articles), settings.batch_size):
            pipeline.run(articles[i : i + settings.batch_size])
        full.append(time.perf_counter() - t)

    t_bare, t_full = min(bare), min(full)
    result = {
        "articles": len(articles),
        "paragraphs": len(paragraphs),
        "words": words,
        "stages": list(pipeline.names),
        "spacy_seconds": round(t_bare, 3),
        "eventwire_seconds": round(t_full, 3),
        "spacy_words_per_s": round(words / t_bare),
        "eventwire_words_per_s": round(words / t_full),
        "eventwire_articles_per_s": round(len(articles) / t_full, 1),
        "ratio": round(t_bare / t_full, 3),
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "peak_rss_after_load_mib": round(rss_before, 1),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{len(articles)} articles, {len(paragraphs)} paragraphs, {words} words")
    print(f"stages: {', '.join(pipeline.names)}")
    print(f"bare spaCy   {t_bare:7.2f} s  {words / t_bare:9.0f} words/s")
    print(
        f"eventwire    {t_full:7.2f} s  {words / t_full:9.0f} words/s  "
        f"{len(articles) / t_full:.1f} articles/s"
    )
    print(f"ratio (eventwire / spaCy throughput): {t_bare / t_full:.3f}")
    print(f"peak memory: {result['peak_rss_mib']} MiB (after loading: {rss_before:.1f} MiB)")


if __name__ == "__main__":
    main()
