"""How fast every page and API route answers on a store of at least 5,000 articles.

The example corpus is processed once, then copied until the store holds ``--articles``
articles: each copy gets a sentence of its own (so its content hash, and id, differ) and a
few made-up events among the article's actors, on days spread over three months.  Then
``--requests`` calls of each kind are timed, in process (FastAPI's TestClient) or, with
``--live``, over HTTP against uvicorn on 127.0.0.1.

    python scripts/bench_api.py                 # 5,000 articles, 200 requests per kind
    python scripts/bench_api.py --live --articles 10000
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from eventwire.api import create_app
from eventwire.model import Article, Event, Location, article_id
from eventwire.service import ingest
from eventwire.store import open_store
from eventwire.store.queries import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[1]
# A rough quad class for each PLOVER type, for made-up events only.
QUAD = dict(zip(PLOVER_TYPES, [1, 1, 1, 2, 2, 2, 2, 1, 3, 3, 3, 3, 4, 4, 4, 4], strict=True))
PLACES = [
    Location("Nairobi", "KEN", -1.29, 36.82),
    Location("Addis Ababa", "ETH", 9.03, 38.74),
    Location("Tehran", "IRN", 35.69, 51.39),
    Location("Khartoum", "SDN", 15.50, 32.56),
    Location("Goma", "COD", -1.68, 29.22),
    None,
]


def copies(originals: list[Article], total: int, rng: random.Random) -> Iterator[Article]:
    """``total`` articles: the originals, varied, with made-up events."""
    for n in range(total):
        a = originals[n % len(originals)]
        extra = f"Wire copy {n}: this report was filed as item {n} of the series."
        body = f"{a.body}\n\n{extra}"
        start = len(a.body) + 2
        actors = [x.id for x in a.actors] or ["unknown"]
        events = []
        for k in range(rng.randint(1, 4)):
            kind = rng.choice(PLOVER_TYPES)
            source, target = rng.choice(actors), rng.choice(actors)
            day = 1 + rng.randrange(90)
            events.append(
                Event(
                    id=f"bench{k}",
                    type=kind,
                    source=(source,),
                    target=(target,) if target != source else (),
                    start=start,
                    end=start + 4,
                    trigger=body[start : start + 4],
                    sentence=extra,
                    coder="bench.v1",
                    quad_class=QUAD[kind],
                    date=f"2026-{1 + (day - 1) // 30:02d}-{1 + (day - 1) % 30:02d}",
                    location=rng.choice(PLACES),
                    negated=rng.random() < 0.1,
                    hedged=rng.random() < 0.1,
                )
            )
        yield replace(a, id=article_id(a.headline, body), body=body, events=tuple(events))


def build(path: Path, total: int) -> None:
    with open_store(path) as store:
        ingest([str(ROOT / "examples")], store)
        originals = list(store.all_articles())
        batch: list[Article] = []
        for article in copies(originals, total - len(originals), random.Random(7)):
            batch.append(article)
            if len(batch) == 500:
                store.put_all(batch)
                batch = []
        store.put_all(batch)
        print(f"store: {store.count():,} articles", end="")
        (events,) = store.execute("SELECT count(*) FROM events")[0]
        print(f", {events:,} events ({path})")


def timed(get: Callable[[str], int], url: str, n: int) -> tuple[float, float]:
    """Median and 95th percentile of ``n`` calls, in milliseconds."""
    get(url)  # warm up
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        status = get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert status == 200, (url, status)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


URLS = [
    "/api/events",
    "/api/events?limit=200",
    "/api/events?actor=KEN",
    "/api/events?actor=USA",
    "/api/events?source=KEN",
    "/api/events?actor=police",
    "/api/events?country=KEN&quad_class=4",
    "/api/events?country=USA",
    "/api/events?type=ASSAULT&since=2026-02-01&until=2026-02-28",
    "/api/events?cameo=19&goldstein_max=-5",
    "/api/events?offset=4000",
    "/api/events?offset=50000",
    "/api/events?after=2026-01-15~999999999",
    "/api/events/timeline",
    "/api/events/timeline?actor=KEN",
    "/api/events/places",
    "/api/stats",
    "/api/actors",
    "/api/actors?offset=2000",
    "/api/actors/KEN",
    "/api/network",
    "/api/network?by=country&min_events=5",
    "/api/quotes",
    "/api/articles",
    "/api/articles?q=police",
    "/api/search?q=police+OR+army",
    "/",
    "/events",
    "/events?actor=USA",
    "/events?country=KEN&type=PROTEST",
    "/actors",
    "/actors/KEN",
    "/network",
    "/quotes",
    "/search?q=police",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--live", action="store_true", help="over HTTP against uvicorn")
    parser.add_argument("--only", help="time only the URLs containing this text")
    parser.add_argument("--db", type=Path, help="keep the store here (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            build(db, args.articles)
        app = create_app(str(db))
        if args.live:
            run_live(app, args.requests)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # Starlette's TestClient prefers httpx2
                from fastapi.testclient import TestClient
            with TestClient(app) as client:
                report(
                    lambda url: client.get(url).status_code, args.requests, "TestClient", args.only
                )


def run_live(app: object, n: int) -> None:
    import httpx
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none")  # type: ignore[arg-type]
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            report(lambda url: client.get(url).status_code, n, f"uvicorn on 127.0.0.1:{port}", None)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def report(get: Callable[[str], int], n: int, how: str, only: str | None = None) -> None:
    print(f"{n} requests each, {how}:")
    print(f"  {'request':<60} {'median ms':>10} {'p95 ms':>8}")
    for url in URLS:
        if only and only not in url:
            continue
        median, p95 = timed(get, url, n)
        print(f"  {url:<60} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
