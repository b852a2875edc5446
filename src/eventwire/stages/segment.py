"""Split a raw dump into article blocks of lines.

A dump is what people paste or scrape: several stories one after another, each with
its headline, captions and credits, sometimes repeated, with stray markers between.
A new story starts at a headline-like line that follows body text and is either set
off by two or more blank lines, repeated soon after (scrapers often print a headline
twice), or followed by what opens a story (a caption, a byline, a timestamp, a
marker, a dateline, a timestamp), or opening a new topic (its words come back in the
paragraph under it, not in the story above).  A subheading is also a short line after
body text, but what follows it is body text, so it stays in its story; a caption, an
interviewer's question or a pull quote never opens one.

Whole page texts (site menus, a page title reprinted over its story) are cut differently,
by :func:`split_pages`: each page's body is a run of prose between its chrome.

>>> lines = split_lines("Big News Today\\n\\nThe minister said so on Monday.\\n")
>>> [b[0].text for b in split_blocks(lines)]
['Big News Today']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from eventwire.lexicon.patterns import (
    BYLINE,
    DATELINE,
    FURNITURE,
    NOISE_LINES,
    SEPARATOR,
    SITE_MARKER,
    STAFF_CREDIT,
    TIMESTAMPS,
    TITLE_FUNCTION_WORDS,
)
from eventwire.stages.boilerplate import BodyRun, body_runs
from eventwire.stages.credits import is_credit, split_credit

__all__ = [
    "Line",
    "body_like",
    "ends_sentence",
    "furniture_reason",
    "headline_like",
    "is_byline",
    "is_noise",
    "is_staff_credit",
    "menu_lines",
    "name_byline",
    "page_like",
    "split_blocks",
    "split_lines",
    "split_pages",
    "timestamp_rule",
    "title_case_ratio",
]

# Lines longer than this are not news text (a minified script, a data blob); they are
# discarded whole rather than fed to the line rules.
MAX_LINE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank input line: its index, character span (stripped) and blank lines before it."""

    index: int
    start: int
    end: int
    text: str
    gap: int


def split_lines(text: str, *, offset: int = 0) -> list[Line]:
    """The non-blank lines of ``text`` with their offsets (plus ``offset``) and gaps."""
    out: list[Line] = []
    gap = 0
    pos = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = offset + pos + lead
            out.append(Line(index, start, start + len(stripped), stripped, gap))
            gap = 0
        else:
            gap += 1
        pos += len(raw) + 1
    return out


_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "off",
    "on", "or", "over", "per", "the", "to", "up", "via", "vs", "with", "amid", "after",
    "against", "about", "than", "is", "are", "be", "its", "his", "her", "their",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'’.-]*")
_TERMINAL = re.compile(r"[.!?:;,][\"”’')\]]*$|[\"”]$")
_FULL_STOP = re.compile(r"\.[\"”’')\]]*$")
# Words of a reporter's name line ("Kevin Johnson and Kevin McCoy USA TODAY").
_NAME_JOINERS = {"and", "&", "de", "da", "van", "von", "bin", "al", "la", "le", "del"}


def ends_sentence(text: str) -> bool:
    """Whether a line ends in a full stop (before closing quotes or brackets): a sentence
    of the story, not a title, a dek or a promo line."""
    return _FULL_STOP.search(text) is not None


def name_byline(lines: Sequence[Line], i: int) -> bool:
    """Whether line ``i`` is a byline without "By": names and an outlet right above the
    story's timestamp ("Kevin Johnson and Kevin McCoy USA TODAY" / "Published 7:07 PM")."""
    return (
        i + 1 < len(lines)
        and _name_line(lines[i].text)
        and timestamp_rule(lines[i + 1].text) is not None
    )


def _name_line(text: str) -> bool:
    """Names and an outlet, as a byline without "By" prints them above its timestamp:
    capitalised words and joiners only, no headline's capitalised function words."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 10 or any(ch.isdigit() for ch in text):
        return False
    return all((w[0].isupper() and w not in _HEADLINE_SMALL) or w in _NAME_JOINERS for w in words)


_HEADLINE_SMALL = TITLE_FUNCTION_WORDS - {"And"} | {"Says", "Say"}


def title_case_ratio(text: str) -> float:
    """Share of content words that start with a capital ("Putin Tells Xi Ties" -> 1.0)."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def is_noise(text: str) -> bool:
    return any(p.search(text) for p in NOISE_LINES)


# Timestamps are short labels, never sentences.
_MAX_TIMESTAMP_WORDS = 20


def timestamp_rule(text: str) -> str | None:
    """The name of the timestamp form ``text`` is written in ("timestamp-label"), or None.

    >>> timestamp_rule("04/14/2024 12:30 AM EDT"), timestamp_rule("It rained on 4/5/2024.")
    ('timestamp-numeric', None)
    """
    if len(text.split()) > _MAX_TIMESTAMP_WORDS or text.endswith("."):
        return None
    return next((name for name, p in TIMESTAMPS if p.search(text)), None)


def furniture_reason(text: str) -> str | None:
    """What page furniture ``text`` is (``teaser``, ``widget``, ``promo``, ``footer``,
    ``navigation``), by its vocabulary or its shape; None when it is none of them.

    >>> furniture_reason("0 SHARES Share Tweet"), furniture_reason("Jobs Homes Autos For Sale")
    ('widget', 'navigation')
    """
    for reason, pattern in FURNITURE:
        if pattern.search(text):
            return reason
    words = text.split()
    if not _TERMINAL.search(text) and 2 <= len(words) <= 6 and all(w[0].isupper() for w in words):
        # Menu items flattened to one line, every word a capitalised section name.
        return "navigation"
    return None


def is_staff_credit(text: str) -> bool:
    """A reporters' and editors' credit line ("Reporting by A; Editing by B")."""
    return bool(STAFF_CREDIT.match(text))


def is_byline(text: str) -> bool:
    return len(text.split()) <= 14 and bool(BYLINE.match(text))


def headline_like(text: str) -> bool:
    """Short, capitalised, no closing punctuation: could head a story or a section."""
    n = len(text.split())
    if not 2 <= n <= 25 or len(text) > 220:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'"):
        return False
    if _TERMINAL.search(text) and not text.endswith(("'", "’", "?", "!")):
        return False
    if text.endswith(("'", "’")) and text[-2:-1] in ".,":
        return False
    return not (
        is_noise(text)
        or timestamp_rule(text)
        or is_staff_credit(text)
        or SITE_MARKER.match(text)
        or split_credit(text)
        or is_credit(text)
        or is_byline(text)
    )


def body_like(text: str) -> bool:
    """Running text: a sentence with closing punctuation, or a long stretch of words."""
    n = len(text.split())
    return n >= 14 or (n >= 3 and bool(_TERMINAL.search(text)) and not text.endswith(","))


def _opens_story(line: Line) -> bool:
    """What follows a headline at the top of a story, never a subheading."""
    t = line.text
    return bool(
        split_credit(t)
        or is_credit(t)
        or is_byline(t)
        or SITE_MARKER.match(t)
        or is_noise(t)
        or timestamp_rule(t)
        or (DATELINE.match(t) and DATELINE.match(t)["place"])  # type: ignore[index]
    )


def paragraph_gap(lines: Sequence[Line]) -> int | None:
    """The blank lines a dump puts between the paragraphs of its stories, when it keeps to
    one spacing (a reader sees a title set apart by spacing that differs from it)."""
    gaps = Counter(line.gap for line in lines[1:] if body_like(line.text))
    total = sum(gaps.values())
    if total < _MIN_SPACED_PARAGRAPHS:
        return None
    gap, n = gaps.most_common(1)[0]
    return gap if gap >= 1 and n >= total * _SPACING_SHARE else None


# A dump keeps to one paragraph spacing when this share of its paragraphs, of at least this
# many, have it.
_SPACING_SHARE = 0.75
_MIN_SPACED_PARAGRAPHS = 20


def _set_apart(lines: list[Line], i: int, spacing: int | None) -> bool:
    """A title whose spacing differs from the paragraphs', with its lead spaced as it is:
    "Title / blank / lead" where paragraphs are two blank lines apart, or a title two blank
    lines down where paragraphs are one apart."""
    if spacing is None or i + 1 >= len(lines):
        return False
    line, lead = lines[i], lines[i + 1]
    if line.gap == spacing or line.gap == 0 or len(line.text.split()) < _MIN_SET_APART_WORDS:
        return False
    if not body_like(lead.text) or len(lead.text.split()) < _MIN_LEAD_WORDS:
        return False
    if spacing >= 2:
        return line.gap < spacing and lead.gap < spacing
    return line.gap > spacing and lead.gap == spacing


_MIN_SET_APART_WORDS = 4
_MIN_LEAD_WORDS = 14


def _starts_story(
    lines: list[Line], i: int, headline: str | None, story_start: int, spacing: int | None = None
) -> bool:
    line = lines[i]
    if line.text == headline or not headline_like(line.text):
        return False
    if lines[i - 1].text == headline:
        return False  # right under its story's reprinted headline: a byline ("Name, Site")
    if not any(ends_sentence(ln.text) for ln in lines[story_start:i]):
        return False  # still in the story's header (title, dek, promo lines): its byline
    following = lines[i + 1 : i + 13]
    if any(x.text == line.text for x in following):
        return True  # the headline repeated under its captions
    if i + 1 < len(lines) and _opens_story(lines[i + 1]):
        return True
    if _new_topic(lines, i, story_start) or _set_apart(lines, i, spacing):
        return True
    # Set apart by two blank lines and written as a title: a new story, not a subheading.
    return line.gap >= 2 and title_case_ratio(line.text) >= 0.6


# A headline restates its story's lead; a subheading carries on the story above it. Headlines
# of this many words or more are long enough for the word overlap to tell the two apart.
_MIN_TOPIC_WORDS = 5
# Words compared by their first letters, so "pileup" and "pileups", "kills" and "killed" match.
_STEM = 5
# How much of the story above a headline is compared with it.
_TOPIC_WINDOW = 60
_LONG_TITLE_WORDS = 7


def _stems(text: str) -> set[str]:
    return {
        w.lower()[:_STEM]
        for w in _WORD.findall(text)
        if len(w) > 3 and w.lower() not in _SMALL_WORDS
    }


def _new_topic(lines: list[Line], i: int, story_start: int) -> bool:
    """A title line between two paragraphs that opens a new story: its words come back in the
    paragraph under it and mostly do not occur in the story above (lexical cohesion, as in
    Hearst's TextTiling, 1997)."""
    line = lines[i]
    if len(line.text.split()) < _MIN_TOPIC_WORDS or i == 0 or i + 1 >= len(lines):
        return False
    if line.text.endswith("?") or line.text.startswith(('"', "“")):
        return False  # an interviewer's question, a pull quote: the story goes on
    before, after = lines[i - 1].text, lines[i + 1].text
    if not (body_like(before) and body_like(after) and len(after.split()) >= 14):
        return False
    words = _stems(line.text)
    if not words:
        return False
    above: set[str] = set()
    for ln in lines[max(story_start, i - _TOPIC_WINDOW) : i]:
        above |= _stems(ln.text)
    lead = _stems(after)
    if i + 2 < len(lines):
        lead |= _stems(lines[i + 2].text)
    # A long title may share more with a story on the same news; a short one must be new.
    share = 0.6 if len(line.text.split()) >= _LONG_TITLE_WORDS else 1 / 3
    return len(words & lead) >= 2 and len(words & above) <= len(words) * share


def split_blocks(lines: list[Line]) -> list[list[Line]]:
    """Group the lines of a dump into one block per story, in input order."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    headline: str | None = None
    has_body = False
    spacing = paragraph_gap(lines)
    for i, line in enumerate(lines):
        if SEPARATOR.match(line.text) and current and has_body:
            current.append(line)
            blocks.append(current)
            current, headline, has_body = [], None, False
            continue
        if (has_body and _starts_story(lines, i, headline, i - len(current), spacing)) or (
            # A dated headline after a fragment with no body (a photo gallery's captions):
            # a new story all the same; the fragment becomes a neighbour's orphan lines.
            current
            and not has_body
            and headline_like(line.text)
            and line.text != headline
            and lines[i - 1].text != headline  # a byline under the reprinted headline
            and i + 1 < len(lines)
            and timestamp_rule(lines[i + 1].text)
            and not _name_line(line.text)  # "Elliot Brownstein Florida Today": a byline
        ):
            blocks.append(current)
            current, headline, has_body = [], None, False
        if headline is None and not current and headline_like(line.text):
            headline = line.text
        current.append(line)
        text = line.text
        if (
            not has_body
            and len(text) <= MAX_LINE_CHARS
            and body_like(text)
            and text != headline
            and not split_credit(text)
            and not is_noise(text)
            and not timestamp_rule(text)
            and not is_staff_credit(text)
            and not any(x.text == text for x in current[:-1])
        ):
            has_body = True
    if current:
        blocks.append(current)
    return blocks


# --- Pages: dumps of whole page texts, menus and footers included -----------------------------

# A line of a site menu: a few words, no sentence punctuation, next to another such line.
_MENU_WORDS = 3
# A text with this many menu lines is page text (a site's chrome around its article), however
# many pages it holds; a dump of clean stories has next to none.
MIN_MENU_LINES = 5
# Furniture worth this much (the boilerplate selector's values) between two runs of body text
# separates two pages; less is an aside or a photo strip inside one article.
PAGE_GAP = 300.0
# A page's headline sits at most this many lines above its body (caption, byline, date between).
_HEADER_LINES = 12
# The least body (in the selector's values: about words of prose) of a second page whose
# headline is printed twice, and of one whose headline is not.
MIN_PAGE_VALUE = 60.0
MIN_UNMARKED_PAGE_VALUE = 200.0
_MIN_HEADLINE_WORDS = 4


def menu_lines(lines: Sequence[Line]) -> int:
    """How many lines are site-menu items: short, unpunctuated, one under another."""
    short = [len(ln.text.split()) <= _MENU_WORDS and not _TERMINAL.search(ln.text) for ln in lines]
    count = 0
    for i, line in enumerate(lines):
        if short[i] and (
            (i > 0 and short[i - 1] and line.gap == 0)
            or (i + 1 < len(lines) and short[i + 1] and lines[i + 1].gap == 0)
        ):
            count += 1
    return count


def page_like(lines: Sequence[Line]) -> bool:
    """Whether ``lines`` are the whole visible text of web pages rather than clean stories: site
    menus, or a page title ("Headline - Site") whose headline is printed again below it."""
    return menu_lines(lines) >= MIN_MENU_LINES or _titled_page(lines)


# A page title names the site after a dash, bar or colon: "Headline - Site", "Headline | Site".
_SITE_SUFFIX = re.compile(r"^(?P<headline>.{12,}?)\s+[-–—|:·•]\s+[^-–—|:·•]{2,60}$")
# How far below its title a page prints the headline again.
_TITLE_REPRINT_LINES = 40


def _titled_page(lines: Sequence[Line]) -> bool:
    m = _SITE_SUFFIX.match(lines[0].text) if lines else None
    if m is None:
        return False
    headline = m["headline"].casefold()
    return any(
        ln.text.casefold().startswith(headline) and len(ln.text) < len(lines[0].text)
        for ln in lines[1:_TITLE_REPRINT_LINES]
    )


def split_pages(text: str, lines: Sequence[Line]) -> list[tuple[list[Line], list[bool]]]:
    """Cut a text of one or more whole pages into stories: (lines, body flags) for each.

    Each page's article is a run of prose between menus and footers (``body_runs``); two runs
    are two stories when the furniture between them is heavy and holds a headline for the second,
    which opens its block. Otherwise they are one page, and only the stronger run is its body.
    """
    raw = text.split("\n")
    first_line = lines[0].index
    # A page title ("Headline - Site" with the headline printed again under it) opens a page
    # even where the pages on either side carry little chrome: the text is cut there first.
    cuts = sorted({first_line, *_page_titles(lines), len(raw)})
    stories: list[tuple[int, BodyRun]] = []
    for begin, end in pairwise(cuts):
        runs = [
            run._replace(start=run.start + begin, end=run.end + begin)
            for run in body_runs(raw[begin:end])
        ]
        stories.extend(_group_runs([ln for ln in lines if begin <= ln.index < end], runs, begin))
    if not stories:
        return []
    stories[0] = (first_line, stories[0][1])
    out: list[tuple[list[Line], list[bool]]] = []
    for n, (start, run) in enumerate(stories):
        stop = stories[n + 1][0] if n + 1 < len(stories) else len(raw)
        block = [ln for ln in lines if start <= ln.index < stop]
        keep = [run.start <= ln.index < run.end and run.keep[ln.index - run.start] for ln in block]
        out.append((block, keep))
    return out


def _group_runs(
    lines: Sequence[Line], runs: Sequence[BodyRun], begin: int
) -> list[tuple[int, BodyRun]]:
    """The stories among the body ``runs`` of one stretch of pages starting at raw line ``begin``:
    (block start as a raw line index, the body run) for each."""
    stories: list[tuple[int, BodyRun]] = []
    previous_end = begin
    for run in runs:
        if not stories:
            stories.append((begin, run))
        elif run.gap <= -PAGE_GAP and _chrome_between(lines, previous_end, run.start):
            start, reprinted = _page_start(lines, previous_end, run.start)
            # A page's own headline printed twice (page title, then over the story) marks a new
            # page; without it only a full article does, not a comment thread or a teaser box.
            # A headline the page above printed already is that page's, over a second run.
            same = start is not None and _printed_before(lines, start, stories[-1][0])
            if not same and run.value >= (MIN_PAGE_VALUE if reprinted else MIN_UNMARKED_PAGE_VALUE):
                stories.append((run.start if start is None else start, run))
            elif _outweighs(run, stories[-1][1]):
                stories[-1] = (stories[-1][0], run)
        elif _outweighs(run, stories[-1][1]):
            stories[-1] = (stories[-1][0], run)
        previous_end = run.end
    return stories


# A page prints its article before its comments, teasers and footers: a later run of prose
# replaces an earlier one as the page's body only when it is this many times stronger.
LATER_RUN_FACTOR = 2.0


def _outweighs(later: BodyRun, earlier: BodyRun) -> bool:
    return later.value > earlier.value * LATER_RUN_FACTOR


def _page_titles(lines: Sequence[Line]) -> list[int]:
    """Raw indices of the page titles after the first line: "Headline - Site" lines whose
    headline is printed again, alone, within ``_TITLE_REPRINT_LINES`` lines below."""
    out = []
    for n, line in enumerate(lines[1:], start=1):
        if _reprinted_over_header(lines, n):
            out.append(line.index)
            continue
        forms = [f for f in _title_forms(line.text)[1:] if headline_like(f)]
        if not forms:
            continue
        below = lines[n + 1 : n + _TITLE_REPRINT_LINES]
        if any(
            ln.text.casefold().startswith(f.casefold()) and len(ln.text) < len(line.text)
            for f in forms
            for ln in below
        ):
            out.append(line.index)
    return out


# A page title printed again over the story's header this few lines below it.
_HEADER_REPRINT_LINES = 8


def _reprinted_over_header(lines: Sequence[Line], n: int) -> bool:
    """A title with no site name that the page prints again, alone, a few lines down,
    right over a byline or a timestamp ("15 Helpful Tips ..." / menu / "15 Helpful Tips
    ..." / "Written by ... on November 14, 2019")."""
    text = lines[n].text
    if len(text.split()) < _MIN_HEADLINE_WORDS or not headline_like(text):
        return False
    for k in range(n + 1, min(len(lines), n + _HEADER_REPRINT_LINES)):
        if lines[k].text == text:
            after = lines[k + 1 : k + 3]
            return any(is_byline(a.text) or timestamp_rule(a.text) for a in after)
    return False


def _title_forms(text: str) -> list[str]:
    """A page title and its headline with each site name taken off in turn: "Headline -
    Breaking News - Site", "Headline - Breaking News", "Headline"."""
    forms = [text]
    while (m := _SITE_SUFFIX.match(forms[-1])) is not None:
        forms.append(m["headline"])
    return forms


def _printed_before(lines: Sequence[Line], at: int, since: int) -> bool:
    """Whether the line at raw index ``at`` was printed already from raw index ``since`` on."""
    text = _bare_title(next(ln.text for ln in lines if ln.index == at))
    return any(_bare_title(ln.text) == text for ln in lines if since <= ln.index < at)


def _bare_title(text: str) -> str:
    """A headline without the site's name a page title adds ("Headline - Site")."""
    return _title_forms(text)[-1].casefold()


def _chrome_between(lines: Sequence[Line], after: int, body: int) -> bool:
    """Whether a site's menus stand between raw lines ``after`` and ``body``: the chrome of a
    next page, not an aside or the teasers under one article."""
    return menu_lines([ln for ln in lines if after <= ln.index < body]) >= MIN_MENU_LINES


def _page_start(lines: Sequence[Line], after: int, body: int) -> tuple[int | None, bool]:
    """The raw index of the line that opens the page whose body starts at raw line ``body``,
    searching back to raw line ``after`` (None when no headline stands there), and whether that
    headline is printed twice."""
    gap = [ln for ln in lines if after <= ln.index < body]
    near = gap[-_HEADER_LINES:]
    candidates = [
        ln for ln in near if headline_like(ln.text) and len(ln.text.split()) >= _MIN_HEADLINE_WORDS
    ]
    if not candidates:
        return None, False
    # A headline printed twice (the page title above the menus, then over the story) opens
    # the page at its first print; titles carry the site's name after a dash or bar.
    for cand in reversed(candidates):
        for ln in gap:
            if ln.index >= cand.index:
                break
            if ln.text == cand.text or (
                ln.text.startswith(cand.text) and ln.text[len(cand.text) :].lstrip()[:1] in "-–—|:"
            ):
                return ln.index, True
    return candidates[0].index, False
