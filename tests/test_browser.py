"""The web UI in a real headless Chromium (Debian's ``chromium``, driven by Playwright):
pages load and draw their charts, nothing reaches past 127.0.0.1, no console errors, and a
hostile headline stays text.

Needs ``/usr/bin/chromium`` (``scripts/install_browser.sh``); skipped without it. Each page
is saved as a screenshot under ``test-output/screenshots/``.
"""

from __future__ import annotations

import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from eventwire.api import create_app

from .conftest import ROOT
from .test_api import XSS, build_store, hand_made_articles

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "test-output" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} is not installed (run scripts/install_browser.sh)",
    ),
]

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed"
)
uvicorn = pytest.importorskip("uvicorn")


@dataclass
class Watched:
    """A page and what it did: console errors, requests, dialogs."""

    page: playwright_api.Page
    base: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path

    def done(self, shot: str) -> None:
        """Save a screenshot; check there were no errors and no request left the machine."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
        assert self.errors == []
        assert self.dialogs == []
        outside = [u for u in self.requests if urlsplit(u).hostname != "127.0.0.1"]
        assert outside == [], "requests left 127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("browser") / "eventwire.db")


@pytest.fixture(scope="module")
def server(db_file: Path) -> Iterator[str]:
    db = db_file
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


@pytest.fixture(scope="module")
def browser() -> Iterator[playwright_api.Browser]:
    with warnings.catch_warnings(), playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def watched(browser: playwright_api.Browser, server: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    w = Watched(page, server)

    def block_outside(route: playwright_api.Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()  # offline by construction; still recorded below as a failure

    context.route("**/*", block_outside)
    page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    page.on("request", lambda r: w.requests.append(r.url))

    def on_dialog(dialog: playwright_api.Dialog) -> None:
        w.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield w
    context.close()


def test_home_shows_counts_articles_actors_and_a_chart(watched: Watched) -> None:
    watched.goto("/")
    page = watched.page
    page.wait_for_selector("#chart-per-day .main-svg")
    assert page.locator("#chart-per-day g.trace.bars").count() >= 2  # two quad classes at least
    assert "11" in page.locator(".counts").inner_text()
    assert page.locator("ol.articles li").count() == 10
    assert page.locator("table.actors tbody tr").count() == 10
    assert page.locator('link[rel="alternate"][type="application/json"]').get_attribute("href") == (
        "/api/stats"
    )
    watched.done("home")


def test_search_from_the_header(watched: Watched) -> None:
    watched.goto("/")
    page = watched.page
    page.fill("header input[name=q]", "water")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=water"))
    headlines = page.locator("ol.results a.headline").all_inner_texts()
    assert any("water pact" in h for h in headlines), headlines
    watched.done("search")


def test_article_highlights_quote_speaker_triggers_and_discards(watched: Watched) -> None:
    watched.goto("/search?q=water+pact")
    page = watched.page
    page.click("ol.results a.headline >> text=water pact")
    page.wait_for_selector("article.story")
    quote = page.locator('#body .quote[title="William Ruto"]')
    assert quote.inner_text() == "We will share the river fairly,"
    quote.hover()
    assert page.locator("#body mark.trigger").count() == 3
    assert page.locator("#body mark.trigger.negated").inner_text() == "arrest"
    assert page.locator('#body a.entity[href="/actors/william-ruto"]').count() == 1

    discarded = page.locator("details.discarded")
    assert not discarded.locator("table").is_visible()
    discarded.locator("summary").click()
    assert discarded.locator("td.reason").all_inner_texts() == ["boilerplate", "noise"]

    page.click("#toggle-highlights")
    assert "plain" in (page.locator("body").get_attribute("class") or "")
    page.click("#toggle-highlights")
    watched.done("article")


def test_actor_page_draws_its_timeline(watched: Watched) -> None:
    watched.goto("/actors/abbas-araghchi")
    page = watched.page
    page.wait_for_selector("#actor-timeline .main-svg")
    assert page.locator("#actor-timeline g.trace.bars").count() >= 2  # quad classes 1 and 3
    assert "Europe" in page.locator("table.counterparts").inner_text()
    assert "Europe will face consequences," in page.locator("ul.quote-list").inner_text()
    watched.done("actor")


def test_events_explorer_filters_table_timeline_and_map(watched: Watched) -> None:
    watched.goto("/events?since=2025-12-01&until=2025-12-31")  # the hand-made events alone
    page = watched.page
    page.wait_for_selector("#events-timeline .main-svg")
    page.wait_for_selector("#events-map .geo")
    assert page.locator("#events-map g.trace.scattergeo").count() == 2  # outlines and places
    assert page.locator("table.events tbody tr").count() == 5
    page.select_option("select[name=quad_class]", "4")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"quad_class=4"))
    assert page.locator("table.events tbody tr").count() == 1
    page.check("input[name=include_negated]")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"include_negated=1"))
    assert page.locator("table.events tbody tr.negated").count() == 1
    watched.done("events")


def test_network_graph_nodes_lead_to_actor_pages(watched: Watched) -> None:
    watched.goto("/network")
    page = watched.page
    page.wait_for_selector("#network-graph .scatterlayer .point")
    points = page.locator("#network-graph .scatterlayer .point")
    assert points.count() >= 6
    assert page.locator("#network-graph .annotation").count() >= 3  # the arrows
    watched.done("network")
    # Click nodes until one opens its page: with many actors an arrow or a label can lie
    # on top of a node's centre and take the click.
    for i in range(min(points.count(), 8)):
        box = points.nth(i).bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            page.wait_for_url(re.compile(r"/actors/"), timeout=3_000)
            break
        except playwright_api.TimeoutError:
            continue
    else:
        raise AssertionError("no network node opened its actor page")
    page.wait_for_selector("#actor-timeline .main-svg")
    assert watched.errors == []


def test_hostile_headline_stays_text(watched: Watched) -> None:
    hostile = hand_made_articles()[2]
    watched.goto(f"/articles/{hostile.id}")
    page = watched.page
    assert page.locator("h1.headline").inner_text() == XSS
    assert page.locator("#body img").count() == 0
    assert XSS in page.locator("#body").inner_text()
    watched.goto("/")
    assert XSS in page.locator("ol.articles").inner_text()
    watched.goto("/events")
    page.wait_for_selector("#events-map .geo")
    watched.done("xss")  # no dialog ever opened


def test_api_docs_render_offline(watched: Watched) -> None:
    watched.goto("/docs")
    page = watched.page
    page.wait_for_selector("#swagger-ui .opblock", timeout=15_000)
    assert page.locator("#swagger-ui .opblock").count() >= 11
    watched.done("docs")


def test_events_csv_downloaded_from_the_ui_is_the_cli_csv(watched: Watched, db_file: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    watched.goto("/events?type=THREATEN&include_negated=1")
    page = watched.page
    with page.expect_download() as info:
        page.click("a.download")
    downloaded = Path(info.value.path()).read_text("utf-8")
    cli = CliRunner().invoke(
        app,
        ["events", "--db", str(db_file), "--type", "THREATEN", "--include-negated", "-f", "csv"],
    )
    assert cli.exit_code == 0 and downloaded == cli.stdout
    assert len(downloaded.splitlines()) >= 2  # the header and the events
    watched.done("events-download")


def test_tables_sort_and_the_sentence_opens_by_touch(watched: Watched) -> None:
    watched.goto("/events?since=2025-12-01&until=2025-12-31")
    page = watched.page
    page.click("table.events th:nth-child(1) button.sort")  # the date, oldest first
    cells = page.locator("table.events tbody td:nth-child(1)")
    values = [cells.nth(i).get_attribute("data-sort") or "" for i in range(cells.count())]
    assert values == sorted(values) and len(values) >= 2
    page.click("table.events th:nth-child(1) button.sort")  # again: newest first
    values = [cells.nth(i).get_attribute("data-sort") or "" for i in range(cells.count())]
    assert values == sorted(values, reverse=True)
    summary = page.locator("td.trigger-cell summary").first
    summary.click()
    assert page.locator("td.trigger-cell details[open] q").first.is_visible()


PAGES = [
    ("home", "/"),
    ("search", "/search?q=water"),
    ("article", "/search?q=water+pact"),  # replaced by the article's own address below
    ("actors", "/actors"),
    ("actor", "/actors/abbas-araghchi"),
    ("events", "/events"),
    ("network", "/network"),
    ("quotes", "/quotes"),
    ("docs", "/docs"),
]


@pytest.mark.parametrize("name,path", PAGES, ids=[n for n, _ in PAGES])
def test_every_page_fits_a_phone_and_a_desktop(
    browser: playwright_api.Browser, server: str, name: str, path: str
) -> None:
    if name == "article":
        path = f"/articles/{hand_made_articles()[0].id}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    for device, viewport in (("phone", (390, 844)), ("desktop", (1280, 900))):
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]},
            is_mobile=device == "phone",
            has_touch=device == "phone",
        )
        context.route(
            "**/*",
            lambda r: (
                r.continue_() if urlsplit(r.request.url).hostname == "127.0.0.1" else r.abort()
            ),
        )
        page = context.new_page()
        response = page.goto(server + path, wait_until="networkidle")
        assert response is not None and response.status == 200
        width = page.evaluate("document.documentElement.scrollWidth")
        inner = page.evaluate("window.innerWidth")
        page.screenshot(path=str(SHOTS / f"{name}-{device}.png"), full_page=True)
        context.close()
        assert width <= inner, f"{path} is {width}px wide in a {inner}px {device} window"
