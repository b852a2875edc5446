"""The HTTP edge: a REST API over the store (OpenAPI at ``/docs``) and the web pages.

Reads need nothing; writing (``POST /api/ingest``) needs the bearer token the server was
started with (``EVENTWIRE_TOKEN``), and is off when there is none.  Every error is JSON
``{"error": "...", "status": N}`` under ``/api`` and a short HTML page elsewhere; a
failure inside is logged with its trace and answered with a bare 500.

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app(":memory:"))
>>> client.get("/api/events").json()["total"]
0
>>> client.get("/api/articles/nope").json()
{'error': 'no article with id nope', 'status': 404}
"""

from __future__ import annotations

import csv
import hmac
import io
import json
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    Response,
    StreamingResponse,
)
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Message

from eventwire.errors import InputError, StoreError
from eventwire.model import RawDocument, to_record
from eventwire.readers import read_stream
from eventwire.readers.jsonl import record_to_document
from eventwire.search import QueryError
from eventwire.store import ArticleQuery, ArticleSummary
from eventwire.store import queries as Q
from eventwire.web import pages, stories
from eventwire.web.database import Database
from eventwire.web.params import (
    MAX_PAGE,
    MAX_TEXT,
    Day,
    EventType,
    Limit,
    Offset,
    event_query,
)

__all__ = ["MAX_PAGE", "MAX_UPLOAD_BYTES", "TOKEN_ENV", "create_app", "serve"]

log = logging.getLogger("eventwire.api")

TOKEN_ENV = "EVENTWIRE_TOKEN"
MAX_UPLOAD_BYTES = 10 * 2**20

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


# -- response records ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ArticlePage:
    """A page of articles, newest first."""

    limit: int
    offset: int
    has_more: bool
    items: list[ArticleSummary]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an upload held and what was stored."""

    documents: int
    articles: int
    added: int
    skipped: int
    errors: list[str]


_BEARER = HTTPBearer(auto_error=False, description=f"the token in {TOKEN_ENV}")

ERROR_SCHEMA = {
    "description": "an error",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["error", "status"],
                "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
            }
        }
    },
}
ERRORS: dict[int | str, dict[str, Any]] = {422: ERROR_SCHEMA}


def _article_schema() -> dict[str, Any]:
    text = resources.files("eventwire.schema").joinpath("article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    return schema


# -- the app ---------------------------------------------------------------------------
def create_app(db_path: str, *, token: str | None = None) -> FastAPI:
    """The API and web app over the store at ``db_path`` (created when missing).

    ``token``: the bearer token that ``POST /api/ingest`` requires; None turns writes off.
    """
    db = Database(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="eventwire",
        summary="News articles, actors, quotes and PLOVER events: read-only unless a token is set.",
        version="0.1.0",
        docs_url=None,  # served below from local assets, under the CSP
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    _handle_errors(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    _api_routes(app, db, token)
    _asset_routes(app)
    app.include_router(stories.router(db))
    app.include_router(pages.router(db))
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status, headers=headers)
    return pages.error_page(request, status, message, headers=headers)


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(
                str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")
            )
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return _error(request, 422, "invalid request: " + "; ".join(problems))

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        try:
            response = await call_next(request)
        except Exception:  # the catch-all: the trace goes to the log, never to the client
            log.exception("%s %s failed", request.method, request.url.path)
            response = _error(request, 500, "internal server error")
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path.startswith(("/static/", "/vendor/")) and response.status_code == 200:
            response.headers.update(CACHE)
        return response


def _api_routes(app: FastAPI, db: Database, token: str | None) -> None:

    @app.get("/api/articles", response_model=ArticlePage, responses=ERRORS, tags=["articles"])
    def articles(
        q: Annotated[str | None, Query(max_length=MAX_TEXT, description="full-text search")] = None,
        since: Day = None,
        until: Day = None,
        agency: Annotated[str | None, Query(max_length=40)] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> ArticlePage:
        """Articles, newest first: full-text search over headlines and bodies, dates, agency."""
        query = ArticleQuery(
            q=q, since=since, until=until, agency=agency, limit=limit + 1, offset=offset
        )
        try:
            with db.read() as store:
                rows = store.find(query)
        except QueryError as err:
            raise HTTPException(400, str(err)) from None
        return ArticlePage(limit, offset, len(rows) > limit, rows[:limit])

    @app.get(
        "/api/articles/{article_id}",
        responses={
            200: {
                "description": "the article record",
                "content": {"application/json": {"schema": _article_schema()}},
            },
            404: ERROR_SCHEMA,
        },
        tags=["articles"],
    )
    def article(article_id: Annotated[str, PathParam(max_length=64)]) -> JSONResponse:
        """One article, the whole record (an id prefix will do when it is unique)."""
        with db.read() as store:
            found = store.get(article_id) if article_id.strip() else None
        if found is None:
            raise HTTPException(404, f"no article with id {article_id}")
        return JSONResponse(to_record(found))

    @app.get(
        "/api/events",
        response_model=Q.EventPage,
        responses={
            **ERRORS,
            200: {
                "description": "a page of events (JSON), or every match as a file",
                "content": {"text/csv": {}, "application/x-ndjson": {}},
            },
        },
        tags=["events"],
    )
    def events(
        f: Annotated[Q.EventFilter, Depends(event_query)],
        limit: Limit = 50,
        offset: Offset = 0,
        format: Annotated[
            Literal["json", "csv", "jsonl"],
            Query(description="json: a page; csv (header row) or jsonl: every match, streamed"),
        ] = "json",
    ) -> Any:
        """Events, newest first (by the start of their date's range). Negated events ("did
        not attack") only with ``include_negated``; hedged ones ("may attack") are included
        and marked. Deep pages: pass the page's ``next_after`` as ``after``. With
        ``format=csv`` or ``jsonl``, every matching event is streamed as a file."""
        if format != "json":
            return _event_file(db, f, format)
        with db.read() as store:
            return Q.find_events(store, replace(f, limit=limit, offset=offset))

    @app.get(
        "/api/search",
        response_model=Q.SearchPage,
        responses={400: ERROR_SCHEMA, **ERRORS},
        tags=["articles"],
    )
    def search(
        q: Annotated[
            str,
            Query(
                min_length=1, max_length=MAX_TEXT, description='words, "phrases", prefix*, OR, NOT'
            ),
        ],
        since: Day = None,
        until: Day = None,
        agency: Annotated[str | None, Query(max_length=40)] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Q.SearchPage:
        """Articles matching a full-text search, best first, with highlighted snippets and
        the number matching in all; 400 when the query does not parse."""
        try:
            with db.read() as store:
                return Q.search_articles(
                    store, q, since=since, until=until, agency=agency, limit=limit, offset=offset
                )
        except QueryError as err:
            raise HTTPException(400, str(err)) from None

    @app.get(
        "/api/events/timeline", response_model=list[Q.DayCount], responses=ERRORS, tags=["events"]
    )
    def events_timeline(f: Annotated[Q.EventFilter, Depends(event_query)]) -> list[Q.DayCount]:
        """The matching events per day and quad class."""
        with db.read() as store:
            return Q.event_timeline(store, f)

    @app.get(
        "/api/events/places", response_model=list[Q.EventPlace], responses=ERRORS, tags=["events"]
    )
    def events_places(f: Annotated[Q.EventFilter, Depends(event_query)]) -> list[Q.EventPlace]:
        """The geocoded places of the matching events, the busiest first."""
        with db.read() as store:
            return Q.event_places(store, f)

    @app.get("/api/actors", response_model=Q.ActorPage, responses=ERRORS, tags=["actors"])
    def actors(
        q: Annotated[
            str | None, Query(max_length=MAX_TEXT, description="part of a name or an id")
        ] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Q.ActorPage:
        """Actors, the most active first."""
        with db.read() as store:
            return Q.find_actors(store, q=q, limit=limit, offset=offset)

    @app.get(
        "/api/actors/{actor_id}",
        response_model=Q.ActorDetail,
        responses={404: ERROR_SCHEMA, 422: ERROR_SCHEMA},
        tags=["actors"],
    )
    def actor(actor_id: Annotated[str, PathParam(max_length=MAX_TEXT)]) -> Q.ActorDetail:
        """One actor: its events over time, counterparts, quotes and latest events."""
        with db.read() as store:
            found = Q.actor_detail(store, actor_id)
        if found is None:
            raise HTTPException(404, f"no actor with id {actor_id}")
        return found

    @app.get("/api/quotes", response_model=Q.QuotePage, responses=ERRORS, tags=["quotes"])
    def quotes(
        speaker: Annotated[
            str | None, Query(max_length=MAX_TEXT, description="speaker name part or actor id")
        ] = None,
        q: Annotated[
            str | None, Query(max_length=MAX_TEXT, description="words in the quote")
        ] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Q.QuotePage:
        """Quotes, newest first."""
        with db.read() as store:
            return Q.find_quotes(store, speaker=speaker, q=q, limit=limit, offset=offset)

    @app.get("/api/stats", response_model=Q.Stats, tags=["overview"])
    def stats() -> Q.Stats:
        """Counts, events per day, the most active actors, agencies, the latest articles."""
        with db.read() as store:
            return Q.stats(store)

    @app.get("/api/network", response_model=Q.Network, responses=ERRORS, tags=["overview"])
    def network(
        by: Literal["actor", "country"] = "actor",
        since: Day = None,
        until: Day = None,
        type: EventType = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        min_events: Annotated[
            int, Query(ge=1, le=10_000, description="edges of at least N events")
        ] = 1,
        focus: Annotated[
            str | None,
            Query(max_length=MAX_TEXT, description="only edges touching this actor id or code"),
        ] = None,
    ) -> Q.Network:
        """Who acts on whom: the busiest directed edges with counts by quad class."""
        with db.read() as store:
            return Q.network(
                store,
                by=by,
                since=since,
                until=until,
                type=type,
                limit=limit,
                min_events=min_events,
                focus=focus,
            )

    @app.post(
        "/api/ingest",
        response_model=IngestReport,
        responses={
            400: ERROR_SCHEMA,
            401: ERROR_SCHEMA,
            403: ERROR_SCHEMA,
            413: ERROR_SCHEMA,
            415: ERROR_SCHEMA,
            422: ERROR_SCHEMA,
        },
        openapi_extra={"requestBody": _INGEST_BODY},
        tags=["write"],
    )
    async def ingest(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> IngestReport:
        """Store news: JSON records or uploaded files (any format ``eventwire ingest`` reads).

        Needs ``Authorization: Bearer <token>``; ingesting the same story twice adds nothing.
        """
        if token is None:
            raise HTTPException(
                403, f"writing over HTTP is off: start the server with {TOKEN_ENV} set"
            )
        given = credentials.credentials if credentials else ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(
                401, "a valid bearer token is needed", {"WWW-Authenticate": "Bearer"}
            )
        body = await _read_body(request)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            docs = _json_documents(body)
        elif kind == "multipart/form-data":
            docs = await _uploaded_documents(request, body, db)
        else:
            raise HTTPException(415, "send application/json records or multipart/form-data files")
        report = await run_in_threadpool(db.ingest, docs)
        errors = [str(e) for e in report.errors]
        if report.nothing_read:
            raise HTTPException(422, "nothing could be read: " + "; ".join(errors[:10]))
        return IngestReport(report.documents, report.articles, report.added, report.skipped, errors)


def _event_file(db: Database, f: Q.EventFilter, format: str) -> StreamingResponse:
    """Every event the filter matches as CSV or JSON lines, streamed a keyset page at a
    time (the store's lock is held per page, never across the whole download)."""
    from eventwire import exporters

    def pages() -> Iterator[str]:
        cursor: str | None = None
        first = True
        while True:
            with db.read() as store:
                page = Q.find_events(store, f.with_page(limit=Q.MAX_PAGE, after=cursor))
            buf = io.StringIO()
            if format == "csv":
                writer = csv.writer(buf, lineterminator="\n")
                if first:
                    writer.writerow(exporters.EVENT_COLUMNS)
                writer.writerows(exporters.event_csv_row(e) for e in page.items)
            else:
                exporters.write_event_jsonl(page.items, buf)
            first = False
            yield buf.getvalue()
            cursor = page.next_after
            if cursor is None:
                return

    kind = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    name = "events.csv" if format == "csv" else "events.jsonl"
    return StreamingResponse(
        pages(), media_type=kind, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


_INGEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        k: {"type": "string"}
                        for k in ("id", "url", "title", "published", "text", "html")
                    },
                },
            }
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {"type": "array", "items": {"type": "string", "format": "binary"}}
                },
                "required": ["file"],
            }
        },
    },
}


async def _read_body(request: Request) -> bytes:
    """The request body, refused (413) past the upload limit before it is all read."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"uploads are limited to {MAX_UPLOAD_BYTES // 2**20} MiB")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise HTTPException(413, f"uploads are limited to {MAX_UPLOAD_BYTES // 2**20} MiB")
        chunks.append(chunk)
    return b"".join(chunks)


def _json_documents(body: bytes) -> list[RawDocument | InputError]:
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise HTTPException(400, f"malformed JSON: {err}") from None
    records = data if isinstance(data, list) else [data]
    out: list[RawDocument | InputError] = []
    for n, record in enumerate(records, start=1):
        try:
            out.append(record_to_document(record, "upload", n))
        except InputError as err:
            out.append(err)
    return out


async def _uploaded_documents(
    request: Request, body: bytes, db: Database
) -> list[RawDocument | InputError]:
    sent = False

    async def replay() -> Message:  # the body already read (and measured), once more
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form(max_files=100, max_fields=100)
    try:
        files = [f for f in form.getlist("file") if isinstance(f, UploadFile)]
        if not files:
            raise HTTPException(422, "no files: send them in form fields named 'file'")

        def read_all() -> list[RawDocument | InputError]:
            out: list[RawDocument | InputError] = []
            for f in files:
                out.extend(read_stream(f.file, f"upload:{f.filename or 'file'}", db.settings))
            return out

        return await run_in_threadpool(read_all)
    finally:
        await form.close()


# -- assets that ship in Python packages -----------------------------------------------
@cache
def _package_dir(name: str) -> Path | None:
    """Where an installed package's files are, without importing it."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def plotly_js() -> Path | None:
    """Plotly's bundled ``plotly.min.js`` (from the ``plotly`` PyPI package)."""
    folder = _package_dir("plotly")
    path = folder / "package_data" / "plotly.min.js" if folder else None
    return path if path and path.is_file() else None


def swagger_dir() -> Path | None:
    """Swagger UI's files (from the ``swagger-ui-bundle-v2`` PyPI package)."""
    folder = _package_dir("swagger_ui_bundle")
    found = sorted(folder.glob("vendor/swagger-ui-*/")) if folder else []
    return found[-1] if found else None


SWAGGER_FILES = {"swagger-ui-bundle.js", "swagger-ui.css"}
# Assets are addressed with the package version (?v=), so a year of caching is safe.
CACHE = {"Cache-Control": "public, max-age=31536000, immutable"}


def _asset_routes(app: FastAPI) -> None:
    static = resources.files("eventwire.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        path = plotly_js()
        if path is None:
            raise HTTPException(404, "plotly is not installed")
        return FileResponse(path, media_type="text/javascript", headers=CACHE)

    @app.get("/vendor/swagger-ui/{name}", include_in_schema=False)
    def swagger_asset(name: str) -> Response:
        folder = swagger_dir()
        if folder is None or name not in SWAGGER_FILES:
            raise HTTPException(404, "no such file")
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return FileResponse(folder / name, media_type=kind, headers=CACHE)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return pages.docs_page(request, swagger=swagger_dir() is not None)


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and web pages over the store at ``db`` until interrupted.

    Binds 127.0.0.1 unless told otherwise; ``POST /api/ingest`` is on only when the
    environment has ``EVENTWIRE_TOKEN``.
    """
    import uvicorn

    if db != ":memory:" and not Path(db).exists():
        raise StoreError(f"{db}: no such database (make one with `eventwire ingest ... --db {db}`)")
    token = os.environ.get(TOKEN_ENV) or None
    app = create_app(db, token=token)
    log.info("serving %s on http://%s:%d/ (writes %s)", db, host, port, "on" if token else "off")
    uvicorn.run(app, host=host, port=port, log_level="info", ws="none")
