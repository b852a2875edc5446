"""The one loop: a pipeline of named stages applied to batches of articles.

A stage is a callable over a batch that returns new (frozen) articles; its versioned
``name`` is recorded in each article's ``stages``.

>>> from eventwire.model import Article, SourceRef
>>> Pipeline([]).run([Article(id="a", source=SourceRef("mem"))])[0].id
'a'
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from eventwire.model import Article

__all__ = ["Pipeline", "Stage"]


class Stage(Protocol):
    """A step over a batch of articles. ``requires``/``assigns`` name record fields."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, batch: Sequence[Article]) -> list[Article]: ...


class Pipeline:
    """Stages in order; ``run`` is the only place they are applied."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = tuple(stages)
        # seconds spent in each stage so far, for benchmarks and evaluations
        self.seconds: dict[str, float] = {s.name: 0.0 for s in self.stages}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def run(self, batch: Sequence[Article]) -> list[Article]:
        out = list(batch)
        for stage in self.stages:
            started = time.perf_counter()
            out = [replace(a, stages=(*a.stages, stage.name)) for a in stage(out)]
            self.seconds[stage.name] += time.perf_counter() - started
        return out
