"""Print each event's date and place on the judged Wikinews articles, for reading by hand.

    python scripts/eval_when_where.py                 # ../shared/peer-data/wikinews-judged
    python scripts/eval_when_where.py --quiet         # the counts only
    python scripts/eval_when_where.py PATH.jsonl      # any eventwire input

For every event: the article, its sentence, trigger, date, ``date_basis``, precision and
location, and the places its sentence names.  Two counts of those: ``any`` takes every GPE,
LOC or FAC entity of the sentence that geocodes and is not the event's source or target;
``where`` keeps, of those, the ones the sentence uses as a place, reading its parse: not a
country's name used as a modifier ("US Secretary", "Iran's Quds Force", "the New Jersey
governor"), not a person's or body's domain ("mayor of Gdansk", "Ambassador to Germany",
"a resident of Antioch"), not a destination, origin or addressee ("flights to Cuba",
"extradite from Hong Kong", "sanctions against Iran"), not a country that takes part.  The
closing counts are what the events issue measures: how many events fall back to the
publication date, and how many of the events whose sentence names a place carry a location.
Whether a date or a place is right is judged by reading; this script does not pretend to.
``docs/when_where_dates_judged.tsv`` is one such reading of its output (December 2026, one
judge): every event by article, type and trigger, its date and basis, and whether the date
is right where the text decides it (Y/N; U where the text does not say), with a note on
each miss.  Re-judge it when the output changes: the events move as the coder does.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Token

from eventwire import lexicon
from eventwire.model import Article, Event
from eventwire.service import extract
from eventwire.settings import Settings
from eventwire.stages.geo import geocode
from eventwire.stages.nlp import load_nlp

_DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared/peer-data/wikinews-judged/articles.jsonl"
)
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# Prepositions whose object is a destination, an origin, an addressee or a topic, not where.
_NOT_WHERE_PREPS = frozenset(
    {"to", "from", "against", "for", "on", "with", "over", "about", "as", "including", "like"}
)
_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "capital", "province", "state", "region", "area", "district"}
)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def sentence_places(article: Article, event: Event, nlp: Language) -> tuple[list[str], list[str]]:
    """The places the event's sentence names that are not its participants: all of them,
    and those the sentence uses as a place (see the module docstring).  The sentence is
    parsed again on its own (the article's parses stay inside the pipeline)."""
    start = article.body.rfind(event.sentence, 0, event.start + 1)
    if start < 0:
        start = max(0, article.body.find(event.sentence))
    end = start + len(event.sentence)
    actors = {*event.source, *event.target}
    every: list[str] = []
    where: list[str] = []
    doc = None
    for e in article.entities:
        if not (start <= e.start and e.end <= end and e.label in _PLACE_LABELS):
            continue
        place = geocode(e.text)
        if place is None or (e.actor is not None and e.actor in actors):
            continue
        every.append(e.text)
        is_country = place.lat is None and lexicon.country_name(place.country or "") == place.name
        if is_country and place.country in actors:
            continue
        doc = doc if doc is not None else nlp(event.sentence)
        span = doc.char_span(e.start - start, e.end - start, alignment_mode="expand")
        if span is not None and _used_as_place(span.root, country=is_country):
            where.append(e.text)
    return every, where


def _used_as_place(root: Token, *, country: bool) -> bool:
    node = root
    for _ in range(6):
        head = node.head
        if node.dep_ in ("appos", "conj", "compound") and head.ent_type_ in _PLACE_LABELS:
            node = head  # "Istanbul, Turkey", "Kaduna State"
        elif node.dep_ in _MODIFIER_DEPS and head.lemma_.lower() in _PLACE_NOUNS:
            node = head  # "the US capital", "the Serbian capital"
        elif (
            node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _PLACE_NOUNS
        ):
            node = head.head  # "the city of Gdansk": as the city is used
        else:
            break
    head = node.head
    if node.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN"):
        return False  # "the US Secretary", "the California lawyer", "Hong Kong's council"
    if node.dep_ == "pobj" and (head.lower_ in _NOT_WHERE_PREPS or head.lower_ == "of"):
        return False  # "flights to Cuba", "the mayor of Gdansk", "allies such as Germany"
    return node.dep_ not in ("nsubj", "nsubjpass", "dobj")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=_DEFAULT)
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    args = parser.parse_args()
    if not args.path.exists():
        raise SystemExit(f"{args.path}: not found (the judged articles live in ../shared)")
    bases: Counter[str] = Counter()
    events = named = located = named_located = where_named = where_located = 0
    settings = Settings()
    nlp = load_nlp(settings.model)
    for article in extract([str(args.path)], settings=settings):
        ident = article.source.id or article.id
        for event in article.events:
            events += 1
            bases[event.date_basis or "none"] += 1
            places, where = sentence_places(article, event, nlp)
            loc = event.location
            named += bool(places)
            located += loc is not None
            named_located += bool(places) and loc is not None
            where_named += bool(where)
            where_located += bool(where) and loc is not None
            if args.quiet:
                continue
            place = f"{loc.name} ({loc.country})" if loc is not None else "-"
            print(f"{ident} {event.type}/{event.cameo} {event.trigger!r}")
            print(f"    {event.sentence}")
            print(
                f"    date={event.date} basis={event.date_basis} "
                f"precision={event.date_precision} published={article.published}"
            )
            print(f"    location={place} sentence places={places} where={where}")
    print(f"events: {events}")
    print("date basis: " + ", ".join(f"{k} {v}" for k, v in bases.most_common()))
    print(f"with a location: {located}")
    share = named_located / named if named else 0.0
    print(f"sentence names a place (any): {named}; of those located: {named_located} ({share:.2f})")
    share = where_located / where_named if where_named else 0.0
    print(
        f"sentence names a place (where): {where_named}; "
        f"of those located: {where_located} ({share:.2f})"
    )


if __name__ == "__main__":
    main()
