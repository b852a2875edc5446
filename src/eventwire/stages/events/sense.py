"""Which sense a trigger is in, and whether its act happened: weapons, harm, plans.

* A weapon as the subject makes the clause an attack by whoever fired it, whatever the
  verb: "a Russian ballistic missile slammed into a building" is an ASSAULT by Russia
  (the weapon's nationality or owner), not a Russian criticism ("slam" = ACCUSE).
* Deaths and injuries with no agent ("seven people were killed") are an attack only when
  the sentence or the story shows one (a weapon, attackers, a raid); "killed in a plane
  crash" or "injured after a volcano erupted" are no events (PLOVER codes political
  events; accidents and disasters are outside it, as in CASE-2021's negatives).
* Planned, plotted or counterfactual acts did not happen: "a plot to kill the
  ambassador", "developing plans to attack", "a bill that would have allowed extradition".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.lexicon import verbs as V
from eventwire.stages.events.records import Trigger
from eventwire.stages.events.syntax import lemma_of
from eventwire.stages.events.topic import StoryTopic

__all__ = [
    "IMPLICIT_ACTORS",
    "UNIDENTIFIED",
    "UNNAMED_AUTHORITIES",
    "UNNAMED_PROTESTERS",
    "harm_without_attack",
    "is_irrealis",
    "weapon_code",
    "weapon_subject",
    "weapon_triggers",
]

# The actor id of attackers the text does not name (PLOVER's UAF, "unidentified armed
# forces"); the coder appends the place's country code ("unidentified-attackers-nga").
UNIDENTIFIED = "unidentified-attackers"
# The unnamed state that arrests or sentences, and the unnamed crowd that protests, when
# neither the text nor the place says whose (PLOVER codes them with no country).
UNNAMED_AUTHORITIES = "unnamed-authorities"
UNNAMED_PROTESTERS = "unnamed-protesters"
# Each implicit actor id: its name and PLOVER sector.
IMPLICIT_ACTORS = {
    UNIDENTIFIED: ("unidentified attackers", "UAF"),
    UNNAMED_AUTHORITIES: ("authorities", "GOV"),
    UNNAMED_PROTESTERS: ("protesters", "CVL"),
}

# Verbs whose subject, when it is a weapon, is hitting something: "landed near",
# "slammed into", "tore through", "struck", "rained down on".
IMPACT_VERBS = frozenset(
    [
        "hit",
        "strike",
        "slam",
        "land",
        "fall",
        "explode",
        "detonate",
        "kill",
        "wound",
        "injure",
        "destroy",
        "damage",
        "pound",
        "rain",
        "tear",
        "rock",
        "pierce",
        "smash",
        "level",
        "flatten",
        "target",
        "claim",
        "kill",
    ]
)
# Nouns that make an act merely intended or imagined when it hangs on them.
IRREALIS_NOUNS = frozenset(
    [
        "plan",
        "plot",
        "proposal",
        "scheme",
        "bill",
        "idea",
        "draft",
        "conspiracy",
        "intention",
        "intent",
        "option",
        "scenario",
        "contingency",
        "blueprint",
    ]
)
# Verbs under which an act is only schemed ("plotted to kill", "conspired to overthrow").
IRREALIS_VERBS = frozenset(["plot", "conspire", "scheme"])
_AERIAL = frozenset(
    ["missile", "rocket", "drone", "airstrike", "air-strike", "air", "aerial", "warplane"]
)
_EXPLOSIVE = frozenset(["bomb", "ied", "explosive", "grenade", "car-bomb", "device", "charge"])
_ARTILLERY = frozenset(
    ["shell", "mortar", "artillery", "shelling", "barrage", "bombardment", "howitzer"]
)


def _proposed(verb: Token) -> bool:
    """A "would" or "could" clause whose subject is a bill, plan or proposal."""
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "could") for c in verb.children):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in IRREALIS_NOUNS
        for c in verb.children
    )


# Dependencies climbed from an act to the plan or bill it hangs on.
_CLIMB = frozenset(
    {"xcomp", "conj", "pobj", "prep", "dobj", "compound", "ccomp", "acl", "relcl", "advcl"}
)
_STRIKE_NOUNS = frozenset({"strike", "attack", "round", "fire"})


def _weapon_lemmas(noun: Token) -> set[str]:
    return {noun.lemma_.lower()} | {
        c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")
    }


def weapon_subject(verb: Token) -> Token | None:
    """The verb's subject if it is a weapon or a strike ("a missile", "mortar rounds",
    "an Israeli air strike"), else None."""
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        if child.lower_ in ("that", "which") and verb.dep_ == "relcl":
            child = verb.head  # "an IED that killed five civilians"
        lemma = child.lemma_.lower()
        if lemma in V.WEAPONS and lemma not in ("strike", "gunfire"):
            return child
        if lemma in _STRIKE_NOUNS and _weapon_lemmas(child) & (V.WEAPONS | _AERIAL) - {lemma}:
            return child
    return None


def weapon_code(weapon: Token) -> V.Code:
    """The CAMEO attack a weapon makes: aerial (195), explosive (183), artillery (194)."""
    lemmas = _weapon_lemmas(weapon)
    if lemmas & _AERIAL:
        return V.Code("ASSAULT", "195", "aerial", "military")
    if lemmas & _EXPLOSIVE:
        return V.Code("ASSAULT", "183", "explosives", None)
    if lemmas & _ARTILLERY:
        return V.Code("ASSAULT", "194", "heavy-weapons", "military")
    return V.Code("ASSAULT", "190", None, "military")


def weapon_triggers(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """``triggers`` plus the impact verbs whose subject is a weapon and that the lexicon
    does not know as events ("mortar rounds landed near the base")."""
    anchors = {t.anchor.i for t in triggers}
    out = list(triggers)
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in anchors or lemma_of(tok) not in IMPACT_VERBS:
            continue
        weapon = weapon_subject(tok)
        if weapon is not None:
            out.append(Trigger(weapon_code(weapon), frozenset(), [tok], tok, "verb"))
    return out


def harm_without_attack(
    trig: Trigger, sent: Span, topic: StoryTopic, *, agentless: bool = True
) -> bool:
    """Whether a death or injury shows no attack: no weapon, attacker or raid in its
    sentence, and a disaster in it or, for an agentless one, no attack anywhere in the
    story.  With a doer ("the driver struck a group, killing seven") only a story of an
    accident or a disaster makes it one."""
    if trig.kind != "verb" or lemma_of(trig.anchor) not in V.HARM_VERBS:
        return False  # "was shot", "were abducted", "an ambush": harm done on purpose
    lemmas = {t.lemma_.lower() for t in sent}
    if lemmas & V.ATTACK_CUES - {"strike", "attack"} or any(
        t.lemma_.lower() == "attack" and t.pos_ == "NOUN" for t in sent
    ):
        return False
    if not agentless:
        return topic.is_disaster
    if lemmas & V.DISASTERS:
        return True
    return topic.is_disaster or topic.attack == 0


def is_irrealis(tok: Token) -> bool:
    """Whether the act of ``tok`` is planned, plotted or counterfactual, not done."""
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if "would" in auxes and "have" in auxes:
        return True  # "a bill that would have allowed": it did not
    node = tok
    modal = "would" in auxes or "could" in auxes
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        if (
            node.dep_ in ("acl", "relcl", "xcomp")
            and head.pos_ in ("NOUN", "PROPN")  # "plans to visit" is an intent (modality)
            and head.lemma_.lower() in IRREALIS_NOUNS
            and (node.dep_ != "relcl" or modal)
        ):
            return True  # "a plot to kill"; "a bill that would allow China to extradite"
        if (
            node.dep_ == "pobj"
            and head.lower_ in ("for", "of")
            and head.head.lemma_.lower() in IRREALIS_NOUNS
        ):
            return True  # "plans for an offensive"
        if node.dep_ == "xcomp" and lemma_of(head) in IRREALIS_VERBS:
            return True  # "plotted to kill"
        if _proposed(head):
            return True  # "the bill would allow people visiting Hong Kong to be removed"
        if node.dep_ not in _CLIMB:
            return False
        modal = modal or any(
            c.lower_ in ("would", "could") for c in head.children if c.dep_ == "aux"
        )
        node = head
    return False
