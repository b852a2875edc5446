"""The records the event coder hands between its steps: a trigger found in a sentence, and
a mention coded from it, before the mentions of one event are merged into an ``Event``.

Both stay inside the package and hold spaCy tokens; only ``Event`` records leave it (records
cross stage boundaries as plain offsets, never as parses).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.lexicon import verbs as V
from eventwire.model import Location

__all__ = ["CODER", "Mention", "Trigger"]

# The coder's versioned name, stored with every event it codes.
CODER = "events.v2"


@dataclass(slots=True)
class Trigger:
    """A predicate found in a sentence, before its arguments are read."""

    code: V.Code
    flags: frozenset[str]
    tokens: list[Token]  # trigger words
    anchor: Token  # the clause head that carries tense, negation and arguments
    kind: str  # verb | support | reversal | nominal | adjunct | happening | obligation
    noun: Token | None = None  # the event noun (or the absorbed act) of the trigger
    words: frozenset[str] = frozenset()  # the frame's particles and prepositions


@dataclass(slots=True)
class Mention:
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
    # the roles the coder filled in because the text leaves them unsaid ("source",
    # "target"): the place's country for a protest's addressee, the state that arrests
    implied: frozenset[str] = frozenset()
