"""Print each event's date and place on the judged Wikinews articles, for reading by hand.

    python scripts/eval_when_where.py                 # ../shared/peer-data/wikinews-judged
    python scripts/eval_when_where.py --quiet         # the counts only
    python scripts/eval_when_where.py PATH.jsonl      # any eventwire input

For every event: the article, its sentence, trigger, date, ``date_basis``, precision and
location, and the places its sentence names (GPE, LOC or FAC entities that geocode and are
not the event's source or target).  The closing counts are what the events issue measures:
how many events fall back to the publication date, and how many of the events whose
sentence names a place carry a location.  Whether a date is right is judged by reading
(the text decides it or not); this script does not pretend to know.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eventwire.model import Article, Event
from eventwire.service import extract
from eventwire.settings import Settings
from eventwire.stages.geo import geocode

_DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared/peer-data/wikinews-judged/articles.jsonl"
)
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def sentence_places(article: Article, event: Event) -> list[str]:
    """The places the event's sentence names that are not its participants."""
    start = article.body.rfind(event.sentence, 0, event.start + 1)
    if start < 0:
        start = max(0, article.body.find(event.sentence))
    end = start + len(event.sentence)
    actors = {*event.source, *event.target}
    out = []
    for e in article.entities:
        if start <= e.start and e.end <= end and e.label in _PLACE_LABELS:
            if e.actor is not None and e.actor in actors:
                continue
            if geocode(e.text) is not None:
                out.append(e.text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=_DEFAULT)
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    args = parser.parse_args()
    if not args.path.exists():
        raise SystemExit(f"{args.path}: not found (the judged articles live in ../shared)")
    bases: Counter[str] = Counter()
    events = named = located = named_located = 0
    for article in extract([str(args.path)], settings=Settings()):
        ident = article.source.id or article.id
        for event in article.events:
            events += 1
            bases[event.date_basis or "none"] += 1
            places = sentence_places(article, event)
            loc = event.location
            named += bool(places)
            located += loc is not None
            named_located += bool(places) and loc is not None
            if args.quiet:
                continue
            where = f"{loc.name} ({loc.country})" if loc is not None else "-"
            print(f"{ident} {event.type}/{event.cameo} {event.trigger!r}")
            print(f"    {event.sentence}")
            print(
                f"    date={event.date} basis={event.date_basis} "
                f"precision={event.date_precision} published={article.published}"
            )
            print(f"    location={where} sentence places={places}")
    print(f"events: {events}")
    print("date basis: " + ", ".join(f"{k} {v}" for k, v in bases.most_common()))
    print(f"with a location: {located}")
    share = named_located / named if named else 0.0
    print(f"sentence names a place: {named}; of those located: {named_located} ({share:.2f})")


if __name__ == "__main__":
    main()
