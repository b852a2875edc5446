"""Reading the dependency parse: verb lemmas, the passive, objects, noun phrases, governors.

These are the parse-walking helpers every step of the coder shares.  None of them knows
about actors or events, only about tokens: they answer "what are this verb's objects?" or
"which words make up this argument?", so that the event-specific modules read as rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Token

from eventwire.lexicon import verbs as V

__all__ = [
    "clause_verb",
    "governor_of",
    "is_passive",
    "lemma_of",
    "noun_phrase",
    "objects_of",
    "phrase_head",
]

# Dependency relations that start a clause of its own inside an argument: its actors are
# not the argument's ("the activist, who was arrested by police").
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj", "xcomp"}
# Prepositions that stay inside an argument noun phrase ("many of Ukraine's allies",
# "officials from 30 countries"); others set a scene ("the commander in Iraq").
_ARGUMENT_PREPS = {"of", "from", "including", "among", "like", "with", "between"}
# Nouns that quantify or frame another ("a flurry of meetings", "a wave of protests").
_FRAME_NOUNS = {"flurry", "series", "round", "wave", "spate", "string", "number", "host",
                "raft", "slew", "campaign", "day", "week", "month", "year"}  # fmt: skip
_GOVERNED_DEPS = {"dobj", "obj", "nsubj", "nsubjpass", "attr", "oprd", "dative"}


@cache
def _known_verbs() -> frozenset[str]:
    words = {lemma for kind, lemma in V.lemmas() if kind == "V"}
    for group in (V.LIGHT_VERBS, V.REVERSAL_VERBS, V.SAY_VERBS, V.HAPPEN_VERBS, V.INTENT_VERBS,
                  V.HEDGE_VERBS, V.RAISING_VERBS, V.REALIS_XCOMP):  # fmt: skip
        words |= group
    return frozenset(words)


def lemma_of(tok: Token) -> str:
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


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    # "was arrested and charged": a bare participle joined to a passive verb
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        and is_passive(verb.head)
    )


def objects_of(verb: Token, preps: Iterable[str] = ()) -> list[Token]:
    """Direct objects (or the passive subject) and objects of the given prepositions."""
    out = []
    passive = is_passive(verb)
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


def noun_phrase(head: Token, exclude: Token | None, *, places: bool = False) -> Iterable[Token]:
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
            if child.dep_ in ("amod", "compound") and child.tag_ == "VBN" and child.lower_ != "led":
                continue  # "Rwanda-backed rebels", "US-based group": a relation, not who
            if child.dep_ == "prep" and child.lower_ not in preps and not _such_as(child):
                continue
            if child.dep_ in ("punct", "cc") and child.i > head.i and tok is head:
                continue
            stack.append(child)


def _such_as(prep: Token) -> bool:
    """ "allies such as Germany": the examples are the phrase's members."""
    return prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)


def phrase_head(noun: Token) -> Token:
    """ "mediation" in "a mediation mission" stands for the phrase headed by "mission"."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in V.EVENT_HEADS:
        return noun.head
    return noun


def governor_of(noun: Token) -> tuple[Token | None, str]:
    """The verb a noun is an argument of and how: ("held", "dobj"), ("during", ...)."""
    tok = phrase_head(noun)
    while tok.dep_ in ("conj", "appos") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    while tok.dep_ == "pobj" and tok.head.head.lemma_ in _FRAME_NOUNS and tok.head.lower_ == "of":
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


def clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a word is in; a reported clause's reporting verb."""
    node = tok
    for _ in range(12):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if node.dep_ == "ccomp" and lemma_of(node.head) in V.SAY_VERBS:
                return node.head
            return node
    return None
