"""The singular and plural of an English word, so a search for "journalist" finds "journalists".

UPR recommendations are English, and a search box that finds 4 texts for "journalist" but 449 for
"journalists" misleads the person who does not think of the plural. A stemmer would fold far more
("national" and "nationality", "protect" and "protection") and make phrase search and highlighting
differ between SQLite and PostgreSQL; folding grammatical number only is predictable: the user
sees both spellings marked in the results, and quotes ask for the one word exactly.

Wrong guesses are harmless: a form that is no English word ("taxe" from "taxes", "processis")
matches no text. The rules therefore favour recall, except for words whose "s" is not a plural
("news", "status", "access", "analysis"), which keep only their plural.
"""

from __future__ import annotations

import re

_ASCII_WORD = re.compile(r"[a-z]{3,}")

# Irregular plurals frequent in recommendations (both directions are derived from this table).
_IRREGULAR = {
    "child": "children",
    "woman": "women",
    "man": "men",
    "person": "people",
    "life": "lives",
    "wife": "wives",
    "criterion": "criteria",
    "phenomenon": "phenomena",
}
_SINGULAR_OF = {plural: singular for singular, plural in _IRREGULAR.items()}

# Words ending in "s" that are not plurals of a shorter word, or whose "singular" means another
# thing ("new" is not the singular of "news", "mean" not of "means").
_NOT_PLURAL = frozenset(
    {
        "news", "means", "series", "species", "politics", "economics", "statistics", "ethics",
        "physics", "mathematics", "arms", "headquarters", "crossroads", "whereabouts", "always",
        "perhaps", "thus", "has", "was", "does", "is", "its", "his", "hers", "ours", "yours",
        "theirs", "this", "yes", "less", "unless", "across", "towards", "afterwards", "besides",
        "overseas", "alms", "lens", "gas", "bus", "bias", "atlas", "canvas", "chaos", "ethos",
        "pathos", "thesis", "basis", "crisis", "analysis", "diagnosis", "emphasis", "genesis",
        "hypothesis", "paralysis", "synthesis", "tuberculosis", "sclerosis", "psoriasis",
    }
)  # fmt: skip

_SIBILANT = ("s", "x", "z", "ch", "sh")
_VOWELS = "aeiou"


def number_forms(word: str) -> tuple[str, ...]:
    """The word's other grammatical number(s): likely plural forms of a singular and the likely
    singular of a plural. Empty for words this does not apply to (short, digits, non-ASCII)."""
    if not _ASCII_WORD.fullmatch(word):
        return ()
    forms: list[str] = []
    if word in _IRREGULAR:
        forms.append(_IRREGULAR[word])
    if word in _SINGULAR_OF:
        forms.append(_SINGULAR_OF[word])
    forms += _plurals(word)
    if word not in _NOT_PLURAL:
        forms += _singulars(word)
    return tuple(f for f in dict.fromkeys(forms) if f != word)


def _plurals(word: str) -> list[str]:
    if word in _SINGULAR_OF or word in _IRREGULAR:
        return []
    if word in _NOT_PLURAL:  # "crisis" → "crises"; "news", "this" have none
        return [word[:-2] + "es"] if word.endswith("is") and len(word) > 4 else []
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return []  # already a plural ("journalists")
    if word.endswith(_SIBILANT):
        return [word + "es"]
    if word.endswith("y") and word[-2] not in _VOWELS:
        return [word[:-1] + "ies"]
    if word.endswith("fe"):
        return [word + "s", word[:-2] + "ves"]
    return [word + "s"]


def _singulars(word: str) -> list[str]:
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ous")):
        return []
    if word.endswith("ies") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith("ves"):
        return [word[:-1], word[:-3] + "f", word[:-3] + "fe"]
    if word.endswith("es"):
        # "cases", "measures" lose the s; "churches", "taxes", "processes" lose the es;
        # "crises", "analyses" end in "is".
        stem = word[:-2]
        forms = [word[:-1], stem] if stem.endswith(_SIBILANT) else [word[:-1]]
        return [*forms, stem + "is"] if word.endswith("ses") else forms
    return [word[:-1]]
