"""Gold gates for stories: ECB+ clustering on a fixed subset of topics, and copy detection
and event counting on a Wikinews syndication corpus built here (never stored).

The whole corpora run in ``scripts/eval_stories.py`` (the README quotes its numbers); the
suite runs four ECB+ topics and twenty Wikinews articles with their reprints, which take
a minute or two through the pipeline, with floors pinned a little under what they score.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluation.stories import (
    CORPUS,
    bcubed,
    load_ecbplus,
    load_wikinews,
    parse_ecbplus,
    read_ecbplus,
    score_copies,
    syndicate,
)
from eventwire.service import RunReport, process_documents
from eventwire.settings import Settings
from eventwire.store import SQLiteStore

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ECB = SHARED / CORPUS
TOPICS = {"1", "3", "4", "8"}  # odd and even, each two events of one kind

gold = pytest.mark.gold


def test_parse_ecbplus_reads_url_headline_and_body() -> None:
    tokens = [
        (0, "http"), (0, ":"), (0, "/"), (0, "/"), (0, "x.example"), (0, "/"), (0, "a"),
        (1, "Quake"), (1, "hits"), (1, "Valdoria"),
        (2, "It"), (2, "killed"), (2, "14"), (2, "."),
    ]  # fmt: skip
    xml = "<Document>" + "".join(
        f'<token t_id="{i}" sentence="{s}" number="{i}">{t}</token>'
        for i, (s, t) in enumerate(tokens)
    )
    doc = parse_ecbplus(xml + "</Document>", name="7_3ecbplus")
    assert (doc.topic, doc.subtopic, doc.url) == ("7", "7ecbplus", "http://x.example/a")
    assert (doc.headline, doc.body) == ("Quake hits Valdoria", "It killed 14.")
    with pytest.raises(ValueError, match="not an ECB"):
        parse_ecbplus(xml + "</Document>", name="readme")


def test_bcubed_counts_splits_and_merges() -> None:
    gold_ = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed({"a": 1, "b": 1, "c": 2, "d": 2}, gold_).f1 == 1.0
    merged = bcubed(dict.fromkeys(gold_, 0), gold_)
    assert (merged.precision, merged.recall) == (0.5, 1.0)
    split = bcubed({k: k for k in gold_}, gold_)
    assert (split.precision, split.recall) == (1.0, 0.5)


@gold
@pytest.mark.skipif(not ECB.exists(), reason=f"{ECB} is absent (../shared)")
def test_ecbplus_stories_match_subtopics_and_groups_match_topics() -> None:
    docs = [d for d in load_ecbplus(ECB) if d.topic in TOPICS]
    read = read_ecbplus(docs)
    assert len(read) == len(docs)  # every document gives an article
    store = SQLiteStore(":memory:")
    store.put_all([a for _, a in read])
    stories = {r[0]: r[1] for r in store.execute("SELECT article_id, story_id FROM story_articles")}
    groups = {
        r[0]: r[1]
        for r in store.execute(
            "SELECT a.article_id, s.group_id FROM story_articles a JOIN stories s ON s.id = a.story_id"
        )
    }
    sub = bcubed(stories, {a.id: d.subtopic for d, a in read})
    topic = bcubed(groups, {a.id: d.topic for d, a in read})
    print(
        f"ECB+ topics {sorted(TOPICS)}: subtopic {sub}, F1 {sub.f1:.3f}; topic {topic}, F1 {topic.f1:.3f}"
    )
    assert sub.f1 >= SUBTOPIC_FLOOR
    assert topic.f1 >= TOPIC_FLOOR


# measured 0.875 and 0.659 on these four topics (story 0.15, group 0.08); the story
# groups are the weak half: they split a topic's two events more often than not
SUBTOPIC_FLOOR = 0.85
TOPIC_FLOOR = 0.62


@gold
@pytest.mark.skipif(
    not (SHARED / "corpora" / "wikinews-2019-2020").exists(), reason="../shared is absent"
)
def test_syndicated_copies_are_found_and_never_add_events_or_sources() -> None:
    corpus = syndicate(load_wikinews(SHARED)[:20])
    articles = {
        a.source.uri: a
        for a in process_documents([r.doc for r in corpus], settings=Settings(), report=RunReport())
    }
    originals = [articles[r.doc.uri] for r in corpus if not r.doc.uri.startswith("reprint:")]
    alone = SQLiteStore(":memory:")
    alone.put_all(originals)
    store = SQLiteStore(":memory:")
    store.put_all([articles[r.doc.uri] for r in corpus])
    score = score_copies(corpus, articles, store)
    assert score.reprints > 40
    assert score.precision >= 0.99 and score.recall >= 0.95
    assert score.merged_originals == 0
    count = "SELECT count(*) FROM event_instances"
    assert store.execute(count)[0][0] == alone.execute(count)[0][0]
    # no instance counts a reprint's site as a source
    assert store.execute("SELECT max(sources) FROM event_instances")[0][0] == 1
