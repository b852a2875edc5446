"""MEANTIME English evaluation: the loader and scorer on a hand-built document, then the corpus.

The corpus test reports numbers only (no floor yet) and checks they are sane.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.evaluation.meantime import (
    CORPUS,
    Counts,
    TimexCounts,
    detokenize,
    evaluate,
    load_meantime,
    parse_meantime,
    report_dict,
    score_passage,
)
from eventwire.model import Entity, Timex
from eventwire.settings import Settings

MEANTIME = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "meantime-en"

# One document in CAT XML, tokens a sentence a line: title, date line, four annotated body
# sentences and one beyond the annotated region.
SENTENCES = [
    "Apple hires Steve Jobs as its new chief",
    "March 06 , 2008",
    "The company 's chief , Steve Jobs , spoke on Friday in Mobile , Alabama .",
    "He said `` it will take three years '' .",
    "Japanese buyers queued .",
    "GM did not comment .",
    "Apple shares rose in 2007 .",
]
# (tag, attributes, [(sentence, token index), ...])
MARKABLES = [
    ("ENTITY_MENTION", 'm_id="1" syntactic_type="NAM"', [(0, 0)]),
    ("ENTITY_MENTION", 'm_id="2" syntactic_type="NAM"', [(0, 2), (0, 3)]),
    ("TIMEX3", 'm_id="3" type="DATE" value="2008-03-06" functionInDocument="CREATION_TIME"',
     [(1, 0), (1, 1), (1, 2), (1, 3)]),
    ("ENTITY_MENTION", 'm_id="4" syntactic_type="NOM"', [(2, 0), (2, 1)]),
    ("ENTITY_MENTION", 'm_id="5" syntactic_type="NAM"', [(2, 5), (2, 6)]),
    ("TIMEX3", 'm_id="6" type="DATE" value="2008-02-29" functionInDocument="NONE"', [(2, 10)]),
    ("ENTITY_MENTION", 'm_id="7" syntactic_type="NAM"', [(2, 12), (2, 14)]),  # "Mobile Alabama"
    ("ENTITY_MENTION", 'm_id="8" syntactic_type="PRO"', [(3, 0)]),
    ("TIMEX3", 'm_id="9" type="DURATION" value="P3Y" functionInDocument="NONE"', [(3, 6), (3, 7)]),
    ("ENTITY_MENTION", 'm_id="10" syntactic_type="PRE.NAM"', [(4, 0)]),
    ("ENTITY_MENTION", 'm_id="11" syntactic_type=""', [(5, 0)]),
    ("TIMEX3", 'm_id="12" type="DATE" value="2008" functionInDocument="NONE"', []),  # implicit
]  # fmt: skip
INSTANCES = "".join(
    f'<ENTITY m_id="{m}" ent_type="{kind}"/>'
    for m, kind in (("100", "ORG"), ("101", "PER"), ("102", "LOC"))
)
REFERS_TO = {"100": ["1", "4", "11"], "101": ["2", "5", "8"], "102": ["7", "10"]}


def cat_xml(sentences: list[str], markables: list[tuple[str, str, list[tuple[int, int]]]]) -> str:
    ids: dict[tuple[int, int], int] = {}
    tokens = []
    for s, sentence in enumerate(sentences):
        for i, tok in enumerate(sentence.split()):
            ids[(s, i)] = len(ids) + 1
            escaped = tok.replace("&", "&amp;").replace("<", "&lt;")
            tokens.append(
                f'<token t_id="{ids[(s, i)]}" sentence="{s}" number="{len(ids) - 1}">{escaped}</token>'
            )
    marks = [
        f"<{tag} {attrs}>"
        + "".join(f'<token_anchor t_id="{ids[a]}"/>' for a in anchors)
        + f"</{tag}>"
        for tag, attrs, anchors in markables
    ]
    refs = [
        '<REFERS_TO r_id="r">' + "".join(f'<source m_id="{m}"/>' for m in sources)
        + f'<target m_id="{target}"/></REFERS_TO>'
        for target, sources in REFERS_TO.items()
    ]  # fmt: skip
    return (
        '<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Sample" lang="en">'
        + "\n".join(tokens)
        + f"<Markables>{''.join(marks)}{INSTANCES}</Markables>"
        + f"<Relations>{''.join(refs)}</Relations></Document>"
    )


SAMPLE = cat_xml(SENTENCES, MARKABLES)


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("Apple 's `` App Store '' costs $ 5 .", 'Apple\'s "App Store" costs $5.'),
        ('He said " no " ( twice ) .', 'He said "no" (twice).'),
        ("The Beatles ' label did n't sell 12 % more", "The Beatles' label didn't sell 12% more"),
        ("Air Canada ordered US$ 6 billion in jets", "Air Canada ordered US$6 billion in jets"),
        ("Wal - Mart", "Wal - Mart"),  # a split hyphen stays: the tokens do not say which
    ],
)
def test_detokenize_joins_ptb_tokens(tokens: str, text: str) -> None:
    out, spans = detokenize(tokens.split())
    assert out == text
    assert [out[s:e] for s, e in spans] == [
        {"``": '"', "''": '"'}.get(t, t) for t in tokens.split()
    ]


def test_parse_meantime_splits_title_date_line_and_body() -> None:
    doc = parse_meantime(SAMPLE, name="1_Sample")
    assert doc.published == "2008-03-06"
    assert doc.title.text == "Apple hires Steve Jobs as its new chief"
    assert [(m.text, m.type, m.scored) for m in doc.title.mentions] == [
        ("Apple", "ORG", "ORGANISATION"),
        ("Steve Jobs", "PER", "PERSON"),
    ]
    assert doc.body.sentences[1] == 'He said "it will take three years".'
    assert doc.body.annotated == 4  # sentences 2-5; "Apple shares rose in 2007." is beyond
    assert "March" not in doc.body.text
    assert [(m.text, m.type, m.syntactic, m.scored) for m in doc.body.mentions] == [
        ("The company", "ORG", "NOM", None),
        ("Steve Jobs", "PER", "NAM", "PERSON"),
        ("Mobile, Alabama", "LOC", "NAM", "LOCATION"),  # discontinuous: the comma between
        ("He", "PER", "PRO", None),
        ("Japanese", "LOC", "PRE.NAM", "LOCATION"),
        ("GM", "ORG", "", None),  # a name with no syntactic type is not scored
    ]
    assert [(t.text, t.type, t.value, t.calendar) for t in doc.body.timexes] == [
        ("Friday", "DATE", "2008-02-29", True),
        ("three years", "DURATION", "P3Y", False),
    ]
    for m in doc.body.mentions:
        assert doc.body.text[m.start : m.end] == m.text


@pytest.mark.parametrize("creation", ['value="03-06-2008"', None])
def test_published_falls_back_to_the_date_line(creation: str | None) -> None:
    markables = [m for m in MARKABLES if "CREATION_TIME" not in m[1]]
    if creation:
        attrs = f'm_id="3" type="DATE" {creation} functionInDocument="CREATION_TIME"'
        markables.append(("TIMEX3", attrs, [(1, 0)]))
    doc = parse_meantime(cat_xml(SENTENCES, markables), name="x")
    assert doc.published == "2008-03-06"


def _at(text: str, needle: str, label: str, *, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Entity(needle, label, start, start + len(needle))


def test_score_passage_strict_lenient_ignored_and_out_of_region() -> None:
    body = parse_meantime(SAMPLE, name="1_Sample").body
    text = body.text
    entities = [
        _at(text, "Steve Jobs", "PERSON"),  # exact
        _at(text, "company", "PERSON"),  # over a nominal ORG: wrong for PERSON
        _at(text, "Alabama", "GPE"),  # inside "Mobile, Alabama": lenient only
        _at(text, "Japanese", "NORP"),  # NORP is not scored: "Japanese" is missed
        _at(text, "GM", "ORG"),  # a name left unscored by the gold: ignored
        _at(text, "Apple", "ORG"),  # beyond the annotated sentences
    ]
    friday = text.index("Friday")
    years = text.index("three years")
    timexes = [
        Timex("Friday", friday, friday + 6, "2008-02-29"),
        Timex("three years", years, years + 11, None),
        Timex("2007", text.index("2007"), text.index("2007") + 4, "2007"),  # beyond
    ]
    part = score_passage(body, entities, timexes, document="d")
    assert part.strict == {
        "PERSON": Counts(gold=1, predicted=2, correct=1),
        "ORGANISATION": Counts(gold=0, predicted=0, correct=0, ignored=1),
        "LOCATION": Counts(gold=2, predicted=1, correct=0),
    }
    assert part.lenient["LOCATION"] == Counts(gold=2, predicted=1, correct=1)
    assert part.lenient["PERSON"] == part.strict["PERSON"]
    assert part.total() == Counts(gold=3, predicted=3, correct=1, ignored=1)
    assert part.timexes == TimexCounts(1, 1, 1, 2, 2, 1, 2, 0)
    assert part.confusion == {("PER", "PERSON"): 1, ("LOC", "GPE"): 1, ("LOC", "NORP"): 1}
    assert sorted((m.kind, m.text, m.other) for m in part.mismatches) == [
        ("missed", "Japanese", "Japanese/NORP"),
        ("missed", "Mobile, Alabama", "Alabama/GPE"),
        ("spurious", "Alabama", "Mobile, Alabama/LOC:NAM"),
        ("spurious", "company", "The company/ORG:NOM"),
    ]


def test_score_passage_with_nothing_predicted() -> None:
    part = score_passage(parse_meantime(SAMPLE, name="x").body, [], [])
    assert part.total() == Counts(gold=3)
    assert (part.total().precision, part.total().recall, part.total().f1) == (0.0, 0.0, 0.0)
    assert part.timexes == TimexCounts(calendar=1, gold=2)


def test_evaluate_maps_every_annotated_sentence_through_the_pipeline() -> None:
    # Segmentation only (no spaCy): every sentence reaches the body, nothing is predicted.
    report = evaluate([parse_meantime(SAMPLE, name="x")], settings=Settings(nlp=False))
    assert (report.documents, report.errors) == (1, ())
    assert (report.body.sentences, report.body.dropped) == (4, 0)
    assert (report.title.sentences, report.title.dropped) == (1, 0)
    assert report.body.total() == Counts(gold=3)
    assert report.title.total() == Counts(gold=2)
    as_json = report_dict(report)
    assert as_json["documents"] == 1
    assert isinstance(as_json["body"], dict) and set(as_json["body"]) >= {"entities", "timexes"}


@pytest.mark.gold
def test_meantime_corpus_reports_sane_numbers() -> None:
    if not MEANTIME.is_dir():
        pytest.skip(f"../shared is absent: {MEANTIME} not found (fresh clone without shared data)")
    docs = load_meantime(MEANTIME.parents[1] / CORPUS)
    assert len(docs) == 120 and all(d.published for d in docs)
    # 2,867 ENTITY_MENTIONs: all but one empty mark fall in the title or body; 525 TIMEX3:
    # 350 body + 18 title + 120 on the date line + 37 with no tokens.
    assert sum(len(d.body.mentions) + len(d.title.mentions) for d in docs) == 2866
    assert sum(len(d.body.timexes) for d in docs) == 350
    assert sum(len(d.title.timexes) for d in docs) == 18
    for d in docs:
        ends = [m.end for m in d.body.mentions] + [t.end for t in d.body.timexes]
        assert max(ends, default=0) <= d.body.annotated_end, d.name
    started = time.perf_counter()
    report = evaluate(docs)
    seconds = time.perf_counter() - started
    body = report.body
    assert (body.sentences, body.dropped) == (477, 0)
    gold = {k: c.gold for k, c in body.strict.items()}
    assert gold == {"PERSON": 92, "ORGANISATION": 415, "LOCATION": 239}
    assert (body.timexes.gold, body.timexes.calendar) == (350, 202)
    assert sum(c.gold for c in report.title.strict.values()) == 147
    for part in (report.body, report.title):
        for kind in (*part.strict, "ALL"):
            strict = part.total() if kind == "ALL" else part.strict[kind]
            lenient = part.total(lenient=True) if kind == "ALL" else part.lenient[kind]
            assert strict.correct <= lenient.correct <= lenient.gold
            for c in (strict, lenient):
                assert 0.0 <= c.precision <= 1.0 and 0.0 <= c.f1 <= 1.0
        t = part.timexes
        assert t.calendar_correct <= t.calendar_found <= t.calendar <= t.gold
    # Only titles may yield no article (short ones the cleaner drops as kickers).
    assert all("#title" in e for e in report.errors), report.errors
    assert report.title.dropped == len(report.errors)
    print(f"MEANTIME evaluation: {seconds:.1f} s")
