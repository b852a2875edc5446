"""What the story index reads from an article: shingles and MinHash bands for copies, a
weighted term vector for stories, its source, its date.

>>> a = Article(id="x", source=SourceRef("mem", url="https://www.example.com/a"), body="Hi.")
>>> article_source(a)
'example.com'
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash

from eventwire.model import Article, SourceRef

__all__ = [
    "BANDS",
    "NUM_PERM",
    "Vector",
    "article_day",
    "article_source",
    "article_year",
    "bands",
    "cosine",
    "shingles",
    "term_counts",
    "top",
]

Vector = dict[str, float]

# 128 permutations in 32 bands of 4 rows: a pair whose shingle sets have Jaccard
# similarity s shares a band with probability 1 - (1 - s^4)^32, which is 0.5 at s = 0.42
# and 0.998 at s = 0.6. A reprint cut by a paragraph of five is at about 0.75, so it is
# found; every candidate is then checked against the exact shingles, so the low
# threshold costs look-ups, never precision.
NUM_PERM = 128
BANDS = 32
_ROWS = NUM_PERM // BANDS
_SHINGLE = 5  # words: short enough to survive edits, long enough to be rare across stories
_SEED = 1

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(body: str) -> set[str]:
    """The body's word 5-grams, lowercased: what two copies of one text share."""
    words = [w.lower() for w in _WORD.findall(body)]
    if len(words) < _SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def bands(grams: Iterable[str]) -> list[int]:
    """One bucket key per LSH band of the shingles' MinHash signature (signed 64-bit)."""
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    m.update_batch([g.encode("utf-8") for g in grams])
    rows = np.asarray(m.hashvalues, dtype=np.uint64).reshape(BANDS, _ROWS)
    return [
        int.from_bytes(hashlib.blake2b(r.tobytes(), digest_size=8).digest(), "big", signed=True)
        for r in rows
    ]


# Function words and news-reporting verbs carry no story: left out of the term vector.
_STOP = frozenset(
    """the a an of to in and or for on at by with from as is was were be been being are that
    this these those it its he she they them his her their our we you your i me my him who
    whom which what when where why how after before over into than then up out about more
    also one two new can could may might must will would shall should has have had having
    not no nor but if so such there here said says say saying told tells according reported
    just only very most much many some any all each other another own same both few further
    while during since until because through against between under again once off down
    per via mr mrs ms dr""".split()  # noqa: SIM905 (a list of 130 quoted words reads worse)
)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d{4}\b", re.UNICODE)
_NAME_PAIR = re.compile(r"\b([A-Z][\w'’-]+) ([A-Z][\w'’-]+)\b")


def term_counts(article: Article) -> Counter[str]:
    """Weighted counts of what the article is about: its words (names twice, years three
    times: they tell one earthquake from another), pairs of capitalised words (``betty
    ford``), and the actors, places and event types the pipeline found."""
    counts: Counter[str] = Counter()
    text = f"{article.headline or ''}\n{article.body}"
    for m in _TOKEN.finditer(text):
        word = m.group()
        low = word.lower()
        if len(low) < 3 or low in _STOP:
            continue
        counts[low] += 3 if word[0].isdigit() else 2 if word[0].isupper() else 1
    for m in _NAME_PAIR.finditer(text):
        first, second = m.group(1).lower(), m.group(2).lower()
        if first not in _STOP and second not in _STOP:
            counts[f"{first}_{second}"] += 2
    # a web address's path is often the headline as the editor wrote it ("lohan-checks-
    # into-betty-ford-rehab"), in other words than the page's own
    for low in re.findall(r"[a-z]{3,}", _url_path(article).lower()):
        if low not in _STOP and low not in _URL_WORDS:
            counts[low] += 1
    if year := _URL_YEAR.search(_url_path(article)):
        counts[year.group(1)] += 3
    for actor in article.actors:
        counts[f"actor:{actor.id}"] += 2
    for event in article.events:
        counts[f"event:{event.type}"] += 1
        if event.location is not None:
            counts[f"place:{event.location.name.lower()}"] += 2
    return counts


def top(vector: Mapping[str, float], n: int) -> Vector:
    """The ``n`` heaviest terms of ``vector`` (ties by term, so the cut is deterministic)."""
    items = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return dict(items)


def norm(vector: Mapping[str, float]) -> float:
    return math.sqrt(sum(x * x for x in vector.values()))


def cosine(a: Mapping[str, float], b: Mapping[str, float], b_norm: float | None = None) -> float:
    """Cosine similarity of two sparse vectors (``a`` is taken as unit length)."""
    if len(b) < len(a) and b_norm is None:
        a, b = b, a
    dot = sum(x * b.get(k, 0.0) for k, x in a.items())
    nb = b_norm if b_norm is not None else norm(b)
    return dot / nb if nb else 0.0


def article_source(article: Article) -> str:
    """Who published the article: the web site of its URL, else its first agency, else
    the input it was read from."""
    ref: SourceRef = article.source
    if ref.url:
        host = urlsplit(ref.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if article.agencies:
        return article.agencies[0]
    return ref.uri


def article_day(article: Article) -> str | None:
    """The article's publication day (YYYY-MM-DD), else the day its web address names
    (``/2013/05/03/``, ``/2013-06-06/``), when it has one."""
    day = (article.published or "")[:10]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return day
    if m := _URL_DAY.search(_url_path(article)):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    return None


# the parts of a web address that name the site's sections or file types, not the story
_URL_WORDS = frozenset(
    ["news", "article", "articles", "story", "stories", "html", "htm", "php", "aspx", "index"]
)
_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)")
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:/|[-_])")


def _url_path(article: Article) -> str:
    return urlsplit(article.source.url).path if article.source.url else ""


_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def article_year(article: Article) -> int | None:
    """The year the article tells of: its publication year, else the year in its web
    address (``/2013/05/03/``), else the latest year its dates spell out (an undated page
    about an earthquake "on May 3, 2013")."""
    if article.published and re.match(r"\d{4}", article.published):
        return int(article.published[:4])
    if m := _URL_YEAR.search(_url_path(article)):
        return int(m.group(1))
    years = [
        int(t.value[:4])
        for t in article.timexes
        if t.value and _YEAR.search(t.text) and re.match(r"\d{4}", t.value)
    ]
    return max(years) if years else None
