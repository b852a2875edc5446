"""The HTML pages: server-rendered from the same queries as the API, each linking its
JSON twin (the API call that returns the data it shows).

Chart data goes into the page as JSON (``|tojson``, which escapes ``<``, ``>``, ``&`` and
``'``) in a ``<script type="application/json">`` block that ``static/app.js`` reads:
no inline script runs, so the Content-Security-Policy can forbid them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader

from eventwire import __version__
from eventwire.model import to_record
from eventwire.search import QueryError
from eventwire.store import ArticleQuery
from eventwire.store import queries as Q
from eventwire.web.database import Database
from eventwire.web.params import MAX_OFFSET, MAX_PAGE, event_filter, form_day, form_int, form_text
from eventwire.web.render import QUAD_LABELS, body_paragraphs, quad_label

__all__ = ["docs_page", "error_page", "router"]

PAGE = 50

_env = Environment(
    loader=PackageLoader("eventwire.web", "templates"),
    autoescape=True,  # every page is HTML: escape everything not marked safe on purpose
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["path"] = lambda value: url_quote(str(value), safe="")
_env.globals.update(
    quad_label=quad_label,
    QUAD_LABELS=QUAD_LABELS,
    PLOVER_TYPES=Q.PLOVER_TYPES,
    version=__version__,  # in asset URLs, so they can be cached for a year
)
templates = Jinja2Templates(env=_env)


def _render(
    request: Request,
    name: str,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status, headers=headers)


def error_page(
    request: Request, status: int, message: str, *, headers: dict[str, str] | None = None
) -> HTMLResponse:
    """A short HTML page for an error."""
    return _render(
        request,
        "error.html",
        status=status,
        headers=headers,
        status_code=status,
        message=message,
        twin=None,
    )


def docs_page(request: Request, *, swagger: bool) -> HTMLResponse:
    """The API's documentation: Swagger UI from local files over ``/openapi.json``."""
    return _render(request, "docs.html", swagger=swagger, twin="/openapi.json")


def _query(params: Mapping[str, object]) -> str:
    """A query string of the parameters that have a value."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return ("?" + urlencode(kept)) if kept else ""


def _pager(request: Request, offset: int, limit: int, has_more: bool) -> dict[str, str | None]:
    def at(where: int) -> str:
        params = dict(request.query_params)
        params["offset"] = str(where)
        return request.url.path + _query(dict(params))

    return {
        "prev": at(max(0, offset - limit)) if offset > 0 else None,
        "next": at(offset + limit) if has_more else None,
    }


def router(db: Database) -> APIRouter:
    """The pages, over ``db``."""
    r = APIRouter(include_in_schema=False)

    @r.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        with db.read() as store:
            stats = Q.stats(store)
            stories = store.stories.stories(limit=8)
        return _render(
            request,
            "home.html",
            stats=stats,
            stories=stories,
            twin="/api/stats",
            data={
                "per_day": to_record(stats.events_per_day),
                "window": Q.chart_window(stats.events_per_day),
            },
        )

    @r.get("/search", response_class=HTMLResponse)
    def search(request: Request) -> HTMLResponse:
        p = request.query_params
        query = ArticleQuery(
            q=form_text(p, "q"),
            since=form_day(p, "since"),
            until=form_day(p, "until"),
            agency=form_text(p, "agency"),
            limit=PAGE + 1,
            offset=form_int(p, "offset", default=0, low=0, high=MAX_OFFSET) or 0,
        )
        total = None
        try:
            with db.read() as store:
                if query.q:
                    found = Q.search_articles(
                        store, query.q, since=query.since, until=query.until,
                        agency=query.agency, limit=PAGE + 1, offset=query.offset,
                    )  # fmt: skip
                    rows: list[Any] = list(found.items)
                    total = found.total
                else:
                    rows = list(store.find(query))
        except QueryError as err:
            raise HTTPException(400, str(err)) from None
        args = {"q": query.q, "since": query.since, "until": query.until, "agency": query.agency}
        return _render(
            request,
            "search.html",
            rows=rows[:PAGE],
            total=total,
            events_csv=None,
            query=query,
            args=args,
            pager=_pager(request, query.offset, PAGE, len(rows) > PAGE),
            twin=("/api/search" if query.q else "/api/articles")
            + _query({**args, "offset": query.offset or None}),
        )

    @r.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str) -> HTMLResponse:
        with db.read() as store:
            found = store.get(article_id) if article_id.strip() else None
            links = store.stories.links(found.id) if found is not None else None
        if found is None:
            raise HTTPException(404, f"no article with id {article_id}")
        names = {a.id: a.name for a in found.actors}
        return _render(
            request,
            "article.html",
            article=found,
            links=links,
            names=names,
            paragraphs=body_paragraphs(found),
            twin=f"/api/articles/{url_quote(found.id, safe='')}",
        )

    @r.get("/actors", response_class=HTMLResponse)
    def actors(request: Request) -> HTMLResponse:
        p = request.query_params
        q = form_text(p, "q")
        offset = form_int(p, "offset", default=0, low=0, high=MAX_OFFSET) or 0
        with db.read() as store:
            page = Q.find_actors(store, q=q, limit=PAGE, offset=offset)
        return _render(
            request,
            "actors.html",
            page=page,
            q=q,
            pager=_pager(request, offset, PAGE, page.has_more),
            twin="/api/actors" + _query({"q": q, "offset": offset or None}),
        )

    @r.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor(request: Request, actor_id: str) -> HTMLResponse:
        with db.read() as store:
            found = Q.actor_detail(store, actor_id)
        if found is None:
            raise HTTPException(404, f"no actor with id {actor_id}")
        return _render(
            request,
            "actor.html",
            actor=found,
            data={"timeline": to_record(found.timeline)},
            twin=f"/api/actors/{url_quote(actor_id, safe='')}",
        )

    @r.get("/events", response_class=HTMLResponse)
    def events(request: Request) -> HTMLResponse:
        f = event_filter(request.query_params, limit=PAGE)
        with db.read() as store:
            page = Q.find_events(store, f)
            timeline = Q.event_timeline(store, f)
            places = Q.event_places(store, f)
        args: dict[str, object] = dict(f.params())
        has_more = f.offset + len(page.items) < page.total
        return _render(
            request,
            "events.html",
            page=page,
            f=f,
            pager=_pager(request, f.offset, f.limit, has_more),
            data={
                "timeline": to_record(timeline),
                "places": to_record(places),
                "window": Q.chart_window(timeline, f),
            },
            csv="/api/events" + _query({**args, "format": "csv"}),
            twin="/api/events" + _query({**args, "offset": f.offset or None}),
            twins={
                "timeline": "/api/events/timeline" + _query(args),
                "places": "/api/events/places" + _query(args),
            },
        )

    @r.get("/network", response_class=HTMLResponse)
    def network(request: Request) -> HTMLResponse:
        p = request.query_params
        by = form_text(p, "by") or "actor"
        if by not in ("actor", "country"):
            raise HTTPException(422, "by: 'actor' or 'country'")
        f = event_filter({k: v for k, v in p.items() if k in ("since", "until", "type")})
        limit = form_int(p, "limit", default=100, low=1, high=MAX_PAGE) or 100
        min_events = form_int(p, "min_events", default=1, low=1, high=10_000) or 1
        focus = form_text(p, "focus")
        with db.read() as store:
            graph = Q.network(
                store, by=by, since=f.since, until=f.until, type=f.type, limit=limit,
                min_events=min_events, focus=focus,
            )  # fmt: skip
        args = {
            "by": by, "since": f.since, "until": f.until, "type": f.type,
            "min_events": min_events if min_events > 1 else None, "focus": focus,
        }  # fmt: skip
        edges = [
            {**to_record(e), "cooperation": e.cooperation, "conflict": e.conflict}
            for e in graph.edges
        ]
        names = {n.id: n.name or n.id for n in graph.nodes}
        return _render(
            request,
            "network.html",
            graph=graph,
            edges=edges,
            names=names,
            f=f,
            by=by,
            min_events=min_events,
            focus=focus,
            data={"by": by, "nodes": to_record(graph.nodes), "edges": edges},
            twin="/api/network" + _query(args),
        )

    @r.get("/quotes", response_class=HTMLResponse)
    def quotes(request: Request) -> HTMLResponse:
        p = request.query_params
        speaker, q = form_text(p, "speaker"), form_text(p, "q")
        offset = form_int(p, "offset", default=0, low=0, high=MAX_OFFSET) or 0
        with db.read() as store:
            page = Q.find_quotes(store, speaker=speaker, q=q, limit=PAGE, offset=offset)
        return _render(
            request,
            "quotes.html",
            page=page,
            speaker=speaker,
            q=q,
            pager=_pager(request, offset, PAGE, page.has_more),
            twin="/api/quotes" + _query({"speaker": speaker, "q": q, "offset": offset or None}),
        )

    return r
