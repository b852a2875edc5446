"""The event coder: who did what to whom, when and where, in PLOVER with CAMEO alongside.

One pass over an article's sentences.  In each, the coder finds *triggers* (verbs and
event nouns of ``lexicon/verbs.tsv``), settles how they combine (a support verb carries
its noun's event: "held a phone call"; an absorbing verb takes over its infinitive:
"threatened to strike" is THREATEN; an event noun that is the object of another trigger
is that trigger's content, not an event: "denounced Russia's war"), reads the arguments
off the dependency parse (subject, object, "by" agent and passive subject, prepositional
objects; a coordinated subject gives several sources), resolves them to actors through
``ActorIndex.in_span`` over the argument's subtree (cut at relative and adverbial
clauses), and codes modality the PLOVER way:

* negation ("has never denounced", "nor called for", "no talks") sets ``negated``;
* hedges ("reportedly", "is believed to", "allies believe that ...", may/might/could/can)
  set ``hedged``;
* an intended or announced act is not that act (PLOVER manual; CAMEO 03 and 13):
  intended cooperation ("will visit", "agreed to lift", "is ready to send") is AGREE,
  intended force or restriction ("threatened to strike", "said Minsk would retaliate",
  "may halt mediation") is THREATEN, renounced cooperation ("would not provide support")
  is REJECT; a scheduled act of force nobody announces ("is to be sentenced") and a
  renounced one ("will not attack") are not coded;
* acts in conditional clauses ("if it is attacked"), in questions and in commands ("don't
  hold workers hostage") are not coded; an obligation reported by a speaker ("said China
  must drop barriers") is the speaker's REQUEST to the obliged;
* contest verbs ("beat", "defeated", "clash") are not coded in a sentence about sport or
  an election; a scare-quoted event noun ('declared a "war" on poverty') is not coded; an
  event noun mentioned without a time or place of its own ("Russia's war") is not coded.

Dates come from the time expression attached to the event's clause (``date_basis =
"timex"``), climbing through coordinated and adverbial clauses but not across "after",
"before" or a reported-speech boundary, else from the article's date (``"published"``).
Places come from "in/at/near <place>" on the event's words, a visited place, or the
dateline.  The same event told twice in one story (same type, sources, targets and
negation, compatible dates) is one event with several ``mentions``.

``start``/``end`` are the body offsets of the trigger words (first to last); ``trigger``
is those words; ``sentence`` the sentence text.

Implicit actors (documented choices): a protest with no named protesters is by the
people of the place (its country, else the story's home country: the country its actors
belong to most often) against their government (the same country); an arrest, sentence
or curfew in the passive with no agent is by the state where it happens (the place's
country, else the target's, else the home country); repression with no named target is
of the actor's own country; a protest, show of force, meeting or attack with no named
target is addressed to the place's country when that is not the actor's own.  An attack
with known victims but no known attacker keeps an empty source, unless it happened
abroad (then the host country, the PLOVER and PETRARCH gold convention) or the clause
names a non-actor doer ("the fire killed nine").  Other events without a source are
dropped.  A reciprocal act of a joint subject ("Xi and Putin met") lists every party as
source and target.  Actor ids are the actor stage's; an implicit country is its ISO
code, the id the actor stage gives country actors.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from eventwire import lexicon
from eventwire.lexicon import verbs as V
from eventwire.model import Actor, Event, Location, Timex
from eventwire.stages.actors import ActorIndex
from eventwire.stages.geo import dateline_place, geocode
from eventwire.stages.nlp import Parsed

__all__ = ["CODER", "code_events", "with_event_actors"]

CODER = "events.v1"

# Dependency relations that start a clause of its own inside an argument: its actors are
# not the argument's ("the activist, who was arrested by police").
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj", "xcomp"}
# Prepositions that stay inside an argument noun phrase ("many of Ukraine's allies",
# "officials from 30 countries"); others set a scene ("the commander in Iraq").
_ARGUMENT_PREPS = {"of", "from", "including", "among", "like", "with", "between"}
# Prepositions whose object is a verb's recipient, when the frame names none.
_TARGET_PREPS = {"against", "on", "upon", "at", "with", "into", "toward", "towards"}
_AID_PREPS = {"to", "for"}
# Content prepositions: a gerund under them is what another act is about ("accused X of
# prolonging", "blamed the West for triggering"), not an event of its own.
_CONTENT_PREPS = {"of", "for", "by", "in", "on", "against", "with", "from", "over", "about", "to",
                   "as"}  # fmt: skip
_EVENT_PREPS_OF_NOUNS = {"during", "at", "in", "amid", "amidst", "for"}
# Nouns that quantify or frame another ("a flurry of meetings", "a wave of protests").
_FRAME_NOUNS = {"flurry", "series", "round", "wave", "spate", "string", "number", "host",
                "raft", "slew", "campaign", "day", "week", "month", "year"}  # fmt: skip
# Dependencies of a verb that heads a clause of its own (an act can be reported there).
_CLAUSE_HEAD_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp",
                     "parataxis", "csubj", "csubjpass"}  # fmt: skip
_NOT_EVENT_ENTITIES = {"ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PERSON", "GPE", "DATE",
                       "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}  # fmt: skip
# Verbs whose "in"/"on" object is an act the subject takes part in.
_PARTICIPATION_VERBS = {"engage", "participate", "join", "take", "embark", "go", "enter"}
# Verbs that name or judge their object when they have a complement ("called the
# agreements null and void", "declared the vote invalid").
_NAMING = {"call", "declare", "deem", "consider", "describe", "label", "brand", "term", "name"}
_GOVERNED_DEPS = {"dobj", "obj", "nsubj", "nsubjpass", "attr", "oprd", "dative"}
_NEGATORS = {"not", "never", "n't", "no"}
_RELATIVE = {"who", "whom", "which", "that"}
_PRONOUN_PERSON = {"he", "him", "his", "she", "her", "hers"}
_PRONOUN_THING = {"it", "its"}
_PRONOUN_PLURAL = {"they", "them", "their", "theirs"}
_QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
_LETHAL = {"kill", "murder", "shoot", "stab", "behead", "wound", "injure", "assassinate",
           "execute", "massacre", "bomb"}  # fmt: skip
_DOMESTIC_TYPES = {"COERCE"}
_NOMINAL_SOURCE_OF = {"CONSULT", "AGREE", "PROTEST", "SUPPORT", "REQUEST", "ACCUSE"}
_VISIT_PREPS = {"to", "in", "at"}


@cache
def _known_verbs() -> frozenset[str]:
    words = {lemma for kind, lemma in V.lemmas() if kind == "V"}
    for group in (V.LIGHT_VERBS, V.REVERSAL_VERBS, V.SAY_VERBS, V.HAPPEN_VERBS, V.INTENT_VERBS,
                  V.HEDGE_VERBS, V.RAISING_VERBS, V.REALIS_XCOMP):  # fmt: skip
        words |= group
    return frozenset(words)


def _lemma(tok: Token) -> str:
    """A verb's lemma, mended where the lemmatizer slips on a known verb ("staged" ->
    "stag"): the regular de-inflections of the word, if the lexicon knows one."""
    lemma = tok.lemma_.lower()
    known = _known_verbs()
    if tok.pos_ not in ("VERB", "AUX") or lemma in known:
        return lemma
    for cand in _stems(tok.lower_):
        if cand in known:
            return cand
    return lemma


def _stems(word: str) -> list[str]:
    """Regular English verb stems of an inflected form: staged -> stage, stopped -> stop,
    tried -> try, staging -> stage, stages -> stage."""
    out = [word]
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e"]
            if stem[-1] == stem[-2]:
                out.append(stem[:-1])  # stopped, planning
            if suffix == "ed" and stem.endswith("i"):
                out.append(stem[:-1] + "y")  # tried
    if word.endswith("s") and len(word) > 3:
        out += [word[:-1], word[:-2]]
    return out


def code_events(parsed: Parsed, index: ActorIndex, timexes: Sequence[Timex]) -> list[Event]:
    """The events of one parsed article, deduplicated, in reading order."""
    return _Coder(parsed, index, timexes).run()


# --- records -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Trigger:
    """A predicate found in a sentence, before its arguments are read."""

    code: V.Code
    flags: frozenset[str]
    tokens: list[Token]  # trigger words
    anchor: Token  # the clause head that carries tense, negation and arguments
    kind: str  # verb | support | reversal | nominal | adjunct | happening | obligation
    noun: Token | None = None  # the event noun (or the absorbed act) of the trigger
    words: frozenset[str] = frozenset()  # the frame's particles and prepositions


@dataclass(slots=True)
class _Mention:
    code: V.Code
    para: int
    sentence: Span
    tokens: list[Token]
    source: tuple[str, ...]
    target: tuple[str, ...]
    negated: bool
    hedged: bool
    date: str | None
    basis: str
    location: Location | None
    start: int = 0
    end: int = 0
    mentions: list[tuple[int, int]] = field(default_factory=list)


# --- the coder ------------------------------------------------------------------------------


class _Coder:
    def __init__(self, parsed: Parsed, index: ActorIndex, timexes: Sequence[Timex]) -> None:
        self.parsed = parsed
        self.index = index
        self.article = parsed.article
        self.timexes = sorted((t for t in timexes if t.value), key=lambda t: t.start)
        self.timex_starts = [t.start for t in self.timexes]
        self.entities = sorted(index.entities, key=lambda e: (e.start, e.end))
        self.entity_starts = [e.start for e in self.entities]
        self.home = self._home_country()
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
        self.published = (self.article.published or "")[:10] or None
        self._dateline: Location | None = None
        self._dateline_done = False

    # -- driver ------------------------------------------------------------------------------
    def run(self) -> list[Event]:
        mentions: list[_Mention] = []
        for para, sent in self.parsed.sentences():
            self._note_subjects(para, sent)
            if sent.text.rstrip().rstrip("\"”’'").endswith("?"):
                continue  # a question asks; it does not report (PLOVER codes no hypotheticals)
            mentions.extend(self._sentence(para, sent))
        return self._merge(mentions)

    def _home_country(self) -> str | None:
        votes: Counter[str] = Counter()
        for e in self.index.entities:
            actor = self.index.by_id.get(e.actor) if e.actor else None
            if actor is not None and actor.country and not lexicon.is_region_code(actor.country):
                votes[actor.country] += 1
        common = votes.most_common(2)
        if not common or (len(common) == 2 and common[0][1] == common[1][1]):
            return None
        return common[0][0]

    # -- offsets and actors ------------------------------------------------------------------
    def _offset(self, para: int, tok: Token) -> tuple[int, int]:
        base = self.parsed.offsets[para]
        return base + tok.idx, base + tok.idx + len(tok)

    def _segments(self, para: int, toks: Iterable[Token]) -> list[tuple[int, int]]:
        """Body spans of the contiguous runs of ``toks``."""
        out: list[tuple[int, int]] = []
        last = -2
        for tok in sorted(toks, key=lambda t: t.i):
            start, end = self._offset(para, tok)
            if tok.i == last + 1 and out:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
            last = tok.i
        return out

    def _actors_in(self, para: int, toks: Iterable[Token]) -> list[str]:
        toks = list(toks)
        found: dict[str, None] = {}
        for start, end in self._segments(para, toks):
            for actor in self.index.in_span(start, end):
                found.setdefault(actor, None)
        for tok in toks:
            if not tok.ent_type_ and tok.dep_ == "amod" and tok.text[:1].isupper():
                code = lexicon.demonym_country(tok.text)  # "Ghanaian authorities", untagged
                if code is not None and not self._describes_named(para, tok):
                    found.setdefault(code, None)
                continue
            if tok.ent_type_ == "NORP" or (tok.pos_ == "PROPN" and not tok.ent_type_):
                holder = self._entity_actor_at(para, tok)
                if holder is not None:
                    code = lexicon.country_of(tok.text) if tok.ent_type_ == "NORP" else None
                    if code and code not in {self._country_of(a) for a in found}:
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
        return list(found)

    @staticmethod
    def _agentive(head: Token) -> bool:
        """A noun for people who act ("rebels", "officials", "demonstrators"), not a thing
        that happens ("a fire in La Llagosta")."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        lemma = head.lemma_.lower()
        return lemma in V.CROWD or lexicon.role_sector(head.text) is not None

    def _place_countries(self, para: int, toks: list[Token]) -> list[str]:
        """Countries of the places named among ``toks`` ("in Baghdad" -> IRQ)."""
        out: dict[str, None] = {}
        for start, end in self._segments(para, toks):
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
            actor = self._entity_actor_at(para, t) if t.i != tok.i else None
            if actor is not None and self._kind(actor) in ("person", "organization"):
                return True
        return False

    def _entity_actor_at(self, para: int, tok: Token) -> str | None:
        start, end = self._offset(para, tok)
        i = bisect_left(self.entity_starts, start - 200)
        while i < len(self.entities) and self.entities[i].start <= start:
            e = self.entities[i]
            if e.actor and e.start <= start and e.end >= end:
                return e.actor
            i += 1
        return None

    def _argument(
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
        toks = list(self._phrase(head, exclude))
        actors = self._actors_in(para, toks)
        if not actors and self._agentive(head):
            # "rebels in the Ivory Coast", "demonstrators in Baghdad": no name, so the place
            wider = list(self._phrase(head, exclude, places=True))
            actors = self._actors_in(para, wider)
            if not actors:
                actors = self._place_countries(para, wider)
        if (
            not actors
            and head.pos_ == "PRON"
            and not (head.lower_ == "it" and head.dep_ == "nsubj" and _lemma(head.head) in _LETHAL)
        ):  # "it killed nine people": a fire or a bomb, not an actor
            actors = self._antecedent(para, head, avoid)
        if not actors and head.lemma_.lower() in V.NATIONALS:
            actors = self._nationals(para, head)
        return actors

    def _phrase(
        self, head: Token, exclude: Token | None, *, places: bool = False
    ) -> Iterable[Token]:
        preps = _ARGUMENT_PREPS | V.SETTING_PREPOSITIONS if places else _ARGUMENT_PREPS
        stack = [head]
        while stack:
            tok = stack.pop()
            if exclude is not None and tok.i == exclude.i:
                continue
            yield tok
            for child in tok.children:
                if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                    continue
                if (
                    child.dep_ in ("amod", "compound")
                    and child.tag_ == "VBN"
                    and child.lower_ != "led"
                ):
                    continue  # "Rwanda-backed rebels", "US-based group": a relation, not who
                if child.dep_ == "prep" and child.lower_ not in preps:
                    continue
                if child.dep_ in ("punct", "cc") and child.i > head.i and tok is head:
                    continue
                stack.append(child)

    def _nationals(self, para: int, head: Token) -> list[str]:
        """'his compatriots', 'the country's people': the people of the possessor's country."""
        for child in head.children:
            if child.dep_ == "poss":
                owners = self._argument(para, child)
                countries = [c for c in (self._country_of(a) for a in owners) if c]
                return list(dict.fromkeys(countries))
        return []

    def _country_of(self, actor: str) -> str | None:
        record = self.index.by_id.get(actor)
        if record is not None:
            return record.country
        return actor if len(actor) == 3 and actor.isupper() else None

    def _kind(self, actor: str) -> str:
        record = self.index.by_id.get(actor)
        if record is not None:
            return record.kind
        return "country"

    # -- pronouns ----------------------------------------------------------------------------
    def _note_subjects(self, para: int, sent: Span) -> None:
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON":
                actors = self._actors_in(para, self._phrase(tok, None))
                if actors:
                    self.subjects.append((self._offset(para, tok)[0], actors))

    def _compatible(self, pronoun: str, actor: str) -> bool:
        kind = self._kind(actor)
        if pronoun in _PRONOUN_PERSON:
            return kind == "person"
        if pronoun in _PRONOUN_THING:
            return kind in ("country", "organization", "group")
        return pronoun in _PRONOUN_PLURAL

    def _antecedent(self, para: int, pron: Token, avoid: frozenset[str]) -> list[str]:
        """The actor a third-person pronoun most likely refers to: the latest compatible
        subject for a subject pronoun, else the latest compatible mention."""
        word = pron.lower_
        if word not in _PRONOUN_PERSON | _PRONOUN_THING | _PRONOUN_PLURAL:
            return []
        at = self._offset(para, pron)[0]
        if pron.dep_ in ("nsubj", "nsubjpass"):
            for offset, actors in reversed(self.subjects):
                if offset < at:
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
                return self._actors_in(para, self._phrase(child, None))
        return []

    # -- one sentence ------------------------------------------------------------------------
    def _sentence(self, para: int, sent: Span) -> list[_Mention]:
        contest = bool(_SCORE.search(sent.text)) or any(
            t.lemma_.lower() in V.CONTEST_CUES for t in sent
        )
        triggers = self._triggers(sent)
        out: list[_Mention] = []
        for trig in triggers:
            if contest and "sport" in trig.flags:
                continue
            mention = self._code(para, sent, trig)
            if mention is not None:
                out.append(mention)
        return out

    # -- finding triggers --------------------------------------------------------------------
    def _triggers(self, sent: Span) -> list[_Trigger]:
        verb_frames: dict[int, V.Frame] = {}
        for tok in sent:
            if self._is_verb(tok):
                frame = self._verb_frame(tok)
                if frame is not None:
                    verb_frames[tok.i] = frame
        consumed: set[int] = set()
        out: list[_Trigger] = []
        obligations = [
            trig
            for tok in sent
            if _lemma(tok) in V.SAY_VERBS and tok.pos_ == "VERB"
            for trig in self._obligations(tok, verb_frames, consumed)
        ]
        # absorbing verbs take over their infinitive or event-noun object
        refined: dict[int, tuple[V.Code, Token]] = {}
        for i, frame in verb_frames.items():
            assert frame.code is not None
            if "absorb" in frame.flags:
                comp = self._complement(sent.doc[i], frame)
                if comp is not None:
                    consumed.add(comp.i)
                    act = self._act_of(comp, verb_frames)
                    if act is not None:
                        refined[i] = (self._absorb(sent.doc[i], frame.code, act), comp)
        for tok in sent:
            if tok.i in consumed:
                continue
            if tok.i in verb_frames:
                frame = verb_frames[tok.i]
                assert frame.code is not None
                code, comp = refined.get(tok.i, (frame.code, None))
                toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
                out.append(_Trigger(code, frame.flags, toks, tok, "verb", comp, frame.all_words))
            elif self._is_noun(tok):
                trig = self._nominal(tok, verb_frames, consumed)
                if trig is not None and trig.anchor.i not in consumed:
                    out.append(trig)  # (not "halt cooperation" inside "warned it would ...")
        return obligations + out

    @staticmethod
    def _is_verb(tok: Token) -> bool:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
            return False
        if tok.pos_ != "ADJ" and tok.dep_ not in _CLAUSE_HEAD_DEPS:
            return False  # "Russian-backed rebels", "the deaths were 'crushing'", "provided"
        # not a gerund that is what another act is about: "accused X of prolonging"
        return not (tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in _CONTENT_PREPS)

    @staticmethod
    def _is_noun(tok: Token) -> bool:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if tok.dep_ == "compound" and tok.head.lemma_.lower() not in V.EVENT_HEADS:
            return False  # "peace talks" is talks; but "a mediation mission" is mediation
        return tok.ent_type_ not in _NOT_EVENT_ENTITIES  # "Organization", "March", "2022"

    def _verb_frame(self, tok: Token) -> V.Frame | None:
        lemma = _lemma(tok)
        if lemma in V.LIGHT_VERBS and self._supports_noun(tok):
            return None  # "ordered an offensive", "held a phone call": the noun's event
        rows = V.frames("V", lemma) or (V.frames("V", tok.lower_) if tok.pos_ == "ADJ" else ())
        for frame in rows:
            if "intransitive" in frame.flags and any(
                c.dep_ in ("dobj", "ccomp") for c in tok.children
            ):
                continue  # "it demonstrates that ...": showing, not protesting
            if "complement" in frame.flags and not self._has_complement(tok):
                continue  # "Hataman agreed, saying ...": an opinion shared
            if (
                frame.actor_object
                and frame.code is not None
                and frame.code.type == "CONSULT"
                and any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in tok.children)
            ):
                continue  # "called D'Souza humble": naming, not a phone call
            if self._verb_cue(tok, frame):
                if frame.code is None:
                    return None
                if not frame.has_cue and self._supports_noun(tok):
                    return None  # "launched an investigation": the noun's event
                return frame
        return None

    @staticmethod
    def _has_complement(verb: Token) -> bool:
        """An object, a complement or a joint subject: "agreed to/on/with/that ...", "X and Y
        agreed"."""
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp", "dobj"):
                return True
            if child.dep_ == "advcl" and any(g.lower_ == "to" for g in child.children):
                return True  # "agreed ... to hold talks"
            if child.dep_ == "prep" and child.lower_ in ("on", "to", "with", "upon", "in"):
                return True
            if child.dep_ == "nsubj" and any(g.dep_ == "conj" for g in child.children):
                return True
        return False

    def _supports_noun(self, verb: Token) -> bool:
        if _lemma(verb) not in V.LIGHT_VERBS and _lemma(verb) not in V.REVERSAL_VERBS:
            return False
        return any(self._is_noun(o) and self._noun_rows(o) for o in self._objects(verb))

    def _objects(self, verb: Token, preps: Iterable[str] = ()) -> list[Token]:
        """Direct objects (or the passive subject) and objects of the given prepositions."""
        out = []
        passive = self._passive(verb)
        for child in verb.children:
            if child.dep_ in ("dobj", "obj") or (passive and child.dep_ == "nsubjpass"):
                out.append(child)
            elif child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
                out.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "ccomp" and child.pos_ in ("PROPN", "NOUN"):
                out.extend(g for g in child.children if g.dep_ == "dobj")  # a misparse
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            out.append(verb.head)
        more = [c for o in out for c in o.children if c.dep_ == "conj"]
        return out + more

    def _verb_cue(self, tok: Token, frame: V.Frame) -> bool:
        if frame.words:
            words = {
                c.lower_
                for c in tok.children
                if c.dep_ in ("prt", "prep", "agent", "dative", "advmod", "mark", "acomp", "oprd")
            }
            words |= {
                g.lower_
                for c in tok.children
                if c.dep_ in ("advcl", "xcomp", "ccomp")
                for g in c.children
                if g.dep_ in ("mark", "aux")
            }  # "called for it to withdraw": "for" marks the clause; "declined to resign"
            if not all(group & words for group in frame.words):
                return False
        if frame.objects:
            objs = self._objects(tok, frame.all_words)
            if not any(self._in_class(o, frame.objects) for o in objs):
                return False
        if frame.actor_object:
            objs = [o for o in self._objects(tok, frame.all_words) if o.dep_ != "nsubjpass"]
            objs += [g for c in tok.children if c.dep_ == "dative" for g in (c, *c.children)]
            para = self._para_of(tok)
            if not any(self._actors_in(para, self._phrase(o, None)) for o in objs):
                return False
        return True

    @staticmethod
    def _in_class(tok: Token, names: frozenset[str]) -> bool:
        """Whether a noun (or its compound modifier, or what a measure noun measures:
        "700 kg of medicine") is one of ``names`` (lemmas and @CLASSES)."""
        heads = [tok]
        if tok.lemma_.lower() in V.MEASURES or tok.pos_ == "NUM":
            heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if "@PLACES" in names and any(h.ent_type_ in ("GPE", "LOC", "FAC") for h in heads):
            return True  # "seized parts of Iraq"
        words = heads + [c for h in heads for c in h.children if c.dep_ in ("compound", "amod")]
        for word in words:
            lemma = word.lemma_.lower()
            if "@EVENT" in names and V.frames("N", lemma):
                return True  # "offered talks"
            for name in names:
                if name.startswith("@"):
                    if lemma in V.NOUN_CLASSES.get(name[1:], frozenset()):
                        return True
                elif lemma == name:
                    return True
        return False

    def _para_of(self, tok: Token) -> int:
        doc = tok.doc
        for i, d in enumerate(self.parsed.docs):
            if d is doc:
                return i
        raise ValueError("token of a foreign doc")

    @staticmethod
    def _passive(verb: Token) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return True
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return True
        # "was arrested and charged": a bare participle joined to a passive verb
        return (
            verb.dep_ == "conj"
            and verb.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
            and _Coder._passive(verb.head)
        )

    # -- nouns -------------------------------------------------------------------------------
    def _event_noun(self, tok: Token) -> bool:
        """A noun that names an event on its own (not only under a support verb)."""
        return any("gov" not in f.flags for f in self._noun_rows(tok))

    def _noun_rows(self, tok: Token) -> tuple[V.Frame, ...]:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return ()
        return V.frames("N", tok.lemma_.lower()) or V.frames("N", tok.lower_)

    def _noun_frame(self, tok: Token, governor: Token | None, *, governed: bool) -> V.Frame | None:
        mods = {c.lower_ for c in tok.children} | {c.lemma_.lower() for c in tok.children}
        mods |= {g.lower_ for c in tok.children if c.dep_ == "compound" for g in c.children}
        mods |= {
            g.lemma_.lower()
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        }  # "a state of emergency"
        for frame in self._noun_rows(tok):
            if not all(group & mods for group in frame.words):
                continue
            if frame.governors and (governor is None or _lemma(governor) not in frame.governors):
                continue
            if frame.objects and not any(self._in_class(c, frame.objects) for c in tok.children):
                continue
            if frame.code is None:
                return None
            if "gov" in frame.flags and not governed:
                continue
            return frame
        return None

    @staticmethod
    def _phrase_head(noun: Token) -> Token:
        """ "mediation" in "a mediation mission" stands for the phrase headed by "mission"."""
        if noun.dep_ == "compound" and noun.head.lemma_.lower() in V.EVENT_HEADS:
            return noun.head
        return noun

    def _governor(self, noun: Token) -> tuple[Token | None, str]:
        """The verb a noun is an argument of and how: ("held", "dobj"), ("during", ...)."""
        tok = self._phrase_head(noun)
        while tok.dep_ in ("conj", "appos") and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        while (
            tok.dep_ == "pobj" and tok.head.head.lemma_ in _FRAME_NOUNS and tok.head.lower_ == "of"
        ):
            tok = tok.head.head  # "a flurry of meetings"
        dep = tok.dep_
        head = tok.head
        if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
            verb = head.head
            if verb.pos_ in ("VERB", "AUX") or (verb.pos_ == "ADJ" and verb.dep_ == "acomp"):
                return verb, "prep:" + head.lower_
            return None, "prep:" + head.lower_
        if dep in _GOVERNED_DEPS and head.pos_ in ("VERB", "AUX"):
            return head, dep
        if dep == "dobj" and head.dep_ == "ccomp" and head.head.pos_ == "VERB":
            return head.head, "dobj"  # "handed [Mohammadi] a sentence", misparsed
        return None, dep

    def _nominal(
        self, noun: Token, verb_frames: dict[int, V.Frame], consumed: set[int]
    ) -> _Trigger | None:
        if not self._noun_rows(noun) or self._scare_quoted(noun):
            return None
        governor, rel = self._governor(noun)
        gov_lemma = _lemma(governor) if governor is not None else ""
        if governor is not None and governor.i in verb_frames:
            return None  # the content of another act: "denounced Russia's war"
        claimant = self._claimant(noun, governor, rel)
        if claimant is not None:  # "claimed responsibility for the attack": the attacker
            frame = self._noun_frame(noun, claimant, governed=True)
            if frame is not None and frame.code is not None:
                return _Trigger(
                    frame.code, frame.flags, [claimant, noun], claimant, "support", noun
                )
        governed_rel = rel in ("dobj", "obj", "nsubjpass", "attr") or (
            rel in ("prep:on", "prep:in") and gov_lemma in _PARTICIPATION_VERBS
        )  # "took part in protests", "embarked on a flurry of meetings"
        if governor is not None and any(
            c.dep_ in ("oprd", "acomp") or (c.dep_ in ("xcomp", "ccomp") and gov_lemma in _NAMING)
            for c in governor.children
        ):
            governed_rel = False  # "called the deal 'lousy'": naming, not dealing
        if governor is not None and governed_rel:
            particle = V.REVERSAL_PARTICLES.get(gov_lemma)
            reversing = gov_lemma in V.REVERSAL_VERBS or (
                particle is not None and any(c.lower_ == particle for c in governor.children)
            )
            if reversing:
                frame = self._noun_frame(noun, governor, governed=True)
                if frame is None or frame.code is None:
                    return None
                code = V.reversed_code(frame.code)
                if code is None:
                    return None
                return _Trigger(
                    code,
                    frame.flags - {"recip", "implicit"},
                    [governor, noun],
                    governor,
                    "reversal",
                    noun,
                )
            if gov_lemma in V.LIGHT_VERBS or gov_lemma in (
                "join",
                "participate",
                "engage",
                "embark",
            ):
                frame = self._noun_frame(noun, governor, governed=True)
                if frame is None or frame.code is None:
                    return None
                return _Trigger(
                    frame.code, frame.flags, [governor, noun], governor, "support", noun
                )
        frame = self._noun_frame(noun, governor, governed=False)
        if frame is None or frame.code is None:
            return None
        if governor is not None and rel in ("nsubj",) and gov_lemma in V.HAPPEN_VERBS:
            return _Trigger(frame.code, frame.flags, [noun], governor, "happening", noun)
        if (
            governor is not None
            and rel == "attr"
            and gov_lemma == "be"
            and any(c.dep_ == "expl" for c in governor.children)
        ):
            return _Trigger(frame.code, frame.flags, [noun], governor, "happening", noun)
        if (
            rel.startswith("prep:")
            and rel[5:] in _EVENT_PREPS_OF_NOUNS
            and frame.code.type == "CONSULT"
        ):
            verb = governor
            if verb is None and rel in ("prep:during", "prep:amid"):
                verb = self._clause_verb(noun)  # "told X ... during talks in Beijing"
            if verb is not None:
                return _Trigger(frame.code, frame.flags, [noun], verb, "adjunct", noun)
        if frame.governors:
            return _Trigger(
                frame.code,
                frame.flags,
                [governor, noun] if governor else [noun],
                governor or noun,
                "support",
                noun,
            )
        return _Trigger(frame.code, frame.flags, [noun], noun, "nominal", noun)

    @staticmethod
    def _claimant(noun: Token, governor: Token | None, rel: str) -> Token | None:
        """The verb of "claim / accept responsibility for <event>", if that is the frame."""
        if rel != "prep:for":
            return None
        holder = noun.head.head  # "responsibility for", or the verb itself
        if holder.lemma_ == "responsibility":
            verb = holder.head
        elif governor is not None and any(
            c.dep_ == "dobj" and c.lemma_ == "responsibility" for c in governor.children
        ):
            verb = governor
        else:
            return None
        return verb if _lemma(verb) in ("claim", "accept", "admit", "take", "bear") else None

    @staticmethod
    def _clause_verb(tok: Token) -> Token | None:
        """The verb of the clause a word is in; a reported clause's reporting verb."""
        node = tok
        for _ in range(12):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                if node.dep_ == "ccomp" and _lemma(node.head) in V.SAY_VERBS:
                    return node.head
                return node
        return None

    @staticmethod
    def _scare_quoted(noun: Token) -> bool:
        """'a "war" on drugs', 'what he called an "invasion"': someone's word, not an event."""
        doc = noun.doc
        start = noun.i
        while (
            start > 0
            and doc[start - 1].dep_ in ("amod", "compound")
            and doc[start - 1].head.i == noun.i
        ):
            start -= 1
        before = doc[start - 1] if start > 0 else None
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        return (
            before is not None and after is not None
            and before.text in _QUOTES and after.text in _QUOTES
        )  # fmt: skip

    # -- absorbing verbs ---------------------------------------------------------------------
    def _complement(self, verb: Token, frame: V.Frame) -> Token | None:
        """The act an absorbing verb is about: its infinitive or its event-noun object."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                return child
            if child.dep_ == "advcl" and any(
                g.dep_ in ("mark", "aux") and g.lower_ in ("for", "to") for g in child.children
            ):
                return child
        if "ccomp" in frame.flags:  # "demanded that the US cancel plans"
            for child in verb.children:
                if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
                    return child
        for obj in self._objects(verb, frame.all_words | {"for", "on"}):
            if self._noun_rows(obj):
                return obj
        return None

    def _act_of(self, comp: Token, verb_frames: dict[int, V.Frame]) -> V.Code | None:
        if comp.i in verb_frames:
            return verb_frames[comp.i].code
        if comp.pos_ in ("VERB", "AUX"):
            frame = self._verb_frame(comp)
            if frame is None:
                for obj in self._objects(comp):  # "to lift embargoes", "to hold talks"
                    nf = self._noun_frame(obj, comp, governed=True)
                    if nf is not None and nf.code is not None:
                        lemma = _lemma(comp)
                        if lemma in V.REVERSAL_VERBS:
                            return V.reversed_code(nf.code)
                        if lemma in V.LIGHT_VERBS:
                            return nf.code
                return None
            return frame.code
        nf = self._noun_frame(comp, None, governed=True)
        return nf.code if nf is not None else None

    @staticmethod
    def _absorb(verb: Token, base: V.Code, act: V.Code) -> V.Code:
        if base.type == "REQUEST":
            return V.requested(base, act)
        if base.type == "THREATEN":
            if act.type in V.MATERIAL_CONFLICT:
                return V.threatened(act)
            return base
        if base.type == "REJECT":
            return V.refused(act) if act.type in V.COOPERATIVE_TYPES else base
        if base.type == "AGREE":
            if act.type in V.COOPERATIVE_TYPES:
                return V.intended(act)
            if act.type in V.MATERIAL_CONFLICT:
                return V.threatened(act)  # "pledged to expel": announced coercion
            return base
        return base

    # -- reported obligations: "Russia said Sudan must return a helicopter" ---------------------
    def _obligations(
        self, say: Token, verb_frames: dict[int, V.Frame], consumed: set[int]
    ) -> list[_Trigger]:
        out = []
        for clause in say.children:
            if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
                continue
            if not any(
                c.dep_ == "aux" and c.lower_ in V.OBLIGATION_MODALS for c in clause.children
            ):
                continue
            act = verb_frames.get(clause.i)
            base = V.Code("REQUEST", "100", None, None)
            code = V.requested(base, act.code) if act is not None and act.code is not None else base
            consumed.add(clause.i)
            out.append(_Trigger(code, frozenset({"obligation"}), [say], say, "obligation", clause))
        return out

    # -- arguments ---------------------------------------------------------------------------
    def _stative(self, verb: Token) -> bool:
        """ "Israel is opposed to ...": an adjectival passive whose subject acts."""
        frames = V.frames("V", _lemma(verb))
        return any("stative" in f.flags for f in frames) and not any(
            c.dep_ == "agent" for c in verb.children
        )

    def _subject(self, para: int, verb: Token, depth: int = 0) -> list[str]:
        if self._passive(verb) and self._stative(verb):
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    return self._argument(para, child)
        if self._passive(verb):
            for child in verb.children:
                if child.dep_ == "agent":
                    for g in child.children:
                        if g.dep_ == "pobj":
                            return self._argument(para, g)
            for child in verb.children:  # "killed in Israeli tank shelling": the shelling's
                if child.dep_ == "prep" and child.lower_ in ("in", "during", "amid"):
                    for g in child.children:
                        if g.dep_ == "pobj" and self._event_noun(g):
                            return self._nominal_actors(para, g, V.Code("ASSAULT", "190"))[0]
            return []
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj", "expl") and child.dep_ != "expl":
                return self._argument(para, child)
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            actors = self._argument(para, verb.head, exclude=verb)
            holder = verb.head
            if not actors and holder.dep_ in ("dobj", "attr") and holder.head.pos_ == "VERB":
                # "issued a declaration demanding ...": the issuer demands
                return self._subject(para, holder.head, depth + 1)
            return actors
        if verb.dep_ == "relcl":
            return self._argument(para, verb.head, exclude=verb)
        if (
            depth < 6
            and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp")
            and verb.head.i != verb.i
        ):
            head = verb.head
            if verb.dep_ == "pcomp":
                head = head.head
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                if (
                    verb.dep_ == "xcomp"
                    and any(c.dep_ in ("dobj",) for c in head.children)
                    and _lemma(head) not in ("begin", "start", "continue")
                ):
                    return self._argument(para, next(c for c in head.children if c.dep_ == "dobj"))
                return self._subject(para, head, depth + 1)
        return []

    def _target(
        self, para: int, verb: Token, trig: _Trigger, avoid: frozenset[str] = frozenset()
    ) -> list[str]:
        exclude = trig.noun if trig.kind in ("support", "reversal") else None
        if self._passive(verb) and not self._stative(verb):
            for child in verb.children:
                if child.dep_ == "nsubjpass" and (exclude is None or child.i != exclude.i):
                    return self._argument(para, child, avoid=avoid)
            if verb.dep_ == "conj" and self._passive(verb.head):
                return self._target(para, verb.head, trig, avoid)  # "was tried and jailed"
            if verb.dep_ == "acl":
                return self._argument(para, verb.head, exclude=verb)
            if verb.dep_ == "relcl":
                return self._argument(para, verb.head, exclude=verb)
        found: list[str] = []
        frame_preps = set(trig.words)
        for child in verb.children:
            if child.dep_ in ("dobj", "obj", "iobj") and (exclude is None or child.i != exclude.i):
                if self._event_noun(child):  # "denounced Russia's war": the war's author
                    agent, patient = self._nominal_actors(para, child, trig.code, avoid)
                    found += agent or patient
                else:
                    found += self._argument(para, child, exclude=exclude, avoid=avoid)
            elif child.dep_ == "dative":
                if child.pos_ == "ADP":
                    found += self._pobj_actors(para, child, exclude, avoid)
                else:
                    found += self._argument(para, child, avoid=avoid)
            elif child.dep_ == "prep" and child.lower_ in frame_preps:
                found += self._pobj_actors(para, child, exclude, avoid)
            elif child.dep_ == "ccomp" and child.pos_ in ("PROPN", "NOUN"):
                found += self._argument(para, child, exclude=exclude)  # "handed Mohammadi ..."
        if not found and "ccomp" in trig.flags:
            for child in verb.children:
                if child.dep_ == "ccomp":
                    for g in child.children:
                        if g.dep_ in ("nsubj", "nsubjpass"):
                            found += self._argument(para, g, avoid=avoid)
        if not found:
            preps = _TARGET_PREPS | (
                _AID_PREPS
                if trig.code.type in ("AID", "REQUEST", "CONSULT", "COOPERATE", "AGREE")
                else set()
            )
            if trig.code.type in ("RETREAT", "SANCTION"):
                preps = {"from"}  # "withdrew from the Syrian sector", "pulled out of"
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    found += self._pobj_actors(para, child, exclude, avoid)
        if not found and trig.kind == "verb" and trig.noun is not None:
            comp = trig.noun
            if comp.pos_ in ("VERB", "AUX"):
                sub = _Trigger(trig.code, trig.flags, [comp], comp, "verb")
                found += self._target(para, comp, sub, avoid)
                if not found:
                    for child in comp.children:
                        if child.dep_ in ("nsubj",):
                            found += self._argument(para, child, avoid=avoid)
            else:
                found += self._nominal_actors(para, comp, trig.code)[1]
        return list(dict.fromkeys(found))

    def _pobj_actors(
        self,
        para: int,
        prep: Token,
        exclude: Token | None = None,
        avoid: frozenset[str] = frozenset(),
    ) -> list[str]:
        out: list[str] = []
        for g in prep.children:
            if g.dep_ == "pobj" and (exclude is None or g.i != exclude.i):
                out += self._argument(para, g, exclude=exclude, avoid=avoid)
        return out

    def _nominal_actors(
        self, para: int, noun: Token, code: V.Code, avoid: frozenset[str] = frozenset()
    ) -> tuple[list[str], list[str]]:
        """Source and target from an event noun's own modifiers: "Russia's Ukraine
        offensive", "Israeli and US strikes", "talks with Iran", "the release of X"."""
        source: list[str] = []
        target: list[str] = []
        modifiers: list[str] = []
        head = self._phrase_head(noun)
        children = [*noun.children, *(c for c in head.children if c.i != noun.i)]
        for child in children:
            if child.dep_ == "poss":
                source += self._argument(para, child, avoid=avoid)
            elif child.dep_ in ("amod", "compound", "nmod", "npadvmod") and child.i < head.i:
                owners = [g for g in child.children if g.dep_ == "poss"]
                for owner in owners:  # "Russia's Ukraine offensive": Russia's is the agent
                    source += self._argument(para, owner, avoid=avoid)
                skip = {t.i for o in owners for t in o.subtree}
                modifiers += self._actors_in(para, (t for t in child.subtree if t.i not in skip))
            elif child.dep_ == "prep":
                word = child.lower_
                actors = self._pobj_actors(para, child)
                if word in ("by", "from"):
                    source += actors
                elif word == "between":
                    source += actors
                    target += actors
                elif word == "of":
                    (source if code.type in _NOMINAL_SOURCE_OF else target).extend(actors)
                elif word in _TARGET_PREPS | {"to", "toward", "towards", "for"}:
                    target += actors
        if modifiers:
            if source:
                target += modifiers
            else:
                source += modifiers
        return list(dict.fromkeys(source)), list(dict.fromkeys(target))

    # -- coding one trigger ------------------------------------------------------------------
    def _code(self, para: int, sent: Span, trig: _Trigger) -> _Mention | None:
        anchor = trig.anchor
        if self._conditional(anchor) or (trig.noun is not None and self._conditional(trig.noun)):
            return None
        code = trig.code
        source: list[str]
        target: list[str]
        if trig.kind in ("verb", "support", "reversal", "obligation"):
            source = self._subject(para, anchor)
            if trig.kind == "obligation":
                assert trig.noun is not None
                target = self._subject(para, trig.noun)
            else:
                target = self._target(para, anchor, trig, frozenset(source))
            if trig.kind in ("support", "reversal") and trig.noun is not None:
                own_source, own_target = self._nominal_actors(para, trig.noun, code)
                target = target or own_target
                if not source and not any(c.dep_ == "nsubj" for c in anchor.children):
                    source = own_source  # "sanctions were imposed": the noun's own agent
        elif trig.kind == "adjunct":
            assert trig.noun is not None
            own_source, own_target = self._nominal_actors(para, trig.noun, code)
            source = own_source or self._subject(para, anchor)
            verbal = _Trigger(code, trig.flags, [anchor], anchor, "verb")
            target = own_target or self._target(para, anchor, verbal, frozenset(source))
        else:
            assert trig.noun is not None
            source, target = self._nominal_actors(para, trig.noun, code)
            if trig.kind == "nominal" and not (
                self._attached_timex(para, sent, [trig.noun])
                or self._location(
                    para, _Trigger(code, trig.flags, [trig.noun], trig.noun, "nominal")
                )
            ):
                return None  # "Russia's war" mentioned, not reported: no time, no place
        if self._imperative(anchor):
            return None  # "don't hold workers hostage", "show it again": urged, not done
        negated, hedged, future, obliged = self._modality(anchor, trig)
        if obliged and trig.kind != "obligation":
            return None
        if future and trig.kind != "obligation":
            if code.type in V.MATERIAL_CONFLICT and not source:
                return None  # "is to be sentenced in June": scheduled, and threatened by no one
            if code.type in V.COOPERATIVE_TYPES:
                code = V.refused(code) if negated else V.intended(code)
                negated = False
            elif code.type in V.MATERIAL_CONFLICT:
                if negated:
                    return None
                code = V.threatened(code)
        code = self._by_whom(para, anchor, trig, code, source)
        # crowds that storm, block or burn are rioting, not attacking
        if (
            trig.kind == "verb"
            and code.cameo in ("171", "1711", "190", "191", "192")
            and _lemma(anchor) not in _LETHAL
            and self._crowd_subject(anchor)
        ):
            code = V.Code("PROTEST", "145", "riot", None)
        if "receive" in trig.flags:  # "received weapons from the government"
            givers = [
                a for c in anchor.children if c.dep_ == "prep" and c.lower_ == "from"
                for a in self._pobj_actors(para, c)
            ]  # fmt: skip
            source, target = givers, source
        location = self._location(para, trig)
        if "visit" in trig.flags:
            # a visit is to a place (its country hosts) or to a person or state
            visited = self._visited(para, trig)
            target = [a for a in target if self._kind(a) in ("person", "country")]
            if visited is not None:
                location = location or visited
                if visited.country and not target:
                    target = [visited.country]
            if not target:
                return None
        source, target = self._implicit_roles(code, trig, source, target, location)
        if not source and not (code.type == "ASSAULT" and target):
            return None
        if trig.kind == "obligation" and not target:
            return None  # "people must know ...": no one is asked
        if "target" in trig.flags and not target:
            return None
        date, basis = self._date(para, sent, trig)
        start = min(self._offset(para, t)[0] for t in trig.tokens)
        end = max(self._offset(para, t)[1] for t in trig.tokens)
        return _Mention(
            code, para, sent, sorted(trig.tokens, key=lambda t: t.i), tuple(source), tuple(target),
            negated, hedged, date, basis, location or self._dateline_location(), start, end,
        )  # fmt: skip

    def _by_whom(
        self, para: int, anchor: Token, trig: _Trigger, code: V.Code, source: list[str]
    ) -> V.Code:
        """Recode by who acts: military exercises of two states are joint (COOPERATE, CAMEO
        062); a "protest" lodged by a state, an official or an organisation is a
        complaint (ACCUSE 114), by a crowd a demonstration (PROTEST)."""
        countries = {c for c in (self._country_of(a) for a in source) if c}
        if code.type == "MOBILIZE" and code.cameo == "150" and len(countries) >= 2:
            return V.Code("COOPERATE", "062", None, "military")
        if trig.kind == "verb" and code.type == "PROTEST" and _lemma(anchor) == "protest":
            subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
            if (
                subject is not None
                and subject.lemma_.lower() not in V.CROWD
                and (
                    subject.ent_type_ in ("ORG", "GPE", "PERSON")
                    or any(self._kind(a) in ("organization", "person") for a in source)
                )
            ):
                return V.Code("ACCUSE", "114", "allege", "diplomatic")
        return code

    def _crowd_subject(self, verb: Token) -> bool:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child.lemma_.lower() in V.CROWD
        return False

    def _implicit_roles(
        self,
        code: V.Code,
        trig: _Trigger,
        source: list[str],
        target: list[str],
        location: Location | None,
    ) -> tuple[list[str], list[str]]:
        """Sources and targets the text leaves unsaid (see the module docstring)."""
        if "recip" in trig.flags and not target and len(source) >= 2:
            target = list(source)
        if not source and code.type == "RETREAT" and code.mode in ("disarm", "withdraw"):
            source, target = target, []  # "guerrillas have been demobilized": they disarmed
        unnamed = self._unnamed_agent(trig)
        if not source and (
            code.type == "PROTEST"
            or (("implicit" in trig.flags or code.type == "COERCE") and not unnamed)
        ):  # (an arrest "by the state" only when no one else is said to act)
            source = self._implicit_source(code, location, target)
        place = location.country if location is not None else None
        if code.type in ("PROTEST", "MOBILIZE", "CONSULT", "ASSAULT") and source and not target:
            # a protest is against the government of its place; a show of force, a meeting
            # or an attack abroad is addressed to the host (the place's country)
            home = {self._country_of(a) for a in source}
            if place and (code.type == "PROTEST" or place not in home):
                target = [place]
        if code.type == "ASSAULT" and not source and unnamed:
            return [], []  # "an earthquake struck", "the fire killed nine": no attacker
        if (
            code.type == "ASSAULT"
            and not source
            and target
            and place
            and place not in {self._country_of(a) for a in target}
        ):
            # victims known, attacker not: attacks on foreigners are coded to the host side
            # (the PLOVER and PETRARCH gold conventions); on nationals, left open
            source = [place]
        if code.type in ("PROTEST", *_DOMESTIC_TYPES) and source and not target:
            # protest with no addressee, repression with no named victim: the own country
            target = [c for c in (self._country_of(a) for a in source[:1]) if c]
        return source, target

    def _unnamed_agent(self, trig: _Trigger) -> bool:
        """Whether the clause names a doer that is no actor (a thing, a gerund, "people"),
        rather than leaving the doer out (a passive, a nominal event)."""
        if trig.kind not in ("verb", "support", "reversal") or self._passive(trig.anchor):
            return False
        for child in trig.anchor.children:
            if child.dep_ in ("nsubj", "csubj"):
                return not (
                    child.pos_ == "NOUN" and self._noun_frame(child, None, governed=True)
                )  # "a roadside bombing killed ...": the bombing names an attack
        return False

    def _implicit_source(
        self, code: V.Code, location: Location | None, target: list[str]
    ) -> list[str]:
        if location is not None and location.country:
            return [location.country]
        if code.type != "PROTEST":
            for actor in target:
                country = self._country_of(actor)
                if country and not lexicon.is_region_code(country):
                    return [country]
        return [self.home] if self.home else []

    # -- modality ----------------------------------------------------------------------------
    @staticmethod
    def _imperative(verb: Token) -> bool:
        """A bare verb heading a main or quoted clause with no subject: a command."""
        if verb.tag_ != "VB" or verb.pos_ != "VERB":
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            return False
        if any(c.dep_ == "aux" and c.lemma_ != "do" for c in verb.children):
            return False  # "will meet", "to meet"
        if verb.dep_ == "conj":
            return _Coder._imperative(verb.head)
        return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and _lemma(verb.head) in V.SAY_VERBS)

    @staticmethod
    def _conditional(tok: Token) -> bool:
        """Inside an "if"/"unless" clause (the clause itself, not the main clause)."""
        node = tok
        for _ in range(8):
            if any(c.dep_ == "mark" and c.lower_ in V.CONDITIONAL_MARKS for c in node.children):
                return True
            if node.dep_ in ("conj", "xcomp", "aux") or (
                node.pos_ in ("NOUN", "PROPN") and node.dep_ != "ROOT"
            ):
                node = node.head
            else:
                return False
        return False

    def _modality(self, anchor: Token, trig: _Trigger) -> tuple[bool, bool, bool, bool]:
        """(negated, hedged, future, obliged) of the clause carrying a trigger."""
        negated = hedged = future = obliged = False
        node = anchor
        chain = [anchor]
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            chain.append(node)
        for n in chain[:1]:
            for c in n.children:
                if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATORS):
                    negated = True
        if anchor.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ == "nor" for c in anchor.head.children
        ):
            negated = True
        if (
            trig.noun is not None
            and trig.kind in ("nominal", "happening", "support")
            and any(c.dep_ == "det" and c.lower_ == "no" for c in trig.noun.children)
        ):
            negated = True  # "no talks were held"
        for n in chain:
            for c in n.children:
                word = c.lower_
                if c.dep_ == "aux":
                    if c.lemma_ in V.FUTURE_AUX or word in V.FUTURE_AUX or word == "would":
                        future = True
                    elif word in V.HEDGE_MODALS:
                        hedged = True
                        # "may halt mediation" (not "may have halted"): a possible act to come
                        if word in V.POSSIBLE_FUTURE_MODALS and not any(
                            a.dep_ == "aux" and a.lower_ == "have" for a in n.children
                        ):
                            future = True
                    elif word in V.OBLIGATION_MODALS:
                        obliged = True
                if c.dep_ == "advmod" and word in V.HEDGE_ADVERBS:
                    hedged = True
        # the clause an infinitive or complement sits in
        node = chain[-1]
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                break
            lemma = _lemma(head)
            if node.dep_ == "xcomp":
                if (
                    lemma in V.INTENT_VERBS
                    or lemma in V.INTENT_ADJECTIVES
                    or (lemma == "go" and node.tag_ == "VB")
                ):
                    future = True
                elif lemma in V.NEGATIVE_INTENT_ADJECTIVES:
                    future = negated = True
                elif lemma == "fail":
                    negated = True
                elif lemma == "be" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in node.children
                ):
                    future = True
                elif (lemma in V.RAISING_VERBS and self._passive(head)) or lemma in (
                    "seem",
                    "appear",
                ):
                    hedged = True
                elif lemma in V.OBLIGATION_MODALS or (
                    lemma in ("have", "need") and node.tag_ == "VB"
                ):
                    obliged = True
                for c in head.children:
                    if c.dep_ == "aux" and (c.lemma_ in V.FUTURE_AUX or c.lower_ == "would"):
                        future = True
                    if c.dep_ == "neg" and lemma in V.INTENT_VERBS | V.INTENT_ADJECTIVES:
                        negated = True
                    if c.dep_ == "advmod" and c.lower_ in V.HEDGE_ADVERBS:
                        hedged = True
            elif node.dep_ == "ccomp":
                if lemma in V.HEDGE_VERBS:
                    hedged = True
                if lemma not in V.SAY_VERBS and lemma not in V.HEDGE_VERBS:
                    break
            elif node.dep_ not in ("conj", "advcl"):
                break
            node = head
        return negated, hedged, future, obliged

    # -- time --------------------------------------------------------------------------------
    def _chain(self, trig: _Trigger) -> list[Token]:
        """The trigger's words and the clauses that share its time, nearest first."""
        chain: list[Token] = list(trig.tokens)
        node = trig.anchor
        if node not in chain:
            chain.append(node)
        for _ in range(8):
            if node.pos_ in ("NOUN", "PROPN"):
                governor, _rel = self._governor(node)
                if governor is None:
                    break
                node = governor
            elif self._shares_time(node):
                node = node.head
            else:
                break
            if node in chain:
                break
            chain.append(node)
        return chain

    @staticmethod
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

    def _date(self, para: int, sent: Span, trig: _Trigger) -> tuple[str | None, str]:
        timex = self._attached_timex(para, sent, self._chain(trig), trig.anchor)
        if timex is not None:
            return timex.value, "timex"
        return self.published, "published"

    def _attached_timex(
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
            head = self._timex_head(sent, base, timex)
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

    @staticmethod
    def _timex_head(sent: Span, base: int, timex: Timex) -> Token | None:
        toks = [t for t in sent if timex.start <= base + t.idx < timex.end]
        if not toks:
            return None
        ids = {t.i for t in toks}
        for t in toks:
            if t.head.i not in ids or t.head.i == t.i:
                return t
        return toks[0]

    # -- place -------------------------------------------------------------------------------
    def _places_in(self, para: int, tok: Token) -> Location | None:
        start, end = self._offset(para, tok.left_edge)[0], self._offset(para, tok.right_edge)[1]
        i = bisect_left(self.entity_starts, start)
        while i < len(self.entities) and self.entities[i].start < end:
            e = self.entities[i]
            if e.label in ("GPE", "LOC", "FAC") and e.end <= end:
                place = geocode(e.text)
                if place is not None:
                    return place
            i += 1
        return None

    def _location(self, para: int, trig: _Trigger) -> Location | None:
        words = [*trig.tokens, trig.anchor]
        # "a roadside bombing near Samarra killed ...": the place of an event-noun subject;
        # "blocked streets in Hong Kong": the place of the object
        words += [
            c
            for c in trig.anchor.children
            if (c.dep_ == "nsubj" and self._event_noun(c)) or c.dep_ == "dobj"
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

    def _visited(self, para: int, trig: _Trigger) -> Location | None:
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

    def _dateline_location(self) -> Location | None:
        if not self._dateline_done:
            self._dateline_done = True
            if self.article.dateline:
                self._dateline = dateline_place(self.article.dateline)
        return self._dateline

    # -- dedup and records -------------------------------------------------------------------
    def _merge(self, mentions: list[_Mention]) -> list[Event]:
        groups: dict[tuple[str, frozenset[str], frozenset[str], bool], list[_Mention]] = {}
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
        merged: list[_Mention] = []
        for group in groups.values():
            dated = [m for m in group if m.basis == "timex"]
            kept: list[_Mention] = []
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
        return [self._event(m) for m in merged]

    def _event(self, m: _Mention) -> Event:
        mentions = tuple(sorted(m.mentions))
        first = mentions[0]
        actors = "|".join(sorted(m.source)) + ">" + "|".join(sorted(m.target))
        key = f"{self.article.id}|{m.code.type}|{actors}|{m.date}|{first[0]}-{first[1]}"
        start, end = first
        trigger = (
            self.article.body[start:end]
            if len(m.tokens) == 1
            else " ".join(t.text for t in m.tokens)
        )
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
            if actor not in known:
                known.add(actor)
                name = lexicon.country_name(actor) or actor
                kind = "group" if lexicon.is_region_code(actor) else "country"
                out.append(Actor(actor, name, kind, country=actor, aliases=(name,)))
    return tuple(out)
