"""The one place where a State's name, however it is spelt, becomes a row of the State table.

UPR sources never agree on names: the UPR Info export writes ``DPR Korea`` and ``St Lucia``, the
Working Group reports print ``the Democratic People’s Republic of Korea`` with a curly apostrophe,
Terman's scrapes use slugs such as ``unitedstatesofamerica`` and typos such as ``kyrgysztan``. Any
importer that matched names on its own would drift from the others, so all of them call
:func:`resolve_state`.

Resolution is three dictionary look-ups, cheapest first, because an import calls it for every row
(~80k times): the exact spelling, then the normalised key (:func:`normalise`), then the bare
letters (slug form), which absorbs spacing and punctuation accidents in scraped text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from .states import StateFact, all_states, by_iso3

#: Values the UPR Info export uses when it does not know the recommending State.
UNKNOWN_MARKERS: Final[frozenset[str]] = frozenset({"&#40;Unknown&#41;", "(Unknown)", "Unknown"})

# Spellings beyond each State's UN short name and display name (those are added below).
# Grouped by where they were met, so a new source's quirks can be added where they belong.
_EXTRA_ALIASES: Final[dict[str, str]] = {
    # UPR Info export (To / From columns, sessions.csv)
    "Antigua & Barbuda": "ATG",
    "Bosnia & Herzegovina": "BIH",
    "Cape Verde": "CPV",
    "Cote d'Ivoire": "CIV",
    "Czech Republic": "CZE",
    "DPR Korea": "PRK",
    "Democratic Republic of Congo": "COD",
    "Guinea Bissau": "GNB",
    "Macedonia FYR": "MKD",
    "Republic of Congo": "COG",
    "Sao Tome & Principe": "STP",
    "St Kitts & Nevis": "KNA",
    "St Lucia": "LCA",
    "St Vincent & the Grenadines": "VCT",
    "Swaziland": "SWZ",
    "Trinidad & Tobago": "TTO",
    "Turkey": "TUR",
    "United States": "USA",
    # upr-years.csv and older UN usage
    "Libyan Arab Jamahiriya": "LBY",
    "The Former Yugoslav Republic of Macedonia": "MKD",
    "Timor Leste": "TLS",
    # Working Group report texts (names as printed, and their typos)
    "Bolivarian Republic of Venezuela": "VEN",
    "Venezuela, Bolivarian Republic of": "VEN",
    "Plurinational State of Bolivia": "BOL",
    "Islamic Republic of Iran": "IRN",
    "Democratic People’s Republic of Korea": "PRK",
    "Democratic Peoples’ Republic of Korea": "PRK",
    "Côte d’Ivoire": "CIV",
    "Lao People’s Democratic Republic": "LAO",
    "Lao PDR": "LAO",
    "DPRK": "PRK",
    "DRC": "COD",
    "USA": "USA",
    "UK": "GBR",
    "United States of Americas": "USA",
    "Lichtenstein": "LIE",
    "The Netherlands": "NLD",
    "The Holy See": "VAT",
    "Federated States of Micronesia": "FSM",
    "Republic of the Marshall Islands": "MHL",
    "Kingdom of Tonga": "TON",
    "UAE": "ARE",
    # ...and misspellings printed in them, each met once
    "Azerbeijan": "AZE",
    "Bolivia (Plurinational Republic of)": "BOL",
    "Bolivia (Purinational State of)": "BOL",
    "Holly See": "VAT",
    "Islamic Republic Iran": "IRN",
    "Lao.s People Democratic Republic": "LAO",
    "Libya Arab Jamahiriya": "LBY",
    "New Zeeland": "NZL",
    "Russia Federation": "RUS",
    "Trinidad an Tobago": "TTO",
    "United Sates": "USA",
    "Netherlands (the)": "NLD",
    # Terman's year-csvs and file-name slugs that no rule can reach
    "Centeral African Republic": "CAF",
    "Kyrgysztan": "KGZ",
    "Macedonia": "MKD",
    "Vietnam": "VNM",
    # "korea2008.txt" is the report on the Republic of Korea; bare "Korea" means it in UN usage.
    "Korea": "KOR",
    # Common English names and former names
    "Bolivia": "BOL",
    "Brunei": "BRN",
    "Burma": "MMR",
    "Cabo Verde": "CPV",
    "Congo-Brazzaville": "COG",
    "Congo-Kinshasa": "COD",
    "Czechia": "CZE",
    "DR Congo": "COD",
    "East Timor": "TLS",
    "Eswatini": "SWZ",
    "Kingdom of Eswatini": "SWZ",
    "Great Britain": "GBR",
    "Britain": "GBR",
    "Iran": "IRN",
    "Ivory Coast": "CIV",
    "Kyrgyz Republic": "KGZ",
    "Laos": "LAO",
    "Micronesia": "FSM",
    "Moldova": "MDA",
    "North Korea": "PRK",
    "North Macedonia": "MKD",
    "Republic of North Macedonia": "MKD",
    "Palestine": "PSE",
    "Republic of the Congo": "COG",
    "Russia": "RUS",
    "South Korea": "KOR",
    "São Tomé and Príncipe": "STP",
    "Syria": "SYR",
    "Tanzania": "TZA",
    "Türkiye": "TUR",
    "Turkiye": "TUR",
    "United Kingdom": "GBR",
    "Vatican": "VAT",
    "Vatican City": "VAT",
    "Venezuela": "VEN",
    # Formal names in world-countries and country-codes that differ from UNTERM's
    "Commonwealth of Australia": "AUS",
    "Nation of Brunei, Abode of Peace": "BRN",
    "Republic of Ireland": "IRL",
    "Italian Republic": "ITA",
    "Independent and Sovereign Republic of Kiribati": "KIR",
    "Federation of Saint Christopher and Nevis": "KNA",
    "Federal Democratic Republic of Nepal": "NPL",
    "Most Serene Republic of San Marino": "SMR",
    "Tunisian Republic": "TUN",
    "Oriental Republic of Uruguay": "URY",
    "Vatican City State": "VAT",
    "Socialist Republic of Vietnam": "VNM",
    "Republic of Iceland": "ISL",
    "Bosnia": "BIH",
    "US": "USA",
    # UNTERM English formal names (cehdi-upr/countries.xlsx), where they differ from the short one
    "Islamic Republic of Afghanistan": "AFG",
    "Republic of Albania": "ALB",
    "People's Democratic Republic of Algeria": "DZA",
    "Principality of Andorra": "AND",
    "Republic of Angola": "AGO",
    "Argentine Republic": "ARG",
    "Republic of Armenia": "ARM",
    "Republic of Austria": "AUT",
    "Republic of Azerbaijan": "AZE",
    "Commonwealth of The Bahamas": "BHS",
    "Kingdom of Bahrain": "BHR",
    "People's Republic of Bangladesh": "BGD",
    "Republic of Belarus": "BLR",
    "Kingdom of Belgium": "BEL",
    "Republic of Benin": "BEN",
    "Kingdom of Bhutan": "BTN",
    "Republic of Botswana": "BWA",
    "Federative Republic of Brazil": "BRA",
    "Republic of Bulgaria": "BGR",
    "Republic of Burundi": "BDI",
    "Republic of Cabo Verde": "CPV",
    "Kingdom of Cambodia": "KHM",
    "Republic of Cameroon": "CMR",
    "Republic of Chad": "TCD",
    "Republic of Chile": "CHL",
    "People's Republic of China": "CHN",
    "Republic of Colombia": "COL",
    "Union of the Comoros": "COM",
    "Republic of Costa Rica": "CRI",
    "Republic of Côte d'Ivoire": "CIV",
    "Republic of Croatia": "HRV",
    "Republic of Cuba": "CUB",
    "Republic of Cyprus": "CYP",
    "Kingdom of Denmark": "DNK",
    "Republic of Djibouti": "DJI",
    "Commonwealth of Dominica": "DMA",
    "Republic of Ecuador": "ECU",
    "Arab Republic of Egypt": "EGY",
    "Republic of El Salvador": "SLV",
    "Republic of Equatorial Guinea": "GNQ",
    "State of Eritrea": "ERI",
    "Republic of Estonia": "EST",
    "Federal Democratic Republic of Ethiopia": "ETH",
    "Republic of Fiji": "FJI",
    "Republic of Finland": "FIN",
    "French Republic": "FRA",
    "Gabonese Republic": "GAB",
    "Republic of the Gambia": "GMB",
    "Federal Republic of Germany": "DEU",
    "Republic of Ghana": "GHA",
    "Hellenic Republic": "GRC",
    "Republic of Guatemala": "GTM",
    "Republic of Guinea": "GIN",
    "Republic of Guinea-Bissau": "GNB",
    "Co-operative Republic of Guyana": "GUY",
    "Republic of Haiti": "HTI",
    "Republic of Honduras": "HND",
    "Republic of India": "IND",
    "Republic of Indonesia": "IDN",
    "Republic of Iraq": "IRQ",
    "State of Israel": "ISR",
    "Republic of Italy": "ITA",
    "Hashemite Kingdom of Jordan": "JOR",
    "Republic of Kazakhstan": "KAZ",
    "Republic of Kenya": "KEN",
    "Republic of Kiribati": "KIR",
    "State of Kuwait": "KWT",
    "Republic of Latvia": "LVA",
    "Lebanese Republic": "LBN",
    "Kingdom of Lesotho": "LSO",
    "Republic of Liberia": "LBR",
    "State of Libya": "LBY",
    "Principality of Liechtenstein": "LIE",
    "Republic of Lithuania": "LTU",
    "Grand Duchy of Luxembourg": "LUX",
    "Republic of Madagascar": "MDG",
    "Republic of Malawi": "MWI",
    "Republic of Maldives": "MDV",
    "Republic of Mali": "MLI",
    "Republic of Malta": "MLT",
    "Islamic Republic of Mauritania": "MRT",
    "Republic of Mauritius": "MUS",
    "United Mexican States": "MEX",
    "Principality of Monaco": "MCO",
    "Kingdom of Morocco": "MAR",
    "Republic of Mozambique": "MOZ",
    "Republic of the Union of Myanmar": "MMR",
    "Republic of Namibia": "NAM",
    "Republic of Nauru": "NRU",
    "Kingdom of the Netherlands": "NLD",
    "Republic of Nicaragua": "NIC",
    "Republic of the Niger": "NER",
    "Federal Republic of Nigeria": "NGA",
    "Kingdom of Norway": "NOR",
    "Sultanate of Oman": "OMN",
    "Islamic Republic of Pakistan": "PAK",
    "Republic of Palau": "PLW",
    "Republic of Panama": "PAN",
    "Independent State of Papua New Guinea": "PNG",
    "Republic of Paraguay": "PRY",
    "Republic of Peru": "PER",
    "Republic of the Philippines": "PHL",
    "Republic of Poland": "POL",
    "Portuguese Republic": "PRT",
    "State of Qatar": "QAT",
    "Republic of Rwanda": "RWA",
    "Independent State of Samoa": "WSM",
    "Republic of San Marino": "SMR",
    "Democratic Republic of Sao Tome and Principe": "STP",
    "Kingdom of Saudi Arabia": "SAU",
    "Republic of Senegal": "SEN",
    "Republic of Serbia": "SRB",
    "Republic of Seychelles": "SYC",
    "Republic of Sierra Leone": "SLE",
    "Republic of Singapore": "SGP",
    "Slovak Republic": "SVK",
    "Republic of Slovenia": "SVN",
    "Federal Republic of Somalia": "SOM",
    "Republic of South Africa": "ZAF",
    "Republic of South Sudan": "SSD",
    "Kingdom of Spain": "ESP",
    "Democratic Socialist Republic of Sri Lanka": "LKA",
    "Republic of the Sudan": "SDN",
    "Republic of Suriname": "SUR",
    "Kingdom of Sweden": "SWE",
    "Swiss Confederation": "CHE",
    "Republic of Tajikistan": "TJK",
    "Kingdom of Thailand": "THA",
    "Democratic Republic of Timor-Leste": "TLS",
    "Togolese Republic": "TGO",
    "Republic of Trinidad and Tobago": "TTO",
    "Republic of Tunisia": "TUN",
    "Republic of Türkiye": "TUR",
    "Republic of Uganda": "UGA",
    "Eastern Republic of Uruguay": "URY",
    "Republic of Uzbekistan": "UZB",
    "Republic of Vanuatu": "VUT",
    "Socialist Republic of Viet Nam": "VNM",
    "Republic of Yemen": "YEM",
    "Republic of Zambia": "ZMB",
    "Republic of Zimbabwe": "ZWE",
}

_APOSTROPHES: Final = str.maketrans(dict.fromkeys("’‘ʼ′`", "'"))
_NON_KEY = re.compile(r"[^a-z0-9]+")
_NON_LETTER = re.compile(r"[^a-z]+")


def _fold(name: str) -> str:
    """Lower-case ASCII letters, digits and separators; shared by the key and the slug forms."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    # An apostrophe joins ("People's" -> "peoples") rather than splits, as slugs do.
    return plain.replace("'", "").replace("&", " and ")


def normalise(name: str) -> str:
    """Reduce a State name to its comparison key: the forms two sources use for one State meet.

    Accents, case, punctuation and spacing go; ``&`` reads as ``and``, ``St``/``St.`` as
    ``saint``, and every ``the`` is dropped, so "St Vincent & the Grenadines", "Saint Vincent and
    the Grenadines" and "Bahamas (the)" all collapse. Only ``[a-z0-9 ]`` survives, which makes
    the function idempotent.
    """
    words = _NON_KEY.sub(" ", _fold(name)).split()
    return " ".join("saint" if w == "st" else w for w in words if w != "the")


def _slug(name: str) -> str:
    """Letters only, the form of Terman's file names and ``to`` column (``saintlucia``)."""
    return _NON_LETTER.sub("", _fold(name))


def _index(pairs: Iterable[tuple[str, str]]) -> Mapping[str, str]:
    """Build a look-up, refusing two States under one key: a silent collision would misattribute."""
    index: dict[str, str] = {}
    for key, iso3 in pairs:
        if not key:
            continue
        if index.setdefault(key, iso3) != iso3:
            raise ValueError(f"State name key {key!r} is ambiguous: {index[key]} / {iso3}")
    return MappingProxyType(index)


def _aliases() -> dict[str, str]:
    """UN short and display names of every State, then the extra spellings."""
    aliases: dict[str, str] = {}
    for state in all_states():
        aliases[state.un_name] = state.iso3
        aliases[state.name] = state.iso3
    for alias, iso3 in _EXTRA_ALIASES.items():
        if by_iso3(iso3) is None:
            raise ValueError(f"alias {alias!r} points at unknown ISO3 {iso3!r}")
        aliases[alias] = iso3
    return aliases


#: Every known spelling (alias -> ISO alpha-3), exact as met in the sources.
ALIASES: Final[Mapping[str, str]] = MappingProxyType(_aliases())
_BY_KEY: Final = _index((normalise(alias), iso3) for alias, iso3 in ALIASES.items())
_BY_SLUG: Final = _index(
    pair
    for alias, iso3 in ALIASES.items()
    for pair in ((_slug(alias), iso3), (normalise(alias).replace(" ", ""), iso3))
)


def is_unknown_marker(name: str) -> bool:
    """True for the export's placeholder for an unrecorded State, in any of its escapings."""
    if name in UNKNOWN_MARKERS:
        return True
    return html.unescape(name).strip().strip("()").strip().casefold() == "unknown"


@lru_cache(maxsize=4096)
def _resolve_loose(name: str) -> str | None:
    """The normalised and slug passes; cached because scraped files repeat the same few typos."""
    key = normalise(name)
    iso3 = _BY_KEY.get(key)
    if iso3 is None:
        iso3 = _BY_SLUG.get(_slug(name)) or _BY_SLUG.get(key.replace(" ", ""))
    return iso3


def resolve_state(name: str) -> StateFact | None:
    """The State a name denotes, or None when it is not (or not recognisably) a State.

    Never raises, so importers can call it on any cell and report the misses themselves.
    Unknown markers give None; use :func:`is_unknown_marker` to tell them from real misses.
    """
    iso3 = ALIASES.get(name)
    if iso3 is None:
        iso3 = _resolve_loose(name)
    return None if iso3 is None else by_iso3(iso3)
