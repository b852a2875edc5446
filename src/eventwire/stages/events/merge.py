"""From mentions to ``Event`` records: one event per act told in a story, with a stable id.

The same event told twice in one story (same type, sources, targets and negation,
compatible dates) is one event with several ``mentions``; a mention that leaves the target
unsaid joins the one fuller event of its kind ("during his visit in May" after "Xi visited
Moscow").  Ids hash the article, the act and its first mention, so that a rerun gives the
same ids.  ``with_event_actors`` adds the actors events name without a mention.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from eventwire import lexicon
from eventwire.lexicon import verbs as V
from eventwire.model import Actor, Article, Event, date_precision
from eventwire.stages.events.records import CODER, Mention
from eventwire.stages.events.sense import IMPLICIT_ACTORS

__all__ = ["merge_mentions", "with_event_actors"]


def merge_mentions(mentions: list[Mention], article: Article) -> list[Event]:
    """One event per act told in the article, in the order of first mention."""
    groups: dict[tuple[str, frozenset[str], frozenset[str], bool], list[Mention]] = {}
    for m in mentions:
        key = (m.code.type, frozenset(m.source), frozenset(m.target), m.negated)
        groups.setdefault(key, []).append(m)
    for key in [k for k in groups if not k[2]]:
        # "during his visit in May" after "Xi visited Moscow": the same act, target unsaid
        fuller = [
            k for k in groups if k[2] and k[0] == key[0] and k[1] == key[1] and k[3] == key[3]
        ]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
    merged: list[Mention] = []
    for group in groups.values():
        dated = [m for m in group if m.basis == "timex"]
        kept: list[Mention] = []
        for m in dated:
            same = next((k for k in kept if k.date == m.date), None)
            if same is None:
                m.mentions = [(m.start, m.end)]
                kept.append(m)
            else:
                same.mentions.append((m.start, m.end))
                same.hedged = same.hedged and m.hedged
        for m in (m for m in group if m.basis != "timex"):
            if kept:
                kept[0].mentions.append((m.start, m.end))
                kept[0].hedged = kept[0].hedged and m.hedged
                kept[0].location = kept[0].location or m.location
            else:
                m.mentions = [(m.start, m.end)]
                kept.append(m)
        merged.extend(kept)
    merged.sort(key=lambda m: m.mentions[0])
    return [_event(m, article) for m in merged]


def _event(m: Mention, article: Article) -> Event:
    """The record of a merged mention; its id hashes the article, act, actors, date and
    first mention, so that a rerun gives the same id."""
    mentions = tuple(sorted(m.mentions))
    first = mentions[0]
    actors = "|".join(sorted(m.source)) + ">" + "|".join(sorted(m.target))
    key = f"{article.id}|{m.code.type}|{actors}|{m.date}|{first[0]}-{first[1]}"
    start, end = first
    trigger = article.body[start:end] if len(m.tokens) == 1 else " ".join(t.text for t in m.tokens)
    event = Event(
        id=hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        type=m.code.type,
        source=m.source,
        target=m.target,
        start=start,
        end=end,
        trigger=trigger,
        sentence=m.sentence.text,
        coder=CODER,
        mode=m.code.mode,
        context=m.code.context,
        cameo=m.code.cameo,
        quad_class=V.quad_class(m.code.cameo),
        intensity=V.intensity(m.code.cameo),
        date=m.date,
        date_basis=m.basis,
        date_precision=date_precision(m.date),
        location=m.location,
        negated=m.negated,
        hedged=m.hedged,
        mentions=mentions,
    )
    return event


def with_event_actors(actors: Sequence[Actor], events: Iterable[Event]) -> tuple[Actor, ...]:
    """``actors`` plus the countries and regions events name without a mention (implicit
    sources, nationality adjectives), so that every actor id of an event resolves."""
    out = list(actors)
    known = {a.id for a in out}
    for event in events:
        for actor in (*event.source, *event.target):
            implicit = next((k for k in IMPLICIT_ACTORS if actor.startswith(k)), None)
            if actor not in known and implicit is not None:
                known.add(actor)
                name, sector = IMPLICIT_ACTORS[implicit]
                country = actor[len(implicit) + 1 :].upper() or None
                where = f" ({lexicon.country_name(country) or country})" if country else ""
                out.append(
                    Actor(actor, f"{name}{where}", "group", country=country, sector=sector,
                          aliases=(name,))
                )  # fmt: skip
            elif actor not in known:
                known.add(actor)
                name = lexicon.country_name(actor) or actor
                kind = "group" if lexicon.is_region_code(actor) else "country"
                out.append(Actor(actor, name, kind, country=actor, aliases=(name,)))
    return tuple(out)
