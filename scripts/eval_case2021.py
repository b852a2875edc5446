"""Score the event coder on CASE-2021 task 2 snippets: python scripts/eval_case2021.py [SHARED].

Prints the recall per ACLED subtype, the disaster false alarms and the summary line of
``shared/tools/score_case2021.py``; ``--show N`` also lists N misses.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.evaluation.case2021 import case_report

ROOT = Path(__file__).resolve().parents[1]
_DEFAULT = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("shared", nargs="?", type=Path, default=_DEFAULT)
    parser.add_argument("--show", type=int, default=0, help="list this many misses")
    args = parser.parse_args()
    shared: Path = args.shared
    report = case_report(
        shared / "peer-data" / "case2021-task2" / "case2021-task2-dev.tsv",
        shared / "tools" / "score_case2021.py",
        show=args.show,
    )
    print("\n".join(report.lines))


if __name__ == "__main__":
    main()
