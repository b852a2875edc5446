"""Event exports in the field's formats: PLOVER JSON lines, POLECAT-like TSV, GDELT-like table."""

from __future__ import annotations

import csv
import io
import json

from eventwire.exporters import (
    GDELT_COLUMNS,
    POLECAT_COLUMNS,
    write_gdelt,
    write_plover,
    write_polecat,
)
from eventwire.model import Actor, Article, Event, Location, SourceRef


def _article() -> Article:
    actors = (
        Actor("vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", "President"),
        Actor("xi-jinping", "Xi Jinping", "person", "CHN", "GOV", "President"),
        Actor("WST", "the West", "group", "WST"),
    )
    consult = Event(
        id="e1", type="CONSULT", source=("vladimir-putin",), target=("xi-jinping",), start=0, end=4,
        trigger="told", sentence="Putin told Xi ...", coder="events.v1", mode="visit",
        cameo="040", quad_class=1, intensity=1.0, date="2025-09-02", date_basis="timex",
        location=Location("Beijing", "CHN", 39.9, 116.4),
    )  # fmt: skip
    accuse = Event(
        id="e2", type="ACCUSE", source=("xi-jinping", "vladimir-putin"), target=("WST",), start=5,
        end=9, trigger="criticized", sentence="They criticized Western governments.",
        coder="events.v1", cameo="111", quad_class=3, intensity=-2.0, date="2025-09-01",
    )  # fmt: skip
    denied = Event(
        id="e3", type="ACCUSE", source=("xi-jinping",), target=("vladimir-putin",), start=10,
        end=12, trigger="denounced", sentence="China has never denounced Russia.",
        coder="events.v1", negated=True,
    )  # fmt: skip
    return Article(
        id="a1", source=SourceRef("mem", url="https://example.org/a1"), headline="Talks",
        published="2025-09-02", actors=actors, events=(consult, accuse, denied), body="x" * 20,
    )  # fmt: skip


def test_plover_records_and_negated_excluded_by_default() -> None:
    buf = io.StringIO()
    assert write_plover([_article()], buf) == 2
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    first = records[0]
    assert set(first) == {
        "id", "date", "actor", "recipient", "event", "mode", "context", "event_loc",
        "quad_code", "event_scale", "text_info", "cite_info",
    }  # fmt: skip
    assert first["actor"][0]["country"] == "RUS" and first["recipient"][0]["name"] == "Xi Jinping"
    assert first["event_loc"] == {"name": "Beijing", "country": "CHN", "lat": 39.9, "lon": 116.4}
    assert [a["country"] for a in records[1]["actor"]] == ["CHN", "RUS"]  # a compound actor
    buf = io.StringIO()
    assert write_plover([_article()], buf, include_negated=True) == 3
    assert json.loads(buf.getvalue().splitlines()[-1])["text_info"]["negated"] is True


def test_polecat_and_gdelt_tables() -> None:
    buf = io.StringIO()
    write_polecat([_article()], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == POLECAT_COLUMNS and len(rows) == 2
    assert rows[1]["Actor Country"] == "CHN;RUS" and rows[1]["Recipient Country"] == "WST"
    buf = io.StringIO()
    write_gdelt([_article()], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    assert rows[0]["Actor1Code"] == "RUSGOV" and rows[0]["Actor2CountryCode"] == "CHN"
    assert rows[0]["SQLDATE"] == "20250902" and rows[0]["EventRootCode"] == "04"
    assert rows[0]["QuadClass"] == "1" and rows[0]["ActionGeo_FullName"] == "Beijing"
    assert rows[0]["SOURCEURL"] == "https://example.org/a1"
