"""The main-content selector on hand-written pages, and its evaluation gate on the benchmark."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eventwire.evaluation.extraction import (
    BENCHMARK,
    body_from_page,
    direct_bodies,
    load_benchmark,
    score_bodies,
    split_ids,
)
from eventwire.stages.boilerplate import select_main_content

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Pinned floors, a little under what the selector measures (all docs: F1 0.918, P 0.919,
# R 0.916; odd ids, never used for tuning: F1 0.924). Raise them when the selector improves.
F1_FLOOR = 0.90
HELD_OUT_F1_FLOOR = 0.90

# Article paragraphs reused by the pages below.
P1 = (
    "The city council voted on Tuesday to close the old harbour bridge for repairs, after "
    "engineers found cracks in two of its supporting piers during a routine inspection."
)
P2 = (
    "Traffic will be diverted over the ring road for at least six months, the council said, "
    "and a free shuttle bus will run every ten minutes during the morning and evening rush."
)
P3 = (
    "Residents of the harbour district have long complained about the state of the bridge, "
    "which was built in 1958 and last renovated more than thirty years ago."
)
MENU = "Home\nNews\nSport\nBusiness\nCulture\nWeather"
FOOTER = (
    "About us\nContact\nPrivacy Policy\nTerms of Use\n© 2024 Harbour Times. All rights reserved."
)


def kept(page: str) -> list[str]:
    """The stripped non-blank lines the selector keeps."""
    lines = page.split("\n")
    flags = select_main_content(lines)
    assert len(flags) == len(lines)
    return [line.strip() for line, keep in zip(lines, flags, strict=True) if keep and line.strip()]


CASES = [
    pytest.param(
        f"{MENU}\n\nBridge to close for repairs\n\nBy Jane Doe\nMay 2, 2024 10:41 am\n\n"
        f"{P1}\n\n{P2}\n\n{P3}\n\n{FOOTER}",
        [P1, P2, P3],
        id="menu-byline-footer",
    ),
    pytest.param(
        "This website uses cookies to improve your experience while you navigate through the "
        "website. Out of these cookies, the cookies that are categorized as necessary are stored "
        "on your browser as they are essential for the working of basic functionalities.\n"
        "Accept\nReject\n\n"
        f"{P1}\n\n{P2}\n\n{P3}",
        [P1, P2, P3],
        id="cookie-banner",
    ),
    pytest.param(
        f"{P1}\n\n{P2}\n\n{P3}\n\nRelated stories\n\n"
        "Mayor defends budget cuts\n\n"
        "Ferry timetable changes from June\n\n"
        "Harbour festival returns with fireworks and a food market this weekend.\n\n"
        "Most popular\n\nTen things to do in the old town\nWhere to eat near the station",
        [P1, P2, P3],
        id="related-and-popular-links",
    ),
    pytest.param(
        f"{P1}\n\n{P2}\n\n{P3}\n\nShare this:\nFacebook\nTwitter\nEmail\n\n3 Comments\n\n"
        "harbourfan says:\nMay 2, 2024 at 11:02 am\n"
        "About time too, the bridge has been falling apart for years and nobody listened.\n"
        "Reply\n\nold_sailor says:\nMay 2, 2024 at 11:30 am\n"
        "Six months of diversions will ruin the shops on the harbour front, mark my words.\n"
        "Reply",
        [P1, P2, P3],
        id="share-bar-and-comments",
    ),
    pytest.param(
        f"{MENU}\n\n{P1}\n\nWhat happens next\n\n{P2}\n\nA spokeswoman declined to comment.\n\n"
        f"{P3}\n\n{FOOTER}",
        [P1, "What happens next", P2, "A spokeswoman declined to comment.", P3],
        id="subheading-and-short-quote-inside",
    ),
    pytest.param(
        f"{P1}\n\n{P2}\n\nA spokeswoman declined to comment.",
        [P1, P2, "A spokeswoman declined to comment."],
        id="short-article-short-last-line-stays-whole",
    ),
    pytest.param(
        f"{P1}\n\nThe paper said readers who subscribe to its newsletter will get weekly updates "
        "on the works, and that cookies from the bakery on the bridge will be sold in town.\n\n"
        f"{P2}",
        [
            P1,
            "The paper said readers who subscribe to its newsletter will get weekly updates on "
            "the works, and that cookies from the bakery on the bridge will be sold in town.",
            P2,
        ],
        id="boilerplate-words-inside-prose-stay",
    ),
    pytest.param(
        "Tags: bridge, harbour, council\n\nNews | Sport | Weather | Culture\n\n"
        f"{P1}\n\n{P2}\n\nPrevious Next\nback to top",
        [P1, P2],
        id="tags-and-pipe-menu",
    ),
    pytest.param(
        "ホーム\nニュース\n\n"
        "市議会は火曜日、点検で橋脚にひび割れが見つかったため、古い港の橋を修理のために閉鎖することを決めた。\n\n"
        "少なくとも六か月間、車は環状道路に迂回し、朝夕のラッシュ時には無料のシャトルバスが十分ごとに運行される。",
        [
            "市議会は火曜日、点検で橋脚にひび割れが見つかったため、古い港の橋を修理のために閉鎖することを決めた。",
            "少なくとも六か月間、車は環状道路に迂回し、朝夕のラッシュ時には無料のシャトルバスが十分ごとに運行される。",
        ],
        id="japanese-without-spaces",
    ),
    pytest.param(
        f"  {P1}  \n\u200b\n\t{P2}\n   \n",
        [P1, P2],
        id="surrounding-whitespace-and-invisible-lines",
    ),
]


@pytest.mark.parametrize(("page", "body"), CASES)
def test_selects_the_article_body(page: str, body: list[str]) -> None:
    assert kept(page) == body


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("", id="empty"),
        pytest.param("\n\n  \n", id="blank"),
        pytest.param(MENU, id="menu-only"),
        pytest.param(FOOTER, id="footer-only"),
    ],
)
def test_keeps_nothing_without_prose(page: str) -> None:
    assert kept(page) == []


def test_hard_wrapped_paragraphs_are_read_as_paragraphs() -> None:
    # A text-browser dump wraps every paragraph at 72 columns; none of its lines is a sentence.
    paragraphs = [P1, P2, P3, "It will reopen next spring."]
    wrapped = "\n\n".join(textwrap.fill(paragraph, 72) for paragraph in paragraphs)
    page = f"{MENU}\n\n{wrapped}\n\nRelated stories\nMayor defends budget cuts\n\n{FOOTER}"
    assert kept(page) == [line for p in paragraphs for line in textwrap.wrap(p, 72)]


def test_one_flag_per_line() -> None:
    assert select_main_content([]) == []
    assert len(select_main_content(["", P1, "", "Home"])) == 4


def test_repeated_lines_are_dropped_inside_the_body() -> None:
    share = "Share on Facebook Share on Twitter"
    page = f"{P1}\n{share}\n{P2}\n{share}\n{P3}"
    assert kept(page) == [P1, P2, P3]


def test_body_from_page_joins_kept_lines_as_paragraphs() -> None:
    assert body_from_page(f"{MENU}\n\n{P1}\n{P2}") == f"{P1}\n\n{P2}"


def test_a_one_megabyte_page_is_fast() -> None:
    # Linear time: a quadratic slip would take minutes here. The bound is loose on purpose
    # (typically ~0.2 s) so that a slow CI machine does not fail it.
    block = f"{MENU}\n\n{P1}\n\n{P2}\n\nRelated stories\nMayor defends budget cuts\n\n"
    lines = (block * (1_000_000 // len(block) + 1)).split("\n")
    started = time.perf_counter()
    select_main_content(lines)
    assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        pytest.param({"a": "one two three four"}, {"a": "one two three four"}, (1.0, 1.0, 1.0)),
        pytest.param({"a": "x y z w"}, {"a": "one two three four"}, (0.0, 0.0, 0.0)),
        # A short text is one shorter shingle; an extra shingle halves precision.
        pytest.param(
            {"a": "one two three four five"}, {"a": "one two three four"}, (0.5, 1.0, 2 / 3)
        ),
        # Nothing predicted for "a": left out of precision, zero recall.
        pytest.param({"b": "five six"}, {"a": "one two", "b": "five six"}, (1.0, 0.5, 2 / 3)),
    ],
)
def test_score_bodies(
    pred: dict[str, str], gold: dict[str, str], expected: tuple[float, float, float]
) -> None:
    assert score_bodies(pred, gold) == pytest.approx(expected)


def _benchmark_root() -> Path:
    root = SHARED / BENCHMARK
    if not root.is_dir():
        pytest.skip(f"../shared is absent: {root} not found (fresh clone without shared data)")
    return root


@pytest.mark.gold
def test_metric_matches_the_published_whole_page_score() -> None:
    # SOURCE.md: the whole page text (html-text) scores P 0.500 / R 0.994 / F1 0.665.
    _benchmark_root()
    benchmark = load_benchmark(SHARED)
    precision, recall, f1 = score_bodies(benchmark.pages, benchmark.gold)
    assert (round(precision, 3), round(recall, 3), round(f1, 3)) == (0.5, 0.994, 0.665)


@pytest.mark.gold
def test_extraction_gate() -> None:
    _benchmark_root()
    benchmark = load_benchmark(SHARED)
    bodies = direct_bodies(benchmark.pages)
    assert len(benchmark.gold) == 181
    _, _, f1 = score_bodies(bodies, benchmark.gold)
    assert f1 >= F1_FLOOR
    held_out = split_ids(benchmark.gold, "odd")
    _, _, held_out_f1 = score_bodies(bodies, {key: benchmark.gold[key] for key in held_out})
    assert held_out_f1 >= HELD_OUT_F1_FLOOR


@pytest.mark.gold
def test_eval_script_direct_json() -> None:
    _benchmark_root()
    script = ROOT / "scripts" / "eval_extraction.py"
    done = subprocess.run(
        [sys.executable, str(script), "--direct", "--json", "--shared", str(SHARED)],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(done.stdout)
    assert summary["docs"] == 181
    assert summary["f1"] >= F1_FLOOR


# Written for this test: a sidebar of other stories' headlines run into their summaries.
_TEASERS = [
    "Latest News",
    "",
    "Council Votes To Close Two Libraries In The Spring The city council voted on Monday "
    "to close two branch libraries, citing falling visitor numbers and rising costs.",
    "Say Goodbye? Harbour Ferry Service Ends After Ninety Years The last ferry crossed the "
    "bay on Sunday afternoon, watched by hundreds of people who had come to say farewell.",
    "",
    "Flood defences along the river held overnight as the water rose to its highest level "
    "in forty years, the environment agency said on Tuesday.",
    "",
    "Hong Kong (Reuters) The Regional Water Board said the barriers had been raised a metre "
    "since the last flood, and that no homes had been reached by the water this time.",
    "",
    "Engineers will inspect the embankments this week before the next high tide, which is "
    "expected on Thursday night.",
]


def test_a_sidebar_of_teasers_is_no_body() -> None:
    kept = [line for line, k in zip(_TEASERS, select_main_content(_TEASERS), strict=True) if k]
    assert kept == [_TEASERS[5], _TEASERS[7], _TEASERS[9]]
