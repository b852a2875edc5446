"""Stories: syndicated copies, story clusters and events counted across articles.

>>> from eventwire.stories import StoryIndex, StoryParams
>>> StoryParams().story
0.15
"""

from __future__ import annotations

from eventwire.stories.index import (
    ArticleLinks,
    Assignment,
    Instance,
    Mention,
    StoryArticle,
    StoryDetail,
    StoryIndex,
    StoryParams,
    StoryReader,
    StorySummary,
)

__all__ = [
    "ArticleLinks",
    "Assignment",
    "Instance",
    "Mention",
    "StoryArticle",
    "StoryDetail",
    "StoryIndex",
    "StoryParams",
    "StoryReader",
    "StorySummary",
]
