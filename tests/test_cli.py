"""The command line, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
from typer.testing import CliRunner

from eventwire.cli import app

from .conftest import EXAMPLES, ROOT

runner = CliRunner()
SCHEMA = json.loads((ROOT / "src" / "eventwire" / "schema" / "article.schema.json").read_text())


def test_extract_prints_schema_valid_records() -> None:
    result = runner.invoke(app, ["extract", str(EXAMPLES / "wire-dump.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 6
    for r in records:
        jsonschema.validate(r, SCHEMA)
    as_json = runner.invoke(app, ["extract", str(EXAMPLES / "wire-dump.txt"), "--format", "json"])
    assert json.loads(as_json.stdout) == records


def test_ingest_articles_show_export(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0, first.output
    assert "0 already stored" in first.stderr
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert "0 new" in again.stderr and "nothing new" in again.stderr
    listing = runner.invoke(app, ["articles", "--db", db])
    assert listing.exit_code == 0 and "Sudan" in listing.stdout
    exported = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    extracted = runner.invoke(app, ["extract", str(EXAMPLES / "wire-dump.txt")])
    assert sorted(r["id"] for r in records) == sorted(
        json.loads(line)["id"] for line in extracted.stdout.splitlines()
    )
    shown = runner.invoke(app, ["show", records[0]["id"][:8], "--db", db])
    assert shown.exit_code == 0 and records[0]["body"][:40] in shown.stdout.replace("\n", " ")
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--db", db, "-f", "csv"]).stdout))
    )
    assert len(rows) == len(records)
    out = tmp_path / "a.parquet"
    assert (
        runner.invoke(app, ["export", "--db", db, "-f", "parquet", "-o", str(out)]).exit_code == 0
    )
    assert pq.read_table(out).num_rows == len(records)


def test_exit_codes_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    only_bad = runner.invoke(app, ["extract", str(empty)])
    assert only_bad.exit_code == 1 and "empty.txt" in only_bad.stderr
    mixed = runner.invoke(app, ["extract", str(empty), str(EXAMPLES / "wire-dump.txt")])
    assert mixed.exit_code == 0 and mixed.stdout.count("\n") >= 6
    missing = runner.invoke(app, ["show", "abc", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.stderr


def test_bad_input_does_not_touch_stored_articles(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    before = runner.invoke(app, ["export", "--db", db]).stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": \n{not json}\n')
    result = runner.invoke(app, ["ingest", str(bad), str(EXAMPLES / "wire-dump.txt"), "--db", db])
    assert result.exit_code == 0
    assert "bad.jsonl:1" in result.stderr and "bad.jsonl:2" in result.stderr
    assert runner.invoke(app, ["export", "--db", db]).stdout == before


def test_actors_and_show_list_what_was_understood(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    listing = runner.invoke(app, ["actors", "--db", db, "--name", "Ruto"])
    assert listing.exit_code == 0 and "William Ruto" in listing.stdout and "KEN" in listing.stdout
    exported = runner.invoke(app, ["export", "--db", db]).stdout.splitlines()
    record = next(json.loads(line) for line in exported if "Ruto" in line)
    shown = runner.invoke(app, ["show", record["id"], "--db", db]).stdout
    assert "actors" in shown and "William Ruto" in shown and "dates" in shown


def test_events_command_filters_and_hides_negated(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    exported = [
        json.loads(line) for line in runner.invoke(app, ["export", "--db", db]).stdout.splitlines()
    ]
    events = [e for r in exported for e in r["events"]]
    negated = [e for e in events if e["negated"]]
    assert events and negated, "the example corpus has coded and negated events"
    default = runner.invoke(app, ["events", "--db", db, "--limit", "500"])
    assert default.exit_code == 0
    assert f"{len(events) - len(negated)} events" in default.stdout
    everything = runner.invoke(app, ["events", "--db", db, "--limit", "500", "--include-negated"])
    assert f"{len(events)} events" in everything.stdout
    assert "(negated)" in everything.stdout.replace("\n", "").replace(" ", "")
    kenya = runner.invoke(app, ["events", "--db", db, "--actor", "KEN", "--type", "protest"])
    assert kenya.exit_code == 0 and "PROTEST" in kenya.stdout and "ACCUSE" not in kenya.stdout
    record = next(r for r in exported if r["events"])
    shown = runner.invoke(app, ["show", record["id"], "--db", db]).stdout
    assert "events" in shown and record["events"][0]["type"] in shown


def test_extract_without_nlp_cleans_only() -> None:
    result = runner.invoke(app, ["extract", "--no-nlp", str(EXAMPLES / "wire-dump.txt")])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["actors"] == [] and r["events"] == [] for r in records)
    assert all(r["stages"] == ["segment.v1"] for r in records)


def test_ingest_on_dask_workers_stores_what_a_serial_run_stores(tmp_path: Path) -> None:
    serial, parallel = str(tmp_path / "s.db"), str(tmp_path / "p.db")
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", serial]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", parallel, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    dump = [runner.invoke(app, ["export", "--db", db]).stdout for db in (serial, parallel)]
    assert sorted(dump[0].splitlines()) == sorted(dump[1].splitlines())


def test_event_filters_are_checked_like_the_api(tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    assert (
        runner.invoke(app, ["ingest", str(EXAMPLES / "wire-dump.txt"), "--db", db]).exit_code == 0
    )
    for option, value, message in [
        ("--since", "2026-02-30", "--since: '2026-02-30' is not a date"),
        ("--since", "02/01/2026", "--since: '02/01/2026' is not a date"),
        ("--type", "ATTACK", "--type: 'ATTACK' is not one of"),
        ("--quad-class", "7", "--quad-class: '7' is not a whole number from 1 to 4"),
        ("--country", "Iran", "--country: 'Iran' is not a three-letter country code"),
        ("--limit", "-1", "--limit: -1 is not a whole number"),
    ]:
        result = runner.invoke(app, ["events", "--db", db, option, value])
        assert result.exit_code == 2 and message in result.output, (option, result.output)
    nothing = runner.invoke(app, ["events", "--db", db, "--since", "1990", "--until", "1990"])
    assert nothing.exit_code == 0 and "no events match" in nothing.output


def test_nothing_read_leaves_no_database(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 1 and not db.exists()
