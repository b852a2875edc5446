"""Properties of the segmenter on generated dumps: it never crashes and never loses a line."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import RawDocument
from eventwire.stages.articles import build_articles, stories_of

WORDS = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "talks",
        "ended",
        "on",
        "Monday",
        "in",
        "Beijing",
        "after",
        "a",
        "long",
        "week",
        "of",
        "meetings",
        "with",
        "officials",
        "from",
        "both",
        "sides",
        "and",
        "police",
        "arrested",
        "protesters",
    ]
)
NAMES = st.sampled_from(["Jane Roe", "Li Wei", "Ana Lima", "Peter Nicholls", "Omar Haddad"])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=4, max_size=30))
    return (
        words[0].capitalize()
        + " "
        + " ".join(words[1:])
        + draw(st.sampled_from([".", "?", "!", '."']))
    )


@st.composite
def headline(draw: st.DrawFn) -> str:
    return " ".join(w.capitalize() for w in draw(st.lists(WORDS, min_size=3, max_size=12)))


@st.composite
def caption(draw: st.DrawFn) -> str:
    credit = draw(
        st.sampled_from(
            [
                "(AP)",
                "(Photo by {n} / POOL / AFP)",
                "{n}/Pool via REUTERS",
                "(Xinhua/{n})",
                "(AP Photo/{n}, File)",
            ]
        )
    ).format(n=draw(NAMES))
    return f"{draw(sentence())} {credit}"


NOISE = st.sampled_from(
    [
        "Advertisement",
        "Share this article",
        "Read more: Other story",
        "Short Url",
        "Updated 07 December 2025",
        "TT",
        "NW",
        "-----",
    ]
)
ODD = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\n\r"), min_size=1, max_size=60
)
LINE = st.one_of(
    headline(), caption(), sentence(), sentence(), sentence(), NOISE, ODD,
    NAMES.map(lambda n: f"By {n}"),
    st.sampled_from(["Global turmoil", "Next steps", "What comes next"]),
    sentence().map(lambda s: "TEHRAN (Reuters) - " + s),
)  # fmt: skip


@st.composite
def dump(draw: st.DrawFn) -> str:
    lines = draw(st.lists(LINE, min_size=1, max_size=60))
    gaps = draw(st.lists(st.integers(1, 4), min_size=len(lines), max_size=len(lines)))
    return "".join(line + "\n" * gap for line, gap in zip(lines, gaps, strict=True))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dump())
def test_every_line_lands_in_exactly_one_place(text: str) -> None:
    doc = RawDocument(uri="mem", text=text)
    stories = stories_of(doc)
    articles = build_articles(doc)  # never crashes
    assert len(articles) == len(stories)
    if not stories:
        return
    nonblank = [i for i, raw in enumerate(text.split("\n")) if raw.strip()]
    placed = Counter(p.line for s in stories for p in s.placements)
    assert sorted(placed) == nonblank
    assert all(n == 1 for n in placed.values())
    lines = text.split("\n")
    for story, article in zip(stories, articles, strict=True):
        for p in story.placements:
            line = lines[p.line].strip()
            if p.role == "body":
                # A one-line story keeps its text; a credit at its end goes to its photo.
                assert line in article.paragraphs or any(
                    line.startswith(par) and bool(im.credit) and im.credit in line[len(par) :]
                    for par in article.paragraphs
                    for im in article.images
                )
            elif p.role == "headline":
                assert (article.headline or "").casefold() == line.casefold()
            elif p.role == "image":
                assert any(
                    line.startswith(im.caption) or line == im.credit for im in article.images
                )
            elif p.role == "subheading":
                assert line in article.subheadings
            elif p.role == "byline":
                assert article.byline == line
            else:
                assert p.role == "discarded"
                assert any(d.text == line and d.reason == p.reason for d in article.discarded)


@settings(max_examples=100, deadline=None)
@given(dump())
def test_ids_are_stable_content_hashes(text: str) -> None:
    first = [a.id for a in build_articles(RawDocument(uri="a", text=text))]
    second = [a.id for a in build_articles(RawDocument(uri="b", text=text, offset=0))]
    assert first == second
