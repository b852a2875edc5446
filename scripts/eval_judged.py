"""Hand judgement of events on real news: make the sheet, then score the filled sheet.

    python scripts/eval_judged.py sheet OUT.jsonl > events.tsv     # one row per coded event
    python scripts/eval_judged.py score events.tsv [recall.tsv]    # the figures

``OUT.jsonl`` is what ``eventwire extract`` printed for the articles (for the judged
Wikinews set: ``../shared/peer-data/wikinews-judged/articles.jsonl``).  The sheet has the
event as coded and empty verdict columns, each Y, N or U (the text does not decide):
``real`` (a real event, reported as happened or as PLOVER codes threats and promises),
``type_ok``, ``source_ok``, ``target_ok``, ``date_ok``, ``negated_hedged_ok``,
``place_named`` (the sentence names where it happened), ``location_ok`` (the event's
location is that place), ``fully_right`` (real, and type, source and target right), and a
``root_cause`` for what is wrong.  A recall sheet has one row per event a careful coder
finds, with ``found`` (Y/N: an event of that type and source) and ``target_right``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

VERDICTS = ("real", "type_ok", "source_ok", "target_ok", "date_ok", "negated_hedged_ok",
            "place_named", "location_ok", "fully_right")  # fmt: skip
COLUMNS = ("article", "event", "sentence", "eventwire_output", *VERDICTS, "root_cause", "note")


def _describe(event: dict[str, object], names: dict[str, str]) -> str:
    def who(ids: object) -> list[str]:
        return [names.get(str(i), str(i)) for i in ids or []]  # type: ignore[attr-defined]

    loc = event.get("location") or {}
    place = loc.get("name") if isinstance(loc, dict) else None
    return (
        f"{event['type']}/{event.get('mode') or '-'}/{event.get('cameo')} "
        f"src={who(event.get('source'))} tgt={who(event.get('target'))} "
        f"trigger={event.get('trigger')!r} date={event.get('date')}({event.get('date_basis')},"
        f"{event.get('date_precision')}) place={place} negated={event.get('negated')} "
        f"hedged={event.get('hedged')}"
    )


def sheet(output: Path) -> None:
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for line in output.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        names = {a["id"]: a["name"] for a in record.get("actors") or []}
        article = (record.get("source") or {}).get("id") or record["id"]
        for i, event in enumerate(record.get("events") or []):
            sentence = " ".join(str(event.get("sentence") or "").split())
            writer.writerow([article, i, sentence, _describe(event, names)] + [""] * 11)


def _share(rows: list[dict[str, str]], column: str, among: str | None = None) -> str:
    pool = [r for r in rows if among is None or r.get(among) == "Y"]
    decided = [r for r in pool if r.get(column) in ("Y", "N")]
    yes = sum(r[column] == "Y" for r in decided)
    return f"{yes}/{len(decided)} = {yes / len(decided):.2f}" if decided else "n/a"


def score(events: Path, recall: Path | None) -> None:
    rows = list(csv.DictReader(events.open(encoding="utf-8"), delimiter="\t"))
    print(f"events judged: {len(rows)}")
    print(f"real: {_share(rows, 'real')}")
    right = sum(r["fully_right"] == "Y" for r in rows)
    print(f"fully right (of all coded events): {right}/{len(rows)} = {right / len(rows):.2f}")
    for column in ("type_ok", "source_ok", "target_ok", "negated_hedged_ok"):
        print(f"{column} (of real events): {_share(rows, column, 'real')}")
    print(f"dates right, of those the text decides: {_share(rows, 'date_ok', 'real')}")
    print(
        "a location, of events whose sentence names a place: "
        + _share(rows, "location_ok", "place_named")
    )
    if recall is not None:
        gold = list(csv.DictReader(recall.open(encoding="utf-8"), delimiter="\t"))
        found = sum(g["found"] == "Y" for g in gold)
        print(f"recall (type and source found): {found}/{len(gold)} = {found / len(gold):.2f}")
        print(f"  ... with the target right too: {_share(gold, 'target_right', 'found')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("sheet", help="the judgement sheet of an extract output")
    make.add_argument("output", type=Path)
    total = sub.add_parser("score", help="the figures of a filled sheet")
    total.add_argument("events", type=Path)
    total.add_argument("recall", type=Path, nargs="?")
    args = parser.parse_args()
    if args.command == "sheet":
        sheet(args.output)
    else:
        score(args.events, args.recall)


if __name__ == "__main__":
    main()
