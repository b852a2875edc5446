"""Matching the verb lexicon's frames (``lexicon/verbs.tsv``) against the parse.

Which words can be triggers at all (clause-heading verbs, event nouns that are no named
entity), and which frame of a verb or noun fits its sentence: the frame's particles and
prepositions must be there, its object must be of the right class, an actor-object frame
needs an actor as object.  A light verb ("held a phone call") or a reversal verb ("lifted
sanctions") yields to its noun, which carries the event.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.lexicon import verbs as V
from eventwire.stages.events.resolve import ActorResolver
from eventwire.stages.events.syntax import lemma_of, noun_phrase, objects_of

__all__ = ["is_event_noun", "is_noun", "is_verb", "noun_frame", "noun_rows", "verb_frame"]

# Content prepositions: a gerund under them is what another act is about ("accused X of
# prolonging", "blamed the West for triggering"), not an event of its own.
_CONTENT_PREPS = {"of", "for", "by", "in", "on", "against", "with", "from", "over", "about", "to",
                   "as"}  # fmt: skip
# Dependencies of a verb that heads a clause of its own (an act can be reported there).
_CLAUSE_HEAD_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp",
                     "parataxis", "csubj", "csubjpass"}  # fmt: skip
_NOT_EVENT_ENTITIES = {"ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PERSON", "GPE", "DATE",
                       "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}  # fmt: skip


def is_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
        return False
    if tok.pos_ != "ADJ" and tok.dep_ not in _CLAUSE_HEAD_DEPS:
        return False  # "Russian-backed rebels", "the deaths were 'crushing'", "provided"
    # not a gerund that is what another act is about: "accused X of prolonging"
    return not (tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in _CONTENT_PREPS)


def is_noun(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "compound" and tok.head.lemma_.lower() not in V.EVENT_HEADS:
        return False  # "peace talks" is talks; but "a mediation mission" is mediation
    return tok.ent_type_ not in _NOT_EVENT_ENTITIES  # "Organization", "March", "2022"


def verb_frame(resolver: ActorResolver, tok: Token) -> V.Frame | None:
    lemma = lemma_of(tok)
    if lemma in V.LIGHT_VERBS and _supports_noun(tok):
        return None  # "ordered an offensive", "held a phone call": the noun's event
    rows = V.frames("V", lemma) or (V.frames("V", tok.lower_) if tok.pos_ == "ADJ" else ())
    for frame in rows:
        if "intransitive" in frame.flags and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
            continue  # "it demonstrates that ...": showing, not protesting
        if "complement" in frame.flags and not _has_complement(tok):
            continue  # "Hataman agreed, saying ...": an opinion shared
        if (
            frame.actor_object
            and frame.code is not None
            and frame.code.type == "CONSULT"
            and any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in tok.children)
        ):
            continue  # "called D'Souza humble": naming, not a phone call
        if _verb_cue(resolver, tok, frame):
            if frame.code is None:
                return None
            if not frame.has_cue and _supports_noun(tok):
                return None  # "launched an investigation": the noun's event
            return frame
    return None


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


def _supports_noun(verb: Token) -> bool:
    if lemma_of(verb) not in V.LIGHT_VERBS and lemma_of(verb) not in V.REVERSAL_VERBS:
        return False
    return any(is_noun(o) and noun_rows(o) for o in objects_of(verb))


def _verb_cue(resolver: ActorResolver, tok: Token, frame: V.Frame) -> bool:
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
        objs = objects_of(tok, frame.all_words)
        if not any(_in_class(o, frame.objects) for o in objs):
            return False
    if frame.actor_object:
        objs = [o for o in objects_of(tok, frame.all_words) if o.dep_ != "nsubjpass"]
        objs += [g for c in tok.children if c.dep_ == "dative" for g in (c, *c.children)]
        para = resolver.para_of(tok)
        if not any(resolver.actors_in(para, noun_phrase(o, None)) for o in objs):
            return False
    return True


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


def is_event_noun(tok: Token) -> bool:
    """A noun that names an event on its own (not only under a support verb)."""
    return any("gov" not in f.flags for f in noun_rows(tok))


def noun_rows(tok: Token) -> tuple[V.Frame, ...]:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return ()
    return V.frames("N", tok.lemma_.lower()) or V.frames("N", tok.lower_)


def noun_frame(tok: Token, governor: Token | None, *, governed: bool) -> V.Frame | None:
    mods = {c.lower_ for c in tok.children} | {c.lemma_.lower() for c in tok.children}
    mods |= {g.lower_ for c in tok.children if c.dep_ == "compound" for g in c.children}
    mods |= {
        g.lemma_.lower()
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    }  # "a state of emergency"
    for frame in noun_rows(tok):
        if not all(group & mods for group in frame.words):
            continue
        if frame.governors and (governor is None or lemma_of(governor) not in frame.governors):
            continue
        if frame.objects and not any(_in_class(c, frame.objects) for c in tok.children):
            continue
        if frame.code is None:
            return None
        if "gov" in frame.flags and not governed:
            continue
        return frame
    return None
