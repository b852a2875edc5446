"""Typed, cached access to the actor lexicon: countries, regions, metonyms, roles, leaders.

The tables are the TSV files beside this module (each says in its header where its facts
come from); they are read once per process through :mod:`importlib.resources`, so a
worker pays the parsing cost (a few milliseconds) on its first lookup only.

Matching is forgiving in the ways news text needs: case, accents, curly apostrophes,
hyphens, a leading "the" and a possessive "'s" are ignored.  Short all-capital names
("US", "UN", "WHO", "MBS") are the exception: they match only in capitals, so the pronoun
"us" and the word "who" are not actors.

>>> country_of("Russia's"), country_of("Britons"), country_of("Kyiv"), region("the West")
('RUS', 'GBR', 'UKR', 'WST')
>>> role_sector("Russia's President")
('GOV', 'President')
>>> leader("Trump", on="2019-05-01").title
'President'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib.resources import files
from typing import Generic, TypeVar

__all__ = [
    "TABLE_DATE",
    "CountryEntry",
    "LeaderEntry",
    "MetonymEntry",
    "RegionEntry",
    "RoleEntry",
    "capital_country",
    "countries",
    "country",
    "country_in",
    "country_name",
    "country_of",
    "demonym_country",
    "is_region_code",
    "leader",
    "leaders",
    "metonym",
    "non_actor",
    "region",
    "region_entry",
    "regions",
    "role",
    "role_sector",
]

# The date leaders.tsv describes: rows without an end date were in office then.
TABLE_DATE = "2025-06-30"

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """One row of countries.tsv: a country or territory and the words that name it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    plurals: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RegionEntry:
    """One row of regions.tsv: a region ("the West") or an intergovernmental organisation."""

    code: str
    kind: str  # region | igo
    within: str | None
    name: str
    aliases: tuple[str, ...]

    @property
    def sector(self) -> str | None:
        """``"IGO"`` for an organisation, None for a region."""
        return "IGO" if self.kind == "igo" else None


@dataclass(frozen=True, slots=True)
class MetonymEntry:
    """One row of metonyms.tsv: a place or institution named instead of its actor."""

    phrase: str
    code: str
    sector: str


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """One row of roles.tsv: a role noun phrase, its sector and the title it confers."""

    phrase: str
    sector: str
    also: str | None
    title: str | None
    generic: bool


@dataclass(frozen=True, slots=True)
class LeaderEntry:
    """One row of leaders.tsv: a person in one office between two dates (end exclusive)."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    title: str
    start: str
    end: str | None
    source: str

    def in_office(self, on: str | date) -> bool:
        """Whether the role was held on a date: ``leader("Obama").in_office("2012-01-01")``."""
        day = _day(on)
        if day is None:
            raise ValueError(f"not an ISO date: {on!r}")
        return _day_or_raise(self.start) <= day and (
            self.end is None or day < _day_or_raise(self.end)
        )


# --- normalisation -------------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})
_DROP = str.maketrans("", "", '.,;:!?"()[]{}“”«»')
_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ISO_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T ])")


def _clean(text: str) -> str:
    """Trim, unify quotes and dashes, and drop a leading "the" and a trailing possessive."""
    if not text.isascii():
        text = text.translate(_QUOTES)
    text = " ".join(text.split()).strip(" '\"“”,.;:")
    text = _THE.sub("", text)
    if text.endswith("s'"):
        return text[:-1]
    return text[:-2] if text.lower().endswith("'s") else text


def _fold(text: str) -> str:
    """Comparison key: accents, case, punctuation and hyphens ignored (``Côte`` = ``cote``)."""
    if not text.isascii():  # the slow path only for the few names that need it
        decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
        text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(text.translate(_DROP).replace("-", " ").replace("/", " ").lower().split())


def _acronym(text: str) -> str | None:
    """The case-sensitive key of a short all-capitals name ("U.S." -> "US"), else None."""
    bare = text.replace(".", "")
    if " " not in bare and len(bare) <= 5 and bare.isupper():
        return bare
    return None


def _day(value: str | date | None) -> str | None:
    """An ISO day string for a date or a (partial) ISO date; partial dates pad to day 1."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    match = _ISO_DAY.match(value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def _day_or_raise(value: str) -> str:
    day = _day(value)
    if day is None:
        raise ValueError(f"not an ISO date: {value!r}")
    return day


# --- reading -------------------------------------------------------------------------------


def _rows(filename: str) -> Iterator[dict[str, str]]:
    """The data rows of one TSV beside this module, as dicts keyed by its header line."""
    text = files("eventwire.lexicon").joinpath(filename).read_text(encoding="utf-8")
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        yield {key: value.strip() for key, value in zip(header, cells, strict=False)}


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


class _Index(Generic[_T]):
    """Names -> values, with case-sensitive acronyms and case-insensitive everything else."""

    __slots__ = ("_acronyms", "_folded")

    def __init__(self) -> None:
        self._acronyms: dict[str, list[_T]] = {}
        self._folded: dict[str, list[_T]] = {}

    def add(self, names: Iterable[str], value: _T) -> None:
        for name in names:
            cleaned = _clean(name)
            short = _acronym(cleaned)
            table, key = (self._acronyms, short) if short else (self._folded, _fold(cleaned))
            bucket = table.setdefault(key, [])
            if value not in bucket:
                bucket.append(value)

    def get(self, text: str) -> list[_T]:
        cleaned = _clean(text)
        short = _acronym(cleaned)
        if short is not None and short in self._acronyms:
            return self._acronyms[short]
        return self._folded.get(_fold(cleaned), [])

    def first(self, text: str) -> _T | None:
        found = self.get(text)
        return found[0] if found else None


@dataclass(frozen=True, slots=True)
class _Countries:
    entries: tuple[CountryEntry, ...]
    by_code: dict[str, CountryEntry]
    names: _Index[str]
    demonyms: _Index[str]
    capitals: _Index[str]


@cache
def _countries() -> _Countries:
    entries = tuple(
        CountryEntry(
            iso3=row["iso3"],
            name=row["name"],
            aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]),
            plurals=_split(row["plurals"]),
            capitals=_split(row["capitals"]),
        )
        for row in _rows("countries.tsv")
    )
    names: _Index[str] = _Index()
    demonyms: _Index[str] = _Index()
    capitals: _Index[str] = _Index()
    for entry in entries:
        names.add((entry.name, *entry.aliases), entry.iso3)
        demonyms.add((*entry.demonyms, *entry.plurals), entry.iso3)
        capitals.add(entry.capitals, entry.iso3)
    return _Countries(entries, {e.iso3: e for e in entries}, names, demonyms, capitals)


@cache
def _regions() -> tuple[tuple[RegionEntry, ...], _Index[str], dict[str, RegionEntry]]:
    entries = tuple(
        RegionEntry(
            code=row["code"],
            kind=row["kind"],
            within=row["within"] or None,
            name=row["name"].removesuffix(" (ew)"),
            aliases=_split(row["aliases"]),
        )
        for row in _rows("regions.tsv")
    )
    index: _Index[str] = _Index()
    for entry in entries:
        index.add((entry.name, *entry.aliases), entry.code)
    return entries, index, {entry.code: entry for entry in entries}


@cache
def _metonyms() -> _Index[MetonymEntry]:
    index: _Index[MetonymEntry] = _Index()
    for row in _rows("metonyms.tsv"):
        index.add([row["phrase"]], MetonymEntry(row["phrase"], row["code"], row["sector"]))
    return index


@cache
def _roles() -> tuple[dict[tuple[str, ...], RoleEntry], int]:
    table: dict[tuple[str, ...], RoleEntry] = {}
    for row in _rows("roles.tsv"):
        entry = RoleEntry(
            phrase=row["phrase"],
            sector=row["sector"],
            also=row["also"] or None,
            title=row["title"] or None,
            generic=row["generic"] == "y",
        )
        table.setdefault(tuple(_fold(row["phrase"]).split()), entry)
    return table, max(len(key) for key in table)


@cache
def _leader_rows() -> tuple[LeaderEntry, ...]:
    return tuple(
        LeaderEntry(
            name=row["name"],
            aliases=_split(row["aliases"]),
            country=row["country"],
            sector=row["sector"],
            title=row["title"],
            start=row["from"],
            end=row["to"] or None,
            source=row["source"],
        )
        for row in _rows("leaders.tsv")
    )


@cache
def _leaders() -> _Index[LeaderEntry]:
    index: _Index[LeaderEntry] = _Index()
    for entry in _leader_rows():
        index.add((entry.name, *entry.aliases), entry)
    return index


# --- countries, regions, metonyms ----------------------------------------------------------


def countries() -> tuple[CountryEntry, ...]:
    """Every row of countries.tsv: ``len(countries()) > 240``."""
    return _countries().entries


def country(iso3: str) -> CountryEntry | None:
    """The row for an ISO alpha-3 code: ``country("CIV").name == "Ivory Coast"``."""
    return _countries().by_code.get(iso3.upper())


def country_name(code: str) -> str | None:
    """Canonical name of a country or region code: ``country_name("NAT") == "NATO"``."""
    found = country(code)
    if found is not None:
        return found.name
    entry = region_entry(code)
    return entry.name if entry is not None else None


def capital_country(name: str) -> str | None:
    """The country whose capital (or seat of government) this is: ``"Moscow"`` -> ``"RUS"``."""
    return _countries().capitals.first(name)


def demonym_country(word: str) -> str | None:
    """The country of a nationality word or its plural: ``"Iranians"`` -> ``"IRN"``."""
    return _countries().demonyms.first(word)


def metonym(name: str) -> MetonymEntry | None:
    """A seat of power or institution standing for an actor: ``"the Kremlin"`` -> RUS GOV."""
    return _metonyms().first(name)


def region(name: str) -> str | None:
    """The code of a region or organisation: ``"Western governments"`` -> ``"WST"``."""
    return _regions()[1].first(name)


def regions() -> tuple[RegionEntry, ...]:
    """Every row of regions.tsv: ``regions()[0].code == "WST"``."""
    return _regions()[0]


def region_entry(code: str) -> RegionEntry | None:
    """The regions.tsv row for a code: ``region_entry("EEC").name == "European Union"``."""
    return _regions()[2].get(code)


def is_region_code(code: str) -> bool:
    """Whether a code is a region or organisation rather than a country: ``"WST"`` -> True."""
    return region_entry(code) is not None


def country_of(name: str) -> str | None:
    """The country or region a name stands for: ``"Chinese"`` -> ``"CHN"``, ``"Paris"`` -> FRA.

    Tried in order: country names, nationality words, metonyms ("the Kremlin"; "Brussels"
    is the EU here), capitals, then regions and organisations ("Western" -> WST).  The
    whole string must match; see :func:`country_in` for a longer phrase.
    """
    data = _countries()
    found = data.names.first(name) or data.demonyms.first(name)
    if found is not None:
        return found
    meto = metonym(name)
    if meto is not None:
        return meto.code
    return data.capitals.first(name) or region(name)


def country_in(phrase: str) -> str | None:
    """The country named by the longest span of a phrase: ``"the Iranian foreign ministry"``.

    Leftmost wins among spans of equal length, so ``"U.S. and Chinese officials"`` is USA.
    """
    words = _clean(phrase).split()
    for size in range(min(len(words), 6), 0, -1):
        for start in range(len(words) - size + 1):
            found = country_of(" ".join(words[start : start + size]))
            if found is not None:
                return found
    return None


# --- roles -------------------------------------------------------------------------------

# Words after a role that still leave it the head: "troops in Ukraine", "minister of
# defence", "spokesman for the government".
_PREPOSITION_WORDS = (
    "of in for from at on to with without by near under over against and or who which that "
    "said says told"
)
_PREPOSITIONS = frozenset(_PREPOSITION_WORDS.split())


def _singulars(word: str) -> list[str]:
    """The word and its plausible singulars: ``"authorities"`` -> [..., ``"authority"``]."""
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        out.append(word[:-1])
    return out


def _tokens(phrase: str) -> list[tuple[str, str]]:
    """(original, folded) words, split on spaces, hyphens and slashes, possessives dropped."""
    out: list[tuple[str, str]] = []
    for raw in re.split(r"[\s\-/]+", phrase.translate(_QUOTES)):
        word = raw.strip("'\",;:!?()[]{}“”")
        word = _POSSESSIVE.sub(lambda m: "" if m.group(0).lower() == "'s" else "s", word)
        folded = _fold(word)
        if folded:
            out.append((word, folded))
    return out


# Adjectives that follow their noun in English titles, so the plural is on the word before.
_POSTPOSITIVE = frozenset({"general", "martial", "elect"})


def _match_ending(
    words: list[str], end: int, table: dict[tuple[str, ...], RoleEntry], longest: int
) -> tuple[int, RoleEntry] | None:
    """The longest role ending at word ``end`` (inclusive), with its start index."""
    for size in range(min(longest, end + 1), 0, -1):
        start = end - size + 1
        head = tuple(words[start:end])
        for last in _singulars(words[end]):
            entry = table.get((*head, last))
            if entry is not None:
                return start, entry
        if head and words[end] in _POSTPOSITIVE:  # "attorneys general": the noun is plural
            for noun in _singulars(head[-1])[1:]:
                entry = table.get((*head[:-1], noun, words[end]))
                if entry is not None:
                    return start, entry
    return None


def _free_after(tokens: list[tuple[str, str]], end: int) -> bool:
    """Whether a role ending at ``end`` is the head: nothing, a name or a preposition follows."""
    rest = tokens[end + 1 :]
    if not rest:
        return True
    if rest[0][1] in _PREPOSITIONS:
        return True
    return all(word[:1].isupper() for word, _ in rest)


def role(phrase: str) -> RoleEntry | None:
    """The role a noun phrase names: ``role("police spokesman").sector == "COP"``.

    The match ending furthest right wins (noun phrases are head-final, so "government
    troops" is MIL), and among those the longest ("former president" is ELI).  A generic
    head ("spokesman", "commander", "official") takes the sector of a role just before it.
    Organisation names are not known here: look them up with :func:`region` first.
    """
    tokens = _tokens(phrase)
    words = [folded for _, folded in tokens]
    table, longest = _roles()
    for end in range(len(words) - 1, -1, -1):
        if not _free_after(tokens, end):
            continue
        found = _match_ending(words, end, table, longest)
        if found is None:
            continue
        start, entry = found
        if entry.generic and start > 0:
            modifier = _match_ending(words, start - 1, table, longest)
            if modifier is not None and not modifier[1].generic:
                mod = modifier[1]
                return RoleEntry(
                    phrase=f"{mod.phrase} {entry.phrase}",
                    sector=mod.sector,
                    also=mod.also,
                    title=entry.title,
                    generic=False,
                )
        return entry
    return None


def role_sector(noun_phrase: str) -> tuple[str, str | None] | None:
    """Sector and normalised title of a role phrase: ``"supreme leader"`` -> GOV, Supreme Leader."""
    found = role(noun_phrase)
    return (found.sector, found.title) if found is not None else None


# --- leaders -------------------------------------------------------------------------------

# Words before a name that are not part of it ("President Putin", "Mr Biden", "Russian").
_HONORIFIC_WORDS = (
    "mr mrs ms miss dr sir dame lord lady madam sheikh sayyid his her excellency "
    "new newly incoming outgoing then current former late"
)
_HONORIFICS = frozenset(_HONORIFIC_WORDS.split())


def leaders(name: str) -> tuple[LeaderEntry, ...]:
    """Every row for a name or alias, oldest first: ``leaders("Putin")[0].title == "President"``."""
    found = _leaders().get(name)
    if not found:
        found = _leaders().get(_strip_titles(name))
    return tuple(sorted(found, key=lambda e: _day_or_raise(e.start)))


def _strip_titles(name: str) -> str:
    """Drop leading honorifics, roles and nationality words: "Russian President Putin"."""
    tokens = _tokens(name)
    words = [folded for _, folded in tokens]
    table, longest = _roles()
    start = 0
    while start < len(words) - 1:
        if words[start] in _HONORIFICS or demonym_country(tokens[start][0]) is not None:
            start += 1
            continue
        if country_of(tokens[start][0]) is not None:
            start += 1
            continue
        step = next(
            (
                size
                for size in range(min(longest, len(words) - start - 1), 0, -1)
                if tuple(words[start : start + size]) in table
            ),
            0,
        )
        if not step:
            break
        start += step
    return " ".join(word for word, _ in tokens[start:])


def leader(name: str, on: str | date | None = None) -> LeaderEntry | None:
    """The person a name refers to on a date: ``leader("Trump", on="2019-05-01")`` -> USA GOV.

    ``on`` is an ISO date (or a datetime, or a partial ISO date such as ``"2019-05"``).
    Of the rows for the name, the one in office that day wins (the latest begun, if
    several); failing that, the one left most recently before it, so a former leader is
    still recognised (check :meth:`LeaderEntry.in_office`); a role begun only after the
    date is never returned.  Without a date (or with one that is not ISO), the row in
    office on :data:`TABLE_DATE` wins, else the latest begun.
    """
    rows = leaders(name)
    if not rows:
        return None
    day = _day(on)
    current = [e for e in rows if e.in_office(day or TABLE_DATE)]
    if current:
        return max(current, key=lambda e: _day_or_raise(e.start))
    if day is None:
        return max(rows, key=lambda e: _day_or_raise(e.start))
    past = [e for e in rows if e.end is not None and _day_or_raise(e.end) <= day]
    if past:
        return max(past, key=lambda e: _day_or_raise(e.end or e.start))
    return None


# --- names that are no participants ------------------------------------------------------

# Words that end the name of a law or a document ("the National Emergencies Act").
_DOCUMENT_WORDS = frozenset(
    [
        "act",
        "bill",
        "amendment",
        "constitution",
        "law",
        "code",
        "charter",
        "statute",
        "ordinance",
        "decree",
        "resolution",
        "directive",
        "regulation",
    ]
)


@cache
def _nonactors() -> dict[str, str]:
    return {_fold(r["name"]): r["kind"] for r in _rows("nonactors.tsv")}


def non_actor(name: str, *, after_of: bool = False) -> str | None:
    """Why a name takes no part in events, or None: ``platform`` ("Twitter"), ``disease``
    ("COVID-19"), ``law`` ("the National Emergencies Act"), ``portfolio`` ("State" in
    "Secretary of State"; only ``after_of``)."""
    kind = _nonactors().get(_fold(name))
    if kind == "portfolio":
        return kind if after_of else None
    if kind is not None:
        return kind
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _DOCUMENT_WORDS:
        return "law"
    if len(words) > 1 and words[-1].lower() in _OUTLET_WORDS:
        return "outlet"  # "Business Insider", "The Jerusalem Post": named as papers are
    return None


# Last words of the names of newspapers, magazines and broadcasters.
_OUTLET_WORDS = frozenset(
    [
        "insider",
        "news",
        "times",
        "post",
        "journal",
        "herald",
        "tribune",
        "gazette",
        "telegraph",
        "chronicle",
        "observer",
        "magazine",
        "radio",
        "television",
        "broadcasting",
        "monitor",
        "courier",
        "bulletin",
        "daily",
        "weekly",
    ]
)
