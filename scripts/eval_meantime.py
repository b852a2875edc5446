"""Score entities and timexes on MEANTIME English: python scripts/eval_meantime.py [-v] [--json]."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.evaluation.meantime import (
    CORPUS,
    TYPES,
    Part,
    evaluate,
    load_meantime,
    report_dict,
)

_DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / CORPUS


def _table(name: str, part: Part) -> list[str]:
    lines = [
        f"{name}: {part.sentences} annotated sentences, {part.dropped} left out by the cleaner",
        f"{'':14}{'gold':>6}{'pred':>6}  {'strict P':>8}{'R':>7}{'F1':>7}  "
        f"{'lenient P':>9}{'R':>7}{'F1':>7}",
    ]
    rows = [(k, part.strict[k], part.lenient[k]) for k in TYPES.values()]
    rows.append(("ALL", part.total(), part.total(lenient=True)))
    for kind, s, n in rows:
        lines.append(
            f"{kind:14}{s.gold:>6}{s.predicted:>6}  {s.precision:>8.3f}{s.recall:>7.3f}"
            f"{s.f1:>7.3f}  {n.precision:>9.3f}{n.recall:>7.3f}{n.f1:>7.3f}"
        )
    t = part.timexes
    lines += [
        f"timexes, calendar dates: {t.calendar} gold, {t.calendar_found} found, "
        f"{t.calendar_correct} right value ({t.calendar_accuracy:.3f})",
        f"timexes, all:            {t.gold} gold, {t.found} found, "
        f"{t.correct} right value ({t.accuracy:.3f})",
        f"timexes, predicted:      {t.predicted}, {t.spurious} overlap no gold "
        f"(precision {t.precision:.3f})",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=_DEFAULT)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list entity mismatches")
    args = parser.parse_args()
    started = time.perf_counter()
    report = evaluate(load_meantime(args.directory))
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps({**report_dict(report), "seconds": round(seconds, 1)}, indent=2))
        return
    print(f"MEANTIME English: {report.documents} documents, {seconds:.1f} s")
    for name, part in (("body", report.body), ("title", report.title)):
        print("\n".join(["", *_table(name, part)]))
    for error in report.errors:
        print(f"ERROR {error}")
    if args.verbose:
        for name, part in (("body", report.body), ("title", report.title)):
            print(f"\n{name} confusion (gold type, predicted label: count):")
            for (gold, label), n in sorted(part.confusion.items(), key=lambda kv: -kv[1]):
                print(f"  {gold:4} {label:7} {n}")
            for m in part.mismatches:
                print(f"{m.kind.upper()} {name} {m.document}: {m.text!r}/{m.type} ~ {m.other}")
                print(f"    {m.context}")


if __name__ == "__main__":
    main()
