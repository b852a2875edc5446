"""Entities resolved to actors: one actor per real-world participant of an article.

Named mentions come from spaCy's NER, corrected where the small model errs
systematically on news (possessives and determiners inside spans, people tagged as
organisations after a role noun, credit fragments, lower-case fragments).  Names are
merged by surname ("Xi" = "Xi Jinping"); descriptors around a name give its country,
sector and title ("Russia's President Vladimir Putin"); role nouns make nominal
mentions that corefer with an actor ("the Chinese leader" = Xi, "the leader" after
"Ali Khamenei") or stand for an institution ("a court" in an Iranian story); places
that act ("Moscow and Beijing declared") are their countries.  The curated leaders
table supplies what the text does not say.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire import lexicon
from eventwire.lexicon import verbs as V
from eventwire.model import Actor, Entity, Location
from eventwire.stages.agencies import agency_names_in
from eventwire.stages.geo import dateline_place, division, geocode
from eventwire.stages.nlp import Parsed

__all__ = ["ActorIndex", "find_actors"]

NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Roles whose holder works for the person they are attached to ("Starmer's top aide").
STAFF_ROLES = {"aide", "adviser", "advisor", "director", "spokesman", "spokeswoman",
               "spokesperson", "secretary", "chief", "envoy", "deputy", "assistant"}  # fmt: skip
# Sectors whose unnamed institutions ("a court", "police") are the home country's own.
DOMESTIC_SECTORS = {"GOV", "JUD", "COP", "MIL", "LEG", "SPY"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}
# Quantity words left out of an unnamed group's name ("seven people" -> "people").
QUANTIFIERS = {"some", "several", "many", "few", "dozens", "hundreds", "thousands", "scores",
               "least", "at", "more", "than", "about", "around", "nearly", "over", "other",
               "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}  # fmt: skip
# Sectors whose unnamed members act as a group, never as one person or an institution.
GROUP_SECTORS = {"CVL", "UAF", "REB", "CRM", "OPP", "ACT", "LAB", "EDU", "AGR", "REF"}
# Prepositions that set where something happens (as in the event coder's lexicon).
SETTING_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "across", "throughout",
                        "around", "within"}  # fmt: skip
# Last words of company names, never of people's ("General Motors", "Chrysler LLC").
CORPORATE_WORDS = {"motors", "corp", "corporation", "inc", "llc", "ltd", "plc", "airlines",
                   "airways", "group", "holdings", "bank", "co", "company", "aircraft", "ag",
                   "sa"}  # fmt: skip
# Nouns that make the name after "of" a place ("the town of Nyabibwe").
PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "port", "capital",
               "state", "county", "municipality", "island", "settlement"}  # fmt: skip
# Nouns that only ever point back at someone already named ("his Chinese counterpart").
COREF_ROLES: dict[str, tuple[str, str | None]] = {"counterpart": ("GOV", None)}
# Dependencies under which a place name is a participant, not a setting.
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "agent", "dative", "attr", "appos"}
ARGUMENT_PREPS = {"with", "to", "against", "from", "between", "toward", "towards", "on", "by"}
_SLUG = re.compile(r"[^a-z0-9]+")
_UNBALANCED = re.compile(r"\s*\([^)]*$")


@dataclass(slots=True)
class _Actor:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    aliases: set[str] = field(default_factory=set)

    def freeze(self) -> Actor:
        aliases = tuple(sorted(a for a in self.aliases if a != self.name))
        return Actor(self.key, self.name, self.kind, self.country, self.sector, self.title, aliases)


@dataclass(frozen=True, slots=True)
class _Mention:
    para: int
    start: int  # token indices in the paragraph doc
    end: int
    label: str


class ActorIndex:
    """The actors of one article and the body spans that mention them."""

    def __init__(self, actors: Sequence[Actor], entities: Sequence[Entity]) -> None:
        self.actors = tuple(actors)
        self.entities = tuple(entities)
        self.by_id = {a.id: a for a in actors}

    def in_span(self, start: int, end: int) -> list[str]:
        """Actor ids mentioned inside body[start:end], in order, each once."""
        seen: dict[str, None] = {}
        for e in self.entities:
            if e.actor and e.start >= start and e.end <= end:
                seen.setdefault(e.actor, None)
        return list(seen)


def _slug(text: str) -> str:
    """An ASCII id from a name ("António Guterres" -> "antonio-guterres")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", ascii_text.lower()).strip("-")


def _clean_span(span: Span) -> Span | None:
    """Trim what the model wrongly puts inside a name: determiners, possessives, roles."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if span.label_ == "PERSON":
        while end - start > 1 and lexicon.role_sector(doc[start].text) is not None:
            start += 1
    if start >= end:
        return None
    out = doc[start:end]
    text = _UNBALANCED.sub("", out.text)
    if text != out.text:
        trimmed = doc.char_span(
            out.start_char, out.start_char + len(text), alignment_mode="contract"
        )
        if trimmed is None or not len(trimmed):
            return None
        out = trimmed
    if not (_capitalised(out.text) or out.text[0].isdigit()) or "/" in out.text:
        return None  # "supreme", a credit fragment "Peter Nicholls/Pool"
    if _stray_code(out) and span.label_ != "ORG":
        return None  # a stray site marker ("TT") taken for a place or a person
    return out


def _stray_code(span: Span) -> bool:
    """A short capitalised code that names nothing known: a scraper's marker, not a name."""
    text = span.text
    return (
        text.isupper()
        and len(text) <= 2
        and lexicon.country_of(text) is None
        and lexicon.region(text) is None
        and not agency_names_in(text)
    )


def _abbreviation_after(span: Span) -> str | None:
    """The abbreviation a name is given in parentheses right after it, if any."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        abbr = doc[span.end + 1].text
        if abbr[:1].isupper() and len(abbr) <= 8 and abbr.upper() == abbr:
            return abbr
    return None


def _named(parsed: Parsed, persons_known: set[str]) -> list[tuple[int, Span, str]]:
    """NER spans, cleaned and relabelled."""
    out = []
    # the dateline ("NAIROBI (Reuters) -") names where the story was filed and by whom
    dateline_end = len(parsed.article.dateline or "")
    for i, doc in enumerate(parsed.docs):
        for ent in doc.ents:
            if ent.label_ not in NAMED or (i == 0 and ent.start_char < dateline_end):
                continue
            span = _clean_span(ent)
            if span is None or _takes_no_part(span):
                continue
            label = ent.label_
            if label == "ORG" and _stray_code(span) and doc.text.count(span.text) < 2:
                continue  # an unknown two-letter "organisation" named once: a stray marker
            if label in ("ORG", "GPE") and _is_person_like(span, persons_known):
                label = "PERSON"
            elif label == "PERSON" and _is_place_like(span):
                label = "GPE"
            out.append((i, span, label))
    return out


def _takes_no_part(span: Span) -> bool:
    """A name that is no participant: a platform ("on Twitter"), a disease, a law ("the
    National Emergencies Act"), the portfolio of a title ("Secretary of State"), or the
    first word of a date's name ("Super" of "Super Tuesday")."""
    doc = span.doc
    after_of = (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and lexicon.role_sector(doc[span.start - 2].text) is not None
    )
    if lexicon.non_actor(span.text, after_of=after_of) not in (None, "outlet"):
        return True
    # "Super Tuesday": the name modifies the date word after it
    return (
        len(span) == 1
        and span.end < len(doc)
        and doc[span.end].ent_type_ == "DATE"
        and span.root.dep_ in ("compound", "amod")
        and span.root.head.i == span.end
    )


def _is_place_like(span: Span) -> bool:
    """A "person" that the words before it make a place: "the town of Nyabibwe", or a
    known town where something happens ("marched in Lyon": the small model often takes
    a one-word town for a surname)."""
    doc = span.doc
    root = span.root
    if (
        root.dep_ == "pobj"
        and root.head.lower_ in ("in", "near", "outside")
        and root.head.head.pos_ in ("VERB", "AUX")
        and len(span) <= 2
        and geocode(span.text) is not None
    ):
        return True
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    return doc[span.start - 2].lemma_.lower() in PLACE_NOUNS


# Arabic article forms that begin a capitalised name in lower case ("al-Muhandis", "el-Sisi").
_NAME_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)[-‐‑]", re.I)


def _capitalised(word: str) -> bool:
    """Whether a word is written as a name: "Muhandis", "al-Muhandis", not "said"."""
    return _NAME_ARTICLE.sub("", word)[:1].isupper()


def _is_person_like(span: Span, persons_known: set[str]) -> bool:
    """An "organisation" right after a person's role noun, or bearing a known person's name."""
    if lexicon.country_of(span.text) or lexicon.region(span.text):
        return False
    words = span.text.split()
    if span.text in persons_known:
        return True  # the whole name is a person's name or surname seen elsewhere
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is None or len(words) > 3 or not all(_capitalised(w) for w in words):
        return False
    if words[-1].rstrip(".").lower() in CORPORATE_WORDS:
        return False
    # a role that a person holds ("top aide", "spokeswoman"), not a kind of company
    role = lexicon.role_sector(prev.text)
    return role is not None and role[1] is not None and role[0] not in ("BUS",)


def find_actors(parsed: Parsed, *, published: str | None = None) -> ActorIndex:
    """The actors of an article and its entity mentions linked to them."""
    return _Resolver(parsed, published).run()


class _Resolver:
    def __init__(self, parsed: Parsed, published: str | None) -> None:
        self.parsed = parsed
        self.published = published
        self.actors: dict[str, _Actor] = {}
        self.entities: list[Entity] = []
        self.country_votes: Counter[str] = Counter()
        self._persons: tuple[list[int], list[str]] | None = None

    # -- helpers ----------------------------------------------------------------------
    def _offsets(self, para: int, span: Span | Token) -> tuple[int, int]:
        return self.parsed.span_offsets(para, span)

    def _add_entity(self, para: int, span: Span | Token, label: str, actor: str | None) -> None:
        start, end = self._offsets(para, span)
        self.entities.append(Entity(span.text, label, start, end, actor))

    def _country_actor(self, code: str) -> str:
        if code not in self.actors:
            name = lexicon.country_name(code) or code
            kind = "group" if lexicon.is_region_code(code) else "country"
            self.actors[code] = _Actor(code, name, kind, country=code, aliases={name})
        return code

    # -- the passes --------------------------------------------------------------------
    def run(self) -> ActorIndex:
        # full names and surnames of the people spaCy found
        known = {part for doc in self.parsed.docs for e in doc.ents if e.label_ == "PERSON"
                 for part in (e.text, e.text.split()[-1]) if _capitalised(part)}  # fmt: skip
        named = _named(self.parsed, known)
        for _, span, label in named:
            code = self._country_of_mention(span.text, label)
            if code:
                self.country_votes[code] += 1
        self._vote_captions()
        persons = [(i, s) for i, s, lab in named if lab == "PERSON"]
        person_of = self._people(persons)
        for i, span, label in named:
            if label == "PERSON":
                self._add_entity(i, span, label, person_of.get((i, span.start)))
            elif label in ("GPE", "LOC", "NORP"):
                self._place_or_country(i, span, label)
            elif label == "ORG":
                self._organisation(i, span)
            else:
                self._add_entity(i, span, label, None)
        self._nominals(named)
        self.entities.sort(key=lambda e: (e.start, e.end))
        used = {e.actor for e in self.entities if e.actor}
        actors = [a.freeze() for a in self.actors.values() if a.key in used]
        return ActorIndex(actors, self.entities)

    def _country_of_mention(self, text: str, label: str) -> str | None:
        if label not in ("GPE", "NORP", "LOC"):
            return None
        return lexicon.country_of(text) or lexicon.region(text)

    def _vote_captions(self) -> None:
        for image in self.parsed.article.images:
            for word in re.findall(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?", image.caption):
                code = lexicon.country_of(word)
                if code:
                    self.country_votes[code] += 1

    @property
    def home_country(self) -> str | None:
        """The country the story is about: the one most mentioned, if clearly so."""
        common = self.country_votes.most_common(2)
        if not common:
            return None
        if len(common) == 2 and common[0][1] == common[1][1]:
            return None
        return common[0][0]

    # people ---------------------------------------------------------------------------
    def _people(self, persons: list[tuple[int, Span]]) -> dict[tuple[int, int], str]:
        out: dict[tuple[int, int], str] = {}
        for i, span in persons:
            name = span.text
            actor = self._match_person(name)
            if actor is None:
                entry = lexicon.leader(name, on=self.published)
                full = entry.name if entry else name
                actor = self._match_person(full) if entry else None
                if actor is None:
                    actor = _Actor(_slug(full), full, "person", aliases={full})
                    if entry:
                        actor.country, actor.sector, actor.title = (
                            entry.country,
                            entry.sector,
                            entry.title,
                        )
                        actor.aliases.update(entry.aliases)
                    self.actors[actor.key] = actor
            elif len(name.split()) > len(actor.name.split()):
                actor.aliases.add(actor.name)
                actor.name = name
            actor.aliases.add(name)
            self._describe(actor, i, span)
            out[(i, span.start)] = actor.key
        for actor in self.actors.values():
            if actor.kind == "person" and actor.country is None:
                entry = lexicon.leader(actor.name, on=self.published)
                if entry is not None:
                    actor.country = entry.country
                    actor.sector = actor.sector or entry.sector
                    actor.title = actor.title or entry.title
                elif self.home_country and self.home_country_share >= 0.4:
                    actor.country = self.home_country
        return out

    @property
    def home_country_share(self) -> float:
        total = sum(self.country_votes.values())
        home = self.home_country
        return self.country_votes[home] / total if home and total else 0.0

    def _match_person(self, name: str) -> _Actor | None:
        words = name.split()
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            theirs = actor.name.split()
            if name in actor.aliases or name == actor.name:
                return actor
            if len(words) == 1 and words[0] in (theirs[0], theirs[-1]):
                return actor
            if len(theirs) == 1 and theirs[0] in (words[0], words[-1]):
                return actor
            if (
                len(words) > 1
                and len(theirs) > 1
                and words[-1] == theirs[-1]
                and words[0] == theirs[0]
            ):
                return actor
        return None

    def _describe(self, actor: _Actor, para: int, span: Span) -> None:
        """Country, sector and title from the words around a name."""
        doc = span.doc
        sent_start = span.sent.start
        window_start = span.start
        # the pre-nominal descriptor: back over compounds, adjectives, possessives, titles
        while window_start > sent_start:
            tok = doc[window_start - 1]
            if (
                (tok.is_punct and tok.text not in ("'s", "’s"))
                or (tok.pos_ in ("VERB", "AUX", "ADP") and tok.lower_ != "of")
                or tok.lower_ in ("and", "said", "told")
            ):
                break
            if tok.dep_ in ("nsubj", "dobj") and tok.head.i > span.end:
                break
            window_start -= 1
            if span.start - window_start >= 10:
                break
        window = doc[window_start : span.start]
        descriptors = [window] if len(window) else []
        for tok in span.root.children:
            if tok.dep_ == "appos" and tok.i >= span.end:
                descriptors.append(doc[tok.left_edge.i : tok.right_edge.i + 1])
        for desc in descriptors:
            self._read_descriptor(actor, desc)

    def _read_descriptor(self, actor: _Actor, desc: Span) -> None:
        text = desc.text
        possessor: _Actor | None = None
        for ent in desc.ents:
            if (
                ent.label_ == "PERSON"
                and ent.end < len(desc.doc)
                and desc.doc[ent.end].tag_ == "POS"
            ):
                cleaned = _clean_span(ent)
                possessor = self._match_person(cleaned.text if cleaned else ent.text)
        tail = text
        if possessor is not None:
            tail = re.split(r"['’]s\b", text)[-1]
        role = lexicon.role_sector(tail) or (
            lexicon.role_sector(text) if possessor is None else None
        )
        country = None
        for tok in desc:
            if tok.ent_type_ in ("GPE", "NORP"):
                country = country or lexicon.country_of(tok.text)
        if possessor is not None:
            country = possessor.country or country
        if actor.country is None and country:
            actor.country = country
        if role is not None:
            sector, title = role
            if actor.sector is None:
                actor.sector = sector
            if actor.title is None and title and possessor is None:
                actor.title = title
        head = tail.split()[-1].lower() if tail.split() else ""
        if possessor is not None and (head in STAFF_ROLES or role is None or tail.strip()):
            actor.sector = actor.sector or possessor.sector
            actor.country = actor.country or possessor.country

    # places, countries, organisations -------------------------------------------------
    def _place_or_country(self, para: int, span: Span, label: str) -> None:
        code = self._country_of_mention(span.text, label)
        if code is None:
            state = division(span.text) if label == "GPE" and _acts(span) else None
            self._add_entity(para, span, label, self._state_actor(state) if state else None)
            return
        is_capital = (
            lexicon.capital_country(span.text) == code and lexicon.country_name(code) != span.text
        )
        if label == "NORP":
            # "Iranians", "the Chinese": a people; "Chinese" before a noun is a descriptor.
            if (
                span.root.tag_ in ("NNPS", "NNS")
                or span.root.dep_ in ARGUMENT_DEPS
                or (
                    span.text.lower().startswith("western")
                    and span.root.head.lemma_
                    in (
                        "government",
                        "country",
                        "power",
                        "nation",
                        "ally",
                    )
                )
            ):
                self._add_entity(para, span, label, self._country_actor(code))
            else:
                self._add_entity(para, span, label, None)
            return
        if is_capital and not self._is_argument(span):
            self._add_entity(para, span, label, None)  # a setting: "talks in Beijing"
            return
        self._add_entity(para, span, label, self._country_actor(code))

    def _state_actor(self, state: Location) -> str:
        """A state or province that acts ("California sued", "Texas banned"): its
        government, of its country."""
        key = _slug(f"{state.country}-{state.name}")
        if key not in self.actors:
            self.actors[key] = _Actor(key, state.name, "organization", country=state.country,
                                      sector="GOV", aliases={state.name})  # fmt: skip
        return key

    @staticmethod
    def _is_argument(span: Span) -> bool:
        root = span.root
        while root.dep_ == "conj":
            root = root.head
        if root.dep_ in ARGUMENT_DEPS:
            return True
        return root.dep_ == "pobj" and root.head.lower_ in ARGUMENT_PREPS

    def _organisation(self, para: int, span: Span) -> None:
        name = span.text
        code = lexicon.region(name)
        if code and lexicon.is_region_code(code):
            self._add_entity(para, span, "ORG", self._country_actor(code))
            return
        state = division(name) if re.search(r"\b(?:State|Province)$", name) else None
        if state is not None:  # "Kaduna State", read as an organisation: the state's government
            self._add_entity(para, span, "ORG", self._state_actor(state))
            return
        actor = self.actors.get(_slug(name)) or next(
            (a for a in self.actors.values() if a.kind == "organization" and name in a.aliases),
            None,
        )
        if actor is None:
            role = lexicon.role_sector(name)
            actor = _Actor(_slug(name), name, "organization", aliases={name})
            if agency_names_in(name) or lexicon.non_actor(name) == "outlet":
                actor.sector = "MED"  # a news agency or outlet: never the story's country
            elif role:
                actor.sector = role[0]
            # "Sudan Doctors Network", "Amnesty International Kenya"; else the home country's
            actor.country = lexicon.country_in(name)
            if actor.country is None and actor.sector != "MED" and self.home_country_share >= 0.4:
                actor.country = self.home_country
            self.actors[actor.key] = actor
        abbreviation = _abbreviation_after(span)
        if abbreviation:
            actor.aliases.add(abbreviation)  # "Rapid Support Forces (RSF)"
        self._add_entity(para, span, "ORG", actor.key)

    # nominal mentions ------------------------------------------------------------------
    def _person_mentions(self) -> tuple[list[int], list[str]]:
        """Starts and actor keys of the named people's mentions, in reading order (built
        once the persons pass is over, so that a role's look-back is not quadratic)."""
        if self._persons is None:
            found = sorted(
                (e.start, e.actor) for e in self.entities if e.label == "PERSON" and e.actor
            )
            self._persons = ([s for s, _ in found], [a for _, a in found])
        return self._persons

    def _nominals(self, named: list[tuple[int, Span, str]]) -> None:
        taken = {(i, t) for i, s, _ in named for t in range(s.start, s.end)}
        for para, doc in enumerate(self.parsed.docs):
            for chunk in _chunks_and_possessors(doc):
                head = chunk.root
                if (para, head.i) in taken or head.pos_ not in ("NOUN", "PROPN"):
                    continue
                role = (
                    lexicon.role_sector(head.lemma_)
                    or lexicon.role_sector(head.text)
                    or COREF_ROLES.get(head.lemma_)
                )
                if role is None:
                    continue
                # the role the whole phrase names wins over its head's ("the local police
                # chief" is police, "a hospital spokesperson" speaks for a hospital)
                words = " ".join(t.text for t in chunk if t.lower_ not in DETERMINERS)
                whole = lexicon.role_sector(words) if words.lower() != head.lower_ else None
                if whole is not None and whole[0] != role[0]:
                    role = (whole[0], whole[1] if role[1] is not None else None)
                self._nominal(para, chunk, role)

    def _nominal(self, para: int, chunk: Span, role: tuple[str, str | None]) -> None:
        sector, title = role
        head = chunk.root
        countries = [(t, _word_country(t)) for t in chunk
                     if t.ent_type_ in ("NORP", "GPE") and t.i < head.i]  # fmt: skip
        # "the president of Armenia": the country after the role counts as much as before it
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                countries += [(t, _word_country(t)) for t in prep.children if t.dep_ == "pobj"
                              and t.ent_type_ in ("GPE", "NORP", "ORG")]  # fmt: skip
        countries = [(t, c) for t, c in countries if c]
        start, end = self._offsets(para, chunk)
        if title is not None or head.lemma_ in COREF_ROLES:
            if self._person_reference(para, chunk, sector, countries, start, end):
                return
            named = any(
                t.ent_type_ == "PERSON" for t in head.subtree
            )  # "US Ambassador ... Grenell"
            if not _stands_alone(chunk, qualified=bool(countries) and not named):
                return  # "X, a journalist", "as a judge", "Starmer's top aide": a description
        self._institution(para, chunk, sector, countries, start, end)

    def _person_reference(
        self,
        para: int,
        chunk: Span,
        sector: str,
        countries: list[tuple[Token, str | None]],
        start: int,
        end: int,
    ) -> bool:
        """A role noun that points back at a named person: "the Chinese leader", "the leader".

        Only definite, non-predicative references corefer: "an adviser", "was appointed
        executive director" and "Starmer's top aide" name someone else or no one.
        """
        head = chunk.root
        first = chunk[0].lower_
        definite = first in ("the", "his", "her", "their", "its")
        if (
            not definite
            or head.dep_ in ("attr", "appos", "oprd")
            or any(t.tag_ == "POS" for t in chunk)
        ):
            return False
        if chunk.start > 0 and chunk.doc[chunk.start - 1].lower_ == "as":
            return False
        people = [a for a in self.actors.values() if a.kind == "person"]
        if countries:
            # "the Chinese and Russian leaders": one reference per nationality
            found = False
            for tok, code in countries:
                match = next((p for p in people if p.country == code and p.sector == sector), None)
                if match:
                    s, e = self._offsets(para, tok)
                    self.entities.append(Entity(tok.text, "NOM", s, e, match.key))
                    found = True
            return found
        if head.tag_ not in ("NN", "NNP"):
            return False  # a plural with no nationality ("activists") is nobody in particular
        role = lexicon.role_sector(" ".join(t.text for t in chunk if t.lower_ not in DETERMINERS))
        title = role[1] if role else None
        # a named person only: "the local police chief" is not the hospital spokesperson
        # (the persons pass is over: their mentions, in reading order, are looked up by offset)
        named = self._person_mentions()
        earlier = [self.actors.get(key) for key in named[1][: bisect_left(named[0], start)]]
        match = next(
            (
                a
                for a in reversed(earlier)
                if a
                and a.kind == "person"
                and a.sector == sector
                and (
                    a.title is None
                    or title is None
                    or sector not in ("GOV", "ELI")
                    or title.split()[-1].lower() in a.title.lower()  # "the leader" of a
                )  # "Supreme Leader"; among officials "the crown prince" is no rapporteur
            ),
            None,
        )
        if match:
            self.entities.append(Entity(chunk.text, "NOM", start, end, match.key))
            return True
        return False

    def _institution(
        self,
        para: int,
        chunk: Span,
        sector: str,
        countries: list[tuple[Token, str | None]],
        start: int,
        end: int,
    ) -> None:
        """An unnamed participant: "the French foreign ministry", "a court", "police",
        "gunmen", "seven people", "Iranian authorities".

        Its country comes from, in order: a nationality in the phrase ("Nigerian troops"),
        a place in the phrase or the sentence's setting ("police in Kenya", "... in Harare"),
        the story's home country for a state institution ("a court" in an Iranian story),
        the dateline, the home country of a story clearly about one country; else none.
        Nothing is dropped for want of a country.
        """
        head = chunk.root
        code = countries[0][1] if countries else None
        described = code is not None
        if code is None:
            code = self._setting_country(para, chunk)
        if code is None and sector in DOMESTIC_SECTORS and self.home_country_share >= 0.4:
            code = self.home_country
        if code is None:
            code = self._dateline_country()
        if code is None and self.home_country_share >= 0.5:
            code = self.home_country  # "50,000 people" in a story about Iran are Iranians
        words = [t.text for t in chunk
                 if t.lower_ not in DETERMINERS and not t.like_num and not t.is_punct]  # fmt: skip
        words = [w for w in words if w.lower() not in QUANTIFIERS] or [head.text]
        name = " ".join(words)
        if code is not None and not described:  # "the army" of the story's country: say whose
            name = f"{name} ({lexicon.country_name(code) or code})"
        lemma = " ".join(t.lemma_.lower() for t in chunk[:] if t.i >= head.i or t.pos_ == "NOUN")
        key = _slug(f"{code or 'xx'}-{lemma}")
        actor = self.actors.get(key)
        if actor is None:
            kind = "group" if head.tag_ in ("NNS", "NNPS") or sector in GROUP_SECTORS else (
                "person" if lexicon.role_sector(head.text) and head.tag_ == "NN"
                and (lexicon.role_sector(head.text) or ("", None))[1] else "organization"
            )  # fmt: skip
            actor = _Actor(key, name, kind, country=code, sector=sector, aliases={name})
            self.actors[key] = actor
        else:
            actor.aliases.add(name)
        self.entities.append(Entity(chunk.text, "NOM", start, end, key))

    def _setting_country(self, para: int, chunk: Span) -> str | None:
        """The country of the place a participant is in: "police in Kenya" (its own phrase),
        else the setting of its sentence ("Thousands took to the streets in Harare")."""
        head = chunk.root
        own = [t for t in head.subtree if t.i >= chunk.end]
        sent = chunk.sent
        for candidates in (own, list(sent)):
            for tok in candidates:
                if tok.ent_type_ not in ("GPE", "LOC") or tok.ent_iob_ != "B":
                    continue
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                if ent is None or not _is_setting(ent):
                    continue
                code = _place_country(ent)
                if code is not None:
                    return code
        return None

    def _dateline_country(self) -> str | None:
        dateline = self.parsed.article.dateline
        if not dateline:
            return None
        place = dateline_place(dateline)
        return place.country if place is not None else None


def _chunks_and_possessors(doc: Doc) -> Iterator[Span]:
    """The noun chunks, and before each the possessor inside it that spaCy folds into the
    chunk: "the protesters" of "the protesters' demands", "police" of "police's response"."""
    for chunk in doc.noun_chunks:
        root = chunk.root
        if V.frames("N", root.lemma_):
            # only before an event noun, whose doer the possessor is: "the protesters'
            # demands"; "the soldiers' families" and "the rebels' backers" are others
            for tok in chunk:
                if tok.dep_ == "poss" and tok.head.i == root.i and tok.pos_ == "NOUN":
                    yield doc[tok.left_edge.i : tok.i + 1]
        yield chunk


def _acts(span: Span) -> bool:
    """Whether a place name is a party to its clause ("California sued", "sued Texas",
    "a deal with Ontario", "was banned by Bavaria"), not a setting or a description ("a
    resident of Antioch, Illinois", "flew to Texas")."""
    root = span.root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
        return True
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in ("by", "against", "with")
        and prep.head.pos_ in ("VERB", "AUX")
    )


def _word_country(tok: Token) -> str | None:
    """The country of a nationality or place word in a phrase, read from its whole name
    ("American Samoa", not "Samoa"): "Nigerian", "Kenya", and a state or province ("the
    Texas governor", "the governor of Kaduna State")."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    name = ent.text if ent is not None else tok.text
    code = lexicon.country_of(name) or lexicon.region(name)
    if code is None and tok.ent_type_ in ("NORP", "GPE"):
        code = lexicon.country_of(tok.text) or lexicon.region(tok.text)
    if code is not None or tok.ent_type_ not in ("GPE", "ORG"):
        return code
    state = division(name)
    return state.country if state is not None else None


def _stands_alone(chunk: Span, *, qualified: bool = False) -> bool:
    """A role noun that names a participant of its own ("a soldier was killed", "police
    officers fired"), not one that describes someone ("X, a journalist", "as a judge",
    "Starmer's top aide", "was appointed director"). A ``qualified`` one, whose phrase
    names its country or state ("the Texas governor", "the Iranian foreign minister"),
    stands alone though the text never names the holder."""
    head = chunk.root
    if head.dep_ in ("attr", "appos", "oprd", "compound", "npadvmod"):
        return False
    if chunk.start > 0 and chunk.doc[chunk.start - 1].lower_ == "as":
        return False
    if any(t.tag_ == "POS" for t in chunk):
        return False
    # "the ambassador", "the minister" with no one to point back at: a titled individual the
    # text names elsewhere (or never); only groups and indefinite mentions stand alone
    return (
        qualified
        or head.tag_ in ("NNS", "NNPS")
        or chunk[0].lower_ in ("a", "an", "one", "another")
        or any(t.lower_ in _JURISDICTIONS and t.i < head.i for t in chunk)
    )


# Words that qualify a role by its jurisdiction: "the local police chief" is someone.
_JURISDICTIONS = frozenset({"local", "regional", "provincial", "district", "municipal", "county"})


def _is_setting(ent: Span) -> bool:
    """A place that is where something happens ("in Harare", "near Kaduna, Nigeria")."""
    root = ent.root
    while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in SETTING_PREPOSITIONS


def _place_country(ent: Span) -> str | None:
    code = lexicon.country_of(ent.text)
    if code is not None and not lexicon.is_region_code(code):
        return code
    place = geocode(ent.text)
    return place.country if place is not None else None
