"""Scores story clustering against ECB+ and copy detection against a syndication corpus.

**ECB+** (``../shared/corpora/ecbplus/ECB+``, CAT XML, CC BY 3.0): 982 news documents in 43
topic folders; each topic holds two similar but different real-world events, the ``ecb``
and ``ecbplus`` subtopics (file names ``<topic>_<n>ecb.xml`` / ``<topic>_<n>ecbplus.xml``).
Every document is detokenized and read through eventwire's own pipeline (sentence 0 is the
headline, after the source URL when there is one; the other sentences are the body, one a
line; a one-sentence document is all body),
then fed to a :class:`~eventwire.stories.StoryIndex` one at a time in a fixed shuffled
order, as articles arrive at ingest. The stories are scored against the subtopics and the
story groups against the topics with BCubed precision, recall and F1 (Bagga and Baldwin
1998; Amigó et al. 2009 show it is the one cluster metric that meets their constraints).

Thresholds are set on one half of the topics (``split="odd"``) and reported on both.

>>> bcubed({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "x"}).precision
1.0
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eventwire.evaluation.meantime import detokenize
from eventwire.model import Article, RawDocument
from eventwire.service import RunReport, process_documents
from eventwire.settings import Settings

__all__ = [
    "CORPUS",
    "BCubed",
    "EcbDocument",
    "bcubed",
    "load_ecbplus",
    "parse_ecbplus",
    "read_ecbplus",
    "split_topics",
]

CORPUS = Path("corpora/ecbplus/ECB+")

_NAME = re.compile(r"(?P<topic>\d+)_(?P<n>\d+)(?P<sub>ecbplus|ecb)")
_URL = re.compile(r"^(https?\s*:|www\s*\.)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EcbDocument:
    """One ECB+ document as text, with its gold topic and subtopic."""

    name: str
    topic: str
    subtopic: str
    headline: str
    body: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """BCubed precision and recall of ``predicted`` (item -> cluster) against ``gold``."""
    items = [i for i in gold if i in predicted]
    if not items:
        return BCubed(0.0, 0.0)
    clusters: dict[Hashable, set[str]] = defaultdict(set)
    classes: dict[Hashable, set[str]] = defaultdict(set)
    for i in items:
        clusters[predicted[i]].add(i)
        classes[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        mine, theirs = clusters[predicted[i]], classes[gold[i]]
        both = len(mine & theirs)
        p += both / len(mine)
        r += both / len(theirs)
    return BCubed(p / len(items), r / len(items))


def parse_ecbplus(source: str, *, name: str) -> EcbDocument:
    """One ECB+ CAT XML document as headline and body text."""
    m = _NAME.match(name)
    if m is None:
        raise ValueError(f"{name}: not an ECB+ document name (<topic>_<n>ecb[plus].xml)")
    root = ET.fromstring(source)
    sentences: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        sentences[int(tok.get("sentence", "0"))].append(tok.text or "")
    texts = [detokenize(toks)[0] for _, toks in sorted(sentences.items())]
    url = None
    if texts and _URL.match(texts[0]):
        url = re.sub(r"\s+", "", texts.pop(0))
    # sentence 0 is the headline; a one-sentence document (some ECB ones) is all body
    headline = texts.pop(0) if len(texts) > 1 else ""
    return EcbDocument(
        name=name,
        topic=m["topic"],
        subtopic=f"{m['topic']}{m['sub']}",
        headline=headline,
        body="\n".join(texts),
        url=url,
    )


def load_ecbplus(directory: Path) -> list[EcbDocument]:
    """Every ECB+ document under ``directory``, sorted by name."""
    paths = sorted(directory.glob("*/*.xml"), key=lambda p: p.stem)
    return [parse_ecbplus(p.read_text(encoding="utf-8"), name=p.stem) for p in paths]


def split_topics(
    documents: Iterable[EcbDocument], part: Literal["all", "odd", "even"]
) -> list[EcbDocument]:
    """The documents of odd- or even-numbered topics (the tuning and the held-out half)."""
    if part == "all":
        return list(documents)
    want = 1 if part == "odd" else 0
    return [d for d in documents if int(d.topic) % 2 == want]


def read_ecbplus(
    documents: Sequence[EcbDocument], *, settings: Settings | None = None, seed: int = 0
) -> list[tuple[EcbDocument, Article]]:
    """Each document read through the pipeline, in a fixed shuffled order (the order the
    story index will see them in: no topic arrives in one block)."""
    order = list(documents)
    random.Random(seed).shuffle(order)
    raw = [
        RawDocument(
            uri=f"ecbplus:{d.name}",
            text=d.body,
            kind="article",
            id=d.name,
            url=d.url,
            title=d.headline or None,
        )
        for d in order
    ]
    by_uri = {
        a.source.uri: a
        for a in process_documents(raw, settings=settings or Settings(), report=RunReport())
    }
    return [(d, by_uri[f"ecbplus:{d.name}"]) for d in order if f"ecbplus:{d.name}" in by_uri]
