"""Metadata the UPR documents state about themselves: State under Review, WG session, symbol.

Only what the document itself says is returned (no guessing from file names): the caller can
fall back to its own index when a field is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DocumentMeta", "detect_meta", "ordinal_value"]

_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_TENS = {
    "twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
    "ninet": 90,
}  # fmt: skip


def ordinal_value(word: str) -> int | None:
    """'twenty-sixth' -> 26, '26th' -> 26; None when the word is not an ordinal."""
    word = word.lower().strip()
    if m := re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", word):
        return int(m.group(1))
    if word in _UNITS:
        return _UNITS[word]
    tens, _, unit = word.partition("-")
    for stem, value in _TENS.items():
        if tens == stem + "ieth":
            return value
        if tens == stem + "y" and unit in _UNITS and _UNITS[unit] < 10:
            return value + _UNITS[unit]
    return None


@dataclass(frozen=True)
class DocumentMeta:
    sur_name: str | None
    sur: str | None  # ISO3 of the State under Review when the name resolves
    session: int | None  # Working Group session
    document_symbol: str | None


_ORD = r"(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)"
_SESSION = re.compile(rf"held its\s+{_ORD}\s+session", re.IGNORECASE)
_WG_SYMBOL = re.compile(r"A/HRC/WG\.6/(\d{1,2})/")
_REVIEW_OF = re.compile(
    r"The review of\s+(?:the\s+)?(.{3,80}?)\s+(?:was|took place|were) held", re.IGNORECASE
)
_TITLE = re.compile(
    r"Report\s+of\s+the\s+Working\s+Group\s+on\s+the\s+Universal\s+Periodic\s+Review[*.\s]*\n"
    r"\s*([^\n*]{3,80})",
    re.IGNORECASE,
)
_SYMBOL = re.compile(r"A/HRC/\d{1,2}/\d{1,3}(?:/Add\.\d)?(?:/Rev\.\d)?(?:/Corr\.\d)?")


def _resolve(name: str) -> str | None:
    from upr.sources.state_names import resolve_state

    fact = resolve_state(name)
    return fact.iso3 if fact else None


def detect_meta(text: str, head_chars: int = 15000) -> DocumentMeta:
    """Read SuR, session and symbol from the opening pages of a WG report or addendum."""
    head = text[:head_chars]
    session = None
    if m := _SESSION.search(head):
        session = ordinal_value(m.group(1))
    if session is None and (m := _WG_SYMBOL.search(head)):
        session = int(m.group(1))
    sur_name = sur = None
    candidates = [m.group(1) for m in _TITLE.finditer(head)]
    candidates += [m.group(1) for m in _REVIEW_OF.finditer(head)]
    for raw in candidates:
        name = re.sub(r"\s+", " ", raw).strip(" .*")
        if iso := _resolve(name):
            sur_name, sur = name, iso
            break
    if sur_name is None and candidates:
        sur_name = re.sub(r"\s+", " ", candidates[0]).strip(" .*")
    symbol = None
    for m in _SYMBOL.finditer(head):
        if "Add." in m.group(0) and "Addendum" not in head[:3000]:
            continue  # a reference to another document's addendum
        symbol = m.group(0)
        break
    return DocumentMeta(sur_name, sur, session, symbol)
