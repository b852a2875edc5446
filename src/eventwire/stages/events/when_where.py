"""When and where an event happened.

Dates come from the time expression attached to the event's clause (``date_basis =
"timex"``), climbing through coordinated and adverbial clauses but not across "after",
"before" or a reported-speech boundary, else from the article's date (``"published"``).
Places come from "in/at/near <place>" on the event's words, a visited place, or the
dateline.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Span, Token

from eventwire.lexicon import verbs as V
from eventwire.model import Location, Timex
from eventwire.stages.events.frames import is_event_noun
from eventwire.stages.events.records import Trigger
from eventwire.stages.events.resolve import ActorResolver
from eventwire.stages.events.syntax import governor_of
from eventwire.stages.geo import dateline_place, geocode
from eventwire.stages.nlp import Parsed

__all__ = ["WhenWhere"]

_VISIT_PREPS = {"to", "in", "at"}


class WhenWhere:
    """The times and places of one article's events."""

    def __init__(self, parsed: Parsed, resolver: ActorResolver, timexes: Sequence[Timex]) -> None:
        self.parsed = parsed
        self.resolver = resolver
        self.article = parsed.article
        self.timexes = sorted((t for t in timexes if t.value), key=lambda t: t.start)
        self.timex_starts = [t.start for t in self.timexes]
        self.published = (self.article.published or "")[:10] or None
        self._dateline: Location | None = None
        self._dateline_done = False

    # -- time ----------------------------------------------------------------------------------
    def date(self, para: int, sent: Span, trig: Trigger) -> tuple[str | None, str]:
        timex = self.attached_timex(para, sent, _chain(trig), trig.anchor)
        if timex is not None:
            return timex.value, "timex"
        return self.published, "published"

    def attached_timex(
        self, para: int, sent: Span, chain: list[Token], near: Token | None = None
    ) -> Timex | None:
        """The time expression attached to the nearest word of ``chain``: a timex whose
        head climbs (through non-verbs) to a chain word; nearest chain word, then nearest
        to ``near``."""
        base = self.parsed.offsets[para]
        s_start, s_end = base + sent.start_char, base + sent.end_char
        i = bisect_left(self.timex_starts, s_start)
        rank = {t.i: n for n, t in enumerate(chain)}
        anchor = near if near is not None else chain[0]
        best: tuple[int, int, Timex] | None = None
        while i < len(self.timexes) and self.timexes[i].start < s_end:
            timex = self.timexes[i]
            i += 1
            head = _timex_head(sent, base, timex)
            if head is None:
                continue
            node = head
            for _ in range(12):
                if node.i in rank or node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                    break
                node = node.head
            if node.i in rank:
                key = (rank[node.i], abs(head.i - anchor.i), timex)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best[2] if best is not None else None

    # -- place ---------------------------------------------------------------------------------
    def _places_in(self, para: int, tok: Token) -> Location | None:
        start, end = (
            self.resolver.offset(para, tok.left_edge)[0],
            self.resolver.offset(para, tok.right_edge)[1],
        )
        i = bisect_left(self.resolver.entity_starts, start)
        while i < len(self.resolver.entities) and self.resolver.entities[i].start < end:
            e = self.resolver.entities[i]
            if e.label in ("GPE", "LOC", "FAC") and e.end <= end:
                place = geocode(e.text)
                if place is not None:
                    return place
            i += 1
        return None

    def location(self, para: int, trig: Trigger) -> Location | None:
        words = [*trig.tokens, trig.anchor]
        # "a roadside bombing near Samarra killed ...": the place of an event-noun subject;
        # "blocked streets in Hong Kong": the place of the object
        words += [
            c
            for c in trig.anchor.children
            if (c.dep_ == "nsubj" and is_event_noun(c)) or c.dep_ == "dobj"
        ]
        for tok in words:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in V.SETTING_PREPOSITIONS:
                    for g in child.children:
                        if g.dep_ == "prep":  # "outside of the city of Basra"
                            g = next((x for x in g.children if x.dep_ == "pobj"), g)
                        if g.dep_ == "pobj":
                            place = self._places_in(para, g)
                            if place is not None:
                                return place
        return None

    def visited(self, para: int, trig: Trigger) -> Location | None:
        verb = trig.anchor
        for child in verb.children:
            if child.dep_ in ("dobj", "obj"):
                place = self._places_in(para, child)
                if place is not None:
                    return place
            if child.dep_ == "prep" and child.lower_ in _VISIT_PREPS:
                for g in child.children:
                    if g.dep_ == "pobj":
                        place = self._places_in(para, g)
                        if place is not None:
                            return place
        if trig.noun is not None:
            for child in trig.noun.children:
                if child.dep_ == "prep" and child.lower_ in _VISIT_PREPS:
                    return self._places_in(para, child)
        return None

    def dateline_location(self) -> Location | None:
        if not self._dateline_done:
            self._dateline_done = True
            if self.article.dateline:
                self._dateline = dateline_place(self.article.dateline)
        return self._dateline


def _chain(trig: Trigger) -> list[Token]:
    """The trigger's words and the clauses that share its time, nearest first."""
    chain: list[Token] = list(trig.tokens)
    node = trig.anchor
    if node not in chain:
        chain.append(node)
    for _ in range(8):
        if node.pos_ in ("NOUN", "PROPN"):
            governor, _rel = governor_of(node)
            if governor is None:
                break
            node = governor
        elif _shares_time(node):
            node = node.head
        else:
            break
        if node in chain:
            break
        chain.append(node)
    return chain


def _shares_time(node: Token) -> bool:
    """Whether a clause happens when its head does: coordinated and infinitive clauses,
    adverbial ones except "after/before/since ..." ones, "where/when" relatives."""
    if node.dep_ in ("conj", "xcomp"):
        return True
    if node.dep_ == "advcl":
        return not any(
            c.dep_ == "mark" and c.lower_ in V.TEMPORAL_BREAK_MARKS for c in node.children
        )
    return node.dep_ == "relcl" and any(c.lower_ in ("where", "when") for c in node.children)


def _timex_head(sent: Span, base: int, timex: Timex) -> Token | None:
    toks = [t for t in sent if timex.start <= base + t.idx < timex.end]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]
