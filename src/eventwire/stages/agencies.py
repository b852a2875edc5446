"""News agencies an article names as a source of its text or pictures.

>>> agency_names_in("(Photo by Jane Roe / POOL / AFP)")
['AFP']
>>> find_agencies(["Officials told Reuters on Monday."], credits=["AP Photo/Jo Doe"])
('AP', 'REUTERS')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

__all__ = ["agency_names_in", "find_agencies"]


@cache
def _matchers() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, CODE) pairs from lexicon/agencies.tsv, longest names first."""
    rows: list[tuple[str, str]] = []
    text = resources.files("eventwire.lexicon").joinpath("agencies.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, names = line.split("\t")
        rows.extend((name, code) for name in names.split("|"))
    rows.sort(key=lambda r: -len(r[0]))
    out = []
    for name, code in rows:
        # Short names ("AP", "AFP", "dpa") only as written, longer ones ignoring case.
        flags = 0 if len(name) <= 4 else re.IGNORECASE
        out.append((re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flags), code))
    return tuple(out)


# "Human Rights Activists News Agency (HRANA)", "the Mehr news agency": agencies the
# table does not know still name themselves as such.
_NAMED_AGENCY = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*\s+){1,6}(?:News|Press)\s+Agency)(?:\s+\((?P<abbr>[A-Z]{2,8})\))?"
    # "the state news agency SUNA", "Iran's semi-official news agency Mehr"
    r"|\b(?:news|press|state)\s+agency,?\s+(?P<after>[A-Z][A-Za-z-]+)"
)


def agency_names_in(text: str) -> list[str]:
    """Codes of the agencies named in ``text``, in order of first mention, each once."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, code in _matchers():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            found.append((m.start(), code))
    for m in _NAMED_AGENCY.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        taken.append(m.span())
        if m["after"]:
            found.append((m.start("after"), m["after"].upper()))
            continue
        name = re.sub(r"^(The|A|An|US-based|The state)\s+", "", m["name"])
        found.append((m.start(), m["abbr"] or name.upper()))
    seen: dict[str, None] = {}
    for _, code in sorted(found):
        seen.setdefault(code, None)
    return list(seen)


def find_agencies(texts: Iterable[str], *, credits: Iterable[str] = ()) -> tuple[str, ...]:
    """Every agency named in the credits and in the article's own text, sorted."""
    codes: set[str] = set()
    for text in (*credits, *texts):
        codes.update(agency_names_in(text))
    return tuple(sorted(codes))
