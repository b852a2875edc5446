"""What a whole story is about, as far as the coder needs to know: sport, disaster, attack.

A word's sense often shows only at the level of the story: "They beat us well" is about a
match when the story is about rugby; "seven people were killed" is an attack in a story
about gunmen and an accident in a story about an earthquake.  The signal is a count of
cue lemmas over every sentence of the story (the cue classes are in ``lexicon/verbs.py``),
read once per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.lexicon import verbs as V
from eventwire.stages.nlp import Parsed

__all__ = ["StoryTopic", "story_topic"]

# A score ("won 3-1", "a 24-10 win") marks a story about sport.
SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
# Verbs and prepositions under which "fire" is shooting or arson, not a blaze.
_FIRING = frozenset({"open", "set", "exchange", "return", "under", "on", "to", "cease"})


@dataclass(frozen=True, slots=True)
class StoryTopic:
    """Counts of cue words in a story, and what they add up to."""

    sport: int
    disaster: int
    attack: int
    political: int
    nonpolitical: int

    @property
    def is_sport(self) -> bool:
        """A match report: contest verbs ("beat", "defeated") are no events anywhere in it."""
        return self.sport >= 3 and self.sport > self.political

    @property
    def is_disaster(self) -> bool:
        """A story of accidental or natural harm with no word of an attack."""
        return self.disaster >= 1 and self.attack == 0

    @property
    def is_nonpolitical(self) -> bool:
        """Mostly science, business, culture or sport: political words are rare in it."""
        return self.nonpolitical >= 4 and self.political * 3 < self.nonpolitical


def story_topic(parsed: Parsed) -> StoryTopic:
    """Count the story's cue lemmas (a headline counts like a sentence)."""
    sport = disaster = attack = political = nonpolitical = 0
    for doc in parsed.docs:
        sport += 3 * len(SCORE.findall(doc.text))
        for tok in doc:
            if tok.is_punct or tok.is_stop:
                continue
            lemma = tok.lemma_.lower()
            sport += lemma in V.SPORT_CUES
            disaster += lemma in V.DISASTERS
            # fires that burn (not "opened fire", "set fire to", "came under fire")
            disaster += lemma == "fire" and tok.pos_ == "NOUN" and tok.head.lemma_ not in _FIRING
            attack += lemma in V.ATTACK_CUES and lemma not in ("strike", "attack")
            attack += lemma in ("attack", "attacker") and tok.pos_ == "NOUN"
            political += lemma in V.POLITICAL_CUES
            nonpolitical += lemma in V.NONPOLITICAL_CUES
    return StoryTopic(sport, disaster, attack, political, nonpolitical)
