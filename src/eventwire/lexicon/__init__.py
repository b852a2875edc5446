"""The actor lexicon: countries, regions, metonyms, roles and leaders (TSV data + loader).

The public functions live in :mod:`eventwire.lexicon.load` and are re-exported here, so
``from eventwire import lexicon; lexicon.country_of("Moscow")`` works.  Other data-only
modules of this package (``patterns``) are imported by their own names.
"""

from eventwire.lexicon.load import (
    TABLE_DATE,
    CountryEntry,
    LeaderEntry,
    MetonymEntry,
    RegionEntry,
    RoleEntry,
    capital_country,
    countries,
    country,
    country_in,
    country_name,
    country_of,
    demonym_country,
    is_region_code,
    leader,
    leaders,
    metonym,
    non_actor,
    region,
    region_entry,
    regions,
    role,
    role_sector,
)

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
