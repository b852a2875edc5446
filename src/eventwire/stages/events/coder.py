"""The sentence loop: triggers, their arguments, modality, time and place, one mention each.

Ties the steps together for one article (the design notes are in the package docstring):
questions are skipped, contest verbs are dropped in sentences about sport or elections, a
trigger in a conditional or a command is not coded, an announced act is recoded (intended
cooperation AGREE, intended force THREATEN), and the implicit actors the text leaves
unsaid are filled in.  The mentions are then merged into events (``merge``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Span, Token

from eventwire import lexicon
from eventwire.lexicon import verbs as V
from eventwire.model import Event, Location, Quote, Timex
from eventwire.stages.actors import ActorIndex
from eventwire.stages.events.arguments import (
    charged_doer,
    nominal_actors,
    pobj_actors,
    subject_actors,
    target_actors,
)
from eventwire.stages.events.frames import is_event_noun, noun_frame
from eventwire.stages.events.merge import merge_mentions
from eventwire.stages.events.modality import is_conditional, is_imperative, read_modality
from eventwire.stages.events.records import Mention, Trigger
from eventwire.stages.events.resolve import LETHAL, ActorResolver
from eventwire.stages.events.sense import (
    IMPLICIT_ACTORS,
    UNIDENTIFIED,
    UNNAMED_AUTHORITIES,
    UNNAMED_PROTESTERS,
    harm_without_attack,
    is_irrealis,
    weapon_code,
    weapon_subject,
    weapon_triggers,
)
from eventwire.stages.events.stance import ALLEGED_TYPES, Reports
from eventwire.stages.events.syntax import is_passive, lemma_of, noun_phrase
from eventwire.stages.events.topic import SCORE, story_topic
from eventwire.stages.events.triggers import find_triggers
from eventwire.stages.events.when_where import WhenWhere
from eventwire.stages.nlp import Parsed

__all__ = ["code_events"]

# Ids of the actors the coder makes up for participants the text leaves unnamed.
IMPLICIT_PREFIXES = tuple(IMPLICIT_ACTORS)
# Things a verb of force can reach: places, targets, crossings (built once, not per call).
_CONCRETE = frozenset().union(*(V.NOUN_CLASSES[k] for k in ("PLACES", "TARGETS", "ACCESS")))
# Endings of English abstract nouns (Quirk et al. 1985, Appendix I: noun suffixes).
_ABSTRACT_SUFFIXES = ("ism", "ity", "ness", "tion", "sion", "ance", "ence", "ship", "hood")
# Sectors of the state, its armed opponents and political actors (PLOVER agent codes).
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "UAF", "IGO", "SPY", "ACT"}
)
# What a report of wrongdoing or of someone's act of force is: an accusation of crime or
# abuse (CAMEO 112).
_ALLEGATION = V.Code("ACCUSE", "112", "allege", None)
# Acts a state does to its own people when the text names no victim (repression).
_DOMESTIC_TYPES = {"COERCE"}


def code_events(
    parsed: Parsed,
    index: ActorIndex,
    timexes: Sequence[Timex],
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """The events of one parsed article, deduplicated, in reading order."""
    return _Coder(parsed, index, timexes, quotes).run()


class _Coder:
    """Codes the events of one article; holds what its sentences share."""

    def __init__(
        self,
        parsed: Parsed,
        index: ActorIndex,
        timexes: Sequence[Timex],
        quotes: Sequence[Quote] = (),
    ) -> None:
        self.parsed = parsed
        self.index = index
        self.article = parsed.article
        self.resolver = ActorResolver(parsed, index)
        self.reports = Reports(self.resolver, quotes)
        self.resolver.speaker_at = self._speaker_at
        self.when_where = WhenWhere(parsed, self.resolver, timexes)
        self.home = self._home_country()
        self.topic = story_topic(parsed)
        self.mentions: list[Mention] = []

    def _story_attacker(self, target: list[str]) -> list[str]:
        """The named attacker of the story's first attack, for a later agentless one told
        of the same assault ("an IT worker went on a stabbing spree ... The woman was
        killed in a stairwell"; "killed in the airstrike" after "the US carried out the
        airstrike"), unless the victims are that attacker, or the attacker is a state's
        force and the victims its own country's (an attack "on the United States Embassy"
        is not by the US forces of the story)."""
        # (a person's country is often only the story's: only institutions and states count)
        victims = set(target) | {
            self.resolver.country_of(a) for a in target if self.resolver.kind(a) != "person"
        } - {None}
        for mention in self.mentions:
            if mention.code.type == "ASSAULT" and mention.source:
                known = [a for a in mention.source if not a.startswith(IMPLICIT_PREFIXES)]
                own = {self.resolver.country_of(a) for a in known if self._of_state(a)}
                if known and not (set(known) | own) & victims:
                    return known
        return []

    def _of_state(self, actor: str) -> bool:
        record = self.index.by_id.get(actor)
        if self.resolver.kind(actor) == "country":
            return True
        return record is not None and record.sector in ("GOV", "MIL", "COP", "SPY")

    def run(self) -> list[Event]:
        mentions: list[Mention] = self.mentions
        for para, sent in self.parsed.sentences():
            self.resolver.note_subjects(para, sent)
            if sent.text.rstrip().rstrip("\"”’'").endswith("?"):
                continue  # a question asks; it does not report (PLOVER codes no hypotheticals)
            mentions.extend(self._sentence(para, sent))
        _paragraph_places(mentions)
        _scene_places(mentions)
        countries = {a.id: a.country for a in self.index.actors}
        ids = {a for m in mentions for a in (*m.source, *m.target)}
        unnamed = frozenset(a for a in ids if self.resolver.unnamed(a) or a in IMPLICIT_ACTORS)
        return merge_mentions(mentions, self.article, countries, unnamed)

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

    def _sentence(self, para: int, sent: Span) -> list[Mention]:
        contest = (
            self.topic.is_sport
            or bool(SCORE.search(sent.text))
            or any(t.lemma_.lower() in V.CONTEST_CUES for t in sent)
        )
        triggers = weapon_triggers(sent, find_triggers(self.resolver, sent))
        out: list[Mention] = []
        for trig in triggers:
            if contest and "sport" in trig.flags:
                continue
            mention = self._code(para, sent, trig)
            if mention is not None:
                out.append(mention)
                out.extend(a for a in self._alleged(para, trig, mention) if not _said(a, out))
        out.extend(self._reported_wrongdoing(para, sent, out))
        return out

    def _reported_wrongdoing(self, para: int, sent: Span, coded: list[Mention]) -> list[Mention]:
        """An actor said by someone else to have done wrong accuses it: "members of
        Congress have abused their power", Cruz said (ACCUSE 112, from the speaker).  The
        narrator's own "the company misled investors" is no act of anyone's."""
        out: list[Mention] = []
        accusing = {(m.source, m.sentence.start) for m in coded if m.code.type == "ACCUSE"}
        for tok in sent:
            if tok.pos_ != "VERB" or lemma_of(tok) not in V.WRONGDOING_VERBS:
                continue
            trig = Trigger(_ALLEGATION, frozenset(), [tok], tok, "verb")
            if is_conditional(tok) or is_irrealis(tok) or is_imperative(tok):
                continue
            negated, _, future, obliged = read_modality(tok, trig)
            if negated or future or obliged:
                continue
            speakers = self.reports.speakers(para, tok)
            doers = [
                a
                for a in subject_actors(self.resolver, para, tok)
                if not a.startswith(IMPLICIT_PREFIXES) and a not in speakers
            ]
            accusers = tuple(self.reports.critics(speakers, doers)) if doers else ()
            if not accusers or (accusers, sent.start) in accusing:
                continue
            accusing.add((accusers, sent.start))
            date, basis = self.when_where.date(para, sent, trig)
            start, end = self.resolver.offset(para, tok)
            place = self.when_where.sentence_location(para, sent, trig)
            accusation = Mention(
                _ALLEGATION, para, sent, [tok], accusers, tuple(doers), False, False,
                date, basis, place, start, end,
            )  # fmt: skip
            out.append(accusation)
        return out

    # -- coding one trigger --------------------------------------------------------------------
    def _code(self, para: int, sent: Span, trig: Trigger) -> Mention | None:
        anchor = trig.anchor
        if is_conditional(anchor) or (trig.noun is not None and is_conditional(trig.noun)):
            return None
        if is_irrealis(anchor) or (trig.noun is not None and is_irrealis(trig.noun)):
            return None  # "a plot to kill", "plans to attack", "a bill that would have allowed"
        code = trig.code
        if code.type == "PROTEST" and trig.kind == "verb" and is_passive(anchor):
            return None  # "no drugs have been demonstrated suitable": shown, not protested
        source: list[str]
        target: list[str]
        weapon = weapon_subject(anchor) if trig.kind == "verb" else None
        if weapon is not None:
            # "a Russian missile slammed into a building": an attack by the weapon's owner
            code = weapon_code(weapon)
            source = self.resolver.actors_in(para, noun_phrase(weapon, None))
            target = target_actors(self.resolver, para, anchor, trig, frozenset(source))
            if not target:
                target = [
                    a
                    for c in anchor.children
                    if c.dep_ == "prep" and c.lower_ in ("into", "on", "at", "near", "in")
                    for a in pobj_actors(self.resolver, para, c)
                ]  # fmt: skip
            source = source or [UNIDENTIFIED]
        elif trig.kind in ("verb", "support", "reversal", "obligation"):
            source = subject_actors(self.resolver, para, anchor)
            if trig.kind == "obligation":
                assert trig.noun is not None
                target = subject_actors(self.resolver, para, trig.noun)
            else:
                target = target_actors(self.resolver, para, anchor, trig, frozenset(source))
            if trig.kind in ("support", "reversal") and trig.noun is not None:
                own_source, own_target = nominal_actors(self.resolver, para, trig.noun, code)
                target = target or own_target
                if not source and not any(c.dep_ == "nsubj" for c in anchor.children):
                    source = own_source  # "sanctions were imposed": the noun's own agent
        elif trig.kind == "adjunct":
            assert trig.noun is not None
            own_source, own_target = nominal_actors(self.resolver, para, trig.noun, code)
            source = own_source or subject_actors(self.resolver, para, anchor)
            verbal = Trigger(code, trig.flags, [anchor], anchor, "verb")
            target = own_target or target_actors(
                self.resolver, para, anchor, verbal, frozenset(source)
            )
        else:
            assert trig.noun is not None
            source, target = nominal_actors(self.resolver, para, trig.noun, code)
            if trig.kind == "nominal" and not (
                self.when_where.attached_timex(para, sent, [trig.noun])
                or self.when_where.location(
                    para, Trigger(code, trig.flags, [trig.noun], trig.noun, "nominal")
                )
            ):
                return None  # "Russia's war" mentioned, not reported: no time, no place
        if is_imperative(anchor):
            return None  # "don't hold workers hostage", "show it again": urged, not done
        negated, hedged, future, obliged = read_modality(anchor, trig)
        charged = charged_doer(anchor)
        if charged is not None and lemma_of(charged.head) in ("accuse", "charge", "suspect"):
            hedged = True  # "is accused of shooting": an allegation
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
            and lemma_of(anchor) not in LETHAL
            and "patient" not in trig.flags  # "four protesters died": victims, not rioters
            and _crowd_subject(anchor)
        ):
            code = V.Code("PROTEST", "145", "riot", None)
        if "patient" in trig.flags:  # "four protesters died from gunfire": the victims
            by = [c for c in anchor.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
            by += [g for c in anchor.children for g in c.children if g.lower_ == "by"]
            agents = [a for prep in by for a in pobj_actors(self.resolver, para, prep)]
            source, target = agents, source
        if "receive" in trig.flags:  # "received weapons from the government"
            givers = [
                a for c in anchor.children if c.dep_ == "prep" and c.lower_ == "from"
                for a in pobj_actors(self.resolver, para, c)
            ]  # fmt: skip
            source, target = givers, source
        location = self.when_where.location(para, trig)
        if "visit" in trig.flags:
            # a visit is to a place (its country hosts) or to a person or state
            visited = self.when_where.visited(para, trig)
            target = [a for a in target if self.resolver.kind(a) in ("person", "country")]
            if visited is not None:
                location = location or visited
                if visited.country and not target:
                    target = [visited.country]
            if not target:
                return None
        if "target" in trig.flags and not target:
            return None  # "the crowds dispersed": no one was dispersed
        if code.type == "ASSAULT" and not target and weapon is None and _abstract_object(trig):
            return None  # "fighting corruption", "attacked the idea": a metaphor
        if "recip" not in trig.flags and len(source) == 1:
            # no one is their own target (a leader beside his country may address its people:
            # "Khamenei urged Iranians")
            target = [a for a in target if a not in source]
        said_source, said_target = tuple(source), tuple(target)
        source, target = self._implicit_roles(code, trig, source, target, location)
        implied = frozenset(
            role
            for role, before, after in (
                ("source", said_source, source),
                ("target", said_target, target),
            )
            if tuple(after) != before
        )
        if (
            code.type == "ASSAULT"
            and source
            and weapon is None
            and harm_without_attack(trig, sent, self.topic, agentless=False)
        ):
            return None  # a driver who "struck a group, killing seven": a crash
        if code.type == "ASSAULT" and not source:
            if harm_without_attack(trig, sent, self.topic):
                return None  # "killed in a plane crash", "were injured" with no attack in sight
            source = self._story_attacker(target)
            noun = trig.noun.lemma_.lower() if trig.noun is not None else ""
            patient = is_passive(anchor) and _names_patient(trig)  # "shops were looted"
            if not source and (target or noun in V.ATTACK_CUES or patient):
                if not target and location is not None and location.country:
                    target = [location.country]  # property of the place's people
                # an attack with no stated agent: PLOVER's UAF, of the place's country
                country = location.country if location is not None else None
                unknown = f"{UNIDENTIFIED}-{country.lower()}" if country else UNIDENTIFIED
                source = [unknown]
        if code.type == "MOBILIZE" and self.topic.is_disaster and not target:
            return None  # rescuers mobilised: a disaster, not a show of force
        if not source:
            return None
        if trig.kind == "obligation" and not target:
            return None  # "people must know ...": no one is asked
        if "target" in trig.flags and not target:
            return None
        if self.topic.is_nonpolitical and not self._political(code, source, target):
            return None  # a science, business or culture story: "collaborating", "hosts"
        date, basis = self.when_where.date(para, sent, trig)
        if future and basis in ("paragraph", "lead"):
            # an intent is dated by its report, not by an earlier sentence's act
            date, basis = self.when_where.published, "published"
        start = min(self.resolver.offset(para, t)[0] for t in trig.tokens)
        end = max(self.resolver.offset(para, t)[1] for t in trig.tokens)
        return Mention(
            code, para, sent, sorted(trig.tokens, key=lambda t: t.i),
            tuple(source), tuple(target), negated, hedged, date, basis,
            location or self.when_where.sentence_location(para, sent, trig), start, end,
            implied=implied,
        )  # fmt: skip

    def _political(self, code: V.Code, source: list[str], target: list[str]) -> bool:
        """In a story mostly about science, business, culture or sport, only force or
        protest that involves the state or its opponents is an event."""
        if code.type not in ("ASSAULT", "COERCE", "PROTEST", "SANCTION"):
            return False
        for actor in (*source, *target):
            record = self.index.by_id.get(actor)
            if self.resolver.kind(actor) == "country" or actor.startswith(IMPLICIT_PREFIXES):
                return True
            if record is not None and record.sector in POLITICAL_SECTORS:
                return True
        return False

    def _speaker_at(self, para: int, tok: Token) -> str | None:
        """The speaker of the quote a first-person pronoun is in ("I urge my colleagues")."""
        quote = self.reports.quote_at(self.resolver.offset(para, tok)[0])
        return quote.speaker_actor if quote is not None else None

    def _alleged(self, para: int, trig: Trigger, mention: Mention) -> list[Mention]:
        """A reported act of force is an allegation (hedged), and the report is the
        speaker's accusation of the doer (see ``stance``)."""
        if mention.code.type not in ALLEGED_TYPES or mention.negated:
            return []
        speakers = self.reports.speakers(para, trig.anchor)
        if not speakers:
            return []
        doers = self.reports.accused(
            [a for a in mention.source if not a.startswith(IMPLICIT_PREFIXES)]
        )
        accusers = self.reports.accuser(speakers, mention.source)
        outlets = [s for s in speakers if self.reports.is_outlet(s)]
        if len(accusers) + len(outlets) < len(speakers):
            return []  # the doer reports its own act ("police said they arrested 20")
        mention.hedged = True  # an outlet's report too: it reports, it does not accuse
        if not doers or not accusers:
            return []
        return [
            Mention(
                _ALLEGATION, para, mention.sentence, mention.tokens, tuple(accusers),
                tuple(doers), False, False, mention.date, mention.basis, mention.location,
                mention.start, mention.end,
            )
        ]  # fmt: skip

    def _by_whom(
        self, para: int, anchor: Token, trig: Trigger, code: V.Code, source: list[str]
    ) -> V.Code:
        """Recode by who acts: military exercises of two states are joint (COOPERATE, CAMEO
        062); a "protest" lodged by a state, an official or an organisation is a
        complaint (ACCUSE 114), by a crowd a demonstration (PROTEST)."""
        countries = {c for c in (self.resolver.country_of(a) for a in source) if c}
        if code.type == "MOBILIZE" and code.cameo == "150" and len(countries) >= 2:
            return V.Code("COOPERATE", "062", None, "military")
        if trig.kind == "verb" and code.type == "PROTEST" and lemma_of(anchor) == "protest":
            subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
            if (
                subject is not None
                and subject.lemma_.lower() not in V.CROWD
                and (
                    subject.ent_type_ in ("ORG", "GPE", "PERSON")
                    or any(self.resolver.kind(a) in ("organization", "person") for a in source)
                )
            ):
                return V.Code("ACCUSE", "114", "allege", "diplomatic")
        return code

    def _implicit_roles(
        self,
        code: V.Code,
        trig: Trigger,
        source: list[str],
        target: list[str],
        location: Location | None,
    ) -> tuple[list[str], list[str]]:
        """Sources and targets the text leaves unsaid (see the package docstring)."""
        if "recip" in trig.flags and not target and len(source) >= 2:
            target = list(source)
        if not source and code.type == "RETREAT" and code.mode in ("disarm", "withdraw"):
            source, target = target, []  # "guerrillas have been demobilized": they disarmed
        unnamed = _unnamed_agent(trig)
        if not source and (
            code.type == "PROTEST"
            or (("implicit" in trig.flags or code.type == "COERCE") and not unnamed)
        ):  # (an arrest "by the state" only when no one else is said to act)
            source = self._implicit_source(code, location, target)
        place = location.country if location is not None else None
        if code.type in ("PROTEST", "MOBILIZE", "CONSULT", "ASSAULT") and source and not target:
            # a protest is against the government of its place; a show of force, a meeting
            # or an attack abroad is addressed to the host (the place's country)
            home = {self.resolver.country_of(a) for a in source}
            if place and (code.type == "PROTEST" or place not in home):
                target = [place]
        if code.type == "ASSAULT" and not source and unnamed:
            return [], []  # "an earthquake struck", "the fire killed nine": no attacker
        if (
            code.type in ("PROTEST", *_DOMESTIC_TYPES)
            and source
            and not target
            and (code.type == "PROTEST" or not _names_patient(trig))
        ):
            # protest with no addressee, repression with no named victim: the own country
            target = [c for c in (self.resolver.country_of(a) for a in source[:1]) if c]
        return source, target

    def _implicit_source(
        self, code: V.Code, location: Location | None, target: list[str]
    ) -> list[str]:
        if location is not None and location.country:
            return [location.country]
        if code.type != "PROTEST":
            for actor in target:
                country = self.resolver.country_of(actor)
                if country and not lexicon.is_region_code(country):
                    return [country]
        if self.home:
            return [self.home]
        # no country in sight: the unnamed state that arrests, the unnamed crowd that protests
        return [UNNAMED_PROTESTERS if code.type == "PROTEST" else UNNAMED_AUTHORITIES]


def _said(accusation: Mention, coded: list[Mention]) -> bool:
    """Whether the speaker's stance toward the doer is coded in the sentence already
    ("I strongly reject the new US measure that bans flights": the rejection)."""
    return any(
        m.code.type in ("ACCUSE", "REJECT")
        and m.sentence.start == accusation.sentence.start
        and set(accusation.source) <= set(m.source)
        and set(accusation.target) & set(m.target)
        for m in coded
    )


def _abstract_object(trig: Trigger) -> bool:
    """Whether a verb of force has an object that no force can reach: "fighting
    corruption", "attacked the idea", "battle extremism" (a listed abstract noun, or one
    formed as an abstract noun is: -ism, -ity, -ness, -tion ...), not a person, group,
    place or thing."""
    if trig.kind != "verb":
        return False
    for child in trig.anchor.children:
        if child.dep_ != "dobj" or child.pos_ != "NOUN" or child.ent_type_:
            continue
        lemma = child.lemma_.lower()
        if lemma in _CONCRETE or lexicon.role_sector(child.text) is not None:
            return False
        return lemma in V.ABSTRACT_TARGETS or lemma.endswith(_ABSTRACT_SUFFIXES)
    return False


def _paragraph_places(mentions: list[Mention]) -> None:
    """An event whose clause and sentence name no place happened where the nearest event
    of its paragraph did ("Protesters clashed with police in Belgrade. They threw rocks
    and bottles."): a paragraph tells one scene."""
    located = [m for m in mentions if m.location is not None]
    for m in mentions:
        if m.location is None:
            near = [k for k in located if k.para == m.para]
            if near:
                m.location = min(near, key=lambda k: abs(k.start - m.start)).location


# Acts that happen at a scene (not statements, which are made wherever the speaker is).
_SCENE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


def _scene_places(mentions: list[Mention]) -> None:
    """An act of the day the story's opening scene happened, told later with no place of
    its own, happened there ("Police arrested twenty people" after "Supporters rallied
    in Washington on Saturday"): a story tells its day's scene first, as a dateline sets
    a wire story's place.  Only acts dated to that same day, from the text or, for acts
    of a scene, by the story's own date."""
    opening = next((m for m in mentions if m.location is not None and m.para <= 1), None)
    if opening is None or opening.date is None or len(opening.date) != 10:
        return
    for m in mentions:
        if m.location is not None or m.date != opening.date:
            continue
        if m.basis != "published" or m.code.type in _SCENE_TYPES:
            m.location = opening.location


def _names_patient(trig: Trigger) -> bool:
    """Whether the clause names who suffers the act, though as no actor ("Crystal Munoz
    was sentenced", "detained the alleged shooter"): then the state is not its own target."""
    return any(
        c.dep_ in ("nsubjpass", "dobj")
        and (trig.noun is None or c.i != trig.noun.i)
        and not is_event_noun(c)
        and c.pos_ in ("NOUN", "PROPN")
        for c in trig.anchor.children
    )


def _crowd_subject(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child.lemma_.lower() in V.CROWD
    return False


def _unnamed_agent(trig: Trigger) -> bool:
    """Whether the clause names a doer that is no actor (a thing, a gerund, "people"),
    rather than leaving the doer out (a passive, a nominal event)."""
    if trig.kind not in ("verb", "support", "reversal") or "patient" in trig.flags:
        return False  # "four protesters died": the subject is the victim
    if is_passive(trig.anchor):
        # "was prosecuted by Safework NSW": a doer is named, though no actor was found
        return any(c.dep_ == "agent" for c in trig.anchor.children)
    for child in trig.anchor.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in ("that", "which") and trig.anchor.dep_ == "relcl":
                child = trig.anchor.head  # "an attack that killed 400": the attack
            return not (
                child.pos_ == "NOUN" and noun_frame(child, None, governed=True)
            )  # "a roadside bombing killed ...": the bombing names an attack
    return False
