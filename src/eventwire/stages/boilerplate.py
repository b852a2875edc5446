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

Hard-wrapped text (a text browser's dump at 72 or 80 columns) is detected and scored by
paragraph rather than by line, since none of its lines is a sentence on its own. Linear in the size
of the page, pure Python; each distinct line is scored once. On the whole-page texts of the
article-extraction-benchmark it scores F1 0.918 (``scripts/eval_extraction.py --direct``).

>>> page = ["Home", "World", "", "Rain is forecast for the whole of next week, the weather "
...         "service said on Monday, after a dry month.", "", "Most popular", "Cats and dogs"]
>>> select_main_content(page)
[False, False, False, True, False, False, False]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from eventwire.lexicon.patterns import TITLE_FUNCTION_WORDS

__all__ = ["MIN_RUN_VALUE", "BodyRun", "body_runs", "select_main_content"]

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
# Hard-wrapped text (a dump wrapped at 72 or 80 columns): the wrap width is at most
# _MAX_WRAP_WIDTH and read off the _WRAP_WIDTH_QUANTILE of line lengths (not the maximum, so one
# long URL does not set it); a line reaching _FULL_LINE_SHARE of it is full. The text counts as
# wrapped when at least _MIN_CONTINUED full lines, and _MIN_CONTINUED_SHARE of them, run on into
# a next line that starts lowercase.
_MAX_WRAP_WIDTH = 120
_WRAP_WIDTH_QUANTILE = 0.95
_FULL_LINE_SHARE = 0.75
_MIN_CONTINUED = 3
_MIN_CONTINUED_SHARE = 0.1
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
# Each list holds regular-expression fragments for whole words or phrases; _phrases() joins them
# into one alternation behind a single word boundary, which keeps matching fast.


def _phrases(fragments: Sequence[str]) -> str:
    return r"\b(?:" + "|".join(fragments) + r")\b"


# Legal and consent text is never part of an article, however long. The plain substrings of
# _LEGAL_HINT gate the full expression, which would be slow on every long line.
_LEGAL_HINT = re.compile(r"©|ⓒ|\(c\)|copyright|rights reserved|trademark|cookie")
_LEGAL = re.compile(
    r"©|ⓒ|\(c\) \d{4}|"  # copyright notices in footers
    + _phrases(
        [
            "copyright",
            "all rights reserved",
            "registered trademarks?",
            # Cookie banners: "This website uses cookies to improve your experience".
            "(?:website|site|we) uses? cookies",
            "cookies?.{0,60}(?:browser|consent|accept|settings|policy|preferences)",
        ]
    )
)
# Calls to action and page chrome. Trusted on short lines only: an article may well report that
# a company "asked users to subscribe".
_CHROME_MAX_WORDS = 25
_CHROME = re.compile(
    _phrases(
        [
            "subscribe",
            "newsletters?",
            "sign (?:up|in)",
            "log ?in",
            "share (?:on|this|via)",
            "follow us",
            "click (?:here|to)",
            "privacy policy",
            "terms of (?:use|service)",
            "(?:read|see|load) more",
        ]
    )
    + "|^(?:advertisement|advert|sponsored)$"
)
# Headings that open what follows an article: comments, related links, popular lists, tags. Only
# short lines count, so an inline "Related: <headline>" inside an article is just a short line.
# English, plus the other languages most common in news text.
_END_HEADING_MAX_WORDS = 6
_COMMENTS = re.compile(
    _phrases(
        [
            "comments?",
            "responses",
            "replies",
            "leave a (?:reply|comment)",
            "comentários",
            "comentarios",
            "kommentare",
            "commentaires",
            "commenti",
        ]
    )
    + r"|\bкомментари"
)
# Blog engines head a thread with its size and the post title: "12 thoughts on “Title”".
_COMMENT_COUNT = re.compile(r"^\d+ (?:thoughts|responses|replies|comments) (?:on|to)\b")
_END_HEADING = re.compile(
    # At the start of the line: "Related", "More from ...", "Most read".
    "^"
    + _phrases(
        [
            "related",
            "recommended",
            "more (?:from|stories|news|on)",
            "most (?:popular|read|viewed|shared)",
            "read (?:next|also)",
            "(?:see|also) (?:also|read)",
            "trending",
            "popular",
        ]
    )
    # Anywhere in the line.
    + "|"
    + _phrases(
        [
            "related (?:stories|articles|posts|coverage|content)",
            "you (?:may|might) (?:also )?like",
            "leia também",
            "veja também",
            "você pode gostar",
            "mehr zum thema",
        ]
    )
    # The whole line: a tag list's label, a share bar's label.
    + "|^(?:tags?|share(?: this)?):?$"
    # Comment author lines: "Jane on May 2 said:".
    + r"|\b(?:says|said|wrote):?$"
)
# Menus and breadcrumbs flattened to one line: "News | Sport | Weather", "Home » World".
_SEPARATOR = re.compile(r"\s[|•·»›/]\s")
_MIN_SEPARATORS = 2
# Short lines with a date or a time: bylines, teaser and comment timestamps.
_DATE_MAX_WORDS = 10
_MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DATE = re.compile(
    _phrases(
        [
            r"\d{1,2}:\d{2}",  # 07:52, 10:43 am
            r"\d{4}-\d{2}-\d{2}",
            r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}",
            _MONTH + r"\.? \d{1,2}",
            r"\d{1,2} " + _MONTH,
            r"\d+ (?:minutes?|hours?|days?|weeks?) ago",
        ]
    )
)


class _Score(NamedTuple):
    """What the selector needs to know about one distinct line (or wrapped paragraph)."""

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
    page = _Page(lines)
    selected = [False] * len(lines)
    span = _max_sum_span(page.values)
    if span is not None:
        page.keep(*span, selected)
    return selected


class BodyRun(NamedTuple):
    """A run of article body in a text of several pages: its lines [start, end), the value of its
    prose, and the value of the furniture between it and the run before (0 for the first)."""

    start: int
    end: int
    value: float
    gap: float
    keep: list[bool]  # for each line of [start, end): whether it is body


# A run of prose worth less than this many words is a teaser or a stray sentence, not a story.
MIN_RUN_VALUE = 40.0


def body_runs(lines: Sequence[str]) -> list[BodyRun]:
    """Every run of article body in ``lines`` (blank lines included, as ""), in order.

    The runs are the maximal scoring segments of the line values (Ruzzo and Tompa, "A linear time
    algorithm for finding all maximal scoring subsequences", 1999): a stretch of furniture costing
    more than the prose on either side separates two runs, so the pages of a dump come apart at
    their menus and footers while one article's inline asides do not split it. Runs worth less
    than ``MIN_RUN_VALUE`` are dropped.

    >>> rain = ("Rain is forecast for the whole of next week, the weather service said on Monday, "
    ...         "after a dry month and a long heat wave across the south of the country. Farmers "
    ...         "welcomed the news, though some said it came too late for this year's wheat.")
    >>> menu = ["Home", "World", "Sport", "Weather", "Contact us", "About us", ""]
    >>> [(r.start, r.end) for r in body_runs([rain, *menu, rain.replace("Rain", "Snow")])]
    [(0, 1), (8, 9)]
    """
    page = _Page(lines)
    out: list[BodyRun] = []
    previous_end = 0
    for start, end, value in _maximal_segments(page.values):
        if value < MIN_RUN_VALUE:
            continue
        gap = sum(page.values[previous_end:start])
        first, stop = page.line_span(start, end)
        selected = [False] * len(lines)
        stop = page.keep(start, end, selected)
        out.append(BodyRun(first, stop, value, gap, selected[first:stop]))
        previous_end = end
    return out


# Reader comments lower the value of prose after them (_AFTER_COMMENTS_WEIGHT); furniture worth
# this much with no prose in it ends the page they belong to (the next page of a dump begins).
_PAGE_BREAK_COST = 500.0


class _Page:
    """The scoring units of one text and their values."""

    def __init__(self, lines: Sequence[str]) -> None:
        texts = [line.strip().strip(_INVISIBLE).strip() for line in lines]
        self.units = _units(texts)
        self.unit_texts = [
            texts[first] if end == first + 1 else " ".join(texts[first:end])
            for first, end in self.units
        ]
        # A line the page repeats (a menu shown twice, a share bar under every teaser) is
        # furniture.
        counts = Counter(self.unit_texts)
        self.scores = {text: _score(text, repeated=count > 1) for text, count in counts.items()}
        self.values: list[float] = []
        weight = 1.0
        prose_before = 0.0
        furniture = 0.0
        for text in self.unit_texts:
            score = self.scores[text]
            value = score.value
            if value > 0:
                prose_before += value
                value *= weight
                furniture = 0.0
            else:
                furniture -= value
                if furniture >= _PAGE_BREAK_COST:
                    weight, prose_before = 1.0, 0.0
                if score.comments_heading and prose_before >= _MIN_PROSE_BEFORE_COMMENTS:
                    weight = _AFTER_COMMENTS_WEIGHT
            self.values.append(value)

    def line_span(self, start: int, end: int) -> tuple[int, int]:
        return self.units[start][0], self.units[end - 1][1]

    def keep(self, start: int, end: int, selected: list[bool]) -> int:
        """Mark the kept lines of units [start, end) in ``selected``; return the last line + 1."""
        # The search drops a short last line ("A spokeswoman declined to comment.") because
        # alone it costs more than it brings; plain sentences right after the body close it.
        while end < len(self.units) and self.scores[self.unit_texts[end]].short_sentence:
            end += 1
        for (first, stop), text in zip(
            self.units[start:end], self.unit_texts[start:end], strict=True
        ):
            if self.scores[text].keep:
                selected[first:stop] = [True] * (stop - first)
        return self.units[end - 1][1]


def _units(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Split the stripped lines into scoring units, as [first, end) line ranges.

    A unit is one line, except in hard-wrapped text (a dump wrapped at 72 or 80 columns), where
    a paragraph's lines run to the margin and only its last line stops short: there a line that
    reaches the margin continues into the next one. Blank and punctuation-only lines belong to no
    unit: they are worth nothing either way.
    """
    width = _wrap_width(texts)
    full = width * _FULL_LINE_SHARE if width else float("inf")
    units: list[tuple[int, int]] = []
    first: int | None = None
    for index, text in enumerate(texts):
        if not _WORD.search(text):
            if first is not None:
                units.append((first, index))
                first = None
            continue
        if first is None:
            first = index
        if len(text) < full:
            units.append((first, index + 1))
            first = None
    if first is not None:
        units.append((first, len(texts)))
    return units


def _wrap_width(texts: Sequence[str]) -> int | None:
    """The column at which the text was hard-wrapped, or None when it was not.

    Wrapped text has lines that reach one width and go on, mid-sentence, on the next line with a
    lowercase word; a page of one line per paragraph or menu item has next to none of those.
    """
    # Lengths past _MAX_WRAP_WIDTH all mean "not wrapped", so counting them capped is enough
    # to find the quantile, in linear time.
    lengths = Counter(min(len(text), _MAX_WRAP_WIDTH + 1) for text in texts if text)
    rank = int(lengths.total() * _WRAP_WIDTH_QUANTILE)
    for width in sorted(lengths):
        rank -= lengths[width]
        if rank < 0:
            break
    else:
        return None  # no non-blank line
    if width > _MAX_WRAP_WIDTH:
        return None
    full = continued = 0
    for text, following in pairwise(texts):
        if len(text) >= width * _FULL_LINE_SHARE:
            full += 1
            if following[:1].islower() and not _SENTENCE_END.search(text):
                continued += 1
    wrapped = continued >= _MIN_CONTINUED and continued >= full * _MIN_CONTINUED_SHARE
    return width if wrapped else None


def _score(text: str, *, repeated: bool) -> _Score:
    """Score one non-blank line; ``repeated`` when the page has it more than once."""
    words: float = len(text.split())
    if not text.isascii():
        words += len(_CJK.findall(text)) / _CHARS_PER_CJK_WORD
    lowered = text.lower()
    # Headings are short and never end in a full stop ("A spokeswoman declined to comment.").
    heading = words <= _END_HEADING_MAX_WORDS and not _FULL_STOP.search(text)
    if _COMMENT_COUNT.search(lowered) or (heading and _COMMENTS.search(lowered)):
        return _Score(-_END_HEADING_COST, False, comments_heading=True, short_sentence=False)
    if _LEGAL_HINT.search(lowered) and _LEGAL.search(lowered):
        return _Score(-max(_FURNITURE_COST, words), False, False, False)
    if heading and _END_HEADING.search(lowered):
        return _Score(-_END_HEADING_COST, False, False, False)
    if repeated or (words < _CHROME_MAX_WORDS and _CHROME.search(lowered)):
        return _Score(-_FURNITURE_COST, False, False, False)
    if len(_SEPARATOR.findall(text)) >= _MIN_SEPARATORS or _teaser(text):
        return _Score(-_FURNITURE_COST, False, False, False)
    if words <= _DATE_MAX_WORDS and _DATE.search(lowered):
        # Kept inside the body: dated list items ("June 9 – Tampa") are content.
        return _Score(-_FURNITURE_COST, True, False, False)
    lower_share = _lower_share(text)
    if lower_share >= _MIN_LOWER_SHARE and (
        (words >= _MIN_PROSE_WORDS and _SENTENCE_END.search(text))
        or (words >= _LONG_LINE_WORDS and _punctuated(text, words))
    ):
        return _Score(words - _PROSE_OFFSET, True, False, False)
    short_sentence = (
        _MIN_SENTENCE_WORDS <= words < _MIN_PROSE_WORDS
        and lower_share >= _MIN_SENTENCE_LOWER_SHARE
        and _FULL_STOP.search(text) is not None
    )
    return _Score(-_LINE_COST, True, False, short_sentence)


_MIN_TEASER_TITLE_WORDS = 5
_MIN_TEASER_DEK_WORDS = 8


def _teaser(text: str) -> bool:
    """A teaser: another story's headline in title case run into its one-line summary
    ("Harvick Fails To Rally Overmatched Ford In NASCAR Finale Ford v Toyota flopped for
    the blue oval at the track."), as sidebars of "latest" stories print them."""
    words = text.split()
    title = 0
    small = 0
    asked = False  # a question inside the title: "Say Cheese? Detroit's Top 3 Cheese Shops"
    for i, word in enumerate(words):
        if word.startswith("("):
            return False  # a dateline's agency: "Hong Kong (CNN Business) A muddled view"
        bare = word.strip("\"'“”‘’:?!,")
        if not bare or not (bare[0].isupper() or bare[0].isdigit()):
            break
        title += 1
        small += i > 0 and bare in TITLE_FUNCTION_WORDS
        asked = asked or (word.endswith(("?", "!")) and i + 1 < len(words))
    # a capitalised function word marks headline style, as does a question in a title run
    titled = title >= _MIN_TEASER_TITLE_WORDS and (small >= 1 or asked)
    return titled and len(words) - title >= _MIN_TEASER_DEK_WORDS


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


def _maximal_segments(values: Sequence[float]) -> list[tuple[int, int, float]]:
    """All maximal scoring segments [start, end) of ``values`` with their sums (Ruzzo-Tompa)."""
    # Each segment is [start, end, L, R]: the cumulative sum before its start and at its end.
    segments: list[list[float]] = []
    total = 0.0
    for index, value in enumerate(values):
        if value <= 0:
            total += value
            continue
        new = [index, index + 1, total, total + value]
        total += value
        while True:
            j = len(segments) - 1
            while j >= 0 and segments[j][2] >= new[2]:
                j -= 1
            if j < 0 or segments[j][3] >= new[3]:
                segments.append(new)
                break
            new = [segments[j][0], new[1], segments[j][2], new[3]]
            del segments[j:]
    return [(int(s[0]), int(s[1]), s[3] - s[2]) for s in segments]
