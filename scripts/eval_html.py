"""Score eventwire's HTML reader beside bare trafilatura on newspaper4k's extraction dataset.

    python scripts/eval_html.py                  # both readers, all pages, then each half
    python scripts/eval_html.py --split odd --json

Both readers run on the same pages in the same run; see eventwire.evaluation.newspaper4k for
how each figure is computed. The halves are the fixed even/odd split of the sorted page keys
(rules are written on one and checked on the other).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Literal

from eventwire.evaluation.extraction import split_ids
from eventwire.evaluation.newspaper4k import (
    DATASET,
    eventwire_reader,
    load_dataset,
    score_reader,
    trafilatura_reader,
)

_DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_FIELDS = ("headline", "date", "byline", "body_f1", "body_precision", "body_recall", "body_only_f1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=_DEFAULT_SHARED)
    parser.add_argument("--split", choices=("all", "even", "odd"), default=None)
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    if not (args.shared / DATASET / "articles.json").exists():
        sys.exit(f"{args.shared / DATASET} not found: the dataset lives in ../shared")
    pages, gold = load_dataset(args.shared)
    ours = {key: eventwire_reader(html) for key, html in pages.items()}
    theirs = {key: trafilatura_reader(html) for key, html in pages.items()}
    parts: tuple[Literal["all", "even", "odd"], ...] = (
        (args.split,) if args.split else ("all", "even", "odd")
    )
    summary: dict[str, object] = {}
    for part in parts:
        keys = split_ids(gold, part)
        summary[part] = {
            "eventwire": asdict(score_reader(ours, gold, keys)),
            "trafilatura": asdict(score_reader(theirs, gold, keys)),
        }
    if args.json:
        print(json.dumps(summary))
        return
    for part, scores in summary.items():
        assert isinstance(scores, dict)
        print(f"{part} ({scores['eventwire']['pages']} pages)    eventwire  trafilatura")
        ours, theirs = scores["eventwire"], scores["trafilatura"]
        for name in _FIELDS:
            print(f"  {name:<15}  {ours[name]:9.3f}  {theirs[name]:11.3f}")


if __name__ == "__main__":
    main()
