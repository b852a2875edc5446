"""Stages, registered here in one place with their versioned names.

Segmentation (``segment.v1``, :mod:`eventwire.stages.articles`) turns raw documents
into articles; the stages listed by :func:`default_stages` then run over batches of
articles in :class:`~eventwire.pipeline.Pipeline`.
"""

from __future__ import annotations

from eventwire.pipeline import Stage
from eventwire.settings import Settings

__all__ = ["default_stages"]


def default_stages(settings: Settings) -> list[Stage]:
    """The stages run after segmentation, in order."""
    if not settings.nlp:
        return []
    from eventwire.stages.understand import understanding_stages  # loads spaCy

    return understanding_stages(settings)
