"""The segmenter and cleaner on hand-written dumps of several layouts, and on the seed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.model import RawDocument
from eventwire.stages.articles import build_articles
from eventwire.stages.credits import is_credit, split_credit
from eventwire.stages.segment import furniture_reason

LAYOUT_A = """Harbour Talks End Without Deal on Fishing Rights

Delegates leave the conference hall in Valletta, Malta, Wednesday, March 4, 2026. (AP Photo/Lena Hart, File)
Delegates leave the conference hall in Valletta, Malta, Wednesday, March 4, 2026. (AP Photo/Lena Hart, File)
NW

Harbour Talks End Without Deal on Fishing Rights

Delegates leave the conference hall in Valletta, Malta, Wednesday, March 4, 2026. (AP Photo/Lena Hart, File)

Talks between the two coastal states ended on Wednesday without an agreement, officials said.

"We are still far apart," the chief negotiator told reporters after the final session.

Next steps

Both delegations said they would meet again within a month to try once more.



Grain Ship Docks in Port After Long Delay

A cargo ship unloads grain in the port, March 5, 2026. Maria Olsen/Pool via REUTERS
A cargo ship unloads grain in the port, March 5, 2026. Maria Olsen/Pool via REUTERS
NW

Grain Ship Docks in Port After Long Delay

The first grain ship in weeks docked on Thursday, Reuters reported, easing fears of shortages.

Port workers began unloading the cargo within hours of its arrival.
"""

LAYOUT_B = """Home | World | Europe | Business


City Council Approves New Budget

By Jane Roe
Updated 07 March 2026 10:14 GMT

LISBON (Reuters) - The city council approved a new budget on Saturday after weeks of debate.

Advertisement

The budget raises spending on public transport by a tenth, the mayor said.

Share this article

Read more: Transport strike ends after two days


Museum Reopens After Renovation

By John Doe and Ana Lima
Updated 08 March 2026

PORTO: The national museum reopened to visitors on Sunday after a two-year renovation.

Visitors queued for hours to see the restored galleries, the museum said.
"""


def _articles(text: str, kind: str = "dump") -> list[Any]:
    return build_articles(RawDocument(uri="mem", text=text, kind=kind))


def test_layout_a_splits_and_cleans() -> None:
    arts = _articles(LAYOUT_A)
    assert [a.headline for a in arts] == [
        "Harbour Talks End Without Deal on Fishing Rights",
        "Grain Ship Docks in Port After Long Delay",
    ]
    first, second = arts
    assert first.subheadings == ("Next steps",)
    assert len(first.paragraphs) == 3
    assert first.images[0].credit == "AP Photo/Lena Hart, File"
    assert first.images[0].date == "2026-03-04"
    # a file photo's date is the photo's, not the story's
    assert first.published is None or first.published_basis != "caption-date"
    assert second.images[0].credit == "Maria Olsen/Pool via REUTERS"
    assert second.published == "2026-03-05"
    assert second.agencies == ("REUTERS",)
    reasons = {d.reason for d in first.discarded}
    assert reasons == {"duplicate-caption", "duplicate-headline", "site-marker"}


def test_layout_b_byline_dateline_noise_timestamp() -> None:
    arts = _articles(LAYOUT_B)
    assert [a.headline for a in arts] == [
        "City Council Approves New Budget",
        "Museum Reopens After Renovation",
    ]
    budget, museum = arts
    assert budget.byline == "By Jane Roe"
    assert budget.dateline == "LISBON (Reuters) -"
    assert budget.paragraphs[0].startswith("LISBON (Reuters) - The city council")
    assert budget.published == "2026-03-07"
    assert budget.published_basis == "timestamp-label"  # "Updated 07 March 2026"
    assert budget.agencies == ("REUTERS",)
    assert len(budget.paragraphs) == 2
    reasons = {d.text: d.reason for d in budget.discarded}
    assert reasons["Advertisement"] == "promo"
    assert reasons["Share this article"] == "widget"
    assert any(t.startswith("Read more:") and r == "teaser" for t, r in reasons.items())
    assert museum.dateline == "PORTO:"
    assert museum.byline == "By John Doe and Ana Lima"


def test_single_sentence_is_body_not_headline() -> None:
    (a,) = _articles("The army said it had withdrawn from the town.", kind="article")
    assert a.headline is None
    assert a.body == "The army said it had withdrawn from the town."


def test_neighbour_date_moves_to_weekday() -> None:
    text = (
        "First Story Has a Dated Photo\n\nA crowd gathers, Monday, Feb. 9, 2026. (AP)\n\n"
        "The crowd gathered on Monday in the square, police said.\n\n\n"
        "Second Story Has No Date of Its Own\n\nSenior Leader (File Photo/Agency website)\n\n"
        "The leader spoke on Sunday, state media said.\n"
    )
    first, second = _articles(text)
    assert first.published == "2026-02-09"
    assert (second.published, second.published_basis) == ("2026-02-08", "neighbour+weekday")


def test_no_date_anywhere_is_null() -> None:
    (a,) = _articles("A Story Without Any Date\n\nSomething happened, officials said.\n")
    assert a.published is None and a.published_basis is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Putin meets Xi in Beijing. (Photo by A B / POOL / AFP)",
            ("Putin meets Xi in Beijing.", "A B / POOL / AFP"),
        ),
        (
            "People walk in Tehran, Feb. 9, 2026. (AP)",
            ("People walk in Tehran, Feb. 9, 2026.", "AP"),
        ),
        (
            "Leader on (File Photo/Supreme Leader's website).",
            ("Leader on", "File Photo/Supreme Leader's website"),
        ),
        (
            "PM speaks, Feb 5, 2026. Peter Nicholls/Pool via REUTERS",
            ("PM speaks, Feb 5, 2026.", "Peter Nicholls/Pool via REUTERS"),
        ),
        ("Floods in the city. (Xinhua/Li Wei)", ("Floods in the city.", "Xinhua/Li Wei")),
        ("A rally in the capital. Getty Images", ("A rally in the capital.", "Getty Images")),
        ("Troops on parade. Photo: Jan Novak/AFP", ("Troops on parade.", "Jan Novak/AFP")),
        # negatives: sentences that end in parentheses or in names are body text
        ("Arrests rose, according to Human Rights Activists News Agency (HRANA).", None),
        ("Putin (L) shakes hands with Xi during a meeting.", None),
        ("The talks ended, the minister said.", None),
        ("The deal was 50/50 for both sides, he said in the end", None),
    ],
)
def test_split_credit(line: str, expected: tuple[str, str] | None) -> None:
    assert split_credit(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(AP Photo/Jane Roe)", True),
        ("Photo: Jane Roe", True),
        ("Getty Images", True),
        ("(L)", False),
        ("Global turmoil", False),
    ],
)
def test_is_credit(line: str, expected: bool) -> None:
    assert is_credit(line) is expected


def test_seed_structure(seed_path: Path, seed_gold: dict[str, Any]) -> None:
    """The seed dump: every structural measure of the scorer right."""
    score = seed_path.parents[1] / "tools" / "score.py"
    out = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", str(seed_path), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    arts = [json.loads(line) for line in out.splitlines()]
    assert [a["headline"] for a in arts] == [g["headline"] for g in seed_gold["articles"]]
    for a, g in zip(arts, seed_gold["articles"], strict=True):
        assert a["published"] == g["published"]
        assert len([p for p in a["body"].split("\n\n") if p.strip()]) == g["paragraphs"]
        assert a["body"].startswith(g["body_starts"])
    res = subprocess.run(
        [
            sys.executable,
            str(score),
            str(seed_path.parents[1] / "gold" / "seed.gold.json"),
            "/dev/stdin",
            "--json",
        ],
        input=out,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = json.loads(res.strip().splitlines()[-1])
    for key in (
        "articles found",
        "headline exact",
        "body start/end",
        "paragraph count",
        "no caption in body",
        "image caption",
        "image credit",
        "agencies",
        "published",
        "subheading",
    ):
        hit, n = rows[key]
        assert hit == n, key


BAGHDAD = (
    "Two suicide bombers blew themselves up at a busy street market in central Baghdad on "
    "Monday, killing at least 38 people, Iraqi health and police officials said. Iraqis walk "
    "past the area where the bombing took place. Pic/AFP"
)


@pytest.mark.parametrize("kind", ["article", "dump"])
def test_one_line_record_is_a_body_and_its_credit_a_credit(kind: str) -> None:
    (art,) = build_articles(RawDocument(uri="mem", text=BAGHDAD, kind=kind))
    assert art.body == BAGHDAD.removesuffix(" Pic/AFP")
    assert [(im.caption, im.credit) for im in art.images] == [
        ("Iraqis walk past the area where the bombing took place.", "Pic/AFP")
    ]


@pytest.mark.parametrize(
    ("line", "rule", "day"),
    [
        (
            "Published: 9/4/2008 11:03 PM | Updated: 9/5/2008 1:00 AM",
            "timestamp-label",
            "2008-09-04",
        ),
        ("04/14/2024 12:30 AM EDT", "timestamp-numeric", "2024-04-14"),
        (
            "Last Update: Thursday, 29 August 2019 KSA 10:06 - GMT 07:06",
            "timestamp-label",
            "2019-08-29",
        ),
        ("AFP Published 29 Dec, 2024 12:26am", "timestamp-agency", "2024-12-29"),
        ("Saturday, January 5, 2019", "timestamp-written", "2019-01-05"),
        (
            "Updated figures released on 4/5/2024 show that 12 people died in the floods.",
            None,
            None,
        ),
        ("Published in 2019, the report found 12 faults.", None, None),
    ],
)
def test_timestamps_date_the_story_by_rule(line: str, rule: str | None, day: str | None) -> None:
    text = (
        f"Floods Close Schools\n\n{line}\n\nThe schools will stay shut until the water recedes.\n"
    )
    (art,) = build_articles(RawDocument(uri="mem", text=text))
    assert art.published_basis == rule
    assert art.published == day
    assert (line in art.body) == (rule is None)


@pytest.mark.parametrize(
    "caption",
    [
        "FILE PHOTO: Workers stand at a plant in Tianjin, China, May 8, 2019. REUTERS/Jason Lee",
        "Workers stand at a plant in Tianjin, China, May 8, 2019. (AP Photo/Ng Han Guan, File)",
        "A file photo of workers at a plant in Tianjin, China, May 8, 2019. (AFP)",
    ],
)
def test_file_photo_never_dates_a_story(caption: str) -> None:
    text = f"Plant Output Falls\n\n{caption}\n\nOutput fell sharply this month, the company said.\n"
    (art,) = build_articles(RawDocument(uri="mem", text=text))
    assert art.published is None


def test_staff_credits_are_credits_never_body() -> None:
    text = (
        "Plant Output Falls\n\nOutput fell sharply this month, the company said on Tuesday.\n\n"
        "Reporting by Jane Roe; Editing by John Doe\n"
    )
    (art,) = build_articles(RawDocument(uri="mem", text=text))
    assert "Reporting" not in art.body
    assert [d.reason for d in art.discarded] == ["credit"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("0 SHARES Share Tweet", "widget"),
        ("Select Voice", "widget"),
        ("1.25x", "widget"),
        ("print story", "widget"),
        ("Jobs Homes Autos For Sale", "navigation"),
        ("You might also like", "teaser"),
        ("Live updates: Follow the latest on the floods", "teaser"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "footer"),
        ("Download our app for the latest news", "promo"),
        ("The minister said the schools would reopen on Monday.", None),
    ],
)
def test_furniture_reason(line: str, reason: str | None) -> None:
    assert furniture_reason(line) == reason


# Written for this test: stories with sentence-case titles, pasted as a reader's notes are.
_TITLES = [
    "City council approves a new tram line for the east side",
    "Farmers in the valley count the cost of a late frost",
    "Regional airline adds winter flights to the islands",
    "Library opens a night reading room for students",
    "Harbour workers end a week of strikes over pay",
    "Hospital trial tests a faster way to treat burns",
]


def _story(n: int) -> list[str]:
    return [
        f"Story {n} begins with a full sentence that tells the reader what happened, "
        f"where it happened and who said so on Monday.",
        f"A second paragraph of story {n} adds the details, the numbers and a quote from "
        f"an official who spoke to reporters.",
        f"The third paragraph of story {n} gives the background that readers need to follow "
        f"the rest of the report.",
        f"Story {n} ends with what comes next, and when the next meeting is planned to "
        f"take place this spring.",
    ]


@pytest.mark.parametrize(("title_gap", "paragraph_gap"), [(1, 2), (2, 1)])
def test_a_title_set_apart_by_its_spacing_opens_a_story(title_gap: int, paragraph_gap: int) -> None:
    """Titles in sentence case, no lead that restates them: only the spacing tells."""
    parts = []
    for n, title in enumerate(_TITLES):
        body = ("\n" * (paragraph_gap + 1)).join(_story(n))
        parts.append(f"{title}\n\n{body}")
    text = ("\n" * (title_gap + 1)).join(parts)
    arts = _articles(text)
    assert [a.headline for a in arts] == _TITLES
    assert all(len(a.paragraphs) == 4 for a in arts)


def test_a_subheading_spaced_as_the_paragraphs_stays_in_its_story() -> None:
    paragraphs = [p for n in range(6) for p in _story(n)]
    paragraphs.insert(10, "What the council decided next")
    text = _TITLES[0] + "\n\n" + "\n\n\n".join(paragraphs)
    arts = _articles(text)
    assert len(arts) == 1


def test_a_record_is_merged_only_by_another_story_s_own_text() -> None:
    from eventwire.evaluation.extraction import count_stories

    shared = "the series sets out the same three questions for every candidate it interviews"
    first = f"the mayor of the port answered first and spoke about the harbour budget {shared}"
    second = f"the senator from the hills answered next and spoke about the rail tunnel {shared}"
    assert count_stories([first, second], [first, second]).merged == 0
    assert count_stories([first, second], [first + " " + second]).merged == 1


def test_a_name_line_above_the_timestamp_is_the_byline_not_a_story() -> None:
    text = (
        "Council delays the tram vote again\n\n"
        "Sign up for our morning newsletter\n\n"
        "Residents packed the hall as councillors put off a decision on the east side line\n\n"
        "Maria Olsen and Peter Hale Harbour Gazette\n"
        "Published 7:07 PM EST Nov 19, 2019\n\n"
        "HARBOURTON – The city council delayed its vote on the new tram line on Tuesday, "
        "for the third time this year.\n\n"
        "Councillors said they needed more time to study the costs, which have risen by "
        "a fifth since the plan was first put forward.\n"
    )
    (article,) = _articles(text)
    assert article.byline == "Maria Olsen and Peter Hale Harbour Gazette"
    assert article.published == "2019-11-19"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Written by Ana Lima, MS, RD on November 14, 2019", True),
        ("Posted by Peter Hale", True),
        ("BY HARBOUR GAZETTE STAFF", True),
        ("Written by hand, the letters took a year", False),
        ("Story by the sea", False),
    ],
)
def test_byline_forms(line: str, expected: bool) -> None:
    from eventwire.stages.segment import is_byline

    assert is_byline(line) is expected


_MENU = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion"])


def _page(title: str, headline: str, header: str, body: str) -> str:
    return f"{title}\n{_MENU}\n{headline}\n{header}\n{body}\n{_MENU}\nTerms of use\nPrivacy"


_BODY_A = " ".join(
    f"The harbour authority said on Monday that the new ferry terminal would open in spring, "
    f"after a delay of {n} months caused by storms and a shortage of steel."
    for n in range(2, 8)
)
_BODY_B = " ".join(
    f"Doctors at the city hospital said the trial of a new burns treatment had cut healing "
    f"times by {n} days for most of the patients who took part."
    for n in range(2, 8)
)


@pytest.mark.parametrize(
    "second_title",
    [
        "Burns trial cuts healing times - Health News - The Valley Courier",  # two site names
        "Burns trial cuts healing times at the city hospital",  # no site name, printed again
    ],
)
def test_a_second_page_opens_at_its_title(second_title: str) -> None:
    headline = "Burns trial cuts healing times" if " - " in second_title else second_title
    text = (
        _page("Ferry terminal delayed again | Harbour Gazette", "Ferry terminal delayed again",
              "By Maria Olsen", _BODY_A)
        + "\n\n\n"
        + _page(second_title, headline, "Written by Peter Hale on March 3, 2026", _BODY_B)
    )  # fmt: skip
    arts = _articles(text)
    assert len(arts) == 2
    assert "ferry" in arts[0].paragraphs[0] and "burns" in arts[1].paragraphs[0]
