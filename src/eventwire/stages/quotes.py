"""Direct quotations in an article's body and who said them.

>>> quotes = find_quotes(parsed, mentions, actors)  # doctest: +SKIP
>>> [(q.text, q.speaker, q.cue, q.partial) for q in quotes]  # doctest: +SKIP
[('unprecedented level', 'Vladimir Putin', 'tell', True), ...]

Three passes over the body:

1. **Quote marks** (:func:`quote_spans`). A mark is read by the characters around it (after
   a space and before a word it opens; after a word and before a space or punctuation it
   closes), so straight and curly marks work alike and a mistyped glyph is read by its
   place. Apostrophes are not marks: a single quote between two letters (Russia's, don't)
   or before a digit ('90s). Double marks pair first; single marks pair only outside
   double quotes, so ‘nested’ quotes stay in their quote, and a double quote inside a
   single-quoted one (the British convention) is nested too. Marks pair within a
   paragraph; a mark left open at a paragraph's end goes on only when the next paragraph
   opens with a mark (the English convention for a quote over several paragraphs);
   otherwise that one mark is dropped and every other quote is kept.
2. **Full or partial.** A quote is a whole utterance when its top (its tokens whose
   syntactic head lies outside it) holds a finite verb or an imperative that starts a
   sentence, or when it is a whole sentence; otherwise it is a fragment of the author's
   sentence (``partial=True``).
3. **Who said it.** The dependency tree is walked up from the quote's top to the verb that
   governs it. The rule that tells partial quotes from scare quotes and names:

   * a fragment is somebody's words only when the walk reaches a speech verb
     (:data:`~eventwire.lexicon.speech_verbs.SAY`) or a judgement verb
     (:data:`~eventwire.lexicon.speech_verbs.JUDGE`); other verbs pass the walk on only
     when their clause is the content of the verb above (``ccomp``, ``xcomp``, an
     infinitive or a ``that`` clause): Xi added that Beijing was willing to work ... to
     “promote ...”. A coordinated verb, a participle adjunct or a root end the walk:
     Tehran insists ... and has rejected the “snapback”.
   * a SAY verb reports clauses: a quoted noun phrase as its object is what was declared
     or named, not words (declared a “no limits partnership”). A JUDGE verb's quoted
     object *is* the speaker's wording (slammed “bullying behavior”).
   * a fragment after a term marker (so-called, known as, the word) is a name, and so is
     one with no speaker we can name (a process called “exfiltration”).

   A full quote takes the verb that walk finds, else the verb of a clause that introduces
   it with a colon, the nearest speech verb or "according to" outside quotes in the
   sentences it begins and ends in, a reporting clause standing alone right after it
   (“... a trial.” Pelosi said.), the verb it is the ``that`` clause of (the court found
   “...”); else the speaker of the quote before it in this or the previous paragraph (a
   run of quotes); else the subject of a speech verb heading the sentence before it.

   The speaker is the verb's subject, inherited through participles and coordination
   (“...,” the leader said, adding: “...”); a passive verb's agent (described by the
   police as); the author of a statement or tweet. It is resolved to an actor through
   ``mentions``. Pronouns and role descriptions the actors stage left unresolved (he
   added, the leader said) go to the subject of the main clause before them, the
   previous sentence's subject, the last quote's speaker, then the nearest preceding
   mention of a fitting kind.

A quote over several paragraphs has ``start`` at its first part and ``end`` at its last;
its ``text`` joins the parts with one space, leaving out the paragraph break and the
reopening mark, so ``text`` differs from ``body[start:end]`` for those quotes only.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.lexicon.speech_verbs import DOCUMENT_NOUNS, JUDGE, PERSON_NOUNS, SAY, TERM_MARKERS
from eventwire.model import Actor, Entity, Quote
from eventwire.stages.nlp import Parsed

__all__ = ["find_quotes", "quote_spans"]

Token = Any  # spacy.tokens.Token: spaCy ships no type stubs

# --- quote marks -----------------------------------------------------------------------

_DOUBLE = ('"', "“", "”", "«", "»")
_SINGLE = ("'", "‘", "’")
_OPENERS = frozenset("“«‘")
_CLOSERS = frozenset("”»’")
# A mark right after these opens ("(“", ": “", "—“"); right before these it closes.
_OPEN_AFTER = frozenset("([{—–-/:;") | frozenset(_DOUBLE + _SINGLE)
_CLOSE_BEFORE = frozenset(".,;:!?)]}—–-…") | frozenset(_DOUBLE + _SINGLE)

Part = tuple[int, int]  # body offsets of the text between two marks


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    opens: bool
    closes: bool
    weak: bool = False  # a closer that may be a plural possessive: the leaders' talks


def _mark_at(body: str, i: int, lo: int, hi: int, single: bool) -> _Mark | None:
    ch = body[i]
    prev = body[i - 1] if i > lo else ""
    nxt = body[i + 1] if i + 1 < hi else ""
    if single and (prev.isalnum() and nxt.isalnum()):
        return None  # Russia's, don't, O'Brien
    space_before = not prev or prev.isspace()
    space_after = not nxt or nxt.isspace()
    if single and nxt.isdigit() and (space_before or prev in _OPEN_AFTER):
        return None  # '90s, ’22
    opens = (space_before or prev in _OPEN_AFTER) and not space_after
    closes = (nxt == "" or space_after or nxt in _CLOSE_BEFORE) and not space_before
    if opens == closes:  # no telling from the context (a"b, a " b): the glyph decides
        opens, closes = ch not in _CLOSERS, ch not in _OPENERS
    weak = single and closes and prev in "sS" and space_after
    return _Mark(i, opens, closes, weak)


def _pair(
    body: str, paras: Sequence[Part], glyphs: tuple[str, ...], skip: Callable[[int], bool]
) -> list[tuple[Part, ...]]:
    """Quotes of one kind of mark: pairs within paragraphs, carried over paragraph breaks."""
    single = glyphs is _SINGLE
    out: list[tuple[Part, ...]] = []
    carry: list[Part] = []
    for lo, hi in paras:
        marks = [
            m
            for i in range(lo, hi)
            if body[i] in glyphs and not skip(i)
            for m in (_mark_at(body, i, lo, hi, single),)
            if m is not None
        ]
        start: int | None = None
        k = 0
        if carry:
            # The quote goes on only if this paragraph opens with a mark.
            if marks and marks[0].opens and not body[lo : marks[0].pos].strip():
                start, k = marks[0].pos, 1
            else:
                carry = []
        for j in range(k, len(marks)):
            m = marks[j]
            if start is None:
                if m.opens:
                    start = m.pos
                continue
            if m.closes and not (m.weak and _later_closer(marks, j)):
                if body[start + 1 : m.pos].strip():
                    out.append((*carry, (start + 1, m.pos)))
                carry, start = [], None
            elif m.opens:
                carry, start = [], m.pos  # the earlier mark was never closed: drop it alone
        carry = [*carry, (start + 1, hi)] if start is not None else []
    return out


def _later_closer(marks: Sequence[_Mark], j: int) -> bool:
    for m in marks[j + 1 :]:
        if m.closes:
            return True
        if m.opens:
            return False
    return False


def quote_spans(body: str, paras: Sequence[Part] | None = None) -> list[tuple[Part, ...]]:
    """The quotes of ``body`` as tuples of parts (one per paragraph), in reading order.

    >>> body = 'He said "we\\'re ready" and \\'90s fans agreed.'
    >>> [[body[s:e] for s, e in q] for q in quote_spans(body)]
    [["we're ready"]]
    """
    if paras is None:
        paras, pos = [], 0
        for para in body.split("\n\n"):
            if para.strip():
                paras.append((pos, pos + len(para)))
            pos += len(para) + 2
    double = _pair(body, paras, _DOUBLE, lambda i: False)
    inside_double = _Spans(p for q in double for p in q)
    single = _pair(body, paras, _SINGLE, inside_double.holds)
    inside_single = _Spans(p for q in single for p in q)
    # A double quote nested in a single-quoted one (British style) is part of it.
    double = [q for q in double if not inside_single.holds(q[0][0] - 1)]
    return sorted(double + single)


class _Spans:
    """Sorted, non-overlapping body spans with a membership test by binary search."""

    def __init__(self, spans: Iterable[Part]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def holds(self, pos: int) -> bool:
        j = bisect_right(self._starts, pos) - 1
        return j >= 0 and pos < self._spans[j][1]


# --- speakers --------------------------------------------------------------------------

_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "csubj", "pcomp", "parataxis"})
_VERBS = frozenset({"VERB", "AUX"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_LIGHT = frozenset({"be", "have", "do", "get", "make"})  # no speech in a light verb
_ANAPHORS = frozenset({"he", "she", "they", "it"})  # lemmas: "him" -> "he"
_GROUP_PRONOUNS = frozenset({"it"})


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    actor: str | None
    kind: str  # person | group | unknown


@dataclass(frozen=True, slots=True)
class _Found:
    verb: Token | None
    scare: bool = False


@dataclass(frozen=True, slots=True)
class _Last:
    speaker: _Speaker
    para: int


def _is_speech(tok: Token) -> bool:
    return bool(tok.pos_ in _VERBS and tok.lemma_.lower() in SAY | JUDGE)


def _governor(top: Token, inside: Callable[[Token], bool], *, bare: bool) -> _Found:
    """The speech verb that governs a quote whose top token is ``top`` (see module doc).

    ``inside`` tells the tokens of this or any other quote: their verbs report nothing.
    """
    child = top
    for _ in range(16):
        head = child.head
        if head.i == child.i:
            return _Found(None)
        if child.dep_ in _SUBJECTS and _is_speech(head) and not inside(head):
            return _Found(None)  # the speaker's name, not words: the “Group of 7” said
        if not inside(head) and head.pos_ in _VERBS:
            lemma = head.lemma_.lower()
            if lemma in JUDGE:
                return _Found(head)
            if lemma in SAY:
                if bare and child.dep_ not in _CLAUSAL:
                    return _Found(None, scare=True)  # declared a “no limits partnership”
                return _Found(head)
            # Other verbs pass the walk on only when their clause is the content of the verb
            # above: Xi added that Beijing was willing to work ... to “promote ...”. Not a
            # coordinated verb (insists ... and has rejected the “snapback”) nor a participle
            # adjunct (Echoing an email referencing a “big guy”, Trump said).
            if head.dep_ not in _CLAUSAL or (head.dep_ == "advcl" and not _intended(head)):
                return _Found(None)
        child = head
    return _Found(None)


def _intended(verb: Token) -> bool:
    """An infinitive or a finite subordinate clause ("to promote", "that it was"), as
    opposed to a participle adjunct ("echoing ...", "known as ...")."""
    return verb.dep_ == "xcomp" or any(c.dep_ in ("aux", "mark") for c in verb.children)


def _subject(verb: Token) -> Token | None:
    """The subject of a speech verb, inherited through participles and coordination.

    A passive speech verb's subject is what was said or who was talked about ("he was
    described as"): its speaker is the agent ("by the police"), or no one known; only
    "X was quoted as saying" names the speaker as the subject.
    """
    deps = {c.dep_: c for c in reversed(list(verb.children))}
    if "auxpass" in deps or "nsubjpass" in deps:
        if "agent" in deps:
            return next((g for g in deps["agent"].children if g.dep_ == "pobj"), None)
        return deps.get("nsubjpass") if verb.lemma_.lower() == "quote" else None
    v = verb
    for step in range(6):
        for c in v.children:
            if c.dep_ in _SUBJECTS:
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if v.dep_ == "pcomp" and v.head.lower_ == "as" and v.head.head.pos_ in _VERBS:
            # Politico quoted Tim Manning as saying: the one quoted, not the quoter.
            quoted = next((c for c in v.head.head.children if c.dep_ == "dobj"), None)
            if quoted is not None:
                return quoted
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in DOCUMENT_NOUNS:
            # The ministry issued a statement saying ...: the statement's author, else
            # whoever issued it.
            author = _author(v.head)
            if author is not None:
                return author
            v = v.head.head
            continue
        if v.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "prep") or v.head.i == v.i:
            return None
        head = v.head
        # Lunda said troops would not enter ..., and accused the rebels; he stated the trial
        # would not be fair, saying ...: the parser hangs the second speech verb on the
        # reported clause; it belongs to the first.
        if (
            step == 0
            and (v.dep_ == "conj" or (v.dep_ == "advcl" and v.tag_ == "VBG"))
            and head.dep_ == "ccomp"
            and _is_speech(head.head)
        ):
            head = head.head
        v = head
    return None


def _anaphoric(tok: Token) -> bool:
    """A definite role description with nothing after it ("the leader", "Iran's supreme
    leader") points back to someone named before; "the head of the police" does not."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in PERSON_NOUNS:
        return False
    definite = any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        for c in tok.children
    )
    modified = any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in tok.rights)
    return definite and not modified


def _contains(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(words)
    return n > 0 and any(name[i : i + n] == words for i in range(len(name) - n + 1))


def _author(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    for c in tok.subtree:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


class _Attributor:
    """Resolves subjects to speakers for one article; remembers the last quote's speaker."""

    def __init__(
        self,
        parsed: Parsed,
        mentions: Sequence[Entity],
        actors: Sequence[Actor],
        quoted: _Spans,
    ) -> None:
        self.parsed = parsed
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        self.actors = {a.id: a for a in actors}
        self.quoted = quoted
        self.last: _Last | None = None
        # Sentences in reading order with their body end offsets, for "the previous one".
        self.sents = [(i, s) for i, s in parsed.sentences()]
        self.sent_ends = [parsed.span_offsets(i, s)[1] for i, s in self.sents]

    # mentions and actors

    def _off(self, pi: int, tok: Token) -> Part:
        start = self.parsed.offsets[pi] + tok.idx
        return start, start + len(tok)

    def _mention(self, pi: int, tok: Token) -> Entity | None:
        s, e = self._off(pi, tok)
        j = bisect_right(self.starts, s) - 1
        while j >= 0 and self.starts[j] > s - 300:
            m = self.mentions[j]
            if m.start <= s and e <= m.end:
                return m
            j -= 1
        return None

    def _from_mention(self, m: Entity) -> _Speaker:
        actor = self.actors.get(m.actor) if m.actor else None
        if actor is not None:
            kind = "person" if actor.kind == "person" else "group"
            return _Speaker(actor.name, actor.id, kind)
        kind = {"PERSON": "person", "NOM": "unknown"}.get(m.label, "group")
        return _Speaker(m.text, m.actor, kind)

    # resolution

    def resolve(self, pi: int, tok: Token, at: int) -> _Speaker | None:
        """The speaker a subject token names; ``at`` is where its clause begins in body."""
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
            tok = tok.head.head  # "Mukendi, who heads ..."
        if tok.pos_ == "PRON":
            lemma = tok.lemma_.lower()
            if lemma in _ANAPHORS:
                return self._antecedent(lemma, pi, at, tok)
            if lemma in ("i", "we", "you"):
                return None  # the writer or the reader: no one this stage can name
            return self._phrase(pi, tok)  # "someone", "one of the victims"
        named = self._named(pi, tok) or self._by_name(tok)
        if named is not None:
            return named
        if tok.lemma_.lower() in DOCUMENT_NOUNS:
            author = _author(tok)  # "a tweet by Pompeo", "Judge Miller's statement"
            if author is not None:
                return self.resolve(pi, author, at)
        if _anaphoric(tok):
            found = self._antecedent("he", pi, at)  # "the leader said"
            if found is not None:
                return found
        return self._phrase(pi, tok)

    def _named(self, pi: int, tok: Token) -> _Speaker | None:
        """The actor a noun names, itself or through an apposition ("the director of
        Amnesty International, Mariela Belski")."""
        m = self._mention(pi, tok)
        if m is None:
            appos = tok.children if tok.lemma_.lower() not in PERSON_NOUNS else tok.subtree
            m = next(
                (x for c in appos if c.dep_ == "appos" for x in [self._mention(pi, c)] if x),
                None,
            )
        return self._from_mention(m) if m is not None else None

    def _by_name(self, tok: Token) -> _Speaker | None:
        """A proper name the actors stage did not mark here ("Ruto told reporters") but
        that names exactly one of the article's actors elsewhere ("William Ruto")."""
        if tok.pos_ != "PROPN":
            return None
        words = tuple(t.text for t in tok.doc[tok.left_edge.i : tok.i + 1] if t.pos_ == "PROPN")
        found = {
            a.id: a
            for a in self.actors.values()
            for name in (a.name, *a.aliases)
            if _contains(tuple(name.split()), words)
        }
        if len(found) != 1:
            return None
        actor = next(iter(found.values()))
        return _Speaker(actor.name, actor.id, "person" if actor.kind == "person" else "group")

    def _phrase(self, pi: int, tok: Token) -> _Speaker:
        """An unnamed subject: its words up to its ``of`` phrase, linked to an actor named in
        a modifier ("the French foreign ministry" -> France); possessors are other actors
        ("Starmer's aide")."""
        doc = self.parsed.docs[pi]
        right = max(
            [tok.i] + [c.right_edge.i for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
        )
        actor = None
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
                m = self._mention(pi, c)
                if m is not None and m.actor:
                    actor = m.actor
        kind = "person" if tok.lemma_.lower() in PERSON_NOUNS else "unknown"
        return _Speaker(doc[tok.left_edge.i : right + 1].text, actor, kind)

    def _fits(self, sp: _Speaker, pron: str) -> bool:
        if pron in _PERSON_PRONOUNS:
            return sp.kind in ("person", "unknown")
        if pron in _GROUP_PRONOUNS:
            return sp.kind != "person"
        return True  # they, we: a person, a group or several

    def _antecedent(self, pron: str, pi: int, at: int, tok: Token | None = None) -> _Speaker | None:
        """Who "he", "she", "they", "it" (or an unresolved "the leader") is: the subject of
        the main clause before it in its own sentence (Ortagus indicated: “...,” he
        said), the previous sentence's subject, the speaker of the last quote in this or
        the previous paragraph, then the nearest mention of a fitting kind before it."""
        if tok is not None:
            root = tok.sent.root
            subj = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
            if (
                root.i != tok.head.i
                and subj is not None
                and subj.i < tok.i
                and subj.pos_ != "PRON"
                and not self.quoted.holds(self._off(pi, subj)[0])
            ):
                own = self._named(pi, subj)
                if own is not None and self._fits(own, pron):
                    return own
        prev = self._previous_subject(at)
        if prev is not None and self._fits(prev, pron):
            return prev
        if (
            self.last is not None
            and self.last.para >= pi - 1
            and self._fits(self.last.speaker, pron)
        ):
            return self.last.speaker
        j = bisect_left(self.starts, at) - 1
        while j >= 0:
            m = self.mentions[j]
            if not self.quoted.holds(m.start):
                sp = self._from_mention(m)
                if sp.kind != "unknown" and self._fits(sp, pron):
                    return sp
            j -= 1
        return None

    def _previous_sentence(self, at: int) -> tuple[int, Any] | None:
        j = bisect_right(self.sent_ends, at) - 1
        return self.sents[j] if j >= 0 else None

    def _previous_subject(self, at: int) -> _Speaker | None:
        found = self._previous_sentence(at)
        if found is None:
            return None
        pi, sent = found
        subj = next((c for c in sent.root.children if c.dep_ in _SUBJECTS), None)
        if subj is None or subj.pos_ == "PRON" or self.quoted.holds(self._off(pi, subj)[0]):
            return None
        named = self._named(pi, subj)
        if named is None and subj.lemma_.lower() in PERSON_NOUNS and not _anaphoric(subj):
            return self._phrase(pi, subj)  # "The head of the investigators told the court"
        return named

    def subject_of(self, pi: int, verb: Token) -> Token | None:
        """:func:`_subject`, or when the parse gave the verb none, the nearest noun before
        it that is no object, a named one first ("the president of the league, Jamel
        Msallem, said"), or the noun right after it (“...” read the statement)."""
        subj = _subject(verb)
        if subj is not None or verb.tag_ == "VBN" or verb.lower_ == "according":
            return subj
        off = self.parsed.offsets[pi]
        sent = verb.sent
        after = [
            t
            for t in sent[verb.i - sent.start + 1 : verb.i - sent.start + 4]
            if t.head.i == verb.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "attr")
        ]
        before = [
            t
            for t in sent[: verb.i - sent.start]
            if (t.pos_ in ("NOUN", "PROPN") or t.dep_ == "nsubj")
            and t.dep_ not in ("pobj", "dobj", "compound", "poss", "npadvmod")
            and not self.quoted.holds(off + t.idx)
        ]
        named = [t for t in before if self._mention(pi, t) is not None]
        if named:
            return named[-1]
        if before:
            return before[-1]
        if after and self.quoted.holds(off + sent[0].idx):
            return after[0]
        return None

    def sentence_start(self, pi: int, tok: Token) -> int:
        return self.parsed.span_offsets(pi, tok.sent)[0]

    def previous_reporter(self, at: int) -> tuple[_Speaker, str] | None:
        """The speaker of a speech verb that is the root of the sentence before ``at``."""
        found = self._previous_sentence(at)
        if found is None:
            return None
        pi, sent = found
        if not _is_speech(sent.root):
            return None
        subj = self.subject_of(pi, sent.root)
        if subj is None:
            return None
        sp = self.resolve(pi, subj, self.sentence_start(pi, sent.root))
        return (sp, sent.root.lemma_.lower()) if sp is not None else None


# --- quotes ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Piece:
    """One paragraph's part of a quote as tokens: ``doc[lo:hi]`` of paragraph ``pi``."""

    pi: int
    lo: int
    hi: int


def _pieces(parsed: Parsed, parts: tuple[Part, ...]) -> list[_Piece]:
    out = []
    for s, e in parts:
        pi = bisect_right(parsed.offsets, s) - 1
        off = parsed.offsets[pi]
        span = parsed.docs[pi].char_span(s - off, e - off, alignment_mode="expand")
        if span is not None and len(span):
            out.append(_Piece(pi, span.start, span.end))
    return out


def _tops(parsed: Parsed, piece: _Piece) -> list[Token]:
    doc = parsed.docs[piece.pi]
    return [
        t
        for t in doc[piece.lo : piece.hi]
        if not t.is_punct and (t.head.i == t.i or not piece.lo <= t.head.i < piece.hi)
    ]


def _opens_sentence(body: str, start: int) -> bool:
    # What ends the text before the opening mark, past a quote that closed there.
    raw = body[max(0, start - 200) : max(0, start - 1)]
    if not raw[raw.rfind("\n") + 1 :].strip():
        return True  # the paragraph starts here
    before = raw.rstrip().rstrip("\"”’'").rstrip()
    return not before or before.endswith((".", "!", "?", ":", "…"))


def _is_full(
    body: str, parts: tuple[Part, ...], tops: Sequence[Token], inside: Callable[[Token], bool]
) -> bool:
    """A whole utterance rather than a fragment of the author's sentence (module doc, 2)."""
    text = body[parts[0][0] : parts[-1][1]].strip()
    opens = _opens_sentence(body, parts[0][0]) and text[:1].isupper()
    if opens and text.rstrip("'\"’”").endswith((".", "!", "?", "…")):
        return True
    for t in tops:
        if t.pos_ not in _VERBS:
            continue
        if t.tag_ in _FINITE:
            return True
        if any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE and inside(c) for c in t.children
        ):
            return True
        if t.tag_ == "VB" and opens and not any(c.dep_ in _SUBJECTS for c in t.children):
            return True  # an imperative: "Show it again and frustrate the enemy."
    return False


def _text(body: str, parts: tuple[Part, ...]) -> tuple[str, int, int] | None:
    pieces = []
    for s, e in parts:
        chunk = body[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        pieces.append((s + lead, s + len(chunk.rstrip())))
    pieces = [(s, e) for s, e in pieces if e > s]
    if not pieces:
        return None
    text = " ".join(body[s:e] for s, e in pieces)
    if not any(ch.isalnum() for ch in text):
        return None
    return text, pieces[0][0], pieces[-1][1]


def _term_marked(parsed: Parsed, piece: _Piece) -> bool:
    doc = parsed.docs[piece.pi]
    j = piece.lo - 1
    while j >= 0 and doc[j].is_punct and doc[j].text in _DOUBLE + _SINGLE:
        j -= 1
    if j < 0:
        return False
    word = doc[j].lower_
    if word == "called" and j >= 2 and doc[j - 1].text == "-" and doc[j - 2].lower_ == "so":
        return True
    if word == "as" and j >= 1 and doc[j - 1].lower_ == "known":
        return True  # also known as the “Radio Control Law”
    return word in TERM_MARKERS or doc[j].lemma_.lower() in TERM_MARKERS


def _nearest_cue(parsed: Parsed, pieces: Sequence[_Piece], quoted: _Spans) -> Token | None:
    """A speech verb or "according" outside quotes in the sentences the quote begins and
    ends in, nearest to the quote."""
    best: tuple[int, Token] | None = None
    ends = ((pieces[0], pieces[0].lo), (pieces[-1], pieces[-1].hi - 1))
    for piece, i in ends:
        doc = parsed.docs[piece.pi]
        off = parsed.offsets[piece.pi]
        for t in doc[i].sent:
            if piece.lo <= t.i < piece.hi or quoted.holds(off + t.idx):
                continue
            according = (
                t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"
            )
            if not (according or _is_speech(t)):
                continue
            dist = min(abs(t.i - piece.lo), abs(t.i - piece.hi))
            if best is None or dist < best[0]:
                best = (dist, t)
    return best[1] if best is not None else None


def find_quotes(parsed: Parsed, mentions: Sequence[Entity], actors: Sequence[Actor]) -> list[Quote]:
    """Direct quotes in ``parsed.article.body`` with their speakers (see the module doc)."""
    body = parsed.article.body
    paras = [
        (off, off + len(doc.text)) for off, doc in zip(parsed.offsets, parsed.docs, strict=True)
    ]
    spans = quote_spans(body, paras)
    quoted = _Spans((s - 1, e + 1) for q in spans for s, e in q)
    who = _Attributor(parsed, mentions, actors, quoted)
    out: list[Quote] = []
    for parts in spans:
        quote = _quote(parsed, parts, who, quoted)
        if quote is not None:
            out.append(quote)
    return out


def _quote(
    parsed: Parsed, parts: tuple[Part, ...], who: _Attributor, quoted: _Spans
) -> Quote | None:
    body = parsed.article.body
    found_text = _text(body, parts)
    pieces = _pieces(parsed, parts)
    if found_text is None or not pieces:
        return None
    text, start, end = found_text
    tops = [(p, t) for p in pieces for t in _tops(parsed, p)]

    def inside(tok: Token) -> bool:
        return any(p.lo <= tok.i < p.hi and tok.doc is parsed.docs[p.pi] for p in pieces)

    def quoted_in(pi: int) -> Callable[[Token], bool]:
        off = parsed.offsets[pi]
        return lambda tok: quoted.holds(off + tok.idx)

    full = _is_full(body, parts, [t for _, t in tops], inside)
    if full:
        found = _utterance_verb(parsed, pieces, tops, quoted, quoted_in)
    else:
        found = _fragment_verb(parsed, pieces, tops, quoted_in)
        if found is None:
            return None  # a scare quote or a name: no one is said to have said it
    speaker: _Speaker | None = None
    cue: str | None = None
    if found is not None:
        verb, verb_pi = found
        at = min(start, who.sentence_start(verb_pi, verb))
        if verb.lower_ == "according":
            cue = "according to"
            to = verb.doc[verb.i + 1]
            subj = next((c for c in to.children if c.dep_ == "pobj"), None)
        else:
            cue = verb.lemma_.lower()
            subj = who.subject_of(verb_pi, verb)
        if subj is not None:
            speaker = who.resolve(verb_pi, subj, at)
        if speaker is None and not full:
            return None  # words of no one we can name (you call the “A”) are a name
    elif who.last is not None and who.last.para >= pieces[0].pi - 1:
        speaker = who.last.speaker  # a run of quotes: "...," X said. "..."
    else:
        reporter = who.previous_reporter(start)
        if reporter is not None:
            speaker, cue = reporter
    if speaker is not None:
        who.last = _Last(speaker, pieces[-1].pi)
    return Quote(
        text=text,
        start=start,
        end=end,
        speaker=speaker.name if speaker else None,
        speaker_actor=speaker.actor if speaker else None,
        cue=cue,
        partial=not full,
    )


def _fragment_verb(
    parsed: Parsed,
    pieces: Sequence[_Piece],
    tops: Sequence[tuple[_Piece, Token]],
    inside: Callable[[int], Callable[[Token], bool]],
) -> tuple[Token, int] | None:
    """The speech or judgement verb a fragment is the words of, or None for a scare quote."""
    if _term_marked(parsed, pieces[0]):
        return None
    # A verb that only modifies a noun (a “terrorist-related” attack) keeps it nominal.
    bare = not any(t.pos_ in _VERBS and t.dep_ not in ("amod", "compound") for _, t in tops)
    for p, t in tops:
        found = _governor(t, inside(p.pi), bare=bare)
        if found.scare:
            return None
        if found.verb is not None:
            return found.verb, p.pi
    return None


def _utterance_verb(
    parsed: Parsed,
    pieces: Sequence[_Piece],
    tops: Sequence[tuple[_Piece, Token]],
    quoted: _Spans,
    inside: Callable[[int], Callable[[Token], bool]],
) -> tuple[Token, int] | None:
    """The verb that reports a full quote: its governor, the verb before a colon that
    introduces it, the nearest speech verb in its sentences, a bare reporting clause in
    the next sentence (“... a trial.” Pelosi said.), or the verb it is the complement of."""
    for p, t in tops:
        found = _governor(t, inside(p.pi), bare=False)
        if found.verb is not None:
            return found.verb, p.pi
    colon = _colon_verb(parsed, pieces[0])
    if colon is not None:
        return colon, pieces[0].pi
    cue = _nearest_cue(parsed, pieces, quoted)
    if cue is not None:
        return cue, next(p.pi for p in pieces if cue.doc is parsed.docs[p.pi])
    after = _reporting_after(parsed, pieces[-1])
    if after is not None:
        return after, pieces[-1].pi
    # Last, any verb the quote is the clausal complement of: verbs that take a "that"
    # clause are verbs of saying, thinking or finding (the court found [that] “...”).
    for p, t in tops:
        child = t
        while child.head.i != child.i:
            head = child.head
            if head.pos_ in _VERBS and not inside(p.pi)(head):
                if child.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_ not in _LIGHT:
                    return head, p.pi
                break
            child = head
    return None


def _reporting_after(parsed: Parsed, piece: _Piece) -> Token | None:
    """A sentence right after the closing mark that is only a reporting clause: a speech
    verb with a subject and nothing said (Pelosi said. He told reporters.)."""
    doc = parsed.docs[piece.pi]
    j = piece.hi
    while j < len(doc) and doc[j].text in _DOUBLE + _SINGLE:
        j += 1
    if j >= len(doc) or not doc[j].is_sent_start:
        return None
    root = doc[j].sent.root
    said = any(c.dep_ in ("ccomp", "xcomp", "parataxis", "advcl") for c in root.children)
    if _is_speech(root) and not said and any(c.dep_ in _SUBJECTS for c in root.children):
        return root
    return None


def _colon_verb(parsed: Parsed, piece: _Piece) -> Token | None:
    """The verb of a clause ending in a colon right before a full quote, whatever the verb:
    Tilburg disagreed with these findings: “...”."""
    doc = parsed.docs[piece.pi]
    j = piece.lo - 1
    while j >= 0 and doc[j].text in _DOUBLE + _SINGLE:
        j -= 1
    if j < 0 or doc[j].text != ":":
        return None
    for v in (doc[j].head, doc[j].sent.root):
        if v.pos_ in _VERBS and v.i < j:
            return v
    # The parser made the quote the root: the last verb with a subject before the colon.
    start = doc[j].sent.start
    for k in range(j - 1, start - 1, -1):
        if doc[k].pos_ == "VERB" and any(c.dep_ in _SUBJECTS for c in doc[k].children):
            return doc[k]
    return None
