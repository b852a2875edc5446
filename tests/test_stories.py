"""Copies, stories and event instances over hand-written articles (no spaCy model)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.model import Actor, Article, Event, Location, SourceRef, article_id
from eventwire.store import SQLiteStore
from eventwire.stories.features import article_source, article_year, shingles

QUAKE = [
    "A magnitude 6.1 earthquake struck the coastal province of Valdoria early on Tuesday,"
    " collapsing dozens of houses in the port town of Mirasol and killing at least 14 people,"
    " the regional disaster agency said.",
    "Rescue teams from the capital Brenholt reached Mirasol by road after a landslide blocked"
    " the main highway, and army helicopters flew the injured to hospitals in the interior.",
    "Governor Alma Quiroz declared three days of mourning and asked residents to stay out of"
    " damaged buildings while engineers inspect the old harbour district for cracks.",
    "The quake was felt as far away as Brenholt, where office workers ran into the streets."
    " Aftershocks of up to magnitude 4.8 continued through the morning.",
    "Valdoria sits on a fault line that produced a deadly tremor in the same region eleven"
    " years ago, when a tsunami warning emptied the coast for a night.",
]
# The same event, told in other words by another outlet: not a copy.
QUAKE_OTHER = [
    "At least 14 people died when a strong earthquake hit Mirasol in Valdoria province on"
    " Tuesday, officials at the Valdoria disaster agency reported, as houses collapsed.",
    "Army helicopters carried the wounded from Mirasol while a landslide cut the highway"
    " from Brenholt, slowing rescue teams sent from the capital.",
    "Alma Quiroz, the Valdoria governor, announced mourning for three days; engineers began"
    " checking the harbour district of Mirasol for damage after the earthquake.",
]
BUDGET = [
    "The parliament of Norlund approved a budget on Thursday that raises fuel taxes and cuts"
    " subsidies for farmers, after a debate that ran through the night.",
    "Finance minister Oskar Tellen said the measures would close a deficit left by two years"
    " of slow growth, while farmers' unions called a protest outside the assembly.",
    "Opposition leader Greta Vang said the budget punished rural families and promised to"
    " challenge the fuel tax in the constitutional court in the coming weeks.",
]


def _article(
    paragraphs: list[str],
    *,
    headline: str,
    url: str,
    day: str = "2026-02-10",
    events: tuple[Event, ...] = (),
    actors: tuple[Actor, ...] = (),
) -> Article:
    body = "\n\n".join(paragraphs)
    return Article(
        id=article_id(headline, body),
        source=SourceRef(uri=url, url=url),
        headline=headline,
        published=day,
        body=body,
        events=events,
        actors=actors,
    )


def _quake_event(body: str, n: int = 0) -> Event:
    start = body.index("killing") if "killing" in body else body.index("died")
    return Event(
        id=f"ev{n}-{start}",
        type="ASSAULT" if n else "KILL",
        source=(),
        target=("VLD",),
        start=start,
        end=start + 7,
        trigger=body[start : start + 7],
        sentence=body.split("\n\n")[0],
        coder="test",
        date="2026-02-10",
        location=Location("Mirasol", "VLD"),
    )


def _reprint(
    paragraphs: list[str], *, drop: int | None = None, credit: str = "(AFP) — "
) -> list[str]:
    out = [p for i, p in enumerate(paragraphs) if i != drop]
    out[0] = credit + out[0]
    out.insert(2, "Advertisement")
    return out


def _stored(*articles: Article, batches: int = 1) -> SQLiteStore:
    store = SQLiteStore(":memory:")
    size = max(1, len(articles) // batches)
    for i in range(0, len(articles), size):
        store.put_all(articles[i : i + size])
    return store


def _story(store: SQLiteStore, a: Article) -> int:
    links = store.stories.links(a.id)
    assert links.story_id is not None
    return links.story_id


def test_a_reprint_with_another_headline_credit_furniture_and_a_cut_is_a_copy() -> None:
    original = _article(QUAKE, headline="Quake kills 14 in Valdoria", url="https://a.example/1")
    reprint = _article(
        _reprint(QUAKE, drop=3),
        headline="Valdoria earthquake: death toll at 14",
        url="https://b.example/x",
    )
    store = _stored(original, reprint)
    links = store.stories.links(reprint.id)
    assert links.copy_of == original.id and links.relation == "copy"
    assert [c.id for c in store.stories.links(original.id).copies] == [reprint.id]
    assert _story(store, reprint) == _story(store, original)


def test_an_update_adding_paragraphs_is_a_version_and_other_news_is_no_copy() -> None:
    original = _article(QUAKE[:3], headline="Quake in Valdoria", url="https://a.example/1")
    update = _article(QUAKE, headline="Quake in Valdoria (updated)", url="https://a.example/1u")
    budget = _article(BUDGET, headline="Norlund budget passes", url="https://c.example/b")
    store = _stored(original, update, budget)
    assert store.stories.links(update.id).relation == "version"
    assert store.stories.links(budget.id).copy_of is None
    assert _story(store, budget) != _story(store, original)


def test_the_same_event_from_another_outlet_joins_the_story_without_being_a_copy() -> None:
    first = _article(QUAKE, headline="Quake kills 14 in Valdoria", url="https://a.example/1")
    other = _article(QUAKE_OTHER, headline="Deadly Valdoria quake", url="https://d.example/q")
    budget = _article(BUDGET, headline="Norlund budget passes", url="https://c.example/b")
    store = _stored(budget, first, other)
    assert store.stories.links(other.id).copy_of is None
    assert _story(store, other) == _story(store, first) != _story(store, budget)
    (summary,) = [s for s in store.stories.stories() if s.id == _story(store, first)]
    assert summary.sources == ("a.example", "d.example")
    assert summary.label in {first.headline, other.headline}


def test_the_time_window_keeps_a_like_story_months_later_apart() -> None:
    first = _article(QUAKE_OTHER, headline="Deadly Valdoria quake", url="https://d.example/q")
    later = replace(
        _article(QUAKE, headline="Quake kills 14", url="https://a.example/1", day="2026-09-01")
    )
    store = _stored(first, later)
    assert store.stories.links(later.id).copy_of is None
    assert _story(store, later) != _story(store, first)


def test_events_of_copies_are_one_instance_counted_across_articles_not_sources() -> None:
    def quake(paragraphs: list[str], headline: str, url: str) -> Article:
        body = "\n\n".join(paragraphs)
        return _article(paragraphs, headline=headline, url=url, events=(_quake_event(body),))

    original = quake(QUAKE, "Quake kills 14", "https://a.example/1")
    copies = [
        quake(_reprint(QUAKE, credit=c), f"Quake {n}", f"https://r{n}.example/")
        for n, c in enumerate(("(AP) ", "(dpa) ", ""))
    ]
    other = quake(QUAKE_OTHER, "Deadly Valdoria quake", "https://d.example/q")
    store = _stored(original, *copies, other)
    detail = store.stories.story(_story(store, original))
    assert detail is not None
    (instance,) = detail.instances
    assert (instance.mentions, instance.articles, instance.sources) == (5, 5, 2)
    assert {m.article_id for m in instance.told} == {original.id, other.id, *(c.id for c in copies)}
    counts = store.stories.instance_counts()
    assert counts[(original.id, original.events[0].id)][1:] == (5, 5, 2)


def test_instances_keep_apart_events_of_other_types_and_places() -> None:
    body = "\n\n".join(QUAKE)
    kill = _quake_event(body)
    elsewhere = replace(
        _quake_event(body, 1), type="KILL", id="ev-far", location=Location("Brenholt", "VLD")
    )
    a = _article(QUAKE, headline="Quake", url="https://a.example/1", events=(kill, elsewhere))
    store = _stored(a)
    detail = store.stories.story(_story(store, a))
    assert detail is not None and len(detail.instances) == 2


def test_batches_and_one_batch_give_the_same_stories_and_storing_twice_adds_nothing() -> None:
    articles = [
        _article(QUAKE, headline="Quake kills 14", url="https://a.example/1"),
        _article(BUDGET, headline="Norlund budget", url="https://c.example/b"),
        _article(_reprint(QUAKE), headline="Quake, again", url="https://b.example/2"),
        _article(QUAKE_OTHER, headline="Deadly quake", url="https://d.example/q"),
    ]

    def clusters(store: SQLiteStore) -> list[tuple[str, int]]:
        return sorted((a.id, _story(store, a)) for a in articles)

    one, many = _stored(*articles), _stored(*articles, batches=4)
    assert clusters(one) == clusters(many)
    before = [json.dumps(s.articles) for s in one.stories.stories()]
    one.put_all(articles)
    one.put_all(articles, replace=True)
    assert [json.dumps(s.articles) for s in one.stories.stories()] == before


def test_reprocess_relinks_the_events_of_a_replaced_article() -> None:
    plain = _article(QUAKE, headline="Quake kills 14", url="https://a.example/1")
    store = _stored(plain)
    assert store.stories.story(_story(store, plain)).instances == ()  # type: ignore[union-attr]
    coded = replace(plain, events=(_quake_event(plain.body),))
    assert store.put_all([coded], replace=True).replaced == 1
    detail = store.stories.story(_story(store, plain))
    assert detail is not None and [i.mentions for i in detail.instances] == [1]


@pytest.mark.parametrize(("body", "n"), [("", 0), ("one two", 1), ("a b c d e f", 2)])
def test_shingles_are_word_five_grams(body: str, n: int) -> None:
    assert len(shingles(body)) == n


def test_source_and_year() -> None:
    a = _article(BUDGET, headline="x", url="https://www.norlund-post.example/a")
    assert article_source(a) == "norlund-post.example"
    assert article_source(replace(a, source=SourceRef("f.txt"), agencies=("AFP",))) == "AFP"
    assert article_year(a) == 2026 and article_year(replace(a, published=None)) is None


def test_cli_stories_jsonl_and_show(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.db"
    first = _article(QUAKE, headline="Quake kills 14", url="https://a.example/1")
    copy = _article(_reprint(QUAKE), headline="Quake, again", url="https://b.example/2")
    with SQLiteStore(db) as store:
        store.put_all([first, copy])
    run = CliRunner().invoke(app, ["stories", "--db", str(db), "--format", "jsonl"])
    assert run.exit_code == 0, run.output
    (record,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert record["articles"] == [first.id, copy.id] and record["sources"] == ["a.example"]
    assert {"id", "label", "start", "end"} <= set(record)
    shown = CliRunner().invoke(app, ["stories", str(record["id"]), "--db", str(db)])
    assert shown.exit_code == 0 and "copy of" in shown.stdout
    missing = CliRunner().invoke(app, ["stories", "99", "--db", str(db)])
    assert missing.exit_code == 1


def test_workers_give_the_stories_of_a_serial_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    from eventwire.scale.dask import ingest_distributed
    from eventwire.service import ingest
    from eventwire.settings import Settings

    records = []
    for n in range(12):  # three stories, each told first and then reprinted three times
        paragraphs = [QUAKE, BUDGET, QUAKE_OTHER][n % 3]
        if n >= 3:
            paragraphs = _reprint(paragraphs, drop=1 if n % 2 else None)
        records.append(
            {
                "id": f"r{n}",
                "title": f"Headline {n}",
                "url": f"https://site{n}.example/{n}",
                "published": "2026-02-10",
                "text": "\n\n".join(paragraphs),
            }
        )
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    fast = Settings(nlp=False)

    def stories(store: SQLiteStore) -> list[tuple[str, ...]]:
        return sorted(s.articles for s in store.stories.stories())

    with SQLiteStore(":memory:") as one:
        ingest([str(path)], one, settings=fast)
        expected = stories(one)
    with (
        distributed.Client(
            processes=False, n_workers=1, threads_per_worker=2, dashboard_address=":0"
        ) as client,
        SQLiteStore(":memory:") as many,
    ):
        ingest_distributed([str(path)], many, client=client, settings=fast, chunk_lines=2)
        assert stories(many) == expected
    assert len(expected) <= 3 and sum(len(s) for s in expected) == 12
