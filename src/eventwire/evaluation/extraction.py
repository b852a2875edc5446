"""Scores extracted article bodies against the article-extraction-benchmark gold bodies.

The metric re-implements the one of scrapinghub/article-extraction-benchmark (described in
``../shared/peer-data/article-extraction-benchmark/SOURCE.md``) so our numbers compare with the
published ones: tokens are ``\\w+`` runs, shingles are token 4-grams, each document contributes
TP/FP/FN from multiset overlaps normalised by their sum (long pages do not outweigh short ones),
P and R are averaged over documents and F1 is taken from the two averages.

The benchmark's pages are the whole visible text of each page (html-text output), which is what
users feed eventwire; :func:`direct_bodies` runs the main-content selector on them.

>>> score_bodies({"a": "one two three four five"}, {"a": "one two three four"})
(0.5, 1.0, 0.6666666666666666)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from statistics import fmean
from typing import Literal, NamedTuple

from eventwire.stages.boilerplate import select_main_content

__all__ = [
    "BENCHMARK",
    "RIGHT_BODY_F1",
    "SITES_PER_DUMP",
    "WIKINEWS",
    "Benchmark",
    "DocumentCounts",
    "DumpCount",
    "PageCount",
    "body_f1",
    "body_from_page",
    "count_mixed",
    "count_pages",
    "count_stories",
    "count_wikinews",
    "direct_bodies",
    "document_counts",
    "load_benchmark",
    "load_wikinews",
    "paste",
    "score_bodies",
    "shingles",
    "site_groups",
    "split_ids",
]

# Where the benchmark lives under ../shared.
BENCHMARK = Path("peer-data/article-extraction-benchmark")

_TOKEN = re.compile(r"\w+")
_SHINGLE_SIZE = 4

# (tp, fp, fn) of one document, normalised to sum to 1 (or all 0 when both texts are empty).
DocumentCounts = tuple[float, float, float]


def shingles(text: str, size: int = _SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Count the token ``size``-grams of ``text``; a text shorter than ``size`` is one shingle.

    >>> shingles("a b c")
    Counter({('a', 'b', 'c'): 1})
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    # The benchmark keeps a short text as one shorter shingle rather than dropping it.
    last = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(last))


def document_counts(gold: str, pred: str) -> DocumentCounts:
    """Normalised (tp, fp, fn) of one predicted body against its gold body."""
    gold_counts, pred_counts = shingles(gold), shingles(pred)
    tp = sum((gold_counts & pred_counts).values())
    fp = sum((pred_counts - gold_counts).values())
    fn = sum((gold_counts - pred_counts).values())
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn)


def score_bodies(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Return (precision, recall, F1) of ``pred`` bodies over the ids of ``gold``.

    An id missing from ``pred`` counts as an empty prediction. As in the benchmark, a document
    with nothing predicted is left out of the precision average (and scores 0 recall), and one
    with an empty gold body is left out of the recall average.
    """
    counts = [document_counts(gold[key], pred.get(key, "")) for key in gold]
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = fmean(precisions) if precisions else 0.0
    recall = fmean(recalls) if recalls else 0.0
    if precision + recall == 0:
        return (precision, recall, 0.0)
    return (precision, recall, 2 * precision * recall / (precision + recall))


class Benchmark(NamedTuple):
    """Page texts and gold bodies, both keyed by the benchmark's item id."""

    pages: dict[str, str]
    gold: dict[str, str]


def load_benchmark(shared: Path) -> Benchmark:
    """Read the benchmark from the ``shared`` folder (``../shared`` in a checkout)."""
    root = shared / BENCHMARK
    output = json.loads((root / "output" / "html-text.json").read_text("utf-8"))["output"]
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    pages = {key: str(item["articleBody"]) for key, item in output.items()}
    gold = {key: str(item["articleBody"]) for key, item in truth.items()}
    return Benchmark(pages, gold)


def split_ids(ids: Iterable[str], part: Literal["all", "even", "odd"]) -> list[str]:
    """The sorted ``ids``, or every other one of them (a fixed dev/held-out split).

    >>> split_ids(["c", "a", "b"], "even")
    ['a', 'c']
    """
    ordered = sorted(ids)
    if part == "all":
        return ordered
    return ordered[0::2] if part == "even" else ordered[1::2]


def body_from_page(text: str) -> str:
    """The body the selector keeps from one page text: kept lines, one paragraph each.

    >>> body_from_page("Menu\\n\\nThe mayor said the bridge will reopen on Monday, after repairs.")
    'The mayor said the bridge will reopen on Monday, after repairs.'
    """
    lines = text.split("\n")
    kept = select_main_content(lines)
    return "\n\n".join(
        line.strip() for line, keep in zip(lines, kept, strict=True) if keep and line.strip()
    )


def direct_bodies(pages: Mapping[str, str]) -> dict[str, str]:
    """Run the selector on every page, in process (no CLI)."""
    return {key: body_from_page(text) for key, text in pages.items()}


# --- Article counts: pages and dumps read as a user gives them --------------------------------

# Where the Wikinews sample lives under ../shared; its two TEST_PAGE rows are not articles.
WIKINEWS = Path("corpora/wikinews-2019-2020")
# A record "has the right body" when its body's shingle F1 against the gold body reaches this:
# most of it is that page's article, not a teaser, a comment thread or another page's story.
RIGHT_BODY_F1 = 0.5
# A record is "merged" when it holds at least this share of a second story's gold shingles.
MERGED_SHARE = 0.3


def body_f1(gold: str, pred: str) -> float:
    """Shingle F1 of one predicted body against one gold body (0 when either is empty).

    >>> body_f1("one two three four five", "one two three four five")
    1.0
    """
    tp, fp, fn = document_counts(gold, pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def load_wikinews(shared: Path) -> list[tuple[str, str]]:
    """The (title, body) of every Wikinews article in the sample, in file order."""
    import csv  # only this evaluation reads CSV

    out: list[tuple[str, str]] = []
    for path in sorted((shared / WIKINEWS).glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["url"].rsplit("/", 1)[-1].startswith("TEST_PAGE") or not row["text"].strip():
                    continue
                out.append((row["title"].strip(), row["text"].strip()))
    return out


def paste(texts: Iterable[str], *, blank_lines: int = 1) -> str:
    """Texts pasted one after another, ``blank_lines`` blank lines between them.

    >>> paste(["A", "B"])
    'A\\n\\nB\\n'
    """
    return ("\n" * (blank_lines + 1)).join(t.strip() for t in texts) + "\n"


class DumpCount(NamedTuple):
    """How the stories of one dump came out: each gold story found once, in its own record."""

    stories: int  # gold stories in the dump
    records: int  # records eventwire made of it
    found: int  # gold stories with a record whose body is right (RIGHT_BODY_F1)
    merged: int  # records holding a second story's text (MERGED_SHARE)
    furniture: int  # records that are no story's body


def count_stories(gold: Sequence[str], bodies: Sequence[str]) -> DumpCount:
    """Match the record ``bodies`` of one dump against the ``gold`` bodies pasted into it.

    >>> count_stories(["the cat sat on the mat today"], ["the cat sat on the mat today"])
    DumpCount(stories=1, records=1, found=1, merged=0, furniture=0)
    """
    # Shares are over distinct shingles, found through an index (a dump holds hundreds of stories).
    gold_sets = [set(shingles(g)) for g in gold]
    index: dict[tuple[str, ...], list[int]] = {}
    for i, shingle_set in enumerate(gold_sets):
        for shingle in shingle_set:
            index.setdefault(shingle, []).append(i)
    found: set[int] = set()
    merged = furniture = 0
    for body in bodies:
        record = set(shingles(body))
        shared: Counter[int] = Counter()
        for shingle in record:
            shared.update(index.get(shingle, ()))
        shares = {i: n / max(1, len(gold_sets[i])) for i, n in shared.items()}
        holds = [i for i, share in shares.items() if share >= MERGED_SHARE]
        best = max(shares, key=lambda i: shares[i], default=None)
        # a second story is held only by its own text: stories of one series share
        # paragraphs (an interview's questions, a column's standing intro)
        if best is not None and any(
            len((record & gold_sets[i]) - gold_sets[best]) >= MERGED_SHARE * len(gold_sets[i])
            for i in holds
            if i != best
        ):
            merged += 1
        if best is not None and body_f1(gold[best], body) >= RIGHT_BODY_F1:
            found.add(best)
        elif not holds:
            furniture += 1
    return DumpCount(len(gold), len(bodies), len(found), merged, furniture)


def _articles_of(text: str, *, jsonl: bool) -> list[tuple[str | None, str]]:
    """(headline, body) of every record eventwire makes of ``text``, given as a ``.txt`` file or
    as one JSON-lines record, with no NLP."""
    import io

    from eventwire.model import RawDocument
    from eventwire.readers import read_stream
    from eventwire.settings import Settings
    from eventwire.stages.articles import build_articles

    data = (json.dumps({"text": text}) + "\n") if jsonl else text
    out: list[tuple[str | None, str]] = []
    for doc in read_stream(io.BytesIO(data.encode("utf-8")), "benchmark", Settings()):
        if isinstance(doc, RawDocument):
            out.extend((a.headline, a.body) for a in build_articles(doc))
    return out


class PageCount(NamedTuple):
    """Pages read one by one: how many records, and on how many pages exactly one, right."""

    pages: int
    records: int
    one_right: int
    f1: float


def count_pages(benchmark: Benchmark, ids: Sequence[str], *, jsonl: bool) -> PageCount:
    """Read each page of ``ids`` alone (as a ``.txt`` file, or a JSON-lines record) and count."""
    records = one_right = 0
    bodies: dict[str, str] = {}
    for key in ids:
        found = _articles_of(benchmark.pages[key], jsonl=jsonl)
        records += len(found)
        bodies[key] = "\n\n".join(body for _, body in found)
        if len(found) == 1 and body_f1(benchmark.gold[key], found[0][1]) >= RIGHT_BODY_F1:
            one_right += 1
    _, _, f1 = score_bodies(bodies, {key: benchmark.gold[key] for key in ids})
    return PageCount(len(ids), records, one_right, f1)


def count_wikinews(shared: Path) -> DumpCount:
    """Every Wikinews article pasted into one dump as title, blank line, body; then counted."""
    articles = load_wikinews(shared)
    found = _articles_of(paste(f"{title}\n\n{body}" for title, body in articles), jsonl=False)
    return count_stories([body for _, body in articles], [body for _, body in found])


# Pages of this many different sites make one mixed dump.
SITES_PER_DUMP = 10


def site_groups(shared: Path, ids: Sequence[str]) -> list[list[str]]:
    """The pages of ``ids`` in groups of ``SITES_PER_DUMP``, each page of a different site."""
    from urllib.parse import urlparse

    truth = json.loads((shared / BENCHMARK / "ground-truth.json").read_text("utf-8"))
    groups: list[list[str]] = []
    current: list[str] = []
    sites: set[str] = set()
    for key in ids:
        site = urlparse(str(truth[key]["url"])).netloc.removeprefix("www.")
        if site in sites:
            continue
        current.append(key)
        sites.add(site)
        if len(current) == SITES_PER_DUMP:
            groups.append(current)
            current, sites = [], set()
    return groups


def count_mixed(shared: Path, benchmark: Benchmark, ids: Sequence[str]) -> DumpCount:
    """Page texts of different sites pasted into dumps (two blank lines between), counted."""
    total = DumpCount(0, 0, 0, 0, 0)
    for group in site_groups(shared, ids):
        found = _articles_of(paste((benchmark.pages[k] for k in group), blank_lines=2), jsonl=False)
        counts = count_stories([benchmark.gold[k] for k in group], [body for _, body in found])
        total = DumpCount(*(a + b for a, b in zip(total, counts, strict=True)))
    return total
