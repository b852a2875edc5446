"""The spaCy pipeline: loaded once per process, run with ``nlp.pipe`` over paragraphs.

Stages that need a parse get :class:`Parsed` objects: an article's paragraphs as spaCy
``Doc``s with the character offset of each paragraph in ``body``.  They live only
inside one batch of the understanding stage; records keep plain offsets.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.model import Article

__all__ = ["Parsed", "load_nlp", "parse"]


@cache
def load_nlp(model: str, disable: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline ``model`` from site-packages (never downloaded), loaded once."""
    return spacy.load(model, disable=list(disable))


@dataclass(frozen=True, slots=True)
class Parsed:
    """One article and its paragraphs parsed: ``docs[i]`` starts at ``offsets[i]`` in body."""

    article: Article
    docs: tuple[Doc, ...]
    offsets: tuple[int, ...]

    def sentences(self) -> Iterator[tuple[int, Span]]:
        """(paragraph index, sentence) pairs in reading order."""
        for i, doc in enumerate(self.docs):
            for sent in doc.sents:
                yield i, sent

    def span_offsets(self, i: int, span: Span | Token) -> tuple[int, int]:
        """Body offsets of a span (or token) of paragraph ``i``."""
        if isinstance(span, Token):
            return self.offsets[i] + span.idx, self.offsets[i] + span.idx + len(span)
        return self.offsets[i] + span.start_char, self.offsets[i] + span.end_char


def _paragraph_offsets(body: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for para in body.split("\n\n"):
        if para.strip():
            out.append((pos, para))
        pos += len(para) + 2
    return out


def parse(nlp: Language, articles: Sequence[Article], *, batch_size: int = 64) -> list[Parsed]:
    """Parse every paragraph of ``articles`` in one ``nlp.pipe`` stream."""
    spans = [_paragraph_offsets(a.body) for a in articles]
    texts = (text for paras in spans for _, text in paras)
    docs = iter(nlp.pipe(texts, batch_size=batch_size))
    out = []
    for article, paras in zip(articles, spans, strict=True):
        parsed_docs = tuple(next(docs) for _ in paras)
        out.append(Parsed(article, parsed_docs, tuple(off for off, _ in paras)))
    return out
