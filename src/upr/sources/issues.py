"""UPR Info's issue taxonomy: the 54 issues of the 2015 export and the 56 of the later list.

The later list (HURIDOCS' classifier vocabulary) renames two issues and adds three; both
spellings are kept so that old exports, new exports and the machine tagger agree on one issue
per concept.
"""

from __future__ import annotations

from functools import lru_cache

from .state_names_text import key as _key

# Issues of the 2015 export (terman-upr-info) in its own spelling.
EXPORT_2015: tuple[str, ...] = (
    "Asylum-seekers - refugees", "CP rights - general", "Civil society", "Corruption",
    "Counter-terrorism", "Death penalty", "Detention", "Development", "Disabilities",
    "ESC rights - general", "Elections", "Enforced disappearances", "Environment",
    "Extrajudicial executions", "Freedom of association and peaceful assembly",
    "Freedom of movement", "Freedom of opinion and expression", "Freedom of religion and belief",
    "Freedom of the press", "General", "HIV - Aids", "Human rights defenders",
    "Human rights education and training", "Human rights violations by state agents", "Impunity",
    "Indigenous peoples", "Internally displaced persons", "International humanitarian law",
    "International instruments", "Justice", "Labour", "Migrants", "Minorities", "NHRI",
    "National plan of action", "Other", "Poverty", "Public security", "Racial discrimination",
    "Right to education", "Right to food", "Right to health", "Right to housing", "Right to land",
    "Right to water", "Rights of the Child", "Sexual Orientation and Gender Identity",
    "Special procedures", "Technical assistance and cooperation",
    "Torture and other CID treatment", "Trafficking", "Treaty bodies", "UPR process",
    "Women's rights",
)  # fmt: skip

# Renames from the 2015 spelling to the later list's spelling.
RENAMED: dict[str, str] = {
    "NHRI": "National Human Rights Institution",
    "Right to water": "Right to water and sanitation",
}
# Issues only the later list has.
ADDED_LATER: tuple[str, ...] = (
    "Business and human rights",
    "Privacy",
    "Statelessness and the right to nationality",
)
# The later list (56 labels) = the export's issues, renamed, minus "National plan of action", plus
# the added ones.
LATER_LIST: tuple[str, ...] = tuple(
    sorted(
        {RENAMED.get(i, i) for i in EXPORT_2015 if i != "National plan of action"}
        | set(ADDED_LATER),
        key=str.lower,
    )
)

# Every issue the product knows, by its canonical (2015 export) name.
ALL_ISSUES: tuple[str, ...] = EXPORT_2015 + ADDED_LATER

_BY_KEY: dict[str, str] = {_key(name): name for name in ALL_ISSUES}
_BY_KEY.update({_key(new): old for old, new in RENAMED.items()})


@lru_cache(maxsize=4096)
def canonical_issue(name: str) -> str | None:
    """The canonical name of an issue in either list's spelling, or None if it is not an issue."""
    return _BY_KEY.get(_key(name))
