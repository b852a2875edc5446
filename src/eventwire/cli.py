"""The command line: a few lines per command over :mod:`eventwire.service` and the store."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from contextlib import contextmanager
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire import exporters
from eventwire.errors import EventwireError, InputError
from eventwire.model import Article, to_record
from eventwire.service import RunReport, extract, ingest
from eventwire.settings import Settings
from eventwire.store import ArticleQuery, SQLiteStore, open_store

app = typer.Typer(
    help="eventwire: raw news in, who did what to whom, when and where, out.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
DEFAULT_DB = Path("eventwire.db")
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")]


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    polecat = "polecat"
    gdelt = "gdelt"


def _print_error(e: InputError) -> None:
    err.print(f"[red]error:[/red] {e}", highlight=False, markup=True)


@contextmanager
def _progress(label: str):  # type: ignore[no-untyped-def]
    """A Rich progress line on a terminal; silent when output goes to a file or pipe."""
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task(label, total=None)
        yield lambda uri: progress.update(task, advance=1, description=f"{label} {Path(uri).name}")


def _setup_logging() -> None:
    logging.basicConfig(format="warning: %(message)s", level=logging.WARNING, stream=sys.stderr)


@app.command("ingest")
def ingest_cmd(
    paths: PathsArg,
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int | None, typer.Option(help="Process on N local Dask worker processes.", min=1)
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Process on a Dask cluster (scheduler address).")
    ] = None,
    reprocess: Annotated[
        bool,
        typer.Option(help="Replace stored articles whose records the pipeline now finds changed."),
    ] = False,
) -> None:
    """Read, process and store news; what is already stored is skipped.

    With --workers or --scheduler the processing runs on Dask workers, streaming
    chunks of the inputs; this process stays the one writer of the store.
    """
    _setup_logging()
    if reprocess and (workers or scheduler):
        err.print("error: --reprocess runs in this process; leave out --workers/--scheduler")
        raise typer.Exit(2)
    with open_store(db) as store, _progress("ingesting") as tick:
        if workers or scheduler:
            from eventwire.scale.dask import ingest_with_workers  # Dask loads only here

            # Dask narrates its cluster's start and shutdown at WARNING; keep errors only.
            logging.getLogger("distributed").setLevel(logging.ERROR)

            report = ingest_with_workers(
                paths,
                store,
                workers=workers,
                scheduler=scheduler,
                on_error=_print_error,
                on_document=tick,
            )
        else:
            report = ingest(
                paths, store, on_error=_print_error, on_document=tick, replace=reprocess
            )
    _summary(report, db)
    if report.nothing_read:
        raise typer.Exit(1)


def _summary(report: RunReport, db: Path) -> None:
    msg = (
        f"{report.documents} input document(s), {report.articles} article(s): "
        f"{report.added} new, {report.skipped} already stored"
    )
    if report.replaced:
        msg += f", {report.replaced} replaced"
    if report.errors:
        msg += f", {len(report.errors)} input error(s)"
    if report.articles and not report.added and not report.replaced:
        msg += " (nothing new)"
    err.print(f"{msg} -> {db}", highlight=False)


@app.command("extract")
def extract_cmd(
    paths: PathsArg,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
    nlp: Annotated[
        bool, typer.Option(help="Run the understanding stages (--no-nlp: clean articles only).")
    ] = True,
) -> None:
    """Print the article records found in the inputs; store nothing."""
    _setup_logging()
    report = RunReport()
    articles = extract(paths, settings=Settings(nlp=nlp), report=report, on_error=_print_error)
    if format is ExtractFormat.jsonl:
        for a in articles:
            sys.stdout.write(json.dumps(to_record(a), ensure_ascii=False) + "\n")
    else:
        json.dump([to_record(a) for a in articles], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if report.nothing_read:
        raise typer.Exit(1)


@app.command("articles")
def articles_cmd(
    db: DbOption = DEFAULT_DB,
    q: Annotated[str | None, typer.Option(help="Full-text search.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    agency: Annotated[
        str | None, typer.Option(help="Naming this agency (AFP, REUTERS...).")
    ] = None,
    limit: int = 50,
) -> None:
    """List stored articles, newest first."""
    with _existing_store(db) as store:
        rows = store.find(ArticleQuery(q=q, since=since, until=until, agency=agency, limit=limit))
        table = Table(
            "id", "published", "headline", "agencies", "paras", title=f"{store.count()} articles"
        )
        for r in rows:
            table.add_row(
                r.id, r.published or "?", r.headline or "", ", ".join(r.agencies), str(r.paragraphs)
            )
    out.print(table)


@app.command("show")
def show_cmd(article_id: str, db: DbOption = DEFAULT_DB) -> None:
    """Print one stored article (an id prefix will do)."""
    with _existing_store(db) as store:
        article = store.get(article_id)
    if article is None:
        err.print(f"error: no article with id {article_id!r} in {db}")
        raise typer.Exit(1)
    _show(article)


def _show(a: Article) -> None:
    out.rule(a.headline or "(no headline)")
    out.print(
        f"id {a.id}  published {a.published or '?'} ({a.published_basis or 'unknown'})  "
        f"agencies {', '.join(a.agencies) or '-'}",
        highlight=False,
    )
    if a.dateline:
        out.print(f"dateline: {a.dateline}", highlight=False)
    if a.byline:
        out.print(f"byline: {a.byline}", highlight=False)
    for im in a.images:
        out.print(f"[dim]image: {im.caption} [{im.credit or 'no credit'}] {im.date or ''}[/dim]")
    if a.subheadings:
        out.print(f"subheadings: {' | '.join(a.subheadings)}", highlight=False)
    out.print()
    out.print(a.body, highlight=False, markup=False)
    if a.actors:
        out.print()
        out.print("[bold]actors[/bold]")
        for x in a.actors:
            bits = ", ".join(b for b in (x.kind, x.country, x.sector, x.title) if b)
            out.print(f"  {x.name} ({bits})", highlight=False, markup=False)
    if a.quotes:
        out.print("[bold]quotes[/bold]")
        names = {x.id: x.name for x in a.actors}
        for qt in a.quotes:
            who = names.get(qt.speaker_actor or "", qt.speaker or "?")
            out.print(f"  {who}: “{qt.text}”", highlight=False, markup=False)
    if a.timexes:
        out.print("[bold]dates[/bold]")
        for t in a.timexes:
            out.print(f"  {t.text} = {t.value or '?'}", highlight=False, markup=False)
    if a.events:
        out.print("[bold]events[/bold]")
        names = {x.id: x.name for x in a.actors}
        for e in a.events:
            flags = "".join(
                f" ({f})" for f, on in (("negated", e.negated), ("hedged", e.hedged)) if on
            )
            who = ", ".join(names.get(i, i) for i in e.source) or "?"
            whom = ", ".join(names.get(i, i) for i in e.target) or "-"
            where = f" in {e.location.name}" if e.location else ""
            out.print(
                f"  {e.type}{flags} {who} -> {whom}, {e.date or '?'}{where} [{e.cameo or ''}]",
                highlight=False,
                markup=False,
            )
            out.print(f"    “{e.sentence}”", highlight=False, markup=False, style="dim")
    if a.discarded:
        out.print()
        out.print(f"[dim]{len(a.discarded)} line(s) discarded:[/dim]")
        for d in a.discarded:
            out.print(f"[dim]  {d.reason}: {d.text[:100]}[/dim]", markup=True, highlight=False)


@app.command("actors")
def actors_cmd(
    db: DbOption = DEFAULT_DB,
    name: Annotated[str | None, typer.Option(help="Part of a name or alias.")] = None,
    limit: int = 50,
) -> None:
    """List actors by the number of articles that mention them."""
    with _existing_store(db) as store:
        rows = store.actors(name=name, limit=limit)
    table = Table("name", "kind", "country", "sector", "title", "articles")
    for r in rows:
        table.add_row(
            r.name, r.kind, r.country or "", r.sector or "", r.title or "", str(r.articles)
        )
    out.print(table)


@app.command("quotes")
def quotes_cmd(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    q: Annotated[str | None, typer.Option(help="Words in the quote.")] = None,
    limit: int = 50,
) -> None:
    """List quotes with their speakers, newest first."""
    with _existing_store(db) as store:
        rows = store.quotes(speaker=speaker, q=q, limit=limit)
    table = Table("published", "speaker", "quote", "article")
    for r in rows:
        text = f"“{r.text}”" + (" (partial)" if r.partial else "")
        table.add_row(r.published or "?", r.speaker or "?", text, r.article_id[:8])
    out.print(table)


@app.command("events")
def events_cmd(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Actor id, code or part of a name.")] = None,
    country: Annotated[str | None, typer.Option(help="Source or target country (ISO3).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type (ACCUSE...).")] = None,
    quad_class: Annotated[int | None, typer.Option(help="1-4.")] = None,
    since: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    include_negated: Annotated[bool, typer.Option(help="Show negated events too.")] = False,
    limit: int = 50,
) -> None:
    """List events, newest first; negated ones are left out unless asked for, hedged
    ones are marked."""
    from eventwire.store.queries import EventFilter, find_events

    query = EventFilter(
        actor=actor,
        country=country.upper() if country else None,
        type=type.upper() if type else None,
        quad_class=quad_class,
        since=since,
        until=until,
        include_negated=include_negated,
        limit=limit,
    )
    with _existing_store(db) as store:
        page = find_events(store, query)
    table = Table(title=f"{page.total} events")
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    for name in ("who", "whom", "where", "trigger"):
        table.add_column(name)
    table.add_column("article", no_wrap=True)
    for e in page.items:
        kind = e.type + (" (negated)" if e.negated else "") + (" (hedged)" if e.hedged else "")
        table.add_row(
            e.day or "?",
            kind,
            ", ".join(a.name or a.id for a in e.source),
            ", ".join(a.name or a.id for a in e.target),
            e.location or "",
            e.trigger,
            e.article_id[:8],
        )
    out.print(table)


@app.command("stats")
def stats_cmd(db: DbOption = DEFAULT_DB) -> None:
    """The store at a glance: counts, agencies, the most active actors."""
    from eventwire.store.queries import stats

    with _existing_store(db) as store:
        s = stats(store, top=8)
    out.print(
        f"{s.articles} articles ({s.first_day or '?'} to {s.last_day or '?'}), "
        f"{s.actors} actors, {s.quotes} quotes, {s.events} events "
        f"(+{s.negated_events} negated, not counted)",
        highlight=False,
    )
    out.print("agencies: " + ", ".join(f"{k} {v}" for k, v in s.agencies.items()), highlight=False)
    table = Table("most active actor", "country", "sector", "events", "articles")
    for a in s.most_active:
        table.add_row(a.name, a.country or "", a.sector or "", str(a.events), str(a.articles))
    out.print(table)


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default stdout).")
    ] = None,
    include_negated: Annotated[
        bool, typer.Option(help="Event formats: keep negated events (flagged).")
    ] = False,
) -> None:
    """Export the store: articles as JSON lines (the records `extract` prints), CSV or
    Parquet; events as PLOVER JSON lines, a POLECAT-like TSV or a GDELT-like table."""
    if format is ExportFormat.parquet and output is None:
        err.print("error: --format parquet needs --output FILE")
        raise typer.Exit(2)
    with _existing_store(db) as store:
        articles = store.all_articles()
        if format is ExportFormat.parquet:
            assert output is not None
            n = exporters.write_parquet(articles, output)
        else:
            writer = _WRITERS[format]
            if format in _EVENT_FORMATS:
                writer = partial(writer, include_negated=include_negated)
            if format is ExportFormat.gdelt:  # counted across articles: one row per instance
                writer = partial(writer, instances=store.stories.instance_counts())
            if output is None:
                n = writer(articles, sys.stdout)
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    n = writer(articles, fh)
    what = "event(s)" if format in _EVENT_FORMATS else "article(s)"
    err.print(f"exported {n} {what}", highlight=False)


_WRITERS: dict[ExportFormat, Callable[..., int]] = {
    ExportFormat.jsonl: exporters.write_jsonl,
    ExportFormat.csv: exporters.write_csv,
    ExportFormat.plover: exporters.write_plover,
    ExportFormat.polecat: exporters.write_polecat,
    ExportFormat.gdelt: exporters.write_gdelt,
}
_EVENT_FORMATS = {ExportFormat.plover, ExportFormat.polecat, ExportFormat.gdelt}


class StoriesFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


@app.command("stories")
def stories_cmd(
    story_id: Annotated[int | None, typer.Argument(help="Show this story.")] = None,
    db: DbOption = DEFAULT_DB,
    format: Annotated[StoriesFormat, typer.Option("--format", "-f")] = StoriesFormat.table,
    limit: int = 50,
) -> None:
    """List stories (articles about one real-world event), the latest first, or show one:
    its articles by source and their copies, and its events with their counts."""
    from eventwire.stories.render import print_stories, print_story, story_record

    with _existing_store(db) as store:
        if story_id is None:
            rows = store.stories.stories(limit=limit)
            if format is StoriesFormat.jsonl:
                for s in rows:
                    sys.stdout.write(json.dumps(story_record(s), ensure_ascii=False) + "\n")
            else:
                print_stories(out, rows, total=store.stories.count())
            return
        detail = store.stories.story(story_id)
    if detail is None:
        err.print(f"error: no story {story_id} in {db}", highlight=False)
        raise typer.Exit(1)
    if format is StoriesFormat.jsonl:
        sys.stdout.write(json.dumps(story_record(detail.summary), ensure_ascii=False) + "\n")
    else:
        print_story(out, detail)


@app.command("serve")
def serve_cmd(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Interface to bind (local only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the web UI.

    Writing over HTTP (POST /api/ingest) is on only when EVENTWIRE_TOKEN is set.
    """
    from eventwire.api import serve  # FastAPI loads only for this command

    if not db.exists():
        err.print(f"error: {db}: no such database (run `eventwire ingest PATH --db {db}` first)")
        raise typer.Exit(1)
    err.print(f"serving {db} on http://{host}:{port}/ (API docs at /docs)", highlight=False)
    serve(str(db), host=host, port=port)


@contextmanager
def _existing_store(db: Path):  # type: ignore[no-untyped-def]
    if not db.exists():
        err.print(f"error: {db}: no such database (run `eventwire ingest PATH --db {db}` first)")
        raise typer.Exit(1)
    store: SQLiteStore = open_store(db)
    try:
        yield store
    finally:
        store.close()


def main() -> None:
    try:
        app()
    except EventwireError as e:
        err.print(f"error: {e}", highlight=False)
        sys.exit(1)


__all__ = ["app", "main"]
