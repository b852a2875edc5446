"""The REST API and the HTML pages through FastAPI's TestClient: every endpoint, filters,
paging limits, errors (404/413/415/422/403/401/500), token-guarded ingest, escaping.

The store is the example corpus plus hand-made articles carrying quotes and events (the
events stage is not in the pipeline yet), one of them with a hostile headline.
"""

from __future__ import annotations

import json
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x asks for httpx2 under its TestClient and warns when it finds httpx;
    # installing httpx2 would silence it, and httpx works the same here.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from eventwire import api
from eventwire.api import MAX_UPLOAD_BYTES, create_app
from eventwire.model import (
    Actor,
    Article,
    Discard,
    Entity,
    Event,
    Image,
    Location,
    Quote,
    SourceRef,
    article_id,
)
from eventwire.service import ingest
from eventwire.store import open_store
from eventwire.store import queries as Q
from eventwire.web.params import MAX_PAGE

from .conftest import EXAMPLES

XSS = "<script>alert(1)</script>"
TOKEN = "s3cret-token"


# -- the test corpus -----------------------------------------------------------------------
def _at(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def _article(
    headline: str,
    body: str,
    published: str,
    actors: list[tuple[Actor, list[str]]],
    quotes: list[tuple[str, str | None, str | None]],
    events: list[dict[str, Any]],
    **extra: Any,
) -> Article:
    entities = []
    for actor, mentions in actors:
        for text in mentions:
            s, e = _at(body, text)
            entities.append(Entity(text, "NAME", s, e, actor.id))
    quoted = []
    for text, speaker, speaker_actor in quotes:
        s, e = _at(body, text)
        quoted.append(Quote(text, s, e, speaker=speaker, speaker_actor=speaker_actor, cue="said"))
    coded = []
    for n, spec in enumerate(events):
        s, e = _at(body, spec.pop("trigger"))
        coded.append(
            Event(
                id=f"e{n}",
                trigger=body[s:e],
                start=s,
                end=e,
                coder="hand.v1",
                sentence=spec.pop("sentence", body),
                **spec,
            )
        )
    return Article(
        id=article_id(headline, body),
        source=SourceRef(uri="hand-made", start=0, end=len(body)),
        headline=headline,
        published=published,
        published_basis="metadata",
        body=body,
        entities=tuple(sorted(entities, key=lambda x: x.start)),
        actors=tuple(a for a, _ in actors),
        quotes=tuple(quoted),
        events=tuple(coded),
        stages=("hand.v1",),
        **extra,
    )


def ev(**fields: Any) -> dict[str, Any]:
    """An event's fields, its trigger given as text to find in the body."""
    return fields


KEN = Actor("KEN", "Kenya", "country", country="KEN")
ETH = Actor("ETH", "Ethiopia", "country", country="ETH")
RUTO = Actor(
    "william-ruto", "William Ruto", "person", country="KEN", sector="GOV", title="President"
)
POLICE = Actor("ken-police", "Kenyan police", "group", country="KEN", sector="COP")
CROWD = Actor("ken-protesters", "protesters", "group", country="KEN")
ARAGHCHI = Actor("abbas-araghchi", "Abbas Araghchi", "person", country="IRN", sector="GOV")
EUR = Actor("EUR", "Europe", "group", country="EUR")
MALLORY = Actor("mallory", "Mallory <img src=x onerror=alert(4)>", "person", country="XSS")


def hand_made_articles() -> list[Article]:
    """Three articles with actors, quotes and events; the third one hostile."""
    body1 = (
        "NAIROBI (Reuters) - Kenya and Ethiopia signed a water agreement on Monday.\n\n"
        '"We will share the river fairly," said President William Ruto.\n\n'
        "Kenyan police fired tear gas at protesters in Nairobi. "
        "Kenyan police did not arrest the organisers."
    )
    a1 = _article(
        "Kenya and Ethiopia sign water pact; police fire tear gas at protesters",
        body1,
        "2026-03-03",
        [
            (KEN, ["Kenya"]), (ETH, ["Ethiopia"]), (RUTO, ["William Ruto"]),
            (POLICE, ["Kenyan police"]), (CROWD, ["protesters"]),
        ],
        [("We will share the river fairly,", "William Ruto", "william-ruto")],
        [
            ev(type="AGREE", quad_class=1, source=("KEN",), target=("ETH",), trigger="signed",
                 date="2025-12-02", location=Location("Addis Ababa", "ETH", 9.03, 38.74)),
            ev(type="COERCE", quad_class=4, source=("ken-police",), target=("ken-protesters",),
                 trigger="fired", date="2025-12-03",
                 location=Location("Nairobi", "KEN", -1.29, 36.82)),
            ev(type="COERCE", quad_class=4, source=("ken-police",), target=("ken-protesters",),
                 trigger="arrest", date="2025-12-03", negated=True,
                 location=Location("Nairobi", "KEN", -1.29, 36.82)),
        ],
        agencies=("REUTERS",),
        images=(Image("Police in Nairobi, March 3, 2026.", "Photo: Jane Doe/Reuters", "2026-03-03"),),
        discarded=(Discard("Advertisement", "boilerplate"), Discard("Share this story", "noise")),
    )  # fmt: skip
    body2 = (
        "Iran may restrict inspectors, Foreign Minister Abbas Araghchi warned Europe.\n\n"
        '"Europe will face consequences," Araghchi told reporters in Tehran after talks.'
    )
    a2 = _article(
        "Iran warns Europe of consequences",
        body2,
        "2026-03-02",
        [(ARAGHCHI, ["Abbas Araghchi"]), (EUR, ["Europe"])],
        [("Europe will face consequences,", "Araghchi", "abbas-araghchi")],
        [
            ev(type="THREATEN", quad_class=3, source=("abbas-araghchi",), target=("EUR",),
                 trigger="warned", date="2025-12-02", hedged=True,
                 location=Location("Tehran", "IRN", 35.69, 51.39)),
            ev(type="CONSULT", quad_class=1, source=("abbas-araghchi",), target=("EUR",),
                 trigger="talks", date="2025-12-01"),
        ],
    )  # fmt: skip
    body3 = f'Mallory <img src=x onerror=alert(4)> wrote "{XSS}" on a wall, police said.'
    a3 = _article(
        XSS,
        body3,
        "2026-03-04",
        [(MALLORY, ["Mallory <img src=x onerror=alert(4)>"])],
        [(XSS, f"{XSS} speaker", "mallory")],
        [ev(type="PROTEST", quad_class=3, source=("mallory",), target=(), trigger="wrote",
              date="2025-12-04", location=Location(XSS, "XSS", 10.0, 10.0))],
        images=(Image(f"caption {XSS}", f"credit {XSS}"),),
        discarded=(Discard(XSS, "noise"),),
    )  # fmt: skip
    return [a1, a2, a3]


def build_store(path: Path) -> Path:
    """A store of the example corpus and the hand-made articles at ``path``."""
    with open_store(path) as store:
        report = ingest([str(EXAMPLES)], store)
        assert report.added == 8, report
        store.put_all(hand_made_articles())
    return path


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "eventwire.db")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_path))) as c:
        yield c


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A client over an empty store whose server has a token."""
    with TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN)) as c:
        yield c


def _ids(rows: list[dict[str, Any]], key: str = "event_id") -> set[str]:
    return {r[key] for r in rows}


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    return str(body["error"])


# -- articles ------------------------------------------------------------------------------
def test_articles_list_search_and_paging(client: TestClient) -> None:
    everything = client.get("/api/articles", params={"limit": 200}).json()
    assert len(everything["items"]) == 11 and not everything["has_more"]
    dates = [a["published"] for a in everything["items"] if a["published"]]
    assert dates == sorted(dates, reverse=True)

    first = client.get("/api/articles", params={"limit": 4}).json()
    second = client.get("/api/articles", params={"limit": 4, "offset": 4}).json()
    assert first["has_more"] and len(first["items"]) == 4
    assert not _ids(first["items"], "id") & _ids(second["items"], "id")

    hits = client.get("/api/articles", params={"q": "tear gas"}).json()["items"]
    assert hand_made_articles()[0].id in _ids(hits, "id")
    assert client.get("/api/articles", params={"q": "zzzunheardof"}).json()["items"] == []
    # FTS syntax in user input is taken as words, never as a query error
    malformed = client.get("/api/articles", params={"q": 'NEAR( "x" OR *'})
    assert malformed.status_code == 400 and malformed.json()["error"].startswith("q: ")

    march4 = client.get("/api/articles", params={"since": "2026-03-04", "until": "2026-03-04"})
    assert {a["published"] for a in march4.json()["items"]} == {"2026-03-04"}
    reuters = client.get("/api/articles", params={"agency": "reuters"}).json()["items"]
    assert reuters and all("REUTERS" in a["agencies"] for a in reuters)


def test_article_record_whole_and_by_prefix(client: TestClient) -> None:
    a1 = hand_made_articles()[0]
    record = client.get(f"/api/articles/{a1.id}").json()
    assert record["headline"] == a1.headline and record["body"] == a1.body
    assert [e["type"] for e in record["events"]] == ["AGREE", "COERCE", "COERCE"]
    assert record["images"][0]["credit"] == "Photo: Jane Doe/Reuters"
    assert client.get(f"/api/articles/{a1.id[:10]}").json()["id"] == a1.id
    assert "no article" in _error(client.get("/api/articles/0000000000000000"), 404)
    _error(client.get("/api/articles/%25"), 404)  # a LIKE wildcard is not a prefix match


# -- events --------------------------------------------------------------------------------
# The hand-made events are dated December 2025, before any example story, so filters within
# that month see them alone whatever the pipeline codes in the examples.
DECEMBER = {"since": "2025-12-01", "until": "2025-12-31"}
HAND_MADE = {a.id for a in hand_made_articles()}


def _triggers(items: list[dict[str, Any]]) -> set[str]:
    return {e["trigger"] for e in items}


def test_events_default_leaves_negated_out_and_marks_hedged(client: TestClient) -> None:
    page = client.get("/api/events", params=DECEMBER).json()
    assert page["total"] == 5 and len(page["items"]) == 5
    assert _triggers(page["items"]) == {"signed", "fired", "warned", "talks", "wrote"}
    warned = next(e for e in page["items"] if e["trigger"] == "warned")
    assert warned["hedged"] and not warned["negated"]
    assert warned["source"] == [
        {"id": "abbas-araghchi", "name": "Abbas Araghchi", "country": "IRN", "sector": "GOV"}
    ]
    assert warned["target"][0]["id"] == "EUR" and warned["sentence"]
    days = [e["day"] for e in page["items"]]
    assert days == sorted(days, reverse=True)

    everything = client.get("/api/events", params={**DECEMBER, "include_negated": True}).json()
    assert everything["total"] == 6
    assert next(e for e in everything["items"] if e["trigger"] == "arrest")["negated"]
    assert client.get("/api/events").json()["total"] >= 5  # the examples' own, if coded


@pytest.mark.parametrize(
    ("params", "triggers"),
    [
        ({"actor": "ken-police"}, {"fired"}),
        ({"actor": "police"}, {"fired"}),  # a part of the name
        ({"actor": "Araghchi"}, {"warned", "talks"}),
        ({"actor": "nobody-at-all"}, set()),
        ({"actor": "ETH", "quad_class": 4}, set()),
        ({"actor": "KEN", "quad_class": 4}, {"fired"}),  # "Kenyan police" has "ken" in it
        ({"country": "KEN"}, {"signed", "fired"}),  # a participant's country
        ({"country": "irn"}, {"warned", "talks"}),  # the place's country, any case
        ({"country": "ZZZ"}, set()),
        ({"type": "COERCE"}, {"fired"}),
        ({"type": "coerce", "include_negated": True}, {"fired", "arrest"}),
        ({"type": "ASSAULT"}, set()),
        ({"quad_class": 1}, {"signed", "talks"}),
        ({"quad_class": 2}, set()),
        ({"since": "2025-12-03"}, {"fired", "wrote"}),
        ({"until": "2025-12-01"}, {"talks"}),
        ({"since": "2025-12-02", "until": "2025-12-02"}, {"signed", "warned"}),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, Any], triggers: set[str]) -> None:
    page = client.get("/api/events", params={**DECEMBER, **params}).json()
    assert _triggers(page["items"]) == triggers
    assert page["total"] == len(triggers)


def test_event_paging(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 6, 2):
        page = client.get("/api/events", params={**DECEMBER, "limit": 2, "offset": offset}).json()
        assert page["total"] == 5 and page["limit"] == 2 and page["offset"] == offset
        seen += [f"{e['article_id']}/{e['event_id']}" for e in page["items"]]
    assert len(seen) == len(set(seen)) == 5
    assert client.get("/api/events", params={"offset": 100_000}).json()["items"] == []


def test_event_timeline_and_places(client: TestClient) -> None:
    timeline = client.get("/api/events/timeline", params=DECEMBER).json()
    assert {"day": "2025-12-02", "quad_class": 1, "events": 1} in timeline
    assert sum(r["events"] for r in timeline) == 5
    places = client.get("/api/events/places", params={**DECEMBER, "country": "KEN"}).json()
    assert places == [
        {
            "name": "Addis Ababa",
            "country": "ETH",
            "lat": 9.03,
            "lon": 38.74,
            "events": 1,
            "quad_class": 1,
        },
        {
            "name": "Nairobi",
            "country": "KEN",
            "lat": -1.29,
            "lon": 36.82,
            "events": 1,
            "quad_class": 4,
        },
    ]


# -- actors, quotes, stats, network ----------------------------------------------------------
def test_actors_list_and_detail(client: TestClient) -> None:
    page = client.get("/api/actors", params={"limit": 5}).json()
    assert len(page["items"]) == 5 and page["has_more"]
    assert page["items"][0]["events"] >= page["items"][-1]["events"]
    found = client.get("/api/actors", params={"q": "ruto"}).json()["items"]
    assert [a["id"] for a in found] == ["william-ruto"] and found[0]["articles"] >= 2

    ruto = client.get("/api/actors/william-ruto").json()
    assert ruto["name"] == "William Ruto" and ruto["articles"] >= 2
    assert "We will share the river fairly," in [q["text"] for q in ruto["quotes"]]

    araghchi = client.get("/api/actors/abbas-araghchi").json()
    assert araghchi["events_as_source"] >= 2
    assert {
        ("2025-12-01", "source", 1, 1),
        ("2025-12-02", "source", 3, 1),
    } <= {(t["day"], t["role"], t["quad_class"], t["events"]) for t in araghchi["timeline"]}
    europe = next(c for c in araghchi["counterparts"] if c["id"] == "EUR")
    assert europe["as_target"] >= 2 and europe["cooperation"] >= 1 and europe["conflict"] >= 1
    assert {"warned", "talks"} <= _triggers(araghchi["recent_events"])

    protesters = client.get("/api/actors/ken-protesters").json()
    assert protesters["events_as_target"] == 1  # the negated arrest does not count
    assert protesters["counterparts"][0]["as_source"] == 1

    assert "no actor" in _error(client.get("/api/actors/no-such-actor"), 404)


def test_quotes(client: TestClient) -> None:
    everything = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    mine = [q for q in everything if q["article_id"] in HAND_MADE]
    assert len(mine) == 3
    by_name = client.get("/api/quotes", params={"speaker": "Ruto"}).json()["items"]
    assert ("william-ruto", "We will share the river fairly,") in [
        (q["speaker_actor"], q["text"]) for q in by_name
    ]
    assert all(
        q["speaker_actor"] == "william-ruto" or "Ruto" in (q["speaker"] or "") for q in by_name
    )
    by_id = client.get("/api/quotes", params={"speaker": "abbas-araghchi"}).json()["items"]
    assert "Araghchi" in [q["speaker"] for q in by_id]
    words = client.get("/api/quotes", params={"q": "will face consequences"}).json()["items"]
    assert len(words) == 1 and words[0]["start"] < words[0]["end"]
    assert client.get("/api/quotes", params={"q": "%"}).json()["items"] == []
    paged = client.get("/api/quotes", params={"limit": 2}).json()
    assert paged["has_more"] and len(paged["items"]) == 2


def test_stats(client: TestClient, db_path: Path) -> None:
    stats = client.get("/api/stats").json()
    with open_store(db_path) as store:
        [(events, negated, quotes)] = store.execute(
            "SELECT sum(negated = 0), sum(negated != 0), (SELECT count(*) FROM quotes) FROM events"
        )
    assert (stats["articles"], stats["events"], stats["negated_events"]) == (11, events, negated)
    assert stats["quotes"] == quotes and quotes >= 3 and events >= 5 and negated >= 1
    assert stats["first_day"] == "2026-03-02" and stats["last_day"] == "2026-03-07"
    assert sum(d["events"] for d in stats["events_per_day"]) == events
    top = stats["most_active"]
    assert top[0]["events"] >= 2 and [a["events"] for a in top] == sorted(
        (a["events"] for a in top), reverse=True
    )
    assert len(stats["latest"]) == 10 and stats["agencies"]["REUTERS"] >= 1


def test_network_by_actor_and_by_country(client: TestClient) -> None:
    graph = client.get("/api/network", params=DECEMBER).json()
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert set(edges) == {
        ("abbas-araghchi", "EUR"),
        ("KEN", "ETH"),
        ("ken-police", "ken-protesters"),
    }
    assert (edges[("abbas-araghchi", "EUR")]["q1"], edges[("abbas-araghchi", "EUR")]["q3"]) == (
        1,
        1,
    )
    assert edges[("ken-police", "ken-protesters")]["q4"] == 1  # the negated one left out
    assert {n["id"] for n in graph["nodes"]} == {
        "KEN", "ETH", "EUR", "abbas-araghchi", "ken-police", "ken-protesters",
    }  # fmt: skip
    countries = client.get("/api/network", params={**DECEMBER, "by": "country"}).json()
    pairs = {(e["source"], e["target"]) for e in countries["edges"]}
    assert pairs == {("IRN", "EUR"), ("KEN", "ETH")}  # KEN -> KEN is no edge
    only = client.get("/api/network", params={**DECEMBER, "type": "agree"}).json()
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("KEN", "ETH")]
    assert client.get("/api/network").json()["edges"]
    _error(client.get("/api/network", params={"by": "planet"}), 422)


# -- errors --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/events", {"since": "yesterday"}),
        ("/api/events", {"since": "2026-13-01"}),
        ("/api/events", {"until": "2026-02-30"}),
        ("/api/events", {"since": "٢٠٢٦-٠٣-٠١"}),  # digits, but not ASCII ones
        ("/api/events", {"quad_class": 5}),
        ("/api/events", {"quad_class": "x"}),
        ("/api/events", {"type": "DANCE"}),
        ("/api/events", {"country": "Kenya"}),
        ("/api/events", {"limit": 0}),
        ("/api/events", {"limit": MAX_PAGE + 1}),
        ("/api/events", {"offset": -1}),
        ("/api/events", {"offset": 2**70}),
        ("/api/events", {"include_negated": "perhaps"}),
        ("/api/articles", {"limit": 10_000}),
        ("/api/articles", {"q": "x" * 201}),
        ("/api/articles", {"since": "2026-3-1"}),
        ("/api/quotes", {"limit": MAX_PAGE + 1}),
        ("/api/actors", {"offset": "many"}),
        ("/api/network", {"limit": 0}),
    ],
)
def test_bad_parameters_are_422_json(client: TestClient, path: str, params: dict[str, Any]) -> None:
    message = _error(client.get(path, params=params), 422)
    assert message.startswith("invalid request: ") and "Traceback" not in message


def test_unknown_routes_and_methods_are_json_errors(client: TestClient) -> None:
    _error(client.get("/api/nothing-here"), 404)
    _error(client.delete("/api/events"), 405)


def test_a_failure_inside_is_a_bare_500_and_logged(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("secret detail /etc/passwd")

    monkeypatch.setattr(Q, "find_events", broken)
    with caplog.at_level(logging.ERROR, logger="eventwire.api"):
        response = client.get("/api/events")
    assert _error(response, 500) == "internal server error"
    assert "secret" not in response.text
    assert "secret detail" in caplog.text and "Traceback" in caplog.text
    html = client.get("/events")
    assert html.status_code == 500 and "secret" not in html.text


# -- ingest --------------------------------------------------------------------------------
RECORDS = [
    {
        "id": "r1",
        "url": "https://example.invalid/r1",
        "title": "Ministers meet in Nairobi over drought",
        "published": "2026-03-09",
        "text": "Ministers from Kenya and Somalia met in Nairobi on Monday to discuss the drought.",
    }
]


def test_ingest_is_off_without_a_token(client: TestClient) -> None:
    message = _error(client.post("/api/ingest", json=RECORDS), 403)
    assert "EVENTWIRE_TOKEN" in message
    assert client.get("/api/stats").json()["articles"] == 11


def test_ingest_needs_the_right_token(writer: TestClient) -> None:
    _error(writer.post("/api/ingest", json=RECORDS), 401)
    wrong = writer.post("/api/ingest", json=RECORDS, headers={"Authorization": "Bearer nope"})
    assert _error(wrong, 401) and wrong.headers["www-authenticate"] == "Bearer"
    basic = writer.post("/api/ingest", json=RECORDS, headers={"Authorization": f"Basic {TOKEN}"})
    _error(basic, 401)
    assert writer.get("/api/stats").json()["articles"] == 0


def test_ingest_json_records_twice_adds_nothing(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = writer.post("/api/ingest", json=RECORDS, headers=auth)
    assert first.status_code == 200, first.text
    assert (first.json()["added"], first.json()["skipped"]) == (1, 0)
    again = writer.post("/api/ingest", json=RECORDS, headers=auth).json()
    assert (again["added"], again["skipped"]) == (0, 1)
    [found] = writer.get("/api/articles", params={"q": "drought"}).json()["items"]
    assert found["published"] == "2026-03-09"
    # a bad record among good ones is reported, the rest stored
    mixed = writer.post("/api/ingest", json=[{"id": "x"}, *RECORDS], headers=auth).json()
    assert mixed["skipped"] == 1 and mixed["errors"] == ["upload:1: record has no 'text' or 'html'"]


def test_ingest_uploaded_files(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    dump = (EXAMPLES / "wire-dump.txt").read_bytes()
    jsonl = "\n".join(json.dumps(r) for r in RECORDS).encode()
    files = [
        ("file", ("wire-dump.txt", dump, "text/plain")),
        ("file", ("r.jsonl", jsonl, "application/json")),
    ]
    first = writer.post("/api/ingest", files=files, headers=auth)
    assert first.status_code == 200, first.text
    assert (first.json()["documents"], first.json()["added"]) == (2, 9)
    again = writer.post("/api/ingest", files=files, headers=auth).json()
    assert (again["added"], again["skipped"]) == (0, 9)
    assert writer.get("/api/stats").json()["articles"] == 9


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400),
        ({"content": b"hello", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"json": [{"id": "only-an-id"}]}, 422),  # nothing could be read
        ({"files": [("other", ("a.txt", b"x", "text/plain"))]}, 422),  # no field named file
        ({"files": [("file", ("empty.txt", b"", "text/plain"))]}, 422),
    ],
)
def test_ingest_bad_bodies(writer: TestClient, kwargs: dict[str, Any], status: int) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", **kwargs.pop("headers", {})}
    _error(writer.post("/api/ingest", headers=headers, **kwargs), status)


def test_ingest_refuses_uploads_over_the_limit(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = b"x" * (MAX_UPLOAD_BYTES + 1)
    files = {"file": ("big.txt", big, "text/plain")}
    assert "10 MiB" in _error(writer.post("/api/ingest", files=files, headers=auth), 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(11):
            yield b"[" + b" " * (2**20) + b"]"

    streamed = writer.post(
        "/api/ingest", content=chunks(), headers={**auth, "Content-Type": "application/json"}
    )
    _error(streamed, 413)


# -- pages ---------------------------------------------------------------------------------
PAGES = [
    "/",
    "/search?q=police",
    "/search?q=",
    "/events",
    "/events?actor=&country=&type=&quad_class=&since=&until=",  # an untouched filter form
    "/events?type=COERCE&include_negated=1",
    "/network",
    "/network?by=country",
    "/actors",
    "/actors?q=ken",
    "/actors/william-ruto",
    "/actors/abbas-araghchi",
    "/quotes",
    "/quotes?speaker=ruto",
    "/docs",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_a_json_twin_and_a_csp(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert 'rel="alternate" type="application/json"' in response.text
    assert "<script>" not in response.text  # no inline script anywhere


def test_page_twins_are_the_api_calls(client: TestClient) -> None:
    page = client.get("/events?type=coerce&include_negated=1&since=2025-12-01").text
    twin_url = "/api/events?type=COERCE&since=2025-12-01&include_negated=true"
    assert f'href="{twin_url.replace("&", "&amp;")}"' in page
    assert client.get(twin_url).json()["total"] >= 2


def test_article_page_marks_quotes_entities_and_triggers(client: TestClient) -> None:
    a1 = hand_made_articles()[0]
    page = client.get(f"/articles/{a1.id}").text
    assert (
        '<span class="quote" title="William Ruto" data-speaker="william-ruto">'
        "We will share the river fairly,</span>"
    ) in page
    assert (
        '<a class="entity" href="/actors/william-ruto" title="William Ruto">William Ruto</a>'
        in page
    )
    assert '<mark class="trigger quad-4 negated"' in page and ">arrest</mark>" in page
    assert 'title="AGREE (verbal cooperation): Kenya → Ethiopia">signed</mark>' in page
    assert '<details class="discarded">' in page and "Share this story" in page
    assert "Photo: Jane Doe/Reuters" in page
    assert f'href="/api/articles/{a1.id}"' in page


def test_html_errors_are_pages(client: TestClient) -> None:
    missing = client.get("/articles/ffffffffffffffff")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert "no article with id ffffffffffffffff" in missing.text
    for bad in ("/events?since=2026-02-30", "/events?quad_class=9", "/events?type=DANCE",
                "/network?by=planet", "/search?offset=-1"):  # fmt: skip
        response = client.get(bad)
        assert response.status_code == 422 and "text/html" in response.headers["content-type"]
    assert client.get("/actors/nobody").status_code == 404


@pytest.mark.parametrize("path", ["/", "/search?q=alert", "/events", "/quotes", "/network"])
def test_hostile_text_is_escaped_everywhere(client: TestClient, path: str) -> None:
    page = client.get(path).text
    assert XSS not in page and "<img src=x" not in page
    if path in ("/", "/search?q=alert"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    "path",
    ["/search?q={}", "/events?actor={}", "/actors?q={}", "/quotes?speaker={}", "/actors/{}"],
)
def test_hostile_parameters_are_not_reflected_as_markup(client: TestClient, path: str) -> None:
    hostile = '"><script>alert(1)</script>'
    page = client.get(path.format(quote(hostile, safe="")))
    assert page.status_code in (200, 400, 404)  # 400: the search's unclosed quote
    assert "<script>alert" not in page.text and hostile not in page.text


def test_hostile_article_page_and_embedded_json(client: TestClient) -> None:
    a3 = hand_made_articles()[2]
    page = client.get(f"/articles/{a3.id}").text
    assert XSS not in page and "<img src=x" not in page
    assert '<h1 class="headline">&lt;script&gt;alert(1)&lt;/script&gt;</h1>' in page
    assert 'title="&lt;script&gt;alert(1)&lt;/script&gt; speaker"' in page
    actor = client.get("/actors/mallory").text
    assert "<img src=x" not in actor
    events = client.get("/events").text
    data = events.split('id="page-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and "\\u003cscript\\u003e" in data  # |tojson escapes markup
    assert XSS in {p["name"] for p in json.loads(data)["places"]}


def test_assets_ship_with_the_packages(client: TestClient) -> None:
    plotly = client.get("/vendor/plotly.min.js")
    assert plotly.status_code == 200 and plotly.headers["content-type"].startswith(
        "text/javascript"
    )
    assert len(plotly.content) > 1_000_000
    assert client.get("/static/app.js").status_code == 200
    world = client.get("/static/world-110m.json").json()
    assert len(world["lon"]) == len(world["lat"]) > 5000
    assert client.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/vendor/swagger-ui/index.html").status_code == 404
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/events", "/api/ingest", "/api/network"} <= set(spec["paths"])
    assert "/events" not in spec["paths"]


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    from eventwire.errors import StoreError

    with pytest.raises(StoreError, match="no such database"):
        api.serve(str(tmp_path / "missing.db"))


def test_queries_on_an_empty_store() -> None:
    with open_store(":memory:") as store:
        assert Q.find_events(store, Q.EventFilter()).items == []
        assert Q.actor_detail(store, "x") is None
        assert Q.network(store).edges == []
        assert Q.stats(store).articles == 0
        with pytest.raises(ValueError, match="by must be"):
            Q.network(store, by="planet")


# -- the workbench: one filter language, files, search ----------------------------------------
def test_events_csv_download_is_the_cli_csv(client: TestClient, db_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    params = {"type": "warn", "include_negated": "true"}
    http = client.get("/api/events", params={**params, "type": "THREATEN", "format": "csv"})
    assert http.status_code == 200 and http.headers["content-type"].startswith("text/csv")
    cli = CliRunner().invoke(
        app,
        ["events", "--db", str(db_path), "--type", "THREATEN", "--include-negated", "-f", "csv"],
    )
    assert cli.exit_code == 0 and http.text == cli.stdout
    assert http.text.splitlines()[0].startswith("article_id,event_id,type")
    everything = client.get("/api/events", params={"format": "jsonl", "include_negated": "true"})
    assert (
        len(everything.text.splitlines())
        == client.get("/api/events", params={"include_negated": "true"}).json()["total"]
    )


def test_source_and_target_roles_and_the_same_errors_as_the_cli(client: TestClient) -> None:
    either = client.get("/api/events", params={"actor": "IRN"}).json()
    source = client.get("/api/events", params={"source": "IRN"}).json()
    target = client.get("/api/events", params={"target": "IRN"}).json()
    assert source["total"] + target["total"] >= either["total"] >= source["total"]
    for e in source["items"]:
        assert any(a["id"] == "IRN" or a["country"] == "IRN" for a in e["source"])
    bad = client.get("/api/events", params={"goldstein_min": "11"})
    assert bad.status_code == 422
    assert (
        bad.json()["error"] == "invalid request: goldstein_min: '11' is not a number from -10 to 10"
    )
    assert client.get("/api/events", params={"cameo": "1a"}).status_code == 422


def test_keyset_pages_cover_every_event_once(client: TestClient) -> None:
    seen: list[tuple[str, str]] = []
    page = client.get("/api/events", params={"limit": 2, "include_negated": "true"}).json()
    while True:
        seen += [(e["article_id"], e["event_id"]) for e in page["items"]]
        if not page["next_after"]:
            break
        page = client.get(
            "/api/events",
            params={"limit": 2, "include_negated": "true", "after": page["next_after"]},
        ).json()
    assert len(seen) == len(set(seen)) == page["total"]


def test_search_ranks_highlights_counts_and_refuses_malformed_queries(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "river"}).json()
    assert hits["total"] == len(hits["items"]) >= 1
    assert "<mark>" in hits["items"][0]["snippet_html"]
    hostile = client.get("/api/search", params={"q": "script"}).json()["items"]
    assert hostile and all("<script>" not in h["snippet_html"] for h in hostile)
    assert any("&lt;<mark>script</mark>&gt;" in h["snippet_html"] for h in hostile)
    assert client.get("/api/search", params={"q": "river OR"}).status_code == 400
    assert client.get("/api/search", params={"q": '"unclosed'}).status_code == 400
    # FTS5 reads a NUL as the end of its query: it is a space here, never a server error.
    assert client.get("/api/search", params={"q": "river\x00"}).json()["total"] == hits["total"]
    assert client.get("/api/search", params={"q": "\x00"}).status_code == 400
    page = client.get("/search", params={"q": "river"}).text
    assert "<mark>" in page and "best match first" in page


def test_static_assets_are_cached_for_long(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert "max-age=31536000" in response.headers["cache-control"]
