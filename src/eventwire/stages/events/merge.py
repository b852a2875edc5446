"""From mentions to ``Event`` records: one event per act told in a story, with a stable id.

The same event told twice in one story (same type, sources, targets and negation,
compatible dates) is one event with several ``mentions``; a mention that leaves the target
unsaid joins the one fuller event of its kind ("during his visit in May" after "Xi visited
Moscow").  Ids hash the article, the act and its first mention, so that a rerun gives the
same ids.  ``with_event_actors`` adds the actors events name without a mention.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from eventwire import lexicon
from eventwire.lexicon import verbs as V
from eventwire.model import Actor, Article, Event, date_precision
from eventwire.stages.events.records import CODER, Mention
from eventwire.stages.events.sense import IMPLICIT_ACTORS

__all__ = ["merge_mentions", "with_event_actors"]


def _implicit(actor: str) -> bool:
    return actor.startswith(tuple(IMPLICIT_ACTORS))


def _fits(a: tuple[str, ...], b: tuple[str, ...], country_of: Mapping[str, str | None]) -> bool:
    """Whether two participant lists can name the same parties: equal, one unsaid or made
    up ("unidentified attackers"), one inside the other, or a country and its people."""
    if not a or not b or set(a) == set(b) or set(a) <= set(b) or set(b) <= set(a):
        return True
    if all(_implicit(x) for x in a) or all(_implicit(x) for x in b):
        return True
    countries_a = {country_of.get(x) or x for x in a}
    countries_b = {country_of.get(x) or x for x in b}
    return countries_a <= countries_b or countries_b <= countries_a


def _specific(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The more telling of two fitting participant lists: named over made up, people and
    bodies over their bare country, more over fewer."""

    def rank(xs: tuple[str, ...]) -> tuple[int, int, int]:
        named = sum(not _implicit(x) for x in xs)
        bare = sum(len(x) == 3 and x.isupper() for x in xs)
        return (named > 0, named - bare, len(xs))

    return a if rank(a) >= rank(b) else b


def _same_kind(a: V.Code, b: V.Code) -> bool:
    """Whether two codes of one type name the same kind of act: the same mode ("arrest"
    and "arrest", not "suppress" beside it) and CAMEO root, or one CAMEO code ("bans"
    and "restrictions": both 172, administrative sanctions)."""
    if a.cameo and a.cameo == b.cameo:
        return True
    root = (a.cameo or "")[:2] == (b.cameo or "")[:2]
    if a.type == b.type == "ASSAULT" and root and "190" in (a.cameo, b.cameo):
        return True  # an attack told plainly ("killed"), then how ("carried out the airstrike")
    return a.mode == b.mode and root


def _dates_fit(k: Mention, m: Mention) -> bool:
    """Dates that can be one act's: equal, one inside the other ("2019-10" and
    "2019-10-05"), or one of them only a guess (from the sentence, the paragraph, the lead
    or the publication); two dates the text attaches to two acts keep them apart
    ("attacked on Monday and again on Wednesday")."""
    if k.date == m.date or k.date is None or m.date is None:
        return True
    if k.date.startswith(m.date) or m.date.startswith(k.date):
        return True
    return not (k.basis == "timex" and m.basis == "timex")


# How near to the act each date basis is: the clause's own date, then the sentence's, the
# paragraph's, the lead's; the publication date (or a neighbour's) is only a guess.
_BASIS_RANK = {"timex": 0, "sentence": 1, "paragraph": 2, "lead": 3}


def _better_dated(m: Mention, k: Mention) -> bool:
    """Whether ``m`` dates the act better than ``k``: a narrower date inside ``k``'s, or a
    date nearer to the act ("sentenced Saturday" after "handed a sentence", dated only
    by the publication) that is no coarser (a day is not traded for "2020")."""
    if m.date is None:
        return False
    if k.date is None:
        return True
    if len(m.date) > len(k.date) and m.date.startswith(k.date):
        return True
    nearer = _BASIS_RANK.get(m.basis, 9) < _BASIS_RANK.get(k.basis, 9)
    return nearer and len(m.date) >= len(k.date)


def _told_again(
    k: Mention, m: Mention, country_of: Mapping[str, str | None], unnamed: frozenset[str]
) -> bool:
    """The same act told again later in the story, in other words: same type and kind,
    doers and targets that can be the same parties, dates that can be one act's
    ("Hongkongers marched ..." and "the demonstrations drew ..."; "Bloomberg endorsed
    Biden" and, in his statement, "I endorse Joe Biden")."""
    return (
        _same_kind(k.code, m.code)
        and bool(k.source)
        and bool(m.source)
        and _role_fits("source", k, m, country_of, unnamed)
        and _role_fits("target", k, m, country_of, unnamed)
        and _dates_fit(k, m)
    )


def _role_fits(
    role: str,
    k: Mention,
    m: Mention,
    country_of: Mapping[str, str | None],
    unnamed: frozenset[str],
) -> bool:
    """Whether two mentions' sources (or targets) can be the same parties: unsaid or filled
    in by the coder on one side, or ``_same_parties``."""
    a, b = (k.source, m.source) if role == "source" else (k.target, m.target)
    if not a or not b or role in k.implied or role in m.implied:
        return True
    return _same_parties(a, b, country_of, unnamed)


def _same_parties(
    a: tuple[str, ...],
    b: tuple[str, ...],
    country_of: Mapping[str, str | None],
    unnamed: frozenset[str],
) -> bool:
    """Stricter than ``_fits``: one list inside the other, or one side only bare countries
    and the other only unnamed groups of those countries ("Hong Kong" and "protesters
    (Hong Kong)"); two different people or bodies of one country are two parties."""
    if set(a) <= set(b) or set(b) <= set(a):
        return True

    def bare(xs: tuple[str, ...]) -> bool:
        return all(country_of.get(x) == x or (len(x) == 3 and x.isupper()) for x in xs)

    for one, other in ((a, b), (b, a)):
        if bare(one) and set(other) <= unnamed and {country_of.get(x) for x in other} <= set(one):
            return True
    return False


def _fold_retellings(
    mentions: list[Mention], country_of: Mapping[str, str | None], unnamed: frozenset[str]
) -> list[Mention]:
    """One mention per act told twice: in one sentence ("Seven people were wounded when a
    grenade exploded", "marched ..., protesting"), or across the story by the same named
    source on the same date ("killed Soleimani" ... "carried out the airstrike"), or told
    again in other words with fitting parties and dates (``_told_again``)."""
    kept: list[Mention] = []
    for m in mentions:
        host = None
        for k in kept:
            if k.code.type != m.code.type or k.negated != m.negated:
                continue
            same_sentence = k.para == m.para and k.sentence.start == m.sentence.start
            same_doer = (
                bool(k.source)
                and set(k.source) == set(m.source)
                and not any(_implicit(x) for x in k.source)
                and k.date == m.date
                and m.code.type in V.MATERIAL_CONFLICT
            )
            # an attack by unnamed attackers on the same named victim, told again later
            # ("Wiranto was stabbed" ... "Wiranto suffered two deep wounds in the attack")
            same_victim = (
                m.code.type == "ASSAULT"
                and all(_implicit(x) for x in (*k.source, *m.source))
                and bool(set(k.target) & set(m.target) - {x for x in k.target if len(x) == 3})
            )
            # "the protests", "an arrest" named again as a noun: the act told before, by
            # the same or a fitting doer ("Hongkongers marched ... The protests began")
            renamed = (
                m.tokens[-1].pos_ == "NOUN"
                and m.code.type in ("PROTEST", "COERCE", "ASSAULT")
                and _fits(k.source, m.source, country_of)
            )
            same_doer = same_doer or same_victim or renamed
            # in one sentence, different doers are different acts ("the leaders criticized
            # ..., where Xi slammed ..."); a doer made up or unsaid is the same one
            doers = (
                set(k.source) == set(m.source)
                or not k.source
                or not m.source
                or all(_implicit(x) for x in (*k.source, *m.source))
                or (all(_implicit(x) for x in m.source) and same_sentence)
            )
            if (same_sentence or same_doer) and doers and _fits(k.target, m.target, country_of):
                host = k
                break
            if _told_again(k, m, country_of, unnamed):
                host = k
                break
        if host is None:
            kept.append(m)
            continue
        host.source = _specific(host.source, m.source)
        host.target = _specific(host.target, m.target)
        host.location = host.location or m.location
        if _better_dated(m, host):  # "sentenced Saturday" told after "handed a sentence"
            host.date, host.basis = m.date, m.basis
        host.hedged = host.hedged and m.hedged
        host.mentions.append((m.start, m.end))
    return kept


def merge_mentions(
    mentions: list[Mention],
    article: Article,
    country_of: Mapping[str, str | None],
    unnamed: frozenset[str] = frozenset(),
) -> list[Event]:
    """One event per act told in the article, in the order of first mention;
    ``country_of`` maps the article's actor ids to their countries, ``unnamed`` holds the
    ids of its unnamed participants ("protesters", "police")."""
    mentions = _fold_retellings(mentions, country_of, unnamed)
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
        dated = [m for m in group if m.basis != "published"]
        kept: list[Mention] = []
        for m in dated:
            same = next((k for k in kept if k.date == m.date), None)
            if same is None:
                m.mentions = [(m.start, m.end), *m.mentions]
                kept.append(m)
            else:
                same.mentions += [(m.start, m.end), *m.mentions]
                same.hedged = same.hedged and m.hedged
        for m in (m for m in group if m.basis == "published"):
            if kept:
                kept[0].mentions += [(m.start, m.end), *m.mentions]
                kept[0].hedged = kept[0].hedged and m.hedged
                kept[0].location = kept[0].location or m.location
            else:
                m.mentions = [(m.start, m.end), *m.mentions]
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
