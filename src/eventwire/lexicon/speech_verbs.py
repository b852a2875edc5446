"""Data only: the verbs that introduce or frame quoted words, and the nouns that name people.

Two verb classes, because they license different quotes (see ``stages/quotes.py``):

* ``SAY`` verbs report an utterance. Their *content* is a clause: Xi added that Beijing was
  willing to “promote ...”; Putin said “we were ...”. A quoted bare noun phrase as their
  direct object is not reported speech but the thing said into being or named: declared a
  “no limits partnership”, announced a “new era”, wrote “War and Peace”.
* ``JUDGE`` verbs characterise, charge or appeal. Their quoted *object* is the speaker's own
  wording even when it is only a noun phrase: slammed “bullying behavior”, accused Iran of
  “repression”, described the talks as “frank and useful”, called on ... to show
  “resolve”. They also work as reporting verbs (he warned, she urged).

Sources: the reporting-verb lists of news style guides (AP and Reuters prefer "said"; the
others are the common alternatives the guides warn about), the communication and
judgement classes of Levin's *English Verb Classes and Alternations* (1993, §37 verbs of
communication, §33 judgement verbs), and the cue lists of quotation attribution work
(Pareti's PARC corpus, Newell et al. 2018 on quote attribution in news). Lemmas are
spaCy's (``said`` -> ``say``).
"""

from __future__ import annotations

__all__ = ["DOCUMENT_NOUNS", "JUDGE", "PERSON_NOUNS", "SAY", "TERM_MARKERS"]

# Reporting verbs: Levin §37.7 (say verbs), §37.8 (complain verbs), §37.1-37.2 (tell),
# and the wire services' usual alternatives to "said".
SAY: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "declare",
        "announce",
        "insist",
        "write",
        "tweet",
        "post",
        "claim",
        "argue",
        "explain",
        "note",
        "stress",
        "emphasise",
        "emphasize",
        "underline",
        "underscore",
        "reply",
        "respond",
        "answer",
        "ask",
        "remark",
        "comment",
        "affirm",
        "assert",
        "confirm",
        "deny",
        "acknowledge",
        "admit",
        "concede",
        "report",
        "recall",
        "conclude",
        "suggest",
        "predict",
        "reiterate",
        "repeat",
        "observe",
        "maintain",
        "contend",
        "allege",
        "testify",
        "quip",
        "joke",
        "boast",
        "complain",
        "lament",
        "caution",
        "inform",
        "disclose",
        "reveal",
        "shout",
        "whisper",
        "cry",
        "exclaim",
        "point",  # "pointed out"
        "quote",  # "was quoted as saying"
        "read",  # "the statement reads"
        "speak",  # "spoke of the collaboration: ..."
    }
)

# Judgement, accusation and appeal verbs: Levin §33 (judgement: accuse, blame, praise,
# condemn...), §29.2 (characterise: describe, call, brand, label, portray), §37.9 (advise:
# urge, warn) and the commitment verbs (promise, vow, pledge) whose object is the
# speaker's own wording.
JUDGE: frozenset[str] = frozenset(
    {
        "accuse",
        "blame",
        "cite",  # citing the move as a "grave abuse"
        "charge",
        "call",
        "describe",
        "brand",
        "label",
        "term",
        "characterise",
        "characterize",
        "portray",
        "depict",
        "slam",
        "blast",
        "lambast",
        "denounce",
        "condemn",
        "criticise",
        "criticize",
        "decry",
        "deplore",
        "deride",
        "dismiss",
        "mock",
        "ridicule",
        "praise",
        "hail",
        "laud",
        "commend",
        "applaud",
        "welcome",
        "urge",
        "appeal",
        "demand",
        "warn",
        "threaten",
        "promise",
        "vow",
        "pledge",
        "express",  # expressed "deep concern"
        "voice",
        "regret",
        "refer",  # referred to it as "a disgrace"
    }
)

# Words (or lemmas) printed just before a quoted term to mark it as a name or a word
# talked about rather than anyone's words: the so-called “snapback”, what it dubbed
# “Operation X”, the word “pandemic”, the temporary designation “2019-nCoV”, a report
# titled “...”. The use/mention distinction of the philosophy of language; the nouns are
# the metalinguistic ones of news copy.
TERM_MARKERS: frozenset[str] = frozenset(
    {
        "so-called",
        "dub",
        "dubbed",
        "nickname",
        "nicknamed",
        "codename",
        "codenamed",
        "title",
        "titled",
        "entitle",
        "entitled",
        "name",
        "named",
        "word",
        "term",
        "phrase",
        "expression",
        "slogan",
        "motto",
        "hashtag",
        "designation",
        "acronym",
        "moniker",
        "headline",
    }
)

# Head nouns of descriptions that name one person by role ("the leader said", "the
# minister added"). When the actors stage has not resolved such a description, the
# quotes stage resolves it like "he/she". From the role titles of wire copy (AP style on
# titles) and the CAMEO/PLOVER actor role codes (GOV, MIL, JUD, REB, HRI, MED...).
PERSON_NOUNS: frozenset[str] = frozenset(
    {
        "leader",
        "president",
        "premier",
        "minister",
        "chancellor",
        "king",
        "queen",
        "prince",
        "monarch",
        "emir",
        "ayatollah",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "secretary",
        "envoy",
        "ambassador",
        "diplomat",
        "chief",
        "head",
        "director",
        "commander",
        "general",
        "governor",
        "mayor",
        "senator",
        "lawmaker",
        "legislator",
        "judge",
        "prosecutor",
        "lawyer",
        "activist",
        "laureate",
        "dissident",
        "founder",
        "executive",
        "chairman",
        "chairwoman",
        "analyst",
        "economist",
        "expert",
        "witness",
        "resident",
        "doctor",
        "medic",
        "counterpart",
    }
)

# Things that carry someone's words: "according to a tweet by Pompeo", "Judge Miller's
# statement reads". The speaker is their author (the possessor or the "by" phrase).
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    {
        "statement",
        "tweet",
        "post",
        "letter",
        "report",
        "message",
        "communique",
        "release",
        "email",
        "editorial",
        "speech",
        "interview",
        "remark",
        "ruling",
        "decision",
        "filing",
        "website",
    }
)
