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
    "WIKINEWS",
    "BCubed",
    "CopyScore",
    "EcbDocument",
    "Reprint",
    "bcubed",
    "load_ecbplus",
    "load_wikinews",
    "parse_ecbplus",
    "read_ecbplus",
    "score_copies",
    "split_topics",
    "syndicate",
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


# -- syndication: reprints of Wikinews articles ---------------------------------------------

WIKINEWS = Path("corpora/wikinews-2019-2020")

_OUTLETS = ("dailyherald.example", "citytimes.example", "newsnow.example", "globewire.example")
_CREDITS = ("(AFP) — ", "(Reuters) - ", "(AP) — ", "(dpa) - ")
_FURNITURE = ("Advertisement", "Share this article", "Sign up for our newsletter")


@dataclass(frozen=True, slots=True)
class Reprint:
    """One document of the syndication corpus: an original or a reprint of ``original``."""

    doc: RawDocument
    original: str  # the url of the article it reprints (its own for an original)
    edits: tuple[str, ...] = ()


def load_wikinews(shared: Path) -> list[dict[str, str]]:
    """The Wikinews rows (url, date, title, text), test pages dropped."""
    import csv

    rows = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with (shared / WIKINEWS / name).open(encoding="utf-8", newline="") as fh:
            rows += [
                r for r in csv.DictReader(fh) if r["text"].strip() and "TEST_PAGE" not in r["url"]
            ]
    return rows


def syndicate(rows: Sequence[dict[str, str]], *, seed: int = 0) -> list[Reprint]:
    """Each article, then 1-5 reprints of it on other sites: another headline, page
    furniture, a paragraph dropped or two swapped, another agency credit, published the
    same day or the next. Originals come first, in date order; each reprint after them."""
    rng = random.Random(seed)
    originals: list[Reprint] = []
    reprints: list[Reprint] = []
    for row in sorted(rows, key=lambda r: (r["date"], r["url"])):
        paragraphs = [p.strip() for p in row["text"].split("\n\n") if p.strip()]
        doc = RawDocument(
            uri=f"wikinews:{row['url']}",
            text="\n\n".join(paragraphs),
            kind="article",
            url=row["url"],
            title=row["title"],
            published=row["date"],
        )
        originals.append(Reprint(doc, row["url"]))
        for n in range(rng.randint(1, 5)):
            body = list(paragraphs)
            edits = []
            if len(body) > 3 and rng.random() < 0.5:
                body.pop(rng.randrange(1, len(body)))
                edits.append("dropped a paragraph")
            elif len(body) > 3:
                i = rng.randrange(1, len(body) - 1)
                body[i], body[i + 1] = body[i + 1], body[i]
                edits.append("swapped two paragraphs")
            body[0] = rng.choice(_CREDITS) + body[0]
            body.insert(rng.randrange(1, len(body) + 1), rng.choice(_FURNITURE))
            edits += ["agency credit", "furniture", "headline"]
            outlet = _OUTLETS[(n + len(originals)) % len(_OUTLETS)]
            words = row["title"].split()
            headline = " ".join([*words[len(words) // 2 :], "—", *words[: len(words) // 2]])
            reprints.append(
                Reprint(
                    RawDocument(
                        uri=f"reprint:{outlet}:{row['url']}",
                        text="\n\n".join(body),
                        kind="article",
                        url=f"https://{outlet}/{n}/{row['url'].rsplit('/', 1)[-1]}",
                        title=f"{headline} | {outlet.split('.')[0].title()}",
                        published=row["date"],
                    ),
                    row["url"],
                    tuple(edits),
                )
            )
    return originals + reprints


@dataclass(frozen=True, slots=True)
class CopyScore:
    """Copy detection over a syndication corpus: pairs (reprint, original) found."""

    reprints: int
    found: int
    wrong: int  # a reprint linked to another article than its original, or an original linked
    merged_originals: int  # pairs of different originals linked as copies

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.wrong) if self.found + self.wrong else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.reprints if self.reprints else 0.0


def score_copies(
    corpus: Sequence[Reprint], articles: Mapping[str, Article], store: object
) -> CopyScore:
    """How the store's copy links match the corpus (``articles``: by document uri)."""
    from eventwire.store.sqlite import SQLiteStore

    assert isinstance(store, SQLiteStore)
    url_of = {a.id: r.original for r in corpus if (a := articles.get(r.doc.uri)) is not None}
    links = {r[0]: r[1] for r in store.execute("SELECT article_id, copy_of FROM article_copies")}
    reprints = found = wrong = merged = 0
    for r in corpus:
        a = articles.get(r.doc.uri)
        if a is None:
            continue
        is_reprint = r.doc.uri.startswith("reprint:")
        reprints += is_reprint
        root = links.get(a.id)
        if root is None:
            continue
        if is_reprint and url_of.get(root) == r.original:
            found += 1
        else:
            wrong += 1
            merged += not is_reprint
    return CopyScore(reprints, found, wrong, merged)
