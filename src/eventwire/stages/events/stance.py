"""Reported stance: who says an act happened, when the narrator does not.

News reports many acts second-hand: "the Hong Kong authorities have chosen to suppress
protests in a grossly unlawful way," Amnesty said; witnesses said soldiers fired on the
crowd.  The act is then an allegation (``hedged``), and the report itself is the speaker's
accusation of the doer (PLOVER ACCUSE, CAMEO 112 "accuse of crimes, human rights abuses"),
coded from the speaker.  The speaker is the quote's (the quote stage's ``speaker_actor``),
else the subject of the reporting verb ("said that ...", "accused X of ..."), else the
object of "according to".  Outlets (MED) report; they do not accuse.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.lexicon import verbs as V
from eventwire.model import Quote
from eventwire.stages.events.resolve import ActorResolver
from eventwire.stages.events.sense import UNNAMED_AUTHORITIES
from eventwire.stages.events.syntax import lemma_of

__all__ = ["ALLEGED_TYPES", "Reports"]

# Acts whose second-hand report is an allegation against the doer.
ALLEGED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# Sectors that speak for the state.
_STATE_SECTORS = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "SPY"})


class Reports:
    """The quotes of an article, and the speakers of its reported clauses."""

    def __init__(self, resolver: ActorResolver, quotes: Sequence[Quote]) -> None:
        self.resolver = resolver
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The direct quote that holds a body offset."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def speakers(self, para: int, anchor: Token) -> list[str]:
        """Who reports the act of ``anchor``: a quote's speaker, the subject of the verb of
        saying whose complement holds it, or the object of "according to"."""
        quote = self.quote_at(self.resolver.offset(para, anchor)[0])
        if quote is not None:
            return [quote.speaker_actor] if quote.speaker_actor else []
        node = anchor
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                break
            if node.dep_ in ("ccomp", "parataxis") and lemma_of(head) in V.SAY_VERBS:
                subjects = [c for c in head.children if c.dep_ == "nsubj"]
                if subjects:
                    return self.resolver.argument(para, subjects[0])
            if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "parataxis"):
                break
            node = head
        root = anchor
        while root.head.i != root.i:
            root = root.head
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for g in child.subtree:
                    if g.dep_ == "pobj":
                        return self.resolver.argument(para, g)
        return []

    def accused(self, doers: Sequence[str]) -> list[str]:
        """The doers a report accuses: states and their forces ("the authorities have
        chosen to suppress protests", Amnesty said), not criminals or attackers whose
        act officials report."""
        out = []
        for actor in doers:
            record = self.resolver.index.by_id.get(actor)
            if self.resolver.kind(actor) == "country" or (
                record is not None and record.sector in _STATE_SECTORS
            ):
                out.append(actor)
        return out

    def is_outlet(self, actor: str) -> bool:
        """Whether an actor is a news outlet or a journalist: it reports, never accuses."""
        record = self.resolver.index.by_id.get(actor)
        return record is not None and record.sector in ("MED", "JRN")

    def critics(self, speakers: list[str], doers: Sequence[str]) -> list[str]:
        """The speakers that accuse the doers by saying they did wrong ("abused their
        power", the senator said): anyone but the doers themselves and outlets, which
        report; a state's own officials too, since wrongdoing is no act they would own."""
        return [a for a in speakers if a not in doers and not self.is_outlet(a)]

    def accuser(self, speakers: list[str], doers: Sequence[str]) -> list[str]:
        """The speakers that accuse the doers by reporting their act: not the doers
        themselves ("police said they arrested"), nor the state's own spokespeople for an
        act of the state ("police spokesperson Esther Wambui said 47 people had been
        detained"), nor outlets."""
        out = []
        doer_countries = {self.resolver.country_of(d) for d in doers}
        state_act = any(
            self.resolver.kind(d) == "country" or d.startswith(UNNAMED_AUTHORITIES) for d in doers
        )
        for actor in speakers:
            record = self.resolver.index.by_id.get(actor)
            if actor in doers or self.is_outlet(actor):
                continue
            if (
                record is not None
                and record.sector in _STATE_SECTORS
                and (state_act or record.country in doer_countries)
                and record.country in doer_countries | {None}
            ):
                continue
            out.append(actor)
        return out
