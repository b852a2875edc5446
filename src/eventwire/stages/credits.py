"""Photo captions and their credit lines.

>>> split_credit("Leaders meet in Paris, May 2, 2025. (AP Photo/Jane Roe, File)")
('Leaders meet in Paris, May 2, 2025.', 'AP Photo/Jane Roe, File')
>>> split_credit("The minister spoke to reporters.") is None
True
"""

from __future__ import annotations

from eventwire.lexicon.patterns import CREDIT_PREFIX, CREDIT_WORDS, TRAILING_PAREN, TRAILING_TAIL
from eventwire.stages.agencies import agency_names_in

__all__ = ["is_credit", "split_credit"]

# Words that may stay lower-case inside a credit ("Name/Pool via REUTERS", "courtesy of").
_CREDIT_GLUE = {"via", "and", "of", "for", "the", "by", "de", "van", "von", "al", "courtesy"}


def _looks_like_credit(text: str) -> bool:
    """A short, name-like string that names a photographer, pool, handout or agency."""
    text = text.strip()
    if not text or len(text) > 90 or len(text.split()) > 12:
        return False
    has_marker = bool(CREDIT_WORDS.search(text)) or "/" in text or bool(agency_names_in(text))
    if not has_marker:
        return False
    words = [w for w in text.replace("/", " ").split() if w[:1].isalpha()]
    if not words:
        return False
    # Credits are names and labels: capitalised words, with a few lower-case glue words.
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in _CREDIT_GLUE)
    return capitalised / len(words) >= 0.7


def is_credit(line: str) -> bool:
    """True when the whole line is a credit ("Photo: Jane Roe/AFP", "(AP Photo/Jane Roe)")."""
    line = line.strip()
    text = CREDIT_PREFIX.sub("", line)
    if text != line:  # "Photo: ..." says so itself
        return bool(text)
    if text.startswith("(") and text.rstrip(".").endswith(")"):
        text = text.rstrip(".")[1:-1]
    return _looks_like_credit(text) and len(text.split()) <= 6


def split_credit(line: str) -> tuple[str, str] | None:
    """Split a caption line into (caption, credit) when it ends with a credit, else None."""
    line = line.strip()
    m = TRAILING_PAREN.match(line)
    if m and _looks_like_credit(m["credit"]):
        return m["caption"].strip(), CREDIT_PREFIX.sub("", m["credit"].strip())
    m = TRAILING_TAIL.match(line)
    if m and _looks_like_credit(m["credit"]):
        credit = CREDIT_PREFIX.sub("", m["credit"].strip())
        return m["caption"].strip(), credit
    return None
