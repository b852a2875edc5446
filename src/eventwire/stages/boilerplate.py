"""Pick the article body out of the whole visible text of a web page.

Users paste or dump the *entire* text of a page: menus, teasers, cookie banners, comments and
footers around the one article they care about. This module decides, line by line, which lines are
the article body, with no HTML to help.

The method is Body Text Extraction (Finn, Kushmerick and Smyth, "Fact or fiction: Content
classification for digital libraries", 2001) over lines instead of tokens: each line gets a value,
positive for prose (sentence-shaped, mostly lowercase words, ending in sentence punctuation) and
negative for page furniture (short menu-like lines, repeated lines, dates, copyright and cookie
text, "Comments" or "Related" headings), and the article is the contiguous run of lines with the
largest total value. Short lines *inside* that run (subheadings, one-line quotes) come along;
teasers after the article are cut off by the headings and short lines between them and it. The
line features follow jusText (Pomikálek, "Removing boilerplate and duplicate content from web
corpora", 2011): length, sentence shape, and boilerplate patterns.

Linear in the size of the page, pure Python; each distinct line is scored once.

>>> page = ["Home", "World", "", "Rain is forecast for the whole of next week, the weather "
...         "service said on Monday, after a dry month.", "", "Most popular", "Cats and dogs"]
>>> select_main_content(page)
[False, False, False, True, False, False, False]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["select_main_content"]

# --- Line values for the maximum-sum search ---------------------------------------------------
# A prose line is worth its length in words less _PROSE_OFFSET, so one-sentence teaser summaries
# gain little while article paragraphs (30-80 words) dominate.
_PROSE_OFFSET = 3.0
# The cost of one line of page furniture: a menu item, a byline, an unpunctuated headline.
_LINE_COST = 8.0
# Lines that are furniture almost surely (share buttons, timestamps, repeated lines) cost double.
_FURNITURE_COST = 2 * _LINE_COST
# A heading that opens the comments or the related links ends the article: crossing it takes this
# many words of prose on the far side.
_END_HEADING_COST = 40.0
# Reader comments follow the article, and a long thread would outvote a short article. Once a
# comments heading has appeared after some prose, later prose counts for only this share.
_AFTER_COMMENTS_WEIGHT = 0.35
_MIN_PROSE_BEFORE_COMMENTS = 50.0

# --- What counts as prose ---------------------------------------------------------------------
# A prose line has at least this many words and ends in sentence punctuation...
_MIN_PROSE_WORDS = 8
# ...or, when markup ate its final stop, is long and punctuated inside (a mark per
# _WORDS_PER_MARK words); tag clouds and category lists are long too, but unpunctuated.
_LONG_LINE_WORDS = 30
_WORDS_PER_MARK = 30
# Prose has mostly uncapitalised words after the first; headlines and menus are Title Case.
_MIN_LOWER_SHARE = 0.4
# A short line right after the body still belongs to it when it is a plain sentence ("A
# spokeswoman declined to comment."): a few words, mostly lowercase, ending in a full stop (not a
# colon, which introduces what follows).
_MIN_SENTENCE_WORDS = 3
_MIN_SENTENCE_LOWER_SHARE = 0.6
# Chinese and Japanese write no spaces between words; about two characters make one.
_CHARS_PER_CJK_WORD = 2

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_INNER_MARK = re.compile(r"[,.;:!?،。、，；]")
# Sentence punctuation at the end of a line, possibly inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$")
_FULL_STOP = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
# Invisible characters that html-to-text leaves on otherwise empty lines.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

# --- Boilerplate patterns (data; matched against the lowercased line) -------------------------
# Legal and consent text is never part of an article, however long. The substrings gate the
# regular expression, which is slow on long lines.
_LEGAL_HINTS = ("©", "ⓒ", "(c)", "copyright", "rights reserved", "trademark", "cookie")
_LEGAL = re.compile(
    "|".join(
        [
            r"©|ⓒ|\(c\) \d{4}",  # copyright notices in footers
            r"\bcopyright\b|\ball rights reserved\b|\bregistered trademarks?\b",
            # Cookie banners: "This website uses cookies to improve your experience".
            r"\b(?:website|site|we) uses? cookies\b",
            r"\bcookies?\b.{0,60}\b(?:browser|consent|accept|settings|policy|preferences)\b",
        ]
    )
)
# Calls to action and page chrome. Trusted on short lines only: an article may well report that
# a company "asked users to subscribe".
_CHROME_MAX_WORDS = 25
_CHROME = re.compile(
    "|".join(
        [
            r"\bsubscribe\b|\bnewsletters?\b|\bsign (?:up|in)\b|\blog ?in\b",
            r"\bshare (?:on|this|via)\b|\bfollow us\b|\bclick (?:here|to)\b",
            r"\bprivacy policy\b|\bterms of (?:use|service)\b",
            r"^advertisement$|^advert$|^sponsored$",
            r"\bread more\b|\bsee more\b|\bload more\b",
        ]
    )
)
# Headings that open what follows an article: comments, related links, popular lists, tags. Only
# short lines count, so an inline "Related: <headline>" inside an article is just a short line.
# English, plus the other languages most common in news text.
_END_HEADING_MAX_WORDS = 6
_COMMENTS = re.compile(
    r"\bcomments?\b|\bresponses\b|\breplies\b|\bleave a (?:reply|comment)\b"
    r"|\bcomentários\b|\bcomentarios\b|\bkommentare\b|\bcommentaires\b|\bcommenti\b"
    r"|\bкомментари"
)
# Blog engines head a thread with its size and the post title: "12 thoughts on “Title”".
_COMMENT_COUNT = re.compile(r"^\d+ (?:thoughts|responses|replies|comments) (?:on|to)\b")
_END_HEADING = re.compile(
    "|".join(
        [
            r"^related\b|\brelated (?:stories|articles|posts|coverage|content)\b",
            r"^recommended\b|^more (?:from|stories|news|on)\b|^most (?:popular|read|viewed|shared)",
            r"\byou (?:may|might) (?:also )?like\b|^read (?:next|also)\b|^see also\b|^also read\b",
            r"^trending\b|^popular\b|^tags?:?$|^share(?: this)?:?$",
            r"\bleia também\b|\bveja também\b|\bvocê pode gostar\b|\bmehr zum thema\b",
            r"\b(?:says|said|wrote):?$",  # comment author lines: "Jane on May 2 said:"
        ]
    )
)
# Short lines with a date or a time: bylines, teaser and comment timestamps.
_DATE_MAX_WORDS = 10
_DATE = re.compile(
    "|".join(
        [
            r"\b\d{1,2}:\d{2}\b",  # 07:52, 10:43 am
            r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
            r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b",
            r"\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
            r"\b\d+ (?:minutes?|hours?|days?|weeks?) ago\b",
        ]
    )
)


class _Score(NamedTuple):
    """What the selector needs to know about one distinct line."""

    value: float  # its value in the maximum-sum search
    keep: bool  # whether to keep it when it falls inside the body
    comments_heading: bool  # whether it opens reader comments
    short_sentence: bool  # whether it may close the body although short


def select_main_content(lines: Sequence[str]) -> list[bool]:
    """For the lines of one page text (blank lines included, as ""), True where the line belongs
    to the article body.

    >>> select_main_content(["Menu", "", "A short story, told in one sentence for the test."])
    [False, False, True]
    """
    texts = [line.strip().strip(_INVISIBLE).strip() for line in lines]
    # A line the page repeats (a menu shown twice, a share bar under every teaser) is furniture.
    counts = Counter(texts)
    scores: dict[str, _Score] = {}
    positions: list[int] = []
    values: list[float] = []
    weight = 1.0
    prose_before = 0.0
    for index, text in enumerate(texts):
        score = scores.get(text)
        if score is None:
            if not _WORD.search(text):
                continue  # blank, or punctuation only: worth nothing either way
            score = scores[text] = _score(text, repeated=counts[text] > 1)
        value = score.value
        if value > 0:
            prose_before += value
            value *= weight
        elif score.comments_heading and prose_before >= _MIN_PROSE_BEFORE_COMMENTS:
            weight = _AFTER_COMMENTS_WEIGHT
        positions.append(index)
        values.append(value)

    selected = [False] * len(lines)
    span = _max_sum_span(values)
    if span is None:
        return selected
    start, end = span
    # The search drops a short last line ("A spokeswoman declined to comment.") because alone it
    # costs more than it brings; plain sentences right after the body close it.
    while end < len(positions) and scores[texts[positions[end]]].short_sentence:
        end += 1
    for position in positions[start:end]:
        selected[position] = scores[texts[position]].keep
    return selected


def _score(text: str, *, repeated: bool) -> _Score:
    """Score one non-blank line; ``repeated`` when the page has it more than once."""
    words = len(text.split()) + len(_CJK.findall(text)) / _CHARS_PER_CJK_WORD
    lowered = text.lower()
    short = words <= _END_HEADING_MAX_WORDS
    comments = _COMMENT_COUNT.search(lowered) is not None or (
        short and _COMMENTS.search(lowered) is not None
    )
    lower_share = _lower_share(text)

    def furniture(value: float, *, keep: bool = False) -> _Score:
        return _Score(value, keep, comments, short_sentence=False)

    if any(hint in lowered for hint in _LEGAL_HINTS) and _LEGAL.search(lowered):
        return furniture(-max(_FURNITURE_COST, words))
    if comments or (short and _END_HEADING.search(lowered)):
        return furniture(-_END_HEADING_COST)
    if repeated:
        return furniture(-_FURNITURE_COST)
    if words < _CHROME_MAX_WORDS and _CHROME.search(lowered):
        return furniture(-_FURNITURE_COST)
    if words <= _DATE_MAX_WORDS and _DATE.search(lowered):
        # Kept inside the body: dated list items ("June 9 – Tampa") are content.
        return furniture(-_FURNITURE_COST, keep=True)
    if lower_share >= _MIN_LOWER_SHARE and (
        (words >= _MIN_PROSE_WORDS and _SENTENCE_END.search(text))
        or (words >= _LONG_LINE_WORDS and _punctuated(text, words))
    ):
        return _Score(words - _PROSE_OFFSET, True, comments_heading=False, short_sentence=False)
    short_sentence = (
        _MIN_SENTENCE_WORDS <= words < _MIN_PROSE_WORDS
        and lower_share >= _MIN_SENTENCE_LOWER_SHARE
        and _FULL_STOP.search(text) is not None
    )
    return _Score(-_LINE_COST, True, comments_heading=False, short_sentence=short_sentence)


def _punctuated(text: str, words: float) -> bool:
    return len(_INNER_MARK.findall(text)) * _WORDS_PER_MARK >= words


def _lower_share(text: str) -> float:
    """Share of words, after the first, that are not capitalised (0.5 when there are none).

    Words in scripts without case (Chinese, Japanese, Korean, Arabic) count as not capitalised, so
    prose in those scripts passes while a Latin brand name inside it does not tip the balance.
    """
    letters = capitals = 0
    for token in _WORD.findall(text)[1:]:
        first = token[0]
        if first.isalpha():
            letters += 1
            capitals += first.isupper()
    return 1 - capitals / letters if letters else 0.5


def _max_sum_span(values: Sequence[float]) -> tuple[int, int] | None:
    """The half-open span [start, end) with the largest positive sum (Kadane), or None."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    running = 0.0
    start = 0
    for index, value in enumerate(values):
        if running <= 0:
            running, start = 0.0, index
        running += value
        if running > best:
            best, best_span = running, (start, index + 1)
    return best_span
