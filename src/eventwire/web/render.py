"""An article body as HTML paragraphs, with entities, quotes and event triggers marked.

The records hold character offsets into ``Article.body``; this module turns them into
nested inline elements, escaping every piece of text on the way.

>>> from eventwire.model import Article, Quote, SourceRef
>>> a = Article(id="x", source=SourceRef(uri="m"), body='He said "<b>no</b>".',
...             quotes=(Quote(text="<b>no</b>", start=9, end=18, speaker="Roe"),))
>>> str(body_paragraphs(a)[0])
'He said &#34;<span class="quote" title="Roe">&lt;b&gt;no&lt;/b&gt;</span>&#34;.'
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

from eventwire.model import Article

__all__ = ["QUAD_LABELS", "body_paragraphs", "quad_label"]

# PLOVER's quad classes (the CAMEO convention it keeps).
QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def quad_label(quad_class: int | None) -> str:
    """The name of a quad class, or "not coded"."""
    return QUAD_LABELS.get(quad_class or 0, "not coded")


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    rank: int  # at equal extent, a lower rank is the outer element
    open: Markup
    close: Markup


def _spans(article: Article) -> list[_Span]:
    names = {a.id: a.name for a in article.actors}
    out: list[_Span] = []
    for q in article.quotes:
        speaker = q.speaker or names.get(q.speaker_actor or "", "") or "speaker unknown"
        tag = Markup('<span class="quote{}" title="{}"{}>').format(
            " partial" if q.partial else "",
            speaker,
            Markup(' data-speaker="{}"').format(q.speaker_actor) if q.speaker_actor else "",
        )
        out.append(_Span(q.start, q.end, 0, tag, Markup("</span>")))
    for e in article.entities:
        if e.actor:
            tag = Markup('<a class="entity" href="/actors/{}" title="{}">').format(
                url_quote(e.actor, safe=""), names.get(e.actor, e.actor)
            )
            out.append(_Span(e.start, e.end, 1, tag, Markup("</a>")))
    for ev in article.events:
        who = " → ".join(
            ", ".join(names.get(x, x) for x in side) or "?" for side in (ev.source, ev.target)
        )
        flags = "".join(
            f" {flag}" for flag, on in (("negated", ev.negated), ("hedged", ev.hedged)) if on
        )
        tag = Markup('<mark class="trigger quad-{}{}" title="{} ({}){}: {}">').format(
            ev.quad_class or 0, flags, ev.type, quad_label(ev.quad_class), flags, who
        )
        out.append(_Span(ev.start, ev.end, 2, tag, Markup("</mark>")))
    return out


def body_paragraphs(article: Article) -> list[Markup]:
    """The body's paragraphs as safe HTML, each annotation clipped to its paragraph and
    to the element it starts inside, so the elements always nest."""
    body = article.body
    spans = [s for s in _spans(article) if 0 <= s.start < s.end <= len(body)]
    out: list[Markup] = []
    pos = 0
    for part in body.split("\n\n"):
        start, end = pos, pos + len(part)
        pos = end + 2
        if part.strip():
            inside = [
                _Span(max(s.start, start), min(s.end, end), s.rank, s.open, s.close)
                for s in spans
                if s.start < end and s.end > start
            ]
            out.append(_nest(body, start, end, inside))
    return out


def _nest(text: str, start: int, end: int, spans: list[_Span]) -> Markup:
    spans.sort(key=lambda s: (s.start, -s.end, s.rank))
    html: list[str] = []
    stack: list[_Span] = []
    cursor = start

    def text_to(pos: int) -> None:
        nonlocal cursor
        if pos > cursor:
            html.append(escape(text[cursor:pos]))
            cursor = pos

    for span in spans:
        while stack and stack[-1].end <= span.start:
            text_to(stack[-1].end)
            html.append(stack.pop().close)
        if stack and span.end > stack[-1].end:
            span.end = stack[-1].end  # crosses its parent's end: cut it there
        if span.start >= span.end:
            continue
        text_to(span.start)
        html.append(span.open)
        stack.append(span)
    while stack:
        text_to(stack[-1].end)
        html.append(stack.pop().close)
    text_to(end)
    return Markup("").join(html)
