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
from typing import IO, TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire import exporters
from eventwire.errors import EventwireError, InputError
from eventwire.model import Article, to_record
from eventwire.service import RunReport, extract, ingest
from eventwire.settings import Settings
from eventwire.store import ArticleQuery, SQLiteStore, open_store

if TYPE_CHECKING:
    from eventwire.filters import EventFilter

app = typer.Typer(
    help="eventwire: raw news in, who did what to whom, when and where, out.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", metavar="FILE", help="SQLite database file.")]
DEFAULT_DB = Path("eventwire.db")
PathsArg = Annotated[
    list[str], typer.Argument(metavar="PATHS...", help="Files, folders (recursive) or - for stdin.")
]


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
        int | None,
        typer.Option(metavar="N", help="Process on N local Dask worker processes.", min=1),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", help="Process on a Dask cluster (scheduler address)."),
    ] = None,
    reprocess: Annotated[
        bool,
        typer.Option(
            metavar="", help="Replace stored articles whose records the pipeline now finds changed."
        ),
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
    existed = db.exists()
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
        if not existed:  # leave no empty database behind when nothing could be read
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
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
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", metavar="jsonl|json")
    ] = ExtractFormat.jsonl,
    nlp: Annotated[
        bool,
        typer.Option(
            metavar="", help="Run the understanding stages (--no-nlp: clean articles only)."
        ),
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
    q: Annotated[
        str | None,
        typer.Option(
            metavar="QUERY", help="Full-text search (see README: stems, prefix*, OR, NOT)."
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option(metavar="DATE", help="Published on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(metavar="DATE", help="Published on or before YYYY-MM-DD.")
    ] = None,
    agency: Annotated[
        str | None, typer.Option(metavar="AGENCY", help="Naming this agency (AFP, REUTERS...).")
    ] = None,
    limit: Annotated[int, typer.Option(metavar="N", help="At most N articles.")] = 50,
) -> None:
    """List stored articles, newest first (--q: full-text search, see README)."""
    from eventwire.store.queries import count_articles

    if limit < 1:
        err.print(f"error: --limit: {limit} is not a whole number of at least 1")
        raise typer.Exit(2)
    query = ArticleQuery(q=q, since=since, until=until, agency=agency, limit=limit)
    with _existing_store(db) as store:
        rows = store.find(query)
        total = count_articles(store, query)
        if not rows:
            err.print("no articles match", highlight=False)
            return
        shown = f", first {len(rows)}" if total > len(rows) else ""
        table = Table(
            "id", "published", "headline", "agencies", "paras", title=f"{total} articles{shown}"
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
    name: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Part of a name or alias.")
    ] = None,
    limit: Annotated[int, typer.Option(metavar="N", help="At most N actors.")] = 50,
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
    speaker: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Part of the speaker's name.")
    ] = None,
    q: Annotated[str | None, typer.Option(metavar="TEXT", help="Words in the quote.")] = None,
    limit: Annotated[int, typer.Option(metavar="N", help="At most N quotes.")] = 50,
) -> None:
    """List quotes with their speakers, newest first."""
    with _existing_store(db) as store:
        rows = store.quotes(speaker=speaker, q=q, limit=limit)
    table = Table("published", "speaker", "quote", "article")
    for r in rows:
        text = f"“{r.text}”" + (" (partial)" if r.partial else "")
        table.add_row(r.published or "?", r.speaker or "?", text, r.article_id[:8])
    out.print(table)


# The event filter's options, shared by `events` and `export`: the names are the API's
# query parameters (with dashes), and eventwire.filters checks them for both.
SourceOpt = Annotated[
    str | None,
    typer.Option(metavar="ACTOR", help="The acting side: actor id, code (IRN) or part of a name."),
]
TargetOpt = Annotated[
    str | None, typer.Option(metavar="ACTOR", help="The side acted on (as --source).")
]
ActorOpt = Annotated[
    str | None, typer.Option(metavar="ACTOR", help="An actor in either role (as --source).")
]
CountryOpt = Annotated[
    str | None,
    typer.Option(metavar="ISO3", help="The place's or any participant's country (ISO3: IRN)."),
]
SourceCountryOpt = Annotated[
    str | None, typer.Option(metavar="ISO3", help="The acting side's country (ISO3).")
]
TargetCountryOpt = Annotated[
    str | None, typer.Option(metavar="ISO3", help="The other side's country (ISO3).")
]
TypeOpt = Annotated[
    str | None, typer.Option("--type", metavar="TYPE", help="PLOVER type (ACCUSE, PROTEST...).")
]
ModeOpt = Annotated[str | None, typer.Option(metavar="MODE", help="PLOVER mode (lower case).")]
CameoOpt = Annotated[
    str | None, typer.Option(metavar="CODE", help="CAMEO code or prefix (2-4 digits: 19).")
]
QuadOpt = Annotated[
    str | None,
    typer.Option(metavar="1-4", help="Quad class: 1/2 verbal/material cooperation, 3/4 conflict."),
]
GoldMinOpt = Annotated[
    str | None, typer.Option(metavar="N", help="Lowest Goldstein intensity (-10 to 10).")
]
GoldMaxOpt = Annotated[
    str | None, typer.Option(metavar="N", help="Highest Goldstein intensity (-10 to 10).")
]
SinceOpt = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="From this date: YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY."),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="To this date (an event's whole date range must fit)."),
]
PlaceOpt = Annotated[str | None, typer.Option(metavar="TEXT", help="Part of the place name.")]
NegatedOpt = Annotated[
    bool, typer.Option(metavar="", help="Include negated events (did not attack).")
]
HedgedOpt = Annotated[bool, typer.Option(metavar="", help="Include hedged events (may attack).")]


class EventFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover = "plover"
    polecat = "polecat"
    gdelt = "gdelt"


def _event_filter(options: dict[str, object], *, limit: int | None = None) -> EventFilter:
    """The options as an EventFilter, or exit 2 naming the bad option (as the API's 422)."""
    from eventwire.filters import FILTER_FIELDS, FilterError, parse_filter

    wanted = {k: v for k, v in options.items() if k in FILTER_FIELDS and k != "limit"}
    if limit is not None:
        wanted["limit"] = limit
    try:
        return parse_filter(wanted)
    except FilterError as e:
        err.print(f"error: --{e.option.replace('_', '-')}: {e.message}", highlight=False)
        raise typer.Exit(2) from None


@app.command("events")
def events_cmd(
    db: DbOption = DEFAULT_DB,
    source: SourceOpt = None,
    target: TargetOpt = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    source_country: SourceCountryOpt = None,
    target_country: TargetCountryOpt = None,
    type: TypeOpt = None,
    mode: ModeOpt = None,
    cameo: CameoOpt = None,
    quad_class: QuadOpt = None,
    goldstein_min: GoldMinOpt = None,
    goldstein_max: GoldMaxOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    place: PlaceOpt = None,
    include_negated: NegatedOpt = False,
    include_hedged: HedgedOpt = True,
    format: Annotated[
        EventFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, csv, jsonl, parquet, plover, polecat or gdelt.",
        ),
    ] = EventFormat.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File (default stdout; parquet needs one)."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help="At most N events (newest first); default 50 for the table, all for files.",
        ),
    ] = None,
) -> None:
    """List events, newest first, or write them as a file: csv (with a header row), jsonl,
    parquet, or the PLOVER, POLECAT and GDELT 2.0 formats. Negated events are left out
    unless asked for; hedged ones are marked."""
    from eventwire.store.queries import find_events

    if limit is not None and limit < 1:
        err.print(f"error: --limit: {limit} is not a whole number of at least 1")
        raise typer.Exit(2)
    f = _event_filter(dict(locals()), limit=min(limit or 50, 500))
    if format is not EventFormat.table:
        with _existing_store(db) as store:
            _write_events(store, f, format, output, limit)
        return
    with _existing_store(db) as store:
        page = find_events(store, f)
    if not page.items:
        err.print("no events match", highlight=False)
        return
    table = Table(
        title=f"{page.total} events"
        + (f", first {len(page.items)}" if page.total > len(page.items) else "")
    )
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("cameo", no_wrap=True)
    table.add_column("goldstein", no_wrap=True)
    for name in ("who", "whom", "where", "trigger"):
        table.add_column(name)
    table.add_column("article", no_wrap=True)
    for e in page.items:
        kind = e.type + (" (negated)" if e.negated else "") + (" (hedged)" if e.hedged else "")
        table.add_row(
            escape(e.date or e.day or "?"),
            kind,
            e.cameo or "",
            "" if e.intensity is None else f"{e.intensity:g}",
            escape(", ".join(a.name or a.id for a in e.source)),
            escape(", ".join(a.name or a.id for a in e.target)),
            escape(e.location or ""),
            escape(e.trigger),
            e.article_id[:8],
        )
    out.print(table)


def _write_events(
    store: SQLiteStore, f: EventFilter, format: EventFormat, output: Path | None, limit: int | None
) -> None:
    """Every event the filter matches (or the first ``limit``), in a file format."""
    from itertools import islice

    from eventwire.store.queries import iter_event_records, iter_events

    if format is EventFormat.parquet and output is None:
        err.print("error: --format parquet needs --output FILE")
        raise typer.Exit(2)
    skipped = 0

    def skip(_a: Article, _e: object) -> None:
        nonlocal skipped
        skipped += 1

    rows = islice(iter_events(store, f), limit)
    records = islice(iter_event_records(store, f), limit)
    if format is EventFormat.parquet:
        assert output is not None
        n = exporters.write_event_parquet(rows, output)
    else:
        writers: dict[EventFormat, Callable[[IO[str]], int]] = {
            EventFormat.csv: partial(exporters.write_event_csv, rows),
            EventFormat.jsonl: partial(exporters.write_event_jsonl, rows),
            EventFormat.plover: partial(exporters.write_plover, records, on_skip=skip),
            EventFormat.polecat: partial(exporters.write_polecat, records),
            EventFormat.gdelt: partial(
                exporters.write_gdelt, records, instances=store.stories.instance_counts()
            ),
        }
        if output is None:
            n = writers[format](sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = writers[format](fh)
    what = "GDELT row(s)" if format is EventFormat.gdelt else "event(s)"
    note = f"; {skipped} left out: no source actor, which PLOVER requires" if skipped else ""
    err.print(f"exported {n} {what}{note}" if n else "no events match", highlight=False)


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
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="jsonl, csv, parquet (articles); plover, polecat, gdelt (events).",
        ),
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="File (default stdout).")
    ] = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    actor: ActorOpt = None,
    country: CountryOpt = None,
    source_country: SourceCountryOpt = None,
    target_country: TargetCountryOpt = None,
    type: TypeOpt = None,
    mode: ModeOpt = None,
    cameo: CameoOpt = None,
    quad_class: QuadOpt = None,
    goldstein_min: GoldMinOpt = None,
    goldstein_max: GoldMaxOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    place: PlaceOpt = None,
    include_negated: NegatedOpt = False,
    include_hedged: HedgedOpt = True,
) -> None:
    """Export the store: articles as JSON lines (the records `extract` prints), CSV or
    Parquet; events as PLOVER JSON lines, POLECAT's TSV or the GDELT 2.0 event table, with
    the same filters as `events` (which also writes event rows as csv, jsonl or parquet)."""
    options = dict(locals())
    if format in _EVENT_FORMATS:
        f = _event_filter(options)
        with _existing_store(db) as store:
            _write_events(store, f, EventFormat(format.value), output, None)
        return
    filters = [
        k for k, v in options.items()
        if k not in ("db", "format", "output", "include_hedged") and v not in (None, False)
    ]  # fmt: skip
    if filters:
        err.print(
            f"error: --{filters[0].replace('_', '-')}: event filters apply to the event formats"
            " (plover, polecat, gdelt); `eventwire events --format csv|jsonl|parquet` writes"
            " filtered event rows"
        )
        raise typer.Exit(2)
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
            if output is None:
                n = writer(articles, sys.stdout)
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    n = writer(articles, fh)
    err.print(f"exported {n} article(s)", highlight=False)


_WRITERS: dict[ExportFormat, Callable[..., int]] = {
    ExportFormat.jsonl: exporters.write_jsonl,
    ExportFormat.csv: exporters.write_csv,
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
        str, typer.Option(metavar="HOST", help="Interface to bind (local only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port.")] = 8000,
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
