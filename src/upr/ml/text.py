"""Text features shared by the models: normalisation, a crude stemmer and leading-phrase tokens.

Everything here is a module-level function so that fitted vectorizers can be pickled.
"""

from __future__ import annotations

import itertools
import re

_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ed", "es", "s", "al", "ly")
# Words that often open a recommendation without carrying its action ("To ratify", "That ...").
_OPENERS = frozenset({"to", "that", "the", "it", "is", "recommended", "recommends", "we"})
LEAD_WORDS = 8


def words(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens."""
    return _WORD.findall(text.lower())


def normalise(text: str) -> str:
    """Case- and punctuation-insensitive key used to detect duplicate wording."""
    return " ".join(words(text))


def stem(word: str) -> str:
    """Strip one common English suffix (ratification -> ratific, rights -> right)."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stem_analyzer(text: str) -> list[str]:
    """Stemmed unigrams and bigrams."""
    stems = [stem(w) for w in words(text)]
    return stems + [f"{a} {b}" for a, b in itertools.pairwise(stems)]


def lead_words(text: str, n: int = LEAD_WORDS) -> list[str]:
    """The first words of the recommendation, after dropping filler openers such as "To"."""
    tokens = words(text)
    start = 0
    while start < min(len(tokens), 2) and tokens[start] in _OPENERS:
        start += 1
    return tokens[start : start + n]


def lead_analyzer(text: str) -> list[str]:
    """Leading verb-phrase features for the action category (McMahon's scale).

    Positional tokens for the first three words (``p0=adopt``) and the n-grams (1–3) of the
    first words (``lead=adopt the necessary``): "adopt a law" (5) vs "adopt measures" (4).
    """
    lead = lead_words(text)
    features = [f"p{i}={w}" for i, w in enumerate(lead[:3])]
    for size in (1, 2, 3):
        features.extend("lead=" + " ".join(lead[i : i + size]) for i in range(len(lead) - size + 1))
    return features
