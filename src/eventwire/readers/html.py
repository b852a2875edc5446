"""HTML pages: trafilatura finds the main text, title and date; figures keep their captions.

trafilatura drops ``<figcaption>`` text from the main text (rightly: a caption is not
body), so the captions and their credits are read from the page's figures here.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from eventwire.errors import MalformedInput, NoArticle
from eventwire.model import Image, RawDocument
from eventwire.stages.clean import caption_image
from eventwire.stages.credits import split_credit

__all__ = ["html_to_text", "read_html"]

_SPACE = re.compile(r"\s+")
MIN_ARTICLE_WORDS = 5


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
        text, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    # A page whose "main text" is a few words is navigation ("Home"), not an article.
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise NoArticle(uri, "HTML page with no article text")
    title = getattr(extracted, "title", None)
    published = getattr(extracted, "date", None)
    return RawDocument(
        uri=uri,
        text=body,
        kind="article",
        id=doc_id,
        url=url or getattr(extracted, "url", None),
        title=title,
        published=published[:10] if published else None,
        byline=getattr(extracted, "author", None),
        images=_figures(tree),
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
