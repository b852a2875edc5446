"""The search box's language, turned into an SQLite FTS5 query that cannot break it.

Words match their stem (the index uses the porter stemmer: "sanction" finds "sanctions"
and "sanctioned"), ``word*`` is a prefix, ``"two words"`` a phrase; words next to each
other must all occur; ``OR`` and ``NOT`` (upper case, as in FTS5) and parentheses combine
them. Everything else is a word: punctuation and FTS5's own syntax in the input are quoted.

>>> fts_query('sanction* "oil exports" OR Iran NOT Iraq')
'"sanction"* "oil exports" OR "Iran" NOT "Iraq"'
>>> fts_query('Iran OR')
Traceback (most recent call last):
...
eventwire.search.QueryError: q: OR needs a term after it
>>> fts_query("oil\\x00exports")
'"oil" "exports"'
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from eventwire.filters import FilterError

__all__ = ["HIT_CLOSE", "HIT_OPEN", "QueryError", "fts_query", "highlight"]

_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<paren>[()])|(?P<word>[^\s()"]+)|(?P<quote>")')
_OPERATORS = {"OR", "AND", "NOT"}
# FTS5 reads its query as a C string: a NUL ends it mid-quote ("unterminated string"), so
# control characters are spaces here, as they are to any reader of the box.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Private-use characters mark the hits in FTS5's snippet(); they never occur in news text
# worth keeping, and they are replaced by <mark> only after the rest is escaped.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"


class QueryError(FilterError):
    """A search query that does not parse (an unclosed quote, a dangling OR...)."""

    def __init__(self, message: str) -> None:
        super().__init__("q", message)


def _term(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(text: str) -> str:
    """The FTS5 query for what a user typed; :class:`QueryError` when it is malformed."""
    parts: list[str] = []
    depth = 0
    previous = "start"  # start | term | op | open
    for m in _TOKEN.finditer(_CONTROL.sub(" ", text)):
        if m["quote"]:
            raise QueryError('a quote (") is not closed')
        if m["paren"] == "(":
            if previous == "term":
                parts.append("AND")
            parts.append("(")
            depth += 1
            previous = "open"
            continue
        if m["paren"] == ")":
            if previous in ("op", "open", "start"):
                raise QueryError("an empty or unfinished group before ')'")
            depth -= 1
            if depth < 0:
                raise QueryError("')' without '('")
            parts.append(")")
            previous = "term"
            continue
        word = m["word"]
        if word in _OPERATORS:
            if previous in ("start", "op", "open"):
                raise QueryError(f"{word} needs a term before it")
            parts.append(word)
            previous = "op"
            continue
        if m["phrase"] is not None:
            words = m["phrase"].split()
            if not words:
                continue
            term = _term(" ".join(words))
        else:
            prefix = word.endswith("*")
            core = word.rstrip("*")
            # Punctuation alone (a stray "-", "&") has no token to find: skip it.
            if not re.search(r"\w", core):
                continue
            term = _term(core) + ("*" if prefix else "")
        parts.append(term)
        previous = "term"
    if previous == "op":
        raise QueryError(f"{parts[-1]} needs a term after it")
    if depth:
        raise QueryError("'(' is not closed")
    if not any(p not in _OPERATORS and p not in "()" for p in parts):
        raise QueryError("no words to search for")
    return " ".join(parts)


def highlight(snippet: str) -> Markup:
    """An FTS5 snippet (hits between :data:`HIT_OPEN` and :data:`HIT_CLOSE`) as safe HTML:
    the text escaped, the hits in ``<mark>``."""
    html = str(escape(snippet))
    return Markup(html.replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))
