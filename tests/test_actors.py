"""Entities resolved to actors: names merged, descriptors read, countries, nominal mentions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Article, SourceRef
from eventwire.settings import Settings
from eventwire.stages.actors import ActorIndex, find_actors
from eventwire.stages.nlp import load_nlp, parse

Resolve = Callable[..., ActorIndex]


@pytest.fixture(scope="module")
def resolve() -> Resolve:
    nlp = load_nlp(Settings().model)

    def _resolve(*paragraphs: str, published: str | None = "2025-09-02") -> ActorIndex:
        body = "\n\n".join(paragraphs)
        article = Article(id="t", source=SourceRef("mem"), body=body, published=published)
        (parsed,) = parse(nlp, [article])
        return find_actors(parsed, published=published)

    return _resolve


def _actor(index: ActorIndex, name_word: str) -> dict[str, object]:
    for a in index.actors:
        if name_word in a.name or name_word in a.aliases:
            return {
                "id": a.id,
                "country": a.country,
                "sector": a.sector,
                "title": a.title,
                "kind": a.kind,
            }
    raise AssertionError(f"no actor with {name_word!r}: {[a.name for a in index.actors]}")


def test_descriptor_gives_country_sector_title(resolve: Resolve) -> None:
    idx = resolve("Russia's President Vladimir Putin met reporters in the city.")
    assert _actor(idx, "Putin") == {
        "id": "vladimir-putin", "country": "RUS", "sector": "GOV", "title": "President", "kind": "person",
    }  # fmt: skip


def test_surname_and_nominal_mentions_merge(resolve: Resolve) -> None:
    idx = resolve(
        "Chinese President Xi Jinping spoke on Monday.",
        "Xi said the talks went well, and the Chinese leader thanked his hosts.",
    )
    xi = [a for a in idx.actors if a.kind == "person"]
    assert len(xi) == 1 and xi[0].country == "CHN"
    linked = [e for e in idx.entities if e.actor == xi[0].id]
    assert {e.text for e in linked} >= {"Xi Jinping", "Xi", "Chinese"}


def test_leaders_table_fills_what_the_text_omits(resolve: Resolve) -> None:
    idx = resolve("Khamenei spoke to a crowd in the capital.", published="2026-02-09")
    assert _actor(idx, "Khamenei")["country"] == "IRN"
    assert _actor(idx, "Khamenei")["title"] == "Supreme Leader"


def test_capitals_act_only_as_arguments(resolve: Resolve) -> None:
    idx = resolve("Moscow and Beijing declared a partnership during talks in Paris.")
    acting = {e.text: e.actor for e in idx.entities if e.label == "GPE"}
    assert acting["Moscow"] == "RUS" and acting["Beijing"] == "CHN"
    assert acting["Paris"] is None  # a setting, not a participant


def test_the_west_and_western_governments(resolve: Resolve) -> None:
    idx = resolve("The leaders criticised Western governments and blamed the West for the war.")
    assert {a.country for a in idx.actors} >= {"WST"}


def test_institutions_take_the_home_country(resolve: Resolve) -> None:
    idx = resolve(
        "Iran said on Monday that Iranian officials met in Tehran.",
        "A court in the capital handed the activist a prison sentence, Iran's judiciary said.",
    )
    court = next(a for a in idx.actors if "court" in a.name.lower())
    assert (court.country, court.sector) == ("IRN", "JUD")


def test_possessor_gives_staff_their_boss_country(resolve: Resolve) -> None:
    idx = resolve("British Prime Minister Keir Starmer's top aide Morgan McSweeney quit on Sunday.")
    assert _actor(idx, "McSweeney")["country"] == "GBR"
    assert _actor(idx, "Starmer")["title"] == "Prime Minister"


def test_indefinite_and_predicative_roles_do_not_corefer(resolve: Resolve) -> None:
    idx = resolve(
        "Prime Minister Keir Starmer spoke on Monday.",
        "Allan served as an adviser and was appointed executive director of communications.",
    )
    starmer = _actor(idx, "Starmer")["id"]
    nominal = [e.text for e in idx.entities if e.label == "NOM" and e.actor == starmer]
    assert nominal == []


def test_model_errors_corrected(resolve: Resolve) -> None:
    idx = resolve("The photo was taken by Peter Nicholls/Pool on Monday, and TT was written on it.")
    texts = {e.text for e in idx.entities}
    assert not any("/" in t for t in texts)
    assert "TT" not in texts


def test_offsets_point_into_body(resolve: Resolve) -> None:
    paragraphs = (
        "France accused Iran on Monday.",
        "Paris is calling for the release of Narges Mohammadi.",
    )
    idx = resolve(*paragraphs)
    body = "\n\n".join(paragraphs)
    for e in idx.entities:
        assert body[e.start : e.end] == e.text


def test_role_of_another_country_is_not_the_last_person(resolve: Resolve) -> None:
    idx = resolve("Putin offered to negotiate with the president of Armenia on Monday.")
    putin = _actor(idx, "Putin")["id"]
    linked = [e.text for e in idx.entities if e.actor == putin]
    assert linked == ["Putin"]
