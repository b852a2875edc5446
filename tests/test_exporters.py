"""Event exports in the field's formats, each validated against a reference written from its
spec (tests/data/specs: PLOVER manual draft 0.8, POLECAT's Dataverse columns, the GDELT 2.0
event codebook), on hand-made records and on the store of ../shared's Wikinews articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventwire.evaluation import exports
from eventwire.exporters import (
    GDELT_COLUMNS,
    GDELT_EXTRA,
    POLECAT_COLUMNS,
    event_records,
    fips_code,
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


def check_plover(text: str) -> list[dict[str, object]]:
    problems, _n = exports.check_plover(text)
    assert not problems, problems[:5]
    return [json.loads(line) for line in text.splitlines()]


def check_gdelt(text: str) -> list[list[str]]:
    assert [name for name, _ in exports.gdelt_spec()] == list(GDELT_COLUMNS)
    assert len(GDELT_COLUMNS) == 61
    problems, _n = exports.check_gdelt(text, extra=len(GDELT_EXTRA))
    assert not problems, problems[:5]
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert all(row[-1] in ("day", "week", "month", "year") for row in rows)
    return rows


def check_polecat(text: str) -> list[dict[str, str]]:
    assert exports.polecat_columns() == POLECAT_COLUMNS
    problems, _n = exports.check_polecat(text)
    assert not problems, problems[:5]
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def test_the_checks_catch_what_breaks_a_spec() -> None:
    assert exports.check_gdelt("1\t20260200\n")[0]  # too few columns
    row = ["x"] * 62
    assert any("SQLDATE" in p for p in exports.check_gdelt("\t".join(row) + "\n")[0])
    bad = json.dumps(
        {"id": "x", "date": "2026-02", "source": [{"code": "IRN"}], "event": ["ATTACK"]}
    )
    problems, _ = exports.check_plover(bad)
    assert len(problems) == 2  # the date and the event type
    header = "\t".join(POLECAT_COLUMNS)
    assert exports.check_polecat(header + "\n" + "\t".join([";"] * len(POLECAT_COLUMNS)))[0]


def test_plover_records_follow_the_manual() -> None:
    buf = io.StringIO()
    assert write_plover(event_records([_article()]), buf) == 2
    first, joint = check_plover(buf.getvalue())
    assert first["event"] == ["CONSULT"] and first["mode"] == ["visit"]
    assert first["source"] == [
        {"code": "RUS", "sector": "GOV", "actor_text": "Vladimir Putin",
         "entity_text": "Vladimir Putin", "identifier_text": "Vladimir Putin",
         "office": "President", "id": "vladimir-putin"}
    ]  # fmt: skip
    assert first["event_loc"] == {
        "name": "Beijing", "latitude": 39.9, "longitude": 116.4, "country code": "CN", "cc3": "CHN"
    }  # fmt: skip
    assert first["date"] == "2025-09-02" and "enddate" not in first
    assert [a["code"] for a in joint["source"]] == ["CHN", "RUS"]  # a compound actor
    buf = io.StringIO()
    assert write_plover(event_records([_article()], include_negated=True), buf) == 3
    assert json.loads(buf.getvalue().splitlines()[-1])["negated"] is True


def test_plover_partial_dates_joint_acts_and_missing_sources() -> None:
    a = _article()
    month = Event(
        id="m", type="AGREE", source=("xi-jinping", "vladimir-putin"),
        target=("vladimir-putin", "xi-jinping"), start=0, end=1, trigger="agreed",
        sentence="s", coder="c", date="2026-02", date_precision="month",
    )  # fmt: skip
    orphan = Event(id="o", type="ASSAULT", source=(), target=("WST",), start=0, end=1,
                   trigger="t", sentence="s", coder="c")  # fmt: skip
    skipped: list[str] = []
    buf = io.StringIO()
    n = write_plover(
        [(a, month, None), (a, orphan, None)], buf, on_skip=lambda _a, e: skipped.append(e.id)
    )
    (record,) = check_plover(buf.getvalue())
    assert n == 1 and skipped == ["o"]
    assert (record["date"], record["enddate"]) == ("2026-02-01", "2026-02-28")
    assert record["recipient"] == [] and len(record["source"]) == 2  # joint act: no recipient


def test_polecat_columns_and_joined_cells() -> None:
    buf = io.StringIO()
    write_polecat(event_records([_article()]), buf)
    rows = check_polecat(buf.getvalue())
    assert len(rows) == 2
    assert rows[1]["Actor Country"] == "CHN;RUS" and rows[1]["Recipient Country"] == "WST"
    assert rows[1]["Actor Sectors"] == "GOV;GOV" and rows[1]["Recipient Sectors"] == ""
    assert rows[0]["Event Date"] == "2025-09-02" and rows[0]["Placename"] == "Beijing"


def test_gdelt_61_columns_fips_and_one_row_per_dyad() -> None:
    buf = io.StringIO()
    assert write_gdelt(event_records([_article()]), buf) == 3  # the compound actor: 2 rows
    rows = [dict(zip(GDELT_COLUMNS, r, strict=False)) for r in check_gdelt(buf.getvalue())]
    first = rows[0]
    assert first["Actor1Code"] == "RUSGOV" and first["Actor2CountryCode"] == "CHN"
    assert first["SQLDATE"] == "20250902" and first["EventRootCode"] == "04"
    assert first["QuadClass"] == "1" and first["ActionGeo_FullName"] == "Beijing"
    assert first["ActionGeo_CountryCode"] == "CH"  # FIPS 10-4, not ISO's CN
    assert first["DATEADDED"] == "20250902000000" and first["SOURCEURL"] == "https://example.org/a1"
    assert [r["Actor1Name"] for r in rows[1:]] == ["XI JINPING", "VLADIMIR PUTIN"]
    assert len({r["GLOBALEVENTID"] for r in rows}) == 3
    assert fips_code("DEU") == "GM" and fips_code("WST") == ""


def test_gdelt_partial_date_is_the_range_start() -> None:
    a = _article()
    week = Event(id="w", type="CONSULT", source=("xi-jinping",), target=(), start=0, end=1,
                 trigger="t", sentence="s", coder="c", date="2025-W36", date_precision="week")  # fmt: skip
    buf = io.StringIO()
    write_gdelt([(a, week, "2026-03-01T10:11:12Z")], buf)
    (row,) = check_gdelt(buf.getvalue())
    assert row[1] == "20250901" and row[-1] == "week" and row[59] == "20260301101112"


@pytest.fixture(scope="module")
def wikinews_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples plus the first 40 of ../shared's Wikinews articles, ingested once (the
    whole corpus is checked by scripts/check_exports.py: minutes of NLP)."""
    import csv as _csv

    from eventwire.service import ingest
    from eventwire.store import open_store

    from .conftest import EXAMPLES, need_shared

    folder = need_shared("corpora", "wikinews-2019-2020")
    tmp = tmp_path_factory.mktemp("wikinews")
    records = tmp / "wikinews.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
            with (folder / name).open(encoding="utf-8", newline="") as fh:
                for row in list(_csv.DictReader(fh))[:20]:
                    out.write(json.dumps({"id": row["url"], "url": row["url"], "title": row["title"],
                                          "published": row["date"] or None, "text": row["text"]}) + "\n")  # fmt: skip
    db = tmp / "w.db"
    with open_store(db) as store:
        ingest([str(EXAMPLES), str(records)], store)
    return db


@pytest.mark.gold
def test_every_export_of_the_wikinews_store_validates(wikinews_store: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq
    from typer.testing import CliRunner

    from eventwire.cli import app

    runner = CliRunner()
    db = str(wikinews_store)
    out = {}
    for f in ("plover", "polecat", "gdelt", "csv"):
        result = runner.invoke(app, ["events", "--db", db, "-f", f, "--include-negated"])
        assert result.exit_code == 0, result.output
        out[f] = result.stdout
    assert len(check_plover(out["plover"])) > 50
    assert len(check_polecat(out["polecat"])) > 50
    rows = check_gdelt(out["gdelt"])  # every SQLDATE is a real YYYYMMDD
    assert len(rows) > 50
    parquet = tmp_path / "e.parquet"
    assert (
        runner.invoke(app, ["events", "--db", db, "-f", "parquet", "-o", str(parquet)]).exit_code
        == 0
    )
    table = pq.read_table(parquet)
    assert str(table.schema.field("day_start").type) == "date32[day]"
    assert str(table.schema.field("source_names").type) == "list<element: string>"
    if _has("pandas"):
        import pandas as pd

        frame = pd.read_parquet(parquet, dtype_backend="pyarrow")
        assert str(frame["day_start"].dtype) == "date32[day][pyarrow]"
        assert str(frame["quad_class"].dtype) == "int8[pyarrow]"
    if _has("duckdb"):
        import duckdb

        query = f"SELECT typeof(day_start), typeof(source_names) FROM read_parquet('{parquet}')"
        assert duckdb.sql(query).fetchall()[0] == ("DATE", "VARCHAR[]")


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
