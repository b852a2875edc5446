r"""Scores HTML readers on newspaper4k's article-extraction dataset (headline, date, byline, body).

The dev half of the dataset sits in ``../shared/peer-data/article-extraction-dataset`` (its
SOURCE.md): raw pages ``html/KEY.html`` and manually cleaned gold records in ``articles.json``.
Each reader is a function ``html -> Extracted``; the same metrics score eventwire's reader
(:func:`eventwire_reader`: ``read_html`` then the article builder, i.e. the record a user gets)
and bare trafilatura (:func:`trafilatura_reader`, called as ``read_html`` calls it) on the same
pages in the same run. Every figure is the mean of a per-page score over the pages:

- **body F1** is newspaper4k's own body metric, the article-extraction-benchmark's shingle
  metric (:func:`eventwire.evaluation.extraction.score_bodies`: ``\w+`` tokens, 4-gram
  shingles, per-page normalised overlaps, P and R averaged over pages, F1 of the two means).
  The gold ``articleBody`` keeps a page's section heads (``<h2>``/``<h3>``) among its
  paragraphs, and trafilatura's text does too; eventwire moves them to ``subheadings``, so
  its text is scored as ``body`` plus ``subheadings`` (shingles ignore order but for the few
  that cross a join). ``body_only_f1`` scores ``body`` alone, for the record.
- **headline** is exact equality after :func:`normal_text` (Unicode NFKC, case folded,
  whitespace collapsed, typographic quotes and dashes written as ASCII ones). A headline with
  a site name left on it (" - Autoblog") or a word missing is wrong.
- **date** is equality of the day (``YYYY-MM-DD``) with the gold ``date``; none found is wrong.
- **byline** is equality of the *set* of author names, the prediction's names split by
  :func:`author_names` (the same splitter for both readers, and for the gold); each name is
  compared as its sequence of ``\w+`` words after :func:`normal_text`, so "Thomas W. Smith"
  and "Thomas W Smith" are one name. A page whose gold has no authors is right only when the
  reader names nobody; a name missing, extra or misspelt makes the page wrong.

>>> normal_text("Trump: ‘I’m  not’ — here")
"trump: 'i'm not' - here"
>>> sorted(author_names("By Jane Doe and John Roe"))
['jane doe', 'john roe']
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

import trafilatura

from eventwire.errors import InputError
from eventwire.evaluation.extraction import score_bodies
from eventwire.readers.html import read_html
from eventwire.stages.articles import build_articles

__all__ = [
    "DATASET",
    "Extracted",
    "Gold",
    "Scores",
    "author_names",
    "eventwire_reader",
    "load_dataset",
    "normal_text",
    "score_reader",
    "trafilatura_reader",
]

# Where the dataset lives under ../shared.
DATASET = Path("peer-data/article-extraction-dataset")

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-"})  # fmt: skip
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# How bylines join names: commas, semicolons, slashes, bars, "and", "&".
_NAME_SEP = re.compile(r"\s*(?:[,;/|&]|\band\b)\s*", re.IGNORECASE)
_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Gold:
    title: str
    authors: frozenset[str]
    date: str
    body: str


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a reader found on one page (``None`` where it found nothing)."""

    headline: str | None = None
    date: str | None = None
    byline: str | None = None
    body: str = ""
    subheadings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Body and section heads: the article's text as the gold ``articleBody`` has it."""
        return "\n\n".join((self.body, *self.subheadings))


@dataclass(frozen=True, slots=True)
class Scores:
    pages: int
    headline: float
    date: float
    byline: float
    body_precision: float
    body_recall: float
    body_f1: float
    body_only_f1: float


def normal_text(text: str) -> str:
    """``text`` as headlines are compared: NFKC, case folded, ASCII quotes, one space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def author_names(byline: str | None) -> frozenset[str]:
    """The normalised names of a byline or a gold ``authors`` string."""
    if not byline:
        return frozenset()
    names = (_BY.sub("", part) for part in _NAME_SEP.split(byline))
    return frozenset(" ".join(_WORD.findall(normal_text(n))) for n in names if _WORD.search(n))


def load_dataset(shared: Path) -> tuple[dict[str, str], dict[str, Gold]]:
    """The pages (key -> HTML) and gold records of the dataset under ``shared``; only keys
    with a page are returned (one gold record has no page upstream)."""
    root = shared / DATASET
    records = json.loads((root / "articles.json").read_text("utf-8"))
    pages: dict[str, str] = {}
    gold: dict[str, Gold] = {}
    for key, item in sorted(records.items()):
        path = root / "html" / f"{key}.html"
        if not path.exists():
            continue
        pages[key] = path.read_text("utf-8", errors="replace")
        gold[key] = Gold(
            title=str(item["title"]),
            authors=author_names(str(item.get("authors") or "")),
            date=str(item["date"])[:10],
            body=str(item["articleBody"]),
        )
    return pages, gold


def eventwire_reader(html: str) -> Extracted:
    """The first article eventwire builds from the page (a page gives one)."""
    try:
        articles = build_articles(read_html(html, "page.html"))
    except InputError:
        return Extracted()
    if not articles:
        return Extracted()
    a = articles[0]
    return Extracted(
        headline=a.headline,
        date=a.published,
        byline=a.byline,
        body=a.body,
        subheadings=a.subheadings,
    )


def trafilatura_reader(html: str) -> Extracted:
    """Bare trafilatura, with the options ``read_html`` gives it."""
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        return Extracted()
    return Extracted(
        headline=getattr(doc, "title", None),
        date=getattr(doc, "date", None),
        byline=getattr(doc, "author", None),
        body=getattr(doc, "text", None) or "",
    )


def _right_headline(pred: Extracted, gold: Gold) -> bool:
    return pred.headline is not None and normal_text(pred.headline) == normal_text(gold.title)


def _right_date(pred: Extracted, gold: Gold) -> bool:
    return pred.date is not None and pred.date[:10] == gold.date


def _right_byline(pred: Extracted, gold: Gold) -> bool:
    return author_names(pred.byline) == gold.authors


def score_reader(
    found: Mapping[str, Extracted], gold: Mapping[str, Gold], keys: Iterable[str] | None = None
) -> Scores:
    """The four figures of ``found`` over ``keys`` (all of ``gold`` by default)."""
    ids = list(gold if keys is None else keys)
    empty = Extracted()
    preds = [found.get(k, empty) for k in ids]
    golds = [gold[k] for k in ids]

    def rate(right: Callable[[Extracted, Gold], bool]) -> float:
        return fmean(right(p, g) for p, g in zip(preds, golds, strict=True)) if ids else 0.0

    truth = {k: gold[k].body for k in ids}
    precision, recall, f1 = score_bodies(
        {k: p.text for k, p in zip(ids, preds, strict=True)}, truth
    )
    _, _, body_only = score_bodies({k: p.body for k, p in zip(ids, preds, strict=True)}, truth)
    return Scores(
        pages=len(ids),
        headline=rate(_right_headline),
        date=rate(_right_date),
        byline=rate(_right_byline),
        body_precision=precision,
        body_recall=recall,
        body_f1=f1,
        body_only_f1=body_only,
    )
