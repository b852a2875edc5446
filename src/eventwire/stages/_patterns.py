"""Data only: the patterns and word lists behind ``timexes``, each with why it is there.

Every pattern names its parts with the same group names (``prep``, ``mod``, ``rel``,
``month``, ``dom``, ``year``, ``weekday``, ``unit``, ``num``) so the rules read them alike.
The facts about news usage come from wire copy (AP, Reuters, AFP style: "on Tuesday",
"Feb. 9, 2026", "9 February 2026") and from the TimeML guidelines for what counts.
"""

from __future__ import annotations

import re

# A preposition kept inside the span: the scorer and readers want "since 2015", "in May".
_PREP = (
    r"(?:\b(?P<prep>(?i:on|in|into|since|from|until|till|through|by|during|before|after|between"
    r"|as\s+of))\s+)"
)
# Vague parts of a period keep the period's value ("early December" is 2012-12 in TimeML).
_MOD = (
    r"(?:\b(?P<mod>(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)\s+"
    r"|\b(?i:mid)-))"
)
_MONTH_NAME = (
    r"\b(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?![\w])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?![\w])))"
)
_WEEKDAY_NAME = r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Digits glued to a year-like number make it an amount, a code or a time: 2,000  1.2015  $2015
_NOT_AFTER_NUMBER = r"(?<![\w$£€#.,/:-])"
_NUMBER_WORD = (
    r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|\d{1,3})"
)
_UNIT = r"(?P<unit>(?i:day|week|month|year))"

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}

# Where to look: every expression holds one of these substrings (inside a word the caller
# then checks whole: "day" finds Monday, today, days) or a year.  Plain substring search is
# the fastest thing Python has; any regex alternation scanning a paragraph costs several
# times more.  A paragraph without any of them costs a few microseconds.
ANCHOR_KEYS = (
    *("day", "night", "week", "month", "year", "morrow", "morning", "afternoon", "evening"),
    *("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
)
DIGITS = frozenset("0123456789")
# A pattern opening with a character class lets the engine skip to candidates quickly; the
# caller checks 19xx/20xx and that no digit touches either side.
YEAR_DIGITS = re.compile(r"[12][09]\d\d")

# Words that can open an expression before its anchor word: prepositions, modifiers,
# last/next/this, counts ("two years ago"), days of the month ("9 February"), weekdays
# ("Monday, Feb. 9").  Only these are looked at leftwards of an anchor.
PREFIX_WORDS = frozenset(
    {
        *("on", "in", "into", "since", "from", "until", "till", "through", "by", "during"),
        "between",
        *("before", "after", "as", "of", "early", "late", "mid", "the", "end", "start"),
        *("beginning", "middle", "this", "last", "next", "past", "coming", "earlier"),
        *("later", "fiscal", "financial", "calendar", "a", "an", "one", "two", "three"),
        *("four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
        *("fifteen", "twenty", "thirty", "monday", "tuesday", "wednesday", "thursday"),
        *("friday", "saturday", "sunday"),
    }
)

ISO_DATE = re.compile(
    rf"{_PREP}?{_NOT_AFTER_NUMBER}{_YEAR}-(?P<mon>[01]\d)-(?P<dom>[0-3]\d)(?![\w/-]|[.,]\d)"
)
# "September 2, 2025", "Feb. 9, 2026", "Monday, Feb. 9, 2026", "April 7" (year from context).
MDY = re.compile(
    rf"{_PREP}?(?:(?P<weekday>{_WEEKDAY_NAME}),?\s+)?{_MONTH_NAME}"
    rf"\s+(?P<dom>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?(?![\w]|[.,:]\d)"
)
# "9 February 2026", "Monday 9 February", "the 9th of February".
DMY = re.compile(
    rf"{_PREP}?(?:(?P<weekday>{_WEEKDAY_NAME}),?\s+)?(?:the\s+)?(?<![\w$£€.,:])"
    rf"(?P<dom>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?:,?\s+{_YEAR})?"
    r"(?![\w]|[.,:]\d)"
)
# "in February 2022", "last May", "late last July", "in early December"; a bare name is
# checked by the rule (it needs a preposition, a modifier or last/next/this before it).
MONTH = re.compile(
    rf"{_PREP}?{_MOD}?(?:\b(?P<rel>(?i:last|next|this))\s+)?{_MONTH_NAME}"
    rf"(?:,?\s+(?:of\s+)?{_YEAR}(?![\w]|[.,]\d)"
    r"|\s+(?:of\s+)?(?P<year_rel>(?i:last|next|this))\s+year(?![\w]))?"
)
# "2009-2010", "1957-58", "2012/13": two years (the rule tells a range from "2026-02").
YEAR_RANGE = re.compile(
    rf"{_PREP}?(?:{_MOD}|{_NOT_AFTER_NUMBER}){_YEAR}[-–/](?P<end>(?:19|20)\d\d|\d\d)"
    rf"(?![\w%]|[.,]\d|[-/]\d)"
)
# A standalone year 1900-2099; "1990s" (a decade) and "2,015" (an amount) fail the edges.
YEAR = re.compile(rf"{_PREP}?(?:{_MOD}|{_NOT_AFTER_NUMBER}){_YEAR}(?![\w%]|[.,:]\d|[-/]\d)")
WEEKDAY = re.compile(
    rf"{_PREP}?(?:\b(?P<rel>(?i:this|last|next|past|coming))\s+)?(?P<weekday>{_WEEKDAY_NAME})"
    r"(?:\s+(?i:morning|afternoon|evening|night))?(?![\w])"
)
DAY_WORD = re.compile(
    r"(?<![\w-])(?P<word>(?i:today|tonight|yesterday|tomorrow|last\s+night"
    r"|this\s+(?:morning|afternoon|evening)))(?:\s+(?i:morning|afternoon|evening|night))?(?![\w-])"
)
# "this week", "last month", "early this year", "this fiscal year"; not "the past year",
# which TimeML counts a duration ("over the past year").
RELATIVE_UNIT = re.compile(
    rf"{_PREP}?{_MOD}?(?:\b(?i:earlier|later)\s+)?\b(?P<rel>(?i:this|last|next))\s+"
    r"(?:(?i:fiscal|financial|calendar)\s+)?(?P<unit>(?i:week|month|year))(?![\w])"
)
# "by the end of the year", "at the beginning of the year": the publication year.
YEAR_PART = re.compile(
    rf"{_PREP}?\b(?P<mod>(?i:the\s+(?:end|start|beginning|middle)\s+of))\s+(?:the\s+)?(?i:year)"
    r"(?![\w])"
)
AGO = re.compile(rf"(?<![\w-])(?P<num>{_NUMBER_WORD})\s+{_UNIT}s?\s+(?i:ago)(?![\w])")
# "a day after", "two years earlier": counted from the last time mentioned.
ANAPHORIC = re.compile(
    rf"(?<![\w-])(?P<num>{_NUMBER_WORD}|(?i:the))\s+{_UNIT}s?\s+"
    r"(?P<dir>(?i:after|before|earlier|later))(?![\w])"
)
# "the next day", "the previous year": one step from the last time mentioned.
ADJACENT = re.compile(
    rf"(?<![\w-])(?i:the)\s+(?P<dir>(?i:next|following|previous))\s+{_UNIT}(?![\w])"
)

# Prepositions that make even "May" or "March" a month: "in May", "since March".
STRONG_PREPOSITIONS = frozenset({"in", "since", "during", "until", "till", "through", "between"})

# A month after these is a limit, as often ahead as behind ("to run through June", "789
# dealers by early June" in a May story, "until May" in a September one): the nearer one.
NEAREST_PREPOSITIONS = frozenset({"by", "until", "till", "through", "into"})

# Said before a number, these make it a count, not a year ("more than 2000 people").
QUANTITY_BEFORE = frozenset(
    {
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "some",
        "more than",
        "less than",
        "fewer than",
        "at least",
        "up to",
        "than",
        "over",
        "no",
        "number",
        "flight",
        "route",
        "resolution",
        "article",
        "page",
        "room",
        "code",
        "model",
    }
)

# Said after a number, these make it an amount or a clock time ("2000 troops", "1930 GMT").
UNITS_AFTER = frozenset(
    {
        "people",
        "persons",
        "troops",
        "soldiers",
        "police",
        "officers",
        "fighters",
        "militants",
        "civilians",
        "protesters",
        "demonstrators",
        "refugees",
        "migrants",
        "prisoners",
        "residents",
        "students",
        "children",
        "workers",
        "employees",
        "members",
        "jobs",
        "homes",
        "houses",
        "families",
        "cases",
        "deaths",
        "votes",
        "seats",
        "points",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "m",
        "feet",
        "ft",
        "kg",
        "tons",
        "tonnes",
        "barrels",
        "hectares",
        "acres",
        "dollars",
        "euros",
        "pounds",
        "yuan",
        "rupees",
        "units",
        "vehicles",
        "cars",
        "rockets",
        "missiles",
        "drones",
        "shells",
        "percent",
        "per",
        "gmt",
        "utc",
        "local",
        "hours",
        "hrs",
        "times",
    }
)

# Holidays named after a weekday are not the weekday near publication.
NAMED_DAY_BEFORE = frozenset(
    {"good", "black", "super", "ash", "holy", "bloody", "palm", "easter", "cyber", "maundy"}
)

# Words in the clause before a date that put it in the future: a bare "May" or "Friday"
# is then the next one, not the last ("is due to be published in May", "will begin on
# April 7", "is to be sentenced in June", "may continue into early February").  Wire copy
# reports the past otherwise.
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|should|would|won't|going\s+to|(?:is|are|was|were)\s+(?:due|to)"
    r"|expected\s+to|scheduled|set\s+to|plans\s+to|planned|planning|upcoming|ahead\s+of"
    r"|next|(?-i:may|might))\b|['’]ll\b",  # lower-case "may" only: "May" is the month
    re.IGNORECASE,
)

# A past-tense verb right beside a weekday puts it in the past even when the nearest such
# day is ahead ("Boeing on Tuesday delivered" in a Monday story is last Tuesday: AP style
# names weekdays up to seven days either side of the story's date).  Regular verbs are told
# by "-ed"; these "-ed" words are not past verbs, these irregular ones are.
NOT_PAST_ED = frozenset(
    {
        *("bed", "red", "need", "speed", "seed", "feed", "shed", "wed", "hundred", "united"),
        # participles that announce the future when next to a day ("a vote expected Thursday")
        *("expected", "scheduled", "planned", "slated"),
    }
)
IRREGULAR_PAST = frozenset(
    {
        *("said", "told", "met", "took", "gave", "made", "won", "lost", "sent", "held"),
        *("began", "came", "went", "saw", "left", "fell", "rose", "hit", "quit", "led"),
        *("spoke", "wrote", "sold", "bought", "paid", "struck", "shot", "fought", "broke"),
        *("chose", "flew", "ran", "sought", "brought", "caught", "became", "found", "kept"),
        *("got", "knew", "stood", "grew", "drew", "threw", "spent", "felt", "heard", "was", "were"),
    }
)
