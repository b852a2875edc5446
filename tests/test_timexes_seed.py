"""Gate: every time expression of the seed gold is found, with its value, in its article."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.stages.timexes import find_timexes

from .conftest import need_shared


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _article_paragraphs(seed: str, article: dict[str, Any]) -> list[str]:
    start = seed.index(article["body_starts"])
    end = seed.index(article["body_ends"], start) + len(article["body_ends"])
    return [p for p in seed[start:end].split("\n\n") if p.strip()]


@pytest.mark.gold
def test_seed_timexes(seed_gold: dict[str, Any]) -> None:
    seed = need_shared("seed", "000_d61f246c6b9ee59f.txt").read_text("utf-8")
    missed: list[str] = []
    checked = 0
    for article in seed_gold["articles"]:
        found = [
            t
            for para in _article_paragraphs(seed, article)
            for t in find_timexes(para, article["published"])
        ]
        for gold in article["timexes"]:
            checked += 1
            g = _norm(gold["text"])
            # the scorer's rule: either text contains the other
            hits = [t for t in found if g in _norm(t.text) or _norm(t.text) in g]
            if not any(t.value == gold["value"] for t in hits):
                got = [(t.text, t.value) for t in hits]
                missed.append(f"{article['published']} {gold['text']!r}={gold['value']}: {got}")
    assert checked == 18
    assert not missed, missed
