"""Normal forms of recommendation texts, for natural keys and for matching across sources."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"}
)
_SPACE = re.compile(r"\s+")


def match_form(text: str) -> str:
    """Lower-case, unified quotes and dashes, single spaces, no trailing punctuation."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return _SPACE.sub(" ", text).strip().rstrip(".;, ")


def natural_key(*parts: object) -> str:
    """A short stable key from the parts that identify a record (40 hex digits)."""
    joined = "\x1f".join(match_form(p) if isinstance(p, str) else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8"), usedforsecurity=False).hexdigest()


def sort_key(name: str) -> str:
    """Alphabetical order as a reader expects it, whatever the database's collation: accents
    and case do not count ("Côte d'Ivoire" before "Czechia", "Türkiye" before "Tuvalu")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
