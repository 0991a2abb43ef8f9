"""Earlier recommendations to the same State that a draft follows up.

A follow-up recommendation is stronger when it cites what the State already received on the issue
[003]. Candidates come from the corpus (same SuR, same issue when known); they are ranked by word
overlap with the draft (``upr.text.overlap``), which the page shows so the user can judge.
"""

from __future__ import annotations

from dataclasses import dataclass

from upr.corpus.models import Recommendation
from upr.text.overlap import content_words, overlap

TOP = 3
MIN_SCORE = 0.05


@dataclass(frozen=True)
class Match:
    recommendation: Recommendation
    score: float
    shared: tuple[str, ...]


def earlier_recommendations(sur_iso3: str, issue_id: int | None, text: str) -> list[Match]:
    """The best ``TOP`` earlier recommendations to ``sur_iso3`` matching ``text`` (and issue)."""
    words = content_words(text)
    if not words:
        return []
    rows = Recommendation.objects.filter(sur_id=sur_iso3).only(
        "id", "text", "session_id", "response", "cycle"
    )
    if issue_id:
        rows = rows.filter(issues=issue_id)
    matches = []
    for rec in rows[:2000]:
        score, shared = overlap(words, content_words(rec.text))
        if score >= MIN_SCORE:
            matches.append(Match(rec, score, tuple(sorted(shared))))
    matches.sort(key=lambda m: (-m.score, -m.recommendation.session_id))
    return matches[:TOP]
