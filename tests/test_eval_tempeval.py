"""Evaluation gate: find_timexes against TempEval-3 platinum dates, with pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluation.tempeval import load_tml, parse_tml, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PLATINUM = SHARED / "peer-data/StructTempRel-EMNLP17/data/TempEval3/Evaluation/te3-platinum"

# Measured 68/69 (0.986) value accuracy and 86/88 (0.977) precision; floors sit a little below.
ACCURACY_FLOOR = 0.95
PRECISION_FLOOR = 0.93

TML = (
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">'
    "March 22, 2013</TIMEX3></DCT><TEXT>\n\n"
    'Dr. Jhung <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t3" type="DATE" value="2013-03-22">'
    'Friday</TIMEX3> that 105 children &amp; teens died since <TIMEX3 tid="t4" type="DATE" '
    'value="2009">2009</TIMEX3>.\n\nThe season started <TIMEX3 tid="t1" type="DURATION" '
    'value="P1M">a month</TIMEX3> early, in <TIMEX3 tid="t2" type="DATE" value="2012-W49">'
    "the first week of December</TIMEX3>; 2,000 people fell ill in 1999.\n</TEXT>"
)


def test_parse_tml_keeps_offsets_into_plain_text() -> None:
    doc = parse_tml(TML, name="inline")
    assert doc.dct == "2013-03-22"
    assert "<" not in doc.text and "&amp;" not in doc.text
    assert [(g.text, g.type, g.value, g.calendar) for g in doc.timexes] == [
        ("Friday", "DATE", "2013-03-22", True),
        ("2009", "DATE", "2009", True),
        ("a month", "DURATION", "P1M", False),
        ("the first week of December", "DATE", "2012-W49", False),
    ]
    for g in doc.timexes:
        assert doc.text[g.start : g.end] == g.text


def test_score_counts_found_right_and_spurious() -> None:
    s = score([parse_tml(TML, name="inline")])
    assert (s.count, s.found, s.correct) == (2, 2, 2)
    # "since 2009", "Friday", "December" (inside a gold week) overlap gold; "in 1999" does not
    assert s.spurious == 1 and [t.text for _, t in s.false_hits] == ["in 1999"]
    assert s.accuracy == 1.0


@pytest.mark.gold
def test_tempeval_platinum_dates() -> None:
    if not PLATINUM.is_dir():
        pytest.skip(f"../shared is absent: {PLATINUM} not found (fresh clone without shared data)")
    s = score(load_tml(PLATINUM))
    misses = [f"{m.document}: {m.gold.text!r}={m.gold.value}" for m in s.misses]
    assert s.count == 69
    assert s.accuracy >= max(ACCURACY_FLOOR, 0.85), misses
    assert s.precision >= PRECISION_FLOOR, [t.text for _, t in s.false_hits]
