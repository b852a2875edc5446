"""Score the event coder on the four gold sets: python scripts/eval_events.py [-v] [SHARED].

Prints the seed and examples scores (``shared/tools/score.py``), the PLOVER gold sentences
(type recall, source-country accuracy, events a sentence, recall per type), the
PETRARCH-2 validation triples, and the coder's time as a share of spaCy's.  ``-v`` lists
the misses.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.evaluation.events import (
    Timing,
    petrarch_report,
    plover_report,
    score_dump,
)
from eventwire.stages.geo import geocode

ROOT = Path(__file__).resolve().parents[1]
_DEFAULT = ROOT.parent / "shared"


def _rows(name: str, rows: dict[str, tuple[float, ...]]) -> None:
    p, r, f1 = rows["event P/R/F1 (core recall)"]
    right, matched = rows.get("event date", (0, 0))
    print(f"{name}: event P={p:.3f} R={r:.3f} F1={f1:.3f}; matched core dates {right}/{matched}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("shared", nargs="?", type=Path, default=_DEFAULT)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args()
    shared: Path = args.shared
    scorer = shared / "tools" / "score.py"
    geocode("Beijing")  # the gazetteer loads once per process (about a second): not timed
    timing = Timing()

    rows, records = score_dump(
        shared / "seed" / "000_d61f246c6b9ee59f.txt", shared / "gold" / "seed.gold.json",
        scorer, timing,
    )  # fmt: skip
    _rows("seed", rows)
    for record in records:
        print(f"  {len(record['events']):2d} events  {record['headline']}")

    report = plover_report(shared / "peer-data" / "PLOVER" / "PLOVER_GSR_CAMEO.json", timing)
    print(
        f"PLOVER: gold type found {report.type_found}/{report.sentences} "
        f"({report.type_recall:.3f}); source country right {report.source_right}/"
        f"{report.source_scored} ({report.source_accuracy:.3f}); "
        f"{report.events_per_sentence:.2f} events a sentence"
    )
    for event_type, (found, total) in report.per_type.items():
        print(f"  {event_type:10s} {found:3d}/{total:<3d} {found / total:.2f}")
    if args.verbose:
        for gold, text, got in report.misses:
            print(f"  MISS {gold} (got {', '.join(got) or 'nothing'}): {text}")

    petr = petrarch_report(
        shared / "peer-data" / "UniversalPetrarch" / "PETR2_GSR_validation.xml", timing
    )
    print(
        f"PETRARCH-2: expected triples found {petr.found}/{petr.expected} ({petr.recall:.3f}); "
        f"no-event sentences left clean {petr.noevent_clean}/{petr.noevent_sentences}; "
        f"{petr.events} events in {petr.sentences} sentences"
    )
    if args.verbose:
        for body, triple, shown in petr.misses:
            print(f"  MISS {triple} (got {shown}): {body}")

    rows, _ = score_dump(
        ROOT / "examples" / "wire-dump.txt", ROOT / "tests" / "data" / "examples.gold.json",
        scorer, timing,
    )  # fmt: skip
    _rows("examples (held out)", rows)
    print(
        f"time: spaCy {timing.parse:.2f}s, actors {timing.actors:.2f}s, "
        f"timexes {timing.timexes:.2f}s, events {timing.events:.2f}s "
        f"({timing.events_share:.1%} of spaCy)"
    )


if __name__ == "__main__":
    main()
