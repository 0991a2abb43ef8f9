"""The State table and the name resolver, checked against every real source that names States.

The table is a hand-kept literal, so these tests are what keeps it honest: each external source
(world-countries, country-codes, UNTERM via cehdi-upr, the UPR Info export, Terman's scrapes and
the Working Group report texts) must agree with it, and each disagreement that the data really has
is listed here with its reason rather than silently tolerated.
"""

from __future__ import annotations

import collections
import csv
import difflib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from upr.sources.state_names import (
    ALIASES,
    UNKNOWN_MARKERS,
    is_unknown_marker,
    normalise,
    resolve_state,
)
from upr.sources.states import (
    EXPORT_GROUP_WORDS,
    EXPORT_ORG_CORRECTIONS,
    ORGANISATIONS,
    REGIONAL_GROUPS,
    all_states,
    by_iso3,
)

pytestmark = pytest.mark.corpus

EXPORT_FILES = ("1-5.csv", "6-9.csv", "10-13.csv", "14-17.csv", "18-19.csv", "voluntary.csv")
WORLD_COUNTRIES_GROUPS = {
    "African Group": "African",
    "Asia and the Pacific Group": "Asia-Pacific",
    "Eastern European Group": "EEG",
    "Latin American and Caribbean Group": "GRULAC",
    "Western European and Others Group": "WEOG",
}
UNKNOWN = "&#40;Unknown&#41;"


def _untermish(name: str) -> str:
    """UNTERM short names carry "(the)" and observer/agency asterisks our table leaves out."""
    return re.sub(r"\s*\((the|The)\)\s*$", "", name.replace("*", "").strip()).strip()


def _export_rows(terman_dir: Path) -> Iterator[dict[str, str]]:
    for file_name in EXPORT_FILES:
        with (terman_dir / file_name).open(newline="", encoding="mac_roman") as handle:
            yield from csv.DictReader(handle)


@pytest.fixture(scope="module")
def export_sides(terman_dir: Path) -> list[tuple[str, str, str]]:
    """(name, group word, organisations) for both sides of every row of the six export files."""
    sides = []
    for row in _export_rows(terman_dir):
        for side in ("To", "From"):
            sides.append((row[side], row[f"{side}-Rgrp"], row[f"{side}-Org"]))
    return sides


# (a) shape -----------------------------------------------------------------------------------


def test_193_members_and_2_observers_with_unique_codes() -> None:
    states = all_states()
    assert len(states) == 195
    assert sum(not s.observer for s in states) == 193
    assert {s.iso3 for s in states if s.observer} == {"VAT", "PSE"}
    assert len({s.iso3 for s in states}) == len({s.iso2 for s in states}) == 195
    assert len({s.un_name for s in states}) == len({s.name for s in states}) == 195
    for s in states:
        assert re.fullmatch(r"[A-Z]{3}", s.iso3) and re.fullmatch(r"[A-Z]{2}", s.iso2)
        assert s.organisations <= ORGANISATIONS.keys()
        assert s.group is None or s.group in REGIONAL_GROUPS
        assert not s.un_name.endswith("(the)")
        assert by_iso3(s.iso3.lower()) is s
    assert by_iso3("VAT").group is None and by_iso3("PSE").group == "Asia-Pacific"
    assert all(s.group is not None for s in states if s.iso3 != "VAT")
    assert set(EXPORT_GROUP_WORDS.values()) - {None} == set(REGIONAL_GROUPS)


def test_group_sizes_match_the_un() -> None:
    """Member counts of the five groups as the UN publishes them (observers left out)."""
    sizes = collections.Counter(s.group for s in all_states() if not s.observer)
    assert sizes == {"African": 54, "Asia-Pacific": 54, "EEG": 23, "GRULAC": 33, "WEOG": 29}


def test_organisation_sizes_are_the_current_ones() -> None:
    """Counts among UN Member States and observers; guards against a slip in one table line."""
    sizes = collections.Counter(o for s in all_states() for o in s.organisations)
    assert sizes["EU"] == 27
    assert sizes["AU"] == 54  # the 55th member, the Sahrawi Republic, is not a UN State
    assert sizes["OIC"] == 57
    assert sizes["AL"] == 22
    assert sizes["Commonwealth"] == 56
    assert sizes["ASEAN"] == 10
    assert sizes["ACS"] == 25


# (b) world-countries -------------------------------------------------------------------------


def test_agrees_with_world_countries(data_dir: Path) -> None:
    entries = json.loads((data_dir / "world-countries/countries.json").read_text(encoding="utf-8"))
    by_cca3 = {e["cca3"]: e for e in entries}
    members = {e["cca3"] for e in entries if e["unMember"]}
    # countries.json flags Vatican City as a UN member with no group: the Holy See is an observer.
    assert members - {"VAT"} == {s.iso3 for s in all_states() if not s.observer}
    for state in all_states():
        entry = by_cca3[state.iso3]
        assert entry["cca2"] == state.iso2, state.iso3
        if not state.observer:
            assert WORLD_COUNTRIES_GROUPS[entry["unRegionalGroup"]] == state.group, state.iso3
        # every name world-countries knows a State by must reach it
        for name in (entry["name"]["common"], entry["name"]["official"]):
            assert resolve_state(name) is state, name

    with (data_dir / "world-countries/un_member_states_derived.csv").open(encoding="utf-8") as f:
        derived = {r["cca3"]: r for r in csv.DictReader(f)}
    assert derived.keys() == {s.iso3 for s in all_states() if not s.observer}
    for iso3, row in derived.items():
        state = by_iso3(iso3)
        assert state is not None
        assert row["cca2"] == state.iso2
        assert WORLD_COUNTRIES_GROUPS[row["unRegionalGroup"]] == state.group


# (c) country-codes ---------------------------------------------------------------------------

# country-codes carries the UNTERM short name as it was before the UN renamed the Netherlands
# "Netherlands (Kingdom of the)" (2023); cehdi-upr has the current form, which we use.
COUNTRY_CODES_NAME_EXCEPTIONS = {"NLD": "Netherlands"}


def test_agrees_with_country_codes(data_dir: Path) -> None:
    with (data_dir / "country-codes/country-codes.csv").open(encoding="utf-8") as f:
        rows = {r["ISO3166-1-Alpha-3"]: r for r in csv.DictReader(f)}
    for state in all_states():
        row = rows[state.iso3]
        assert row["ISO3166-1-Alpha-2"] == state.iso2
        short = _untermish(row["UNTERM English Short"])
        if short:
            expected = COUNTRY_CODES_NAME_EXCEPTIONS.get(state.iso3, state.un_name)
            assert short == expected, state.iso3
            assert resolve_state(row["UNTERM English Short"]) is state
        else:
            # CIV and TUR have no UNTERM short name in this version of the file
            assert state.iso3 in {"CIV", "TUR"}
        for column in ("UNTERM English Formal", "official_name_en", "CLDR display name"):
            if row[column]:
                assert resolve_state(row[column]) is state, (column, row[column])
    # only Cook Islands and Niue carry a UNTERM name without being one of our States
    extra = {k for k, r in rows.items() if r["UNTERM English Short"]} - {
        s.iso3 for s in all_states()
    }
    assert extra == {"COK", "NIU"}


# (d) UNTERM via cehdi-upr --------------------------------------------------------------------


def test_every_unterm_name_resolves(data_dir: Path) -> None:
    workbook = openpyxl.load_workbook(data_dir / "cehdi-upr/countries.xlsx", read_only=True)
    names = [row[0] for row in workbook.active.iter_rows(min_row=2, values_only=True) if row[0]]
    states = [n for n in names if not n.endswith("**") and not n.startswith("*")]
    assert len(states) == 195
    resolved = [resolve_state(n) for n in states]
    assert None not in resolved
    assert {s.iso3 for s in resolved if s} == {s.iso3 for s in all_states()}
    # our un_name is exactly UNTERM's English short name, less "(the)" and the asterisk
    assert [_untermish(n) for n in states] == [s.un_name for s in all_states()]
    observers = [s for s, n in zip(resolved, states, strict=True) if n.endswith("*")]
    assert [s.iso3 for s in observers if s] == ["VAT", "PSE"]


# (e) every name in the UPR Info export -------------------------------------------------------


def test_every_export_name_resolves(export_sides: list[tuple[str, str, str]]) -> None:
    names = collections.Counter(name for name, _, _ in export_sides)
    assert len(names) == 196  # 193 + 2 observers + the unknown marker
    unresolved = {n for n in names if resolve_state(n) is None}
    assert unresolved == {UNKNOWN}
    assert names[UNKNOWN] == 9
    assert is_unknown_marker(UNKNOWN) and UNKNOWN in UNKNOWN_MARKERS
    assert {resolve_state(n).iso3 for n in names if n != UNKNOWN} == {  # type: ignore[union-attr]
        s.iso3 for s in all_states()
    }


# (f) regional groups and organisations in the export -----------------------------------------

# The export records observers under the word "Observer", not under a group. Palestine is a full
# member of the Asia-Pacific Group (since 1986) and keeps that group in our table.
EXPORT_GROUP_EXCEPTIONS = {"PSE": "Observer"}


def test_export_groups_agree(export_sides: list[tuple[str, str, str]]) -> None:
    seen: dict[str, set[str]] = collections.defaultdict(set)
    for name, word, _ in export_sides:
        if name != UNKNOWN:
            seen[resolve_state(name).iso3].add(word)  # type: ignore[union-attr]
    disagreements = {}
    for iso3, words in seen.items():
        assert len(words) == 1, (iso3, words)  # the export is self-consistent
        (word,) = words
        if EXPORT_GROUP_WORDS[word] != by_iso3(iso3).group:  # type: ignore[union-attr]
            disagreements[iso3] = word
    assert disagreements == EXPORT_GROUP_EXCEPTIONS


def test_export_organisations_agree_but_for_documented_corrections(
    export_sides: list[tuple[str, str, str]],
) -> None:
    seen: dict[str, set[frozenset[str]]] = collections.defaultdict(set)
    for name, _, orgs in export_sides:
        if name != UNKNOWN:
            codes = frozenset(o.strip() for o in orgs.split(",") if o.strip())
            assert codes <= ORGANISATIONS.keys(), codes
            seen[resolve_state(name).iso3].add(codes)  # type: ignore[union-attr]
    for iso3, sets in seen.items():
        assert len(sets) == 1, (iso3, sets)
        (exported,) = sets
        added, removed, reason = EXPORT_ORG_CORRECTIONS.get(iso3, (frozenset(), frozenset(), ""))
        table = by_iso3(iso3).organisations  # type: ignore[union-attr]
        assert table == (exported | added) - removed, iso3
        if reason:  # a correction must change something the export really says
            assert added - exported == added and removed <= exported, iso3


# Terman's other files: sessions.csv, upr-years.csv, year-csvs, report file names -------------

# Values of year-csvs "From" that are parsing debris, not States (several States in one cell,
# R's missing value, a word of the recommendation).
YEAR_CSV_FROM_NOT_A_STATE = {
    "Argentina Chile",
    "Ecuador and Spain",
    "NA",
    "moratorium",
}


def test_terman_side_files_resolve(terman_dir: Path) -> None:
    with (terman_dir / "sessions.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert resolve_state(row["To"]) is not None, row["To"]
    with (terman_dir / "upr-years.csv").open(newline="", encoding="mac_roman") as f:
        countries = [row["country"] for row in csv.DictReader(f)]
    assert len(countries) == 193
    assert {resolve_state(c).iso3 for c in countries} == {  # type: ignore[union-attr]
        s.iso3 for s in all_states() if not s.observer
    }
    slugs = {re.sub(r"\d+$", "", p.stem) for p in (terman_dir / "wg-report-txts").glob("*.txt")}
    assert {s for s in slugs if resolve_state(s) is None} == set()

    to_values, from_values = set(), set()
    for path in sorted((terman_dir / "year-csvs").glob("*.csv")):
        text = path.read_bytes().decode("mac_roman")
        for row in csv.DictReader(text.splitlines()):
            to_values.add(row["to"])
            from_values.add(row.get("From") or row.get("from") or "")
    assert {v for v in to_values if resolve_state(v) is None} == set()
    assert {v for v in from_values if resolve_state(v) is None} == YEAR_CSV_FROM_NOT_A_STATE


# (g) recommending States as printed in the Working Group reports -----------------------------

# "(…)" closing a sentence; one level of nesting for "(Venezuela (Bolivarian Republic of))".
_TRAILING_PARENS = re.compile(r"\(((?:[^()]|\([^()]*\))+)\)\s*\d?\s*[;.]")


def _split_states(text: str) -> list[str]:
    """A parenthesis may credit several States: "(Brazil/Spain)", "(Ghana and the Netherlands)".

    Split only where the whole does not name a State, so "Trinidad and Tobago" stays whole.
    """
    if resolve_state(text) is not None:
        return [text]
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    if len(parts) > 1:
        return [item for part in parts for item in _split_states(part)]
    # "/" and "and" split only into States: "A/HRC/WG.6/4/CUB/1" is a symbol, not Cuba
    words = [w.strip() for w in re.split(r"/|(?:^|\s)and\s", text) if w.strip()]
    if len(words) > 1 and all(resolve_state(w) is not None for w in words):
        return words
    return [text]


def _report_parentheticals(terman_dir: Path) -> collections.Counter[str]:
    """Every item of every sentence-final parenthesis in the 248 report texts."""
    items: collections.Counter[str] = collections.Counter()
    for path in sorted((terman_dir / "wg-report-txts").glob("*.txt")):
        text = path.read_text(encoding="mac_roman")
        for match in _TRAILING_PARENS.finditer(text):
            items.update(_split_states(" ".join(match.group(1).split())))
    return items


# Unresolved parentheticals that look like a State name to a fuzzy match but are not one.
LOOKALIKES_NOT_STATES = {
    "Bolivarian Republic of": "tail of 'Venezuela (Bolivarian Republic of).' in running text",
    "Bosniak": "a people, in '(Bosniak, Croat or Serb)'",
    "INDI": "Paraguayan Indigenous Institute",
    "malaria": "a disease, in '(AIDS, tuberculosis, malaria, etc.)'",
    "race": "a ground of discrimination",
    "United Kingdom France": "two States run together; the pair is credited jointly",
}


def test_report_recommending_states_resolve(terman_dir: Path) -> None:
    items = _report_parentheticals(terman_dir)
    resolved = {name: resolve_state(name) for name in items}
    states = {s.iso3 for s in resolved.values() if s}
    assert len(states) >= 165  # nearly every recommending State of sessions 1-19 is printed

    # What does not resolve must not be a State name, not even a misspelt one: nothing left
    # over may come close to any known spelling unless it is a documented look-alike.
    keys = sorted({normalise(a) for a in ALIASES})
    unresolved = sorted(n for n, state in resolved.items() if state is None)
    near_misses = {
        name: difflib.get_close_matches(normalise(name), keys, n=1, cutoff=0.8)
        for name in unresolved
        if name not in LOOKALIKES_NOT_STATES
    }
    assert {name: m for name, m in near_misses.items() if m} == {}
    assert set(LOOKALIKES_NOT_STATES) <= set(unresolved)
    # the leftovers are treaty acronyms, document symbols, ministries... and no State's name
    assert all(normalise(n) not in keys for n in unresolved)

    for printed, iso3 in {
        "United Kingdom of Great Britain and Northern Ireland": "GBR",
        "Democratic People’s Republic of Korea": "PRK",
        "Democratic People.s Republic of Korea": "PRK",
        "Côte d’Ivoire": "CIV",
        "Venezuela (Bolivarian Republic of)": "VEN",
        "Venezuela, Bolivarian Republic of": "VEN",
        "the former Yugoslav Republic of Macedonia": "MKD",
        "Libyan Arab Jamahiriya": "LBY",
        "Lichtenstein": "LIE",
        "The Holy See": "VAT",
        "State of Palestine": "PSE",
    }.items():
        assert printed in items, printed
        assert resolved[printed].iso3 == iso3  # type: ignore[union-attr]


# (h) the normaliser and resolver on their own ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("St Vincent & the Grenadines", "VCT"),
        ("St. Kitts and Nevis", "KNA"),
        ("Ivory Coast", "CIV"),
        ("COTE D’IVOIRE", "CIV"),
        ("North Korea", "PRK"),
        ("Türkiye", "TUR"),
        ("Swaziland", "SWZ"),
        ("Cape Verde", "CPV"),
        ("the Gambia", "GMB"),
        ("unitedstatesofamerica", "USA"),
        ("  Norway; ", "NOR"),
        ("Bahamas (The)", "BHS"),
        ("State of Palestine (the) *", "PSE"),
    ],
)
def test_known_spellings(name: str, iso3: str) -> None:
    assert resolve_state(name) is by_iso3(iso3)


def test_aliases_point_at_states_and_unknowns_are_recognised() -> None:
    assert all(by_iso3(iso3) is not None for iso3 in ALIASES.values())
    for marker in (*UNKNOWN_MARKERS, "&#40;unknown&#41;", " (Unknown) "):
        assert is_unknown_marker(marker)
        assert resolve_state(marker) is None
    assert not is_unknown_marker("Niger")
    assert resolve_state("Niger") is by_iso3("NER") and resolve_state("Nigeria") is by_iso3("NGA")


def test_normalise_examples() -> None:
    assert normalise("St Vincent & the Grenadines") == "saint vincent and grenadines"
    assert normalise("Côte d’Ivoire") == normalise("Cote d'Ivoire") == "cote divoire"
    assert normalise("  Bahamas (the) ") == "bahamas"


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_resolve_never_raises(text: str) -> None:
    result = resolve_state(text)
    assert result is None or result in all_states()
    is_unknown_marker(text)


@given(st.sampled_from(sorted(ALIASES)))
def test_every_alias_resolves_in_any_case_and_spacing(alias: str) -> None:
    assert resolve_state(alias.upper()) is by_iso3(ALIASES[alias])
    assert resolve_state(f"  {alias.lower()} ") is by_iso3(ALIASES[alias])
