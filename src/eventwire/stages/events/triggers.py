"""Finding the triggers of a sentence and settling how they combine.

A trigger is a verb or event noun of the lexicon with a frame that fits (see ``frames``).
Triggers combine: an absorbing verb takes over the act it is about ("threatened to strike"
is THREATEN with the strike's CAMEO code, "agreed to lift sanctions" an intended
de-escalation), and the act it absorbed is no event of its own; an obligation reported by a
speaker ("Russia said Sudan must return a helicopter") is the speaker's REQUEST.  Event
nouns are found in ``nominals``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.lexicon import verbs as V
from eventwire.stages.events.frames import (
    is_noun,
    is_verb,
    noun_frame,
    noun_rows,
    verb_frame,
)
from eventwire.stages.events.nominals import nominal_trigger
from eventwire.stages.events.records import Trigger
from eventwire.stages.events.resolve import ActorResolver
from eventwire.stages.events.syntax import lemma_of, objects_of

__all__ = ["find_triggers"]


def find_triggers(resolver: ActorResolver, sent: Span) -> list[Trigger]:
    """The triggers of a sentence: reported obligations first, then the rest in reading order."""
    verb_frames: dict[int, V.Frame] = {}
    for tok in sent:
        if is_verb(tok):
            frame = verb_frame(resolver, tok) or _naming_frame(tok) or _ruling_frame(tok)
            if frame is not None:
                verb_frames[tok.i] = frame
    consumed: set[int] = set()
    out: list[Trigger] = []
    obligations = [
        trig
        for tok in sent
        if lemma_of(tok) in V.SAY_VERBS and tok.pos_ == "VERB"
        for trig in _obligations(tok, verb_frames, consumed)
    ]
    # absorbing verbs take over their infinitive or event-noun object
    refined: dict[int, tuple[V.Code, Token]] = {}
    for i, frame in verb_frames.items():
        assert frame.code is not None
        if "absorb" in frame.flags:
            comp = _complement(sent.doc[i], frame)
            if comp is not None:
                consumed.add(comp.i)
                if frame.code.type == "REJECT" and lemma_of(comp) in V.COMMENT_VERBS:
                    consumed.add(i)  # "declined to comment": no comment, no rejection
                    continue
                act = _act_of(resolver, comp, verb_frames)
                if act is not None:
                    refined[i] = (_absorb(sent.doc[i], frame.code, act), comp)
    for tok in sent:
        if tok.i in consumed:
            continue
        if tok.i in verb_frames:
            frame = verb_frames[tok.i]
            assert frame.code is not None
            code, comp = refined.get(tok.i, (frame.code, None))
            toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
            out.append(Trigger(code, frame.flags, toks, tok, "verb", comp, frame.all_words))
        elif is_noun(tok):
            trig = nominal_trigger(tok, verb_frames, consumed)
            if trig is not None and trig.anchor.i not in consumed:
                out.append(trig)  # (not "halt cooperation" inside "warned it would ...")
    return obligations + out


# -- naming: praise and criticism -------------------------------------------------------------
_PRAISE = V.Code("SUPPORT", "051", None, None)
_CRITICISM = V.Code("ACCUSE", "111", "disapprove", None)


def _naming_frame(verb: Token) -> V.Frame | None:
    """ "called Biden a decent man" (praise), "called the deal lousy", "described the
    strike as an aggression" (criticism): what a naming verb applies decides."""
    if lemma_of(verb) not in V.NAMING_VERBS:
        return None
    named = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")]
    small_clause = any(g.dep_ in ("nsubj", "npadvmod") for n in named for g in n.children)
    if not small_clause and not any(c.dep_ == "dobj" for c in verb.children):
        return None  # "called for", "called on": not naming anyone
    named += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    words = {
        t.lemma_.lower()
        for n in named
        for t in (n, *(c for c in n.children if c.dep_ in ("amod", "compound", "acomp")))
    }
    if any(c.dep_ == "neg" for n in named for c in n.children):
        return None  # "called it not unreasonable": leave the litotes alone
    code = _CRITICISM if words & V.CRITICISM_WORDS else _PRAISE if words & V.PRAISE_WORDS else None
    if code is None:
        return None
    return V.Frame("V", lemma_of(verb), (), frozenset(), frozenset(), False, code, frozenset())


_RULING = V.Code("REJECT", "120", None, "legal")


def _ruling_frame(verb: Token) -> V.Frame | None:
    """A court that finds someone did wrong rules against them: "the Wisconsin Supreme
    Court ruled Evers lacked authority", "the judge found the ban unlawful"."""
    if lemma_of(verb) not in V.RULING_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(t.lemma_.lower() in V.COURT_WORDS for s in subjects for t in s.subtree):
        return None
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "oprd", "xcomp"):
            continue
        words = {clause.lemma_.lower()} | {
            c.lemma_.lower() for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")
        }
        negated = any(c.dep_ == "neg" for c in clause.children)
        if bool(words & V.ADVERSE_FINDINGS) != negated:  # "not guilty" is no finding against
            return V.Frame("V", lemma_of(verb), (), frozenset(), frozenset(), False, _RULING,
                           frozenset({"ccomp"}))  # fmt: skip
    return None


# -- absorbing verbs ---------------------------------------------------------------------------


def _complement(verb: Token, frame: V.Frame) -> Token | None:
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
    for obj in objects_of(verb, frame.all_words | {"for", "on"}):
        if noun_rows(obj):
            return obj
    return None


def _act_of(resolver: ActorResolver, comp: Token, verb_frames: dict[int, V.Frame]) -> V.Code | None:
    if comp.i in verb_frames:
        return verb_frames[comp.i].code
    if comp.pos_ in ("VERB", "AUX"):
        frame = verb_frame(resolver, comp)
        if frame is None:
            for obj in objects_of(comp):  # "to lift embargoes", "to hold talks"
                nf = noun_frame(obj, comp, governed=True)
                if nf is not None and nf.code is not None:
                    lemma = lemma_of(comp)
                    if lemma in V.REVERSAL_VERBS:
                        return V.reversed_code(nf.code)
                    if lemma in V.LIGHT_VERBS:
                        return nf.code
            return None
        return frame.code
    nf = noun_frame(comp, None, governed=True)
    return nf.code if nf is not None else None


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


# -- reported obligations: "Russia said Sudan must return a helicopter" -------------------------


def _obligations(say: Token, verb_frames: dict[int, V.Frame], consumed: set[int]) -> list[Trigger]:
    out = []
    for clause in say.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in V.OBLIGATION_MODALS for c in clause.children):
            continue
        act = verb_frames.get(clause.i)
        base = V.Code("REQUEST", "100", None, None)
        code = V.requested(base, act.code) if act is not None and act.code is not None else base
        consumed.add(clause.i)
        out.append(Trigger(code, frozenset({"obligation"}), [say], say, "obligation", clause))
    return out
