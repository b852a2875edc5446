"""Score find_timexes on TempEval-3 platinum: python scripts/eval_tempeval.py [-v] [DIR]."""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.evaluation.tempeval import load_tml, score

_DEFAULT = (
    Path(__file__).resolve().parents[1].parent
    / "shared/peer-data/StructTempRel-EMNLP17/data/TempEval3/Evaluation/te3-platinum"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=_DEFAULT)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false hits")
    args = parser.parse_args()
    s = score(load_tml(args.directory))
    print(f"gold calendar dates: {s.count}")
    print(f"found:               {s.found}")
    print(f"value correct:       {s.correct}")
    print(f"accuracy:            {s.accuracy:.3f}")
    print(f"predicted:           {s.predicted} ({s.spurious} overlap no gold TIMEX3)")
    print(f"precision:           {s.precision:.3f}")
    if args.verbose:
        for m in s.misses:
            got = f"{m.predicted.text!r} = {m.predicted.value}" if m.predicted else "not found"
            print(
                f"MISS {m.document}: {m.gold.text!r} = {m.gold.value}, got {got}\n    {m.context}"
            )
        for name, t in s.false_hits:
            print(f"FALSE {name}: {t.text!r} = {t.value}")


if __name__ == "__main__":
    main()
