"""HTML pages: trafilatura finds the main text; the page's own markup settles the rest.

trafilatura reads the body well but takes the headline from ``<title>``/``og:title`` (with the
site's name on it: " - Autoblog", " | CNN"), the date the page was first indexed as often as the
one it shows, and the first "author-ish" element as the byline. A reader of the page sees
something else: the ``<h1>`` over the story, the date printed under it, the names in its byline.
So the reader collects what the page states about itself (JSON-LD ``Article`` objects,
``<meta>`` properties, ``<h1>``/``<time>`` elements) and reconciles the candidates:

- **headline**: the ``<h1>`` that agrees with the page's declared titles (og:title, JSON-LD
  headline, ``<title>``); without one, the declared title with the site's name cut off.
- **date**: the article's declared publication date (JSON-LD, then ``<meta>``, then ``<time>``),
  read as the day the page states it in its own zone; trafilatura's date only when none.
- **byline**: the names of the article's JSON-LD or ``<meta>`` authors, or of its byline
  element, never the site's or publisher's name.
- **subheadings**: the ``<h2>``/``<h3>`` lines inside the text trafilatura kept; they leave the
  body for the document's ``subheadings``.

trafilatura drops ``<figcaption>`` text from the main text (rightly: a caption is not body), so
the captions and their credits are read from the page's figures here.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import takewhile
from typing import Any
from urllib.parse import urlparse

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from eventwire.errors import MalformedInput, NoArticle
from eventwire.model import Image, RawDocument
from eventwire.readers.dates import normalise_date
from eventwire.stages.agencies import agency_names_in
from eventwire.stages.clean import MAX_SUBHEADING_WORDS, caption_image
from eventwire.stages.credits import split_credit
from eventwire.stages.dates import find_dates

__all__ = ["html_to_text", "read_html"]

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
MIN_ARTICLE_WORDS = 5

# schema.org types of a news or blog article (https://schema.org/Article and its subtypes).
_ARTICLE_TYPES = re.compile(r"article|posting|report|review|webpage|newsarticle", re.IGNORECASE)
# How a <title> or og:title joins the headline and the site's name: "Headline | CNN".
_TITLE_SEP = re.compile(r"\s+(?:[|–—:·•»]|-{1,2}|::)\s+")
# Meta names of a publication date, most specific first (Open Graph article, Dublin Core,
# Parse.ly, Sailthru and the bare names CMSs write).
_PUBLISHED_META = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "date",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "dc.creator",
)
# A byline element: class, id or itemprop naming the author (the forms trafilatura also reads).
_AUTHOR_HREF = re.compile(r"/(?:authors?|writers?|contributors?|byline|people|profile)/", re.I)
_BYLINE_ATTR = re.compile(r"byline|author|writer|contributor", re.IGNORECASE)
# Words that never stand in an author's name: a byline element's other furniture.
_NOT_A_NAME = re.compile(
    r"\d|@|https?:|\b(?:updated?|published|posted|sponsored|jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|follow|share|email|more|about|min read|image|photo|enlarge|"
    r"opinion|partner|paid)\b",
    re.IGNORECASE,
)
_BY = re.compile(r"^\s*(?:(?:written|posted|words|reporting)\s+)?by\b[:\s]*", re.IGNORECASE)
_NAME_SEP = re.compile(r"\s*(?:,|;|\||&|\band\b)\s*", re.IGNORECASE)
_NOT_BY = re.compile(r"^\s*(?:edited|reviewed|fact[- ]checked|photos?|photographs|illustrations?|"
                     r"illustrated|video|graphics)\b", re.IGNORECASE)  # fmt: skip
# What follows a name in a byline line: "on December 21, 2023", "at 3:53PM", "Updated ...".
_TRAILER = re.compile(
    r"\s+(?:on|at|for|updated|published|posted|last|plus icon)\b.*$|\s*[\d\[].*$", re.IGNORECASE
)
# Job titles printed after a name ("Globe Staff", "Money Reporter", "Contributor").
_ROLE = re.compile(
    r"(?:\s+|^)(?:(?:senior|chief|staff|money|political|contributing|global|deputy|managing|"
    r"news|sports?|business)\s+)*(?:staff|correspondent|columnist|reporter|editor|contributor|"
    r"writer|content|journalist|producer|analyst)$",
    re.IGNORECASE,
)
_PUNCT = " .,:;/|-–—"
# The shape of a person's name on its own line: two to four capitalised words.
_PERSON = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
# A generational suffix is part of the name ("John Garcia Jr."); a credential after a name
# ("Lauren Manaker MS, RDN, LD", "Jane Roe, Ph.D.") is not.
_SUFFIX = re.compile(r"^(?:Jr|Sr|I{2,3}|IV)\.?$")
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|MS|RDN|LD)$")


# Asides inside an article ("Read more" and related-story boxes, pull-outs) are not the
# story: pruned before trafilatura reads the page, they neither land in the body nor cut it.
_FURNITURE_XPATH = ["//aside"]


def _text(el: Any) -> str:
    return _SPACE.sub(" ", el.text_content()).strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _same_words(a: str, b: str) -> bool:
    return _words(a) == _words(b)


@dataclass(slots=True)
class _Page:
    """What a page declares about its article, before reconciling."""

    h1: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    meta_authors: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members and list items included."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except ValueError:
            continue  # a broken block is the site's bug; the rest of the page still counts
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _types(obj: dict[str, Any]) -> str:
    kind = obj.get("@type")
    return " ".join(kind) if isinstance(kind, list) else str(kind or "")


def _names(value: Any, *, people_only: bool) -> list[str]:
    """Names in a JSON-LD ``author``: a string, a Person, or a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v, people_only=people_only)]
    if isinstance(value, dict):
        if people_only and "organization" in _types(value).casefold():
            return []
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    return []


def _read_page(tree: Any) -> _Page:
    page = _Page()
    page.h1 = [t for t in (_text(h) for h in tree.iter("h1")) if t]
    meta: dict[str, list[str]] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").casefold()
        content = (m.get("content") or "").strip()
        if key and content:
            meta.setdefault(key, []).append(content)
    for obj in _json_ld(tree):
        kind = _types(obj)
        if not _ARTICLE_TYPES.search(kind):
            continue
        is_article = "webpage" not in kind.casefold()
        for key in ("headline", "name") if is_article else ("headline",):
            if isinstance(obj.get(key), str):
                # JSON-LD strings come entity-escaped from some CMSs ("D&amp;D").
                page.titles.append(html_lib.unescape(obj[key]))
                break
        if is_article and isinstance(obj.get("datePublished"), str):
            page.published.append(obj["datePublished"])
        if is_article:
            page.authors.extend(_names(obj.get("author"), people_only=True))
            if isinstance(obj.get("articleBody"), str):
                page.bodies.append(obj["articleBody"])
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            page.sites.append(publisher["name"])
    for key in ("og:title", "twitter:title"):
        page.titles.extend(meta.get(key, []))
    page.titles.extend(_text(t) for t in tree.iter("title"))
    for key in ("description", "og:description"):
        page.descriptions.extend(meta.get(key, []))
    for key in ("og:site_name", "application-name", "publisher", "dc.publisher"):
        page.sites.extend(meta.get(key, []))
    for key in _PUBLISHED_META:
        page.published.extend(meta.get(key, []))
    for key in _AUTHOR_META:
        page.meta_authors.extend(v for v in meta.get(key, []) if not v.startswith("http"))
    for t in tree.iter("time"):
        value = t.get("datetime")
        if value:
            page.times.append(value)
        # The date printed in a <time> is the one the page shows its readers, in their zone
        # ("Dec. 21, 2023 11:00 pm EST" over a UTC datetime of the 22nd).
        dates = find_dates(_text(t))
        if dates:
            page.shown.append(dates[0].isoformat())
    # Links to an author's page ("/author/jnorem", "/writer/1218373/Cam_E._Kettles/").
    for a in tree.xpath("//a[@href]"):
        if _AUTHOR_HREF.search(a.get("href") or ""):
            text = _text(a)
            if 2 < len(text) < 60:
                page.links.append(text)
    for el in tree.xpath("//*[@class or @id or @itemprop or @rel]"):
        attrs = " ".join(el.get(a) or "" for a in ("class", "id", "itemprop", "rel"))
        if el.tag in ("a", "span", "div", "p", "address") and _BYLINE_ATTR.search(attrs):
            # Words of the byline's parts apart ("Jessica Choi" + "Dec 21"), not run together.
            text = _SPACE.sub(" ", " ".join(el.itertext())).strip()
            if 2 < len(text) < 120:
                page.bylines.append(text)
    return page


def _site_names(page: _Page, url: str | None) -> list[str]:
    """The names the site goes by: declared ones and the host ("tennis.com", "tennis")."""
    names = [s for s in page.sites if s.strip()]
    if url:
        host = urlparse(url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            names += [host, host.split(".")[0]]
    return names


def _strip_site(title: str, sites: Sequence[str]) -> str:
    """``title`` without a leading or trailing part that is one of ``sites`` ("X | CNN")."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title
    site_words = [_words(s) for s in sites]

    def is_site(part: str) -> bool:
        w = _words(part)
        return bool(w) and any(w == s or (len(w) <= 3 and w == s[: len(w)]) for s in site_words)

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    # Rejoin with the separators as they were written.
    kept = " ".join(parts)
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end] if 0 <= start < end else kept


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _headline(page: _Page, sites: Sequence[str], fallback: str | None) -> str | None:
    declared = [t for t in page.titles if t.strip()] + ([fallback] if fallback else [])
    # An <h1> is the headline when the page's declared titles say so; a logo or section
    # label in an <h1> ("TopSpeed", "Football") shares no words with them.
    best: tuple[float, int] | None = None
    for i, h in enumerate(page.h1):
        score = max((_overlap(h, t) for t in declared), default=0.0)
        if score >= 0.5 and (best is None or score > best[0] + 1e-9):
            best = (score, i)
    if best is not None:
        h1 = page.h1[best[1]]
        # A kicker run into the <h1> ("News Feat Pictures to ..."): the declared title is
        # the <h1> less one or two leading words.
        for t in declared:
            tail = _words(t)
            extra = len(_words(h1)) - len(tail)
            if tail and 0 < extra <= 2 and _words(h1)[extra:] == tail:
                return _strip_site(t, sites)
        return h1
    for t in declared:
        stripped = _strip_site(t, sites)
        if stripped:
            return stripped
    # A page that declares no title at all: its first <h1>.
    return page.h1[0] if page.h1 else None


def _day(value: str) -> str | None:
    """The day a stated timestamp names, in the zone it is written in."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        return normalise_date(match.group(0))
    return normalise_date(value)


_SAME_MOMENT = timedelta(minutes=1)
_SENTENCE_END = (".", "?", "!", ":", ";")
# A declared articleBody worth checking the text against, and how far they must disagree:
# under a third of its shingles in the text means trafilatura took another block.
_MIN_DECLARED_WORDS = 50
# trafilatura's text sharing under this share of the headline's and description's content
# words is off topic; a story's worth of paragraphs under a headline.
_MIN_TOPIC_WORDS = 6
_OFF_TOPIC = 0.15
_MIN_STORY_WORDS = 120
_MISSED = 0.3
_CONTAINED = 0.8
# The stretch under a headline where a page prints its date: text nodes, and a dateline's size.
_HEADER_NODES = 60
_NAME_NODES = 15
_CORRECTED = re.compile(r"\bcorrect(?:ed|ion)\b", re.IGNORECASE)
_MAX_DATELINE_CHARS = 60


def _utc(value: str) -> bool:
    return bool(re.search(r"(?:Z|[+-]00:?00)$", value.strip()))


def _printed_date(tree: Any, headline: str | None, body: str) -> str | None:
    """The date printed between the headline's ``<h1>`` and the body ("Updated on December
    14, 2023", "Published 8:00 PM EST, Tue December 19, 2023"): the one the page shows its
    readers, in their zone. Where it prints two (published, then updated), the later one."""
    if not headline:
        return None
    h1 = next((h for h in tree.iter("h1") if _same_words(_text(h), headline)), None)
    if h1 is None:
        return None
    first_line = next((ln.strip() for ln in body.split("\n") if len(ln.strip()) > 40), "")
    found: list[str] = []
    label = ""
    for n, node in enumerate(h1.xpath("following::text()")):
        text = _SPACE.sub(" ", str(node)).strip()
        if n > _HEADER_NODES or (len(text) > 40 and first_line.startswith(text[:40])):
            break
        # A dateline is short and no sentence; a caption's date is the photo's, not the page's.
        if len(text) > _MAX_DATELINE_CHARS or text.endswith(".") or _in_figure(node):
            continue
        # Some sites print the month in capitals ("NOV 6, 2023 8:41 am PST").
        dates = find_dates(text) or find_dates(text.title())
        # A correction notice's date is the fix's, not the story's.
        if dates and not _CORRECTED.search(f"{label} {text}"):
            found.extend(d.isoformat() for d in dates)
        if text:
            label = text
    return max(found) if found else None


def _in_figure(node: Any) -> bool:
    parent = node.getparent()
    return parent is not None and bool(
        parent.xpath("ancestor-or-self::figure|ancestor-or-self::figcaption")
    )


def _published(page: _Page, printed: str | None, fallback: str | None) -> str | None:
    if printed:
        return printed
    if page.shown:
        return page.shown[0]
    stated = [v for v in page.published if _day(v)]
    if stated:
        first = stated[0]
        # A UTC stamp names the UTC day; the page's own <time> or another stamp with the
        # site's zone for the same moment names the day its readers see.
        if _utc(first):
            moment = _instant(first)
            for other in page.published + page.times:
                when = _instant(other)
                if (
                    when
                    and moment
                    and not _utc(other)
                    and abs((when - moment).total_seconds()) < 60
                ):
                    return _day(other)
        return _day(first)
    for t in page.times:
        if _day(t):
            return _day(t)
    return _day(fallback) if fallback else None


def _instant(value: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else None


def _halve(text: str) -> str:
    """A byline printed twice in one element (a visible and a hidden copy) once."""
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text


def _clean_names(raw: Sequence[str], sites: Sequence[str]) -> list[str]:
    """Person names from author strings: "By", roles and dates cut, sites and agencies dropped
    (an agency stays only where it is the one author named)."""
    site_words = [_words(s) for s in sites if _words(s)]
    joined = {"".join(s) for s in site_words}
    names: list[str] = []
    agencies: list[str] = []
    for text in raw:
        text = _halve(_SPACE.sub(" ", html_lib.unescape(text)).strip())
        for part in _NAME_SEP.split(_BY.sub("", text)):
            if _NOT_BY.match(part):
                continue  # "Edited by ...", "Reviewed by ...": not the story's authors
            part = _TRAILER.sub("", _BY.sub("", part)).strip(_PUNCT)
            while (shorter := _ROLE.sub("", part).strip(_PUNCT)) != part:
                part = shorter  # "Contributor Content", "Globe Staff"
            # A credential after the name ("Lauren Manaker MS"): the name is the rest.
            while (
                len(part.split()) > 2
                and not part.isupper()
                and _CREDENTIAL.match(part.split()[-1])
                and not _SUFFIX.match(part.split()[-1])
            ):
                part = part.rsplit(" ", 1)[0].strip(_PUNCT)
            if not part or _CREDENTIAL.match(part) or _NOT_A_NAME.search(part):
                continue
            w = _words(part)
            if not w or len(w) > 5:
                continue
            if any(w == s or s[: len(w)] == w or s[-len(w) :] == w for s in site_words):
                continue
            if "".join(w) in joined:
                continue
            # A name run into the outlet's ("Janelle Ash FOXBusiness", "Bob Condotta Seattle
            # Times"): the outlet's words cut off.
            for s in site_words:
                tail = next((k for k in range(len(s), 0, -1) if w[-k:] == s[-k:]), 0)
                if tail and len(w) - tail >= 2:
                    part = " ".join(part.split()[:-tail]).strip(" ,")
                    w = w[:-tail]
                    break
            if agency_names_in(part) and len(w) <= 3:
                agencies.append(part)
                continue
            # An agency run into the name by a repeated byline ("Associated Press Najib
            # Jobain"): the name is what follows it.
            lead = agency_names_in(" ".join(part.split()[:2]))
            if lead and len(w) > 3 and not agency_names_in(" ".join(part.split()[2:])):
                part, w = " ".join(part.split()[2:]), w[2:]
            half = len(w) // 2
            if len(w) % 2 == 0 and w[:half] == w[half:]:  # "Courtney Carr Courtney Carr"
                part, w = " ".join(part.split()[:half]), w[:half]
            if all(_words(n) != w for n in names):
                names.append(part)
    # A one-word part beside full names is a section label ("Politics"), not a person.
    if any(len(_words(n)) > 1 for n in names):
        names = [n for n in names if len(_words(n)) > 1]
    return names or agencies[:1]


def _printed_byline(tree: Any, headline: str | None, body: str) -> list[str]:
    """A "By ..." line printed between the headline's ``<h1>`` and the body, found by its
    words where the markup does not name it (obfuscated class names)."""
    h1 = next((h for h in tree.iter("h1") if headline and _same_words(_text(h), headline)), None)
    if h1 is None:
        return []
    first_line = next((ln.strip() for ln in body.split("\n") if len(ln.strip()) > 40), "")
    nodes = [
        _SPACE.sub(" ", str(n)).strip()
        for n in h1.xpath("following::text()[not(ancestor::script or ancestor::style)]")[
            :_HEADER_NODES
        ]
    ]
    nodes = [n for n in nodes if n]
    for i, text in enumerate(nodes):
        if len(text) > 40 and first_line.startswith(text[:40]):
            break
        if text in ("By", "BY") and i + 1 < len(nodes):
            # "By" in its own element, the names in the next few ("Ana Lima", ",", "Tom Reed").
            rest = list(
                takewhile(
                    lambda n: len(n) <= 40 and not _NOT_A_NAME.search(n), nodes[i + 1 : i + 8]
                )
            )
            return [" ".join(["By", *rest])] if rest else []
        if text[:3] in ("By ", "BY ") and len(text) <= _MAX_DATELINE_CHARS:
            return [text]
    # No "By": a name alone on its line under the headline, with the date or the outlet
    # on the next ("Daisy-Mae Schmitt", "Dec 05, 2023"; "Jim Walsh", "Cherry Hill Courier-Post").
    # (Within the first few text nodes: some pages print the standfirst, then the name.)
    for i, text in enumerate(nodes[: min(_NAME_NODES, len(nodes)) - 1]):
        after = nodes[i + 1]
        if _PERSON.match(text) and (
            find_dates(after) or find_dates(after.title()) or _PERSON.match(after)
        ):
            return [text]
    return []


def _byline(
    page: _Page, sites: Sequence[str], fallback: str | None, printed: Sequence[str] = ()
) -> str | None:
    # The declared authors first (JSON-LD, then <meta>); they often name only the first of
    # several, or add the editors, so a printed "By A and B" line that names one of them wins.
    # Without
    # declared authors: the page's author elements and links, then trafilatura's guess.
    declared = _clean_names(page.authors, sites) or _clean_names(page.meta_authors, sites)
    if declared:
        known = {tuple(_words(n)) for n in declared}
        for line in (b for b in page.bylines if _BY.match(b)):
            printed = _clean_names([line], sites)
            if known & {tuple(_words(n)) for n in printed}:
                return ", ".join(printed)
        return ", ".join(declared)
    for source in (printed, page.bylines[:1], page.links[:1], [fallback] if fallback else []):
        names = _clean_names(source, sites)
        if names:
            return ", ".join(names)
    return None


def _shingles(text: str) -> set[tuple[str, ...]]:
    w = _words(text)
    return {tuple(w[i : i + 4]) for i in range(max(1, len(w) - 3))} if w else set()


def _reconcile_body(body: str, declared: Sequence[str]) -> str:
    """trafilatura's text checked against the ``articleBody`` the page declares in JSON-LD.

    trafilatura picks the wrong block now and then: a teaser list instead of the story, or
    the story with the comments and "more stories" under it. Where the declared body says so
    (it shares little with the text, or is under half of it), the declared body wins, or the
    text's lines the declared body holds."""
    stated = [html_to_text(html_lib.unescape(b)).strip() for b in declared]
    stated = [b for b in stated if len(b.split()) >= _MIN_DECLARED_WORDS]
    if not stated:
        return body
    text = max(stated, key=len)
    want, have = _shingles(text), _shingles(body)
    covered = len(want & have) / len(want)
    if covered < _MISSED:
        return text
    if covered >= _CONTAINED and len(body.split()) > 2 * len(text.split()):
        flat = " ".join(_words(text))
        kept = [ln for ln in body.split("\n") if ln.strip() and " ".join(_words(ln)) in flat]
        if kept:
            return "\n".join(kept)
    return body


def _off_topic(body: str, headline: str | None, description: Sequence[str]) -> bool:
    """Whether trafilatura's text is about something else than the page says it is (a cookie
    notice, a donation appeal): it shares almost no content word with the headline and the
    page's own description of itself."""
    ref = {w for w in _words(" ".join([headline or "", *description[:2]])) if len(w) > 3}
    if len(ref) < _MIN_TOPIC_WORDS:
        return False
    return len(ref & set(_words(body))) / len(ref) < _OFF_TOPIC


def _text_under_headline(tree: Any, headline: str | None) -> str | None:
    """The paragraphs of the smallest block round the headline's ``<h1>`` that holds a story's
    worth of them: where a reader looks for the story under its headline."""
    h1 = next((h for h in tree.iter("h1") if headline and _same_words(_text(h), headline)), None)
    node = h1.getparent() if h1 is not None else None
    while node is not None:
        paras = [
            t
            for p in node.iter("p")
            if not p.xpath("ancestor::aside|ancestor::nav|ancestor::footer|ancestor::figure")
            and (t := _text(p))
        ]
        if sum(len(t.split()) for t in paras) >= _MIN_STORY_WORDS:
            return "\n".join(paras)
        node = node.getparent()
    return None


def _subheadings(tree: Any, body: str) -> list[str]:
    """The ``<h2>``/``<h3>`` lines of the body trafilatura kept that are section heads: short
    and no sentence. A heading tag round a sentence (an interview's question, a numbered
    list's item) is the body's own text and stays there."""
    lines = {line.strip() for line in body.split("\n") if line.strip()}
    heads = [_text(h) for h in tree.iter("h2", "h3")]
    return [
        h
        for h in dict.fromkeys(heads)
        if h in lines and len(h.split()) <= MAX_SUBHEADING_WORDS and not h.endswith(_SENTENCE_END)
    ]


def _figures(tree: lxml_html.HtmlElement) -> tuple[Image, ...]:
    images: list[Image] = []
    for fig in tree.iter("figure"):
        caption_el = next(fig.iter("figcaption"), None)
        if caption_el is None:
            continue
        text = _SPACE.sub(" ", caption_el.text_content()).strip()
        if not text:
            continue
        split = split_credit(text)
        caption, credit = split if split else (text, None)
        images.append(caption_image(caption, credit))
    return tuple(images)


def read_html(
    text: str, uri: str, *, url: str | None = None, doc_id: str | None = None
) -> RawDocument:
    """One article from an HTML page."""
    try:
        tree = lxml_html.fromstring(text)
    except (etree.ParserError, ValueError) as err:
        raise MalformedInput(uri, f"HTML does not parse: {err}") from err
    extracted = trafilatura.bare_extraction(
        text,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        prune_xpath=_FURNITURE_XPATH,
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    # A page whose "main text" is a few words is navigation ("Home"), not an article.
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise NoArticle(uri, "HTML page with no article text")
    page = _read_page(tree)
    page_url = url or getattr(extracted, "url", None)
    sites = _site_names(page, page_url)
    trafilatura_site = getattr(extracted, "sitename", None)
    if trafilatura_site:
        sites.append(trafilatura_site)
    title = _headline(page, sites, getattr(extracted, "title", None))
    body = _reconcile_body(body, page.bodies)
    if _off_topic(body, title, page.descriptions):
        body = _text_under_headline(tree, title) or body
    subheadings = _subheadings(tree, body)
    if subheadings:
        heads = set(subheadings)
        body = "\n".join(line for line in body.split("\n") if line.strip() not in heads)
    return RawDocument(
        uri=uri,
        text=body,
        kind="article",
        id=doc_id,
        url=page_url,
        title=title,
        published=_published(
            page, _printed_date(tree, title, body), getattr(extracted, "date", None)
        ),
        byline=_byline(
            page, sites, getattr(extracted, "author", None), _printed_byline(tree, title, body)
        ),
        images=_figures(tree),
        subheadings=tuple(subheadings),
    )


_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
}


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one block per paragraph."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for el in root.iter():
        if el.tag in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    return "\n\n".join(_SPACE.sub(" ", p).strip() for p in text.split("\n\n") if p.strip())
