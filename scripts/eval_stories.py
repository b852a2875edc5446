"""Story clustering on ECB+ and copy detection on a Wikinews syndication corpus.

    .venv/bin/python scripts/eval_stories.py ecbplus [--split odd|even|all] [--story T ...]
    .venv/bin/python scripts/eval_stories.py syndication [--limit N]

ECB+: every document read through the pipeline, fed to the story index in a fixed
shuffled order; BCubed F1 of the stories against the subtopics and of the story groups
against the topics. Syndication: each Wikinews article and 1-5 reprints (see
eventwire.evaluation.stories.syndicate); copy precision and recall, event instances.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire.evaluation.stories import (
    CORPUS,
    bcubed,
    load_ecbplus,
    load_wikinews,
    read_ecbplus,
    score_copies,
    split_topics,
    syndicate,
)
from eventwire.service import RunReport, process_documents
from eventwire.settings import Settings
from eventwire.store import SQLiteStore
from eventwire.stories import StoryParams

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def ecbplus(args: argparse.Namespace) -> dict[str, object]:
    docs = split_topics(load_ecbplus(SHARED / CORPUS), args.split)
    started = time.perf_counter()
    read = read_ecbplus(docs)
    out: dict[str, object] = {"documents": len(docs), "read": len(read)}
    out["pipeline_seconds"] = round(time.perf_counter() - started, 1)
    for story in args.story:
        for group in args.group:
            store = SQLiteStore(":memory:", story_params=StoryParams(story=story, group=group))
            store.put_all([a for _, a in read])
            stories = {
                r[0]: r[1] for r in store.execute("SELECT article_id, story_id FROM story_articles")
            }
            groups = {
                r[0]: r[1]
                for r in store.execute(
                    "SELECT a.article_id, s.group_id FROM story_articles a"
                    " JOIN stories s ON s.id = a.story_id"
                )
            }
            sub = bcubed(stories, {a.id: d.subtopic for d, a in read})
            top = bcubed(groups, {a.id: d.topic for d, a in read})
            out[f"story={story} group={group}"] = {
                "stories": len(set(stories.values())),
                "subtopic": {"p": sub.precision, "r": sub.recall, "f1": sub.f1},
                "topic": {"p": top.precision, "r": top.recall, "f1": top.f1},
            }
    return out


def syndication(args: argparse.Namespace) -> dict[str, object]:
    rows = load_wikinews(SHARED)[: args.limit or None]
    corpus = syndicate(rows)
    originals = [r for r in corpus if not r.doc.uri.startswith("reprint:")]
    run = RunReport()
    articles = {
        a.source.uri: a
        for a in process_documents([r.doc for r in corpus], settings=Settings(), report=run)
    }
    # originals alone: their event instances; then everything: copies add none
    alone = SQLiteStore(":memory:")
    alone.put_all([articles[r.doc.uri] for r in originals if r.doc.uri in articles])
    store = SQLiteStore(":memory:")
    store.put_all([articles[r.doc.uri] for r in corpus if r.doc.uri in articles])
    score = score_copies(corpus, articles, store)
    count = "SELECT count(*) FROM event_instances"
    events = sum(
        1 for r in originals if (a := articles.get(r.doc.uri)) for e in a.events if not e.negated
    )
    # NumArticles of an original's event: 1 + its reprints that still tell its sentence
    # (half the reprints drop a paragraph)
    texts: dict[str, list[str]] = {}
    for r in corpus:
        if r.doc.uri.startswith("reprint:"):
            texts.setdefault(r.original, []).append(" ".join(r.doc.text.split()))
    counts = store.stories.instance_counts()
    checked = exact = 0
    for r in originals:
        a = articles.get(r.doc.uri)
        for e in a.events if a else ():
            if e.negated or (a.id, e.id) not in counts:
                continue
            tail = " ".join(e.sentence.split())[-60:]
            expected = 1 + sum(1 for t in texts.get(r.original, ()) if tail in t)
            checked += 1
            exact += counts[(a.id, e.id)][2] == expected
    return {
        "originals": len(originals),
        "reprints": score.reprints,
        "copy_precision": round(score.precision, 4),
        "copy_recall": round(score.recall, 4),
        "originals_merged": score.merged_originals,
        "original_events": events,
        "instances_originals_only": alone.execute(count)[0][0],
        "instances_with_reprints": store.execute(count)[0][0],
        "original_events_checked": checked,
        "num_articles_equal_to_1_plus_reprints_telling_it": exact,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    e = sub.add_parser("ecbplus")
    e.add_argument("--split", choices=["all", "odd", "even"], default="all")
    e.add_argument("--story", type=float, nargs="+", default=[StoryParams().story])
    e.add_argument("--group", type=float, nargs="+", default=[StoryParams().group])
    s = sub.add_parser("syndication")
    s.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if not (SHARED / CORPUS).exists():
        sys.exit(f"error: {SHARED}: no ../shared corpora here")
    result = ecbplus(args) if args.what == "ecbplus" else syndication(args)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
