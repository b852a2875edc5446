"""Scores ``find_timexes`` against TempEval-3 platinum TimeML (date expressions and their values).

Each ``.tml`` file gives the document creation time (``<DCT><TIMEX3 value=...>``), used as the
publication date, and ``<TEXT>`` with inline ``<TIMEX3 type value>`` tags.  Gold items are the
DATE timexes whose value is a calendar date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``); weeks,
seasons and ``PRESENT_REF`` are out of scope.  A gold item is *found* when a predicted timex
overlaps its span and *right* when that prediction's value is the same string.  Precision counts
predicted timexes overlapping any gold TIMEX3 (any type, any value).

>>> doc = parse_tml('<DCT><TIMEX3 value="2013-03-22" functionInDocument="CREATION_TIME">'
...     'x</TIMEX3></DCT><TEXT>Said <TIMEX3 type="DATE" value="2013-03-22">Friday</TIMEX3>.'
...     '</TEXT>', name="d")
>>> score([doc]).correct
1
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.model import Timex
from eventwire.stages.timexes import find_timexes

__all__ = [
    "GoldTimex",
    "Miss",
    "Score",
    "TmlDocument",
    "load_tml",
    "paragraph_timexes",
    "parse_tml",
    "score",
]

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_DCT = re.compile(r"<DCT>.*?</DCT>", re.DOTALL)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3: its text, offsets into the plain text, type and value."""

    text: str
    start: int
    end: int
    type: str
    value: str

    @property
    def calendar(self) -> bool:
        """A DATE with a calendar value: the items the accuracy is computed over."""
        return self.type == "DATE" and _CALENDAR.fullmatch(self.value) is not None


@dataclass(frozen=True, slots=True)
class TmlDocument:
    """A TimeML document reduced to its plain text, creation date and gold timexes."""

    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold calendar date missed: found with another value, or not found (``predicted`` None)."""

    document: str
    gold: GoldTimex
    predicted: Timex | None
    context: str


@dataclass(frozen=True, slots=True)
class Score:
    """Counts over a set of documents; ``accuracy`` is right values over gold calendar dates."""

    count: int = 0
    found: int = 0
    correct: int = 0
    predicted: int = 0
    spurious: int = 0
    misses: tuple[Miss, ...] = ()
    false_hits: tuple[tuple[str, Timex], ...] = ()

    @property
    def accuracy(self) -> float:
        return self.correct / self.count if self.count else 0.0

    @property
    def precision(self) -> float:
        return (self.predicted - self.spurious) / self.predicted if self.predicted else 0.0


def parse_tml(source: str, *, name: str) -> TmlDocument:
    """The plain ``<TEXT>`` of a TimeML document with its TIMEX3 spans and creation date."""
    dct_block = _DCT.search(source)
    dct_attrs = dict(_ATTR.findall(dct_block.group(0))) if dct_block else {}
    body = _TEXT.search(source)
    markup = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    gold: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    last = 0
    for tag in _TAG.finditer(markup):
        chunk = html.unescape(markup[last : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        last = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            gold.append(
                GoldTimex(text, start, length, attrs.get("type", ""), attrs.get("value", ""))
            )
            open_timex = None
    parts.append(html.unescape(markup[last:]))
    return TmlDocument(name, "".join(parts), dct_attrs.get("value"), tuple(gold))


def load_tml(directory: Path) -> list[TmlDocument]:
    """Every ``*.tml`` file in `directory`, sorted by name."""
    return [
        parse_tml(path.read_text(encoding="utf-8"), name=path.stem)
        for path in sorted(directory.glob("*.tml"))
    ]


def paragraph_timexes(text: str, published: str | None) -> Iterator[Timex]:
    """``find_timexes`` run paragraph by paragraph, as the pipeline runs it, offsets into `text`."""
    for para in _PARAGRAPH.finditer(text):
        for t in find_timexes(para.group(0), published):
            yield Timex(t.text, t.start + para.start(), t.end + para.start(), t.value)


def _overlaps(a: Timex, b: GoldTimex) -> bool:
    return a.start < b.end and b.start < a.end


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 60) : end + 30].split())


def score(documents: Iterable[TmlDocument]) -> Score:
    """Found, right and spurious counts of ``find_timexes`` over `documents`."""
    count = found = correct = predicted = spurious = 0
    misses: list[Miss] = []
    false_hits: list[tuple[str, Timex]] = []
    for doc in documents:
        predictions = list(paragraph_timexes(doc.text, doc.dct))
        predicted += len(predictions)
        for p in predictions:
            if not any(_overlaps(p, g) for g in doc.timexes):
                spurious += 1
                false_hits.append((doc.name, p))
        for g in doc.timexes:
            if not g.calendar:
                continue
            count += 1
            hits = [p for p in predictions if _overlaps(p, g)]
            found += bool(hits)
            if any(p.value == g.value for p in hits):
                correct += 1
            else:
                context = _context(doc.text, g.start, g.end)
                misses.append(Miss(doc.name, g, hits[0] if hits else None, context))
    return Score(count, found, correct, predicted, spurious, tuple(misses), tuple(false_hits))
