"""Validate every event export of a store against its reference (eventwire.evaluation.exports).

Builds the store of the examples, the seed and ../shared's Wikinews articles when --db does
not exist yet (a few minutes of NLP), then writes each format with `eventwire events` and
checks it; reads the events Parquet with pandas and DuckDB (when installed) for its dtypes.

    python scripts/check_exports.py --db /tmp/wikinews.db
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluation.exports import check_gdelt, check_plover, check_polecat
from eventwire.service import ingest
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def build(db: Path, shared: Path) -> None:
    folder = shared / "corpora" / "wikinews-2019-2020"
    if not folder.exists():
        sys.exit(f"{folder} not found: this check needs ../shared")
    records = db.with_suffix(".wikinews.jsonl")
    with records.open("w", encoding="utf-8") as out:
        for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
            with (folder / name).open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    record = {"id": row["url"], "url": row["url"], "title": row["title"],
                              "published": row["date"] or None, "text": row["text"]}  # fmt: skip
                    out.write(json.dumps(record) + "\n")
    with open_store(db) as store:
        ingest([str(ROOT / "examples"), str(shared / "seed"), str(records)], store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.shared)
    runner = CliRunner()
    db = str(args.db)
    with open_store(args.db) as store:
        print(f"store: {store.count()} articles ({db})")
    checks = {"plover": check_plover, "polecat": check_polecat, "gdelt": check_gdelt}
    failed = False
    print(f"{'format':<8} {'records':>8} {'problems':>9}")
    for name, check in checks.items():
        result = runner.invoke(app, ["events", "--db", db, "-f", name, "--include-negated"])
        problems, n = check(result.stdout)
        print(f"{name:<8} {n:>8} {len(problems):>9}  {result.stderr.strip()}")
        for p in problems[:5]:
            print(f"    {p}")
        failed |= bool(problems) or result.exit_code != 0
    gdelt = runner.invoke(app, ["events", "--db", db, "-f", "gdelt", "--include-negated"]).stdout
    dates = {row[1] for row in csv.reader(io.StringIO(gdelt), delimiter="\t")}
    bad = sorted(
        d for d in dates if len(d) != 8 or not d.isdigit() or d[4:6] == "00" or d[6:] == "00"
    )
    print(f"SQLDATE values outside YYYYMMDD: {len(bad)} {bad[:5]}")
    failed |= bool(bad)
    with tempfile.TemporaryDirectory() as tmp:
        parquet = Path(tmp) / "events.parquet"
        runner.invoke(app, ["events", "--db", db, "-f", "parquet", "-o", str(parquet)])
        try:
            import pandas as pd

            frame = pd.read_parquet(parquet, dtype_backend="pyarrow")
            print(f"pandas: {len(frame)} rows; day_start {frame['day_start'].dtype}, "
                  f"quad_class {frame['quad_class'].dtype}, source_names holds "
                  f"{type(frame['source_names'].iloc[0]).__name__}")  # fmt: skip
        except ImportError:
            print("pandas: not installed")
        try:
            import duckdb

            kinds = duckdb.sql(
                f"SELECT typeof(day_start), typeof(source_names), typeof(negated)"
                f" FROM read_parquet('{parquet}') LIMIT 1"
            ).fetchall()[0]
            print(f"duckdb: day_start, source_names, negated are {kinds}")
        except ImportError:
            print("duckdb: not installed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
