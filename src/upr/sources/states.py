"""The canonical table of the States that take part in the Universal Periodic Review.

Every UN Member State is reviewed and may recommend; the two observer States (Holy See, State of
Palestine) may recommend but are not reviewed. Sources disagree on names, codes and groups, so the
facts live here once, as a literal the project ships with: nothing reads the data directory at run
time. The table was built from UNTERM (via ``cehdi-upr/countries.xlsx``), ISO 3166 codes from
``country-codes``, regional groups from ``world-countries`` and organisation memberships from the
UPR Info export, and is checked against all of them by ``tests/sources/test_states.py``.

Memberships describe the present day, not the 2015 export: where the world has moved on (or the
export was wrong) the difference is recorded in ``EXPORT_ORG_CORRECTIONS`` with its reason, so a
reader of old UPR Info data can tell a correction from a typo.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

type RegionalGroup = Literal["African", "Asia-Pacific", "EEG", "GRULAC", "WEOG"]

REGIONAL_GROUPS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "African": "African Group",
        "Asia-Pacific": "Asia-Pacific Group",
        "EEG": "Eastern European Group",
        "GRULAC": "Latin American and Caribbean Group",
        "WEOG": "Western European and Others Group",
    }
)

#: The UPR Info export's ``To-Rgrp``/``From-Rgrp`` words. ``Observer`` is a status, not a group:
#: it maps to None, and the State's own group (Palestine sits in the Asia-Pacific Group) comes
#: from the table instead.
EXPORT_GROUP_WORDS: Final[Mapping[str, RegionalGroup | None]] = MappingProxyType(
    {
        "Africa": "African",
        "Asia": "Asia-Pacific",
        "EEG": "EEG",
        "GRULAC": "GRULAC",
        "WEOG": "WEOG",
        "Observer": None,
    }
)

#: Every organisation code met in the export's ``To-Org``/``From-Org`` columns.
ORGANISATIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "EU": "European Union",
        "AU": "African Union",
        "AL": "League of Arab States",
        "OIC": "Organisation of Islamic Cooperation",
        "OIF": "Organisation internationale de la Francophonie",
        "Commonwealth": "Commonwealth of Nations",
        "OAS": "Organization of American States",
        "OEI": "Organization of Ibero-American States",
        "ACS": "Association of Caribbean States",
        "ASEAN": "Association of Southeast Asian Nations",
        "CIS": "Commonwealth of Independent States",
        "PIF": "Pacific Islands Forum",
    }
)

#: Where the table departs from the UPR Info export (August 2015):
#: ISO3 -> (codes added, codes removed, why). The test of the export's ``To-Org``/``From-Org``
#: columns applies these and otherwise demands agreement.
EXPORT_ORG_CORRECTIONS: Final[Mapping[str, tuple[frozenset[str], frozenset[str], str]]] = (
    MappingProxyType(
        {
            "MAR": (frozenset({"AU"}), frozenset(), "rejoined the African Union in January 2017"),
            "SSD": (
                frozenset(),
                frozenset({"AL", "OIC"}),
                "never a member of the League of Arab States or the OIC; the export copied Sudan's",
            ),
            "GBR": (frozenset(), frozenset({"EU"}), "left the European Union on 31 January 2020"),
            "GAB": (
                frozenset({"Commonwealth"}),
                frozenset(),
                "joined the Commonwealth in June 2022",
            ),
            "TGO": (
                frozenset({"Commonwealth"}),
                frozenset(),
                "joined the Commonwealth in June 2022",
            ),
            "NIC": (
                frozenset(),
                frozenset({"OAS"}),
                "its withdrawal from the OAS took effect on 19 November 2023",
            ),
            "UKR": (
                frozenset(),
                frozenset({"CIS"}),
                "never ratified the CIS Charter and ended its participation in 2018",
            ),
        }
    )
)

#: The observer States: they recommend (and appear in the export) but are never under review.
OBSERVERS: Final[frozenset[str]] = frozenset({"VAT", "PSE"})


@dataclass(frozen=True, slots=True)
class StateFact:
    """One State, as the rest of the project should name, group and code it."""

    iso3: str
    iso2: str
    #: UNTERM English short name without its trailing "(the)": the form UN documents print.
    un_name: str
    #: Short everyday name for lists and headings.
    name: str
    #: UN regional group code (a key of REGIONAL_GROUPS); None only for the Holy See.
    group: RegionalGroup | None
    organisations: frozenset[str]
    observer: bool = False


# fmt: off
# (ISO alpha-3, ISO alpha-2, UN short name, display name, regional group, organisations)
_TABLE: Final[tuple[tuple[str, str, str, str, RegionalGroup | None, str], ...]] = (
    ("AFG", "AF", "Afghanistan", "Afghanistan", "Asia-Pacific", "OIC"),
    ("ALB", "AL", "Albania", "Albania", "EEG", "OIC OIF"),
    ("DZA", "DZ", "Algeria", "Algeria", "African", "AU AL OIC"),
    ("AND", "AD", "Andorra", "Andorra", "WEOG", "OIF"),
    ("AGO", "AO", "Angola", "Angola", "African", "AU"),
    ("ATG", "AG", "Antigua and Barbuda", "Antigua and Barbuda", "GRULAC", "Commonwealth OAS ACS"),
    ("ARG", "AR", "Argentina", "Argentina", "GRULAC", "OAS OEI"),
    ("ARM", "AM", "Armenia", "Armenia", "EEG", "OIF CIS"),
    ("AUS", "AU", "Australia", "Australia", "WEOG", "Commonwealth PIF"),
    ("AUT", "AT", "Austria", "Austria", "WEOG", "EU"),
    ("AZE", "AZ", "Azerbaijan", "Azerbaijan", "EEG", "OIC CIS"),
    ("BHS", "BS", "Bahamas", "Bahamas", "GRULAC", "Commonwealth OAS ACS"),
    ("BHR", "BH", "Bahrain", "Bahrain", "Asia-Pacific", "AL OIC"),
    ("BGD", "BD", "Bangladesh", "Bangladesh", "Asia-Pacific", "OIC Commonwealth"),
    ("BRB", "BB", "Barbados", "Barbados", "GRULAC", "Commonwealth OAS ACS"),
    ("BLR", "BY", "Belarus", "Belarus", "EEG", "CIS"),
    ("BEL", "BE", "Belgium", "Belgium", "WEOG", "EU OIF"),
    ("BLZ", "BZ", "Belize", "Belize", "GRULAC", "Commonwealth OAS ACS"),
    ("BEN", "BJ", "Benin", "Benin", "African", "AU OIC OIF"),
    ("BTN", "BT", "Bhutan", "Bhutan", "Asia-Pacific", ""),
    ("BOL", "BO", "Bolivia (Plurinational State of)", "Bolivia", "GRULAC", "OAS OEI"),
    ("BIH", "BA", "Bosnia and Herzegovina", "Bosnia and Herzegovina", "EEG", ""),
    ("BWA", "BW", "Botswana", "Botswana", "African", "AU Commonwealth"),
    ("BRA", "BR", "Brazil", "Brazil", "GRULAC", "OAS OEI"),
    ("BRN", "BN", "Brunei Darussalam", "Brunei", "Asia-Pacific", "OIC Commonwealth ASEAN"),
    ("BGR", "BG", "Bulgaria", "Bulgaria", "EEG", "EU OIF"),
    ("BFA", "BF", "Burkina Faso", "Burkina Faso", "African", "AU OIC OIF"),
    ("BDI", "BI", "Burundi", "Burundi", "African", "AU OIF"),
    ("CPV", "CV", "Cabo Verde", "Cabo Verde", "African", "AU OIF"),
    ("KHM", "KH", "Cambodia", "Cambodia", "Asia-Pacific", "OIF ASEAN"),
    ("CMR", "CM", "Cameroon", "Cameroon", "African", "AU OIC OIF Commonwealth"),
    ("CAN", "CA", "Canada", "Canada", "WEOG", "OIF Commonwealth OAS"),
    ("CAF", "CF", "Central African Republic", "Central African Republic", "African", "AU OIF"),
    ("TCD", "TD", "Chad", "Chad", "African", "AU OIC OIF"),
    ("CHL", "CL", "Chile", "Chile", "GRULAC", "OAS OEI"),
    ("CHN", "CN", "China", "China", "Asia-Pacific", ""),
    ("COL", "CO", "Colombia", "Colombia", "GRULAC", "OAS OEI ACS"),
    ("COM", "KM", "Comoros", "Comoros", "African", "AU AL OIC OIF"),
    ("COG", "CG", "Congo", "Congo", "African", "AU OIF"),
    ("CRI", "CR", "Costa Rica", "Costa Rica", "GRULAC", "OAS OEI ACS"),
    ('CIV', 'CI', "Côte d'Ivoire", "Côte d'Ivoire", 'African', 'AU OIC OIF'),
    ("HRV", "HR", "Croatia", "Croatia", "EEG", "EU"),
    ("CUB", "CU", "Cuba", "Cuba", "GRULAC", "OAS OEI ACS"),
    ("CYP", "CY", "Cyprus", "Cyprus", "Asia-Pacific", "EU OIF Commonwealth"),
    ("CZE", "CZ", "Czechia", "Czechia", "EEG", "EU"),
    ('PRK', 'KP', "Democratic People's Republic of Korea", 'DPR Korea', 'Asia-Pacific', ''),
    ("COD", "CD", "Democratic Republic of the Congo", "DR Congo", "African", "AU OIF"),
    ("DNK", "DK", "Denmark", "Denmark", "WEOG", "EU"),
    ("DJI", "DJ", "Djibouti", "Djibouti", "African", "AU AL OIC OIF"),
    ("DMA", "DM", "Dominica", "Dominica", "GRULAC", "OIF Commonwealth OAS ACS"),
    ("DOM", "DO", "Dominican Republic", "Dominican Republic", "GRULAC", "OAS OEI ACS"),
    ("ECU", "EC", "Ecuador", "Ecuador", "GRULAC", "OAS OEI"),
    ("EGY", "EG", "Egypt", "Egypt", "African", "AU AL OIC OIF"),
    ("SLV", "SV", "El Salvador", "El Salvador", "GRULAC", "OAS OEI ACS"),
    ("GNQ", "GQ", "Equatorial Guinea", "Equatorial Guinea", "African", "AU OIF OEI"),
    ("ERI", "ER", "Eritrea", "Eritrea", "African", "AU"),
    ("EST", "EE", "Estonia", "Estonia", "EEG", "EU"),
    ("SWZ", "SZ", "Eswatini", "Eswatini", "African", "AU Commonwealth"),
    ("ETH", "ET", "Ethiopia", "Ethiopia", "African", "AU"),
    ("FJI", "FJ", "Fiji", "Fiji", "Asia-Pacific", "Commonwealth PIF"),
    ("FIN", "FI", "Finland", "Finland", "WEOG", "EU"),
    ("FRA", "FR", "France", "France", "WEOG", "EU OIF"),
    ("GAB", "GA", "Gabon", "Gabon", "African", "AU OIC OIF Commonwealth"),
    ("GMB", "GM", "Gambia", "Gambia", "African", "AU OIC Commonwealth"),
    ("GEO", "GE", "Georgia", "Georgia", "EEG", ""),
    ("DEU", "DE", "Germany", "Germany", "WEOG", "EU"),
    ("GHA", "GH", "Ghana", "Ghana", "African", "AU OIF Commonwealth"),
    ("GRC", "GR", "Greece", "Greece", "WEOG", "EU OIF"),
    ("GRD", "GD", "Grenada", "Grenada", "GRULAC", "Commonwealth OAS ACS"),
    ("GTM", "GT", "Guatemala", "Guatemala", "GRULAC", "OAS OEI ACS"),
    ("GIN", "GN", "Guinea", "Guinea", "African", "AU OIC OIF"),
    ("GNB", "GW", "Guinea-Bissau", "Guinea-Bissau", "African", "AU OIC OIF"),
    ("GUY", "GY", "Guyana", "Guyana", "GRULAC", "OIC Commonwealth OAS ACS"),
    ("HTI", "HT", "Haiti", "Haiti", "GRULAC", "OIF OAS ACS"),
    ("HND", "HN", "Honduras", "Honduras", "GRULAC", "OAS OEI ACS"),
    ("HUN", "HU", "Hungary", "Hungary", "EEG", "EU"),
    ("ISL", "IS", "Iceland", "Iceland", "WEOG", ""),
    ("IND", "IN", "India", "India", "Asia-Pacific", "Commonwealth"),
    ("IDN", "ID", "Indonesia", "Indonesia", "Asia-Pacific", "OIC ASEAN"),
    ("IRN", "IR", "Iran (Islamic Republic of)", "Iran", "Asia-Pacific", "OIC"),
    ("IRQ", "IQ", "Iraq", "Iraq", "Asia-Pacific", "AL OIC"),
    ("IRL", "IE", "Ireland", "Ireland", "WEOG", "EU"),
    ("ISR", "IL", "Israel", "Israel", "WEOG", ""),
    ("ITA", "IT", "Italy", "Italy", "WEOG", "EU"),
    ("JAM", "JM", "Jamaica", "Jamaica", "GRULAC", "Commonwealth OAS ACS"),
    ("JPN", "JP", "Japan", "Japan", "Asia-Pacific", ""),
    ("JOR", "JO", "Jordan", "Jordan", "Asia-Pacific", "AL OIC"),
    ("KAZ", "KZ", "Kazakhstan", "Kazakhstan", "Asia-Pacific", "OIC CIS"),
    ("KEN", "KE", "Kenya", "Kenya", "African", "AU Commonwealth"),
    ("KIR", "KI", "Kiribati", "Kiribati", "Asia-Pacific", "Commonwealth PIF"),
    ("KWT", "KW", "Kuwait", "Kuwait", "Asia-Pacific", "AL OIC"),
    ("KGZ", "KG", "Kyrgyzstan", "Kyrgyzstan", "Asia-Pacific", "OIC CIS"),
    ('LAO', 'LA', "Lao People's Democratic Republic", 'Laos', 'Asia-Pacific', 'OIF ASEAN'),
    ("LVA", "LV", "Latvia", "Latvia", "EEG", "EU"),
    ("LBN", "LB", "Lebanon", "Lebanon", "Asia-Pacific", "AL OIC OIF"),
    ("LSO", "LS", "Lesotho", "Lesotho", "African", "AU Commonwealth"),
    ("LBR", "LR", "Liberia", "Liberia", "African", "AU"),
    ("LBY", "LY", "Libya", "Libya", "African", "AU AL OIC"),
    ("LIE", "LI", "Liechtenstein", "Liechtenstein", "WEOG", ""),
    ("LTU", "LT", "Lithuania", "Lithuania", "EEG", "EU"),
    ("LUX", "LU", "Luxembourg", "Luxembourg", "WEOG", "EU OIF"),
    ("MDG", "MG", "Madagascar", "Madagascar", "African", "AU OIF"),
    ("MWI", "MW", "Malawi", "Malawi", "African", "AU Commonwealth"),
    ("MYS", "MY", "Malaysia", "Malaysia", "Asia-Pacific", "OIC Commonwealth ASEAN"),
    ("MDV", "MV", "Maldives", "Maldives", "Asia-Pacific", "OIC Commonwealth"),
    ("MLI", "ML", "Mali", "Mali", "African", "AU OIC OIF"),
    ("MLT", "MT", "Malta", "Malta", "WEOG", "EU Commonwealth"),
    ("MHL", "MH", "Marshall Islands", "Marshall Islands", "Asia-Pacific", "PIF"),
    ("MRT", "MR", "Mauritania", "Mauritania", "African", "AU AL OIC OIF"),
    ("MUS", "MU", "Mauritius", "Mauritius", "African", "AU OIF Commonwealth"),
    ("MEX", "MX", "Mexico", "Mexico", "GRULAC", "OAS OEI ACS"),
    ("FSM", "FM", "Micronesia (Federated States of)", "Micronesia", "Asia-Pacific", "PIF"),
    ("MCO", "MC", "Monaco", "Monaco", "WEOG", "OIF"),
    ("MNG", "MN", "Mongolia", "Mongolia", "Asia-Pacific", ""),
    ("MNE", "ME", "Montenegro", "Montenegro", "EEG", ""),
    ("MAR", "MA", "Morocco", "Morocco", "African", "AU AL OIC OIF"),
    ("MOZ", "MZ", "Mozambique", "Mozambique", "African", "AU OIC Commonwealth"),
    ("MMR", "MM", "Myanmar", "Myanmar", "Asia-Pacific", "ASEAN"),
    ("NAM", "NA", "Namibia", "Namibia", "African", "AU Commonwealth"),
    ("NRU", "NR", "Nauru", "Nauru", "Asia-Pacific", "Commonwealth PIF"),
    ("NPL", "NP", "Nepal", "Nepal", "Asia-Pacific", ""),
    ("NLD", "NL", "Netherlands (Kingdom of the)", "Netherlands", "WEOG", "EU"),
    ("NZL", "NZ", "New Zealand", "New Zealand", "WEOG", "Commonwealth PIF"),
    ("NIC", "NI", "Nicaragua", "Nicaragua", "GRULAC", "OEI ACS"),
    ("NER", "NE", "Niger", "Niger", "African", "AU OIC OIF"),
    ("NGA", "NG", "Nigeria", "Nigeria", "African", "AU OIC Commonwealth"),
    ("MKD", "MK", "North Macedonia", "North Macedonia", "EEG", "OIF"),
    ("NOR", "NO", "Norway", "Norway", "WEOG", ""),
    ("OMN", "OM", "Oman", "Oman", "Asia-Pacific", "AL OIC"),
    ("PAK", "PK", "Pakistan", "Pakistan", "Asia-Pacific", "OIC Commonwealth"),
    ("PLW", "PW", "Palau", "Palau", "Asia-Pacific", "PIF"),
    ("PAN", "PA", "Panama", "Panama", "GRULAC", "OAS OEI ACS"),
    ("PNG", "PG", "Papua New Guinea", "Papua New Guinea", "Asia-Pacific", "Commonwealth PIF"),
    ("PRY", "PY", "Paraguay", "Paraguay", "GRULAC", "OAS OEI"),
    ("PER", "PE", "Peru", "Peru", "GRULAC", "OAS OEI"),
    ("PHL", "PH", "Philippines", "Philippines", "Asia-Pacific", "ASEAN"),
    ("POL", "PL", "Poland", "Poland", "EEG", "EU"),
    ("PRT", "PT", "Portugal", "Portugal", "WEOG", "EU OEI"),
    ("QAT", "QA", "Qatar", "Qatar", "Asia-Pacific", "AL OIC"),
    ("KOR", "KR", "Republic of Korea", "Republic of Korea", "Asia-Pacific", ""),
    ("MDA", "MD", "Republic of Moldova", "Moldova", "EEG", "OIF CIS"),
    ("ROU", "RO", "Romania", "Romania", "EEG", "EU OIF"),
    ("RUS", "RU", "Russian Federation", "Russia", "EEG", "CIS"),
    ("RWA", "RW", "Rwanda", "Rwanda", "African", "AU OIF Commonwealth"),
    ("KNA", "KN", "Saint Kitts and Nevis", "Saint Kitts and Nevis", "GRULAC", "Commonwealth OAS ACS"),  # noqa: E501
    ("LCA", "LC", "Saint Lucia", "Saint Lucia", "GRULAC", "OIF Commonwealth OAS ACS"),
    ("VCT", "VC", "Saint Vincent and the Grenadines", "Saint Vincent and the Grenadines", "GRULAC", "Commonwealth OAS ACS"),  # noqa: E501
    ("WSM", "WS", "Samoa", "Samoa", "Asia-Pacific", "Commonwealth PIF"),
    ("SMR", "SM", "San Marino", "San Marino", "WEOG", ""),
    ("STP", "ST", "Sao Tome and Principe", "Sao Tome and Principe", "African", "AU OIF"),
    ("SAU", "SA", "Saudi Arabia", "Saudi Arabia", "Asia-Pacific", "AL OIC"),
    ("SEN", "SN", "Senegal", "Senegal", "African", "AU OIC OIF"),
    ("SRB", "RS", "Serbia", "Serbia", "EEG", ""),
    ("SYC", "SC", "Seychelles", "Seychelles", "African", "AU OIF Commonwealth"),
    ("SLE", "SL", "Sierra Leone", "Sierra Leone", "African", "AU OIC Commonwealth"),
    ("SGP", "SG", "Singapore", "Singapore", "Asia-Pacific", "Commonwealth ASEAN"),
    ("SVK", "SK", "Slovakia", "Slovakia", "EEG", "EU"),
    ("SVN", "SI", "Slovenia", "Slovenia", "EEG", "EU"),
    ("SLB", "SB", "Solomon Islands", "Solomon Islands", "Asia-Pacific", "Commonwealth PIF"),
    ("SOM", "SO", "Somalia", "Somalia", "African", "AU AL OIC"),
    ("ZAF", "ZA", "South Africa", "South Africa", "African", "AU Commonwealth"),
    ("SSD", "SS", "South Sudan", "South Sudan", "African", "AU"),
    ("ESP", "ES", "Spain", "Spain", "WEOG", "EU OEI"),
    ("LKA", "LK", "Sri Lanka", "Sri Lanka", "Asia-Pacific", "Commonwealth"),
    ("SDN", "SD", "Sudan", "Sudan", "African", "AU AL OIC"),
    ("SUR", "SR", "Suriname", "Suriname", "GRULAC", "OIC OAS ACS"),
    ("SWE", "SE", "Sweden", "Sweden", "WEOG", "EU"),
    ("CHE", "CH", "Switzerland", "Switzerland", "WEOG", "OIF"),
    ("SYR", "SY", "Syrian Arab Republic", "Syria", "Asia-Pacific", "AL OIC"),
    ("TJK", "TJ", "Tajikistan", "Tajikistan", "Asia-Pacific", "OIC CIS"),
    ("THA", "TH", "Thailand", "Thailand", "Asia-Pacific", "ASEAN"),
    ("TLS", "TL", "Timor-Leste", "Timor-Leste", "Asia-Pacific", ""),
    ("TGO", "TG", "Togo", "Togo", "African", "AU OIC OIF Commonwealth"),
    ("TON", "TO", "Tonga", "Tonga", "Asia-Pacific", "Commonwealth PIF"),
    ("TTO", "TT", "Trinidad and Tobago", "Trinidad and Tobago", "GRULAC", "Commonwealth OAS ACS"),
    ("TUN", "TN", "Tunisia", "Tunisia", "African", "AU AL OIC OIF"),
    ("TUR", "TR", "Türkiye", "Türkiye", "WEOG", "OIC"),
    ("TKM", "TM", "Turkmenistan", "Turkmenistan", "Asia-Pacific", "OIC CIS"),
    ("TUV", "TV", "Tuvalu", "Tuvalu", "Asia-Pacific", "Commonwealth PIF"),
    ("UGA", "UG", "Uganda", "Uganda", "African", "AU OIC Commonwealth"),
    ("UKR", "UA", "Ukraine", "Ukraine", "EEG", ""),
    ("ARE", "AE", "United Arab Emirates", "United Arab Emirates", "Asia-Pacific", "AL OIC"),
    ("GBR", "GB", "United Kingdom of Great Britain and Northern Ireland", "United Kingdom", "WEOG", "Commonwealth"),  # noqa: E501
    ("TZA", "TZ", "United Republic of Tanzania", "Tanzania", "African", "AU Commonwealth"),
    ("USA", "US", "United States of America", "United States", "WEOG", "OAS"),
    ("URY", "UY", "Uruguay", "Uruguay", "GRULAC", "OAS OEI"),
    ("UZB", "UZ", "Uzbekistan", "Uzbekistan", "Asia-Pacific", "OIC CIS"),
    ("VUT", "VU", "Vanuatu", "Vanuatu", "Asia-Pacific", "OIF Commonwealth PIF"),
    ("VEN", "VE", "Venezuela (Bolivarian Republic of)", "Venezuela", "GRULAC", "OAS OEI ACS"),
    ("VNM", "VN", "Viet Nam", "Viet Nam", "Asia-Pacific", "OIF ASEAN"),
    ("YEM", "YE", "Yemen", "Yemen", "Asia-Pacific", "AL OIC"),
    ("ZMB", "ZM", "Zambia", "Zambia", "African", "AU Commonwealth"),
    ("ZWE", "ZW", "Zimbabwe", "Zimbabwe", "African", "AU"),
    ("VAT", "VA", "Holy See", "Holy See", None, ""),
    ("PSE", "PS", "State of Palestine", "Palestine", "Asia-Pacific", "AL OIC"),
)
# fmt: on

_STATES: Final[tuple[StateFact, ...]] = tuple(
    StateFact(
        iso3=iso3,
        iso2=iso2,
        un_name=un_name,
        name=name,
        group=group,
        organisations=frozenset(orgs.split()),
        observer=iso3 in OBSERVERS,
    )
    for iso3, iso2, un_name, name, group, orgs in _TABLE
)
_BY_ISO3: Final[Mapping[str, StateFact]] = MappingProxyType({s.iso3: s for s in _STATES})


def all_states() -> tuple[StateFact, ...]:
    """All 195 States in UNTERM order (Member States A-Z, then the two observers)."""
    return _STATES


def by_iso3(code: str) -> StateFact | None:
    """Look a State up by ISO alpha-3; case-insensitive because codes arrive from URLs and forms."""
    return _BY_ISO3.get(code.strip().upper())
