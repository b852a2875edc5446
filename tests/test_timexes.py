"""find_timexes on hand-written sentences: what it finds, its value, what it leaves alone."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Timex
from eventwire.stages import _dates
from eventwire.stages.timexes import find_timexes

TUE = "2025-09-02"  # Tuesday
MON = "2026-02-09"  # Monday

# (text, published, every (span text, value) expected, in order)
CASES: list[tuple[str, str | None, list[tuple[str, str | None]]]] = [
    # weekdays: the nearest within three days of publication
    ("Putin told Xi on Tuesday that ties were strong.", TUE, [("on Tuesday", "2025-09-02")]),
    ("Leaders gather for the parade on Wednesday.", TUE, [("on Wednesday", "2025-09-03")]),
    ("The summit on Monday ended.", TUE, [("on Monday", "2025-09-01")]),
    ("Mohammadi, sentenced Saturday, appealed.", MON, [("Saturday", "2026-02-07")]),
    ("Xi will visit on Saturday.", TUE, [("on Saturday", "2025-09-06")]),
    ("Boeing on Tuesday delivered the last jet.", "2006-05-29", [("on Tuesday", "2006-05-23")]),
    ("Markets stay closed until Friday.", "2008-09-18", [("until Friday", "2008-09-19")]),
    ("The vote last Friday was close.", TUE, [("last Friday", "2025-08-29")]),
    ("They meet next Monday.", TUE, [("next Monday", "2025-09-08")]),
    ("Call me Sunday night.", TUE, [("Sunday night", "2025-08-31")]),
    # a fronted weekday takes the tense of the clause it opens
    (
        "On Friday, President Trump declared an emergency.",
        "2019-02-21",
        [("On Friday", "2019-02-15")],
    ),
    (
        "Talks ended. On Friday, the minister will announce it.",
        "2019-02-21",
        [("On Friday", "2019-02-22")],
    ),
    # "that same day", "later the same day": the day last named
    (
        "On Monday the vote failed; later the same day he quit.",
        TUE,
        [("On Monday", "2025-09-01"), ("later the same day", "2025-09-01")],
    ),
    ("He quit that same day.", TUE, []),
    # "since" and "earlier" put the day behind publication, whatever is nearest
    ("Protests have gone on since Thursday.", TUE, [("since Thursday", "2025-08-28")]),
    ("He was detained earlier Wednesday.", TUE, [("Wednesday", "2025-08-27")]),
    # "earlier in the month": the publication date's month (week, year)
    ("The EU acted earlier in the month.", TUE, [("earlier in the month", "2025-09")]),
    ("Talks resume later this week.", TUE, [("later this week", "2025-W36")]),
    # counted from a noun phrase whose date is not given: found, with no value
    ("The court ruled the day before the rally.", TUE, [("the day before", None)]),
    ("It fell two days before the vote.", TUE, [("two days before", None)]),
    # ... but from the date just named, it dates what follows
    (
        "He quit on Monday, a day after Smith left.",
        TUE,
        [("on Monday", "2025-09-01"), ("a day after", "2025-08-31")],
    ),
    # days around publication
    (
        "Yesterday the talks failed; today they resume and tomorrow end.",
        TUE,
        [
            ("Yesterday", "2025-09-01"),
            ("today", "2025-09-02"),
            ("tomorrow", "2025-09-03"),
        ],
    ),
    ("Shelling went on last night.", TUE, [("last night", "2025-09-01")]),
    # months without a year lean to the past unless the clause speaks of the future
    ("Xi and Putin held a phone call last month.", TUE, [("last month", "2025-08")]),
    ("In May, Xi visited Moscow.", TUE, [("In May", "2025-05")]),
    ("Protests erupted nationwide in December.", MON, [("in December", "2025-12")]),
    ("The movement peaked in January.", MON, [("in January", "2026-01")]),
    ("His memoir is due to be published in May.", "2013-03-22", [("in May", "2013-05")]),
    ("The program will run through June.", "2013-03-18", [("through June", "2013-06")]),
    ("Dealers must close by early June.", "2009-05-14", [("by early June", "2009-06")]),
    ("He was fired late last July.", "2013-03-22", [("late last July", "2012-07")]),
    (
        "Sales fell between April and June.",
        "2008-11-18",
        [
            ("between April", "2008-04"),
            ("June", "2008-06"),
        ],
    ),
    (
        "It hit a high in September last year.",
        "2009-10-12",
        [("in September last year", "2008-09")],
    ),
    ("Avenatti is to be sentenced in June.", "2020-02-15", [("in June", "2020-06")]),
    (
        "Quakes may continue into early February.",
        "2020-01-17",
        [
            ("into early February", "2020-02"),
        ],
    ),
    # month and day without a year: the nearer one
    ("The closures begin on April 7.", "2013-03-22", [("on April 7", "2013-04-07")]),
    ("On Feb. 28, the bank released a note.", "2013-03-21", [("On Feb. 28", "2013-02-28")]),
    ("Xi visited for Russia's May 9 celebrations.", TUE, [("May 9", "2025-05-09")]),
    (
        "It was planned to end on Saturday, April 4.",
        "2020-04-08",
        [
            ("on Saturday, April 4", "2020-04-04"),  # the weekday picks the year
        ],
    ),
    # full dates
    ("A meeting in Beijing on September 2, 2025.", None, [("on September 2, 2025", "2025-09-02")]),
    ("Tehran, Iran, Monday, Feb. 9, 2026. (AP)", None, [("Monday, Feb. 9, 2026", "2026-02-09")]),
    ("He spoke on 9 February 2026.", None, [("on 9 February 2026", "2026-02-09")]),
    ("St Leonards, Britain, February 05, 2026.", None, [("February 05, 2026", "2026-02-05")]),
    ("Filed 2026-02-09 from Paris.", None, [("2026-02-09", "2026-02-09")]),
    ("Born on the 4th of July 1976.", None, [("on the 4th of July 1976", "1976-07-04")]),
    # months and years
    ("The offensive began in February 2022.", None, [("in February 2022", "2022-02")]),
    ("In September 2025, he was appointed.", None, [("In September 2025", "2025-09")]),
    ("He has not seen them since 2015.", MON, [("since 2015", "2015")]),
    ("He founded a consultancy in 2001.", None, [("in 2001", "2001")]),
    ("An adviser from 1992 to 1998.", None, [("from 1992", "1992"), ("1998", "1998")]),
    ("The anniversary of the 1979 Islamic revolution.", MON, [("1979", "1979")]),
    (
        "The expedition of 1957-58 and the 2009-2010 season.",
        None,
        [
            ("1957", "1957"),
            ("58", "1958"),
            ("2009", "2009"),
            ("2010", "2010"),
        ],
    ),
    ("Growth slowed in mid-2015.", None, [("in mid-2015", "2015")]),
    # weeks, months, years relative to publication
    ("Xi has held meetings this week.", TUE, [("this week", "2025-W36")]),
    ("Talks resume next week.", "2025-12-30", [("next week", "2026-W02")]),
    ("Premiums rise next year.", "2013-03-22", [("next year", "2014")]),
    ("He stepped down early this year.", "2013-03-21", [("early this year", "2013")]),
    (
        "The FAA must cut $600 million this fiscal year.",
        "2013-03-22",
        [
            ("this fiscal year", "2013"),
        ],
    ),
    ("A similar order came four years ago.", "2013-03-21", [("four years ago", "2009")]),
    ("It happened three days ago.", TUE, [("three days ago", "2025-08-30")]),
    # counted from the last time mentioned
    (
        "Allan resigned on Monday, a day after McSweeney quit.",
        MON,
        [
            ("on Monday", "2026-02-09"),
            ("a day after", "2026-02-08"),
        ],
    ),
    (
        "The law passed in 2010 and took effect two years later.",
        None,
        [
            ("in 2010", "2010"),
            ("two years later", "2012"),
        ],
    ),
    (
        "They met on Monday and again the next day.",
        TUE,
        [
            ("on Monday", "2025-09-01"),
            ("the next day", "2025-09-02"),
        ],
    ),
    # no publication date: relative expressions keep their span, without a value
    ("The summit on Monday, last month.", None, [("on Monday", None), ("last month", None)]),
    # negatives: names, verbs, nouns, amounts, codes, clock times, decades, abbreviations
    ("Theresa May said the vote would go ahead.", TUE, []),
    ("After May said she would resign, the party split.", TUE, []),
    ("May I add that we are here now?", TUE, []),
    ("Thousands joined a protest march. March organisers were pleased.", TUE, []),
    ("The sun sat low over the bay.", TUE, []),
    ("Police arrested more than 50,000 people and 2,000 troops.", TUE, []),
    ("About 1,500 people and nearly 2000 soldiers were there.", TUE, []),
    ("Some 2000 people marched 1500 km.", TUE, []),
    ("Resolution 2231 was adopted at 1930 GMT.", TUE, []),
    ("The 1990s were calmer than the 2010s.", TUE, []),
    ("Sales of $2015 and 12,2015 units, code 20150.", TUE, []),
    ("Shops closed on Good Friday.", "2013-03-30", []),
    ('Voters went to the polls on "Super Tuesday".', "2020-03-06", []),
    ("The decision is due in Dec.", TUE, []),
    ("It lasted five years and many days.", TUE, []),
    ("We spoke to April about her holiday.", TUE, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_find_timexes(
    text: str, published: str | None, expected: list[tuple[str, str | None]]
) -> None:
    found = find_timexes(text, published)
    assert [(t.text, t.value) for t in found] == expected


@pytest.mark.parametrize(("text", "published"), [(c[0], c[1]) for c in CASES])
def test_offsets_point_into_text(text: str, published: str | None) -> None:
    for t in find_timexes(text, published):
        assert isinstance(t, Timex)
        assert text[t.start : t.end] == t.text


def test_empty_and_timeless_text() -> None:
    assert find_timexes("", TUE) == []
    assert find_timexes("Officials said the talks went well.", TUE) == []


def test_published_with_a_time_part_or_garbage() -> None:
    assert find_timexes("on Monday", "2025-09-02T10:00:00Z")[0].value == "2025-09-01"
    assert find_timexes("on Monday", "02-09-2025")[0].value is None


@pytest.mark.parametrize(
    ("ref", "weekday", "lean", "expected"),
    [
        (date(2025, 9, 2), 2, "nearest", "2025-09-03"),
        (date(2025, 9, 2), 0, "nearest", "2025-09-01"),
        (date(2025, 9, 2), 4, "nearest", "2025-09-05"),  # +3, not -4
        (date(2025, 9, 2), 5, "nearest", "2025-08-30"),  # -3, not +4
        (date(2025, 9, 2), 5, "future", "2025-09-06"),
        (date(2025, 9, 2), 2, "past", "2025-08-27"),
        (date(2025, 9, 2), 1, "past", "2025-09-02"),  # the day itself is neither side
    ],
)
def test_nearest_weekday(ref: date, weekday: int, lean: _dates.Lean, expected: str) -> None:
    assert _dates.nearest_weekday(ref, weekday, lean=lean) == expected


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (date(2025, 12, 30), "2026-W01"),  # ISO weeks straddle New Year
        (date(2021, 1, 3), "2020-W53"),
        (date(2025, 9, 2), "2025-W36"),
    ],
)
def test_iso_week(ref: date, expected: str) -> None:
    assert _dates.iso_week(ref) == expected


@pytest.mark.parametrize(
    ("ref", "month", "relation", "lean", "expected"),
    [
        (date(2025, 9, 2), 5, None, "past", "2025-05"),
        (date(2025, 9, 2), 9, None, "past", "2025-09"),
        (date(2025, 9, 2), 12, None, "past", "2024-12"),
        (date(2025, 9, 2), 12, None, "future", "2025-12"),
        (date(2025, 9, 2), 3, None, "future", "2026-03"),
        (date(2025, 9, 2), 11, None, "nearest", "2025-11"),
        (date(2025, 9, 2), 5, None, "nearest", "2025-05"),
        (date(2025, 9, 2), 9, "last", None, "2024-09"),
        (date(2025, 9, 2), 9, "next", None, "2026-09"),
        (date(2025, 9, 2), 1, "this", None, "2025-01"),
    ],
)
def test_month_of(
    ref: date, month: int, relation: str | None, lean: _dates.Lean | None, expected: str
) -> None:
    assert _dates.month_of(ref, month, relation=relation, lean=lean or "past") == expected


def test_month_day_skips_impossible_days() -> None:
    assert _dates.month_day(date(2025, 3, 1), 2, 29) == "2024-02-29"
    assert _dates.month_day(date(2025, 3, 1), 2, 30) is None
