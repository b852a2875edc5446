"""Who did it and to whom: an event's source and target actors, read off the parse.

The source is the subject, the "by" agent of a passive, the doer of an event noun in
"killed in Israeli shelling", or, for a clause with no subject of its own, the subject of
the clause it hangs on ("agreed to hold talks").  The target is the object, the passive
subject, the object of the frame's preposition, else of a preposition that names a
recipient ("against", "on", "to" for aid and requests), else the target of the act an
absorbing verb took over.  An event noun brings its own: "Russia's Ukraine offensive",
"Israeli and US strikes", "talks with Iran", "the release of X".
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.lexicon import verbs as V
from eventwire.stages.events.frames import is_event_noun, noun_frame
from eventwire.stages.events.records import Trigger
from eventwire.stages.events.resolve import ActorResolver
from eventwire.stages.events.syntax import is_passive, lemma_of, phrase_head

__all__ = [
    "CHARGE_VERBS",
    "charged_doer",
    "nominal_actors",
    "pobj_actors",
    "subject_actors",
    "target_actors",
]

# Prepositions whose object is a verb's recipient, when the frame names none.
_TARGET_PREPS = {"against", "on", "upon", "at", "with", "into", "toward", "towards"}
_AID_PREPS = {"to", "for"}
# Disapproval of an act is addressed to its doer, never to its victim.
_DISAPPROVAL = frozenset({"PROTEST", "ACCUSE"})
_NOMINAL_SOURCE_OF = {"CONSULT", "AGREE", "PROTEST", "SUPPORT", "REQUEST", "ACCUSE"}


def _stative(verb: Token) -> bool:
    """ "Israel is opposed to ...": an adjectival passive whose subject acts."""
    frames = V.frames("V", lemma_of(verb))
    return any("stative" in f.flags for f in frames) and not any(
        c.dep_ == "agent" for c in verb.children
    )


# Nouns of armed action that name their doer by a modifier: "killed in a US operation".
OPERATIONS = frozenset({"operation", "raid", "strike", "mission", "offensive", "campaign"})
# Verbs of a charge: "X is accused of shooting two people" makes X the (alleged) shooter.
CHARGE_VERBS = frozenset({"accuse", "charge", "suspect", "convict", "indict", "arrest",
                          "jail", "sentence", "try", "blame", "find"})  # fmt: skip


def charged_doer(verb: Token) -> Token | None:
    """The one charged with the act of ``verb``: "Rittenhouse" in "Rittenhouse is accused
    of shooting and killing two people", "charged with murdering"."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pcomp" or node.head.lower_ not in ("of", "with", "for"):
        return None
    charge = node.head.head
    if lemma_of(charge) not in CHARGE_VERBS or not is_passive(charge):
        return None
    return next((c for c in charge.children if c.dep_ == "nsubjpass"), None)


def subject_actors(resolver: ActorResolver, para: int, verb: Token, depth: int = 0) -> list[str]:
    if is_passive(verb) and _stative(verb):
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return resolver.argument(para, child)
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "agent":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return resolver.argument(para, g)
        for child in verb.children:  # "killed in Israeli tank shelling": the shelling's
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "amid"):
                for g in child.children:
                    if g.dep_ == "pobj" and (is_event_noun(g) or lemma_of(g) in OPERATIONS):
                        return nominal_actors(resolver, para, g, V.Code("ASSAULT", "190"))[0]
        return []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "expl") and child.dep_ != "expl":
            return resolver.argument(para, child)
    for aux in verb.children:  # the parser may hang the subject on an auxiliary
        if aux.dep_ == "aux" and aux.i < verb.i:
            for child in aux.children:
                if child.dep_ == "nsubj":
                    return resolver.argument(para, child)
    doer = charged_doer(verb)
    if doer is not None:
        return resolver.argument(para, doer)
    if verb.dep_ == "xcomp" and is_passive(verb.head) and lemma_of(verb.head) in V.RAISING_VERBS:
        # "the RSF is believed to have looted": the RSF did, reportedly
        for child in verb.head.children:
            if child.dep_ == "nsubjpass":
                return resolver.argument(para, child)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        actors = resolver.argument(para, verb.head, exclude=verb)
        holder = verb.head
        if not actors and holder.dep_ in ("dobj", "attr") and holder.head.pos_ == "VERB":
            # "issued a declaration demanding ...": the issuer demands
            return subject_actors(resolver, para, holder.head, depth + 1)
        return actors
    if verb.dep_ == "relcl":
        return resolver.argument(para, verb.head, exclude=verb)
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
                and lemma_of(head) not in ("begin", "start", "continue")
            ):
                return resolver.argument(para, next(c for c in head.children if c.dep_ == "dobj"))
            return subject_actors(resolver, para, head, depth + 1)
    return []


def target_actors(
    resolver: ActorResolver,
    para: int,
    verb: Token,
    trig: Trigger,
    avoid: frozenset[str] = frozenset(),
) -> list[str]:
    exclude = trig.noun if trig.kind in ("support", "reversal") else None
    if is_passive(verb) and not _stative(verb):
        for child in verb.children:
            if child.dep_ == "nsubjpass" and (exclude is None or child.i != exclude.i):
                return resolver.argument(para, child, avoid=avoid)
        if verb.dep_ == "conj" and is_passive(verb.head):
            return target_actors(resolver, para, verb.head, trig, avoid)  # "was tried and jailed"
        if verb.dep_ == "acl":
            return resolver.argument(para, verb.head, exclude=verb)
        if verb.dep_ == "relcl":
            return resolver.argument(para, verb.head, exclude=verb)
    if trig.code.type in ("RETREAT", "SANCTION"):
        # "withdrew the US from a treaty with Iran", "pulled troops out of Syria": the
        # object is what is withdrawn; the one left is the target
        left = [
            a
            for child in verb.children
            if child.dep_ == "prep" and child.lower_ in ("from", "of")
            for a in pobj_actors(resolver, para, child, exclude, avoid, owners=True)
        ]
        if left:
            return list(dict.fromkeys(left))
    found: list[str] = []
    frame_preps = set(trig.words)
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "iobj") and (exclude is None or child.i != exclude.i):
            found += _object_targets(resolver, para, child, verb, trig, exclude, avoid)
        elif child.dep_ == "dative":
            if child.pos_ == "ADP":
                found += pobj_actors(resolver, para, child, exclude, avoid)
            else:
                found += resolver.argument(para, child, avoid=avoid)
        elif child.dep_ == "prep" and child.lower_ in frame_preps:
            found += pobj_actors(resolver, para, child, exclude, avoid, owners=True)
        elif child.dep_ == "ccomp" and child.pos_ in ("PROPN", "NOUN"):
            found += resolver.argument(para, child, exclude=exclude)  # "handed Mohammadi ..."
        elif child.dep_ == "oprd":  # "called May's deal lousy": the small clause's subject
            for g in child.children:
                if g.dep_ in ("nsubj", "npadvmod") and g.pos_ in ("NOUN", "PROPN"):
                    found += _object_targets(resolver, para, g, verb, trig, exclude, avoid)
                elif g.dep_ == "poss":  # (the parser may hang "May's" on the adjective)
                    found += resolver.argument(para, g, avoid=avoid)
    if not found and "ccomp" in trig.flags:
        for child in verb.children:
            if child.dep_ == "ccomp":
                for g in child.children:
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        found += resolver.argument(para, g, avoid=avoid)
    if not found and trig.code.type == "REQUEST":
        found += _asked_to_act(resolver, para, verb, avoid)  # "called for Lam to resign"
    if not found:
        preps = _TARGET_PREPS | (
            _AID_PREPS
            if trig.code.type in ("AID", "REQUEST", "CONSULT", "COOPERATE", "AGREE")
            else set()
        )
        if trig.code.type in ("RETREAT", "SANCTION"):
            preps = set()  # the one left ("withdrew from ...") was looked for above
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found += pobj_actors(resolver, para, child, exclude, avoid, owners=True)
    if not found and trig.kind == "verb" and trig.noun is not None:
        comp = trig.noun
        if comp.pos_ in ("VERB", "AUX"):
            sub = Trigger(trig.code, trig.flags, [comp], comp, "verb")
            found += target_actors(resolver, para, comp, sub, avoid)
            if not found:
                for child in comp.children:
                    if child.dep_ in ("nsubj",):
                        found += resolver.argument(para, child, avoid=avoid)
        else:
            found += nominal_actors(resolver, para, comp, trig.code)[1]
    return list(dict.fromkeys(found))


def _object_targets(
    resolver: ActorResolver,
    para: int,
    obj: Token,
    verb: Token,
    trig: Trigger,
    exclude: Token | None,
    avoid: frozenset[str],
) -> list[str]:
    """The actors an object names: itself, the author of an act ("denounced Russia's
    war"), else the owner of a thing ("rejected a lawsuit filed by Texas")."""
    if is_event_noun(obj):
        own = noun_frame(obj, verb, governed=True)
        act = own.code if own is not None and own.code is not None else trig.code
        agent, patient = nominal_actors(resolver, para, obj, act, avoid)
        # one protests a shooting to its doer, not to its victim ("protesting the
        # shooting of Jacob Blake"); force done to an act reaches its patient
        return agent or (patient if trig.code.type not in _DISAPPROVAL else [])
    return resolver.argument(para, obj, exclude=exclude, avoid=avoid) or owners_of(
        resolver, para, obj, avoid
    )


def _asked_to_act(
    resolver: ActorResolver, para: int, verb: Token, avoid: frozenset[str]
) -> list[str]:
    """The one a request asks to act, when the parse hangs it on a "for ... to" clause:
    "called for Lam to resign", "pressed for the army to withdraw"."""
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "ccomp", "xcomp"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            continue
        for g in clause.children:
            if g.dep_ in ("nsubj", "nsubjpass"):
                return resolver.argument(para, g, avoid=avoid)
    return []


def pobj_actors(
    resolver: ActorResolver,
    para: int,
    prep: Token,
    exclude: Token | None = None,
    avoid: frozenset[str] = frozenset(),
    *,
    owners: bool = False,
) -> list[str]:
    """The actors a preposition's object names; with ``owners``, an object that is no
    actor gives those it belongs to ("sanctions on flights to Cuba": Cuba)."""
    out: list[str] = []
    for g in prep.children:
        if g.dep_ == "pobj" and (exclude is None or g.i != exclude.i):
            found = resolver.argument(para, g, exclude=exclude, avoid=avoid)
            out += found or (owners_of(resolver, para, g, avoid) if owners else [])
    return out


# Prepositions that tie a thing to the actor it belongs to, comes from or concerns.
_OWNER_PREPS = frozenset({"of", "to", "from", "with", "against", "by"})


def owners_of(
    resolver: ActorResolver, para: int, noun: Token, avoid: frozenset[str], depth: int = 0
) -> list[str]:
    """The actors a thing that is no actor belongs to: the one who filed "a lawsuit filed
    by Texas", "Texas's lawsuit", the country of "flights to Cuba", the party of "a
    treaty with Iran".  What is done to a thing is done to its owner (CAMEO codes the
    rejection of a proposal as the rejection of its author)."""
    if noun.pos_ not in ("NOUN", "PROPN") or is_event_noun(noun) or depth > 1:
        return []
    out: list[str] = []
    for child in noun.children:
        if child.dep_ == "poss":
            out += resolver.argument(para, child, avoid=avoid)
        elif child.dep_ == "acl" and is_passive(child):
            for agent in child.children:
                if agent.dep_ == "agent":
                    out += pobj_actors(resolver, para, agent, avoid=avoid)
        elif child.dep_ == "relcl":  # "the emergency Trump declared": its maker
            for subject in child.children:
                if subject.dep_ == "nsubj" and subject.lower_ not in ("that", "which", "who"):
                    out += resolver.argument(para, subject, avoid=avoid)
        elif child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            for g in child.children:
                if g.dep_ == "pobj":
                    out += resolver.argument(para, g, avoid=avoid) or owners_of(
                        resolver, para, g, avoid, depth + 1
                    )
    return list(dict.fromkeys(a for a in out if a not in avoid))


def nominal_actors(
    resolver: ActorResolver,
    para: int,
    noun: Token,
    code: V.Code,
    avoid: frozenset[str] = frozenset(),
) -> tuple[list[str], list[str]]:
    """Source and target from an event noun's own modifiers: "Russia's Ukraine
    offensive", "Israeli and US strikes", "talks with Iran", "the release of X"."""
    source: list[str] = []
    target: list[str] = []
    modifiers: list[str] = []
    head = phrase_head(noun)
    children = [*noun.children, *(c for c in head.children if c.i != noun.i)]
    for child in children:
        if child.dep_ == "poss":
            source += resolver.argument(para, child, avoid=avoid)
        elif child.dep_ in ("amod", "compound", "nmod", "npadvmod") and child.i < head.i:
            owners = [g for g in child.children if g.dep_ == "poss"]
            for owner in owners:  # "Russia's Ukraine offensive": Russia's is the agent
                source += resolver.argument(para, owner, avoid=avoid)
            skip = {t.i for o in owners for t in o.subtree}
            modifiers += resolver.actors_in(para, (t for t in child.subtree if t.i not in skip))
        elif child.dep_ == "prep":
            word = child.lower_
            actors = pobj_actors(resolver, para, child)
            if word in ("by", "from"):
                source += actors
            elif word == "between":
                source += actors
                target += actors
            elif word == "of":
                (source if code.type in _NOMINAL_SOURCE_OF else target).extend(actors)
            elif word in _TARGET_PREPS | {"to", "toward", "towards", "for"}:
                target += actors or pobj_actors(resolver, para, child, avoid=avoid, owners=True)
    if modifiers:
        if source:
            target += modifiers
        else:
            source += modifiers
    return list(dict.fromkeys(source)), list(dict.fromkeys(target))
