"""When and where an event happened.

A date comes from the nearest scope that gives one, and ``date_basis`` says which:

* ``timex``: a time expression attached to the event's own clause, climbing through
  coordinated and adverbial clauses but not across "after", "before" or a reported-speech
  boundary ("Germany on Monday banned ...", "in its January 3 security alert");
* ``sentence``: a time expression of a clause above the event in its sentence, reported
  speech included ("On Wednesday, Lam announced that her government will withdraw the
  bill"; "On Thursday, the judge wrote that the law violated ..."), unless the reported
  act is in a perfect tense ("said Hamza bin Laden has been killed": before the saying);
  never one of an "after"/"before" clause, a relative clause or another branch;
* ``paragraph``: for an event of a sentence told in the simple past, the main-clause date
  of the nearest earlier sentence of its paragraph that names one ("On Thursday, a man
  stabbed four officers. The attacker was shot dead by police."); a sentence in between
  that leaves the past ends the scope;
* ``lead``: for such an event in a later paragraph that names no main-clause date, the day
  of the story's lead sentence, when that is within a week of publication (news tells its
  main event first and the details after: "He was being met by al-Muhandis, who was also
  killed in the airstrike"), unless the sentence says the event is from before
  ("recently", "previously"); a guess, said as such, and better than the publication
  date for the story's own events, no worse for its background;
* ``published``: else the article's publication date.

A weekday or a month named without a year is resolved around the publication date by the
time expression stage; an event told in the past is never after publication, so a date
that lands after it moves back a week (weekday) or a year (month): "On Friday, Trump
declared" in a Thursday story is last Friday.

A place comes from the event's own clause ("in/at/near/outside <place>" on its words or on
the clauses that share its time, a visited place), else from its sentence (a place set by
such a preposition anywhere in the sentence: "Police in Kerala arrested ..."), else the
dateline.  Only real places count: GPE, LOC or FAC entities that geocode offline; a
nationality or name used as a modifier ("a US counter-terrorism operation") is no place;
"the city of X", "the Serbian capital Belgrade", "X, Turkey" and "X State, Nigeria" give
the most precise place they name.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Span, Token

from eventwire import lexicon
from eventwire.lexicon import verbs as V
from eventwire.model import Entity, Location, Timex
from eventwire.stages.events.frames import is_event_noun
from eventwire.stages.events.records import Trigger
from eventwire.stages.events.resolve import ActorResolver
from eventwire.stages.events.syntax import governor_of
from eventwire.stages.geo import dateline_place, geocode
from eventwire.stages.nlp import Parsed

__all__ = ["WhenWhere"]

_VISIT_PREPS = {"to", "in", "at"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# Nouns that stand for a place and pass it on: "the city of Gdansk", "the Serbian capital
# Belgrade", "the US capital city of Washington", "the province of Banten".
_PLACE_NOUNS = frozenset({
    "city", "town", "village", "capital", "province", "state", "region", "area", "district",
    "county", "territory", "border", "suburb", "neighbourhood", "neighborhood", "island",
    "coast", "port", "outskirts", "oblast", "governorate", "prefecture", "municipality",
    "country", "nation", "republic",
})  # fmt: skip
_WEEKDAY_NAMES = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_MONTH_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})  # fmt: skip
# Auxiliaries that put a past-participle clause in the past ("was arrested", "has been
# killed"); "had" is the past before the past and is handled apart.
_PAST_AUX = frozenset({"was", "were", "has", "have", "been", "got", "did"})
# Adverbs that put a past event before the story's own ("He recently condemned ...").
_BACKGROUND_CUES = frozenset({"recently", "previously", "once", "formerly", "earlier", "already"})


class WhenWhere:
    """The times and places of one article's events."""

    def __init__(self, parsed: Parsed, resolver: ActorResolver, timexes: Sequence[Timex]) -> None:
        self.parsed = parsed
        self.resolver = resolver
        self.article = parsed.article
        self.timexes = sorted((t for t in timexes if t.value), key=lambda t: t.start)
        self.timex_starts = [t.start for t in self.timexes]
        self.published = (self.article.published or "")[:10] or None
        self._published_day = _day(self.published)
        self._dateline: Location | None = None
        self._dateline_done = False
        self._story: tuple[str | None] | None = None
        self._lead: tuple[Timex | None] | None = None

    # -- time ----------------------------------------------------------------------------------
    def date(self, para: int, sent: Span, trig: Trigger) -> tuple[str | None, str]:
        """The event's date and its basis: ``timex``, ``sentence``, ``paragraph`` or
        ``published`` (see the module docstring)."""
        verb = _tensed_verb(trig)
        past = verb is not None and _is_past(verb)
        timex = self.attached_timex(para, sent, _chain(trig), trig.anchor)
        basis = "timex"
        if timex is None:
            timex, basis = self._sentence_timex(para, sent, trig.anchor), "sentence"
        if timex is None and past and verb is not None and not _pluperfect(verb):
            timex, basis = self._paragraph_timex(para, sent, trig.anchor), "paragraph"
            if timex is None and self._undated_before(para, sent):
                timex, basis = self._lead_timex(para, sent, trig.anchor), "lead"
        if timex is None or timex.value is None:
            return self.published, "published"
        value = timex.value
        if past:
            value = self._not_after_publication(timex, value)
            if basis != "timex" and self._after_publication(value):
                return self.published, "published"  # a later date is another clause's
        return value, basis

    def _after_publication(self, value: str) -> bool:
        published = self.published
        return published is not None and value[:4].isdigit() and value > published[: len(value)]

    def attached_timex(
        self, para: int, sent: Span, chain: list[Token], near: Token | None = None
    ) -> Timex | None:
        """The time expression attached to the nearest word of ``chain``: a timex whose
        head climbs (through non-verbs) to a chain word; nearest chain word, then nearest
        to ``near``."""
        rank = {t.i: n for n, t in enumerate(chain)}
        anchor = near if near is not None else chain[0]
        best: tuple[int, int, Timex] | None = None
        for timex, head in self._sentence_timexes(para, sent):
            node = _attachment(head, stop=rank)
            if node.pos_ in ("VERB", "AUX") and _in_argument(head):
                continue  # "to protest the results of the 2020 election": the election's
            if node.dep_ == "xcomp" and node.head.i in rank and _dates_a_noun(head):
                # "advised citizens to leave ... in its January 3 security alert": a dated
                # document or statement is the act's, whatever the parser hung it on
                node = node.head
            if node.i in rank:
                key = (rank[node.i], abs(head.i - anchor.i), timex)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best[2] if best is not None else None

    def _sentence_timexes(self, para: int, sent: Span) -> list[tuple[Timex, Token]]:
        """The valued time expressions of a sentence, each with its head token."""
        base = self.parsed.offsets[para]
        s_start, s_end = base + sent.start_char, base + sent.end_char
        i = bisect_left(self.timex_starts, s_start)
        out = []
        while i < len(self.timexes) and self.timexes[i].start < s_end:
            timex = self.timexes[i]
            i += 1
            head = _timex_head(sent, base, timex)
            if head is not None:
                out.append((timex, head))
        return out

    def _sentence_timex(self, para: int, sent: Span, anchor: Token) -> Timex | None:
        """The time expression of the nearest clause above ``anchor`` in its sentence."""
        best: tuple[int, Timex] | None = None
        for timex, head in self._sentence_timexes(para, sent):
            clause = _attachment(head)
            steps = _steps_up(anchor, clause, reports="plans")
            if steps is not None and (best is None or steps < best[0]):
                best = (steps, timex)
        return best[1] if best is not None else None

    def _paragraph_timex(self, para: int, sent: Span, anchor: Token) -> Timex | None:
        """The main-clause date of the nearest earlier sentence of the paragraph that names
        a date, for an event in its own sentence's main time.  None when that sentence's
        date belongs to a side clause, or when a sentence in between leaves the past
        ("People held in contempt are referred ...": the story has moved on)."""
        main = _steps_up(anchor, sent.root, reports="all", relatives=True)
        if main is None or not _simple_past(sent.root):
            return None  # "The arrest came after an allegation he assaulted ..."
        earlier = [s for s in self.parsed.docs[para].sents if s.end <= sent.start]
        for prev in reversed(earlier):
            found = self._sentence_timexes(para, prev)
            if not found:
                if not _is_past(prev.root):
                    return None
                continue
            for timex, head in found:
                if _is_main(_attachment(head), prev.root):
                    return timex
            return None
        return None

    def _undated_before(self, para: int, sent: Span) -> bool:
        """Whether the paragraph names no date of a main clause up to the end of ``sent``
        ("Trump, who appointed Murphy in 2017, responded ..." names none)."""
        for prev in self.parsed.docs[para].sents:
            if prev.start >= sent.end:
                break
            for _timex, head in self._sentence_timexes(para, prev):
                if _is_main(_attachment(head), prev.root):
                    return False
        return True

    def _lead_timex(self, para: int, sent: Span, anchor: Token) -> Timex | None:
        """The day of the story's lead sentence (its first, with a main-clause date within
        a week of publication), for a later event told in the simple past, in its
        sentence's main time, in a paragraph that names no date: news tells its main event
        first and the details after ("On Friday, protesters gathered ... . [a new
        paragraph] The protest began outside ...").  Not for an event said to be from
        before ("recently", "previously", "once")."""
        if para == 0 or not _simple_past(sent.root):
            return None  # "Rittenhouse is accused of ...", "Others have broken with ..."
        if _steps_up(anchor, sent.root, reports="all", relatives=True) is None:
            return None
        if any(t.lower_ in _BACKGROUND_CUES for t in sent):
            return None
        if self._lead is None:
            self._lead = (self._find_lead(),)
        return self._lead[0]

    def _find_lead(self) -> Timex | None:
        first = next(iter(self.parsed.docs[0].sents), None) if self.parsed.docs else None
        if first is None or self._published_day is None:
            return None
        for timex, head in self._sentence_timexes(0, first):
            clause = _attachment(head)
            if not _is_main(clause, first.root):
                continue  # a side clause's date ("after a court ruled on Monday")
            value = timex.value or ""
            if _is_past(clause):  # "marched on Saturday" in a Thursday story: last Saturday
                value = self._not_after_publication(timex, value)
            day = _day(value)
            if day is not None and 0 <= (self._published_day - day).days <= 7:
                return timex
        return None

    def _not_after_publication(self, timex: Timex, value: str) -> str:
        """A past event's weekday or year-less month moved back to before publication."""
        if self._published_day is None or len(value) not in (7, 10):
            return value
        published = self._published_day.isoformat()
        if value <= published[: len(value)]:
            return value
        words = {w.strip(".,()").lower() for w in timex.text.split()}
        if any(len(w) == 4 and w.isdigit() for w in words):
            return value  # the year is written: the text decides
        day = _day(value)
        if day is not None and words & _WEEKDAY_NAMES.keys() and not words & _MONTH_NAMES:
            while day.isoformat() > published:
                day -= timedelta(days=7)
            return day.isoformat()
        if words & _MONTH_NAMES:
            year, rest = int(value[:4]), value[4:]
            while f"{year:04d}{rest}" > published[: len(value)]:
                year -= 1
            return f"{year:04d}{rest}"
        return value

    # -- place ---------------------------------------------------------------------------------
    def _places_in(self, para: int, tok: Token, *, deep: bool = False) -> Location | None:
        """The most precise real place named in ``tok``'s phrase: the noun phrase itself,
        its "of" and "in" parts ("the Saudi consulate in Istanbul, Turkey"); with ``deep``,
        also places further down ("in protest of the refusal to accept the independence of
        Chechnya")."""
        start, end = (
            self.resolver.offset(para, tok.left_edge)[0],
            self.resolver.offset(para, tok.right_edge)[1],
        )
        entities = [
            e
            for e in self._place_entities(start, end)
            if deep
            or ((root := self._entity_root(para, e)) is not None and _within_phrase(root, tok))
        ]
        return self._best_place(para, entities)

    def _place_entities(self, start: int, end: int) -> list[Entity]:
        i = bisect_left(self.resolver.entity_starts, start)
        out = []
        while i < len(self.resolver.entities) and self.resolver.entities[i].start < end:
            e = self.resolver.entities[i]
            if e.label in _PLACE_LABELS and e.end <= end:
                out.append(e)
            i += 1
        return out

    def _best_place(self, para: int, entities: list[Entity]) -> Location | None:
        """The most precise of the places named one after another: a city, else a division,
        else a country; "Istanbul, Turkey" and "the Eastern District of Virginia" look the
        first name up in the country of the second, other names in the story's country."""
        body = self.article.body
        found: list[Location] = []
        for n, e in enumerate(entities):
            within: str | None = None
            nxt = entities[n + 1] if n + 1 < len(entities) else None
            if nxt is not None and body[e.end : nxt.start].strip().lower() in (",", "of"):
                outer = geocode(nxt.text)
                within = outer.country if outer is not None else None
            place = geocode(e.text, country=within, prefer=self._story_country())
            if place is None or (within is not None and place.country != within):
                continue
            if _precision(place) == 0 and self._is_modifier(para, e):
                continue  # "a US counter-terrorism operation": a nationality, not a place
            found.append(place)
        if not found:
            return None
        return max(found, key=_precision)

    def _story_country(self) -> str | None:
        """The country most of the story's places are in, for names found in several."""
        if self._story is None:
            votes: Counter[str] = Counter()
            for e in self.resolver.entities:
                if e.label in ("GPE", "LOC"):
                    place = geocode(e.text)
                    if place is not None and place.country:
                        votes[place.country] += 1
            top = votes.most_common(1)
            self._story = (top[0][0] if top else None,)
        return self._story[0]

    def _is_modifier(self, para: int, e: Entity) -> bool:
        """Whether a country's name only modifies another noun ("a US counter-terrorism
        operation", "Chinese government") rather than naming where: a city or province so
        used still places the thing ("the Croydon custody centre"), and so does a country
        before a place noun ("the US capital city of Washington")."""
        root = self._entity_root(para, e)
        if root is None:
            return False
        return (
            root.dep_ in ("compound", "amod", "nmod")
            and root.head.pos_ in ("NOUN", "PROPN")
            and root.head.lemma_.lower() not in _PLACE_NOUNS
            and root.head.ent_type_ not in _PLACE_LABELS
        )

    def _entity_root(self, para: int, e: Entity) -> Token | None:
        base = self.parsed.offsets[para]
        doc = self.parsed.docs[para]
        span = doc.char_span(e.start - base, e.end - base, alignment_mode="expand")
        return span.root if span is not None else None

    def location(self, para: int, trig: Trigger) -> Location | None:
        """The place set in the event's own clause: "in/at/near <place>" on its words, on
        an event-noun subject or an object, or on the clauses that share its time."""
        words = [*trig.tokens, trig.anchor]
        # "a roadside bombing near Samarra killed ...": the place of an event-noun subject;
        # "blocked streets in Hong Kong": the place of the object
        words += [
            c
            for c in trig.anchor.children
            if (c.dep_ == "nsubj" and is_event_noun(c)) or c.dep_ == "dobj"
        ]
        # "marched in London ..., protesting": the clauses that share the event's time
        words += [t for t in _chain(trig) if t.pos_ in ("VERB", "AUX") and t not in words]
        for deep in (False, True):
            # a place of the setting phrase itself first, then one named further down it
            for tok in words:
                place = self._setting_of(para, tok, deep=deep)
                if place is not None:
                    return place
        return None

    def _setting_of(self, para: int, tok: Token, *, deep: bool = False) -> Location | None:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in V.SETTING_PREPOSITIONS:
                for g in child.children:
                    if g.dep_ == "prep":  # "outside of the city of Basra"
                        g = next((x for x in g.children if x.dep_ == "pobj"), g)
                    if g.dep_ == "pobj":
                        place = self._places_in(para, g, deep=deep)
                        if place is not None:
                            return place
        return None

    def sentence_location(self, para: int, sent: Span, trig: Trigger) -> Location | None:
        """A place set anywhere in the sentence by "in/at/near ...", the nearest to the
        trigger ("Police in Kerala arrested a man"), else the dateline's place."""
        base = self.parsed.offsets[para]
        best: tuple[int, Location] | None = None
        for e in self._place_entities(base + sent.start_char, base + sent.end_char):
            root = self._entity_root(para, e)
            if root is None or not _is_setting(root):
                continue
            place = self._places_in(para, _phrase_top(root))
            if place is None:
                continue
            distance = abs(root.i - trig.anchor.i)
            if best is None or distance < best[0]:
                best = (distance, place)
        return best[1] if best is not None else self.dateline_location()

    def visited(self, para: int, trig: Trigger) -> Location | None:
        verb = trig.anchor
        for child in verb.children:
            if child.dep_ in ("dobj", "obj"):
                place = self._places_in(para, child)
                if place is not None:
                    return place
            if child.dep_ == "prep" and child.lower_ in _VISIT_PREPS:
                for g in child.children:
                    if g.dep_ == "pobj":
                        place = self._places_in(para, g)
                        if place is not None:
                            return place
        if trig.noun is not None:
            for child in trig.noun.children:
                if child.dep_ == "prep" and child.lower_ in _VISIT_PREPS:
                    return self._places_in(para, child)
        return None

    def dateline_location(self) -> Location | None:
        if not self._dateline_done:
            self._dateline_done = True
            if self.article.dateline:
                self._dateline = dateline_place(self.article.dateline)
        return self._dateline


def _precision(place: Location) -> int:
    """City (a point) over division over country."""
    if place.lat is not None:
        return 2
    return 0 if place.country and lexicon.country_name(place.country) == place.name else 1


def _phrase_top(tok: Token) -> Token:
    """The noun phrase a place name heads or belongs to: "Istanbul, Turkey", "the capital
    Belgrade", "the city of X"."""
    node = tok
    for _ in range(6):
        apposed = node.dep_ in ("appos", "conj", "npadvmod") and node.head.pos_ in ("NOUN", "PROPN")
        if apposed or (
            node.dep_ in ("compound", "amod") and node.head.lemma_.lower() in _PLACE_NOUNS
        ):
            node = node.head
        elif (
            node.dep_ == "pobj"
            and node.head.lower_ == "of"
            and node.head.head.lemma_.lower() in _PLACE_NOUNS
        ):
            node = node.head.head
        else:
            break
    return node


# Links inside a noun phrase that keep to its place: "the city of X", "the consulate in X",
# "X, Turkey", "the Croydon centre".
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "appos", "conj", "npadvmod", "poss"})


def _within_phrase(root: Token, top: Token) -> bool:
    """Whether a place name belongs to the noun phrase headed by ``top`` as its place (its
    own words, an "of"/setting preposition's object, an apposition), not as a deeper part."""
    node = root
    for _ in range(12):
        if node.i == top.i:
            return True
        if node.dep_ == "pobj":
            prep = node.head
            if prep.lower_ != "of" and prep.lower_ not in V.SETTING_PREPOSITIONS:
                return False
            node = prep
        elif node.dep_ == "prep" or node.dep_ in _PHRASE_DEPS:
            node = node.head
        else:
            return False
    return False


def _is_setting(tok: Token) -> bool:
    """Whether a place name is the object of a preposition that sets a scene."""
    top = _phrase_top(tok)
    return (
        top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.lower_ in V.SETTING_PREPOSITIONS
    )


def _day(value: str | None) -> date | None:
    if value is None or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _attachment(head: Token, stop: dict[int, int] | None = None) -> Token:
    """The word a time expression hangs from: its head climbed through non-verbs to the
    first verb (or a word of ``stop``)."""
    node = head
    for _ in range(12):
        if (stop and node.i in stop) or node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return node


def _dates_a_noun(head: Token) -> bool:
    """Whether a time expression is a noun's modifier ("its January 3 alert", "a Monday
    statement"), not an adverbial of its own ("on Monday")."""
    return head.dep_ in ("compound", "nmod", "amod", "poss") and head.head.pos_ == "NOUN"


def _in_argument(head: Token) -> bool:
    """Whether a time expression only modifies a noun of a verb's argument ("the results of
    the 2020 election", "a 2019 law"), rather than setting the clause's time through a
    phrase ("in its January 3 security alert", "as a result of Saturday's unrest")."""
    if head.dep_ not in ("compound", "nmod", "amod", "poss", "nummod"):
        return False
    node = head.head
    for _ in range(10):
        if node.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr", "dative"):
            return True
        if node.dep_ == "prep" and node.lower_ == "of":
            node = node.head  # "the results of the 2020 election": still inside the noun
            continue
        if node.dep_ == "prep" or node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _breaks_time(node: Token) -> bool:
    """Whether the clause or phrase headed by ``node`` is at another time than its head:
    an "after/before/since ..." clause or phrase, a relative clause (not "where/when")."""
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in V.TEMPORAL_BREAK_MARKS for c in node.children)
    if node.dep_ in ("pcomp", "pobj") and node.head.lower_ in V.TEMPORAL_BREAK_MARKS:
        return True
    if node.dep_ == "relcl":
        return not any(c.lower_ in ("where", "when") for c in node.children)
    return node.dep_ in ("acl", "parataxis") and node.pos_ in ("VERB", "AUX")


def _steps_up(
    low: Token, high: Token, *, reports: str = "none", relatives: bool = False
) -> int | None:
    """How many steps up the parse from ``low`` to ``high`` without leaving the time of
    ``high`` (see ``_breaks_time``); None when ``high`` is not above ``low`` or a step
    leaves its time.  A clause in the past before the past ("had arrested") is not at the
    time of the clause above it.  A reported clause ("announced that ...") is crossed
    only as ``reports`` says: ``"none"``, ``"plans"`` (one that is not in a perfect tense:
    "announced that her government will withdraw" and "wrote that the law violated the
    constitution" share their report's time, "said Hamza bin Laden has been killed" does
    not) or ``"all"``.  With ``relatives``, relative clauses are crossed too (the story's
    lead day dates "al-Muhandis, who was also killed in the airstrike")."""
    node = low
    for steps in range(16):
        if node.i == high.i:
            return steps
        if node.head.i == node.i:
            return None
        if _breaks_time(node) and not (relatives and node.dep_ in ("relcl", "acl")):
            return None
        if node.pos_ in ("VERB", "AUX") and _pluperfect(node):
            return None
        if (
            node.dep_ == "ccomp"
            and node.pos_ in ("VERB", "AUX")
            and (reports == "none" or (reports == "plans" and _perfect(node)))
        ):
            return None
        node = node.head
    return None


def _tensed_verb(trig: Trigger) -> Token | None:
    """The verb that carries the event's tense: the first finite verb of its chain ("marched
    ..., protesting": "marched"), else its first verb."""
    verbs = [t for t in _chain(trig) if t.pos_ in ("VERB", "AUX")]
    for tok in verbs:
        if _finite(tok):
            return tok
    # "sent a letter requesting the rules": a participle takes the tense of its clause
    node = verbs[-1] if verbs else trig.anchor
    for _ in range(8):
        if node.head.i == node.i or node.dep_ == "ccomp":
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") and _finite(node):
            return node
    return verbs[0] if verbs else None


def _finite(tok: Token) -> bool:
    """A verb with a tense of its own: not an infinitive ("to protest") or a participle."""
    return tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in tok.children
    )


def _is_past(verb: Token) -> bool:
    """Told in the past: "declared", "was arrested", "has been killed"; not "will",
    "would", "could have" or a bare participle."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in aux):
        return False
    if verb.tag_ == "VBD" or any(a.lower_ == "did" for a in aux):
        return True  # "declared", "did not accede"
    if verb.tag_ == "VBG":  # "was not giving", "were marching"
        return any(a.lower_ in ("was", "were") for a in aux)
    return verb.tag_ == "VBN" and any(a.lower_ in _PAST_AUX or a.lower_ == "had" for a in aux)


def _is_main(clause: Token, root: Token) -> bool:
    """Whether a time expression hung on ``clause`` dates its sentence's main clause: it is
    above the root, or on the root's time below it (the root of a misparsed sentence is
    sometimes a side clause)."""
    return _steps_up(root, clause) is not None or _steps_up(clause, root, reports="all") is not None


def _simple_past(verb: Token) -> bool:
    """Past, and not a present or past perfect: "declared", "was arrested", "were marching"."""
    return _is_past(verb) and not _perfect(verb)


def _perfect(verb: Token) -> bool:
    """ "has been killed", "had arrested": before the time of the clause above."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _pluperfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _chain(trig: Trigger) -> list[Token]:
    """The trigger's words and the clauses that share its time, nearest first."""
    chain: list[Token] = list(trig.tokens)
    node = trig.anchor
    if node not in chain:
        chain.append(node)
    for _ in range(8):
        if node.pos_ in ("NOUN", "PROPN"):
            governor, _rel = governor_of(node)
            if governor is None:
                break
            node = governor
        elif _shares_time(node):
            node = node.head
        else:
            break
        if node in chain:
            break
        chain.append(node)
    return chain


def _shares_time(node: Token) -> bool:
    """Whether a clause happens when its head does: coordinated and infinitive clauses,
    adverbial ones except "after/before/since ..." ones, "where/when" relatives."""
    if node.dep_ in ("conj", "xcomp"):
        return True
    if node.dep_ == "advcl":
        return not any(
            c.dep_ == "mark" and c.lower_ in V.TEMPORAL_BREAK_MARKS for c in node.children
        )
    return node.dep_ == "relcl" and any(c.lower_ in ("where", "when") for c in node.children)


def _timex_head(sent: Span, base: int, timex: Timex) -> Token | None:
    toks = [t for t in sent if timex.start <= base + t.idx < timex.end]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]
