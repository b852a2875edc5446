"""Score article-body extraction on the article-extraction-benchmark's whole-page texts.

    python scripts/eval_extraction.py            # through `python -m eventwire extract`
    python scripts/eval_extraction.py --direct   # select_main_content in process
    python scripts/eval_extraction.py --direct --split odd --json
    python scripts/eval_extraction.py --counts   # records per page (.txt and JSON lines), dumps

The default mode writes the page texts as JSON lines ({"id", "text"}) to a temporary folder, runs
the CLI on them and scores each output record's ``body`` by its ``source.id``; pages the CLI
drops score as empty bodies. See eventwire.evaluation.extraction for the metric.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.evaluation.extraction import (
    BENCHMARK,
    WIKINEWS,
    Benchmark,
    count_mixed,
    count_pages,
    count_wikinews,
    direct_bodies,
    load_benchmark,
    score_bodies,
    split_ids,
)

_DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def cli_bodies(pages: dict[str, str]) -> dict[str, str]:
    """Bodies produced by ``python -m eventwire extract PATH --format jsonl``, keyed by id."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pages.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for key, text in pages.items():
                out.write(json.dumps({"id": key, "text": text}, ensure_ascii=False) + "\n")
        command = [sys.executable, "-m", "eventwire", "extract", str(path), "--format", "jsonl"]
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    bodies: dict[str, str] = {}
    for line in done.stdout.splitlines():
        if line.strip():
            record = json.loads(line)
            bodies[str(record["source"]["id"])] = str(record.get("body") or "")
    return bodies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--direct", action="store_true", help="call select_main_content directly")
    parser.add_argument("--shared", type=Path, default=_DEFAULT_SHARED, help="the shared folder")
    parser.add_argument("--split", choices=["all", "even", "odd"], default="all")
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    parser.add_argument(
        "--counts",
        action="store_true",
        help="count records: each page as .txt and as JSON lines, the Wikinews dump, mixed dumps",
    )
    args = parser.parse_args()

    if not (args.shared / BENCHMARK).is_dir():
        sys.exit(f"benchmark not found: {args.shared / BENCHMARK}")
    benchmark = load_benchmark(args.shared)
    ids = split_ids(benchmark.gold, args.split)
    pages = {key: benchmark.pages[key] for key in ids}
    gold = {key: benchmark.gold[key] for key in ids}
    if args.counts:
        counts(args.shared, benchmark, ids, as_json=args.json)
        return
    started = time.perf_counter()
    bodies = direct_bodies(pages) if args.direct else cli_bodies(pages)
    seconds = time.perf_counter() - started
    precision, recall, f1 = score_bodies(bodies, gold)

    mode = "direct" if args.direct else "cli"
    if args.json:
        summary = {
            "mode": mode,
            "split": args.split,
            "docs": len(gold),
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "seconds": round(seconds, 2),
        }
        print(json.dumps(summary))
    else:
        print(f"{mode} {args.split}: {len(gold)} docs in {seconds:.2f}s")
        print(f"precision={precision:.3f} recall={recall:.3f} F1={f1:.3f}")


def counts(shared: Path, benchmark: Benchmark, ids: list[str], *, as_json: bool) -> None:
    """Article counts: pages read alone, the Wikinews dump, dumps of pages of different sites."""
    summary: dict[str, object] = {}
    for name, jsonl in (("txt", False), ("jsonl", True)):
        c = count_pages(benchmark, ids, jsonl=jsonl)
        summary[name] = {
            "pages": c.pages,
            "records": c.records,
            "one_right": round(c.one_right / c.pages, 4),
            "f1": round(c.f1, 4),
        }
    mixed = count_mixed(shared, benchmark, ids)
    summary["mixed"] = mixed._asdict()
    if (shared / WIKINEWS).is_dir():
        wikinews = count_wikinews(shared)
        summary["wikinews"] = wikinews._asdict()
    if as_json:
        print(json.dumps(summary))
        return
    for name, value in summary.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
