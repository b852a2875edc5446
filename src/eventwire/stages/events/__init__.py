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

The package, by step: ``triggers`` and ``nominals`` find the predicates of a sentence
(``frames`` matches the lexicon against the parse, ``syntax`` walks the parse);
``arguments`` reads their sources and targets, resolved to actor ids by ``resolve``;
``modality`` codes negation, hedging, intention, conditions and commands; ``when_where``
dates and places each event; ``coder`` runs the sentence loop and fills in the implicit
actors; ``merge`` makes one ``Event`` of each act told more than once.
"""

from eventwire.stages.events.coder import code_events
from eventwire.stages.events.merge import with_event_actors
from eventwire.stages.events.records import CODER

__all__ = ["CODER", "code_events", "with_event_actors"]
