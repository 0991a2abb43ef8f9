"""TF-IDF coverage: how much of a recommendation's wording a longer draft holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from upr.text.similarity import TfIdf

DOCS = [
    "Ratify the Optional Protocol to the Convention against Torture",
    "Adopt specific legislation to eliminate violence against women",
    "Ratify the Optional Protocol to the Convention on the Rights of the Child",
]


def test_a_longer_draft_covers_the_recommendation_it_contains() -> None:
    index = TfIdf(DOCS)
    draft = DOCS[1] + " by 2027, with a budget and yearly public reports"
    coverage, cosine = index.coverage(draft), index.scores(draft)
    assert abs(coverage[1] - 1.0) < 1e-9 and cosine[1] < 0.8  # all its words, a lower cosine
    assert coverage[0] < 0.3 and coverage[2] < 0.3
    assert index.coverage("")[0] == 0.0


@given(st.text(max_size=200))
def test_coverage_is_a_share(text: str) -> None:
    assert all(0.0 <= c <= 1.0 + 1e-9 for c in TfIdf(DOCS).coverage(text))
