"""Events on real-model parses through every stage, where the participants have no names.

Each case is one or two sentences of news written for this test, run through the whole
pipeline (the actor stage included, unlike tests/test_events.py, which gives the actors by
hand), and checked for the event it must or must not yield: unnamed participants are
actors with a sector and a country where the text gives one; weapons, accidents, plans and
metaphors decide the sense; reported acts of force are allegations.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.model import Actor, Article, Event, SourceRef
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.stages import default_stages


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


def _code(pipeline: Pipeline, body: str, headline: str | None = None) -> Article:
    article = Article(
        id="t", source=SourceRef(uri="test"), headline=headline, body=body, published="2020-03-04"
    )
    return pipeline.run([article])[0]


def _actors(article: Article, ids: tuple[str, ...]) -> Iterator[Actor]:
    by_id = {a.id: a for a in article.actors}
    return (by_id[i] for i in ids)


def _of_type(article: Article, kind: str) -> list[Event]:
    return [e for e in article.events if e.type == kind and not e.negated]


# (text, type, source sector or country, target sector or country or None)
UNNAMED = [
    ("Police arrested a famous actor on Monday.", "COERCE", "COP", "CVL"),
    ("Gunmen opened fire on a civilian bus, killing a passenger.", "ASSAULT", "UAF", "CVL"),
    ("Bandits killed seven people in Kaduna State, Nigeria.", "ASSAULT", "CRM", "NGA"),
    ("Thousands of people took to the streets in Harare.", "PROTEST", "ZWE", None),
    ("Seven people were wounded when a grenade exploded in a market in Kabul.", "ASSAULT", "UAF", "AFG"),
    ("Four protesters died from gunfire during a demonstration in Karbala.", "ASSAULT", "UAF", "CVL"),
    ("Dozens of foreign-owned shops were looted in Pretoria on Monday night.", "ASSAULT", "UAF", None),
    ("Two suicide bombers blew themselves up at a busy market in Baghdad.", "ASSAULT", "UAF", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target"), UNNAMED)
def test_unnamed_participants_are_actors(
    pipeline: Pipeline, text: str, kind: str, source: str, target: str | None
) -> None:
    article = _code(pipeline, text)
    events = _of_type(article, kind)
    assert len(events) == 1, [(e.type, e.trigger) for e in article.events]
    sources = list(_actors(article, events[0].source))
    assert any(source in (a.sector, a.country) for a in sources), sources
    if target is not None:
        targets = list(_actors(article, events[0].target))
        assert any(target in (a.sector, a.country) for a in targets), targets


def test_a_weapon_names_its_attacker(pipeline: Pipeline) -> None:
    article = _code(
        pipeline, "A Russian ballistic missile slammed into an apartment building in Kharkiv."
    )
    assert [e.type for e in article.events] == ["ASSAULT"]
    assert article.events[0].source == ("RUS",)
    assert article.events[0].location is not None
    assert article.events[0].location.country == "UKR"


# (text, headline, types that must not be coded)
NOT_EVENTS = [
    ("Six people were killed when a chemical plant exploded in Prague.", None, {"ASSAULT"}),
    ("A tsunami killed 222 people as it slammed into tourist beaches.", None, {"ASSAULT", "ACCUSE"}),
    ("BOGOTA - A dozen people have been killed in a plane crash in central Colombia.", None, {"ASSAULT"}),
    ("The rebels were developing plans to attack the embassy.", None, {"ASSAULT"}),
    ("A plot to kill the ambassador was uncovered.", None, {"ASSAULT"}),
    ("The bill would allow the government to extradite suspects to China.", None, {"COOPERATE"}),
    ("Organizers of the rally said they were fighting corruption.", None, {"ASSAULT"}),
    ("Police vans arrived, and the crowds dispersed.", None, {"COERCE"}),
    ("They beat us well. The team's coach praised the striker after the match.", "Caloundra win rugby final 24-10", {"ASSAULT"}),
    ("No drugs have been clearly demonstrated suitable for treating the infection.", None, {"PROTEST"}),
    ("They left at dawn without firing a shot.", None, {"ASSAULT"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "headline", "kinds"), NOT_EVENTS)
def test_not_events(pipeline: Pipeline, text: str, headline: str | None, kinds: set[str]) -> None:
    article = _code(pipeline, text, headline)
    coded = {e.type for e in article.events if not e.negated}
    assert not coded & kinds, [(e.type, e.trigger) for e in article.events]


def test_a_science_story_codes_no_cooperation(pipeline: Pipeline) -> None:
    body = (
        "Scientists at the university published a study of the spacecraft in a journal.\n\n"
        "The Boeing company is also collaborating with NASA on the spacecraft, and the "
        "researchers said the experiment and the laboratory trial were a success."
    )
    assert _code(pipeline, body).events == ()


def test_platforms_are_no_actors(pipeline: Pipeline) -> None:
    article = _code(
        pipeline,
        "President Donald Trump lashed out at Washington mayor Muriel Bowser on Twitter, "
        "accusing her of not doing her job.",
    )
    assert "Twitter" not in {a.name for a in article.actors}
    accusations = _of_type(article, "ACCUSE")
    assert accusations and all("twitter" not in e.target for e in accusations)


def test_a_reported_crackdown_is_an_allegation(pipeline: Pipeline) -> None:
    article = _code(
        pipeline,
        "Amnesty International said the Iranian authorities had arrested thousands of "
        "protesters in a grossly unlawful way.",
    )
    arrests = _of_type(article, "COERCE")
    assert arrests and all(e.hedged for e in arrests)
    accusations = _of_type(article, "ACCUSE")
    assert accusations, [(e.type, e.trigger) for e in article.events]
    assert {a.name for a in _actors(article, accusations[0].source)} == {"Amnesty International"}


def test_the_state_reporting_its_own_arrests_is_no_accusation(pipeline: Pipeline) -> None:
    article = _code(
        pipeline,
        "NAIROBI, Kenya - Police spokesperson Esther Wambui said 47 people had been detained "
        "for causing disorder.",
    )
    assert _of_type(article, "COERCE")
    assert not _of_type(article, "ACCUSE")


def test_a_retelling_is_one_event(pipeline: Pipeline) -> None:
    article = _code(
        pipeline, "Seven people were wounded when a grenade exploded in a market in Kabul."
    )
    assaults = _of_type(article, "ASSAULT")
    assert len(assaults) == 1 and len(assaults[0].mentions) == 2


def test_an_act_told_again_in_other_words_is_one_event(pipeline: Pipeline) -> None:
    body = (
        "Tens of thousands of Georgians protested in Tbilisi against the government. "
        "The demonstrators protested the decision to suspend talks with the European Union."
    )
    (protest,) = _of_type(_code(pipeline, body), "PROTEST")
    assert len(protest.mentions) == 2


def test_the_retelling_that_states_the_date_dates_the_event(pipeline: Pipeline) -> None:
    body = (
        "A court in Tehran handed the writer Ali Karimi a six-year prison sentence. "
        "Karimi, sentenced on Saturday, said he would appeal."
    )
    (sentence,) = _of_type(_code(pipeline, body), "COERCE")
    assert (sentence.date, sentence.date_basis) == ("2020-02-29", "timex")


def test_acts_on_two_stated_dates_stay_two_events(pipeline: Pipeline) -> None:
    body = (
        "Thousands of Georgians protested in Tbilisi on Monday against the government. "
        "Thousands of Georgians protested in Tbilisi again on Wednesday."
    )
    dates = sorted(e.date or "" for e in _of_type(_code(pipeline, body), "PROTEST"))
    assert dates == ["2020-03-02", "2020-03-04"]


# (text, type, source sector, source country): a state or province that acts is its
# government; a role qualified by its state or country is a participant though unnamed
STATES = [
    ("California sued the federal government over the new emissions rules.", "ACCUSE", "GOV", "USA"),
    ("The Texas governor criticized the protesters on Monday.", "ACCUSE", "GOV", "USA"),
    ("The governor of Kaduna State condemned the attack on the village.", "ACCUSE", "GOV", "NGA"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "sector", "country"), STATES)
def test_states_and_qualified_roles_are_actors(
    pipeline: Pipeline, text: str, kind: str, sector: str, country: str
) -> None:
    article = _code(pipeline, text)
    (event,) = _of_type(article, kind)
    assert [(a.sector, a.country) for a in _actors(article, event.source)] == [(sector, country)]


def test_a_state_that_is_only_where_someone_lives_is_no_party(pipeline: Pipeline) -> None:
    article = _code(pipeline, "A resident of Springfield, Illinois, was arrested by police.")
    assert not [a for a in article.actors if a.name == "Illinois"]


def test_a_request_targets_the_one_asked_to_act(pipeline: Pipeline) -> None:
    article = _code(
        pipeline, "Opposition leaders pressed for the army to withdraw from the capital."
    )
    (request,) = _of_type(article, "REQUEST")
    assert [a.sector for a in _actors(article, request.target)] == ["MIL"]


def test_the_possessor_of_an_event_noun_is_its_participant(pipeline: Pipeline) -> None:
    article = _code(pipeline, "The minister refused to accede to the protesters' demands.")
    assert any(a.sector == "CVL" for a in article.actors)
    backers = _code(pipeline, "The rebels' backers could face sanctions.")
    assert not any(a.sector == "REB" for a in backers.actors)


def _names(article: Article, ids: tuple[str, ...]) -> list[str]:
    return [a.name for a in _actors(article, ids)]


# (text, type, target name): what is done to a thing is done to the one it belongs to
OWNERS = [
    ("The appeals court threw out a complaint filed by Ohio.", "REJECT", "Ohio"),
    ("Canada announced new restrictions on imports from Venezuela.", "SANCTION", "Venezuela"),
    ("Brazil withdrew its ambassador from a summit with Argentina.", "SANCTION", "Argentina"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "target"), OWNERS)
def test_the_owner_of_an_object_is_the_target(
    pipeline: Pipeline, text: str, kind: str, target: str
) -> None:
    article = _code(pipeline, text)
    events = [e for e in article.events if target in _names(article, e.target)]
    assert events, [(e.type, _names(article, e.target)) for e in article.events]


def test_a_country_that_describes_a_participant_is_no_second_one(pipeline: Pipeline) -> None:
    article = _code(pipeline, "The embassy in Lima urged U.S. citizens to avoid the protests.")
    (request,) = _of_type(article, "REQUEST")
    assert _names(article, request.target) == ["U.S. citizens"]


def test_a_protest_against_a_shooting_is_not_against_its_victim(pipeline: Pipeline) -> None:
    article = _code(
        pipeline, "Hundreds of people in Memphis marched protesting the shooting of Tyre Evans."
    )
    (protest,) = _of_type(article, "PROTEST")
    assert "Tyre Evans" not in _names(article, protest.target)


def test_declining_to_comment_is_no_rejection(pipeline: Pipeline) -> None:
    assert not _code(pipeline, "The mayor of Leeds declined to comment on the report.").events
    (refusal,) = _of_type(_code(pipeline, "Iran refused to negotiate with Oman."), "REJECT")
    assert refusal.cameo.startswith("12")


def test_wrongdoing_said_by_another_is_an_accusation(pipeline: Pipeline) -> None:
    article = _code(
        pipeline, "Senator Joan Pike said the Ruritanian government had rigged the vote."
    )
    (accusation,) = _of_type(article, "ACCUSE")
    assert _names(article, accusation.source) == ["Joan Pike"]
    assert _names(article, accusation.target) != []
    told = _code(pipeline, "The company misled its investors for years.")
    assert not _of_type(told, "ACCUSE")  # the narrator's own words accuse no one


def test_a_name_with_an_arabic_article_is_a_person(pipeline: Pipeline) -> None:
    article = _code(
        pipeline,
        "Abu Karim al-Hashimi led the militia. The government imposed sanctions on al-Hashimi.",
    )
    sanctions = [e for e in article.events if e.type == "SANCTION"]
    assert sanctions and _names(article, sanctions[0].target) == ["Abu Karim al-Hashimi"]


def test_the_person_an_unnamed_group_is_defined_by_is_no_participant(pipeline: Pipeline) -> None:
    article = _code(pipeline, "Supporters of Maria Lopez marched in Quito on Sunday.")
    (protest,) = _of_type(article, "PROTEST")
    assert "Maria Lopez" not in _names(article, protest.source)


def test_a_local_official_is_a_participant_not_someone_named_before(pipeline: Pipeline) -> None:
    article = _code(
        pipeline,
        "The minister was hurt, a hospital spokesperson said. The local police chief was also "
        "injured in the knife attack.",
    )
    hurt = [e for e in article.events if e.type == "ASSAULT"]
    assert any([a.sector for a in _actors(article, e.target)] == ["COP"] for e in hurt)


# (text, type, source name, target name): acts that a verb names by what it applies or asks
NAMED_ACTS = [
    ("Senator Ana Ruiz called Governor Paul Kim a brave leader.", "SUPPORT", "Ana Ruiz", "Paul Kim"),
    ("Mayor Lena Hart called Senator Omar Diaz's budget plan disgraceful.", "ACCUSE", "Lena Hart", "Omar Diaz"),
    ("The Ohio Supreme Court ruled Governor Paul Kim lacked the power to close the polls.", "REJECT", "Ohio Supreme Court", "Paul Kim"),
    ("Norway has been encouraging neighbours such as Sweden to tighten the rules.", "REQUEST", "Norway", "Sweden"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target"), NAMED_ACTS)
def test_acts_named_by_what_is_said(
    pipeline: Pipeline, text: str, kind: str, source: str, target: str
) -> None:
    article = _code(pipeline, text)
    found = [(e.type, _names(article, e.source), _names(article, e.target)) for e in article.events]
    assert any(k == kind and s == [source] and target in t for k, s, t in found), found


def test_a_finding_for_someone_is_no_ruling_against_them(pipeline: Pipeline) -> None:
    assert not _of_type(_code(pipeline, "The jury in Leeds found the nurse not guilty."), "REJECT")
    assert not _code(pipeline, "Senator Ana Ruiz called the meeting on Tuesday.").events[1:]


def test_a_planned_visit_is_an_intent_dated_by_its_report(pipeline: Pipeline) -> None:
    article = _code(
        pipeline,
        "President Lina Moss named Karl Stein envoy in 2016. Reuters reported that Moss was "
        "planning to visit Japan.",
    )
    (intent,) = _of_type(article, "AGREE")
    assert intent.cameo == "036" and intent.date == "2020-03-04"


def test_an_act_of_the_opening_scene_day_happened_there(pipeline: Pipeline) -> None:
    article = _code(
        pipeline,
        "Thousands of farmers marched in Lyon on Tuesday against the new tax.\n\n"
        "Police arrested twelve people on Tuesday, officials said.",
    )
    (arrest,) = _of_type(article, "COERCE")
    assert arrest.location is not None and arrest.location.name == "Lyon"
    later = _code(
        pipeline,
        "Thousands of farmers marched in Lyon on Tuesday against the new tax.\n\n"
        "Police arrested twelve people on Friday, officials said.",
    )
    (other_day,) = _of_type(later, "COERCE")
    assert other_day.location is None or other_day.location.name != "Lyon"


def test_a_thing_someone_made_belongs_to_its_maker(pipeline: Pipeline) -> None:
    article = _code(
        pipeline, "Twelve states filed a lawsuit against the emergency President Ana Ruiz declared."
    )
    suits = [e for e in article.events if e.type == "ACCUSE"]
    assert suits and "Ana Ruiz" in _names(article, suits[0].target)


def test_alleged_ties_are_no_allegation(pipeline: Pipeline) -> None:
    article = _code(pipeline, "The airline's director, Omar Diaz, has alleged ties to the militia.")
    assert not _of_type(article, "ACCUSE")


def test_a_state_s_forces_do_not_attack_their_own_embassy(pipeline: Pipeline) -> None:
    article = _code(
        pipeline,
        "On Thursday, United States military forces killed the militia leader Omar Diaz in an "
        "airstrike. Officials pointed to the December 31 attack on the United States Embassy "
        "in Baghdad.",
    )
    attacks = [e for e in article.events if e.type == "ASSAULT"]
    assert all(not (set(e.source) & set(attacks[0].source)) for e in attacks[1:] if e.target), [
        (e.source, e.target) for e in attacks
    ]
