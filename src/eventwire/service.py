"""What the edges (CLI, API) call: extract articles from inputs, ingest them into a store.

>>> from eventwire.settings import Settings
>>> report = RunReport()
>>> report.added, report.errors
(0, [])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.errors import InputError, NoArticle
from eventwire.model import Article, RawDocument
from eventwire.pipeline import Pipeline
from eventwire.readers import read
from eventwire.settings import Settings
from eventwire.stages import default_stages
from eventwire.stages.articles import build_articles
from eventwire.store.base import Store

__all__ = ["ErrorHook", "ProgressHook", "RunReport", "extract", "ingest", "process_documents"]

ErrorHook = Callable[[InputError], None]
ProgressHook = Callable[[str], None]


@dataclass(slots=True)
class RunReport:
    """What one run read, found and stored."""

    documents: int = 0
    articles: int = 0
    added: int = 0
    skipped: int = 0
    replaced: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def nothing_read(self) -> bool:
        """True when errors were all there was: the one case a run fails."""
        return self.documents == 0 and bool(self.errors)


def process_documents(
    docs: Iterable[RawDocument | InputError],
    *,
    settings: Settings,
    report: RunReport,
    on_error: ErrorHook | None = None,
    on_document: ProgressHook | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Article]:
    """Articles from documents, in batches through the pipeline; errors reported, not raised."""
    pipeline = pipeline or Pipeline(default_stages(settings))
    batch: list[Article] = []
    for doc in docs:
        if isinstance(doc, InputError):
            report.errors.append(doc)
            if on_error:
                on_error(doc)
            continue
        report.documents += 1
        if on_document:
            on_document(doc.uri)
        articles = build_articles(doc)
        if not articles:
            err = NoArticle(doc.uri, "no article text found")
            report.errors.append(err)
            if on_error:
                on_error(err)
        batch.extend(articles)
        if len(batch) >= settings.batch_size:
            yield from _finish(pipeline, batch, report)
            batch = []
    if batch:
        yield from _finish(pipeline, batch, report)


def _finish(pipeline: Pipeline, batch: list[Article], report: RunReport) -> list[Article]:
    out = pipeline.run(batch)
    report.articles += len(out)
    return out


def extract(
    paths: Iterable[str],
    *,
    settings: Settings | None = None,
    report: RunReport | None = None,
    on_error: ErrorHook | None = None,
    on_document: ProgressHook | None = None,
) -> Iterator[Article]:
    """Every article in ``paths``, processed, stored nowhere."""
    settings = settings or Settings()
    report = report if report is not None else RunReport()
    yield from process_documents(
        read(paths, settings),
        settings=settings,
        report=report,
        on_error=on_error,
        on_document=on_document,
    )


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    settings: Settings | None = None,
    on_error: ErrorHook | None = None,
    on_document: ProgressHook | None = None,
    replace: bool = False,
) -> RunReport:
    """Process ``paths`` and store the articles; already-stored articles are skipped
    (or, with ``replace``, replaced when what the pipeline finds in them has changed).

    Articles are written a batch at a time, each batch in one transaction, so a
    failure mid-run loses nothing already stored and leaves no half-written article.
    """
    settings = settings or Settings()
    report = RunReport()
    pending: list[Article] = []
    for article in extract(
        paths, settings=settings, report=report, on_error=on_error, on_document=on_document
    ):
        pending.append(article)
        if len(pending) >= settings.batch_size:
            _store(store, pending, report, replace)
            pending = []
    if pending:
        _store(store, pending, report, replace)
    return report


def _store(store: Store, articles: list[Article], report: RunReport, replace: bool) -> None:
    result = store.put_all(articles, replace=replace)
    report.added += result.added
    report.skipped += result.skipped
    report.replaced += result.replaced
