"""Stories: syndicated copies, story clusters and events counted across articles.

>>> from eventwire.stories import StoryIndex, StoryParams
>>> StoryParams().story
0.12
"""

from __future__ import annotations

from eventwire.stories.index import Assignment, StoryIndex, StoryParams

__all__ = ["Assignment", "StoryIndex", "StoryParams"]
