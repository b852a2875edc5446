"""Scores entities and time expressions against MEANTIME English (120 Wikinews articles).

MEANTIME (``../shared/corpora/meantime-en``, CAT XML, CC BY 4.0) gives each article as tokens
numbered by sentence: sentence 0 is the title, sentence 1 the date line, the rest the body.
Only sentences 0-5 carry entity and time annotation (title, date line and the first four body
sentences; the data hold no ENTITY_MENTION or TIMEX3 beyond sentence 5), so scoring is limited
to that region while eventwire reads the whole body, one sentence a paragraph.  The title is
scored on its own, run as a one-line article (a title the cleaner drops, such as a four-word
"kicker", yields no article and its gold counts as missed); the date line is left out and its
CREATION_TIME value is the publication date.

Gold entity types come through REFERS_TO from the ENTITY instance (``PER``, ``ORG``, ``LOC``,
``PRO``, ``FIN``); ``PER``/``ORG``/``LOC`` are scored against PERSON/ORG/GPE+LOC+FAC, and a
name predicted over a product or an index (``PRO``, ``FIN``) counts against precision.  Only
names are scored: mentions whose ``syntactic_type`` is ``NAM`` or ``PRE.NAM``.  A prediction
that matches a gold mention left out of that set (a nominal, a pronoun, or a name whose
syntactic type the annotators left blank, common in the airbus and gm folders) of its own
type, or of no type, is *ignored*: neither right nor wrong.  NORP and NOM predictions are not
scored.  *Strict* needs the same character span; *lenient* pairs overlapping spans one to one.

Time expressions follow :mod:`eventwire.evaluation.tempeval`: a gold timex is *found* when a
prediction overlaps it and *right* when that prediction has the same value; reported for
DATEs with a calendar value (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and for all gold timexes.

>>> jobs = GoldMention("Steve Jobs", 0, 10, "PER", "NAM")
>>> gold = Passage(("Steve Jobs spoke.",), 1, (jobs,))
>>> part = score_passage(gold, [Entity("Jobs", "PERSON", 6, 10)], [])
>>> part.strict["PERSON"].correct, part.lenient["PERSON"].correct
(0, 1)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from eventwire.evaluation.tempeval import GoldTimex  # one gold timex record for both
from eventwire.model import Entity, RawDocument, Timex
from eventwire.service import RunReport, process_documents
from eventwire.settings import Settings

__all__ = [
    "CORPUS",
    "LABELS",
    "TYPES",
    "Counts",
    "GoldMention",
    "GoldTimex",
    "MeantimeDocument",
    "Mismatch",
    "Part",
    "Passage",
    "Report",
    "TimexCounts",
    "detokenize",
    "evaluate",
    "load_meantime",
    "parse_meantime",
    "report_dict",
    "score_passage",
]

# Where the corpus lives under ../shared: the document-level gold (the cross-document copy
# adds coreference-only mentions beyond the annotated region).
CORPUS = Path("corpora/meantime-en/meantime_newsreader_english_oct15/intra-doc_annotation")

# Gold ENTITY types scored, and the eventwire labels that stand for each.
TYPES: Mapping[str, str] = {"PER": "PERSON", "ORG": "ORGANISATION", "LOC": "LOCATION"}
LABELS: Mapping[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORGANISATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
}
_NAMED = {"NAM", "PRE.NAM"}
_CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# Sentences 0-5 are annotated: title, date line, four body sentences (see the module doc).
_ANNOTATED = 6

# PTB-style tokens: what closes up to the word before it, and what opens onto the next.
_CLOSE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "''", "'", "’", "”"}
_OPEN = {"(", "[", "{", "``", "`", "“", "$", "US$", "#", "£", "€", "¥"}
_CLITICS = {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "’s"}
_QUOTES = {"``": '"', "''": '"', "`": "'"}


@dataclass(frozen=True, slots=True)
class GoldMention:
    """An annotated entity mention: offsets into its passage, MEANTIME type and syntactic type."""

    text: str
    start: int
    end: int
    type: str | None
    syntactic: str

    @property
    def named(self) -> bool:
        """A proper name (``NAM``) or a name used as a premodifier (``PRE.NAM``)."""
        return self.syntactic in _NAMED

    @property
    def scored(self) -> str | None:
        """The scored type (PERSON, ORGANISATION, LOCATION) of a named mention, else None."""
        return TYPES.get(self.type or "") if self.named else None


@dataclass(frozen=True, slots=True)
class Passage:
    """Sentences, one a line, with gold annotation in the first ``annotated`` of them."""

    sentences: tuple[str, ...]
    annotated: int
    mentions: tuple[GoldMention, ...] = ()
    timexes: tuple[GoldTimex, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)

    @property
    def annotated_end(self) -> int:
        """Where the annotated sentences end in ``text``."""
        if not self.annotated:
            return 0
        return self.starts()[self.annotated - 1] + len(self.sentences[self.annotated - 1])

    def starts(self) -> list[int]:
        """Where each sentence starts in ``text``."""
        out, pos = [], 0
        for s in self.sentences:
            out.append(pos)
            pos += len(s) + 1
        return out


@dataclass(frozen=True, slots=True)
class MeantimeDocument:
    """One article: its title and body passages and its publication date."""

    name: str
    published: str | None
    title: Passage
    body: Passage


@dataclass(frozen=True, slots=True)
class Counts:
    """Gold, scored predictions, matches, and predictions ignored (matching unscored gold)."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0
    ignored: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.correct + other.correct,
            self.ignored + other.ignored,
        )

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class TimexCounts:
    """Gold timexes found and right, calendar dates and all; predictions and spurious ones."""

    calendar: int = 0
    calendar_found: int = 0
    calendar_correct: int = 0
    gold: int = 0
    found: int = 0
    correct: int = 0
    predicted: int = 0
    spurious: int = 0

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))

    @property
    def calendar_accuracy(self) -> float:
        return self.calendar_correct / self.calendar if self.calendar else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return (self.predicted - self.spurious) / self.predicted if self.predicted else 0.0


def _values(t: TimexCounts) -> tuple[int, ...]:
    return (
        t.calendar,
        t.calendar_found,
        t.calendar_correct,
        t.gold,
        t.found,
        t.correct,
        t.predicted,
        t.spurious,
    )


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A scored gold name not matched exactly (``missed``) or a prediction matching none
    (``spurious``), with what overlapped it on the other side, any type."""

    document: str
    kind: str
    text: str
    type: str
    other: str | None
    context: str


@dataclass(frozen=True, slots=True)
class Part:
    """Scores over one part (body or title) of every document.

    ``strict`` and ``lenient`` are keyed by scored type; ``confusion`` counts (gold type,
    predicted label) over gold names and the predictions overlapping them ("-" for none).
    """

    strict: Mapping[str, Counts]
    lenient: Mapping[str, Counts]
    timexes: TimexCounts
    confusion: Mapping[tuple[str, str], int]
    mismatches: tuple[Mismatch, ...] = ()
    sentences: int = 0
    dropped: int = 0

    def total(self, *, lenient: bool = False) -> Counts:
        """The micro-average over the scored types."""
        table = self.lenient if lenient else self.strict
        return sum(table.values(), Counts())


@dataclass(frozen=True, slots=True)
class Report:
    """Body and title scores over ``documents`` articles."""

    documents: int
    body: Part
    title: Part
    errors: tuple[str, ...] = ()


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text from PTB-style tokens and each token's span in it.

    >>> detokenize(["Apple", "'s", "``", "App", "Store", "''", "costs", "$", "5", "."])[0]
    'Apple\\'s "App Store" costs $5.'
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    glue = True
    in_quote = False
    for tok in tokens:
        out = _QUOTES.get(tok, tok)
        closing = tok in _CLOSE or tok.lower() in _CLITICS
        if tok == '"':
            closing = in_quote
            in_quote = not in_quote
        elif tok == "``":
            in_quote = True
        elif tok == "''":
            in_quote = False
        if not (glue or closing):
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(out)))
        parts.append(out)
        pos += len(out)
        glue = tok in _OPEN or (tok == '"' and in_quote)
    return "".join(parts), spans


def _published(creation: str | None, dateline: str) -> str | None:
    if creation and _ISO_DAY.fullmatch(creation):
        return creation
    try:  # two documents lack a CREATION_TIME, one has "03-02-2009": read the date line
        return datetime.strptime(dateline, "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def parse_meantime(source: str, *, name: str) -> MeantimeDocument:
    """One MEANTIME CAT XML document: detokenized title and body with their gold spans."""
    root = ET.fromstring(source)
    tokens: dict[int, list[str]] = {}
    where: dict[str, tuple[int, int]] = {}  # t_id -> (sentence, token index in it)
    for tok in root.iter("token"):
        number = int(tok.get("sentence", "0"))
        sentence = tokens.setdefault(number, [])
        where[tok.get("t_id", "")] = (number, len(sentence))
        sentence.append(tok.text or "")
    texts = {n: detokenize(toks) for n, toks in sorted(tokens.items())}
    body_numbers = [n for n in texts if n >= 2]
    # Where each sentence lands: its passage and its offset in the passage text.
    place: dict[int, tuple[str, int]] = {0: ("title", 0)}
    pos = 0
    for n in body_numbers:
        place[n] = ("body", pos)
        pos += len(texts[n][0]) + 1

    def locate(el: ET.Element) -> tuple[str, int, int] | None:
        ids = [where[a.get("t_id", "")] for a in el.iter("token_anchor")]
        numbers = {n for n, _ in ids}
        if len(numbers) != 1 or (n := numbers.pop()) not in place:
            return None  # no tokens (an implicit timex), the date line, or across sentences
        part, offset = place[n]
        spans = [texts[n][1][i] for _, i in ids]
        # A discontinuous mention ("Mobile Alabama") covers the tokens between its pieces.
        return part, offset + min(s for s, _ in spans), offset + max(e for _, e in spans)

    kinds = {el.get("m_id", ""): el.get("ent_type", "") for el in root.iter("ENTITY")}
    types: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        targets = [kinds[m] for el in rel.iter("target") if (m := el.get("m_id", "")) in kinds]
        for src in rel.iter("source"):
            if targets:
                types[src.get("m_id", "")] = targets[0]
    mentions: dict[str, list[GoldMention]] = {"title": [], "body": []}
    timexes: dict[str, list[GoldTimex]] = {"title": [], "body": []}
    creation: str | None = None
    for el in root.iter():
        if el.tag == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            creation = el.get("value")
        elif el.tag in ("ENTITY_MENTION", "TIMEX3") and (at := locate(el)) is not None:
            part, start, end = at
            if el.tag == "TIMEX3":
                value = el.get("value", "")
                timexes[part].append(GoldTimex("", start, end, el.get("type", ""), value))
            else:
                syntactic = el.get("syntactic_type") or ""
                kind = types.get(el.get("m_id", ""))
                mentions[part].append(GoldMention("", start, end, kind, syntactic))
    annotated = sum(1 for n in body_numbers if n < _ANNOTATED)
    title = (texts[0][0],) if 0 in texts else ("",)
    body = tuple(texts[n][0] for n in body_numbers)
    return MeantimeDocument(
        name,
        _published(creation, texts[1][0] if 1 in texts else ""),
        _passage(title, 1, mentions["title"], timexes["title"]),
        _passage(body, annotated, mentions["body"], timexes["body"]),
    )


def _passage(
    sentences: tuple[str, ...],
    annotated: int,
    mentions: Iterable[GoldMention],
    timexes: Iterable[GoldTimex],
) -> Passage:
    """A passage with the text of each gold span filled in, spans in reading order."""
    text = "\n".join(sentences)
    gold_mentions = [
        GoldMention(text[m.start : m.end], m.start, m.end, m.type, m.syntactic) for m in mentions
    ]
    gold_timexes = [
        GoldTimex(text[t.start : t.end], t.start, t.end, t.type, t.value) for t in timexes
    ]
    return Passage(
        sentences,
        annotated,
        tuple(sorted(gold_mentions, key=lambda m: (m.start, m.end))),
        tuple(sorted(gold_timexes, key=lambda t: (t.start, t.end))),
    )


def load_meantime(directory: Path) -> list[MeantimeDocument]:
    """Every ``*.xml`` document under `directory` (the four topic folders), sorted by name."""
    paths = sorted(directory.glob("**/*.xml"), key=lambda p: p.stem)
    return [parse_meantime(p.read_text(encoding="utf-8"), name=p.stem) for p in paths]


def _overlap(a: Entity | Timex, b: GoldMention | GoldTimex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _best(prediction: Entity, gold: Sequence[GoldMention]) -> GoldMention | None:
    hits = [g for g in gold if _overlap(prediction, g) > 0]
    return max(hits, key=lambda g: (_exact(prediction, g), _overlap(prediction, g)), default=None)


def _exact(a: Entity | Timex, b: GoldMention | GoldTimex) -> bool:
    return a.start == b.start and a.end == b.end


def _context(text: str, start: int, end: int) -> str:
    return " ".join(
        f"{text[max(0, start - 50) : start]}[{text[start:end]}]{text[end : end + 30]}".split()
    )


def _pairs(gold: Sequence[GoldMention], predicted: Sequence[Entity]) -> list[tuple[int, int]]:
    """Overlapping (gold, prediction) index pairs, one to one: same span first, then widest."""
    candidates = sorted(
        ((i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted) if _overlap(p, g) > 0),
        key=lambda ij: (
            not _exact(predicted[ij[1]], gold[ij[0]]),
            -_overlap(predicted[ij[1]], gold[ij[0]]),
        ),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    out = []
    for i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            out.append((i, j))
    return out


def score_passage(
    passage: Passage,
    entities: Sequence[Entity],
    timexes: Sequence[Timex],
    *,
    document: str = "",
    dropped: int = 0,
) -> Part:
    """Scores of predictions (offsets into ``passage.text``) inside its annotated sentences."""
    entities = [e for e in entities if e.end <= passage.annotated_end]
    timexes = [t for t in timexes if t.end <= passage.annotated_end]
    strict: dict[str, Counts] = {}
    lenient: dict[str, Counts] = {}
    mismatches: list[Mismatch] = []
    for kind in TYPES.values():
        strict[kind], lenient[kind], found = _score_type(kind, passage, entities, document)
        mismatches.extend(found)
    confusion: Counter[tuple[str, str]] = Counter()
    for g in passage.mentions:
        if g.named:
            near = [e for e in entities if _overlap(e, g) > 0]
            best = max(near, key=lambda e: (_exact(e, g), _overlap(e, g)), default=None)
            confusion[(g.type or "?", best.label if best else "-")] += 1
    return Part(
        strict,
        lenient,
        _score_timexes(passage.timexes, timexes),
        dict(confusion),
        tuple(mismatches),
        sentences=passage.annotated,
        dropped=dropped,
    )


def _score_type(
    kind: str, passage: Passage, entities: Sequence[Entity], document: str
) -> tuple[Counts, Counts, list[Mismatch]]:
    """Strict and lenient counts of one scored type, and the strict mismatches."""
    gold = [g for g in passage.mentions if g.scored == kind]
    predicted = [e for e in entities if LABELS.get(e.label) == kind]
    unscored = [
        g
        for g in passage.mentions
        if g.scored is None and (g.type is None or TYPES.get(g.type) == kind)
    ]
    spans = Counter((g.start, g.end) for g in gold)
    hits = spans & Counter((p.start, p.end) for p in predicted)
    false = [p for p in predicted if (p.start, p.end) not in spans]
    ignored = [p for p in false if any(_exact(p, g) for g in unscored)]
    strict = Counts(len(gold), len(predicted) - len(ignored), sum(hits.values()), len(ignored))
    pairs = _pairs(gold, predicted)
    paired = {j for _, j in pairs}
    loose = [p for j, p in enumerate(predicted) if j not in paired]
    loose_ignored = sum(1 for p in loose if any(_overlap(p, g) > 0 for g in unscored))
    lenient = Counts(len(gold), len(predicted) - loose_ignored, len(pairs), loose_ignored)
    text = passage.text
    mismatches = []
    for g in gold:
        if (g.start, g.end) not in hits:
            near = [e for e in entities if _overlap(e, g) > 0]
            other = max(near, key=lambda e: _overlap(e, g), default=None)
            label = f"{other.text}/{other.label}" if other else None
            context = _context(text, g.start, g.end)
            mismatches.append(Mismatch(document, "missed", g.text, kind, label, context))
    for p in false:
        if p not in ignored:
            g_other = _best(p, passage.mentions)
            label = f"{g_other.text}/{g_other.type}:{g_other.syntactic}" if g_other else None
            context = _context(text, p.start, p.end)
            mismatches.append(Mismatch(document, "spurious", p.text, p.label, label, context))
    return strict, lenient, mismatches


def _score_timexes(gold: Sequence[GoldTimex], predicted: Sequence[Timex]) -> TimexCounts:
    calendar = calendar_found = calendar_correct = found = correct = 0
    for g in gold:
        hits = [p for p in predicted if _overlap(p, g) > 0]
        right = any(p.value == g.value for p in hits)
        found += bool(hits)
        correct += right
        if g.calendar:
            calendar += 1
            calendar_found += bool(hits)
            calendar_correct += right
    spurious = sum(1 for p in predicted if not any(_overlap(p, g) > 0 for g in gold))
    return TimexCounts(
        calendar,
        calendar_found,
        calendar_correct,
        len(gold),
        found,
        correct,
        len(predicted),
        spurious,
    )


def _merge(parts: Sequence[Part]) -> Part:
    strict: dict[str, Counts] = {k: Counts() for k in TYPES.values()}
    lenient: dict[str, Counts] = {k: Counts() for k in TYPES.values()}
    confusion: Counter[tuple[str, str]] = Counter()
    for p in parts:
        for k in strict:
            strict[k] += p.strict.get(k, Counts())
            lenient[k] += p.lenient.get(k, Counts())
        confusion.update(p.confusion)
    return Part(
        strict,
        lenient,
        sum((p.timexes for p in parts), TimexCounts()),
        dict(confusion),
        tuple(m for p in parts for m in p.mismatches),
        sentences=sum(p.sentences for p in parts),
        dropped=sum(p.dropped for p in parts),
    )


def _align(
    passage: Passage, body: str, entities: Sequence[Entity], timexes: Sequence[Timex]
) -> tuple[list[Entity], list[Timex], int]:
    """Predictions moved from article-body offsets to passage offsets, annotated sentences
    only, and how many of those sentences the cleaner left out of the body."""
    moves: list[tuple[int, int, int]] = []  # body start, body end, shift to the passage
    cursor = dropped = 0
    for sentence, start in list(zip(passage.sentences, passage.starts(), strict=True))[
        : passage.annotated
    ]:
        at = body.find(sentence, cursor) if sentence else -1
        if at < 0:
            dropped += 1
            continue
        moves.append((at, at + len(sentence), start - at))
        cursor = at + len(sentence)

    def shift(start: int, end: int) -> int | None:
        return next((d for lo, hi, d in moves if lo <= start and end <= hi), None)

    moved_entities = [
        Entity(e.text, e.label, e.start + d, e.end + d, e.actor)
        for e in entities
        if (d := shift(e.start, e.end)) is not None
    ]
    moved_timexes = [
        Timex(t.text, t.start + d, t.end + d, t.value)
        for t in timexes
        if (d := shift(t.start, t.end)) is not None
    ]
    return moved_entities, moved_timexes, dropped


def evaluate(documents: Sequence[MeantimeDocument], *, settings: Settings | None = None) -> Report:
    """Run the pipeline over each body (titled, dated) and each title alone, and score both."""
    settings = settings or Settings()
    raw = []
    for d in documents:
        for part, text, title in (
            ("body", d.body.text, d.title.text),
            ("title", d.title.text, None),
        ):
            raw.append(
                RawDocument(
                    uri=f"meantime:{d.name}#{part}",
                    text=text,
                    kind="article",
                    id=d.name,
                    title=title,
                    published=d.published,
                )
            )
    run = RunReport()
    articles = {a.source.uri: a for a in process_documents(raw, settings=settings, report=run)}
    scored: dict[str, list[Part]] = {"body": [], "title": []}
    for d in documents:
        for part, passage in (("body", d.body), ("title", d.title)):
            article = articles.get(f"meantime:{d.name}#{part}")
            entities: list[Entity] = []
            timexes: list[Timex] = []
            dropped = passage.annotated
            if article is not None:
                entities, timexes, dropped = _align(
                    passage, article.body, article.entities, article.timexes
                )
            scored[part].append(
                score_passage(passage, entities, timexes, document=d.name, dropped=dropped)
            )
    return Report(
        len(documents),
        _merge(scored["body"]),
        _merge(scored["title"]),
        tuple(str(e) for e in run.errors),
    )


def _counts_dict(c: Counts) -> dict[str, float | int]:
    return {
        "gold": c.gold,
        "predicted": c.predicted,
        "correct": c.correct,
        "ignored": c.ignored,
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "f1": round(c.f1, 4),
    }


def _part_dict(p: Part) -> dict[str, object]:
    t = p.timexes
    return {
        "sentences": p.sentences,
        "dropped_sentences": p.dropped,
        "entities": {
            mode: {
                **{k: _counts_dict(c) for k, c in table.items()},
                "ALL": _counts_dict(p.total(lenient=mode == "lenient")),
            }
            for mode, table in (("strict", p.strict), ("lenient", p.lenient))
        },
        "timexes": {
            "calendar": {
                "gold": t.calendar,
                "found": t.calendar_found,
                "correct": t.calendar_correct,
                "accuracy": round(t.calendar_accuracy, 4),
            },
            "all": {
                "gold": t.gold,
                "found": t.found,
                "correct": t.correct,
                "accuracy": round(t.accuracy, 4),
            },
            "predicted": t.predicted,
            "spurious": t.spurious,
            "precision": round(t.precision, 4),
        },
        "confusion": [
            {"gold": g, "predicted": label, "count": n}
            for (g, label), n in sorted(p.confusion.items(), key=lambda kv: -kv[1])
        ],
    }


def report_dict(report: Report) -> dict[str, object]:
    """The report as plain JSON-ready values (the ``--json`` twin of the printed table)."""
    return {
        "documents": report.documents,
        "body": _part_dict(report.body),
        "title": _part_dict(report.title),
        "errors": list(report.errors),
    }
