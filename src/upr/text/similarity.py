"""TF-IDF cosine similarity between short texts: how close a recommendation is to a draft.

Why TF-IDF and not plain word overlap: every recommendation says "ratify", "ensure",
"take measures"; weighting by rarity within the review's own recommendations lets the
subject words ("CEDAW", "Roma", "prison") decide. Pure Python, no model, explainable.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_WORD = re.compile(r"[a-z0-9à-ÿ]+(?:-[a-z0-9à-ÿ]+)*")
_STOP = frozenset(
    {
        "a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "by", "at", "as",
        "its", "it", "is", "be", "are", "that", "this", "from", "into", "all", "any", "their",
        "his", "her", "which", "who",
    }
)  # fmt: skip


def tokens(text: str) -> list[str]:
    """Lower-case words without a few function words; crude plural folding ("rights")."""
    out = []
    for word in _WORD.findall(text.lower()):
        if word in _STOP or len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


class TfIdf:
    """Vectors of a small collection; idf comes from the collection itself (smoothed)."""

    def __init__(self, documents: Sequence[str]) -> None:
        self._docs = [Counter(tokens(d)) for d in documents]
        df: Counter[str] = Counter()
        for counts in self._docs:
            df.update(counts.keys())
        n = len(self._docs)
        self._idf = {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}
        self._default_idf = math.log(1 + n) + 1
        self._vectors = [self._weigh(c) for c in self._docs]

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        idf = self._idf
        vec = {w: (1 + math.log(c)) * idf.get(w, self._default_idf) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def vector(self, text: str) -> dict[str, float]:
        return self._weigh(Counter(tokens(text)))

    def scores(self, text: str) -> list[float]:
        """Cosine of ``text`` with every document of the collection, in order."""
        query = self.vector(text)
        return [sum(v * doc.get(w, 0.0) for w, v in query.items()) for doc in self._vectors]

    def coverage(self, text: str) -> list[float]:
        """For every document, the share of its (squared, normalised) weight whose words
        ``text`` contains: 1.0 when all its words are in ``text``, however much longer
        ``text`` is. A S.M.A.R.T. draft adds a deadline and a budget to the ask a State takes
        up; the cosine drops with every added word, the coverage of the State's words does not."""
        words = set(self.vector(text))
        return [sum(v * v for w, v in doc.items() if w in words) for doc in self._vectors]
