"""Event nouns as triggers: "talks with Iran", "held a phone call", "lifted sanctions".

How a noun's event is reported depends on what governs it: a support verb carries it
("held talks"), a reversal verb turns it round ("lifted sanctions" is a de-escalation), a
"happen" verb or "there was" reports it, "claimed responsibility for" names its author,
"during talks" sets another act's scene.  A noun that is the object of another trigger is
that trigger's content, not an event ("denounced Russia's war"), and a scare-quoted one is
someone's word ('a "war" on drugs').
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.lexicon import verbs as V
from eventwire.stages.events.frames import noun_frame, noun_rows
from eventwire.stages.events.records import Trigger
from eventwire.stages.events.syntax import clause_verb, governor_of, lemma_of

__all__ = ["nominal_trigger"]

_EVENT_PREPS_OF_NOUNS = {"during", "at", "in", "amid", "amidst", "for"}
# Verbs whose "in"/"on" object is an act the subject takes part in.
_PARTICIPATION_VERBS = {"engage", "participate", "join", "take", "embark", "go", "enter",
                        "gather", "assemble", "march", "rally", "converge", "turn"}  # fmt: skip
# Verbs that name or judge their object when they have a complement ("called the
# agreements null and void", "declared the vote invalid").
_NAMING = {"call", "declare", "deem", "consider", "describe", "label", "brand", "term", "name"}
_QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}


def nominal_trigger(
    noun: Token, verb_frames: dict[int, V.Frame], consumed: set[int]
) -> Trigger | None:
    if not noun_rows(noun) or _scare_quoted(noun):
        return None
    governor, rel = governor_of(noun)
    gov_lemma = lemma_of(governor) if governor is not None else ""
    if governor is not None and governor.i in verb_frames:
        return None  # the content of another act: "denounced Russia's war"
    claimant = _claimant(noun, governor, rel)
    if claimant is not None:  # "claimed responsibility for the attack": the attacker
        frame = noun_frame(noun, claimant, governed=True)
        if frame is not None and frame.code is not None:
            return Trigger(frame.code, frame.flags, [claimant, noun], claimant, "support", noun)
    governed_rel = rel in ("dobj", "obj", "nsubjpass", "attr") or (
        rel in ("prep:on", "prep:in") and gov_lemma in _PARTICIPATION_VERBS
    )  # "took part in protests", "embarked on a flurry of meetings"
    if governor is not None and any(
        c.dep_ in ("oprd", "acomp")
        or (c.dep_ in ("xcomp", "ccomp") and gov_lemma in _NAMING)
        or (gov_lemma in _NAMING and c.i > noun.i and _scare_quoted(c))
        for c in governor.children
    ):
        governed_rel = False  # "called the deal 'lousy'": naming, not dealing
    if governor is not None and governed_rel:
        particle = V.REVERSAL_PARTICLES.get(gov_lemma)
        reversing = gov_lemma in V.REVERSAL_VERBS or (
            particle is not None and any(c.lower_ == particle for c in governor.children)
        )
        if reversing:
            frame = noun_frame(noun, governor, governed=True)
            if frame is None or frame.code is None:
                return None
            code = V.reversed_code(frame.code)
            if code is None:
                return None
            return Trigger(
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
            frame = noun_frame(noun, governor, governed=True)
            if frame is None or frame.code is None:
                return None
            return Trigger(frame.code, frame.flags, [governor, noun], governor, "support", noun)
    frame = noun_frame(noun, governor, governed=False)
    if frame is None or frame.code is None:
        return None
    if governor is not None and rel in ("nsubj",) and gov_lemma in V.HAPPEN_VERBS:
        return Trigger(frame.code, frame.flags, [noun], governor, "happening", noun)
    if (
        governor is not None
        and rel == "attr"
        and gov_lemma == "be"
        and any(c.dep_ == "expl" for c in governor.children)
    ):
        return Trigger(frame.code, frame.flags, [noun], governor, "happening", noun)
    if (
        rel.startswith("prep:")
        and rel[5:] in _EVENT_PREPS_OF_NOUNS
        and frame.code.type == "CONSULT"
    ):
        verb = governor
        if verb is None and rel in ("prep:during", "prep:amid"):
            verb = clause_verb(noun)  # "told X ... during talks in Beijing"
        if verb is not None:
            return Trigger(frame.code, frame.flags, [noun], verb, "adjunct", noun)
    if frame.governors:
        return Trigger(
            frame.code,
            frame.flags,
            [governor, noun] if governor else [noun],
            governor or noun,
            "support",
            noun,
        )
    return Trigger(frame.code, frame.flags, [noun], noun, "nominal", noun)


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
    return verb if lemma_of(verb) in ("claim", "accept", "admit", "take", "bear") else None


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
