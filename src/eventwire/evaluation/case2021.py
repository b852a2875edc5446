"""CASE-2021 task 2: is each real conflict or protest snippet's event type found?

The snippets (``../shared/peer-data/case2021-task2/``, ACLED subtypes, dev half) are read as
eventwire reads any JSON-lines input: the shared tool ``score_case2021.py --jsonl`` writes
them as ``{"id", "text"}`` records, ``eventwire extract``'s path (readers, segmenter,
cleaner, every understanding stage) codes them, and the same tool scores the records:
recall over the mapped subtypes and false alarms on the disaster snippets.

>>> report = CaseReport(recall=0.8, found=8, scored=10, false_alarm=0.0, alarms=0, negatives=4)
>>> report.recall >= 0.8
True
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluation.events import dump_records

__all__ = ["CaseReport", "case_report"]

_SUMMARY = re.compile(
    r"case2021 recall=(?P<recall>[\d.]+) \((?P<found>\d+)/(?P<scored>\d+)\) "
    r"false-alarm=(?P<false_alarm>[\d.]+) \((?P<alarms>\d+)/(?P<negatives>\d+)\)"
)


@dataclass(frozen=True, slots=True)
class CaseReport:
    """The shared scorer's summary line, parsed; ``lines`` is everything it printed."""

    recall: float
    found: int
    scored: int
    false_alarm: float
    alarms: int
    negatives: int
    lines: tuple[str, ...] = ()


def _tool(scorer: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(scorer), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def case_report(snippets: Path, scorer: Path, *, show: int = 0) -> CaseReport:
    """Code every snippet of ``snippets`` (TSV) and score it with ``scorer``."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "snippets.jsonl"
        inputs.write_text(_tool(scorer, "--jsonl", str(snippets)), encoding="utf-8")
        outputs = Path(tmp) / "out.jsonl"
        with outputs.open("w", encoding="utf-8") as out:
            for record in dump_records([inputs]):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        extra = ("--show", str(show)) if show else ()
        printed = _tool(scorer, str(snippets), str(outputs), *extra)
    lines = tuple(printed.splitlines())
    match = _SUMMARY.search(lines[-1] if lines else "")
    if match is None:
        raise ValueError(f"{scorer}: no summary line in its output")
    return CaseReport(
        recall=float(match["recall"]),
        found=int(match["found"]),
        scored=int(match["scored"]),
        false_alarm=float(match["false_alarm"]),
        alarms=int(match["alarms"]),
        negatives=int(match["negatives"]),
        lines=lines,
    )
