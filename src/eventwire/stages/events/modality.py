"""How an act is told: negated, hedged, announced for the future, obliged, commanded, or
supposed.

Coded the PLOVER way: "has never denounced", "nor called for" and "no talks" are negated;
"reportedly", "is believed to", "allies believe that ..." and may/might/could/can hedge;
"will visit", "threatened to strike", "is ready to send" and "may halt" announce an act
to come (the coder turns those into AGREE or THREATEN); "must"/"have to" oblige.  Acts in
"if"/"unless" clauses and in commands ("don't hold workers hostage") are not reported at
all.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.lexicon import verbs as V
from eventwire.stages.events.records import Trigger
from eventwire.stages.events.syntax import is_passive, lemma_of

__all__ = ["is_conditional", "is_imperative", "read_modality"]

_NEGATORS = {"not", "never", "n't", "no"}


def is_imperative(verb: Token) -> bool:
    """A bare verb heading a main or quoted clause with no subject: a command."""
    if verb.tag_ != "VB" or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_ != "do" for c in verb.children):
        return False  # "will meet", "to meet"
    if verb.dep_ == "conj":
        return is_imperative(verb.head)
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and lemma_of(verb.head) in V.SAY_VERBS)


def is_conditional(tok: Token) -> bool:
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


def read_modality(anchor: Token, trig: Trigger) -> tuple[bool, bool, bool, bool]:
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
    if anchor.dep_ == "pcomp" and anchor.head.lower_ == "without":
        negated = True  # "they left without firing a shot"
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
        lemma = lemma_of(head)
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
            elif lemma == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                future = True
            elif (lemma in V.RAISING_VERBS and is_passive(head)) or lemma in (
                "seem",
                "appear",
            ):
                hedged = True
            elif lemma in V.OBLIGATION_MODALS or (lemma in ("have", "need") and node.tag_ == "VB"):
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
