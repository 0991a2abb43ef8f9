"""'Similar recommendations': nearest neighbours by TF-IDF cosine similarity."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

COMMON_WORD_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Neighbour:
    id: Hashable
    score: float
    """Cosine similarity in [0, 1]; 1.0 means the same words (case and punctuation ignored)."""


@dataclass
class SimilarityIndex:
    vectorizer: TfidfVectorizer
    by_feature: sp.csr_matrix  # (n_features, n_texts): the L2-normalised text vectors, transposed
    ids: list[Hashable]
    kind: str = "similarity-index"

    @classmethod
    def build(cls, texts: Sequence[str], ids: Sequence[Hashable]) -> SimilarityIndex:
        """Index ``texts``; ``ids[i]`` is what a query returns for ``texts[i]``."""
        if len(texts) != len(ids):
            raise ValueError("texts and ids must have the same length")
        # On a real corpus, words found in more than a fifth of the texts ("the", "rights") are
        # dropped: they barely move the cosine and would make every text a candidate neighbour.
        max_df = COMMON_WORD_SHARE if len(texts) >= 1000 else 1.0
        vectorizer = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, max_df=max_df, dtype=np.float32
        )
        if texts and any(t.strip() for t in texts):
            matrix = vectorizer.fit_transform(texts).tocsr()
        else:  # nothing to index: every query returns no neighbour
            vectorizer.fit(["placeholder"])
            matrix = sp.csr_matrix((len(texts), 1), dtype=np.float32)
        return cls(vectorizer=vectorizer, by_feature=matrix.T.tocsr(), ids=list(ids))

    def __len__(self) -> int:
        return len(self.ids)

    def query(self, text: str, k: int = 10) -> list[Neighbour]:
        """The ``k`` most similar indexed texts, best first (ties: index order); score > 0 only."""
        return self.query_many([text], k)[0]

    def query_many(self, texts: Sequence[str], k: int = 10) -> list[list[Neighbour]]:
        if k <= 0 or not len(self.ids):
            return [[] for _ in texts]
        results: list[list[Neighbour]] = []
        queries = self.vectorizer.transform([t if isinstance(t, str) else "" for t in texts])
        if queries.shape[1] != self.by_feature.shape[0]:
            return [[] for _ in texts]
        # (n_queries, n_texts) sparse similarities; only texts sharing a word with the query.
        similarities = (queries @ self.by_feature).tocsr()
        for row in range(similarities.shape[0]):
            begin, end = similarities.indptr[row], similarities.indptr[row + 1]
            columns = similarities.indices[begin:end]
            scores = similarities.data[begin:end]
            keep = scores > 0
            columns, scores = columns[keep], scores[keep]
            if len(scores) > k:
                top = np.argpartition(-scores, k - 1)[:k]
                columns, scores = columns[top], scores[top]
            order = np.lexsort((columns, -scores))
            results.append(
                [Neighbour(self.ids[int(columns[i])], float(min(1.0, scores[i]))) for i in order]
            )
        return results
