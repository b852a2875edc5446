"""The story page, the home page's stories and an article's copy links in headless Chromium."""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from eventwire.api import create_app
from eventwire.store import SQLiteStore

from .test_api import XSS
from .test_browser import CHROMIUM, CHROMIUM_ARGS, Watched, _free_port
from .test_stories import BUDGET, QUAKE, QUAKE_OTHER, _article, _quake_event, _reprint

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed"),
]
uvicorn = pytest.importorskip("uvicorn")
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[playwright_api.Browser]:
    with warnings.catch_warnings(), playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def watched(browser: playwright_api.Browser, server: str) -> Iterator[Watched]:
    """A page that may reach 127.0.0.1 only, its errors and dialogs recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).hostname == "127.0.0.1"
            else route.abort()
        ),
    )
    page = context.new_page()
    w = Watched(page, server)
    page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))
    yield w
    context.close()


def story_store(path: Path) -> Path:
    """A wire story, three reprints, another outlet's account (a day later) and other news."""

    def quake(paragraphs: list[str], headline: str, url: str, day: str = "2026-02-10"):  # type: ignore[no-untyped-def]
        body = "\n\n".join(paragraphs)
        event = replace(_quake_event(body), date=day)
        return _article(paragraphs, headline=headline, url=url, day=day, events=(event,))

    articles = [
        quake(QUAKE, "Quake kills 14 in Valdoria", "https://wire.example/quake"),
        quake(_reprint(QUAKE, drop=3), "Valdoria quake toll at 14", "https://herald.example/q"),
        quake(_reprint(QUAKE, credit="(AP) "), "Earthquake in Mirasol", "https://times.example/e"),
        quake(_reprint(QUAKE, credit=""), "Mirasol shaken", "https://post.example/m"),
        quake(QUAKE_OTHER, "Deadly Valdoria quake", "https://globe.example/d", "2026-02-11"),
        _article(BUDGET, headline=XSS, url="https://norlund.example/b"),
    ]
    with SQLiteStore(path) as store:
        store.put_all(articles)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = story_store(tmp_path_factory.mktemp("stories") / "eventwire.db")
    port = _free_port()
    config = uvicorn.Config(
        create_app(str(db)), host="127.0.0.1", port=port, log_level="warning", ws="none"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_story_page_lists_articles_by_source_and_counts_events_across_them(
    watched: Watched,
) -> None:
    watched.goto("/")
    page = watched.page
    stories = page.locator("ol.stories li a")
    assert stories.count() == 2
    assert XSS in page.locator("ol.stories").inner_text()  # a hostile label stays text
    page.locator("ol.stories li a", has_text="Valdoria").first.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("table.story-articles tbody tr").count() == 5
    assert page.locator("table.story-articles tr.copy").count() == 3
    sources = page.locator("table.story-articles tbody th").all_inner_texts()
    assert sorted(sources) == sorted(
        ["wire.example", "herald.example", "times.example", "post.example", "globe.example"]
    )
    row = page.locator("table.instances tbody tr").first
    cells = row.locator("td").all_inner_texts()
    assert cells[0] == "KILL" and cells[3:6] == ["5", "5", "2"]  # mentions, articles, sources
    assert "date: 2026-02-10 / 2026-02-11" in cells[6]
    assert page.locator('link[rel="alternate"][type="application/json"]').count() == 1
    watched.done("story")


def test_article_page_links_its_story_and_copies(watched: Watched) -> None:
    watched.goto("/stories")
    page = watched.page
    page.locator("table.stories a", has_text="Valdoria").first.click()
    page.locator("table.story-articles a", has_text="Quake kills 14").click()
    page.wait_for_url("**/articles/*")
    links = page.locator("aside.story-links")
    assert "Story:" in links.inner_text()
    assert links.locator("a").count() == 4  # the story and three copies
    links.locator("a", has_text="herald.example").click()
    page.wait_for_url("**/articles/*")
    assert "A copy of" in page.locator("aside.story-links").inner_text()
    watched.done("article-copy")
