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
from collections.abc import Iterable, Mapping
from pathlib import Path
from statistics import fmean
from typing import Literal, NamedTuple

from eventwire.stages.boilerplate import select_main_content

__all__ = [
    "BENCHMARK",
    "Benchmark",
    "DocumentCounts",
    "body_from_page",
    "direct_bodies",
    "document_counts",
    "load_benchmark",
    "score_bodies",
    "shingles",
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
