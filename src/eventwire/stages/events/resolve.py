"""From words to actor ids: the actors a noun phrase names, pronouns, nationality words.

An argument's actors are those the actor stage found in its subtree (``ActorIndex.in_span``,
cut at relative and adverbial clauses), plus what the actor stage leaves to context: a
demonym or nationality word ("Ghanaian authorities", "Israeli strikes"), a single-word name
NER missed, a pronoun (the latest compatible subject or mention), "his compatriots" (the
possessor's people), an unnamed crowd somewhere ("demonstrators in Baghdad": the place's
country).  Ids are the actor stage's; a country the text implies is its ISO code, the id
the actor stage gives country actors.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from spacy.tokens import Span, Token

from eventwire import lexicon
from eventwire.lexicon import verbs as V
from eventwire.stages.actors import ActorIndex
from eventwire.stages.events.syntax import lemma_of, noun_phrase
from eventwire.stages.nlp import Parsed

__all__ = ["LETHAL", "ActorResolver"]

_RELATIVE = {"who", "whom", "which", "that"}
_PRONOUN_PERSON = {"he", "him", "his", "she", "her", "hers"}
_PRONOUN_THING = {"it", "its"}
_PRONOUN_PLURAL = {"they", "them", "their", "theirs"}
_FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
# Verbs of killing and wounding: "it killed nine" is a fire or a bomb, not an actor, and a
# crowd that kills is attacking, not rioting (see the coder).
LETHAL = {"kill", "murder", "shoot", "stab", "behead", "wound", "injure", "assassinate",
           "execute", "massacre", "bomb"}  # fmt: skip


class ActorResolver:
    """The actors of one parsed article, looked up by the words that name them."""

    def __init__(self, parsed: Parsed, index: ActorIndex) -> None:
        self.parsed = parsed
        self.index = index
        self.entities = sorted(index.entities, key=lambda e: (e.start, e.end))
        self.entity_starts = [e.start for e in self.entities]
        # single-word names of people and organisations, for mentions NER missed
        self.names: dict[str, str] = {}
        for actor in index.actors:
            if actor.kind in ("person", "organization"):
                for name in (actor.name, *actor.aliases):
                    words = name.split()
                    if actor.kind == "person" and len(words) > 1 and len(words[-1]) > 3:
                        self.names.setdefault(words[-1], actor.id)
                    if len(words) == 1 and len(name) > 3:
                        self.names.setdefault(name, actor.id)
        self.subjects: list[tuple[int, list[str]]] = []  # (body offset, actors) of subjects
        # who says a first-person pronoun, when it is inside a quote (set by the coder)
        self.speaker_at: Callable[[int, Token], str | None] = lambda para, tok: None
        self.main_subjects: list[tuple[int, list[str]]] = []  # of main clauses only

    # -- offsets -------------------------------------------------------------------------------
    def offset(self, para: int, tok: Token) -> tuple[int, int]:
        base = self.parsed.offsets[para]
        return base + tok.idx, base + tok.idx + len(tok)

    def segments(self, para: int, toks: Iterable[Token]) -> list[tuple[int, int]]:
        """Body spans of the contiguous runs of ``toks``."""
        out: list[tuple[int, int]] = []
        last = -2
        for tok in sorted(toks, key=lambda t: t.i):
            start, end = self.offset(para, tok)
            if tok.i == last + 1 and out:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
            last = tok.i
        return out

    def para_of(self, tok: Token) -> int:
        doc = tok.doc
        for i, d in enumerate(self.parsed.docs):
            if d is doc:
                return i
        raise ValueError("token of a foreign doc")

    # -- actors of words -----------------------------------------------------------------------
    def actors_in(self, para: int, toks: Iterable[Token]) -> list[str]:
        toks = list(toks)
        found: dict[str, None] = {}
        segments = self.segments(para, toks)
        for start, end in segments:
            for actor in self.index.in_span(start, end):
                found.setdefault(actor, None)
        if segments:
            # an unnamed participant's mention spans its whole noun chunk, which a phrase
            # cut at a participle splits ("Turkey-backed opposition forces"): its head
            # noun, the chunk's last word, is what counts
            ends = {self.offset(para, t)[1] for t in toks}
            lo, hi = segments[0][0], segments[-1][1]
            i = bisect_left(self.entity_starts, lo - 200)
            while i < len(self.entities) and self.entities[i].start < hi:
                e = self.entities[i]
                i += 1
                if e.label == "NOM" and e.actor and e.end in ends and e.start >= lo - 200:
                    found.setdefault(e.actor, None)
        for tok in toks:
            if not tok.ent_type_ and tok.dep_ == "amod" and tok.text[:1].isupper():
                code = lexicon.demonym_country(tok.text)  # "Ghanaian authorities", untagged
                if code is not None and not self._describes_named(para, tok):
                    found.setdefault(code, None)
                continue
            if tok.ent_type_ == "NORP" or (tok.pos_ == "PROPN" and not tok.ent_type_):
                holder = self.entity_actor_at(para, tok)
                if holder is not None:
                    code = lexicon.country_of(tok.text) if tok.ent_type_ == "NORP" else None
                    if code and code not in {self.country_of(a) for a in found}:
                        found.setdefault(code, None)  # "French and Egyptian warships"
                    continue
                if tok.ent_type_ == "NORP":  # a descriptor the actor stage left: "Israeli strikes"
                    code = lexicon.country_of(tok.text)
                    if code is not None and not self._describes_named(para, tok):
                        found.setdefault(code, None)
                elif tok.text in self.names:  # a name NER missed: "Mohammadi, sentenced ..."
                    found.setdefault(self.names[tok.text], None)
                elif (
                    tok.text[:1].isupper()
                    and (code := lexicon.country_of(tok.text))
                    and lexicon.country_name(code)
                    and not lexicon.demonym_country(tok.text)
                ):
                    found.setdefault(code, None)  # a country NER missed: "US Predator attacks"
        return self._without_descriptors(list(found), segments)

    def _without_descriptors(self, found: list[str], segments: list[tuple[int, int]]) -> list[str]:
        """Drop a country named only inside an unnamed participant's own words ("U.S.
        citizens", "Hong Kong police"): it says whose the participant is, as a demonym
        would, and is no second participant."""
        if not segments or len(found) < 2 or not any(self.kind(a) == "country" for a in found):
            return found
        lo, hi = segments[0][0], segments[-1][1]
        inside = []
        i = bisect_left(self.entity_starts, lo)
        while i < len(self.entities) and self.entities[i].start < hi:
            if self.entities[i].end <= hi and self.entities[i].actor:
                inside.append(self.entities[i])
            i += 1
        noms = [e for e in inside if e.label == "NOM" and e.actor in found]
        drop = set()
        for code in found:
            if self.kind(code) != "country":
                continue
            named = [e for e in inside if e.actor == code and e.label != "NOM"]
            if named and all(
                any(
                    n.start <= m.start and m.end <= n.end and self.country_of(n.actor or "") == code
                    for n in noms
                )
                for m in named
            ):
                drop.add(code)
        return [a for a in found if a not in drop]

    def place_countries(self, para: int, toks: list[Token]) -> list[str]:
        """Countries of the places named among ``toks`` ("in Baghdad" -> IRQ)."""
        out: dict[str, None] = {}
        for start, end in self.segments(para, toks):
            i = bisect_left(self.entity_starts, start)
            while i < len(self.entities) and self.entities[i].start < end:
                e = self.entities[i]
                i += 1
                if e.label in ("GPE", "LOC") and e.end <= end:
                    code = lexicon.country_of(e.text)
                    if code is not None:
                        out.setdefault(code, None)
        return list(out)

    def _describes_named(self, para: int, tok: Token) -> bool:
        """A nationality word before a named person or body ("Russian President Vladimir
        Putin"): the name is the actor, the adjective only describes it."""
        head = tok.head
        while head.dep_ in ("compound", "amod") and head.head.i != head.i:
            head = head.head
        for t in head.subtree:
            actor = self.entity_actor_at(para, t) if t.i != tok.i else None
            if actor is not None and self.kind(actor) in ("person", "organization"):
                return True
        return False

    def entity_actor_at(self, para: int, tok: Token) -> str | None:
        start, end = self.offset(para, tok)
        i = bisect_left(self.entity_starts, start - 200)
        while i < len(self.entities) and self.entities[i].start <= start:
            e = self.entities[i]
            if e.actor and e.start <= start and e.end >= end:
                return e.actor
            i += 1
        return None

    def argument(
        self,
        para: int,
        head: Token,
        *,
        exclude: Token | None = None,
        avoid: frozenset[str] = frozenset(),
    ) -> list[str]:
        """Actors named by the noun phrase headed by ``head`` (relative clauses cut off);
        a pronoun is resolved, to an actor not in ``avoid`` (the event's own source)."""
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head  # "the activist, who was arrested": the activist
        if head.lower_ in _FIRST_PERSON and (speaker := self.speaker_at(para, head)):
            return [speaker]  # "I urge my colleagues", Cruz said: Cruz
        named = self.named_head(para, head, exclude)
        if named:
            return [a for a in named if a not in avoid] or named
        toks = list(noun_phrase(head, exclude))
        actors = self._without_relations(para, head, self.actors_in(para, toks))
        if not actors and _agentive(head):
            # "rebels in the Ivory Coast", "demonstrators in Baghdad": no name, so the place
            wider = list(noun_phrase(head, exclude, places=True))
            actors = self.actors_in(para, wider)
            if not actors:
                actors = self.place_countries(para, wider)
        if (
            not actors
            and head.pos_ == "PRON"
            and not (head.lower_ == "it" and head.dep_ == "nsubj" and lemma_of(head.head) in LETHAL)
        ):  # "it killed nine people": a fire or a bomb, not an actor
            actors = self._antecedent(para, head, avoid)
        if not actors and head.lemma_.lower() in V.NATIONALS:
            actors = self._nationals(para, head)
        return actors

    def _without_relations(self, para: int, head: Token, actors: list[str]) -> list[str]:
        """Drop the person an unnamed participant is defined by: "the killers of
        Khashoggi", "the son of Osama bin Laden", "supporters of Trump" are the
        participants; the person after "of" is whom they relate to."""
        if len(actors) < 2:
            return actors
        end = self.offset(para, head)[1]
        i = bisect_left(self.entity_starts, end - 200)
        nominal = None
        while i < len(self.entities) and self.entities[i].start < end:
            e = self.entities[i]
            i += 1
            if e.label == "NOM" and e.end == end and e.actor in actors:
                nominal = e.actor
        if nominal is None:
            return actors
        related = {
            a
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for a in self.actors_in(para, prep.subtree)
            if self.kind(a) == "person"
        }
        return [a for a in actors if a not in related]

    def named_head(self, para: int, head: Token, exclude: Token | None = None) -> list[str]:
        """The actors a phrase's head names, with its coordinated heads ("Xi and Putin"),
        when the head is a named person, body or country: its appositives and modifiers
        describe it and are no participants ("Hamza bin Laden, son of the late Al-Qaeda
        founder Osama bin Laden", "Hong Kong Chief Executive Carrie Lam")."""
        actor = self.entity_actor_at(para, head)
        if actor is None or self.kind(actor) not in ("person", "organization"):
            return []  # a country's phrase keeps its lists and places ("Albanians of Serbia")
        if self.country_of(actor) is None:
            return []  # its modifiers are all we know of whose it is ("British ... Tom King")
        out = [actor]
        # the name's own words (the parser may hang "Obama" under "Barack"), then the
        # names coordinated with it; a list "the US, Russia, and Switzerland" is often
        # parsed as apposition, so a named appositive of the same kind counts too
        words = [t for t in head.subtree if self.entity_actor_at(para, t) == actor]
        for tok in words:
            for child in tok.children:
                if exclude is not None and child.i == exclude.i:
                    continue
                if child.dep_ == "conj":
                    more = self.named_head(para, child, exclude) or self.actors_in(
                        para, noun_phrase(child, exclude)
                    )
                elif child.dep_ == "appos":
                    more = [
                        a
                        for a in self.named_head(para, child, exclude)
                        if self.kind(a) == self.kind(actor)
                    ]
                else:
                    continue
                out += [a for a in more if a not in out]
        return out

    def _nationals(self, para: int, head: Token) -> list[str]:
        """'his compatriots', 'the country's people': the people of the possessor's country."""
        for child in head.children:
            if child.dep_ == "poss":
                owners = self.argument(para, child)
                countries = [c for c in (self.country_of(a) for a in owners) if c]
                return list(dict.fromkeys(countries))
        return []

    def country_of(self, actor: str) -> str | None:
        record = self.index.by_id.get(actor)
        if record is not None:
            return record.country
        return actor if len(actor) == 3 and actor.isupper() else None

    def kind(self, actor: str) -> str:
        record = self.index.by_id.get(actor)
        if record is not None:
            return record.kind
        return "country"

    # -- pronouns ------------------------------------------------------------------------------
    def note_subjects(self, para: int, sent: Span) -> None:
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON":
                actors = self.named_head(para, tok) or self.actors_in(para, noun_phrase(tok, None))
                if actors:
                    self.subjects.append((self.offset(para, tok)[0], actors))
                    if _main_clause(tok):
                        self.main_subjects.append((self.offset(para, tok)[0], actors))

    def _compatible(self, pronoun: str, actor: str) -> bool:
        kind = self.kind(actor)
        if pronoun in _PRONOUN_PERSON:
            return kind == "person"
        if pronoun in _PRONOUN_THING:
            # "it" is a state, a body or a bloc, never an unnamed crowd ("people", "gunmen")
            return kind in ("country", "organization") or (
                kind == "group" and not self.unnamed(actor)
            )
        return pronoun in _PRONOUN_PLURAL

    def unnamed(self, actor: str) -> bool:
        """Whether an actor is an unnamed participant ("police", "seven people", "gunmen")."""
        record = self.index.by_id.get(actor)
        return record is not None and record.kind == "group" and record.sector is not None

    def _antecedent(self, para: int, pron: Token, avoid: frozenset[str]) -> list[str]:
        """The actor a third-person pronoun most likely refers to: the latest compatible
        subject for a subject pronoun, else the latest compatible mention."""
        word = pron.lower_
        if word not in _PRONOUN_PERSON | _PRONOUN_THING | _PRONOUN_PLURAL:
            return []
        at = self.offset(para, pron)[0]
        if pron.dep_ in ("nsubj", "nsubjpass"):
            # a sentence-initial "He" continues the topic: the previous main clause's
            # subject ("Blagojevich was jailed after Obama was elected. He was sentenced")
            opening = self.offset(para, pron.sent[0])[0]
            if _main_clause(pron):
                for offset, actors in reversed(self.main_subjects):
                    if offset < opening:
                        fit = [a for a in actors if self._compatible(word, a) and a not in avoid]
                        if fit:
                            return fit if word in _PRONOUN_PLURAL else fit[:1]
                        break
            earlier = [actors for offset, actors in reversed(self.subjects) if offset < at]
            if word in _PRONOUN_PLURAL:
                # "they" is first a group of people ("protesters ... They had asked"),
                # else several actors, else a state or body
                for actors in earlier[:3]:
                    groups = [a for a in actors if self.unnamed(a) and a not in avoid]
                    if groups:
                        return groups
            for actors in earlier:
                fit = [a for a in actors if self._compatible(word, a) and a not in avoid]
                if fit:
                    return fit if word in _PRONOUN_PLURAL else fit[:1]
        subject = self._clause_subject_actors(para, pron)
        if pron.tag_ == "PRP$" or pron.dep_ == "poss":
            # "Xi said during his visit": a possessive may, and mostly does, refer to the
            # subject of its clause; an object pronoun may not (binding theory, Principle B)
            fit = [a for a in subject if self._compatible(word, a) and a not in avoid]
            if fit:
                return fit if word in _PRONOUN_PLURAL else fit[:1]
            own = set(avoid)
        else:
            own = set(subject) | avoid
        i = bisect_left(self.entity_starts, at)
        for e in reversed(self.entities[: max(0, i)]):
            if e.actor and e.end <= at and e.actor not in own and self._compatible(word, e.actor):
                return [e.actor]
        return []

    def _clause_subject_actors(self, para: int, tok: Token) -> list[str]:
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
            head = head.head
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                return self.actors_in(para, noun_phrase(child, None))
        return []


def _main_clause(tok: Token) -> bool:
    """Whether a subject belongs to its sentence's main clause (or a clause joined to it)."""
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _agentive(head: Token) -> bool:
    """A noun for people who act ("rebels", "officials", "demonstrators"), not a thing
    that happens ("a fire in La Llagosta")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = head.lemma_.lower()
    return lemma in V.CROWD or lexicon.role_sector(head.text) is not None
